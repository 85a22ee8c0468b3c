//! Comparing scenarios: the key figures of each, side by side, and how each differs from
//! the one chosen as the baseline — relatively for amounts and ratios, in percentage
//! points for figures that are percentages themselves.

use super::forecast::{Figure, Forecast, Undefined};

/// The figures a comparison shows, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFigure {
    /// Customers per period, C.
    Customers,
    /// First-purchase revenue per period.
    Revenue,
    /// Cost per customer, S / C.
    Cac,
    /// Lifetime value per customer.
    Ltv,
    /// LTV / CAC.
    LtvCac,
    /// Customers per newcomer.
    OverallRate,
    /// Cost per lead.
    Cpl,
    /// Return on ad spend.
    Roas,
    /// Months until a customer has paid back their CAC.
    Payback,
    /// Return on investment.
    Roi,
    /// The total spend S (§3.13): scenarios with other media budgets or stage costs differ
    /// here first.
    Spend,
}

impl KeyFigure {
    /// Every key figure, in table order.
    pub const ALL: [KeyFigure; 11] = [
        KeyFigure::Customers,
        KeyFigure::Revenue,
        KeyFigure::Cac,
        KeyFigure::Ltv,
        KeyFigure::LtvCac,
        KeyFigure::OverallRate,
        KeyFigure::Cpl,
        KeyFigure::Roas,
        KeyFigure::Payback,
        KeyFigure::Roi,
        KeyFigure::Spend,
    ];

    /// A stable id (the row's `data-figure`).
    pub fn id(self) -> &'static str {
        match self {
            KeyFigure::Customers => "customers",
            KeyFigure::Revenue => "revenue",
            KeyFigure::Cac => "cac",
            KeyFigure::Ltv => "ltv",
            KeyFigure::LtvCac => "ltv-cac",
            KeyFigure::OverallRate => "overall-rate",
            KeyFigure::Cpl => "cpl",
            KeyFigure::Roas => "roas",
            KeyFigure::Payback => "payback",
            KeyFigure::Roi => "roi",
            KeyFigure::Spend => "spend",
        }
    }

    /// Its value in a forecast.
    pub fn of(self, f: &Forecast) -> Figure {
        match self {
            KeyFigure::Customers => Ok(f.customers),
            KeyFigure::Revenue => Ok(f.revenue),
            KeyFigure::Cac => f.cac,
            KeyFigure::Ltv => Ok(f.ltv),
            KeyFigure::LtvCac => f.ltv_cac,
            KeyFigure::OverallRate => f.overall_rate,
            KeyFigure::Cpl => f.cpl,
            KeyFigure::Roas => f.roas,
            KeyFigure::Payback => f.payback_months,
            KeyFigure::Roi => f.roi,
            KeyFigure::Spend => Ok(f.spend_total),
        }
    }

    /// Whether a smaller value is the better one (costs, spend and payback time).
    pub fn lower_is_better(self) -> bool {
        matches!(self, KeyFigure::Cac | KeyFigure::Cpl | KeyFigure::Payback | KeyFigure::Spend)
    }

    /// Whether the figure is itself a percentage (overall conversion, ROI): its change is
    /// told in percentage points ([`point_change`]), not relative to its size.
    pub fn is_percentage(self) -> bool {
        matches!(self, KeyFigure::OverallRate | KeyFigure::Roi)
    }

    /// How this figure's `value` differs from the `baseline`'s: in percentage points (as a
    /// fraction) for a percentage, relative to the baseline's size for everything else.
    ///
    /// ```
    /// use tragt::calc::compare::KeyFigure;
    /// // a conversion of 1.2 % against 1.5 %: 0.3 points less, not a fifth less
    /// let d = KeyFigure::OverallRate.change(Ok(0.012), Ok(0.015)).unwrap();
    /// assert!((d - -0.003).abs() < 1e-15);
    /// // revenue of 90 against 120: a quarter less
    /// assert_eq!(KeyFigure::Revenue.change(Ok(90.0), Ok(120.0)), Ok(-0.25));
    /// ```
    pub fn change(self, value: Figure, baseline: Figure) -> Figure {
        if self.is_percentage() {
            point_change(value, baseline)
        } else {
            relative_change(value, baseline)
        }
    }
}

/// How `value` differs from `baseline`, relative to the baseline's size:
/// (value − baseline) / |baseline|. Undefined when either is, or the baseline is 0.
///
/// ```
/// use tragt::calc::compare::relative_change;
/// // 150 against 120: (150 − 120) / 120 = 0.25, a quarter more
/// assert_eq!(relative_change(Ok(150.0), Ok(120.0)), Ok(0.25));
/// // −50 against −100 (ROI): (−50 − −100) / 100 = +0.5, better
/// assert_eq!(relative_change(Ok(-50.0), Ok(-100.0)), Ok(0.5));
/// assert!(relative_change(Ok(1.0), Ok(0.0)).is_err());
/// ```
pub fn relative_change(value: Figure, baseline: Figure) -> Figure {
    let (v, b) = (value?, baseline?);
    if b == 0.0 {
        return Err(Undefined::TooLarge);
    }
    let change = (v - b) / b.abs();
    if change.is_finite() {
        Ok(change + 0.0)
    } else {
        Err(Undefined::TooLarge)
    }
}

/// How a percentage `value` differs from a percentage `baseline`, in percentage points:
/// value − baseline, both fractions (0.012 against 0.015 is −0.003, "−0.3 points").
/// Undefined when either is, or the difference does not fit in a number; never −0.
///
/// ```
/// use tragt::calc::compare::point_change;
/// // ROI of −20 % against −50 %: 30 points better
/// assert_eq!(point_change(Ok(-0.2), Ok(-0.5)), Ok(-0.2 - -0.5));
/// assert!(point_change(Ok(f64::MAX), Ok(-f64::MAX)).is_err());
/// ```
pub fn point_change(value: Figure, baseline: Figure) -> Figure {
    let (v, b) = (value?, baseline?);
    let change = v - b;
    if change.is_finite() {
        Ok(change + 0.0)
    } else {
        Err(Undefined::TooLarge)
    }
}

/// Bar lengths for a grouped bar chart: each value as a share of the largest magnitude in
/// its group, in [0, 1]; undefined values are 0.
///
/// ```
/// use tragt::calc::compare::shares;
/// // 50 and 200: 50 / 200 = 0.25 and 1
/// assert_eq!(shares(&[Ok(50.0), Ok(200.0)]), vec![0.25, 1.0]);
/// ```
pub fn shares(values: &[Figure]) -> Vec<f64> {
    let largest = values.iter().filter_map(|v| v.ok()).map(f64::abs).fold(0.0, f64::max);
    values
        .iter()
        .map(|v| match v {
            Ok(x) if largest > 0.0 => (x.abs() / largest).clamp(0.0, 1.0),
            _ => 0.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{Currency, Scenario, TemplateId};
    use proptest::prelude::*;

    #[test]
    fn every_key_figure_reads_its_own_field() {
        let mut s = Scenario::from_template("a".into(), "A".into(), TemplateId::Webshop, Currency::Dkk);
        s.economics.spend = 5000.0;
        let f = s.forecast();
        let got: Vec<Figure> = KeyFigure::ALL.iter().map(|k| k.of(&f)).collect();
        let want = vec![
            Ok(f.customers),
            Ok(f.revenue),
            f.cac,
            Ok(f.ltv),
            f.ltv_cac,
            f.overall_rate,
            f.cpl,
            f.roas,
            f.payback_months,
            f.roi,
            Ok(f.spend_total),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn the_total_spend_compares_media_budgets_and_less_is_better() {
        use crate::calc::traffic::SourceKind;
        let mut a = Scenario::from_template("a".into(), "A".into(), TemplateId::Webshop, Currency::Dkk);
        a.economics.spend = 5000.0;
        let mut b = a.clone();
        // B adds 2 000 of search ads at 4 per click: S = 5 000 + 2 000 = 7 000
        b.add_source("Search", SourceKind::cpc(2000.0, 4.0).unwrap()).unwrap();
        let (fa, fb) = (a.forecast(), b.forecast());
        assert_eq!(KeyFigure::Spend.of(&fa), Ok(5000.0));
        assert_eq!(KeyFigure::Spend.of(&fb), Ok(7000.0));
        // (7 000 − 5 000) / 5 000 = +0.4, a relative change
        assert_eq!(KeyFigure::Spend.change(KeyFigure::Spend.of(&fb), KeyFigure::Spend.of(&fa)), Ok(0.4));
        assert!(KeyFigure::Spend.lower_is_better() && !KeyFigure::Spend.is_percentage());
        // appended: the earlier figures keep their places and ids
        assert_eq!(KeyFigure::ALL.last(), Some(&KeyFigure::Spend));
        let ids: Vec<&str> = KeyFigure::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(
            ids,
            ["customers", "revenue", "cac", "ltv", "ltv-cac", "overall-rate", "cpl", "roas", "payback", "roi", "spend"]
        );
    }

    #[test]
    fn changes_are_relative_to_the_baseline_and_never_infinite() {
        // 90 against 120: (90 − 120) / 120 = −0.25
        assert_eq!(relative_change(Ok(90.0), Ok(120.0)), Ok(-0.25));
        assert_eq!(relative_change(Ok(5.0), Err(Undefined::NoSpend)), Err(Undefined::NoSpend));
        assert!(relative_change(Ok(1e308), Ok(-1e-308)).is_err());
        assert_eq!(relative_change(Ok(0.0), Ok(7.0)), Ok(-1.0));
    }

    #[test]
    fn percentages_change_in_points_and_the_rest_relatively() {
        let percentages: Vec<KeyFigure> = KeyFigure::ALL.into_iter().filter(|k| k.is_percentage()).collect();
        assert_eq!(percentages, vec![KeyFigure::OverallRate, KeyFigure::Roi]);
        // 0.25 against 0.5: 25 points less, not half
        assert_eq!(point_change(Ok(0.25), Ok(0.5)), Ok(-0.25));
        assert_eq!(KeyFigure::Roi.change(Ok(0.25), Ok(0.5)), Ok(-0.25));
        assert_eq!(KeyFigure::Customers.change(Ok(0.25), Ok(0.5)), Ok(-0.5));
        // a baseline of 0 is fine for points, not for a relative change
        assert_eq!(KeyFigure::OverallRate.change(Ok(0.02), Ok(0.0)), Ok(0.02));
        assert!(KeyFigure::Revenue.change(Ok(2.0), Ok(0.0)).is_err());
        // undefined on either side stays undefined
        assert_eq!(point_change(Err(Undefined::NoSpend), Ok(0.1)), Err(Undefined::NoSpend));
        assert_eq!(point_change(Ok(0.1), Err(Undefined::NoEntrants)), Err(Undefined::NoEntrants));
        // no change is +0, never −0, and an overflow is undefined, not infinite
        assert!(point_change(Ok(-0.0), Ok(0.0)).unwrap().is_sign_positive());
        assert!(point_change(Ok(-1e308), Ok(1e308)).is_err());
    }

    proptest! {
        #[test]
        fn point_changes_are_the_difference_and_never_infinite(
            v in prop_oneof![any::<f64>().prop_filter("finite", |x| x.is_finite()), -10.0f64..10.0],
            b in prop_oneof![any::<f64>().prop_filter("finite", |x| x.is_finite()), -10.0f64..10.0],
        ) {
            match point_change(Ok(v), Ok(b)) {
                Ok(d) => {
                    prop_assert!(d.is_finite());
                    prop_assert_eq!(d, v - b);
                    // the difference leads back to the value
                    prop_assert!((b + d - v).abs() <= 1e-12 * v.abs().max(b.abs()).max(1.0));
                    // it changes sign with the order, and a scenario against itself is +0
                    prop_assert_eq!(point_change(Ok(b), Ok(v)), Ok(-d + 0.0));
                    prop_assert_eq!(point_change(Ok(v), Ok(v)).map(f64::to_bits), Ok(0.0f64.to_bits()));
                }
                Err(e) => {
                    prop_assert_eq!(e, Undefined::TooLarge);
                    prop_assert!(!(v - b).is_finite());
                }
            }
            for k in KeyFigure::ALL {
                if let Ok(d) = k.change(Ok(v), Ok(b)) {
                    prop_assert!(d.is_finite());
                }
                prop_assert!(k.change(Err(Undefined::NoSpend), Ok(b)).is_err());
                prop_assert!(k.change(Ok(v), Err(Undefined::NoCustomers)).is_err());
            }
        }
    }

    #[test]
    fn shares_scale_to_the_largest_magnitude() {
        assert_eq!(shares(&[Ok(0.0), Ok(0.0)]), vec![0.0, 0.0]);
        assert_eq!(shares(&[Ok(-2.0), Ok(1.0), Err(Undefined::NoSpend)]), vec![1.0, 0.5, 0.0]);
    }
}
