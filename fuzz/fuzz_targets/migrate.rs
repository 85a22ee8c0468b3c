//! A saved file, as localStorage or an old backup might hold it: any bytes (read as text,
//! invalid UTF-8 replaced) go through `storage::migrate`. Whatever it accepts must save and
//! read back unchanged with nothing left to repair, and give finite figures.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tragt::storage::{migrate, serialize};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(first) = migrate(&text) else { return };
    common::check_workspace(&first.workspace);
    let saved = serialize(&first.workspace);
    let second = migrate(&saved).expect("a saved workspace reads back");
    assert_eq!(second.repaired, 0, "nothing to repair in a file the app wrote:\n{saved}");
    assert_eq!(second.workspace, first.workspace, "the round trip changed the workspace:\n{saved}");
    assert_eq!(serialize(&second.workspace), saved, "a second save writes the same file");
});
