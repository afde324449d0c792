//! The committed man pages (`man/`, one per command, from the clap tree with clap_mangen) are
//! the ones the binary's command tree gives. `PROMAIL_BLESS=1 cargo nextest run man_pages`
//! writes them anew.

use std::collections::BTreeMap;
use std::path::Path;

use clap::CommandFactory;

fn pages_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "1"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn committed_man_pages_are_up_to_date() {
    let fresh = tempfile::tempdir().unwrap();
    clap_mangen::generate_to(promail::cli::Cli::command(), fresh.path()).unwrap();
    let generated = pages_in(fresh.path());
    assert!(
        generated.contains_key("promail.1"),
        "{:?}",
        generated.keys()
    );
    assert!(generated.contains_key("promail-partitions-rotate.1"));

    let man = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    if std::env::var_os("PROMAIL_BLESS").is_some() {
        if man.exists() {
            std::fs::remove_dir_all(&man).unwrap();
        }
        std::fs::create_dir_all(&man).unwrap();
        for (name, text) in &generated {
            std::fs::write(man.join(name), text).unwrap();
        }
        return;
    }
    let committed = pages_in(&man);
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&committed),
        names(&generated),
        "man/ lists other pages than the commands: run `PROMAIL_BLESS=1 cargo nextest run man_pages` and commit man/"
    );
    for (name, text) in &generated {
        assert!(
            committed[name] == *text,
            "man/{name} is out of date: run `PROMAIL_BLESS=1 cargo nextest run man_pages` and commit man/"
        );
    }
}
