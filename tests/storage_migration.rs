//! Saved files of every schema version (tests/fixtures/store-v*.json) open with their
//! numbers intact, and `migrate` is idempotent on anything it accepts.

use proptest::prelude::*;
use tragt::calc::{Currency, LtvMethod, Period, StageLabel, TemplateId};
use tragt::storage::{migrate, serialize};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn version_1_fixture_opens_with_its_figures() {
    let loaded = migrate(&fixture("store-v1.json")).unwrap();
    assert_eq!(loaded.repaired, 0);
    let w = loaded.workspace;
    assert_eq!(w.scenarios().len(), 2);
    assert_eq!(w.current().id, "s-2");
    let shop = &w.scenarios()[0];
    assert_eq!(shop.template, TemplateId::Webshop);
    assert_eq!(shop.stages[3].label, StageLabel::Custom("Kassen".into()));
    assert_eq!(shop.stages[1].label, StageLabel::Template(1));
    // the worked example: 50 000 · 0.4 · 0.12 · 0.35 · 0.6 = 504 customers, CAC 25 000 / 504
    let f = shop.forecast();
    assert!((f.customers - 504.0).abs() < 1e-9);
    assert!((f.cac.unwrap() - 49.603_174_603_174_6).abs() < 1e-9);
    let saas = w.current();
    assert_eq!(
        (saas.currency, saas.period, saas.economics.method),
        (Currency::Sek, Period::Quarter, LtvMethod::Retention)
    );
    assert!((saas.forecast().ltv - 45_078.260_869_565_2).abs() < 1e-6);
}

#[test]
fn every_fixture_version_is_readable() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut versions = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.starts_with("store-v") {
            versions += 1;
            assert!(migrate(&fixture(&name)).is_ok(), "{name}");
        }
    }
    assert!(versions >= tragt::storage::CURRENT_VERSION as usize);
}

proptest! {
    #[test]
    fn migrate_is_idempotent_on_damaged_files(cut in 0usize..2000, junk in "[ -~]{0,12}") {
        // damage the fixture: drop a slice and splice in junk; whatever still reads must
        // read the same after one more save-and-load round
        let text = fixture("store-v1.json");
        let cut = cut.min(text.len());
        let damaged = format!("{}{}{}", &text[..cut], junk, &text[(cut + 40).min(text.len())..]);
        if let Ok(first) = migrate(&damaged) {
            let second = migrate(&serialize(&first.workspace)).unwrap();
            prop_assert_eq!(second.repaired, 0);
            prop_assert_eq!(second.workspace, first.workspace);
        }
    }

    #[test]
    fn arbitrary_text_is_refused_without_panicking(s in "\\PC{0,300}") {
        // only a JSON object naming the format can ever be read
        prop_assert!(migrate(&s).is_err() || s.contains("\"tragt\""));
    }
}
