//! Saved files of every schema version (tests/fixtures/store-v*.json) open with their
//! numbers intact, and `migrate` is idempotent on anything it accepts.

use proptest::prelude::*;
use tragt::calc::{Currency, LtvMethod, Mode, MoveTo, Period, Scenario, StageLabel, TemplateId, Workspace};
use tragt::storage::share::{base64url_decode, base64url_encode, decode_payload, encode_payload};
use tragt::storage::transfer::{export_all, import_into};
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

#[test]
fn version_2_fixture_opens_with_its_goals() {
    use tragt::calc::goal::Target;
    let loaded = migrate(&fixture("store-v2.json")).unwrap();
    assert_eq!(loaded.repaired, 0);
    let goals: Vec<_> = loaded.workspace.scenarios().iter().map(|s| s.goal).collect();
    assert_eq!(goals[..2], [Some(Target::Customers(250.0)), Some(Target::Revenue(1_500_000.0))]);
    // the same scenarios as version 1, apart from the goals
    let v1 = migrate(&fixture("store-v1.json")).unwrap();
    for (a, b) in v1.workspace.scenarios().iter().zip(loaded.workspace.scenarios()) {
        assert_eq!(tragt::calc::Scenario { goal: b.goal, ..a.clone() }, *b);
    }
}

#[test]
fn version_3_fixture_opens_with_its_forecasting_inputs() {
    let loaded = migrate(&fixture("store-v3.json")).unwrap();
    assert_eq!(loaded.repaired, 0);
    let shop = &loaded.workspace.scenarios()[0];
    let now: Vec<_> = shop.stages.iter().map(|s| s.now).collect();
    assert_eq!(now, [Some(9000.0), Some(2100.0), Some(300.0), Some(120.0), None]);
    assert_eq!(shop.stages[3].days, Some(0.5));
    assert_eq!(shop.stages[2].low.map(|r| r.get()), Some(0.05));
    assert_eq!(shop.stages[2].high.map(|r| r.get()), Some(0.09));
    assert_eq!(shop.stages[3].benchmark.map(|r| r.get()), Some(0.45));
    assert_eq!(shop.stages.iter().map(|s| s.from_counts).collect::<Vec<_>>(), [false, true, false, false, false]);
    assert_eq!((shop.referrals, shop.trials, shop.seed), (0.5, 20_000, 42));
    // older versions open with the defaults: no snapshot, no days, k = 0, 10 000 trials, seed 1
    let v2 = migrate(&fixture("store-v2.json")).unwrap();
    let old = &v2.workspace.scenarios()[0];
    assert!(old.stages.iter().all(|s| s.now.is_none() && s.days.is_none() && s.low.is_none()));
    assert_eq!((old.referrals, old.trials, old.seed), (0.0, 10_000, 1));
    // and apart from the new fields they are the same scenarios
    for (a, b) in v2.workspace.scenarios().iter().zip(loaded.workspace.scenarios()) {
        assert_eq!(a.goal, b.goal);
        assert_eq!(a.economics, b.economics);
        assert_eq!(
            a.stages.iter().map(|s| s.rate).collect::<Vec<_>>(),
            b.stages.iter().map(|s| s.rate).collect::<Vec<_>>()
        );
    }
}

#[test]
fn version_4_fixture_opens_with_its_journeys() {
    use tragt::calc::{journey, Mode, Moves};
    let loaded = migrate(&fixture("store-v4.json")).unwrap();
    assert_eq!(loaded.repaired, 0);
    let [shop, saas, hexagon] = loaded.workspace.scenarios() else { panic!("three scenarios") };
    assert_eq!((shop.mode, saas.mode, hexagon.mode), (Mode::Journey, Mode::Funnel, Mode::Journey));
    assert_eq!((shop.recovery, shop.recover_to), (0.15, 3));
    assert_eq!(shop.stages[3].moves, Some(Moves { to: vec![(5, 0.6), (3, 0.15)], buy: 0.0, lost: 0.25, entry: 0.0 }));
    // the shop's journey without recovery, by hand (B_i: chance to buy from stage i):
    //   B₄ = 0.6 + 0.15 B₃; B₃ = 0.35 B₄ + 0.2 B₂; B₂ = 0.12 B₃ + 0.1 B₁; B₁ = 0.4 B₂
    //   → B₂ = 0.125 B₃; B₃ = 0.21 + 0.0525 B₃ + 0.025 B₃ = 0.21 / 0.9225 = 0.227642…
    //   newcomers: 0.9 B₁ + 0.1 B₂ = (0.9 · 0.4 + 0.1) · 0.125 · 0.227642… = 0.0130894…
    //   50 000 newcomers → 654.47 customers, against the straight funnel's 504
    let mut plain = shop.clone();
    plain.recovery = 0.0;
    let j = journey::of_scenario(&plain).unwrap();
    assert!((j.customers - 654.471_544_715_447).abs() < 1e-6, "{}", j.customers);
    assert!((j.vs_funnel.unwrap() - (654.471_544_715_447 / 504.0 - 1.0)).abs() < 1e-9);
    // 15 % of the people lost from the lead stage (the cart) on are brought back to the cart
    let j = journey::of_scenario(shop).unwrap();
    assert!((j.without_recovery - 654.471_544_715_447).abs() < 1e-6);
    assert!((j.customers - 717.149_220_489_977_6).abs() < 1e-6, "{}", j.customers);
    // the hexagon is the template's journey
    let template = tragt::calc::Scenario::from_template(
        "t".into(),
        "T".into(),
        tragt::calc::TemplateId::Hexagon,
        tragt::calc::Currency::Sek,
    );
    let moves = |s: &tragt::calc::Scenario| s.stages.iter().map(|st| st.moves.clone()).collect::<Vec<_>>();
    assert_eq!(moves(hexagon), moves(&template));
    // older versions are straight funnels without moves
    let v3 = migrate(&fixture("store-v3.json")).unwrap();
    assert!(v3
        .workspace
        .scenarios()
        .iter()
        .all(|s| s.mode == Mode::Funnel && s.stages.iter().all(|st| st.moves.is_none())));
}

#[test]
fn version_5_fixture_opens_with_its_sources_and_stage_costs() {
    use tragt::calc::traffic::SourceKind;
    let loaded = migrate(&fixture("store-v5.json")).unwrap();
    assert_eq!(loaded.repaired, 0);
    let [shop, saas] = loaded.workspace.scenarios() else { panic!("two scenarios") };
    let kinds: Vec<_> = shop.sources.iter().map(|s| (s.name.as_str(), s.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("Google Ads", SourceKind::cpc(40_000.0, 5.0).unwrap()),
            ("Organisk", SourceKind::free(2_000.0, 0.0).unwrap()),
            ("Instagram", SourceKind::cpm(6_000.0, 60.0, 1.0).unwrap()),
        ]
    );
    assert_eq!(shop.sources[0].rate.map(|r| r.get()), Some(0.25));
    assert_eq!((shop.stages[2].entrant_cost, shop.stages[3].fixed_cost), (Some(10.0), Some(2_000.0)));
    // v = 8 000 + 2 000 + 1 000 (1000 · 6 000 / 60 impressions, 1 % click) = 11 000;
    // E₂ = 8 000 · 0.25 + 2 000 · 0.4 + 1 000 · 0.4 = 3 200; E₃ = 384, E₄ = 134.4, C = 80.64
    // K₃ = 10 · 384 = 3 840, K₄ = 2 000; S = 5 000 + 46 000 + 3 840 + 2 000 = 56 840
    let f = shop.forecast();
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
    assert!(close(f.stages[0].entrants, 11_000.0) && close(f.stages[1].entrants, 3_200.0));
    assert!(close(f.customers, 80.64), "{}", f.customers);
    assert!(close(f.spend_total, 56_840.0), "{}", f.spend_total);
    assert!(close(f.cac.unwrap(), 56_840.0 / 80.64));
    // the true cost per lead leaves out the checkout's 2 000: (56 840 − 2 000) / 384
    assert!(close(f.cpl.unwrap(), 142.8125));
    // per source: C = onward · P₂ = 2 000, 800, 400 · (0.12 · 0.35 · 0.6 = 0.0252)
    let t = f.traffic.as_ref().unwrap();
    for (s, want) in t.sources.iter().zip([50.4, 20.16, 10.08]) {
        assert!(close(s.customers, want), "{} {want}", s.customers);
    }
    // the SaaS funnel: a sales team of 30 000 at stage 4 on top of the 40 000 typed;
    // C = 20 000 · 0.03 · 0.3 · 0.45 · 0.5 · 0.22 = 8.91
    let g = saas.forecast();
    assert!(saas.sources.is_empty() && g.traffic.is_none());
    assert!(close(g.spend_total, 70_000.0));
    assert!(close(g.cac.unwrap(), 70_000.0 / 8.91));
    // it reads back as it is, and a version 4 file has none of it
    assert_eq!(migrate(&serialize(&loaded.workspace)).unwrap(), loaded);
    let v4 = migrate(&fixture("store-v4.json")).unwrap();
    assert!(v4.workspace.scenarios().iter().all(
        |s| s.sources.is_empty() && s.stages.iter().all(|st| st.fixed_cost.is_none() && st.entrant_cost.is_none())
    ));
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

proptest! {
    #[test]
    fn base64url_round_trips_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = base64url_encode(&bytes);
        prop_assert!(text.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        prop_assert_eq!(base64url_decode(&text), Some(bytes));
    }

    #[test]
    fn any_share_payload_is_decoded_or_refused_without_panicking(s in "\\PC{0,200}") {
        // and what decodes re-encodes to the same text (one spelling per byte string)
        if let Ok(bytes) = decode_payload(&s, s.len()) {
            prop_assert_eq!(encode_payload(&bytes), s);
        }
    }

    #[test]
    fn importing_an_export_adds_every_scenario_and_keeps_mine(n in 1usize..5) {
        let mut theirs = Workspace::new(Scenario::from_template("t0".into(), "T".into(), TemplateId::Aida, Currency::Eur));
        for i in 1..n {
            theirs.add(Scenario::from_template(format!("t{i}"), "T".into(), TemplateId::Webshop, Currency::Dkk));
        }
        let mine = Workspace::new(Scenario::from_template("m".into(), "T".into(), TemplateId::B2b, Currency::Sek));
        let mut merged = mine.clone();
        let mut k = 0;
        let added = import_into(&mut merged, &export_all(&theirs), || { k += 1; format!("new{k}") }).unwrap();
        prop_assert_eq!(added, n);
        prop_assert_eq!(&merged.scenarios()[0], &mine.scenarios()[0]);
        let names: std::collections::HashSet<_> = merged.scenarios().iter().map(|s| s.name.clone()).collect();
        prop_assert_eq!(names.len(), n + 1, "names stay unique");
        for (got, want) in merged.scenarios()[1..].iter().zip(theirs.scenarios()) {
            prop_assert_eq!(&got.stages, &want.stages);
            prop_assert_eq!(&got.economics, &want.economics);
        }
    }
}

#[test]
fn a_journey_row_over_100_percent_saves_and_reads_back_as_it_is() {
    // web shop as a journey; row 1: lost 95 % and 10 % to stage 3; removing stage 3 leaves
    // the row off 100 % (flagged in the app), and it is saved as it is, not repaired
    let mut s = Scenario::from_template("s-1".into(), "Shop".into(), TemplateId::Webshop, Currency::Dkk);
    s.set_mode(Mode::Journey);
    let (a, c) = (s.stages[0].id, s.stages[2].id);
    s.set_move_percent(a, MoveTo::Lost, 95.0).unwrap();
    s.set_move_percent(a, MoveTo::Stage(c), 10.0).unwrap();
    s.remove_stage(c).unwrap();
    assert!(s.stages[0].moves.as_ref().unwrap().sum() > 1.0);
    let loaded = migrate(&serialize(&Workspace::new(s.clone()))).unwrap();
    assert_eq!(loaded.repaired, 0);
    assert_eq!(loaded.workspace.current(), &s);
}

/// Every number as a float: `450` and `450.0` are the same number.
fn floats(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => Value::from(n.as_f64().unwrap()),
        Value::Array(a) => Value::Array(a.into_iter().map(floats).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, floats(v))).collect()),
        other => other,
    }
}

/// The keys of a JSON text in the order they are written.
fn keys_in_order(json: &str) -> Vec<String> {
    let mut keys = Vec::new();
    let mut rest = json;
    while let Some(at) = rest.find("\":") {
        let key_start = rest[..at].rfind('"').unwrap();
        keys.push(rest[key_start + 1..at].to_string());
        rest = &rest[at + 2..];
    }
    keys
}

#[test]
fn a_file_saved_by_earlier_builds_is_written_back_field_for_field() {
    // tests/fixtures/saved-v4.json is a workspace as the browser saved it before the file
    // was written by serde_json (numbers in JavaScript's notation: `1500`, `1e-9`): every
    // template, and a journey with every optional field, odd names and long decimals
    let old = fixture("saved-v4.json");
    let loaded = migrate(&old).unwrap();
    assert_eq!(loaded.repaired, 0);
    let new = serialize(&loaded.workspace);
    let value = |text: &str| floats(serde_json::from_str(text).unwrap());
    // apart from the version this build writes
    let current = format!("\"version\":{}", tragt::storage::CURRENT_VERSION);
    assert_eq!(value(&new.replacen(&current, "\"version\":4", 1)), value(&old), "the same fields with the same values");
    assert_eq!(keys_in_order(&new), keys_in_order(&old), "in the same order");
    // and the numbers are the same bit for bit
    let again = migrate(&new).unwrap();
    assert_eq!(again, loaded);
    let margin = |w: &Workspace| w.scenarios()[0].economics.margin.to_bits();
    assert_eq!(margin(&again.workspace), "0.9007199254740993".parse::<f64>().unwrap().to_bits());
    assert_eq!(serialize(&again.workspace), new);
}
