//! Sharing and files: a share link (the scenario in the URL fragment), JSON export and
//! import, results as CSV, print, and the entry to the comparison. Also the banner for a
//! scenario opened from a share link, and the start-up reading of such a link.

use leptos::prelude::*;

use crate::components::stage_row::{period_name, shown_stage_name};
use crate::components::traffic_panel::shown_source_name;
use crate::i18n::texts::fill;
use crate::i18n::Texts;
use crate::state::{use_app_state, AppState, NoticeKind};
use crate::storage::transfer::{results_csv, CsvLabels, CsvStyle};
use crate::views::View;

/// The results of the open scenario as CSV in the UI language's conventions.
pub fn current_csv(state: AppState) -> String {
    let lang = state.lang.get_untracked();
    let t = Texts::of(lang);
    // a decimal comma needs another column separator
    let decimal = lang.decimal_mark();
    let separator = if decimal == ',' { ';' } else { ',' };
    let names: Vec<String> =
        state.scenario.with_untracked(|s| (0..s.stages.len()).map(|i| shown_stage_name(s, i, lang)).collect());
    let sources: Vec<String> =
        state.scenario.with_untracked(|s| (0..s.sources.len()).map(|i| shown_source_name(&s.sources, i, t)).collect());
    let months = format!("{} ({})", t.payback, fill(t.months, &[("n", "")]).trim());
    let period = state.scenario.with_untracked(|s| period_name(t, s.period));
    let budget = fill(t.source_budget, &[("period", period)]);
    let labels = CsvLabels {
        stage: t.csv_stage,
        stage_columns: [t.table_entrants, t.stage_drop_off, t.stage_probability, t.stage_value, t.stage_cost],
        figure: t.csv_figure,
        value: t.csv_value,
        figures: [t.customers, t.overall_rate, t.revenue, t.cpl, t.cac, t.roas, t.ltv, t.ltv_cac, &months, t.roi],
        spend: t.figure_spend,
        source: t.csv_source,
        source_columns: [
            t.source_visitors,
            t.source_customers,
            t.source_revenue,
            t.source_cpv,
            t.source_cac,
            t.source_roas,
            &budget,
        ],
    };
    let number = &crate::i18n::format::raw;
    let retention: Vec<bool> =
        state.scenario.with_untracked(|s| (0..s.stages.len()).map(|i| s.is_after_purchase(i)).collect());
    state.forecast.with_untracked(|f| {
        results_csv(&names, &sources, f, &retention, &labels, &CsvStyle { separator, decimal, number })
    })
}

/// The buttons for sharing, files, print and comparison, and the share panel.
#[component]
pub fn ShareTools() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let share_open = RwSignal::new(false);
    let link = RwSignal::new(String::new());
    let copy_status = RwSignal::new(None::<&'static str>);
    let file_input = NodeRef::<leptos::html::Input>::new();

    // while the panel is open, the link follows every change of the scenario
    links::follow_share_link(state, false, move || share_open.get(), move |l| link.set(l.unwrap_or_default()));

    let export_one = move |_| {
        let (name, text) = state.scenario.with_untracked(|s| (s.name.clone(), crate::storage::transfer::export_one(s)));
        files::save(&format!("{}.json", crate::storage::transfer::file_stem(&name)), "application/json", &text);
    };
    let export_all = move |_| {
        let text = state.workspace.with_untracked(crate::storage::transfer::export_all);
        files::save("tragt-scenarios.json", "application/json", &text);
    };
    let export_csv = move |_| {
        let name = state.scenario.with_untracked(|s| s.name.clone());
        files::save(&format!("{}.csv", crate::storage::transfer::file_stem(&name)), "text/csv", &current_csv(state));
    };
    let print = move |_| {
        #[cfg(target_arch = "wasm32")]
        let _ = window().print();
    };
    view! {
        <section class="tools no-print" aria-label=move || t().tools_label>
            <div class="button-row">
                <button
                    type="button"
                    data-testid="share-open"
                    aria-expanded=move || share_open.get().to_string()
                    on:click=move |_| {
                        copy_status.set(None);
                        share_open.update(|o| *o = !*o);
                    }
                >
                    {move || t().share}
                </button>
                <button type="button" data-testid="export-json" on:click=export_one>
                    {move || t().export_json}
                </button>
                <button type="button" data-testid="export-all" on:click=export_all>
                    {move || t().export_all}
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        if let Some(input) = file_input.get() {
                            input.click();
                        }
                    }
                >
                    {move || t().import_json}
                </button>
                <input
                    type="file"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-hidden="true"
                    accept=".json,application/json"
                    data-testid="import-json"
                    node_ref=file_input
                    on:change=move |_| files::import_picked(state, file_input)
                />
                <button type="button" data-testid="export-csv" on:click=export_csv>
                    {move || t().export_csv}
                </button>
                <button type="button" data-testid="print" on:click=print>
                    {move || t().print}
                </button>
                <button
                    type="button"
                    data-testid="compare-open"
                    aria-expanded=move || (state.view.get() == Some(View::Compare)).to_string()
                    on:click=move |_| open_compare(state)
                >
                    {move || t().compare}
                </button>
            </div>
            <Show when=move || share_open.get()>
                <div class="share-panel">
                    <h2>{move || t().share_heading}</h2>
                    <p class="hint">{move || t().share_hint}</p>
                    <div class="share-row">
                        <label class="inline-field grow">
                            <span>{move || t().share_link}</span>
                            <input
                                type="text"
                                readonly
                                data-testid="share-url"
                                prop:value=move || link.get()
                                on:focus=move |ev| {
                                    #[cfg(target_arch = "wasm32")]
                                    {
                                        use wasm_bindgen::JsCast;
                                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                            input.select();
                                        }
                                    }
                                    #[cfg(not(target_arch = "wasm32"))]
                                    let _ = ev;
                                }
                            />
                        </label>
                        <button
                            type="button"
                            data-testid="share-copy"
                            disabled=move || link.with(String::is_empty)
                            on:click=move |_| links::copy(link.get_untracked(), copy_status)
                        >
                            {move || t().copy_link}
                        </button>
                        <button type="button" class="link" on:click=move |_| share_open.set(false)>
                            {move || t().close}
                        </button>
                    </div>
                    <p class="hint" role="status">
                        {move || match copy_status.get() {
                            Some("ok") => t().copied,
                            Some(_) => t().copy_failed,
                            None => "",
                        }}
                    </p>
                </div>
            </Show>
        </section>
    }
}

/// The banner over a scenario opened from a share link: save it, or close it.
#[component]
pub fn SharedBanner() -> impl IntoView {
    let state = use_app_state();
    let t = move || state.t();
    let name = move || {
        let id = state.shared.get()?;
        state.workspace.with(|w| w.scenarios().iter().find(|s| s.id == id).map(|s| s.name.clone()))
    };
    let save = move |_| {
        let Some(name) = name() else { return };
        state.shared.set(None);
        links::forget_fragment();
        state.notify(NoticeKind::SharedSaved { name }, None);
    };
    let discard = move |_| {
        let Some(id) = state.shared.get_untracked() else { return };
        let template = state.scenario.with_untracked(|s| s.template);
        let fresh = state.fresh_scenario(template);
        state.update_workspace(|w| {
            *w = w.without(&id).unwrap_or_else(|| crate::calc::Workspace::new(fresh));
        });
        state.shared.set(None);
        links::forget_fragment();
    };
    view! {
        {move || {
            name()
                .map(|name| {
                    view! {
                        <div class="shared-banner no-print" role="region" aria-label=move || t().share_heading>
                            <p>{move || fill(t().shared_banner, &[("name", &name)])}</p>
                            <div class="button-row">
                                <button type="button" class="primary" data-testid="share-save" on:click=save>
                                    {move || t().shared_save}
                                </button>
                                <button type="button" data-testid="share-discard" on:click=discard>
                                    {move || t().shared_discard}
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
    }
}

/// Opens the share link in the URL, now and whenever the fragment changes.
pub fn use_share_links(state: AppState) {
    #[cfg(target_arch = "wasm32")]
    {
        links::open_from_url(state);
        let listener = window_event_listener(leptos::ev::hashchange, move |_| links::open_from_url(state));
        on_cleanup(move || listener.remove());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = state;
}

/// Browser glue for links (wasm), and inert stand-ins elsewhere.
pub mod links {
    use leptos::prelude::*;

    #[cfg(target_arch = "wasm32")]
    use crate::state::{new_id, AppState, NoticeKind};

    /// URL parameters that only make sense inside an embed; links to the full app drop them.
    pub const EMBED_PARAMS: [&str; 9] =
        ["embed", "accent", "logo", "cta_text", "cta_url", "cta_summary", "storage", "ns", "template"];

    /// This page's address without the fragment; `full` also drops the embed parameters.
    pub fn base_url(full: bool) -> String {
        #[cfg(target_arch = "wasm32")]
        {
            let href = window().location().href().unwrap_or_default();
            let Ok(url) = web_sys::Url::new(&href) else { return href };
            url.set_hash("");
            if full {
                let params = url.search_params();
                for name in EMBED_PARAMS {
                    params.delete(name);
                }
                url.set_search(&params.to_string().as_string().unwrap_or_default());
            }
            let text: String = url.href();
            text.trim_end_matches('#').to_string()
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = full;
            String::new()
        }
    }

    /// Keeps a share link to the open scenario up to date while `active()` holds: `set`
    /// gets the link (to this page, or with `full` to the full app), or `None` where the
    /// browser cannot compress. Compressing is asynchronous; a result overtaken by a newer
    /// edit is dropped.
    pub fn follow_share_link(
        state: crate::state::AppState,
        full: bool,
        active: impl Fn() -> bool + 'static,
        set: impl Fn(Option<String>) + Copy + 'static,
    ) {
        #[cfg(target_arch = "wasm32")]
        {
            let generation = StoredValue::new(0u64);
            // outside world: the browser's CompressionStream, for the link of each version
            Effect::new(move |_| {
                if !active() {
                    return;
                }
                let scenario = state.scenario.get();
                let mine = generation.get_value() + 1;
                generation.set_value(mine);
                leptos::task::spawn_local(async move {
                    let payload = crate::storage::compress::share_payload(&scenario).await;
                    if generation.get_value() == mine {
                        set(payload.map(|p| format!("{}#s={p}", base_url(full))));
                    }
                });
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (state, full, active, set);
    }

    /// Removes the share fragment from the address bar (no navigation, no history entry).
    pub fn forget_fragment() {
        #[cfg(target_arch = "wasm32")]
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&base_url(false)));
        }
    }

    /// Copies `text` to the clipboard; `status` becomes "ok" or "failed".
    pub fn copy(text: String, status: RwSignal<Option<&'static str>>) {
        #[cfg(target_arch = "wasm32")]
        leptos::task::spawn_local(async move {
            let promise = window().navigator().clipboard().write_text(&text);
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            status.set(Some(if ok { "ok" } else { "failed" }));
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (text, status);
    }

    /// Reads a share link from the URL fragment, if there is one, and opens it as an
    /// unsaved scenario; a link that cannot be opened becomes a notice.
    #[cfg(target_arch = "wasm32")]
    pub fn open_from_url(state: AppState) {
        let location = window().location();
        let hash = location.hash().unwrap_or_default();
        let Some(payload) = crate::storage::share::fragment_payload(&hash).map(str::to_string) else { return };
        let link_len = location.href().map(|h| h.len()).unwrap_or(usize::MAX);
        leptos::task::spawn_local(async move {
            match crate::storage::compress::open_payload(&payload, link_len).await {
                Ok(mut scenario) => {
                    let old = state.shared.get_untracked();
                    let id = new_id();
                    state.update_workspace(|w| {
                        if let Some(rest) = old.as_deref().and_then(|old| w.without(old)) {
                            *w = rest;
                        }
                        scenario.name = w.unique_name(&scenario.name);
                        scenario.id = id.clone();
                        w.add(scenario);
                    });
                    state.shared.set(Some(id));
                }
                Err(error) => {
                    forget_fragment();
                    state.notify(NoticeKind::ShareFailed(error), None);
                }
            }
        });
    }
}

/// Browser glue for files (wasm), and inert stand-ins elsewhere.
mod files {
    use leptos::prelude::*;

    use crate::state::AppState;

    /// Offers a download; a browser that refuses is not worth a message (nothing is lost).
    pub fn save(name: &str, mime: &str, text: &str) {
        #[cfg(target_arch = "wasm32")]
        let _ = crate::storage::files::download(name, mime, text);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (name, mime, text);
    }

    /// Imports the file picked in `input`, then clears the input so the same file can be
    /// picked again.
    pub fn import_picked(state: AppState, input: NodeRef<leptos::html::Input>) {
        #[cfg(target_arch = "wasm32")]
        {
            use crate::state::{new_id, NoticeKind};
            use crate::storage::transfer::{import_into, ImportProblem, MAX_IMPORT_BYTES};
            let Some(el) = input.get_untracked() else { return };
            let Some(file) = el.files().and_then(|list| list.get(0)) else { return };
            el.set_value("");
            leptos::task::spawn_local(async move {
                let name = file.name();
                let text = match crate::storage::files::read_text(&file, MAX_IMPORT_BYTES).await {
                    Ok(Some(text)) => Ok(text),
                    Ok(None) => Err(ImportProblem::TooLarge),
                    Err(_) => Err(ImportProblem::Unreadable),
                };
                let mut workspace = state.workspace.get_untracked();
                match text.and_then(|text| import_into(&mut workspace, &text, new_id)) {
                    Ok(n) => {
                        state.set_workspace(workspace);
                        state.notify(NoticeKind::Imported(n), None);
                    }
                    Err(problem) => state.notify(NoticeKind::ImportFailed { file: name, problem }, None),
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (state, input);
    }
}

/// The tools' "Compare" button: opens the comparison (or closes it when open) and brings
/// its view into sight.
fn open_compare(state: AppState) {
    if state.view.get_untracked() == Some(View::Compare) {
        state.open_view(None);
        return;
    }
    state.open_view(Some(View::Compare));
    request_animation_frame(|| {
        let panel = document().get_element_by_id(&crate::components::analysis_views::panel_id(View::Compare));
        if let Some(panel) = panel {
            panel.scroll_into_view();
        }
    });
}
