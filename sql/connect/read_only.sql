-- Whether the session is read-only: target_session_attrs=read-write|read-only on servers
-- that do not report default_transaction_read_only and in_hot_standby (before 14), as libpq.
SHOW transaction_read_only
