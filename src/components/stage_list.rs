//! The editable list of stages, top first, and the button that adds one. Each row is a
//! keyed field of the open scenario's stages, so typing in one row wakes only that row (and
//! the figures every row shows).

use leptos::prelude::*;

use crate::calc::{Mode, MAX_STAGES};
use crate::components::stage_row::{add_stage, RowFocus};
use crate::components::StageRow;
use crate::state::{stage_field, use_app_state, ScenarioFields};

/// The stage editor.
#[component]
pub fn StageList() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let focus = RowFocus::default();
    provide_context(focus);
    // the rows: keyed by scenario and stage, so opening another scenario rebuilds them; a
    // memo, so an edit inside a stage leaves the list as it is
    let rows = Memo::new(move |_| {
        let id = state.scenario.id().get();
        state.scenario.stages().with(|st| st.iter().map(|st| (id.clone(), st.id)).collect::<Vec<_>>())
    });
    let stage_count = Memo::new(move |_| rows.with(Vec::len));
    let purchase_at = Memo::new(move |_| {
        let purchase = state.scenario.purchase().get();
        rows.with(|rows| rows.iter().position(|(_, id)| *id == purchase))
    });
    let full = move || stage_count.get() >= MAX_STAGES;
    let mode = state.scenario.mode();
    // a compact embed: the agency's stages, people and rates only
    let compact = state.compact();
    view! {
        <section class="panel stages-panel" aria-labelledby="stages-heading">
            <div class="panel-head">
            <h2 id="stages-heading">{move || t().stages_heading}</h2>
            <Show when=move || !compact>
                <label class="inline-field mode" title=move || t().mode_help>
                    <span>{move || t().mode_label}</span>
                    <select
                        data-testid="mode-select"
                        on:change=move |ev| {
                            if let Some(mode) = Mode::from_id(&event_target_value(&ev)) {
                                let _ = state.edit(|s| {
                                    s.set_mode(mode);
                                    Ok(())
                                });
                            }
                        }
                    >
                        {[(Mode::Funnel, (|t| t.mode_funnel) as fn(&crate::i18n::Texts) -> &'static str), (Mode::Journey, |t| t.mode_journey)]
                            .into_iter()
                            .map(|(option, text)| {
                                view! {
                                    <option value=option.id() prop:selected=move || mode.get() == option>
                                        {move || text(t())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </Show>
            </div>
            <p class="help">{move || if mode.get() == Mode::Journey { t().mode_help } else { t().stages_help }}</p>
            <ol class="stages">
                <For each=move || rows.get() key=|row| row.clone() let((_, id))>
                    <StageRow
                        stage=stage_field(state, id)
                        id=id
                        index=Memo::new(move |_| rows.with(|rows| rows.iter().position(|(_, row)| *row == id).unwrap_or(0)))
                        stage_count=stage_count
                        purchase_at=purchase_at
                    />
                </For>
            </ol>
            <Show when=move || !compact>
                <button
                    type="button"
                    class="add-stage"
                    data-testid="stage-add"
                    disabled=full
                    on:click=move |_| add_stage(state, None, focus)
                >
                    {move || format!("+ {}", t().stage_add)}
                </button>
            </Show>
            <Show when=full>
                <p class="help">{move || t().max_stages}</p>
            </Show>
        </section>
    }
}
