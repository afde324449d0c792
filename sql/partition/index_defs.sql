-- The indexes of a partitioned parent, for building them on a standalone table before it is
-- attached as a partition (ATTACH then adopts them instead of building them while it holds
-- ACCESS EXCLUSIVE on the DEFAULT partition). Constraint-backed ones (primary key, unique,
-- exclusion) come as constraint definitions: ATTACH only adopts a constraint for them.
--   $1 text: parent table name in public
SELECT pg_get_indexdef(i.indexrelid) AS index_def,
       quote_ident(ic.relname) AS index_name,
       quote_ident(n.nspname) || '.' || quote_ident(p.relname) AS parent_name,
       (SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
         WHERE c.conindid = i.indexrelid AND c.conrelid = p.oid
           AND c.contype IN ('p', 'u', 'x')) AS constraint_def
FROM pg_index i
JOIN pg_class p ON p.oid = i.indrelid
JOIN pg_namespace n ON n.oid = p.relnamespace
JOIN pg_class ic ON ic.oid = i.indexrelid
WHERE n.nspname = 'public' AND p.relname = $1::text
ORDER BY ic.relname;
