//! Architecture invariant: `src/calc` never touches the browser, the UI framework, a clock
//! or the OS. This test reads its sources and fails on a forbidden path.

use std::fs;
use std::path::Path;

const FORBIDDEN: [&str; 10] = [
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

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn calc_imports_nothing_from_the_outside_world() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/calc"), &mut files);
    assert!(files.len() >= 6, "calc sources found: {files:?}");
    let mut offences = Vec::new();
    for file in &files {
        for (n, line) in fs::read_to_string(file).unwrap().lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(offences.is_empty(), "calc must stay pure:\n{}", offences.join("\n"));
}
