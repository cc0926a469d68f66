//! The Editor's file actions: exports, imports, backups and share links.

use leptos::prelude::*;

use crate::domain::backup::{read_backup, restore, write_backup};
use crate::domain::draft::{display_title, Draft};
use crate::domain::export::{export_html, export_json, export_markdown, file_stem};
use crate::domain::import::{import_json, import_markdown};
use crate::domain::share;

use super::state::{AlertKind, Editor, ExportFormat};
use super::{files, platform};

impl Editor {
    /// Imports a picked or dropped file's text as a new draft; on failure says why and
    /// changes nothing.
    pub fn import_file(&self, name: &str, text: &str) {
        let lower = name.to_ascii_lowercase();
        let as_json = lower.ends_with(".json")
            || (!lower.ends_with(".md")
                && !lower.ends_with(".markdown")
                && text.trim_start().starts_with('{'));
        let result = if as_json {
            import_json(text)
        } else {
            import_markdown(text)
        };
        match result {
            Ok(doc) => {
                let title = display_title(&doc.header.title).to_owned();
                self.add_and_open(Draft::new(platform::random_id(), doc, platform::now_ms()));
                self.info
                    .set(Some(format!("Imported “{title}” as a new draft.")));
            }
            Err(e) => self.warn(
                AlertKind::Other,
                format!("Could not import “{name}”: {e}"),
                Vec::new(),
            ),
        }
    }

    /// Says that a file could not be read at all.
    pub fn file_unreadable(&self, name: &str, why: &str) {
        self.warn(
            AlertKind::Other,
            format!("Could not import “{name}”: {why}."),
            Vec::new(),
        );
    }

    /// Downloads the open document in one of the export formats.
    pub fn export(&self, format: ExportFormat) {
        self.flush();
        let doc = self.doc.get_untracked();
        let stem = file_stem(&doc);
        let (name, mime, text) = match format {
            ExportFormat::Markdown => (
                format!("{stem}.md"),
                "text/markdown;charset=utf-8",
                export_markdown(&doc),
            ),
            ExportFormat::Html => (
                format!("{stem}.html"),
                "text/html;charset=utf-8",
                export_html(&doc),
            ),
            ExportFormat::Json => (
                format!("{stem}.json"),
                "application/json",
                export_json(&doc),
            ),
        };
        match files::download(&name, mime, &text) {
            Ok(()) => self.mark_exported(),
            Err(e) => self.warn(
                AlertKind::Other,
                format!("The export could not be downloaded: {e}."),
                Vec::new(),
            ),
        }
    }

    /// Copies the Markdown export to the clipboard.
    pub fn copy_markdown(&self) {
        self.flush();
        let text = export_markdown(&self.doc.get_untracked());
        let this = *self;
        leptos::task::spawn_local(async move {
            match files::copy_text(&text).await {
                Ok(()) => {
                    this.mark_exported();
                    this.info
                        .set(Some("Markdown copied to the clipboard.".into()));
                }
                Err(e) => this.warn(
                    AlertKind::Other,
                    format!("Could not copy: {e}. Use “Download Markdown” instead."),
                    Vec::new(),
                ),
            }
        });
    }

    /// Makes a share link for the open document and copies it.
    pub fn share_link(&self) -> Option<String> {
        match share::encode(&self.doc.get_untracked()) {
            Ok(fragment) => {
                let link = format!("{}{fragment}", files::page_base_url());
                let this = *self;
                let copy = link.clone();
                leptos::task::spawn_local(async move {
                    if files::copy_text(&copy).await.is_ok() {
                        this.info
                            .set(Some("Share link copied to the clipboard.".into()));
                    }
                });
                Some(link)
            }
            Err(e) => {
                self.warn(AlertKind::Other, e.to_string(), Vec::new());
                None
            }
        }
    }

    /// Records the export date on the open draft, through the same checked write as edits.
    fn mark_exported(&self) {
        if self.is_read_only_untracked() || self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        let now = platform::now_ms();
        self.drafts.update(|ds| {
            if let Some(d) = ds.iter_mut().find(|d| d.id == id) {
                d.last_exported_at = Some(now);
            }
        });
        self.dirty.set_value(true);
        self.flush();
    }

    /// Downloads the values set aside as unreadable, exactly as they were stored.
    pub fn download_set_aside(&self) {
        let values = self.store.with_value(|s| s.set_aside());
        let text = serde_json::to_string_pretty(
            &values
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
        .unwrap_or_default();
        if let Err(e) = files::download("hindsight-unreadable-data.json", "application/json", &text)
        {
            self.warn(
                AlertKind::Other,
                format!("The data could not be downloaded: {e}."),
                Vec::new(),
            );
        }
    }

    /// Downloads every draft in one backup file.
    pub fn backup_all(&self) {
        self.flush();
        let now = platform::now_ms();
        let text = self.drafts.with_untracked(|ds| write_backup(ds, now));
        let day = platform::today();
        match files::download(
            &format!("hindsight-backup-{day}.json"),
            "application/json",
            &text,
        ) {
            Ok(()) => {
                let _ = self
                    .store
                    .with_value(|s| s.set_meta("last-backup", &now.to_string()));
                self.last_backup.set(Some(now));
            }
            Err(e) => self.warn(
                AlertKind::Other,
                format!("The backup could not be downloaded: {e}."),
                Vec::new(),
            ),
        }
    }

    /// Adds the drafts of a backup file, keeping both where an id is already taken.
    pub fn restore_backup(&self, name: &str, text: &str) {
        let incoming = match read_backup(text) {
            Ok(drafts) => drafts,
            Err(e) => {
                self.warn(
                    AlertKind::Other,
                    format!("Could not restore “{name}”: {e}"),
                    Vec::new(),
                );
                return;
            }
        };
        self.flush();
        let restored = self
            .drafts
            .with_untracked(|ds| restore(ds, incoming, platform::random_id));
        let count = restored.len();
        let mut failed = None;
        for d in &restored {
            if let Err(e) = self.store.with_value(|s| s.save(d)) {
                failed = Some(e);
            }
        }
        self.drafts.update(|ds| ds.extend(restored));
        match failed {
            Some(e) => self.warn(
                AlertKind::Other,
                format!(
                    "Restored {count} draft(s) into this tab, but not all could be stored: {e}."
                ),
                Vec::new(),
            ),
            None => {
                self.alert.set(None);
                self.info.set(Some(format!("Restored {count} draft(s).")));
            }
        }
    }

    /// Saves the shared document being viewed as a new draft of this browser.
    pub fn save_shared(&self) {
        if let Some(doc) = self.shared.get_untracked() {
            self.shared.set(None);
            files::clear_fragment();
            let title = display_title(&doc.header.title).to_owned();
            self.add_and_open(Draft::new(platform::random_id(), doc, platform::now_ms()));
            self.info
                .set(Some(format!("Saved “{title}” as a new draft.")));
        }
    }

    /// Leaves the shared view without saving.
    pub fn close_shared(&self) {
        self.shared.set(None);
        files::clear_fragment();
    }
}
