//! Timeline metrics: time to detect, mitigate and resolve, derived from the events' kinds.

use crate::document::{EventKind, TimelineEvent};
use crate::time::Timestamp;

/// Durations in seconds measured from the first "impact started" event; `None` when an event
/// kind is missing or has no time, and when the event comes before impact started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimelineMetrics {
    /// Detected − impact started.
    pub time_to_detect: Option<i64>,
    /// Mitigated − impact started.
    pub time_to_mitigate: Option<i64>,
    /// Resolved − impact started.
    pub time_to_resolve: Option<i64>,
}

impl TimelineMetrics {
    /// Impact duration is, by definition, the time to resolve.
    pub fn impact_duration(&self) -> Option<i64> {
        self.time_to_resolve
    }

    /// The metrics of a timeline, taking the earliest event of each kind.
    pub fn of(events: &[TimelineEvent]) -> Self {
        let first = |kind: EventKind| -> Option<Timestamp> {
            events
                .iter()
                .filter(|e| e.kind == kind)
                .filter_map(|e| e.time)
                .min()
        };
        let start = first(EventKind::ImpactStarted);
        // A negative duration is never a measurement: the times are in the wrong order (or a
        // canary caught the fault before users felt it). The report shows "—" for it, and the
        // review's timeline-order check says why.
        let since_start = |kind| {
            let d = first(kind)?.utc - start?.utc;
            (d >= 0).then_some(d)
        };
        Self {
            time_to_detect: since_start(EventKind::Detected),
            time_to_mitigate: since_start(EventKind::Mitigated),
            time_to_resolve: since_start(EventKind::Resolved),
        }
    }
}

/// The events ordered by time, events without a time last, in their typed order otherwise.
pub fn sorted_by_time(events: &[TimelineEvent]) -> Vec<&TimelineEvent> {
    let mut sorted: Vec<&TimelineEvent> = events.iter().collect();
    // A stable sort keeps the user's order among equal times.
    crate::sort::sort_by_key(&mut sorted, |e| (e.time.is_none(), e.time.map(|t| t.utc)));
    sorted
}

/// Whether the timed events fall on more than one local day, so dates must be shown.
pub fn spans_days(events: &[TimelineEvent]) -> bool {
    let mut days = events
        .iter()
        .filter_map(|e| e.time)
        .map(|t| t.local().date_string());
    match days.next() {
        Some(first) => days.any(|d| d != first),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, kind: EventKind) -> TimelineEvent {
        TimelineEvent {
            time: Timestamp::parse_rfc3339(text),
            event: format!("{kind:?}"),
            kind,
            link: String::new(),
        }
    }

    #[test]
    fn metrics_measure_from_impact_start_across_offsets() {
        let events = [
            at("2023-03-20T10:00:00-07:00", EventKind::Resolved),
            at("2023-03-20T01:00:00-07:00", EventKind::ImpactStarted),
            at("2023-03-20T08:40:00-07:00", EventKind::Detected),
            // The same instant written in UTC.
            at("2023-03-20T16:50:00Z", EventKind::Mitigated),
        ];
        let m = TimelineMetrics::of(&events);
        assert_eq!(m.time_to_detect, Some(7 * 3600 + 40 * 60));
        assert_eq!(m.time_to_mitigate, Some(8 * 3600 + 50 * 60));
        assert_eq!(m.time_to_resolve, Some(9 * 3600));
        assert_eq!(m.impact_duration(), m.time_to_resolve);
    }

    #[test]
    fn a_duration_is_never_negative() {
        let m = TimelineMetrics::of(&[
            at("2023-03-20T09:00:00Z", EventKind::ImpactStarted),
            at("2023-03-20T08:00:00Z", EventKind::Detected),
            at("2023-03-20T08:30:00Z", EventKind::Resolved),
            at("2023-03-20T09:00:00Z", EventKind::Mitigated),
        ]);
        assert_eq!(m.time_to_detect, None);
        assert_eq!(m.time_to_resolve, None);
        assert_eq!(m.impact_duration(), None);
        // The same instant is a duration of zero, not a wrong order.
        assert_eq!(m.time_to_mitigate, Some(0));
    }

    #[test]
    fn missing_kinds_give_none() {
        let m = TimelineMetrics::of(&[at("2023-03-20T08:40:00Z", EventKind::Detected)]);
        assert_eq!(m, TimelineMetrics::default());
    }

    #[test]
    fn sorting_is_by_instant_with_untimed_last() {
        let mut untimed = at("x", EventKind::Other);
        untimed.event = "untimed".into();
        let events = [
            untimed,
            at("2023-03-20T09:00:00Z", EventKind::Resolved),
            at("2023-03-20T01:00:00-07:00", EventKind::ImpactStarted),
        ];
        let order: Vec<EventKind> = sorted_by_time(&events).iter().map(|e| e.kind).collect();
        assert_eq!(
            order,
            [
                EventKind::ImpactStarted,
                EventKind::Resolved,
                EventKind::Other
            ]
        );
        assert!(!spans_days(&events[1..]));
        assert!(spans_days(&[
            at("2023-03-20T23:30:00Z", EventKind::Other),
            at("2023-03-21T00:30:00Z", EventKind::Other)
        ]));
    }
}
