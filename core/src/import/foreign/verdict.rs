//! Whether a file is a postmortem at all. A blank template, a guide about handling
//! incidents or a page with no part of a postmortem is named as such, and nothing is made of
//! it: no timeline rows from its exercises, no Incident ID from one of its sentences.
//!
//! Each kind of evidence is a small function; the first that speaks gives the reason.

use super::messages;
use super::split::Role;
use super::{Part, Target};
use crate::sections::SectionId;
use crate::words::Text;

/// Words a guide's title starts with ("How to manage technical incidents").
const GUIDE_TITLES: &[&str] = &[
    "how to",
    "how we",
    "guide",
    "a guide",
    "best practice",
    "playbook",
    "runbook",
    "checklist",
    "introduction to",
    "handbook",
    "tutorial",
    "如何",
    "指南",
    "教學",
    "手冊",
    "守則",
    "準則",
];

/// How many placeholders make a file a template rather than a report with a gap.
const TEMPLATE_PLACEHOLDERS: usize = 3;

/// Why the file is not a postmortem, in both languages; `None` when it may be one.
pub(crate) fn verdict(body: &str, parts: &[Part], dated_events: usize) -> Option<Text> {
    template(body, dated_events)
        .or_else(|| guide(parts, dated_events))
        .or_else(|| no_structure(parts, dated_events))
}

/// A template: several different placeholders where the facts would be, and no day of an
/// incident. (A report with a "TBD" or two is a report with gaps.)
fn template(body: &str, dated_events: usize) -> Option<Text> {
    if dated_events > 0 {
        return None;
    }
    let prose = crate::text::prose(body);
    let mut found = crate::placeholders::quotes(&prose);
    let mut distinct: Vec<String> = found.iter().map(|q| crate::text::folded(q)).collect();
    distinct.sort();
    distinct.dedup();
    found.dedup();
    (distinct.len() >= TEMPLATE_PLACEHOLDERS).then(|| {
        let shown: Vec<&str> = found.iter().take(3).copied().collect();
        Text::new(messages::NOT_POSTMORTEM_TEMPLATE, &[&shown.join("”, “")])
    })
}

/// A guide: a title that teaches, and no day of an incident in it.
fn guide(parts: &[Part], dated_events: usize) -> Option<Text> {
    if dated_events > 0 {
        return None;
    }
    let title = parts
        .iter()
        .find(|p| p.role == Role::Title || (p.level == 1 && !p.heading.is_empty()))?;
    let lower = crate::text::folded(title.heading.trim());
    GUIDE_TITLES
        .iter()
        .any(|g| lower.starts_with(g))
        .then(|| Text::new(messages::NOT_POSTMORTEM_GUIDE, &[title.heading.trim()]))
}

/// No heading names a part of a postmortem, and there is no timeline.
fn no_structure(parts: &[Part], dated_events: usize) -> Option<Text> {
    let sections = parts
        .iter()
        .filter(|p| p.matched && !p.heading.is_empty())
        .filter(|p| {
            !matches!(p.target, Target::Supporting) && p.target.section() != SectionId::Header
        })
        .count();
    (sections == 0 && dated_events == 0).then(|| Text::new(messages::NOT_POSTMORTEM_BARE, &[]))
}
