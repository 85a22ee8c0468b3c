//! The referral loop (MODELS.md §3.11): if each customer brings k new entrants at the top,
//! the top grows to E_1 / (1 − k · P_1) while k · P_1 < 1; at k · P_1 ≥ 1 every customer
//! brings at least one more customer and the loop sustains itself.

/// The funnel with its referral loop closed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Referral {
    /// The loop converges: the effective top-of-funnel entrants and customers per period.
    Converges {
        /// E_1 / (1 − k · P_1).
        top: f64,
        /// top · P_1.
        customers: f64,
    },
    /// k · P_1 ≥ 1: each customer brings at least one more; no finite steady state.
    SelfSustaining,
}

/// The referral loop of a funnel with `top` entrants, chance to buy from the top `p1`
/// and `k` referrals per customer. Inputs with no finite answer (a NaN loop gain, a top or
/// customers past the largest number) are `SelfSustaining` too.
///
/// # Examples
/// ```
/// use tragt::calc::referral::{referral, Referral};
/// // k · P₁ = 2 · 0.25 = 0.5: top = 1000 / (1 − 0.5) = 2000, customers 2000 · 0.25 = 500
/// assert_eq!(referral(1000.0, 0.25, 2.0), Referral::Converges { top: 2000.0, customers: 500.0 });
/// // k · P₁ = 4 · 0.25 = 1
/// assert_eq!(referral(1000.0, 0.25, 4.0), Referral::SelfSustaining);
/// ```
pub fn referral(top: f64, p1: f64, k: f64) -> Referral {
    let loop_gain = k * p1;
    // NaN counts as self-sustaining too: no finite answer
    if loop_gain.is_nan() || loop_gain >= 1.0 {
        return Referral::SelfSustaining;
    }
    let top = top / (1.0 - loop_gain);
    let customers = top * p1;
    if !top.is_finite() || !customers.is_finite() {
        return Referral::SelfSustaining;
    }
    Referral::Converges { top, customers }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_referrals_change_nothing() {
        assert_eq!(referral(50_000.0, 0.01008, 0.0), Referral::Converges { top: 50_000.0, customers: 504.0 });
    }

    #[test]
    fn the_worked_web_shop_with_referrals() {
        // worked example 1: E₁ = 50 000, P₁ = 0.01008; k = 10: k · P₁ = 0.1008,
        // top = 50 000 / 0.8992 = 55 604.98…, customers = 55 604.98… · 0.01008 = 560.498…
        match referral(50_000.0, 0.01008, 10.0) {
            Referral::Converges { top, customers } => {
                assert!((top - 55_604.982_206_405_7).abs() < 1e-6, "{top}");
                assert!((customers - 560.498_220_640_569).abs() < 1e-6, "{customers}");
            }
            other => panic!("{other:?}"),
        }
        // k = 1 / P₁ exactly (≈ 99.2): self-sustaining
        assert_eq!(referral(50_000.0, 0.01008, 1.0 / 0.01008), Referral::SelfSustaining);
        assert_eq!(referral(50_000.0, 0.01008, 1000.0), Referral::SelfSustaining);
    }

    #[test]
    fn a_loop_just_below_one_stays_finite() {
        // k · P₁ = 1 − 2⁻⁵² · something: a huge but finite top, or self-sustaining, never ∞
        let r = referral(1e12, 0.5, 1.999_999_999_999_999_8);
        match r {
            Referral::Converges { top, customers } => assert!(top.is_finite() && customers.is_finite()),
            Referral::SelfSustaining => {}
        }
        assert_eq!(referral(1000.0, 0.5, f64::NAN), Referral::SelfSustaining);
    }

    #[test]
    fn no_chance_to_buy_is_no_finite_answer() {
        // k · P₁ = 0.35 · −∞ = −∞ < 1, top = 0 / (1 + ∞) = 0, but customers 0 · −∞ = NaN
        assert_eq!(referral(0.0, f64::NEG_INFINITY, 0.350_572_371_287_895_5), Referral::SelfSustaining);
        // top = 10³⁰⁷ / (1 − 0.1) is finite, customers 1.1 · 10³⁰⁷ · 10¹⁰ are not
        assert_eq!(referral(1e307, 1e10, 1e-11), Referral::SelfSustaining);
    }
}
