//! Input generators the property tests share: rates, funnels and money inputs within
//! limits the caller sets.

use proptest::prelude::*;
use tragt::calc::{Economics, Funnel, LtvMethod, Rate};

/// Any rate, 0 to 100 %.
pub fn rate() -> impl Strategy<Value = Rate> {
    (0.0f64..=1.0).prop_map(|r| Rate::new(r).unwrap())
}

/// A funnel of 2 to 20 stages with up to `max_top` entrants at the top and any lead and
/// purchase marks (lead at or above the purchase).
pub fn funnel(max_top: f64) -> impl Strategy<Value = Funnel> {
    (0.0f64..=max_top, prop::collection::vec(rate(), 1..20), any::<prop::sample::Index>(), any::<prop::sample::Index>())
        .prop_map(|(top, rates, a, b)| {
            let n = rates.len() + 1;
            let (a, b) = (a.index(n), b.index(n));
            Funnel::new(top, rates, a.min(b), a.max(b))
        })
}

/// Money inputs up to the given spend, order value and purchases per year; margin,
/// retention (to 99 %), discount and lifespan (to 100 years) over their whole ranges.
pub fn economics(max_spend: f64, max_aov: f64, max_frequency: f64) -> impl Strategy<Value = Economics> {
    (
        0.0f64..=max_spend,
        0.0f64..=max_aov,
        0.0f64..=max_frequency,
        0.0f64..=1.0,
        any::<bool>(),
        0.0f64..=100.0,
        0.0f64..=0.99,
        0.0f64..=1.0,
    )
        .prop_map(|(spend, aov, frequency, margin, simple, lifespan, retention, discount)| Economics {
            spend,
            aov,
            frequency,
            margin,
            method: if simple { LtvMethod::Simple } else { LtvMethod::Retention },
            lifespan,
            retention,
            discount,
        })
}

/// Any f64, weighted towards the numbers that break arithmetic: NaN, ±∞, ±0, subnormals,
/// ±f64::MAX, ±1e308, the input limits and one step past them, magnitudes from 1e-320 to
/// 1e308 of either sign, raw bit patterns, and ordinary fractions, percentages and counts.
#[allow(dead_code)] // not every file that shares these generators uses this one
pub fn hostile() -> impl Strategy<Value = f64> {
    use tragt::calc::limits::{
        MAX_COUNT, MAX_DAYS, MAX_MONEY, MAX_PER_YEAR, MAX_REFERRALS, MAX_RETENTION_PCT, MAX_SEED, MAX_TRIALS,
        MAX_YEARS, MIN_TRIALS,
    };
    let special = vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.0,
        -0.0,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        f64::MIN_POSITIVE / 4.0,
        5e-324,
        -5e-324,
        f64::MAX,
        f64::MIN,
        1e308,
        -1e308,
        f64::EPSILON,
        1.0 - f64::EPSILON / 2.0,
        1.0,
        1.0 + f64::EPSILON,
    ];
    let limits =
        [MAX_COUNT, MAX_MONEY, 100.0, MAX_RETENTION_PCT, MAX_YEARS, MAX_PER_YEAR, MAX_DAYS, MAX_REFERRALS, MIN_TRIALS]
            .into_iter()
            .chain([MAX_TRIALS, MAX_SEED]);
    let edges: Vec<f64> = limits.flat_map(|x| [x, x * (1.0 + f64::EPSILON), x - 0.5]).collect();
    let magnitude = (-320i32..=308, 1.0f64..10.0, any::<bool>()).prop_map(|(e, m, negative)| {
        let x = m * 10f64.powf(f64::from(e));
        if negative {
            -x
        } else {
            x
        }
    });
    prop_oneof![
        2 => 0.0f64..=1.0,
        2 => 0.0f64..=100.0,
        2 => 0.0f64..=1e12,
        1 => -100.0f64..0.0,
        4 => prop::sample::select(special),
        2 => prop::sample::select(edges),
        3 => magnitude,
        1 => any::<f64>(),
    ]
}
