//! App-wide state and the actions on it, shared through context as one small `Editor` handle.
//!
//! The open document lives in one signal; the form writes to it through [`Editor::edit`], and
//! the preview, the drafts list and storage read it. Nothing keeps a second copy of it.

use leptos::prelude::*;

use crate::domain::backup::{read_backup, restore, write_backup};
use crate::domain::document::{Postmortem, Template};
use crate::domain::draft::Draft;
use crate::domain::export::{export_html, export_json, export_markdown, file_stem};
use crate::domain::import::{import_json, import_markdown};
use crate::domain::share;
use crate::storage::local::LocalStorageKv;
use crate::storage::{DraftStore, KeyValue, MemoryKv, WriteError};

use super::{files, platform};

/// Longest wait between the first unsaved edit and its write.
pub const SAVE_DELAY_MS: u64 = 300;

/// What the save indicator says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is written.
    Saved,
    /// An edit waits for its write.
    Saving,
    /// The last write failed; the text is only in memory.
    NotSaved,
}

/// Something the user can take back with Undo.
#[derive(Clone, Debug)]
pub enum Undoable {
    /// A deleted draft.
    Draft(Box<Draft>),
    /// A row removed from a list in the open document, with a way to put it back.
    Row {
        /// What the toast says was removed, such as "Event 2".
        what: String,
        /// The document as it was before the removal.
        before: Box<Postmortem>,
    },
}

/// The file formats of the export menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Markdown with front matter.
    Markdown,
    /// A standalone HTML page.
    Html,
    /// The document as JSON.
    Json,
}

/// A storage backend chosen at start-up.
type Backend = DraftStore<Box<dyn KeyValue>>;

impl KeyValue for Box<dyn KeyValue> {
    fn keys(&self) -> Vec<String> {
        (**self).keys()
    }
    fn get(&self, key: &str) -> Option<String> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), WriteError> {
        (**self).remove(key)
    }
}

/// The handle to app-wide state; cheap to copy into any closure.
#[derive(Clone, Copy)]
pub struct Editor {
    /// Every draft, as last written.
    pub drafts: RwSignal<Vec<Draft>>,
    /// The id of the open draft.
    pub open_id: RwSignal<Option<String>>,
    /// The open document: the single source of truth for the form and the preview.
    pub doc: RwSignal<Postmortem>,
    /// Bumped when the document is replaced from outside, so inputs take the new values.
    pub epoch: RwSignal<u64>,
    /// What the save indicator says.
    pub save_state: RwSignal<SaveState>,
    /// The message of the alert region, if any.
    pub alert: RwSignal<Option<String>>,
    /// The last thing that can be undone.
    pub undo: RwSignal<Option<Undoable>>,
    /// A short confirmation for the toast, such as "Copied".
    pub info: RwSignal<Option<String>>,
    /// A shared document opened from a `#share=` link, shown read-only.
    pub shared: RwSignal<Option<Postmortem>>,
    /// When all drafts were last backed up, milliseconds since the epoch.
    pub last_backup: RwSignal<Option<i64>>,
    /// Whether drafts survive a reload (false when storage is unavailable).
    pub persistent: bool,
    store: StoredValue<Backend, LocalStorage>,
    dirty: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Editor {
    /// Opens storage, loads the drafts and opens the one named in the URL (or the newest, or
    /// a new one).
    pub fn start() -> Self {
        let (backend, persistent): (Box<dyn KeyValue>, bool) = match LocalStorageKv::open() {
            Some(kv) => (Box::new(kv), true),
            None => (Box::new(MemoryKv::default()), false),
        };
        let store = DraftStore::new(backend);
        let loaded = store.load_all();
        let mut alert = None;
        if !persistent {
            alert = Some(
                "This browser does not let Hindsight use local storage, so drafts will not survive a reload. Export your work before you close the page."
                    .to_owned(),
            );
        } else if !loaded.unreadable.is_empty() {
            let reasons: Vec<String> = loaded
                .unreadable
                .iter()
                .map(|u| format!("{}: {}", u.key, u.reason))
                .collect();
            alert = Some(format!(
                "{} stored draft(s) could not be opened and were left untouched: {}",
                loaded.unreadable.len(),
                reasons.join("; ")
            ));
        }
        let last_backup = store.meta("last-backup").and_then(|v| v.parse().ok());
        let mut shared = None;
        let fragment = files::fragment();
        if fragment.starts_with(share::SHARE_PREFIX) {
            match share::decode(&fragment) {
                Ok(doc) => shared = Some(doc),
                Err(e) => {
                    alert = Some(format!("This share link could not be opened: {e}"));
                    files::clear_fragment();
                }
            }
        }
        let editor = Self {
            info: RwSignal::new(None),
            shared: RwSignal::new(shared),
            last_backup: RwSignal::new(last_backup),
            drafts: RwSignal::new(loaded.drafts),
            open_id: RwSignal::new(None),
            doc: RwSignal::new(Postmortem::default()),
            epoch: RwSignal::new(0),
            save_state: RwSignal::new(SaveState::Saved),
            alert: RwSignal::new(alert),
            undo: RwSignal::new(None),
            persistent,
            store: StoredValue::new_local(store),
            dirty: StoredValue::new(false),
            timer: StoredValue::new(None),
        };
        let wanted = platform::draft_in_url();
        let exists = |id: &String| {
            editor
                .drafts
                .with_untracked(|ds| ds.iter().any(|d| &d.id == id))
        };
        match wanted.filter(exists).or_else(|| editor.newest_id()) {
            Some(id) => editor.open(&id),
            None => editor.create(Template::Full),
        }
        if persistent {
            platform::request_persistent_storage();
        }
        editor
    }

    fn newest_id(&self) -> Option<String> {
        self.drafts.with_untracked(|ds| {
            ds.iter()
                .max_by(|a, b| a.updated_at.cmp(&b.updated_at).then(b.id.cmp(&a.id)))
                .map(|d| d.id.clone())
        })
    }

    /// Applies an edit to the open document and schedules its write.
    pub fn edit(&self, change: impl FnOnce(&mut Postmortem)) {
        self.doc.update(change);
        self.dirty.set_value(true);
        if self.save_state.get_untracked() != SaveState::NotSaved {
            self.save_state.set(SaveState::Saving);
        }
        if self.timer.with_value(Option::is_none) {
            let this = *self;
            let handle = set_timeout_with_handle(
                move || {
                    this.timer.set_value(None);
                    this.flush();
                },
                std::time::Duration::from_millis(SAVE_DELAY_MS),
            )
            .ok();
            self.timer.set_value(handle);
        }
    }

    /// Replaces the open document from outside the form (undo, sort) and refreshes the inputs.
    pub fn replace_doc(&self, doc: Postmortem) {
        self.edit(move |d| *d = doc);
        self.epoch.update(|e| *e += 1);
    }

    /// Writes the open draft now if it has unsaved edits.
    pub fn flush(&self) {
        if !self.dirty.get_value() {
            return;
        }
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        let doc = self.doc.get_untracked();
        let now = platform::now_ms();
        let mut written = None;
        self.drafts.update(|ds| {
            if let Some(d) = ds.iter_mut().find(|d| d.id == id) {
                d.doc = doc;
                d.updated_at = now;
                d.rev += 1;
                written = Some(d.clone());
            }
        });
        let Some(draft) = written else {
            return;
        };
        match self.store.with_value(|s| s.save(&draft)) {
            Ok(()) => {
                self.dirty.set_value(false);
                self.save_state.set(SaveState::Saved);
                if self.save_state.get_untracked() == SaveState::Saved
                    && self.alert.with_untracked(|a| {
                        a.as_deref().is_some_and(|m| m.starts_with("Not saved"))
                    })
                {
                    self.alert.set(None);
                }
            }
            Err(err) => {
                self.save_state.set(SaveState::NotSaved);
                self.alert.set(Some(format!(
                    "Not saved: {err}. Your text is kept in this tab; export it before closing the page, or free space by deleting old drafts."
                )));
            }
        }
    }

    /// Opens a draft by id, writing the current one first.
    pub fn open(&self, id: &str) {
        self.flush();
        let Some(draft) = self
            .drafts
            .with_untracked(|ds| ds.iter().find(|d| d.id == id).cloned())
        else {
            return;
        };
        // A row's undo belongs to the document it was removed from.
        if self
            .undo
            .with_untracked(|u| matches!(u, Some(Undoable::Row { .. })))
        {
            self.undo.set(None);
        }
        self.open_id.set(Some(draft.id.clone()));
        self.doc.set(draft.doc);
        self.epoch.update(|e| *e += 1);
        platform::set_draft_in_url(&draft.id);
    }

    /// Adds a new draft and opens it.
    pub fn add_and_open(&self, draft: Draft) {
        let id = draft.id.clone();
        if let Err(err) = self.store.with_value(|s| s.save(&draft)) {
            self.alert.set(Some(format!(
                "The new draft could not be stored: {err}. It stays open in this tab only."
            )));
        }
        self.drafts.update(|ds| ds.push(draft));
        self.open(&id);
    }

    /// Creates an empty draft from a template, in the browser's time zone, and opens it.
    pub fn create(&self, template: Template) {
        let doc = Postmortem {
            template,
            header: crate::domain::document::Header {
                time_zone: platform::browser_time_zone(),
                ..Default::default()
            },
            ..Postmortem::default()
        };
        self.add_and_open(Draft::new(platform::random_id(), doc, platform::now_ms()));
    }

    /// Opens a copy of the worked example as a new draft.
    pub fn open_example(&self) {
        let doc = crate::domain::example::chatgpt_2023_03_20();
        self.add_and_open(Draft::new(platform::random_id(), doc, platform::now_ms()));
    }

    /// Duplicates a draft and opens the copy.
    pub fn duplicate(&self, id: &str) {
        self.flush();
        let Some(source) = self
            .drafts
            .with_untracked(|ds| ds.iter().find(|d| d.id == id).cloned())
        else {
            return;
        };
        self.add_and_open(source.duplicate(platform::random_id(), platform::now_ms()));
    }

    /// Deletes a draft, keeping it for Undo; opens another one if it was open.
    pub fn delete(&self, id: &str) {
        self.flush();
        let Some(draft) = self
            .drafts
            .with_untracked(|ds| ds.iter().find(|d| d.id == id).cloned())
        else {
            return;
        };
        if let Err(err) = self.store.with_value(|s| s.remove(id)) {
            self.alert
                .set(Some(format!("The draft could not be deleted: {err}.")));
            return;
        }
        self.drafts.update(|ds| ds.retain(|d| d.id != id));
        self.undo.set(Some(Undoable::Draft(Box::new(draft))));
        if self.open_id.get_untracked().as_deref() == Some(id) {
            match self.newest_id() {
                Some(next) => self.open(&next),
                None => self.create(Template::Full),
            }
        }
    }

    /// Imports a picked or dropped file's text as a new draft; on failure says why and
    /// changes nothing.
    pub fn import_file(&self, name: &str, text: &str) {
        let lower = name.to_ascii_lowercase();
        let as_json = lower.ends_with(".json")
            || (!lower.ends_with(".md")
                && !lower.ends_with(".markdown")
                && text.trim_start().starts_with('{'));
        let result = if as_json {
            import_json(text)
        } else {
            import_markdown(text)
        };
        match result {
            Ok(doc) => {
                let title = crate::domain::draft::display_title(&doc.header.title).to_owned();
                self.add_and_open(Draft::new(platform::random_id(), doc, platform::now_ms()));
                self.alert.set(None);
                self.info
                    .set(Some(format!("Imported “{title}” as a new draft.")));
            }
            Err(e) => self
                .alert
                .set(Some(format!("Could not import “{name}”: {e}"))),
        }
    }

    /// Says that a file could not be read at all.
    pub fn file_unreadable(&self, name: &str, why: &str) {
        self.alert
            .set(Some(format!("Could not import “{name}”: {why}.")));
    }

    /// Downloads the open document in one of the export formats.
    pub fn export(&self, format: ExportFormat) {
        self.flush();
        let doc = self.doc.get_untracked();
        let stem = file_stem(&doc);
        let (name, mime, text) = match format {
            ExportFormat::Markdown => (
                format!("{stem}.md"),
                "text/markdown;charset=utf-8",
                export_markdown(&doc),
            ),
            ExportFormat::Html => (
                format!("{stem}.html"),
                "text/html;charset=utf-8",
                export_html(&doc),
            ),
            ExportFormat::Json => (
                format!("{stem}.json"),
                "application/json",
                export_json(&doc),
            ),
        };
        match files::download(&name, mime, &text) {
            Ok(()) => self.mark_exported(),
            Err(e) => self
                .alert
                .set(Some(format!("The export could not be downloaded: {e}."))),
        }
    }

    /// Copies the Markdown export to the clipboard.
    pub fn copy_markdown(&self) {
        self.flush();
        let text = export_markdown(&self.doc.get_untracked());
        let this = *self;
        leptos::task::spawn_local(async move {
            match files::copy_text(&text).await {
                Ok(()) => {
                    this.mark_exported();
                    this.info
                        .set(Some("Markdown copied to the clipboard.".into()));
                }
                Err(e) => this.alert.set(Some(format!(
                    "Could not copy: {e}. Use “Download Markdown” instead."
                ))),
            }
        });
    }

    /// Makes a share link for the open document and copies it.
    pub fn share_link(&self) -> Option<String> {
        match share::encode(&self.doc.get_untracked()) {
            Ok(fragment) => {
                let link = format!("{}{fragment}", files::page_base_url());
                let this = *self;
                let copy = link.clone();
                leptos::task::spawn_local(async move {
                    if files::copy_text(&copy).await.is_ok() {
                        this.info
                            .set(Some("Share link copied to the clipboard.".into()));
                    }
                });
                Some(link)
            }
            Err(e) => {
                self.alert.set(Some(e.to_string()));
                None
            }
        }
    }

    fn mark_exported(&self) {
        let now = platform::now_ms();
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        let mut written = None;
        self.drafts.update(|ds| {
            if let Some(d) = ds.iter_mut().find(|d| d.id == id) {
                d.last_exported_at = Some(now);
                written = Some(d.clone());
            }
        });
        if let Some(d) = written {
            // The document is already saved; a failure here only loses the export date.
            let _ = self.store.with_value(|s| s.save(&d));
        }
    }

    /// Downloads every draft in one backup file.
    pub fn backup_all(&self) {
        self.flush();
        let now = platform::now_ms();
        let text = self.drafts.with_untracked(|ds| write_backup(ds, now));
        let day = platform::today();
        match files::download(
            &format!("hindsight-backup-{day}.json"),
            "application/json",
            &text,
        ) {
            Ok(()) => {
                let _ = self
                    .store
                    .with_value(|s| s.set_meta("last-backup", &now.to_string()));
                self.last_backup.set(Some(now));
            }
            Err(e) => self
                .alert
                .set(Some(format!("The backup could not be downloaded: {e}."))),
        }
    }

    /// Adds the drafts of a backup file, keeping both where an id is already taken.
    pub fn restore_backup(&self, name: &str, text: &str) {
        let incoming = match read_backup(text) {
            Ok(drafts) => drafts,
            Err(e) => {
                self.alert
                    .set(Some(format!("Could not restore “{name}”: {e}")));
                return;
            }
        };
        self.flush();
        let restored = self
            .drafts
            .with_untracked(|ds| restore(ds, incoming, platform::random_id));
        let count = restored.len();
        let mut failed = None;
        for d in &restored {
            if let Err(e) = self.store.with_value(|s| s.save(d)) {
                failed = Some(e);
            }
        }
        self.drafts.update(|ds| ds.extend(restored));
        match failed {
            Some(e) => self.alert.set(Some(format!(
                "Restored {count} draft(s) into this tab, but not all could be stored: {e}."
            ))),
            None => {
                self.alert.set(None);
                self.info.set(Some(format!("Restored {count} draft(s).")));
            }
        }
    }

    /// Saves the shared document being viewed as a new draft of this browser.
    pub fn save_shared(&self) {
        if let Some(doc) = self.shared.get_untracked() {
            self.shared.set(None);
            files::clear_fragment();
            let title = crate::domain::draft::display_title(&doc.header.title).to_owned();
            self.add_and_open(Draft::new(platform::random_id(), doc, platform::now_ms()));
            self.info
                .set(Some(format!("Saved “{title}” as a new draft.")));
        }
    }

    /// Leaves the shared view without saving.
    pub fn close_shared(&self) {
        self.shared.set(None);
        files::clear_fragment();
    }

    /// Removes a row from the open document, keeping the document before it for Undo.
    pub fn remove_row(&self, what: String, change: impl FnOnce(&mut Postmortem)) {
        let before = Box::new(self.doc.get_untracked());
        self.edit(change);
        self.undo.set(Some(Undoable::Row { what, before }));
    }

    /// Takes back the last undoable action.
    pub fn undo_last(&self) {
        match self.undo.get_untracked() {
            Some(Undoable::Draft(draft)) => {
                self.undo.set(None);
                self.add_and_open(*draft);
            }
            Some(Undoable::Row { before, .. }) => {
                self.undo.set(None);
                self.replace_doc(*before);
            }
            None => {}
        }
    }
}
