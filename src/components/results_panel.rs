//! The forecast: the headline figures, LTV : CAC against the 3 : 1 mark, and the chart;
//! on paper also the traffic sources and what the total spend is made of.

use leptos::prelude::*;

use crate::calc::{Figure, Forecast};
use crate::components::figure::{count, money, months, percent, ratio, times, Formatter};
use crate::components::stage_row::period_name;
use crate::components::traffic_panel::shown_source_name;
use crate::components::{Assessment, FigureCard, FunnelChart};
use crate::i18n::texts::fill;
use crate::i18n::Texts;
use crate::state::{use_app_state, ScenarioFields};

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
                <PrintSources />
            })}
        </section>
    }
}

/// A figure as a cell: its raw number for `data-value` (`""` when undefined) and its text
/// (a dash when undefined).
fn shown(
    figure: Figure,
    format: Formatter,
    lang: crate::i18n::Lang,
    currency: crate::calc::Currency,
) -> (String, String) {
    match figure {
        Ok(v) => (crate::i18n::format::raw(v), format(lang, currency, v)),
        Err(_) => (String::new(), "–".to_string()),
    }
}

/// On paper only, for a scenario with traffic sources: each source's visitors, customers,
/// CAC and ROAS, and what the total spend is made of (MODELS.md §3.12–3.13), since no
/// analysis view, the traffic view among them, is printed. Built when the browser is about
/// to print and dropped after, so typing never formats these figures.
#[component]
fn PrintSources() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let printing = RwSignal::new(false);
    #[cfg(target_arch = "wasm32")]
    {
        let before = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
        let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
        on_cleanup(move || {
            before.remove();
            after.remove();
        });
    }
    let count = Memo::new(move |_| state.scenario.sources().with(Vec::len));
    let money_cell = move |value: f64| {
        let (raw, text) = shown(Ok(value), money, state.lang.get(), state.currency.get());
        view! { <td data-value=raw>{text}</td> }
    };
    let split = move || {
        state.forecast.with(|f| {
            let period = period_name(t(), state.period.get());
            let total = fill(t().spend_total, &[("period", period)]);
            let parts = f.spend_split.map(|split| {
                let other = fill(t().spend, &[("period", period)]);
                [
                    (other, split.other),
                    (t().traffic_heading.to_string(), split.media),
                    (t().stage_cost_k.to_string(), split.stages),
                ]
            });
            (parts, total, f.spend_total)
        })
    };
    let spend = move || {
        let (parts, total, value) = split();
        let rows = parts
            .into_iter()
            .flatten()
            .map(|(label, v)| view! { <tr><th scope="row">{label}</th>{money_cell(v)}</tr> })
            .collect_view();
        view! {
            {rows}
            <tr class="print-spend-total">
                <th scope="row">{total}</th>
                {money_cell(value)}
            </tr>
        }
    };
    view! {
        <Show when=move || printing.get() && count.get() != 0>
            <section class="print-only print-sources" data-testid="print-sources" aria-labelledby="print-sources-heading">
                <h3 id="print-sources-heading">{move || t().traffic_heading}</h3>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || t().csv_source}</th>
                            <th scope="col">{move || t().source_visitors}</th>
                            <th scope="col">{move || t().source_customers}</th>
                            <th scope="col">{move || t().source_cac}</th>
                            <th scope="col">{move || t().source_roas}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || 0..count.get() key=|i| *i let(index)>
                            <PrintSourceRow index=index />
                        </For>
                    </tbody>
                </table>
                <table class="print-spend" data-testid="print-spend">
                    <caption class="visually-hidden">{move || t().figure_spend}</caption>
                    <tbody>{spend}</tbody>
                </table>
            </section>
        </Show>
    }
}

/// One traffic source on paper: its name, visitors, customers, CAC and ROAS. Sources are
/// addressed by their place in the list; the row at `index` shows whichever source is there.
#[component]
fn PrintSourceRow(
    /// Its place in the list.
    index: usize,
) -> impl IntoView {
    let state = use_app_state();
    let name = move || state.scenario.sources().with(|list| shown_source_name(list, index, state.t()));
    let cells = move || {
        let (lang, currency) = (state.lang.get(), state.currency.get());
        let figures = state.forecast.with(|f| {
            let s = f.traffic.as_ref()?.sources.get(index)?;
            Some([(Ok(s.visitors), count as Formatter), (Ok(s.customers), count), (s.cac, money), (s.roas, times)])
        });
        figures
            .into_iter()
            .flatten()
            .map(|(figure, format)| {
                let (raw, text) = shown(figure, format, lang, currency);
                view! { <td data-value=raw>{text}</td> }
            })
            .collect_view()
    };
    view! {
        <tr data-testid="print-source">
            <th scope="row">{name}</th>
            {cells}
        </tr>
    }
}
