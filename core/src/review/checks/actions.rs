//! Checks of the action items: there are some, each has an owner, a due date and a tracking
//! link, says what will be done, and together they prevent a recurrence.

use crate::choice::Choice;
use crate::document::{ActionItem, ActionType, Priority};
use crate::fields::FieldId;
use crate::sections::SectionId;
use crate::text::Hay;
use crate::time::parse_date;
use crate::trackers::tracker_reference;
use crate::words::{Text, Words};

use super::super::scan::{compiled, prose};
use super::super::wording as say;
use super::super::{Finding, Level, Target};
use super::language::quote_of;
use super::{blank_action, quotes, Cx};

/// The action items with something typed in them, with their rows (from 0).
fn items<'a>(cx: &Cx<'a>) -> Vec<(usize, &'a ActionItem)> {
    cx.doc
        .action_items
        .iter()
        .enumerate()
        .filter(|(_, a)| !blank_action(a))
        .collect()
}

/// One finding per item not done for which `found` says why: a done item needs no owner,
/// link or wording any more.
fn per_item(
    cx: &Cx<'_>,
    out: &mut Vec<Finding>,
    found: impl Fn(&ActionItem) -> Option<(FieldId, Words, Vec<Text>)>,
) {
    for (index, a) in items(cx) {
        if a.done {
            continue;
        }
        if let Some((field, words, args)) = found(a) {
            let args: Vec<&Text> = args.iter().collect();
            out.push(cx.finding(Target::Row { field, index }, words, &args));
        }
    }
}

/// action-missing: the report has no action item.
pub(super) fn missing(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    if items(cx).is_empty() {
        out.push(cx.finding(
            Target::Section(SectionId::ActionItems),
            say::ACTION_MISSING,
            &[],
        ));
    }
}

/// no-prevent-action: items exist, some have a type, and none is Prevent; when no item has
/// a type yet, a suggestion to mark them (nothing says none prevents).
pub(super) fn no_prevent(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let items = items(cx);
    let section = Target::Section(SectionId::ActionItems);
    if items.is_empty() {
        return;
    }
    if items.iter().all(|(_, a)| a.kind.is_none()) {
        out.push(
            cx.finding(section, say::NO_PREVENT_UNTYPED, &[])
                .titled(say::NO_PREVENT_UNTYPED_TITLE)
                .at(Level::Suggestion),
        );
    } else if !items
        .iter()
        .any(|(_, a)| a.kind == Some(ActionType::Prevent))
    {
        out.push(cx.finding(section, say::NO_PREVENT_ACTION, &[]));
    }
}

/// same-priority: three or more items with a priority set, all of one priority; items
/// without one are not counted.
pub(super) fn same_priority(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let set: Vec<Priority> = items(cx).iter().filter_map(|(_, a)| a.priority).collect();
    let Some(&p) = set.first() else {
        return;
    };
    if set.len() >= 3 && set.iter().all(|q| *q == p) {
        out.push(cx.finding(
            Target::Section(SectionId::ActionItems),
            say::SAME_PRIORITY,
            &[&Text::plain(set.len().to_string()), &p.words().into()],
        ));
    }
}

/// action-no-owner: per item not done.
pub(super) fn no_owner(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    per_item(cx, out, |a| {
        a.owner
            .trim()
            .is_empty()
            .then(|| (FieldId::ActionOwner, say::ACTION_NO_OWNER, vec![]))
    });
}

/// action-no-due: per item not done.
pub(super) fn no_due(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    per_item(cx, out, |a| {
        a.due_date
            .trim()
            .is_empty()
            .then(|| (FieldId::DueDate, say::ACTION_NO_DUE, vec![]))
    });
}

/// action-no-tracking: per item not done, unless Tracking link is set or the action's text
/// carries a link or a tracker reference (`#123`, `OPS-123`).
pub(super) fn no_tracking(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    per_item(cx, out, |a| {
        let tracked = !a.tracking_link.trim().is_empty() || tracker_reference(&a.action).is_some();
        (!tracked).then(|| (FieldId::TrackingLink, say::ACTION_NO_TRACKING, vec![]))
    });
}

/// action-vague: per item that starts with a direction or asks people to be better.
pub(super) fn vague(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    // With the cause unknown, "Investigate why …" is the action the report needs.
    let cause_unknown = super::causes::cause_unknown(&cx.doc.causes.root_causes).is_some();
    per_item(cx, out, |a| {
        if cause_unknown && super::causes::finds_the_cause(&a.action) {
            return None;
        }
        why_vague(&a.action)
            .map(|(words, quote)| (FieldId::Action, words, vec![quotes([quote.as_str()])]))
    });
}

/// action-overdue: per item due before today and not done.
pub(super) fn overdue(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    if parse_date(cx.today).is_none() {
        return;
    }
    let today = cx.today.trim();
    per_item(cx, out, |a| {
        a.is_overdue(today).then(|| {
            (
                FieldId::DueDate,
                say::ACTION_OVERDUE,
                vec![Text::plain(a.due_date.trim())],
            )
        })
    });
}

/// Why an action item is vague, and the words that make it so: it starts with a direction
/// ("improve", "研究") or asks people to be better ("remind", "宣導").
fn why_vague(action: &str) -> Option<(Words, String)> {
    let c = compiled();
    let own = crate::text::after_tags(action);
    let hay = Hay::new(&prose(own));
    let start = hay.low.iter().position(|ch| ch.is_alphanumeric())?;
    // "自動提醒" starts before the 提醒 it holds, so a concrete phrase covers, not starts at.
    let concrete_spans: Vec<(usize, usize)> = c
        .not_vague
        .scan(&hay, 0, hay.len())
        .iter()
        .map(|h| (h.start, h.end))
        .collect();
    let concrete = |i: usize| concrete_spans.iter().any(|&(s, e)| s <= i && i < e);
    let opening = c
        .vague_start
        .scan(&hay, start, hay.len())
        .into_iter()
        .filter(|h| h.start == start)
        .max_by_key(|h| h.end);
    if let Some(h) = opening.filter(|h| !concrete(h.start)) {
        return Some((
            say::ACTION_VAGUE_START,
            quote_of(&hay, h.start, h.end, h.what),
        ));
    }
    let better = c
        .be_better
        .scan(&hay, 0, hay.len())
        .into_iter()
        .find(|h| !concrete(h.start))?;
    Some((
        say::ACTION_BE_BETTER,
        quote_of(&hay, better.start, better.end, better.what),
    ))
}
