//! The UI texts of one language: [`Texts`] names every text; the words are in the
//! language's file, `locales/<code>.json`, under `"texts"` (read by [`super::catalog`]).
//! Placeholders in braces (`{n}`, `{max}`) are filled by the caller with [`fill`].

use serde::Deserialize;

/// The UI texts of one language, read from its file: a key missing from the file, or
/// one the file has that is not here, is an error (and fails the tests).
///
/// The texts are borrowed from the file's text, which stays loaded for the life of the
/// page, so a text is a plain `&'static str`.
#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Texts {
    pub app_tagline: &'static str,
    pub app_intro: &'static str,
    pub language: &'static str,
    pub template: &'static str,
    pub scenario: &'static str,
    pub scenario_name: &'static str,
    pub scenario_new: &'static str,
    pub scenario_duplicate: &'static str,
    pub scenario_delete: &'static str,
    pub untitled: &'static str,
    pub copy_of: &'static str,
    pub undo: &'static str,
    pub dismiss: &'static str,

    pub stages_heading: &'static str,
    pub stages_help: &'static str,
    pub stage_name: &'static str,
    pub stage_n: &'static str,
    pub stage_count: &'static str,
    pub stage_rate: &'static str,
    pub stage_lead: &'static str,
    pub stage_lead_help: &'static str,
    pub stage_purchase: &'static str,
    pub stage_purchase_help: &'static str,
    pub stage_up: &'static str,
    pub stage_down: &'static str,
    pub stage_remove: &'static str,
    pub stage_add: &'static str,
    pub stage_drop_off: &'static str,
    pub stage_probability: &'static str,
    pub stage_value: &'static str,
    pub stage_cost: &'static str,
    pub min_stages: &'static str,
    pub max_stages: &'static str,

    pub money_heading: &'static str,
    pub currency: &'static str,
    pub period: &'static str,
    pub period_week: &'static str,
    pub period_month: &'static str,
    pub period_quarter: &'static str,
    pub period_year: &'static str,
    pub spend: &'static str,
    pub aov: &'static str,
    pub frequency: &'static str,
    pub margin: &'static str,
    pub ltv_method: &'static str,
    pub ltv_simple: &'static str,
    pub ltv_retention: &'static str,
    pub ltv_simple_help: &'static str,
    pub ltv_retention_help: &'static str,
    pub lifespan: &'static str,
    pub retention: &'static str,
    pub discount: &'static str,

    pub results_heading: &'static str,
    pub per_period: &'static str,
    pub customers: &'static str,
    pub overall_rate: &'static str,
    pub revenue: &'static str,
    pub cpl: &'static str,
    pub cac: &'static str,
    pub roas: &'static str,
    pub ltv: &'static str,
    pub ltv_cac: &'static str,
    pub ltv_cac_good: &'static str,
    pub ltv_cac_low: &'static str,
    pub payback: &'static str,
    pub months: &'static str,
    pub table_month: &'static str,
    pub roi: &'static str,
    pub table_heading: &'static str,
    pub table_stage: &'static str,
    pub table_entrants: &'static str,

    pub why_no_entrants: &'static str,
    pub why_no_leads: &'static str,
    pub why_empty_stage: &'static str,
    pub why_no_customers: &'static str,
    pub why_no_spend: &'static str,
    pub why_no_margin: &'static str,
    pub why_too_large: &'static str,
    pub goal_heading: &'static str,
    pub goal_customers: &'static str,
    pub goal_revenue: &'static str,
    pub goal_spend: &'static str,
    pub goal_required: &'static str,
    pub goal_clear: &'static str,
    pub goal_hint: &'static str,
    pub goal_reached: &'static str,
    pub goal_short: &'static str,
    pub why_no_target: &'static str,
    pub why_no_order_value: &'static str,
    pub stage_now: &'static str,
    pub stage_days: &'static str,
    pub stage_benchmark: &'static str,
    pub stage_low: &'static str,
    pub stage_high: &'static str,
    pub stage_counts: &'static str,
    pub stage_counts_help: &'static str,
    pub range_reversed: &'static str,
    pub source_b2b: &'static str,
    pub source_baymard: &'static str,
    pub source_template: &'static str,
    pub source_user: &'static str,
    pub pipeline_heading: &'static str,
    pub pipeline_help: &'static str,
    pub pipeline_customers: &'static str,
    pub pipeline_revenue: &'static str,
    pub pipeline_value: &'static str,
    pub col_stage: &'static str,
    pub col_now: &'static str,
    pub time_heading: &'static str,
    pub time_help: &'static str,
    pub days_to_purchase: &'static str,
    pub velocity: &'static str,
    pub velocity_note: &'static str,
    pub bottleneck_chart_gain: &'static str,
    pub bottleneck_chart_point: &'static str,
    pub breakeven: &'static str,
    pub breakeven_month: &'static str,
    pub breakeven_none: &'static str,
    pub days_n: &'static str,
    pub per_day: &'static str,
    pub timeline_heading: &'static str,
    pub timeline_spend: &'static str,
    pub timeline_margin: &'static str,
    pub timeline_customers: &'static str,
    pub bottleneck_heading: &'static str,
    pub bottleneck_help: &'static str,
    pub bottleneck_gain: &'static str,
    pub bottleneck_met: &'static str,
    pub bottleneck_point: &'static str,
    pub bottleneck_rates: &'static str,
    pub bottleneck_no_benchmark: &'static str,
    pub bottleneck_weakest: &'static str,
    pub bottleneck_weakest_gain: &'static str,
    pub bottleneck_all_met: &'static str,
    pub bottleneck_advice: &'static str,
    pub bottleneck_advice_general: &'static str,
    pub uncertainty_heading: &'static str,
    pub uncertainty_help: &'static str,
    pub results_band: &'static str,
    pub mc_trials: &'static str,
    pub mc_seed: &'static str,
    pub mc_p10: &'static str,
    pub mc_p50: &'static str,
    pub mc_p90: &'static str,
    pub mc_band: &'static str,
    pub mc_no_ranges: &'static str,
    pub mc_reversed: &'static str,
    pub mc_histogram: &'static str,
    pub referral_heading: &'static str,
    pub referral_help: &'static str,
    pub input_referrals: &'static str,
    pub referral_top: &'static str,
    pub referral_customers: &'static str,
    pub referral_self_sustaining: &'static str,
    pub why_self_sustaining: &'static str,
    pub why_no_cycle: &'static str,
    pub why_range_reversed: &'static str,
    pub why_unreachable: &'static str,
    pub why_last_stage: &'static str,
    pub why_no_journey: &'static str,

    pub err_empty: &'static str,
    pub err_not_a_number: &'static str,
    pub err_too_small: &'static str,
    pub err_not_whole: &'static str,
    pub err_negative: &'static str,
    pub err_too_large: &'static str,
    pub err_exceeds_above: &'static str,
    pub err_above_empty: &'static str,
    pub err_kept: &'static str,

    pub chart_heading: &'static str,
    pub chart_label: &'static str,
    pub chart_scale_note: &'static str,

    pub notice_storage_unavailable: &'static str,
    pub notice_storage_full: &'static str,
    pub notice_storage_corrupt: &'static str,
    pub notice_storage_future: &'static str,
    pub notice_changed_elsewhere: &'static str,
    pub notice_deleted_elsewhere: &'static str,
    pub keep_mine: &'static str,
    pub notice_storage_repaired: &'static str,
    pub notice_deleted: &'static str,
    pub notice_new_from_template: &'static str,
    pub tools_label: &'static str,
    pub share: &'static str,
    pub share_heading: &'static str,
    pub share_hint: &'static str,
    pub share_link: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub share_unsupported: &'static str,
    pub close: &'static str,
    pub shared_banner: &'static str,
    pub shared_save: &'static str,
    pub shared_discard: &'static str,
    pub not_saved: &'static str,
    pub notice_shared_saved: &'static str,
    pub notice_share_too_long: &'static str,
    pub notice_share_damaged: &'static str,
    pub notice_share_future: &'static str,
    pub notice_share_unreadable: &'static str,
    pub export_json: &'static str,
    pub export_all: &'static str,
    pub import_json: &'static str,
    pub export_csv: &'static str,
    pub print: &'static str,
    pub notice_imported: &'static str,
    pub notice_import_not_json: &'static str,
    pub notice_import_not_ours: &'static str,
    pub notice_import_future: &'static str,
    pub notice_import_empty: &'static str,
    pub notice_import_too_large: &'static str,
    pub notice_import_unreadable: &'static str,
    pub notice_update_ready: &'static str,
    pub notice_language_unavailable: &'static str,
    pub update_reload: &'static str,
    pub csv_stage: &'static str,
    pub csv_figure: &'static str,
    pub csv_value: &'static str,
    pub printed_on: &'static str,
    pub compare: &'static str,
    pub compare_heading: &'static str,
    pub compare_pick: &'static str,
    pub compare_too_few: &'static str,
    pub compare_difference: &'static str,
    pub compare_chart_label: &'static str,
    pub embed_open_full: &'static str,
    pub cta_default: &'static str,
    pub embed_configure: &'static str,
    pub footer: &'static str,

    pub mode_label: &'static str,
    pub mode_funnel: &'static str,
    pub mode_journey: &'static str,
    pub mode_help: &'static str,
    pub stage_newcomers: &'static str,
    pub entry_share: &'static str,
    pub journey_heading: &'static str,
    pub journey_help: &'static str,
    pub journey_to: &'static str,
    pub journey_buy: &'static str,
    pub journey_lost: &'static str,
    pub journey_rest: &'static str,
    pub journey_rest_to_lost: &'static str,
    pub journey_row_over: &'static str,
    pub journey_row_under: &'static str,
    pub journey_entry_sum: &'static str,
    pub journey_trap: &'static str,
    pub journey_out_of_range: &'static str,
    pub journey_too_large: &'static str,
    pub journey_last_valid: &'static str,
    pub journey_no_valid: &'static str,
    pub journey_buy_chance: &'static str,
    pub journey_steps: &'static str,
    pub journey_days: &'static str,
    pub journey_days_note: &'static str,
    pub journey_customers: &'static str,
    pub journey_funnel_customers: &'static str,
    pub journey_vs_funnel: &'static str,
    pub journey_adds: &'static str,
    pub journey_removes: &'static str,
    pub journey_recovery_heading: &'static str,
    pub journey_recovery_help: &'static str,
    pub journey_recovery: &'static str,
    pub journey_recover_to: &'static str,
    pub journey_recovered: &'static str,
    pub journey_rebuild: &'static str,
    pub journey_rebuild_help: &'static str,
    pub journey_matrix: &'static str,
    pub journey_from: &'static str,
    pub journey_states: &'static str,
    pub journey_visits: &'static str,
    pub journey_steps_from: &'static str,
    pub journey_days_from: &'static str,
    pub journey_chart_label: &'static str,
    pub journey_entries_total: &'static str,
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

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(fill("{a} of {b}", &[("a", "1"), ("b", "2")]), "1 of 2");
        assert_eq!(fill("{a}", &[("a", "{a}")]), "{a}");
        assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
    }
}
