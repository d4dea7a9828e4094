//! The command contract: help, exit statuses, environments, secrets.

use crate::support::{TestEnv, bare_cmd};
use libtest_mimic::Failed;

tests![
    help_lists_commands_and_exit_statuses,
    usage_errors_exit_64,
    sandbox_only_commands_refuse_other_environments,
    sandbox_refuses_non_loopback_databases,
    bad_config_file_is_usage_error,
    man_page_renders,
];

fn help_lists_commands_and_exit_statuses() -> Result<(), Failed> {
    let out = bare_cmd().arg("--help").output()?;
    let text = String::from_utf8(out.stdout)?;
    assert!(out.status.success());
    for word in [
        "sandbox",
        "demo",
        "completions",
        "Exit status",
        "64",
        "69",
        "70",
        "75",
        "--env",
    ] {
        assert!(text.contains(word), "--help lacks {word}:\n{text}");
    }
    Ok(())
}

fn usage_errors_exit_64() -> Result<(), Failed> {
    for args in [
        vec!["--no-such-flag"],
        vec!["--env", "production", "config", "show"],
        vec!["--db-timeout", "soon", "config", "show"],
        vec!["sandbox", "seed", "--scenario", "chaos"],
        vec!["audit", "--journal", "--since", "soon"],
        vec!["audit", "--journal", "--limit", "0"],
        vec!["audit", "--journal", "--since", "999999999y"],
    ] {
        let out = bare_cmd().args(&args).output()?;
        assert_eq!(
            out.status.code(),
            Some(64),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(())
}

fn sandbox_only_commands_refuse_other_environments() -> Result<(), Failed> {
    let out = bare_cmd()
        .args(["--env", "prod", "sandbox", "seed"])
        .output()?;
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sandbox only"));
    Ok(())
}

fn sandbox_refuses_non_loopback_databases() -> Result<(), Failed> {
    let env = TestEnv::new("nonloopback");
    let run = env
        .cmd()
        .env(
            "DATABASE_URL",
            "postgres://ops:hunter2hunter2@db.example.com:5432/ops",
        )
        .args(["sandbox", "seed"])
        .output()?;
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(64), "{stderr}");
    assert!(stderr.contains("loopback"), "{stderr}");
    assert!(!stderr.contains("hunter2hunter2"));
    Ok(())
}

fn bad_config_file_is_usage_error() -> Result<(), Failed> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "[thresholds.lambda]\nerror_rate = 3\n")?;
    let out = bare_cmd()
        .arg("--config")
        .arg(&path)
        .args(["config", "show"])
        .output()?;
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid"));
    Ok(())
}

fn man_page_renders() -> Result<(), Failed> {
    let out = bare_cmd().arg("man").output()?;
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)?.contains(".TH mandala-ops"));
    Ok(())
}
