//! The saved file, version 4, as serde DTOs (version 3 lacks the journey: `mode`,
//! `recovery`, `recover_to` and the stages' `moves`; version 2 also the forecasting fields:
//! `referrals`, `trials`, `seed` and the stages' `now`, `days`, `benchmark`, `low`, `high`;
//! version 1 also lacks `goal`): a serializable counterpart of
//! [`crate::calc::Workspace`], kept apart from the calc types so the file format changes
//! only on purpose. Percentages are stored as fractions (0.4 = 40 %), exactly as computed.

use serde::{Deserialize, Serialize};

/// The `format` field of every file Tragt writes.
pub const FORMAT: &str = "tragt";
/// The schema version this build writes.
pub const CURRENT_VERSION: u64 = 4;

/// The whole saved workspace.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Store {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`CURRENT_VERSION`] when written.
    pub version: u64,
    /// Id of the open scenario.
    pub current: String,
    /// The scenarios in list order.
    pub scenarios: Vec<StoredScenario>,
}

/// One scenario.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredScenario {
    pub id: String,
    pub name: String,
    pub template: String,
    pub stages: Vec<StoredStage>,
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
    /// Version 2: the goal, if set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<StoredGoal>,
    /// Version 3: referrals per customer, k.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referrals: Option<f64>,
    /// Version 3: Monte Carlo trials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trials: Option<u32>,
    /// Version 3: Monte Carlo seed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u32>,
    /// Version 4: `funnel` or `journey`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Version 4: share of a journey's lost people brought back (a fraction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<f64>,
    /// Version 4: id of the stage they are brought back to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recover_to: Option<u32>,
}

/// Version 4: where a journey state's people go next, as fractions; `to` holds
/// `[stage id, share]` pairs.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredMoves {
    pub to: Vec<(u32, f64)>,
    pub buy: f64,
    pub lost: f64,
    pub entry: f64,
}

/// A goal: `customers` or `revenue` per period, and the amount.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredGoal {
    pub kind: String,
    pub value: f64,
}

/// One stage: either a template stage (`template_stage`) or a custom `name`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StoredStage {
    pub id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_stage: Option<usize>,
    pub rate: f64,
    /// Version 3, each optional: people in the stage now, days spent here, benchmark rate,
    /// low and high end of the rate's range (rates as fractions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub now: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// Version 3: `true` when the Monte Carlo draws this rate from the stage's counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<bool>,
    /// Version 4: the stage's journey moves, once the scenario has been a journey.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moves: Option<StoredMoves>,
}

impl Store {
    /// The file as JSON text, with the fields in declaration order, as serde_json would
    /// write it (numbers in JavaScript's notation: `20000` where serde writes `20000.0`).
    /// Written by hand so the browser build carries no serializer.
    pub fn to_json(&self) -> String {
        use super::json::{number, string};
        /// `,"name":`
        fn key(o: &mut String, name: &str) {
            o.push_str(",\"");
            o.push_str(name);
            o.push_str("\":");
        }
        let mut o = String::with_capacity(256 + 512 * self.scenarios.len());
        o.push_str("{\"format\":");
        string(&mut o, &self.format);
        key(&mut o, "version");
        o.push_str(&self.version.to_string());
        key(&mut o, "current");
        string(&mut o, &self.current);
        key(&mut o, "scenarios");
        for (i, s) in self.scenarios.iter().enumerate() {
            o.push(if i == 0 { '[' } else { ',' });
            o.push_str("{\"id\":");
            string(&mut o, &s.id);
            for (name, text) in [("name", &s.name), ("template", &s.template)] {
                key(&mut o, name);
                string(&mut o, text);
            }
            key(&mut o, "stages");
            for (k, st) in s.stages.iter().enumerate() {
                o.push(if k == 0 { '[' } else { ',' });
                o.push_str("{\"id\":");
                o.push_str(&st.id.to_string());
                if let Some(name) = &st.name {
                    key(&mut o, "name");
                    string(&mut o, name);
                }
                if let Some(n) = st.template_stage {
                    key(&mut o, "template_stage");
                    o.push_str(&n.to_string());
                }
                key(&mut o, "rate");
                number(&mut o, st.rate);
                for (name, x) in [
                    ("now", st.now),
                    ("days", st.days),
                    ("benchmark", st.benchmark),
                    ("low", st.low),
                    ("high", st.high),
                ] {
                    if let Some(x) = x {
                        key(&mut o, name);
                        number(&mut o, x);
                    }
                }
                if let Some(on) = st.counts {
                    key(&mut o, "counts");
                    o.push_str(if on { "true" } else { "false" });
                }
                if let Some(m) = &st.moves {
                    key(&mut o, "moves");
                    o.push_str("{\"to\":[");
                    for (k, (id, p)) in m.to.iter().enumerate() {
                        o.push_str(if k == 0 { "[" } else { ",[" });
                        o.push_str(&id.to_string());
                        o.push(',');
                        number(&mut o, *p);
                        o.push(']');
                    }
                    o.push(']');
                    for (name, x) in [("buy", m.buy), ("lost", m.lost), ("entry", m.entry)] {
                        key(&mut o, name);
                        number(&mut o, x);
                    }
                    o.push('}');
                }
                o.push('}');
            }
            if s.stages.is_empty() {
                o.push('[');
            }
            o.push(']');
            key(&mut o, "top");
            number(&mut o, s.top);
            for (name, id) in [("lead", s.lead), ("purchase", s.purchase)] {
                key(&mut o, name);
                o.push_str(&id.to_string());
            }
            for (name, x) in [("spend", s.spend), ("aov", s.aov), ("frequency", s.frequency), ("margin", s.margin)] {
                key(&mut o, name);
                number(&mut o, x);
            }
            key(&mut o, "ltv_method");
            string(&mut o, &s.ltv_method);
            for (name, x) in [("lifespan", s.lifespan), ("retention", s.retention), ("discount", s.discount)] {
                key(&mut o, name);
                number(&mut o, x);
            }
            for (name, text) in [("currency", &s.currency), ("period", &s.period)] {
                key(&mut o, name);
                string(&mut o, text);
            }
            if let Some(goal) = &s.goal {
                key(&mut o, "goal");
                o.push_str("{\"kind\":");
                string(&mut o, &goal.kind);
                key(&mut o, "value");
                number(&mut o, goal.value);
                o.push('}');
            }
            let whole = |x: Option<u32>| x.map(f64::from);
            for (name, x) in [("referrals", s.referrals), ("trials", whole(s.trials)), ("seed", whole(s.seed))] {
                if let Some(x) = x {
                    key(&mut o, name);
                    number(&mut o, x);
                }
            }
            if let Some(mode) = &s.mode {
                key(&mut o, "mode");
                string(&mut o, mode);
            }
            for (name, x) in [("recovery", s.recovery), ("recover_to", whole(s.recover_to))] {
                if let Some(x) = x {
                    key(&mut o, name);
                    number(&mut o, x);
                }
            }
            o.push('}');
        }
        if self.scenarios.is_empty() {
            o.push('[');
        }
        o.push_str("]}");
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        let scenario = |id: &str, stages: Vec<StoredStage>| StoredScenario {
            id: id.into(),
            name: format!("“{id}” \"quoted\" \\ tab\t"),
            template: "webshop".into(),
            stages,
            top: 40_000.0,
            lead: 1,
            purchase: 2,
            spend: 80_000.5,
            aov: 450.0,
            frequency: 2.5,
            margin: 0.4,
            ltv_method: "simple".into(),
            lifespan: 2.0,
            retention: 0.6,
            discount: 0.1,
            currency: "DKK".into(),
            period: "month".into(),
            goal: (id == "b").then(|| StoredGoal { kind: "revenue".into(), value: 90_000.5 }),
            referrals: (id == "b").then_some(0.25),
            trials: Some(20_000),
            seed: (id == "a").then_some(4_294_967_295),
            mode: (id == "a").then(|| "journey".into()),
            recovery: (id == "a").then_some(0.25),
            recover_to: (id == "a").then_some(2),
        };
        let stage = |id: u32, name: Option<&str>, template_stage: Option<usize>, rate: f64| StoredStage {
            id,
            name: name.map(str::to_string),
            template_stage,
            rate,
            now: None,
            days: None,
            benchmark: None,
            low: None,
            high: None,
            counts: None,
            moves: None,
        };
        Store {
            format: FORMAT.into(),
            version: CURRENT_VERSION,
            current: "b".into(),
            scenarios: vec![
                scenario(
                    "a",
                    vec![
                        StoredStage {
                            now: Some(120.5),
                            days: Some(3.0),
                            moves: Some(StoredMoves {
                                to: vec![(2, 0.35), (7, 0.0)],
                                buy: 0.0,
                                lost: 0.65,
                                entry: 1.0,
                            }),
                            ..stage(1, None, Some(0), 1.0)
                        },
                        StoredStage {
                            benchmark: Some(0.09),
                            low: Some(0.05),
                            high: Some(0.1),
                            counts: Some(true),
                            moves: Some(StoredMoves { to: vec![], buy: 0.5, lost: 0.5, entry: 0.0 }),
                            ..stage(2, Some("Custom\u{1}"), None, 0.07)
                        },
                    ],
                ),
                scenario("b", vec![stage(7, Some(""), Some(3), 1e-9)]),
            ],
        }
    }

    /// Every number as a float: `450` and serde's `450.0` are the same number.
    fn floats(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::Number(n) => Value::from(n.as_f64().unwrap()),
            Value::Array(a) => Value::Array(a.into_iter().map(floats).collect()),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, floats(v))).collect()),
            other => other,
        }
    }

    #[test]
    fn to_json_writes_what_serde_json_writes() {
        let ours: serde_json::Value = serde_json::from_str(&store().to_json()).unwrap();
        assert_eq!(floats(ours), floats(serde_json::to_value(store()).unwrap()));
        // the keys in the same order, too
        let keys = |json: &str| {
            json.split('"')
                .skip(1)
                .step_by(2)
                .filter(|k| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&store().to_json()), keys(&serde_json::to_string(&store()).unwrap()));
        let back: Store = serde_json::from_str(&store().to_json()).unwrap();
        assert_eq!(back, store());
    }

    #[test]
    fn empty_lists_are_written_as_empty_arrays() {
        let empty = Store { scenarios: vec![], ..store() };
        assert!(empty.to_json().ends_with(r#""scenarios":[]}"#), "{}", empty.to_json());
        let mut no_stages = store();
        no_stages.scenarios[0].stages.clear();
        let back: Store = serde_json::from_str(&no_stages.to_json()).unwrap();
        assert_eq!(back, no_stages);
    }

    #[test]
    fn optional_stage_fields_are_left_out_when_absent() {
        let json = store().to_json();
        // stage 1 has no name, stage 2 no template stage: each key appears once per stage that has it
        assert_eq!(json.matches("\"template_stage\":").count(), 2);
        assert_eq!(json.matches("\"name\":").count(), 2 + 2);
    }
}
