//! The command tree. Global options live here; each command's own options live beside it in
//! `commands/`.

use clap::{Args, Parser, Subcommand};

use crate::commands;
use crate::output::{ColorChoice, Format};

/// Runs the lifecycle of the ProMail Assistant PostgreSQL database.
///
/// Connection: --database-url (or DATABASE_URL) takes a postgresql:// URL or a libpq
/// key=value string; PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE,
/// PGSSLROOTCERT, PGCONNECT_TIMEOUT, PGAPPNAME and ~/.pgpass (PGPASSFILE) fill in the rest, as
/// with psql. Defaults: host localhost, port 5432, database promail_db, user promail_user.
///
/// Exit codes: 0 success, 1 failure, 2 usage error, 3 and 4 `local status` stopped and no
/// cluster, 130 interrupted (SIGINT), 143 terminated (SIGTERM); `monitor check` 0 to 3 as
/// Nagios.
#[derive(Debug, Parser)]
#[command(
    name = "promail",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes, under their own heading in each command's help so that the
/// command's own options stand out.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Global options")]
pub struct GlobalOpts {
    /// Connection URL or key=value string (a password here is visible in the process list:
    /// prefer PGPASSWORD or ~/.pgpass)
    #[arg(
        long,
        global = true,
        env = "DATABASE_URL",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub database_url: Option<String>,

    /// Use promail's own local PostgreSQL cluster (see `promail local`), starting it if needed
    #[arg(long, global = true)]
    pub local: bool,

    /// Ask for the password before connecting, as psql -W
    #[arg(short = 'W', long = "password", global = true)]
    pub password_prompt: bool,

    /// When to use colours [env: NO_COLOR disables]
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print only errors and warnings
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more about what is done: connections, lock waits and retries, what cleanup drops
    /// partition by partition, the timings of db seed, the SQL of db migrate --dry-run
    // A count (so -vv is accepted), but there is one level: the help does not promise more.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// `--format`, for commands that print rows.
#[derive(Debug, Args, Clone, Copy)]
pub struct FormatOpts {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table, env = "PROMAIL_FORMAT")]
    pub format: Format,
}

/// `--yes`, for commands that destroy something.
#[derive(Debug, Args, Clone, Copy)]
pub struct YesOpts {
    /// Do not ask for confirmation (required when no terminal is attached)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Connect, migrate and inspect the database
    #[command(subcommand)]
    Db(commands::db::DbCommand),
    /// Partitions of the log tables: list, create, rotate, policies
    #[command(subcommand)]
    Partitions(commands::partitions::PartitionsCommand),
    /// Run the seed's retention (cleanup_old_logs), dropping expired partitions first
    Cleanup(commands::cleanup::CleanupArgs),
    /// The seed's reports: per-user statistics, e-mail types, activity, one user
    #[command(subcommand)]
    Report(commands::report::ReportCommand),
    /// Monitoring: an overview, sizes, queries, activity, locks, vacuum, replication; `check`
    /// for Nagios and Prometheus
    Monitor(commands::monitor::MonitorArgs),
    /// Backups: create, list, verify, prune (pg_dump with checksum and manifest)
    #[command(subcommand)]
    Backup(commands::backup::BackupCommand),
    /// Restore a backup into the database (after verifying it), or into a new one with --into
    Restore(commands::restore::RestoreArgs),
    /// The maintenance timetable: list, set, enable, disable; run it, or emit crontab lines or
    /// systemd units
    #[command(subcommand)]
    Schedule(commands::schedule::ScheduleCommand),
    /// Run a private PostgreSQL cluster for trying promail and for tests
    #[command(subcommand)]
    Local(commands::local::LocalCommand),
    /// Print a shell completion script
    Completions(commands::completions::CompletionsArgs),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn verbose_promises_no_levels_that_do_not_exist() {
        let cmd = Cli::command();
        let v = cmd
            .get_arguments()
            .find(|a| a.get_id() == "verbose")
            .unwrap();
        let help = v.get_help().unwrap().to_string();
        assert!(!help.contains("repeat"), "{help}");
    }
}
