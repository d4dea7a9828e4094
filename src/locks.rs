//! Locks held while a command changes something outside the database (Lambda settings, the log
//! archive): one in this machine's state folder, and the environment's advisory lock when its
//! database answers (an emergency stop must also work while it does not).

use crate::context::Context;
use crate::error::Result;

pub struct Held {
    _files: Vec<std::fs::File>,
    _db: Option<(crate::db::Db, Vec<crate::db::lock::Lock>)>,
}

/// Takes the locks `names`, waiting for others' runs that hold them.
pub async fn hold(ctx: &Context, mut names: Vec<String>) -> Result<Held> {
    // One order for everyone, so two runs locking several names cannot deadlock.
    names.sort();
    names.dedup();
    let mut files = Vec::new();
    for name in &names {
        files.push(ctx.state.lock(name).await?);
    }
    let db = match ctx.db().await {
        Ok(db) => {
            let mut locks = Vec::new();
            for name in &names {
                locks.push(
                    crate::db::lock::Lock::acquire(&db, name, Some(ctx.db_timeout()), &ctx.out)
                        .await?,
                );
            }
            Some((db, locks))
        }
        Err(e) => {
            ctx.out.warn(format!(
                "changing without the database's lock (this machine's lock is held): {e}"
            ));
            None
        }
    };
    Ok(Held {
        _files: files,
        _db: db,
    })
}
