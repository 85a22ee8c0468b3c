//! Every worked example of MODELS.md (tests/fixtures/worked-examples.json, a copy of the
//! product spec's file) must come out of `calc` to floating-point precision.

use serde_json::Value;
use tragt::calc::{forecast, Economics, Figure, Funnel, LtvMethod, Rate};

fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= 1e-12 * got.abs().max(want.abs()).max(1.0)
}

fn check_figure(name: &str, field: &str, got: Figure, want: &Value) {
    match (got, want.as_f64()) {
        (Ok(g), Some(w)) => assert!(close(g, w), "{name}: {field} = {g}, expected {w}"),
        (Err(_), None) => assert!(want.is_null(), "{name}: {field}"),
        (got, _) => panic!("{name}: {field} = {got:?}, expected {want}"),
    }
}

#[test]
fn worked_examples_agree_with_the_spec() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked-examples.json"))
        .expect("fixture file");
    let doc: Value = serde_json::from_str(&text).unwrap();
    let examples = doc["examples"].as_array().unwrap();
    assert_eq!(examples.len(), 5);
    for ex in examples {
        let i = &ex["input"];
        let name = i["name"].as_str().unwrap();
        let num = |k: &str| i[k].as_f64().unwrap_or_else(|| panic!("{name}: {k}"));
        let rates = i["rates"].as_array().unwrap().iter().map(|r| Rate::from_percent(r.as_f64().unwrap()).unwrap());
        let funnel = Funnel::new(num("top"), rates.collect(), num("lead") as usize - 1, num("purchase") as usize - 1);
        let method = LtvMethod::from_id(i["method"].as_str().unwrap()).unwrap();
        let economics = Economics {
            spend: num("spend"),
            aov: num("aov"),
            frequency: num("freq"),
            margin: num("margin") / 100.0,
            method,
            lifespan: i["lifespan"].as_f64().unwrap_or(0.0),
            retention: i["retention"].as_f64().unwrap_or(0.0) / 100.0,
            discount: i["discount"].as_f64().unwrap_or(0.0) / 100.0,
        };
        let out = forecast(&funnel, &economics);
        let e = &ex["expected"];
        for (k, stage) in out.stages.iter().enumerate() {
            assert!(close(stage.entrants, e["entrants"][k].as_f64().unwrap()), "{name}: entrants[{k}]");
            assert!(close(stage.probability, e["probability"][k].as_f64().unwrap()), "{name}: probability[{k}]");
            assert!(close(stage.value, e["value"][k].as_f64().unwrap()), "{name}: value[{k}]");
        }
        assert_eq!(out.stages.len(), e["entrants"].as_array().unwrap().len(), "{name}: stage count");
        assert!(close(out.customers, e["customers"].as_f64().unwrap()), "{name}: customers");
        assert!(close(out.revenue, e["revenue"].as_f64().unwrap()), "{name}: revenue");
        assert!(close(out.ltv, e["ltv"].as_f64().unwrap()), "{name}: ltv");
        check_figure(name, "overall-rate", out.overall_rate, &e["overall-rate"]);
        check_figure(name, "cpl", out.cpl, &e["cpl"]);
        check_figure(name, "cac", out.cac, &e["cac"]);
        check_figure(name, "roas", out.roas, &e["roas"]);
        check_figure(name, "ltv-cac", out.ltv_cac, &e["ltv-cac"]);
        check_figure(name, "payback", out.payback_months, &e["payback"]);
        check_figure(name, "roi", out.roi, &e["roi"]);
    }
}
