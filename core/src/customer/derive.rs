//! What each part of the customer version says until the user writes it themselves: derived
//! from the internal report, in the report's language, leaving out what is for the team.
//!
//! - Public title: nothing. The report's title is written for the team ("OPS-1234: failover
//!   lag on db-1"), so the notice has its own only once the author writes one; until then
//!   the exports use a plain heading made of the date ([`super::export`]).
//! - What happened: the Summary.
//! - Who was affected: the Impact text only when Customer visible is Yes (otherwise it
//!   describes internal effects), then Users affected and Data exposed with Kinds of data and
//!   People affected. Failed requests, error budget, revenue and support tickets are the
//!   team's measures and stay out.
//! - When: in plain words, when it started, when the team noticed and when it was fixed (the
//!   first Impact started, Detected, and Mitigated or Resolved event), and the time zone.
//!   The timeline's own kinds ("Status page updated") and the events' text are the team's
//!   shorthand and stay out.
//! - What we are doing: the text of each public action item, nothing else.
//! - Notice: the Customer notice.

use crate::document::{EventKind, Postmortem};
use crate::fields::{FieldId, NO, YES};
use crate::metrics::sorted_by_time;
use crate::report::{bold_label, timeline_note};
use crate::time::format_offset;

use super::{words, Part};
use crate::words::Words;

/// The moments of "When", in plain words, each the first event of its kinds.
const MOMENTS: [(Words, &[EventKind]); 3] = [
    (words::STARTED, &[EventKind::ImpactStarted]),
    (words::NOTICED, &[EventKind::Detected]),
    (words::FIXED, &[EventKind::Mitigated, EventKind::Resolved]),
];

/// What a part says when the user has not written it.
pub(super) fn derived(doc: &Postmortem, part: Part) -> String {
    match part {
        Part::Title => String::new(),
        Part::WhatHappened => block(&doc.summary),
        Part::WhoWasAffected => who_was_affected(doc),
        Part::When => when(doc),
        Part::WhatWeAreDoing => what_we_are_doing(doc),
        Part::Notice => block(&doc.communication.customer_notice),
    }
}

/// A block of Markdown without blank lines at its start or white space at its end.
pub(super) fn block(text: &str) -> String {
    text.trim_start_matches(['\n', '\r']).trim_end().to_owned()
}

/// Text on one line, runs of white space made one space.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn who_was_affected(doc: &Postmortem) -> String {
    let lang = doc.language;
    let impact = &doc.impact;
    let mut parts = Vec::new();
    if impact.customer_visible == Some(true) {
        let text = block(&impact.description);
        if !text.is_empty() {
            parts.push(text);
        }
    }
    // Each measure is a paragraph of its own: a list here would merge with a list that ends
    // the Impact text.
    let mut measure = |field: FieldId, value: &str| {
        let value = one_line(value);
        if !value.is_empty() {
            parts.push(format!("{}{value}", bold_label(field.label(lang), lang)));
        }
    };
    measure(FieldId::UsersAffected, &impact.users_affected);
    match impact.data_exposed {
        Some(true) => {
            measure(FieldId::DataExposed, YES.get(lang));
            measure(FieldId::KindsOfData, &impact.kinds_of_data);
            measure(FieldId::PeopleAffected, &impact.people_affected);
        }
        Some(false) => measure(FieldId::DataExposed, NO.get(lang)),
        None => {}
    }
    parts.join("\n\n")
}

fn when(doc: &Postmortem) -> String {
    let lang = doc.language;
    let sorted = sorted_by_time(&doc.timeline);
    let mut events: Vec<_> = MOMENTS
        .iter()
        .filter_map(|(name, kinds)| {
            let first = sorted
                .iter()
                .filter(|e| kinds.contains(&e.kind))
                .find_map(|e| e.time)?;
            Some((first, *name))
        })
        .collect();
    crate::sort::sort_by(&mut events, |a, b| a.0.cmp(&b.0));
    let Some((first, _)) = events.first().copied() else {
        return String::new();
    };
    let first_day = first.local().date_string();
    let with_dates = events
        .iter()
        .any(|(t, _)| t.local().date_string() != first_day);
    let mixed_offsets = events
        .iter()
        .any(|(t, _)| t.offset_minutes != first.offset_minutes);
    let lines: Vec<String> = events
        .iter()
        .map(|(t, name)| {
            let local = t.local();
            let mut at = if with_dates {
                format!("{} {}", local.date_string(), local.time_string())
            } else {
                local.time_string()
            };
            if mixed_offsets {
                at = format!("{at} ({})", format_offset(t.offset_minutes, false));
            }
            format!("- {}", words::MOMENT.fill(lang, &[name.get(lang), &at]))
        })
        .collect();
    let mut out = lines.join("\n");
    let note = timeline_note(
        doc.header.time_zone.trim(),
        (!mixed_offsets).then_some(first.offset_minutes),
        (!with_dates).then_some(first_day.as_str()),
        lang,
    );
    if let Some(note) = note {
        out.push_str("\n\n");
        out.push_str(&note);
    }
    out
}

/// An action as customers read it: without the team's tags and IDs in front ("[PoMo]",
/// "ACT-01:") and without the notes an import keeps at the end ("(Priority: P1)",
/// "(Owner: …)", "（負責：…）").
pub(super) fn public_action(action: &str) -> String {
    let mut t = crate::text::after_tags(action).trim().to_owned();
    loop {
        let trimmed = t.trim_end();
        let (open, close) = if trimmed.ends_with(')') {
            ('(', ")")
        } else if trimmed.ends_with('）') {
            ('（', "）")
        } else {
            break;
        };
        let Some(start) = trimmed.rfind(open) else {
            break;
        };
        let inner = &trimmed[start + open.len_utf8()..trimmed.len() - close.len()];
        let label = inner.split([':', '：']).next().unwrap_or("");
        let is_note = inner.contains([':', '：'])
            && !label.trim().is_empty()
            && label.split_whitespace().count() <= 3
            && label.chars().count() <= 24;
        if !is_note {
            break;
        }
        t = trimmed[..start].trim_end().to_owned();
    }
    t
}

fn what_we_are_doing(doc: &Postmortem) -> String {
    doc.action_items
        .iter()
        .filter(|a| a.is_public())
        .map(|a| one_line(&public_action(&a.action)))
        .filter(|a| !a.is_empty())
        .map(|a| {
            // Text that starts like a task marker would turn the item into a task.
            let task = ["[ ]", "[x]", "[X]"].iter().any(|m| {
                a.strip_prefix(m)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            });
            if task {
                format!("- \\{a}")
            } else {
                format!("- {a}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_action_drops_tags_ids_and_import_notes() {
        assert_eq!(
            public_action("[PoMo] Add a canary for config pushes (Priority: P1) (Owner: ana)"),
            "Add a canary for config pushes"
        );
        assert_eq!(
            public_action("**ACT-01** — Make deletes soft (Type: Prevent)"),
            "Make deletes soft"
        );
        assert_eq!(
            public_action("【SRE】加上設定推送的金絲雀（負責：平台組）"),
            "加上設定推送的金絲雀"
        );
        assert_eq!(
            public_action("Add retries (with backoff)"),
            "Add retries (with backoff)"
        );
    }
}
