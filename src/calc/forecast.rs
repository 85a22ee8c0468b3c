//! The forecast: every figure on the results panel, from a funnel and its economics
//! (MODELS.md §3.1–3.5). A figure that would divide by zero is `Err(Undefined)` with the
//! reason, never NaN or ∞.

use super::economics::Economics;
use super::funnel::Funnel;

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
fn ratio(num: f64, den: f64, why: Undefined) -> Figure {
    if den == 0.0 {
        return Err(why);
    }
    finite(num / den)
}

fn finite(v: f64) -> Figure {
    if v.is_finite() {
        Ok(v + 0.0)
    } else {
        Err(Undefined::TooLarge)
    }
}

/// The figures of one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct StageFigures {
    /// People entering the stage per period, E_i.
    pub entrants: f64,
    /// E_i − E_{i+1}; `None` on the last stage.
    pub drop_off: Option<f64>,
    /// Chance that a person here buys, P_i.
    pub probability: f64,
    /// Value of one person here: P_i · LTV.
    pub value: f64,
    /// First-purchase value of one person here: P_i · AOV.
    pub first_purchase_value: f64,
    /// Spend per entrant of this stage: S / E_i.
    pub cost_per_entrant: Figure,
}

/// All figures of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    /// Per stage, in funnel order.
    pub stages: Vec<StageFigures>,
    /// Customers per period, C = E_p.
    pub customers: f64,
    /// C / E_1 (customers per newcomer), a fraction.
    pub overall_rate: Figure,
    /// First-purchase revenue per period, C · AOV.
    pub revenue: f64,
    /// Cost per lead, S / E_ℓ.
    pub cpl: Figure,
    /// Customer acquisition cost, S / C.
    pub cac: Figure,
    /// Return on ad spend, C · AOV / S.
    pub roas: Figure,
    /// Annual gross margin per customer, m = AOV · f · g.
    pub annual_margin: f64,
    /// Lifetime value per customer.
    pub ltv: f64,
    /// LTV / CAC.
    pub ltv_cac: Figure,
    /// CAC / (m / 12), in months.
    pub payback_months: Figure,
    /// (C · LTV − S) / S.
    pub roi: Figure,
}

/// Computes every figure of MODELS.md §3.1–3.5.
///
/// # Examples
/// ```
/// use tragt::calc::{forecast, Economics, Funnel, Rate, Undefined};
/// // 1000 visitors, 10 % become leads, 50 % of leads buy: 1000 · 0.1 · 0.5 = 50 customers
/// let f = Funnel::new(1000.0, vec![Rate::new(0.1).unwrap(), Rate::new(0.5).unwrap()], 1, 2);
/// let e = Economics { spend: 500.0, aov: 100.0, ..Economics::default() };
/// let out = forecast(&f, &e);
/// assert_eq!(out.customers, 50.0);
/// assert_eq!(out.cpl, Ok(5.0));   // 500 / 100 leads
/// assert_eq!(out.cac, Ok(10.0));  // 500 / 50 customers
/// assert_eq!(out.roas, Ok(10.0)); // 50 · 100 / 500
/// let free = forecast(&f, &Economics { spend: 0.0, ..e });
/// assert_eq!(free.roas, Err(Undefined::NoSpend));
/// ```
pub fn forecast(funnel: &Funnel, economics: &Economics) -> Forecast {
    let entrants = funnel.entrants();
    let drop_off = (0..entrants.len()).map(|i| entrants.get(i + 1).map(|next| entrants[i] - next)).collect();
    let customers = entrants[funnel.purchase()];
    let flow = Flow {
        newcomers: funnel.top(),
        entrants,
        drop_off,
        probability: funnel.probabilities(),
        lead: funnel.lead(),
        customers,
    };
    figures(flow, economics)
}

/// What the money figures are built on: who enters each stage, who drops out there, the
/// chance to buy from each stage, the lead stage and the customers. A straight funnel
/// gives it, and so does a journey (`calc::journey`), whose customers come from the chain.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// New people per period (the overall conversion's denominator).
    pub newcomers: f64,
    /// People entering each stage per period (the first is the top of the funnel).
    pub entrants: Vec<f64>,
    /// People dropping out at each stage per period, where defined.
    pub drop_off: Vec<Option<f64>>,
    /// Chance to buy from each stage.
    pub probability: Vec<f64>,
    /// The lead stage.
    pub lead: usize,
    /// Customers per period.
    pub customers: f64,
}

/// Every figure of MODELS.md §3.1–3.5 from a flow of people.
pub fn figures(flow: Flow, economics: &Economics) -> Forecast {
    let Flow { newcomers, entrants, drop_off, probability, lead, customers } = flow;
    let s = economics.spend;
    let ltv = economics.ltv();
    let m = economics.annual_margin();

    let stages = entrants
        .iter()
        .enumerate()
        .map(|(i, &e)| StageFigures {
            entrants: e,
            drop_off: drop_off.get(i).copied().flatten(),
            probability: probability[i],
            value: probability[i] * ltv,
            first_purchase_value: probability[i] * economics.aov,
            cost_per_entrant: ratio(s, e, Undefined::EmptyStage),
        })
        .collect();

    let leads = entrants[lead];
    let revenue = customers * economics.aov;
    let cac = ratio(s, customers, Undefined::NoCustomers);
    let ltv_cac = cac.and_then(|cac| ratio(ltv, cac, Undefined::NoSpend));
    let payback_months = cac.and_then(|cac| ratio(cac, m / 12.0, Undefined::NoMargin));

    Forecast {
        stages,
        customers,
        overall_rate: ratio(customers, newcomers, Undefined::NoEntrants),
        revenue,
        cpl: ratio(s, leads, Undefined::NoLeads),
        cac,
        roas: ratio(revenue, s, Undefined::NoSpend),
        annual_margin: m,
        ltv,
        ltv_cac,
        payback_months,
        roi: ratio(customers * ltv - s, s, Undefined::NoSpend),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{LtvMethod, Rate};

    fn funnel(top: f64, pcts: &[f64], lead: usize, purchase: usize) -> Funnel {
        let rates = pcts.iter().map(|p| Rate::from_percent(*p).unwrap()).collect();
        Funnel::new(top, rates, lead - 1, purchase - 1)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn web_shop_with_simple_ltv() {
        // E = 50 000, 20 000, 2 400, 840, 504; C = 504; revenue = 504 · 450 = 226 800
        // CPL = 25 000 / 2 400 = 10.41…; CAC = 25 000 / 504 = 49.60…
        // m = 450 · 3 · 0.4 = 540; LTV = 540 · 2 = 1 080; LTV:CAC = 1 080 / 49.60… = 21.7728
        // payback = 49.60… / (540 / 12) = 1.102…; ROI = (504 · 1 080 − 25 000) / 25 000 = 20.7728
        let f = funnel(50_000.0, &[40.0, 12.0, 35.0, 60.0], 3, 5);
        let e = Economics {
            spend: 25_000.0,
            aov: 450.0,
            frequency: 3.0,
            margin: 0.4,
            method: LtvMethod::Simple,
            lifespan: 2.0,
            ..Economics::default()
        };
        let out = forecast(&f, &e);
        assert!(close(out.customers, 504.0));
        assert!(close(out.revenue, 226_800.0));
        assert!(close(out.cpl.unwrap(), 10.416_666_666_666_666));
        assert!(close(out.cac.unwrap(), 49.603_174_603_174_6));
        assert!(close(out.ltv_cac.unwrap(), 21.7728));
        assert!(close(out.payback_months.unwrap(), 1.102_292_768_959_435_5));
        assert!(close(out.roi.unwrap(), 20.7728));
        assert_eq!(out.stages[4].drop_off, None);
        assert!(close(out.stages[0].drop_off.unwrap(), 30_000.0));
        // S / E₂ = 25 000 / 20 000 = 1.25 per product viewer
        assert!(close(out.stages[1].cost_per_entrant.unwrap(), 1.25));
        // first-purchase value at stage 4: 0.6 · 450 = 270
        assert!(close(out.stages[3].first_purchase_value, 270.0));
    }

    #[test]
    fn no_leads_leaves_costs_undefined_but_chances_defined() {
        // rate into the lead stage is 0: E = 1000, 0, 0; CPL = 500 / 0 → undefined
        // ROI = (0 · 50 − 500) / 500 = −1
        let f = funnel(1000.0, &[0.0, 50.0], 2, 3);
        let e =
            Economics { spend: 500.0, aov: 100.0, frequency: 1.0, margin: 0.5, lifespan: 1.0, ..Economics::default() };
        let out = forecast(&f, &e);
        assert_eq!(out.cpl, Err(Undefined::NoLeads));
        assert_eq!(out.cac, Err(Undefined::NoCustomers));
        assert_eq!(out.ltv_cac, Err(Undefined::NoCustomers));
        assert_eq!(out.payback_months, Err(Undefined::NoCustomers));
        assert_eq!(out.roas, Ok(0.0));
        assert_eq!(out.roi, Ok(-1.0));
        assert_eq!(out.stages[1].cost_per_entrant, Err(Undefined::EmptyStage));
        assert_eq!(out.stages[1].probability, 0.5);
    }

    #[test]
    fn zero_spend_makes_ratios_to_spend_undefined() {
        // CAC = 0 / 50 = 0, payback 0 months; ROAS, ROI and LTV:CAC divide by 0
        let f = funnel(1000.0, &[10.0, 50.0], 2, 3);
        let e = Economics { spend: 0.0, ..Economics::default() };
        let out = forecast(&f, &e);
        assert_eq!(out.cpl, Ok(0.0));
        assert_eq!(out.cac, Ok(0.0));
        assert_eq!(out.payback_months, Ok(0.0));
        assert_eq!(out.roas, Err(Undefined::NoSpend));
        assert_eq!(out.roi, Err(Undefined::NoSpend));
        assert_eq!(out.ltv_cac, Err(Undefined::NoSpend));
    }

    #[test]
    fn zero_margin_means_no_payback() {
        let f = funnel(1000.0, &[10.0], 2, 2);
        let e = Economics { margin: 0.0, ..Economics::default() };
        assert_eq!(forecast(&f, &e).payback_months, Err(Undefined::NoMargin));
    }

    #[test]
    fn empty_top_has_no_overall_rate() {
        let f = funnel(0.0, &[10.0], 1, 2);
        let out = forecast(&f, &Economics::default());
        assert_eq!(out.overall_rate, Err(Undefined::NoEntrants));
        assert_eq!(out.customers, 0.0);
    }

    #[test]
    fn a_subnormal_denominator_is_too_large_not_infinite() {
        let f = funnel(1000.0, &[10.0], 1, 2);
        let e = Economics { spend: 1e12, ..Economics::default() };
        let mut g = f.clone();
        g.set_top(f64::MIN_POSITIVE / 1e10);
        assert_eq!(forecast(&g, &e).cac, Err(Undefined::TooLarge));
    }
}
