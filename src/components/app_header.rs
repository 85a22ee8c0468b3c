//! The header: product name, funnel model picker and language picker.

use leptos::prelude::*;

use crate::calc::TemplateId;
use crate::components::EmbedLogo;
use crate::i18n::Lang;
use crate::state::{use_app_state, AppDataStoreFields, NoticeKind, ScenarioFields};

/// Opens a template: it replaces the open scenario while that is still untouched,
/// otherwise it starts a new scenario so nothing the user typed is lost.
fn open_template(template: TemplateId) {
    let state = use_app_state();
    let untouched = state.workspace.with_untracked(|w| w.current().is_pristine());
    let fresh = state.fresh_scenario(template);
    if untouched {
        let before = state.scenario.with_untracked(crate::calc::Scenario::clone);
        let name = before.name.clone();
        state.update_workspace(|w| {
            let old = w.current().clone();
            w.replace_current(crate::calc::Scenario { id: old.id, currency: old.currency, ..fresh })
        });
        state.notify_undo(NoticeKind::TemplateReplaced { name }, before);
    } else {
        let name = fresh.name.clone();
        state.update_workspace(|w| w.add(fresh));
        state.notify(NoticeKind::NewFromTemplate { name }, None);
    }
}

/// The page header.
#[component]
pub fn AppHeader() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let current_template = move || state.scenario.template().get();
    view! {
        <header class="app-header">
            {if state.embed.with_value(Option::is_some) {
                // the page's heading for screen readers; the agency's logo is what is seen
                view! {
                    <div class="brand">
                        <h1 class="visually-hidden">{move || format!("Tragt – {}", t().app_tagline)}</h1>
                        <EmbedLogo />
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="brand">
                        <span class="logo" aria-hidden="true"></span>
                        <h1>"Tragt"</h1>
                        <span class="tagline">{move || t().app_tagline}</span>
                    </div>
                }
                .into_any()
            }}
            // a compact embed's model and language are the agency's choice, fixed by the snippet
            <Show when=move || !state.compact()>
                <div class="header-controls">
                    <label class="inline-field">
                        <span>{move || t().template}</span>
                        <select
                            data-testid="template-select"
                            on:change=move |ev| {
                                if let Some(id) = TemplateId::from_id(&event_target_value(&ev)) {
                                    open_template(id);
                                }
                            }
                        >
                            {TemplateId::ALL
                                .into_iter()
                                .map(|id| {
                                    view! {
                                        <option value=id.id() prop:selected=move || current_template() == id>
                                            {move || state.lang.get().template(id).name}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                    <label class="inline-field">
                        <span>{move || t().language}</span>
                        <select
                            data-testid="lang-select"
                            on:change=move |ev| {
                                if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
                                    switch_language(state, lang);
                                }
                            }
                        >
                            {Lang::ALL
                                .into_iter()
                                .map(|lang| {
                                    view! {
                                        <option value=lang.code() prop:selected=move || state.store.lang().get() == lang>
                                            {lang.native_name()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                    </label>
                </div>
            </Show>
        </header>
    }
}

/// Shows the UI in `lang` once its texts are here, and remembers the choice. If its
/// language file cannot be fetched (offline before it was ever cached), the language
/// stays as it was and a notice says why.
fn switch_language(state: crate::state::AppState, lang: Lang) {
    leptos::task::spawn_local(async move {
        if crate::i18n::catalog::load(lang).await.is_err() {
            state.notify(crate::state::NoticeKind::LanguageUnavailable(lang), None);
            // the select shows the language that is still in use (it reads the store's field,
            // which this wakes; the memo would see no change)
            state.store.lang().notify();
            return;
        }
        state.set_lang(lang);
        #[cfg(target_arch = "wasm32")]
        if state.can_save.get_untracked() {
            crate::storage::browser::save_lang(&state.keys.get_value(), lang.code());
        }
    });
}
