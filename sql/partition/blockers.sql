-- After a lock timeout: the other sessions holding a lock on a table partition maintenance
-- needs (the parent, its partitions, the tables its foreign keys reference: attaching a
-- partition clones the foreign keys and takes SHARE ROW EXCLUSIVE on those), whatever their
-- age. Locks that cannot conflict are left out: on a referenced table, only ROW EXCLUSIVE and
-- stronger conflict with SHARE ROW EXCLUSIVE; on the parent and its partitions any lock can
-- (DETACH, DROP and the attach's lock on DEFAULT are ACCESS EXCLUSIVE). Oldest first.
--   $1 text: parent table in public   $2 int4[]: this run's own sessions, left out
WITH parent AS (
    SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname = $1::text
), rels AS (
    SELECT oid, false AS referenced FROM parent
    UNION SELECT i.inhrelid, false FROM pg_inherits i JOIN parent p ON i.inhparent = p.oid
    UNION SELECT k.confrelid, true FROM pg_constraint k JOIN parent p ON k.conrelid = p.oid
          WHERE k.contype = 'f'
)
SELECT l.pid,
       c.relname::text AS relation,
       l.mode,
       coalesce(extract(epoch FROM clock_timestamp() - a.xact_start), 0)::float8 AS age_seconds,
       coalesce(a.state, '') AS state
FROM pg_locks l
JOIN rels r ON r.oid = l.relation
JOIN pg_class c ON c.oid = l.relation
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.granted
  AND l.pid <> pg_backend_pid()
  AND l.pid <> ALL($2::int4[])
  AND l.locktype = 'relation'
  AND (NOT r.referenced OR l.mode NOT IN ('AccessShareLock', 'RowShareLock'))
ORDER BY a.xact_start NULLS LAST, l.pid, c.relname
LIMIT 200;
