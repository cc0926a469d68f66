//! The document's JSON, written and read through the field table.
//!
//! Each field's key and the object it sits in come from the table, so the document's JSON
//! needs no derived (de)serializer per section struct: those were the largest single part of
//! the wasm the core compiled to. The shape and the key order are exactly the derived ones:
//! `schema_version`, `template`, `language`, then the sections' objects in the model's order.

use serde::de::Error as _;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::choice::Choice;
use crate::document::*;
use crate::fields::{Access, Field, FieldId, ACTION_FIELDS, DOC_FIELDS, EVENT_FIELDS};
use crate::sections::SectionId;
use crate::time::Timestamp;

/// The object a document field sits in, or `None` for the top level.
fn group_of(f: &Field<Postmortem>) -> Option<&'static str> {
    match f.section {
        SectionId::Header if f.id == FieldId::ReportLanguage => None,
        SectionId::Header => Some("header"),
        SectionId::Impact => Some("impact"),
        SectionId::Detection => Some("detection"),
        SectionId::Causes => Some("causes"),
        SectionId::Response => Some("response"),
        SectionId::Lessons => Some("lessons"),
        SectionId::Communication => Some("communication"),
        SectionId::Summary
        | SectionId::Supporting
        | SectionId::Timeline
        | SectionId::ActionItems => None,
    }
}

/// One field's value, serialized as the derived code wrote it.
struct FieldValue<'a, R: 'static>(&'a Field<R>, &'a R);

impl<R> Serialize for FieldValue<'_, R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let FieldValue(f, record) = *self;
        match &f.access {
            Access::Text(get, _) => s.serialize_str(get(record)),
            Access::List(get, _) => {
                let list = get(record);
                let mut seq = s.serialize_seq(Some(list.len()))?;
                for item in list {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Access::Flag(get, _) => match get(record) {
                Some(v) => s.serialize_bool(*v),
                None => s.serialize_none(),
            },
            Access::Check(get, _) => s.serialize_bool(*get(record)),
            Access::Choice { get, .. } => match get(record) {
                "" => s.serialize_none(),
                v => s.serialize_str(v),
            },
            Access::Time(get, _) => match get(record) {
                Some(t) => s.serialize_str(&t.to_rfc3339()),
                None => s.serialize_none(),
            },
        }
    }
}

/// The fields of one section's object.
struct Group<'a>(&'a Postmortem, &'static str);

impl Serialize for Group<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for f in DOC_FIELDS.iter().filter(|f| group_of(f) == Some(self.1)) {
            map.serialize_entry(f.key, &FieldValue(f, self.0))?;
        }
        map.end()
    }
}

/// A row's fields, and an action item's Public choice when it is set.
struct Row<'a, R: 'static>(&'a [Field<R>], &'a R, Option<bool>);

impl<R> Serialize for Row<'_, R> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for f in self.0 {
            map.serialize_entry(f.key, &FieldValue(f, self.1))?;
        }
        if let Some(public) = self.2 {
            map.serialize_entry("public", &public)?;
        }
        map.end()
    }
}

struct Events<'a>(&'a [TimelineEvent]);

impl Serialize for Events<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for e in self.0 {
            seq.serialize_element(&Row(EVENT_FIELDS, e, None))?;
        }
        seq.end()
    }
}

struct Actions<'a>(&'a [ActionItem]);

impl Serialize for Actions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for a in self.0 {
            seq.serialize_element(&Row(ACTION_FIELDS, a, a.public))?;
        }
        seq.end()
    }
}

fn top<'a>(doc: &'a Postmortem, id: FieldId) -> Option<FieldValue<'a, Postmortem>> {
    DOC_FIELDS
        .iter()
        .find(|f| f.id == id)
        .map(|f| FieldValue(f, doc))
}

impl Serialize for Postmortem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("schema_version", &self.schema_version)?;
        map.serialize_entry("template", self.template.value())?;
        map.serialize_entry("language", &top(self, FieldId::ReportLanguage))?;
        map.serialize_entry("header", &Group(self, "header"))?;
        map.serialize_entry("summary", &top(self, FieldId::Summary))?;
        map.serialize_entry("impact", &Group(self, "impact"))?;
        map.serialize_entry("timeline", &Events(&self.timeline))?;
        map.serialize_entry("detection", &Group(self, "detection"))?;
        map.serialize_entry("causes", &Group(self, "causes"))?;
        map.serialize_entry("response", &Group(self, "response"))?;
        map.serialize_entry("action_items", &Actions(&self.action_items))?;
        map.serialize_entry("lessons", &Group(self, "lessons"))?;
        map.serialize_entry("communication", &Group(self, "communication"))?;
        map.serialize_entry("supporting_info", &top(self, FieldId::SupportingInfo))?;
        if !self.dismissed.is_empty() {
            map.serialize_entry("dismissed", &self.dismissed)?;
        }
        if !self.public.is_empty() {
            map.serialize_entry("public", &self.public)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Postmortem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        from_value(&value).map_err(D::Error::custom)
    }
}

/// What a value is, for the messages: "a string", "a number", …
fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn wrong(path: &str, v: &Value, expected: &str) -> String {
    format!(
        "invalid type: {} at `{path}`, expected {expected}",
        kind_of(v)
    )
}

/// Sets one field of a record from its JSON value.
fn set_field<R>(f: &Field<R>, record: &mut R, v: &Value, path: &str) -> Result<(), String> {
    match &f.access {
        Access::Text(_, get_mut) => {
            *get_mut(record) = v
                .as_str()
                .ok_or_else(|| wrong(path, v, "a string"))?
                .to_owned();
        }
        Access::List(_, get_mut) => {
            let items = v
                .as_array()
                .ok_or_else(|| wrong(path, v, "a list of strings"))?;
            *get_mut(record) = items
                .iter()
                .map(|i| {
                    i.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| wrong(path, i, "a string"))
                })
                .collect::<Result<_, _>>()?;
        }
        Access::Flag(_, get_mut) => {
            *get_mut(record) = match v {
                Value::Null => None,
                Value::Bool(b) => Some(*b),
                _ => return Err(wrong(path, v, "a boolean or null")),
            }
        }
        Access::Check(_, get_mut) => {
            *get_mut(record) = v.as_bool().ok_or_else(|| wrong(path, v, "a boolean"))?;
        }
        Access::Choice { options, set, .. } => {
            let optional = matches!(f.kind, crate::fields::Kind::Choice { optional: true });
            match v {
                Value::Null if optional => set(record, ""),
                Value::String(s) if options.iter().any(|(o, _)| o == s) => set(record, s),
                Value::String(s) => return Err(format!("unknown variant `{s}` at `{path}`")),
                _ => return Err(wrong(path, v, "a string")),
            }
        }
        Access::Time(_, get_mut) => {
            *get_mut(record) = match v {
                Value::Null => None,
                Value::String(s) => Some(
                    Timestamp::parse_rfc3339(s)
                        .ok_or_else(|| format!("not an RFC 3339 time: {s:?} at `{path}`"))?,
                ),
                _ => return Err(wrong(path, v, "a time")),
            }
        }
    }
    Ok(())
}

/// The fields of a row from its JSON object.
fn read_row<R: Default>(fields: &[Field<R>], v: &Value, path: &str) -> Result<R, String> {
    let object = v.as_object().ok_or_else(|| wrong(path, v, "an object"))?;
    let mut row = R::default();
    for f in fields {
        if let Some(value) = object.get(f.key) {
            set_field(f, &mut row, value, &format!("{path}.{}", f.key))?;
        }
    }
    Ok(row)
}

fn read_rows<R: Default>(
    object: &Map<String, Value>,
    key: &str,
    fields: &[Field<R>],
    mut extra: impl FnMut(&mut R, &Value) -> Result<(), String>,
) -> Result<Vec<R>, String> {
    match object.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let path = format!("{key}[{i}]");
                let mut row = read_row(fields, item, &path)?;
                extra(&mut row, item)?;
                Ok(row)
            })
            .collect(),
        Some(other) => Err(wrong(key, other, "a list")),
    }
}

/// A document from its JSON value: missing keys keep their defaults, unknown keys are left
/// out (the import says which), and a value of the wrong type is an error naming its place.
pub fn from_value(v: &Value) -> Result<Postmortem, String> {
    let object = v.as_object().ok_or_else(|| wrong("", v, "an object"))?;
    let mut doc = Postmortem::default();
    if let Some(version) = object.get("schema_version") {
        doc.schema_version = version
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| wrong("schema_version", version, "a whole number"))?;
    }
    if let Some(template) = object.get("template") {
        doc.template = template
            .as_str()
            .and_then(Template::parse)
            .ok_or_else(|| wrong("template", template, "full, lightweight or security"))?;
    }
    for f in DOC_FIELDS {
        let (container, path) = match group_of(f) {
            None => (Some(object), f.key.to_owned()),
            Some(group) => match object.get(group) {
                None => (None, String::new()),
                Some(Value::Object(inner)) => (Some(inner), format!("{group}.{}", f.key)),
                Some(other) => return Err(wrong(group, other, "an object")),
            },
        };
        if let Some(value) = container.and_then(|c| c.get(f.key)) {
            set_field(f, &mut doc, value, &path)?;
        }
    }
    doc.timeline = read_rows(object, "timeline", EVENT_FIELDS, |_, _| Ok(()))?;
    doc.action_items = read_rows(
        object,
        "action_items",
        ACTION_FIELDS,
        |a: &mut ActionItem, v| {
            a.public = match v.get("public") {
                None | Some(Value::Null) => None,
                Some(Value::Bool(b)) => Some(*b),
                Some(other) => return Err(wrong("public", other, "a boolean or null")),
            };
            Ok(())
        },
    )?;
    if let Some(dismissed) = object.get("dismissed") {
        doc.dismissed = serde_json::from_value(dismissed.clone()).map_err(|e| e.to_string())?;
    }
    if let Some(public) = object.get("public") {
        doc.public = serde_json::from_value(public.clone()).map_err(|e| e.to_string())?;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::chatgpt_2023_03_20;

    #[test]
    fn the_document_round_trips_and_wrong_types_are_named() {
        let mut doc = chatgpt_2023_03_20();
        doc.action_items[1].public = Some(false);
        doc.header.severity = None;
        let text = serde_json::to_string_pretty(&doc).expect("writes");
        let back: Postmortem = serde_json::from_str(&text).expect("reads");
        assert_eq!(back, doc);
        assert!(text.find("\"schema_version\"") < text.find("\"header\""));
        assert!(text.contains("\"severity\": null"));
        let bad = serde_json::json!({"schema_version": 2, "timeline": 5});
        assert!(from_value(&bad)
            .expect_err("wrong type")
            .contains("`timeline`"));
        let bad = serde_json::json!({"header": {"authors": [1]}});
        assert!(from_value(&bad)
            .expect_err("wrong type")
            .contains("header.authors"));
        let bad = serde_json::json!({"header": {"status": "pending"}});
        assert!(from_value(&bad)
            .expect_err("wrong variant")
            .contains("unknown variant"));
    }
}
