//! The app's own settings in local storage (the UI language, the theme, hidden guidance),
//! each under the meta prefix beside the drafts, as plain text (the page's `theme.js` reads
//! the theme before the app starts). A setting that cannot be read is unset; one that cannot
//! be written holds for this tab only.

use gloo_storage::{LocalStorage, Storage};
use hindsight_core::storage::META_PREFIX;

fn storage() -> Option<web_sys::Storage> {
    // gloo-storage aborts where storage is disabled; `local_storage()` says so first,
    // without throwing.
    web_sys::window()?.local_storage().ok()??;
    Some(LocalStorage::raw())
}

/// The stored value of a setting.
pub fn get(name: &str) -> Option<String> {
    storage()?
        .get_item(&format!("{META_PREFIX}{name}"))
        .ok()
        .flatten()
}

/// Stores a setting; a full or refused storage keeps it for this tab only.
pub fn set(name: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("{META_PREFIX}{name}"), value);
    }
}

/// Whether a storage event's key is this setting's (another tab changed it).
pub fn is_key(storage_key: Option<&str>, name: &str) -> bool {
    storage_key.and_then(|k| k.strip_prefix(META_PREFIX)) == Some(name)
}
