-- Since when the statistics of this database count (NULL: never reset).
SELECT stats_reset, date_trunc('second', now() - stats_reset)::text AS age
FROM pg_catalog.pg_stat_database WHERE datname = current_database()
