//! Hindsight's own Markdown read back into a document, section by section, through the
//! field table: headings, labels, choices and Yes/No are read in either language.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{check_version, front_matter, prepare};
use crate::document::*;
use crate::error::ImportError;
use crate::fields::{
    section_fields, value_of, Access, Field, Kind, Place, ACTION_FIELDS, EVENT_FIELDS, NO, YES,
};
use crate::markdown::escape::{self, split_row, unescape_block, unescape_cell, unescape_inline};
use crate::markdown::{header_row, lead_prefixes};
use crate::messages;
use crate::render::markdown_options;
use crate::report::{self, is_timeline_note};
use crate::sections::SectionId;
use crate::time::{parse_date, LocalDateTime, Timestamp};
use crate::words::{Text, Words};

const BOTH: [Language; 2] = [Language::En, Language::ZhTw];

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
        normalized = escape::lines(text).join("\n");
        normalized.as_str()
    } else {
        text
    };
    let (fm, body) = front_matter::read(text)?;
    check_version(u64::from(fm.schema_version))?;
    let mut doc = fm.doc;
    doc.schema_version = SCHEMA_VERSION;
    read_body(&mut doc, body)?;
    for (item, public) in doc.action_items.iter_mut().zip(fm.action_public) {
        item.public = public;
    }
    Ok(doc)
}

/// Reads the `##` sections of a body as Hindsight writes it into `doc`, leaving what the
/// sections do not carry (the header, the settings) as it is. Text before the first `##`
/// heading (the title and the header table) is not read here.
pub(crate) fn read_body(doc: &mut Postmortem, body: &str) -> Result<(), ImportError> {
    for section in sections(body)? {
        read_section(doc, &section)?;
    }
    Ok(())
}

/// The headings of one level in a text, with where each starts and where its line ends.
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
            .find(|s| s.heading().matches(title))
            .ok_or_else(|| ImportError::new(messages::UNKNOWN_SECTION, &[title.trim()]))?;
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
    match section.id {
        // The front matter carries the header exactly; its table is for readers.
        SectionId::Header => {}
        SectionId::Timeline => doc.timeline = read_timeline(intro)?,
        SectionId::ActionItems => doc.action_items = read_action_items(intro)?,
        id => read_fields(doc, id, intro, &parts)?,
    }
    let subs = || section_fields(section.id).filter(|f| f.place == Place::Sub);
    if let Some((unknown, _)) = parts
        .iter()
        .find(|(t, _)| !subs().any(|f| f.label.matches(t)))
    {
        let heading = section.id.heading();
        return Err(ImportError::with(
            messages::UNKNOWN_PART,
            &[&text_of(heading), &Text::plain(unknown.as_str())],
        ));
    }
    Ok(())
}

fn text_of(words: Words) -> Text {
    Text::from(words)
}

fn read_fields(
    doc: &mut Postmortem,
    section: SectionId,
    intro: &str,
    parts: &[(String, &str)],
) -> Result<(), ImportError> {
    let mut body = intro;
    if let Some(lead) = section_fields(section).find(|f| f.place == Place::Lead) {
        body = read_lead(doc, lead, body)?;
    }
    if section_fields(section).any(|f| f.place == Place::Measure) {
        body = read_measures(doc, section, body)?;
    }
    for f in section_fields(section) {
        match (f.place, &f.access) {
            (Place::Body, Access::Text(_, get_mut)) => *get_mut(doc) = unescape_block(body),
            (Place::Sub, access) => {
                let Some((_, text)) = parts.iter().find(|(t, _)| f.label.matches(t)) else {
                    continue;
                };
                match access {
                    Access::Text(_, get_mut) if f.kind == Kind::Lines => {
                        *get_mut(doc) = list_entries(text).join("\n");
                    }
                    Access::Text(_, get_mut) => *get_mut(doc) = unescape_block(text),
                    Access::List(_, get_mut) => *get_mut(doc) = list_entries(text),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Reads a bold lead line (`**Detected by:** Alert`) at the start of `intro` into its choice
/// field; returns the text after it.
fn read_lead<'a>(
    doc: &mut Postmortem,
    f: &Field<Postmortem>,
    intro: &'a str,
) -> Result<&'a str, ImportError> {
    let Some(after) = lead_prefixes(f.label)
        .iter()
        .find_map(|p| intro.strip_prefix(p.as_str()))
    else {
        return Ok(intro);
    };
    let (label, tail) = after.split_once("\n\n").unwrap_or((after, ""));
    if let Access::Choice { options, set, .. } = &f.access {
        let value = value_of(options, label)
            .ok_or_else(|| not_one_of(&text_of(f.label), label, options))?;
        set(doc, value);
    }
    Ok(tail)
}

pub(crate) fn not_one_of(
    what: &Text,
    value: &str,
    options: &[(&'static str, Words)],
) -> ImportError {
    ImportError::with(
        messages::NOT_ONE_OF,
        &[what, &Text::plain(value), &choices_of(options)],
    )
}

fn row_error(row_words: Words, n: usize) -> Text {
    Text::new(row_words, &[&n.to_string()])
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

/// The rows of the table that starts `text` (header and delimiter rows skipped), and the
/// text after it.
pub(crate) fn table_rows(text: &str) -> (Vec<Vec<String>>, &str) {
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

pub(crate) fn cell(row: &[String], i: usize) -> String {
    row.get(i).map(|c| unescape_cell(c)).unwrap_or_default()
}

/// Where the last top-level block of `text` starts, when it is a table headed by one of
/// `headers`.
fn trailing_table(text: &str, headers: &[String]) -> Option<usize> {
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
        Some((true, start))
            if headers
                .iter()
                .any(|h| text[start..].starts_with(h.as_str())) =>
        {
            Some(start)
        }
        _ => None,
    }
}

/// Reads the measures table at the end of `intro` into the section's measure fields;
/// returns the text before it.
fn read_measures<'a>(
    doc: &mut Postmortem,
    section: SectionId,
    intro: &'a str,
) -> Result<&'a str, ImportError> {
    let headers: Vec<String> = BOTH
        .iter()
        .map(|lang| header_row(&report::MEASURE_VALUE, *lang))
        .collect();
    let Some(start) = trailing_table(intro, &headers) else {
        return Ok(intro);
    };
    let (rows, _) = table_rows(&intro[start..]);
    for (n, row) in rows.iter().enumerate() {
        let name = cell(row, 0);
        let value = cell(row, 1);
        let row_n = (n + 1).to_string();
        let f = section_fields(section)
            .find(|f| f.place == Place::Measure && f.label.matches(&name))
            .ok_or_else(|| ImportError::new(messages::UNKNOWN_MEASURE, &[&row_n, &name]))?;
        match &f.access {
            Access::Text(_, get_mut) => *get_mut(doc) = value,
            Access::Flag(_, get_mut) => {
                *get_mut(doc) =
                    Some(yes_no(&value).ok_or_else(|| {
                        ImportError::new(messages::MEASURE_YES_NO, &[&row_n, &name])
                    })?);
            }
            _ => {}
        }
    }
    Ok(intro[..start].trim_end_matches('\n'))
}

fn yes_no(text: &str) -> Option<bool> {
    if YES.matches(text) {
        Some(true)
    } else if NO.matches(text) {
        Some(false)
    } else {
        None
    }
}

/// The day and offset the timeline's note gives for rows that leave them out, in either
/// language: the last date in it, and its `UTC±hh:mm`.
fn note_defaults(note: &str) -> (Option<String>, Option<i32>) {
    let day = note
        .char_indices()
        .filter_map(|(i, _)| note.get(i..i + 10))
        .rfind(|d| parse_date(d).is_some())
        .map(str::to_owned);
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
    let row_n = row.to_string();
    let bad = || ImportError::new(messages::TIME_NOT_WRITTEN, &[&row_n, text]);
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
            day.ok_or_else(|| ImportError::new(messages::TIME_NO_DATE, &[&row_n, text]))?
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
    let offset = cell_offset
        .or(offset)
        .ok_or_else(|| ImportError::new(messages::TIME_NO_OFFSET, &[&row_n, text]))?;
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

/// Whether `intro` starts with the table whose columns are these fields' labels, in either
/// language; the error names the columns when it does not.
fn starts_with_columns<R>(
    intro: &str,
    fields: &[Field<R>],
    missing: Words,
) -> Result<(), ImportError> {
    let labels: Vec<Words> = fields.iter().map(|f| f.label).collect();
    if BOTH
        .iter()
        .any(|lang| intro.starts_with(&header_row(&labels, *lang)))
    {
        return Ok(());
    }
    let names = |lang: Language| {
        labels
            .iter()
            .map(|l| l.get(lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let columns = Text {
        en: names(Language::En),
        zh: names(Language::ZhTw),
    };
    Err(ImportError::with(missing, &[&columns]))
}

/// Sets the row field `f` from its cell text.
fn set_cell<R>(f: &Field<R>, row: &mut R, raw: &str, n: usize) -> Result<(), ImportError> {
    let text = if f.kind == Kind::Url {
        read_link_cell(raw)
    } else {
        unescape_cell(raw)
    };
    // "Timeline row 2: “x” is not one of …": the row leads the message.
    let bad = |options: &[(&'static str, Words)], row_words| {
        not_one_of(&row_error(row_words, n), &text, options)
    };
    let row_words = if f.section == SectionId::Timeline {
        messages::TIMELINE_ROW
    } else {
        messages::ACTION_ROW
    };
    match &f.access {
        Access::Text(_, get_mut) => *get_mut(row) = text,
        // An optional choice left empty is unset ("Not set").
        Access::Choice { set, .. }
            if text.is_empty() && matches!(f.kind, Kind::Choice { optional: true }) =>
        {
            set(row, "");
        }
        Access::Choice { options, set, .. } => {
            let value = value_of(options, &text).ok_or_else(|| bad(options, row_words))?;
            set(row, value);
        }
        Access::Check(_, get_mut) => {
            *get_mut(row) = match yes_no(&text) {
                Some(v) => v,
                None if text.is_empty() => false,
                None => {
                    return Err(bad(&[("yes", YES), ("no", NO)], row_words));
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn choices_of(options: &[(&'static str, Words)]) -> Text {
    let list = |lang: Language| {
        options
            .iter()
            .map(|(_, l)| l.get(lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Text {
        en: list(Language::En),
        zh: list(Language::ZhTw),
    }
}

fn read_timeline(intro: &str) -> Result<Vec<TimelineEvent>, ImportError> {
    if intro.trim().is_empty() {
        return Ok(Vec::new());
    }
    starts_with_columns(intro, EVENT_FIELDS, messages::TIMELINE_NO_TABLE)?;
    let (rows, rest) = table_rows(intro);
    let note = rest
        .split("\n\n")
        .next()
        .and_then(|p| p.strip_prefix('_'))
        .filter(|p| is_timeline_note(p))
        .unwrap_or("");
    let (day, offset) = note_defaults(note);
    rows.iter()
        .enumerate()
        .map(|(n, row)| {
            let mut event = TimelineEvent::default();
            for (i, f) in EVENT_FIELDS.iter().enumerate() {
                let raw = row.get(i).map_or("", String::as_str);
                match &f.access {
                    Access::Time(_, get_mut) => {
                        *get_mut(&mut event) = parse_time_cell(raw, day.as_deref(), offset, n + 1)?;
                    }
                    _ => set_cell(f, &mut event, raw, n + 1)?,
                }
            }
            Ok(event)
        })
        .collect()
}

fn read_action_items(intro: &str) -> Result<Vec<ActionItem>, ImportError> {
    if intro.trim().is_empty() {
        return Ok(Vec::new());
    }
    starts_with_columns(intro, ACTION_FIELDS, messages::ACTIONS_NO_TABLE)?;
    let (rows, _) = table_rows(intro);
    rows.iter()
        .enumerate()
        .map(|(n, row)| {
            let mut item = ActionItem::default();
            for (i, f) in ACTION_FIELDS.iter().enumerate() {
                set_cell(f, &mut item, row.get(i).map_or("", String::as_str), n + 1)?;
            }
            Ok(item)
        })
        .collect()
}
