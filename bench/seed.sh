#!/usr/bin/env bash
# Benchmark: rows per second of `promail db seed` against `pgbench -i`'s load, same server, same
# run, fresh databases, --release build. Prints both rates and their ratio.
#
#   bench/seed.sh [USERS] [PGBENCH_SCALE] [RUNS]      (defaults: 10000 10 3)
#
# Server: BENCH_HOST/BENCH_PORT/BENCH_USER (default 127.0.0.1:5432, postgres, trust auth).
# Rate = total rows loaded / wall time of the command (connect to exit). pgbench's own
# "done in" figure is printed too. The median of RUNS runs is reported.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${1:-10000}
SCALE=${2:-10}
RUNS=${3:-3}
HOST=${BENCH_HOST:-127.0.0.1}
PORT=${BENCH_PORT:-5432}
USER_=${BENCH_USER:-postgres}
DB_SEED="bench_seed_promail_$$"
DB_PGB="bench_seed_pgbench_$$"

psql_() { PGOPTIONS="-c client_min_messages=warning" psql -h "$HOST" -p "$PORT" -U "$USER_" -v ON_ERROR_STOP=1 -qAtX "$@"; }
cleanup() {
  psql_ -d postgres -c "DROP DATABASE IF EXISTS \"$DB_SEED\" WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS \"$DB_PGB\" WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "building promail (--release)…" >&2
cargo build --release --quiet
PROMAIL=target/release/promail
export DATABASE_URL="postgresql://$USER_@$HOST:$PORT/$DB_SEED"

fresh_schema() {
  psql_ -d postgres -c "DROP DATABASE IF EXISTS \"$DB_SEED\" WITH (FORCE)" -c "CREATE DATABASE \"$DB_SEED\""
  if "$PROMAIL" db migrate --help >/dev/null 2>&1; then
    "$PROMAIL" -q db migrate
  else
    # Until `promail db migrate` exists: the embedded schema files, in order.
    for f in sql/migrations/*.sql; do psql_ -d "$DB_SEED" -f "$f"; done
  fi
}

echo "server: $(psql_ -d postgres -c 'SHOW server_version') on $HOST:$PORT; $(nproc) cores" >&2
seed_rates=(); seed_times=(); pgb_rates=(); pgb_times=(); pgb_own=()
for run in $(seq 1 "$RUNS"); do
  fresh_schema
  size0=$(psql_ -d "$DB_SEED" -c "SELECT pg_database_size(current_database())")
  t0=$(now)
  "$PROMAIL" -q db seed --users "$USERS" --seed 1
  t1=$(now)
  rows=$(psql_ -d "$DB_SEED" -c "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM user_preferences)
      + (SELECT count(*) FROM emails) + (SELECT count(*) FROM templates) + (SELECT count(*) FROM api_keys)
      + (SELECT count(*) FROM login_history) + (SELECT count(*) FROM email_analytics)")
  mb=$(psql_ -d "$DB_SEED" -c "SELECT (pg_database_size(current_database()) - $size0) / 1048576.0")
  secs=$(echo "$t1 - $t0" | bc -l)
  seed_times+=("$secs"); seed_rates+=("$(echo "$rows / $secs" | bc -l)")
  printf 'run %d: promail db seed --users %s: %s rows, %.0f MB in %.2f s = %.0f rows/s, %.1f MB/s\n' \
    "$run" "$USERS" "$rows" "$mb" "$secs" "${seed_rates[-1]}" "$(echo "$mb / $secs" | bc -l)"

  psql_ -d postgres -c "DROP DATABASE IF EXISTS \"$DB_PGB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB_PGB\""
  size0=$(psql_ -d "$DB_PGB" -c "SELECT pg_database_size(current_database())")
  t0=$(now)
  log=$(pgbench -h "$HOST" -p "$PORT" -U "$USER_" -i -s "$SCALE" -q "$DB_PGB" 2>&1)
  t1=$(now)
  prow=$((100000 * SCALE + 10 * SCALE + SCALE))
  secs=$(echo "$t1 - $t0" | bc -l)
  own=$(sed -n 's/^done in \([0-9.]*\) s.*/\1/p' <<<"$log")
  mb=$(psql_ -d "$DB_PGB" -c "SELECT (pg_database_size(current_database()) - $size0) / 1048576.0")
  pgb_times+=("$secs"); pgb_own+=("$own"); pgb_rates+=("$(echo "$prow / $secs" | bc -l)")
  printf 'run %d: pgbench -i -s %s: %s rows, %.0f MB in %.2f s wall = %.0f rows/s, %.1f MB/s (pgbench says: %s)\n' \
    "$run" "$SCALE" "$prow" "$mb" "$secs" "${pgb_rates[-1]}" "$(echo "$mb / $secs" | bc -l)" "$(grep '^done in' <<<"$log")"
done

s_rate=$(printf '%s\n' "${seed_rates[@]}" | median)
p_rate=$(printf '%s\n' "${pgb_rates[@]}" | median)
printf '\nmedian of %d runs: promail db seed %.0f rows/s; pgbench -i %.0f rows/s (wall); ratio promail/pgbench = %.3f\n' \
  "$RUNS" "$s_rate" "$p_rate" "$(echo "$s_rate / $p_rate" | bc -l)"
