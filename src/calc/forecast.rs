//! The forecast: every figure on the results panel, from a funnel and its economics
//! (MODELS.md §3.1–3.5). A figure that would divide by zero is `Err(Undefined)` with the
//! reason, never NaN or ∞.

use super::economics::Economics;
use super::funnel::Funnel;
use super::traffic::{spend_by, StageCost, Traffic};

use super::figure::ratio;
pub use super::figure::{Figure, Undefined};

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
    /// The cost of bringing one person to this stage, Q_i = (S − Σ_{j>i} K_j) / E_i (§3.13);
    /// without stage costs S / E_i.
    pub cost_per_entrant: Figure,
    /// The stage's own cost per period, K_i = F_i + u_i · E_i (§3.13); 0 without.
    pub cost: f64,
}

/// What the total spend is made of (§3.13), for a scenario with traffic sources or stage
/// costs: S = other + media + stages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpendSplit {
    /// The typed spend ("other": everything not itemised).
    pub other: f64,
    /// The traffic sources' media spend, S_media = Σ B_s.
    pub media: f64,
    /// The stages' costs, Σ K_i.
    pub stages: f64,
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
    /// Total spend per period, S, in every money figure above: the typed spend, plus the
    /// media spend and the stages' costs when the scenario has them (§3.13).
    pub spend_total: f64,
    /// What S is made of; `None` when it is the typed spend alone (no sources, no stage costs).
    pub spend_split: Option<SpendSplit>,
    /// The traffic sources' figures (§3.12); `None` without sources.
    pub traffic: Option<Traffic>,
}

/// Spend beyond the typed spend (MODELS.md §3.12–3.13). The default is none, and gives the
/// figures of the typed spend alone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Costs {
    /// The traffic sources' figures; `None` without sources.
    pub traffic: Option<Traffic>,
    /// The stages' costs in stage order (a stage past the end costs nothing); empty
    /// without stage costs.
    pub stages: Vec<StageCost>,
    /// Per stage, the people a cost per entrant is paid for; `None` for the entrants (a
    /// straight funnel). A journey's are its visits per period.
    pub visits: Option<Vec<f64>>,
}

impl Costs {
    /// Whether there is nothing beyond the typed spend.
    pub fn is_none(&self) -> bool {
        self.traffic.is_none() && self.stages.is_empty()
    }
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
    forecast_with(funnel, economics, Costs::default())
}

/// [`forecast`] with traffic sources and stage costs: the total spend S of §3.13 in every
/// money figure, Q_i per stage.
///
/// # Examples
/// ```
/// use tragt::calc::forecast::{forecast_with, Costs};
/// use tragt::calc::traffic::StageCost;
/// use tragt::calc::{Economics, Funnel, Rate};
/// // 1000 visitors, 10 % leads, 50 % of leads buy: 100 leads, 50 customers
/// let f = Funnel::new(1000.0, vec![Rate::new(0.1).unwrap(), Rate::new(0.5).unwrap()], 1, 2);
/// let e = Economics { spend: 500.0, aov: 100.0, ..Economics::default() };
/// // a sales call of 20 per lead: K₂ = 20 · 100 = 2 000, S = 500 + 2 000 = 2 500
/// let costs = vec![StageCost::default(), StageCost::new(0.0, 20.0).unwrap()];
/// let out = forecast_with(&f, &e, Costs { stages: costs, ..Costs::default() });
/// assert_eq!(out.spend_total, 2_500.0);
/// assert_eq!(out.cac, Ok(50.0)); // 2 500 / 50
/// assert_eq!(out.cpl, Ok(25.0)); // Q₂ = 2 500 / 100: the calls are made at the lead stage
/// assert_eq!(out.stages[0].cost_per_entrant, Ok(0.5)); // (2 500 − 2 000) / 1 000
/// ```
pub fn forecast_with(funnel: &Funnel, economics: &Economics, costs: Costs) -> Forecast {
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
    figures_with(flow, economics, costs)
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
    figures_with(flow, economics, Costs::default())
}

/// [`figures`] with traffic sources and stage costs (§3.12–3.13): S = typed spend + media
/// spend + Σ K_i in every money figure; a stage's cost per entrant is Q_i and the cost per
/// lead Q at the lead stage. Without either, S is the typed spend and every figure is as
/// [`figures`] gives it.
pub fn figures_with(flow: Flow, economics: &Economics, costs: Costs) -> Forecast {
    let Flow { newcomers, entrants, drop_off, probability, lead, customers } = flow;
    let other = economics.spend;
    let (s, spend_split, stage_costs, to_reach) = if costs.is_none() {
        let to_reach: Vec<Figure> = entrants.iter().map(|&e| ratio(other, e, Undefined::EmptyStage)).collect();
        (other, None, vec![0.0; entrants.len()], to_reach)
    } else {
        let media = costs.traffic.as_ref().map_or(0.0, |t| t.media_spend);
        let counted = costs.visits.as_deref().unwrap_or(entrants.as_slice());
        let spending = spend_by(other, media, &costs.stages, counted, &entrants);
        let split = SpendSplit { other, media, stages: spending.stage_costs.iter().sum::<f64>() + 0.0 };
        (spending.total, Some(split), spending.stage_costs, spending.cost_to_reach)
    };
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
            cost_per_entrant: to_reach[i],
            cost: stage_costs[i],
        })
        .collect();

    let revenue = customers * economics.aov;
    let cac = ratio(s, customers, Undefined::NoCustomers);
    let ltv_cac = cac.and_then(|cac| ratio(ltv, cac, Undefined::NoSpend));
    let payback_months = cac.and_then(|cac| ratio(cac, m / 12.0, Undefined::NoMargin));
    // Q at the lead stage: S / E_ℓ without stage costs
    let cpl = match to_reach[lead] {
        Err(Undefined::EmptyStage) => Err(Undefined::NoLeads),
        q => q,
    };

    Forecast {
        stages,
        customers,
        overall_rate: ratio(customers, newcomers, Undefined::NoEntrants),
        revenue,
        cpl,
        cac,
        roas: ratio(revenue, s, Undefined::NoSpend),
        annual_margin: m,
        ltv,
        ltv_cac,
        payback_months,
        roi: ratio(customers * ltv - s, s, Undefined::NoSpend),
        spend_total: s,
        spend_split,
        traffic: costs.traffic,
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
