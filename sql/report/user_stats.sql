-- Per-user totals (view user_stats). Column types: int4, varchar, int8, timestamptz only (the views' timestamps, written by the application in the session's TimeZone, as instants: JSON gives them with their zone).
SELECT
    id,
    email,
    first_name,
    last_name,
    total_emails,
    favorite_emails,
    total_templates,
    last_email_date::timestamptz AS last_email_date,
    last_login::timestamptz AS last_login
FROM user_stats
ORDER BY id;
