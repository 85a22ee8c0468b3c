//! `<App/>`: reads the start-up situation (URL, saved scenarios, languages), builds the
//! app state, provides it, and lays out the page.

use leptos::prelude::*;

use crate::calc::{Scenario, TemplateId, Workspace};
use crate::components::{AppHeader, MoneyPanel, NoticeArea, ResultsPanel, ScenarioBar, StageList};
use crate::i18n::Lang;
use crate::state::{new_id, AppState, NoticeKind};
use crate::storage::Keys;

/// What the app starts with.
pub struct Startup {
    /// UI language.
    pub lang: Lang,
    /// Saved scenarios, or a first scenario.
    pub workspace: Workspace,
    /// Storage keys.
    pub keys: Keys,
    /// Notices to show at once.
    pub notices: Vec<NoticeKind>,
    /// Whether storage may be written.
    pub can_save: bool,
}

/// A first scenario from a template, named in `lang`.
pub fn first_workspace(lang: Lang, template: TemplateId) -> Workspace {
    let name = lang.pick(&template.template().name).to_string();
    Workspace::new(Scenario::from_template(new_id(), name, template, lang.default_currency()))
}

/// Reads the URL, the browser's languages and localStorage.
#[cfg(target_arch = "wasm32")]
pub fn startup() -> Startup {
    use crate::storage::browser::{self, LoadOutcome, StorageIssue};
    use crate::storage::LoadError;

    let window = window();
    let params = window.location().search().ok().and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok());
    let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let browser_langs: Vec<String> = window.navigator().languages().iter().filter_map(|v| v.as_string()).collect();
    let keys = Keys::default();
    let mut notices = Vec::new();
    let mut can_save = true;
    let probe = browser::probe(&keys);
    let saved_lang = browser::load_lang(&keys);
    let lang = Lang::choose(param("lang").as_deref(), saved_lang.as_deref(), &browser_langs);
    let loaded = match probe {
        Err(StorageIssue::Unavailable) => {
            can_save = false;
            notices.push(NoticeKind::StorageUnavailable);
            None
        }
        Err(StorageIssue::Full) | Ok(()) => {
            if probe.is_err() {
                notices.push(NoticeKind::StorageFull);
            }
            match browser::load(&keys, js_sys::Date::now() as u64) {
                Ok(LoadOutcome::Empty) => None,
                Ok(LoadOutcome::Loaded(loaded)) => {
                    if loaded.repaired > 0 {
                        notices.push(NoticeKind::Repaired(loaded.repaired));
                    }
                    Some(loaded.workspace)
                }
                Ok(LoadOutcome::MovedAside { error: LoadError::FutureVersion(_), backup }) => {
                    notices.push(NoticeKind::Future { backup });
                    None
                }
                Ok(LoadOutcome::MovedAside { backup, .. }) => {
                    notices.push(NoticeKind::Corrupt { backup });
                    None
                }
                Ok(LoadOutcome::Unreadable { .. }) => {
                    // could not copy the bytes aside: never overwrite them
                    can_save = false;
                    notices.push(NoticeKind::Corrupt { backup: keys.store() });
                    None
                }
                Err(_) => {
                    can_save = false;
                    notices.push(NoticeKind::StorageUnavailable);
                    None
                }
            }
        }
    };
    let template = param("template").and_then(|t| TemplateId::from_id(&t)).unwrap_or_default();
    let workspace = loaded.unwrap_or_else(|| first_workspace(lang, template));
    Startup { lang, workspace, keys, notices, can_save }
}

/// Off the browser there is nothing to read: English and the default template.
#[cfg(not(target_arch = "wasm32"))]
pub fn startup() -> Startup {
    Startup {
        lang: Lang::En,
        workspace: first_workspace(Lang::En, TemplateId::default()),
        keys: Keys::default(),
        notices: Vec::new(),
        can_save: false,
    }
}

/// Builds and provides the app state from a start-up situation.
pub fn provide_app_state(startup: Startup) -> AppState {
    let state = AppState::new(startup.lang, startup.workspace, startup.keys);
    state.can_save.set(startup.can_save);
    for kind in startup.notices {
        state.notify(kind, None);
    }
    provide_context(state);
    state
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = provide_app_state(startup());
    #[cfg(target_arch = "wasm32")]
    crate::storage::autosave::use_autosave(state);
    // the document's language and title follow the UI language
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(&format!("Tragt – {}", state.t().app_tagline));
    });
    let t = move || state.t();
    view! {
        <AppHeader />
        <p class="intro">{move || t().app_intro}</p>
        <NoticeArea />
        <ScenarioBar />
        <main class="layout">
            <div class="inputs">
                <StageList />
                <MoneyPanel />
            </div>
            <div class="outputs">
                <ResultsPanel />
            </div>
        </main>
        <footer class="app-footer">{move || t().footer}</footer>
    }
}
