//! Bottlenecks and advice (MODELS.md §3.9): every stage's rate against its benchmark,
//! ranked by the revenue reaching it would bring; the weakest stage with what to do
//! there (the template's note for the stage people leave, MODELS.md §1), and a bar chart.
//! The list is keyed by stage: a row whose figures did not change keeps its node.

use leptos::prelude::*;

use crate::calc::bottleneck::{benchmarks, levers, Lever};
use crate::calc::Scenario;
use crate::chart::plots::{self, BarRow};
use crate::components::stage_row::{period_name, shown_stage_name};
use crate::components::ChartCanvas;
use crate::i18n::texts::fill;
use crate::i18n::{format, Lang, Texts};
use crate::state::use_app_state;

/// A gain: "+63 000 kr.".
fn gain(lang: Lang, currency: crate::calc::Currency, v: f64) -> String {
    format!("+{}", format::money(lang, currency, v))
}

/// One row of the ranked list, as shown.
#[derive(Clone, Debug, PartialEq)]
struct LeverRow {
    /// The stage's id: the row's key.
    id: u32,
    /// First in rank and below its benchmark.
    weakest: bool,
    /// The stage, 1-based (`data-stage`).
    stage: String,
    /// `data-gain`, `data-gain-lift` and `data-gain-point`: the raw gains at the benchmark,
    /// from a tenth more of the stage's own rate, and from one point more.
    gain: String,
    gain_lift: String,
    gain_point: String,
    /// "3. Add to cart", the rates, the gain at the benchmark, the gain from the lift.
    name: String,
    rates: String,
    gain_text: String,
    lift_text: String,
}

impl LeverRow {
    fn of(l: &Lever, rank: usize, s: &Scenario, lang: Lang) -> LeverRow {
        let t = Texts::of(lang);
        let money = |v: f64| gain(lang, s.currency, v);
        let rate = format::percent(lang, l.rate);
        LeverRow {
            id: s.stages.get(l.stage).map_or(0, |st| st.id),
            weakest: rank == 0 && l.to_benchmark > 0.0,
            stage: (l.stage + 1).to_string(),
            gain: format::raw(l.to_benchmark),
            gain_lift: format::raw(l.lift),
            gain_point: format::raw(l.plus_one),
            name: format!("{}. {}", l.stage + 1, shown_stage_name(s, l.stage, lang)),
            rates: match l.benchmark {
                Some(b) => fill(t.bottleneck_rates, &[("rate", &rate), ("benchmark", &format::percent(lang, b))]),
                None => fill(t.bottleneck_no_benchmark, &[("rate", &rate)]),
            },
            gain_text: if l.to_benchmark > 0.0 {
                fill(t.bottleneck_gain, &[("amount", &money(l.to_benchmark))])
            } else if l.benchmark.is_some() {
                t.bottleneck_met.to_string()
            } else {
                String::new()
            },
            lift_text: fill(t.bottleneck_lift, &[("amount", &money(l.lift))]),
        }
    }
}

/// The verdict: the weakest stage and what helps there, or, when every stage meets its
/// benchmark, the first of the ranked list (where a tenth more of its rate brings the most,
/// the first in funnel order on a tie).
#[derive(Clone, Debug, PartialEq)]
enum Verdict {
    Weakest { stage: String, headline: String, gain: String, advice_title: String, advice: String },
    AllMet(String),
}

impl Verdict {
    fn of(levers: &[Lever], s: &Scenario, lang: Lang, period: &str) -> Option<Verdict> {
        let t = Texts::of(lang);
        let name = |i: usize| shown_stage_name(s, i, lang);
        let first = levers.first()?;
        if first.to_benchmark > 0.0 {
            let stage = name(first.stage);
            let amount = format::money(lang, s.currency, first.to_benchmark);
            // the stage's own advice: what brings people into it
            let tip = s
                .template_stage(first.stage)
                .map(|n| lang.template(s.template).stage(n).note)
                .filter(|note| !note.is_empty())
                .unwrap_or(t.bottleneck_advice_general);
            Some(Verdict::Weakest {
                stage: (first.stage + 1).to_string(),
                headline: fill(t.bottleneck_weakest, &[("stage", &stage)]),
                gain: format!(" {}", fill(t.bottleneck_weakest_gain, &[("amount", &amount), ("period", period)])),
                advice_title: fill(t.bottleneck_advice, &[("stage", &stage)]),
                advice: tip.to_string(),
            })
        } else {
            let amount = gain(lang, s.currency, first.lift);
            Some(Verdict::AllMet(fill(
                t.bottleneck_all_met,
                &[("stage", &name(first.stage)), ("amount", &amount), ("period", period)],
            )))
        }
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
    let money = move |v: f64| gain(state.lang.get(), state.settled.with(|s| s.currency), v);
    // the weakest stage with its advice, and the ranked list, in the settled language
    let verdict = Memo::new(move |_| {
        let lang = state.lang.get();
        let period = period();
        ranked.with(|levers| state.settled.with(|s| Verdict::of(levers, s, lang, period)))
    });
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        ranked.with(|levers| {
            state.settled.with(|s| levers.iter().enumerate().map(|(rank, l)| LeverRow::of(l, rank, s, lang)).collect())
        })
    });
    let order = move || rows.with(|rows: &Vec<LeverRow>| rows.iter().map(|r| r.id).collect::<Vec<_>>());
    // the chart shows the gains to the benchmarks, or, when every stage meets its
    // benchmark, the gains from a tenth more of each stage's rate
    let below = move || ranked.with(|l| l.iter().any(|l| l.to_benchmark > 0.0));
    let bar_rows = Memo::new(move |_| {
        let lang = state.lang.get();
        let below = below();
        ranked.with(|levers| {
            levers
                .iter()
                .enumerate()
                .map(|(rank, l)| {
                    let value = if below { l.to_benchmark } else { l.lift };
                    BarRow {
                        label: state
                            .settled
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
        fill(if below() { t().bottleneck_chart_gain } else { t().bottleneck_chart_lift }, &[("period", period())])
    };
    let summary = move || {
        bar_rows.with(|rows| {
            let body = rows.iter().map(|r| format!("{}: {}", r.label, r.text)).collect::<Vec<_>>().join("; ");
            format!("{}. {body}", chart_caption())
        })
    };
    let chart = Callback::new(move |()| {
        let fmt =
            crate::components::chart_canvas::Numbers::shared(state.lang.get(), state.settled.with(|s| s.currency));
        let axis = format!("{} / {}", fmt.unit(), period());
        crate::chart::Chart::new(crate::chart::Kind::Levers(plots::Levers { rows: bar_rows.get(), axis }), fmt)
    });
    view! {
        <section class="panel bottleneck-panel" aria-labelledby="bottleneck-heading">
            <h2 id="bottleneck-heading">{move || t().bottleneck_heading}</h2>
            <p class="help">{move || fill(t().bottleneck_help, &[("period", period())])}</p>
            <div>
                {move || verdict.get().map(|v| view! { <VerdictBox verdict=v /> })}
                <ol class="levers">
                    <For each=order key=|id| *id let(id)>
                        <LeverItem id=id rows=rows />
                    </For>
                </ol>
            </div>
            <figure class="chart">
                <figcaption>{chart_caption}</figcaption>
                <ChartCanvas testid="chart-levers" label=Signal::derive(summary) chart=chart />
            </figure>
        </section>
    }
}

/// The verdict's box (`bottleneck-weakest`, with the stage in `data-stage`, empty when every
/// stage meets its benchmark).
#[component]
fn VerdictBox(
    /// What the box says.
    verdict: Verdict,
) -> impl IntoView {
    match verdict {
        Verdict::Weakest { stage, headline, gain, advice_title, advice } => view! {
            <div class="verdict" data-testid="bottleneck-weakest" data-stage=stage>
                <p>
                    <strong>{headline}</strong>
                    {gain}
                </p>
                <p class="advice-title">{advice_title}</p>
                <p class="advice" data-testid="bottleneck-advice">{advice}</p>
            </div>
        }
        .into_any(),
        Verdict::AllMet(text) => view! {
            <div class="verdict met" data-testid="bottleneck-weakest" data-stage="">
                <p>{text}</p>
            </div>
        }
        .into_any(),
    }
}

/// One stage in the ranked list (`bottleneck-row`).
#[component]
fn LeverItem(
    /// The stage's id.
    id: u32,
    /// Every row, in rank order.
    rows: Memo<Vec<LeverRow>>,
) -> impl IntoView {
    // this row alone: the parts below change only when it does
    let row = Memo::new(move |_| rows.with(|rows| rows.iter().find(|r| r.id == id).cloned()));
    let part = move |pick: fn(&LeverRow) -> &String| move || row.with(|r| r.as_ref().map(pick).cloned());
    view! {
        <li
            class:weakest=move || row.with(|r| r.as_ref().is_some_and(|r| r.weakest))
            data-testid="bottleneck-row"
            data-stage=part(|r| &r.stage)
            data-gain=part(|r| &r.gain)
            data-gain-lift=part(|r| &r.gain_lift)
            data-gain-point=part(|r| &r.gain_point)
        >
            <span class="lever-name">{part(|r| &r.name)}</span>
            <span class="lever-rates">{part(|r| &r.rates)}</span>
            <span class="lever-gain">{part(|r| &r.gain_text)}</span>
            <span class="lever-point">{part(|r| &r.lift_text)}</span>
        </li>
    }
}
