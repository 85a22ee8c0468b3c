//! The comparison: two to four scenarios side by side — their key figures, each one's
//! change against the first, and a grouped bar chart of the four headline figures.

use leptos::prelude::*;

use crate::calc::compare::{relative_change, shares, KeyFigure};
use crate::calc::{Currency, Figure, Forecast};
use crate::components::figure::{count, money, months, percent, ratio, times, Formatter};
use crate::i18n::texts::fill;
use crate::i18n::{format as fmt, Lang, Texts};
use crate::state::use_app_state;

/// Most scenarios compared at once.
pub const MAX_COMPARED: usize = 4;

fn label(t: &Texts, k: KeyFigure) -> &'static str {
    match k {
        KeyFigure::Customers => t.customers,
        KeyFigure::Revenue => t.revenue,
        KeyFigure::Cac => t.cac,
        KeyFigure::Ltv => t.ltv,
        KeyFigure::LtvCac => t.ltv_cac,
        KeyFigure::OverallRate => t.overall_rate,
        KeyFigure::Cpl => t.cpl,
        KeyFigure::Roas => t.roas,
        KeyFigure::Payback => t.payback,
        KeyFigure::Roi => t.roi,
    }
}

fn formatter(k: KeyFigure) -> Formatter {
    match k {
        KeyFigure::Customers => count,
        KeyFigure::Revenue | KeyFigure::Cac | KeyFigure::Ltv | KeyFigure::Cpl => money,
        KeyFigure::LtvCac => ratio,
        KeyFigure::OverallRate | KeyFigure::Roi => percent,
        KeyFigure::Roas => times,
        KeyFigure::Payback => months,
    }
}

fn raw(f: Figure) -> String {
    f.map(fmt::raw).unwrap_or_default()
}

fn shown(lang: Lang, currency: Currency, k: KeyFigure, f: Figure) -> String {
    f.map(|v| formatter(k)(lang, currency, v)).unwrap_or_else(|_| "–".to_string())
}

/// A share in [0, 1] as a CSS percentage with one decimal, in integer arithmetic (no
/// float formatting code in the wasm).
fn per_mille(share: f64) -> String {
    let pm = (share.clamp(0.0, 1.0) * 1000.0).round() as u32;
    format!("{}.{}%", pm / 10, pm % 10)
}

/// One compared scenario.
struct Column {
    name: String,
    currency: Currency,
    forecast: Forecast,
}

/// The comparison panel.
#[component]
pub fn CompareView() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // the open scenario and the one after it (or before it) are compared at first
    let picked = RwSignal::new(state.workspace.with_untracked(|w| {
        let ids: Vec<String> = w.scenarios().iter().map(|s| s.id.clone()).collect();
        let at = ids.iter().position(|id| *id == w.current().id).unwrap_or(0);
        let mut first = vec![ids[at].clone()];
        if let Some(other) = ids.get(at + 1).or_else(|| at.checked_sub(1).and_then(|i| ids.get(i))) {
            first.push(other.clone());
        }
        first
    }));
    let choices = move || state.workspace.with(|w| w.scenarios().iter().map(|s| (s.id.clone(), s.name.clone())).collect::<Vec<_>>());
    let toggle = move |id: String| {
        picked.update(|p| {
            if let Some(i) = p.iter().position(|x| *x == id) {
                p.remove(i);
            } else if p.len() < MAX_COMPARED {
                p.push(id);
            }
        })
    };
    let columns = move || {
        let ids = picked.get();
        state.workspace.with(|w| {
            ids.iter()
                .filter_map(|id| w.scenarios().iter().find(|s| s.id == *id))
                .map(|s| Column { name: s.name.clone(), currency: s.currency, forecast: s.forecast() })
                .collect::<Vec<_>>()
        })
    };
    let body = move || {
        let cols = columns();
        let lang = state.lang.get();
        let t = state.t();
        if cols.len() < 2 {
            return view! { <p class="hint compare-empty">{t.compare_too_few}</p> }.into_any();
        }
        let base = cols[0].name.clone();
        let rows = KeyFigure::ALL
            .iter()
            .map(|&k| {
                let baseline = k.of(&cols[0].forecast);
                let cells = cols
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let value = k.of(&c.forecast);
                        let diff = (i > 0).then(|| {
                            let change = relative_change(value, baseline);
                            let better = change.is_ok_and(|d| if k.lower_is_better() { d < 0.0 } else { d > 0.0 });
                            let worse = change.is_ok_and(|d| if k.lower_is_better() { d > 0.0 } else { d < 0.0 });
                            let text = change.map(|d| format!("{}{}", if d > 0.0 { "+" } else { "" }, fmt::percent(lang, d))).unwrap_or_default();
                            view! {
                                <span class="diff" class:better=better class:worse=worse data-value=raw(change)>{text}</span>
                            }
                        });
                        view! {
                            <td data-value=raw(value)>
                                <span>{shown(lang, c.currency, k, value)}</span>
                                {diff}
                            </td>
                        }
                    })
                    .collect_view();
                view! {
                    <tr data-figure=k.id()>
                        <th scope="row">{label(t, k)}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        let groups = [KeyFigure::Customers, KeyFigure::Revenue, KeyFigure::Cac, KeyFigure::Ltv]
            .iter()
            .map(|&k| {
                let values: Vec<Figure> = cols.iter().map(|c| k.of(&c.forecast)).collect();
                let bars = shares(&values)
                    .into_iter()
                    .zip(&values)
                    .zip(&cols)
                    .enumerate()
                    .map(|(i, ((share, value), c))| {
                        view! {
                            <div class=format!("bar-row s{i}")>
                                <span class="bar-name">{c.name.clone()}</span>
                                <span class="bar-track">
                                    <span class="bar" style:width=per_mille(share)></span>
                                </span>
                                <span class="bar-value" data-value=raw(*value)>{shown(lang, c.currency, k, *value)}</span>
                            </div>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="bar-group">
                        <h3>{label(t, k)}</h3>
                        {bars}
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class="compare-scroll">
                <table class="compare-table" data-testid="compare-table">
                    <caption class="visually-hidden">{fill(t.compare_difference, &[("name", &base)])}</caption>
                    <thead>
                        <tr>
                            <td></td>
                            {cols.iter().enumerate().map(|(i, c)| view! { <th scope="col" class=format!("s{i}")>{c.name.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">{fill(t.compare_difference, &[("name", &base)])}</p>
            <figure class="compare-chart" data-testid="chart-compare" role="img" aria-label=t.compare_chart_label>
                {groups}
            </figure>
        }
        .into_any()
    };
    view! {
        <section class="panel compare no-print" aria-labelledby="compare-heading">
            <div class="compare-head">
                <h2 id="compare-heading">{move || t().compare_heading}</h2>
                <button type="button" class="link" on:click=move |_| state.compare_open.set(false)>
                    {move || t().close}
                </button>
            </div>
            <fieldset class="compare-pick">
                <legend>{move || t().compare_pick}</legend>
                <For each=choices key=|c| c.clone() let((id, name))>
                    {
                        let checked_id = id.clone();
                        let disabled_id = id.clone();
                        view! {
                            <label>
                                <input
                                    type="checkbox"
                                    data-testid="compare-pick"
                                    value=id.clone()
                                    prop:checked=move || picked.with(|p| p.contains(&checked_id))
                                    disabled=move || picked.with(|p| p.len() >= MAX_COMPARED && !p.contains(&disabled_id))
                                    on:change=move |_| toggle(id.clone())
                                />
                                {name}
                            </label>
                        }
                    }
                </For>
            </fieldset>
            {body}
        </section>
    }
}
