//! The user's saved scenarios and which one is open: create, duplicate, delete (with the
//! removed scenario handed back for undo), restore and switch.

use super::limits::MAX_NAME_CHARS;
use super::scenario::Scenario;

/// All scenarios and the open one. Never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Workspace {
    scenarios: Vec<Scenario>,
    current: usize,
}

/// A deleted scenario and where it stood, so it can be put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    /// The scenario.
    pub scenario: Scenario,
    /// Its position in the list.
    pub index: usize,
}

impl Workspace {
    /// A workspace of one scenario.
    pub fn new(first: Scenario) -> Workspace {
        Workspace { scenarios: vec![first], current: 0 }
    }

    /// A workspace from saved scenarios, opening the one with `current_id` (or the first).
    /// `None` if there are none.
    pub fn from_parts(scenarios: Vec<Scenario>, current_id: &str) -> Option<Workspace> {
        if scenarios.is_empty() {
            return None;
        }
        let current = scenarios.iter().position(|s| s.id == current_id).unwrap_or(0);
        Some(Workspace { scenarios, current })
    }

    /// Every scenario, in list order.
    pub fn scenarios(&self) -> &[Scenario] {
        &self.scenarios
    }

    /// The open scenario.
    pub fn current(&self) -> &Scenario {
        &self.scenarios[self.current]
    }

    /// The open scenario, to edit.
    pub fn current_mut(&mut self) -> &mut Scenario {
        &mut self.scenarios[self.current]
    }

    /// Opens the scenario with this id; false if there is none.
    pub fn select(&mut self, id: &str) -> bool {
        match self.scenarios.iter().position(|s| s.id == id) {
            Some(i) => {
                self.current = i;
                true
            }
            None => false,
        }
    }

    /// Adds a scenario at the end and opens it.
    pub fn add(&mut self, scenario: Scenario) {
        self.scenarios.push(scenario);
        self.current = self.scenarios.len() - 1;
    }

    /// Replaces the open scenario (keeping its place in the list).
    pub fn replace_current(&mut self, scenario: Scenario) {
        self.scenarios[self.current] = scenario;
    }

    /// Copies the open scenario under a new id and name, puts the copy right after it
    /// and opens it.
    pub fn duplicate_current(&mut self, id: String, name: String) {
        let copy = Scenario { id, name, ..self.current().clone() };
        self.scenarios.insert(self.current + 1, copy);
        self.current += 1;
    }

    /// Deletes the open scenario and opens its neighbour. The last scenario cannot be
    /// deleted; `replacement` is opened in its place instead.
    pub fn delete_current(&mut self, replacement: impl FnOnce() -> Scenario) -> Deleted {
        let index = self.current;
        let scenario = self.scenarios.remove(index);
        if self.scenarios.is_empty() {
            self.scenarios.push(replacement());
        }
        self.current = index.min(self.scenarios.len() - 1);
        Deleted { scenario, index }
    }

    /// Puts a deleted scenario back where it was and opens it. A scenario with its id that
    /// is there (another tab's version of it) is replaced in place.
    pub fn restore(&mut self, deleted: Deleted) {
        if let Some(at) = self.scenarios.iter().position(|s| s.id == deleted.scenario.id) {
            self.scenarios[at] = deleted.scenario;
            self.current = at;
            return;
        }
        let index = deleted.index.min(self.scenarios.len());
        self.scenarios.insert(index, deleted.scenario);
        self.current = index;
    }

    /// This workspace without the scenario `id` (the open one moves to its neighbour);
    /// `None` if nothing would be left.
    pub fn without(&self, id: &str) -> Option<Workspace> {
        let Some(index) = self.scenarios.iter().position(|s| s.id == id) else {
            return Some(self.clone());
        };
        if self.scenarios.len() == 1 {
            return None;
        }
        let mut rest = self.clone();
        rest.scenarios.remove(index);
        rest.current = match self.current {
            c if c > index => c - 1,
            c => c.min(rest.scenarios.len() - 1),
        };
        Some(rest)
    }

    /// A scenario name not yet taken: `base`, then `base (2)`, `base (3)`, …, with `base`
    /// cut so that the name fits in [`MAX_NAME_CHARS`] (a longer one would be cut on the
    /// next load, and lose what sets it apart).
    pub fn unique_name(&self, base: &str) -> String {
        let taken = |n: &str| self.scenarios.iter().any(|s| s.name == n);
        let fit = |suffix: String| {
            let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
            format!("{}{suffix}", base.chars().take(room).collect::<String>())
        };
        std::iter::once(fit(String::new()))
            .chain((2..).map(|k| fit(format!(" ({k})"))))
            .find(|n| !taken(n))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{Currency, TemplateId};

    fn scenario(id: &str) -> Scenario {
        Scenario::from_template(id.into(), id.to_uppercase(), TemplateId::Blank, Currency::Sek)
    }

    #[test]
    fn delete_then_restore_puts_the_scenario_back_in_place() {
        let mut w = Workspace::new(scenario("a"));
        w.add(scenario("b"));
        w.add(scenario("c"));
        w.select("b");
        let deleted = w.delete_current(|| scenario("z"));
        assert_eq!(w.current().id, "c");
        assert_eq!(w.scenarios().len(), 2);
        w.restore(deleted);
        let ids: Vec<_> = w.scenarios().iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(w.current().id, "b");
    }

    #[test]
    fn restore_replaces_a_scenario_of_the_same_id_in_place() {
        let mut w = Workspace::new(scenario("a"));
        w.add(scenario("b"));
        w.select("a");
        let mut mine = scenario("b");
        mine.name = "mine".into();
        w.restore(Deleted { scenario: mine, index: 0 });
        let names: Vec<_> = w.scenarios().iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "mine"], "no second scenario with id b");
        assert_eq!(w.current().id, "b");
    }

    #[test]
    fn without_leaves_the_rest_and_keeps_the_open_one_where_it_can() {
        let mut w = Workspace::new(scenario("a"));
        w.add(scenario("b"));
        w.add(scenario("c"));
        w.select("c");
        let rest = w.without("a").unwrap();
        assert_eq!(rest.scenarios().iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["b", "c"]);
        assert_eq!(rest.current().id, "c");
        // removing the open one opens its neighbour
        assert_eq!(w.without("c").unwrap().current().id, "b");
        assert_eq!(w.without("zzz").unwrap(), w);
        assert_eq!(Workspace::new(scenario("a")).without("a"), None);
    }

    #[test]
    fn deleting_the_last_scenario_opens_a_fresh_one() {
        let mut w = Workspace::new(scenario("a"));
        let deleted = w.delete_current(|| scenario("fresh"));
        assert_eq!(deleted.scenario.id, "a");
        assert_eq!(w.scenarios().len(), 1);
        assert_eq!(w.current().id, "fresh");
    }

    #[test]
    fn duplicate_opens_an_equal_copy_after_the_original() {
        let mut w = Workspace::new(scenario("a"));
        w.add(scenario("b"));
        w.select("a");
        w.current_mut().top = 1234.0;
        w.duplicate_current("a2".into(), "A copy".into());
        assert_eq!(w.scenarios()[1].id, "a2");
        assert_eq!(w.current().top, 1234.0);
        assert_eq!(w.current().name, "A copy");
        assert!(!w.select("nope"));
    }

    #[test]
    fn unique_names_count_up() {
        let mut w = Workspace::new(scenario("a"));
        assert_eq!(w.unique_name("A"), "A (2)");
        w.add(Scenario { name: "A (2)".into(), ..scenario("b") });
        assert_eq!(w.unique_name("A"), "A (3)");
        assert_eq!(w.unique_name("New"), "New");
    }

    #[test]
    fn unique_names_fit_the_name_limit() {
        // a name at the limit plus " (2)" was cut back to the taken name on the next load
        let long = "x".repeat(MAX_NAME_CHARS);
        let mut w = Workspace::new(Scenario { name: long.clone(), ..scenario("a") });
        let second = w.unique_name(&long);
        assert_eq!(second, format!("{} (2)", &long[..MAX_NAME_CHARS - 4]));
        w.add(Scenario { name: second, ..scenario("b") });
        assert_eq!(w.unique_name(&long).chars().count(), MAX_NAME_CHARS);
        assert_eq!(w.unique_name(&format!("{long}yz")), format!("{} (3)", &long[..MAX_NAME_CHARS - 4]));
        assert_eq!(w.unique_name("é".repeat(200).as_str()), "é".repeat(MAX_NAME_CHARS));
    }

    #[test]
    fn from_parts_falls_back_to_the_first() {
        assert!(Workspace::from_parts(vec![], "x").is_none());
        let w = Workspace::from_parts(vec![scenario("a"), scenario("b")], "missing").unwrap();
        assert_eq!(w.current().id, "a");
    }
}
