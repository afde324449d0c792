-- The oldest open transaction of a client session other than this one, and whether the
-- sessions of other roles are hidden from this role (their xact_start is NULL then).
SELECT (SELECT a.pid FROM pg_catalog.pg_stat_activity a
         WHERE a.xact_start IS NOT NULL AND a.pid <> pg_backend_pid()
           AND a.backend_type = 'client backend'
         ORDER BY a.xact_start LIMIT 1) AS pid,
       (SELECT extract(epoch FROM now() - min(a.xact_start))::float8 FROM pg_catalog.pg_stat_activity a
         WHERE a.pid <> pg_backend_pid() AND a.backend_type = 'client backend') AS secs
