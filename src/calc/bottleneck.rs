//! Bottlenecks (MODELS.md §3.9): per stage, the first-purchase revenue per period the
//! funnel would gain if the rate into that stage reached its benchmark, and if it rose by
//! one percentage point; ranked, so the weakest stage comes first.
//!
//! The ranking is fair to every stage: a point is not the same effort at 2 % as at 60 %
//! (from 2 % it is a lift by half). Stages below their benchmark come first, by what
//! reaching it is worth; the others by what the same relative lift is worth, a tenth of
//! each stage's own rate ([`LIFT`]).
//!
//! Benchmarks come with their source: the published figures a template ships with
//! ([`template_benchmark`]), or the user's own.

use std::cmp::Ordering;

use super::funnel::Funnel;
use super::scenario::{Scenario, StageDoc};
use super::templates::TemplateId;

/// Where a benchmark rate comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Published B2B funnel averages: visitor → lead ≈ 2 %, lead → MQL ≈ 20 %, MQL → SQL
    /// ≈ 40 %, SQL → opportunity ≈ 60 %, opportunity → won ≈ 20 % (HubSpot, First Page Sage
    /// and others publish figures in these ranges; they vary by segment).
    B2bAverages,
    /// Baymard Institute: about 70 % of online shopping carts are abandoned (the average of
    /// 49 studies), so about 30 % of carts end in a purchase, here split over the checkout
    /// steps.
    Baymard,
    /// Unbounce's Conversion Benchmark Report (2024): the median landing page converts
    /// 6.6 % of its visitors, across industries; for a first sign-up from a visit.
    Unbounce,
    /// No published figure fits this stage: a common planning figure for such a step, said
    /// to be one.
    RuleOfThumb,
    /// A figure the user typed.
    User,
}

impl Source {
    /// A stable id (`data-source` on the page).
    pub fn id(self) -> &'static str {
        match self {
            Source::B2bAverages => "b2b-averages",
            Source::Baymard => "baymard",
            Source::Unbounce => "unbounce",
            Source::RuleOfThumb => "rule-of-thumb",
            Source::User => "user",
        }
    }
}

/// The benchmark a template ships for the rate into its stage `stage` (0-based), in
/// percent, with its source: a published figure where one fits the stage, else a rule of
/// thumb. `None` for the first stage, which has no rate, and for every stage of the blank
/// template, whose stages are the visitor's own.
///
/// Each template's default rates leave at least one stage below its benchmark, so that a
/// first visit's assessment names a real leak (a test checks it).
///
/// # Examples
/// ```
/// use tragt::calc::bottleneck::{template_benchmark, Source};
/// use tragt::calc::TemplateId;
/// assert_eq!(template_benchmark(TemplateId::B2b, 1), Some((2.0, Source::B2bAverages)));
/// assert_eq!(template_benchmark(TemplateId::B2b, 0), None);
/// assert_eq!(template_benchmark(TemplateId::Blank, 1), None);
/// ```
pub fn template_benchmark(template: TemplateId, stage: usize) -> Option<(f64, Source)> {
    use Source::*;
    use TemplateId::*;
    if stage == 0 || stage >= template.template().stages.len() {
        return None;
    }
    Some(match (template, stage) {
        // awareness → interest (a sign-up) → desire → action → retention
        (Aida, 1) => (6.6, Unbounce),
        (Aida, 2) => (25.0, RuleOfThumb),
        (Aida, 3) => (20.0, RuleOfThumb),
        (Aida, 4) => (30.0, RuleOfThumb),
        // unaware → problem-, solution-, product-aware → ready to buy (won) → repurchase
        (Kobstragt, 1) => (20.0, RuleOfThumb),
        (Kobstragt, 2) => (25.0, RuleOfThumb),
        (Kobstragt, 3) => (40.0, RuleOfThumb),
        (Kobstragt, 4) => (20.0, B2bAverages),
        (Kobstragt, 5) => (40.0, RuleOfThumb),
        // awareness → consideration (a sign-up) → decision → retention → advocacy
        (Kundresan, 1) => (6.6, Unbounce),
        (Kundresan, 2) => (20.0, RuleOfThumb),
        (Kundresan, 3) => (40.0, RuleOfThumb),
        (Kundresan, 4) => (20.0, RuleOfThumb),
        // no need → trigger → explore → compare → purchase → experience
        (Hexagon, 1) => (10.0, RuleOfThumb),
        (Hexagon, 2) => (35.0, RuleOfThumb),
        (Hexagon, 3) => (50.0, RuleOfThumb),
        (Hexagon, 4) => (30.0, RuleOfThumb),
        (Hexagon, 5) => (50.0, RuleOfThumb),
        // the readiness steps 10 % … 110 %: a follow-up closes more of those who ask about
        // delivery than the default half
        (Readiness, 11) => (60.0, RuleOfThumb),
        (Readiness, n) => (Readiness.template().stages[n].rate_pct, RuleOfThumb),
        // attention → consideration (a sign-up) → purchase → loyal customers
        (Kopvagen, 1) => (6.6, Unbounce),
        (Kopvagen, 2) => (10.0, RuleOfThumb),
        (Kopvagen, 3) => (30.0, RuleOfThumb),
        // visitors → product views → add to cart → checkout started → purchase; 43 % · 70 %
        // ≈ 30 % of carts buy (Baymard)
        (Webshop, 1) => (50.0, RuleOfThumb),
        (Webshop, 2) => (9.0, RuleOfThumb),
        (Webshop, 3) => (43.0, Baymard),
        (Webshop, 4) => (70.0, Baymard),
        // visitors → leads → MQL → SQL → opportunities → customers
        (B2b, 1) => (2.0, B2bAverages),
        (B2b, 2) => (20.0, B2bAverages),
        (B2b, 3) => (40.0, B2bAverages),
        (B2b, 4) => (60.0, B2bAverages),
        (B2b, 5) => (20.0, B2bAverages),
        (Blank, _) => return None,
        // a template stage without a figure of its own: none
        _ => return None,
    })
}

/// The benchmark of the rate into stage `i` of a scenario, in percent, and where it comes
/// from: the user's, else the template's; none on the first stage, which has no rate.
///
/// # Examples
/// ```
/// use tragt::calc::bottleneck::{stage_benchmark, Source};
/// use tragt::calc::{Currency, Rate, Scenario, TemplateId};
/// let mut s = Scenario::from_template("a".into(), "Shop".into(), TemplateId::Webshop, Currency::Eur);
/// assert_eq!(stage_benchmark(&s, 4), Some((70.0, Source::Baymard)));
/// s.stages[4].benchmark = Rate::from_percent(80.0).ok();
/// assert_eq!(stage_benchmark(&s, 4), Some((80.0, Source::User)));
/// assert_eq!(stage_benchmark(&s, 0), None);
/// ```
pub fn stage_benchmark(s: &Scenario, i: usize) -> Option<(f64, Source)> {
    s.stages.get(i).and_then(|st| benchmark_of(st, i == 0, s.template))
}

/// The benchmark of the rate into one stage, in percent, and its source: the user's, else
/// its template stage's; none when it is the `first` stage.
pub fn benchmark_of(stage: &StageDoc, first: bool, template: TemplateId) -> Option<(f64, Source)> {
    match (stage.benchmark, &stage.label) {
        _ if first => None,
        (Some(b), _) => Some((b.percent(), Source::User)),
        (None, label) => label.template_stage().and_then(|n| template_benchmark(template, n)),
    }
}

/// The benchmark of the rate into every stage of a scenario, as fractions (for [`levers`]).
pub fn benchmarks(s: &Scenario) -> Vec<Option<f64>> {
    (0..s.stages.len()).map(|i| stage_benchmark(s, i).map(|(pct, _)| pct / 100.0)).collect()
}

/// The relative lift every stage is compared at where no benchmark gap ranks it: +10 % of
/// its own rate (so 2 % → 2.2 %, 60 % → 66 %).
pub const LIFT: f64 = 0.10;

/// One stage's lever on revenue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lever {
    /// The stage (0-based) whose incoming rate this is.
    pub stage: usize,
    /// The rate now, a fraction.
    pub rate: f64,
    /// The benchmark, a fraction (`None`: no benchmark for this stage).
    pub benchmark: Option<f64>,
    /// First-purchase revenue gained per period if the rate reached the benchmark (0 when
    /// it is there already).
    pub to_benchmark: f64,
    /// First-purchase revenue gained per period if the rate rose one percentage point
    /// (capped at 100 %).
    pub plus_one: f64,
    /// First-purchase revenue gained per period if the rate rose by [`LIFT`] of itself
    /// (capped at 100 %): the same for every stage below 1 / 1.1 ≈ 91 %, since the customers
    /// are the product of the rates.
    pub lift: f64,
}

/// The levers of the stages 2..=purchase, ranked: largest gain to the benchmark first,
/// then largest gain from the same relative lift ([`LIFT`]), then funnel order. (A funnel
/// without customers gains nothing from any lift: there, the stage where one point more
/// brings the first customers, a stage at 0 %, comes first.) `benchmarks[i]` is the
/// benchmark of the rate into stage i, a fraction.
///
/// # Examples
/// ```
/// use tragt::calc::{Funnel, Rate};
/// use tragt::calc::bottleneck::levers;
/// // 1000 → 10 % → 50 %: 50 customers at 100 each
/// let f = Funnel::new(1000.0, vec![Rate::new(0.1).unwrap(), Rate::new(0.5).unwrap()], 1, 2);
/// let l = levers(&f, 100.0, &[None, Some(0.2), Some(0.5)]);
/// // stage 2 at 20 %: 1000 · 0.2 · 0.5 = 100 customers, +50 · 100 = 5000
/// assert_eq!((l[0].stage, l[0].to_benchmark), (1, 5000.0));
/// // stage 3 meets its benchmark; one point more: 1000 · 0.1 · 0.51 = 51, +1 · 100 = 100
/// assert_eq!(l[1].to_benchmark, 0.0);
/// assert!((l[1].plus_one - 100.0).abs() < 1e-9);
/// ```
pub fn levers(funnel: &Funnel, aov: f64, benchmarks: &[Option<f64>]) -> Vec<Lever> {
    let purchase = funnel.purchase();
    let rates: Vec<f64> = (1..funnel.len()).filter_map(|i| funnel.rate_into(i).map(|r| r.get())).collect();
    // customers with the rate into stage `stage` replaced by `x`, multiplied in funnel order
    let customers = |stage: usize, x: f64| {
        let mut c = funnel.top();
        for (j, r) in rates.iter().enumerate().take(purchase) {
            c *= if j + 1 == stage { x } else { *r };
        }
        c
    };
    let positive = |g: f64| if g.is_finite() && g > 0.0 { g } else { 0.0 };
    let gain = |stage: usize, x: f64, now: f64| positive((customers(stage, x) - now) * aov);
    let mut out: Vec<Lever> = (1..=purchase.min(rates.len()))
        .map(|stage| {
            let rate = rates[stage - 1];
            let now = customers(stage, rate);
            let benchmark = benchmarks.get(stage).copied().flatten().filter(|b| (0.0..=1.0).contains(b));
            Lever {
                stage,
                rate,
                benchmark,
                to_benchmark: benchmark.map_or(0.0, |b| gain(stage, b.max(rate), now)),
                plus_one: gain(stage, (rate + 0.01).min(1.0), now),
                // (customers · LIFT exactly where the lifted rate stays within 100 %: equal
                // lifts are equal numbers, so ties rank in funnel order)
                lift: if rate * (1.0 + LIFT) <= 1.0 { positive(now * LIFT * aov) } else { gain(stage, 1.0, now) },
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.to_benchmark
            .total_cmp(&a.to_benchmark)
            .then(b.lift.total_cmp(&a.lift))
            // with no customers every lift is 0: the stage at 0 % (where one point is the
            // first customers) comes first
            .then(if a.lift == 0.0 && b.lift == 0.0 { b.plus_one.total_cmp(&a.plus_one) } else { Ordering::Equal })
            .then(a.stage.cmp(&b.stage))
    });
    out
}

/// What the self-assessment says about a funnel: the stage that leaks most against its
/// benchmark, or, when every stage meets its benchmark, the stage where the same relative
/// lift is worth the most.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Finding {
    /// The stage below its benchmark whose reaching it brings the most revenue.
    Leak {
        /// The stage (0-based) whose incoming rate it is.
        stage: usize,
        /// Its rate now and its benchmark, fractions.
        rate: f64,
        benchmark: f64,
        /// First-purchase revenue gained per period at the benchmark.
        worth: f64,
    },
    /// No gap to a benchmark: the stage where a [`LIFT`] of its own rate brings the most
    /// (the first in funnel order where several bring the same).
    Lever {
        /// The stage (0-based).
        stage: usize,
        /// Its rate now, a fraction.
        rate: f64,
        /// First-purchase revenue gained per period from the lift.
        worth: f64,
    },
}

impl Finding {
    /// The stage it is about (0-based).
    pub fn stage(self) -> usize {
        match self {
            Finding::Leak { stage, .. } | Finding::Lever { stage, .. } => stage,
        }
    }

    /// What acting on it is worth per period.
    pub fn worth(self) -> f64 {
        match self {
            Finding::Leak { worth, .. } | Finding::Lever { worth, .. } => worth,
        }
    }
}

/// The finding of ranked [`levers`]: the first of them, so the headline and the ranked list
/// always name the same stage, ties included. It is a leak if it gains anything at its
/// benchmark, else a lever (its gain from the [`LIFT`]). `None` when the funnel has no
/// stage to improve (a single stage, or the purchase at the top).
///
/// # Examples
/// ```
/// use tragt::calc::{Funnel, Rate};
/// use tragt::calc::bottleneck::{finding, levers, Finding};
/// let f = Funnel::new(1000.0, vec![Rate::new(0.1).unwrap(), Rate::new(0.5).unwrap()], 1, 2);
/// let found = finding(&levers(&f, 100.0, &[None, Some(0.2), Some(0.5)])).unwrap();
/// assert_eq!((found.stage(), found.worth()), (1, 5000.0));
/// assert!(matches!(found, Finding::Leak { .. }));
/// ```
pub fn finding(levers: &[Lever]) -> Option<Finding> {
    let first = levers.first()?;
    Some(match first.benchmark {
        Some(benchmark) if first.to_benchmark > 0.0 => {
            Finding::Leak { stage: first.stage, rate: first.rate, benchmark, worth: first.to_benchmark }
        }
        _ => Finding::Lever { stage: first.stage, rate: first.rate, worth: first.lift },
    })
}

/// A stage's part in the funnel, for advice on a stage that is not a template's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// At or before the lead stage: bring the right people in and capture them.
    Attract,
    /// Between the lead and the purchase: nurture and qualify.
    Nurture,
    /// The purchase stage: make buying easy.
    Close,
    /// After the purchase: keep customers and win their referrals.
    Keep,
}

impl Role {
    /// The role of stage `stage` given the lead and purchase stages (0-based).
    pub fn of(stage: usize, lead: usize, purchase: usize) -> Role {
        if stage > purchase {
            Role::Keep
        } else if stage == purchase {
            Role::Close
        } else if stage <= lead {
            Role::Attract
        } else {
            Role::Nurture
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::Rate;

    fn funnel(top: f64, pct: &[f64], purchase: usize) -> Funnel {
        Funnel::new(top, pct.iter().map(|p| Rate::from_percent(*p).unwrap()).collect(), 0, purchase)
    }

    #[test]
    fn the_worked_web_shop_ranks_the_lead_magnet_first() {
        // worked example 1: 50 000 → 40 % → 12 % → 35 % → 60 %, 504 customers, AOV 450.
        // Benchmarks 45 %, 20 %, 30 %, 70 %:
        //   stage 2 at 45 %: 504 · 45/40 = 567, +63 · 450 = 28 350
        //   stage 3 at 20 %: 504 · 20/12 = 840, +336 · 450 = 151 200
        //   stage 4 at 30 %: below 35 % now, no gain
        //   stage 5 at 70 %: 504 · 70/60 = 588, +84 · 450 = 37 800
        let f = funnel(50_000.0, &[40.0, 12.0, 35.0, 60.0], 4);
        let l = levers(&f, 450.0, &[None, Some(0.45), Some(0.2), Some(0.3), Some(0.7)]);
        let ranked: Vec<usize> = l.iter().map(|x| x.stage).collect();
        assert_eq!(ranked, vec![2, 4, 1, 3]);
        assert!((l[0].to_benchmark - 151_200.0).abs() < 1e-6, "{}", l[0].to_benchmark);
        assert!((l[1].to_benchmark - 37_800.0).abs() < 1e-6);
        assert!((l[2].to_benchmark - 28_350.0).abs() < 1e-6);
        assert_eq!(l[3].to_benchmark, 0.0);
        // one point more on stage 4 (35 → 36 %): 504 · 36/35 = 518.4, +14.4 · 450 = 6480
        assert!((l[3].plus_one - 6480.0).abs() < 1e-6, "{}", l[3].plus_one);
    }

    #[test]
    fn a_zero_rate_still_has_levers_and_full_rates_have_none_upward() {
        // 1000 → 0 % → 50 %: no customers; stage 2 at its 10 % benchmark: 1000 · 0.1 · 0.5 = 50 · 20 = 1000
        let f = funnel(1000.0, &[0.0, 50.0], 2);
        let l = levers(&f, 20.0, &[None, Some(0.1), None]);
        assert_eq!((l[0].stage, l[0].to_benchmark), (1, 1000.0));
        // one point on the 0 % stage: 1000 · 0.01 · 0.5 = 5 customers, · 20 = 100
        assert!((l[0].plus_one - 100.0).abs() < 1e-9);
        // stage 3 has no benchmark; one more point while stage 2 is 0 % gains nothing
        assert_eq!((l[1].benchmark, l[1].to_benchmark, l[1].plus_one), (None, 0.0, 0.0));
        let full = funnel(1000.0, &[100.0], 1);
        assert_eq!(levers(&full, 20.0, &[None, Some(0.5)])[0].plus_one, 0.0);
    }

    #[test]
    fn stages_after_the_purchase_are_no_levers() {
        let f = funnel(1000.0, &[10.0, 50.0, 30.0], 2);
        assert_eq!(levers(&f, 1.0, &[]).iter().map(|l| l.stage).max(), Some(2));
    }

    #[test]
    fn the_finding_is_the_biggest_leak_else_the_biggest_lever() {
        // worked example 1: stage 3 (index 2) leaks most, worth 151 200
        let f = funnel(50_000.0, &[40.0, 12.0, 35.0, 60.0], 4);
        let l = levers(&f, 450.0, &[None, Some(0.45), Some(0.2), Some(0.3), Some(0.7)]);
        match finding(&l) {
            Some(Finding::Leak { stage: 2, rate, benchmark, worth }) => {
                assert!((rate - 0.12).abs() < 1e-12 && benchmark == 0.2 && (worth - 151_200.0).abs() < 1e-6);
            }
            other => panic!("{other:?}"),
        }
        // every benchmark met: a tenth more of its own rate is worth the same at every
        // stage (504 · 0.1 · 450 = 22 680), so the first in funnel order is named
        let met = levers(&f, 450.0, &[None, Some(0.1), Some(0.1), Some(0.1), Some(0.1)]);
        assert!(met.iter().all(|l| (l.lift - 22_680.0).abs() < 1e-6), "{met:?}");
        assert_eq!(met.iter().map(|l| l.stage).collect::<Vec<_>>(), vec![1, 2, 3, 4]);
        match finding(&met) {
            Some(Finding::Lever { stage: 1, worth, .. }) => assert!((worth - 22_680.0).abs() < 1e-6, "{worth}"),
            other => panic!("{other:?}"),
        }
        // no benchmarks at all: the same lever
        assert_eq!(finding(&levers(&f, 450.0, &[])).map(Finding::stage), Some(1));
        // nothing to improve
        assert_eq!(finding(&[]), None);
    }

    #[test]
    fn a_point_is_not_the_same_effort_everywhere_so_the_lift_is_relative() {
        // B2B-like: 25 000 → 2 % → 60 %: 300 customers at 100. One point more at 2 % is a
        // lift by half (+150 customers); at 60 % it is 1/60 (+5). A tenth of each rate is
        // worth the same 30 customers at either stage: the list ranks them in funnel order.
        let f = funnel(25_000.0, &[2.0, 60.0], 2);
        let l = levers(&f, 100.0, &[]);
        assert!((l[0].plus_one - 15_000.0).abs() < 1e-6 && (l[1].plus_one - 500.0).abs() < 1e-6, "{l:?}");
        assert!(l.iter().all(|x| (x.lift - 3_000.0).abs() < 1e-6), "{l:?}");
        assert_eq!(l.iter().map(|x| x.stage).collect::<Vec<_>>(), vec![1, 2]);
        // a rate near 100 % cannot rise a tenth: capped, it is worth less and ranks last
        let capped = funnel(1000.0, &[95.0, 50.0], 2);
        let l = levers(&capped, 1.0, &[]);
        assert_eq!(l.iter().map(|x| x.stage).collect::<Vec<_>>(), vec![2, 1]);
        assert!((l[1].lift - 1000.0 * 0.05 * 0.5).abs() < 1e-9, "{l:?}");
        // no customers: no lift gains anything; the stage at 0 % is where to start
        let stuck = levers(&funnel(1000.0, &[50.0, 0.0, 50.0], 3), 1.0, &[]);
        assert_eq!((stuck[0].stage, stuck[0].lift), (2, 0.0), "{stuck:?}");
        // a stage below its benchmark always comes before the lifts, and is the finding
        let l = levers(&f, 100.0, &[None, None, Some(0.61)]);
        assert_eq!(l[0].stage, 2);
        assert!(matches!(finding(&l), Some(Finding::Leak { stage: 2, .. })));
    }

    #[test]
    fn a_stage_role_follows_the_lead_and_purchase_marks() {
        let roles: Vec<Role> = (0..6).map(|i| Role::of(i, 1, 4)).collect();
        assert_eq!(roles, [Role::Attract, Role::Attract, Role::Nurture, Role::Nurture, Role::Close, Role::Keep]);
        // the lead at the purchase: nothing to nurture
        assert_eq!(Role::of(2, 2, 2), Role::Close);
    }

    #[test]
    fn every_template_stage_but_the_first_has_a_cited_or_rule_of_thumb_benchmark() {
        for id in TemplateId::ALL {
            let n = id.template().stages.len();
            assert_eq!(template_benchmark(id, 0), None);
            assert_eq!(template_benchmark(id, n), None);
            if id == TemplateId::Blank {
                assert!((0..n).all(|stage| template_benchmark(id, stage).is_none()));
                continue;
            }
            for stage in 1..n {
                let (pct, source) = template_benchmark(id, stage).unwrap_or_else(|| panic!("{id:?} {stage}"));
                assert!(pct > 0.0 && pct <= 100.0, "{id:?} {stage}");
                assert_ne!(source, Source::User, "{id:?} {stage}");
            }
        }
    }

    #[test]
    fn every_template_but_blank_opens_with_a_stage_below_its_benchmark() {
        for id in TemplateId::ALL.into_iter().filter(|id| *id != TemplateId::Blank) {
            let s = Scenario::from_template("t".into(), "T".into(), id, crate::calc::Currency::Dkk);
            let below: Vec<usize> = (1..s.stages.len())
                .filter(|&i| stage_benchmark(&s, i).is_some_and(|(b, _)| s.stages[i].rate.percent() < b - 1e-9))
                .collect();
            assert!(!below.is_empty(), "{id:?}: every stage meets its benchmark");
            // and the assessment names one of them: the list's head is below its benchmark
            let f = s.funnel();
            let head = levers(&f, s.economics.aov, &benchmarks(&s))[0];
            assert!(head.to_benchmark > 0.0 && below.contains(&head.stage), "{id:?}: {head:?}");
        }
    }
}
