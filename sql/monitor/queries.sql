-- Top statements of this database from pg_stat_statements. The column names depend on the
-- installed extension version (1.8 renamed total_time/mean_time to total_exec_time/
-- mean_exec_time, 1.11 renamed blk_read_time/blk_write_time to shared_blk_*): the caller
-- replaces {total}, {mean}, {read_time}, {write_time}, {schema}, {filter} and {order}.
SELECT s.calls::int8 AS calls,
       round(s.{total}::numeric, 1)::float8 AS total_ms,
       round(s.{mean}::numeric, 2)::float8 AS mean_ms,
       s.rows::int8 AS rows,
       round(100.0 * s.shared_blks_hit / nullif(s.shared_blks_hit + s.shared_blks_read, 0), 1)::float8 AS hit_pct,
       round((s.{read_time} + s.{write_time})::numeric, 1)::float8 AS io_ms,
       r.rolname::text AS "user",
       -- On one line, without the comment lines it may start with.
       regexp_replace(regexp_replace(s.query, '^(\s*--[^\n]*\n)+', ''), '\s+', ' ', 'g') AS query
FROM {schema}.pg_stat_statements s
LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.userid
WHERE s.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
  {filter}
ORDER BY {order} DESC NULLS LAST
LIMIT $1
