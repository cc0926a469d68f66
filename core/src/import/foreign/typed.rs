//! Times and events as people type or paste them on the day, read by the importer's own
//! time reader: a timeline row's time typed as `02:05` on the incident's day, and lines
//! pasted from a chat or a terminal (`02:05 Disk fails`, `[02:07] Alert fires`, a chat
//! export's `Dana Lee  2:05 PM` over its message) as one row each.

use crate::document::TimelineEvent;
use crate::time::{LocalDateTime, Timestamp};

use super::rows::{read_timeline, TimeCtx};
use super::times::parse_when;

/// A time typed in a timeline row, in the draft's zone: a time alone (`02:05`, `2:05 PM`,
/// `下午2:05`) falls on `day`; a date and time (`2024-05-02 02:05`, `2024-05-02T02:05`) on
/// its own day. `None` when it is not a time yet (half typed), or has no day to fall on.
pub fn typed_time(
    text: &str,
    day: Option<(i32, u32, u32)>,
    zone: &str,
    offset_at: &dyn Fn(&str, i64) -> i32,
) -> Option<Timestamp> {
    typed_time_as_read(text, day, None, zone, offset_at).map(|(_, t)| t)
}

/// [`typed_time`] with the wall time as typed, which differs from the instant's own when
/// the zone skips it (02:30 on the night the clocks go forward). A time alone that is more
/// than 12 hours before `after` (the row above's wall time, on `day`) is on the next day:
/// 23:50 then 00:10.
pub fn typed_time_as_read(
    text: &str,
    day: Option<(i32, u32, u32)>,
    after: Option<LocalDateTime>,
    zone: &str,
    offset_at: &dyn Fn(&str, i64) -> i32,
) -> Option<(LocalDateTime, Timestamp)> {
    let text = text.trim();
    let w = parse_when(text).filter(|w| w.time.is_some() && text[w.end..].trim().is_empty())?;
    let mut ctx = TimeCtx::new(day, None, zone, offset_at);
    if let Some(last) = after {
        ctx.after(last);
    }
    let t = ctx.stamp(&w)?;
    Some((ctx.last_local()?, t))
}

/// The day a typed instant falls on, `(year, month, day)`, as its row shows it.
pub fn local_day(t: &Timestamp) -> (i32, u32, u32) {
    let l: LocalDateTime = t.local();
    (l.year, l.month, l.day)
}

/// Lines pasted into the timeline, one event each, when two or more of them carry a time;
/// times without a date fall on `day` and run on past midnight. A chat export's header line
/// (`Dana Lee  2:05 PM`, `Dana Lee — 14:05`) takes the message under it, with the name.
pub fn pasted_events(
    text: &str,
    day: Option<(i32, u32, u32)>,
    zone: &str,
    offset_at: &dyn Fn(&str, i64) -> i32,
) -> Option<Vec<TimelineEvent>> {
    let lines = chat_to_lines(text);
    let timed = lines
        .iter()
        .filter(|l| parse_when(l.trim()).is_some_and(|w| w.time.is_some()))
        .count();
    if timed < 2 {
        return None;
    }
    let mut ctx = TimeCtx::new(day, None, zone, offset_at);
    // One paragraph of lines: each timed line is a row, an untimed one continues the row
    // before it.
    let reading = read_timeline("", &lines.join("\n"), &mut ctx);
    let events: Vec<TimelineEvent> = reading
        .events
        .into_iter()
        .map(|mut e| {
            e.event = without_leading_time(&e.event);
            e
        })
        .collect();
    (events.len() >= 2).then_some(events)
}

/// A row's text without the time it starts with ("02:05 — Disk fails" → "Disk fails"):
/// the row's time box holds it.
fn without_leading_time(text: &str) -> String {
    let t = text.trim_start().trim_start_matches('[');
    match parse_when(t) {
        Some(w) if w.time.is_some() => t[w.end..]
            .trim_start_matches([']', ')', ' ', '-', '—', '–', ':', '：', '|'])
            .trim()
            .to_owned(),
        _ => text.trim().to_owned(),
    }
}

/// Lines with a chat export's header lines (a name, then a time, alone on the line) turned
/// into `time name: message` lines (`name：message` in Chinese); any other text as it is,
/// one line each.
fn chat_to_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut header: Option<(String, String)> = None;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        if let Some((name, time)) = chat_header(line) {
            header = Some((name, time));
            continue;
        }
        match header.take() {
            Some((name, time)) => {
                // A Chinese message takes the full-width colon, with no space after it.
                let message = line.trim();
                let colon = if message.chars().any(crate::text::is_cjk) {
                    "："
                } else {
                    ": "
                };
                out.push(format!("{time} {name}{colon}{message}"));
            }
            None => out.push(line.trim().to_owned()),
        }
    }
    out
}

/// A chat export's header: a short name, then a time that ends the line ("Dana Lee  2:05
/// PM", "林志豪 — 14:05", "dana [02:05]").
fn chat_header(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    // A line that starts with its time is a row, not a header.
    if parse_when(t).is_some_and(|w| w.time.is_some()) {
        return None;
    }
    let time_at = t.char_indices().map(|(i, _)| i).find(|&i| {
        parse_when(t[i..].trim_start_matches('['))
            .filter(|w| w.time.is_some())
            .is_some_and(|w| {
                let rest = &t[i..].trim_start_matches('[')[w.end..];
                rest.trim_matches([']', ' ']).is_empty()
            })
            && (i == 0 || !t[..i].ends_with(|c: char| c.is_ascii_digit()))
    })?;
    let name = t[..time_at]
        .trim_end_matches([' ', '—', '–', '-', '[', '·'])
        .trim();
    let time = t[time_at..].trim_matches(['[', ']', ' ']);
    (!name.is_empty() && name.chars().count() <= 40).then(|| (name.to_owned(), time.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(_: &str, _: i64) -> i32 {
        0
    }

    fn at(t: Option<Timestamp>) -> Option<String> {
        t.map(|t| t.to_rfc3339())
    }

    #[test]
    fn a_time_alone_falls_on_the_day_given() {
        let day = Some((2024, 5, 2));
        for (typed, want) in [
            ("02:05", "2024-05-02T02:05:00+00:00"),
            ("2:05 PM", "2024-05-02T14:05:00+00:00"),
            ("下午2:05", "2024-05-02T14:05:00+00:00"),
            ("2024-05-03 02:05", "2024-05-03T02:05:00+00:00"),
            ("2024-05-03T02:05", "2024-05-03T02:05:00+00:00"),
        ] {
            assert_eq!(
                at(typed_time(typed, day, "UTC", &utc)).as_deref(),
                Some(want),
                "{typed}"
            );
        }
        assert_eq!(typed_time("02:", day, "UTC", &utc), None, "half typed");
        let late = LocalDateTime::parse("2024-05-02T23:50");
        let (_, t) = typed_time_as_read("00:10", day, late, "UTC", &utc).expect("a time");
        assert_eq!(
            at(Some(t)).as_deref(),
            Some("2024-05-03T00:10:00+00:00"),
            "past midnight"
        );
        let (_, t) = typed_time_as_read("23:55", day, late, "UTC", &utc).expect("a time");
        assert_eq!(at(Some(t)).as_deref(), Some("2024-05-02T23:55:00+00:00"));
        assert_eq!(typed_time("02:05 and more", day, "UTC", &utc), None);
    }

    #[test]
    fn pasted_lines_become_one_event_each_in_both_languages() {
        let day = Some((2024, 5, 2));
        let rows = pasted_events(
            "02:05 Disk fails\n[02:07] Alert fires\n  and pages the on-call\n23:59 Still down\n00:10 Back up",
            day,
            "UTC",
            &utc,
        )
        .expect("rows");
        let got: Vec<(Option<String>, &str)> = rows
            .iter()
            .map(|e| (at(e.time), e.event.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("2024-05-02T02:05:00+00:00".into()), "Disk fails"),
                (
                    Some("2024-05-02T02:07:00+00:00".into()),
                    "Alert fires and pages the on-call"
                ),
                (Some("2024-05-02T23:59:00+00:00".into()), "Still down"),
                (Some("2024-05-03T00:10:00+00:00".into()), "Back up"),
            ]
        );
        let zh = pasted_events("02:05 磁碟故障\n02:07 告警觸發", day, "UTC", &utc).expect("rows");
        assert_eq!(zh[1].event, "告警觸發");
        assert_eq!(pasted_events("just one line 02:05", day, "UTC", &utc), None);
        assert_eq!(
            pasted_events("Disk fails\nAlert fires", day, "UTC", &utc),
            None
        );
    }

    #[test]
    fn a_chat_export_gives_each_message_its_sender_and_time() {
        let day = Some((2024, 5, 2));
        let rows = pasted_events(
            "Dana Lee  2:05 PM\nDisk on db-1 is failing\n林志豪 — 14:07\n切換到備援",
            day,
            "UTC",
            &utc,
        )
        .expect("rows");
        assert_eq!(
            at(rows[0].time).as_deref(),
            Some("2024-05-02T14:05:00+00:00")
        );
        assert_eq!(rows[0].event, "Dana Lee: Disk on db-1 is failing");
        assert_eq!(rows[1].event, "林志豪：切換到備援");
    }
}
