//! The browser's `localStorage` as a [`KeyValue`] backend, through the stack's storage
//! crate (`gloo-storage`) once a probe has shown that storage is there.

use gloo_storage::{LocalStorage, Storage};
use hindsight_core::{storage::KeyValue, storage::WriteError};
use wasm_bindgen::JsCast;

/// `window.localStorage`, found once at start-up.
#[derive(Clone)]
pub struct LocalStorageKv(web_sys::Storage);

impl LocalStorageKv {
    /// The page's local storage, or `None` when the browser disables or hides it.
    pub fn open() -> Option<Self> {
        // gloo-storage aborts when storage is disabled or hidden (reading
        // `window.localStorage` throws), so it is asked only once `local_storage()` has
        // said, without throwing, that there is one.
        web_sys::window()?.local_storage().ok()??;
        let storage = LocalStorage::raw();
        // Some browsers hand out a storage whose every write throws; probe it once. A full
        // storage is still storage: its drafts can be read, and saving reports the quota.
        let probe = "hindsight:probe";
        match storage.set_item(probe, "1") {
            Ok(()) => {
                let _ = storage.remove_item(probe);
            }
            Err(e) if write_error(e.clone()) == WriteError::QuotaExceeded => {}
            Err(_) => return None,
        }
        Some(Self(storage))
    }
}

fn write_error(err: wasm_bindgen::JsValue) -> WriteError {
    if let Some(dom) = err.dyn_ref::<web_sys::DomException>() {
        if dom.name() == "QuotaExceededError" || dom.code() == 22 {
            return WriteError::QuotaExceeded;
        }
        return WriteError::Other(dom.message());
    }
    WriteError::Other(err.as_string().unwrap_or_default())
}

impl KeyValue for LocalStorageKv {
    fn keys(&self) -> Vec<String> {
        let len = LocalStorage::length();
        (0..len)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.0.set_item(key, value).map_err(write_error)
    }
    fn remove(&self, key: &str) -> Result<(), WriteError> {
        self.0.remove_item(key).map_err(write_error)
    }
    fn peek(&self, key: &str, units: usize) -> Option<(String, usize)> {
        // Slice in JavaScript, so only the head crosses into wasm: start-up checks every
        // draft's stamp, and copying each whole value would cost more than the check.
        let get: js_sys::Function = js_sys::Reflect::get(&self.0, &"getItem".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let value = get.call1(&self.0, &key.into()).ok()?;
        let text: js_sys::JsString = value.dyn_into().ok()?;
        let len = text.length() as usize;
        let head = text.slice(0, units.min(len) as u32);
        Some((String::from(head), len))
    }
}
