//! Entry point: a panic hook that says what happened in the console, then mount the app.

fn main() {
    std::panic::set_hook(Box::new(|info| {
        // the message and place, without the formatting machinery of a full hook
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let payload = info.payload();
        let message =
            payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        web_sys::console::error_1(&format!("{}{place}", message.unwrap_or("Tragt stopped")).into());
    }));
    #[cfg(feature = "bundled-texts")]
    mount(tragt::startup::startup());
    // the texts of the visitor's language first (English if those cannot be had)
    #[cfg(not(feature = "bundled-texts"))]
    wasm_bindgen_futures::spawn_local(async move {
        use tragt::i18n::{catalog, Lang};
        let lang = tragt::startup::startup_language();
        if catalog::load(lang).await.is_ok() {
            mount(tragt::startup::startup());
        } else if catalog::load(Lang::En).await.is_ok() {
            let mut startup = tragt::startup::startup();
            startup.lang = Lang::En;
            mount(startup);
        } else if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            body.set_text_content(Some(
                "Tragt could not load its texts. Check your connection and reload the page. \
                 / Tragt kunne ikke hente sine tekster. Tjek forbindelsen, og genindlæs siden. \
                 / Tragt kunde inte hämta sina texter. Kontrollera anslutningen och ladda om sidan. \
                 / Tragt kunne ikke hente tekstene sine. Sjekk tilkoblingen, og last inn siden på nytt.",
            ));
        }
    });
}

/// Mounts the app, then tells the page the first figures are there.
fn mount(startup: tragt::startup::Startup) {
    leptos::mount::mount_to_body(move || tragt::app::app_with(startup));
    // the figures are on the page: sw-register.js may now start caching for offline use
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"tragtReady".into(), &true.into());
        if let Ok(event) = web_sys::Event::new("tragt:ready") {
            let _ = window.dispatch_event(&event);
        }
    }
}
