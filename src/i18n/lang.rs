//! The UI languages and how the default is chosen.

#[cfg(feature = "bundled-texts")]
use crate::calc::Localized;

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Danish.
    Da,
    /// Swedish.
    Sv,
}

impl Lang {
    /// Every language, in picker order.
    pub const ALL: [Lang; 3] = [Lang::Da, Lang::Sv, Lang::En];

    /// The code used in `?lang=`, `<html lang>` and the `lang-select` values.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Da => "da",
            Lang::Sv => "sv",
        }
    }

    /// The locale handed to `Intl.NumberFormat`.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Da => "da-DK",
            Lang::Sv => "sv-SE",
        }
    }

    /// The language's own name, as the picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Da => "Dansk",
            Lang::Sv => "Svenska",
        }
    }

    /// The language of a BCP 47 tag such as `da`, `sv-SE` or `en-US`.
    ///
    /// # Examples
    /// ```
    /// use tragt::i18n::Lang;
    /// assert_eq!(Lang::from_tag("sv-FI"), Some(Lang::Sv));
    /// assert_eq!(Lang::from_tag("nb-NO"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "da" => Some(Lang::Da),
            "sv" => Some(Lang::Sv),
            _ => None,
        }
    }

    /// The language to start in: `?lang=` first, then the user's saved choice, then the
    /// first of the browser's preferred languages that we speak, else English.
    pub fn choose(url: Option<&str>, saved: Option<&str>, browser: &[String]) -> Lang {
        url.and_then(Lang::from_tag)
            .or_else(|| saved.and_then(Lang::from_tag))
            .or_else(|| browser.iter().find_map(|t| Lang::from_tag(t)))
            .unwrap_or_default()
    }

    /// The text of a [`Localized`] in this language.
    #[cfg(feature = "bundled-texts")]
    pub fn pick(self, text: &Localized) -> &'static str {
        match self {
            Lang::En => text.en,
            Lang::Da => text.da,
            Lang::Sv => text.sv,
        }
    }

    /// The currency a new scenario starts in for this language.
    pub fn default_currency(self) -> crate::calc::Currency {
        match self {
            Lang::Da => crate::calc::Currency::Dkk,
            Lang::Sv => crate::calc::Currency::Sek,
            Lang::En => crate::calc::Currency::Eur,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_beats_saved_beats_browser() {
        let browser = vec!["nb-NO".to_string(), "sv-SE".to_string()];
        assert_eq!(Lang::choose(Some("da"), Some("en"), &browser), Lang::Da);
        assert_eq!(Lang::choose(Some("xx"), Some("en"), &browser), Lang::En);
        assert_eq!(Lang::choose(None, None, &browser), Lang::Sv);
        assert_eq!(Lang::choose(None, None, &["fr".to_string()]), Lang::En);
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.code()), Some(l));
        }
    }
}
