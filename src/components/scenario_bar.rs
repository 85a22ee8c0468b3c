//! The scenario list: switch, rename, create, duplicate and delete (with undo).

use leptos::prelude::*;

use crate::i18n::texts::fill;
use crate::state::{new_id, use_app_state, NoticeKind, ScenarioFields};

/// The scenario bar.
#[component]
pub fn ScenarioBar() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // ids and names only: editing a number does not rebuild the options
    let entries = Memo::new(move |_| {
        let shared = state.shared.get();
        state.workspace.with(|w| {
            w.scenarios()
                .iter()
                .map(|s| {
                    let name = if shared.as_deref() == Some(&s.id) {
                        fill(t().not_saved, &[("name", &s.name)])
                    } else {
                        s.name.clone()
                    };
                    (s.id.clone(), name)
                })
                .collect::<Vec<_>>()
        })
    });
    let current_id = move || state.scenario.id().get();
    let new_scenario = move |_| {
        let template = state.scenario.with_untracked(|s| s.template);
        let mut fresh = state.fresh_scenario(template);
        fresh.name = state.workspace.with_untracked(|w| w.unique_name(t().untitled));
        state.update_workspace(|w| w.add(fresh));
    };
    let duplicate = move |_| {
        let name = state.scenario.with_untracked(|s| fill(t().copy_of, &[("name", &s.name)]));
        let name = state.workspace.with_untracked(|w| w.unique_name(&name));
        state.update_workspace(|w| w.duplicate_current(new_id(), name));
    };
    let delete = move |_| {
        let template = state.scenario.with_untracked(|s| s.template);
        let replacement = state.fresh_scenario(template);
        let mut deleted = None;
        state.update_workspace(|w| deleted = Some(w.delete_current(|| replacement)));
        if let Some(deleted) = deleted {
            let name = deleted.scenario.name.clone();
            state.notify(NoticeKind::Deleted { name }, Some(deleted));
        }
    };
    view! {
        <section class="scenario-bar" aria-label=move || t().scenario>
            <label class="inline-field">
                <span>{move || t().scenario}</span>
                <select
                    data-testid="scenario-select"
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        state.update_workspace(|w| {
                            w.select(&id);
                        });
                    }
                >
                    {move || {
                        entries
                            .get()
                            .into_iter()
                            .map(|(id, name)| {
                                view! {
                                    <option value=id.clone() prop:selected=move || current_id() == id>
                                        {name}
                                    </option>
                                }
                                .into_any()
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="inline-field grow">
                <span>{move || t().scenario_name}</span>
                <input
                    type="text"
                    data-testid="scenario-name"
                    maxlength="120"
                    prop:value=move || state.scenario.name().get()
                    on:input=move |ev| {
                        let name = event_target_value(&ev);
                        let _ = state.edit(|s| {
                            s.name = name.chars().take(120).collect();
                            Ok(())
                        });
                    }
                />
            </label>
            <div class="button-row">
                <button type="button" data-testid="scenario-new" on:click=new_scenario>
                    {move || t().scenario_new}
                </button>
                <button type="button" data-testid="scenario-duplicate" on:click=duplicate>
                    {move || t().scenario_duplicate}
                </button>
                <button type="button" class="danger" data-testid="scenario-delete" on:click=delete>
                    {move || t().scenario_delete}
                </button>
            </div>
        </section>
    }
}
