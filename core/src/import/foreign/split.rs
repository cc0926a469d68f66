//! Cutting a foreign Markdown file into parts, one per heading.
//!
//! A heading is a `#` or setext heading, but also what people use as one: a bold line
//! (`**Impact**`), a bold label in front of its text (`**Root cause:** the pool…`), a lone
//! numbered line (`2. Impact`, `4.1 Trigger`), and, before the first section, plain
//! `Date: …` lines, `- **Severity:** …` items and a two-column table of header fields. A
//! label that names nothing known is not a heading: it stays in the text it sits in.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::synonyms::{classify, header_field, strip_numbering};
use super::times::parse_when;
use super::Target;
use crate::markdown::escape::split_row;
use crate::render::markdown_options;

/// What a top-level block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Heading(u8),
    Paragraph,
    List,
    Table,
    Code,
    Quote,
    Html,
    Rule,
    Other,
}

/// One top-level item of a list, and its task box if it has one.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub range: Range<usize>,
    pub task: Option<bool>,
}

/// A top-level block of Markdown: where it is, its inline text, and its list items.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
    /// The inline text (code spans included), line breaks as `\n`.
    pub text: String,
    pub items: Vec<Item>,
    /// Whether a list is numbered.
    pub ordered: bool,
}

fn level_of(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The top-level blocks of a Markdown text, in order.
pub(crate) fn blocks(src: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut depth = 0usize;
    let new = |kind, range: Range<usize>| Block {
        kind,
        range,
        text: String::new(),
        items: Vec::new(),
        ordered: false,
    };
    for (event, range) in Parser::new_ext(src, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    let (kind, ordered) = match &tag {
                        Tag::Heading { level, .. } => (BlockKind::Heading(level_of(*level)), false),
                        Tag::Paragraph => (BlockKind::Paragraph, false),
                        Tag::List(start) => (BlockKind::List, start.is_some()),
                        Tag::Table(_) => (BlockKind::Table, false),
                        Tag::CodeBlock(_) => (BlockKind::Code, false),
                        Tag::BlockQuote(_) => (BlockKind::Quote, false),
                        Tag::HtmlBlock => (BlockKind::Html, false),
                        _ => (BlockKind::Other, false),
                    };
                    let mut b = new(kind, range.clone());
                    b.ordered = ordered;
                    out.push(b);
                } else if depth == 1 && matches!(tag, Tag::Item) {
                    if let Some(b) = out.last_mut() {
                        b.items.push(Item {
                            range: range.clone(),
                            task: None,
                        });
                    }
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Rule if depth == 0 => out.push(new(BlockKind::Rule, range)),
            // A top-level item's own box comes right inside it (or inside its paragraph);
            // deeper boxes belong to nested items.
            Event::TaskListMarker(done) if depth <= 3 => {
                if let Some(item) = out.last_mut().and_then(|b| b.items.last_mut()) {
                    if item.task.is_none() {
                        item.task = Some(done);
                    }
                }
            }
            Event::Text(t) | Event::Code(t) if depth > 0 => {
                if let Some(b) = out.last_mut() {
                    b.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak if depth > 0 => {
                if let Some(b) = out.last_mut() {
                    b.text.push('\n');
                }
            }
            _ => {}
        }
    }
    out
}

/// A block's source from the start of its line: an indented code block's indentation is
/// part of it.
pub(crate) fn block_source(text: &str, range: Range<usize>) -> &str {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    if text[line_start..range.start].trim().is_empty() {
        &text[line_start..range.end]
    } else {
        &text[range]
    }
}

/// Removes what export tools leave behind: `<br>` becomes a line break (a space inside a
/// table cell or heading), wrapper tags (`<span>`, `<div>`, `<p>`, `<font>`, `<u>`) go and
/// `&nbsp;` becomes a space. Code is left alone; any other HTML stays, shown as text.
pub(crate) fn clean(text: &str) -> String {
    let text = numbered_setext_as_atx(text);
    let text = text.as_str();
    let mut edits: Vec<(Range<usize>, &'static str)> = Vec::new();
    let mut one_line = 0usize;
    let mut code = 0usize;
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => code += 1,
            Event::End(TagEnd::CodeBlock) => code = code.saturating_sub(1),
            Event::Start(Tag::TableCell | Tag::Heading { .. }) => one_line += 1,
            Event::End(TagEnd::TableCell | TagEnd::Heading(_)) => {
                one_line = one_line.saturating_sub(1);
            }
            Event::InlineHtml(tag) => {
                if let Some(with) = replacement(&tag, one_line > 0) {
                    edits.push((range, with));
                }
            }
            Event::Html(_) => {
                // An HTML block's text is raw: find the tags in it.
                let raw = &text[range.clone()];
                let mut at = 0;
                while let Some(open) = raw[at..].find('<') {
                    let start = at + open;
                    let Some(close) = raw[start..].find('>') else {
                        break;
                    };
                    let end = start + close + 1;
                    if let Some(with) = replacement(&raw[start..end], false) {
                        edits.push((range.start + start..range.start + end, with));
                    }
                    at = end;
                }
            }
            Event::Text(_) if code == 0 => {
                let raw = &text[range.clone()];
                for (at, _) in raw.match_indices("&nbsp;") {
                    edits.push((range.start + at..range.start + at + 6, " "));
                }
            }
            _ => {}
        }
    }
    crate::sort::sort_by_key(&mut edits, |(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (r, with) in edits {
        if r.start < done {
            continue;
        }
        out.push_str(&text[done..r.start]);
        out.push_str(with);
        done = r.end;
    }
    out.push_str(&text[done..]);
    out
}

/// A numbered line underlined as a heading ("3. Root cause" over "-------------") is a
/// heading, whatever precedes it: Markdown would read the number as a list item (and, right
/// after a numbered list, as that list's next item). It is written as the `##` (or `#`)
/// heading it was meant to be; outside code, and without changing a word.
fn numbered_setext_as_atx(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let underline = |l: &str| {
        let t = l.trim_end();
        let indent = t.len() - t.trim_start().len();
        let t = t.trim_start();
        indent <= 3
            && t.len() >= 3
            && (t.bytes().all(|b| b == b'-') || t.bytes().all(|b| b == b'='))
    };
    let numbered = |l: &str| {
        let t = l.trim_start();
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        (1..=3).contains(&digits)
            && t[digits..].starts_with(['.', ')'])
            && t[digits + 1..].starts_with([' ', '\t'])
            && !t[digits + 1..].trim().is_empty()
    };
    if !lines.windows(2).any(|w| numbered(w[0]) && underline(w[1])) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut fence: Option<&str> = None;
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i];
        let t = l.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
        } else if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
        } else if numbered(l) && lines.get(i + 1).is_some_and(|u| underline(u)) {
            let level = if lines[i + 1].trim().starts_with('=') {
                "#"
            } else {
                "##"
            };
            // A blank line before, so the heading never continues a paragraph or list.
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&format!("{level} {}\n", l.trim()));
            i += 2;
            continue;
        }
        out.push_str(l);
        i += 1;
    }
    out
}

/// What an HTML tag left by an export becomes, if it is one of those.
fn replacement(tag: &str, one_line: bool) -> Option<&'static str> {
    let t = tag.trim().to_ascii_lowercase();
    let inner = t.strip_prefix('<')?.strip_suffix('>')?;
    let inner = inner.trim_end_matches('/').trim();
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    match name.as_str() {
        // A hard break, so joining wrapped lines keeps it.
        "br" if !closing => Some(if one_line { " " } else { "  \n" }),
        "span" | "div" | "p" | "font" | "u" => Some(""),
        _ => None,
    }
}

/// How a part's heading was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A `#` or setext heading, or a lone numbered line.
    Heading,
    /// The report's title: its first and only top-level heading.
    Title,
    /// A heading that is a date or time: a timeline event (or the day of those under it).
    Timestamp,
    /// A bold or plain label in front of its text.
    Label,
    /// Text under no heading: before the first one, or after a table of header fields.
    Intro,
    /// A two-column table of header fields.
    HeaderTable,
}

/// A part as cut from the file, before its target is settled.
#[derive(Clone, Debug)]
pub(crate) struct Raw {
    pub heading: String,
    pub level: u8,
    pub role: Role,
    pub targets: Vec<Target>,
    pub content: Range<usize>,
}

struct Marker {
    cut: usize,
    content: usize,
    heading: String,
    level: u8,
    role: Role,
    targets: Vec<Target>,
}

/// Whether every target is a header field or the header itself.
fn is_header(targets: &[Target]) -> bool {
    !targets.is_empty()
        && targets.iter().all(|t| match t {
            Target::Section(s) => *s == crate::sections::SectionId::Header,
            Target::Field(f) => f.section() == crate::sections::SectionId::Header,
            Target::Supporting => false,
        })
}

/// Whether a paragraph is one update of a status page: some lines of text, then a line that
/// is only a date and time ("Mar 5, 17:02 UTC"), and no other time in it.
pub(crate) fn is_status_update(src: &str) -> bool {
    status_update(src).is_some()
}

/// A status update's time line and its lines of text: the time comes last
/// ("**Resolved** - …\nMar 5, 17:02 UTC") or first ("**March 5, 2024 17:02 UTC**\nWe …").
pub(crate) fn status_update(src: &str) -> Option<(&str, Vec<&str>)> {
    let lines: Vec<&str> = src.lines().filter(|l| !l.trim().is_empty()).collect();
    let (first, rest) = lines.split_first()?;
    let (last, before) = lines.split_last()?;
    let untimed = |ls: &[&str]| !ls.is_empty() && !ls.iter().any(|l| parse_when(l).is_some());
    if lone_time(last) && untimed(before) {
        Some((last, before.to_vec()))
    } else if lone_time(first) && untimed(rest) {
        Some((first, rest.to_vec()))
    } else {
        None
    }
}

/// Whether a line is only a date and time, with at most a zone after it.
pub(crate) fn lone_time(line: &str) -> bool {
    let line = line.trim().trim_matches(['*', '_']);
    parse_when(line)
        .is_some_and(|w| w.time.is_some() && w.day.is_some() && line[w.end..].trim().is_empty())
}

/// A label at the start of a line: `**Date:** 2024-05-02`, `**Impact**`, `__Summary__:`,
/// or, when `plain`, `Date: 2024-05-02`. Returns the label and where its text starts.
pub(crate) fn label_line(line: &str, plain: bool) -> Option<(String, usize)> {
    let t = line.trim_start();
    for fence in ["**", "__"] {
        let Some(inner_and_rest) = t.strip_prefix(fence) else {
            continue;
        };
        let close = inner_and_rest.find(fence)?;
        let inner = &inner_and_rest[..close];
        if inner.trim().is_empty() || inner.chars().count() > 80 {
            return None;
        }
        let mut after = &inner_and_rest[close + fence.len()..];
        let mut colon = inner.trim_end().ends_with([':', '：']);
        if let Some(a) = after.strip_prefix([':', '：']) {
            after = a;
            colon = true;
        }
        let rest = after.trim_start();
        // "**Important** text" is emphasis, not a label.
        if !colon && !rest.is_empty() {
            return None;
        }
        let label = inner.trim().trim_end_matches([':', '：']).trim();
        return Some((decode_entities(label), line.len() - rest.len()));
    }
    if !plain {
        return None;
    }
    let (label, rest) = t.split_once([':', '：'])?;
    let rest = rest.trim_start();
    if label.chars().count() > 40
        || label.trim().is_empty()
        || label.contains(['*', '_', '`', '[', '<', '|'])
        || rest.is_empty()
    {
        return None;
    }
    Some((label.trim().to_owned(), line.len() - rest.len()))
}

/// A label giving a moment: `**Start time (detected):** 2026-07-12T20:43:00Z`,
/// `結束時間：2026-07-12 21:10`; not a header field's (`Incident date: …`). Returns the label
/// and where its moment starts.
pub(crate) fn timed_label(line: &str) -> Option<(String, usize)> {
    let (label, at) = label_line(line, true)?;
    let w = parse_when(line.get(at..)?.trim_end())?;
    (w.time.is_some() && w.day.is_some() && header_field(&label).is_none()).then_some((label, at))
}

/// A paragraph of moments under labels, one per line: the timeline's, like a table of
/// events.
fn timed_labels(src: &str) -> bool {
    let mut lines = src.lines().filter(|l| !l.trim().is_empty()).peekable();
    lines.peek().is_some() && lines.all(|l| timed_label(l).is_some())
}

/// The text after a label was part of its paragraph; standing alone at the start of a part
/// it must not turn into a list, a quote or a code fence ("**Count:** 1. …" stays text). A
/// backslash before the character that would start the block keeps it as the paragraph it
/// was.
pub(crate) fn keep_inline(text: &str) -> String {
    let first = text.split('\n').next().unwrap_or("");
    let starts_block = blocks(first)
        .first()
        .is_some_and(|b| b.kind != BlockKind::Paragraph);
    if !starts_block {
        return text.to_owned();
    }
    let digits = first.bytes().take_while(u8::is_ascii_digit).count();
    let at = if digits > 0 { digits } else { 0 };
    format!("{}\\{}", &text[..at], &text[at..])
}

/// Decodes the character references export tools put in labels (`Mitigation &amp; Resolution`).
fn decode_entities(text: &str) -> String {
    let mut out = text.to_owned();
    for (from, to) in [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&nbsp;", " "),
        ("&amp;", "&"),
    ] {
        out = out.replace(from, to);
    }
    out
}

/// The length of a list marker (`- `, `* `, `1. `, `2) `) and task box at a line's start.
pub(crate) fn marker_len(line: &str) -> usize {
    let indent = line.len() - line.trim_start().len();
    let t = &line[indent..];
    let mut n = if t.starts_with(['-', '*', '+']) && t[1..].starts_with([' ', '\t']) {
        2
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=9).contains(&digits)
            && t[digits..].starts_with(['.', ')'])
            && t[digits + 1..].starts_with([' ', '\t'])
        {
            digits + 2
        } else {
            return 0;
        }
    };
    let rest = t[n..].trim_start();
    n = t.len() - rest.len();
    for task in ["[ ]", "[x]", "[X]"] {
        if let Some(after) = rest.strip_prefix(task) {
            if after.is_empty() || after.starts_with([' ', '\t']) {
                n += task.len() + (after.len() - after.trim_start().len());
            }
        }
    }
    indent + n
}

/// A heading's own Markdown: an ATX heading without its `#` marks, a setext heading's
/// lines joined, without the underline.
fn heading_source(src: &str) -> String {
    let t = src.trim();
    if t.starts_with('#') {
        let line = t.lines().next().unwrap_or("");
        let inner = line.trim_start_matches('#');
        let inner = inner.trim();
        // A closing sequence of `#` is part of the syntax when a space precedes it.
        let without = inner.trim_end_matches('#');
        let inner = if without.len() < inner.len()
            && (without.is_empty() || without.ends_with([' ', '\t']))
        {
            without.trim_end()
        } else {
            inner
        };
        return inner.to_owned();
    }
    let lines: Vec<&str> = t.lines().collect();
    let text = lines.len().saturating_sub(1).max(1).min(lines.len());
    lines[..text]
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The spans of a paragraph's inline elements (emphasis, links, code spans, HTML): a label
/// can only start a line that no such span runs across (a code span opened on the line
/// before holds the line, whatever it looks like).
fn inline_spans(src: &str) -> Vec<Range<usize>> {
    Parser::new_ext(src, markdown_options())
        .into_offset_iter()
        .filter(|(e, _)| {
            matches!(
                e,
                Event::Start(
                    Tag::Emphasis
                        | Tag::Strong
                        | Tag::Strikethrough
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                ) | Event::Code(_)
                    | Event::InlineHtml(_)
            )
        })
        .map(|(_, r)| r)
        .collect()
}

/// Answers, for offsets asked in increasing order, whether any span runs across one.
struct Coverage<'a> {
    spans: &'a [Range<usize>],
    next: usize,
    reach: usize,
}

impl<'a> Coverage<'a> {
    /// `spans` sorted by start, as the parser gives them.
    fn new(spans: &'a [Range<usize>]) -> Self {
        Self {
            spans,
            next: 0,
            reach: 0,
        }
    }

    fn is_free(&mut self, at: usize) -> bool {
        while let Some(r) = self.spans.get(self.next).filter(|r| r.start < at) {
            self.reach = self.reach.max(r.end);
            self.next += 1;
        }
        self.reach <= at
    }
}

/// Lines of a text with the offset each starts at.
fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |l| {
        let start = at;
        at += l.len();
        (start, l.trim_end_matches(['\n', '\r']))
    })
}

/// Whether text after a number reads as a heading rather than a sentence: short, starting
/// with a capital letter (or a Chinese character) and not ending like a sentence.
fn reads_as_heading(rest: &str) -> bool {
    let rest = rest.trim();
    rest.split_whitespace().count() <= 6
        && rest.chars().count() <= 60
        && !rest.ends_with(['.', '。', ',', '，'])
        && rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (!c.is_ascii() && c.is_alphabetic()))
}

/// A numbered line standing alone as a heading ("4.1 Trigger"), with its level.
fn numbered_heading(line: &str) -> Option<(Vec<Target>, u8)> {
    let (rest, depth) = strip_numbering(line.trim());
    if depth == 0 || !reads_as_heading(rest) {
        return None;
    }
    let targets = classify(rest);
    (!targets.is_empty()).then(|| (targets, u8::try_from(depth).unwrap_or(5).min(5) + 1))
}

/// The title: the first heading, when it is the only one at the top level. It is no title
/// when it is only a date or a time (a day of the timeline), or when it names a section that
/// no later heading names ("# Executive Summary" opens the summary; "Summary of the June 8
/// outage" above "1. Summary" is the title). A date in front of words ("# May 30th, 2019
/// Prow Flakiness") is part of a title.
fn title_block(blocks: &[Block]) -> Option<usize> {
    let headings: Vec<(usize, u8)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading(l) => Some((i, l)),
            _ => None,
        })
        .collect();
    let (first, level) = *headings.first()?;
    let top = headings.iter().map(|(_, l)| *l).min()?;
    let text = blocks[first].text.trim();
    let alone = headings.iter().filter(|(_, l)| *l == top).count() == 1;
    if level != top || !alone || only_a_date_or_time(text) {
        return None;
    }
    (!names_only_a_section(text)).then_some(first)
}

/// Whether a heading is a section's name and little else: "Executive Summary" and "Root
/// cause" are, "Summary of the June 8 outage" (a section word and a subject) is not.
fn names_only_a_section(text: &str) -> bool {
    if classify(text).is_empty() {
        return false;
    }
    const FILLER: &[&str] = &[
        "of", "the", "a", "an", "and", "for", "on", "in", "to", "our", "this", "we", "what", "how",
        "why", "is", "are", "was", "were",
    ];
    let key = super::synonyms::key(text);
    let subject = key
        .split_whitespace()
        .filter(|w| !FILLER.contains(w))
        .count();
    // A Chinese heading is a section name when it is short (事件摘要, 根本原因分析).
    let han = text.chars().filter(|c| crate::text::is_han(*c)).count();
    subject <= 2 && han <= 6
}

/// Whether a heading is a date or a time with at most a few words of decoration after it
/// ("2024-05-02", "14:05 UTC — Investigating", "January 31"), not a title that starts with
/// one.
pub(crate) fn only_a_date_or_time(text: &str) -> bool {
    let Some(w) = parse_when(text) else {
        return false;
    };
    let rest = text[w.end..]
        .trim()
        .trim_start_matches(['-', '—', '–', ':', '：', ',', '(', '（']);
    w.time.is_some() || rest.split_whitespace().count() <= 1
}

/// Whether a table has two columns and names at least one header field in its first column.
fn header_table(src: &str) -> bool {
    let rows: Vec<Vec<&str>> = src
        .lines()
        .enumerate()
        .filter(|(i, _)| *i != 1)
        .map(|(_, l)| split_row(l))
        .collect();
    rows.iter().all(|r| r.len() <= 2)
        && rows
            .iter()
            .any(|r| r.first().is_some_and(|k| header_field(k).is_some()))
}

/// What a top-level block is, as the splitter reads it. Each kind is told apart by its own
/// small test; what the splitter does with it is one method of [`Splitter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    /// A `#` or setext heading: the title, a timestamp or a section's heading.
    Heading(u8),
    /// A status page's update ("**Resolved** - …" and a lone time line).
    StatusUpdate,
    /// A paragraph, whose lines may be labels ("**Root cause:** …", "Date: …") or a lone
    /// numbered heading.
    Paragraph,
    /// A list: a lone numbered heading ("2. Impact"), or label items of the header.
    List,
    /// A table of time and event columns, or a paragraph of moments under labels.
    EventTable,
    /// A two-column table of header fields.
    HeaderTable,
    /// Anything else: text of the part it is in.
    Text,
}

/// The splitter's state: the parts cut so far, and whether a section has begun (header
/// fields are read from plain labels and tables only before the first section, or inside a
/// section about the incident's details).
struct Splitter<'a> {
    body: &'a str,
    all: Vec<Block>,
    title: Option<usize>,
    markers: Vec<Marker>,
    seen_section: bool,
}

impl<'a> Splitter<'a> {
    fn new(body: &'a str) -> Self {
        let all = blocks(body);
        let title = title_block(&all);
        Self {
            body,
            all,
            title,
            markers: vec![Marker {
                cut: 0,
                content: 0,
                heading: String::new(),
                level: 0,
                role: Role::Intro,
                targets: Vec::new(),
            }],
            seen_section: false,
        }
    }

    /// Where the text being read goes now.
    fn current(&self) -> Vec<Target> {
        self.markers
            .last()
            .map(|m| m.targets.clone())
            .unwrap_or_default()
    }

    /// Whether header fields may be read here.
    fn header_zone(&self) -> bool {
        !self.seen_section || is_header(&self.current())
    }

    /// What block `i` is.
    fn unit(&self, b: &Block) -> Unit {
        let src = &self.body[b.range.clone()];
        match b.kind {
            BlockKind::Heading(level) => Unit::Heading(level),
            BlockKind::Paragraph if is_status_update(src) => Unit::StatusUpdate,
            BlockKind::Paragraph if timed_labels(src) => Unit::EventTable,
            BlockKind::Paragraph => Unit::Paragraph,
            BlockKind::List => Unit::List,
            BlockKind::Table
                if !self
                    .current()
                    .contains(&Target::Section(crate::SectionId::Timeline))
                    && super::tables::is_event_table(src) =>
            {
                Unit::EventTable
            }
            BlockKind::Table if self.header_zone() && header_table(src) => Unit::HeaderTable,
            _ => Unit::Text,
        }
    }

    fn take(&mut self, i: usize) {
        let b = self.all[i].clone();
        let src = &self.body[b.range.clone()];
        match self.unit(&b) {
            Unit::Heading(level) => self.heading(i, &b, src, level),
            Unit::StatusUpdate => self.status_update(i, &b),
            Unit::Paragraph => self.paragraph(&b, src),
            Unit::List => self.list(&b, src),
            Unit::EventTable => self.event_table(&b),
            Unit::HeaderTable => self.header_table(&b),
            Unit::Text => {}
        }
    }

    /// A heading cuts a part: the title, a timestamp (an event or a day of the timeline) or
    /// a section's heading.
    fn heading(&mut self, i: usize, b: &Block, src: &str, level: u8) {
        let title = self.title;
        // Matched by its text as read; kept as the file writes it.
        let text = b.text.trim().to_owned();
        let written = heading_source(src);
        let (role, targets) = if Some(i) == title {
            (Role::Title, vec![Target::Field(crate::FieldId::Title)])
        } else if parse_when(&text).is_some() {
            (
                Role::Timestamp,
                vec![Target::Section(crate::SectionId::Timeline)],
            )
        } else {
            (Role::Heading, classify(&text))
        };
        if role != Role::Title && !is_header(&targets) {
            self.seen_section = true;
        }
        self.markers.push(Marker {
            cut: b.range.start,
            content: b.range.end,
            heading: written,
            level,
            role,
            targets,
        });
        if role == Role::Title {
            // What follows the title is text under no heading.
            self.markers.push(Marker {
                cut: b.range.end,
                content: b.range.end,
                heading: String::new(),
                level: 0,
                role: Role::Intro,
                targets: Vec::new(),
            });
        }
    }

    /// A status page's update is a timeline event wherever it stands; a run of them is one
    /// part.
    fn status_update(&mut self, i: usize, b: &Block) {
        let body = self.body;
        let all = &self.all;
        let current = self.current();
        let timeline = vec![Target::Section(crate::SectionId::Timeline)];
        if current == timeline {
            return;
        }
        self.seen_section = true;
        // Right under a heading ("## Status page"), the updates are that heading's
        // text: the heading goes to the timeline with them.
        let heading_above = self.markers.last_mut().filter(|m| {
            matches!(m.role, Role::Heading | Role::Label)
                && body[m.content.min(b.range.start)..b.range.start]
                    .trim()
                    .is_empty()
        });
        match heading_above {
            Some(m) => m.targets.clone_from(&timeline),
            None => self.markers.push(Marker {
                cut: b.range.start,
                content: b.range.start,
                heading: String::new(),
                level: 0,
                role: Role::Intro,
                targets: timeline,
            }),
        }
        // Ordinary text after the updates goes back where the text before them went
        // (the summary under a status heading, say).
        let next = all.get(i + 1).cloned().filter(|n| {
            n.kind != BlockKind::Paragraph || !is_status_update(&body[n.range.clone()])
        });
        if let Some(n) = next.filter(|n| !matches!(n.kind, BlockKind::Heading(_))) {
            if !current.is_empty() {
                self.markers.push(Marker {
                    cut: n.range.start,
                    content: n.range.start,
                    heading: String::new(),
                    level: 0,
                    role: Role::Intro,
                    targets: current,
                });
            }
        }
    }

    /// A paragraph's lines may be labels that cut parts ("**Root cause:** …", "Date: …" in
    /// the header) or a lone numbered heading.
    fn paragraph(&mut self, b: &Block, src: &str) {
        let mut zone = self.header_zone();
        let mut current = self.current();
        let mut spans = inline_spans(src);
        crate::sort::sort_by_key(&mut spans, |r| r.start);
        let mut coverage = Coverage::new(&spans);
        for (at, line) in lines_at(src) {
            let start = b.range.start + at;
            let indent = line.len() - line.trim_start().len();
            if !coverage.is_free(at + indent) {
                continue;
            }
            let found = label_line(line, true).and_then(|(label, value)| {
                // A bold "**Incident date**: …" is meant as a field wherever it
                // stands; a plain "Date: …" only among the header's lines. Status
                // is left out: status pages write "**Status**: Investigating".
                let lead = line.trim_start();
                let bold = lead.starts_with("**") || lead.starts_with("__");
                let header =
                    header_field(&label).filter(|f| zone || (bold && *f != crate::FieldId::Status));
                let targets = match header {
                    Some(f) => vec![Target::Field(f)],
                    None => classify(&label),
                };
                // Past the header, a plain "What went well: …" cuts only within the
                // section it sits in (Lessons learned, say), never out of it.
                let plain_ok = zone
                    || bold
                    || targets.iter().all(|t| {
                        t.section() != crate::SectionId::Header
                            && current.iter().any(|c| c.section() == t.section())
                    });
                (!targets.is_empty() && plain_ok).then(|| (label, start + value, targets, 7))
            });
            // A numbered line is a heading only when it stands alone.
            let alone = !src.trim().contains('\n');
            let found = found.or_else(|| {
                numbered_heading(line)
                    .filter(|_| alone)
                    .map(|(targets, level)| {
                        (line.trim().to_owned(), start + line.len(), targets, level)
                    })
            });
            if let Some((heading, content, targets, level)) = found {
                if targets == current {
                    continue;
                }
                if !is_header(&targets) {
                    self.seen_section = true;
                    zone = false;
                }
                current = targets.clone();
                self.markers.push(Marker {
                    cut: start,
                    content: content.min(b.range.end),
                    heading,
                    level,
                    role: if level == 7 {
                        Role::Label
                    } else {
                        Role::Heading
                    },
                    targets,
                });
            }
        }
    }

    /// A list may be a lone numbered heading ("2. Impact"), or, in the header, items that
    /// are labels ("- **Severity:** SEV2").
    fn list(&mut self, b: &Block, src: &str) {
        let body = self.body;
        let header_zone = self.header_zone();
        let current = self.current();
        // "2. Impact" alone is a numbered heading.
        let first_line = src.lines().next().unwrap_or("");
        if b.ordered
            && b.items.len() == 1
            && !b.text.trim().contains('\n')
            && reads_as_heading(&b.text)
        {
            let targets = classify(b.text.trim());
            if !targets.is_empty() && targets != current {
                self.seen_section = true;
                self.markers.push(Marker {
                    cut: b.range.start,
                    content: b.range.end,
                    heading: first_line.trim().to_owned(),
                    level: 2,
                    role: Role::Heading,
                    targets,
                });
                return;
            }
        }
        if !header_zone {
            return;
        }
        let mut current = current;
        for item in &b.items {
            let line = body[item.range.clone()].lines().next().unwrap_or("");
            let skip = marker_len(line);
            // The label must be the item's own start, not inside a span it opens.
            let spans = inline_spans(&line[skip..]);
            if spans
                .iter()
                .any(|r| r.start == 0 && r.end > line.len() - skip)
            {
                continue;
            }
            let Some((label, value)) = label_line(&line[skip..], true) else {
                continue;
            };
            let targets = match header_field(&label) {
                Some(f) => vec![Target::Field(f)],
                None if line[skip..].trim_start().starts_with("**") => classify(&label),
                None => Vec::new(),
            };
            if targets.is_empty() || targets == current {
                continue;
            }
            if !is_header(&targets) {
                self.seen_section = true;
            }
            current = targets.clone();
            self.markers.push(Marker {
                cut: item.range.start,
                content: (item.range.start + skip + value).min(item.range.end),
                heading: label,
                level: 7,
                role: Role::Label,
                targets,
            });
        }
    }

    /// A table of events goes to the timeline; the text after it goes back where it was.
    fn event_table(&mut self, b: &Block) {
        let current = self.current();
        self.markers.push(Marker {
            cut: b.range.start,
            content: b.range.start,
            heading: String::new(),
            level: 0,
            role: Role::Intro,
            targets: vec![Target::Section(crate::SectionId::Timeline)],
        });
        self.markers.push(Marker {
            cut: b.range.end,
            content: b.range.end,
            heading: String::new(),
            level: 0,
            role: Role::Intro,
            targets: current,
        });
    }

    /// A table of header fields fills the header; the text after it belongs where the text
    /// before it did.
    fn header_table(&mut self, b: &Block) {
        let before = self
            .markers
            .iter()
            .rev()
            .find(|m| m.role != Role::HeaderTable)
            .map(|m| (m.role, m.targets.clone()));
        self.markers.push(Marker {
            cut: b.range.start,
            content: b.range.start,
            heading: String::new(),
            level: 7,
            role: Role::HeaderTable,
            targets: vec![Target::Section(crate::SectionId::Header)],
        });
        // The text after the table belongs where the text before it did.
        let targets = match before {
            Some((Role::Heading, targets, ..)) => targets,
            _ => Vec::new(),
        };
        self.markers.push(Marker {
            cut: b.range.end,
            content: b.range.end,
            heading: String::new(),
            level: 0,
            role: Role::Intro,
            targets,
        });
    }

    /// The parts, each ending where the next begins.
    fn finish(self) -> Vec<Raw> {
        let ends: Vec<usize> = self
            .markers
            .iter()
            .skip(1)
            .map(|m| m.cut)
            .chain(std::iter::once(self.body.len()))
            .collect();
        self.markers
            .into_iter()
            .zip(ends)
            .map(|(m, end)| Raw {
                heading: m.heading,
                level: m.level,
                role: m.role,
                targets: m.targets,
                content: m.content.min(end)..end,
            })
            .collect()
    }
}

/// Cuts a (cleaned) body into parts: each block is classified ([`Unit`]) and the splitter
/// acts on it in order.
pub(crate) fn split(body: &str) -> Vec<Raw> {
    let mut s = Splitter::new(body);
    for i in 0..s.all.len() {
        s.take(i);
    }
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_read_but_emphasis_is_not() {
        assert_eq!(
            label_line("**Root cause:** the pool", false),
            Some(("Root cause".into(), 16))
        );
        assert_eq!(label_line("**Impact**", false), Some(("Impact".into(), 10)));
        assert_eq!(
            label_line("__Summary__: text", false),
            Some(("Summary".into(), 13))
        );
        assert_eq!(label_line("**Important** read this", false), None);
        assert_eq!(label_line("Date: 2024-05-02", false), None);
        assert_eq!(
            label_line("Date: 2024-05-02", true),
            Some(("Date".into(), 6))
        );
        assert_eq!(marker_len("- [x] done"), 6);
        assert_eq!(marker_len("12. twelve"), 4);
        assert_eq!(marker_len("plain"), 0);
    }

    #[test]
    fn export_remnants_are_cleaned_but_code_is_not() {
        assert_eq!(
            clean("a<br>b &nbsp;c <span class=\"x\">d</span>\n\n`<br>`\n\n| x<br/>y |\n|---|\n\n```\n&nbsp;<br>\n```\n"),
            "a  \nb  c d\n\n`<br>`\n\n| x y |\n|---|\n\n```\n&nbsp;<br>\n```\n"
        );
    }

    #[test]
    fn headings_labels_and_numbered_lines_cut_parts() {
        let body = "# Title\n\nIntro.\n\n**Date:** 2024-05-02\n**Authors:** a, b\n\n## 1. Summary\n\nText.\n\n**Root cause:** pool.\n\n2. Impact\n\nBad.\n";
        let parts = split(body);
        let names: Vec<(&str, Role)> = parts.iter().map(|p| (p.heading.as_str(), p.role)).collect();
        assert_eq!(
            names,
            [
                ("", Role::Intro),
                ("Title", Role::Title),
                ("", Role::Intro),
                ("Date", Role::Label),
                ("Authors", Role::Label),
                ("1. Summary", Role::Heading),
                ("Root cause", Role::Label),
                ("2. Impact", Role::Heading),
            ]
        );
        assert_eq!(&body[parts[3].content.clone()], "2024-05-02\n");
        assert_eq!(&body[parts[6].content.clone()], "pool.\n\n");
    }
}
