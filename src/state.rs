//! The app's one source of truth, a `reactive_stores` store ([`AppData`]): the language,
//! the saved scenarios (with the open one), the notices on screen. The open scenario is a
//! field of the store whose stages are keyed fields ([`fields`]); its forecast and every
//! other figure are memos derived from it; nothing is kept in sync by hand.

mod fields;

use leptos::prelude::*;
use reactive_stores::{ArcField, AtKeyed, Field, Patch, Store};

pub use fields::{ScenarioFields, StageDocFields, WorkspaceFields};

use crate::calc::journey::{self, Journey};
use crate::calc::markov::ChainError;
use crate::calc::{Deleted, Forecast, InputError, Mode, Scenario, TemplateId, Workspace};
use crate::i18n::{Lang, Texts};
use crate::storage::share::ShareError;
use crate::storage::transfer::ImportProblem;
use crate::storage::Keys;
use crate::views::{Offered, View};

/// What a notice says.
#[derive(Clone, Debug, PartialEq)]
pub enum NoticeKind {
    /// localStorage is blocked.
    StorageUnavailable,
    /// localStorage is full.
    StorageFull,
    /// Saved bytes were unreadable and moved to `backup`.
    Corrupt { backup: String },
    /// Saved bytes came from a newer version: left untouched, and nothing is saved.
    Future,
    /// Another tab changed (or deleted) the scenario open here; the notice offers to keep
    /// this tab's version.
    ChangedElsewhere { name: String, deleted: bool },
    /// `n` saved fields were reset to defaults.
    Repaired(usize),
    /// A scenario was deleted (the notice offers undo).
    Deleted { name: String },
    /// A template was opened as a new scenario.
    NewFromTemplate { name: String },
    /// A share link could not be opened.
    ShareFailed(ShareError),
    /// A scenario opened from a share link was saved.
    SharedSaved { name: String },
    /// `n` scenarios were imported.
    Imported(usize),
    /// A file could not be imported.
    ImportFailed { file: String, problem: ImportProblem },
    /// A new version of the app is waiting (the notice offers a reload).
    UpdateReady,
    /// The texts of a language could not be fetched, so the UI stayed in its language.
    LanguageUnavailable(Lang),
    /// A stage was removed (the notice offers undo).
    StageRemoved { name: String },
    /// A traffic source was removed (undo).
    SourceRemoved { name: String },
    /// The purchase stage was removed, so the customers are counted at `now` (undo).
    PurchaseMoved { removed: String, now: String },
    /// The journey's moves were rebuilt from the funnel's rates (undo).
    JourneyRebuilt,
    /// An untouched example was replaced by another template (undo).
    TemplateReplaced { name: String },
    /// The goal was cleared (undo).
    GoalCleared,
}

impl NoticeKind {
    /// Whether it is about the scenario open when it is shown (and goes when another is
    /// opened), rather than about the app, its storage or another scenario.
    pub fn is_about_the_open_scenario(&self) -> bool {
        matches!(
            self,
            NoticeKind::ChangedElsewhere { deleted: false, .. }
                | NoticeKind::NewFromTemplate { .. }
                | NoticeKind::SharedSaved { .. }
                | NoticeKind::StageRemoved { .. }
                | NoticeKind::SourceRemoved { .. }
                | NoticeKind::PurchaseMoved { .. }
                | NoticeKind::JourneyRebuilt
                | NoticeKind::TemplateReplaced { .. }
                | NoticeKind::GoalCleared
        )
    }
}

/// A message in the notice area.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique while on screen.
    pub id: u64,
    /// What it says.
    pub kind: NoticeKind,
    /// What "Undo" (`notice-undo`) puts back: a deleted scenario, or the open one as it was
    /// before an action threw some of its input away ([`AppState::notify_undo`]).
    pub undo: Option<Deleted>,
    /// The scenario it is about, if any: the notice goes once that scenario is no longer
    /// open.
    pub about: Option<String>,
}

/// How long a notice that offers undo stays, in milliseconds: long enough to notice and
/// change one's mind, short enough that an old snapshot cannot wipe later work.
pub const UNDO_MS: u64 = 30_000;

/// Everything the app holds: the one source of truth. Components read it through
/// [`AppState`]'s fields, and edit the open scenario with [`AppState::edit`], which patches
/// only the fields an edit changed (see [`fields`]).
#[derive(Store)]
pub struct AppData {
    /// UI language.
    pub lang: Lang,
    /// All scenarios and the open one.
    pub workspace: Workspace,
    /// Messages on screen.
    pub notices: Vec<Notice>,
    /// Whether changes may be written to storage (false when it is blocked, or when
    /// unreadable saved bytes could not be moved aside and must not be overwritten).
    pub can_save: bool,
    /// The id of a scenario opened from a share link and not saved yet: it is in the
    /// workspace (to view and edit) but left out of every write until the user saves it.
    pub shared: Option<String>,
    /// The analysis view the visitor chose (`None`: none), see [`AppState::view`].
    pub view: Option<View>,
    /// Whether the money panel's lifetime-value details are open (a page preference,
    /// remembered per visitor).
    pub money_more: bool,
    /// The open scenario as the forecasting views see it: it follows the open scenario
    /// once typing pauses ([`use_settling`]).
    pub settled: Scenario,
    /// Whether the forecasting views are on the page: they mount after the first figures,
    /// so that they never delay them.
    pub analysis_ready: bool,
}

/// App-wide state, provided as context: the store's fields and the figures derived from
/// them. `Copy` because every field is a handle.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The store itself.
    pub store: Store<AppData>,
    /// UI language, read by nearly every text on the page: a memo over the store's field, so
    /// that those readers subscribe to it alone and not to the store's own triggers, which
    /// every field read subscribes to (re-subscribing costs time in proportion to a source's
    /// subscribers). Change it with [`AppState::set_lang`].
    pub lang: Memo<Lang>,
    /// All scenarios and the open one. Read it here; write it only through
    /// [`AppState::edit`], [`AppState::set_workspace`] or [`AppState::update_workspace`].
    pub workspace: Field<Workspace>,
    /// Messages on screen.
    pub notices: Field<Vec<Notice>>,
    /// Whether changes may be written to storage.
    pub can_save: Field<bool>,
    /// Storage keys of this namespace.
    pub keys: StoredValue<Keys>,
    /// An unsaved scenario from a share link ([`AppData::shared`]).
    pub shared: Field<Option<String>>,
    /// The embed configuration, when the page runs inside an agency's iframe.
    pub embed: StoredValue<Option<crate::embed::EmbedConfig>>,
    /// The analysis view the visitor chose ([`AppData::view`]); open one with
    /// [`AppState::open_view`].
    pub chosen_view: Field<Option<View>>,
    /// The views the page offers: all of them, or an embed's.
    pub offered: StoredValue<Offered>,
    /// The view shown: the chosen one if the page offers it for the open scenario's mode,
    /// else a journey's own view, else none.
    pub view: Memo<Option<View>>,
    /// Whether the money panel's lifetime-value details are open ([`AppData::money_more`]).
    pub money_more: Field<bool>,
    /// The open scenario, a field of the workspace: its stages are keyed fields
    /// (`state.scenario.stages()`), each with fields of its own. Edit it with
    /// [`AppState::edit`].
    pub scenario: Field<Scenario>,
    /// Its currency, read by every money figure: a memo, for the same reason as `lang`.
    pub currency: Memo<crate::calc::Currency>,
    /// Its period, a memo likewise.
    pub period: Memo<crate::calc::Period>,
    /// Its figures.
    pub forecast: Memo<Forecast>,
    /// The open scenario as the forecasting views (bottlenecks, time, uncertainty, pipeline,
    /// referrals) see it: it follows `scenario` once typing pauses ([`SETTLE`]), so their
    /// work — the Monte Carlo above all — stays off the keystroke path. Until it has caught
    /// up they show the previous result.
    pub settled: Field<Scenario>,
    /// True while `settled` has not caught up with the open scenario: the forecasting views
    /// say so with `aria-busy`, which a page (and the end-to-end tests) can wait on.
    pub settling: Memo<bool>,
    /// The settled scenario's figures.
    pub settled_forecast: Memo<Forecast>,
    /// The settled scenario's Monte Carlo (computed when first read).
    pub outcome: Memo<Result<crate::calc::uncertainty::Outcome, (usize, crate::calc::Undefined)>>,
    /// Whether the forecasting views are on the page.
    pub analysis_ready: Field<bool>,
    /// The open scenario's goal, planned against its forecast (None without a goal).
    pub goal: Memo<Option<crate::calc::goal::GoalPlan>>,
    /// The open scenario's journey, `None` while it is a straight funnel: solved, or every
    /// problem that keeps it from being solved (MODELS.md §3.8).
    pub journey: Memo<Option<Result<Journey, Vec<ChainError>>>>,
    /// The last journey of the open scenario that could be solved (same stages): what the
    /// figures show while a row is being edited towards 100 %.
    pub journey_shown: Memo<Option<(String, Journey)>>,
}

impl AppState {
    /// State around a workspace.
    pub fn new(lang: Lang, workspace: Workspace, keys: Keys) -> AppState {
        let settled = workspace.current().clone();
        let store = Store::new(AppData {
            lang,
            workspace,
            notices: Vec::new(),
            can_save: true,
            shared: None,
            view: None,
            money_more: false,
            settled,
            analysis_ready: false,
        });
        let scenario: Field<Scenario> = store.workspace().current().into();
        let journey = Memo::new(move |_| {
            scenario.with(|s| {
                (s.mode == Mode::Journey)
                    .then(|| measured("tragt:journey", || journey::of_scenario(s)).map_err(|_| journey::problems(s)))
            })
        });
        let journey_shown = Memo::new(move |prev: Option<&Option<(String, Journey)>>| {
            // the open scenario's id and size alone: every edit reaches this memo through
            // `journey` already
            let (id, n) = (scenario.id().get(), scenario.stages().with(Vec::len));
            match journey.get() {
                Some(Ok(j)) => Some((id, j)),
                // the last solvable journey's chances, for today's newcomers and money
                Some(Err(_)) => prev
                    .cloned()
                    .flatten()
                    .filter(|(was, j)| *was == id && j.solution.buy.len() == n)
                    .map(|(id, j)| (id, scenario.with(|s| journey::refreshed(s, &j)))),
                None => None,
            }
        });
        let forecast = Memo::new(move |_| {
            scenario.with(|s| match journey_shown.with(|j| j.as_ref().map(|(_, j)| journey::forecast(s, j))) {
                Some(f) if s.mode == Mode::Journey => f,
                _ => s.funnel_forecast(),
            })
        });
        let chosen_view: Field<Option<View>> = store.view().into();
        let offered = StoredValue::new(Offered::all());
        let settled: Field<Scenario> = store.settled().into();
        let settling = Memo::new(move |_| scenario.with(|s| settled.with(|t| t != s)));
        let settled_forecast = Memo::new(move |_| settled.with(Scenario::forecast));
        let outcome = Memo::new(move |_| measured("tragt:mc", || settled.with(crate::calc::uncertainty::of_scenario)));
        let goal = Memo::new(move |_| {
            scenario.with(|s| {
                let purchase = s.index_of(s.purchase).unwrap_or(s.stages.len().saturating_sub(1));
                // goal seeking plans a straight funnel (a journey hides the goal panel)
                s.goal
                    .filter(|_| s.mode == Mode::Funnel)
                    .map(|target| forecast.with(|f| crate::calc::goal::plan(f, target, purchase)))
            })
        });
        AppState {
            store,
            lang: Memo::new(move |_| store.lang().get()),
            workspace: store.workspace().into(),
            notices: store.notices().into(),
            can_save: store.can_save().into(),
            keys: StoredValue::new(keys),
            shared: store.shared().into(),
            chosen_view,
            offered,
            view: Memo::new(move |_| {
                let journey = scenario.mode().get() == Mode::Journey;
                offered.with_value(|o| o.shown(chosen_view.get(), journey))
            }),
            money_more: store.money_more().into(),
            embed: StoredValue::new(None),
            scenario,
            currency: Memo::new(move |_| scenario.currency().get()),
            period: Memo::new(move |_| scenario.period().get()),
            forecast,
            settled,
            settling,
            settled_forecast,
            outcome,
            analysis_ready: store.analysis_ready().into(),
            goal,
            journey,
            journey_shown,
        }
    }

    /// Switches the UI language.
    pub fn set_lang(&self, lang: Lang) {
        self.store.lang().set(lang);
    }

    /// Opens an analysis view (`None`: closes the one open).
    pub fn open_view(&self, view: Option<View>) {
        self.chosen_view.set(view);
    }

    /// Whether the view shown adds `field` to the stage rows (tracked).
    pub fn shows_stage_field(&self, field: crate::views::StageField) -> bool {
        self.view.get().is_some_and(|v| v.stage_field(field))
    }

    /// Whether the page is a compact embed (`layout=compact`): fixed for the page's life.
    pub fn compact(&self) -> bool {
        self.embed.with_value(|e| e.as_ref().is_some_and(|e| e.layout == crate::embed::Layout::Compact))
    }

    /// The text table of the current language (tracked).
    pub fn t(&self) -> &'static Texts {
        Texts::of(self.lang.get())
    }

    /// The text table of the current language, untracked (for parts rebuilt on a change of
    /// language anyway).
    pub fn t_untracked(&self) -> &'static Texts {
        Texts::of(self.lang.get_untracked())
    }

    /// Applies an edit to the open scenario; the store changes only if the edit succeeds,
    /// and then only in the fields the edit changed (so a row reads only its own stage).
    pub fn edit<R>(&self, f: impl FnOnce(&mut Scenario) -> Result<R, InputError>) -> Result<R, InputError> {
        let mut s = self.scenario.with_untracked(Scenario::clone);
        let r = f(&mut s)?;
        if self.scenario.with_untracked(|now| *now != s) {
            self.follow_stage_keys();
            self.store.workspace().current().patch(s);
            self.follow_stage_keys();
        }
        Ok(r)
    }

    /// Replaces the workspace (another scenario opened, added, deleted, imported, merged):
    /// patched, so an unchanged open scenario wakes nothing.
    pub fn set_workspace(&self, workspace: Workspace) {
        let open = workspace.current().id.clone();
        self.follow_stage_keys();
        self.store.workspace().patch(workspace);
        self.follow_stage_keys();
        // a notice about a scenario goes once another is open
        if self.notices.with_untracked(|l| l.iter().any(|n| n.about.as_ref().is_some_and(|id| *id != open))) {
            self.notices.update(|l| l.retain(|n| n.about.as_ref().is_none_or(|id| *id == open)));
        }
    }

    /// Brings the store's map of the stage list (stage id ↔ place) up to date with the
    /// list: before a patch, which finds each stage's fields through it, and after, before
    /// anything reads a stage by its id again. Every write of the workspace goes through
    /// [`AppState::edit`] or [`AppState::set_workspace`], which call this.
    fn follow_stage_keys(&self) {
        self.scenario.stages().update_keys();
    }

    /// Changes the workspace in place, patched like [`AppState::set_workspace`].
    pub fn update_workspace<R>(&self, f: impl FnOnce(&mut Workspace) -> R) -> R {
        let mut w = self.workspace.with_untracked(Workspace::clone);
        let r = f(&mut w);
        self.set_workspace(w);
        r
    }

    /// What may be written to storage: the workspace without an unsaved shared scenario
    /// (`None` when that is all there is).
    pub fn savable(&self) -> Option<Workspace> {
        let shared = self.shared.get_untracked();
        self.workspace.with_untracked(|w| match shared {
            Some(id) => w.without(&id),
            None => Some(w.clone()),
        })
    }

    /// Shows a notice (once: an equal one already shown is replaced).
    pub fn notify(&self, kind: NoticeKind, undo: Option<Deleted>) {
        let about = kind.is_about_the_open_scenario().then(|| self.scenario.with_untracked(|s| s.id.clone()));
        self.push_notice(Notice { id: next_number(), kind, undo, about });
    }

    /// Shows a notice about the open scenario whose "Undo" puts `before` back (the open
    /// scenario as it was before an action threw some of its input away); it goes when
    /// another scenario is opened.
    pub fn notify_undo(&self, kind: NoticeKind, before: Scenario) {
        let index = self.workspace.with_untracked(|w| w.scenarios().iter().position(|s| s.id == before.id));
        self.notify(kind, Some(Deleted { scenario: before, index: index.unwrap_or(0) }));
    }

    /// Shows `notice`: an equal one is replaced, and so is an older undo of the same
    /// scenario (one step back at a time; the newest snapshot is the one to return to).
    fn push_notice(&self, notice: Notice) {
        let undoes = notice.undo.is_some().then(|| notice.about.clone()).flatten();
        self.notices.update(|list| {
            list.retain(|n| n.kind != notice.kind && !(n.undo.is_some() && undoes.is_some() && n.about == undoes));
            list.push(notice);
        });
    }

    /// Puts back what the notice `id` offers to undo, and removes the notice.
    pub fn undo(&self, id: u64) {
        let undo = self.notices.with_untracked(|l| l.iter().find(|n| n.id == id).and_then(|n| n.undo.clone()));
        if let Some(deleted) = undo {
            self.update_workspace(|w| w.restore(deleted));
        }
        self.dismiss(id);
    }

    /// Removes a notice.
    pub fn dismiss(&self, id: u64) {
        // (a notice's timer may fire after the app is gone)
        let _ = self.notices.try_update(|list| list.retain(|n| n.id != id));
    }

    /// A new scenario from a template, named in the UI language and unique in the list.
    pub fn fresh_scenario(&self, template: TemplateId) -> Scenario {
        let lang = self.lang.get_untracked();
        let base = lang.template(template).name;
        let name = self.workspace.with_untracked(|w| w.unique_name(base));
        Scenario::from_template(new_id(), name, template, lang.default_currency())
    }
}

/// Runs `work`, leaving its time as the performance measure `name` in the browser: the
/// benchmark reads the Markov solve (`tragt:journey`) and the Monte Carlo (`tragt:mc`) this way.
fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        let perf = web_sys::window().and_then(|w| w.performance());
        let start = format!("{name}-start");
        let _ = perf.as_ref().map(|p| p.mark(&start));
        let out = work();
        let _ = perf.as_ref().map(|p| p.measure_with_start_mark(name, &start));
        out
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        work()
    }
}

/// How long typing must pause before the forecasting views follow.
pub const SETTLE: std::time::Duration = std::time::Duration::from_millis(120);

/// Lets `state.settled` follow the open scenario once typing pauses for [`SETTLE`]; a
/// change of scenario (another picked, a template, an import) is followed at once. This is
/// the one deliberate lag between the open scenario and what is derived from it.
pub fn use_settling(state: AppState) {
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // outside world: a timer
    Effect::new(move |_| {
        let (id, same) = state.scenario.with(|s| (s.id.clone(), state.settled.with_untracked(|t| t == s)));
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        if same {
            return;
        }
        if state.settled.with_untracked(|t| t.id != id) {
            state.settled.set(state.scenario.get_untracked());
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                // (read, then write: the two are fields of one store)
                if let Some(open) = state.scenario.try_get_untracked() {
                    state.settled.try_set(open);
                }
            },
            SETTLE,
        );
        timer.set_value(handle.ok());
    });
}

/// The field of the stage with this id in the open scenario. It is keyed, so it follows the
/// stage when stages move; once the stage is gone, `try_with` reads `None`.
pub fn stage_field(state: AppState, id: u32) -> Field<crate::calc::StageDoc> {
    ArcField::from(AtKeyed::new(state.scenario.stages(), id)).into()
}

/// The app state from context.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

fn next_number() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A scenario id unique across sessions: the time in ms and a counter, base 36.
pub fn new_id() -> String {
    let now = if cfg!(target_arch = "wasm32") { js_sys::Date::now() as u64 } else { 0 };
    format!("s{}-{}", radix36(now), radix36(next_number()))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
