//! Drafts in key-value storage: the only module that knows how drafts are stored.
//!
//! [`DraftStore`] holds the logic (keys, serialisation, problems found on load) over any
//! [`KeyValue`] backend: [`MemoryKv`] for tests and as a fallback, the app's
//! `localStorage` adapter in the browser. Every write is read back: a storage that accepts a
//! value and keeps something else has failed, and says so.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use crate::document::Language;
use crate::draft::{draft_from_value, Draft, ReadDraft};
use crate::messages;
use crate::strict_json;
use crate::words::Text;

/// Prefix of every draft's key; the rest of the key is the draft id.
pub const DRAFT_PREFIX: &str = "hindsight:draft:";

/// Prefix of settings stored beside the drafts.
pub const META_PREFIX: &str = "hindsight:meta:";
/// Prefix under which unreadable stored values are set aside, unchanged.
pub const QUARANTINE_PREFIX: &str = "hindsight:quarantine:";
/// Prefix of the copies kept of drafts' values from before a schema migration.
pub const PREMIGRATION_PREFIX: &str = "hindsight:premigration:";

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// The write seemed to work, but reading it back gave something else.
    NotReadBack,
    /// Any other failure, with the browser's words (empty when it gave none).
    Other(String),
}

impl WriteError {
    /// What went wrong, in both languages; it completes "Not saved: …".
    pub fn text(&self) -> Text {
        match self {
            WriteError::QuotaExceeded => Text::new(messages::STORAGE_FULL, &[]),
            WriteError::NotReadBack => Text::new(messages::STORAGE_NOT_READ_BACK, &[]),
            WriteError::Other(why) if why.trim().is_empty() => {
                Text::new(messages::STORAGE_REFUSED_SILENTLY, &[])
            }
            WriteError::Other(why) => Text::new(messages::STORAGE_REFUSED, &[why]),
        }
    }

    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        self.text().get(lang).to_owned()
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

/// A string key-value store, the shape of `localStorage`.
pub trait KeyValue {
    /// Every key.
    fn keys(&self) -> Vec<String>;
    /// The value of a key.
    fn get(&self, key: &str) -> Option<String>;
    /// Writes a value.
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError>;
    /// Removes a key.
    fn remove(&self, key: &str) -> Result<(), WriteError>;
    /// The first `units` UTF-16 units of a value, and its whole length in UTF-16 units,
    /// without handing over the rest (the browser's storage overrides this to copy less).
    fn peek(&self, key: &str, units: usize) -> Option<(String, usize)> {
        self.get(key).map(|value| head(&value, units))
    }
}

/// How much of a written value is read back to check it was kept: a draft's id, revision
/// and times, and all of a short value.
const READ_BACK_UNITS: usize = 160;

/// The first `units` UTF-16 units of a text (a split surrogate pair becomes U+FFFD, as the
/// browser's own slicing gives it), and the text's length in UTF-16 units.
pub fn head(text: &str, units: usize) -> (String, usize) {
    let mut out = String::new();
    let mut len = 0;
    let mut rest = "";
    for (i, c) in text.char_indices() {
        if len >= units {
            rest = &text[i..];
            break;
        }
        let width = c.len_utf16();
        if len + width <= units {
            out.push(c);
        } else {
            // Half of a surrogate pair: the browser's slice gives a lone surrogate, which
            // becomes U+FFFD on its way into Rust.
            out.push('\u{fffd}');
        }
        len += width;
    }
    (out, len + utf16_len(rest))
}

/// A text's length in UTF-16 units, counted over its bytes: one unit for each byte that
/// starts a character, and one more for each four-byte one (a surrogate pair). A byte loop
/// the compiler vectorises: a 500 KB draft's stamp costs what its head costs.
fn utf16_len(text: &str) -> usize {
    text.bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// An in-memory store, shared by clones.
#[derive(Clone, Default)]
pub struct MemoryKv(Rc<RefCell<BTreeMap<String, String>>>);

impl KeyValue for MemoryKv {
    fn keys(&self) -> Vec<String> {
        self.0.borrow().keys().cloned().collect()
    }
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), WriteError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }
}

/// A stored value that could not be opened, kept untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// Its storage key.
    pub key: String,
    /// What is wrong with it, for people: it completes "it …".
    pub reason: Text,
}

/// What loading found: the drafts, and the values that could not be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Every readable draft, read-only ones (from a newer Hindsight) included.
    pub drafts: Vec<Draft>,
    /// Values found unreadable by this load and set aside under [`QUARANTINE_PREFIX`].
    pub unreadable: Vec<Unreadable>,
}

/// Drafts over a key-value backend.
pub struct DraftStore<K: KeyValue> {
    kv: K,
}

impl<K: KeyValue> DraftStore<K> {
    /// A store over `kv`.
    pub fn new(kv: K) -> Self {
        Self { kv }
    }

    /// Reads every draft. A value that cannot be read is moved, unchanged, under
    /// [`QUARANTINE_PREFIX`] (or left where it is if that write fails) and reported; it is
    /// never overwritten. A migrated draft's old value is kept under [`PREMIGRATION_PREFIX`].
    pub fn load_all(&self) -> Loaded {
        let mut loaded = Loaded::default();
        for key in self.kv.keys() {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX).map(str::to_owned) else {
                continue;
            };
            let Some(text) = self.kv.get(&key) else {
                continue;
            };
            match parse_draft(&text) {
                Ok(read) => {
                    if let Some(version) = read.migrated_from {
                        let copy = format!("{PREMIGRATION_PREFIX}{id}:v{version}");
                        if self.kv.get(&copy).is_none() {
                            let _ = self.kv.set(&copy, &text);
                        }
                    }
                    loaded.drafts.push(read.draft);
                }
                Err(reason) => loaded.unreadable.push(self.quarantine(key, &text, reason)),
            }
        }
        loaded
    }

    /// Reads one draft as stored now, for the revision check before a write.
    pub fn load(&self, id: &str) -> Option<Result<Draft, Text>> {
        self.kv
            .get(&draft_key(id))
            .map(|text| parse_draft(&text).map(|read| read.draft))
    }

    /// Moves an unreadable value stored under a draft's id aside, unchanged, so a write can
    /// take its place without destroying it.
    pub fn set_aside_draft(&self, id: &str) -> Result<(), WriteError> {
        let key = draft_key(id);
        let Some(text) = self.kv.get(&key) else {
            return Ok(());
        };
        let mut aside = format!("{QUARANTINE_PREFIX}{id}");
        let mut n = 1;
        while self.kv.get(&aside).is_some() {
            n += 1;
            aside = format!("{QUARANTINE_PREFIX}{id}-{n}");
        }
        self.kv.set(&aside, &text)
    }

    /// Every value set aside as unreadable, by key.
    pub fn set_aside(&self) -> Vec<(String, String)> {
        self.kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .filter_map(|k| self.kv.get(&k).map(|v| (k, v)))
            .collect()
    }

    /// Deletes the values set aside as unreadable, once the user has chosen to.
    pub fn discard_set_aside(&self) -> Result<(), WriteError> {
        for (key, _) in self.set_aside() {
            self.kv.remove(&key)?;
        }
        Ok(())
    }

    /// Writes one draft under its id, and reads it back to be sure it is there; returns the
    /// text written.
    pub fn save(&self, draft: &Draft) -> Result<String, WriteError> {
        let text = serde_json::to_string(draft).map_err(|e| WriteError::Other(e.to_string()))?;
        self.write(&draft_key(&draft.id), &text)?;
        Ok(text)
    }

    /// Reads one draft to open it: a value that cannot be read is set aside, unchanged, and
    /// the reason returned; a migrated one has its old value kept first.
    pub fn load_for_edit(&self, id: &str) -> Option<Result<Draft, Unreadable>> {
        let key = draft_key(id);
        let text = self.kv.get(&key)?;
        Some(match parse_draft(&text) {
            Ok(read) => {
                if let Some(version) = read.migrated_from {
                    let copy = format!("{PREMIGRATION_PREFIX}{id}:v{version}");
                    if self.kv.get(&copy).is_none() {
                        let _ = self.kv.set(&copy, &text);
                    }
                }
                Ok(read.draft)
            }
            Err(reason) => Err(self.quarantine(key, &text, reason)),
        })
    }

    /// Moves an unreadable value under [`QUARANTINE_PREFIX`] (or leaves it where it is if that
    /// write fails), and says so.
    pub fn quarantine(&self, key: String, text: &str, reason: Text) -> Unreadable {
        let id = key.strip_prefix(DRAFT_PREFIX).unwrap_or(&key);
        let aside = format!("{QUARANTINE_PREFIX}{id}");
        let moved = self.kv.get(&aside).is_none()
            && self.kv.set(&aside, text).is_ok()
            && self.kv.remove(&key).is_ok();
        let reason = if moved {
            reason
        } else {
            Text::with(messages::LEFT_IN_PLACE, &[&reason])
        };
        Unreadable { key, reason }
    }

    /// Writes a value and checks that storage gives the same value back.
    fn write(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.kv.set(key, value)?;
        // The value's head and length read back, not all of it: a draft's head holds its
        // revision, so a write the browser dropped or cut shows, and a 500 KB draft is not
        // copied back into wasm on every save. A short value is read back whole.
        if self.kv.peek(key, READ_BACK_UNITS) == Some(head(value, READ_BACK_UNITS)) {
            Ok(())
        } else {
            Err(WriteError::NotReadBack)
        }
    }

    /// The backend, for values that are not drafts (the app's settings).
    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// How much of the store is used, in UTF-16 units of keys and values (what browsers
    /// count against the quota), for the storage meter. Values are measured, not copied.
    pub fn used_units(&self) -> usize {
        self.kv
            .keys()
            .into_iter()
            .map(|k| {
                let len = self.kv.peek(&k, 0).map_or(0, |(_, len)| len);
                k.encode_utf16().count() + len
            })
            .sum()
    }

    /// A small setting stored beside the drafts, such as when they were last backed up.
    pub fn meta(&self, name: &str) -> Option<String> {
        self.kv.get(&format!("{META_PREFIX}{name}"))
    }

    /// Writes a setting stored beside the drafts.
    pub fn set_meta(&self, name: &str, value: &str) -> Result<(), WriteError> {
        self.write(&format!("{META_PREFIX}{name}"), value)
    }

    /// Removes one draft.
    pub fn remove(&self, id: &str) -> Result<(), WriteError> {
        self.kv.remove(&draft_key(id))
    }
}

/// The storage key of a draft.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// Parses a stored draft, saying in plain words what is wrong when it cannot ("it …").
pub fn parse_draft(text: &str) -> Result<ReadDraft, Text> {
    let value = strict_json::parse_object(text)?;
    draft_from_value(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_and_length_count_utf16_units_as_the_browser_does() {
        let text = "ab 中文 😀 é".repeat(40);
        let units: Vec<u16> = text.encode_utf16().collect();
        for n in [0, 1, 3, 7, 8, 9, 10, 160, units.len(), units.len() + 5] {
            let (h, len) = head(&text, n);
            assert_eq!(len, units.len());
            // The browser's slice, with a split pair made U+FFFD.
            let slice = &units[..n.min(units.len())];
            assert_eq!(h, String::from_utf16_lossy(slice), "{n}");
        }
    }
    use crate::document::Postmortem;

    #[test]
    fn drafts_round_trip_and_bad_values_are_reported_not_removed() {
        let kv = MemoryKv::default();
        let store = DraftStore::new(kv.clone());
        let doc = Postmortem {
            summary: "Kept".into(),
            ..Postmortem::default()
        };
        let draft = Draft::new("abc".into(), doc, 5);
        store.save(&draft).expect("saves");
        kv.set("hindsight:draft:bad", "{not json").expect("sets");
        kv.set("other-app", "ignored").expect("sets");
        let loaded = store.load_all();
        assert_eq!(loaded.drafts, vec![draft]);
        assert_eq!(loaded.unreadable.len(), 1);
        assert_eq!(loaded.unreadable[0].key, "hindsight:draft:bad");
        assert_eq!(kv.get("hindsight:draft:bad"), None, "moved aside");
        assert_eq!(
            kv.get("hindsight:quarantine:bad").as_deref(),
            Some("{not json")
        );
        assert_eq!(store.set_aside().len(), 1);
        assert!(store.load_all().unreadable.is_empty(), "reported once");
        store.discard_set_aside().expect("discards");
        assert!(store.set_aside().is_empty());
        store.remove("abc").expect("removes");
        assert!(store.load_all().drafts.is_empty());
    }

    #[test]
    fn a_newer_schema_opens_read_only_and_duplicates_are_refused() {
        let text = r#"{"id":"x","rev":1,"created_at":0,"updated_at":0,"doc":{"schema_version":9,"summary":"From the future","new_field":[1]}}"#;
        let read = parse_draft(text).expect("readable");
        assert!(read.draft.read_only);
        assert_eq!(read.draft.doc.summary, "From the future");
        assert!(parse_draft("[1,2]").is_err());
        let dup = r#"{"id":"x","id":"y","rev":1,"created_at":0,"updated_at":0,"doc":{"schema_version":1}}"#;
        assert!(parse_draft(dup)
            .expect_err("duplicate")
            .en
            .contains("duplicate key"));
    }

    #[test]
    fn the_schema_1_fixture_still_loads() {
        let text = include_str!("../tests/fixtures/draft-schema-1.json");
        let read = parse_draft(text).expect("schema 1 stays readable");
        assert!(!read.draft.read_only);
        assert_eq!(read.migrated_from, Some(1), "migrated to schema 2");
        assert_eq!(read.draft.doc.schema_version, crate::SCHEMA_VERSION);
        assert!(read.draft.doc.dismissed.is_empty());
        assert!(read.draft.doc.public.is_empty());
        assert_eq!(
            read.draft.doc.header.title,
            "Checkout errors after config push"
        );
        assert_eq!(read.draft.doc.timeline.len(), 2);
    }
}
