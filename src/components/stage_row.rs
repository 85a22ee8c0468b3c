//! One stage: its name (and the template's note), the count or rate the user types, the
//! lead and purchase marks, reordering and removal, and the stage's own figures.

use leptos::html;
use leptos::prelude::*;
use reactive_stores::Field;

use crate::calc::bottleneck::{benchmark_of, Source};
use crate::calc::scenario::is_retention_stage;
use crate::calc::{InputError, Mode, Rate, Scenario, StageDoc, StageFigures, StageLabel, MAX_STAGES, MIN_STAGES};
use crate::components::figure::{count, money, percent, stage_shown, Formatter, StageFigure};
use crate::components::NumberField;
use crate::i18n::texts::fill;
use crate::i18n::{messages, Texts};
use crate::state::{use_app_state, ScenarioFields};
use crate::views::StageField;

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
    shown_name(s.stages.get(index), index, s.template, lang)
}

/// [`shown_stage_name`] of a stage at `index` of a scenario of `template`.
pub fn shown_name(
    stage: Option<&crate::calc::StageDoc>,
    index: usize,
    template: crate::calc::templates::TemplateId,
    lang: crate::i18n::Lang,
) -> String {
    let name = stage.map_or_else(String::new, |st| st.name(|n| lang.template(template).stage(n).name));
    if name.trim().is_empty() {
        fill(Texts::of(lang).stage_n, &[("n", &(index + 1).to_string())])
    } else {
        name
    }
}

/// Adds a stage below stage `below`, or at the end, and gives its name the focus; a stage
/// that lands after the purchase stage is a retention stage, and named so.
pub fn add_stage(state: crate::state::AppState, below: Option<u32>, focus: RowFocus) {
    let retention = Texts::of(state.lang.get_untracked()).stage_retention_name;
    let added = state.edit(|s| {
        let at = below.map_or(Some(s.stages.len()), |id| s.index_of(id).map(|i| i + 1));
        let name = if at.is_some_and(|i| s.is_after_purchase(i)) { retention } else { "" };
        let added = match below {
            Some(id) => s.insert_stage(id, name),
            None => s.add_stage(name),
        };
        // the one way adding fails that the page does not prevent: the list is full
        added.map_err(|_| InputError::TooLarge { max: MAX_STAGES as f64 })
    });
    if let Ok(new) = added {
        focus.later(new, Control::Name);
    }
}

/// Removes stage `id` (at `at`) and says so with undo; when it was the purchase stage, the
/// notice says which stage counts the customers now.
fn remove_stage(state: crate::state::AppState, id: u32, at: usize) {
    use crate::state::NoticeKind;
    let before = state.scenario.with_untracked(crate::calc::Scenario::clone);
    if state.edit(|s| Ok(s.remove_stage(id))).is_err() {
        return;
    }
    let lang = state.lang.get_untracked();
    let removed = shown_stage_name(&before, at, lang);
    let kind = if before.purchase == id {
        let now = state.scenario.with_untracked(|s| s.index_of(s.purchase).map(|i| shown_stage_name(s, i, lang)));
        NoticeKind::PurchaseMoved { removed, now: now.unwrap_or_default() }
    } else {
        NoticeKind::StageRemoved { name: removed }
    };
    state.notify_undo(kind, before);
}

/// One forecasting input of a stage row.
struct Extra {
    testid: &'static str,
    label: fn(&Texts) -> &'static str,
    /// The value the stage holds (the benchmark shown is read apart: it may be the
    /// template's).
    get: fn(&StageDoc) -> Option<f64>,
    /// Applies a typed value (`None`: the field was emptied).
    set: fn(&mut Scenario, u32, Option<f64>) -> Result<(), InputError>,
    /// A rate in percent: disabled on the first stage, which has no rate.
    rate: bool,
    /// What it is for: it shows while a view that uses it is open.
    field: StageField,
}

/// The stage row's forecasting inputs, in order.
const EXTRAS: [Extra; 7] = [
    Extra {
        testid: "pipeline-now",
        label: |t| t.stage_now,
        get: |st| st.now,
        set: Scenario::set_now,
        rate: false,
        field: StageField::Now,
    },
    Extra {
        testid: "stage-days",
        label: |t| t.stage_days,
        get: |st| st.days,
        set: Scenario::set_days,
        rate: false,
        field: StageField::Days,
    },
    Extra {
        testid: "stage-benchmark",
        label: |t| t.stage_benchmark,
        get: |st| st.benchmark.map(Rate::percent),
        set: Scenario::set_benchmark_percent,
        rate: true,
        field: StageField::Benchmark,
    },
    Extra {
        testid: "stage-rate-low",
        label: |t| t.stage_low,
        get: |st| st.low.map(Rate::percent),
        set: Scenario::set_low_percent,
        rate: true,
        field: StageField::Range,
    },
    Extra {
        testid: "stage-rate-high",
        label: |t| t.stage_high,
        get: |st| st.high.map(Rate::percent),
        set: Scenario::set_high_percent,
        rate: true,
        field: StageField::Range,
    },
    Extra {
        testid: "stage-fixed-cost",
        label: |t| t.stage_fixed_cost,
        get: |st| st.fixed_cost,
        set: Scenario::set_fixed_cost,
        rate: false,
        field: StageField::Costs,
    },
    Extra {
        testid: "stage-unit-cost",
        label: |t| t.stage_unit_cost,
        get: |st| st.entrant_cost,
        set: Scenario::set_entrant_cost,
        rate: false,
        field: StageField::Costs,
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
    (
        |t| t.stage_cost,
        "stage-cost-per-entrant",
        |f, t| f.cost_per_entrant.map_err(|why| messages::undefined(t, why)),
        money,
    ),
];

/// A control of a stage row that can take focus after an edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// The name input.
    Name,
    /// Move up.
    Up,
    /// Move down.
    Down,
    /// Remove.
    Remove,
}

/// The focusable controls of one row.
#[derive(Clone, Copy, Default)]
pub struct RowControls {
    /// The name input.
    pub name: NodeRef<html::Input>,
    /// Move up.
    pub up: NodeRef<html::Button>,
    /// Move down.
    pub down: NodeRef<html::Button>,
    /// Remove.
    pub remove: NodeRef<html::Button>,
}

/// Where focus goes after a stage is added, moved or removed: every row registers its
/// controls under its stage id, and [`RowFocus::later`] focuses one once the list has been
/// redrawn, so focus never falls back to the page. The stage list provides it.
#[derive(Clone, Copy, Default)]
pub struct RowFocus(StoredValue<Vec<(u32, u64, RowControls)>>);

impl RowFocus {
    /// The controls of the row of stage `id`, registered until the row goes away.
    pub fn register(self, id: u32) -> RowControls {
        let controls = RowControls::default();
        // a row of the same stage may be built before the old one is gone (another scenario
        // opened): each registration is told apart by its serial
        let serial = self.0.with_value(|rows| rows.iter().map(|(_, serial, _)| serial + 1).max().unwrap_or(0));
        self.0.update_value(|rows| {
            rows.retain(|(row, _, _)| *row != id);
            rows.push((id, serial, controls));
        });
        on_cleanup(move || {
            let _ = self.0.try_update_value(|rows| rows.retain(|(row, s, _)| (*row, *s) != (id, serial)));
        });
        controls
    }

    /// Focuses `control` of stage `id` in the next animation frame, after the edit under way
    /// has reached the page.
    pub fn later(self, id: u32, control: Control) {
        request_animation_frame(move || {
            let Some(controls) =
                self.0.try_with_value(|rows| rows.iter().find(|(row, _, _)| *row == id).map(|(_, _, c)| *c)).flatten()
            else {
                return;
            };
            let _ = match control {
                Control::Name => controls.name.get_untracked().map(|e| e.focus()),
                Control::Up => controls.up.get_untracked().map(|e| e.focus()),
                Control::Down => controls.down.get_untracked().map(|e| e.focus()),
                Control::Remove => controls.remove.get_untracked().map(|e| e.focus()),
            };
        });
    }
}

/// A stage row.
#[component]
pub fn StageRow(
    /// The stage: a keyed field of the open scenario.
    stage: Field<StageDoc>,
    /// Its id within the open scenario.
    id: u32,
    /// Its place in the list, 0-based (it follows a move).
    #[prop(into)]
    index: Signal<usize>,
    /// How many stages the scenario has.
    #[prop(into)]
    stage_count: Signal<usize>,
    /// The place of the purchase stage, if it is marked.
    #[prop(into)]
    purchase_at: Signal<Option<usize>>,
) -> impl IntoView {
    let state = use_app_state();
    let focus = expect_context::<RowFocus>();
    let t = move || state.t();
    let scenario = state.scenario;
    let pos = move || index.get();
    let is_first = Signal::derive(move || index.get() == 0);
    let template = scenario.template();
    // the stage's own field: an edit of another stage wakes none of what reads it. Once the
    // stage is gone (removed, or another scenario opened) the row is about to go too, and
    // keeps showing what it had until then.
    let doc = Memo::new(move |was: Option<&StageDoc>| {
        stage
            .try_get()
            .or_else(|| was.cloned())
            .unwrap_or_else(|| StageDoc::new(id, StageLabel::Custom(String::new()), Rate::default()))
    });
    let label = Memo::new(move |_| doc.with(|st| st.label.clone()));
    let template_stage = move |lang: crate::i18n::Lang, n: usize| lang.template(template.get()).stage(n);
    let name = Memo::new(move |_| {
        let lang = state.lang.get();
        label.with(|l| match (l.typed_name(), l.template_stage()) {
            (Some(name), _) => name.to_string(),
            (None, Some(n)) => template_stage(lang, n).name.to_string(),
            (None, None) => String::new(),
        })
    });
    let placeholder = move || fill(t().stage_n, &[("n", &(pos() + 1).to_string())]);
    let journey = Memo::new(move |_| scenario.mode().get() == Mode::Journey);
    // past the purchase stage (drawn apart), and a retention stage there in a straight funnel
    let past_purchase = Memo::new(move |_| purchase_at.get().is_some_and(|p| index.get() > p));
    let after_purchase = Memo::new(move |_| is_retention_stage(scenario.mode().get(), purchase_at.get(), index.get()));
    let note = Memo::new(move |_| {
        let lang = state.lang.get();
        // a renamed template stage keeps its note; a stage of the user's own after the
        // purchase is told apart as a retention stage
        label
            .with(|l| l.template_stage())
            .map(|n| template_stage(lang, n).note)
            .or_else(|| after_purchase.get().then(|| Texts::of(lang).stage_after_purchase_note))
            .filter(|note| !note.is_empty())
    });
    let is_lead = Memo::new(move |_| scenario.lead().get() == id);
    let is_purchase = Memo::new(move |_| scenario.purchase().get() == id);
    let period = Memo::new(move |_| period_name(t(), state.period.get()));
    let figures = Memo::new(move |_| state.forecast.with(|f| f.stages.get(index.get()).cloned()));
    // the first stage's count is the top of the funnel (a journey's newcomers), the others'
    // the funnel's entrants
    let top = scenario.top();
    let entrants =
        Memo::new(
            move |_| {
                if index.get() == 0 {
                    top.get()
                } else {
                    figures.with(|f| f.as_ref().map_or(0.0, |f| f.entrants))
                }
            },
        );
    let entry = Memo::new(move |_| doc.with(|st| st.moves.as_ref().map_or(f64::NAN, |m| m.entry * 100.0)));
    // with traffic sources the first stage's people are their sum and the rate into the
    // second their blend (MODELS.md §3.12): shown, not typed
    let has_sources = Memo::new(move |_| scenario.sources().with(|list| !list.is_empty()));
    let rate_derived = Memo::new(move |_| has_sources.get() && index.get() == 1 && !journey.get());
    // the second stage's people follow from that rate
    let count_derived = Memo::new(move |_| has_sources.get() && (index.get() == 0 || rate_derived.get()));
    // why a field of the row is derived, in place of the template's note
    let derived = Memo::new(move |_| {
        if rate_derived.get() {
            Some(t().stage_blend)
        } else if count_derived.get() {
            Some(t().stage_from_sources)
        } else {
            None
        }
    });
    let rate = Memo::new(move |_| {
        let blend = if rate_derived.get() {
            state.forecast.with(|f| f.traffic.as_ref().and_then(|t| t.blend.ok()).map(Rate::percent))
        } else {
            None
        };
        blend.unwrap_or_else(|| doc.with(|st| st.rate.percent()))
    });
    // with a goal, up to the purchase stage: the entrants the goal needs here
    let has_goal = Memo::new(move |_| scenario.goal().with(Option::is_some) && !journey.get());
    let goal_stage = Memo::new(move |_| {
        if has_goal.get() {
            state.goal.with(|g| g.as_ref().and_then(|p| p.stages.get(pos()).copied()))
        } else {
            None
        }
    });
    let required = move || {
        let lang = state.lang.get();
        let required = goal_stage.get().map_or(Err(""), |g| g.required.map_err(|why| messages::undefined(t(), why)));
        stage_shown(required, count, lang, state.currency.get())
    };
    let short = move || goal_stage.with(|g| g.is_some_and(|g| g.met == Some(false)));
    // the benchmark shown: the user's, else the template's, with its source
    let benchmark = Memo::new(move |_| doc.with(|st| benchmark_of(st, index.get() == 0, template.get())));
    let source = move || {
        benchmark.get().map(|(_, source)| match source {
            Source::B2bAverages => t().source_b2b,
            Source::Baymard => t().source_baymard,
            Source::Unbounce => t().source_unbounce,
            Source::RuleOfThumb => t().source_rule_of_thumb,
            Source::User => t().source_user,
        })
    };
    let values = Memo::new(move |_| {
        let shown_benchmark = benchmark.get().map(|(b, _)| b);
        doc.with(|st| {
            EXTRAS.each_ref().map(|x| if x.testid == "stage-benchmark" { shown_benchmark } else { (x.get)(st) })
        })
    });
    let from_counts = Memo::new(move |_| doc.with(|st| st.from_counts));
    // low above high (the last two of EXTRAS)
    let reversed = move || values.with(|v| matches!((v[3], v[4]), (Some(l), Some(h)) if l > h));
    // which of the inputs the open view uses
    let shows = move |field| state.shows_stage_field(field);
    let any_extra = move || {
        [StageField::Now, StageField::Days, StageField::Benchmark, StageField::Range, StageField::Costs]
            .into_iter()
            .any(shows)
    };
    let extras = move || {
        EXTRAS
        .iter()
        .enumerate()
        .filter(|(_, x)| shows(x.field))
        .map(|(k, x)| {
            let set = x.set;
            let is_benchmark = x.testid == "stage-benchmark";
            // a journey uses the days (its expected days) and the costs, not the funnel's
            // other inputs
            let funnel_only = !matches!(x.field, StageField::Days | StageField::Costs);
            view! {
                <div class="extra" class:funnel-only=funnel_only title=move || if is_benchmark { source().unwrap_or_default() } else { "" }>
                    <NumberField
                        label=Signal::derive(move || fill((x.label)(t()), &[("period", period.get())]))
                        testid=x.testid
                        id=format!("st{id}-{}", x.testid)
                        value=Signal::derive(move || values.with(|v| v[k]).unwrap_or(f64::NAN))
                        disabled=if x.rate { is_first } else { Signal::stored(false) }
                        unit=if x.rate { "%" } else { "" }
                        on_input=Callback::new(move |v| state.edit(|s| set(s, id, Some(v))))
                        on_clear=Callback::new(move |_: ()| state.edit(|s| set(s, id, None)))
                    />
                </div>
            }
        })
        .collect_view()
    };
    // the row's figures as shown (number and text), formatted together
    let shown = Memo::new(move |_| {
        let lang = state.lang.get();
        let currency = state.currency.get();
        let t = Texts::of(lang);
        let after = after_purchase.get();
        figures.with(|f| {
            STATS.map(|(_, testid, pick, format)| {
                // after the purchase everyone is a customer already: no chance to buy
                let value = match f.as_ref() {
                    Some(_) if after && testid == "stage-probability" => Err(t.why_after_purchase),
                    Some(f) => pick(f, t),
                    None => Err(""),
                };
                stage_shown(value, format, lang, currency)
            })
        })
    });
    // the stage's own cost per period, K_i (§3.13)
    let stage_cost = move || {
        let cost = figures.with(|f| f.as_ref().map(|f| f.cost));
        stage_shown(cost.ok_or(""), money, state.lang.get(), state.currency.get())
    };
    let stage_figures = STATS
        .iter()
        .enumerate()
        .map(|(k, (label, testid, _, _))| {
            view! { <StageFigure label=*label testid=*testid shown=Signal::derive(move || shown.with(|s| s[k].clone())) /> }
        })
        .collect_view();

    // focus follows the stage: the row's controls are known to the list by id
    let controls = focus.register(id);
    // a moved stage keeps focus on the button that moved it, or on the other one once it
    // is at the end (a disabled button cannot hold focus)
    let focus_after_move = move |up: bool| {
        let (at, last) = (index.get_untracked(), stage_count.get_untracked().saturating_sub(1));
        let at_end = if up { at == 0 } else { at == last };
        focus.later(id, if up != at_end { Control::Up } else { Control::Down });
    };
    let dom = format!("st{id}");
    let count_id = format!("{dom}-count");
    // a compact embed: the stage's name, people and rate only
    let compact = state.compact();
    let figures = (!compact).then(|| {
        view! {
            <dl class="stage-figures" class:goal-short=short>
                {stage_figures}
                <Show when=move || shows(StageField::Costs) || doc.with(|st| st.cost().is_some())>
                    <StageFigure label=|t| t.stage_cost_k testid="stage-cost" shown=Signal::derive(stage_cost) />
                </Show>
                <Show when=move || goal_stage.with(Option::is_some) && shows(StageField::Required)>
                    <StageFigure label=|t| t.goal_required testid="goal-required" shown=Signal::derive(required) />
                </Show>
            </dl>
        }
    });
    view! {
        <li
            class="stage"
            id=dom.clone()
            data-testid="stage"
            class:lead=is_lead
            class:purchase=is_purchase
            class:after=past_purchase
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
                    node_ref=controls.name
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        let _ = state.edit(|s| {
                            s.rename_stage(id, &text);
                            Ok(())
                        });
                    }
                />
                <Show when=move || !compact>
    <div class="stage-tools">
                        <button
                            type="button"
                            class="icon"
                            data-testid="stage-up"
                            aria-label=move || t().stage_up
                            title=move || t().stage_up
                            disabled=move || pos() == 0
                            node_ref=controls.up
                            on:click=move |_| {
                                let _ = state.edit(|s| Ok(s.move_stage(id, -1)));
                                focus_after_move(true);
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
                            node_ref=controls.down
                            on:click=move |_| {
                                let _ = state.edit(|s| Ok(s.move_stage(id, 1)));
                                focus_after_move(false);
                            }
                        >
                            "↓"
                        </button>
                        <button
                            type="button"
                            class="icon"
                            data-testid="stage-insert"
                            aria-label=move || t().stage_insert
                            title=move || t().stage_insert
                            disabled=move || { stage_count.get() >= crate::calc::MAX_STAGES }
                            on:click=move |_| add_stage(state, Some(id), focus)
                        >
                            "+"
                        </button>
                        <button
                            type="button"
                            class="icon danger"
                            data-testid="stage-remove"
                            aria-label=move || t().stage_remove
                            title=move || { if stage_count.get() <= MIN_STAGES { t().min_stages } else { t().stage_remove } }
                            disabled=move || { stage_count.get() <= MIN_STAGES }
                            node_ref=controls.remove
                            on:click=move |_| {
                                let at = index.get_untracked();
                                remove_stage(state, id, at);
                                // the stage that took its place (or the new last one) keeps focus
                                let (next, left) = scenario
                                    .with_untracked(|s| (s.stages.get(at.min(s.stages.len().saturating_sub(1))).map(|st| st.id), s.stages.len()));
                                if let Some(next) = next {
                                    focus.later(next, if left <= MIN_STAGES { Control::Name } else { Control::Remove });
                                }
                            }
                        >
                            "✕"
                        </button>
                    </div>
                </Show>
            </div>
            <Show when=move || !compact>
                <Show
                    when=move || derived.with(Option::is_none)
                    fallback=move || {
                        view! {
                            <p class="stage-note derived" data-testid="stage-derived">
                                {move || derived.get()}
                            </p>
                        }
                    }
                >
                    <Show when=move || note.with(Option::is_some)>
                        <p class="stage-note" data-testid="stage-note" title=move || note.get()>{move || note.get()}</p>
                    </Show>
                </Show>
            </Show>
            <div class="stage-inputs">
                // a journey counts its newcomers only: the other stages' counts follow from the
                // journey and are not typed
                <Show when=move || is_first.get() || !journey.get()>
                    <div class="count">
                        <NumberField
                            label=Signal::derive(move || {
                                let text = if journey.get() && is_first.get() { t().stage_newcomers } else { t().stage_count };
                                fill(text, &[("period", period.get())])
                            })
                            testid="stage-count"
                            id=count_id.clone()
                            value=entrants
                            readonly=count_derived
                            hint=Signal::derive(move || derived.get().map(str::to_string))
                            on_input=Callback::new(move |v| state.edit(|s| s.set_count(id, v)))
                        />
                    </div>
                </Show>
                <div class="rate funnel-only">
                    <NumberField
                        label=Signal::derive(move || t().stage_rate.to_string())
                        testid="stage-rate"
                        id=format!("{dom}-rate")
                        value=rate
                        disabled=is_first
                        readonly=rate_derived
                        hint=Signal::derive(move || derived.get().filter(|_| rate_derived.get()).map(str::to_string))
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
                <Show when=move || !compact>
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
                </Show>
            </div>
            // the inputs of the open view (a compact embed has views only if its snippet adds them)
            <Show when=move || state.analysis_ready.get() && any_extra()>
                <div class="stage-more">
                    {extras}
                    <Show when=move || shows(StageField::Range)>
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
                    </Show>
                </div>
                <Show when=move || shows(StageField::Benchmark) && source().is_some()>
                    <p
                        class="source funnel-only"
                        data-testid="stage-benchmark-source"
                        data-source=move || benchmark.get().map(|(_, s)| s.id())
                    >
                        {move || source()}
                    </p>
                </Show>
            </Show>
            <Show when=reversed>
                <p class="stage-warning" role="alert" data-testid="stage-range-reversed">{move || t().range_reversed}</p>
            </Show>
            {figures}
        </li>
    }
}
