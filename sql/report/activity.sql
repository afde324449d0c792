-- Per-user activity (view user_activity). Column types: int4, varchar, int8, timestamptz only (the views' timestamps, written by the application in the session's TimeZone, as instants: JSON gives them with their zone).
SELECT
    id,
    email,
    active_days,
    emails_generated,
    login_count,
    last_activity::timestamptz AS last_activity
FROM user_activity
ORDER BY id;
