//! Two tabs, one store: what a tab does when another tab has written the saved scenarios
//! (the browser's `storage` event). A three-way merge per scenario, pure so it is tested
//! natively: `base` is what this tab last knew to be saved, `ours` what it has now (with
//! edits perhaps not yet written), `theirs` what the other tab just wrote.
//!
//! The rules, per scenario id:
//! - changed only there: theirs; changed only here: ours (this tab writes it next);
//! - changed in both: ours, because this tab's pending write comes later and so wins; the
//!   other tab then hears of it the same way;
//! - changed or deleted there while this tab had nothing unsaved for it: theirs, and when
//!   that scenario is open here, the tab says so and offers to keep its own version
//!   ([`Merged::overridden`]): nothing is lost silently;
//! - new there: added; new here (not yet saved, or an unsaved shared scenario): kept;
//!   deleted here but not yet written: stays deleted.
//!
//! Each tab keeps its own open scenario.

use crate::calc::{Scenario, Workspace};

/// The result of a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The workspace this tab shows now.
    pub workspace: Workspace,
    /// The scenario that was open here as this tab had it, when the other tab changed
    /// (`deleted: false`) or deleted (`deleted: true`) it: the tab offers to keep it.
    pub overridden: Option<Overridden>,
    /// Whether `workspace` holds anything that the store does not (this tab must write).
    pub ahead: bool,
}

/// The open scenario as this tab had it, before the other tab's write replaced it.
#[derive(Clone, Debug, PartialEq)]
pub struct Overridden {
    /// This tab's version.
    pub scenario: Scenario,
    /// Where it stood in the list.
    pub index: usize,
    /// The other tab deleted it (rather than changed it).
    pub deleted: bool,
}

fn find<'a>(w: &'a Workspace, id: &str) -> Option<&'a Scenario> {
    w.scenarios().iter().find(|s| s.id == id)
}

/// Merges the other tab's write into this tab's workspace (see the module's rules). `base`
/// is `None` when nothing was saved before the other tab's write.
pub fn merge(base: Option<&Workspace>, ours: &Workspace, theirs: &Workspace) -> Merged {
    let open_id = ours.current().id.clone();
    let open_index = ours.scenarios().iter().position(|s| s.id == open_id).unwrap_or(0);
    let in_base = |id: &str| base.and_then(|b| find(b, id));
    let changed_here = |s: &Scenario| in_base(&s.id) != Some(s);
    let mut list: Vec<Scenario> = Vec::new();
    let mut overridden = None;
    let mut ahead = false;
    for t in theirs.scenarios() {
        match (find(ours, &t.id), in_base(&t.id)) {
            // changed here (and perhaps there too): this tab's version, written next
            (Some(o), _) if changed_here(o) => {
                ahead |= o != t;
                list.push(o.clone());
            }
            // unchanged here: theirs; an open scenario that changes says so
            (Some(o), _) => {
                if o != t && o.id == open_id {
                    overridden = Some(Overridden { scenario: o.clone(), index: open_index, deleted: false });
                }
                list.push(t.clone());
            }
            // deleted here, not yet written: stays deleted
            (None, Some(_)) => ahead = true,
            // new there
            (None, None) => list.push(t.clone()),
        }
    }
    for o in ours.scenarios() {
        if find(theirs, &o.id).is_some() {
            continue;
        }
        match in_base(&o.id) {
            // new here: kept, written next (an unsaved shared scenario never reaches `base`)
            None => {
                ahead = true;
                list.push(o.clone());
            }
            // deleted there; changed here since: kept (this tab's write brings it back)
            Some(b) if b != o => {
                ahead = true;
                list.push(o.clone());
            }
            // deleted there, unchanged here: gone; if it was open here, the tab says so
            Some(_) => {
                if o.id == open_id {
                    overridden = Some(Overridden { scenario: o.clone(), index: open_index, deleted: true });
                }
            }
        }
    }
    let workspace = match Workspace::from_parts(list, &open_id) {
        Some(mut w) => {
            if find(&w, &open_id).is_none() {
                // the open scenario went: its neighbour opens, as after a delete here
                let at = open_index.min(w.scenarios().len() - 1);
                let id = w.scenarios()[at].id.clone();
                w.select(&id);
            }
            w
        }
        // nothing left on either side: this tab keeps what it has
        None => ours.clone(),
    };
    Merged { workspace, overridden, ahead }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::TemplateId;

    fn scenario(id: &str, name: &str) -> Scenario {
        Scenario::from_template(id.to_string(), name.to_string(), TemplateId::Webshop, crate::calc::Currency::Eur)
    }
    fn ws(list: &[&Scenario], open: &str) -> Workspace {
        Workspace::from_parts(list.iter().map(|s| (*s).clone()).collect(), open).unwrap()
    }
    fn renamed(s: &Scenario, name: &str) -> Scenario {
        let mut s = s.clone();
        s.name = name.to_string();
        s
    }
    fn names(w: &Workspace) -> Vec<&str> {
        w.scenarios().iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn different_scenarios_edited_in_two_tabs_both_survive() {
        let (a, b) = (scenario("a", "A"), scenario("b", "B"));
        let base = ws(&[&a, &b], "a");
        // this tab edited A (not yet written); the other tab edited B and wrote
        let ours = ws(&[&renamed(&a, "A here"), &b], "a");
        let theirs = ws(&[&a, &renamed(&b, "B there")], "b");
        let m = merge(Some(&base), &ours, &theirs);
        assert_eq!(names(&m.workspace), ["A here", "B there"]);
        assert_eq!(m.workspace.current().id, "a", "each tab keeps its open scenario");
        assert_eq!(m.overridden, None);
        assert!(m.ahead, "A here still has to be written");
    }

    #[test]
    fn the_open_scenario_changed_there_is_replaced_and_offered_back() {
        let a = scenario("a", "A");
        let base = ws(&[&a], "a");
        let m = merge(Some(&base), &base, &ws(&[&renamed(&a, "A there")], "a"));
        assert_eq!(names(&m.workspace), ["A there"]);
        assert_eq!(m.overridden, Some(Overridden { scenario: a, index: 0, deleted: false }));
        assert!(!m.ahead, "nothing to write: the store has it all");
    }

    #[test]
    fn the_same_scenario_edited_in_both_keeps_this_tabs_pending_edit() {
        let a = scenario("a", "A");
        let base = ws(&[&a], "a");
        let m = merge(Some(&base), &ws(&[&renamed(&a, "here")], "a"), &ws(&[&renamed(&a, "there")], "a"));
        assert_eq!(names(&m.workspace), ["here"], "the later write (this tab's, pending) wins");
        assert!(m.ahead);
        assert_eq!(m.overridden, None);
    }

    #[test]
    fn added_there_appears_and_new_here_is_kept() {
        let (a, b, c) = (scenario("a", "A"), scenario("b", "B"), scenario("c", "C"));
        let base = ws(&[&a], "a");
        let m = merge(Some(&base), &ws(&[&a, &c], "c"), &ws(&[&a, &b], "b"));
        assert_eq!(names(&m.workspace), ["A", "B", "C"]);
        assert_eq!(m.workspace.current().id, "c");
        assert!(m.ahead, "C is not in the store yet");
    }

    #[test]
    fn deleted_there_goes_unless_changed_here() {
        let (a, b) = (scenario("a", "A"), scenario("b", "B"));
        let base = ws(&[&a, &b], "a");
        // B deleted there, untouched here and not open: gone quietly
        let m = merge(Some(&base), &base, &ws(&[&a], "a"));
        assert_eq!(names(&m.workspace), ["A"]);
        assert_eq!(m.overridden, None);
        // B deleted there but edited here: kept, to be written again
        let m = merge(Some(&base), &ws(&[&a, &renamed(&b, "B edited")], "a"), &ws(&[&a], "a"));
        assert_eq!(names(&m.workspace), ["A", "B edited"]);
        assert!(m.ahead);
    }

    #[test]
    fn the_open_scenario_deleted_there_opens_its_neighbour_and_is_offered_back() {
        let (a, b) = (scenario("a", "A"), scenario("b", "B"));
        let base = ws(&[&a, &b], "b");
        let m = merge(Some(&base), &base, &ws(&[&a], "a"));
        assert_eq!(names(&m.workspace), ["A"]);
        assert_eq!(m.workspace.current().id, "a");
        assert_eq!(m.overridden, Some(Overridden { scenario: b, index: 1, deleted: true }));
    }

    #[test]
    fn deleted_here_not_yet_written_stays_deleted() {
        let (a, b) = (scenario("a", "A"), scenario("b", "B"));
        let base = ws(&[&a, &b], "a");
        let m = merge(Some(&base), &ws(&[&a], "a"), &ws(&[&a, &renamed(&b, "B there")], "a"));
        assert_eq!(names(&m.workspace), ["A"]);
        assert!(m.ahead, "the deletion is still to be written");
    }

    #[test]
    fn a_first_write_there_joins_what_this_tab_has() {
        let (a, b) = (scenario("a", "A"), scenario("b", "B"));
        // nothing was saved before: this tab's scenario is new here, B is new there
        let m = merge(None, &ws(&[&a], "a"), &ws(&[&b], "b"));
        assert_eq!(names(&m.workspace), ["B", "A"]);
        assert_eq!(m.workspace.current().id, "a");
        assert!(m.ahead);
    }

    #[test]
    fn a_write_that_changes_nothing_here_changes_nothing() {
        let (a, b) = (scenario("a", "A"), scenario("b", "B"));
        let base = ws(&[&a, &b], "a");
        // the other tab wrote the same scenarios with its own open one
        let m = merge(Some(&base), &base, &ws(&[&a, &b], "b"));
        assert_eq!(m.workspace, base);
        assert_eq!((m.overridden, m.ahead), (None, false));
    }
}
