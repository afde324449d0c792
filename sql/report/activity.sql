-- Per-user activity (view user_activity). Column types: int4, varchar, int8, timestamp only.
SELECT
    id,
    email,
    active_days,
    emails_generated,
    login_count,
    last_activity
FROM user_activity
ORDER BY id;
