//! Sentences built from values: why a typed number was refused, why a figure is
//! undefined, what a notice says.

use super::format;
use super::texts::{fill, Texts};
use super::Lang;
use crate::calc::{InputError, Undefined};

/// Why a field's input was refused, in `lang`.
pub fn input_error(lang: Lang, error: InputError) -> String {
    let t = Texts::of(lang);
    let example = format!("12{}5", lang.decimal_mark());
    let first = match error {
        InputError::Empty => t.err_empty.to_string(),
        InputError::NotANumber => fill(t.err_not_a_number, &[("example", &example)]),
        InputError::Negative => t.err_negative.to_string(),
        InputError::TooLarge { max } => fill(t.err_too_large, &[("max", &format::count(lang, max))]),
        InputError::ExceedsAbove => t.err_exceeds_above.to_string(),
        InputError::AboveEmpty => t.err_above_empty.to_string(),
        InputError::TooSmall { min } => fill(t.err_too_small, &[("min", &format::count(lang, min))]),
        InputError::NotWhole => t.err_not_whole.to_string(),
    };
    format!("{first} {}", t.err_kept)
}

/// Why a figure has no value, in the language of `t`.
pub fn undefined(t: &Texts, why: Undefined) -> &'static str {
    match why {
        Undefined::NoEntrants => t.why_no_entrants,
        Undefined::NoLeads => t.why_no_leads,
        Undefined::EmptyStage => t.why_empty_stage,
        Undefined::NoCustomers => t.why_no_customers,
        Undefined::NoSpend => t.why_no_spend,
        Undefined::NoMargin => t.why_no_margin,
        Undefined::TooLarge => t.why_too_large,
        Undefined::NoTarget => t.why_no_target,
        Undefined::NoOrderValue => t.why_no_order_value,
        Undefined::Unreachable => t.why_unreachable,
        Undefined::NoCycle => t.why_no_cycle,
        Undefined::NoBreakeven => t.breakeven_none,
        Undefined::SelfSustaining => t.why_self_sustaining,
        Undefined::RangeReversed => t.why_range_reversed,
        Undefined::NoJourney => t.why_no_journey,
    }
}
