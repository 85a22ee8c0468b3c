//! A figure or the reason it has none: what every calculation answers with. A figure that
//! would divide by zero is `Err(Undefined)` with the reason, never NaN or ∞. (Its own module
//! so that `forecast` and `traffic`, which both use it, do not import each other.)

/// Why a figure has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// The first stage has no entrants (overall conversion).
    NoEntrants,
    /// The lead stage has no entrants (cost per lead).
    NoLeads,
    /// The stage has no entrants (cost per stage entrant).
    EmptyStage,
    /// No customers (CAC and what is built on it).
    NoCustomers,
    /// Zero spend (ROAS, ROI, LTV:CAC).
    NoSpend,
    /// Zero gross margin per year (CAC payback never happens).
    NoMargin,
    /// The result does not fit in a number.
    TooLarge,
    /// No target above 0 (goal seeking).
    NoTarget,
    /// A revenue target with an average order value of 0 (goal seeking).
    NoOrderValue,
    /// A rate of 0 % between this stage and the purchase: no number of entrants here is
    /// enough (goal seeking).
    Unreachable,
    /// No days between the stage and the purchase, so no cycle to divide by (sales velocity).
    NoCycle,
    /// Total gross margin does not cover total spend within the timeline's 24 months.
    NoBreakeven,
    /// k · P₁ ≥ 1: the referral loop sustains itself, no finite top of the funnel.
    SelfSustaining,
    /// A stage's uncertainty range has its low end above its high end (Monte Carlo).
    RangeReversed,
    /// The journey cannot be solved yet (a row or the start shares do not add up to 100 %, or
    /// a loop has no way out), and there is no earlier journey of the scenario to show.
    NoJourney,
}

/// A figure or the reason it has none.
pub type Figure = Result<f64, Undefined>;

/// `num / den`, undefined with `why` when `den` is 0, and `TooLarge` if not finite.
pub(crate) fn ratio(num: f64, den: f64, why: Undefined) -> Figure {
    if den == 0.0 {
        return Err(why);
    }
    finite(num / den)
}

/// `v`, or `TooLarge` if it is not finite (and never −0).
pub(crate) fn finite(v: f64) -> Figure {
    if v.is_finite() {
        Ok(v + 0.0)
    } else {
        Err(Undefined::TooLarge)
    }
}
