//! Uncertainty (MODELS.md §3.10): a Monte Carlo over the conversion rates. A rate with a
//! low–high range is drawn uniformly from it in every trial; a rate without one stays at
//! its point value. Out of ≥ 10 000 trials come P10 / P50 / P90 of customers, revenue and
//! CAC, and a histogram of the customers.
//!
//! Seeded and reproducible: the draws come from a xoshiro256++ generator seeded with the
//! caller's seed (never from the OS or a clock), one draw per ranged rate, in stage order,
//! trial after trial. The same inputs and seed give the same outcome on every machine.
//!
//! Each trial multiplies the rates from the top in stage order, exactly as
//! [`Funnel::entrants`](super::Funnel::entrants) does, so with every range zero-wide (or
//! every rate fixed) each trial is the point forecast bit for bit.

use rand_xoshiro::rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::forecast::{Figure, Undefined};
use super::scenario::Scenario;

/// Trials when the user has not chosen.
pub const DEFAULT_TRIALS: u32 = 10_000;
/// Fewest trials (MODELS.md §3.10: ≥ 10 000).
pub const MIN_TRIALS: u32 = 10_000;
/// Most trials.
pub const MAX_TRIALS: u32 = 100_000;
/// Seed when the user has not chosen.
pub const DEFAULT_SEED: u32 = 1;
/// Bins of the customers histogram.
pub const BINS: usize = 20;

/// One rate's spread: fixed at the point rate, or uniform over [low, high] (fractions 0..=1).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum Spread {
    /// The rate is its point value in every trial (and takes no draw).
    #[default]
    Fixed,
    /// The rate is drawn uniformly from [low, high] in every trial: low + u · (high − low)
    /// with u in [0, 1), so a zero-wide range is exactly `low`.
    Uniform {
        /// Lowest rate, a fraction.
        low: f64,
        /// Highest rate, a fraction.
        high: f64,
    },
    /// The rate is drawn from its posterior after observing `successes` of
    /// `successes + failures` people move on, with a uniform prior: Beta(successes + 1,
    /// failures + 1). Negative or NaN counts count as 0.
    Beta {
        /// People who moved on.
        successes: f64,
        /// People who did not.
        failures: f64,
    },
}

/// What to simulate: a funnel's top, its rates and their spreads, and the money.
///
/// Inputs out of range are clamped, never trusted: a rate (point, low or high) outside
/// 0..=1 or NaN is taken as its nearest end (NaN as 0); a top, spend or order value that is
/// negative, NaN or infinite as 0; `purchase` past the last stage as the last stage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Simulation<'a> {
    /// The first stage's entrants per period.
    pub top: f64,
    /// Point rates (fractions): `rates[i]` is the rate into stage i + 1 (0-based stages).
    pub rates: &'a [f64],
    /// The spread of each rate, same length as `rates` (a missing one counts as `Fixed`).
    pub spreads: &'a [Spread],
    /// The purchase stage (0-based); the rates at index ≥ `purchase` are not used.
    pub purchase: usize,
    /// Marketing and sales spend per period.
    pub spend: f64,
    /// Average order value.
    pub aov: f64,
    /// Number of trials, clamped into `MIN_TRIALS..=MAX_TRIALS`.
    pub trials: u32,
    /// Seed of the random numbers.
    pub seed: u32,
}

/// P10, P50 and P90 of a quantity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Percentiles {
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

/// P10, P50 and P90 of the CAC; a percentile without customers has no CAC.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CacPercentiles {
    /// 10th percentile: spend / P90 of customers.
    pub p10: Figure,
    /// Median: spend / P50 of customers.
    pub p50: Figure,
    /// 90th percentile: spend / P10 of customers.
    pub p90: Figure,
}

/// The customers of all trials in `BINS` equal-wide bins over [low, high], the least and
/// the most customers of a trial. When every trial has the same customers (low = high),
/// there is one bin holding every trial.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// The fewest customers of a trial: the left edge of the first bin.
    pub low: f64,
    /// The most customers of a trial: the right edge of the last bin.
    pub high: f64,
    /// Trials per bin; bin k covers [low + k · w, low + (k + 1) · w) with
    /// w = (high − low) / `BINS`, the last bin closed at `high`.
    pub counts: Vec<u32>,
}

/// The result of a simulation.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Customers per period.
    pub customers: Percentiles,
    /// First-purchase revenue per period: the customers' percentiles times the order value
    /// (saturating at `f64::MAX`, never ∞).
    pub revenue: Percentiles,
    /// Customer acquisition cost. CAC = spend / customers falls as customers rise, so its
    /// P10 comes from the customers' P90 and its P90 from their P10.
    pub cac: CacPercentiles,
    /// The customers of all trials.
    pub histogram: Histogram,
    /// Trials run (after clamping).
    pub trials: u32,
}

/// Runs the Monte Carlo. Fails with `Undefined::RangeReversed` and the index of the first
/// rate (among those before the purchase stage) whose range has low > high, compared after
/// clamping into 0..=1.
///
/// # Examples
/// ```
/// use tragt::calc::uncertainty::{simulate, Simulation, Spread, DEFAULT_SEED, DEFAULT_TRIALS};
/// use tragt::calc::Undefined;
/// // 1000 visitors; 50 % become leads; 10–30 % of leads buy.
/// // Customers = 1000 · 0.5 · u with u uniform on [0.1, 0.3]: between 50 and 150, median 100.
/// let rates = [0.5, 0.2];
/// let spreads = [Spread::Fixed, Spread::Uniform { low: 0.1, high: 0.3 }];
/// let sim = Simulation {
///     top: 1000.0, rates: &rates, spreads: &spreads, purchase: 2,
///     spend: 1000.0, aov: 200.0, trials: DEFAULT_TRIALS, seed: DEFAULT_SEED,
/// };
/// let out = simulate(&sim).unwrap();
/// let c = out.customers;
/// assert!(50.0 <= c.p10 && c.p10 <= c.p50 && c.p50 <= c.p90 && c.p90 <= 150.0);
/// // P10 ≈ 50 + 0.1 · 100 = 60, P50 ≈ 100, P90 ≈ 140
/// assert!((c.p10 - 60.0).abs() < 3.0 && (c.p50 - 100.0).abs() < 3.0 && (c.p90 - 140.0).abs() < 3.0);
/// assert_eq!(out.revenue.p50, c.p50 * 200.0);
/// assert_eq!(out.cac.p10, Ok(1000.0 / c.p90)); // about 1000 / 140 ≈ 7.1
/// assert_eq!(out.histogram.counts.iter().sum::<u32>(), 10_000);
///
/// // A zero-wide range is the point forecast: 1000 · 0.5 · 0.2 = 100 in every trial.
/// let spreads = [Spread::Fixed, Spread::Uniform { low: 0.2, high: 0.2 }];
/// let out = simulate(&Simulation { spreads: &spreads, ..sim }).unwrap();
/// assert_eq!((out.customers.p10, out.customers.p90), (100.0, 100.0));
/// assert_eq!(out.cac.p50, Ok(10.0)); // 1000 / 100
/// assert_eq!(out.histogram.counts, vec![10_000]);
///
/// // 30 % down to 10 %: the range of the rate at index 1 is reversed.
/// let spreads = [Spread::Fixed, Spread::Uniform { low: 0.3, high: 0.1 }];
/// assert_eq!(simulate(&Simulation { spreads: &spreads, ..sim }), Err((1, Undefined::RangeReversed)));
/// ```
pub fn simulate(sim: &Simulation) -> Result<Outcome, (usize, Undefined)> {
    let (_, spreads) = used(sim);
    if let Some(i) = spreads.iter().position(|s| matches!(*s, Spread::Uniform { low, high } if unit(low) > unit(high)))
    {
        return Err((i, Undefined::RangeReversed));
    }
    let (mut customers, least, most) = run(sim);
    let histogram = histogram(&customers, least, most);
    let c = deciles(&mut customers);
    let aov = amount(sim.aov);
    let spend = amount(sim.spend);
    let revenue = |x: f64| if x * aov <= f64::MAX { x * aov } else { f64::MAX };
    Ok(Outcome {
        customers: c,
        revenue: Percentiles { p10: revenue(c.p10), p50: revenue(c.p50), p90: revenue(c.p90) },
        cac: CacPercentiles { p10: cac(spend, c.p90), p50: cac(spend, c.p50), p90: cac(spend, c.p10) },
        histogram,
        trials: customers.len() as u32,
    })
}

/// The rates before the purchase stage, and their spreads (fewer if `spreads` is short).
fn used<'a>(sim: &Simulation<'a>) -> (&'a [f64], &'a [Spread]) {
    let purchase = sim.purchase.min(sim.rates.len());
    (&sim.rates[..purchase], &sim.spreads[..purchase.min(sim.spreads.len())])
}

/// The trials: the customers of each, in trial order, with the least and the most of them.
fn run(sim: &Simulation) -> (Vec<f64>, f64, f64) {
    let (rates, spreads) = used(sim);
    // rates past the end of `spreads` are fixed
    let (ranged, fixed) = rates.split_at(spreads.len());
    let top = amount(sim.top);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(u64::from(sim.seed));
    let (mut least, mut most) = (f64::INFINITY, f64::NEG_INFINITY);
    // Comparisons rather than `f64::min` and `max`: on wasm those are calls, not instructions.
    let customers = (0..sim.trials.clamp(MIN_TRIALS, MAX_TRIALS))
        .map(|_| {
            let mut c = top;
            for (&point, spread) in ranged.iter().zip(spreads) {
                c *= match *spread {
                    Spread::Fixed => unit(point),
                    Spread::Uniform { low, high } => {
                        let (low, high) = (unit(low), unit(high));
                        let r = low + uniform(&mut rng) * (high - low);
                        // rounding must not carry the draw past `high`
                        if r < high {
                            r
                        } else {
                            high
                        }
                    }
                    Spread::Beta { successes, failures } => {
                        beta(&mut rng, amount(successes) + 1.0, amount(failures) + 1.0)
                    }
                };
            }
            for &point in fixed {
                c *= unit(point);
            }
            if c < least {
                least = c;
            }
            if c > most {
                most = c;
            }
            c
        })
        .collect();
    (customers, least, most)
}

/// Nearest-rank percentile of an ascending slice: x[⌈q · n⌉ − 1], with the rank clamped
/// into 1..=n; 0 for an empty slice.
///
/// # Examples
/// ```
/// use tragt::calc::uncertainty::percentile;
/// let x = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
/// assert_eq!(percentile(&x, 0.1), 1.0); // ⌈0.1 · 10⌉ = 1 → x[0]
/// assert_eq!(percentile(&x, 0.25), 3.0); // ⌈2.5⌉ = 3 → x[2]
/// assert_eq!(percentile(&x, 0.5), 5.0); // ⌈5⌉ = 5 → x[4]
/// assert_eq!(percentile(&x, 0.9), 9.0); // ⌈9⌉ = 9 → x[8]
/// assert_eq!(percentile(&x, 0.0), 1.0); // rank 0 is clamped to 1
/// assert_eq!(percentile(&[], 0.5), 0.0);
/// ```
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[rank(sorted.len(), q)]
}

/// The 0-based index of the nearest-rank q-percentile among n > 0 values.
fn rank(n: usize, q: f64) -> usize {
    // `as` saturates: a negative or NaN rank becomes 0, then 1 after clamping
    let k = (q * n as f64).ceil() as usize;
    k.clamp(1, n) - 1
}

/// P10, P50 and P90 of `x` (reordered), each equal to `percentile` of `x` sorted, found by
/// selection instead of a full sort: the median first, then P10 left of it and P90 right.
fn deciles(x: &mut [f64]) -> Percentiles {
    let n = x.len();
    if n == 0 {
        return Percentiles { p10: 0.0, p50: 0.0, p90: 0.0 };
    }
    let (k10, k50, k90) = (rank(n, 0.1), rank(n, 0.5), rank(n, 0.9));
    let (left, mid, right) = x.select_nth_unstable_by(k50, f64::total_cmp);
    let p50 = *mid;
    let p10 = if k10 < k50 { *left.select_nth_unstable_by(k10, f64::total_cmp).1 } else { p50 };
    let p90 = if k90 > k50 { *right.select_nth_unstable_by(k90 - k50 - 1, f64::total_cmp).1 } else { p50 };
    Percentiles { p10, p50, p90 }
}

/// `BINS` equal-wide bins over [least, most]; one bin of every value when they are equal.
fn histogram(x: &[f64], least: f64, most: f64) -> Histogram {
    // also the empty case, where least = ∞ and most = −∞ (no trial is NaN)
    if most <= least {
        let low = if least.is_finite() { least } else { 0.0 };
        return Histogram { low, high: low, counts: vec![x.len() as u32] };
    }
    let mut counts = vec![0u32; BINS];
    let scale = BINS as f64 / (most - least);
    for &v in x {
        // `as` saturates (and takes NaN to 0), so a huge scale cannot index out of range
        let bin = ((v - least) * scale) as usize;
        counts[bin.min(BINS - 1)] += 1;
    }
    Histogram { low: least, high: most, counts }
}

/// spend / customers: `NoCustomers` at 0 customers, `TooLarge` past the largest number.
fn cac(spend: f64, customers: f64) -> Figure {
    if customers == 0.0 {
        return Err(Undefined::NoCustomers);
    }
    let v = spend / customers;
    if v.is_finite() {
        Ok(v + 0.0)
    } else {
        Err(Undefined::TooLarge)
    }
}

/// A uniform draw in [0, 1): the top 53 bits of the next number, times 2⁻⁵³.
#[inline]
fn uniform(rng: &mut Xoshiro256PlusPlus) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// A standard normal draw (Marsaglia's polar method: no trigonometry).
fn normal(rng: &mut Xoshiro256PlusPlus) -> f64 {
    loop {
        let u = 2.0 * uniform(rng) - 1.0;
        let v = 2.0 * uniform(rng) - 1.0;
        let s = u * u + v * v;
        if s > 0.0 && s < 1.0 {
            return u * (-2.0 * s.ln() / s).sqrt();
        }
    }
}

/// A Gamma(shape, 1) draw for shape ≥ 1 (Marsaglia and Tsang, 2000).
fn gamma(rng: &mut Xoshiro256PlusPlus, shape: f64) -> f64 {
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = normal(rng);
        let t = 1.0 + c * x;
        if t <= 0.0 {
            continue;
        }
        let v = t * t * t;
        let u = uniform(rng);
        // the squeeze accepts about 98 % of draws without a logarithm
        if u < 1.0 - 0.0331 * (x * x) * (x * x) || (u > 0.0 && u.ln() < 0.5 * x * x + d * (1.0 - v + v.ln())) {
            return d * v;
        }
    }
}

/// A Beta(a, b) draw for a, b ≥ 1: X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
fn beta(rng: &mut Xoshiro256PlusPlus, a: f64, b: f64) -> f64 {
    let x = gamma(rng, a);
    let y = gamma(rng, b);
    unit(x / (x + y))
}

/// A rate clamped into [0, 1]; NaN and −0 become 0.
#[inline]
fn unit(r: f64) -> f64 {
    if r >= 1.0 {
        1.0
    } else if r > 0.0 {
        r
    } else {
        0.0
    }
}

/// A count or an amount of money: non-negative and finite, else 0 (as `Funnel::new` takes
/// its top).
fn amount(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

/// Whether any rate of a scenario is uncertain (a range, or drawn from counts): without
/// one, every trial is the forecast itself.
pub fn has_spread(s: &Scenario) -> bool {
    s.stages.iter().skip(1).any(|st| st.from_counts || (st.low.is_some() && st.high.is_some()))
}

/// The simulation of a scenario: a rate whose stage is marked "from counts" drawn from
/// Beta(E_i + 1, E_{i−1} − E_i + 1) (the stage's entrants as successes out of the stage
/// above's), a ranged rate uniformly from its range, the others fixed; the index of the
/// first reversed range (0-based rate index) instead of a result.
///
/// With traffic sources the top is Σ v_s and the point rate into stage 2 the blend (as in
/// [`Scenario::funnel`]); with sources or stage costs the CAC divides the point forecast's
/// total spend S (§3.13), the same in every trial.
pub fn of_scenario(s: &Scenario) -> Result<Outcome, (usize, Undefined)> {
    let funnel = s.funnel();
    let rates: Vec<f64> = (1..s.stages.len()).map(|i| funnel.rate_into(i).map_or(0.0, |r| r.get())).collect();
    let entrants = funnel.entrants();
    let spreads: Vec<Spread> = s
        .stages
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, st)| match (st.from_counts, st.low, st.high) {
            (true, _, _) => Spread::Beta { successes: entrants[i], failures: entrants[i - 1] - entrants[i] },
            (false, Some(low), Some(high)) => Spread::Uniform { low: low.get(), high: high.get() },
            _ => Spread::Fixed,
        })
        .collect();
    let purchase = s.index_of(s.purchase).unwrap_or(s.stages.len() - 1);
    let spend = if s.has_costs() { s.funnel_forecast().spend_total } else { s.economics.spend };
    simulate(&Simulation {
        top: funnel.top(),
        rates: &rates,
        spreads: &spreads,
        purchase,
        spend,
        aov: s.economics.aov,
        trials: s.trials,
        seed: s.seed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beta_draws_have_the_posterior_mean_and_spread() {
        // Beta(21, 81) after 20 of 100 moved on: mean 21 / 102 = 0.2059, variance
        // a·b / ((a + b)² (a + b + 1)) = 1701 / (10 404 · 103) = 0.001587, sd 0.0398
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let n = 20_000;
        let draws: Vec<f64> = (0..n).map(|_| beta(&mut rng, 21.0, 81.0)).collect();
        let mean = draws.iter().sum::<f64>() / n as f64;
        let var = draws.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        // the mean's standard error is 0.0398 / √20 000 = 0.00028: 0.002 is 7 of them
        assert!((mean - 0.2059).abs() < 0.002, "{mean}");
        assert!((var.sqrt() - 0.0398).abs() < 0.002, "{}", var.sqrt());
        assert!(draws.iter().all(|x| (0.0..=1.0).contains(x)));
        // Beta(1, 1) is uniform: its mean is ½
        let flat: f64 = (0..n).map(|_| beta(&mut rng, 1.0, 1.0)).sum::<f64>() / n as f64;
        assert!((flat - 0.5).abs() < 0.01, "{flat}");
        // huge counts stay finite and sharp: 2·10¹¹ of 10¹²
        let sharp = beta(&mut rng, 2e11 + 1.0, 8e11 + 1.0);
        assert!((sharp - 0.2).abs() < 1e-4, "{sharp}");
    }

    /// A template's scenario without the ranges it opens with.
    fn unranged(mut s: Scenario) -> Scenario {
        for st in &mut s.stages {
            (st.low, st.high) = (None, None);
        }
        s
    }

    #[test]
    fn a_stage_from_counts_draws_from_its_posterior() {
        use crate::calc::{Currency, TemplateId};
        // web shop: 20 000 product views → 1 400 add to cart (7 %); Beta(1 401, 18 601) has
        // sd √(p(1 − p)/20 000) ≈ 0.0018, so customers 7 000 · r spread ±13 around 490
        let mut s = unranged(Scenario::from_template("a".into(), "Shop".into(), TemplateId::Webshop, Currency::Eur));
        s.stages[2].from_counts = true;
        let o = of_scenario(&s).unwrap();
        assert!(o.customers.p10 < o.customers.p50 && o.customers.p50 < o.customers.p90);
        assert!((o.customers.p50 - 490.0).abs() < 2.0, "{}", o.customers.p50);
        // P90 − P10 ≈ 2 · 1.28 · 12.6 ≈ 32
        let width = o.customers.p90 - o.customers.p10;
        assert!((25.0..40.0).contains(&width), "{width}");
        // counts win over a range on the same stage; the seed still reproduces
        s.stages[2].low = crate::calc::Rate::new(0.01).ok();
        s.stages[2].high = crate::calc::Rate::new(0.02).ok();
        assert_eq!(of_scenario(&s).unwrap(), o);
    }

    #[test]
    fn a_scenario_simulates_its_ranged_stages_only() {
        use crate::calc::{Currency, Rate, TemplateId};
        // web shop: 40 000 → 50 % → 7 % → 50 % → 70 % = 490 customers; a 5–9 % range into
        // stage 3 spans 40 000 · 0.5 · [0.05, 0.09] · 0.5 · 0.7 = 350 to 630 customers
        let mut s = unranged(Scenario::from_template("a".into(), "Shop".into(), TemplateId::Webshop, Currency::Eur));
        let fixed = of_scenario(&s).unwrap();
        assert!((fixed.customers.p10 - 490.0).abs() < 1e-9 && fixed.customers.p10 == fixed.customers.p90);
        s.stages[2].low = Rate::from_percent(5.0).ok();
        s.stages[2].high = Rate::from_percent(9.0).ok();
        let o = of_scenario(&s).unwrap();
        assert!(350.0 <= o.customers.p10 && o.customers.p10 < o.customers.p50 && o.customers.p90 <= 630.0);
        // uniform: P50 near the middle, 490 (± 5: the median's spread is about 1.6 here)
        assert!((o.customers.p50 - 490.0).abs() < 5.0, "{}", o.customers.p50);
        // a low end alone is no range; a reversed range names its rate (index 1 = stage 3)
        s.stages[2].high = None;
        assert_eq!(of_scenario(&s).unwrap(), fixed);
        s.stages[2].high = Rate::from_percent(4.0).ok();
        assert_eq!(of_scenario(&s), Err((1, Undefined::RangeReversed)));
    }

    fn sim<'a>(top: f64, rates: &'a [f64], spreads: &'a [Spread], purchase: usize) -> Simulation<'a> {
        Simulation {
            top,
            rates,
            spreads,
            purchase,
            spend: 1000.0,
            aov: 50.0,
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
        }
    }

    fn samples(s: &Simulation) -> Vec<f64> {
        run(s).0
    }

    #[test]
    fn one_range_on_two_stages_spreads_between_its_ends() {
        // customers = 1000 · u, u uniform on [0.1, 0.3]: every trial lies in [100, 300].
        // Exact quantiles: P10 = 100 + 0.1 · 200 = 120, P50 = 200, P90 = 280.
        // The sample q-quantile of n = 10 000 draws has a standard deviation of
        // √(q(1 − q)/n) · 200 = 0.6 (q = 0.1, 0.9) and 1.0 (q = 0.5) customers,
        // so a tolerance of 5 is 5 standard deviations or more.
        let spreads = [Spread::Uniform { low: 0.1, high: 0.3 }];
        let out = simulate(&sim(1000.0, &[0.2], &spreads, 1)).unwrap();
        let c = out.customers;
        assert!(100.0 <= c.p10 && c.p90 <= 300.0, "{c:?}");
        assert!((c.p10 - 120.0).abs() < 5.0, "{c:?}");
        assert!((c.p50 - 200.0).abs() < 5.0, "{c:?}");
        assert!((c.p90 - 280.0).abs() < 5.0, "{c:?}");
        // revenue at 50 per order: P50 ≈ 200 · 50 = 10 000
        assert_eq!(out.revenue.p50, c.p50 * 50.0);
        // the histogram spans the drawn customers: about 100 to 300, 10 per bin
        assert!((out.histogram.low - 100.0).abs() < 0.5 && (out.histogram.high - 300.0).abs() < 0.5);
        // 10 000 trials over 20 bins of a uniform: about 500 per bin (sd √(500 · 0.95) ≈ 22)
        assert!(out.histogram.counts.iter().all(|&k| (400..=600).contains(&k)), "{:?}", out.histogram);
    }

    #[test]
    fn percentiles_match_a_full_sort() {
        let spreads = [Spread::Uniform { low: 0.2, high: 0.9 }, Spread::Fixed, Spread::Uniform { low: 0.0, high: 0.5 }];
        let s = sim(5000.0, &[0.5, 0.4, 0.3], &spreads, 3);
        let mut all = samples(&s);
        all.sort_by(f64::total_cmp);
        let c = simulate(&s).unwrap().customers;
        assert_eq!(c, Percentiles { p10: all[999], p50: all[4999], p90: all[8999] });
        assert_eq!(c.p10, percentile(&all, 0.1));
        // selection agrees with the sort for small and odd counts too
        for n in [1usize, 2, 3, 9, 10, 11, 19, 101] {
            let mut x: Vec<f64> = (0..n).map(|k| ((k * 7919) % n) as f64).collect();
            let got = deciles(&mut x);
            x.sort_by(f64::total_cmp);
            let want = Percentiles { p10: percentile(&x, 0.1), p50: percentile(&x, 0.5), p90: percentile(&x, 0.9) };
            assert_eq!(got, want, "n = {n}");
        }
    }

    #[test]
    fn nearest_rank_percentiles() {
        // n = 4: ⌈0.1 · 4⌉ = 1 → x[0]; ⌈2⌉ = 2 → x[1]; ⌈3.6⌉ = 4 → x[3]
        let x = [10.0, 20.0, 30.0, 40.0];
        assert_eq!((percentile(&x, 0.1), percentile(&x, 0.5), percentile(&x, 0.9)), (10.0, 20.0, 40.0));
        // out-of-range and NaN quantiles clamp to the ends
        assert_eq!((percentile(&x, -1.0), percentile(&x, 2.0), percentile(&x, f64::NAN)), (10.0, 40.0, 10.0));
    }

    #[test]
    fn a_fixed_rate_takes_no_draw() {
        // Putting a fixed 100 % rate between two ranges changes no trial: if it took a draw,
        // the second range would get the numbers meant for the next trial.
        let two = [Spread::Uniform { low: 0.1, high: 0.5 }, Spread::Uniform { low: 0.2, high: 0.6 }];
        let three = [two[0], Spread::Fixed, two[1]];
        let a = samples(&sim(1000.0, &[0.3, 0.4], &two, 2));
        let b = samples(&sim(1000.0, &[0.3, 1.0, 0.4], &three, 3));
        assert_eq!(a, b);
        assert_eq!(simulate(&sim(1000.0, &[0.3, 0.4], &two, 2)), simulate(&sim(1000.0, &[0.3, 1.0, 0.4], &three, 3)));
    }

    #[test]
    fn the_draws_follow_the_seed() {
        // trial 1 of seed 1: the first number of xoshiro256++ seeded with 1, top 53 bits · 2⁻⁵³
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
        let u = (rng.next_u64() >> 11) as f64 / 9_007_199_254_740_992.0;
        let spreads = [Spread::Uniform { low: 0.0, high: 1.0 }];
        assert_eq!(samples(&sim(1.0, &[0.5], &spreads, 1))[0], u);
        let a = simulate(&sim(1000.0, &[0.5], &spreads, 1)).unwrap();
        let b = simulate(&Simulation { seed: 2, ..sim(1000.0, &[0.5], &spreads, 1) }).unwrap();
        assert_eq!(a, simulate(&sim(1000.0, &[0.5], &spreads, 1)).unwrap());
        assert_ne!(a, b);
    }

    #[test]
    fn a_reversed_range_reports_its_index() {
        // index 2 is reversed (40 % down to 30 %); index 3 is too but comes later
        let spreads = [
            Spread::Fixed,
            Spread::Uniform { low: 0.1, high: 0.2 },
            Spread::Uniform { low: 0.4, high: 0.3 },
            Spread::Uniform { low: 0.9, high: 0.1 },
        ];
        let rates = [0.5, 0.15, 0.35, 0.5];
        assert_eq!(simulate(&sim(100.0, &rates, &spreads, 4)), Err((2, Undefined::RangeReversed)));
        // ranges after the purchase stage do not count
        assert!(simulate(&sim(100.0, &rates, &spreads, 2)).is_ok());
        // compared after clamping: 150 % down to 120 % is 100 %–100 %
        let over = [Spread::Uniform { low: 1.5, high: 1.2 }];
        assert_eq!(simulate(&sim(100.0, &[0.5], &over, 1)).unwrap().customers.p50, 100.0);
    }

    #[test]
    fn trials_are_clamped() {
        let spreads = [Spread::Uniform { low: 0.1, high: 0.3 }];
        let base = sim(1000.0, &[0.2], &spreads, 1);
        for (asked, run) in
            [(0, MIN_TRIALS), (9_999, MIN_TRIALS), (12_345, 12_345), (100_001, MAX_TRIALS), (u32::MAX, MAX_TRIALS)]
        {
            let out = simulate(&Simulation { trials: asked, ..base }).unwrap();
            assert_eq!(out.trials, run);
            assert_eq!(out.histogram.counts.len(), BINS);
            assert_eq!(out.histogram.counts.iter().sum::<u32>(), run);
        }
    }

    #[test]
    fn equal_trials_make_one_bin() {
        // 200 · 0.5 · 0.25 = 25 in every trial
        let spreads = [Spread::Fixed, Spread::Uniform { low: 0.25, high: 0.25 }];
        let out = simulate(&sim(200.0, &[0.5, 0.25], &spreads, 2)).unwrap();
        assert_eq!(out.histogram, Histogram { low: 25.0, high: 25.0, counts: vec![10_000] });
        assert_eq!(out.customers, Percentiles { p10: 25.0, p50: 25.0, p90: 25.0 });
    }

    #[test]
    fn cac_comes_from_the_customers_percentiles() {
        // customers = 1000 · u on [0.1, 0.3]; spend 1000:
        // CAC P10 = 1000 / P90 ≈ 1000 / 280 ≈ 3.57, P90 = 1000 / P10 ≈ 1000 / 120 ≈ 8.33
        let spreads = [Spread::Uniform { low: 0.1, high: 0.3 }];
        let out = simulate(&sim(1000.0, &[0.2], &spreads, 1)).unwrap();
        let c = out.customers;
        assert_eq!(
            out.cac,
            CacPercentiles { p10: Ok(1000.0 / c.p90), p50: Ok(1000.0 / c.p50), p90: Ok(1000.0 / c.p10) }
        );
        assert!((out.cac.p10.unwrap() - 3.57).abs() < 0.1 && (out.cac.p90.unwrap() - 8.33).abs() < 0.4);
        // no spend: CAC 0 wherever there are customers
        let free = simulate(&Simulation { spend: 0.0, ..sim(1000.0, &[0.2], &spreads, 1) }).unwrap();
        assert_eq!(free.cac, CacPercentiles { p10: Ok(0.0), p50: Ok(0.0), p90: Ok(0.0) });
    }

    #[test]
    fn zero_customers_have_no_cac() {
        // 0–40 %, then 50 %: customers = 1000 · u · 0.5 with u on [0, 0.4];
        // P10 ≈ 1000 · 0.04 · 0.5 = 20 > 0, so every CAC percentile is defined
        let spreads = [Spread::Uniform { low: 0.0, high: 0.4 }, Spread::Fixed];
        let out = simulate(&sim(1000.0, &[0.2, 0.5], &spreads, 2)).unwrap();
        assert!(out.cac.p90.is_ok());
        // a fixed 0 % rate leaves 0 customers in every trial: 1000 / 0 is no CAC
        let none = simulate(&sim(1000.0, &[0.2, 0.0], &spreads, 2)).unwrap();
        let no = Err(Undefined::NoCustomers);
        assert_eq!(none.cac, CacPercentiles { p10: no, p50: no, p90: no });
        assert_eq!(none.revenue, Percentiles { p10: 0.0, p50: 0.0, p90: 0.0 });
        // and so is 0 spend over 0 customers, as in the point forecast
        let free = simulate(&Simulation { spend: 0.0, ..sim(1000.0, &[0.2, 0.0], &spreads, 2) }).unwrap();
        assert_eq!(free.cac.p50, no);
    }

    #[test]
    fn bad_inputs_are_clamped_never_nan() {
        // NaN and out-of-range rates and money: every figure stays finite
        let spreads =
            [Spread::Uniform { low: f64::NAN, high: 2.0 }, Spread::Uniform { low: -1.0, high: f64::INFINITY }];
        let s = Simulation {
            top: f64::MAX,
            rates: &[f64::NAN, -3.0],
            spreads: &spreads,
            purchase: 99,
            spend: f64::NAN,
            aov: f64::MAX,
            trials: 0,
            seed: u32::MAX,
        };
        let out = simulate(&s).unwrap();
        let c = out.customers;
        let r = out.revenue;
        for v in [c.p10, c.p50, c.p90, r.p10, r.p50, r.p90, out.histogram.low, out.histogram.high] {
            assert!(v.is_finite() && v >= 0.0, "{out:?}");
        }
        // both ranges clamp to [0, 1]; customers ≤ f64::MAX, revenue saturates at f64::MAX
        assert!(c.p90 <= f64::MAX && r.p90 == f64::MAX);
        // a NaN spend counts as 0
        assert_eq!(out.cac.p50, Ok(0.0));
        // a NaN top counts as 0: no customers, one bin
        let empty = simulate(&Simulation { top: f64::NAN, ..s }).unwrap();
        assert_eq!(empty.histogram.counts, vec![MIN_TRIALS]);
    }

    #[test]
    fn too_large_a_cac_is_said_so() {
        // spend 10³⁰⁰ over 10⁻¹⁰ customers is 10³¹⁰, past the largest number
        let s = Simulation { spend: 1e300, ..sim(1e-10, &[1.0], &[], 1) };
        assert_eq!(simulate(&s).unwrap().cac.p50, Err(Undefined::TooLarge));
    }
}
