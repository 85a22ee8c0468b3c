//! The money inputs: currency, period, spend, order value, purchase frequency, margin,
//! and the lifetime-value method with its own inputs, folded until asked for.

use leptos::prelude::*;

use crate::calc::{Currency, Economics, InputError, LtvMethod, Period, Quantity};
use crate::components::stage_row::period_name;
use crate::components::NumberField;
use crate::i18n::texts::fill;
use crate::state::{use_app_state, AppState, ScenarioFields};

/// A callback that checks a typed number as `quantity` and stores it with `apply`
/// (percentages arrive in percent and are stored as fractions by `apply`).
fn setter(
    state: AppState,
    quantity: Quantity,
    apply: fn(&mut Economics, f64),
) -> Callback<f64, Result<(), InputError>> {
    Callback::new(move |v| {
        let v = quantity.check(v)?;
        state.edit(|s| {
            apply(&mut s.economics, v);
            Ok(())
        })
    })
}

/// Opens or closes the lifetime-value details and remembers the choice for the visitor.
fn set_more(state: AppState, open: bool) {
    if state.money_more.get_untracked() == open {
        return;
    }
    state.money_more.set(open);
    #[cfg(target_arch = "wasm32")]
    {
        use crate::storage::browser::{load_prefs, save_prefs};
        let keys = state.keys.get_value();
        let mut prefs = load_prefs(&keys);
        prefs.money_more = open;
        save_prefs(&keys, prefs);
    }
}

/// The money panel: currency, period, spend, order value, frequency and margin in view;
/// the lifetime-value inputs folded until asked for (`money-more`).
#[component]
pub fn MoneyPanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // the money inputs' own field of the store: an edit of a stage does not wake them
    let economics = state.scenario.economics();
    let econ = move |f: fn(&Economics) -> f64| Signal::derive(move || economics.with(f));
    let method = move || economics.with(|e| e.method);
    let currency = move || state.currency.get();
    let period = move || state.period.get();
    view! {
        <section class="panel money-panel" aria-labelledby="money-heading">
            <h2 id="money-heading">{move || t().money_heading}</h2>
            // the money that every figure needs, in one block
            <div class="money-grid">
                <label class="field">
                    <span>{move || t().currency}</span>
                    <select
                        data-testid="currency-select"
                        on:change=move |ev| {
                            if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
                                let _ = state.edit(|s| {
                                    s.currency = c;
                                    Ok(())
                                });
                            }
                        }
                    >
                        {Currency::ALL
                            .into_iter()
                            .map(|c| view! { <option value=c.code() prop:selected=move || currency() == c>{c.code()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || t().period}</span>
                    <select
                        data-testid="period-select"
                        on:change=move |ev| {
                            if let Some(p) = Period::from_id(&event_target_value(&ev)) {
                                let _ = state.edit(|s| {
                                    s.period = p;
                                    Ok(())
                                });
                            }
                        }
                    >
                        {Period::ALL
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <option value=p.id() prop:selected=move || period() == p>
                                        {move || period_name(t(), p)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            <NumberField
                label=Signal::derive(move || fill(t().spend, &[("period", period_name(t(), period()))]))
                testid="input-spend"
                id="spend"
                value=econ(|e| e.spend)
                on_input=setter(state, Quantity::Money, |e, v| e.spend = v)
            />
                <NumberField
                    label=Signal::derive(move || t().aov.to_string())
                    testid="input-aov"
                    id="aov"
                    value=econ(|e| e.aov)
                    on_input=setter(state, Quantity::Money, |e, v| e.aov = v)
                />
            <NumberField
                label=Signal::derive(move || t().margin.to_string())
                testid="input-margin"
                id="margin"
                unit="%"
                value=econ(|e| e.margin * 100.0)
                on_input=setter(state, Quantity::Percent, |e, v| e.margin = v / 100.0)
            />
                <NumberField
                label=Signal::derive(move || t().frequency.to_string())
                testid="input-frequency"
                id="frequency"
                value=econ(|e| e.frequency)
                on_input=setter(state, Quantity::PerYear, |e, v| e.frequency = v)
            />
            </div>
            <SpendTotal />
            // the lifetime value: its method in view, its details folded
            <div class="ltv-head">
            <button
                type="button"
                class="fold"
                data-testid="money-more"
                aria-controls="money-ltv"
                aria-expanded=move || state.money_more.get().to_string()
                on:click=move |_| set_more(state, !state.money_more.get_untracked())
            >
                {move || t().money_more}
            </button>
            <label class="field ltv-method">
                <span>{move || t().ltv_method}</span>
                <select
                    data-testid="ltv-method"
                    on:change=move |ev| {
                        if let Some(m) = LtvMethod::from_id(&event_target_value(&ev)) {
                            let _ = state.edit(|s| {
                                s.economics.method = m;
                                Ok(())
                            });
                            // a method chosen is a method to fill in
                            set_more(state, true);
                        }
                    }
                >
                    <option value="simple" prop:selected=move || method() == LtvMethod::Simple>
                        {move || t().ltv_simple}
                    </option>
                    <option value="retention" prop:selected=move || method() == LtvMethod::Retention>
                        {move || t().ltv_retention}
                    </option>
                </select>
            </label>
            </div>
            <Show when=move || state.money_more.get()>
            <div id="money-ltv" class="fold-body">
            <Show
                when=move || method() == LtvMethod::Simple
                fallback=move || {
                    view! {
                        <div class="grid-2">
                            <NumberField
                                label=Signal::derive(move || t().retention.to_string())
                                testid="input-retention"
                                id="retention"
                                unit="%"
                                value=econ(|e| e.retention * 100.0)
                                on_input=setter(state, Quantity::Retention, |e, v| e.retention = v / 100.0)
                            />
                            <NumberField
                                label=Signal::derive(move || t().discount.to_string())
                                testid="input-discount"
                                id="discount"
                                unit="%"
                                value=econ(|e| e.discount * 100.0)
                                on_input=setter(state, Quantity::Percent, |e, v| e.discount = v / 100.0)
                            />
                        </div>
                        <p class="help">{move || t().ltv_retention_help}</p>
                    }
                }
            >
                <NumberField
                    label=Signal::derive(move || t().lifespan.to_string())
                    testid="input-lifespan"
                    id="lifespan"
                    value=econ(|e| e.lifespan)
                    on_input=setter(state, Quantity::Years, |e, v| e.lifespan = v)
                />
                <p class="help">{move || t().ltv_simple_help}</p>
            </Show>
            </div>
            </Show>
        </section>
    }
}

/// The total spend S every money figure uses (MODELS.md §3.13): the spend typed above, plus
/// the traffic sources' media spend and the stages' costs when the scenario has them, with
/// what it is made of.
#[component]
fn SpendTotal() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let spend = Memo::new(move |_| state.forecast.with(|f| (f.spend_total, f.spend_split)));
    let split = move || {
        let lang = state.lang.get();
        let currency = state.currency.get();
        spend.get().1.map(|split| {
            let money = |v: f64| crate::i18n::format::money(lang, currency, v);
            fill(
                t().spend_split,
                &[("other", &money(split.other)), ("media", &money(split.media)), ("stages", &money(split.stages))],
            )
        })
    };
    view! {
        <p class="spend-total">
            <span>{move || fill(t().spend_total, &[("period", period_name(t(), state.period.get()))])}</span>
            " "
            <output data-testid="out-spend-total" data-value=move || crate::i18n::format::raw(spend.get().0)>
                {move || crate::i18n::format::money(state.lang.get(), state.currency.get(), spend.get().0)}
            </output>
            {move || split().map(|text| view! { <span class="spend-split" data-testid="spend-split">{text}</span> })}
        </p>
    }
}
