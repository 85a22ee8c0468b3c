//! Numbers, money and percentages formatted by the browser's `Intl.NumberFormat` (through
//! js-sys), so every figure follows the language's conventions without shipping locale
//! data. Formatters are costly to build, so each one is made once and kept.
//!
//! Only callable in the browser; the choice of digits per magnitude is pure and tested.

use std::cell::RefCell;

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use super::Lang;
use crate::calc::Currency;

/// How a number is to be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A count of people: fewer decimals as it grows.
    Count,
    /// Money in a currency.
    Money(Currency),
    /// A fraction shown as a percentage (0.0123 → 1.23 %).
    Percent,
    /// A plain number with up to `n` decimals (ratios, months; at most 2).
    Decimal(u8),
    /// A number to put back into an input: no grouping, up to 6 decimals below 1, else 2.
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

/// Decimals of an amount of money, one rule everywhere: whole units from 100 on (€163),
/// cents below where there are any (€57.14, but €50).
pub fn money_digits(value: f64) -> u8 {
    let cents = (value.abs() * 100.0).round();
    if cents < 10_000.0 && cents % 100.0 != 0.0 {
        2
    } else {
        0
    }
}

/// `value` rounded to `digits` decimals (half away from zero).
pub fn round_to(value: f64, digits: u8) -> f64 {
    let scale = 10f64.powi(digits as i32);
    let rounded = (value * scale).round() / scale;
    if rounded.is_finite() {
        rounded
    } else {
        value
    }
}

/// Which formatter a style needs. Building an `Intl.NumberFormat` costs milliseconds, so
/// styles share formatters wherever rounding in Rust can do the rest: counts, plain
/// decimals and inputs are rounded first and formatted with "up to N digits".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Formatter {
    /// Grouped, up to 2 decimals.
    Plain,
    /// Currency with exactly 0 or exactly 2 decimals.
    Money(Currency, u8),
    /// Percent, 3 significant digits.
    Percent,
    /// Ungrouped, up to 6 decimals.
    Input,
}

/// The formatter and the value to hand it for `style`.
fn plan(style: Style, value: f64) -> (Formatter, f64) {
    match style {
        Style::Count => (Formatter::Plain, round_to(value, fraction_digits(value))),
        Style::Decimal(n) => (Formatter::Plain, round_to(value, n.min(2))),
        Style::Money(c) => (Formatter::Money(c, money_digits(value)), value),
        Style::Percent => (Formatter::Percent, value),
        Style::Input => (Formatter::Input, if value.abs() < 1.0 { round_to(value, 6) } else { round_to(value, 2) }),
    }
}

thread_local! {
    static FORMATTERS: RefCell<Vec<((Lang, Formatter), Function)>> = const { RefCell::new(Vec::new()) };
}

fn set(options: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(options, &JsValue::from_str(key), &value.into());
}

fn build(lang: Lang, formatter: Formatter) -> Function {
    let options = Object::new();
    match formatter {
        Formatter::Plain => set(&options, "maximumFractionDigits", 2),
        Formatter::Money(currency, digits) => {
            set(&options, "style", "currency");
            set(&options, "currency", currency.code());
            set(&options, "minimumFractionDigits", digits);
            set(&options, "maximumFractionDigits", digits);
        }
        Formatter::Percent => {
            set(&options, "style", "percent");
            set(&options, "maximumSignificantDigits", 3);
        }
        Formatter::Input => {
            set(&options, "useGrouping", false);
            set(&options, "maximumFractionDigits", 6);
        }
    }
    let locales = Array::of1(&JsValue::from_str(lang.locale()));
    Intl::NumberFormat::new(&locales, &options).format()
}

/// Formats `value` in `lang` and `style`.
pub fn format(lang: Lang, style: Style, value: f64) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let (formatter, value) = plan(style, value);
    FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = (lang, formatter);
        let f = match cache.iter().position(|(k, _)| *k == key) {
            Some(i) => &cache[i].1,
            None => {
                cache.push((key, build(lang, formatter)));
                &cache[cache.len() - 1].1
            }
        };
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

/// A number in plain JavaScript notation (`Number.prototype.toString`), as `data-value`
/// carries it: exactly what `Number(el.dataset.value)` reads back. Off the browser,
/// Rust's shortest round-trip notation (the same digits) stands in, for native tests.
pub fn raw(value: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Number::from(value).to_string_with_radix(10).map(String::from).unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    return format!("{value}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_share_formatters_and_round_first() {
        // 41.26 people → 41.3 on the plain formatter; 2 400.4 → 2 400
        assert_eq!(plan(Style::Count, 41.26), (Formatter::Plain, 41.3));
        assert_eq!(plan(Style::Count, 2400.4), (Formatter::Plain, 2400.0));
        assert_eq!(plan(Style::Decimal(1), 21.7728), (Formatter::Plain, 21.8));
        assert_eq!(plan(Style::Input, 0.123_456_78), (Formatter::Input, 0.123_457));
        assert_eq!(plan(Style::Input, 12.345), (Formatter::Input, 12.35));
        assert_eq!(plan(Style::Money(Currency::Eur), 11.5).0, Formatter::Money(Currency::Eur, 2));
        assert_eq!(plan(Style::Money(Currency::Eur), 163.2).0, Formatter::Money(Currency::Eur, 0));
        assert_eq!(round_to(1e308, 2), 1e308);
    }

    #[test]
    fn money_shows_cents_only_below_100_and_only_when_there_are_any() {
        for (v, digits) in [
            (6.97, 2),
            (-57.14, 2),
            (99.99, 2),
            (0.5, 2),
            (50.0, 0),
            (11.0, 0),
            (0.0, 0),
            (0.001, 0),
            // rounds to 100.00: whole units
            (99.996, 0),
            (100.0, 0),
            (163.2, 0),
            (-2400.75, 0),
            (1e300, 0),
        ] {
            assert_eq!(money_digits(v), digits, "{v}");
        }
    }

    #[test]
    fn fewer_digits_as_numbers_grow() {
        assert_eq!(fraction_digits(8.91), 2);
        assert_eq!(fraction_digits(-41.3), 1);
        assert_eq!(fraction_digits(2400.0), 0);
    }
}
