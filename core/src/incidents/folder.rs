//! A team's folder (開啟資料夾): Markdown postmortems read in memory, read-only, beside the
//! drafts. Nothing is stored; "Save as draft" is the only way one becomes a draft.

use serde::{Deserialize, Serialize};

use super::index::{summarize_doc, Stamp, Summary};
use super::words;
use crate::document::Postmortem;
use crate::error::ImportError;
use crate::fields::FieldId;
use crate::import::{import_any_markdown, ForeignImport, MarkdownImport, Target};
use crate::words::Text;

/// Prefix of the ids given to a folder's files, so they never meet a draft's id.
pub const FOLDER_ID_PREFIX: &str = "folder:";

/// One postmortem read from the folder. As JSON (the worker's answer) it leaves its document
/// out: the page reads one file again when it is shown, so 2,000 documents never cross, and
/// the list needs only the summaries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "EntryWire")]
pub struct FolderEntry {
    /// Its path in the folder, as the browser gave it.
    pub path: String,
    /// The document, for viewing and for "Save as draft" (empty when read from JSON).
    #[serde(skip_serializing)]
    pub doc: Postmortem,
    /// Its summary for the overview: read-only, marked as from the folder.
    pub summary: Summary,
}

/// A folder entry as JSON (from the worker): the summary's path, which a summary never
/// stores, comes back from the entry's.
#[derive(Deserialize)]
struct EntryWire {
    path: String,
    summary: Summary,
}

impl From<EntryWire> for FolderEntry {
    fn from(w: EntryWire) -> Self {
        let mut summary = w.summary;
        summary.folder = Some(w.path.clone());
        FolderEntry {
            path: w.path,
            doc: Postmortem::default(),
            summary,
        }
    }
}

/// A file of the folder that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderFailure {
    /// Its path in the folder.
    pub path: String,
    /// Why, in both languages.
    pub reason: Text,
}

/// What opening a folder found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderImport {
    /// The postmortems read, by path.
    pub entries: Vec<FolderEntry>,
    /// The Markdown files that could not be read, by path, with the reason.
    pub failed: Vec<FolderFailure>,
    /// The files that are not Markdown (images, attachments, …), by path: not tried, and
    /// shown only as a count, since a team's folder is expected to hold such files.
    pub skipped: Vec<String>,
}

/// Whether a path names a Markdown file (`.md` or `.markdown`, any case).
pub fn is_markdown_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// Reads a folder's files (path, text) with Hindsight's Markdown importer.
pub fn import_folder(files: &[(String, String)]) -> FolderImport {
    import_folder_with(files, crate::import::import_markdown)
}

/// Reads a team's folder as the app does: Hindsight's own Markdown (with or without its front
/// matter) and reports written elsewhere alike, since a team's folder is rarely all
/// Hindsight's; times are read in `zone`, with offsets from `offset_at`. Notes, a README or
/// a changelog (no heading names a part of a postmortem) are listed with the reason, not
/// shown as untitled postmortems.
pub fn read_folder(
    files: &[(String, String)],
    zone: &str,
    offset_at: &dyn Fn(&str, i64) -> i32,
) -> FolderImport {
    import_folder_with(files, |text| {
        match import_any_markdown(text, zone, offset_at)? {
            MarkdownImport::Hindsight(doc) | MarkdownImport::HindsightBody(doc) => Ok(doc),
            MarkdownImport::Foreign(foreign) if !names_a_part(&foreign) => {
                Err(ImportError::new(words::FOLDER_NOT_A_POSTMORTEM, &[]))
            }
            MarkdownImport::Foreign(foreign) => Ok(foreign.doc),
        }
    })
}

/// Whether a report read from elsewhere has a heading that names a part of a postmortem
/// (its title alone does not).
fn names_a_part(foreign: &ForeignImport) -> bool {
    foreign.parts.iter().any(|p| {
        !p.heading.is_empty()
            && !matches!(p.target, Target::Supporting | Target::Field(FieldId::Title))
    })
}

/// Reads a folder's files (path, text) with the importer given: the one place to plug in
/// an importer of other tools' Markdown.
pub fn import_folder_with(
    files: &[(String, String)],
    import: impl Fn(&str) -> Result<Postmortem, ImportError>,
) -> FolderImport {
    let mut found = FolderImport::default();
    for (path, text) in files {
        if !is_markdown_path(path) {
            found.skipped.push(path.clone());
            continue;
        }
        match import(text) {
            Ok(doc) => {
                let mut summary = summarize_doc(&format!("{FOLDER_ID_PREFIX}{path}"), &doc);
                summary.read_only = true;
                summary.folder = Some(path.clone());
                summary.stamp = Stamp::of(text);
                found.entries.push(FolderEntry {
                    path: path.clone(),
                    doc,
                    summary,
                });
            }
            Err(e) => found.failed.push(FolderFailure {
                path: path.clone(),
                reason: e.text().clone(),
            }),
        }
    }
    crate::sort::sort_by(&mut found.entries, |a, b| a.path.cmp(&b.path));
    crate::sort::sort_by(&mut found.failed, |a, b| a.path.cmp(&b.path));
    crate::sort::sort(&mut found.skipped);
    found
}

/// Whether a folder's postmortem is an incident already among the drafts (the team's copy of
/// a report this browser also holds): the same Incident ID, or, when neither has one, the
/// same title and incident date. The overview then counts the draft alone, so its items are
/// not listed twice and a report is not "related" to its own copy.
pub fn is_already_a_draft(entry: &Summary, drafts: &[Summary]) -> bool {
    let id = entry.incident_id.trim();
    let title = entry.title.trim();
    drafts.iter().filter(|d| !d.is_from_folder()).any(|d| {
        let other = d.incident_id.trim();
        if !id.is_empty() || !other.is_empty() {
            return id.eq_ignore_ascii_case(other);
        }
        !title.is_empty()
            && title == d.title.trim()
            && entry.incident_date.trim() == d.incident_date.trim()
    })
}
