//! What every command runs with: the settings the settings layer resolved ([`Setup`]), the
//! printer, AWS clients (made on first use) and database connections.

use crate::activity::Activity;
use crate::aws::Clients;
use crate::config::show::{ConfigReport, Paths};
use crate::config::{Environment, Thresholds, no_environment_error};
use crate::db::{Db, Target};
use crate::error::{Error, Result, aws_err};
use crate::output::Output;
use crate::state::StateDir;
use crate::state::sandbox::{self as state, Dir, State};
use std::path::PathBuf;
use std::time::Duration;
use tokio::sync::OnceCell;

/// One run's resolved settings: arguments, environment variables and the config file already
/// combined and checked by `settings`. Nothing below reads the process environment.
#[derive(Debug, Clone)]
pub struct Setup {
    pub out: Output,
    /// The environment `--env` selected (its sandbox endpoint is added when the context is made).
    pub env: Option<Environment>,
    /// The sandbox environment, for the commands that always work on it (`sandbox seed`, `demo`).
    pub sandbox_env: Environment,
    pub thresholds: Thresholds,
    pub config_path: Option<PathBuf>,
    pub state: StateDir,
    pub sandbox_dir: Dir,
    /// Where changes outside the database are journaled (see `audit::record_outside`).
    pub audit_journal: PathBuf,
    /// An edited copy of the query library (`MANDALA_QUERIES_DIR`), else the shipped one.
    pub queries_dir: Option<PathBuf>,
    /// An edited copy of the runbooks (`MANDALA_RUNBOOKS_DIR`), else the shipped ones.
    pub runbooks_dir: Option<PathBuf>,
    /// Who is running this: `MANDALA_OPERATOR`, else `user@host`.
    pub operator: String,
    pub database_url: Option<String>,
    pub db_timeout: Duration,
    /// AWS credentials are given in the environment: the sandbox uses them instead of its own.
    pub aws_credentials_given: bool,
    /// `--timeout`: how long the command (each step, in a runbook) may take in all; else each
    /// command's own default.
    pub timeout: Option<Duration>,
}

pub struct Context {
    pub out: Output,
    pub thresholds: Thresholds,
    pub config_path: Option<PathBuf>,
    pub state: StateDir,
    pub sandbox_dir: Dir,
    pub operator: String,
    pub audit_journal: PathBuf,
    pub queries_dir: Option<PathBuf>,
    pub runbooks_dir: Option<PathBuf>,
    /// Logs Insights queries in flight share one limit, however many commands run them.
    pub insights: crate::aws::insights::Runner,
    /// What the command waits on (AWS calls in flight, open database connections).
    pub activity: Activity,
    /// `--timeout`, when given.
    pub timeout: Option<Duration>,
    env: Option<Environment>,
    sandbox_env: Environment,
    sandbox: Option<State>,
    database_url: Option<String>,
    db_timeout: Duration,
    aws_credentials_given: bool,
    aws: OnceCell<Clients>,
    /// The settings this context was made from, for [`Context::for_env`].
    base: Setup,
    /// A database that did not answer is not waited on again for as long as one wait lasts (an
    /// emergency stop must not wait twice for a database that is down; `--watch` tries anew).
    db_down: std::sync::Mutex<Option<(Error, std::time::Instant)>>,
}

impl Context {
    pub fn new(setup: Setup) -> Result<Context> {
        let base = Setup {
            env: None,
            ..setup.clone()
        };
        let mut ctx = Context {
            base,
            out: setup.out,
            thresholds: setup.thresholds,
            config_path: setup.config_path,
            state: setup.state,
            sandbox_dir: setup.sandbox_dir,
            operator: setup.operator,
            audit_journal: setup.audit_journal,
            queries_dir: setup.queries_dir,
            runbooks_dir: setup.runbooks_dir,
            insights: crate::aws::insights::Runner::default(),
            activity: Activity::default(),
            timeout: setup.timeout,
            env: None,
            sandbox_env: setup.sandbox_env,
            sandbox: None,
            database_url: setup.database_url,
            db_timeout: setup.db_timeout,
            aws_credentials_given: setup.aws_credentials_given,
            aws: OnceCell::new(),
            db_down: std::sync::Mutex::new(None),
        };
        if let Some(env) = setup.env {
            ctx.select(env)?;
        }
        Ok(ctx)
    }

    fn select(&mut self, mut env: Environment) -> Result<()> {
        if env.is_sandbox() {
            self.sandbox = self.sandbox_dir.read_state()?;
            if let Some(s) = &self.sandbox {
                env.endpoint_url = Some(s.aws_endpoint_url.clone());
                if !env.region_given {
                    env.region = s.region.clone();
                }
            }
        }
        self.env = Some(env);
        self.aws = OnceCell::new();
        Ok(())
    }

    /// The same settings on another environment (one of a fleet run), with clients of its own.
    /// What it waits on is registered with this context's activity, so a deadline names it.
    pub fn for_env(&self, env: Environment) -> Result<Context> {
        let mut ctx = Context::new(Setup {
            env: Some(env),
            ..self.base.clone()
        })?;
        ctx.activity = self.activity.clone();
        Ok(ctx)
    }

    /// Selects the sandbox for commands that always work on it (`sandbox seed`, `demo`),
    /// reading its state again (`demo` starts it first).
    pub fn use_sandbox(&mut self) -> Result<()> {
        if self.env.as_ref().is_some_and(|e| !e.is_sandbox()) {
            return Err(Error::usage("this command works on the sandbox only")
                .with_hint("drop --env, or pass --env sandbox"));
        }
        self.select(self.sandbox_env.clone())
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
                let sdk = self.sdk_config().await?;
                Ok(Clients::from_sdk_config(
                    &sdk,
                    env.endpoint_url.clone(),
                    &self.activity,
                ))
            })
            .await
    }

    /// The AWS SDK's configuration for the environment, for clients made apart from
    /// [`Context::aws`] (Bedrock, in its own region).
    pub async fn sdk_config(&self) -> Result<aws_config::SdkConfig> {
        let env = self.env()?;
        let sandbox_credentials = env.endpoint_url.is_some() && !self.aws_credentials_given;
        Ok(crate::aws::sdk_config(env, &self.thresholds.retry, sandbox_credentials).await)
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

    /// Finding the database needs AWS (its Secrets Manager secret), not just the settings.
    pub fn db_target_needs_aws(&self) -> bool {
        self.database_url.is_none() && self.env.as_ref().is_some_and(|e| e.db_secret_id.is_some())
    }

    /// A new connection to the environment's database.
    pub async fn db(&self) -> Result<Db> {
        self.connect(&self.db_target().await?).await
    }

    /// A new connection to `target` (see [`Context::db_target`]).
    pub async fn connect(&self, target: &Target) -> Result<Db> {
        let down = || self.db_down.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((e, at)) = down().clone()
            && at.elapsed() < self.db_timeout
        {
            return Err(e);
        }
        let result = target.connect(self.db_timeout, &self.activity).await;
        if let Err(e @ Error::Unavailable { .. }) = &result {
            *down() = Some((e.clone(), std::time::Instant::now()));
        }
        result
    }

    pub fn db_timeout(&self) -> Duration {
        self.db_timeout
    }

    /// `config show`: what this run resolved.
    pub fn config_report(&self) -> ConfigReport {
        let env = self.env.as_ref();
        let shown = |p: &std::path::Path| p.display().to_string();
        let ca = env.and_then(|e| e.db_ca_file.as_deref());
        ConfigReport {
            config_file: self.config_path.as_deref().map(shown),
            environment: env.cloned(),
            paths: Paths {
                state_dir: shown(&self.state.root),
                sandbox_dir: shown(&self.sandbox_dir.root),
                audit_journal: shown(&self.audit_journal),
                queries_dir: self.queries_dir.as_deref().map(shown),
                runbooks_dir: self.runbooks_dir.as_deref().map(shown),
            },
            operator: self.operator.clone(),
            // Without its password: the label is all a person needs to recognise it.
            database: self
                .database_url
                .as_deref()
                .map(|u| match Target::from_url(u, ca) {
                    Ok(t) => t.label().to_string(),
                    Err(_) => "(not a valid URL)".into(),
                }),
            db_timeout: crate::time::format_duration(self.db_timeout),
            components: crate::config::show::components(env),
            thresholds: self.thresholds.clone(),
        }
    }
}

#[cfg(test)]
impl Context {
    /// A context whose AWS calls go to the given clients (the SDK's mock interceptors).
    pub fn for_tests(env: crate::config::EnvName, clients: Clients) -> Context {
        let resolve = Environment::defaults;
        let state = StateDir::new(std::env::temp_dir().join(format!(
            "mandala-ops-test-state-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4()
        )));
        let mut ctx = Context::new(Setup {
            out: Output::plain(crate::output::Format::Json),
            env: None,
            sandbox_env: resolve(crate::config::EnvName::Sandbox),
            thresholds: Thresholds::default(),
            config_path: None,
            sandbox_dir: Dir::new(state.sandbox(), None, Default::default()),
            audit_journal: state.journal(),
            state,
            queries_dir: None,
            runbooks_dir: None,
            operator: "test@localhost".into(),
            database_url: None,
            db_timeout: Duration::from_secs(5),
            aws_credentials_given: false,
            timeout: None,
        })
        .expect("a context without an environment");
        // Set directly: the clients are given, and a sandbox's state is not read.
        ctx.env = Some(resolve(env));
        ctx.aws.set(clients).expect("fresh cell");
        ctx
    }
}
