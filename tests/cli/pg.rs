//! Server errors as promail converts them: the SQLSTATE stays readable through `.pg()`, hints
//! and context, so retries and hints further up work on every path.

use anyhow::Context;
use promail::pg::{self, PgExt};

use crate::support::{block_on, TestDb};

#[test]
fn sqlstate_survives_pg_hint_and_context() {
    let db = TestDb::new("pg_sqlstate");
    block_on(async {
        let s = db.connect().await;
        // The server's hint (42P01 has none; RAISE with HINT has one) must not hide the code.
        let err = s
            .batch_execute(
                "DO $$ BEGIN RAISE EXCEPTION 'busy' USING ERRCODE = '55P03', HINT = 'wait'; END $$",
            )
            .await
            .pg()
            .context("locking the tables")
            .unwrap_err();
        assert_eq!(pg::sqlstate(&err).as_deref(), Some("55P03"), "{err:#}");
        assert_eq!(promail::error::hint_of(&err), Some("wait"));
        let err = s
            .query("SELECT * FROM no_such_table", &[])
            .await
            .pg()
            .context("reading")
            .unwrap_err();
        assert_eq!(pg::sqlstate(&err).as_deref(), Some("42P01"), "{err:#}");
    });
}
