//! Checks of the timeline: the key events, and an order that cannot happen.

use crate::choice::Choice;
use crate::document::{EventKind, Postmortem, TimelineEvent};
use crate::fields::FieldId;
use crate::sections::SectionId;

use super::super::wording as say;
use super::super::{Finding, Level, Target};
use super::{and_list, blank_event, quoted_words, Cx};

/// timeline-missing-event: no Impact started, Detected or Resolved event (one finding
/// naming the missing kinds).
pub(super) fn missing_event(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let missing: Vec<_> = [
        EventKind::ImpactStarted,
        EventKind::Detected,
        EventKind::Resolved,
    ]
    .into_iter()
    .filter(|k| {
        !cx.doc
            .timeline
            .iter()
            .any(|e| e.kind == *k && !blank_event(e))
    })
    .map(|k| quoted_words(k.words()))
    .collect();
    if !missing.is_empty() {
        out.push(cx.finding(
            Target::Section(SectionId::Timeline),
            say::TIMELINE_MISSING_EVENT,
            &[&and_list(&missing)],
        ));
    }
}

/// An event that comes before one it cannot (or should rarely) come before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrderIssue {
    /// The event's row, from 0.
    pub index: usize,
    /// Its kind.
    pub kind: EventKind,
    /// The row it comes before: the earliest event of `before_kind`.
    pub before: usize,
    /// That row's kind.
    pub before_kind: EventKind,
    /// Problem when impossible; suggestion for Detected before Impact started, which a
    /// canary makes possible.
    pub level: Level,
}

/// Which kind may not come before the earliest event of which other kind, checked in this
/// order; a row reports only the first pair it breaks.
const ORDER_RULES: [(EventKind, EventKind, Level); 5] = [
    (
        EventKind::Mitigated,
        EventKind::ImpactStarted,
        Level::Problem,
    ),
    (
        EventKind::Resolved,
        EventKind::ImpactStarted,
        Level::Problem,
    ),
    (EventKind::Resolved, EventKind::Detected, Level::Problem),
    (EventKind::Escalated, EventKind::Detected, Level::Problem),
    (
        EventKind::Detected,
        EventKind::ImpactStarted,
        Level::Suggestion,
    ),
];

/// Events in an impossible (or unusual) order, by time: Mitigated or Resolved before
/// Impact started, Resolved or Escalated before Detected; Detected before Impact started as
/// a suggestion. Events without a time are not compared. The metrics show "—" for the
/// durations these would make negative.
pub fn timeline_order(events: &[TimelineEvent]) -> Vec<OrderIssue> {
    let earliest = |kind: EventKind| {
        events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .filter_map(|(i, e)| e.time.map(|t| (t.utc, i)))
            .min()
    };
    let impact_started = earliest(EventKind::ImpactStarted);
    let detected = earliest(EventKind::Detected);
    // The rules compare against these two kinds; anything else is looked up as needed.
    let first = |kind: EventKind| match kind {
        EventKind::ImpactStarted => impact_started,
        EventKind::Detected => detected,
        other => earliest(other),
    };
    let mut issues = Vec::new();
    for (index, e) in events.iter().enumerate() {
        let Some(t) = e.time else { continue };
        for (kind, before_kind, level) in ORDER_RULES {
            if e.kind != kind {
                continue;
            }
            if let Some((utc, before)) = first(before_kind) {
                if t.utc < utc {
                    issues.push(OrderIssue {
                        index,
                        kind,
                        before,
                        before_kind,
                        level,
                    });
                    break;
                }
            }
        }
    }
    issues
}

/// The timeline rows (from 0) in an impossible order, for the form to mark; Detected
/// before Impact started is possible and not among them.
pub fn rows_out_of_order(doc: &Postmortem) -> Vec<usize> {
    timeline_order(&doc.timeline)
        .into_iter()
        .filter(|i| i.level == Level::Problem)
        .map(|i| i.index)
        .collect()
}

/// timeline-order: one finding per event that comes too early; Detected before Impact
/// started is a suggestion.
pub(super) fn order(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    for issue in timeline_order(&cx.doc.timeline) {
        let words = match issue.level {
            Level::Problem => say::TIMELINE_ORDER,
            Level::Suggestion => say::TIMELINE_DETECTED_EARLY,
        };
        let row = |index| Target::Row {
            field: FieldId::EventTime,
            index,
        };
        let other = row(issue.before);
        let f = cx.finding(
            row(issue.index),
            words,
            &[
                &issue.kind.words().into(),
                &issue.before_kind.words().into(),
                &other.place(),
            ],
        );
        out.push(f.at(issue.level));
    }
}
