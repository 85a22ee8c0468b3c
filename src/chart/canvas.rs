//! Drawing charts on a `<canvas>` through plotters-canvas: size the canvas's backing store
//! to CSS size × the device pixel ratio so it is crisp on HiDPI screens, clear it, draw the
//! chart onto a plotters drawing area in device pixels, and leave a `tragt:chart-drawn`
//! performance mark for the benchmark.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::{Chart, HitMap, Palette, Rgb};

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

/// Redraws `canvas`, `css_width` CSS pixels wide (at least 200) and as high as the chart
/// wants for that width, at the screen's device pixel ratio; returns where the chart's data
/// are (in device pixels) and that ratio.
pub fn render(canvas: &HtmlCanvasElement, css_width: f64, chart: &Chart, palette: &Palette) -> (HitMap, f64) {
    let Some(window) = web_sys::window() else { return (HitMap::default(), 1.0) };
    let dpr = window.device_pixel_ratio().clamp(1.0, 4.0);
    let css_width = css_width.max(200.0);
    let css_height = chart.height(css_width);
    let (w, h) = ((css_width * dpr).round() as u32, (css_height as f64 * dpr).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
        let _ = canvas.style().set_property("height", &format!("{css_height}px"));
    }
    let ctx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    let Some(ctx) = ctx else { return (HitMap::default(), dpr) };
    // resizing clears the canvas by itself; clearing again is cheap
    ctx.clear_rect(0.0, 0.0, w as f64, h as f64);
    let hits = match CanvasBackend::with_canvas_object(canvas.clone()) {
        Some(backend) => chart.draw(&backend.into_drawing_area(), palette, dpr).unwrap_or_default(),
        None => HitMap::default(),
    };
    if let Some(perf) = window.performance() {
        let _ = perf.mark("tragt:chart-drawn");
    }
    (hits, dpr)
}
