//! The funnel chart on a `<canvas>`: redrawn whenever the figures, names or language
//! change, and when its width changes (window resize, rotation). Its accessible name
//! carries the same numbers as text.

use leptos::prelude::*;

use crate::chart::{FunnelBar, Marker};
use crate::components::stage_row::shown_stage_name;
use crate::i18n::format;
use crate::state::use_app_state;

/// The funnel chart.
#[component]
pub fn FunnelChart() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let bars = Memo::new(move |_| {
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

    #[cfg(target_arch = "wasm32")]
    {
        use crate::chart::{canvas, Palette};
        use wasm_bindgen::prelude::*;

        // the canvas's CSS width, kept by a ResizeObserver (0 until first measured), and
        // its colours, read once: neither is read on the edit path
        let width = StoredValue::new(0.0f64);
        let palette = StoredValue::new(Palette::default());
        Effect::new(move |_| {
            let bars = bars.get();
            // until the ResizeObserver has reported the first width (right after the
            // first layout, before paint) there is nothing to draw on
            if let (Some(el), true) = (canvas_ref.get(), width.get_value() > 0.0) {
                canvas::render(&el, &bars, width.get_value(), &palette.get_value());
            }
        });
        canvas_ref.on_load(move |el| {
            let target = el.clone();
            let on_resize = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(
                move |entries: js_sys::Array, observer: web_sys::ResizeObserver| {
                    let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else { return };
                    let new_width = entry.content_rect().width().round();
                    // once the chart is gone, its state is disposed: stop observing
                    let Some(old_width) = width.try_get_value() else {
                        observer.disconnect();
                        return;
                    };
                    if new_width > 0.0 && new_width != old_width {
                        if old_width == 0.0 {
                            palette.set_value(canvas::palette(&target));
                        }
                        width.set_value(new_width);
                        let _ =
                            bars.try_with_untracked(|b| canvas::render(&target, b, new_width, &palette.get_value()));
                    }
                },
            );
            if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                observer.observe(&el);
            }
            // the observer disconnects itself once the chart is unmounted
            on_resize.forget();
        });
    }

    view! {
        <figure class="chart">
            <figcaption>{move || t().chart_heading}</figcaption>
            <canvas node_ref=canvas_ref data-testid="chart-funnel" role="img" aria-label=summary></canvas>
            <p class="help">{move || t().chart_scale_note}</p>
        </figure>
    }
}
