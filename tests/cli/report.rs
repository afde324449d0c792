//! `promail report`: the seed's reports, with numbers that must be exact (errata 6: the seed's
//! joins multiplied them).

use serde_json::Value;

use crate::support::{assert_error, stderr_of, stdout_of, TestDb};

/// Alice: 3 e-mails (1 favourite), 2 templates, 4 successful logins and 1 failed one (the
/// most recent). Bob: nothing.
fn alice_and_bob(test: &str) -> (TestDb, String, String) {
    let db = TestDb::migrated(test);
    db.sql(
        "INSERT INTO users (email, password_hash, first_name, last_name) VALUES
             ('alice@example.fr', 'x', 'Alice', 'Martin'),
             ('bob@example.fr', 'x', 'Bob', 'Durand');
         INSERT INTO emails (user_id, subject, content, email_type, is_favorite)
             SELECT u.id, 'Sujet ' || n, 'Contenu du message ' || n, 'relance', n = 1
             FROM users u, generate_series(1, 3) n WHERE u.email = 'alice@example.fr';
         INSERT INTO templates (user_id, name, content, category)
             SELECT u.id, 'Modèle ' || n, 'Bonjour {{prenom}}', 'rh'
             FROM users u, generate_series(1, 2) n WHERE u.email = 'alice@example.fr';
         INSERT INTO login_history (user_id, login_time, success)
             SELECT u.id, TIMESTAMP '2025-01-10 08:00' + n * INTERVAL '1 day', true
             FROM users u, generate_series(1, 4) n WHERE u.email = 'alice@example.fr';
         INSERT INTO login_history (user_id, login_time, success, failure_reason)
             SELECT u.id, TIMESTAMP '2025-02-01 08:00', false, 'mot de passe incorrect'
             FROM users u WHERE u.email = 'alice@example.fr';",
    );
    let alice = db.value("SELECT id FROM users WHERE email = 'alice@example.fr'");
    let bob = db.value("SELECT id FROM users WHERE email = 'bob@example.fr'");
    (db, alice, bob)
}

fn json(db: &TestDb, args: &[&str]) -> Value {
    let out = db
        .promail()
        .arg("report")
        .args(args)
        .args(["--format", "json"])
        // The application wrote its timestamps in the session's TimeZone: 08:00 in Paris in
        // January is 07:00 UTC, which JSON says with its zone.
        .env("PGTZ", "Europe/Paris")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", stderr_of(&out));
    serde_json::from_str(&stdout_of(&out)).unwrap()
}

fn row_of<'a>(rows: &'a Value, email: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["email"] == email)
        .unwrap_or_else(|| panic!("no row for {email} in {rows}"))
}

#[test]
fn counts_are_true_for_a_user_with_3_emails_2_templates_4_logins() {
    let (db, alice, bob) = alice_and_bob("report_truth");

    let stats = json(&db, &["user-stats"]);
    let a = row_of(&stats, "alice@example.fr");
    assert_eq!(a["total_emails"], 3);
    assert_eq!(a["favorite_emails"], 1);
    assert_eq!(a["total_templates"], 2);
    assert_eq!(a["last_login"], "2025-01-14T07:00:00Z");
    let b = row_of(&stats, "bob@example.fr");
    assert_eq!(b["total_emails"], 0);
    assert_eq!(b["favorite_emails"], 0);
    assert_eq!(b["total_templates"], 0);
    assert_eq!(b["last_login"], Value::Null);

    let activity = json(&db, &["activity"]);
    let a = row_of(&activity, "alice@example.fr");
    assert_eq!(a["emails_generated"], 3);
    assert_eq!(a["login_count"], 4, "the failed login is not counted");
    assert_eq!(a["last_activity"], "2025-01-14T07:00:00Z");
    let b = row_of(&activity, "bob@example.fr");
    assert_eq!(b["emails_generated"], 0);
    assert_eq!(b["login_count"], 0);

    for who in [alice.as_str(), "Alice@Example.FR"] {
        let u = json(&db, &["user", who]);
        assert_eq!(u.as_array().unwrap().len(), 1, "{u}");
        assert_eq!(u[0]["total_emails"], 3, "report user {who}");
        assert_eq!(u[0]["favorite_emails"], 1);
        assert_eq!(u[0]["total_templates"], 2);
        assert_eq!(u[0]["most_used_type"], "relance");
        assert_eq!(u[0]["last_activity"], "2025-01-14T07:00:00Z");
    }
    let u = json(&db, &["user", &bob]);
    assert_eq!(u[0]["total_emails"], 0);
    assert_eq!(u[0]["favorite_emails"], 0);
    assert_eq!(u[0]["total_templates"], 0);
    assert_eq!(u[0]["last_activity"], Value::Null);

    let types = json(&db, &["email-types"]);
    assert_eq!(types[0]["email_type"], "relance");
    assert_eq!(types[0]["total_generated"], 3);
    assert_eq!(types[0]["favorites"], 1);
}

#[test]
fn table_and_csv_show_the_same_rows() {
    let (db, _, _) = alice_and_bob("report_formats");
    let out = db
        .promail()
        .args(["report", "user-stats", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let csv = stdout_of(&out);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("id,email,first_name,last_name,total_emails,favorite_emails,total_templates,last_email_date,last_login")
    );
    assert!(lines.any(|l| l.contains("alice@example.fr,Alice,Martin,3,1,2,")));
    let out = db
        .promail()
        .args(["report", "user", "alice@example.fr"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = stdout_of(&out);
    assert!(
        table.contains("total_emails") && table.contains("relance"),
        "{table}"
    );
}

#[test]
fn unknown_user_by_id_or_email_is_a_one_line_error() {
    let (db, _, _) = alice_and_bob("report_unknown");
    for (who, needle) in [
        ("987654", "no user with id 987654"),
        (
            "nobody@example.fr",
            "no user with e-mail address nobody@example.fr",
        ),
    ] {
        let out = db.promail().args(["report", "user", who]).output().unwrap();
        let err = assert_error(&out, 1, needle);
        assert!(
            err.contains("hint: list users with `promail report user-stats`"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 2, "{err}");
        assert!(out.stdout.is_empty());
    }
    let out = db
        .promail()
        .args(["report", "user", "alice"])
        .output()
        .unwrap();
    assert_error(&out, 2, "neither a user id nor an e-mail address");
}

#[test]
fn empty_database_prints_headers_or_an_empty_array() {
    let db = TestDb::migrated("report_empty");
    let out = db
        .promail()
        .args(["report", "user-stats"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let table = stdout_of(&out);
    assert!(
        table.contains("total_emails") && table.contains("last_login"),
        "{table}"
    );
    for report in ["user-stats", "email-types", "activity"] {
        assert_eq!(json(&db, &[report]), serde_json::json!([]), "{report}");
    }
}

#[test]
fn reports_on_an_unmigrated_database_fail_in_one_line() {
    let db = TestDb::new("report_unmigrated");
    let out = db
        .promail()
        .args(["report", "user-stats"])
        .output()
        .unwrap();
    assert_error(&out, 1, "user_stats");
}

#[test]
fn addresses_that_differ_only_by_case_pick_the_exact_one_or_name_both() {
    let db = TestDb::migrated("report_case");
    db.sql(
        "INSERT INTO users (email, password_hash) VALUES
             ('Marie@Example.fr', 'x'), ('marie@example.fr', 'x');
         INSERT INTO emails (user_id, subject, content, email_type)
             SELECT id, 's', 'c', 'relance' FROM users WHERE email = 'Marie@Example.fr';",
    );
    let upper = db.value("SELECT id FROM users WHERE email = 'Marie@Example.fr'");
    let lower = db.value("SELECT id FROM users WHERE email = 'marie@example.fr'");
    assert_eq!(
        json(&db, &["user", "Marie@Example.fr"])[0]["total_emails"],
        1
    );
    assert_eq!(
        json(&db, &["user", "marie@example.fr"])[0]["total_emails"],
        0
    );
    let out = db
        .promail()
        .args(["report", "user", "MARIE@EXAMPLE.FR"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "matches 2 users that differ only by case");
    assert!(
        err.contains(&format!("id {upper} (Marie@Example.fr)"))
            && err.contains(&format!("id {lower} (marie@example.fr)")),
        "{err}"
    );
    assert!(err.contains("hint: "), "{err}");
}

#[test]
fn report_user_on_an_unmigrated_database_hints_at_migrate() {
    let db = TestDb::new("report_user_unmigrated");
    let out = db
        .promail()
        .args(["report", "user", "someone@example.fr"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "users");
    assert!(
        err.contains("hint: create the schema first with `promail db migrate`"),
        "{err}"
    );
}

#[test]
fn a_missing_object_in_a_migrated_database_gets_no_migrate_hint() {
    // The same SQLSTATE (42P01) with the schema in place: "run db migrate" would send the user
    // the wrong way.
    let db = TestDb::migrated("report_dropped_view");
    db.sql("DROP VIEW email_type_performance");
    let out = db
        .promail()
        .args(["report", "email-types"])
        .output()
        .unwrap();
    let err = assert_error(&out, 1, "email_type_performance");
    assert!(!err.contains("db migrate"), "{err}");
}

#[test]
fn email_types_averages_are_numbers_on_every_major() {
    // Before PostgreSQL 14, EXTRACT gives float8, which round(x, 2) does not take.
    let db = TestDb::migrated("report_email_types_major");
    db.sql(
        "INSERT INTO users (email, password_hash) VALUES ('a@example.fr', 'x');
         INSERT INTO emails (user_id, subject, email_type, content, created_at, updated_at)
         SELECT id, 'Objet', 'commercial', 'Bonjour', now() - interval '3 seconds', now()
         FROM users",
    );
    let v = json(&db, &["email-types"]);
    assert_eq!(v[0]["email_type"], "commercial");
    assert_eq!(v[0]["avg_length"], 7.0);
    assert_eq!(v[0]["avg_generation_time"], 3.0);
}
