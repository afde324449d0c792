-- Indexes of one table with the same method, columns, operator classes, collations,
-- expressions and predicate: all but one are redundant (the one that enforces a constraint is
-- the one to keep).
SELECT format('%I.%I', n.nspname, t.relname) AS "table",
       string_agg(format('%I', ic.relname), ', '
                  ORDER BY NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                                       WHERE k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x')),
                           ic.relname) AS indexes,
       count(*)::int8 AS copies,
       sum(pg_catalog.pg_relation_size(i.indexrelid))::int8 AS size_bytes,
       min(regexp_replace(pg_catalog.pg_get_indexdef(i.indexrelid), '^.* USING ', 'USING ')) AS definition
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
GROUP BY n.nspname, t.relname, i.indrelid, ic.relam, i.indkey::text, i.indclass::text,
         i.indcollation::text, coalesce(pg_catalog.pg_get_expr(i.indexprs, i.indrelid), ''),
         coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '')
HAVING count(*) > 1
ORDER BY 4 DESC, 1
