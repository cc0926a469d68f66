//! Reading documents back: Hindsight JSON, and Hindsight's own Markdown parsed section by
//! section (never a hidden copy of the JSON), so hand edits to the body survive.

pub mod body;
pub mod foreign;
pub(crate) mod front_matter;
mod markdown;

pub use body::import_markdown_body;
pub use foreign::{import_foreign, targets, ForeignImport, Part, Target};
pub use markdown::import_markdown;

use crate::backup::BACKUP_FORMAT;
use crate::document::{Postmortem, SCHEMA_VERSION};
use crate::error::{ImportError, MAX_IMPORT_BYTES};
use crate::messages;
use crate::migrate::{migrate, Migrated};
use crate::strict_json;
use crate::words::Text;

/// The foreign importer's tables, for the test of their form.
#[cfg(test)]
pub(crate) fn phrase_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    foreign::phrase_tables()
}

/// Strips a byte-order mark and checks the size.
pub(crate) fn prepare(text: &str) -> Result<&str, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new(
            messages::TOO_LARGE,
            &[&(MAX_IMPORT_BYTES / 1024 / 1024).to_string()],
        ));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn newer_version(version: u64) -> ImportError {
    ImportError::new(
        messages::NEWER_SCHEMA,
        &[&version.to_string(), &SCHEMA_VERSION.to_string()],
    )
}

/// Refuses a document written by a newer schema.
pub(crate) fn check_version(version: u64) -> Result<(), ImportError> {
    if version > u64::from(SCHEMA_VERSION) {
        return Err(newer_version(version));
    }
    Ok(())
}

/// Reads a Hindsight JSON document.
pub fn import_json(text: &str) -> Result<Postmortem, ImportError> {
    import_json_reporting(text).map(|(doc, _)| doc)
}

/// Reads a Hindsight JSON document, and says which keys of the file it does not know and so
/// left out (`header.mood`, `timeline[2].colour`), so an import never drops data silently.
pub fn import_json_reporting(text: &str) -> Result<(Postmortem, Vec<String>), ImportError> {
    let input = {
        let text = prepare(text)?;
        strict_json::parse_object(text)
            .map_err(|e| ImportError::with(messages::NOT_A_DOCUMENT, &[&e]))?
    };
    let doc = import_json_value(input.clone())?;
    let mut ignored = Vec::new();
    if let Ok(output) = serde_json::to_value(&doc) {
        unknown_keys(&input, &output, "", &mut ignored);
    }
    Ok((doc, ignored))
}

/// The key paths of `input` that `output` (the document as read) does not have. Keys holding
/// nothing (null, empty text, lists or objects, false) are not worth a word.
fn unknown_keys(
    input: &serde_json::Value,
    output: &serde_json::Value,
    path: &str,
    out: &mut Vec<String>,
) {
    use serde_json::Value;
    match (input, output) {
        (Value::Object(i), Value::Object(o)) => {
            for (key, value) in i {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match o.get(key) {
                    Some(known) => unknown_keys(value, known, &here, out),
                    None if key == "schema_version" || is_empty_value(value) => {}
                    None if is_known_optional(key) => {}
                    None => out.push(here),
                }
            }
        }
        (Value::Array(i), Value::Array(o)) => {
            for (n, (a, b)) in i.iter().zip(o).enumerate() {
                unknown_keys(a, b, &format!("{path}[{n}]"), out);
            }
        }
        _ => {}
    }
}

/// Keys of the document that its JSON leaves out when they hold their default.
fn is_known_optional(key: &str) -> bool {
    matches!(key, "dismissed" | "public")
}

fn is_empty_value(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Number(_) | Value::Bool(true) => false,
    }
}

/// Reads a parsed JSON object as a Hindsight document.
fn import_json_value(value: serde_json::Value) -> Result<Postmortem, ImportError> {
    if value.get("format").and_then(|f| f.as_str()) == Some(BACKUP_FORMAT) {
        return Err(ImportError::new(messages::IS_A_BACKUP, &[]));
    }
    let value = match migrate(value) {
        Ok(Migrated::Current { value, .. }) => value,
        Ok(Migrated::Newer { version }) => return Err(newer_version(u64::from(version))),
        Err(why) => return Err(ImportError::with(messages::JSON_NOT_HINDSIGHT, &[&why])),
    };
    serde_json::from_value(value).map_err(|e| {
        let detail = e.to_string();
        let detail = Text::plain(detail.split(" at line").next().unwrap_or_default());
        ImportError::with(messages::JSON_INCOMPLETE, &[&detail])
    })
}

/// What a Markdown file turned out to be, read accordingly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkdownImport {
    /// Hindsight's own export, front matter and all: read exactly.
    Hindsight(Postmortem),
    /// Hindsight's own report without its front matter (a "Copy Markdown" paste): read by
    /// the same section reader, the header from its table.
    HindsightBody(Postmortem),
    /// Written elsewhere: mapped into the sections, with the parts it was cut into.
    Foreign(Box<ForeignImport>),
}

/// Whether a text starts with Hindsight's front matter: a `---` block with `schema_version`.
fn has_hindsight_front_matter(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return false;
    };
    rest.lines()
        .take_while(|l| l.trim_end() != "---")
        .any(|l| l.starts_with("schema_version:"))
}

/// Reads any Markdown file: Hindsight's own export (front matter with `schema_version`)
/// exactly, as [`import_markdown`] does, errors included; a body-only copy of Hindsight's
/// report with [`import_markdown_body`]; anything else (including a body-only copy the body
/// reader refuses, say after hand edits) with [`import_foreign`].
pub fn import_any_markdown(
    text: &str,
    zone: &str,
    offset_at: &dyn Fn(&str, i64) -> i32,
) -> Result<MarkdownImport, ImportError> {
    let prepared = prepare(text)?;
    if has_hindsight_front_matter(prepared) {
        return import_markdown(text).map(MarkdownImport::Hindsight);
    }
    if let Ok(doc) = import_markdown_body(text) {
        return Ok(MarkdownImport::HindsightBody(doc));
    }
    import_foreign(text, zone, offset_at).map(|f| MarkdownImport::Foreign(Box::new(f)))
}
