//! The saved file, version 5, as serde DTOs: the one description of the file format
//! (version 4 lacks the traffic sources, `sources`, and the stages' `fixed_cost` and
//! `entrant_cost`; version 3 also the journey: `mode`, `recovery`, `recover_to` and the stages' `moves`;
//! version 2 also the forecasting fields: `referrals`, `trials`, `seed` and the stages'
//! `now`, `days`, `benchmark`, `low`, `high`; version 1 also lacks `goal`). A serializable
//! counterpart of [`crate::calc::Workspace`], kept apart from the calc types so the file
//! format changes only on purpose. Percentages are stored as fractions (0.4 = 40 %),
//! exactly as computed.
//!
//! Every field is a [`Slot`], so the same types write a file and read a damaged one: a
//! field of the wrong type is [`Slot::Damaged`] instead of failing the whole file, and
//! [`super::migrate()`] replaces it by its default and counts it.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The `format` field of every file Tragt writes.
pub const FORMAT: &str = "tragt";
/// The schema version this build writes.
pub const CURRENT_VERSION: u64 = 5;

/// One field as a file holds it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Slot<T> {
    /// Not in the file (`#[serde(default)]`).
    #[default]
    Absent,
    /// In the file, of the field's type.
    Valid(T),
    /// In the file, but not of the field's type: the rest of the file is still read.
    Damaged,
}

impl<T> Slot<T> {
    /// `Valid` for `Some`, `Absent` for `None`.
    pub fn from_option(value: Option<T>) -> Self {
        value.map_or(Slot::Absent, Slot::Valid)
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Slot::Absent)
    }

    /// The value, if it is of the field's type.
    pub fn valid(&self) -> Option<&T> {
        match self {
            Slot::Valid(value) => Some(value),
            _ => None,
        }
    }
}

impl<T> From<T> for Slot<T> {
    fn from(value: T) -> Self {
        Slot::Valid(value)
    }
}

/// Writes the value itself; an absent field is skipped by `skip_serializing_if`.
impl<T: Serialize> Serialize for Slot<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Slot::Valid(value) => value.serialize(serializer),
            Slot::Absent | Slot::Damaged => serializer.serialize_none(),
        }
    }
}

/// Reads any JSON value, then tries it as a `T`; what is not a `T` is `Damaged`. A whole
/// number written with a fraction (`2.0`, as JavaScript may print an id) is read as whole.
impl<'de, T: DeserializeOwned> Deserialize<'de> for Slot<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde_json::Value;
        let value = match Value::deserialize(deserializer)? {
            Value::Number(n) => match n.as_f64() {
                Some(x) if n.is_f64() && x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_992.0 => {
                    Value::from(x as i64)
                }
                _ => Value::Number(n),
            },
            other => other,
        };
        Ok(T::deserialize(value).map_or(Slot::Damaged, Slot::Valid))
    }
}

/// The whole saved workspace.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Store {
    /// Always [`FORMAT`].
    #[serde(default)]
    pub format: Slot<String>,
    /// [`CURRENT_VERSION`] when written.
    #[serde(default)]
    pub version: Slot<u64>,
    /// Id of the open scenario.
    #[serde(default)]
    pub current: Slot<String>,
    /// The scenarios in list order.
    #[serde(default)]
    pub scenarios: Slot<Vec<Slot<StoredScenario>>>,
}

/// One scenario.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredScenario {
    #[serde(default)]
    pub id: Slot<String>,
    #[serde(default)]
    pub name: Slot<String>,
    /// A template id (`webshop`, `aida`, …).
    #[serde(default)]
    pub template: Slot<String>,
    #[serde(default)]
    pub stages: Slot<Vec<Slot<StoredStage>>>,
    /// People entering the first stage per period.
    #[serde(default)]
    pub top: Slot<f64>,
    /// Id of the stage where a person counts as a lead.
    #[serde(default)]
    pub lead: Slot<u32>,
    /// Id of the stage where a person buys.
    #[serde(default)]
    pub purchase: Slot<u32>,
    #[serde(default)]
    pub spend: Slot<f64>,
    #[serde(default)]
    pub aov: Slot<f64>,
    #[serde(default)]
    pub frequency: Slot<f64>,
    #[serde(default)]
    pub margin: Slot<f64>,
    /// `simple`, `retention` or `discounted`.
    #[serde(default)]
    pub ltv_method: Slot<String>,
    #[serde(default)]
    pub lifespan: Slot<f64>,
    #[serde(default)]
    pub retention: Slot<f64>,
    #[serde(default)]
    pub discount: Slot<f64>,
    /// An ISO 4217 code.
    #[serde(default)]
    pub currency: Slot<String>,
    /// `month`, `quarter` or `year`.
    #[serde(default)]
    pub period: Slot<String>,
    /// Version 2: the goal, if set.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub goal: Slot<StoredGoal>,
    /// Version 3: referrals per customer, k.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub referrals: Slot<f64>,
    /// Version 3: Monte Carlo trials.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub trials: Slot<u32>,
    /// Version 3: Monte Carlo seed.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub seed: Slot<u32>,
    /// Version 4: `funnel` or `journey`.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub mode: Slot<String>,
    /// Version 4: share of a journey's lost people brought back (a fraction).
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub recovery: Slot<f64>,
    /// Version 4: id of the stage they are brought back to.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub recover_to: Slot<u32>,
    /// Version 5: the traffic sources, written only when there are any.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub sources: Slot<Vec<Slot<StoredSource>>>,
}

/// Version 5: one traffic source. `kind` is `cpc` (with `budget` and `cpc`), `cpm` (with
/// `budget`, `cpm` and `ctr`, a fraction) or `free` (with `visitors` and `cost`); `rate`, the
/// source's own rate into stage 2 (a fraction), only when it has one. Money per period.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredSource {
    #[serde(default)]
    pub name: Slot<String>,
    #[serde(default)]
    pub kind: Slot<String>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub budget: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub cpc: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub cpm: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub ctr: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub visitors: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub cost: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub rate: Slot<f64>,
}

/// Version 4: where a journey state's people go next, as fractions; `to` holds
/// `[stage id, share]` pairs.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredMoves {
    #[serde(default)]
    pub to: Slot<Vec<Slot<(u32, f64)>>>,
    #[serde(default)]
    pub buy: Slot<f64>,
    #[serde(default)]
    pub lost: Slot<f64>,
    #[serde(default)]
    pub entry: Slot<f64>,
}

/// A goal: `customers` or `revenue` per period, and the amount.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredGoal {
    #[serde(default)]
    pub kind: Slot<String>,
    #[serde(default)]
    pub value: Slot<f64>,
}

/// One stage: either a template stage (`template_stage`, its position in the template)
/// or a custom `name`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredStage {
    #[serde(default)]
    pub id: Slot<u32>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub name: Slot<String>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub template_stage: Slot<usize>,
    /// The share of the stage's people who go on to the next (a fraction).
    #[serde(default)]
    pub rate: Slot<f64>,
    /// Version 3, each optional: people in the stage now, days spent here, benchmark rate,
    /// low and high end of the rate's range (rates as fractions).
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub now: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub days: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub benchmark: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub low: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub high: Slot<f64>,
    /// Version 3: `true` when the Monte Carlo draws this rate from the stage's counts.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub counts: Slot<bool>,
    /// Version 4: the stage's journey moves, once the scenario has been a journey.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub moves: Slot<StoredMoves>,
    /// Version 5, each optional: the stage's fixed cost per period and its cost per entrant.
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub fixed_cost: Slot<f64>,
    #[serde(default, skip_serializing_if = "Slot::is_absent")]
    pub entrant_cost: Slot<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(id: u32) -> StoredStage {
        StoredStage {
            id: id.into(),
            name: Slot::Absent,
            template_stage: 0.into(),
            rate: 1.0.into(),
            now: Slot::Absent,
            days: Slot::Absent,
            benchmark: Slot::Absent,
            low: Slot::Absent,
            high: Slot::Absent,
            counts: Slot::Absent,
            moves: Slot::Absent,
            fixed_cost: Slot::Absent,
            entrant_cost: Slot::Absent,
        }
    }

    #[test]
    fn optional_fields_are_left_out_when_absent() {
        let json = serde_json::to_string(&stage(3)).unwrap();
        assert_eq!(json, r#"{"id":3,"template_stage":0,"rate":1.0}"#);
        let back: StoredStage = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stage(3));
    }

    #[test]
    fn a_field_of_the_wrong_type_is_damaged_and_the_rest_is_read() {
        let back: StoredStage = serde_json::from_str(
            r#"{"id":"seven","rate":0.25,"days":null,"moves":{"to":[[2,0.5],[0],"x"],"buy":true}}"#,
        )
        .unwrap();
        assert_eq!(back.id, Slot::Damaged);
        assert_eq!(back.rate, Slot::Valid(0.25));
        assert_eq!(back.days, Slot::Damaged);
        assert_eq!(back.name, Slot::Absent);
        let moves = back.moves.valid().unwrap();
        assert_eq!(moves.to, Slot::Valid(vec![Slot::Valid((2, 0.5)), Slot::Damaged, Slot::Damaged]));
        assert_eq!(moves.buy, Slot::Damaged);
        assert_eq!(moves.lost, Slot::Absent);
        // a scenario that is not an object is damaged, its neighbours are read
        let store: Store = serde_json::from_str(r#"{"format":"tragt","scenarios":[7,{"id":"a"}]}"#).unwrap();
        let scenarios = store.scenarios.valid().unwrap();
        assert_eq!(scenarios[0], Slot::Damaged);
        assert_eq!(scenarios[1].valid().unwrap().id, Slot::Valid("a".to_string()));
        assert_eq!(store.version, Slot::Absent);
    }

    #[test]
    fn whole_numbers_are_read_as_whole_and_others_are_damaged() {
        for bad in ["-1", "-1.0", "4294967296", "2.5", "1e300", "\"3\"", "true"] {
            let stage: StoredStage = serde_json::from_str(&format!(r#"{{"id":{bad}}}"#)).unwrap();
            assert_eq!(stage.id, Slot::Damaged, "{bad}");
        }
        // a whole number with a fraction is whole; a number field takes it as it is
        for good in ["7", "7.0", "7e0", "0.07e2"] {
            let stage: StoredStage = serde_json::from_str(&format!(r#"{{"id":{good},"rate":{good}}}"#)).unwrap();
            assert_eq!((stage.id, stage.rate), (Slot::Valid(7), Slot::Valid(7.0)), "{good}");
        }
    }
}
