//! Partition planning for promail's time-partitioned log tables.
//!
//! Pure code: every function here works on plain data (the partitions that
//! exist, the rows sitting in the DEFAULT partition, "now" as given by the
//! caller) and returns what should be done. Nothing here talks to the
//! database; the executor turns [`Action`]s into SQL.
//!
//! * `login_history` is partitioned [`Period::Monthly`]: `login_history_YYYY_MM`,
//!   range `[first of month, first of next month)`.
//! * `email_analytics` is partitioned [`Period::Weekly`] by ISO week:
//!   `email_analytics_YYYY_wWW`, range `[Monday 00:00, next Monday 00:00)`,
//!   where `YYYY` is the ISO year (2024-12-30 starts `email_analytics_2025_w01`).
//!
//! The partition key columns are `TIMESTAMP` without time zone, so everything
//! is [`NaiveDateTime`]. Plans never create a partition that overlaps an
//! existing one (humans may have made partitions with odd bounds), never touch
//! the DEFAULT partition, and are deterministic (sorted by range).

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use anyhow::{bail, Result};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// Upper bound for [`Policy::premake`]; `plan_rotate` also clamps to it.
pub const MAX_PREMAKE: u32 = 520;

/// Upper bound on how many periods one [`plan_range`] call may span.
pub const MAX_RANGE_PERIODS: usize = 10_000;

/// The server's identifier limit (`NAMEDATALEN - 1`) in bytes; longer names are
/// silently truncated by the server, which would break name matching.
pub const PG_MAX_IDENT_BYTES: usize = 63;

// ---------------------------------------------------------------------------
// Period
// ---------------------------------------------------------------------------

/// The partitioning interval of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// Calendar months: `[YYYY-MM-01, first of next month)`.
    Monthly,
    /// ISO weeks: `[Monday 00:00, next Monday 00:00)`.
    Weekly,
}

impl Period {
    /// Parses `"monthly"` or `"weekly"` (case-insensitive, surrounding blanks ignored).
    ///
    /// # Errors
    /// Any other text (one-line message).
    pub fn parse(s: &str) -> Result<Period> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("monthly") {
            Ok(Period::Monthly)
        } else if t.eq_ignore_ascii_case("weekly") {
            Ok(Period::Weekly)
        } else {
            bail!("unknown partition period {t:?} (expected \"monthly\" or \"weekly\")")
        }
    }

    /// `"monthly"` or `"weekly"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Monthly => "monthly",
            Period::Weekly => "weekly",
        }
    }

    /// Start (00:00) of the period containing `t`.
    ///
    /// Only at the very bottom of chrono's date range, where the Monday
    /// before `t` is not representable, does this clamp to `NaiveDate::MIN`.
    #[must_use]
    pub fn start_of(self, t: NaiveDateTime) -> NaiveDateTime {
        let d = t.date();
        let start = match self {
            Period::Monthly => d.with_day(1),
            Period::Weekly => {
                d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
            }
        };
        start.unwrap_or(NaiveDate::MIN).and_time(NaiveTime::MIN)
    }

    /// Start of the period after the one containing `t`, or `None` past
    /// chrono's representable range.
    #[must_use]
    pub fn checked_next(self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        let s = self.start_of(t).date();
        let n = match self {
            Period::Monthly => {
                let (y, m) = if s.month() == 12 {
                    (s.year().checked_add(1)?, 1)
                } else {
                    (s.year(), s.month() + 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)?
            }
            Period::Weekly => s.checked_add_days(Days::new(7))?,
        };
        Some(n.and_time(NaiveTime::MIN))
    }

    /// Start of the period before the one containing `t`, or `None` before
    /// chrono's representable range.
    #[must_use]
    pub fn checked_prev(self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        let s = self.start_of(t).date();
        let p = match self {
            Period::Monthly => {
                let (y, m) = if s.month() == 1 {
                    (s.year().checked_sub(1)?, 12)
                } else {
                    (s.year(), s.month() - 1)
                };
                NaiveDate::from_ymd_opt(y, m, 1)?
            }
            Period::Weekly => s.checked_sub_days(Days::new(7))?,
        };
        Some(p.and_time(NaiveTime::MIN))
    }

    /// Start of the period after the one containing `start` (so for an
    /// aligned `start`, simply the next period). Saturates at
    /// `NaiveDateTime::MAX` at the end of chrono's range.
    #[must_use]
    pub fn next(self, start: NaiveDateTime) -> NaiveDateTime {
        self.checked_next(start).unwrap_or(NaiveDateTime::MAX)
    }

    /// Start of the period before the one containing `start`. Saturates at
    /// `NaiveDateTime::MIN` at the start of chrono's range.
    #[must_use]
    pub fn prev(self, start: NaiveDateTime) -> NaiveDateTime {
        self.checked_prev(start).unwrap_or(NaiveDateTime::MIN)
    }

    /// Byte length of the suffix `partition_name` appends to the table name.
    fn suffix_len(self) -> usize {
        match self {
            Period::Monthly => "_YYYY_MM".len(),
            Period::Weekly => "_YYYY_wWW".len(),
        }
    }

    /// Consecutive standard periods `(from, to)` starting with the one that
    /// contains `first`; ends (instead of panicking) at chrono's range end.
    fn periods_from(
        self,
        first: NaiveDateTime,
    ) -> impl Iterator<Item = (NaiveDateTime, NaiveDateTime)> {
        std::iter::successors(Some(self.start_of(first)), move |&s| self.checked_next(s))
            .map_while(move |s| Some((s, self.checked_next(s)?)))
    }

    /// Number of whole periods in `[start, end)`, `start` aligned.
    fn whole_periods_between(self, start: NaiveDateTime, end: NaiveDateTime) -> u32 {
        let end_start = self.start_of(end);
        if end_start <= start {
            return 0;
        }
        let n: i64 = match self {
            Period::Monthly => month_index(end_start.date()) - month_index(start.date()),
            Period::Weekly => (end_start.date() - start.date()).num_days() / 7,
        };
        u32::try_from(n.max(0)).unwrap_or(u32::MAX)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

// ---------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------

/// What to do with a partition past retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetentionAction {
    /// `DROP TABLE` the partition.
    Drop,
    /// `ALTER TABLE .. DETACH PARTITION` and keep the table.
    Detach,
}

impl RetentionAction {
    /// Parses `"drop"` or `"detach"` (case-insensitive, surrounding blanks ignored).
    ///
    /// # Errors
    /// Any other text (one-line message).
    pub fn parse(s: &str) -> Result<RetentionAction> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("drop") {
            Ok(RetentionAction::Drop)
        } else if t.eq_ignore_ascii_case("detach") {
            Ok(RetentionAction::Detach)
        } else {
            bail!("unknown retention action {t:?} (expected \"drop\" or \"detach\")")
        }
    }

    /// `"drop"` or `"detach"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            RetentionAction::Drop => "drop",
            RetentionAction::Detach => "detach",
        }
    }
}

impl fmt::Display for RetentionAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Partitioning policy of one table.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Parent table, e.g. `login_history`.
    pub table: String,
    /// Partition key column, e.g. `login_time`.
    pub column: String,
    /// Partition interval.
    pub period: Period,
    /// How many periods after the current one must exist.
    pub premake: u32,
    /// The retention as the server prints the interval (`90 days`, `3 mons`), for people;
    /// `None` keeps everything. The planner never does arithmetic with it: a month is not a
    /// fixed number of seconds, so the server computes the cutoff (`now - retention`, with
    /// PostgreSQL's interval arithmetic) and the plan gets it in [`State::cutoff`].
    pub retention: Option<String>,
    /// What retention does.
    pub action: RetentionAction,
}

impl Policy {
    /// Checks the policy.
    ///
    /// # Errors
    /// Empty table/column, table name too long for its partition names,
    /// `premake` outside `1..=520`, non-positive retention. One line each,
    /// naming the table.
    pub fn validate(&self) -> Result<()> {
        let t = &self.table;
        if t.trim().is_empty() {
            bail!("partition policy has an empty table name");
        }
        if self.column.trim().is_empty() {
            bail!("partition policy for {t}: column name is empty");
        }
        let longest = t.len() + self.period.suffix_len();
        if longest > PG_MAX_IDENT_BYTES {
            bail!(
                "partition policy for {t}: table name too long ({} bytes): {} partition names \
                 would be {longest} bytes, over PostgreSQL's {PG_MAX_IDENT_BYTES}-byte limit",
                t.len(),
                self.period
            );
        }
        if self.premake == 0 || self.premake > MAX_PREMAKE {
            bail!(
                "partition policy for {t}: premake must be between 1 and {MAX_PREMAKE}, got {}",
                self.premake
            );
        }
        if self.retention.as_ref().is_some_and(|r| r.trim().is_empty()) {
            bail!("partition policy for {t}: retention is empty");
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Partitions, names, bounds
// ---------------------------------------------------------------------------

/// A (non-default) range partition `[from, to)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    /// Table name of the partition.
    pub name: String,
    /// Inclusive lower bound.
    pub from: NaiveDateTime,
    /// Exclusive upper bound.
    pub to: NaiveDateTime,
}

impl Partition {
    /// The standard partition of `table` for the period containing `t`
    /// (`None` only at the end of chrono's date range).
    #[must_use]
    pub fn standard(table: &str, period: Period, t: NaiveDateTime) -> Option<Partition> {
        let from = period.start_of(t);
        let to = period.checked_next(from)?;
        Some(Partition {
            name: partition_name(table, period, from),
            from,
            to,
        })
    }

    /// The bound clause for `CREATE TABLE .. PARTITION OF .. <here>` /
    /// `ATTACH PARTITION .. <here>`:
    /// `FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00')`.
    #[must_use]
    pub fn bound_sql(&self) -> String {
        format!(
            "FOR VALUES FROM ('{}') TO ('{}')",
            sql_timestamp(self.from),
            sql_timestamp(self.to)
        )
    }
}

impl fmt::Display for Partition {
    /// `login_history_2026_12 [2026-12-01, 2027-01-01)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}, {})",
            self.name,
            fmt_ts(self.from),
            fmt_ts(self.to)
        )
    }
}

/// Standard partition name for the period containing `start`:
/// `login_history_2024_01`, `email_analytics_2025_w01` (ISO year and week).
#[must_use]
pub fn partition_name(table: &str, period: Period, start: NaiveDateTime) -> String {
    let s = period.start_of(start).date();
    match period {
        Period::Monthly => format!("{table}_{:04}_{:02}", s.year(), s.month()),
        Period::Weekly => {
            let w = s.iso_week();
            format!("{table}_{:04}_w{:02}", w.year(), w.week())
        }
    }
}

/// Name of the DEFAULT partition: `<table>_default`.
#[must_use]
pub fn default_partition_name(table: &str) -> String {
    format!("{table}_default")
}

/// A partition bound as printed by `pg_get_expr(relpartbound, oid)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// `DEFAULT`.
    Default,
    /// `FOR VALUES FROM ('..') TO ('..')` with two plain timestamps, `from < to`.
    Range {
        /// Inclusive lower bound.
        from: NaiveDateTime,
        /// Exclusive upper bound.
        to: NaiveDateTime,
    },
    /// Anything else (MINVALUE/MAXVALUE, infinity, BC dates, list/hash
    /// bounds, multi-column, non-ISO `DateStyle`, garbage); the trimmed text.
    Other(String),
}

/// Parses the text of `pg_get_expr(relpartbound, oid)`, e.g.
/// `FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00')`.
///
/// Accepts `'YYYY-MM-DD HH:MM:SS[.ffffff]'`, `'YYYY-MM-DDTHH:MM:SS'` and
/// `'YYYY-MM-DD'` literals (an optional `::type` cast is ignored). The server
/// prints them like that only with `DateStyle = ISO` (the default); anything
/// not understood is [`Bound::Other`], never an error.
#[must_use]
pub fn parse_bound(expr: &str) -> Bound {
    let s = expr.trim();
    if s.eq_ignore_ascii_case("DEFAULT") {
        return Bound::Default;
    }
    match parse_range_bound(s) {
        Some((from, to)) if from < to => Bound::Range { from, to },
        _ => Bound::Other(s.to_string()),
    }
}

fn parse_range_bound(s: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    parse_range(s, false)
}

/// The range a bound covers when it is one timestamp range, `MINVALUE`/`-infinity` and
/// `MAXVALUE`/`infinity` read as the ends of the representable range: what a partition that
/// promail leaves alone occupies. `None` for DEFAULT and anything else.
#[must_use]
pub fn bound_extent(expr: &str) -> Option<(NaiveDateTime, NaiveDateTime)> {
    parse_range(expr.trim(), true).filter(|(from, to)| from < to)
}

fn parse_range(s: &str, open: bool) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let mut c = Cursor(s);
    c.keyword("FOR")?;
    c.keyword("VALUES")?;
    c.keyword("FROM")?;
    c.punct('(')?;
    let from = c.endpoint(open)?;
    c.punct(')')?;
    c.keyword("TO")?;
    c.punct('(')?;
    let to = c.endpoint(open)?;
    c.punct(')')?;
    c.0.trim().is_empty().then_some((from, to))
}

/// Tiny tokenizer for [`parse_bound`].
struct Cursor<'s>(&'s str);

impl Cursor<'_> {
    fn keyword(&mut self, kw: &str) -> Option<()> {
        let rest = self.0.trim_start();
        let head = rest.get(..kw.len())?;
        if !head.eq_ignore_ascii_case(kw) {
            return None;
        }
        let after = &rest[kw.len()..];
        if after.starts_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '_') {
            return None;
        }
        self.0 = after;
        Some(())
    }

    fn punct(&mut self, p: char) -> Option<()> {
        self.0 = self.0.trim_start().strip_prefix(p)?;
        Some(())
    }

    /// A timestamp literal; with `open`, also `MINVALUE`, `MAXVALUE`, `'-infinity'` and
    /// `'infinity'`, as `NaiveDateTime::MIN` and `MAX`.
    fn endpoint(&mut self, open: bool) -> Option<NaiveDateTime> {
        if open {
            if self.keyword("MINVALUE").is_some() {
                return Some(NaiveDateTime::MIN);
            }
            if self.keyword("MAXVALUE").is_some() {
                return Some(NaiveDateTime::MAX);
            }
        }
        let text = self.literal()?;
        match text.trim() {
            "-infinity" if open => Some(NaiveDateTime::MIN),
            "infinity" if open => Some(NaiveDateTime::MAX),
            t => parse_timestamp_text(t),
        }
    }

    /// `'...'` (with `''` escapes) and an optional `::type name` cast: the text inside.
    fn literal(&mut self) -> Option<String> {
        let rest = self.0.trim_start().strip_prefix('\'')?;
        let mut text = String::new();
        let mut chars = rest.char_indices();
        let end = loop {
            let (i, ch) = chars.next()?;
            if ch == '\'' {
                if rest[i + 1..].starts_with('\'') {
                    text.push('\'');
                    chars.next();
                } else {
                    break i + 1;
                }
            } else {
                text.push(ch);
            }
        };
        let mut after = &rest[end..];
        if let Some(cast) = after.trim_start().strip_prefix("::") {
            // Skip the type name (it may contain blanks: "timestamp without time zone").
            after = &cast[cast.find([')', ','])?..];
        }
        self.0 = after;
        Some(text)
    }
}

fn parse_timestamp_text(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .or_else(|| {
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .ok()
            .map(|d| d.and_time(NaiveTime::MIN))
    })
}

// ---------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Create an empty partition.
    Create(Partition),
    /// Create `partition` and move the DEFAULT partition's rows of its range
    /// (`rows` of them, as counted when planning) into it.
    MoveFromDefault {
        /// The partition to create.
        partition: Partition,
        /// Rows of its range sitting in DEFAULT when planned.
        rows: i64,
    },
    /// Retention: drop the partition.
    Drop(Partition),
    /// Retention: detach the partition (the table stays).
    Detach(Partition),
    /// Retention with action drop: delete the DEFAULT partition's rows of a period whose whole
    /// range is past retention (`rows` as counted when planning) instead of moving them into
    /// a new partition that the next run would drop. `period` is the standard partition the
    /// rows would have gone to.
    DeleteFromDefault {
        /// The period (as its standard partition, never created).
        period: Partition,
        /// Rows of the period sitting in DEFAULT when planned.
        rows: i64,
    },
    /// Retention with action detach: move the DEFAULT partition's rows of a period whose whole
    /// range is past retention into the period's table outside the partitioned table, made
    /// for them (as if attached, then detached) or, when the detached partition of that
    /// period is there, appended to it.
    ArchiveFromDefault {
        /// The period (as its standard partition, kept detached).
        period: Partition,
        /// Rows of the period sitting in DEFAULT when planned.
        rows: i64,
    },
}

impl Action {
    /// The partition the action is about.
    #[must_use]
    pub fn partition(&self) -> &Partition {
        match self {
            Action::Create(p)
            | Action::MoveFromDefault { partition: p, .. }
            | Action::DeleteFromDefault { period: p, .. }
            | Action::ArchiveFromDefault { period: p, .. }
            | Action::Drop(p)
            | Action::Detach(p) => p,
        }
    }

    /// Retention: a drop, detach or delete of expired rows.
    #[must_use]
    pub fn is_retention(&self) -> bool {
        matches!(
            self,
            Action::Drop(_)
                | Action::Detach(_)
                | Action::DeleteFromDefault { .. }
                | Action::ArchiveFromDefault { .. }
        )
    }

    /// Like `Display`, but with what only the policy knows: the DEFAULT
    /// partition's real name and the retention period, e.g.
    /// `drop login_history_2026_07 [2026-07-01, 2026-08-01) (past retention of 90 days)`.
    #[must_use]
    pub fn describe(&self, policy: &Policy) -> String {
        self.describe_in(policy, &default_partition_name(&policy.table))
    }

    /// [`Action::describe`] with the DEFAULT partition's real name (from the catalog).
    #[must_use]
    pub fn describe_in(&self, policy: &Policy, default: &str) -> String {
        self.describe_counted(policy, default, false)
    }

    /// [`Action::describe_in`], its row count marked `≈` when it is the planner's estimate.
    #[must_use]
    pub fn describe_counted(&self, policy: &Policy, default: &str, estimated: bool) -> String {
        let fmt_rows = |n: i64| {
            if estimated {
                format!("≈{}", fmt_rows(n))
            } else {
                fmt_rows(n)
            }
        };
        let past = match &policy.retention {
            Some(r) => format!(
                "past retention of {}",
                crate::partition::policy::in_words(r)
            ),
            None => "past retention".to_string(),
        };
        match self {
            Action::Create(_) => self.to_string(),
            Action::MoveFromDefault { partition, rows } => {
                format!("move {} from {default} into {partition}", fmt_rows(*rows))
            }
            Action::DeleteFromDefault { period, rows } => format!(
                "delete {} of [{}, {}) from {default} ({past})",
                fmt_rows(*rows),
                fmt_ts(period.from),
                fmt_ts(period.to)
            ),
            Action::ArchiveFromDefault { period, rows } => format!(
                "move {} from {default} into detached table {period} ({past})",
                fmt_rows(*rows)
            ),
            Action::Drop(p) | Action::Detach(p) => {
                let verb = if matches!(self, Action::Drop(_)) {
                    "drop"
                } else {
                    "detach"
                };
                format!("{verb} {p} ({past})")
            }
        }
    }
}

impl fmt::Display for Action {
    /// One line for `--dry-run` and logs:
    /// `create login_history_2026_12 [2026-12-01, 2027-01-01)`,
    /// `move 1200 rows from login_history_default into login_history_2026_08 [2026-08-01, 2026-09-01)`,
    /// `drop login_history_2026_07 [2026-07-01, 2026-08-01) (past retention)`.
    /// (`Display` cannot know the retention length: use [`Action::describe`] for that.)
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Action::Create(p) => write!(f, "create {p}"),
            Action::MoveFromDefault { partition, rows } => {
                let default = table_of_standard_name(&partition.name).map_or_else(
                    || "the default partition".to_string(),
                    default_partition_name,
                );
                write!(
                    f,
                    "move {} from {default} into {partition}",
                    fmt_rows(*rows)
                )
            }
            Action::DeleteFromDefault { period, rows } => write!(
                f,
                "delete {} of [{}, {}) from the default partition (past retention)",
                fmt_rows(*rows),
                fmt_ts(period.from),
                fmt_ts(period.to)
            ),
            Action::ArchiveFromDefault { period, rows } => write!(
                f,
                "move {} from the default partition into detached table {period} (past retention)",
                fmt_rows(*rows)
            ),
            Action::Drop(p) => write!(f, "drop {p} (past retention)"),
            Action::Detach(p) => write!(f, "detach {p} (past retention)"),
        }
    }
}

/// `login_history` from `login_history_2024_01` / `email_analytics` from
/// `email_analytics_2025_w01`; `None` for names `partition_name` would not make.
fn table_of_standard_name(name: &str) -> Option<&str> {
    let mut parts = name.rsplitn(3, '_');
    let last = parts.next()?;
    let year = parts.next()?;
    let table = parts.next()?;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let last_ok = digits(last, 2) || last.strip_prefix('w').is_some_and(|w| digits(w, 2));
    let year_digits = year.strip_prefix('-').unwrap_or(year);
    let year_ok = year_digits.len() >= 4 && year_digits.bytes().all(|b| b.is_ascii_digit());
    (last_ok && year_ok && !table.is_empty()).then_some(table)
}

fn fmt_rows(rows: i64) -> String {
    if rows == 1 {
        "1 row".to_string()
    } else {
        format!("{rows} rows")
    }
}

/// `2024-01-01` at midnight, else `2024-01-01 12:30:00` (plus fraction if any).
pub fn fmt_ts(t: NaiveDateTime) -> String {
    if t.time() == NaiveTime::MIN {
        t.format("%Y-%m-%d").to_string()
    } else if t.nanosecond() == 0 {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S%.f").to_string()
    }
}

/// A timestamp literal the server reads back exactly.
pub fn sql_timestamp(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M:%S%.f").to_string()
}

// ---------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------

/// What exists now.
#[derive(Debug, Clone, Copy)]
pub struct State<'a> {
    /// The non-default partitions promail manages (any order; odd bounds allowed).
    pub existing: &'a [Partition],
    /// Partitions promail never drops, detaches or fills, but must not overlap: in another
    /// schema, or bounded by MINVALUE/MAXVALUE (their range reaching the end of
    /// `NaiveDateTime`'s); named as they are shown.
    pub foreign: &'a [Partition],
    /// `(period start, row count)` of rows sitting in DEFAULT, grouped by
    /// `Period::start_of` (unaligned starts are re-aligned and summed;
    /// counts <= 0 are ignored).
    pub default_rows: &'a [(NaiveDateTime, i64)],
    /// The retention cutoff, `now - retention` as the server computes it (calendar months and
    /// years, see [`Policy::retention`]); `None`: no retention.
    pub cutoff: Option<NaiveDateTime>,
}

/// Sorted view of the existing partitions answering "does `[a, b)` overlap
/// anything?" in O(log n), even if the input itself overlaps.
struct Coverage<'a> {
    /// Valid (`from < to`) partitions, sorted by `(from, to, name)`.
    sorted: Vec<&'a Partition>,
    /// `prefix_max_to[i]` = max `to` of `sorted[..=i]`.
    prefix_max_to: Vec<NaiveDateTime>,
    names: HashSet<&'a str>,
}

impl<'a> Coverage<'a> {
    /// Every partition of `state`, managed or foreign.
    fn of(state: &State<'a>) -> Self {
        let all: Vec<&'a Partition> = state.existing.iter().chain(state.foreign).collect();
        Coverage::new(&all)
    }

    fn new(existing: &[&'a Partition]) -> Self {
        let mut sorted: Vec<&'a Partition> =
            existing.iter().copied().filter(|p| p.from < p.to).collect();
        sorted.sort_by(|a, b| (a.from, a.to, &a.name).cmp(&(b.from, b.to, &b.name)));
        let prefix_max_to = sorted
            .iter()
            .scan(NaiveDateTime::MIN, |m, p| {
                *m = (*m).max(p.to);
                Some(*m)
            })
            .collect();
        let names = existing.iter().map(|p| p.name.as_str()).collect();
        Coverage {
            sorted,
            prefix_max_to,
            names,
        }
    }

    /// Max `to` over partitions with `from < bound` (or `<=` when `inclusive`).
    fn max_to_starting_before(
        &self,
        bound: NaiveDateTime,
        inclusive: bool,
    ) -> Option<NaiveDateTime> {
        let k = self
            .sorted
            .partition_point(|p| p.from < bound || (inclusive && p.from == bound));
        k.checked_sub(1).map(|i| self.prefix_max_to[i])
    }

    fn overlaps(&self, from: NaiveDateTime, to: NaiveDateTime) -> bool {
        self.max_to_starting_before(to, false)
            .is_some_and(|m| m > from)
    }

    /// A new standard partition may be made for `[from, to)` named `name`:
    /// no overlap and no name clash with an existing partition.
    fn is_free(&self, from: NaiveDateTime, to: NaiveDateTime, name: &str) -> bool {
        !self.overlaps(from, to) && !self.names.contains(name)
    }

    /// End of the contiguous coverage starting at `t`; `None` if `t` itself
    /// is not covered.
    fn contiguous_end(&self, t: NaiveDateTime) -> Option<NaiveDateTime> {
        let mut end = t;
        // Each step jumps to a strictly larger prefix max, so at most n steps.
        while let Some(m) = self.max_to_starting_before(end, true) {
            if m <= end {
                break;
            }
            end = m;
        }
        (end > t).then_some(end)
    }

    /// Holes between consecutive partitions, oldest to newest.
    fn gaps(&self) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let mut gaps = Vec::new();
        let mut iter = self.sorted.iter();
        let Some(first) = iter.next() else {
            return gaps;
        };
        let mut reach = first.to;
        for p in iter {
            if p.from > reach {
                gaps.push((reach, p.from));
            }
            reach = reach.max(p.to);
        }
        gaps
    }
}

/// DEFAULT rows re-aligned to period starts, summed, positive counts only.
fn default_periods(period: Period, rows: &[(NaiveDateTime, i64)]) -> BTreeMap<NaiveDateTime, i64> {
    let mut map = BTreeMap::new();
    for &(t, n) in rows {
        if n > 0 {
            let e = map.entry(period.start_of(t)).or_insert(0_i64);
            *e = e.saturating_add(n);
        }
    }
    map
}

/// Existing partitions past retention at `now`, sorted by range. A partition
/// is past retention when its whole range is older than the cutoff
/// (`to <= cutoff`, the cutoff being `now - retention` from the server) and it
/// ends before the current period starts (so neither the current period's nor
/// a future partition, even an odd one, is ever picked).
fn past_retention<'a>(
    policy: &Policy,
    state: &State<'a>,
    now: NaiveDateTime,
) -> Vec<&'a Partition> {
    let (Some(_), Some(cutoff)) = (&policy.retention, state.cutoff) else {
        return Vec::new();
    };
    let current = policy.period.start_of(now);
    let default = default_partition_name(&policy.table);
    // Managed partitions only: a foreign one is never dropped nor detached.
    let managed: Vec<&'a Partition> = state.existing.iter().collect();
    Coverage::new(&managed)
        .sorted
        .into_iter()
        .filter(|p| p.to <= cutoff && p.to <= current && p.name != default)
        .collect()
}

/// The nightly rotation plan, in execution order:
///
/// 1. `MoveFromDefault` for every period with rows in DEFAULT whose standard
///    partition overlaps nothing existing (sorted by range);
/// 2. `Create` for the current period and the `premake` periods after it
///    that are missing (periods overlapping an existing, possibly odd,
///    partition or already covered by step 1 are skipped);
/// 3. `Drop`/`Detach` of existing partitions past retention.
///
/// `premake` is clamped to [`MAX_PREMAKE`]; call [`Policy::validate`] first.
#[must_use]
pub fn plan_rotate(policy: &Policy, state: &State, now: NaiveDateTime) -> Vec<Action> {
    let cov = Coverage::of(state);
    let period = policy.period;
    let mut actions = Vec::new();
    let mut planned = HashSet::new();

    // 1. Rows stuck in DEFAULT. A period whose whole range is past retention
    //    is not resurrected into a new partition: in step 3 its rows are
    //    deleted (action drop) or moved into the period's detached table
    //    (action detach).
    let mut expired = Vec::new();
    for (start, rows) in default_periods(period, state.default_rows) {
        let Some(p) = Partition::standard(&policy.table, period, start) else {
            continue;
        };
        if is_expired(policy, state.cutoff, now, &p) {
            expired.push(match policy.action {
                RetentionAction::Drop => Action::DeleteFromDefault { period: p, rows },
                RetentionAction::Detach => Action::ArchiveFromDefault { period: p, rows },
            });
            continue;
        }
        if cov.is_free(p.from, p.to, &p.name) {
            planned.insert(p.from);
            actions.push(Action::MoveFromDefault { partition: p, rows });
        }
    }

    // 2. Premake: the current period and the `premake` after it.
    let count = policy.premake.min(MAX_PREMAKE) as usize + 1;
    for (from, to) in period.periods_from(now).take(count) {
        let name = partition_name(&policy.table, period, from);
        if !planned.contains(&from) && cov.is_free(from, to, &name) {
            actions.push(Action::Create(Partition { name, from, to }));
        }
    }

    // 3. Retention: expired rows in DEFAULT, then existing partitions.
    actions.extend(expired);
    for p in past_retention(policy, state, now) {
        actions.push(match policy.action {
            RetentionAction::Drop => Action::Drop(p.clone()),
            RetentionAction::Detach => Action::Detach(p.clone()),
        });
    }
    actions
}

/// What `promail db migrate` ends with: the current period and the `premake` after it, each
/// made (or filled from DEFAULT when rows of it sit there, since attaching it needs them
/// out). Nothing else: rows of other periods in DEFAULT (old, possibly past retention) and
/// retention are left to `partitions rotate`, so that a deploy never fails on them.
#[must_use]
pub fn plan_premake(policy: &Policy, state: &State, now: NaiveDateTime) -> Vec<Action> {
    let count = policy.premake.min(MAX_PREMAKE) as usize + 1;
    let window: HashSet<NaiveDateTime> = policy
        .period
        .periods_from(now)
        .take(count)
        .map(|(from, _)| from)
        .collect();
    let state = State {
        cutoff: None,
        ..*state
    };
    plan_rotate(policy, &state, now)
        .into_iter()
        .filter(|a| {
            matches!(a, Action::Create(_) | Action::MoveFromDefault { .. })
                && window.contains(&a.partition().from)
        })
        .collect()
}

/// Whether the whole range of `p` is past retention (the same rule as for partitions).
fn is_expired(
    policy: &Policy,
    cutoff: Option<NaiveDateTime>,
    now: NaiveDateTime,
    p: &Partition,
) -> bool {
    policy.retention.is_some()
        && cutoff.is_some_and(|c| p.to <= c && p.to <= policy.period.start_of(now))
}

/// Why rows of a period stay in DEFAULT after a rotate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StuckReason {
    /// The period overlaps this existing partition (odd bounds, made by hand): its standard
    /// partition cannot be made.
    Overlaps(String),
}

/// Rows of one period that [`plan_rotate`] leaves in DEFAULT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stuck {
    pub from: NaiveDateTime,
    pub to: NaiveDateTime,
    pub rows: i64,
    pub reason: StuckReason,
}

/// The DEFAULT rows [`plan_rotate`] leaves where they are, by period (for warnings).
#[must_use]
pub fn stuck_in_default(policy: &Policy, state: &State, now: NaiveDateTime) -> Vec<Stuck> {
    let cov = Coverage::of(state);
    let mut out = Vec::new();
    for (start, rows) in default_periods(policy.period, state.default_rows) {
        let Some(p) = Partition::standard(&policy.table, policy.period, start) else {
            continue;
        };
        // Expired periods are deleted or archived by retention.
        let reason = if is_expired(policy, state.cutoff, now, &p) {
            continue;
        } else if cov.overlaps(p.from, p.to) {
            let name = cov
                .sorted
                .iter()
                .find(|e| e.from < p.to && e.to > p.from)
                .map_or_else(String::new, |e| e.name.clone());
            StuckReason::Overlaps(name)
        } else {
            continue;
        };
        out.push(Stuck {
            from: p.from,
            to: p.to,
            rows,
            reason,
        });
    }
    out
}

/// Partitions covering `[from, to)` for a backfill, sorted by range: every
/// period touching the range that overlaps no existing partition becomes a
/// `MoveFromDefault` when DEFAULT holds rows for it, else a `Create`.
/// No retention here.
///
/// # Errors
/// One line when `from >= to` or the range spans more than
/// [`MAX_RANGE_PERIODS`] periods.
pub fn plan_range(
    policy: &Policy,
    state: &State,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Result<Vec<Action>> {
    if from >= to {
        bail!("--from {} is not before --to {}", fmt_ts(from), fmt_ts(to));
    }
    let cov = Coverage::of(state);
    let defaults = default_periods(policy.period, state.default_rows);
    let mut actions = Vec::new();
    let periods = policy
        .period
        .periods_from(from)
        .take_while(|&(s, _)| s < to);
    for (i, (start, end)) in periods.enumerate() {
        if i >= MAX_RANGE_PERIODS {
            bail!(
                "--from {} --to {} spans more than {MAX_RANGE_PERIODS} {} periods; split it",
                fmt_ts(from),
                fmt_ts(to),
                policy.period
            );
        }
        let name = partition_name(&policy.table, policy.period, start);
        if !cov.is_free(start, end, &name) {
            continue;
        }
        let partition = Partition {
            name,
            from: start,
            to: end,
        };
        actions.push(match defaults.get(&start) {
            Some(&rows) => Action::MoveFromDefault { partition, rows },
            None => Action::Create(partition),
        });
    }
    Ok(actions)
}

/// The periods of `[from, to)` that [`plan_range`] skips although their own partition does not
/// exist: each overlaps a partition with other bounds (made by hand), named here.
#[must_use]
pub fn range_overlaps(
    policy: &Policy,
    state: &State,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Vec<(Partition, String)> {
    let cov = Coverage::of(state);
    policy
        .period
        .periods_from(from)
        .take_while(|&(s, _)| s < to)
        .take(MAX_RANGE_PERIODS)
        .filter_map(|(start, end)| {
            let other = cov
                .sorted
                .iter()
                .find(|e| e.from < end && e.to > start && (e.from, e.to) != (start, end))?;
            let name = partition_name(&policy.table, policy.period, start);
            Some((
                Partition {
                    name,
                    from: start,
                    to: end,
                },
                other.name.clone(),
            ))
        })
        .collect()
}

/// Health of one table for `partitions list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// Holes between consecutive partitions, between the oldest and newest, except those
    /// wholly past retention or wholly beyond the premade periods.
    pub gaps: Vec<(NaiveDateTime, NaiveDateTime)>,
    /// Whole periods after the current one covered contiguously from `now`
    /// (0 if `now` is not covered; at most [`MAX_PREMAKE`]).
    pub ahead: u32,
    /// Some partition contains `now`.
    pub covers_now: bool,
    /// Rows sitting in DEFAULT (sum of the positive counts).
    pub default_rows: i64,
    /// Names of partitions past retention (what `plan_rotate` would drop/detach), by range.
    pub past_retention: Vec<String>,
}

/// The range premake keeps partitioned at `now`: the current period and `premake` more
/// (`None` at the end of the representable range).
#[must_use]
pub fn premake_window(
    policy: &Policy,
    now: NaiveDateTime,
) -> Option<(NaiveDateTime, NaiveDateTime)> {
    let count = policy.premake.min(MAX_PREMAKE) as usize;
    let (_, to) = policy.period.periods_from(now).nth(count)?;
    Some((policy.period.start_of(now), to))
}

/// Health of one table at `now`.
#[must_use]
pub fn health(policy: &Policy, state: &State, now: NaiveDateTime) -> Health {
    let cov = Coverage::of(state);
    let end = cov.contiguous_end(now);
    // At most MAX_PREMAKE: a partition up to MAXVALUE would make it millions.
    let ahead = match (end, policy.period.checked_next(now)) {
        (Some(end), Some(next)) => policy.period.whole_periods_between(next, end),
        _ => 0,
    }
    .min(MAX_PREMAKE);
    let horizon = premake_window(policy, now).map(|(_, to)| to);
    Health {
        // A hole wholly past retention is no problem: rotate would drop a partition there. Nor
        // is one wholly beyond the premade periods (before a partition made for far-future
        // rows): rows landing there wait in DEFAULT only until the next rotate makes their
        // partition, and premake fills it as time reaches it.
        gaps: cov
            .gaps()
            .into_iter()
            .filter(|(_, to)| state.cutoff.is_none_or(|c| *to > c))
            .filter(|(from, _)| horizon.is_none_or(|h| *from < h))
            .collect(),
        ahead,
        covers_now: end.is_some(),
        default_rows: state
            .default_rows
            .iter()
            .filter(|(_, n)| *n > 0)
            .fold(0_i64, |acc, (_, n)| acc.saturating_add(*n)),
        past_retention: past_retention(policy, state, now)
            .into_iter()
            .map(|p| p.name.clone())
            .collect(),
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn ts(s: &str) -> NaiveDateTime {
        parse_timestamp_text(s).unwrap_or_else(|| panic!("bad test timestamp {s}"))
    }

    fn part(name: &str, from: &str, to: &str) -> Partition {
        Partition {
            name: name.to_string(),
            from: ts(from),
            to: ts(to),
        }
    }

    fn std_part(table: &str, period: Period, t: &str) -> Partition {
        Partition::standard(table, period, ts(t)).unwrap()
    }

    fn login(premake: u32, retention_days: Option<i64>, action: RetentionAction) -> Policy {
        Policy {
            table: "login_history".into(),
            column: "login_time".into(),
            period: Period::Monthly,
            premake,
            retention: retention_days.map(|d| format!("{d} days")),
            action,
        }
    }

    fn analytics(premake: u32, retention_days: Option<i64>) -> Policy {
        Policy {
            table: "email_analytics".into(),
            column: "action_time".into(),
            period: Period::Weekly,
            premake,
            retention: retention_days.map(|d| format!("{d} days")),
            action: RetentionAction::Drop,
        }
    }

    fn state<'a>(existing: &'a [Partition], default_rows: &'a [(NaiveDateTime, i64)]) -> State<'a> {
        State {
            existing,
            foreign: &[],
            default_rows,
            cutoff: None,
        }
    }

    /// The cutoff the server would compute for the test policies (`N days`).
    fn cutoff(policy: &Policy, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let days: i64 = policy
            .retention
            .as_ref()?
            .strip_suffix(" days")?
            .parse()
            .ok()?;
        now.checked_sub_signed(Duration::try_days(days)?)
    }

    /// `plan_rotate` with the cutoff filled in.
    fn rot(policy: &Policy, st: &State, now: NaiveDateTime) -> Vec<Action> {
        let st = State {
            cutoff: cutoff(policy, now),
            ..*st
        };
        plan_rotate(policy, &st, now)
    }

    /// `health` with the cutoff filled in.
    fn hlth(policy: &Policy, st: &State, now: NaiveDateTime) -> Health {
        let st = State {
            cutoff: cutoff(policy, now),
            ..*st
        };
        health(policy, &st, now)
    }

    fn names(actions: &[Action]) -> Vec<String> {
        actions.iter().map(ToString::to_string).collect()
    }

    /// Standard monthly partitions for months [first, first + n).
    fn monthly_run(first: &str, n: usize) -> Vec<Partition> {
        Period::Monthly
            .periods_from(ts(first))
            .take(n)
            .map(|(from, to)| Partition {
                name: partition_name("login_history", Period::Monthly, from),
                from,
                to,
            })
            .collect()
    }

    #[test]
    fn iso_week_names_at_year_boundaries() {
        let w = |t: &str| partition_name("email_analytics", Period::Weekly, ts(t));
        assert_eq!(w("2024-12-30"), "email_analytics_2025_w01");
        assert_eq!(w("2025-01-05 23:59:59"), "email_analytics_2025_w01");
        assert_eq!(w("2024-01-01"), "email_analytics_2024_w01");
        assert_eq!(w("2026-12-28"), "email_analytics_2026_w53");
        assert_eq!(w("2027-01-03 12:00:00"), "email_analytics_2026_w53");
        assert_eq!(w("2027-01-04"), "email_analytics_2027_w01");
        assert_eq!(w("2021-01-03"), "email_analytics_2020_w53");
        assert_eq!(Period::Weekly.start_of(ts("2021-01-03")), ts("2020-12-28"));
    }

    #[test]
    fn monthly_names_and_december_to_january() {
        let m = |t: &str| partition_name("login_history", Period::Monthly, ts(t));
        assert_eq!(m("2024-12-31 23:59:59"), "login_history_2024_12");
        assert_eq!(m("2025-01-01"), "login_history_2025_01");
        assert_eq!(Period::Monthly.next(ts("2024-12-01")), ts("2025-01-01"));
        assert_eq!(
            Period::Monthly.next(ts("2024-12-17 08:00:00")),
            ts("2025-01-01")
        );
        assert_eq!(Period::Monthly.prev(ts("2025-01-01")), ts("2024-12-01"));
        assert_eq!(
            std_part("login_history", Period::Monthly, "2024-12-05"),
            part("login_history_2024_12", "2024-12-01", "2025-01-01")
        );
    }

    #[test]
    fn start_of_weekly_sunday_night_and_monday() {
        let p = Period::Weekly;
        assert_eq!(p.start_of(ts("2024-01-07 23:59:59")), ts("2024-01-01"));
        assert_eq!(p.start_of(ts("2024-01-08 00:00:00")), ts("2024-01-08"));
        assert_eq!(
            p.start_of(ts("2024-01-08 00:00:00.000001")),
            ts("2024-01-08")
        );
        assert_eq!(p.next(ts("2024-12-30")), ts("2025-01-06"));
        assert_eq!(p.prev(ts("2025-01-06")), ts("2024-12-30"));
        assert_eq!(
            Period::Monthly.start_of(ts("2024-02-29 23:59:59")),
            ts("2024-02-01")
        );
    }

    #[test]
    fn parse_and_as_str() {
        assert_eq!(Period::parse("monthly").unwrap(), Period::Monthly);
        assert_eq!(Period::parse(" Weekly ").unwrap(), Period::Weekly);
        assert!(Period::parse("daily").is_err());
        assert_eq!(Period::Weekly.as_str(), "weekly");
        assert_eq!(
            RetentionAction::parse("DETACH").unwrap(),
            RetentionAction::Detach
        );
        assert_eq!(
            RetentionAction::parse("drop").unwrap(),
            RetentionAction::Drop
        );
        assert!(RetentionAction::parse("delete").is_err());
        assert_eq!(RetentionAction::Detach.as_str(), "detach");
    }

    #[test]
    fn premake_on_empty_state_monthly() {
        let plan = rot(
            &login(3, None, RetentionAction::Drop),
            &state(&[], &[]),
            ts("2026-11-15 10:00:00"),
        );
        let expected = vec![
            Action::Create(part("login_history_2026_11", "2026-11-01", "2026-12-01")),
            Action::Create(part("login_history_2026_12", "2026-12-01", "2027-01-01")),
            Action::Create(part("login_history_2027_01", "2027-01-01", "2027-02-01")),
            Action::Create(part("login_history_2027_02", "2027-02-01", "2027-03-01")),
        ];
        assert_eq!(plan, expected);
        assert_eq!(
            plan[1].to_string(),
            "create login_history_2026_12 [2026-12-01, 2027-01-01)"
        );
    }

    #[test]
    fn premake_on_empty_state_weekly_across_week_53() {
        let plan = rot(
            &analytics(2, None),
            &state(&[], &[]),
            ts("2026-12-27 23:59:59"),
        );
        let expected = vec![
            Action::Create(part("email_analytics_2026_w52", "2026-12-21", "2026-12-28")),
            Action::Create(part("email_analytics_2026_w53", "2026-12-28", "2027-01-04")),
            Action::Create(part("email_analytics_2027_w01", "2027-01-04", "2027-01-11")),
        ];
        assert_eq!(plan, expected);
    }

    #[test]
    fn no_op_when_everything_exists() {
        let existing = monthly_run("2026-01-01", 24);
        let policy = login(3, Some(3650), RetentionAction::Drop);
        assert!(rot(&policy, &state(&existing, &[]), ts("2026-06-30 23:59:59")).is_empty());
    }

    #[test]
    fn skips_periods_overlapping_odd_partitions() {
        let existing = vec![
            part("login_history_q1", "2024-01-01", "2024-03-01"),
            part("login_history_mid_april", "2024-04-10", "2024-04-20"),
        ];
        let plan = rot(
            &login(4, None, RetentionAction::Drop),
            &state(&existing, &[]),
            ts("2024-01-20"),
        );
        assert_eq!(
            names(&plan),
            vec![
                "create login_history_2024_03 [2024-03-01, 2024-04-01)",
                "create login_history_2024_05 [2024-05-01, 2024-06-01)",
            ]
        );
    }

    #[test]
    fn skips_name_clash_with_mislabelled_partition() {
        // Someone named February's partition "_03": creating March would fail.
        let existing = vec![part("login_history_2024_03", "2024-02-01", "2024-03-01")];
        let plan = rot(
            &login(1, None, RetentionAction::Drop),
            &state(&existing, &[]),
            ts("2024-02-10"),
        );
        assert!(plan.is_empty(), "{plan:?}");
    }

    #[test]
    fn default_rows_become_moves_first() {
        let existing = monthly_run("2026-06-01", 3); // 06, 07, 08
        let rows = [
            (ts("2026-10-01"), 5),             // premake period: move, not create
            (ts("2026-03-14 12:00:00"), 1200), // unaligned start: re-aligned
            (ts("2026-03-01"), 3),             // summed with the above
            (ts("2026-07-01"), 9),             // overlaps existing: skipped
            (ts("2026-04-01"), 0),             // nothing there
            (ts("2030-01-01"), 1),             // far future, still moved
        ];
        let plan = rot(
            &login(2, None, RetentionAction::Drop),
            &state(&existing, &rows),
            ts("2026-08-20"),
        );
        assert_eq!(
            names(&plan),
            vec![
                "move 1203 rows from login_history_default into login_history_2026_03 [2026-03-01, 2026-04-01)",
                "move 5 rows from login_history_default into login_history_2026_10 [2026-10-01, 2026-11-01)",
                "move 1 row from login_history_default into login_history_2030_01 [2030-01-01, 2030-02-01)",
                "create login_history_2026_09 [2026-09-01, 2026-10-01)",
            ]
        );
    }

    #[test]
    fn premake_for_migrate_moves_only_rows_of_the_premade_periods() {
        let existing = monthly_run("2026-06-01", 3); // 06, 07, 08
        let rows = [
            (ts("2026-10-01"), 5),    // premake period: move, not create
            (ts("2024-03-01"), 1200), // long past: left to rotate
            (ts("2030-01-01"), 1),    // far future: left to rotate
        ];
        let policy = login(2, Some(90), RetentionAction::Drop);
        let st = State {
            cutoff: Some(ts("2026-05-22")),
            ..state(&existing, &rows)
        };
        let plan = plan_premake(&policy, &st, ts("2026-08-20"));
        assert_eq!(
            names(&plan),
            vec![
                "move 5 rows from login_history_default into login_history_2026_10 [2026-10-01, 2026-11-01)",
                "create login_history_2026_09 [2026-09-01, 2026-10-01)",
            ]
        );
        // Nothing else, whatever the retention: no drop of the old partitions either.
        assert!(plan_premake(&policy, &st, ts("2027-08-20"))
            .iter()
            .all(|a| matches!(a, Action::Create(_))));
    }

    #[test]
    fn range_names_the_periods_skipped_for_an_odd_partition() {
        let existing = vec![
            part("lh_custom", "2027-03-15", "2027-04-15"),
            std_part("login_history", Period::Monthly, "2027-05-01"),
        ];
        let policy = login(2, None, RetentionAction::Drop);
        let st = state(&existing, &[]);
        let skipped = range_overlaps(&policy, &st, ts("2027-02-01"), ts("2027-07-01"));
        let got: Vec<(String, &str)> = skipped
            .iter()
            .map(|(p, other)| (p.to_string(), other.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "login_history_2027_03 [2027-03-01, 2027-04-01)".to_string(),
                    "lh_custom"
                ),
                (
                    "login_history_2027_04 [2027-04-01, 2027-05-01)".to_string(),
                    "lh_custom"
                ),
            ]
        );
        // May exists as itself: not an overlap; February and June are made.
        let plan = plan_range(&policy, &st, ts("2027-02-01"), ts("2027-07-01")).unwrap();
        assert_eq!(
            names(&plan),
            vec![
                "create login_history_2027_02 [2027-02-01, 2027-03-01)",
                "create login_history_2027_06 [2027-06-01, 2027-07-01)",
            ]
        );
    }

    #[test]
    fn default_rows_in_period_overlapping_odd_partition_are_skipped() {
        let existing = vec![part("email_analytics_odd", "2024-01-03", "2024-01-05")];
        let rows = [(ts("2024-01-01"), 10)];
        let plan = rot(
            &analytics(1, None),
            &state(&existing, &rows),
            ts("2024-01-02"),
        );
        // The week of 2024-01-01 overlaps the odd one: no move, no create.
        assert_eq!(
            names(&plan),
            vec!["create email_analytics_2024_w02 [2024-01-08, 2024-01-15)"]
        );
        // ... and reported.
        assert_eq!(
            stuck_in_default(
                &analytics(1, None),
                &state(&existing, &rows),
                ts("2024-01-02")
            ),
            vec![Stuck {
                from: ts("2024-01-01"),
                to: ts("2024-01-08"),
                rows: 10,
                reason: StuckReason::Overlaps("email_analytics_odd".into()),
            }]
        );
    }

    #[test]
    fn retention_drop_vs_detach() {
        let existing = monthly_run("2025-01-01", 18); // 2025-01 .. 2026-06
        let now = ts("2026-03-15");
        let drop = rot(
            &login(3, Some(90), RetentionAction::Drop),
            &state(&existing, &[]),
            now,
        );
        // cutoff 2025-12-15: months ending on or before it are 2025-01 .. 2025-11.
        assert_eq!(drop.len(), 11);
        assert!(drop.iter().all(|a| matches!(a, Action::Drop(_))));
        assert_eq!(drop[0].partition().name, "login_history_2025_01");
        assert_eq!(drop[10].partition().name, "login_history_2025_11");
        assert_eq!(
            drop[10].describe(&login(3, Some(90), RetentionAction::Drop)),
            "drop login_history_2025_11 [2025-11-01, 2025-12-01) (past retention of 90 days)"
        );
        assert_eq!(
            drop[10].to_string(),
            "drop login_history_2025_11 [2025-11-01, 2025-12-01) (past retention)"
        );

        let detach = rot(
            &login(3, Some(90), RetentionAction::Detach),
            &state(&existing, &[]),
            now,
        );
        assert_eq!(detach.len(), 11);
        assert!(detach.iter().all(|a| matches!(a, Action::Detach(_))));
        assert_eq!(
            detach[0].to_string(),
            "detach login_history_2025_01 [2025-01-01, 2025-02-01) (past retention)"
        );
    }

    #[test]
    fn retention_boundary() {
        let existing = vec![part("login_history_2024_01", "2024-01-01", "2024-02-01")];
        let policy = login(1, Some(30), RetentionAction::Drop);
        // to == now - retention: dropped.
        let now = ts("2024-03-02"); // 2024-02-01 + 30 days
        let plan = rot(&policy, &state(&existing, &[]), now);
        assert!(
            plan.contains(&Action::Drop(existing[0].clone())),
            "{plan:?}"
        );
        // One second earlier (to is one second after the cutoff): kept.
        let plan = rot(&policy, &state(&existing, &[]), now - Duration::seconds(1));
        assert!(
            !plan.iter().any(|a| matches!(a, Action::Drop(_))),
            "{plan:?}"
        );
    }

    #[test]
    fn retention_never_current_future_or_just_moved() {
        let existing = vec![
            // Odd partition inside the current month, whole range older than the cutoff.
            part("login_history_early_march", "2024-03-01", "2024-03-03"),
            part("login_history_2024_04", "2024-04-01", "2024-05-01"),
            part("login_history_2023_01", "2023-01-01", "2023-02-01"),
        ];
        // Rows from 2022-06 in DEFAULT: far past retention, deleted, not resurrected.
        let rows = [(ts("2022-06-10"), 7)];
        let policy = login(1, Some(1), RetentionAction::Drop);
        let st = state(&existing, &rows);
        let plan = rot(&policy, &st, ts("2024-03-20"));
        assert_eq!(
            names(&plan),
            vec![
                "delete 7 rows of [2022-06-01, 2022-07-01) from the default partition (past retention)",
                "drop login_history_2023_01 [2023-01-01, 2023-02-01) (past retention)",
            ]
        );
        // With detach they go into the period's detached table; the partition is detached.
        let policy = login(1, Some(1), RetentionAction::Detach);
        let plan = rot(&policy, &st, ts("2024-03-20"));
        assert_eq!(
            names(&plan),
            vec![
                "move 7 rows from the default partition into detached table login_history_2022_06 [2022-06-01, 2022-07-01) (past retention)",
                "detach login_history_2023_01 [2023-01-01, 2023-02-01) (past retention)",
            ]
        );
        let st = State {
            cutoff: cutoff(&policy, ts("2024-03-20")),
            ..st
        };
        assert!(stuck_in_default(&policy, &st, ts("2024-03-20")).is_empty());
        // Without a cutoff (db migrate: no retention) they are moved as before.
        let plan = plan_rotate(&policy, &state(&existing, &rows), ts("2024-03-20"));
        assert!(
            matches!(plan[0], Action::MoveFromDefault { rows: 7, .. }),
            "{plan:?}"
        );
    }

    #[test]
    fn plan_range_errors_and_backfill() {
        let policy = login(1, None, RetentionAction::Drop);
        let err = plan_range(
            &policy,
            &state(&[], &[]),
            ts("2025-03-01"),
            ts("2025-01-01"),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "--from 2025-03-01 is not before --to 2025-01-01"
        );
        assert!(plan_range(
            &policy,
            &state(&[], &[]),
            ts("2025-01-01"),
            ts("2025-01-01")
        )
        .is_err());

        let existing = vec![part("login_history_2024_12", "2024-12-01", "2025-01-01")];
        let rows = [(ts("2024-11-01"), 40)];
        let plan = plan_range(
            &policy,
            &state(&existing, &rows),
            ts("2024-10-15"),
            ts("2025-01-01 00:00:01"),
        )
        .unwrap();
        assert_eq!(
            names(&plan),
            vec![
                "create login_history_2024_10 [2024-10-01, 2024-11-01)",
                "move 40 rows from login_history_default into login_history_2024_11 [2024-11-01, 2024-12-01)",
                "create login_history_2025_01 [2025-01-01, 2025-02-01)",
            ]
        );

        let weekly = analytics(1, None);
        let err = plan_range(
            &weekly,
            &state(&[], &[]),
            ts("1000-01-01"),
            ts("2000-01-01"),
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("more than 10000 weekly periods"),
            "{err}"
        );
    }

    #[test]
    fn health_gaps_ahead_and_retention() {
        let mut existing = monthly_run("2024-01-01", 3); // 01..03
        existing.extend(monthly_run("2024-05-01", 2)); // 05, 06
        existing.push(part("login_history_odd", "2024-06-15", "2024-08-10")); // overlaps 06, runs into 08
        existing.extend(monthly_run("2024-10-01", 1));
        let rows = [
            (ts("2023-01-01"), 4),
            (ts("2023-02-01"), 6),
            (ts("2023-03-01"), -1),
        ];
        let policy = login(2, Some(60), RetentionAction::Drop);

        let h = hlth(&policy, &state(&existing, &rows), ts("2024-05-20"));
        // Premake 2 in May keeps May to July: the hole after 2024-08-10 lies wholly beyond
        // them (as one before a partition made for far-future rows would).
        assert_eq!(h.gaps, vec![(ts("2024-04-01"), ts("2024-05-01"))]);
        assert!(h.covers_now);
        // Covered contiguously to 2024-08-10: June and July are whole periods ahead.
        assert_eq!(h.ahead, 2);
        assert_eq!(h.default_rows, 10);
        // cutoff 2024-03-21: January and February.
        assert_eq!(
            h.past_retention,
            vec!["login_history_2024_01", "login_history_2024_02"]
        );

        let h = hlth(&policy, &state(&existing, &rows), ts("2024-04-10"));
        assert!(!h.covers_now);
        assert_eq!(h.ahead, 0);

        // cutoff 2024-05-21: the April hole is past retention, no longer a problem.
        let h = hlth(&policy, &state(&existing, &rows), ts("2024-07-20"));
        assert_eq!(h.gaps, vec![(ts("2024-08-10"), ts("2024-10-01"))]);

        // Premake 3 keeps August too: a hole starting inside the premade periods is one.
        let longer = login(3, Some(60), RetentionAction::Drop);
        let h = hlth(&longer, &state(&existing, &rows), ts("2024-05-20"));
        assert_eq!(
            h.gaps,
            vec![
                (ts("2024-04-01"), ts("2024-05-01")),
                (ts("2024-08-10"), ts("2024-10-01"))
            ]
        );

        let h = hlth(&policy, &state(&[], &[]), ts("2024-04-10"));
        assert_eq!(
            h,
            Health {
                gaps: vec![],
                ahead: 0,
                covers_now: false,
                default_rows: 0,
                past_retention: vec![]
            }
        );
    }

    #[test]
    fn parse_bound_forms() {
        let range = |a: &str, b: &str| Bound::Range {
            from: ts(a),
            to: ts(b),
        };
        assert_eq!(
            parse_bound("FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00')"),
            range("2024-01-01", "2024-02-01")
        );
        assert_eq!(
            parse_bound("FOR VALUES FROM ('2024-01-01') TO ('2024-01-08')"),
            range("2024-01-01", "2024-01-08")
        );
        assert_eq!(
            parse_bound(
                "  for values from ( '2024-01-01 06:30:00.25' ) to ('2024-01-08T00:00:00')\n"
            ),
            range("2024-01-01 06:30:00.25", "2024-01-08")
        );
        assert_eq!(
            parse_bound(
                "FOR VALUES FROM ('2024-01-01'::timestamp without time zone) TO ('2024-02-01')"
            ),
            range("2024-01-01", "2024-02-01")
        );
        assert_eq!(parse_bound("DEFAULT"), Bound::Default);
        assert_eq!(parse_bound(" default "), Bound::Default);
        let other = |s: &str| assert!(matches!(parse_bound(s), Bound::Other(_)), "{s}");
        other("FOR VALUES FROM (MINVALUE) TO ('2024-01-01 00:00:00')");
        other("FOR VALUES FROM ('2024-01-01 00:00:00') TO (MAXVALUE)");
        other("FOR VALUES FROM ('-infinity') TO ('2024-01-01 00:00:00')");
        other("FOR VALUES FROM ('0044-03-15 00:00:00 BC') TO ('2024-01-01 00:00:00')");
        other("FOR VALUES FROM ('2024-02-01') TO ('2024-01-01')");
        other("FOR VALUES FROM ('2024-01-01', 1) TO ('2024-02-01', 1)");
        other("FOR VALUES IN ('a')");
        other("FOR VALUES WITH (modulus 4, remainder 0)");
        other("FOR VALUES FROM ('Mon Jan 01 00:00:00 2024') TO ('Thu Feb 01 00:00:00 2024')");
        other("FOR VALUES FROM ('2024-01-01') TO ('2024-02-01') trailing");
        other("FOR VALUES FROM ('2024-01-01");
        other("");
        assert_eq!(
            parse_bound(" MINVALUE junk "),
            Bound::Other("MINVALUE junk".to_string())
        );
    }

    #[test]
    fn foreign_partitions_are_never_retired_but_never_overlapped() {
        // Mid-2026, keeping 90 days: an archive partition in another schema for January, a
        // catch-all from March 2027 on.
        let existing = monthly_run("2026-05-01", 2); // 05, 06
        let foreign = vec![
            part("arch.lh_2026_01", "2026-01-01", "2026-02-01"),
            Partition {
                name: "lh_max".into(),
                from: ts("2027-03-01"),
                to: NaiveDateTime::MAX,
            },
        ];
        let policy = login(12, Some(90), RetentionAction::Drop);
        let rows = [(ts("2026-01-10"), 3), (ts("2027-04-02"), 2)];
        let st = State {
            foreign: &foreign,
            ..state(&existing, &rows)
        };
        let now = ts("2026-06-15");
        let plan = names(&rot(&policy, &st, now));
        // Premake stops where the catch-all starts; the January rows in DEFAULT are expired
        // (deleted), the April 2027 ones cannot get a partition; nothing foreign is dropped.
        assert!(plan
            .iter()
            .any(|a| a.starts_with("create login_history_2027_02")));
        assert!(!plan
            .iter()
            .any(|a| a.contains("2027_03") || a.contains("2027_04")));
        assert!(!plan.iter().any(|a| a.contains("lh_")), "{plan:?}");
        assert!(!plan.iter().any(|a| a.starts_with("drop")), "{plan:?}");
        // Past the cutoff, the archive would be dropped were it managed.
        let managed = [existing.clone(), foreign[..1].to_vec()].concat();
        let plan = names(&rot(&policy, &state(&managed, &[]), now));
        assert!(
            plan.iter().any(|a| a.starts_with("drop arch.lh_2026_01")),
            "{plan:?}"
        );
        let with_cutoff = State {
            cutoff: cutoff(&policy, now),
            ..st
        };
        let stuck = stuck_in_default(&policy, &with_cutoff, now);
        assert_eq!(stuck.len(), 1);
        assert_eq!(stuck[0].reason, StuckReason::Overlaps("lh_max".into()));
        let over = range_overlaps(&policy, &st, ts("2027-01-01"), ts("2027-05-01"));
        assert_eq!(
            over.iter()
                .map(|(p, o)| (p.name.as_str(), o.as_str()))
                .collect::<Vec<_>>(),
            [
                ("login_history_2027_03", "lh_max"),
                ("login_history_2027_04", "lh_max")
            ]
        );
        // With the months up to the catch-all made, coverage runs to the end of time: `ahead`
        // stays a number of periods a person can read.
        let full = [existing.clone(), monthly_run("2026-07-01", 8)].concat();
        let h = hlth(
            &policy,
            &State {
                existing: &full,
                ..st
            },
            now,
        );
        assert_eq!(h.ahead, MAX_PREMAKE);
        // Health: nothing foreign is past retention; both count as coverage (the holes end at
        // the catch-all and start after the archive).
        let h = hlth(&policy, &st, now);
        assert!(h.past_retention.is_empty(), "{:?}", h.past_retention);
        assert_eq!(
            h.gaps,
            [
                (ts("2026-02-01"), ts("2026-05-01")),
                (ts("2026-07-01"), ts("2027-03-01"))
            ]
        );
    }

    #[test]
    fn extent_of_unbounded_ranges() {
        let (min, max) = (NaiveDateTime::MIN, NaiveDateTime::MAX);
        let extent = bound_extent;
        assert_eq!(
            extent("FOR VALUES FROM (MINVALUE) TO ('2024-01-01 00:00:00')"),
            Some((min, ts("2024-01-01")))
        );
        assert_eq!(
            extent("FOR VALUES FROM ('2030-01-01 00:00:00') TO (MAXVALUE)"),
            Some((ts("2030-01-01"), max))
        );
        assert_eq!(
            extent("FOR VALUES FROM ('-infinity') TO ('infinity')"),
            Some((min, max))
        );
        assert_eq!(
            extent("FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')"),
            Some((ts("2024-01-01"), ts("2024-02-01")))
        );
        assert_eq!(extent("FOR VALUES FROM (MAXVALUE) TO (MAXVALUE)"), None);
        assert_eq!(
            extent("FOR VALUES FROM (MINVALUE, 1) TO (MAXVALUE, 1)"),
            None
        );
        assert_eq!(extent("FOR VALUES IN ('a')"), None);
        assert_eq!(extent("DEFAULT"), None);
    }

    #[test]
    fn bound_sql_round_trips() {
        let p = part("login_history_2024_01", "2024-01-01", "2024-02-01");
        assert_eq!(
            p.bound_sql(),
            "FOR VALUES FROM ('2024-01-01 00:00:00') TO ('2024-02-01 00:00:00')"
        );
        assert_eq!(
            parse_bound(&p.bound_sql()),
            Bound::Range {
                from: p.from,
                to: p.to
            }
        );
    }

    #[test]
    fn policy_validation() {
        assert!(login(3, Some(90), RetentionAction::Drop).validate().is_ok());
        assert!(login(MAX_PREMAKE, None, RetentionAction::Drop)
            .validate()
            .is_ok());
        let err = |p: Policy| p.validate().unwrap_err().to_string();
        let e = err(login(0, None, RetentionAction::Drop));
        assert_eq!(
            e,
            "partition policy for login_history: premake must be between 1 and 520, got 0"
        );
        assert!(err(login(521, None, RetentionAction::Drop)).contains("got 521"));
        let mut p = analytics(1, None);
        p.retention = Some(" ".into());
        assert_eq!(
            err(p),
            "partition policy for email_analytics: retention is empty"
        );
        let mut p = analytics(1, None);
        p.table = "t".repeat(55);
        assert!(err(p.clone()).contains("too long"));
        p.table = "t".repeat(54);
        assert!(p.validate().is_ok());
        p.column = " ".into();
        assert!(err(p).contains("column name is empty"));
        for e in [
            err(login(0, None, RetentionAction::Drop)),
            err(analytics(0, Some(7))),
        ] {
            assert!(!e.contains('\n'));
        }
    }

    #[test]
    fn thousand_existing_partitions() {
        // 1000 months from 1950-01 (through 2033-04), shuffled deterministically.
        let mut existing = monthly_run("1950-01-01", 1000);
        let n = existing.len();
        for i in 0..n {
            existing.swap(i, (i * 7919 + 13) % n);
        }
        let policy = login(12, Some(365), RetentionAction::Drop);
        let now = ts("2024-06-15");
        let plan = rot(&policy, &state(&existing, &[]), now);
        // cutoff 2023-06-16: partitions ending by then are 1950-01 .. 2023-05.
        assert_eq!(plan.len(), (2023 - 1950) * 12 + 5);
        assert!(plan.iter().all(|a| matches!(a, Action::Drop(_))));
        assert_eq!(plan[0].partition().name, "login_history_1950_01");
        assert_eq!(
            plan.last().unwrap().partition().name,
            "login_history_2023_05"
        );
        assert!(plan
            .windows(2)
            .all(|w| w[0].partition().from < w[1].partition().from));

        // Weekly: 1000 weeks with every 10th missing.
        let weeks: Vec<Partition> = Period::Weekly
            .periods_from(ts("2005-01-03"))
            .take(1000)
            .enumerate()
            .filter(|(i, _)| i % 10 != 5)
            .map(|(_, (from, to))| Partition {
                name: partition_name("email_analytics", Period::Weekly, from),
                from,
                to,
            })
            .collect();
        let h = hlth(&analytics(4, None), &state(&weeks, &[]), ts("2005-01-05"));
        assert_eq!(h.ahead, 4); // weeks 1..4 covered, week 5 missing
                                // The holes beyond the premade weeks are not problems yet...
        assert!(h.gaps.is_empty());
        let last = weeks.last().unwrap().to;
        // ...all of them are once time has reached them.
        let h = hlth(&analytics(4, None), &state(&weeks, &[]), last);
        assert_eq!(h.gaps.len(), 100);
        let plan = plan_range(
            &analytics(4, None),
            &state(&weeks, &[]),
            ts("2005-01-03"),
            last,
        )
        .unwrap();
        assert_eq!(plan.len(), 100);
        assert!(plan.iter().all(|a| matches!(a, Action::Create(_))));
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let policies = [
            login(MAX_PREMAKE, Some(36_500), RetentionAction::Drop),
            analytics(MAX_PREMAKE, Some(1)),
        ];
        let mut huge = login(u32::MAX, Some(1), RetentionAction::Detach);
        huge.retention = Some("1000000 years".into());
        let weird = vec![
            part("backwards", "2024-02-01", "2024-01-01"),
            Partition {
                name: "min".into(),
                from: NaiveDateTime::MIN,
                to: ts("1900-01-01"),
            },
            Partition {
                name: "max".into(),
                from: ts("2100-01-01"),
                to: NaiveDateTime::MAX,
            },
        ];
        let rows = [
            (NaiveDateTime::MIN, 1),
            (NaiveDateTime::MAX, i64::MAX),
            (NaiveDateTime::MAX, 5),
        ];
        for now in [NaiveDateTime::MIN, NaiveDateTime::MAX, ts("2024-06-15")] {
            for p in policies.iter().chain(std::iter::once(&huge)) {
                for st in [state(&[], &[]), state(&weird, &rows)] {
                    let plan = rot(p, &st, now);
                    assert!(plan.len() <= MAX_PREMAKE as usize + 10);
                    let _ = hlth(p, &st, now);
                    let _ = plan_range(p, &st, now, NaiveDateTime::MAX);
                    let _ = plan_range(p, &st, NaiveDateTime::MIN, now);
                    for a in &plan {
                        let _ = a.to_string();
                        let _ = a.describe(p);
                    }
                }
            }
            let _ = Period::Weekly.prev(now);
            let _ = Period::Monthly.next(now);
            let _ = partition_name("t", Period::Weekly, now);
        }
        let h = hlth(&policies[0], &state(&weird, &rows), ts("2024-06-15"));
        assert_eq!(h.default_rows, i64::MAX);
        assert!(!h.covers_now);
    }

    #[test]
    fn display_of_move_with_unusual_name_and_describe() {
        let a = Action::MoveFromDefault {
            partition: part("handmade", "2024-01-01 06:00:00", "2024-01-02"),
            rows: 2,
        };
        assert_eq!(
            a.to_string(),
            "move 2 rows from the default partition into handmade [2024-01-01 06:00:00, 2024-01-02)"
        );
        let policy = login(1, None, RetentionAction::Drop);
        assert!(a
            .describe(&policy)
            .starts_with("move 2 rows from login_history_default into"));
        assert_eq!(
            table_of_standard_name("email_analytics_2025_w01"),
            Some("email_analytics")
        );
        assert_eq!(
            table_of_standard_name("login_history_2025_01"),
            Some("login_history")
        );
        assert_eq!(table_of_standard_name("login_history_q1"), None);
    }
}
