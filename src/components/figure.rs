//! Figures of the forecast: a card with a label, the formatted value (or a dash and the
//! reason it has none) and the raw number in `data-value` for tests and tools; a stage's
//! figure; and the numbers behind a chart as a table, its text alternative.

use leptos::prelude::*;

use crate::calc::{Currency, Figure};
use crate::i18n::texts::fill;
use crate::i18n::{format as fmt, messages, Lang, Texts};
use crate::state::use_app_state;

/// Formatters for figures: each takes the language, the scenario's currency and the value.
pub type Formatter = fn(Lang, Currency, f64) -> String;

/// A count of people.
pub fn count(lang: Lang, _: Currency, v: f64) -> String {
    fmt::count(lang, v)
}
/// Money in the scenario's currency.
pub fn money(lang: Lang, c: Currency, v: f64) -> String {
    fmt::money(lang, c, v)
}
/// A fraction as a percentage.
pub fn percent(lang: Lang, _: Currency, v: f64) -> String {
    fmt::percent(lang, v)
}
/// A ratio against 1 ("5.5 : 1").
pub fn ratio(lang: Lang, _: Currency, v: f64) -> String {
    format!("{} : 1", fmt::decimal(lang, v, 1))
}
/// A multiple ("2.76×").
pub fn times(lang: Lang, _: Currency, v: f64) -> String {
    format!("{}×", fmt::decimal(lang, v, 2))
}
/// A number of months.
pub fn months(lang: Lang, _: Currency, v: f64) -> String {
    fill(Texts::of(lang).months, &[("n", &fmt::decimal(lang, v, 1))])
}

/// A number of days ("12.5 days").
pub fn days(lang: Lang, _: Currency, v: f64) -> String {
    fill(Texts::of(lang).days_n, &[("n", &fmt::decimal(lang, v, 1))])
}
/// A plain number with one decimal.
pub fn decimal(lang: Lang, _: Currency, v: f64) -> String {
    fmt::decimal(lang, v, 1)
}
/// A change as a signed percentage ("+12 %", "−3 %").
pub fn change(lang: Lang, _: Currency, v: f64) -> String {
    let sign = if v > 0.0 { "+" } else { "" };
    format!("{sign}{}", fmt::percent(lang, v))
}

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
    format: Formatter,
    /// An extra line under the value (e.g. the 3 : 1 mark), if any.
    #[prop(optional, into)]
    note: Option<Signal<Option<String>>>,
    /// Extra CSS class (e.g. "key" for the headline figures).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    // the figure alone: the value, its text and its reason follow it, not the (much wider)
    // sources it is read from, so a card whose figure an edit leaves alone does nothing
    let value = Memo::new(move |_| value.get());
    let raw = move || value.get().map(fmt::raw).unwrap_or_default();
    let text = move || {
        let lang = state.lang.get();
        match value.get() {
            Ok(v) => format(lang, state.currency.get(), v),
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

/// A stage figure as shown: its raw number for `data-value` (empty when undefined) and its
/// text, the formatted value or a dash and the reason (in the UI language) it has none.
pub fn stage_shown(value: Result<f64, &str>, format: Formatter, lang: Lang, currency: Currency) -> (String, String) {
    match value {
        Ok(v) => (fmt::raw(v), format(lang, currency, v)),
        Err(why) => (String::new(), format!("– ({why})")),
    }
}

/// One figure of a stage, as a term and its value in the stage's `<dl>`: the formatted
/// value, or a dash and the reason it has none, and the raw number in `data-value`. The
/// row formats its figures together ([`stage_shown`]), so an edit re-runs one formatting
/// per row and only the figures that changed touch the DOM.
#[component]
pub fn StageFigure(
    /// The figure's name.
    label: fn(&Texts) -> &'static str,
    /// Its `data-testid`.
    testid: &'static str,
    /// The raw number and the text, from [`stage_shown`].
    #[prop(into)]
    shown: Signal<(String, String)>,
) -> impl IntoView {
    let state = use_app_state();
    view! {
        <div>
            <dt>{move || label(state.t())}</dt>
            <dd>
                <output data-testid=testid data-value=move || shown.with(|s| s.0.clone())>{move || shown.with(|s| s.1.clone())}</output>
            </dd>
        </div>
    }
}

/// One row of a chart's numbers: its key (the month, the bin) and its cells, the first of
/// them the row's header.
#[derive(Clone, Debug, PartialEq)]
pub struct NumbersRow {
    /// What the row stands for, the same from one drawing to the next.
    pub key: u32,
    /// The row's texts.
    pub cells: Vec<String>,
}

/// The numbers behind a chart as a visually hidden table, for the chart's
/// `aria-describedby` (the box carries the `id`). Rows are keyed: a row whose numbers did
/// not change keeps its node, a changed one has its cells' texts replaced.
#[component]
pub fn ChartNumbers(
    /// The box's id, which the chart's `aria-describedby` names.
    id: &'static str,
    /// The box's `data-testid`.
    testid: &'static str,
    /// The table's caption.
    #[prop(into)]
    caption: Signal<String>,
    /// The column headings, in the UI language.
    headers: Vec<fn(&Texts) -> &'static str>,
    /// The rows.
    rows: Memo<Vec<NumbersRow>>,
) -> impl IntoView {
    let state = use_app_state();
    let columns = headers.len();
    let order = move || rows.with(|rows| rows.iter().map(|r| r.key).collect::<Vec<_>>());
    view! {
        <div class="visually-hidden" id=id data-testid=testid>
            <table>
                <caption>{move || caption.get()}</caption>
                <thead>
                    <tr>
                        {headers
                            .into_iter()
                            .map(|text| view! { <th scope="col">{move || text(state.t())}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For each=order key=|key| *key let(key)>
                        <NumbersLine key=key rows=rows columns=columns />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// One row of [`ChartNumbers`]: a header cell and `columns - 1` data cells.
#[component]
fn NumbersLine(
    /// The row's key.
    key: u32,
    /// Every row.
    rows: Memo<Vec<NumbersRow>>,
    /// How many cells a row has.
    columns: usize,
) -> impl IntoView {
    // this row alone: its cells change only when it does
    let row = Memo::new(move |_| rows.with(|rows| rows.iter().find(|r| r.key == key).map(|r| r.cells.clone())));
    let cell = move |i: usize| move || row.with(|r| r.as_ref().and_then(|r| r.get(i).cloned()));
    view! {
        <tr>
            <th scope="row">{cell(0)}</th>
            {(1..columns).map(|i| view! { <td>{cell(i)}</td> }).collect_view()}
        </tr>
    }
}
