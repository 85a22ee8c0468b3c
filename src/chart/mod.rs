//! Charts, drawn onto a plotters [`DrawingArea`]: in the browser through plotters-canvas's
//! `CanvasBackend` ([`canvas`]), in native tests through plotters' SVG backend. Each chart
//! is a [`Kind`] of data with its texts formatted; a [`Chart`] adds the visitor's number
//! format ([`Fmt`], so this module stays free of the browser), draws itself for a width and
//! a device pixel ratio, and returns a [`HitMap`] that tells which datum lies under a point
//! of the canvas, and the [`Readout`] of that datum.
//!
//! [`funnel`] lays the funnel out and [`journey`] the customer journey as plain [`Shape`]s
//! (painted by [`paint`]); [`plots`] draws the timeline, the levers, the histogram, the
//! comparison and the traffic sources on plotters' cartesian charts with real axes.

pub mod funnel;
pub mod journey;
pub mod plots;

#[cfg(target_arch = "wasm32")]
pub mod canvas;

use std::sync::Arc;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub use funnel::{Align, FunnelBar, Marker, Paint, Palette, Rgb, Shape};

/// The visitor's number formats, in the UI language and the scenario's currency.
pub trait Fmt {
    /// A count of people or things: "12 345".
    fn count(&self, v: f64) -> String;
    /// An amount of money: "12 345 kr.".
    fn money(&self, v: f64) -> String;
    /// A fraction as a percentage: 0.25 → "25 %".
    fn percent(&self, v: f64) -> String;
    /// The money unit for an axis title: "kr.", "€", "$".
    fn unit(&self) -> String;
}

/// A shared formatter.
pub type SharedFmt = Arc<dyn Fmt + Send + Sync>;

/// What a chart says about the datum under the pointer: a title, its figures, and the raw
/// number of its main figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    /// "Month 7", "3. Add to cart".
    pub title: String,
    /// One line per figure.
    pub lines: Vec<String>,
    /// The main figure, unformatted.
    pub value: f64,
}

/// A place on the canvas that stands for a datum, in device pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Inside the rectangle from (x0, y0) to (x1, y1), edges included.
    Area { x0: i32, y0: i32, x1: i32, y1: i32, index: usize },
    /// Nearest to this point.
    Near { x: i32, y: i32, index: usize },
}

/// Where each datum of a drawn chart is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HitMap {
    /// The places, in drawing order.
    pub targets: Vec<Target>,
}

impl HitMap {
    /// The datum at (x, y) in device pixels: the first area holding the point, else the
    /// nearest of the points, else none.
    pub fn hit(&self, x: i32, y: i32) -> Option<usize> {
        let area = self.targets.iter().find_map(|t| match *t {
            Target::Area { x0, y0, x1, y1, index } if (x0..=x1).contains(&x) && (y0..=y1).contains(&y) => Some(index),
            _ => None,
        });
        area.or_else(|| {
            self.targets
                .iter()
                .filter_map(|t| match *t {
                    Target::Near { x: px, y: py, index } => {
                        let (dx, dy) = ((px - x) as i64, (py - y) as i64);
                        Some((dx * dx + dy * dy, index))
                    }
                    Target::Area { .. } => None,
                })
                .min_by_key(|(d, _)| *d)
                .map(|(_, index)| index)
        })
    }
}

/// Which chart, with its data.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// The funnel: one bar per stage.
    Funnel(Vec<FunnelBar>),
    /// The 24-month timeline.
    Timeline(plots::Timeline),
    /// The bottleneck levers: one bar per stage.
    Levers(plots::Levers),
    /// The Monte Carlo histogram.
    Histogram(plots::Histogram),
    /// The customer journey.
    Journey(journey::JourneyChart),
    /// The compared scenarios.
    Compare(plots::Compare),
    /// The traffic sources: cost per customer and return on ad spend, per source.
    Sources(plots::Sources),
}

/// A chart and the number format of its axes and readouts.
#[derive(Clone)]
pub struct Chart {
    /// What is drawn.
    pub kind: Kind,
    /// How numbers are written.
    pub fmt: SharedFmt,
}

impl Chart {
    /// `kind` with the number format `fmt`.
    pub fn new(kind: Kind, fmt: SharedFmt) -> Chart {
        Chart { kind, fmt }
    }

    /// The chart's height in CSS pixels for its CSS width.
    pub fn height(&self, css_width: f64) -> u32 {
        match &self.kind {
            Kind::Funnel(bars) => funnel::height(bars.len()),
            Kind::Timeline(_) => plots::TIMELINE_HEIGHT,
            Kind::Levers(l) => plots::levers_height(l.rows.len()),
            Kind::Histogram(_) => plots::HISTOGRAM_HEIGHT,
            Kind::Journey(_) => journey::height(css_width),
            Kind::Compare(c) => plots::compare_height(c, css_width),
            Kind::Sources(s) => plots::sources_height(s.rows.len(), css_width),
        }
    }

    /// Draws the chart on `area` (device pixels, `scale` of them per CSS pixel) in the
    /// colours of `palette`, and says where its data are.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        palette: &Palette,
        scale: f64,
    ) -> Result<HitMap, DrawingAreaErrorKind<DB::ErrorType>> {
        let scale = if scale.is_finite() && scale > 0.0 { scale.min(8.0) } else { 1.0 };
        let fmt = &*self.fmt;
        match &self.kind {
            Kind::Funnel(bars) => {
                let (width, _) = area.dim_in_pixel();
                paint(area, &funnel::layout(bars, width, palette, scale))?;
                Ok(funnel::hits(bars.len(), width, scale))
            }
            Kind::Journey(j) => {
                let (width, _) = area.dim_in_pixel();
                let shapes = journey::layout(j, width, scale, *palette);
                paint(area, &shapes)?;
                Ok(journey::hits(&shapes, j.names.len()))
            }
            Kind::Timeline(t) => plots::draw_timeline(area, t, palette, fmt, scale),
            Kind::Levers(l) => plots::draw_levers(area, l, palette, fmt, scale),
            Kind::Histogram(h) => plots::draw_histogram(area, h, palette, fmt, scale),
            Kind::Compare(c) => plots::draw_compare(area, c, palette, fmt, scale),
            Kind::Sources(s) => plots::draw_sources(area, s, palette, fmt, scale),
        }
    }

    /// What the chart says about datum `index` (as found by [`HitMap::hit`]).
    pub fn readout(&self, index: usize) -> Option<Readout> {
        let fmt = &*self.fmt;
        match &self.kind {
            Kind::Funnel(bars) => bars.get(index).map(|b| Readout {
                title: b.label.clone(),
                lines: vec![b.figures.clone()],
                value: b.people,
            }),
            Kind::Journey(j) => journey::readout(j, index, fmt),
            Kind::Timeline(t) => plots::timeline_readout(t, index, fmt),
            Kind::Levers(l) => l.rows.get(index).map(|r| Readout {
                title: r.label.clone(),
                lines: vec![r.text.clone()],
                value: r.value,
            }),
            Kind::Histogram(h) => plots::histogram_readout(h, index, fmt),
            Kind::Compare(c) => plots::compare_readout(c, index),
            Kind::Sources(s) => plots::sources_readout(s, index, fmt),
        }
    }
}

/// A colour for plotters.
pub(crate) fn colour(paint: Paint) -> RGBAColor {
    let Rgb(r, g, b) = paint.rgb;
    RGBAColor(r, g, b, f64::from(paint.alpha.min(1000)) / 1000.0)
}

/// The text style of `px` device pixels in `paint`, anchored at `h`, `v`.
pub(crate) fn font(px: f64, paint: Paint, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle {
        font: ("sans-serif", px.max(1.0)).into_font(),
        color: colour(paint).to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Paints `shapes` on `area`, in order.
pub fn paint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shapes: &[Shape],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    for shape in shapes {
        match shape {
            Shape::Rect { x, y, w, h, paint } => {
                if *w > 0 && *h > 0 {
                    area.draw(&Rectangle::new([(*x, *y), (x + w, y + h)], colour(*paint).filled()))?;
                }
            }
            Shape::Band { corners, paint } => {
                area.draw(&Polygon::new(corners.to_vec(), colour(*paint).filled()))?;
            }
            Shape::Text { x, y, px, align, text, paint } => {
                let h = if *align == Align::Start { HPos::Left } else { HPos::Right };
                area.draw(&Text::new(text.clone(), (*x, *y), font(f64::from(*px), *paint, h, VPos::Top)))?;
            }
            Shape::Line { points, width, paint } => {
                area.draw(&PathElement::new(points.clone(), colour(*paint).stroke_width(*width)))?;
            }
            Shape::Circle { x, y, r, paint } => {
                area.draw(&Circle::new((*x, *y), (*r).max(0), colour(*paint).filled()))?;
            }
        }
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testing {
    //! Drawing charts into SVG and reading the SVG back, for the native tests.

    use super::*;

    /// Plain English numbers: "12345", "12345 kr.", "25 %".
    pub struct Plain;

    impl Fmt for Plain {
        fn count(&self, v: f64) -> String {
            format!("{}", v.round())
        }
        fn money(&self, v: f64) -> String {
            format!("{} kr.", v.round())
        }
        fn percent(&self, v: f64) -> String {
            format!("{} %", (v * 100.0).round())
        }
        fn unit(&self) -> String {
            "kr.".into()
        }
    }

    /// `kind` in the plain format.
    pub fn chart(kind: Kind) -> Chart {
        Chart::new(kind, Arc::new(Plain))
    }

    /// `chart` drawn as SVG, `css_width` CSS pixels wide at `scale`, and its hit map.
    pub fn svg(chart: &Chart, css_width: u32, scale: f64) -> (String, HitMap, (u32, u32)) {
        let size =
            ((css_width as f64 * scale).round() as u32, (chart.height(css_width as f64) as f64 * scale).round() as u32);
        let mut out = String::new();
        let hits = {
            let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
            let hits = chart.draw(&area, &Palette::default(), scale).expect("drawn");
            area.present().expect("presented");
            hits
        };
        (out, hits, size)
    }

    /// The value of attribute `name` in the tag `tag` (its text between `<` and `>`).
    pub fn attr(tag: &str, name: &str) -> Option<String> {
        let key = format!(" {name}=\"");
        let start = tag.find(&key)? + key.len();
        Some(tag[start..].split('"').next()?.to_string())
    }

    /// Every `<text>`: its tag and its text, in drawing order.
    pub fn texts(svg: &str) -> Vec<(String, String)> {
        svg.split("<text")
            .skip(1)
            .filter_map(|rest| {
                let (tag, rest) = rest.split_once('>')?;
                let (text, _) = rest.split_once("</text>")?;
                let text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
                Some((tag.to_string(), text.trim().to_string()))
            })
            .collect()
    }

    /// The text strings only.
    pub fn strings(svg: &str) -> Vec<String> {
        texts(svg).into_iter().map(|t| t.1).collect()
    }

    /// Every `<rect>` as x, y, width, height and fill.
    pub fn rects(svg: &str) -> Vec<(i32, i32, i32, i32, String)> {
        let num = |tag: &str, n: &str| attr(tag, n).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0) as i32;
        svg.split("<rect")
            .skip(1)
            .filter_map(|rest| {
                let tag = rest.split('>').next()?;
                Some((num(tag, "x"), num(tag, "y"), num(tag, "width"), num(tag, "height"), attr(tag, "fill")?))
            })
            .collect()
    }

    /// The `<rect>`s drawn without transparency.
    pub fn opaque_rects(svg: &str) -> Vec<(i32, i32, i32, i32, String)> {
        let opaque: Vec<bool> = svg
            .split("<rect")
            .skip(1)
            .map(|rest| {
                let tag = rest.split('>').next().unwrap_or_default();
                attr(tag, "opacity").is_none_or(|o| o.parse::<f64>().is_ok_and(|o| o >= 1.0))
            })
            .collect();
        rects(svg).into_iter().zip(opaque).filter(|(_, o)| *o).map(|(r, _)| r).collect()
    }

    /// Every `<polyline>`'s points and stroke colour.
    pub fn polylines(svg: &str) -> Vec<(Vec<(i32, i32)>, String)> {
        svg.split("<polyline")
            .skip(1)
            .filter_map(|rest| {
                let tag = rest.split('>').next()?;
                let points = attr(tag, "points")?
                    .split_whitespace()
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse::<f64>().ok()? as i32, y.parse::<f64>().ok()? as i32))
                    })
                    .collect();
                Some((points, attr(tag, "stroke").unwrap_or_default()))
            })
            .collect()
    }

    /// `#rrggbb` of a colour, as the SVG backend writes it.
    pub fn hex(c: Rgb) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn a_hit_is_the_area_under_the_point_or_the_nearest_point() {
        let map = HitMap {
            targets: vec![
                Target::Area { x0: 0, y0: 0, x1: 9, y1: 9, index: 0 },
                Target::Area { x0: 10, y0: 0, x1: 19, y1: 9, index: 1 },
            ],
        };
        assert_eq!(map.hit(0, 0), Some(0));
        assert_eq!(map.hit(10, 9), Some(1));
        assert_eq!(map.hit(20, 5), None);
        let near =
            HitMap { targets: vec![Target::Near { x: 0, y: 0, index: 4 }, Target::Near { x: 100, y: 0, index: 7 }] };
        assert_eq!(near.hit(49, 30), Some(4));
        assert_eq!(near.hit(51, -30), Some(7));
        assert_eq!(HitMap::default().hit(1, 1), None);
    }

    fn bars() -> Vec<FunnelBar> {
        [("1. Visitors", 1000.0), ("2. Carts", 100.0), ("3. Orders", 10.0)]
            .iter()
            .map(|(label, people)| FunnelBar {
                label: label.to_string(),
                figures: format!("{people}"),
                share: people / 1000.0,
                people: *people,
                marker: Marker::None,
            })
            .collect()
    }

    #[test]
    fn the_funnel_draws_its_bars_widest_first_with_names_and_figures() {
        let chart = chart(Kind::Funnel(bars()));
        let (svg, hits, (w, h)) = svg(&chart, 400, 1.0);
        assert_eq!(strings(&svg), ["1. Visitors", "1000", "2. Carts", "100", "3. Orders", "10"]);
        let fill = hex(Palette::default().bar);
        let widths: Vec<i32> = rects(&svg).into_iter().filter(|r| r.4 == fill).map(|r| r.2).collect();
        assert_eq!(widths.len(), 3);
        assert!(widths[0] > widths[1] && widths[1] > widths[2], "{widths:?}");
        // each row is a target; the pointer in row 2 points at the second stage
        assert_eq!(hits.hit(200, (funnel::PADDING + funnel::ROW_HEIGHT + 10) as i32), Some(1));
        assert_eq!(hits.hit(5, h as i32 - 2), None);
        assert_eq!((w, h), (400, funnel::height(3)));
        let r = chart.readout(1).unwrap();
        assert_eq!((r.title.as_str(), r.lines[0].as_str(), r.value), ("2. Carts", "100", 100.0));
        assert_eq!(chart.readout(3), None);
    }
}
