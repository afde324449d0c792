-- Every table, materialised view and partition of the database with its sizes, by OID (the
-- seed's schemaname||'.'||tablename breaks on "MixedCase" names). A relation that another
-- session holds or waits for in ACCESS EXCLUSIVE mode is not measured (the size functions take
-- ACCESS SHARE and would queue behind it): it comes back with locked = true and NULL sizes.
-- Partitioned parents have no storage: the caller sums their partitions (root).
WITH busy AS (
    SELECT DISTINCT l.relation
    FROM pg_catalog.pg_locks l
    WHERE l.locktype = 'relation'
      AND l.mode = 'AccessExclusiveLock'
      AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
      AND l.pid <> pg_backend_pid()
)
SELECT c.oid::int8 AS oid,
       format('%I.%I', n.nspname, c.relname) AS name,
       c.relkind::text AS kind,
       CASE WHEN c.relispartition THEN pg_catalog.pg_partition_root(c.oid)::oid::int8 END AS root,
       (b.relation IS NOT NULL OR bt.relation IS NOT NULL) AS locked,
       CASE WHEN b.relation IS NULL AND bt.relation IS NULL
            THEN pg_catalog.pg_total_relation_size(c.oid) END AS total_bytes,
       CASE WHEN b.relation IS NULL AND bt.relation IS NULL
            THEN pg_catalog.pg_indexes_size(c.oid) END AS index_bytes,
       CASE WHEN b.relation IS NULL AND bt.relation IS NULL AND c.reltoastrelid <> 0
            THEN pg_catalog.pg_total_relation_size(c.reltoastrelid)
            WHEN b.relation IS NULL AND bt.relation IS NULL THEN 0 END AS toast_bytes
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN busy b ON b.relation = c.oid
LEFT JOIN busy bt ON bt.relation = c.reltoastrelid AND c.reltoastrelid <> 0
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_)'
ORDER BY c.oid
