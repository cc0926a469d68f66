//! The Editor's file actions: exports, imports, backups and share links.

use hindsight_core::session::Imported;
use hindsight_core::{
    export::export_html, export::export_json, export::export_markdown,
    export::export_markdown_body, report::display_title, share::encode as encode_share, Language,
    Text,
};
use leptos::prelude::*;

use super::Editor;
use crate::adapters::files;
use crate::i18n;

/// The file formats of the export menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Markdown with front matter.
    Markdown,
    /// A standalone HTML page.
    Html,
    /// The document as JSON.
    Json,
}

impl Editor {
    /// Imports a picked or dropped file's text as a new draft; on failure says why and
    /// changes nothing.
    pub fn import_file(&self, name: &str, text: &str, lang: Language) {
        self.flush();
        match self.act(|s| s.import_file(name, text)) {
            Imported::Opened { title, ignored } => {
                let title = i18n::isolate(display_title(&title, lang));
                let text = if ignored.is_empty() {
                    Text::new(i18n::IMPORTED, &[&title])
                } else {
                    Text::new(i18n::IMPORTED_IGNORING, &[&title, &ignored.join(", ")])
                };
                self.info().set(Some(text));
            }
            Imported::Foreign(import) => self.foreign().set(Some((name.to_owned(), *import))),
            Imported::Failed => {}
        }
    }

    /// Creates the draft of the foreign import the user has checked.
    pub fn accept_foreign(&self, lang: Language) {
        let Some((_, import)) = self.foreign().get_untracked() else {
            return;
        };
        self.foreign().set(None);
        let title = self.act(|s| s.open_foreign(import));
        let title = i18n::isolate(display_title(&title, lang));
        self.info().set(Some(Text::new(i18n::IMPORTED, &[&title])));
    }

    /// Says that a file could not be read at all.
    pub fn file_unreadable(&self, name: &str, why: &Text) {
        self.warn_text(Text::with(
            i18n::IMPORT_FAILED,
            &[&Text::plain(i18n::isolate(name)), why],
        ));
    }

    /// Downloads the open document in one of the export formats.
    pub fn export(&self, format: ExportFormat) {
        let (name, mime, text) = self.act(|s| {
            let (doc, stem) = s.export_source();
            match format {
                ExportFormat::Markdown => (
                    format!("{stem}.md"),
                    "text/markdown;charset=utf-8",
                    export_markdown(doc),
                ),
                ExportFormat::Html => (
                    format!("{stem}.html"),
                    "text/html;charset=utf-8",
                    export_html(doc),
                ),
                ExportFormat::Json => {
                    (format!("{stem}.json"), "application/json", export_json(doc))
                }
            }
        });
        match files::download(&name, mime, &text) {
            Ok(()) => self.act(|s| s.mark_exported()),
            Err(e) => self.warn_text(Text::with(i18n::EXPORT_FAILED, &[&e])),
        }
    }

    /// Copies the Markdown export to the clipboard, without its front matter: pasted into
    /// a comment or a wiki, front matter would show as one huge heading.
    pub fn copy_markdown(&self) {
        let text = self.act(|s| export_markdown_body(s.export_source().0));
        let this = *self;
        leptos::task::spawn_local(async move {
            match files::copy_text(&text).await {
                Ok(()) => {
                    this.act(|s| s.mark_exported());
                    this.info().set(Some(i18n::MARKDOWN_COPIED.into()));
                }
                Err(e) => this.warn_text(Text::with(i18n::COPY_FAILED, &[&e])),
            }
        });
    }

    /// Makes a share link for the open document and copies it.
    pub fn share_link(&self) -> Option<String> {
        match self.peek(encode_share) {
            Ok(fragment) => {
                let link = format!("{}{fragment}", files::page_base_url());
                let this = *self;
                let copy = link.clone();
                leptos::task::spawn_local(async move {
                    if files::copy_text(&copy).await.is_ok() {
                        this.info().set(Some(i18n::LINK_COPIED.into()));
                    }
                });
                Some(link)
            }
            Err(e) => {
                self.warn_text(e.text().clone());
                None
            }
        }
    }

    /// Downloads the values set aside as unreadable, exactly as they were stored.
    pub fn download_set_aside(&self) {
        let text = self.peek_session(|s| s.set_aside_json());
        if let Err(e) = files::download("hindsight-unreadable-data.json", "application/json", &text)
        {
            self.warn_text(Text::with(i18n::DATA_DOWNLOAD_FAILED, &[&e]));
        }
    }

    /// Downloads every draft in one backup file.
    pub fn backup_all(&self) {
        let (text, name) = self.act(|s| s.backup());
        match files::download(&name, "application/json", &text) {
            Ok(()) => self.act(|s| s.backed_up()),
            Err(e) => self.warn_text(Text::with(i18n::BACKUP_FAILED, &[&e])),
        }
    }

    /// Adds the drafts of a backup file, keeping both where an id is already taken.
    pub fn restore_backup(&self, name: &str, text: &str) {
        if let Some(count) = self.act(|s| s.restore_backup(name, text)) {
            let failed = self.alert().with_untracked(Option::is_some);
            if !failed {
                self.info().set(Some(Text::new(
                    hindsight_core::words::counted(count, i18n::RESTORED_ONE, i18n::RESTORED),
                    &[&count.to_string()],
                )));
            }
        }
    }

    /// Saves the shared document being viewed as a new draft of this browser.
    pub fn save_shared(&self, lang: Language) {
        if let Some(doc) = self.shared().get_untracked() {
            self.shared().set(None);
            files::clear_fragment();
            let title = i18n::isolate(display_title(&doc.header.title, lang));
            self.flush();
            self.act(|s| s.open_new(doc));
            self.info()
                .set(Some(Text::new(i18n::SAVED_SHARED, &[&title])));
        }
    }

    /// Leaves the shared view without saving.
    pub fn close_shared(&self) {
        self.shared().set(None);
        files::clear_fragment();
    }

    /// Reads the session without changing it.
    pub(super) fn peek_session<T>(&self, f: impl FnOnce(&super::AppSession) -> T) -> T {
        self.session.with_value(f)
    }
}
