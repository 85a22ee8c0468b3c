//! The straight funnel: entrants per stage from the top count and the stage-to-stage
//! rates (MODELS.md §3.1), the chance to buy from each stage (§3.5), and the entry rules
//! of TESTIDS.md (typing a count or a rate).
//!
//! The rates are the state, not the counts: a stage with 0 entrants keeps the rates below
//! it, so raising it again restores every count underneath.

use super::limits::InputError;

/// Fewest stages a funnel may have.
pub const MIN_STAGES: usize = 2;
/// Most stages a funnel may have.
pub const MAX_STAGES: usize = 20;

/// A conversion rate: the fraction of one stage's entrants who reach the next, in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Rate(f64);

/// Why a number is not a rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateError {
    /// NaN or infinite.
    NotFinite,
    /// Below 0.
    Negative,
    /// Above 1 (100 %).
    AboveOne,
}

impl Rate {
    /// Everyone goes on: 100 %.
    pub const ONE: Rate = Rate(1.0);

    /// A rate from a fraction in [0, 1].
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::{Rate, RateError};
    /// assert_eq!(Rate::new(0.25).unwrap().get(), 0.25);
    /// assert_eq!(Rate::new(1.5), Err(RateError::AboveOne));
    /// ```
    pub fn new(fraction: f64) -> Result<Rate, RateError> {
        if !fraction.is_finite() {
            Err(RateError::NotFinite)
        } else if fraction < 0.0 {
            Err(RateError::Negative)
        } else if fraction > 1.0 {
            Err(RateError::AboveOne)
        } else {
            Ok(Rate(fraction + 0.0))
        }
    }

    /// A rate from a percentage in [0, 100]: `from_percent(40.0)` is 40 / 100 = 0.4.
    pub fn from_percent(percent: f64) -> Result<Rate, RateError> {
        Rate::new(percent / 100.0)
    }

    /// The fraction in [0, 1].
    pub fn get(self) -> f64 {
        self.0
    }

    /// The rate in percent.
    pub fn percent(self) -> f64 {
        self.0 * 100.0
    }
}

/// A straight funnel: the entrants of the first stage and the rate into each later stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Funnel {
    top: f64,
    /// `rates[k]` is the rate from stage k+1 into stage k+2 (1-based): len = stages − 1.
    rates: Vec<Rate>,
    lead: usize,
    purchase: usize,
}

/// Why a typed count could not be applied.
pub type EntryError = InputError;

impl Funnel {
    /// A funnel of `rates.len() + 1` stages. `lead` and `purchase` are 0-based stage indexes,
    /// clamped into the funnel; `top` is clamped to a non-negative finite count.
    pub fn new(top: f64, rates: Vec<Rate>, lead: usize, purchase: usize) -> Funnel {
        let last = rates.len();
        let top = if top.is_finite() && top > 0.0 { top } else { 0.0 };
        Funnel { top, rates, lead: lead.min(last), purchase: purchase.min(last) }
    }

    /// Number of stages.
    pub fn len(&self) -> usize {
        self.rates.len() + 1
    }

    /// A funnel always has at least one stage.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Entrants of the first stage.
    pub fn top(&self) -> f64 {
        self.top
    }

    /// The rate into stage `i` (0-based, i ≥ 1); `None` for the first stage.
    pub fn rate_into(&self, i: usize) -> Option<Rate> {
        i.checked_sub(1).and_then(|k| self.rates.get(k).copied())
    }

    /// The lead stage (0-based).
    pub fn lead(&self) -> usize {
        self.lead
    }

    /// The purchase stage (0-based).
    pub fn purchase(&self) -> usize {
        self.purchase
    }

    /// Entrants per stage: E₁ = top, E_{i+1} = E_i · c_i.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::{Funnel, Rate};
    /// // 50 000 · 0.4 = 20 000; 20 000 · 0.12 = 2 400
    /// let f = Funnel::new(50_000.0, vec![Rate::new(0.4).unwrap(), Rate::new(0.12).unwrap()], 1, 2);
    /// assert_eq!(f.entrants(), vec![50_000.0, 20_000.0, 2_400.0]);
    /// ```
    pub fn entrants(&self) -> Vec<f64> {
        let mut out = Vec::with_capacity(self.len());
        let mut e = self.top;
        out.push(e);
        for r in &self.rates {
            e *= r.get();
            out.push(e);
        }
        out
    }

    /// Chance that a person at each stage goes on to buy: P_i = Π_{j=i}^{p−1} c_j, so
    /// P_p = 1; stages after the purchase stage are customers already (P = 1).
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::{Funnel, Rate};
    /// // purchase at stage 3: P₃ = 1, P₂ = 0.5, P₁ = 0.1 · 0.5 = 0.05
    /// let f = Funnel::new(1000.0, vec![Rate::new(0.1).unwrap(), Rate::new(0.5).unwrap()], 1, 2);
    /// assert_eq!(f.probabilities(), vec![0.05, 0.5, 1.0]);
    /// ```
    pub fn probabilities(&self) -> Vec<f64> {
        let mut p = vec![1.0; self.len()];
        for i in (0..self.purchase).rev() {
            p[i] = self.rates[i].get() * p[i + 1];
        }
        p
    }

    /// Sets the first stage's entrants; every later count follows through the rates.
    pub fn set_top(&mut self, count: f64) {
        if count.is_finite() && count >= 0.0 {
            self.top = count + 0.0;
        }
    }

    /// Sets the rate into stage `i` (0-based, i ≥ 1). Counts below follow.
    pub fn set_rate(&mut self, i: usize, rate: Rate) {
        if let Some(k) = i.checked_sub(1) {
            if let Some(slot) = self.rates.get_mut(k) {
                *slot = rate;
            }
        }
    }

    /// Applies a count typed into stage `i` (TESTIDS.md entry rules): the first stage's
    /// count rescales the funnel; a later stage's count sets its rate to
    /// count / entrants of the stage above, and the stages below keep their rates.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::{Funnel, InputError, Rate};
    /// let mut f = Funnel::new(1000.0, vec![Rate::new(0.5).unwrap(), Rate::new(0.5).unwrap()], 0, 2);
    /// f.set_count(1, 250.0).unwrap();            // rate into stage 2 = 250 / 1000 = 0.25
    /// assert_eq!(f.entrants(), vec![1000.0, 250.0, 125.0]);
    /// assert_eq!(f.set_count(1, 2000.0), Err(InputError::ExceedsAbove));
    /// ```
    pub fn set_count(&mut self, i: usize, count: f64) -> Result<(), EntryError> {
        if count.is_nan() {
            return Err(InputError::NotANumber);
        }
        if count < 0.0 {
            return Err(InputError::Negative);
        }
        if i == 0 {
            self.set_top(count);
            return Ok(());
        }
        if i >= self.len() {
            return Ok(());
        }
        let above = self.entrants()[i - 1];
        if above == 0.0 {
            // No rate can be derived from an empty stage; 0 keeps the rate as it is.
            return if count == 0.0 { Ok(()) } else { Err(InputError::AboveEmpty) };
        }
        let rate = Rate::new(count / above).map_err(|_| InputError::ExceedsAbove)?;
        self.set_rate(i, rate);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates(pcts: &[f64]) -> Vec<Rate> {
        pcts.iter().map(|p| Rate::from_percent(*p).unwrap()).collect()
    }

    #[test]
    fn web_shop_entrants_follow_the_rates() {
        // 50 000 · 0.40 = 20 000; · 0.12 = 2 400; · 0.35 = 840; · 0.60 = 504
        let f = Funnel::new(50_000.0, rates(&[40.0, 12.0, 35.0, 60.0]), 2, 4);
        let e = f.entrants();
        for (got, want) in e.iter().zip([50_000.0, 20_000.0, 2_400.0, 840.0, 504.0]) {
            assert!((got - want).abs() < 1e-9, "{got} vs {want}");
        }
    }

    #[test]
    fn probabilities_multiply_the_rates_down_to_purchase() {
        // P₅ = 1; P₄ = 0.6; P₃ = 0.35 · 0.6 = 0.21; P₂ = 0.12 · 0.21 = 0.0252; P₁ = 0.4 · 0.0252 = 0.01008
        let f = Funnel::new(50_000.0, rates(&[40.0, 12.0, 35.0, 60.0]), 2, 4);
        let p = f.probabilities();
        for (got, want) in p.iter().zip([0.01008, 0.0252, 0.21, 0.6, 1.0]) {
            assert!((got - want).abs() < 1e-15, "{got} vs {want}");
        }
    }

    #[test]
    fn stages_after_purchase_are_customers_already() {
        // purchase at stage 2 (index 1): the retention stage after it has P = 1
        let f = Funnel::new(100.0, rates(&[20.0, 40.0]), 0, 1);
        assert_eq!(f.probabilities(), vec![0.2, 1.0, 1.0]);
    }

    #[test]
    fn an_empty_stage_keeps_the_rates_below_it() {
        // rate into stage 2 set to 0: stage 2 and 3 are empty, but P₂ = 0.5 stays defined
        let mut f = Funnel::new(1000.0, rates(&[10.0, 50.0]), 1, 2);
        f.set_rate(1, Rate::new(0.0).unwrap());
        assert_eq!(f.entrants(), vec![1000.0, 0.0, 0.0]);
        assert_eq!(f.probabilities(), vec![0.0, 0.5, 1.0]);
        // typing 0 under an empty stage is fine; typing more is not
        assert_eq!(f.set_count(2, 0.0), Ok(()));
        assert_eq!(f.set_count(2, 5.0), Err(InputError::AboveEmpty));
        // raising the rate again restores the counts: 1000 · 0.2 = 200; 200 · 0.5 = 100
        f.set_rate(1, Rate::new(0.2).unwrap());
        assert_eq!(f.entrants(), vec![1000.0, 200.0, 100.0]);
    }

    #[test]
    fn typing_the_first_count_rescales_everything() {
        // 1000 → 3000: 3000 · 0.5 = 1500, · 0.5 = 750
        let mut f = Funnel::new(1000.0, rates(&[50.0, 50.0]), 0, 2);
        f.set_count(0, 3000.0).unwrap();
        assert_eq!(f.entrants(), vec![3000.0, 1500.0, 750.0]);
    }

    #[test]
    fn typing_a_count_keeps_the_rates_below() {
        // stage 2 := 100 of 1000 → rate 0.1; stage 3 keeps 50 %: 100 · 0.5 = 50
        let mut f = Funnel::new(1000.0, rates(&[50.0, 50.0]), 0, 2);
        f.set_count(1, 100.0).unwrap();
        assert_eq!(f.rate_into(1).unwrap().get(), 0.1);
        assert_eq!(f.entrants(), vec![1000.0, 100.0, 50.0]);
    }

    #[test]
    fn bad_counts_are_refused_and_change_nothing() {
        let mut f = Funnel::new(1000.0, rates(&[50.0]), 0, 1);
        let before = f.clone();
        assert_eq!(f.set_count(1, -1.0), Err(InputError::Negative));
        assert_eq!(f.set_count(1, f64::NAN), Err(InputError::NotANumber));
        assert_eq!(f.set_count(1, 1000.5), Err(InputError::ExceedsAbove));
        assert_eq!(f, before);
    }

    #[test]
    fn rates_reject_what_is_not_a_fraction() {
        assert_eq!(Rate::new(f64::NAN), Err(RateError::NotFinite));
        assert_eq!(Rate::new(f64::INFINITY), Err(RateError::NotFinite));
        assert_eq!(Rate::new(-0.01), Err(RateError::Negative));
        assert_eq!(Rate::new(1.0 + 1e-9), Err(RateError::AboveOne));
        assert_eq!(Rate::from_percent(12.5).unwrap().get(), 0.125);
    }

    #[test]
    fn lead_and_purchase_are_clamped_into_the_funnel() {
        let f = Funnel::new(-5.0, rates(&[50.0]), 7, 9);
        assert_eq!((f.lead(), f.purchase(), f.top()), (1, 1, 0.0));
    }
}
