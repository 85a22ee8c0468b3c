//! The visitor's choices about the page itself, not about a scenario (which folds are
//! open): one small record per browser under [`super::Keys::prefs`], read and written by
//! gloo-storage's typed `get` and `set`. A missing or unreadable record is the defaults:
//! nothing in it is worth a notice.

use serde::{Deserialize, Serialize};

/// The page preferences. Fields added later read as their defaults from older records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The money panel's lifetime-value details are open.
    pub money_more: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_and_unknown_or_missing_fields_are_defaults() {
        let open = Prefs { money_more: true };
        let text = serde_json::to_string(&open).unwrap();
        assert_eq!(text, r#"{"money_more":true}"#);
        assert_eq!(serde_json::from_str::<Prefs>(&text).unwrap(), open);
        assert_eq!(serde_json::from_str::<Prefs>("{}").unwrap(), Prefs::default());
        assert_eq!(serde_json::from_str::<Prefs>(r#"{"money_more":true,"later":[1]}"#).unwrap(), open);
        // a damaged record is an error, which the adapter turns into the defaults
        assert!(serde_json::from_str::<Prefs>(r#"{"money_more":"yes"}"#).is_err());
        assert!(serde_json::from_str::<Prefs>("tru").is_err());
    }
}
