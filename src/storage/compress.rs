//! zlib compression by the browser's own `CompressionStream` / `DecompressionStream`
//! (no compressor in the wasm), and the share-link round trip built on it.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, ReadableWritablePair, Response, WritableStream};

use super::share::{decode_payload, encode_payload, read_scenario, scenario_json, ShareError, MAX_PAYLOAD_BYTES};
use crate::calc::Scenario;

#[wasm_bindgen]
extern "C" {
    /// A `CompressionStream` or `DecompressionStream` (same shape).
    type TransformStream;
    #[wasm_bindgen(constructor, catch, js_class = "CompressionStream")]
    fn compressor(format: &str) -> Result<TransformStream, JsValue>;
    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn decompressor(format: &str) -> Result<TransformStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &TransformStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &TransformStream) -> WritableStream;
}

async fn pipe(bytes: &[u8], through: TransformStream) -> Result<Vec<u8>, JsValue> {
    let mut copy = bytes.to_vec();
    let source = Response::new_with_opt_u8_array(Some(&mut copy))?.body().ok_or(JsValue::NULL)?;
    let out = source.pipe_through(&ReadableWritablePair::new(&through.readable(), &through.writable()));
    let buffer = JsFuture::from(Response::new_with_opt_readable_stream(Some(&out))?.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// zlib-compresses `bytes`.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    pipe(bytes, TransformStream::compressor("deflate")?).await
}

/// Inflates zlib data; an error for anything cut short, altered (checksum) or not zlib.
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    pipe(bytes, TransformStream::decompressor("deflate")?).await
}

/// The `s=…` fragment payload that carries `scenario`.
pub async fn share_payload(scenario: &Scenario) -> Option<String> {
    let compressed = deflate(scenario_json(scenario).as_bytes()).await.ok()?;
    Some(encode_payload(&compressed))
}

/// Opens the payload of a share link `link_len` bytes long.
pub async fn open_payload(payload: &str, link_len: usize) -> Result<Scenario, ShareError> {
    let compressed = decode_payload(payload, link_len)?;
    let json = inflate(&compressed).await.map_err(|_| ShareError::Damaged)?;
    if json.len() > MAX_PAYLOAD_BYTES {
        return Err(ShareError::TooLong);
    }
    read_scenario(&json)
}

/// Resolves after the current task (lets the page paint between steps).
pub async fn next_tick() {
    let _ = JsFuture::from(Promise::resolve(&JsValue::UNDEFINED)).await;
}
