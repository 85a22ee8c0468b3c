//! Autosave: every change of the workspace is written after a short pause (debounced),
//! and at once when the page is hidden or left (`visibilitychange`, `pagehide`), so
//! closing a tab mid-typing loses nothing. A failed write becomes a notice.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::browser::{clear, save, StorageIssue};
use crate::state::{AppState, NoticeKind};

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

/// Starts autosaving `state.workspace`.
pub fn use_autosave(state: AppState) {
    let pending = StoredValue::new(Pending::default());
    Effect::new(move |previous: Option<()>| {
        state.workspace.track();
        state.shared.track();
        if previous.is_none() {
            // the first run sees what was just loaded: nothing to write yet
            return;
        }
        if let Some(timer) = pending.get_value().timer {
            timer.clear();
        }
        let timer = set_timeout_with_handle(move || flush(state, pending), DEBOUNCE).ok();
        pending.set_value(Pending { dirty: true, timer });
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
    });
}
