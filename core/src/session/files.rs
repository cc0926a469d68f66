//! Files in and out of the session: imports of any kind, backups, exports and the values
//! set aside because they could not be read.

use crate::backup::{read_backup, restore, write_backup};
use crate::document::Postmortem;
use crate::draft::Draft;
use crate::export::file_stem;
use crate::import::{import_any_markdown, import_json_reporting, ForeignImport, MarkdownImport};
use crate::incidents::summarize_doc;
use crate::storage::KeyValue;

use super::alerts::Notice;
use super::{Env, Session};

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

impl<K: KeyValue, E: Env> Session<K, E> {
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
            Ok((None, _, Some(foreign))) => Imported::Foreign(foreign),
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
        if self.is_read_only() || self.merging.is_some() {
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
}
