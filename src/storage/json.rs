//! JSON as far as the saved file needs it. Reading: fields of objects, items of arrays,
//! strings and numbers, through the [`Json`] trait, so one reader serves two parsers:
//! natively (and in every native test) serde_json's [`Value`]; in the browser the
//! engine's own `JSON.parse`, so the wasm carries no JSON parser (≈ 7 KB brotli).
//! Writing: [`string`] and [`number`], from which `schema` writes the file; the native
//! tests check the result against serde_json's own writer.

use serde_json::Value;

/// One node of a parsed JSON document.
pub trait Json: Sized {
    /// The member `key` of an object; `None` for anything that is not an object.
    fn field(&self, key: &str) -> Option<Self>;
    /// The items of an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// Whether this is an object (not an array, not null).
    fn is_object(&self) -> bool;
    /// A string.
    fn text(&self) -> Option<String>;
    /// A number.
    fn number(&self) -> Option<f64>;
    /// A whole number from 0 to 2⁵³ (JSON numbers are doubles in the browser).
    fn whole(&self) -> Option<u64>;
    /// `true` or `false`.
    fn boolean(&self) -> Option<bool>;
}

/// Parses `text`; `None` if it is not JSON.
pub fn parse(text: &str) -> Option<Parsed> {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JSON::parse(text).ok().map(Parsed)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).ok().map(Parsed)
    }
}

/// A parsed document: the engine's value in the browser, serde_json's elsewhere.
#[cfg(target_arch = "wasm32")]
pub struct Parsed(pub wasm_bindgen::JsValue);
/// A parsed document: the engine's value in the browser, serde_json's elsewhere.
#[cfg(not(target_arch = "wasm32"))]
pub struct Parsed(pub Value);

/// The root node of a [`Parsed`] document.
#[cfg(target_arch = "wasm32")]
pub type Root<'a> = wasm_bindgen::JsValue;
/// The root node of a [`Parsed`] document.
#[cfg(not(target_arch = "wasm32"))]
pub type Root<'a> = &'a Value;

impl Parsed {
    /// The document's root node.
    pub fn root(&self) -> Root<'_> {
        #[cfg(target_arch = "wasm32")]
        {
            self.0.clone()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            &self.0
        }
    }
}

impl Json for &Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key)
    }
    fn items(&self) -> Option<Vec<Self>> {
        Some(self.as_array()?.iter().collect())
    }
    fn is_object(&self) -> bool {
        Value::is_object(self)
    }
    fn text(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn whole(&self) -> Option<u64> {
        // 3.0 is whole, as it is in the browser
        self.as_u64().or_else(|| self.as_f64().and_then(whole))
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
}

/// `x` as a whole number from 0 to 2⁵³.
pub fn whole(x: f64) -> Option<u64> {
    (x.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&x)).then_some(x as u64)
}

/// Appends `text` as a JSON string: quotes, backslashes and control characters escaped,
/// everything else as it is (JSON is UTF-8).
pub fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends `x` as a JSON number (`null` if it is not finite, as serde_json writes it).
pub fn number(out: &mut String, x: f64) {
    if x.is_finite() {
        out.push_str(&crate::i18n::format::raw(x));
    } else {
        out.push_str("null");
    }
}

#[cfg(target_arch = "wasm32")]
mod js {
    use js_sys::{Array, Reflect};
    use wasm_bindgen::JsValue;

    impl super::Json for JsValue {
        fn field(&self, key: &str) -> Option<Self> {
            if !self.is_object() {
                return None;
            }
            // own members only: "constructor" or "__proto__" in a file are plain keys
            let key = JsValue::from_str(key);
            if !js_sys::Object::has_own(self.unchecked_ref::<js_sys::Object>(), &key) {
                return None;
            }
            Reflect::get(self, &key).ok()
        }
        fn items(&self) -> Option<Vec<Self>> {
            Array::is_array(self).then(|| Array::from(self).iter().collect())
        }
        fn is_object(&self) -> bool {
            JsValue::is_object(self) && !Array::is_array(self)
        }
        fn text(&self) -> Option<String> {
            self.as_string()
        }
        fn number(&self) -> Option<f64> {
            self.as_f64()
        }
        fn whole(&self) -> Option<u64> {
            self.as_f64().and_then(super::whole)
        }
        fn boolean(&self) -> Option<bool> {
            self.as_bool()
        }
    }

    use wasm_bindgen::JsCast;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_whole_and_in_range() {
        assert_eq!(whole(3.0), Some(3));
        assert_eq!(whole(0.0), Some(0));
        assert_eq!(whole(3.5), None);
        assert_eq!(whole(-1.0), None);
        assert_eq!(whole(f64::NAN), None);
        assert_eq!(whole(f64::INFINITY), None);
        assert_eq!(whole(1e300), None);
    }

    #[test]
    fn strings_and_numbers_are_written_as_serde_json_reads_them() {
        for text in ["", "plain", "quote \" and \\ backslash", "tab\tnew\nline\r", "\u{0}\u{1f}\u{7f}", "Ærø – 💡 ‹b›"]
        {
            let mut out = String::new();
            string(&mut out, text);
            assert_eq!(serde_json::from_str::<String>(&out).unwrap(), text, "{out}");
        }
        let mut out = String::new();
        string(&mut out, "\u{1}");
        assert_eq!(out, "\"\\u0001\"");
        for x in [0.0, 0.5, 20_000.0, 1e21, 1.5e-7, 123_456.789] {
            let mut out = String::new();
            number(&mut out, x);
            assert_eq!(serde_json::from_str::<f64>(&out).unwrap(), x, "{out}");
        }
        for x in [f64::NAN, f64::INFINITY] {
            let mut out = String::new();
            number(&mut out, x);
            assert_eq!(out, "null");
        }
    }

    #[test]
    fn fields_only_of_objects() {
        let v: Value = serde_json::from_str(r#"{"a":[1,2.0,"x"],"b":{"c":null}}"#).unwrap();
        let doc = &v;
        assert!(doc.is_object());
        let a = doc.field("a").unwrap();
        assert!(!a.is_object());
        assert_eq!(a.field("0"), None);
        let items = a.items().unwrap();
        assert_eq!(items.iter().map(|i| i.whole()).collect::<Vec<_>>(), vec![Some(1), Some(2), None]);
        assert_eq!(items[2].text().as_deref(), Some("x"));
        assert_eq!(doc.field("b").unwrap().field("c").unwrap().number(), None);
        assert_eq!(doc.field("missing"), None);
    }
}
