//! Checks shared by the fuzz targets: what every scenario that the app accepted from outside
//! must satisfy, beyond "no panic".

#![allow(dead_code)]

use tragt::calc::{Figure, Scenario, Workspace};

/// Every figure the results panel shows is a finite number or a typed reason (`Undefined`),
/// never NaN or ∞.
pub fn check_forecast(s: &Scenario) {
    let f = s.forecast();
    let number = |what: &str, v: f64| assert!(v.is_finite(), "{what} = {v} for scenario {:?}", s.id);
    let figure = |what: &str, v: Figure| {
        if let Ok(v) = v {
            number(what, v);
        }
    };
    assert_eq!(f.stages.len(), s.stages.len(), "one row of figures per stage");
    for st in &f.stages {
        number("entrants", st.entrants);
        if let Some(d) = st.drop_off {
            number("drop-off", d);
        }
        number("probability", st.probability);
        number("value", st.value);
        number("first purchase value", st.first_purchase_value);
        figure("cost per entrant", st.cost_per_entrant);
    }
    number("customers", f.customers);
    figure("overall rate", f.overall_rate);
    number("revenue", f.revenue);
    figure("CPL", f.cpl);
    figure("CAC", f.cac);
    figure("ROAS", f.roas);
    number("annual margin", f.annual_margin);
    number("LTV", f.ltv);
    figure("LTV:CAC", f.ltv_cac);
    figure("payback", f.payback_months);
    figure("ROI", f.roi);
}

/// What the reader promises about any scenario it returns: unique stage ids, marks that
/// point at stages, journey moves only to other existing stages, numbers in range.
pub fn check_scenario(s: &Scenario) {
    assert!(!s.id.is_empty(), "a scenario has an id");
    let ids: Vec<u32> = s.stages.iter().map(|st| st.id).collect();
    for (i, id) in ids.iter().enumerate() {
        assert!(!ids[..i].contains(id), "stage id {id} twice in {ids:?}");
    }
    for mark in [s.lead, s.purchase, s.recover_to] {
        assert!(ids.contains(&mark), "mark {mark} points at no stage of {ids:?}");
    }
    for st in &s.stages {
        if let Some(m) = &st.moves {
            for (to, p) in &m.to {
                assert!(*to != st.id && ids.contains(to), "move from {} to {to}", st.id);
                assert!(*p > 0.0 && *p <= 1.0, "share {p}");
            }
        }
    }
    assert!(s.top.is_finite() && s.top >= 0.0);
    check_forecast(s);
}

/// Unique scenario ids, and every scenario as [`check_scenario`] says.
pub fn check_workspace(w: &Workspace) {
    let ids: Vec<&str> = w.scenarios().iter().map(|s| s.id.as_str()).collect();
    for (i, id) in ids.iter().enumerate() {
        assert!(!ids[..i].contains(id), "scenario id {id:?} twice");
    }
    for s in w.scenarios() {
        check_scenario(s);
    }
}
