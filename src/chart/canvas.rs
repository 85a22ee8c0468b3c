//! Painting charts on a `<canvas>`: size its backing store to CSS size × the device pixel
//! ratio so it is crisp on HiDPI screens, clear it, paint the shapes of a layout (the
//! funnel's [`super::funnel::layout`], one of [`super::plots`] or the journey's
//! [`super::journey::layout`]), and leave a `tragt:chart-drawn` performance mark for the
//! benchmark.
//! Colours and font sizes are written with integers only, so the wasm carries no
//! float-to-text code.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::funnel::{css_colour, Align, Paint, Palette, Rgb, Shape};

/// Paints `shapes` on `ctx`. Colours, line widths, fonts and text alignments are set only
/// when they change: a busy chart (a 20-state journey draws ~400 arrows and ~40 texts) would
/// otherwise spend most of its time in those calls (setting a font makes the browser update
/// the page's style first) and in formatting the same colour again.
fn paint(ctx: &CanvasRenderingContext2d, shapes: &[Shape]) {
    ctx.set_text_baseline("top");
    ctx.set_line_join("round");
    let (mut fill, mut stroke, mut line) = (None, None, 0);
    let (mut font, mut aligned) = (None, None);
    let mut set_fill = |paint: Paint| {
        if fill != Some(paint) {
            ctx.set_fill_style_str(&css_colour(paint));
            fill = Some(paint);
        }
    };
    for shape in shapes {
        match shape {
            Shape::Rect { x, y, w, h, paint } => {
                set_fill(*paint);
                ctx.fill_rect(*x as f64, *y as f64, *w as f64, *h as f64);
            }
            Shape::Band { corners, paint } => {
                ctx.begin_path();
                ctx.move_to(corners[0].0 as f64, corners[0].1 as f64);
                for (x, y) in &corners[1..] {
                    ctx.line_to(*x as f64, *y as f64);
                }
                ctx.close_path();
                set_fill(*paint);
                ctx.fill();
            }
            Shape::Text { x, y, px, align, text, paint } => {
                if aligned != Some(*align) {
                    ctx.set_text_align(match align {
                        Align::Start => "left",
                        Align::End => "right",
                    });
                    aligned = Some(*align);
                }
                set_fill(*paint);
                if font != Some(*px) {
                    // the context keeps its font from the last redraw: setting it even to the
                    // same font makes the browser bring the page's style up to date first
                    // (after an edit's DOM changes, a forced style recalculation)
                    let wanted = format!("{px}px sans-serif");
                    if ctx.font() != wanted {
                        ctx.set_font(&wanted);
                    }
                    font = Some(*px);
                }
                let _ = ctx.fill_text(text, *x as f64, *y as f64);
            }
            Shape::Line { points, width, paint } => {
                let Some(((x0, y0), rest)) = points.split_first() else { continue };
                // an odd width centred on a pixel's middle stays crisp
                let o = if width % 2 == 1 { 0.5 } else { 0.0 };
                ctx.begin_path();
                ctx.move_to(*x0 as f64 + o, *y0 as f64 + o);
                for (x, y) in rest {
                    ctx.line_to(*x as f64 + o, *y as f64 + o);
                }
                if line != *width {
                    ctx.set_line_width(*width as f64);
                    line = *width;
                }
                if stroke != Some(*paint) {
                    ctx.set_stroke_style_str(&css_colour(*paint));
                    stroke = Some(*paint);
                }
                ctx.stroke();
            }
            Shape::Circle { x, y, r, paint } => {
                ctx.begin_path();
                let _ = ctx.arc(*x as f64, *y as f64, (*r).max(0) as f64, 0.0, std::f64::consts::TAU);
                set_fill(*paint);
                ctx.fill();
            }
        }
    }
}

/// Reads `--chart-*` colours from the canvas's computed style (so themes and an embed's
/// accent reach the chart); anything missing or malformed keeps the default. This forces a
/// style recalculation: read it when the canvas mounts, not on every redraw.
pub fn palette(canvas: &HtmlCanvasElement) -> Palette {
    let mut p = Palette::default();
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(canvas).ok().flatten()) else {
        return p;
    };
    let read = |name: &str| style.get_property_value(name).ok().and_then(|v| parse_hex(v.trim()));
    if let Some(c) = read("--chart-bar") {
        p.bar = c;
    }
    if let Some(c) = read("--chart-accent") {
        p.accent = c;
    }
    if let Some(c) = read("--chart-after") {
        p.after = c;
    }
    if let Some(c) = read("--chart-text") {
        p.text = c;
    }
    p
}

/// `#rrggbb` to a colour.
pub fn parse_hex(s: &str) -> Option<Rgb> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
}

/// Redraws `canvas`, `css_width` × `css_height` CSS pixels (at least 200 wide), with the
/// shapes `draw` lays out for its width in device pixels and the device pixel ratio.
pub fn render_shapes(
    canvas: &HtmlCanvasElement,
    css_width: f64,
    css_height: u32,
    draw: impl FnOnce(u32, f64) -> Vec<Shape>,
) {
    let Some(window) = web_sys::window() else { return };
    let dpr = window.device_pixel_ratio().clamp(1.0, 4.0);
    let css_width = css_width.max(200.0);
    let (w, h) = ((css_width * dpr).round() as u32, (css_height as f64 * dpr).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
        let _ = canvas.style().set_property("height", &format!("{css_height}px"));
    }
    let ctx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    if let Some(ctx) = ctx {
        // resizing clears the canvas by itself; clearing again is cheap
        ctx.clear_rect(0.0, 0.0, w as f64, h as f64);
        paint(&ctx, &draw(w, dpr));
    }
    if let Some(perf) = window.performance() {
        let _ = perf.mark("tragt:chart-drawn");
    }
}
