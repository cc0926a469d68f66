//! YAML front matter without a YAML library.
//!
//! Every value is written by serde_json, and a JSON string, number, `null` or flow list is
//! also valid YAML. We write only that restricted form (`key: <json>` per line) and read back
//! only that form, so GitHub shows it as a table and Hindsight parses it exactly.

use serde_json::Value;

use super::document::{Header, Language, Postmortem, Template};
use super::import::ImportError;

/// The front matter block, `---` lines included, followed by one blank line.
pub fn write(doc: &Postmortem) -> String {
    let h = &doc.header;
    let json = |v: Value| v.to_string();
    let rows: Vec<(&str, String)> = vec![
        ("schema_version", json(doc.schema_version.into())),
        ("template", to_json(&doc.template)),
        ("language", to_json(&doc.language)),
        ("title", to_json(&h.title)),
        ("incident_id", to_json(&h.incident_id)),
        ("severity", to_json(&h.severity)),
        ("status", to_json(&h.status)),
        ("incident_date", to_json(&h.incident_date)),
        ("time_zone", to_json(&h.time_zone)),
        ("authors", to_json(&h.authors)),
        ("reviewers", to_json(&h.reviewers)),
        ("owner", to_json(&h.owner)),
        ("tags", to_json(&h.tags)),
        ("review_meeting", to_json(&h.review_meeting)),
    ];
    let mut out = String::from("---\n");
    for (key, value) in rows {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&value);
        out.push('\n');
    }
    out.push_str("---\n\n");
    out
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising these plain types cannot fail; an empty string keeps the line well formed.
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
}

/// What the front matter holds: the document's header and settings.
#[derive(Debug, Default)]
pub struct FrontMatter {
    /// The schema version the file was written with.
    pub schema_version: u32,
    /// The template.
    pub template: Template,
    /// The language.
    pub language: Language,
    /// Every header field.
    pub header: Header,
}

/// Splits `---` front matter from the body and reads it; the body follows.
pub fn read(text: &str) -> Result<(FrontMatter, &str), ImportError> {
    let rest = text.strip_prefix("---\n").ok_or_else(|| {
        ImportError::new(
            "This Markdown file does not start with Hindsight's front matter (a block between --- lines). Only Markdown exported by Hindsight can be imported.",
        )
    })?;
    let end = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(|r| r.len()))
        .ok_or_else(|| {
            ImportError::new(
                "The front matter at the top of the file is never closed by a --- line.",
            )
        })?;
    let (block, body) = rest.split_at(end);
    let body = body.strip_prefix("\n---").unwrap_or(body);
    let body = body.strip_prefix('\n').unwrap_or(body);
    let mut fm = FrontMatter::default();
    let mut seen_version = false;
    for (i, line) in block.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (key, raw) = line.split_once(':').ok_or_else(|| {
            ImportError::new(format!("Front matter line {} is not “key: value”.", i + 1))
        })?;
        let key = key.trim();
        let value: Value = serde_json::from_str(raw.trim()).map_err(|_| {
            ImportError::new(format!(
                "The front matter value of “{key}” is not in the form Hindsight writes (a quoted string, a number or a [list])."
            ))
        })?;
        let bad = |what: &str| {
            ImportError::new(format!("The front matter value of “{key}” must be {what}."))
        };
        let h = &mut fm.header;
        match key {
            "schema_version" => {
                fm.schema_version = value
                    .as_u64()
                    .and_then(|v| u32::try_from(v).ok())
                    .ok_or_else(|| bad("a whole number"))?;
                seen_version = true;
            }
            "template" => {
                fm.template = typed(value).ok_or_else(|| bad("full, lightweight or security"))?
            }
            "language" => fm.language = typed(value).ok_or_else(|| bad("en or zh-TW"))?,
            "title" => h.title = typed(value).ok_or_else(|| bad("text"))?,
            "incident_id" => h.incident_id = typed(value).ok_or_else(|| bad("text"))?,
            "severity" => h.severity = typed(value).ok_or_else(|| bad("SEV1 to SEV5, or null"))?,
            "status" => h.status = typed(value).ok_or_else(|| bad("draft, in_review or final"))?,
            "incident_date" => {
                h.incident_date = typed(value).ok_or_else(|| bad("a date as text"))?
            }
            "time_zone" => h.time_zone = typed(value).ok_or_else(|| bad("text"))?,
            "authors" => h.authors = typed(value).ok_or_else(|| bad("a list of names"))?,
            "reviewers" => h.reviewers = typed(value).ok_or_else(|| bad("a list of names"))?,
            "owner" => h.owner = typed(value).ok_or_else(|| bad("text"))?,
            "tags" => h.tags = typed(value).ok_or_else(|| bad("a list of tags"))?,
            "review_meeting" => {
                h.review_meeting = typed(value).ok_or_else(|| bad("a date as text"))?
            }
            // Keys from a newer version are not an error; the version check speaks for them.
            _ => {}
        }
    }
    if !seen_version {
        return Err(ImportError::new(
            "The front matter has no schema_version, so this is not a Hindsight export.",
        ));
    }
    Ok((fm, body))
}

fn typed<T: serde::de::DeserializeOwned>(value: Value) -> Option<T> {
    serde_json::from_value(value).ok()
}
