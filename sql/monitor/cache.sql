-- Buffer cache hit ratios: the database, its tables' heap, their indexes.
SELECT 'database' AS scope, blks_hit::int8 AS hits, blks_read::int8 AS reads,
       round(100.0 * blks_hit / nullif(blks_hit + blks_read, 0), 2)::float8 AS hit_pct
FROM pg_catalog.pg_stat_database WHERE datname = current_database()
UNION ALL
SELECT 'tables', coalesce(sum(heap_blks_hit), 0)::int8, coalesce(sum(heap_blks_read), 0)::int8,
       round(100.0 * sum(heap_blks_hit) / nullif(sum(heap_blks_hit) + sum(heap_blks_read), 0), 2)::float8
FROM pg_catalog.pg_statio_user_tables
UNION ALL
SELECT 'indexes', coalesce(sum(idx_blks_hit), 0)::int8, coalesce(sum(idx_blks_read), 0)::int8,
       round(100.0 * sum(idx_blks_hit) / nullif(sum(idx_blks_hit) + sum(idx_blks_read), 0), 2)::float8
FROM pg_catalog.pg_statio_user_indexes
