//! The editing session: the drafts, the open document, and every rule about saving them.
//!
//! Writes are debounced by the app, which calls [`Session::flush`]; every write compares the
//! draft's revision with storage first, so a stale tab never overwrites newer text, and is
//! read back, so a storage that drops writes is caught. A failed write keeps the text here,
//! raises the Not saved alert and is retried after the next write that works. Deleted drafts
//! and rows can be undone. The clock and the id source are injected, so all of it is tested
//! natively against [`MemoryKv`](crate::MemoryKv) with faults.

mod alerts;
mod drafts;
mod files;
mod folder;
mod merging;
mod rows;
mod saving;

use crate::document::{Header, Language, Postmortem};
use crate::draft::Draft;
use crate::incidents::{newest_first, Index, Summary};
use crate::storage::{DraftStore, KeyValue, Unreadable};

use alerts::set_aside_alert;
pub use alerts::{Alert, AlertAction, AlertKind, Notice, SaveState};
pub use files::Imported;
pub use folder::{text_hash, FileChange, FileWrite, Link};
pub use merging::{Outcome as MergeOutcome, Pending as PendingMerge, Source as MergeSource};
pub use rows::{RemovedRow, RowList, Undoable, Undone};
pub use saving::MarkFailed;

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
    /// Another version of the open draft merged with this tab's, waiting for the user's
    /// choice at its conflicts.
    merging: Option<Box<merging::Pending>>,
    /// The open document as storage last held it (as written or read here): what another
    /// tab's version is merged from.
    base: Postmortem,
    /// The open document as its file in the connected folder last held it, when known.
    folder_base: Option<Postmortem>,
    /// Another version was merged in without asking, for the app to say so once.
    merge_note: Option<merging::Source>,
    /// Drafts saved as files of the connected folder.
    links: Vec<folder::Link>,
    /// Whether a folder is connected now.
    folder_connected: bool,
    /// The paths the connected folder holds.
    folder_files: Vec<String>,
    /// Drafts whose file is gone from the folder, with its path, waiting for the user.
    deleted_files: Vec<(String, String)>,
    /// Files of drafts deleted here, for the app to remove from the folder.
    removed_files: Vec<String>,
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
    /// The open draft, when it is the calm first draft: shown so the user can type at once,
    /// but written to storage (and listed) only with the first edit.
    unstored: Option<String>,
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
            merging: None,
            base: Postmortem::default(),
            folder_base: None,
            merge_note: None,
            links: Vec::new(),
            folder_connected: false,
            folder_files: Vec::new(),
            deleted_files: Vec::new(),
            removed_files: Vec::new(),
            undo: Vec::new(),
            save_state: SaveState::Saved,
            alert,
            last_backup,
            generation: 0,
            untouched: None,
            zone: start.zone.clone(),
            zone_wanted: None,
            unstored: None,
        };
        session.load_links();
        let wanted = start.wanted.filter(|id| session.index.get(id).is_some());
        let mut candidates: Vec<String> = wanted.into_iter().collect();
        candidates.extend(session.newest_first_ids());
        for id in candidates {
            if session.try_open(&id) {
                return session;
            }
        }
        session.start_calm(start.language, start.zone);
        session
    }

    /// Whether the open draft is the calm first draft, not stored until the first edit.
    pub fn is_unstored(&self) -> bool {
        self.unstored.is_some() && self.unstored.as_deref() == self.open_id()
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

    /// Whether another version of the open draft waits for the user's choices.
    pub fn in_conflict(&self) -> bool {
        self.merging.is_some()
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
}
