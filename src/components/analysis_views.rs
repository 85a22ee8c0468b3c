//! The analyses as views: a WAI-ARIA tablist (arrow keys, Home and End move between the
//! tabs, Enter or Space opens one) and the one open view's panel. The tabs are the views
//! the page offers for the open scenario's mode ([`crate::views::Offered`]); a view adds
//! the per-stage inputs it uses to the stage rows while it is open.

use leptos::prelude::*;

use crate::components::{
    BottleneckPanel, CompareView, GoalPanel, JourneyPanel, PipelinePanel, ReferralPanel, TimePanel, TrafficPanel,
    UncertaintyPanel,
};
use crate::i18n::Texts;
use crate::state::{use_app_state, ScenarioFields};
use crate::views::View;

/// A view's tab label.
fn label(t: &Texts, view: View) -> &'static str {
    match view {
        View::Leaks => t.view_leaks,
        View::Goal => t.view_goal,
        View::Traffic => t.view_traffic,
        View::Time => t.view_time,
        View::Uncertainty => t.view_uncertainty,
        View::Pipeline => t.view_pipeline,
        View::Referrals => t.view_referrals,
        View::Compare => t.view_compare,
        View::Journey => t.view_journey,
    }
}

/// The `id` of a view's tab.
fn tab_id(view: View) -> String {
    format!("view-tab-{}", view.name())
}

/// The `id` of a view's panel.
pub fn panel_id(view: View) -> String {
    format!("view-panel-{}", view.name())
}

/// Moves focus to a view's tab.
fn focus_tab(view: View) {
    if let Some(tab) = document().get_element_by_id(&tab_id(view)) {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(tab).focus();
    }
}

/// The view a key moves to from the tab at `at` of `count` (wrapping), if it is a tablist key.
fn key_target(key: &str, at: usize, count: usize) -> Option<usize> {
    match key {
        "ArrowRight" | "ArrowDown" => Some((at + 1) % count),
        "ArrowLeft" | "ArrowUp" => Some((at + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// A view's content.
fn content(view: View) -> AnyView {
    match view {
        View::Leaks => view! { <BottleneckPanel /> }.into_any(),
        View::Goal => view! { <GoalPanel /> }.into_any(),
        View::Traffic => view! { <TrafficPanel /> }.into_any(),
        View::Time => view! { <TimePanel /> }.into_any(),
        View::Uncertainty => view! { <UncertaintyPanel /> }.into_any(),
        View::Pipeline => view! { <PipelinePanel /> }.into_any(),
        View::Referrals => view! { <ReferralPanel /> }.into_any(),
        View::Compare => view! { <CompareView /> }.into_any(),
        View::Journey => view! { <JourneyPanel /> }.into_any(),
    }
}

/// The tabs and the open view.
#[component]
pub fn AnalysisViews() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let journey = Memo::new(move |_| state.scenario.mode().get() == crate::calc::Mode::Journey);
    let tabs = Memo::new(move |_| state.offered.with_value(|o| o.tabs(journey.get())));
    let tab = move |view: View| {
        let selected = move || state.view.get() == Some(view);
        // the tab that takes focus from outside the list: the open one, else the first
        let focusable = move || selected() || (state.view.get().is_none() && tabs.with(|t| t.first() == Some(&view)));
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            let list = tabs.get_untracked();
            let Some(at) = list.iter().position(|v| *v == view) else { return };
            if let Some(to) = key_target(&ev.key(), at, list.len()) {
                ev.prevent_default();
                focus_tab(list[to]);
            }
        };
        view! {
            <button
                type="button"
                role="tab"
                class="view-tab"
                id=tab_id(view)
                data-testid=tab_id(view)
                aria-selected=move || selected().to_string()
                // a tab points at its panel while the panel is there
                aria-controls=move || selected().then(|| panel_id(view))
                tabindex=move || if focusable() { "0" } else { "-1" }
                on:click=move |_| state.open_view(Some(view))
                on:keydown=on_key
            >
                {move || label(t(), view)}
            </button>
        }
    };
    let panel = move || {
        let view = state.view.get()?;
        // a journey's view is open whenever no other is chosen: it cannot be closed
        let closable = view != View::Journey;
        // the forecasting views follow once typing pauses, and mount after the first figures
        let settles = !matches!(view, View::Journey | View::Compare | View::Traffic);
        let body = move || (state.analysis_ready.get() || !settles).then(|| content(view));
        Some(view! {
            <div
                role="tabpanel"
                class="view-panel"
                id=panel_id(view)
                data-testid=format!("view-{}", view.name())
                aria-labelledby=tab_id(view)
                aria-busy=move || (settles && state.settling.get()).to_string()
            >
                {closable
                    .then(|| {
                        view! {
                            <button type="button" class="link view-close" data-testid="view-close" on:click=move |_| state.open_view(None)>
                                {move || t().view_close}
                            </button>
                        }
                    })}
                {body}
            </div>
        })
    };
    view! {
        <Show when=move || tabs.with(|t| !t.is_empty())>
            <section class="views" aria-label=move || t().views_label>
                <div class="view-tabs" role="tablist" aria-label=move || t().views_label>
                    <For each=move || tabs.get() key=|view| *view let:view>
                        {tab(view)}
                    </For>
                </div>
                {panel}
            </section>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::key_target;

    #[test]
    fn arrow_keys_wrap_and_home_and_end_go_to_the_ends() {
        assert_eq!(key_target("ArrowRight", 0, 7), Some(1));
        assert_eq!(key_target("ArrowRight", 6, 7), Some(0));
        assert_eq!(key_target("ArrowLeft", 0, 7), Some(6));
        assert_eq!(key_target("Home", 4, 7), Some(0));
        assert_eq!(key_target("End", 1, 7), Some(6));
        assert_eq!(key_target("Enter", 1, 7), None);
        assert_eq!(key_target("a", 1, 7), None);
    }
}
