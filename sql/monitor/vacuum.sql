-- Tables by dead tuples, with their last manual vacuum, last autovacuum and transaction-ID age (wraparound
-- forces an anti-wraparound vacuum at autovacuum_freeze_max_age and stops writes near 2^31).
SELECT format('%I.%I', s.schemaname, s.relname) AS "table",
       s.n_live_tup::int8 AS live,
       s.n_dead_tup::int8 AS dead,
       round(100.0 * s.n_dead_tup / nullif(s.n_live_tup + s.n_dead_tup, 0), 1)::float8 AS dead_pct,
       s.last_vacuum,
       s.last_autovacuum,
       pg_catalog.age(c.relfrozenxid)::int8 AS xid_age
FROM pg_catalog.pg_stat_user_tables s
JOIN pg_catalog.pg_class c ON c.oid = s.relid
WHERE c.relkind <> 'p'  -- no storage, no frozen xid
ORDER BY s.n_dead_tup DESC, pg_catalog.age(c.relfrozenxid) DESC, 1
LIMIT $1
