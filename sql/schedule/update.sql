-- Changes one job's expression and/or enabled flag ($2, $3: NULL = keep).
UPDATE promail.schedule_job
SET expr = coalesce($2, expr),
    enabled = coalesce($3, enabled),
    updated_at = now()
WHERE job = $1
RETURNING job, expr, enabled;
