-- 0003_promail_schedule.sql: promail's maintenance timetable and its run history, in schema
-- promail beside the partition policies, so that every host reads one timetable.
CREATE SCHEMA IF NOT EXISTS promail;

CREATE TABLE promail.schedule_job (
    job        TEXT PRIMARY KEY CHECK (job ~ '^[a-z][a-z0-9-]*$'),
    expr       TEXT NOT NULL,                     -- crontab's five fields, or six/seven with seconds
    enabled    BOOLEAN NOT NULL DEFAULT true,
    args       TEXT[] NOT NULL CHECK (cardinality(args) > 0),  -- promail's arguments: {partitions,rotate}
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

COMMENT ON TABLE promail.schedule_job IS
    'promail maintenance timetable: each job runs `promail ARGS` when its cron expression fires, '
    'in the server''s TimeZone; read by `promail schedule run`, `schedule crontab` and `schedule systemd`';
COMMENT ON COLUMN promail.schedule_job.expr IS
    'crontab''s five fields (min hour dom month dow; 0 and 7 = Sunday; dom and dow ORed when both are set), '
    'or six/seven fields with seconds first (the cron crate''s dialect, day of week by name)';
COMMENT ON COLUMN promail.schedule_job.args IS 'the promail arguments the job runs, without the connection';

-- Defaults a DBA would choose: rotation at night, the seed's retention after it, a full backup
-- after both, critical tables every four hours, pruning after the full backup, and the health
-- check every five minutes.
INSERT INTO promail.schedule_job (job, expr, args) VALUES
    ('rotate',          '0 1 * * *',   '{partitions,rotate}'),
    ('cleanup',         '30 1 * * *',  '{cleanup,--yes}'),
    ('backup',          '0 2 * * *',   '{backup,create}'),
    ('backup-critical', '0 */4 * * *', '{backup,create,--critical}'),
    ('prune',           '30 2 * * *',  '{backup,prune,--keep,7,--keep-days,14,--yes}'),
    ('check',           '*/5 * * * *', '{monitor,check}');

CREATE TABLE promail.schedule_run (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job        TEXT NOT NULL,                     -- not a foreign key: a run by hand of a job removed later stays
    slot       TIMESTAMPTZ,                       -- the instant the scheduler ran it for; NULL when run by hand
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_at   TIMESTAMPTZ,
    outcome    TEXT NOT NULL DEFAULT 'running'
               CHECK (outcome IN ('running', 'succeeded', 'failed', 'skipped', 'abandoned')),
    summary    TEXT,                              -- one line
    host       TEXT NOT NULL,
    pid        INTEGER NOT NULL,
    started_by TEXT NOT NULL DEFAULT 'hand' CHECK (started_by IN ('hand', 'scheduler')),
    CHECK ((outcome = 'running') = (ended_at IS NULL))
);

CREATE INDEX schedule_run_job_started ON promail.schedule_run (job, started_at DESC);

COMMENT ON TABLE promail.schedule_run IS
    'one row per run of a scheduled job (by the scheduler or by hand): start, end, outcome, summary, host and pid; '
    'pruned by promail.prune_schedule_runs()';

-- History that does not grow forever: runs older than keep_for go, failures after twice that,
-- and the newest keep_last runs of each job stay whatever their age.
CREATE FUNCTION promail.prune_schedule_runs(keep_for INTERVAL DEFAULT INTERVAL '90 days',
                                            keep_last INTEGER DEFAULT 20)
RETURNS BIGINT
LANGUAGE sql
AS $$
    WITH ranked AS (
        SELECT id, outcome, started_at,
               row_number() OVER (PARTITION BY job ORDER BY started_at DESC, id DESC) AS n
        FROM promail.schedule_run
        WHERE outcome <> 'running'
    ), gone AS (
        DELETE FROM promail.schedule_run r
        USING ranked
        WHERE r.id = ranked.id
          AND ranked.n > keep_last
          AND ranked.started_at < now() - CASE WHEN ranked.outcome = 'failed' THEN keep_for * 2 ELSE keep_for END
        RETURNING 1
    )
    SELECT count(*) FROM gone
$$;
