//! Time series drawn so trends are seen rather than read: a sparkline for Markdown and the
//! terminal, an SVG line chart (plotters) for the HTML report.

use jiff::Timestamp;
use plotters::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub title: String,
    pub unit: String,
    /// (bin start, value), oldest first.
    pub points: Vec<(Timestamp, f64)>,
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Characters a sparkline takes at most: a month of hourly points still fits a terminal line.
const SPARK_WIDTH: usize = 60;

/// One character per point, scaled between the series' minimum and maximum; a longer series is
/// averaged into [`SPARK_WIDTH`] buckets.
pub fn sparkline(values: &[f64]) -> String {
    if values.len() > SPARK_WIDTH {
        let buckets: Vec<f64> = (0..SPARK_WIDTH)
            .map(|i| {
                let part =
                    &values[i * values.len() / SPARK_WIDTH..(i + 1) * values.len() / SPARK_WIDTH];
                let finite: Vec<f64> = part.iter().copied().filter(|v| v.is_finite()).collect();
                if finite.is_empty() {
                    f64::NAN
                } else {
                    finite.iter().sum::<f64>() / finite.len() as f64
                }
            })
            .collect();
        return sparkline(&buckets);
    }
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (Some(min), Some(max)) = (
        finite.iter().copied().reduce(f64::min),
        finite.iter().copied().reduce(f64::max),
    ) else {
        return String::new();
    };
    values
        .iter()
        .map(|v| {
            if !v.is_finite() {
                ' '
            } else if max == min {
                BARS[3]
            } else {
                BARS[(((v - min) / (max - min)) * 7.0).round() as usize]
            }
        })
        .collect()
}

/// The series as a self-contained SVG document (no fonts or scripts to load).
pub fn svg(series: &Series) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (720, 260)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| e.to_string())?;
        let pts: Vec<(i64, f64)> = series
            .points
            .iter()
            .map(|(t, v)| (t.as_second(), *v))
            .collect();
        let (x0, x1) = match (pts.first(), pts.last()) {
            (Some(a), Some(b)) if b.0 > a.0 => (a.0, b.0),
            (Some(a), _) => (a.0 - 1800, a.0 + 1800),
            _ => (0, 1),
        };
        let top = pts.iter().map(|p| p.1).fold(0.0_f64, f64::max);
        let top = if top > 0.0 { top * 1.1 } else { 1.0 };
        let span = x1 - x0;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("{} ({})", series.title, series.unit),
                ("sans-serif", 16),
            )
            .margin(10)
            .x_label_area_size(28)
            .y_label_area_size(60)
            .build_cartesian_2d(x0..x1, 0.0..top)
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .x_labels(8)
            .y_labels(5)
            .x_label_formatter(&|secs| {
                Timestamp::from_second(*secs)
                    .map(|t| {
                        if span > 3 * 86_400 {
                            t.strftime("%m-%d").to_string()
                        } else {
                            t.strftime("%H:%M").to_string()
                        }
                    })
                    .unwrap_or_default()
            })
            .y_label_formatter(&|v| super::number(*v))
            .draw()
            .map_err(|e| e.to_string())?;
        let colour = RGBColor(0x1f, 0x77, 0xb4);
        chart
            .draw_series(LineSeries::new(pts.iter().copied(), colour.stroke_width(2)))
            .map_err(|e| e.to_string())?;
        chart
            .draw_series(pts.iter().map(|p| Circle::new(*p, 3, colour.filled())))
            .map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_scale_between_min_and_max() {
        assert_eq!(sparkline(&[0.0, 1.0, 2.0, 7.0]), "▁▂▃█");
        assert_eq!(sparkline(&[5.0, 5.0]), "▄▄");
        assert_eq!(sparkline(&[]), "");
        // A month of hours is averaged into 60 characters, its shape kept.
        let month: Vec<f64> = (0..720).map(|h| if h < 360 { 1.0 } else { 9.0 }).collect();
        let line = sparkline(&month);
        assert_eq!(line.chars().count(), 60);
        assert!(line.starts_with("▁▁") && line.ends_with("██"), "{line}");
    }

    #[test]
    fn svg_has_the_line_and_labels() {
        let t0 = Timestamp::from_second(1_700_000_000).unwrap();
        let s = Series {
            title: "Requests".into(),
            unit: "per hour".into(),
            points: (0..24)
                .map(|h| (t0 + jiff::SignedDuration::from_hours(h), (h % 5) as f64))
                .collect(),
        };
        let svg = svg(&s).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("<polyline"), "{svg}");
        assert!(svg.contains("Requests (per hour)"));
    }
}
