//! Bottlenecks and advice (MODELS.md §3.9): every stage's rate against its benchmark,
//! ranked by the revenue reaching it would bring; the weakest stage with what to do
//! there (the template's note for the stage people leave, MODELS.md §1), and a bar chart.

use leptos::prelude::*;

use crate::calc::bottleneck::{benchmarks, levers, Lever};
use crate::calc::{Scenario, StageLabel};
use crate::chart::plots::{self, BarRow};
use crate::components::stage_row::{period_name, shown_stage_name};
use crate::components::ChartCanvas;
use crate::i18n::texts::fill;
use crate::i18n::{format, Lang};
use crate::state::use_app_state;

/// The template's advice for stage `i` (what brings people into it), if it is a template stage.
fn advice(s: &Scenario, i: usize, lang: Lang) -> Option<&'static str> {
    match s.stages.get(i).map(|st| &st.label) {
        Some(StageLabel::Template(n)) => s.template.template().stages.get(*n).map(|st| lang.pick(&st.note)),
        _ => None,
    }
}

/// The bottleneck panel.
#[component]
pub fn BottleneckPanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let period = move || state.settled.with(|s| period_name(t(), s.period));
    let ranked: Memo<Vec<Lever>> =
        Memo::new(move |_| state.settled.with(|s| levers(&s.funnel(), s.economics.aov, &benchmarks(s))));
    let money = move |v: f64| {
        let lang = state.lang.get();
        format!("+{}", format::money(lang, state.settled.with(|s| s.currency), v))
    };
    let name =
        move |i: usize| state.settled.with(|s| format!("{}. {}", i + 1, shown_stage_name(s, i, state.lang.get())));
    let rows = move || {
        let lang = state.lang.get();
        ranked.with(|levers| {
            levers
                .iter()
                .enumerate()
                .map(|(rank, l)| {
                    let rate = format::percent(lang, l.rate);
                    let rates = match l.benchmark {
                        Some(b) => fill(t().bottleneck_rates, &[("rate", &rate), ("benchmark", &format::percent(lang, b))]),
                        None => fill(t().bottleneck_no_benchmark, &[("rate", &rate)]),
                    };
                    let weakest = rank == 0 && l.to_benchmark > 0.0;
                    view! {
                        <li
                            data-testid="bottleneck-row"
                            data-stage=l.stage + 1
                            data-gain=format::raw(l.to_benchmark)
                            data-gain-point=format::raw(l.plus_one)
                            class:weakest=weakest
                        >
                            <span class="lever-name">{name(l.stage)}</span>
                            <span class="lever-rates">{rates}</span>
                            <span class="lever-gain">
                                {if l.to_benchmark > 0.0 {
                                    fill(t().bottleneck_gain, &[("amount", &money(l.to_benchmark))])
                                } else if l.benchmark.is_some() {
                                    t().bottleneck_met.to_string()
                                } else {
                                    String::new()
                                }}
                            </span>
                            <span class="lever-point">{fill(t().bottleneck_point, &[("amount", &money(l.plus_one))])}</span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    // the weakest stage and what to do in the stage before it, where people leave
    let verdict = move || {
        let lang = state.lang.get();
        let first = ranked.with(|l| l.first().copied())?;
        let stage_name = state.settled.with(|s| shown_stage_name(s, first.stage, lang));
        if first.to_benchmark > 0.0 {
            // the stage's own advice: what brings people into it
            let tip = state.settled.with(|s| advice(s, first.stage, lang)).unwrap_or(t().bottleneck_advice_general);
            let plain = format::money(lang, state.settled.with(|s| s.currency), first.to_benchmark);
            Some(
                view! {
                    <div class="verdict" data-testid="bottleneck-weakest" data-stage=first.stage + 1>
                        <p>
                            <strong>{fill(t().bottleneck_weakest, &[("stage", &stage_name)])}</strong>
                            " "
                            {fill(t().bottleneck_weakest_gain, &[("amount", &plain), ("period", period())])}
                        </p>
                        <p class="advice-title">{fill(t().bottleneck_advice, &[("stage", &stage_name)])}</p>
                        <p class="advice" data-testid="bottleneck-advice">{tip}</p>
                    </div>
                }
                .into_any(),
            )
        } else {
            let best = ranked.with(|l| l.iter().copied().max_by(|a, b| a.plus_one.total_cmp(&b.plus_one)))?;
            let best_name = state.settled.with(|s| shown_stage_name(s, best.stage, lang));
            Some(view! {
                <div class="verdict met" data-testid="bottleneck-weakest" data-stage="">
                    <p>{fill(t().bottleneck_all_met, &[("stage", &best_name), ("amount", &money(best.plus_one)), ("period", period())])}</p>
                </div>
            }
            .into_any())
        }
    };
    // the chart shows the gains to the benchmarks, or, when every stage meets its
    // benchmark, the gains from one point more
    let below = move || ranked.with(|l| l.iter().any(|l| l.to_benchmark > 0.0));
    let bar_rows = Memo::new(move |_| {
        let lang = state.lang.get();
        let below = below();
        ranked.with(|levers| {
            levers
                .iter()
                .enumerate()
                .map(|(rank, l)| {
                    let value = if below { l.to_benchmark } else { l.plus_one };
                    BarRow {
                        label: state
                            .scenario
                            .with(|s| format!("{}. {}", l.stage + 1, shown_stage_name(s, l.stage, lang))),
                        value,
                        text: money(value),
                        highlight: rank == 0 && below,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let chart_caption = move || {
        fill(if below() { t().bottleneck_chart_gain } else { t().bottleneck_chart_point }, &[("period", period())])
    };
    let summary = move || {
        bar_rows.with(|rows| {
            let body = rows.iter().map(|r| format!("{}: {}", r.label, r.text)).collect::<Vec<_>>().join("; ");
            format!("{}. {body}", chart_caption())
        })
    };
    let draw = Callback::new(move |(width, scale, palette): (u32, f64, crate::chart::Palette)| {
        bar_rows.with(|rows| plots::bars(rows, width, &palette, scale))
    });
    let height = Signal::derive(move || plots::bars_height(bar_rows.with(Vec::len)));
    view! {
        <section class="panel bottleneck-panel" aria-labelledby="bottleneck-heading">
            <h2 id="bottleneck-heading">{move || t().bottleneck_heading}</h2>
            <p class="help">{move || fill(t().bottleneck_help, &[("period", period())])}</p>
            {verdict}
            <ol class="levers">{rows}</ol>
            <figure class="chart">
                <figcaption>{chart_caption}</figcaption>
                <ChartCanvas testid="chart-bottleneck" label=Signal::derive(summary) height=height draw=draw />
            </figure>
        </section>
    }
}
