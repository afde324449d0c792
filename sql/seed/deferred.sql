-- The secondary indexes and the foreign keys of the seven tables, which `db seed` drops before
-- loading an empty database and makes again after (as pg_restore does: building an index once
-- is far cheaper than maintaining it row by row). Primary keys and unique constraints stay (the
-- foreign keys need them). On a partitioned table, the parent's index or constraint only: its
-- partitions' copies go and come with it.
--   $1 text[]: the tables
SELECT 'index' AS kind,
       t.relname::text AS table_name,
       ic.relname::text AS name,
       pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = 'public' AND t.relname = ANY ($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
UNION ALL
SELECT 'foreign key',
       t.relname::text,
       c.conname::text,
       pg_get_constraintdef(c.oid)
FROM pg_constraint c
JOIN pg_class t ON t.oid = c.conrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = 'public' AND t.relname = ANY ($1::text[])
  AND c.contype = 'f' AND c.conparentid = 0
ORDER BY 1, 2, 3;
