#!/usr/bin/env bash
# Everyday commands at two sizes: do they cost O(partitions) or O(rows)? And how long does an
# application insert wait while the nightly jobs run? Loads each size by SQL, times each command
# (median of RUNS), prints L/S per command, then runs `partitions rotate` (which moves the rows
# sitting in DEFAULT) and `cleanup --yes` while pgbench inserts into email_analytics every 10 ms,
# and prints the worst insert latency during each, on JOB_RUNS (3) fresh copies of the loaded
# database, beside the worst with no job running (the machine's floor).
#
#   bench/scale.sh                    # sizes S and L: S = 5 M login rows + 2 M email_analytics
#   SIZES="1 8" RUNS=3 bench/scale.sh # rows, L = 8 × S (40 M + 16 M, about 12 GB); 1 % of the
#                                     # login rows sit in DEFAULT
#   SIZES="1 20" bench/scale.sh       # 100 M login rows, for the record (an hour of loading)
#
# Needs a PostgreSQL server reachable as PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres,
# trust) where it may create and drop databases named bench_scale_*; builds promail --release.
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
RUNS="${RUNS:-3}"
JOB_RUNS="${JOB_RUNS:-3}" # fresh copies on which the nightly jobs run
BASE="${BASE:-5000000}" # login rows at ×1 (email_analytics: 40 % of that)
read -r -a SIZES <<<"${SIZES:-1 8}"
P="$PWD/target/release/promail"
# shellcheck source=bench/lib.bash
. bench/lib.bash
echo "bench: building promail --release" >&2
cargo build --release -q

q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
url() { echo "postgresql://$PGUSER@$PGHOST:$PGPORT/$1"; }
now() { date +%s.%N; }
median() { python3 -c "import sys,statistics; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "$@"; }

load() { # DB FACTOR: the schema, a year of partitions, FACTOR × (5 M logins + 2 M analytics)
  local db=$1 f=$2 logins analytics stray
  q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  q -d postgres -c "CREATE DATABASE $db"
  DATABASE_URL=$(url "$db") "$P" -q db migrate
  local from to
  from=$(q -d "$db" -c "SELECT to_char(localtimestamp - interval '365 days', 'YYYY-MM-DD')")
  to=$(q -d "$db" -c "SELECT to_char(localtimestamp + interval '4 months', 'YYYY-MM-DD')")
  for t in login_history email_analytics; do
    DATABASE_URL=$(url "$db") "$P" -q partitions create "$t" --from "$from" --to "$to"
  done
  logins=$((BASE * f)); analytics=$((BASE * 2 / 5 * f)); stray=$((logins / 100))
  q -d "$db" -c "INSERT INTO users (email, password_hash)
                   SELECT 'u' || g || '@example.fr', 'x' FROM generate_series(1, 1000) g"
  # Logins over the last year; 1 % of them in DEFAULT (a month a year ahead, which no
  # partition holds: rotate moves them).
  q -d "$db" -c "INSERT INTO login_history (user_id, login_time, ip_address, user_agent, success)
                   SELECT 1 + g % 1000, localtimestamp - interval '365 days' * (g::float8 / $logins),
                          '10.0.0.1', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0', g % 10 <> 0
                   FROM generate_series(1, $logins - $stray) g"
  q -d "$db" -c "INSERT INTO login_history (user_id, login_time, ip_address, user_agent, success)
                   SELECT 1 + g % 1000,
                          date_trunc('month', localtimestamp) + interval '1 year' + interval '20 days' * (g::float8 / $stray),
                          '10.0.0.1', 'Mozilla/5.0', true
                   FROM generate_series(1, $stray) g"
  # email_analytics over the last 60 days: half of it past the seed's 30 days.
  q -d "$db" -c "INSERT INTO email_analytics (user_id, action, action_time)
                   SELECT 1 + g % 1000, 'open', localtimestamp - interval '60 days' * (g::float8 / $analytics)
                   FROM generate_series(1, $analytics) g"
  q -d "$db" -c "VACUUM ANALYZE"
}

# The commands whose work does not grow with the rows.
COMMANDS=(
  "db ping"
  "db status"
  "partitions policy"
  "db migrate"
  "partitions list"
  "partitions list --health"
  "partitions rotate --dry-run"
  "partitions create login_history --from 2030-01-01 --to 2031-01-01 --dry-run"
  "cleanup --dry-run"
)

declare -A T W
for f in "${SIZES[@]}"; do
  db="bench_scale_$f"
  echo "bench: loading size ×$f into $db" >&2
  q -d postgres -c "DROP DATABASE IF EXISTS ${db}_run" -c "DROP DATABASE IF EXISTS ${db}_tpl"
  start=$(now)
  load "$db" "$f"
  echo "bench: loaded ×$f in $(python3 -c "print(f'{$(now) - $start:.0f}')") s ($(q -d "$db" -c "SELECT pg_size_pretty(pg_database_size(current_database()))"))" >&2
  for c in "${COMMANDS[@]}"; do
    times=()
    for _ in $(seq "$RUNS"); do
      s=$(now)
      # shellcheck disable=SC2086
      DATABASE_URL=$(url "$db") "$P" -q $c >/dev/null
      times+=("$(python3 -c "print($(now) - $s)")")
    done
    T["$f|$c"]=$(median "${times[@]}")
  done

  # The nightly jobs under an application writing every 10 ms, JOB_RUNS times, each time on a
  # fresh copy of the loaded database (CREATE DATABASE … TEMPLATE, a file copy): rotate, then
  # cleanup, as a night would run them. First the noise floor: the same inserts with no job.
  q -d postgres -c "DROP DATABASE IF EXISTS ${db}_run" -c "ALTER DATABASE $db RENAME TO ${db}_tpl"
  for r in $(seq "$JOB_RUNS"); do
    q -d postgres -c "DROP DATABASE IF EXISTS ${db}_run" \
      -c "CREATE DATABASE ${db}_run TEMPLATE ${db}_tpl STRATEGY FILE_COPY"
    for job in "" "partitions rotate" "cleanup --yes"; do
      cmd=(true)
      if [ -n "$job" ]; then
        read -r -a words <<<"$job"
        cmd=(env DATABASE_URL="$(url "${db}_run")" "$P" -q "${words[@]}")
      fi
      res=$(under_inserts "${db}_run" 15 "${cmd[@]}")
      T["$f|$job|$r"]=${res% *}
      W["$f|$job|$r"]=${res#* }
    done
  done
  q -d postgres -c "DROP DATABASE IF EXISTS ${db}_run" -c "DROP DATABASE ${db}_tpl"
done

s=${SIZES[0]}; l=${SIZES[-1]}
printf '\n%-78s %10s %10s %6s\n' "command (median of $RUNS, seconds)" "×$s" "×$l" "L/S"
for c in "${COMMANDS[@]}"; do
  printf '%-78s %10s %10s %6s\n' "$c" "${T[$s|$c]}" "${T[$l|$c]}" \
    "$(python3 -c "print(f'{${T[$l|$c]} / ${T[$s|$c]}:.2f}')")"
done
printf '\nworst application insert (ms), one INSERT every 10 ms for 15 s, on %s fresh copies:\n' "$JOB_RUNS"
for f in "$s" "$l"; do
  for job in "" "partitions rotate" "cleanup --yes"; do
    ws=(); ts=()
    for r in $(seq "$JOB_RUNS"); do ws+=("${W[$f|$job|$r]}"); ts+=("${T[$f|$job|$r]}"); done
    if [ -z "$job" ]; then
      printf '  ×%-3s %-20s %s\n' "$f" "no job (the floor)" "${ws[*]}"
    else
      printf '  ×%-3s %-20s %s   (the job took %s s)\n' "$f" "$job" "${ws[*]}" "${ts[*]}"
    fi
  done
done
