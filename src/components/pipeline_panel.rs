//! The pipeline forecast (MODELS.md §3.5): what the people in each stage right now are
//! likely to bring, from the "In it now" field of each stage row.

use leptos::prelude::*;

use crate::calc::pipeline::{pipeline, Pipeline};
use crate::components::figure::{count, money};
use crate::components::stage_row::shown_stage_name;
use crate::components::FigureCard;
use crate::i18n::format;
use crate::state::use_app_state;

/// The pipeline panel.
#[component]
pub fn PipelinePanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let forecast: Memo<Pipeline> = Memo::new(move |_| {
        state.settled.with(|s| {
            let now: Vec<Option<f64>> = s.stages.iter().map(|st| st.now).collect();
            let purchase = s.index_of(s.purchase).unwrap_or(s.stages.len() - 1);
            state.settled_forecast.with(|f| pipeline(f, &now, purchase, s.economics.aov))
        })
    });
    let label = move |f: fn(&crate::i18n::Texts) -> &'static str| Signal::derive(move || f(t()).to_string());
    // one row per stage someone is in: name, people now, chance to buy, weighted value
    let rows = move || {
        let lang = state.lang.get();
        let currency = state.settled.with(|s| s.currency);
        forecast.with(|p| {
            state.settled.with(|s| {
                state.settled_forecast.with(|f| {
                    p.stages
                        .iter()
                        .enumerate()
                        .filter(|(_, st)| st.now > 0.0)
                        .map(|(i, st)| {
                            view! {
                                <tr>
                                    <th scope="row">{format!("{}. {}", i + 1, shown_stage_name(s, i, lang))}</th>
                                    <td>{format::count(lang, st.now)}</td>
                                    <td>{format::percent(lang, f.stages[i].probability)}</td>
                                    <td>{format::count(lang, st.customers)}</td>
                                    <td data-testid="pipeline-value" data-value=format::raw(st.value)>
                                        {format::money(lang, currency, st.value)}
                                    </td>
                                </tr>
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    let any = move || forecast.with(|p| p.stages.iter().any(|st| st.now > 0.0));
    view! {
        <section class="panel pipeline-panel" aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading">{move || t().pipeline_heading}</h2>
            <p class="help">{move || t().pipeline_help}</p>
            <div class="figures">
                <FigureCard
                    label=label(|t| t.pipeline_customers)
                    testid="out-pipeline-customers"
                    value=Signal::derive(move || forecast.with(|p| Ok(p.customers)))
                    format=count
                />
                <FigureCard
                    label=label(|t| t.pipeline_revenue)
                    testid="out-pipeline-revenue"
                    value=Signal::derive(move || forecast.with(|p| Ok(p.revenue)))
                    format=money
                />
            </div>
            <Show when=any>
                <table class="pipeline-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().col_stage}</th>
                            <th scope="col">{move || t().col_now}</th>
                            <th scope="col">{move || t().stage_probability}</th>
                            <th scope="col">{move || t().customers}</th>
                            <th scope="col">{move || t().pipeline_value}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}
