-- The timetable (migration 0003), with each job's last run and its last success.
SELECT j.job,
       j.expr,
       j.enabled,
       j.args,
       j.updated_at,
       last.started_at AS last_started,
       last.ended_at   AS last_ended,
       last.outcome    AS last_outcome,
       last.summary    AS last_summary,
       ok.ended_at     AS last_success
FROM promail.schedule_job j
LEFT JOIN LATERAL (
    SELECT r.started_at, r.ended_at, r.outcome, r.summary
    FROM promail.schedule_run r
    WHERE r.job = j.job AND r.outcome <> 'skipped'
    ORDER BY r.started_at DESC, r.id DESC
    LIMIT 1
) last ON true
LEFT JOIN LATERAL (
    SELECT r.ended_at
    FROM promail.schedule_run r
    WHERE r.job = j.job AND r.outcome = 'succeeded'
    ORDER BY r.started_at DESC, r.id DESC
    LIMIT 1
) ok ON true
ORDER BY j.job;
