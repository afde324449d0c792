-- Client sessions against max_connections (superuser_reserved_connections of them kept for
-- superusers), by state. Without pg_monitor other users' states are NULL (counted as hidden).
SELECT count(*)::int8 AS used,
       current_setting('max_connections')::int8 AS max_connections,
       current_setting('superuser_reserved_connections')::int8 AS reserved,
       round(100.0 * count(*) / current_setting('max_connections')::int, 1)::float8 AS used_pct,
       count(*) FILTER (WHERE state = 'active')::int8 AS active,
       count(*) FILTER (WHERE state = 'idle')::int8 AS idle,
       count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int8 AS idle_in_transaction,
       count(*) FILTER (WHERE state IS NULL)::int8 AS hidden
FROM pg_catalog.pg_stat_activity
WHERE backend_type = 'client backend'
