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
# shellcheck source=bench/lib.bash
. bench/lib.bash

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
  err=$(mktemp)
  res=$(UNDER_INSERTS_ERR=$err under_inserts "$db" 12 env DATABASE_URL="$url" "$P" partitions rotate) ||
    { cat "$err"; exit 1; }
  dropped=$(grep -c "^drop" "$err" || true)
  echo "$P: tables $size, rotate dropped $dropped partitions in ${res% *} s; worst insert meanwhile ${res#* } ms"
  rm -f "$err"
done
q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
