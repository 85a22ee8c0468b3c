//! Traffic & spend (MODELS.md §3.12): where the first stage's people come from and what they
//! cost. Each traffic source is a row: its name, how it is paid (per click, per thousand
//! impressions, or free), its numbers, an optional rate of its own into stage 2, and its
//! figures (visitors, customers, revenue, cost per visitor, CAC, ROAS). A chart compares
//! the sources' CAC and ROAS. The stage rows show each stage's costs (§3.13) while this view
//! is open.

use leptos::prelude::*;

use crate::calc::scenario::MAX_SOURCES;
use crate::calc::traffic::{SourceFigures, SourceKind, SourceType, TrafficSource, DEFAULT_CPC};
use crate::calc::{InputError, Mode, Scenario, Undefined};
use crate::chart::{plots, Chart, Kind};
use crate::components::chart_canvas::Numbers;
use crate::components::figure::{count, money, stage_shown, times, Formatter, StageFigure};
use crate::components::stage_row::period_name;
use crate::components::{ChartCanvas, NumberField};
use crate::i18n::texts::fill;
use crate::i18n::{format, messages, Texts};
use crate::state::{use_app_state, AppState, ScenarioFields};

/// The name of traffic source `index` as the page shows it: the name the user gave it, or
/// "Source 3" in the UI language when it has none.
pub fn shown_source_name(sources: &[TrafficSource], index: usize, t: &Texts) -> String {
    match sources.get(index) {
        Some(source) if !source.name.trim().is_empty() => source.name.clone(),
        _ => fill(t.source_n, &[("n", &(index + 1).to_string())]),
    }
}

/// A source's type's name in the UI language.
fn type_name(t: &Texts, kind: SourceType) -> &'static str {
    match kind {
        SourceType::Cpc => t.source_kind_cpc,
        SourceType::Cpm => t.source_kind_cpm,
        SourceType::Free => t.source_kind_free,
    }
}

/// A source's figure, or why it has none.
type Pick = fn(&SourceFigures) -> Result<f64, Undefined>;

/// A figure's name in the UI language.
type Label = fn(&Texts) -> &'static str;

/// The figures of a source row, in order: label, `data-testid`, how each is read and
/// formatted.
const FIGURES: [(Label, &str, Pick, Formatter); 6] = [
    (|t| t.source_visitors, "source-visitors", |f| Ok(f.visitors), count),
    (|t| t.source_customers, "source-customers", |f| Ok(f.customers), count),
    (|t| t.source_revenue, "source-revenue", |f| Ok(f.revenue), money),
    (|t| t.source_cpv, "source-cpv", |f| f.cost_per_visitor, money),
    (|t| t.source_cac, "source-cac", |f| f.cac, money),
    (|t| t.source_roas, "source-roas", |f| f.roas, times),
];

/// Adds a source: the first one holds today's first-stage people as free visitors, so that
/// adding it changes no figure; the next ones are paid per click and bring no one until
/// their budget is typed.
fn add_source(state: AppState) {
    let name_of = Texts::of(state.lang.get_untracked()).source_n;
    let _ = state.edit(|s| {
        let name = fill(name_of, &[("n", &(s.sources.len() + 1).to_string())]);
        let kind =
            if s.sources.is_empty() { SourceKind::free(s.top, 0.0)? } else { SourceKind::cpc(0.0, DEFAULT_CPC)? };
        s.add_source(&name, kind).map(|_| ())
    });
}

/// The DOM id of the "Add a source" button.
const ADD_ID: &str = "source-add";

/// Moves focus to "Add a source" once the list has been redrawn.
fn focus_add() {
    request_animation_frame(|| {
        if let Some(button) = document().get_element_by_id(ADD_ID) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(button).focus();
        }
    });
}

/// The traffic view.
#[component]
pub fn TrafficPanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let sources = state.scenario.sources();
    let count = Memo::new(move |_| sources.with(Vec::len));
    let journey = Memo::new(move |_| state.scenario.mode().get() == Mode::Journey);
    let template = state.scenario.template();
    let sample = Memo::new(move |_| count.get() == 0 && template.get().sample_mix().is_some());
    let sample_help = move || {
        let lang = state.lang.get();
        let currency = state.currency.get();
        template.get().sample_mix().map(|mix| {
            fill(
                t().source_sample_help,
                &[
                    ("cpc", &format::money(lang, currency, mix.search.1)),
                    ("cpm", &format::money(lang, currency, mix.social.1)),
                    ("ctr", &format::percent(lang, mix.social.2 / 100.0)),
                    ("media", &format::money(lang, currency, mix.media())),
                ],
            )
        })
    };
    let add_sample = move |_| {
        let t = Texts::of(state.lang.get_untracked());
        let _ =
            state.edit(|s| s.add_sample_mix([t.source_sample_search, t.source_sample_social, t.source_sample_organic]));
    };
    // the sources' figures, for the chart: name, CAC and ROAS of each
    let bars = Memo::new(move |_| {
        let names: Vec<String> =
            sources.with(|list| (0..list.len()).map(|i| shown_source_name(list, i, t())).collect());
        state.forecast.with(|f| {
            f.traffic.as_ref().map_or_else(Vec::new, |traffic| {
                traffic
                    .sources
                    .iter()
                    .zip(names)
                    .map(|(f, name)| plots::SourceBar { name, cac: f.cac.ok(), roas: f.roas.ok() })
                    .collect()
            })
        })
    });
    let chart = Callback::new(move |_| {
        let fmt = Numbers::shared(state.lang.get(), state.currency.get());
        let cac_title = fill(t().chart_sources_cac, &[("unit", &fmt.unit())]);
        let sources = plots::Sources { rows: bars.get(), cac_title, roas_title: t().chart_sources_roas.to_string() };
        Chart::new(Kind::Sources(sources), fmt)
    });
    // the chart's figures as text, its accessible name
    let summary = move || {
        let lang = state.lang.get();
        let currency = state.currency.get();
        let dash = "–".to_string();
        let rows = bars.with(|rows| {
            rows.iter()
                .map(|b| {
                    let cac = b.cac.map_or_else(|| dash.clone(), |v| format::money(lang, currency, v));
                    let roas = b.roas.map_or_else(|| dash.clone(), |v| times(lang, currency, v));
                    format!("{}: {} {cac}, {} {roas}", b.name, t().source_cac, t().source_roas)
                })
                .collect::<Vec<_>>()
        });
        format!("{}. {}", t().chart_sources, rows.join("; "))
    };
    view! {
        <section class="panel traffic-panel" aria-labelledby="traffic-heading">
            <h2 id="traffic-heading">{move || t().traffic_heading}</h2>
            <p class="help">{move || if journey.get() { t().traffic_help_journey } else { t().traffic_help }}</p>
            <Show when=move || count.get() == 0>
                <p class="sources-empty" data-testid="sources-empty">{move || t().sources_empty}</p>
            </Show>
            <ol class="sources">
                <For each=move || 0..count.get() key=|i| *i let(index)>
                    <SourceRow index=index />
                </For>
            </ol>
            <div class="source-actions">
                <button
                    type="button"
                    id=ADD_ID
                    data-testid="source-add"
                    disabled=move || { count.get() >= MAX_SOURCES }
                    title=move || { count.get() >= MAX_SOURCES }.then(|| fill(t().sources_max, &[("max", &MAX_SOURCES.to_string())]))
                    on:click=move |_| add_source(state)
                >
                    {move || t().source_add}
                </button>
                <Show when=move || sample.get()>
                    <button type="button" class="link" data-testid="source-sample" on:click=add_sample>
                        {move || t().source_sample}
                    </button>
                </Show>
            </div>
            <Show when=move || sample.get()>
                <p class="help">{sample_help}</p>
            </Show>
            <Show when=move || count.get() != 0>
                <figure class="chart">
                    <figcaption>{move || t().chart_sources}</figcaption>
                    <ChartCanvas testid="chart-sources" label=Signal::derive(summary) chart=chart />
                </figure>
            </Show>
        </section>
    }
}

/// One traffic source: its inputs and figures. Sources are addressed by their place in the
/// list; the row at `index` shows whichever source is there now.
#[component]
fn SourceRow(
    /// Its place in the list.
    index: usize,
) -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let sources = state.scenario.sources();
    // this source alone (a row about to go after a removal keeps what it had)
    let source = Memo::new(move |was: Option<&TrafficSource>| {
        sources.with(|list| list.get(index).cloned()).or_else(|| was.cloned()).unwrap_or_else(|| TrafficSource {
            name: String::new(),
            kind: SourceKind::Free { visitors: 0.0, cost: 0.0 },
            rate: None,
        })
    });
    let kind = Memo::new(move |_| source.with(|s| s.kind.source_type()));
    let name = Memo::new(move |_| source.with(|s| s.name.clone()));
    let shown_name = move || sources.with(|list| shown_source_name(list, index, t()));
    let period = move || period_name(t(), state.period.get());
    let number = move |get: fn(&SourceKind) -> Option<f64>| {
        Signal::derive(move || source.with(|s| get(&s.kind)).unwrap_or(f64::NAN))
    };
    let edit = move |apply: fn(&mut Scenario, usize, f64) -> Result<(), InputError>| {
        Callback::new(move |v: f64| state.edit(|s| apply(s, index, v)))
    };
    let journey = Memo::new(move |_| state.scenario.mode().get() == Mode::Journey);
    let figures = Memo::new(move |_| {
        let lang = state.lang.get();
        let currency = state.currency.get();
        let t = Texts::of(lang);
        state.forecast.with(|f| {
            let figures = f.traffic.as_ref().and_then(|traffic| traffic.sources.get(index));
            FIGURES.map(|(_, _, pick, format)| {
                let value = figures.map_or(Err(""), |f| pick(f).map_err(|why| messages::undefined(t, why)));
                stage_shown(value, format, lang, currency)
            })
        })
    });
    let dom = format!("src{index}");
    let field_id = move |name: &str| format!("{dom}-{name}");
    let fields = move || {
        let budget = view! {
            <NumberField
                label=Signal::derive(move || fill(t().source_budget, &[("period", period())]))
                testid="source-budget"
                id=field_id("budget")
                value=number(|k| match k {
                    SourceKind::Cpc { budget, .. } | SourceKind::Cpm { budget, .. } => Some(*budget),
                    SourceKind::Free { .. } => None,
                })
                on_input=edit(Scenario::set_source_budget)
            />
        };
        match kind.get() {
            SourceType::Cpc => view! {
                {budget}
                <NumberField
                    label=Signal::derive(move || t().source_cpc.to_string())
                    testid="source-cpc"
                    id=field_id("cpc")
                    value=number(|k| match k {
                        SourceKind::Cpc { cpc, .. } => Some(*cpc),
                        _ => None,
                    })
                    on_input=edit(Scenario::set_source_cpc)
                />
            }
            .into_any(),
            SourceType::Cpm => view! {
                {budget}
                <NumberField
                    label=Signal::derive(move || t().source_cpm.to_string())
                    testid="source-cpm"
                    id=field_id("cpm")
                    value=number(|k| match k {
                        SourceKind::Cpm { cpm, .. } => Some(*cpm),
                        _ => None,
                    })
                    on_input=edit(Scenario::set_source_cpm)
                />
                <NumberField
                    label=Signal::derive(move || t().source_ctr.to_string())
                    testid="source-ctr"
                    id=field_id("ctr")
                    unit="%"
                    value=number(|k| match k {
                        SourceKind::Cpm { ctr, .. } => Some(ctr.percent()),
                        _ => None,
                    })
                    on_input=edit(Scenario::set_source_ctr_percent)
                />
            }
            .into_any(),
            SourceType::Free => view! {
                <NumberField
                    label=Signal::derive(move || fill(t().source_visitors_in, &[("period", period())]))
                    testid="source-visitors-in"
                    id=field_id("visitors")
                    value=number(|k| match k {
                        SourceKind::Free { visitors, .. } => Some(*visitors),
                        _ => None,
                    })
                    on_input=edit(Scenario::set_source_visitors)
                />
                <NumberField
                    label=Signal::derive(move || fill(t().source_cost, &[("period", period())]))
                    testid="source-cost"
                    id=field_id("cost")
                    value=number(|k| match k {
                        SourceKind::Free { cost, .. } => Some(*cost),
                        _ => None,
                    })
                    on_input=edit(Scenario::set_source_cost)
                />
            }
            .into_any(),
        }
    };
    let rate = Signal::derive(move || source.with(|s| s.rate.map_or(f64::NAN, |r| r.percent())));
    let outputs = FIGURES
        .iter()
        .enumerate()
        .map(|(k, (label, testid, _, _))| {
            view! { <StageFigure label=*label testid=*testid shown=Signal::derive(move || figures.with(|f| f[k].clone())) /> }
        })
        .collect_view();
    view! {
        <li class="traffic-source" data-testid="source" data-kind=move || kind.get().id()>
            <div class="source-head">
                <input
                    type="text"
                    class="source-name"
                    data-testid="source-name"
                    maxlength="120"
                    aria-label=move || format!("{} {}", t().source_name, index + 1)
                    placeholder=move || fill(t().source_n, &[("n", &(index + 1).to_string())])
                    prop:value=name
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        let _ = state.edit(|s| s.set_source_name(index, &text));
                    }
                />
                <label class="field source-kind">
                    <span>{move || t().source_kind}</span>
                    <select
                        data-testid="source-kind"
                        on:change=move |ev| {
                            if let Some(to) = SourceType::from_id(&event_target_value(&ev)) {
                                let _ = state.edit(|s| s.set_source_type(index, to));
                            }
                        }
                    >
                        {SourceType::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k.id() prop:selected=move || kind.get() == k>
                                        {move || type_name(t(), k)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <button
                    type="button"
                    class="icon danger"
                    data-testid="source-remove"
                    aria-label=move || fill(t().source_remove, &[("name", &shown_name())])
                    title=move || fill(t().source_remove, &[("name", &shown_name())])
                    on:click=move |_| {
                        let before = state.scenario.with_untracked(Scenario::clone);
                        let name = shown_name();
                        if state.edit(|s| s.remove_source(index)).is_ok() {
                            state.notify_undo(crate::state::NoticeKind::SourceRemoved { name }, before);
                            // the row stays (it shows the next source) unless it was the last:
                            // then focus goes to "Add a source", not to the page
                            if state.scenario.sources().with_untracked(Vec::len) <= index {
                                focus_add();
                            }
                        }
                    }
                >
                    "✕"
                </button>
            </div>
            <div class="source-inputs">
                {fields}
                <Show when=move || !journey.get()>
                    <NumberField
                        label=Signal::derive(move || t().source_rate.to_string())
                        testid="source-rate"
                        id=format!("src{index}-rate")
                        unit="%"
                        value=rate
                        on_input=Callback::new(move |v| state.edit(|s| s.set_source_rate_percent(index, Some(v))))
                        on_clear=Callback::new(move |_: ()| state.edit(|s| s.set_source_rate_percent(index, None)))
                    />
                </Show>
            </div>
            <dl class="source-figures">{outputs}</dl>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::traffic::SourceKind;
    use crate::i18n::Lang;

    #[test]
    fn a_source_without_a_name_is_numbered_in_the_ui_language() {
        let kind = SourceKind::free(100.0, 0.0).unwrap();
        let sources: Vec<TrafficSource> =
            ["Search", "  ", ""].iter().map(|name| TrafficSource::new(name, kind, None).unwrap()).collect();
        let t = Texts::of(Lang::En);
        let shown: Vec<String> = (0..3).map(|i| shown_source_name(&sources, i, t)).collect();
        assert_eq!(shown, ["Search", "Source 2", "Source 3"]);
        assert_eq!(
            shown_source_name(&sources, 1, Texts::of(Lang::Da)),
            fill(Texts::of(Lang::Da).source_n, &[("n", "2")])
        );
    }
}
