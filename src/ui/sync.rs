//! Keeping up with other tabs: the browser's `storage` event says when another tab of this
//! site wrote or removed a draft, so this tab's list and open draft stay current, and a tab
//! with unsaved edits to the same draft asks before anything is overwritten.

use leptos::prelude::*;

use crate::storage::{parse_draft, DRAFT_PREFIX, META_PREFIX};

use super::state::{AlertKind, Editor};

impl Editor {
    /// Starts listening to other tabs; the listener lives as long as the app.
    pub fn watch_other_tabs(&self) {
        let this = *self;
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            let Some(key) = ev.key() else {
                // `localStorage.clear()` in another tab: reload the list, keep the open text.
                this.reload_list();
                return;
            };
            if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
                this.other_tab_wrote(id, ev.new_value());
            } else if key == format!("{META_PREFIX}last-backup") {
                this.last_backup
                    .set(ev.new_value().and_then(|v| v.parse().ok()));
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn reload_list(&self) {
        let mut drafts = self.store.with_value(|s| s.load_all()).drafts;
        // The open draft stays, even if storage was cleared: its text is still here, and it
        // is written again as a new start.
        let mut rewrite = false;
        if let Some(id) = self.open_id.get_untracked() {
            if !drafts.iter().any(|d| d.id == id) {
                if let Some(mut open) = self.find(&id) {
                    open.rev = 0;
                    drafts.push(open);
                    rewrite = true;
                }
            }
        }
        self.drafts.set(drafts);
        if rewrite {
            self.dirty.set_value(true);
            self.flush();
        }
    }

    fn other_tab_wrote(&self, id: &str, value: Option<String>) {
        let open = self.open_id.get_untracked().as_deref() == Some(id);
        let Some(text) = value else {
            if open {
                self.warn(
                    AlertKind::Other,
                    "This draft was deleted in another tab. Its text stays open here and is saved again if you keep editing.",
                    Vec::new(),
                );
                // Writing it again is a new start, not a stale overwrite.
                self.drafts.update(|ds| {
                    if let Some(d) = ds.iter_mut().find(|d| d.id == id) {
                        d.rev = 0;
                    }
                });
            } else {
                self.drafts.update(|ds| ds.retain(|d| d.id != id));
            }
            return;
        };
        // A value this tab cannot read is left to the next load, which sets it aside.
        let Ok(read) = parse_draft(&text) else {
            return;
        };
        let theirs = read.draft;
        let newer = self.drafts.with_untracked(|ds| {
            ds.iter()
                .find(|d| d.id == id)
                .is_none_or(|d| theirs.rev > d.rev)
        });
        if !newer {
            return;
        }
        if open && self.dirty.get_value() {
            self.raise_conflict(theirs);
            return;
        }
        self.drafts
            .update(|ds| match ds.iter_mut().find(|d| d.id == theirs.id) {
                Some(d) => *d = theirs.clone(),
                None => ds.push(theirs.clone()),
            });
        if open && self.conflict.with_untracked(Option::is_none) {
            self.show(&theirs);
        }
    }
}
