-- Table bloat, ESTIMATED from the planner's statistics (pg_stats average widths and
-- reltuples): the pages the live rows would need at the table's fillfactor, against the pages
-- it has. No table is read; tables never analysed have no estimate (stats = false).
WITH t AS (
    SELECT c.oid, n.nspname, c.relname, c.relpages::float8 AS pages,
           greatest(c.reltuples, 0)::float8 AS tuples,
           current_setting('block_size')::float8 AS bs,
           coalesce((SELECT substring(o FROM 'fillfactor=(\d+)')::float8
                     FROM unnest(c.reloptions) o WHERE o LIKE 'fillfactor=%'), 100) AS ff,
           (SELECT sum((1 - s.null_frac) * s.avg_width)
              FROM pg_catalog.pg_stats s
             WHERE s.schemaname = n.nspname AND s.tablename = c.relname) AS width
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'm')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
), e AS (
    SELECT t.*,
           -- 24-byte tuple header + 4-byte line pointer, rows aligned to 8 bytes; 24-byte page header.
           CASE WHEN width IS NOT NULL THEN
                ceil(tuples * (ceil((24 + width) / 8) * 8 + 4) / ((bs - 24) * ff / 100)) END AS need
    FROM t
)
SELECT format('%I.%I', nspname, relname) AS "table",
       (pages * bs)::int8 AS size_bytes,
       CASE WHEN need IS NOT NULL THEN greatest(pages - need, 0)::int8 * bs::int8 END AS est_bloat_bytes,
       CASE WHEN need IS NOT NULL AND pages > 0
            THEN round((100 * greatest(pages - need, 0) / pages)::numeric, 1)::float8 END AS est_bloat_pct,
       need IS NOT NULL AS stats
FROM e
WHERE pages > 0
ORDER BY 3 DESC NULLS LAST, 1
LIMIT $1
