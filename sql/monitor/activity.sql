-- Sessions that are doing something (not idle), except this one: how long their transaction
-- and statement have run, what they wait for and which sessions block them. Without
-- pg_monitor (or pg_read_all_stats), other users' sessions come back with state NULL.
SELECT a.pid,
       a.usename::text AS "user",
       a.datname::text AS database,
       a.application_name AS application,
       a.state,
       date_trunc('second', now() - a.xact_start)::text AS xact_age,
       date_trunc('second', now() - a.query_start)::text AS query_age,
       CASE WHEN a.wait_event IS NOT NULL THEN a.wait_event_type || ':' || a.wait_event END AS wait,
       nullif(array_to_string(pg_catalog.pg_blocking_pids(a.pid), ','), '') AS blocked_by,
       CASE WHEN a.state LIKE 'idle in transaction%'
             AND now() - a.state_change >= make_interval(secs => $1)
            THEN 'idle in transaction for ' || date_trunc('second', now() - a.state_change)::text
       END AS flag,
       regexp_replace(a.query, '\s+', ' ', 'g') AS query
FROM pg_catalog.pg_stat_activity a
WHERE a.pid <> pg_backend_pid()
  AND a.backend_type = 'client backend'
  AND a.state IS DISTINCT FROM 'idle'
ORDER BY a.xact_start NULLS LAST, a.pid
