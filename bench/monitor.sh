#!/usr/bin/env bash
# The overview (`promail monitor`) against the same queries run by `psql -f`, on a database with
# 1,000 partitions, in one run: medians of RUNS interleaved runs and their ratio (goal: under 1 s
# and at most 1.5× psql).
#
#   bench/monitor.sh                 # RUNS=5 by default
#   PGHOST=/tmp/cluster PGUSER=postgres RUNS=9 bench/monitor.sh
#   PROMAIL=target/debug/promail bench/monitor.sh   # another binary (default: a --release build)
#
# Needs a server reachable as PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres, trust)
# with pg_stat_statements preloaded, where it may create and drop the database bench_monitor.
# The psql file is made from promail's own SQL (sql/monitor/, sql/partition/): the statements
# the overview runs, each PREPAREd and EXECUTEd with the overview's parameters; what promail
# does around them (connecting with TLS negotiation, reading the server's capabilities, turning
# rows into tables, the partition health computed in Rust) is what the ratio measures.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
RUNS="${RUNS:-5}"
if [ -n "${PROMAIL:-}" ]; then
  P="$(realpath "$PROMAIL")"
else
  echo "bench: building promail --release" >&2
  cargo build --release -q
  P="$PWD/target/release/promail"
fi
DB=bench_monitor

q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
url() { echo "host=$PGHOST port=$PGPORT user=$PGUSER dbname=$1"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.3f}')"; }
median() { python3 -c "import sys,statistics; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
# shellcheck source=bench/lib.bash
. bench/lib.bash

echo "bench: database $DB with 1,000 partitions" >&2
q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
q -d postgres -c "CREATE DATABASE $DB"
export DATABASE_URL
DATABASE_URL=$(url $DB)
"$P" -q db migrate
q -d $DB -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
from=$(q -d $DB -c "SELECT to_char(localtimestamp - interval '13 months', 'YYYY-MM-DD')")
to=$(q -d $DB -c "SELECT to_char(localtimestamp + interval '4 months', 'YYYY-MM-DD')")
"$P" -q partitions create login_history --from "$from" --to "$to" 2>/dev/null
have=$(q -d $DB -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'login_history'::regclass")
weeks=$((1000 - have))
wfrom=$(q -d $DB -c "SELECT to_char(localtimestamp - interval '1 week' * ($weeks - 20), 'YYYY-MM-DD')")
wto=$(q -d $DB -c "SELECT to_char(localtimestamp + interval '1 week' * 20, 'YYYY-MM-DD')")
"$P" -q partitions create email_analytics --from "$wfrom" --to "$wto" 2>/dev/null
logins $DB 200000 "localtimestamp - interval '365 days'" "interval '365 days'" >/dev/null
parts=$(q -d $DB -c "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent WHERE c.relname IN ('login_history', 'email_analytics')")
echo "bench: $parts partitions" >&2

# The overview's statements, for psql.
ext=$(q -d $DB -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_stat_statements'")
if python3 -c "import sys; sys.exit(0 if tuple(map(int, '$ext'.split('.'))) >= (1, 11) else 1)"; then
  rt=shared_blk_read_time wt=shared_blk_write_time
else
  rt=blk_read_time wt=blk_write_time
fi
SQLFILE=$(mktemp --suffix=.sql)
trap 'rm -f "$SQLFILE"' EXIT
prep() { # NAME FILE: PREPARE NAME AS <file>
  printf 'PREPARE %s AS\n%s;\n' "$1" "$(sed -e 's/;[[:space:]]*$//' "$2")"
}
{
  echo "SET lock_timeout = 500;"
  prep server sql/monitor/server.sql; echo "EXECUTE server;"
  prep privileges sql/monitor/privileges.sql; echo "EXECUTE privileges;"
  prep connections sql/monitor/connections.sql; echo "EXECUTE connections;"
  prep cache sql/monitor/cache.sql; echo "EXECUTE cache;"
  prep activity sql/monitor/activity.sql; echo "EXECUTE activity(300);"
  prep locks sql/monitor/locks.sql; echo "EXECUTE locks;"
  prep sizes sql/monitor/sizes.sql; echo "EXECUTE sizes;"
  echo "SELECT extname::text, extversion FROM pg_catalog.pg_extension;"
  prep schema sql/monitor/extension_schema.sql; echo "EXECUTE schema;"
  sed -e "s/{total}/total_exec_time/; s/{mean}/mean_exec_time/; s/{read_time}/$rt/; s/{write_time}/$wt/" \
      -e "s/{schema}/public/; s/{order}/total_ms/" \
      -e "s/{filter}/AND (s.query ILIKE '%emails%' OR s.query ILIKE '%users%')/" \
      sql/monitor/queries.sql > "$SQLFILE.q"
  prep queries "$SQLFILE.q"; echo "EXECUTE queries(5);"
  echo "SELECT default_version FROM pg_catalog.pg_available_extensions WHERE name = 'pg_stat_statements';"
  prep vacuum sql/monitor/vacuum.sql; echo "EXECUTE vacuum(5);"
  prep wraparound sql/monitor/wraparound.sql; echo "EXECUTE wraparound;"
  prep unused sql/monitor/unused_indexes.sql; echo "EXECUTE unused;"
  prep reset sql/monitor/stats_reset.sql; echo "EXECUTE reset;"
  echo "SELECT pg_catalog.pg_is_in_recovery();"
  prep replication sql/monitor/replication_primary.sql; echo "EXECUTE replication;"
  prep policies sql/partition/policies.sql; echo "EXECUTE policies;"
  prep catalog sql/partition/catalog.sql
  echo "EXECUTE catalog('login_history', true); EXECUTE catalog('email_analytics', true);"
} > "$SQLFILE"
rm -f "$SQLFILE.q"
q -d $DB -f "$SQLFILE" >/dev/null   # the file runs, and warms the caches
"$P" monitor >/dev/null

declare -a A B
for _ in $(seq "$RUNS"); do
  t0=$(now); "$P" monitor >/dev/null; t1=$(now)
  q -d $DB -f "$SQLFILE" >/dev/null; t2=$(now)
  A+=("$(secs "$t0" "$t1")"); B+=("$(secs "$t1" "$t2")")
done
ma=$(median "${A[@]}"); mb=$(median "${B[@]}")
echo "overview with $parts partitions, median of $RUNS: promail monitor ${ma} s, psql -f ${mb} s, ratio $(ratio "$ma" "$mb")"
echo "  promail: ${A[*]}"
echo "  psql:    ${B[*]}"
q -d postgres -c "DROP DATABASE $DB WITH (FORCE)"
