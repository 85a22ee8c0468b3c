//! The comparison: two to four scenarios side by side — their key figures, each one's
//! change against the first, and a chart of the four headline figures (a small chart per
//! figure, a bar per scenario).

use leptos::prelude::*;

use crate::calc::compare::{relative_change, KeyFigure};
use crate::calc::{Currency, Figure, Forecast};
use crate::chart::plots::{Compare, CompareGroup};
use crate::chart::{Chart, Kind};
use crate::components::chart_canvas::Numbers;
use crate::components::figure::{count, money, months, percent, ratio, times, Formatter};
use crate::components::ChartCanvas;
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

/// One compared scenario.
#[derive(Clone, Debug, PartialEq)]
struct Column {
    name: String,
    currency: Currency,
    forecast: Forecast,
}

/// The table of key figures: a column per scenario, each one's change against the first.
fn table(cols: &[Column], lang: Lang, t: &'static Texts, note: String) -> impl IntoView {
    let head = cols
        .iter()
        .enumerate()
        .map(|(i, c)| view! { <th class=format!("s{i}") scope="col">{c.name.clone()}</th> })
        .collect_view();
    let rows = KeyFigure::ALL
        .into_iter()
        .map(|k| {
            let baseline = k.of(&cols[0].forecast);
            let cells = cols
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let value = k.of(&c.forecast);
                    let diff = (i > 0).then(|| {
                        let change = relative_change(value, baseline);
                        let judged = change.ok().filter(|d| *d != 0.0).map(|d| (d < 0.0) == k.lower_is_better());
                        let class = match judged {
                            Some(true) => "diff better",
                            Some(false) => "diff worse",
                            None => "diff",
                        };
                        let text = change
                            .map(|d| format!("{}{}", if d > 0.0 { "+" } else { "" }, fmt::percent(lang, d)))
                            .unwrap_or_default();
                        view! { <span class=class data-value=raw(change)>{text}</span> }
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
    view! {
        <div class="compare-scroll" tabindex="0" role="region" aria-label=note.clone()>
            <table class="compare-table" data-testid="compare-table" id="compare-numbers">
                <caption class="visually-hidden">{note.clone()}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {head}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="hint">{note}</p>
    }
}

/// The chart's data: customers, revenue, CAC and LTV of every compared scenario.
fn chart_data(cols: &[Column], lang: Lang, t: &Texts) -> Compare {
    let groups = [KeyFigure::Customers, KeyFigure::Revenue, KeyFigure::Cac, KeyFigure::Ltv]
        .into_iter()
        .map(|k| CompareGroup {
            title: label(t, k).to_string(),
            values: cols.iter().map(|c| k.of(&c.forecast).unwrap_or(f64::NAN)).collect(),
            texts: cols.iter().map(|c| shown(lang, c.currency, k, k.of(&c.forecast))).collect(),
            money: k != KeyFigure::Customers,
        })
        .collect();
    Compare { names: cols.iter().map(|c| c.name.clone()).collect(), groups }
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
    // ids and names only: editing a number does not rebuild the checkboxes
    let choices = Memo::new(move |_| {
        state.workspace.with(|w| w.scenarios().iter().map(|s| (s.id.clone(), s.name.clone())).collect::<Vec<_>>())
    });
    let toggle = move |id: String| {
        picked.update(|p| {
            if let Some(i) = p.iter().position(|x| *x == id) {
                p.remove(i);
            } else if p.len() < MAX_COMPARED {
                p.push(id);
            }
        })
    };
    let columns = Memo::new(move |_| {
        let ids = picked.get();
        state.workspace.with(|w| {
            ids.iter()
                .filter_map(|id| w.scenarios().iter().find(|s| s.id == *id))
                .map(|s| Column { name: s.name.clone(), currency: s.currency, forecast: s.forecast() })
                .collect::<Vec<_>>()
        })
    });
    let too_few = move || columns.with(|c| c.len() < 2);
    let body = move || {
        let lang = state.lang.get();
        let t = state.t();
        columns.with(|cols| {
            if cols.len() < 2 {
                return view! { <p class="hint compare-empty">{t.compare_too_few}</p> }.into_any();
            }
            let note = fill(t.compare_difference, &[("name", &cols[0].name)]);
            table(cols, lang, t, note).into_any()
        })
    };
    let chart = Callback::new(move |()| {
        let lang = state.lang.get();
        columns.with(|cols| {
            let currency = cols.first().map_or(Currency::Dkk, |c| c.currency);
            Chart::new(Kind::Compare(chart_data(cols, lang, Texts::of(lang))), Numbers::shared(lang, currency))
        })
    });
    let chart_label = move || {
        let lang = state.lang.get();
        columns.with(|cols| {
            let c = chart_data(cols, lang, Texts::of(lang));
            let figures = c
                .groups
                .iter()
                .map(|g| {
                    let each = c.names.iter().zip(&g.texts).map(|(n, v)| format!("{n} {v}")).collect::<Vec<_>>();
                    format!("{}: {}", g.title, each.join(", "))
                })
                .collect::<Vec<_>>();
            format!("{}. {}", t().compare_chart_label, figures.join("; "))
        })
    };
    view! {
        <section class="panel compare no-print" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{move || t().compare_heading}</h2>
            <fieldset class="compare-pick">
                <legend>{move || t().compare_pick}</legend>
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|(id, name)| {
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
                            .into_any()
                        })
                        .collect_view()
                }}
            </fieldset>
            <div>{body}</div>
            <figure class="chart compare-chart" class:hidden=too_few>
                <ChartCanvas
                    testid="chart-compare"
                    label=Signal::derive(chart_label)
                    chart=chart
                    described_by="compare-numbers"
                />
            </figure>
        </section>
    }
}
