-- The oldest transaction-ID age of this database and of the whole server, against
-- autovacuum_freeze_max_age and the 2^31 hard limit.
SELECT (SELECT pg_catalog.age(datfrozenxid) FROM pg_catalog.pg_database WHERE datname = current_database())::int8 AS database_age,
       (SELECT max(pg_catalog.age(datfrozenxid)) FROM pg_catalog.pg_database)::int8 AS server_age,
       current_setting('autovacuum_freeze_max_age')::int8 AS freeze_max_age
