//! Three more charts as plain shapes: the 24-month [`timeline`] (cumulative spend against
//! cumulative gross margin over each month's new customers, the break-even month marked),
//! horizontal [`bars`] (the bottleneck levers) and a [`histogram`] (the simulated customers
//! with their P10, P50 and P90). Like [`super::funnel`], each layout is pure, works in
//! device pixels with integer coordinates and takes its texts formatted. A value that is
//! not a finite number above 0 counts as 0, so no input yields a NaN coordinate.

use super::funnel::{fit, Align, Paint, Palette, Shape};

/// Height of the timeline chart, in CSS pixels.
pub const TIMELINE_HEIGHT: u32 = 220;
/// Height of the histogram, in CSS pixels.
pub const HISTOGRAM_HEIGHT: u32 = 180;
/// Height of one row of the bar chart, in CSS pixels.
pub const BAR_ROW_HEIGHT: u32 = 36;

/// Padding around each chart, CSS pixels.
const PAD: i32 = 8;
/// Font size, CSS pixels.
const FONT: i32 = 12;
/// Height of a line of text, CSS pixels.
const LINE: i32 = 16;
/// Most lines of marker labels above the histogram.
const MARK_LINES: usize = 3;

/// The measures of one drawing, in device pixels.
struct Frame {
    /// Device pixels per CSS pixel.
    scale: f64,
    width: i32,
    height: i32,
    font: u32,
    /// The drawing's left and right edges inside the padding.
    left: i32,
    right: i32,
}

impl Frame {
    fn new(width: u32, css_height: u32, scale: f64) -> Frame {
        let scale = if scale.is_finite() && scale > 0.0 { scale.min(8.0) } else { 1.0 };
        let px = |css: i32| (css as f64 * scale).round() as i32;
        let width = width.min(i32::MAX as u32) as i32;
        Frame {
            scale,
            width,
            height: px(css_height.min(1 << 20) as i32),
            font: px(FONT).max(1) as u32,
            left: px(PAD),
            right: (width - px(PAD)).max(px(PAD)),
        }
    }

    /// `css` CSS pixels in device pixels.
    fn px(&self, css: i32) -> i32 {
        (css as f64 * self.scale).round() as i32
    }

    /// The width between the paddings.
    fn inner(&self) -> i32 {
        self.right - self.left
    }

    /// About how wide `text` is: 0.6 em a character.
    fn text_width(&self, text: &str) -> i32 {
        (text.chars().count().min(1 << 16) as i32) * self.font as i32 * 3 / 5
    }

    fn text(&self, x: i32, y: i32, align: Align, text: &str, paint: Paint) -> Shape {
        Shape::Text { x, y, px: self.font, align, text: text.to_string(), paint }
    }

    /// `text` centred on `x` as far as the canvas allows.
    fn centred(&self, x: i32, y: i32, text: &str, paint: Paint) -> Shape {
        let w = self.text_width(text);
        self.text((x - w / 2).clamp(0, (self.width - w).max(0)), y, Align::Start, text, paint)
    }

    /// A polyline `css_width` CSS pixels wide.
    fn line(&self, points: Vec<(i32, i32)>, css_width: i32, paint: Paint) -> Shape {
        Shape::Line { points, width: self.px(css_width).max(1) as u32, paint }
    }

    /// A straight line from `a` to `b`, one CSS pixel wide.
    fn rule(&self, a: (i32, i32), b: (i32, i32), paint: Paint) -> Shape {
        self.line(vec![a, b], 1, paint)
    }
}

/// `v` if it is a finite number above 0, else 0.
fn clean(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

/// The largest of `values` after [`clean`].
fn largest(values: impl Iterator<Item = f64>) -> f64 {
    values.map(clean).fold(0.0, f64::max)
}

/// `len` · v / max, rounded, in [0, len]; 0 when `max` is 0.
fn along(len: i32, v: f64, max: f64) -> i32 {
    let (v, max) = (clean(v), clean(max));
    if max == 0.0 {
        0
    } else {
        (len.max(0) as f64 * (v / max).min(1.0)).round() as i32
    }
}

/// One month of the timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TimelinePoint {
    /// Spend up to and including this month.
    pub cumulative_spend: f64,
    /// Gross margin up to and including this month.
    pub cumulative_margin: f64,
    /// Customers acquired this month.
    pub new_customers: f64,
}

/// The timeline's texts, formatted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineLabels {
    /// Ticks on the month axis: the month (1-based) and its label ("1", "6", …).
    pub month_ticks: Vec<(usize, String)>,
    /// The break-even marker's label ("Break-even: month 7").
    pub breakeven: Option<String>,
    /// Legend: the cumulative spend line.
    pub spend: String,
    /// Legend: the cumulative gross margin line.
    pub margin: String,
    /// Legend: the new customers bars.
    pub customers: String,
    /// The top of the money scale ("120 000 kr.").
    pub y_max: String,
}

/// The timeline chart, `width` device pixels wide and [`TIMELINE_HEIGHT`] CSS pixels high
/// (`scale` is the device pixel ratio): a legend on top; below it light bars for each
/// month's new customers (on their own scale, up to a third of the plot's height) and two
/// lines on one money scale from 0 to the larger of both, cumulative spend muted and
/// cumulative gross margin in the accent colour; a marker at the break-even month (1-based)
/// if there is one, with its label beside it; month ticks under the axis.
pub fn timeline(
    points: &[TimelinePoint],
    breakeven: Option<usize>,
    labels: &TimelineLabels,
    width: u32,
    palette: &Palette,
    scale: f64,
) -> Vec<Shape> {
    let f = Frame::new(width, TIMELINE_HEIGHT, scale);
    let (left, right) = (f.left, f.right);
    let text = palette.text.mix(800);
    let spend = palette.text.mix(600);
    let margin = palette.accent.solid();
    let customers = palette.bar.mix(300);
    let mut shapes = Vec::with_capacity(points.len() + 16);

    // the legend, wrapped onto more lines when the canvas is narrow
    let (mut x, mut y) = (left, f.px(PAD));
    for (label, paint, is_line) in
        [(&labels.spend, spend, true), (&labels.margin, margin, true), (&labels.customers, customers, false)]
    {
        if label.is_empty() {
            continue;
        }
        let item = f.px(16) + f.text_width(label);
        if x > left && x + item > right {
            x = left;
            y += f.px(LINE);
        }
        let swatch = f.px(12);
        shapes.push(if is_line {
            let mid = y + f.font as i32 / 2;
            f.line(vec![(x, mid), (x + swatch, mid)], 2, paint)
        } else {
            Shape::Rect { x, y: y + f.px(2), w: swatch, h: f.font as i32 - f.px(3), paint }
        });
        shapes.push(f.text(x + f.px(16), y, Align::Start, label, text));
        x += item + f.px(12);
    }

    let top = y + f.px(LINE + 6);
    let bottom = (f.height - f.px(PAD + LINE + 4)).max(top);
    let plot = bottom - top;
    shapes.push(f.rule((left, top), (right, top), palette.text.mix(120)));
    shapes.push(f.rule((left, bottom), (right, bottom), palette.text.mix(350)));

    let n = points.len();
    // the centre of month i's slot (0-based)
    let centre = |i: usize| left + (f.inner() as f64 * (2 * i + 1) as f64 / (2 * n) as f64).round() as i32;
    if n > 0 {
        let most = largest(points.iter().map(|p| p.new_customers));
        let bar = (f.inner() * 3 / 5 / n as i32).max(1);
        for (i, p) in points.iter().enumerate() {
            let h = along(plot / 3, p.new_customers, most);
            if h > 0 {
                shapes.push(Shape::Rect { x: centre(i) - bar / 2, y: bottom - h, w: bar, h, paint: customers });
            }
        }
        let max = largest(points.iter().flat_map(|p| [p.cumulative_spend, p.cumulative_margin]));
        let series = |value: fn(&TimelinePoint) -> f64| {
            points.iter().enumerate().map(|(i, p)| (centre(i), bottom - along(plot, value(p), max))).collect()
        };
        shapes.push(f.line(series(|p| p.cumulative_spend), 2, spend));
        shapes.push(f.line(series(|p| p.cumulative_margin), 2, margin));
    }
    if let Some(month) = breakeven.filter(|m| (1..=n).contains(m)) {
        let x = centre(month - 1);
        shapes.push(f.rule((x, top), (x, bottom), palette.accent.mix(700)));
        if let Some(label) = &labels.breakeven {
            // on the second line, under the scale's top label
            let (w, gap, y) = (f.text_width(label), f.px(4), top + f.px(LINE + 2));
            shapes.push(if x + gap + w <= right {
                f.text(x + gap, y, Align::Start, label, text)
            } else {
                f.text(x - gap, y, Align::End, label, text)
            });
        }
    }
    shapes.push(f.text(left + f.px(2), top + f.px(2), Align::Start, &labels.y_max, text));
    for (month, label) in labels.month_ticks.iter().filter(|(m, _)| (1..=n).contains(m)) {
        let x = centre(month - 1);
        shapes.push(f.rule((x, bottom), (x, bottom + f.px(3)), palette.text.mix(350)));
        shapes.push(f.centred(x, bottom + f.px(5), label, text));
    }
    shapes
}

/// One row of the bar chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BarRow {
    /// The row's name ("3. Add to cart").
    pub label: String,
    /// The bar's value (≥ 0).
    pub value: f64,
    /// The value, formatted ("+151 200 kr.").
    pub text: String,
    /// Drawn in the accent colour.
    pub highlight: bool,
}

/// Height of the bar chart in CSS pixels for `rows` rows.
pub fn bars_height(rows: usize) -> u32 {
    (rows.min(1 << 16) as u32) * BAR_ROW_HEIGHT + 2 * PAD as u32
}

/// The bar chart, `width` device pixels wide and [`bars_height`] CSS pixels high: one row
/// per entry with its label on the left and its text on the right, above a bar whose
/// length is its value as a share of the largest one, over a faint full-length track.
pub fn bars(rows: &[BarRow], width: u32, palette: &Palette, scale: f64) -> Vec<Shape> {
    let f = Frame::new(width, bars_height(rows.len()), scale);
    let full = f.inner();
    let max = largest(rows.iter().map(|r| r.value));
    let char_width = (f.font as i32 * 3 / 5).max(1);
    let row_height = BAR_ROW_HEIGHT as i32;
    let mut shapes = Vec::with_capacity(rows.len() * 4);
    for (i, row) in rows.iter().enumerate() {
        let top = f.px(PAD + i as i32 * row_height);
        let bar_top = top + f.px(18);
        let bar_height = f.px(row_height - 24);
        shapes.push(Shape::Rect { x: f.left, y: bar_top, w: full, h: bar_height, paint: palette.bar.mix(100) });
        let mut w = along(full, row.value, max);
        if w == 0 && clean(row.value) > 0.0 {
            w = 1;
        }
        if w > 0 {
            let colour = if row.highlight { palette.accent } else { palette.bar };
            shapes.push(Shape::Rect { x: f.left, y: bar_top, w, h: bar_height, paint: colour.solid() });
        }
        let room = ((full - f.text_width(&row.text) - f.px(12)) / char_width).max(8) as usize;
        let text = palette.text.solid();
        shapes.push(f.text(f.left, top + f.px(2), Align::Start, &fit(&row.label, room), text));
        shapes.push(f.text(f.right, top + f.px(2), Align::End, &row.text, text));
    }
    shapes
}

/// The histogram, `width` device pixels wide and [`HISTOGRAM_HEIGHT`] CSS pixels high: one
/// bar per bin, its height its count as a share of the largest; a marker line at each of
/// `marks` (a position in [0, 1] along the axis and its label), the labels above the bars,
/// staggered onto more lines where they would overlap a label or cross a marker line;
/// `axis`'s low and high ends under the axis.
pub fn histogram(
    counts: &[u32],
    marks: &[(f64, String)],
    axis: (&str, &str),
    width: u32,
    palette: &Palette,
    scale: f64,
) -> Vec<Shape> {
    let f = Frame::new(width, HISTOGRAM_HEIGHT, scale);
    let (left, right, gap, line) = (f.left, f.right, f.px(3), f.px(LINE));
    let text = palette.text.solid();

    // each mark: its x, its label's extent, its line of labels and the label's alignment
    struct Placed {
        x: i32,
        from: i32,
        to: i32,
        row: usize,
        align: Align,
    }
    let mut placed: Vec<Placed> = Vec::with_capacity(marks.len());
    for (position, label) in marks {
        let x = left + (f.inner() as f64 * clean(*position).min(1.0)).round() as i32;
        let w = f.text_width(label);
        let (from, to, align) = if x + gap + w <= right {
            (x + gap, x + gap + w, Align::Start)
        } else {
            (x - gap - w, x - gap, Align::End)
        };
        let outside = |x: i32, from: i32, to: i32| x < from || x > to;
        // a line runs from under its label down to the axis, through the lines below; a
        // new line of labels is always free of other labels, up to the last one allowed
        let fits = |row: usize| {
            placed.iter().all(|p| {
                if p.row == row {
                    p.to + gap < from || to + gap < p.from
                } else if p.row < row {
                    outside(p.x, from, to)
                } else {
                    outside(x, p.from, p.to)
                }
            })
        };
        let row = (0..placed.len()).find(|&r| fits(r)).unwrap_or(placed.len()).min(MARK_LINES - 1);
        placed.push(Placed { x, from, to, row, align });
    }
    let rows = placed.iter().map(|p| p.row + 1).max().unwrap_or(0) as i32;

    let top = f.px(PAD) + rows * line + f.px(2);
    let bottom = (f.height - f.px(PAD + LINE)).max(top);
    let mut shapes = Vec::with_capacity(counts.len() + 3 * marks.len() + 3);
    let most = counts.iter().copied().max().unwrap_or(0) as f64;
    let n = counts.len();
    let edge = |i: usize| left + (f.inner() as f64 * i as f64 / n as f64).round() as i32;
    for (i, &count) in counts.iter().enumerate() {
        let h = along(bottom - top, count as f64, most);
        let (x, next) = (edge(i), edge(i + 1));
        let w = if next - x >= 3 { next - x - 1 } else { (next - x).max(1) };
        if h > 0 {
            shapes.push(Shape::Rect { x, y: bottom - h, w, h, paint: palette.bar.solid() });
        }
    }
    shapes.push(f.rule((left, bottom), (right, bottom), palette.text.mix(350)));
    for (p, (_, label)) in placed.iter().zip(marks) {
        let y = f.px(PAD) + p.row as i32 * line;
        shapes.push(f.rule((p.x, y + f.font as i32 + f.px(1)), (p.x, bottom), text));
        let anchor = if p.align == Align::Start { p.from } else { p.to };
        shapes.push(f.text(anchor, y, p.align, label, text));
    }
    shapes.push(f.text(left, bottom + f.px(3), Align::Start, axis.0, text));
    shapes.push(f.text(right, bottom + f.px(3), Align::End, axis.1, text));
    shapes
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn rects(shapes: &[Shape]) -> Vec<(i32, i32, i32, i32, Paint)> {
        shapes
            .iter()
            .filter_map(
                |s| if let Shape::Rect { x, y, w, h, paint } = s { Some((*x, *y, *w, *h, *paint)) } else { None },
            )
            .collect()
    }

    fn lines(shapes: &[Shape]) -> Vec<(&[(i32, i32)], Paint)> {
        shapes
            .iter()
            .filter_map(|s| {
                if let Shape::Line { points, paint, .. } = s {
                    Some((points.as_slice(), *paint))
                } else {
                    None
                }
            })
            .collect()
    }

    fn texts(shapes: &[Shape]) -> Vec<(i32, i32, Align, &str)> {
        shapes
            .iter()
            .filter_map(|s| {
                if let Shape::Text { x, y, align, text, .. } = s {
                    Some((*x, *y, *align, text.as_str()))
                } else {
                    None
                }
            })
            .collect()
    }

    /// Every point of every shape lies on the `width` × `height` canvas.
    fn assert_on_canvas(shapes: &[Shape], width: u32, height: u32) {
        let (w, h) = (width as i32, height as i32);
        let on = |x: i32, y: i32| (0..=w).contains(&x) && (0..=h).contains(&y);
        for s in shapes {
            let ok = match s {
                Shape::Rect { x, y, w: rw, h: rh, .. } => *rw >= 0 && *rh >= 0 && on(*x, *y) && on(x + rw, y + rh),
                Shape::Band { corners, .. } => corners.iter().all(|(x, y)| on(*x, *y)),
                Shape::Text { x, y, px, .. } => on(*x, *y) && on(*x, y + *px as i32),
                Shape::Line { points, .. } => points.iter().all(|(x, y)| on(*x, *y)),
                Shape::Circle { x, y, r, .. } => on(x - r, y - r) && on(x + r, y + r),
            };
            assert!(ok, "off the {width}×{height} canvas: {s:?}");
        }
    }

    fn bar_rows(values: &[f64]) -> Vec<BarRow> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| BarRow {
                label: format!("{}. Stage", i + 2),
                value: *v,
                text: format!("+{v}"),
                highlight: i == 0,
            })
            .collect()
    }

    /// Cumulative spend 1 000 a month; margin 500 · m (m − 1) / 2 + 500 · m, new customers 10.
    fn months() -> Vec<TimelinePoint> {
        (1..=24)
            .map(|m| {
                let m = m as f64;
                TimelinePoint {
                    cumulative_spend: 1000.0 * m,
                    cumulative_margin: 250.0 * m * (m + 1.0),
                    new_customers: 10.0,
                }
            })
            .collect()
    }

    /// The polyline of `paint` with more than two points (not the legend's swatch).
    fn series(shapes: &[Shape], paint: Paint) -> &[(i32, i32)] {
        lines(shapes).into_iter().find(|l| l.1 == paint && l.0.len() > 2).unwrap().0
    }

    fn labels() -> TimelineLabels {
        TimelineLabels {
            month_ticks: [1, 6, 12, 18, 24].iter().map(|m| (*m, m.to_string())).collect(),
            breakeven: Some("Break-even: month 3".into()),
            spend: "Spend".into(),
            margin: "Gross margin".into(),
            customers: "New customers".into(),
            y_max: "150 000".into(),
        }
    }

    #[test]
    fn bars_are_proportional_to_the_pixel() {
        let shapes = bars(&bar_rows(&[100.0, 50.0, 0.0]), 400, &Palette::default(), 1.0);
        let solid: Vec<_> = rects(&shapes).into_iter().filter(|r| r.4.alpha == 1000).collect();
        // the largest spans the width less the padding, 400 − 2 · 8 = 384; 50 is half of it;
        // 0 draws no bar
        assert_eq!(solid.iter().map(|r| r.2).collect::<Vec<_>>(), vec![384, 192]);
        assert!(solid.iter().all(|r| r.0 == 8));
        // rows 36 px apart, bars 18 px into their row and 12 px high
        assert_eq!((solid[0].1, solid[0].3, solid[1].1), (26, 12, 62));
        assert_eq!(bars_height(3), 3 * 36 + 16);
        let t = texts(&shapes);
        assert_eq!(t.len(), 6);
        assert_eq!((t[0].0, t[0].2, t[0].3), (8, Align::Start, "2. Stage"));
        assert_eq!((t[1].0, t[1].2, t[1].3), (392, Align::End, "+100"));
        // at twice the pixel density every measure doubles
        let hidpi = bars(&bar_rows(&[100.0, 50.0]), 800, &Palette::default(), 2.0);
        let widths: Vec<i32> = rects(&hidpi).iter().filter(|r| r.4.alpha == 1000).map(|r| r.2).collect();
        assert_eq!(widths, vec![768, 384]);
    }

    #[test]
    fn the_highlighted_bar_is_in_the_accent_colour() {
        let p = Palette::default();
        let shapes = bars(&bar_rows(&[10.0, 30.0]), 300, &p, 1.0);
        let solid: Vec<Paint> = rects(&shapes).iter().filter(|r| r.4.alpha == 1000).map(|r| r.4).collect();
        assert_eq!(solid, vec![p.accent.solid(), p.bar.solid()]);
    }

    #[test]
    fn bars_without_values_keep_their_labels_and_tiny_values_show() {
        for values in [[0.0, 0.0], [f64::NAN, -5.0], [f64::INFINITY, 0.0]] {
            let shapes = bars(&bar_rows(&values), 300, &Palette::default(), 1.0);
            assert!(rects(&shapes).iter().all(|r| r.4.alpha < 1000), "{values:?}: {shapes:?}");
            assert_eq!(texts(&shapes).len(), 4);
            assert_on_canvas(&shapes, 300, bars_height(2));
        }
        let shapes = bars(&bar_rows(&[1e9, 1.0]), 300, &Palette::default(), 1.0);
        let widths: Vec<i32> = rects(&shapes).iter().filter(|r| r.4.alpha == 1000).map(|r| r.2).collect();
        assert_eq!(widths, vec![284, 1]);
        assert!(bars(&[], 300, &Palette::default(), 1.0).is_empty());
    }

    #[test]
    fn long_bar_labels_are_shortened() {
        let mut rows = bar_rows(&[1.0]);
        rows[0].label = "A very long stage name that cannot fit beside its figure".into();
        let shapes = bars(&rows, 200, &Palette::default(), 1.0);
        let label = texts(&shapes)[0].3;
        assert!(label.ends_with('…') && label.chars().count() < 30, "{label}");
    }

    #[test]
    fn the_breakeven_marker_stands_on_its_month() {
        let p = Palette::default();
        let shapes = timeline(&months(), Some(3), &labels(), 488, &p, 1.0);
        // 488 − 2 · 8 = 472 px for 24 months: slots of 472 / 24 px, month 3's centre at
        // 8 + 472 · 5 / 48 = 57.17 → 57
        let marker: Vec<_> = lines(&shapes).into_iter().filter(|l| l.1 == p.accent.mix(700)).collect();
        assert_eq!(marker.len(), 1);
        assert_eq!(marker[0].0[0].0, 57);
        assert_eq!(marker[0].0[1].0, 57);
        // the month's customer bar is centred on the same x
        // (the first such rectangle is the legend's swatch)
        let bar = rects(&shapes).into_iter().filter(|r| r.4 == p.bar.mix(300)).nth(3).unwrap();
        assert!((bar.0 + bar.2 / 2 - 57).abs() <= 1, "{bar:?}");
        // its label stands right of the line
        let t = texts(&shapes);
        let label = t.iter().find(|t| t.3 == "Break-even: month 3").unwrap();
        assert_eq!((label.0, label.2), (61, Align::Start));
        // month 24's tick is the last slot's centre: 8 + 472 · 47 / 48 = 470.17 → 470
        let ticks: Vec<i32> = lines(&shapes)
            .iter()
            .filter(|l| l.0.len() == 2 && l.0[0].1 < l.0[1].1 && l.0[0].0 != 57)
            .map(|l| l.0[0].0)
            .collect();
        assert_eq!(ticks.last(), Some(&470));
        // no break-even: no marker, no label
        let none = timeline(&months(), None, &labels(), 488, &p, 1.0);
        assert!(lines(&none).iter().all(|l| l.1 != p.accent.mix(700)));
        assert!(texts(&none).iter().all(|t| !t.3.starts_with("Break-even")));
        // a month past the timeline draws nothing either
        assert_eq!(timeline(&months(), Some(25), &labels(), 488, &p, 1.0).len(), none.len());
    }

    #[test]
    fn rising_sums_draw_rising_lines_on_one_scale() {
        let p = Palette::default();
        let shapes = timeline(&months(), Some(3), &labels(), 600, &p, 1.0);
        let spend = series(&shapes, p.text.mix(600));
        let margin = series(&shapes, p.accent.solid());
        for series in [spend, margin] {
            assert_eq!(series.len(), 24);
            // y grows downwards: rising values never go down the canvas
            assert!(series.windows(2).all(|w| w[0].1 >= w[1].1 && w[0].0 < w[1].0), "{series:?}");
        }
        // the margin ends highest (150 000), at the top rule; the spend of 24 000 sits at
        // 24 000 / 150 000 of the height above the axis
        let rules: Vec<i32> =
            lines(&shapes).iter().filter(|l| l.0 == [(8, l.0[0].1), (592, l.0[0].1)]).map(|l| l.0[0].1).collect();
        let (top, bottom) = (rules[0], rules[1]);
        assert_eq!(margin[23].1, top);
        let expected = bottom - ((bottom - top) as f64 * 0.16).round() as i32;
        assert_eq!(spend[23].1, expected);
        // customers: 24 equal bars, a third of the plot high
        let bars: Vec<_> = rects(&shapes).into_iter().filter(|r| r.4 == p.bar.mix(300) && r.1 > top).collect();
        assert_eq!(bars.len(), 24);
        assert!(bars.iter().all(|b| b.3 == (bottom - top) / 3 && b.1 + b.3 == bottom));
        assert_on_canvas(&shapes, 600, TIMELINE_HEIGHT);
    }

    #[test]
    fn the_timeline_survives_odd_input() {
        let p = Palette::default();
        let mut odd = months();
        odd[3].cumulative_margin = f64::NAN;
        odd[4].cumulative_spend = f64::INFINITY;
        odd[5].new_customers = -3.0;
        for (points, width, scale) in
            [(odd, 320, 1.0), (Vec::new(), 320, 1.0), (months(), 200, f64::NAN), (months(), 1600, 2.0)]
        {
            let shapes = timeline(&points, Some(1), &labels(), width, &p, scale);
            let height = (TIMELINE_HEIGHT as f64 * if scale.is_nan() { 1.0 } else { scale }) as u32;
            assert_on_canvas(&shapes, width, height);
            if points.is_empty() {
                // the frame only: legend, rules and the scale's label
                assert!(lines(&shapes).iter().all(|l| l.0.len() <= 2));
            }
        }
        // all zero: flat lines on the axis, no bars
        let zero = vec![TimelinePoint::default(); 24];
        let shapes = timeline(&zero, None, &labels(), 400, &p, 1.0);
        let margin = series(&shapes, p.accent.solid());
        assert!(margin.iter().all(|pt| pt.1 == margin[0].1));
        assert!(rects(&shapes).iter().all(|r| r.4 != p.bar.mix(300) || r.3 < 12));
    }

    #[test]
    fn a_narrow_timeline_wraps_its_legend() {
        let wide = timeline(&months(), None, &labels(), 800, &Palette::default(), 1.0);
        let narrow = timeline(&months(), None, &labels(), 200, &Palette::default(), 1.0);
        let row = |shapes: &[Shape], label: &str| texts(shapes).iter().find(|t| t.3 == label).unwrap().1;
        assert_eq!(row(&wide, "New customers"), row(&wide, "Spend"));
        assert!(row(&narrow, "New customers") > row(&narrow, "Spend"));
        assert_on_canvas(&narrow, 200, TIMELINE_HEIGHT);
    }

    fn marks(positions: &[f64]) -> Vec<(f64, String)> {
        positions.iter().zip(["P10 40", "P50 50", "P90 60"]).map(|(p, l)| (*p, l.to_string())).collect()
    }

    #[test]
    fn the_largest_bin_is_full_height() {
        let p = Palette::default();
        let counts = [1, 4, 8, 4, 2, 0, 1, 0, 0, 2];
        let shapes = histogram(&counts, &[], ("10", "90"), 416, &p, 1.0);
        let bars = rects(&shapes);
        // 7 bins have trials; 400 px for 10 bins: 40 px a bin less a 1 px gap
        assert_eq!(bars.len(), 7);
        assert!(bars.iter().all(|b| b.2 == 39));
        assert_eq!(bars[2].0, 8 + 2 * 40);
        // without marks the plot runs from 8 + 2 = 10 to 180 − 24 = 156: 146 px
        let tallest = bars.iter().max_by_key(|b| b.3).unwrap();
        assert_eq!((tallest.1, tallest.3), (10, 146));
        // 4 of 8 is half of it
        assert_eq!(bars[1].3, 73);
        let t = texts(&shapes);
        assert_eq!((t[0].0, t[0].2, t[0].3), (8, Align::Start, "10"));
        assert_eq!((t[1].0, t[1].2, t[1].3), (408, Align::End, "90"));
        assert_on_canvas(&shapes, 416, HISTOGRAM_HEIGHT);
    }

    #[test]
    fn marker_labels_stand_apart() {
        let p = Palette::default();
        let label_rows =
            |shapes: &[Shape]| texts(shapes).iter().filter(|t| t.3.starts_with('P')).map(|t| t.1).collect::<Vec<_>>();
        // far apart: one line of labels
        let spread = histogram(&[1, 2, 3], &marks(&[0.1, 0.5, 0.9]), ("", ""), 600, &p, 1.0);
        assert_eq!(label_rows(&spread), vec![8, 8, 8]);
        // close together: each on its own line, and no label overlaps another or a line
        let close = histogram(&[1, 2, 3], &marks(&[0.4, 0.45, 0.5]), ("", ""), 600, &p, 1.0);
        assert_eq!(label_rows(&close), vec![8, 24, 40]);
        // marker lines sit at their positions: 8 + 584 · 0.45 = 270.8 → 271, from under
        // their own label down to the axis
        let markers: Vec<_> = lines(&close).into_iter().filter(|l| l.0[0].0 == l.0[1].0).collect();
        assert_eq!(markers.iter().map(|l| l.0[0].0).collect::<Vec<_>>(), vec![242, 271, 300]);
        assert_eq!(markers.iter().map(|l| l.0[0].1).collect::<Vec<_>>(), vec![21, 37, 53]);
        // the bars start under the three lines of labels: 8 + 3 · 16 + 2 = 58
        assert!(rects(&close).iter().all(|r| r.1 >= 58));
        // at the right edge the label turns to the left of its line
        let edge = histogram(&[1], &marks(&[1.0]), ("", ""), 300, &p, 1.0);
        let t = texts(&edge).into_iter().find(|t| t.3 == "P10 40").unwrap();
        assert_eq!((t.0, t.2), (292 - 3, Align::End));
        for (shapes, width) in [(&spread, 600), (&close, 600), (&edge, 300)] {
            assert_on_canvas(shapes, width, HISTOGRAM_HEIGHT);
        }
        // marks on one spot (every trial alike) stack their labels, one per line
        let same = histogram(&[9], &marks(&[0.0, 0.0, 0.0]), ("", ""), 600, &p, 1.0);
        assert_eq!(label_rows(&same), vec![8, 24, 40]);
    }

    #[test]
    fn the_histogram_survives_odd_input() {
        let p = Palette::default();
        let odd = vec![(f64::NAN, "a".to_string()), (-1.0, "b".into()), (f64::INFINITY, "c".into()), (7.0, "d".into())];
        for (counts, width, scale) in
            [(&[0u32, 0, 0][..], 300, 1.0), (&[][..], 300, 1.0), (&[5, u32::MAX][..], 200, 3.0)]
        {
            let shapes = histogram(counts, &odd, ("", ""), width, &p, scale);
            assert_on_canvas(&shapes, width, (HISTOGRAM_HEIGHT as f64 * scale) as u32);
            if counts.iter().all(|c| *c == 0) {
                assert!(rects(&shapes).is_empty());
            }
        }
        // more marks than lines of labels still leave the plot its room
        let many: Vec<(f64, String)> = (0..9).map(|i| (0.5, format!("P{i}"))).collect();
        let shapes = histogram(&[1, 2], &many, ("0", "9"), 300, &p, 1.0);
        assert_on_canvas(&shapes, 300, HISTOGRAM_HEIGHT);
        assert!(rects(&shapes).iter().all(|r| r.1 >= 8 + 3 * 16 + 2 && r.3 > 0));
        let empty = histogram(&[], &[], ("", ""), 300, &p, 1.0);
        assert!(rects(&empty).is_empty());
    }
}
