//! Drafts in key-value storage: the only module that knows how drafts are stored.
//!
//! [`DraftStore`] holds the logic (keys, serialisation, problems found on load) over any
//! [`KeyValue`] backend: [`MemoryKv`] for tests and as a fallback, [`local::LocalStorageKv`]
//! in the browser.

pub mod local;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use crate::domain::draft::{draft_from_value, Draft, ReadDraft};
use crate::domain::strict_json;

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
    /// Any other failure, with the browser's words.
    Other(String),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::QuotaExceeded => f.write_str("the browser's storage is full"),
            WriteError::Other(why) => write!(f, "the browser refused to store it ({why})"),
        }
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
    /// What is wrong with it, for people.
    pub reason: String,
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
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
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
                Err(reason) => {
                    let aside = format!("{QUARANTINE_PREFIX}{id}");
                    let moved = self.kv.get(&aside).is_none()
                        && self.kv.set(&aside, &text).is_ok()
                        && self.kv.remove(&key).is_ok();
                    let reason = if moved {
                        reason
                    } else {
                        format!("{reason}; it was left where it is")
                    };
                    loaded.unreadable.push(Unreadable { key, reason });
                }
            }
        }
        loaded
    }

    /// Reads one draft as stored now, for the revision check before a write.
    pub fn load(&self, id: &str) -> Option<Result<Draft, String>> {
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

    /// Writes one draft under its id.
    pub fn save(&self, draft: &Draft) -> Result<(), WriteError> {
        let text = serde_json::to_string(draft).map_err(|e| WriteError::Other(e.to_string()))?;
        self.kv.set(&draft_key(&draft.id), &text)
    }

    /// A small setting stored beside the drafts, such as when they were last backed up.
    pub fn meta(&self, name: &str) -> Option<String> {
        self.kv.get(&format!("{META_PREFIX}{name}"))
    }

    /// Writes a setting stored beside the drafts.
    pub fn set_meta(&self, name: &str, value: &str) -> Result<(), WriteError> {
        self.kv.set(&format!("{META_PREFIX}{name}"), value)
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
pub fn parse_draft(text: &str) -> Result<ReadDraft, String> {
    let value = strict_json::parse_object(text).map_err(|e| format!("it {e}"))?;
    draft_from_value(value).map_err(|e| format!("it {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::Postmortem;

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
            .contains("duplicate key"));
    }

    #[test]
    fn the_schema_1_fixture_still_loads() {
        let text = include_str!("../../tests/fixtures/draft-schema-1.json");
        let read = parse_draft(text).expect("schema 1 stays readable");
        assert!(!read.draft.read_only);
        assert_eq!(read.migrated_from, None);
        assert_eq!(
            read.draft.doc.header.title,
            "Checkout errors after config push"
        );
        assert_eq!(read.draft.doc.timeline.len(), 2);
    }
}
