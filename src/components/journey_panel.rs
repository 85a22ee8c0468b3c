//! The journey (MODELS.md §3.8, §1.4, §1.6): where each stage's people go next, typed as
//! percentages per row; the chance that a newcomer buys, the expected steps and days, the
//! customers against the straight funnel; lost people brought back; a chart of the states
//! on a circle, a heat map of the transitions and each state's outcomes (tables with a row
//! per state, keyed by its stage id).

use leptos::prelude::*;

use crate::calc::journey::{self, Journey};
use crate::calc::markov::{ChainError, TOLERANCE};
use crate::calc::{Figure, MoveTo, Undefined};
use crate::chart::journey::JourneyChart;
use crate::components::figure::{change, count, days, decimal, percent};
use crate::components::stage_row::{period_name, shown_name, shown_stage_name};
use crate::components::{ChartCanvas, FigureCard, NumberField};
use crate::i18n::texts::fill;
use crate::i18n::{format, Texts};
use crate::state::{use_app_state, ScenarioFields};

/// The message for one problem of the journey.
fn problem_text(t: &Texts, lang: crate::i18n::Lang, s: &crate::calc::Scenario, p: &ChainError) -> String {
    let name = |i: usize| format!("{}. {}", i + 1, shown_stage_name(s, i, lang));
    match p {
        ChainError::RowSum { state, sum } => format!("{}: {}", name(*state), row_sum_text(t, lang, *sum)),
        ChainError::OutOfRange { state } => fill(t.journey_out_of_range, &[("state", &name(*state))]),
        ChainError::EntrySum { sum } => fill(t.journey_entry_sum, &[("sum", &format::percent(lang, *sum))]),
        ChainError::Trap { states } => {
            let names: Vec<String> = states.iter().map(|i| name(*i)).collect();
            fill(t.journey_trap, &[("states", &names.join(", "))])
        }
        ChainError::TooLarge | ChainError::Shape => t.journey_too_large.to_string(),
    }
}

/// What a row that sums to `sum` (a fraction, not 1) is told.
fn row_sum_text(t: &Texts, lang: crate::i18n::Lang, sum: f64) -> String {
    let text = if sum > 1.0 { t.journey_row_over } else { t.journey_row_under };
    fill(text, &[("sum", &format::percent(lang, sum))])
}

/// The journey panel.
#[component]
pub fn JourneyPanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let period = move || period_name(t(), state.period.get());
    let per_period = move |f: fn(&Texts) -> &'static str| Signal::derive(move || fill(f(t()), &[("period", period())]));
    let label = move |f: fn(&Texts) -> &'static str| Signal::derive(move || f(t()).to_string());
    let fig = move |pick: fn(&Journey) -> Figure| {
        Signal::derive(move || {
            state.journey_shown.with(|j| j.as_ref().map_or(Err(Undefined::NoJourney), |(_, j)| pick(j)))
        })
    };
    // each memo reads only the fields it needs, so that an edit of the recovery (the
    // scenario's own field) re-runs none of the stages' memos below
    let stages = state.scenario.stages();
    let has_days = Memo::new(move |_| stages.with(|st| st.iter().any(|st| st.days.unwrap_or(0.0) > 0.0)));
    let days_figure = Signal::derive(move || {
        if has_days.get() {
            state
                .journey_shown
                .with(|j| j.as_ref().map_or(Err(Undefined::NoJourney), |(_, j)| Ok(j.solution.newcomer_days)))
        } else {
            Err(Undefined::NoCycle)
        }
    });
    let problems = Memo::new(move |_| match state.journey.get() {
        Some(Err(problems)) => problems,
        _ => Vec::new(),
    });
    let problem_lines = Memo::new(move |_| {
        let lang = state.lang.get();
        // (without problems the scenario is not read: its edits need no new lines then)
        problems.with(|ps| {
            if ps.is_empty() {
                return Vec::new();
            }
            state.scenario.with(|s| ps.iter().map(|p| problem_text(t(), lang, s, p)).collect::<Vec<_>>())
        })
    });
    let problem_lines = move || problem_lines.get();
    let comparison = move || {
        let lang = state.lang.get();
        state.journey_shown.with(|j| {
            let v = j.as_ref()?.1.vs_funnel.ok()?;
            let text = if v >= 0.0 { t().journey_adds } else { t().journey_removes };
            Some(fill(text, &[("pct", &format::percent(lang, v.abs()))]))
        })
    };
    // the stages' ids and names: they change only when stages are added, removed, moved or
    // renamed, so an edit of a share re-runs none of the labels below
    let scenario_id = Memo::new(move |_| state.scenario.id().get());
    let ids = Memo::new(move |_| stages.with(|st| st.iter().map(|st| st.id).collect::<Vec<_>>()));
    let stage_names = Memo::new(move |_| {
        let (lang, template) = (state.lang.get(), state.scenario.template().get());
        stages
            .with(|st| st.iter().enumerate().map(|(i, st)| shown_name(Some(st), i, template, lang)).collect::<Vec<_>>())
    });
    // a row is rebuilt when its position, the stages' order, a stage's name or the language
    // changes: its labels are then plain text, with no reactive graph of their own to check
    // on every keystroke (the order counts apart from the names: two stages may share one)
    let rows = move || {
        let sid = scenario_id.get();
        let order = ids.with(|ids| ids.iter().map(u32::to_string).collect::<Vec<_>>().join(","));
        let stamp = format!("{}|{order}|{}", state.lang.get().code(), stage_names.with(|n| n.join("|")));
        ids.with(|ids| ids.iter().enumerate().map(|(i, id)| (sid.clone(), *id, i, stamp.clone())).collect::<Vec<_>>())
    };
    let entries_total = Memo::new(move |_| {
        stages.with(|st| st.iter().filter_map(|st| st.moves.as_ref()).map(|m| m.entry).sum::<f64>())
    });
    let recovery = Memo::new(move |_| state.scenario.recovery().get() * 100.0);
    let recover_to = Memo::new(move |_| {
        let to = state.scenario.recover_to().get();
        ids.with(|ids| ids.iter().position(|id| *id == to).unwrap_or(0))
    });
    let chain = Memo::new(move |_| stages.with(|st| journey::chain_of(st)));
    // the chart shows the moves with the recovery: people brought back are moves too
    let chart_input = Memo::new(move |_| {
        let chain = state.scenario.with(journey::recovered_chain);
        let purchase = state.scenario.with(|s| s.index_of(s.purchase));
        JourneyChart {
            names: stage_names.get(),
            q: chain.q,
            buy: chain.buy,
            lost: chain.lost,
            entry: chain.entry,
            buy_label: t().journey_buy.to_string(),
            purchase,
        }
    });
    let left_out = Memo::new(move |_| chart_input.with(crate::chart::journey::moves_left_out));
    // the heat map follows the moves as typed, the outcomes the last solvable journey; both
    // have a row per state, keyed by its stage id
    let states = Memo::new(move |_| chain.with(|c| c.q.len()));
    // a column per state: its number is what fits; a screen reader hears the state's name
    let heat_head = move || {
        let n = states.get();
        let head = |(j, name): (usize, &String)| {
            view! {
                <th title=name.clone() aria-label=format!("{}. {name}", j + 1) scope="col">
                    {(j + 1).to_string()}
                </th>
            }
        };
        stage_names.with(|names| names.iter().take(n).enumerate().map(head).collect_view())
    };
    // the per-state table's numbers (chance to buy, visits, steps, days of each state): they
    // follow once typing pauses, as the forecasting views do, so that a keystroke redraws the
    // figures and the chart rather than every cell of the table
    let table = Memo::new(move |was: Option<&Vec<[f64; 4]>>| {
        if let (true, Some(was)) = (state.settling.get(), was) {
            return was.clone();
        }
        state.journey_shown.with(|j| {
            j.as_ref().map_or_else(Vec::new, |(_, j)| {
                let s = &j.solution;
                (0..s.buy.len()).map(|i| [s.buy[i], s.newcomer_visits[i], s.steps[i], s.days[i]]).collect()
            })
        })
    });
    let solved_ids = Memo::new(move |_| {
        let n = table.with(Vec::len);
        ids.with(|ids| ids.iter().copied().take(n).collect::<Vec<_>>())
    });
    view! {
        <section class="panel journey-panel" aria-labelledby="journey-heading" data-testid="journey-panel">
            <h2 id="journey-heading">{move || t().journey_heading}</h2>
            <p class="help">{move || t().journey_help}</p>
            <div class="figures">
                <FigureCard label=label(|t| t.journey_buy_chance) testid="out-journey-buy" value=fig(|j| Ok(j.solution.newcomer_buy)) format=percent class="key" />
                <FigureCard label=per_period(|t| t.journey_customers) testid="out-journey-customers" value=fig(|j| Ok(j.customers)) format=count class="key" />
                <FigureCard label=per_period(|t| t.journey_funnel_customers) testid="out-journey-funnel-customers" value=fig(|j| Ok(j.funnel_customers)) format=count />
                <FigureCard label=label(|t| t.journey_vs_funnel) testid="out-journey-vs-funnel" value=fig(|j| j.vs_funnel) format=change />
                <FigureCard label=label(|t| t.journey_steps) testid="out-journey-steps" value=fig(|j| Ok(j.solution.newcomer_steps)) format=decimal />
                <FigureCard
                    label=label(|t| t.journey_days)
                    testid="out-journey-days"
                    value=days_figure
                    format=days
                />
            </div>
            <p class="help">{move || t().journey_days_note}</p>
            {move || comparison().map(|c| view! { <p class="journey-compare" data-testid="journey-compare">{c}</p> })}
            {move || {
                let lines = problem_lines();
                (!lines.is_empty())
                    .then(|| {
                        let kept = if state.journey_shown.with(Option::is_some) { t().journey_last_valid } else { t().journey_no_valid };
                        view! {
                            <div class="journey-problems" role="alert" data-testid="journey-problem">
                                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                <p>{kept}</p>
                            </div>
                        }
                    })
            }}
            <figure class="chart">
                <ChartCanvas
                    testid="chart-journey"
                    label=label(|t| t.journey_chart_label)
                    described_by="journey-matrix-table"
                    chart=Callback::new(move |()| {
                        let fmt = crate::components::chart_canvas::Numbers::shared(state.lang.get(), state.currency.get_untracked());
                        crate::chart::Chart::new(crate::chart::Kind::Journey(chart_input.get()), fmt)
                    })
                />
                {move || {
                    let n = left_out.get();
                    (n > 0)
                        .then(|| {
                            let k = crate::chart::journey::MOVES_DRAWN.to_string();
                            let text = fill(t().journey_chart_left_out, &[("k", &k), ("n", &n.to_string())]);
                            view! { <figcaption class="help" data-testid="journey-chart-note" data-value=n.to_string()>{text}</figcaption> }
                        })
                }}
            </figure>
            <div class="journey-tables">
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || t().journey_matrix>
                    // the chart's text alternative: its aria-describedby points here
                    <table class="heat" data-testid="journey-matrix" id="journey-matrix-table">
                        <caption>{move || t().journey_matrix}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || t().journey_from}</th>
                                {heat_head}
                                <th scope="col">{move || t().journey_buy}</th>
                                <th scope="col">{move || t().journey_lost}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || ids.get() key=|id| *id let(id)>
                                <HeatRow id=id ids=ids names=stage_names chain=chain />
                            </For>
                        </tbody>
                    </table>
                </div>
            </div>
            <div class="journey-tables">
                <Show when=move || state.journey_shown.with(Option::is_some)>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=move || t().journey_states>
                        <table class="journey-states" data-testid="journey-states">
                            <caption>{move || t().journey_states}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || t().table_stage}</th>
                                    <th scope="col">{move || t().stage_probability}</th>
                                    <th scope="col">{move || t().journey_visits}</th>
                                    <th scope="col">{move || t().journey_steps_from}</th>
                                    <th scope="col">{move || t().journey_days_from}</th>
                                </tr>
                            </thead>
                            <tbody>
                                <For each=move || solved_ids.get() key=|id| *id let(id)>
                                    <StateRow id=id ids=ids names=stage_names has_days=has_days table=table />
                                </For>
                            </tbody>
                        </table>
                    </div>
                </Show>
            </div>
            <p class="journey-entries" data-testid="journey-entries-total" data-value=move || format::raw(entries_total.get())>
                {move || fill(t().journey_entries_total, &[("sum", &format::percent(state.lang.get(), entries_total.get()))])}
            </p>
            <ol class="journey-rows">
                <For each=rows key=|row| row.clone() let((_, id, index, _))>
                    <JourneyRow id=id index=index ids=ids names=stage_names />
                </For>
            </ol>
            <button
                type="button"
                data-testid="journey-rebuild"
                title=move || t().journey_rebuild_help
                on:click=move |_| {
                    let before = state.scenario.with_untracked(crate::calc::Scenario::clone);
                    let _ = state.edit(|s| {
                        s.journey_from_funnel();
                        Ok(())
                    });
                    if state.scenario.with_untracked(|s| s.stages != before.stages) {
                        state.notify_undo(crate::state::NoticeKind::JourneyRebuilt, before);
                    }
                }
            >
                {move || t().journey_rebuild}
            </button>
            <h3>{move || t().journey_recovery_heading}</h3>
            <p class="help">{move || t().journey_recovery_help}</p>
            <div class="journey-recovery">
                <NumberField
                    label=label(|t| t.journey_recovery)
                    testid="journey-recovery"
                    id="journey-recovery"
                    value=recovery
                    unit="%"
                    on_input=Callback::new(move |v| state.edit(|s| s.set_recovery_percent(v)))
                />
                <label class="field">
                    <span>{move || t().journey_recover_to}</span>
                    <select
                        data-testid="journey-recover-to"
                        on:change=move |ev| {
                            let pick = event_target_value(&ev).parse::<usize>().ok();
                            let _ = state.edit(|s| {
                                if let Some(st) = pick.and_then(|n| s.stages.get(n.wrapping_sub(1))) {
                                    let id = st.id;
                                    s.set_recover_to(id);
                                }
                                Ok(())
                            });
                        }
                    >
                        {move || {
                            stage_names
                                .get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, name)| {
                                    view! {
                                        <option value=(i + 1).to_string() prop:selected=move || recover_to.get() == i>
                                            {format!("{}. {name}", i + 1)}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <FigureCard
                    label=per_period(|t| t.journey_recovered)
                    testid="out-journey-recovered"
                    value=fig(|j| Ok(j.recovered()))
                    format=count
                />
            </div>
        </section>
    }
}

/// One state's row: where its people go next. Built for one position, set of names and
/// language (the panel rebuilds it when they change); only the shares are reactive.
#[component]
fn JourneyRow(
    /// The state's stage id.
    id: u32,
    /// Its position, 0-based.
    index: usize,
    /// Every stage's id, in order.
    ids: Memo<Vec<u32>>,
    /// Every stage's name, in order.
    names: Memo<Vec<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let texts = state.t_untracked();
    let name = names.with_untracked(|n| n.get(index).cloned().unwrap_or_default());
    // this state's moves, a field of its stage: an edit elsewhere wakes none of its fields
    let stage = StoredValue::new(crate::state::stage_field(state, id));
    let moves = Memo::new(move |_| stage.get_value().try_with(|st| st.moves.clone()).flatten().unwrap_or_default());
    let rest = Memo::new(move |_| moves.with(|m| 1.0 - m.sum()));
    let open = move || rest.get().abs() > TOLERANCE;
    // "lost" can take the rest unless the other moves alone exceed 100 %
    let can_take = move || moves.with(|m| m.lost + rest.get() >= -TOLERANCE);
    let from = (index + 1).to_string();
    let field = move |to: MoveTo, text: String, to_key: String| {
        let value = Signal::derive(move || {
            moves.with(|m| {
                100.0
                    * match to {
                        MoveTo::Stage(s) => m.to(s),
                        MoveTo::Buy => m.buy,
                        MoveTo::Lost => m.lost,
                    }
            })
        });
        let key = match to {
            MoveTo::Stage(s) => s.to_string(),
            MoveTo::Buy => "buy".into(),
            MoveTo::Lost => "lost".into(),
        };
        view! {
            <NumberField
                label=Signal::stored(text)
                testid="transition"
                id=format!("jr{id}-{key}")
                value=value
                unit="%"
                data=Signal::stored((from.clone(), to_key))
                on_input=Callback::new(move |v| state.edit(|s| s.set_move_percent(id, to, v)))
            />
        }
    };
    // the other stages, in order
    let targets: Vec<_> = ids.with_untracked(|ids| {
        names.with_untracked(|names| {
            ids.iter()
                .zip(names)
                .enumerate()
                .filter(|(_, (to, _))| **to != id)
                .map(|(j, (to, n))| {
                    let text = fill(texts.journey_to, &[("name", &format!("{}. {n}", j + 1))]);
                    field(MoveTo::Stage(*to), text, (j + 1).to_string())
                })
                .collect()
        })
    });
    let message = move || row_sum_text(t(), state.lang.get(), 1.0 - rest.get());
    view! {
        <li class="journey-row" class:invalid=open data-testid="journey-row">
            <fieldset>
                <legend>{format!("{}. {name}", index + 1)}</legend>
                <div class="moves">
                    {targets}
                    {field(MoveTo::Buy, texts.journey_buy.to_string(), "buy".to_string())}
                    {field(MoveTo::Lost, texts.journey_lost.to_string(), "lost".to_string())}
                </div>
                <p class="journey-rest">
                    <output data-testid="journey-rest" data-value=move || format::raw(rest.get())>
                        {move || fill(t().journey_rest, &[("pct", &format::percent(state.lang.get(), rest.get()))])}
                    </output>
                    <button
                        type="button"
                        data-testid="journey-rest-to-lost"
                        hidden=move || !open()
                        disabled=move || !can_take()
                        on:click=move |_| {
                            let _ = state.edit(|s| s.lost_takes_rest(id));
                        }
                    >
                        {move || t().journey_rest_to_lost}
                    </button>
                </p>
                {move || open().then(|| view! { <p class="row-problem" role="alert" data-testid="journey-row-problem">{message()}</p> })}
            </fieldset>
        </li>
    }
}

/// The position of stage `id` among `ids`.
fn position(ids: Memo<Vec<u32>>, id: u32) -> Memo<Option<usize>> {
    Memo::new(move |_| ids.with(|ids| ids.iter().position(|i| *i == id)))
}

/// "2. Consideration": a state's name with its number, as the row's header.
fn row_label(index: Memo<Option<usize>>, names: Memo<Vec<String>>) -> impl Fn() -> Option<String> {
    move || {
        let i = index.get()?;
        names.with(|names| names.get(i).map(|name| format!("{}. {name}", i + 1)))
    }
}

/// One state's row of the heat map of the moves as typed: to each state, buy, lost, in five
/// steps of colour by share (the diagonal is never a move). Its cells are built again when
/// its moves or the language change.
#[component]
fn HeatRow(
    /// The state's stage id.
    id: u32,
    /// Every stage's id, in order.
    ids: Memo<Vec<u32>>,
    /// Every stage's name, in order.
    names: Memo<Vec<String>>,
    /// The moves as typed.
    chain: Memo<crate::calc::markov::Chain>,
) -> impl IntoView {
    let state = use_app_state();
    let index = position(ids, id);
    // this row's shares alone, with its position (for the diagonal)
    let shares = Memo::new(move |_| {
        let i = index.get()?;
        chain.with(|c| {
            let row = c.q.get(i)?;
            Some((i, row.iter().copied().chain([c.buy[i], c.lost[i]]).collect::<Vec<_>>()))
        })
    });
    let cells = move || {
        let lang = state.lang.get();
        shares.with(|shares| {
            let (i, row) = shares.as_ref()?;
            let cells = row.iter().enumerate().map(|(j, v)| {
                let level =
                    if j == *i { "self".to_string() } else { format!("h{}", (v.clamp(0.0, 1.0) * 5.0).ceil() as u8) };
                let text = if *v > 0.0 { format::percent(lang, *v) } else { String::new() };
                view! { <td class=level data-value=format::raw(*v)>{text}</td> }
            });
            Some(cells.collect_view())
        })
    };
    view! {
        <tr>
            <th scope="row">{row_label(index, names)}</th>
            {cells}
        </tr>
    }
}

/// One state's row of the outcomes of the last solvable journey: chance to buy, visits,
/// steps and days from there (`journey-state-*`, with `data-value`).
#[component]
fn StateRow(
    /// The state's stage id.
    id: u32,
    /// Every stage's id, in order.
    ids: Memo<Vec<u32>>,
    /// Every stage's name, in order.
    names: Memo<Vec<String>>,
    /// Whether any stage has days (else the days are a dash, as on the card).
    has_days: Memo<bool>,
    /// Every state's numbers, in order: chance to buy, visits, steps, days.
    table: Memo<Vec<[f64; 4]>>,
) -> impl IntoView {
    let state = use_app_state();
    let index = position(ids, id);
    // this row's numbers alone: its cells change only when they do
    let numbers = Memo::new(move |_| {
        let i = index.get()?;
        table.with(|rows| rows.get(i).copied())
    });
    // and as shown, formatted together: each cell reads its own text and raw number
    let texts = Memo::new(move |_| {
        let lang = state.lang.get();
        let n = numbers.get()?;
        // without days per stage there are no days to count: a dash, as on the card
        let days = if has_days.get() { format::decimal(lang, n[3], 1) } else { "–".to_string() };
        Some([format::percent(lang, n[0]), format::decimal(lang, n[1], 2), format::decimal(lang, n[2], 1), days])
    });
    let raw = move |k: usize| move || numbers.with(|n| n.map(|n| format::raw(n[k])));
    let shown = move |k: usize| move || texts.with(|t| t.as_ref().map(|t| t[k].clone()));
    view! {
        <tr>
            <th scope="row">{row_label(index, names)}</th>
            <td data-value=raw(0) data-testid="journey-state-buy">{shown(0)}</td>
            <td data-value=raw(1) data-testid="journey-state-visits">{shown(1)}</td>
            <td data-value=raw(2) data-testid="journey-state-steps">{shown(2)}</td>
            <td data-value=raw(3) data-testid="journey-state-days">{shown(3)}</td>
        </tr>
    }
}
