//! The UI texts of one language: [`Texts`] names every text; the words are in the
//! language's file, `locales/<code>.json`, under `"texts"` (read by [`super::catalog`]).
//! Placeholders in braces (`{n}`, `{max}`) are filled by the caller with [`fill`].

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

/// Declares [`Texts`] from its keys: one `&'static str` field per key, and reading from
/// the file's `"texts"` object by key.
///
/// The file's object is read as a map and each field taken from it by name: a key
/// missing from the file, or one the file has that is not here, is an error. (serde's
/// derive would do the same with one generated function of ~80 KB of wasm for 275 fields,
/// which costs the first visit ~30 ms before the first figures.)
macro_rules! texts {
    ($($key:ident,)*) => {
        /// The UI texts of one language, read from its file.
        ///
        /// The texts are borrowed from the file's text, which stays loaded for the life of
        /// the page, so a text is a plain `&'static str`.
        #[derive(Debug, Default, PartialEq)]
        #[allow(missing_docs)]
        pub struct Texts {
            $(pub $key: &'static str,)*
        }

        impl Texts {
            fn from_map(mut map: BTreeMap<&'static str, &'static str>) -> Result<Self, String> {
                let mut missing = Vec::new();
                let texts = Texts { $($key: take(&mut map, stringify!($key), &mut missing),)* };
                if let Some(key) = missing.first() {
                    return Err(format!("missing text `{key}`"));
                }
                match map.into_keys().next() {
                    Some(extra) => Err(format!("unknown text `{extra}`")),
                    None => Ok(texts),
                }
            }
        }
    };
}

/// Takes one text out of the file's map; a missing one is noted in `missing`.
#[inline(never)]
fn take(
    map: &mut BTreeMap<&'static str, &'static str>,
    key: &'static str,
    missing: &mut Vec<&'static str>,
) -> &'static str {
    map.remove(key).unwrap_or_else(|| {
        missing.push(key);
        ""
    })
}

impl<'de: 'static> Deserialize<'de> for Texts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<&'static str, &'static str>::deserialize(deserializer)?;
        Texts::from_map(map).map_err(D::Error::custom)
    }
}

texts! {
    app_tagline,
    app_intro,
    language,
    template,
    scenario,
    scenario_name,
    scenario_new,
    scenario_duplicate,
    scenario_delete,
    untitled,
    copy_of,
    undo,
    dismiss,

    stages_heading,
    stages_help,
    stage_name,
    stage_n,
    stage_count,
    stage_rate,
    stage_lead,
    stage_lead_help,
    stage_purchase,
    stage_purchase_help,
    stage_up,
    stage_down,
    stage_remove,
    stage_add,
    stage_insert,
    stage_retention_name,
    stage_after_purchase_note,
    why_after_purchase,
    stage_drop_off,
    stage_probability,
    stage_value,
    stage_cost,
    csv_source,
    figure_spend,
    notice_source_removed,
    view_traffic,
    traffic_heading,
    traffic_help,
    traffic_help_journey,
    sources_empty,
    source_add,
    source_sample,
    source_sample_help,
    source_sample_search,
    source_sample_social,
    source_sample_organic,
    source_n,
    source_name,
    source_kind,
    source_kind_cpc,
    source_kind_cpm,
    source_kind_free,
    source_budget,
    source_cpc,
    source_cpm,
    source_ctr,
    source_visitors_in,
    source_cost,
    source_rate,
    source_remove,
    source_visitors,
    source_customers,
    source_revenue,
    source_cpv,
    source_cac,
    source_roas,
    sources_max,
    stage_from_sources,
    stage_blend,
    stage_fixed_cost,
    stage_unit_cost,
    stage_cost_k,
    spend_total,
    spend_split,
    goal_budget,
    goal_budget_free,
    goal_budget_no_paid,
    goal_budget_help,
    chart_sources,
    chart_sources_cac,
    chart_sources_roas,
    min_stages,
    max_stages,

    money_heading,
    currency,
    period,
    period_week,
    period_month,
    period_quarter,
    period_year,
    spend,
    aov,
    frequency,
    margin,
    ltv_method,
    money_more,
    views_label,
    view_leaks,
    view_goal,
    view_time,
    view_uncertainty,
    view_pipeline,
    view_referrals,
    view_compare,
    view_journey,
    view_close,
    ltv_simple,
    ltv_retention,
    ltv_simple_help,
    ltv_retention_help,
    lifespan,
    retention,
    discount,

    results_heading,
    per_period,
    customers,
    overall_rate,
    revenue,
    cpl,
    cac,
    roas,
    ltv,
    ltv_cac,
    ltv_cac_good,
    ltv_cac_low,
    payback,
    months,
    table_month,
    roi,
    table_heading,
    table_stage,
    table_entrants,

    why_no_entrants,
    why_no_leads,
    why_empty_stage,
    why_no_customers,
    why_no_spend,
    why_no_margin,
    why_too_large,
    goal_heading,
    goal_customers,
    goal_revenue,
    goal_spend,
    goal_required,
    goal_clear,
    goal_hint,
    goal_reached,
    goal_short,
    why_no_target,
    why_no_order_value,
    stage_now,
    stage_days,
    stage_benchmark,
    stage_low,
    stage_high,
    stage_counts,
    stage_counts_help,
    range_reversed,
    source_b2b,
    source_baymard,
    source_unbounce,
    source_rule_of_thumb,
    source_user,
    pipeline_heading,
    pipeline_help,
    pipeline_customers,
    pipeline_revenue,
    pipeline_value,
    col_stage,
    col_now,
    time_heading,
    time_help,
    days_to_purchase,
    velocity,
    velocity_note,
    bottleneck_chart_gain,
    bottleneck_chart_lift,
    breakeven,
    breakeven_month,
    breakeven_none,
    days_n,
    per_day,
    timeline_heading,
    timeline_spend,
    timeline_margin,
    timeline_customers,
    bottleneck_heading,
    bottleneck_help,
    bottleneck_gain,
    bottleneck_met,
    bottleneck_lift,
    bottleneck_rates,
    bottleneck_no_benchmark,
    bottleneck_weakest,
    bottleneck_weakest_gain,
    bottleneck_all_met,
    bottleneck_advice,
    bottleneck_advice_general,
    assessment_heading,
    assessment_leak,
    assessment_lever,
    assessment_actions,
    assessment_attract_1,
    assessment_attract_2,
    assessment_attract_3,
    assessment_nurture_1,
    assessment_nurture_2,
    assessment_nurture_3,
    assessment_close_1,
    assessment_close_2,
    assessment_close_3,
    assessment_keep_1,
    assessment_keep_2,
    assessment_keep_3,
    uncertainty_heading,
    uncertainty_help,
    results_band,
    mc_trials,
    mc_seed,
    mc_p10,
    mc_p50,
    mc_p90,
    mc_band,
    mc_no_ranges,
    mc_reversed,
    mc_histogram,
    referral_heading,
    referral_help,
    input_referrals,
    referral_top,
    referral_customers,
    referral_self_sustaining,
    why_self_sustaining,
    why_no_cycle,
    why_range_reversed,
    why_unreachable,
    why_last_stage,
    why_no_journey,

    err_empty,
    err_not_a_number,
    err_too_small,
    err_not_whole,
    err_negative,
    err_too_large,
    err_exceeds_above,
    err_above_empty,
    err_kept,

    chart_heading,
    chart_label,
    chart_scale_note,

    notice_storage_unavailable,
    notice_storage_full,
    notice_storage_corrupt,
    notice_storage_future,
    notice_changed_elsewhere,
    notice_deleted_elsewhere,
    keep_mine,
    notice_storage_repaired,
    notice_deleted,
    notice_new_from_template,
    tools_label,
    share,
    share_heading,
    share_hint,
    share_link,
    copy_link,
    copied,
    copy_failed,
    share_unsupported,
    close,
    shared_banner,
    shared_save,
    shared_discard,
    not_saved,
    notice_shared_saved,
    notice_share_too_long,
    notice_share_damaged,
    notice_share_future,
    notice_share_unreadable,
    export_json,
    export_all,
    import_json,
    export_csv,
    print,
    notice_imported,
    notice_import_not_json,
    notice_import_not_ours,
    notice_import_future,
    notice_import_empty,
    notice_import_too_large,
    notice_import_unreadable,
    notice_update_ready,
    notice_language_unavailable,
    notice_stage_removed,
    notice_purchase_moved,
    notice_journey_rebuilt,
    notice_template_replaced,
    notice_goal_cleared,
    update_reload,
    csv_stage,
    csv_figure,
    csv_value,
    printed_on,
    compare,
    compare_heading,
    compare_pick,
    compare_too_few,
    compare_difference,
    compare_chart_label,
    compare_baseline_pick,
    compare_baseline,
    compare_move_left,
    compare_move_right,
    compare_points,
    compare_points_long,
    embed_open_full,
    cta_default,
    embed_configure,
    footer,

    mode_label,
    mode_funnel,
    mode_journey,
    mode_help,
    stage_newcomers,
    entry_share,
    journey_heading,
    journey_help,
    journey_to,
    journey_buy,
    journey_lost,
    journey_rest,
    journey_rest_to_lost,
    journey_row_over,
    journey_row_under,
    journey_entry_sum,
    journey_trap,
    journey_out_of_range,
    journey_too_large,
    journey_last_valid,
    journey_no_valid,
    journey_buy_chance,
    journey_steps,
    journey_days,
    journey_days_note,
    journey_customers,
    journey_funnel_customers,
    journey_vs_funnel,
    journey_adds,
    journey_removes,
    journey_recovery_heading,
    journey_recovery_help,
    journey_recovery,
    journey_recover_to,
    journey_recovered,
    journey_rebuild,
    journey_rebuild_help,
    journey_matrix,
    journey_from,
    journey_states,
    journey_visits,
    journey_steps_from,
    journey_days_from,
    journey_chart_label,
    journey_chart_left_out,
    journey_entries_total,
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
