-- The migration history, oldest first.
SELECT version, name, checksum, applied_at, duration_ms, applied_by, kind
FROM promail.schema_migrations
ORDER BY version
