//! Numbers, money and percentages formatted by the browser's `Intl.NumberFormat` (through
//! js-sys), so every figure follows the language's conventions without shipping locale
//! data. Formatters are costly to build, so each one is made once and kept.
//!
//! Only callable in the browser; the choice of digits per magnitude is pure and tested.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use super::Lang;
use crate::calc::Currency;

/// How a number is to be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// A count of people: fewer decimals as it grows.
    Count,
    /// Money in a currency.
    Money(Currency),
    /// A fraction shown as a percentage (0.0123 → 1.23 %).
    Percent,
    /// A plain number with up to `n` decimals (ratios, months).
    Decimal(u8),
    /// A number to put back into an input: no grouping, up to 4 significant decimals.
    Input,
}

/// Fraction digits for a count or an amount of money of this size: 2 below 10, 1 below
/// 100, none from there on (8.91 customers, 41.3 leads, 2 400 visitors).
pub fn fraction_digits(value: f64) -> u8 {
    let v = value.abs();
    if v < 10.0 {
        2
    } else if v < 100.0 {
        1
    } else {
        0
    }
}

thread_local! {
    static FORMATTERS: RefCell<HashMap<(Lang, Style, u8), Function>> = RefCell::new(HashMap::new());
}

fn set(options: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(options, &JsValue::from_str(key), &value.into());
}

fn build(lang: Lang, style: Style, digits: u8) -> Function {
    let options = Object::new();
    match style {
        Style::Count => set(&options, "maximumFractionDigits", digits),
        Style::Money(currency) => {
            set(&options, "style", "currency");
            set(&options, "currency", currency.code());
            set(&options, "minimumFractionDigits", digits);
            set(&options, "maximumFractionDigits", digits);
        }
        Style::Percent => {
            set(&options, "style", "percent");
            set(&options, "maximumSignificantDigits", 3);
        }
        Style::Decimal(n) => set(&options, "maximumFractionDigits", n),
        Style::Input => {
            set(&options, "useGrouping", false);
            set(&options, "maximumFractionDigits", digits);
        }
    }
    let locales = Array::of1(&JsValue::from_str(lang.locale()));
    Intl::NumberFormat::new(&locales, &options).format()
}

fn digits_for(style: Style, value: f64) -> u8 {
    match style {
        Style::Count | Style::Money(_) => fraction_digits(value),
        Style::Input => {
            // 4 significant digits after the point for small numbers, 2 for the rest
            if value.abs() < 1.0 && value != 0.0 {
                6
            } else {
                2
            }
        }
        Style::Percent | Style::Decimal(_) => 0,
    }
}

/// Formats `value` in `lang` and `style`.
pub fn format(lang: Lang, style: Style, value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let digits = digits_for(style, value);
    FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let f = cache.entry((lang, style, digits)).or_insert_with(|| build(lang, style, digits));
        f.call1(&JsValue::NULL, &JsValue::from_f64(value)).ok().and_then(|s| s.as_string()).unwrap_or_default()
    })
}

/// A count of people.
pub fn count(lang: Lang, value: f64) -> String {
    format(lang, Style::Count, value)
}

/// An amount of money.
pub fn money(lang: Lang, currency: Currency, value: f64) -> String {
    format(lang, Style::Money(currency), value)
}

/// A fraction as a percentage.
pub fn percent(lang: Lang, fraction: f64) -> String {
    format(lang, Style::Percent, fraction)
}

/// A plain number with up to `decimals` decimals.
pub fn decimal(lang: Lang, value: f64, decimals: u8) -> String {
    format(lang, Style::Decimal(decimals), value)
}

/// A number as an input shows it (no grouping, the language's decimal mark).
pub fn input(lang: Lang, value: f64) -> String {
    format(lang, Style::Input, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fewer_digits_as_numbers_grow() {
        assert_eq!(fraction_digits(8.91), 2);
        assert_eq!(fraction_digits(-41.3), 1);
        assert_eq!(fraction_digits(2400.0), 0);
    }
}

/// A number in plain JavaScript notation (`Number.prototype.toString`), as `data-value`
/// carries it: exactly what `Number(el.dataset.value)` reads back.
pub fn raw(value: f64) -> String {
    js_sys::Number::from(value).to_string(10).map(String::from).unwrap_or_default()
}
