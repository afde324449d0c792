-- Blocking chains: one row per waiting session and the sessions that block it
-- (pg_blocking_pids), with the lock it waits for and what its first blocker is doing.
SELECT w.pid,
       w.usename::text AS "user",
       date_trunc('second', now() - w.query_start)::text AS waiting,
       (SELECT l.mode || coalesce(' on ' || l.relation::regclass::text, ' (' || l.locktype || ')')
          FROM pg_catalog.pg_locks l WHERE l.pid = w.pid AND NOT l.granted LIMIT 1) AS wants,
       array_to_string(pg_catalog.pg_blocking_pids(w.pid), ',') AS blocked_by,
       b.state AS blocker_state,
       date_trunc('second', now() - b.xact_start)::text AS blocker_xact_age,
       regexp_replace(w.query, '\s+', ' ', 'g') AS query,
       regexp_replace(b.query, '\s+', ' ', 'g') AS blocker_query
FROM pg_catalog.pg_stat_activity w
LEFT JOIN pg_catalog.pg_stat_activity b ON b.pid = (pg_catalog.pg_blocking_pids(w.pid))[1]
WHERE cardinality(pg_catalog.pg_blocking_pids(w.pid)) > 0
ORDER BY w.query_start, w.pid
