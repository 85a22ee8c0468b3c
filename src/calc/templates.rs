//! The funnel models Tragt ships as templates (MODELS.md §1): stages with their names and
//! a one-line note in Danish, Swedish and English, plausible default numbers, and the
//! lead and purchase stages marked.

use super::economics::{Economics, LtvMethod};

/// A text in the three UI languages. Without the `bundled-texts` feature (the browser
/// build) only its [`key`](Localized::key) is compiled in, and the texts come from the
/// language files (`i18n::catalog`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localized {
    /// English.
    #[cfg(feature = "bundled-texts")]
    pub en: &'static str,
    /// Danish.
    #[cfg(feature = "bundled-texts")]
    pub da: &'static str,
    /// Swedish.
    #[cfg(feature = "bundled-texts")]
    pub sv: &'static str,
    #[cfg(not(feature = "bundled-texts"))]
    key: u32,
}

impl Localized {
    /// A hash of the three texts, which finds this text in a language file.
    pub const fn key(&self) -> u32 {
        #[cfg(feature = "bundled-texts")]
        {
            key(self.en, self.da, self.sv)
        }
        #[cfg(not(feature = "bundled-texts"))]
        {
            self.key
        }
    }
}

/// The key of three texts: their [`fnv`] hash.
const fn key(en: &str, da: &str, sv: &str) -> u32 {
    fnv(&[en.as_bytes(), da.as_bytes(), sv.as_bytes()], FNV_START)
}

/// The FNV-1a start value.
pub const FNV_START: u32 = 0x811c_9dc5;

/// FNV-1a over `parts`, each followed by a 0 byte, continuing from `hash`. A `const fn`,
/// so keys and fingerprints of texts are computed while compiling.
///
/// # Examples
/// ```
/// use tragt::calc::templates::{fnv, FNV_START};
/// // (0x811c9dc5 ^ 0x61) · 0x01000193 = 0xe40c292c; (0xe40c292c ^ 0) · 0x01000193 = 0x2b24d044 (mod 2³²)
/// assert_eq!(fnv(&[b"a"], FNV_START), 0x2b24_d044);
/// assert_ne!(fnv(&[b"ab", b"c"], FNV_START), fnv(&[b"a", b"bc"], FNV_START));
/// ```
pub const fn fnv(parts: &[&[u8]], mut hash: u32) -> u32 {
    let mut p = 0;
    while p < parts.len() {
        let bytes = parts[p];
        let mut i = 0;
        while i <= bytes.len() {
            let byte = if i < bytes.len() { bytes[i] } else { 0 };
            hash = (hash ^ byte as u32).wrapping_mul(0x0100_0193);
            i += 1;
        }
        p += 1;
    }
    hash
}

/// Every template text the UI shows, in a fixed order: per template its name, then per
/// stage its name and note. The language files list the template texts in this order.
/// (The summaries are not shown, so they are not shipped.)
pub fn all_texts() -> Vec<Localized> {
    let mut all = Vec::new();
    for t in &TEMPLATES {
        all.push(t.name);
        for s in t.stages {
            all.extend([s.name, s.note]);
        }
    }
    all
}

/// One stage of a template.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TemplateStage {
    /// The stage's name.
    pub name: Localized,
    /// One line beside the stage: what the customer thinks, what to create, push or pull.
    pub note: Localized,
    /// Default rate into this stage from the one above, in percent (ignored on the first).
    pub rate_pct: f64,
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
    /// Its name in the picker.
    pub name: Localized,
    /// One sentence on what the model is for. Not shown in the UI, so not in the language
    /// files: the browser build knows only its key.
    pub summary: Localized,
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

// Evaluated while compiling (TEMPLATES is a static): without `bundled-texts` only the
// key of the three texts ends up in the binary.
const fn l(en: &'static str, da: &'static str, sv: &'static str) -> Localized {
    #[cfg(feature = "bundled-texts")]
    {
        Localized { en, da, sv }
    }
    #[cfg(not(feature = "bundled-texts"))]
    {
        Localized { key: key(en, da, sv) }
    }
}

const fn st(rate_pct: f64, name: Localized, note: Localized) -> TemplateStage {
    TemplateStage { name, note, rate_pct }
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
        name: l("Sales funnel (AIDA + retention)", "Salgstragten (AIDA + fastholdelse)", "Säljtratten (AIDA + lojalitet)"),
        summary: l(
            "The classic sales funnel: win attention, turn interest into leads and sales, then keep the customers you won.",
            "Den klassiske salgstragt: fang opmærksomheden, gør interesse til leads og salg, og hold så fast i kunderne.",
            "Den klassiska säljtratten: fånga uppmärksamhet, gör intresse till leads och affärer och behåll sedan kunderna.",
        ),
        top: 20_000.0,
        stages: &[
            st(
                0.0,
                l("Awareness", "Opmærksomhed", "Uppmärksamhet"),
                l(
                    "Get seen by the right people: blog posts, SEO, paid traffic, social posts and guest posts.",
                    "Bliv set af de rigtige: blogindlæg, SEO, betalt trafik, opslag på sociale medier og gæsteindlæg.",
                    "Syns för rätt personer: blogginlägg, SEO, betald trafik, inlägg i sociala medier och gästinlägg.",
                ),
            ),
            st(
                5.0,
                l("Interest", "Interesse", "Intresse"),
                l(
                    "First conversion: a landing page with a lead magnet – newsletter, e-book, checklist, webinar, trial.",
                    "Første konvertering: en landingsside med en leadmagnet – nyhedsbrev, e-bog, tjekliste, webinar.",
                    "Första konverteringen: en landningssida med en leadmagnet – nyhetsbrev, e-bok, checklista, webbinarium.",
                ),
            ),
            st(
                30.0,
                l("Desire", "Ønske", "Önskan"),
                l(
                    "Build trust: relevant e-mails, fast answers, reviews and cases, demos, comparisons, retargeting.",
                    "Opbyg tillid: relevante mails, hurtige svar, anmeldelser og cases, demoer, sammenligninger.",
                    "Bygg förtroende: relevanta mejl, snabba svar, omdömen och kundcase, demos, jämförelser.",
                ),
            ),
            st(
                20.0,
                l("Action (purchase)", "Handling (køb)", "Handling (köp)"),
                l(
                    "Close the sale: sales pages, webinars, bonuses and add-ons, time-limited offers, consultations.",
                    "Luk salget: salgssider, webinarer, bonusser og tilkøb, tidsbegrænsede tilbud, rådgivning.",
                    "Stäng affären: säljsidor, webbinarier, bonusar och tillval, tidsbegränsade erbjudanden.",
                ),
            ),
            st(
                40.0,
                l("Retention", "Fastholdelse", "Lojalitet"),
                l(
                    "Keeping a customer costs far less than winning one: rewards, upsell, referrals, quick support.",
                    "Det er langt billigere at fastholde end at vinde kunder: fordele, mersalg, henvisninger, god support.",
                    "Att behålla kunder kostar långt mindre än att vinna nya: förmåner, merförsäljning, värvning, snabb support.",
                ),
            ),
        ],
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
        name: l("Buying funnel (B2B)", "Købstragten (B2B)", "Köptratten (B2B)"),
        summary: l(
            "The B2B buyer's path from unaware to ready to buy, with the push or pull marketing each stage needs.",
            "B2B-kundens vej fra uerkendt behov til købsklar, med den push- eller pull-markedsføring, hvert trin kræver.",
            "B2B-köparens väg från omedveten till köpredo, med den push- eller pull-marknadsföring som varje steg kräver.",
        ),
        top: 8_000.0,
        stages: &[
            st(
                0.0,
                l("Unaware", "Uerkendt", "Omedveten"),
                l(
                    "Push only: paid ads that put you in front of the audience. Most of your audience is here.",
                    "Kun push: betalte annoncer, der sætter dig foran målgruppen. Her er størstedelen af målgruppen.",
                    "Bara push: betalda annonser som sätter dig framför målgruppen. Här finns merparten av målgruppen.",
                ),
            ),
            st(
                20.0,
                l("Problem-aware", "Problemorienteret", "Problemmedveten"),
                l(
                    "Push and pull, mostly push: ads and posts that name the problem so they recognise it.",
                    "Push og pull, mest push: annoncer og opslag, der sætter ord på problemet, så de genkender det.",
                    "Push och pull, mest push: annonser och inlägg som sätter ord på problemet så att de känner igen det.",
                ),
            ),
            st(
                25.0,
                l("Solution-aware", "Løsningsorienteret", "Lösningsmedveten"),
                l(
                    "Pull: articles, webinars, social posts and e-mail on ways to solve it; sign-ups become leads.",
                    "Pull: artikler, webinarer, opslag og mails om løsninger; tilmeldingerne bliver til leads.",
                    "Pull: artiklar, webbinarier, inlägg och mejl om lösningar; anmälningarna blir leads.",
                ),
            ),
            st(
                30.0,
                l("Product-aware", "Produktorienteret", "Produktmedveten"),
                l(
                    "Pull: articles, webinars, posts and e-mail that show why your product is the right solution.",
                    "Pull: artikler, webinarer, opslag og mails, der viser, hvorfor netop dit produkt er løsningen.",
                    "Pull: artiklar, webbinarier, inlägg och mejl som visar varför just din produkt är lösningen.",
                ),
            ),
            st(
                20.0,
                l("Ready to buy", "Købsorienteret", "Köpredo"),
                l(
                    "Little marketing needed: keep cases and references in front of them through remarketing.",
                    "Kræver kun lidt markedsføring: hold cases og referencer foran dem med remarketing.",
                    "Kräver lite marknadsföring: håll kundcase och referenser framför dem med remarketing.",
                ),
            ),
            st(
                50.0,
                l("Repurchase", "Genkøbsorienteret", "Återköp"),
                l(
                    "Grow the account: upsell, services and subscriptions, cases and testimonials.",
                    "Udbyg kundeforholdet: mersalg, services og abonnementer, cases og udtalelser.",
                    "Väx med kunden: merförsäljning, tjänster och abonnemang, kundcase och rekommendationer.",
                ),
            ),
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
        name: l("Customer journey (5 steps)", "Kunderejsen (5 trin)", "Kundresan (5 steg)"),
        summary: l(
            "Five steps from first recognition to advocacy: what the customer thinks at each, and what content to create.",
            "Fem trin fra første genkendelse til ambassadør: hvad kunden tænker på hvert trin, og hvilket indhold du skal lave.",
            "Fem steg från första igenkänning till ambassadör: vad kunden tänker i varje steg och vilket innehåll du ska skapa.",
        ),
        top: 8_000.0,
        stages: &[
            st(
                0.0,
                l("Awareness", "Bevidsthed", "Medvetenhet"),
                l(
                    "The customer thinks “I recognise this” — create blog posts, social media posts and video.",
                    "Kunden tænker »Det kender jeg« — lav blogindlæg, opslag på sociale medier og video.",
                    "Kunden tänker ”Det här känner jag igen” — skapa blogginlägg, inlägg i sociala medier och video.",
                ),
            ),
            st(
                5.0,
                l("Consideration", "Overvejelse", "Övervägande"),
                l(
                    "The customer thinks “How do I solve this?” — create guides, comparisons and checklists.",
                    "Kunden tænker »Hvordan løser jeg det?« — lav guides, sammenligninger og tjeklister.",
                    "Kunden tänker ”Hur löser jag det här?” — skapa guider, jämförelser och checklistor.",
                ),
            ),
            st(
                20.0,
                l("Decision", "Beslutning", "Beslut"),
                l(
                    "The customer thinks “Whom should I choose?” — create references, offers and an FAQ.",
                    "Kunden tænker »Hvem skal jeg vælge?« — lav referencer, tilbud og svar på ofte stillede spørgsmål.",
                    "Kunden tänker ”Vem ska jag välja?” — skapa referenser, erbjudanden och svar på vanliga frågor.",
                ),
            ),
            st(
                50.0,
                l("Retention", "Fastholdelse", "Lojalitet"),
                l(
                    "The customer thinks “Was it worth it?” — create a newsletter, follow-up and tips.",
                    "Kunden tænker »Var det det værd?« — lav nyhedsbrev, opfølgning og gode råd.",
                    "Kunden tänker ”Var det värt det?” — skapa nyhetsbrev, uppföljning och tips.",
                ),
            ),
            st(
                30.0,
                l("Advocacy", "Ambassadør", "Ambassadörskap"),
                l(
                    "The customer thinks “I want to tell others” — create shareable material and customer cases.",
                    "Kunden tænker »Det vil jeg fortælle andre om« — lav materiale, der kan deles, og kundecases.",
                    "Kunden tänker ”Det här vill jag berätta om” — skapa material som går att dela och kundcase.",
                ),
            ),
        ],
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
        name: l("Hankins' hexagon", "Hankins' hexagon", "Hankins hexagon"),
        summary: l(
            "Six states customers move between in no fixed order: a journey, not a straight funnel.",
            "Seks tilstande, som kunderne bevæger sig imellem i vilkårlig rækkefølge: en rejse, ikke en lige tragt.",
            "Sex lägen som kunderna rör sig mellan i valfri ordning: en resa, inte en rak tratt.",
        ),
        top: 10_000.0,
        stages: &[
            st(
                0.0,
                l("No current need", "Intet behov nu", "Inget behov just nu"),
                l(
                    "Not in the market yet: stay known and remembered, so they think of you when a need appears.",
                    "Ikke på markedet endnu: bliv kendt og husket, så de tænker på dig, når behovet opstår.",
                    "Inte på marknaden än: bli känd och ihågkommen, så att de tänker på dig när behovet uppstår.",
                ),
            ),
            st(
                10.0,
                l("Trigger", "Udløser", "Utlösare"),
                l(
                    "Something happens that creates a need: be visible where it happens, with content that names it.",
                    "Noget sker, der skaber et behov: vær synlig, hvor det sker, med indhold, der sætter ord på det.",
                    "Något händer som skapar ett behov: var synlig där det händer, med innehåll som sätter ord på det.",
                ),
            ),
            st(
                40.0,
                l("Explore possibilities", "Udforsker muligheder", "Utforskar möjligheter"),
                l(
                    "They look at ways to solve it: offer guides and checklists in exchange for contact details.",
                    "De undersøger mulighederne: tilbyd guides og tjeklister mod kontaktoplysninger.",
                    "De ser över möjligheterna: erbjud guider och checklistor i utbyte mot kontaktuppgifter.",
                ),
            ),
            st(
                50.0,
                l("Compare contenders", "Sammenligner kandidater", "Jämför alternativ"),
                l(
                    "They weigh you against others: comparisons, references, reviews and clear prices.",
                    "De vejer dig op mod andre: sammenligninger, referencer, anmeldelser og klare priser.",
                    "De väger dig mot andra: jämförelser, referenser, omdömen och tydliga priser.",
                ),
            ),
            st(
                25.0,
                l("Make purchase", "Køber", "Köper"),
                l(
                    "Make buying easy: a clear call to action, no hidden steps, fast answers to last questions.",
                    "Gør det let at købe: en tydelig opfordring, ingen skjulte trin og hurtige svar på sidste spørgsmål.",
                    "Gör det lätt att köpa: en tydlig uppmaning, inga dolda steg och snabba svar på sista frågorna.",
                ),
            ),
            st(
                60.0,
                l("Experience product", "Oplever produktet", "Upplever produkten"),
                l(
                    "The experience decides what comes next: back to no need, or on to repurchase. Follow up.",
                    "Oplevelsen afgør, hvad der sker: tilbage til intet behov eller videre til genkøb. Følg op.",
                    "Upplevelsen avgör vad som händer sedan: tillbaka till inget behov eller vidare till återköp. Följ upp.",
                ),
            ),
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
    // they actually buy (100 % only asks about delivery). 5 000 → 2 000 → 1 200 → 720 →
    // 360 → 144 → 72 → 36 → 18 → 12.6 → 10.08 → 5.04 customers; m = 12 000 · 1.5 · 0.7 =
    // 12 600 a year, LTV = 12 600 · 1.1 / (1.1 − 0.6) = 27 720, CAC 30 000 / 5.04 ≈ 5 952
    // (LTV:CAC ≈ 4.7).
    Template {
        id: TemplateId::Readiness,
        name: l("Buying readiness 0–110 %", "Købsparathed 0–110 %", "Köpberedskap 0–110 %"),
        summary: l(
            "Twelve steps of how convinced a prospect is, for knowledge and advisory businesses.",
            "Tolv trin for, hvor overbevist en kunde er – til videns- og rådgivningsvirksomheder.",
            "Tolv steg för hur övertygad en kund är – för kunskaps- och rådgivningsföretag.",
        ),
        top: 5_000.0,
        stages: &[
            st(
                0.0,
                l("0 % Not interested", "0 % Ikke interesseret", "0 % Inte intresserad"),
                l(
                    "Doesn't know you and sees no need. Be visible, so they know you before the need arrives.",
                    "Kender dig ikke og ser intet behov. Vær synlig, så de kender dig, før behovet opstår.",
                    "Känner inte till dig och ser inget behov. Var synlig, så att de känner dig innan behovet uppstår.",
                ),
            ),
            st(
                40.0,
                l("10 % Sees a need", "10 % Ser et behov", "10 % Ser ett behov"),
                l(
                    "Knows something must happen but thinks they can do it themselves. Show what it really takes.",
                    "Ved, at noget skal ske, men tror, de selv kan klare det. Vis, hvad det reelt kræver.",
                    "Vet att något måste hända men tror att de klarar det själva. Visa vad det verkligen kräver.",
                ),
            ),
            st(
                60.0,
                l("20 % Googles", "20 % Googler", "20 % Googlar"),
                l(
                    "Searches for answers. Be found on the questions they type, with articles that really help.",
                    "Søger efter svar. Bliv fundet på de spørgsmål, de googler, med artikler, der virkelig hjælper.",
                    "Söker efter svar. Syns på frågorna de googlar, med artiklar som verkligen hjälper.",
                ),
            ),
            st(
                60.0,
                l("30 % Surprised by the task", "30 % Overrasket over opgaven", "30 % Överraskad av uppgiften"),
                l(
                    "Surprised by how big the task is. Explain the steps honestly and show where help pays off.",
                    "Overrasket over, hvor stor opgaven er. Forklar trinene ærligt, og vis, hvor hjælp betaler sig.",
                    "Överraskad av hur stor uppgiften är. Förklara stegen ärligt och visa var hjälp lönar sig.",
                ),
            ),
            st(
                50.0,
                l("40 % Uses free guides", "40 % Bruger gratis guides", "40 % Använder gratis guider"),
                l(
                    "Tries free guides and videos; up to here they don't expect to pay for help. Be that guide.",
                    "Prøver gratis guides og videoer; indtil her regner de ikke med at betale for hjælp. Vær guiden.",
                    "Provar gratis guider och videor; hit räknar de inte med att betala för hjälp. Var den guiden.",
                ),
            ),
            st(
                40.0,
                l("50 % Buys e-courses", "50 % Køber e-kurser", "50 % Köper e-kurser"),
                l(
                    "Research phase (50–70 %): pays for e-courses. A low-priced product of yours fits here.",
                    "Undersøgelsesfasen (50–70 %): betaler for e-kurser. Her passer et billigt produkt fra dig.",
                    "Researchfasen (50–70 %): betalar för e-kurser. Här passar en billig produkt från dig.",
                ),
            ),
            st(
                50.0,
                l("60 % Considers alternatives", "60 % Overvejer alternativer", "60 % Överväger alternativ"),
                l(
                    "Weighs a course, advice or paying for help. Show what each option gives and costs.",
                    "Overvejer kursus, rådgivning eller at betale for hjælp. Vis, hvad hver mulighed giver og koster.",
                    "Överväger kurs, rådgivning eller att köpa hjälp. Visa vad varje alternativ ger och kostar.",
                ),
            ),
            st(
                50.0,
                l("70 % Gathers information", "70 % Indsamler information", "70 % Samlar information"),
                l(
                    "Gathers facts about the alternatives. Make prices, process and references easy to find.",
                    "Indsamler fakta om alternativerne. Gør priser, forløb og referencer lette at finde.",
                    "Samlar fakta om alternativen. Gör priser, upplägg och referenser lätta att hitta.",
                ),
            ),
            st(
                50.0,
                l("80 % Contacts you", "80 % Kontakter dig", "80 % Kontaktar dig"),
                l(
                    "Contacts you with clarifying questions while still shopping around. Answer fast and personally.",
                    "Kontakter dig med opklarende spørgsmål, men shopper stadig rundt. Svar hurtigt og personligt.",
                    "Hör av sig med frågor men jämför fortfarande med andra. Svara snabbt och personligt.",
                ),
            ),
            st(
                70.0,
                l("90 % Very interested", "90 % Meget interesseret", "90 % Mycket intresserad"),
                l(
                    "Last questions; decides on facts (what, when, price) and on chemistry. Be clear and personal.",
                    "Sidste spørgsmål; beslutter ud fra fakta (hvad, hvornår, pris) og kemi. Vær klar og personlig.",
                    "Sista frågorna; beslutar utifrån fakta (vad, när, pris) och kemi. Var tydlig och personlig.",
                ),
            ),
            st(
                80.0,
                l("100 % Asks about delivery", "100 % Spørger til levering", "100 % Frågar om leverans"),
                l(
                    "Feels ready and asks about delivery, but may postpone and never return. Agree on a date now.",
                    "Føler sig klar og spørger til levering, men kan udskyde og aldrig vende tilbage. Aftal en dato nu.",
                    "Känner sig redo och frågar om leverans, men kan skjuta upp och aldrig höra av sig. Boka ett datum nu.",
                ),
            ),
            st(
                50.0,
                l("110 % Buys", "110 % Køber", "110 % Köper"),
                l(
                    "Ready enough to actually buy. Next: upsell, ask for a testimonial, make them an ambassador.",
                    "Klar nok til rent faktisk at købe. Derefter: mersalg, en udtalelse, og gør dem til ambassadører.",
                    "Redo nog att faktiskt köpa. Sedan: merförsäljning, be om ett omdöme och gör dem till ambassadörer.",
                ),
            ),
        ],
        lead: 8,
        purchase: 11,
        economics: retention(30_000.0, 12_000.0, 1.5, 0.7, 0.6, 0.1),
        journey: None,
    },
    // §1.6. 10 000 → 600 → 72 customers; m = 700 · 3 · 0.4 = 840 a year, LTV 1 680 over two
    // years, CAC 30 000 / 72 ≈ 417 (LTV:CAC ≈ 4).
    Template {
        id: TemplateId::Kopvagen,
        name: l("Buying path (4 phases)", "Købsvejen (4 faser)", "Köpvägen (4 faser)"),
        summary: l(
            "Four phases from attention to loyal advocates, with the goal and the tools for each phase.",
            "Fire faser fra opmærksomhed til loyale ambassadører, med målet og værktøjerne for hver fase.",
            "Fyra faser från uppmärksamhet till lojala förespråkare, med målet och verktygen för varje fas.",
        ),
        top: 10_000.0,
        stages: &[
            st(
                0.0,
                l("Attention", "Opmærksomhed", "Uppmärksamhet"),
                l(
                    "Be known and remembered: search-optimised pages, campaign pages, press, shareable content.",
                    "Bliv kendt og husket: søgeoptimerede sider, kampagnesider, presse og indhold, der bliver delt.",
                    "Bli känd och ihågkommen: sökoptimerade sidor, kampanjsidor, press och innehåll som delas.",
                ),
            ),
            st(
                6.0,
                l("Consideration", "Overvejelse", "Övervägande"),
                l(
                    "Convince them the need is real and you are the best: newsletters, expert content, drip e-mails.",
                    "Overbevis dem om, at behovet er reelt, og at du er bedst: nyhedsbreve, ekspertindhold, automatiske mails.",
                    "Övertyga om att behovet är verkligt och att du är bäst: nyhetsbrev, expertinnehåll, automatiska mejl.",
                ),
            ),
            st(
                12.0,
                l("Purchase decision", "Købsbeslutning", "Köpbeslut"),
                l(
                    "Make buying easy: a clear call to action, no hidden steps, current prices, a reliable mobile checkout.",
                    "Gør det let at købe: tydelig opfordring, ingen skjulte trin, aktuelle priser, stabil mobilbetaling.",
                    "Gör det lätt att köpa: tydlig uppmaning, inga dolda steg, aktuella priser, en pålitlig mobilkassa.",
                ),
            ),
            st(
                40.0,
                l("Loyal customers and advocates", "Loyale kunder og ambassadører", "Lojala kunder och förespråkare"),
                l(
                    "Welcome new customers, keep them informed, ask for feedback regularly and reward referrals.",
                    "Byd nye kunder velkommen, hold dem orienteret, bed jævnligt om feedback, og beløn anbefalinger.",
                    "Välkomna nya kunder, håll dem informerade, be regelbundet om återkoppling och belöna värvningar.",
                ),
            ),
        ],
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
        name: l("Web shop", "Webshop", "Webbutik"),
        summary: l(
            "An online shop from visit to order, starting from a typical 65 % cart abandonment.",
            "En webshop fra besøg til ordre, med typisk 65 % forladte kurve som udgangspunkt.",
            "En webbutik från besök till order, med typiskt 65 % övergivna varukorgar som utgångspunkt.",
        ),
        top: 40_000.0,
        stages: &[
            st(
                0.0,
                l("Visitors", "Besøgende", "Besökare"),
                l(
                    "Everyone who lands in the shop: from search, ads, social media and newsletters.",
                    "Alle, der lander i shoppen: fra søgning, annoncer, sociale medier og nyhedsbreve.",
                    "Alla som landar i butiken: från sök, annonser, sociala medier och nyhetsbrev.",
                ),
            ),
            st(
                50.0,
                l("Product views", "Produktvisninger", "Produktvisningar"),
                l(
                    "Help them find the product: clear navigation, a good search and relevant landing pages.",
                    "Hjælp dem med at finde varen: tydelig navigation, god søgning og relevante landingssider.",
                    "Hjälp dem att hitta produkten: tydlig navigering, bra sökfunktion och relevanta landningssidor.",
                ),
            ),
            st(
                7.0,
                l("Add to cart", "Lagt i kurv", "Lagt i varukorgen"),
                l(
                    "Good photos, clear prices and stock, reviews and delivery terms on the product page.",
                    "Gode billeder, klare priser og lagerstatus, anmeldelser og leveringsvilkår på produktsiden.",
                    "Bra bilder, tydliga priser och lagerstatus, omdömen och leveransvillkor på produktsidan.",
                ),
            ),
            st(
                50.0,
                l("Checkout started", "Gået til kassen", "Gått till kassan"),
                l(
                    "Contact details are captured here. Show shipping costs early – surprises make people leave.",
                    "Her får du kontaktoplysningerne. Vis fragtprisen tidligt – overraskelser får folk til at gå.",
                    "Här får du kontaktuppgifterna. Visa fraktkostnaden tidigt – överraskningar får folk att gå.",
                ),
            ),
            st(
                70.0,
                l("Purchase", "Køb", "Köp"),
                l(
                    "Finish the sale: few fields, familiar payment options and reminder e-mails for abandoned carts.",
                    "Gennemfør salget: få felter, kendte betalingsformer som MobilePay og påmindelser om glemte kurve.",
                    "Slutför köpet: få fält, kända betalsätt som Swish och Klarna och påminnelser om övergivna varukorgar.",
                ),
            ),
        ],
        lead: 3,
        purchase: 4,
        economics: simple(80_000.0, 450.0, 2.5, 0.4, 2.0),
        journey: None,
    },
    // §1.7, with published B2B benchmark rates. 20 000 → 400 → 80 → 32 → 19.2 → 3.84
    // customers; m = 60 000 · 0.75 = 45 000 a year, LTV = 45 000 · 1.08 / (1.08 − 0.85) ≈
    // 211 304, CAC 180 000 / 3.84 = 46 875 (LTV:CAC ≈ 4.5, payback 12.5 months).
    Template {
        id: TemplateId::B2b,
        name: l("B2B lead funnel", "B2B-leadtragt", "B2B-leadtratt"),
        summary: l(
            "From website visitor via marketing- and sales-qualified leads to won customer, with typical B2B rates.",
            "Fra besøgende via marketing- og salgskvalificerede leads til vundet kunde, med typiske B2B-rater.",
            "Från besökare via marknads- och säljkvalificerade leads till vunnen kund, med typiska B2B-andelar.",
        ),
        top: 20_000.0,
        stages: &[
            st(
                0.0,
                l("Visitors", "Besøgende", "Besökare"),
                l(
                    "Traffic to your website from search, LinkedIn, ads and events.",
                    "Trafik til dit website fra søgning, LinkedIn, annoncer og events.",
                    "Trafik till din webbplats från sök, LinkedIn, annonser och evenemang.",
                ),
            ),
            st(
                2.0,
                l("Leads", "Leads", "Leads"),
                l(
                    "Contact details in exchange for value: a guide, webinar, tool or demo. About 2 % is typical.",
                    "Kontaktoplysninger mod noget af værdi: en guide, et webinar, et værktøj. Typisk omkring 2 %.",
                    "Kontaktuppgifter mot något av värde: en guide, ett webbinarium, ett verktyg. Ofta runt 2 %.",
                ),
            ),
            st(
                20.0,
                l("MQL", "MQL", "MQL"),
                l(
                    "Marketing-qualified: fits your target group and engages. Nurture them with relevant e-mails.",
                    "Marketingkvalificeret: passer til målgruppen og er engageret. Plej dem med relevante mails.",
                    "Marknadskvalificerad: passar målgruppen och är engagerad. Vårda dem med relevanta mejl.",
                ),
            ),
            st(
                40.0,
                l("SQL", "SQL", "SQL"),
                l(
                    "Sales-qualified: sales confirms need, budget and timing. Agree on a clear hand-over.",
                    "Salgskvalificeret: salg bekræfter behov, budget og tidsplan. Aftal en klar overlevering.",
                    "Säljkvalificerad: säljarna bekräftar behov, budget och tidplan. Kom överens om en tydlig överlämning.",
                ),
            ),
            st(
                60.0,
                l("Opportunities", "Salgsmuligheder", "Affärsmöjligheter"),
                l(
                    "A concrete deal in the pipeline: demos, proposals, references and fast follow-up.",
                    "En konkret handel i pipelinen: demoer, tilbud, referencer og hurtig opfølgning.",
                    "En konkret affär i pipelinen: demos, offerter, referenser och snabb uppföljning.",
                ),
            ),
            st(
                20.0,
                l("Customers", "Kunder", "Kunder"),
                l(
                    "Won deals. About 20 % of opportunities is typical; cases and references raise it.",
                    "Vundne handler. Typisk vindes ca. 20 % af salgsmulighederne; cases og referencer løfter tallet.",
                    "Vunna affärer. Ofta vinns runt 20 % av affärsmöjligheterna; kundcase och referenser höjer andelen.",
                ),
            ),
        ],
        lead: 1,
        purchase: 5,
        economics: retention(180_000.0, 60_000.0, 1.0, 0.75, 0.85, 0.08),
        journey: None,
    },
    // §1.7. 1 000 → 100 customers; m = 500 · 2 · 0.4 = 400 a year, LTV 1 200 over three
    // years, CAC 25 000 / 100 = 250 (LTV:CAC 4.8).
    Template {
        id: TemplateId::Blank,
        name: l("Blank", "Tom skabelon", "Tom mall"),
        summary: l(
            "Start from two empty stages and build your own funnel of 2 to 20 stages.",
            "Start med to tomme trin, og byg din egen tragt med 2 til 20 trin.",
            "Börja med två tomma steg och bygg din egen tratt med 2 till 20 steg.",
        ),
        top: 1_000.0,
        stages: &[
            st(
                0.0,
                l("Stage 1", "Trin 1", "Steg 1"),
                l(
                    "Name this stage and enter its numbers.",
                    "Giv trinnet et navn, og indtast dets tal.",
                    "Ge steget ett namn och fyll i dess siffror.",
                ),
            ),
            st(
                10.0,
                l("Stage 2", "Trin 2", "Steg 2"),
                l(
                    "Name this stage, set its rate from the stage above, and add more stages as you need.",
                    "Giv trinnet et navn, angiv raten fra trinnet over, og tilføj flere trin efter behov.",
                    "Ge steget ett namn, ange andelen från steget ovanför och lägg till fler steg vid behov.",
                ),
            ),
        ],
        lead: 0,
        purchase: 1,
        economics: simple(25_000.0, 500.0, 2.0, 0.4, 3.0),
        journey: None,
    },
];

#[cfg(all(test, feature = "bundled-texts"))]
mod tests {
    use super::*;

    /// Every Localized text of a template, with a label for failure messages.
    fn texts(t: &Template) -> Vec<(String, Localized)> {
        let mut all = vec![("name".to_string(), t.name), ("summary".to_string(), t.summary)];
        for (i, s) in t.stages.iter().enumerate() {
            all.push((format!("stage {i} name"), s.name));
            all.push((format!("stage {i} note"), s.note));
        }
        all
    }

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
    fn every_text_is_present_and_trimmed_in_all_languages() {
        for t in &TEMPLATES {
            for (what, text) in texts(t) {
                for (lang, s) in [("en", text.en), ("da", text.da), ("sv", text.sv)] {
                    assert!(!s.is_empty(), "{} {what} [{lang}] is empty", t.id.id());
                    assert_eq!(s, s.trim(), "{} {what} [{lang}] has outer whitespace", t.id.id());
                }
            }
        }
    }

    #[test]
    fn notes_are_one_short_line() {
        for t in &TEMPLATES {
            for (i, s) in t.stages.iter().enumerate() {
                for (lang, note) in [("en", s.note.en), ("da", s.note.da), ("sv", s.note.sv)] {
                    let len = note.chars().count();
                    assert!(len <= 110, "{} stage {i} note [{lang}] has {len} characters", t.id.id());
                    assert!(!note.contains('\n'), "{} stage {i} note [{lang}] spans lines", t.id.id());
                }
            }
        }
    }

    #[test]
    fn stage_names_are_unique_within_a_template() {
        for t in &TEMPLATES {
            for (i, a) in t.stages.iter().enumerate() {
                for b in &t.stages[i + 1..] {
                    assert_ne!(a.name.en, b.name.en, "{}: duplicate stage name", t.id.id());
                }
            }
        }
    }

    #[test]
    fn web_shop_abandons_65_percent_of_carts() {
        let t = TemplateId::Webshop.template();
        let cart = t.stages.iter().position(|s| s.name.en == "Add to cart").expect("an Add to cart stage");
        let reach = t.stages[cart + 1..].iter().fold(1.0, |p, s| p * s.rate_pct / 100.0);
        assert!(cart + 1 < t.stages.len(), "stages after Add to cart");
        assert!((reach - 0.35).abs() < 1e-9, "share of carts that pay: {reach}");
    }

    #[test]
    fn readiness_has_twelve_steps_from_0_to_110_percent() {
        let t = TemplateId::Readiness.template();
        assert_eq!(t.stages.len(), 12);
        for (i, s) in t.stages.iter().enumerate() {
            let step = format!("{} % ", i * 10);
            for (lang, name) in [("en", s.name.en), ("da", s.name.da), ("sv", s.name.sv)] {
                assert!(name.starts_with(&step), "readiness stage {i} [{lang}]: {name}");
            }
        }
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
    fn b2b_uses_the_benchmark_rates() {
        let rates: Vec<f64> = TemplateId::B2b.template().stages.iter().map(|s| s.rate_pct).collect();
        assert_eq!(rates, [0.0, 2.0, 20.0, 40.0, 60.0, 20.0]);
    }
}
