//! The customer journey as a chart: its states are nodes on a circle (the first at the top,
//! clockwise) around a "buy" node in the centre. Each move from one state to another is an
//! arrow whose width follows its chance, bent to the right of its way so that the moves
//! there and back stand apart; a purchase is an arrow into the centre and newcomers come in
//! by a short stub from outside. Names stand outside the circle, left of it on its left half
//! and right of it on its right half, moved apart where they would overlap. Like
//! [`super::plots`], the layout is pure, works in device pixels with integer coordinates
//! and takes its texts formatted; a chance that is not a number in (0, 1] draws nothing.

use std::f64::consts::{FRAC_PI_2, PI, TAU};

use super::funnel::{fit, Align, Paint, Palette, Rgb, Shape};

/// Padding around the chart, CSS pixels.
const PAD: f64 = 4.0;
/// Gap between a node and what stands beside it, CSS pixels.
const GAP: f64 = 3.0;
/// Length of a newcomers' stub outside a node, CSS pixels.
const STUB: f64 = 12.0;
/// Largest node radius, CSS pixels.
const NODE: f64 = 12.0;
/// Font size, CSS pixels.
const FONT: f64 = 12.0;
/// Estimated width of a character, in font sizes.
const CHAR: f64 = 0.55;
/// Texts on the nodes.
const WHITE: Rgb = Rgb(255, 255, 255);
/// How many moves on the chart draws from each state: its likeliest. A journey where every
/// state moves to every other would otherwise be a tangle of up to 380 arrows; the heat map
/// beside the chart lists every move.
pub const MOVES_DRAWN: usize = 3;

/// What the journey chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct JourneyChart {
    /// State names in the UI language, in order (1 to 20 states).
    pub names: Vec<String>,
    /// q[i][j]: chance of moving from state i to j next (fractions).
    pub q: Vec<Vec<f64>>,
    /// Chance to buy next from state i.
    pub buy: Vec<f64>,
    /// Chance to be lost next from state i.
    pub lost: Vec<f64>,
    /// Share of newcomers entering at state i.
    pub entry: Vec<f64>,
    /// Label of the "buy" node in the UI language (e.g. "Køb").
    pub buy_label: String,
    /// Index of the purchase-marked state (drawn in the accent colour), if any.
    pub purchase: Option<usize>,
}

/// sin and cos of `x` in radians, for the chart's angles (within a few turns): reduced to
/// [−π/4, π/4] by quarter turns, then Taylor series to x¹³ (error below 1e-12 there). Written
/// out because libm's `sin`/`cos` bring ~5 KB of argument reduction into the wasm.
fn sin_cos(x: f64) -> (f64, f64) {
    let q = (x / FRAC_PI_2).round();
    let r = x - q * FRAC_PI_2;
    let r2 = r * r;
    let sin = r
        * (1.0
            - r2 / 6.0
                * (1.0 - r2 / 20.0 * (1.0 - r2 / 42.0 * (1.0 - r2 / 72.0 * (1.0 - r2 / 110.0 * (1.0 - r2 / 156.0))))));
    let cos = 1.0
        - r2 / 2.0 * (1.0 - r2 / 12.0 * (1.0 - r2 / 30.0 * (1.0 - r2 / 56.0 * (1.0 - r2 / 90.0 * (1.0 - r2 / 132.0)))));
    match (q as i64).rem_euclid(4) {
        0 => (sin, cos),
        1 => (cos, -sin),
        2 => (-sin, -cos),
        _ => (-cos, sin),
    }
}

/// Height in CSS pixels for a chart `css_width` CSS pixels wide: four fifths of the width,
/// from 280 to 560.
pub fn height(css_width: f64) -> u32 {
    let w = if css_width.is_finite() { css_width.round() } else { 0.0 };
    (w * 0.8).round().clamp(280.0, 560.0) as u32
}

/// `p` if it is a chance above 0 (a hair above 1 counts as 1), else nothing.
fn chance(p: f64) -> Option<f64> {
    (p > 0.0 && p <= 1.000_001).then_some(p.min(1.0))
}

/// A point in device pixels.
type P = (f64, f64);

fn at(p: P) -> (i32, i32) {
    (p.0.round() as i32, p.1.round() as i32)
}

/// An arrow `w` device pixels wide from `a` to its tip `b`, bent to the right of its way:
/// a quadratic curve whose control point stands `bend` × its length off the middle.
fn arrow(out: &mut Vec<Shape>, a: P, b: P, bend: f64, w: u32, s: f64, paint: Paint) {
    let c = ((a.0 + b.0) / 2.0 - (b.1 - a.1) * bend, (a.1 + b.1) / 2.0 + (b.0 - a.0) * bend);
    let (ex, ey) = (b.0 - c.0, b.1 - c.1);
    let len = (ex * ex + ey * ey).sqrt();
    if len.is_nan() || len <= 0.0 {
        return;
    }
    let (ux, uy) = (ex / len, ey / len);
    let hw = w as f64 / 2.0 + 2.5 * s;
    let hl = 1.6 * hw;
    let base = (b.0 - ux * hl, b.1 - uy * hl);
    // six segments bend smoothly enough at an arrow's length; every point is one more
    // canvas call, ~380 arrows a redraw on a dense journey
    let steps = if bend == 0.0 { 1 } else { 6 };
    let mut points: Vec<(i32, i32)> = (0..=steps)
        .map(|k| {
            let t = k as f64 / steps as f64;
            let m = 1.0 - t;
            (m * m * a.0 + 2.0 * t * m * c.0 + t * t * b.0, m * m * a.1 + 2.0 * t * m * c.1 + t * t * b.1)
        })
        .take_while(|p| ((p.0 - b.0) * (p.0 - b.0) + (p.1 - b.1) * (p.1 - b.1)).sqrt() > hl)
        .map(at)
        .collect();
    if !points.is_empty() {
        points.push(at(base));
        out.push(Shape::Line { points, width: w, paint });
    }
    let side = |k: f64| at((base.0 - uy * hw * k, base.1 + ux * hw * k));
    out.push(Shape::Band { corners: [at(b), side(1.0), side(-1.0), at(b)], paint });
}

/// State `i`'s moves to other states that the chart draws (its [`MOVES_DRAWN`] likeliest,
/// the earlier state first among equals), in state order: (to, chance).
fn likeliest(i: usize, row: &[f64], n: usize) -> Vec<(usize, f64)> {
    let mut moves: Vec<(usize, f64)> =
        row.iter().enumerate().take(n).filter(|(j, _)| *j != i).filter_map(|(j, &p)| Some((j, chance(p)?))).collect();
    moves.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    moves.truncate(MOVES_DRAWN);
    moves.sort_by_key(|m| m.0);
    moves
}

/// How many moves between states the chart leaves out: those beyond each state's
/// [`MOVES_DRAWN`] likeliest.
pub fn moves_left_out(chart: &JourneyChart) -> usize {
    let n = chart.names.len();
    chart
        .q
        .iter()
        .enumerate()
        .take(n)
        .map(|(i, row)| {
            let all = row.iter().enumerate().take(n).filter(|(j, p)| *j != i && chance(**p).is_some()).count();
            all - likeliest(i, row, n).len()
        })
        .sum()
}

/// The chart in device pixels: `width` × height(width / dpr) · dpr. Moves, purchases and
/// newcomers first, then the nodes with their numbers, then the names.
pub fn layout(chart: &JourneyChart, width: u32, dpr: f64, palette: Palette) -> Vec<Shape> {
    let n = chart.names.len();
    if n == 0 {
        return Vec::new();
    }
    let s = if dpr.is_finite() && dpr > 0.0 { dpr.min(8.0) } else { 1.0 };
    let w = width.min(1 << 20) as f64;
    let h = (height(w / s) as f64 * s).round();
    let (cx, cy) = (w / 2.0, h / 2.0);
    let (pad, gap, stub, font) = (PAD * s, GAP * s, STUB * s, (FONT * s).round().max(1.0));
    let cw = font * CHAR;
    // the circle leaves room for names beside it (some 9 characters on a phone) and above it
    let margin = pad + NODE * s + gap + stub;
    let room = (w / s * 0.16).clamp(56.0, 130.0) * s;
    let radius = (cx - margin - room).max(0.2 * w).min(cy - margin - font).max(s);
    // `max`/`min`, not `clamp`: clamp's bounds check would bring float formatting into the wasm
    let r = (radius * sin_cos(PI / n.max(2) as f64).0 * 0.45).max(7.0 * s).min(NODE * s);
    let angle = |i: usize| TAU * i as f64 / n as f64;
    let node = |i: usize| {
        let (sin, cos) = sin_cos(angle(i));
        (cx + radius * sin, cy - radius * cos)
    };
    let stroke = |p: f64| 1 + (p * 10.0 * s).round() as u32;
    let get = |v: &[f64], i: usize| chance(v.get(i).copied().unwrap_or(0.0));
    let mut out = Vec::new();

    // moves: from a point of the rim turned 0.5 rad to the right of the way, to the
    // matching point of the target's rim
    let (si, co) = sin_cos(0.5);
    let paint = palette.bar.mix(600);
    for (i, row) in chart.q.iter().enumerate().take(n) {
        for (j, p) in likeliest(i, row, n) {
            let (a, b) = (node(i), node(j));
            let d = ((b.0 - a.0) * (b.0 - a.0) + (b.1 - a.1) * (b.1 - a.1)).sqrt().max(1e-9);
            let (ux, uy) = ((b.0 - a.0) / d, (b.1 - a.1) / d);
            let from = (a.0 + r * (ux * co - uy * si), a.1 + r * (uy * co + ux * si));
            let tip = (b.0 - (r + s) * (ux * co + uy * si), b.1 - (r + s) * (uy * co - ux * si));
            arrow(&mut out, from, tip, 0.3, stroke(p), s, paint);
        }
    }

    // the buy node: a pill around its label
    let label = fit(&chart.buy_label, ((radius - 8.0 * s) / cw).max(1.0) as usize);
    let tw = label.chars().count() as f64 * cw;
    let rb = r + 3.0 * s;
    let half = (tw / 2.0 + 4.0 * s - rb).max(0.0);
    // how far from the centre the pill's rim is along (ux, uy)
    let rim = |ux: f64, uy: f64| {
        if half * uy.abs() > rb * ux.abs() {
            rb / uy.abs()
        } else {
            half * ux.abs() + (rb * rb - half * half * uy * uy).max(0.0).sqrt()
        }
    };
    for i in 0..n {
        let (sin, cos) = sin_cos(angle(i));
        let (a, o) = (node(i), (sin, -cos));
        if let Some(p) = get(&chart.buy, i) {
            let t = rim(o.0, o.1) + s;
            let (from, tip) = ((a.0 - o.0 * r, a.1 - o.1 * r), (cx + o.0 * t, cy + o.1 * t));
            arrow(&mut out, from, tip, 0.0, stroke(p), s, palette.accent.mix(700));
        }
        if let Some(p) = get(&chart.entry, i) {
            let (from, tip) =
                ((a.0 + o.0 * (r + stub), a.1 + o.1 * (r + stub)), (a.0 + o.0 * (r + s), a.1 + o.1 * (r + s)));
            arrow(&mut out, from, tip, 0.0, stroke(p), s, palette.text.mix(550));
        }
    }

    // the nodes and their numbers
    let accent = palette.accent.solid();
    let (ri, number) = (r.round() as i32, (r * 1.25).min(font).round());
    let mut texts = Vec::with_capacity(2 * n + 1);
    for i in 0..n {
        let (x, y) = node(i);
        let paint = if chart.purchase == Some(i) { accent } else { palette.bar.solid() };
        out.push(Shape::Circle { x: x.round() as i32, y: y.round() as i32, r: ri, paint });
        let text = (i + 1).to_string();
        let x = x - text.len() as f64 * CHAR * number / 2.0;
        let (x, y) = at((x, y - number / 2.0));
        texts.push(Shape::Text { x, y, px: number as u32, align: Align::Start, text, paint: WHITE.solid() });
    }
    let (rbi, hi) = (rb.round() as i32, half.round() as i32);
    let (x, y) = at((cx, cy));
    out.push(Shape::Rect { x: x - hi, y: y - rbi, w: 2 * hi, h: 2 * rbi, paint: accent });
    out.push(Shape::Circle { x: x - hi, y, r: rbi, paint: accent });
    out.push(Shape::Circle { x: x + hi, y, r: rbi, paint: accent });
    let (x, y) = at((cx - tw / 2.0, cy - font / 2.0));
    texts.push(Shape::Text { x, y, px: font as u32, align: Align::Start, text: label, paint: WHITE.solid() });
    out.append(&mut texts);

    // the names: each column of names (the right half top down, the left half top down)
    // wants its names beside their nodes, moves them apart by a line where they overlap and
    // keeps them outside the circle through the stubs' ends
    let outer = radius + r + gap + stub;
    let line = font * 1.25;
    let split = n.div_ceil(2);
    for (right, order) in [(true, (0..split).collect::<Vec<_>>()), (false, (split..n).rev().collect())] {
        let mut tops: Vec<f64> =
            order.iter().map(|&i| cy - (outer + font / 2.0) * sin_cos(angle(i)).1 - font / 2.0).collect();
        for k in 1..tops.len() {
            tops[k] = tops[k].max(tops[k - 1] + line);
        }
        let mut lowest = h - pad - font;
        for top in tops.iter_mut().rev() {
            *top = top.min(lowest).max(0.0);
            lowest = *top - line;
        }
        for (&i, &top) in order.iter().zip(&tops) {
            let top = top.round();
            let dy = (cy - top - font).max(top - cy).max(0.0);
            let off = (outer * outer - dy * dy).max(0.0).sqrt();
            let (x, space) = if right { (cx + off, w - pad - cx - off) } else { (cx - off, cx - off - pad) };
            let chars = (space / cw) as usize;
            if chars >= 2 {
                texts.push(Shape::Text {
                    x: x.round() as i32,
                    y: top as i32,
                    px: font as u32,
                    align: if right { Align::Start } else { Align::End },
                    text: fit(chart.names[i].trim(), chars).replace(" …", "…"),
                    paint: palette.text.solid(),
                });
            }
        }
    }
    out.append(&mut texts);
    out
}

/// Where the states are in `shapes` (the [`layout`] of a chart of `states` states): the
/// pointer points at the nearest.
pub fn hits(shapes: &[Shape], states: usize) -> super::HitMap {
    let targets = shapes
        .iter()
        .filter_map(|s| if let Shape::Circle { x, y, .. } = s { Some((*x, *y)) } else { None })
        .take(states)
        .enumerate()
        .map(|(index, (x, y))| super::Target::Near { x, y, index })
        .collect();
    super::HitMap { targets }
}

/// State `i`'s number and name, and its chance to buy next.
pub fn readout(chart: &JourneyChart, i: usize, fmt: &dyn super::Fmt) -> Option<super::Readout> {
    let name = chart.names.get(i)?;
    let buy = chance(chart.buy.get(i).copied().unwrap_or(0.0)).unwrap_or(0.0);
    Some(super::Readout {
        title: format!("{}. {}", i + 1, name.trim()),
        lines: vec![format!("{}: {}", chart.buy_label, fmt.percent(buy))],
        value: buy,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn sin_cos_matches_the_library_over_two_turns_either_way() {
        for k in -4000..=4000 {
            let x = k as f64 * 0.003_141_592_653_589_793;
            let (s, c) = sin_cos(x);
            assert!((s - x.sin()).abs() < 1e-12 && (c - x.cos()).abs() < 1e-12, "{x}");
        }
    }

    /// `n` states with 25-character names: each moves on to the next (0.5) and the one
    /// after (0.1), buys with 0.2; every newcomer enters at the first.
    fn ring(n: usize) -> JourneyChart {
        let mut q = vec![vec![0.0; n]; n];
        for (i, row) in q.iter_mut().enumerate() {
            row[(i + 1) % n] += 0.5;
            row[(i + 2) % n] += 0.1;
        }
        let mut entry = vec![0.0; n];
        if n > 0 {
            entry[0] = 1.0;
        }
        JourneyChart {
            names: vec!["Sammenligner kandidaterne".to_string(); n],
            q,
            buy: vec![0.2; n],
            lost: vec![0.2; n],
            entry,
            buy_label: "Køb".into(),
            purchase: None,
        }
    }

    /// `n` states and nothing else.
    fn bare(n: usize) -> JourneyChart {
        JourneyChart { q: vec![vec![0.0; n]; n], buy: vec![0.0; n], lost: vec![0.0; n], entry: vec![0.0; n], ..ring(n) }
    }

    fn circles(shapes: &[Shape]) -> Vec<(i32, i32, i32, Paint)> {
        shapes
            .iter()
            .filter_map(|s| if let Shape::Circle { x, y, r, paint } = s { Some((*x, *y, *r, *paint)) } else { None })
            .collect()
    }

    fn lines(shapes: &[Shape]) -> Vec<(usize, u32, Paint)> {
        shapes
            .iter()
            .filter_map(|s| {
                if let Shape::Line { points, width, paint } = s {
                    Some((points.len(), *width, *paint))
                } else {
                    None
                }
            })
            .collect()
    }

    fn count(shapes: &[Shape], f: fn(&Shape) -> bool) -> usize {
        shapes.iter().filter(|s| f(s)).count()
    }

    /// A text's estimated box: left, top, right, bottom.
    fn text_box(s: &Shape) -> Option<(i32, i32, i32, i32)> {
        let Shape::Text { x, y, px, align, text, .. } = s else { return None };
        let w = (text.chars().count() as f64 * CHAR * *px as f64).ceil() as i32;
        let left = if *align == Align::Start { *x } else { x - w };
        Some((left, *y, left + w, y + *px as i32))
    }

    /// Every point of every shape and every text's estimated box lies on the canvas.
    fn assert_on_canvas(shapes: &[Shape], width: u32, height: u32) {
        let (w, h) = (width as i32, height as i32);
        let on = |x: i32, y: i32| (0..=w).contains(&x) && (0..=h).contains(&y);
        for s in shapes {
            let ok = match s {
                Shape::Rect { x, y, w: rw, h: rh, .. } => *rw >= 0 && *rh >= 0 && on(*x, *y) && on(x + rw, y + rh),
                Shape::Band { corners, .. } => corners.iter().all(|(x, y)| on(*x, *y)),
                Shape::Line { points, .. } => points.len() >= 2 && points.iter().all(|(x, y)| on(*x, *y)),
                Shape::Circle { x, y, r, .. } => *r > 0 && on(x - r, y - r) && on(x + r, y + r),
                Shape::Text { .. } => {
                    let (l, t, r, b) = text_box(s).unwrap();
                    on(l, t) && on(r, b)
                }
            };
            assert!(ok, "off the {width}×{height} canvas: {s:?}");
        }
    }

    #[test]
    fn six_states_make_a_hexagon_from_the_top_clockwise() {
        let p = Palette::default();
        let shapes = layout(&ring(6), 360, 1.0, p);
        let nodes: Vec<_> = circles(&shapes).into_iter().filter(|c| c.3 == p.bar.solid()).collect();
        assert_eq!(nodes.len(), 6);
        // the canvas is 360 × 288: the circle's centre is (180, 144)
        assert_eq!(height(360.0), 288);
        let (cx, cy) = (180.0, 144.0);
        let radius = (nodes[0].0 as f64 - cx).hypot(nodes[0].1 as f64 - cy);
        assert!(radius > 60.0, "{nodes:?}");
        for (k, (x, y, r, _)) in nodes.iter().enumerate() {
            let (dx, dy) = (*x as f64 - cx, *y as f64 - cy);
            assert!((dx.hypot(dy) - radius).abs() <= 1.0, "{nodes:?}");
            // clockwise from the top: 0°, 60°, … (y grows downwards)
            let degrees = dx.atan2(-dy).to_degrees().rem_euclid(360.0);
            assert!((degrees - 60.0 * k as f64).abs() < 1.0, "node {k} at {degrees}°");
            assert_eq!(*r, nodes[0].2);
        }
        assert_eq!(nodes[0].0, 180);
        // each node carries its number; the buy node (a pill) is in the centre
        let numbers: Vec<&str> = shapes
            .iter()
            .filter_map(|s| if let Shape::Text { text, .. } = s { Some(text.as_str()) } else { None })
            .take(7)
            .collect();
        assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "Køb"]);
        let pill: Vec<_> = circles(&shapes).into_iter().filter(|c| c.3 == p.accent.solid()).collect();
        assert_eq!(pill.len(), 2);
        assert!(pill.iter().all(|c| c.1 == 144 && (c.0 - 180).abs() <= c.2));
        // the purchase state is drawn in the accent colour
        let marked = layout(&JourneyChart { purchase: Some(2), ..ring(6) }, 360, 1.0, p);
        let accent: Vec<_> = circles(&marked).into_iter().filter(|c| c.3 == p.accent.solid()).collect();
        assert_eq!(accent.len(), 3);
        assert_eq!((accent[0].0, accent[0].1), (nodes[2].0, nodes[2].1));
    }

    #[test]
    fn arrows_widen_with_their_chance_and_zero_draws_none() {
        let p = Palette::default();
        let mut chart = bare(3);
        chart.q[0][1] = 0.1;
        chart.q[1][2] = 0.6;
        for dpr in [1.0, 2.0] {
            let shapes = layout(&chart, (360.0 * dpr) as u32, dpr, p);
            let l = lines(&shapes);
            assert_eq!(l.len(), 2, "{l:?}");
            assert!(l.iter().all(|l| l.0 > 2 && l.2 == p.bar.mix(600)), "curved: {l:?}");
            assert!(l[1].1 > l[0].1, "{l:?}");
            assert_eq!(count(&shapes, |s| matches!(s, Shape::Band { .. })), 2);
        }
        // 1 + round(p · 10) device pixels at dpr 1, 1 + round(p · 20) at dpr 2
        let widths =
            |dpr: f64| -> Vec<u32> { lines(&layout(&chart, 720, dpr, p)).iter().map(|l| l.1).collect::<Vec<_>>() };
        assert_eq!(widths(1.0), [2, 7]);
        assert_eq!(widths(2.0), [3, 13]);
        // nothing at all: nodes and texts only
        let none = layout(&bare(3), 360, 1.0, p);
        assert!(lines(&none).is_empty());
        assert_eq!(count(&none, |s| matches!(s, Shape::Band { .. })), 0);
        // buying and entering are arrows too, in their own colours
        let mut more = bare(3);
        more.buy[1] = 0.3;
        more.entry[2] = 0.5;
        let l = lines(&layout(&more, 360, 1.0, p));
        assert_eq!(l.iter().map(|l| (l.1, l.2)).collect::<Vec<_>>(), [(4, p.accent.mix(700)), (6, p.text.mix(550))]);
    }

    #[test]
    fn each_state_draws_its_three_likeliest_moves_and_says_how_many_are_left_out() {
        let p = Palette::default();
        // every state moves to every other: 20 × 19 moves, 60 of them drawn, plus 20 purchases
        let mut dense = ring(20);
        dense.q = (0..20).map(|i| (0..20).map(|j| if i == j { 0.0 } else { 0.5 / 19.0 }).collect()).collect();
        let shapes = layout(&dense, 720, 1.0, p);
        assert_eq!(lines(&shapes).iter().filter(|l| l.2 == p.bar.mix(600)).count(), 20 * MOVES_DRAWN);
        assert_eq!(lines(&shapes).iter().filter(|l| l.2 == p.accent.mix(700)).count(), 20);
        assert_eq!(moves_left_out(&dense), 20 * 19 - 20 * MOVES_DRAWN);
        // of five moves, the three likeliest (the earlier state among equals), widest first
        let mut five = bare(6);
        five.q[0] = vec![0.0, 0.05, 0.3, 0.1, 0.3, 0.2];
        let widths: Vec<u32> = lines(&layout(&five, 360, 1.0, p)).iter().map(|l| l.1).collect();
        assert_eq!(widths, [4, 4, 3]);
        assert_eq!(moves_left_out(&five), 2);
        // the same with a self-loop and odd chances, which are never moves
        five.q[0][0] = 0.9;
        five.q[0][1] = f64::NAN;
        assert_eq!(lines(&layout(&five, 360, 1.0, p)).iter().map(|l| l.1).collect::<Vec<_>>(), [4, 4, 3]);
        assert_eq!(moves_left_out(&five), 1);
        // a journey the templates' size draws in full
        assert_eq!(moves_left_out(&ring(6)), 0);
    }

    #[test]
    fn moves_there_and_back_do_not_overlap() {
        let mut chart = bare(4);
        chart.q[0][2] = 0.3;
        chart.q[2][0] = 0.3;
        let shapes = layout(&chart, 360, 1.0, Palette::default());
        let mids: Vec<(i32, i32)> = shapes
            .iter()
            .filter_map(|s| if let Shape::Line { points, .. } = s { Some(points[points.len() / 2]) } else { None })
            .collect();
        // nodes 1 and 3 are top and bottom: the two arrows pass the centre on either side
        assert_eq!(mids.len(), 2);
        assert!((mids[0].0 - 180) * (mids[1].0 - 180) < 0 && (mids[0].0 - mids[1].0).abs() > 20, "{mids:?}");
    }

    #[test]
    fn changing_a_move_changes_the_chart() {
        let p = Palette::default();
        let chart = ring(6);
        assert_eq!(layout(&chart, 360, 2.0, p), layout(&chart.clone(), 360, 2.0, p));
        let mut changed = chart.clone();
        changed.q[3][4] = 0.3;
        assert_ne!(layout(&chart, 360, 2.0, p), layout(&changed, 360, 2.0, p));
        let mut added = chart.clone();
        added.q[0][3] = 0.05;
        assert_eq!(lines(&layout(&added, 360, 2.0, p)).len(), lines(&layout(&chart, 360, 2.0, p)).len() + 1);
    }

    #[test]
    fn everything_stays_on_a_phone_canvas() {
        let p = Palette::default();
        for n in [1, 2, 3, 6, 7, 12, 20] {
            let mut dense = ring(n);
            dense.q = vec![vec![1.0 / n as f64; n]; n];
            for chart in [ring(n), dense] {
                for dpr in [1.0, 1.5, 3.0] {
                    let width = (360.0 * dpr) as u32;
                    let shapes = layout(&chart, width, dpr, p);
                    let h = (height(360.0) as f64 * dpr).round() as u32;
                    assert_on_canvas(&shapes, width, h);
                    // one name per state, long enough to read, none overlapping another
                    let names: Vec<_> =
                        shapes.iter().skip_while(|s| !matches!(s, Shape::Text { .. })).skip(n + 1).collect();
                    assert_eq!(names.len(), n, "n = {n}, dpr = {dpr}");
                    let boxes: Vec<_> = names.iter().map(|s| text_box(s).unwrap()).collect();
                    for (k, a) in boxes.iter().enumerate() {
                        let Shape::Text { text, .. } = names[k] else { unreachable!() };
                        assert!(text.chars().count() >= 8, "{text:?}, n = {n}, dpr = {dpr}");
                        for b in &boxes[k + 1..] {
                            let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
                            assert!(apart, "{a:?} overlaps {b:?}, n = {n}, dpr = {dpr}");
                        }
                        // and no name covers a node
                        for (x, y, r, _) in circles(&shapes) {
                            let nx = x.clamp(a.0, a.2) - x;
                            let ny = y.clamp(a.1, a.3) - y;
                            assert!(nx * nx + ny * ny >= r * r, "{a:?} covers the node at {x}, {y}");
                        }
                    }
                }
            }
        }
        // wider canvases keep to their height too, and the names grow
        for css in [200.0, 480.0, 800.0, 1400.0] {
            let shapes = layout(&ring(6), css as u32, 1.0, p);
            assert_on_canvas(&shapes, css as u32, height(css));
        }
        let wide = layout(&ring(6), 800, 1.0, p);
        assert!(wide.iter().any(|s| matches!(s, Shape::Text { text, .. } if text == "Sammenligner kandidaterne")));
    }

    #[test]
    fn odd_chances_and_self_loops_draw_nothing() {
        let p = Palette::default();
        let plain = ring(20);
        let base = layout(&plain, 1080, 3.0, p);
        assert_eq!(count(&base, |s| matches!(s, Shape::Circle { .. })), 22);
        let mut odd = plain.clone();
        for (i, v) in [f64::NAN, -0.5, 1e300, f64::INFINITY, f64::NEG_INFINITY, 1.5].into_iter().enumerate() {
            odd.q[i][10] = v;
            odd.buy[i + 1] = v;
            odd.entry[i + 1] = v;
        }
        let mut zero = plain.clone();
        for i in 0..6 {
            zero.buy[i + 1] = 0.0;
        }
        assert_eq!(layout(&odd, 1080, 3.0, p), layout(&zero, 1080, 3.0, p));
        // a move from a state to itself is no arrow
        let mut looped = plain.clone();
        looped.q[4][4] = 0.7;
        assert_eq!(layout(&looped, 1080, 3.0, p), base);
        // ragged or missing figures, an empty chart, an odd dpr: no panic
        let ragged = JourneyChart { q: vec![vec![0.5]; 3], buy: vec![], entry: vec![1.0; 40], ..plain.clone() };
        assert_on_canvas(&layout(&ragged, 360, 1.0, p), 360, height(360.0));
        assert!(layout(&bare(0), 360, 1.0, p).is_empty());
        for dpr in [f64::NAN, 0.0, -2.0, f64::INFINITY] {
            assert_on_canvas(&layout(&plain, 360, dpr, p), 360, height(360.0));
        }
        // no room at all: drawn however, without panicking
        assert!(!layout(&plain, 0, 1.0, p).is_empty());
    }

    #[test]
    fn the_pointer_points_at_the_nearest_state() {
        let chart = ring(6);
        let shapes = layout(&chart, 360, 1.0, Palette::default());
        let map = hits(&shapes, 6);
        let nodes: Vec<(i32, i32)> = map
            .targets
            .iter()
            .map(|t| if let crate::chart::Target::Near { x, y, .. } = t { (*x, *y) } else { unreachable!() })
            .collect();
        assert_eq!(nodes.len(), 6);
        for (i, (x, y)) in nodes.iter().enumerate() {
            assert_eq!(map.hit(x + 3, y - 2), Some(i));
        }
        // the top node is state 1, straight above the centre
        assert_eq!(map.hit(180, 0), Some(0));
        let r = readout(&chart, 1, &crate::chart::testing::Plain).unwrap();
        assert_eq!((r.title.as_str(), r.lines[0].as_str()), ("2. Sammenligner kandidaterne", "Køb: 20 %"));
        assert!(readout(&chart, 6, &crate::chart::testing::Plain).is_none());
    }

    #[test]
    fn the_journey_is_drawn_through_plotters() {
        use crate::chart::testing::*;
        let (svg, hits, _) = svg(&chart(crate::chart::Kind::Journey(ring(6))), 360, 1.0);
        let s = strings(&svg);
        assert_eq!(&s[..7], ["1", "2", "3", "4", "5", "6", "Køb"]);
        assert_eq!(s.len(), 13);
        assert_eq!(svg.matches("<circle").count(), 8);
        // 6 moves to the next, 6 to the one after and 6 purchases (the newcomers' stub is
        // all arrowhead)
        assert_eq!(polylines(&svg).len(), 18);
        assert_eq!(hits.targets.len(), 6);
    }

    #[test]
    fn the_height_is_square_ish_within_bounds() {
        assert_eq!(height(360.0), 288);
        assert_eq!(height(200.0), 280);
        assert_eq!(height(600.0), 480);
        assert_eq!(height(2000.0), 560);
        assert_eq!(height(f64::NAN), 280);
    }
}
