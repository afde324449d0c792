-- The tables whose rows a backup holds, as schema-qualified quoted names: ordinary tables
-- (partitions too: a partitioned parent holds no rows itself, so it is not counted twice),
-- outside the system schemas and other sessions' temporary schemas. $1: only these table
-- names (in the search path's first schema that has them), or NULL for every table.
SELECT n.nspname::text AS schema, c.relname::text AS name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
  AND ($1::text[] IS NULL OR c.oid = ANY (SELECT to_regclass(t)::oid FROM unnest($1::text[]) t))
ORDER BY 1, 2
