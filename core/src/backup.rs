//! Backups: every draft in one JSON file, and restoring them beside the drafts already here.

use serde::{Deserialize, Serialize};

use crate::document::SCHEMA_VERSION;
use crate::draft::{draft_from_value, Draft};
use crate::error::{ImportError, MAX_IMPORT_BYTES};
use crate::messages;
use crate::strict_json;
use crate::words::Text;

/// The `format` value that marks a Hindsight backup file.
pub const BACKUP_FORMAT: &str = "hindsight-backup";

/// A backup file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    /// Always [`BACKUP_FORMAT`].
    pub format: String,
    /// The document schema version of the drafts inside.
    pub schema_version: u32,
    /// When the backup was made, milliseconds since the epoch.
    pub created_at: i64,
    /// Every draft.
    pub drafts: Vec<Draft>,
}

/// The backup file's text for these drafts.
pub fn write_backup(drafts: &[Draft], now_ms: i64) -> String {
    let backup = Backup {
        format: BACKUP_FORMAT.into(),
        schema_version: SCHEMA_VERSION,
        created_at: now_ms,
        drafts: drafts.to_vec(),
    };
    let mut text = serde_json::to_string_pretty(&backup).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// Reads a backup file.
pub fn read_backup(text: &str) -> Result<Vec<Draft>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES * 4 {
        return Err(ImportError::new(messages::BACKUP_TOO_LARGE, &[]));
    }
    let mut value = strict_json::parse_object(text)
        .map_err(|e| ImportError::with(messages::NOT_A_BACKUP_JSON, &[&e]))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(BACKUP_FORMAT) {
        return Err(ImportError::new(messages::NOT_A_BACKUP, &[]));
    }
    let version = value
        .get("schema_version")
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(0);
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::new(
            messages::BACKUP_NEWER,
            &[&version.to_string()],
        ));
    }
    let drafts = match value.get_mut("drafts").map(serde_json::Value::take) {
        Some(serde_json::Value::Array(items)) => items,
        _ => return Err(ImportError::new(messages::BACKUP_NO_LIST, &[])),
    };
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let n = Text::plain((i + 1).to_string());
            let read = draft_from_value(item)
                .map_err(|e| ImportError::with(messages::BACKUP_DRAFT_DAMAGED, &[&n, &e]))?;
            if read.draft.read_only {
                // Restoring would rewrite it in this version's shape and lose what it adds.
                return Err(ImportError::with(messages::BACKUP_DRAFT_NEWER, &[&n]));
            }
            Ok(read.draft)
        })
        .collect()
}

/// The drafts to add when restoring: every one from the backup, and when an id is already
/// taken (by a draft here, named in `existing`, or earlier in the backup), the restored copy
/// gets a new id, so both are kept.
pub fn restore<'a>(
    existing: impl IntoIterator<Item = &'a str>,
    incoming: Vec<Draft>,
    mut new_id: impl FnMut() -> String,
) -> Vec<Draft> {
    let mut taken: std::collections::HashSet<String> =
        existing.into_iter().map(str::to_owned).collect();
    incoming
        .into_iter()
        .map(|mut d| {
            if taken.contains(&d.id) {
                d.id = new_id();
                d.rev = 0;
            }
            taken.insert(d.id.clone());
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Postmortem;

    fn draft(id: &str, title: &str) -> Draft {
        let mut doc = Postmortem::default();
        doc.header.title = title.into();
        Draft::new(id.into(), doc, 1)
    }

    #[test]
    fn a_backup_round_trips_and_clashing_ids_keep_both() {
        let drafts = vec![draft("a", "One"), draft("b", "Two")];
        let text = write_backup(&drafts, 42);
        assert_eq!(read_backup(&text).expect("reads"), drafts);
        let mut n = 0;
        let restored = restore(["a"], read_backup(&text).expect("reads"), || {
            n += 1;
            format!("new{n}")
        });
        let ids: Vec<&str> = restored.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["new1", "b"]);
        assert_eq!(restored[0].doc.header.title, "One");
    }

    #[test]
    fn wrong_files_are_named() {
        assert!(read_backup("[]")
            .expect_err("array")
            .message()
            .contains("not a JSON object"));
        assert!(read_backup("{\"schema_version\":1}")
            .expect_err("doc")
            .message()
            .contains("Import"));
        assert!(read_backup("{oops")
            .expect_err("broken")
            .message()
            .contains("not valid JSON"));
    }
}
