//! CloudWatch Logs Insights: the guides' queries as a library, run on CloudWatch or locally.

pub mod archive_input;
pub mod engine;
pub mod library;
pub mod query;
pub mod results;
pub mod sql;
pub mod sync;
