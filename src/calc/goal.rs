//! Goal seeking, the reverse funnel (MODELS.md §3.6): from a target of customers per period
//! (or of first-purchase revenue R, which is T = R / AOV customers) to the entrants each
//! stage needs, E_i* = T / P_i, next to the entrants the scenario has, and the spend the
//! target takes at the current cost per customer, T · CAC.
//!
//! The goal is a second way of looking at the same scenario: it reads the forecast and
//! changes nothing in it.

use super::forecast::{Figure, Forecast, Undefined};

/// What the user aims for, per period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// Customers per period, T.
    Customers(f64),
    /// First-purchase revenue per period, R.
    Revenue(f64),
}

impl Target {
    /// The target in customers: T itself, or R / AOV.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::goal::Target;
    /// use tragt::calc::Undefined;
    /// assert_eq!(Target::Revenue(90_000.0).customers(450.0), Ok(200.0)); // 90 000 / 450
    /// assert_eq!(Target::Revenue(90_000.0).customers(0.0), Err(Undefined::NoOrderValue));
    /// assert_eq!(Target::Customers(0.0).customers(450.0), Err(Undefined::NoTarget));
    /// ```
    pub fn customers(self, aov: f64) -> Figure {
        let t = match self {
            Target::Customers(t) => t,
            Target::Revenue(r) if r > 0.0 && aov <= 0.0 => return Err(Undefined::NoOrderValue),
            Target::Revenue(r) => r / aov,
        };
        if !t.is_finite() {
            return Err(Undefined::TooLarge);
        }
        if t <= 0.0 {
            return Err(Undefined::NoTarget);
        }
        Ok(t)
    }

    /// The number the user typed.
    pub fn amount(self) -> f64 {
        match self {
            Target::Customers(x) | Target::Revenue(x) => x,
        }
    }
}

/// One stage seen from the goal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StageGoal {
    /// Entrants the target needs here, E_i* = T / P_i; `Unreachable` when a rate on the way
    /// to purchase is 0 %.
    pub required: Figure,
    /// Entrants the scenario has here, E_i.
    pub actual: f64,
    /// Whether the scenario's entrants are enough (`None` when nothing is required).
    pub met: Option<bool>,
}

/// The reverse funnel of a scenario for a target.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalPlan {
    /// The target in customers per period.
    pub customers: Figure,
    /// Per stage from the first to the purchase stage; stages after the purchase are
    /// customers already and need no target of their own.
    pub stages: Vec<StageGoal>,
    /// Spend the target takes at the current CAC, T · CAC.
    pub spend: Figure,
    /// Whether the scenario reaches the target: C ≥ T.
    pub reached: bool,
}

/// Relative slack when comparing a count with its requirement, so that the forecast of the
/// required entrants (which meets the target up to rounding) counts as meeting it.
const SLACK: f64 = 1e-9;

fn enough(actual: f64, required: f64) -> bool {
    actual >= required * (1.0 - SLACK)
}

/// Plans `target` for a scenario with forecast `f`; `purchase` is the purchase stage's
/// index (0-based). The average order value a revenue target is divided by is the purchase
/// stage's first-purchase value (P_p · AOV with P_p = 1), known even with no customers.
///
/// # Examples
/// ```
/// use tragt::calc::{forecast, Economics, Funnel, Rate};
/// use tragt::calc::goal::{plan, Target};
/// // 1000 visitors, 10 % become leads, 50 % of leads buy: P = 0.05, 0.5, 1; 50 customers
/// let f = Funnel::new(1000.0, vec![Rate::new(0.1).unwrap(), Rate::new(0.5).unwrap()], 1, 2);
/// let e = Economics { spend: 500.0, aov: 100.0, ..Economics::default() };
/// let out = forecast(&f, &e);
/// // 80 customers need 80 / 0.05 = 1600 visitors and 80 / 0.5 = 160 leads; CAC 10 → 800
/// let p = plan(&out, Target::Customers(80.0), 2);
/// assert_eq!(p.stages[0].required, Ok(1600.0));
/// assert_eq!(p.stages[1].required, Ok(160.0));
/// assert_eq!(p.stages[0].met, Some(false));
/// assert_eq!(p.spend, Ok(800.0));
/// assert!(!p.reached);
/// ```
pub fn plan(f: &Forecast, target: Target, purchase: usize) -> GoalPlan {
    let customers = target.customers(stage_aov(f).unwrap_or(0.0));
    let stages = f.stages[..=purchase.min(f.stages.len().saturating_sub(1))]
        .iter()
        .map(|s| {
            let required = customers.and_then(|t| {
                if s.probability <= 0.0 {
                    Err(Undefined::Unreachable)
                } else {
                    let r = t / s.probability;
                    if r.is_finite() {
                        Ok(r)
                    } else {
                        Err(Undefined::TooLarge)
                    }
                }
            });
            StageGoal { required, actual: s.entrants, met: required.ok().map(|r| enough(s.entrants, r)) }
        })
        .collect();
    let spend = customers.and_then(|t| f.cac.map(|cac| t * cac)).and_then(|x| {
        if x.is_finite() {
            Ok(x)
        } else {
            Err(Undefined::TooLarge)
        }
    });
    let reached = customers.is_ok_and(|t| enough(f.customers, t));
    GoalPlan { customers, stages, spend, reached }
}

/// The average order value as the forecast carries it.
fn stage_aov(f: &Forecast) -> Option<f64> {
    f.stages.iter().find(|s| s.probability == 1.0).map(|s| s.first_purchase_value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{forecast, Economics, Funnel, Rate};

    fn rates(pct: &[f64]) -> Vec<Rate> {
        pct.iter().map(|p| Rate::new(p / 100.0).unwrap()).collect()
    }

    /// The worked B2C web shop of worked-examples.json: 50 000 → 20 000 → 2 400 → 840 →
    /// 504 customers, P = 0.01008, 0.0252, 0.21, 0.6, 1; spend 25 000, AOV 450.
    fn shop() -> Forecast {
        let f = Funnel::new(50_000.0, rates(&[40.0, 12.0, 35.0, 60.0]), 2, 4);
        forecast(&f, &Economics { spend: 25_000.0, aov: 450.0, ..Economics::default() })
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn a_customer_target_divides_by_the_chance_to_buy() {
        // 1 008 customers: 1008 / 0.01008 = 100 000 visitors; / 0.0252 = 40 000;
        // / 0.21 = 4 800; / 0.6 = 1 680; / 1 = 1 008. Twice the scenario everywhere.
        let p = plan(&shop(), Target::Customers(1008.0), 4);
        let want = [100_000.0, 40_000.0, 4_800.0, 1_680.0, 1_008.0];
        for (s, w) in p.stages.iter().zip(want) {
            assert!(close(s.required.unwrap(), w), "{s:?} vs {w}");
            assert_eq!(s.met, Some(false));
        }
        // CAC = 25 000 / 504 = 49.60…; 1008 · 49.60… = 50 000
        assert!(close(p.spend.unwrap(), 50_000.0));
        assert!(!p.reached);
    }

    #[test]
    fn a_revenue_target_is_customers_times_the_order_value() {
        // 113 400 / 450 = 252 customers: half the scenario, so every stage is met
        let p = plan(&shop(), Target::Revenue(113_400.0), 4);
        assert!(close(p.customers.unwrap(), 252.0));
        assert!(p.stages.iter().all(|s| s.met == Some(true)));
        assert!(p.reached);
        // 252 · 25 000 / 504 = 12 500
        assert!(close(p.spend.unwrap(), 12_500.0));
    }

    #[test]
    fn the_scenario_itself_meets_its_own_customers() {
        let p = plan(&shop(), Target::Customers(504.0), 4);
        assert!(p.reached);
        assert!(p.stages.iter().all(|s| s.met == Some(true)), "{:?}", p.stages);
    }

    #[test]
    fn a_zero_rate_makes_the_stages_above_it_unreachable() {
        // 0 % from stage 3 to 4: P₁ = P₂ = P₃ = 0, P₄ = 0.6, P₅ = 1
        let f = Funnel::new(50_000.0, rates(&[40.0, 12.0, 0.0, 60.0]), 2, 4);
        let out = forecast(&f, &Economics { spend: 25_000.0, aov: 450.0, ..Economics::default() });
        let p = plan(&out, Target::Customers(10.0), 4);
        for s in &p.stages[..3] {
            assert_eq!(s.required, Err(Undefined::Unreachable));
            assert_eq!(s.met, None);
        }
        assert!(close(p.stages[3].required.unwrap(), 10.0 / 0.6));
        // no customers, so no CAC: the spend cannot be told
        assert_eq!(p.spend, Err(Undefined::NoCustomers));
        assert!(!p.reached);
    }

    #[test]
    fn no_target_no_plan() {
        for t in [Target::Customers(0.0), Target::Revenue(0.0), Target::Customers(-5.0)] {
            let p = plan(&shop(), t, 4);
            assert_eq!(p.customers, Err(Undefined::NoTarget), "{t:?}");
            assert!(p.stages.iter().all(|s| s.required == Err(Undefined::NoTarget) && s.met.is_none()));
            assert!(!p.reached);
        }
        assert_eq!(plan(&shop(), Target::Customers(f64::INFINITY), 4).customers, Err(Undefined::TooLarge));
    }

    #[test]
    fn stages_after_the_purchase_need_no_target() {
        // purchase at stage 3 of 5: the plan has 3 stages
        let f = Funnel::new(1000.0, rates(&[50.0, 50.0, 40.0, 30.0]), 1, 2);
        let out = forecast(&f, &Economics { spend: 100.0, aov: 10.0, ..Economics::default() });
        assert_eq!(plan(&out, Target::Customers(10.0), 2).stages.len(), 3);
    }

    #[test]
    fn a_revenue_target_without_customers_still_knows_the_order_value() {
        // 0 visitors: no customers, but AOV 450 is still the purchase stage's value
        let f = Funnel::new(0.0, rates(&[40.0, 12.0, 35.0, 60.0]), 2, 4);
        let out = forecast(&f, &Economics { spend: 25_000.0, aov: 450.0, ..Economics::default() });
        let p = plan(&out, Target::Revenue(4_500.0), 4);
        assert_eq!(p.customers, Ok(10.0));
        assert_eq!(p.stages[4].required, Ok(10.0));
        assert_eq!(p.stages[0].met, Some(false));
    }
}
