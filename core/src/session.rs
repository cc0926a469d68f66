//! The editing session: the drafts, the open document, and every rule about saving them.
//!
//! Writes are debounced by the app, which calls [`Session::flush`]; every write compares the
//! draft's revision with storage first, so a stale tab never overwrites newer text, and is
//! read back, so a storage that drops writes is caught. A failed write keeps the text here,
//! raises the Not saved alert and is retried after the next write that works. Deleted drafts
//! and rows can be undone. The clock and the id source are injected, so all of it is tested
//! natively against [`MemoryKv`](crate::MemoryKv) with faults.

use crate::backup::{read_backup, restore, write_backup};
use crate::document::{Header, Language, Postmortem, Template};
use crate::draft::Draft;
use crate::export::file_stem;
use crate::fields::{doc_field, Access, FieldId};
use crate::import::{import_any_markdown, import_json_reporting, ForeignImport, MarkdownImport};
use crate::incidents::{
    mark_done, newest_first, summarize_doc, Index, Marked, Stamp, Summary, STAMP_PREFIX,
};
use crate::report::{display_title, KEPT_FROM_OTHER_TAB};
use crate::review::{renumber_row_dismissals, restore_row_dismissals};
use crate::storage::{draft_key, parse_draft, DraftStore, KeyValue, Unreadable, WriteError};
use crate::words::Text;

/// The clock and the id source of a session.
pub trait Env {
    /// Milliseconds since the epoch.
    fn now_ms(&self) -> i64;
    /// A new random id for a draft.
    fn new_id(&self) -> String;
    /// Today's local date, `YYYY-MM-DD`.
    fn today(&self) -> String;
    /// The offset, in minutes east of UTC, that `zone` has at the instant `utc` (seconds):
    /// the core has no zone database, the browser does. UTC by default.
    fn offset_at(&self, zone: &str, utc: i64) -> i32 {
        let _ = (zone, utc);
        0
    }
}

/// What importing a file did.
#[derive(Debug)]
pub enum Imported {
    /// It was opened as a new draft.
    Opened {
        /// The new draft's title.
        title: String,
        /// Keys of the file Hindsight does not know, left out (JSON only).
        ignored: Vec<String>,
    },
    /// It was written elsewhere: mapped into the sections, waiting for the user to check
    /// where each part went before the draft is created ([`Session::open_foreign`]).
    Foreign(Box<ForeignImport>),
    /// It could not be read; the alert says why and nothing changed.
    Failed,
}

/// What the save indicator says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is written.
    Saved,
    /// An edit waits for its write.
    Saving,
    /// The last write failed, or waits for a decision; the text is only in memory.
    NotSaved,
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

/// What an alert says; the app words it in the UI language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// No local storage: drafts live in this tab only.
    NoStorage,
    /// Stored values that could not be read were set aside.
    SetAside {
        /// How many values are set aside now.
        count: usize,
        /// The ones found by this load, with what is wrong with each.
        found: Vec<(String, Text)>,
    },
    /// A write of the open draft (or a retry) failed.
    NotSaved(WriteError),
    /// A new draft could not be stored.
    NewDraftNotStored(WriteError),
    /// Another tab changed the open draft while this one had unsaved edits.
    Conflict,
    /// Another tab deleted the open draft.
    DeletedElsewhere,
    /// A draft could not be deleted.
    DeleteFailed(WriteError),
    /// The set-aside values could not be deleted.
    DiscardFailed(WriteError),
    /// A file could not be imported.
    ImportFailed {
        /// The file's name.
        name: String,
        /// Why.
        error: Text,
    },
    /// A backup could not be restored.
    RestoreFailed {
        /// The file's name.
        name: String,
        /// Why.
        error: Text,
    },
    /// A backup was restored into this tab, but not every draft could be stored.
    RestorePartial {
        /// How many drafts came back.
        count: usize,
        /// Why a write failed.
        error: WriteError,
    },
    /// Anything the app words itself (a download the browser refused, …).
    Other(Text),
}

/// The content of the alert region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    /// What it is about.
    pub kind: AlertKind,
    /// What happened.
    pub notice: Notice,
    /// Buttons that act on it.
    pub actions: Vec<AlertAction>,
}

/// A list of rows in the open document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowList {
    /// The timeline's events.
    Timeline,
    /// The action items.
    Actions,
    /// A list of one-line entries (five whys, lessons), by its field.
    Entries(FieldId),
}

impl RowList {
    fn entries(field: FieldId, doc: &mut Postmortem) -> Option<&mut Vec<String>> {
        match &doc_field(field)?.access {
            Access::List(_, get_mut) => Some(get_mut(doc)),
            _ => None,
        }
    }

    /// The field that names the list's rows in the review's dismissal keys.
    fn field(self) -> FieldId {
        match self {
            RowList::Timeline => FieldId::EventTime,
            RowList::Actions => FieldId::ActionOwner,
            RowList::Entries(field) => field,
        }
    }

    /// How many rows the list has in `doc`.
    pub fn len(self, doc: &Postmortem) -> usize {
        match self {
            RowList::Timeline => doc.timeline.len(),
            RowList::Actions => doc.action_items.len(),
            RowList::Entries(field) => match doc_field(field).map(|f| &f.access) {
                Some(Access::List(get, _)) => get(doc).len(),
                _ => 0,
            },
        }
    }
}

/// A removed row, kept for Undo.
#[derive(Clone, Debug, PartialEq)]
pub enum RemovedRow {
    /// A timeline event.
    Event(crate::TimelineEvent),
    /// An action item.
    Action(crate::ActionItem),
    /// A list entry.
    Entry(String),
}

/// Something the user can take back with Undo.
#[derive(Clone, Debug, PartialEq)]
pub enum Undoable {
    /// A deleted draft.
    Draft(Box<Draft>),
    /// A row removed from a list of the open document, and where it was.
    Row {
        /// Its list.
        list: RowList,
        /// Its position.
        index: usize,
        /// The row.
        row: RemovedRow,
        /// The review's dismissals of that row, which come back with it.
        dismissed: Vec<crate::Dismissal>,
    },
}

/// What Undo brought back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undone {
    /// Nothing was left to undo.
    Nothing,
    /// A draft, now open.
    Draft,
    /// A row, at this position of its list.
    Row(RowList, usize),
}

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
enum Write {
    Done,
    /// Storage holds a newer revision, written by another tab: nothing was written.
    Stale(Box<Draft>),
    /// The write failed; it was reported, and the draft is kept for another try.
    Failed,
}

/// The editing session over a key-value store.
///
/// The drafts list reads a small index kept beside the drafts, so start-up parses only the
/// drafts that changed since the index was written; a full draft is read when it is opened.
pub struct Session<K: KeyValue, E: Env> {
    store: DraftStore<K>,
    env: E,
    persistent: bool,
    index: Index,
    /// The open draft's bookkeeping; its `doc` is not kept here (see `doc`).
    open: Option<Draft>,
    doc: Postmortem,
    dirty: bool,
    /// Drafts whose latest text could not be written, kept for another try.
    pending: Vec<Draft>,
    conflict: Option<Box<Draft>>,
    undo: Vec<Undoable>,
    save_state: SaveState,
    alert: Option<Alert>,
    last_backup: Option<i64>,
    generation: u64,
    /// The open draft, when it was created empty and nothing has been typed into it yet: it
    /// is removed when the user leaves it, so the list does not fill with empty drafts.
    untouched: Option<String>,
    /// The zone new drafts and foreign imports start in.
    zone: String,
    /// The draft created before the browser's zone was known, which takes it then.
    zone_wanted: Option<String>,
}

/// Whether nothing was written into a document: it is what `create` makes, with only its
/// template, language and time zone chosen.
fn is_blank(doc: &Postmortem) -> bool {
    *doc == Postmortem {
        template: doc.template,
        language: doc.language,
        header: Header {
            time_zone: doc.header.time_zone.clone(),
            ..Header::default()
        },
        ..Postmortem::default()
    }
}

/// What a new session needs to know of its surroundings.
pub struct Start {
    /// Whether the store survives a reload (false for the in-memory fallback).
    pub persistent: bool,
    /// The draft the URL asks for.
    pub wanted: Option<String>,
    /// The time zone new drafts start in; empty until the app knows it ([`Session::set_zone`]).
    pub zone: String,
    /// The language new drafts start in.
    pub language: Language,
}

fn set_aside_alert(count: usize, found: &[Unreadable]) -> Alert {
    Alert {
        kind: AlertKind::Other,
        notice: Notice::SetAside {
            count,
            found: found
                .iter()
                .map(|Unreadable { key, reason }| (key.clone(), reason.clone()))
                .collect(),
        },
        actions: vec![AlertAction::DownloadSetAside, AlertAction::DiscardSetAside],
    }
}

impl<K: KeyValue, E: Env> Session<K, E> {
    /// Loads the drafts list and opens the draft asked for (or the newest, or a new one).
    pub fn start(kv: K, env: E, start: Start) -> Self {
        let store = DraftStore::new(kv);
        let (mut index, health) = Index::load(store.kv());
        let unreadable: Vec<Unreadable> = health
            .unreadable
            .into_iter()
            .map(|u| match store.kv().get(&u.key) {
                Some(text) => store.quarantine(u.key, &text, u.reason),
                None => u,
            })
            .collect();
        let _ = index.save(store.kv());
        let set_aside = store.set_aside().len();
        let alert = if !start.persistent {
            Some(Alert {
                kind: AlertKind::Other,
                notice: Notice::NoStorage,
                actions: vec![AlertAction::BackupAll],
            })
        } else if set_aside > 0 {
            Some(set_aside_alert(set_aside, &unreadable))
        } else {
            None
        };
        let last_backup = store.meta("last-backup").and_then(|v| v.parse().ok());
        let mut session = Self {
            store,
            env,
            persistent: start.persistent,
            index,
            open: None,
            doc: Postmortem::default(),
            dirty: false,
            pending: Vec::new(),
            conflict: None,
            undo: Vec::new(),
            save_state: SaveState::Saved,
            alert,
            last_backup,
            generation: 0,
            untouched: None,
            zone: start.zone.clone(),
            zone_wanted: None,
        };
        let wanted = start.wanted.filter(|id| session.index.get(id).is_some());
        let mut candidates: Vec<String> = wanted.into_iter().collect();
        candidates.extend(session.newest_first_ids());
        for id in candidates {
            if session.try_open(&id) {
                return session;
            }
        }
        session.create(Template::Full, start.language, start.zone);
        session
    }

    /// The open document: the single source of truth for the form, preview and exports.
    pub fn doc(&self) -> &Postmortem {
        &self.doc
    }

    /// The open draft's id.
    pub fn open_id(&self) -> Option<&str> {
        self.open.as_ref().map(|d| d.id.as_str())
    }

    /// Every draft's summary, sorted by id: what the drafts list and the overview show.
    pub fn summaries(&self) -> &[Summary] {
        self.index.summaries()
    }

    /// What the save indicator says.
    pub fn save_state(&self) -> SaveState {
        self.save_state
    }

    /// The alert, if any.
    pub fn alert(&self) -> Option<&Alert> {
        self.alert.as_ref()
    }

    /// Clears the alert (the user dismissed it).
    pub fn dismiss_alert(&mut self) {
        self.alert = None;
    }

    /// Shows an alert the app words itself.
    pub fn warn(&mut self, notice: Notice, actions: Vec<AlertAction>) {
        self.alert = Some(Alert {
            kind: AlertKind::Other,
            notice,
            actions,
        });
    }

    /// What can be undone, the latest last.
    pub fn undo_stack(&self) -> &[Undoable] {
        &self.undo
    }

    /// Forgets everything that could be undone (the user dismissed the toast).
    pub fn clear_undo(&mut self) {
        self.undo.clear();
    }

    /// Whether another tab's newer version waits for the user's choice.
    pub fn in_conflict(&self) -> bool {
        self.conflict.is_some()
    }

    /// Whether drafts survive a reload.
    pub fn is_persistent(&self) -> bool {
        self.persistent
    }

    /// When all drafts were last backed up.
    pub fn last_backup(&self) -> Option<i64> {
        self.last_backup
    }

    /// Bumped whenever the open document is replaced from outside (opened, reloaded from
    /// another tab): the form then takes its values again.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether an edit waits for its write.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The storage underneath.
    pub fn store(&self) -> &DraftStore<K> {
        &self.store
    }

    /// Whether the open draft was written by a newer Hindsight and so cannot be edited.
    pub fn is_read_only(&self) -> bool {
        self.open.as_ref().is_some_and(|d| d.read_only)
    }

    /// Ids of every draft, newest change first.
    fn newest_first_ids(&self) -> Vec<String> {
        newest_first(self.index.summaries(), "")
            .into_iter()
            .map(|s| s.id.clone())
            .collect()
    }

    /// The full draft of an id, as this tab knows it best: the open one with its live text,
    /// one whose write failed, or the stored one (`None` when missing or unreadable; an
    /// unreadable one is set aside and reported).
    fn draft(&mut self, id: &str) -> Option<Draft> {
        if let Some(open) = self.open.as_ref().filter(|d| d.id == id) {
            let mut draft = open.clone();
            draft.doc = self.doc.clone();
            return Some(draft);
        }
        if let Some(d) = self.pending.iter().find(|d| d.id == id) {
            return Some(d.clone());
        }
        match self.store.load_for_edit(id)? {
            Ok(draft) => Some(draft),
            Err(unreadable) => {
                self.index.forget(id);
                let count = self.store.set_aside().len();
                self.alert = Some(set_aside_alert(count, &[unreadable]));
                None
            }
        }
    }

    fn clear_alert(&mut self, kind: AlertKind) {
        if self.alert.as_ref().is_some_and(|a| a.kind == kind) {
            self.alert = None;
        }
    }

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
    fn touch(&mut self) {
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
        if self.open_id() == Some(id) {
            if self.is_read_only() {
                return Err(MarkFailed::ReadOnly);
            }
            let marked = mark_done(&mut self.doc, index, action).map_err(MarkFailed::Row)?;
            if let Marked::Done(_) = marked {
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
        let marked = mark_done(&mut draft.doc, index, action).map_err(MarkFailed::Row)?;
        if let Marked::AlreadyDone(_) = marked {
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
        if !self.dirty || self.conflict.is_some() || self.is_read_only() {
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
                self.retry_pending();
            }
            Write::Stale(theirs) => self.raise_conflict(*theirs),
            Write::Failed => {}
        }
    }

    /// Writes a draft if storage does not hold a newer revision of it, and records it in the
    /// index; a failed write keeps the draft for another try.
    fn write_checked(&mut self, mut draft: Draft) -> Write {
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
    fn remember_open(&mut self, draft: &Draft) {
        if let Some(open) = self.open.as_mut().filter(|o| o.id == draft.id) {
            *open = Draft {
                doc: Postmortem::default(),
                ..draft.clone()
            };
        }
    }

    /// A copy of a draft's text under a new id, titled as kept from another tab.
    fn kept_copy(&self, doc: Postmortem) -> Draft {
        let mut copy = Draft::new(self.env.new_id(), doc, self.env.now_ms());
        let lang = copy.doc.language;
        copy.doc.header.title =
            KEPT_FROM_OTHER_TAB.fill(lang, &[display_title(&copy.doc.header.title, lang)]);
        copy
    }

    /// Tries again to write drafts whose earlier write failed, once a write has succeeded.
    fn retry_pending(&mut self) {
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
        if self.conflict.is_some() && self.dirty {
            self.resolve_conflict(true);
        }
        self.flush();
        let _ = self.index.save(self.store.kv());
    }

    /// Stops writing the open draft and asks what to keep, because another tab changed it.
    pub fn raise_conflict(&mut self, theirs: Draft) {
        self.conflict = Some(Box::new(theirs));
        self.save_state = SaveState::NotSaved;
        self.alert = Some(Alert {
            kind: AlertKind::Conflict,
            notice: Notice::Conflict,
            actions: vec![AlertAction::ReloadOther, AlertAction::KeepBoth],
        });
    }

    /// Resolves a conflict: `keep_both` saves this tab's text as a new draft first.
    pub fn resolve_conflict(&mut self, keep_both: bool) {
        let Some(theirs) = self.conflict.take() else {
            return;
        };
        let mine = self.doc.clone();
        self.dirty = false;
        self.save_state = SaveState::Saved;
        self.clear_alert(AlertKind::Conflict);
        self.show(*theirs);
        if keep_both {
            let copy = self.kept_copy(mine);
            self.add_and_open(copy);
        }
    }

    /// Removes the open draft if it was created empty and never touched, because the user
    /// is leaving it for another.
    fn drop_untouched(&mut self, next: &str) {
        let Some(id) = self.untouched.take() else {
            return;
        };
        if self.open_id() != Some(id.as_str()) || id == next || self.dirty {
            return;
        }
        if self.store.remove(&id).is_ok() {
            self.index.forget(&id);
            self.pending.retain(|d| d.id != id);
        }
    }

    /// Puts a draft in the editor without writing anything.
    fn show(&mut self, mut draft: Draft) {
        self.doc = std::mem::take(&mut draft.doc);
        self.open = Some(draft);
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
            && self.conflict.is_none();
        if fill {
            self.doc.header.time_zone = self.zone.clone();
            self.dirty = true;
            self.flush();
        }
        fill
    }

    /// Opens a draft by id, writing the current one first.
    pub fn open(&mut self, id: &str) {
        self.try_open(id);
    }

    /// Opens a draft by id; false when it cannot be read.
    fn try_open(&mut self, id: &str) -> bool {
        if self.conflict.is_some() {
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

    /// Creates an empty draft from a template, in a language and a time zone, and opens it.
    pub fn create(&mut self, template: Template, language: Language, zone: String) {
        let zone_unknown = zone.trim().is_empty();
        let doc = Postmortem {
            template,
            language,
            header: Header {
                time_zone: zone,
                ..Header::default()
            },
            ..Postmortem::default()
        };
        let draft = Draft::new(self.env.new_id(), doc, self.env.now_ms());
        let id = draft.id.clone();
        self.add_and_open(draft);
        if zone_unknown {
            self.zone_wanted = Some(id.clone());
        }
        self.untouched = Some(id);
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
        self.undo.push(Undoable::Draft(Box::new(draft)));
        if self.open_id() == Some(id) {
            self.dirty = false;
            self.open = None;
            let next = self
                .newest_first_ids()
                .into_iter()
                .find(|n| self.try_open_quiet(n));
            if next.is_none() {
                self.create(Template::Full, language, zone);
            }
        }
    }

    fn try_open_quiet(&mut self, id: &str) -> bool {
        self.try_open(id)
    }

    /// Adds an empty row at the end of a list; returns its position.
    pub fn add_row(&mut self, list: RowList) -> Option<usize> {
        let mut at = None;
        self.edit(|d| {
            at = match list {
                RowList::Timeline => {
                    d.timeline.push(Default::default());
                    Some(d.timeline.len() - 1)
                }
                RowList::Actions => {
                    d.action_items.push(Default::default());
                    Some(d.action_items.len() - 1)
                }
                RowList::Entries(field) => RowList::entries(field, d).map(|e| {
                    e.push(String::new());
                    e.len() - 1
                }),
            }
        });
        at
    }

    /// Moves a row one place up (`-1`) or down (`1`); returns its new position.
    pub fn move_row(&mut self, list: RowList, from: usize, step: isize) -> Option<usize> {
        fn shift<T>(rows: &mut [T], from: usize, step: isize) -> Option<usize> {
            let to = from.checked_add_signed(step)?;
            if to >= rows.len() || from >= rows.len() {
                return None;
            }
            rows.swap(from, to);
            Some(to)
        }
        let mut to = None;
        self.edit(|d| {
            to = match list {
                RowList::Timeline => shift(&mut d.timeline, from, step),
                RowList::Actions => shift(&mut d.action_items, from, step),
                RowList::Entries(field) => {
                    RowList::entries(field, d).and_then(|e| shift(e, from, step))
                }
            };
            if let Some(to) = to {
                let swap = |i| {
                    Some(if i == from {
                        to
                    } else if i == to {
                        from
                    } else {
                        i
                    })
                };
                renumber_row_dismissals(&mut d.dismissed, list.field(), swap);
            }
        });
        to
    }

    /// Orders the timeline by time (untimed events last, ties in their order); returns the
    /// old position of each row in its new place.
    pub fn sort_timeline(&mut self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.doc.timeline.len()).collect();
        let timeline = &self.doc.timeline;
        // A stable sort keeps the user's order among equal times, as `sorted_by_time` does.
        crate::sort::sort_by_key(&mut order, |&i| {
            (timeline[i].time.is_none(), timeline[i].time.map(|t| t.utc))
        });
        let order_ref = &order;
        self.edit(|d| {
            d.timeline = order_ref.iter().map(|&i| d.timeline[i].clone()).collect();
            let new_index = |old| order_ref.iter().position(|&i| i == old);
            renumber_row_dismissals(&mut d.dismissed, RowList::Timeline.field(), new_index);
        });
        order
    }

    /// Removes a row, keeping it for Undo.
    pub fn remove_row(&mut self, list: RowList, index: usize) -> bool {
        let mut removed = None;
        let mut dismissed = Vec::new();
        self.edit(|d| {
            removed = match list {
                RowList::Timeline if index < d.timeline.len() => {
                    Some(RemovedRow::Event(d.timeline.remove(index)))
                }
                RowList::Actions if index < d.action_items.len() => {
                    Some(RemovedRow::Action(d.action_items.remove(index)))
                }
                RowList::Entries(field) => RowList::entries(field, d)
                    .filter(|e| index < e.len())
                    .map(|e| RemovedRow::Entry(e.remove(index))),
                _ => None,
            };
            if removed.is_some() {
                let shift = |i: usize| match i.cmp(&index) {
                    std::cmp::Ordering::Less => Some(i),
                    std::cmp::Ordering::Equal => None,
                    std::cmp::Ordering::Greater => Some(i - 1),
                };
                dismissed = renumber_row_dismissals(&mut d.dismissed, list.field(), shift);
            }
        });
        match removed {
            Some(row) => {
                self.undo.push(Undoable::Row {
                    list,
                    index,
                    row,
                    dismissed,
                });
                true
            }
            None => false,
        }
    }

    /// Takes back the last undoable action.
    pub fn undo_last(&mut self) -> Undone {
        match self.undo.pop() {
            Some(Undoable::Draft(draft)) => {
                let mut draft = *draft;
                // If the id came back meanwhile (another tab wrote it), keep both.
                if self.index.get(&draft.id).is_some() || self.store.load(&draft.id).is_some() {
                    draft.id = self.env.new_id();
                    draft.rev = 0;
                }
                self.add_and_open(draft);
                Undone::Draft
            }
            Some(Undoable::Row {
                list,
                index,
                row,
                dismissed,
            }) => {
                // Only the row (and its dismissals) goes back; everything typed since stays.
                let mut at = index;
                self.edit(|d| {
                    match (list, row) {
                        (RowList::Timeline, RemovedRow::Event(e)) => {
                            at = index.min(d.timeline.len());
                            d.timeline.insert(at, e);
                        }
                        (RowList::Actions, RemovedRow::Action(a)) => {
                            at = index.min(d.action_items.len());
                            d.action_items.insert(at, a);
                        }
                        (RowList::Entries(field), RemovedRow::Entry(text)) => {
                            if let Some(entries) = RowList::entries(field, d) {
                                at = index.min(entries.len());
                                entries.insert(at, text);
                            }
                        }
                        _ => return,
                    }
                    let shift = |i: usize| Some(if i >= at { i + 1 } else { i });
                    renumber_row_dismissals(&mut d.dismissed, list.field(), shift);
                    restore_row_dismissals(&mut d.dismissed, list.field(), at, dismissed);
                });
                Undone::Row(list, at)
            }
            None => Undone::Nothing,
        }
    }

    /// Imports a file's text: Hindsight's JSON and Markdown open as a new draft at once;
    /// Markdown written elsewhere is mapped and handed back for the user to check. On
    /// failure an alert says why and nothing changes.
    pub fn import_file(&mut self, name: &str, text: &str) -> Imported {
        let lower = name.to_ascii_lowercase();
        let as_json = lower.ends_with(".json")
            || (!lower.ends_with(".md")
                && !lower.ends_with(".markdown")
                && text.trim_start().starts_with('{'));
        let result = if as_json {
            import_json_reporting(text).map(|(doc, ignored)| (Some(doc), ignored, None))
        } else {
            let zone = self.zone.clone();
            let env = &self.env;
            import_any_markdown(text, &zone, &|z, utc| env.offset_at(z, utc)).map(|read| match read
            {
                MarkdownImport::Hindsight(doc) | MarkdownImport::HindsightBody(doc) => {
                    (Some(doc), Vec::new(), None)
                }
                MarkdownImport::Foreign(foreign) => (None, Vec::new(), Some(foreign)),
            })
        };
        match result {
            Ok((Some(doc), ignored, _)) => {
                let title = doc.header.title.clone();
                self.open_new(doc);
                Imported::Opened { title, ignored }
            }
            Ok((None, _, Some(foreign))) => Imported::Foreign(Box::new(foreign)),
            Ok((None, _, None)) => Imported::Failed,
            Err(e) => {
                self.warn(
                    Notice::ImportFailed {
                        name: name.to_owned(),
                        error: e.text().clone(),
                    },
                    Vec::new(),
                );
                Imported::Failed
            }
        }
    }

    /// Creates the draft of a foreign import, once the user has checked where each part went.
    pub fn open_foreign(&mut self, import: ForeignImport) -> String {
        let title = import.doc.header.title.clone();
        self.open_new(import.doc);
        title
    }

    /// Adds the drafts of a backup file, keeping both where an id is already taken.
    /// Returns how many came back.
    pub fn restore_backup(&mut self, name: &str, text: &str) -> Option<usize> {
        let incoming = match read_backup(text) {
            Ok(drafts) => drafts,
            Err(e) => {
                self.warn(
                    Notice::RestoreFailed {
                        name: name.to_owned(),
                        error: e.text().clone(),
                    },
                    Vec::new(),
                );
                return None;
            }
        };
        self.flush();
        let env = &self.env;
        let existing: Vec<String> = self
            .index
            .summaries()
            .iter()
            .map(|s| s.id.clone())
            .collect();
        let restored = restore(existing.iter().map(String::as_str), incoming, || {
            env.new_id()
        });
        let count = restored.len();
        let mut failed = None;
        for d in restored {
            match self.store.save(&d) {
                Ok(raw) => self.index.record(&d, &raw),
                Err(e) => {
                    self.index.upsert(summarize_doc(&d.id, &d.doc));
                    self.pending.push(d);
                    failed = Some(e);
                }
            }
        }
        let _ = self.index.save(self.store.kv());
        match failed {
            Some(error) => self.warn(Notice::RestorePartial { count, error }, Vec::new()),
            None => self.alert = None,
        }
        Some(count)
    }

    /// The backup file of every draft, and its name.
    pub fn backup(&mut self) -> (String, String) {
        self.flush();
        let now = self.env.now_ms();
        let ids: Vec<String> = self
            .index
            .summaries()
            .iter()
            .map(|s| s.id.clone())
            .collect();
        let drafts: Vec<Draft> = ids.iter().filter_map(|id| self.draft(id)).collect();
        (
            write_backup(&drafts, now),
            format!("hindsight-backup-{}.json", self.env.today()),
        )
    }

    /// Records that a backup was downloaded.
    pub fn backed_up(&mut self) {
        let now = self.env.now_ms();
        let _ = self.store.set_meta("last-backup", &now.to_string());
        self.last_backup = Some(now);
    }

    /// The open document, written first, with the stem of its export file names.
    pub fn export_source(&mut self) -> (&Postmortem, String) {
        self.flush();
        let stem = file_stem(&self.doc);
        (&self.doc, stem)
    }

    /// Records the export date on the open draft, through the same checked write as edits.
    pub fn mark_exported(&mut self) {
        if self.is_read_only() || self.conflict.is_some() {
            return;
        }
        let now = self.env.now_ms();
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.last_exported_at = Some(now);
        self.dirty = true;
        self.flush();
    }

    /// The values set aside as unreadable, as one JSON object, exactly as they were stored.
    pub fn set_aside_json(&self) -> String {
        let values: std::collections::BTreeMap<String, String> =
            self.store.set_aside().into_iter().collect();
        serde_json::to_string_pretty(&values).unwrap_or_default()
    }

    /// Deletes the values set aside as unreadable.
    pub fn discard_set_aside(&mut self) {
        match self.store.discard_set_aside() {
            Ok(()) => self.alert = None,
            Err(e) => self.warn(Notice::DiscardFailed(e), Vec::new()),
        }
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
        if open && self.dirty {
            self.raise_conflict(theirs);
            return;
        }
        let _ = self.index.record_value(id, Some(&text));
        if open && self.conflict.is_none() {
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
