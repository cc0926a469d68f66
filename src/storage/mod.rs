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

use crate::domain::document::SCHEMA_VERSION;
use crate::domain::draft::Draft;

/// Prefix of every draft's key; the rest of the key is the draft id.
pub const DRAFT_PREFIX: &str = "hindsight:draft:";

/// Prefix of settings stored beside the drafts.
pub const META_PREFIX: &str = "hindsight:meta:";

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
    /// Every readable draft.
    pub drafts: Vec<Draft>,
    /// Values that were left alone because they could not be read.
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

    /// Reads every draft; a value that does not parse is reported, never removed.
    pub fn load_all(&self) -> Loaded {
        let mut loaded = Loaded::default();
        for key in self.kv.keys() {
            if !key.starts_with(DRAFT_PREFIX) {
                continue;
            }
            let Some(text) = self.kv.get(&key) else {
                continue;
            };
            match parse_draft(&text) {
                Ok(draft) => loaded.drafts.push(draft),
                Err(reason) => loaded.unreadable.push(Unreadable { key, reason }),
            }
        }
        loaded
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

/// Parses a stored draft, saying in plain words what is wrong when it cannot.
pub fn parse_draft(text: &str) -> Result<Draft, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("it is not valid JSON ({e})"))?;
    if !value.is_object() {
        return Err("it is not a draft object".into());
    }
    let version = value
        .get("doc")
        .and_then(|d| d.get("schema_version"))
        .and_then(serde_json::Value::as_u64);
    if let Some(v) = version {
        if v > u64::from(SCHEMA_VERSION) {
            return Err(format!(
                "it was written by a newer version of Hindsight (schema {v})"
            ));
        }
    }
    serde_json::from_value(value).map_err(|e| format!("it is not a complete draft ({e})"))
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
        assert!(kv.get("hindsight:draft:bad").is_some());
        store.remove("abc").expect("removes");
        assert!(store.load_all().drafts.is_empty());
    }

    #[test]
    fn newer_schema_is_named_in_the_reason() {
        let text = r#"{"id":"x","rev":1,"created_at":0,"updated_at":0,"doc":{"schema_version":9}}"#;
        let err = parse_draft(text).expect_err("refused");
        assert!(err.contains("newer version"), "{err}");
        assert!(parse_draft("[1,2]").is_err());
    }
}
