-- Per email_type performance (view email_type_performance); NUMERIC averages cast to float8.
SELECT
    email_type,
    total_generated,
    round(avg_length, 2)::float8 AS avg_length,
    favorites,
    round(avg_generation_time, 2)::float8 AS avg_generation_time
FROM email_type_performance
ORDER BY total_generated DESC, email_type;
