//! The forecast: the headline figures, LTV : CAC against the 3 : 1 mark, and the chart.

use leptos::prelude::*;

use crate::calc::{Figure, Forecast};
use crate::components::figure::{count, money, months, percent, ratio, times};
use crate::components::stage_row::period_name;
use crate::components::{Assessment, FigureCard, FunnelChart};
use crate::i18n::texts::fill;
use crate::i18n::Texts;
use crate::state::use_app_state;

/// How long the figures must stay the same before a screen reader hears them: longer than
/// the pause between two keystrokes, so typing "1250" is announced once, not four times.
pub const ANNOUNCE_PAUSE: std::time::Duration = std::time::Duration::from_millis(1000);

/// The headline figures as one sentence, in a polite live region (visually hidden). It is
/// written once the figures have stood still for [`ANNOUNCE_PAUSE`], and only after a change:
/// opening the page announces nothing.
#[component]
fn LiveSummary() -> impl IntoView {
    let state = use_app_state();
    let spoken = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // outside world: a timer, so that a screen reader hears the figures once typing pauses
    Effect::new(move |previous: Option<()>| {
        // tracked: the figures and the language; the sentence itself is made only when due,
        // so a keystroke costs a timer, not four formatted figures
        state.forecast.track();
        state.lang.track();
        if previous.is_none() {
            return;
        }
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                // (gone with the panel: nothing to announce)
                let Some(old) = spoken.try_get_untracked() else { return };
                let text = summary(&state);
                if old != text {
                    spoken.set(text);
                }
            },
            ANNOUNCE_PAUSE,
        );
        timer.set_value(handle.ok());
    });
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="results-live">
            {move || spoken.get()}
        </p>
    }
}

/// "Customers per month: 490. Revenue per month: 24 500 kr. …" for the headline figures.
fn summary(state: &crate::state::AppState) -> String {
    let (t, lang, currency) = (state.t_untracked(), state.lang.get_untracked(), state.currency.get_untracked());
    let period = state.scenario.with_untracked(|s| period_name(t, s.period));
    let per = |label: &str| format!("{label} {}", fill(t.per_period, &[("period", period)]));
    state.forecast.with_untracked(|f| {
        let parts: [(String, Figure, crate::components::figure::Formatter); 4] = [
            (per(t.customers), Ok(f.customers), count),
            (per(t.revenue), Ok(f.revenue), money),
            (t.cac.to_string(), f.cac, money),
            (t.ltv_cac.to_string(), f.ltv_cac, ratio),
        ];
        parts
            .into_iter()
            .map(|(label, value, format)| {
                let value = match value {
                    Ok(v) => format(lang, currency, v),
                    Err(why) => format!("– ({})", crate::i18n::messages::undefined(t, why)),
                };
                format!("{label}: {value}.")
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The results panel.
#[component]
pub fn ResultsPanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let full = state.embed.with_value(Option::is_none);
    let fig = move |f: fn(&Forecast) -> Figure| Signal::derive(move || state.forecast.with(f));
    let label = move |f: fn(&Texts) -> &'static str| Signal::derive(move || f(t()).to_string());
    let per_period = move |f: fn(&Texts) -> &'static str| {
        Signal::derive(move || {
            let p = period_name(t(), state.period.get());
            format!("{} {}", f(t()), fill(t().per_period, &[("period", p)]))
        })
    };
    let mark = Signal::derive(move || {
        state
            .forecast
            .with(|f| f.ltv_cac.ok())
            .map(|r| if r >= 3.0 { t().ltv_cac_good } else { t().ltv_cac_low }.to_string())
    });
    let healthy = move || state.forecast.with(|f| f.ltv_cac.is_ok_and(|r| r >= 3.0));
    let band = move || {
        let lang = state.lang.get();
        // the simulation draws the straight funnel's rates: no band under a journey's figures
        let ranged =
            state.settled.with(|s| s.mode == crate::calc::Mode::Funnel && crate::calc::uncertainty::has_spread(s));
        if !ranged {
            return None;
        }
        state.outcome.with(|o| {
            let o = o.as_ref().ok()?;
            let currency = state.currency.get();
            let count = |v| crate::i18n::format::count(lang, v);
            let money = |v| crate::i18n::format::money(lang, currency, v);
            let range = |low: String, high: String| format!("{low} – {high}");
            Some(view! {
                <p class="band" data-testid="results-band" aria-busy=move || state.settling.get().to_string()>
                    {fill(
                        t().results_band,
                        &[
                            ("customers", &range(count(o.customers.p10), count(o.customers.p90))),
                            ("revenue", &range(money(o.revenue.p10), money(o.revenue.p90))),
                        ],
                    )}
                </p>
            })
        })
    };
    view! {
        // beside the stages the answers may scroll on their own (when taller than the screen):
        // the region takes focus, so the keyboard scrolls them too
        <section class="panel results-panel" aria-labelledby="results-heading" tabindex=full.then_some("0")>
            <h2 id="results-heading">{move || t().results_heading}</h2>
            <LiveSummary />
            // the headline: beside the stages on a wide screen, a bar along the foot of a
            // phone's screen, so the answers stay in view while the stages are edited
            <div class="figures key-figures" data-testid="headline">
                <FigureCard label=per_period(|t| t.customers) testid="out-customers" value=fig(|f| Ok(f.customers)) format=count class="key" />
                <FigureCard label=per_period(|t| t.revenue) testid="out-revenue" value=fig(|f| Ok(f.revenue)) format=money class="key" />
                <FigureCard label=label(|t| t.cac) testid="out-cac" value=fig(|f| f.cac) format=money class="key" />
            </div>
            // with ranges on some rates: the Monte Carlo's band under the headline figures
            // (not in a compact embed: the headline, the funnel and the assessment only)
            <Show when=move || state.analysis_ready.get() && !state.compact()>{band}</Show>
            // the funnel right under the answers: both in view on a first visit
            <div class="funnel-only">
                <FunnelChart />
            </div>
            // where to start: the leakiest stage, its worth, three things to do
            <Assessment />
            // a compact embed: the headline and the funnel only
            {(!state.compact()).then(|| view! {
                <div class="figures">
                    <FigureCard label=label(|t| t.ltv) testid="out-ltv" value=fig(|f| Ok(f.ltv)) format=money />
                    <FigureCard label=label(|t| t.overall_rate) testid="out-overall-rate" value=fig(|f| f.overall_rate) format=percent />
                    <FigureCard label=label(|t| t.cpl) testid="out-cpl" value=fig(|f| f.cpl) format=money />
                    <FigureCard label=label(|t| t.roas) testid="out-roas" value=fig(|f| f.roas) format=times />
                    <div class="ltv-cac" class:healthy=healthy>
                        <FigureCard label=label(|t| t.ltv_cac) testid="out-ltv-cac" value=fig(|f| f.ltv_cac) format=ratio note=mark />
                    </div>
                    <FigureCard label=label(|t| t.payback) testid="out-payback" value=fig(|f| f.payback_months) format=months />
                    <FigureCard label=label(|t| t.roi) testid="out-roi" value=fig(|f| f.roi) format=percent />
                </div>
            })}
        </section>
    }
}
