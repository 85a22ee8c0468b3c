//! `<App/>`: reads the start-up situation (URL, saved scenarios, languages), builds the
//! app state, provides it, and lays out the page.

use leptos::prelude::*;

use crate::calc::{Scenario, TemplateId, Workspace};
use crate::components::{
    AppHeader, BottleneckPanel, CompareView, EmbedFooter, GoalPanel, JourneyPanel, MoneyPanel, NoticeArea,
    PipelinePanel, ReferralPanel, ResultsPanel, ScenarioBar, ShareTools, SharedBanner, StageList, TimePanel,
    UncertaintyPanel,
};
use crate::embed::EmbedConfig;
use crate::i18n::Lang;
use crate::state::{new_id, use_app_state, AppState, NoticeKind};
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
    /// The embed configuration when the page runs as an embed (`?embed=1`).
    pub embed: Option<EmbedConfig>,
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

    let page = Page::read();
    let embed = (page.param("embed").as_deref() == Some("1")).then(|| {
        let (config, warnings) = crate::embed::parse(|name| page.param(name));
        for warning in warnings {
            leptos::logging::warn!("{warning}");
        }
        config
    });
    let keys = page.keys();
    let mut notices = Vec::new();
    let mut can_save = true;
    let probe =
        if keys.area == crate::storage::Area::Off { Err(StorageIssue::Unavailable) } else { browser::probe(&keys) };
    let lang = page.lang(&keys);
    let loaded = match probe {
        Err(StorageIssue::Unavailable) if keys.area == crate::storage::Area::Off => {
            // the embedding site asked for nothing to be stored: no notice, nothing read
            can_save = false;
            None
        }
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
                Ok(LoadOutcome::Newer { .. }) => {
                    // a newer version's scenarios: this one can neither read nor overwrite them
                    can_save = false;
                    notices.push(NoticeKind::Future);
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
    let template = page.param("template").and_then(|t| TemplateId::from_id(&t)).unwrap_or_default();
    let workspace = loaded.unwrap_or_else(|| first_workspace(lang, template));
    Startup { lang, workspace, keys, notices, can_save, embed }
}

/// What the page's address and the browser tell at start: the URL parameters and the
/// browser's preferred languages.
#[cfg(target_arch = "wasm32")]
struct Page {
    params: Option<web_sys::UrlSearchParams>,
    languages: Vec<String>,
}

#[cfg(target_arch = "wasm32")]
impl Page {
    fn read() -> Page {
        let window = window();
        let params = window.location().search().ok().and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok());
        let languages = window.navigator().languages().iter().filter_map(|v| v.as_string()).collect();
        Page { params, languages }
    }

    fn param(&self, name: &str) -> Option<String> {
        self.params.as_ref().and_then(|p| p.get(name))
    }

    /// The storage keys the URL asks for (`ns`, `storage`).
    fn keys(&self) -> Keys {
        let mut keys = self.param("ns").map(|ns| Keys::namespaced(&ns)).unwrap_or_default();
        keys.area = crate::storage::Area::from_param(self.param("storage").as_deref());
        keys
    }

    /// `?lang=`, else the choice saved under `keys`, else the browser's languages.
    fn lang(&self, keys: &Keys) -> Lang {
        let saved = crate::storage::browser::load_lang(keys);
        Lang::choose(self.param("lang").as_deref(), saved.as_deref(), &self.languages)
    }
}

/// The language [`startup`] will choose, read the same way, without reading the saved
/// scenarios: the browser build fetches its texts before starting.
#[cfg(target_arch = "wasm32")]
pub fn startup_language() -> Lang {
    let page = Page::read();
    page.lang(&page.keys())
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
        embed: None,
    }
}

/// Builds and provides the app state from a start-up situation.
pub fn provide_app_state(startup: Startup) -> AppState {
    let state = AppState::new(startup.lang, startup.workspace, startup.keys);
    state.embed.set_value(startup.embed);
    state.can_save.set(startup.can_save);
    for kind in startup.notices {
        state.notify(kind, None);
    }
    provide_context(state);
    crate::state::use_settling(state);
    state
}

/// On paper only: the scenario's name and the date of printing.
#[component]
fn PrintHeader() -> impl IntoView {
    let state = use_app_state();
    let printed = RwSignal::new(0u32);
    #[cfg(target_arch = "wasm32")]
    {
        let listener = window_event_listener(leptos::ev::beforeprint, move |_| printed.update(|n| *n += 1));
        on_cleanup(move || listener.remove());
    }
    // the date only when printing: formatting a date builds an Intl formatter, which
    // would cost milliseconds on every page load
    let date = move || {
        if printed.get() == 0 {
            return String::new();
        }
        let lang = state.lang.get();
        #[cfg(target_arch = "wasm32")]
        let today: String =
            js_sys::Date::new_0().to_locale_date_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED).into();
        #[cfg(not(target_arch = "wasm32"))]
        let today = String::new();
        crate::i18n::texts::fill(crate::i18n::Texts::of(lang).printed_on, &[("date", &today)])
    };
    view! {
        <div class="print-only print-header">
            <h1>{move || format!("Tragt – {}", state.scenario.with(|s| s.name.clone()))}</h1>
            <p>{date}</p>
        </div>
    }
}

/// The whole app, starting from what [`startup`] reads.
#[component]
pub fn App() -> impl IntoView {
    app_with(startup())
}

/// The whole app, from a start-up situation read beforehand (the browser build reads it
/// first to know which language file to fetch).
pub fn app_with(startup: Startup) -> impl IntoView {
    let state = provide_app_state(startup);
    #[cfg(target_arch = "wasm32")]
    crate::storage::autosave::use_autosave(state);
    // the forecasting views and the stages' forecasting inputs mount after the first figures
    set_timeout(move || state.analysis_ready.set(true), std::time::Duration::ZERO);
    crate::components::share_tools::use_share_links(state);
    // a new version waiting in the service worker (sw-register.js) is offered as a notice
    #[cfg(target_arch = "wasm32")]
    {
        let waiting = js_sys::Reflect::get(&window(), &"tragtUpdateReady".into()).ok().and_then(|v| v.as_bool());
        if waiting == Some(true) {
            state.notify(NoticeKind::UpdateReady, None);
        }
        let listener =
            window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("tragt:update-ready"), move |_| {
                state.notify(NoticeKind::UpdateReady, None)
            });
        on_cleanup(move || listener.remove());
    }
    // a journey hides the funnel's own inputs (`.funnel-only`) and shows its own
    let journey = Memo::new(move |_| state.scenario.with(|s| s.mode == crate::calc::Mode::Journey));
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("journey", journey.get());
        }
    });
    // the document's language and title follow the UI language
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(&format!("Tragt – {}", state.t().app_tagline));
    });
    let t = move || state.t();
    let embed = state.embed.get_value();
    if let Some(config) = &embed {
        crate::components::embed_frame::apply_accent(config);
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("embed");
        }
        crate::components::embed_frame::post_height_to_parent();
    }
    let full = embed.is_none();
    // one layout for both: the embed leaves out the intro, the tools and the comparison,
    // and has its own footer
    view! {
        <AppHeader />
        // everything but the header and the footer is the page's main content
        <main>
        {full.then(|| view! { <PrintHeader /> <p class="intro">{move || t().app_intro}</p> })}
        <NoticeArea />
        <SharedBanner />
        <ScenarioBar />
        {full
            .then(|| {
                view! {
                    <ShareTools />
                    <Show when=move || state.compare_open.get()>
                        <CompareView />
                    </Show>
                }
            })}
        <div class="layout">
            <div class="inputs">
                <StageList />
                <MoneyPanel />
                <Show when=move || !journey.get()>
                    <GoalPanel />
                </Show>
            </div>
            <div class="outputs">
                <ResultsPanel />
            </div>
        </div>
        // a journey has its own view; the funnel's analysis describes a straight funnel
        <Show when=move || journey.get()>
            <div class="analysis">
                <JourneyPanel />
            </div>
        </Show>
        <Show when=move || state.analysis_ready.get() && !journey.get()>
            <div class="analysis">
                <BottleneckPanel />
                {full
                    .then(|| {
                        view! {
                            <TimePanel />
                            <UncertaintyPanel />
                            <PipelinePanel />
                            <ReferralPanel />
                        }
                    })}
            </div>
        </Show>
        </main>
        {if full {
            view! {
                <footer class="app-footer">
                    <p>{move || t().footer}</p>
                    <p>
                        <a href="embed.html">{move || t().embed_configure}</a>
                    </p>
                </footer>
            }
            .into_any()
        } else {
            view! { <EmbedFooter /> }.into_any()
        }}
    }
}
