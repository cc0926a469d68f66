//! The one home of schema migrations.
//!
//! `schema_version` 1 is the first. A change to the document's shape bumps
//! [`SCHEMA_VERSION`] and adds, in the same change: a step to [`STEPS`] that turns a value of
//! the previous version into the next, a fixture of the old shape under `core/tests/fixtures/`
//! that a test migrates, and nothing else anywhere: every reader (storage, files, links)
//! calls [`migrate`]. Storage keeps a copy of a draft's value from before its migration
//! (see `storage`), so a faulty step never costs a draft.

use serde_json::Value;

use crate::document::SCHEMA_VERSION;
use crate::messages;
use crate::words::Text;

/// A migration step: a document value of version `n` to one of version `n + 1`.
type Step = fn(Value) -> Value;

/// `STEPS[i]` migrates version `i + 1` to version `i + 2`.
const STEPS: &[Step] = &[v1_to_v2, v2_to_v3];

/// Schema 2 adds the review's dismissals and the customer version, both empty at first, and
/// each action item's Public choice, unset (it then follows the item's type).
fn v1_to_v2(mut value: Value) -> Value {
    if let Some(doc) = value.as_object_mut() {
        doc.entry("dismissed")
            .or_insert_with(|| Value::Array(Vec::new()));
        doc.entry("public")
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
        if let Some(Value::Array(items)) = doc.get_mut("action_items") {
            for item in items.iter_mut().filter_map(Value::as_object_mut) {
                item.entry("public").or_insert(Value::Null);
            }
        }
    }
    value
}

/// Schema 3 lets an action item's Type and Priority be unset (`null`), as an imported file
/// that does not say them leaves them: every schema 2 item has both, so the value is kept
/// as it is; an older Hindsight opens a schema 3 draft read-only instead of reading `null`.
fn v2_to_v3(value: Value) -> Value {
    value
}

/// What [`migrate`] found.
#[derive(Debug, PartialEq)]
pub enum Migrated {
    /// The value is of the current version (perhaps after steps); `from` is its old version.
    Current {
        /// The document value, now of [`SCHEMA_VERSION`].
        value: Value,
        /// The version it was written with.
        from: u32,
    },
    /// Written by a newer Hindsight: to be opened read-only, never rewritten.
    Newer {
        /// The version it was written with.
        version: u32,
    },
}

/// Brings a document value (an object with `schema_version`) to the current version.
pub fn migrate(mut value: Value) -> Result<Migrated, Text> {
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| Text::new(messages::NO_SCHEMA_VERSION, &[]))?;
    let version =
        u32::try_from(version).map_err(|_| Text::new(messages::BAD_SCHEMA_VERSION, &[]))?;
    if version == 0 {
        return Err(Text::new(messages::ZERO_SCHEMA_VERSION, &[]));
    }
    if version > SCHEMA_VERSION {
        return Ok(Migrated::Newer { version });
    }
    for step in &STEPS[(version - 1) as usize..] {
        value = step(value);
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("schema_version".into(), SCHEMA_VERSION.into());
    }
    Ok(Migrated::Current {
        value,
        from: version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_a_step_to_the_next() {
        assert_eq!(STEPS.len() as u32, SCHEMA_VERSION - 1);
    }

    #[test]
    fn current_values_pass_through_and_newer_ones_are_flagged() {
        let v3: Value = serde_json::json!({"schema_version": 3, "summary": "kept"});
        assert_eq!(
            migrate(v3.clone()),
            Ok(Migrated::Current { value: v3, from: 3 })
        );
        // Schema 2's action items always have a type and a priority: kept as they are.
        let v2: Value = serde_json::json!({"schema_version": 2, "summary": "kept",
            "action_items": [{"action": "a", "kind": "prevent", "priority": "P1"}]});
        let Ok(Migrated::Current { value, from: 2 }) = migrate(v2.clone()) else {
            panic!("migrates");
        };
        assert_eq!(value["schema_version"], 3);
        assert_eq!(value["action_items"], v2["action_items"]);
        let v1: Value = serde_json::json!({"schema_version": 1, "summary": "kept",
            "action_items": [{"action": "a"}]});
        let Ok(Migrated::Current { value, from: 1 }) = migrate(v1) else {
            panic!("migrates");
        };
        assert_eq!(value["schema_version"], 3);
        assert_eq!(value["dismissed"], serde_json::json!([]));
        assert_eq!(value["action_items"][0]["public"], Value::Null);
        let v9 = serde_json::json!({"schema_version": 9});
        assert_eq!(migrate(v9), Ok(Migrated::Newer { version: 9 }));
        assert!(migrate(serde_json::json!({"summary": "x"})).is_err());
        assert!(migrate(serde_json::json!({"schema_version": 0})).is_err());
    }
}
