//! Reading documents back: Hindsight JSON, and Hindsight's own Markdown parsed section by
//! section (never a hidden copy of the JSON), so hand edits to the body survive.

use std::fmt;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::document::*;
use super::front_matter;
use super::markdown::escape::{split_row, unescape_block, unescape_cell, unescape_inline};
use super::markdown::{DETECTED_BY_PREFIX, MEASURES_HEADER};
use super::sections::SectionId;
use super::time::{parse_date, LocalDateTime, Timestamp};
use crate::render::markdown_options;

/// The largest file Hindsight reads, checked before reading it.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Why a file could not be imported, in words for the person who chose it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError(String);

impl ImportError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

/// Strips a byte-order mark and checks the size.
fn prepare(text: &str) -> Result<&str, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new(format!(
            "The file is larger than {} MiB; Hindsight documents are far smaller.",
            MAX_IMPORT_BYTES / 1024 / 1024
        )));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn newer_version(version: u64) -> ImportError {
    ImportError::new(format!(
        "The file was written by a newer version of Hindsight (schema {version}); this version reads schema {SCHEMA_VERSION}. Update Hindsight to open it."
    ))
}

fn check_version(version: u64) -> Result<(), ImportError> {
    if version > u64::from(SCHEMA_VERSION) {
        return Err(newer_version(version));
    }
    Ok(())
}

/// Reads a Hindsight JSON document.
pub fn import_json(text: &str) -> Result<Postmortem, ImportError> {
    let text = prepare(text)?;
    let value = super::strict_json::parse_object(text).map_err(|e| {
        ImportError::new(format!("The file {e}, so it is not a Hindsight document."))
    })?;
    if value.get("format").and_then(|f| f.as_str()) == Some(super::backup::BACKUP_FORMAT) {
        return Err(ImportError::new(
            "This is a backup of all drafts. Use “Restore” to bring its drafts back.",
        ));
    }
    let value = match super::migrate::migrate(value) {
        Ok(super::migrate::Migrated::Current { value, .. }) => value,
        Ok(super::migrate::Migrated::Newer { version }) => {
            return Err(newer_version(u64::from(version)))
        }
        Err(why) => {
            return Err(ImportError::new(format!(
                "The JSON is not a Hindsight document: {why}."
            )))
        }
    };
    serde_json::from_value(value).map_err(|e| {
        ImportError::new(format!(
            "The JSON is not a complete Hindsight document: {}.",
            e.to_string().split(" at line").next().unwrap_or_default()
        ))
    })
}

/// One `##` section of the body: its heading and its content.
struct Section<'a> {
    id: SectionId,
    content: &'a str,
}

/// Reads Hindsight's own exported Markdown back into a document.
pub fn import_markdown(text: &str) -> Result<Postmortem, ImportError> {
    let text = prepare(text)?;
    let normalized;
    let text = if text.contains('\r') {
        normalized = super::markdown::escape::lines(text).join("\n");
        normalized.as_str()
    } else {
        text
    };
    let (fm, body) = front_matter::read(text)?;
    check_version(u64::from(fm.schema_version))?;
    let mut doc = Postmortem {
        schema_version: SCHEMA_VERSION,
        template: fm.template,
        language: fm.language,
        header: fm.header,
        ..Postmortem::default()
    };
    for section in sections(body)? {
        read_section(&mut doc, &section)?;
    }
    Ok(doc)
}

/// The heading levels 2 and 3 of a text, with where each starts and where its line ends.
fn headings(text: &str, wanted: HeadingLevel) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut current: Option<(String, usize, usize)> = None;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if depth == 0 && level == wanted => {
                current = Some((String::new(), range.start, range.end));
                depth += 1;
            }
            Event::End(TagEnd::Heading(_)) if depth == 1 && current.is_some() => {
                out.extend(current.take());
                depth -= 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                if let Some((title, _, _)) = &mut current {
                    title.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// Content between a heading's line and the next heading, without the blank lines around.
fn between(text: &str, start: usize, end: usize) -> &str {
    text[start..end]
        .trim_start_matches('\n')
        .trim_end_matches('\n')
}

fn sections(body: &str) -> Result<Vec<Section<'_>>, ImportError> {
    let found = headings(body, HeadingLevel::H2);
    let mut out = Vec::new();
    for (i, (title, _, line_end)) in found.iter().enumerate() {
        let id = SectionId::ALL
            .into_iter()
            .find(|s| s.heading() == title.trim())
            .ok_or_else(|| {
                ImportError::new(format!(
                    "The file has a section “{}” that Hindsight does not know.",
                    title.trim()
                ))
            })?;
        let end = found.get(i + 1).map_or(body.len(), |next| next.1);
        out.push(Section {
            id,
            content: between(body, *line_end, end),
        });
    }
    Ok(out)
}

/// The text before the first `###` and each `###` part, by title.
fn subsections(content: &str) -> (&str, Vec<(String, &str)>) {
    let found = headings(content, HeadingLevel::H3);
    let intro_end = found.first().map_or(content.len(), |h| h.1);
    let parts = found
        .iter()
        .enumerate()
        .map(|(i, (title, _, line_end))| {
            let end = found.get(i + 1).map_or(content.len(), |next| next.1);
            (title.trim().to_owned(), between(content, *line_end, end))
        })
        .collect();
    (between(content, 0, intro_end), parts)
}

fn read_section(doc: &mut Postmortem, section: &Section<'_>) -> Result<(), ImportError> {
    let (intro, parts) = subsections(section.content);
    let heading = section.id.heading();
    let part_text = |name: &str| -> String {
        parts
            .iter()
            .find(|(t, _)| t == name)
            .map(|(_, body)| unescape_block(body))
            .unwrap_or_default()
    };
    match section.id {
        SectionId::Header => {}
        SectionId::Summary => doc.summary = unescape_block(intro),
        SectionId::Supporting => doc.supporting_info = unescape_block(intro),
        SectionId::Impact => read_impact(doc, intro)?,
        SectionId::Timeline => doc.timeline = read_timeline(intro)?,
        SectionId::Detection => read_detection(doc, intro)?,
        SectionId::Causes => {
            let c = &mut doc.causes;
            c.trigger = part_text("Trigger");
            c.root_causes = part_text("Root causes");
            c.contributing_factors = part_text("Contributing factors");
            c.recurrence = part_text("Recurrence");
            c.five_whys = list_part(&parts, "Five whys");
        }
        SectionId::Response => {
            let r = &mut doc.response;
            r.responders = list_part(&parts, "Responders").join("\n");
            r.mitigation = part_text("Mitigation");
            r.resolution = part_text("Resolution");
            r.long_term_fix = part_text("Long-term fix");
        }
        SectionId::ActionItems => doc.action_items = read_action_items(intro)?,
        SectionId::Lessons => {
            let l = &mut doc.lessons;
            l.went_well = list_part(&parts, "What went well");
            l.went_wrong = list_part(&parts, "What went wrong");
            l.got_lucky = list_part(&parts, "Where we got lucky");
        }
        SectionId::Communication => {
            let m = &mut doc.communication;
            m.internal_notice = part_text("Internal notice");
            m.customer_notice = part_text("Customer notice");
            m.notified = part_text("Notified");
            m.regulator_deadline = part_text("Regulator deadline");
        }
    }
    let known: &[&str] = match section.id {
        SectionId::Causes => &[
            "Trigger",
            "Root causes",
            "Contributing factors",
            "Five whys",
            "Recurrence",
        ],
        SectionId::Response => &["Responders", "Mitigation", "Resolution", "Long-term fix"],
        SectionId::Lessons => &["What went well", "What went wrong", "Where we got lucky"],
        SectionId::Communication => &[
            "Internal notice",
            "Customer notice",
            "Notified",
            "Regulator deadline",
        ],
        _ => &[],
    };
    if let Some((unknown, _)) = parts.iter().find(|(t, _)| !known.contains(&t.as_str())) {
        return Err(ImportError::new(format!(
            "The section “{heading}” has a part “{unknown}” that Hindsight does not know."
        )));
    }
    Ok(())
}

/// The entries of a `-` or `1.` list; a line without a marker continues the entry before it.
fn list_entries(text: &str) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        let item = if let Some(rest) = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| trimmed.strip_prefix(m))
        {
            Some(rest)
        } else if digits > 0 && trimmed[digits..].starts_with([')', '.']) {
            Some(
                trimmed[digits + 1..]
                    .strip_prefix(' ')
                    .unwrap_or(&trimmed[digits + 1..]),
            )
        } else {
            None
        };
        match (item, entries.last_mut()) {
            (Some(text), _) => entries.push(text.to_owned()),
            (None, Some(last)) if !trimmed.is_empty() => {
                last.push(' ');
                last.push_str(trimmed);
            }
            _ => {}
        }
    }
    entries
        .iter()
        .map(|e| unescape_inline(e))
        .filter(|e| !e.is_empty())
        .collect()
}

fn list_part(parts: &[(String, &str)], name: &str) -> Vec<String> {
    parts
        .iter()
        .find(|(t, _)| t == name)
        .map(|(_, body)| list_entries(body))
        .unwrap_or_default()
}

/// The rows of the table that starts `text` (header and delimiter rows skipped), and the
/// text after it.
fn table_rows(text: &str) -> (Vec<Vec<String>>, &str) {
    let mut rows = Vec::new();
    let mut consumed = 0;
    for (i, line) in text.split('\n').enumerate() {
        if !line.trim_start().starts_with('|') {
            break;
        }
        consumed += line.len() + 1;
        if i >= 2 {
            rows.push(split_row(line).into_iter().map(str::to_owned).collect());
        }
    }
    let rest = text.get(consumed.min(text.len())..).unwrap_or("");
    (rows, rest.trim_start_matches('\n'))
}

fn cell(row: &[String], i: usize) -> String {
    row.get(i).map(|c| unescape_cell(c)).unwrap_or_default()
}

/// Where the last top-level block of `text` starts, when it is a table headed `header`.
fn trailing_table(text: &str, header: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut last_block = None;
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    last_block = Some((matches!(tag, Tag::Table(_)), range.start));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ if depth == 0 => last_block = Some((false, range.start)),
            _ => {}
        }
    }
    match last_block {
        Some((true, start)) if text[start..].starts_with(header) => Some(start),
        _ => None,
    }
}

fn read_impact(doc: &mut Postmortem, intro: &str) -> Result<(), ImportError> {
    let (description, table) = match trailing_table(intro, MEASURES_HEADER) {
        Some(start) => (intro[..start].trim_end_matches('\n'), &intro[start..]),
        None => (intro, ""),
    };
    let i = &mut doc.impact;
    i.description = unescape_block(description);
    let (rows, _) = table_rows(table);
    for (n, row) in rows.iter().enumerate() {
        let value = cell(row, 1);
        let yes_no = || match value.as_str() {
            "Yes" => Ok(Some(true)),
            "No" => Ok(Some(false)),
            _ => Err(ImportError::new(format!(
                "Impact row {}: “{}” must be Yes or No.",
                n + 1,
                cell(row, 0)
            ))),
        };
        match cell(row, 0).as_str() {
            "Users affected" => i.users_affected = value,
            "Failed requests" => i.failed_requests = value,
            "Error budget consumed" => i.error_budget_consumed = value,
            "Revenue impact" => i.revenue_impact = value,
            "Support tickets" => i.support_tickets = value,
            "Customer visible" => i.customer_visible = yes_no()?,
            "Data exposed" => i.data_exposed = yes_no()?,
            "Kinds of data" => i.kinds_of_data = value,
            "People affected" => i.people_affected = value,
            other => {
                return Err(ImportError::new(format!(
                    "Impact row {}: “{other}” is not a measure Hindsight knows.",
                    n + 1
                )))
            }
        }
    }
    Ok(())
}

fn read_detection(doc: &mut Postmortem, intro: &str) -> Result<(), ImportError> {
    let mut rest = intro;
    if let Some(after) = intro.strip_prefix(DETECTED_BY_PREFIX) {
        let (label, tail) = after.split_once("\n\n").unwrap_or((after, ""));
        doc.detection.detected_by = Some(
            DetectedBy::ALL
                .into_iter()
                .find(|d| d.label() == label.trim())
                .ok_or_else(|| {
                    ImportError::new(format!(
                        "Detection: “{}” is not one of Alert, Customer report, Employee or Other.",
                        label.trim()
                    ))
                })?,
        );
        rest = tail;
    }
    doc.detection.description = unescape_block(rest);
    Ok(())
}

/// The day and offset the timeline's note gives for rows that leave them out.
fn note_defaults(note: &str) -> (Option<String>, Option<i32>) {
    let day = note
        .rfind(" on ")
        .map(|at| note[at + 4..].trim_end_matches(['.', '_']).to_owned())
        .filter(|d| parse_date(d).is_some());
    let offset = note.rfind("UTC").and_then(|at| parse_offset(&note[at..]));
    (day, offset)
}

/// Reads `UTC+01:00` or `UTC−07:00` at the start of `text`.
fn parse_offset(text: &str) -> Option<i32> {
    let rest = text.strip_prefix("UTC")?;
    let (sign, rest) = if let Some(r) = rest.strip_prefix('+') {
        (1, r)
    } else if let Some(r) = rest
        .strip_prefix('\u{2212}')
        .or_else(|| rest.strip_prefix('-'))
    {
        (-1, r)
    } else {
        return None;
    };
    let h: i32 = rest.get(0..2)?.parse().ok()?;
    let m: i32 = rest.get(3..5)?.parse().ok()?;
    (rest.get(2..3) == Some(":")).then_some(sign * (h * 60 + m))
}

fn parse_time_cell(
    text: &str,
    day: Option<&str>,
    offset: Option<i32>,
    row: usize,
) -> Result<Option<Timestamp>, ImportError> {
    let text = text.trim();
    if text == "\u{2014}" || text.is_empty() {
        return Ok(None);
    }
    let bad = || {
        ImportError::new(format!(
            "Timeline row {row}: “{text}” is not a time as Hindsight writes it (2023-03-20 01:00)."
        ))
    };
    let (clock_part, cell_offset) = match text.split_once(" (") {
        Some((clock, off)) => (
            clock,
            Some(parse_offset(off.trim_end_matches(')')).ok_or_else(bad)?),
        ),
        None => (text, None),
    };
    let (date, clock) = match clock_part.split_once(' ') {
        Some((d, c)) => (d.to_owned(), c),
        None => (
            day.ok_or_else(|| ImportError::new(format!("Timeline row {row}: the time “{text}” has no date, and the note under the table gives none.")))?
                .to_owned(),
            clock_part,
        ),
    };
    let clock = if clock.len() == 5 {
        format!("{clock}:00")
    } else {
        clock.to_owned()
    };
    let local = LocalDateTime::parse(&format!("{date}T{clock}")).ok_or_else(bad)?;
    let offset = cell_offset.or(offset).ok_or_else(|| {
        ImportError::new(format!(
            "Timeline row {row}: the time “{text}” has no UTC offset, and the note under the table gives none."
        ))
    })?;
    Ok(Some(Timestamp {
        utc: local.as_epoch_seconds() - i64::from(offset) * 60,
        offset_minutes: offset,
    }))
}

fn read_link_cell(raw: &str) -> String {
    if let Some(inner) = raw.strip_prefix('[').and_then(|r| r.strip_suffix(">)")) {
        if let Some(at) = inner.rfind("](<") {
            return inner[at + 3..].to_owned();
        }
    }
    let slashes = raw.bytes().take_while(|b| *b == b'\\').count();
    if slashes > 0 && raw[slashes..].starts_with('[') {
        return unescape_cell(&raw[1..]);
    }
    unescape_cell(raw)
}

fn read_timeline(intro: &str) -> Result<Vec<TimelineEvent>, ImportError> {
    if intro.trim().is_empty() {
        return Ok(Vec::new());
    }
    if !intro.starts_with("| Time | Event | Kind | Link |") {
        return Err(ImportError::new(
            "The Timeline section does not start with its table (Time, Event, Kind, Link).",
        ));
    }
    let (rows, rest) = table_rows(intro);
    let note = rest
        .split("\n\n")
        .next()
        .filter(|p| p.starts_with("_Times are"))
        .unwrap_or("");
    let (day, offset) = note_defaults(note);
    rows.iter()
        .enumerate()
        .map(|(n, row)| {
            let kind_label = cell(row, 2);
            let kind = EventKind::ALL
                .into_iter()
                .find(|k| k.label() == kind_label)
                .ok_or_else(|| {
                    ImportError::new(format!(
                        "Timeline row {}: “{kind_label}” is not an event kind Hindsight knows.",
                        n + 1
                    ))
                })?;
            Ok(TimelineEvent {
                time: parse_time_cell(
                    row.first().map_or("", String::as_str),
                    day.as_deref(),
                    offset,
                    n + 1,
                )?,
                event: cell(row, 1),
                kind,
                link: row.get(3).map(|c| read_link_cell(c)).unwrap_or_default(),
            })
        })
        .collect()
}

fn read_action_items(intro: &str) -> Result<Vec<ActionItem>, ImportError> {
    if intro.trim().is_empty() {
        return Ok(Vec::new());
    }
    if !intro.starts_with("| Action | Type |") {
        return Err(ImportError::new(
            "The Action items section does not start with its table (Action, Type, Owner, …).",
        ));
    }
    let (rows, _) = table_rows(intro);
    rows.iter()
        .enumerate()
        .map(|(n, row)| {
            let row_error = |what: &str, value: &str| {
                ImportError::new(format!(
                    "Action item row {}: “{value}” is not {what}.",
                    n + 1
                ))
            };
            let kind_label = cell(row, 1);
            let priority_label = cell(row, 3);
            let done_label = cell(row, 6);
            Ok(ActionItem {
                action: cell(row, 0),
                kind: ActionType::ALL
                    .into_iter()
                    .find(|k| k.label() == kind_label)
                    .ok_or_else(|| {
                        row_error("a type (Prevent, Mitigate, Detect, Process)", &kind_label)
                    })?,
                owner: cell(row, 2),
                priority: Priority::ALL
                    .into_iter()
                    .find(|p| p.label() == priority_label)
                    .ok_or_else(|| row_error("a priority (P0 to P3)", &priority_label))?,
                due_date: cell(row, 4),
                tracking_link: row.get(5).map(|c| read_link_cell(c)).unwrap_or_default(),
                done: match done_label.as_str() {
                    "Yes" => true,
                    "No" | "" => false,
                    other => return Err(row_error("Yes or No in the Done column", other)),
                },
            })
        })
        .collect()
}
