//! The funnel models Tragt ships as templates (MODELS.md §1): their stages with plausible
//! default numbers, and the lead and purchase stages marked. Their names and the stages'
//! names and notes are words, so they are in the language files (`locales/*.json`, under
//! `"templates"`, by template id and stage position).

use super::economics::{Economics, LtvMethod};

/// One stage of a template.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TemplateStage {
    /// Default rate into this stage from the one above, in percent (ignored on the first).
    pub rate_pct: f64,
    /// Days people typically spend in the stage before moving on (`None`: not given).
    pub days: Option<f64>,
    /// How sure the rate is: its low and high ends in percent, for the Monte Carlo.
    pub range: Option<(f64, f64)>,
}

/// The template ids of TESTIDS.md (`?template=` and the `template-select` values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum TemplateId {
    /// Salgstragten: AIDA plus retention.
    Aida,
    /// Købstragten: B2B buying funnel, 5 stages + repurchase.
    Kobstragt,
    /// Kundresan: five steps of the customer journey.
    Kundresan,
    /// Hankins' hexagon, a non-linear journey.
    Hexagon,
    /// Købsparathed 0–110 %: twelve readiness steps.
    Readiness,
    /// Köpvägen: four phases.
    Kopvagen,
    /// Web shop.
    #[default]
    Webshop,
    /// B2B lead funnel.
    B2b,
    /// Blank: the user builds their own.
    Blank,
}

impl TemplateId {
    /// Every template, in the order the picker lists them.
    pub const ALL: [TemplateId; 9] = [
        TemplateId::Aida,
        TemplateId::Kobstragt,
        TemplateId::Kundresan,
        TemplateId::Hexagon,
        TemplateId::Readiness,
        TemplateId::Kopvagen,
        TemplateId::Webshop,
        TemplateId::B2b,
        TemplateId::Blank,
    ];

    /// The id used in URLs, storage and the select.
    pub fn id(self) -> &'static str {
        match self {
            TemplateId::Aida => "aida",
            TemplateId::Kobstragt => "kobstragt",
            TemplateId::Kundresan => "kundresan",
            TemplateId::Hexagon => "hexagon",
            TemplateId::Readiness => "readiness",
            TemplateId::Kopvagen => "kopvagen",
            TemplateId::Webshop => "webshop",
            TemplateId::B2b => "b2b",
            TemplateId::Blank => "blank",
        }
    }

    /// The template with this id.
    pub fn from_id(id: &str) -> Option<TemplateId> {
        TemplateId::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The template's data.
    pub fn template(self) -> &'static Template {
        TEMPLATES.iter().find(|t| t.id == self).expect("every TemplateId has a template")
    }
}

/// A ready funnel model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Template {
    /// Its id.
    pub id: TemplateId,
    /// Default entrants of the first stage per month.
    pub top: f64,
    /// The stages, top first (2 to 20).
    pub stages: &'static [TemplateStage],
    /// The lead stage, 0-based.
    pub lead: usize,
    /// The purchase stage, 0-based.
    pub purchase: usize,
    /// Default money inputs.
    pub economics: Economics,
    /// For the non-linear models: where people in each stage go next and where newcomers
    /// enter (MODELS.md §3.8); a scenario from this template opens as a journey.
    pub journey: Option<&'static [JourneyRow]>,
}

/// One state of a template's journey, in percent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct JourneyRow {
    /// To other stages: (0-based stage, percent).
    pub to: &'static [(usize, f64)],
    /// Buy next.
    pub buy: f64,
    /// Lost next.
    pub lost: f64,
    /// Newcomers who enter here.
    pub entry: f64,
}

impl JourneyRow {
    /// As a scenario's moves, the stages having the ids a template scenario gives them
    /// (position + 1).
    pub fn moves(&self) -> super::moves::Moves {
        super::moves::Moves {
            to: self.to.iter().map(|&(i, p)| (i as u32 + 1, p / 100.0)).collect(),
            buy: self.buy / 100.0,
            lost: self.lost / 100.0,
            entry: self.entry / 100.0,
        }
    }
}

const fn row(to: &'static [(usize, f64)], buy: f64, lost: f64, entry: f64) -> JourneyRow {
    JourneyRow { to, buy, lost, entry }
}

/// A stage with its rate and days.
const fn st(rate_pct: f64, days: f64) -> TemplateStage {
    TemplateStage { rate_pct, days: Some(days), range: None }
}

/// A stage with its rate, days, and the range its rate usually falls in.
const fn sr(rate_pct: f64, days: f64, low: f64, high: f64) -> TemplateStage {
    TemplateStage { rate_pct, days: Some(days), range: Some((low, high)) }
}

/// A stage with only its rate (the blank model: the user fills in the rest).
const fn bare(rate_pct: f64) -> TemplateStage {
    TemplateStage { rate_pct, days: None, range: None }
}

const fn simple(spend: f64, aov: f64, frequency: f64, margin: f64, lifespan: f64) -> Economics {
    Economics { spend, aov, frequency, margin, method: LtvMethod::Simple, lifespan, retention: 0.6, discount: 0.1 }
}

const fn retention(spend: f64, aov: f64, frequency: f64, margin: f64, retention: f64, discount: f64) -> Economics {
    Economics { spend, aov, frequency, margin, method: LtvMethod::Retention, lifespan: 3.0, retention, discount }
}

/// Every shipped template, in the order of [`TemplateId::ALL`].
///
/// Default counts are per month and money is in DKK. Each template's numbers give a
/// customer count above zero and an LTV:CAC between about 3 and 6 (the tests check 1.5–8).
pub static TEMPLATES: [Template; 9] = [
    // §1.1. 20 000 → 1 000 → 300 → 60 customers; m = 800 · 2 · 0.5 = 800 a year, LTV 2 400
    // over three years, CAC 30 000 / 60 = 500 (LTV:CAC 4.8).
    Template {
        id: TemplateId::Aida,
        top: 20_000.0,
        stages: &[st(0.0, 2.0), sr(5.0, 7.0, 3.0, 7.0), st(30.0, 14.0), sr(20.0, 5.0, 15.0, 25.0), st(40.0, 90.0)],
        lead: 1,
        purchase: 3,
        economics: simple(30_000.0, 800.0, 2.0, 0.5, 3.0),
        journey: None,
    },
    // §1.2. Lead = Solution-aware: the problem-aware stage is reached mostly by push (ads),
    // which rarely yields contact details; the pull content of the solution-aware stage
    // (webinars, e-mail, downloads) is where people first sign up and become a lead.
    // 8 000 → 1 600 → 400 → 120 → 24 customers; m = 12 000 · 0.6 = 7 200 a year,
    // LTV = 7 200 · 1.08 / (1.08 − 0.7) ≈ 20 463, CAC 100 000 / 24 ≈ 4 167 (LTV:CAC ≈ 4.9).
    Template {
        id: TemplateId::Kobstragt,
        top: 8_000.0,
        stages: &[
            st(0.0, 14.0),
            st(20.0, 21.0),
            sr(25.0, 30.0, 18.0, 32.0),
            st(30.0, 21.0),
            sr(20.0, 14.0, 14.0, 26.0),
            st(50.0, 180.0),
        ],
        lead: 2,
        purchase: 4,
        economics: retention(100_000.0, 12_000.0, 1.0, 0.6, 0.7, 0.08),
        journey: None,
    },
    // §1.3. 8 000 → 400 → 80 customers; m = 900 · 2 · 0.5 = 900 a year, LTV 2 700 over three
    // years, CAC 40 000 / 80 = 500 (LTV:CAC 5.4).
    Template {
        id: TemplateId::Kundresan,
        top: 8_000.0,
        stages: &[st(0.0, 3.0), sr(5.0, 10.0, 3.0, 8.0), sr(20.0, 7.0, 15.0, 25.0), st(50.0, 60.0), st(30.0, 90.0)],
        lead: 1,
        purchase: 2,
        economics: simple(40_000.0, 900.0, 2.0, 0.5, 3.0),
        journey: None,
    },
    // §1.4, a journey (§3.8); its straight rates are the comparison. Lead = Explore
    // possibilities: while exploring, people trade contact details for guides and
    // checklists; by the time they compare contenders they are already talking to sellers.
    // 10 000 → 1 000 → 400 → 200 → 50 customers; m = 2 000 · 0.4 = 800 a year, LTV 3 200
    // over four years, CAC 40 000 / 50 = 800 (LTV:CAC 4).
    Template {
        id: TemplateId::Hexagon,
        top: 10_000.0,
        stages: &[
            st(0.0, 30.0),
            st(10.0, 5.0),
            sr(40.0, 14.0, 30.0, 50.0),
            st(50.0, 10.0),
            sr(25.0, 3.0, 18.0, 32.0),
            st(60.0, 60.0),
        ],
        lead: 2,
        purchase: 4,
        economics: simple(40_000.0, 2_000.0, 1.0, 0.4, 4.0),
        // Nearly all newcomers have no need yet; a few arrive triggered or already
        // exploring or comparing, and a few are customers experiencing the product, who may
        // buy again. People fall back a state or two while exploring and comparing; some
        // leave the purchase to compare again; after the experience, half return to "no
        // need" and a fifth buy again. 10 000 newcomers → ≈ 85 customers, against the
        // straight funnel's 50.
        journey: Some(&[
            row(&[(1, 10.0)], 0.0, 90.0, 95.0),
            row(&[(2, 40.0), (0, 20.0)], 0.0, 40.0, 4.0),
            row(&[(3, 50.0), (0, 15.0)], 0.0, 35.0, 0.5),
            row(&[(4, 25.0), (2, 20.0), (0, 10.0)], 0.0, 45.0, 0.3),
            row(&[(3, 10.0)], 85.0, 5.0, 0.0),
            row(&[(4, 20.0), (0, 50.0)], 0.0, 30.0, 0.2),
        ]),
    },
    // §1.5. Lead = 80 %, when the prospect contacts you; purchase = 110 %, the step where
    // they actually buy (100 % only asks about delivery). 25 000 → 10 000 → 6 000 → 3 600 →
    // 1 800 → 720 → 360 → 180 → 90 → 72 → 54 → 27 customers (whole people at every step);
    // m = 12 000 · 1.5 · 0.7 = 12 600 a year, LTV = 12 600 · 1.1 / (1.1 − 0.6) = 27 720,
    // CAC 150 000 / 27 ≈ 5 556 (LTV:CAC ≈ 5).
    Template {
        id: TemplateId::Readiness,
        top: 25_000.0,
        stages: &[
            st(0.0, 30.0),
            st(40.0, 14.0),
            st(60.0, 7.0),
            st(60.0, 7.0),
            st(50.0, 14.0),
            st(40.0, 21.0),
            st(50.0, 14.0),
            st(50.0, 14.0),
            sr(50.0, 7.0, 35.0, 60.0),
            st(80.0, 7.0),
            st(75.0, 14.0),
            sr(50.0, 0.0, 35.0, 65.0),
        ],
        lead: 8,
        purchase: 11,
        economics: retention(150_000.0, 12_000.0, 1.5, 0.7, 0.6, 0.1),
        journey: None,
    },
    // §1.6. 10 000 → 600 → 72 customers, 36 of them loyal; m = 700 · 3 · 0.4 = 840 a year,
    // LTV 1 680 over two years, CAC 30 000 / 72 ≈ 417 (LTV:CAC ≈ 4).
    Template {
        id: TemplateId::Kopvagen,
        top: 10_000.0,
        stages: &[st(0.0, 7.0), sr(6.0, 14.0, 4.0, 8.0), sr(12.0, 3.0, 8.0, 16.0), st(50.0, 60.0)],
        lead: 1,
        purchase: 2,
        economics: simple(30_000.0, 700.0, 3.0, 0.4, 2.0),
        // Most newcomers start at attention; a few enter mid-way (a recommendation, a
        // search for the product itself). Considering people drop back to attention,
        // deciding people back to considering; loyal customers buy again or start
        // considering anew. 10 000 newcomers → ≈ 93 customers, against the straight
        // funnel's 72.
        journey: Some(&[
            row(&[(1, 6.0)], 0.0, 94.0, 97.0),
            row(&[(2, 12.0), (0, 15.0)], 0.0, 73.0, 2.5),
            row(&[(1, 25.0)], 60.0, 15.0, 0.5),
            row(&[(1, 15.0)], 35.0, 50.0, 0.0),
        ]),
    },
    // §1.7. Lead = Checkout started: the checkout is where the shop first asks for an e-mail
    // address, which is what makes cart-reminder e-mails to the abandoners possible; adding
    // to the cart captures no contact details. Cart abandonment 65 %: 50 % of carts reach
    // the checkout and 70 % of those pay, 0.5 · 0.7 = 0.35 of "Add to cart".
    // 40 000 → 20 000 → 1 400 → 700 → 490 customers (1.2 % of visitors); m = 450 · 2.5 · 0.4
    // = 450 a year, LTV 900 over two years, CAC 80 000 / 490 ≈ 163 (LTV:CAC ≈ 5.5).
    Template {
        id: TemplateId::Webshop,
        top: 40_000.0,
        stages: &[st(0.0, 0.0), st(50.0, 1.0), sr(7.0, 1.0, 5.0, 9.0), st(50.0, 1.0), sr(70.0, 0.0, 60.0, 80.0)],
        lead: 3,
        purchase: 4,
        economics: simple(80_000.0, 450.0, 2.5, 0.4, 2.0),
        journey: None,
    },
    // §1.7, at the published B2B averages except SQL → opportunity, 50 % against 60 %: the
    // leak a first visit is shown. 25 000 → 500 → 100 → 40 → 20 → 4 customers (whole people
    // at every stage); m = 60 000 · 0.75 = 45 000 a year, LTV = 45 000 · 1.08 / (1.08 − 0.85)
    // ≈ 211 304, CAC 120 000 / 4 = 30 000 (LTV:CAC ≈ 7, payback 8 months, break-even in
    // month 22 of the timeline).
    Template {
        id: TemplateId::B2b,
        top: 25_000.0,
        stages: &[
            st(0.0, 7.0),
            sr(2.0, 14.0, 1.0, 3.0),
            st(20.0, 21.0),
            st(40.0, 14.0),
            sr(50.0, 30.0, 40.0, 60.0),
            sr(20.0, 0.0, 15.0, 25.0),
        ],
        lead: 1,
        purchase: 5,
        economics: retention(120_000.0, 60_000.0, 1.0, 0.75, 0.85, 0.08),
        journey: None,
    },
    // §1.7. 1 000 → 100 customers; m = 500 · 2 · 0.4 = 400 a year, LTV 1 200 over three
    // years, CAC 25 000 / 100 = 250 (LTV:CAC 4.8).
    Template {
        id: TemplateId::Blank,
        top: 1_000.0,
        stages: &[bare(0.0), bare(10.0)],
        lead: 0,
        purchase: 1,
        economics: simple(25_000.0, 500.0, 2.0, 0.4, 3.0),
        journey: None,
    },
];

/// A template's sample mix of traffic sources (MODELS.md §3.12), at typical Scandinavian
/// prices in kroner: search ads paid per click, social ads paid per thousand impressions and
/// organic search, free. Their visitors add up to the template's first stage and their rates
/// into stage 2 blend to the template's, so adding them changes no figure: it shows where
/// the same people come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SampleMix {
    /// Search ads: (budget, cost per click) and the rate into stage 2 in percent.
    pub search: (f64, f64, Option<f64>),
    /// Social ads: (budget, cost per thousand impressions, click-through in percent) and the
    /// rate into stage 2 in percent.
    pub social: (f64, f64, f64, Option<f64>),
    /// Organic search: visitors per period, at no cost, at the funnel's own rate.
    pub organic: f64,
}

impl SampleMix {
    /// The media budget of the mix, S_media.
    pub fn media(&self) -> f64 {
        self.search.0 + self.social.0
    }
}

impl TemplateId {
    /// The template's sample mix of traffic sources, for the two templates whose first stage
    /// is bought traffic: the web shop and B2B.
    pub fn sample_mix(self) -> Option<SampleMix> {
        match self {
            // 30 000 / 5 = 6 000 clicks at 60 %, 1000 · 20 000 / 50 · 1 % = 4 000 at 35 %,
            // 30 000 organic at the shop's 50 %: 40 000 visitors, 3 600 + 1 400 + 15 000 = 20 000
            TemplateId::Webshop => Some(SampleMix {
                search: (30_000.0, 5.0, Some(60.0)),
                social: (20_000.0, 50.0, 1.0, Some(35.0)),
                organic: 30_000.0,
            }),
            // 30 000 / 30 = 1 000 clicks at 3 %, 1000 · 40 000 / 200 · 0.5 % = 1 000 at 1 %,
            // 23 000 organic at 2 %: 25 000 visitors, 30 + 10 + 460 = 500 leads
            TemplateId::B2b => Some(SampleMix {
                search: (30_000.0, 30.0, Some(3.0)),
                social: (40_000.0, 200.0, 0.5, Some(1.0)),
                organic: 23_000.0,
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Customers per month from the template's defaults: top · Π rates into stages 1..=purchase.
    fn customers(t: &Template) -> f64 {
        t.stages[1..=t.purchase].iter().fold(t.top, |n, s| n * s.rate_pct / 100.0)
    }

    #[test]
    fn templates_follow_the_order_of_all() {
        assert_eq!(TEMPLATES.len(), TemplateId::ALL.len());
        for (i, id) in TemplateId::ALL.into_iter().enumerate() {
            assert_eq!(TEMPLATES[i].id, id, "TEMPLATES[{i}]");
            assert_eq!(id.template().id, id);
        }
    }

    #[test]
    fn ids_round_trip() {
        for t in &TEMPLATES {
            assert_eq!(TemplateId::from_id(t.id.id()), Some(t.id));
        }
        assert_eq!(TemplateId::from_id("nope"), None);
    }

    #[test]
    fn every_model_opens_with_days_and_at_least_two_ranged_rates() {
        for t in TEMPLATES.iter().filter(|t| t.id != TemplateId::Blank) {
            assert!(t.stages.iter().all(|s| s.days.is_some_and(|d| d >= 0.0)), "{:?}: days", t.id);
            let ranged: Vec<_> = t.stages.iter().skip(1).filter_map(|s| s.range.map(|r| (s.rate_pct, r))).collect();
            assert!(ranged.len() >= 2, "{:?}: {} ranges", t.id, ranged.len());
            for (rate, (low, high)) in ranged {
                assert!(
                    0.0 <= low && low < rate && rate < high && high <= 100.0,
                    "{:?}: {low} < {rate} < {high}",
                    t.id
                );
            }
            // the days reach the purchase: a number of days to purchase, not a dash
            assert!(t.stages[..t.purchase].iter().any(|s| s.days.is_some_and(|d| d > 0.0)), "{:?}", t.id);
        }
        let blank = TemplateId::Blank.template();
        assert!(blank.stages.iter().all(|s| s.days.is_none() && s.range.is_none()));
    }

    #[test]
    fn stage_counts_are_within_2_to_20() {
        for t in &TEMPLATES {
            let n = t.stages.len();
            assert!((2..=20).contains(&n), "{}: {n} stages", t.id.id());
        }
    }

    #[test]
    fn first_rate_is_zero_and_later_rates_are_in_0_exclusive_to_100() {
        for t in &TEMPLATES {
            assert_eq!(t.stages[0].rate_pct, 0.0, "{}: first rate", t.id.id());
            for (i, s) in t.stages.iter().enumerate().skip(1) {
                assert!(s.rate_pct > 0.0 && s.rate_pct <= 100.0, "{} stage {i}: rate {}", t.id.id(), s.rate_pct);
            }
        }
    }

    #[test]
    fn lead_is_at_or_before_purchase_inside_the_stages() {
        for t in &TEMPLATES {
            assert!(t.lead <= t.purchase, "{}: lead {} after purchase {}", t.id.id(), t.lead, t.purchase);
            assert!(t.purchase < t.stages.len(), "{}: purchase {} out of range", t.id.id(), t.purchase);
        }
    }

    #[test]
    fn web_shop_abandons_65_percent_of_carts() {
        let t = TemplateId::Webshop.template();
        // visitors, product views, add to cart, checkout, purchase
        let cart = 2;
        let reach = t.stages[cart + 1..].iter().fold(1.0, |p, s| p * s.rate_pct / 100.0);
        assert!(cart + 1 < t.stages.len(), "stages after Add to cart");
        assert!((reach - 0.35).abs() < 1e-9, "share of carts that pay: {reach}");
    }

    #[test]
    fn readiness_has_twelve_steps() {
        assert_eq!(TemplateId::Readiness.template().stages.len(), 12);
    }

    #[test]
    fn default_money_inputs_are_in_range() {
        for t in &TEMPLATES {
            let e = &t.economics;
            let id = t.id.id();
            assert!(t.top > 0.0, "{id}: top");
            assert!(e.spend > 0.0 && e.aov > 0.0 && e.frequency > 0.0, "{id}: spend, AOV, frequency");
            assert!(e.margin > 0.0 && e.margin <= 1.0, "{id}: margin {}", e.margin);
            assert!(e.lifespan > 0.0, "{id}: lifespan");
            assert!((0.0..=0.99).contains(&e.retention), "{id}: retention {}", e.retention);
            assert!((0.0..=1.0).contains(&e.discount), "{id}: discount {}", e.discount);
        }
    }

    #[test]
    fn defaults_give_customers_and_a_plausible_ltv_to_cac() {
        for t in &TEMPLATES {
            let id = t.id.id();
            let c = customers(t);
            assert!(c > 0.0, "{id}: no customers");
            let cac = t.economics.spend / c;
            let ratio = t.economics.ltv() / cac;
            assert!(
                (1.5..=8.0).contains(&ratio),
                "{id}: LTV:CAC {ratio:.2} (LTV {:.0}, CAC {cac:.0})",
                t.economics.ltv()
            );
        }
    }

    #[test]
    fn every_template_counts_whole_people_at_every_stage() {
        for t in &TEMPLATES {
            let mut people = t.top;
            for (i, stage) in t.stages.iter().enumerate().skip(1) {
                people *= stage.rate_pct / 100.0;
                assert!((people - people.round()).abs() < 1e-6, "{:?}: stage {} has {people} people", t.id, i + 1);
            }
        }
    }

    #[test]
    fn b2b_uses_the_benchmark_rates_but_one() {
        let rates: Vec<f64> = TemplateId::B2b.template().stages.iter().map(|s| s.rate_pct).collect();
        assert_eq!(rates, [0.0, 2.0, 20.0, 40.0, 50.0, 20.0]);
        // whole people at every stage
        assert!((customers(TemplateId::B2b.template()) - 4.0).abs() < 1e-9);
    }
}
