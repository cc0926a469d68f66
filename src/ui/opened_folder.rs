//! The folder opened read-only in the overview, or connected (`team_folder`): the
//! postmortems read from its files, kept in memory for the app's lifetime and shared
//! through context by the overview, the drafts panel and the connected folder.

use hindsight_core::incidents::{read_folder, FolderFailure, FolderImport};
use hindsight_core::offload::{folder_request, Answer};
use hindsight_core::{import::import_any_markdown, import::MarkdownImport};
use leptos::prelude::*;

use crate::adapters::background::Background;
use crate::adapters::platform;

/// The opened folder, kept for the app's lifetime (never stored), shared through context.
#[derive(Clone, Copy)]
pub struct Folder {
    /// What the folder held: the postmortems read (by path), the Markdown files that could
    /// not be read (with the reason), and the other files (not tried).
    pub opened: RwSignal<FolderImport>,
    /// The path of the postmortem whose report is shown.
    pub shown: RwSignal<Option<String>>,
    /// The text of each file read, by path: a report written elsewhere is read again when
    /// it is saved as a draft, so the user sees where each part went.
    texts: StoredValue<Vec<(String, String)>>,
    /// The worker, which reads the files.
    background: StoredValue<Background, LocalStorage>,
}

impl Folder {
    /// An empty folder, provided to the whole app.
    pub fn provide() {
        provide_context(Folder {
            opened: RwSignal::new(FolderImport::default()),
            shown: RwSignal::new(None),
            texts: StoredValue::new(Vec::new()),
            background: expect_context(),
        });
    }

    /// The folder from context.
    pub fn get() -> Self {
        expect_context::<Folder>()
    }

    /// Reads a folder's files (path, text) in the worker and puts in what they gave,
    /// replacing the folder opened before; `unreadable` are those the browser could not
    /// read. Returns how many postmortems it holds.
    pub(crate) async fn read(
        self,
        files: Vec<(String, String)>,
        unreadable: Vec<FolderFailure>,
    ) -> usize {
        let zone = platform::browser_time_zone();
        let background = self.background.get_value();
        let answer = background
            .answer(|id| folder_request(id, &zone, &files))
            .await;
        let mut found = match answer {
            Some(Answer::Folder { found, .. }) => found,
            _ => FolderImport::default(),
        };
        // Those the browser could not read come after those that did not import.
        found.failed.extend(unreadable);
        self.texts.set_value(files);
        let count = found.entries.len();
        self.shown.set(None);
        self.opened.set(found);
        count
    }

    /// Forgets the folder opened.
    pub(crate) fn clear(self) {
        self.texts.set_value(Vec::new());
        self.shown.set(None);
        self.opened.set(FolderImport::default());
    }

    /// The text of the file at `path`, as read.
    pub(crate) fn text(self, path: &str) -> Option<String> {
        self.texts.with_value(|t| {
            t.iter()
                .find(|(p, _)| p == path)
                .map(|(_, text)| text.clone())
        })
    }

    /// The postmortem at `path` as a report written elsewhere, mapped again for the "Where
    /// each part went" dialog; `None` for Hindsight's own format.
    pub(crate) fn foreign(self, path: &str) -> Option<hindsight_core::import::ForeignImport> {
        let text = self.texts.with_value(|t| {
            t.iter()
                .find(|(p, _)| p == path)
                .map(|(_, text)| text.clone())
        })?;
        let zone = platform::browser_time_zone();
        match import_any_markdown(&text, &zone, &platform::zone_offset_minutes) {
            Ok(MarkdownImport::Foreign(foreign)) => Some(*foreign),
            _ => None,
        }
    }

    /// The document of the postmortem at `path`, read again from its file: the worker's
    /// answer carries the summaries alone.
    pub(crate) fn doc(self, path: &str) -> Option<hindsight_core::Postmortem> {
        let listed = self
            .opened
            .with_untracked(|f| f.entries.iter().any(|e| e.path == path));
        let text = listed.then(|| self.text(path)).flatten()?;
        let zone = platform::browser_time_zone();
        let zones = platform::Zones::default();
        read_folder(&[(path.to_owned(), text)], &zone, &|z, utc| {
            zones.offset_minutes(z, utc)
        })
        .entries
        .pop()
        .map(|e| e.doc)
    }
}
