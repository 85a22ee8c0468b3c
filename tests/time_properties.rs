//! Properties of the timeline and the days to purchase (MODELS.md §3.7) that must hold for
//! any input (proptest).

use proptest::prelude::*;

mod strategies;
use tragt::calc::time::{days_to_purchase, per_month, timeline, Timeline, TimelineInput, DAYS_PER_MONTH, MONTHS};
use tragt::calc::{Economics, Funnel, LtvMethod, Period};

fn funnel() -> impl Strategy<Value = Funnel> {
    strategies::funnel(1e12)
}

fn period() -> impl Strategy<Value = Period> {
    prop::sample::select(Period::ALL.to_vec())
}

/// Economics within the input limits.
fn economics() -> impl Strategy<Value = Economics> {
    strategies::economics(1e12, 1e12, 1e4)
}

/// Any number, including the ones no field lets through: negative, NaN, ∞, subnormal.
fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 0.0f64..=1e12,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(f64::MAX),
        1 => -1e12f64..0.0,
        1 => Just(f64::MIN_POSITIVE / 4.0),
    ]
}

fn wild_input() -> impl Strategy<Value = TimelineInput> {
    ((wild(), period(), wild()), (wild(), wild(), wild(), wild(), any::<bool>(), wild(), wild(), wild())).prop_map(
        |((customers, period, delay_days), (spend, aov, frequency, margin, simple, lifespan, retention, discount))| {
            TimelineInput {
                customers,
                period,
                delay_days,
                economics: Economics {
                    spend,
                    aov,
                    frequency,
                    margin,
                    method: if simple { LtvMethod::Simple } else { LtvMethod::Retention },
                    lifespan,
                    retention,
                    discount,
                },
            }
        },
    )
}

fn input() -> impl Strategy<Value = TimelineInput> {
    (0.0f64..=1e12, period(), 0.0f64..=3650.0, economics()).prop_map(|(customers, period, delay_days, economics)| {
        TimelineInput { customers, period, delay_days, economics }
    })
}

fn check_shape(t: &Timeline) -> Result<(), TestCaseError> {
    prop_assert_eq!(t.months.len(), MONTHS);
    for (i, m) in t.months.iter().enumerate() {
        prop_assert_eq!(m.month, i + 1);
    }
    Ok(())
}

proptest! {
    /// Steady inflow (MODELS.md §3.7): once the delay is over, the top's E₁ entrants a month
    /// bring exactly E₁ · P₁ customers a month. With δ = delay / 30.4375 months and k = ⌊δ⌋,
    /// every month m with m − 1 ≥ k + 1 has Cm new customers, every month m − 1 < k none.
    #[test]
    fn new_customers_settle_at_inflow_times_p1(f in funnel(), p in period(), delay in 0.0f64..=300.0, e in economics()) {
        let customers = f.entrants()[f.purchase()];
        let t = timeline(&TimelineInput { customers, period: p, delay_days: delay, economics: e });
        check_shape(&t)?;
        // E₁ · P₁ per period, in months
        let cm = f.top() * f.probabilities()[0] * per_month(p);
        // δ = k + φ months
        let delta = delay / DAYS_PER_MONTH;
        let k = delta.floor() as usize;
        let phi = delta - delta.floor();
        let near = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs() + 1e-300;
        for (i, m) in t.months.iter().enumerate() {
            if i > k {
                prop_assert!(near(m.new_customers, cm), "month {}: {} vs {}", i + 1, m.new_customers, cm);
            } else if i < k {
                prop_assert_eq!(m.new_customers, 0.0);
            } else {
                // the month the delay ends in gets the part 1 − φ of it
                prop_assert!(near(m.new_customers, cm * (1.0 - phi)), "month {}: {} vs {}", i + 1, m.new_customers, cm);
            }
        }
        // the delay only shifts the inflow: Σ new = Cm · ((24 − k)(1 − φ) + (23 − k) φ) = Cm · (24 − δ)
        let total = t.months[MONTHS - 1].cumulative_customers;
        prop_assert!((total - cm * (MONTHS as f64 - delta)).abs() <= 1e-12 * cm * MONTHS as f64 + 1e-300,
                     "{} vs {}", total, cm * (MONTHS as f64 - delta));
        for w in t.months.windows(2) {
            prop_assert!(w[1].cumulative_customers >= w[0].cumulative_customers);
        }
    }

    /// Money only accumulates: cumulative spend, revenue and margin never fall, and nothing
    /// is negative, NaN or infinite, whatever the input.
    #[test]
    fn cumulative_money_grows_and_stays_finite(input in prop_oneof![input(), wild_input()]) {
        let t = timeline(&input);
        check_shape(&t)?;
        for m in &t.months {
            for v in [m.new_customers, m.active_customers, m.cumulative_customers, m.revenue, m.margin, m.spend,
                      m.cumulative_revenue, m.cumulative_margin, m.cumulative_spend] {
                prop_assert!(v.is_finite() && v >= 0.0, "{:?}", m);
            }
            prop_assert!(m.margin <= m.revenue);
        }
        for w in t.months.windows(2) {
            prop_assert!(w[1].cumulative_spend >= w[0].cumulative_spend);
            prop_assert!(w[1].cumulative_margin >= w[0].cumulative_margin);
            prop_assert!(w[1].cumulative_revenue >= w[0].cumulative_revenue);
        }
    }

    /// The break-even month is the first whose cumulative margin reaches the cumulative spend:
    /// before it the margin is behind, at it not; `None` means behind in all 24 months.
    #[test]
    fn breakeven_is_the_first_month_margin_catches_up(input in prop_oneof![input(), wild_input()]) {
        let t = timeline(&input);
        let behind = |m: &tragt::calc::time::Month| m.cumulative_margin < m.cumulative_spend;
        match t.breakeven {
            Some(b) => {
                prop_assert!((1..=MONTHS).contains(&b));
                prop_assert!(t.months[..b - 1].iter().all(behind), "{:?}", t);
                prop_assert!(!behind(&t.months[b - 1]));
            }
            None => prop_assert!(t.months.iter().all(behind)),
        }
        if input.economics.spend.is_nan() || input.economics.spend <= 0.0 {
            prop_assert_eq!(t.breakeven, Some(1));
        }
    }

    /// Days to purchase shrink towards the purchase stage, where they are 0, and from the
    /// first stage they are the sum of the days of the stages before the purchase.
    #[test]
    fn days_to_purchase_shrink_to_zero(days in prop::collection::vec(prop_oneof![4 => 0.0f64..=3650.0, 1 => wild()], 1..=20),
                                       purchase in any::<prop::sample::Index>()) {
        let purchase = purchase.index(days.len());
        let d = days_to_purchase(&days, purchase);
        prop_assert_eq!(d.len(), purchase + 1);
        prop_assert_eq!(d[purchase], 0.0);
        for w in d.windows(2) {
            prop_assert!(w[0] >= w[1], "{:?}", d);
        }
        prop_assert!(d.iter().all(|x| x.is_finite()));
        if days[..purchase].iter().all(|x| (0.0..=3650.0).contains(x)) {
            let total: f64 = days[..purchase].iter().sum();
            prop_assert!((d[0] - total).abs() <= 1e-9 * total.max(1.0), "{} vs {}", d[0], total);
        }
    }
}

/// Every straight-funnel model but Blank opens with what the forecasting views need: days to
/// purchase, so a sales velocity; a break-even month within the 24; and ranged rates, so a
/// P10–P90 band that is a band. (The journeys, Hankins' hexagon and Köpvägen, have their
/// own view: the chain's expected days; their days and ranges are there for a switch to a
/// straight funnel.)
#[test]
fn every_model_opens_with_velocity_break_even_and_a_band() {
    use tragt::calc::time::{days_to_purchase, timeline, velocity, TimelineInput};
    use tragt::calc::{Currency, Scenario, TemplateId};
    for id in TemplateId::ALL.into_iter().filter(|id| *id != TemplateId::Blank) {
        let s = Scenario::from_template("t".into(), "T".into(), id, Currency::Dkk);
        if s.mode == tragt::calc::Mode::Journey {
            assert!(s.stages.iter().all(|st| st.days.is_some()), "{id:?}: the journey's days");
            continue;
        }
        let days: Vec<f64> = s.stages.iter().map(|st| st.days.unwrap_or(0.0)).collect();
        let purchase = s.index_of(s.purchase).unwrap();
        let to_purchase = days_to_purchase(&days, purchase)[0];
        let customers = s.funnel_forecast().customers;
        assert!(to_purchase > 0.0, "{id:?}: days to purchase");
        assert!(velocity(customers, s.economics.aov, to_purchase).is_ok(), "{id:?}: velocity");
        let t =
            timeline(&TimelineInput { customers, period: s.period, delay_days: to_purchase, economics: s.economics });
        assert!(t.breakeven.is_some(), "{id:?}: break-even within 24 months");
        let band = tragt::calc::uncertainty::of_scenario(&s).unwrap();
        assert!(band.customers.p10 < band.customers.p90, "{id:?}: {:?}", band.customers);
    }
}
