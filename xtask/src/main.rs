//! Developer tasks for Tragt, run as `cargo xtask <command>` (alias in `.cargo/config.toml`).
//!
//! Commands:
//!
//! * `setup [--browser]` — make sure every tool the other commands need is installed, at the
//!   versions pinned below: the `wasm32-unknown-unknown` target,
//!   wasm-bindgen-cli 0.2.130, trunk 0.21.14, node + npm, `node_modules` (Playwright and npm
//!   binaryen 132, which provides `wasm-opt`), and all crates (`cargo fetch`, because Trunk
//!   builds offline). `--browser` also ensures Debian's chromium and chromedriver.
//!   Fast and quiet when everything is present: one line per step.
//! * `build [--dist DIR]` — setup, then a release build with Trunk into `DIR` (default `dist`).
//! * `serve` — setup, then `trunk serve --release` on <http://127.0.0.1:8080/>.
//! * `test` — setup --browser, then `cargo fmt --check`, `cargo clippy -D warnings` (native
//!   and wasm, every target), native `cargo test`, the wasm-bindgen tests in headless
//!   Chromium, a release build into `dist`, and the Playwright end-to-end tests; stops at the
//!   first failure and prints a summary.
//! * `bench` — setup --browser, release build into `dist`, the size floor (`tests/bench/floor`,
//!   the least Leptos app built the same way), then `node tests/bench/bench.mjs dist` (sizes,
//!   time to first figures, edit latency, compared with the budgets), then the fuzz step.
//! * `fuzz [SECONDS]` — only the fuzz step: each cargo-fuzz target of `fuzz/` (the readers of
//!   saved files, share links and imports) runs SECONDS (default `TRAGT_FUZZ_SECONDS`, else 30)
//!   on a copy of its seeds in `fuzz/seeds/`; one line per target, and an error with the
//!   artifact's path if one crashed. Needs the nightly toolchain (skipped with a message
//!   if it is missing) and cargo-fuzz 0.13.2 (installed if missing).
//!
//! Only `std` is used, so this compiles in seconds on a fresh machine. Nothing here downloads
//! prebuilt binaries: tools come from crates.io (`cargo install`), npm and Debian's apt.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const WASM_BINDGEN_VERSION: &str = "0.2.130";
const TRUNK_VERSION: &str = "0.21.14";
/// The application package (the workspace root); `xtask` is the other member.
const APP_PACKAGE: &str = "tragt";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const SERVE_ADDRESS: &str = "127.0.0.1";
const SERVE_PORT: &str = "8080";
const DEFAULT_DIST: &str = "dist";
const PLAYWRIGHT_CONFIG: &str = "tests/e2e/playwright.config.js";
const BENCH_SCRIPT: &str = "tests/bench/bench.mjs";
const SCREENSHOTS_SCRIPT: &str = "build/screenshots.mjs";
/// The size floor: the least Leptos app, built like Tragt (`tests/bench/floor`).
const FLOOR_MANIFEST: &str = "tests/bench/floor/Cargo.toml";
const FLOOR_TARGET_DIR: &str = "target/floor";
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// cargo-fuzz's sanitizer flags need a nightly compiler; rust-toolchain.toml pins stable, so
/// every fuzz command says `+nightly`.
const FUZZ_TOOLCHAIN: &str = "nightly";
/// The targets in fuzz/Cargo.toml, each with its seeds in `fuzz/seeds/<target>/`.
const FUZZ_TARGETS: [&str; 3] = ["migrate", "share_link", "import"];
const FUZZ_SECONDS: u64 = 30;
const FUZZ_SECONDS_VAR: &str = "TRAGT_FUZZ_SECONDS";
/// One input running longer than this is a hang, reported like a crash.
const FUZZ_TIMEOUT_SECONDS: u64 = 20;
const FUZZ_DICT: &str = "fuzz/tragt.dict";
/// Same list as `[watch] ignore` in Trunk.toml (see `watch_ignore`).
const WATCH_IGNORE: [&str; 4] = ["node_modules", "tests", "xtask", "target"];

/// Chrome options for wasm-bindgen-test-runner (read from `webdriver.json` in the repo root).
const WEBDRIVER_JSON: &str = r#"{
  "goog:chromeOptions": {
    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
  }
}
"#;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup [--browser]   install/check the toolchain (--browser: chromium + chromedriver too)
  build [--dist DIR]  release build with Trunk into DIR (default: dist)
  serve               trunk serve --release on http://127.0.0.1:8080/
  test                native tests, wasm tests in headless Chromium, release build, e2e tests
  bench               release build into dist, then tests/bench/bench.mjs (size/speed budgets),
                      then the fuzz step
  screenshots         release build into dist, then the README's screenshots into docs/screenshots
  fuzz [SECONDS]      run each fuzz target SECONDS (default: $TRAGT_FUZZ_SECONDS, else 30)
                      from its seeds; needs the nightly toolchain
";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let root = repo_root();
    put_cargo_bin_on_path();
    let result = match args.first().map(String::as_str) {
        Some("setup") => {
            parse_flags(&args[1..], &["--browser"]).and_then(|flags| setup(&root, flags.contains(&"--browser")))
        }
        Some("build") => parse_dist(&args[1..]).and_then(|dist| {
            setup(&root, false)?;
            build(&root, &dist)
        }),
        Some("serve") => parse_flags(&args[1..], &[]).and_then(|_| serve(&root)),
        Some("test") => parse_flags(&args[1..], &[]).and_then(|_| test(&root)),
        Some("bench") => parse_flags(&args[1..], &[]).and_then(|_| bench(&root)),
        Some("screenshots") => parse_flags(&args[1..], &[]).and_then(|_| screenshots(&root)),
        Some("fuzz") => parse_seconds(&args[1..]).and_then(|seconds| fuzz(&root, seconds)),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Arguments and environment

/// Accepts only the given flags; returns the ones present.
fn parse_flags<'a>(args: &[String], allowed: &[&'a str]) -> Result<Vec<&'a str>> {
    args.iter()
        .map(|arg| {
            allowed
                .iter()
                .find(|flag| **flag == arg.as_str())
                .copied()
                .ok_or_else(|| format!("unexpected argument `{arg}`\n\n{USAGE}"))
        })
        .collect()
}

/// `[--dist DIR]` or `[--dist=DIR]`.
fn parse_dist(args: &[String]) -> Result<String> {
    match args {
        [] => Ok(DEFAULT_DIST.to_string()),
        [flag, dir] if flag == "--dist" => Ok(dir.clone()),
        [arg] if arg.starts_with("--dist=") => Ok(arg["--dist=".len()..].to_string()),
        _ => Err(format!("usage: cargo xtask build [--dist DIR]\n\n{USAGE}")),
    }
}

/// `[SECONDS]` of `fuzz`: the argument, else `$TRAGT_FUZZ_SECONDS`, else 30.
fn parse_seconds(args: &[String]) -> Result<u64> {
    let given = match args {
        [] => env::var(FUZZ_SECONDS_VAR).ok().filter(|v| !v.trim().is_empty()),
        [seconds] => Some(seconds.clone()),
        _ => return Err(format!("usage: cargo xtask fuzz [SECONDS]\n\n{USAGE}")),
    };
    match given {
        None => Ok(FUZZ_SECONDS),
        Some(text) => match text.trim().parse::<u64>() {
            Ok(seconds) if seconds > 0 => Ok(seconds),
            _ => Err(format!("fuzz time must be a whole number of seconds above 0, not `{text}`")),
        },
    }
}

/// The repository root: the parent of this crate's directory.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in a subdirectory of the repository")
        .to_path_buf()
}

/// `$CARGO_HOME/bin`, by default `~/.cargo/bin`, where `cargo install` puts trunk and wasm-bindgen.
fn cargo_bin_dir() -> Option<PathBuf> {
    match env::var_os("CARGO_HOME") {
        Some(home) if !home.is_empty() => Some(PathBuf::from(home).join("bin")),
        _ => env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo").join("bin")),
    }
}

/// Puts `~/.cargo/bin` first on this process's PATH (inherited by every child), so freshly
/// installed tools are found even if the user's shell profile lacks it.
fn put_cargo_bin_on_path() {
    if let Some(bin) = cargo_bin_dir() {
        let path = prepend_path(&bin);
        // Single-threaded at this point, so changing the environment is sound.
        env::set_var("PATH", path);
    }
}

/// PATH with `dir` in front.
fn prepend_path(dir: &Path) -> OsString {
    let mut dirs = vec![dir.to_path_buf()];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path).filter(|existing| existing != dir));
    }
    env::join_paths(dirs).expect("PATH entries contain no separator")
}

/// Environment for Trunk: npm binaryen's `wasm-opt` first on PATH, no crates.io version check.
fn trunk_command(root: &Path) -> Command {
    let mut cmd = Command::new("trunk");
    cmd.current_dir(root)
        .env("PATH", prepend_path(&root.join("node_modules").join(".bin")))
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    cmd
}

// ---------------------------------------------------------------------------------------------
// Running commands

/// A command in the repository root with inherited stdio.
fn command(root: &Path, program: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(root);
    cmd
}

/// Runs with inherited stdio; an error unless it exits successfully.
fn run(mut cmd: Command) -> Result {
    let shown = show(&cmd);
    let status = cmd.status().map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Stdout of a command, or None if it cannot be started or fails.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).stdin(Stdio::null()).stderr(Stdio::null()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// `program --version` if it contains exactly `version` as a word, e.g. `trunk 0.21.14`.
fn reports_version(program: &str, version: &str) -> Option<String> {
    let out = output_of(program, &["--version"])?;
    out.split_whitespace().any(|word| word.trim_start_matches('v') == version).then_some(out)
}

fn show(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_root() -> bool {
    output_of("id", &["-u"]).as_deref() == Some("0")
}

/// `apt-get` with `sudo` in front unless we already are root.
fn apt_get(root: &Path, args: &[&str]) -> Command {
    let mut cmd = if is_root() {
        command(root, "apt-get", args)
    } else {
        let mut sudo = command(root, "sudo", &["apt-get"]);
        sudo.args(args);
        sudo
    };
    cmd.env("DEBIAN_FRONTEND", "noninteractive");
    cmd
}

// ---------------------------------------------------------------------------------------------
// setup

fn setup(root: &Path, browser: bool) -> Result {
    ensure_wasm_target(root)?;
    ensure_wasm_bindgen(root)?;
    ensure_trunk(root)?;
    ensure_node(root)?;
    ensure_node_modules(root)?;
    ensure_crates(root)?;
    if browser {
        ensure_browser(root)?;
    }
    Ok(())
}

fn ensure_wasm_target(root: &Path) -> Result {
    // Run in the repository so rust-toolchain.toml selects the toolchain.
    let installed = command(root, "rustup", &["target", "list", "--installed"])
        .stderr(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    let installed = String::from_utf8_lossy(&installed.stdout);
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("ok: {WASM_TARGET} target");
        return Ok(());
    }
    println!("installing: {WASM_TARGET} target");
    run(command(root, "rustup", &["target", "add", WASM_TARGET]))
}

fn ensure_wasm_bindgen(root: &Path) -> Result {
    if reports_version("wasm-bindgen", WASM_BINDGEN_VERSION).is_some() {
        println!("ok: wasm-bindgen {WASM_BINDGEN_VERSION}");
        return Ok(());
    }
    // Not --locked: its lockfile pins webpki-roots 1.0.11, which the registry lacks.
    println!("installing: wasm-bindgen-cli {WASM_BINDGEN_VERSION} (cargo install, ~4 min)");
    run(command(root, "cargo", &["install", "wasm-bindgen-cli", "--version", WASM_BINDGEN_VERSION]))?;
    reports_version("wasm-bindgen", WASM_BINDGEN_VERSION)
        .map(|_| ())
        .ok_or_else(|| not_on_path("wasm-bindgen", WASM_BINDGEN_VERSION))
}

fn ensure_trunk(root: &Path) -> Result {
    if reports_version("trunk", TRUNK_VERSION).is_some() {
        println!("ok: trunk {TRUNK_VERSION}");
        return Ok(());
    }
    println!("installing: trunk {TRUNK_VERSION} (cargo install --locked, ~12 min)");
    run(command(root, "cargo", &["install", "trunk", "--locked", "--version", TRUNK_VERSION]))?;
    reports_version("trunk", TRUNK_VERSION).map(|_| ()).ok_or_else(|| not_on_path("trunk", TRUNK_VERSION))
}

fn not_on_path(program: &str, version: &str) -> String {
    format!(
        "installed, but `{program} --version` on PATH still does not report {version} \
         (another {program} earlier on PATH?)"
    )
}

fn ensure_node(root: &Path) -> Result {
    let versions = || Some((output_of("node", &["--version"])?, output_of("npm", &["--version"])?));
    if let Some((node, npm)) = versions() {
        println!("ok: node {node}, npm {npm}");
        return Ok(());
    }
    println!("installing: nodejs npm (apt-get)");
    run(apt_get(root, &["install", "-y", "nodejs", "npm"]))?;
    versions().map(|_| ()).ok_or_else(|| "node or npm still missing after apt-get install".to_string())
}

/// `npm ci` when node_modules is missing or older than package-lock.json.
fn ensure_node_modules(root: &Path) -> Result {
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules").join(".package-lock.json");
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    let up_to_date = match (modified(&lock), modified(&installed)) {
        (Some(lock), Some(installed)) => lock <= installed,
        (None, _) => return Err("package-lock.json is missing".to_string()),
        (Some(_), None) => false,
    };
    if up_to_date {
        println!("ok: node_modules");
        return Ok(());
    }
    println!("installing: node_modules (npm ci)");
    let mut npm = command(root, "npm", &["ci", "--no-audit", "--no-fund"]);
    npm.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(npm)
}

/// Trunk runs `cargo build --offline`, so every crate must already be downloaded.
fn ensure_crates(root: &Path) -> Result {
    let mut fetch = command(root, "cargo", &["fetch", "--quiet"]);
    fetch.stdin(Stdio::null());
    run(fetch)?;
    println!("ok: crates fetched");
    Ok(())
}

fn ensure_browser(root: &Path) -> Result {
    let present = || Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
    if present() {
        // "Chromium 156.0.8078.79 built on Debian …", "ChromeDriver 156.0.8078.79 (…)"
        let version = |program| {
            output_of(program, &["--version"])
                .and_then(|out| out.split_whitespace().nth(1).map(str::to_string))
                .unwrap_or_else(|| "(version unknown)".to_string())
        };
        println!("ok: chromium {}, chromedriver {}", version(CHROMIUM), version(CHROMEDRIVER));
        return Ok(());
    }
    println!("installing: chromium chromium-driver (apt-get)");
    run(apt_get(root, &["update"]))?;
    run(apt_get(root, &["install", "-y", "chromium", "chromium-driver"]))?;
    if present() {
        Ok(())
    } else {
        Err(format!("{CHROMIUM} or {CHROMEDRIVER} still missing after apt-get install"))
    }
}

// ---------------------------------------------------------------------------------------------
// build, serve

/// Release build with Trunk into `dist` (relative to the repository root, or absolute).
fn build(root: &Path, dist: &str) -> Result {
    let mut trunk = trunk_command(root);
    trunk.args(["build", "--release", "--dist", dist]);
    run(trunk)?;
    println!("built: {}", root.join(dist).display());
    Ok(())
}

fn serve(root: &Path) -> Result {
    setup(root, false)?;
    println!("serving on http://{SERVE_ADDRESS}:{SERVE_PORT}/ (Ctrl-C to stop)");
    let mut trunk = trunk_command(root);
    trunk.args(["serve", "--release", "--address", SERVE_ADDRESS, "--port", SERVE_PORT]);
    for dir in watch_ignore(root) {
        trunk.arg("--ignore").arg(dir);
    }
    run(trunk)
}

/// Directories the file watcher of `trunk serve` skips: Trunk.toml's `[watch] ignore` plus every
/// `dist*` build directory. Trunk rejects ignore paths that do not exist, and its `--ignore`
/// replaces the Trunk.toml list, so the list is computed here from what exists.
fn watch_ignore(root: &Path) -> Vec<String> {
    let fixed = WATCH_IGNORE.iter().map(|dir| dir.to_string());
    let dists = fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("dist"));
    let mut dirs: Vec<String> = fixed.chain(dists).filter(|dir| root.join(dir).is_dir()).collect();
    dirs.sort();
    dirs.dedup();
    dirs
}

// ---------------------------------------------------------------------------------------------
// test

/// A named step of `cargo xtask test`.
type Step = (&'static str, fn(&Path) -> Result);

fn test(root: &Path) -> Result {
    setup(root, true)?;
    let steps: [Step; 6] = [
        ("format (cargo fmt --check)", check_format),
        ("lints (cargo clippy -D warnings, native and wasm)", check_lints),
        ("native tests (cargo test)", test_native),
        ("wasm tests in headless Chromium", test_wasm),
        ("release build into dist", |root| build(root, DEFAULT_DIST)),
        ("end-to-end tests (Playwright)", test_e2e),
    ];
    let mut results: Vec<(&str, Duration, bool)> = Vec::new();
    let mut failure = None;
    for (name, step) in steps {
        println!("\n==> {name}");
        let started = Instant::now();
        let outcome = step(root);
        results.push((name, started.elapsed(), outcome.is_ok()));
        if let Err(e) = outcome {
            failure = Some(format!("{name}: {e}"));
            break;
        }
    }
    println!("\nsummary:");
    for (name, elapsed, ok) in &results {
        let status = if *ok { "ok    " } else { "FAILED" };
        println!("  {status} {name} ({:.1} s)", elapsed.as_secs_f64());
    }
    for (name, _) in steps.iter().skip(results.len()) {
        println!("  skipped {name}");
    }
    match failure {
        None => {
            println!("all {} steps passed", steps.len());
            Ok(())
        }
        Some(e) => Err(e),
    }
}

fn check_format(root: &Path) -> Result {
    run(command(root, "cargo", &["fmt", "--all", "--check"]))
}

/// Clippy over every target of the workspace (xtask included) natively, then the app as the
/// browser builds it (wasm, without the bundled texts) and its browser tests (`tests/web.rs`).
fn check_lints(root: &Path) -> Result {
    run(command(root, "cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))?;
    run(command(
        root,
        "cargo",
        &["clippy", "--package", APP_PACKAGE, "--target", WASM_TARGET, "--no-default-features", "--", "-D", "warnings"],
    ))?;
    run(command(
        root,
        "cargo",
        &["clippy", "--package", APP_PACKAGE, "--target", WASM_TARGET, "--test", "web", "--", "-D", "warnings"],
    ))
}

fn test_native(root: &Path) -> Result {
    run(command(root, "cargo", &["test", "--package", APP_PACKAGE]))
}

/// wasm-bindgen-test-runner drives chromedriver; it reads Chrome's flags from webdriver.json.
fn test_wasm(root: &Path) -> Result {
    write_webdriver_json(root)?;
    let mut cargo =
        command(root, "cargo", &["test", "--package", APP_PACKAGE, "--target", WASM_TARGET, "--test", "web"]);
    cargo.env("CHROMEDRIVER", CHROMEDRIVER);
    run(cargo)
}

/// Creates `webdriver.json` (or rewrites it if it differs).
fn write_webdriver_json(root: &Path) -> Result {
    let path = root.join("webdriver.json");
    if fs::read_to_string(&path).ok().as_deref() != Some(WEBDRIVER_JSON) {
        fs::write(&path, WEBDRIVER_JSON).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

fn test_e2e(root: &Path) -> Result {
    let mut npx = command(root, "npx", &["playwright", "test", "-c", PLAYWRIGHT_CONFIG]);
    npx.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(npx)
}

// ---------------------------------------------------------------------------------------------
// bench

fn bench(root: &Path) -> Result {
    setup(root, true)?;
    build(root, DEFAULT_DIST)?;
    let floor = build_floor(root)?;
    let mut node = command(root, "node", &[BENCH_SCRIPT, DEFAULT_DIST]);
    node.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .env("TRAGT_FLOOR_DIR", &floor)
        .env("PATH", prepend_path(&root.join("node_modules").join(".bin")));
    run(node)?;
    fuzz(root, parse_seconds(&[])?)
}

/// The README's screenshots from the real app: a release build, then `build/screenshots.mjs`.
fn screenshots(root: &Path) -> Result {
    setup(root, true)?;
    build(root, DEFAULT_DIST)?;
    let mut node = command(root, "node", &[SCREENSHOTS_SCRIPT, DEFAULT_DIST]);
    node.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(node)
}

/// Builds the size floor (`tests/bench/floor`: two inputs and a figure in Leptos, with Tragt's
/// profile and rustflags) through wasm-bindgen into a directory of its own, which the bench
/// optimizes with Tragt's own wasm-opt and glue steps and measures. Returns that directory.
fn build_floor(root: &Path) -> Result<PathBuf> {
    let target_dir = root.join(FLOOR_TARGET_DIR);
    let mut cargo = command(
        root,
        "cargo",
        &["build", "--quiet", "--offline", "--release", "--target", WASM_TARGET, "--manifest-path", FLOOR_MANIFEST],
    );
    cargo.env("CARGO_TARGET_DIR", &target_dir);
    run(cargo)?;
    let wasm = target_dir.join(WASM_TARGET).join("release").join("tragt-floor.wasm");
    let out = target_dir.join("dist");
    let _ = fs::remove_dir_all(&out);
    let mut bindgen = command(root, "wasm-bindgen", &["--target", "web", "--no-typescript", "--out-name", "floor"]);
    bindgen.arg("--out-dir").arg(&out).arg(&wasm);
    run(bindgen)?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// fuzz

/// Runs every fuzz target for `seconds` on a fresh copy of its seeds, one target after the
/// other, and prints one line for each. A crash (or a hang past libFuzzer's timeout) is an
/// error naming the input that caused it; a missing nightly toolchain skips the step.
fn fuzz(root: &Path, seconds: u64) -> Result {
    println!("\n==> fuzzing: {} targets, {seconds} s each", FUZZ_TARGETS.len());
    if !has_toolchain(root, FUZZ_TOOLCHAIN) {
        println!(
            "skipped: the fuzz step needs the {FUZZ_TOOLCHAIN} toolchain (cargo-fuzz builds with \
             -Zsanitizer), which is not installed; `rustup toolchain install {FUZZ_TOOLCHAIN} \
             --profile minimal` adds it"
        );
        return Ok(());
    }
    ensure_cargo_fuzz(root)?;
    // build every target first, so the build (long on a fresh machine) is not fuzzing time
    run(fuzz_command(root, &["build"]))?;
    let work = env::temp_dir().join(format!("tragt-fuzz-{}", std::process::id()));
    let mut crashes = Vec::new();
    for target in FUZZ_TARGETS {
        let outcome = fuzz_target(root, &work, target, seconds)?;
        let crashes_found = match outcome.artifacts.len() {
            0 if !outcome.clean => "failed without an input to blame".to_string(),
            1 => "1 crash".to_string(),
            n => format!("{n} crashes"),
        };
        println!("fuzz {target}: {} executions in {} s, {crashes_found}", outcome.runs, outcome.seconds);
        if !outcome.artifacts.is_empty() || !outcome.clean {
            for line in &outcome.report {
                println!("    {line}");
            }
            for artifact in &outcome.artifacts {
                println!("    input: {artifact}");
            }
            println!("    log: {}", outcome.log.display());
            crashes.push(target);
        }
    }
    if crashes.is_empty() {
        // nothing to look at: the corpora grown from the seeds and the logs go
        let _ = fs::remove_dir_all(&work);
        return Ok(());
    }
    Err(format!(
        "fuzzing failed for {}; rerun an input with `cargo +{FUZZ_TOOLCHAIN} fuzz run <target> <input>`",
        crashes.join(", ")
    ))
}

/// What one fuzz run did.
struct FuzzOutcome {
    runs: u64,
    seconds: u64,
    /// Inputs libFuzzer wrote: crashes, hangs, out-of-memory.
    artifacts: Vec<String>,
    /// libFuzzer finished normally (its `Done …` line) and cargo-fuzz exited 0.
    clean: bool,
    /// The lines that say what went wrong (panic message, sanitizer error).
    report: Vec<String>,
    log: PathBuf,
}

fn fuzz_target(root: &Path, work: &Path, target: &str, seconds: u64) -> Result<FuzzOutcome> {
    let corpus = work.join(target);
    let seeds = root.join("fuzz").join("seeds").join(target);
    copy_files(&seeds, &corpus)?;
    let log = work.join(format!("{target}.log"));
    let file = fs::File::create(&log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
    let file_too = file.try_clone().map_err(|e| format!("cannot write {}: {e}", log.display()))?;
    let corpus_arg = corpus.to_string_lossy().into_owned();
    let max_time = format!("-max_total_time={seconds}");
    let timeout = format!("-timeout={FUZZ_TIMEOUT_SECONDS}");
    let dict = format!("-dict={}", root.join(FUZZ_DICT).display());
    let mut cmd = fuzz_command(root, &["run", target, &corpus_arg, "--", &max_time, &timeout, &dict]);
    cmd.stdin(Stdio::null()).stdout(file).stderr(file_too);
    let shown = show(&cmd);
    let started = Instant::now();
    let status = cmd.status().map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    let text = fs::read_to_string(&log).unwrap_or_default();
    let done = text.lines().rev().find_map(parse_done);
    let artifacts: Vec<String> = text
        .lines()
        .filter_map(|line| line.split_once("Test unit written to ").map(|(_, path)| path.trim().to_string()))
        .collect();
    // the panic and its message's first line, then libFuzzer's verdict
    let lines: Vec<&str> = text.lines().collect();
    let panic = lines.iter().position(|line| line.contains("panicked at")).map_or(&[][..], |i| &lines[i..]);
    let verdict = lines.iter().filter(|line| line.contains("ERROR: libFuzzer") || line.starts_with("SUMMARY:"));
    let report = panic.iter().take(2).chain(verdict).map(|line| line.chars().take(300).collect()).collect();
    let (runs, elapsed) = done.unwrap_or_else(|| (executed_units(&text).unwrap_or(0), started.elapsed().as_secs()));
    Ok(FuzzOutcome { runs, seconds: elapsed, artifacts, clean: status.success() && done.is_some(), report, log })
}

/// `cargo +nightly fuzz <args>` in the repository root. rustup must not fetch a toolchain
/// on its own here: a missing one is reported instead.
fn fuzz_command(root: &Path, args: &[&str]) -> Command {
    let mut cmd = command(root, "cargo", &[&format!("+{FUZZ_TOOLCHAIN}"), "fuzz"]);
    cmd.args(args).env("RUSTUP_AUTO_INSTALL", "0");
    cmd
}

/// libFuzzer's last line, `Done 123456 runs in 30 second(s)`: the runs and seconds.
fn parse_done(line: &str) -> Option<(u64, u64)> {
    let rest = line.trim().strip_prefix("Done ")?;
    let (runs, rest) = rest.split_once(" runs in ")?;
    let seconds = rest.strip_suffix(" second(s)")?;
    Some((runs.parse().ok()?, seconds.parse().ok()?))
}

/// `stat::number_of_executed_units: N`, which libFuzzer also prints after a crash.
fn executed_units(text: &str) -> Option<u64> {
    text.lines().rev().find_map(|line| line.strip_prefix("stat::number_of_executed_units:")?.trim().parse().ok())
}

/// Whether rustup has a toolchain of this channel (`nightly-x86_64-…`, or exactly `nightly`).
fn has_toolchain(root: &Path, channel: &str) -> bool {
    let listed = command(root, "rustup", &["toolchain", "list"]).stderr(Stdio::null()).output();
    let Ok(listed) = listed else { return false };
    String::from_utf8_lossy(&listed.stdout).lines().any(|line| {
        let name = line.split_whitespace().next().unwrap_or("");
        name == channel || name.starts_with(&format!("{channel}-"))
    })
}

fn ensure_cargo_fuzz(root: &Path) -> Result {
    if reports_version("cargo-fuzz", CARGO_FUZZ_VERSION).is_some() {
        println!("ok: cargo-fuzz {CARGO_FUZZ_VERSION}");
        return Ok(());
    }
    println!("installing: cargo-fuzz {CARGO_FUZZ_VERSION} (cargo install --locked, ~2 min)");
    run(command(root, "cargo", &["install", "cargo-fuzz", "--locked", "--version", CARGO_FUZZ_VERSION]))?;
    reports_version("cargo-fuzz", CARGO_FUZZ_VERSION)
        .map(|_| ())
        .ok_or_else(|| not_on_path("cargo-fuzz", CARGO_FUZZ_VERSION))
}

/// Copies the files of `from` into a new, empty `to`.
fn copy_files(from: &Path, to: &Path) -> Result {
    let _ = fs::remove_dir_all(to);
    fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries = fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() {
            fs::copy(&path, to.join(entry.file_name())).map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}
