//! One stage: its name (and the template's note), the count or rate the user types, the
//! lead and purchase marks, reordering and removal, and the stage's own figures.

use leptos::prelude::*;

use crate::calc::bottleneck::{stage_benchmark, Source};
use crate::calc::{InputError, Mode, Rate, Scenario, StageFigures, StageLabel, MIN_STAGES};
use crate::components::figure::{count, money, percent, stage_shown, Formatter, StageFigure};
use crate::components::NumberField;
use crate::i18n::texts::fill;
use crate::i18n::{messages, Texts};
use crate::state::use_app_state;

/// The period's name in the UI language ("month").
pub fn period_name(t: &Texts, period: crate::calc::Period) -> &'static str {
    use crate::calc::Period;
    match period {
        Period::Week => t.period_week,
        Period::Month => t.period_month,
        Period::Quarter => t.period_quarter,
        Period::Year => t.period_year,
    }
}

/// The name a stage is shown under: the user's or the template's (in `lang`), else
/// "Stage n". Used by the chart and the CSV export.
pub fn shown_stage_name(s: &crate::calc::Scenario, index: usize, lang: crate::i18n::Lang) -> String {
    let name = s.stage_name(index, |l| lang.pick(l));
    if name.trim().is_empty() {
        fill(Texts::of(lang).stage_n, &[("n", &(index + 1).to_string())])
    } else {
        name
    }
}

/// One forecasting input of a stage row.
struct Extra {
    testid: &'static str,
    label: fn(&Texts) -> &'static str,
    /// The value shown for stage `i`.
    get: fn(&Scenario, usize) -> Option<f64>,
    /// Applies a typed value (`None`: the field was emptied).
    set: fn(&mut Scenario, u32, Option<f64>) -> Result<(), InputError>,
    /// A rate in percent: disabled on the first stage, which has no rate.
    rate: bool,
}

/// The stage row's forecasting inputs, in order.
const EXTRAS: [Extra; 5] = [
    Extra {
        testid: "pipeline-now",
        label: |t| t.stage_now,
        get: |s, i| s.stages[i].now,
        set: Scenario::set_now,
        rate: false,
    },
    Extra {
        testid: "stage-days",
        label: |t| t.stage_days,
        get: |s, i| s.stages[i].days,
        set: Scenario::set_days,
        rate: false,
    },
    Extra {
        testid: "stage-benchmark",
        label: |t| t.stage_benchmark,
        get: |s, i| stage_benchmark(s, i).map(|(b, _)| b),
        set: Scenario::set_benchmark_percent,
        rate: true,
    },
    Extra {
        testid: "stage-rate-low",
        label: |t| t.stage_low,
        get: |s, i| s.stages[i].low.map(Rate::percent),
        set: Scenario::set_low_percent,
        rate: true,
    },
    Extra {
        testid: "stage-rate-high",
        label: |t| t.stage_high,
        get: |s, i| s.stages[i].high.map(Rate::percent),
        set: Scenario::set_high_percent,
        rate: true,
    },
];

/// A stage's figure, or the reason (in the UI language) it has none.
type Stat = fn(&StageFigures, &'static Texts) -> Result<f64, &'static str>;

/// A figure's name in the UI language.
type Label = fn(&Texts) -> &'static str;

/// The figures under each stage, in order: label, `data-testid`, how each is read and formatted.
const STATS: [(Label, &str, Stat, Formatter); 5] = [
    (|t| t.table_entrants, "stage-entrants", |f, _| Ok(f.entrants), count),
    (|t| t.stage_drop_off, "stage-drop-off", |f, t| f.drop_off.ok_or(t.why_last_stage), count),
    (|t| t.stage_probability, "stage-probability", |f, _| Ok(f.probability), percent),
    (|t| t.stage_value, "stage-value", |f, _| Ok(f.value), money),
    (|t| t.stage_cost, "stage-cost", |f, t| f.cost_per_entrant.map_err(|why| messages::undefined(t, why)), money),
];

/// What a stage row shows of the scenario.
#[derive(Clone, PartialEq)]
struct RowData {
    index: Option<usize>,
    count: usize,
    stage: Option<crate::calc::StageDoc>,
    template: crate::calc::TemplateId,
    lead: bool,
    purchase: bool,
    after: bool,
    period: crate::calc::Period,
    top: f64,
    journey: bool,
    benchmark: Option<(f64, Source)>,
    values: [Option<f64>; 5],
    /// Whether the scenario plans a goal (a straight funnel with a target).
    goal: bool,
}

impl RowData {
    fn of(s: &Scenario, id: u32) -> RowData {
        let index = s.index_of(id);
        RowData {
            index,
            count: s.stages.len(),
            stage: index.map(|i| s.stages[i].clone()),
            template: s.template,
            lead: s.lead == id,
            purchase: s.purchase == id,
            after: matches!((index, s.index_of(s.purchase)), (Some(i), Some(p)) if i > p),
            period: s.period,
            top: s.top,
            journey: s.mode == Mode::Journey,
            benchmark: index.and_then(|i| stage_benchmark(s, i)),
            values: index.map(|i| EXTRAS.each_ref().map(|x| (x.get)(s, i))).unwrap_or_default(),
            goal: s.goal.is_some() && s.mode == Mode::Funnel,
        }
    }
}

/// A stage row.
#[component]
pub fn StageRow(
    /// The stage's id within the open scenario.
    id: u32,
) -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // everything the row reads from the scenario, in one signal that changes only when the
    // row's data does: the memos below read it, so the scenario has one subscriber per row
    // instead of fifteen (every subscriber is re-subscribed on each keystroke, at a cost that
    // grows with the scenario's subscribers), and an edit of another stage marks none of them
    let row = state.part(move |s| RowData::of(s, id));
    let index = Memo::new(move |_| row.with(|r| r.index));
    let pos = move || index.get().unwrap_or(0);
    // memos: an edit elsewhere in the scenario touches none of this row's DOM
    let stage_count = Memo::new(move |_| row.with(|r| r.count));
    let label = Memo::new(move |_| row.with(|r| r.stage.as_ref().map(|st| st.label.clone())));
    let name = Memo::new(move |_| {
        let lang = state.lang.get();
        match label.get() {
            Some(StageLabel::Template(n)) => {
                row.with(|r| r.template.template().stages.get(n).map(|st| lang.pick(&st.name).to_string()))
            }
            Some(StageLabel::Custom(name)) => Some(name),
            None => None,
        }
        .unwrap_or_default()
    });
    let placeholder = move || fill(t().stage_n, &[("n", &(pos() + 1).to_string())]);
    // a stage the user named has no note: its memo then never reads the row again
    let note = Memo::new(move |_| {
        let lang = state.lang.get();
        match label.get() {
            Some(StageLabel::Template(n)) => {
                row.with(|r| r.template.template().stages.get(n).map(|st| lang.pick(&st.note)))
            }
            _ => None,
        }
    });
    let figures = Memo::new(move |_| state.forecast.with(|f| index.get().and_then(|i| f.stages.get(i).cloned())));
    // the first stage's count is the top of the funnel (a journey's newcomers), the others' the
    // funnel's entrants (in a journey only the first is shown)
    let top = Memo::new(move |_| row.with(|r| r.top));
    let journey = Memo::new(move |_| row.with(|r| r.journey));
    // while a journey hides the field (all but the first), it keeps its value: an edit then
    // reformats none of the 19 hidden fields; it follows again once the field shows
    let entrants = Memo::new(move |was: Option<&f64>| {
        if index.get() == Some(0) {
            top.get()
        } else if let (true, Some(was)) = (journey.get(), was) {
            *was
        } else {
            figures.with(|f| f.as_ref().map_or(0.0, |f| f.entrants))
        }
    });
    let entry = Memo::new(move |_| {
        row.with(|r| r.stage.as_ref().and_then(|st| st.moves.as_ref()).map_or(f64::NAN, |m| m.entry * 100.0))
    });
    // memos, so that an edit elsewhere reformats none of this row's fields
    let rate: Signal<f64> =
        Memo::new(move |_| row.with(|r| r.stage.as_ref().map_or(0.0, |st| st.rate.percent()))).into();
    let is_first = Signal::derive(move || index.get() == Some(0));
    let is_lead = Memo::new(move |_| row.with(|r| r.lead));
    let is_purchase = Memo::new(move |_| row.with(|r| r.purchase));
    let after_purchase = Memo::new(move |_| row.with(|r| r.after));
    let period = Memo::new(move |_| row.with(|r| period_name(t(), r.period)));
    // one figure of this stage (or the reason it has none), for the figures list
    // with a goal, up to the purchase stage: the entrants the goal needs here
    // (the plan is read only while there is a goal: it follows every edit, and so would all
    // that reads it here)
    let goal_stage = Memo::new(move |_| {
        if row.with(|r| r.goal) {
            state.goal.with(|g| g.as_ref().and_then(|p| p.stages.get(pos()).copied()))
        } else {
            None
        }
    });
    let goal = move || {
        goal_stage.with(|g| g.is_some()).then(|| {
            Memo::new(move |_| {
                let lang = state.lang.get();
                let required =
                    goal_stage.get().map_or(Err(""), |g| g.required.map_err(|why| messages::undefined(state.t(), why)));
                stage_shown(required, count, lang, state.currency.get())
            })
        })
    };
    let short = move || goal_stage.with(|g| g.is_some_and(|g| g.met == Some(false)));
    // the benchmark shown: the user's, else the template's, with its source
    let benchmark = Memo::new(move |_| row.with(|r| r.benchmark));
    let source = move || {
        benchmark.get().map(|(_, source)| match source {
            Source::B2bAverages => t().source_b2b,
            Source::Baymard => t().source_baymard,
            Source::TemplateDefault => t().source_template,
            Source::User => t().source_user,
        })
    };
    // the forecasting inputs' values in one memo per row: an edit elsewhere wakes none of them
    let values = Memo::new(move |_| row.with(|r| r.values));
    let from_counts = Memo::new(move |_| row.with(|r| r.stage.as_ref().is_some_and(|st| st.from_counts)));
    // low above high (the last two of EXTRAS)
    let reversed = move || values.with(|v| matches!((v[3], v[4]), (Some(l), Some(h)) if l > h));
    // the forecasting inputs, one field each from the table (NaN shows an empty field)
    let extras = move || {
        EXTRAS
            .iter()
            .enumerate()
            .map(|(k, x)| {
                let set = x.set;
                let field = view! {
                    <NumberField
                        label=Signal::derive(move || (x.label)(t()).to_string())
                        testid=x.testid
                        id=format!("st{id}-{}", x.testid)
                        value=Signal::derive(move || values.with(|v| v[k]).unwrap_or(f64::NAN))
                        disabled=if x.rate { is_first } else { Signal::stored(false) }
                        unit=if x.rate { "%" } else { "" }
                        on_input=Callback::new(move |v| state.edit(|s| set(s, id, Some(v))))
                        on_clear=Callback::new(move |_: ()| state.edit(|s| set(s, id, None)))
                    />
                };
                let is_benchmark = x.testid == "stage-benchmark";
                // a journey uses the days (its expected days), not the funnel's other inputs
                let funnel_only = x.testid != "stage-days";
                view! {
                    <div
                        class="extra"
                        class:funnel-only=funnel_only
                        title=move || if is_benchmark { source().unwrap_or_default() } else { "" }
                    >
                        {field}
                    </div>
                }
            })
            .collect_view()
    };
    // the row's figures as shown (number and text), formatted together: the language and
    // currency have one subscriber per row instead of one per figure (each is re-subscribed
    // on every re-run, at a cost that grows with their subscribers)
    let shown = Memo::new(move |_| {
        let lang = state.lang.get();
        let currency = state.currency.get();
        let t = Texts::of(lang);
        figures.with(|f| {
            STATS.map(|(_, _, pick, format)| {
                stage_shown(f.as_ref().map_or(Err(""), |f| pick(f, t)), format, lang, currency)
            })
        })
    });
    // read-only, so plain DOM: drawn with the first values, then one effect per row sets the
    // number and text of the figures that changed (a reactive attribute and text per figure
    // made ten closures per row for every edit to mark, check and re-subscribe)
    let first = shown.get_untracked();
    let outputs: [NodeRef<leptos::html::Output>; 5] = Default::default();
    let stage_figures = first
        .iter()
        .zip(STATS)
        .zip(outputs)
        .map(|(((raw, text), (label, testid, _, _)), output)| {
            view! {
                <div>
                    <dt>{move || label(t())}</dt>
                    <dd>
                        <output data-testid=testid data-value=raw.clone() node_ref=output>{text.clone()}</output>
                    </dd>
                </div>
            }
        })
        .collect_view();
    Effect::new(move |drawn: Option<[(String, String); 5]>| {
        let mut drawn = drawn.unwrap_or_else(|| first.clone());
        shown.with(|now| {
            for ((was, now), output) in drawn.iter_mut().zip(now).zip(outputs) {
                if was == now {
                    continue;
                }
                let Some(el) = output.get() else { continue };
                if was.0 != now.0 {
                    let _ = el.set_attribute("data-value", &now.0);
                }
                if was.1 != now.1 {
                    crate::components::dom::set_text(&el, &now.1);
                }
                *was = now.clone();
            }
        });
        drawn
    });

    let dom = format!("st{id}");
    // a moved stage keeps focus on the button that moved it, or on the other one once it
    // is at the end (a disabled button cannot hold focus)
    let focus_after_move = move |id: u32, up: bool| {
        let (at, last) =
            state.scenario.with_untracked(|s| (s.stages.iter().position(|st| st.id == id), s.stages.len() - 1));
        let at_end = if up { at == Some(0) } else { at == Some(last) };
        focus_stage_control(id, if up != at_end { "stage-up" } else { "stage-down" });
    };
    view! {
        <li
            class="stage"
            id=dom.clone()
            data-testid="stage"
            class:lead=is_lead
            class:purchase=is_purchase
            class:after=after_purchase
        >
            <div class="stage-head">
                <span class="stage-number" aria-hidden="true">{move || pos() + 1}</span>
                <input
                    type="text"
                    class="stage-name"
                    data-testid="stage-name"
                    maxlength="120"
                    aria-label=move || format!("{} {}", t().stage_name, pos() + 1)
                    placeholder=placeholder
                    prop:value=name
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        let _ = state.edit(|s| {
                            s.rename_stage(id, &text);
                            Ok(())
                        });
                    }
                />
                <div class="stage-tools">
                    <button
                        type="button"
                        class="icon"
                        data-testid="stage-up"
                        aria-label=move || t().stage_up
                        title=move || t().stage_up
                        disabled=move || pos() == 0
                        on:click=move |_| {
                            let _ = state.edit(|s| Ok(s.move_stage(id, -1)));
                            focus_after_move(id, true);
                        }
                    >
                        "↑"
                    </button>
                    <button
                        type="button"
                        class="icon"
                        data-testid="stage-down"
                        aria-label=move || t().stage_down
                        title=move || t().stage_down
                        disabled=move || { pos() + 1 >= stage_count.get() }
                        on:click=move |_| {
                            let _ = state.edit(|s| Ok(s.move_stage(id, 1)));
                            focus_after_move(id, false);
                        }
                    >
                        "↓"
                    </button>
                    <button
                        type="button"
                        class="icon danger"
                        data-testid="stage-remove"
                        aria-label=move || t().stage_remove
                        title=move || { if stage_count.get() <= MIN_STAGES { t().min_stages } else { t().stage_remove } }
                        disabled=move || { stage_count.get() <= MIN_STAGES }
                        on:click=move |_| {
                            let at = pos();
                            let _ = state.edit(|s| Ok(s.remove_stage(id)));
                            // the stage that took its place (or the new last one) keeps focus
                            let next = state.scenario.with_untracked(|s| s.stages.get(at.min(s.stages.len().saturating_sub(1))).map(|st| st.id));
                            if let Some(next) = next {
                                focus_stage_control(next, if stage_count.get_untracked() <= MIN_STAGES { "stage-name" } else { "stage-remove" });
                            }
                        }
                    >
                        "✕"
                    </button>
                </div>
            </div>
            {move || note.get().map(|n| view! { <p class="stage-note">{n}</p> })}
            <div class="stage-inputs">
                <div class="count" class:funnel-only=move || !is_first.get()>
                    <NumberField
                        label=Signal::derive(move || {
                            let text = if journey.get() && is_first.get() { t().stage_newcomers } else { t().stage_count };
                            fill(text, &[("period", period.get())])
                        })
                        testid="stage-count"
                        id=format!("{dom}-count")
                        value=entrants
                        on_input=Callback::new(move |v| state.edit(|s| s.set_count(id, v)))
                    />
                </div>
                <div class="rate funnel-only">
                    <NumberField
                        label=Signal::derive(move || t().stage_rate.to_string())
                        testid="stage-rate"
                        id=format!("{dom}-rate")
                        value=rate
                        disabled=is_first
                        unit="%"
                        on_input=Callback::new(move |v| state.edit(|s| s.set_rate_percent(id, v)))
                    />
                </div>
                <div class="entry journey-only">
                    <NumberField
                        label=Signal::derive(move || t().entry_share.to_string())
                        testid="entry-share"
                        id=format!("{dom}-entry")
                        value=entry
                        unit="%"
                        on_input=Callback::new(move |v| state.edit(|s| s.set_entry_percent(id, v)))
                    />
                </div>
                <div class="marks">
                    <label title=move || t().stage_lead_help>
                        <input
                            type="radio"
                            name="lead-stage"
                            data-testid="stage-lead"
                            prop:checked=is_lead
                            on:change=move |_| {
                                let _ = state.edit(|s| {
                                    s.set_lead(id);
                                    Ok(())
                                });
                            }
                        />
                        {move || t().stage_lead}
                    </label>
                    <label title=move || t().stage_purchase_help>
                        <input
                            type="radio"
                            name="purchase-stage"
                            data-testid="stage-purchase"
                            prop:checked=is_purchase
                            on:change=move |_| {
                                let _ = state.edit(|s| {
                                    s.set_purchase(id);
                                    Ok(())
                                });
                            }
                        />
                        {move || t().stage_purchase}
                    </label>
                </div>
            </div>
            <Show when=move || state.analysis_ready.get()>
            <div class="stage-more">
                {extras}
                <label class="extra counts funnel-only" title=move || t().stage_counts_help>
                    <input
                        type="checkbox"
                        data-testid="stage-counts"
                        prop:checked=from_counts
                        disabled=move || is_first.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let _ = state.edit(|s| {
                                s.set_from_counts(id, on);
                                Ok(())
                            });
                        }
                    />
                    {move || t().stage_counts}
                </label>
            </div>
            {move || source().map(|s| view! { <p class="source funnel-only" data-testid="stage-benchmark-source">{s}</p> })}
            </Show>
            {move || reversed().then(|| view! { <p class="stage-warning" role="alert" data-testid="stage-range-reversed">{t().range_reversed}</p> })}
            <dl class="stage-figures" class:goal-short=short>
                {stage_figures}
                {move || {
                    goal().map(|required| {
                        view! {
                            <StageFigure label=|t| t.goal_required testid="goal-required" shown=required />
                        }
                    })
                }}
            </dl>
        </li>
    }
}

/// Focus on the control `testid` of stage `id`, once the list has been redrawn.
pub fn focus_stage_control(id: u32, testid: &str) {
    #[cfg(target_arch = "wasm32")]
    crate::components::dom::focus_later(format!("#st{id} [data-testid=\"{testid}\"]"));
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (id, testid);
}
