//! The pure calculation core: funnel counts and rates, money, lifetime value and the
//! forecast figures of MODELS.md §3.1–3.5, goal seeking (§3.6), plus the shipped templates and the scenario
//! document they start.
//!
//! Architecture invariant: nothing here touches the browser, the UI framework, a clock or
//! the OS (`tests/tidy.rs` enforces it). Plain data in, plain data out.

pub mod bottleneck;
pub mod compare;
pub mod economics;
pub mod figure;
pub mod forecast;
pub mod funnel;
pub mod goal;
pub mod journey;
pub mod limits;
pub mod markov;
pub mod moves;
pub mod pipeline;
pub mod referral;
pub mod scenario;
pub mod templates;
pub mod time;
pub mod traffic;
pub mod uncertainty;
pub mod workspace;

pub use economics::{Currency, Economics, LtvMethod, Period};
pub use forecast::{figures, forecast, Costs, Figure, Flow, Forecast, SpendSplit, StageFigures, Undefined};
pub use funnel::{EntryError, Funnel, Rate, RateError, MAX_STAGES, MIN_STAGES};
pub use limits::{InputError, Quantity};
pub use moves::{MoveTo, Moves};
pub use scenario::{Mode, Scenario, StageDoc, StageLabel, StageListError};
pub use templates::{Template, TemplateId, TemplateStage};
pub use workspace::{Deleted, Workspace};
