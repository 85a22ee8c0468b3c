//! The analysis views: which there are, their names in URLs and hooks, which a page offers,
//! and which one is shown. One is open at a time; on a first visit none is, so a stage
//! row shows only its default fields. A view adds the per-stage inputs it uses to the
//! rows (see [`View::stage_fields`]).
//!
//! Pure: names in, views and warnings out.

/// An analysis view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// Leaks & advice: the bottlenecks against benchmarks, the levers.
    Leaks,
    /// The goal: the entrants, customers and spend a target takes.
    Goal,
    /// Traffic & spend: the traffic sources and the costs per stage.
    Traffic,
    /// Time & break-even: days per stage, velocity, the timeline.
    Time,
    /// Uncertainty: the Monte Carlo over rate ranges.
    Uncertainty,
    /// Pipeline: the people in each stage now and what they are worth.
    Pipeline,
    /// Referrals: customers who bring customers.
    Referrals,
    /// The comparison of saved scenarios.
    Compare,
    /// The journey (a scenario in journey mode): moves between stages.
    Journey,
}

/// A per-stage input that a view adds to the stage rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageField {
    /// People in the stage now (pipeline).
    Now,
    /// Days spent in the stage.
    Days,
    /// The benchmark rate and its source.
    Benchmark,
    /// The rate's low and high ends, and the rate from counts.
    Range,
    /// The entrants a goal needs.
    Required,
    /// The stage's fixed cost and cost per entrant.
    Costs,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 9] = [
        View::Leaks,
        View::Goal,
        View::Traffic,
        View::Time,
        View::Uncertainty,
        View::Pipeline,
        View::Referrals,
        View::Compare,
        View::Journey,
    ];

    /// The name in URLs (`?view=`, `sections=`) and hooks (`view-tab-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            View::Leaks => "leaks",
            View::Goal => "goal",
            View::Traffic => "traffic",
            View::Time => "time",
            View::Uncertainty => "uncertainty",
            View::Pipeline => "pipeline",
            View::Referrals => "referrals",
            View::Compare => "compare",
            View::Journey => "journey",
        }
    }

    /// The view of a name, exactly as [`View::name`] gives it.
    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }

    /// Whether the view belongs to a journey (else to a straight funnel); the comparison
    /// and the traffic sources belong to both.
    fn fits(self, journey: bool) -> bool {
        match self {
            View::Compare | View::Traffic => true,
            View::Journey => journey,
            _ => !journey,
        }
    }

    /// Whether this view shows `field` in the stage rows.
    pub fn stage_field(self, field: StageField) -> bool {
        matches!(
            (self, field),
            (View::Pipeline, StageField::Now)
                | (View::Time | View::Journey, StageField::Days)
                | (View::Leaks, StageField::Benchmark)
                | (View::Uncertainty, StageField::Range)
                | (View::Goal, StageField::Required)
                | (View::Traffic, StageField::Costs)
        )
    }
}

/// The views a page offers, in tab order: the full page all of them; an embed the ones
/// its snippet asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offered(Vec<View>);

impl Offered {
    /// The full page: every view.
    pub fn all() -> Offered {
        Offered(View::ALL.to_vec())
    }

    /// These views (kept in tab order, each once).
    pub fn only(views: &[View]) -> Offered {
        Offered(View::ALL.into_iter().filter(|v| views.contains(v)).collect())
    }

    /// The views offered to a scenario in a straight funnel or a journey.
    pub fn tabs(&self, journey: bool) -> Vec<View> {
        self.0.iter().copied().filter(|v| v.fits(journey)).collect()
    }

    /// The view shown when the visitor chose `chosen`: it, if the page offers it for this
    /// mode; else, for a journey, the journey itself (its moves are its inputs); else none.
    pub fn shown(&self, chosen: Option<View>, journey: bool) -> Option<View> {
        let tabs = self.tabs(journey);
        match chosen {
            Some(view) if tabs.contains(&view) => Some(view),
            _ if journey && tabs.contains(&View::Journey) => Some(View::Journey),
            _ => None,
        }
    }
}

/// Reads `?view=`: the view to open on load, or a warning for a name that is none.
pub fn parse_view(value: Option<&str>) -> (Option<View>, Option<String>) {
    match value {
        None => (None, None),
        Some(name) => match View::from_name(name.trim()) {
            Some(view) => (Some(view), None),
            None => (None, Some(format!("Tragt: view ignored, use one of {}: “{}”", names(), clip(name)))),
        },
    }
}

/// Reads `sections=`, a comma list of view names: the views, and a warning for each entry
/// that is none.
pub fn parse_sections(value: &str) -> (Vec<View>, Vec<String>) {
    let mut views = Vec::new();
    let mut warnings = Vec::new();
    for entry in value.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        match View::from_name(entry) {
            Some(view) => views.push(view),
            None => warnings.push(format!("Tragt: sections entry ignored, use {}: “{}”", names(), clip(entry))),
        }
    }
    (views, warnings)
}

/// "leaks, goal, …": every view's name.
fn names() -> String {
    View::ALL.map(View::name).join(", ")
}

/// A value as quoted in a warning: at most 40 characters.
fn clip(value: &str) -> String {
    value.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_as_its_view() {
        for view in View::ALL {
            assert_eq!(View::from_name(view.name()), Some(view));
        }
        assert_eq!(View::from_name("Leaks"), None);
        assert_eq!(View::from_name(""), None);
    }

    #[test]
    fn a_funnel_and_a_journey_offer_their_own_views() {
        let all = Offered::all();
        assert_eq!(
            all.tabs(false),
            [
                View::Leaks,
                View::Goal,
                View::Traffic,
                View::Time,
                View::Uncertainty,
                View::Pipeline,
                View::Referrals,
                View::Compare
            ]
        );
        assert_eq!(all.tabs(true), [View::Traffic, View::Compare, View::Journey]);
    }

    #[test]
    fn a_journey_shows_itself_unless_another_of_its_views_is_chosen() {
        let all = Offered::all();
        assert_eq!(all.shown(None, false), None);
        assert_eq!(all.shown(Some(View::Time), false), Some(View::Time));
        assert_eq!(all.shown(Some(View::Journey), false), None);
        assert_eq!(all.shown(None, true), Some(View::Journey));
        assert_eq!(all.shown(Some(View::Time), true), Some(View::Journey));
        assert_eq!(all.shown(Some(View::Compare), true), Some(View::Compare));
        // an embed that offers no journey shows none
        assert_eq!(Offered::only(&[View::Leaks]).shown(None, true), None);
    }

    #[test]
    fn offered_views_keep_tab_order_and_come_once() {
        let offered = Offered::only(&[View::Time, View::Leaks, View::Time]);
        assert_eq!(offered.tabs(false), [View::Leaks, View::Time]);
        assert_eq!(Offered::only(&[]).tabs(false), []);
    }

    #[test]
    fn each_stage_field_belongs_to_the_views_that_use_it() {
        use StageField::*;
        let with = |field| View::ALL.into_iter().filter(|v| v.stage_field(field)).collect::<Vec<_>>();
        assert_eq!(with(Now), [View::Pipeline]);
        assert_eq!(with(Days), [View::Time, View::Journey]);
        assert_eq!(with(Benchmark), [View::Leaks]);
        assert_eq!(with(Range), [View::Uncertainty]);
        assert_eq!(with(Required), [View::Goal]);
        assert_eq!(with(Costs), [View::Traffic]);
    }

    #[test]
    fn unknown_names_are_ignored_with_a_warning() {
        assert_eq!(parse_view(None), (None, None));
        assert_eq!(parse_view(Some("time")), (Some(View::Time), None));
        let (view, warning) = parse_view(Some("<script>"));
        assert_eq!(view, None);
        assert!(warning.is_some_and(|w| w.starts_with("Tragt: view ignored")));
        let (views, warnings) = parse_sections("time, bogus,,uncertainty");
        assert_eq!(views, [View::Time, View::Uncertainty]);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("Tragt: sections entry ignored") && warnings[0].contains("bogus"));
    }
}
