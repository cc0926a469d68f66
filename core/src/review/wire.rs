//! A finding as JSON, for the review that runs in the app's worker: the page reads back
//! exactly the finding the worker made. Titles, checks, sections and fields travel by their
//! ids and come back as the static rows they name.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{wording, Check, Finding, Level, Target};
use crate::fields::FieldId;
use crate::sections::SectionId;
use crate::words::{Text, Words};

/// The titles a finding may carry besides its check's own (a rule that words a case its own
/// way): a row here is all a new one needs to travel.
const OTHER_TITLES: &[Words] = &[
    wording::FIRST_WORDS,
    wording::DETECTION_CHOOSE_TITLE,
    wording::NO_PREVENT_UNTYPED_TITLE,
];

#[derive(Serialize, Deserialize)]
struct Wire {
    check: String,
    /// 0 for the check's own title, else 1 + its row of [`OTHER_TITLES`].
    #[serde(default, skip_serializing_if = "is_zero")]
    title: usize,
    problem: bool,
    /// A section's slug, or a field's element id (slugs alone repeat across sections).
    at: String,
    /// The row, from 0, when the target is a row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    row: Option<usize>,
    /// Whether `at` names a section rather than a field.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    section: bool,
    message: [String; 2],
    key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    related: Option<String>,
    keys: Vec<String>,
    place: [String; 2],
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn pair(t: &Text) -> [String; 2] {
    [t.en.clone(), t.zh.clone()]
}

fn text([en, zh]: [String; 2]) -> Text {
    Text { en, zh }
}

impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let title = if self.title == self.check.title() {
            0
        } else {
            OTHER_TITLES
                .iter()
                .position(|t| *t == self.title)
                .map_or(0, |i| i + 1)
        };
        let (at, row, section) = match self.target {
            Target::Section(s) => (s.slug().to_owned(), None, true),
            Target::Field(f) => (f.element_id(), None, false),
            Target::Row { field, index } => (field.element_id(), Some(index), false),
        };
        Wire {
            check: self.check.id().to_owned(),
            title,
            problem: self.level == Level::Problem,
            at,
            row,
            section,
            message: pair(&self.message),
            key: self.key.clone(),
            related: self.related.clone(),
            keys: self.keys.clone(),
            place: pair(&self.place),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = Wire::deserialize(d)?;
        let check = Check::from_id(&w.check).ok_or_else(|| D::Error::custom("unknown check"))?;
        let title = match w.title {
            0 => check.title(),
            n => *OTHER_TITLES
                .get(n - 1)
                .ok_or_else(|| D::Error::custom("unknown title"))?,
        };
        let target = if w.section {
            SectionId::ALL
                .into_iter()
                .find(|s| s.slug() == w.at)
                .map(Target::Section)
        } else {
            FieldId::ALL
                .iter()
                .find(|f| f.element_id() == w.at)
                .map(|&field| match w.row {
                    Some(index) => Target::Row { field, index },
                    None => Target::Field(field),
                })
        }
        .ok_or_else(|| D::Error::custom("unknown target"))?;
        Ok(Finding {
            check,
            title,
            level: if w.problem {
                Level::Problem
            } else {
                Level::Suggestion
            },
            target,
            message: text(w.message),
            key: w.key,
            related: w.related,
            keys: w.keys,
            place: text(w.place),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::chatgpt_2023_03_20;
    use crate::review::{first_words, group, review, OtherDraft};
    use crate::Postmortem;

    fn round_trip(findings: &[Finding]) -> Vec<Finding> {
        let text = serde_json::to_string(findings).expect("writes");
        serde_json::from_str(&text).expect("reads")
    }

    #[test]
    fn every_finding_comes_back_as_it_went() {
        // A document that sets off most checks: sections, fields, rows, other titles and
        // another draft's id.
        let mut doc = chatgpt_2023_03_20();
        doc.detection.detected_by = None;
        doc.causes.root_causes = "Bob forgot to check the cache.".into();
        let blank = crate::document::ActionItem {
            action: "Fix it".into(),
            ..Default::default()
        };
        doc.action_items = vec![blank.clone(), blank];
        let mut other = doc.clone();
        other.header.title = "Earlier".into();
        let others = [OtherDraft {
            id: "earlier",
            doc: &other,
        }];
        let mut findings = review(&doc, "2030-01-01", &others);
        findings.extend(group(findings.clone()));
        findings.push(first_words(&Postmortem::default()));
        assert!(findings
            .iter()
            .any(|f| matches!(f.target, Target::Row { .. })));
        assert!(findings
            .iter()
            .any(|f| matches!(f.target, Target::Field(_))));
        assert!(findings.iter().any(|f| f.title != f.check.title()));
        assert!(findings.iter().any(|f| f.keys.len() > 1));
        assert_eq!(round_trip(&findings), findings);
    }

    #[test]
    fn an_unknown_check_is_refused_not_guessed() {
        let text = r#"[{"check":"no-such-check","problem":true,"at":"summary","section":true,
            "message":["a","b"],"key":"k","keys":["k"],"place":["a","b"]}]"#;
        assert!(serde_json::from_str::<Vec<Finding>>(text).is_err());
    }
}
