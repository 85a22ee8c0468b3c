//! What a number typed into a field may be: the ranges every input is checked against
//! before it reaches the model, so that no figure downstream can overflow to ∞ or NaN.

/// `x` bounded to 0–1, a share or a chance. Not `f64::clamp`: its bound check would bring
/// float formatting into the wasm; not `min`/`max`: calls on wasm.
#[allow(clippy::manual_clamp)]
pub fn fraction(x: f64) -> f64 {
    if x > 1.0 {
        1.0
    } else if x < 0.0 {
        0.0
    } else {
        x
    }
}

/// The kind of quantity a field holds; each has its own admissible range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// People entering a stage per period.
    Count,
    /// An amount of money (spend, order value).
    Money,
    /// A percentage from 0 to 100 (conversion rate, gross margin, discount rate).
    Percent,
    /// Annual retention: 0 to 99 %, so that the retention LTV stays finite.
    Retention,
    /// A customer lifespan in years.
    Years,
    /// Purchases per customer per year.
    PerYear,
    /// Average days a person spends in a stage before moving on.
    Days,
    /// Referrals: new top-of-funnel entrants each customer brings.
    Referrals,
    /// Monte Carlo trials.
    Trials,
    /// A seed for the random numbers (a whole number).
    Seed,
}

/// Why a typed number was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InputError {
    /// Nothing typed.
    Empty,
    /// Not a number in the UI language's notation (e.g. "12..5", "abc").
    NotANumber,
    /// Below zero.
    Negative,
    /// Above the field's maximum (the maximum is carried for the message).
    TooLarge { max: f64 },
    /// A count larger than the stage above it: the funnel would widen.
    ExceedsAbove,
    /// A count typed below a stage with no entrants, where no rate can be derived.
    AboveEmpty,
    /// Below the field's minimum (carried for the message).
    TooSmall { min: f64 },
    /// A fraction where only whole numbers make sense (trials, seed).
    NotWhole,
}

/// Largest count of people per period a stage may have (a trillion).
pub const MAX_COUNT: f64 = 1e12;
/// Largest amount of money per field.
pub const MAX_MONEY: f64 = 1e12;
/// Longest lifespan in years.
pub const MAX_YEARS: f64 = 100.0;
/// Most purchases per customer per year.
pub const MAX_PER_YEAR: f64 = 10_000.0;
/// Most days per stage (ten years).
pub const MAX_DAYS: f64 = 3650.0;
/// Most referrals per customer.
pub const MAX_REFERRALS: f64 = 1000.0;
/// Fewest Monte Carlo trials.
pub const MIN_TRIALS: f64 = 10_000.0;
/// Most Monte Carlo trials.
pub const MAX_TRIALS: f64 = 100_000.0;
/// Largest seed: 2³² − 1, exact in JavaScript and in JSON.
pub const MAX_SEED: f64 = 4_294_967_295.0;
/// Longest scenario or stage name (the name fields' `maxlength`); a file's longer ones are
/// cut when read.
pub const MAX_NAME_CHARS: usize = 120;
/// Highest annual retention, in percent.
pub const MAX_RETENTION_PCT: f64 = 99.0;

impl Quantity {
    /// The largest admissible value, in the unit the user types (percent for percentages).
    pub fn max(self) -> f64 {
        match self {
            Quantity::Count => MAX_COUNT,
            Quantity::Money => MAX_MONEY,
            Quantity::Percent => 100.0,
            Quantity::Retention => MAX_RETENTION_PCT,
            Quantity::Years => MAX_YEARS,
            Quantity::PerYear => MAX_PER_YEAR,
            Quantity::Days => MAX_DAYS,
            Quantity::Referrals => MAX_REFERRALS,
            Quantity::Trials => MAX_TRIALS,
            Quantity::Seed => MAX_SEED,
        }
    }

    /// Checks a parsed number against this quantity's range.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::{InputError, Quantity};
    /// assert_eq!(Quantity::Percent.check(12.5), Ok(12.5));
    /// assert_eq!(Quantity::Percent.check(120.0), Err(InputError::TooLarge { max: 100.0 }));
    /// assert_eq!(Quantity::Count.check(-1.0), Err(InputError::Negative));
    /// assert_eq!(Quantity::Money.check(f64::NAN), Err(InputError::NotANumber));
    /// ```
    pub fn check(self, value: f64) -> Result<f64, InputError> {
        if value.is_nan() {
            return Err(InputError::NotANumber);
        }
        if value < 0.0 {
            return Err(InputError::Negative);
        }
        let max = self.max();
        if value > max {
            return Err(InputError::TooLarge { max });
        }
        // -0.0 is stored as 0.0 so that it never shows as "-0".
        Ok(value + 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infinity_is_too_large_and_edges_are_admitted() {
        assert_eq!(Quantity::Count.check(f64::INFINITY), Err(InputError::TooLarge { max: 1e12 }));
        assert_eq!(Quantity::Count.check(f64::NEG_INFINITY), Err(InputError::Negative));
        assert_eq!(Quantity::Count.check(1e12), Ok(1e12));
        assert_eq!(Quantity::Retention.check(99.0), Ok(99.0));
        assert_eq!(Quantity::Retention.check(99.5), Err(InputError::TooLarge { max: 99.0 }));
        assert!(Quantity::Money.check(-0.0).unwrap().is_sign_positive());
    }
}
