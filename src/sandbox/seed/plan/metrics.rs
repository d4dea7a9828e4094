//! A scenario's metrics in AWS/Lambda, AWS/ApiGateway, AsyncProcessing, ProfileAPI and AWS/RDS.

use super::{Datum, Scenario, mins};
use crate::aws::metrics::{Dimension, Namespace};
use crate::config::Component;
use jiff::{SignedDuration, Timestamp};

/// Five-minute datapoints over the last three hours. The incident's last hour crosses the
/// guides' thresholds; the healthy scenario stays well inside them. The same three hours a week
/// earlier carry ordinary traffic and latency, which `health`'s traffic and trend checks compare
/// with.
pub fn metrics(scenario: Scenario, now: Timestamp, rng: &mut fastrand::Rng) -> Vec<Datum> {
    let mut data = window(scenario, now, rng);
    let week = SignedDuration::from_hours(24 * 7);
    data.extend(
        window(Scenario::Healthy, now - week, rng)
            .into_iter()
            .filter(|d| WEEK_EARLIER.contains(&(d.namespace, d.metric))),
    );
    data
}

/// The metrics `health` compares with a week earlier.
const WEEK_EARLIER: &[(Namespace, &str)] = &[
    (Namespace::ApiGateway, "Count"),
    (
        Namespace::Custom(Component::ProfileMetrics),
        "ProfileAPIRequests",
    ),
    (Namespace::Lambda, "Invocations"),
    (
        Namespace::Custom(Component::ProfileMetrics),
        "ProfileAPILatency",
    ),
    (Namespace::Lambda, "Duration"),
];

/// Three hours of five-minute datapoints ending at `now`.
fn window(scenario: Scenario, now: Timestamp, rng: &mut fastrand::Rng) -> Vec<Datum> {
    let incident = scenario == Scenario::Incident;
    let mut data = Vec::new();
    let mut push = |namespace, metric, dimension, timestamp, value: f64, unit| {
        data.push(Datum {
            namespace,
            metric,
            dimension,
            timestamp,
            value,
            unit,
        })
    };
    for bucket in 0..36 {
        let at = now - mins(bucket * 5 + 1);
        let hot = incident && bucket < 12;
        let jitter = |rng: &mut fastrand::Rng, base: f64| base * (0.85 + 0.3 * rng.f64());
        for c in Component::functions() {
            let (invocations, reserved, duration_ms): (f64, f64, f64) = match c {
                Component::TaskGeneration => (30.0, 10.0, 12_000.0),
                Component::AiProcessor => (20.0, 10.0, 40_000.0),
                Component::AiGenerationWorker => (12.0, 10.0, 150_000.0),
                Component::AsyncProcessingHandler => (15.0, 50.0, 250.0),
                Component::Profile => (60.0, 0.0, 300.0),
                _ => (10.0, 0.0, 120.0),
            };
            let inv = jitter(rng, invocations).round();
            let error_rate = if hot
                && matches!(
                    c,
                    Component::TaskGeneration
                        | Component::AiGenerationWorker
                        | Component::AiProcessor
                ) {
                0.15
            } else {
                0.005
            };
            let errors = (inv * error_rate).round();
            let throttles =
                if hot && matches!(c, Component::AiProcessor | Component::TaskGeneration) {
                    3.0
                } else {
                    0.0
                };
            let concurrency = if reserved > 0.0 {
                if hot && reserved <= 10.0 {
                    reserved - 1.0
                } else {
                    (reserved * 0.3).round()
                }
            } else {
                2.0
            };
            let duration = if hot && c == Component::AiProcessor {
                65_000.0
            } else if hot && c == Component::TaskGeneration {
                28_000.0
            } else {
                jitter(rng, duration_ms)
            };
            let fd = Dimension::Function(c);
            push(Namespace::Lambda, "Invocations", fd, at, inv, "Count");
            push(Namespace::Lambda, "Errors", fd, at, errors, "Count");
            push(Namespace::Lambda, "Throttles", fd, at, throttles, "Count");
            push(
                Namespace::Lambda,
                "Duration",
                fd,
                at,
                duration,
                "Milliseconds",
            );
            push(
                Namespace::Lambda,
                "ConcurrentExecutions",
                fd,
                at,
                concurrency,
                "Count",
            );
        }
        let count = jitter(rng, 100.0).round();
        let api = Dimension::Api;
        push(Namespace::ApiGateway, "Count", api, at, count, "Count");
        push(
            Namespace::ApiGateway,
            "4XXError",
            api,
            at,
            (count * if hot { 0.12 } else { 0.03 }).round(),
            "Count",
        );
        push(
            Namespace::ApiGateway,
            "5XXError",
            api,
            at,
            (count * if hot { 0.08 } else { 0.005 }).round(),
            "Count",
        );
        push(
            Namespace::ApiGateway,
            "Latency",
            api,
            at,
            if hot { 20_000.0 } else { jitter(rng, 4_000.0) },
            "Milliseconds",
        );
        let asy = Namespace::Custom(Component::AsyncMetrics);
        let none = Dimension::None;
        push(asy, "AsyncProcessingStarted", none, at, 10.0, "Count");
        push(
            asy,
            "AsyncProcessingCompleted",
            none,
            at,
            if hot { 4.0 } else { 10.0 },
            "Count",
        );
        push(
            asy,
            "AsyncProcessingFailed",
            none,
            at,
            if hot { 12.0 } else { 0.0 },
            "Count",
        );
        push(
            asy,
            "AsyncProcessingTimeout",
            none,
            at,
            if hot { 14.0 } else { 0.0 },
            "Count",
        );
        push(
            asy,
            "ProcessingDuration",
            none,
            at,
            if hot {
                320_000.0
            } else {
                jitter(rng, 180_000.0)
            },
            "Milliseconds",
        );
        push(
            asy,
            "QueueDepth",
            none,
            at,
            if hot { 120.0 } else { 5.0 },
            "Count",
        );
        push(
            asy,
            "ErrorRate",
            none,
            at,
            if hot { 9.0 } else { 0.5 },
            "Percent",
        );
        let prof = Namespace::Custom(Component::ProfileMetrics);
        push(
            prof,
            "ProfileAPIRequests",
            none,
            at,
            jitter(rng, 40.0).round(),
            "Count",
        );
        push(
            prof,
            "ProfileAPIErrors",
            none,
            at,
            if hot { 4.0 } else { 0.5 },
            "Percent",
        );
        push(
            prof,
            "ProfileAPILatency",
            none,
            at,
            jitter(rng, 300.0),
            "Milliseconds",
        );
        let rds = Dimension::Cluster;
        push(
            Namespace::Rds,
            "DatabaseConnections",
            rds,
            at,
            if hot { 85.0 } else { 12.0 },
            "Count",
        );
        push(
            Namespace::Rds,
            "CPUUtilization",
            rds,
            at,
            if hot { 85.0 } else { 25.0 },
            "Percent",
        );
        push(
            Namespace::Rds,
            "ServerlessDatabaseCapacity",
            rds,
            at,
            if hot { 2.0 } else { 0.5 },
            "Count",
        );
        // AWS/Bedrock for the configured model: the incident's calls are throttled
        // (001 トラブルシューティング 2. スロットリングエラー), not refused.
        let model = Dimension::Model;
        let calls = jitter(rng, 30.0).round();
        push(Namespace::Bedrock, "Invocations", model, at, calls, "Count");
        push(
            Namespace::Bedrock,
            "InvocationThrottles",
            model,
            at,
            if hot { 6.0 } else { 0.0 },
            "Count",
        );
        push(
            Namespace::Bedrock,
            "InvocationClientErrors",
            model,
            at,
            0.0,
            "Count",
        );
        push(
            Namespace::Bedrock,
            "InvocationServerErrors",
            model,
            at,
            if hot { 3.0 } else { 0.0 },
            "Count",
        );
        push(
            Namespace::Bedrock,
            "InvocationLatency",
            model,
            at,
            jitter(rng, 2_500.0),
            "Milliseconds",
        );
        push(
            Namespace::Bedrock,
            "InputTokenCount",
            model,
            at,
            calls * 600.0,
            "Count",
        );
        push(
            Namespace::Bedrock,
            "OutputTokenCount",
            model,
            at,
            calls * 900.0,
            "Count",
        );
        // RDS publishes latency in seconds and memory in bytes; the incident's reads are slow
        // (003 クエリ実行時間: 読み取り < 100ms) and its memory nearly gone.
        push(
            Namespace::Rds,
            "ReadLatency",
            rds,
            at,
            if hot { 0.25 } else { jitter(rng, 0.004) },
            "Seconds",
        );
        push(
            Namespace::Rds,
            "WriteLatency",
            rds,
            at,
            jitter(rng, 0.008),
            "Seconds",
        );
        push(
            Namespace::Rds,
            "FreeableMemory",
            rds,
            at,
            if hot { 0.2 } else { 2.5 } * 1024.0 * 1024.0 * 1024.0,
            "Bytes",
        );
        push(
            Namespace::Logs,
            "DatabaseErrors",
            none,
            at,
            if hot { 1.0 } else { 0.0 },
            "Count",
        );
    }
    data
}
