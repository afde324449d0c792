#!/usr/bin/env bash
# Benchmark: `promail backup create` against bare `pg_dump -Fc`, and `promail restore --into`
# against bare `pg_restore` into a new database, on the same seeded database, in one run,
# --release build. Also: `--jobs 2` (directory format) and the size and time per compression
# level. Prints the figures and the ratios.
#
#   bench/backup.sh [USERS] [LEVELS]      (defaults: 20000 "0 1 6 9")
#
# Server: BENCH_HOST/BENCH_PORT/BENCH_USER (default 127.0.0.1:5432, postgres, trust auth; a
# socket folder works as BENCH_HOST). Both sides use the same pg_dump/pg_restore: the one
# promail picks (its path is in the manifest). Bare pg_restore gets promail's flags
# (--exit-on-error --single-transaction); promail's restore also verifies first (checksum and a
# full read), then counts every table: that is what its overhead buys.
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${1:-20000}
LEVELS=${2:-"0 1 6 9"}
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

mkdir -p "$WORK/p" "$WORK/j"
t0=$(now); "$P" -q backup create --dir "$WORK/p"; t1=$(now)
promail_create=$(secs "$t0" "$t1")
archive=$(ls "$WORK"/p/promail_*.dump)
PG_DUMP=$(sed -n 's/.*"pg_dump_path": "\(.*\)".*/\1/p' "$archive.manifest.json")
PG_RESTORE=$(dirname "$PG_DUMP")/pg_restore
t0=$(now); PGHOST=$HOST PGPORT=$PORT PGUSER=$USER_ "$PG_DUMP" -Fc -d "$DB" -f "$WORK/bare.dump"; t1=$(now)
bare_dump=$(secs "$t0" "$t1")
t0=$(now); "$P" -q backup create --jobs 2 --dir "$WORK/j"; t1=$(now)
promail_jobs=$(secs "$t0" "$t1")

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
printf '%-40s %10s s  %12s bytes\n' "promail backup create" "$promail_create" "$(size_of "$archive")"
printf '%-40s %10s s  %12s bytes\n' "pg_dump -Fc" "$bare_dump" "$(size_of "$WORK/bare.dump")"
printf '%-40s %10s s  %12s bytes\n' "promail backup create --jobs 2" "$promail_jobs" "$(size_of "$WORK"/j/promail_*.dir)"
printf '%-40s %10s s\n' "promail restore --into (verify+restore+counts)" "$promail_restore"
printf '%-40s %10s s\n' "createdb + pg_restore" "$bare_restore"
printf '%-40s %10s s\n' "promail backup verify (checksum+full read)" "$verify"
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
