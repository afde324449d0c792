# Shared by the benchmark scripts (sourced, not run: bench/run runs the *.sh files). Uses the
# caller's q (psql on the benchmark's server), url (DATABASE_URL of a database) and $P (promail).

logins() { # DB N FROM_SQL SPAN_SQL: N login rows spread over [FROM, FROM + SPAN)
  q -d "$1" -c "INSERT INTO users (email, password_hash) SELECT 'u' || g || '@example.fr', 'x' FROM generate_series(1, 100) g ON CONFLICT DO NOTHING;
    INSERT INTO login_history (user_id, login_time, ip_address, user_agent, success, location, device_type)
    SELECT 1 + g % 100, ($3) + ($4) * g / $2, '10.0.0.1', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0',
           g % 10 <> 0, 'Paris', 'desktop'
    FROM generate_series(0, $2 - 1) g;" -c "VACUUM ANALYZE"
}

retention_data() { # DB (migrated): the retention step's data, as of the server's clock
  # The partitions of [now - 365 days, now + 4 months), 5 M login rows over the last 365 days, and
  # the seed's cleanup_old_logs() under another name (the peer; promail calls the real one).
  local from to t
  from=$(q -d "$1" -c "SELECT to_char(localtimestamp - interval '365 days', 'YYYY-MM-DD')")
  to=$(q -d "$1" -c "SELECT to_char(localtimestamp + interval '4 months', 'YYYY-MM-DD')")
  for t in login_history email_analytics; do
    DATABASE_URL=$(url "$1") "$P" -q partitions create "$t" --from "$from" --to "$to" 2>/dev/null
  done
  logins "$1" 5000000 "localtimestamp - interval '365 days'" "interval '365 days'"
  q -d "$1" -c "CREATE FUNCTION seed_cleanup_old_logs() RETURNS void AS \$\$
BEGIN
    DELETE FROM login_history WHERE login_time < CURRENT_TIMESTAMP - INTERVAL '90 days';
    DELETE FROM email_analytics WHERE action_time < CURRENT_TIMESTAMP - INTERVAL '30 days';
END;
\$\$ LANGUAGE plpgsql;"
}

under_inserts() { # DB SECONDS CMD...: CMD while pgbench inserts into DB's email_analytics 100 times
  # a second for SECONDS, starting 3 s in. Prints "TOOK WORST_MS" (CMD's wall time, the worst
  # insert latency); CMD's stdout is dropped, its stderr goes to $UNDER_INSERTS_ERR when set; its
  # exit status is returned.
  local db=$1 secs=$2 log bg s took worst status=0
  shift 2
  log=$(mktemp -d)
  echo "INSERT INTO email_analytics (user_id, action, action_time) VALUES (1, 'open', localtimestamp);" >"$log/insert.sql"
  (cd "$log" && pgbench -n -R 100 -T "$secs" -l -f insert.sql "$db" >/dev/null 2>&1) &
  bg=$!
  sleep 3
  s=$(date +%s.%N)
  "$@" >/dev/null 2>"${UNDER_INSERTS_ERR:-/dev/stderr}" || status=$?
  took=$(python3 -c "print(f'{$(date +%s.%N) - $s:.3f}')")
  wait "$bg" || true
  # pgbench's log: client, transaction, latency in µs, …
  worst=$(cat "$log"/pgbench_log.* | awk 'BEGIN{m=0} {if ($3>m) m=$3} END{printf "%.1f", m/1000}')
  rm -rf "$log"
  echo "$took $worst"
  return "$status"
}
