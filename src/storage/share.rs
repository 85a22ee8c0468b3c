//! Share links: a whole scenario in the URL fragment, so nothing goes to any server.
//!
//! The fragment is `#s=<v>.<data>`: `v` is the link format (1), `data` is the scenario as a
//! one-scenario saved file (the same JSON [`super::migrate()`] reads), compressed with zlib
//! (`deflate` with an Adler-32 checksum, so a tampered or cut link fails to inflate) and
//! written in base64url without padding.
//!
//! Compression itself is the browser's `CompressionStream` (see `share_browser.rs`); this
//! module is the pure framing around it: text in, bytes or a reason out.

use super::migrate::{migrate, serialize, LoadError};
use crate::calc::{Scenario, Workspace};

/// The link format this build writes.
pub const LINK_VERSION: u32 = 1;
/// Longest share link accepted, in bytes (the whole URL).
pub const MAX_LINK_BYTES: usize = 8 * 1024;
/// Largest inflated payload accepted (a guard against compression bombs).
pub const MAX_PAYLOAD_BYTES: usize = 256 * 1024;

/// Why a share link could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Longer than [`MAX_LINK_BYTES`].
    TooLong,
    /// Cut short, mistyped or altered: not valid base64url, or the data does not inflate.
    Damaged,
    /// Made by a newer Tragt.
    FutureVersion,
    /// Inflated, but not a readable scenario.
    Unreadable,
}

/// The `s=` part of a URL fragment, if there is one (`hash` with or without the `#`).
pub fn fragment_payload(hash: &str) -> Option<&str> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&').find_map(|part| part.strip_prefix("s="))
}

/// Splits a payload into its link version and compressed bytes. `link_len` is the
/// length of the whole link, checked against [`MAX_LINK_BYTES`].
pub fn decode_payload(payload: &str, link_len: usize) -> Result<Vec<u8>, ShareError> {
    if link_len > MAX_LINK_BYTES || payload.len() > MAX_LINK_BYTES {
        return Err(ShareError::TooLong);
    }
    let (version, data) = payload.split_once('.').ok_or(ShareError::Damaged)?;
    if version != LINK_VERSION.to_string() {
        let newer =
            version.bytes().all(|b| b.is_ascii_digit()) && version.parse::<u32>().is_ok_and(|v| v > LINK_VERSION);
        return Err(if newer { ShareError::FutureVersion } else { ShareError::Damaged });
    }
    let bytes = base64url_decode(data).ok_or(ShareError::Damaged)?;
    if bytes.is_empty() {
        return Err(ShareError::Damaged);
    }
    Ok(bytes)
}

/// The payload for compressed bytes.
pub fn encode_payload(compressed: &[u8]) -> String {
    format!("{LINK_VERSION}.{}", base64url_encode(compressed))
}

/// The JSON a share link carries: a saved file holding only `scenario`.
pub fn scenario_json(scenario: &Scenario) -> String {
    serialize(&Workspace::new(scenario.clone()))
}

/// Reads the inflated JSON of a share link back into a scenario.
pub fn read_scenario(json: &[u8]) -> Result<Scenario, ShareError> {
    if json.len() > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooLong);
    }
    let text = std::str::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    match migrate(text) {
        Ok(loaded) => Ok(loaded.workspace.current().clone()),
        Err(LoadError::FutureVersion(_)) => Err(ShareError::FutureVersion),
        Err(_) => Err(ShareError::Unreadable),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url (RFC 4648 §5) without padding.
///
/// ```
/// use tragt::storage::share::{base64url_decode, base64url_encode};
/// // "Man" = 0x4d 0x61 0x6e = 010011 010110 000101 101110 = T W F u
/// assert_eq!(base64url_encode(b"Man"), "TWFu");
/// assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
/// assert_eq!(base64url_decode("-_8").unwrap(), [0xfb, 0xff]);
/// ```
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url without padding; `None` for any other character, a length that
/// cannot occur (4k + 1), or non-zero bits after the last byte (a non-canonical ending).
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let digits =
        text.bytes().map(|c| ALPHABET.iter().position(|&a| a == c).map(|v| v as u32)).collect::<Option<Vec<u32>>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &d)| n | d << (18 - 6 * i));
        let bytes = chunk.len() - 1;
        let leftover = n & ((1 << (8 * (3 - bytes))) - 1);
        if leftover != 0 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::{Currency, TemplateId};

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        // RFC 4648 §10 test vectors, without padding
        let cases = [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE")];
        for (plain, coded) in cases {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn base64url_rejects_what_it_never_writes() {
        assert_eq!(base64url_decode("Zm9v="), None, "padding");
        assert_eq!(base64url_decode("Zm+v"), None, "standard alphabet");
        assert_eq!(base64url_decode("Zm9vY"), None, "impossible length");
        assert_eq!(base64url_decode("Zh"), None, "non-zero trailing bits");
    }

    #[test]
    fn fragments_and_payloads_say_what_is_wrong() {
        assert_eq!(fragment_payload("#s=1.abc"), Some("1.abc"));
        assert_eq!(fragment_payload("x=2&s=1.abc"), Some("1.abc"));
        assert_eq!(fragment_payload("#/embed"), None);
        assert_eq!(decode_payload("1.Zm9v", 100).unwrap(), b"foo");
        assert_eq!(decode_payload("2.Zm9v", 100), Err(ShareError::FutureVersion));
        assert_eq!(decode_payload("0.Zm9v", 100), Err(ShareError::Damaged));
        assert_eq!(decode_payload("01.Zm9v", 100), Err(ShareError::Damaged), "one spelling only");
        assert_eq!(decode_payload("+2.Zm9v", 100), Err(ShareError::Damaged));
        assert_eq!(decode_payload("Zm9v", 100), Err(ShareError::Damaged));
        assert_eq!(decode_payload("1.", 100), Err(ShareError::Damaged));
        assert_eq!(decode_payload("1.Zm9v", MAX_LINK_BYTES + 1), Err(ShareError::TooLong));
    }

    #[test]
    fn a_scenario_reads_back_from_its_json() {
        let mut s = Scenario::from_template("s1".into(), "Q3 <b>plan</b>".into(), TemplateId::Webshop, Currency::Dkk);
        s.economics.spend = 12_345.5;
        let back = read_scenario(scenario_json(&s).as_bytes()).unwrap();
        assert_eq!(back, s);
        assert_eq!(read_scenario(b"{\"format\":\"tragt\",\"version\":7}"), Err(ShareError::FutureVersion));
        assert_eq!(read_scenario(b"[1,2]"), Err(ShareError::Unreadable));
        assert_eq!(read_scenario(&[0xff, 0xfe]), Err(ShareError::Damaged));
    }

    #[test]
    fn a_link_carries_the_traffic_sources_and_stage_costs() {
        use crate::calc::traffic::{SourceKind, SourceType};
        let mut s = Scenario::from_template("s1".into(), "Kilder".into(), TemplateId::Webshop, Currency::Sek);
        s.add_source("Google Ads", SourceKind::cpc(40_000.0, 5.0).unwrap()).unwrap();
        s.set_source_rate_percent(0, Some(25.0)).unwrap();
        s.add_source("Instagram", SourceKind::cpm(6_000.0, 60.0, 1.0).unwrap()).unwrap();
        s.add_source("Organic", SourceKind::free(2_000.0, 500.0).unwrap()).unwrap();
        s.set_source_type(2, SourceType::Free).unwrap();
        let lead = s.lead;
        s.set_entrant_cost(lead, Some(12.5)).unwrap();
        s.set_fixed_cost(s.purchase, Some(3_000.0)).unwrap();
        let json = scenario_json(&s);
        assert!(
            json.contains(r#""sources":[{"name":"Google Ads","kind":"cpc","budget":40000.0,"cpc":5.0,"rate":0.25}"#)
        );
        let back = read_scenario(json.as_bytes()).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.forecast(), s.forecast());
    }
}
