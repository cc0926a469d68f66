//! A draft: the document plus the bookkeeping that local storage needs, and the drafts list.

use serde::{Deserialize, Serialize};

use crate::document::{Language, Postmortem};
use crate::messages;
use crate::report::display_title;
use crate::words::Text;

/// What local storage holds for one postmortem being written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Random id, also used in the `?draft=` deep link.
    pub id: String,
    /// Revision counter, bumped on every write; a stale tab compares it before writing.
    pub rev: u64,
    /// Milliseconds since the epoch when the draft was created.
    pub created_at: i64,
    /// Milliseconds since the epoch of the last change.
    pub updated_at: i64,
    /// Milliseconds since the epoch of the last export, if any.
    #[serde(default)]
    pub last_exported_at: Option<i64>,
    /// The postmortem itself.
    pub doc: Postmortem,
    /// Written by a newer Hindsight: shown, never written back.
    #[serde(skip)]
    pub read_only: bool,
}

/// A draft read from outside, and what reading it involved.
#[derive(Debug)]
pub struct ReadDraft {
    /// The draft.
    pub draft: Draft,
    /// The schema version it had, when a migration brought it up to date.
    pub migrated_from: Option<u32>,
}

/// Reads a draft from a parsed JSON value: migrates its document, or marks it read-only when
/// a newer Hindsight wrote it. The error completes "it …" / "它…".
pub fn draft_from_value(mut value: serde_json::Value) -> Result<ReadDraft, Text> {
    use crate::migrate::{migrate, Migrated};
    let doc = value
        .get_mut("doc")
        .map(serde_json::Value::take)
        .ok_or_else(|| Text::new(messages::DRAFT_NO_DOCUMENT, &[]))?;
    let (doc, read_only, migrated_from) = match migrate(doc.clone())? {
        Migrated::Current { value, from } => (
            value,
            false,
            (from != crate::document::SCHEMA_VERSION).then_some(from),
        ),
        // Read what this version understands; unknown fields are ignored, never dropped,
        // because a read-only draft is never written back.
        Migrated::Newer { .. } => (doc, true, None),
    };
    if let Some(object) = value.as_object_mut() {
        object.insert("doc".into(), doc);
    }
    let mut draft: Draft = serde_json::from_value(value).map_err(|e| {
        let detail = e.to_string();
        Text::new(
            messages::DRAFT_INCOMPLETE,
            &[detail.split(" at line").next().unwrap_or_default()],
        )
    })?;
    draft.read_only = read_only;
    Ok(ReadDraft {
        draft,
        migrated_from,
    })
}

impl Draft {
    /// A new draft holding `doc`, created at `now_ms`.
    pub fn new(id: String, doc: Postmortem, now_ms: i64) -> Self {
        Self {
            id,
            rev: 0,
            created_at: now_ms,
            updated_at: now_ms,
            last_exported_at: None,
            doc,
            read_only: false,
        }
    }

    /// The title as the drafts list shows it, with a placeholder in `lang` when empty.
    pub fn display_title(&self, lang: Language) -> &str {
        display_title(&self.doc.header.title, lang)
    }

    /// A copy under a new id, titled as a copy, with fresh bookkeeping.
    pub fn duplicate(&self, id: String, now_ms: i64) -> Self {
        let mut doc = self.doc.clone();
        let lang = self.doc.language;
        doc.header.title = crate::report::COPY_OF.fill(lang, &[self.display_title(lang)]);
        Self::new(id, doc, now_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, title: &str, tags: &[&str], updated_at: i64) -> Draft {
        let mut doc = Postmortem::default();
        doc.header.title = title.into();
        doc.header.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        let mut d = Draft::new(id.into(), doc, 0);
        d.updated_at = updated_at;
        d
    }

    #[test]
    fn duplicate_gets_new_identity_and_copy_title() {
        let original = draft("x", "", &["t"], 5);
        let copy = original.duplicate("y".into(), 99);
        assert_eq!(copy.id, "y");
        assert_eq!(copy.doc.header.title, "Untitled postmortem (copy)");
        assert_eq!(copy.created_at, 99);
        assert_eq!(copy.rev, 0);
        assert_eq!(copy.doc.header.tags, ["t"]);
    }
}
