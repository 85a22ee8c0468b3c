//! Properties of the Monte Carlo (MODELS.md §3.10) that must hold for any funnel, range and
//! seed (proptest). Every case runs at least 10 000 trials, so the cases are few.

use proptest::prelude::*;
use tragt::calc::uncertainty::{simulate, Simulation, Spread, MAX_TRIALS, MIN_TRIALS};
use tragt::calc::{forecast, Economics, Funnel, Rate, Undefined};

/// An owned simulation, so that a strategy can make one.
#[derive(Clone, Debug)]
struct Case {
    top: f64,
    rates: Vec<f64>,
    spreads: Vec<Spread>,
    purchase: usize,
    spend: f64,
    aov: f64,
    trials: u32,
    seed: u32,
}

impl Case {
    fn sim(&self) -> Simulation<'_> {
        Simulation {
            top: self.top,
            rates: &self.rates,
            spreads: &self.spreads,
            purchase: self.purchase,
            spend: self.spend,
            aov: self.aov,
            trials: self.trials,
            seed: self.seed,
        }
    }

    /// The ends of a rate's range: (point, point) when it is fixed.
    fn ends(&self, i: usize) -> (f64, f64) {
        match self.spreads[i] {
            Spread::Fixed => (self.rates[i], self.rates[i]),
            Spread::Uniform { low, high } => (low, high),
            // a posterior draw can be anywhere in [0, 1]
            Spread::Beta { .. } => (0.0, 1.0),
        }
    }

    /// The fewest and the most customers a trial can have: the top times every low end, and
    /// every high end, multiplied in stage order as a trial multiplies them.
    fn bounds(&self) -> (f64, f64) {
        let (mut lo, mut hi) = (self.top, self.top);
        for i in 0..self.purchase {
            let (low, high) = self.ends(i);
            lo *= low;
            hi *= high;
        }
        (lo, hi)
    }
}

/// A point rate with a spread: fixed, a range [low, high] inside 0..=1, or counts; with
/// `zero_wide` every spread is fixed or the range [rate, rate].
fn stage(zero_wide: bool) -> impl Strategy<Value = (f64, Spread)> {
    (0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=1.0, any::<bool>()).prop_map(move |(rate, a, b, ranged)| {
        let spread = match (ranged, zero_wide) {
            (false, _) => Spread::Fixed,
            (true, true) => Spread::Uniform { low: rate, high: rate },
            // about one ranged rate in six is drawn from counts instead: Beta(s + 1, f + 1)
            (true, false) if a > 5.0 / 6.0 => {
                Spread::Beta { successes: (b * 1e4).floor(), failures: (rate * 1e4).floor() }
            }
            (true, false) => Spread::Uniform { low: a.min(b), high: a.max(b) },
        };
        (rate, spread)
    })
}

fn case(zero_wide: bool) -> impl Strategy<Value = Case> {
    (
        0.0f64..1e9,
        prop::collection::vec(stage(zero_wide), 1..20),
        any::<prop::sample::Index>(),
        0.0f64..1e9,
        0.0f64..1e7,
        0u32..=30_000,
        any::<u32>(),
    )
        .prop_map(|(top, stages, purchase, spend, aov, trials, seed)| {
            let purchase = purchase.index(stages.len() + 1);
            let (rates, spreads) = stages.into_iter().unzip();
            Case { top, rates, spreads, purchase, spend, aov, trials, seed }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn zero_wide_ranges_are_the_point_forecast_exactly(c in case(true)) {
        let f = Funnel::new(c.top, c.rates.iter().map(|&r| Rate::new(r).unwrap()).collect(), 0, c.purchase);
        let point = f.entrants()[c.purchase];
        let out = simulate(&c.sim()).unwrap();
        // every trial is the point forecast, bit for bit, so every percentile is too
        prop_assert_eq!(out.customers.p10, point);
        prop_assert_eq!(out.customers.p50, point);
        prop_assert_eq!(out.customers.p90, point);
        prop_assert_eq!(&out.histogram.counts, &vec![out.trials]);
        // and so are revenue and CAC, the forecast's C · AOV and S / C
        let e = Economics { spend: c.spend, aov: c.aov, ..Economics::default() };
        let fc = forecast(&f, &e);
        prop_assert_eq!(out.revenue.p50, fc.revenue);
        prop_assert_eq!(out.cac.p10, fc.cac);
        prop_assert_eq!(out.cac.p90, fc.cac);
    }

    #[test]
    fn the_same_seed_gives_the_same_outcome(c in case(false)) {
        let first = simulate(&c.sim());
        prop_assert_eq!(&first, &simulate(&c.sim()));
        prop_assert_eq!(&first, &simulate(&c.clone().sim()));
    }

    #[test]
    fn percentiles_are_in_order(c in case(false)) {
        let out = simulate(&c.sim()).unwrap();
        let (k, r, cac) = (out.customers, out.revenue, out.cac);
        prop_assert!(k.p10 <= k.p50 && k.p50 <= k.p90, "{:?}", k);
        prop_assert!(r.p10 <= r.p50 && r.p50 <= r.p90, "{:?}", r);
        if let (Ok(a), Ok(b)) = (cac.p10, cac.p50) {
            prop_assert!(a <= b, "{:?}", cac);
        }
        if let (Ok(b), Ok(c)) = (cac.p50, cac.p90) {
            prop_assert!(b <= c, "{:?}", cac);
        }
        // CAC is missing for want of customers only where a percentile has none
        prop_assert_eq!(cac.p90 == Err(Undefined::NoCustomers), k.p10 == 0.0);
        prop_assert_eq!(cac.p10 == Err(Undefined::NoCustomers), k.p90 == 0.0);
        prop_assert!((MIN_TRIALS..=MAX_TRIALS).contains(&out.trials));
        prop_assert_eq!(out.histogram.counts.iter().sum::<u32>(), out.trials);
    }

    #[test]
    fn every_percentile_lies_between_the_range_ends(c in case(false)) {
        let (lo, hi) = c.bounds();
        let out = simulate(&c.sim()).unwrap();
        let k = out.customers;
        for p in [k.p10, k.p50, k.p90, out.histogram.low, out.histogram.high] {
            prop_assert!(lo <= p && p <= hi, "{} not in [{}, {}]", p, lo, hi);
        }
        for p in [out.revenue.p10, out.revenue.p50, out.revenue.p90] {
            prop_assert!(lo * c.aov <= p && p <= hi * c.aov, "{} not in [{}, {}] · {}", p, lo, hi, c.aov);
        }
    }

    #[test]
    fn a_reversed_range_is_reported_by_its_index(c in case(false), at in any::<prop::sample::Index>()) {
        prop_assume!(c.purchase > 0);
        let i = at.index(c.purchase);
        let mut d = c.clone();
        // 75 % down to 25 %; the strategy makes no other reversed range
        d.spreads[i] = Spread::Uniform { low: 0.75, high: 0.25 };
        prop_assert_eq!(simulate(&d.sim()), Err((i, Undefined::RangeReversed)));
    }
}
