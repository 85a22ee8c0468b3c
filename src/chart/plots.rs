//! The charts with axes, drawn on plotters' cartesian charts: the 24-month [`Timeline`]
//! (cumulative spend against cumulative gross margin, the break-even month marked), the
//! bottleneck [`Levers`] (one horizontal bar per stage), the Monte Carlo [`Histogram`] (with
//! its P10, P50 and P90), the [`Compare`]d scenarios (small multiples of grouped bars) and
//! the traffic [`Sources`] (cost per customer and return on ad spend, a bar per source).
//! Ticks are plotters' and their labels the visitor's number format ([`Fmt`]), the unit
//! (the money's, months, customers) in the axis's title; the gridlines are light, and a
//! chart with more than one series has a legend. Every draw
//! returns where its data are ([`HitMap`]). A value that is not a finite number above 0
//! counts as 0, so no input yields a NaN coordinate.
//!
//! Texts are placed by their estimated width (0.6 em a character), never measured: on a
//! canvas, measuring text makes the browser lay the page out.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::funnel::fit;
use super::{colour, font, Fmt, HitMap, Paint, Palette, Readout, Rgb, Target};

/// Height of the timeline chart, in CSS pixels.
pub const TIMELINE_HEIGHT: u32 = 240;
/// Height of the histogram, in CSS pixels.
pub const HISTOGRAM_HEIGHT: u32 = 220;
/// Height of one row of the levers chart, in CSS pixels.
pub const BAR_ROW_HEIGHT: u32 = 36;
/// Height of one panel of the comparison, in CSS pixels.
pub const COMPARE_PANEL_HEIGHT: u32 = 170;

/// Padding around each chart, CSS pixels.
const PAD: f64 = 8.0;
/// Font size, CSS pixels.
const FONT: f64 = 12.0;
/// Height of a line of text, CSS pixels.
const LINE: f64 = 16.0;
/// Height of the axis under a chart (ticks, labels and the axis title), CSS pixels.
const X_AXIS: f64 = 40.0;
/// Most lines of marker labels above the histogram.
const MARK_LINES: usize = 3;
/// The third and fourth compared scenarios' colours (the first two are the palette's bar
/// and accent colours), as in the comparison table.
const MORE_SERIES: [Rgb; 2] = [Rgb(0xb8, 0x64, 0x1b), Rgb(0x7a, 0x5b, 0xd0)];

type Result<T, DB> = std::result::Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;
type Cartesian<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// `v` if it is a finite number above 0, else 0.
fn clean(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

/// The top of an axis that shows `max`: a little above it, 1 when there is nothing.
fn headroom(max: f64) -> f64 {
    let max = clean(max);
    if max > 0.0 {
        max * 1.08
    } else {
        1.0
    }
}

/// About how wide `text` is in a font of `px` pixels: 0.6 em a character.
fn text_width(text: &str, px: f64) -> f64 {
    text.chars().count().min(1 << 16) as f64 * px * 0.6
}

/// The measures of one drawing: device pixels per CSS pixel and the font size.
#[derive(Clone, Copy)]
struct Scale {
    s: f64,
}

impl Scale {
    /// `css` CSS pixels in device pixels.
    fn px(self, css: f64) -> i32 {
        (css * self.s).round() as i32
    }

    /// The font size in device pixels.
    fn font(self) -> f64 {
        (FONT * self.s).round().max(1.0)
    }
}

/// Where the items of a legend go: (x, y) of each item's swatch, from `left` to `right`,
/// wrapped onto more lines as needed, first line at `top`; and the y under the last line.
fn legend_places(labels: &[&str], left: i32, top: i32, right: i32, s: Scale) -> (Vec<(i32, i32)>, i32) {
    let (mut x, mut y) = (left, top);
    let mut places = Vec::with_capacity(labels.len());
    for label in labels {
        let item = s.px(18.0) + text_width(label, s.font()).round() as i32;
        if x > left && x + item > right {
            x = left;
            y += s.px(LINE);
        }
        places.push((x, y));
        x += item + s.px(14.0);
    }
    (places, if labels.is_empty() { top } else { y + s.px(LINE) })
}

/// Draws a legend of `items` (label, colour, drawn as a line rather than a block) and
/// returns the y under it.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[(&str, Paint, bool)],
    (left, top, right): (i32, i32, i32),
    text: Paint,
    s: Scale,
) -> Result<i32, DB> {
    let labels: Vec<&str> = items.iter().map(|i| i.0).collect();
    let (places, bottom) = legend_places(&labels, left, top, right, s);
    for ((label, paint, is_line), (x, y)) in items.iter().zip(places) {
        let mid = y + s.font() as i32 / 2;
        if *is_line {
            let style = colour(*paint).stroke_width(s.px(2.5).max(1) as u32);
            area.draw(&PathElement::new(vec![(x, mid), (x + s.px(13.0), mid)], style))?;
        } else {
            let half = s.px(5.0);
            area.draw(&Rectangle::new([(x, mid - half), (x + s.px(12.0), mid + half)], colour(*paint).filled()))?;
        }
        area.draw(&Text::new(label.to_string(), (x + s.px(18.0), y), font(s.font(), text, HPos::Left, VPos::Top)))?;
    }
    Ok(bottom)
}

/// What the axes of a chart show.
struct Axes<'a> {
    x_title: &'a str,
    y_title: &'a str,
    x_labels: usize,
    y_labels: usize,
    x_format: &'a dyn Fn(&f64) -> String,
    y_format: &'a dyn Fn(&f64) -> String,
}

/// Draws the axes, their ticks and labels, their titles and light gridlines at the ticks.
fn axes<DB: DrawingBackend>(chart: &mut Cartesian<'_, DB>, a: &Axes, palette: &Palette, s: Scale) -> Result<(), DB> {
    let text = palette.text.mix(820);
    let mut mesh = chart.configure_mesh();
    mesh.x_labels(a.x_labels)
        .y_labels(a.y_labels)
        .x_label_formatter(a.x_format)
        .y_label_formatter(a.y_format)
        .label_style(font(s.font(), text, HPos::Center, VPos::Center))
        .axis_desc_style(font(s.font(), text, HPos::Center, VPos::Center))
        .bold_line_style(colour(palette.text.mix(110)).stroke_width(s.px(1.0).max(1) as u32))
        .light_line_style(TRANSPARENT)
        .max_light_lines(0)
        .axis_style(colour(palette.text.mix(450)).stroke_width(s.px(1.0).max(1) as u32))
        .set_all_tick_mark_size(s.px(4.0));
    if !a.x_title.is_empty() {
        mesh.x_desc(a.x_title);
    }
    if !a.y_title.is_empty() {
        mesh.y_desc(a.y_title);
    }
    if a.x_labels == 0 {
        mesh.disable_x_mesh();
    }
    if a.y_labels == 0 {
        mesh.disable_y_mesh();
    }
    mesh.draw()
}

/// Width of a left axis whose longest label is like `widest` and that has a title.
fn y_axis_width(widest: &str, s: Scale) -> i32 {
    s.px(4.0 * 2.0 + 6.0 + LINE) + text_width(widest, s.font()).round() as i32
}

/// The plot's pixel ranges: left..right, top..bottom.
fn plot_box<DB: DrawingBackend>(chart: &Cartesian<'_, DB>) -> (i32, i32, i32, i32) {
    let (x, y) = chart.plotting_area().get_pixel_range();
    (x.start, x.end, y.start, y.end)
}

/// A whole number as a tick label, nothing for the ticks between whole numbers.
fn whole(fmt: &dyn Fmt, v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        fmt.count(v)
    } else {
        String::new()
    }
}

// ---------------------------------------------------------------------------------------
// The timeline

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
    /// The month axis's title ("Month").
    pub month: String,
    /// The break-even marker's label ("Break-even: month 7").
    pub breakeven: Option<String>,
    /// The cumulative spend line.
    pub spend: String,
    /// The cumulative gross margin line.
    pub margin: String,
    /// Each month's new customers (in the readout).
    pub customers: String,
}

/// What the timeline shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Month by month, from month 1.
    pub points: Vec<TimelinePoint>,
    /// The break-even month (1-based), if there is one.
    pub breakeven: Option<usize>,
    /// Its texts.
    pub labels: TimelineLabels,
}

/// The timeline: a legend on top, the months along the bottom and money up the left, the
/// cumulative spend muted and the cumulative gross margin in the accent colour, a marker at
/// the break-even month with its label. Each month's column is a target.
pub fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    t: &Timeline,
    palette: &Palette,
    fmt: &dyn Fmt,
    scale: f64,
) -> Result<HitMap, DB> {
    let s = Scale { s: scale };
    let (width, _) = area.dim_in_pixel();
    let text = palette.text.mix(820);
    let (spend, margin) = (palette.text.mix(550), palette.accent.solid());
    let items = [(t.labels.spend.as_str(), spend, true), (t.labels.margin.as_str(), margin, true)];
    let below = legend(area, &items, (s.px(PAD), s.px(PAD), width as i32 - s.px(PAD)), text, s)?;

    let n = t.points.len().max(1);
    let max = t.points.iter().flat_map(|p| [p.cumulative_spend, p.cumulative_margin]).map(clean).fold(0.0, f64::max);
    let top = headroom(max);
    let unit = fmt.unit();
    let mut chart = ChartBuilder::on(area)
        .margin_top(below + s.px(8.0))
        .margin_left(s.px(2.0))
        .margin_right(s.px(PAD + 8.0))
        .x_label_area_size(s.px(X_AXIS))
        .y_label_area_size(y_axis_width(&fmt.count(top), s))
        .build_cartesian_2d(0.5..n as f64 + 0.5, 0.0..top)?;
    let narrow = width < s.px(420.0) as u32;
    let (x_format, y_format) = (|v: &f64| whole(fmt, *v), |v: &f64| fmt.count(*v));
    let a = Axes {
        x_title: &t.labels.month,
        y_title: &unit,
        x_labels: if narrow { 5 } else { 8 },
        y_labels: 5,
        x_format: &x_format,
        y_format: &y_format,
    };
    axes(&mut chart, &a, palette, s)?;

    let line = |paint: Paint| colour(paint).stroke_width(s.px(2.0).max(1) as u32);
    let month = |i: usize| (i + 1) as f64;
    chart.draw_series(LineSeries::new(
        t.points.iter().enumerate().map(|(i, p)| (month(i), clean(p.cumulative_spend))),
        line(spend),
    ))?;
    chart.draw_series(LineSeries::new(
        t.points.iter().enumerate().map(|(i, p)| (month(i), clean(p.cumulative_margin))),
        line(margin),
    ))?;
    let (left, right, plot_top, plot_bottom) = plot_box(&chart);
    if let Some(b) = t.breakeven.filter(|b| (1..=t.points.len()).contains(b)) {
        let (x, _) = chart.backend_coord(&(b as f64, 0.0));
        let style = colour(palette.accent.mix(700)).stroke_width(s.px(1.0).max(1) as u32);
        area.draw(&PathElement::new(vec![(x, plot_top), (x, plot_bottom)], style))?;
        if let Some(label) = &t.labels.breakeven {
            let (w, gap, y) = (text_width(label, s.font()) as i32, s.px(4.0), plot_top + s.px(2.0));
            let (x, h) = if x + gap + w <= right { (x + gap, HPos::Left) } else { (x - gap, HPos::Right) };
            area.draw(&Text::new(label.clone(), (x, y), font(s.font(), text, h, VPos::Top)))?;
        }
    }
    let targets = (0..t.points.len())
        .map(|i| {
            let x0 = chart.backend_coord(&(i as f64 + 0.5, 0.0)).0.max(left);
            let x1 = (chart.backend_coord(&(i as f64 + 1.5, 0.0)).0 - 1).min(right);
            Target::Area { x0, y0: plot_top, x1, y1: plot_bottom, index: i }
        })
        .collect();
    Ok(HitMap { targets })
}

/// Month `i` (0-based): "Month 7" and its three figures.
pub fn timeline_readout(t: &Timeline, i: usize, fmt: &dyn Fmt) -> Option<Readout> {
    let p = t.points.get(i)?;
    let l = &t.labels;
    Some(Readout {
        title: format!("{} {}", l.month, fmt.count((i + 1) as f64)),
        lines: vec![
            format!("{}: {}", l.spend, fmt.money(p.cumulative_spend)),
            format!("{}: {}", l.margin, fmt.money(p.cumulative_margin)),
            format!("{}: {}", l.customers, fmt.count(p.new_customers)),
        ],
        value: p.cumulative_spend,
    })
}

// ---------------------------------------------------------------------------------------
// The levers

/// One row of the levers chart.
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

/// What the levers chart shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Levers {
    /// One row per stage, in order.
    pub rows: Vec<BarRow>,
    /// The money axis's title ("kr. per month").
    pub axis: String,
}

/// Height of the levers chart in CSS pixels for `rows` rows.
pub fn levers_height(rows: usize) -> u32 {
    (rows.min(1 << 16) as u32) * BAR_ROW_HEIGHT + (PAD + X_AXIS) as u32
}

/// The levers: one row per entry, its name on the left and its amount on the right above
/// a bar whose length is its amount on the money axis along the bottom, over a faint
/// full-length track. Each row is a target.
pub fn draw_levers<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    l: &Levers,
    palette: &Palette,
    fmt: &dyn Fmt,
    scale: f64,
) -> Result<HitMap, DB> {
    let targets = bar_panel(area, &l.rows, &l.axis, palette, fmt, Scale { s: scale })?;
    Ok(HitMap { targets })
}

/// Draws rows of horizontal bars on `area` in the levers' look, `axis` the title of the
/// axis along the bottom, and returns each row's place (row i's index is i), in the
/// canvas's pixels.
fn bar_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[BarRow],
    axis: &str,
    palette: &Palette,
    fmt: &dyn Fmt,
    s: Scale,
) -> Result<Vec<Target>, DB> {
    let (width, _) = area.dim_in_pixel();
    // the chart's pixels count from the canvas's corner, the area's from its own
    let (ox, oy) = area.get_base_pixel();
    let at = |(x, y): (i32, i32)| (x - ox, y - oy);
    let n = rows.len();
    let top = headroom(rows.iter().map(|r| clean(r.value)).fold(0.0, f64::max));
    let mut chart = ChartBuilder::on(area)
        .margin_top(s.px(PAD))
        .margin_left(s.px(PAD))
        .margin_right(s.px(PAD + 10.0))
        .x_label_area_size(s.px(X_AXIS))
        .build_cartesian_2d(0.0..top, 0.0..n.max(1) as f64)?;
    let narrow = width < s.px(420.0) as u32;
    let x_format = |v: &f64| fmt.count(*v);
    let y_format = |_: &f64| String::new();
    let a = Axes {
        x_title: axis,
        y_title: "",
        x_labels: if narrow { 3 } else { 5 },
        y_labels: 0,
        x_format: &x_format,
        y_format: &y_format,
    };
    axes(&mut chart, &a, palette, s)?;
    let (left, right, _, plot_bottom) = plot_box(&chart);
    let text = palette.text.solid();
    let mut targets = Vec::with_capacity(n);
    for (i, row) in rows.iter().enumerate() {
        let row_top = chart.backend_coord(&(0.0, (n - i) as f64)).1;
        let row_bottom = chart.backend_coord(&(0.0, (n - i - 1) as f64)).1;
        let (bar_top, bar_bottom) = (row_top + s.px(19.0), row_top + s.px(31.0));
        let track = colour(palette.bar.mix(90)).filled();
        area.draw(&Rectangle::new([at((left, bar_top)), at((right, bar_bottom))], track))?;
        let mut end = chart.backend_coord(&(clean(row.value), 0.0)).0;
        if end == left && clean(row.value) > 0.0 {
            end += 1;
        }
        if end > left {
            let c = if row.highlight { palette.accent } else { palette.bar };
            area.draw(&Rectangle::new([at((left, bar_top)), at((end, bar_bottom))], colour(c.solid()).filled()))?;
        }
        let room = (((right - left) as f64 - text_width(&row.text, s.font()) - s.px(12.0) as f64) / (s.font() * 0.6))
            .max(8.0) as usize;
        let y = row_top + s.px(3.0);
        area.draw(&Text::new(fit(&row.label, room), at((left, y)), font(s.font(), text, HPos::Left, VPos::Top)))?;
        area.draw(&Text::new(row.text.clone(), at((right, y)), font(s.font(), text, HPos::Right, VPos::Top)))?;
        targets.push(Target::Area {
            x0: left,
            y0: row_top,
            x1: right,
            y1: (row_bottom - 1).min(plot_bottom),
            index: i,
        });
    }
    Ok(targets)
}

// ---------------------------------------------------------------------------------------
// The traffic sources

/// Narrowest chart, in CSS pixels, that shows the sources' two panels side by side.
pub const SOURCES_SIDE_BY_SIDE: f64 = 560.0;

/// One traffic source (a paid ad, a free channel) and its two figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceBar {
    /// The source's name ("Google Ads").
    pub name: String,
    /// Its cost per acquired customer; none when undefined (no customers).
    pub cac: Option<f64>,
    /// Its return on ad spend, revenue over spend; none when undefined (no spend).
    pub roas: Option<f64>,
}

/// What the traffic sources chart shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sources {
    /// One row per source, in order.
    pub rows: Vec<SourceBar>,
    /// The cost per customer axis's title ("Cost per customer (kr.)").
    pub cac_title: String,
    /// The return on ad spend axis's title ("Return on ad spend (×)").
    pub roas_title: String,
}

/// Whether a sources chart `css_width` CSS pixels wide stacks its panels.
fn sources_stacked(css_width: f64) -> bool {
    css_width.is_nan() || css_width < SOURCES_SIDE_BY_SIDE
}

/// Height of the sources chart in CSS pixels for `rows` sources and a width of
/// `css_width` CSS pixels: one panel's height side by side, two stacked.
pub fn sources_height(rows: usize, css_width: f64) -> u32 {
    let panels = if sources_stacked(css_width) { 2 } else { 1 };
    levers_height(rows).saturating_mul(panels)
}

/// `v` if it is a finite number.
fn defined(v: Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite())
}

/// A cost per customer, "–" when undefined.
fn cac_text(cac: Option<f64>, fmt: &dyn Fmt) -> String {
    defined(cac).map_or_else(|| "–".to_string(), |v| fmt.money(v))
}

/// A return on ad spend as a multiple, "3.2×", "12×": one decimal below 10 (through the
/// count format, so in the visitor's decimal mark), the count's own digits from 10 on;
/// "–" when undefined.
fn roas_text(roas: Option<f64>, fmt: &dyn Fmt) -> String {
    match defined(roas) {
        Some(v) if v.abs() >= 10.0 => format!("{}×", fmt.count(v)),
        Some(v) => format!("{}×", fmt.count((v * 10.0).round() / 10.0)),
        None => "–".to_string(),
    }
}

/// An axis title without its trailing unit in brackets: "Cost per customer (kr.)" →
/// "Cost per customer".
fn without_unit(title: &str) -> &str {
    match title.strip_suffix(')').and_then(|t| t.rfind(" (")) {
        Some(i) if i > 0 => title[..i].trim_end(),
        _ => title,
    }
}

/// The sources: two panels of horizontal bars, one row per source with its name on the
/// left and its figure on the right above its bar, side by side when the chart is at least
/// [`SOURCES_SIDE_BY_SIDE`] CSS pixels wide and stacked otherwise. The first panel is the
/// cost per customer on a money axis, the second the return on ad spend. An undefined
/// figure has no bar and reads "–". Each row of either panel is a target: source i is i.
pub fn draw_sources<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    sources: &Sources,
    palette: &Palette,
    fmt: &dyn Fmt,
    scale: f64,
) -> Result<HitMap, DB> {
    let s = Scale { s: scale };
    let (width, _) = area.dim_in_pixel();
    let panels = if sources_stacked(width as f64 / scale) { (2, 1) } else { (1, 2) };
    let panels = area.split_evenly(panels);
    let bars = |figure: &dyn Fn(&SourceBar) -> (Option<f64>, String), highlight: bool| -> Vec<BarRow> {
        sources
            .rows
            .iter()
            .map(|r| {
                let (value, text) = figure(r);
                BarRow { label: r.name.clone(), value: defined(value).map_or(0.0, clean), text, highlight }
            })
            .collect()
    };
    let cac = bars(&|r| (r.cac, cac_text(r.cac, fmt)), false);
    let roas = bars(&|r| (r.roas, roas_text(r.roas, fmt)), true);
    let mut targets = bar_panel(&panels[0], &cac, &sources.cac_title, palette, fmt, s)?;
    targets.extend(bar_panel(&panels[1], &roas, &sources.roas_title, palette, fmt, s)?);
    Ok(HitMap { targets })
}

/// Source `i`: its name, its cost per customer and its return on ad spend (each after its
/// axis's title without the unit); the value is the cost per customer, 0 when undefined.
pub fn sources_readout(s: &Sources, i: usize, fmt: &dyn Fmt) -> Option<Readout> {
    let row = s.rows.get(i)?;
    Some(Readout {
        title: row.name.clone(),
        lines: vec![
            format!("{}: {}", without_unit(&s.cac_title), cac_text(row.cac, fmt)),
            format!("{}: {}", without_unit(&s.roas_title), roas_text(row.roas, fmt)),
        ],
        value: defined(row.cac).unwrap_or(0.0),
    })
}

// ---------------------------------------------------------------------------------------
// The histogram

/// What the histogram shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Histogram {
    /// Trials per bin; the bins split `low`..`high` evenly.
    pub counts: Vec<u32>,
    /// The low end of the first bin.
    pub low: f64,
    /// The high end of the last bin.
    pub high: f64,
    /// Marker lines: where (on the axis) and their labels ("P10 40").
    pub marks: Vec<(f64, String)>,
    /// The horizontal axis's title ("Customers").
    pub x_title: String,
    /// The vertical axis's title ("Trials").
    pub y_title: String,
}

impl Histogram {
    /// The axis's range: `low`..`high`, or a unit around `low` when they are one.
    fn range(&self) -> (f64, f64) {
        let low = if self.low.is_finite() { self.low } else { 0.0 };
        let high = if self.high.is_finite() { self.high } else { low };
        if high > low {
            (low, high)
        } else {
            (low - 0.5, low + 0.5)
        }
    }

    /// Bin `i`'s range.
    fn bin(&self, i: usize) -> (f64, f64) {
        let (low, high) = self.range();
        let w = (high - low) / self.counts.len().max(1) as f64;
        (low + w * i as f64, low + w * (i + 1) as f64)
    }
}

/// Which line of labels each mark's label goes on, and its left and right ends and side of
/// its line, for marks at `xs` with labels `widths` wide between `left` and `right`: a label
/// overlaps no other and crosses no other mark's line, up to the last line allowed.
fn place_marks(xs: &[i32], widths: &[i32], left: i32, right: i32, gap: i32) -> Vec<(usize, i32, i32, HPos)> {
    let mut placed: Vec<(usize, i32, i32, HPos, i32)> = Vec::with_capacity(xs.len());
    for (&x, &w) in xs.iter().zip(widths) {
        let (from, to, side) = if x + gap + w <= right || x - gap - w < left {
            (x + gap, x + gap + w, HPos::Left)
        } else {
            (x - gap - w, x - gap, HPos::Right)
        };
        let outside = |x: i32, from: i32, to: i32| x < from || x > to;
        let fits = |row: usize| {
            placed.iter().all(|&(r, f, t, _, px)| {
                if r == row {
                    t + gap < from || to + gap < f
                } else if r < row {
                    outside(px, from, to)
                } else {
                    outside(x, f, t)
                }
            })
        };
        let row = (0..placed.len()).find(|&r| fits(r)).unwrap_or(placed.len()).min(MARK_LINES - 1);
        placed.push((row, from, to, side, x));
    }
    placed.into_iter().map(|(r, f, t, side, _)| (r, f, t, side)).collect()
}

/// The histogram: one bar per bin on the customers axis, trials up the left; a marker line
/// at each mark with its label above the plot, on more lines where labels would overlap.
/// Each bin's column is a target.
pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    h: &Histogram,
    palette: &Palette,
    fmt: &dyn Fmt,
    scale: f64,
) -> Result<HitMap, DB> {
    let s = Scale { s: scale };
    let (width, _) = area.dim_in_pixel();
    let (low, high) = h.range();
    let most = h.counts.iter().copied().max().unwrap_or(0);
    let top = if most > 0 { f64::from(most) * 1.1 } else { 1.0 };
    let y_axis = y_axis_width(&fmt.count(top), s);
    // where the plot will be, to place the marks' labels above it
    let (left, right) = (s.px(2.0) + y_axis, width as i32 - s.px(PAD + 8.0));
    let at = |v: f64| left + ((right - left) as f64 * ((v - low) / (high - low)).clamp(0.0, 1.0)).round() as i32;
    let xs: Vec<i32> = h.marks.iter().map(|(v, _)| at(if v.is_finite() { *v } else { low })).collect();
    let widths: Vec<i32> = h.marks.iter().map(|(_, l)| text_width(l, s.font()).round() as i32).collect();
    let placed = place_marks(&xs, &widths, left, right, s.px(3.0));
    let lines = placed.iter().map(|p| p.0 + 1).max().unwrap_or(0) as i32;

    let mut chart = ChartBuilder::on(area)
        .margin_top(s.px(PAD) + lines * s.px(LINE) + s.px(4.0))
        .margin_left(s.px(2.0))
        .margin_right(s.px(PAD + 8.0))
        .x_label_area_size(s.px(X_AXIS))
        .y_label_area_size(y_axis)
        .build_cartesian_2d(low..high, 0.0..top)?;
    let narrow = width < s.px(420.0) as u32;
    let (x_format, y_format) = (|v: &f64| fmt.count(*v), |v: &f64| whole(fmt, *v));
    let a = Axes {
        x_title: &h.x_title,
        y_title: &h.y_title,
        x_labels: if narrow { 4 } else { 7 },
        y_labels: 4,
        x_format: &x_format,
        y_format: &y_format,
    };
    axes(&mut chart, &a, palette, s)?;
    let (_, _, plot_top, plot_bottom) = plot_box(&chart);
    let mut targets = Vec::with_capacity(h.counts.len());
    for (i, &count) in h.counts.iter().enumerate() {
        let (from, to) = h.bin(i);
        let (x0, y) = chart.backend_coord(&(from, f64::from(count)));
        let (x1, base) = chart.backend_coord(&(to, 0.0));
        let right_edge = if x1 - x0 >= 3 { x1 - 1 } else { x1.max(x0 + 1) };
        if count > 0 {
            area.draw(&Rectangle::new([(x0, y), (right_edge, base)], colour(palette.bar.solid()).filled()))?;
        }
        targets.push(Target::Area { x0, y0: plot_top, x1: (x1 - 1).max(x0), y1: plot_bottom, index: i });
    }
    let text = palette.text.solid();
    for ((value, label), (row, from, to, side)) in h.marks.iter().zip(placed) {
        let x = chart.backend_coord(&(if value.is_finite() { value.clamp(low, high) } else { low }, 0.0)).0;
        let y = s.px(PAD) + row as i32 * s.px(LINE);
        let style = colour(text).stroke_width(s.px(1.0).max(1) as u32);
        area.draw(&PathElement::new(vec![(x, y + s.font() as i32 + s.px(1.0)), (x, plot_bottom)], style))?;
        let anchor = if matches!(side, HPos::Left) { from } else { to };
        area.draw(&Text::new(label.clone(), (anchor, y), font(s.font(), text, side, VPos::Top)))?;
    }
    Ok(HitMap { targets })
}

/// Bin `i`: its range of customers and its trials.
pub fn histogram_readout(h: &Histogram, i: usize, fmt: &dyn Fmt) -> Option<Readout> {
    let count = *h.counts.get(i)?;
    let (from, to) = h.bin(i);
    Some(Readout {
        title: format!("{} – {}", fmt.count(from), fmt.count(to)),
        lines: vec![format!("{}: {}", h.y_title, fmt.count(f64::from(count)))],
        value: f64::from(count),
    })
}

// ---------------------------------------------------------------------------------------
// The comparison

/// One figure of the comparison, for every compared scenario.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareGroup {
    /// The figure's name ("Revenue").
    pub title: String,
    /// Each scenario's value (not a number when undefined).
    pub values: Vec<f64>,
    /// Each scenario's value, formatted.
    pub texts: Vec<String>,
    /// Money (else a count).
    pub money: bool,
}

/// What the comparison chart shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compare {
    /// The scenarios' names, in order.
    pub names: Vec<String>,
    /// One panel per figure.
    pub groups: Vec<CompareGroup>,
}

/// Panels side by side for a chart `css_width` CSS pixels wide.
fn compare_columns(groups: usize, css_width: f64) -> usize {
    let columns = if css_width >= 760.0 {
        4
    } else if css_width >= 300.0 {
        2
    } else {
        1
    };
    columns.min(groups.max(1))
}

/// The legend's height and the panels' in CSS pixels, for a chart `css_width` wide.
pub fn compare_height(c: &Compare, css_width: f64) -> u32 {
    let s = Scale { s: 1.0 };
    let width = if css_width.is_finite() { css_width.max(200.0) } else { 200.0 };
    let labels: Vec<&str> = c.names.iter().map(String::as_str).collect();
    let (_, legend) = legend_places(&labels, s.px(PAD), s.px(PAD), width as i32 - s.px(PAD), s);
    let rows = c.groups.len().div_ceil(compare_columns(c.groups.len(), width));
    legend.max(0) as u32 + s.px(6.0) as u32 + rows as u32 * COMPARE_PANEL_HEIGHT
}

/// The colour of scenario `i`.
fn series(palette: &Palette, i: usize) -> Rgb {
    match i % 4 {
        0 => palette.bar,
        1 => palette.accent,
        k => MORE_SERIES[k - 2],
    }
}

/// The comparison: a legend of the scenarios' colours on top, then one small chart per
/// figure with a bar per scenario on the figure's own axis. Each bar's column is a
/// target, numbered figure by figure: figure g's scenario i is g · scenarios + i.
pub fn draw_compare<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Compare,
    palette: &Palette,
    fmt: &dyn Fmt,
    scale: f64,
) -> Result<HitMap, DB> {
    let s = Scale { s: scale };
    let (width, height) = area.dim_in_pixel();
    let text = palette.text.mix(820);
    let items: Vec<(&str, Paint, bool)> =
        c.names.iter().enumerate().map(|(i, n)| (n.as_str(), series(palette, i).solid(), false)).collect();
    let below = legend(area, &items, (s.px(PAD), s.px(PAD), width as i32 - s.px(PAD)), text, s)?;
    let k = c.names.len();
    let columns = compare_columns(c.groups.len(), width as f64 / scale);
    let rows = c.groups.len().div_ceil(columns).max(1);
    let (_, panels) = area.split_vertically((below + s.px(6.0)).min(height as i32));
    let panels = panels.split_evenly((rows, columns));
    let mut targets = Vec::with_capacity(k * c.groups.len());
    for (g, (group, panel)) in c.groups.iter().zip(&panels).enumerate() {
        let top = headroom(group.values.iter().map(|v| clean(*v)).fold(0.0, f64::max));
        let widest = fmt.count(top);
        let (panel_width, _) = panel.dim_in_pixel();
        let title = if group.money { format!("{} ({})", group.title, fmt.unit()) } else { group.title.clone() };
        let title = fit(&title, ((panel_width as f64 - s.px(12.0) as f64) / (s.font() * 0.6)).max(4.0) as usize);
        panel.draw(&Text::new(
            title,
            (s.px(PAD), s.px(2.0)),
            font(s.font(), palette.text.solid(), HPos::Left, VPos::Top),
        ))?;
        let mut chart = ChartBuilder::on(panel)
            .margin_top(s.px(LINE + 8.0))
            .margin_right(s.px(PAD + 4.0))
            .margin_bottom(s.px(10.0))
            .margin_left(s.px(2.0))
            .x_label_area_size(s.px(2.0))
            .y_label_area_size(y_axis_width(&widest, s) - s.px(LINE))
            .build_cartesian_2d(0.0..k.max(1) as f64, 0.0..top)?;
        let (x_format, y_format) =
            (|_: &f64| String::new(), |v: &f64| if group.money { fmt.count(*v) } else { whole(fmt, *v) });
        let a = Axes { x_title: "", y_title: "", x_labels: 0, y_labels: 4, x_format: &x_format, y_format: &y_format };
        axes(&mut chart, &a, palette, s)?;
        let (_, _, plot_top, plot_bottom) = plot_box(&chart);
        for (i, v) in group.values.iter().enumerate().take(k) {
            let (x0, y) = chart.backend_coord(&(i as f64 + 0.18, clean(*v)));
            let (x1, base) = chart.backend_coord(&(i as f64 + 0.82, 0.0));
            if clean(*v) > 0.0 && x1 > x0 && y < base {
                let style = colour(series(palette, i).solid()).filled();
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(i as f64 + 0.18, clean(*v)), (i as f64 + 0.82, 0.0)],
                    style,
                )))?;
            }
            let slot = (chart.backend_coord(&(i as f64, 0.0)).0, chart.backend_coord(&(i as f64 + 1.0, 0.0)).0 - 1);
            targets.push(Target::Area { x0: slot.0, y0: plot_top, x1: slot.1, y1: plot_bottom, index: g * k + i });
        }
    }
    Ok(HitMap { targets })
}

/// Bar `index` (figure index / scenarios, scenario index % scenarios): the figure, the
/// scenario and its value.
pub fn compare_readout(c: &Compare, index: usize) -> Option<Readout> {
    let k = c.names.len();
    if k == 0 {
        return None;
    }
    let (group, i) = (c.groups.get(index / k)?, index % k);
    Some(Readout {
        title: group.title.clone(),
        lines: vec![format!("{}: {}", c.names[i], group.texts.get(i)?)],
        value: *group.values.get(i)?,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::testing::*;
    use super::super::Kind;
    use super::*;

    /// Cumulative spend 1 000 a month; margin 250 · m (m + 1), new customers 10.
    fn timeline() -> Timeline {
        Timeline {
            points: (1..=24)
                .map(|m| {
                    let m = m as f64;
                    TimelinePoint {
                        cumulative_spend: 1000.0 * m,
                        cumulative_margin: 250.0 * m * (m + 1.0),
                        new_customers: 10.0,
                    }
                })
                .collect(),
            breakeven: Some(3),
            labels: TimelineLabels {
                month: "Month".into(),
                breakeven: Some("Break-even: month 3".into()),
                spend: "Spend".into(),
                margin: "Gross margin".into(),
                customers: "New customers".into(),
            },
        }
    }

    /// The x of the text `label` (its anchor).
    fn text_x(svg: &str, label: &str) -> i32 {
        let (tag, _) = texts(svg).into_iter().find(|t| t.1 == label).unwrap_or_else(|| panic!("no {label:?}"));
        attr(&tag, "x").unwrap().parse::<f64>().unwrap() as i32
    }

    #[test]
    fn the_timeline_has_titled_axes_a_legend_and_two_lines() {
        let chart = chart(Kind::Timeline(timeline()));
        let (svg, hits, (w, _)) = svg(&chart, 600, 1.0);
        let s = strings(&svg);
        // the legend, the axis titles, the break-even label
        for label in ["Spend", "Gross margin", "Month", "kr.", "Break-even: month 3"] {
            assert!(s.contains(&label.to_string()), "{label} in {s:?}");
        }
        // months along the bottom, in order and left to right
        let months: Vec<&str> = ["5", "10", "15", "20"].into_iter().filter(|m| s.contains(&m.to_string())).collect();
        assert_eq!(months.len(), 4, "{s:?}");
        let xs: Vec<i32> = months.iter().map(|m| text_x(&svg, m)).collect();
        assert!(xs.windows(2).all(|p| p[0] < p[1]), "{xs:?}");
        // money up the left, from 0 to above the margin's 150 000, the unit in the title
        assert!(s.contains(&"0".to_string()), "{s:?}");
        let ticks: Vec<f64> = s.iter().filter(|t| t.len() >= 4).filter_map(|t| t.parse::<f64>().ok()).collect();
        assert!(ticks.len() >= 3 && ticks.iter().all(|v| *v <= 150_000.0 * 1.08), "{ticks:?}");
        assert!(ticks.iter().any(|v| *v >= 100_000.0), "{ticks:?}");
        // two series of 24 points, rising (y grows downwards), and the legend's swatches
        let lines: Vec<_> = polylines(&svg).into_iter().filter(|l| l.0.len() == 24).collect();
        assert_eq!(lines.len(), 2);
        for (points, _) in &lines {
            assert!(points.windows(2).all(|p| p[0].0 < p[1].0 && p[0].1 >= p[1].1), "{points:?}");
        }
        assert_eq!(lines[1].1, hex(Palette::default().accent));
        // one column per month; month 24's column is at the right
        assert_eq!(hits.targets.len(), 24);
        let last = lines[0].0[23];
        assert_eq!(hits.hit(last.0, last.1), Some(23));
        assert_eq!(hits.hit(lines[0].0[2].0, last.1), Some(2));
        assert_eq!(hits.hit(w as i32 - 1, last.1), None);
        let r = chart.readout(6).unwrap();
        assert_eq!(r.title, "Month 7");
        assert_eq!(r.lines, ["Spend: 7000 kr.", "Gross margin: 14000 kr.", "New customers: 10"]);
        assert_eq!(r.value, 7000.0);
    }

    #[test]
    fn the_timeline_survives_odd_input_and_narrow_screens() {
        let mut odd = timeline();
        odd.points[3].cumulative_margin = f64::NAN;
        odd.points[4].cumulative_spend = f64::INFINITY;
        odd.breakeven = Some(40);
        for (t, width, scale) in [
            (odd, 320, 1.0),
            (Timeline { points: vec![], ..timeline() }, 320, 1.0),
            (timeline(), 200, f64::NAN),
            (timeline(), 360, 3.0),
            (Timeline { points: vec![TimelinePoint::default(); 24], ..timeline() }, 400, 1.0),
        ] {
            let (svg, _, _) = svg(&chart(Kind::Timeline(t)), width, scale);
            assert!(svg.contains("Month"), "{svg}");
            assert!(!svg.contains("NaN"), "{svg}");
        }
        // a narrow timeline wraps its legend onto a second line
        let (wide, ..) = svg(&chart(Kind::Timeline(timeline())), 800, 1.0);
        let (narrow, ..) = svg(&chart(Kind::Timeline(timeline())), 130, 1.0);
        let y = |svg: &str, label: &str| {
            let (tag, _) = texts(svg).into_iter().find(|t| t.1 == label).unwrap();
            attr(&tag, "y").unwrap().parse::<f64>().unwrap() as i32
        };
        assert_eq!(y(&wide, "Gross margin"), y(&wide, "Spend"));
        assert!(y(&narrow, "Gross margin") > y(&narrow, "Spend"));
    }

    fn levers(values: &[f64]) -> Levers {
        Levers {
            rows: values
                .iter()
                .enumerate()
                .map(|(i, v)| BarRow {
                    label: format!("{}. Stage", i + 2),
                    value: *v,
                    text: format!("+{v}"),
                    highlight: i == 0,
                })
                .collect(),
            axis: "kr. per month".into(),
        }
    }

    #[test]
    fn lever_bars_follow_their_amounts_on_a_money_axis() {
        let p = Palette::default();
        let chart = chart(Kind::Levers(levers(&[100.0, 50.0, 0.0])));
        let (svg, hits, (_, h)) = svg(&chart, 400, 1.0);
        assert_eq!(h, levers_height(3));
        let s = strings(&svg);
        // names and amounts, row by row, top down; the axis title
        let rows: Vec<&String> = s.iter().filter(|t| t.contains("Stage") || t.starts_with('+')).collect();
        assert_eq!(rows, ["2. Stage", "+100", "3. Stage", "+50", "4. Stage", "+0"]);
        assert!(s.contains(&"kr. per month".to_string()) && s.contains(&"0".to_string()), "{s:?}");
        // the bars: accent (highlighted) first, then half as long; none for 0
        let solid: Vec<_> =
            opaque_rects(&svg).into_iter().filter(|r| r.4 == hex(p.accent) || r.4 == hex(p.bar)).collect();
        assert_eq!(solid.len(), 2, "{solid:?}");
        assert_eq!(solid[0].4, hex(p.accent));
        assert!((solid[0].2 - 2 * solid[1].2).abs() <= 2, "{solid:?}");
        assert!(solid[0].1 < solid[1].1);
        // the 100 bar ends short of the axis's end (its top is 108)
        let axis_end = 400 - 18;
        assert!(solid[0].0 + solid[0].2 < axis_end && solid[0].0 + solid[0].2 > axis_end - 40, "{solid:?}");
        // rows are targets, top down
        assert_eq!(hits.hit(200, solid[1].1 + 2), Some(1));
        assert_eq!(hits.hit(200, 8 + 2 * 36 + 5), Some(2));
        let r = chart.readout(1).unwrap();
        assert_eq!((r.title.as_str(), r.lines[0].as_str(), r.value), ("3. Stage", "+50", 50.0));
    }

    #[test]
    fn lever_odd_input_draws_no_bars_and_long_names_are_shortened() {
        for values in [[0.0, 0.0], [f64::NAN, -5.0], [f64::INFINITY, 0.0]] {
            let (svg, ..) = svg(&chart(Kind::Levers(levers(&values))), 300, 1.0);
            let p = Palette::default();
            assert!(opaque_rects(&svg).iter().all(|r| r.4 != hex(p.accent) && r.4 != hex(p.bar)), "{values:?}");
            // no coordinate is not a number (the row's own text "+NaN" aside)
            let in_texts = strings(&svg).iter().filter(|t| t.contains("NaN")).count();
            assert_eq!(svg.matches("NaN").count(), in_texts, "{svg}");
        }
        let mut l = levers(&[1.0]);
        l.rows[0].label = "A very long stage name that cannot fit beside its figure".into();
        let (drawn, ..) = svg(&chart(Kind::Levers(l)), 200, 1.0);
        let label = strings(&drawn).into_iter().find(|t| t.starts_with("A very")).unwrap();
        assert!(label.ends_with('…') && label.chars().count() < 30, "{label}");
        let (svg, hits, _) = svg(&chart(Kind::Levers(levers(&[]))), 300, 1.0);
        assert!(hits.targets.is_empty() && !svg.contains("NaN"));
    }

    fn sources() -> Sources {
        let row = |name: &str, cac: Option<f64>, roas: Option<f64>| SourceBar { name: name.into(), cac, roas };
        Sources {
            rows: vec![
                row("Google Ads", Some(100.0), Some(3.2)),
                row("Meta", Some(50.0), Some(1.6)),
                row("Newsletter", None, None),
            ],
            cac_title: "Cost per customer (kr.)".into(),
            roas_title: "Return on ad spend (×)".into(),
        }
    }

    /// The solid bars in `fill`, top down.
    fn solid_bars(svg: &str, fill: Rgb) -> Vec<(i32, i32, i32, i32, String)> {
        opaque_rects(svg).into_iter().filter(|r| r.4 == hex(fill)).collect()
    }

    /// The (x, y) of every text `label`, in drawing order.
    fn text_places(svg: &str, label: &str) -> Vec<(i32, i32)> {
        let num = |tag: &str, n: &str| attr(tag, n).unwrap().parse::<f64>().unwrap() as i32;
        texts(svg).into_iter().filter(|t| t.1 == label).map(|(tag, _)| (num(&tag, "x"), num(&tag, "y"))).collect()
    }

    #[test]
    fn sources_side_by_side_name_each_row_and_follow_their_figures() {
        let p = Palette::default();
        let chart = chart(Kind::Sources(sources()));
        let (svg, _, (_, h)) = svg(&chart, 700, 1.0);
        assert_eq!(h, sources_height(3, 700.0));
        assert_eq!(h, levers_height(3));
        let s = strings(&svg);
        // each panel names the sources in order, top down, its figures on the right
        let names: Vec<&String> =
            s.iter().filter(|t| ["Google Ads", "Meta", "Newsletter"].contains(&t.as_str())).collect();
        assert_eq!(names, ["Google Ads", "Meta", "Newsletter", "Google Ads", "Meta", "Newsletter"]);
        let figures: Vec<&String> = s.iter().filter(|t| t.ends_with("kr.") || t.ends_with('×') || *t == "–").collect();
        assert_eq!(figures, ["100 kr.", "50 kr.", "–", "3×", "2×", "–"]);
        assert!(s.contains(&"Cost per customer (kr.)".to_string()), "{s:?}");
        assert!(s.contains(&"Return on ad spend (×)".to_string()), "{s:?}");
        // cost per customer in the bar colour, return on ad spend in the accent; the
        // undefined source has neither; each second bar half as long as the first
        let (cac, roas) = (solid_bars(&svg, p.bar), solid_bars(&svg, p.accent));
        assert_eq!((cac.len(), roas.len()), (2, 2), "{cac:?} {roas:?}");
        for bars in [&cac, &roas] {
            assert!(bars[0].2 > bars[1].2 && (bars[0].2 - 2 * bars[1].2).abs() <= 2, "{bars:?}");
            assert!(bars[0].1 < bars[1].1, "{bars:?}");
        }
        // side by side: the same rows, the return on ad spend to the right
        assert_eq!((cac[0].1, cac[1].1), (roas[0].1, roas[1].1));
        assert!(cac[0].0 + cac[0].2 < roas[0].0, "{cac:?} {roas:?}");
        assert!(roas[0].0 < 700 && roas[0].0 + roas[0].2 < 700 - 18);
        assert!(!svg.contains("NaN"), "{svg}");
    }

    #[test]
    fn an_undefined_source_has_no_bar_and_no_nan() {
        let p = Palette::default();
        let mut odd = sources();
        odd.rows[0].cac = Some(f64::NAN);
        odd.rows[1].roas = Some(f64::INFINITY);
        odd.rows[1].cac = Some(-5.0);
        let none = Sources { rows: vec![SourceBar { name: "Organic".into(), cac: None, roas: None }], ..sources() };
        for (src, width, scale) in [
            (sources(), 700, 1.0),
            (odd.clone(), 700, 2.0),
            (none, 400, 1.0),
            (Sources { rows: vec![], ..sources() }, 700, 1.0),
            (sources(), 150, f64::NAN),
            (sources(), 320, 3.0),
        ] {
            let (svg, hits, _) = svg(&chart(Kind::Sources(src.clone())), width, scale);
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
            assert_eq!(hits.targets.len(), 2 * src.rows.len());
        }
        // the undefined cost per customer of the first source: no bar, "–" on its row
        let (svg, ..) = svg(&chart(Kind::Sources(odd)), 700, 1.0);
        let (cac, roas) = (solid_bars(&svg, p.bar), solid_bars(&svg, p.accent));
        assert!(cac.is_empty(), "{cac:?}");
        assert_eq!(roas.len(), 1, "{roas:?}");
        let s = strings(&svg);
        assert_eq!(s.iter().filter(|t| *t == "–").count(), 4, "{s:?}");
        assert!(s.contains(&"-5 kr.".to_string()), "{s:?}");
        let r = chart(Kind::Sources(sources())).readout(2).unwrap();
        assert_eq!(r.title, "Newsletter");
        assert_eq!(r.lines, ["Cost per customer: –", "Return on ad spend: –"]);
        assert_eq!(r.value, 0.0);
    }

    #[test]
    fn sources_stack_below_560_css_pixels() {
        let p = Palette::default();
        assert_eq!(sources_height(3, 559.0), 2 * levers_height(3));
        assert_eq!(sources_height(3, 560.0), levers_height(3));
        assert_eq!(sources_height(3, f64::NAN), 2 * levers_height(3));
        for (width, scale) in [(400, 1.0), (559, 2.0)] {
            let (svg, hits, (_, h)) = svg(&chart(Kind::Sources(sources())), width, scale);
            assert_eq!(h, (f64::from(sources_height(3, width as f64)) * scale).round() as u32);
            let (cac, roas) = (solid_bars(&svg, p.bar), solid_bars(&svg, p.accent));
            assert_eq!((cac.len(), roas.len()), (2, 2));
            // the same left edge, the return on ad spend below, in the lower half
            assert_eq!(cac[0].0, roas[0].0);
            assert!(cac[1].1 < roas[0].1 && roas[0].1 > h as i32 / 2, "{cac:?} {roas:?}");
            let titles: Vec<i32> = ["Cost per customer (kr.)", "Return on ad spend (×)"]
                .iter()
                .map(|t| text_places(&svg, t)[0].1)
                .collect();
            // each title sits on the bottom of its panel
            assert!(titles[0] <= h as i32 / 2 && titles[1] > h as i32 / 2, "{titles:?}");
            // the lower panel's rows are the same sources
            assert_eq!(hits.hit(roas[1].0 + 1, roas[1].1 + 1), Some(1));
        }
    }

    #[test]
    fn either_panels_row_points_at_its_source() {
        let p = Palette::default();
        let chart = chart(Kind::Sources(sources()));
        let (svg, hits, (w, h)) = svg(&chart, 700, 1.0);
        assert_eq!(hits.targets.len(), 6);
        let (cac, roas) = (solid_bars(&svg, p.bar), solid_bars(&svg, p.accent));
        assert_eq!(hits.hit(cac[0].0 + 1, cac[0].1 + 1), Some(0));
        assert_eq!(hits.hit(cac[1].0 + 1, cac[1].1 + 1), Some(1));
        assert_eq!(hits.hit(roas[0].0 + 1, roas[0].1 + 1), Some(0));
        assert_eq!(hits.hit(roas[1].0 + 1, roas[1].1 + 1), Some(1));
        // the undefined source's rows, in both panels, by its names
        let rows = text_places(&svg, "Newsletter");
        assert_eq!(rows.len(), 2);
        assert!(rows[0].0 < rows[1].0 && rows[0].1 == rows[1].1, "{rows:?}");
        for (x, y) in rows {
            assert_eq!(hits.hit(x + 5, y + 1), Some(2));
        }
        // the axes and the gap between the panels are no source
        assert_eq!(hits.hit(w as i32 / 2, cac[0].1 + 1), None);
        assert_eq!(hits.hit(20, h as i32 - 2), None);
        let r = chart.readout(0).unwrap();
        assert_eq!(r.title, "Google Ads");
        assert_eq!(r.lines, ["Cost per customer: 100 kr.", "Return on ad spend: 3×"]);
        assert_eq!(r.value, 100.0);
        assert_eq!(chart.readout(3), None);
    }

    /// Numbers with a decimal comma and up to 2 decimals.
    struct Comma;

    impl Fmt for Comma {
        fn count(&self, v: f64) -> String {
            format!("{}", (v * 100.0).round() / 100.0).replace('.', ",")
        }
        fn money(&self, v: f64) -> String {
            format!("{} kr.", self.count(v))
        }
        fn percent(&self, v: f64) -> String {
            format!("{} %", self.count(v * 100.0))
        }
        fn unit(&self) -> String {
            "kr.".into()
        }
    }

    #[test]
    fn a_return_on_ad_spend_reads_as_a_multiple_in_the_visitors_decimal_mark() {
        assert_eq!(roas_text(Some(3.24), &Comma), "3,2×");
        assert_eq!(roas_text(Some(0.06), &Comma), "0,1×");
        assert_eq!(roas_text(Some(9.96), &Comma), "10×");
        assert_eq!(roas_text(Some(12.34), &Comma), "12,34×");
        assert_eq!(roas_text(Some(f64::NAN), &Comma), "–");
        assert_eq!(roas_text(None, &Comma), "–");
        assert_eq!(without_unit("Return on ad spend (×)"), "Return on ad spend");
        assert_eq!(without_unit("ROAS"), "ROAS");
        assert_eq!(without_unit("(×)"), "(×)");
    }

    fn histogram(counts: &[u32], marks: &[(f64, &str)]) -> Histogram {
        Histogram {
            counts: counts.to_vec(),
            low: 10.0,
            high: 110.0,
            marks: marks.iter().map(|(v, l)| (*v, l.to_string())).collect(),
            x_title: "Customers".into(),
            y_title: "Trials".into(),
        }
    }

    #[test]
    fn the_histogram_has_a_bar_per_bin_and_its_marks() {
        let p = Palette::default();
        let counts = [1, 4, 8, 4, 2, 0, 1, 0, 0, 2];
        let chart = chart(Kind::Histogram(histogram(&counts, &[(40.0, "P10 40"), (50.0, "P50 50"), (90.0, "P90 90")])));
        let (svg, hits, _) = svg(&chart, 500, 1.0);
        let s = strings(&svg);
        for label in ["Customers", "Trials", "P10 40", "P50 50", "P90 90", "20", "100"] {
            assert!(s.contains(&label.to_string()), "{label} in {s:?}");
        }
        // 7 bins have trials, left to right; the fullest is twice as high as a 4
        let bars: Vec<_> = rects(&svg).into_iter().filter(|r| r.4 == hex(p.bar)).collect();
        assert_eq!(bars.len(), 7);
        assert!(bars.windows(2).all(|b| b[0].0 < b[1].0));
        assert!((bars[2].3 - 2 * bars[1].3).abs() <= 1, "{bars:?}");
        // far-apart marks share one line of labels
        let y = |label: &str| attr(&texts(&svg).into_iter().find(|t| t.1 == label).unwrap().0, "y").unwrap();
        assert_eq!(y("P10 40"), y("P90 90"));
        // the pointer over the third bar reads its bin
        let third = &bars[2];
        assert_eq!(hits.hit(third.0 + 2, third.1 + 2), Some(2));
        let r = chart.readout(2).unwrap();
        assert_eq!((r.title.as_str(), r.lines[0].as_str(), r.value), ("30 – 40", "Trials: 8", 8.0));
        assert_eq!(chart.readout(10), None);
    }

    #[test]
    fn close_marks_stand_apart_and_odd_input_survives() {
        let close = histogram(&[1, 2, 3], &[(50.0, "P10 a"), (52.0, "P50 b"), (54.0, "P90 c")]);
        let (drawn, ..) = svg(&chart(Kind::Histogram(close)), 500, 1.0);
        let ys: Vec<String> = ["P10 a", "P50 b", "P90 c"]
            .iter()
            .map(|l| attr(&texts(&drawn).into_iter().find(|t| t.1 == *l).unwrap().0, "y").unwrap())
            .collect();
        assert!(ys[0] != ys[1] && ys[1] != ys[2] && ys[0] != ys[2], "{ys:?}");
        for h in [
            Histogram { low: 5.0, high: 5.0, ..histogram(&[9], &[(5.0, "P10 5")]) },
            Histogram { low: f64::NAN, high: f64::INFINITY, ..histogram(&[0, 0], &[(f64::NAN, "x")]) },
            histogram(&[], &[]),
            histogram(&[5, u32::MAX], &[(1e300, "far")]),
        ] {
            let (svg, ..) = svg(&chart(Kind::Histogram(h)), 300, 2.0);
            assert!(!svg.contains("NaN"), "{svg}");
        }
    }

    fn compare() -> Compare {
        let group = |title: &str, values: [f64; 3], money: bool| CompareGroup {
            title: title.into(),
            values: values.to_vec(),
            texts: values.iter().map(|v| if v.is_finite() { format!("{v}") } else { "–".into() }).collect(),
            money,
        };
        Compare {
            names: vec!["Base".into(), "Better ads".into(), "Cheaper".into()],
            groups: vec![
                group("Customers", [100.0, 150.0, 50.0], false),
                group("Revenue", [1000.0, 1500.0, 500.0], true),
                group("CAC", [20.0, f64::NAN, 40.0], true),
                group("LTV", [60.0, 60.0, 60.0], true),
            ],
        }
    }

    #[test]
    fn the_comparison_has_a_legend_a_panel_per_figure_and_bars_per_scenario() {
        let p = Palette::default();
        let chart = chart(Kind::Compare(compare()));
        for (width, columns) in [(900, 4), (390, 2)] {
            let (svg, hits, (_, h)) = svg(&chart, width, 1.0);
            let s = strings(&svg);
            assert_eq!(&s[..3], ["Base", "Better ads", "Cheaper"], "legend first");
            // money's unit in the panel's title
            for title in ["Customers", "Revenue (kr.)", "CAC (kr.)", "LTV (kr.)"] {
                assert!(s.contains(&title.to_string()), "{title} in {s:?}");
            }
            // 3 legend swatches, then 11 bars (one CAC is undefined) in the scenarios' colours
            let colours = [hex(p.bar), hex(p.accent), hex(MORE_SERIES[0])];
            let bars: Vec<_> = rects(&svg).into_iter().filter(|r| colours.contains(&r.4)).collect();
            assert_eq!(bars.len(), 3 + 11, "{bars:?}");
            let customers = &bars[3..6];
            assert_eq!(customers.iter().map(|b| b.4.clone()).collect::<Vec<_>>(), colours);
            assert!(customers[1].3 > customers[0].3 && customers[0].3 > customers[2].3, "{customers:?}");
            assert!(customers.windows(2).all(|b| b[0].0 < b[1].0));
            assert_eq!(h, compare_height(&compare(), width as f64));
            // panels in rows of `columns`: the fifth figure's place is the second row
            let panel_tops: Vec<i32> = ["Customers", "Revenue (kr.)", "CAC (kr.)", "LTV (kr.)"]
                .iter()
                .map(|t| {
                    attr(&texts(&svg).into_iter().find(|x| x.1 == *t).unwrap().0, "y").unwrap().parse::<f64>().unwrap()
                        as i32
                })
                .collect();
            assert_eq!(panel_tops.iter().filter(|y| **y == panel_tops[0]).count(), columns);
            // the second scenario's revenue bar is a target
            let revenue = &bars[6..9];
            assert_eq!(hits.hit(revenue[1].0 + 1, revenue[1].1 + 1), Some(3 + 1));
        }
        let r = chart.readout(4).unwrap();
        assert_eq!((r.title.as_str(), r.lines[0].as_str(), r.value), ("Revenue", "Better ads: 1500", 1500.0));
        assert!(chart.readout(7).unwrap().value.is_nan());
        assert_eq!(chart.readout(12), None);
    }
}
