-- The partitions of one table in schema public, in one query, for `partitions list|rotate|create`
-- and `cleanup`. Always at least one row when the table exists (LEFT JOINs), none when it does not.
-- Reads only the catalogs (no lock on the tables), except pg_total_relation_size, which opens each
-- partition and so is asked for only by `list` ($2), under the session's lock_timeout.
--   $1 text: parent table name      $2 bool: compute sizes
WITH parent AS (
    SELECT c.oid,
           c.relkind::text AS relkind,
           pt.partstrat::text AS strategy,
           pt.partnatts::int AS key_count,
           (SELECT a.attname::text FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum = pt.partattrs[0]) AS key_column,
           (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
               AND a.attgenerated = '') AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid
    WHERE n.nspname = 'public' AND c.relname = $1::text
)
SELECT p.relkind,
       p.strategy,
       p.key_count,
       p.key_column,
       p.columns,
       LOCALTIMESTAMP AS server_now,
       k.relname::text AS partition,
       (SELECT n2.nspname::text FROM pg_namespace n2 WHERE n2.oid = k.relnamespace) AS partition_schema,
       pg_get_expr(k.relpartbound, k.oid) AS bound,
       k.reltuples::float8 AS est_rows,
       pg_stat_get_live_tuples(k.oid) AS live_rows,
       CASE WHEN $2::bool AND k.oid IS NOT NULL THEN pg_total_relation_size(k.oid) END AS bytes
FROM parent p
LEFT JOIN pg_inherits i ON i.inhparent = p.oid
LEFT JOIN pg_class k ON k.oid = i.inhrelid
ORDER BY k.relname;
