-- A run begins ($1 job, $2 slot or NULL, $3 host, $4 pid, $5 'hand' or 'scheduler').
INSERT INTO promail.schedule_run (job, slot, host, pid, started_by)
VALUES ($1, $2, $3, $4, $5)
RETURNING id;
