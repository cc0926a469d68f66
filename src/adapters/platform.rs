//! Small wrappers over browser APIs the UI needs: ids, clocks, the URL and time zones.
//!
//! Each is feature-detected, so the app also runs on plain-http intranet hosts.

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

pub use super::zones::{browser_time_zone, is_valid_time_zone, zone_offset_minutes, Zones};

/// A random 96-bit id in hex, from `crypto.getRandomValues` (available without HTTPS).
pub fn random_id() -> String {
    let mut bytes = [0u8; 12];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No crypto at all (very old browsers): fall back to Math.random.
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Milliseconds since the epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's local date, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A local, human date and time for an epoch millisecond count.
pub fn format_local_ms(ms: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A query parameter of the page's URL, when set and not empty.
pub fn url_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|v| !v.is_empty())
}

/// The `draft` query parameter of the page's URL.
pub fn draft_in_url() -> Option<String> {
    url_param("draft")
}

/// Sets query parameters of the URL without reloading, keeping the path (any sub-path), the
/// other parameters and the fragment (reserved for share links). `push` adds a history
/// entry, so Back returns to where the user was; otherwise the entry is replaced.
pub fn set_url_params(changes: &[(&str, Option<&str>)], push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    for (name, value) in changes {
        match value {
            Some(v) => params.set(name, v),
            None => params.delete(name),
        }
    }
    let query = params.to_string().as_string().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Puts `?draft=<id>` in the URL without reloading: a history entry of its own when the URL
/// named another draft, so Back returns to it; the first draft of a visit replaces the
/// entry it was loaded with.
pub fn set_draft_in_url(id: &str) {
    match draft_in_url() {
        Some(current) if current == id => {}
        Some(_) => set_url_params(&[("draft", Some(id))], true),
        None => set_url_params(&[("draft", Some(id))], false),
    }
}

/// Scrolls an element into view, if it exists and is shown.
pub fn scroll_into_view(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Asks the browser to keep this site's storage under pressure, where it can.
pub fn request_persistent_storage() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let has_storage =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("storage")).unwrap_or(false);
    if has_storage {
        if let Ok(promise) = navigator.storage().persist() {
            // The answer only matters to the browser; nothing to do with it here.
            drop(promise);
        }
    }
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            let navigator = w.navigator();
            let list: Vec<String> = navigator
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect();
            if list.is_empty() {
                navigator.language().into_iter().collect()
            } else {
                list
            }
        })
        .unwrap_or_default()
}

/// Sets the page's `<html lang>`.
pub fn set_html_lang(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Focuses an element by id; true when it took the focus.
pub fn focus(id: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(el) = doc
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let _ = el.focus();
    // A hidden element (the phone's closed drafts panel) does not take the focus.
    doc.active_element()
        .is_some_and(|active| active.is_same_node(Some(&el)))
}

/// Runs `f` when the page is next idle (after the frames due now are painted), or within
/// `within_ms` at the latest; at once where the browser has no idle callbacks.
pub fn when_idle(within_ms: u32, f: impl FnOnce() + 'static) {
    type Once = std::rc::Rc<std::cell::Cell<Option<Box<dyn FnOnce()>>>>;
    let once: Once = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(f))));
    let run = |once: &Once| {
        if let Some(f) = once.take() {
            f();
        }
    };
    let Some(window) = web_sys::window() else {
        run(&once);
        return;
    };
    if !js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false) {
        run(&once);
        return;
    }
    let later = once.clone();
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || run(&later));
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(within_ms);
    if window
        .request_idle_callback_with_options(callback.unchecked_ref(), &options)
        .is_err()
    {
        run(&once);
    }
}

/// The text of a file of this site (a relative URL, so it works under any sub-path), from
/// the network or the service worker's cache; `None` when it cannot be had.
pub async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
            .await
            .ok()?
            .dyn_into()
            .ok()?;
    if !response.ok() {
        return None;
    }
    wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
