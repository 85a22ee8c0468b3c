//! Drawing the funnel chart on a `<canvas>`: size its backing store to CSS size × the
//! device pixel ratio so it is crisp on HiDPI screens, clear it, draw, and leave a
//! `tragt:chart-drawn` performance mark for the benchmark.
//!
//! [`Canvas2d`] is a plotters drawing backend for the 2D context. It does what
//! plotters-canvas does for the primitives this chart uses, but writes colours and font
//! sizes with integers only, so the wasm carries no float-to-text code (≈ 5 KB brotli).

use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A plotters backend drawing on a canvas's 2D context.
pub struct Canvas2d {
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
}

/// The canvas refused an operation.
#[derive(Debug)]
pub struct CanvasError;

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("canvas error")
    }
}

impl std::error::Error for CanvasError {}

impl Canvas2d {
    /// A backend for `canvas`, or `None` if it has no 2D context.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Canvas2d> {
        let ctx = canvas.get_context("2d").ok()??.dyn_into::<CanvasRenderingContext2d>().ok()?;
        Some(Canvas2d { ctx, size: (canvas.width(), canvas.height()) })
    }

    fn trace(&self, points: &[BackendCoord]) {
        self.ctx.begin_path();
        for (i, (x, y)) in points.iter().enumerate() {
            if i == 0 {
                self.ctx.move_to(*x as f64, *y as f64);
            } else {
                self.ctx.line_to(*x as f64, *y as f64);
            }
        }
    }
}

impl DrawingBackend for Canvas2d {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, colour: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.ctx.set_fill_style_str(&css_colour(colour));
        self.ctx.fill_rect(point.0 as f64, point.1 as f64, 1.0, 1.0);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let (x, y) = (upper_left.0 as f64, upper_left.1 as f64);
        let (w, h) = ((bottom_right.0 - upper_left.0) as f64, (bottom_right.1 - upper_left.1) as f64);
        if fill {
            self.ctx.set_fill_style_str(&css_colour(style.color()));
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.ctx.set_stroke_style_str(&css_colour(style.color()));
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        self.trace(&points);
        self.ctx.close_path();
        self.ctx.set_fill_style_str(&css_colour(style.color()));
        self.ctx.fill();
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.ctx.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.ctx.set_text_align(match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        self.ctx.set_fill_style_str(&css_colour(style.color()));
        let px = style.size().round().max(1.0) as u32;
        self.ctx.set_font(&format!("{} {px}px {}", style.style().as_str(), style.family().as_str()));
        self.ctx.fill_text(text, pos.0 as f64, pos.1 as f64).map_err(|_| DrawingErrorKind::DrawingError(CanvasError))
    }
}

use super::funnel::{css_colour, draw, height, FunnelBar, Palette};

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
pub fn parse_hex(s: &str) -> Option<RGBColor> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(RGBColor(byte(0)?, byte(2)?, byte(4)?))
}

/// Redraws the chart on `canvas`, `css_width` CSS pixels wide. The caller passes the
/// width (from a ResizeObserver) because reading `clientWidth` here would force a layout
/// on every edit.
pub fn render(canvas: &HtmlCanvasElement, bars: &[FunnelBar], css_width: f64, palette: &Palette) {
    let Some(window) = web_sys::window() else { return };
    let dpr = window.device_pixel_ratio().clamp(1.0, 4.0);
    let css_width = css_width.max(200.0);
    let css_height = height(bars.len());
    let (w, h) = ((css_width * dpr).round() as u32, (css_height as f64 * dpr).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
        let _ = canvas.style().set_property("height", &format!("{css_height}px"));
    }
    if let Some(backend) = Canvas2d::new(canvas) {
        // resizing clears the canvas by itself; clearing again is cheap
        backend.ctx.clear_rect(0.0, 0.0, w as f64, h as f64);
        let area = backend.into_drawing_area();
        let _ = draw(&area, bars, palette, dpr);
        let _ = area.present();
    }
    if let Some(perf) = window.performance() {
        let _ = perf.mark("tragt:chart-drawn");
    }
}
