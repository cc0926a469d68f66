//! Saving: edits, the checked write with its read-back, retries, conflicts with another
//! tab, and what another tab wrote.

use crate::document::Postmortem;
use crate::draft::Draft;
use crate::incidents::{
    mark_done, mark_not_done, summarize_doc, Index, Marked, Stamp, STAMP_PREFIX,
};
use crate::report::{display_title, KEPT_FROM_OTHER_TAB};
use crate::storage::{draft_key, parse_draft, KeyValue};
use crate::words::Text;

use super::alerts::{Alert, AlertAction, AlertKind, Notice, SaveState};

use super::merging::Source as MergeSource;
use super::{Env, Session};

/// Why an action item listed by the overview could not be marked done; the app words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkFailed {
    /// No stored draft has that id any more (deleted, perhaps in another tab), or it could
    /// not be read (then it was set aside and the alert says so).
    NoDraft,
    /// The draft cannot be written: a newer Hindsight wrote it, or it comes from a folder.
    ReadOnly,
    /// Another tab wrote a newer revision of the draft while this tab held unsaved text of
    /// it: nothing was written, and both texts are as they were.
    Stale,
    /// The open draft was changed in another tab meanwhile: the conflict alert asks which
    /// text to keep (this tab's text has the item done).
    Conflict,
    /// The item is no longer in its draft as listed: why, in both languages.
    Row(Text),
}

/// How a checked write went.
pub(super) enum Write {
    Done,
    /// Storage holds a newer revision, written by another tab: nothing was written.
    Stale(Box<Draft>),
    /// The write failed; it was reported, and the draft is kept for another try.
    Failed,
}

impl<K: KeyValue, E: Env> Session<K, E> {
    /// Applies an edit to the open document; the app schedules [`Session::flush`].
    /// Returns false, changing nothing, when the draft is read-only.
    pub fn edit(&mut self, change: impl FnOnce(&mut Postmortem)) -> bool {
        if self.is_read_only() {
            return false;
        }
        change(&mut self.doc);
        self.touch();
        true
    }

    /// Notes an unsaved change of the open document.
    pub(super) fn touch(&mut self) {
        self.untouched = None;
        self.dirty = true;
        if self.save_state != SaveState::NotSaved {
            self.save_state = SaveState::Saving;
        }
    }

    /// Marks done the action item the overview listed at row `index` of draft `id`, with
    /// text `action` (see [`mark_done`]: a row moved since is found by its text).
    ///
    /// The open draft is edited as the form would edit it, and written at once. Any other
    /// draft is read from storage as it is now (or as this tab holds it, after a failed
    /// write), marked, and written through the same revision check as the editor, so a
    /// stale tab never overwrites newer text; the index records it either way.
    pub fn mark_action_done(
        &mut self,
        id: &str,
        index: usize,
        action: &str,
    ) -> Result<Marked, MarkFailed> {
        self.set_action_done(id, index, action, true)
    }

    /// Marks an action item done (`done`) or, to undo Mark done, not done, as
    /// [`Session::mark_action_done`] does: the same lookup of the row, the same revision
    /// check. Undo passes the row that Mark done answered.
    pub fn set_action_done(
        &mut self,
        id: &str,
        index: usize,
        action: &str,
        done: bool,
    ) -> Result<Marked, MarkFailed> {
        let set = if done { mark_done } else { mark_not_done };
        if self.open_id() == Some(id) {
            if self.is_read_only() {
                return Err(MarkFailed::ReadOnly);
            }
            let marked = set(&mut self.doc, index, action).map_err(MarkFailed::Row)?;
            if marked.changed() {
                self.touch();
                self.flush();
            }
            return if self.in_conflict() {
                Err(MarkFailed::Conflict)
            } else {
                Ok(marked)
            };
        }
        let Some(mut draft) = self.draft(id) else {
            return Err(MarkFailed::NoDraft);
        };
        if draft.read_only {
            return Err(MarkFailed::ReadOnly);
        }
        let marked = set(&mut draft.doc, index, action).map_err(MarkFailed::Row)?;
        if !marked.changed() {
            return Ok(marked);
        }
        draft.updated_at = self.env.now_ms();
        let result = match self.write_checked(draft) {
            Write::Done => Ok(marked),
            // The failed write is reported by the Not saved alert and kept for another try.
            Write::Failed => Ok(marked),
            Write::Stale(_) => {
                // The list shows the newer text, as storage holds it.
                let stored = self.store.kv().get(&draft_key(id));
                let _ = self.index.record_value(id, stored.as_deref());
                Err(MarkFailed::Stale)
            }
        };
        let _ = self.index.save(self.store.kv());
        result
    }

    /// Writes the open draft now if it has unsaved edits, unless another tab wrote it first.
    pub fn flush(&mut self) {
        if !self.dirty || self.merging.is_some() || self.is_read_only() {
            return;
        }
        let Some(mut draft) = self.open.clone() else {
            return;
        };
        draft.doc = self.doc.clone();
        draft.updated_at = self.env.now_ms();
        match self.write_checked(draft) {
            Write::Done => {
                self.dirty = false;
                self.base = self.doc.clone();
                self.retry_pending();
            }
            Write::Stale(theirs) => {
                // Another tab wrote first: what only one side changed merges, the rest asks.
                let base = std::mem::take(&mut self.base);
                let theirs = *theirs;
                self.merge_in(&base, theirs.doc, theirs.rev, MergeSource::OtherTab);
            }
            Write::Failed => {}
        }
    }

    /// Writes a draft if storage does not hold a newer revision of it, and records it in the
    /// index; a failed write keeps the draft for another try.
    pub(super) fn write_checked(&mut self, mut draft: Draft) -> Write {
        let id = draft.id.clone();
        // When storage holds exactly the value the index knows (same length and head), its
        // revision is the index's, and the value need not be read and parsed again: on a
        // 500 KB report that parse was most of the cost of a save.
        let known = self.index.get(&id).filter(|s| {
            self.store
                .kv()
                .peek(&crate::storage::draft_key(&id), STAMP_PREFIX)
                .is_some_and(|(head, len)| s.stamp == Stamp::of_head(&head, len))
        });
        if let Some(summary) = known {
            if summary.rev > draft.rev {
                if let Some(Ok(stored)) = self.store.load(&id) {
                    return Write::Stale(Box::new(stored));
                }
            }
        } else {
            match self.store.load(&id) {
                Some(Ok(stored)) if stored.rev > draft.rev => {
                    return Write::Stale(Box::new(stored))
                }
                Some(Err(_)) => {
                    // Something unreadable sits under this id: set it aside, never overwrite it.
                    let _ = self.store.set_aside_draft(&id);
                }
                _ => {}
            }
        }
        // The calm first draft is stored from its first write on, like any other.
        if self.unstored.as_deref() == Some(id.as_str()) {
            self.unstored = None;
        }
        draft.rev += 1;
        let result = self.store.save(&draft);
        if result.is_err() {
            draft.rev -= 1;
        }
        self.pending.retain(|d| d.id != id);
        match result {
            Ok(raw) => {
                self.index.record(&draft, &raw);
                self.remember_open(&draft);
                if self.pending.is_empty() {
                    self.save_state = SaveState::Saved;
                    self.clear_alert(AlertKind::NotSaved);
                }
                Write::Done
            }
            Err(err) => {
                // The list shows the text as it is here; the index keeps the stored value's
                // stamp out of date, so the next start reads the draft again.
                self.index.upsert(summarize_doc(&id, &draft.doc));
                self.remember_open(&draft);
                self.pending.push(draft);
                self.save_state = SaveState::NotSaved;
                self.alert = Some(Alert {
                    kind: AlertKind::NotSaved,
                    notice: Notice::NotSaved(err),
                    actions: vec![AlertAction::ExportJson, AlertAction::BackupAll],
                });
                Write::Failed
            }
        }
    }

    /// Keeps the bookkeeping of the open draft in step with what was written.
    pub(super) fn remember_open(&mut self, draft: &Draft) {
        if let Some(open) = self.open.as_mut().filter(|o| o.id == draft.id) {
            *open = Draft {
                doc: Postmortem::default(),
                ..draft.clone()
            };
        }
    }

    /// A copy of a draft's text under a new id, titled as kept from another tab.
    pub(super) fn kept_copy(&self, doc: Postmortem) -> Draft {
        let mut copy = Draft::new(self.env.new_id(), doc, self.env.now_ms());
        let lang = copy.doc.language;
        copy.doc.header.title =
            KEPT_FROM_OTHER_TAB.fill(lang, &[display_title(&copy.doc.header.title, lang)]);
        copy
    }

    /// Tries again to write drafts whose earlier write failed, once a write has succeeded.
    pub(super) fn retry_pending(&mut self) {
        for draft in std::mem::take(&mut self.pending) {
            if let Write::Stale(_) = self.write_checked(draft.clone()) {
                // Another tab wrote that draft meanwhile: keep this text beside it.
                let copy = self.kept_copy(draft.doc);
                if let Ok(raw) = self.store.save(&copy) {
                    self.index.record(&copy, &raw);
                }
            }
        }
    }

    /// Writes everything that can be written now, because the page may be going away. The
    /// index is written here and when the list changes, not on every keystroke's write: it
    /// is a cache, checked at start-up, so a stale entry only costs one draft's parse.
    pub fn save_before_leaving(&mut self) {
        if self.merging.is_some() && self.dirty {
            self.resolve_conflict(true);
        }
        self.flush();
        let _ = self.index.save(self.store.kv());
    }

    /// Another tab wrote (`Some`) or removed (`None`) a draft.
    pub fn other_tab_wrote(&mut self, id: &str, value: Option<String>) {
        let open = self.open_id() == Some(id);
        let Some(text) = value else {
            if open {
                self.warn(Notice::DeletedElsewhere, Vec::new());
                // Writing it again is a new start, not a stale overwrite.
                if let Some(o) = self.open.as_mut() {
                    o.rev = 0;
                }
            } else {
                self.index.forget(id);
                self.pending.retain(|d| d.id != id);
            }
            return;
        };
        // A value this tab cannot read is left to the next load, which sets it aside.
        let Ok(read) = parse_draft(&text) else {
            return;
        };
        let theirs = read.draft;
        let known_rev = if open {
            self.open.as_ref().map(|o| o.rev)
        } else {
            self.index.get(id).map(|s| s.rev)
        };
        if known_rev.is_some_and(|rev| theirs.rev <= rev) {
            return;
        }
        let _ = self.index.record_value(id, Some(&text));
        if open && self.dirty {
            let base = std::mem::take(&mut self.base);
            self.merge_in(&base, theirs.doc, theirs.rev, MergeSource::OtherTab);
            return;
        }
        if open && self.merging.is_none() {
            self.show(theirs);
        }
    }

    /// Another tab cleared storage: reload the list, keeping the open text.
    pub fn reload_list(&mut self) {
        let (index, _) = Index::load(self.store.kv());
        self.index = index;
        // The open draft stays, even if storage was cleared: its text is still here, and it
        // is written again as a new start.
        if let Some(id) = self.open_id().map(str::to_owned) {
            if self.index.get(&id).is_none() {
                if let Some(o) = self.open.as_mut() {
                    o.rev = 0;
                }
                self.dirty = true;
                self.flush();
            }
        }
    }

    /// Another tab recorded a backup.
    pub fn other_tab_backed_up(&mut self, value: Option<String>) {
        self.last_backup = value.and_then(|v| v.parse().ok());
    }
}
