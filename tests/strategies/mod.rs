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
