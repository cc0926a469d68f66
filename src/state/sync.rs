//! Keeping up with other tabs: the browser's `storage` event says when another tab of this
//! site wrote or removed a draft; the session decides what that means for this tab.

use hindsight_core::{storage::DRAFT_PREFIX, storage::META_PREFIX};
use leptos::prelude::*;

use super::Editor;

impl Editor {
    /// Starts listening to other tabs; the listener lives as long as the app.
    pub fn watch_other_tabs(&self) {
        let this = *self;
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(key) = ev.key() else {
                // `localStorage.clear()` in another tab: reload the list, keep the open text.
                this.act(|s| s.reload_list());
                return;
            };
            if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
                let value = ev.new_value();
                this.act(|s| s.other_tab_wrote(id, value));
            } else if key == format!("{META_PREFIX}last-backup") {
                let value = ev.new_value();
                this.act(|s| s.other_tab_backed_up(value));
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Follows Back and Forward between drafts: the URL names the draft to show.
    pub fn watch_history(&self) {
        let this = *self;
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let Some(id) = crate::adapters::platform::draft_in_url() else {
                return;
            };
            let known = this
                .drafts()
                .with_untracked(|d| d.iter().any(|s| s.id == id));
            if known && this.open_id().get_untracked().as_deref() != Some(id.as_str()) {
                this.open(&id);
            }
        });
        on_cleanup(move || handle.remove());
    }
}
