//! The connected folder's side of the session: what to write, what a file read again
//! means, and the answers to its questions. The files themselves are the adapter's
//! (`adapters::folder`); the view that drives both is `ui::team_folder`.

use hindsight_core::session::{FileChange, FileWrite};
use hindsight_core::{Language, Postmortem};
use leptos::prelude::*;

use super::Editor;
use crate::adapters::platform;

impl Editor {
    /// Tells the session whether a folder is connected, and which paths it holds.
    pub fn connect_folder(&self, connected: bool, files: Vec<String>) {
        self.act(|s| s.connect_folder(connected, files));
    }

    /// The files to write now (see `Session::files_to_write`).
    pub fn files_to_write(&self) -> Vec<FileWrite> {
        self.act(|s| s.files_to_write())
    }

    /// A file was written.
    pub fn file_written(&self, write: &FileWrite) {
        self.act(|s| s.file_written(write));
    }

    /// Files of drafts deleted here, to remove from the folder.
    pub fn files_to_remove(&self) -> Vec<String> {
        self.act(|s| s.files_to_remove())
    }

    /// The paths drafts are saved as.
    pub fn linked_paths(&self) -> Vec<String> {
        self.session
            .with_value(|s| s.folder_links().iter().map(|l| l.path.clone()).collect())
    }

    /// A file of the folder read again (`None`: gone).
    pub fn file_changed(&self, path: &str, text: Option<&str>) -> FileChange {
        self.act(|s| s.file_changed(path, text))
    }

    /// Opens a Hindsight file of the folder as a draft saved as that file.
    pub fn open_from_folder(&self, path: &str, text: &str, doc: Postmortem) {
        self.flush();
        self.act(|s| s.open_from_folder(path, text, doc));
    }

    /// Answers "Deleted from the folder: keep the draft?".
    pub fn answer_deleted(&self, keep: bool, lang: Language) {
        let zone = platform::browser_time_zone();
        self.act(|s| s.answer_deleted(keep, lang, zone));
    }
}
