//! Goal seeking (MODELS.md §3.6): a target of customers or of revenue per period, the
//! spend it takes at the current cost per customer, and whether the scenario reaches it.
//! Each stage shows the entrants the goal needs (in its row). The goal is part of the
//! scenario and changes none of its numbers.

use leptos::prelude::*;

use crate::calc::goal::Target;
use crate::calc::traffic::GoalBudget;
use crate::calc::{Quantity, Undefined};
use crate::components::figure::money;
use crate::components::stage_row::period_name;
use crate::components::traffic_panel::shown_source_name;
use crate::components::{FigureCard, NumberField};
use crate::i18n::texts::fill;
use crate::state::{use_app_state, ScenarioFields};

/// The goal panel.
#[component]
pub fn GoalPanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let period = move || period_name(t(), state.period.get());
    let per_period =
        move |f: fn(&crate::i18n::Texts) -> &'static str| Signal::derive(move || fill(f(t()), &[("period", period())]));
    // the two fields show the same target: customers, and customers × order value
    // a memo: the open scenario changes on every keystroke, the goal rarely
    let goal_and_aov = Memo::new(move |_| state.scenario.with(|s| (s.goal, s.economics.aov)));
    let target = move || goal_and_aov.get();
    // a derived side that overflows (a tiny order value) is left empty; the status line
    // below says why the goal cannot be planned
    let shown = |v: f64| if v.is_finite() { v } else { f64::NAN };
    let customers = Signal::derive(move || match target() {
        (Some(Target::Customers(c)), _) => c,
        (Some(Target::Revenue(r)), aov) if aov > 0.0 => shown(r / aov),
        _ => 0.0,
    });
    let revenue = Signal::derive(move || match target() {
        (Some(Target::Revenue(r)), _) => r,
        (Some(Target::Customers(c)), aov) => shown(c * aov),
        _ => 0.0,
    });
    let set = move |quantity: Quantity, make: fn(f64) -> Target| {
        Callback::new(move |v: f64| {
            let v = quantity.check(v)?;
            state.edit(|s| {
                s.goal = Some(make(v));
                Ok(())
            })
        })
    };
    let spend = Signal::derive(move || state.goal.with(|g| g.as_ref().map_or(Err(Undefined::NoTarget), |p| p.spend)));
    let status = move || {
        let lang = state.lang.get();
        state.goal.with(|g| match g {
            None => t().goal_hint.to_string(),
            Some(p) => match p.customers {
                Err(why) => crate::i18n::messages::undefined(t(), why).to_string(),
                Ok(_) if p.reached => t().goal_reached.to_string(),
                Ok(target) => {
                    let short = target - state.forecast.with(|f| f.customers);
                    let n = crate::i18n::format::count(lang, short);
                    fill(t().goal_short, &[("n", &n), ("period", period())])
                }
            },
        })
    };
    let reached = move || state.goal.with(|g| g.as_ref().is_some_and(|p| p.reached));
    view! {
        <section class="panel goal-panel" aria-labelledby="goal-heading">
            <h2 id="goal-heading">{move || t().goal_heading}</h2>
            <div class="grid-2">
                <NumberField
                    label=per_period(|t| t.goal_customers)
                    testid="goal-customers"
                    id="goal-customers"
                    value=customers
                    on_input=set(Quantity::Count, Target::Customers)
                />
                <NumberField
                    label=per_period(|t| t.goal_revenue)
                    testid="goal-revenue"
                    id="goal-revenue"
                    value=revenue
                    on_input=set(Quantity::Money, Target::Revenue)
                />
            </div>
            <p class="goal-status" class:reached=reached data-testid="goal-status" role="status">
                {status}
            </p>
            <div class="figures">
                <FigureCard label=per_period(|t| t.goal_spend) testid="goal-spend" value=spend format=money />
                <Show when=move || state.forecast.with(|f| f.traffic.is_some())>
                    <GoalBudgetCard />
                </Show>
            </div>
            <button
                type="button"
                class="link"
                data-testid="goal-clear"
                disabled=move || goal_and_aov.with(|(goal, _)| goal.is_none())
                on:click=move |_| {
                    let before = state.scenario.with_untracked(crate::calc::Scenario::clone);
                    let _ = state.edit(|s| {
                        s.goal = None;
                        Ok(())
                    });
                    state.notify_undo(crate::state::NoticeKind::GoalCleared, before);
                }
            >
                {move || t().goal_clear}
            </button>
        </section>
    }
}

/// The media budget the goal needs at today's mix of traffic sources (MODELS.md §3.12): each
/// paid source's budget scaled by the same factor, in total and per paid source.
#[component]
fn GoalBudgetCard() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let period = move || period_name(t(), state.period.get());
    let plan = Memo::new(move |_| {
        let target = state.goal.with(|g| g.as_ref().map(|p| p.customers));
        state.forecast.with(|f| match (target, f.traffic.as_ref()) {
            (Some(Ok(target)), Some(traffic)) => traffic.goal_budget(target),
            (Some(Err(why)), _) => Err(why),
            _ => Err(Undefined::NoTarget),
        })
    });
    // the total, or why there is none (no paid source with customers has its own words)
    let total = Signal::derive(move || {
        plan.with(|p| match p {
            Ok(GoalBudget::Scaled { total, .. }) => Ok(*total),
            // no paid source needs more; what the free ones cost stays
            Ok(GoalBudget::FreeSourcesSuffice) => Ok(state.forecast.with(|f| {
                f.traffic.as_ref().map_or(0.0, |t| t.sources.iter().filter(|s| !s.paid).map(|s| s.spend).sum())
            })),
            Err(why) => Err(*why),
        })
    });
    let note = Signal::derive(move || {
        plan.with(|p| match p {
            Ok(GoalBudget::FreeSourcesSuffice) => Some(t().goal_budget_free.to_string()),
            Ok(GoalBudget::Scaled { .. }) => Some(t().goal_budget_help.to_string()),
            Err(Undefined::NoCustomers) => Some(t().goal_budget_no_paid.to_string()),
            Err(_) => None,
        })
    });
    // each paid source's budget for the goal
    let per_source = move || {
        let lang = state.lang.get();
        let currency = state.currency.get();
        let names: Vec<String> =
            state.scenario.sources().with(|list| (0..list.len()).map(|i| shown_source_name(list, i, t())).collect());
        plan.with(|p| match p {
            Ok(GoalBudget::Scaled { budgets, .. }) => state.forecast.with(|f| {
                let paid = f
                    .traffic
                    .as_ref()
                    .map(|t| t.sources.iter().map(|s| s.paid).collect::<Vec<_>>())
                    .unwrap_or_default();
                budgets
                    .iter()
                    .zip(names)
                    .zip(paid)
                    .filter(|(_, paid)| *paid)
                    .map(|((budget, name), _)| {
                        let value = crate::i18n::format::raw(*budget);
                        let text = format!("{name}: {}", crate::i18n::format::money(lang, currency, *budget));
                        view! { <li data-testid="goal-budget-source" data-value=value>{text}</li> }
                    })
                    .collect_view()
            }),
            _ => Vec::new().collect_view(),
        })
    };
    view! {
        <FigureCard
            label=Signal::derive(move || fill(t().goal_budget, &[("period", period())]))
            testid="goal-budget"
            value=total
            format=money
            note=note
        />
        <ul class="goal-budgets">{per_source}</ul>
    }
}
