-- Removes promail's jobs for database $1 from pg_cron (run in cron.database_name); returns their ids.
SELECT jobid, cron.unschedule(jobid) AS removed
FROM cron.job
WHERE jobname = 'promail-cleanup' AND database = $1;
