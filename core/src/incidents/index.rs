//! The index of drafts: one small summary per draft, kept in storage beside them.
//!
//! Parsing 200 stored drafts costs more than start-up may spend, so the drafts list and the
//! overview read summaries instead. The index is a cache, never the truth: on load each entry
//! is checked against its draft's stored value by length and FNV-1a hash (no parse), and only
//! missing or stale entries are rebuilt from their drafts. A value rewritten by another tab
//! therefore rebuilds that one entry, and a lost, damaged or older index rebuilds them all.
//! Two tabs writing the index at once cannot do harm: the next load corrects any entry.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::cause::cause_words;
use super::clip;
use crate::document::{ActionType, Language, Postmortem, Priority, Severity, Status, Template};
use crate::draft::Draft;
use crate::metrics::TimelineMetrics;
use crate::report::display_title;
use crate::storage::{parse_draft, KeyValue, Unreadable, WriteError, DRAFT_PREFIX};
use crate::words::Text;

/// The storage key of the index. It is outside [`DRAFT_PREFIX`], so loading drafts and the
/// other tabs' draft events never see it.
pub const INDEX_KEY: &str = "hindsight:index";

/// The shape of the stored index. An index of another version is rebuilt, never read.
pub const INDEX_VERSION: u32 = 1;

/// Longest title, Incident ID, tag, owner or action text kept, in bytes.
const MAX_SHORT: usize = 500;
/// Longest Recurrence text kept, in bytes: enough to name many earlier incidents.
const MAX_RECURRENCE: usize = 2000;

/// What a stored value looked like when its summary was made: its length in UTF-16 units and
/// the FNV-1a 64 hash of its first [`STAMP_PREFIX`] units. Equal stamps mean the value has
/// not changed since.
///
/// A draft's value starts with its id, revision and change times, and every write bumps the
/// revision, so the head and the length tell a changed draft apart without reading (or, in
/// the browser, copying into wasm) the whole value: start-up with many drafts stays fast.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stamp {
    /// Length of the value in UTF-16 units, as the browser counts it.
    pub len: usize,
    /// FNV-1a 64 of the value's head.
    pub hash: u64,
}

/// How many UTF-16 units of a value's head its stamp hashes.
pub const STAMP_PREFIX: usize = 160;

impl Stamp {
    /// The stamp of a stored value.
    pub fn of(value: &str) -> Self {
        let (head, len) = crate::storage::head(value, STAMP_PREFIX);
        Self::of_head(&head, len)
    }

    /// The stamp of a value known by its head and its length.
    pub fn of_head(head: &str, len: usize) -> Self {
        Self {
            len,
            hash: fnv1a64(head.as_bytes()),
        }
    }

    /// Whether `value` is the value this stamp was made from.
    pub fn matches(&self, value: &str) -> bool {
        *self == Self::of(value)
    }
}

/// FNV-1a, 64 bits: not cryptographic, only a fast and well-spread change detector.
pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

/// An action item that is not done, as the overview lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenAction {
    /// Its row in the draft's action items, counted from 0.
    pub index: usize,
    /// What will be done (clipped to a few hundred bytes).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// Who will do it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it is due, `YYYY-MM-DD` as typed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub due_date: String,
    /// How urgent it is, when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// What it is for, when set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActionType>,
    /// The ticket that tracks it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tracking_link: String,
}

impl OpenAction {
    /// Whether it is past its due date (`today` is the local date, `YYYY-MM-DD`); the same
    /// rule as [`ActionItem::is_overdue`](crate::ActionItem::is_overdue).
    pub fn is_overdue(&self, today: &str) -> bool {
        crate::time::parse_date(&self.due_date).is_some() && self.due_date.trim() < today
    }
}

/// What the drafts list, the overview, related incidents and trends need of one draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Summary {
    /// The draft's id (for a folder's file, [`super::FOLDER_ID_PREFIX`] and its path).
    pub id: String,
    /// The draft's revision when summarised.
    pub rev: u64,
    /// Title, as typed (may be empty; see [`Summary::display_title`]).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Incident ID.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub incident_id: String,
    /// Severity, when chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Draft, In review or Final.
    pub status: Status,
    /// Incident date, `YYYY-MM-DD` as typed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub incident_date: String,
    /// Milliseconds since the epoch when the draft was created.
    pub created_at: i64,
    /// Milliseconds since the epoch of the last change.
    pub updated_at: i64,
    /// Milliseconds since the epoch of the last export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_exported_at: Option<i64>,
    /// Tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The template it was created from.
    pub template: Template,
    /// The report's language.
    pub language: Language,
    /// Written by a newer Hindsight, or from a folder: shown, never written.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    /// Every action item not done, in row order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub open_actions: Vec<OpenAction>,
    /// How many action items there are, done or not.
    pub actions_total: usize,
    /// Root causes as a sorted set of words, for similarity ([`cause_words`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cause_words: Vec<String>,
    /// Recurrence, clipped, for the incidents it names.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub recurrence: String,
    /// Time to detect in seconds, from the timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_to_detect: Option<i64>,
    /// Time to resolve in seconds, from the timeline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_to_resolve: Option<i64>,
    /// The stored value this summary was made from.
    pub stamp: Stamp,
    /// For a file of an opened folder: its path. Never stored.
    #[serde(skip)]
    pub folder: Option<String>,
}

impl Summary {
    /// The title to show, with the placeholder in `lang` when empty.
    pub fn display_title(&self, lang: Language) -> &str {
        display_title(&self.title, lang)
    }

    /// Whether the search text matches the title or a tag (case-insensitive, every word).
    pub fn matches(&self, query: &str) -> bool {
        let haystack = format!("{} {}", self.title, self.tags.join(" ")).to_lowercase();
        query
            .split_whitespace()
            .all(|word| haystack.contains(&word.to_lowercase()))
    }

    /// How many open action items are past due on `today`.
    pub fn overdue_count(&self, today: &str) -> usize {
        self.open_actions
            .iter()
            .filter(|a| a.is_overdue(today))
            .count()
    }

    /// Whether it comes from an opened folder rather than from storage: by its path, or by
    /// its id where the path did not travel (a summary read back from JSON, as the worker's
    /// are, has none).
    pub fn is_from_folder(&self) -> bool {
        self.folder.is_some() || self.id.starts_with(super::FOLDER_ID_PREFIX)
    }
}

/// The summaries that match `query`, newest change first, ties by id: the drafts list's
/// order.
pub fn newest_first<'a>(summaries: &'a [Summary], query: &str) -> Vec<&'a Summary> {
    let mut list: Vec<&Summary> = summaries.iter().filter(|s| s.matches(query)).collect();
    crate::sort::sort_by(&mut list, |a, b| {
        b.updated_at
            .cmp(&a.updated_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    list
}

/// The summary of a draft whose stored value is `raw` (the exact text written or read).
pub fn summarize(draft: &Draft, raw: &str) -> Summary {
    let mut summary = summarize_doc(&draft.id, &draft.doc);
    summary.rev = draft.rev;
    summary.created_at = draft.created_at;
    summary.updated_at = draft.updated_at;
    summary.last_exported_at = draft.last_exported_at;
    summary.read_only = draft.read_only;
    summary.stamp = Stamp::of(raw);
    summary
}

/// A short field as the index keeps it: trimmed and clipped.
pub(super) fn short(text: &str) -> String {
    clip(text.trim(), MAX_SHORT).to_owned()
}

/// The summary of a document alone, without a draft's bookkeeping: for the open document
/// as it is being typed (its related incidents) and for a folder's files.
pub fn summarize_doc(id: &str, doc: &Postmortem) -> Summary {
    let h = &doc.header;
    let metrics = TimelineMetrics::of(&doc.timeline);
    Summary {
        id: id.to_owned(),
        title: short(&h.title),
        incident_id: short(&h.incident_id),
        severity: h.severity,
        status: h.status,
        incident_date: short(&h.incident_date),
        tags: h
            .tags
            .iter()
            .map(|t| short(t))
            .filter(|t| !t.is_empty())
            .collect(),
        template: doc.template,
        language: doc.language,
        open_actions: doc
            .action_items
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.done)
            .map(|(index, a)| OpenAction {
                index,
                action: short(&a.action),
                owner: short(&a.owner),
                due_date: short(&a.due_date),
                priority: a.priority,
                kind: a.kind,
                tracking_link: short(&a.tracking_link),
            })
            .collect(),
        actions_total: doc.action_items.len(),
        cause_words: cause_words(&doc.causes.root_causes),
        recurrence: clip(doc.causes.recurrence.trim(), MAX_RECURRENCE).to_owned(),
        time_to_detect: metrics.time_to_detect,
        time_to_resolve: metrics.time_to_resolve,
        ..Summary::default()
    }
}

/// How the stored index was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IndexState {
    /// It was there, in this version.
    Found,
    /// There was none (first start, or storage cleared).
    Missing,
    /// It could not be read (damaged, or not an index), so every entry was rebuilt.
    Damaged,
    /// An older version wrote it, so every entry was rebuilt.
    Older,
    /// A newer Hindsight wrote it: every entry was rebuilt here, and it is not overwritten.
    Newer,
}

/// What loading the index found and did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexHealth {
    /// How the stored index was found.
    pub state: IndexState,
    /// Entries whose stored draft had not changed: used without parsing.
    pub reused: usize,
    /// Entries made by parsing their draft: missing, or stale (changed elsewhere).
    pub rebuilt: usize,
    /// Entries dropped because their draft is gone.
    pub removed: usize,
    /// Stored drafts that could not be read; they have no entry. The session sets them
    /// aside as [`crate::DraftStore::load_all`] does.
    pub unreadable: Vec<Unreadable>,
}

impl IndexHealth {
    /// Whether the stored index differs from what was loaded, so it is worth writing.
    pub fn needs_save(&self) -> bool {
        self.state != IndexState::Newer
            && (self.state != IndexState::Found || self.rebuilt > 0 || self.removed > 0)
    }
}

/// The stored form: a version, then the entries.
#[derive(Serialize, Deserialize)]
struct Stored {
    v: u32,
    #[serde(default)]
    entries: Vec<Summary>,
}

/// Only the version, read when the entries do not parse, to tell another version's index
/// from a damaged one.
#[derive(Deserialize)]
struct VersionOnly {
    v: u32,
}

/// The summaries of every stored draft, sorted by id, and whether they need writing back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    summaries: Vec<Summary>,
    changed: bool,
    writable: bool,
}

impl Index {
    /// Reads the stored index and checks every entry against its draft's stored value,
    /// parsing only the drafts whose entry is missing or stale.
    pub fn load(kv: &impl KeyValue) -> (Self, IndexHealth) {
        let (mut entries, state) = read_stored(kv.get(INDEX_KEY).as_deref());
        let mut health = IndexHealth {
            state,
            reused: 0,
            rebuilt: 0,
            removed: 0,
            unreadable: Vec::new(),
        };
        let mut summaries = Vec::with_capacity(entries.len());
        for key in kv.keys() {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
                continue;
            };
            let Some((head, len)) = kv.peek(&key, STAMP_PREFIX) else {
                continue;
            };
            let entry = entries.remove(id);
            if let Some(entry) = entry.filter(|e| e.stamp == Stamp::of_head(&head, len)) {
                health.reused += 1;
                summaries.push(entry);
                continue;
            }
            let Some(raw) = kv.get(&key) else {
                continue;
            };
            match summary_of_value(id, &raw) {
                Ok(summary) => {
                    health.rebuilt += 1;
                    summaries.push(summary);
                }
                Err(reason) => health.unreadable.push(Unreadable { key, reason }),
            }
        }
        health.removed = entries.len();
        crate::sort::sort_by(&mut summaries, |a, b| a.id.cmp(&b.id));
        let index = Self {
            summaries,
            changed: health.needs_save(),
            writable: state != IndexState::Newer,
        };
        (index, health)
    }

    /// Every summary, sorted by id.
    pub fn summaries(&self) -> &[Summary] {
        &self.summaries
    }

    /// The summary of one draft.
    pub fn get(&self, id: &str) -> Option<&Summary> {
        self.position(id).ok().map(|i| &self.summaries[i])
    }

    /// Whether the index holds something storage does not have yet.
    pub fn is_changed(&self) -> bool {
        self.changed
    }

    fn position(&self, id: &str) -> Result<usize, usize> {
        self.summaries.binary_search_by(|s| s.id.as_str().cmp(id))
    }

    /// Puts a summary in, replacing the one of the same id.
    pub fn upsert(&mut self, summary: Summary) {
        match self.position(&summary.id) {
            Ok(i) => {
                if self.summaries[i] != summary {
                    self.summaries[i] = summary;
                    self.changed = true;
                }
            }
            Err(i) => {
                self.summaries.insert(i, summary);
                self.changed = true;
            }
        }
    }

    /// Records a draft this tab has just written as `raw`.
    pub fn record(&mut self, draft: &Draft, raw: &str) {
        self.upsert(summarize(draft, raw));
    }

    /// Records a draft value another tab wrote (`Some`) or removed (`None`), as a storage
    /// event reports it. An unreadable value removes the entry and says why ("it …").
    pub fn record_value(&mut self, id: &str, value: Option<&str>) -> Result<(), Text> {
        let Some(raw) = value else {
            self.forget(id);
            return Ok(());
        };
        if self.get(id).is_some_and(|s| s.stamp.matches(raw)) {
            return Ok(());
        }
        match summary_of_value(id, raw) {
            Ok(summary) => {
                self.upsert(summary);
                Ok(())
            }
            Err(reason) => {
                self.forget(id);
                Err(reason)
            }
        }
    }

    /// Drops the entry of a draft that is gone.
    pub fn forget(&mut self, id: &str) {
        if let Ok(i) = self.position(id) {
            self.summaries.remove(i);
            self.changed = true;
        }
    }

    /// Writes the index if it changed since it was loaded or last written. An index a newer
    /// Hindsight wrote is left alone. A failed write loses nothing: the next load rebuilds
    /// what is missing.
    pub fn save(&mut self, kv: &impl KeyValue) -> Result<(), WriteError> {
        if !self.changed || !self.writable {
            return Ok(());
        }
        save_index(kv, &self.summaries)?;
        self.changed = false;
        Ok(())
    }
}

/// Reads the stored entries by id, and how the index was found.
fn read_stored(text: Option<&str>) -> (HashMap<String, Summary>, IndexState) {
    let Some(text) = text else {
        return (HashMap::new(), IndexState::Missing);
    };
    // serde reads a JSON array as a struct: only an object can be an index.
    if !text.trim_start().starts_with('{') {
        return (HashMap::new(), IndexState::Damaged);
    }
    match serde_json::from_str::<Stored>(text) {
        Ok(stored) if stored.v == INDEX_VERSION => (
            stored
                .entries
                .into_iter()
                .map(|s| (s.id.clone(), s))
                .collect(),
            IndexState::Found,
        ),
        Ok(stored) => (HashMap::new(), version_state(stored.v)),
        // Another version's entries may not even parse as this one's: its version says so.
        Err(_) => match serde_json::from_str::<VersionOnly>(text) {
            Ok(VersionOnly { v }) if v != INDEX_VERSION => (HashMap::new(), version_state(v)),
            _ => (HashMap::new(), IndexState::Damaged),
        },
    }
}

fn version_state(v: u32) -> IndexState {
    if v > INDEX_VERSION {
        IndexState::Newer
    } else {
        IndexState::Older
    }
}

/// Parses one stored draft and summarises it under its key's id.
fn summary_of_value(id: &str, raw: &str) -> Result<Summary, Text> {
    let read = parse_draft(raw)?;
    let mut summary = summarize(&read.draft, raw);
    // The key names the draft: lookups and writes go by it.
    summary.id = id.to_owned();
    Ok(summary)
}

/// The summaries of every stored draft (see [`Index::load`]).
pub fn load_index(kv: &impl KeyValue) -> (Vec<Summary>, IndexHealth) {
    let (index, health) = Index::load(kv);
    (index.summaries, health)
}

/// Writes the index of these summaries under [`INDEX_KEY`], as compact JSON.
pub fn save_index(kv: &impl KeyValue, summaries: &[Summary]) -> Result<(), WriteError> {
    #[derive(Serialize)]
    struct Out<'a> {
        v: u32,
        entries: &'a [Summary],
    }
    let text = serde_json::to_string(&Out {
        v: INDEX_VERSION,
        entries: summaries,
    })
    .map_err(|e| WriteError::Other(e.to_string()))?;
    kv.set(INDEX_KEY, &text)
}

/// Removes the stored index, to give its room back when storage is full; it is rebuilt on
/// the next start.
pub fn remove_index(kv: &impl KeyValue) -> Result<(), WriteError> {
    kv.remove(INDEX_KEY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, title: &str, tags: &[&str], updated_at: i64) -> Summary {
        let mut doc = Postmortem::default();
        doc.header.title = title.into();
        doc.header.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        let mut s = summarize_doc(id, &doc);
        s.updated_at = updated_at;
        s
    }

    #[test]
    fn newest_change_comes_first_and_ties_are_stable() {
        let drafts = vec![
            draft("a", "Old", &[], 10),
            draft("c", "Newest", &[], 30),
            draft("b", "Tie one", &[], 20),
            draft("a2", "Tie two", &[], 20),
        ];
        let ids: Vec<&str> = newest_first(&drafts, "")
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ids, ["c", "a2", "b", "a"]);
    }

    #[test]
    fn search_matches_title_and_tags_case_insensitively() {
        let drafts = vec![
            draft("1", "Redis cache leak", &["privacy"], 1),
            draft("2", "DNS outage", &["network", "edge"], 2),
            draft("3", "Disk full", &[], 3),
        ];
        let ids = |q: &str| -> Vec<String> {
            newest_first(&drafts, q)
                .iter()
                .map(|d| d.id.clone())
                .collect()
        };
        assert_eq!(ids("redis"), ["1"]);
        assert_eq!(ids("EDGE"), ["2"]);
        assert_eq!(ids("dns network"), ["2"]);
        assert_eq!(ids("dns privacy"), Vec::<String>::new());
        assert_eq!(ids("  "), ["3", "2", "1"]);
    }

    #[test]
    fn fnv1a64_matches_the_published_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
