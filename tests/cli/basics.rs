//! The command contract: environments, secrets, the man page (help and exit 64 are
//! snapshotted in `docs`).

use crate::support::{TestEnv, bare_cmd};
use libtest_mimic::Failed;

tests![
    sandbox_only_commands_refuse_other_environments,
    sandbox_refuses_non_loopback_databases,
    bad_config_file_is_usage_error,
    man_page_renders,
];

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
