-- Per-user totals (view user_stats). Column types: int4, varchar, int8, timestamp only.
SELECT
    id,
    email,
    first_name,
    last_name,
    total_emails,
    favorite_emails,
    total_templates,
    last_email_date,
    last_login
FROM user_stats
ORDER BY id;
