-- The standbys streaming from this server, with their lag in bytes (from the LSNs) and in
-- time (write/flush/replay_lag, NULL once the standby has caught up and nothing is written).
SELECT r.pid,
       r.application_name AS name,
       r.client_addr::text AS client,
       r.state,
       r.sync_state,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.sent_lsn)::int8 AS send_lag_bytes,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), r.replay_lsn)::int8 AS replay_lag_bytes,
       extract(epoch FROM coalesce(r.replay_lag, interval '0'))::float8 AS replay_lag_s,
       extract(epoch FROM coalesce(r.write_lag, interval '0'))::float8 AS write_lag_s
FROM pg_catalog.pg_stat_replication r
ORDER BY r.application_name, r.pid
