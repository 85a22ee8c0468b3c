//! Language files: every text of one language is in `locales/<code>.json`, the only place
//! a text lives. `"texts"` holds the UI texts ([`Texts`]), `"templates"` the funnel
//! models' names and stage notes ([`Templates`]), `"configurator"` the embed
//! configurator page's texts (read by `embed-config.js`).
//!
//! Natively (tests) the files are compiled in. The browser build fetches the visitor's
//! language when it is first shown, so a visitor downloads only the language they read;
//! the file's URL carries a hash of its bytes (`?v=`), so a changed file is never an old
//! cached one. A file is kept for the life of the page and its texts are borrowed from
//! it, so every text is a `&'static str`.

use std::sync::OnceLock;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::{Lang, Texts};
use crate::calc::TemplateId;

/// One language's file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Catalog {
    /// The UI texts.
    pub texts: Texts,
    /// The funnel models' texts.
    pub templates: Templates,
    /// The embed configurator's texts, which its own page reads.
    #[allow(dead_code)]
    configurator: IgnoredAny,
}

/// The funnel models' texts, one entry per template id.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 'static"))]
pub struct Templates {
    aida: TemplateTexts,
    kobstragt: TemplateTexts,
    kundresan: TemplateTexts,
    hexagon: TemplateTexts,
    readiness: TemplateTexts,
    kopvagen: TemplateTexts,
    webshop: TemplateTexts,
    b2b: TemplateTexts,
    blank: TemplateTexts,
}

impl Templates {
    /// The texts of one template.
    pub fn of(&self, id: TemplateId) -> &TemplateTexts {
        match id {
            TemplateId::Aida => &self.aida,
            TemplateId::Kobstragt => &self.kobstragt,
            TemplateId::Kundresan => &self.kundresan,
            TemplateId::Hexagon => &self.hexagon,
            TemplateId::Readiness => &self.readiness,
            TemplateId::Kopvagen => &self.kopvagen,
            TemplateId::Webshop => &self.webshop,
            TemplateId::B2b => &self.b2b,
            TemplateId::Blank => &self.blank,
        }
    }
}

/// A template's name in the picker, and its stages' texts in order.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateTexts {
    /// Its name in the picker.
    pub name: &'static str,
    /// Its stages, top first: as many as the template has.
    pub stages: Vec<StageTexts>,
}

impl TemplateTexts {
    /// The texts of stage `n` (0-based); empty past the end.
    pub fn stage(&self, n: usize) -> StageTexts {
        self.stages.get(n).copied().unwrap_or_default()
    }
}

/// One template stage's texts.
#[derive(Clone, Copy, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageTexts {
    /// The stage's name.
    pub name: &'static str,
    /// One line beside the stage: what the customer thinks, what to create, push or pull.
    pub note: &'static str,
    /// Three things to do so that more people reach the stage (the self-assessment's
    /// advice, MODELS.md §1); empty for the blank model's stages.
    #[serde(default)]
    pub actions: [&'static str; 3],
}

/// Why a language file was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    /// It could not be fetched.
    Unavailable,
    /// It is not a language file of this build: serde's reason (a missing or unknown key,
    /// a text with a backslash escape, …).
    Malformed(String),
}

/// Reads a language file. Its texts are borrowed, so a text may not contain a JSON
/// escape (`\"`, `\n`, `\u00e6`): write the characters themselves.
pub fn parse(file: &'static str) -> Result<Catalog, CatalogError> {
    serde_json::from_str(file).map_err(|e| CatalogError::Malformed(e.to_string()))
}

/// The loaded language files, by [`Lang`] (declaration order).
static CATALOGS: [OnceLock<Catalog>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];

/// What shows before any language has loaded: every text empty.
#[cfg(not(feature = "bundled-texts"))]
static EMPTY: OnceLock<Catalog> = OnceLock::new();

fn slot(lang: Lang) -> &'static OnceLock<Catalog> {
    &CATALOGS[lang as usize]
}

/// The texts of `lang`; in the browser, while they have not loaded, those of a language
/// that has.
pub fn catalog(lang: Lang) -> &'static Catalog {
    #[cfg(feature = "bundled-texts")]
    {
        slot(lang).get_or_init(|| {
            parse(lang.bundled_file()).unwrap_or_else(|e| panic!("locales/{}.json: {e:?}", lang.code()))
        })
    }
    #[cfg(not(feature = "bundled-texts"))]
    {
        slot(lang)
            .get()
            .or_else(|| CATALOGS.iter().find_map(OnceLock::get))
            .unwrap_or_else(|| EMPTY.get_or_init(Catalog::default))
    }
}

/// Whether `lang`'s own texts are here.
pub fn is_loaded(lang: Lang) -> bool {
    cfg!(feature = "bundled-texts") || slot(lang).get().is_some()
}

impl Texts {
    /// The UI texts of a language (see [`catalog`]).
    pub fn of(lang: Lang) -> &'static Texts {
        &catalog(lang).texts
    }
}

impl Lang {
    /// The texts of a template in this language.
    pub fn template(self, id: TemplateId) -> &'static TemplateTexts {
        catalog(self).templates.of(id)
    }
}

/// The path of a language's file, relative to the page, with the hash of its bytes.
pub fn file_path(lang: Lang) -> String {
    format!("locales/{}.json?v={:08x}", lang.code(), lang.file_hash())
}

/// The files' texts as fetched, kept for the life of the page: the catalogs borrow them.
#[cfg(not(feature = "bundled-texts"))]
static FILES: [OnceLock<String>; Lang::ALL.len()] = [const { OnceLock::new() }; Lang::ALL.len()];

/// Keeps `lang`'s file and reads its texts.
#[cfg(not(feature = "bundled-texts"))]
pub fn install(lang: Lang, file: String) -> Result<(), CatalogError> {
    let file: &'static str = FILES[lang as usize].get_or_init(|| file);
    let catalog = parse(file)?;
    let _ = slot(lang).set(catalog);
    Ok(())
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
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;

    fn file(lang: Lang) -> Value {
        serde_json::from_str(lang.bundled_file()).unwrap()
    }

    /// Every text of a file with its path (`texts.cac`, `templates.aida.stages.0.name`).
    fn texts(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    texts(v, &format!("{path}{}{key}", if path.is_empty() { "" } else { "." }), out);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    texts(v, &format!("{path}.{i}"), out);
                }
            }
            Value::String(s) => out.push((path.to_string(), s.clone())),
            other => panic!("{path}: {other} is not a text"),
        }
    }

    fn all_texts(lang: Lang) -> Vec<(String, String)> {
        let mut out = Vec::new();
        texts(&file(lang), "", &mut out);
        out
    }

    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(hole, _)| hole)).collect()
    }

    #[test]
    fn every_language_file_reads() {
        for lang in Lang::ALL {
            assert!(!Texts::of(lang).cac.is_empty(), "{lang:?}");
            assert!(is_loaded(lang));
        }
    }

    #[test]
    fn every_file_has_the_same_keys_and_placeholders_as_english() {
        let english = all_texts(Lang::En);
        assert!(english.len() > 300, "{}", english.len());
        for lang in Lang::ALL {
            let theirs = all_texts(lang);
            let keys = |list: &[(String, String)]| list.iter().map(|(k, _)| k.clone()).collect::<BTreeSet<_>>();
            let (ours, their_keys) = (keys(&english), keys(&theirs));
            let missing: Vec<_> = ours.difference(&their_keys).collect();
            let extra: Vec<_> = their_keys.difference(&ours).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{lang:?}: missing {missing:?}, extra {extra:?}");
            for ((key, en), (_, text)) in english.iter().zip(&theirs) {
                assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
                assert_eq!(text.trim(), text, "{lang:?} {key} has stray whitespace");
                assert!(!text.contains(['\n', '\r']), "{lang:?} {key} spans lines");
                assert_eq!(placeholders(en), placeholders(text), "{lang:?} {key}: placeholders differ from English");
            }
        }
    }

    #[test]
    fn every_template_has_its_stages_named_in_every_language() {
        for lang in Lang::ALL {
            for id in TemplateId::ALL {
                let texts = lang.template(id);
                assert_eq!(texts.stages.len(), id.template().stages.len(), "{lang:?} {id:?}");
                assert!(!texts.name.is_empty());
            }
        }
        assert_eq!(Lang::Nb.template(TemplateId::Aida).stage(0).name, "Oppmerksomhet");
    }

    #[test]
    fn stage_notes_are_one_short_line_and_names_unique() {
        for lang in Lang::ALL {
            for id in TemplateId::ALL {
                let stages = &lang.template(id).stages;
                for (i, s) in stages.iter().enumerate() {
                    let len = s.note.chars().count();
                    assert!(len <= 110, "{lang:?} {id:?} stage {i}: the note has {len} characters");
                    assert!(stages[i + 1..].iter().all(|b| b.name != s.name), "{lang:?} {id:?}: {} twice", s.name);
                }
            }
        }
    }

    #[test]
    fn every_model_stage_has_three_actions_in_every_language_and_blank_none() {
        for lang in Lang::ALL {
            for id in TemplateId::ALL {
                for (i, s) in lang.template(id).stages.iter().enumerate() {
                    let given = s.actions.iter().filter(|a| !a.trim().is_empty()).count();
                    let want = if id == TemplateId::Blank { 0 } else { 3 };
                    assert_eq!(given, want, "{lang:?} {id:?} stage {i}");
                    for a in s.actions.iter().filter(|a| !a.is_empty()) {
                        assert!(a.chars().count() <= 100, "{lang:?} {id:?} stage {i}: {a}");
                    }
                }
            }
        }
    }

    #[test]
    fn readiness_steps_start_with_their_percentage() {
        for lang in Lang::ALL {
            for (i, s) in lang.template(TemplateId::Readiness).stages.iter().enumerate() {
                assert!(s.name.starts_with(&format!("{} % ", i * 10)), "{lang:?} readiness stage {i}: {}", s.name);
            }
        }
    }

    #[test]
    fn sentences_are_not_left_in_english() {
        // short labels may coincide ("Lead", "Scenario"); sentences must not
        let english = all_texts(Lang::En);
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            for ((key, en), (_, text)) in english.iter().zip(all_texts(lang)) {
                if en.split_whitespace().count() > 3 {
                    assert_ne!(en, &text, "{key} is untranslated in {lang:?}");
                }
            }
        }
    }

    #[test]
    fn a_wrong_file_is_refused_with_its_reason() {
        use std::sync::LazyLock;
        static EXTRA: LazyLock<String> =
            LazyLock::new(|| lang_file_with(Lang::Da, |v| v["texts"]["no_such_text"] = "x".into()));
        static ESCAPED: LazyLock<String> =
            LazyLock::new(|| lang_file_with(Lang::Da, |v| v["texts"]["cac"] = "a \"b\"".into()));
        let Err(CatalogError::Malformed(why)) = parse(r#"{"texts": {}}"#) else { panic!() };
        assert!(why.contains("missing text `app_tagline`"), "{why}");
        let Err(CatalogError::Malformed(why)) = parse(&EXTRA) else { panic!() };
        assert!(why.contains("unknown text `no_such_text`"), "{why}");
        let Err(CatalogError::Malformed(why)) = parse(&ESCAPED) else { panic!() };
        assert!(why.contains("borrowed"), "{why}");
        assert!(parse("<!doctype html>").is_err());
    }

    fn lang_file_with(lang: Lang, change: impl Fn(&mut Value)) -> String {
        let mut v = file(lang);
        change(&mut v);
        serde_json::to_string(&v).unwrap()
    }

    #[test]
    fn a_file_path_names_the_file_and_its_bytes() {
        for lang in Lang::ALL {
            let path = file_path(lang);
            let (name, version) = path.split_once("?v=").unwrap();
            assert!(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name).is_file(), "{path}");
            assert_eq!(version, format!("{:08x}", super::super::lang::fnv(lang.bundled_file().as_bytes())));
        }
    }
}
