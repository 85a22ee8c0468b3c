//! The few places where components reach the DOM directly: a figure's text changed in
//! place, focus put back after a control moved or went away, and the scrolling box of the
//! comparison's plain-DOM table.

use leptos::prelude::document;
use web_sys::Element;

/// Replaces the text of `e`, a cell or an output that holds one text node, by changing that
/// node's value as a reactive text does (no node replaced, nothing to lay out anew beyond
/// the text); an empty element gets the text as its content.
pub fn set_text(e: &Element, text: &str) {
    match e.first_child() {
        Some(node) => node.set_node_value(Some(text)),
        None => e.set_text_content(Some(text)),
    }
}

/// Puts keyboard focus on the element `selector` finds, once the view has caught up with
/// the edit that is under way (the next animation frame): after a control that had focus
/// moved or went away, focus goes where the visitor expects it instead of to the page.
pub fn focus_later(selector: String) {
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let found = document().query_selector(&selector).ok().flatten();
        if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// Appends to `host` a box `class` that scrolls a wide table sideways (on a phone): a region
/// named `name` that takes keyboard focus, so the arrow keys can scroll it too.
pub fn scroll_region(host: &Element, class: &str, name: &str) -> Element {
    // `ok()` first: a failed Result's expect would format the JsValue (Debug code)
    #[allow(clippy::ok_expect)]
    let wrap = document().create_element("div").ok().expect("createElement");
    wrap.set_class_name(class);
    for (attr, value) in [("tabindex", "0"), ("role", "region"), ("aria-label", name)] {
        let _ = wrap.set_attribute(attr, value);
    }
    let _ = host.append_child(&wrap);
    wrap
}
