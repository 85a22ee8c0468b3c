//! The saved file, version 1, as serde DTOs: a serializable counterpart of
//! [`crate::calc::Workspace`], kept apart from the calc types so the file format changes
//! only on purpose. Percentages are stored as fractions (0.4 = 40 %), exactly as computed.

use serde::{Deserialize, Serialize};

/// The `format` field of every file Tragt writes.
pub const FORMAT: &str = "tragt";
/// The schema version this build writes.
pub const CURRENT_VERSION: u64 = 1;

/// The whole saved workspace.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoreV1 {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always 1.
    pub version: u64,
    /// Id of the open scenario.
    pub current: String,
    /// The scenarios in list order.
    pub scenarios: Vec<ScenarioV1>,
}

/// One scenario.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ScenarioV1 {
    pub id: String,
    pub name: String,
    pub template: String,
    pub stages: Vec<StageV1>,
    pub top: f64,
    pub lead: u32,
    pub purchase: u32,
    pub spend: f64,
    pub aov: f64,
    pub frequency: f64,
    pub margin: f64,
    pub ltv_method: String,
    pub lifespan: f64,
    pub retention: f64,
    pub discount: f64,
    pub currency: String,
    pub period: String,
}

/// One stage: either a template stage (`template_stage`) or a custom `name`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StageV1 {
    pub id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_stage: Option<usize>,
    pub rate: f64,
}
