//! CloudWatch alarms of the service.

pub mod catalog;
