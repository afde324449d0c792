#!/usr/bin/env bash
# Worst latency of an application insert into email_analytics (pgbench, 100 a second) while
# `partitions rotate` drops expired weekly partitions of it.
#   bench/drop-latency.sh [ROWS_PER_WEEK] [WEEKS] [PROMAIL...]
# Loads WEEKS expired weekly partitions of ROWS_PER_WEEK rows each into a scratch database on
# PGHOST:PGPORT (default 127.0.0.1:5432, user postgres), then for each promail binary given
# (default target/release/promail) reloads and runs rotate with the inserts going, and prints
# the rotate's time and the worst insert.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
ROWS=${1:-1000000}
WEEKS=${2:-4}
shift 2 || true
BINS=("$@")
[ ${#BINS[@]} -gt 0 ] || { cargo build --release -q; BINS=("$PWD/target/release/promail"); }
db=bench_drop_latency
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
url="postgresql://$PGUSER@$PGHOST:$PGPORT/$db"
now() { date +%s.%N; }

for P in "${BINS[@]}"; do
  q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  q -d postgres -c "CREATE DATABASE $db"
  DATABASE_URL=$url "$P" -q db migrate
  from=$(q -d "$db" -c "SELECT to_char(localtimestamp - interval '$((WEEKS + 6)) weeks', 'YYYY-MM-DD')")
  DATABASE_URL=$url "$P" -q partitions create email_analytics --from "$from" --to "$(date +%F)"
  q -d "$db" -c "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x')"
  q -d "$db" -c "INSERT INTO email_analytics (user_id, action, action_time, metadata)
                 SELECT 1, 'open', localtimestamp - interval '$((WEEKS + 6)) weeks'
                                   + interval '1 week' * $WEEKS * (g::float8 / ($ROWS * $WEEKS)),
                        jsonb_build_object('ua', md5(g::text))
                 FROM generate_series(1, $ROWS * $WEEKS) g"
  size=$(q -d "$db" -c "SELECT pg_size_pretty(pg_total_relation_size('email_analytics_default') + sum(pg_total_relation_size(inhrelid))) FROM pg_inherits WHERE inhparent = 'email_analytics'::regclass")
  q -d "$db" -c "VACUUM ANALYZE email_analytics"
  q -d "$db" -c "CHECKPOINT"
  log=$(mktemp -d)
  echo "INSERT INTO email_analytics (user_id, action, action_time) VALUES (1, 'open', localtimestamp);" >"$log/insert.sql"
  (cd "$log" && pgbench -n -R 100 -T 12 -l -f insert.sql "$db" >/dev/null 2>&1) &
  bg=$!
  sleep 3
  s=$(now)
  DATABASE_URL=$url "$P" partitions rotate 2>"$log/rotate.err" || { cat "$log/rotate.err"; exit 1; }
  took=$(python3 -c "print(f'{$(now) - $s:.3f}')")
  wait "$bg" || true
  worst=$(cat "$log"/pgbench_log.* | awk 'BEGIN{m=0} {if ($3>m) m=$3} END{printf "%.1f ms", m/1000}')
  dropped=$(grep -c "^drop" "$log/rotate.err" || true)
  echo "$P: tables $size, rotate dropped $dropped partitions in $took s; worst insert meanwhile $worst"
  rm -rf "$log"
done
q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
