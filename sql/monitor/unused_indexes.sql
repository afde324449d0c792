-- Indexes never scanned since statistics were last reset, except those that enforce a
-- constraint (primary key, unique, exclusion): those work at zero scans. The indexes of
-- partitions count as their partitioned index (unused when no partition's index was scanned).
-- The size and definition of an index whose table or itself another session holds (or waits
-- for) ACCESS EXCLUSIVE are not read (NULL, and `locked`): reading them would wait for it.
WITH busy AS (
    SELECT DISTINCT l.relation
    FROM pg_catalog.pg_locks l
    WHERE l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock'
      AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
      AND l.pid <> pg_backend_pid()
), idx AS (
    SELECT coalesce(pg_catalog.pg_partition_root(s.indexrelid), s.indexrelid) AS top,
           s.idx_scan,
           CASE WHEN b.relation IS NULL AND bt.relation IS NULL
                THEN pg_catalog.pg_relation_size(s.indexrelid) END AS bytes
    FROM pg_catalog.pg_stat_user_indexes s
    LEFT JOIN busy b ON b.relation = s.indexrelid
    LEFT JOIN busy bt ON bt.relation = s.relid
)
SELECT format('%I.%I', tn.nspname, t.relname) AS "table",
       format('%I', ic.relname) AS index,
       count(*)::int8 AS indexes,
       sum(idx.bytes)::int8 AS size_bytes,
       CASE WHEN NOT EXISTS (SELECT 1 FROM busy WHERE busy.relation IN (i.indexrelid, i.indrelid))
            THEN regexp_replace(pg_catalog.pg_get_indexdef(i.indexrelid), '^.* USING ', 'USING ')
       END AS definition,
       EXISTS (SELECT 1 FROM busy WHERE busy.relation IN (i.indexrelid, i.indrelid)) AS locked
FROM idx
JOIN pg_catalog.pg_index i ON i.indexrelid = idx.top
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
WHERE NOT i.indisunique AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
GROUP BY tn.nspname, t.relname, ic.relname, i.indexrelid, i.indrelid
HAVING sum(idx.idx_scan) = 0
ORDER BY sum(idx.bytes) DESC NULLS LAST, 1, 2
