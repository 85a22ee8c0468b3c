//! Uncertainty (MODELS.md §3.10): a seeded Monte Carlo over the rates that have a
//! low–high range in their stage row. P10 / P50 / P90 of customers, revenue and CAC, and
//! a histogram of the customers.

use leptos::prelude::*;

use crate::calc::uncertainty::Outcome;
use crate::chart::plots;
use crate::components::figure::{count, ChartNumbers, NumbersRow};
use crate::components::stage_row::period_name;
use crate::components::{ChartCanvas, FigureCard, NumberField};
use crate::i18n::texts::fill;
use crate::i18n::{format, Texts};
use crate::state::use_app_state;

/// The uncertainty panel.
#[component]
pub fn UncertaintyPanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // the period, trials and seed through memos: the open scenario changes on every
    // keystroke, they rarely (the caption, the histogram's table and the chart's name would
    // otherwise be rebuilt on each one)
    let period = move || period_name(t(), state.period.get());
    let outcome = state.outcome;
    let ranged = move || state.settled.with(crate::calc::uncertainty::has_spread);
    let pct = move |pick: fn(&Outcome) -> f64| {
        Signal::derive(move || outcome.with(|o| o.as_ref().map(pick).map_err(|(_, why)| *why)))
    };
    let label = move |f: fn(&Texts) -> &'static str| Signal::derive(move || f(t()).to_string());
    let trials = Memo::new(move |_| state.scenario.with(|s| s.trials as f64));
    let seed = Memo::new(move |_| state.scenario.with(|s| s.seed as f64));
    let bands = move || {
        let lang = state.lang.get();
        let currency = state.settled.with(|s| s.currency);
        outcome.with(|o| {
            let o = o.as_ref().ok()?;
            let money = |v: f64| format::money(lang, currency, v);
            let cac = |f: crate::calc::Figure| f.map_or_else(|_| "–".to_string(), money);
            let line = |what: &str, low: String, mid: String, high: String| {
                fill(t().mc_band, &[("what", what), ("low", &low), ("mid", &mid), ("high", &high)])
            };
            Some(view! {
                <ul class="bands">
                    <li>{line(t().revenue, money(o.revenue.p10), money(o.revenue.p50), money(o.revenue.p90))}</li>
                    <li>{line(t().cac, cac(o.cac.p10), cac(o.cac.p50), cac(o.cac.p90))}</li>
                </ul>
            })
        })
    };
    let problem = move || {
        outcome.with(|o| match o {
            Err((i, _)) => Some(fill(t().mc_reversed, &[("n", &(i + 2).to_string())])),
            Ok(_) => None,
        })
    };
    let caption = move || {
        let lang = state.lang.get();
        let n = state.settled.with(|s| s.trials as f64);
        fill(t().mc_histogram, &[("period", period()), ("n", &format::count(lang, n))])
    };
    let summary = move || {
        let lang = state.lang.get();
        outcome.with(|o| match o {
            Ok(o) => format!(
                "{}: P10 {}, P50 {}, P90 {}",
                caption(),
                format::count(lang, o.customers.p10),
                format::count(lang, o.customers.p50),
                format::count(lang, o.customers.p90)
            ),
            Err(_) => caption(),
        })
    };
    let chart = Callback::new(move |()| {
        let lang = state.lang.get();
        let t = Texts::of(lang);
        let histogram = outcome.with(|o| match o {
            Ok(o) => plots::Histogram {
                counts: o.histogram.counts.clone(),
                low: o.histogram.low,
                high: o.histogram.high,
                marks: [("P10", o.customers.p10), ("P50", o.customers.p50), ("P90", o.customers.p90)]
                    .iter()
                    .map(|(name, v)| (*v, format!("{name} {}", format::count(lang, *v))))
                    .collect(),
                x_title: t.customers.to_string(),
                y_title: t.mc_trials.to_string(),
            },
            Err(_) => plots::Histogram::default(),
        });
        let fmt = crate::components::chart_canvas::Numbers::shared(lang, state.settled.with(|s| s.currency));
        crate::chart::Chart::new(crate::chart::Kind::Histogram(histogram), fmt)
    });
    // the histogram's bins as a table for screen readers: customers from–to, trials
    let numbers = Memo::new(move |_| {
        let lang = state.lang.get();
        outcome.with(|o| {
            let Ok(o) = o else { return Vec::new() };
            let h = &o.histogram;
            let width = (h.high - h.low) / h.counts.len().max(1) as f64;
            h.counts
                .iter()
                .enumerate()
                .map(|(k, n)| {
                    let from = h.low + width * k as f64;
                    let range = format!("{} – {}", format::count(lang, from), format::count(lang, from + width));
                    NumbersRow { key: k as u32, cells: vec![range, format::count(lang, f64::from(*n))] }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel uncertainty-panel" aria-labelledby="uncertainty-heading">
            <h2 id="uncertainty-heading">{move || t().uncertainty_heading}</h2>
            <p class="help">{move || t().uncertainty_help}</p>
            <div class="grid-2">
                <NumberField
                    label=label(|t| t.mc_trials)
                    testid="mc-trials"
                    id="mc-trials"
                    value=trials
                    on_input=Callback::new(move |v| state.edit(|s| s.set_trials(v)))
                />
                <NumberField
                    label=label(|t| t.mc_seed)
                    testid="mc-seed"
                    id="mc-seed"
                    value=seed
                    on_input=Callback::new(move |v| state.edit(|s| s.set_seed(v)))
                />
            </div>
            {move || problem().map(|p| view! { <p class="stage-warning" role="alert" data-testid="mc-problem">{p}</p> })}
            <Show when=move || !ranged()>
                <p class="help">{move || t().mc_no_ranges}</p>
            </Show>
            <div class="figures">
                <FigureCard label=label(|t| t.mc_p10) testid="out-mc-p10" value=pct(|o| o.customers.p10) format=count />
                <FigureCard label=label(|t| t.mc_p50) testid="out-mc-p50" value=pct(|o| o.customers.p50) format=count />
                <FigureCard label=label(|t| t.mc_p90) testid="out-mc-p90" value=pct(|o| o.customers.p90) format=count />
            </div>
            {bands}
            <figure class="chart" class:hidden=move || outcome.with(Result::is_err)>
                <figcaption>{caption}</figcaption>
                <ChartCanvas
                    testid="chart-histogram"
                    label=Signal::derive(summary)
                    chart=chart
                    described_by="histogram-numbers"
                />
                <ChartNumbers
                    id="histogram-numbers"
                    testid="chart-histogram-table"
                    caption=Signal::derive(caption)
                    headers=vec![|t: &Texts| t.customers, |t| t.mc_trials]
                    rows=numbers
                />
            </figure>
        </section>
    }
}
