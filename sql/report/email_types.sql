-- Per email_type performance (view email_type_performance); averages rounded as numeric, then
-- float8 (before PostgreSQL 14, EXTRACT gives float8, which round(x, 2) does not take).
SELECT
    email_type,
    total_generated,
    round(avg_length::numeric, 2)::float8 AS avg_length,
    favorites,
    round(avg_generation_time::numeric, 2)::float8 AS avg_generation_time
FROM email_type_performance
ORDER BY total_generated DESC, email_type;
