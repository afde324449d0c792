-- One history row: $1 version, $2 name, $3 checksum, $4 duration_ms, $5 promail version, $6 kind.
INSERT INTO promail.schema_migrations (version, name, checksum, applied_at, duration_ms, applied_by, kind)
VALUES ($1, $2, $3, clock_timestamp(), $4, current_user || ' (promail ' || $5::text || ')', $6)
