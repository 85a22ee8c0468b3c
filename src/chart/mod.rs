//! Charts. [`funnel`] lays the funnel chart out as plain shapes, [`plots`] the timeline,
//! bar and histogram charts and [`journey`] the customer journey's states and moves (pure,
//! tested natively); [`canvas`] is the thin glue that sizes a `<canvas>` for the screen's
//! pixel density and paints the shapes on it.

pub mod funnel;
pub mod journey;
pub mod plots;

#[cfg(target_arch = "wasm32")]
pub mod canvas;

pub use funnel::{FunnelBar, Marker, Palette};
