//! `promail db seed`: fill the ProMail tables with realistic synthetic data.

use std::time::Duration;

use anyhow::Result;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::YesOpts;
use crate::ctx::Ctx;
use crate::duration;
use crate::lock::{self, Key};
use crate::seed::{self, gen::Sizes, Bars, Mode, Options};

/// Fill the database with realistic synthetic data (binary COPY, one transaction)
///
/// French data: users and their preferences, e-mails of every type, tone and urgency,
/// templates of every category, API keys (only their SHA-256 is stored) spread over the last
/// --months; login history and e-mail analytics within their tables' retention windows (from
/// `partitions policy`: 90 and 30 days by default; the analytics of older e-mails would have
/// expired), in partitions made for them first: nothing lands in DEFAULT, and the next
/// `partitions rotate` has nothing to drop.
///
/// Everything is written with binary COPY in one transaction: a failure or Ctrl-C leaves the
/// database as it was. The per-user and per-e-mail sizes are averages (each user draws
/// between 0 and twice the figure). The same flags and --seed give the same data on the same
/// day (timestamps are relative to the server's current day).
///
/// A database that already has rows is refused unless --append (adds users after the
/// existing ones) or --truncate (empties the seven tables first; asks, --yes in scripts).
#[derive(Debug, Args)]
pub struct SeedArgs {
    /// Number of users to add
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..=10_000_000))]
    pub users: u32,
    /// About how much data to add (e.g. 500MB, 1GB, 20GB): sets the number of users from the
    /// averages (estimated per row as measured on PostgreSQL 15)
    #[arg(long, value_name = "SIZE", value_parser = crate::size::parse, conflicts_with = "users")]
    pub size: Option<f64>,
    /// About how many login_history rows to add in all (e.g. 100000000): sets
    /// --logins-per-user for the number of users
    #[arg(long, value_name = "N", conflicts_with = "logins_per_user",
          value_parser = clap::value_parser!(u64).range(0..=10_000_000_000))]
    pub log_rows: Option<u64>,
    /// Average e-mails per user
    #[arg(long, default_value_t = 20.0, value_parser = average, value_name = "N")]
    pub emails_per_user: f64,
    /// Average templates per user
    #[arg(long, default_value_t = 3.0, value_parser = average, value_name = "N")]
    pub templates_per_user: f64,
    /// Average login attempts per user (about 12 % fail)
    #[arg(long, default_value_t = 25.0, value_parser = average, value_name = "N")]
    pub logins_per_user: f64,
    /// Average analytics events per e-mail
    #[arg(long, default_value_t = 2.0, value_parser = average, value_name = "N")]
    pub analytics_per_email: f64,
    /// Average API keys per user
    #[arg(long, default_value_t = 1.0, value_parser = average, value_name = "N")]
    pub api_keys_per_user: f64,
    /// Months of history before the server's current day (users, e-mails, templates, keys)
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=120))]
    pub months: u32,
    /// Seed of the random generator [default: a random one, printed at the end]
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Add users to a database that already has data
    #[arg(long, conflicts_with = "truncate")]
    pub append: bool,
    /// Empty the seven ProMail tables first, in the same transaction (asks first)
    #[arg(long)]
    pub truncate: bool,
    #[command(flatten)]
    pub yes: YesOpts,
    /// How long to wait for the table locks and for another seed to finish (e.g. 500ms, 10s)
    #[arg(
        long,
        env = "PROMAIL_SEED_LOCK_TIMEOUT",
        default_value = "10s",
        value_parser = duration::parse,
        value_name = "DURATION"
    )]
    pub lock_timeout: Duration,
    #[command(flatten)]
    pub sync_wait: super::migrate::SyncWaitArgs,
}

fn average(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=crate::seed::scale::MAX_PER_USER).contains(&v) => Ok(v),
        _ => Err("expected a number between 0 and 10000".to_string()),
    }
}

pub async fn run(args: &SeedArgs, ctx: &Ctx) -> Result<()> {
    ctx.will_write();
    let mut db = ctx.connect().await?;
    let name = db.info.dbname.clone();
    seed::check_schema(&db, &name).await?;
    let wait = args.lock_timeout;
    // The advisory lock lives on a session of its own, as for every change promail makes.
    let lock_session = ctx.connect_to(&db.info).await?;
    lock::acquire_or_fail(&lock_session, Key::Seed, wait).await?;

    let existing = seed::existing(&db.client).await?;
    let mode = match (args.append, args.truncate) {
        (true, _) => Mode::Append,
        (_, true) => Mode::Truncate,
        _ => Mode::EmptyOnly,
    };
    match mode {
        Mode::EmptyOnly if !existing.is_empty() => return Err(seed::not_empty(&name, existing)),
        Mode::Truncate if !existing.is_empty() => {
            let question = format!(
                "delete every row of the seven ProMail tables of database \"{name}\" ({} users)",
                existing.users
            );
            ctx.confirm(&question, args.yes.yes).await?;
        }
        _ => {}
    }

    let opts = Options {
        sizes: Sizes {
            users: args.users,
            emails_per_user: args.emails_per_user,
            templates_per_user: args.templates_per_user,
            logins_per_user: args.logins_per_user,
            analytics_per_email: args.analytics_per_email,
            api_keys_per_user: args.api_keys_per_user,
            months: args.months,
        },
        seed: args.seed.unwrap_or_else(rand::random),
        mode,
        lock_timeout: wait,
        sync_wait: args.sync_wait.sync_wait,
        size: args.size,
        log_rows: args.log_rows,
    };
    // One bar per phase, on a terminal only: the rows loaded, then the indexes and foreign
    // keys built.
    let bars = if ctx.out.progress() {
        let bar = |template: &str| {
            ProgressBar::new(0).with_style(
                ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            )
        };
        Bars {
            load: bar(
                "load  {msg:>16} [{bar:30}] {human_pos}/{human_len} rows  {elapsed} (eta {eta})",
            ),
            index: bar("index {msg:>16} [{bar:30}] {pos}/{len}  {elapsed}"),
        }
    } else {
        Bars::hidden()
    };
    let summary = seed::run(&mut db.client, &db.server, &name, &opts, &bars, &ctx.out).await?;
    lock::release(&lock_session, Key::Seed).await?;
    for (step, took) in &summary.steps {
        ctx.out
            .verbose(format!("{step}: {:.3} s", took.as_secs_f64()));
    }
    if summary.partitions_made > 0 {
        ctx.out.verbose(format!(
            "made {} partitions for the seeded log rows",
            summary.partitions_made
        ));
    }
    if summary.periods_in_default > 0 {
        ctx.out.warn(format!(
            "{} periods of seeded log rows went to DEFAULT, which already held rows of theirs; \
             `promail partitions rotate` moves them into partitions",
            summary.periods_in_default
        ));
    }
    ctx.out.info(summary.line(&name));
    Ok(())
}
