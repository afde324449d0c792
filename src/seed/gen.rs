//! The synthetic ProMail data, as plain rows computed from a seed: no database here.
//!
//! Every user's rows come from random streams of their own, seeded from `(seed, user index,
//! stream)`. So the rows of one table can be generated user by user, in the order they are
//! copied, without holding the whole data set in memory, and another table can replay a stream
//! when it needs the same facts (analytics replay the e-mails' skeleton stream for their times
//! and ids). Same seed, same sizes, same base day and same first ids: the same rows.

use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use chrono::{Datelike, Duration, Months, NaiveDateTime};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sha2::{Digest, Sha256};

use super::words::{
    closing, greeting, sentences, subjects, template_bodies, ACTIONS, API_KEY_NAMES, CATEGORIES,
    CITIES, COMPANY_FORMS, COMPANY_KINDS, DRAFT_STATUSES, EMAIL_TYPES, FAILURE_REASONS,
    FIRST_NAMES, LAST_NAMES, MAIL_DOMAINS, TONES, URGENCIES, USER_AGENTS,
};

/// How much to generate. The per-user and per-email figures are averages: each user draws
/// its own count uniformly between 0 and twice the average.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    pub users: u32,
    pub emails_per_user: f64,
    pub templates_per_user: f64,
    pub logins_per_user: f64,
    pub analytics_per_email: f64,
    pub api_keys_per_user: f64,
    /// How far back the data goes, in months before the base day.
    pub months: u32,
}

/// Bytes a row of each table takes with its share of the indexes and TOAST, in the order of
/// `seed::TABLES`, measured on PostgreSQL 15 after a default seed of 3000 users (VACUUMed):
/// what `--size` and the estimate of a large run go by.
pub const ROW_BYTES: [f64; 7] = [374.0, 287.0, 964.0, 504.0, 208.0, 273.0, 228.0];

impl Sizes {
    /// `db seed`'s default averages, for `users` users (for tests).
    #[cfg(test)]
    pub(crate) fn defaults(users: u32) -> Sizes {
        Sizes {
            users,
            emails_per_user: 20.0,
            templates_per_user: 3.0,
            logins_per_user: 25.0,
            analytics_per_email: 2.0,
            api_keys_per_user: 1.0,
            months: 6,
        }
    }

    /// Expected rows per user of each table (`seed::TABLES` order), when `analytics_share` of
    /// the e-mails keep their analytics (see [`analytics_share`]).
    pub fn rows_per_user(&self, analytics_share: f64) -> [f64; 7] {
        [
            1.0,
            1.0,
            self.emails_per_user,
            self.templates_per_user,
            self.api_keys_per_user,
            self.logins_per_user,
            self.emails_per_user * self.analytics_per_email * analytics_share,
        ]
    }

    /// Expected bytes per user on disk (see [`ROW_BYTES`]).
    pub fn bytes_per_user(&self, analytics_share: f64) -> f64 {
        self.rows_per_user(analytics_share)
            .iter()
            .zip(ROW_BYTES)
            .map(|(r, b)| r * b)
            .sum()
    }
}

/// The share of e-mails created within the last `window` of `span` (both in days): users join
/// uniformly over the span and write uniformly after joining, so the chance is
/// `(w + w·ln(span/w)) / span` (1 when the window covers the span).
pub fn analytics_share(span: f64, window: f64) -> f64 {
    if window >= span || span <= 0.0 {
        return 1.0;
    }
    if window <= 0.0 {
        return 0.0;
    }
    (window + window * (span / window).ln()) / span
}

/// The first id of each table in this run (one more than what the database already has).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstIds {
    pub users: i32,
    pub user_preferences: i32,
    pub emails: i32,
    pub templates: i32,
    pub api_keys: i32,
    pub login_history: i64,
    pub email_analytics: i64,
}

impl Default for FirstIds {
    fn default() -> Self {
        FirstIds {
            users: 1,
            user_preferences: 1,
            emails: 1,
            templates: 1,
            api_keys: 1,
            login_history: 1,
            email_analytics: 1,
        }
    }
}

/// Rows per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub users: u64,
    pub user_preferences: u64,
    pub emails: u64,
    pub templates: u64,
    pub api_keys: u64,
    pub login_history: u64,
    pub email_analytics: u64,
}

impl Counts {
    pub fn total(&self) -> u64 {
        self.users
            + self.user_preferences
            + self.emails
            + self.templates
            + self.api_keys
            + self.login_history
            + self.email_analytics
    }

    /// `(table, rows)` in the order the seed fills them.
    pub fn by_table(&self) -> [(&'static str, u64); 7] {
        [
            ("users", self.users),
            ("user_preferences", self.user_preferences),
            ("emails", self.emails),
            ("templates", self.templates),
            ("api_keys", self.api_keys),
            ("login_history", self.login_history),
            ("email_analytics", self.email_analytics),
        ]
    }
}

/// What the other tables need to know about one user, decided up front.
#[derive(Debug, Clone, Copy)]
pub struct UserPlan {
    pub created_at: NaiveDateTime,
    pub emails: u32,
    pub templates: u32,
    pub logins: u32,
    pub api_keys: u32,
    pub analytics: u32,
    /// Index of the user's first e-mail among this run's e-mails.
    pub first_email: u64,
    /// Index of the user's first template among this run's templates.
    pub first_template: u64,
}

/// The whole run, decided before a row is written.
#[derive(Debug, Clone)]
pub struct Plan {
    pub seed: u64,
    /// Midnight of the server's current day: every timestamp is before it.
    pub base: NaiveDateTime,
    /// `base` minus `months`.
    pub start: NaiveDateTime,
    /// Where the logins and the analytics begin (at or after `start`): see [`LogFrom`].
    pub logins_from: NaiveDateTime,
    pub analytics_from: NaiveDateTime,
    pub sizes: Sizes,
    pub ids: FirstIds,
    pub users: Vec<UserPlan>,
    pub counts: Counts,
}

/// Where the log tables' rows begin, when later than the plan's start: the retention windows
/// of `login_history` and `email_analytics`, so that the seeded rows are those a database
/// under its retention policy would hold (nothing for the first `partitions rotate` to drop).
/// Logins are spread over the window; analytics are kept for the e-mails created within it
/// (an older e-mail's events would have expired).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LogFrom {
    pub logins: Option<NaiveDateTime>,
    pub analytics: Option<NaiveDateTime>,
}

/// One random stream per user and purpose.
#[derive(Debug, Clone, Copy)]
enum Stream {
    Plan = 0,
    Identity = 1,
    User = 2,
    Prefs = 3,
    EmailSkeleton = 4,
    EmailText = 5,
    Template = 6,
    ApiKey = 7,
    Login = 8,
    Analytics = 9,
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn rng(seed: u64, user: usize, stream: Stream) -> ChaCha8Rng {
    let key = (user as u64).wrapping_mul(16).wrapping_add(stream as u64);
    ChaCha8Rng::seed_from_u64(splitmix64(seed ^ splitmix64(key)))
}

/// A count with the given average: uniform on [0, 2·avg], rounded at random so that the mean
/// is exactly `avg` even for fractional averages.
fn count(rng: &mut ChaCha8Rng, avg: f64) -> u32 {
    if avg <= 0.0 {
        return 0;
    }
    let x = rng.gen::<f64>() * 2.0 * avg;
    let whole = x.floor();
    let extra = u32::from(rng.gen::<f64>() < x - whole);
    whole as u32 + extra
}

/// A time uniformly in `[from, to)` (seconds resolution); `from` when the range is empty.
fn between(rng: &mut ChaCha8Rng, from: NaiveDateTime, to: NaiveDateTime) -> NaiveDateTime {
    let span = (to - from).num_seconds();
    if span <= 0 {
        return from;
    }
    from + Duration::seconds(rng.gen_range(0..span))
}

fn pick<T: Copy>(rng: &mut ChaCha8Rng, items: &[T]) -> T {
    items[rng.gen_range(0..items.len())]
}

/// `items[index]` for the first `items.len()` rows of the run, so that every value appears,
/// then random.
fn cover<'a>(rng: &mut ChaCha8Rng, index: u64, items: &[&'a str]) -> &'a str {
    match usize::try_from(index) {
        Ok(i) if i < items.len() => items[i],
        _ => pick(rng, items),
    }
}

/// ASCII slug for domains: lower case, accents folded, other characters to `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'à' | 'â' | 'ä' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' => "i",
            'ô' | 'ö' => "o",
            'ù' | 'û' | 'ü' => "u",
            'ç' => "c",
            'œ' => "oe",
            'æ' => "ae",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if folded == "-" && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push_str(folded);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

fn french_date(t: NaiveDateTime) -> String {
    let d = t.date();
    let day = d.day();
    let month = FRENCH_MONTHS[d.month0() as usize];
    if day == 1 {
        format!("1er {month}")
    } else {
        format!("{day} {month}")
    }
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------

/// A JSON document as text, sent to a `json` or `jsonb` column as it is.
#[derive(Clone, PartialEq, Eq)]
pub struct Json(pub String);

/// As the text: the rows' debug form (which the seed's pinned digest hashes) shows the
/// document, not the wrapper.
impl std::fmt::Debug for Json {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct UserRow {
    pub id: i32,
    pub email: String,
    pub password_hash: String,
    pub first_name: String,
    pub last_name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub is_active: bool,
    pub email_verified: bool,
    pub two_factor_secret: Option<String>,
    pub two_factor_enabled: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PrefsRow {
    pub id: i32,
    pub user_id: i32,
    pub settings: Json,
    pub language: &'static str,
    pub timezone: &'static str,
    pub email_notifications: bool,
    pub push_notifications: bool,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EmailRow {
    pub id: i32,
    pub user_id: i32,
    pub subject: String,
    pub content: String,
    pub email_type: &'static str,
    pub recipient: Option<String>,
    pub company: Option<String>,
    pub tone: Option<&'static str>,
    pub urgency: Option<&'static str>,
    pub is_favorite: bool,
    pub metadata: Json,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub status: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TemplateRow {
    pub id: i32,
    pub user_id: i32,
    pub name: String,
    pub content: String,
    pub category: &'static str,
    pub is_public: bool,
    pub metadata: Json,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub usage_count: i32,
    pub rating: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ApiKeyRow {
    pub id: i32,
    pub user_id: i32,
    pub key_hash: String,
    pub name: &'static str,
    pub is_active: bool,
    pub created_at: NaiveDateTime,
    pub last_used: Option<NaiveDateTime>,
    pub expires_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoginRow {
    pub id: i64,
    pub user_id: i32,
    pub login_time: NaiveDateTime,
    pub ip_address: IpAddr,
    pub user_agent: &'static str,
    pub success: bool,
    pub failure_reason: Option<&'static str>,
    pub location: String,
    pub device_type: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnalyticsRow {
    pub id: i64,
    pub email_id: i32,
    pub user_id: i32,
    pub action: &'static str,
    pub action_time: NaiveDateTime,
    pub metadata: Json,
    pub session_id: String,
}

/// Who a user is: drawn once, used by every table that shows it.
#[derive(Debug, Clone, Copy)]
struct Identity {
    first: usize,
    last: usize,
    domain: usize,
    city: usize,
    devices: [usize; 2],
    ips: [IpAddr; 2],
}

/// The facts about one e-mail that other tables repeat (times, status), from a stream of
/// their own so that analytics can replay them without regenerating the text.
#[derive(Debug, Clone, Copy)]
struct Skeleton {
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    sent_at: Option<NaiveDateTime>,
    status: &'static str,
    is_favorite: bool,
    analytics: u32,
}

const BCRYPT: &[u8] = b"./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE32: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn public_ipv4(rng: &mut ChaCha8Rng) -> IpAddr {
    // French ISP-looking addresses, avoiding private and reserved ranges.
    const FIRST: [u8; 8] = [78, 82, 86, 90, 92, 109, 176, 212];
    IpAddr::V4(Ipv4Addr::new(
        pick(rng, &FIRST),
        rng.gen(),
        rng.gen(),
        rng.gen_range(1..=254),
    ))
}

fn public_ip(rng: &mut ChaCha8Rng) -> IpAddr {
    if rng.gen_bool(0.15) {
        // 2a01:e0a::/32-like (a French ISP's IPv6 space).
        IpAddr::V6(Ipv6Addr::new(
            0x2a01,
            0x0e0a,
            rng.gen(),
            rng.gen(),
            rng.gen(),
            rng.gen(),
            rng.gen(),
            rng.gen(),
        ))
    } else {
        public_ipv4(rng)
    }
}

impl Plan {
    /// Decides how many rows each user gets and when they joined.
    pub fn new(seed: u64, base: NaiveDateTime, sizes: Sizes, ids: FirstIds) -> Plan {
        Plan::with_logs_from(seed, base, sizes, ids, LogFrom::default())
    }

    /// The same, with the log tables' rows beginning at `logs` (never before the start).
    pub fn with_logs_from(
        seed: u64,
        base: NaiveDateTime,
        sizes: Sizes,
        ids: FirstIds,
        logs: LogFrom,
    ) -> Plan {
        let start = base
            .checked_sub_months(Months::new(sizes.months))
            .unwrap_or(base);
        let within = |t: Option<NaiveDateTime>| t.map_or(start, |t| t.clamp(start, base));
        let mut plan = Plan {
            seed,
            base,
            start,
            logins_from: within(logs.logins),
            analytics_from: within(logs.analytics),
            sizes,
            ids,
            users: Vec::with_capacity(sizes.users as usize),
            counts: Counts::default(),
        };
        // Users join over the window, leaving them at least a day of activity.
        let last_join = (base - Duration::days(1)).max(start);
        let (mut emails, mut templates) = (0u64, 0u64);
        for i in 0..sizes.users as usize {
            let mut r = rng(seed, i, Stream::Plan);
            let created_at = between(&mut r, start, last_join);
            let mut u = UserPlan {
                created_at,
                emails: count(&mut r, sizes.emails_per_user),
                templates: count(&mut r, sizes.templates_per_user),
                logins: count(&mut r, sizes.logins_per_user),
                api_keys: count(&mut r, sizes.api_keys_per_user),
                analytics: 0,
                first_email: emails,
                first_template: templates,
            };
            plan.users.push(u);
            u.analytics = plan.skeletons(i).iter().map(|s| s.analytics).sum();
            plan.users[i] = u;
            emails += u64::from(u.emails);
            templates += u64::from(u.templates);
            let c = &mut plan.counts;
            c.users += 1;
            c.user_preferences += 1;
            c.emails += u64::from(u.emails);
            c.templates += u64::from(u.templates);
            c.api_keys += u64::from(u.api_keys);
            c.login_history += u64::from(u.logins);
            c.email_analytics += u64::from(u.analytics);
        }
        plan
    }

    fn user_id(&self, i: usize) -> i32 {
        self.ids.users + i as i32
    }

    fn identity(&self, i: usize) -> Identity {
        let mut r = rng(self.seed, i, Stream::Identity);
        let d0 = r.gen_range(0..USER_AGENTS.len());
        Identity {
            first: r.gen_range(0..FIRST_NAMES.len()),
            last: r.gen_range(0..LAST_NAMES.len()),
            domain: r.gen_range(0..MAIL_DOMAINS.len()),
            city: r.gen_range(0..CITIES.len()),
            devices: [d0, r.gen_range(0..USER_AGENTS.len())],
            ips: [public_ip(&mut r), public_ip(&mut r)],
        }
    }

    fn full_name(&self, i: usize) -> String {
        let id = self.identity(i);
        format!("{} {}", FIRST_NAMES[id.first].0, LAST_NAMES[id.last].0)
    }

    pub fn user(&self, i: usize) -> UserRow {
        let p = &self.users[i];
        let who = self.identity(i);
        let mut r = rng(self.seed, i, Stream::User);
        let id = self.user_id(i);
        let (first, first_ascii) = FIRST_NAMES[who.first];
        let (last, last_ascii) = LAST_NAMES[who.last];
        let mut password_hash = String::from("$2b$12$");
        for _ in 0..53 {
            password_hash.push(pick(&mut r, BCRYPT) as char);
        }
        let two_factor = r.gen_bool(0.2);
        let two_factor_secret =
            two_factor.then(|| (0..32).map(|_| pick(&mut r, BASE32) as char).collect());
        UserRow {
            id,
            email: format!(
                "{first_ascii}.{last_ascii}{id}@{}",
                MAIL_DOMAINS[who.domain]
            ),
            password_hash,
            first_name: first.to_string(),
            last_name: last.to_string(),
            created_at: p.created_at,
            updated_at: between(&mut r, p.created_at, self.base),
            is_active: r.gen_bool(0.95),
            email_verified: r.gen_bool(0.85),
            two_factor_secret,
            two_factor_enabled: two_factor,
        }
    }

    pub fn prefs(&self, i: usize) -> PrefsRow {
        let p = &self.users[i];
        let mut r = rng(self.seed, i, Stream::Prefs);
        let theme = pick(&mut r, &["clair", "sombre", "systeme"]);
        let tone = pick(&mut r, &TONES);
        let length = pick(&mut r, &["courte", "moyenne", "longue"]);
        let suggestions = r.gen_bool(0.7);
        let settings = format!(
            r#"{{"theme": "{theme}", "signature": "Cordialement, {}", "ton_par_defaut": "{tone}", "longueur": "{length}", "suggestions": {suggestions}}}"#,
            self.full_name(i)
        );
        let language = match r.gen_range(0..100) {
            0..=87 => "fr",
            88..=93 => "en",
            94..=95 => "de",
            96..=97 => "es",
            _ => "it",
        };
        let timezone = match r.gen_range(0..100) {
            0..=84 => "Europe/Paris",
            85..=89 => "Europe/Brussels",
            90..=93 => "Europe/Zurich",
            94..=96 => "America/Montreal",
            _ => "Indian/Reunion",
        };
        PrefsRow {
            id: self.ids.user_preferences + i as i32,
            user_id: self.user_id(i),
            settings: Json(settings),
            language,
            timezone,
            email_notifications: r.gen_bool(0.8),
            push_notifications: r.gen_bool(0.6),
            updated_at: between(&mut r, p.created_at, self.base),
        }
    }

    fn skeletons(&self, i: usize) -> Vec<Skeleton> {
        let p = &self.users[i];
        let mut r = rng(self.seed, i, Stream::EmailSkeleton);
        (0..p.emails)
            .map(|_| {
                let created_at = between(&mut r, p.created_at, self.base);
                // Generation takes seconds (the view email_type_performance reads
                // updated_at - created_at as the generation time); a few drafts are touched up
                // within the next half hour.
                let took = if r.gen_bool(0.03) {
                    r.gen_range(60..1800)
                } else {
                    r.gen_range(2..60)
                };
                let updated_at = (created_at + Duration::seconds(took)).min(self.base);
                let sent = r.gen_bool(0.4);
                let sent_after = r.gen_range(0..7200);
                let status = if sent {
                    "sent"
                } else {
                    DRAFT_STATUSES[usize::from(r.gen_range(0u8..10).saturating_sub(6))
                        .min(DRAFT_STATUSES.len() - 1)]
                };
                let is_favorite = r.gen_bool(0.12);
                // Drawn for every e-mail, so that the stream stays the same.
                let mut analytics = count(&mut r, self.sizes.analytics_per_email);
                if created_at < self.analytics_from {
                    analytics = 0;
                }
                Skeleton {
                    created_at,
                    updated_at,
                    sent_at: sent
                        .then(|| (updated_at + Duration::seconds(sent_after)).min(self.base)),
                    status,
                    is_favorite,
                    analytics,
                }
            })
            .collect()
    }

    fn company(r: &mut ChaCha8Rng) -> String {
        format!(
            "{} {} {}",
            pick(r, &COMPANY_KINDS),
            pick(r, &LAST_NAMES).0,
            pick(r, &COMPANY_FORMS)
        )
    }

    pub fn emails(&self, i: usize) -> Vec<EmailRow> {
        let plan = &self.users[i];
        let sender = self.full_name(i);
        let mut r = rng(self.seed, i, Stream::EmailText);
        let mut out = Vec::with_capacity(plan.emails as usize);
        for (j, skel) in self.skeletons(i).into_iter().enumerate() {
            let index = plan.first_email + j as u64;
            let email_type = cover(&mut r, index, &EMAIL_TYPES);
            let tone = if index < TONES.len() as u64 || r.gen_bool(0.96) {
                Some(cover(&mut r, index, &TONES))
            } else {
                None
            };
            let urgency = if index < URGENCIES.len() as u64 || r.gen_bool(0.96) {
                Some(cover(&mut r, index, &URGENCIES))
            } else {
                None
            };
            let company = r.gen_bool(0.9).then(|| Self::company(&mut r));
            let (to_first, to_first_ascii) = pick(&mut r, &FIRST_NAMES);
            let to_last_ascii = pick(&mut r, &LAST_NAMES).1;
            let recipient = r.gen_bool(0.95).then(|| {
                let domain = company.as_deref().map_or_else(
                    || (pick(&mut r, &MAIL_DOMAINS)).to_string(),
                    |c| format!("{}.fr", slug(c)),
                );
                format!("{to_first_ascii}.{to_last_ascii}@{domain}")
            });
            let to_company = company.as_deref().unwrap_or("votre entreprise");
            let date = french_date(skel.created_at + Duration::days(r.gen_range(3..30)));
            let subject = pick(&mut r, subjects(email_type)).replace("{c}", to_company);
            let mut content = String::with_capacity(700);
            content.push_str(&greeting(tone).replace("{p}", to_first));
            content.push_str("\n\n");
            let pool = sentences(email_type);
            let n = r.gen_range(3..=pool.len().min(6));
            for (k, sentence) in pool.choose_multiple(&mut r, n).enumerate() {
                if k > 0 {
                    content.push(' ');
                }
                content.push_str(&sentence.replace("{c}", to_company).replace("{d}", &date));
            }
            content.push_str("\n\n");
            content.push_str(closing(tone));
            content.push('\n');
            content.push_str(&sender);
            let words = content.split_whitespace().count();
            let temperature = f64::from(r.gen_range(3..=9u8)) / 10.0;
            let version = r.gen_range(1..=3);
            let metadata = format!(
                r#"{{"modele": "promail-redaction", "version": {version}, "langue": "fr", "mots": {words}, "temperature": {temperature}}}"#
            );
            out.push(EmailRow {
                id: self.ids.emails + index as i32,
                user_id: self.user_id(i),
                subject,
                content,
                email_type,
                recipient,
                company,
                tone,
                urgency,
                is_favorite: skel.is_favorite,
                metadata: Json(metadata),
                created_at: skel.created_at,
                updated_at: skel.updated_at,
                sent_at: skel.sent_at,
                status: skel.status,
            });
        }
        out
    }

    pub fn templates(&self, i: usize) -> Vec<TemplateRow> {
        let p = &self.users[i];
        let mut r = rng(self.seed, i, Stream::Template);
        (0..p.templates)
            .map(|j| {
                let g = p.first_template + u64::from(j);
                let category = cover(&mut r, g, &CATEGORIES);
                let (name, body) = pick(&mut r, template_bodies(category));
                let name = match r.gen_range(0..4) {
                    0 => format!("{name} (v2)"),
                    1 => format!("{name} - {}", pick(&mut r, &COMPANY_KINDS)),
                    _ => name.to_string(),
                };
                let created_at = between(&mut r, p.created_at, self.base);
                let updated_at = if r.gen_bool(0.3) {
                    between(&mut r, created_at, self.base)
                } else {
                    created_at
                };
                let usage_count: i32 = if r.gen_bool(0.2) {
                    0
                } else {
                    r.gen_range(1..250)
                };
                let rating = if usage_count == 0 {
                    0.0
                } else {
                    f64::from(r.gen_range(10..=50u8)) / 10.0
                };
                let variables: Vec<String> = body
                    .split("{{")
                    .skip(1)
                    .filter_map(|s| s.split_once("}}").map(|(v, _)| format!("\"{v}\"")))
                    .collect();
                let metadata = format!(
                    r#"{{"variables": [{}], "langue": "fr", "version": {}}}"#,
                    variables.join(", "),
                    r.gen_range(1..=4)
                );
                TemplateRow {
                    id: self.ids.templates + g as i32,
                    user_id: self.user_id(i),
                    name,
                    content: body.to_string(),
                    category,
                    is_public: r.gen_bool(0.15),
                    metadata: Json(metadata),
                    created_at,
                    updated_at,
                    usage_count,
                    rating,
                }
            })
            .collect()
    }

    /// API keys of user `i`; `next_id` is the id of the first one. The key itself is drawn,
    /// hashed and forgotten: only its SHA-256 (hex) is kept.
    pub fn api_keys(&self, i: usize, next_id: i32) -> Vec<ApiKeyRow> {
        let p = &self.users[i];
        let mut r = rng(self.seed, i, Stream::ApiKey);
        (0..p.api_keys)
            .map(|j| {
                let key: [u8; 32] = r.gen();
                let key_hash = hex(&Sha256::digest(format!("pm_live_{}", hex(&key))));
                let created_at = between(&mut r, p.created_at, self.base);
                let last_used = r
                    .gen_bool(0.7)
                    .then(|| between(&mut r, created_at, self.base));
                let expires_at = r.gen_bool(0.5).then(|| created_at + Duration::days(365));
                ApiKeyRow {
                    id: next_id + j as i32,
                    user_id: self.user_id(i),
                    key_hash,
                    name: pick(&mut r, &API_KEY_NAMES),
                    is_active: r.gen_bool(0.85),
                    created_at,
                    last_used,
                    expires_at,
                }
            })
            .collect()
    }

    /// Logins of user `i`, ids from `next_id`: mostly from the user's own devices, addresses
    /// and city; failures with a reason, often from elsewhere.
    pub fn logins(&self, i: usize, next_id: i64) -> Vec<LoginRow> {
        let p = &self.users[i];
        let who = self.identity(i);
        let mut r = rng(self.seed, i, Stream::Login);
        let mut out: Vec<LoginRow> = (0..p.logins)
            .map(|_| {
                let login_time = between(&mut r, p.created_at.max(self.logins_from), self.base);
                let success = r.gen_bool(0.88);
                let usual = r.gen_bool(if success { 0.9 } else { 0.4 });
                let (ip_address, city, device) = if usual {
                    (
                        who.ips[r.gen_range(0..2)],
                        CITIES[who.city],
                        who.devices[r.gen_range(0..2)],
                    )
                } else {
                    (
                        public_ip(&mut r),
                        pick(&mut r, &CITIES),
                        r.gen_range(0..USER_AGENTS.len()),
                    )
                };
                let (user_agent, device_type) = USER_AGENTS[device];
                LoginRow {
                    id: 0,
                    user_id: self.user_id(i),
                    login_time,
                    ip_address,
                    user_agent,
                    success,
                    failure_reason: (!success).then(|| pick(&mut r, &FAILURE_REASONS)),
                    location: format!("{city}, France"),
                    device_type,
                }
            })
            .collect();
        // Ids in time order, as a live table would have them.
        out.sort_by_key(|l| l.login_time);
        for (k, l) in out.iter_mut().enumerate() {
            l.id = next_id + k as i64;
        }
        out
    }

    /// Analytics of user `i`'s e-mails, ids from `next_id`: each row points at one of the
    /// user's own e-mails, at or after its creation; the first action of an e-mail is its
    /// generation and a sent e-mail's last is `sent`, at `sent_at`.
    pub fn analytics(&self, i: usize, next_id: i64) -> Vec<AnalyticsRow> {
        let p = &self.users[i];
        let mut r = rng(self.seed, i, Stream::Analytics);
        let mut out = Vec::with_capacity(p.analytics as usize);
        for (j, s) in self.skeletons(i).into_iter().enumerate() {
            let email_id = self.ids.emails + (p.first_email + j as u64) as i32;
            let source = pick(&mut r, &["web", "extension", "mobile", "api"]);
            let session_id = hex(&r.gen::<[u8; 16]>());
            // Activity happens before sending, or within two weeks of a draft.
            let window_end = s
                .sent_at
                .unwrap_or(s.created_at + Duration::days(14))
                .min(self.base);
            for k in 0..s.analytics {
                let (action, action_time) = if k == 0 {
                    ("generated", s.created_at)
                } else if k + 1 == s.analytics && s.sent_at.is_some() {
                    ("sent", s.sent_at.unwrap_or(s.created_at))
                } else {
                    let mut a = pick(&mut r, &ACTIONS[1..]);
                    if a == "favorited" && !s.is_favorite {
                        a = "viewed";
                    }
                    (a, between(&mut r, s.created_at, window_end))
                };
                let duration_ms = r.gen_range(50..4000);
                out.push(AnalyticsRow {
                    id: next_id + out.len() as i64,
                    email_id,
                    user_id: self.user_id(i),
                    action,
                    action_time,
                    metadata: Json(format!(
                        r#"{{"source": "{source}", "duree_ms": {duration_ms}}}"#
                    )),
                    session_id: session_id.clone(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use chrono::NaiveDate;

    use super::*;

    fn sizes(users: u32) -> Sizes {
        Sizes::defaults(users)
    }

    fn base() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 3, 14)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    }

    fn all(
        plan: &Plan,
    ) -> (
        Vec<EmailRow>,
        Vec<TemplateRow>,
        Vec<LoginRow>,
        Vec<AnalyticsRow>,
    ) {
        let mut e = Vec::new();
        let mut t = Vec::new();
        let mut l = Vec::new();
        let mut a = Vec::new();
        for i in 0..plan.users.len() {
            e.extend(plan.emails(i));
            t.extend(plan.templates(i));
            l.extend(plan.logins(i, l.len() as i64 + 1));
            a.extend(plan.analytics(i, a.len() as i64 + 1));
        }
        (e, t, l, a)
    }

    #[test]
    fn same_seed_same_rows_other_seed_other_rows() {
        let a = Plan::new(7, base(), sizes(30), FirstIds::default());
        let b = Plan::new(7, base(), sizes(30), FirstIds::default());
        let c = Plan::new(8, base(), sizes(30), FirstIds::default());
        assert_eq!(a.counts, b.counts);
        assert_eq!(all(&a).0, all(&b).0);
        assert_eq!(all(&a).3, all(&b).3);
        assert_eq!(a.user(3), b.user(3));
        assert_ne!(all(&a).0, all(&c).0);
    }

    /// `--seed N` promises the same rows on every platform and build: ChaCha8 is specified to the
    /// bit (SmallRng is not). The digest of a small plan's rows is pinned: if it changes, so has
    /// what `--seed` gives, which the changelog must say.
    #[test]
    fn a_seed_gives_the_same_rows_everywhere() {
        use sha2::{Digest, Sha256};
        let plan = Plan::new(42, base(), sizes(5), FirstIds::default());
        let users: Vec<String> = (0..5).map(|u| format!("{:?}", plan.user(u))).collect();
        let rows = format!("{users:?}{:?}", all(&plan));
        let digest = format!("{:x}", Sha256::digest(rows.as_bytes()));
        assert_eq!(
            digest, "5cadb427e65aed1a98df567f78c5cd1aa55020b82df50cd29f62899d847f0e73",
            "rows of seed 42 changed"
        );
    }

    #[test]
    fn counts_match_rows_and_average_out() {
        let plan = Plan::new(1, base(), sizes(400), FirstIds::default());
        let (e, t, l, a) = all(&plan);
        assert_eq!(plan.counts.emails, e.len() as u64);
        assert_eq!(plan.counts.templates, t.len() as u64);
        assert_eq!(plan.counts.login_history, l.len() as u64);
        assert_eq!(plan.counts.email_analytics, a.len() as u64);
        let avg = e.len() as f64 / 400.0;
        assert!((avg - 20.0).abs() < 2.0, "average e-mails per user {avg}");
    }

    #[test]
    fn every_check_value_appears_with_few_rows() {
        let mut s = sizes(3);
        s.emails_per_user = 3.0;
        s.templates_per_user = 2.0;
        let plan = Plan::new(42, base(), s, FirstIds::default());
        let (e, t, _, _) = all(&plan);
        assert!(e.len() >= 6 && t.len() >= 5, "{} {}", e.len(), t.len());
        let types: HashSet<_> = e.iter().map(|e| e.email_type).collect();
        let tones: HashSet<_> = e.iter().filter_map(|e| e.tone).collect();
        let urgencies: HashSet<_> = e.iter().filter_map(|e| e.urgency).collect();
        let cats: HashSet<_> = t.iter().map(|t| t.category).collect();
        assert_eq!(types.len(), EMAIL_TYPES.len());
        assert_eq!(tones.len(), TONES.len());
        assert_eq!(urgencies.len(), URGENCIES.len());
        assert_eq!(cats.len(), CATEGORIES.len());
    }

    #[test]
    fn relations_and_times_are_consistent() {
        let ids = FirstIds {
            users: 101,
            emails: 5001,
            ..FirstIds::default()
        };
        let plan = Plan::new(3, base(), sizes(50), ids);
        let (e, t, l, a) = all(&plan);
        let owner: std::collections::HashMap<i32, &EmailRow> =
            e.iter().map(|e| (e.id, e)).collect();
        assert_eq!(owner.len(), e.len(), "e-mail ids are unique");
        assert_eq!(e.first().map(|e| e.id), Some(5001));
        for x in &a {
            let em = owner[&x.email_id];
            assert_eq!(em.user_id, x.user_id, "analytics of another user's e-mail");
            assert!(x.action_time >= em.created_at && x.action_time <= plan.base);
        }
        for em in &e {
            assert!(em.updated_at >= em.created_at && em.updated_at <= plan.base);
            assert_eq!(em.sent_at.is_some(), em.status == "sent");
            if let Some(s) = em.sent_at {
                assert!(s >= em.created_at && s <= plan.base);
            }
            assert!(em.content.len() > 200);
        }
        for tp in &t {
            assert!(tp.updated_at >= tp.created_at);
        }
        assert!(l
            .iter()
            .any(|x| x.login_time < plan.base - Duration::days(90)));
        assert!(l.iter().any(|x| !x.success && x.failure_reason.is_some()));
        assert!(l.iter().all(|x| x.success == x.failure_reason.is_none()));
        let users: HashSet<String> = (0..50).map(|i| plan.user(i).email).collect();
        assert_eq!(users.len(), 50, "user e-mails are unique");
        assert_eq!(plan.user(0).id, 101);
    }

    #[test]
    fn logs_begin_where_asked_and_the_counts_hold() {
        let from = |days| Some(base() - Duration::days(days));
        let logs = LogFrom {
            logins: from(90),
            analytics: from(30),
        };
        let plan = Plan::with_logs_from(5, base(), sizes(80), FirstIds::default(), logs);
        let everything = Plan::new(5, base(), sizes(80), FirstIds::default());
        let (e, _, l, a) = all(&plan);
        assert_eq!(l.len() as u64, plan.counts.login_history);
        assert_eq!(a.len() as u64, plan.counts.email_analytics);
        assert_eq!(plan.counts.login_history, everything.counts.login_history);
        assert!(plan.counts.email_analytics < everything.counts.email_analytics);
        assert!(l
            .iter()
            .all(|x| x.login_time >= base() - Duration::days(90)));
        assert!(a
            .iter()
            .all(|x| x.action_time >= base() - Duration::days(30)));
        assert!(!a.is_empty());
        // The other tables do not change.
        assert_eq!(e, all(&everything).0);
    }

    #[test]
    fn the_analytics_share_matches_the_generated_rows() {
        let logs = LogFrom {
            logins: None,
            analytics: Some(base() - Duration::days(30)),
        };
        let plan = Plan::with_logs_from(2, base(), sizes(2000), FirstIds::default(), logs);
        let span = (plan.base - plan.start).num_days() as f64;
        let share = analytics_share(span, 30.0);
        let expected = plan.sizes.rows_per_user(share)[6] * 2000.0;
        let got = plan.counts.email_analytics as f64;
        assert!((got / expected - 1.0).abs() < 0.05, "{got} vs {expected}");
        assert!((analytics_share(30.0, 90.0) - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn api_keys_are_sha256_hex() {
        let mut s = sizes(5);
        s.api_keys_per_user = 3.0;
        let plan = Plan::new(9, base(), s, FirstIds::default());
        let keys: Vec<_> = (0..5).flat_map(|i| plan.api_keys(i, 1)).collect();
        assert!(!keys.is_empty());
        for k in keys {
            assert_eq!(k.key_hash.len(), 64);
            assert!(k.key_hash.bytes().all(|b| b.is_ascii_hexdigit()));
        }
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Bâtiment Lefèvre & Fils"), "batiment-lefevre-fils");
        assert_eq!(slug("Atelier Roux SAS"), "atelier-roux-sas");
    }

    #[test]
    fn fractional_averages_hold() {
        let mut r = ChaCha8Rng::seed_from_u64(1);
        let n = 100_000;
        let sum: u64 = (0..n).map(|_| u64::from(count(&mut r, 0.5))).sum();
        let avg = sum as f64 / f64::from(n);
        assert!((avg - 0.5).abs() < 0.02, "{avg}");
        assert_eq!(count(&mut r, 0.0), 0);
    }
}
