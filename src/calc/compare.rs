//! Comparing scenarios: the key figures of each, side by side, and how each differs from
//! the first (the baseline).

use super::forecast::{Figure, Forecast, Undefined};

/// The figures a comparison shows, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFigure {
    Customers,
    Revenue,
    Cac,
    Ltv,
    LtvCac,
    OverallRate,
    Cpl,
    Roas,
    Payback,
    Roi,
}

impl KeyFigure {
    /// Every key figure, in table order.
    pub const ALL: [KeyFigure; 10] = [
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
        }
    }

    /// Whether a smaller value is the better one (costs and payback time).
    pub fn lower_is_better(self) -> bool {
        matches!(self, KeyFigure::Cac | KeyFigure::Cpl | KeyFigure::Payback)
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
        ];
        assert_eq!(got, want);
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
    fn shares_scale_to_the_largest_magnitude() {
        assert_eq!(shares(&[Ok(0.0), Ok(0.0)]), vec![0.0, 0.0]);
        assert_eq!(shares(&[Ok(-2.0), Ok(1.0), Err(Undefined::NoSpend)]), vec![1.0, 0.5, 0.0]);
    }
}
