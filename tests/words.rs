//! Every word idiomatic: the Danish, Swedish and Norwegian texts — every string of
//! `locales/{da,sv,nb}.json`: the app, the models' names, stages, notes and actions, and the
//! embed configurator — hold none of the English words a visitor stumbled on, and speak to the
//! visitor in one form, "du", never in the plural ("I/jer/jeres", "ni/er/ert/era", "dere").
//!
//! Words are compared whole and in any case: a word is a run of letters and digits, with an
//! apostrophe or a colon inside it kept (Danish "MQL'er", Swedish "MQL:er" are one word), and a
//! hyphen between words splitting them ("Beta-posterior" holds "posterior"). So compounds pass:
//! Danish and Norwegian "konverteringsrate" is the usual word for a conversion rate in both
//! languages' marketing (shop platforms' own glossaries define it under that name; Swedish says
//! "konverteringsgrad"), and it is the plain word a shop owner meets in their shop's statistics.
//! Placeholders (`{rate}`, `{benchmark}`) are the program's names, not words the visitor sees.

use std::fs;
use std::path::Path;

use serde_json::Value;

/// English words no Danish, Swedish or Norwegian text may use (compared lower-case).
///
/// "rate" is a Danish and Norwegian word too, but for an instalment on a loan ("afdrag",
/// "avdrag"), a sense this calculator never needs: a rate here is a conversion rate, which is
/// "konverteringsrate" or "andel". The words' Scandinavian endings are listed with them
/// ("raten", "leadet", "loopet"), and a few more marketing words the templates used to borrow
/// ("pipeline", "cases", "retargeting", "push"). None of the listed words is the normal native
/// word for what it names, so none is dropped.
const ENGLISH: &str = "seed seeds rate rates raten rater raterne ratene raterna loop loops loopet loopen posterior \
    lead leads leadet leadsene leadsen funnel funnels benchmark benchmarks benchmarket benchmarken churn \
    pipeline pipelinen retargeting remarketing cases push pull";

/// Expert terms a text may give as a short hint in parentheses after the plain word, as in
/// "Omkostning pr. kundeemne (lead)": the plain word comes first, the jargon only explains it.
const HINTS: &[&str] = &["lead", "leads"];

/// Whether a lower-case word is one of [`ENGLISH`].
fn is_english(word: &str) -> bool {
    ENGLISH.split_whitespace().any(|w| w == word)
}

/// The English words of `text` (lower-case, in order), outside hints in parentheses.
fn english_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| is_english(&w.lower) && !(w.in_parentheses && HINTS.contains(&w.lower.as_str())))
        .map(|w| w.lower)
        .collect()
}

/// One word of a text.
struct Word {
    /// As written.
    text: String,
    /// Lower-case.
    lower: String,
    /// Inside "( … )".
    in_parentheses: bool,
    /// The first word of the text or of a sentence, a quoted label or a parenthesis (after
    /// nothing but spaces, or after `. ! ? : ; » « ” “ " ( —`).
    starts_sentence: bool,
}

/// The words of `text`, placeholders (`{name}`) left out.
fn words(text: &str) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut depth, mut placeholder) = (0usize, false);
    let mut last_mark = None::<char>; // the last character that is not a space or a letter
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if placeholder {
            placeholder = c != '}';
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || (matches!(chars[i], '\'' | '’' | ':')
                        && i > start
                        && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())))
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let starts_sentence = out.is_empty() && last_mark.is_none()
                || matches!(last_mark, Some('.' | '!' | '?' | ':' | ';' | '»' | '«' | '”' | '“' | '"' | '(' | '—'));
            out.push(Word { lower: word.to_lowercase(), text: word, in_parentheses: depth > 0, starts_sentence });
            last_mark = None;
            continue;
        }
        match c {
            '{' => placeholder = true,
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if !c.is_whitespace() {
            last_mark = Some(c);
        }
        i += 1;
    }
    out
}

/// Words that would address the visitor in the plural, per language (compared lower-case;
/// Danish "I" apart, see [`address_problems`]).
const PLURAL_ADDRESS: [(&str, &[&str]); 3] =
    [("da", &["jer", "jeres", "eder", "eders"]), ("sv", &["ni", "er", "ert", "era", "eder"]), ("nb", &["dere"])];

/// Words like the plural address that are not address, with a text that uses them and why:
/// each text passes the check.
const NOT_ADDRESS: [(&str, &str, &str); 3] = [
    ("da", "I trinnet nu (»I trinnet nu«)", "first in a sentence or a label, I is the preposition i"),
    ("nb", "med deres egne ord; spørsmålene deres", "deres is also their; the plural you is dere"),
    ("sv", "Ring upp MQL:er snabbt", "MQL:er is one word, an abbreviation's plural"),
];

/// Where `text` (of language `lang`) addresses the visitor in the plural: the words.
fn address_problems(lang: &str, text: &str) -> Vec<String> {
    let plural = PLURAL_ADDRESS.iter().find(|(l, _)| *l == lang).map_or(&[][..], |(_, w)| *w);
    words(text)
        .into_iter()
        .filter(|w| plural.contains(&w.lower.as_str()) || (lang == "da" && w.text == "I" && !w.starts_sentence))
        .map(|w| w.text)
        .collect()
}

/// Every string of a language file with its path (`texts.cac`, `templates.b2b.stages.1.name`).
fn strings(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                strings(v, &if path.is_empty() { key.clone() } else { format!("{path}.{key}") }, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                strings(v, &format!("{path}.{i}"), out);
            }
        }
        Value::String(s) => out.push((path.to_string(), s.clone())),
        _ => {}
    }
}

fn texts_of(lang: &str) -> Vec<(String, String)> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(format!("{lang}.json"));
    let value: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    let mut out = Vec::new();
    strings(&value, "", &mut out);
    assert!(out.len() > 300, "{}: {} texts", file.display(), out.len());
    out
}

#[test]
fn no_english_words_in_danish_swedish_or_norwegian() {
    let mut offences = Vec::new();
    for lang in ["da", "sv", "nb"] {
        for (path, text) in texts_of(lang) {
            let found = english_words(&text);
            if !found.is_empty() {
                offences.push(format!("{lang} {path}: {found:?} in \"{text}\""));
            }
        }
    }
    assert!(offences.is_empty(), "English words in the Scandinavian texts:\n{}", offences.join("\n"));
}

#[test]
fn the_visitor_is_du_in_every_scandinavian_text() {
    let mut offences = Vec::new();
    for lang in ["da", "sv", "nb"] {
        let texts = texts_of(lang);
        for (path, text) in &texts {
            let found = address_problems(lang, text);
            if !found.is_empty() {
                offences.push(format!("{lang} {path}: {found:?} in \"{text}\""));
            }
        }
        // and the file does speak to the visitor, as "du"
        assert!(texts.iter().any(|(_, t)| words(t).iter().any(|w| w.lower == "du")), "{lang} never says \"du\"");
    }
    assert!(offences.is_empty(), "the visitor addressed in the plural:\n{}", offences.join("\n"));
}

#[test]
fn the_checks_can_fail() {
    // what the visitor saw
    assert_eq!(english_words("Samme seed giver samme resultat."), ["seed"]);
    assert_eq!(english_words("Rate lav"), ["rate"]);
    assert_eq!(english_words("Selvforstærkende loop: hver kunde …"), ["loop"]);
    assert_eq!(english_words("som observationer (en Beta-posterior)"), ["posterior"]);
    assert_eq!(english_words("Pris pr. lead, LEADS og Benchmark"), ["lead", "leads", "benchmark"]);
    assert_eq!(english_words("Trafik til din funnel; churn"), ["funnel", "churn"]);
    assert_eq!(english_words("Bygg på nytt fra traktens rater"), ["rater"]);
    // and what is fine: compounds, hints in parentheses, placeholders
    assert!(english_words("Skriv trinnets konverteringsrate; B2B: fra kundeemne til kunde").is_empty());
    assert!(english_words("Omkostning pr. kundeemne (lead)").is_empty());
    assert!(english_words("{rate} nu, pejlemærke {benchmark}").is_empty());
    assert_eq!(english_words("Omkostning (pr. lead) for rate"), ["rate"]);
    for (lang, text, want) in [
        ("da", "Aftal en startdato, mens I stadig taler om levering.", &["I"][..]),
        ("da", "med alt, hvad I ved om dem; jeres knap; til jer", &["I", "jeres", "jer"]),
        ("da", "I en rejse bevæger folk sig. I trinnet nu (»I trinnet nu«)", &[]),
        ("sv", "medan ni fortfarande pratar; er knapp; ert företag; era kunder", &["ni", "er", "ert", "era"]),
        ("sv", "Ni kan också; Ring upp MQL:er snabbt", &["Ni"]),
        ("nb", "mens dere fortsatt snakker; Dere vet", &["dere", "Dere"]),
        ("nb", "med deres egne ord", &[]),
        ("da", "Du ser et delt scenarie, og din knap", &[]),
    ] {
        assert_eq!(address_problems(lang, text), want, "{lang}: {text}");
    }
    for (lang, text, why) in NOT_ADDRESS {
        assert_eq!(address_problems(lang, text), Vec::<String>::new(), "{lang}: {text} ({why})");
    }
}
