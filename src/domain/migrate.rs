//! The one home of schema migrations.
//!
//! `schema_version` 1 is the first. A change to the document's shape bumps
//! [`SCHEMA_VERSION`] and adds, in the same change: a step to [`STEPS`] that turns a value of
//! the previous version into the next, a fixture of the old shape under `tests/fixtures/`
//! that a test migrates, and nothing else anywhere: every reader (storage, files, links)
//! calls [`migrate`]. Storage keeps a copy of a draft's value from before its migration
//! (see `storage`), so a faulty step never costs a draft.

use serde_json::Value;

use super::document::SCHEMA_VERSION;

/// A migration step: a document value of version `n` to one of version `n + 1`.
type Step = fn(Value) -> Value;

/// `STEPS[i]` migrates version `i + 1` to version `i + 2`. Empty while version 1 is current.
const STEPS: &[Step] = &[];

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
pub fn migrate(mut value: Value) -> Result<Migrated, String> {
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or("it has no schema_version")?;
    let version = u32::try_from(version).map_err(|_| "its schema_version is not a version")?;
    if version == 0 {
        return Err("its schema_version is 0, which no Hindsight ever wrote".into());
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
        let v1: Value = serde_json::json!({"schema_version": 1, "summary": "kept"});
        assert_eq!(
            migrate(v1.clone()),
            Ok(Migrated::Current { value: v1, from: 1 })
        );
        let v9 = serde_json::json!({"schema_version": 9});
        assert_eq!(migrate(v9), Ok(Migrated::Newer { version: 9 }));
        assert!(migrate(serde_json::json!({"summary": "x"})).is_err());
        assert!(migrate(serde_json::json!({"schema_version": 0})).is_err());
    }
}
