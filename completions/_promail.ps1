
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'promail' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'promail'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'promail' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Connect, migrate and inspect the database')
            [CompletionResult]::new('partitions', 'partitions', [CompletionResultType]::ParameterValue, 'Partitions of the log tables: list, create, rotate, policies')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Run the seed''s retention (cleanup_old_logs), dropping expired partitions first')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The seed''s reports: per-user statistics, e-mail types, activity, one user')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Monitoring: an overview, sizes, queries, activity, locks, vacuum, replication; `check` for Nagios and Prometheus')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Backups: create, list, verify, prune (pg_dump with checksum and manifest)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup into the database (after verifying it), or into a new one with --into')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The maintenance timetable: list, set, enable, disable; run it, or emit crontab lines or systemd units')
            [CompletionResult]::new('local', 'local', [CompletionResultType]::ParameterValue, 'Run a private PostgreSQL cluster for trying promail and for tests')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;db' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Check the connection: server version, user, database, TLS, round-trip time')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply the pending schema migrations (under a lock, each file atomically)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each migration: applied, pending, changed or unknown')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Adopt a database created by hand from the seed (record migrations without running them)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the role and the database if they do not exist')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Fill the database with realistic synthetic data (binary COPY, one transaction)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;db;ping' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;db;migrate' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Apply the migrations up to this version only (e.g. 1 or 0001)')
            [CompletionResult]::new('--lock-wait', '--lock-wait', [CompletionResultType]::ParameterName, 'How long to wait for another migration run to finish before giving up')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'lock_timeout of the migration session: a statement waiting longer for a lock gives up (and is retried) instead of queueing behind a long transaction and blocking the application (e.g. 500ms, 5s)')
            [CompletionResult]::new('--statement-timeout', '--statement-timeout', [CompletionResultType]::ParameterName, 'statement_timeout of the migration session (e.g. 30min, 1h; 0 = none)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'How many times a migration is retried after a lock timeout, with a growing pause')
            [CompletionResult]::new('--sync-wait', '--sync-wait', [CompletionResultType]::ParameterName, 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only')
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'migrations-dir')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would run (with -v, the SQL) and change nothing')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;db;status' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'migrations-dir')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 1, with a one-line message, when anything is pending, changed or unknown (for deploy scripts); with -q, no table: only the exit code and the message')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;db;baseline' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The last version the database already has (1 = the seed schema)')
            [CompletionResult]::new('--lock-wait', '--lock-wait', [CompletionResultType]::ParameterName, 'How long to wait for another migration run to finish before giving up')
            [CompletionResult]::new('--sync-wait', '--sync-wait', [CompletionResultType]::ParameterName, 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only')
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'migrations-dir')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'promail;db;create' {
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'The role to create and to own the database')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--set-password', '--set-password', [CompletionResultType]::ParameterName, 'Set the password of the role even when it exists already (from PROMAIL_DB_PASSWORD, or asked twice on a terminal)')
            [CompletionResult]::new('--no-password', '--no-password', [CompletionResultType]::ParameterName, 'Create the role without a password: it logs in only where pg_hba.conf lets it without one (peer, trust)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;db;seed' {
            [CompletionResult]::new('--users', '--users', [CompletionResultType]::ParameterName, 'Number of users to add')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'About how much data to add (e.g. 500MB, 1GB, 20GB): sets the number of users from the averages (estimated per row as measured on PostgreSQL 15)')
            [CompletionResult]::new('--log-rows', '--log-rows', [CompletionResultType]::ParameterName, 'About how many login_history rows to add in all (e.g. 100000000): sets --logins-per-user for the number of users')
            [CompletionResult]::new('--emails-per-user', '--emails-per-user', [CompletionResultType]::ParameterName, 'Average e-mails per user')
            [CompletionResult]::new('--templates-per-user', '--templates-per-user', [CompletionResultType]::ParameterName, 'Average templates per user')
            [CompletionResult]::new('--logins-per-user', '--logins-per-user', [CompletionResultType]::ParameterName, 'Average login attempts per user (about 12 % fail)')
            [CompletionResult]::new('--analytics-per-email', '--analytics-per-email', [CompletionResultType]::ParameterName, 'Average analytics events per e-mail')
            [CompletionResult]::new('--api-keys-per-user', '--api-keys-per-user', [CompletionResultType]::ParameterName, 'Average API keys per user')
            [CompletionResult]::new('--months', '--months', [CompletionResultType]::ParameterName, 'Months of history before the server''s current day (users, e-mails, templates, keys)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the random generator [default: a random one, printed at the end]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the table locks and for another seed to finish (e.g. 500ms, 10s)')
            [CompletionResult]::new('--sync-wait', '--sync-wait', [CompletionResultType]::ParameterName, 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--append', '--append', [CompletionResultType]::ParameterName, 'Add users to a database that already has data')
            [CompletionResult]::new('--truncate', '--truncate', [CompletionResultType]::ParameterName, 'Empty the seven ProMail tables first, in the same transaction (asks first)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;db;help' {
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Check the connection: server version, user, database, TLS, round-trip time')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply the pending schema migrations (under a lock, each file atomically)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each migration: applied, pending, changed or unknown')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Adopt a database created by hand from the seed (record migrations without running them)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the role and the database if they do not exist')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Fill the database with realistic synthetic data (binary COPY, one transaction)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;db;help;ping' {
            break
        }
        'promail;db;help;migrate' {
            break
        }
        'promail;db;help;status' {
            break
        }
        'promail;db;help;baseline' {
            break
        }
        'promail;db;help;create' {
            break
        }
        'promail;db;help;seed' {
            break
        }
        'promail;db;help;help' {
            break
        }
        'promail;partitions' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show each managed table''s partitions (bounds, estimated rows, size) and health')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the partitions covering a date range (for backfills); existing ones are left alone')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'The nightly job: premake partitions, move rows out of DEFAULT, apply retention')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show the partition policies, or change one with `policy set`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;partitions;list' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Judge health as of this date instead of the server''s clock (retention never counts from a date after the server''s clock: no partition is shown past retention before it is)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--health', '--health', [CompletionResultType]::ParameterName, 'Only the health summary, one row per table')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit 1, with a one-line message naming each table and its problems, when any table''s health is not ok (no partition for now, fewer periods ahead than premake, rows in DEFAULT, gaps, partitions past retention): for monitoring scripts, as `db status --check`; with -q, no table: only the exit code and the message')
            [CompletionResult]::new('--exact', '--exact', [CompletionResultType]::ParameterName, 'Count the rows in DEFAULT exactly (a scan of it); by default a large DEFAULT partition''s rows are the planner''s estimate, shown with ≈ (and `default_rows_estimated` in JSON)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;partitions;create' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First day of the range')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'End of the range (exclusive)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest wait for a table lock per DDL statement; the application''s statements queue behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after a lock timeout, with a growing pause in between, before failing')
            [CompletionResult]::new('--lock-wait', '--lock-wait', [CompletionResultType]::ParameterName, 'Longest wait for another promail run of the same kind to finish (advisory lock)')
            [CompletionResult]::new('--sync-wait', '--sync-wait', [CompletionResultType]::ParameterName, 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan on stdout and change nothing')
            [CompletionResult]::new('--exact', '--exact', [CompletionResultType]::ParameterName, 'Count the rows sitting in the DEFAULT partition exactly for the plan (a scan of it); by default a large DEFAULT partition''s periods are found on its index and their rows estimated, shown with ≈')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;partitions;rotate' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Plan as of this date instead of the server''s clock (retention never counts from a date after the server''s clock)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest wait for a table lock per DDL statement; the application''s statements queue behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after a lock timeout, with a growing pause in between, before failing')
            [CompletionResult]::new('--lock-wait', '--lock-wait', [CompletionResultType]::ParameterName, 'Longest wait for another promail run of the same kind to finish (advisory lock)')
            [CompletionResult]::new('--sync-wait', '--sync-wait', [CompletionResultType]::ParameterName, 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan on stdout and change nothing')
            [CompletionResult]::new('--exact', '--exact', [CompletionResultType]::ParameterName, 'Count the rows sitting in the DEFAULT partition exactly for the plan (a scan of it); by default a large DEFAULT partition''s periods are found on its index and their rows estimated, shown with ≈')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;partitions;policy' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the policy of a table (what is not given is kept)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;partitions;policy;set' {
            [CompletionResult]::new('--premake', '--premake', [CompletionResultType]::ParameterName, 'Periods to keep made ahead of the current one (1-520)')
            [CompletionResult]::new('--retention', '--retention', [CompletionResultType]::ParameterName, 'Interval after which a partition expires (''90 days'', ''12 weeks'', ''6 months''), or none')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'What happens to an expired partition')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;partitions;policy;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the policy of a table (what is not given is kept)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;partitions;policy;help;set' {
            break
        }
        'promail;partitions;policy;help;help' {
            break
        }
        'promail;partitions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show each managed table''s partitions (bounds, estimated rows, size) and health')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the partitions covering a date range (for backfills); existing ones are left alone')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'The nightly job: premake partitions, move rows out of DEFAULT, apply retention')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show the partition policies, or change one with `policy set`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;partitions;help;list' {
            break
        }
        'promail;partitions;help;create' {
            break
        }
        'promail;partitions;help;rotate' {
            break
        }
        'promail;partitions;help;policy' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the policy of a table (what is not given is kept)')
            break
        }
        'promail;partitions;help;policy;set' {
            break
        }
        'promail;partitions;help;help' {
            break
        }
        'promail;cleanup' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print the report on stdout in this format (default: a table with --dry-run, otherwise one line per table on stderr)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest wait for a table lock per DDL statement; the application''s statements queue behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Attempts after a lock timeout, with a growing pause in between, before failing')
            [CompletionResult]::new('--lock-wait', '--lock-wait', [CompletionResultType]::ParameterName, 'Longest wait for another promail run of the same kind to finish (advisory lock)')
            [CompletionResult]::new('--sync-wait', '--sync-wait', [CompletionResultType]::ParameterName, 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be removed; change nothing')
            [CompletionResult]::new('--exact', '--exact', [CompletionResultType]::ParameterName, 'Count the rows of dropped partitions, and with --dry-run the rows to delete, exactly (a scan of each) instead of estimating')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;report' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('user-stats', 'user-stats', [CompletionResultType]::ParameterValue, 'Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)')
            [CompletionResult]::new('email-types', 'email-types', [CompletionResultType]::ParameterValue, 'Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Per user: active days, e-mails generated, successful logins, last activity (view user_activity)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'One user''s statistics by id or e-mail address (get_user_statistics)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;report;user-stats' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;report;email-types' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;report;activity' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;report;user' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;report;help' {
            [CompletionResult]::new('user-stats', 'user-stats', [CompletionResultType]::ParameterValue, 'Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)')
            [CompletionResult]::new('email-types', 'email-types', [CompletionResultType]::ParameterValue, 'Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Per user: active days, e-mails generated, successful logins, last activity (view user_activity)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'One user''s statistics by id or e-mail address (get_user_statistics)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;report;help;user-stats' {
            break
        }
        'promail;report;help;email-types' {
            break
        }
        'promail;report;help;activity' {
            break
        }
        'promail;report;help;user' {
            break
        }
        'promail;report;help;help' {
            break
        }
        'promail;monitor' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sizes', 'sizes', [CompletionResultType]::ParameterValue, 'Total, table, index and TOAST size per table; partitioned tables as the sum of their partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)')
            [CompletionResult]::new('queries', 'queries', [CompletionResultType]::ParameterValue, 'Top statements from pg_stat_statements (by total time; the seed''s filter on emails and users unless --all)')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Sessions doing something (not this one): age, wait event, blocked by; old idle transactions flagged')
            [CompletionResult]::new('unused-indexes', 'unused-indexes', [CompletionResultType]::ParameterValue, 'Indexes never scanned since the statistics reset (primary-key, unique and constraint indexes excluded), with sizes')
            [CompletionResult]::new('locks', 'locks', [CompletionResultType]::ParameterValue, 'Blocking chains: who waits for which lock, and who holds it')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Buffer cache hit ratios (database, tables, indexes)')
            [CompletionResult]::new('vacuum', 'vacuum', [CompletionResultType]::ParameterValue, 'Dead tuples, last autovacuum, transaction-ID wraparound age')
            [CompletionResult]::new('connections', 'connections', [CompletionResultType]::ParameterValue, 'Client sessions against max_connections, by state')
            [CompletionResult]::new('duplicate-indexes', 'duplicate-indexes', [CompletionResultType]::ParameterValue, 'Indexes that duplicate another of the same table')
            [CompletionResult]::new('bloat', 'bloat', [CompletionResultType]::ParameterValue, 'Table bloat, estimated from the planner''s statistics')
            [CompletionResult]::new('partitions', 'partitions', [CompletionResultType]::ParameterValue, 'Health of the managed partitioned tables (as `partitions list --health`)')
            [CompletionResult]::new('replication', 'replication', [CompletionResultType]::ParameterValue, 'On a primary: each standby''s state and lag; on a standby: its receive/replay lag')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;monitor;sizes' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'List each partition under its partitioned table')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;queries' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Order by')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many statements')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every statement of the database, not only those on emails or users')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;activity' {
            [CompletionResult]::new('--flag-after', '--flag-after', [CompletionResultType]::ParameterName, 'Flag sessions idle in a transaction for longer than this (e.g. 30s, 5min)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;unused-indexes' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;locks' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;cache' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;vacuum' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many tables')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;connections' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;duplicate-indexes' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;bloat' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many tables')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;partitions' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;replication' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically: a temporary file in the same folder, then renamed)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (atomically: a temporary file in the same folder, then renamed)')
            [CompletionResult]::new('--backup-dir', '--backup-dir', [CompletionResultType]::ParameterName, 'Folder of `promail backup` files, for the backup_age check')
            [CompletionResult]::new('--connections-warning', '--connections-warning', [CompletionResultType]::ParameterName, 'Connections used, % of max_connections (`80` or `80%`)')
            [CompletionResult]::new('--connections-critical', '--connections-critical', [CompletionResultType]::ParameterName, 'connections-critical')
            [CompletionResult]::new('--wraparound-warning', '--wraparound-warning', [CompletionResultType]::ParameterName, 'Oldest transaction-ID age on the server (check_postgres''s defaults)')
            [CompletionResult]::new('--wraparound-critical', '--wraparound-critical', [CompletionResultType]::ParameterName, 'wraparound-critical')
            [CompletionResult]::new('--transaction-warning', '--transaction-warning', [CompletionResultType]::ParameterName, 'Oldest open transaction')
            [CompletionResult]::new('--transaction-critical', '--transaction-critical', [CompletionResultType]::ParameterName, 'transaction-critical')
            [CompletionResult]::new('--replication-warning', '--replication-warning', [CompletionResultType]::ParameterName, 'Replication lag, WAL not yet replayed: bytes, or with a unit as PostgreSQL writes sizes (`16MB`, `1GB`)')
            [CompletionResult]::new('--replication-critical', '--replication-critical', [CompletionResultType]::ParameterName, 'replication-critical')
            [CompletionResult]::new('--default-rows-warning', '--default-rows-warning', [CompletionResultType]::ParameterName, 'Rows in one DEFAULT partition')
            [CompletionResult]::new('--default-rows-critical', '--default-rows-critical', [CompletionResultType]::ParameterName, 'default-rows-critical')
            [CompletionResult]::new('--ahead-warning', '--ahead-warning', [CompletionResultType]::ParameterName, 'Periods made ahead of now (lower is worse; no partition for now is CRITICAL)')
            [CompletionResult]::new('--ahead-critical', '--ahead-critical', [CompletionResultType]::ParameterName, 'ahead-critical')
            [CompletionResult]::new('--backup-warning', '--backup-warning', [CompletionResultType]::ParameterName, 'Age of the newest good backup, hours')
            [CompletionResult]::new('--backup-critical', '--backup-critical', [CompletionResultType]::ParameterName, 'backup-critical')
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'migrations-dir')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;monitor;help' {
            [CompletionResult]::new('sizes', 'sizes', [CompletionResultType]::ParameterValue, 'Total, table, index and TOAST size per table; partitioned tables as the sum of their partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)')
            [CompletionResult]::new('queries', 'queries', [CompletionResultType]::ParameterValue, 'Top statements from pg_stat_statements (by total time; the seed''s filter on emails and users unless --all)')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Sessions doing something (not this one): age, wait event, blocked by; old idle transactions flagged')
            [CompletionResult]::new('unused-indexes', 'unused-indexes', [CompletionResultType]::ParameterValue, 'Indexes never scanned since the statistics reset (primary-key, unique and constraint indexes excluded), with sizes')
            [CompletionResult]::new('locks', 'locks', [CompletionResultType]::ParameterValue, 'Blocking chains: who waits for which lock, and who holds it')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Buffer cache hit ratios (database, tables, indexes)')
            [CompletionResult]::new('vacuum', 'vacuum', [CompletionResultType]::ParameterValue, 'Dead tuples, last autovacuum, transaction-ID wraparound age')
            [CompletionResult]::new('connections', 'connections', [CompletionResultType]::ParameterValue, 'Client sessions against max_connections, by state')
            [CompletionResult]::new('duplicate-indexes', 'duplicate-indexes', [CompletionResultType]::ParameterValue, 'Indexes that duplicate another of the same table')
            [CompletionResult]::new('bloat', 'bloat', [CompletionResultType]::ParameterValue, 'Table bloat, estimated from the planner''s statistics')
            [CompletionResult]::new('partitions', 'partitions', [CompletionResultType]::ParameterValue, 'Health of the managed partitioned tables (as `partitions list --health`)')
            [CompletionResult]::new('replication', 'replication', [CompletionResultType]::ParameterValue, 'On a primary: each standby''s state and lag; on a standby: its receive/replay lag')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;monitor;help;sizes' {
            break
        }
        'promail;monitor;help;queries' {
            break
        }
        'promail;monitor;help;activity' {
            break
        }
        'promail;monitor;help;unused-indexes' {
            break
        }
        'promail;monitor;help;locks' {
            break
        }
        'promail;monitor;help;cache' {
            break
        }
        'promail;monitor;help;vacuum' {
            break
        }
        'promail;monitor;help;connections' {
            break
        }
        'promail;monitor;help;duplicate-indexes' {
            break
        }
        'promail;monitor;help;bloat' {
            break
        }
        'promail;monitor;help;partitions' {
            break
        }
        'promail;monitor;help;replication' {
            break
        }
        'promail;monitor;help;check' {
            break
        }
        'promail;monitor;help;help' {
            break
        }
        'promail;backup' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Dump the database (pg_dump) with a checksum and a manifest of exact row counts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backups in the folder: kind, time, size, checksum, manifest')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete old backups (--keep N, --keep-days D), never the newest good one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;backup;create' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Directory format (`NAME.dir`), dumped by N parallel jobs (each one a session)')
            [CompletionResult]::new('--compress', '--compress', [CompletionResultType]::ParameterName, 'pg_dump''s compression: a level 0-9 (gzip; pg_dump''s default is 6), or on pg_dump 16+ METHOD[:LEVEL] with METHOD gzip, lz4, zstd or none. Measured (docs/BENCHMARKS.md): 1 is about 3.5 times faster than 6 for an archive 40 % larger; 9 saves 1-2 % for half again the time')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Longest wait for each table''s lock (the row counts, and pg_dump''s --lock-wait-timeout): a table held under an exclusive lock (a migration, VACUUM FULL) fails the backup instead of holding it up without end')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--critical', '--critical', [CompletionResultType]::ParameterName, 'Only the tables users, emails and templates (the seed''s critical backup)')
            [CompletionResult]::new('--globals', '--globals', [CompletionResultType]::ParameterName, 'Also the roles and tablespaces (`pg_dumpall --globals-only`) as NAME.globals.sql, in the same checksum file; their password hashes only when the role is a superuser (else --no-role-passwords, said)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;backup;list' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Compute each archive''s checksum (ok, MISMATCH) instead of only noting the file; exit 1 unless every backup is good and there is at least one')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;backup;verify' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--latest', '--latest', [CompletionResultType]::ParameterName, 'The newest backup in the folder')
            [CompletionResult]::new('--restore', '--restore', [CompletionResultType]::ParameterName, 'Also restore it into a throwaway database and compare the row counts')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;backup;prune' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the newest N backups of each kind')
            [CompletionResult]::new('--keep-days', '--keep-days', [CompletionResultType]::ParameterName, 'Keep the backups of the last D days')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan; delete nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;backup;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Dump the database (pg_dump) with a checksum and a manifest of exact row counts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backups in the folder: kind, time, size, checksum, manifest')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete old backups (--keep N, --keep-days D), never the newest good one')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;backup;help;create' {
            break
        }
        'promail;backup;help;list' {
            break
        }
        'promail;backup;help;verify' {
            break
        }
        'promail;backup;help;prune' {
            break
        }
        'promail;backup;help;help' {
            break
        }
        'promail;restore' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]')
            [CompletionResult]::new('--into', '--into', [CompletionResultType]::ParameterName, 'Restore into this new database instead of the current one')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Each job: its expression, in words, whether enabled, its next runs, its last run')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a job''s cron expression')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let a job run on its schedule')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Keep a job from running on its schedule (it can still be run by hand)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the timetable in the foreground (for containers and hosts without cron)')
            [CompletionResult]::new('crontab', 'crontab', [CompletionResultType]::ParameterValue, 'Print crontab lines that run the timetable')
            [CompletionResult]::new('systemd', 'systemd', [CompletionResultType]::ParameterValue, 'Print or write systemd .service and .timer units that run the timetable')
            [CompletionResult]::new('pg-cron', 'pg-cron', [CompletionResultType]::ParameterValue, 'Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;schedule;list' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Next runs shown per job')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Compute the next runs from this time instead of now: RFC 3339 (2027-03-27T12:00:00Z, 2027-03-27T13:00:00+01:00), or a local time without offset (2027-03-27 12:00), read in the timetable''s time zone')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule;set' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule;enable' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule;disable' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule;run' {
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log lines as text or one JSON object per line')
            [CompletionResult]::new('--stop-timeout', '--stop-timeout', [CompletionResultType]::ParameterName, 'After SIGTERM or Ctrl-C, how long running jobs may finish before they are sent SIGTERM')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule;crontab' {
            [CompletionResult]::new('--binary', '--binary', [CompletionResultType]::ParameterName, 'The promail binary the lines run [default: this one]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The environment file with the connection: DATABASE_URL without a password, and PGPASSFILE naming a pgpass file of mode 0600')
            [CompletionResult]::new('--log-file', '--log-file', [CompletionResultType]::ParameterName, 'Append each job''s output to FILE instead of sending it to syslog')
            [CompletionResult]::new('--lock-dir', '--lock-dir', [CompletionResultType]::ParameterName, 'Folder of the flock files')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule;systemd' {
            [CompletionResult]::new('--binary', '--binary', [CompletionResultType]::ParameterName, 'The promail binary the lines run [default: this one]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'The environment file with the connection: DATABASE_URL without a password, and PGPASSFILE naming a pgpass file of mode 0600')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write the unit files into DIR instead of printing them')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule;pg-cron' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Register (or re-register) cleanup_old_logs() in pg_cron')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove it from pg_cron')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;schedule;pg-cron;install' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule;pg-cron;remove' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;schedule;pg-cron;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Register (or re-register) cleanup_old_logs() in pg_cron')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove it from pg_cron')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;schedule;pg-cron;help;install' {
            break
        }
        'promail;schedule;pg-cron;help;remove' {
            break
        }
        'promail;schedule;pg-cron;help;help' {
            break
        }
        'promail;schedule;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Each job: its expression, in words, whether enabled, its next runs, its last run')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a job''s cron expression')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let a job run on its schedule')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Keep a job from running on its schedule (it can still be run by hand)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the timetable in the foreground (for containers and hosts without cron)')
            [CompletionResult]::new('crontab', 'crontab', [CompletionResultType]::ParameterValue, 'Print crontab lines that run the timetable')
            [CompletionResult]::new('systemd', 'systemd', [CompletionResultType]::ParameterValue, 'Print or write systemd .service and .timer units that run the timetable')
            [CompletionResult]::new('pg-cron', 'pg-cron', [CompletionResultType]::ParameterValue, 'Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;schedule;help;list' {
            break
        }
        'promail;schedule;help;set' {
            break
        }
        'promail;schedule;help;enable' {
            break
        }
        'promail;schedule;help;disable' {
            break
        }
        'promail;schedule;help;run' {
            break
        }
        'promail;schedule;help;crontab' {
            break
        }
        'promail;schedule;help;systemd' {
            break
        }
        'promail;schedule;help;pg-cron' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Register (or re-register) cleanup_old_logs() in pg_cron')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove it from pg_cron')
            break
        }
        'promail;schedule;help;pg-cron;install' {
            break
        }
        'promail;schedule;help;pg-cron;remove' {
            break
        }
        'promail;schedule;help;help' {
            break
        }
        'promail;local' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0 when it runs already')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the cluster; exit 0 when it is stopped already')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as pg_ctl status)')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print the connection string of the cluster''s promail_db (no password needed)')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Stop the cluster and delete its folder with all its data')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;local;start' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]')
            [CompletionResult]::new('--bindir', '--bindir', [CompletionResultType]::ParameterName, 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;local;stop' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]')
            [CompletionResult]::new('--bindir', '--bindir', [CompletionResultType]::ParameterName, 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;local;status' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]')
            [CompletionResult]::new('--bindir', '--bindir', [CompletionResultType]::ParameterName, 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;local;url' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]')
            [CompletionResult]::new('--bindir', '--bindir', [CompletionResultType]::ParameterName, 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;local;destroy' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]')
            [CompletionResult]::new('--bindir', '--bindir', [CompletionResultType]::ParameterName, 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when no terminal is attached)')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;local;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0 when it runs already')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the cluster; exit 0 when it is stopped already')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as pg_ctl status)')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print the connection string of the cluster''s promail_db (no password needed)')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Stop the cluster and delete its folder with all its data')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;local;help;start' {
            break
        }
        'promail;local;help;stop' {
            break
        }
        'promail;local;help;status' {
            break
        }
        'promail;local;help;url' {
            break
        }
        'promail;local;help;destroy' {
            break
        }
        'promail;local;help;help' {
            break
        }
        'promail;completions' {
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours [env: NO_COLOR disables]')
            [CompletionResult]::new('--local', '--local', [CompletionResultType]::ParameterName, 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed')
            [CompletionResult]::new('-W', '-W ', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Ask for the password before connecting, as psql -W')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and warnings')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'promail;help' {
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'Connect, migrate and inspect the database')
            [CompletionResult]::new('partitions', 'partitions', [CompletionResultType]::ParameterValue, 'Partitions of the log tables: list, create, rotate, policies')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Run the seed''s retention (cleanup_old_logs), dropping expired partitions first')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'The seed''s reports: per-user statistics, e-mail types, activity, one user')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Monitoring: an overview, sizes, queries, activity, locks, vacuum, replication; `check` for Nagios and Prometheus')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Backups: create, list, verify, prune (pg_dump with checksum and manifest)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup into the database (after verifying it), or into a new one with --into')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The maintenance timetable: list, set, enable, disable; run it, or emit crontab lines or systemd units')
            [CompletionResult]::new('local', 'local', [CompletionResultType]::ParameterValue, 'Run a private PostgreSQL cluster for trying promail and for tests')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'promail;help;db' {
            [CompletionResult]::new('ping', 'ping', [CompletionResultType]::ParameterValue, 'Check the connection: server version, user, database, TLS, round-trip time')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply the pending schema migrations (under a lock, each file atomically)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each migration: applied, pending, changed or unknown')
            [CompletionResult]::new('baseline', 'baseline', [CompletionResultType]::ParameterValue, 'Adopt a database created by hand from the seed (record migrations without running them)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the role and the database if they do not exist')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Fill the database with realistic synthetic data (binary COPY, one transaction)')
            break
        }
        'promail;help;db;ping' {
            break
        }
        'promail;help;db;migrate' {
            break
        }
        'promail;help;db;status' {
            break
        }
        'promail;help;db;baseline' {
            break
        }
        'promail;help;db;create' {
            break
        }
        'promail;help;db;seed' {
            break
        }
        'promail;help;partitions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Show each managed table''s partitions (bounds, estimated rows, size) and health')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the partitions covering a date range (for backfills); existing ones are left alone')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'The nightly job: premake partitions, move rows out of DEFAULT, apply retention')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show the partition policies, or change one with `policy set`')
            break
        }
        'promail;help;partitions;list' {
            break
        }
        'promail;help;partitions;create' {
            break
        }
        'promail;help;partitions;rotate' {
            break
        }
        'promail;help;partitions;policy' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change the policy of a table (what is not given is kept)')
            break
        }
        'promail;help;partitions;policy;set' {
            break
        }
        'promail;help;cleanup' {
            break
        }
        'promail;help;report' {
            [CompletionResult]::new('user-stats', 'user-stats', [CompletionResultType]::ParameterValue, 'Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)')
            [CompletionResult]::new('email-types', 'email-types', [CompletionResultType]::ParameterValue, 'Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Per user: active days, e-mails generated, successful logins, last activity (view user_activity)')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'One user''s statistics by id or e-mail address (get_user_statistics)')
            break
        }
        'promail;help;report;user-stats' {
            break
        }
        'promail;help;report;email-types' {
            break
        }
        'promail;help;report;activity' {
            break
        }
        'promail;help;report;user' {
            break
        }
        'promail;help;monitor' {
            [CompletionResult]::new('sizes', 'sizes', [CompletionResultType]::ParameterValue, 'Total, table, index and TOAST size per table; partitioned tables as the sum of their partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)')
            [CompletionResult]::new('queries', 'queries', [CompletionResultType]::ParameterValue, 'Top statements from pg_stat_statements (by total time; the seed''s filter on emails and users unless --all)')
            [CompletionResult]::new('activity', 'activity', [CompletionResultType]::ParameterValue, 'Sessions doing something (not this one): age, wait event, blocked by; old idle transactions flagged')
            [CompletionResult]::new('unused-indexes', 'unused-indexes', [CompletionResultType]::ParameterValue, 'Indexes never scanned since the statistics reset (primary-key, unique and constraint indexes excluded), with sizes')
            [CompletionResult]::new('locks', 'locks', [CompletionResultType]::ParameterValue, 'Blocking chains: who waits for which lock, and who holds it')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Buffer cache hit ratios (database, tables, indexes)')
            [CompletionResult]::new('vacuum', 'vacuum', [CompletionResultType]::ParameterValue, 'Dead tuples, last autovacuum, transaction-ID wraparound age')
            [CompletionResult]::new('connections', 'connections', [CompletionResultType]::ParameterValue, 'Client sessions against max_connections, by state')
            [CompletionResult]::new('duplicate-indexes', 'duplicate-indexes', [CompletionResultType]::ParameterValue, 'Indexes that duplicate another of the same table')
            [CompletionResult]::new('bloat', 'bloat', [CompletionResultType]::ParameterValue, 'Table bloat, estimated from the planner''s statistics')
            [CompletionResult]::new('partitions', 'partitions', [CompletionResultType]::ParameterValue, 'Health of the managed partitioned tables (as `partitions list --health`)')
            [CompletionResult]::new('replication', 'replication', [CompletionResultType]::ParameterValue, 'On a primary: each standby''s state and lag; on a standby: its receive/replay lag')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus')
            break
        }
        'promail;help;monitor;sizes' {
            break
        }
        'promail;help;monitor;queries' {
            break
        }
        'promail;help;monitor;activity' {
            break
        }
        'promail;help;monitor;unused-indexes' {
            break
        }
        'promail;help;monitor;locks' {
            break
        }
        'promail;help;monitor;cache' {
            break
        }
        'promail;help;monitor;vacuum' {
            break
        }
        'promail;help;monitor;connections' {
            break
        }
        'promail;help;monitor;duplicate-indexes' {
            break
        }
        'promail;help;monitor;bloat' {
            break
        }
        'promail;help;monitor;partitions' {
            break
        }
        'promail;help;monitor;replication' {
            break
        }
        'promail;help;monitor;check' {
            break
        }
        'promail;help;backup' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Dump the database (pg_dump) with a checksum and a manifest of exact row counts')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the backups in the folder: kind, time, size, checksum, manifest')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete old backups (--keep N, --keep-days D), never the newest good one')
            break
        }
        'promail;help;backup;create' {
            break
        }
        'promail;help;backup;list' {
            break
        }
        'promail;help;backup;verify' {
            break
        }
        'promail;help;backup;prune' {
            break
        }
        'promail;help;restore' {
            break
        }
        'promail;help;schedule' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Each job: its expression, in words, whether enabled, its next runs, its last run')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change a job''s cron expression')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Let a job run on its schedule')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Keep a job from running on its schedule (it can still be run by hand)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run the timetable in the foreground (for containers and hosts without cron)')
            [CompletionResult]::new('crontab', 'crontab', [CompletionResultType]::ParameterValue, 'Print crontab lines that run the timetable')
            [CompletionResult]::new('systemd', 'systemd', [CompletionResultType]::ParameterValue, 'Print or write systemd .service and .timer units that run the timetable')
            [CompletionResult]::new('pg-cron', 'pg-cron', [CompletionResultType]::ParameterValue, 'Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it')
            break
        }
        'promail;help;schedule;list' {
            break
        }
        'promail;help;schedule;set' {
            break
        }
        'promail;help;schedule;enable' {
            break
        }
        'promail;help;schedule;disable' {
            break
        }
        'promail;help;schedule;run' {
            break
        }
        'promail;help;schedule;crontab' {
            break
        }
        'promail;help;schedule;systemd' {
            break
        }
        'promail;help;schedule;pg-cron' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Register (or re-register) cleanup_old_logs() in pg_cron')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove it from pg_cron')
            break
        }
        'promail;help;schedule;pg-cron;install' {
            break
        }
        'promail;help;schedule;pg-cron;remove' {
            break
        }
        'promail;help;local' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0 when it runs already')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the cluster; exit 0 when it is stopped already')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as pg_ctl status)')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print the connection string of the cluster''s promail_db (no password needed)')
            [CompletionResult]::new('destroy', 'destroy', [CompletionResultType]::ParameterValue, 'Stop the cluster and delete its folder with all its data')
            break
        }
        'promail;help;local;start' {
            break
        }
        'promail;help;local;stop' {
            break
        }
        'promail;help;local;status' {
            break
        }
        'promail;help;local;url' {
            break
        }
        'promail;help;local;destroy' {
            break
        }
        'promail;help;completions' {
            break
        }
        'promail;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
