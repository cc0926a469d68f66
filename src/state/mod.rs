//! App-wide state: a thin reactive wrapper over the core's editing [`Session`].
//!
//! The session holds the drafts and the open document and decides every rule about saving
//! them; this wrapper mirrors what the views show into signals, and says which part of the
//! document changed: one trigger per section, so a keystroke re-runs the Markdown, HTML and
//! checks of its own section only. Rows have stable keys that live here, never in the
//! document. File actions live in `exchange.rs`, other tabs in `sync.rs`.

mod exchange;
mod folder;
mod incidents;
mod rows;
mod sync;

use hindsight_core::incidents::Summary;
use hindsight_core::session::{
    Alert, AlertAction, MergeSource, RowList, SaveState, Start, Undoable, Undone,
};
use hindsight_core::{session::Session, FieldId, Language, Postmortem, SectionId, Template, Text};
use leptos::prelude::*;

use crate::adapters::{files, platform, Backend, BrowserEnv};
pub use exchange::ExportFormat;
pub use rows::RowKeys;

/// Longest wait between the first unsaved edit and its write.
pub const SAVE_DELAY_MS: u64 = 300;

/// How long a due save may wait for an idle moment.
const SAVE_IDLE_WITHIN_MS: u32 = 1000;

/// The session the app runs.
pub type AppSession = Session<Backend, BrowserEnv>;

/// What the undo toast says: the latest thing that can be undone, and how many more.
#[derive(Clone, Debug, PartialEq)]
pub enum UndoTop {
    /// A deleted draft, by title.
    Draft(String),
    /// A removed row: its list and its number.
    Row(RowList, usize),
    /// Timeline events pasted at once: how many.
    Pasted(usize),
}

/// The handle to app-wide state; two arena keys, cheap to copy into any closure.
#[derive(Clone, Copy)]
pub struct Editor {
    session: StoredValue<AppSession, LocalStorage>,
    h: StoredValue<Handles>,
}

/// The signals and triggers the views read; handles only, so copying them is cheap.
#[derive(Clone, Copy)]
struct Handles {
    changed: [Trigger; 11],
    replaced: Trigger,
    drafts: RwSignal<Vec<Summary>>,
    open_id: RwSignal<Option<String>>,
    save_state: RwSignal<SaveState>,
    alert: RwSignal<Option<Alert>>,
    undo: RwSignal<Option<(UndoTop, usize)>>,
    info: RwSignal<Option<Text>>,
    shared: RwSignal<Option<Postmortem>>,
    last_backup: RwSignal<Option<i64>>,
    read_only: RwSignal<bool>,
    unstored: RwSignal<bool>,
    template: RwSignal<Template>,
    rows: RowKeys,
    foreign: RwSignal<Option<(String, hindsight_core::import::ForeignImport)>>,
    merge: RwSignal<Option<MergeShown>>,
    merge_open: RwSignal<bool>,
    persistent: bool,
    seen_generation: StoredValue<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

macro_rules! handles {
    ($($(#[$doc:meta])* $name:ident: $ty:ty;)*) => {
        impl Editor {
            $(
                $(#[$doc])*
                pub fn $name(&self) -> $ty {
                    self.h.with_value(|h| h.$name)
                }
            )*
        }
    };
}

handles! {
    /// What the drafts list shows.
    drafts: RwSignal<Vec<Summary>>;
    /// The open draft's id.
    open_id: RwSignal<Option<String>>;
    /// What the save indicator says.
    save_state: RwSignal<SaveState>;
    /// The alert region's content.
    alert: RwSignal<Option<Alert>>;
    /// The undo toast: the latest undoable thing and how many there are.
    undo: RwSignal<Option<(UndoTop, usize)>>;
    /// A short confirmation for the toast.
    info: RwSignal<Option<Text>>;
    /// A document opened from a share link, shown read-only.
    shared: RwSignal<Option<Postmortem>>;
    /// When all drafts were last backed up.
    last_backup: RwSignal<Option<i64>>;
    /// Whether the open draft was written by a newer Hindsight.
    read_only: RwSignal<bool>;
    /// Whether the open draft is the calm first draft, not stored until its first words.
    unstored: RwSignal<bool>;
    /// The open draft's template: it orders the form.
    template: RwSignal<Template>;
    /// Stable keys of every list's rows.
    rows: RowKeys;
    /// A file written elsewhere, mapped and waiting for the user to check where each part
    /// went, with the file's name.
    foreign: RwSignal<Option<(String, hindsight_core::import::ForeignImport)>>;
    /// Another version of the open draft merged with this one, waiting for the user's
    /// choice at each conflict.
    merge: RwSignal<Option<MergeShown>>;
    /// Whether the merge dialog is open (the user may close it and come back through the
    /// alert).
    merge_open: RwSignal<bool>;
    /// Whether drafts survive a reload.
    persistent: bool;
}

/// What the merge dialog shows: where the other version comes from, and each conflict.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeShown {
    /// Another tab, or the connected folder.
    pub source: MergeSource,
    /// What both sides changed, with the three texts.
    pub conflicts: Vec<hindsight_core::merge::Conflict>,
}

impl Editor {
    /// Opens storage, loads the drafts and opens the one named in the URL (or the newest,
    /// or a new one in `lang`).
    pub fn start(lang: Language) -> Self {
        let (backend, persistent) = Backend::open();
        let session = Session::start(
            backend,
            BrowserEnv,
            Start {
                persistent,
                wanted: platform::draft_in_url(),
                // Asking the browser for its zone costs tens of milliseconds the first time
                // (Intl loads its data): it is asked once the app has been painted.
                zone: String::new(),
                language: lang,
            },
        );
        let mut shared = None;
        let mut broken_link = None;
        let fragment = files::fragment();
        if fragment.starts_with(hindsight_core::share::SHARE_PREFIX) {
            match hindsight_core::share::decode(&fragment) {
                Ok(doc) => shared = Some(doc),
                Err(e) => {
                    broken_link = Some(e);
                    files::clear_fragment();
                }
            }
        }
        let handles = Handles {
            changed: std::array::from_fn(|_| Trigger::new()),
            replaced: Trigger::new(),
            drafts: RwSignal::new(Vec::new()),
            open_id: RwSignal::new(None),
            save_state: RwSignal::new(SaveState::Saved),
            alert: RwSignal::new(None),
            undo: RwSignal::new(None),
            info: RwSignal::new(None),
            shared: RwSignal::new(shared),
            last_backup: RwSignal::new(None),
            read_only: RwSignal::new(false),
            unstored: RwSignal::new(false),
            template: RwSignal::new(Template::Full),
            rows: RowKeys::new(),
            foreign: RwSignal::new(None),
            merge: RwSignal::new(None),
            merge_open: RwSignal::new(false),
            persistent,
            seen_generation: StoredValue::new(u64::MAX),
            timer: StoredValue::new(None),
        };
        let ed = Self {
            session: StoredValue::new_local(session),
            h: StoredValue::new(handles),
        };
        ed.sync();
        if let Some(e) = broken_link {
            ed.warn_text(Text::with(crate::i18n::SHARE_LINK_BROKEN, &[e.text()]));
        }
        if persistent {
            platform::request_persistent_storage();
        }
        request_animation_frame(move || {
            set_timeout(move || ed.learn_zone(), std::time::Duration::ZERO)
        });
        ed
    }

    /// Tells the session the browser's time zone; the draft made before it was known takes
    /// it, and the form and preview show it.
    fn learn_zone(&self) {
        // An app unmounted meanwhile (a test's) has nothing to tell.
        if self.session.is_disposed() {
            return;
        }
        let zone = platform::browser_time_zone();
        if self.act(|s| s.set_zone(zone)) {
            self.h.with_value(|h| {
                h.changed[SectionId::Header.index()].notify();
                h.changed[SectionId::Timeline.index()].notify();
                h.replaced.notify();
            });
        }
    }

    /// Reads the open document, subscribing to changes of one section.
    pub fn read<T>(&self, section: SectionId, f: impl FnOnce(&Postmortem) -> T) -> T {
        self.h.with_value(|h| h.changed[section.index()]).track();
        self.session.with_value(|s| f(s.doc()))
    }

    /// Reads the open document without subscribing.
    pub fn peek<T>(&self, f: impl FnOnce(&Postmortem) -> T) -> T {
        self.session.with_value(|s| f(s.doc()))
    }

    /// Reads every draft's summary without subscribing; [`Editor::drafts`] says when they
    /// change.
    pub fn peek_summaries<T>(&self, f: impl FnOnce(&[Summary]) -> T) -> T {
        self.session.with_value(|s| f(s.summaries()))
    }

    /// Subscribes to the document being replaced from outside (opened, reloaded from
    /// another tab), after which form controls take their values again.
    pub fn track_replaced(&self) {
        self.h.with_value(|h| h.replaced).track();
    }

    /// The sections an edit of `field` changes the report of: its own, plus the timeline
    /// for the time zone, plus every section for the report's language.
    fn affected(field: FieldId) -> Vec<SectionId> {
        match field {
            FieldId::ReportLanguage => SectionId::ALL.to_vec(),
            FieldId::TimeZone => vec![SectionId::Header, SectionId::Timeline],
            other => vec![other.section()],
        }
    }

    /// Applies an edit of one field (or of its row) and schedules its write.
    pub fn edit(&self, field: FieldId, change: impl FnOnce(&mut Postmortem)) {
        self.edit_sections(&Self::affected(field), change);
    }

    /// Applies an edit that touches the given sections and schedules its write.
    pub fn edit_sections(&self, sections: &[SectionId], change: impl FnOnce(&mut Postmortem)) {
        let mut applied = false;
        self.session.update_value(|s| applied = s.edit(change));
        if !applied {
            return;
        }
        let changed = self.h.with_value(|h| h.changed);
        for s in sections {
            changed[s.index()].notify();
        }
        self.sync_save_state();
        self.schedule_flush();
    }

    fn schedule_flush(&self) {
        let timer = self.h.with_value(|h| h.timer);
        if timer.with_value(Option::is_some) {
            return;
        }
        let this = *self;
        // The save, its read-back and the index update wait for an idle moment after the
        // delay, so they never share a frame with a keystroke; a second at the most.
        let handle = set_timeout_with_handle(
            move || {
                timer.set_value(None);
                platform::when_idle(SAVE_IDLE_WITHIN_MS, move || this.flush());
            },
            std::time::Duration::from_millis(SAVE_DELAY_MS),
        )
        .ok();
        timer.set_value(handle);
    }

    /// Writes the open draft now if it has unsaved edits.
    pub fn flush(&self) {
        let timer = self.h.with_value(|h| h.timer);
        if let Some(handle) = timer.get_value() {
            handle.clear();
            timer.set_value(None);
        }
        self.session.update_value(|s| s.flush());
        self.sync();
    }

    /// Writes everything that can be written now, because the page may be going away.
    pub fn save_before_leaving(&self) {
        self.session.update_value(|s| s.save_before_leaving());
        self.sync();
    }

    fn sync_save_state(&self) {
        let state = self.session.with_value(|s| s.save_state());
        let save_state = self.save_state();
        if save_state.get_untracked() != state {
            save_state.set(state);
        }
    }

    /// Mirrors the session into the signals the views read, touching only what changed.
    fn sync(&self) {
        let drafts_signal = self.h.with_value(|h| h.drafts);
        let (merge, merged_note) = self
            .session
            .try_update_value(|s| {
                let merge = s.merging().map(|p| MergeShown {
                    source: p.source,
                    conflicts: p.merged.conflicts.clone(),
                });
                (merge, s.take_merge_note())
            })
            .unwrap_or_default();
        let (generation, open, drafts, alert, undo, read_only, unstored, template, backup, lens) =
            self.session.with_value(|s| {
                let undo = s.undo_stack().last().map(|u| {
                    let top = match u {
                        Undoable::Draft(d) => UndoTop::Draft(d.doc.header.title.clone()),
                        Undoable::Row { list, index, .. } => UndoTop::Row(*list, *index),
                        Undoable::Pasted { count, .. } => UndoTop::Pasted(*count),
                    };
                    (top, s.undo_stack().len())
                });
                (
                    s.generation(),
                    s.open_id().map(str::to_owned),
                    // The list changes only when a stored draft does: compare what names a
                    // stored value before copying every summary.
                    drafts_signal
                        .with_untracked(|old| !same_drafts(old, s.summaries()))
                        .then(|| s.summaries().to_vec()),
                    s.alert().cloned(),
                    undo,
                    s.is_read_only(),
                    s.is_unstored(),
                    s.doc().template,
                    s.last_backup(),
                    RowKeys::lengths(s.doc()),
                )
            });
        self.sync_save_state();
        let h = self.h.get_value();
        set_if_changed(h.open_id, open);
        if let Some(drafts) = drafts {
            h.drafts.set(drafts);
        }
        set_if_changed(h.alert, alert);
        set_if_changed(h.undo, undo);
        set_if_changed(h.read_only, read_only);
        set_if_changed(h.unstored, unstored);
        set_if_changed(h.template, template);
        set_if_changed(h.last_backup, backup);
        let asks = merge.is_some();
        if h.merge.with_untracked(|m| m.is_none()) && asks {
            // A new merge opens its dialog at once.
            h.merge_open.set(true);
        }
        set_if_changed(h.merge, merge);
        if !asks {
            set_if_changed(h.merge_open, false);
        }
        if let Some(source) = merged_note {
            h.info.set(Some(Text::from(match source {
                MergeSource::OtherTab => crate::i18n::merge::MERGED_TAB,
                MergeSource::Folder => crate::i18n::merge::MERGED_FOLDER,
            })));
        }
        if h.seen_generation.get_value() != generation {
            h.seen_generation.set_value(generation);
            h.rows.reset(&lens);
            for t in &h.changed {
                t.notify();
            }
            h.replaced.notify();
            if let Some(id) = h.open_id.get_untracked() {
                platform::set_draft_in_url(&id);
            }
        }
    }

    /// Runs an action on the session, then mirrors it.
    fn act<T>(&self, f: impl FnOnce(&mut AppSession) -> T) -> T {
        let mut out = None;
        self.session.update_value(|s| out = Some(f(s)));
        self.sync();
        // `update_value` always runs its closure, so `out` is set.
        out.unwrap_or_else(|| unreachable!("the session action ran"))
    }

    /// Shows a message the app words itself.
    pub fn warn_text(&self, text: Text) {
        self.act(|s| s.warn(hindsight_core::session::Notice::Other(text), Vec::new()));
    }

    /// Clears the alert.
    pub fn dismiss_alert(&self) {
        self.act(|s| s.dismiss_alert());
    }

    /// Opens a draft by id, writing the current one first.
    pub fn open(&self, id: &str) {
        self.flush();
        self.act(|s| s.open(id));
    }

    /// Switches the open draft's template: which sections are marked Required and what the
    /// review asks change at once; no section's content does.
    pub fn set_template(&self, template: Template) {
        if self.peek(|d| d.template == template) {
            return;
        }
        // Stored with the draft (the Header's edit), and told to the form and the review now
        // rather than at the next write.
        self.edit_sections(&[SectionId::Header], |d| d.template = template);
        let signal = self.template();
        if self.peek(|d| d.template == template) {
            signal.set(template);
        }
    }

    /// Creates an empty draft from a template, in the UI language, and opens it.
    pub fn create(&self, template: Template, lang: Language) {
        self.flush();
        let zone = platform::browser_time_zone();
        self.act(|s| s.create(template, lang, zone));
    }

    /// Opens a copy of the worked example, in `lang`, as a new draft. The example is a file
    /// of the site (`assets/examples/`), fetched when asked and precached for offline use,
    /// not text carried in the wasm every visitor downloads first.
    pub fn open_example(&self, lang: Language) {
        self.flush();
        let this = *self;
        let url = format!(
            "examples/worked-example.{}.json",
            hindsight_core::Choice::value(lang)
        );
        leptos::task::spawn_local(async move {
            let doc = platform::fetch_text(&url)
                .await
                .and_then(|text| hindsight_core::import::import_json(&text).ok());
            if this.session.is_disposed() {
                return;
            }
            match doc {
                Some(doc) => this.act(|s| s.open_new(doc)),
                None => this.warn_text(crate::i18n::EXAMPLE_UNAVAILABLE.into()),
            }
        });
    }

    /// Duplicates a draft and opens the copy.
    pub fn duplicate(&self, id: &str) {
        self.act(|s| s.duplicate(id));
    }

    /// Deletes a draft, keeping it for Undo.
    pub fn delete(&self, id: &str, lang: Language) {
        let zone = platform::browser_time_zone();
        self.act(|s| s.delete(id, lang, zone));
    }

    /// Forgets what could be undone.
    pub fn clear_undo(&self) {
        self.act(|s| s.clear_undo());
    }

    /// Takes back the last undoable action; a row brought back is returned with its key, for
    /// the focus.
    pub fn undo_last(&self) -> Option<(RowList, u32)> {
        let undone = self.row_act(|s| s.undo_last());
        match undone {
            Undone::Row(list, at) => {
                let key = self.rows().insert(list, at);
                self.notify_list(list);
                Some((list, key))
            }
            Undone::Unpasted(at, taken, replaced_empty) => {
                for _ in 0..taken {
                    self.rows().remove(RowList::Timeline, at);
                }
                let key = if replaced_empty {
                    Some(self.rows().insert(RowList::Timeline, at))
                } else {
                    self.rows().near(RowList::Timeline, at)
                };
                self.notify_list(RowList::Timeline);
                key.map(|k| (RowList::Timeline, k))
            }
            _ => None,
        }
    }

    /// Adds an empty event right after the row `key` (Enter in an event).
    pub fn add_event_after(&self, key: u32) -> Option<u32> {
        let index = self.rows().index_of(RowList::Timeline, key)?;
        let at = self.row_act(|s| s.add_event_after(index))?;
        let new = self.rows().insert(RowList::Timeline, at);
        self.notify_list(RowList::Timeline);
        Some(new)
    }

    /// Puts pasted events in at the row `key` (in its place when it is empty); returns the
    /// keys of the rows made.
    pub fn paste_events(&self, key: u32, events: Vec<hindsight_core::TimelineEvent>) -> Vec<u32> {
        let Some(index) = self.rows().index_of(RowList::Timeline, key) else {
            return Vec::new();
        };
        let replaced = self.peek(|d| {
            d.timeline
                .get(index)
                .is_some_and(|e| *e == hindsight_core::TimelineEvent::default())
        });
        let count = self.row_act(|s| s.paste_events(index, events));
        if replaced && count > 0 {
            self.rows().remove(RowList::Timeline, index);
        }
        let keys = (0..count)
            .map(|k| self.rows().insert(RowList::Timeline, index + k))
            .collect();
        self.notify_list(RowList::Timeline);
        keys
    }

    /// Runs a row action; the review's dismissals follow their rows, and they are tracked
    /// with the Header, so a change to them is announced there.
    fn row_act<T>(&self, f: impl FnOnce(&mut AppSession) -> T) -> T {
        let before = self.session.with_value(|s| s.doc().dismissed.clone());
        let out = self.act(f);
        if self.session.with_value(|s| s.doc().dismissed != before) {
            self.h
                .with_value(|h| h.changed[SectionId::Header.index()])
                .notify();
        }
        out
    }

    fn notify_list(&self, list: RowList) {
        let section = match list {
            RowList::Timeline => SectionId::Timeline,
            RowList::Actions => SectionId::ActionItems,
            RowList::Entries(field) => field.section(),
        };
        self.h.with_value(|h| h.changed[section.index()]).notify();
        self.sync_save_state();
        self.schedule_flush();
    }

    /// Adds an empty row at the end of a list; returns its key.
    pub fn add_row(&self, list: RowList) -> Option<u32> {
        let at = self.act(|s| s.add_row(list))?;
        let key = self.rows().insert(list, at);
        self.notify_list(list);
        Some(key)
    }

    /// Moves a row one place; returns whether it moved.
    pub fn move_row(&self, list: RowList, key: u32, step: isize) -> bool {
        let Some(from) = self.rows().index_of(list, key) else {
            return false;
        };
        let moved = self.row_act(|s| s.move_row(list, from, step));
        if let Some(to) = moved {
            self.rows().swap(list, from, to);
            self.notify_list(list);
        }
        moved.is_some()
    }

    /// Removes a row, keeping it for Undo; returns the key of the row now in its place (or
    /// before it), for the focus.
    pub fn remove_row(&self, list: RowList, key: u32) -> Option<u32> {
        let index = self.rows().index_of(list, key)?;
        if self.row_act(|s| s.remove_row(list, index)) {
            self.rows().remove(list, index);
            self.notify_list(list);
        }
        self.rows().near(list, index)
    }

    /// Orders the timeline by time.
    pub fn sort_timeline(&self) {
        let order = self.row_act(|s| s.sort_timeline());
        self.rows().reorder(RowList::Timeline, &order);
        self.notify_list(RowList::Timeline);
    }

    /// Resolves a conflict without choosing field by field (`keep_both`: this tab's text
    /// as a new draft).
    pub fn resolve_conflict(&self, keep_both: bool) {
        self.act(|s| s.resolve_conflict(keep_both));
    }

    /// Resolves a merge with the side chosen at each conflict.
    pub fn resolve_merge(&self, choices: &[hindsight_core::merge::Side]) {
        self.act(|s| s.resolve_merge(choices));
    }

    /// How much of local storage the site uses, in UTF-16 units (each two bytes).
    pub fn storage_used(&self) -> usize {
        self.session.with_value(|s| s.store().used_units())
    }

    /// Writes now, because the user asked (Ctrl/Cmd+S); true when everything is saved.
    pub fn save_now(&self) -> bool {
        self.flush();
        self.save_state().get_untracked() == SaveState::Saved
    }

    /// Runs the action of an alert's button.
    pub fn run_alert_action(&self, action: AlertAction) {
        match action {
            AlertAction::ExportJson => self.export(ExportFormat::Json),
            AlertAction::BackupAll => self.backup_all(),
            AlertAction::DownloadSetAside => self.download_set_aside(),
            AlertAction::DiscardSetAside => self.act(|s| s.discard_set_aside()),
            AlertAction::ChooseMerge => self.merge_open().set(true),
            AlertAction::KeepDraft => self.answer_deleted(true, self.peek(|d| d.language)),
            AlertAction::DeleteDraft => self.answer_deleted(false, self.peek(|d| d.language)),
            AlertAction::KeepBoth => self.resolve_conflict(true),
        }
    }
}

/// Whether two lists of summaries name the same stored values, in the same order.
fn same_drafts(old: &[Summary], new: &[Summary]) -> bool {
    old.len() == new.len()
        && old.iter().zip(new).all(|(a, b)| {
            a.id == b.id
                && a.rev == b.rev
                && a.stamp == b.stamp
                && a.updated_at == b.updated_at
                && a.last_exported_at == b.last_exported_at
                && a.read_only == b.read_only
        })
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}
