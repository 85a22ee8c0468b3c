//! The comparison: two to four scenarios side by side, in the order the visitor ticked (or
//! moved) them — their key figures, each one's change against the baseline the visitor
//! chose (relative for amounts and ratios, in percentage points for percentages), and a
//! chart of the four headline figures (a small chart per figure, a bar per scenario).

use leptos::prelude::*;

use crate::calc::compare::KeyFigure;
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

/// A key figure's name in the UI language.
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
        KeyFigure::Spend => t.figure_spend,
    }
}

/// How a key figure's value is written.
fn formatter(k: KeyFigure) -> Formatter {
    match k {
        KeyFigure::Customers => count,
        KeyFigure::Revenue | KeyFigure::Cac | KeyFigure::Ltv | KeyFigure::Cpl | KeyFigure::Spend => money,
        KeyFigure::LtvCac => ratio,
        KeyFigure::OverallRate | KeyFigure::Roi => percent,
        KeyFigure::Roas => times,
        KeyFigure::Payback => months,
    }
}

/// A figure's `data-value`: the raw number, `""` when undefined.
fn raw(f: Figure) -> String {
    f.map(fmt::raw).unwrap_or_default()
}

/// A key figure's value as shown, a dash when undefined.
fn shown(lang: Lang, currency: Currency, k: KeyFigure, f: Figure) -> String {
    f.map(|v| formatter(k)(lang, currency, v)).unwrap_or_else(|_| "–".to_string())
}

/// How a change is written — `+25 %` for a relative change, `−0.3 pp` in percentage
/// points — and, for points, the same in full words (a pointer's tooltip).
fn change_text(lang: Lang, t: &Texts, k: KeyFigure, change: f64) -> (String, Option<String>) {
    if k.is_percentage() {
        // a fraction's difference, shown in points (−0.003 → −0.3) with at most 2 decimals
        let points = fmt::round_to(change * 100.0, 2) + 0.0;
        let n = format!("{}{}", if points > 0.0 { "+" } else { "" }, fmt::decimal(lang, points, 2));
        (fill(t.compare_points, &[("n", &n)]), Some(fill(t.compare_points_long, &[("n", &n)])))
    } else {
        (format!("{}{}", if change > 0.0 { "+" } else { "" }, fmt::percent(lang, change)), None)
    }
}

/// One compared scenario.
#[derive(Clone, Debug, PartialEq)]
struct Column {
    id: String,
    name: String,
    currency: Currency,
    forecast: Forecast,
}

/// The table of key figures: a column per scenario, each one's change against the baseline
/// (the column `base`), and buttons on each column's head to move it left or right.
fn table(
    cols: &[Column],
    base: usize,
    lang: Lang,
    t: &'static Texts,
    note: String,
    moved: Callback<(String, bool)>,
) -> impl IntoView {
    let last = cols.len() - 1;
    let head = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let is_base = i == base;
            let (left_id, right_id) = (c.id.clone(), c.id.clone());
            view! {
                <th class=format!("s{i}") scope="col" data-id=c.id.clone() data-baseline=is_base.then_some("true")>
                    <span>{c.name.clone()}</span>
                    {is_base.then(|| view! { " " <small class="compare-baseline-tag">{t.compare_baseline}</small> })}
                    // the stage rows' row of icon buttons: side by side, to the right
                    <div class="stage-tools compare-move">
                        <button
                            type="button"
                            class="icon"
                            data-testid="compare-move-left"
                            aria-label=fill(t.compare_move_left, &[("name", &c.name)])
                            title=fill(t.compare_move_left, &[("name", &c.name)])
                            disabled=i == 0
                            on:click=move |_| moved.run((left_id.clone(), false))
                        >
                            "←"
                        </button>
                        <button
                            type="button"
                            class="icon"
                            data-testid="compare-move-right"
                            aria-label=fill(t.compare_move_right, &[("name", &c.name)])
                            title=fill(t.compare_move_right, &[("name", &c.name)])
                            disabled=i == last
                            on:click=move |_| moved.run((right_id.clone(), true))
                        >
                            "→"
                        </button>
                    </div>
                </th>
            }
        })
        .collect_view();
    let rows = KeyFigure::ALL
        .into_iter()
        .map(|k| {
            let baseline = k.of(&cols[base].forecast);
            let unit = if k.is_percentage() { "pp" } else { "relative" };
            let cells = cols
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let value = k.of(&c.forecast);
                    let diff = (i != base).then(|| {
                        let change = k.change(value, baseline);
                        let judged = change.ok().filter(|d| *d != 0.0).map(|d| (d < 0.0) == k.lower_is_better());
                        let class = match judged {
                            Some(true) => "diff better",
                            Some(false) => "diff worse",
                            None => "diff",
                        };
                        let (text, title) = change.map(|d| change_text(lang, t, k, d)).unwrap_or_default();
                        view! { <span class=class data-value=raw(change) data-unit=unit title=title>{text}</span> }
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

/// Focuses the move button (`right` or left) on the head of `id`'s column, or the other one
/// when that one is disabled now (the column reached the end).
fn focus_move_button(id: &str, right: bool) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(heads) = doc.query_selector_all("#compare-numbers thead th[data-id]") else { return };
    let head = (0..heads.length())
        .filter_map(|i| heads.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()))
        .find(|th| th.get_attribute("data-id").as_deref() == Some(id));
    let Some(head) = head else { return };
    let (first, second) = if right { ("right", "left") } else { ("left", "right") };
    for side in [first, second] {
        let button = head.query_selector(&format!("[data-testid=\"compare-move-{side}\"]:not(:disabled)"));
        if let Ok(Some(button)) = button {
            let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
            return;
        }
    }
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
    // the baseline the visitor chose (or that a move of the columns kept); none — the first
    // picked — until then, and again once the chosen one is un-ticked
    let chosen = RwSignal::new(None::<String>);
    let toggle = move |id: String| {
        picked.update(|p| {
            if let Some(i) = p.iter().position(|x| *x == id) {
                p.remove(i);
                if chosen.with_untracked(|c| c.as_ref() == Some(&id)) {
                    chosen.set(None);
                }
            } else if p.len() < MAX_COMPARED {
                p.push(id);
            }
        })
    };
    let baseline =
        Memo::new(move |_| picked.with(|p| chosen.get().filter(|c| p.contains(c)).or_else(|| p.first().cloned())));
    // a column moved one place left or right (the baseline stays the same); the focus stays
    // on the button pressed (or, at an end, on the one beside it), as the table is drawn anew
    let moved = Callback::new(move |(id, right): (String, bool)| {
        // the baseline stays where it is, even when the first column was it by default
        chosen.set(baseline.get_untracked());
        picked.update(|p| {
            if let Some(i) = p.iter().position(|x| *x == id) {
                let j = if right { i + 1 } else { i.wrapping_sub(1) };
                if j < p.len() {
                    p.swap(i, j);
                }
            }
        });
        request_animation_frame(move || focus_move_button(&id, right));
    });
    // the picked scenarios' ids and names, in column order, for the baseline's choice
    let picked_names = Memo::new(move |_| {
        let ids = picked.get();
        choices.with(|c| ids.iter().filter_map(|id| c.iter().find(|(i, _)| i == id)).cloned().collect::<Vec<_>>())
    });
    let columns = Memo::new(move |_| {
        let ids = picked.get();
        state.workspace.with(|w| {
            ids.iter()
                .filter_map(|id| w.scenarios().iter().find(|s| s.id == *id))
                .map(|s| Column {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    currency: s.currency,
                    forecast: s.forecast(),
                })
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
            let base = baseline.with(|b| cols.iter().position(|c| Some(&c.id) == b.as_ref())).unwrap_or(0);
            let note = fill(t.compare_difference, &[("name", &cols[base].name)]);
            table(cols, base, lang, t, note, moved).into_any()
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
            <Show when=move || !too_few()>
                <label class="inline-field compare-baseline">
                    {move || t().compare_baseline_pick}
                    <select
                        data-testid="compare-baseline"
                        on:change=move |ev| chosen.set(Some(event_target_value(&ev)))
                    >
                        {move || {
                            picked_names
                                .get()
                                .into_iter()
                                .map(|(id, name)| {
                                    let this = id.clone();
                                    view! {
                                        <option
                                            value=id
                                            prop:selected=move || baseline.with(|b| b.as_ref() == Some(&this))
                                        >
                                            {name}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
            </Show>
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
