//! Every visible string in English, Danish and Swedish: one line per key, the three
//! languages side by side, so a translator edits one place and a missing translation is
//! a compile error. Placeholders in braces (`{n}`, `{max}`) are filled by the caller.

#[cfg(feature = "bundled-texts")]
use super::Lang;

macro_rules! texts {
    ($($key:ident: $en:literal, $da:literal, $sv:literal;)*) => {
        /// The UI strings of one language. `repr(C)` and nothing but `&'static str`
        /// fields: the same layout as `[&'static str; COUNT]` (see [`Texts::from_array`]).
        #[derive(Debug)]
        #[repr(C)]
        pub struct Texts { $(pub $key: &'static str,)* }

        /// English.
        #[cfg(feature = "bundled-texts")]
        pub const EN: Texts = Texts { $($key: $en,)* };
        /// Danish.
        #[cfg(feature = "bundled-texts")]
        pub const DA: Texts = Texts { $($key: $da,)* };
        /// Swedish.
        #[cfg(feature = "bundled-texts")]
        pub const SV: Texts = Texts { $($key: $sv,)* };

        /// How many texts a language has.
        pub const COUNT: usize = [$(stringify!($key),)*].len();

        /// A hash of every key and every text in every language, computed while compiling
        /// (so the texts themselves need not be in the binary): it names the language
        /// files, so a changed text is a new file and never a stale cached one.
        pub const FINGERPRINT: u32 = crate::calc::templates::fnv(
            &[$(stringify!($key).as_bytes(), $en.as_bytes(), $da.as_bytes(), $sv.as_bytes(),)*],
            crate::calc::templates::FNV_START,
        );

        impl Texts {
            /// Every (key, text) pair, for the completeness tests.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }

            /// The table from its texts in key order.
            pub fn from_array(texts: [&'static str; COUNT]) -> Texts {
                // SAFETY: `Texts` is `repr(C)` with exactly COUNT fields, all `&'static
                // str`, so it has the layout of `[&'static str; COUNT]` (same size, same
                // alignment, fields in declaration order without padding).
                unsafe { std::mem::transmute::<[&'static str; COUNT], Texts>(texts) }
            }

            /// Every text empty: what shows before any language has loaded.
            pub const EMPTY: Texts = Texts { $($key: "",)* };
        }
    };
}

texts! {
    app_tagline: "Funnel calculator", "Tragtberegner", "Trattkalkylator";
    app_intro: "Pick a funnel model, enter your numbers and see sales, cost per lead and lifetime value as you type.",
        "Vælg en tragtmodel, indtast dine tal, og se salg, pris pr. lead og kundeværdi, mens du skriver.",
        "Välj en trattmodell, fyll i dina siffror och se försäljning, kostnad per lead och kundvärde medan du skriver.";
    language: "Language", "Sprog", "Språk";
    template: "Funnel model", "Tragtmodel", "Trattmodell";
    scenario: "Scenario", "Scenarie", "Scenario";
    scenario_name: "Scenario name", "Scenariets navn", "Scenariots namn";
    scenario_new: "New", "Nyt", "Nytt";
    scenario_duplicate: "Duplicate", "Kopiér", "Kopiera";
    scenario_delete: "Delete", "Slet", "Radera";
    untitled: "My funnel", "Min tragt", "Min tratt";
    copy_of: "{name} (copy)", "{name} (kopi)", "{name} (kopia)";
    undo: "Undo", "Fortryd", "Ångra";
    dismiss: "Dismiss", "Luk", "Stäng";

    stages_heading: "Funnel stages", "Tragtens trin", "Trattens steg";
    stages_help: "Type either the number of people entering a stage or its conversion rate; the other follows.",
        "Skriv enten antallet, der når et trin, eller konverteringsraten; det andet følger med.",
        "Skriv antingen antalet som når ett steg eller konverteringsgraden; det andra följer med.";
    stage_name: "Stage name", "Trinnets navn", "Stegets namn";
    stage_n: "Stage {n}", "Trin {n}", "Steg {n}";
    stage_count: "People per {period}", "Personer pr. {period}", "Personer per {period}";
    stage_rate: "% of stage above", "% af trinnet over", "% av steget ovanför";
    stage_lead: "Lead", "Lead", "Lead";
    stage_lead_help: "Contact details are captured here", "Her får I kontaktoplysninger", "Här fångas kontaktuppgifter";
    stage_purchase: "Purchase", "Køb", "Köp";
    stage_purchase_help: "People here become customers", "Her bliver de kunder", "Här blir de kunder";
    stage_up: "Move up", "Flyt op", "Flytta upp";
    stage_down: "Move down", "Flyt ned", "Flytta ned";
    stage_remove: "Remove stage", "Fjern trin", "Ta bort steg";
    stage_add: "Add stage", "Tilføj trin", "Lägg till steg";
    stage_drop_off: "Drop-off", "Frafald", "Bortfall";
    stage_probability: "Chance to buy", "Chance for køb", "Chans till köp";
    stage_value: "Value of one person", "Værdi pr. person", "Värde per person";
    stage_cost: "Cost per entrant", "Pris pr. person", "Kostnad per person";
    min_stages: "A funnel needs at least 2 stages.", "En tragt skal have mindst 2 trin.", "En tratt behöver minst 2 steg.";
    max_stages: "A funnel can have at most 20 stages.", "En tragt kan højst have 20 trin.", "En tratt kan ha högst 20 steg.";

    money_heading: "Money", "Økonomi", "Ekonomi";
    currency: "Currency", "Valuta", "Valuta";
    period: "Period", "Periode", "Period";
    period_week: "week", "uge", "vecka";
    period_month: "month", "måned", "månad";
    period_quarter: "quarter", "kvartal", "kvartal";
    period_year: "year", "år", "år";
    spend: "Marketing + sales spend per {period}", "Udgifter til marketing + salg pr. {period}", "Kostnad för marknadsföring + försäljning per {period}";
    aov: "Average order value", "Gennemsnitlig ordreværdi", "Genomsnittligt ordervärde";
    frequency: "Purchases per customer per year", "Køb pr. kunde pr. år", "Köp per kund och år";
    margin: "Gross margin, %", "Dækningsgrad, %", "Bruttomarginal, %";
    ltv_method: "Lifetime value method", "Metode for kundeværdi", "Metod för kundvärde";
    ltv_simple: "Simple: margin × lifespan", "Enkel: dækningsbidrag × levetid", "Enkel: marginal × livslängd";
    ltv_retention: "Retention and discount rate", "Fastholdelse og diskonteringsrente", "Kundlojalitet och diskonteringsränta";
    ltv_simple_help: "LTV = order value × purchases per year × margin × years as a customer.",
        "Kundeværdi = ordreværdi × køb pr. år × dækningsgrad × antal år som kunde.",
        "Kundvärde = ordervärde × köp per år × marginal × antal år som kund.";
    ltv_retention_help: "LTV = yearly margin × (1 + d) / (1 + d − r): each year r of the customers stay, and later years count less at discount rate d.",
        "Kundeværdi = årligt dækningsbidrag × (1 + d) / (1 + d − r): hvert år bliver andelen r, og senere år tæller mindre med renten d.",
        "Kundvärde = årlig marginal × (1 + d) / (1 + d − r): varje år stannar andelen r, och senare år väger mindre med räntan d.";
    lifespan: "Customer lifespan, years", "Kundens levetid, år", "Kundens livslängd, år";
    retention: "Annual retention, %", "Årlig fastholdelse, %", "Årlig kundlojalitet, %";
    discount: "Discount rate per year, %", "Diskonteringsrente pr. år, %", "Diskonteringsränta per år, %";

    results_heading: "Forecast", "Prognose", "Prognos";
    per_period: "per {period}", "pr. {period}", "per {period}";
    customers: "Customers", "Kunder", "Kunder";
    overall_rate: "Overall conversion", "Samlet konvertering", "Total konvertering";
    revenue: "Revenue from first purchases", "Omsætning fra første køb", "Intäkt från första köp";
    cpl: "Cost per lead", "Pris pr. lead", "Kostnad per lead";
    cac: "Cost per customer (CAC)", "Pris pr. kunde (CAC)", "Kostnad per kund (CAC)";
    roas: "Return on ad spend (ROAS)", "Afkast på annoncekroner (ROAS)", "Avkastning på annonskostnad (ROAS)";
    ltv: "Customer lifetime value (LTV)", "Kundens livstidsværdi (LTV)", "Kundens livstidsvärde (LTV)";
    ltv_cac: "LTV : CAC", "LTV : CAC", "LTV : CAC";
    ltv_cac_good: "Healthy: at or above the usual 3 : 1 mark", "Sundt: på eller over den gængse grænse 3 : 1", "Sunt: på eller över den vanliga gränsen 3 : 1";
    ltv_cac_low: "Below the usual 3 : 1 mark", "Under den gængse grænse 3 : 1", "Under den vanliga gränsen 3 : 1";
    payback: "CAC payback", "Tilbagebetalingstid for CAC", "Återbetalningstid för CAC";
    months: "{n} months", "{n} måneder", "{n} månader";
    table_month: "Month", "Måned", "Månad";
    roi: "Return on investment (ROI)", "Forrentning (ROI)", "Avkastning (ROI)";
    table_heading: "Stage by stage", "Trin for trin", "Steg för steg";
    table_stage: "Stage", "Trin", "Steg";
    table_entrants: "Entrants", "Antal", "Antal";

    why_no_entrants: "no one enters the first stage", "ingen når første trin", "ingen når första steget";
    why_no_leads: "no leads", "ingen leads", "inga leads";
    why_empty_stage: "no one reaches this stage", "ingen når dette trin", "ingen når detta steg";
    why_no_customers: "no customers", "ingen kunder", "inga kunder";
    why_no_spend: "no spend", "ingen udgifter", "ingen kostnad";
    why_no_margin: "no margin to pay it back", "intet dækningsbidrag at betale tilbage med", "ingen marginal att betala tillbaka med";
    why_too_large: "too large to show", "for stort til at vise", "för stort för att visas";
    goal_heading: "Goal", "Mål", "Mål";
    goal_customers: "Target: customers per {period}", "Mål: kunder pr. {period}", "Mål: kunder per {period}";
    goal_revenue: "Target: revenue per {period}", "Mål: omsætning pr. {period}", "Mål: intäkt per {period}";
    goal_spend: "Spend the goal takes per {period}", "Udgifter målet kræver pr. {period}", "Kostnad som målet kräver per {period}";
    goal_required: "Needed for the goal", "Nødvendigt for målet", "Behövs för målet";
    goal_clear: "Clear goal", "Fjern mål", "Ta bort mål";
    goal_hint: "Type a target to see how many people each stage needs.",
        "Skriv et mål for at se, hvor mange hvert trin skal have.",
        "Skriv ett mål för att se hur många varje steg behöver.";
    goal_reached: "This scenario reaches the goal.", "Scenariet når målet.", "Scenariot når målet.";
    goal_short: "{n} more customers per {period} are needed.", "Der mangler {n} kunder pr. {period}.", "Det saknas {n} kunder per {period}.";
    why_no_target: "enter a target above 0", "angiv et mål over 0", "ange ett mål över 0";
    why_no_order_value: "no order value to reach revenue with", "ingen ordreværdi at nå omsætningen med", "inget ordervärde att nå intäkten med";
    stage_now: "In it now", "I trinnet nu", "I steget nu";
    stage_days: "Days here", "Dage her", "Dagar här";
    stage_benchmark: "Benchmark", "Benchmark", "Riktmärke";
    stage_low: "Rate low", "Rate lav", "Andel låg";
    stage_high: "Rate high", "Rate høj", "Andel hög";
    stage_counts: "Rate from counts", "Rate fra antal", "Andel från antal";
    stage_counts_help: "Uncertainty: draw this rate from the counts instead of a range — people entering this stage out of those in the stage above, as observed (a Beta posterior). The more people, the narrower.",
        "Usikkerhed: træk denne rate ud fra antallene i stedet for et interval — dem, der kommer ind i dette trin, ud af dem i trinnet over, som observationer (en Beta-posterior). Jo flere personer, jo smallere.",
        "Osäkerhet: dra denna andel ur antalen i stället för ett intervall — de som kommer in i detta steg av dem i steget ovanför, som observationer (en Beta-posterior). Ju fler personer, desto smalare.";
    range_reversed: "The low end of the range is above the high end: the simulation waits until it is not.",
        "Intervallets nedre grænse er over den øvre: simuleringen venter, til det er rettet.",
        "Intervallets nedre gräns är över den övre: simuleringen väntar tills det är rättat.";
    source_b2b: "Source: published B2B funnel averages (HubSpot, First Page Sage and others): visitor → lead ≈ 2 %, lead → MQL ≈ 20 %, MQL → SQL ≈ 40 %, SQL → opportunity ≈ 60 %, opportunity → won ≈ 20 %. They vary by segment.",
        "Kilde: offentliggjorte B2B-gennemsnit (HubSpot, First Page Sage m.fl.): besøgende → lead ≈ 2 %, lead → MQL ≈ 20 %, MQL → SQL ≈ 40 %, SQL → mulighed ≈ 60 %, mulighed → vundet ≈ 20 %. De varierer med segmentet.",
        "Källa: publicerade B2B-genomsnitt (HubSpot, First Page Sage m.fl.): besökare → lead ≈ 2 %, lead → MQL ≈ 20 %, MQL → SQL ≈ 40 %, SQL → affärsmöjlighet ≈ 60 %, affärsmöjlighet → vunnen ≈ 20 %. De varierar med segmentet.";
    source_baymard: "Source: Baymard Institute — about 70 % of online shopping carts are abandoned (average of 49 studies), so about 30 % of carts buy; here split over checkout started (43 %) and purchase (70 %).",
        "Kilde: Baymard Institute — omkring 70 % af alle indkøbskurve forlades (gennemsnit af 49 undersøgelser), så omkring 30 % af kurvene ender med et køb; her fordelt på påbegyndt checkout (43 %) og køb (70 %).",
        "Källa: Baymard Institute — omkring 70 % av alla kundvagnar överges (genomsnitt av 49 studier), så omkring 30 % av vagnarna leder till köp; här fördelat på påbörjad kassa (43 %) och köp (70 %).";
    source_template: "No published figure fits this stage: this is the template's default. Type your industry's figure.",
        "Der findes intet offentliggjort tal for dette trin: det er skabelonens standard. Skriv din branches tal.",
        "Det finns ingen publicerad siffra för detta steg: det är mallens standard. Skriv din branschs siffra.";
    source_user: "Your own benchmark. Empty the field to go back to the template's.",
        "Dit eget benchmark. Tøm feltet for at gå tilbage til skabelonens.",
        "Ditt eget riktmärke. Töm fältet för att gå tillbaka till mallens.";
    pipeline_heading: "Pipeline now", "Pipeline lige nu", "Pipeline just nu";
    pipeline_help: "Type how many people are in each stage right now (“In it now”): each is worth their chance to buy × the order value.",
        "Skriv, hvor mange der er i hvert trin lige nu (»I trinnet nu«): hver er værd sin chance for at købe × ordreværdien.",
        "Skriv hur många som är i varje steg just nu (”I steget nu”): var och en är värd sin chans att köpa × ordervärdet.";
    pipeline_customers: "Expected customers from them", "Forventede kunder fra dem", "Förväntade kunder från dem";
    pipeline_revenue: "Expected revenue from them", "Forventet omsætning fra dem", "Förväntad intäkt från dem";
    pipeline_value: "Weighted value", "Vægtet værdi", "Viktat värde";
    col_stage: "Stage", "Trin", "Steg";
    col_now: "Now", "Nu", "Nu";
    time_heading: "Time and break-even", "Tid og break-even", "Tid och break-even";
    time_help: "Each month the same number of people enter the funnel and become customers after the days the stages take. Customers buy their purchases per year spread evenly over the months while they stay (lifespan, or annual retention). Spend is per month; break-even is the first month whose total gross margin covers the total spend. No discounting. Days count for the stages before the purchase.",
        "Hver måned kommer det samme antal ind i tragten og bliver kunder efter de dage, trinnene tager. Kunderne fordeler deres køb pr. år jævnt over månederne, så længe de bliver (levetid eller årlig fastholdelse). Udgifterne er pr. måned; break-even er den første måned, hvor det samlede dækningsbidrag dækker de samlede udgifter. Uden diskontering. Dagene tæller for trinnene før køb.",
        "Varje månad kommer lika många in i tratten och blir kunder efter de dagar stegen tar. Kunderna fördelar sina köp per år jämnt över månaderna så länge de stannar (livslängd eller årlig lojalitet). Kostnaden är per månad; break-even är den första månaden då den samlade marginalen täcker den samlade kostnaden. Ingen diskontering. Dagarna räknas för stegen före köpet.";
    days_to_purchase: "Days from first stage to purchase", "Dage fra første trin til køb", "Dagar från första steget till köp";
    velocity: "Sales velocity", "Salgshastighed", "Försäljningshastighet";
    velocity_note: "Sales velocity is revenue per day: (people entering × chance to buy × order value) ÷ days from the first stage to purchase — the same as customers × order value ÷ those days.",
        "Salgshastighed er omsætning pr. dag: (indgange × chance for køb × ordreværdi) ÷ dage fra første trin til køb — det samme som kunder × ordreværdi ÷ de dage.",
        "Försäljningshastighet är intäkt per dag: (inflöde × chans att köpa × ordervärde) ÷ dagar från första steget till köp — samma sak som kunder × ordervärde ÷ de dagarna.";
    bottleneck_chart_gain: "Revenue per {period} if each stage reached its benchmark", "Omsætning pr. {period}, hvis hvert trin nåede sit benchmark", "Intäkt per {period} om varje steg nådde sitt riktmärke";
    bottleneck_chart_point: "Revenue per {period} from one percentage point more in each stage", "Omsætning pr. {period} fra ét procentpoint mere i hvert trin", "Intäkt per {period} från en procentenhet mer i varje steg";
    breakeven: "Break-even", "Break-even", "Break-even";
    breakeven_month: "Month {n}", "Måned {n}", "Månad {n}";
    breakeven_none: "not within 24 months", "ikke inden for 24 måneder", "inte inom 24 månader";
    days_n: "{n} days", "{n} dage", "{n} dagar";
    per_day: "{amount} per day", "{amount} pr. dag", "{amount} per dag";
    timeline_heading: "24 months", "24 måneder", "24 månader";
    timeline_spend: "Total spend", "Samlede udgifter", "Samlad kostnad";
    timeline_margin: "Total gross margin", "Samlet dækningsbidrag", "Samlad bruttomarginal";
    timeline_customers: "New customers", "Nye kunder", "Nya kunder";
    bottleneck_heading: "Where your funnel leaks", "Hvor din tragt lækker", "Var din tratt läcker";
    bottleneck_help: "Each stage's rate against its benchmark: what you would gain in revenue per {period} if it reached the benchmark, and if it rose one percentage point. Hover or tap a benchmark to see its source.",
        "Hvert trins rate mod dets benchmark: hvad du ville vinde i omsætning pr. {period}, hvis den nåede benchmark, og hvis den steg ét procentpoint. Hold musen over eller tryk på et benchmark for at se kilden.",
        "Varje stegs andel mot dess riktmärke: vad du skulle vinna i intäkt per {period} om den nådde riktmärket och om den steg en procentenhet. Håll muspekaren över eller tryck på ett riktmärke för att se källan.";
    bottleneck_gain: "{amount} at the benchmark", "{amount} ved benchmark", "{amount} vid riktmärket";
    bottleneck_met: "meets its benchmark", "når sit benchmark", "når sitt riktmärke";
    bottleneck_point: "{amount} per extra percentage point", "{amount} pr. ekstra procentpoint", "{amount} per extra procentenhet";
    bottleneck_rates: "{rate} now, benchmark {benchmark}", "{rate} nu, benchmark {benchmark}", "{rate} nu, riktmärke {benchmark}";
    bottleneck_no_benchmark: "{rate} now, no benchmark", "{rate} nu, intet benchmark", "{rate} nu, inget riktmärke";
    bottleneck_weakest: "Your weakest stage is “{stage}”.", "Dit svageste trin er »{stage}«.", "Ditt svagaste steg är ”{stage}”.";
    bottleneck_weakest_gain: "Reaching its benchmark would bring {amount} more revenue per {period}.",
        "Når det sit benchmark, giver det {amount} mere i omsætning pr. {period}.",
        "Når det sitt riktmärke ger det {amount} mer i intäkt per {period}.";
    bottleneck_all_met: "Every stage meets its benchmark. The biggest lever now is “{stage}”: one point more brings {amount} per {period}.",
        "Alle trin når deres benchmark. Den største løftestang nu er »{stage}«: ét procentpoint mere giver {amount} pr. {period}.",
        "Alla steg når sitt riktmärke. Den största hävstången nu är ”{stage}”: en procentenhet mer ger {amount} per {period}.";
    bottleneck_advice: "What helps more people reach “{stage}”:", "Det får flere til at nå »{stage}«:", "Det här får fler att nå ”{stage}”:";
    bottleneck_advice_general: "Find out why people stop here: ask them, watch the step, and test one change at a time (a clearer offer, less friction, faster follow-up).",
        "Find ud af, hvorfor folk stopper her: spørg dem, se trinnet efter i sømmene, og test én ændring ad gangen (et klarere tilbud, færre forhindringer, hurtigere opfølgning).",
        "Ta reda på varför folk stannar här: fråga dem, granska steget och testa en ändring i taget (ett tydligare erbjudande, färre hinder, snabbare uppföljning).";
    uncertainty_heading: "Uncertainty", "Usikkerhed", "Osäkerhet";
    uncertainty_help: "Give a stage a low and a high rate (“Rate low”, “Rate high”) when you are unsure. Each trial draws every such rate evenly from its range — or, with “Rate from counts”, from the counts as observations; the others stay as typed. The same seed gives the same result.",
        "Giv et trin en lav og en høj rate (»Rate lav«, »Rate høj«), når du er usikker. Hvert forsøg trækker hver sådan rate jævnt fra dens interval — eller, med »Rate fra antal«, ud fra antallene som observationer; de andre bliver, som de er skrevet. Samme seed giver samme resultat.",
        "Ge ett steg en låg och en hög andel (”Andel låg”, ”Andel hög”) när du är osäker. Varje försök drar varje sådan andel jämnt ur dess intervall — eller, med ”Andel från antal”, ur antalen som observationer; de andra blir som de är skrivna. Samma frö ger samma resultat.";
    results_band: "With the ranges you gave (P10–P90): {customers} customers, {revenue} revenue.",
        "Med de intervaller, du har angivet (P10–P90): {customers} kunder, {revenue} i omsætning.",
        "Med de intervall du har angett (P10–P90): {customers} kunder, {revenue} i intäkt.";
    mc_trials: "Trials", "Forsøg", "Försök";
    mc_seed: "Seed", "Seed", "Frö";
    mc_p10: "Customers, pessimistic (P10)", "Kunder, pessimistisk (P10)", "Kunder, pessimistiskt (P10)";
    mc_p50: "Customers, median (P50)", "Kunder, median (P50)", "Kunder, median (P50)";
    mc_p90: "Customers, optimistic (P90)", "Kunder, optimistisk (P90)", "Kunder, optimistiskt (P90)";
    mc_band: "{what}: {low} to {high} (P10–P90), median {mid}", "{what}: {low} til {high} (P10–P90), median {mid}", "{what}: {low} till {high} (P10–P90), median {mid}";
    mc_no_ranges: "No stage has a range yet, so every trial is the forecast itself.", "Intet trin har et interval endnu, så hvert forsøg er selve prognosen.", "Inget steg har ett intervall än, så varje försök är själva prognosen.";
    mc_reversed: "Stage {n}: the low end of the range is above the high end.", "Trin {n}: intervallets nedre grænse er over den øvre.", "Steg {n}: intervallets nedre gräns är över den övre.";
    mc_histogram: "Customers per {period} over {n} trials", "Kunder pr. {period} over {n} forsøg", "Kunder per {period} över {n} försök";
    referral_heading: "Referrals", "Anbefalinger", "Rekommendationer";
    referral_help: "If each customer brings k new people to the top of the funnel, the top grows to entrants ÷ (1 − k × chance to buy from the top).",
        "Hvis hver kunde bringer k nye personer ind i toppen af tragten, vokser toppen til indgange ÷ (1 − k × chancen for køb fra toppen).",
        "Om varje kund tar med sig k nya personer till toppen av tratten växer toppen till inflöde ÷ (1 − k × chansen att köpa från toppen).";
    input_referrals: "New people each customer brings (k)", "Nye personer hver kunde bringer (k)", "Nya personer varje kund tar med sig (k)";
    referral_top: "People at the top per {period}, with referrals", "Personer i toppen pr. {period} med anbefalinger", "Personer i toppen per {period} med rekommendationer";
    referral_customers: "Customers per {period}, with referrals", "Kunder pr. {period} med anbefalinger", "Kunder per {period} med rekommendationer";
    referral_self_sustaining: "Self-sustaining loop: each customer brings at least one new customer (k × chance to buy ≥ 1), so the funnel grows by itself with no limit in this model.",
        "Selvforstærkende loop: hver kunde bringer mindst én ny kunde (k × chance for køb ≥ 1), så tragten vokser af sig selv uden grænse i denne model.",
        "Självförstärkande loop: varje kund tar med sig minst en ny kund (k × chans att köpa ≥ 1), så tratten växer av sig själv utan gräns i denna modell.";
    why_self_sustaining: "self-sustaining loop", "selvforstærkende loop", "självförstärkande loop";
    why_no_cycle: "enter the days each stage takes", "angiv dage pr. trin", "ange dagar per steg";
    why_range_reversed: "a range's low end is above its high end", "et interval har sin nedre grænse over den øvre", "ett intervall har sin nedre gräns över den övre";
    why_unreachable: "a 0 % rate below makes it unreachable", "en rate på 0 % længere nede gør det uopnåeligt", "en andel på 0 % längre ned gör det ouppnåeligt";
    why_last_stage: "last stage", "sidste trin", "sista steget";
    why_no_journey: "the journey does not add up yet", "rejsen går ikke op endnu", "resan går inte ihop än";

    err_empty: "Enter a number.", "Skriv et tal.", "Skriv ett tal.";
    err_not_a_number: "Not a number. Write it like {example}.", "Ikke et tal. Skriv fx {example}.", "Inte ett tal. Skriv t.ex. {example}.";
    err_too_small: "Enter at least {min}.", "Angiv mindst {min}.", "Ange minst {min}.";
    err_not_whole: "Enter a whole number.", "Angiv et helt tal.", "Ange ett heltal.";
    err_negative: "Cannot be negative.", "Kan ikke være negativ.", "Kan inte vara negativt.";
    err_too_large: "At most {max}.", "Højst {max}.", "Högst {max}.";
    err_exceeds_above: "Cannot be more than the stage above.", "Kan ikke være flere end trinnet over.", "Kan inte vara fler än steget ovanför.";
    err_above_empty: "The stage above is empty; enter a rate instead.", "Trinnet over er tomt; skriv en rate i stedet.", "Steget ovanför är tomt; skriv en andel i stället.";
    err_kept: "The last valid figures are shown.", "De sidste gyldige tal vises.", "De senaste giltiga siffrorna visas.";

    chart_heading: "Your funnel", "Din tragt", "Din tratt";
    chart_label: "Funnel chart: people per stage", "Tragtdiagram: personer pr. trin", "Trattdiagram: personer per steg";
    chart_scale_note: "Bar widths follow a logarithmic scale, so small stages stay visible.",
        "Bjælkernes bredde følger en logaritmisk skala, så små trin stadig kan ses.",
        "Staplarnas bredd följer en logaritmisk skala, så att små steg syns.";

    notice_storage_unavailable: "Saving is not possible in this browser window (storage is blocked). Your changes are kept only in this tab.",
        "Der kan ikke gemmes i dette browservindue (lageret er blokeret). Dine ændringer findes kun i denne fane.",
        "Det går inte att spara i det här webbläsarfönstret (lagringen är blockerad). Dina ändringar finns bara i den här fliken.";
    notice_storage_full: "The browser's storage is full, so the latest changes are not saved. Delete old scenarios or free space.",
        "Browserens lager er fuldt, så de seneste ændringer er ikke gemt. Slet gamle scenarier eller frigør plads.",
        "Webbläsarens lagring är full, så de senaste ändringarna är inte sparade. Radera gamla scenarier eller frigör utrymme.";
    notice_storage_corrupt: "Your saved scenarios could not be read. They were kept under “{key}”, and the calculator started afresh.",
        "Dine gemte scenarier kunne ikke læses. De er bevaret under »{key}«, og beregneren er startet forfra.",
        "Dina sparade scenarier kunde inte läsas. De har sparats under ”{key}”, och kalkylatorn har startat om.";
    notice_storage_future: "Your scenarios were saved by a newer version of Tragt. They are left as they are: nothing you change here is saved. Reload the page to use the newer version.",
        "Dine scenarier er gemt af en nyere version af Tragt. De bliver ladt urørt: intet, du ændrer her, bliver gemt. Genindlæs siden for at bruge den nyere version.",
        "Dina scenarier sparades av en nyare version av Tragt. De lämnas orörda: inget du ändrar här sparas. Ladda om sidan för att använda den nyare versionen.";
    notice_changed_elsewhere: "“{name}” was changed in another tab. This tab now shows that version.",
        "»{name}« blev ændret i en anden fane. Denne fane viser nu den version.",
        "”{name}” ändrades i en annan flik. Den här fliken visar nu den versionen.";
    notice_deleted_elsewhere: "“{name}” was deleted in another tab.",
        "»{name}« blev slettet i en anden fane.",
        "”{name}” togs bort i en annan flik.";
    keep_mine: "Keep this tab's version", "Behold denne fanes version", "Behåll den här flikens version";
    notice_storage_repaired: "Some saved values could not be read and were reset to defaults ({n}).",
        "Nogle gemte værdier kunne ikke læses og blev nulstillet ({n}).",
        "Några sparade värden kunde inte läsas och återställdes ({n}).";
    notice_deleted: "Deleted “{name}”.", "»{name}« er slettet.", "”{name}” har raderats.";
    notice_new_from_template: "Started “{name}” as a new scenario; your previous one is still in the list.",
        "»{name}« er startet som et nyt scenarie; dit tidligere findes stadig på listen.",
        "”{name}” startades som ett nytt scenario; ditt tidigare finns kvar i listan.";
    tools_label: "Share and export", "Del og eksportér", "Dela och exportera";
    share: "Share link", "Del link", "Dela länk";
    share_heading: "Share this scenario", "Del dette scenarie", "Dela det här scenariot";
    share_hint: "The link holds the whole scenario. Nothing is uploaded: whoever opens it gets their own copy.",
        "Linket indeholder hele scenariet. Intet uploades: den, der åbner det, får sin egen kopi.",
        "Länken innehåller hela scenariot. Inget laddas upp: den som öppnar den får en egen kopia.";
    share_link: "Link", "Link", "Länk";
    copy_link: "Copy link", "Kopiér link", "Kopiera länk";
    copied: "Copied.", "Kopieret.", "Kopierat.";
    copy_failed: "Copying is blocked here; select the link and copy it yourself.",
        "Kopiering er blokeret her; markér linket, og kopiér det selv.",
        "Kopiering är blockerad här; markera länken och kopiera den själv.";
    share_unsupported: "This browser cannot make share links. Export the scenario as a file instead.",
        "Denne browser kan ikke lave delingslinks. Eksportér scenariet som fil i stedet.",
        "Den här webbläsaren kan inte skapa delningslänkar. Exportera scenariot som fil i stället.";
    close: "Close", "Luk", "Stäng";
    shared_banner: "You are looking at a shared scenario, “{name}”. It is not saved in your scenarios yet.",
        "Du ser et delt scenarie, »{name}«. Det er endnu ikke gemt blandt dine scenarier.",
        "Du tittar på ett delat scenario, ”{name}”. Det är inte sparat bland dina scenarier än.";
    shared_save: "Save to my scenarios", "Gem i mine scenarier", "Spara i mina scenarier";
    shared_discard: "Close it", "Luk det", "Stäng det";
    not_saved: "{name} (not saved)", "{name} (ikke gemt)", "{name} (inte sparat)";
    notice_shared_saved: "“{name}” is saved in your scenarios.", "»{name}« er gemt blandt dine scenarier.", "”{name}” är sparat bland dina scenarier.";
    notice_share_too_long: "This share link is longer than 8 KB, so it was not opened. The calculator started as usual.",
        "Dette delingslink er længere end 8 KB og blev derfor ikke åbnet. Beregneren er startet som normalt.",
        "Den här delningslänken är längre än 8 KB och öppnades därför inte. Kalkylatorn startade som vanligt.";
    notice_share_damaged: "This share link is incomplete or has been changed, so it could not be opened. Ask for the link again; the calculator started as usual.",
        "Dette delingslink er ufuldstændigt eller ændret og kunne ikke åbnes. Bed om linket igen; beregneren er startet som normalt.",
        "Den här delningslänken är ofullständig eller ändrad och kunde inte öppnas. Be om länken igen; kalkylatorn startade som vanligt.";
    notice_share_future: "This share link was made by a newer version of Tragt and cannot be opened here.",
        "Dette delingslink er lavet af en nyere version af Tragt og kan ikke åbnes her.",
        "Den här delningslänken skapades av en nyare version av Tragt och kan inte öppnas här.";
    notice_share_unreadable: "This share link does not contain a readable scenario, so it was not opened.",
        "Dette delingslink indeholder ikke et læsbart scenarie og blev ikke åbnet.",
        "Den här delningslänken innehåller inget läsbart scenario och öppnades inte.";
    export_json: "Export scenario", "Eksportér scenarie", "Exportera scenario";
    export_all: "Export all", "Eksportér alle", "Exportera alla";
    import_json: "Import file", "Importér fil", "Importera fil";
    export_csv: "Results as CSV", "Resultater som CSV", "Resultat som CSV";
    print: "Print or PDF", "Udskriv eller PDF", "Skriv ut eller PDF";
    notice_imported: "Imported {n} scenario(s); your other scenarios are unchanged.",
        "{n} scenarie(r) importeret; dine andre scenarier er uændrede.",
        "{n} scenario(n) importerade; dina andra scenarier är oförändrade.";
    notice_import_not_json: "“{file}” is not a Tragt file (it is not JSON). Nothing was imported.",
        "»{file}« er ikke en Tragt-fil (det er ikke JSON). Intet er importeret.",
        "”{file}” är ingen Tragt-fil (det är inte JSON). Inget importerades.";
    notice_import_not_ours: "“{file}” is JSON, but not a Tragt file. Nothing was imported.",
        "»{file}« er JSON, men ikke en Tragt-fil. Intet er importeret.",
        "”{file}” är JSON, men ingen Tragt-fil. Inget importerades.";
    notice_import_future: "“{file}” was made by a newer version of Tragt. Nothing was imported.",
        "»{file}« er lavet af en nyere version af Tragt. Intet er importeret.",
        "”{file}” skapades av en nyare version av Tragt. Inget importerades.";
    notice_import_empty: "“{file}” holds no usable scenario. Nothing was imported.",
        "»{file}« indeholder intet brugbart scenarie. Intet er importeret.",
        "”{file}” innehåller inget användbart scenario. Inget importerades.";
    notice_import_too_large: "“{file}” is larger than 1 MB, too large for a Tragt file. Nothing was imported.",
        "»{file}« er større end 1 MB, for stor til en Tragt-fil. Intet er importeret.",
        "”{file}” är större än 1 MB, för stor för en Tragt-fil. Inget importerades.";
    notice_import_unreadable: "“{file}” could not be read. Nothing was imported.",
        "»{file}« kunne ikke læses. Intet er importeret.",
        "”{file}” kunde inte läsas. Inget importerades.";
    notice_update_ready: "A new version of Tragt is ready.", "En ny version af Tragt er klar.", "En ny version av Tragt är klar.";
    notice_language_unavailable: "{language} could not be loaded. Check your connection and try again.",
        "{language} kunne ikke hentes. Tjek forbindelsen, og prøv igen.",
        "{language} kunde inte hämtas. Kontrollera anslutningen och försök igen.";
    update_reload: "Reload for the new version", "Genindlæs for den nye version", "Ladda om för den nya versionen";
    csv_stage: "Stage", "Trin", "Steg";
    csv_figure: "Figure", "Nøgletal", "Nyckeltal";
    csv_value: "Value", "Værdi", "Värde";
    printed_on: "Printed {date}", "Udskrevet {date}", "Utskrivet {date}";
    compare: "Compare", "Sammenlign", "Jämför";
    compare_heading: "Compare scenarios", "Sammenlign scenarier", "Jämför scenarier";
    compare_pick: "Pick two to four scenarios.", "Vælg to til fire scenarier.", "Välj två till fyra scenarier.";
    compare_too_few: "Pick at least two scenarios to compare. Create one with “Duplicate” and change it.",
        "Vælg mindst to scenarier. Lav et med »Kopiér«, og ret i det.",
        "Välj minst två scenarier. Skapa ett med ”Kopiera” och ändra det.";
    compare_difference: "Difference vs. {name}", "Forskel fra {name}", "Skillnad mot {name}";
    compare_chart_label: "Bar chart: key figures of the compared scenarios, each relative to the largest",
        "Søjlediagram: nøgletal for de sammenlignede scenarier, hver i forhold til den største",
        "Stapeldiagram: nyckeltal för de jämförda scenarierna, vart och ett i förhållande till det största";
    embed_open_full: "Open full calculator", "Åbn hele beregneren", "Öppna hela kalkylatorn";
    cta_default: "Get in touch", "Kontakt os", "Kontakta oss";
    embed_configure: "Put it on your website", "Sæt den på jeres website", "Lägg den på er webbplats";
    footer: "Runs entirely in your browser: your numbers never leave this device.",
        "Kører helt i din browser: dine tal forlader aldrig denne enhed.",
        "Körs helt i din webbläsare: dina siffror lämnar aldrig den här enheten.";

    mode_label: "Model", "Model", "Modell";
    mode_funnel: "Straight funnel", "Lige tragt", "Rak tratt";
    mode_journey: "Journey (non-linear)", "Rejse (ikke-lineær)", "Resa (icke-linjär)";
    mode_help: "In a journey people move back and forth between the stages and can enter mid-way.",
        "I en rejse bevæger folk sig frem og tilbage mellem trinnene og kan komme ind midtvejs.",
        "I en resa rör sig folk fram och tillbaka mellan stegen och kan komma in halvvägs.";
    stage_newcomers: "Newcomers per {period}", "Nye personer pr. {period}", "Nya personer per {period}";
    entry_share: "Newcomers who start here", "Nye, der starter her", "Nya som börjar här";
    journey_heading: "The journey", "Rejsen", "Resan";
    journey_help: "Each stage's row says where its people go next: on, back, skipping ahead, to a purchase or lost. A row must add up to 100%. Newcomers start by the shares in the stage list.",
        "Hvert trins række siger, hvor dets personer går hen bagefter: videre, tilbage, springer over, til køb eller tabt. En række skal give 100 % i alt. Nye personer starter efter andelene i listen over trin.",
        "Varje stegs rad säger vart dess personer går härnäst: vidare, tillbaka, hoppar över, till köp eller förlorade. En rad måste bli 100 % totalt. Nya personer börjar enligt andelarna i stegens lista.";
    journey_to: "To {name}", "Til {name}", "Till {name}";
    journey_buy: "Buy", "Køb", "Köp";
    journey_lost: "Lost", "Tabt", "Förlorad";
    journey_rest: "Left to assign: {pct}", "Mangler at fordele: {pct}", "Kvar att fördela: {pct}";
    journey_rest_to_lost: "Give the rest to lost", "Giv resten til tabt", "Ge resten till förlorad";
    journey_row_over: "This row adds up to {sum}, more than 100%. Lower a share.",
        "Rækken giver {sum} i alt, mere end 100 %. Sænk en andel.",
        "Raden blir {sum} totalt, mer än 100 %. Sänk en andel.";
    journey_row_under: "This row adds up to {sum}: the rest goes nowhere. Assign it, for example to lost.",
        "Rækken giver {sum} i alt: resten går ingen steder. Fordel den, for eksempel til tabt.",
        "Raden blir {sum} totalt: resten hamnar ingenstans. Fördela den, till exempel till förlorad.";
    journey_entry_sum: "The newcomers' start shares add up to {sum}, not 100%.",
        "Andelene af nye, der starter på hvert trin, giver {sum} i alt, ikke 100 %.",
        "Andelarna nya som börjar på varje steg blir {sum} totalt, inte 100 %.";
    journey_trap: "People in {states} can never buy or be lost: they only move between each other. Give one of them a way out.",
        "Personer i {states} kan aldrig købe eller gå tabt: de bevæger sig kun mellem hinanden. Giv en af dem en vej ud.",
        "Personer i {states} kan aldrig köpa eller förloras: de rör sig bara mellan varandra. Ge någon av dem en väg ut.";
    journey_out_of_range: "A share in {state} is outside 0–100%.", "En andel i {state} ligger uden for 0–100 %.", "En andel i {state} ligger utanför 0–100 %.";
    journey_too_large: "The journey's ways out are too small to compute with.", "Rejsens veje ud er for små at regne med.", "Resans vägar ut är för små att räkna med.";
    journey_last_valid: "The figures show the last journey that added up.", "Tallene viser den seneste rejse, der gik op.", "Siffrorna visar den senaste resan som gick ihop.";
    journey_no_valid: "The figures show the straight funnel until the journey adds up.", "Tallene viser den lige tragt, indtil rejsen går op.", "Siffrorna visar den raka tratten tills resan går ihop.";
    journey_buy_chance: "Chance that a newcomer buys", "Chance for at en ny person køber", "Chans att en ny person köper";
    journey_steps: "Expected steps until purchase or loss", "Forventede skridt til køb eller tab", "Förväntade steg till köp eller förlust";
    journey_days: "Expected days until purchase or loss", "Forventede dage til køb eller tab", "Förväntade dagar till köp eller förlust";
    journey_days_note: "Expected steps count every visit to a stage, the first included; expected days add up each visit's days here, the purchase stage's too.",
        "Forventede skridt tæller hvert besøg på et trin, det første med; forventede dage lægger hvert besøgs dage her sammen, også købstrinnets.",
        "Förväntade steg räknar varje besök på ett steg, det första inräknat; förväntade dagar summerar varje besöks dagar här, även köpstegets.";
    journey_customers: "Customers per {period} from the journey", "Kunder pr. {period} fra rejsen", "Kunder per {period} från resan";
    journey_funnel_customers: "Customers per {period} as a straight funnel", "Kunder pr. {period} som lige tragt", "Kunder per {period} som rak tratt";
    journey_vs_funnel: "Journey vs. straight funnel", "Rejse i forhold til lige tragt", "Resa jämfört med rak tratt";
    journey_adds: "Going back and forth adds {pct} customers compared with the straight funnel of the same stages.",
        "Frem og tilbage giver {pct} flere kunder end den lige tragt med de samme trin.",
        "Fram och tillbaka ger {pct} fler kunder än den raka tratten med samma steg.";
    journey_removes: "Going back and forth costs {pct} of the customers of the straight funnel of the same stages.",
        "Frem og tilbage koster {pct} af kunderne i den lige tragt med de samme trin.",
        "Fram och tillbaka kostar {pct} av kunderna i den raka tratten med samma steg.";
    journey_recovery_heading: "Bring lost people back", "Hent tabte personer tilbage", "Hämta tillbaka förlorade personer";
    journey_recovery_help: "Automated messages (drip campaigns, cart reminders) bring a share of the people the journey loses back to a stage.",
        "Automatiske beskeder (drip-kampagner, påmindelser om kurven) henter en andel af dem, rejsen taber, tilbage til et trin.",
        "Automatiska meddelanden (dripkampanjer, påminnelser om varukorgen) hämtar tillbaka en andel av dem som resan förlorar till ett steg.";
    journey_recovery: "Share of lost people brought back", "Andel tabte, der hentes tilbage", "Andel förlorade som hämtas tillbaka";
    journey_recover_to: "Brought back to", "Hentes tilbage til", "Hämtas tillbaka till";
    journey_recovered: "Customers per {period} gained by bringing people back", "Kunder pr. {period} vundet ved at hente folk tilbage", "Kunder per {period} som vinns genom att hämta tillbaka folk";
    journey_rebuild: "Rebuild from the funnel's rates", "Byg igen ud fra tragtens rater", "Bygg om utifrån trattens andelar";
    journey_rebuild_help: "Replaces every row: each stage moves on at its funnel rate and loses the rest; everyone starts at the first stage.",
        "Erstatter alle rækker: hvert trin går videre med sin rate fra tragten og taber resten; alle starter på første trin.",
        "Ersätter alla rader: varje steg går vidare med sin andel från tratten och förlorar resten; alla börjar på första steget.";
    journey_matrix: "Where people go next, per stage (rows) and destination (columns)",
        "Hvor folk går hen bagefter, pr. trin (rækker) og mål (kolonner)",
        "Vart folk går härnäst, per steg (rader) och mål (kolumner)";
    journey_from: "From", "Fra", "Från";
    journey_states: "Per stage", "Pr. trin", "Per steg";
    journey_visits: "Visits per newcomer", "Besøg pr. ny person", "Besök per ny person";
    journey_steps_from: "Steps from here", "Skridt herfra", "Steg härifrån";
    journey_days_from: "Days from here", "Dage herfra", "Dagar härifrån";
    journey_chart_label: "Journey chart: the stages on a circle, arrows as wide as the share moving on",
        "Rejsediagram: trinnene på en cirkel, pile så brede som andelen, der går videre",
        "Resediagram: stegen på en cirkel, pilar lika breda som andelen som går vidare";
    journey_entries_total: "Newcomers' start shares in all: {sum}", "Nye personers startandele i alt: {sum}", "Nya personers startandelar totalt: {sum}";
}

impl Texts {
    /// The table of a language.
    #[cfg(feature = "bundled-texts")]
    pub fn of(lang: Lang) -> &'static Texts {
        match lang {
            Lang::En => &EN,
            Lang::Da => &DA,
            Lang::Sv => &SV,
        }
    }
}

/// Fills `{name}` placeholders; a placeholder without a value stays as it is. One pass
/// over the text (no substring search, whose code would be in the wasm just for this).
///
/// # Examples
/// ```
/// use tragt::i18n::texts::fill;
/// assert_eq!(fill("Stage {n}", &[("n", "3")]), "Stage 3");
/// assert_eq!(fill("{a}{b} {a} {c} {", &[("a", "1"), ("b", "{a}")]), "1{a} 1 {c} {");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value =
            after.find('}').and_then(|close| Some((close, args.iter().find(|(key, _)| *key == &after[..close])?.1)));
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(all(test, feature = "bundled-texts"))]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_translated_in_every_language() {
        let (en, da, sv) = (EN.entries(), DA.entries(), SV.entries());
        assert!(en.len() > 80);
        for ((key, e), ((_, d), (_, s))) in en.iter().zip(da.iter().zip(sv.iter())) {
            for text in [e, d, s] {
                assert!(!text.trim().is_empty(), "{key} is empty");
                assert_eq!(text.trim(), *text, "{key} has stray whitespace");
            }
            // placeholders must be the same in every language
            let holes = |t: &str| {
                let mut v: Vec<String> =
                    t.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(h, _)| h.to_string())).collect();
                v.sort();
                v
            };
            assert_eq!(holes(e), holes(d), "{key}: placeholders differ in Danish");
            assert_eq!(holes(e), holes(s), "{key}: placeholders differ in Swedish");
        }
    }

    #[test]
    fn danish_and_swedish_are_not_left_in_english() {
        // Short labels may coincide ("Lead", "Scenario"); sentences must not.
        let (en, da, sv) = (EN.entries(), DA.entries(), SV.entries());
        for ((key, e), ((_, d), (_, s))) in en.iter().zip(da.iter().zip(sv.iter())) {
            if e.split_whitespace().count() > 3 {
                assert_ne!(e, d, "{key} is untranslated in Danish");
                assert_ne!(e, s, "{key} is untranslated in Swedish");
            }
        }
    }
}
