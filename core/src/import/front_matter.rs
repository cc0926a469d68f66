//! YAML front matter without a YAML library.
//!
//! Every value is written by serde_json, and a JSON string, number, `null` or flow list is
//! also valid YAML. We write only that restricted form (`key: <json>` per line) and read back
//! only that form, so GitHub shows it as a table and Hindsight parses it exactly. The keys are
//! the field table's: the settings and every header field.

use serde_json::Value;

use crate::choice::Choice;
use crate::document::{Postmortem, Template};
use crate::error::ImportError;
use crate::fields::{section_fields, Access, Field, Place};
use crate::messages;
use crate::sections::SectionId;
use crate::words::Text;

/// The fields the front matter carries, in its order: the settings, then the header.
fn carried() -> impl Iterator<Item = &'static Field<Postmortem>> {
    let header = || section_fields(SectionId::Header);
    header()
        .filter(|f| f.place == Place::Setting)
        .chain(header().filter(|f| matches!(f.place, Place::Title | Place::Front)))
}

fn field_json(f: &Field<Postmortem>, doc: &Postmortem) -> Value {
    match &f.access {
        Access::Text(get, _) => get(doc).as_str().into(),
        Access::List(get, _) => get(doc).clone().into(),
        Access::Choice { get, .. } => match get(doc) {
            "" => Value::Null,
            v => v.into(),
        },
        Access::Flag(get, _) => (*get(doc)).into(),
        Access::Check(get, _) => (*get(doc)).into(),
        Access::Time(get, _) => get(doc).map(|t| t.to_rfc3339()).into(),
    }
}

/// The front matter block, `---` lines included, followed by one blank line.
pub fn write(doc: &Postmortem) -> String {
    let mut out = String::from("---\n");
    let mut line = |key: &str, value: Value| {
        out.push_str(key);
        out.push_str(": ");
        out.push_str(&value.to_string());
        out.push('\n');
    };
    line("schema_version", doc.schema_version.into());
    line("template", doc.template.value().into());
    for f in carried() {
        line(f.key, field_json(f, doc));
    }
    // Schema 2's settings, written only when set, so most files keep a short header.
    if !doc.dismissed.is_empty() {
        line(
            "dismissed",
            serde_json::to_value(&doc.dismissed).unwrap_or_default(),
        );
    }
    if !doc.public.is_empty() {
        line(
            "public",
            serde_json::to_value(&doc.public).unwrap_or_default(),
        );
    }
    if doc.action_items.iter().any(|a| a.public.is_some()) {
        let flags: Vec<Option<bool>> = doc.action_items.iter().map(|a| a.public).collect();
        line(
            "action_public",
            serde_json::to_value(flags).unwrap_or_default(),
        );
    }
    out.push_str("---\n\n");
    out
}

/// What the front matter holds: the document's settings and header, and its version.
#[derive(Debug, Default)]
pub struct FrontMatter {
    /// The schema version the file was written with.
    pub schema_version: u32,
    /// The document with the settings and header fields filled in.
    pub doc: Postmortem,
    /// Each action item's Public choice, by position (the body holds the items).
    pub action_public: Vec<Option<bool>>,
}

/// Sets a field from its front-matter value, or says what the value should have been.
fn set_field(f: &Field<Postmortem>, doc: &mut Postmortem, value: Value) -> Result<(), Text> {
    let expected = |words| Text::new(words, &[]);
    match &f.access {
        Access::Text(_, get_mut) => match value {
            Value::String(s) => *get_mut(doc) = s,
            _ => return Err(expected(messages::EXPECT_TEXT)),
        },
        Access::List(_, get_mut) => {
            *get_mut(doc) =
                serde_json::from_value(value).map_err(|_| expected(messages::EXPECT_LIST))?;
        }
        Access::Choice { options, set, .. } => {
            let optional = matches!(f.kind, crate::fields::Kind::Choice { optional: true });
            let values: Vec<&str> = options.iter().map(|(v, _)| *v).collect();
            match value {
                Value::String(s) if values.contains(&s.as_str()) => set(doc, &s),
                Value::Null if optional => set(doc, ""),
                _ => {
                    let words = if optional {
                        messages::EXPECT_ONE_OF_OR_NULL
                    } else {
                        messages::EXPECT_ONE_OF
                    };
                    return Err(Text::new(words, &[&values.join(", ")]));
                }
            }
        }
        // The front matter carries no other kinds.
        _ => {}
    }
    Ok(())
}

/// Splits `---` front matter from the body and reads it; the body follows.
pub fn read(text: &str) -> Result<(FrontMatter, &str), ImportError> {
    let rest = text
        .strip_prefix("---\n")
        .ok_or_else(|| ImportError::new(messages::NO_FRONT_MATTER, &[]))?;
    let end = rest
        .find("\n---\n")
        .or_else(|| rest.strip_suffix("\n---").map(|r| r.len()))
        .ok_or_else(|| ImportError::new(messages::FRONT_MATTER_OPEN, &[]))?;
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
            ImportError::new(messages::FRONT_MATTER_LINE, &[&(i + 1).to_string()])
        })?;
        let key = key.trim();
        let value: Value = serde_json::from_str(raw.trim())
            .map_err(|_| ImportError::new(messages::FRONT_MATTER_FORM, &[key]))?;
        let bad = |expected: Text| {
            ImportError::with(
                messages::FRONT_MATTER_MUST_BE,
                &[&Text::plain(key), &expected],
            )
        };
        match key {
            "schema_version" => {
                fm.schema_version = value
                    .as_u64()
                    .and_then(|v| u32::try_from(v).ok())
                    .ok_or_else(|| bad(Text::new(messages::EXPECT_NUMBER, &[])))?;
                seen_version = true;
            }
            "template" => {
                fm.doc.template = value.as_str().and_then(Template::parse).ok_or_else(|| {
                    bad(Text::new(
                        messages::EXPECT_ONE_OF,
                        &["full, lightweight, security"],
                    ))
                })?;
            }
            "dismissed" => {
                fm.doc.dismissed = serde_json::from_value(value)
                    .map_err(|_| bad(Text::new(messages::EXPECT_LIST, &[])))?;
            }
            "public" => {
                fm.doc.public = serde_json::from_value(value)
                    .map_err(|_| bad(Text::new(messages::EXPECT_TEXT, &[])))?;
            }
            "action_public" => {
                fm.action_public = serde_json::from_value(value)
                    .map_err(|_| bad(Text::new(messages::EXPECT_LIST, &[])))?;
            }
            _ => {
                // Keys from a newer version are not an error; the version check speaks for them.
                if let Some(f) = carried().find(|f| f.key == key) {
                    set_field(f, &mut fm.doc, value).map_err(bad)?;
                }
            }
        }
    }
    if !seen_version {
        return Err(ImportError::new(messages::FRONT_MATTER_NO_VERSION, &[]));
    }
    Ok((fm, body))
}
