
use builtin;
use str;

set edit:completion:arg-completer[promail] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'promail'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'promail'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand db 'Connect, migrate and inspect the database'
            cand partitions 'Partitions of the log tables: list, create, rotate, policies'
            cand cleanup 'Run the seed''s retention (cleanup_old_logs), dropping expired partitions first'
            cand report 'The seed''s reports: per-user statistics, e-mail types, activity, one user'
            cand monitor 'Monitoring: an overview, sizes, queries, activity, locks, vacuum, replication; `check` for Nagios and Prometheus'
            cand backup 'Backups: create, list, verify, prune (pg_dump with checksum and manifest)'
            cand restore 'Restore a backup into the database (after verifying it), or into a new one with --into'
            cand schedule 'The maintenance timetable: list, set, enable, disable; run it, or emit crontab lines or systemd units'
            cand local 'Run a private PostgreSQL cluster for trying promail and for tests'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;db'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ping 'Check the connection: server version, user, database, TLS, round-trip time'
            cand migrate 'Apply the pending schema migrations (under a lock, each file atomically)'
            cand status 'Show each migration: applied, pending, changed or unknown'
            cand baseline 'Adopt a database created by hand from the seed (record migrations without running them)'
            cand create 'Create the role and the database if they do not exist'
            cand seed 'Fill the database with realistic synthetic data (binary COPY, one transaction)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;db;ping'= {
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;db;migrate'= {
            cand --target 'Apply the migrations up to this version only (e.g. 1 or 0001)'
            cand --lock-wait 'How long to wait for another migration run to finish before giving up'
            cand --lock-timeout 'lock_timeout of the migration session: a statement waiting longer for a lock gives up (and is retried) instead of queueing behind a long transaction and blocking the application (e.g. 500ms, 5s)'
            cand --statement-timeout 'statement_timeout of the migration session (e.g. 30min, 1h; 0 = none)'
            cand --retries 'How many times a migration is retried after a lock timeout, with a growing pause'
            cand --sync-wait 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only'
            cand --migrations-dir 'migrations-dir'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --dry-run 'Print what would run (with -v, the SQL) and change nothing'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;db;status'= {
            cand --format 'Output format'
            cand --migrations-dir 'migrations-dir'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --check 'Exit 1, with a one-line message, when anything is pending, changed or unknown (for deploy scripts); with -q, no table: only the exit code and the message'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;db;baseline'= {
            cand --version 'The last version the database already has (1 = the seed schema)'
            cand --lock-wait 'How long to wait for another migration run to finish before giving up'
            cand --sync-wait 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only'
            cand --migrations-dir 'migrations-dir'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'promail;db;create'= {
            cand --owner 'The role to create and to own the database'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --set-password 'Set the password of the role even when it exists already (from PROMAIL_DB_PASSWORD, or asked twice on a terminal)'
            cand --no-password 'Create the role without a password: it logs in only where pg_hba.conf lets it without one (peer, trust)'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;db;seed'= {
            cand --users 'Number of users to add'
            cand --size 'About how much data to add (e.g. 500MB, 1GB, 20GB): sets the number of users from the averages (estimated per row as measured on PostgreSQL 15)'
            cand --log-rows 'About how many login_history rows to add in all (e.g. 100000000): sets --logins-per-user for the number of users'
            cand --emails-per-user 'Average e-mails per user'
            cand --templates-per-user 'Average templates per user'
            cand --logins-per-user 'Average login attempts per user (about 12 % fail)'
            cand --analytics-per-email 'Average analytics events per e-mail'
            cand --api-keys-per-user 'Average API keys per user'
            cand --months 'Months of history before the server''s current day (users, e-mails, templates, keys)'
            cand --seed 'Seed of the random generator [default: a random one, printed at the end]'
            cand --lock-timeout 'How long to wait for the table locks and for another seed to finish (e.g. 500ms, 10s)'
            cand --sync-wait 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --append 'Add users to a database that already has data'
            cand --truncate 'Empty the seven ProMail tables first, in the same transaction (asks first)'
            cand -y 'Do not ask for confirmation (required when no terminal is attached)'
            cand --yes 'Do not ask for confirmation (required when no terminal is attached)'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;db;help'= {
            cand ping 'Check the connection: server version, user, database, TLS, round-trip time'
            cand migrate 'Apply the pending schema migrations (under a lock, each file atomically)'
            cand status 'Show each migration: applied, pending, changed or unknown'
            cand baseline 'Adopt a database created by hand from the seed (record migrations without running them)'
            cand create 'Create the role and the database if they do not exist'
            cand seed 'Fill the database with realistic synthetic data (binary COPY, one transaction)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;db;help;ping'= {
        }
        &'promail;db;help;migrate'= {
        }
        &'promail;db;help;status'= {
        }
        &'promail;db;help;baseline'= {
        }
        &'promail;db;help;create'= {
        }
        &'promail;db;help;seed'= {
        }
        &'promail;db;help;help'= {
        }
        &'promail;partitions'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Show each managed table''s partitions (bounds, estimated rows, size) and health'
            cand create 'Create the partitions covering a date range (for backfills); existing ones are left alone'
            cand rotate 'The nightly job: premake partitions, move rows out of DEFAULT, apply retention'
            cand policy 'Show the partition policies, or change one with `policy set`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;partitions;list'= {
            cand --as-of 'Judge health as of this date instead of the server''s clock (retention never counts from a date after the server''s clock: no partition is shown past retention before it is)'
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --health 'Only the health summary, one row per table'
            cand --check 'Exit 1, with a one-line message naming each table and its problems, when any table''s health is not ok (no partition for now, fewer periods ahead than premake, rows in DEFAULT, gaps, partitions past retention): for monitoring scripts, as `db status --check`; with -q, no table: only the exit code and the message'
            cand --exact 'Count the rows in DEFAULT exactly (a scan of it); by default a large DEFAULT partition''s rows are the planner''s estimate, shown with ≈ (and `default_rows_estimated` in JSON)'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;partitions;create'= {
            cand --from 'First day of the range'
            cand --to 'End of the range (exclusive)'
            cand --lock-timeout 'Longest wait for a table lock per DDL statement; the application''s statements queue behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)'
            cand --retries 'Attempts after a lock timeout, with a growing pause in between, before failing'
            cand --lock-wait 'Longest wait for another promail run of the same kind to finish (advisory lock)'
            cand --sync-wait 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --dry-run 'Print the plan on stdout and change nothing'
            cand --exact 'Count the rows sitting in the DEFAULT partition exactly for the plan (a scan of it); by default a large DEFAULT partition''s periods are found on its index and their rows estimated, shown with ≈'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;partitions;rotate'= {
            cand --as-of 'Plan as of this date instead of the server''s clock (retention never counts from a date after the server''s clock)'
            cand --lock-timeout 'Longest wait for a table lock per DDL statement; the application''s statements queue behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)'
            cand --retries 'Attempts after a lock timeout, with a growing pause in between, before failing'
            cand --lock-wait 'Longest wait for another promail run of the same kind to finish (advisory lock)'
            cand --sync-wait 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --dry-run 'Print the plan on stdout and change nothing'
            cand --exact 'Count the rows sitting in the DEFAULT partition exactly for the plan (a scan of it); by default a large DEFAULT partition''s periods are found on its index and their rows estimated, shown with ≈'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;partitions;policy'= {
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Change the policy of a table (what is not given is kept)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;partitions;policy;set'= {
            cand --premake 'Periods to keep made ahead of the current one (1-520)'
            cand --retention 'Interval after which a partition expires (''90 days'', ''12 weeks'', ''6 months''), or none'
            cand --action 'What happens to an expired partition'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;partitions;policy;help'= {
            cand set 'Change the policy of a table (what is not given is kept)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;partitions;policy;help;set'= {
        }
        &'promail;partitions;policy;help;help'= {
        }
        &'promail;partitions;help'= {
            cand list 'Show each managed table''s partitions (bounds, estimated rows, size) and health'
            cand create 'Create the partitions covering a date range (for backfills); existing ones are left alone'
            cand rotate 'The nightly job: premake partitions, move rows out of DEFAULT, apply retention'
            cand policy 'Show the partition policies, or change one with `policy set`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;partitions;help;list'= {
        }
        &'promail;partitions;help;create'= {
        }
        &'promail;partitions;help;rotate'= {
        }
        &'promail;partitions;help;policy'= {
            cand set 'Change the policy of a table (what is not given is kept)'
        }
        &'promail;partitions;help;policy;set'= {
        }
        &'promail;partitions;help;help'= {
        }
        &'promail;cleanup'= {
            cand --format 'Print the report on stdout in this format (default: a table with --dry-run, otherwise one line per table on stderr)'
            cand --lock-timeout 'Longest wait for a table lock per DDL statement; the application''s statements queue behind a waiting DDL, so this bounds how long they can be held up (e.g. 500ms, 2s)'
            cand --retries 'Attempts after a lock timeout, with a growing pause in between, before failing'
            cand --lock-wait 'Longest wait for another promail run of the same kind to finish (advisory lock)'
            cand --sync-wait 'Longest wait of each commit for the server''s synchronous standbys to confirm it; then the wait is cancelled and the command fails, saying the change is committed on the primary only'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --dry-run 'Count what would be removed; change nothing'
            cand --exact 'Count the rows of dropped partitions, and with --dry-run the rows to delete, exactly (a scan of each) instead of estimating'
            cand -y 'Do not ask for confirmation (required when no terminal is attached)'
            cand --yes 'Do not ask for confirmation (required when no terminal is attached)'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;report'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand user-stats 'Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)'
            cand email-types 'Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)'
            cand activity 'Per user: active days, e-mails generated, successful logins, last activity (view user_activity)'
            cand user 'One user''s statistics by id or e-mail address (get_user_statistics)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;report;user-stats'= {
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;report;email-types'= {
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;report;activity'= {
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;report;user'= {
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;report;help'= {
            cand user-stats 'Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)'
            cand email-types 'Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)'
            cand activity 'Per user: active days, e-mails generated, successful logins, last activity (view user_activity)'
            cand user 'One user''s statistics by id or e-mail address (get_user_statistics)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;report;help;user-stats'= {
        }
        &'promail;report;help;email-types'= {
        }
        &'promail;report;help;activity'= {
        }
        &'promail;report;help;user'= {
        }
        &'promail;report;help;help'= {
        }
        &'promail;monitor'= {
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sizes 'Total, table, index and TOAST size per table; partitioned tables as the sum of their partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)'
            cand queries 'Top statements from pg_stat_statements (by total time; the seed''s filter on emails and users unless --all)'
            cand activity 'Sessions doing something (not this one): age, wait event, blocked by; old idle transactions flagged'
            cand unused-indexes 'Indexes never scanned since the statistics reset (primary-key, unique and constraint indexes excluded), with sizes'
            cand locks 'Blocking chains: who waits for which lock, and who holds it'
            cand cache 'Buffer cache hit ratios (database, tables, indexes)'
            cand vacuum 'Dead tuples, last autovacuum, transaction-ID wraparound age'
            cand connections 'Client sessions against max_connections, by state'
            cand duplicate-indexes 'Indexes that duplicate another of the same table'
            cand bloat 'Table bloat, estimated from the planner''s statistics'
            cand partitions 'Health of the managed partitioned tables (as `partitions list --health`)'
            cand replication 'On a primary: each standby''s state and lag; on a standby: its receive/replay lag'
            cand check 'Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;monitor;sizes'= {
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --partitions 'List each partition under its partitioned table'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;queries'= {
            cand --by 'Order by'
            cand --limit 'How many statements'
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --all 'Every statement of the database, not only those on emails or users'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;activity'= {
            cand --flag-after 'Flag sessions idle in a transaction for longer than this (e.g. 30s, 5min)'
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;unused-indexes'= {
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;locks'= {
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;cache'= {
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;vacuum'= {
            cand --limit 'How many tables'
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;connections'= {
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;duplicate-indexes'= {
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;bloat'= {
            cand --limit 'How many tables'
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;partitions'= {
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;replication'= {
            cand --format 'Output format'
            cand --watch 'Run again every SECONDS (at least 1), redrawing in place on a terminal, until Ctrl-C'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;check'= {
            cand --format 'Output format'
            cand -o 'Write to FILE (atomically: a temporary file in the same folder, then renamed)'
            cand --output 'Write to FILE (atomically: a temporary file in the same folder, then renamed)'
            cand --backup-dir 'Folder of `promail backup` files, for the backup_age check'
            cand --connections-warning 'Connections used, % of max_connections (`80` or `80%`)'
            cand --connections-critical 'connections-critical'
            cand --wraparound-warning 'Oldest transaction-ID age on the server (check_postgres''s defaults)'
            cand --wraparound-critical 'wraparound-critical'
            cand --transaction-warning 'Oldest open transaction'
            cand --transaction-critical 'transaction-critical'
            cand --replication-warning 'Replication lag, WAL not yet replayed: bytes, or with a unit as PostgreSQL writes sizes (`16MB`, `1GB`)'
            cand --replication-critical 'replication-critical'
            cand --default-rows-warning 'Rows in one DEFAULT partition'
            cand --default-rows-critical 'default-rows-critical'
            cand --ahead-warning 'Periods made ahead of now (lower is worse; no partition for now is CRITICAL)'
            cand --ahead-critical 'ahead-critical'
            cand --backup-warning 'Age of the newest good backup, hours'
            cand --backup-critical 'backup-critical'
            cand --migrations-dir 'migrations-dir'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;monitor;help'= {
            cand sizes 'Total, table, index and TOAST size per table; partitioned tables as the sum of their partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)'
            cand queries 'Top statements from pg_stat_statements (by total time; the seed''s filter on emails and users unless --all)'
            cand activity 'Sessions doing something (not this one): age, wait event, blocked by; old idle transactions flagged'
            cand unused-indexes 'Indexes never scanned since the statistics reset (primary-key, unique and constraint indexes excluded), with sizes'
            cand locks 'Blocking chains: who waits for which lock, and who holds it'
            cand cache 'Buffer cache hit ratios (database, tables, indexes)'
            cand vacuum 'Dead tuples, last autovacuum, transaction-ID wraparound age'
            cand connections 'Client sessions against max_connections, by state'
            cand duplicate-indexes 'Indexes that duplicate another of the same table'
            cand bloat 'Table bloat, estimated from the planner''s statistics'
            cand partitions 'Health of the managed partitioned tables (as `partitions list --health`)'
            cand replication 'On a primary: each standby''s state and lag; on a standby: its receive/replay lag'
            cand check 'Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;monitor;help;sizes'= {
        }
        &'promail;monitor;help;queries'= {
        }
        &'promail;monitor;help;activity'= {
        }
        &'promail;monitor;help;unused-indexes'= {
        }
        &'promail;monitor;help;locks'= {
        }
        &'promail;monitor;help;cache'= {
        }
        &'promail;monitor;help;vacuum'= {
        }
        &'promail;monitor;help;connections'= {
        }
        &'promail;monitor;help;duplicate-indexes'= {
        }
        &'promail;monitor;help;bloat'= {
        }
        &'promail;monitor;help;partitions'= {
        }
        &'promail;monitor;help;replication'= {
        }
        &'promail;monitor;help;check'= {
        }
        &'promail;monitor;help;help'= {
        }
        &'promail;backup'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Dump the database (pg_dump) with a checksum and a manifest of exact row counts'
            cand list 'List the backups in the folder: kind, time, size, checksum, manifest'
            cand verify 'Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)'
            cand prune 'Delete old backups (--keep N, --keep-days D), never the newest good one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;backup;create'= {
            cand --dir 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]'
            cand --jobs 'Directory format (`NAME.dir`), dumped by N parallel jobs (each one a session)'
            cand --compress 'pg_dump''s compression: a level 0-9 (gzip; pg_dump''s default is 6), or on pg_dump 16+ METHOD[:LEVEL] with METHOD gzip, lz4, zstd or none. Measured (docs/BENCHMARKS.md): 1 is about 3.5 times faster than 6 for an archive 40 % larger; 9 saves 1-2 % for half again the time'
            cand --lock-timeout 'Longest wait for each table''s lock (the row counts, and pg_dump''s --lock-wait-timeout): a table held under an exclusive lock (a migration, VACUUM FULL) fails the backup instead of holding it up without end'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --critical 'Only the tables users, emails and templates (the seed''s critical backup)'
            cand --globals 'Also the roles and tablespaces (`pg_dumpall --globals-only`) as NAME.globals.sql, in the same checksum file; their password hashes only when the role is a superuser (else --no-role-passwords, said)'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;backup;list'= {
            cand --dir 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]'
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --check 'Compute each archive''s checksum (ok, MISMATCH) instead of only noting the file; exit 1 unless every backup is good and there is at least one'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;backup;verify'= {
            cand --dir 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --latest 'The newest backup in the folder'
            cand --restore 'Also restore it into a throwaway database and compare the row counts'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;backup;prune'= {
            cand --dir 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]'
            cand --keep 'Keep the newest N backups of each kind'
            cand --keep-days 'Keep the backups of the last D days'
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --dry-run 'Print the plan; delete nothing'
            cand -y 'Do not ask for confirmation (required when no terminal is attached)'
            cand --yes 'Do not ask for confirmation (required when no terminal is attached)'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;backup;help'= {
            cand create 'Dump the database (pg_dump) with a checksum and a manifest of exact row counts'
            cand list 'List the backups in the folder: kind, time, size, checksum, manifest'
            cand verify 'Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)'
            cand prune 'Delete old backups (--keep N, --keep-days D), never the newest good one'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;backup;help;create'= {
        }
        &'promail;backup;help;list'= {
        }
        &'promail;backup;help;verify'= {
        }
        &'promail;backup;help;prune'= {
        }
        &'promail;backup;help;help'= {
        }
        &'promail;restore'= {
            cand --dir 'The backup folder [default: /var/backups/promail as root, else ~/.local/share/promail/backups, made by `backup create` when missing (before that it holds no backup). A folder given here must exist]'
            cand --into 'Restore into this new database instead of the current one'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand -y 'Do not ask for confirmation (required when no terminal is attached)'
            cand --yes 'Do not ask for confirmation (required when no terminal is attached)'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Each job: its expression, in words, whether enabled, its next runs, its last run'
            cand set 'Change a job''s cron expression'
            cand enable 'Let a job run on its schedule'
            cand disable 'Keep a job from running on its schedule (it can still be run by hand)'
            cand run 'Run the timetable in the foreground (for containers and hosts without cron)'
            cand crontab 'Print crontab lines that run the timetable'
            cand systemd 'Print or write systemd .service and .timer units that run the timetable'
            cand pg-cron 'Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;schedule;list'= {
            cand --count 'Next runs shown per job'
            cand --from 'Compute the next runs from this time instead of now: RFC 3339 (2027-03-27T12:00:00Z, 2027-03-27T13:00:00+01:00), or a local time without offset (2027-03-27 12:00), read in the timetable''s time zone'
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule;set'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule;enable'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule;disable'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule;run'= {
            cand --log-format 'Log lines as text or one JSON object per line'
            cand --stop-timeout 'After SIGTERM or Ctrl-C, how long running jobs may finish before they are sent SIGTERM'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule;crontab'= {
            cand --binary 'The promail binary the lines run [default: this one]'
            cand --env-file 'The environment file with the connection: DATABASE_URL without a password, and PGPASSFILE naming a pgpass file of mode 0600'
            cand --log-file 'Append each job''s output to FILE instead of sending it to syslog'
            cand --lock-dir 'Folder of the flock files'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule;systemd'= {
            cand --binary 'The promail binary the lines run [default: this one]'
            cand --env-file 'The environment file with the connection: DATABASE_URL without a password, and PGPASSFILE naming a pgpass file of mode 0600'
            cand --dir 'Write the unit files into DIR instead of printing them'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule;pg-cron'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand install 'Register (or re-register) cleanup_old_logs() in pg_cron'
            cand remove 'Remove it from pg_cron'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;schedule;pg-cron;install'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule;pg-cron;remove'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;schedule;pg-cron;help'= {
            cand install 'Register (or re-register) cleanup_old_logs() in pg_cron'
            cand remove 'Remove it from pg_cron'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;schedule;pg-cron;help;install'= {
        }
        &'promail;schedule;pg-cron;help;remove'= {
        }
        &'promail;schedule;pg-cron;help;help'= {
        }
        &'promail;schedule;help'= {
            cand list 'Each job: its expression, in words, whether enabled, its next runs, its last run'
            cand set 'Change a job''s cron expression'
            cand enable 'Let a job run on its schedule'
            cand disable 'Keep a job from running on its schedule (it can still be run by hand)'
            cand run 'Run the timetable in the foreground (for containers and hosts without cron)'
            cand crontab 'Print crontab lines that run the timetable'
            cand systemd 'Print or write systemd .service and .timer units that run the timetable'
            cand pg-cron 'Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;schedule;help;list'= {
        }
        &'promail;schedule;help;set'= {
        }
        &'promail;schedule;help;enable'= {
        }
        &'promail;schedule;help;disable'= {
        }
        &'promail;schedule;help;run'= {
        }
        &'promail;schedule;help;crontab'= {
        }
        &'promail;schedule;help;systemd'= {
        }
        &'promail;schedule;help;pg-cron'= {
            cand install 'Register (or re-register) cleanup_old_logs() in pg_cron'
            cand remove 'Remove it from pg_cron'
        }
        &'promail;schedule;help;pg-cron;install'= {
        }
        &'promail;schedule;help;pg-cron;remove'= {
        }
        &'promail;schedule;help;help'= {
        }
        &'promail;local'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand start 'Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0 when it runs already'
            cand stop 'Stop the cluster; exit 0 when it is stopped already'
            cand status 'Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as pg_ctl status)'
            cand url 'Print the connection string of the cluster''s promail_db (no password needed)'
            cand destroy 'Stop the cluster and delete its folder with all its data'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;local;start'= {
            cand --dir 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]'
            cand --bindir 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;local;stop'= {
            cand --dir 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]'
            cand --bindir 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;local;status'= {
            cand --dir 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]'
            cand --bindir 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]'
            cand --format 'Output format'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;local;url'= {
            cand --dir 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]'
            cand --bindir 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;local;destroy'= {
            cand --dir 'Data folder of the cluster [default: /var/lib/promail/local as root, else ~/.local/share/promail/local]'
            cand --bindir 'Server binaries to run the cluster with: the bin folder of an installation (holding initdb, pg_ctl and postgres), to rehearse on the major that production runs [default: `pg_config --bindir`, the newest /usr/lib/postgresql/*/bin, then PATH]'
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand -y 'Do not ask for confirmation (required when no terminal is attached)'
            cand --yes 'Do not ask for confirmation (required when no terminal is attached)'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;local;help'= {
            cand start 'Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0 when it runs already'
            cand stop 'Stop the cluster; exit 0 when it is stopped already'
            cand status 'Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as pg_ctl status)'
            cand url 'Print the connection string of the cluster''s promail_db (no password needed)'
            cand destroy 'Stop the cluster and delete its folder with all its data'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;local;help;start'= {
        }
        &'promail;local;help;stop'= {
        }
        &'promail;local;help;status'= {
        }
        &'promail;local;help;url'= {
        }
        &'promail;local;help;destroy'= {
        }
        &'promail;local;help;help'= {
        }
        &'promail;completions'= {
            cand --database-url 'Connection URL or key=value string (a password here is visible in the process list: prefer PGPASSWORD or ~/.pgpass)'
            cand --color 'When to use colours [env: NO_COLOR disables]'
            cand --local 'Use promail''s own local PostgreSQL cluster (see `promail local`), starting it if needed'
            cand -W 'Ask for the password before connecting, as psql -W'
            cand --password 'Ask for the password before connecting, as psql -W'
            cand -q 'Print only errors and warnings'
            cand --quiet 'Print only errors and warnings'
            cand -v 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand --verbose 'Print more about what is done: connections, lock waits and retries, what cleanup drops partition by partition, the timings of db seed, the SQL of db migrate --dry-run'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'promail;help'= {
            cand db 'Connect, migrate and inspect the database'
            cand partitions 'Partitions of the log tables: list, create, rotate, policies'
            cand cleanup 'Run the seed''s retention (cleanup_old_logs), dropping expired partitions first'
            cand report 'The seed''s reports: per-user statistics, e-mail types, activity, one user'
            cand monitor 'Monitoring: an overview, sizes, queries, activity, locks, vacuum, replication; `check` for Nagios and Prometheus'
            cand backup 'Backups: create, list, verify, prune (pg_dump with checksum and manifest)'
            cand restore 'Restore a backup into the database (after verifying it), or into a new one with --into'
            cand schedule 'The maintenance timetable: list, set, enable, disable; run it, or emit crontab lines or systemd units'
            cand local 'Run a private PostgreSQL cluster for trying promail and for tests'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'promail;help;db'= {
            cand ping 'Check the connection: server version, user, database, TLS, round-trip time'
            cand migrate 'Apply the pending schema migrations (under a lock, each file atomically)'
            cand status 'Show each migration: applied, pending, changed or unknown'
            cand baseline 'Adopt a database created by hand from the seed (record migrations without running them)'
            cand create 'Create the role and the database if they do not exist'
            cand seed 'Fill the database with realistic synthetic data (binary COPY, one transaction)'
        }
        &'promail;help;db;ping'= {
        }
        &'promail;help;db;migrate'= {
        }
        &'promail;help;db;status'= {
        }
        &'promail;help;db;baseline'= {
        }
        &'promail;help;db;create'= {
        }
        &'promail;help;db;seed'= {
        }
        &'promail;help;partitions'= {
            cand list 'Show each managed table''s partitions (bounds, estimated rows, size) and health'
            cand create 'Create the partitions covering a date range (for backfills); existing ones are left alone'
            cand rotate 'The nightly job: premake partitions, move rows out of DEFAULT, apply retention'
            cand policy 'Show the partition policies, or change one with `policy set`'
        }
        &'promail;help;partitions;list'= {
        }
        &'promail;help;partitions;create'= {
        }
        &'promail;help;partitions;rotate'= {
        }
        &'promail;help;partitions;policy'= {
            cand set 'Change the policy of a table (what is not given is kept)'
        }
        &'promail;help;partitions;policy;set'= {
        }
        &'promail;help;cleanup'= {
        }
        &'promail;help;report'= {
            cand user-stats 'Per user: e-mails, favourites, templates, last e-mail, last successful login (view user_stats)'
            cand email-types 'Per e-mail type: count, average length, favourites, average generation time (view email_type_performance)'
            cand activity 'Per user: active days, e-mails generated, successful logins, last activity (view user_activity)'
            cand user 'One user''s statistics by id or e-mail address (get_user_statistics)'
        }
        &'promail;help;report;user-stats'= {
        }
        &'promail;help;report;email-types'= {
        }
        &'promail;help;report;activity'= {
        }
        &'promail;help;report;user'= {
        }
        &'promail;help;monitor'= {
            cand sizes 'Total, table, index and TOAST size per table; partitioned tables as the sum of their partitions (tables locked ACCESS EXCLUSIVE are skipped and named, never waited on)'
            cand queries 'Top statements from pg_stat_statements (by total time; the seed''s filter on emails and users unless --all)'
            cand activity 'Sessions doing something (not this one): age, wait event, blocked by; old idle transactions flagged'
            cand unused-indexes 'Indexes never scanned since the statistics reset (primary-key, unique and constraint indexes excluded), with sizes'
            cand locks 'Blocking chains: who waits for which lock, and who holds it'
            cand cache 'Buffer cache hit ratios (database, tables, indexes)'
            cand vacuum 'Dead tuples, last autovacuum, transaction-ID wraparound age'
            cand connections 'Client sessions against max_connections, by state'
            cand duplicate-indexes 'Indexes that duplicate another of the same table'
            cand bloat 'Table bloat, estimated from the planner''s statistics'
            cand partitions 'Health of the managed partitioned tables (as `partitions list --health`)'
            cand replication 'On a primary: each standby''s state and lag; on a standby: its receive/replay lag'
            cand check 'Health checks with thresholds, for Nagios (exit 0/1/2/3) or Prometheus'
        }
        &'promail;help;monitor;sizes'= {
        }
        &'promail;help;monitor;queries'= {
        }
        &'promail;help;monitor;activity'= {
        }
        &'promail;help;monitor;unused-indexes'= {
        }
        &'promail;help;monitor;locks'= {
        }
        &'promail;help;monitor;cache'= {
        }
        &'promail;help;monitor;vacuum'= {
        }
        &'promail;help;monitor;connections'= {
        }
        &'promail;help;monitor;duplicate-indexes'= {
        }
        &'promail;help;monitor;bloat'= {
        }
        &'promail;help;monitor;partitions'= {
        }
        &'promail;help;monitor;replication'= {
        }
        &'promail;help;monitor;check'= {
        }
        &'promail;help;backup'= {
            cand create 'Dump the database (pg_dump) with a checksum and a manifest of exact row counts'
            cand list 'List the backups in the folder: kind, time, size, checksum, manifest'
            cand verify 'Check a backup: checksum, full read by pg_restore (--restore: into a throwaway database)'
            cand prune 'Delete old backups (--keep N, --keep-days D), never the newest good one'
        }
        &'promail;help;backup;create'= {
        }
        &'promail;help;backup;list'= {
        }
        &'promail;help;backup;verify'= {
        }
        &'promail;help;backup;prune'= {
        }
        &'promail;help;restore'= {
        }
        &'promail;help;schedule'= {
            cand list 'Each job: its expression, in words, whether enabled, its next runs, its last run'
            cand set 'Change a job''s cron expression'
            cand enable 'Let a job run on its schedule'
            cand disable 'Keep a job from running on its schedule (it can still be run by hand)'
            cand run 'Run the timetable in the foreground (for containers and hosts without cron)'
            cand crontab 'Print crontab lines that run the timetable'
            cand systemd 'Print or write systemd .service and .timer units that run the timetable'
            cand pg-cron 'Register the pure-SQL job (cleanup_old_logs) in pg_cron, or remove it'
        }
        &'promail;help;schedule;list'= {
        }
        &'promail;help;schedule;set'= {
        }
        &'promail;help;schedule;enable'= {
        }
        &'promail;help;schedule;disable'= {
        }
        &'promail;help;schedule;run'= {
        }
        &'promail;help;schedule;crontab'= {
        }
        &'promail;help;schedule;systemd'= {
        }
        &'promail;help;schedule;pg-cron'= {
            cand install 'Register (or re-register) cleanup_old_logs() in pg_cron'
            cand remove 'Remove it from pg_cron'
        }
        &'promail;help;schedule;pg-cron;install'= {
        }
        &'promail;help;schedule;pg-cron;remove'= {
        }
        &'promail;help;local'= {
            cand start 'Create the cluster if needed and start it (Unix socket in its folder, no TCP); exit 0 when it runs already'
            cand stop 'Stop the cluster; exit 0 when it is stopped already'
            cand status 'Say whether the cluster exists and runs: exit 0 running, 3 stopped, 4 no cluster (as pg_ctl status)'
            cand url 'Print the connection string of the cluster''s promail_db (no password needed)'
            cand destroy 'Stop the cluster and delete its folder with all its data'
        }
        &'promail;help;local;start'= {
        }
        &'promail;help;local;stop'= {
        }
        &'promail;help;local;status'= {
        }
        &'promail;help;local;url'= {
        }
        &'promail;help;local;destroy'= {
        }
        &'promail;help;completions'= {
        }
        &'promail;help;help'= {
        }
    ]
    $completions[$command]
}
