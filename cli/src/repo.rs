//! A repository's files as read, the one walk every command shares: each file found, its
//! text (for the lines of what is reported), and what it turned out to be.

use hindsight_core::incidents::{summarize_doc, Summary};
use hindsight_core::Postmortem;

use crate::files::{read_text, Found};
use crate::lines::{Locator, Shape};
use crate::read::{read, How, Read};

/// A file as read, with its text.
pub struct File<'a> {
    /// Where it was found, and its path as printed.
    pub found: &'a Found,
    /// Its text; empty when it could not be read.
    pub text: String,
    /// What it turned out to be.
    pub read: Read,
}

impl File<'_> {
    /// The postmortem, when the file is one.
    pub fn doc(&self) -> Option<&Postmortem> {
        match &self.read {
            Read::Doc { doc, .. } => Some(doc),
            _ => None,
        }
    }

    /// Finds the lines of a postmortem's parts in the file's text; `None` when the file is
    /// not a postmortem.
    pub fn locator(&self) -> Option<Locator<'_>> {
        let Read::Doc { doc, how } = &self.read else {
            return None;
        };
        let shape = match how {
            How::Hindsight => Shape::Hindsight,
            How::Foreign(imp) => Shape::Foreign(imp),
            How::Json => Shape::Json,
        };
        Some(Locator::new(&self.text, shape, doc))
    }
}

/// Reads every file found; times written without a zone in files written elsewhere are read
/// in `zone`. A file that cannot be read is kept, with why.
pub fn read_all<'a>(found: &'a [Found], zone: &str) -> Vec<File<'a>> {
    found
        .iter()
        .map(|f| {
            let (text, read) = match f.unlisted.clone().map_or_else(|| read_text(&f.path), Err) {
                Ok(text) => {
                    let read = read(&f.shown, &text, zone, f.named);
                    (text, read)
                }
                Err(why) => (String::new(), Read::Failed(why)),
            };
            File {
                found: f,
                text,
                read,
            }
        })
        .collect()
}

/// The summary of every postmortem among `files`, as the app's overview reads a team's
/// folder: named by the file's path as printed, and read-only.
pub fn summaries(files: &[File]) -> Vec<Summary> {
    files
        .iter()
        .filter_map(|f| {
            let mut summary = summarize_doc(&f.found.shown, f.doc()?);
            summary.read_only = true;
            Some(summary)
        })
        .collect()
}
