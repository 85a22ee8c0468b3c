//! The embed configuration: what an agency sets in the iframe's URL (`?embed=1&accent=…`).
//! Every value is untrusted: each is checked here and dropped, with a warning, if it is
//! not what it should be. Nothing from the URL is ever inserted as markup or CSS text.
//!
//! Pure: parameter values in, a configuration and warnings out.

/// The longest URL accepted for `logo` and `cta_url`.
pub const MAX_URL_CHARS: usize = 2048;
/// The longest call-to-action text shown.
pub const MAX_CTA_CHARS: usize = 60;

/// How much of the app an embed shows (`layout=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// The stages (people and rate), the headline figures, the funnel chart and the call
    /// to action: the agency's choices (model, language) are fixed by the snippet.
    Compact,
    /// The whole app, without the full page's intro and tools (the embed before layouts).
    #[default]
    Full,
}

/// A validated embed configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedConfig {
    /// How much of the app is shown.
    pub layout: Layout,
    /// The analysis views the snippet adds (`sections=`), to the full layout's leaks and goal.
    pub sections: Vec<crate::views::View>,
    /// A CSS colour for buttons and highlights (syntax-checked here; the browser's
    /// `CSS.supports` has the last word).
    pub accent: Option<String>,
    /// Text colour on the accent: dark on light accents, white otherwise.
    pub accent_text: Option<&'static str>,
    /// A logo image: an https URL or a same-origin relative path.
    pub logo: Option<String>,
    /// Call-to-action text (plain text; `None` means the default text).
    pub cta_text: Option<String>,
    /// Call-to-action address (http or https).
    pub cta_url: Option<String>,
    /// Whether the call-to-action URL carries a summary of the visitor's funnel.
    pub cta_summary: bool,
}

impl EmbedConfig {
    /// The analysis views the embed offers: the full layout's leaks and goal, and the
    /// sections the snippet adds.
    pub fn offered(&self) -> crate::views::Offered {
        use crate::views::{Offered, View};
        let base: &[View] = match self.layout {
            Layout::Compact => &[],
            Layout::Full => &[View::Leaks, View::Goal],
        };
        Offered::only(&[base, &self.sections].concat())
    }
}

/// Reads the configuration from URL parameters (`param(name)` gives a value); returns
/// the warnings for values that were ignored.
pub fn parse(param: impl Fn(&str) -> Option<String>) -> (EmbedConfig, Vec<String>) {
    let mut warnings = Vec::new();
    let mut config = EmbedConfig::default();
    if let Some(accent) = param("accent") {
        if is_css_colour(&accent) {
            config.accent_text = Some(text_on(&accent));
            config.accent = Some(accent);
        } else {
            warnings.push(format!("Tragt: accent ignored, not a CSS colour: “{}”", clip(&accent)));
        }
    }
    if let Some(logo) = param("logo") {
        if is_logo_url(&logo) {
            config.logo = Some(logo);
        } else {
            warnings.push(format!("Tragt: logo ignored, use an https URL or a same-origin path: “{}”", clip(&logo)));
        }
    }
    if let Some(url) = param("cta_url") {
        if is_web_url(&url) {
            config.cta_url = Some(url);
        } else {
            warnings.push(format!("Tragt: cta_url ignored, use an http(s) URL: “{}”", clip(&url)));
        }
    }
    config.cta_text = param("cta_text")
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(MAX_CTA_CHARS).collect());
    config.cta_summary = param("cta_summary").as_deref() == Some("1");
    match param("layout").as_deref() {
        None | Some("full") => {}
        Some("compact") => config.layout = Layout::Compact,
        Some(other) => warnings.push(format!("Tragt: layout ignored, use compact or full: “{}”", clip(other))),
    }
    if let Some(sections) = param("sections") {
        let (views, ignored) = crate::views::parse_sections(&sections);
        config.sections = views;
        warnings.extend(ignored);
    }
    (config, warnings)
}

fn clip(s: &str) -> String {
    s.chars().take(80).collect()
}

/// `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, a colour keyword, or `rgb()`/`rgba()`/`hsl()`/
/// `hsla()` of numbers. Nothing else: no `url()`, no `;`, no `var()`, no `expression`.
///
/// ```
/// use tragt::embed::is_css_colour;
/// assert!(is_css_colour("#0f7b5f") && is_css_colour("rebeccapurple") && is_css_colour("rgb(10, 20, 30)"));
/// assert!(!is_css_colour("red; background:url(x)") && !is_css_colour("#12345"));
/// ```
pub fn is_css_colour(value: &str) -> bool {
    let v = value.trim();
    if let Some(hex) = v.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    if (3..=20).contains(&v.len()) && v.chars().all(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    for f in ["rgb(", "rgba(", "hsl(", "hsla("] {
        if let Some(inner) = v.strip_prefix(f).and_then(|rest| rest.strip_suffix(')')) {
            return !inner.trim().is_empty()
                && inner
                    .chars()
                    .all(|c| c.is_ascii_digit() || " .,%/-".contains(c) || c == 'd' || c == 'e' || c == 'g');
        }
    }
    false
}

/// Black or white text on a hex accent, whichever contrasts more (WCAG relative
/// luminance); white for other notations.
///
/// ```
/// use tragt::embed::text_on;
/// assert_eq!(text_on("#ffd700"), "#111111"); // gold: dark text
/// assert_eq!(text_on("#0f7b5f"), "#ffffff");
/// ```
pub fn text_on(colour: &str) -> &'static str {
    let Some(hex) = colour.trim().strip_prefix('#') else { return "#ffffff" };
    let digits: Vec<u32> = hex.chars().filter_map(|c| c.to_digit(16)).collect();
    let rgb = match digits.len() {
        3 | 4 => [digits[0] * 17, digits[1] * 17, digits[2] * 17],
        6 | 8 => [digits[0] * 16 + digits[1], digits[2] * 16 + digits[3], digits[4] * 16 + digits[5]],
        _ => return "#ffffff",
    };
    let lin = |c: u32| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
    // contrast with white (1.05 / (l + 0.05)) against contrast with near-black
    if 1.05 / (l + 0.05) >= (l + 0.05) / 0.0557 {
        "#ffffff"
    } else {
        "#111111"
    }
}

fn plain_url(value: &str) -> bool {
    !value.is_empty()
        && value.chars().count() <= MAX_URL_CHARS
        && !value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'))
}

/// An absolute `http:` or `https:` URL.
///
/// ```
/// use tragt::embed::is_web_url;
/// assert!(is_web_url("https://agency.example/book?x=1"));
/// assert!(!is_web_url("javascript:alert(1)") && !is_web_url("//evil.example") && !is_web_url("https://"));
/// ```
pub fn is_web_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    plain_url(value) && rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
}

/// An `https:` URL, or a path on this site (`logo.svg`, `./img/logo.png`, `/brand/logo.png`).
///
/// ```
/// use tragt::embed::is_logo_url;
/// assert!(is_logo_url("https://agency.example/logo.svg") && is_logo_url("img/logo.png") && is_logo_url("/logo.png"));
/// assert!(!is_logo_url("http://agency.example/logo.svg") && !is_logo_url("data:image/svg+xml,<svg>"));
/// assert!(!is_logo_url("//evil.example/x.png") && !is_logo_url("javascript:alert(1)"));
/// ```
pub fn is_logo_url(value: &str) -> bool {
    if !plain_url(value) {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://") {
        return !rest.is_empty() && !rest.starts_with('/');
    }
    // relative: no scheme before the first '/', '?' or '#', and not protocol-relative
    let head = lower.split(['/', '?', '#']).next().unwrap_or_default();
    !lower.starts_with("//") && !head.contains(':')
}

/// The query parameters a call-to-action URL carries with `cta_summary=1`: a few plain
/// figures of the visitor's funnel, rounded to cents and written by `number` (no names,
/// nothing the visitor typed as text).
pub fn summary_params(
    customers: f64,
    revenue: f64,
    cac: Option<f64>,
    ltv: f64,
    currency: &str,
    template: &str,
    number: &dyn Fn(f64) -> String,
) -> Vec<(&'static str, String)> {
    let round = |v: f64| if v.is_finite() { number((v * 100.0).round() / 100.0) } else { String::new() };
    let mut out = vec![
        ("tragt_customers", round(customers)),
        ("tragt_revenue", round(revenue)),
        ("tragt_ltv", round(ltv)),
        ("tragt_currency", currency.to_string()),
        ("tragt_template", template.to_string()),
    ];
    if let Some(cac) = cac {
        out.insert(2, ("tragt_cac", round(cac)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_layout_is_full_unless_compact_is_asked_for() {
        assert_eq!(parse(params(&[])).0.layout, Layout::Full);
        assert_eq!(parse(params(&[("layout", "full")])).0.layout, Layout::Full);
        let (c, w) = parse(params(&[("layout", "compact")]));
        assert_eq!((c.layout, w.len()), (Layout::Compact, 0));
        for bad in ["Compact", "mini", "<b>", ""] {
            let (c, w) = parse(params(&[("layout", bad)]));
            assert_eq!(c.layout, Layout::Full, "{bad}");
            assert_eq!(w.len(), 1, "{bad}");
            assert!(w[0].contains("layout ignored"), "{w:?}");
        }
    }

    #[test]
    fn good_values_are_kept() {
        let (c, w) = parse(params(&[
            ("accent", "#ffd700"),
            ("logo", "https://agency.example/logo.svg"),
            ("cta_text", "  Book   a call "),
            ("cta_url", "https://agency.example/book"),
            ("cta_summary", "1"),
        ]));
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.accent.as_deref(), Some("#ffd700"));
        assert_eq!(c.accent_text, Some("#111111"));
        assert_eq!(c.cta_text.as_deref(), Some("Book a call"));
        assert!(c.cta_summary);
    }

    #[test]
    fn hostile_values_are_dropped_with_a_warning_each() {
        let (c, w) = parse(params(&[
            ("accent", "red;}body{display:none"),
            ("logo", "javascript:alert(1)"),
            ("cta_url", "javascript:alert(1)"),
            ("cta_text", "<img src=x onerror=alert(1)>"),
            ("cta_summary", "yes"),
        ]));
        assert_eq!(w.len(), 3);
        assert_eq!((c.accent, c.logo, c.cta_url), (None, None, None));
        // text stays text: it is shown with textContent, never parsed as markup
        assert_eq!(c.cta_text.as_deref(), Some("<img src=x onerror=alert(1)>"));
        assert!(!c.cta_summary);
    }

    #[test]
    fn colour_syntax_is_strict() {
        for ok in [
            "#fff",
            "#ffff",
            "#a1b2c3",
            "#a1b2c3d4",
            "navy",
            "rgb(1,2,3)",
            "rgba(1 2 3 / 50%)",
            "hsl(120deg, 50%, 40%)",
        ] {
            assert!(is_css_colour(ok), "{ok}");
        }
        for bad in ["", "#ggg", "#1234567", "url(x)", "var(--x)", "rgb(1,2,3);x", "expression(alert(1))", "a"] {
            assert!(!is_css_colour(bad), "{bad}");
        }
    }

    #[test]
    fn urls_are_strict() {
        assert!(is_web_url("HTTP://Agency.example"));
        for bad in ["ftp://x", "https://a b", "https://a\"b", "mailto:x@y", "data:text/html,x", "http:/x"] {
            assert!(!is_web_url(bad), "{bad}");
        }
        assert!(!is_logo_url(&format!("https://a.example/{}", "x".repeat(MAX_URL_CHARS))));
    }

    #[test]
    fn the_summary_is_rounded_figures_only() {
        // 12.345 customers → 12.35 (to cents); CAC undefined is left out
        let plain = |v: f64| format!("{v}");
        let p = summary_params(12.345, 1234.5, None, 900.0, "DKK", "webshop", &plain);
        assert_eq!(p[0], ("tragt_customers", "12.35".to_string()));
        assert!(p.iter().all(|(k, _)| *k != "tragt_cac"));
        let p = summary_params(1.0, 2.0, Some(3.004), 4.0, "EUR", "aida", &plain);
        assert_eq!(p[2], ("tragt_cac", "3".to_string()));
    }
}
