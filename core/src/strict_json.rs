//! JSON read strictly, for anything that comes from outside (files, links, storage).
//!
//! serde_json's own `Value` keeps the last of two equal keys, so `{"a":1,"a":2}` would be
//! read without a word. Here a duplicate key is an error, as is a top-level value that is not
//! an object. Nesting stays within serde_json's recursion limit (128 levels).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::messages;
use crate::words::Text;

/// Parses an object, rejecting duplicate keys at any depth. The error completes a sentence
/// that starts with "The file …".
pub fn parse_object(text: &str) -> Result<Value, Text> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).trim_start();
    if !text.starts_with('{') {
        return Err(Text::new(messages::JSON_NOT_OBJECT, &[]));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = StrictValue.deserialize(&mut de).map_err(|e| describe(&e))?;
    de.end().map_err(|e| describe(&e))?;
    Ok(value)
}

fn describe(e: &serde_json::Error) -> Text {
    let text = e.to_string();
    let what = text.split(" at line").next().unwrap_or(&text);
    let (line, column) = (e.line().to_string(), e.column().to_string());
    if let Some(key) = what.strip_prefix(DUPLICATE) {
        return Text::new(messages::JSON_DUPLICATE_KEY, &[key, &line]);
    }
    let what = Text::new(syntax_words(e.classify(), what), &[]);
    Text::with(
        messages::JSON_INVALID,
        &[&what, &Text::plain(line), &Text::plain(column)],
    )
}

/// serde_json's error, in words of both languages: its messages are English only.
fn syntax_words(category: serde_json::error::Category, message: &str) -> crate::words::Words {
    use messages as m;
    if category == serde_json::error::Category::Eof {
        return m::JSON_EOF;
    }
    let known = [
        ("expected `:`", m::JSON_EXPECTED_COLON),
        ("expected `,` or `]`", m::JSON_EXPECTED_COMMA_ARRAY),
        ("expected `,` or `}`", m::JSON_EXPECTED_COMMA_OBJECT),
        ("expected value", m::JSON_EXPECTED_VALUE),
        ("expected ident", m::JSON_EXPECTED_VALUE),
        ("key must be", m::JSON_KEY_NOT_STRING),
        ("trailing comma", m::JSON_TRAILING_COMMA),
        ("trailing characters", m::JSON_TRAILING_TEXT),
        ("control character", m::JSON_CONTROL_CHARACTER),
        ("invalid escape", m::JSON_BAD_ESCAPE),
        ("unexpected end of hex escape", m::JSON_BAD_ESCAPE),
        ("lone leading surrogate", m::JSON_BAD_ESCAPE),
        ("invalid unicode code point", m::JSON_BAD_ESCAPE),
        ("invalid number", m::JSON_BAD_NUMBER),
        ("number out of range", m::JSON_BAD_NUMBER),
        ("recursion limit exceeded", m::JSON_TOO_DEEP),
    ];
    known
        .iter()
        .find(|(prefix, _)| message.starts_with(prefix))
        .map_or(m::JSON_SYNTAX, |(_, words)| *words)
}

/// How the visitor reports a duplicate key, so [`describe`] can tell it apart.
const DUPLICATE: &str = "duplicate key ";

struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(StrictValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE}“{key}”")));
            }
            let value = map.next_value_seed(StrictValue)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_object;

    #[test]
    fn duplicates_non_objects_and_deep_nesting_are_refused() {
        assert!(parse_object(r#"{"a":1,"b":{"c":2}}"#).is_ok());
        let dup = parse_object(r#"{"a":1,"b":{"c":2,"c":3}}"#).expect_err("duplicate");
        assert!(dup.en.contains("duplicate key “c”"), "{dup}");
        assert!(parse_object("[1,2]")
            .expect_err("array")
            .en
            .contains("not a JSON object"));
        assert!(parse_object("\u{feff}{}").is_ok());
        let deep = "{\"a\":".repeat(1000) + "1" + &"}".repeat(1000);
        assert!(parse_object(&deep).is_err(), "nesting is limited");
        assert!(parse_object("{} trailing").is_err());
    }
}
