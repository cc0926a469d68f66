//! Structure from content: timeline rows from time/event tables, `HH:MM — text` lists and
//! timestamp headings; action items from action/owner/due tables, task lists and lists.
//!
//! Nothing is dropped: a row keeps the original text of every cell that its fields do not
//! carry word for word (a time as written, a status, "High" read as P1, a due date written
//! "June 1"), and blocks that are not rows come back as Markdown for Supporting information.

use super::split::{block_source, blocks, keep_inline, marker_len, Block, BlockKind};
use super::tables::{
    cell_key, column, table_cells, CLOCK_COLUMNS, DATE_ONLY_COLUMNS, EVENT_COLUMNS, TIME_COLUMNS,
};
use super::times::{
    due_date, find_column_zone, find_day, find_zone, instant, next_day, parse_when, Day, When, Zone,
};
use crate::choice::Choice;
use crate::document::{ActionItem, ActionType, EventKind, Priority, TimelineEvent};
use crate::markdown::escape::split_row;
use crate::time::{LocalDateTime, Timestamp};

/// What times are read against: the day and zone the text gave last, and the draft's zone.
pub(crate) struct TimeCtx<'a> {
    pub day: Option<(i32, u32, u32)>,
    pub year: Option<i32>,
    pub zone: Option<Zone>,
    pub doc_zone: String,
    pub offset_at: &'a dyn Fn(&str, i64) -> i32,
    last: Option<LocalDateTime>,
    /// A note gave the day every row without its own date is on ("Unless otherwise noted all
    /// events happened on 2019-10-21"): a row's own date does not change it.
    default_day: bool,
}

/// Words that make a date in a note the default for every row ("unless otherwise noted").
const DEFAULT_DAY_CUES: &[&str] = &["unless otherwise", "unless noted", "除非另有", "除另有註明"];

impl Clone for TimeCtx<'_> {
    fn clone(&self) -> Self {
        Self {
            default_day: self.default_day,
            day: self.day,
            year: self.year,
            zone: self.zone.clone(),
            doc_zone: self.doc_zone.clone(),
            offset_at: self.offset_at,
            last: self.last,
        }
    }
}

impl<'a> TimeCtx<'a> {
    /// A context with the incident's day, in the draft's zone.
    pub fn new(
        day: Option<(i32, u32, u32)>,
        zone: Option<Zone>,
        doc_zone: &str,
        offset_at: &'a dyn Fn(&str, i64) -> i32,
    ) -> Self {
        Self {
            day,
            year: day.map(|(y, _, _)| y),
            zone,
            doc_zone: doc_zone.to_owned(),
            offset_at,
            last: None,
            default_day: false,
        }
    }

    fn full(&self, d: Day) -> Option<(i32, u32, u32)> {
        match d {
            Day::Full(y, m, d) => Some((y, m, d)),
            Day::NoYear(m, d) => {
                let y = self.day.map(|(y, _, _)| y).or(self.year)?;
                crate::time::parse_date(&format!("{y:04}-{m:02}-{d:02}")).map(|_| (y, m, d))
            }
        }
    }

    /// Takes the day and zone a note or heading names ("All times UTC", "2015-10-21").
    pub fn note(&mut self, text: &str) {
        if let Some(z) = find_zone(text) {
            self.zone = Some(z);
        }
        if let Some(d) = find_day(text).and_then(|d| self.full(d)) {
            self.day = Some(d);
            self.year = Some(d.0);
            self.last = None;
            let lower = text.to_lowercase();
            self.default_day = DEFAULT_DAY_CUES.iter().any(|c| lower.contains(c));
        }
    }

    /// The instant a date and time stand for, or `None` without a time or a day.
    /// The wall time the last stamped time was read as, before any zone's rules moved it.
    pub fn last_local(&self) -> Option<LocalDateTime> {
        self.last
    }

    /// Reads the next time as coming after `last` (a time of day far before it is on the
    /// next day).
    pub fn after(&mut self, last: LocalDateTime) {
        self.last = Some(last);
    }

    pub fn stamp(&mut self, w: &When) -> Option<Timestamp> {
        let explicit = w.day.and_then(|d| self.full(d));
        if let Some(d) = explicit {
            if !self.default_day {
                self.day = Some(d);
            }
            self.year = Some(d.0);
        }
        if let Some(z) = &w.zone {
            // A zone written once holds for the rows after it.
            self.zone = Some(z.clone());
        }
        let (hour, minute, second) = w.time?;
        let mut day = explicit.or(self.day)?;
        if explicit.is_none() {
            // 23:50 then 00:10: the second is the next day.
            if let Some(last) = self.last {
                let same_day = (last.year, last.month, last.day) == day;
                let back = i64::from(last.hour * 3600 + last.minute * 60 + last.second)
                    - i64::from(hour * 3600 + minute * 60 + second);
                if same_day && back > 12 * 3600 {
                    day = next_day(day);
                    self.day = Some(day);
                }
            }
        }
        let local = LocalDateTime {
            year: day.0,
            month: day.1,
            day: day.2,
            hour,
            minute,
            second,
        };
        let zone = self
            .zone
            .clone()
            .unwrap_or_else(|| Zone::Named(self.doc_zone.clone()));
        let utc = instant(local, &zone, self.offset_at);
        self.last = Some(local);
        Some(Timestamp {
            utc,
            offset_minutes: (self.offset_at)(&self.doc_zone, utc),
        })
    }
}

/// A part read as timeline rows: the events, and the Markdown that holds no rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct TimelineReading {
    pub events: Vec<TimelineEvent>,
    pub rest: String,
}

/// The tables of words and column names, named, for the test of their form.
#[cfg(test)]
pub(super) fn phrase_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        (
            "rows::KIND_WORDS",
            KIND_WORDS.iter().map(|(k, _)| *k).collect(),
        ),
        ("rows::TIME_COLUMNS", TIME_COLUMNS.to_vec()),
        ("rows::DATE_ONLY_COLUMNS", DATE_ONLY_COLUMNS.to_vec()),
        ("rows::CLOCK_COLUMNS", CLOCK_COLUMNS.to_vec()),
        ("rows::EVENT_COLUMNS", EVENT_COLUMNS.to_vec()),
        ("rows::KIND_COLUMNS", KIND_COLUMNS.to_vec()),
        ("rows::LINK_COLUMNS", LINK_COLUMNS.to_vec()),
        ("rows::ACTION_COLUMNS", ACTION_COLUMNS.to_vec()),
        ("rows::OWNER_COLUMNS", OWNER_COLUMNS.to_vec()),
        ("rows::DUE_COLUMNS", DUE_COLUMNS.to_vec()),
        ("rows::PRIORITY_COLUMNS", PRIORITY_COLUMNS.to_vec()),
        ("rows::STATUS_COLUMNS", STATUS_COLUMNS.to_vec()),
        ("rows::TYPE_COLUMNS", TYPE_COLUMNS.to_vec()),
        ("rows::INDEX_COLUMNS", INDEX_COLUMNS.to_vec()),
        ("rows::DONE_WORDS", DONE_WORDS.to_vec()),
    ]
}

/// Words that say what kind of moment an event was, searched in the event's text.
const KIND_WORDS: &[(&str, EventKind)] = &[
    ("impact start", EventKind::ImpactStarted),
    ("impact began", EventKind::ImpactStarted),
    ("impact begins", EventKind::ImpactStarted),
    ("outage begins", EventKind::ImpactStarted),
    ("outage began", EventKind::ImpactStarted),
    ("outage start", EventKind::ImpactStarted),
    ("errors start", EventKind::ImpactStarted),
    ("errors began", EventKind::ImpactStarted),
    ("started failing", EventKind::ImpactStarted),
    ("began failing", EventKind::ImpactStarted),
    ("start of impact", EventKind::ImpactStarted),
    ("first failed", EventKind::ImpactStarted),
    ("first error", EventKind::ImpactStarted),
    ("errors begin", EventKind::ImpactStarted),
    ("影響開始", EventKind::ImpactStarted),
    ("開始出現", EventKind::ImpactStarted),
    ("異常開始", EventKind::ImpactStarted),
    ("開始異常", EventKind::ImpactStarted),
    ("開始上升", EventKind::ImpactStarted),
    ("開始失敗", EventKind::ImpactStarted),
    ("開始逾時", EventKind::ImpactStarted),
    ("outage starts", EventKind::ImpactStarted),
    ("incident begins", EventKind::ImpactStarted),
    ("incident began", EventKind::ImpactStarted),
    ("incident starts", EventKind::ImpactStarted),
    ("errors climb", EventKind::ImpactStarted),
    ("errors spike", EventKind::ImpactStarted),
    ("status page", EventKind::StatusPageUpdated),
    ("statuspage", EventKind::StatusPageUpdated),
    ("狀態頁", EventKind::StatusPageUpdated),
    ("alert", EventKind::Detected),
    ("paged", EventKind::Detected),
    ("page fired", EventKind::Detected),
    ("detected", EventKind::Detected),
    ("noticed", EventKind::Detected),
    ("investigating", EventKind::Detected),
    ("reported", EventKind::Detected),
    ("告警", EventKind::Detected),
    ("收到回報", EventKind::Detected),
    ("調查中", EventKind::Detected),
    ("偵測到", EventKind::Detected),
    ("發現", EventKind::Detected),
    ("escalat", EventKind::Escalated),
    ("declared", EventKind::Escalated),
    ("incident commander", EventKind::Escalated),
    ("升級", EventKind::Escalated),
    ("宣告", EventKind::Escalated),
    ("召集", EventKind::Escalated),
    ("mitigat", EventKind::Mitigated),
    ("rolled back", EventKind::Mitigated),
    ("rollback", EventKind::Mitigated),
    ("roll back", EventKind::Mitigated),
    ("reverted", EventKind::Mitigated),
    ("monitoring", EventKind::Mitigated),
    ("failover", EventKind::Mitigated),
    ("failed over", EventKind::Mitigated),
    ("緩解", EventKind::Mitigated),
    ("回滾", EventKind::Mitigated),
    ("止血", EventKind::Mitigated),
    ("觀察中", EventKind::Mitigated),
    ("resolved", EventKind::Resolved),
    ("fully recovered", EventKind::Resolved),
    ("all clear", EventKind::Resolved),
    ("all-clear", EventKind::Resolved),
    ("outage ends", EventKind::Resolved),
    ("incident ends", EventKind::Resolved),
    ("incident ended", EventKind::Resolved),
    ("outage ended", EventKind::Resolved),
    ("impact ends", EventKind::Resolved),
    ("impact ended", EventKind::Resolved),
    ("back to normal", EventKind::Resolved),
    ("incident closed", EventKind::Resolved),
    ("恢復正常", EventKind::Resolved),
    ("完全恢復", EventKind::Resolved),
    ("解決", EventKind::Resolved),
    ("結案", EventKind::Resolved),
];

/// Kinds a moment's label names ("Start time (detected)", "End time", 開始時間): the first
/// row whose word starts a word of the label decides, so a qualifier ("detected") wins
/// over "start".
const LABEL_KINDS: &[(&str, EventKind)] = &[
    ("detect", EventKind::Detected),
    ("偵測", EventKind::Detected),
    ("發現", EventKind::Detected),
    ("mitigat", EventKind::Mitigated),
    ("緩解", EventKind::Mitigated),
    ("resolv", EventKind::Resolved),
    ("end", EventKind::Resolved),
    ("結束", EventKind::Resolved),
    ("恢復", EventKind::Resolved),
    ("impact", EventKind::ImpactStarted),
    ("start", EventKind::ImpactStarted),
    ("begin", EventKind::ImpactStarted),
    ("開始", EventKind::ImpactStarted),
];

/// A row from a moment under a label ("**Start time (detected):** 2026-07-12T20:43:00Z"),
/// its kind from the label's words.
fn labelled_event(line: &str, ctx: &mut TimeCtx<'_>) -> Option<TimelineEvent> {
    let (label, at) = super::split::timed_label(line)?;
    let w = parse_when(line[at..].trim_end())?;
    let mut e = event(ctx.stamp(&w), flatten(line));
    let lower = label.to_lowercase();
    e.kind = LABEL_KINDS
        .iter()
        .find(|(word, _)| first_at(&lower, word).is_some())
        .map_or(EventKind::Other, |(_, k)| *k);
    Some(e)
}

/// Where `word` first starts a word in `lower` (Chinese words anywhere).
fn first_at(lower: &str, word: &str) -> Option<usize> {
    crate::text::find_word_start(lower, word, 0)
}

/// The kind an event's text suggests: the kind whose word comes first.
pub(crate) fn infer_kind(text: &str) -> EventKind {
    let lower = text.to_lowercase();
    KIND_WORDS
        .iter()
        .filter_map(|(w, k)| first_at(&lower, w).map(|at| (at, *k)))
        .min_by_key(|(at, _)| *at)
        .map_or(EventKind::Other, |(_, k)| k)
}

/// A choice named by its label in either language or stored form, in any case.
fn choice_named<C: Choice>(text: &str) -> Option<C> {
    let t = text.trim().to_lowercase();
    C::ALL.iter().copied().find(|c| {
        c.value().to_lowercase() == t
            || c.words().en.to_lowercase() == t
            || c.words().zh == text.trim()
    })
}

/// Words, folded: what "the same words" compares.
pub(crate) fn words(text: &str) -> Vec<String> {
    crate::text::words(text)
}

/// Whether a stored value carries the original text word for word, so keeping the original
/// beside it would add nothing.
pub(crate) fn same_words(original: &str, stored: &str) -> bool {
    words(original) == words(stored)
}

/// One line from Markdown: lines trimmed and joined by spaces, hard-break backslashes
/// removed. Markers of nested lists stay: they are only punctuation in one line.
pub(crate) fn flatten(md: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in md.lines() {
        let t = line.trim();
        let t = t.strip_suffix('\\').unwrap_or(t).trim_end();
        if !t.is_empty() {
            out.push(t.to_owned());
        }
    }
    out.join(" ")
}

/// The entries a list field takes from Markdown: list items, paragraphs and table rows,
/// each on one line that reads as text (a code block's fence does not open one there).
pub(crate) fn entries(text: &str) -> Vec<String> {
    raw_entries(text).iter().map(|e| keep_inline(e)).collect()
}

pub(crate) fn raw_entries(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for b in blocks(text) {
        let src = &text[b.range.clone()];
        match b.kind {
            BlockKind::List => {
                for item in &b.items {
                    let e = item_text(&text[item.range.clone()]);
                    if !e.is_empty() {
                        out.push(e);
                    }
                }
            }
            BlockKind::Table => {
                for (i, line) in src.lines().enumerate() {
                    if i == 1 {
                        continue;
                    }
                    let e = split_row(line).join(" — ");
                    if !e.trim().is_empty() {
                        out.push(e);
                    }
                }
            }
            BlockKind::Rule => {}
            // Code stays code, in a span, so `&amp;` keeps reading as written.
            BlockKind::Code => {
                let code = b.text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !code.is_empty() {
                    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                    let fence = "`".repeat(longest + 1);
                    out.push(format!("{fence} {code} {fence}"));
                }
            }
            // Raw HTML is shown as text in a field; in one line it must not start a tag.
            BlockKind::Html => {
                let e = flatten(src).replace('<', "\\<");
                if !e.is_empty() {
                    out.push(e);
                }
            }
            _ => {
                let e = flatten(src);
                if !e.is_empty() {
                    out.push(e);
                }
            }
        }
    }
    out
}

/// The text of a list item, its marker and task box left out.
pub(crate) fn item_text(src: &str) -> String {
    let (first, rest) = src.split_once('\n').unwrap_or((src, ""));
    let first = &first[marker_len(first)..];
    flatten(&format!("{first}\n{rest}"))
}

const KIND_COLUMNS: &[&str] = &[
    "kind", "type", "status", "phase", "category", "類型", "狀態", "階段",
];
const LINK_COLUMNS: &[&str] = &[
    "link",
    "links",
    "url",
    "evidence",
    "source",
    "reference",
    "ref",
    "ticket",
    "tracking",
    "tracking link",
    "bug",
    "issue",
    "jira",
    "連結",
    "參考",
    "佐證",
    "追蹤",
    "追蹤連結",
    "工單",
    "單號",
];

/// A link cell's URL, and its text when that differs from the URL.
fn link_of(cell: &str) -> (String, Option<String>) {
    let c = cell.trim();
    if let Some(inner) = c.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        return (inner.to_owned(), None);
    }
    if let Some(rest) = c.strip_prefix('[') {
        if let Some((text, after)) = rest.split_once("](") {
            let url = after
                .trim_end_matches(')')
                .trim_matches(['<', '>'])
                .to_owned();
            let text = text.to_owned();
            return if text == url {
                (url, None)
            } else {
                (url, Some(text))
            };
        }
    }
    (c.to_owned(), None)
}

/// A text with `(Name: value)` appended for each extra cell.
fn with_extras(mut text: String, extras: &[(String, String)]) -> String {
    for (name, value) in extras {
        if value.trim().is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        if name.trim().is_empty() {
            text.push_str(&format!("({})", value.trim()));
        } else {
            text.push_str(&format!("({}: {})", name.trim(), value.trim()));
        }
    }
    text
}

/// A table of time and event columns as rows, or `None` when it is not one.
fn timeline_table(src: &str, ctx: &mut TimeCtx<'_>) -> Option<Vec<TimelineEvent>> {
    let (header, rows) = table_cells(src);
    let keys: Vec<String> = header.iter().map(|h| cell_key(h)).collect();
    let mut time_col = column(&keys, TIME_COLUMNS);
    if time_col.is_none() {
        let timed = rows
            .iter()
            .filter(|r| {
                r.first()
                    .and_then(|c| parse_when(c))
                    .is_some_and(|w| w.time.is_some())
            })
            .count();
        if !rows.is_empty() && timed * 2 >= rows.len() {
            time_col = Some(0);
        }
    }
    let time_col = time_col?;
    // "| Date | Time | Event |": the day and the clock are read together.
    let clock_col = (DATE_ONLY_COLUMNS.contains(&keys[time_col].as_str()))
        .then(|| column(&keys, CLOCK_COLUMNS))
        .flatten()
        .filter(|c| *c != time_col);
    for c in [Some(time_col), clock_col].into_iter().flatten() {
        if let Some(z) = header.get(c).and_then(|h| find_column_zone(h)) {
            ctx.zone = Some(z);
        }
    }
    let taken = |c: &usize| *c != time_col && Some(*c) != clock_col;
    let kind_col = column(&keys, KIND_COLUMNS).filter(taken);
    let link_col = column(&keys, LINK_COLUMNS).filter(taken);
    let event_col = column(&keys, EVENT_COLUMNS).filter(taken).or_else(|| {
        (0..header.len())
            .filter(taken)
            .find(|c| ![kind_col, link_col].contains(&Some(*c)))
    });
    let events = rows
        .iter()
        .map(|row| {
            let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).cloned().unwrap_or_default();
            let mut time_text = cell(Some(time_col));
            let clock = cell(clock_col);
            if !clock.trim().is_empty() {
                time_text = format!("{} {}", time_text.trim(), clock.trim());
            }
            let time = parse_when(&time_text).and_then(|w| ctx.stamp(&w));
            let mut text = time_text.trim().to_owned();
            let event = cell(event_col);
            if !event.trim().is_empty() {
                if !text.is_empty() {
                    text.push_str(" — ");
                }
                text.push_str(event.trim());
            }
            let mut extras = Vec::new();
            let (link, link_text) = link_of(&cell(link_col));
            if let Some(t) = link_text {
                extras.push((String::new(), t));
            }
            let kind_text = cell(kind_col);
            let kind = choice_named::<EventKind>(&kind_text)
                .or_else(|| (!kind_text.trim().is_empty()).then(|| infer_kind(&kind_text)))
                .filter(|k| *k != EventKind::Other || kind_text.trim().is_empty())
                .unwrap_or_else(|| infer_kind(&text));
            // The status as written stays with the row.
            if let Some(c) = kind_col {
                extras.push((header[c].clone(), kind_text));
            }
            for (c, value) in row.iter().enumerate() {
                if ![Some(time_col), clock_col, event_col, kind_col, link_col].contains(&Some(c)) {
                    extras.push((header.get(c).cloned().unwrap_or_default(), value.clone()));
                }
            }
            TimelineEvent {
                time,
                event: with_extras(text, &extras),
                kind,
                link,
            }
        })
        .collect();
    Some(events)
}

/// Whether a date-only line is only a date and a zone note ("2015-10-21 (all times UTC)").
fn only_a_day(text: &str, w: &When) -> bool {
    w.time.is_none()
        && text[w.end..]
            .trim()
            .trim_start_matches(['(', '（', '-', '—', ':'])
            .trim_end_matches([')', '）'])
            .split_whitespace()
            .count()
            <= 4
        && (text[w.end..].trim().is_empty() || find_zone(&text[w.end..]).is_some())
}

fn event(time: Option<Timestamp>, text: String) -> TimelineEvent {
    TimelineEvent {
        time,
        kind: infer_kind(&text),
        event: text,
        link: String::new(),
    }
}

/// Reads a part as timeline rows. A heading with a time is one event, its text what follows
/// it; otherwise the heading may name the day and zone of the rows under it.
pub(crate) fn read_timeline(
    heading: &str,
    content: &str,
    ctx: &mut TimeCtx<'_>,
) -> TimelineReading {
    let mut out = TimelineReading::default();
    let heading = heading.trim();
    if let Some(w) = parse_when(heading) {
        if w.time.is_some() {
            let time = ctx.stamp(&w);
            let mut text = heading.to_owned();
            // The text under the heading, in one line that reads as it did.
            let body = raw_entries(content).join(" ");
            if !body.is_empty() {
                text.push_str(if heading[w.end..].trim().is_empty() {
                    " — "
                } else {
                    ": "
                });
                text.push_str(&body);
            }
            out.events.push(event(time, text));
            return out;
        }
        ctx.stamp(&w);
        ctx.note(&heading[w.end..]);
    } else if !heading.is_empty() {
        ctx.note(heading);
    }
    let all = blocks(content);
    if find_zone(heading).is_none() {
        // "All times are UTC." holds for the rows above it too.
        let note = all
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .flat_map(|b| content[b.range.clone()].lines())
            .filter(|l| parse_when(l).is_none_or(|w| w.time.is_none()))
            .find_map(find_zone);
        if let Some(z) = note {
            ctx.zone = Some(z);
        }
    }
    let mut rest: Vec<String> = Vec::new();
    for b in all {
        let src = &content[b.range.clone()];
        match b.kind {
            BlockKind::Table => match timeline_table(src, ctx) {
                Some(events) => out.events.extend(events),
                None => rest.push(block_source(content, b.range.clone()).trim_end().to_owned()),
            },
            BlockKind::List => list_rows(content, &b, ctx, &mut out.events, &mut rest),
            BlockKind::Paragraph if super::split::is_status_update(src) => {
                // A status page's update: the event reads time first, then the update.
                if let Some((when, text)) = super::split::status_update(src) {
                    let time = parse_when(when.trim()).and_then(|w| ctx.stamp(&w));
                    let words: Vec<String> = text.iter().map(|l| flatten(l)).collect();
                    let words = words.join(" ");
                    let mut e = event(time, format!("{} — {words}", flatten(when)));
                    e.kind = infer_kind(&words);
                    out.events.push(e);
                }
            }
            BlockKind::Paragraph => {
                let mut notes: Vec<&str> = Vec::new();
                let mut open: Option<usize> = None;
                for line in src.lines() {
                    let w = parse_when(line);
                    match w {
                        Some(w) if w.time.is_some() => {
                            let time = ctx.stamp(&w);
                            out.events.push(event(time, flatten(line)));
                            open = Some(out.events.len() - 1);
                        }
                        Some(w) if only_a_day(line, &w) => {
                            ctx.stamp(&w);
                            ctx.note(&line[w.end..]);
                            notes.push(line);
                            open = None;
                        }
                        None if super::split::timed_label(line).is_some() => {
                            out.events.extend(labelled_event(line, ctx));
                            open = None;
                        }
                        _ => match open {
                            Some(i) => {
                                let e = &mut out.events[i];
                                e.event.push(' ');
                                e.event.push_str(&flatten(line));
                            }
                            None => {
                                ctx.note(line);
                                notes.push(line);
                            }
                        },
                    }
                }
                if !notes.is_empty() {
                    rest.push(notes.join("\n"));
                }
            }
            BlockKind::Rule => {}
            _ => rest.push(block_source(content, b.range.clone()).trim_end().to_owned()),
        }
    }
    out.rest = rest.join("\n\n");
    out
}

fn list_rows(
    content: &str,
    b: &Block,
    ctx: &mut TimeCtx<'_>,
    events: &mut Vec<TimelineEvent>,
    rest: &mut Vec<String>,
) {
    for item in &b.items {
        let src = &content[item.range.clone()];
        // A day with its events nested under it ("- **Monday, January 4**" then
        // "  - 6:57: …"): the day holds for each nested row.
        if let Some((day, nested)) = day_with_nested_list(src) {
            if let Some(w) = parse_when(&day).filter(|w| only_a_day(&day, w)) {
                ctx.stamp(&w);
                ctx.note(&day[w.end..]);
                rest.push(format!("- {day}"));
                for nb in blocks(&nested) {
                    match nb.kind {
                        BlockKind::List => list_rows(&nested, &nb, ctx, events, rest),
                        BlockKind::Rule => {}
                        _ => rest.push(
                            block_source(&nested, nb.range.clone())
                                .trim_end()
                                .to_owned(),
                        ),
                    }
                }
                continue;
            }
        }
        let text = item_text(src);
        match parse_when(&text) {
            Some(w) if w.time.is_some() => {
                let time = ctx.stamp(&w);
                events.push(event(time, text));
            }
            Some(w) if only_a_day(&text, &w) => {
                ctx.stamp(&w);
                ctx.note(&text[w.end..]);
                rest.push(format!("- {text}"));
            }
            Some(w) => {
                ctx.stamp(&w);
                events.push(event(None, text));
            }
            None => match labelled_event(&text, ctx) {
                Some(e) => events.push(e),
                None => events.push(event(None, text)),
            },
        }
    }
}

/// An item whose first line stands alone with a list nested under it: that line's text
/// (its marker removed) and the nested Markdown, unindented.
fn day_with_nested_list(src: &str) -> Option<(String, String)> {
    let (first, rest) = src.split_once('\n')?;
    let first = first[marker_len(first)..].trim();
    let indent = rest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()?;
    let nested: String = rest
        .lines()
        .map(|l| l.get(indent..).unwrap_or(l.trim_start()))
        .collect::<Vec<_>>()
        .join("\n");
    blocks(&nested)
        .first()
        .is_some_and(|b| b.kind == BlockKind::List)
        .then(|| (first.trim_matches(['*', '_']).trim().to_owned(), nested))
}

/// A part read as action items: the items, and the Markdown that holds none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ActionsReading {
    pub items: Vec<ActionItem>,
    pub rest: String,
}

const ACTION_COLUMNS: &[&str] = &[
    "action",
    "action item",
    "action items",
    "item",
    "task",
    "description",
    "what",
    "remediation",
    "todo",
    "to do",
    "follow-up",
    "行動",
    "行動項目",
    "項目",
    "改善項目",
    "待辦事項",
    "措施",
    "內容",
    "工作",
    "事項",
    "說明",
];
const OWNER_COLUMNS: &[&str] = &[
    "owner",
    "owners",
    "assignee",
    "assigned to",
    "who",
    "responsible",
    "team",
    "dri",
    "負責人",
    "負責單位",
    "負責團隊",
    "承辦人",
];
const DUE_COLUMNS: &[&str] = &[
    "due",
    "due date",
    "deadline",
    "eta",
    "target date",
    "by",
    "by when",
    "when",
    "date",
    "期限",
    "到期日",
    "截止日",
    "預計完成",
    "完成日期",
    "目標日期",
];
const PRIORITY_COLUMNS: &[&str] = &[
    "priority",
    "pri",
    "prio",
    "p",
    "優先順序",
    "優先級",
    "優先度",
];
const STATUS_COLUMNS: &[&str] = &[
    "status",
    "state",
    "done",
    "complete",
    "completed",
    "狀態",
    "進度",
    "完成",
];
const TYPE_COLUMNS: &[&str] = &["type", "kind", "category", "類型", "種類", "類別", "分類"];
const INDEX_COLUMNS: &[&str] = &["#", "no", "no.", "number", "item #", "編號", "序號", "項次"];

/// Words of a status that mean the item is done.
const DONE_WORDS: &[&str] = &[
    "done",
    "complete",
    "completed",
    "closed",
    "fixed",
    "resolved",
    "finished",
    "shipped",
    "yes",
    "y",
    "true",
    "x",
    "✅",
    "✔",
    "✔️",
    "完成",
    "已完成",
    "已解決",
    "已修復",
    "結案",
    "是",
];

/// Whether a tracking cell holds an address (`https://…`, `/browse/OPS-1`, `#42`) or a
/// ticket key (`OPS-1234`), rather than words.
fn looks_like_link(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.contains(char::is_whitespace) {
        return false;
    }
    t.contains("://")
        || t.starts_with('/')
        || t.starts_with('#')
        || t.split_once('-').is_some_and(|(key, n)| {
            key.len() >= 2
                && key
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && !n.is_empty()
                && n.chars().all(|c| c.is_ascii_digit())
        })
}

fn is_done(status: &str) -> bool {
    let s = status.trim().to_lowercase();
    DONE_WORDS.contains(&s.as_str())
}

/// Words of a status written in a note column ("Bug 5554823 **TODO**").
const STATUS_WORDS: &[&str] = &[
    "todo",
    "to do",
    "done",
    "open",
    "closed",
    "in progress",
    "wip",
    "blocked",
];

/// A note that ends with a status word: the note and the word, as written.
fn trailing_status(cell: &str) -> Option<(String, String)> {
    let t = cell.trim();
    let bare = t.trim_end_matches(['*', '_', '`']);
    let lower = bare.to_lowercase();
    let word = STATUS_WORDS.iter().find(|w| {
        lower.ends_with(*w) && crate::text::word_starts_at(&lower, lower.len() - w.len())
    })?;
    // The word as written, with its emphasis ("**TODO**"); the note before it.
    let at = bare.len() - word.len();
    let start = bare[..at].trim_end_matches(['*', '_', '`']).len();
    let note = t[..start].trim().to_owned();
    let written = t[start..].trim().to_owned();
    (!written.is_empty()).then_some((note, written))
}

/// The label a status found in another column takes: the table's own language.
fn status_label(header: &[String]) -> String {
    let zh = header.iter().any(|h| h.chars().any(crate::text::is_han));
    if zh { "狀態" } else { "Status" }.to_owned()
}

/// A priority as written: P0–P3, a number, or a word (High, 高).
fn priority(text: &str) -> Option<Priority> {
    let t = super::cells::plain(text).to_lowercase();
    let p = t.strip_prefix('p').unwrap_or(&t);
    let digit = p
        .chars()
        .next()
        .filter(|_| p.chars().nth(1).is_none_or(|c| !c.is_ascii_alphanumeric()));
    match digit {
        Some('0') => return Some(Priority::P0),
        Some('1') => return Some(Priority::P1),
        Some('2') => return Some(Priority::P2),
        Some('3') => return Some(Priority::P3),
        _ => {}
    }
    let word = t.split_whitespace().next().unwrap_or("");
    match word {
        "critical" | "urgent" | "highest" | "blocker" | "緊急" | "最高" => Some(Priority::P0),
        "high" | "高" => Some(Priority::P1),
        "medium" | "normal" | "moderate" | "中" => Some(Priority::P2),
        "low" | "lowest" | "minor" | "低" => Some(Priority::P3),
        _ => None,
    }
}

/// An action type as written: its label in either language, or a near word.
fn action_type(text: &str) -> Option<ActionType> {
    let text = super::cells::plain(text);
    choice_named::<ActionType>(&text).or_else(|| {
        let t = text.to_lowercase();
        match t.as_str() {
            "prevention" | "preventive" | "preventative" | "fix" | "repair" => {
                Some(ActionType::Prevent)
            }
            "mitigation" | "mitigative" => Some(ActionType::Mitigate),
            "detection" | "monitoring" | "alerting" | "observability" => Some(ActionType::Detect),
            "documentation" | "training" | "communication" | "policy" => Some(ActionType::Process),
            _ => None,
        }
    })
}

/// The value after a keyword in an action's text: `owner: Ana`, `due 2024-06-01`.
fn after_keyword<'t>(text: &'t str, lower: &str, keys: &[&str]) -> Option<&'t str> {
    for k in keys {
        if let Some(at) = first_at(lower, k) {
            let rest = text.get(at + k.len()..)?;
            let rest = rest.trim_start_matches([' ', ':', '：', '-', '—']);
            let end = rest
                .find([',', ';', ')', '）', '，', '；', '|', '—', '–'])
                .unwrap_or(rest.len());
            let value = rest[..end].trim();
            if !value.is_empty() {
                return Some(value);
            }
        }
    }
    None
}

/// The first date that follows one of `keys` in an action's text ("by 2024-07-01 P0").
fn due_after(text: &str, lower: &str, keys: &[&str], year: Option<i32>) -> Option<String> {
    for k in keys {
        for (at, _) in lower.match_indices(k) {
            let starts_word = !k.is_ascii() || crate::text::word_starts_at(lower, at);
            let Some(rest) = text.get(at + k.len()..) else {
                continue;
            };
            if !starts_word || rest.starts_with(|c: char| c.is_alphanumeric() && c.is_ascii()) {
                continue;
            }
            let rest = rest.trim_start_matches([' ', ':', '：', '-', '—']);
            let Some(w) = parse_when(rest).filter(|w| w.time.is_none()) else {
                continue;
            };
            if let Some(d) = due_date(&rest[..w.end], year) {
                return Some(d);
            }
        }
    }
    None
}

/// An action item from a line of text (a task or list item). The text is kept whole; owner,
/// due date and priority are read from it when it names them.
pub(crate) fn action_from_text(
    text: &str,
    done: Option<bool>,
    year: Option<i32>,
    refs: &[(String, String)],
) -> ActionItem {
    let lower = text.to_lowercase();
    let mut item = ActionItem {
        action: text.to_owned(),
        done: done.unwrap_or(false),
        ..ActionItem::default()
    };
    // "owner:" with its colon: "Add an owner field" names no owner.
    let owner = after_keyword(
        text,
        &lower,
        &[
            "owner:",
            "owner：",
            "assignee:",
            "assigned to",
            "負責人：",
            "負責人:",
            "負責：",
            "負責:",
        ],
    )
    .map(|o| {
        // "負責人：@陳怡君": the name, as a mention elsewhere gives it.
        o.split(['，', ',', '；', ';', '）', ')'])
            .next()
            .unwrap_or(o)
            .trim()
            .trim_start_matches('@')
            .to_owned()
    })
    .or_else(|| {
        // "@kenji", also inside brackets; not the @ of an email address.
        text.char_indices()
            .filter(|(i, c)| {
                *c == '@' && !text[..*i].chars().last().is_some_and(char::is_alphanumeric)
            })
            .find_map(|(i, _)| {
                let name: String = text[i + 1..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                let name = name.trim_end_matches('.');
                (!name.is_empty()).then(|| name.to_owned())
            })
    })
    .or_else(|| {
        // Hindsight's own form, "(Owner, due 2024-06-01)" / "（負責人，期限 …）".
        let open = text.rfind(['(', '（'])?;
        let inner = text[open..]
            .trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）']);
        let first = inner.split([',', '，']).next()?.trim();
        let has_due = first_at(&inner.to_lowercase(), "due").is_some() || inner.contains("期限");
        (has_due && !first.to_lowercase().starts_with("due") && !first.starts_with("期限"))
            .then(|| first.to_owned())
    })
    .or_else(|| {
        // A name in parentheses at the end: "… peaks (AWS)", "… (Dana Lee)".
        let open = text
            .trim_end()
            .strip_suffix([')', '）'])?
            .rfind(['(', '（'])?;
        let inner = text[open..]
            .trim_start_matches(['(', '（'])
            .trim_end()
            .trim_end_matches([')', '）'])
            .trim();
        let words: Vec<&str> = inner.split_whitespace().collect();
        let name_like = !words.is_empty()
            && words.len() <= 3
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '@')
                    && !w
                        .chars()
                        .any(|c| c.is_ascii_digit() || matches!(c, ':' | '/'))
            });
        // "(Done)", "(In progress)" say where the item stands, not who owns it.
        let status = STATUS_WORDS.contains(&inner.to_lowercase().as_str()) || is_done(inner);
        (name_like && !status).then(|| inner.trim_start_matches('@').to_owned())
    });
    item.owner = owner.unwrap_or_default();
    if done.is_none() && trailing_paren(text).is_some_and(is_done) {
        item.done = true;
    }
    if let Some(d) = due_after(
        text,
        &lower,
        &[
            "due by", "due on", "due", "deadline", "eta", "by", "期限", "截止", "到期", "預計",
        ],
        year,
    ) {
        item.due_date = d;
    }
    if let Some(p) = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| matches!(*w, "P0" | "P1" | "P2" | "P3"))
        .and_then(Priority::parse)
    {
        item.priority = Some(p);
    }
    // A priority word standing in front, in bold or capitals: "**HIGH** Include …".
    if item.priority.is_none() {
        let lead = text.trim_start();
        if let Some(rest) = lead.strip_prefix("**") {
            if let Some((word, _)) = rest.split_once("**") {
                item.priority = priority(word).filter(|_| word.split_whitespace().count() == 1);
            }
        }
    }
    // A link to a tracker in the text is the item's tracking link.
    if let Some(crate::trackers::TrackerRef::Link(url)) = crate::trackers::tracker_reference(text) {
        item.tracking_link = url;
    } else if let Some(url) = reference_link(text, refs) {
        // "[#11134]" with "[#11134]: https://…" defined elsewhere in the file.
        item.tracking_link = url;
    }
    item
}

/// What a text's closing parentheses hold: "… (Done)" gives "Done".
fn trailing_paren(text: &str) -> Option<&str> {
    let body = text.trim_end().strip_suffix([')', '）'])?;
    let open = body.rfind(['(', '（'])?;
    Some(body[open..].trim_start_matches(['(', '（']).trim())
}

/// The address of the first reference-style link in `text` (`[label]`, `[text][label]`)
/// that the file defines.
fn reference_link(text: &str, refs: &[(String, String)]) -> Option<String> {
    let lower = text.to_lowercase();
    refs.iter()
        .filter_map(|(label, url)| {
            lower
                .find(&format!("[{}]", label.to_lowercase()))
                .map(|at| (at, url))
        })
        .min_by_key(|(at, _)| *at)
        .map(|(_, url)| url.clone())
}

/// The link reference definitions of a file (`[label]: https://…`), for actions that name
/// their tracker by reference.
pub(crate) fn link_definitions(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| {
            let t = line.trim_start();
            if line.len() - t.len() > 3 {
                return None;
            }
            let rest = t.strip_prefix('[')?;
            let (label, after) = rest.split_once("]:")?;
            let url = after.split_whitespace().next()?.trim_matches(['<', '>']);
            (url.starts_with("http") && !label.trim().is_empty())
                .then(|| (label.trim().to_owned(), url.to_owned()))
        })
        .collect()
}

fn action_table(src: &str, year: Option<i32>) -> Vec<ActionItem> {
    let (header, rows) = table_cells(src);
    let keys: Vec<String> = header.iter().map(|h| cell_key(h)).collect();
    let index_col = keys
        .iter()
        .position(|k| INDEX_COLUMNS.contains(&k.as_str()))
        .or_else(|| header.iter().position(|h| h.trim() == "#"));
    let owner_col = column(&keys, OWNER_COLUMNS);
    let due_col = column(&keys, DUE_COLUMNS);
    let priority_col = column(&keys, PRIORITY_COLUMNS);
    let status_col = column(&keys, STATUS_COLUMNS);
    let type_col = column(&keys, TYPE_COLUMNS);
    let link_col = column(&keys, LINK_COLUMNS);
    let taken = [
        index_col,
        owner_col,
        due_col,
        priority_col,
        status_col,
        type_col,
        link_col,
    ];
    let action_col = column(&keys, ACTION_COLUMNS)
        .filter(|c| !taken.contains(&Some(*c)))
        .or_else(|| (0..header.len()).find(|c| !taken.contains(&Some(*c))));
    rows.iter()
        .enumerate()
        .map(|(n, row)| {
            let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).cloned().unwrap_or_default();
            let name =
                |c: Option<usize>| c.and_then(|c| header.get(c)).cloned().unwrap_or_default();
            let mut extras: Vec<(String, String)> = Vec::new();
            let action = cell(action_col).trim().to_owned();
            let index = cell(index_col);
            // A column that only numbers the rows is the table's structure, not text.
            let row_number = (n + 1).to_string();
            if index.trim().trim_end_matches(['.', ')']) != row_number {
                extras.push((name(index_col), index));
            }
            let mut item = ActionItem::default();
            let owner = cell(owner_col);
            // "**@dana**", "[Bo](https://…)": the name, read through its decoration.
            item.owner = super::cells::plain(&owner)
                .trim()
                .trim_start_matches('@')
                .to_owned();
            if !same_words(&owner, &item.owner) {
                extras.push((name(owner_col), owner));
            }
            let due = cell(due_col);
            if let Some(d) = due_date(&due, year) {
                item.due_date = d;
            }
            if !same_words(&due, &item.due_date) {
                extras.push((name(due_col), due));
            }
            let prio = cell(priority_col);
            item.priority = priority(&prio);
            if !prio.trim().is_empty()
                && !same_words(&prio, item.priority.map_or("", Choice::value))
            {
                extras.push((name(priority_col), prio));
            }
            let kind = cell(type_col);
            item.kind = action_type(&kind);
            if !kind.trim().is_empty()
                && !item
                    .kind
                    .is_some_and(|k| same_words(&kind, k.value()) || k.words().matches(&kind))
            {
                extras.push((name(type_col), kind));
            }
            let status = cell(status_col);
            item.done = is_done(&status);
            // The status as written stays with the row.
            extras.push((name(status_col), status));
            let link_cell = cell(link_col);
            let (link, link_text) = link_of(&link_cell);
            let link = link.trim_matches(['*', '_', '`']);
            if looks_like_link(link) {
                item.tracking_link = link.to_owned();
                if let Some(t) = link_text {
                    extras.push((name(link_col), t));
                }
            } else if let Some(crate::trackers::TrackerRef::Link(url)) =
                crate::trackers::tracker_reference(&link_cell)
            {
                // "see [#1342](https://…)": the address is the link; the words stay.
                item.tracking_link = url;
                extras.push((name(link_col), link_cell));
            } else {
                // "n/a **DONE**" in a Bug column is a note, not an address: it stays text,
                // and a status word in it counts when no column says the status.
                let status = status_col
                    .is_none()
                    .then(|| trailing_status(&link_cell))
                    .flatten();
                if status_col.is_none() {
                    item.done = link_cell.split(|c: char| !c.is_alphanumeric()).any(is_done);
                }
                match status {
                    // The status word is the row's status, and says so ("Status: TODO").
                    Some((note, word)) => {
                        extras.push((name(link_col), note));
                        extras.push((status_label(&header), word));
                    }
                    None => extras.push((name(link_col), link_cell)),
                }
            }
            for (c, value) in row.iter().enumerate() {
                if Some(c) != action_col && !taken.contains(&Some(c)) {
                    extras.push((header.get(c).cloned().unwrap_or_default(), value.clone()));
                }
            }
            // A tracker link in the action's own words, when no column gives one.
            if item.tracking_link.is_empty() {
                if let Some(crate::trackers::TrackerRef::Link(url)) =
                    crate::trackers::tracker_reference(&action)
                {
                    item.tracking_link = url;
                }
            }
            item.action = with_extras(action, &extras);
            item
        })
        .collect()
}

/// Reads a part as action items: tables become rows, list and task items become items.
pub(crate) fn read_actions(
    content: &str,
    year: Option<i32>,
    refs: &[(String, String)],
) -> ActionsReading {
    let mut out = ActionsReading::default();
    let mut rest: Vec<String> = Vec::new();
    for b in blocks(content) {
        let src = &content[b.range.clone()];
        match b.kind {
            BlockKind::Table => out.items.extend(action_table(src, year)),
            BlockKind::List => {
                for item in &b.items {
                    let text = item_text(&content[item.range.clone()]);
                    out.items
                        .push(action_from_text(&text, item.task, year, refs));
                }
            }
            BlockKind::Rule => {}
            _ => rest.push(block_source(content, b.range.clone()).trim_end().to_owned()),
        }
    }
    out.rest = rest.join("\n\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(_: &str, _: i64) -> i32 {
        480
    }

    #[test]
    fn timeline_tables_keep_the_time_and_status_as_written() {
        let mut ctx = TimeCtx::new(Some((2024, 5, 2)), None, "Asia/Taipei", &fixed);
        let r = read_timeline(
            "Timeline (UTC)",
            "| Time | Event | Status |\n|---|---|---|\n| 14:05 | Errors rise | Investigating |\n| 23:50 | Rollback done | Monitoring |\n| 00:10 | All clear | Resolved |\n",
            &mut ctx,
        );
        assert_eq!(r.events.len(), 3);
        let e = &r.events[0];
        assert_eq!(e.event, "14:05 — Errors rise (Status: Investigating)");
        assert_eq!(e.kind, EventKind::Detected);
        assert_eq!(
            e.time.map(|t| t.to_rfc3339()).as_deref(),
            Some("2024-05-02T22:05:00+08:00")
        );
        assert_eq!(r.events[1].kind, EventKind::Mitigated);
        // Past midnight, the day moves on.
        assert_eq!(
            r.events[2].time.map(|t| t.to_rfc3339()).as_deref(),
            Some("2024-05-03T08:10:00+08:00")
        );
    }

    #[test]
    fn bullets_with_times_become_rows_and_notes_stay_text() {
        let mut ctx = TimeCtx::new(None, None, "UTC", &|_, _| 0);
        let r = read_timeline(
            "Timeline",
            "2015-10-21 (all times UTC)\n\n* 14:51 News reports a new sonnet\n* 14:54 OUTAGE BEGINS — backends melt\n* Later that day: a retro\n",
            &mut ctx,
        );
        assert_eq!(r.rest, "2015-10-21 (all times UTC)");
        assert_eq!(r.events.len(), 3);
        assert_eq!(r.events[1].kind, EventKind::ImpactStarted);
        assert_eq!(
            r.events[1].time.map(|t| t.to_rfc3339()).as_deref(),
            Some("2015-10-21T14:54:00+00:00")
        );
        assert_eq!(r.events[2].time, None);
    }

    #[test]
    fn action_tables_and_tasks_fill_owner_due_and_priority() {
        let r = read_actions(
            "| # | Action | Owner | Priority | Due | Status |\n|---|---|---|---|---|---|\n| 1 | Add a canary | @ana | High | June 1, 2024 | In progress |\n| 2 | Alert on 5xx | Bo | P1 | 2024-06-15 | Done |\n\n- [x] Write the runbook (Cy, due 2024-06-20)\n- [ ] Owner: Dee — rate limit the API by 2024-07-01 P0\n",
            None,
            &[],
        );
        assert_eq!(r.items.len(), 4);
        let a = &r.items[0];
        assert_eq!(a.owner, "ana");
        assert_eq!(a.due_date, "2024-06-01");
        assert_eq!(a.priority, Some(Priority::P1));
        assert_eq!(
            a.action,
            "Add a canary (Due: June 1, 2024) (Priority: High) (Status: In progress)"
        );
        assert!(r.items[1].done);
        // The type is never guessed from the words: the file did not say it.
        assert_eq!(r.items[1].kind, None);
        assert_eq!(r.items[2].owner, "Cy");
        assert_eq!(r.items[2].due_date, "2024-06-20");
        assert!(r.items[2].done);
        assert_eq!(r.items[2].kind, None);
        assert_eq!(r.items[3].owner, "Dee");
        assert_eq!(r.items[3].due_date, "2024-07-01");
        assert_eq!(r.items[3].priority, Some(Priority::P0));
    }

    #[test]
    fn a_status_in_closing_parentheses_is_no_owner_and_an_eta_is_a_due_date() {
        let r = read_actions(
            "1. Re-introduce the CPU protection. (Done)\n2. Profile every rule in the suite. (ETA: July 19)\n3. 補上告警規則（完成）\n4. 改寫部署流程（預計 2024-08-01）\n5. Page the on-call (Dana Lee)\n",
            Some(2024),
            &[],
        );
        assert_eq!(r.items.len(), 5);
        assert_eq!(r.items[0].owner, "");
        assert!(r.items[0].done);
        assert_eq!(r.items[1].due_date, "2024-07-19");
        assert!(!r.items[1].done);
        assert_eq!(r.items[2].owner, "");
        assert!(r.items[2].done);
        assert_eq!(r.items[3].due_date, "2024-08-01");
        assert_eq!(r.items[4].owner, "Dana Lee");
    }
}
