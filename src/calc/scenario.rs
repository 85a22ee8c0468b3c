//! The scenario: what a user edits and saves — named stages with their rates, the top
//! count, the lead and purchase marks, the money inputs, currency and period — and the
//! edits the UI applies to it. Stages carry stable ids so marks and list keys follow a
//! stage when it moves.

use super::economics::{Currency, Economics, Period};
use super::forecast::{forecast, forecast_with, Costs, Forecast};
use super::funnel::{Funnel, Rate, MAX_STAGES, MIN_STAGES};
use super::limits::{fraction, InputError, Quantity, MAX_COUNT};
use super::moves::{MoveTo, Moves};
use super::templates::TemplateId;
use super::traffic::{traffic, SourceKind, SourceType, StageCost, Traffic, TrafficSource};

/// Most traffic sources a scenario may have.
pub const MAX_SOURCES: usize = 20;

/// What a stage is called: a template's stage (shown in the UI language) or the user's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StageLabel {
    /// Stage `n` (0-based) of the scenario's template.
    Template(usize),
    /// A template's stage `from` (0-based) the user renamed: it keeps that stage's note,
    /// benchmark and advice.
    Renamed { name: String, from: usize },
    /// A name the user typed for a stage of their own.
    Custom(String),
}

impl StageLabel {
    /// The template's stage this is, or was before a rename.
    pub fn template_stage(&self) -> Option<usize> {
        match self {
            StageLabel::Template(n) | StageLabel::Renamed { from: n, .. } => Some(*n),
            StageLabel::Custom(_) => None,
        }
    }

    /// The name the user typed, if any.
    pub fn typed_name(&self) -> Option<&str> {
        match self {
            StageLabel::Template(_) => None,
            StageLabel::Renamed { name, .. } | StageLabel::Custom(name) => Some(name),
        }
    }
}

/// One stage of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct StageDoc {
    /// Stable within the scenario; never reused after a removal.
    pub id: u32,
    /// Its name.
    pub label: StageLabel,
    /// Rate into this stage from the one above (ignored while it is the first stage).
    pub rate: Rate,
    /// People in this stage right now, for the pipeline forecast (MODELS.md §3.5).
    pub now: Option<f64>,
    /// Average days a person spends here before moving on (§3.7).
    pub days: Option<f64>,
    /// The user's benchmark for the rate into this stage; `None` uses the template's (§3.9).
    pub benchmark: Option<Rate>,
    /// Low end of the rate's uncertainty range (§3.10).
    pub low: Option<Rate>,
    /// High end of the rate's uncertainty range (§3.10).
    pub high: Option<Rate>,
    /// Whether the Monte Carlo draws this stage's rate from its counts: Beta(E_i + 1,
    /// E_{i−1} − E_i + 1), the posterior after E_i of E_{i−1} people moved on (§3.10).
    pub from_counts: bool,
    /// Where people in this stage go next when the scenario is a journey (MODELS.md §3.8);
    /// `None` until the scenario first becomes one.
    pub moves: Option<Moves>,
    /// The stage's fixed cost per period, F_i (§3.13: the sales team that calls SQLs);
    /// `None` when not typed (no cost).
    pub fixed_cost: Option<f64>,
    /// The stage's cost per entrant, u_i (§3.13: a demo, a sample, a quote); `None` when not
    /// typed (no cost).
    pub entrant_cost: Option<f64>,
}

impl StageDoc {
    /// Its name: as typed, else its template stage's (`template_name` gives the template's
    /// name of a position), else empty.
    pub fn name(&self, template_name: impl Fn(usize) -> &'static str) -> String {
        match (self.label.typed_name(), self.label.template_stage()) {
            (Some(name), _) => name.to_string(),
            (None, Some(n)) => template_name(n).to_string(),
            _ => String::new(),
        }
    }

    /// A stage with nothing but its name and rate.
    pub fn new(id: u32, label: StageLabel, rate: Rate) -> StageDoc {
        StageDoc {
            id,
            label,
            rate,
            now: None,
            days: None,
            benchmark: None,
            low: None,
            high: None,
            from_counts: false,
            moves: None,
            fixed_cost: None,
            entrant_cost: None,
        }
    }

    /// The stage's costs (§3.13), if either is typed; the other counts as 0.
    pub fn cost(&self) -> Option<StageCost> {
        (self.fixed_cost.is_some() || self.entrant_cost.is_some())
            .then(|| StageCost { fixed: self.fixed_cost.unwrap_or(0.0), per_entrant: self.entrant_cost.unwrap_or(0.0) })
    }
}

/// The id for a stage added to `stages`: one above the highest, so that the id of a
/// removed stage is not reused; once the highest is `u32::MAX` (a file may hold any id),
/// the lowest id no stage has.
pub fn next_stage_id(stages: &[StageDoc]) -> u32 {
    let highest = stages.iter().map(|s| s.id).max().unwrap_or(0);
    highest.checked_add(1).unwrap_or_else(|| (1..=u32::MAX).find(|id| stages.iter().all(|s| s.id != *id)).unwrap_or(1))
}

/// How a scenario is modelled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// A straight funnel: everyone moves down the stages or drops out (MODELS.md §3.1).
    #[default]
    Funnel,
    /// A non-linear journey: people move between the stages as states of a Markov chain,
    /// back and forth, and enter mid-way (§3.8).
    Journey,
}

impl Mode {
    /// The id used in files and in the `mode-select` test hook.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Funnel => "funnel",
            Mode::Journey => "journey",
        }
    }

    /// The mode with this id.
    pub fn from_id(id: &str) -> Option<Mode> {
        [Mode::Funnel, Mode::Journey].into_iter().find(|m| m.id() == id)
    }
}

/// A saved funnel scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// Unique among the saved scenarios.
    pub id: String,
    /// The name the user sees in the scenario list.
    pub name: String,
    /// The template it started from (for stage names and notes).
    pub template: TemplateId,
    /// Stages, top first.
    pub stages: Vec<StageDoc>,
    /// Entrants of the first stage per period.
    pub top: f64,
    /// Id of the lead stage.
    pub lead: u32,
    /// Id of the purchase stage.
    pub purchase: u32,
    /// Money inputs.
    pub economics: Economics,
    /// Currency of the money inputs.
    pub currency: Currency,
    /// Period of counts and spend.
    pub period: Period,
    /// The goal the scenario is measured against (MODELS.md §3.6), if the user set one.
    pub goal: Option<super::goal::Target>,
    /// New top-of-funnel entrants each customer brings, k (§3.11).
    pub referrals: f64,
    /// Monte Carlo trials (§3.10).
    pub trials: u32,
    /// Monte Carlo seed, so that a scenario's ranges give the same percentiles every time.
    pub seed: u32,
    /// Straight funnel or journey.
    pub mode: Mode,
    /// Share of the people a journey loses that automated messages bring back (§1.6).
    pub recovery: f64,
    /// The stage they are brought back to (a missing one falls back to the first).
    pub recover_to: u32,
    /// Where the first stage's people come from (MODELS.md §3.12). Empty (every template's
    /// default): the first stage's count is `top`, typed. With at least one source the
    /// first stage's entrants are Σ v_s and the rate into stage 2 is the blend; `top`
    /// follows Σ v_s (up to the count limit) through the source edits, so that removing the
    /// last source gives the first stage back as a typed count of the last sum.
    pub sources: Vec<TrafficSource>,
}

/// Why an edit of the stage list was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageListError {
    /// Already 20 stages.
    TooMany,
    /// Only 2 stages left.
    TooFew,
    /// No stage with that id.
    Unknown,
}

impl Scenario {
    /// A scenario started from a template, with its default numbers.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::{Currency, Scenario, TemplateId};
    /// let s = Scenario::from_template("s1".into(), "Shop".into(), TemplateId::Blank, Currency::Eur);
    /// assert_eq!(s.stages.len(), 2);
    /// assert!(s.is_pristine());
    /// ```
    pub fn from_template(id: String, name: String, template: TemplateId, currency: Currency) -> Scenario {
        let t = template.template();
        let stages = t
            .stages
            .iter()
            .enumerate()
            .map(|(n, s)| StageDoc {
                moves: t.journey.map(|rows| rows.get(n).map(|row| row.moves()).unwrap_or_else(Moves::lost)),
                // what the forecasting views need to show figures on first open
                days: s.days,
                low: s.range.and_then(|(low, _)| Rate::from_percent(low).ok()),
                high: s.range.and_then(|(_, high)| Rate::from_percent(high).ok()),
                ..StageDoc::new(
                    n as u32 + 1,
                    StageLabel::Template(n),
                    Rate::from_percent(if n == 0 { 100.0 } else { s.rate_pct }).unwrap_or_default(),
                )
            })
            .collect();
        Scenario {
            id,
            name,
            template,
            stages,
            top: t.top,
            lead: t.lead as u32 + 1,
            purchase: t.purchase as u32 + 1,
            economics: t.economics,
            currency,
            period: Period::Month,
            goal: None,
            referrals: 0.0,
            trials: 10_000,
            seed: 1,
            mode: if t.journey.is_some() { Mode::Journey } else { Mode::Funnel },
            recovery: 0.0,
            recover_to: 1,
            sources: Vec::new(),
        }
    }

    /// True while the funnel and money are still the template's defaults, so replacing
    /// the scenario with another template loses nothing the user typed.
    pub fn is_pristine(&self) -> bool {
        let fresh = Scenario::from_template(self.id.clone(), self.name.clone(), self.template, self.currency);
        Scenario { period: self.period, ..fresh } == *self
    }

    /// The name of the stage at `index`: the user's, or the one `template_name` gives
    /// the template's stage of that position; empty for an index past the end.
    pub fn stage_name(&self, index: usize, template_name: impl Fn(usize) -> &'static str) -> String {
        self.stages.get(index).map_or_else(String::new, |st| st.name(template_name))
    }

    /// The position in its template of the stage at `index` (renamed or not); `None` for a
    /// stage of the user's own (or an index past the end).
    pub fn template_stage(&self, index: usize) -> Option<usize> {
        self.stages.get(index).and_then(|st| st.label.template_stage())
    }

    /// The position of the stage with this id.
    pub fn index_of(&self, id: u32) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The funnel this scenario describes (a missing mark falls back to the first stage
    /// for the lead and the last for the purchase). With traffic sources (§3.12) its top is
    /// E_1 = Σ v_s and its rate into stage 2 the blend E_2 / E_1 (the typed rate, c_1, when
    /// the sources bring no one); the stages keep their typed rates.
    pub fn funnel(&self) -> Funnel {
        let mut rates: Vec<Rate> = self.stages.iter().skip(1).map(|s| s.rate).collect();
        let lead = self.index_of(self.lead).unwrap_or(0);
        let purchase = self.index_of(self.purchase).unwrap_or(self.stages.len().saturating_sub(1));
        let mut top = self.top;
        if !self.sources.is_empty() {
            let t = traffic(&self.sources, self.c1(), 0.0, 0.0);
            top = t.top;
            if let (Ok(blend), Some(slot)) = (t.blend, rates.first_mut()) {
                *slot = blend;
            }
        }
        Funnel::new(top, rates, lead, purchase)
    }

    /// The typed rate into stage 2, c_1: what a source without a rate of its own reaches
    /// stage 2 at.
    pub fn c1(&self) -> Rate {
        self.stages.get(1).map_or(Rate::ONE, |s| s.rate)
    }

    /// New people per period: Σ v_s with traffic sources, else the typed first-stage count.
    pub fn newcomers(&self) -> f64 {
        if self.sources.is_empty() {
            self.top
        } else {
            traffic(&self.sources, self.c1(), 0.0, 0.0).top
        }
    }

    /// The stages' costs in stage order (a stage without any costs nothing); empty when no
    /// stage has a cost typed.
    pub fn stage_costs(&self) -> Vec<StageCost> {
        if self.stages.iter().all(|s| s.cost().is_none()) {
            return Vec::new();
        }
        self.stages.iter().map(|s| s.cost().unwrap_or_default()).collect()
    }

    /// Whether the spend is more than the typed spend: the scenario has traffic sources or
    /// stage costs (§3.12–3.13).
    pub fn has_costs(&self) -> bool {
        !self.sources.is_empty() || self.stages.iter().any(|s| s.cost().is_some())
    }

    /// The sources' figures in a straight funnel: C_s = v_s · r'_s · P_2 (with the purchase
    /// at the first stage every visitor is a customer, C_s = v_s). `None` without sources.
    pub fn funnel_traffic(&self, funnel: &Funnel) -> Option<Traffic> {
        if self.sources.is_empty() {
            return None;
        }
        let aov = self.economics.aov;
        let p = funnel.probabilities();
        let mut t = traffic(&self.sources, self.c1(), p.get(1).copied().unwrap_or(0.0), aov);
        if funnel.purchase() == 0 {
            let all = traffic_per_newcomer(&self.sources, 1.0, aov);
            t.customers = all.customers;
            for (f, g) in t.sources.iter_mut().zip(all.sources) {
                (f.customers, f.revenue, f.cac, f.roas) = (g.customers, g.revenue, g.cac, g.roas);
            }
        }
        Some(t)
    }

    /// The figures of the straight funnel, whatever the mode: with traffic sources and stage
    /// costs, the total spend S = typed spend + media spend + Σ K_i (§3.13) in every money
    /// figure. Without either, exactly [`forecast`] of the funnel and the typed money.
    pub fn funnel_forecast(&self) -> Forecast {
        let funnel = self.funnel();
        if !self.has_costs() {
            return forecast(&funnel, &self.economics);
        }
        let costs = Costs { traffic: self.funnel_traffic(&funnel), stages: self.stage_costs(), visits: None };
        forecast_with(&funnel, &self.economics, costs)
    }

    fn apply_funnel(&mut self, funnel: &Funnel) {
        self.top = funnel.top();
        for (i, stage) in self.stages.iter_mut().enumerate().skip(1) {
            if let Some(rate) = funnel.rate_into(i) {
                stage.rate = rate;
            }
        }
    }

    /// Applies a count typed into a stage (the entry rules of TESTIDS.md). With traffic
    /// sources the first two stages' counts come from the sources (Σ v_s and Σ v_s · r'_s)
    /// and are refused like a stage that does not exist (`NotANumber`); a later stage's count
    /// sets its rate from the stage above as always.
    pub fn set_count(&mut self, id: u32, count: f64) -> Result<(), InputError> {
        let i = self.index_of(id).ok_or(InputError::NotANumber)?;
        let count = Quantity::Count.check(count)?;
        let mut funnel = self.funnel();
        if !self.sources.is_empty() {
            if i <= 1 {
                return Err(InputError::NotANumber);
            }
            funnel.set_count(i, count)?;
            if let Some(rate) = funnel.rate_into(i) {
                self.stages[i].rate = rate;
            }
            return Ok(());
        }
        funnel.set_count(i, count)?;
        self.apply_funnel(&funnel);
        Ok(())
    }

    /// Applies a rate typed into a stage, in percent.
    pub fn set_rate_percent(&mut self, id: u32, percent: f64) -> Result<(), InputError> {
        let i = self.index_of(id).ok_or(InputError::NotANumber)?;
        let percent = Quantity::Percent.check(percent)?;
        let rate = Rate::from_percent(percent).map_err(|_| InputError::TooLarge { max: 100.0 })?;
        self.stages[i].rate = rate;
        Ok(())
    }

    /// Sets a per-stage optional input: `None` clears it, a number is checked as `quantity`
    /// and stored by `put`.
    fn set_optional(
        &mut self,
        id: u32,
        value: Option<f64>,
        quantity: Quantity,
        put: impl FnOnce(&mut StageDoc, Option<f64>) -> Result<(), InputError>,
    ) -> Result<(), InputError> {
        let i = self.index_of(id).ok_or(InputError::NotANumber)?;
        let value = value.map(|v| quantity.check(v)).transpose()?;
        put(&mut self.stages[i], value)
    }

    /// The people in a stage now (pipeline snapshot); `None` clears it.
    pub fn set_now(&mut self, id: u32, count: Option<f64>) -> Result<(), InputError> {
        self.set_optional(id, count, Quantity::Count, |st, v| {
            st.now = v;
            Ok(())
        })
    }

    /// The average days spent in a stage; `None` clears it.
    pub fn set_days(&mut self, id: u32, days: Option<f64>) -> Result<(), InputError> {
        self.set_optional(id, days, Quantity::Days, |st, v| {
            st.days = v;
            Ok(())
        })
    }

    /// The user's benchmark for the rate into a stage, in percent; `None` goes back to
    /// the template's.
    pub fn set_benchmark_percent(&mut self, id: u32, percent: Option<f64>) -> Result<(), InputError> {
        self.set_optional(id, percent, Quantity::Percent, |st, v| {
            st.benchmark = percent_rate(v)?;
            Ok(())
        })
    }

    /// The low end of a stage's rate range, in percent; `None` clears it.
    pub fn set_low_percent(&mut self, id: u32, percent: Option<f64>) -> Result<(), InputError> {
        self.set_optional(id, percent, Quantity::Percent, |st, v| {
            st.low = percent_rate(v)?;
            Ok(())
        })
    }

    /// The high end of a stage's rate range, in percent; `None` clears it.
    pub fn set_high_percent(&mut self, id: u32, percent: Option<f64>) -> Result<(), InputError> {
        self.set_optional(id, percent, Quantity::Percent, |st, v| {
            st.high = percent_rate(v)?;
            Ok(())
        })
    }

    /// A stage's fixed cost per period, F_i (§3.13); `None` clears it.
    pub fn set_fixed_cost(&mut self, id: u32, money: Option<f64>) -> Result<(), InputError> {
        self.set_optional(id, money, Quantity::Money, |st, v| {
            st.fixed_cost = v;
            Ok(())
        })
    }

    /// A stage's cost per entrant, u_i (§3.13); `None` clears it.
    pub fn set_entrant_cost(&mut self, id: u32, money: Option<f64>) -> Result<(), InputError> {
        self.set_optional(id, money, Quantity::Money, |st, v| {
            st.entrant_cost = v;
            Ok(())
        })
    }

    /// Adds a traffic source named `name` (cut to the name limit) of `kind` at the end, with
    /// no rate of its own; returns its index. Refused: a kind whose numbers are out of range
    /// (see [`SourceKind::checked`]), or a 21st source (`TooLarge`). The first source makes
    /// the first stage's count Σ v_s.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::SourceKind;
    /// use tragt::calc::{Currency, Scenario, TemplateId};
    /// let mut s = Scenario::from_template("a".into(), "Shop".into(), TemplateId::Webshop, Currency::Dkk);
    /// s.add_source("Search", SourceKind::cpc(40_000.0, 5.0).unwrap()).unwrap();
    /// s.add_source("Organic", SourceKind::free(2_000.0, 0.0).unwrap()).unwrap();
    /// assert_eq!(s.funnel().top(), 10_000.0); // 40 000 / 5 + 2 000
    /// ```
    pub fn add_source(&mut self, name: &str, kind: SourceKind) -> Result<usize, InputError> {
        if self.sources.len() >= MAX_SOURCES {
            return Err(InputError::TooLarge { max: MAX_SOURCES as f64 });
        }
        self.sources.push(TrafficSource::new(name, kind, None)?);
        self.follow_sources();
        Ok(self.sources.len() - 1)
    }

    /// Adds the template's sample mix ([`TemplateId::sample_mix`]), its sources named
    /// `names` (search, social, organic), and takes its media budget out of the typed spend
    /// (when the spend holds it), so that the total spend stays what it was. Only to a
    /// scenario without sources (`TooLarge` otherwise), of a template that has a mix
    /// (`NotANumber` otherwise).
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::{Currency, Scenario, TemplateId};
    /// let mut s = Scenario::from_template("a".into(), "Shop".into(), TemplateId::Webshop, Currency::Dkk);
    /// let before = s.forecast();
    /// s.add_sample_mix(["Search", "Social", "Organic"]).unwrap();
    /// let after = s.forecast();
    /// // the same people, customers and total spend, now from three sources
    /// assert_eq!((after.customers, after.spend_total), (before.customers, before.spend_total));
    /// assert_eq!(s.sources.len(), 3);
    /// ```
    pub fn add_sample_mix(&mut self, names: [&str; 3]) -> Result<(), InputError> {
        if !self.sources.is_empty() {
            return Err(InputError::TooLarge { max: 0.0 });
        }
        let mix = self.template.sample_mix().ok_or(InputError::NotANumber)?;
        let (budget, cpc, search_rate) = mix.search;
        let (social_budget, cpm, ctr, social_rate) = mix.social;
        let sources = [
            TrafficSource::new(names[0], SourceKind::cpc(budget, cpc)?, search_rate)?,
            TrafficSource::new(names[1], SourceKind::cpm(social_budget, cpm, ctr)?, social_rate)?,
            TrafficSource::new(names[2], SourceKind::free(mix.organic, 0.0)?, None)?,
        ];
        self.sources = sources.to_vec();
        if self.economics.spend >= mix.media() {
            self.economics.spend -= mix.media();
        }
        self.follow_sources();
        Ok(())
    }

    /// Removes the source at `index` (`NotANumber` when there is none). Removing the last one
    /// gives the first stage back as a typed count: the last Σ v_s (at most the count limit).
    pub fn remove_source(&mut self, index: usize) -> Result<(), InputError> {
        if index >= self.sources.len() {
            return Err(InputError::NotANumber);
        }
        // the sum before the removal, kept should this be the last source
        let last_sum = self.newcomers();
        self.sources.remove(index);
        if self.sources.is_empty() {
            self.top = clamp_count(last_sum);
        }
        self.follow_sources();
        Ok(())
    }

    /// The source at `index`, for an edit that is checked as a whole: `edit` gets a copy,
    /// and only an admitted edit is kept (so a refused one changes nothing).
    fn edit_source(
        &mut self,
        index: usize,
        edit: impl FnOnce(&mut TrafficSource) -> Result<(), InputError>,
    ) -> Result<(), InputError> {
        let mut source = self.sources.get(index).cloned().ok_or(InputError::NotANumber)?;
        edit(&mut source)?;
        source.kind = source.kind.checked()?;
        self.sources[index] = source;
        self.follow_sources();
        Ok(())
    }

    /// Renames a source (a name past the limit is cut).
    pub fn set_source_name(&mut self, index: usize, name: &str) -> Result<(), InputError> {
        self.edit_source(index, |s| {
            s.set_name(name);
            Ok(())
        })
    }

    /// Switches a source to another type ([`SourceKind::switched`]: its budget stays and,
    /// where a price can be derived, its visitors).
    pub fn set_source_type(&mut self, index: usize, to: SourceType) -> Result<(), InputError> {
        self.edit_source(index, |s| {
            s.kind = s.kind.switched(to);
            Ok(())
        })
    }

    /// A source's budget per period, B_s; of a free source, its cost per period.
    pub fn set_source_budget(&mut self, index: usize, money: f64) -> Result<(), InputError> {
        self.edit_source(index, |s| s.kind.set_budget(money))
    }

    /// A free source's cost per period (the same B_s as [`Scenario::set_source_budget`]);
    /// `NotANumber` for a paid source.
    pub fn set_source_cost(&mut self, index: usize, money: f64) -> Result<(), InputError> {
        self.edit_source(index, |s| match s.kind {
            SourceKind::Free { visitors, .. } => SourceKind::free(visitors, money).map(|k| s.kind = k),
            _ => Err(InputError::NotANumber),
        })
    }

    /// A `cpc` source's cost per click (at least [`super::traffic::MIN_PRICE`]);
    /// `NotANumber` for another type.
    pub fn set_source_cpc(&mut self, index: usize, money: f64) -> Result<(), InputError> {
        self.edit_source(index, |s| match s.kind {
            SourceKind::Cpc { budget, .. } => SourceKind::cpc(budget, money).map(|k| s.kind = k),
            _ => Err(InputError::NotANumber),
        })
    }

    /// A `cpm` source's cost per thousand impressions (at least
    /// [`super::traffic::MIN_PRICE`]); `NotANumber` for another type.
    pub fn set_source_cpm(&mut self, index: usize, money: f64) -> Result<(), InputError> {
        self.edit_source(index, |s| match s.kind {
            SourceKind::Cpm { budget, ctr, .. } => {
                SourceKind::Cpm { budget, cpm: money, ctr }.checked().map(|k| s.kind = k)
            }
            _ => Err(InputError::NotANumber),
        })
    }

    /// A `cpm` source's click-through rate in percent (0–100); `NotANumber` for another type.
    pub fn set_source_ctr_percent(&mut self, index: usize, percent: f64) -> Result<(), InputError> {
        self.edit_source(index, |s| match s.kind {
            SourceKind::Cpm { budget, cpm, .. } => SourceKind::cpm(budget, cpm, percent).map(|k| s.kind = k),
            _ => Err(InputError::NotANumber),
        })
    }

    /// A free source's visitors per period; `NotANumber` for a paid source.
    pub fn set_source_visitors(&mut self, index: usize, count: f64) -> Result<(), InputError> {
        self.edit_source(index, |s| match s.kind {
            SourceKind::Free { cost, .. } => SourceKind::free(count, cost).map(|k| s.kind = k),
            _ => Err(InputError::NotANumber),
        })
    }

    /// A source's own rate into stage 2, r_s, in percent; `None` goes back to c_1.
    pub fn set_source_rate_percent(&mut self, index: usize, percent: Option<f64>) -> Result<(), InputError> {
        self.edit_source(index, |s| s.set_rate_percent(percent))
    }

    /// With sources, `top` follows Σ v_s (at most the count limit), so that it is the last
    /// sum when the last source goes.
    fn follow_sources(&mut self) {
        if !self.sources.is_empty() {
            self.top = clamp_count(self.newcomers());
        }
    }

    /// Whether the Monte Carlo draws the rate into a stage from its counts.
    pub fn set_from_counts(&mut self, id: u32, on: bool) {
        if let Some(i) = self.index_of(id) {
            self.stages[i].from_counts = on;
        }
    }

    /// Referrals per customer, k.
    pub fn set_referrals(&mut self, k: f64) -> Result<(), InputError> {
        self.referrals = Quantity::Referrals.check(k)?;
        Ok(())
    }

    /// Monte Carlo trials: a whole number from 10 000 to 100 000.
    pub fn set_trials(&mut self, trials: f64) -> Result<(), InputError> {
        let n = whole(Quantity::Trials.check(trials)?)?;
        if n < super::limits::MIN_TRIALS {
            return Err(InputError::TooSmall { min: super::limits::MIN_TRIALS });
        }
        self.trials = n as u32;
        Ok(())
    }

    /// The Monte Carlo seed: a whole number from 0 to 2³² − 1.
    pub fn set_seed(&mut self, seed: f64) -> Result<(), InputError> {
        self.seed = whole(Quantity::Seed.check(seed)?)? as u32;
        Ok(())
    }

    /// Switches between the straight funnel and the journey. The first switch to a journey
    /// builds it from the funnel: its forward rates become the forward moves (§3.8).
    pub fn set_mode(&mut self, mode: Mode) {
        if mode == Mode::Journey && self.stages.iter().any(|s| s.moves.is_none()) {
            self.journey_from_funnel();
        }
        self.mode = mode;
    }

    /// Rebuilds the journey from the funnel's rates: each stage above the purchase moves on
    /// at the rate into the next and is lost otherwise; the purchase stage and those after
    /// it buy; everyone enters at the first stage.
    pub fn journey_from_funnel(&mut self) {
        let chain = super::markov::from_funnel(&self.funnel());
        let ids: Vec<u32> = self.stages.iter().map(|s| s.id).collect();
        for (i, stage) in self.stages.iter_mut().enumerate() {
            let to = chain.q[i].iter().zip(&ids).filter(|(p, _)| **p > 0.0).map(|(p, id)| (*id, *p)).collect();
            stage.moves = Some(Moves { to, buy: chain.buy[i], lost: chain.lost[i], entry: chain.entry[i] });
        }
    }

    /// The moves of the stage with this id (a stage without any gets the "all lost" row).
    fn moves_mut(&mut self, id: u32) -> Result<&mut Moves, InputError> {
        let i = self.index_of(id).ok_or(InputError::NotANumber)?;
        Ok(self.stages[i].moves.get_or_insert_with(Moves::lost))
    }

    /// Sets where a share of a journey state's people go next, in percent.
    pub fn set_move_percent(&mut self, from: u32, to: MoveTo, percent: f64) -> Result<(), InputError> {
        let p = Quantity::Percent.check(percent)? / 100.0;
        if let MoveTo::Stage(t) = to {
            if t == from || self.index_of(t).is_none() {
                return Err(InputError::NotANumber);
            }
        }
        let m = self.moves_mut(from)?;
        match to {
            MoveTo::Stage(t) => match m.to.iter().position(|(id, _)| *id == t) {
                Some(k) if p > 0.0 => m.to[k].1 = p,
                Some(k) => {
                    m.to.remove(k);
                }
                None if p > 0.0 => m.to.push((t, p)),
                None => {}
            },
            MoveTo::Buy => m.buy = p,
            MoveTo::Lost => m.lost = p,
        }
        Ok(())
    }

    /// Gives a journey state's remainder (100 % minus its other moves) to "lost". Refused
    /// when the other moves already exceed 100 %.
    pub fn lost_takes_rest(&mut self, from: u32) -> Result<(), InputError> {
        let m = self.moves_mut(from)?;
        let rest = 1.0 - (m.sum() - m.lost);
        if rest < -super::markov::TOLERANCE {
            return Err(InputError::TooLarge { max: 100.0 });
        }
        m.lost = rest.max(0.0);
        Ok(())
    }

    /// The share of newcomers who enter the journey at a stage, in percent.
    pub fn set_entry_percent(&mut self, id: u32, percent: f64) -> Result<(), InputError> {
        let p = Quantity::Percent.check(percent)? / 100.0;
        self.moves_mut(id)?.entry = p;
        Ok(())
    }

    /// The share of lost people brought back, in percent.
    pub fn set_recovery_percent(&mut self, percent: f64) -> Result<(), InputError> {
        self.recovery = Quantity::Percent.check(percent)? / 100.0;
        Ok(())
    }

    /// The stage lost people are brought back to.
    pub fn set_recover_to(&mut self, id: u32) {
        if self.index_of(id).is_some() {
            self.recover_to = id;
        }
    }

    /// Renames a stage. A template's stage keeps what it was (its note, benchmark and
    /// advice); emptied, it takes the template's name again.
    pub fn rename_stage(&mut self, id: u32, name: &str) {
        if let Some(i) = self.index_of(id) {
            let label = &mut self.stages[i].label;
            *label = match label.template_stage() {
                Some(n) if name.is_empty() => StageLabel::Template(n),
                Some(from) => StageLabel::Renamed { name: name.to_string(), from },
                None => StageLabel::Custom(name.to_string()),
            };
        }
    }

    /// Adds a stage at the bottom; its rate is 50 % of the stage above. Returns its id.
    pub fn add_stage(&mut self, name: &str) -> Result<u32, StageListError> {
        if self.stages.len() >= MAX_STAGES {
            return Err(StageListError::TooMany);
        }
        let id = next_stage_id(&self.stages);
        let rate = Rate::from_percent(50.0).unwrap_or_default();
        let moves = self.stages[0].moves.is_some().then(Moves::lost);
        self.stages.push(StageDoc { moves, ..StageDoc::new(id, StageLabel::Custom(name.to_string()), rate) });
        Ok(id)
    }

    /// Inserts a stage right below stage `after`, at 100 %: everyone who reaches the stage
    /// above goes on, so no figure moves until its rate is typed. A stage below the purchase
    /// stage is a retention stage. Returns its id.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::{Currency, Scenario, TemplateId};
    /// let mut s = Scenario::from_template("a".into(), "Shop".into(), TemplateId::Webshop, Currency::Eur);
    /// let before = s.funnel_forecast().customers;
    /// let id = s.insert_stage(s.stages[1].id, "Wishlist").unwrap();
    /// assert_eq!(s.index_of(id), Some(2));
    /// assert_eq!(s.funnel_forecast().customers, before);
    /// ```
    pub fn insert_stage(&mut self, after: u32, name: &str) -> Result<u32, StageListError> {
        if self.stages.len() >= MAX_STAGES {
            return Err(StageListError::TooMany);
        }
        let at = self.index_of(after).ok_or(StageListError::Unknown)? + 1;
        let id = next_stage_id(&self.stages);
        let moves = self.stages[0].moves.is_some().then(Moves::lost);
        let stage = StageDoc { moves, ..StageDoc::new(id, StageLabel::Custom(name.to_string()), Rate::ONE) };
        self.stages.insert(at, stage);
        Ok(id)
    }

    /// Whether the stage at `index` is a retention stage ([`is_retention_stage`]).
    pub fn is_after_purchase(&self, index: usize) -> bool {
        is_retention_stage(self.mode, self.index_of(self.purchase), index)
    }

    /// Removes a stage (never below two). A removed mark moves to the stage that takes
    /// the removed one's place.
    pub fn remove_stage(&mut self, id: u32) -> Result<(), StageListError> {
        if self.stages.len() <= MIN_STAGES {
            return Err(StageListError::TooFew);
        }
        let i = self.index_of(id).ok_or(StageListError::Unknown)?;
        let removed = self.stages.remove(i);
        let successor = self.stages[i.min(self.stages.len() - 1)].id;
        if self.lead == id {
            self.lead = successor;
        }
        if self.purchase == id {
            self.purchase = successor;
        }
        if self.recover_to == id {
            self.recover_to = successor;
        }
        // a journey keeps valid rows: the moves into the removed stage become lost, and
        // its newcomers start at its successor
        for stage in &mut self.stages {
            if let Some(m) = &mut stage.moves {
                let into = m.to(id);
                m.to.retain(|(to, _)| *to != id);
                // a row that was already over 100 % stays over (and flagged), but no share
                // goes past 100 %: that would not read back from a saved file
                m.lost = fraction(m.lost + into);
                if stage.id == successor {
                    m.entry = fraction(m.entry + removed.moves.as_ref().map_or(0.0, |r| r.entry));
                }
            }
        }
        Ok(())
    }

    /// Moves a stage one place up (`-1`) or down (`+1`); its rate and marks move with it.
    pub fn move_stage(&mut self, id: u32, delta: isize) -> Result<(), StageListError> {
        let i = self.index_of(id).ok_or(StageListError::Unknown)?;
        let j = i as isize + delta;
        if j < 0 || j as usize >= self.stages.len() {
            return Ok(());
        }
        self.stages.swap(i, j as usize);
        Ok(())
    }

    /// Marks the lead stage.
    pub fn set_lead(&mut self, id: u32) {
        if self.index_of(id).is_some() {
            self.lead = id;
        }
    }

    /// Marks the purchase stage.
    pub fn set_purchase(&mut self, id: u32) {
        if self.index_of(id).is_some() {
            self.purchase = id;
        }
    }
}

/// Whether stage `index` of a scenario in `mode`, whose purchase stage is at `purchase`, is a
/// retention stage (repeat purchases, referrals): after the purchase stage of a straight
/// funnel, where everyone is a customer already and there is no chance to buy to show. A
/// journey's states each have their own chance to buy. The stage rows, the stage list and
/// the CSV all follow this one rule.
///
/// ```
/// use tragt::calc::scenario::is_retention_stage;
/// use tragt::calc::Mode;
/// assert!(is_retention_stage(Mode::Funnel, Some(3), 4));
/// assert!(!is_retention_stage(Mode::Funnel, Some(3), 3));
/// assert!(!is_retention_stage(Mode::Journey, Some(3), 4));
/// assert!(!is_retention_stage(Mode::Funnel, None, 4));
/// ```
pub fn is_retention_stage(mode: Mode, purchase: Option<usize>, index: usize) -> bool {
    mode == Mode::Funnel && purchase.is_some_and(|p| index > p)
}

/// A count within 0 and the count limit (−0 and NaN as 0). Not `f64::clamp` (see
/// [`fraction`]).
#[allow(clippy::manual_clamp)]
fn clamp_count(x: f64) -> f64 {
    if x > MAX_COUNT {
        MAX_COUNT
    } else if x > 0.0 {
        x
    } else {
        0.0
    }
}

/// The sources' figures when every visitor is a newcomer who buys with chance `buy`: their
/// own rates into stage 2 are not used (C_s = v_s · buy). A journey's sources (§3.8), and a
/// funnel whose first stage is the purchase.
pub fn traffic_per_newcomer(sources: &[TrafficSource], buy: f64, aov: f64) -> Traffic {
    let all: Vec<TrafficSource> = sources.iter().map(|s| TrafficSource { rate: None, ..s.clone() }).collect();
    traffic(&all, Rate::ONE, buy, aov)
}

fn percent_rate(percent: Option<f64>) -> Result<Option<Rate>, InputError> {
    percent.map(|p| Rate::from_percent(p).map_err(|_| InputError::TooLarge { max: 100.0 })).transpose()
}

fn whole(x: f64) -> Result<f64, InputError> {
    if x.fract() == 0.0 {
        Ok(x)
    } else {
        Err(InputError::NotWhole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::forecast::SpendSplit;

    #[test]
    fn forecasting_inputs_are_checked_and_can_be_cleared() {
        let mut s = blank();
        let b = s.stages[1].id;
        s.set_now(b, Some(40.0)).unwrap();
        s.set_days(b, Some(3.5)).unwrap();
        s.set_benchmark_percent(b, Some(12.5)).unwrap();
        s.set_low_percent(b, Some(5.0)).unwrap();
        s.set_high_percent(b, Some(15.0)).unwrap();
        assert_eq!(s.stages[1].benchmark.map(Rate::get), Some(0.125));
        assert_eq!(s.set_days(b, Some(-1.0)), Err(InputError::Negative));
        assert_eq!(s.set_days(b, Some(4000.0)), Err(InputError::TooLarge { max: 3650.0 }));
        assert_eq!(s.set_high_percent(b, Some(101.0)), Err(InputError::TooLarge { max: 100.0 }));
        assert_eq!(s.set_now(99, Some(1.0)), Err(InputError::NotANumber));
        // refused values change nothing
        assert_eq!((s.stages[1].days, s.stages[1].high.map(Rate::get)), (Some(3.5), Some(0.15)));
        s.set_now(b, None).unwrap();
        assert_eq!(s.stages[1].now, None);
        assert_eq!(s.set_trials(9_999.0), Err(InputError::TooSmall { min: 10_000.0 }));
        assert_eq!(s.set_trials(10_000.5), Err(InputError::NotWhole));
        assert_eq!(s.set_trials(100_001.0), Err(InputError::TooLarge { max: 100_000.0 }));
        s.set_trials(50_000.0).unwrap();
        assert_eq!(s.set_seed(4_294_967_296.0), Err(InputError::TooLarge { max: 4_294_967_295.0 }));
        s.set_seed(4_294_967_295.0).unwrap();
        assert_eq!((s.trials, s.seed), (50_000, u32::MAX));
        assert_eq!(s.set_referrals(-0.5), Err(InputError::Negative));
        s.set_referrals(0.5).unwrap();
        assert_eq!(s.referrals, 0.5);
    }

    fn blank() -> Scenario {
        Scenario::from_template("a".into(), "A".into(), TemplateId::Blank, Currency::Dkk)
    }

    #[test]
    fn a_renamed_template_stage_keeps_what_it_was_and_an_emptied_name_gives_the_template_s_back() {
        let mut s = Scenario::from_template("a".into(), "A".into(), TemplateId::B2b, Currency::Eur);
        let id = s.stages[2].id;
        s.rename_stage(id, "Warm leads");
        assert_eq!(s.stages[2].label, StageLabel::Renamed { name: "Warm leads".into(), from: 2 });
        assert_eq!((s.template_stage(2), s.stage_name(2, |_| "MQL")), (Some(2), "Warm leads".to_string()));
        s.rename_stage(id, "Hot leads");
        assert_eq!(s.stages[2].label, StageLabel::Renamed { name: "Hot leads".into(), from: 2 });
        s.rename_stage(id, "");
        assert_eq!(s.stages[2].label, StageLabel::Template(2));
        // a stage of the user's own stays theirs
        let own = s.add_stage("Renewal").unwrap();
        s.rename_stage(own, "Upsell");
        assert_eq!(s.stages.last().unwrap().label, StageLabel::Custom("Upsell".into()));
        assert_eq!(s.template_stage(s.stages.len() - 1), None);
    }

    #[test]
    fn a_stage_inserted_below_another_changes_nothing_until_its_rate_is_typed() {
        let mut s = Scenario::from_template("a".into(), "A".into(), TemplateId::Webshop, Currency::Eur);
        let before = s.funnel_forecast();
        let purchase = s.purchase;
        // in the middle: at 100 %, the same customers; the marks stay on their stages
        let mid = s.insert_stage(s.stages[2].id, "Wishlist").unwrap();
        assert_eq!(s.index_of(mid), Some(3));
        assert_eq!(s.funnel_forecast().customers, before.customers);
        assert_eq!(s.purchase, purchase);
        assert_eq!(s.index_of(purchase), Some(5));
        assert!(!s.is_after_purchase(3) && !s.is_after_purchase(5));
        // below the purchase stage: a retention stage
        let after = s.insert_stage(purchase, "").unwrap();
        assert!(s.is_after_purchase(s.index_of(after).unwrap()));
        assert_eq!(s.funnel_forecast().customers, before.customers);
        assert_eq!(s.insert_stage(999, "x"), Err(StageListError::Unknown));
        while s.stages.len() < MAX_STAGES {
            s.add_stage("").unwrap();
        }
        assert_eq!(s.insert_stage(mid, "x"), Err(StageListError::TooMany));
    }

    #[test]
    fn edits_make_a_scenario_no_longer_pristine() {
        let mut s = blank();
        assert!(s.is_pristine());
        s.set_rate_percent(s.stages[1].id, 12.0).unwrap();
        assert!(!s.is_pristine());
    }

    #[test]
    fn typing_a_count_sets_the_rate_from_the_stage_above() {
        // blank: 2 stages; set top 1000, then stage 2 := 250 → rate 25 %
        let mut s = blank();
        let (a, b) = (s.stages[0].id, s.stages[1].id);
        s.set_count(a, 1000.0).unwrap();
        s.set_count(b, 250.0).unwrap();
        assert_eq!(s.stages[1].rate.get(), 0.25);
        assert_eq!(s.funnel().entrants(), vec![1000.0, 250.0]);
        assert_eq!(s.set_count(b, 1001.0), Err(InputError::ExceedsAbove));
        assert_eq!(s.set_count(b, "1e400".parse().unwrap()), Err(InputError::TooLarge { max: 1e12 }));
        assert_eq!(s.set_rate_percent(b, 100.5), Err(InputError::TooLarge { max: 100.0 }));
        assert_eq!(s.stages[1].rate.get(), 0.25);
    }

    #[test]
    fn stages_can_be_added_up_to_twenty_and_removed_down_to_two() {
        let mut s = blank();
        for n in 3..=20 {
            s.add_stage(&format!("S{n}")).unwrap();
        }
        assert_eq!(s.add_stage("too many"), Err(StageListError::TooMany));
        while s.stages.len() > 2 {
            let id = s.stages[0].id;
            s.remove_stage(id).unwrap();
        }
        assert_eq!(s.remove_stage(s.stages[0].id), Err(StageListError::TooFew));
    }

    #[test]
    fn a_stage_added_above_the_highest_possible_id_gets_a_free_one() {
        // a file may hold stage id 2³² − 1, and there is no id above it
        let mut s = blank();
        s.stages[1].id = u32::MAX;
        assert_eq!(s.add_stage("C"), Ok(2));
        assert_eq!(s.add_stage("D"), Ok(3));
        assert_eq!(s.stages.iter().map(|x| x.id).collect::<Vec<_>>(), vec![1, u32::MAX, 2, 3]);
    }

    #[test]
    fn removing_a_marked_stage_moves_the_mark_to_its_successor() {
        let mut s = blank();
        let c = s.add_stage("C").unwrap();
        s.set_purchase(s.stages[1].id);
        let removed = s.stages[1].id;
        s.remove_stage(removed).unwrap();
        assert_eq!(s.purchase, c);
        // removing the last stage hands the mark to the new last one
        s.add_stage("D").unwrap();
        let d = s.stages[2].id;
        s.set_purchase(d);
        s.remove_stage(d).unwrap();
        assert_eq!(s.purchase, c);
    }

    #[test]
    fn moving_a_stage_carries_its_rate_and_marks() {
        // A(1000) → B 10 % → C 50 %; move C up: A → C 50 % → B 10 %; purchase stays on C
        let mut s = blank();
        let c = s.add_stage("C").unwrap();
        let (a, b) = (s.stages[0].id, s.stages[1].id);
        s.set_count(a, 1000.0).unwrap();
        s.set_purchase(c);
        s.move_stage(c, -1).unwrap();
        assert_eq!(s.stages.iter().map(|x| x.id).collect::<Vec<_>>(), vec![a, c, b]);
        assert_eq!(s.funnel().entrants(), vec![1000.0, 500.0, 50.0]);
        assert_eq!(s.funnel().purchase(), 1);
        // moving past either end does nothing
        s.move_stage(a, -1).unwrap();
        assert_eq!(s.stages[0].id, a);
    }

    /// A blank scenario of four stages at 10 %, 50 % and 20 %, the lead at stage 2 and the
    /// purchase at stage 4; 8 000 of other spend, AOV 600. With sources: search, 40 000 at
    /// 5 per click and 25 % into stage 2 of its own, and organic, 2 000 visitors at c₁.
    fn shop_with_sources() -> Scenario {
        let mut s = blank();
        s.add_stage("C").unwrap();
        s.add_stage("D").unwrap();
        for (i, pct) in [(1, 10.0), (2, 50.0), (3, 20.0)] {
            s.set_rate_percent(s.stages[i].id, pct).unwrap();
        }
        s.set_lead(s.stages[1].id);
        s.set_purchase(s.stages[3].id);
        s.economics.spend = 8_000.0;
        s.economics.aov = 600.0;
        s.add_source("Search", SourceKind::cpc(40_000.0, 5.0).unwrap()).unwrap();
        s.set_source_rate_percent(0, Some(25.0)).unwrap();
        s.add_source("Organic", SourceKind::free(2_000.0, 0.0).unwrap()).unwrap();
        s
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn the_worked_web_shop_with_sources_and_stage_costs() {
        let mut s = shop_with_sources();
        // E₁ = 40 000 / 5 + 2 000 = 10 000; E₂ = 8 000 · 0.25 + 2 000 · 0.1 = 2 200 (blend 22 %)
        // E₃ = 2 200 · 0.5 = 1 100; C = E₄ = 1 100 · 0.2 = 220
        let f = s.forecast();
        let e: Vec<f64> = f.stages.iter().map(|st| st.entrants).collect();
        for (got, want) in e.iter().zip([10_000.0, 2_200.0, 1_100.0, 220.0]) {
            assert!(close(*got, want), "{got} {want}");
        }
        assert_eq!(s.top, 10_000.0);
        assert!(close(s.funnel().rate_into(1).unwrap().get(), 0.22));
        assert_eq!(s.stages[1].rate.get(), 0.1, "c₁ stays as typed");
        // S = 8 000 other + 40 000 media = 48 000: CAC 48 000 / 220, CPL 48 000 / 2 200
        assert_eq!(f.spend_total, 48_000.0);
        assert_eq!(f.spend_split, Some(SpendSplit { other: 8_000.0, media: 40_000.0, stages: 0.0 }));
        assert!(close(f.cac.unwrap(), 48_000.0 / 220.0));
        assert!(close(f.cpl.unwrap(), 48_000.0 / 2_200.0));
        // per source, P₂ = 0.5 · 0.2 = 0.1: search 2 000 · 0.1 = 200 customers, CAC 40 000 / 200
        // = 200, ROAS 200 · 600 / 40 000 = 3; organic 200 · 0.1 = 20; Σ = 220 = C
        let t = f.traffic.as_ref().unwrap();
        assert!(close(t.sources[0].customers, 200.0) && close(t.sources[1].customers, 20.0));
        assert!(close(t.sources[0].cac.unwrap(), 200.0));
        assert!(close(t.sources[0].roas.unwrap(), 3.0));
        assert!(close(t.customers, f.customers));

        // stage 3 gets a team of 10 000 and 10 per entrant: K₃ = 10 000 + 10 · 1 100 = 21 000
        // S = 8 000 + 40 000 + 21 000 = 69 000
        let c = s.stages[2].id;
        s.set_fixed_cost(c, Some(10_000.0)).unwrap();
        s.set_entrant_cost(c, Some(10.0)).unwrap();
        let f = s.forecast();
        assert!(close(f.spend_total, 69_000.0));
        assert_eq!(f.spend_split.map(|x| (x.other, x.media)), Some((8_000.0, 40_000.0)));
        assert!(close(f.spend_split.unwrap().stages, 21_000.0));
        assert!(close(f.stages[2].cost, 21_000.0));
        assert_eq!((f.stages[0].cost, f.stages[1].cost, f.stages[3].cost), (0.0, 0.0, 0.0));
        // CAC 69 000 / 220 = 313.63…; ROAS 220 · 600 / 69 000 = 1.913…
        assert!(close(f.cac.unwrap(), 69_000.0 / 220.0));
        assert!(close(f.roas.unwrap(), 132_000.0 / 69_000.0));
        // Q₁ = (69 000 − 21 000) / 10 000 = 4.8; the cost per lead Q₂ = 48 000 / 2 200 = 21.81…
        // (the team of stage 3 is not in it); Q₃ = 69 000 / 1 100; Q₄ = 69 000 / 220
        let q: Vec<f64> = f.stages.iter().map(|st| st.cost_per_entrant.unwrap()).collect();
        for (got, want) in q.iter().zip([4.8, 48_000.0 / 2_200.0, 69_000.0 / 1_100.0, 69_000.0 / 220.0]) {
            assert!(close(*got, want), "{got} {want}");
        }
        assert!(close(f.cpl.unwrap(), 48_000.0 / 2_200.0));
        // the goal's spend is T · CAC with this S: 440 customers cost 2 · 69 000
        let plan = crate::calc::goal::plan(&f, crate::calc::goal::Target::Customers(440.0), 3);
        assert!(close(plan.spend.unwrap(), 138_000.0));
    }

    #[test]
    fn removing_the_last_source_gives_the_first_stage_back_as_the_last_sum() {
        let mut s = shop_with_sources();
        assert_eq!(s.remove_source(2), Err(InputError::NotANumber));
        s.remove_source(0).unwrap();
        // organic alone: 2 000 at c₁
        assert_eq!((s.top, s.funnel().top()), (2_000.0, 2_000.0));
        assert_eq!(s.funnel().rate_into(1), Some(s.stages[1].rate));
        s.remove_source(0).unwrap();
        assert!(s.sources.is_empty());
        assert_eq!(s.funnel().top(), 2_000.0);
        let f = s.forecast();
        assert_eq!((f.spend_total, f.spend_split, f.traffic.is_none()), (8_000.0, None, true));
        // and the count can be typed again
        s.set_count(s.stages[0].id, 5_000.0).unwrap();
        assert_eq!(s.funnel().top(), 5_000.0);
    }

    #[test]
    fn with_sources_the_first_two_counts_are_not_typed() {
        let mut s = shop_with_sources();
        let before = s.clone();
        assert_eq!(s.set_count(s.stages[0].id, 5.0), Err(InputError::NotANumber));
        assert_eq!(s.set_count(s.stages[1].id, 5.0), Err(InputError::NotANumber));
        assert_eq!(s, before);
        // stage 3 of 2 200 entrants at stage 2: 550 is 25 %
        s.set_count(s.stages[2].id, 550.0).unwrap();
        assert!(close(s.stages[2].rate.get(), 0.25));
        assert_eq!((s.stages[1].rate.get(), s.top), (0.1, 10_000.0));
    }

    #[test]
    fn source_edits_are_checked_and_a_refused_one_changes_nothing() {
        let mut s = shop_with_sources();
        s.add_source("Social", SourceKind::cpm(30_000.0, 60.0, 1.0).unwrap()).unwrap();
        let before = s.clone();
        let small = InputError::TooSmall { min: crate::calc::traffic::MIN_PRICE };
        assert_eq!(s.set_source_cpc(0, 0.0), Err(small));
        assert_eq!(s.set_source_cpc(0, f64::NAN), Err(InputError::NotANumber));
        assert_eq!(s.set_source_cpc(1, 5.0), Err(InputError::NotANumber), "organic has no price");
        assert_eq!(s.set_source_budget(0, -1.0), Err(InputError::Negative));
        assert_eq!(s.set_source_budget(0, f64::INFINITY), Err(InputError::TooLarge { max: 1e12 }));
        assert_eq!(s.set_source_ctr_percent(2, 101.0), Err(InputError::TooLarge { max: 100.0 }));
        assert_eq!(s.set_source_ctr_percent(0, 1.0), Err(InputError::NotANumber));
        assert_eq!(s.set_source_cpm(2, 0.0), Err(small));
        assert_eq!(s.set_source_visitors(1, 2e12), Err(InputError::TooLarge { max: 1e12 }));
        assert_eq!(s.set_source_visitors(0, 10.0), Err(InputError::NotANumber));
        assert_eq!(s.set_source_cost(0, 10.0), Err(InputError::NotANumber));
        assert_eq!(s.set_source_rate_percent(0, Some(-1.0)), Err(InputError::Negative));
        assert_eq!(s.set_source_name(9, "x"), Err(InputError::NotANumber));
        assert_eq!(s.set_fixed_cost(s.stages[1].id, Some(-1.0)), Err(InputError::Negative));
        assert_eq!(s.set_entrant_cost(99, Some(1.0)), Err(InputError::NotANumber));
        assert_eq!(
            s.add_source("Bad", SourceKind::Cpc { budget: 1.0, cpc: 0.0 }),
            Err(small),
            "a hand-built kind is checked"
        );
        assert_eq!(s, before);
        // admitted edits, each followed by the first stage: 8 000 + 2 000 + 5 000 (social:
        // 1000 · 30 000 / 60 · 1 %)
        assert!(close(s.top, 15_000.0));
        s.set_source_cpc(0, 4.0).unwrap(); // 10 000 clicks
        s.set_source_ctr_percent(2, 2.0).unwrap(); // 10 000 visitors
        s.set_source_visitors(1, 3_000.0).unwrap();
        s.set_source_cost(1, 500.0).unwrap();
        s.set_source_name(1, "SEO").unwrap();
        assert!(close(s.top, 23_000.0));
        assert_eq!(s.sources[1], TrafficSource::new("SEO", SourceKind::free(3_000.0, 500.0).unwrap(), None).unwrap());
        assert!(close(s.forecast().spend_split.unwrap().media, 40_000.0 + 500.0 + 30_000.0));
        // at most 20 sources
        while s.sources.len() < MAX_SOURCES {
            s.add_source("More", SourceKind::free(1.0, 0.0).unwrap()).unwrap();
        }
        let full = s.clone();
        assert_eq!(
            s.add_source("One too many", SourceKind::free(1.0, 0.0).unwrap()),
            Err(InputError::TooLarge { max: 20.0 })
        );
        assert_eq!(s, full);
    }

    #[test]
    fn switching_a_source_keeps_its_budget_and_visitors() {
        let mut s = shop_with_sources();
        let before = s.forecast();
        // search (8 000 clicks at 5) as display: 1 % click, 1000 · 40 000 · 0.01 / 8 000 = 50
        s.set_source_type(0, SourceType::Cpm).unwrap();
        assert_eq!(s.sources[0].kind, SourceKind::cpm(40_000.0, 50.0, 1.0).unwrap());
        s.set_source_type(0, SourceType::Free).unwrap();
        s.set_source_type(0, SourceType::Cpc).unwrap();
        assert_eq!(s.sources[0].kind, SourceKind::cpc(40_000.0, 5.0).unwrap());
        assert_eq!(s.sources[0].rate.map(Rate::get), Some(0.25), "its own rate stays");
        let after = s.forecast();
        assert!(close(after.customers, before.customers) && close(after.spend_total, before.spend_total));
        // organic costs nothing: as a paid source its budget is 0, so it brings no one
        s.set_source_type(1, SourceType::Cpc).unwrap();
        assert_eq!(s.sources[1].kind, SourceKind::cpc(0.0, crate::calc::traffic::DEFAULT_CPC).unwrap());
        assert_eq!(s.top, 8_000.0);
    }

    #[test]
    fn the_sample_mixes_change_no_figure_and_keep_the_total_spend() {
        for template in [TemplateId::Webshop, TemplateId::B2b] {
            let mut s = Scenario::from_template("a".into(), "A".into(), template, Currency::Dkk);
            let before = s.forecast();
            let spend = s.economics.spend;
            s.add_sample_mix(["Search", "Social", "Organic"]).unwrap();
            let after = s.forecast();
            let mix = template.sample_mix().unwrap();
            // the same people and customers, from three sources
            assert!(close(after.customers, before.customers), "{template:?}: customers");
            assert!(close(s.newcomers(), before.stages[0].entrants), "{template:?}: visitors");
            assert!(close(after.stages[1].entrants, before.stages[1].entrants), "{template:?}: blend");
            // the media budget came out of the typed spend: S as before
            assert_eq!(s.economics.spend, spend - mix.media());
            assert!(close(after.spend_total, before.spend_total), "{template:?}: S");
            assert_eq!(after.spend_split.map(|x| x.media), Some(mix.media()));
            // twice is refused, and changes nothing
            let kept = s.clone();
            assert!(s.add_sample_mix(["a", "b", "c"]).is_err());
            assert_eq!(s, kept);
        }
        // the worked web shop: search 6 000 visitors at 60 %, social 4 000 at 35 %, organic
        // 30 000 at 50 %; P₂ = 7 % · 50 % · 70 % = 2.45 %
        let mut shop = Scenario::from_template("w".into(), "W".into(), TemplateId::Webshop, Currency::Dkk);
        shop.add_sample_mix(["Search", "Social", "Organic"]).unwrap();
        let t = shop.forecast().traffic.unwrap();
        let customers: Vec<f64> = t.sources.iter().map(|f| f.customers).collect();
        assert!(close(customers[0], 3_600.0 * 0.0245) && close(customers[1], 1_400.0 * 0.0245));
        assert!(close(customers[2], 15_000.0 * 0.0245));
        // a template without a mix has none to add
        let mut blank = Scenario::from_template("b".into(), "B".into(), TemplateId::Blank, Currency::Dkk);
        assert_eq!(blank.add_sample_mix(["a", "b", "c"]), Err(InputError::NotANumber));
        assert!(blank.sources.is_empty());
    }

    #[test]
    fn stage_costs_are_optional_and_cleared() {
        let mut s = blank();
        let b = s.stages[1].id;
        assert_eq!(s.stages[1].cost(), None);
        s.set_entrant_cost(b, Some(5.0)).unwrap();
        assert_eq!(s.stages[1].cost(), Some(StageCost { fixed: 0.0, per_entrant: 5.0 }));
        assert!(s.has_costs() && !s.is_pristine());
        s.set_entrant_cost(b, None).unwrap();
        assert_eq!((s.stages[1].cost(), s.has_costs()), (None, false));
        assert!(s.is_pristine());
        // a typed 0 is a cost of 0: the split is shown, no figure moves
        let plain = s.forecast();
        s.set_fixed_cost(b, Some(0.0)).unwrap();
        let zero = s.forecast();
        assert!(zero.spend_split.is_some());
        assert_eq!(
            (zero.cac, zero.cpl, zero.roi, zero.spend_total),
            (plain.cac, plain.cpl, plain.roi, plain.spend_total)
        );
    }

    #[test]
    fn a_funnel_that_sells_at_the_first_stage_counts_every_visitor_as_a_customer() {
        let mut s = shop_with_sources();
        s.set_purchase(s.stages[0].id);
        let f = s.forecast();
        let t = f.traffic.as_ref().unwrap();
        assert_eq!(f.customers, 10_000.0);
        assert_eq!((t.sources[0].customers, t.sources[1].customers, t.customers), (8_000.0, 2_000.0, 10_000.0));
        assert_eq!(t.sources[0].cac, Ok(5.0)); // 40 000 / 8 000
    }

    mod properties {
        use super::super::*;
        use crate::calc::forecast::{Figure, Flow, StageFigures, Undefined};
        use crate::calc::{journey, TemplateId};
        use proptest::prelude::*;

        fn kind() -> impl Strategy<Value = SourceKind> {
            prop_oneof![
                (0.0..1e7f64, 0.01..100.0f64).prop_map(|(b, k)| SourceKind::cpc(b, k).unwrap()),
                (0.0..1e7f64, 0.01..500.0f64, 0.0..100.0f64).prop_map(|(b, m, t)| SourceKind::cpm(b, m, t).unwrap()),
                (0.0..1e6f64, 0.0..1e5f64).prop_map(|(v, c)| SourceKind::free(v, c).unwrap()),
            ]
        }

        /// Any template's scenario with its rates, top, spend, purchase mark and mode changed.
        fn scenario() -> impl Strategy<Value = Scenario> {
            (
                prop::sample::select(TemplateId::ALL.to_vec()),
                prop::collection::vec(0.0..=100.0f64, 20),
                0.0..1e9f64,
                0.0..1e7f64,
                any::<prop::sample::Index>(),
                any::<bool>(),
            )
                .prop_map(|(t, rates, top, spend, purchase, journey)| {
                    let mut s = Scenario::from_template("p".into(), "P".into(), t, Currency::Dkk);
                    let ids: Vec<u32> = s.stages.iter().map(|st| st.id).collect();
                    for (id, pct) in ids.iter().skip(1).zip(rates) {
                        s.set_rate_percent(*id, pct).unwrap();
                    }
                    s.set_count(ids[0], top).unwrap();
                    s.economics.spend = spend;
                    s.set_purchase(ids[purchase.index(ids.len())]);
                    s.set_mode(if journey { Mode::Journey } else { Mode::Funnel });
                    s
                })
        }

        fn ratio(num: f64, den: f64, why: Undefined) -> Figure {
            if den == 0.0 {
                return Err(why);
            }
            let v = num / den;
            if v.is_finite() {
                Ok(v + 0.0)
            } else {
                Err(Undefined::TooLarge)
            }
        }

        /// `figures` as it was before sources and stage costs, word for word.
        fn old_figures(flow: Flow, economics: &Economics) -> Forecast {
            let Flow { newcomers, entrants, drop_off, probability, lead, customers } = flow;
            let s = economics.spend;
            let ltv = economics.ltv();
            let m = economics.annual_margin();
            let stages = entrants
                .iter()
                .enumerate()
                .map(|(i, &e)| StageFigures {
                    entrants: e,
                    drop_off: drop_off.get(i).copied().flatten(),
                    probability: probability[i],
                    value: probability[i] * ltv,
                    first_purchase_value: probability[i] * economics.aov,
                    cost_per_entrant: ratio(s, e, Undefined::EmptyStage),
                    cost: 0.0,
                })
                .collect();
            let leads = entrants[lead];
            let revenue = customers * economics.aov;
            let cac = ratio(s, customers, Undefined::NoCustomers);
            let ltv_cac = cac.and_then(|cac| ratio(ltv, cac, Undefined::NoSpend));
            let payback_months = cac.and_then(|cac| ratio(cac, m / 12.0, Undefined::NoMargin));
            Forecast {
                stages,
                customers,
                overall_rate: ratio(customers, newcomers, Undefined::NoEntrants),
                revenue,
                cpl: ratio(s, leads, Undefined::NoLeads),
                cac,
                roas: ratio(revenue, s, Undefined::NoSpend),
                annual_margin: m,
                ltv,
                ltv_cac,
                payback_months,
                roi: ratio(customers * ltv - s, s, Undefined::NoSpend),
                spend_total: s,
                spend_split: None,
                traffic: None,
            }
        }

        /// The forecast as it was before sources and stage costs: the typed top and rates,
        /// the typed spend, the old formulas.
        fn old_forecast(s: &Scenario) -> Forecast {
            if s.mode == Mode::Journey {
                if let Ok(j) = journey::of_scenario(s) {
                    let sol = &j.solution;
                    let flow = Flow {
                        newcomers: s.top,
                        entrants: sol.newcomer_reach.iter().map(|r| s.top * r).collect(),
                        drop_off: j.drop_off.iter().map(|d| Some(*d)).collect(),
                        probability: sol.buy.clone(),
                        lead: s.index_of(s.lead).filter(|l| *l < sol.buy.len()).unwrap_or(0),
                        customers: j.customers,
                    };
                    return old_figures(flow, &s.economics);
                }
            }
            let rates = s.stages.iter().skip(1).map(|st| st.rate).collect();
            let lead = s.index_of(s.lead).unwrap_or(0);
            let purchase = s.index_of(s.purchase).unwrap_or(s.stages.len() - 1);
            let funnel = Funnel::new(s.top, rates, lead, purchase);
            let entrants = funnel.entrants();
            let drop_off = (0..entrants.len()).map(|i| entrants.get(i + 1).map(|next| entrants[i] - next)).collect();
            let customers = entrants[funnel.purchase()];
            let flow = Flow {
                newcomers: funnel.top(),
                entrants,
                drop_off,
                probability: funnel.probabilities(),
                lead: funnel.lead(),
                customers,
            };
            old_figures(flow, &s.economics)
        }

        fn near(a: f64, b: f64) -> bool {
            a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) + 1e-300
        }

        proptest! {
            #[test]
            fn without_sources_and_stage_costs_the_forecast_is_as_before(s in scenario()) {
                let f = s.forecast();
                // bit for bit: Debug prints every f64 exactly (−0 too)
                prop_assert_eq!(format!("{:?}", f), format!("{:?}", old_forecast(&s)));
                prop_assert_eq!(f.spend_total.to_bits(), s.economics.spend.to_bits());
                prop_assert!(f.spend_split.is_none() && f.traffic.is_none());
                prop_assert!(f.stages.iter().all(|st| st.cost == 0.0));
            }

            #[test]
            fn the_sources_customers_add_up_to_the_customers(
                s in scenario(),
                sources in prop::collection::vec((kind(), prop::option::of(0.0..=100.0f64)), 1..6),
                costs in prop::collection::vec((prop::option::of(0.0..1e5f64), prop::option::of(0.0..100.0f64)), 0..20),
            ) {
                let mut s = s;
                for (k, r) in sources {
                    let i = s.add_source("s", k).unwrap();
                    s.set_source_rate_percent(i, r).unwrap();
                }
                let ids: Vec<u32> = s.stages.iter().map(|st| st.id).collect();
                for (id, (fixed, per)) in ids.iter().zip(costs) {
                    s.set_fixed_cost(*id, fixed).unwrap();
                    s.set_entrant_cost(*id, per).unwrap();
                }
                let f = s.forecast();
                let t = f.traffic.as_ref().unwrap();
                let sum: f64 = t.sources.iter().map(|x| x.customers).sum();
                prop_assert!(near(sum, f.customers), "{} vs {}", sum, f.customers);
                prop_assert!(near(t.customers, f.customers), "{} vs {}", t.customers, f.customers);
                // S is its split, and every money figure is a number
                let split = f.spend_split.unwrap();
                prop_assert!(near(f.spend_total, split.other + split.media + split.stages));
                prop_assert!(near(split.media, s.sources.iter().map(|x| x.kind.budget()).sum()));
                prop_assert!(f.spend_total.is_finite());
                for x in [f.cpl, f.cac, f.roas, f.roi, f.payback_months, f.ltv_cac].into_iter().flatten() {
                    prop_assert!(x.is_finite());
                }
                // what was spent up to a stage never falls further down a straight funnel
                if s.mode == Mode::Funnel {
                    let spent: Vec<f64> = f
                        .stages
                        .iter()
                        .filter_map(|st| st.cost_per_entrant.ok().map(|q| q * st.entrants))
                        .collect();
                    prop_assert!(spent.windows(2).all(|w| w[0] <= w[1] * (1.0 + 1e-9) + 1e-9));
                }
            }
        }
    }

    #[test]
    fn a_dangling_mark_falls_back() {
        let mut s = blank();
        s.lead = 99;
        s.purchase = 98;
        let f = s.funnel();
        assert_eq!((f.lead(), f.purchase()), (0, 1));
    }
}
