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
//! - [`views`]: the analysis views, which a page offers and which one is shown.
//! - [`startup`]: what the page starts with: URL, saved scenarios, language.
//! - [`app`]: builds the state, provides it, lays out the page.
//! - [`autosave`]: the app's side of storage: debounced writes, other tabs, notices.

pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod autosave;
pub mod calc;
pub mod chart;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod startup;
pub mod state;
pub mod storage;
pub mod views;
