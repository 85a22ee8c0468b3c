//! The notice area: non-blocking messages (storage trouble, a deleted scenario with
//! "Undo"), announced politely to screen readers: a live region whose notices keep their
//! nodes while shown, so only a new one is announced.

use leptos::prelude::*;

use crate::i18n::texts::fill;
use crate::i18n::Texts;
use crate::state::{use_app_state, Notice, NoticeKind, UNDO_MS};
use crate::storage::share::ShareError;
use crate::storage::transfer::ImportProblem;
use crate::storage::LoadError;

/// What a notice says, in the language of `t`.
pub fn text(t: &Texts, kind: &NoticeKind) -> String {
    match kind {
        NoticeKind::StorageUnavailable => t.notice_storage_unavailable.to_string(),
        NoticeKind::StorageFull => t.notice_storage_full.to_string(),
        NoticeKind::Corrupt { backup } => fill(t.notice_storage_corrupt, &[("key", backup)]),
        NoticeKind::Future => t.notice_storage_future.to_string(),
        NoticeKind::ChangedElsewhere { name, deleted: false } => fill(t.notice_changed_elsewhere, &[("name", name)]),
        NoticeKind::ChangedElsewhere { name, deleted: true } => fill(t.notice_deleted_elsewhere, &[("name", name)]),
        NoticeKind::Repaired(n) => fill(t.notice_storage_repaired, &[("n", &n.to_string())]),
        NoticeKind::Deleted { name } => fill(t.notice_deleted, &[("name", name)]),
        NoticeKind::NewFromTemplate { name } => fill(t.notice_new_from_template, &[("name", name)]),
        NoticeKind::ShareFailed(error) => match error {
            ShareError::TooLong => t.notice_share_too_long,
            ShareError::Damaged => t.notice_share_damaged,
            ShareError::FutureVersion => t.notice_share_future,
            ShareError::Unreadable => t.notice_share_unreadable,
        }
        .to_string(),
        NoticeKind::SharedSaved { name } => fill(t.notice_shared_saved, &[("name", name)]),
        NoticeKind::Imported(n) => fill(t.notice_imported, &[("n", &n.to_string())]),
        NoticeKind::ImportFailed { file, problem } => {
            let template = match problem {
                ImportProblem::TooLarge => t.notice_import_too_large,
                ImportProblem::Unreadable => t.notice_import_unreadable,
                ImportProblem::Load(LoadError::NotJson) => t.notice_import_not_json,
                ImportProblem::Load(LoadError::NotOurs) => t.notice_import_not_ours,
                ImportProblem::Load(LoadError::FutureVersion(_)) => t.notice_import_future,
                ImportProblem::Load(LoadError::NoScenarios) => t.notice_import_empty,
            };
            fill(template, &[("file", file)])
        }
        NoticeKind::UpdateReady => t.notice_update_ready.to_string(),
        NoticeKind::LanguageUnavailable(lang) => {
            fill(t.notice_language_unavailable, &[("language", lang.native_name())])
        }
        NoticeKind::StageRemoved { name } => fill(t.notice_stage_removed, &[("name", name)]),
        NoticeKind::SourceRemoved { name } => fill(t.notice_source_removed, &[("name", name)]),
        NoticeKind::PurchaseMoved { removed, now } => fill(t.notice_purchase_moved, &[("name", removed), ("now", now)]),
        NoticeKind::JourneyRebuilt => t.notice_journey_rebuilt.to_string(),
        NoticeKind::TemplateReplaced { name } => fill(t.notice_template_replaced, &[("name", name)]),
        NoticeKind::GoalCleared => t.notice_goal_cleared.to_string(),
    }
}

/// The notice area, a polite live region. Each notice keeps its node while it is shown
/// (keyed by its id): a re-created node would be announced again. Its text and its buttons'
/// labels follow the language.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let state = use_app_state();
    view! {
        <div class="notices" data-testid="notice" role="status" aria-live="polite">
            <For each=move || state.notices.get() key=|notice| notice.id let(notice)>
                <NoticeLine notice=notice />
            </For>
        </div>
    }
}

/// One notice: its message and its buttons (undo, or keep this tab's version; reload for a
/// new version; dismiss). A notice that offers undo goes after [`UNDO_MS`].
#[component]
fn NoticeLine(
    /// The notice: its id, what it says and what Undo puts back.
    notice: Notice,
) -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let Notice { id, kind, undo, .. } = notice;
    // a version from another tab is replaced by this tab's; anything else is undone
    let keep = matches!(kind, NoticeKind::ChangedElsewhere { .. });
    let reload = kind == NoticeKind::UpdateReady;
    let message = move || text(t(), &kind);
    if undo.is_some() && !keep {
        // the outside world: a timer; the notice may be gone already
        set_timeout(move || state.dismiss(id), std::time::Duration::from_millis(UNDO_MS));
    }
    let restore = undo.map(|_| {
        view! {
            <button
                type="button"
                class="link"
                data-testid=if keep { "notice-keep-mine" } else { "notice-undo" }
                on:click=move |_| state.undo(id)
            >
                {move || if keep { t().keep_mine } else { t().undo }}
            </button>
        }
    });
    let apply_update = move |_| {
        if let Ok(ev) = web_sys::Event::new("tragt:update-apply") {
            let _ = window().dispatch_event(&ev);
        }
    };
    view! {
        <p class="notice">
            <span>{message}</span>
            {restore}
            {reload
                .then(|| {
                    view! {
                        <button type="button" class="link" data-testid="update-reload" on:click=apply_update>
                            {move || t().update_reload}
                        </button>
                    }
                })}
            <button type="button" class="link dismiss" aria-label=move || t().dismiss on:click=move |_| state.dismiss(id)>
                "×"
            </button>
        </p>
    }
}
