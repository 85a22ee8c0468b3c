//! The UI languages and how the default is chosen.
//!
//! A language is one line of the list below and one file, `locales/<code>.json`, with its
//! texts (see [`super::catalog`]).

use crate::calc::Currency;

/// Declares the languages: one line each, in the order the language select lists them.
macro_rules! languages {
    ($(
        $(#[$doc:meta])*
        $variant:ident: $code:literal, $name:literal, $intl:literal, $currency:ident, decimal $decimal:literal,
            tags [$($tag:literal),+];
    )+) => {
        /// A UI language.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
        pub enum Lang {
            $($(#[$doc])* $variant,)+
        }

        impl Lang {
            /// Every language, in picker order.
            pub const ALL: [Lang; [$($code),+].len()] = [$(Lang::$variant),+];

            /// The code used in `?lang=`, `<html lang>`, the `lang-select` values and the
            /// name of the language's file.
            pub fn code(self) -> &'static str {
                match self { $(Lang::$variant => $code,)+ }
            }

            /// The locale handed to `Intl.NumberFormat`.
            pub fn locale(self) -> &'static str {
                match self { $(Lang::$variant => $intl,)+ }
            }

            /// The language's own name, as the picker shows it.
            pub fn native_name(self) -> &'static str {
                match self { $(Lang::$variant => $name,)+ }
            }

            /// The currency a new scenario starts in for this language.
            pub fn default_currency(self) -> Currency {
                match self { $(Lang::$variant => Currency::$currency,)+ }
            }

            /// The decimal mark of typed and exported numbers: `.` or `,`.
            pub fn decimal_mark(self) -> char {
                match self { $(Lang::$variant => $decimal,)+ }
            }

            /// A hash of the language's file, computed while compiling (the file itself is
            /// not in the binary): it goes into the file's URL, so a changed file is fetched anew.
            pub fn file_hash(self) -> u32 {
                match self {
                    $(Lang::$variant => {
                        const HASH: u32 = fnv(include_bytes!(
                            concat!(env!("CARGO_MANIFEST_DIR"), "/locales/", $code, ".json")
                        ));
                        HASH
                    })+
                }
            }

            /// The language's file, compiled in.
            #[cfg(feature = "bundled-texts")]
            pub fn bundled_file(self) -> &'static str {
                match self {
                    $(Lang::$variant => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/", $code, ".json")),)+
                }
            }

            /// The language of a BCP 47 tag such as `da`, `sv-SE`, `nn-NO` or `en-US`.
            ///
            /// # Examples
            /// ```
            /// use tragt::i18n::Lang;
            /// assert_eq!(Lang::from_tag("sv-FI"), Some(Lang::Sv));
            /// assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
            /// assert_eq!(Lang::from_tag("nn-NO"), Some(Lang::Nb));
            /// assert_eq!(Lang::from_tag("fi-FI"), None);
            /// ```
            pub fn from_tag(tag: &str) -> Option<Lang> {
                let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
                match primary.as_str() {
                    $($($tag)|+ => Some(Lang::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

languages! {
    /// Danish.
    Da: "da", "Dansk", "da-DK", Dkk, decimal ',', tags ["da"];
    /// Swedish.
    Sv: "sv", "Svenska", "sv-SE", Sek, decimal ',', tags ["sv"];
    /// Norwegian bokmål; also the language of browsers set to Norwegian or nynorsk.
    Nb: "nb", "Norsk", "nb-NO", Nok, decimal ',', tags ["nb", "no", "nn"];
    /// English, the language of last resort.
    #[default]
    En: "en", "English", "en-GB", Eur, decimal '.', tags ["en"];
}

/// The FNV-1a start value.
const FNV_START: u32 = 0x811c_9dc5;

/// FNV-1a of `bytes`: a `const fn`, so a language file's hash is computed while compiling
/// and the file itself is not in the binary.
///
/// # Examples
/// ```
/// use tragt::i18n::lang::fnv;
/// // (0x811c9dc5 ^ 0x61) · 0x01000193 mod 2³²
/// assert_eq!(fnv(b"a"), 0xe40c_292c);
/// assert_ne!(fnv(b"ab"), fnv(b"ba"));
/// ```
pub const fn fnv(bytes: &[u8]) -> u32 {
    let mut hash = FNV_START;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

impl Lang {
    /// The language to start in: `?lang=` first, then the user's saved choice, then the
    /// first of the browser's preferred languages that we speak, else English.
    pub fn choose(url: Option<&str>, saved: Option<&str>, browser: &[String]) -> Lang {
        url.and_then(Lang::from_tag)
            .or_else(|| saved.and_then(Lang::from_tag))
            .or_else(|| browser.iter().find_map(|t| Lang::from_tag(t)))
            .unwrap_or_default()
    }

    /// The separator between a file's digits groups, opposite to the decimal mark.
    pub fn group_mark(self) -> char {
        if self.decimal_mark() == ',' {
            '.'
        } else {
            ','
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_beats_saved_beats_browser() {
        let browser = vec!["fi-FI".to_string(), "sv-SE".to_string()];
        assert_eq!(Lang::choose(Some("da"), Some("en"), &browser), Lang::Da);
        assert_eq!(Lang::choose(Some("xx"), Some("en"), &browser), Lang::En);
        assert_eq!(Lang::choose(None, None, &browser), Lang::Sv);
        assert_eq!(Lang::choose(None, None, &["fr".to_string()]), Lang::En);
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.code()), Some(l));
        }
    }

    #[test]
    fn norwegian_browsers_open_in_norwegian() {
        for tag in ["nb", "nb-NO", "no", "NO", "nn", "nn-NO", "nb_SJ"] {
            assert_eq!(Lang::choose(None, None, &[tag.to_string()]), Lang::Nb, "{tag}");
        }
        assert_eq!(Lang::Nb.default_currency(), Currency::Nok);
        assert_eq!(Lang::Nb.locale(), "nb-NO");
    }
}
