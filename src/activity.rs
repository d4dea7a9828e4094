//! What a command is waiting on right now: AWS calls in flight and open database connections,
//! registered by the adapters while they last. When a command's deadline passes, this names the
//! dependency that did not answer.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Default)]
pub struct Activity {
    waiting: Arc<Mutex<Vec<Entry>>>,
    next: Arc<AtomicU64>,
}

#[derive(Debug)]
struct Entry {
    id: u64,
    what: String,
    /// A call in flight, rather than a resource held open (a connection may be idle).
    call: bool,
}

/// Registered until dropped.
#[derive(Debug)]
pub struct Guard {
    activity: Activity,
    id: u64,
}

impl Activity {
    /// A call in flight (`AWS Lambda GetFunction at …`), until the guard is dropped.
    pub fn enter(&self, what: impl Into<String>) -> Guard {
        self.register(what.into(), true)
    }

    /// A resource held open (`the database at host:5432/ops`), until the guard is dropped.
    pub fn hold(&self, what: impl Into<String>) -> Guard {
        self.register(what.into(), false)
    }

    fn register(&self, what: String, call: bool) -> Guard {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        self.lock().push(Entry { id, what, call });
        Guard {
            activity: self.clone(),
            id,
        }
    }

    /// The calls in flight, the longest first.
    pub fn calls(&self) -> Vec<String> {
        self.lock()
            .iter()
            .filter(|e| e.call)
            .map(|e| e.what.clone())
            .collect()
    }

    /// What is being waited on: the calls in flight, then what is held open.
    pub fn waiting(&self) -> Vec<String> {
        let entries = self.lock();
        let (calls, held): (Vec<&Entry>, Vec<&Entry>) = entries.iter().partition(|e| e.call);
        calls
            .into_iter()
            .chain(held)
            .map(|e| e.what.clone())
            .collect()
    }

    /// [`Activity::waiting`] with repeats counted: `AWS Lambda GetFunction in … (×8)`.
    pub fn summary(&self) -> Vec<String> {
        counted(self.waiting())
    }

    /// [`Activity::calls`] with repeats counted.
    pub fn calls_summary(&self) -> Vec<String> {
        counted(self.calls())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Entry>> {
        self.waiting.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Distinct entries in first-seen order, each with its count when above one.
fn counted(all: Vec<String>) -> Vec<String> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for w in all {
        match out.iter_mut().find(|(seen, _)| *seen == w) {
            Some((_, n)) => *n += 1,
            None => out.push((w, 1)),
        }
    }
    out.into_iter()
        .map(|(w, n)| if n > 1 { format!("{w} (×{n})") } else { w })
        .collect()
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.activity.lock().retain(|e| e.id != self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_register_until_dropped_calls_first() {
        let a = Activity::default();
        let db = a.hold("the database");
        {
            let _call = a.enter("AWS Lambda GetFunction");
            assert_eq!(a.waiting(), ["AWS Lambda GetFunction", "the database"]);
            assert_eq!(a.calls(), ["AWS Lambda GetFunction"]);
        }
        assert_eq!(a.waiting(), ["the database"]);
        let _again = (a.enter("AWS RDS"), a.enter("AWS RDS"));
        assert_eq!(a.summary(), ["AWS RDS (×2)", "the database"]);
        drop(db);
        assert_eq!(a.waiting(), ["AWS RDS", "AWS RDS"]);
    }
}
