//! Reading a number typed in the UI language's notation: "12,5" in Danish and Swedish,
//! "12.5" in English; thousands separators ("50.000", "50 000", "50,000") where they
//! group digits in threes; a trailing "%" is ignored. Pure, so it is tested natively.

use super::Lang;
use crate::calc::InputError;

/// Parses a typed number. The result may be ±∞ for absurd input such as "1e400"; range
/// checks belong to [`crate::calc::Quantity::check`].
///
/// # Examples
/// ```
/// use tragt::i18n::{parse_number, Lang};
/// use tragt::calc::InputError;
/// assert_eq!(parse_number("12,5", Lang::Da), Ok(12.5));
/// assert_eq!(parse_number("50.000", Lang::Da), Ok(50_000.0));
/// assert_eq!(parse_number("12.5", Lang::En), Ok(12.5));
/// assert_eq!(parse_number("50,000", Lang::En), Ok(50_000.0));
/// assert_eq!(parse_number("12..5", Lang::En), Err(InputError::NotANumber));
/// assert_eq!(parse_number("  ", Lang::Sv), Err(InputError::Empty));
/// ```
pub fn parse_number(text: &str, lang: Lang) -> Result<f64, InputError> {
    let trimmed = text.trim().trim_end_matches('%').trim();
    if trimmed.is_empty() {
        return Err(InputError::Empty);
    }
    // Spaces of every kind and apostrophes only ever group digits.
    let compact: String = trimmed
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    let (decimal, group) = (lang.decimal_mark(), lang.group_mark());
    let (negative, digits) = match compact.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, compact.strip_prefix('+').unwrap_or(&compact)),
    };
    let normalized = if digits.contains(decimal) {
        let (int, frac) = digits.split_once(decimal).unwrap_or((digits, ""));
        format!("{}.{}", ungroup(int, group)?, frac)
    } else if digits.contains(group) {
        // "50.000" in Danish groups thousands; a lone "12.5" is read as a decimal point.
        match ungroup(digits, group) {
            Ok(int) => int,
            Err(_) if digits.matches(group).count() == 1 => digits.replace(group, "."),
            Err(e) => return Err(e),
        }
    } else {
        digits.to_string()
    };
    if !is_plain_number(&normalized) {
        return Err(InputError::NotANumber);
    }
    let value = to_f64(&normalized).ok_or(InputError::NotANumber)?;
    Ok(if negative { -value } else { value })
}

/// The value of a plain decimal string (already checked by [`is_plain_number`]). In the
/// browser JavaScript's `parseFloat` reads it (correctly rounded, like Rust's parser), so
/// the wasm need not carry Rust's float-parsing tables; natively Rust parses it.
fn to_f64(plain: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        let v = js_sys::Number::parse_float(plain);
        (!v.is_nan()).then_some(v)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        plain.parse().ok()
    }
}

/// Removes group separators that group digits in threes ("1.234.567"); any other use of
/// the separator is an error.
fn ungroup(int: &str, group: char) -> Result<String, InputError> {
    if !int.contains(group) {
        return Ok(int.to_string());
    }
    let mut parts = int.split(group);
    let first = parts.next().unwrap_or_default();
    let first_ok = (1..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_digit());
    let rest_ok = parts.all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()));
    if first_ok && rest_ok {
        Ok(int.replace(group, ""))
    } else {
        Err(InputError::NotANumber)
    }
}

/// Digits with at most one decimal point and an optional exponent, nothing else.
fn is_plain_number(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    let mantissa_ok = digits(int) && digits(frac) && !(int.is_empty() && frac.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_and_swedish_notation() {
        assert_eq!(parse_number("1.234.567,89", Lang::Da), Ok(1_234_567.89));
        assert_eq!(parse_number("1 234 567,5", Lang::Sv), Ok(1_234_567.5));
        assert_eq!(parse_number("1\u{a0}234", Lang::Sv), Ok(1234.0));
        assert_eq!(parse_number("65 %", Lang::Da), Ok(65.0));
        assert_eq!(parse_number(",5", Lang::Da), Ok(0.5));
        assert_eq!(parse_number("12.5", Lang::Sv), Ok(12.5));
        assert_eq!(parse_number("1.23,4", Lang::Da), Err(InputError::NotANumber));
    }

    #[test]
    fn norwegian_notation() {
        for typed in ["12 500,5", "12500,5", "12\u{a0}500,5", "12\u{202f}500,5", "12.500,5"] {
            assert_eq!(parse_number(typed, Lang::Nb), Ok(12_500.5), "{typed}");
        }
        assert_eq!(parse_number("1 234 567", Lang::Nb), Ok(1_234_567.0));
        assert_eq!(parse_number("12,5 %", Lang::Nb), Ok(12.5));
    }

    #[test]
    fn english_notation() {
        assert_eq!(parse_number("1,234,567.89", Lang::En), Ok(1_234_567.89));
        assert_eq!(parse_number("12,5", Lang::En), Ok(12.5));
        assert_eq!(parse_number("0.35", Lang::En), Ok(0.35));
        assert_eq!(parse_number("1,23.4", Lang::En), Err(InputError::NotANumber));
    }

    #[test]
    fn garbage_is_not_a_number() {
        for s in ["abc", "12..5", "1.2.3,4,5", "--5", "5-", "e5", "1e", "NaN", "inf", "12a", ".", ",", "0x10"] {
            assert_eq!(parse_number(s, Lang::En), Err(InputError::NotANumber), "{s}");
            assert_eq!(parse_number(s, Lang::Da), Err(InputError::NotANumber), "{s}");
        }
    }

    #[test]
    fn signs_and_exponents() {
        assert_eq!(parse_number("-5", Lang::En), Ok(-5.0));
        assert_eq!(parse_number("\u{2212}5", Lang::Da), Ok(-5.0));
        assert_eq!(parse_number("1e3", Lang::En), Ok(1000.0));
        assert_eq!(parse_number("1e400", Lang::En), Ok(f64::INFINITY));
    }
}
