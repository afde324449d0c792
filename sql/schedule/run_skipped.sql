-- A slot skipped because the job was still running elsewhere ($1 job, $2 slot, $3 host, $4 pid, $5 why).
INSERT INTO promail.schedule_run (job, slot, ended_at, outcome, summary, host, pid, started_by)
VALUES ($1, $2, now(), 'skipped', $5, $3, $4, 'scheduler');
