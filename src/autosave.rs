//! Autosave, the app's side of storage: every change of the workspace is written after a short pause (debounced),
//! and at once when the page is hidden or left (`visibilitychange`, `pagehide`), so
//! closing a tab mid-typing loses nothing. `storage` returns what happened; a failed write
//! becomes a notice here.
//!
//! Another tab of the same app writes the same store: its write reaches this tab as a
//! `storage` event and is merged into this tab's scenarios ([`crate::storage::sync::merge`]), so
//! neither tab's work is overwritten silently.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::calc::Deleted;
use crate::state::{AppState, NoticeKind};
use crate::storage::browser::{clear, save, StorageIssue};
use crate::storage::migrate::{migrate, LoadError};
use crate::storage::{sync, Area};

/// Pause after the last change before writing.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// A change not yet written, and the timer that will write it.
#[derive(Clone, Copy, Default)]
struct Pending {
    dirty: bool,
    timer: Option<TimeoutHandle>,
}

/// Writes the workspace now if a write is pending.
fn flush(state: AppState, pending: StoredValue<Pending>) {
    let Pending { dirty, timer } = pending.get_value();
    if let Some(timer) = timer {
        timer.clear();
    }
    pending.set_value(Pending::default());
    if !dirty {
        return;
    }
    // the pause is over: what follows writes the change, or leaves it unsaved on purpose. The
    // mark lets a page (and the end-to-end tests) know that without waiting a fixed time.
    if let Some(perf) = window().performance() {
        let _ = perf.mark("tragt:autosave");
    }
    if !state.can_save.get_untracked() {
        return;
    }
    let keys = state.keys.get_value();
    let result = match state.savable() {
        Some(workspace) => save(&keys, &workspace),
        // only an unsaved shared scenario is left: the user deleted all of their own
        None => clear(&keys),
    };
    match result {
        Ok(()) => state.notices.update(|list| list.retain(|n| n.kind != NoticeKind::StorageFull)),
        Err(StorageIssue::Full) => state.notify(NoticeKind::StorageFull, None),
        Err(StorageIssue::Unavailable) => {
            state.can_save.set(false);
            state.notify(NoticeKind::StorageUnavailable, None);
        }
    }
}

/// Marks the workspace as changed and (re)starts the pause before it is written.
fn schedule(state: AppState, pending: StoredValue<Pending>) {
    if let Some(timer) = pending.get_value().timer {
        timer.clear();
    }
    let timer = set_timeout_with_handle(move || flush(state, pending), DEBOUNCE).ok();
    pending.set_value(Pending { dirty: true, timer });
}

/// Another tab wrote the store (`old` before, `new` now): merges its scenarios into this
/// tab's. Returns true when the workspace it set is already what the store holds (so that
/// change needs no write of its own).
fn on_other_tab(state: AppState, pending: StoredValue<Pending>, old: Option<String>, new: Option<String>) -> bool {
    // the other tab deleted all of its scenarios: this tab keeps its own, unsaved until
    // its next change
    let Some(new) = new else { return false };
    let theirs = match migrate(&new) {
        Ok(loaded) => loaded.workspace,
        Err(LoadError::FutureVersion(_)) => {
            // a newer version of the app, in the other tab: its file must stay as it is
            state.can_save.set(false);
            state.notify(NoticeKind::Future, None);
            return false;
        }
        // bytes this tab cannot read are not merged; they are moved aside at the next load
        Err(_) => return false,
    };
    let base = old.and_then(|old| migrate(&old).ok()).map(|loaded| loaded.workspace);
    let ours = state.workspace.get_untracked();
    let merged = sync::merge(base.as_ref(), &ours, &theirs);
    if let Some(o) = merged.overridden {
        let kind = NoticeKind::ChangedElsewhere { name: o.scenario.name.clone(), deleted: o.deleted };
        state.notify(kind, Some(Deleted { scenario: o.scenario, index: o.index }));
    }
    let quiet = !merged.ahead;
    if merged.workspace != ours {
        state.set_workspace(merged.workspace);
        return quiet;
    }
    if merged.ahead {
        // this tab holds something the store lacks: it is written after the usual pause
        schedule(state, pending);
    }
    false
}

/// Starts autosaving `state.workspace`, and merging other tabs' writes into it.
pub fn use_autosave(state: AppState) {
    let pending = StoredValue::new(Pending::default());
    // set when a merge put into the workspace exactly what the store holds
    let in_store = StoredValue::new(false);
    // outside world: localStorage, written after a pause once the workspace changes
    Effect::new(move |previous: Option<()>| {
        state.workspace.track();
        state.shared.track();
        if previous.is_none() {
            // the first run sees what was just loaded: nothing to write yet
            return;
        }
        if in_store.get_value() {
            in_store.set_value(false);
            return;
        }
        schedule(state, pending);
    });
    let on_storage = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
        let keys = state.keys.get_value();
        // only this namespace's store (localStorage: sessionStorage has no other tabs)
        if e.key().as_deref() != Some(keys.store().as_str()) || keys.area != Area::Local {
            return;
        }
        if on_other_tab(state, pending, e.old_value(), e.new_value()) {
            in_store.set_value(true);
        }
    });
    let on_hide = window_event_listener(ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush(state, pending);
        }
    });
    let on_leave = window_event_listener(ev::pagehide, move |_| flush(state, pending));
    on_cleanup(move || {
        on_hide.remove();
        on_leave.remove();
        on_storage.remove();
    });
}
