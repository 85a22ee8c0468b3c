//! The funnel chart as plain data: one centred bar per stage whose width follows its
//! entrants, joined by a faint band so the funnel's narrowing reads at a glance; the stage
//! name on the left above the bar, the count and the rate from the stage above on the
//! right. [`layout`] turns bars into [`Shape`]s in device pixels, which
//! [`super::paint`] draws onto a plotters drawing area; [`hits`] says which row lies under
//! the pointer. Texts arrive formatted (in the UI language) so this module stays free of
//! i18n.

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
    /// Entrants.
    pub people: f64,
    /// Lead / purchase marking.
    pub marker: Marker,
}

/// A colour: red, green, blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// A colour with its opacity in thousandths (1000 = opaque).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paint {
    /// The colour.
    pub rgb: Rgb,
    /// Opacity, 0–1000.
    pub alpha: u16,
}

impl Rgb {
    /// This colour, opaque.
    pub fn solid(self) -> Paint {
        Paint { rgb: self, alpha: 1000 }
    }

    /// This colour at `alpha` thousandths of full opacity (at most 1000).
    pub fn mix(self, alpha: u16) -> Paint {
        Paint { rgb: self, alpha: alpha.min(1000) }
    }
}

/// Colours of the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Ordinary bars.
    pub bar: Rgb,
    /// The purchase stage's bar.
    pub accent: Rgb,
    /// Stages after the purchase.
    pub after: Rgb,
    /// Labels.
    pub text: Rgb,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            bar: Rgb(0x3b, 0x6e, 0xa8),
            accent: Rgb(0x0f, 0x7b, 0x5f),
            after: Rgb(0x8a, 0x99, 0xad),
            text: Rgb(0x1c, 0x25, 0x33),
        }
    }
}

/// Where a text's anchor point is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// The anchor is the text's top left.
    Start,
    /// The anchor is the text's top right.
    End,
}

/// One thing to paint, in device pixels (CSS pixels × the device pixel ratio).
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A filled rectangle.
    Rect {
        /// Left edge.
        x: i32,
        /// Top edge.
        y: i32,
        /// Width.
        w: i32,
        /// Height.
        h: i32,
        /// Fill.
        paint: Paint,
    },
    /// A filled quadrilateral (the band between two bars).
    Band {
        /// Corners, in drawing order.
        corners: [(i32, i32); 4],
        /// Fill.
        paint: Paint,
    },
    /// One line of text, hanging from its anchor.
    Text {
        /// Anchor x.
        x: i32,
        /// Anchor y (the top of the text).
        y: i32,
        /// Font size in device pixels.
        px: u32,
        /// Which side of the text the anchor is on.
        align: Align,
        /// The text.
        text: String,
        /// Colour.
        paint: Paint,
    },
    /// A stroked polyline (two points make a straight line, e.g. a marker).
    Line {
        /// The points, in drawing order.
        points: Vec<(i32, i32)>,
        /// Stroke width in device pixels.
        width: u32,
        /// Stroke colour.
        paint: Paint,
    },
    /// A filled circle.
    Circle {
        /// Centre x.
        x: i32,
        /// Centre y.
        y: i32,
        /// Radius.
        r: i32,
        /// Fill.
        paint: Paint,
    },
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

/// Font size of the labels in CSS pixels.
pub const FONT_PX: f64 = 13.0;

/// The shapes of the chart for `bars`, `width` device pixels wide, where `scale` is the
/// device pixel ratio (device pixels per CSS pixel). Bands come before the bars they join,
/// so a bar is painted over its band.
pub fn layout(bars: &[FunnelBar], width: u32, palette: &Palette, scale: f64) -> Vec<Shape> {
    let px = |css: f64| (css * scale).round() as i32;
    let pad = px(PADDING as f64);
    let full = (width as i32 - 2 * pad).max(10) as f64;
    let centre = width as i32 / 2;
    let font = (FONT_PX * scale).round().max(1.0) as u32;
    // about 7 CSS px per character; the figures take the right-hand ~40 %
    let max_chars = ((width as f64 / scale - 2.0 * PADDING as f64) * 0.58 / 7.0).max(8.0) as usize;

    let widths = widths(&bars.iter().map(|b| b.share).collect::<Vec<_>>());
    let mut shapes = Vec::with_capacity(bars.len() * 4);
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
            shapes.push(Shape::Band {
                corners: [
                    (centre - prev_half, prev_bottom),
                    (centre + prev_half, prev_bottom),
                    (centre + half, bar_top),
                    (centre - half, bar_top),
                ],
                paint: palette.bar.mix(120),
            });
        }
        shapes.push(Shape::Rect {
            x: centre - half,
            y: bar_top,
            w: 2 * half,
            h: bar_bottom - bar_top,
            paint: colour.solid(),
        });
        let text =
            |x, align, text| Shape::Text { x, y: top + px(2.0), px: font, align, text, paint: palette.text.solid() };
        shapes.push(text(pad, Align::Start, fit(&bar.label, max_chars)));
        shapes.push(text(width as i32 - pad, Align::End, bar.figures.clone()));
        previous = Some((half, bar_bottom));
    }
    shapes
}

/// Where each stage's row is, for `stages` bars drawn `width` device pixels wide at
/// `scale`: the whole row, name and figures included.
pub fn hits(stages: usize, width: u32, scale: f64) -> super::HitMap {
    let px = |css: f64| (css * scale).round() as i32;
    let targets = (0..stages)
        .map(|i| {
            let top = px(PADDING as f64 + (i as u32 * ROW_HEIGHT) as f64);
            let bottom = px(PADDING as f64 + ((i as u32 + 1) * ROW_HEIGHT) as f64) - 1;
            super::Target::Area { x0: 0, y0: top, x1: width as i32, y1: bottom, index: i }
        })
        .collect();
    super::HitMap { targets }
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
                people: s * 1000.0,
                marker: if i == shares.len() - 1 { Marker::Purchase } else { Marker::None },
            })
            .collect()
    }

    fn rect_widths(shapes: &[Shape]) -> Vec<i32> {
        shapes.iter().filter_map(|s| if let Shape::Rect { w, .. } = s { Some(*w) } else { None }).collect()
    }

    fn texts(shapes: &[Shape]) -> Vec<(&str, Align)> {
        shapes
            .iter()
            .filter_map(|s| if let Shape::Text { text, align, .. } = s { Some((text.as_str(), *align)) } else { None })
            .collect()
    }

    #[test]
    fn one_bar_per_stage_narrowing_down() {
        let shapes = layout(&bars(&[1.0, 0.4, 0.05, 0.0]), 400, &Palette::default(), 1.0);
        let widths = rect_widths(&shapes);
        assert_eq!(widths.len(), 4, "{shapes:?}");
        assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
        // the widest bar spans the width less the padding: 400 − 2 · 8 = 384
        assert_eq!(widths[0], 384);
        // an empty stage still shows a sliver: 2 % of 384 px ≈ 8 px
        assert!(widths[3] >= 6 && widths[3] < widths[2], "{widths:?}");
        let bands = shapes.iter().filter(|s| matches!(s, Shape::Band { .. })).count();
        assert_eq!(bands, 3);
        let texts = texts(&shapes);
        assert_eq!(texts[0], ("1. Stage", Align::Start));
        assert_eq!(texts[1], ("1000", Align::End));
        assert_eq!(texts.len(), 8);
    }

    #[test]
    fn bars_are_centred_and_stacked_in_rows() {
        let shapes = layout(&bars(&[1.0, 0.5]), 300, &Palette::default(), 1.0);
        let rects: Vec<(i32, i32, i32, i32)> = shapes
            .iter()
            .filter_map(|s| if let Shape::Rect { x, y, w, h, .. } = s { Some((*x, *y, *w, *h)) } else { None })
            .collect();
        for (x, _, w, _) in &rects {
            // centred on 150: left and right margins are equal
            assert_eq!(*x, 300 - (x + w), "{rects:?}");
        }
        // row 1 starts one row (48 px) below row 0; each bar starts 20 px into its row
        // and ends 6 px before the row's end: 8 + 20 = 28, height 48 − 6 − 20 = 22
        assert_eq!((rects[0].1, rects[0].3), (28, 22));
        assert_eq!(rects[1].1 - rects[0].1, 48);
        // the purchase stage is painted in the accent colour
        let purchase =
            shapes.iter().rev().find_map(|s| if let Shape::Rect { paint, .. } = s { Some(*paint) } else { None });
        assert_eq!(purchase, Some(Palette::default().accent.solid()));
    }

    #[test]
    fn hidpi_doubles_every_measure() {
        let a = layout(&bars(&[1.0, 0.5]), 300, &Palette::default(), 1.0);
        let b = layout(&bars(&[1.0, 0.5]), 600, &Palette::default(), 2.0);
        let (wa, wb) = (rect_widths(&a), rect_widths(&b));
        assert_eq!(wa.len(), wb.len());
        for (x, y) in wa.iter().zip(&wb) {
            assert!((y - 2 * x).abs() <= 2, "{x} vs {y}");
        }
        let font = |shapes: &[Shape]| {
            shapes.iter().find_map(|s| if let Shape::Text { px, .. } = s { Some(*px) } else { None })
        };
        assert_eq!((font(&a), font(&b)), (Some(13), Some(26)));
    }

    #[test]
    fn the_pointer_finds_the_row_it_is_in() {
        let map = hits(3, 400, 2.0);
        // rows of 48 CSS px after 8 px of padding, in device pixels at 2×
        assert_eq!(map.hit(10, 16), Some(0));
        assert_eq!(map.hit(390, 16 + 96 * 2 + 95), Some(2));
        assert_eq!(map.hit(10, 15), None);
        assert_eq!(map.hit(10, 16 + 96 * 3), None);
    }

    #[test]
    fn long_labels_are_shortened_and_odd_shares_are_tamed() {
        assert_eq!(fit("Opmærksomhed", 20), "Opmærksomhed");
        assert_eq!(fit("Sammenligner kandidater", 10), "Sammenlig…");
        assert_eq!(widths(&[f64::NAN, 7.0]), vec![0.02, 1.0]);
    }

    #[test]
    fn log_widths_keep_order_and_keep_small_stages_visible() {
        // a B2B funnel at the published averages: 20 000 → 400 → 80 → 32 → 19.2 → 3.84;
        // shares 1 … 0.000192 (3.7 decades)
        let shares = [1.0, 0.02, 0.004, 0.0016, 0.00096, 0.000192];
        let w = widths(&shares);
        assert!(w.windows(2).all(|p| p[0] > p[1]), "{w:?}");
        // the narrowest is 1 − 3.72 / (3.72 · 1.15) ≈ 0.13 of the width
        assert!((w[5] - (1.0 - 1.0 / 1.15)).abs() < 1e-9, "{w:?}");
        // a funnel within one decade: 1, 0.5 → 1 + log10(0.5) / 1 ≈ 0.70
        assert!((widths(&[1.0, 0.5])[1] - (1.0 + 0.5f64.log10())).abs() < 1e-12);
    }
}
