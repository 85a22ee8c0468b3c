//! Plain DOM for read-only parts that are rebuilt whole when their data changes (the
//! bottleneck list, the pipeline table, the uncertainty bands): a few `createElement`
//! calls cost far less wasm than a reactive view of the same markup.

use leptos::prelude::document;
use web_sys::Element;

/// Appends a `<tag class=class>text</tag>` to `parent` (no class or text when empty).
pub fn el(parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    // `ok()` first: a failed Result's expect would format the JsValue (Debug code)
    #[allow(clippy::ok_expect)]
    let e = document().create_element(tag).ok().expect("createElement");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    let _ = parent.append_child(&e);
    e
}

/// Sets attributes on `e`.
pub fn attrs(e: &Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        let _ = e.set_attribute(name, value);
    }
}

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

/// Rebuilds `host` as a table of a chart's numbers: its text alternative, for the chart's
/// `aria-describedby` (the host carries the id and is visually hidden).
pub fn chart_table(host: &Element, caption: &str, headers: &[&str], rows: &[Vec<String>]) {
    host.set_text_content(None);
    let table = el(host, "table", "", "");
    el(&table, "caption", "", caption);
    let head = el(&el(&table, "thead", "", ""), "tr", "", "");
    for h in headers {
        attrs(&el(&head, "th", "", h), &[("scope", "col")]);
    }
    let body = el(&table, "tbody", "", "");
    for row in rows {
        let tr = el(&body, "tr", "", "");
        for (i, cell) in row.iter().enumerate() {
            let c = el(&tr, if i == 0 { "th" } else { "td" }, "", cell);
            if i == 0 {
                attrs(&c, &[("scope", "row")]);
            }
        }
    }
}

/// A box `class` that scrolls a wide table sideways (on a phone): a region named `name`
/// that takes keyboard focus, so the arrow keys can scroll it too.
pub fn scroll_region(host: &Element, class: &str, name: &str) -> Element {
    let wrap = el(host, "div", class, "");
    attrs(&wrap, &[("tabindex", "0"), ("role", "region"), ("aria-label", name)]);
    wrap
}
