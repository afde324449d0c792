-- `partitions policy set --retention`: the interval as the server reads it, whether it is
-- positive, and whether it is shorter than one period of the table (monthly: 1 month,
-- weekly: 7 days; compared as PostgreSQL compares intervals).
--   $1 text: the retention given   $2 text: the period (monthly, weekly)
SELECT $1::text::interval::text AS retention_text,
       $1::text::interval > interval '0' AS positive,
       $1::text::interval < CASE $2::text WHEN 'weekly' THEN interval '7 days'
                                           ELSE interval '1 month' END AS shorter_than_period
