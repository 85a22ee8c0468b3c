//! Language files: every text of one language, fetched when that language is first
//! shown, so the browser build carries no text at all and a visitor downloads only the
//! language they read.
//!
//! A file (`public/i18n/<lang>.<fingerprint>.txt`) is UTF-8, one text per line: a
//! header line `tragt-texts <lang> <fingerprint>`, then the [`COUNT`] UI texts in key
//! order, then the template texts in [`all_texts`] order. The fingerprint is a hash of
//! every text in every language, so a changed text gives new file names and an old
//! cached file is never read as new. The files are written from the tables in
//! `texts.rs` and `templates.rs` by a test (`language_files_are_up_to_date`), which
//! fails while they are out of date.

use super::texts::{Texts, COUNT, FINGERPRINT};
use super::Lang;
use crate::calc::templates::{all_texts, fnv};

/// The fingerprint of all texts: the UI texts' (computed while compiling) and the
/// template texts' keys.
pub fn fingerprint() -> u32 {
    all_texts().iter().fold(FINGERPRINT, |hash, text| fnv(&[&text.key().to_le_bytes()], hash))
}

/// The path of a language's file, relative to the page.
pub fn file_path(lang: Lang) -> String {
    format!("i18n/{}.{:08x}.txt", lang.code(), fingerprint())
}

fn header(lang: Lang) -> String {
    format!("tragt-texts {} {:08x}", lang.code(), fingerprint())
}

/// Why a language file was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// It could not be fetched.
    Unavailable,
    /// Its header names another language or another build's texts.
    WrongFile,
    /// It has fewer texts than this build needs.
    Short,
}

/// One language's texts.
#[derive(Debug)]
pub struct Catalog {
    /// The UI texts.
    pub texts: Texts,
    /// The template texts by key.
    templates: Vec<(u32, &'static str)>,
}

impl Catalog {
    /// Reads a language file. The text is kept for the life of the page (leaked once per
    /// language), so every text is a `&'static str` as in the bundled tables.
    pub fn parse(lang: Lang, file: String) -> Result<Catalog, CatalogError> {
        let file: &'static str = Box::leak(file.into_boxed_str());
        let mut lines = file.split('\n').map(|line| line.strip_suffix('\r').unwrap_or(line));
        if lines.next() != Some(header(lang).as_str()) {
            return Err(CatalogError::WrongFile);
        }
        let mut texts = [""; COUNT];
        for slot in &mut texts {
            *slot = lines.next().ok_or(CatalogError::Short)?;
        }
        let mut templates = Vec::new();
        for text in all_texts() {
            templates.push((text.key(), lines.next().ok_or(CatalogError::Short)?));
        }
        Ok(Catalog { texts: Texts::from_array(texts), templates })
    }

    /// The template text with `key`; empty if there is none. A linear search: there are
    /// ~150, and a sorted table would bring a sort into the wasm.
    pub fn template_text(&self, key: u32) -> &'static str {
        self.templates.iter().find(|(k, _)| *k == key).map_or("", |(_, text)| text)
    }
}

/// A language file's content, from the bundled tables.
#[cfg(feature = "bundled-texts")]
pub fn file_text(lang: Lang) -> String {
    let texts = Texts::of(lang);
    let mut lines = vec![header(lang)];
    lines.extend(texts.entries().into_iter().map(|(_, text)| text.to_string()));
    lines.extend(all_texts().iter().map(|t| lang.pick(t).to_string()));
    debug_assert_eq!(lines.len(), 1 + COUNT + all_texts().len());
    lines.join("\n") + "\n"
}

#[cfg(not(feature = "bundled-texts"))]
mod loaded {
    use std::sync::OnceLock;

    use super::{Catalog, CatalogError, Lang};

    static CATALOGS: [OnceLock<Catalog>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

    fn slot(lang: Lang) -> &'static OnceLock<Catalog> {
        &CATALOGS[match lang {
            Lang::En => 0,
            Lang::Da => 1,
            Lang::Sv => 2,
        }]
    }

    /// The texts of `lang` if they have loaded, else of a language that has.
    pub fn loaded(lang: Lang) -> Option<&'static Catalog> {
        slot(lang).get().or_else(|| CATALOGS.iter().find_map(OnceLock::get))
    }

    /// Whether `lang`'s own texts have loaded.
    pub fn is_loaded(lang: Lang) -> bool {
        slot(lang).get().is_some()
    }

    /// Keeps `lang`'s texts.
    pub fn install(lang: Lang, file: String) -> Result<(), CatalogError> {
        let catalog = Catalog::parse(lang, file)?;
        let _ = slot(lang).set(catalog);
        Ok(())
    }
}

#[cfg(not(feature = "bundled-texts"))]
pub use loaded::{install, is_loaded, loaded};

/// In the browser build the texts come from the language files, so their lookups live here.
#[cfg(not(feature = "bundled-texts"))]
impl Texts {
    /// The table of a language, as loaded from its language file (see [`load`]); a
    /// language not loaded yet shows as the loaded one.
    pub fn of(lang: Lang) -> &'static Texts {
        loaded(lang).map_or(&Texts::EMPTY, |c| &c.texts)
    }
}

#[cfg(not(feature = "bundled-texts"))]
impl Lang {
    /// The text of a [`crate::calc::Localized`] in this language, from its language file;
    /// empty until that has loaded.
    pub fn pick(self, text: &crate::calc::Localized) -> &'static str {
        loaded(self).map_or("", |c| c.template_text(text.key()))
    }
}

/// Fetches and keeps `lang`'s texts, unless they are here already.
#[cfg(all(target_arch = "wasm32", not(feature = "bundled-texts")))]
pub async fn load(lang: Lang) -> Result<(), CatalogError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    if is_loaded(lang) {
        return Ok(());
    }
    let window = web_sys::window().ok_or(CatalogError::Unavailable)?;
    let response =
        JsFuture::from(window.fetch_with_str(&file_path(lang))).await.map_err(|_| CatalogError::Unavailable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| CatalogError::Unavailable)?;
    if !response.ok() {
        return Err(CatalogError::Unavailable);
    }
    let text = JsFuture::from(response.text().map_err(|_| CatalogError::Unavailable)?)
        .await
        .map_err(|_| CatalogError::Unavailable)?;
    install(lang, text.as_string().ok_or(CatalogError::Unavailable)?)
}

/// With the texts compiled in, every language is always here.
#[cfg(feature = "bundled-texts")]
pub async fn load(_lang: Lang) -> Result<(), CatalogError> {
    Ok(())
}

#[cfg(all(test, feature = "bundled-texts"))]
mod tests {
    use super::*;

    #[test]
    fn template_keys_are_unique() {
        let mut keys: Vec<u32> = all_texts().iter().map(|t| t.key()).collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        // the same text twice (e.g. a stage name shared by two templates) is one key
        let distinct: std::collections::HashSet<(&str, &str, &str)> =
            all_texts().iter().map(|t| (t.en, t.da, t.sv)).collect();
        assert_eq!(keys.len(), distinct.len(), "two different texts share a key");
        assert!(n >= distinct.len());
    }

    #[test]
    fn no_text_spans_lines() {
        for lang in Lang::ALL {
            for (key, text) in Texts::of(lang).entries() {
                assert!(!text.contains(['\n', '\r']), "{key} in {lang:?}");
            }
            for text in all_texts() {
                assert!(!lang.pick(&text).contains(['\n', '\r']), "{text:?}");
            }
        }
    }

    #[test]
    fn a_language_file_reads_back_as_the_tables() {
        for lang in Lang::ALL {
            let catalog = Catalog::parse(lang, file_text(lang)).unwrap();
            assert_eq!(catalog.texts.entries(), Texts::of(lang).entries());
            for text in all_texts() {
                assert_eq!(catalog.template_text(text.key()), lang.pick(&text));
            }
        }
    }

    #[test]
    fn wrong_or_short_files_are_refused() {
        let da = file_text(Lang::Da);
        assert_eq!(Catalog::parse(Lang::Sv, da.clone()).unwrap_err(), CatalogError::WrongFile);
        assert_eq!(
            Catalog::parse(Lang::Da, da.replacen("tragt-texts da ", "tragt-texts da 0", 1)).unwrap_err(),
            CatalogError::WrongFile
        );
        let short: String = da.lines().take(COUNT).collect::<Vec<_>>().join("\n");
        assert_eq!(Catalog::parse(Lang::Da, short).unwrap_err(), CatalogError::Short);
        assert_eq!(Catalog::parse(Lang::Da, String::new()).unwrap_err(), CatalogError::WrongFile);
        // a file saved with Windows line ends still reads
        assert!(Catalog::parse(Lang::Da, da.replace('\n', "\r\n")).is_ok());
    }

    /// The files in `public/i18n` are what the tables say. Run with
    /// `TRAGT_WRITE_TEXTS=1` to rewrite them (old files are removed).
    #[test]
    fn language_files_are_up_to_date() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
        let write = std::env::var_os("TRAGT_WRITE_TEXTS").is_some();
        if write {
            let i18n = dir.join("i18n");
            let _ = std::fs::remove_dir_all(&i18n);
            std::fs::create_dir_all(&i18n).unwrap();
        }
        for lang in Lang::ALL {
            let path = dir.join(file_path(lang));
            if write {
                std::fs::write(&path, file_text(lang)).unwrap();
            }
            let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                on_disk == file_text(lang),
                "{} is missing or out of date: run `TRAGT_WRITE_TEXTS=1 cargo test language_files`",
                path.display()
            );
        }
        let files = std::fs::read_dir(dir.join("i18n")).unwrap().count();
        assert_eq!(files, Lang::ALL.len(), "public/i18n holds stale files: rewrite them as above");
    }
}
