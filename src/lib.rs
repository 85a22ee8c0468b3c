//! Tragt: a marketing and sales funnel calculator that runs in the browser.
//!
//! Code map:
//! - [`calc`]: the pure core — funnel, money, LTV, forecast, templates, scenario edits.
//! - [`storage`]: versioned saved-file schema, pure `migrate()`, browser adapter.
//! - [`i18n`]: languages, the text table, localized number parsing and `Intl` formatting.
//! - [`chart`]: the funnel chart, drawn on any plotters backend; canvas glue apart.
//! - [`state`]: the app's one source of truth and its derived memos.
//! - [`components`]: one Leptos component per file.
//! - [`embed`]: the embed configuration from the URL, validated.
//! - [`app`]: builds the state, provides it, lays out the page.

pub mod app;
pub mod calc;
pub mod chart;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod state;
pub mod storage;
