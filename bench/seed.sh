#!/usr/bin/env bash
# Benchmark: rows per second of `promail db seed` against `pgbench -i`'s load, same server, same
# run, fresh databases, --release build. Prints both rates and their ratio.
#
#   bench/seed.sh [USERS] [PGBENCH_SCALE] [RUNS]      (defaults: 10000 10 3)
#
# Server: BENCH_HOST/BENCH_PORT/BENCH_USER (default 127.0.0.1:5432, postgres, trust auth).
# Rate = total rows loaded / wall time of the command (connect to exit). pgbench's own
# "done in" figure is printed too. The median of RUNS runs is reported.
#
# The floor (issue 17): the same rows, dumped from the seeded database with `\copy … TO`, loaded
# by psql into a fresh database the pg_restore way, in one transaction: `pg_dump
# --section=pre-data` (tables and partitions, no index) before the clock starts, then `\copy …
# FROM` of the seven tables and `--section=post-data` (every index, constraint and trigger) with
# maintenance_work_mem 256MB, as db seed sets it. Goal: db seed within 1.1x of the floor.
# PROMAIL=path skips the --release build (to check the script, not for figures).
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
DB_FLOOR="bench_seed_floor_$$"
FLOOR_DIR=$(mktemp -d)
TABLES="users user_preferences emails templates api_keys login_history email_analytics"

psql_() { PGOPTIONS="-c client_min_messages=warning" psql -h "$HOST" -p "$PORT" -U "$USER_" -v ON_ERROR_STOP=1 -qAtX "$@"; }
cleanup() {
  psql_ -d postgres -c "DROP DATABASE IF EXISTS \"$DB_SEED\" WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS \"$DB_PGB\" WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS \"$DB_FLOOR\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$FLOOR_DIR"
}
trap cleanup EXIT
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

if [ -z "${PROMAIL:-}" ]; then
  echo "building promail (--release)…" >&2
  cargo build --release --quiet
  PROMAIL=target/release/promail
fi
export DATABASE_URL="postgresql://$USER_@/$DB_SEED?host=$HOST&port=$PORT"

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
seed_rates=(); seed_times=(); pgb_rates=(); pgb_times=(); pgb_own=(); floor_times=()
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

  # The floor: the same rows by psql, indexes and constraints after.
  dump=(pg_dump -h "$HOST" -p "$PORT" -U "$USER_" --no-owner --no-privileges -d "$DB_SEED")
  "${dump[@]}" --section=pre-data >"$FLOOR_DIR/pre.sql"
  "${dump[@]}" --section=post-data >"$FLOOR_DIR/post.sql"
  : >"$FLOOR_DIR/load.sql"
  echo "SET maintenance_work_mem = '256MB';" >>"$FLOOR_DIR/load.sql"
  for t in $TABLES; do
    psql_ -d "$DB_SEED" -c "\\copy (SELECT * FROM $t) TO '$FLOOR_DIR/$t.copy'"
    echo "\\copy $t FROM '$FLOOR_DIR/$t.copy'" >>"$FLOOR_DIR/load.sql"
  done
  echo "\\i $FLOOR_DIR/post.sql" >>"$FLOOR_DIR/load.sql"
  psql_ -d postgres -c "DROP DATABASE IF EXISTS \"$DB_FLOOR\" WITH (FORCE)" -c "CREATE DATABASE \"$DB_FLOOR\""
  psql_ -d "$DB_FLOOR" -f "$FLOOR_DIR/pre.sql" >/dev/null
  t0=$(now)
  psql_ -d "$DB_FLOOR" -1 -f "$FLOOR_DIR/load.sql" >/dev/null
  t1=$(now)
  floor_times+=("$(echo "$t1 - $t0" | bc -l)")
  printf 'run %d: floor (psql \\copy, then post-data): %s rows in %.2f s = %.0f rows/s; db seed / floor = %.2f\n' \
    "$run" "$rows" "${floor_times[-1]}" "$(echo "$rows / ${floor_times[-1]}" | bc -l)" \
    "$(echo "${seed_times[-1]} / ${floor_times[-1]}" | bc -l)"

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
s_time=$(printf '%s\n' "${seed_times[@]}" | median)
f_time=$(printf '%s\n' "${floor_times[@]}" | median)
printf '\nmedian of %d runs: promail db seed %.0f rows/s; pgbench -i %.0f rows/s (wall); ratio promail/pgbench = %.3f\n' \
  "$RUNS" "$s_rate" "$p_rate" "$(echo "$s_rate / $p_rate" | bc -l)"
printf 'median of %d runs: db seed %.2f s, floor (psql \\copy, indexes after) %.2f s: db seed / floor = %.2f (goal <= 1.1)\n' \
  "$RUNS" "$s_time" "$f_time" "$(echo "$s_time / $f_time" | bc -l)"
