//! Tidy: the walls inside the crate, checked on its sources (after rust-analyzer's
//! `xtask/src/tidy.rs`).
//!
//! - `calc` is pure: it imports nothing else of the crate, and nothing of the browser, the UI
//!   framework, a clock or the OS.
//! - `chart` imports nothing of `components`, `state`, `storage` or `app`.
//! - `storage` imports nothing of `components`, `state` or `app`: it returns outcomes, and the
//!   app layer turns them into notices.
//! - No import circles between the crate's files.
//! - No ignored tests, no `#[should_panic]`: a test runs and checks a value.
//! - At most 8 effects, each saying what outside thing it touches; components are views, not
//!   DOM built by hand.
//!
//! "Imports" means every path the code names (`use` lines and paths written inline), with
//! comments left out. A file's `#[cfg(test)] mod tests` is part of the walls' check but not of
//! the circles' (a test may build its fixtures from a module that depends on the one tested).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Paths `calc` may not name: the browser, the UI framework, a clock, the OS.
const IMPURE: [&str; 10] = [
    "leptos",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "std::time",
    "std::fs",
    "std::env",
    "std::net",
    "rand::thread_rng",
];

/// (module, the crate's top-level modules it may not import).
const WALLS: [(&str, &[&str]); 5] = [
    ("calc", &["app", "chart", "components", "embed", "i18n", "startup", "state", "storage", "autosave", "views"]),
    ("chart", &["app", "components", "startup", "state", "storage", "autosave"]),
    ("storage", &["app", "components", "startup", "state", "autosave"]),
    // the embed configuration and the views are pure: names in, settings out
    ("embed", &["app", "components", "startup", "state", "storage", "autosave", "chart", "i18n"]),
    ("views", &["app", "components", "startup", "state", "storage", "autosave", "chart", "i18n", "calc", "embed"]),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crate's files (under `src/`), as module paths (`calc::scenario`, `calc` for
/// `calc/mod.rs`, `app` for `app.rs`), with their text.
fn sources() -> BTreeMap<String, String> {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter(|f| !f.ends_with("main.rs") && !f.ends_with("lib.rs"))
        .map(|f| {
            let rel = f.strip_prefix(&src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            (parts.join("::"), fs::read_to_string(&f).unwrap())
        })
        .collect()
}

/// The code of a file without its comments (line comments, doc comments).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            // a `//` inside a string (a URL) is rare enough: such a line just loses its tail
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The code before the file's test module (`#[cfg(test)]` followed by `mod`).
fn without_tests(code: &str) -> &str {
    let mut from = 0;
    while let Some(i) = code[from..].find("#[cfg(test)]") {
        let at = from + i;
        let rest = code[at + "#[cfg(test)]".len()..].trim_start();
        if rest.starts_with("mod ") {
            return &code[..at];
        }
        from = at + 1;
    }
    code
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path the code names that starts with `prefix` (`crate::`, `super::`), as the
/// segments after it; a `{…}` group gives one path per member.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find(prefix) {
        let at = from + i;
        from = at + prefix.len();
        if code[..at].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        out.extend(expand(&code[from..]));
    }
    out
}

/// The paths of `a::b::{c, d::e}`-like text at the start of `text`.
fn expand(text: &str) -> Vec<Vec<String>> {
    let mut segments = Vec::new();
    let mut rest = text;
    loop {
        let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        if end == 0 {
            if let Some(group) = rest.strip_prefix('{') {
                let mut depth = 0;
                let mut member_start = 0;
                let mut paths = Vec::new();
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => {
                            paths.push(&group[member_start..i]);
                            break;
                        }
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            paths.push(&group[member_start..i]);
                            member_start = i + 1;
                        }
                        _ => {}
                    }
                }
                return paths
                    .into_iter()
                    .flat_map(|member| expand(member.trim()))
                    .map(|tail| segments.iter().cloned().chain(tail).collect())
                    .collect();
            }
            break;
        }
        segments.push(rest[..end].to_string());
        rest = &rest[end..];
        match rest.strip_prefix("::") {
            Some(next) => rest = next,
            None => break,
        }
    }
    if segments.is_empty() {
        Vec::new()
    } else {
        vec![segments]
    }
}

/// The file a path names, resolved against the files that exist: the longest prefix of
/// `segments` that is a file module, or, through a `pub use` of a `mod.rs`, the file an item
/// is re-exported from.
fn resolve(segments: &[String], files: &BTreeMap<String, String>, reexports: &BTreeMap<String, String>) -> String {
    let mut best = String::new();
    for n in 1..=segments.len() {
        let module = segments[..n].join("::");
        if files.contains_key(&module) {
            best = module;
        } else {
            if let Some(file) = reexports.get(&module) {
                best = file.clone();
            }
            break;
        }
    }
    best
}

/// `module::Item` → the file module it comes from, for every `pub use sub::{Item, …}` of a
/// `mod.rs`.
fn reexports(files: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (module, text) in files {
        for line in code(text).split(';') {
            let Some(rest) = line.trim().strip_prefix("pub use ") else { continue };
            for path in expand(rest.trim()) {
                if path.len() >= 2 {
                    let file = format!("{module}::{}", path[0]);
                    if files.contains_key(&file) {
                        out.insert(format!("{module}::{}", path[path.len() - 1]), file);
                    }
                }
            }
        }
    }
    out
}

/// The files each file names (without itself): `crate::…` and `super::…` paths.
fn imports(files: &BTreeMap<String, String>, tests_too: bool) -> BTreeMap<String, BTreeSet<String>> {
    let reexports = reexports(files);
    files
        .iter()
        .map(|(module, text)| {
            let code = code(text);
            let code = if tests_too { code.as_str() } else { without_tests(&code) };
            // a `mod.rs`'s `pub mod` and `pub use` lines declare, they do not import
            let code: String = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("pub use ") && !l.trim_start().starts_with("pub mod "))
                .collect::<Vec<_>>()
                .join("\n");
            let parent: Vec<String> = {
                let mut p: Vec<String> = module.split("::").map(String::from).collect();
                // `super` of `calc/scenario.rs` is `calc`; of `calc/mod.rs` it is the crate
                let is_dir = files.keys().any(|k| k.starts_with(&format!("{module}::")));
                p.pop();
                if is_dir {
                    p.pop();
                }
                p
            };
            let mut names = BTreeSet::new();
            for path in paths_after(&code, "crate::") {
                names.insert(resolve(&path, files, &reexports));
            }
            for path in paths_after(&code, "super::") {
                let full: Vec<String> = parent.iter().cloned().chain(path).collect();
                names.insert(resolve(&full, files, &reexports));
            }
            names.remove("");
            names.remove(module);
            (module.clone(), names)
        })
        .collect()
}

#[test]
fn calc_imports_nothing_from_the_outside_world() {
    let files = sources();
    let mut offences = Vec::new();
    for (module, text) in files.iter().filter(|(m, _)| m.starts_with("calc")) {
        for (n, line) in code(text).lines().enumerate() {
            for word in IMPURE {
                if line.contains(word) {
                    offences.push(format!("src/{module}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(files.keys().filter(|m| m.starts_with("calc")).count() >= 6, "calc sources found: {files:?}");
    assert!(offences.is_empty(), "calc must stay pure:\n{}", offences.join("\n"));
}

#[test]
fn the_walls_between_modules_hold() {
    let files = sources();
    let imports = imports(&files, true);
    let mut offences = Vec::new();
    for (wall, forbidden) in WALLS {
        for (module, names) in imports.iter().filter(|(m, _)| m.split("::").next() == Some(wall)) {
            for name in names {
                let top = name.split("::").next().unwrap_or_default();
                if forbidden.contains(&top) {
                    offences.push(format!("{module} imports {name}"));
                }
            }
        }
    }
    assert!(offences.is_empty(), "walls broken:\n{}", offences.join("\n"));
}

#[test]
fn no_import_circles() {
    let files = sources();
    let imports = imports(&files, false);
    // every circle, found from each file by a depth-first search, reported once
    let mut circles = BTreeSet::new();
    for start in imports.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in imports.get(&at).into_iter().flatten() {
                if next == start {
                    let mut circle = path.clone();
                    // the same circle from another start: rotate to its smallest member
                    let min = circle.iter().enumerate().min_by_key(|(_, m)| *m).map(|(i, _)| i).unwrap_or(0);
                    circle.rotate_left(min);
                    circles.insert(circle.join(" → "));
                } else if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
    assert!(circles.is_empty(), "import circles:\n{}", circles.into_iter().collect::<Vec<_>>().join("\n"));
}

#[test]
fn no_ignored_or_panic_expecting_tests() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    rust_files(&root().join("tests"), &mut files);
    rust_files(&root().join("xtask"), &mut files);
    let this = root().join("tests").join("tidy.rs");
    let mut offences = Vec::new();
    for file in files.iter().filter(|f| **f != this) {
        for (n, line) in fs::read_to_string(file).unwrap().lines().enumerate() {
            let line = line.trim();
            if line.starts_with("#[ignore") || line.starts_with("#[should_panic") {
                offences.push(format!("{}:{}: {line}", file.display(), n + 1));
            }
        }
    }
    assert!(offences.is_empty(), "every test runs and checks a value:\n{}", offences.join("\n"));
}

#[test]
fn the_tidy_checks_can_fail() {
    // the parser behind the checks finds what it must find
    assert_eq!(
        expand("calc::{scenario::Moves, templates::{Localized, TemplateId}};"),
        vec![
            vec!["calc".to_string(), "scenario".into(), "Moves".into()],
            vec!["calc".into(), "templates".into(), "Localized".into()],
            vec!["calc".into(), "templates".into(), "TemplateId".into()],
        ]
    );
    let files: BTreeMap<String, String> = [
        ("a".to_string(), "pub mod b;\npub use b::Thing;".to_string()),
        ("a::b".to_string(), "use super::c::X; // crate::d\npub struct Thing;".to_string()),
        ("a::c".to_string(), "fn f() { crate::a::Thing }\n#[cfg(test)]\nmod tests { use crate::d; }".to_string()),
        ("d".to_string(), String::new()),
    ]
    .into_iter()
    .collect();
    let without = imports(&files, false);
    assert_eq!(without["a::b"], BTreeSet::from(["a::c".to_string()]));
    assert_eq!(without["a::c"], BTreeSet::from(["a::b".to_string()]));
    assert!(without["a"].is_empty());
    let with = imports(&files, true);
    assert_eq!(with["a::c"], BTreeSet::from(["a::b".to_string(), "d".to_string()]));
}

/// Every `Effect::new` in the crate's sources: (file, line number, the comment line above it).
fn effects() -> Vec<(String, usize, String)> {
    let mut out = Vec::new();
    for (module, text) in sources() {
        let module = module.replace("::", "/");
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("Effect::new") {
                let above = n.checked_sub(1).map_or("", |i| lines[i].trim());
                out.push((module.clone(), n + 1, above.to_string()));
            }
        }
    }
    out
}

#[test]
fn effects_only_reach_the_outside_world() {
    const MAX_EFFECTS: usize = 8;
    let found = effects();
    let listed = found.iter().map(|(m, n, _)| format!("src/{m}:{n}")).collect::<Vec<_>>().join("\n");
    assert!(!found.is_empty(), "the search for effects found none");
    assert!(found.len() <= MAX_EFFECTS, "{} effects, at most {MAX_EFFECTS}:\n{listed}", found.len());
    let unexplained: Vec<String> = found
        .iter()
        .filter(|(_, _, above)| !above.starts_with("// outside world:"))
        .map(|(m, n, _)| format!("src/{m}:{n}"))
        .collect();
    assert!(
        unexplained.is_empty(),
        "each effect says on the line above it what outside thing it touches (`// outside world: …`):\n{}",
        unexplained.join("\n")
    );
}

#[test]
fn components_are_views_not_hand_built_dom() {
    const HAND_BUILT: [&str; 4] = ["create_element", "set_inner_html", "set_text_content", "append_child"];
    let mut offences = Vec::new();
    for (module, text) in sources().iter().filter(|(m, _)| m.starts_with("components") || *m == "app") {
        for (n, line) in code(text).lines().enumerate() {
            if let Some(call) = HAND_BUILT.iter().find(|call| line.contains(*call)) {
                offences.push(format!("src/{}: line {}: {call}", module.replace("::", "/"), n + 1));
            }
        }
    }
    assert!(offences.is_empty(), "build the view with view!, <For> and <Show>:\n{}", offences.join("\n"));
}

#[test]
fn end_to_end_tests_wait_on_what_they_check() {
    // a fixed pause is either too short on a slow machine or a waste on a fast one: the
    // journeys wait on the page (`expect.poll`, `toHaveAttribute`, `tragt.settled()`,
    // `tragt.autosaved()`, `tragt.flushSaves()`) instead
    let dir = root().join("tests").join("e2e");
    let mut files = Vec::new();
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "js" || e == "mjs") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 10, "the end-to-end tests are under tests/e2e");
    let mut offences = Vec::new();
    for file in &files {
        for (n, line) in fs::read_to_string(file).unwrap().lines().enumerate() {
            if line.contains("waitForTimeout") || line.contains("setTimeout(resolve") {
                offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(offences.is_empty(), "wait on what the test checks, not on the clock:\n{}", offences.join("\n"));
}

/// The design tokens are the one place of colours and shadows: the components' stylesheet
/// refers to them (`var(--…)`) and holds no colour of its own.
#[test]
fn the_stylesheet_takes_its_colours_from_the_tokens() {
    let css = fs::read_to_string(root().join("style/main.css")).unwrap();
    let tokens = fs::read_to_string(root().join("style/tokens.css")).unwrap();
    let colour = |line: &str| {
        line.contains("rgb(") || line.contains("hsl(") || {
            let hex = line.split('#').skip(1).filter_map(|rest| {
                let digits = rest.chars().take_while(char::is_ascii_hexdigit).count();
                let next = rest.chars().nth(digits);
                (matches!(digits, 3 | 4 | 6 | 8) && !next.is_some_and(|c| c.is_alphanumeric() || c == '-'))
                    .then_some(())
            });
            hex.count() > 0
        }
    };
    let offences: Vec<_> =
        css.lines().enumerate().filter(|(_, l)| colour(l)).map(|(n, l)| format!("{}: {l}", n + 1)).collect();
    assert!(offences.is_empty(), "colours outside style/tokens.css:\n{}", offences.join("\n"));
    // and the check can fail
    assert!(colour(".a { color: #1c2533; }") && colour("box-shadow: 0 1px rgb(0 0 0 / 0.1)"));
    assert!(!colour(".a { color: var(--text); }") && !colour("a[href^='#s=']"));
    assert!(tokens.contains("--accent:") && tokens.contains("--space-1:") && tokens.contains("--text-m:"));
    let used = css.matches("var(--").count();
    assert!(used > 150, "the components use the tokens: {used} references");
}

/// The tokens are the one place of spacing and type too: the stylesheet's margins, paddings,
/// gaps, offsets, font sizes, radii and shadows name a token (`var(--…)`, or `calc()` of
/// tokens and plain numbers). Left literal: 0, a 1 or 2 px hairline, a share of the box or of
/// the viewport, and the paper's margins (`@page`, in the printer's millimetres).
#[test]
fn the_stylesheet_takes_its_spacing_and_type_from_the_tokens() {
    let css = fs::read_to_string(root().join("style/main.css")).unwrap();
    let tokens = fs::read_to_string(root().join("style/tokens.css")).unwrap();
    let checked = |property: &str| {
        ["margin", "padding", "inset", "scroll-margin", "scroll-padding"].iter().any(|p| property.starts_with(p))
            || property.ends_with("gap")
            || property.ends_with("radius")
            || ["font", "font-size", "box-shadow", "top", "right", "bottom", "left"].contains(&property)
    };
    let literal = |word: &str| {
        let word = word.trim_start_matches('-');
        let split = word.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(word.len());
        let (number, unit) = word.split_at(split);
        let number: f64 = number.parse().unwrap_or(f64::NAN);
        let fine = unit.is_empty()
            || number == 0.0
            || ["%", "vw", "vh", "vmin", "vmax", "dvh", "svh"].contains(&unit)
            || (unit == "px" && (number == 1.0 || number == 2.0));
        split > 0 && !fine
    };
    // the declarations, each with its line and the rule (or at-rule) it is in
    let literals = |css: &str| {
        let (mut found, mut rules, mut declaration, mut line, mut start) = (vec![], vec![], String::new(), 1, 1);
        let mut rest = css;
        while let Some(c) = rest.chars().next() {
            if rest.starts_with("/*") {
                let end = rest.find("*/").map_or(rest.len(), |e| e + 2);
                line += rest[..end].matches('\n').count();
                rest = &rest[end..];
                continue;
            }
            rest = &rest[c.len_utf8()..];
            match c {
                '{' => rules.push(std::mem::take(&mut declaration).trim().to_string()),
                ';' | '}' => {
                    let in_page = rules.last().is_some_and(|r: &String| r.starts_with("@page"));
                    if let Some((property, value)) = declaration.split_once(':') {
                        let words = value.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '%')));
                        if checked(property.trim()) && !in_page && words.filter(|w| !w.starts_with("--")).any(literal) {
                            found.push(format!("{start}: {}", declaration.trim()));
                        }
                    }
                    declaration.clear();
                    if c == '}' {
                        rules.pop();
                    }
                }
                _ => {
                    if declaration.trim().is_empty() && !c.is_whitespace() {
                        start = line;
                    }
                    declaration.push(c);
                }
            }
            line += usize::from(c == '\n');
        }
        found
    };
    let offences = literals(&css);
    assert!(offences.is_empty(), "spacing or type outside style/tokens.css:\n{}", offences.join("\n"));
    // and the check can fail
    assert_eq!(
        literals(".a {\n  color: var(--text);\n  padding: 0.35rem var(--space-4);\n}"),
        ["3: padding: 0.35rem var(--space-4)"]
    );
    assert_eq!(
        literals("@media (min-width: 960px) { .a { font-size: 0.88rem } .b { top: calc(100% - 0.3rem); } }").len(),
        2
    );
    assert_eq!(literals(".a { gap: 2.4em; border-radius: 3px; box-shadow: 0 4px 8px var(--line) }").len(), 3);
    let fine = ".a { padding: var(--space-3) 0; margin: calc(-1 * var(--space-1)) auto; top: 50%; width: 9.5rem; \
                box-shadow: inset 0 0 0 1px var(--accent); font-size: clamp(var(--text-s), 4.2vw, var(--text-l)); \
                border: 2px solid var(--line); padding-bottom: calc(var(--space-3) + env(safe-area-inset-bottom, 0px)) }";
    assert!(literals(fine).is_empty() && literals("@media print { @page { margin: 14mm 12mm; } }").is_empty());
    // every token named is defined, and the scales stay short
    let names = css.split("var(").skip(1).filter_map(|rest| rest.split([')', ',']).next());
    let undefined: BTreeSet<_> = names.filter(|name| !tokens.contains(&format!("{name}:"))).collect();
    assert!(undefined.is_empty(), "tokens not in style/tokens.css: {undefined:?}");
    let steps = |scale: &str| tokens.lines().filter(|l| l.trim_start().starts_with(scale)).count();
    assert!((8..=10).contains(&steps("--space-")) && (6..=9).contains(&steps("--text-")));
}
