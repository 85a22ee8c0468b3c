//! Files in and out of the browser: a download made from text, and the text of a file the
//! user picked. Failures are values.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let a: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // the click has started the download; the URL can go once the task ends
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(1),
    );
    Ok(())
}

/// The text of a picked file, read only if it is at most `limit` bytes (`Ok(None)` if larger).
pub async fn read_text(file: &File, limit: usize) -> Result<Option<String>, JsValue> {
    if file.size() > limit as f64 {
        return Ok(None);
    }
    Ok(JsFuture::from(file.text()).await?.as_string())
}
