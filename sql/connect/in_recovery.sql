-- Whether the server is a standby: target_session_attrs=primary|standby|prefer-standby on
-- servers that do not report in_hot_standby (before 14), as libpq.
SELECT pg_catalog.pg_is_in_recovery()
