//! The pipeline forecast (MODELS.md §3.5): what the people in each stage right now are
//! likely to bring, from the "In it now" field of each stage row.

use leptos::prelude::*;

use crate::calc::pipeline::{pipeline, Pipeline};
use crate::calc::{Forecast, Scenario};
use crate::components::dom::{attrs, el};
use crate::components::figure::{count, money};
use crate::components::stage_row::shown_stage_name;
use crate::components::FigureCard;
use crate::i18n::{format, Lang, Texts};
use crate::state::use_app_state;

/// The table of the stages someone is in now: name, people, chance to buy, expected
/// customers, weighted value (`pipeline-value`); nothing when the pipeline is empty.
fn render(host: &web_sys::Element, p: &Pipeline, s: &Scenario, f: &Forecast, lang: Lang) {
    host.set_text_content(None);
    if p.stages.iter().all(|st| st.now <= 0.0) {
        return;
    }
    let t = Texts::of(lang);
    let table = el(host, "table", "pipeline-table", "");
    let head = el(&el(&table, "thead", "", ""), "tr", "", "");
    for text in [t.col_stage, t.col_now, t.stage_probability, t.customers, t.pipeline_value] {
        attrs(&el(&head, "th", "", text), &[("scope", "col")]);
    }
    let body = el(&table, "tbody", "", "");
    for (i, st) in p.stages.iter().enumerate().filter(|(_, st)| st.now > 0.0) {
        let row = el(&body, "tr", "", "");
        attrs(&el(&row, "th", "", &format!("{}. {}", i + 1, shown_stage_name(s, i, lang))), &[("scope", "row")]);
        el(&row, "td", "", &format::count(lang, st.now));
        el(&row, "td", "", &format::percent(lang, f.stages.get(i).map_or(0.0, |x| x.probability)));
        el(&row, "td", "", &format::count(lang, st.customers));
        let value = el(&row, "td", "", &format::money(lang, s.currency, st.value));
        attrs(&value, &[("data-testid", "pipeline-value"), ("data-value", &format::raw(st.value))]);
    }
}

/// The pipeline panel.
#[component]
pub fn PipelinePanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let expected: Memo<Pipeline> = Memo::new(move |_| {
        state.settled.with(|s| {
            let now: Vec<Option<f64>> = s.stages.iter().map(|st| st.now).collect();
            let purchase = s.index_of(s.purchase).unwrap_or(s.stages.len() - 1);
            state.settled_forecast.with(|f| pipeline(f, &now, purchase, s.economics.aov))
        })
    });
    let label = move |f: fn(&crate::i18n::Texts) -> &'static str| Signal::derive(move || f(t()).to_string());
    // one row per stage someone is in: plain DOM, rebuilt whole
    let host = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(host) = host.get() else { return };
        let lang = state.lang.get();
        expected.with(|p| state.settled.with(|s| state.settled_forecast.with(|f| render(&host, p, s, f, lang))));
    });
    view! {
        <section class="panel pipeline-panel" aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading">{move || t().pipeline_heading}</h2>
            <p class="help">{move || t().pipeline_help}</p>
            <div class="figures">
                <FigureCard
                    label=label(|t| t.pipeline_customers)
                    testid="out-pipeline-customers"
                    value=Signal::derive(move || expected.with(|p| Ok(p.customers)))
                    format=count
                />
                <FigureCard
                    label=label(|t| t.pipeline_revenue)
                    testid="out-pipeline-revenue"
                    value=Signal::derive(move || expected.with(|p| Ok(p.revenue)))
                    format=money
                />
            </div>
            <div node_ref=host></div>
        </section>
    }
}
