#!/usr/bin/env bash
# Retention (bench/partitions.sh step 4: promail `cleanup --yes` against the seed's DELETE-based
# cleanup_old_logs() on 5 M login rows over 12 months) on other days of the month than today.
# How many expired rows sit in the boundary month, and so are deleted row by row, depends on the
# day: this runs the step on a scratch PostgreSQL 15 cluster whose clock libfaketime sets to each
# DATE (it starts there and runs on), both tools against the same server, interleaved.
#
#   bench/retention-dates.sh                                   # RUNS=3, the three dates below
#   RUNS=5 bench/retention-dates.sh "2026-11-08 07:00:00" ...
#
# Needs root (the cluster runs as the `postgres` user: initdb refuses root), the PostgreSQL 15
# server binaries, and installs Debian's `faketime` when missing. The cluster listens on
# 127.0.0.1:$PORT (5499 by default), with TLS as Debian's main cluster has it (snakeoil), and is
# removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-3}"
PORT="${PORT:-5499}"
BIN=/usr/lib/postgresql/15/bin
P="$PWD/target/release/promail"
DATES=("$@")
[ ${#DATES[@]} -gt 0 ] || DATES=("2026-10-30 07:00:00" "2026-11-08 07:00:00" "2026-11-25 07:00:00")
FAKE=/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1

if [ ! -e "$FAKE" ]; then
  echo "bench: installing faketime" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q faketime >/dev/null
fi
echo "bench: building promail --release" >&2
cargo build --release -q

DIR=$(mktemp -d /tmp/promail-bench-dates.XXXXXX)
chown postgres "$DIR"
stop() { runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true; }
trap 'stop; rm -rf "$DIR"' EXIT
runuser -u postgres -- "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null

export PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=postgres
q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
url() { echo "postgresql://$PGUSER@$PGHOST:$PGPORT/$1"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.3f}')"; }
median() { python3 -c "import sys,statistics; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
lsn() { q -d postgres -c "SELECT pg_current_wal_lsn()"; }
wal_mb() { q -d postgres -c "SELECT round(pg_wal_lsn_diff('$2', '$1') / 1048576.0, 1)"; }
fresh() { # fresh DB TEMPLATE, then a checkpoint and a second of quiet
  q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" 2>/dev/null
  q -d postgres -c "CREATE DATABASE $1 TEMPLATE $2 STRATEGY file_copy"
  q -d postgres -c CHECKPOINT; sleep 1
}
expired="login_time < CURRENT_TIMESTAMP - INTERVAL '90 days'"
# shellcheck source=bench/lib.bash
. bench/lib.bash

rows=()
for date in "${DATES[@]}"; do
  stop
  runuser -u postgres -- env LD_PRELOAD="$FAKE" FAKETIME="@$date" DONT_FAKE_MONOTONIC=1 \
    "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -k $DIR \
      -c listen_addresses=127.0.0.1 -c ssl=on \
      -c ssl_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem \
      -c ssl_key_file=/etc/ssl/private/ssl-cert-snakeoil.key" start >/dev/null
  echo "bench: server clock at $(q -d postgres -c 'SELECT localtimestamp(0)'), loading 5 M rows" >&2
  q -d postgres -c "DROP DATABASE IF EXISTS bench_dates_t WITH (FORCE)" 2>/dev/null
  q -d postgres -c "CREATE DATABASE bench_dates_t"
  cat sql/migrations/*.sql | q -d bench_dates_t >/dev/null
  retention_data bench_dates_t
  old=$(q -d bench_dates_t -c "SELECT count(*) FROM login_history WHERE $expired")
  boundary=$(q -d bench_dates_t -c "SELECT count(*) FROM login_history WHERE $expired
    AND login_time >= date_trunc('month', localtimestamp - INTERVAL '90 days')")
  pm=(); pw=(); sm=(); sw=()
  for _ in $(seq "$RUNS"); do
    fresh bench_dates_a bench_dates_t
    a=$(lsn); s=$(now); DATABASE_URL=$(url bench_dates_a) "$P" -q cleanup --yes; e=$(now); b=$(lsn)
    pm+=("$(secs "$s" "$e")"); pw+=("$(wal_mb "$a" "$b")")
    # (a minute of slack: rows keep crossing the cutoff as time passes)
    [ "$(q -d bench_dates_a -c "SELECT count(*) FROM login_history WHERE login_time < CURRENT_TIMESTAMP - INTERVAL '90 days 1 minute'")" = 0 ] ||
      { echo "bench: promail cleanup left old rows" >&2; exit 1; }
    fresh bench_dates_b bench_dates_t
    a=$(lsn); s=$(now); q -d bench_dates_b -c "SELECT seed_cleanup_old_logs()" >/dev/null; e=$(now); b=$(lsn)
    sm+=("$(secs "$s" "$e")"); sw+=("$(wal_mb "$a" "$b")")
  done
  p=$(median "${pm[@]}"); s=$(median "${sm[@]}"); pwm=$(median "${pw[@]}"); swm=$(median "${sw[@]}")
  rows+=("| ${date%% *} | $old | $boundary | $p s | $s s | $(python3 -c "print(f'{$p / $s:.3f}')") | $pwm MB | $swm MB | $(python3 -c "print(f'{$pwm / $swm:.3f}')") |")
  for d in t a b; do q -d postgres -c "DROP DATABASE IF EXISTS bench_dates_$d WITH (FORCE)"; done
done

cat <<EOF

retention on other days: median of $RUNS interleaved runs per date, $(nproc) cores, $(q -d postgres -c "SHOW server_version")
| server date | expired rows | in the boundary month | promail cleanup | seed function | time ratio | promail WAL | seed WAL | WAL ratio |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
printf '%s\n' "${rows[@]}"
