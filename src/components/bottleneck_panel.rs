//! Bottlenecks and advice (MODELS.md §3.9): every stage's rate against its benchmark,
//! ranked by the revenue reaching it would bring; the weakest stage with what to do
//! there (the template's note for the stage people leave, MODELS.md §1), and a bar chart.

use leptos::prelude::*;

use crate::calc::bottleneck::{benchmarks, levers, Lever};
use crate::calc::Scenario;
use crate::chart::plots::{self, BarRow};
use crate::components::dom::{attrs, el};
use crate::components::stage_row::{period_name, shown_stage_name};
use crate::components::ChartCanvas;
use crate::i18n::texts::fill;
use crate::i18n::{format, Lang, Texts};
use crate::state::use_app_state;

/// A gain: "+63 000 kr.".
fn gain(lang: Lang, currency: crate::calc::Currency, v: f64) -> String {
    format!("+{}", format::money(lang, currency, v))
}

/// Builds the verdict (the weakest stage and what helps there, or that every stage meets
/// its benchmark) and the ranked list of levers into `host`.
fn render(host: &web_sys::Element, levers: &[Lever], s: &Scenario, lang: Lang, t: &Texts, period: &str) {
    host.set_text_content(None);
    let money = |v: f64| gain(lang, s.currency, v);
    let name = |i: usize| shown_stage_name(s, i, lang);
    if let Some(first) = levers.first() {
        if first.to_benchmark > 0.0 {
            let stage = name(first.stage);
            let verdict = el(host, "div", "verdict", "");
            attrs(&verdict, &[("data-testid", "bottleneck-weakest"), ("data-stage", &(first.stage + 1).to_string())]);
            let p = el(&verdict, "p", "", "");
            el(&p, "strong", "", &fill(t.bottleneck_weakest, &[("stage", &stage)]));
            let amount = format::money(lang, s.currency, first.to_benchmark);
            let _ = p.append_with_str_1(&format!(
                " {}",
                fill(t.bottleneck_weakest_gain, &[("amount", &amount), ("period", period)])
            ));
            el(&verdict, "p", "advice-title", &fill(t.bottleneck_advice, &[("stage", &stage)]));
            // the stage's own advice: what brings people into it
            let tip = s.stage_note(first.stage, |l| lang.pick(l)).unwrap_or(t.bottleneck_advice_general);
            attrs(&el(&verdict, "p", "advice", tip), &[("data-testid", "bottleneck-advice")]);
        } else if let Some(best) = levers.iter().max_by(|a, b| a.plus_one.total_cmp(&b.plus_one)) {
            let verdict = el(host, "div", "verdict met", "");
            attrs(&verdict, &[("data-testid", "bottleneck-weakest"), ("data-stage", "")]);
            let text = fill(
                t.bottleneck_all_met,
                &[("stage", &name(best.stage)), ("amount", &money(best.plus_one)), ("period", period)],
            );
            el(&verdict, "p", "", &text);
        }
    }
    let list = el(host, "ol", "levers", "");
    for (rank, l) in levers.iter().enumerate() {
        let li = el(&list, "li", if rank == 0 && l.to_benchmark > 0.0 { "weakest" } else { "" }, "");
        attrs(
            &li,
            &[
                ("data-testid", "bottleneck-row"),
                ("data-stage", &(l.stage + 1).to_string()),
                ("data-gain", &format::raw(l.to_benchmark)),
                ("data-gain-point", &format::raw(l.plus_one)),
            ],
        );
        el(&li, "span", "lever-name", &format!("{}. {}", l.stage + 1, name(l.stage)));
        let rate = format::percent(lang, l.rate);
        let rates = match l.benchmark {
            Some(b) => fill(t.bottleneck_rates, &[("rate", &rate), ("benchmark", &format::percent(lang, b))]),
            None => fill(t.bottleneck_no_benchmark, &[("rate", &rate)]),
        };
        el(&li, "span", "lever-rates", &rates);
        let gain_text = if l.to_benchmark > 0.0 {
            fill(t.bottleneck_gain, &[("amount", &money(l.to_benchmark))])
        } else if l.benchmark.is_some() {
            t.bottleneck_met.to_string()
        } else {
            String::new()
        };
        el(&li, "span", "lever-gain", &gain_text);
        el(&li, "span", "lever-point", &fill(t.bottleneck_point, &[("amount", &money(l.plus_one))]));
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
    // the weakest stage with its advice, and the ranked list: plain DOM, rebuilt whole
    let host = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(host) = host.get() else { return };
        let lang = state.lang.get();
        let t = Texts::of(lang);
        let period = period();
        ranked.with(|levers| state.settled.with(|s| render(&host, levers, s, lang, t, period)));
    });
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
        fill(if below() { t().bottleneck_chart_gain } else { t().bottleneck_chart_point }, &[("period", period())])
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
            <div node_ref=host></div>
            <figure class="chart">
                <figcaption>{chart_caption}</figcaption>
                <ChartCanvas testid="chart-levers" label=Signal::derive(summary) chart=chart />
            </figure>
        </section>
    }
}
