//! `cargo bench --bench health`: `health` against a seeded sandbox, run concurrently (as
//! `health` does) and with the same calls one after another (as seed 004's `health-check.sh`
//! does), in one process. Prints medians and ratios; asserts nothing.
//!
//! Two settings: the emulator as it is, and through a proxy adding a network round trip to
//! every request to the emulator and the database, as calls to AWS from an operator's machine
//! have. The emulator is Python and serves one request at a time, so on its own it shows the
//! sum of its CPU time whatever the client does; the round trips are what concurrency hides.
//!
//! The sandbox lives in `target/bench-sandbox` (ports 25482/25483) and is stopped at the end.

use mandala_ops::context::Context;
use mandala_ops::health::{self, Options};
use std::path::Path;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const RUNS: usize = 5;
const ROUND_TRIP: Duration = Duration::from_millis(25);

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn context(dir: &Path) -> Context {
    let dir = dir.to_str().unwrap();
    let args = [
        "mandala-ops",
        "--env",
        "sandbox",
        "--sandbox-dir",
        dir,
        "-q",
        "health",
    ];
    mandala_ops::settings::from_args(args).expect("settings").0
}

/// Forwards connections to `upstream`, holding each chunk the client sends for `delay`.
async fn delaying_proxy(upstream: u16, delay: Duration) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        loop {
            let Ok((client, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)).await else {
                    return;
                };
                let (mut cr, mut cw) = client.into_split();
                let (mut sr, mut sw) = server.into_split();
                let up = async {
                    let mut buf = vec![0u8; 64 * 1024];
                    while let Ok(n) = cr.read(&mut buf).await {
                        if n == 0 {
                            break;
                        }
                        tokio::time::sleep(delay).await;
                        if sw.write_all(&buf[..n]).await.is_err() {
                            break;
                        }
                    }
                    let _ = sw.shutdown().await;
                };
                let down = async {
                    let _ = tokio::io::copy(&mut sr, &mut cw).await;
                    let _ = cw.shutdown().await;
                };
                tokio::join!(up, down);
            });
        }
    });
    port
}

/// A sandbox folder whose state points at the proxies.
fn proxied_dir(dir: &Path, moto_proxy: u16, pg_proxy: u16, pg: u16) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let mut state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("state.json")).unwrap()).unwrap();
    state["aws_endpoint_url"] = format!("http://127.0.0.1:{moto_proxy}").into();
    let url = state["database_url"]
        .as_str()
        .unwrap()
        .replace(&format!(":{pg}/"), &format!(":{pg_proxy}/"));
    state["database_url"] = url.into();
    std::fs::write(out.path().join("state.json"), state.to_string()).unwrap();
    out
}

async fn measure(ctx: &Context, label: &str) {
    // A deadline far off: the bench measures how long the checks take, not what a deadline cuts.
    let concurrent = Options {
        check_timeout: Duration::from_secs(600),
        ..Options::default()
    };
    let sequential = Options {
        concurrency: 1,
        ..concurrent.clone()
    };
    // Warm up connections once each.
    health::run(ctx, &concurrent).await.unwrap();
    health::run(ctx, &sequential).await.unwrap();
    let (mut conc, mut seq, mut slowest) = (Vec::new(), Vec::new(), Vec::new());
    let mut checks = 0;
    let mut alone = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let r = health::run(ctx, &concurrent).await.unwrap();
        conc.push(t.elapsed());
        checks = r.checks.len();
        let t = Instant::now();
        let r = health::run(ctx, &sequential).await.unwrap();
        seq.push(t.elapsed());
        // Alone, one after another: each check's own duration.
        slowest.push(Duration::from_millis(
            r.checks.iter().map(|c| c.duration_ms).max().unwrap_or(0),
        ));
        alone = r
            .checks
            .iter()
            .map(|c| (c.duration_ms, c.name.clone()))
            .collect();
    }
    alone.sort_by(|a, b| b.cmp(a));
    let top: Vec<String> = alone
        .iter()
        .take(3)
        .map(|(ms, n)| format!("{n} {ms} ms"))
        .collect();
    let (conc, seq, slowest) = (median(conc), median(seq), median(slowest));
    println!("{label}: {checks} checks, median of {RUNS} runs");
    println!(
        "  concurrent (health)            {:>8.1} ms",
        conc.as_secs_f64() * 1e3
    );
    println!(
        "  sequential (health-check.sh)   {:>8.1} ms",
        seq.as_secs_f64() * 1e3
    );
    println!(
        "  slowest single check           {:>8.1} ms",
        slowest.as_secs_f64() * 1e3
    );
    println!(
        "  sequential / concurrent        {:>8.2}x",
        seq.as_secs_f64() / conc.as_secs_f64()
    );
    println!(
        "  concurrent / slowest check     {:>8.2}x  (target < 1.5x)",
        conc.as_secs_f64() / slowest.as_secs_f64().max(1e-3)
    );
    println!("  slowest checks alone           {}", top.join(", "));
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-sandbox");
    let (pg, moto) = (25482, 25483);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let ctx = context(&dir);
        let ports = mandala_ops::sandbox::Ports {
            postgres: Some(pg),
            moto: Some(moto),
        };
        mandala_ops::sandbox::up(&ctx.sandbox_dir, ports, &ctx.out)
            .await
            .expect("sandbox up");
        let ctx = context(&dir);
        mandala_ops::sandbox::seed::seed(
            &ctx,
            mandala_ops::sandbox::seed::Scenario::Incident,
            true,
        )
        .await
        .expect("seed");
        println!("health benchmark, incident scenario");
        measure(&ctx, "emulator on loopback").await;

        let (moto_proxy, pg_proxy) = (
            delaying_proxy(moto, ROUND_TRIP).await,
            delaying_proxy(pg, ROUND_TRIP).await,
        );
        let proxied = proxied_dir(&dir, moto_proxy, pg_proxy, pg);
        let label = format!(
            "with a {} ms round trip per request",
            ROUND_TRIP.as_millis()
        );
        measure(&context(proxied.path()), &label).await;

        mandala_ops::sandbox::down(&ctx.sandbox_dir, false)
            .await
            .expect("sandbox down");
    });
}
