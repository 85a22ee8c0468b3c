//! The pipeline forecast (MODELS.md §3.5): what the people in each stage right now are
//! likely to bring, from the "In it now" field of each stage row: two figures and a table
//! of the stages someone is in, a row per stage keyed by its id.

use leptos::prelude::*;

use crate::calc::pipeline::{pipeline, Pipeline};
use crate::calc::{Forecast, Scenario};
use crate::components::figure::{count, money};
use crate::components::stage_row::shown_stage_name;
use crate::components::FigureCard;
use crate::i18n::{format, Lang, Texts};
use crate::state::use_app_state;

/// One row of the table: a stage someone is in now, as shown.
#[derive(Clone, Debug, PartialEq)]
struct PipelineRow {
    /// The stage's id: the row's key.
    id: u32,
    /// Name, people, chance to buy, expected customers and weighted value, as text.
    cells: [String; 5],
    /// The weighted value's raw number (`data-value`).
    value: String,
}

/// The rows of the stages someone is in now, in stage order.
fn rows(p: &Pipeline, s: &Scenario, f: &Forecast, lang: Lang) -> Vec<PipelineRow> {
    p.stages
        .iter()
        .enumerate()
        .filter(|(_, st)| st.now > 0.0)
        .map(|(i, st)| PipelineRow {
            id: s.stages.get(i).map_or(0, |stage| stage.id),
            cells: [
                format!("{}. {}", i + 1, shown_stage_name(s, i, lang)),
                format::count(lang, st.now),
                format::percent(lang, f.stages.get(i).map_or(0.0, |x| x.probability)),
                format::count(lang, st.customers),
                format::money(lang, s.currency, st.value),
            ],
            value: format::raw(st.value),
        })
        .collect()
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
    let label = move |f: fn(&Texts) -> &'static str| Signal::derive(move || f(t()).to_string());
    // one row per stage someone is in: name, people, chance to buy, expected customers,
    // weighted value (`pipeline-value`); no table when the pipeline is empty
    let table = Memo::new(move |_| {
        let lang = state.lang.get();
        expected.with(|p| state.settled.with(|s| state.settled_forecast.with(|f| rows(p, s, f, lang))))
    });
    let order = move || table.with(|rows| rows.iter().map(|r| r.id).collect::<Vec<_>>());
    let head: [fn(&Texts) -> &'static str; 5] =
        [|t| t.col_stage, |t| t.col_now, |t| t.stage_probability, |t| t.customers, |t| t.pipeline_value];
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
            <div>
                <Show when=move || table.with(|rows| !rows.is_empty())>
                    <table class="pipeline-table">
                        <thead>
                            <tr>{head.map(|text| view! { <th scope="col">{move || text(t())}</th> })}</tr>
                        </thead>
                        <tbody>
                            <For each=order key=|id| *id let(id)>
                                <PipelineItem id=id rows=table />
                            </For>
                        </tbody>
                    </table>
                </Show>
            </div>
        </section>
    }
}

/// One stage's row of the table.
#[component]
fn PipelineItem(
    /// The stage's id.
    id: u32,
    /// Every row.
    rows: Memo<Vec<PipelineRow>>,
) -> impl IntoView {
    // this row alone: its cells change only when it does
    let row = Memo::new(move |_| rows.with(|rows| rows.iter().find(|r| r.id == id).cloned()));
    let cell = move |i: usize| move || row.with(|r| r.as_ref().map(|r| r.cells[i].clone()));
    view! {
        <tr>
            <th scope="row">{cell(0)}</th>
            <td>{cell(1)}</td>
            <td>{cell(2)}</td>
            <td>{cell(3)}</td>
            <td data-testid="pipeline-value" data-value=move || row.with(|r| r.as_ref().map(|r| r.value.clone()))>
                {cell(4)}
            </td>
        </tr>
    }
}
