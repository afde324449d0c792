//! Advisory locks: polled with a bounded wait, the holder named on timeout.

use std::time::Duration;

use promail::lock::{acquire, acquire_or_fail, Acquired, Key};

use crate::support::{block_on, TestDb};

#[test]
fn second_session_waits_then_names_the_holder() {
    let db = TestDb::new("lock_busy");
    block_on(async {
        let a = db.connect().await;
        let b = db.connect().await;
        assert!(matches!(
            acquire(&a, Key::Migrate, Duration::ZERO).await.unwrap(),
            Acquired::Yes { .. }
        ));
        let pid_a: i32 = a
            .query_one("SELECT pg_backend_pid()", &[])
            .await
            .unwrap()
            .get(0);
        match acquire(&b, Key::Migrate, Duration::from_millis(300))
            .await
            .unwrap()
        {
            Acquired::Busy { holder_pid, .. } => assert_eq!(holder_pid, Some(pid_a)),
            other @ Acquired::Yes { .. } => panic!("expected busy, got {other:?}"),
        }
        let err = acquire_or_fail(&b, Key::Migrate, Duration::from_millis(100))
            .await
            .unwrap_err();
        assert!(
            format!("{err:#}").contains(&format!("backend pid {pid_a}")),
            "{err:#}"
        );
        // Another key is independent; releasing lets the second session in.
        assert!(matches!(
            acquire(&b, Key::Partitions, Duration::ZERO).await.unwrap(),
            Acquired::Yes { .. }
        ));
        promail::lock::release(&a, Key::Migrate).await.unwrap();
        assert!(matches!(
            acquire(&b, Key::Migrate, Duration::from_secs(2))
                .await
                .unwrap(),
            Acquired::Yes { .. }
        ));
    });
}
