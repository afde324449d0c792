-- The server at a glance: in recovery or not, up since, this database's size.
SELECT pg_catalog.pg_is_in_recovery() AS standby,
       date_trunc('second', now() - pg_catalog.pg_postmaster_start_time())::text AS uptime,
       pg_catalog.pg_database_size(current_database())::int8 AS database_bytes
