//! The funnel chart: one centred bar per stage whose width follows its entrants, joined
//! by a faint band so the funnel's narrowing reads at a glance; the stage name on the
//! left above the bar, the count and the rate from the stage above on the right.
//! Texts arrive formatted (in the UI language) so this module stays free of i18n.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Height of one stage's row, in CSS pixels.
pub const ROW_HEIGHT: u32 = 48;
/// Padding around the chart, in CSS pixels.
pub const PADDING: u32 = 8;

/// What a stage is marked as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// Before the lead stage, or between lead and purchase.
    None,
    /// The lead stage.
    Lead,
    /// The purchase stage.
    Purchase,
    /// After the purchase stage (retention, advocacy).
    After,
}

/// One bar of the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelBar {
    /// "1. Visitors".
    pub label: String,
    /// "50 000" or "50 000 · 40 %".
    pub figures: String,
    /// Entrants as a share of the widest stage, in [0, 1].
    pub share: f64,
    /// Lead / purchase marking.
    pub marker: Marker,
}

/// Colours of the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Ordinary bars.
    pub bar: RGBColor,
    /// The purchase stage's bar.
    pub accent: RGBColor,
    /// Stages after the purchase.
    pub after: RGBColor,
    /// Labels.
    pub text: RGBColor,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            bar: RGBColor(0x3b, 0x6e, 0xa8),
            accent: RGBColor(0x0f, 0x7b, 0x5f),
            after: RGBColor(0x8a, 0x99, 0xad),
            text: RGBColor(0x1c, 0x25, 0x33),
        }
    }
}

/// `rgba(r,g,b,a)` with the alpha written as thousandths.
pub fn css_colour(colour: plotters_backend::BackendColor) -> String {
    let (r, g, b) = colour.rgb;
    let milli = (colour.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32;
    if milli >= 1000 {
        format!("rgb({r},{g},{b})")
    } else {
        format!("rgba({r},{g},{b},0.{milli:03})")
    }
}

/// Height of the chart in CSS pixels for `stages` bars.
pub fn height(stages: usize) -> u32 {
    stages as u32 * ROW_HEIGHT + 2 * PADDING
}

/// Shortens a label to about `max_chars` characters, ending in "…".
pub fn fit(label: &str, max_chars: usize) -> String {
    if label.chars().count() <= max_chars {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(max_chars.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Bar widths as fractions of the full width, on a logarithmic scale so that a funnel
/// spanning several orders of magnitude (20 000 visitors → 4 customers) keeps every stage
/// visible: the widest stage is 1, the narrowest non-empty one about 0.13, and the order of
/// the shares is kept. An empty (or non-finite) share is a 2 % sliver.
///
/// # Examples
/// ```
/// use tragt::chart::funnel::widths;
/// let w = widths(&[1.0, 0.1, 0.01, 0.0]);
/// assert_eq!(w[0], 1.0);
/// assert!(w[0] > w[1] && w[1] > w[2] && w[2] > w[3]);
/// assert_eq!(w[3], 0.02);
/// ```
pub fn widths(shares: &[f64]) -> Vec<f64> {
    let positive = |s: f64| s.is_finite() && s > 0.0;
    let decades = shares.iter().copied().filter(|s| positive(*s)).map(|s| -s.min(1.0).log10()).fold(0.0, f64::max);
    // span the decades over 87 % of the width; a funnel within one decade stays linear-ish
    let span = (decades * 1.15).max(1.0);
    shares
        .iter()
        .map(|&s| if positive(s) { (1.0 + s.min(1.0).log10() / span).clamp(0.06, 1.0) } else { 0.02 })
        .collect()
}

/// Draws the chart on `area`, whose size is `scale` × the CSS size (the device pixel ratio).
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &[FunnelBar],
    palette: &Palette,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, _) = area.dim_in_pixel();
    let px = |css: f64| (css * scale).round() as i32;
    let pad = px(PADDING as f64);
    let full = (w as i32 - 2 * pad).max(10) as f64;
    let centre = w as i32 / 2;
    // plotters draws text at size / 1.24 (points to pixels): 16 gives ~13 CSS px
    let font_px = 16.0 * scale;
    let label_style = ("sans-serif", font_px).into_font().color(&palette.text);
    let figures_style = label_style.clone().pos(Pos::new(HPos::Right, VPos::Top));
    // about 7 CSS px per character; the figures take the right-hand ~40 %
    let max_chars = ((w as f64 / scale - 2.0 * PADDING as f64) * 0.58 / 7.0).max(8.0) as usize;

    let widths = widths(&bars.iter().map(|b| b.share).collect::<Vec<_>>());
    let mut previous: Option<(i32, i32)> = None;
    for (i, bar) in bars.iter().enumerate() {
        let top = pad + px((i as u32 * ROW_HEIGHT) as f64);
        let bar_top = top + px(20.0);
        let bar_bottom = top + px(ROW_HEIGHT as f64 - 6.0);
        let half = (widths[i] * full / 2.0).round() as i32;
        let colour = match bar.marker {
            Marker::Purchase => palette.accent,
            Marker::After => palette.after,
            Marker::None | Marker::Lead => palette.bar,
        };
        if let Some((prev_half, prev_bottom)) = previous {
            area.draw(&Polygon::new(
                vec![
                    (centre - prev_half, prev_bottom),
                    (centre + prev_half, prev_bottom),
                    (centre + half, bar_top),
                    (centre - half, bar_top),
                ],
                palette.bar.mix(0.12).filled(),
            ))?;
        }
        area.draw(&Rectangle::new([(centre - half, bar_top), (centre + half, bar_bottom)], colour.filled()))?;
        area.draw_text(&fit(&bar.label, max_chars), &label_style, (pad, top + px(2.0)))?;
        area.draw_text(&bar.figures, &figures_style, (w as i32 - pad, top + px(2.0)))?;
        previous = Some((half, bar_bottom));
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn bars(shares: &[f64]) -> Vec<FunnelBar> {
        shares
            .iter()
            .enumerate()
            .map(|(i, s)| FunnelBar {
                label: format!("{}. Stage", i + 1),
                figures: format!("{}", s * 1000.0),
                share: *s,
                marker: if i == shares.len() - 1 { Marker::Purchase } else { Marker::None },
            })
            .collect()
    }

    fn rect_widths(svg: &str) -> Vec<f64> {
        svg.split("<rect").skip(1).filter_map(|r| r.split("width=\"").nth(1)?.split('"').next()?.parse().ok()).collect()
    }

    #[test]
    fn one_bar_per_stage_narrowing_down() {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (400, height(4))).into_drawing_area();
            draw(&area, &bars(&[1.0, 0.4, 0.05, 0.0]), &Palette::default(), 1.0).unwrap();
        }
        let widths = rect_widths(&svg);
        assert_eq!(widths.len(), 4, "{svg}");
        assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
        // an empty stage still shows a sliver: 2 % of 384 px ≈ 8 px
        assert!(widths[3] >= 6.0 && widths[3] < widths[2], "{widths:?}");
        assert_eq!(svg.matches("1. Stage").count(), 1);
        assert_eq!(svg.matches("<polygon").count(), 3);
    }

    #[test]
    fn hidpi_doubles_every_measure() {
        let (mut a, mut b) = (String::new(), String::new());
        {
            let area = SVGBackend::with_string(&mut a, (300, height(2))).into_drawing_area();
            draw(&area, &bars(&[1.0, 0.5]), &Palette::default(), 1.0).unwrap();
            let area = SVGBackend::with_string(&mut b, (600, height(2) * 2)).into_drawing_area();
            draw(&area, &bars(&[1.0, 0.5]), &Palette::default(), 2.0).unwrap();
        }
        let (wa, wb) = (rect_widths(&a), rect_widths(&b));
        assert_eq!(wa.len(), wb.len());
        for (x, y) in wa.iter().zip(&wb) {
            assert!((y - 2.0 * x).abs() <= 2.0, "{x} vs {y}");
        }
    }

    #[test]
    fn colours_are_written_without_float_formatting() {
        use plotters_backend::BackendColor;
        assert_eq!(css_colour(BackendColor { alpha: 1.0, rgb: (15, 123, 95) }), "rgb(15,123,95)");
        assert_eq!(css_colour(BackendColor { alpha: 0.12, rgb: (1, 2, 3) }), "rgba(1,2,3,0.120)");
        assert_eq!(css_colour(BackendColor { alpha: 0.0005, rgb: (0, 0, 0) }), "rgba(0,0,0,0.001)");
        assert_eq!(css_colour(BackendColor { alpha: f64::NAN, rgb: (0, 0, 0) }), "rgba(0,0,0,0.000)");
    }

    #[test]
    fn long_labels_are_shortened_and_odd_shares_are_tamed() {
        assert_eq!(fit("Opmærksomhed", 20), "Opmærksomhed");
        assert_eq!(fit("Sammenligner kandidater", 10), "Sammenlig…");
        assert_eq!(widths(&[f64::NAN, 7.0]), vec![0.02, 1.0]);
    }

    #[test]
    fn log_widths_keep_order_and_keep_small_stages_visible() {
        // B2B: 20 000 → 400 → 80 → 32 → 19.2 → 3.84; shares 1 … 0.000192 (3.7 decades)
        let shares = [1.0, 0.02, 0.004, 0.0016, 0.00096, 0.000192];
        let w = widths(&shares);
        assert!(w.windows(2).all(|p| p[0] > p[1]), "{w:?}");
        // the narrowest is 1 − 3.72 / (3.72 · 1.15) ≈ 0.13 of the width
        assert!((w[5] - (1.0 - 1.0 / 1.15)).abs() < 1e-9, "{w:?}");
        // a funnel within one decade: 1, 0.5 → 1 + log10(0.5) / 1 ≈ 0.70
        assert!((widths(&[1.0, 0.5])[1] - (1.0 + 0.5f64.log10())).abs() < 1e-12);
    }
}
