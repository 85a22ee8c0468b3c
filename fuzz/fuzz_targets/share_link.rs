//! A share link, as anyone can type or tamper with it. The input is read two ways:
//!
//! * as the URL fragment (`#s=1.<base64url>`): `fragment_payload` → `decode_payload` →
//!   `read_scenario` on the decoded bytes. The browser inflates those bytes first
//!   (`DecompressionStream`, wasm only); natively the fuzzer feeds the decoder's output to
//!   the reader directly, so a seed `#s=1.<base64url of the JSON>` reaches the reader;
//! * as the inflated JSON itself: `read_scenario` on the raw bytes.
//!
//! A payload that decodes must be the one spelling the encoder writes for those bytes; a
//! scenario that reads must read back from its own share JSON unchanged, with finite figures.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tragt::storage::share::{decode_payload, encode_payload, fragment_payload, read_scenario, scenario_json};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let hash = String::from_utf8_lossy(data);
    if let Some(payload) = fragment_payload(&hash) {
        if let Ok(bytes) = decode_payload(payload, hash.len()) {
            assert_eq!(encode_payload(&bytes), payload, "one spelling per payload");
            read_back(&bytes);
        }
    }
    read_back(data);
});

fn read_back(json: &[u8]) {
    let Ok(scenario) = read_scenario(json) else { return };
    common::check_scenario(&scenario);
    let again = scenario_json(&scenario);
    assert_eq!(read_scenario(again.as_bytes()), Ok(scenario), "the share JSON reads back:\n{again}");
}
