//! The committed completion scripts are the ones the binary generates.

use crate::support::promail;

#[test]
fn committed_completions_are_up_to_date() {
    for (shell, file) in [
        ("bash", "promail.bash"),
        ("zsh", "_promail"),
        ("fish", "promail.fish"),
        ("powershell", "_promail.ps1"),
        ("elvish", "promail.elv"),
    ] {
        let out = promail().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("completions")
            .join(file);
        let committed = std::fs::read(&path).unwrap_or_default();
        if std::env::var_os("PROMAIL_BLESS").is_some() {
            std::fs::write(&path, &out.stdout).unwrap();
            continue;
        }
        assert!(
            committed == out.stdout,
            "{} is out of date: run `PROMAIL_BLESS=1 cargo nextest run completions` and commit it",
            path.display()
        );
    }
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let out = promail().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_commands_help_puts_the_global_options_under_their_own_heading() {
    let out = promail()
        .args(["partitions", "rotate", "--help"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    let (own, global) = help
        .split_once("\nGlobal options:\n")
        .unwrap_or_else(|| panic!("no Global options heading: {help}"));
    assert!(
        own.contains("--lock-timeout") && !own.contains("--database-url"),
        "{help}"
    );
    for g in [
        "--database-url",
        "--local",
        "--password",
        "--color",
        "--quiet",
        "--verbose",
    ] {
        assert!(global.contains(g), "{g} not under Global options: {help}");
    }
    assert!(!global.contains("--lock-timeout"), "{help}");
}
