-- 0002_promail_partition_policy.sql: promail's own bookkeeping, in schema promail.
-- The migrator creates schema promail and its history table before running migrations;
-- the CREATE SCHEMA below only makes this file runnable on its own.
CREATE SCHEMA IF NOT EXISTS promail;

CREATE TABLE promail.partition_policy (
    parent_table     TEXT PRIMARY KEY,          -- unqualified name in public: 'login_history'
    control_column   TEXT NOT NULL,             -- partition key column: 'login_time'
    period           TEXT NOT NULL CHECK (period IN ('monthly', 'weekly')),
    premake          INTEGER NOT NULL CHECK (premake BETWEEN 1 AND 520),
    retention        INTERVAL CHECK (retention IS NULL OR retention > INTERVAL '0'),  -- NULL = keep forever
    retention_action TEXT NOT NULL DEFAULT 'drop' CHECK (retention_action IN ('drop', 'detach')),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

COMMENT ON TABLE promail.partition_policy IS
    'promail partition rotation policy, one row per range-partitioned table in public: period partitions '
    '(monthly <parent>_YYYY_MM, weekly <parent>_YYYY_wWW by ISO week) are created premake periods ahead; '
    'partitions entirely older than retention are dropped or detached (retention NULL = keep forever).';
COMMENT ON COLUMN promail.partition_policy.parent_table IS 'unqualified name of the partitioned parent in schema public';
COMMENT ON COLUMN promail.partition_policy.control_column IS 'the RANGE partition key column of the parent';
COMMENT ON COLUMN promail.partition_policy.period IS 'monthly (<parent>_YYYY_MM) or weekly (<parent>_YYYY_wWW, ISO year and week)';
COMMENT ON COLUMN promail.partition_policy.premake IS 'number of future periods kept created ahead of the current one';
COMMENT ON COLUMN promail.partition_policy.retention IS 'partitions whose upper bound is older than now() - retention expire; NULL = keep forever';
COMMENT ON COLUMN promail.partition_policy.retention_action IS 'what happens to an expired partition: drop, or detach (kept as a standalone table)';

-- Retention as the seed's cleanup_old_logs(): login_history 90 days, email_analytics 30 days.
INSERT INTO promail.partition_policy (parent_table, control_column, period, premake, retention, retention_action) VALUES
    ('login_history',   'login_time',  'monthly', 3, INTERVAL '90 days', 'drop'),
    ('email_analytics', 'action_time', 'weekly',  4, INTERVAL '30 days', 'drop');
