//! The referral loop (MODELS.md §3.11): k new people per customer at the top of the
//! funnel, and what the funnel becomes with them — or that the loop sustains itself.

use leptos::prelude::*;

use crate::calc::referral::{referral, Referral};
use crate::calc::Undefined;
use crate::components::figure::count;
use crate::components::stage_row::period_name;
use crate::components::{FigureCard, NumberField};
use crate::i18n::texts::fill;
use crate::state::use_app_state;

/// The referral panel.
#[component]
pub fn ReferralPanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let period = move || period_name(t(), state.period.get());
    let per_period =
        move |f: fn(&crate::i18n::Texts) -> &'static str| Signal::derive(move || fill(f(t()), &[("period", period())]));
    let result = Memo::new(move |_| {
        let k = state.settled.with(|s| s.referrals);
        state.settled_forecast.with(|f| referral(f.stages[0].entrants, f.stages[0].probability, k))
    });
    let figure = move |pick: fn(f64, f64) -> f64| {
        Signal::derive(move || match result.get() {
            Referral::Converges { top, customers } => Ok(pick(top, customers)),
            Referral::SelfSustaining => Err(Undefined::SelfSustaining),
        })
    };
    let k = Memo::new(move |_| state.scenario.with(|s| s.referrals));
    view! {
        <section class="panel referral-panel" aria-labelledby="referral-heading">
            <h2 id="referral-heading">{move || t().referral_heading}</h2>
            <p class="help">{move || t().referral_help}</p>
            <NumberField
                label=Signal::derive(move || t().input_referrals.to_string())
                testid="input-referrals"
                id="input-referrals"
                value=k
                on_input=Callback::new(move |v| state.edit(|s| s.set_referrals(v)))
            />
            <div class="figures">
                <FigureCard label=per_period(|t| t.referral_top) testid="out-referral-top" value=figure(|top, _| top) format=count />
                <FigureCard
                    label=per_period(|t| t.referral_customers)
                    testid="out-referral-customers"
                    value=figure(|_, customers| customers)
                    format=count
                />
            </div>
            <Show when=move || result.get() == Referral::SelfSustaining>
                <p class="notice-inline" role="status" data-testid="referral-self-sustaining">
                    {move || t().referral_self_sustaining}
                </p>
            </Show>
        </section>
    }
}
