//! mandala-ops: the goal-mandala service's operations guides as commands.
//!
//! The binary (`main.rs`) parses the command line ([`cli`]), resolves it with the environment and
//! the config file into a run's setup and a typed command ([`settings`]), hands that to the
//! [`dispatch`]er, which calls the feature that owns the command, and prints what comes back
//! through the one printer ([`output`]). Imports point down this list, never up.
//!
//! | layer | modules |
//! | --- | --- |
//! | command line | [`cli`] (clap definitions; completions and the man page from them) |
//! | settings | [`settings`]: arguments + environment + config file → [`context::Setup`] and a [`settings::Command`] |
//! | dispatcher | [`dispatch`]: a command → its feature → an [`output::Outcome`] |
//! | features | `health` [`health`] · `query` [`insights`] · `logs` [`logs`] · `process` [`process`] · `scale` [`scale`] · `cleanup` [`cleanup`] · `alarms` [`alarms`] · `audit` [`audit`] · `runbook` [`runbook`] · `incident` [`incident`] · `report` [`report`] · `replay` [`pipeline`] · `sandbox` [`sandbox`] · `demo` [`demo`] · `config show` [`config::show`] |
//! | adapters | [`aws`] (one module per service), [`db`] (connections, the advisory lock), [`context`] (what a command runs with) |
//! | foundation | [`config`] (names, thresholds), [`output`], [`time`], [`state`], [`activity`], [`error`], [`exit`], [`frontmatter`] |

pub mod activity;
pub mod alarms;
pub mod audit;
pub mod aws;
pub mod cleanup;
pub mod cli;
pub mod config;
pub mod context;
pub mod db;
pub mod demo;
pub mod dispatch;
pub mod error;
pub mod exit;
pub mod frontmatter;
pub mod health;
pub mod incident;
pub mod insights;
pub mod locks;
pub mod logs;
pub mod output;
pub mod pipeline;
pub mod process;
pub mod report;
pub mod runbook;
pub mod sandbox;
pub mod scale;
pub mod settings;
pub mod state;
#[cfg(test)]
pub mod testkit;
pub mod time;
