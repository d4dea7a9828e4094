//! PostgreSQL connections: from a URL or a Secrets Manager secret, TLS required for any host that
//! is not loopback, a timeout on connecting and on every statement, and never a password in any
//! message (connections are described by [`Target::label`], which has none).

pub mod lock;

use crate::activity::Activity;
use crate::error::{Error, Result, db_err};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::config::{Host, SslMode};

/// Seconds a statement may run before the server cancels it. Mutating commands work in short
/// batches, so this is generous for them and a guard for diagnostic queries on a sick database.
const STATEMENT_TIMEOUT_MS: u64 = 30_000;

/// Where to connect, and how.
#[derive(Clone)]
pub struct Target {
    pg: tokio_postgres::Config,
    tls: bool,
    ca_file: Option<PathBuf>,
    label: String,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Target")
            .field("label", &self.label)
            .field("tls", &self.tls)
            .finish()
    }
}

impl Target {
    /// From a `postgres://` URL or a `key=value` string. `sslrootcert` (which tokio-postgres does
    /// not read) is taken out and used as the CA file.
    pub fn from_url(url: &str, ca_file: Option<&Path>) -> Result<Target> {
        let (url, rootcert) = take_sslrootcert(url);
        let pg: tokio_postgres::Config = url.parse().map_err(|e: tokio_postgres::Error| {
            Error::usage(format!("the database URL is not valid: {e}"))
                .with_hint("expected postgres://USER:PASSWORD@HOST:PORT/DBNAME")
        })?;
        let ca = ca_file
            .map(Path::to_path_buf)
            .or(rootcert.map(PathBuf::from));
        Target::new(pg, ca)
    }

    /// From the JSON of an RDS database secret (`username`, `password`, `host`, `port`, `dbname`).
    pub fn from_secret(secret_id: &str, json: &str, ca_file: Option<&Path>) -> Result<Target> {
        #[derive(serde::Deserialize)]
        struct RdsSecret {
            username: String,
            password: String,
            host: String,
            port: Option<serde_json::Value>,
            dbname: Option<String>,
        }
        let s: RdsSecret = serde_json::from_str(json).map_err(|e| {
            Error::usage(format!(
                "the secret {secret_id} is not an RDS database secret (username, password, host, port, dbname): {}",
                // serde's message can quote the input; keep only its position.
                format_args!("line {} column {}", e.line(), e.column())
            ))
        })?;
        let port = match &s.port {
            None => 5432,
            Some(serde_json::Value::Number(n)) => {
                n.as_u64().and_then(|p| u16::try_from(p).ok()).unwrap_or(0)
            }
            Some(serde_json::Value::String(p)) => p.parse().unwrap_or(0),
            Some(_) => 0,
        };
        if port == 0 {
            return Err(Error::usage(format!(
                "the secret {secret_id} has an invalid port"
            )));
        }
        let mut pg = tokio_postgres::Config::new();
        pg.user(&s.username)
            .password(s.password)
            .host(&s.host)
            .port(port)
            .dbname(s.dbname.as_deref().unwrap_or("postgres"));
        Target::new(pg, ca_file.map(Path::to_path_buf))
    }

    fn new(mut pg: tokio_postgres::Config, ca_file: Option<PathBuf>) -> Result<Target> {
        if pg.get_hosts().is_empty() {
            pg.host("localhost");
        }
        // No host has an `@`: one there means the user-info had an unencoded `@`, the parser
        // ended it early, and the rest of the password would be taken for (and shown as) a host.
        if pg
            .get_hosts()
            .iter()
            .any(|h| matches!(h, Host::Tcp(name) if name.contains('@')))
        {
            return Err(
                Error::usage("the database URL has an `@` that is not percent-encoded")
                    .with_hint("write `@` in a user name or password as %40"),
            );
        }
        let loopback = is_loopback(&pg);
        let tls =
            match pg.get_ssl_mode() {
                SslMode::Disable if !loopback => {
                    return Err(Error::usage(format!(
                    "TLS is required for the database host {}, but the URL says sslmode=disable",
                    hosts(&pg)
                ))
                .with_hint("remove sslmode=disable; only loopback connections may be unencrypted"));
                }
                SslMode::Disable => false,
                SslMode::Require => true,
                _ => !loopback,
            };
        if tls {
            pg.ssl_mode(SslMode::Require);
        }
        if pg.get_application_name().is_none() {
            pg.application_name("mandala-ops");
        }
        if pg.get_options().is_none() {
            pg.options(format!("-c statement_timeout={STATEMENT_TIMEOUT_MS}"));
        }
        // Built from the host, port and database only: nothing of the user-info can appear.
        let label = format!(
            "{}:{}/{}",
            hosts(&pg),
            pg.get_ports().first().copied().unwrap_or(5432),
            pg.get_dbname().unwrap_or("(the user's database)"),
        );
        Ok(Target {
            pg,
            tls,
            ca_file,
            label,
        })
    }

    /// `host:port/db`: never the user name or password.
    pub fn label(&self) -> &str {
        &self.label
    }

    pub fn is_loopback(&self) -> bool {
        is_loopback(&self.pg)
    }

    pub fn dbname(&self) -> Option<&str> {
        self.pg.get_dbname()
    }

    /// The same server and credentials, another database (the sandbox and tests create some).
    pub fn with_dbname(&self, dbname: &str) -> Target {
        let mut t = self.clone();
        t.pg.dbname(dbname);
        t.label = match self.label.rsplit_once('/') {
            Some((head, _)) => format!("{head}/{dbname}"),
            None => self.label.clone(),
        };
        t
    }

    /// Connects within `timeout`; the connection's task runs on the current runtime. While the
    /// connection is open it is registered in `activity`, so a deadline that passes while a
    /// query waits names the database.
    pub async fn connect(&self, timeout: Duration, activity: &Activity) -> Result<Db> {
        let mut pg = self.pg.clone();
        pg.connect_timeout(timeout);
        let doing = format!("connecting to {}", self.label);
        let connecting = activity.enter(format!("the database at {}", self.label));
        let client = if self.tls {
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new(self.rustls_config()?);
            open(&pg, tls, timeout, &doing).await?
        } else {
            open(&pg, tokio_postgres::NoTls, timeout, &doing).await?
        };
        drop(connecting);
        Ok(Db {
            client,
            label: self.label.clone(),
            _open: activity.hold(format!("the database at {}", self.label)),
        })
    }

    fn rustls_config(&self) -> Result<rustls::ClientConfig> {
        let mut roots = rustls::RootCertStore::empty();
        match &self.ca_file {
            Some(path) => {
                let pem = std::fs::read(path).map_err(|e| {
                    Error::usage(format!(
                        "cannot read the database CA file {}: {e}",
                        path.display()
                    ))
                })?;
                for cert in rustls::pki_types::pem::PemObject::pem_slice_iter(&pem) {
                    let cert: rustls::pki_types::CertificateDer<'static> = cert.map_err(|e| {
                        Error::usage(format!(
                            "the database CA file {} is not PEM: {e}",
                            path.display()
                        ))
                    })?;
                    roots.add(cert).map_err(|e| {
                        Error::usage(format!(
                            "the database CA file {} has a bad certificate: {e}",
                            path.display()
                        ))
                    })?;
                }
            }
            None => {
                let found = rustls_native_certs::load_native_certs();
                for cert in found.certs {
                    let _ = roots.add(cert);
                }
            }
        }
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::internal(format!("TLS configuration: {e}")))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(config)
    }
}

fn timed_out(doing: &str, timeout: Duration) -> Error {
    Error::unavailable(
        "database",
        doing,
        format!("no answer within {}", crate::time::format_duration(timeout)),
    )
    .with_hint("check that the database is up and reachable, or raise --db-timeout")
}

fn hosts(pg: &tokio_postgres::Config) -> String {
    pg.get_hosts()
        .iter()
        .map(|h| match h {
            Host::Tcp(name) => name.clone(),
            Host::Unix(path) => path.display().to_string(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn is_loopback(pg: &tokio_postgres::Config) -> bool {
    let addrs = pg.get_hostaddrs();
    if !addrs.is_empty() {
        return addrs.iter().all(|a| a.is_loopback());
    }
    pg.get_hosts().iter().all(|h| match h {
        Host::Unix(_) => true,
        Host::Tcp(name) => {
            name == "localhost"
                || name
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
    })
}

/// Removes `sslrootcert=…` from a URL or key=value string, returning it separately.
fn take_sslrootcert(url: &str) -> (String, Option<String>) {
    if url.contains("://") {
        let Some((base, query)) = url.split_once('?') else {
            return (url.to_string(), None);
        };
        let mut found = None;
        let kept: Vec<&str> = query
            .split('&')
            .filter(|kv| match kv.split_once('=') {
                Some(("sslrootcert", v)) => {
                    found = Some(v.to_string());
                    false
                }
                _ => true,
            })
            .collect();
        let url = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        (url, found)
    } else {
        let mut found = None;
        let kept: Vec<&str> = url
            .split_whitespace()
            .filter(|kv| match kv.split_once('=') {
                Some(("sslrootcert", v)) => {
                    found = Some(v.to_string());
                    false
                }
                _ => true,
            })
            .collect();
        (kept.join(" "), found)
    }
}

/// Hides the password of a `postgres://user:password@host/db` URL or a `password=…` pair.
pub fn redact_url(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let (authority, tail) = match rest.find('/') {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        if let Some((userinfo, host)) = authority.rsplit_once('@')
            && let Some((user, _)) = userinfo.split_once(':')
        {
            return format!("{scheme}://{user}:****@{host}{}", redact_pairs(tail, '&'));
        }
        return format!("{scheme}://{authority}{}", redact_pairs(tail, '&'));
    }
    redact_pairs(url, ' ')
}

fn redact_pairs(text: &str, sep: char) -> String {
    text.split(sep)
        .map(|kv| match kv.split_once('=') {
            Some((k, _)) if k.ends_with("password") => format!("{k}=****"),
            _ => kv.to_string(),
        })
        .collect::<Vec<_>>()
        .join(&sep.to_string())
}

/// Opens a connection with `tls` and runs it on the current runtime.
async fn open<T>(
    pg: &tokio_postgres::Config,
    tls: T,
    timeout: Duration,
    doing: &str,
) -> Result<tokio_postgres::Client>
where
    T: tokio_postgres::tls::MakeTlsConnect<tokio_postgres::Socket> + Send,
    T::Stream: Send + 'static,
{
    let (client, connection) = tokio::time::timeout(timeout, pg.connect(tls))
        .await
        .map_err(|_| timed_out(doing, timeout))?
        .map_err(db_err(doing))?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::debug!("database connection closed: {e}");
        }
    });
    Ok(client)
}

/// Creates mandala-ops' own tables (`ddl`, `CREATE … IF NOT EXISTS` statements) in its own
/// schema, apart from the service's. Serialised by a transaction-level advisory lock, because
/// concurrent `CREATE … IF NOT EXISTS` can still collide in the catalogue.
pub async fn ensure_tables(db: &mut Db, what: &str, ddl: &str) -> Result<()> {
    let doing = format!("creating the {OWN_SCHEMA} schema ({what})");
    let tx = db.transaction().await.map_err(db_err(&doing))?;
    tx.execute(
        "SELECT pg_advisory_xact_lock($1)",
        &[&lock::lock_key("schema")],
    )
    .await
    .map_err(db_err(&doing))?;
    tx.batch_execute(&format!("CREATE SCHEMA IF NOT EXISTS {OWN_SCHEMA};\n{ddl}"))
        .await
        .map_err(db_err(&doing))?;
    tx.commit().await.map_err(db_err(&doing))
}

/// The schema mandala-ops keeps its own tables in.
pub const OWN_SCHEMA: &str = "mandala_ops";

/// An open connection.
pub struct Db {
    pub client: tokio_postgres::Client,
    pub label: String,
    _open: crate::activity::Guard,
}

impl std::ops::Deref for Db {
    type Target = tokio_postgres::Client;
    fn deref(&self) -> &Self::Target {
        &self.client
    }
}

impl std::ops::DerefMut for Db {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_needs_no_tls() {
        let t = Target::from_url("postgres://ops:s3cret@127.0.0.1:5432/ops", None).unwrap();
        assert!(t.is_loopback());
        assert!(!t.tls);
        assert_eq!(t.label(), "127.0.0.1:5432/ops");
        assert!(!format!("{t:?}").contains("s3cret"));
    }

    #[test]
    fn remote_hosts_get_tls() {
        let t = Target::from_url("postgres://ops:s3cret@db.example.com/ops", None).unwrap();
        assert!(!t.is_loopback());
        assert!(t.tls);
    }

    #[test]
    fn remote_hosts_refuse_sslmode_disable() {
        let err = Target::from_url("postgres://ops:s3cret@10.0.0.5/ops?sslmode=disable", None)
            .unwrap_err();
        assert_eq!(err.status(), crate::exit::ExitStatus::Usage);
        assert!(!err.to_string().contains("s3cret"));
    }

    #[test]
    fn bad_urls_are_usage_errors_without_the_password() {
        let err = Target::from_url("postgres://ops:s3cret@host:notaport/ops", None).unwrap_err();
        assert_eq!(err.status(), crate::exit::ExitStatus::Usage);
        assert!(!err.to_string().contains("s3cret"));
    }

    /// A password with every character that delimits a URL, in every place, never appears in
    /// a label or an error, whatever the parser makes of it.
    #[test]
    fn no_part_of_the_user_info_ever_shows() {
        let secret = "Sup3rSecret123";
        for sep in [
            "@", ":", "/", "?", "#", "%", "=", " ", "&", "%40", "\\", "'",
        ] {
            for password in [
                format!("{secret}{sep}{secret}"),
                format!("{sep}{secret}"),
                format!("{secret}{sep}"),
            ] {
                for url in [
                    format!("postgres://ops:{password}@127.0.0.1:1/ops"),
                    format!("postgresql://ops:{password}@db.example.com/ops?sslmode=require"),
                    format!("postgres://{password}@127.0.0.1/db"),
                    format!("postgres://ops:{password}@127.0.0.1"),
                    format!("host=127.0.0.1 user=ops password='{password}' dbname=ops"),
                ] {
                    let shown = match Target::from_url(&url, None) {
                        Ok(t) => t.label().to_string(),
                        Err(e) => format!("{e} {}", e.hint().unwrap_or_default()),
                    };
                    assert!(!shown.contains(secret), "{url} → {shown}");
                }
            }
        }
        let e = Target::from_url("postgres://ops:Super@SuperSecret123@127.0.0.1:1/ops", None)
            .unwrap_err();
        assert_eq!(e.status(), crate::exit::ExitStatus::Usage);
        assert!(e.to_string().contains("percent-encoded"), "{e}");
    }

    #[test]
    fn sslrootcert_is_taken_out() {
        let (url, cert) =
            take_sslrootcert("postgres://a@h/d?sslmode=require&sslrootcert=/x/rds.pem");
        assert_eq!(url, "postgres://a@h/d?sslmode=require");
        assert_eq!(cert.as_deref(), Some("/x/rds.pem"));
        let (dsn, cert) = take_sslrootcert("host=h sslrootcert=/c.pem user=u");
        assert_eq!(dsn, "host=h user=u");
        assert_eq!(cert.as_deref(), Some("/c.pem"));
    }

    #[test]
    fn secrets_build_targets() {
        let json = r#"{"username":"app","password":"pw123456","host":"127.0.0.1","port":"5433","dbname":"mandala","engine":"postgres"}"#;
        let t = Target::from_secret("prod/db", json, None).unwrap();
        assert_eq!(t.label(), "127.0.0.1:5433/mandala");
        let err = Target::from_secret("prod/db", "{\"password\":\"pw123456\"}", None).unwrap_err();
        assert!(!err.to_string().contains("pw123456"));
    }

    #[test]
    fn redaction() {
        assert_eq!(
            redact_url("postgres://ops:pw@127.0.0.1:1/ops"),
            "postgres://ops:****@127.0.0.1:1/ops"
        );
        assert_eq!(
            redact_url("postgres://ops@h/ops?password=pw"),
            "postgres://ops@h/ops?password=****"
        );
        assert_eq!(
            redact_url("host=h password=pw user=u"),
            "host=h password=**** user=u"
        );
    }
}
