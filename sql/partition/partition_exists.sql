-- Whether a table of this name exists in public, and if it is a partition of $2, its bound.
--   $1 table name   $2 parent table name
SELECT (i.inhparent IS NOT NULL AND i.inhparent = p.oid) AS is_partition_of_parent,
       pg_get_expr(c.relpartbound, c.oid) AS bound
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
LEFT JOIN pg_class p ON p.relname = $2::text AND p.relnamespace = n.oid
WHERE c.relname = $1::text;
