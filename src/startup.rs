//! What the page starts with: the URL parameters (language, template, embed, storage
//! namespace), the browser's languages, and the saved scenarios, read once before the app
//! mounts. Loading problems become the notices shown at start.

#[cfg(target_arch = "wasm32")]
use leptos::prelude::window;

use crate::calc::{Scenario, TemplateId, Workspace};
use crate::embed::EmbedConfig;
use crate::i18n::Lang;
use crate::state::{new_id, NoticeKind};
use crate::storage::Keys;

/// What the app starts with.
pub struct Startup {
    /// UI language.
    pub lang: Lang,
    /// Saved scenarios, or a first scenario.
    pub workspace: Workspace,
    /// Storage keys.
    pub keys: Keys,
    /// Notices to show at once.
    pub notices: Vec<NoticeKind>,
    /// Whether storage may be written.
    pub can_save: bool,
    /// The embed configuration when the page runs as an embed (`?embed=1`).
    pub embed: Option<EmbedConfig>,
    /// The visitor's page preferences.
    pub prefs: crate::storage::Prefs,
    /// The analysis view to open on load (`?view=`).
    pub view: Option<crate::views::View>,
}

/// A first scenario from a template, named in `lang`.
pub fn first_workspace(lang: Lang, template: TemplateId) -> Workspace {
    let name = lang.template(template).name.to_string();
    Workspace::new(Scenario::from_template(new_id(), name, template, lang.default_currency()))
}

/// Reads the URL, the browser's languages and localStorage.
#[cfg(target_arch = "wasm32")]
pub fn startup() -> Startup {
    use crate::storage::browser::{self, LoadOutcome, StorageIssue};

    let page = Page::read();
    let embed = (page.param("embed").as_deref() == Some("1")).then(|| {
        let (config, warnings) = crate::embed::parse(|name| page.param(name));
        for warning in warnings {
            leptos::logging::warn!("{warning}");
        }
        config
    });
    let keys = page.keys();
    let mut notices = Vec::new();
    let mut can_save = true;
    let probe =
        if keys.area == crate::storage::Area::Off { Err(StorageIssue::Unavailable) } else { browser::probe(&keys) };
    let lang = page.lang(&keys);
    let loaded = match probe {
        Err(StorageIssue::Unavailable) if keys.area == crate::storage::Area::Off => {
            // the embedding site asked for nothing to be stored: no notice, nothing read
            can_save = false;
            None
        }
        Err(StorageIssue::Unavailable) => {
            can_save = false;
            notices.push(NoticeKind::StorageUnavailable);
            None
        }
        Err(StorageIssue::Full) | Ok(()) => {
            if probe.is_err() {
                notices.push(NoticeKind::StorageFull);
            }
            match browser::load(&keys, js_sys::Date::now() as u64) {
                Ok(LoadOutcome::Empty) => None,
                Ok(LoadOutcome::Loaded(loaded)) => {
                    if loaded.repaired > 0 {
                        notices.push(NoticeKind::Repaired(loaded.repaired));
                    }
                    Some(loaded.workspace)
                }
                Ok(LoadOutcome::Newer { .. }) => {
                    // a newer version's scenarios: this one can neither read nor overwrite them
                    can_save = false;
                    notices.push(NoticeKind::Future);
                    None
                }
                Ok(LoadOutcome::MovedAside { backup, .. }) => {
                    notices.push(NoticeKind::Corrupt { backup });
                    None
                }
                Ok(LoadOutcome::Unreadable { .. }) => {
                    // could not copy the bytes aside: never overwrite them
                    can_save = false;
                    notices.push(NoticeKind::Corrupt { backup: keys.store() });
                    None
                }
                Err(_) => {
                    can_save = false;
                    notices.push(NoticeKind::StorageUnavailable);
                    None
                }
            }
        }
    };
    let template = page.param("template").and_then(|t| TemplateId::from_id(&t)).unwrap_or_default();
    let workspace = loaded.unwrap_or_else(|| first_workspace(lang, template));
    let prefs = browser::load_prefs(&keys);
    let (view, warning) = crate::views::parse_view(page.param("view").as_deref());
    if let Some(warning) = warning {
        leptos::logging::warn!("{warning}");
    }
    Startup { lang, workspace, keys, notices, can_save, embed, prefs, view }
}

/// What the page's address and the browser tell at start: the URL parameters and the
/// browser's preferred languages.
#[cfg(target_arch = "wasm32")]
struct Page {
    params: Option<web_sys::UrlSearchParams>,
    languages: Vec<String>,
}

#[cfg(target_arch = "wasm32")]
impl Page {
    fn read() -> Page {
        let window = window();
        let params = window.location().search().ok().and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok());
        let languages = window.navigator().languages().iter().filter_map(|v| v.as_string()).collect();
        Page { params, languages }
    }

    fn param(&self, name: &str) -> Option<String> {
        self.params.as_ref().and_then(|p| p.get(name))
    }

    /// The storage keys the URL asks for (`ns`, `storage`).
    fn keys(&self) -> Keys {
        let mut keys = self.param("ns").map(|ns| Keys::namespaced(&ns)).unwrap_or_default();
        keys.area = crate::storage::Area::from_param(self.param("storage").as_deref());
        keys
    }

    /// `?lang=`, else the choice saved under `keys`, else the browser's languages.
    fn lang(&self, keys: &Keys) -> Lang {
        let saved = crate::storage::browser::load_lang(keys);
        Lang::choose(self.param("lang").as_deref(), saved.as_deref(), &self.languages)
    }
}

/// The language [`startup`] will choose, read the same way, without reading the saved
/// scenarios: the browser build fetches its texts before starting.
#[cfg(target_arch = "wasm32")]
pub fn startup_language() -> Lang {
    let page = Page::read();
    page.lang(&page.keys())
}

/// Off the browser there is nothing to read: English and the default template.
#[cfg(not(target_arch = "wasm32"))]
pub fn startup() -> Startup {
    Startup {
        lang: Lang::En,
        workspace: first_workspace(Lang::En, TemplateId::default()),
        keys: Keys::default(),
        notices: Vec::new(),
        can_save: false,
        embed: None,
        prefs: crate::storage::Prefs::default(),
        view: None,
    }
}
