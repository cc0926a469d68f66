//! Tables in a foreign file: their cells, and the names that say which column holds the
//! time and which the event, wherever the table stands.

use super::synonyms::key;
use super::times::parse_when;
use crate::markdown::escape::split_row;

/// The plain text of a table cell, for matching column names.
pub(crate) fn cell_key(cell: &str) -> String {
    key(&cell.replace(['*', '`'], ""))
}

pub(crate) fn column(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| names.contains(&h.as_str()))
}

pub(crate) const TIME_COLUMNS: &[&str] = &[
    "time",
    "timestamp",
    "when",
    "date",
    "datetime",
    "date/time",
    "date and time",
    "time and date",
    "時間",
    "時刻",
    "日期",
    "發生時間",
];
/// Time columns that hold only the day, beside a column of clock times.
pub(crate) const DATE_ONLY_COLUMNS: &[&str] = &["date", "day", "日期"];
/// The clock column beside a date column.
pub(crate) const CLOCK_COLUMNS: &[&str] = &["time", "時間", "時刻"];
pub(crate) const EVENT_COLUMNS: &[&str] = &[
    "event",
    "events",
    "description",
    "what happened",
    "what",
    "details",
    "detail",
    "update",
    "message",
    "activity",
    "action",
    "actions",
    "notes",
    "note",
    "summary",
    "事件",
    "說明",
    "描述",
    "內容",
    "經過",
    "動作",
    "事項",
];
/// The rows of a table block: its header cells and body rows, as written.
pub(crate) fn table_cells(src: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = src.lines().filter(|l| !l.trim().is_empty());
    let header = lines
        .next()
        .map(|l| split_row(l).into_iter().map(str::to_owned).collect())
        .unwrap_or_default();
    let rows = lines
        .skip(1)
        .map(|l| split_row(l).into_iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// Whether a table is a table of events wherever it stands: a column named for the time
/// (or a date beside a clock), another for what happened, and a time in most rows.
pub(crate) fn is_event_table(src: &str) -> bool {
    let (header, rows) = table_cells(src);
    let keys: Vec<String> = header.iter().map(|h| cell_key(h)).collect();
    let Some(time_col) = column(&keys, TIME_COLUMNS) else {
        return false;
    };
    let clock_col = column(&keys, CLOCK_COLUMNS).filter(|c| *c != time_col);
    let has_event = keys
        .iter()
        .enumerate()
        .any(|(c, k)| c != time_col && Some(c) != clock_col && EVENT_COLUMNS.contains(&k.as_str()));
    let timed = rows
        .iter()
        .filter(|r| {
            let cell = |c: Option<usize>| c.and_then(|c| r.get(c)).cloned().unwrap_or_default();
            let when = format!("{} {}", cell(Some(time_col)), cell(clock_col));
            parse_when(when.trim()).is_some_and(|w| w.time.is_some())
        })
        .count();
    has_event && !rows.is_empty() && timed * 2 >= rows.len()
}
