//! Entry point: a panic hook that says what happened in the console, then mount the app.

fn main() {
    std::panic::set_hook(Box::new(|info| {
        // the message and place, without the formatting machinery of a full hook
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let payload = info.payload();
        let message = payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        web_sys::console::error_1(&format!("{}{place}", message.unwrap_or("Tragt stopped")).into());
    }));
    leptos::mount::mount_to_body(tragt::app::App);
    // the figures are on the page: sw-register.js may now start caching for offline use
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"tragtReady".into(), &true.into());
        if let Ok(event) = web_sys::Event::new("tragt:ready") {
            let _ = window.dispatch_event(&event);
        }
    }
}
