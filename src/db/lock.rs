//! PostgreSQL advisory locks, so two runs (two cron jobs, or cron and a person) never work the
//! same table at once. Session-level: a run that dies loses its connection and with it the lock.

use super::Db;
use crate::error::{Error, Result, db_err};
use crate::output::Output;
use std::time::Duration;

/// A held lock; released when dropped with its connection, or explicitly.
pub struct Lock {
    name: String,
}

impl Lock {
    /// Takes the lock named `name`. Without `wait`, a lock held elsewhere is an [`Error::Busy`]
    /// naming the holder; with `wait`, says on stderr who holds it and waits up to `wait`.
    pub async fn acquire(
        db: &Db,
        name: &str,
        wait: Option<Duration>,
        out: &Output,
    ) -> Result<Lock> {
        let key = lock_key(name);
        let doing = format!("taking the `{name}` lock");
        let try_lock = async || -> Result<bool> {
            Ok(db
                .query_one("SELECT pg_try_advisory_lock($1)", &[&key])
                .await
                .map_err(db_err(&doing))?
                .get(0))
        };
        if try_lock().await? {
            return Ok(Lock {
                name: name.to_string(),
            });
        }
        if let Some(limit) = wait {
            out.note(format!(
                "waiting up to {} for the `{name}` lock, held{}",
                crate::time::format_duration(limit),
                holder(db, key).await
            ));
            let deadline = tokio::time::Instant::now() + limit;
            while tokio::time::Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(250)).await;
                if try_lock().await? {
                    return Ok(Lock {
                        name: name.to_string(),
                    });
                }
            }
        }
        Err(Error::Busy {
            message: format!(
                "another run holds the `{name}` lock{}; nothing was changed",
                holder(db, key).await
            ),
            hint: Some("wait for it to finish, or pass --wait-lock DURATION to wait".into()),
        })
    }

    pub async fn release(self, db: &Db) -> Result<()> {
        db.execute("SELECT pg_advisory_unlock($1)", &[&lock_key(&self.name)])
            .await
            .map_err(db_err(format!("releasing the `{}` lock", self.name)))?;
        Ok(())
    }
}

/// Who holds the lock `key`: ` by backend pid N (application from address, since …)`, or
/// nothing when that cannot be read.
async fn holder(db: &Db, key: i64) -> String {
    db.query_opt(
        "SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local'), \
                        a.backend_start::text \
                 FROM pg_locks l JOIN pg_stat_activity a USING (pid) \
                 WHERE l.locktype = 'advisory' AND l.granted \
                   AND ((l.classid::bigint << 32) | l.objid::bigint) = $1",
        &[&key],
    )
    .await
    .ok()
    .flatten()
    .map(|r| {
        format!(
            " by backend pid {} ({} from {}, since {})",
            r.get::<_, i32>(0),
            r.get::<_, String>(1),
            r.get::<_, String>(2),
            r.get::<_, String>(3)
        )
    })
    .unwrap_or_default()
}

/// A stable 64-bit key per lock name (FNV-1a), the same in every process and version.
pub fn lock_key(name: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in format!("mandala-ops:{name}").bytes() {
        hash ^= byte as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash as i64
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_are_stable_and_distinct() {
        assert_eq!(
            super::lock_key("process-repair"),
            super::lock_key("process-repair")
        );
        assert_ne!(
            super::lock_key("process-repair"),
            super::lock_key("cleanup-processing-state")
        );
    }
}
