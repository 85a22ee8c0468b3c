//! The scenario: what a user edits and saves — named stages with their rates, the top
//! count, the lead and purchase marks, the money inputs, currency and period — and the
//! edits the UI applies to it. Stages carry stable ids so marks and list keys follow a
//! stage when it moves.

use super::economics::{Currency, Economics, Period};
use super::forecast::{forecast, Forecast};
use super::funnel::{Funnel, Rate, MAX_STAGES, MIN_STAGES};
use super::limits::{fraction, InputError, Quantity};
use super::moves::{MoveTo, Moves};
use super::templates::TemplateId;

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
        }
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
    /// for the lead and the last for the purchase).
    pub fn funnel(&self) -> Funnel {
        let rates = self.stages.iter().skip(1).map(|s| s.rate).collect();
        let lead = self.index_of(self.lead).unwrap_or(0);
        let purchase = self.index_of(self.purchase).unwrap_or(self.stages.len().saturating_sub(1));
        Funnel::new(self.top, rates, lead, purchase)
    }

    /// The figures of the straight funnel, whatever the mode.
    pub fn funnel_forecast(&self) -> Forecast {
        forecast(&self.funnel(), &self.economics)
    }

    fn apply_funnel(&mut self, funnel: &Funnel) {
        self.top = funnel.top();
        for (i, stage) in self.stages.iter_mut().enumerate().skip(1) {
            if let Some(rate) = funnel.rate_into(i) {
                stage.rate = rate;
            }
        }
    }

    /// Applies a count typed into a stage (the entry rules of TESTIDS.md).
    pub fn set_count(&mut self, id: u32, count: f64) -> Result<(), InputError> {
        let i = self.index_of(id).ok_or(InputError::NotANumber)?;
        let count = Quantity::Count.check(count)?;
        let mut funnel = self.funnel();
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

    #[test]
    fn a_dangling_mark_falls_back() {
        let mut s = blank();
        s.lead = 99;
        s.purchase = 98;
        let f = s.funnel();
        assert_eq!((f.lead(), f.purchase()), (0, 1));
    }
}
