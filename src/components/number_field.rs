//! A number input that accepts the UI language's notation. While the user types, it
//! shows exactly what they typed; a valid number is applied at once, an invalid one
//! marks the field (`aria-invalid`, a message it points to) and leaves the model — and
//! so every figure on screen — at the last valid value. On blur it shows the model's
//! value, formatted.

use leptos::prelude::*;

use crate::calc::InputError;
use crate::i18n::{format, messages, parse_number};
use crate::state::use_app_state;

/// A labelled number input.
#[component]
pub fn NumberField(
    /// Visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The input's `data-testid`.
    testid: &'static str,
    /// A DOM id unique on the page.
    #[prop(into)]
    id: String,
    /// The model's value, in the unit the user types (percent for percentages).
    #[prop(into)]
    value: Signal<f64>,
    /// Applies a parsed number; an error marks the field and changes nothing.
    on_input: Callback<f64, Result<(), InputError>>,
    /// Whether the field is disabled.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// A unit shown after the input ("%").
    #[prop(optional)]
    unit: &'static str,
    /// For an optional input: clears it when the field is emptied (the value shows empty
    /// while it is NaN). Without it, an empty field is refused.
    #[prop(optional)]
    on_clear: Option<Callback<(), Result<(), InputError>>>,
    /// `data-from` and `data-to` of the input (a journey's transitions), if any.
    #[prop(optional)]
    data: Option<Signal<(String, String)>>,
    /// Whether the value is derived, not typed: the field is read-only and `hint` says why.
    #[prop(optional, into)]
    readonly: Signal<bool>,
    /// A line under the field that the input points to (why it is read-only, …), if any.
    #[prop(optional, into)]
    hint: Signal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<InputError>);
    let message_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");
    let described = {
        let (message_id, hint_id) = (message_id.clone(), hint_id.clone());
        move || {
            let ids: Vec<&str> = [
                error.with(Option::is_some).then_some(message_id.as_str()),
                hint.with(Option::is_some).then_some(hint_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    // what was typed stays while it is the value (or is being corrected); a value changed
    // from elsewhere (another tab's write, an undo) shows instead
    let shown = move || {
        let v = value.get();
        let lang = state.lang.get();
        let typed = draft.with(|d| {
            d.as_ref()
                .filter(|text| {
                    error.get().is_some()
                        || match parse_number(text, lang) {
                            Ok(x) => x == v || (x - v).abs() <= 1e-9 * x.abs().max(v.abs()),
                            Err(_) => v.is_nan(),
                        }
                })
                .cloned()
        });
        typed.unwrap_or_else(|| if v.is_nan() { String::new() } else { format::input(lang, v) })
    };
    let invalid = move || error.with(Option::is_some);
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{move || label.get()}</label>
            <span class="field-input">
                <input
                    id=id
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    data-testid=testid
                    data-from=move || data.map(|d| d.get().0)
                    data-to=move || data.map(|d| d.get().1)
                    prop:value=shown
                    disabled=move || disabled.get()
                    readonly=move || readonly.get()
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=described
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        let lang = state.lang.get_untracked();
                        let result = match on_clear {
                            Some(clear) if text.trim().is_empty() => clear.run(()),
                            _ => parse_number(&text, lang).and_then(|v| on_input.run(v)),
                        };
                        error.set(result.err());
                        draft.set(Some(text));
                    }
                    on:blur=move |_| {
                        // a field removed while focused still gets its blur: its state
                        // may be gone by then
                        if error.try_get_untracked() == Some(None) {
                            let _ = draft.try_set(None);
                        }
                    }
                />
                {(!unit.is_empty()).then(|| view! { <span class="unit">{unit}</span> })}
            </span>
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <span class="field-error" id=message_id.clone()>
                                {messages::input_error(state.lang.get(), e)}
                            </span>
                        }
                    })
            }}
            {move || hint.get().map(|text| view! { <span class="field-hint" id=hint_id.clone()>{text}</span> })}
        </div>
    }
}
