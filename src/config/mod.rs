//! Environments, the config file and the resolved configuration of one run.
//!
//! Precedence, highest first: command-line flags, environment variables (`MANDALA_ENV`,
//! `DATABASE_URL`, ...), the config file (`--config`, else the per-user file), the seeds' defaults.
//! There is no default environment: a command that talks to AWS or the database without `--env`
//! fails with exit 64 rather than guess at a real account.

pub mod names;
pub mod show;
pub mod thresholds;

pub use names::{Component, Names};
pub use thresholds::Thresholds;

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The AWS region the guides deploy to (001 デプロイ手順 / 環境変数の設定: AWS_REGION=ap-northeast-1).
pub const DEFAULT_REGION: &str = "ap-northeast-1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum EnvName {
    Dev,
    Stg,
    Prod,
    /// The local sandbox (`mandala-ops sandbox up`): PostgreSQL and an AWS emulator on loopback.
    Sandbox,
}

impl EnvName {
    pub fn as_str(self) -> &'static str {
        match self {
            EnvName::Dev => "dev",
            EnvName::Stg => "stg",
            EnvName::Prod => "prod",
            EnvName::Sandbox => "sandbox",
        }
    }
}

impl std::fmt::Display for EnvName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The config file. Every section is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    #[serde(default)]
    pub environments: BTreeMap<String, EnvFile>,
    #[serde(default)]
    pub thresholds: Thresholds,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnvFile {
    pub region: Option<String>,
    pub profile: Option<String>,
    /// Secrets Manager secret holding the database credentials (RDS secret JSON).
    pub db_secret_id: Option<String>,
    /// PEM file with the CA certificates the database's TLS certificate chains to (for Aurora,
    /// the RDS global bundle).
    pub db_ca_file: Option<PathBuf>,
    /// Component id → resource name (see `mandala-ops config show`).
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    /// Alarm name prefixes that belong to this environment.
    pub alarm_prefixes: Option<Vec<String>>,
    /// The S3 bucket the log groups are exported to.
    pub archive: Option<Archive>,
}

/// Where the logs are kept after CloudWatch's 30 days: exported to S3 for 90
/// (000 ログの保持期間: 長期保存: S3にエクスポート（90日間）).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    pub bucket: String,
    /// Key prefix of the exports, without a trailing slash.
    #[serde(default = "Archive::default_prefix")]
    pub prefix: String,
    /// The Athena database the archive's table is in (`logs athena-setup` creates both).
    #[serde(default = "Archive::default_database")]
    pub database: String,
    /// The Athena workgroup queries run in.
    #[serde(default = "Archive::default_workgroup")]
    pub workgroup: String,
    /// Where Athena writes results (`s3://…/`), when the workgroup does not say.
    #[serde(default)]
    pub output: Option<String>,
}

impl Archive {
    fn default_prefix() -> String {
        "logs".into()
    }

    fn default_database() -> String {
        "mandala_ops".into()
    }

    fn default_workgroup() -> String {
        "primary".into()
    }

    /// The sandbox's own bucket, which `sandbox seed` creates.
    fn sandbox() -> Archive {
        Archive {
            bucket: "goal-mandala-sandbox-log-archive".into(),
            prefix: Archive::default_prefix(),
            database: Archive::default_database(),
            workgroup: Archive::default_workgroup(),
            output: Some("s3://goal-mandala-sandbox-log-archive/athena-results/".into()),
        }
    }

    /// The Athena table over the environment's archive.
    pub fn table(&self, env: &str) -> String {
        format!("logs_{env}")
    }

    /// `s3://bucket/prefix/env/`: where the environment's days are.
    pub fn location(&self, env: &str) -> String {
        format!(
            "s3://{}/{}/{env}/",
            self.bucket,
            self.prefix.trim_matches('/')
        )
    }

    /// The key prefix of one component in the archive: `logs/prod/task-generation`.
    pub fn component_prefix(&self, env: &str, component: Component) -> String {
        format!("{}/{env}/{}", self.prefix.trim_matches('/'), component.id())
    }

    /// The key prefix of one component's day in the archive, the layout a table over it
    /// partitions on: `logs/prod/task-generation/dt=2026-12-01`.
    pub fn day_prefix(&self, env: &str, component: Component, day: jiff::civil::Date) -> String {
        format!("{}/dt={day}", self.component_prefix(env, component))
    }

    /// Where a key sits in that layout, read back: the folder before its `dt=` folder (the
    /// component) and the day.
    pub fn place(key: &str) -> Option<(&str, jiff::civil::Date)> {
        let parts: Vec<&str> = key.split('/').collect();
        let at = parts.iter().position(|p| p.starts_with("dt="))?;
        let day = parts[at].trim_start_matches("dt=").parse().ok()?;
        Some((parts.get(at.checked_sub(1)?)?, day))
    }

    fn validate(&self, env: &str) -> Result<()> {
        let b = &self.bucket;
        if !is_bucket_name(b) {
            return Err(Error::usage(format!(
                "environments.{env}.archive.bucket in the config file: `{b}` is not an S3 bucket name"
            ))
            .with_hint("3-63 lowercase letters, digits, dots and hyphens"));
        }
        // The names go into SQL and DDL: only what Athena allows, nothing to quote.
        let key = |k: &str| format!("environments.{env}.archive.{k} in the config file");
        let plain = |v: &str, extra: &[char]| {
            !v.is_empty()
                && v.len() <= 128
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || extra.contains(&c))
        };
        if !plain(&self.database, &[]) || self.database != self.database.to_ascii_lowercase() {
            return Err(Error::usage(format!(
                "{}: `{}` is not an Athena database name (lowercase letters, digits, _)",
                key("database"),
                self.database
            )));
        }
        if !plain(&self.workgroup, &['.', '-']) {
            return Err(Error::usage(format!(
                "{}: `{}` is not an Athena workgroup name",
                key("workgroup"),
                self.workgroup
            )));
        }
        if !plain(&self.prefix.replace('/', "_"), &['.', '-']) {
            return Err(Error::usage(format!(
                "{}: `{}` has characters a key prefix here may not (letters, digits, / . - _)",
                key("prefix"),
                self.prefix
            )));
        }
        if let Some(o) = &self.output
            && !(o.starts_with("s3://") && o.ends_with('/') && !o.contains('\''))
        {
            return Err(Error::usage(format!(
                "{}: `{o}` is not an s3://bucket/prefix/ location",
                key("output")
            )));
        }
        Ok(())
    }
}

/// A bucket name S3 accepts: 3-63 lowercase letters, digits, dots and hyphens, starting and
/// ending with a letter or digit.
pub fn is_bucket_name(b: &str) -> bool {
    (3..=63).contains(&b.len())
        && b.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'.' || c == b'-')
        && b.starts_with(|c: char| c.is_ascii_alphanumeric())
        && b.ends_with(|c: char| c.is_ascii_alphanumeric())
}

/// Alarm prefixes of an environment: seed 001's `goal-mandala-${ENVIRONMENT}-ai-processor-*`
/// (001 アラーム状態の確認), seed 003's four alarms (003 CloudWatchアラーム設定), and the
/// `AsyncProcessing-` alarms for seed 002's alerts (002 アラート一覧).
fn default_alarm_prefixes(env: &str) -> Vec<String> {
    vec![
        format!("goal-mandala-{env}-"),
        "ProfileAPI-".into(),
        "ProfileLambda-".into(),
        "ProfileDB-".into(),
        "AsyncProcessing-".into(),
    ]
}

/// Everything one run knows about the selected environment.
#[derive(Debug, Clone, Serialize)]
pub struct Environment {
    pub name: EnvName,
    pub region: String,
    /// `--region` named the region (the sandbox otherwise uses its own).
    #[serde(skip)]
    pub region_given: bool,
    pub profile: Option<String>,
    /// Set for the sandbox: every AWS call goes to the emulator.
    pub endpoint_url: Option<String>,
    pub names: Names,
    pub alarm_prefixes: Vec<String>,
    pub db_secret_id: Option<String>,
    pub db_ca_file: Option<PathBuf>,
    pub archive: Option<Archive>,
    /// The Bedrock model the functions call (`[thresholds.bedrock] model_id`).
    pub bedrock_model: String,
}

impl Environment {
    /// The environment `name` from the flags, `AWS_REGION` (`region_var`) and the config file.
    pub fn resolve(
        name: EnvName,
        file: &FileConfig,
        region_flag: Option<&str>,
        region_var: Option<&str>,
        profile_flag: Option<&str>,
        secret_flag: Option<&str>,
    ) -> Result<Environment> {
        let env_file = file
            .environments
            .get(name.as_str())
            .cloned()
            .unwrap_or_default();
        let region = region_flag
            .map(str::to_string)
            .or(env_file.region.clone())
            .or_else(|| region_var.filter(|r| !r.is_empty()).map(str::to_string))
            .unwrap_or_else(|| DEFAULT_REGION.to_string());
        Ok(Environment {
            name,
            region,
            region_given: region_flag.is_some(),
            profile: profile_flag
                .map(str::to_string)
                .or(env_file.profile.clone()),
            endpoint_url: None,
            names: Names::resolve(name.as_str(), &env_file.names)?,
            alarm_prefixes: env_file
                .alarm_prefixes
                .clone()
                .unwrap_or_else(|| default_alarm_prefixes(name.as_str())),
            db_secret_id: secret_flag
                .map(str::to_string)
                .or(env_file.db_secret_id.clone()),
            db_ca_file: env_file.db_ca_file.clone(),
            archive: match env_file.archive {
                Some(a) => {
                    a.validate(name.as_str())?;
                    Some(Archive {
                        prefix: a.prefix.trim_matches('/').to_string(),
                        ..a
                    })
                }
                None if name == EnvName::Sandbox => Some(Archive::sandbox()),
                None => None,
            },
            bedrock_model: file.thresholds.bedrock.model_id.clone(),
        })
    }

    pub fn is_sandbox(&self) -> bool {
        self.name == EnvName::Sandbox
    }

    /// Does this alarm belong to the environment?
    pub fn owns_alarm(&self, alarm: &str) -> bool {
        self.alarm_prefixes
            .iter()
            .any(|p| alarm.starts_with(p.as_str()))
    }
}

#[cfg(test)]
impl Environment {
    /// `name` with the guides' defaults, as unit tests use it.
    pub fn defaults(name: EnvName) -> Environment {
        Environment::resolve(
            name,
            &FileConfig::default(),
            Some("us-east-1"),
            None,
            None,
            None,
        )
        .expect("the defaults resolve")
    }
}

pub fn no_environment_error() -> Error {
    Error::usage("no environment selected").with_hint(
        "pass --env dev|stg|prod|sandbox (or set MANDALA_ENV); to try mandala-ops without an AWS \
             account, run `mandala-ops sandbox up` and use --env sandbox",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key is placed back where `day_prefix` put it, whatever the prefix holds.
    #[test]
    fn archive_keys_read_back_to_their_component_and_day() {
        let archive = Archive {
            prefix: "/logs/x/".into(),
            ..Archive::sandbox()
        };
        let day: jiff::civil::Date = "2026-12-01".parse().unwrap();
        let key = format!(
            "{}/abc/000000.gz",
            archive.day_prefix("prod", Component::TaskGeneration, day)
        );
        assert_eq!(
            key,
            "logs/x/prod/task-generation/dt=2026-12-01/abc/000000.gz"
        );
        assert_eq!(Archive::place(&key), Some(("task-generation", day)));
        assert_eq!(Archive::place("dt=2026-12-01/a.gz"), None);
        assert_eq!(Archive::place("logs/prod/c/dt=someday/a.gz"), None);
    }

    #[test]
    fn environment_defaults() {
        let env = Environment::resolve(
            EnvName::Prod,
            &FileConfig::default(),
            Some("us-east-1"),
            None,
            None,
            None,
        )
        .unwrap();
        assert_eq!(env.region, "us-east-1");
        assert_eq!(
            env.names.get(Component::AiProcessor),
            "goal-mandala-prod-ai-processor"
        );
        assert!(env.owns_alarm("goal-mandala-prod-ai-processor-error-rate"));
        assert!(env.owns_alarm("ProfileAPI-HighLatency"));
        assert!(!env.owns_alarm("goal-mandala-dev-ai-processor-error-rate"));
    }

    #[test]
    fn file_overrides_apply_per_environment() {
        let file: FileConfig = toml::from_str(
            r#"
            [environments.stg]
            region = "eu-west-1"
            db_secret_id = "stg/db"
            [environments.stg.names]
            "ai-generation-worker" = "stg-worker"
            [thresholds.api]
            server_error_pct = 3.0
            "#,
        )
        .unwrap();
        let env = Environment::resolve(EnvName::Stg, &file, None, None, None, None).unwrap();
        assert_eq!(env.region, "eu-west-1");
        assert_eq!(env.db_secret_id.as_deref(), Some("stg/db"));
        assert_eq!(env.names.get(Component::AiGenerationWorker), "stg-worker");
        assert_eq!(file.thresholds.api.server_error_pct, 3.0);
        assert_eq!(file.thresholds.api.client_error_pct, 10.0);
    }

    #[test]
    fn missing_environment_names_the_way_out() {
        let err = no_environment_error();
        let hint = err.hint().unwrap();
        assert!(hint.contains("--env") && hint.contains("sandbox up"));
    }
}
