//! The notice area: non-blocking messages (storage trouble, a deleted scenario with
//! "Undo"), announced politely to screen readers.

use leptos::prelude::*;

use crate::i18n::texts::fill;
use crate::i18n::Texts;
use crate::state::{use_app_state, Notice, NoticeKind};

fn text(t: &Texts, kind: &NoticeKind) -> String {
    match kind {
        NoticeKind::StorageUnavailable => t.notice_storage_unavailable.to_string(),
        NoticeKind::StorageFull => t.notice_storage_full.to_string(),
        NoticeKind::Corrupt { backup } => fill(t.notice_storage_corrupt, &[("key", backup)]),
        NoticeKind::Future { backup } => fill(t.notice_storage_future, &[("key", backup)]),
        NoticeKind::Repaired(n) => fill(t.notice_storage_repaired, &[("n", &n.to_string())]),
        NoticeKind::Deleted { name } => fill(t.notice_deleted, &[("name", name)]),
        NoticeKind::NewFromTemplate { name } => fill(t.notice_new_from_template, &[("name", name)]),
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
                    <span>{move || text(t(), &notice.kind)}</span>
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
