//! One figure of the forecast: a label, the formatted value (or a dash and the reason it
//! has none) and the raw number in `data-value` for tests and tools.

use leptos::prelude::*;

use crate::calc::Figure;
use crate::i18n::messages;
use crate::state::use_app_state;

/// A figure card.
#[component]
pub fn FigureCard(
    /// The figure's name.
    #[prop(into)]
    label: Signal<String>,
    /// Its `data-testid`.
    testid: &'static str,
    /// The value or why there is none.
    #[prop(into)]
    value: Signal<Figure>,
    /// Formats a defined value.
    format: fn(crate::i18n::Lang, crate::calc::Currency, f64) -> String,
    /// An extra line under the value (e.g. the 3 : 1 mark), if any.
    #[prop(optional, into)]
    note: Option<Signal<Option<String>>>,
    /// Extra CSS class (e.g. "key" for the headline figures).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    let raw = move || value.get().map(crate::i18n::format::raw).unwrap_or_default();
    let text = move || {
        let lang = state.lang.get();
        match value.get() {
            Ok(v) => format(lang, state.scenario.with(|s| s.currency), v),
            Err(_) => "–".to_string(),
        }
    };
    let reason = move || value.get().err().map(|why| messages::undefined(state.t(), why));
    view! {
        <div class=format!("figure {class}")>
            <span class="figure-label">{move || label.get()}</span>
            <output class="figure-value" data-testid=testid data-value=raw>
                {text}
                {move || reason().map(|r| view! { <span class="figure-why">{format!(" ({r})")}</span> })}
            </output>
            {move || note.and_then(|n| n.get()).map(|n| view! { <span class="figure-note">{n}</span> })}
        </div>
    }
}
