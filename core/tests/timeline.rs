//! Timeline arithmetic across days, zones and DST changes, with the offsets supplied here,
//! and the overdue rule of action items.
#![cfg(not(target_arch = "wasm32"))]

use hindsight_core::markdown::section_markdown;
use hindsight_core::SectionId;
use hindsight_core::{metrics::spans_days, metrics::TimelineMetrics};
use hindsight_core::{report::format_duration, time::LocalDateTime, Timestamp};
use hindsight_core::{ActionItem, EventKind, Language, Postmortem, TimelineEvent};

fn local(text: &str) -> LocalDateTime {
    LocalDateTime::parse(text).expect("a local time")
}

/// America/Los_Angeles in 2023, as the browser's Intl would report it: PST (−08:00) until
/// 2023-03-12 10:00 UTC, PDT (−07:00) until 2023-11-05 09:00 UTC, then PST again.
fn los_angeles(utc: i64) -> i32 {
    let spring = local("2023-03-12T10:00").as_epoch_seconds();
    let fall = local("2023-11-05T09:00").as_epoch_seconds();
    if (spring..fall).contains(&utc) {
        -420
    } else {
        -480
    }
}

fn event(time: Timestamp, kind: EventKind) -> TimelineEvent {
    TimelineEvent {
        time: Some(time),
        event: format!("{kind:?}"),
        kind,
        link: String::new(),
    }
}

#[test]
fn an_incident_across_the_spring_forward_change_counts_real_time() {
    let start = Timestamp::from_local(local("2023-03-12T01:30"), los_angeles);
    let end = Timestamp::from_local(local("2023-03-12T04:00"), los_angeles);
    assert_eq!(start.offset_minutes, -480);
    assert_eq!(end.offset_minutes, -420);
    let m = TimelineMetrics::of(&[
        event(start, EventKind::ImpactStarted),
        event(end, EventKind::Resolved),
    ]);
    // Two and a half hours on the wall clock, but one and a half really passed.
    assert_eq!(m.time_to_resolve, Some(90 * 60));
    assert_eq!(
        format_duration(m.time_to_resolve.expect("set"), Language::En),
        "1 h 30 min"
    );
    assert_eq!(m.impact_duration(), m.time_to_resolve);
}

#[test]
fn wall_times_in_the_gap_and_the_overlap_resolve_like_browsers() {
    // 02:30 does not exist on 2023-03-12: read with the offset before the change.
    let gap = Timestamp::from_local(local("2023-03-12T02:30"), los_angeles);
    assert_eq!(gap.local().time_string(), "03:30");
    assert_eq!(gap.offset_minutes, -420);
    // 01:30 happens twice on 2023-11-05: the earlier instant (still PDT) wins.
    let overlap = Timestamp::from_local(local("2023-11-05T01:30"), los_angeles);
    assert_eq!(overlap.offset_minutes, -420);
    assert_eq!(overlap.to_rfc3339(), "2023-11-05T01:30:00-07:00");
}

#[test]
fn durations_across_midnight_and_zones_and_the_report_shows_dates() {
    let cet = |_: i64| 60;
    let start = Timestamp::from_local(local("2024-12-31T23:00"), cet);
    let detected = Timestamp::parse_rfc3339("2024-12-31T22:20:00Z").expect("utc");
    let mitigated = Timestamp::from_local(local("2025-01-01T01:00"), cet);
    let resolved = Timestamp::from_local(local("2025-01-01T02:15"), cet);
    let events = vec![
        event(resolved, EventKind::Resolved),
        event(start, EventKind::ImpactStarted),
        event(mitigated, EventKind::Mitigated),
        event(detected, EventKind::Detected),
    ];
    let m = TimelineMetrics::of(&events);
    assert_eq!(m.time_to_detect, Some(20 * 60));
    assert_eq!(m.time_to_mitigate, Some(2 * 3600));
    assert_eq!(m.time_to_resolve, Some(3 * 3600 + 15 * 60));
    assert!(spans_days(&events));

    let doc = Postmortem {
        timeline: events,
        ..Postmortem::default()
    };
    let md = section_markdown(&doc, SectionId::Timeline);
    let first_row = md
        .lines()
        .find(|l| l.contains("ImpactStarted"))
        .expect("row");
    assert!(first_row.starts_with("| 2024-12-31 23:00"), "{md}");
    // One event was written in UTC, so each row names its offset.
    assert!(md.contains("| 2024-12-31 22:20 (UTC+00:00) |"), "{md}");
    assert!(md.contains("| Time to resolve | 3 h 15 min |"), "{md}");
}

#[test]
fn the_report_names_offsets_when_an_incident_spans_a_dst_change() {
    let mut doc = Postmortem::default();
    doc.header.time_zone = "America/Los_Angeles".into();
    doc.timeline = vec![
        event(
            Timestamp::from_local(local("2023-03-12T01:30"), los_angeles),
            EventKind::ImpactStarted,
        ),
        event(
            Timestamp::from_local(local("2023-03-12T04:00"), los_angeles),
            EventKind::Resolved,
        ),
    ];
    let md = section_markdown(&doc, SectionId::Timeline);
    assert!(md.contains("| 01:30 (UTC\u{2212}08:00) |"), "{md}");
    assert!(md.contains("| 04:00 (UTC\u{2212}07:00) |"), "{md}");
    assert!(md.contains("| Impact duration | 1 h 30 min |"), "{md}");
}

#[test]
fn an_action_item_is_overdue_only_when_past_due_and_not_done() {
    let item = |due: &str, done: bool| ActionItem {
        due_date: due.into(),
        done,
        ..ActionItem::default()
    };
    let today = "2024-06-15";
    assert!(item("2024-06-14", false).is_overdue(today));
    assert!(
        !item("2024-06-14", true).is_overdue(today),
        "done items are never overdue"
    );
    assert!(
        !item("2024-06-15", false).is_overdue(today),
        "due today is not yet overdue"
    );
    assert!(!item("2024-06-16", false).is_overdue(today));
    assert!(!item("", false).is_overdue(today), "no due date");
    assert!(!item("soon", false).is_overdue(today), "not a date");
}
