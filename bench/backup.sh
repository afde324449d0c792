#!/usr/bin/env bash
# Benchmark: `promail backup create` against bare `pg_dump -Fc`, and `promail restore --into`
# against bare `pg_restore` into a new database, on the same seeded database, in one run,
# --release build. Also: `--jobs 2` (directory format) and the size and time per compression
# level. Prints the figures and the ratios.
#
#   bench/backup.sh [USERS] [LEVELS] [RUNS]      (defaults: 20000 "0 1 6 9" 3)
#
# create, pg_dump and --jobs 2 run RUNS times, interleaved, and their medians are compared; the
# restores and the compression levels run once. `exact counts` is the time of promail's row
# counts alone (a count(*) of every table, as psql), the work it adds to pg_dump's.
# Server: BENCH_HOST/BENCH_PORT/BENCH_USER (default 127.0.0.1:5432, postgres, trust auth; a
# socket folder works as BENCH_HOST). Both sides use the same pg_dump/pg_restore: the one
# promail picks (its path is in the manifest). Bare pg_restore gets promail's flags
# (--exit-on-error --single-transaction); promail's restore also verifies first (checksum and a
# full read), then counts every table: that is what its overhead buys.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${1:-20000}
LEVELS=${2:-"0 1 6 9"}
RUNS=${3:-3}
HOST=${BENCH_HOST:-127.0.0.1}
PORT=${BENCH_PORT:-5432}
USER_=${BENCH_USER:-postgres}
DB="bench_backup_$$"
WORK=$(mktemp -d /tmp/bench-backup.XXXXXX)

psql_() { PGOPTIONS="-c client_min_messages=warning" psql -h "$HOST" -p "$PORT" -U "$USER_" -v ON_ERROR_STOP=1 -qAtX "$@"; }
cleanup() {
  for d in "$DB" "${DB}_p" "${DB}_b"; do
    psql_ -d postgres -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }
ratio() { echo "scale=3; $1 / $2" | bc; }
size_of() { du -sb "$1" | cut -f1; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "building promail (--release)…" >&2
cargo build --release --quiet
P=$PWD/target/release/promail
conn() { echo "host=$HOST port=$PORT user=$USER_ dbname=$1"; }
export DATABASE_URL
DATABASE_URL=$(conn "$DB")

psql_ -d postgres -c "CREATE DATABASE \"$DB\""
"$P" -q db migrate
echo "seeding $USERS users…" >&2
"$P" -q db seed --users "$USERS"
psql_ -d "$DB" -c "VACUUM ANALYZE"
dbsize=$(psql_ -d "$DB" -c "SELECT pg_database_size(current_database())")
rows=$(psql_ -d "$DB" -c "SELECT sum(n_live_tup) FROM pg_stat_user_tables")
echo "database: $((dbsize / 1048576)) MB, about $rows rows" >&2

c_times=(); d_times=(); j_times=()
for i in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/p" "$WORK/j" "$WORK/bare.dump"; mkdir -p "$WORK/p" "$WORK/j"
  t0=$(now); "$P" -q backup create --dir "$WORK/p"; t1=$(now)
  c_times+=("$(secs "$t0" "$t1")")
  archive=$(ls "$WORK"/p/promail_*.dump)
  PG_DUMP=$(sed -n 's/.*"pg_dump_path": "\(.*\)".*/\1/p' "$archive.manifest.json")
  t0=$(now); PGHOST=$HOST PGPORT=$PORT PGUSER=$USER_ "$PG_DUMP" -Fc -d "$DB" -f "$WORK/bare.dump"; t1=$(now)
  d_times+=("$(secs "$t0" "$t1")")
  t0=$(now); "$P" -q backup create --jobs 2 --dir "$WORK/j"; t1=$(now)
  j_times+=("$(secs "$t0" "$t1")")
  echo "run $i: create ${c_times[-1]} s, pg_dump ${d_times[-1]} s, --jobs 2 ${j_times[-1]} s" >&2
done
promail_create=$(printf '%s\n' "${c_times[@]}" | median)
bare_dump=$(printf '%s\n' "${d_times[@]}" | median)
promail_jobs=$(printf '%s\n' "${j_times[@]}" | median)
PG_RESTORE=$(dirname "$PG_DUMP")/pg_restore
counts_sql=$(psql_ -d "$DB" -c "SELECT string_agg(format('SELECT count(*) FROM ONLY %I.%I;', n.nspname, c.relname), ' ')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')")
t0=$(now); psql_ -d "$DB" -c "$counts_sql" >/dev/null; t1=$(now)
counts=$(secs "$t0" "$t1")

t0=$(now); "$P" -q restore "$archive" --into "${DB}_p"; t1=$(now)
promail_restore=$(secs "$t0" "$t1")
t0=$(now)
psql_ -d postgres -c "CREATE DATABASE \"${DB}_b\""
PGHOST=$HOST PGPORT=$PORT PGUSER=$USER_ "$PG_RESTORE" --exit-on-error --single-transaction -d "${DB}_b" "$WORK/bare.dump"
t1=$(now)
bare_restore=$(secs "$t0" "$t1")
t0=$(now); "$P" -q backup verify "$archive"; t1=$(now)
verify=$(secs "$t0" "$t1")

echo
echo "pg_dump/pg_restore: $PG_DUMP ($("$PG_DUMP" --version))"
echo "database: $dbsize bytes, $USERS users, about $rows rows"
echo "median of $RUNS runs (create, pg_dump, --jobs 2):"
printf '%-40s %10s s  %12s bytes\n' "promail backup create" "$promail_create" "$(size_of "$archive")"
printf '%-40s %10s s  %12s bytes\n' "pg_dump -Fc" "$bare_dump" "$(size_of "$WORK/bare.dump")"
printf '%-40s %10s s  %12s bytes\n' "promail backup create --jobs 2" "$promail_jobs" "$(size_of "$WORK"/j/promail_*.dir)"
printf '%-40s %10s s\n' "promail restore --into (verify+restore+counts)" "$promail_restore"
printf '%-40s %10s s\n' "createdb + pg_restore" "$bare_restore"
printf '%-40s %10s s\n' "promail backup verify (checksum+full read)" "$verify"
printf '%-40s %10s s\n' "exact counts alone (psql)" "$counts"
echo "ratio create / pg_dump:           $(ratio "$promail_create" "$bare_dump")"
echo "ratio create --jobs 2 / pg_dump:  $(ratio "$promail_jobs" "$bare_dump")"
echo "ratio restore / pg_restore:       $(ratio "$promail_restore" "$bare_restore")"

echo
echo "compression level: seconds, bytes (promail backup create --compress L)"
for l in $LEVELS; do
  rm -rf "$WORK/c"; mkdir -p "$WORK/c"
  t0=$(now); "$P" -q backup create --compress "$l" --dir "$WORK/c"; t1=$(now)
  printf '  %-4s %10s s  %12s bytes\n' "$l" "$(secs "$t0" "$t1")" "$(size_of "$WORK"/c/promail_*.dump)"
done
