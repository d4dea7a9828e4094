//! `report`: each period's checklist on the incident scenario, every seeded problem in the
//! section its guide's checklist puts it in; the weekly HTML report rendered by headless
//! Chromium, charts and all; Markdown with sparklines; the JSON data.

use crate::support::TestEnv;
use libtest_mimic::Failed;
use serde_json::Value;

tests![
    weekly_html_draws_every_chart,
    daily_markdown_and_json,
    each_period_puts_every_seeded_problem_in_its_checklist
];

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
    // The week's series with a line to draw: task generation per day, errors, the profile
    // API's response time (the seed's metrics span hours: one 4-hour bin, no chart, said so).
    assert!(charts.len() >= 6, "{} charts", charts.len());
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
        "## Morning (9:00) 朝",
        "### ✗ Step Functions executions Step Functionsの実行状態: needs attention",
        "## Evening (17:00) 夕方",
        "### ? Cost コストの確認: not available",
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
    for item in data["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
    {
        let verdict = item["verdict"].as_str().unwrap();
        assert!(
            ["ok", "needs attention", "not available"].contains(&verdict),
            "{item}"
        );
        assert!(!item["findings"].as_array().unwrap().is_empty(), "{item}");
    }
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

/// The item of `section` (by title prefix) whose findings or evidence mention `text`.
fn named_in<'a>(data: &'a Value, section: &str, text: &str) -> Option<&'a Value> {
    data["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["title"].as_str().unwrap().starts_with(section))
        .flat_map(|s| s["items"].as_array().unwrap())
        .find(|i| {
            i["findings"].to_string().contains(text) || i["evidence"].to_string().contains(text)
        })
}

/// On the incident scenario each period's report names every seeded problem, each in the
/// section its checklist puts it (002 日次/週次/月次チェック, 000 定期メンテナンス, 003 日常運用タスク,
/// 002 セキュリティ監査); nothing falls outside the checklists; what cannot be known (the
/// emulator has no cost data and no alarm history) says so.
fn each_period_puts_every_seeded_problem_in_its_checklist() -> Result<(), Failed> {
    let env = TestEnv::new("report_checklists");
    env.seed("incident");
    let (code, opened) = env.json(&[
        "incident",
        "start",
        "--severity",
        "2",
        "--title",
        "throttling",
    ]);
    assert_eq!(code, 0, "{opened}");
    let incident = opened["incident"]["id"].as_str().unwrap().to_string();
    let expected: [(&str, &[(&str, &str)]); 3] = [
        (
            "daily",
            &[
                ("Morning (9:00)", "database.stuck-processing"),
                ("Morning (9:00)", "error rate"),
                ("Morning (9:00)", "AI_SERVICE_ERROR"),
                ("Morning (9:00)", "database.pending-queue"),
                ("Morning (9:00)", "stepfunctions.failed"),
                ("Evening (17:00)", "async.timeouts"),
                ("Dashboard", "traffic.profile-requests"),
                ("Dashboard", "alarms.AsyncProcessing-ErrorRate"),
                ("Daily tasks", "lambda.ai-processor.throttles"),
                ("Daily tasks", "bedrock.throttles"),
                ("Daily tasks", "Cost Explorer has no figures"),
                ("Daily tasks", "minutes-per-task: avg_minutes_per_task"),
                ("Daily tasks", "priority-share: high_pct"),
                ("Security (daily)", "Authentication errors per hour"),
                ("Security (daily)", "forbidden-by-user: count"),
                ("Security (daily)", "prompt-injection: count()"),
                ("Security (daily)", "security.rate-limit"),
            ],
        ),
        (
            "weekly",
            &[
                ("Monday", "database.stuck-processing"),
                ("Monday", "stepfunctions.timed-out"),
                ("Monday", "logs.database-errors"),
                ("Monday", "aurora.read-latency"),
                ("Monday", "scale lambda ai-processor --reserved"),
                ("Weekly tasks", "alarm history not available"),
                ("Weekly tasks", "Profile API p95 response time"),
                ("Weekly tasks", "Authentication errors per hour"),
                ("Weekly tasks", "priority-share: medium_pct"),
                ("Security audit (weekly)", "security groups"),
                ("Maintenance", "older than the 90-day retention"),
                ("Maintenance", "database.index"),
            ],
        ),
        (
            "monthly",
            &[
                ("First of the month", "database.stuck-processing"),
                ("First of the month", "async.error-rate"),
                ("First of the month", &incident),
                ("First of the month", "Cost Explorer has no figures"),
                ("First of the month", "scale lambda ai-processor --memory"),
                ("Security audit (monthly)", "prompt-injection: count()"),
                ("Logic review", "priority-share: low_pct"),
                ("Maintenance", "older than the 90-day retention"),
            ],
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (period, places) in expected {
        let file = dir.path().join(format!("{period}.json"));
        let run = env.run(&[
            "report",
            period,
            "--format",
            "json",
            "--out",
            file.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 2, "{period}: {}", run.stderr);
        let data: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let titles: Vec<&str> = data["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["title"].as_str().unwrap())
            .collect();
        assert!(
            !titles.contains(&"Outside the checklists"),
            "{period}: a problem no checklist item reads: {}",
            data["checklist"].as_array().unwrap().last().unwrap()
        );
        for (section, text) in places {
            let item = named_in(&data, section, text)
                .unwrap_or_else(|| panic!("{period}: `{text}` is not in {section}: {titles:?}"));
            // The seeded 12 authentication failures span 45 minutes: whether ten fall in one
            // clock hour (the guide's `bin(1h)`, 10件/時間以上) depends on when the test runs.
            if !text.starts_with("Authentication errors") {
                assert_ne!(item["verdict"], "ok", "{period}: {item}");
            }
        }
    }
    Ok(())
}
