//! `report`: the weekly HTML report rendered by headless Chromium, charts and all; Markdown
//! with sparklines; the JSON data.

use crate::support::TestEnv;
use libtest_mimic::Failed;
use serde_json::Value;

tests![weekly_html_draws_every_chart, daily_markdown_and_json];

/// Tests that need a browser: skipped with the reason where there is none, required in CI.
pub const BROWSER_TESTS: &[crate::Test] = &[(
    "cli::report::weekly_html_renders_its_charts_in_a_browser",
    weekly_html_renders_its_charts_in_a_browser,
)];

/// Chromium, from `CHROMIUM` or Debian's package (installed by `.ci/run`).
pub fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// The incident's weekly report as HTML, written to `dir`.
fn weekly_html(dir: &std::path::Path) -> std::path::PathBuf {
    let env = TestEnv::new("report_html");
    env.seed("incident");
    let html = dir.join("weekly.html");
    let run = env.run(&[
        "report",
        "weekly",
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
    ]);
    // The incident has critical findings.
    assert_eq!(run.code, 2, "{}\n{}", run.stdout, run.stderr);
    html
}

/// Every chart is an SVG line with its points, self-contained: checked on every machine, with
/// or without a browser.
fn weekly_html_draws_every_chart() -> Result<(), Failed> {
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(weekly_html(dir.path())).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    let charts: Vec<&str> = page.split("<svg").skip(1).collect();
    assert_eq!(charts.len(), 3, "three charts");
    for chart in charts {
        let chart = &chart[..chart.find("</svg>").expect("closed")];
        let line = chart.split("<polyline").nth(1).expect("a line");
        let points = line
            .split("points=\"")
            .nth(1)
            .and_then(|p| p.split('"').next())
            .expect("points");
        assert!(points.split_whitespace().count() > 1, "{points}");
        assert!(
            chart.contains("#1F77B4") || chart.contains("#1f77b4"),
            "the line colour"
        );
        assert!(chart.contains("<text"), "axis labels");
    }
    for outside in ["src=", "href=", "<script", "@import", "url("] {
        assert!(!page.contains(outside), "the page loads {outside}");
    }
    Ok(())
}

/// The page as Chromium draws it: the charts' line colour is on screen.
fn weekly_html_renders_its_charts_in_a_browser() -> Result<(), Failed> {
    let dir = tempfile::tempdir().unwrap();
    let html = weekly_html(dir.path());
    let png = dir.path().join("weekly.png");
    let out = std::process::Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1100,6000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .map_err(|e| {
            format!(
                "cannot start {} ({e}); apt-get install chromium",
                chromium()
            )
        })?;
    assert!(
        png.exists(),
        "no screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The charts' line colour (#1f77b4) must be on screen: the SVG was drawn, not just sent.
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let blue = buf[..info.buffer_size()]
        .chunks(channels)
        .filter(|p| {
            (p[0] as i32 - 0x1f).abs() < 24
                && (p[1] as i32 - 0x77).abs() < 24
                && (p[2] as i32 - 0xb4).abs() < 24
        })
        .count();
    assert!(
        blue > 2_000,
        "only {blue} pixels of chart line in the screenshot"
    );
    Ok(())
}

fn daily_markdown_and_json() -> Result<(), Failed> {
    let env = TestEnv::new("report_md");
    env.seed("incident");
    let run = env.run(&["report", "daily"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for part in [
        "## Needs attention",
        "## Trends",
        "## Errors by code",
        "## Alarms",
        "AI_SERVICE_ERROR",
    ] {
        assert!(run.stdout.contains(part), "{part} missing:\n{}", run.stdout);
    }
    assert!(
        run.stdout.chars().any(|c| ('▁'..='█').contains(&c)),
        "no sparkline"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("daily.json");
    let run = env.run(&[
        "report",
        "daily",
        "--format",
        "json",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    let data: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(data["period"], "daily");
    assert_eq!(data["status"], "critical");
    assert_eq!(data["cost"]["monthly_budget_usd"], 500.0);
    assert!(data["performance"]["requests"].as_f64().unwrap() > 0.0);
    assert!(data["series"][0]["points"].as_array().unwrap().len() > 1);
    assert!(!data["errors"].as_array().unwrap().is_empty());
    let flagged: usize = data["quality"]
        .as_array()
        .unwrap()
        .iter()
        .chain(data["security"].as_array().unwrap())
        .map(|s| s["flagged"].as_array().unwrap().len())
        .sum();
    assert!(
        flagged > 0,
        "the incident's skewed priorities and auth errors are flagged"
    );
    assert!(data["attention"].as_array().unwrap().len() > 5);
    Ok(())
}
