//! What every command runs with: the resolved configuration, output, AWS clients (made on first
//! use) and database connections.

use crate::aws::Clients;
use crate::cli::Global;
use crate::config::{EnvName, Environment, FileConfig, Thresholds, no_environment_error};
use crate::db::{Db, Target};
use crate::error::{Error, Result, aws_err};
use crate::output::Output;
use crate::sandbox::state::{self, Dir, State};
use std::path::PathBuf;
use std::time::Duration;
use tokio::sync::OnceCell;

pub struct Context {
    pub out: Output,
    pub thresholds: Thresholds,
    pub config_path: Option<PathBuf>,
    pub sandbox_dir: Dir,
    pub operator: String,
    /// Where changes outside the database are journaled (see `db::audit::record_outside`).
    pub audit_journal: PathBuf,
    /// Logs Insights queries in flight share one limit, however many commands run them.
    pub insights: crate::insights::cloudwatch::Runner,
    env: Option<Environment>,
    sandbox: Option<State>,
    database_url: Option<String>,
    db_timeout: Duration,
    aws: OnceCell<Clients>,
}

impl Context {
    pub fn new(global: &Global) -> Result<Context> {
        let (file, config_path) = FileConfig::locate(global.config.as_deref())?;
        let sandbox_dir = Dir::new(
            global
                .sandbox_dir
                .clone()
                .unwrap_or_else(state::default_dir),
        );
        let mut ctx = Context {
            out: Output::new(global.output, global.no_color, global.quiet),
            thresholds: file.thresholds.clone(),
            config_path,
            sandbox_dir,
            operator: crate::db::audit::operator(),
            audit_journal: crate::db::audit::journal_path(),
            insights: crate::insights::cloudwatch::Runner::default(),
            env: None,
            sandbox: None,
            database_url: global.database_url.clone().filter(|u| !u.trim().is_empty()),
            db_timeout: global.db_timeout,
            aws: OnceCell::new(),
        };
        if let Some(name) = global.env {
            ctx.select(name, &file, global)?;
        }
        Ok(ctx)
    }

    fn select(&mut self, name: EnvName, file: &FileConfig, global: &Global) -> Result<()> {
        let mut env = Environment::resolve(
            name,
            file,
            global.region.as_deref(),
            global.profile.as_deref(),
            global.db_secret_id.as_deref(),
        )?;
        if name == EnvName::Sandbox {
            self.sandbox = self.sandbox_dir.read_state()?;
            if let Some(s) = &self.sandbox {
                env.endpoint_url = Some(s.aws_endpoint_url.clone());
                if global.region.is_none() {
                    env.region = s.region.clone();
                }
            }
        }
        self.env = Some(env);
        Ok(())
    }

    /// Selects the sandbox for commands that always work on it (`sandbox seed`, `demo`).
    pub fn use_sandbox(&mut self, global: &Global) -> Result<()> {
        if self.env.as_ref().is_some_and(|e| !e.is_sandbox()) {
            return Err(Error::usage("this command works on the sandbox only")
                .with_hint("drop --env, or pass --env sandbox"));
        }
        let (file, _) = FileConfig::locate(global.config.as_deref())?;
        self.select(EnvName::Sandbox, &file, global)
    }

    /// The selected environment, or exit 64 naming `--env` and `sandbox up`.
    pub fn env(&self) -> Result<&Environment> {
        self.env.as_ref().ok_or_else(no_environment_error)
    }

    fn sandbox_state(&self) -> Result<&State> {
        self.sandbox
            .as_ref()
            .ok_or_else(|| state::not_running(&self.sandbox_dir.root))
    }

    /// AWS clients for the environment, made on first use.
    pub async fn aws(&self) -> Result<&Clients> {
        let env = self.env()?;
        if env.is_sandbox() {
            self.sandbox_state()?;
        }
        self.aws
            .get_or_try_init(|| async {
                let sdk = crate::aws::sdk_config(env, &self.thresholds.retry).await;
                Ok(Clients::from_sdk_config(&sdk, env.endpoint_url.clone()))
            })
            .await
    }

    /// Where the database is: `--database-url`/`DATABASE_URL`, else the environment's Secrets
    /// Manager secret, else the sandbox's own database. In the sandbox only loopback is allowed,
    /// so a stray DATABASE_URL can never point sandbox seeding at a real database.
    pub async fn db_target(&self) -> Result<Target> {
        let env = self.env()?;
        let ca = env.db_ca_file.as_deref();
        let target = if let Some(url) = &self.database_url {
            Target::from_url(url, ca)?
        } else if let Some(secret_id) = &env.db_secret_id {
            let aws = self.aws().await?;
            let out = aws
                .secrets
                .get_secret_value()
                .secret_id(secret_id)
                .send()
                .await
                .map_err(aws_err(
                    "Secrets Manager",
                    "GetSecretValue",
                    format!("reading the database secret {secret_id}"),
                ))?;
            let json = out.secret_string().ok_or_else(|| {
                Error::usage(format!("the secret {secret_id} has no string value"))
            })?;
            Target::from_secret(secret_id, json, ca)?
        } else if env.is_sandbox() {
            Target::from_url(&self.sandbox_state()?.database_url, None)?
        } else {
            return Err(Error::usage(format!(
                "no database configured for the {} environment",
                env.name
            ))
            .with_hint(
                "set DATABASE_URL, pass --db-secret-id, or set db_secret_id in the config file",
            ));
        };
        if env.is_sandbox() && !target.is_loopback() {
            return Err(Error::usage(format!(
                "the sandbox environment only uses loopback databases, not {}",
                target.label()
            ))
            .with_hint("unset DATABASE_URL, or choose the environment that database belongs to"));
        }
        Ok(target)
    }

    /// A new connection to the environment's database.
    pub async fn db(&self) -> Result<Db> {
        self.db_target().await?.connect(self.db_timeout).await
    }

    pub fn db_timeout(&self) -> Duration {
        self.db_timeout
    }
}

#[cfg(test)]
impl Context {
    /// A context whose AWS calls go to the given clients (the SDK's mock interceptors).
    pub fn for_tests(env: EnvName, clients: Clients) -> Context {
        let file = FileConfig::default();
        let environment = Environment::resolve(env, &file, Some("us-east-1"), None, None)
            .expect("defaults resolve");
        let aws = OnceCell::new();
        aws.set(clients).expect("fresh cell");
        Context {
            out: Output::plain(crate::output::Format::Json),
            thresholds: Thresholds::default(),
            config_path: None,
            sandbox_dir: Dir::new(std::env::temp_dir().join("mandala-ops-test-sandbox")),
            operator: "test@localhost".into(),
            audit_journal: std::env::temp_dir().join(format!(
                "mandala-ops-test-audit-{}-{}.jsonl",
                std::process::id(),
                uuid::Uuid::new_v4()
            )),
            insights: crate::insights::cloudwatch::Runner::default(),
            env: Some(environment),
            sandbox: None,
            database_url: None,
            db_timeout: Duration::from_secs(5),
            aws,
        }
    }
}
