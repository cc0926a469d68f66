//! Files in and out of the page: downloads, reading a picked or dropped file, the clipboard.

use hindsight_core::{error::MAX_IMPORT_BYTES, Text};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n;

fn prepare_failed() -> Text {
    Text::new(i18n::DOWNLOAD_PREPARE_FAILED, &[])
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), Text> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| prepare_failed())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| prepare_failed())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(prepare_failed)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| prepare_failed())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has started the download; the URL is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a file the user picked or dropped, refusing large ones before reading them and
/// naming the encodings it cannot read.
pub async fn read_text(file: &web_sys::File) -> Result<String, Text> {
    if file.size() > MAX_IMPORT_BYTES as f64 {
        let mib = (MAX_IMPORT_BYTES / 1024 / 1024).to_string();
        return Err(Text::new(i18n::FILE_TOO_LARGE, &[&mib]));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| Text::new(i18n::FILE_UNREADABLE, &[]))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    decode_text(bytes)
}

/// UTF-8 text, or why the bytes are not: UTF-16 (by its byte-order mark, or by the zero
/// bytes of ASCII written in it) is named, so the user knows what to do.
fn decode_text(bytes: Vec<u8>) -> Result<String, Text> {
    let utf16_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let sample = &bytes[..bytes.len().min(512)];
    let zeros = sample.iter().filter(|b| **b == 0).count();
    if utf16_bom || (sample.len() >= 4 && zeros * 4 >= sample.len()) {
        return Err(Text::new(i18n::FILE_UTF16, &[]));
    }
    String::from_utf8(bytes).map_err(|_| Text::new(i18n::FILE_NOT_TEXT, &[]))
}

/// Copies text to the clipboard where the browser allows it (HTTPS or localhost).
pub async fn copy_text(text: &str) -> Result<(), Text> {
    let window = web_sys::window().ok_or_else(|| Text::new(i18n::NO_CLIPBOARD, &[]))?;
    let navigator = window.navigator();
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .map(|c| !c.is_undefined())
        .unwrap_or(false);
    if !available {
        return Err(Text::new(i18n::NO_CLIPBOARD, &[]));
    }
    JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| Text::new(i18n::COPY_REFUSED, &[]))
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The page's address without query or fragment, for building share links.
pub fn page_base_url() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// The page's fragment, such as `#share=…`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let l = window.location();
    let url = format!(
        "{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}
