//! The drafts: open, create, duplicate and delete, and the empty draft that goes when the
//! user leaves it untouched.

use crate::document::{Header, Language, Postmortem, Template};
use crate::draft::Draft;
use crate::incidents::summarize_doc;
use crate::storage::KeyValue;

use super::alerts::{Alert, AlertAction, AlertKind, Notice};
use super::rows::Undoable;
use super::{is_blank, Env, Session};

impl<K: KeyValue, E: Env> Session<K, E> {
    /// Removes the open draft if it was created empty and never touched, because the user
    /// is leaving it for another.
    pub(super) fn drop_untouched(&mut self, next: &str) {
        let Some(id) = self.untouched.take() else {
            return;
        };
        if self.open_id() != Some(id.as_str()) || id == next || self.dirty {
            return;
        }
        if self.unstored.take().is_some_and(|u| u == id) {
            // Never written: there is nothing to remove.
            return;
        }
        if self.store.remove(&id).is_ok() {
            self.index.forget(&id);
            self.pending.retain(|d| d.id != id);
        }
    }

    /// Puts a draft in the editor without writing anything.
    pub(super) fn show(&mut self, mut draft: Draft) {
        self.doc = std::mem::take(&mut draft.doc);
        self.base = self.doc.clone();
        self.open = Some(draft);
        self.folder_base_on_open();
        self.generation += 1;
    }

    /// Learns the browser's time zone once the app has been painted (asking the browser
    /// first costs a start-up tens of milliseconds). New drafts start in it from now on, and
    /// the draft created before it was known takes it, without counting as an edit of the
    /// user's. True when the open document changed.
    pub fn set_zone(&mut self, zone: String) -> bool {
        if zone.trim().is_empty() {
            return false;
        }
        self.zone = zone;
        let Some(id) = self.zone_wanted.take() else {
            return false;
        };
        let fill = self.open_id() == Some(id.as_str())
            && self.doc.header.time_zone.trim().is_empty()
            && !self.is_read_only()
            && self.merging.is_none();
        if fill {
            self.doc.header.time_zone = self.zone.clone();
            // The calm first draft takes its zone without being written: that is no edit.
            if !self.is_unstored() || self.dirty {
                self.dirty = true;
                self.flush();
            }
        }
        fill
    }

    /// Opens a draft by id, writing the current one first.
    pub fn open(&mut self, id: &str) {
        self.try_open(id);
    }

    /// Opens a draft by id; false when it cannot be read.
    pub(super) fn try_open(&mut self, id: &str) -> bool {
        if self.merging.is_some() {
            // Leaving a conflicted draft keeps this tab's text as its own draft first.
            self.resolve_conflict(true);
        }
        self.flush();
        let Some(draft) = self.draft(id) else {
            return false;
        };
        self.drop_untouched(id);
        // A row's undo belongs to the document it was removed from.
        if self.open_id() != Some(id) {
            self.undo.retain(|x| matches!(x, Undoable::Draft(_)));
        }
        self.dirty = false;
        self.show(draft);
        // A draft left blank (the first visit's, say, and then a reload) is as good as a new
        // one: leaving it removes it, so the list never fills with empty drafts.
        if is_blank(&self.doc) && !self.is_read_only() {
            self.untouched = Some(id.to_owned());
        }
        true
    }

    /// Adds a new draft and opens it.
    pub fn add_and_open(&mut self, draft: Draft) {
        self.flush();
        let id = draft.id.clone();
        self.drop_untouched(&id);
        match self.store.save(&draft) {
            Ok(raw) => self.index.record(&draft, &raw),
            Err(err) => {
                self.index.upsert(summarize_doc(&id, &draft.doc));
                self.pending.push(draft.clone());
                self.alert = Some(Alert {
                    kind: AlertKind::NotSaved,
                    notice: Notice::NewDraftNotStored(err),
                    actions: vec![AlertAction::ExportJson, AlertAction::BackupAll],
                });
            }
        }
        let _ = self.index.save(self.store.kv());
        self.undo.retain(|x| matches!(x, Undoable::Draft(_)));
        self.dirty = false;
        self.show(draft);
    }

    /// An empty draft from a template, in a language and a time zone.
    fn blank_draft(&self, template: Template, language: Language, zone: String) -> Draft {
        let doc = Postmortem {
            template,
            language,
            header: Header {
                time_zone: zone,
                ..Header::default()
            },
            ..Postmortem::default()
        };
        Draft::new(self.env.new_id(), doc, self.env.now_ms())
    }

    /// Creates an empty draft from a template, in a language and a time zone, and opens it.
    pub fn create(&mut self, template: Template, language: Language, zone: String) {
        let zone_unknown = zone.trim().is_empty();
        let draft = self.blank_draft(template, language, zone);
        let id = draft.id.clone();
        self.add_and_open(draft);
        if zone_unknown {
            self.zone_wanted = Some(id.clone());
        }
        self.untouched = Some(id);
    }

    /// Opens an empty Full draft without writing it: where there is no draft at all (a first
    /// visit, the last one deleted), the form is ready to type in, yet nothing is stored or
    /// listed until the first edit, so a reload before it finds the same calm start and
    /// never an accumulated blank draft.
    pub(super) fn start_calm(&mut self, language: Language, zone: String) {
        let zone_unknown = zone.trim().is_empty();
        let draft = self.blank_draft(Template::Full, language, zone);
        let id = draft.id.clone();
        self.dirty = false;
        self.show(draft);
        if zone_unknown {
            self.zone_wanted = Some(id.clone());
        }
        self.untouched = Some(id.clone());
        self.unstored = Some(id);
    }

    /// Opens a copy of a document (the worked example, an import) as a new draft.
    pub fn open_new(&mut self, doc: Postmortem) {
        let draft = Draft::new(self.env.new_id(), doc, self.env.now_ms());
        self.add_and_open(draft);
    }

    /// Duplicates a draft and opens the copy.
    pub fn duplicate(&mut self, id: &str) {
        self.flush();
        let Some(source) = self.draft(id) else {
            return;
        };
        let copy = source.duplicate(self.env.new_id(), self.env.now_ms());
        self.add_and_open(copy);
    }

    /// Deletes a draft, keeping it for Undo; opens another one if it was open, or a new one
    /// in `language` and `zone` when none is left.
    pub fn delete(&mut self, id: &str, language: Language, zone: String) {
        self.flush();
        let Some(draft) = self.draft(id) else {
            return;
        };
        if let Err(err) = self.store.remove(id) {
            self.warn(Notice::DeleteFailed(err), Vec::new());
            return;
        }
        self.index.forget(id);
        self.pending.retain(|d| d.id != id);
        let _ = self.index.save(self.store.kv());
        // Its file goes with it; Undo brings the draft back, and its next save the file.
        if let Some(link) = self.unlink(id) {
            if self.folder_connected {
                self.removed_files.push(link.path);
            }
        }
        self.undo.push(Undoable::Draft(Box::new(draft)));
        if self.open_id() == Some(id) {
            self.dirty = false;
            self.open = None;
            let next = self
                .newest_first_ids()
                .into_iter()
                .find(|n| self.try_open_quiet(n));
            if next.is_none() {
                self.start_calm(language, zone);
            }
        }
    }

    pub(super) fn try_open_quiet(&mut self, id: &str) -> bool {
        self.try_open(id)
    }
}
