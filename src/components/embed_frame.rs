//! The embedded layout's own parts: the agency's accent colour and logo, the footer with
//! the call to action and "Open full calculator", and the height reports to the host page.

use leptos::prelude::*;

use crate::components::share_tools::links;
use crate::embed::EmbedConfig;
use crate::state::use_app_state;

/// The message type the host page's `embed.js` listens for.
pub const HEIGHT_MESSAGE: &str = "tragt:height";
/// The one message the embed accepts from the host page: "report your height again".
pub const MEASURE_MESSAGE: &str = "tragt:measure";

/// Applies the embed's accent colour (as CSS custom properties through the CSSOM, never
/// as style text), once the browser confirms it is a colour; otherwise warns.
pub fn apply_accent(config: &EmbedConfig) {
    #[cfg(target_arch = "wasm32")]
    if let (Some(accent), Some(text)) = (&config.accent, config.accent_text) {
        if !web_sys::css::supports_with_value("color", accent).unwrap_or(false) {
            leptos::logging::warn!("Tragt: accent ignored, not a CSS colour: “{accent}”");
            return;
        }
        let Some(root) = document().document_element() else { return };
        let style = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(root).style();
        for (name, value) in [("--accent", accent.as_str()), ("--chart-accent", accent), ("--accent-text", text)] {
            let _ = style.set_property(name, value);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = config;
}

/// Reports the page's height to the embedding page whenever it changes, and again when
/// the page asks (`{type: 'tragt:measure'}`, sent by `embed.js` when the iframe has loaded,
/// in case it missed the first report): only the height, nothing about the scenario.
pub fn post_height_to_parent() {
    #[cfg(target_arch = "wasm32")]
    {
        use std::rc::Rc;
        use wasm_bindgen::prelude::*;
        let window = window();
        let Ok(Some(parent)) = window.parent() else { return };
        if js_sys::Object::is(&parent, &window) {
            return; // not in a frame
        }
        let Some(root) = document().document_element() else { return };
        let last = Rc::new(std::cell::Cell::new(0u32));
        let report = {
            let parent = parent.clone();
            let last = last.clone();
            Rc::new(move || {
                let Some(root) = document().document_element() else { return };
                let height = root.get_bounding_client_rect().height().ceil() as u32;
                if height == last.get() {
                    return;
                }
                last.set(height);
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
                let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
                let _ = parent.post_message(&message, "*");
            })
        };
        let on_resize = {
            let report = report.clone();
            Closure::<dyn Fn()>::new(move || report())
        };
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&root);
        }
        on_resize.forget(); // lives as long as the page
        let parent_window: JsValue = parent.into();
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let from_parent = ev.source().is_some_and(|s| js_sys::Object::is(&s, &parent_window));
            let kind = js_sys::Reflect::get(&ev.data(), &"type".into()).ok().and_then(|t| t.as_string());
            if from_parent && kind.as_deref() == Some(MEASURE_MESSAGE) {
                last.set(0);
                report();
            }
        });
        let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        on_message.forget();
    }
}

/// The footer of the embed: call to action, the full calculator, privacy.
#[component]
pub fn EmbedFooter() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let config = state.embed.get_value().unwrap_or_default();
    let full = RwSignal::new(links::base_url(true));
    // "Open full calculator" carries the open scenario as a share link
    links::follow_share_link(state, true, || true, move |l| full.set(l.unwrap_or_else(|| links::base_url(true))));
    let cta = config.cta_url.clone().map(|url| {
        let summary = config.cta_summary;
        let text = config.cta_text.clone();
        let href = move || if summary { with_summary(&url) } else { url.clone() };
        view! {
            <a class="cta" data-testid="cta" href=href target="_blank" rel="noopener">
                {move || text.clone().unwrap_or_else(|| t().cta_default.to_string())}
            </a>
        }
    });
    view! {
        <footer class="embed-footer">
            {cta}
            <a data-testid="open-full" href=move || full.get() target="_blank" rel="noopener">
                {move || t().embed_open_full}
            </a>
            <p>{move || t().footer}</p>
        </footer>
    }
}

/// The agency's logo, if configured.
#[component]
pub fn EmbedLogo() -> impl IntoView {
    let state = use_app_state();
    state.embed.get_value().and_then(|c| c.logo).map(|src| view! { <img class="embed-logo" src=src alt="" /> })
}

/// `url` with the summary of the open scenario's figures as query parameters.
fn with_summary(url: &str) -> String {
    let state = use_app_state();
    let (currency, template) = state.scenario.with(|s| (s.currency.code(), s.template.id()));
    let params = state.forecast.with(|f| {
        crate::embed::summary_params(
            f.customers,
            f.revenue,
            f.cac.ok(),
            f.ltv,
            currency,
            template,
            &crate::i18n::format::raw,
        )
    });
    #[cfg(target_arch = "wasm32")]
    {
        let Ok(parsed) = web_sys::Url::new(url) else { return url.to_string() };
        let query = parsed.search_params();
        for (name, value) in params {
            query.set(name, &value);
        }
        parsed.set_search(&query.to_string().as_string().unwrap_or_default());
        parsed.href()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = params;
        url.to_string()
    }
}
