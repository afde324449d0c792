-- A run ends ($1 id, $2 outcome, $3 one-line summary).
UPDATE promail.schedule_run
SET ended_at = clock_timestamp(), outcome = $2, summary = $3
WHERE id = $1;
