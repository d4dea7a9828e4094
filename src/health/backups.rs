//! Aurora backups and recovery: automated backups kept 7 days, taken in the window at 03:00
//! JST, and a restorable point within the 24-hour RPO (002 データ管理 / バックアップ).

use super::check::{Check, Order, run};
use super::eval::Status;
use super::{Probe, Row};
use crate::config::Component;
use crate::config::thresholds::sources as s;
use crate::error::Result;
use crate::output::rounded;
use jiff::civil::Time;

pub fn checks() -> Vec<Check> {
    vec![
        Check::new(
            "aurora.backup-retention",
            s::BACKUP,
            Order::Describe,
            run!(retention),
        ),
        Check::new(
            "aurora.backup-window",
            s::BACKUP,
            Order::Describe,
            run!(window),
        ),
        Check::new(
            "aurora.restorable",
            s::RECOVERY,
            Order::Describe,
            run!(restorable),
        ),
        Check::new(
            "aurora.snapshot",
            s::BACKUP,
            Order::Describe,
            run!(snapshot),
        ),
    ]
}

fn no_cluster(p: &Probe<'_>, k: &Check) -> Row {
    let id = p.env.names.get(Component::AuroraCluster);
    k.row(Status::Critical, format!("the cluster {id} does not exist"))
}

async fn retention(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let Some(cluster) = p.cluster().await? else {
        return Ok(no_cluster(p, k));
    };
    let want = p.ctx.thresholds.backup.retention_days;
    let have = cluster.backup_retention_period();
    let status = if have == Some(want) {
        Status::Ok
    } else {
        Status::Warn
    };
    let message = match have {
        Some(d) if d < want => format!(
            "backups are kept {}: a problem found later than that cannot be restored from",
            days(d)
        ),
        Some(d) if d > want => format!(
            "backups are kept {}, longer than the guide's {}",
            days(d),
            days(want)
        ),
        Some(_) => "automated backups".into(),
        None => "the endpoint reports no backup retention".into(),
    };
    Ok(k.row(status, message)
        .with_value(have.map(days).unwrap_or_else(|| "-".into()))
        .with_threshold(days(want)))
}

fn days(n: i32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// `hh24:mi-hh24:mi` (UTC), as RDS states a window.
fn parse_window(text: &str) -> Option<(Time, Time)> {
    let (a, b) = text.split_once('-')?;
    let t = |s: &str| Time::strptime("%H:%M", s.trim()).ok();
    Some((t(a)?, t(b)?))
}

/// Whether the window covers `t`, across midnight too.
fn covers((start, end): (Time, Time), t: Time) -> bool {
    if start <= end {
        start <= t && t < end
    } else {
        t >= start || t < end
    }
}

/// A UTC time of day as JST (UTC+9 all year).
fn jst(t: Time) -> String {
    t.wrapping_add(jiff::SignedDuration::from_hours(9))
        .strftime("%H:%M")
        .to_string()
}

async fn window(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let Some(cluster) = p.cluster().await? else {
        return Ok(no_cluster(p, k));
    };
    let b = &p.ctx.thresholds.backup;
    let start = b.window_start()?;
    let threshold = format!(
        "covers {} JST ({} UTC)",
        b.window_start_jst,
        start.strftime("%H:%M")
    );
    let Some(text) = cluster.preferred_backup_window() else {
        return Ok(k
            .row(Status::Warn, "the endpoint reports no backup window")
            .with_threshold(threshold));
    };
    let Some(w) = parse_window(text) else {
        return Ok(k
            .row(
                Status::Warn,
                format!("the backup window `{text}` is not hh:mm-hh:mm"),
            )
            .with_threshold(threshold));
    };
    let value = format!("{text} UTC ({}-{} JST)", jst(w.0), jst(w.1));
    let (status, message) = if covers(w, start) {
        (Status::Ok, "daily automated backup".to_string())
    } else {
        (
            Status::Warn,
            format!(
                "backups run at another time than the guide's {} JST",
                b.window_start_jst
            ),
        )
    };
    Ok(k.row(status, message)
        .with_value(value)
        .with_threshold(threshold))
}

async fn restorable(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let Some(cluster) = p.cluster().await? else {
        return Ok(no_cluster(p, k));
    };
    let rpo = p.ctx.thresholds.backup.rpo_hours;
    let threshold = format!("within the RPO of {} h", rounded(rpo));
    let Some(latest) = cluster
        .latest_restorable_time()
        .and_then(crate::aws::to_timestamp)
    else {
        return Ok(k
            .row(
                Status::Critical,
                "the cluster has no restorable point: it cannot be restored to any time",
            )
            .with_value("none")
            .with_threshold(threshold));
    };
    let hours = p.end.duration_since(latest).as_secs_f64().max(0.0) / 3600.0;
    let status = if hours > rpo {
        Status::Critical
    } else {
        Status::Ok
    };
    Ok(k.row(
        status,
        format!(
            "point-in-time restore reaches {}",
            latest.strftime("%Y-%m-%d %H:%M UTC")
        ),
    )
    .with_value(format!("{} h ago", rounded(hours)))
    .with_threshold(threshold))
}

async fn snapshot(p: &Probe<'_>, k: &Check) -> Result<Row> {
    let id = p.env.names.get(Component::AuroraCluster);
    let max = p.ctx.thresholds.backup.snapshot_max_age_hours;
    let threshold = format!("daily; newest at most {} h old", rounded(max));
    if p.cluster().await?.is_none() {
        return Ok(no_cluster(p, k));
    }
    let Some(newest) = crate::aws::rds::newest_automated_snapshot(p.ctx.aws().await?, id).await?
    else {
        return Ok(k
            .row(
                Status::Critical,
                format!("{id} has no automated snapshot: there is nothing to restore from"),
            )
            .with_value("none")
            .with_threshold(threshold));
    };
    let hours = p.end.duration_since(newest).as_secs_f64().max(0.0) / 3600.0;
    let status = if hours > max {
        Status::Warn
    } else {
        Status::Ok
    };
    Ok(k.row(
        status,
        format!(
            "newest automated snapshot taken {}",
            newest.strftime("%Y-%m-%d %H:%M UTC")
        ),
    )
    .with_value(format!("{} h old", rounded(hours)))
    .with_threshold(threshold))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_guides_time_across_midnight_too() {
        let at = |s: &str| Time::strptime("%H:%M", s).unwrap();
        let w = parse_window("18:00-18:30").unwrap();
        assert!(covers(w, at("18:00")));
        assert!(!covers(w, at("18:30")));
        assert!(!covers(parse_window("01:37-02:07").unwrap(), at("18:00")));
        let late = parse_window("23:45-00:15").unwrap();
        assert!(covers(late, at("00:00")) && covers(late, at("23:50")));
        assert!(parse_window("soon").is_none());
        assert_eq!(jst(at("18:00")), "03:00");
    }

    #[test]
    fn the_guides_window_is_18_utc() {
        let b = crate::config::thresholds::Backup::default();
        assert_eq!(b.window_start().unwrap(), Time::constant(18, 0, 0, 0));
    }
}
