//! Traffic sources and spend per stage (MODELS.md §3.12–3.13): where the first stage's people
//! come from and what they cost, and the costs that belong to a stage.
//!
//! A source is paid per click (`cpc`: v_s = B_s / k_s), paid per thousand impressions (`cpm`:
//! I_s = 1000 · B_s / M_s, v_s = I_s · t_s) or free (`free`: v_s typed, an optional cost B_s).
//! Each may carry its own rate into stage 2, r_s; without one it uses the funnel's c_1. Then
//! E_1 = Σ v_s, E_2 = Σ v_s · r'_s, the stage-2 rate is the blend E_2 / E_1, the media spend is
//! S_media = Σ B_s, and each source's customers are C_s = v_s · r'_s · P_2, so Σ C_s = E_2 · P_2.
//!
//! A stage's cost is K_i = F_i + u_i · E_i; total spend S = other + S_media + Σ K_i, and the
//! cost of bringing one person to stage i is Q_i = (S − Σ_{j>i} K_j) / E_i.
//!
//! A figure that would divide by zero is `Err(Undefined)` with the reason, never NaN or ∞.

use super::figure::{finite, ratio, Figure, Undefined};
use super::funnel::Rate;
use super::limits::{InputError, Quantity, MAX_NAME_CHARS};

/// Smallest cost per click or per thousand impressions: one hundredth of a currency unit
/// (1 øre, 1 cent), the smallest coin of every supported currency. A price of 0 would make
/// the visitors infinite; this floor also keeps them finite and bounded (at most
/// `MAX_MONEY / MIN_PRICE` = 10¹⁴ visitors per source, 1000 times that impressions).
/// `limits.rs` has no minimum for money, hence the local constant.
pub const MIN_PRICE: f64 = 0.01;

/// How a source brings visitors, with the numbers the user types (money per period, people
/// per period).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SourceKind {
    /// Paid per click (search ads, …): visitors v_s = budget / cpc.
    Cpc {
        /// Budget per period, B_s.
        budget: f64,
        /// Cost per click, k_s > 0.
        cpc: f64,
    },
    /// Paid per thousand impressions (display, social, …): impressions I_s = 1000 · budget /
    /// cpm, visitors v_s = I_s · ctr.
    Cpm {
        /// Budget per period, B_s.
        budget: f64,
        /// Cost per thousand impressions, M_s > 0.
        cpm: f64,
        /// Click-through rate, t_s: the share of impressions that become visitors.
        ctr: Rate,
    },
    /// Not paid per visitor (organic, e-mail, partners): visitors typed, with an optional
    /// fixed cost per period (an SEO retainer, a newsletter tool).
    Free {
        /// Visitors per period, v_s.
        visitors: f64,
        /// Cost per period, B_s (0 when nothing is paid).
        cost: f64,
    },
}

/// A cost per click or per thousand impressions: a sum of money of at least [`MIN_PRICE`].
fn price(value: f64) -> Result<f64, InputError> {
    let value = Quantity::Money.check(value)?;
    if value < MIN_PRICE {
        return Err(InputError::TooSmall { min: MIN_PRICE });
    }
    Ok(value)
}

/// A percentage typed by the user, as a rate.
fn percent(value: f64) -> Result<Rate, InputError> {
    let p = Quantity::Percent.check(value)?;
    Rate::from_percent(p).map_err(|_| InputError::TooLarge { max: 100.0 })
}

impl SourceKind {
    /// A source paid per click: `budget` per period at `cpc` per click.
    ///
    /// Refuses a budget that is not a number, negative or above the money limit, and a cost
    /// per click below [`MIN_PRICE`] (so also 0) or above the money limit.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::SourceKind;
    /// use tragt::calc::InputError;
    /// // 40 000 kr at 5 kr per click = 8 000 visitors
    /// assert_eq!(SourceKind::cpc(40_000.0, 5.0).unwrap().visitors(), 8_000.0);
    /// assert_eq!(SourceKind::cpc(40_000.0, 0.0), Err(InputError::TooSmall { min: 0.01 }));
    /// assert_eq!(SourceKind::cpc(-1.0, 5.0), Err(InputError::Negative));
    /// ```
    pub fn cpc(budget: f64, cpc: f64) -> Result<SourceKind, InputError> {
        Ok(SourceKind::Cpc { budget: Quantity::Money.check(budget)?, cpc: price(cpc)? })
    }

    /// A source paid per thousand impressions: `budget` per period at `cpm` per thousand
    /// impressions, of which `ctr_percent` % (0–100) are clicked.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::SourceKind;
    /// use tragt::calc::InputError;
    /// // 30 000 kr at 60 kr per thousand = 500 000 impressions; 1 % of them click: 5 000 visitors
    /// let social = SourceKind::cpm(30_000.0, 60.0, 1.0).unwrap();
    /// assert_eq!(social.impressions(), Some(500_000.0));
    /// assert_eq!(social.visitors(), 5_000.0);
    /// assert_eq!(SourceKind::cpm(30_000.0, 60.0, 101.0), Err(InputError::TooLarge { max: 100.0 }));
    /// ```
    pub fn cpm(budget: f64, cpm: f64, ctr_percent: f64) -> Result<SourceKind, InputError> {
        Ok(SourceKind::Cpm { budget: Quantity::Money.check(budget)?, cpm: price(cpm)?, ctr: percent(ctr_percent)? })
    }

    /// A free source: `visitors` per period typed, at a fixed `cost` per period (0 if none).
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::SourceKind;
    /// use tragt::calc::InputError;
    /// let organic = SourceKind::free(3_000.0, 2_000.0).unwrap();
    /// assert_eq!((organic.visitors(), organic.budget()), (3_000.0, 2_000.0));
    /// assert_eq!(SourceKind::free(-5.0, 0.0), Err(InputError::Negative));
    /// assert_eq!(SourceKind::free(1e13, 0.0), Err(InputError::TooLarge { max: 1e12 }));
    /// ```
    pub fn free(visitors: f64, cost: f64) -> Result<SourceKind, InputError> {
        Ok(SourceKind::Free { visitors: Quantity::Count.check(visitors)?, cost: Quantity::Money.check(cost)? })
    }

    /// Checks a kind built by hand (or read from a file) as the constructors would, and
    /// returns it with its numbers normalised (−0 as 0).
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::SourceKind;
    /// use tragt::calc::InputError;
    /// let bad = SourceKind::Cpc { budget: 1_000.0, cpc: f64::NAN };
    /// assert_eq!(bad.checked(), Err(InputError::NotANumber));
    /// ```
    pub fn checked(self) -> Result<SourceKind, InputError> {
        match self {
            SourceKind::Cpc { budget, cpc } => SourceKind::cpc(budget, cpc),
            // a `Rate` is in [0, 1] by construction; no round trip through percent
            SourceKind::Cpm { budget, cpm, ctr } => {
                Ok(SourceKind::Cpm { budget: Quantity::Money.check(budget)?, cpm: price(cpm)?, ctr })
            }
            SourceKind::Free { visitors, cost } => SourceKind::free(visitors, cost),
        }
    }

    /// Whether the source is paid for its visitors (`cpc` or `cpm`): its budget is what a
    /// goal scales.
    pub fn is_paid(self) -> bool {
        !matches!(self, SourceKind::Free { .. })
    }

    /// What the source costs per period, B_s: the budget, or a free source's cost.
    pub fn budget(self) -> f64 {
        match self {
            SourceKind::Cpc { budget, .. } | SourceKind::Cpm { budget, .. } => budget,
            SourceKind::Free { cost, .. } => cost,
        }
    }

    /// Sets B_s (a free source's cost), refused as in the constructors.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::SourceKind;
    /// let mut search = SourceKind::cpc(40_000.0, 5.0).unwrap();
    /// search.set_budget(50_000.0).unwrap();
    /// assert_eq!(search.visitors(), 10_000.0); // 50 000 / 5
    /// assert!(search.set_budget(f64::INFINITY).is_err());
    /// ```
    pub fn set_budget(&mut self, value: f64) -> Result<(), InputError> {
        let value = Quantity::Money.check(value)?;
        match self {
            SourceKind::Cpc { budget, .. } | SourceKind::Cpm { budget, .. } => *budget = value,
            SourceKind::Free { cost, .. } => *cost = value,
        }
        Ok(())
    }

    /// Impressions per period of a `cpm` source, I_s = 1000 · B_s / M_s; `None` for the others.
    pub fn impressions(self) -> Option<f64> {
        match self {
            SourceKind::Cpm { budget, cpm, .. } => Some(1000.0 * budget / cpm),
            _ => None,
        }
    }

    /// Visitors per period, v_s: B_s / k_s, I_s · t_s, or the typed count.
    pub fn visitors(self) -> f64 {
        match self {
            SourceKind::Cpc { budget, cpc } => budget / cpc,
            SourceKind::Cpm { budget, cpm, ctr } => 1000.0 * budget / cpm * ctr.get(),
            SourceKind::Free { visitors, .. } => visitors,
        }
    }
}

/// The three kinds of source without their numbers: what the user picks, and the id files
/// write (`cpc`, `cpm`, `free`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceType {
    /// Paid per click.
    Cpc,
    /// Paid per thousand impressions.
    Cpm,
    /// Not paid per visitor.
    Free,
}

impl SourceType {
    /// Every type, in the order a picker lists them.
    pub const ALL: [SourceType; 3] = [SourceType::Cpc, SourceType::Cpm, SourceType::Free];

    /// The id used in files.
    pub fn id(self) -> &'static str {
        match self {
            SourceType::Cpc => "cpc",
            SourceType::Cpm => "cpm",
            SourceType::Free => "free",
        }
    }

    /// The type with this id.
    pub fn from_id(id: &str) -> Option<SourceType> {
        SourceType::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// Cost per click a source switched to `cpc` gets when none can be derived.
pub const DEFAULT_CPC: f64 = 1.0;
/// Cost per thousand impressions a source switched to `cpm` gets when none can be derived.
pub const DEFAULT_CPM: f64 = 10.0;
/// Click-through rate a source switched to `cpm` gets: 1 %.
pub const DEFAULT_CTR_PERCENT: f64 = 1.0;

impl SourceKind {
    /// Its type.
    pub fn source_type(self) -> SourceType {
        match self {
            SourceKind::Cpc { .. } => SourceType::Cpc,
            SourceKind::Cpm { .. } => SourceType::Cpm,
            SourceKind::Free { .. } => SourceType::Free,
        }
    }

    /// The source switched to another type, keeping its B_s (budget, or a free source's
    /// cost) and, where a price can be derived, its visitors: to `free` the visitors are
    /// typed as they were (at most the count limit); to `cpc` the price is B_s / v_s; to
    /// `cpm` the click-through is [`DEFAULT_CTR_PERCENT`] and the price 1000 · B_s · t / v_s.
    /// A price that cannot be derived (no budget, no visitors, below [`MIN_PRICE`] or above
    /// the money limit) is [`DEFAULT_CPC`] or [`DEFAULT_CPM`]. The same type is kept as it is.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::{SourceKind, SourceType};
    /// let search = SourceKind::cpc(40_000.0, 5.0).unwrap(); // 8 000 visitors
    /// // 1 % of 800 000 impressions: 1000 · 40 000 · 0.01 / 8 000 = 50 per thousand
    /// let display = search.switched(SourceType::Cpm);
    /// assert_eq!((display.budget(), display.visitors()), (40_000.0, 8_000.0));
    /// assert_eq!(display.switched(SourceType::Free), SourceKind::free(8_000.0, 40_000.0).unwrap());
    /// // a free source that costs nothing cannot give a price per click
    /// let organic = SourceKind::free(2_000.0, 0.0).unwrap();
    /// assert_eq!(organic.switched(SourceType::Cpc), SourceKind::cpc(0.0, 1.0).unwrap());
    /// ```
    pub fn switched(self, to: SourceType) -> SourceKind {
        if self.source_type() == to {
            return self;
        }
        let (budget, visitors) = (self.budget(), self.visitors());
        // a price per visitor · `per`, if it is one
        let derived = |per: f64, fallback: f64| {
            let p = budget * per / visitors;
            if budget > 0.0 && visitors > 0.0 && p.is_finite() {
                price(p).unwrap_or(fallback)
            } else {
                fallback
            }
        };
        match to {
            SourceType::Cpc => SourceKind::Cpc { budget, cpc: derived(1.0, DEFAULT_CPC) },
            SourceType::Cpm => {
                let ctr = percent(DEFAULT_CTR_PERCENT).unwrap_or(Rate::ONE);
                SourceKind::Cpm { budget, cpm: derived(1000.0 * ctr.get(), DEFAULT_CPM), ctr }
            }
            SourceType::Free => SourceKind::Free {
                visitors: if visitors > super::limits::MAX_COUNT { super::limits::MAX_COUNT } else { visitors + 0.0 },
                cost: budget,
            },
        }
    }
}

/// One source of the first stage's people.
#[derive(Clone, Debug, PartialEq)]
pub struct TrafficSource {
    /// The name the user gave it ("Google Ads", "Newsletter").
    pub name: String,
    /// How it brings visitors and what it costs.
    pub kind: SourceKind,
    /// Its own rate into stage 2, r_s; `None` uses the funnel's c_1.
    pub rate: Option<Rate>,
}

impl TrafficSource {
    /// A source named `name` (cut to [`MAX_NAME_CHARS`] characters), with its own rate into
    /// stage 2 of `rate_percent` % if given. The kind is checked again (see
    /// [`SourceKind::checked`]), so a hand-built one is refused too.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::{SourceKind, TrafficSource};
    /// use tragt::calc::{InputError, Rate};
    /// let search = TrafficSource::new("Search", SourceKind::cpc(40_000.0, 5.0).unwrap(), Some(25.0)).unwrap();
    /// assert_eq!(search.rate, Some(Rate::new(0.25).unwrap()));
    /// assert_eq!(search.rate_or(Rate::new(0.1).unwrap()).get(), 0.25);
    /// let bad = TrafficSource::new("Search", SourceKind::cpc(40_000.0, 5.0).unwrap(), Some(120.0));
    /// assert_eq!(bad, Err(InputError::TooLarge { max: 100.0 }));
    /// ```
    pub fn new(name: &str, kind: SourceKind, rate_percent: Option<f64>) -> Result<TrafficSource, InputError> {
        let mut source = TrafficSource { name: String::new(), kind: kind.checked()?, rate: None };
        source.set_name(name);
        source.set_rate_percent(rate_percent)?;
        Ok(source)
    }

    /// Renames the source; a name longer than [`MAX_NAME_CHARS`] characters is cut.
    pub fn set_name(&mut self, name: &str) {
        self.name = name.chars().take(MAX_NAME_CHARS).collect();
    }

    /// Sets r_s from a percentage (0–100), or clears it with `None` so that the source uses
    /// c_1. On a refused percentage the rate is left as it was.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::{SourceKind, TrafficSource};
    /// use tragt::calc::InputError;
    /// let mut s = TrafficSource::new("Partners", SourceKind::free(500.0, 0.0).unwrap(), None).unwrap();
    /// assert_eq!(s.set_rate_percent(Some(-3.0)), Err(InputError::Negative));
    /// assert_eq!(s.rate, None);
    /// s.set_rate_percent(Some(40.0)).unwrap();
    /// assert_eq!(s.rate.map(|r| r.get()), Some(0.4));
    /// ```
    pub fn set_rate_percent(&mut self, rate_percent: Option<f64>) -> Result<(), InputError> {
        self.rate = rate_percent.map(percent).transpose()?;
        Ok(())
    }

    /// The rate this source's visitors reach stage 2 at, r'_s: its own r_s, or `c1`.
    pub fn rate_or(&self, c1: Rate) -> Rate {
        self.rate.unwrap_or(c1)
    }
}

/// The figures of one source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFigures {
    /// Whether the source is paid per visitor (`cpc`, `cpm`).
    pub paid: bool,
    /// Visitors per period, v_s.
    pub visitors: f64,
    /// The rate into stage 2 it is counted with, r'_s.
    pub rate: Rate,
    /// Its people entering stage 2 per period, v_s · r'_s.
    pub onward: f64,
    /// What it costs per period, B_s.
    pub spend: f64,
    /// Its customers per period, C_s = v_s · r'_s · P_2.
    pub customers: f64,
    /// Its first-purchase revenue per period, C_s · AOV.
    pub revenue: f64,
    /// B_s / v_s; `NoEntrants` when it brings no visitors.
    pub cost_per_visitor: Figure,
    /// CAC_s = B_s / C_s; `NoCustomers` when it brings no customers.
    pub cac: Figure,
    /// ROAS_s = C_s · AOV / B_s; `NoSpend` when it costs nothing.
    pub roas: Figure,
}

/// The first stage built from its sources.
#[derive(Clone, Debug, PartialEq)]
pub struct Traffic {
    /// Per source, in the order given.
    pub sources: Vec<SourceFigures>,
    /// Entrants of the first stage, E_1 = Σ v_s.
    pub top: f64,
    /// Entrants of the second stage, E_2 = Σ v_s · r'_s.
    pub second: f64,
    /// The stage-2 rate the funnel uses, E_2 / E_1 (derived, not typed): always between the
    /// smallest and the largest r'_s of the sources with visitors. `NoEntrants` when E_1 = 0.
    pub blend: Result<Rate, Undefined>,
    /// Media spend per period, S_media = Σ B_s.
    pub media_spend: f64,
    /// Customers per period, Σ C_s = E_2 · P_2.
    pub customers: f64,
}

/// The first stage from its `sources`, with the funnel's rate `c1` for sources without their
/// own, `p2` the chance to buy from stage 2 (P_2 of §3.5; the purchase stage is stage 2 or
/// later) and `aov` the average order value.
///
/// # Examples
/// ```
/// use tragt::calc::traffic::{traffic, SourceKind, TrafficSource};
/// use tragt::calc::Rate;
/// let search = TrafficSource::new("Search", SourceKind::cpc(40_000.0, 5.0).unwrap(), Some(25.0)).unwrap();
/// let organic = TrafficSource::new("Organic", SourceKind::free(2_000.0, 0.0).unwrap(), None).unwrap();
/// let t = traffic(&[search, organic], Rate::new(0.1).unwrap(), 0.05, 600.0);
/// // E₁ = 40 000 / 5 + 2 000 = 10 000; E₂ = 8 000 · 0.25 + 2 000 · 0.1 = 2 200; blend 0.22
/// assert_eq!((t.top, t.second), (10_000.0, 2_200.0));
/// assert_eq!(t.blend.unwrap().get(), 0.22);
/// // search: 2 000 · 0.05 = 100 customers, CAC 40 000 / 100 = 400, ROAS 100 · 600 / 40 000 = 1.5
/// assert_eq!(t.sources[0].customers, 100.0);
/// assert_eq!(t.sources[0].cac, Ok(400.0));
/// assert_eq!(t.sources[0].roas, Ok(1.5));
/// assert!(t.sources[1].roas.is_err()); // organic costs nothing
/// ```
pub fn traffic(sources: &[TrafficSource], c1: Rate, p2: f64, aov: f64) -> Traffic {
    let figures: Vec<SourceFigures> = sources
        .iter()
        .map(|s| {
            let visitors = s.kind.visitors() + 0.0;
            let rate = s.rate_or(c1);
            let onward = visitors * rate.get();
            let spend = s.kind.budget();
            let customers = onward * p2 + 0.0;
            let revenue = customers * aov + 0.0;
            SourceFigures {
                paid: s.kind.is_paid(),
                visitors,
                rate,
                onward,
                spend,
                customers,
                revenue,
                cost_per_visitor: ratio(spend, visitors, Undefined::NoEntrants),
                cac: ratio(spend, customers, Undefined::NoCustomers),
                roas: ratio(revenue, spend, Undefined::NoSpend),
            }
        })
        .collect();

    let (mut top, mut second, mut media_spend, mut customers) = (0.0, 0.0, 0.0, 0.0);
    // the smallest and largest r'_s among the sources with visitors
    let (mut lo, mut hi) = (1.0, 0.0);
    for f in &figures {
        top += f.visitors;
        second += f.onward;
        media_spend += f.spend;
        customers += f.customers;
        if f.visitors > 0.0 {
            let r = f.rate.get();
            if r < lo {
                lo = r;
            }
            if r > hi {
                hi = r;
            }
        }
    }
    let blend = ratio(second, top, Undefined::NoEntrants).map(|b| {
        // a weighted mean lies between its extremes; rounding must not push it past them
        // (nor past 100 %)
        let b = if b > hi {
            hi
        } else if b < lo {
            lo
        } else {
            b
        };
        Rate::new(b).unwrap_or(Rate::ONE)
    });
    Traffic { sources: figures, top, second, blend, media_spend, customers }
}

/// The media budget a goal needs at today's mix of sources (§3.6 with §3.12).
#[derive(Clone, Debug, PartialEq)]
pub enum GoalBudget {
    /// The free sources alone bring the target's customers or more (T ≤ C_free): no paid
    /// source is needed.
    FreeSourcesSuffice,
    /// Every paid budget scaled by the same factor so that the paid sources bring T − C_free.
    Scaled {
        /// The factor (T − C_free) / C_paid (below 1 when today's budgets are more than the
        /// goal needs).
        scale: f64,
        /// The new B_s per source, in the order of the sources: a paid source's budget times
        /// `scale`, a free source's cost as it is.
        budgets: Vec<f64>,
        /// Σ of the paid sources' new budgets.
        paid: f64,
        /// Σ of all new budgets: the media spend the goal needs, to compare with S_media.
        total: f64,
    },
}

impl Traffic {
    /// The media budget that brings `target` customers per period (T, e.g. from
    /// [`crate::calc::goal::Target::customers`]) at today's mix: the paid sources' customers
    /// C_paid must become T − C_free, so each paid budget scales by (T − C_free) / C_paid.
    ///
    /// `NoTarget` when T is not above 0; [`GoalBudget::FreeSourcesSuffice`] when T ≤ C_free;
    /// `NoCustomers` when the paid sources bring no customers (or there are none); `TooLarge`
    /// when the budgets do not fit in a number.
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::{traffic, GoalBudget, SourceKind, TrafficSource};
    /// use tragt::calc::{Rate, Undefined};
    /// let search = TrafficSource::new("Search", SourceKind::cpc(40_000.0, 5.0).unwrap(), Some(25.0)).unwrap();
    /// let organic = TrafficSource::new("Organic", SourceKind::free(2_000.0, 500.0).unwrap(), None).unwrap();
    /// // search brings 8 000 · 0.25 · 0.05 = 100 customers, organic 2 000 · 0.1 · 0.05 = 10
    /// let t = traffic(&[search, organic], Rate::new(0.1).unwrap(), 0.05, 600.0);
    /// // 210 customers: search must bring 200, twice today's 100, so twice its budget
    /// assert_eq!(
    ///     t.goal_budget(210.0),
    ///     Ok(GoalBudget::Scaled { scale: 2.0, budgets: vec![80_000.0, 500.0], paid: 80_000.0, total: 80_500.0 })
    /// );
    /// assert_eq!(t.goal_budget(10.0), Ok(GoalBudget::FreeSourcesSuffice));
    /// assert_eq!(t.goal_budget(0.0), Err(Undefined::NoTarget));
    /// ```
    pub fn goal_budget(&self, target: f64) -> Result<GoalBudget, Undefined> {
        if target.is_nan() || target <= 0.0 {
            return Err(Undefined::NoTarget);
        }
        if !target.is_finite() {
            return Err(Undefined::TooLarge);
        }
        let (mut free, mut paid_now) = (0.0, 0.0);
        for s in &self.sources {
            if s.paid {
                paid_now += s.customers;
            } else {
                free += s.customers;
            }
        }
        if target <= free {
            return Ok(GoalBudget::FreeSourcesSuffice);
        }
        let scale = ratio(target - free, paid_now, Undefined::NoCustomers)?;
        let budgets: Vec<f64> = self
            .sources
            .iter()
            .map(|s| if s.paid { finite(s.spend * scale) } else { Ok(s.spend) })
            .collect::<Result<_, _>>()?;
        let paid = finite(self.sources.iter().zip(&budgets).filter(|(s, _)| s.paid).map(|(_, b)| b).sum())?;
        let total = finite(budgets.iter().sum())?;
        Ok(GoalBudget::Scaled { scale, budgets, paid, total })
    }
}

/// Costs that belong to one stage per period: a fixed cost F_i (the sales team that calls
/// SQLs) and a cost per entrant u_i (a demo, a sample, a quote).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct StageCost {
    /// Fixed cost per period, F_i.
    pub fixed: f64,
    /// Cost per person entering the stage, u_i.
    pub per_entrant: f64,
}

impl StageCost {
    /// A stage's costs, each a sum of money (not negative, not above the money limit).
    ///
    /// # Examples
    /// ```
    /// use tragt::calc::traffic::StageCost;
    /// use tragt::calc::InputError;
    /// // a sales team of 20 000 and a 50 kr demo per entrant; 600 entrants: 20 000 + 50 · 600
    /// assert_eq!(StageCost::new(20_000.0, 50.0).unwrap().cost(600.0), 50_000.0);
    /// assert_eq!(StageCost::new(-1.0, 50.0), Err(InputError::Negative));
    /// ```
    pub fn new(fixed: f64, per_entrant: f64) -> Result<StageCost, InputError> {
        Ok(StageCost { fixed: Quantity::Money.check(fixed)?, per_entrant: Quantity::Money.check(per_entrant)? })
    }

    /// The stage's cost per period with `entrants` people entering it, K_i = F_i + u_i · E_i.
    pub fn cost(self, entrants: f64) -> f64 {
        self.fixed + self.per_entrant * entrants + 0.0
    }
}

/// The spend of a funnel with costs per stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Spending {
    /// Total spend per period, S = other + S_media + Σ K_i.
    pub total: f64,
    /// Per stage, its cost K_i.
    pub stage_costs: Vec<f64>,
    /// Per stage, the cost of bringing one person to it, Q_i = (S − Σ_{j>i} K_j) / E_i: what
    /// was spent up to and including the stage, per entrant (`EmptyStage` when E_i = 0). At
    /// the lead stage it is the true cost per lead.
    pub cost_to_reach: Vec<Figure>,
}

/// The spend of a funnel with `entrants` per stage: `other` spend (the spend input), `media`
/// spend (S_media, 0 without sources) and the stages' `costs` in funnel order. A stage with no
/// entry in `costs` costs nothing (so `&[]` is a funnel without costs per stage, where
/// Q_i = S / E_i); entries past the last stage are ignored.
///
/// # Examples
/// ```
/// use tragt::calc::traffic::{spend, StageCost};
/// use tragt::calc::Undefined;
/// // E = 10 000, 1 000, 100, 0; stage 3 has a sales team of 20 000: K₃ = 20 000
/// // S = 5 000 + 25 000 + 20 000 = 50 000
/// let costs = [StageCost::default(), StageCost::default(), StageCost::new(20_000.0, 0.0).unwrap()];
/// let s = spend(5_000.0, 25_000.0, &costs, &[10_000.0, 1_000.0, 100.0, 0.0]);
/// assert_eq!(s.total, 50_000.0);
/// assert_eq!(s.cost_to_reach[0], Ok(3.0));   // (50 000 − 20 000) / 10 000
/// assert_eq!(s.cost_to_reach[2], Ok(500.0)); // 50 000 / 100
/// assert_eq!(s.cost_to_reach[3], Err(Undefined::EmptyStage));
/// ```
pub fn spend(other: f64, media: f64, costs: &[StageCost], entrants: &[f64]) -> Spending {
    spend_by(other, media, costs, entrants, entrants)
}

/// [`spend`] where a stage's cost per entrant is paid for `counted` people rather than its
/// entrants: in a journey (§3.8) for each state's visits per period (a person who comes
/// back is counted again), while Q_i still divides by the people who reach the stage. A
/// stage with no entry in `counted` counts 0 people.
///
/// # Examples
/// ```
/// use tragt::calc::traffic::{spend_by, StageCost};
/// // 100 people reach stage 2 and visit it 150 times: K₂ = 10 · 150 = 1 500
/// let costs = [StageCost::default(), StageCost::new(0.0, 10.0).unwrap()];
/// let s = spend_by(500.0, 0.0, &costs, &[1_000.0, 150.0], &[1_000.0, 100.0]);
/// assert_eq!(s.total, 2_000.0);
/// assert_eq!(s.cost_to_reach[1], Ok(20.0)); // 2 000 / 100
/// ```
pub fn spend_by(other: f64, media: f64, costs: &[StageCost], counted: &[f64], entrants: &[f64]) -> Spending {
    let stage_costs: Vec<f64> = (0..entrants.len())
        .map(|i| costs.get(i).map_or(0.0, |c| c.cost(counted.get(i).copied().unwrap_or(0.0))))
        .collect();
    let total = other + media + stage_costs.iter().sum::<f64>() + 0.0;
    // Σ_{j>i} K_j, from the last stage up
    let mut later = vec![0.0; entrants.len()];
    for i in (0..entrants.len().saturating_sub(1)).rev() {
        later[i] = later[i + 1] + stage_costs[i + 1];
    }
    let cost_to_reach =
        entrants.iter().zip(&later).map(|(&e, &after)| ratio(total - after, e, Undefined::EmptyStage)).collect();
    Spending { total, stage_costs, cost_to_reach }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
    }

    fn rate(pct: f64) -> Rate {
        Rate::from_percent(pct).unwrap()
    }

    /// Search (cpc), social (cpm, no own rate) and organic (free with a retainer).
    fn three() -> Vec<TrafficSource> {
        vec![
            TrafficSource::new("Search", SourceKind::cpc(40_000.0, 5.0).unwrap(), Some(25.0)).unwrap(),
            TrafficSource::new("Social", SourceKind::cpm(30_000.0, 60.0, 0.8).unwrap(), None).unwrap(),
            TrafficSource::new("Organic", SourceKind::free(3_000.0, 2_000.0).unwrap(), Some(20.0)).unwrap(),
        ]
    }

    #[test]
    fn visitors_per_kind() {
        // 40 000 kr at 5 kr per click = 8 000 visitors
        assert_eq!(SourceKind::cpc(40_000.0, 5.0).unwrap().visitors(), 8_000.0);
        // 30 000 kr at 60 kr per thousand = 1000 · 30 000 / 60 = 500 000 impressions;
        // 0.8 % click-through: 500 000 · 0.008 = 4 000 visitors
        let social = SourceKind::cpm(30_000.0, 60.0, 0.8).unwrap();
        assert_eq!(social.impressions(), Some(500_000.0));
        assert!(close(social.visitors(), 4_000.0));
        // a free source's visitors are typed
        let organic = SourceKind::free(3_000.0, 2_000.0).unwrap();
        assert_eq!(organic.visitors(), 3_000.0);
        assert_eq!(organic.impressions(), None);
        assert!(!organic.is_paid() && social.is_paid());
        assert_eq!((social.budget(), organic.budget()), (30_000.0, 2_000.0));
    }

    #[test]
    fn the_worked_three_sources() {
        // c₁ = 10 %, P₂ = 5 %, AOV = 600
        // v = 8 000, 4 000, 3 000 → E₁ = 15 000
        // r' = 25 %, 10 % (c₁), 20 % → E₂ = 2 000 + 400 + 600 = 3 000; blend 3 000 / 15 000 = 0.2
        // S_media = 40 000 + 30 000 + 2 000 = 72 000
        let t = traffic(&three(), rate(10.0), 0.05, 600.0);
        assert!(close(t.top, 15_000.0));
        assert!(close(t.second, 3_000.0));
        assert!(close(t.blend.unwrap().get(), 0.2));
        assert_eq!(t.media_spend, 72_000.0);
        // C = 2 000 · 0.05 = 100, 400 · 0.05 = 20, 600 · 0.05 = 30; Σ = 150 = 3 000 · 0.05
        let c: Vec<f64> = t.sources.iter().map(|s| s.customers).collect();
        for (got, want) in c.iter().zip([100.0, 20.0, 30.0]) {
            assert!(close(*got, want), "{got} {want}");
        }
        assert!(close(t.customers, 150.0));
        // revenue = C · 600: 60 000, 12 000, 18 000
        assert!(close(t.sources[1].revenue, 12_000.0));
        // cost per visitor = B / v: 40 000 / 8 000 = 5, 30 000 / 4 000 = 7.5, 2 000 / 3 000 = 0.66…
        assert_eq!(t.sources[0].cost_per_visitor, Ok(5.0));
        assert!(close(t.sources[1].cost_per_visitor.unwrap(), 7.5));
        assert!(close(t.sources[2].cost_per_visitor.unwrap(), 2.0 / 3.0));
        // CAC = B / C: 40 000 / 100 = 400, 30 000 / 20 = 1 500, 2 000 / 30 = 66.66…
        assert!(close(t.sources[0].cac.unwrap(), 400.0));
        assert!(close(t.sources[1].cac.unwrap(), 1_500.0));
        assert!(close(t.sources[2].cac.unwrap(), 200.0 / 3.0));
        // ROAS = C · AOV / B: 60 000 / 40 000 = 1.5, 12 000 / 30 000 = 0.4, 18 000 / 2 000 = 9
        assert!(close(t.sources[0].roas.unwrap(), 1.5));
        assert!(close(t.sources[1].roas.unwrap(), 0.4));
        assert!(close(t.sources[2].roas.unwrap(), 9.0));
        assert_eq!(t.sources[1].rate, rate(10.0));
    }

    #[test]
    fn undefined_per_source_figures() {
        let sources = vec![
            // CTR 0 %: impressions but no visitors, so no cost per visitor and no customers
            TrafficSource::new("Banner", SourceKind::cpm(1_000.0, 20.0, 0.0).unwrap(), None).unwrap(),
            // free and costless: no ROAS
            TrafficSource::new("Word of mouth", SourceKind::free(100.0, 0.0).unwrap(), None).unwrap(),
            // a budget of 0: no visitors, no spend
            TrafficSource::new("Paused", SourceKind::cpc(0.0, 3.0).unwrap(), None).unwrap(),
            // visitors, but 0 % reach stage 2: no customers
            TrafficSource::new("Bots", SourceKind::cpc(500.0, 1.0).unwrap(), Some(0.0)).unwrap(),
        ];
        let t = traffic(&sources, rate(10.0), 0.5, 100.0);
        assert_eq!(t.sources[0].cost_per_visitor, Err(Undefined::NoEntrants));
        assert_eq!(t.sources[0].cac, Err(Undefined::NoCustomers));
        assert_eq!(t.sources[0].roas, Ok(0.0));
        assert_eq!(t.sources[1].roas, Err(Undefined::NoSpend));
        assert_eq!(t.sources[1].cac, Ok(0.0)); // 0 / 5
        assert_eq!(t.sources[2].cost_per_visitor, Err(Undefined::NoEntrants));
        assert_eq!(t.sources[2].cac, Err(Undefined::NoCustomers));
        assert_eq!(t.sources[2].roas, Err(Undefined::NoSpend));
        assert_eq!(t.sources[3].cost_per_visitor, Ok(1.0));
        assert_eq!(t.sources[3].cac, Err(Undefined::NoCustomers));
        // the blend counts only sources with visitors: (100 · 0.1 + 500 · 0) / 600
        assert!(close(t.blend.unwrap().get(), 10.0 / 600.0));
    }

    #[test]
    fn no_visitors_means_no_blend() {
        let none = traffic(&[], rate(10.0), 0.5, 100.0);
        assert_eq!(none.blend, Err(Undefined::NoEntrants));
        assert_eq!((none.top, none.second, none.media_spend, none.customers), (0.0, 0.0, 0.0, 0.0));
        let paused = [TrafficSource::new("Paused", SourceKind::cpc(0.0, 3.0).unwrap(), None).unwrap()];
        assert_eq!(traffic(&paused, rate(10.0), 0.5, 100.0).blend, Err(Undefined::NoEntrants));
    }

    #[test]
    fn a_blend_of_full_rates_is_exactly_one() {
        let s = [
            TrafficSource::new("A", SourceKind::free(0.1, 0.0).unwrap(), Some(100.0)).unwrap(),
            TrafficSource::new("B", SourceKind::free(0.2, 0.0).unwrap(), Some(100.0)).unwrap(),
        ];
        assert_eq!(traffic(&s, rate(10.0), 1.0, 1.0).blend, Ok(Rate::ONE));
    }

    #[test]
    fn refused_inputs() {
        let money = InputError::TooLarge { max: 1e12 };
        let small = InputError::TooSmall { min: MIN_PRICE };
        // cost per click or per thousand of 0 or below
        assert_eq!(SourceKind::cpc(100.0, 0.0), Err(small));
        assert_eq!(SourceKind::cpc(100.0, -0.0), Err(small));
        assert_eq!(SourceKind::cpc(100.0, 0.001), Err(small));
        assert_eq!(SourceKind::cpc(100.0, -2.0), Err(InputError::Negative));
        assert_eq!(SourceKind::cpm(100.0, 0.0, 1.0), Err(small));
        assert_eq!(SourceKind::cpm(100.0, -5.0, 1.0), Err(InputError::Negative));
        assert_eq!(SourceKind::cpc(100.0, MIN_PRICE).unwrap().visitors(), 10_000.0);
        // negative budgets, visitors, costs
        assert_eq!(SourceKind::cpc(-1.0, 5.0), Err(InputError::Negative));
        assert_eq!(SourceKind::cpm(-1.0, 5.0, 1.0), Err(InputError::Negative));
        assert_eq!(SourceKind::free(-1.0, 0.0), Err(InputError::Negative));
        assert_eq!(SourceKind::free(10.0, -1.0), Err(InputError::Negative));
        // click-through over 100 % or below 0
        assert_eq!(SourceKind::cpm(100.0, 5.0, 100.5), Err(InputError::TooLarge { max: 100.0 }));
        assert_eq!(SourceKind::cpm(100.0, 5.0, -1.0), Err(InputError::Negative));
        assert!(SourceKind::cpm(100.0, 5.0, 100.0).is_ok());
        // NaN and ∞
        assert_eq!(SourceKind::cpc(f64::NAN, 5.0), Err(InputError::NotANumber));
        assert_eq!(SourceKind::cpc(100.0, f64::NAN), Err(InputError::NotANumber));
        assert_eq!(SourceKind::cpm(100.0, 5.0, f64::NAN), Err(InputError::NotANumber));
        assert_eq!(SourceKind::free(f64::NAN, 0.0), Err(InputError::NotANumber));
        assert_eq!(SourceKind::cpc(f64::INFINITY, 5.0), Err(money));
        assert_eq!(SourceKind::cpc(100.0, f64::INFINITY), Err(money));
        assert_eq!(SourceKind::cpc(100.0, f64::NEG_INFINITY), Err(InputError::Negative));
        assert_eq!(SourceKind::free(f64::INFINITY, 0.0), Err(InputError::TooLarge { max: 1e12 }));
        // huge numbers
        assert_eq!(SourceKind::cpc(1.1e12, 5.0), Err(money));
        assert_eq!(SourceKind::cpm(100.0, 1e13, 1.0), Err(money));
        assert_eq!(SourceKind::free(1e13, 0.0), Err(InputError::TooLarge { max: 1e12 }));
        assert_eq!(SourceKind::free(10.0, 1e13), Err(money));
        assert!(SourceKind::cpc(1e12, 1e12).is_ok());
        // the source's own rate
        let kind = SourceKind::free(10.0, 0.0).unwrap();
        assert_eq!(TrafficSource::new("x", kind, Some(101.0)), Err(InputError::TooLarge { max: 100.0 }));
        assert_eq!(TrafficSource::new("x", kind, Some(-1.0)), Err(InputError::Negative));
        assert_eq!(TrafficSource::new("x", kind, Some(f64::NAN)), Err(InputError::NotANumber));
        // a hand-built kind is checked too
        let hand = SourceKind::Cpc { budget: 100.0, cpc: 0.0 };
        assert_eq!(TrafficSource::new("x", hand, None), Err(small));
        assert_eq!(
            SourceKind::Free { visitors: -0.0, cost: -0.0 }.checked().map(|k| k.budget().is_sign_positive()),
            Ok(true)
        );
        // setting a budget
        let mut k = SourceKind::cpm(100.0, 5.0, 1.0).unwrap();
        assert_eq!(k.set_budget(-1.0), Err(InputError::Negative));
        assert_eq!(k.set_budget(f64::NAN), Err(InputError::NotANumber));
        assert_eq!(k.set_budget(2e12), Err(money));
        assert_eq!(k.budget(), 100.0);
        let mut f = SourceKind::free(10.0, 0.0).unwrap();
        f.set_budget(300.0).unwrap();
        assert_eq!(f, SourceKind::Free { visitors: 10.0, cost: 300.0 });
        // stage costs
        assert_eq!(StageCost::new(-1.0, 0.0), Err(InputError::Negative));
        assert_eq!(StageCost::new(0.0, -1.0), Err(InputError::Negative));
        assert_eq!(StageCost::new(f64::NAN, 0.0), Err(InputError::NotANumber));
        assert_eq!(StageCost::new(0.0, f64::INFINITY), Err(money));
        assert_eq!(StageCost::new(2e12, 0.0), Err(money));
    }

    #[test]
    fn names_are_cut_and_rates_cleared() {
        let kind = SourceKind::free(10.0, 0.0).unwrap();
        let mut s = TrafficSource::new(&"é".repeat(200), kind, Some(30.0)).unwrap();
        assert_eq!(s.name, "é".repeat(MAX_NAME_CHARS));
        s.set_name("Newsletter");
        assert_eq!(s.name, "Newsletter");
        assert_eq!(s.rate_or(rate(10.0)), rate(30.0));
        s.set_rate_percent(None).unwrap();
        assert_eq!(s.rate_or(rate(10.0)), rate(10.0));
        // a refused rate leaves the old one
        s.set_rate_percent(Some(30.0)).unwrap();
        assert!(s.set_rate_percent(Some(300.0)).is_err());
        assert_eq!(s.rate, Some(rate(30.0)));
    }

    #[test]
    fn the_worked_goal_budget() {
        // today: search 100, social 20 (paid, C_paid = 120), organic 30 (free)
        // T = 300: paid must bring 300 − 30 = 270, scale 270 / 120 = 2.25
        // search 40 000 · 2.25 = 90 000, social 30 000 · 2.25 = 67 500, organic keeps 2 000
        // paid 157 500, total 159 500
        let t = traffic(&three(), rate(10.0), 0.05, 600.0);
        match t.goal_budget(300.0) {
            Ok(GoalBudget::Scaled { scale, budgets, paid, total }) => {
                assert!(close(scale, 2.25));
                assert!(close(budgets[0], 90_000.0));
                assert!(close(budgets[1], 67_500.0));
                assert_eq!(budgets[2], 2_000.0);
                assert!(close(paid, 157_500.0));
                assert!(close(total, 159_500.0));
            }
            other => panic!("{other:?}"),
        }
        // T = 75: paid must bring 45, scale 45 / 120 = 0.375: less than today
        match t.goal_budget(75.0) {
            Ok(GoalBudget::Scaled { scale, .. }) => assert!(close(scale, 0.375)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn goal_budget_edges() {
        let t = traffic(&three(), rate(10.0), 0.05, 600.0);
        // organic brings 30 (≈ 600 · 0.05): a goal at or below it needs no paid source
        let c_free = t.sources[2].customers;
        assert_eq!(t.goal_budget(20.0), Ok(GoalBudget::FreeSourcesSuffice));
        assert_eq!(t.goal_budget(c_free), Ok(GoalBudget::FreeSourcesSuffice));
        // no target
        assert_eq!(t.goal_budget(0.0), Err(Undefined::NoTarget));
        assert_eq!(t.goal_budget(-5.0), Err(Undefined::NoTarget));
        assert_eq!(t.goal_budget(f64::NAN), Err(Undefined::NoTarget));
        assert_eq!(t.goal_budget(f64::INFINITY), Err(Undefined::TooLarge));
        // paid sources that bring no customers: C_paid = 0
        let dead = [
            TrafficSource::new("Bots", SourceKind::cpc(500.0, 1.0).unwrap(), Some(0.0)).unwrap(),
            TrafficSource::new("Organic", SourceKind::free(100.0, 0.0).unwrap(), None).unwrap(),
        ];
        let d = traffic(&dead, rate(10.0), 0.5, 100.0);
        assert_eq!(d.goal_budget(1.0), Ok(GoalBudget::FreeSourcesSuffice)); // organic: 100 · 0.1 · 0.5 = 5
        assert_eq!(d.goal_budget(6.0), Err(Undefined::NoCustomers));
        // no paid sources at all
        let free_only = traffic(&dead[1..], rate(10.0), 0.5, 100.0);
        assert_eq!(free_only.goal_budget(6.0), Err(Undefined::NoCustomers));
        // a paid source with a tiny share: the budgets do not fit in a number
        let tiny = [TrafficSource::new("Tiny", SourceKind::cpc(1e12, 1e12).unwrap(), Some(1e-10)).unwrap()];
        assert_eq!(traffic(&tiny, rate(10.0), 1e-300, 1.0).goal_budget(1e12), Err(Undefined::TooLarge));
    }

    #[test]
    fn the_worked_stage_costs() {
        // E = 15 000, 3 000, 600, 150
        // stage 2: 5 kr per entrant → K₂ = 5 · 3 000 = 15 000
        // stage 3: a team of 20 000 and a 50 kr demo → K₃ = 20 000 + 50 · 600 = 50 000
        // S = 8 000 other + 72 000 media + 15 000 + 50 000 = 145 000
        let costs = [StageCost::default(), StageCost::new(0.0, 5.0).unwrap(), StageCost::new(20_000.0, 50.0).unwrap()];
        let s = spend(8_000.0, 72_000.0, &costs, &[15_000.0, 3_000.0, 600.0, 150.0]);
        assert_eq!(s.stage_costs, vec![0.0, 15_000.0, 50_000.0, 0.0]);
        assert_eq!(s.total, 145_000.0);
        // Q₁ = (145 000 − 15 000 − 50 000) / 15 000 = 5.33…
        // Q₂ = (145 000 − 50 000) / 3 000 = 31.66…
        // Q₃ = 145 000 / 600 = 241.66…, Q₄ = 145 000 / 150 = 966.66…
        let q: Vec<f64> = s.cost_to_reach.iter().map(|q| q.unwrap()).collect();
        for (got, want) in q.iter().zip([80_000.0 / 15_000.0, 95_000.0 / 3_000.0, 145_000.0 / 600.0, 145_000.0 / 150.0])
        {
            assert!(close(*got, want), "{got} {want}");
        }
    }

    #[test]
    fn stage_cost_edges() {
        // an empty stage has no cost per person, but its fixed cost still counts
        let costs = [StageCost::default(), StageCost::new(1_000.0, 10.0).unwrap()];
        let s = spend(500.0, 0.0, &costs, &[100.0, 0.0]);
        assert_eq!(s.stage_costs, vec![0.0, 1_000.0]);
        assert_eq!(s.total, 1_500.0);
        assert_eq!(s.cost_to_reach, vec![Ok(5.0), Err(Undefined::EmptyStage)]); // (1 500 − 1 000) / 100
                                                                                // costs past the last stage are ignored; no stages, no figures
        let s = spend(
            500.0,
            0.0,
            &[StageCost::default(), StageCost::default(), StageCost::new(9.0, 9.0).unwrap()],
            &[10.0],
        );
        assert_eq!((s.total, s.cost_to_reach.clone()), (500.0, vec![Ok(50.0)]));
        assert_eq!(spend(1.0, 2.0, &[], &[]), Spending { total: 3.0, stage_costs: vec![], cost_to_reach: vec![] });
        // a subnormal count of entrants is too large, not ∞
        assert_eq!(spend(1e12, 0.0, &[], &[f64::MIN_POSITIVE / 1e10]).cost_to_reach[0], Err(Undefined::TooLarge));
    }

    fn kind() -> impl Strategy<Value = SourceKind> {
        prop_oneof![
            (0.0..1e7f64, 0.01..100.0f64).prop_map(|(budget, cpc)| SourceKind::cpc(budget, cpc).unwrap()),
            (0.0..1e7f64, 0.01..500.0f64, 0.0..100.0f64)
                .prop_map(|(budget, cpm, ctr)| SourceKind::cpm(budget, cpm, ctr).unwrap()),
            (0.0..1e6f64, 0.0..1e5f64).prop_map(|(visitors, cost)| SourceKind::free(visitors, cost).unwrap()),
        ]
    }

    fn source() -> impl Strategy<Value = TrafficSource> {
        (kind(), proptest::option::of(0.0..=100.0f64)).prop_map(|(k, r)| TrafficSource::new("s", k, r).unwrap())
    }

    fn rel(a: f64, b: f64) -> f64 {
        (a - b).abs() / a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
    }

    proptest! {
        #[test]
        fn customers_add_up_and_the_blend_lies_between_the_rates(
            sources in proptest::collection::vec(source(), 0..8),
            c1 in 0.0..=1.0f64,
            p2 in 0.0..=1.0f64,
            aov in 0.0..1e4f64,
        ) {
            let c1 = Rate::new(c1).unwrap();
            let t = traffic(&sources, c1, p2, aov);
            // Σ C_s = E_2 · P_2
            let sum: f64 = t.sources.iter().map(|s| s.customers).sum();
            prop_assert!(sum == t.second * p2 || rel(sum, t.second * p2) <= 1e-9, "{} {}", sum, t.second * p2);
            prop_assert_eq!(sum, t.customers);
            // the blend lies between the smallest and largest r'_s of the sources with visitors
            let with_visitors: Vec<f64> =
                sources.iter().filter(|s| s.kind.visitors() > 0.0).map(|s| s.rate_or(c1).get()).collect();
            match t.blend {
                Ok(b) => {
                    let lo = with_visitors.iter().cloned().fold(f64::INFINITY, f64::min);
                    let hi = with_visitors.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!(lo <= b.get() && b.get() <= hi, "{} ≤ {} ≤ {}", lo, b.get(), hi);
                    prop_assert!(rel(b.get(), t.second / t.top) <= 1e-12 || (b.get() - t.second / t.top).abs() <= 1e-15);
                }
                Err(e) => {
                    prop_assert_eq!(e, Undefined::NoEntrants);
                    prop_assert_eq!(t.top, 0.0);
                }
            }
            // every figure is a number
            for s in &t.sources {
                prop_assert!(s.visitors.is_finite() && s.customers.is_finite() && s.revenue.is_finite());
                for f in [s.cost_per_visitor, s.cac, s.roas].into_iter().flatten() {
                    prop_assert!(f.is_finite() && f >= 0.0);
                }
            }
        }

        #[test]
        fn scaling_every_budget_scales_media_spend(
            sources in proptest::collection::vec(source(), 0..8),
            x in 0.0..1000.0f64,
        ) {
            let before = traffic(&sources, Rate::ONE, 1.0, 1.0).media_spend;
            let scaled: Vec<TrafficSource> = sources
                .iter()
                .map(|s| {
                    let mut s = s.clone();
                    s.kind.set_budget(s.kind.budget() * x).unwrap();
                    s
                })
                .collect();
            let after = traffic(&scaled, Rate::ONE, 1.0, 1.0).media_spend;
            prop_assert!(after == before * x || rel(after, before * x) <= 1e-9, "{} {}", after, before * x);
        }

        #[test]
        fn scaling_every_paid_budget_scales_the_paid_customers(
            sources in proptest::collection::vec(source(), 0..8),
            x in 0.0..1000.0f64,
            c1 in 0.0..=1.0f64,
            p2 in 0.0..=1.0f64,
        ) {
            let c1 = Rate::new(c1).unwrap();
            let paid = |t: &Traffic| t.sources.iter().filter(|s| s.paid).map(|s| s.customers).sum::<f64>();
            let free = |t: &Traffic| t.sources.iter().filter(|s| !s.paid).map(|s| s.customers).sum::<f64>();
            let before = traffic(&sources, c1, p2, 100.0);
            let scaled: Vec<TrafficSource> = sources
                .iter()
                .map(|s| {
                    let mut s = s.clone();
                    if s.kind.is_paid() {
                        s.kind.set_budget(s.kind.budget() * x).unwrap();
                    }
                    s
                })
                .collect();
            let after = traffic(&scaled, c1, p2, 100.0);
            let (want, got) = (paid(&before) * x, paid(&after));
            prop_assert!(got == want || rel(got, want) <= 1e-9, "{} {}", got, want);
            // the free sources bring what they brought
            prop_assert_eq!(free(&after), free(&before));
        }

        #[test]
        fn without_stage_costs_the_cost_to_reach_is_spend_per_entrant(
            other in 0.0..1e9f64,
            media in 0.0..1e9f64,
            entrants in proptest::collection::vec(prop_oneof![Just(0.0), 0.0..1e7f64], 0..20),
        ) {
            let s = spend(other, media, &[], &entrants);
            prop_assert_eq!(s.total, other + media);
            for (q, &e) in s.cost_to_reach.iter().zip(&entrants) {
                if e == 0.0 {
                    prop_assert_eq!(*q, Err(Undefined::EmptyStage));
                } else {
                    prop_assert_eq!(*q, Ok(s.total / e));
                }
            }
            // with costs, what was spent up to a stage never falls further down the funnel
            let costs: Vec<StageCost> =
                entrants.iter().map(|&e| StageCost::new(e / 7.0, 3.0).unwrap()).collect();
            let with = spend(other, media, &costs, &entrants);
            let spent: Vec<f64> = with
                .cost_to_reach
                .iter()
                .zip(&entrants)
                .filter_map(|(q, &e)| q.ok().map(|q| q * e))
                .collect();
            prop_assert!(spent.windows(2).all(|w| w[0] <= w[1] * (1.0 + 1e-12)));
            let sum: f64 = with.stage_costs.iter().sum();
            prop_assert!(rel(with.total, other + media + sum) <= 1e-12 || with.total == 0.0);
        }

        #[test]
        fn the_goal_budget_reproduces_the_target(
            sources in proptest::collection::vec(source(), 1..8),
            c1 in 0.0..=1.0f64,
            p2 in 0.001..=1.0f64,
            target in 0.01..1e6f64,
        ) {
            let c1 = Rate::new(c1).unwrap();
            let t = traffic(&sources, c1, p2, 100.0);
            let c_free: f64 = t.sources.iter().filter(|s| !s.paid).map(|s| s.customers).sum();
            let c_paid: f64 = t.sources.iter().filter(|s| s.paid).map(|s| s.customers).sum();
            match t.goal_budget(target) {
                Ok(GoalBudget::Scaled { scale, budgets, paid, total }) => {
                    prop_assert!(target > c_free && c_paid > 0.0);
                    prop_assert!(scale > 0.0);
                    // apply: each source at its new budget (past the input limit if need be)
                    let applied: Vec<TrafficSource> = sources
                        .iter()
                        .zip(&budgets)
                        .map(|(s, &b)| {
                            let mut s = s.clone();
                            match &mut s.kind {
                                SourceKind::Cpc { budget, .. } | SourceKind::Cpm { budget, .. } => *budget = b,
                                SourceKind::Free { cost, .. } => prop_assert_eq!(*cost, b),
                            }
                            Ok(s)
                        })
                        .collect::<Result<_, TestCaseError>>()?;
                    let again = traffic(&applied, c1, p2, 100.0);
                    prop_assert!(rel(again.customers, target) <= 1e-9, "{} {}", again.customers, target);
                    prop_assert!(rel(again.media_spend, total) <= 1e-9 || again.media_spend == total);
                    prop_assert!(paid <= total);
                }
                Ok(GoalBudget::FreeSourcesSuffice) => prop_assert!(target <= c_free),
                Err(e) => {
                    prop_assert_eq!(e, Undefined::NoCustomers);
                    prop_assert!(target > c_free && c_paid == 0.0);
                }
            }
        }
    }
}
