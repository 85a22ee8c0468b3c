//! Charts. The drawing code is generic over plotters' `DrawingBackend`, so it is tested
//! natively against an SVG backend; [`canvas`] is the thin glue that sizes a `<canvas>`
//! for the screen's pixel density and draws on it.

pub mod funnel;

#[cfg(target_arch = "wasm32")]
pub mod canvas;

pub use funnel::{FunnelBar, Marker, Palette};
