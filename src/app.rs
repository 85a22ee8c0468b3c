//! `<App/>`: builds the app state from the start-up situation ([`crate::startup`]),
//! provides it, and lays out the page.

use leptos::prelude::*;

use crate::components::{
    AnalysisViews, AppHeader, EmbedFooter, MoneyPanel, NoticeArea, ResultsPanel, ScenarioBar, ShareTools, SharedBanner,
    StageList,
};
use crate::startup::{startup, Startup};
use crate::state::{use_app_state, AppState, ScenarioFields};

/// Builds and provides the app state from a start-up situation.
pub fn provide_app_state(startup: Startup) -> AppState {
    let state = AppState::new(startup.lang, startup.workspace, startup.keys);
    if let Some(embed) = &startup.embed {
        state.offered.set_value(embed.offered());
    }
    state.embed.set_value(startup.embed);
    state.open_view(startup.view);
    state.can_save.set(startup.can_save);
    state.money_more.set(startup.prefs.money_more);
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
            <h1>{move || format!("Tragt – {}", state.scenario.name().get())}</h1>
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
    crate::autosave::use_autosave(state);
    // the forecasting views and the stages' forecasting inputs mount after the first figures
    set_timeout(move || state.analysis_ready.set(true), std::time::Duration::ZERO);
    crate::components::share_tools::use_share_links(state);
    // a new version waiting in the service worker (sw-register.js) is offered as a notice
    #[cfg(target_arch = "wasm32")]
    {
        let waiting = js_sys::Reflect::get(&window(), &"tragtUpdateReady".into()).ok().and_then(|v| v.as_bool());
        if waiting == Some(true) {
            state.notify(crate::state::NoticeKind::UpdateReady, None);
        }
        let listener =
            window_event_listener(leptos::ev::Custom::<web_sys::Event>::new("tragt:update-ready"), move |_| {
                state.notify(crate::state::NoticeKind::UpdateReady, None)
            });
        on_cleanup(move || listener.remove());
    }
    // a journey hides the funnel's own inputs (`.funnel-only`) and shows its own
    let journey = Memo::new(move |_| state.scenario.mode().get() == crate::calc::Mode::Journey);
    // outside world: the document's `<html lang class=journey>` and title, outside the app's view
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.class_list().toggle_with_force("journey", journey.get());
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
    let compact = state.compact();
    if compact {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("compact");
        }
    }
    // one layout for both: the embed leaves out the intro, the tools and the comparison,
    // and has its own footer
    view! {
        <AppHeader />
        // everything but the header and the footer is the page's main content
        <main>
        {full.then(|| view! { <PrintHeader /> <p class="intro">{move || t().app_intro}</p> })}
        <NoticeArea />
        <SharedBanner />
        // a compact embed opens the visitor's own scenario and keeps to it
        {(!compact).then(|| view! { <ScenarioBar /> })}
        {full.then(|| view! { <ShareTools /> })}
        <div class="layout">
            <div class="inputs">
                <StageList />
                {(!compact).then(|| view! { <MoneyPanel /> })}
                // the analyses, one at a time: beside the figures, which stay in view
                <AnalysisViews />
            </div>
            <div class="outputs">
                <ResultsPanel />
                // the call to action next to the figures
                {compact.then(|| view! { <EmbedFooter /> })}
            </div>
        </div>
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
        } else if compact {
            ().into_any()
        } else {
            view! { <EmbedFooter /> }.into_any()
        }}
    }
}
