//! Time (MODELS.md §3.7): how long the funnel takes, how fast it turns into revenue, and a
//! month-by-month forecast of customers, revenue, gross margin and spend over 24 months.
//!
//! - **Days to purchase** from stage i: Σ_{j=i}^{p−1} days_j, the average days people spend
//!   in each stage from i up to the purchase stage p.
//! - **Sales velocity**, revenue per day: (opportunities · win rate · deal value) / cycle length
//!   in days, with the whole funnel as the pipeline: opportunities are the first stage's
//!   entrants per period E₁, the win rate is P₁, the deal value is the AOV and the cycle is
//!   the days to purchase from the first stage. Since E₁ · P₁ = C, velocity = C · AOV / cycle.
//!
//! The timeline (24 months) rests on four rules:
//!
//! - **Steady inflow**: the top of the funnel gets the same entrants every month from month 1,
//!   so customers per month are Cm = C · (periods per month), and spend per month is
//!   S · (periods per month), from month 1. A week is 365.25 / 12 / 7 ≈ 4.35 per month, a
//!   quarter 1/3 and a year 1/12.
//! - **Stage delays**: a month's entrants become customers the days to purchase later. That is
//!   δ = days / (365.25 / 12) months, k = ⌊δ⌋ whole months and a fraction φ = δ − k: month
//!   m (1-based) gets Cm · [(m − 1 ≥ k) · (1 − φ) + (m − 1 ≥ k + 1) · φ] new customers. With
//!   no delay every month gets Cm; after the delay, exactly Cm per month.
//! - **Retention and repeat purchases**: each active customer buys f times a year, spread
//!   evenly, so brings AOV · f / 12 of revenue per month (the first purchase is one of the f,
//!   as in LTV = m · L); gross margin is revenue · g. A customer acquired in month a is active
//!   from month a on: with the simple method for 12 · L months (a fractional last month counts
//!   with its fraction); with the retention method the share still active j months later is
//!   s^j, s = r^(1/12) the monthly survival. The discount rate does not apply: the timeline
//!   is cash as it comes in.
//! - **Break-even**: the first month whose cumulative gross margin reaches the cumulative
//!   spend; none when that does not happen within the 24 months (with no spend, month 1).
//!
//! Negative or missing inputs count as 0, and every number is finite.

use super::economics::{Economics, LtvMethod, Period};
use super::forecast::{Figure, Undefined};

/// Months in the timeline.
pub const MONTHS: usize = 24;

/// Average days per month, 365.25 / 12.
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// Ceiling for counts, money and purchases per year: far above anything the input limits
/// let through, low enough that no product of them overflows.
const HUGE: f64 = 1e15;

/// Highest annual retention, as in the retention LTV.
const MAX_RETENTION: f64 = 0.99;

/// `x` if positive, capped at `max`; 0 for negative, zero and NaN.
fn clean(x: f64, max: f64) -> f64 {
    if x > 0.0 {
        x.min(max)
    } else {
        0.0
    }
}

/// How many of `period` fit in a month: Week → DAYS_PER_MONTH / 7, Month → 1, Quarter → 1/3,
/// Year → 1/12.
///
/// # Examples
/// ```
/// use tragt::calc::time::{per_month, DAYS_PER_MONTH};
/// use tragt::calc::Period;
/// // 365.25 / 12 = 30.4375 days a month; / 7 ≈ 4.348 weeks
/// assert_eq!(per_month(Period::Week), DAYS_PER_MONTH / 7.0);
/// assert!((per_month(Period::Week) - 4.348_214_285_714_286).abs() < 1e-12);
/// assert_eq!(per_month(Period::Month), 1.0);
/// // 30 customers a quarter are 30 / 3 = 10 a month
/// assert_eq!(30.0 * per_month(Period::Quarter), 10.0);
/// assert_eq!(per_month(Period::Year), 1.0 / 12.0);
/// ```
pub fn per_month(period: Period) -> f64 {
    match period {
        Period::Week => DAYS_PER_MONTH / 7.0,
        Period::Month => 1.0,
        Period::Quarter => 1.0 / 3.0,
        Period::Year => 1.0 / 12.0,
    }
}

/// Days to purchase from each stage i = 0..=purchase: Σ_{j=i}^{purchase−1} days[j], where
/// days[j] is the average days a person spends in stage j before moving on; element `purchase`
/// is 0. `days.len()` is the number of stages; negative and NaN days count as 0. A `purchase`
/// past the last stage means the last stage.
///
/// # Examples
/// ```
/// use tragt::calc::time::days_to_purchase;
/// // stages: 3, 10, 14 days, then the purchase stage (its own days do not count)
/// // from stage 1: 3 + 10 + 14 = 27; stage 2: 10 + 14 = 24; stage 3: 14; purchase: 0
/// assert_eq!(days_to_purchase(&[3.0, 10.0, 14.0, 30.0], 3), vec![27.0, 24.0, 14.0, 0.0]);
/// // a negative or missing (NaN) stage adds nothing: 0 + 5 = 5
/// assert_eq!(days_to_purchase(&[-2.0, f64::NAN, 5.0, 1.0], 3), vec![5.0, 5.0, 5.0, 0.0]);
/// ```
pub fn days_to_purchase(days: &[f64], purchase: usize) -> Vec<f64> {
    let purchase = purchase.min(days.len().saturating_sub(1));
    let mut out = vec![0.0; purchase + 1];
    for i in (0..purchase).rev() {
        out[i] = out[i + 1] + clean(days[i], HUGE);
    }
    out
}

/// Sales velocity, revenue per day: (opportunities · win rate · deal value) / cycle length in
/// days, with the whole funnel as the pipeline: opportunities = first-stage entrants per
/// period E₁, win rate = P₁, deal value = AOV, cycle = days to purchase from the first stage.
/// Since E₁ · P₁ = C (customers per period), velocity = C · AOV / cycle.
///
/// `Err(NoCycle)` when the cycle is 0 days (negative and NaN inputs count as 0);
/// `Err(TooLarge)` when the result does not fit in a number.
///
/// # Examples
/// ```
/// use tragt::calc::time::velocity;
/// use tragt::calc::Undefined;
/// // 50 customers · 450 per order over a 30-day cycle: 22 500 / 30 = 750 a day
/// assert_eq!(velocity(50.0, 450.0, 30.0), Ok(750.0));
/// assert_eq!(velocity(50.0, 450.0, 0.0), Err(Undefined::NoCycle));
/// ```
pub fn velocity(customers: f64, aov: f64, cycle_days: f64) -> Figure {
    let cycle = clean(cycle_days, f64::INFINITY);
    if cycle == 0.0 {
        return Err(Undefined::NoCycle);
    }
    let v = clean(customers, f64::INFINITY) * clean(aov, f64::INFINITY) / cycle;
    if v.is_finite() {
        Ok(v + 0.0)
    } else {
        Err(Undefined::TooLarge)
    }
}

/// What the timeline is computed from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineInput {
    /// Customers per period, C.
    pub customers: f64,
    /// The period `customers` and the economics' spend refer to.
    pub period: Period,
    /// Days to purchase from the first stage.
    pub delay_days: f64,
    /// Spend, AOV, purchases per year, gross margin and the LTV method with its inputs.
    pub economics: Economics,
}

/// One month of the timeline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Month {
    /// The month, 1-based.
    pub month: usize,
    /// Customers acquired this month.
    pub new_customers: f64,
    /// Customers buying this month: every earlier cohort weighted by the share still active.
    pub active_customers: f64,
    /// Customers acquired up to and including this month.
    pub cumulative_customers: f64,
    /// Revenue this month: active customers · AOV · f / 12.
    pub revenue: f64,
    /// Gross margin this month: revenue · g.
    pub margin: f64,
    /// Spend this month: spend per period · periods per month.
    pub spend: f64,
    /// Revenue up to and including this month.
    pub cumulative_revenue: f64,
    /// Gross margin up to and including this month.
    pub cumulative_margin: f64,
    /// Spend up to and including this month.
    pub cumulative_spend: f64,
}

/// The month-by-month forecast.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// [`MONTHS`] months, month 1 first.
    pub months: Vec<Month>,
    /// The first month (1-based) whose cumulative gross margin reaches the cumulative spend;
    /// `None` if that does not happen within [`MONTHS`] months.
    pub breakeven: Option<usize>,
}

/// The 24-month forecast (module documentation: steady inflow, stage delays, retention and
/// repeat purchases, break-even).
///
/// # Examples
/// ```
/// use tragt::calc::time::{timeline, TimelineInput, MONTHS};
/// use tragt::calc::{Economics, LtvMethod, Period};
/// // 10 customers and 1 000 of spend a month, no delay; AOV 100 bought 12 times a year for
/// // 1 year at 50 % margin. An active customer brings 100 · 12 / 12 = 100 a month, 50 of margin.
/// let economics = Economics { spend: 1_000.0, aov: 100.0, frequency: 12.0, margin: 0.5,
///                             method: LtvMethod::Simple, lifespan: 1.0, ..Economics::default() };
/// let t = timeline(&TimelineInput { customers: 10.0, period: Period::Month, delay_days: 0.0, economics });
/// assert_eq!(t.months.len(), MONTHS);
/// // month m has 10 · m active customers (m ≤ 12), so 500 · m of margin:
/// // cumulative margin 500, 1 500, 3 000 against spend 1 000, 2 000, 3 000 → month 3
/// assert_eq!(t.months[0].revenue, 1_000.0);
/// assert_eq!(t.months[2].cumulative_margin, 3_000.0);
/// assert_eq!(t.breakeven, Some(3));
/// // from month 12 on, 120 customers are active: each month's cohort replaces the one leaving
/// assert_eq!(t.months[23].active_customers, 120.0);
/// ```
pub fn timeline(input: &TimelineInput) -> Timeline {
    let e = &input.economics;
    let rate = per_month(input.period);
    let inflow = clean(input.customers, HUGE) * rate;
    let spend = clean(e.spend, HUGE) * rate;
    // revenue per active customer per month, AOV · f / 12
    let per_customer = clean(e.aov, HUGE) * clean(e.frequency, HUGE) / 12.0;
    let g = clean(e.margin, 1.0);

    // delay in months: δ = k + φ; a delay past the timeline brings no one within it
    let delay = clean(input.delay_days, (MONTHS + 1) as f64 * DAYS_PER_MONTH) / DAYS_PER_MONTH;
    let whole = delay.floor();
    let k = whole as usize;
    let phi = delay - whole;

    // the share of a cohort still active j months after its first month
    let mut active_share = [0.0; MONTHS];
    match e.method {
        LtvMethod::Simple => {
            let months_active = 12.0 * clean(e.lifespan, HUGE);
            for (j, w) in active_share.iter_mut().enumerate() {
                *w = (months_active - j as f64).clamp(0.0, 1.0);
            }
        }
        LtvMethod::Retention => {
            let s = clean(e.retention, MAX_RETENTION).powf(1.0 / 12.0);
            let mut w = 1.0;
            for share in active_share.iter_mut() {
                *share = w;
                w *= s;
            }
        }
    }

    let mut new = [0.0; MONTHS];
    for (i, n) in new.iter_mut().enumerate() {
        // i = m − 1
        *n = if i > k {
            inflow
        } else if i == k {
            inflow * (1.0 - phi)
        } else {
            0.0
        };
    }

    let mut months = Vec::with_capacity(MONTHS);
    let mut breakeven = None;
    let (mut customers, mut revenue, mut margin, mut spent) = (0.0, 0.0, 0.0, 0.0);
    for i in 0..MONTHS {
        let active: f64 = (0..=i).map(|a| new[a] * active_share[i - a]).sum();
        let month_revenue = active * per_customer;
        let month_margin = month_revenue * g;
        customers += new[i];
        revenue += month_revenue;
        margin += month_margin;
        spent += spend;
        if breakeven.is_none() && margin >= spent {
            breakeven = Some(i + 1);
        }
        months.push(Month {
            month: i + 1,
            new_customers: new[i],
            active_customers: active,
            cumulative_customers: customers,
            revenue: month_revenue,
            margin: month_margin,
            spend,
            cumulative_revenue: revenue,
            cumulative_margin: margin,
            cumulative_spend: spent,
        });
    }
    Timeline { months, breakeven }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
    }

    /// 10 customers and 1 000 of spend a month; AOV 100, 12 purchases a year, 50 % margin,
    /// simple LTV over 1 year; no delay.
    fn shop() -> TimelineInput {
        TimelineInput {
            customers: 10.0,
            period: Period::Month,
            delay_days: 0.0,
            economics: Economics {
                spend: 1_000.0,
                aov: 100.0,
                frequency: 12.0,
                margin: 0.5,
                method: LtvMethod::Simple,
                lifespan: 1.0,
                retention: 0.6,
                discount: 0.1,
            },
        }
    }

    #[test]
    fn days_to_purchase_sums_the_stages_up_to_the_purchase() {
        // days 2, 5, 7, 20 with purchase at stage 3 (0-based 2):
        // stage 1: 2 + 5 = 7; stage 2: 5; purchase: 0 (its 7 days and stage 4's 20 do not count)
        assert_eq!(days_to_purchase(&[2.0, 5.0, 7.0, 20.0], 2), vec![7.0, 5.0, 0.0]);
        // purchase at the last stage: 2 + 5 + 7 = 14, 5 + 7 = 12, 7, 0
        assert_eq!(days_to_purchase(&[2.0, 5.0, 7.0, 20.0], 3), vec![14.0, 12.0, 7.0, 0.0]);
        // purchase at the first stage: nothing to wait for
        assert_eq!(days_to_purchase(&[2.0, 5.0, 7.0, 20.0], 0), vec![0.0]);
    }

    #[test]
    fn days_to_purchase_ignores_bad_days_and_clamps_the_purchase() {
        // −4 and NaN count as 0: stage 1: 0 + 0 + 6 = 6
        assert_eq!(days_to_purchase(&[-4.0, f64::NAN, 6.0, 1.0], 3), vec![6.0, 6.0, 6.0, 0.0]);
        // a purchase index past the 3 stages means the last stage: 1 + 2 = 3, 2, 0
        assert_eq!(days_to_purchase(&[1.0, 2.0, 3.0], 9), vec![3.0, 2.0, 0.0]);
        assert_eq!(days_to_purchase(&[], 0), vec![0.0]);
        // an infinite stage is capped, so the sums stay finite
        assert!(days_to_purchase(&[f64::INFINITY, 1.0], 1).iter().all(|d| d.is_finite()));
    }

    #[test]
    fn velocity_is_revenue_per_day_of_cycle() {
        // 1000 entrants · P₁ 0.02 = 20 customers; 20 · 5 000 = 100 000 over 40 days = 2 500 a day
        assert_eq!(velocity(1000.0 * 0.02, 5_000.0, 40.0), Ok(2_500.0));
        assert_eq!(velocity(20.0, 5_000.0, 0.0), Err(Undefined::NoCycle));
        assert_eq!(velocity(20.0, 5_000.0, -3.0), Err(Undefined::NoCycle));
        assert_eq!(velocity(20.0, 5_000.0, f64::NAN), Err(Undefined::NoCycle));
        assert_eq!(velocity(0.0, 5_000.0, 40.0), Ok(0.0));
        assert_eq!(velocity(1e300, 1e300, 1.0), Err(Undefined::TooLarge));
        assert_eq!(velocity(1e12, 1e12, f64::MIN_POSITIVE), Err(Undefined::TooLarge));
    }

    #[test]
    fn no_delay_simple_lifespan_of_a_year() {
        let t = timeline(&shop());
        assert_eq!(t.months.len(), MONTHS);
        for (i, m) in t.months.iter().enumerate() {
            let n = (i + 1) as f64;
            assert_eq!(m.month, i + 1);
            // every month brings Cm = 10 new customers; cumulative 10 · m
            assert_eq!(m.new_customers, 10.0);
            assert_eq!(m.cumulative_customers, 10.0 * n);
            // active: 10 · m up to month 12, then flat at 120 (month 13 loses month 1's cohort)
            let active = 10.0 * n.min(12.0);
            assert_eq!(m.active_customers, active);
            // revenue = active · 100 · 12 / 12 = 100 · active; margin half of it
            assert_eq!(m.revenue, 100.0 * active);
            assert_eq!(m.margin, 50.0 * active);
            assert_eq!(m.spend, 1_000.0);
            assert_eq!(m.cumulative_spend, 1_000.0 * n);
        }
        // month 1: 10 · 100 · 12 / 12 = 1 000 revenue, 500 margin
        assert_eq!(t.months[0].revenue, 1_000.0);
        assert_eq!(t.months[0].margin, 500.0);
        // cumulative margin up to month m ≤ 12: 500 · (1 + … + m) = 250 · m · (m + 1)
        // month 2: 250 · 2 · 3 = 1 500 < 2 000; month 3: 250 · 3 · 4 = 3 000 ≥ 3 000
        assert_eq!(t.months[1].cumulative_margin, 1_500.0);
        assert_eq!(t.months[2].cumulative_margin, 3_000.0);
        assert_eq!(t.months[2].cumulative_spend, 3_000.0);
        assert_eq!(t.breakeven, Some(3));
        // months 13–24 add 6 000 each: 250 · 12 · 13 + 12 · 6 000 = 39 000 + 72 000 = 111 000
        assert_eq!(t.months[23].cumulative_margin, 111_000.0);
        // revenue is twice the margin: 222 000
        assert_eq!(t.months[23].cumulative_revenue, 222_000.0);
    }

    #[test]
    fn a_delay_of_45_days_moves_the_first_customers_into_month_2() {
        // δ = 45 / 30.4375 ≈ 1.4784: k = 1, φ ≈ 0.4784
        // month 1: 0; month 2: 10 · (1 − φ) ≈ 5.216; month 3 on: 10 · ((1 − φ) + φ) = 10
        let t = timeline(&TimelineInput { delay_days: 45.0, ..shop() });
        let phi = 45.0 / DAYS_PER_MONTH - 1.0;
        assert!((phi - 0.478_439_425_051_334_7).abs() < 1e-12);
        assert_eq!(t.months[0].new_customers, 0.0);
        assert!(close(t.months[1].new_customers, 10.0 * (1.0 - phi)));
        assert!(close(t.months[1].new_customers, 5.215_605_749_486_653));
        for m in &t.months[2..] {
            assert_eq!(m.new_customers, 10.0);
        }
        // month 1 has no one to sell to, but spends 1 000
        assert_eq!(t.months[0].revenue, 0.0);
        assert_eq!(t.months[0].cumulative_spend, 1_000.0);
        // month 3 active: 5.2156… + 10; cumulative margin 50 · (5.2156 + 15.2156) ≈ 1 021.6
        // month 4: + 50 · 25.2156 ≈ 2 282.3 < 4 000; month 5: + 50 · 35.2156 ≈ 4 043.1 < 5 000
        // month 6: + 50 · 45.2156 ≈ 6 303.9 ≥ 6 000
        assert_eq!(t.breakeven, Some(6));
    }

    #[test]
    fn a_delay_of_whole_months_shifts_everything() {
        // 2 · 30.4375 = 60.875 days: k = 2, φ = 0, so months 1 and 2 are empty and month 3 full
        let t = timeline(&TimelineInput { delay_days: 2.0 * DAYS_PER_MONTH, ..shop() });
        assert_eq!(t.months[1].new_customers, 0.0);
        assert_eq!(t.months[2].new_customers, 10.0);
        // a delay longer than the timeline: no one arrives, no break-even
        let t = timeline(&TimelineInput { delay_days: 3650.0, ..shop() });
        assert!(t.months.iter().all(|m| m.new_customers == 0.0 && m.revenue == 0.0));
        assert_eq!(t.breakeven, None);
    }

    #[test]
    fn periods_convert_to_months() {
        // 7 a week · 30.4375 / 7 weeks a month = 30.4375 customers a month
        let w = timeline(&TimelineInput { customers: 7.0, period: Period::Week, ..shop() });
        assert!(close(w.months[0].new_customers, 30.4375));
        // spend 1 000 a week · 4.348… = 4 348.21… a month
        assert!(close(w.months[0].spend, 4_348.214_285_714_285));
        // 30 a quarter → 10 a month; spend 3 000 a quarter → 1 000 a month
        let mut q = shop();
        q.customers = 30.0;
        q.period = Period::Quarter;
        q.economics.spend = 3_000.0;
        let q = timeline(&q);
        assert!(close(q.months[0].new_customers, 10.0));
        assert!(close(q.months[0].spend, 1_000.0));
        // 120 a year → 10 a month; spend 12 000 a year → 1 000 a month
        let mut y = shop();
        y.customers = 120.0;
        y.period = Period::Year;
        y.economics.spend = 12_000.0;
        let y = timeline(&y);
        assert!(close(y.months[5].new_customers, 10.0));
        assert!(close(y.months[5].cumulative_spend, 6_000.0));
        assert_eq!(y.breakeven, Some(3));
    }

    #[test]
    fn a_fractional_lifespan_counts_its_last_month_in_part() {
        // L = 1.5 / 12 years = 1.5 months: a cohort counts 1 in its first month, 0.5 in its second
        // active: month 1 = 10, from month 2 on 10 + 5 = 15
        let mut input = shop();
        input.economics.lifespan = 1.5 / 12.0;
        let t = timeline(&input);
        assert_eq!(t.months[0].active_customers, 10.0);
        assert!(t.months[1..].iter().all(|m| m.active_customers == 15.0));
        // margin a month: 15 · 50 = 750 < 1 000 of spend; month 1: 500 < 1 000 → never
        assert_eq!(t.breakeven, None);
        // L = 0: never active, so no revenue at all
        input.economics.lifespan = 0.0;
        let t = timeline(&input);
        assert!(t.months.iter().all(|m| m.active_customers == 0.0 && m.revenue == 0.0));
        assert_eq!(t.months[23].cumulative_customers, 240.0);
    }

    #[test]
    fn retention_keeps_a_surviving_share_each_month() {
        // r = 0.5: monthly survival s = 0.5^(1/12) ≈ 0.943 874
        let mut input = shop();
        input.economics.method = LtvMethod::Retention;
        input.economics.retention = 0.5;
        let t = timeline(&input);
        let s = 0.5f64.powf(1.0 / 12.0);
        assert!((s - 0.943_874_312_681_693_5).abs() < 1e-12);
        // month 1: 10; month 2: 10 · (1 + s) ≈ 19.4387
        assert_eq!(t.months[0].active_customers, 10.0);
        assert!(close(t.months[1].active_customers, 10.0 * (1.0 + s)));
        // month m: 10 · (1 − s^m) / (1 − s)
        for (i, m) in t.months.iter().enumerate() {
            let n = (i + 1) as i32;
            assert!(close(m.active_customers, 10.0 * (1.0 - s.powi(n)) / (1.0 - s)));
        }
        // a year on, half of month 1's cohort is left: active(13) − active(12) = 10 · s¹² = 5
        assert!((t.months[12].active_customers - t.months[11].active_customers - 5.0).abs() < 1e-9);
        // the discount rate does not touch the timeline
        input.economics.discount = 0.9;
        assert_eq!(timeline(&input), t);
        // r = 0: a customer buys only in the month of acquisition
        input.economics.retention = 0.0;
        assert!(timeline(&input).months.iter().all(|m| m.active_customers == 10.0));
        // r above 99 % is held at 99 %, like the LTV
        input.economics.retention = 1.0;
        let capped = timeline(&input);
        input.economics.retention = 0.99;
        assert_eq!(capped, timeline(&input));
    }

    #[test]
    fn no_margin_never_breaks_even() {
        let mut input = shop();
        input.economics.margin = 0.0;
        let t = timeline(&input);
        assert!(t.months.iter().all(|m| m.margin == 0.0));
        assert_eq!(t.breakeven, None);
    }

    #[test]
    fn no_spend_breaks_even_in_month_1() {
        // 0 ≥ 0 even before anyone buys
        let mut input = shop();
        input.economics.spend = 0.0;
        input.delay_days = 200.0;
        let t = timeline(&input);
        assert_eq!(t.months[0].cumulative_margin, 0.0);
        assert_eq!(t.breakeven, Some(1));
    }

    #[test]
    fn bad_inputs_count_as_zero_and_absurd_ones_stay_finite() {
        let mut input = shop();
        input.customers = -5.0;
        input.delay_days = f64::NAN;
        input.economics.aov = f64::NAN;
        let t = timeline(&input);
        assert!(t.months.iter().all(|m| m.new_customers == 0.0 && m.revenue == 0.0));
        let huge = TimelineInput {
            customers: f64::INFINITY,
            period: Period::Week,
            delay_days: f64::INFINITY,
            economics: Economics {
                spend: f64::MAX,
                aov: f64::INFINITY,
                frequency: 1e300,
                margin: 7.0,
                method: LtvMethod::Simple,
                lifespan: f64::INFINITY,
                retention: f64::NAN,
                discount: f64::NAN,
            },
        };
        for input in [huge, TimelineInput { delay_days: 0.0, ..huge }] {
            let t = timeline(&input);
            for m in &t.months {
                for v in [
                    m.new_customers,
                    m.active_customers,
                    m.cumulative_customers,
                    m.revenue,
                    m.margin,
                    m.spend,
                    m.cumulative_revenue,
                    m.cumulative_margin,
                    m.cumulative_spend,
                ] {
                    assert!(v.is_finite() && v >= 0.0, "{m:?}");
                }
            }
        }
        // a margin above 100 % is held at 100 %: margin equals revenue
        let t = timeline(&TimelineInput { delay_days: 0.0, ..huge });
        assert_eq!(t.months[3].margin, t.months[3].revenue);
    }
}
