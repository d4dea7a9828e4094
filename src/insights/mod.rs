//! CloudWatch Logs Insights: the guides' queries as a library, run on CloudWatch or locally.

pub mod engine;
