//! The self-assessment for a prospect, beside the figures: the stage that leaks most
//! against its benchmark and what reaching it is worth per period (or, with no gap, the
//! biggest lever), and three things to do at that stage: the model's advice for it
//! (MODELS.md §1, in the language files), else advice for the stage's part in the funnel.
//! It follows every keystroke: a few multiplications per stage.

use leptos::prelude::*;

use crate::calc::bottleneck::{benchmarks, finding, levers, Finding, Role};
use crate::calc::Scenario;
use crate::components::stage_row::{period_name, shown_stage_name};
use crate::i18n::texts::fill;
use crate::i18n::{format, Lang, Texts};
use crate::state::{use_app_state, ScenarioFields};

/// The assessment as shown.
#[derive(Clone, Debug, PartialEq)]
struct Shown {
    /// The stage, 1-based (`data-stage`).
    stage: usize,
    /// `leak` or `lever` (`data-kind`).
    kind: &'static str,
    /// The worth per period, raw (`data-value`).
    worth: String,
    /// The sentence: the stage, its rate against the benchmark, the worth.
    verdict: String,
    /// "Three things to do at …".
    title: String,
    /// The three things.
    actions: [&'static str; 3],
}

/// Advice for a stage that is not a template's, by its part in the funnel.
fn general(t: &'static Texts, role: Role) -> [&'static str; 3] {
    match role {
        Role::Attract => [t.assessment_attract_1, t.assessment_attract_2, t.assessment_attract_3],
        Role::Nurture => [t.assessment_nurture_1, t.assessment_nurture_2, t.assessment_nurture_3],
        Role::Close => [t.assessment_close_1, t.assessment_close_2, t.assessment_close_3],
        Role::Keep => [t.assessment_keep_1, t.assessment_keep_2, t.assessment_keep_3],
    }
}

impl Shown {
    fn of(s: &Scenario, lang: Lang) -> Option<Shown> {
        let t = Texts::of(lang);
        let found = finding(&levers(&s.funnel(), s.economics.aov, &benchmarks(s)))?;
        let stage = found.stage();
        let name = shown_stage_name(s, stage, lang);
        let amount = format::money(lang, s.currency, found.worth());
        let period = period_name(t, s.period);
        let (kind, verdict) = match found {
            Finding::Leak { rate, benchmark, .. } => (
                "leak",
                fill(
                    t.assessment_leak,
                    &[
                        ("stage", &name),
                        ("rate", &format::percent(lang, rate)),
                        ("benchmark", &format::percent(lang, benchmark)),
                        ("amount", &amount),
                        ("period", period),
                    ],
                ),
            ),
            Finding::Lever { .. } => {
                ("lever", fill(t.assessment_lever, &[("stage", &name), ("amount", &amount), ("period", period)]))
            }
        };
        // the model's own advice for the stage, else the advice for its part in the funnel
        let actions = s
            .template_stage(stage)
            .map(|n| lang.template(s.template).stage(n).actions)
            .filter(|actions| actions.iter().all(|a| !a.is_empty()))
            .unwrap_or_else(|| {
                let at = |id| s.index_of(id).unwrap_or(0);
                general(t, Role::of(stage, at(s.lead), at(s.purchase)))
            });
        Some(Shown {
            stage: stage + 1,
            kind,
            worth: format::raw(found.worth()),
            verdict,
            title: fill(t.assessment_actions, &[("stage", &name)]),
            actions,
        })
    }
}

/// The self-assessment (`assessment`).
#[component]
pub fn Assessment() -> impl IntoView {
    let state = use_app_state();
    // a journey's figures come from its chain, not from the straight funnel's rates: no
    // assessment, and no work for it on the journey's edits
    let shown = Memo::new(move |_| {
        if state.scenario.mode().get() != crate::calc::Mode::Funnel {
            return None;
        }
        let lang = state.lang.get();
        state.scenario.with(|s| Shown::of(s, lang))
    });
    let part = move |f: fn(&Shown) -> String| move || shown.with(|s| s.as_ref().map(f).unwrap_or_default());
    let actions = move || {
        shown
            .with(|s| s.as_ref().map(|s| s.actions).unwrap_or_default())
            .into_iter()
            .map(|a| view! { <li>{a}</li> })
            .collect_view()
    };
    view! {
        <Show when=move || shown.with(Option::is_some)>
            <section
                class="assessment funnel-only"
                data-testid="assessment"
                aria-labelledby="assessment-heading"
                data-stage=part(|s| s.stage.to_string())
                data-kind=part(|s| s.kind.to_string())
                data-value=part(|s| s.worth.clone())
            >
                <h3 id="assessment-heading">{move || state.t().assessment_heading}</h3>
                <p class="assessment-verdict">{part(|s| s.verdict.clone())}</p>
                <p class="assessment-title">{part(|s| s.title.clone())}</p>
                <ol class="assessment-actions">{actions}</ol>
            </section>
        </Show>
    }
}
