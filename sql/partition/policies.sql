-- The partition policies promail keeps in its own schema (migration 0002).
-- The retention as the server prints it (`90 days`, `3 mons`): the planner never turns it into
-- seconds (a month is not 30 days); the cutoff comes from cutoff.sql.
SELECT parent_table,
       control_column,
       period,
       premake,
       retention::text AS retention_text,
       retention_action
FROM promail.partition_policy
ORDER BY parent_table;
