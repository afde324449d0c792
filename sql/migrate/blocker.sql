-- What backend $1 is waiting for, and who holds it: the lock it has not been granted, the
-- relation (if any), and the first session blocking it.
SELECT w.mode,
       w.locktype,
       coalesce(w.relation::regclass::text, '') AS relation,
       b.pid AS blocker_pid,
       coalesce(a.application_name, '') AS blocker_app,
       coalesce(a.state, '') AS blocker_state,
       coalesce(extract(epoch FROM clock_timestamp() - a.xact_start)::bigint, 0) AS blocker_xact_secs
FROM pg_locks w
CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS b(pid)
LEFT JOIN pg_stat_activity a ON a.pid = b.pid
WHERE w.pid = $1 AND NOT w.granted
LIMIT 1
