//! Files the user takes away or brings in: JSON export and import of scenarios, and the
//! results as CSV. Pure: the browser glue (downloads, file reading) is in the components.

use super::migrate::{migrate, serialize, LoadError};
use super::share::scenario_json;
use crate::calc::{Figure, Forecast, Scenario, Workspace};

/// Largest file accepted for import.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// Why an imported file added nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportProblem {
    /// Over [`MAX_IMPORT_BYTES`].
    TooLarge,
    /// The browser could not read the file.
    Unreadable,
    /// Read, but not an importable Tragt file.
    Load(LoadError),
}

/// Every scenario, as a saved file.
pub fn export_all(workspace: &Workspace) -> String {
    serialize(workspace)
}

/// One scenario, as a saved file of its own.
pub fn export_one(scenario: &Scenario) -> String {
    scenario_json(scenario)
}

/// Adds every scenario of an exported file to `workspace`, each under a fresh id from
/// `new_id` and a name not yet taken; nothing is replaced. Opens the first one added and
/// returns how many were added. On error the workspace is unchanged.
pub fn import_into(
    workspace: &mut Workspace,
    text: &str,
    mut new_id: impl FnMut() -> String,
) -> Result<usize, ImportProblem> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportProblem::TooLarge);
    }
    let loaded = migrate(text).map_err(ImportProblem::Load)?;
    let incoming = loaded.workspace.scenarios();
    let first = workspace.scenarios().len();
    for scenario in incoming {
        let name = workspace.unique_name(&scenario.name);
        workspace.add(Scenario { id: new_id(), name, ..scenario.clone() });
    }
    let opened = workspace.scenarios()[first].id.clone();
    workspace.select(&opened);
    Ok(incoming.len())
}

/// How numbers and labels are written into the CSV: the UI language decides the field
/// separator and the decimal mark, so a spreadsheet in that locale opens it as numbers.
pub struct CsvStyle<'a> {
    /// `;` where the decimal mark is a comma (da, sv), else `,`.
    pub separator: char,
    /// `,` or `.`.
    pub decimal: char,
    /// Writes a number in plain notation with `.` (JavaScript's `Number#toString` on the web).
    pub number: &'a dyn Fn(f64) -> String,
}

/// Column headers and figure names, in the UI language.
pub struct CsvLabels<'a> {
    /// The stage table's first column.
    pub stage: &'a str,
    /// The stage table's other columns: entrants, drop-off, chance to buy, value per
    /// person, cost per entrant.
    pub stage_columns: [&'a str; 5],
    /// The totals' first column.
    pub figure: &'a str,
    /// The totals' second column.
    pub value: &'a str,
    /// The totals, in the order of [`results_csv`].
    pub figures: [&'a str; 10],
    /// The total spend S, a total of its own when the spend is itemised (§3.13).
    pub spend: &'a str,
    /// The source table's first column.
    pub source: &'a str,
    /// The source table's other columns: visitors, customers, revenue, cost per visitor,
    /// CAC, ROAS, budget (B_s).
    pub source_columns: [&'a str; 7],
}

/// The results of `scenario` as CSV: a per-stage table, an empty line, then the totals,
/// the total spend S among them when it is more than the typed spend (traffic sources or
/// stage costs). With traffic sources, another empty line and a table of them follows,
/// one row per source, named by `sources` (the names shown on the page).
/// Starts with a byte-order mark so spreadsheet programs read it as UTF-8; lines end in CRLF.
/// The retention stages (`retention[i]`, see `calc::scenario::is_retention_stage`) have no
/// chance to buy, as on the page: everyone there is a customer already.
pub fn results_csv(
    names: &[String],
    sources: &[String],
    forecast: &Forecast,
    retention: &[bool],
    labels: &CsvLabels,
    style: &CsvStyle,
) -> String {
    let sep = style.separator.to_string();
    let num = |v: f64| -> String {
        if !v.is_finite() {
            return String::new();
        }
        let text = (style.number)(v);
        if style.decimal == '.' {
            text
        } else {
            text.replace('.', &style.decimal.to_string())
        }
    };
    let fig = |f: Figure| f.map(num).unwrap_or_default();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut header = vec![labels.stage.to_string()];
    header.extend(labels.stage_columns.iter().map(|s| s.to_string()));
    rows.push(header);
    for (i, (name, st)) in names.iter().zip(&forecast.stages).enumerate() {
        rows.push(vec![
            cell(name),
            num(st.entrants),
            st.drop_off.map(num).unwrap_or_default(),
            if retention.get(i) == Some(&true) { String::new() } else { num(st.probability) },
            num(st.value),
            fig(st.cost_per_entrant),
        ]);
    }
    rows.push(Vec::new());
    rows.push(vec![labels.figure.to_string(), labels.value.to_string()]);
    let totals = [
        Ok(forecast.customers),
        forecast.overall_rate,
        Ok(forecast.revenue),
        forecast.cpl,
        forecast.cac,
        forecast.roas,
        Ok(forecast.ltv),
        forecast.ltv_cac,
        forecast.payback_months,
        forecast.roi,
    ];
    for (label, value) in labels.figures.iter().zip(totals) {
        rows.push(vec![label.to_string(), fig(value)]);
    }
    if forecast.spend_split.is_some() {
        rows.push(vec![labels.spend.to_string(), num(forecast.spend_total)]);
    }
    if let Some(traffic) = &forecast.traffic {
        rows.push(Vec::new());
        let mut header = vec![labels.source.to_string()];
        header.extend(labels.source_columns.iter().map(|s| s.to_string()));
        rows.push(header);
        for (name, s) in sources.iter().zip(&traffic.sources) {
            rows.push(vec![
                cell(name),
                num(s.visitors),
                num(s.customers),
                num(s.revenue),
                fig(s.cost_per_visitor),
                fig(s.cac),
                fig(s.roas),
                num(s.spend),
            ]);
        }
    }
    let mut out = String::from('\u{feff}');
    for row in rows {
        let quoted: Vec<String> = row.iter().map(|c| quote(c, style.separator)).collect();
        out.push_str(&quoted.join(&sep));
        out.push_str("\r\n");
    }
    out
}

/// A user-typed text as a cell: a leading `=`, `+`, `-`, `@` or tab would make a
/// spreadsheet run it as a formula, so such text gets a leading apostrophe.
fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// Quotes a field if it holds the separator, a quote or a line break (RFC 4180).
fn quote(field: &str, separator: char) -> String {
    if field.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// A file name from a scenario name: ASCII letters and digits, `-`, `_` and non-ASCII
/// letters (æ, ö, …) kept, the rest `-`.
/// ```
/// use tragt::storage::transfer::file_stem;
/// assert_eq!(file_stem("Q3 plan: shop"), "tragt-Q3-plan--shop");
/// assert_eq!(file_stem("<>"), "tragt");
/// ```
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c >= '\u{a0}' { c } else { '-' })
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "tragt".to_string()
    } else {
        format!("tragt-{}", stem.chars().take(60).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{Currency, TemplateId};

    fn scenario(id: &str, name: &str) -> Scenario {
        Scenario::from_template(id.into(), name.into(), TemplateId::Aida, Currency::Dkk)
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new{n}")
        }
    }

    #[test]
    fn import_adds_under_fresh_ids_and_free_names_and_never_replaces() {
        let mut mine = Workspace::new(scenario("a", "Plan"));
        let mut theirs = Workspace::new(scenario("a", "Plan"));
        theirs.add(scenario("b", "Other"));
        let added = import_into(&mut mine, &export_all(&theirs), ids()).unwrap();
        assert_eq!(added, 2);
        let got: Vec<_> = mine.scenarios().iter().map(|s| (s.id.as_str(), s.name.as_str())).collect();
        assert_eq!(got, [("a", "Plan"), ("new1", "Plan (2)"), ("new2", "Other")]);
        assert_eq!(mine.current().id, "new1", "the first imported scenario is opened");
    }

    #[test]
    fn a_bad_file_changes_nothing_and_says_why() {
        let mut mine = Workspace::new(scenario("a", "Plan"));
        let before = mine.clone();
        assert_eq!(import_into(&mut mine, "{", ids()), Err(ImportProblem::Load(LoadError::NotJson)));
        assert_eq!(import_into(&mut mine, "{\"a\":1}", ids()), Err(ImportProblem::Load(LoadError::NotOurs)));
        let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert_eq!(import_into(&mut mine, &huge, ids()), Err(ImportProblem::TooLarge));
        assert_eq!(mine, before);
    }

    #[test]
    fn one_exported_scenario_imports_as_itself() {
        let s = scenario("x", "Solo");
        let mut w = Workspace::new(scenario("a", "Plan"));
        import_into(&mut w, &export_one(&s), ids()).unwrap();
        assert_eq!(*w.current(), Scenario { id: "new1".into(), ..s });
    }

    #[test]
    fn an_imported_name_at_the_limit_keeps_its_number_after_a_save() {
        let long = "x".repeat(crate::calc::limits::MAX_NAME_CHARS);
        let mut w = Workspace::new(scenario("a", &long));
        import_into(&mut w, &export_one(&scenario("b", &long)), ids()).unwrap();
        assert!(w.current().name.ends_with(" (2)"));
        assert_eq!(migrate(&export_all(&w)).unwrap().workspace, w);
    }

    fn labels() -> CsvLabels<'static> {
        CsvLabels {
            stage: "Stage",
            stage_columns: ["Entrants", "Drop-off", "Chance", "Value", "Cost"],
            figure: "Figure",
            value: "Value",
            figures: ["C", "O", "R", "CPL", "CAC", "ROAS", "LTV", "LC", "PB", "ROI"],
            spend: "S",
            source: "Source",
            source_columns: ["Visitors", "Customers", "Revenue", "CPV", "CAC", "ROAS", "Budget per month"],
        }
    }

    fn plain(v: f64) -> String {
        format!("{v}")
    }

    /// The CSV's lines, without the byte-order mark and the last line's CRLF.
    fn lines(csv: &str) -> Vec<&str> {
        csv.trim_start_matches('\u{feff}').trim_end_matches("\r\n").split("\r\n").collect()
    }

    #[test]
    fn csv_fits_the_locale_and_quotes_what_it_must() {
        let mut s = scenario("a", "Plan");
        s.economics.spend = 1000.0;
        let f = s.forecast();
        let names = vec!["=HYPERLINK(\"x\")".to_string(), "Interest; high".to_string(), "C".into(), "D".into()];
        let plain = |v: f64| format!("{v}");
        let da = results_csv(
            &names,
            &[],
            &f,
            &[false, false, false, true],
            &labels(),
            &CsvStyle { separator: ';', decimal: ',', number: &plain },
        );
        let lines: Vec<&str> = da.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(da.starts_with('\u{feff}'));
        assert_eq!(lines[0], "Stage;Entrants;Drop-off;Chance;Value;Cost");
        // a formula-looking name is defused and, holding a quote, quoted
        assert!(lines[1].starts_with("\"'=HYPERLINK(\"\"x\"\")\";"), "{}", lines[1]);
        assert!(lines[2].starts_with("\"Interest; high\";"), "{}", lines[2]);
        // 4 stages, a blank line, the header and ten figures
        assert_eq!(lines[5], "");
        assert_eq!(lines[6], "Figure;Value");
        assert_eq!(lines.len(), 6 + 1 + 10 + 1);
        // decimal comma: the overall rate is a fraction below 1
        let overall = f.overall_rate.unwrap();
        assert_eq!(lines[8], format!("O;{}", format!("{overall}").replace('.', ",")));
        let en = results_csv(
            &names,
            &[],
            &f,
            &[false, false, false, true],
            &labels(),
            &CsvStyle { separator: ',', decimal: '.', number: &plain },
        );
        // the stage after the purchase stage has no chance to buy
        assert_eq!(lines[4].split(';').nth(3), Some(""), "{}", lines[4]);
        assert_ne!(lines[3].split(';').nth(3), Some(""), "{}", lines[3]);
        assert!(en.contains(&format!("\r\nO,{overall}\r\n")));
    }

    #[test]
    fn stage_costs_add_the_total_spend_to_the_totals_and_no_source_table() {
        let mut s = scenario("a", "Plan");
        s.economics.spend = 1000.0;
        let before = s.forecast();
        let names: Vec<String> = (1..=s.stages.len()).map(|i| format!("S{i}")).collect();
        let retention = vec![false; names.len()];
        let en = CsvStyle { separator: ',', decimal: '.', number: &plain };
        let typed = results_csv(&names, &[], &before, &retention, &labels(), &en);
        assert!(!lines(&typed).iter().any(|l| l.starts_with("S,")), "the typed spend alone is no total of its own");
        // a fixed cost of 500 at stage 2: S = 1 000 + 500
        s.set_fixed_cost(s.stages[1].id, Some(500.0)).unwrap();
        let f = s.forecast();
        assert_eq!(f.spend_total, 1500.0);
        let csv = results_csv(&names, &[], &f, &retention, &labels(), &en);
        let got = lines(&csv);
        assert_eq!(got.len(), lines(&typed).len() + 1);
        assert_eq!(got.last(), Some(&"S,1500"));
        assert!(!got.iter().any(|l| l.starts_with("Source,")));
    }

    #[test]
    fn sources_follow_the_totals_one_row_each_with_names_defused() {
        use crate::calc::traffic::SourceKind;
        let mut s = scenario("a", "Plan");
        s.economics.spend = 1000.0;
        // search: 4 000 at 2 per click = 2 000 visitors; organic: 500 visitors at no cost
        s.add_source("=SUM(A1;A2)", SourceKind::cpc(4000.0, 2.0).unwrap()).unwrap();
        s.add_source("", SourceKind::free(500.0, 0.0).unwrap()).unwrap();
        let f = s.forecast();
        let t = f.traffic.clone().unwrap();
        let stages: Vec<String> = (1..=s.stages.len()).map(|i| format!("S{i}")).collect();
        let sources = vec!["=SUM(A1;A2)".to_string(), "Source 2".to_string()];
        let retention = vec![false; stages.len()];
        let da = CsvStyle { separator: ';', decimal: ',', number: &plain };
        let csv = results_csv(&stages, &sources, &f, &retention, &labels(), &da);
        let got = lines(&csv);
        let n = stages.len();
        // the stages, a blank line, the header, ten figures and S; a blank line, the header
        // and two sources
        assert_eq!(got.len(), 1 + n + 1 + 1 + 10 + 1 + 1 + 1 + 2);
        let comma = |v: f64| format!("{v}").replace('.', ",");
        // S = 1 000 typed + 4 000 media
        assert_eq!(f.spend_total, 5000.0);
        assert_eq!(got[n + 13], "S;5000");
        assert_eq!(got[n + 14], "");
        assert_eq!(got[n + 15], "Source;Visitors;Customers;Revenue;CPV;CAC;ROAS;Budget per month");
        // a formula-looking name is defused and, holding the separator, quoted
        let search = &t.sources[0];
        let want = [
            "\"'=SUM(A1;A2)\"".to_string(),
            "2000".to_string(),
            comma(search.customers),
            comma(search.revenue),
            "2".to_string(),
            comma(search.cac.unwrap()),
            comma(search.roas.unwrap()),
            "4000".to_string(),
        ];
        assert_eq!(got[n + 16], want.join(";"));
        // the free source: 500 visitors at no cost, so no ROAS (an empty cell)
        let organic = &t.sources[1];
        assert!(organic.roas.is_err());
        let want = format!(
            "Source 2;500;{};{};0;{};;0",
            comma(organic.customers),
            comma(organic.revenue),
            comma(organic.cac.unwrap())
        );
        assert_eq!(got[n + 17], want);
        // the sources' customers add up to the totals' customers
        assert!((search.customers + organic.customers - f.customers).abs() < 1e-9);
    }
}
