//! The funnel chart on a `<canvas>`: redrawn whenever the figures, names or language
//! change, and when its width changes (window resize, rotation); pointing at a stage reads
//! out its people. Its accessible name carries the same numbers as text.

use leptos::prelude::*;

use crate::chart::{Chart, FunnelBar, Kind, Marker};
use crate::components::chart_canvas::Numbers;
use crate::components::stage_row::shown_stage_name;
use crate::components::ChartCanvas;
use crate::i18n::format;
use crate::state::{use_app_state, ScenarioFields};

/// The funnel chart.
#[component]
pub fn FunnelChart() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    // a journey hides the chart (`.funnel-only`): it then keeps its bars, so an edit lays out
    // and formats none of them (nor its name) until it shows again
    let journey = Memo::new(move |_| state.scenario.mode().get() == crate::calc::Mode::Journey);
    let bars = Memo::new(move |was: Option<&Vec<FunnelBar>>| {
        if let (true, Some(was)) = (journey.get(), was) {
            return was.clone();
        }
        let lang = state.lang.get();
        state.scenario.with(|s| {
            state.forecast.with(|f| {
                let widest = f.stages.iter().map(|st| st.entrants).fold(0.0, f64::max);
                let purchase = s.index_of(s.purchase).unwrap_or(s.stages.len() - 1);
                let lead = s.index_of(s.lead).unwrap_or(0);
                s.stages
                    .iter()
                    .zip(&f.stages)
                    .enumerate()
                    .map(|(i, (stage, figures))| {
                        let name = shown_stage_name(s, i, lang);
                        let count = format::count(lang, figures.entrants);
                        let figures_text = if i == 0 {
                            count
                        } else {
                            format!("{count} · {}", format::percent(lang, stage.rate.get()))
                        };
                        FunnelBar {
                            label: format!("{}. {name}", i + 1),
                            figures: figures_text,
                            share: if widest > 0.0 { figures.entrants / widest } else { 0.0 },
                            people: figures.entrants,
                            marker: if i == purchase {
                                Marker::Purchase
                            } else if i > purchase {
                                Marker::After
                            } else if i == lead {
                                Marker::Lead
                            } else {
                                Marker::None
                            },
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let summary = move || {
        let body =
            bars.with(|b| b.iter().map(|b| format!("{}: {}", b.label, b.figures)).collect::<Vec<_>>().join("; "));
        format!("{}. {body}", t().chart_label)
    };

    let chart = Callback::new(move |()| {
        let fmt = Numbers::shared(state.lang.get(), state.currency.get());
        Chart::new(Kind::Funnel(bars.get()), fmt)
    });

    view! {
        <figure class="chart">
            <figcaption>{move || t().chart_heading}</figcaption>
            <ChartCanvas testid="chart-funnel" label=Signal::derive(summary) chart=chart />
            <p class="help">{move || t().chart_scale_note}</p>
        </figure>
    }
}
