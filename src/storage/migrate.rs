//! The one path every saved or imported file takes into the app: parse into the file's
//! DTOs ([`super::schema`]), check the format and version, then read every field over the
//! template's defaults, validating each. A field that is missing, of the wrong type or out
//! of range is replaced by its default and counted, so a damaged file still opens with
//! everything that was readable. Versions 2 to 5 only added optional fields, so one reader
//! serves every version.
//!
//! Pure: text in, a [`Workspace`] (or the reason there is none) out.

use serde::Deserialize;

use super::schema::{
    Slot, Store, StoredGoal, StoredMoves, StoredScenario, StoredSource, StoredStage, CURRENT_VERSION, FORMAT,
};
use crate::calc::goal::Target;
use crate::calc::limits::{
    MAX_COUNT, MAX_DAYS, MAX_MONEY, MAX_PER_YEAR, MAX_REFERRALS, MAX_SEED, MAX_TRIALS, MAX_YEARS, MIN_TRIALS,
};
use crate::calc::scenario::MAX_SOURCES;
use crate::calc::traffic::{SourceKind, SourceType, TrafficSource};
use crate::calc::{
    Currency, LtvMethod, Mode, Moves, Period, Rate, Scenario, StageDoc, StageLabel, TemplateId, Workspace, MAX_STAGES,
    MIN_STAGES,
};

pub use crate::calc::limits::MAX_NAME_CHARS;

/// A workspace read from a file, and how many fields had to be replaced by defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub workspace: Workspace,
    pub repaired: usize,
}

/// Why a file could not be read at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON (truncated, corrupt, or something else entirely).
    NotJson,
    /// JSON, but not a Tragt file.
    NotOurs,
    /// Written by a newer Tragt than this one.
    FutureVersion(u64),
    /// A Tragt file without a single usable scenario.
    NoScenarios,
}

/// Reads a saved file of any known version.
///
/// # Examples
/// ```
/// use tragt::storage::{migrate, serialize, LoadError};
/// assert_eq!(migrate("{oops").unwrap_err(), LoadError::NotJson);
/// assert_eq!(migrate(r#"{"format":"tragt","version":99}"#).unwrap_err(), LoadError::FutureVersion(99));
/// ```
pub fn migrate(raw: &str) -> Result<Loaded, LoadError> {
    let value: serde_json::Value = serde_json::from_str(raw).map_err(|_| LoadError::NotJson)?;
    // only a JSON object is a Tragt file (serde would also read a struct from an array)
    if !value.is_object() {
        return Err(LoadError::NotOurs);
    }
    let store = Store::deserialize(value).map_err(|_| LoadError::NotOurs)?;
    if store.format.valid().map(String::as_str) != Some(FORMAT) {
        return Err(LoadError::NotOurs);
    }
    match store.version {
        Slot::Valid(1..=CURRENT_VERSION) => read(store),
        Slot::Valid(v) if v > CURRENT_VERSION => Err(LoadError::FutureVersion(v)),
        _ => Err(LoadError::NotOurs),
    }
}

/// A workspace as the current version's DTO.
pub fn to_store(workspace: &Workspace) -> Store {
    Store {
        format: FORMAT.to_string().into(),
        version: CURRENT_VERSION.into(),
        current: workspace.current().id.clone().into(),
        scenarios: workspace.scenarios().iter().map(|s| to_stored(s).into()).collect::<Vec<_>>().into(),
    }
}

/// Writes a workspace in the current version: the DTOs through serde_json, fields in
/// declaration order.
pub fn serialize(workspace: &Workspace) -> String {
    serde_json::to_string(&to_store(workspace)).expect("the file format has only string keys")
}

fn to_stored(s: &Scenario) -> StoredScenario {
    let e = &s.economics;
    StoredScenario {
        id: s.id.clone().into(),
        name: s.name.clone().into(),
        template: s.template.id().to_string().into(),
        stages: s
            .stages
            .iter()
            .map(|st| {
                // a renamed template stage has both: the typed name and where it came from
                let name = st.label.typed_name().map_or(Slot::Absent, |n| Slot::Valid(n.to_string()));
                let template_stage = Slot::from_option(st.label.template_stage());
                Slot::Valid(StoredStage {
                    id: st.id.into(),
                    name,
                    template_stage,
                    rate: st.rate.get().into(),
                    now: Slot::from_option(st.now),
                    days: Slot::from_option(st.days),
                    benchmark: Slot::from_option(st.benchmark.map(Rate::get)),
                    low: Slot::from_option(st.low.map(Rate::get)),
                    high: Slot::from_option(st.high.map(Rate::get)),
                    counts: Slot::from_option(st.from_counts.then_some(true)),
                    moves: Slot::from_option(st.moves.as_ref().map(|m| StoredMoves {
                        to: m.to.iter().map(|&pair| Slot::Valid(pair)).collect::<Vec<_>>().into(),
                        buy: m.buy.into(),
                        lost: m.lost.into(),
                        entry: m.entry.into(),
                    })),
                    fixed_cost: Slot::from_option(st.fixed_cost),
                    entrant_cost: Slot::from_option(st.entrant_cost),
                })
            })
            .collect::<Vec<_>>()
            .into(),
        top: s.top.into(),
        lead: s.lead.into(),
        purchase: s.purchase.into(),
        spend: e.spend.into(),
        aov: e.aov.into(),
        frequency: e.frequency.into(),
        margin: e.margin.into(),
        ltv_method: e.method.id().to_string().into(),
        lifespan: e.lifespan.into(),
        retention: e.retention.into(),
        discount: e.discount.into(),
        currency: s.currency.code().to_string().into(),
        period: s.period.id().to_string().into(),
        goal: Slot::from_option(s.goal.map(|g| {
            StoredGoal {
                kind: match g {
                    Target::Customers(_) => "customers",
                    Target::Revenue(_) => "revenue",
                }
                .to_string()
                .into(),
                value: g.amount().into(),
            }
        })),
        referrals: s.referrals.into(),
        trials: s.trials.into(),
        seed: s.seed.into(),
        mode: s.mode.id().to_string().into(),
        recovery: s.recovery.into(),
        recover_to: s.recover_to.into(),
        sources: if s.sources.is_empty() {
            Slot::Absent
        } else {
            s.sources.iter().map(|src| Slot::Valid(to_stored_source(src))).collect::<Vec<_>>().into()
        },
    }
}

/// A source with the numbers of its kind only.
fn to_stored_source(s: &TrafficSource) -> StoredSource {
    let mut out = StoredSource {
        name: s.name.clone().into(),
        kind: s.kind.source_type().id().to_string().into(),
        budget: Slot::Absent,
        cpc: Slot::Absent,
        cpm: Slot::Absent,
        ctr: Slot::Absent,
        visitors: Slot::Absent,
        cost: Slot::Absent,
        rate: Slot::from_option(s.rate.map(Rate::get)),
    };
    match s.kind {
        SourceKind::Cpc { budget, cpc } => {
            out.budget = budget.into();
            out.cpc = cpc.into();
        }
        SourceKind::Cpm { budget, cpm, ctr } => {
            out.budget = budget.into();
            out.cpm = cpm.into();
            out.ctr = ctr.get().into();
        }
        SourceKind::Free { visitors, cost } => {
            out.visitors = visitors.into();
            out.cost = cost.into();
        }
    }
    out
}

/// Reads fields leniently, counting each one replaced by its default.
struct Reader {
    repaired: usize,
}

/// A finite number in `0..=max`, with `-0` made `0`.
fn in_range(x: &Slot<f64>, max: f64) -> Option<f64> {
    x.valid().filter(|x| x.is_finite() && (0.0..=max).contains(*x)).map(|x| x + 0.0)
}

impl Reader {
    /// Counts a field replaced by its default.
    fn repair<T>(&mut self, default: T) -> T {
        self.repaired += 1;
        default
    }

    /// A number every file has: its default when missing, damaged or out of range.
    fn number(&mut self, x: &Slot<f64>, max: f64, default: f64) -> f64 {
        in_range(x, max).unwrap_or_else(|| self.repair(default))
    }

    /// An optional number: `None` when absent; dropped and counted when damaged or out of
    /// range.
    fn optional(&mut self, x: &Slot<f64>, max: f64) -> Option<f64> {
        match x {
            Slot::Absent => None,
            x => in_range(x, max).or_else(|| self.repair(None)),
        }
    }

    /// An optional flag: `false` when absent; a value that is not a boolean is counted.
    fn flag(&mut self, x: &Slot<bool>) -> bool {
        match x {
            Slot::Absent => false,
            Slot::Valid(on) => *on,
            Slot::Damaged => self.repair(false),
        }
    }

    /// An optional whole number in `min..=max`.
    fn whole(&mut self, x: &Slot<u32>, min: f64, max: f64) -> Option<u32> {
        match x {
            Slot::Absent => None,
            x => x.valid().copied().filter(|&n| (min..=max).contains(&f64::from(n))).or_else(|| self.repair(None)),
        }
    }

    /// An optional rate (a fraction).
    fn optional_rate(&mut self, x: &Slot<f64>) -> Option<Rate> {
        self.optional(x, 1.0).and_then(|x| Rate::new(x).ok())
    }

    /// A text every file has, cut to [`MAX_NAME_CHARS`].
    fn text(&mut self, x: &Slot<String>) -> Option<String> {
        match x.valid() {
            Some(s) => Some(s.chars().take(MAX_NAME_CHARS).collect()),
            None => self.repair(None),
        }
    }

    fn choice<T>(&mut self, x: &Slot<String>, parse: impl Fn(&str) -> Option<T>, default: T) -> T {
        x.valid().and_then(|x| parse(x)).unwrap_or_else(|| self.repair(default))
    }

    fn stage(&mut self, v: &Slot<StoredStage>, template: TemplateId, fallback_id: u32) -> Option<StageDoc> {
        let Some(v) = v.valid() else { return self.repair(None) };
        let id = v.id.valid().copied().filter(|&id| id >= 1).unwrap_or_else(|| self.repair(fallback_id));
        let template_len = template.template().stages.len();
        let typed = |name: &String| name.chars().take(MAX_NAME_CHARS).collect::<String>();
        let label = match (v.template_stage.valid().filter(|n| **n < template_len), v.name.valid()) {
            (Some(&from), Some(name)) => StageLabel::Renamed { name: typed(name), from },
            (Some(&n), None) => StageLabel::Template(n),
            (None, Some(name)) => StageLabel::Custom(typed(name)),
            _ => self.repair(StageLabel::Custom(String::new())),
        };
        let rate = Rate::new(self.number(&v.rate, 1.0, 0.5)).unwrap_or_default();
        Some(StageDoc {
            now: self.optional(&v.now, MAX_COUNT),
            days: self.optional(&v.days, MAX_DAYS),
            benchmark: self.optional_rate(&v.benchmark),
            low: self.optional_rate(&v.low),
            high: self.optional_rate(&v.high),
            from_counts: self.flag(&v.counts),
            moves: self.moves(&v.moves),
            fixed_cost: self.optional(&v.fixed_cost, MAX_MONEY),
            entrant_cost: self.optional(&v.entrant_cost, MAX_MONEY),
            ..StageDoc::new(id, label, rate)
        })
    }

    /// A stage's journey moves, if the file has them: each share must be a fraction, each
    /// `to` pair `[stage id, share]`; a damaged part is dropped (a share to 0) and counted.
    /// Whether the targets exist is checked once all stages are read.
    fn moves(&mut self, m: &Slot<StoredMoves>) -> Option<Moves> {
        let m = match m {
            Slot::Absent => return None,
            Slot::Damaged => return self.repair(None),
            Slot::Valid(m) => m,
        };
        let mut to: Vec<(u32, f64)> = Vec::new();
        for pair in m.to.valid().map(Vec::as_slice).unwrap_or_default() {
            match pair.valid() {
                Some(&(id, p)) if id >= 1 && (0.0..=1.0).contains(&p) && !to.iter().any(|(t, _)| *t == id) => {
                    if p > 0.0 {
                        to.push((id, p + 0.0));
                    }
                }
                _ => self.repaired += 1,
            }
        }
        Some(Moves {
            to,
            buy: self.number(&m.buy, 1.0, 0.0),
            lost: self.number(&m.lost, 1.0, 0.0),
            entry: self.number(&m.entry, 1.0, 0.0),
        })
    }

    fn scenario(&mut self, v: &Slot<StoredScenario>, index: usize) -> Option<Scenario> {
        let Some(v) = v.valid() else { return self.repair(None) };
        let template = self.choice(&v.template, TemplateId::from_id, TemplateId::Blank);
        let currency = self.choice(&v.currency, Currency::from_code, Currency::Dkk);
        let id = self.text(&v.id).filter(|s| !s.is_empty()).unwrap_or_else(|| format!("restored-{}", index + 1));
        let name = self
            .text(&v.name)
            .unwrap_or_else(|| format!("{} {}", crate::i18n::Lang::En.template(template).name, index + 1));
        let defaults = Scenario::from_template(id, name, template, currency);

        let mut stages: Vec<StageDoc> = Vec::new();
        for (k, raw) in v.stages.valid().map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
            if stages.len() == MAX_STAGES {
                self.repaired += 1;
                break;
            }
            if let Some(mut stage) = self.stage(raw, template, k as u32 + 1) {
                if stages.iter().any(|s| s.id == stage.id) {
                    self.repaired += 1;
                    stage.id = crate::calc::scenario::next_stage_id(&stages);
                }
                stages.push(stage);
            }
        }
        if stages.len() < MIN_STAGES {
            return self.repair(None);
        }
        let mark = |r: &mut Reader, x: &Slot<u32>, fallback: u32| match x.valid() {
            Some(id) if stages.iter().any(|s| s.id == *id) => *id,
            _ => r.repair(fallback),
        };
        let lead = mark(self, &v.lead, stages[0].id);
        let purchase = mark(self, &v.purchase, stages[stages.len() - 1].id);
        let recover_to = match v.recover_to {
            Slot::Absent => stages[0].id,
            ref x => mark(self, x, stages[0].id),
        };
        // a file without a mode is older than journeys: a straight funnel
        let mode = match v.mode {
            Slot::Absent => Mode::Funnel,
            ref x => self.choice(x, Mode::from_id, Mode::Funnel),
        };
        let ids: Vec<u32> = stages.iter().map(|s| s.id).collect();
        let journey = mode == Mode::Journey || stages.iter().any(|s| s.moves.is_some());
        for stage in &mut stages {
            let own = stage.id;
            match &mut stage.moves {
                Some(m) => {
                    let before = m.to.len();
                    m.to.retain(|(to, _)| *to != own && ids.contains(to));
                    self.repaired += before - m.to.len();
                }
                // every stage of a journey has its moves
                None if journey => {
                    self.repaired += 1;
                    stage.moves = Some(Moves::lost());
                }
                None => {}
            }
        }
        let d = defaults.economics;
        let economics = crate::calc::Economics {
            spend: self.number(&v.spend, MAX_MONEY, d.spend),
            aov: self.number(&v.aov, MAX_MONEY, d.aov),
            frequency: self.number(&v.frequency, MAX_PER_YEAR, d.frequency),
            margin: self.number(&v.margin, 1.0, d.margin),
            method: self.choice(&v.ltv_method, LtvMethod::from_id, d.method),
            lifespan: self.number(&v.lifespan, MAX_YEARS, d.lifespan),
            retention: self.number(&v.retention, 0.99, d.retention),
            discount: self.number(&v.discount, 1.0, d.discount),
        };
        Some(Scenario {
            top: self.number(&v.top, MAX_COUNT, defaults.top),
            sources: self.sources(&v.sources),
            stages,
            lead,
            purchase,
            economics,
            period: self.choice(&v.period, Period::from_id, Period::Month),
            goal: self.goal(&v.goal),
            referrals: self.optional(&v.referrals, MAX_REFERRALS).unwrap_or(defaults.referrals),
            trials: self.whole(&v.trials, MIN_TRIALS, MAX_TRIALS).unwrap_or(defaults.trials),
            seed: self.whole(&v.seed, 0.0, MAX_SEED).unwrap_or(defaults.seed),
            mode,
            recovery: self.optional(&v.recovery, 1.0).unwrap_or(0.0),
            recover_to,
            ..defaults
        })
    }

    /// The traffic sources, if the file has any. A source that is not readable as a whole
    /// (not an object, an unknown kind, a number of its kind missing or refused as typing it
    /// would be: a price below the smallest coin, a negative or huge budget, a click-through
    /// over 100 %, …) is dropped and counted; a damaged own rate is dropped and counted, the
    /// source kept. Sources past [`MAX_SOURCES`] are dropped and counted.
    fn sources(&mut self, sources: &Slot<Vec<Slot<StoredSource>>>) -> Vec<TrafficSource> {
        let raw = match sources {
            Slot::Absent => return Vec::new(),
            Slot::Damaged => return self.repair(Vec::new()),
            Slot::Valid(raw) => raw,
        };
        let mut out = Vec::new();
        for source in raw {
            if out.len() == MAX_SOURCES {
                self.repaired += 1;
                break;
            }
            match source.valid().and_then(|s| self.source(s)) {
                Some(s) => out.push(s),
                None => self.repaired += 1,
            }
        }
        out
    }

    /// One source, or `None` when it cannot be read as a whole.
    fn source(&mut self, v: &StoredSource) -> Option<TrafficSource> {
        let number = |x: &Slot<f64>| x.valid().copied();
        let kind = match SourceType::from_id(v.kind.valid()?)? {
            SourceType::Cpc => SourceKind::cpc(number(&v.budget)?, number(&v.cpc)?).ok()?,
            SourceType::Cpm => {
                let ctr = Rate::new(in_range(&v.ctr, 1.0)?).ok()?;
                SourceKind::Cpm { budget: number(&v.budget)?, cpm: number(&v.cpm)?, ctr }.checked().ok()?
            }
            SourceType::Free => SourceKind::free(number(&v.visitors)?, number(&v.cost)?).ok()?,
        };
        let name = v.name.valid().cloned().unwrap_or_else(|| self.repair(String::new()));
        let mut source = TrafficSource::new(&name, kind, None).ok()?;
        source.rate = self.optional_rate(&v.rate);
        Some(source)
    }

    /// The goal, if the file has one; a damaged one is dropped and counted.
    fn goal(&mut self, goal: &Slot<StoredGoal>) -> Option<Target> {
        if goal.is_absent() {
            return None;
        }
        let target = goal.valid().and_then(|goal| {
            // 0 is a goal the page takes (it asks for a target above 0), so it reads back as one
            let value = goal.value.valid().copied().filter(|x| x.is_finite() && *x >= 0.0 && *x <= MAX_MONEY)?;
            match goal.kind.valid()?.as_str() {
                "customers" if value <= MAX_COUNT => Some(Target::Customers(value)),
                "revenue" => Some(Target::Revenue(value)),
                _ => None,
            }
        });
        target.or_else(|| self.repair(None))
    }
}

fn read(store: Store) -> Result<Loaded, LoadError> {
    let mut r = Reader { repaired: 0 };
    let mut scenarios: Vec<Scenario> = Vec::new();
    for (i, raw) in store.scenarios.valid().map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
        if let Some(mut s) = r.scenario(raw, i) {
            let taken = |id: &str| scenarios.iter().any(|other| other.id == id);
            if taken(&s.id) {
                r.repaired += 1;
                s.id = (i + 1..).map(|k| suffixed(&s.id, k)).find(|id| !taken(id)).unwrap_or_default();
            }
            scenarios.push(s);
        }
    }
    let current = store.current.valid().cloned().unwrap_or_default();
    let workspace = Workspace::from_parts(scenarios, &current).ok_or(LoadError::NoScenarios)?;
    Ok(Loaded { workspace, repaired: r.repaired })
}

/// `id-k`, with `id` cut so that the whole fits in [`MAX_NAME_CHARS`] and reads back as it is.
fn suffixed(id: &str, k: usize) -> String {
    let suffix = format!("-{k}");
    let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
    format!("{}{suffix}", id.chars().take(room).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_decimals_read_back_bit_for_bit() {
        // 0.9007199254740993 is the shortest text of its double; a parser that is one bit
        // off reads 0.9007199254740992, which writes back as other text
        let x: f64 = "0.9007199254740993".parse().unwrap();
        let mut w = sample();
        w.current_mut().economics.margin = x;
        let text = serialize(&w);
        assert!(text.contains("0.9007199254740993"));
        let again = migrate(&text).unwrap().workspace;
        assert_eq!(again.current().economics.margin.to_bits(), x.to_bits());
        assert_eq!(serialize(&again), text);
    }

    fn sample() -> Workspace {
        let mut w =
            Workspace::new(Scenario::from_template("a".into(), "Shop".into(), TemplateId::Webshop, Currency::Dkk));
        let mut b = Scenario::from_template("b".into(), "B2B".into(), TemplateId::B2b, Currency::Eur);
        b.rename_stage(b.stages[2].id, "Qualified <b>leads</b>");
        b.add_stage("Renewal").unwrap();
        b.economics.method = LtvMethod::Retention;
        b.period = Period::Quarter;
        w.add(b);
        w
    }

    #[test]
    fn a_written_file_reads_back_unchanged() {
        let w = sample();
        let loaded = migrate(&serialize(&w)).unwrap();
        assert_eq!(loaded.repaired, 0);
        assert_eq!(loaded.workspace, w);
        // a renamed template stage keeps where it came from
        let renamed = &loaded.workspace.scenarios()[1].stages[2].label;
        assert_eq!(*renamed, StageLabel::Renamed { name: "Qualified <b>leads</b>".into(), from: 2 });
    }

    #[test]
    fn damaged_fields_fall_back_to_defaults_and_are_counted() {
        let text = serialize(&sample()).replacen("\"spend\":", "\"spend\":-5,\"x\":", 1).replacen(
            "\"currency\":\"DKK\"",
            "\"currency\":\"XYZ\"",
            1,
        );
        let loaded = migrate(&text).unwrap();
        assert_eq!(loaded.repaired, 2);
        assert_eq!(loaded.workspace.scenarios()[0].economics.spend, TemplateId::Webshop.template().economics.spend);
        assert_eq!(loaded.workspace.scenarios()[0].currency, Currency::Dkk);
    }

    #[test]
    fn unreadable_files_say_why() {
        assert_eq!(migrate("").unwrap_err(), LoadError::NotJson);
        assert_eq!(migrate("[1,2]").unwrap_err(), LoadError::NotOurs);
        assert_eq!(migrate(r#"{"format":"other","version":1}"#).unwrap_err(), LoadError::NotOurs);
        assert_eq!(migrate(r#"{"format":"tragt","version":0}"#).unwrap_err(), LoadError::NotOurs);
        assert_eq!(migrate(r#"{"format":"tragt","version":6}"#).unwrap_err(), LoadError::FutureVersion(6));
        assert_eq!(migrate(r#"{"format":"tragt","version":1,"scenarios":[]}"#).unwrap_err(), LoadError::NoScenarios);
        let one_stage = r#"{"format":"tragt","version":1,"scenarios":[{"stages":[{"id":1,"rate":0.5}]}]}"#;
        assert_eq!(migrate(one_stage).unwrap_err(), LoadError::NoScenarios);
    }

    #[test]
    fn a_goal_round_trips_and_a_damaged_one_is_dropped_and_counted() {
        let mut w = sample();
        w.replace_current(Scenario { goal: Some(Target::Revenue(90_000.0)), ..w.current().clone() });
        let text = serialize(&w);
        assert!(text.starts_with(r#"{"format":"tragt","version":5,"#), "{text}");
        assert!(text.contains(r#""goal":{"kind":"revenue","value":90000.0}"#), "{text}");
        let loaded = migrate(&text).unwrap();
        assert_eq!(loaded.repaired, 0);
        assert_eq!(loaded.workspace, w);
        for bad in [
            r#"{"kind":"revenue","value":-1}"#,
            r#"{"kind":"profit","value":5}"#,
            r#"{"kind":"customers","value":1e300}"#,
            "7",
        ] {
            let damaged = text.replace(r#"{"kind":"revenue","value":90000.0}"#, bad);
            let loaded = migrate(&damaged).unwrap();
            assert_eq!(loaded.repaired, 1, "{bad}");
            assert_eq!(loaded.workspace.current().goal, None, "{bad}");
        }
        // a target of 0, which the page accepts and asks to raise, reads back as it was
        let zero = text.replace(r#"{"kind":"revenue","value":90000.0}"#, r#"{"kind":"customers","value":0.0}"#);
        let loaded = migrate(&zero).unwrap();
        assert_eq!((loaded.repaired, loaded.workspace.current().goal), (0, Some(Target::Customers(0.0))));
        // a version 1 file has no goal and needs no repair
        let v1 = serialize(&sample()).replacen(r#""version":5"#, r#""version":1"#, 1);
        assert_eq!(migrate(&v1).unwrap(), Loaded { workspace: sample(), repaired: 0 });
    }

    #[test]
    fn a_journey_round_trips_and_damaged_moves_are_dropped_and_counted() {
        let mut w =
            Workspace::new(Scenario::from_template("j".into(), "Hex".into(), TemplateId::Hexagon, Currency::Dkk));
        let mut s = w.current().clone();
        s.set_recovery_percent(20.0).unwrap();
        s.set_recover_to(3);
        w.replace_current(s);
        let text = serialize(&w);
        // state 1 of the hexagon: 10 % on to Trigger (id 2), 90 % lost, 95 % of newcomers
        assert!(text.contains(r#""moves":{"to":[[2,0.1]],"buy":0.0,"lost":0.9,"entry":0.95}"#), "{text}");
        assert!(text.contains(r#""mode":"journey","recovery":0.2,"recover_to":3}"#), "{text}");
        assert_eq!(migrate(&text).unwrap(), Loaded { workspace: w.clone(), repaired: 0 });
        for (good, bad, repaired) in [
            (r#""to":[[2,0.1]]"#, r#""to":[[2,1.25]]"#, 1),
            (r#""to":[[2,0.1]]"#, r#""to":[[99,0.25]]"#, 1),
            (r#""to":[[2,0.1]]"#, r#""to":[[1,0.25]]"#, 1),
            (r#""to":[[2,0.1]]"#, r#""to":[[2,0.25,7],"x"]"#, 2),
            (r#""lost":0.9"#, r#""lost":-1"#, 1),
            (r#""mode":"journey""#, r#""mode":"spiral""#, 1),
            (r#""recover_to":3"#, r#""recover_to":42"#, 1),
            (r#""recovery":0.2"#, r#""recovery":2"#, 1),
        ] {
            let damaged = text.replacen(good, bad, 1);
            let loaded = migrate(&damaged).unwrap();
            assert_eq!(loaded.repaired, repaired, "{bad}");
        }
        // a stage of a journey without moves gets "everyone lost" and is counted
        let cut = text.replacen(r#","moves":{"to":[[2,0.1]],"buy":0.0,"lost":0.9,"entry":0.95}"#, "", 1);
        let loaded = migrate(&cut).unwrap();
        assert_eq!(loaded.repaired, 1);
        assert_eq!(loaded.workspace.current().stages[0].moves, Some(crate::calc::Moves::lost()));
        // a version 3 hexagon was a straight funnel, and stays one
        let v3 =
            serialize(&sample()).replacen(r#""version":5"#, r#""version":3"#, 1).replace(r#","mode":"funnel""#, "");
        assert!(migrate(&v3).unwrap().workspace.scenarios().iter().all(|s| s.mode == crate::calc::Mode::Funnel));
    }

    fn forecasting(mut s: Scenario) -> Scenario {
        s.referrals = 0.4;
        s.trials = 25_000;
        s.seed = 4_294_967_295;
        s.stages[0].now = Some(1_500.0);
        s.stages[0].days = Some(2.5);
        s.stages[1].benchmark = Rate::new(0.03).ok();
        s.stages[1].low = Rate::new(0.01).ok();
        s.stages[1].high = Rate::new(0.04).ok();
        s.stages[2].from_counts = true;
        s
    }

    #[test]
    fn the_forecasting_fields_round_trip_and_damaged_ones_are_dropped_and_counted() {
        let mut w = sample();
        w.replace_current(forecasting(w.current().clone()));
        let text = serialize(&w);
        assert!(text.contains(r#""now":1500.0,"days":2.5"#), "{text}");
        assert!(text.contains(r#""benchmark":0.03,"low":0.01,"high":0.04"#), "{text}");
        assert!(text.contains(r#""referrals":0.4,"trials":25000,"seed":4294967295,"#), "{text}");
        assert_eq!(migrate(&text).unwrap(), Loaded { workspace: w.clone(), repaired: 0 });
        for (good, bad) in [
            (r#""now":1500.0"#, r#""now":-3"#),
            (r#""days":2.5"#, r#""days":"soon""#),
            (r#""benchmark":0.03"#, r#""benchmark":1.5"#),
            (r#""high":0.04"#, r#""high":null"#),
            (r#""referrals":0.4"#, r#""referrals":1e9"#),
            (r#""trials":25000"#, r#""trials":12.5"#),
            (r#""trials":25000"#, r#""trials":99"#),
            (r#""seed":4294967295"#, r#""seed":4294967296"#),
            (r#""counts":true"#, r#""counts":"yes""#),
        ] {
            let loaded = migrate(&text.replacen(good, bad, 1)).unwrap();
            assert_eq!(loaded.repaired, 1, "{bad}");
            let s = loaded.workspace.current();
            // the damaged field is back at its default, nothing else changed
            let fields = |s: &Scenario| {
                (
                    s.referrals,
                    s.trials,
                    s.seed,
                    s.stages[0].now,
                    s.stages[0].days,
                    s.stages[1].benchmark,
                    s.stages[1].high,
                    s.stages[2].from_counts,
                )
            };
            let (a, b) = (fields(s), fields(w.current()));
            let differing =
                [a.0 != b.0, a.1 != b.1, a.2 != b.2, a.3 != b.3, a.4 != b.4, a.5 != b.5, a.6 != b.6, a.7 != b.7];
            assert_eq!(differing.iter().filter(|d| **d).count(), 1, "{bad}");
        }
    }

    fn with_sources(mut s: Scenario) -> Scenario {
        use crate::calc::traffic::SourceKind;
        s.add_source("Search", SourceKind::cpc(40_000.0, 5.0).unwrap()).unwrap();
        s.set_source_rate_percent(0, Some(25.0)).unwrap();
        s.add_source("Social", SourceKind::cpm(30_000.0, 60.0, 0.8).unwrap()).unwrap();
        s.add_source("Organic", SourceKind::free(3_000.0, 2_000.0).unwrap()).unwrap();
        let (b, c) = (s.stages[1].id, s.stages[2].id);
        s.set_entrant_cost(b, Some(5.0)).unwrap();
        s.set_fixed_cost(c, Some(20_000.0)).unwrap();
        s.set_entrant_cost(c, Some(0.0)).unwrap();
        s
    }

    #[test]
    fn sources_and_stage_costs_round_trip_and_are_written_only_when_present() {
        // none: not a word of them in the file
        let plain = serialize(&sample());
        for key in ["sources", "fixed_cost", "entrant_cost"] {
            assert!(!plain.contains(key), "{key}");
        }
        let mut w = sample();
        w.replace_current(with_sources(w.current().clone()));
        let text = serialize(&w);
        assert!(text.contains(
            r#""sources":[{"name":"Search","kind":"cpc","budget":40000.0,"cpc":5.0,"rate":0.25},{"name":"Social","kind":"cpm","budget":30000.0,"cpm":60.0,"ctr":0.008},{"name":"Organic","kind":"free","visitors":3000.0,"cost":2000.0}]"#
        ), "{text}");
        assert!(text.contains(r#""entrant_cost":5.0}"#), "{text}");
        assert!(text.contains(r#""fixed_cost":20000.0,"entrant_cost":0.0}"#), "{text}");
        assert_eq!(migrate(&text).unwrap(), Loaded { workspace: w.clone(), repaired: 0 });
    }

    #[test]
    fn corrupt_sources_are_dropped_and_counted_and_the_rest_is_read() {
        let mut w = sample();
        w.replace_current(with_sources(w.current().clone()));
        let text = serialize(&w);
        let search = r#"{"name":"Search","kind":"cpc","budget":40000.0,"cpc":5.0,"rate":0.25}"#;
        for (bad, dropped) in [
            (r#"{"name":"Search","kind":"bitcoin","budget":40000.0,"cpc":5.0}"#, true),
            (r#"{"name":"Search","kind":"cpc","budget":40000.0,"cpc":0}"#, true),
            (r#"{"name":"Search","kind":"cpc","budget":40000.0,"cpc":0.001}"#, true),
            (r#"{"name":"Search","kind":"cpc","budget":-5,"cpc":5.0}"#, true),
            (r#"{"name":"Search","kind":"cpc","budget":"NaN","cpc":5.0}"#, true),
            (r#"{"name":"Search","kind":"cpc","budget":1e300,"cpc":5.0}"#, true),
            (r#"{"name":"Search","kind":"cpc","budget":40000.0}"#, true),
            (r#"{"name":"Search","kind":"cpm","budget":40000.0,"cpm":5.0,"ctr":1.5}"#, true),
            (r#"{"name":"Search","kind":"free","visitors":1e13,"cost":0}"#, true),
            (r#"{"name":"Search","budget":40000.0,"cpc":5.0}"#, true),
            ("null", true),
            ("7", true),
            // a damaged own rate is dropped, the source kept
            (r#"{"name":"Search","kind":"cpc","budget":40000.0,"cpc":5.0,"rate":2}"#, false),
        ] {
            let loaded = migrate(&text.replacen(search, bad, 1)).unwrap_or_else(|e| panic!("{bad}: {e:?}"));
            assert_eq!(loaded.repaired, 1, "{bad}");
            let s = loaded.workspace.current();
            let names: Vec<&str> = s.sources.iter().map(|x| x.name.as_str()).collect();
            if dropped {
                assert_eq!(names, ["Social", "Organic"], "{bad}");
            } else {
                assert_eq!((names.len(), s.sources[0].rate), (3, None), "{bad}");
            }
            // the rest of the workspace is as it was
            assert_eq!(s.stages, w.current().stages, "{bad}");
            assert_eq!(loaded.workspace.scenarios()[0], w.scenarios()[0], "{bad}");
        }
        // sources that are not a list, and stage costs out of range
        let loaded = migrate(&text.replacen(r#""sources":["#, r#""sources":7,"x":["#, 1)).unwrap();
        assert_eq!((loaded.repaired, loaded.workspace.current().sources.len()), (1, 0));
        let loaded = migrate(&text.replacen(r#""fixed_cost":20000.0"#, r#""fixed_cost":-1"#, 1)).unwrap();
        assert_eq!((loaded.repaired, loaded.workspace.current().stages[2].fixed_cost), (1, None));
        let loaded = migrate(&text.replacen(r#""entrant_cost":5.0"#, r#""entrant_cost":2e12"#, 1)).unwrap();
        assert_eq!((loaded.repaired, loaded.workspace.current().stages[1].entrant_cost), (1, None));
    }

    #[test]
    fn a_duplicate_of_the_highest_possible_stage_id_gets_a_free_one() {
        // one above 2³² − 1 overflowed (a panic, or id 0 where overflow wraps)
        let text = r#"{"format":"tragt","version":4,"scenarios":[{"id":"a","template":"blank",
            "stages":[{"id":4294967295,"rate":1},{"id":4294967295,"rate":0.5}]}]}"#;
        let loaded = migrate(text).unwrap();
        let ids: Vec<u32> = loaded.workspace.current().stages.iter().map(|s| s.id).collect();
        assert_eq!(ids, [u32::MAX, 1]);
        let again = migrate(&serialize(&loaded.workspace)).unwrap();
        assert_eq!(again, Loaded { workspace: loaded.workspace, repaired: 0 });
    }

    #[test]
    fn duplicate_ids_are_made_unique() {
        let text = serialize(&sample()).replace("\"id\":\"b\"", "\"id\":\"a\"");
        let w = migrate(&text).unwrap().workspace;
        assert_ne!(w.scenarios()[0].id, w.scenarios()[1].id);
    }

    #[test]
    fn a_renamed_duplicate_id_is_free_and_reads_back_as_it_is() {
        let file = |ids: &[&str]| {
            let scenarios: Vec<String> = ids
                .iter()
                .map(|id| format!(r#"{{"id":"{id}","stages":[{{"id":1,"rate":1}},{{"id":2,"rate":0.5}}]}}"#))
                .collect();
            format!(r#"{{"format":"tragt","version":4,"scenarios":[{}]}}"#, scenarios.join(","))
        };
        let ids = |w: &Workspace| w.scenarios().iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        // the second "a", third in the file, would be "a-3", which the first has
        let w = migrate(&file(&["a-3", "a", "a"])).unwrap().workspace;
        assert_eq!(ids(&w), ["a-3", "a", "a-4"]);
        // an id one short of the limit: "…-2" would be cut on the next load, and differ
        let long = "x".repeat(MAX_NAME_CHARS - 1);
        let w = migrate(&file(&[&long, &long])).unwrap().workspace;
        assert_eq!(ids(&w)[1], format!("{}-2", &long[..MAX_NAME_CHARS - 2]));
        assert_eq!(migrate(&serialize(&w)).unwrap(), Loaded { workspace: w, repaired: 0 });
    }
}
