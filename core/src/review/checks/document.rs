//! Checks of whole sections and single fields: required sections, impact in numbers,
//! detection, the review meeting, and telling customers and the people whose data was
//! exposed.

use crate::choice::Choice;
use crate::document::{Severity, Status};
use crate::fields::{section_fields, Access, FieldId};
use crate::sections::SectionId;
use crate::text::Hay;
use crate::words::Text;

use super::super::scan::compiled;
use super::super::wording as say;
use super::super::{Finding, Level, Target};
use super::{and_list, blank_action, blank_event, days, label, typed, Cx};
use crate::document::Postmortem;

fn has_content(doc: &Postmortem, section: SectionId) -> bool {
    match section {
        SectionId::Timeline => doc.timeline.iter().any(|e| !blank_event(e)),
        SectionId::ActionItems => doc.action_items.iter().any(|a| !blank_action(a)),
        _ => section_fields(section).any(|f| typed(f.kind) && !f.is_empty(doc)),
    }
}

/// required-empty: one finding per section the template requires that has no content.
pub(super) fn required_empty(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.template.requires(cx.section) && !has_content(doc, cx.section) {
        out.push(cx.finding(
            Target::Section(cx.section),
            say::REQUIRED_EMPTY,
            &[&doc.template.words().into()],
        ));
    }
}

/// Whether a text holds a number: a digit of any script, a Chinese numeral or an English
/// number word (see the phrase tables).
pub(crate) fn has_number(text: &str) -> bool {
    if text.chars().any(char::is_numeric) {
        return true;
    }
    let c = compiled();
    let hay = Hay::new(text);
    let masked = c.not_numbers.spans(&hay, 0, hay.len());
    c.numbers
        .scan(&hay, 0, hay.len())
        .iter()
        .any(|h| !masked.iter().any(|&(s, e)| h.start < e && s < h.end))
}

/// impact-no-numbers: neither Impact's text nor its measures hold a number.
pub(super) fn impact_no_numbers(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let numbered = section_fields(SectionId::Impact).any(|f| match &f.access {
        Access::Text(get, _) => has_number(get(cx.doc)),
        _ => false,
    });
    if !numbered {
        out.push(Finding::new(
            cx.check,
            Target::Field(FieldId::ImpactText),
            Text::with(
                say::IMPACT_NO_NUMBERS,
                &[&SectionId::Impact.heading().into()],
            ),
        ));
    }
}

/// detection-missing: Detected by or the Detection text is missing; a suggestion where the
/// template does not require Detection.
pub(super) fn detection_missing(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let no_source = doc.detection.detected_by.is_none();
    let no_text = doc.detection.description.trim().is_empty();
    let (target, words, place) = match (no_source, no_text) {
        (false, false) => return,
        (true, true) => (
            FieldId::DetectedBy,
            say::DETECTION_NOTHING,
            and_list(&[label(FieldId::DetectedBy), label(FieldId::DetectionText)]),
        ),
        (true, false) => (
            FieldId::DetectedBy,
            say::DETECTION_NO_SOURCE,
            label(FieldId::DetectedBy),
        ),
        (false, true) => (
            FieldId::DetectionText,
            say::DETECTION_NO_TEXT,
            label(FieldId::DetectionText),
        ),
    };
    let f = Finding::new(
        cx.check,
        Target::Field(target),
        Text::with(words, &[&place]),
    );
    // The text says how it was found: only the choice is left to make.
    if no_source && !no_text {
        out.push(f.titled(say::DETECTION_CHOOSE_TITLE).at(Level::Suggestion));
        return;
    }
    // Who or what noticed is known: the story of how is worth writing, not a blocker.
    if !no_source && no_text {
        out.push(f.at(Level::Suggestion));
        return;
    }
    out.push(if doc.template.requires(SectionId::Detection) {
        f
    } else {
        f.at(Level::Suggestion)
    });
}

/// Weekdays after `from` up to and including `to`.
fn business_days(from: i64, to: i64) -> i64 {
    // 1970-01-01 was a Thursday: weekday 3 when Monday is 0.
    let weekday = |d: i64| (d + 3).rem_euclid(7);
    let span = to - from;
    if span <= 0 {
        return 0;
    }
    let mut count = span / 7 * 5;
    for d in (from + span / 7 * 7 + 1)..=to {
        if weekday(d) < 5 {
            count += 1;
        }
    }
    count
}

/// review-late: the meeting more than 3 days after a SEV1, 5 business days after a SEV2,
/// or not set while the report is In review or Final.
pub(super) fn review_late(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let h = &cx.doc.header;
    let target = Target::Field(FieldId::ReviewMeeting);
    let meeting = h.review_meeting.trim();
    if meeting.is_empty() {
        if matches!(h.status, Status::InReview | Status::Final) {
            out.push(cx.finding(target, say::REVIEW_NOT_SET, &[&h.status.words().into()]));
        }
        return;
    }
    let (Some(incident), Some(met)) = (days(&h.incident_date), days(meeting)) else {
        return;
    };
    let late = match h.severity {
        Some(Severity::Sev1) if met - incident > 3 => Some((say::REVIEW_LATE_SEV1, met - incident)),
        Some(Severity::Sev2) if business_days(incident, met) > 5 => {
            Some((say::REVIEW_LATE_SEV2, business_days(incident, met)))
        }
        _ => None,
    };
    if let Some((words, n)) = late {
        out.push(cx.finding(
            target,
            words,
            &[&Text::plain(meeting), &Text::plain(n.to_string())],
        ));
    }
}

/// no-customer-notice: customers saw it and the Customer notice is empty.
pub(super) fn no_customer_notice(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.impact.customer_visible == Some(true)
        && doc.communication.customer_notice.trim().is_empty()
    {
        out.push(cx.finding(
            Target::Field(FieldId::CustomerNotice),
            say::NO_CUSTOMER_NOTICE,
            &[],
        ));
    }
}

/// data-exposed-not-notified: data was exposed, and Notified or Kinds of data is empty.
pub(super) fn data_exposed_not_notified(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    if doc.impact.data_exposed != Some(true) {
        return;
    }
    let no_notified = doc.communication.notified.trim().is_empty();
    let no_kinds = doc.impact.kinds_of_data.trim().is_empty();
    let (target, place) = match (no_notified, no_kinds) {
        (false, false) => return,
        (true, true) => (
            FieldId::Notified,
            and_list(&[label(FieldId::Notified), label(FieldId::KindsOfData)]),
        ),
        (true, false) => (FieldId::Notified, label(FieldId::Notified)),
        (false, true) => (FieldId::KindsOfData, label(FieldId::KindsOfData)),
    };
    out.push(Finding::new(
        cx.check,
        Target::Field(target),
        Text::with(say::DATA_EXPOSED_NOT_NOTIFIED, &[&place]),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_days_skip_weekends() {
        let d = |s: &str| days(s).unwrap_or_default();
        // 2024-03-01 is a Friday.
        assert_eq!(business_days(d("2024-03-01"), d("2024-03-08")), 5);
        assert_eq!(business_days(d("2024-03-01"), d("2024-03-11")), 6);
        assert_eq!(business_days(d("2024-03-01"), d("2024-03-03")), 0);
        assert_eq!(business_days(d("2024-03-01"), d("2024-03-01")), 0);
        assert_eq!(business_days(d("2024-03-04"), d("2024-04-01")), 20);
    }

    #[test]
    fn numbers_in_any_script_count_and_some_words_do_not() {
        for yes in [
            "3 users",
            "３ 成",
            "三成使用者",
            "about half",
            "a dozen",
            "兩個小時",
            "Ⅲ",
        ] {
            assert!(has_number(yes), "{yes}");
        }
        for no in [
            "some users",
            "一些使用者",
            "造成部分使用者無法登入",
            "online",
            "often",
            "一般使用者",
        ] {
            assert!(!has_number(no), "{no}");
        }
    }
}
