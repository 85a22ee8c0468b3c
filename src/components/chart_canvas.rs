//! A chart on a `<canvas>`, drawn through plotters (see [`crate::chart`]), with a readout
//! of the datum under the pointer.
//! Its width comes from a ResizeObserver and its colours are read when it is first
//! measured and again when the visitor's colour scheme changes (light/dark), so an edit never
//! makes the browser compute the page's layout or style: it only draws again. Its accessible
//! name carries the same figures as text; the readout is for the eye only (the figures are
//! in the name or the describing table).

use leptos::prelude::*;

use crate::chart::{Chart, HitMap, Palette};

/// Where the pointer is on a chart: the datum under it and the pointer's place in CSS
/// pixels from the canvas's top left.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Pointer {
    index: usize,
    x: f64,
    y: f64,
}

/// A chart's width on paper, in CSS pixels: 170 mm, inside an A4 page's margins
/// (`@media print` in style/main.css gives the canvas this width).
pub const PRINT_WIDTH: f64 = 642.0;

/// A canvas chart, redrawn when the signals `chart` reads change and when its width
/// changes (window resize, rotation); its height follows the chart.
#[component]
pub fn ChartCanvas(
    /// The canvas's `data-testid`.
    testid: &'static str,
    /// Accessible name: the chart's figures as text.
    #[prop(into)]
    label: Signal<String>,
    /// The chart to draw. The signals it reads are tracked: a change redraws the chart.
    #[prop(into)]
    chart: Callback<(), Chart>,
    /// The id of an element (a table) that holds the chart's numbers, when the accessible
    /// name alone cannot carry them all.
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    // the chart as last drawn, where its data are and its device pixels per CSS pixel
    let drawn = RwSignal::new(None::<Chart>);
    let hits = StoredValue::new((HitMap::default(), 1.0f64));
    let pointer = RwSignal::new(None::<Pointer>);
    // the canvas's CSS width, kept by a ResizeObserver (0 until first measured)
    let width = RwSignal::new(0.0f64);

    #[cfg(target_arch = "wasm32")]
    {
        use crate::chart::canvas;
        use wasm_bindgen::prelude::*;

        // its colours, read when first measured and when the colour scheme changes
        let palette = StoredValue::new(Palette::default());
        let scheme = scheme_changes();
        // outside world: the canvas, drawn when the data, its width or the colour scheme change
        Effect::new(move |seen: Option<u32>| {
            let generation = scheme.get();
            let css_width = width.get();
            let chart = chart.run(());
            // until the first measurement (right after the first layout, before paint)
            // there is nothing to draw on; the effect runs again once it arrives
            if let (Some(el), true) = (canvas_ref.get_untracked(), css_width > 0.0) {
                if seen.is_some_and(|g| g != generation) {
                    palette.set_value(canvas::palette(&el));
                }
                hits.set_value(canvas::render(&el, css_width, &chart, &palette.get_value()));
                drawn.set(Some(chart));
            }
            generation
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
        // on paper a chart is drawn at its printed width (style/main.css), not stretched from
        // the screen's; the observer brings the screen's width back afterwards
        let printing = window_event_listener(leptos::ev::beforeprint, move |_| {
            if width.try_get_untracked().is_some_and(|w| w > 0.0) {
                width.set(PRINT_WIDTH);
            }
        });
        let printed = window_event_listener(leptos::ev::afterprint, move |_| {
            if let Some(el) = canvas_ref.get_untracked() {
                let _ = width.try_set(f64::from(el.client_width()));
            }
        });
        on_cleanup(move || {
            printing.remove();
            printed.remove();
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (chart, Palette::default());

    // the pointer (mouse, pen or finger) over the canvas: which datum is under it
    let point = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let index = hits.with_value(|(map, scale)| map.hit((x * scale).round() as i32, (y * scale).round() as i32));
        pointer.set(index.map(|index| Pointer { index, x, y }));
    };
    let readout = move || {
        let index = pointer.with(|p| p.map(|p| p.index))?;
        drawn.with(|c| c.as_ref().and_then(|c| c.readout(index)))
    };
    let place =
        move |pick: fn(&Pointer) -> f64| move || format!("{}px", pointer.with(|p| p.map_or(0.0, |p| pick(&p))).round());

    view! {
        <div class="chart-frame">
            <canvas
                node_ref=canvas_ref
                data-testid=testid
                role="img"
                aria-label=move || label.get()
                aria-describedby=described_by
                on:pointermove=point
                on:pointerdown=point
                on:pointerleave=move |_| pointer.set(None)
            ></canvas>
            <Show when=move || readout().is_some()>
                <div
                    class="chart-tooltip"
                    class:flip=move || pointer.with(|p| p.is_some_and(|p| p.x > width.get() / 2.0))
                    data-testid="chart-tooltip"
                    aria-hidden="true"
                    data-value=move || readout().map(|r| crate::i18n::format::raw(r.value)).unwrap_or_default()
                    style:left=place(|p| p.x)
                    style:top=place(|p| p.y)
                >
                    <strong>{move || readout().map(|r| r.title).unwrap_or_default()}</strong>
                    {move || {
                        readout()
                            .map(|r| r.lines)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|line| view! { <span>{line}</span> })
                            .collect_view()
                    }}
                </div>
            </Show>
        </div>
    }
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

/// The visitor's number formats for a chart's axes and readouts: the UI language's, with
/// the scenario's currency.
#[derive(Clone, Copy, Debug)]
pub struct Numbers {
    /// The UI language.
    pub lang: crate::i18n::Lang,
    /// The money's currency.
    pub currency: crate::calc::Currency,
}

impl Numbers {
    /// The formats of `lang` and `currency`, shared.
    pub fn shared(lang: crate::i18n::Lang, currency: crate::calc::Currency) -> crate::chart::SharedFmt {
        std::sync::Arc::new(Numbers { lang, currency })
    }
}

impl crate::chart::Fmt for Numbers {
    fn count(&self, v: f64) -> String {
        crate::i18n::format::count(self.lang, v)
    }
    fn money(&self, v: f64) -> String {
        crate::i18n::format::money(self.lang, self.currency, v)
    }
    fn percent(&self, v: f64) -> String {
        crate::i18n::format::percent(self.lang, v)
    }
    fn unit(&self) -> String {
        // the money format without its number: "0 kr." → "kr.", "€0" → "€"
        let zero = crate::i18n::format::money(self.lang, self.currency, 0.0);
        let unit = zero.trim_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == ',' || c == '.');
        let unit = if zero.ends_with('.') && !unit.ends_with('.') { format!("{unit}.") } else { unit.to_string() };
        if unit.is_empty() {
            self.currency.code().to_string()
        } else {
            unit
        }
    }
}
