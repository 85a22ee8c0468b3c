//! Hostile numbers against the whole calculation core (proptest): NaN, ±∞, ±0, subnormals,
//! ±1e308, ±f64::MAX, the input limits and ordinary values, into every public function of
//! `calc` that takes a number, and into a scenario through its setters.
//!
//! What holds for all of them: nothing panics or hangs (every case runs against a time limit),
//! a setter either admits a number or refuses it and leaves the scenario as it was, and every
//! number the UI would show is finite — an undefined figure is `Err(Undefined)`, never NaN
//! or ∞. A [`Shown`] collects the numbers of a forecast and of each view as the panels
//! display them.

use std::sync::mpsc;
use std::time::Duration;

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

#[allow(dead_code)] // only the hostile numbers are used here
mod strategies;
use strategies::hostile;
use tragt::calc::bottleneck::{benchmarks, finding, levers, stage_benchmark, template_benchmark, Finding, Lever};
use tragt::calc::compare::{relative_change, shares, KeyFigure};
use tragt::calc::goal::{plan, GoalPlan, Target};
use tragt::calc::journey::{self, Journey};
use tragt::calc::limits::{
    MAX_COUNT, MAX_DAYS, MAX_MONEY, MAX_PER_YEAR, MAX_REFERRALS, MAX_YEARS, MIN_TRIALS as MIN_TRIALS_F,
};
use tragt::calc::markov::{self, from_funnel, solve, with_recovery, ChainError, TOLERANCE};
use tragt::calc::pipeline::{pipeline, Pipeline};
use tragt::calc::referral::{referral, Referral};
use tragt::calc::time::{days_to_purchase, per_month, timeline, velocity, Timeline, TimelineInput};
use tragt::calc::uncertainty::{self, percentile, simulate, Outcome, Simulation, Spread, MAX_TRIALS, MIN_TRIALS};
use tragt::calc::{
    figures, forecast, Currency, Economics, Figure, Flow, Forecast, Funnel, InputError, LtvMethod, Mode, MoveTo,
    Period, Quantity, Rate, Scenario, TemplateId, Undefined, MAX_STAGES, MIN_STAGES,
};

// ---------------------------------------------------------------------------------------
// No hang: every case runs on its own thread against a time limit.

/// Far above the slowest case in a debug build (a Monte Carlo of 10 000 trials).
const LIMIT: Duration = Duration::from_secs(20);

/// Runs `f` on a thread of its own; a case still running after [`LIMIT`] fails as a hang,
/// and a panic in `f` is passed on (proptest then shrinks it like any failure).
fn in_time<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(LIMIT) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("no result within {LIMIT:?}: a hang"),
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the worker sends before it ends"),
        },
    }
}

// ---------------------------------------------------------------------------------------
// What the UI shows.

/// The numbers a view puts on screen, each with the name and index it has there: plain
/// numbers, and the values of defined figures (an undefined one shows a dash and its reason).
#[derive(Default)]
struct Shown(Vec<(&'static str, usize, f64)>);

impl Shown {
    fn num(&mut self, what: &'static str, i: usize, v: f64) {
        self.0.push((what, i, v));
    }

    fn fig(&mut self, what: &'static str, i: usize, v: Figure) {
        if let Ok(v) = v {
            self.num(what, i, v);
        }
    }

    /// Fails on the first number that is NaN or infinite.
    fn check(&self) -> Result<(), TestCaseError> {
        for (what, i, v) in &self.0 {
            prop_assert!(v.is_finite(), "{}[{}] = {}", what, i, v);
        }
        Ok(())
    }

    /// The figures of a forecast: per stage (results list and stage rows) and the headline
    /// and ratio cards.
    fn forecast(&mut self, f: &Forecast) {
        for (i, s) in f.stages.iter().enumerate() {
            self.num("stage entrants", i, s.entrants);
            if let Some(d) = s.drop_off {
                self.num("stage drop-off", i, d);
            }
            self.num("stage chance to buy", i, s.probability);
            self.num("stage value", i, s.value);
            self.num("stage first-purchase value", i, s.first_purchase_value);
            self.fig("stage cost per entrant", i, s.cost_per_entrant);
            self.num("stage cost", i, s.cost);
        }
        self.num("total spend", 0, f.spend_total);
        if let Some(split) = f.spend_split {
            self.num("spend other", 0, split.other);
            self.num("spend media", 0, split.media);
            self.num("spend stages", 0, split.stages);
        }
        if let Some(t) = &f.traffic {
            self.num("traffic top", 0, t.top);
            self.num("traffic second", 0, t.second);
            self.fig("traffic blend", 0, t.blend.map(|r| r.get()));
            self.num("traffic media", 0, t.media_spend);
            self.num("traffic customers", 0, t.customers);
            for (i, x) in t.sources.iter().enumerate() {
                for v in [x.visitors, x.onward, x.spend, x.customers, x.revenue, x.rate.get()] {
                    self.num("source", i, v);
                }
                for v in [x.cost_per_visitor, x.cac, x.roas] {
                    self.fig("source", i, v);
                }
            }
        }
        self.num("customers", 0, f.customers);
        self.fig("overall rate", 0, f.overall_rate);
        self.num("revenue", 0, f.revenue);
        self.fig("CPL", 0, f.cpl);
        self.fig("CAC", 0, f.cac);
        self.fig("ROAS", 0, f.roas);
        self.num("annual margin", 0, f.annual_margin);
        self.num("LTV", 0, f.ltv);
        self.fig("LTV:CAC", 0, f.ltv_cac);
        self.fig("payback", 0, f.payback_months);
        self.fig("ROI", 0, f.roi);
    }

    /// The goal panel and the goal line of each stage row: the target, what each stage
    /// needs and has, the spend, and how many customers are missing.
    fn goal(&mut self, p: &GoalPlan, f: &Forecast) {
        self.fig("goal customers", 0, p.customers);
        self.fig("goal short by", 0, p.customers.map(|t| t - f.customers));
        for (i, s) in p.stages.iter().enumerate() {
            self.fig("goal required", i, s.required);
            self.num("goal actual", i, s.actual);
        }
        self.fig("goal spend", 0, p.spend);
    }

    /// The bottleneck list and chart.
    fn levers(&mut self, levers: &[Lever]) {
        for l in levers {
            self.num("lever rate", l.stage, l.rate);
            if let Some(b) = l.benchmark {
                self.num("lever benchmark", l.stage, b);
            }
            self.num("lever gain to benchmark", l.stage, l.to_benchmark);
            self.num("lever gain of one point", l.stage, l.plus_one);
            self.num("lever gain of a tenth more", l.stage, l.lift);
        }
    }

    /// The timeline chart and its summary.
    fn timeline(&mut self, t: &Timeline) {
        for (i, m) in t.months.iter().enumerate() {
            for v in [
                m.new_customers,
                m.active_customers,
                m.cumulative_customers,
                m.revenue,
                m.margin,
                m.spend,
                m.cumulative_revenue,
                m.cumulative_margin,
                m.cumulative_spend,
            ] {
                self.num("timeline month", i, v);
            }
        }
    }

    /// The pipeline panel: its table and its two cards.
    fn pipeline(&mut self, p: &Pipeline) {
        for (i, s) in p.stages.iter().enumerate() {
            self.num("pipeline now", i, s.now);
            self.num("pipeline customers", i, s.customers);
            self.num("pipeline value", i, s.value);
        }
        self.num("pipeline customers", 0, p.customers);
        self.num("pipeline revenue", 0, p.revenue);
    }

    /// The referral panel's two cards.
    fn referral(&mut self, r: Referral) {
        if let Referral::Converges { top, customers } = r {
            self.num("referral top", 0, top);
            self.num("referral customers", 0, customers);
        }
    }

    /// The uncertainty panel: percentiles, bands, histogram edges (and the results band).
    fn outcome(&mut self, o: &Outcome) {
        for (what, p) in [("MC customers", o.customers), ("MC revenue", o.revenue)] {
            self.num(what, 10, p.p10);
            self.num(what, 50, p.p50);
            self.num(what, 90, p.p90);
        }
        self.fig("MC CAC", 10, o.cac.p10);
        self.fig("MC CAC", 50, o.cac.p50);
        self.fig("MC CAC", 90, o.cac.p90);
        self.num("MC histogram low", 0, o.histogram.low);
        self.num("MC histogram high", 0, o.histogram.high);
    }

    /// The journey panel: its cards and the per-state outcome table.
    fn journey(&mut self, j: &Journey) {
        let s = &j.solution;
        self.num("journey chance to buy", 0, s.newcomer_buy);
        self.num("journey customers", 0, j.customers);
        self.num("journey funnel customers", 0, j.funnel_customers);
        self.fig("journey vs funnel", 0, j.vs_funnel);
        self.num("journey steps", 0, s.newcomer_steps);
        self.num("journey days", 0, s.newcomer_days);
        self.num("journey recovered", 0, j.recovered());
        for i in 0..s.buy.len() {
            self.num("state chance to buy", i, s.buy[i]);
            self.num("state visits", i, s.newcomer_visits[i]);
            self.num("state steps", i, s.steps[i]);
            self.num("state days", i, s.days[i]);
        }
        for (i, d) in j.drop_off.iter().enumerate() {
            self.num("journey drop-off", i, *d);
        }
    }

    /// The sums the journey's problem messages quote.
    fn problems(&mut self, problems: &[ChainError]) {
        for p in problems {
            match p {
                ChainError::RowSum { state, sum } => self.num("row sum", *state, *sum),
                ChainError::EntrySum { sum } => self.num("entry sum", 0, *sum),
                _ => {}
            }
        }
    }

    /// The comparison table and its bars: each key figure of `other`, its change against
    /// `base`, and the bar shares of both.
    fn compare(&mut self, base: &Forecast, other: &Forecast) {
        for (k, key) in KeyFigure::ALL.into_iter().enumerate() {
            self.fig("compare figure", k, key.of(other));
            self.fig("compare change", k, relative_change(key.of(other), key.of(base)));
            for share in shares(&[key.of(base), key.of(other)]) {
                self.num("compare bar", k, share);
            }
        }
    }

    /// What the input fields of a scenario show (percentages in percent).
    fn inputs(&mut self, s: &Scenario) {
        self.num("top", 0, s.top);
        for (i, st) in s.stages.iter().enumerate() {
            self.num("rate", i, st.rate.percent());
            for v in [st.now, st.days].into_iter().flatten() {
                self.num("stage input", i, v);
            }
            for r in [st.benchmark, st.low, st.high].into_iter().flatten() {
                self.num("stage range", i, r.percent());
            }
            if let Some(m) = &st.moves {
                for (_, p) in &m.to {
                    self.num("move", i, p * 100.0);
                }
                self.num("buy", i, m.buy * 100.0);
                self.num("lost", i, m.lost * 100.0);
                self.num("entry", i, m.entry * 100.0);
                // the row's rest, 100 % minus its moves
                self.num("rest", i, 1.0 - m.sum());
            }
        }
        let e = &s.economics;
        for v in [e.spend, e.aov, e.frequency, e.margin * 100.0, e.lifespan, e.retention * 100.0, e.discount * 100.0] {
            self.num("money input", 0, v);
        }
        self.num("referrals", 0, s.referrals);
        self.num("recovery", 0, s.recovery * 100.0);
        if let Some(goal) = s.goal {
            self.num("goal input", 0, goal.amount());
        }
    }
}

/// Fails unless every defined figure is finite: the one thing a `Figure` must never hold.
fn typed(figures: &[(&'static str, Figure)]) -> Result<(), TestCaseError> {
    for (what, f) in figures {
        if let Ok(v) = f {
            prop_assert!(v.is_finite(), "{} = Ok({})", what, v);
        }
    }
    Ok(())
}

/// The figures (`Result`s) of a forecast.
fn forecast_figures(f: &Forecast) -> Vec<(&'static str, Figure)> {
    let mut out = vec![
        ("overall rate", f.overall_rate),
        ("CPL", f.cpl),
        ("CAC", f.cac),
        ("ROAS", f.roas),
        ("LTV:CAC", f.ltv_cac),
        ("payback", f.payback_months),
        ("ROI", f.roi),
    ];
    out.extend(f.stages.iter().map(|s| ("cost per entrant", s.cost_per_entrant)));
    out
}

// ---------------------------------------------------------------------------------------
// Inputs.

/// A stage or array index: mostly small, sometimes the largest there is.
fn index() -> impl Strategy<Value = usize> {
    prop_oneof![8 => 0usize..24, 1 => Just(usize::MAX), 1 => any::<usize>()]
}

fn template() -> impl Strategy<Value = TemplateId> {
    prop::sample::select(TemplateId::ALL.to_vec())
}

fn period() -> impl Strategy<Value = Period> {
    prop::sample::select(Period::ALL.to_vec())
}

fn method(simple: bool) -> LtvMethod {
    if simple {
        LtvMethod::Simple
    } else {
        LtvMethod::Retention
    }
}

/// A funnel from any numbers: the top as given, each rate whatever `Rate::new` makes of a
/// hostile number (a refused one is 0 %), any lead and purchase index.
fn hostile_funnel() -> impl Strategy<Value = Funnel> {
    (hostile(), vec(hostile(), 1..20), index(), index()).prop_map(|(top, rates, lead, purchase)| {
        Funnel::new(top, rates.into_iter().map(|r| Rate::new(r).unwrap_or_default()).collect(), lead, purchase)
    })
}

/// A funnel as the stage rows admit one: the top typed as a count (a refused number leaves
/// 1 000), the rates as above.
fn admitted_funnel() -> impl Strategy<Value = Funnel> {
    (hostile(), hostile_funnel()).prop_map(|(top, f)| {
        let mut f = f;
        f.set_top(Quantity::Count.check(top).unwrap_or(1_000.0));
        f
    })
}

/// Money with every field any number, neither checked nor clamped.
fn raw_economics() -> impl Strategy<Value = Economics> {
    (vec(hostile(), 7), any::<bool>()).prop_map(|(x, simple)| Economics {
        spend: x[0],
        aov: x[1],
        frequency: x[2],
        margin: x[3],
        method: method(simple),
        lifespan: x[4],
        retention: x[5],
        discount: x[6],
    })
}

/// Numbers typed into the money panel's fields (field, number).
fn money_typing() -> impl Strategy<Value = Vec<(u8, f64)>> {
    vec((0u8..7, hostile()), 0..14)
}

/// The money panel applying a typed number to one of its fields: checked as the field's
/// quantity, then stored (percentages as fractions). A refused number changes nothing.
fn type_money(e: &mut Economics, field: u8, v: f64) -> Result<(), InputError> {
    let (quantity, put): (Quantity, fn(&mut Economics, f64)) = match field % 7 {
        0 => (Quantity::Money, |e, v| e.spend = v),
        1 => (Quantity::Money, |e, v| e.aov = v),
        2 => (Quantity::PerYear, |e, v| e.frequency = v),
        3 => (Quantity::Percent, |e, v| e.margin = v / 100.0),
        4 => (Quantity::Years, |e, v| e.lifespan = v),
        5 => (Quantity::Retention, |e, v| e.retention = v / 100.0),
        _ => (Quantity::Percent, |e, v| e.discount = v / 100.0),
    };
    put(e, quantity.check(v)?);
    Ok(())
}

/// Default money with `typing` applied as the money panel applies it.
fn admitted(typing: &[(u8, f64)], simple: bool) -> Economics {
    let mut e = Economics { method: method(simple), ..Economics::default() };
    for &(field, v) in typing {
        let _ = type_money(&mut e, field, v);
    }
    e
}

/// A figure as `calc` can hold one: any finite number, or undefined for any reason.
fn figure() -> impl Strategy<Value = Figure> {
    prop_oneof![
        3 => hostile().prop_map(|x| if x.is_finite() { Ok(x) } else { Err(Undefined::TooLarge) }),
        1 => Just(Err(Undefined::NoSpend)),
        1 => Just(Err(Undefined::NoCustomers)),
    ]
}

fn spread() -> impl Strategy<Value = Spread> {
    prop_oneof![
        Just(Spread::Fixed),
        (hostile(), hostile()).prop_map(|(low, high)| Spread::Uniform { low, high }),
        (hostile(), hostile()).prop_map(|(successes, failures)| Spread::Beta { successes, failures }),
    ]
}

// ---------------------------------------------------------------------------------------
// Direct calls with arbitrary numbers.

const QUANTITIES: [Quantity; 10] = [
    Quantity::Count,
    Quantity::Money,
    Quantity::Percent,
    Quantity::Retention,
    Quantity::Years,
    Quantity::PerYear,
    Quantity::Days,
    Quantity::Referrals,
    Quantity::Trials,
    Quantity::Seed,
];

/// `cases` cases; shrinking stops after a minute, so that a hang (each try of it waits for
/// [`LIMIT`]) is still reported.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, max_shrink_time: 60_000, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(256))]

    /// A rate exists only for a finite fraction in 0..=1 (a percentage in 0..=100), and a
    /// field admits a number only when it lies within its quantity's range (so never NaN or
    /// ∞), stored as typed but without a sign on zero; everything else is refused.
    #[test]
    fn rates_and_fields_admit_only_numbers_in_range(x in hostile()) {
        in_time(move || {
            match Rate::new(x) {
                Ok(r) => {
                    prop_assert!((0.0..=1.0).contains(&x));
                    prop_assert!(r.get() == x && r.get().is_sign_positive() && r.percent().is_finite());
                }
                Err(_) => prop_assert!(!(0.0..=1.0).contains(&x)),
            }
            prop_assert_eq!(Rate::from_percent(x).is_ok(), (0.0..=1.0).contains(&(x / 100.0)));
            for q in QUANTITIES {
                let max = q.max();
                prop_assert!(max.is_finite() && max > 0.0);
                match q.check(x) {
                    Ok(v) => prop_assert!(v == x && v.is_sign_positive() && (0.0..=max).contains(&v), "{:?}: {}", q, v),
                    Err(_) => prop_assert!(!(0.0..=max).contains(&x), "{:?} refused {}", q, x),
                }
            }
            Ok(())
        })?;
    }

    /// A funnel of any numbers, typed into at any stage: a NaN, infinite or negative top counts
    /// as 0, a refused count changes nothing, and every count and chance to buy is finite,
    /// ≥ 0 (no "−0"), narrowing down the funnel, 1 at the purchase stage.
    #[test]
    fn any_numbers_make_a_funnel_of_finite_people(
        f in hostile_funnel(),
        new_top in hostile(),
        typed in vec((index(), hostile()), 0..8),
        rate in (index(), hostile()),
    ) {
        in_time(move || {
            let mut f = f;
            let before = f.clone();
            f.set_top(new_top);
            if new_top.is_finite() && new_top >= 0.0 {
                prop_assert!(f.top() == new_top);
            } else {
                prop_assert_eq!(&f, &before);
            }
            for (i, count) in typed {
                let before = f.clone();
                if f.set_count(i, count).is_err() {
                    prop_assert_eq!(&f, &before, "a refused count {} at {} changed the funnel", count, i);
                }
            }
            if let Ok(r) = Rate::new(rate.1) {
                f.set_rate(rate.0, r);
            }
            prop_assert!(f.lead() < f.len() && f.purchase() < f.len() && !f.is_empty());
            for i in [0, f.len(), usize::MAX] {
                prop_assert!(f.rate_into(i).is_none());
            }
            let e = f.entrants();
            prop_assert_eq!(e.len(), f.len());
            prop_assert!(e.iter().all(|x| x.is_finite() && *x >= 0.0 && x.is_sign_positive()), "{:?}", e);
            prop_assert!(e.windows(2).all(|w| w[1] <= w[0]));
            let p = f.probabilities();
            prop_assert!(p.iter().all(|x| (0.0..=1.0).contains(x)), "{:?}", p);
            prop_assert_eq!(p[f.purchase()], 1.0);
            Ok(())
        })?;
    }

    /// Money of any numbers never panics; money as the money panel admits it (each field
    /// checked as its quantity) has a finite annual margin and lifetime value, never below 0,
    /// by either method.
    #[test]
    fn admitted_money_has_a_finite_lifetime_value(
        raw in raw_economics(),
        typing in money_typing(),
        simple in any::<bool>(),
    ) {
        in_time(move || {
            let _ = (raw.annual_margin(), raw.ltv());
            let e = admitted(&typing, simple);
            for e in [e, Economics { method: method(!simple), ..e }] {
                let (m, ltv) = (e.annual_margin(), e.ltv());
                prop_assert!(m.is_finite() && m >= 0.0, "{:?}: margin {}", e, m);
                prop_assert!(ltv.is_finite() && ltv >= 0.0, "{:?}: LTV {}", e, ltv);
            }
            Ok(())
        })?;
    }

    /// The forecast of any funnel with money of any numbers: every figure is a finite number
    /// or a typed `Undefined`. With a top and money as the fields admit them (a top above
    /// 10¹² or an order value above 10¹² cannot be typed, stored or loaded), every number the
    /// results show is finite, the plain ones (counts, revenue, LTV) included.
    #[test]
    fn every_figure_of_any_forecast_is_finite_or_undefined(
        f in hostile_funnel(),
        raw in raw_economics(),
        g in admitted_funnel(),
        typing in money_typing(),
        simple in any::<bool>(),
    ) {
        in_time(move || {
            typed(&forecast_figures(&forecast(&f, &raw)))?;
            let out = forecast(&g, &admitted(&typing, simple));
            typed(&forecast_figures(&out))?;
            let mut shown = Shown::default();
            shown.forecast(&out);
            shown.check()
        })?;
    }

    /// The money figures of any flow of people (entrants, drop-offs, chances, newcomers and
    /// customers all any numbers) with money of any numbers: every figure finite or typed.
    #[test]
    fn every_figure_of_any_flow_is_finite_or_undefined(
        stages in vec((hostile(), option::of(hostile()), hostile()), 1..20),
        newcomers in hostile(),
        customers in hostile(),
        lead in index(),
        raw in raw_economics(),
    ) {
        in_time(move || {
            let lead = lead % stages.len();
            let flow = Flow {
                newcomers,
                entrants: stages.iter().map(|s| s.0).collect(),
                drop_off: stages.iter().map(|s| s.1).collect(),
                probability: stages.iter().map(|s| s.2).collect(),
                lead,
                customers,
            };
            let out = figures(flow, &raw);
            prop_assert_eq!(out.stages.len(), stages.len());
            typed(&forecast_figures(&out))
        })?;
    }

    /// Goal seeking with any target, any order value and any purchase index: the target in
    /// customers is finite and above 0 or a typed `Undefined`; the plan of a forecast with
    /// admitted money has one stage per stage up to the purchase, each requirement and the
    /// spend finite or typed, a verdict only where something is required.
    #[test]
    fn goal_seeking_of_any_numbers(
        x in hostile(),
        aov in hostile(),
        revenue in any::<bool>(),
        f in hostile_funnel(),
        typing in money_typing(),
        purchase in index(),
    ) {
        in_time(move || {
            let target = if revenue { Target::Revenue(x) } else { Target::Customers(x) };
            prop_assert_eq!(target.amount().to_bits(), x.to_bits());
            if let Ok(t) = target.customers(aov) {
                prop_assert!(t.is_finite() && t > 0.0);
            }
            let out = forecast(&f, &admitted(&typing, true));
            let p = plan(&out, target, purchase);
            prop_assert_eq!(p.stages.len(), purchase.min(f.len() - 1) + 1);
            for s in &p.stages {
                prop_assert_eq!(s.met.is_some(), s.required.is_ok());
            }
            prop_assert!(!p.reached || p.customers.is_ok());
            let mut figures: Vec<(&'static str, Figure)> = vec![("customers", p.customers), ("spend", p.spend)];
            figures.extend(p.stages.iter().map(|s| ("required", s.required)));
            typed(&figures)?;
            let mut shown = Shown::default();
            shown.goal(&p, &out);
            shown.check()
        })?;
    }

    /// The levers of any funnel with any order value and benchmarks: every gain finite and
    /// ≥ 0, every rate and benchmark a fraction (a benchmark outside 0..=1 is dropped), ranked
    /// by gain; every template's and scenario's benchmark at any index a percentage.
    #[test]
    fn levers_and_benchmarks_of_any_numbers(
        f in hostile_funnel(),
        aov in hostile(),
        marks in vec(option::of(hostile()), 0..22),
        t in template(),
        i in index(),
    ) {
        in_time(move || {
            let l = levers(&f, aov, &marks);
            for x in &l {
                prop_assert!((1..=f.purchase()).contains(&x.stage));
                prop_assert!((0.0..=1.0).contains(&x.rate));
                prop_assert!(x.benchmark.is_none_or(|b| (0.0..=1.0).contains(&b)));
                prop_assert!(x.to_benchmark.is_finite() && x.to_benchmark >= 0.0, "{:?}", x);
                prop_assert!(x.plus_one.is_finite() && x.plus_one >= 0.0, "{:?}", x);
                prop_assert!(x.lift.is_finite() && x.lift >= 0.0, "{:?}", x);
            }
            prop_assert!(l.windows(2).all(|w| w[0].to_benchmark >= w[1].to_benchmark));
            // among the stages that meet their benchmark, the larger lift first
            prop_assert!(l.windows(2).all(|w| w[1].to_benchmark > 0.0 || w[0].to_benchmark > 0.0 || w[0].lift >= w[1].lift));
            // the self-assessment is the head of the list: the largest gap to a benchmark,
            // else the largest lift
            let most = |f: fn(&Lever) -> f64| l.iter().map(f).fold(0.0, f64::max);
            match finding(&l) {
                None => prop_assert!(l.is_empty()),
                Some(Finding::Leak { stage, benchmark, rate, worth }) => {
                    prop_assert!(worth > 0.0 && worth == most(|x| x.to_benchmark));
                    prop_assert!(benchmark > rate && (1..=f.purchase()).contains(&stage));
                }
                Some(Finding::Lever { stage, worth, .. }) => {
                    prop_assert!(l.iter().all(|x| x.to_benchmark == 0.0));
                    prop_assert!(worth == most(|x| x.lift) && (1..=f.purchase()).contains(&stage));
                }
            }
            prop_assert_eq!(finding(&l).map(Finding::stage), l.first().map(|x| x.stage));
            let s = Scenario::from_template("t".into(), "T".into(), t, Currency::Eur);
            for b in [template_benchmark(t, i), stage_benchmark(&s, i)].into_iter().flatten() {
                prop_assert!((0.0..=100.0).contains(&b.0));
            }
            prop_assert!(benchmarks(&s).into_iter().flatten().all(|b| (0.0..=1.0).contains(&b)));
            Ok(())
        })?;
    }

    /// Days, velocity and the timeline of any numbers: the days to purchase finite, ≥ 0,
    /// shrinking to 0 at the purchase; velocity finite and ≥ 0 or a typed `Undefined`; every
    /// month of the 24 finite and ≥ 0.
    #[test]
    fn time_of_any_numbers(
        days in vec(hostile(), 0..21),
        purchase in index(),
        money in (hostile(), hostile(), hostile()),
        x in vec(hostile(), 3),
        p in period(),
        raw in raw_economics(),
    ) {
        in_time(move || {
            let d = days_to_purchase(&days, purchase);
            prop_assert_eq!(d.len(), purchase.min(days.len().saturating_sub(1)) + 1);
            prop_assert!(d.iter().all(|v| v.is_finite() && *v >= 0.0), "{:?}", d);
            prop_assert!(d.windows(2).all(|w| w[1] <= w[0]) && d[d.len() - 1] == 0.0);
            let v = velocity(money.0, money.1, money.2);
            prop_assert!(v.is_ok_and(|v| v >= 0.0) || v.is_err());
            typed(&[("velocity", v)])?;
            prop_assert!(per_month(p) > 0.0);
            let t = timeline(&TimelineInput { customers: x[0], period: p, delay_days: x[1], economics: raw });
            prop_assert!(t.months.iter().all(|m| m.revenue >= 0.0 && m.cumulative_spend >= 0.0));
            let mut shown = Shown::default();
            shown.timeline(&t);
            shown.check()
        })?;
    }

    /// The pipeline of any snapshot at any purchase index: no panic, NaN, ∞ and negative counts
    /// count as 0; with the snapshot, top and money as their fields admit them, every number
    /// is finite. The referral loop of any numbers: finite, or self-sustaining. The change
    /// between any two figures and the bar shares of any figures: finite (a share in 0..=1) or
    /// typed. A percentile of any numbers is one of them.
    #[test]
    fn pipeline_referral_and_comparison_of_any_numbers(
        f in hostile_funnel(),
        g in admitted_funnel(),
        typing in money_typing(),
        now in vec(option::of(hostile()), 0..22),
        purchase in index(),
        loop_ in (hostile(), hostile(), hostile()),
        a in figure(),
        b in figure(),
        bars in vec(figure(), 0..6),
        sample in vec(hostile(), 0..12),
        q in hostile(),
    ) {
        in_time(move || {
            let e = admitted(&typing, true);
            let any = pipeline(&forecast(&f, &e), &now, purchase, e.aov);
            prop_assert!(any.stages.iter().all(|s| s.now.is_finite() && s.now >= 0.0));
            let now: Vec<Option<f64>> = now.iter().map(|k| k.and_then(|k| Quantity::Count.check(k).ok())).collect();
            let mut shown = Shown::default();
            shown.pipeline(&pipeline(&forecast(&g, &e), &now, purchase, e.aov));
            shown.referral(referral(loop_.0, loop_.1, loop_.2));
            let change = relative_change(a, b);
            shown.fig("change", 0, change);
            let s = shares(&bars);
            prop_assert_eq!(s.len(), bars.len());
            prop_assert!(s.iter().all(|x| (0.0..=1.0).contains(x)), "{:?} of {:?}", s, bars);
            shown.check()?;
            typed(&[("change", change)])?;
            let x = percentile(&sample, q);
            let picked = if sample.is_empty() { x == 0.0 } else { sample.iter().any(|s| s.to_bits() == x.to_bits()) };
            prop_assert!(picked, "{} of {:?}", x, sample);
            Ok(())
        })?;
    }

    /// Recovery of any share to any state from any state, on a template's journey or on any
    /// funnel as a chain: a share that is no fraction, or a state that does not exist,
    /// changes nothing; otherwise the rows keep their sums. The chain then solves to finite
    /// numbers or to the reason it cannot.
    #[test]
    fn recovery_of_any_share_solves_or_says_why(
        f in hostile_funnel(),
        t in template(),
        share in hostile(),
        to in index(),
        from in index(),
    ) {
        in_time(move || {
            let s = Scenario::from_template("t".into(), "T".into(), t, Currency::Eur);
            for chain in [from_funnel(&f), journey::chain(&s)] {
                let back = with_recovery(&chain, share, to, from);
                if !(share.is_finite() && (0.0..=1.0).contains(&share)) || to >= chain.q.len() {
                    prop_assert_eq!(&back, &chain);
                }
                for i in 0..chain.q.len() {
                    let sum = |c: &markov::Chain| c.q[i].iter().sum::<f64>() + c.buy[i] + c.lost[i];
                    prop_assert!((sum(&back) - sum(&chain)).abs() <= TOLERANCE);
                }
                match solve(&back) {
                    Ok(sol) => {
                        let mut all: Vec<f64> = sol.visits.iter().chain(&sol.reach).flatten().copied().collect();
                        all.extend(sol.buy.iter().chain(&sol.steps).chain(&sol.days));
                        all.extend([sol.newcomer_buy, sol.newcomer_steps, sol.newcomer_days]);
                        prop_assert!(all.iter().all(|x| x.is_finite()));
                    }
                    Err(e) => {
                        let problems = markov::problems(&back);
                        prop_assert_eq!(problems.first().unwrap_or(&ChainError::TooLarge), &e);
                    }
                }
            }
            Ok(())
        })?;
    }
}

proptest! {
    // every case runs at least 10 000 trials
    #![proptest_config(config(24))]

    /// A Monte Carlo of any numbers (tops, point rates, range ends, counts, spend and order
    /// value all hostile; any purchase index; trials below the minimum, which run 10 000):
    /// an outcome whose percentiles are finite and in order, revenue and histogram edges
    /// finite, every CAC finite or typed and every trial in the histogram; or a reversed
    /// range, named by the index of a ranged rate before the purchase.
    #[test]
    fn a_simulation_of_any_numbers_is_finite_or_names_a_reversed_range(
        top in hostile(),
        stages in vec((hostile(), spread()), 0..20),
        purchase in index(),
        money in (hostile(), hostile()),
        trials in 0..=MIN_TRIALS,
        seed in any::<u32>(),
    ) {
        in_time(move || {
            let rates: Vec<f64> = stages.iter().map(|s| s.0).collect();
            let spreads: Vec<Spread> = stages.iter().map(|s| s.1).collect();
            let (spend, aov) = money;
            let sim = Simulation { top, rates: &rates, spreads: &spreads, purchase, spend, aov, trials, seed };
            match simulate(&sim) {
                Ok(o) => {
                    prop_assert_eq!(o.trials, MIN_TRIALS);
                    prop_assert_eq!(o.histogram.counts.iter().sum::<u32>(), MIN_TRIALS);
                    let c = o.customers;
                    prop_assert!(0.0 <= c.p10 && c.p10 <= c.p50 && c.p50 <= c.p90, "{:?}", c);
                    typed(&[("CAC P10", o.cac.p10), ("CAC P50", o.cac.p50), ("CAC P90", o.cac.p90)])?;
                    let mut shown = Shown::default();
                    shown.outcome(&o);
                    shown.check()
                }
                Err((i, why)) => {
                    prop_assert_eq!(why, Undefined::RangeReversed);
                    prop_assert!(i < purchase.min(rates.len()));
                    let ranged = matches!(spreads[i], Spread::Uniform { .. });
                    prop_assert!(ranged, "{:?}", spreads[i]);
                    Ok(())
                }
            }
        })?;
    }
}

// ---------------------------------------------------------------------------------------
// A scenario edited through its setters.

/// Where a journey move goes.
#[derive(Clone, Copy, Debug)]
enum To {
    Stage(u8),
    Buy,
    Lost,
}

/// One edit the UI can make, with the number the user typed (stages by position; position
/// 255 is a stage that does not exist).
#[derive(Clone, Debug)]
enum Edit {
    Count(u8, f64),
    Rate(u8, f64),
    Now(u8, Option<f64>),
    Days(u8, Option<f64>),
    Benchmark(u8, Option<f64>),
    Low(u8, Option<f64>),
    High(u8, Option<f64>),
    FromCounts(u8, bool),
    Referrals(f64),
    Trials(f64),
    Seed(f64),
    Journey(bool),
    JourneyFromFunnel,
    Move(u8, To, f64),
    LostTakesRest(u8),
    Entry(u8, f64),
    Recovery(f64),
    RecoverTo(u8),
    Add,
    Remove(u8),
    Shift(u8, bool),
    Lead(u8),
    Purchase(u8),
    Money(u8, f64),
    Period(Period),
    Method(bool),
    Goal(bool, f64),
    NoGoal,
    /// A traffic source edit (`what` picks it), on source `at` (modulo one past the last).
    Source(u8, u8, f64, f64),
    /// A stage's fixed cost (`true`) or cost per entrant.
    StageCost(u8, bool, Option<f64>),
}

/// A stage position, mostly among the first few (so that edits meet on the same stage).
fn stage() -> impl Strategy<Value = u8> {
    prop_oneof![6 => 0u8..4, 6 => 0u8..20, 1 => Just(u8::MAX)]
}

fn edit() -> impl Strategy<Value = Edit> {
    let to = prop_oneof![2 => stage().prop_map(To::Stage), 1 => Just(To::Buy), 1 => Just(To::Lost)];
    prop_oneof![
        3 => (stage(), hostile()).prop_map(|(i, x)| Edit::Count(i, x)),
        3 => (stage(), hostile()).prop_map(|(i, x)| Edit::Rate(i, x)),
        1 => (stage(), option::weighted(0.9, hostile())).prop_map(|(i, x)| Edit::Now(i, x)),
        1 => (stage(), option::weighted(0.9, hostile())).prop_map(|(i, x)| Edit::Days(i, x)),
        1 => (stage(), option::weighted(0.9, hostile())).prop_map(|(i, x)| Edit::Benchmark(i, x)),
        2 => (stage(), option::weighted(0.9, hostile())).prop_map(|(i, x)| Edit::Low(i, x)),
        2 => (stage(), option::weighted(0.9, hostile())).prop_map(|(i, x)| Edit::High(i, x)),
        1 => (stage(), any::<bool>()).prop_map(|(i, on)| Edit::FromCounts(i, on)),
        1 => hostile().prop_map(Edit::Referrals),
        1 => hostile().prop_map(Edit::Trials),
        1 => hostile().prop_map(Edit::Seed),
        1 => any::<bool>().prop_map(Edit::Journey),
        1 => Just(Edit::JourneyFromFunnel),
        5 => (stage(), to, hostile()).prop_map(|(i, to, x)| Edit::Move(i, to, x)),
        2 => stage().prop_map(Edit::LostTakesRest),
        2 => (stage(), hostile()).prop_map(|(i, x)| Edit::Entry(i, x)),
        1 => hostile().prop_map(Edit::Recovery),
        1 => stage().prop_map(Edit::RecoverTo),
        1 => Just(Edit::Add),
        1 => stage().prop_map(Edit::Remove),
        1 => (stage(), any::<bool>()).prop_map(|(i, down)| Edit::Shift(i, down)),
        1 => stage().prop_map(Edit::Lead),
        1 => stage().prop_map(Edit::Purchase),
        4 => (0u8..7, hostile()).prop_map(|(field, x)| Edit::Money(field, x)),
        1 => period().prop_map(Edit::Period),
        1 => any::<bool>().prop_map(Edit::Method),
        2 => (any::<bool>(), hostile()).prop_map(|(revenue, x)| Edit::Goal(revenue, x)),
        1 => Just(Edit::NoGoal),
        4 => (any::<u8>(), any::<u8>(), hostile(), hostile()).prop_map(|(what, at, x, y)| Edit::Source(what, at, x, y)),
        2 => (stage(), any::<bool>(), option::weighted(0.9, hostile())).prop_map(|(i, f, x)| Edit::StageCost(i, f, x)),
    ]
}

/// The id of the stage at position `i` (modulo the stage count), or an id no stage has.
fn id(s: &Scenario, i: u8) -> u32 {
    if i == u8::MAX {
        u32::MAX
    } else {
        s.stages[usize::from(i) % s.stages.len()].id
    }
}

/// Applies an edit as the UI does; `Err` when it is refused. The money and goal fields check
/// the number as their quantity and store it (as the money and goal panels do); the selects
/// and buttons cannot be refused.
fn apply(s: &mut Scenario, edit: &Edit) -> Result<(), String> {
    let refused = |e: InputError| format!("{e:?}");
    match *edit {
        Edit::Count(i, x) => s.set_count(id(s, i), x).map_err(refused),
        Edit::Rate(i, x) => s.set_rate_percent(id(s, i), x).map_err(refused),
        Edit::Now(i, x) => s.set_now(id(s, i), x).map_err(refused),
        Edit::Days(i, x) => s.set_days(id(s, i), x).map_err(refused),
        Edit::Benchmark(i, x) => s.set_benchmark_percent(id(s, i), x).map_err(refused),
        Edit::Low(i, x) => s.set_low_percent(id(s, i), x).map_err(refused),
        Edit::High(i, x) => s.set_high_percent(id(s, i), x).map_err(refused),
        Edit::FromCounts(i, on) => {
            s.set_from_counts(id(s, i), on);
            Ok(())
        }
        Edit::Referrals(k) => s.set_referrals(k).map_err(refused),
        Edit::Trials(n) => s.set_trials(n).map_err(refused),
        Edit::Seed(x) => s.set_seed(x).map_err(refused),
        Edit::Journey(on) => {
            s.set_mode(if on { Mode::Journey } else { Mode::Funnel });
            Ok(())
        }
        Edit::JourneyFromFunnel => {
            s.journey_from_funnel();
            Ok(())
        }
        Edit::Move(i, to, x) => {
            let to = match to {
                To::Stage(j) => MoveTo::Stage(id(s, j)),
                To::Buy => MoveTo::Buy,
                To::Lost => MoveTo::Lost,
            };
            s.set_move_percent(id(s, i), to, x).map_err(refused)
        }
        Edit::LostTakesRest(i) => s.lost_takes_rest(id(s, i)).map_err(refused),
        Edit::Entry(i, x) => s.set_entry_percent(id(s, i), x).map_err(refused),
        Edit::Recovery(x) => s.set_recovery_percent(x).map_err(refused),
        Edit::RecoverTo(i) => {
            s.set_recover_to(id(s, i));
            Ok(())
        }
        Edit::Add => s.add_stage("new").map(|_| ()).map_err(|e| format!("{e:?}")),
        Edit::Remove(i) => s.remove_stage(id(s, i)).map_err(|e| format!("{e:?}")),
        Edit::Shift(i, down) => s.move_stage(id(s, i), if down { 1 } else { -1 }).map_err(|e| format!("{e:?}")),
        Edit::Lead(i) => {
            s.set_lead(id(s, i));
            Ok(())
        }
        Edit::Purchase(i) => {
            s.set_purchase(id(s, i));
            Ok(())
        }
        Edit::Source(what, at, x, y) => {
            use tragt::calc::traffic::{SourceKind, SourceType};
            // an index past the last source too
            let i = usize::from(at) % (s.sources.len() + 1);
            let ctr = Rate::new(0.01).unwrap();
            let done = match what % 12 {
                0 => s.add_source("cpc", SourceKind::Cpc { budget: x, cpc: y }).map(|_| ()),
                1 => s.add_source("cpm", SourceKind::Cpm { budget: x, cpm: y, ctr }).map(|_| ()),
                2 => s.add_source("free", SourceKind::Free { visitors: x, cost: y }).map(|_| ()),
                3 => s.remove_source(i),
                4 => s.set_source_budget(i, x),
                5 => s.set_source_cpc(i, x),
                6 => s.set_source_cpm(i, x),
                7 => s.set_source_ctr_percent(i, x),
                8 => s.set_source_visitors(i, x),
                9 => s.set_source_cost(i, x),
                10 => s.set_source_rate_percent(i, Some(x)),
                _ => s.set_source_type(i, SourceType::ALL[usize::from(what / 12) % 3]),
            };
            done.map_err(refused)
        }
        Edit::StageCost(i, fixed, x) => {
            let stage = id(s, i);
            let done = if fixed { s.set_fixed_cost(stage, x) } else { s.set_entrant_cost(stage, x) };
            done.map_err(refused)
        }
        Edit::Money(field, x) => type_money(&mut s.economics, field, x).map_err(refused),
        Edit::Period(p) => {
            s.period = p;
            Ok(())
        }
        Edit::Method(simple) => {
            s.economics.method = method(simple);
            Ok(())
        }
        Edit::Goal(revenue, x) => {
            let (quantity, make): (Quantity, fn(f64) -> Target) =
                if revenue { (Quantity::Money, Target::Revenue) } else { (Quantity::Count, Target::Customers) };
            s.goal = Some(make(quantity.check(x).map_err(refused)?));
            Ok(())
        }
        Edit::NoGoal => {
            s.goal = None;
            Ok(())
        }
    }
}

/// `v` is a number a field may hold: finite, 0 to `max`, no sign on zero.
fn within(v: f64, max: f64) -> bool {
    v.is_finite() && (0.0..=max).contains(&v) && v.is_sign_positive()
}

/// A scenario is valid: 2 to 20 stages with distinct ids, marks on stages that exist, every
/// number within its field's range (journey shares finite and ≥ 0: a row may be off 100 %
/// while the user edits it, which the journey reports as a problem).
fn valid(s: &Scenario) -> Result<(), TestCaseError> {
    prop_assert!((MIN_STAGES..=MAX_STAGES).contains(&s.stages.len()));
    let mut ids: Vec<u32> = s.stages.iter().map(|st| st.id).collect();
    ids.sort_unstable();
    ids.dedup();
    prop_assert_eq!(ids.len(), s.stages.len());
    for mark in [s.lead, s.purchase, s.recover_to] {
        prop_assert!(s.index_of(mark).is_some(), "mark {} on no stage", mark);
    }
    prop_assert!(within(s.top, MAX_COUNT), "top {}", s.top);
    for st in &s.stages {
        prop_assert!(within(st.rate.get(), 1.0));
        prop_assert!(st.now.is_none_or(|v| within(v, MAX_COUNT)) && st.days.is_none_or(|v| within(v, MAX_DAYS)));
        prop_assert!([st.benchmark, st.low, st.high].into_iter().flatten().all(|r| within(r.get(), 1.0)));
        if let Some(m) = &st.moves {
            for &(to, p) in &m.to {
                prop_assert!(to != st.id && s.index_of(to).is_some() && p > 0.0 && within(p, 1.0), "{:?}", m);
            }
            for v in [m.buy, m.lost, m.entry] {
                prop_assert!(within(v, MAX_STAGES as f64), "{:?}", m);
            }
        }
    }
    let e = &s.economics;
    prop_assert!(within(e.spend, MAX_MONEY) && within(e.aov, MAX_MONEY) && within(e.frequency, MAX_PER_YEAR));
    prop_assert!(within(e.margin, 1.0) && within(e.lifespan, MAX_YEARS));
    prop_assert!(within(e.retention, 0.99) && within(e.discount, 1.0));
    if let Some(goal) = s.goal {
        prop_assert!(within(goal.amount(), MAX_MONEY.max(MAX_COUNT)));
    }
    prop_assert!(within(s.referrals, MAX_REFERRALS) && within(s.recovery, 1.0));
    prop_assert!((MIN_TRIALS..=MAX_TRIALS).contains(&s.trials));
    prop_assert!(s.sources.len() <= tragt::calc::scenario::MAX_SOURCES);
    for source in &s.sources {
        prop_assert_eq!(source.kind.checked(), Ok(source.kind), "{:?}", source);
    }
    for st in &s.stages {
        prop_assert!([st.fixed_cost, st.entrant_cost].into_iter().flatten().all(|v| within(v, MAX_MONEY)));
    }
    Ok(())
}

/// Every view of a scenario but the Monte Carlo, computed as the panels compute them, and
/// every number they show. `last` is the last journey of this scenario that could be solved:
/// while the journey cannot be, the figures show that one against the current scenario.
fn check_views(s: &Scenario, baseline: &Forecast, last: &mut Option<Journey>) -> Result<(), TestCaseError> {
    let mut shown = Shown::default();
    shown.inputs(s);
    let f = s.forecast();
    typed(&forecast_figures(&f))?;
    shown.forecast(&f);
    shown.forecast(&s.funnel_forecast());
    let purchase = s.index_of(s.purchase).unwrap_or(s.stages.len() - 1);
    if let Some(target) = s.goal {
        shown.goal(&plan(&f, target, purchase), &f);
    }
    shown.levers(&levers(&s.funnel(), s.economics.aov, &benchmarks(s)));
    for i in 0..s.stages.len() {
        if let Some((pct, _)) = stage_benchmark(s, i) {
            shown.num("benchmark", i, pct);
        }
    }
    // the time panel
    let days: Vec<f64> = s.stages.iter().map(|st| st.days.unwrap_or(0.0)).collect();
    let to_purchase = days_to_purchase(&days, purchase).first().copied().unwrap_or(0.0);
    shown.num("days to purchase", 0, to_purchase);
    shown.fig("velocity", 0, velocity(f.customers, s.economics.aov, to_purchase));
    // the total spend, as the time panel takes it
    let economics = Economics { spend: f.spend_total, ..s.economics };
    let input = TimelineInput { customers: f.customers, period: s.period, delay_days: to_purchase, economics };
    shown.timeline(&timeline(&input));
    // the pipeline and referral panels
    let now: Vec<Option<f64>> = s.stages.iter().map(|st| st.now).collect();
    shown.pipeline(&pipeline(&f, &now, purchase, s.economics.aov));
    shown.referral(referral(f.stages[0].entrants, f.stages[0].probability, s.referrals));
    // the comparison, against the template's scenario either way round
    shown.compare(baseline, &f);
    shown.compare(&f, baseline);
    // the journey panel; a straight funnel forgets the last journey, as the app does
    if s.mode != Mode::Journey {
        *last = None;
    } else {
        match journey::of_scenario(s) {
            Ok(j) => {
                shown.journey(&j);
                *last = Some(j);
            }
            Err(_) => {
                shown.problems(&journey::problems(s));
                if let Some(j) = last.as_ref().filter(|j| j.solution.buy.len() == s.stages.len()) {
                    let stale = journey::forecast(s, j);
                    typed(&forecast_figures(&stale))?;
                    shown.forecast(&stale);
                }
            }
        }
    }
    shown.check()
}

fn scenario(t: TemplateId) -> Scenario {
    Scenario::from_template("s".into(), "S".into(), t, Currency::Eur)
}

proptest! {
    #![proptest_config(config(256))]

    /// Any template's scenario, edited with hostile numbers through the setters the UI uses:
    /// each edit is admitted or refused, a refused one leaves the scenario exactly as it was,
    /// the scenario stays valid, and after every edit every number of the forecast and of
    /// every view (goal, bottlenecks, time, pipeline, referral, comparison, journey) is
    /// finite or a typed `Undefined`.
    #[test]
    fn hostile_edits_keep_the_scenario_valid_and_every_view_finite(t in template(), edits in vec(edit(), 1..40)) {
        in_time(move || {
            let mut s = scenario(t);
            let baseline = s.forecast();
            let mut last = None;
            valid(&s)?;
            check_views(&s, &baseline, &mut last)?;
            for edit in &edits {
                let before = s.clone();
                if let Err(why) = apply(&mut s, edit) {
                    prop_assert_eq!(&s, &before, "{:?} was refused ({}) but changed the scenario", edit, why);
                }
                valid(&s)?;
                check_views(&s, &baseline, &mut last)?;
            }
            Ok(())
        })?;
    }
}

proptest! {
    // every case runs 10 000 trials
    #![proptest_config(config(24))]

    /// The Monte Carlo of a scenario edited with hostile numbers (counts, seeds and all, and
    /// ranges typed as pairs of hostile ends; run at the fewest trials, 10 000, to stay fast):
    /// its percentiles, bands and histogram are finite, its CAC finite or typed, or a
    /// reversed range is named.
    #[test]
    fn the_monte_carlo_of_a_hostile_scenario_is_finite(
        t in template(),
        edits in vec(edit(), 1..40),
        ranges in vec((stage(), hostile(), hostile()), 0..6),
    ) {
        in_time(move || {
            let mut s = scenario(t);
            for edit in &edits {
                let _ = apply(&mut s, edit);
            }
            for (i, low, high) in ranges {
                let _ = s.set_low_percent(id(&s, i), Some(low));
                let _ = s.set_high_percent(id(&s, i), Some(high));
            }
            prop_assert_eq!(s.set_trials(MIN_TRIALS_F), Ok(()));
            let _ = uncertainty::has_spread(&s);
            match uncertainty::of_scenario(&s) {
                Ok(o) => {
                    prop_assert_eq!(o.trials, MIN_TRIALS);
                    let mut shown = Shown::default();
                    shown.outcome(&o);
                    shown.check()
                }
                Err((i, why)) => {
                    prop_assert_eq!(why, Undefined::RangeReversed);
                    prop_assert!(i + 1 < s.stages.len());
                    Ok(())
                }
            }
        })?;
    }
}

// ---------------------------------------------------------------------------------------
// Hand-worked edge cases.

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

/// A blank scenario of `rates.len() + 1` stages, typed in as a user would: the top count,
/// each rate in percent, and the money fields.
fn typed_scenario(top: f64, rates: &[f64], money: &[(u8, f64)]) -> Scenario {
    let mut s = scenario(TemplateId::Blank);
    while s.stages.len() < rates.len() + 1 {
        s.add_stage("stage").unwrap();
    }
    s.set_count(s.stages[0].id, top).unwrap();
    for (i, pct) in rates.iter().enumerate() {
        s.set_rate_percent(s.stages[i + 1].id, *pct).unwrap();
    }
    for &(field, v) in money {
        type_money(&mut s.economics, field, v).unwrap();
    }
    s
}

#[test]
fn no_people_and_no_spend_leave_every_cost_undefined() {
    // top 0, rate 50 %, spend 0: E = 0, 0; C = 0, revenue = 0 · AOV = 0.
    // CAC = 0 / 0: no customers; CPL = 0 / 0: no leads; ROAS = 0 / 0 and ROI = (0 · LTV − 0) / 0:
    // no spend; overall rate 0 / 0: no entrants; cost per entrant 0 / 0: an empty stage.
    let mut s = typed_scenario(0.0, &[50.0], &[(0, 0.0)]);
    s.set_lead(s.stages[1].id);
    let f = s.forecast();
    assert_eq!((f.customers, f.revenue), (0.0, 0.0));
    assert_eq!(f.cac, Err(Undefined::NoCustomers));
    assert_eq!(f.cpl, Err(Undefined::NoLeads));
    assert_eq!((f.roas, f.roi), (Err(Undefined::NoSpend), Err(Undefined::NoSpend)));
    assert_eq!(f.overall_rate, Err(Undefined::NoEntrants));
    assert_eq!((f.ltv_cac, f.payback_months), (Err(Undefined::NoCustomers), Err(Undefined::NoCustomers)));
    assert_eq!(f.stages[0].cost_per_entrant, Err(Undefined::EmptyStage));
    // a goal of 10 customers needs 10 / 0.5 = 20 at the top, but no CAC tells its spend
    s.goal = Some(Target::Customers(10.0));
    let p = plan(&f, Target::Customers(10.0), 1);
    assert_eq!(p.stages[0].required, Ok(20.0));
    assert_eq!(p.spend, Err(Undefined::NoCustomers));
}

#[test]
fn every_rate_at_100_percent_keeps_everyone() {
    // 2 000 · 1 · 1 = 2 000 at every stage; P = 1 everywhere; drop-offs 2 000 − 2 000 = 0.
    // spend 10 000, AOV 50: CAC = 10 000 / 2 000 = 5, CPL (lead = stage 1) = 5,
    // ROAS = 2 000 · 50 / 10 000 = 10, overall rate 2 000 / 2 000 = 1
    let s = typed_scenario(2_000.0, &[100.0, 100.0], &[(0, 10_000.0), (1, 50.0)]);
    let f = s.forecast();
    assert!(f.stages.iter().all(|st| st.entrants == 2_000.0 && st.probability == 1.0));
    assert_eq!(f.stages.iter().filter_map(|st| st.drop_off).collect::<Vec<_>>(), [0.0, 0.0]);
    assert_eq!((f.cac, f.cpl, f.roas, f.overall_rate), (Ok(5.0), Ok(5.0), Ok(10.0), Ok(1.0)));
    // 3 000 customers need 3 000 / 1 = 3 000 at every stage and 3 000 · 5 = 15 000 of spend
    let p = plan(&f, Target::Customers(3_000.0), 2);
    assert!(p.stages.iter().all(|st| st.required == Ok(3_000.0) && st.met == Some(false)));
    assert_eq!(p.spend, Ok(15_000.0));
    // one point more than 100 % is still 100 %: no lever gains anything
    assert!(levers(&s.funnel(), 50.0, &benchmarks(&s)).iter().all(|l| l.plus_one == 0.0));
}

#[test]
fn the_largest_admitted_inputs_stay_finite() {
    // top 10¹², every rate 100 %, spend and AOV 10¹², 10⁴ purchases a year, 100 % margin,
    // 100 years: m = 10¹² · 10⁴ · 1 = 10¹⁶; LTV = 10¹⁶ · 100 = 10¹⁸; revenue = 10¹² · 10¹² = 10²⁴;
    // CAC = 10¹² / 10¹² = 1; LTV:CAC = 10¹⁸; ROAS = 10²⁴ / 10¹² = 10¹²;
    // ROI = (10¹² · 10¹⁸ − 10¹²) / 10¹² = 10¹⁸ − 1; payback = 1 / (10¹⁶ / 12) = 1.2 · 10⁻¹⁵ months
    let money = [(0, MAX_MONEY), (1, MAX_MONEY), (2, MAX_PER_YEAR), (3, 100.0), (4, MAX_YEARS)];
    let mut s = typed_scenario(MAX_COUNT, &[100.0, 100.0], &money);
    let f = s.forecast();
    assert_eq!((f.annual_margin, f.ltv), (1e16, 1e18));
    assert!(close(f.revenue, 1e24));
    assert_eq!(f.cac, Ok(1.0));
    assert_eq!(f.ltv_cac, Ok(1e18));
    assert!(close(f.roas.unwrap(), 1e12) && close(f.roi.unwrap(), 1e18 - 1.0));
    assert!(close(f.payback_months.unwrap(), 1.2e-15));
    // retention at its 99 % cap, no discount: LTV = 10¹⁶ · 1 / (1 − 0.99) ≈ 10¹⁸
    s.economics.method = LtvMethod::Retention;
    type_money(&mut s.economics, 5, 99.0).unwrap();
    type_money(&mut s.economics, 6, 0.0).unwrap();
    assert!((s.forecast().ltv / 1e18 - 1.0).abs() < 1e-12);
    let mut last = None;
    check_views(&s, &scenario(TemplateId::Blank).forecast(), &mut last).unwrap();
}

#[test]
fn a_subnormal_count_has_customers_too_few_to_count() {
    // top 5·10⁻³²⁴, the smallest number above 0 (a count the field admits); rate 50 %:
    // 5·10⁻³²⁴ · 0.5 is half the smallest step and rounds to 0 customers.
    // CAC: no customers; overall rate 0 / 5·10⁻³²⁴ = 0; cost per first-stage entrant
    // 10 000 / 5·10⁻³²⁴ = ∞, too large for a number.
    let s = typed_scenario(5e-324, &[50.0], &[(0, 10_000.0)]);
    let f = s.forecast();
    assert_eq!(f.stages[0].entrants, 5e-324);
    assert_eq!(f.customers, 0.0);
    assert_eq!(f.cac, Err(Undefined::NoCustomers));
    assert_eq!(f.overall_rate, Ok(0.0));
    assert_eq!(f.stages[0].cost_per_entrant, Err(Undefined::TooLarge));
    // an order value of 5·10⁻³²⁴: a revenue goal of 1 000 is 1 000 / 5·10⁻³²⁴ = ∞ customers
    assert_eq!(Target::Revenue(1_000.0).customers(5e-324), Err(Undefined::TooLarge));
}
