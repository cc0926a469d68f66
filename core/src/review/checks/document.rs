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

/// Whether anything is typed in a section: a field a person types into, or a non-blank
/// row.
pub fn has_content(doc: &Postmortem, section: SectionId) -> bool {
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

/// Words next to a number that make it an identifier, not a count: an HTTP status ("HTTP
/// 500", "a 502 error"), a service level's target ("the 99.9% SLO").
const STATUS_WORDS: &[&str] = &[
    "http",
    "status",
    "error",
    "errors",
    "code",
    "response",
    "responses",
];
const TARGET_WORDS: &[&str] = &[
    "slo",
    "sla",
    "sli",
    "target",
    "objective",
    "目標",
    "可用性",
    "服務水準",
];

/// The byte spans of numbers that name something rather than count it: HTTP status codes
/// ("HTTP 500", "502s"), versions ("1.7.30", "v2"), priorities and severities (P1, SEV-2,
/// S1), dates and times ("2024-05-02", "14:05", "2023"), service-level targets ("99.9%"
/// beside SLO, 目標).
fn identifier_spans(text: &str) -> Vec<(usize, usize)> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    let b = text.as_bytes();
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        // The token: letters, digits and the punctuation inside versions, dates and times.
        let end = i + text[i..]
            .bytes()
            .take_while(|c| {
                c.is_ascii_alphanumeric() || matches!(c, b'.' | b':' | b'-' | b'%' | b'x' | b'X')
            })
            .count();
        let token = lower[i..end].trim_end_matches(['.', '-', ':']);
        let end = i + token.len();
        let digits = token.bytes().filter(u8::is_ascii_digit).count();
        let word_before = lower[..i].split_whitespace().last().unwrap_or("");
        let word_after = lower[end..].split_whitespace().next().unwrap_or("");
        let clause = &lower[lower[..i]
            .rfind(['.', ';', '\n', '。'])
            .map_or(0, |k| k + 1)
            ..lower[end..]
                .find(['.', ';', '\n', '。'])
                .map_or(lower.len(), |k| end + k)];
        let status = |t: &str| {
            let t = t.trim_end_matches('s');
            t.len() == 3
                && matches!(t.as_bytes()[0], b'1'..=b'5')
                && t[1..].bytes().all(|c| c.is_ascii_digit() || c == b'x')
        };
        let identifier = digits > 0
            && (
                // HTTP statuses: 5xx, 502s, HTTP 500, a 503 error.
                (status(token)
                    && (token.ends_with('s')
                        || token.contains('x')
                        || STATUS_WORDS.contains(&word_before)
                        || STATUS_WORDS.contains(&word_after.trim_matches(|c: char| !c.is_alphanumeric()))))
                // Versions: 1.7.30, v2, v1.2.
                || token.matches('.').count() >= 2
                || (token.starts_with('v') && token[1..].bytes().all(|c| c.is_ascii_digit() || c == b'.'))
                // Priorities and severities: P1, SEV2, SEV-2, S1.
                || matches!(token.as_bytes(), [b'p', d] | [b's', d] if d.is_ascii_digit())
                || token.starts_with("sev")
                // Dates and clock times.
                || (token.len() == 10 && token.matches('-').count() == 2)
                || (token.contains(':') && token.split(':').all(|p| p.len() <= 2 && !p.is_empty()))
                // A year, unless it counts something ("2000 users").
                || (token.len() == 4
                    && (token.starts_with("19") || token.starts_with("20"))
                    && digits == 4
                    && !word_after.starts_with(|c: char| c.is_alphabetic()))
                // A service level's target: "SLO" as a word, not inside "slow".
                || (token.ends_with('%')
                    && TARGET_WORDS.iter().any(|w| crate::text::contains_bounded(clause, w)))
            );
        if identifier {
            out.push((i, end));
        }
        i = end.max(i + 1);
    }
    out
}

/// Whether a text holds a number that counts something: a digit of any script, a Chinese
/// numeral or an English number word (see the phrase tables), identifiers left out.
pub(crate) fn has_number(text: &str) -> bool {
    let spans = identifier_spans(text);
    let masked: String = if spans.is_empty() {
        text.to_owned()
    } else {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for (s, e) in spans {
            out.push_str(&text[at..s]);
            out.push(' ');
            at = e;
        }
        out.push_str(&text[at..]);
        out
    };
    let text = masked.as_str();
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

/// Every text the author typed in a section, each with what it is: fields, list entries,
/// and the text of rows.
fn typed_texts(doc: &Postmortem, section: SectionId) -> Vec<(Target, String)> {
    let mut out = Vec::new();
    for f in section_fields(section) {
        match &f.access {
            Access::Text(get, _) => out.push((Target::Field(f.id), get(doc).clone())),
            Access::List(get, _) => {
                for (index, entry) in get(doc).iter().enumerate() {
                    out.push((Target::Row { field: f.id, index }, entry.clone()));
                }
            }
            _ => {}
        }
    }
    match section {
        SectionId::Timeline => {
            for (index, e) in doc.timeline.iter().enumerate() {
                for (field, text) in [
                    (FieldId::EventText, &e.event),
                    (FieldId::EventLink, &e.link),
                ] {
                    out.push((Target::Row { field, index }, text.clone()));
                }
            }
        }
        SectionId::ActionItems => {
            for (index, a) in doc.action_items.iter().enumerate() {
                for (field, text) in [
                    (FieldId::Action, &a.action),
                    (FieldId::ActionOwner, &a.owner),
                    (FieldId::DueDate, &a.due_date),
                    (FieldId::TrackingLink, &a.tracking_link),
                ] {
                    out.push((Target::Row { field, index }, text.clone()));
                }
            }
        }
        _ => {}
    }
    out
}

/// placeholder-text: a field still holds a template's placeholder; one finding per field
/// (per row for a table's row, whose fields share its key), quoting the first and counting
/// the rest. Code, fences and quotes are left alone.
pub(super) fn placeholder_text(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let mut places: Vec<(Target, String, usize)> = Vec::new();
    for (target, text) in typed_texts(cx.doc, cx.section) {
        if text.trim().is_empty() {
            continue;
        }
        let prose = crate::text::prose(&text);
        let found = crate::placeholders::quotes(&prose);
        let Some(first) = found.first() else {
            continue;
        };
        match places.iter_mut().find(|(t, ..)| t.key() == target.key()) {
            Some((.., more)) => *more += found.len(),
            None => places.push((target, (*first).to_owned(), found.len() - 1)),
        }
    }
    for (target, first, more) in places {
        let first = super::quotes([first.as_str()]);
        out.push(if more > 0 {
            cx.finding(
                target,
                say::PLACEHOLDER_TEXT_MORE,
                &[&first, &Text::plain(more.to_string())],
            )
        } else {
            cx.finding(target, say::PLACEHOLDER_TEXT, &[&first])
        });
    }
}

/// title-empty: the report has no title.
pub(super) fn title_empty(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    if cx.doc.header.title.trim().is_empty() {
        out.push(cx.finding(Target::Field(FieldId::Title), say::TITLE_EMPTY, &[]));
    }
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
            "HTTP 500 for 12% of requests",
            "約 3 成使用者看到 502",
            "errors for 40 minutes",
            "2000 users could not log in",
            "Checkout was slow for 30% of users",
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
            "Users saw HTTP 500",
            "Some requests got 502s and 5xx errors",
            "A 503 error on checkout after deploying v1.7.30",
            "A P1 incident, SEV-2, since 2024-05-02 14:05",
            "We missed the 99.9% SLO",
            "部分使用者看到 HTTP 500，未達 99.95% 可用性目標",
        ] {
            assert!(!has_number(no), "{no}");
        }
    }
}
