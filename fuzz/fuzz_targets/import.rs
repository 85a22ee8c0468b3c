//! A file the user picks to import (valid UTF-8 only: the browser's file reader decodes
//! it first). `import_into` adds to a workspace that already holds a scenario. On refusal
//! the workspace is untouched; otherwise nothing is replaced, every scenario added gets a
//! fresh id and a free name, opens first, exports and re-imports as itself, and the whole
//! workspace saves and reads back unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tragt::calc::{Currency, Scenario, TemplateId, Workspace};
use tragt::storage::migrate;
use tragt::storage::transfer::{export_all, export_one, import_into};

#[path = "common.rs"]
mod common;

fn mine() -> Workspace {
    Workspace::new(Scenario::from_template("mine".into(), "Plan".into(), TemplateId::Webshop, Currency::Dkk))
}

fn counter(prefix: &'static str) -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("{prefix}{n}")
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let before = mine();
    let mut w = before.clone();
    let Ok(added) = import_into(&mut w, text, counter("new")) else {
        assert_eq!(w, before, "a refused import changes nothing");
        return;
    };
    assert!(added >= 1);
    assert_eq!(w.scenarios().len(), 1 + added);
    assert_eq!(w.scenarios()[0], before.scenarios()[0], "nothing is replaced");
    assert_eq!(w.current().id, "new1", "the first one added is opened");
    let names: Vec<&str> = w.scenarios().iter().map(|s| s.name.as_str()).collect();
    for (i, name) in names.iter().enumerate() {
        assert!(!names[..i].contains(name), "name {name:?} twice");
    }
    common::check_workspace(&w);

    for s in &w.scenarios()[1..] {
        let mut other = mine();
        assert_eq!(import_into(&mut other, &export_one(s), counter("again")), Ok(1));
        let back = other.current();
        assert_eq!(*back, Scenario { id: back.id.clone(), name: back.name.clone(), ..s.clone() });
    }

    let saved = export_all(&w);
    let loaded = migrate(&saved).expect("an exported workspace reads back");
    assert_eq!(loaded.repaired, 0, "nothing to repair in an export:\n{saved}");
    assert_eq!(loaded.workspace, w, "the export reads back as the workspace:\n{saved}");
});
