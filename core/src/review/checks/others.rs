//! The checks that look beyond the document: the redaction pass over the Customer notice,
//! and the other drafts.

use crate::document::{Language, Postmortem};
use crate::fields::FieldId;
use crate::incidents::{cause_words, similarity};
use crate::report::display_title;
use crate::text::{Hay, Pat};
use crate::words::Text;

use super::super::wording as say;
use super::super::{Finding, Level, NoticeScan, OtherDraft, Target};
use super::{blank_action, days, distinct, finding, quotes, Check};

/// notice-internal-details: the redaction pass finds something in the Customer notice that
/// the user has not let through.
pub(super) fn notice_internal_details(
    check: Check,
    doc: &Postmortem,
    scan: NoticeScan<'_>,
) -> Vec<Finding> {
    if doc.communication.customer_notice.trim().is_empty() {
        return Vec::new();
    }
    let hits = distinct(
        scan(doc)
            .into_iter()
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty()),
    );
    if hits.is_empty() {
        return Vec::new();
    }
    vec![finding(
        check,
        Target::Field(FieldId::CustomerNotice),
        say::NOTICE_INTERNAL_DETAILS,
        &[&quotes(hits.iter().map(String::as_str))],
    )]
}

/// Whether `text` names `name` (an Incident ID or a title): case-insensitive, and not as
/// part of a longer word or number ("INC-1" is not in "INC-12").
fn names(text: &Hay, name: &str) -> bool {
    let name = name.trim();
    if name.chars().count() < 3 {
        return false;
    }
    let pat = Pat::new(name, true);
    (0..text.len()).any(|i| pat.at(text, i).is_some())
}

/// repeat-open-actions: an earlier incident named in Recurrence (a problem) or whose root
/// causes use similar words (a suggestion) still has open action items. A shared tag alone
/// is no shared cause: a tag most drafts carry would flag every earlier incident.
pub(super) fn repeat_open_actions(
    check: Check,
    doc: &Postmortem,
    others: &[OtherDraft<'_>],
) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(date) = days(&doc.header.incident_date) else {
        return out;
    };
    let id = doc.header.incident_id.trim();
    let recurrence = Hay::new(&doc.causes.recurrence);
    let causes = cause_words(&doc.causes.root_causes);
    for other in others {
        let o = &other.doc.header;
        let their_id = o.incident_id.trim();
        if !id.is_empty() && their_id.to_lowercase() == id.to_lowercase() {
            continue;
        }
        if days(&o.incident_date).is_none_or(|d| d >= date) {
            continue;
        }
        let open = other
            .doc
            .action_items
            .iter()
            .filter(|a| !a.done && !blank_action(a))
            .count();
        if open == 0 {
            continue;
        }
        let title = Text {
            en: display_title(&o.title, Language::En).to_owned(),
            zh: display_title(&o.title, Language::ZhTw).to_owned(),
        };
        let count = Text::plain(open.to_string());
        let target = Target::Field(FieldId::Recurrence);
        let mut f = if names(&recurrence, their_id) || names(&recurrence, &o.title) {
            finding(check, target, say::REPEAT_OPEN_ACTIONS, &[&title, &count])
        } else if let Some(percent) =
            similarity(&causes, &cause_words(&other.doc.causes.root_causes))
        {
            finding(
                check,
                target,
                say::REPEAT_SIMILAR_CAUSE,
                &[&title, &count, &Text::plain(percent.to_string())],
            )
            .at(Level::Suggestion)
        } else {
            continue;
        };
        f.key = format!("{}@{}", check.id(), other.id);
        f.related = Some(other.id.to_owned());
        out.push(f);
    }
    out
}
