//! `logs`: the service's log groups as one stream (001 CloudWatch Logsの確認:
//! `aws logs tail --follow`).

pub mod archive;
pub mod athena_setup;
pub mod line;
pub mod select;
pub mod tail;
