//! The folder opened read-only in the overview, or connected (`team_folder`): the
//! postmortems read from its files, kept in memory for the app's lifetime and shared
//! through context by the overview, the drafts panel and the connected folder.

use hindsight_core::incidents::{import_folder_with, FolderFailure, FolderImport};
use hindsight_core::{
    error::ImportError, import::import_any_markdown, import::MarkdownImport,
    import::Target as ImportTarget, FieldId,
};
use leptos::prelude::*;

use crate::i18n::incidents as words;

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
}

impl Folder {
    /// An empty folder, provided to the whole app.
    pub fn provide() {
        provide_context(Folder {
            opened: RwSignal::new(FolderImport::default()),
            shown: RwSignal::new(None),
            texts: StoredValue::new(Vec::new()),
        });
    }

    /// The folder from context.
    pub fn get() -> Self {
        expect_context::<Folder>()
    }

    /// Puts in what a folder's files gave, replacing the folder opened before.
    pub(crate) fn replace(
        self,
        files: &[(String, String)],
        unreadable: Vec<FolderFailure>,
    ) -> usize {
        // Hindsight's own Markdown (with or without its front matter) and reports written
        // elsewhere alike: a team's folder is rarely all Hindsight's.
        let zone = crate::adapters::platform::browser_time_zone();
        let mut found = import_folder_with(files, |text| {
            match import_any_markdown(text, &zone, &crate::adapters::platform::zone_offset_minutes)?
            {
                MarkdownImport::Hindsight(doc) | MarkdownImport::HindsightBody(doc) => Ok(doc),
                // Notes, a README, a changelog: a file none of whose headings names a part of
                // a postmortem is listed with the reason, not shown as an untitled one.
                MarkdownImport::Foreign(foreign) if !names_a_part(&foreign) => {
                    Err(ImportError::new(words::FOLDER_NOT_A_POSTMORTEM, &[]))
                }
                MarkdownImport::Foreign(foreign) => Ok(foreign.doc),
            }
        });
        // Those the browser could not read come after those that did not import.
        found.failed.extend(unreadable);
        self.texts.set_value(files.to_vec());
        let count = found.entries.len();
        self.shown.set(None);
        self.opened.set(found);
        count
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
        let zone = crate::adapters::platform::browser_time_zone();
        match import_any_markdown(
            &text,
            &zone,
            &crate::adapters::platform::zone_offset_minutes,
        ) {
            Ok(MarkdownImport::Foreign(foreign)) => Some(*foreign),
            _ => None,
        }
    }

    /// The document of the postmortem at `path`.
    pub(crate) fn doc(self, path: &str) -> Option<hindsight_core::Postmortem> {
        self.opened.with_untracked(|f| {
            f.entries
                .iter()
                .find(|e| e.path == path)
                .map(|e| e.doc.clone())
        })
    }
}

/// Whether a report read from elsewhere has a heading that names a part of a postmortem
/// (its title alone does not).
fn names_a_part(foreign: &hindsight_core::import::ForeignImport) -> bool {
    foreign.parts.iter().any(|p| {
        !p.heading.is_empty()
            && !matches!(
                p.target,
                ImportTarget::Supporting | ImportTarget::Field(FieldId::Title)
            )
    })
}
