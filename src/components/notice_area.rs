//! The notice area: non-blocking messages (storage trouble, a deleted scenario with
//! "Undo"), announced politely to screen readers.

use leptos::prelude::*;

use crate::i18n::texts::fill;
use crate::i18n::Texts;
use crate::state::{use_app_state, Notice, NoticeKind};
use crate::storage::share::ShareError;
use crate::storage::transfer::ImportProblem;
use crate::storage::LoadError;

fn text(t: &Texts, kind: &NoticeKind) -> String {
    match kind {
        NoticeKind::StorageUnavailable => t.notice_storage_unavailable.to_string(),
        NoticeKind::StorageFull => t.notice_storage_full.to_string(),
        NoticeKind::Corrupt { backup } => fill(t.notice_storage_corrupt, &[("key", backup)]),
        NoticeKind::Future { backup } => fill(t.notice_storage_future, &[("key", backup)]),
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
        NoticeKind::LanguageUnavailable(lang) => fill(t.notice_language_unavailable, &[("language", lang.native_name())]),
    }
}

/// The notice area.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    view! {
        <div class="notices" data-testid="notice" role="status" aria-live="polite">
            <For each=move || state.notices.get() key=|n: &Notice| n.id let(notice)>
                <p class="notice">
                    {
                        let kind = notice.kind.clone();
                        view! { <span>{move || text(t(), &kind)}</span> }
                    }
                    {notice
                        .undo
                        .clone()
                        .map(|deleted| {
                            let id = notice.id;
                            view! {
                                <button
                                    type="button"
                                    class="link"
                                    on:click=move |_| {
                                        let deleted = deleted.clone();
                                        state.workspace.update(|w| w.restore(deleted));
                                        state.dismiss(id);
                                    }
                                >
                                    {move || t().undo}
                                </button>
                            }
                        })}
                    {(notice.kind == NoticeKind::UpdateReady)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="link"
                                    data-testid="update-reload"
                                    on:click=move |_| {
                                        #[cfg(target_arch = "wasm32")]
                                        if let Ok(ev) = web_sys::Event::new("tragt:update-apply") {
                                            let _ = window().dispatch_event(&ev);
                                        }
                                    }
                                >
                                    {move || t().update_reload}
                                </button>
                            }
                        })}
                    <button
                        type="button"
                        class="link dismiss"
                        aria-label=move || t().dismiss
                        on:click=move |_| state.dismiss(notice.id)
                    >
                        "×"
                    </button>
                </p>
            </For>
        </div>
    }
}
