//! App-wide state and the actions on it, shared through context as one small `Editor` handle.
//!
//! The open document lives in one signal; the form writes to it through [`Editor::edit`], and
//! the preview, the drafts list and storage read it. Nothing keeps a second copy of it.
//! File actions live in `exchange.rs`, and keeping up with other tabs in `sync.rs`.

use leptos::prelude::*;

use crate::domain::document::{ActionItem, Postmortem, Template, TimelineEvent};
use crate::domain::draft::Draft;
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
    /// The last write failed, or waits for a decision; the text is only in memory.
    NotSaved,
}

/// Something the user can take back with Undo.
#[derive(Clone, Debug)]
pub enum Undoable {
    /// A deleted draft.
    Draft(Box<Draft>),
    /// A row removed from a list in the open document.
    Row {
        /// What the toast says was removed, such as "Event 2".
        what: String,
        /// The row and where it was, so Undo puts back only the row.
        row: RemovedRow,
    },
}

/// Which row of the open document to remove.
#[derive(Clone, Copy, Debug)]
pub enum RowRef {
    /// A timeline event, by position.
    Event(usize),
    /// An action item, by position.
    Action(usize),
    /// An entry of a list of one-line entries (five whys, lessons), by position.
    Entry(fn(&mut Postmortem) -> &mut Vec<String>, usize),
}

/// A removed row, kept for Undo.
#[derive(Clone, Debug)]
pub enum RemovedRow {
    /// A timeline event and its position.
    Event(usize, TimelineEvent),
    /// An action item and its position.
    Action(usize, ActionItem),
    /// A list entry, its list and its position.
    Entry(fn(&mut Postmortem) -> &mut Vec<String>, usize, String),
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

/// What kind of trouble an alert reports, so the right event can clear it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertKind {
    /// A write failed; cleared by the next successful write.
    NotSaved,
    /// Another tab changed the open draft; cleared by the user's choice.
    Conflict,
    /// Anything else; cleared by the user.
    Other,
}

/// A button offered inside an alert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertAction {
    /// Download the open document as JSON.
    ExportJson,
    /// Download every draft.
    BackupAll,
    /// Download the values set aside as unreadable.
    DownloadSetAside,
    /// Delete the values set aside as unreadable.
    DiscardSetAside,
    /// Take the other tab's version of the open draft.
    ReloadOther,
    /// Keep this tab's text as a new draft, and the other tab's under the old one.
    KeepBoth,
}

impl AlertAction {
    /// The button's text.
    pub fn label(self) -> &'static str {
        match self {
            AlertAction::ExportJson => "Download JSON",
            AlertAction::BackupAll => "Back up all drafts",
            AlertAction::DownloadSetAside => "Download unreadable data",
            AlertAction::DiscardSetAside => "Discard it",
            AlertAction::ReloadOther => "Load the other tab's version",
            AlertAction::KeepBoth => "Keep both",
        }
    }
}

/// The content of the alert region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    /// What it is about.
    pub kind: AlertKind,
    /// What happened and what to do, in plain words.
    pub message: String,
    /// Buttons that do it.
    pub actions: Vec<AlertAction>,
}

/// How a checked write went.
enum Write {
    /// Written.
    Done,
    /// Storage holds a newer revision, written by another tab: nothing was written.
    Stale(Box<Draft>),
    /// The write failed; it was reported, the text stays in the list, and the draft is
    /// remembered for another try.
    Failed,
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
    /// The alert region's content, if any.
    pub alert: RwSignal<Option<Alert>>,
    /// What can be undone, the latest last: several deletions in a row can all come back.
    pub undo: RwSignal<Vec<Undoable>>,
    /// A short confirmation for the toast, such as "Copied".
    pub info: RwSignal<Option<String>>,
    /// A shared document opened from a `#share=` link, shown read-only.
    pub shared: RwSignal<Option<Postmortem>>,
    /// When all drafts were last backed up, milliseconds since the epoch.
    pub last_backup: RwSignal<Option<i64>>,
    /// Another tab's newer version of the open draft, while the user decides what to keep.
    pub conflict: RwSignal<Option<Box<Draft>>>,
    /// Whether drafts survive a reload (false when storage is unavailable).
    pub persistent: bool,
    pub(super) store: StoredValue<Backend, LocalStorage>,
    pub(super) dirty: StoredValue<bool>,
    /// Drafts whose latest text is in `drafts` but not in storage (a write failed).
    unsaved: StoredValue<Vec<String>>,
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
        let set_aside = store.set_aside().len();
        let mut alert = None;
        if !persistent {
            alert = Some(Alert {
                kind: AlertKind::Other,
                message: "This browser does not let Hindsight use its storage, so drafts are kept in this tab only and will not survive a reload. Back up or export your work before you close the page.".into(),
                actions: vec![AlertAction::BackupAll],
            });
        } else if set_aside > 0 {
            let reasons: Vec<String> = loaded
                .unreadable
                .iter()
                .map(|u| format!("{}: {}", u.key, u.reason))
                .collect();
            let found = if reasons.is_empty() {
                String::new()
            } else {
                format!(" Found now: {}.", reasons.join("; "))
            };
            alert = Some(Alert {
                kind: AlertKind::Other,
                message: format!(
                    "{set_aside} stored value(s) could not be read as drafts, so Hindsight set them aside unchanged instead of overwriting them.{found} Download them to recover their text."
                ),
                actions: vec![AlertAction::DownloadSetAside, AlertAction::DiscardSetAside],
            });
        }
        let last_backup = store.meta("last-backup").and_then(|v| v.parse().ok());
        let mut shared = None;
        let fragment = files::fragment();
        if fragment.starts_with(share::SHARE_PREFIX) {
            match share::decode(&fragment) {
                Ok(doc) => shared = Some(doc),
                Err(e) => {
                    alert = Some(Alert {
                        kind: AlertKind::Other,
                        message: format!("This share link could not be opened: {e}"),
                        actions: Vec::new(),
                    });
                    files::clear_fragment();
                }
            }
        }
        let editor = Self {
            drafts: RwSignal::new(loaded.drafts),
            open_id: RwSignal::new(None),
            doc: RwSignal::new(Postmortem::default()),
            epoch: RwSignal::new(0),
            save_state: RwSignal::new(SaveState::Saved),
            alert: RwSignal::new(alert),
            undo: RwSignal::new(Vec::new()),
            info: RwSignal::new(None),
            shared: RwSignal::new(shared),
            last_backup: RwSignal::new(last_backup),
            conflict: RwSignal::new(None),
            persistent,
            store: StoredValue::new_local(store),
            dirty: StoredValue::new(false),
            unsaved: StoredValue::new(Vec::new()),
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

    /// Shows a message in the alert region.
    pub fn warn(&self, kind: AlertKind, message: impl Into<String>, actions: Vec<AlertAction>) {
        self.alert.set(Some(Alert {
            kind,
            message: message.into(),
            actions,
        }));
    }

    /// Clears the alert if it is of this kind.
    fn clear_alert(&self, kind: AlertKind) {
        if self
            .alert
            .with_untracked(|a| a.as_ref().is_some_and(|a| a.kind == kind))
        {
            self.alert.set(None);
        }
    }

    fn newest_id(&self) -> Option<String> {
        self.drafts.with_untracked(|ds| {
            ds.iter()
                .max_by(|a, b| a.updated_at.cmp(&b.updated_at).then(b.id.cmp(&a.id)))
                .map(|d| d.id.clone())
        })
    }

    /// The list's copy of a draft.
    pub(super) fn find(&self, id: &str) -> Option<Draft> {
        self.drafts
            .with_untracked(|ds| ds.iter().find(|d| d.id == id).cloned())
    }

    /// Whether the open draft was written by a newer Hindsight and so cannot be edited.
    pub fn is_read_only(&self) -> bool {
        let Some(id) = self.open_id.get() else {
            return false;
        };
        self.drafts
            .with(|ds| ds.iter().any(|d| d.id == id && d.read_only))
    }

    /// Applies an edit to the open document and schedules its write.
    pub fn edit(&self, change: impl FnOnce(&mut Postmortem)) {
        if self.is_read_only_untracked() {
            return;
        }
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

    /// [`Editor::is_read_only`] without subscribing to changes.
    pub(super) fn is_read_only_untracked(&self) -> bool {
        untrack(|| self.is_read_only())
    }

    /// Writes the open draft now if it has unsaved edits, unless another tab wrote it first.
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
        if self.conflict.with_untracked(Option::is_some) || self.is_read_only_untracked() {
            return;
        }
        let Some(known) = self.find(&id) else {
            return;
        };
        let mut draft = known;
        draft.doc = self.doc.get_untracked();
        draft.updated_at = platform::now_ms();
        match self.write_checked(draft) {
            Write::Done => {
                self.dirty.set_value(false);
                self.retry_unsaved();
            }
            Write::Stale(theirs) => self.raise_conflict(*theirs),
            Write::Failed => {}
        }
    }

    /// Writes a draft if storage does not hold a newer revision of it: the revision counter
    /// is how a stale tab is kept from overwriting newer text.
    fn write_checked(&self, mut draft: Draft) -> Write {
        let id = draft.id.clone();
        match self.store.with_value(|s| s.load(&id)) {
            Some(Ok(stored)) if stored.rev > draft.rev => return Write::Stale(Box::new(stored)),
            Some(Err(_)) => {
                // Something unreadable sits under this id: set it aside, never overwrite it.
                let _ = self.store.with_value(|s| s.set_aside_draft(&id));
            }
            _ => {}
        }
        draft.rev += 1;
        let result = self.store.with_value(|s| s.save(&draft));
        if result.is_err() {
            draft.rev -= 1;
        }
        self.drafts.update(|ds| {
            if let Some(d) = ds.iter_mut().find(|d| d.id == id) {
                *d = draft;
            }
        });
        self.unsaved.update_value(|u| u.retain(|x| *x != id));
        match result {
            Ok(()) => {
                if self.unsaved.with_value(Vec::is_empty) {
                    self.save_state.set(SaveState::Saved);
                    self.clear_alert(AlertKind::NotSaved);
                }
                Write::Done
            }
            Err(err) => {
                self.unsaved.update_value(|u| u.push(id));
                self.save_state.set(SaveState::NotSaved);
                self.warn(
                    AlertKind::NotSaved,
                    format!("Not saved: {err}. Your text is safe in this tab for now, but will be lost if you close it. Download it or back up all drafts, then free space by deleting old drafts; Hindsight keeps trying to save as you type."),
                    vec![AlertAction::ExportJson, AlertAction::BackupAll],
                );
                Write::Failed
            }
        }
    }

    /// Tries again to write drafts whose earlier write failed, once a write has succeeded.
    fn retry_unsaved(&self) {
        for id in self.unsaved.get_value() {
            let Some(draft) = self.find(&id) else {
                self.unsaved.update_value(|u| u.retain(|x| *x != id));
                continue;
            };
            if let Write::Stale(_) = self.write_checked(draft.clone()) {
                // Another tab wrote that draft meanwhile: keep this text beside it.
                let mut copy = Draft::new(platform::random_id(), draft.doc, platform::now_ms());
                copy.doc.header.title = format!(
                    "{} (kept from another tab)",
                    crate::domain::draft::display_title(&copy.doc.header.title)
                );
                if self.store.with_value(|s| s.save(&copy)).is_ok() {
                    self.unsaved.update_value(|u| u.retain(|x| *x != id));
                    self.drafts.update(|ds| ds.push(copy));
                }
            }
        }
    }

    /// Writes everything that can be written now, because the page may be going away.
    pub fn save_before_leaving(&self) {
        if self.conflict.with_untracked(Option::is_some) && self.dirty.get_value() {
            self.resolve_conflict(true);
        }
        self.flush();
    }

    /// Stops writing the open draft and asks what to keep, because another tab changed it.
    pub fn raise_conflict(&self, theirs: Draft) {
        self.conflict.set(Some(Box::new(theirs)));
        self.save_state.set(SaveState::NotSaved);
        self.warn(
            AlertKind::Conflict,
            "This draft was changed in another tab while you were editing it here. Nothing has been overwritten: choose which text to keep.",
            vec![AlertAction::ReloadOther, AlertAction::KeepBoth],
        );
    }

    /// Resolves a conflict: `keep_both` saves this tab's text as a new draft first.
    pub fn resolve_conflict(&self, keep_both: bool) {
        let Some(theirs) = self.conflict.get_untracked() else {
            return;
        };
        let mine = self.doc.get_untracked();
        self.conflict.set(None);
        self.dirty.set_value(false);
        self.save_state.set(SaveState::Saved);
        self.clear_alert(AlertKind::Conflict);
        let theirs = *theirs;
        self.drafts.update(|ds| {
            if let Some(d) = ds.iter_mut().find(|d| d.id == theirs.id) {
                *d = theirs.clone();
            }
        });
        if keep_both {
            let mut copy = Draft::new(platform::random_id(), mine, platform::now_ms());
            copy.doc.header.title = format!(
                "{} (kept from another tab)",
                crate::domain::draft::display_title(&copy.doc.header.title)
            );
            self.add_and_open(copy);
        } else {
            self.show(&theirs);
        }
    }

    /// Puts a stored draft in the editor without writing anything.
    pub(super) fn show(&self, draft: &Draft) {
        self.open_id.set(Some(draft.id.clone()));
        self.doc.set(draft.doc.clone());
        self.epoch.update(|e| *e += 1);
        platform::set_draft_in_url(&draft.id);
    }

    /// Opens a draft by id, writing the current one first.
    pub fn open(&self, id: &str) {
        if self.conflict.with_untracked(Option::is_some) {
            // Leaving a conflicted draft keeps this tab's text as its own draft first.
            self.resolve_conflict(true);
        }
        self.flush();
        // Looked up only now: resolving a conflict may have replaced the list's copy.
        let Some(draft) = self.find(id) else {
            return;
        };
        // A row's undo belongs to the document it was removed from.
        self.undo
            .update(|u| u.retain(|x| matches!(x, Undoable::Draft(_))));
        self.dirty.set_value(false);
        self.show(&draft);
    }

    /// Adds a new draft and opens it.
    pub fn add_and_open(&self, draft: Draft) {
        let id = draft.id.clone();
        if let Err(err) = self.store.with_value(|s| s.save(&draft)) {
            self.warn(
                AlertKind::NotSaved,
                format!("The new draft could not be stored: {err}. It stays open in this tab only; download it or back up all drafts before you close the page."),
                vec![AlertAction::ExportJson, AlertAction::BackupAll],
            );
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
        let Some(source) = self.find(id) else {
            return;
        };
        self.add_and_open(source.duplicate(platform::random_id(), platform::now_ms()));
    }

    /// Deletes a draft, keeping it for Undo; opens another one if it was open.
    pub fn delete(&self, id: &str) {
        self.flush();
        let Some(draft) = self.find(id) else {
            return;
        };
        if let Err(err) = self.store.with_value(|s| s.remove(id)) {
            self.warn(
                AlertKind::Other,
                format!("The draft could not be deleted: {err}."),
                Vec::new(),
            );
            return;
        }
        self.drafts.update(|ds| ds.retain(|d| d.id != id));
        self.undo
            .update(|u| u.push(Undoable::Draft(Box::new(draft))));
        if self.open_id.get_untracked().as_deref() == Some(id) {
            self.dirty.set_value(false);
            match self.newest_id() {
                Some(next) => self.open(&next),
                None => self.create(Template::Full),
            }
        }
    }

    /// Removes a row from the open document, keeping it for Undo.
    pub fn remove_row(&self, what: String, row: RowRef) {
        let mut removed = None;
        self.edit(|d| {
            removed = match row {
                RowRef::Event(i) if i < d.timeline.len() => {
                    Some(RemovedRow::Event(i, d.timeline.remove(i)))
                }
                RowRef::Action(i) if i < d.action_items.len() => {
                    Some(RemovedRow::Action(i, d.action_items.remove(i)))
                }
                RowRef::Entry(list, i) if i < list(d).len() => {
                    Some(RemovedRow::Entry(list, i, list(d).remove(i)))
                }
                _ => None,
            }
        });
        if let Some(row) = removed {
            self.undo.update(|u| u.push(Undoable::Row { what, row }));
        }
    }

    /// Takes back the last undoable action.
    pub fn undo_last(&self) {
        let mut last = None;
        self.undo.update(|u| last = u.pop());
        match last {
            Some(Undoable::Draft(draft)) => {
                let mut draft = *draft;
                // If the id came back meanwhile (another tab wrote it), keep both.
                let taken = self.find(&draft.id).is_some()
                    || self.store.with_value(|s| s.load(&draft.id)).is_some();
                if taken {
                    draft.id = platform::random_id();
                    draft.rev = 0;
                }
                self.add_and_open(draft);
            }
            Some(Undoable::Row { row, .. }) => {
                // Only the row goes back; everything typed since stays.
                self.edit(|d| match row {
                    RemovedRow::Event(i, e) => d.timeline.insert(i.min(d.timeline.len()), e),
                    RemovedRow::Action(i, a) => {
                        d.action_items.insert(i.min(d.action_items.len()), a)
                    }
                    RemovedRow::Entry(list, i, text) => {
                        let entries = list(d);
                        entries.insert(i.min(entries.len()), text)
                    }
                });
                self.epoch.update(|e| *e += 1);
            }
            None => {}
        }
    }

    /// Runs the action of an alert's button.
    pub fn run_alert_action(&self, action: AlertAction) {
        match action {
            AlertAction::ExportJson => self.export(ExportFormat::Json),
            AlertAction::BackupAll => self.backup_all(),
            AlertAction::DownloadSetAside => self.download_set_aside(),
            AlertAction::DiscardSetAside => {
                match self.store.with_value(|s| s.discard_set_aside()) {
                    Ok(()) => self.alert.set(None),
                    Err(e) => self.warn(
                        AlertKind::Other,
                        format!("The set-aside data could not be deleted: {e}."),
                        Vec::new(),
                    ),
                }
            }
            AlertAction::ReloadOther => self.resolve_conflict(false),
            AlertAction::KeepBoth => self.resolve_conflict(true),
        }
    }
}
