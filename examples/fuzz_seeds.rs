//! Writes the seed corpus of the fuzz targets (`fuzz/seeds/<target>/`): real files the app
//! reads, made by the app's own writers, plus a few damaged ones.
//!
//! ```text
//! cargo run --example fuzz_seeds
//! ```
//!
//! Rerun after a change to the file format or the templates, and commit the result.

use std::fs;
use std::path::{Path, PathBuf};

use tragt::calc::{Currency, Mode, Scenario, TemplateId, Workspace};
use tragt::storage::share::{encode_payload, scenario_json};
use tragt::storage::transfer::{export_all, export_one};

fn scenario(template: TemplateId, n: usize) -> Scenario {
    let currency = [Currency::Dkk, Currency::Sek, Currency::Eur][n % 3];
    let name = format!("{} plan", template.id());
    Scenario::from_template(format!("s-{}", n + 1), name, template, currency)
}

/// Every template, each in its own scenario.
fn all_templates() -> Workspace {
    let mut scenarios = TemplateId::ALL.iter().enumerate().map(|(n, t)| scenario(*t, n));
    let mut w = Workspace::new(scenarios.next().expect("templates"));
    scenarios.for_each(|s| w.add(s));
    w
}

/// A scenario with the optional fields of later versions set: goal, counts, ranges, a
/// custom stage, referrals, a journey with recovery.
fn edited() -> Scenario {
    let mut s = Scenario::from_template("edited".into(), "Q3 \"plan\" <b>".into(), TemplateId::Hexagon, Currency::Eur);
    let ids: Vec<u32> = s.stages.iter().map(|st| st.id).collect();
    s.set_now(ids[0], Some(1_500.0)).unwrap();
    s.set_days(ids[1], Some(2.5)).unwrap();
    s.set_benchmark_percent(ids[1], Some(3.0)).unwrap();
    s.set_low_percent(ids[1], Some(1.0)).unwrap();
    s.set_high_percent(ids[1], Some(4.0)).unwrap();
    s.set_from_counts(ids[2], true);
    s.set_referrals(0.4).unwrap();
    s.set_recovery_percent(20.0).unwrap();
    s.set_recover_to(ids[2]);
    s.rename_stage(ids[3], "Kassen – æøå");
    s.goal = Some(tragt::calc::goal::Target::Revenue(90_000.0));
    assert_eq!(s.mode, Mode::Journey);
    s
}

struct Seeds {
    dir: PathBuf,
    bytes: usize,
}

impl Seeds {
    fn new(root: &Path, target: &str) -> Seeds {
        let dir = root.join("fuzz/seeds").join(target);
        if dir.exists() {
            fs::remove_dir_all(&dir).unwrap();
        }
        fs::create_dir_all(&dir).unwrap();
        Seeds { dir, bytes: 0 }
    }

    fn put(&mut self, name: &str, content: impl AsRef<[u8]>) {
        let content = content.as_ref();
        self.bytes += content.len();
        fs::write(self.dir.join(name), content).unwrap();
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = |name: &str| fs::read(root.join("tests/fixtures").join(name)).unwrap();
    let all = all_templates();
    let mut edited_ws = Workspace::new(edited());
    edited_ws.add(scenario(TemplateId::Webshop, 1));
    let mut total = 0;

    // saved files: every schema version, what this build writes, and damaged ones
    let mut migrate = Seeds::new(root, "migrate");
    for v in 1..=4 {
        migrate.put(&format!("store-v{v}.json"), fixture(&format!("store-v{v}.json")));
    }
    let written = export_all(&all);
    migrate.put("all-templates.json", &written);
    migrate.put("edited.json", export_all(&edited_ws));
    migrate.put("cut-short.json", &written[..written.len() / 3]);
    migrate.put("future-version.json", r#"{"format":"tragt","version":99,"scenarios":[]}"#);
    migrate.put("not-ours.json", r#"{"format":"other","version":1}"#);
    migrate.put("no-scenarios.json", r#"{"format":"tragt","version":4,"current":"x","scenarios":[]}"#);
    migrate.put(
        "damaged-fields.json",
        r#"{"format":"tragt","version":4,"current":"a","scenarios":[{"id":"a","name":7,"template":"nope","stages":[{"id":1,"rate":2},{"id":1,"rate":-1,"moves":{"to":[[9,0.5],[1,1.5]],"lost":"x"}},{"id":4294967295,"template_stage":99}],"lead":42,"top":1e300,"currency":"XYZ","goal":{"kind":"revenue","value":-1},"trials":12.5,"mode":"spiral"},{"id":"a","stages":[]}]}"#,
    );
    total += migrate.bytes;

    // imports: one exported scenario per template, every template at once, the fixtures
    let mut import = Seeds::new(root, "import");
    for (n, t) in TemplateId::ALL.iter().enumerate() {
        import.put(&format!("export-one-{}.json", t.id()), export_one(&scenario(*t, n)));
    }
    import.put("export-all-templates.json", &written);
    import.put("export-edited.json", export_one(&edited()));
    import.put("store-v1.json", fixture("store-v1.json"));
    import.put("store-v4.json", fixture("store-v4.json"));
    import.put("not-json.json", "{\"format\":\"tragt\",");
    total += import.bytes;

    // share links: the fragment with the JSON uncompressed (natively nothing inflates, so the
    // decoder's bytes go to the reader as they are), the JSON itself, and broken links
    let mut share = Seeds::new(root, "share_link");
    for (n, t) in TemplateId::ALL.iter().enumerate() {
        let json = scenario_json(&scenario(*t, n));
        share.put(&format!("link-{}.txt", t.id()), format!("#s={}", encode_payload(json.as_bytes())));
    }
    share.put("link-edited.txt", format!("#s={}", encode_payload(scenario_json(&edited()).as_bytes())));
    share.put("json-edited.json", scenario_json(&edited()));
    share.put("json-kopvagen.json", scenario_json(&scenario(TemplateId::Kopvagen, 0)));
    share.put("link-other-parts.txt", "#x=2&s=1.Zm9v&y");
    share.put("link-future.txt", "#s=2.Zm9v");
    share.put("link-padded.txt", "#s=1.Zm9v=");
    share.put("link-bad-tail.txt", "#s=1.Zh");
    share.put("link-no-version.txt", "#s=Zm9v");
    share.put("embed.txt", "#/embed");
    total += share.bytes;

    println!("seeds written to {} ({total} bytes)", root.join("fuzz/seeds").display());
}
