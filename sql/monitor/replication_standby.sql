-- This standby: what it receives and how far replay is behind. When everything received is
-- replayed the replay lag is 0 (pg_last_xact_replay_timestamp alone would grow while the
-- primary is idle).
SELECT w.status,
       w.sender_host || ':' || w.sender_port AS primary_conn,
       pg_catalog.pg_last_wal_receive_lsn()::text AS receive_lsn,
       pg_catalog.pg_last_wal_replay_lsn()::text AS replay_lsn,
       pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_last_wal_receive_lsn(), pg_catalog.pg_last_wal_replay_lsn())::int8 AS replay_lag_bytes,
       CASE WHEN pg_catalog.pg_last_wal_receive_lsn() = pg_catalog.pg_last_wal_replay_lsn() THEN 0
            ELSE extract(epoch FROM now() - pg_catalog.pg_last_xact_replay_timestamp()) END::float8 AS replay_lag_s,
       extract(epoch FROM now() - w.last_msg_receipt_time)::float8 AS last_message_s
FROM (SELECT 1) one
LEFT JOIN pg_catalog.pg_stat_wal_receiver w ON true
