//! Store fields of the calculation core's types: the accessors (`scenario.stages()`,
//! `stage.rate()`, …) and the patching that `#[derive(Store, Patch)]` would generate, written
//! out here because `calc` stays free of the UI framework.
//!
//! Each accessor is a [`Subfield`] at a fixed path segment, and [`PatchField`] compares the
//! new value field by field along the same segments, so that an edit notifies exactly the
//! fields it changed: typing a rate wakes that stage's rate, its parents and what reads the
//! whole scenario (the forecast), not the other stages' rows. The stage list is keyed by stage
//! id, as `#[store(key: u32 = |stage| stage.id)]` would make it.

use reactive_stores::{KeyMap, KeyedSubfield, PatchField, PatchFieldKeyed, StoreField, StorePath, Subfield};

use crate::calc::goal::Target;
use crate::calc::templates::TemplateId;
use crate::calc::traffic::TrafficSource;
use crate::calc::{Currency, Economics, Mode, Moves, Period, Rate, Scenario, StageDoc, StageLabel, Workspace};

/// Values with no fields of their own in the store: a change replaces them and notifies
/// whoever reads them.
macro_rules! leaf {
    ($($ty:ty),* $(,)?) => {
        $(impl PatchField for $ty {
            fn patch_field(
                &mut self,
                new: Self,
                path: &StorePath,
                notify: &mut dyn FnMut(&StorePath),
                _keys: Option<&KeyMap>,
            ) {
                if new != *self {
                    *self = new;
                    notify(path);
                }
            }
        })*
    };
}

leaf!(Rate, StageLabel, Moves, Economics, Currency, Period, Mode, Target, TemplateId, TrafficSource);

/// The accessors of a struct's fields, each a [`Subfield`] at the segment given, and the
/// struct's [`PatchField`] along the same segments. `keyed` fields are patched by key.
macro_rules! fields {
    (
        $(#[$doc:meta])* $fields:ident for $ty:ty {
            $($segment:literal $field:ident: $field_ty:ty),* $(,)?
        }
        $(keyed $keyed_segment:literal $keyed:ident: $item:ty => $key:ty, |$it:ident| $key_of:expr)?
    ) => {
        $(#[$doc])*
        pub trait $fields: StoreField<Value = $ty> + Sized {
            $(
                #[doc = concat!("The `", stringify!($field), "` field.")]
                // named after the field (`from_counts` is no conversion)
                #[allow(clippy::wrong_self_convention)]
                fn $field(self) -> Subfield<Self, $ty, $field_ty> {
                    Subfield::new(self, ($segment as usize).into(), |v| &v.$field, |v| &mut v.$field)
                }
            )*
            $(
                #[doc = concat!("The `", stringify!($keyed), "` list, keyed.")]
                fn $keyed(self) -> KeyedSubfield<Self, $ty, $key, Vec<$item>> {
                    KeyedSubfield::new(self, ($keyed_segment as usize).into(), |$it| $key_of, |v| &v.$keyed, |v| &mut v.$keyed)
                }
            )?
        }

        impl<S: StoreField<Value = $ty>> $fields for S {}

        impl PatchField for $ty {
            fn patch_field(
                &mut self,
                new: Self,
                path: &StorePath,
                notify: &mut dyn FnMut(&StorePath),
                keys: Option<&KeyMap>,
            ) {
                $(
                    let mut at = path.clone();
                    at.push($segment as usize);
                    self.$field.patch_field(new.$field, &at, notify, keys);
                )*
                $(
                    let mut at = path.clone();
                    at.push($keyed_segment as usize);
                    // the keys as they are, should nothing have read the list by key yet
                    let known: Vec<$key> = self.$keyed.iter().map(|$it: &$item| $key_of).collect();
                    let changed = self.$keyed.patch_field_keyed(
                        new.$keyed,
                        notify,
                        keys,
                        |$it: &$item| $key_of,
                        |key| {
                            let index = keys?
                                .with_field_keys(at.clone(), |keys| (keys.get(key), vec![]), || known.clone())
                                .flatten()
                                .map(|(_, index)| index)?;
                            let mut item = at.clone();
                            item.push(index);
                            Some(item)
                        },
                    );
                    if changed {
                        notify(&at);
                    }
                )?
            }
        }
    };
}

fields! {
    /// The fields of a stage.
    StageDocFields for StageDoc {
        0 id: u32,
        1 label: StageLabel,
        2 rate: Rate,
        3 now: Option<f64>,
        4 days: Option<f64>,
        5 benchmark: Option<Rate>,
        6 low: Option<Rate>,
        7 high: Option<Rate>,
        8 from_counts: bool,
        9 moves: Option<Moves>,
        10 fixed_cost: Option<f64>,
        11 entrant_cost: Option<f64>,
    }
}

fields! {
    /// The fields of a scenario; its stages keyed by id.
    ScenarioFields for Scenario {
        0 id: String,
        1 name: String,
        2 template: TemplateId,
        4 top: f64,
        5 lead: u32,
        6 purchase: u32,
        7 economics: Economics,
        8 currency: Currency,
        9 period: Period,
        10 goal: Option<Target>,
        11 referrals: f64,
        12 trials: u32,
        13 seed: u32,
        14 mode: Mode,
        15 recovery: f64,
        16 recover_to: u32,
        17 sources: Vec<TrafficSource>,
    }
    keyed 3 stages: StageDoc => u32, |stage| stage.id
}

/// The open scenario of a workspace, as a field of its own.
pub trait WorkspaceFields: StoreField<Value = Workspace> + Sized {
    /// The open scenario: an edit of it notifies only the fields it changed.
    fn current(self) -> Subfield<Self, Workspace, Scenario> {
        Subfield::new(self, 0usize.into(), Workspace::current, Workspace::current_mut)
    }
}

impl<S: StoreField<Value = Workspace>> WorkspaceFields for S {}

impl PatchField for Workspace {
    /// An edit of the open scenario alone is patched into it; anything else (another
    /// scenario opened, added, renamed or deleted) replaces the workspace, and everything
    /// that reads it follows.
    fn patch_field(&mut self, new: Self, path: &StorePath, notify: &mut dyn FnMut(&StorePath), keys: Option<&KeyMap>) {
        let same_list = self.scenarios().len() == new.scenarios().len()
            && self.current().id == new.current().id
            && self
                .scenarios()
                .iter()
                .zip(new.scenarios())
                .all(|(was, now)| was.id == now.id && (was.id == self.current().id || was == now));
        if same_list {
            let mut at = path.clone();
            at.push(0usize);
            let open = new.current().clone();
            self.current_mut().patch_field(open, &at, notify, keys);
        } else if *self != new {
            *self = new;
            notify(path);
        }
    }
}
