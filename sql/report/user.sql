-- One user's statistics; $1 = user id (int4). No row when the user does not exist.
SELECT
    total_emails,
    favorite_emails,
    total_templates,
    round(avg_email_length, 2)::float8 AS avg_email_length,
    most_used_type,
    last_activity::timestamptz AS last_activity
FROM get_user_statistics($1::int4);
