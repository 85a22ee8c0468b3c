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

/// Builds the table, the note on the baseline and the bars into `container`.
fn render(container: &web_sys::HtmlDivElement, cols: &[Column], lang: Lang, t: &Texts) {
    {
        use web_sys::Element;
        let doc = document();
        let el = |parent: &Element, tag: &str, class: &str, text: &str| -> Element {
            // `ok()` first: a failed Result's expect would format the JsValue (Debug code)
            #[allow(clippy::ok_expect)]
            let e = doc.create_element(tag).ok().expect("createElement");
            if !class.is_empty() {
                e.set_class_name(class);
            }
            if !text.is_empty() {
                e.set_text_content(Some(text));
            }
            let _ = parent.append_child(&e);
            e
        };
        container.set_text_content(None);
        if cols.len() < 2 {
            el(container, "p", "hint compare-empty", t.compare_too_few);
            return;
        }
        let baseline_note = fill(t.compare_difference, &[("name", &cols[0].name)]);
        let scroll = crate::components::dom::scroll_region(container, "compare-scroll", &baseline_note);
        let table = el(&scroll, "table", "compare-table", "");
        let _ = table.set_attribute("data-testid", "compare-table");
        el(&table, "caption", "visually-hidden", &baseline_note);
        let head = el(&el(&table, "thead", "", ""), "tr", "", "");
        el(&head, "td", "", "");
        for (i, c) in cols.iter().enumerate() {
            let _ = el(&head, "th", &format!("s{i}"), &c.name).set_attribute("scope", "col");
        }
        let body = el(&table, "tbody", "", "");
        for k in KeyFigure::ALL {
            let row = el(&body, "tr", "", "");
            let _ = row.set_attribute("data-figure", k.id());
            let _ = el(&row, "th", "", label(t, k)).set_attribute("scope", "row");
            let baseline = k.of(&cols[0].forecast);
            for (i, c) in cols.iter().enumerate() {
                let value = k.of(&c.forecast);
                let cell = el(&row, "td", "", "");
                let _ = cell.set_attribute("data-value", &raw(value));
                el(&cell, "span", "", &shown(lang, c.currency, k, value));
                if i > 0 {
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
                    let _ = el(&cell, "span", class, &text).set_attribute("data-value", &raw(change));
                }
            }
        }
        el(container, "p", "hint", &baseline_note);
        let chart = el(container, "figure", "compare-chart", "");
        let _ = chart.set_attribute("data-testid", "chart-compare");
        let _ = chart.set_attribute("role", "img");
        let _ = chart.set_attribute("aria-label", t.compare_chart_label);
        for k in [KeyFigure::Customers, KeyFigure::Revenue, KeyFigure::Cac, KeyFigure::Ltv] {
            let group = el(&chart, "div", "bar-group", "");
            el(&group, "h3", "", label(t, k));
            let values: Vec<Figure> = cols.iter().map(|c| k.of(&c.forecast)).collect();
            for (i, ((share, value), c)) in shares(&values).into_iter().zip(&values).zip(cols).enumerate() {
                let row = el(&group, "div", &format!("bar-row s{i}"), "");
                el(&row, "span", "bar-name", &c.name);
                let bar = el(&el(&row, "span", "bar-track", ""), "span", "bar", "");
                let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&bar)
                    .style()
                    .set_property("width", &per_mille(share));
                let _ = el(&row, "span", "bar-value", &shown(lang, c.currency, k, *value))
                    .set_attribute("data-value", &raw(*value));
            }
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
    // The table and bars are rebuilt as plain DOM on every change: a comparison is read,
    // not typed into, and built this way it costs a fraction of the bytes of a view tree.
    let body_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let cols = columns();
        let lang = state.lang.get();
        let Some(container) = body_ref.get() else { return };
        render(&container, &cols, lang, state.t());
    });
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
            <div node_ref=body_ref></div>
        </section>
    }
}
