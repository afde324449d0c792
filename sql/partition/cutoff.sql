-- The retention cutoff of one table: `now - retention` with PostgreSQL's interval arithmetic
-- (`2026-10-30 - interval '3 months'` = 2026-07-30, not 90 days before). "Now" is the given
-- date, but never after the server's clock: a future `--as-of` (to premake ahead) must not
-- expire the partitions holding today's rows. NULL when the table keeps everything.
--   $1 text: parent table   $2 timestamp: now (`--as-of` or the server's clock)
SELECT least($2::timestamp, LOCALTIMESTAMP) - retention AS cutoff
FROM promail.partition_policy
WHERE parent_table = $1::text;
