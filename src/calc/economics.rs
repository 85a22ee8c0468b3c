//! Money inputs and customer lifetime value (MODELS.md §3.4).

/// The currencies a scenario can be priced in (formatted by the browser's `Intl`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Currency {
    /// Danish krone.
    #[default]
    Dkk,
    /// Swedish krona.
    Sek,
    /// Norwegian krone.
    Nok,
    /// Euro.
    Eur,
    /// US dollar.
    Usd,
}

impl Currency {
    /// Every currency, in the order the picker lists them.
    pub const ALL: [Currency; 5] = [Currency::Dkk, Currency::Sek, Currency::Nok, Currency::Eur, Currency::Usd];

    /// ISO 4217 code, as `Intl.NumberFormat` and the `currency-select` values use it.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Dkk => "DKK",
            Currency::Sek => "SEK",
            Currency::Nok => "NOK",
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
        }
    }

    /// The currency with this ISO code, if it is one of ours.
    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The period that counts and money refer to (MODELS.md §2: a month unless chosen).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Period {
    /// Per week.
    Week,
    /// Per month.
    #[default]
    Month,
    /// Per quarter.
    Quarter,
    /// Per year.
    Year,
}

impl Period {
    /// Every period, in picker order.
    pub const ALL: [Period; 4] = [Period::Week, Period::Month, Period::Quarter, Period::Year];

    /// Stable id used in storage and as the `<select>` value.
    pub fn id(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// The period with this id.
    pub fn from_id(id: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// How lifetime value is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LtvMethod {
    /// LTV = m · L (annual margin times lifespan in years).
    #[default]
    Simple,
    /// LTV = m · (1 + d) / (1 + d − r) (annual retention r, discount rate d).
    Retention,
}

impl LtvMethod {
    /// Stable id: `simple` or `retention` (the `ltv-method` select's values).
    pub fn id(self) -> &'static str {
        match self {
            LtvMethod::Simple => "simple",
            LtvMethod::Retention => "retention",
        }
    }

    /// The method with this id.
    pub fn from_id(id: &str) -> Option<LtvMethod> {
        match id {
            "simple" => Some(LtvMethod::Simple),
            "retention" => Some(LtvMethod::Retention),
            _ => None,
        }
    }
}

/// The money side of a scenario. Percentages are stored as fractions (40 % = 0.4); both
/// LTV methods keep their inputs so switching between them loses nothing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Economics {
    /// Marketing + sales spend per period, S.
    pub spend: f64,
    /// Average order value.
    pub aov: f64,
    /// Purchases per customer per year, f.
    pub frequency: f64,
    /// Gross margin g, a fraction in [0, 1].
    pub margin: f64,
    /// Which LTV formula applies.
    pub method: LtvMethod,
    /// Customer lifespan L in years (simple method).
    pub lifespan: f64,
    /// Annual retention r, a fraction in [0, 0.99] (retention method).
    pub retention: f64,
    /// Annual discount rate d, a fraction in [0, 1] (retention method).
    pub discount: f64,
}

impl Default for Economics {
    fn default() -> Self {
        Economics {
            spend: 10_000.0,
            aov: 500.0,
            frequency: 2.0,
            margin: 0.4,
            method: LtvMethod::Simple,
            lifespan: 3.0,
            retention: 0.6,
            discount: 0.1,
        }
    }
}

impl Economics {
    /// Annual gross margin per customer: m = AOV · f · g.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::Economics;
    /// // 450 · 3 · 0.4 = 540
    /// let e = Economics { aov: 450.0, frequency: 3.0, margin: 0.4, ..Economics::default() };
    /// assert!((e.annual_margin() - 540.0).abs() < 1e-9);
    /// ```
    pub fn annual_margin(&self) -> f64 {
        self.aov * self.frequency * self.margin
    }

    /// Lifetime value per customer by the chosen method.
    ///
    /// simple: m · L. retention: m · (1 + d) / (1 + d − r), the sum of m · (r / (1 + d))^t
    /// over the years t ≥ 0; with d = 0 it is m / (1 − r).
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::{Economics, LtvMethod};
    /// // m = 12 000 · 1 · 0.8 = 9 600; 9 600 · 1.08 / (1.08 − 0.85) = 10 368 / 0.23 ≈ 45 078.26
    /// let e = Economics { aov: 12_000.0, frequency: 1.0, margin: 0.8, method: LtvMethod::Retention,
    ///                     retention: 0.85, discount: 0.08, ..Economics::default() };
    /// assert!((e.ltv() - 45_078.260_869_565_2).abs() < 1e-6);
    /// ```
    pub fn ltv(&self) -> f64 {
        let m = self.annual_margin();
        match self.method {
            LtvMethod::Simple => m * self.lifespan,
            LtvMethod::Retention => {
                let d = self.discount;
                let r = self.retention.min(0.99);
                m * (1.0 + d) / (1.0 + d - r)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_ltv_is_margin_times_lifespan() {
        // m = 450 · 3 · 0.4 = 540; LTV = 540 · 2 = 1 080
        let e = Economics { aov: 450.0, frequency: 3.0, margin: 0.4, lifespan: 2.0, ..Economics::default() };
        assert!((e.ltv() - 1080.0).abs() < 1e-9);
    }

    #[test]
    fn retention_ltv_without_discount_is_margin_over_churn() {
        // m = 15 000 · 1.5 · 0.7 = 15 750; churn = 1 − 0.6 = 0.4; LTV = 15 750 / 0.4 = 39 375
        let e = Economics {
            aov: 15_000.0,
            frequency: 1.5,
            margin: 0.7,
            method: LtvMethod::Retention,
            retention: 0.6,
            discount: 0.0,
            ..Economics::default()
        };
        assert!((e.ltv() - 39_375.0).abs() < 1e-9);
    }

    #[test]
    fn retention_ltv_with_discount() {
        // m = 100 · 2 · 0.5 = 100; 100 · 1.1 / (1.1 − 0.5) = 110 / 0.6 = 183.33…
        let e = Economics {
            aov: 100.0,
            frequency: 2.0,
            margin: 0.5,
            method: LtvMethod::Retention,
            retention: 0.5,
            discount: 0.1,
            ..Economics::default()
        };
        assert!((e.ltv() - 183.333_333_333_333_34).abs() < 1e-9);
    }

    #[test]
    fn ids_round_trip() {
        for c in Currency::ALL {
            assert_eq!(Currency::from_code(c.code()), Some(c));
        }
        for p in Period::ALL {
            assert_eq!(Period::from_id(p.id()), Some(p));
        }
        for m in [LtvMethod::Simple, LtvMethod::Retention] {
            assert_eq!(LtvMethod::from_id(m.id()), Some(m));
        }
        assert_eq!(Currency::from_code("GBP"), None);
    }
}
