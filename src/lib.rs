//! mandala-ops: the goal-mandala service's operations guides as commands. Every command is a
//! library function that takes a [`context::Context`] and returns a typed report; the binary only
//! parses arguments, renders the report and maps the outcome to an exit status.

pub mod alarms;
pub mod app;
pub mod audit;
pub mod aws;
pub mod cleanup;
pub mod cli;
pub mod completions;
pub mod config;
pub mod context;
pub mod cwlogs;
pub mod db;
pub mod demo;
pub mod error;
pub mod exit;
pub mod frontmatter;
pub mod health;
pub mod insights;
pub mod metrics;
pub mod output;
pub mod pipeline;
pub mod process;
pub mod report;
pub mod runbook;
pub mod sandbox;
pub mod scale;
pub mod sfn;
#[cfg(test)]
pub mod testkit;
