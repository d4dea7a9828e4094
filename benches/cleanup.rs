//! `cargo bench --bench cleanup`: `cleanup processing-state --apply` against the single `DELETE`
//! of seed 002 (データクリーンアップ), on the same 1,000,000 rows loaded twice in one process.
//! Prints rows/s and the longest single transaction of each, and their ratio; asserts nothing.
//!
//! The rows: a deterministic mix of every status (mostly COMPLETED, as in production) with
//! completion ages spread over 180 days, so about half are past the 90-day rule. The sandbox
//! lives in `target/bench-sandbox` (ports 25482/25483) and is stopped at the end.

use mandala_ops::cleanup::{ProcessingStateOptions, processing_state};
use mandala_ops::context::Context;
use mandala_ops::settings::Command;
use std::path::Path;
use std::time::Instant;

const ROWS: i64 = 1_000_000;

/// The context and options `cleanup processing-state --apply` runs with.
fn context(dir: &Path) -> (Context, ProcessingStateOptions) {
    let args = [
        "mandala-ops",
        "--env",
        "sandbox",
        "--sandbox-dir",
        dir.to_str().unwrap(),
        "-q",
        "cleanup",
        "processing-state",
        "--apply",
    ];
    match mandala_ops::settings::from_args(args).expect("settings") {
        (ctx, Command::CleanupProcessingState(opts)) => (ctx, opts),
        (_, other) => panic!("{other:?}"),
    }
}

/// Empties the table and loads the same rows every time.
async fn load(db: &mandala_ops::db::Db) -> i64 {
    // The tool's connections cap statements at 30 s; loading a million rows is the bench's own
    // setup, not the tool's work, and may take longer on a slow machine.
    db.batch_execute("SET statement_timeout = 0").await.unwrap();
    db.batch_execute("TRUNCATE processing_state").await.unwrap();
    db.batch_execute(&format!(
        "INSERT INTO processing_state (id, user_id, type, status, progress, created_at, updated_at, completed_at) \
         SELECT md5(i::text)::uuid, md5((i % 5000)::text)::uuid, \
                (ARRAY['SUBGOAL_GENERATION', 'ACTION_GENERATION', 'TASK_GENERATION'])[1 + i % 3], s, \
                CASE WHEN s = 'COMPLETED' THEN 100 ELSE 40 END, \
                now() - (i::bigint * 7919 % 180) * interval '1 day' - interval '1 hour', \
                now() - (i::bigint * 7919 % 180) * interval '1 day', \
                CASE WHEN s IN ('PENDING', 'PROCESSING') THEN NULL ELSE now() - (i::bigint * 7919 % 180) * interval '1 day' END \
         FROM generate_series(1, {ROWS}) i, \
              LATERAL (SELECT (ARRAY['COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED', \
                                     'COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED', \
                                     'FAILED','FAILED','CANCELLED','TIMEOUT','PROCESSING','PENDING'])[1 + i % 20] AS s) st"
    ))
    .await
    .unwrap();
    db.batch_execute("VACUUM ANALYZE processing_state")
        .await
        .unwrap();
    db.query_one(
        "SELECT count(*) FROM processing_state WHERE status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT') \
         AND completed_at < now() - interval '90 days'",
        &[],
    )
    .await
    .unwrap()
    .get(0)
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-sandbox");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (ctx, _) = context(&dir);
        let ports = mandala_ops::sandbox::Ports {
            postgres: Some(25482),
            moto: Some(25483),
        };
        mandala_ops::sandbox::up(&ctx.sandbox_dir, ports, &ctx.out)
            .await
            .expect("sandbox up");
        let (ctx, opts) = context(&dir);
        mandala_ops::sandbox::seed::seed(&ctx, mandala_ops::sandbox::seed::Scenario::Healthy, true)
            .await
            .expect("seed");
        let db = ctx.db().await.expect("database");

        let matched = load(&db).await;
        let started = Instant::now();
        let deleted = db
            .execute(
                "DELETE FROM processing_state WHERE status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT') \
                 AND completed_at < NOW() - INTERVAL '90 days'",
                &[],
            )
            .await
            .unwrap();
        let single = started.elapsed().as_secs_f64();
        assert_eq!(deleted as i64, matched);

        let again = load(&db).await;
        assert_eq!(again, matched);
        let report = processing_state(
            &ctx,
            &opts,
        )
        .await
        .expect("cleanup");
        assert_eq!(report.deleted as i64, matched);

        let rate = |rows: i64, secs: f64| rows as f64 / secs;
        println!(
            "cleanup benchmark: {ROWS} processing_state rows, {matched} past the 90-day rule, 2 cores"
        );
        println!("{:<34} {:>10} {:>12} {:>18}", "", "rows/s", "seconds", "longest tx (ms)");
        println!(
            "{:<34} {:>10.0} {:>12.2} {:>18.0}",
            "single DELETE (seed 002)",
            rate(matched, single),
            single,
            single * 1000.0
        );
        println!(
            "{:<34} {:>10.0} {:>12.2} {:>18.0}",
            "cleanup processing-state --apply",
            rate(matched, report.seconds),
            report.seconds,
            report.longest_batch_ms
        );
        println!(
            "throughput ratio (cleanup / single DELETE): {:.2}x; batches: {}",
            single / report.seconds,
            report.batches
        );
        mandala_ops::sandbox::down(&ctx.sandbox_dir, false)
            .await
            .expect("sandbox down");
    });
}
