//! The adapter to the browser's localStorage, through gloo-storage. Every failure is a
//! value: storage may be blocked (sandboxed or third-party iframes, some private modes),
//! full, or hold bytes that cannot be read; the app then keeps working in memory and says so.
//!
//! The workspace is written as its DTO ([`super::to_store`]) by gloo-storage's `set`, which
//! serializes with serde_json. Reads take the raw text through `raw()`, because unreadable
//! bytes must be copied aside exactly as they are; the language key holds a bare code
//! (`da`, not `"da"`) as every earlier build wrote it, so it is read and written raw too.
//! The same code serves `sessionStorage` (an embed's `storage=session`); `storage=off`
//! never reaches this module.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use serde::Serialize;
use wasm_bindgen::JsValue;

use super::keys::{Area, Keys};
use super::migrate::{migrate, to_store, LoadError, Loaded};
use super::Prefs;
use crate::calc::Workspace;

/// Why storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageIssue {
    /// Blocked or absent: nothing can be saved.
    Unavailable,
    /// The quota is used up.
    Full,
}

/// What was found under the store key.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// Nothing saved yet: a first visit.
    Empty,
    /// Saved scenarios, read (perhaps with some fields repaired).
    Loaded(Loaded),
    /// Bytes that could not be read, copied to `backup` untouched.
    MovedAside { error: LoadError, backup: String },
    /// Unreadable bytes that could not even be copied aside (storage full); they are
    /// left where they are and the app will not overwrite them.
    Unreadable { error: LoadError },
    /// Saved by a newer version (file format `version`): left where they are, untouched,
    /// and the app will not overwrite them.
    Newer { version: u64 },
}

/// The storage area of `keys`, through gloo-storage. gloo-storage throws where storage is
/// blocked, so the window is asked first; the raw handle keeps the exact bytes (unreadable
/// ones are copied aside as they are).
fn area(keys: &Keys) -> Result<web_sys::Storage, StorageIssue> {
    let window = web_sys::window().ok_or(StorageIssue::Unavailable)?;
    let reachable = match keys.area {
        Area::Local => window.local_storage(),
        Area::Session => window.session_storage(),
        Area::Off => return Err(StorageIssue::Unavailable),
    };
    match reachable {
        Ok(Some(_)) => Ok(match keys.area {
            Area::Session => SessionStorage::raw(),
            _ => LocalStorage::raw(),
        }),
        _ => Err(StorageIssue::Unavailable),
    }
}

/// A full quota by the name of the browser's error; anything else makes storage unusable.
fn issue_named(name: Option<&str>) -> StorageIssue {
    match name {
        Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => StorageIssue::Full,
        _ => StorageIssue::Unavailable,
    }
}

fn issue_of(err: &JsValue) -> StorageIssue {
    let name = js_sys::Reflect::get(err, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
    issue_named(name.as_deref())
}

/// Writes `value` as JSON under `key` with gloo-storage's `set`, once the window has said
/// the area is there.
fn set<T: Serialize>(keys: &Keys, key: &str, value: &T) -> Result<(), StorageIssue> {
    area(keys)?;
    let written = match keys.area {
        Area::Session => SessionStorage::set(key, value),
        _ => LocalStorage::set(key, value),
    };
    written.map_err(|err| match err {
        StorageError::JsError(js) => issue_named(Some(&js.name)),
        _ => StorageIssue::Unavailable,
    })
}

/// Checks that localStorage exists and takes a write.
pub fn probe(keys: &Keys) -> Result<(), StorageIssue> {
    let storage = area(keys)?;
    storage.set_item(&keys.probe(), "1").map_err(|e| issue_of(&e))?;
    let _ = storage.remove_item(&keys.probe());
    Ok(())
}

/// Reads the saved workspace. `stamp` names the backup key if the bytes are unreadable.
pub fn load(keys: &Keys, stamp: u64) -> Result<LoadOutcome, StorageIssue> {
    let storage = area(keys)?;
    let raw = match storage.get_item(&keys.store()).map_err(|e| issue_of(&e))? {
        None => return Ok(LoadOutcome::Empty),
        Some(raw) => raw,
    };
    match migrate(&raw) {
        Ok(loaded) => Ok(LoadOutcome::Loaded(loaded)),
        Err(LoadError::FutureVersion(version)) => Ok(LoadOutcome::Newer { version }),
        Err(error) => {
            let backup = keys.backup(stamp);
            Ok(match storage.set_item(&backup, &raw) {
                Ok(()) => LoadOutcome::MovedAside { error, backup },
                Err(_) => LoadOutcome::Unreadable { error },
            })
        }
    }
}

/// Saves the workspace.
pub fn save(keys: &Keys, workspace: &Workspace) -> Result<(), StorageIssue> {
    set(keys, &keys.store(), &to_store(workspace))
}

/// Forgets the saved scenarios: the user has deleted every one of them (only an unsaved
/// shared scenario is open), so the next visit starts as a first visit.
pub fn clear(keys: &Keys) -> Result<(), StorageIssue> {
    area(keys)?;
    match keys.area {
        Area::Session => SessionStorage::delete(keys.store()),
        _ => LocalStorage::delete(keys.store()),
    }
    Ok(())
}

/// The saved UI language, if any.
pub fn load_lang(keys: &Keys) -> Option<String> {
    area(keys).ok()?.get_item(&keys.lang()).ok().flatten()
}

/// Remembers the UI language (best effort).
pub fn save_lang(keys: &Keys, code: &str) {
    if let Ok(storage) = area(keys) {
        let _ = storage.set_item(&keys.lang(), code);
    }
}

/// The visitor's page preferences: the defaults when storage is off or blocked, or the
/// record is missing or unreadable.
pub fn load_prefs(keys: &Keys) -> Prefs {
    if area(keys).is_err() {
        return Prefs::default();
    }
    let read = match keys.area {
        Area::Session => SessionStorage::get(keys.prefs()),
        _ => LocalStorage::get(keys.prefs()),
    };
    read.unwrap_or_default()
}

/// Remembers the page preferences (best effort).
pub fn save_prefs(keys: &Keys, prefs: Prefs) {
    let _ = set(keys, &keys.prefs(), &prefs);
}
