//! A file's text read into a document, the way the app imports it: Hindsight's JSON,
//! Hindsight's own Markdown, or Markdown written elsewhere through the foreign importer.

use hindsight_core::fields::{Access, FieldId, DOC_FIELDS};
use hindsight_core::import::foreign::messages::NOT_POSTMORTEM;
use hindsight_core::import::{
    import_any_markdown, import_json, ForeignImport, MarkdownImport, Target,
};
use hindsight_core::incidents::is_markdown_path;
use hindsight_core::{Postmortem, SectionId, Text};

use crate::words;
use crate::zones::offset_at;

/// What a file turned out to be.
pub enum Read {
    /// A postmortem.
    Doc {
        /// The document.
        doc: Box<Postmortem>,
        /// How it was read.
        how: How,
    },
    /// Readable, but not a postmortem: why, in both languages.
    NotAPostmortem(Text),
    /// Unreadable: why, in both languages.
    Failed(Text),
}

/// How a postmortem was read.
pub enum How {
    /// Hindsight's own Markdown, exactly.
    Hindsight,
    /// Written elsewhere, mapped into the sections part by part.
    Foreign(Box<ForeignImport>),
    /// Hindsight's JSON.
    Json,
}

/// Reads a file's text. `named` says whether the file was named on the command line: a
/// JSON file found in a folder that is not a Hindsight document at all (no
/// `schema_version`: a `package.json`) is passed over, where a named one is an error.
/// Times written without a zone in a file written elsewhere are read in `zone`.
pub fn read(name: &str, text: &str, zone: &str, named: bool) -> Read {
    let lower = name.to_ascii_lowercase();
    // The app's rule for a file's kind (`Session::import_file`).
    let as_json = lower.ends_with(".json")
        || (!is_markdown_path(&lower) && text.trim_start().starts_with('{'));
    if as_json {
        if !named && !claims_to_be_hindsight(text) {
            return Read::NotAPostmortem(words::NOT_A_POSTMORTEM_JSON.into());
        }
        return match import_json(text) {
            Ok(doc) => Read::Doc {
                doc: Box::new(doc),
                how: How::Json,
            },
            Err(e) => Read::Failed(e.text().clone()),
        };
    }
    match import_any_markdown(text, zone, &offset_at) {
        Ok(MarkdownImport::Hindsight(doc) | MarkdownImport::HindsightBody(doc)) => Read::Doc {
            doc: Box::new(doc),
            how: How::Hindsight,
        },
        Ok(MarkdownImport::Foreign(imp)) => match not_a_postmortem(&imp) {
            Some(why) => Read::NotAPostmortem(why),
            None => Read::Doc {
                doc: Box::new(imp.doc.clone()),
                how: How::Foreign(imp),
            },
        },
        Err(e) => Read::Failed(e.text().clone()),
    }
}

/// Whether a JSON text is a Hindsight document or broken: anything but a well-formed
/// JSON value without a top-level `schema_version`.
fn claims_to_be_hindsight(text: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}')) {
        Ok(value) => value.get("schema_version").is_some(),
        Err(_) => true,
    }
}

/// Whether a file written elsewhere is a postmortem at all, and if not, why.
///
/// The one place that decides it: not when no heading of the file named a section or field
/// beyond the header (a title alone does not make a postmortem) and no timeline row or
/// action item was found (a status page's updates have no headings, and are a timeline), or
/// when nothing of it reached a section but Supporting information; else the importer's
/// own verdict (a template, a guide), as the app's dialog gives it.
pub fn not_a_postmortem(imp: &ForeignImport) -> Option<Text> {
    bare(imp).or_else(|| {
        imp.not_a_postmortem
            .as_ref()
            .map(|why| Text::with(NOT_POSTMORTEM, &[why]))
    })
}

/// The command line's own rule: no part of a postmortem, or nothing beyond the header.
fn bare(imp: &ForeignImport) -> Option<Text> {
    let named = imp.parts.iter().any(|p| {
        let t = p.target.canonical();
        !p.heading.is_empty()
            && !p.inherited
            && t != Target::Supporting
            && t.section() != SectionId::Header
    });
    let rows = !imp.doc.timeline.is_empty() || !imp.doc.action_items.is_empty();
    (!(named || rows) || !has_content(&imp.doc)).then(|| words::NOT_A_POSTMORTEM.into())
}

/// Whether any row, or any field of a section but the header and Supporting information,
/// holds something.
fn has_content(doc: &Postmortem) -> bool {
    !doc.timeline.is_empty()
        || !doc.action_items.is_empty()
        || DOC_FIELDS
            .iter()
            .filter(|f| f.id != FieldId::SupportingInfo && f.section != SectionId::Header)
            .filter(|f| matches!(f.access, Access::Text(..) | Access::List(..)))
            .any(|f| !f.is_empty(doc))
}
