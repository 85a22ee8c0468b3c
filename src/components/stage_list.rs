//! The editable list of stages, top first, and the button that adds one.

use leptos::prelude::*;

use crate::calc::{Mode, MAX_STAGES};
use crate::components::StageRow;
use crate::state::use_app_state;

/// The stage editor.
#[component]
pub fn StageList() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // keyed by scenario and stage, so switching scenarios rebuilds the rows
    let rows = move || state.scenario.with(|s| s.stages.iter().map(|st| (s.id.clone(), st.id)).collect::<Vec<_>>());
    // (memos: the open scenario changes on every keystroke, the limit and the mode rarely)
    let full = Memo::new(move |_| state.scenario.with(|s| s.stages.len() >= MAX_STAGES));
    let full = move || full.get();
    let mode = Memo::new(move |_| state.scenario.with(|s| s.mode));
    view! {
        <section class="panel stages-panel" aria-labelledby="stages-heading">
            <h2 id="stages-heading">{move || t().stages_heading}</h2>
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
                            let current = mode;
                            view! {
                                <option value=option.id() prop:selected=move || current.get() == option>
                                    {move || text(t())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <p class="help">{move || if mode.get() == Mode::Journey { t().mode_help } else { t().stages_help }}</p>
            <ol class="stages">
                <For each=rows key=|row| row.clone() let((_, id))>
                    <StageRow id=id />
                </For>
            </ol>
            <button
                type="button"
                class="add-stage"
                data-testid="stage-add"
                disabled=full
                on:click=move |_| {
                    let added = state.edit(|s| s.add_stage("").map_err(|_| crate::calc::InputError::TooLarge { max: 20.0 }));
                    // the new stage's name has focus, ready to be typed
                    if let Ok(id) = added {
                        crate::components::stage_row::focus_stage_control(id, "stage-name");
                    }
                }
            >
                {move || format!("+ {}", t().stage_add)}
            </button>
            <Show when=full>
                <p class="help">{move || t().max_stages}</p>
            </Show>
        </section>
    }
}
