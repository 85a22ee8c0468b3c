//! A scenario as a non-linear journey (MODELS.md §3.8, §1.4, §1.6): its stages become the
//! states of a Markov chain ([`super::markov`]), newcomers enter by the entry shares, and
//! the customers, the money figures and the comparison with the straight funnel follow
//! from the chain. Lost people brought back by automated messages (§1.6) move to a chosen
//! state; the gain is reported against the same journey without them.

use super::forecast::{figures, figures_with, Costs, Figure, Flow, Forecast, Undefined};
use super::markov::{self, Chain, ChainError, Solution};
use super::moves::Moves;
use super::scenario::{traffic_per_newcomer, Mode, Scenario, StageDoc};

/// What a journey gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Journey {
    /// The chain's solution, recovery included.
    pub solution: Solution,
    /// Newcomers per period (the first stage's count; Σ v_s with traffic sources).
    pub newcomers: f64,
    /// Customers per period: newcomers × the chance that a newcomer buys.
    pub customers: f64,
    /// Customers per period without the recovery.
    pub without_recovery: f64,
    /// Customers per period of the same scenario as a straight funnel.
    pub funnel_customers: f64,
    /// customers / funnel customers − 1: what going back and forth adds (or removes).
    pub vs_funnel: Figure,
    /// People lost from each state per period: newcomers × expected visits × lost share.
    pub drop_off: Vec<f64>,
    /// The chance that a newcomer buys without the recovery.
    pub buy_without_recovery: f64,
    /// People lost from each state per newcomer: expected visits × lost share.
    pub lost_per_newcomer: Vec<f64>,
}

impl Journey {
    /// Customers per period the recovery adds.
    pub fn recovered(&self) -> f64 {
        self.customers - self.without_recovery
    }
}

/// The scenario's journey as a chain, without the recovery. Stages without moves (a
/// scenario that never was a journey) keep nobody and lose everyone.
pub fn chain(s: &Scenario) -> Chain {
    chain_of(&s.stages)
}

/// [`chain`] from the stages alone (all it reads): the moves, newcomers and days.
pub fn chain_of(stages: &[StageDoc]) -> Chain {
    let n = stages.len();
    let lost = Moves::lost();
    let mut chain = Chain {
        q: vec![vec![0.0; n]; n],
        buy: vec![0.0; n],
        lost: vec![0.0; n],
        entry: vec![0.0; n],
        days: vec![0.0; n],
    };
    let ids: Vec<u32> = stages.iter().map(|st| st.id).collect();
    for (i, stage) in stages.iter().enumerate() {
        let m = stage.moves.as_ref().unwrap_or(&lost);
        for &(to, p) in &m.to {
            if let Some(j) = ids.iter().position(|id| *id == to) {
                chain.q[i][j] += p;
            }
        }
        chain.buy[i] = m.buy;
        chain.lost[i] = m.lost;
        chain.entry[i] = m.entry;
        chain.days[i] = stage.days.unwrap_or(0.0);
    }
    chain
}

/// The chain with the recovery applied: automated messages reach the people lost from the
/// lead stage on (they left contact details), and bring a share of them back.
pub fn recovered_chain(s: &Scenario) -> Chain {
    let plain = chain(s);
    if s.recovery == 0.0 {
        return plain;
    }
    let to = s.index_of(s.recover_to).unwrap_or(0);
    let lead = s.index_of(s.lead).unwrap_or(0);
    markov::with_recovery(&plain, s.recovery, to, lead)
}

/// Every problem of the scenario's journey (row sums, entry shares, loops without exit),
/// recovery included; empty when it can be solved.
pub fn problems(s: &Scenario) -> Vec<ChainError> {
    markov::problems(&recovered_chain(s))
}

/// Solves the scenario's journey.
///
/// # Examples
/// ```
/// use tragt::calc::{journey, Currency, Scenario, TemplateId};
/// let s = Scenario::from_template("k".into(), "K".into(), TemplateId::Kopvagen, Currency::Sek);
/// let j = journey::of_scenario(&s).unwrap();
/// assert!(j.customers > 0.0 && j.solution.newcomer_buy < 1.0);
/// ```
pub fn of_scenario(s: &Scenario) -> Result<Journey, ChainError> {
    let chain = recovered_chain(s);
    let solution = markov::solve(&chain)?;
    let buy_without_recovery =
        if s.recovery > 0.0 { markov::solve(&self::chain(s))?.newcomer_buy } else { solution.newcomer_buy };
    let lost_per_newcomer = solution.newcomer_visits.iter().zip(&chain.lost).map(|(v, l)| v * l).collect();
    Ok(at_scale(s, solution, buy_without_recovery, lost_per_newcomer))
}

/// A journey solved earlier, for the scenario as it is now: its chances, with the current
/// newcomers and straight funnel (what the figures show while a row does not add up).
pub fn refreshed(s: &Scenario, j: &Journey) -> Journey {
    at_scale(s, j.solution.clone(), j.buy_without_recovery, j.lost_per_newcomer.clone())
}

/// The per-newcomer results times the scenario's newcomers, next to its straight funnel.
fn at_scale(s: &Scenario, solution: Solution, buy_without_recovery: f64, lost_per_newcomer: Vec<f64>) -> Journey {
    let newcomers = s.newcomers();
    let customers = newcomers * solution.newcomer_buy;
    let without_recovery = newcomers * buy_without_recovery;
    let funnel = s.funnel();
    let funnel_customers = funnel.entrants()[funnel.purchase()];
    let vs_funnel = if funnel_customers > 0.0 {
        let v = customers / funnel_customers - 1.0;
        if v.is_finite() {
            Ok(v + 0.0)
        } else {
            Err(Undefined::TooLarge)
        }
    } else {
        Err(Undefined::NoCustomers)
    };
    let drop_off = lost_per_newcomer.iter().map(|l| newcomers * l).collect();
    Journey {
        solution,
        newcomers,
        customers,
        without_recovery,
        funnel_customers,
        vs_funnel,
        drop_off,
        buy_without_recovery,
        lost_per_newcomer,
    }
}

/// The figures of MODELS.md §3.1–3.5 with the customers from the journey: a stage's
/// entrants are the people who reach it at least once, its drop-off the people lost from
/// it, its chance to buy the chain's. `j` must be a journey of `s`'s stages.
///
/// With traffic sources and stage costs (§3.12–3.13) the money figures use the total spend:
/// the sources' visitors are the newcomers (their own rates into stage 2 are not used, so
/// C_s = v_s · the chance that a newcomer buys), and a stage's cost per entrant is paid for
/// each visit per period (newcomers × expected visits).
pub fn forecast(s: &Scenario, j: &Journey) -> Forecast {
    let sol = &j.solution;
    let flow = Flow {
        newcomers: j.newcomers,
        entrants: sol.newcomer_reach.iter().map(|r| j.newcomers * r).collect(),
        drop_off: j.drop_off.iter().map(|d| Some(*d)).collect(),
        probability: sol.buy.clone(),
        lead: s.index_of(s.lead).filter(|l| *l < sol.buy.len()).unwrap_or(0),
        customers: j.customers,
    };
    if !s.has_costs() {
        return figures(flow, &s.economics);
    }
    let costs = Costs {
        traffic: (!s.sources.is_empty()).then(|| traffic_per_newcomer(&s.sources, sol.newcomer_buy, s.economics.aov)),
        stages: s.stage_costs(),
        visits: Some(sol.newcomer_visits.iter().map(|v| j.newcomers * v).collect()),
    };
    figures_with(flow, &s.economics, costs)
}

impl Scenario {
    /// Every figure of this scenario: a journey's when it is one and can be solved, else
    /// the straight funnel's.
    pub fn forecast(&self) -> Forecast {
        if self.mode == Mode::Journey {
            if let Ok(j) = of_scenario(self) {
                return forecast(self, &j);
            }
        }
        self.funnel_forecast()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{Currency, Mode, MoveTo, TemplateId};

    fn scenario(t: TemplateId) -> Scenario {
        Scenario::from_template("a".into(), "A".into(), t, Currency::Dkk)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn the_non_linear_templates_open_as_valid_journeys() {
        for t in [TemplateId::Hexagon, TemplateId::Kopvagen] {
            let s = scenario(t);
            assert_eq!(s.mode, Mode::Journey);
            assert_eq!(problems(&s), vec![], "{t:?}");
            let j = of_scenario(&s).unwrap();
            assert!(j.customers > 0.0);
        }
        assert_eq!(scenario(TemplateId::Webshop).mode, Mode::Funnel);
    }

    #[test]
    fn a_converted_funnel_has_the_funnels_figures() {
        // web shop: 40 000 visitors, 1.225 % buy → 490 customers either way; vs funnel 0
        let mut s = scenario(TemplateId::Webshop);
        s.set_mode(Mode::Journey);
        let j = of_scenario(&s).unwrap();
        let straight = s.funnel().entrants()[4];
        assert!(close(j.customers, straight), "{} vs {straight}", j.customers);
        assert!(close(j.vs_funnel.unwrap(), 0.0));
        let (f, g) = (forecast(&s, &j), crate::calc::forecast(&s.funnel(), &s.economics));
        assert!(close(f.cac.unwrap(), g.cac.unwrap()));
        assert!(close(f.cpl.unwrap(), g.cpl.unwrap()));
        for (a, b) in f.stages.iter().zip(&g.stages) {
            assert!(close(a.entrants, b.entrants));
            assert!(close(a.probability, b.probability));
        }
    }

    #[test]
    fn a_back_step_adds_customers_and_recovery_adds_more() {
        // Köpvägen's own template: deciding people who step back to considering (25 %)
        // return; remove the back-step (to lost) and fewer buy
        let s = scenario(TemplateId::Kopvagen);
        let with_back = of_scenario(&s).unwrap().customers;
        let mut straight = s.clone();
        let decide = straight.stages[2].id;
        straight.set_move_percent(decide, MoveTo::Stage(straight.stages[1].id), 0.0).unwrap();
        straight.lost_takes_rest(decide).unwrap();
        assert!(of_scenario(&straight).unwrap().customers < with_back);
        // 20 % of the lost brought back to consideration
        let mut r = s.clone();
        r.set_recovery_percent(20.0).unwrap();
        r.set_recover_to(r.stages[1].id);
        let j = of_scenario(&r).unwrap();
        assert!(close(j.without_recovery, with_back));
        assert!(j.recovered() > 0.0);
    }

    #[test]
    fn a_row_over_100_percent_is_a_problem_until_lost_takes_the_rest() {
        let mut s = scenario(TemplateId::Kopvagen);
        let a = s.stages[0].id;
        // attention: 6 % on, 94 % lost; raise "on" to 16 % → the row sums to 110 %
        s.set_move_percent(a, MoveTo::Stage(s.stages[1].id), 16.0).unwrap();
        assert!(matches!(problems(&s)[..], [ChainError::RowSum { state: 0, sum }] if close(sum, 1.1)));
        assert!(of_scenario(&s).is_err());
        s.lost_takes_rest(a).unwrap();
        assert!(close(s.stages[0].moves.as_ref().unwrap().lost, 0.84));
        assert_eq!(problems(&s), vec![]);
        // 16 % on and 90 % buy exceed 100 % without lost: lost cannot take a negative rest
        s.set_move_percent(a, MoveTo::Buy, 90.0).unwrap();
        assert_eq!(s.lost_takes_rest(a), Err(crate::calc::InputError::TooLarge { max: 100.0 }));
    }

    #[test]
    fn removing_a_stage_keeps_the_rows_valid() {
        let mut s = scenario(TemplateId::Hexagon);
        let explore = s.stages[2].id;
        s.remove_stage(explore).unwrap();
        assert_eq!(problems(&s), vec![]);
        // its 0.5 % of newcomers start at its successor, Compare contenders (0.3 % + 0.5 %)
        assert!(close(s.stages[2].moves.as_ref().unwrap().entry, 0.008));
        // a stage added to a journey loses everyone until the user says otherwise
        let id = s.add_stage("New").unwrap();
        assert_eq!(s.stages[s.index_of(id).unwrap()].moves, Some(Moves::lost()));
    }

    #[test]
    fn removing_a_stage_from_a_row_over_100_percent_keeps_every_share_readable() {
        // web shop as a journey; row 1: lost 95 % and 10 % to stage 3, 155 % with its 50 %
        // on to stage 2. Removing stage 3 gives its 10 % to lost: 105 %, capped at 100 %.
        let mut s = scenario(TemplateId::Webshop);
        s.set_mode(Mode::Journey);
        let (a, c) = (s.stages[0].id, s.stages[2].id);
        s.set_move_percent(a, MoveTo::Lost, 95.0).unwrap();
        s.set_move_percent(a, MoveTo::Stage(c), 10.0).unwrap();
        s.remove_stage(c).unwrap();
        let m = s.stages[0].moves.as_ref().unwrap();
        assert_eq!(m.lost, 1.0);
        // still over 100 % (the move on), so still flagged (it saves and reads back as it
        // is: tests/storage_migration.rs)
        assert!(matches!(problems(&s)[..], [ChainError::RowSum { state: 0, .. }, ..]));
    }

    #[test]
    fn a_kept_journey_follows_a_new_count_of_newcomers() {
        // Köpvägen solved at its 10 000 newcomers; a row is then broken and the count set
        // to 80 000: the kept journey's chances apply to the 80 000.
        let mut s = scenario(TemplateId::Kopvagen);
        let j = of_scenario(&s).unwrap();
        let a = s.stages[0].id;
        s.set_move_percent(a, MoveTo::Buy, 90.0).unwrap();
        assert!(of_scenario(&s).is_err());
        s.set_count(a, 80_000.0).unwrap();
        let k = refreshed(&s, &j);
        assert_eq!(k.newcomers, 80_000.0);
        assert!(close(k.customers, 80_000.0 * j.solution.newcomer_buy));
        assert!(close(k.drop_off[0] / j.drop_off[0], 80_000.0 / j.newcomers));
        assert_eq!(k.funnel_customers, s.funnel().entrants()[s.funnel().purchase()]);
    }

    #[test]
    fn a_journey_s_newcomers_are_its_sources_visitors_and_stage_costs_follow_the_visits() {
        use crate::calc::traffic::SourceKind;
        // Köpvägen fed by 30 000 at 5 per click (6 000) and 4 000 organic visitors: 10 000
        // newcomers; the search's own 90 % into stage 2 is not used in a journey
        let mut s = scenario(TemplateId::Kopvagen);
        s.add_source("Search", SourceKind::cpc(30_000.0, 5.0).unwrap()).unwrap();
        s.set_source_rate_percent(0, Some(90.0)).unwrap();
        s.add_source("Organic", SourceKind::free(4_000.0, 0.0).unwrap()).unwrap();
        let j = of_scenario(&s).unwrap();
        assert_eq!(j.newcomers, 10_000.0);
        let mut plain = scenario(TemplateId::Kopvagen);
        plain.set_count(plain.stages[0].id, 10_000.0).unwrap();
        assert!(close(j.customers, of_scenario(&plain).unwrap().customers));
        // C_s = v_s · the chance that a newcomer buys; Σ C_s = C
        let f = forecast(&s, &j);
        let t = f.traffic.as_ref().unwrap();
        assert!(close(t.sources[0].customers, 6_000.0 * j.solution.newcomer_buy));
        assert!(close(t.customers, f.customers));
        // S = typed spend + 30 000 of clicks
        assert!(close(f.spend_total, s.economics.spend + 30_000.0));
        // 2 per visit to stage 2: K₂ = 2 · 10 000 · expected visits there (people come back)
        s.set_entrant_cost(s.stages[1].id, Some(2.0)).unwrap();
        let f = forecast(&s, &j);
        let visits = 10_000.0 * j.solution.newcomer_visits[1];
        assert!(visits > f.stages[1].entrants);
        assert!(close(f.stages[1].cost, 2.0 * visits));
        assert!(close(f.spend_total, s.economics.spend + 30_000.0 + 2.0 * visits));
        // Q₂ divides what was spent up to stage 2 by the people who reach it
        assert!(close(f.stages[1].cost_per_entrant.unwrap(), f.spend_total / f.stages[1].entrants));
        assert!(close(f.cac.unwrap(), f.spend_total / f.customers));
    }

    #[test]
    fn invalid_moves_are_refused_and_change_nothing() {
        let mut s = scenario(TemplateId::Kopvagen);
        let before = s.clone();
        let a = s.stages[0].id;
        assert!(s.set_move_percent(a, MoveTo::Buy, -1.0).is_err());
        assert!(s.set_move_percent(a, MoveTo::Buy, 100.5).is_err());
        assert!(s.set_move_percent(a, MoveTo::Stage(a), 10.0).is_err());
        assert!(s.set_move_percent(a, MoveTo::Stage(99), 10.0).is_err());
        assert!(s.set_entry_percent(a, f64::NAN).is_err());
        assert_eq!(s, before);
    }
}
