-- promail's migration history, created by `promail db migrate` / `db baseline` (under the
-- migration lock) before the first migration runs. One row per migration, written in the same
-- transaction as the migration itself.
CREATE SCHEMA IF NOT EXISTS promail;

CREATE TABLE IF NOT EXISTS promail.schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    checksum    TEXT NOT NULL,                 -- sha256 of the file (LF line ends, no BOM)
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    duration_ms BIGINT,                        -- NULL for a baseline row
    applied_by  TEXT NOT NULL DEFAULT current_user,
    kind        TEXT NOT NULL DEFAULT 'applied' CHECK (kind IN ('applied', 'baseline'))
);

COMMENT ON TABLE promail.schema_migrations IS
    'migrations applied by promail db migrate (kind applied) or adopted by promail db baseline (kind baseline); do not edit by hand';
