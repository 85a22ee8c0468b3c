//! Time (MODELS.md §3.7): days to purchase from the stages' "Days here", sales velocity,
//! and a 24-month timeline of customers, total spend and total gross margin with the
//! break-even month; the timeline's numbers also as a table for screen readers.

use leptos::prelude::*;

use crate::calc::time::{days_to_purchase, timeline, velocity, Timeline, TimelineInput};
use crate::calc::{Figure, Undefined};
use crate::chart::plots::{self, TimelineLabels, TimelinePoint};
use crate::components::figure::{days, ChartNumbers, NumbersRow};
use crate::components::{ChartCanvas, FigureCard};
use crate::i18n::texts::fill;
use crate::i18n::{format, Lang, Texts};
use crate::state::use_app_state;

/// What the time panel shows.
#[derive(Clone, Debug, PartialEq)]
struct TimeView {
    days: f64,
    velocity: Figure,
    timeline: Timeline,
}

/// "month 7".
fn month(lang: Lang, _: crate::calc::Currency, v: f64) -> String {
    fill(Texts::of(lang).breakeven_month, &[("n", &format::count(lang, v))])
}

/// "1 234 kr. per day".
fn per_day(lang: Lang, c: crate::calc::Currency, v: f64) -> String {
    fill(Texts::of(lang).per_day, &[("amount", &format::money(lang, c, v))])
}

/// The time panel.
#[component]
pub fn TimePanel() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let view_data = Memo::new(move |_| {
        state.settled.with(|s| {
            let days: Vec<f64> = s.stages.iter().map(|st| st.days.unwrap_or(0.0)).collect();
            let purchase = s.index_of(s.purchase).unwrap_or(s.stages.len() - 1);
            let to_purchase = days_to_purchase(&days, purchase).first().copied().unwrap_or(0.0);
            // the total spend (with traffic sources and stage costs, more than the typed one)
            let (customers, spend) = state.settled_forecast.with(|f| (f.customers, f.spend_total));
            TimeView {
                days: to_purchase,
                velocity: velocity(customers, s.economics.aov, to_purchase),
                timeline: timeline(&TimelineInput {
                    customers,
                    period: s.period,
                    delay_days: to_purchase,
                    economics: crate::calc::Economics { spend, ..s.economics },
                }),
            }
        })
    });
    let label = move |f: fn(&Texts) -> &'static str| Signal::derive(move || f(t()).to_string());
    let breakeven = Signal::derive(move || {
        view_data.with(|v| v.timeline.breakeven.map(|m| m as f64).ok_or(Undefined::NoBreakeven))
    });
    let summary = move || {
        let lang = state.lang.get();
        let currency = state.settled.with(|s| s.currency);
        view_data.with(|v| {
            let last = v.timeline.months.last();
            let spend = last.map_or(0.0, |m| m.cumulative_spend);
            let margin = last.map_or(0.0, |m| m.cumulative_margin);
            let when = match v.timeline.breakeven {
                Some(m) => fill(t().breakeven_month, &[("n", &m.to_string())]),
                None => t().breakeven_none.to_string(),
            };
            format!(
                "{}: {} {}, {} {}; {}: {when}",
                t().timeline_heading,
                t().timeline_spend,
                format::money(lang, currency, spend),
                t().timeline_margin,
                format::money(lang, currency, margin),
                t().breakeven,
            )
        })
    };
    let chart = Callback::new(move |()| {
        let lang = state.lang.get();
        let t = Texts::of(lang);
        let fmt = crate::components::chart_canvas::Numbers::shared(lang, state.settled.with(|s| s.currency));
        let timeline = view_data.with(|v| plots::Timeline {
            points: v
                .timeline
                .months
                .iter()
                .map(|m| TimelinePoint {
                    cumulative_spend: m.cumulative_spend,
                    cumulative_margin: m.cumulative_margin,
                    new_customers: m.new_customers,
                })
                .collect(),
            breakeven: v.timeline.breakeven,
            labels: TimelineLabels {
                month: t.table_month.to_string(),
                breakeven: v.timeline.breakeven.map(|m| fill(t.breakeven_month, &[("n", &m.to_string())])),
                spend: t.timeline_spend.to_string(),
                margin: t.timeline_margin.to_string(),
                customers: t.timeline_customers.to_string(),
            },
        });
        crate::chart::Chart::new(crate::chart::Kind::Timeline(timeline), fmt)
    });
    // the chart's numbers, month by month, as a table for screen readers
    let numbers = Memo::new(move |_| {
        let lang = state.lang.get();
        let currency = state.settled.with(|s| s.currency);
        view_data.with(|v| {
            v.timeline
                .months
                .iter()
                .map(|m| NumbersRow {
                    key: m.month as u32,
                    cells: vec![
                        m.month.to_string(),
                        format::count(lang, m.new_customers),
                        format::money(lang, currency, m.cumulative_spend),
                        format::money(lang, currency, m.cumulative_margin),
                    ],
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel time-panel" aria-labelledby="time-heading">
            <h2 id="time-heading">{move || t().time_heading}</h2>
            <div class="figures">
                <FigureCard
                    label=label(|t| t.days_to_purchase)
                    testid="out-days-to-purchase"
                    value=Signal::derive(move || view_data.with(|v| Ok(v.days)))
                    format=days
                />
                <FigureCard
                    label=label(|t| t.velocity)
                    testid="out-velocity"
                    value=Signal::derive(move || view_data.with(|v| v.velocity))
                    format=per_day
                />
                <FigureCard label=label(|t| t.breakeven) testid="out-breakeven-month" value=breakeven format=month />
            </div>
            <figure class="chart">
                <figcaption>{move || t().timeline_heading}</figcaption>
                <ChartCanvas
                    testid="chart-timeline"
                    label=Signal::derive(summary)
                    chart=chart
                    described_by="timeline-numbers"
                />
                <ChartNumbers
                    id="timeline-numbers"
                    testid="chart-timeline-table"
                    caption=Signal::derive(move || t().timeline_heading.to_string())
                    headers=vec![|t: &Texts| t.table_month, |t| t.timeline_customers, |t| t.timeline_spend, |t| t.timeline_margin]
                    rows=numbers
                />
            </figure>
            <p class="help">{move || t().velocity_note}</p>
            <p class="help">{move || t().time_help}</p>
        </section>
    }
}
