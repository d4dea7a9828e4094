//! Dispatch from a check to the family that runs it, and the citation of each check.

use super::{
    Kind, Probe, Row, alarms, api, async_metrics, aurora, database, lambda, logs, stepfunctions,
};
use crate::config::Component;
use crate::config::thresholds::sources as s;

pub async fn run(p: &Probe<'_>, kind: Kind) -> Vec<Row> {
    let name = kind.name();
    let source = source(kind);
    let result = match kind {
        Kind::LambdaState(c) => lambda::state(p, c, &name, source).await.map(|r| vec![r]),
        Kind::LambdaErrors(c) => lambda::errors(p, c, &name, source).await.map(|r| vec![r]),
        Kind::LambdaThrottles(c) => lambda::throttles(p, c, &name, source)
            .await
            .map(|r| vec![r]),
        Kind::LambdaDuration(c) => lambda::duration(p, c, &name, source).await.map(|r| vec![r]),
        Kind::LambdaConcurrency(c) => lambda::concurrency(p, c, &name, source)
            .await
            .map(|r| vec![r]),
        Kind::Api4xx
        | Kind::Api5xx
        | Kind::ApiLatency
        | Kind::ProfileErrors
        | Kind::ProfileLatency => api::check(p, kind, &name, source).await.map(|r| vec![r]),
        Kind::StepRunning | Kind::StepFailed | Kind::StepTimedOut => {
            stepfunctions::check(p, kind, &name, source)
                .await
                .map(|r| vec![r])
        }
        Kind::AsyncFailed
        | Kind::AsyncTimeouts
        | Kind::AsyncDuration
        | Kind::AsyncQueue
        | Kind::AsyncErrorRate => async_metrics::check(p, kind, &name, source)
            .await
            .map(|r| vec![r]),
        Kind::DbConnect
        | Kind::DbConnections
        | Kind::DbStatusCounts
        | Kind::DbStuck
        | Kind::DbPending
        | Kind::DbProgress
        | Kind::DbLocks
        | Kind::DbLongQueries => database::check(p, kind, &name, source)
            .await
            .map(|r| vec![r]),
        Kind::AuroraCluster | Kind::AuroraCapacity => {
            aurora::check(p, kind, &name, source).await.map(|r| vec![r])
        }
        Kind::Alarms => alarms::check(p, &name, source).await,
        Kind::LogErrors(c) => logs::errors(p, c, &name, source).await.map(|r| vec![r]),
        Kind::LogDatabaseErrors | Kind::LogTransactionFailures => {
            logs::phrases(p, kind, &name, source).await.map(|r| vec![r])
        }
    };
    result.unwrap_or_else(|e| vec![Row::from_error(name, source, &e)])
}

pub fn source(kind: Kind) -> &'static str {
    match kind {
        Kind::LambdaState(_) => s::DB_HEALTH,
        Kind::LambdaErrors(Component::AiProcessor) => s::AI_PROCESSOR_ALARMS,
        Kind::LambdaErrors(Component::Profile) => s::PROFILE_LAMBDA_ERRORS,
        Kind::LambdaErrors(_) => s::LAMBDA_ERRORS,
        Kind::LambdaThrottles(_) => s::LAMBDA_THROTTLES,
        Kind::LambdaDuration(Component::AiProcessor) => s::AI_PROCESSOR_ALARMS,
        Kind::LambdaDuration(_) => s::LAMBDA_DURATION,
        Kind::LambdaConcurrency(_) => s::LAMBDA_CONCURRENCY,
        Kind::Api4xx => s::API_4XX,
        Kind::Api5xx => s::API_5XX,
        Kind::ApiLatency => s::API_LATENCY,
        Kind::ProfileErrors => s::PROFILE_ERRORS,
        Kind::ProfileLatency => s::PROFILE_LATENCY,
        Kind::StepRunning | Kind::StepFailed | Kind::StepTimedOut => s::STEP_FUNCTIONS,
        Kind::AsyncFailed | Kind::AsyncDuration => s::ASYNC_METRICS,
        Kind::AsyncTimeouts => s::ASYNC_TIMEOUT_ALERT,
        Kind::AsyncQueue => s::QUEUE_DEPTH,
        Kind::AsyncErrorRate => s::ASYNC_METRICS,
        Kind::DbConnect => s::DB_LATENCY,
        Kind::DbConnections => s::DB_CONNECTIONS,
        Kind::DbStatusCounts => s::DB_HEALTH,
        Kind::DbStuck => s::STUCK_PROCESSING,
        Kind::DbPending => s::QUEUE_DEPTH,
        Kind::DbProgress => s::PROGRESS_RANGE,
        Kind::DbLocks | Kind::DbLongQueries => s::DB_DIAGNOSIS,
        Kind::AuroraCluster | Kind::AuroraCapacity => s::AURORA,
        Kind::Alarms => s::ALARMS,
        Kind::LogErrors(_) => s::ERROR_LOGS,
        Kind::LogDatabaseErrors | Kind::LogTransactionFailures => s::DB_LOG_ERRORS,
    }
}
