#!/usr/bin/env bash
# Partition maintenance and retention: promail against pg_partman 4.7 and the seed's DELETE-based
# cleanup_old_logs(), on the same server, same data, same run. Prints the figures and the ratios.
#
#   bench/partitions.sh            # RUNS=3 by default; each figure is the median of RUNS runs
#   RUNS=5 bench/partitions.sh
#
# Needs a PostgreSQL 15 server reachable as PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432,
# postgres, trust) where it may create and drop databases named bench_part_*. Installs
# postgresql-15-partman when missing (apt-get), builds promail --release. WAL figures are
# differences of pg_current_wal_lsn(): anything else writing on the server at the same time
# adds to them.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
RUNS="${RUNS:-3}"
P="$PWD/target/release/promail"
MIGRATIONS=(sql/migrations/*.sql)

if ! ls /usr/share/postgresql/15/extension/pg_partman.control >/dev/null 2>&1; then
  echo "bench: installing postgresql-15-partman" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q postgresql-15-partman >/dev/null
fi
echo "bench: building promail --release" >&2
cargo build --release -q

q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
url() { echo "postgresql://$PGUSER@$PGHOST:$PGPORT/$1"; }
fresh() { # fresh DB [template]
  q -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" 2>/dev/null
  if [ $# -ge 2 ]; then
    q -d postgres -c "CREATE DATABASE $1 TEMPLATE $2 STRATEGY file_copy"
  else
    q -d postgres -c "CREATE DATABASE $1"
    cat "${MIGRATIONS[@]}" | q -d "$1" >/dev/null
  fi
}
with_partman() { # the peer manages the tables: its own DEFAULT partitions
  q -d "$1" -c "CREATE SCHEMA partman; CREATE EXTENSION pg_partman SCHEMA partman;
                DROP TABLE login_history_default; DROP TABLE email_analytics_default;"
}
quiet() { q -d postgres -c CHECKPOINT; sleep 1; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.3f}')"; }
median() { python3 -c "import sys,statistics; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
lsn() { q -d postgres -c "SELECT pg_current_wal_lsn()"; }
wal_mb() { q -d postgres -c "SELECT round(pg_wal_lsn_diff('$2', '$1') / 1048576.0, 1)"; }
children() { q -d "$1" -c "SELECT count(*) FROM pg_inherits WHERE inhparent = '$2'::regclass"; }
# shellcheck source=bench/lib.bash
. bench/lib.bash

declare -A R

# ---------------------------------------------------------------------------------------------
echo "1. two years of partitions on empty tables (24 monthly + 104 weekly), whole process" >&2
# Every database is made first, then a minute of quiet: ext4 skips inodes freed in the last 60 s
# (300 s while their inode table is dirty) when it allocates new ones, so creating files right
# after dropping a database (thousands of files) costs several times more kernel time, and the
# timings drift upwards run after run. Both tools create the same files; neither should pay for
# the benchmark's own DROP DATABASE.
for i in $(seq "$RUNS"); do
  fresh "bench_part_p$i"
  DATABASE_URL=$(url "bench_part_p$i") "$P" -q partitions policy set login_history --premake 23
  DATABASE_URL=$(url "bench_part_p$i") "$P" -q partitions policy set email_analytics --premake 103
  fresh "bench_part_m$i"; with_partman "bench_part_m$i"
done
sync; sleep 61
pm=(); pp=()
for i in $(seq "$RUNS"); do
  quiet
  s=$(now); DATABASE_URL=$(url "bench_part_p$i") "$P" -q partitions rotate; e=$(now)
  pm+=("$(secs "$s" "$e")")
  [ "$(children "bench_part_p$i" login_history)" = 25 ] && [ "$(children "bench_part_p$i" email_analytics)" = 105 ] ||
    { echo "bench: promail made the wrong partitions" >&2; exit 1; }

  quiet
  s=$(now)
  q -d "bench_part_m$i" -c "SELECT partman.create_parent('public.login_history', 'login_time', 'native', 'monthly',
      p_premake => 23, p_start_partition => to_char(date_trunc('month', now()), 'YYYY-MM-DD'));
    SELECT partman.create_parent('public.email_analytics', 'action_time', 'native', 'weekly',
      p_premake => 103, p_start_partition => to_char(date_trunc('week', now()), 'YYYY-MM-DD'));" >/dev/null
  e=$(now)
  pp+=("$(secs "$s" "$e")")
  [ "$(children "bench_part_m$i" login_history)" = 25 ] && [ "$(children "bench_part_m$i" email_analytics)" = 105 ] ||
    { echo "bench: pg_partman made the wrong partitions" >&2; exit 1; }
done
# Step 2 goes on with the last pair; the others go now.
for i in $(seq $((RUNS - 1))); do
  q -d postgres -c "DROP DATABASE bench_part_p$i WITH (FORCE)" -c "DROP DATABASE bench_part_m$i WITH (FORCE)"
done
q -d postgres -c "DROP DATABASE IF EXISTS bench_part_p WITH (FORCE)" -c "DROP DATABASE IF EXISTS bench_part_m WITH (FORCE)" 2>/dev/null
q -d postgres -c "ALTER DATABASE bench_part_p$RUNS RENAME TO bench_part_p" -c "ALTER DATABASE bench_part_m$RUNS RENAME TO bench_part_m"
R[create_p]=$(median "${pm[@]}"); R[create_m]=$(median "${pp[@]}")

# ---------------------------------------------------------------------------------------------
echo "2. no-op maintenance on those tables" >&2
pm=(); pp=()
for _ in $(seq $((RUNS * 3))); do
  s=$(now); DATABASE_URL=$(url bench_part_p) "$P" -q partitions rotate; e=$(now); pm+=("$(secs "$s" "$e")")
  s=$(now); q -d bench_part_m -c "SELECT partman.run_maintenance()" >/dev/null; e=$(now); pp+=("$(secs "$s" "$e")")
done
R[noop_p]=$(median "${pm[@]}"); R[noop_m]=$(median "${pp[@]}")

# ---------------------------------------------------------------------------------------------
echo "3. moving 1 M rows (3 months) out of the DEFAULT partition" >&2
pm=(); pp=()
for _ in $(seq "$RUNS"); do
  fresh bench_part_p
  # The rows are from 2025, past the 90-day retention: keep them, as pg_partman does, so that
  # the same work (a move, not a delete) is measured on both sides.
  DATABASE_URL=$(url bench_part_p) "$P" -q partitions policy set login_history --retention none
  DATABASE_URL=$(url bench_part_p) "$P" -q partitions rotate # premake first: only the move is timed
  logins bench_part_p 1000000 "timestamp '2025-01-01'" "interval '90 days'"
  [ "$(q -d bench_part_p -c 'SELECT count(*) FROM ONLY login_history_default')" = 1000000 ]
  quiet
  s=$(now); DATABASE_URL=$(url bench_part_p) "$P" -q partitions rotate login_history; e=$(now)
  pm+=("$(secs "$s" "$e")")
  [ "$(q -d bench_part_p -c 'SELECT count(*) FROM ONLY login_history_default')" = 0 ] &&
    [ "$(q -d bench_part_p -c 'SELECT count(*) FROM login_history')" = 1000000 ] ||
    { echo "bench: promail did not move every row" >&2; exit 1; }

  fresh bench_part_m; with_partman bench_part_m
  q -d bench_part_m -c "SELECT partman.create_parent('public.login_history', 'login_time', 'native', 'monthly', p_premake => 3)" >/dev/null
  logins bench_part_m 1000000 "timestamp '2025-01-01'" "interval '90 days'"
  [ "$(q -d bench_part_m -c 'SELECT count(*) FROM ONLY login_history_default')" = 1000000 ]
  quiet
  s=$(now)
  q -d bench_part_m -c "CALL partman.partition_data_proc('public.login_history', p_wait => 0, p_batch => 1000)" 2>/dev/null
  e=$(now)
  pp+=("$(secs "$s" "$e")")
  [ "$(q -d bench_part_m -c 'SELECT count(*) FROM ONLY login_history_default')" = 0 ] ||
    { echo "bench: pg_partman did not move every row" >&2; exit 1; }
done
R[move_p]=$(median "${pm[@]}"); R[move_m]=$(median "${pp[@]}")

# ---------------------------------------------------------------------------------------------
echo "4. retention on 5 M login rows over 12 months (loading them takes a minute)" >&2
fresh bench_part_t
retention_data bench_part_t
expected=$(q -d bench_part_t -c "SELECT count(*) FROM login_history WHERE login_time < CURRENT_TIMESTAMP - INTERVAL '90 days'")
pm=(); pw=(); sm=(); sw=()
for _ in $(seq "$RUNS"); do
  fresh bench_part_a bench_part_t; quiet
  a=$(lsn); s=$(now); DATABASE_URL=$(url bench_part_a) "$P" -q cleanup --yes; e=$(now); b=$(lsn)
  pm+=("$(secs "$s" "$e")"); pw+=("$(wal_mb "$a" "$b")")
  # (a minute of slack: rows keep crossing the cutoff as time passes)
  [ "$(q -d bench_part_a -c "SELECT count(*) FROM login_history WHERE login_time < CURRENT_TIMESTAMP - INTERVAL '90 days 1 minute'")" = 0 ] ||
    { echo "bench: promail cleanup left old rows" >&2; exit 1; }

  fresh bench_part_b bench_part_t; quiet
  a=$(lsn); s=$(now); q -d bench_part_b -c "SELECT seed_cleanup_old_logs()" >/dev/null; e=$(now); b=$(lsn)
  sm+=("$(secs "$s" "$e")"); sw+=("$(wal_mb "$a" "$b")")
done
R[clean_p]=$(median "${pm[@]}"); R[clean_pw]=$(median "${pw[@]}")
R[clean_s]=$(median "${sm[@]}"); R[clean_sw]=$(median "${sw[@]}")
boundary=$(q -d bench_part_t -c "SELECT count(*) FROM login_history WHERE login_time < CURRENT_TIMESTAMP - INTERVAL '90 days'
  AND login_time >= date_trunc('month', localtimestamp - INTERVAL '90 days')")

# ---------------------------------------------------------------------------------------------
echo "5. list and no-op rotate with 1,000 partitions on login_history" >&2
fresh bench_part_k
DATABASE_URL=$(url bench_part_k) "$P" -q partitions policy set login_history --retention none
DATABASE_URL=$(url bench_part_k) "$P" -q partitions create login_history --from 1950-01-01 --to 2033-05-01
DATABASE_URL=$(url bench_part_k) "$P" -q partitions rotate
[ "$(children bench_part_k login_history)" = 1001 ]
lt=(); rt=()
for _ in $(seq $((RUNS * 3))); do
  s=$(now); DATABASE_URL=$(url bench_part_k) "$P" partitions list login_history >/dev/null; e=$(now); lt+=("$(secs "$s" "$e")")
  s=$(now); DATABASE_URL=$(url bench_part_k) "$P" -q partitions rotate; e=$(now); rt+=("$(secs "$s" "$e")")
done
R[k_list]=$(median "${lt[@]}"); R[k_rot]=$(median "${rt[@]}")

for d in p m t a b k; do q -d postgres -c "DROP DATABASE IF EXISTS bench_part_$d WITH (FORCE)"; done

# ---------------------------------------------------------------------------------------------
goal() { python3 -c "print('met' if $1 else 'NOT met')"; }
cat <<EOF

partitions benchmark: median of $RUNS runs (no-op and list: $((RUNS * 3))), $(nproc) cores, $(q -d postgres -c "SHOW server_version")
| measure | promail | peer | ratio | goal |
| --- | ---: | ---: | ---: | --- |
| 24 monthly + 104 weekly partitions (rotate vs create_parent) | ${R[create_p]} s | ${R[create_m]} s | $(ratio "${R[create_p]}" "${R[create_m]}") | <= 0.5: $(goal "${R[create_p]} <= 0.5 * ${R[create_m]}") |
| no-op maintenance (rotate vs run_maintenance()) | ${R[noop_p]} s | ${R[noop_m]} s | $(ratio "${R[noop_p]}" "${R[noop_m]}") | <= 1: $(goal "${R[noop_p]} <= ${R[noop_m]}") |
| move 1 M rows out of DEFAULT (rotate vs partition_data_proc) | ${R[move_p]} s | ${R[move_m]} s | $(ratio "${R[move_p]}" "${R[move_m]}") | <= 0.5: $(goal "${R[move_p]} <= 0.5 * ${R[move_m]}") |
| retention, 5 M rows / 12 months, time (cleanup vs seed DELETE) | ${R[clean_p]} s | ${R[clean_s]} s | $(ratio "${R[clean_p]}" "${R[clean_s]}") | <= 0.1: $(goal "${R[clean_p]} <= 0.1 * ${R[clean_s]}") |
| retention, WAL | ${R[clean_pw]} MB | ${R[clean_sw]} MB | $(ratio "${R[clean_pw]}" "${R[clean_sw]}") | <= 0.1: $(goal "${R[clean_pw]} <= 0.1 * ${R[clean_sw]}") |
| list, 1,000 partitions | ${R[k_list]} s | | | < 0.5 s: $(goal "${R[k_list]} < 0.5") |
| no-op rotate, 1,000 partitions | ${R[k_rot]} s | | | < 0.5 s: $(goal "${R[k_rot]} < 0.5") |

retention: $expected login rows older than 90 days, $boundary of them in the boundary month (deleted row by row: by promail while the older months' partitions are dropped, by the seed's function on the peer side)
EOF
