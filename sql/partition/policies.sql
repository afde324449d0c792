-- The partition policies promail keeps in its own schema (migration 0002).
-- Retention as seconds for the planner (a month counts 30 days, as extract(epoch) does) and as
-- text for people.
SELECT parent_table,
       control_column,
       period,
       premake,
       extract(epoch FROM retention)::float8 AS retention_seconds,
       retention::text AS retention_text,
       retention_action
FROM promail.partition_policy
ORDER BY parent_table;
