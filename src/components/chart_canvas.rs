//! A chart on a `<canvas>`, drawn from the shapes of a pure layout (the funnel's, or one of
//! [`crate::chart::plots`]).
//! Its width comes from a ResizeObserver and its colours are read when it is first
//! measured and again when the visitor's colour scheme changes (light/dark), so an edit never
//! makes the browser compute the page's layout or style: it only re-runs the layout and
//! repaints. Its accessible name carries the same figures as text.

use leptos::prelude::*;

use crate::chart::funnel::Shape;
use crate::chart::Palette;

/// A canvas chart, redrawn when the signals its layout reads change, when its height
/// changes and when its width changes (window resize, rotation).
#[component]
pub fn ChartCanvas(
    /// The canvas's `data-testid`.
    testid: &'static str,
    /// Accessible name: the chart's figures as text.
    #[prop(into)]
    label: Signal<String>,
    /// Height in CSS pixels.
    #[prop(into)]
    height: Signal<u32>,
    /// Lays the chart out for (width in device pixels, device pixel ratio, colours). The
    /// signals it reads are tracked: a change redraws the chart.
    #[prop(into)]
    draw: Callback<(u32, f64, Palette), Vec<Shape>>,
    /// The height in CSS pixels for a CSS width, for a chart whose height follows its width
    /// (it then overrides `height`).
    #[prop(optional)]
    height_for: Option<fn(f64) -> u32>,
    /// The id of an element (a table) that holds the chart's numbers, when the accessible
    /// name alone cannot carry them all.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();

    #[cfg(target_arch = "wasm32")]
    {
        use crate::chart::canvas;
        use wasm_bindgen::prelude::*;

        // the canvas's CSS width, kept by a ResizeObserver (0 until first measured), and
        // its colours, read once
        let width = RwSignal::new(0.0f64);
        let palette = StoredValue::new(Palette::default());
        // a change of colour scheme: read the colours again and redraw
        let scheme = scheme_changes();
        Effect::new(move |previous: Option<u32>| {
            let generation = scheme.get();
            if previous.is_some_and(|p| p != generation) {
                if let Some(el) = canvas_ref.get_untracked() {
                    palette.set_value(canvas::palette(&el));
                    width.update(|_| {});
                }
            }
            generation
        });
        Effect::new(move |_| {
            let css_width = width.get();
            let css_height = height_for.map_or_else(|| height.get(), |f| f(css_width.max(200.0)));
            // until the first measurement (right after the first layout, before paint)
            // there is nothing to draw on; the effect runs again once it arrives
            if let (Some(el), true) = (canvas_ref.get_untracked(), css_width > 0.0) {
                canvas::render_shapes(&el, css_width, css_height, |w, dpr| draw.run((w, dpr, palette.get_value())));
            }
        });
        canvas_ref.on_load(move |el| {
            let target = el.clone();
            let on_resize = Closure::<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>::new(
                move |entries: js_sys::Array, observer: web_sys::ResizeObserver| {
                    let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else { return };
                    let new_width = entry.content_rect().width().round();
                    // once the chart is gone, its state is disposed: stop observing
                    let Some(old_width) = width.try_get_untracked() else {
                        observer.disconnect();
                        return;
                    };
                    if new_width > 0.0 && new_width != old_width {
                        if old_width == 0.0 {
                            palette.set_value(canvas::palette(&target));
                        }
                        // the effect redraws in a microtask, still before the frame is painted
                        width.set(new_width);
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
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (height, draw, height_for);

    view! { <canvas node_ref=canvas_ref data-testid=testid role="img" aria-label=move || label.get() aria-describedby=described_by></canvas> }
}

/// Counts changes of `prefers-color-scheme` (one listener for the whole page, added on first
/// use); charts track it to repaint in the new colours.
#[cfg(target_arch = "wasm32")]
fn scheme_changes() -> ArcRwSignal<u32> {
    use wasm_bindgen::prelude::*;
    thread_local! {
        static CHANGES: ArcRwSignal<u32> = {
            let changes = ArcRwSignal::new(0u32);
            let query = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
            if let Some(query) = query {
                let bump = changes.clone();
                let on_change = Closure::<dyn FnMut()>::new(move || bump.update(|n| *n = n.wrapping_add(1)));
                let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
                // the page's own listener: it lives as long as the page
                on_change.forget();
            }
            changes
        };
    }
    CHANGES.with(ArcRwSignal::clone)
}
