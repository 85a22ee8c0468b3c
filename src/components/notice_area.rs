//! The notice area: non-blocking messages (storage trouble, a deleted scenario with
//! "Undo"), announced politely to screen readers.

use leptos::prelude::*;

use crate::i18n::texts::fill;
use crate::i18n::Texts;
#[cfg(target_arch = "wasm32")]
use crate::state::Notice;
use crate::state::{use_app_state, NoticeKind};
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
    }
}

/// The notice area. Built as plain DOM that keeps each notice's node while it is shown:
/// the area is a live region, and a re-created node would be announced again. One click
/// listener serves every button (`data-action`, `data-id`).
#[component]
pub fn NoticeArea() -> impl IntoView {
    let state = use_app_state();
    let area = NodeRef::<leptos::html::Div>::new();
    #[cfg(target_arch = "wasm32")]
    {
        // the shown notices: id, node and the text last written
        let shown = StoredValue::new(Vec::<(u64, web_sys::Element, String)>::new());
        Effect::new(move |_| {
            let t = state.t();
            let Some(area) = area.get() else { return };
            state.notices.with(|notices| shown.update_value(|shown| sync(&area, shown, notices, t)));
        });
    }
    let on_click = move |ev: leptos::ev::MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::JsCast;
            let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let id = button.get_attribute("data-id").and_then(|id| id.parse::<u64>().ok());
            match (button.get_attribute("data-action").as_deref(), id) {
                (Some("undo" | "keep"), Some(id)) => {
                    let deleted = state
                        .notices
                        .with_untracked(|list| list.iter().find(|n| n.id == id).and_then(|n| n.undo.clone()));
                    if let Some(deleted) = deleted {
                        state.workspace.update(|w| w.restore(deleted));
                    }
                    state.dismiss(id);
                }
                (Some("dismiss"), Some(id)) => state.dismiss(id),
                (Some("reload"), _) => {
                    if let Ok(ev) = web_sys::Event::new("tragt:update-apply") {
                        let _ = window().dispatch_event(&ev);
                    }
                }
                _ => {}
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = ev;
    };
    #[cfg(not(target_arch = "wasm32"))]
    let _ = state;
    view! { <div class="notices" data-testid="notice" role="status" aria-live="polite" node_ref=area on:click=on_click></div> }
}

/// Brings the area's nodes in line with `notices`: removes the dismissed, adds the new
/// (in order, at the end), and rewrites a text only where it changed (a language switch).
#[cfg(target_arch = "wasm32")]
fn sync(
    area: &web_sys::HtmlDivElement,
    shown: &mut Vec<(u64, web_sys::Element, String)>,
    notices: &[Notice],
    t: &Texts,
) {
    shown.retain(|(id, node, _)| {
        let keep = notices.iter().any(|n| n.id == *id);
        if !keep {
            node.remove();
        }
        keep
    });
    let doc = document();
    for notice in notices {
        let message = text(t, &notice.kind);
        if let Some((_, node, written)) = shown.iter_mut().find(|(id, ..)| *id == notice.id) {
            if *written != message {
                if let Some(span) = node.first_element_child() {
                    span.set_text_content(Some(&message));
                }
                for button in [
                    node.query_selector("[data-action=undo]"),
                    node.query_selector("[data-action=keep]"),
                    node.query_selector("[data-action=reload]"),
                    node.query_selector("[data-action=dismiss]"),
                ]
                .into_iter()
                .flatten()
                .flatten()
                {
                    label_button(&button, t);
                }
                *written = message;
            }
            continue;
        }
        let Ok(p) = doc.create_element("p") else { continue };
        p.set_class_name("notice");
        if let Ok(span) = doc.create_element("span") {
            span.set_text_content(Some(&message));
            let _ = p.append_child(&span);
        }
        let id = notice.id.to_string();
        let mut actions = Vec::new();
        if notice.undo.is_some() {
            // a version from another tab is replaced by this tab's; a deletion is undone
            actions.push(if matches!(notice.kind, NoticeKind::ChangedElsewhere { .. }) { "keep" } else { "undo" });
        }
        if notice.kind == NoticeKind::UpdateReady {
            actions.push("reload");
        }
        actions.push("dismiss");
        for action in actions {
            let Ok(button) = doc.create_element("button") else { continue };
            let _ = button.set_attribute("type", "button");
            button.set_class_name(if action == "dismiss" { "link dismiss" } else { "link" });
            let _ = button.set_attribute("data-action", action);
            let _ = button.set_attribute("data-id", &id);
            if action == "reload" {
                let _ = button.set_attribute("data-testid", "update-reload");
            }
            if action == "keep" {
                let _ = button.set_attribute("data-testid", "notice-keep-mine");
            }
            label_button(&button, t);
            let _ = p.append_child(&button);
        }
        let _ = area.append_child(&p);
        shown.push((notice.id, p, message));
    }
}

/// A notice button's text (or, for "×", its accessible name) in the language of `t`.
#[cfg(target_arch = "wasm32")]
fn label_button(button: &web_sys::Element, t: &Texts) {
    match button.get_attribute("data-action").as_deref() {
        Some("undo") => button.set_text_content(Some(t.undo)),
        Some("keep") => button.set_text_content(Some(t.keep_mine)),
        Some("reload") => button.set_text_content(Some(t.update_reload)),
        _ => {
            button.set_text_content(Some("×"));
            let _ = button.set_attribute("aria-label", t.dismiss);
        }
    }
}
