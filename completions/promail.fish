# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_promail_global_optspecs
    string join \n database-url= local W/password color= q/quiet v/verbose h/help V/version
end

function __fish_promail_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_promail_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_promail_using_subcommand
    set -l cmd (__fish_promail_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c promail -n "__fish_promail_needs_command" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_needs_command" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_needs_command" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_needs_command" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_needs_command" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_needs_command" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_needs_command" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_needs_command" -f -a "db" -d 'Connect, migrate and inspect the database'
complete -c promail -n "__fish_promail_needs_command" -f -a "partitions" -d 'Partitions of the log tables: list, create, rotate, policies'
complete -c promail -n "__fish_promail_needs_command" -f -a "cleanup" -d 'Run the seed\'s retention (cleanup_old_logs), dropping expired partitions first'
complete -c promail -n "__fish_promail_needs_command" -f -a "report" -d 'The seed\'s reports: per-user statistics, e-mail types, activity, one user'
complete -c promail -n "__fish_promail_needs_command" -f -a "monitor" -d 'Monitoring: an overview, sizes, queries, activity, locks, vacuum, replication; `check` for Nagios and Prometheus'
complete -c promail -n "__fish_promail_needs_command" -f -a "backup" -d 'Backups: create, list, verify, prune (pg_dump with checksum and manifest)'
complete -c promail -n "__fish_promail_needs_command" -f -a "restore" -d 'Restore a backup into the database (after verifying it), or into a new one with --into'
complete -c promail -n "__fish_promail_needs_command" -f -a "schedule" -d 'The maintenance timetable: list, set, enable, disable; run it, or emit crontab lines or systemd units'
complete -c promail -n "__fish_promail_needs_command" -f -a "local" -d 'Run a private PostgreSQL cluster for trying promail and for tests'
complete -c promail -n "__fish_promail_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c promail -n "__fish_promail_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -f -a "ping" -d 'Check the connection: server version, user, database, TLS, round-trip time'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -f -a "migrate" -d 'Apply the pending schema migrations (under a lock, each file atomically)'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -f -a "status" -d 'Show each migration: applied, pending, changed or unknown'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -f -a "baseline" -d 'Adopt a database created by hand from the seed (record migrations without running them)'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -f -a "create" -d 'Create the role and the database if they do not exist'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -f -a "seed" -d 'Fill the database with realistic synthetic data (binary COPY, one transaction)'
complete -c promail -n "__fish_promail_using_subcommand db; and not __fish_seen_subcommand_from ping migrate status baseline create seed help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from ping" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from ping" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from ping" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from ping" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from ping" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from ping" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from ping" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from ping" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from ping" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l target -d 'Apply the migrations up to this version only (e.g. 1 or 0001)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l lock-wait -d 'How long to wait for another migration run to finish before giving up' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l lock-timeout -d 'lock_timeout of the migration session: a statement waiting longer for a lock gives up (and is retried) instead of queueing behind a long transaction and blocking the application (e.g. 500ms, 5s)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l statement-timeout -d 'statement_timeout of the migration session (e.g. 30min, 1h; 0 = none)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l retries -d 'How many times a migration is retried after a lock timeout, with a growing pause' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l sync-wait -d 'Longest wait of each commit for the server\'s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l migrations-dir -r -F
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l dry-run -d 'Print what would run (with -v, the SQL) and change nothing'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -l migrations-dir -r -F
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -l check -d 'Exit 1, with a one-line message, when anything is pending, changed or unknown (for deploy scripts); with -q, no table: only the exit code and the message'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -l version -d 'The last version the database already has (1 = the seed schema)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -l lock-wait -d 'How long to wait for another migration run to finish before giving up' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -l sync-wait -d 'Longest wait of each commit for the server\'s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -l migrations-dir -r -F
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from baseline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -l owner -d 'The role to create and to own the database' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -l set-password -d 'Set the password of the role even when it exists already (from PROMAIL_DB_PASSWORD, or asked twice on a terminal)'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -l no-password -d 'Create the role without a password: it logs in only where pg_hba.conf lets it without one (peer, trust)'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l users -d 'Number of users to add' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l size -d 'About how much data to add (e.g. 500MB, 1GB, 20GB): sets the number of users from the averages (estimated per row as measured on PostgreSQL 15)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l log-rows -d 'About how many login_history rows to add in all (e.g. 100000000): sets --logins-per-user for the number of users' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l emails-per-user -d 'Average e-mails per user' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l templates-per-user -d 'Average templates per user' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l logins-per-user -d 'Average login attempts per user (about 12 % fail)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l analytics-per-email -d 'Average analytics events per e-mail' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l api-keys-per-user -d 'Average API keys per user' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l months -d 'Months of history before the server\'s current day (users, e-mails, templates, keys)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l seed -d 'Seed of the random generator [default: a random one, printed at the end]' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l lock-timeout -d 'How long to wait for the table locks and for another seed to finish (e.g. 500ms, 10s)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l sync-wait -d 'Longest wait of each commit for the server\'s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l append -d 'Add users to a database that already has data'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l truncate -d 'Empty the seven ProMail tables first, in the same transaction (asks first)'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -s y -l yes -d 'Do not ask for confirmation (required when no terminal is attached)'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from seed" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "ping" -d 'Check the connection: server version, user, database, TLS, round-trip time'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Apply the pending schema migrations (under a lock, each file atomically)'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show each migration: applied, pending, changed or unknown'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "baseline" -d 'Adopt a database created by hand from the seed (record migrations without running them)'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create the role and the database if they do not exist'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "seed" -d 'Fill the database with realistic synthetic data (binary COPY, one transaction)'
complete -c promail -n "__fish_promail_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -f -a "list" -d 'Show each managed table\'s partitions (bounds, estimated rows, size) and health'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -f -a "create" -d 'Create the partitions covering a date range (for backfills); existing ones are left alone'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -f -a "rotate" -d 'The nightly job: premake partitions, move rows out of DEFAULT, apply retention'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -f -a "policy" -d 'Show the partition policies, or change one with `policy set`'
complete -c promail -n "__fish_promail_using_subcommand partitions; and not __fish_seen_subcommand_from list create rotate policy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -l as-of -d 'Judge health as of this date instead of the server\'s clock (retention never counts from a date after the server\'s clock: no partition is shown past retention before it is)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -l health -d 'Only the health summary, one row per table'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -l check -d 'Exit 1, with a one-line message naming each table and its problems, when any table\'s health is not ok (no partition for now, fewer periods ahead than premake, rows in DEFAULT, gaps, partitions past retention): for monitoring scripts, as `db status --check`; with -q, no table: only the exit code and the message'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -l exact -d 'Count the rows in DEFAULT exactly (a scan of it); by default a large DEFAULT partition\'s rows are the planner\'s estimate, shown with ≈ (and `default_rows_estimated` in JSON)'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l from -d 'First day of the range' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l to -d 'End of the range (exclusive)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l lock-timeout -d 'Longest wait for a table lock per DDL statement; the application\'s statements queue behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l retries -d 'Attempts after a lock timeout, with a growing pause in between, before failing' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l lock-wait -d 'Longest wait for another promail run of the same kind to finish (advisory lock)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l sync-wait -d 'Longest wait of each commit for the server\'s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the plan on stdout and change nothing'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l exact -d 'Count the rows sitting in the DEFAULT partition exactly for the plan (a scan of it); by default a large DEFAULT partition\'s periods are found on its index and their rows estimated, shown with ≈'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l as-of -d 'Plan as of this date instead of the server\'s clock (retention never counts from a date after the server\'s clock)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l lock-timeout -d 'Longest wait for a table lock per DDL statement; the application\'s statements queue behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l retries -d 'Attempts after a lock timeout, with a growing pause in between, before failing' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l lock-wait -d 'Longest wait for another promail run of the same kind to finish (advisory lock)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l sync-wait -d 'Longest wait of each commit for the server\'s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l dry-run -d 'Print the plan on stdout and change nothing'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l exact -d 'Count the rows sitting in the DEFAULT partition exactly for the plan (a scan of it); by default a large DEFAULT partition\'s periods are found on its index and their rows estimated, shown with ≈'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from rotate" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Change the policy of a table (what is not given is kept)'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from policy" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from help" -f -a "list" -d 'Show each managed table\'s partitions (bounds, estimated rows, size) and health'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create the partitions covering a date range (for backfills); existing ones are left alone'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'The nightly job: premake partitions, move rows out of DEFAULT, apply retention'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from help" -f -a "policy" -d 'Show the partition policies, or change one with `policy set`'
complete -c promail -n "__fish_promail_using_subcommand partitions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l format -d 'Print the report on stdout in this format (default: a table with --dry-run, otherwise one line per table on stderr)' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l lock-timeout -d 'Longest wait for a table lock per DDL statement; the application\'s statements queue behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)' -r
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l retries -d 'Attempts after a lock timeout, with a growing pause in between, before failing' -r
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l lock-wait -d 'Longest wait for another promail run of the same kind to finish (advisory lock)' -r
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l sync-wait -d 'Longest wait of each commit for the server\'s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only' -r
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l dry-run -d 'Count what would be removed; change nothing'
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l exact -d 'Count the rows of dropped partitions, and with --dry-run the rows to delete, exactly (a scan of each) instead of estimating'
complete -c promail -n "__fish_promail_using_subcommand cleanup" -s y -l yes -d 'Do not ask for confirmation (required when no terminal is attached)'
complete -c promail -n "__fish_promail_using_subcommand cleanup" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand cleanup" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand cleanup" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand cleanup" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand cleanup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand cleanup" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -f -a "user-stats" -d 'Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -f -a "email-types" -d 'Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -f -a "activity" -d 'Per user: active days, e-mails generated, successful logins, last activity (view user_activity)'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -f -a "user" -d 'One user\'s statistics by id or e-mail address (get_user_statistics)'
complete -c promail -n "__fish_promail_using_subcommand report; and not __fish_seen_subcommand_from user-stats email-types activity user help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user-stats" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user-stats" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user-stats" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user-stats" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user-stats" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user-stats" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user-stats" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user-stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user-stats" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from email-types" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from email-types" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from email-types" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from email-types" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from email-types" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from email-types" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from email-types" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from email-types" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from email-types" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from activity" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from activity" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from activity" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from activity" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from activity" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from activity" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from activity" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from activity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from activity" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from user" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "user-stats" -d 'Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "email-types" -d 'Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "activity" -d 'Per user: active days, e-mails generated, successful logins, last activity (view user_activity)'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "user" -d 'One user\'s statistics by id or e-mail address (get_user_statistics)'
complete -c promail -n "__fish_promail_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "sizes" -d 'Total, table, index and TOAST size per table; partitioned tables as the sum of their partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "queries" -d 'Top statements from pg_stat_statements (by total time; the seed\'s filter on emails and users unless --all)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "activity" -d 'Sessions doing something (not this one): age, wait event, blocked by; old idle transactions flagged'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "unused-indexes" -d 'Indexes never scanned since the statistics reset (primary-key, unique and constraint indexes excluded), with sizes'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "locks" -d 'Blocking chains: who waits for which lock, and who holds it'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "cache" -d 'Buffer cache hit ratios (database, tables, indexes)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "vacuum" -d 'Dead tuples, last autovacuum, transaction-ID wraparound age'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "connections" -d 'Client sessions against max_connections, by state'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "duplicate-indexes" -d 'Indexes that duplicate another of the same table'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "bloat" -d 'Table bloat, estimated from the planner\'s statistics'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "partitions" -d 'Health of the managed partitioned tables (as `partitions list --health`)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "replication" -d 'On a primary: each standby\'s state and lag; on a standby: its receive/replay lag'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "check" -d 'Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus'
complete -c promail -n "__fish_promail_using_subcommand monitor; and not __fish_seen_subcommand_from sizes queries activity unused-indexes locks cache vacuum connections duplicate-indexes bloat partitions replication check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -l partitions -d 'List each partition under its partitioned table'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from sizes" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -l by -d 'Order by' -r -f -a "total\t'Total execution time'
mean\t'Mean execution time per call'
calls\t'Number of calls'
rows\t'Rows returned or changed'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -l limit -d 'How many statements' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -l all -d 'Every statement of the database, not only those on emails or users'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from queries" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -l flag-after -d 'Flag sessions idle in a transaction for longer than this (e.g. 30s, 5min)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from activity" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from unused-indexes" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from locks" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from cache" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -l limit -d 'How many tables' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from vacuum" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from connections" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from duplicate-indexes" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -l limit -d 'How many tables' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from bloat" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from partitions" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -l watch -d 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from replication" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l format -d 'Output format' -r -f -a "nagios\t'A summary line, then one line per check; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
prometheus\t'Prometheus text format for the node exporter\'s textfile collector; exit 0 once written'"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -s o -l output -d 'Write to FILE (atomically: a temporary file in the same folder, then renamed)' -r -F
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l backup-dir -d 'Folder of `promail backup` files, for the backup_age check' -r -F
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l connections-warning -d 'Connections used, % of max_connections (`80` or `80%`)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l connections-critical -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l wraparound-warning -d 'Oldest transaction-ID age on the server (check_postgres\'s defaults)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l wraparound-critical -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l transaction-warning -d 'Oldest open transaction' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l transaction-critical -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l replication-warning -d 'Replication lag, WAL not yet replayed: bytes, or with a unit as PostgreSQL writes sizes (`16MB`, `1GB`)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l replication-critical -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l default-rows-warning -d 'Rows in one DEFAULT partition' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l default-rows-critical -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l ahead-warning -d 'Periods made ahead of now (lower is worse; no partition for now is CRITICAL)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l ahead-critical -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l backup-warning -d 'Age of the newest good backup, hours' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l backup-critical -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l migrations-dir -r -F
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "sizes" -d 'Total, table, index and TOAST size per table; partitioned tables as the sum of their partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "queries" -d 'Top statements from pg_stat_statements (by total time; the seed\'s filter on emails and users unless --all)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "activity" -d 'Sessions doing something (not this one): age, wait event, blocked by; old idle transactions flagged'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "unused-indexes" -d 'Indexes never scanned since the statistics reset (primary-key, unique and constraint indexes excluded), with sizes'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "locks" -d 'Blocking chains: who waits for which lock, and who holds it'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "cache" -d 'Buffer cache hit ratios (database, tables, indexes)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "vacuum" -d 'Dead tuples, last autovacuum, transaction-ID wraparound age'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "connections" -d 'Client sessions against max_connections, by state'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "duplicate-indexes" -d 'Indexes that duplicate another of the same table'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "bloat" -d 'Table bloat, estimated from the planner\'s statistics'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "partitions" -d 'Health of the managed partitioned tables (as `partitions list --health`)'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "replication" -d 'On a primary: each standby\'s state and lag; on a standby: its receive/replay lag'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "check" -d 'Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus'
complete -c promail -n "__fish_promail_using_subcommand monitor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -f -a "create" -d 'Dump the database (pg_dump) with a checksum and a manifest of exact row counts'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -f -a "list" -d 'List the backups in the folder: kind, time, size, checksum, manifest'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -f -a "verify" -d 'Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -f -a "prune" -d 'Delete old backups (--keep N, --keep-days D), never the newest good one'
complete -c promail -n "__fish_promail_using_subcommand backup; and not __fish_seen_subcommand_from create list verify prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -l dir -d 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]' -r -F
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -l jobs -d 'Directory format (`NAME.dir`), dumped by N parallel jobs (each one a session)' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -l compress -d 'pg_dump\'s compression: a level 0-9 (gzip; pg_dump\'s default is 6), or on pg_dump 16+ METHOD[:LEVEL] with METHOD gzip, lz4, zstd or none. Measured (docs/BENCHMARKS.md): 1 is about 3.5 times faster than 6 for an archive 40 % larger; 9 saves 1-2 % for half again the time' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -l lock-timeout -d 'Longest wait for each table\'s lock (the row counts, and pg_dump\'s --lock-wait-timeout): a table held under an exclusive lock (a migration, VACUUM FULL) fails the backup instead of holding it up without end' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -l critical -d 'Only the tables users, emails and templates (the seed\'s critical backup)'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -l globals -d 'Also the roles and tablespaces (`pg_dumpall --globals-only`) as NAME.globals.sql, in the same checksum file; their password hashes only when the role is a superuser (else --no-role-passwords, said)'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -l dir -d 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]' -r -F
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -l check -d 'Compute each archive\'s checksum (ok, MISMATCH) instead of only noting the file; exit 1 unless every backup is good and there is at least one'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -l dir -d 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]' -r -F
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -l latest -d 'The newest backup in the folder'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -l restore -d 'Also restore it into a throwaway database and compare the row counts'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -l dir -d 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]' -r -F
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -l keep -d 'Keep the newest N backups of each kind' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -l keep-days -d 'Keep the backups of the last D days' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -l dry-run -d 'Print the plan; delete nothing'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Do not ask for confirmation (required when no terminal is attached)'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "create" -d 'Dump the database (pg_dump) with a checksum and a manifest of exact row counts'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the backups in the folder: kind, time, size, checksum, manifest'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete old backups (--keep N, --keep-days D), never the newest good one'
complete -c promail -n "__fish_promail_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand restore" -l dir -d 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]' -r -F
complete -c promail -n "__fish_promail_using_subcommand restore" -l into -d 'Restore into this new database instead of the current one' -r
complete -c promail -n "__fish_promail_using_subcommand restore" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand restore" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand restore" -s y -l yes -d 'Do not ask for confirmation (required when no terminal is attached)'
complete -c promail -n "__fish_promail_using_subcommand restore" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand restore" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand restore" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand restore" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand restore" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -f -a "list" -d 'Each job: its expression, in words, whether enabled, its next runs, its last run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -f -a "set" -d 'Change a job\'s cron expression'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -f -a "enable" -d 'Let a job run on its schedule'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -f -a "disable" -d 'Keep a job from running on its schedule (it can still be run by hand)'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -f -a "run" -d 'Run the timetable in the foreground (for containers and hosts without cron)'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -f -a "crontab" -d 'Print crontab lines that run the timetable'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -f -a "systemd" -d 'Print or write systemd .service and .timer units that run the timetable'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -f -a "pg-cron" -d 'Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it'
complete -c promail -n "__fish_promail_using_subcommand schedule; and not __fish_seen_subcommand_from list set enable disable run crontab systemd pg-cron help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -l count -d 'Next runs shown per job' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -l from -d 'Compute the next runs from this time instead of now: RFC 3339 (2027-03-27T12:00:00Z, 2027-03-27T13:00:00+01:00), or a local time without offset (2027-03-27 12:00), read in the timetable\'s time zone' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from set" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from set" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from set" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from set" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from enable" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from enable" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from enable" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from enable" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from disable" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from disable" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from disable" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from disable" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -l log-format -d 'Log lines as text or one JSON object per line' -r -f -a "text\t'One line of text per event'
json\t'One JSON object per line'"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -l stop-timeout -d 'After SIGTERM or Ctrl-C, how long running jobs may finish before they are sent SIGTERM' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -l binary -d 'The promail binary the lines run [default: this one]' -r -F
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -l env-file -d 'The environment file with the connection: DATABASE_URL without a password, and PGPASSFILE naming a pgpass file of mode 0600' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -l log-file -d 'Append each job\'s output to FILE instead of sending it to syslog' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -l lock-dir -d 'Folder of the flock files' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from crontab" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -l binary -d 'The promail binary the lines run [default: this one]' -r -F
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -l env-file -d 'The environment file with the connection: DATABASE_URL without a password, and PGPASSFILE naming a pgpass file of mode 0600' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -l dir -d 'Write the unit files into DIR instead of printing them' -r -F
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from systemd" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -f -a "install" -d 'Register (or re-register) cleanup_old_logs() in pg_cron'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -f -a "remove" -d 'Remove it from pg_cron'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from pg-cron" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "list" -d 'Each job: its expression, in words, whether enabled, its next runs, its last run'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change a job\'s cron expression'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Let a job run on its schedule'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Keep a job from running on its schedule (it can still be run by hand)'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run the timetable in the foreground (for containers and hosts without cron)'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "crontab" -d 'Print crontab lines that run the timetable'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "systemd" -d 'Print or write systemd .service and .timer units that run the timetable'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "pg-cron" -d 'Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it'
complete -c promail -n "__fish_promail_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -f -a "start" -d 'Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0 when it runs already'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -f -a "stop" -d 'Stop the cluster; exit 0 when it is stopped already'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -f -a "status" -d 'Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as pg_ctl status)'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -f -a "url" -d 'Print the connection string of the cluster\'s promail_db (no password needed)'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -f -a "destroy" -d 'Stop the cluster and delete its folder with all its data'
complete -c promail -n "__fish_promail_using_subcommand local; and not __fish_seen_subcommand_from start stop status url destroy help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -l dir -d 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -l bindir -d 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -l dir -d 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -l bindir -d 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -l dir -d 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -l bindir -d 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -l format -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array of objects, one per row (a command whose output has several parts says its shape in its help)'
csv\t'RFC 4180 CSV with a header line'"
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -l dir -d 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -l bindir -d 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from url" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -l dir -d 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -l bindir -d 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]' -r -F
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -s y -l yes -d 'Do not ask for confirmation (required when no terminal is attached)'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from destroy" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "start" -d 'Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0 when it runs already'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop the cluster; exit 0 when it is stopped already'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "status" -d 'Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as pg_ctl status)'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "url" -d 'Print the connection string of the cluster\'s promail_db (no password needed)'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "destroy" -d 'Stop the cluster and delete its folder with all its data'
complete -c promail -n "__fish_promail_using_subcommand local; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand completions" -l database-url -d 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)' -r
complete -c promail -n "__fish_promail_using_subcommand completions" -l color -d 'When to use colours [env: NO_COLOR disables]' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c promail -n "__fish_promail_using_subcommand completions" -l local -d 'Use promail\'s own local PostgreSQL cluster (see `promail local`), starting it if needed'
complete -c promail -n "__fish_promail_using_subcommand completions" -s W -l password -d 'Ask for the password before connecting, as psql -W'
complete -c promail -n "__fish_promail_using_subcommand completions" -s q -l quiet -d 'Print only errors and warnings'
complete -c promail -n "__fish_promail_using_subcommand completions" -s v -l verbose -d 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
complete -c promail -n "__fish_promail_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c promail -n "__fish_promail_using_subcommand completions" -s V -l version -d 'Print version'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "db" -d 'Connect, migrate and inspect the database'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "partitions" -d 'Partitions of the log tables: list, create, rotate, policies'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "cleanup" -d 'Run the seed\'s retention (cleanup_old_logs), dropping expired partitions first'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "report" -d 'The seed\'s reports: per-user statistics, e-mail types, activity, one user'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "monitor" -d 'Monitoring: an overview, sizes, queries, activity, locks, vacuum, replication; `check` for Nagios and Prometheus'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "backup" -d 'Backups: create, list, verify, prune (pg_dump with checksum and manifest)'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "restore" -d 'Restore a backup into the database (after verifying it), or into a new one with --into'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "schedule" -d 'The maintenance timetable: list, set, enable, disable; run it, or emit crontab lines or systemd units'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "local" -d 'Run a private PostgreSQL cluster for trying promail and for tests'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c promail -n "__fish_promail_using_subcommand help; and not __fish_seen_subcommand_from db partitions cleanup report monitor backup restore schedule local completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "ping" -d 'Check the connection: server version, user, database, TLS, round-trip time'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "migrate" -d 'Apply the pending schema migrations (under a lock, each file atomically)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "status" -d 'Show each migration: applied, pending, changed or unknown'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "baseline" -d 'Adopt a database created by hand from the seed (record migrations without running them)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "create" -d 'Create the role and the database if they do not exist'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "seed" -d 'Fill the database with realistic synthetic data (binary COPY, one transaction)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from partitions" -f -a "list" -d 'Show each managed table\'s partitions (bounds, estimated rows, size) and health'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from partitions" -f -a "create" -d 'Create the partitions covering a date range (for backfills); existing ones are left alone'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from partitions" -f -a "rotate" -d 'The nightly job: premake partitions, move rows out of DEFAULT, apply retention'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from partitions" -f -a "policy" -d 'Show the partition policies, or change one with `policy set`'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "user-stats" -d 'Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "email-types" -d 'Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "activity" -d 'Per user: active days, e-mails generated, successful logins, last activity (view user_activity)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "user" -d 'One user\'s statistics by id or e-mail address (get_user_statistics)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "sizes" -d 'Total, table, index and TOAST size per table; partitioned tables as the sum of their partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "queries" -d 'Top statements from pg_stat_statements (by total time; the seed\'s filter on emails and users unless --all)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "activity" -d 'Sessions doing something (not this one): age, wait event, blocked by; old idle transactions flagged'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "unused-indexes" -d 'Indexes never scanned since the statistics reset (primary-key, unique and constraint indexes excluded), with sizes'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "locks" -d 'Blocking chains: who waits for which lock, and who holds it'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "cache" -d 'Buffer cache hit ratios (database, tables, indexes)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "vacuum" -d 'Dead tuples, last autovacuum, transaction-ID wraparound age'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "connections" -d 'Client sessions against max_connections, by state'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "duplicate-indexes" -d 'Indexes that duplicate another of the same table'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "bloat" -d 'Table bloat, estimated from the planner\'s statistics'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "partitions" -d 'Health of the managed partitioned tables (as `partitions list --health`)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "replication" -d 'On a primary: each standby\'s state and lag; on a standby: its receive/replay lag'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from monitor" -f -a "check" -d 'Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "create" -d 'Dump the database (pg_dump) with a checksum and a manifest of exact row counts'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "list" -d 'List the backups in the folder: kind, time, size, checksum, manifest'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "verify" -d 'Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "prune" -d 'Delete old backups (--keep N, --keep-days D), never the newest good one'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "list" -d 'Each job: its expression, in words, whether enabled, its next runs, its last run'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "set" -d 'Change a job\'s cron expression'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "enable" -d 'Let a job run on its schedule'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "disable" -d 'Keep a job from running on its schedule (it can still be run by hand)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "run" -d 'Run the timetable in the foreground (for containers and hosts without cron)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "crontab" -d 'Print crontab lines that run the timetable'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "systemd" -d 'Print or write systemd .service and .timer units that run the timetable'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "pg-cron" -d 'Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "start" -d 'Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0 when it runs already'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "stop" -d 'Stop the cluster; exit 0 when it is stopped already'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "status" -d 'Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as pg_ctl status)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "url" -d 'Print the connection string of the cluster\'s promail_db (no password needed)'
complete -c promail -n "__fish_promail_using_subcommand help; and __fish_seen_subcommand_from local" -f -a "destroy" -d 'Stop the cluster and delete its folder with all its data'
