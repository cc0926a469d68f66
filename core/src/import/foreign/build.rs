//! The document a foreign file's parts make: each part's text poured into the field or
//! rows of its target, header values read from labels, tables and front matter, and
//! everything else kept in Supporting information.

use super::rows::{entries, read_actions, same_words, words};
use super::split::{block_source, blocks, keep_inline, BlockKind};
use super::synonyms::{header_field, mentions};
use super::times::{due_date, parse_when, Day};
use super::{messages, ForeignImport, Part, Target};
use crate::choice::Choice;
use crate::document::{DetectedBy, EventKind, Language, Postmortem, Severity, Status};
use crate::fields::{doc_field, Access, FieldId, Kind};
use crate::markdown::escape::{join_soft_breaks, split_row};
use crate::report::{colon, severity_text};
use crate::sections::SectionId;
use crate::time::LocalDateTime;

/// One key of a foreign file's YAML front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FrontEntry {
    key: String,
    /// The value, unquoted; a list's items joined by ", ".
    value: String,
    /// The lines as the file writes them.
    raw: String,
}

/// Keys of a blog post's front matter: with one of them, its `date` is when the post was
/// published, not when the incident happened.
const PUBLICATION_KEYS: &[&str] = &[
    "layout",
    "permalink",
    "categories",
    "category",
    "slug",
    "path",
    "aliases",
    "description",
    "excerpt",
    "draft",
    "image",
];

/// Whether a front-matter entry is a blog post's publication date.
pub(crate) fn is_publication_date(front: &[FrontEntry], entry: &FrontEntry) -> bool {
    entry.key.eq_ignore_ascii_case("date")
        && front
            .iter()
            .any(|e| PUBLICATION_KEYS.contains(&e.key.to_ascii_lowercase().as_str()))
}

/// The date a blog post's front matter says it was published, if it says one.
pub(crate) fn publication_date(front: &[FrontEntry]) -> Option<(i32, u32, u32)> {
    front
        .iter()
        .filter(|e| is_publication_date(front, e))
        .find_map(|e| match parse_when(&e.value)?.day? {
            Day::Full(y, m, d) => Some((y, m, d)),
            Day::NoYear(..) => None,
        })
}

/// Splits TOML front matter (`+++`, `key = value`, strings, arrays and `[table]` lines, as
/// static site generators write it) from the body. Keys under a table keep its name
/// (`extra.team`).
fn toml_front_matter(text: &str) -> Option<(Vec<FrontEntry>, &str)> {
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.find("\n+++")?;
    let block = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.strip_prefix('\n').unwrap_or(after);
    let mut table = String::new();
    let mut entries = Vec::new();
    for line in block.lines() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            table = format!("{}.", name.trim());
            continue;
        }
        let Some((key, value)) = t.split_once('=') else {
            // Not TOML after all.
            return None;
        };
        let value = value.trim();
        let value = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            Some(list) => list
                .split(',')
                .map(|v| unquote(v.trim()))
                .filter(|v| !v.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            None => unquote(value),
        };
        entries.push(FrontEntry {
            key: format!("{table}{}", key.trim()),
            value,
            raw: line.to_owned(),
        });
    }
    Some((entries, body))
}

/// Splits simple YAML front matter (`key: value`, `[a, b]` and `- item` lists, quoted
/// strings, `|` blocks) or TOML front matter (`+++`) from the body. Without a closing line
/// there is no front matter.
pub(crate) fn front_matter(text: &str) -> (Vec<FrontEntry>, &str) {
    if let Some(toml) = toml_front_matter(text) {
        return toml;
    }
    let Some(rest) = text.strip_prefix("---\n") else {
        return (Vec::new(), text);
    };
    let mut end = None;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        let l = line.trim_end();
        if l == "---" || l == "..." {
            end = Some((at, at + line.len()));
            break;
        }
        at += line.len();
    }
    let Some((block_end, body_start)) = end else {
        return (Vec::new(), text);
    };
    let block = &rest[..block_end];
    // A thematic break, text, and another break is Markdown, not front matter: every line
    // must read as YAML, starting with a `key:` line.
    let key_line = |l: &str| {
        l.split_once(':').is_some_and(|(k, _)| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'))
                && !k.starts_with(' ')
        })
    };
    let yaml = block.lines().next().is_some_and(key_line)
        && block.lines().all(|l| {
            l.trim().is_empty() || key_line(l) || l.starts_with([' ', '\t']) || l.starts_with("- ")
        });
    if !yaml {
        return (Vec::new(), text);
    }
    let mut entries: Vec<FrontEntry> = Vec::new();
    for line in block.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indented = line.starts_with([' ', '\t']) || line.starts_with("- ");
        match (indented, entries.last_mut()) {
            (true, Some(last)) => {
                let item = line.trim().strip_prefix("- ").unwrap_or(line.trim());
                let item = unquote(item);
                if !last.value.is_empty() && !item.is_empty() {
                    last.value.push_str(if line.trim().starts_with("- ") {
                        ", "
                    } else {
                        " "
                    });
                }
                last.value.push_str(&item);
                last.raw.push('\n');
                last.raw.push_str(line);
            }
            _ => {
                let (key, value) = line.split_once(':').unwrap_or((line, ""));
                let value = value.trim();
                let value = if value == "|" || value == ">" || value == "|-" || value == ">-" {
                    String::new()
                } else if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']'))
                {
                    list.split(',')
                        .map(|v| unquote(v.trim()))
                        .filter(|v| !v.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ")
                } else {
                    unquote(value)
                };
                entries.push(FrontEntry {
                    key: key.trim().to_owned(),
                    value,
                    raw: line.to_owned(),
                });
            }
        }
    }
    (entries, &rest[body_start..])
}

fn unquote(v: &str) -> String {
    if v.starts_with('"') && v.ends_with('"') && v.len() >= 2 {
        // YAML's double-quoted strings escape as JSON does for everything Markdown needs.
        return serde_json::from_str::<String>(v).unwrap_or_else(|_| v[1..v.len() - 1].to_owned());
    }
    if v.starts_with('\'') && v.ends_with('\'') && v.len() >= 2 {
        return v[1..v.len() - 1].replace("''", "'");
    }
    v.to_owned()
}

/// What the header says before anything is built: the incident's day and the zone named.
pub(crate) struct HeaderValues {
    pub day: Option<(i32, u32, u32)>,
    pub zone: Option<String>,
}

/// A label's value (the first line of the paragraph its text starts with) and the rest,
/// which keeps reading as it did (a continuation line stays text; a code block that starts
/// the text is not cut in two).
fn value_and_rest(text: &str) -> (String, String) {
    match blocks(text).first() {
        Some(b) if b.kind == BlockKind::Paragraph => {
            let (value, rest) = text.split_once('\n').unwrap_or((text, ""));
            (value.trim().to_owned(), keep_inline(rest))
        }
        _ => (String::new(), text.to_owned()),
    }
}

/// The rows of a table's lines (its delimiter row left out) as cells.
fn table_lines(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .enumerate()
        .filter(|(i, _)| *i != 1)
        .map(|(_, l)| split_row(l))
}

/// The header fields named in the first column of a part's tables, with their values.
fn header_rows(text: &str) -> Vec<(FieldId, String)> {
    blocks(text)
        .into_iter()
        .filter(|b| b.kind == BlockKind::Table)
        .flat_map(|b| {
            table_lines(&text[b.range])
                .filter_map(|cells| {
                    let f = header_field(cells.first()?)?;
                    Some((f, cells.get(1).copied().unwrap_or("").to_owned()))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

pub(crate) fn header_values(front: &[FrontEntry], parts: &[Part]) -> HeaderValues {
    let values = front
        .iter()
        .filter(|e| !is_publication_date(front, e))
        .filter_map(|e| header_field(&e.key).map(|f| (f, e.value.clone())))
        .chain(parts.iter().flat_map(|p| match p.target {
            Target::Field(f) if f.section() == SectionId::Header => {
                vec![(f, value_and_rest(&p.text).0)]
            }
            Target::Section(SectionId::Header) => header_rows(&p.text),
            _ => Vec::new(),
        }));
    let mut out = HeaderValues {
        day: None,
        zone: None,
    };
    for (f, v) in values {
        match f {
            FieldId::IncidentDate if out.day.is_none() => {
                out.day = parse_when(&v).and_then(|w| match w.day {
                    Some(Day::Full(y, m, d)) => Some((y, m, d)),
                    _ => None,
                });
            }
            FieldId::TimeZone if out.zone.is_none() => out.zone = Some(v),
            _ => {}
        }
    }
    out
}

/// A severity as people write it: SEV2, Sev 2, S2, a bare level, or its name.
fn severity(text: &str) -> Option<Severity> {
    let t = super::cells::plain(text).to_lowercase();
    let level = |d: char| match d {
        '1' => Some(Severity::Sev1),
        '2' => Some(Severity::Sev2),
        '3' => Some(Severity::Sev3),
        '4' => Some(Severity::Sev4),
        '5' => Some(Severity::Sev5),
        _ => None,
    };
    for prefix in ["sev", "s"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            let rest = rest.trim_start_matches([' ', '-', '_']);
            let mut chars = rest.chars();
            if let Some(d) = chars.next() {
                if !chars.next().is_some_and(|c| c.is_ascii_digit()) {
                    if let Some(s) = level(d) {
                        return Some(s);
                    }
                }
            }
        }
    }
    if t.chars().count() == 1 {
        return t.chars().next().and_then(level);
    }
    let first = words(&t).into_iter().next().unwrap_or_default();
    match first.as_str() {
        "critical" | "危急" | "嚴重" => Some(Severity::Sev1),
        "major" | "high" | "重大" | "高" => Some(Severity::Sev2),
        "minor" | "medium" | "moderate" | "輕微" | "中" => Some(Severity::Sev3),
        "low" | "低" => Some(Severity::Sev4),
        "cosmetic" | "trivial" | "外觀" => Some(Severity::Sev5),
        _ => None,
    }
}

/// Status phrases, read by [`status`]: negated ones are their own rows.
pub(super) const STATUS_WORDS: &[(&str, Status)] = &[
    ("not final", Status::Draft),
    ("not complete", Status::Draft),
    ("not completed", Status::Draft),
    ("not done", Status::Draft),
    ("not finished", Status::Draft),
    ("not published", Status::Draft),
    ("not yet", Status::Draft),
    ("incomplete", Status::Draft),
    ("unfinished", Status::Draft),
    ("undone", Status::Draft),
    ("unpublished", Status::Draft),
    ("未完成", Status::Draft),
    ("未定稿", Status::Draft),
    ("尚未", Status::Draft),
    ("未發布", Status::Draft),
    ("final", Status::Final),
    ("complete", Status::Final),
    ("completed", Status::Final),
    ("published", Status::Final),
    ("approved", Status::Final),
    ("closed", Status::Final),
    ("done", Status::Final),
    ("定稿", Status::Final),
    ("已完成", Status::Final),
    ("已發布", Status::Final),
    ("in review", Status::InReview),
    ("review", Status::InReview),
    ("reviewing", Status::InReview),
    ("審閱中", Status::InReview),
    ("審核中", Status::InReview),
    ("draft", Status::Draft),
    ("in progress", Status::Draft),
    ("wip", Status::Draft),
    ("草稿", Status::Draft),
    ("撰寫中", Status::Draft),
];

/// A report status as people write it; the phrase written first decides. Phrases match at
/// word starts ("complete" is not in "Incomplete"), and a negated one is its own row
/// ("not done", 未完成), so it comes first and is read as not final.
fn status(text: &str) -> Option<Status> {
    let lower = crate::text::folded(&super::cells::plain(text));
    STATUS_WORDS
        .iter()
        .filter_map(|(w, s)| {
            let at = crate::text::find_whole_word(&lower, w)?;
            Some((at, std::cmp::Reverse(w.len()), *s))
        })
        .min_by_key(|(at, len, _)| (*at, *len))
        .map(|(_, _, s)| s)
}

/// Splits a list of names as people type them: commas in either language, 、 and `;`.
fn names(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A block of Markdown without blank lines or trailing white space at its ends; the first
/// line keeps its indentation, which may make it code.
fn trim_block(text: &str) -> &str {
    let start = text
        .char_indices()
        .take_while(|(_, c)| c.is_whitespace())
        .filter(|(_, c)| *c == '\n')
        .last()
        .map_or(0, |(i, _)| i + 1);
    text[start..].trim_end()
}

/// A heading kept in a field, in bold. Its text is the file's own Markdown; when that
/// already holds strong emphasis, it stands alone as its own paragraph.
fn bold(md: &str) -> String {
    let md = md.trim();
    if md.contains("**") || md.contains("__") || md.ends_with('\\') {
        keep_inline(md)
    } else {
        format!("**{md}**")
    }
}

/// Units of text a compound heading's part is split into: its blocks, or the sentences of
/// its one paragraph.
fn units(text: &str) -> Vec<std::ops::Range<usize>> {
    let bs: Vec<_> = blocks(text)
        .into_iter()
        .filter(|b| b.kind != BlockKind::Rule)
        .collect();
    if let [b] = bs.as_slice() {
        if b.kind == BlockKind::Paragraph {
            let src = &text[b.range.clone()];
            let mut out = Vec::new();
            let mut start = 0;
            let mut chars = src.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let end = i + c.len_utf8();
                let full_stop = matches!(c, '。' | '！' | '？' | '；');
                let stop = matches!(c, '.' | '!' | '?')
                    && chars.peek().is_some_and(|(_, n)| n.is_whitespace());
                if full_stop || stop {
                    out.push(b.range.start + start..b.range.start + end);
                    // The next sentence starts at its first letter, not at the space.
                    start = end + src[end..].len() - src[end..].trim_start().len();
                }
            }
            if !src[start..].trim().is_empty() {
                out.push(b.range.start + start..b.range.end);
            }
            return out;
        }
    }
    // A block starts at its line's start: an indented code block's indentation is its own.
    bs.into_iter()
        .map(|b| {
            let src = block_source(text, b.range.clone());
            b.range.end - src.len()..b.range.end
        })
        .collect()
}

/// Splits a compound heading's text among its targets: each later target starts at the
/// first unit that mentions it; a target nothing mentions gets nothing.
fn split_compound(text: &str, targets: &[Target]) -> Vec<(Target, String)> {
    let mut units = units(text);
    if units.is_empty() {
        return vec![(targets[0], String::new())];
    }
    let mut starts = compound_starts(text, &units, targets);
    // One sentence naming both ("…，觸發點是月初排程同時啟動。"): cut it at its clauses.
    if starts.len() < targets.len() && units.len() == 1 {
        let clauses = clauses(text, units[0].clone());
        let finer = compound_starts(text, &clauses, targets);
        if finer.len() > starts.len() {
            units = clauses;
            starts = finer;
        }
    }
    starts
        .iter()
        .enumerate()
        .map(|(k, (t, s))| {
            let end = starts.get(k + 1).map_or(units.len(), |(_, e)| *e);
            let range = units[*s].start..units[end - 1].end;
            let piece = trim_block(&text[range]).trim_end_matches(['，', ',']);
            (*t, piece.to_owned())
        })
        .collect()
}

/// Where each target of a compound part starts: the first unit, then the first later unit
/// that mentions the next target.
fn compound_starts(
    text: &str,
    units: &[std::ops::Range<usize>],
    targets: &[Target],
) -> Vec<(Target, usize)> {
    let mut starts: Vec<(Target, usize)> = vec![(targets[0], 0)];
    for t in &targets[1..] {
        let from = starts.last().map_or(0, |(_, s)| s + 1);
        if let Some(j) = (from..units.len()).find(|j| mentions(&text[units[*j].clone()], *t)) {
            starts.push((*t, j));
        }
    }
    starts
}

/// A sentence cut after each comma (`，` or `, `), the comma staying with its clause.
fn clauses(text: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let src = &text[range.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = src.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let cut = c == '，' || (c == ',' && chars.peek().is_some_and(|(_, n)| n.is_whitespace()));
        if cut {
            out.push(range.start + start..range.start + end);
            start = end + src[end..].len() - src[end..].trim_start().len();
        }
    }
    if !src[start..].trim().is_empty() {
        out.push(range.start + start..range.end);
    }
    out
}

/// Builds the document.
struct Builder {
    doc: Postmortem,
    lang: Language,
    year: Option<i32>,
    /// Header values the fields could not carry word for word, as written.
    notes: Vec<String>,
    /// Header fields already given a value: a second value is kept as written.
    given: std::collections::HashSet<FieldId>,
    supporting: Vec<String>,
    /// The part being poured, and where each part's text has landed so far.
    current: Option<usize>,
    landed: Vec<Vec<Landing>>,
    /// The file's link reference definitions.
    refs: Vec<(String, String)>,
}

impl Builder {
    /// Notes that the current part's text reached `place` (with `rows` rows made there).
    fn land(&mut self, place: Target, rows: usize) {
        let Some(i) = self.current else {
            return;
        };
        let place = place.canonical();
        match self.landed[i].iter_mut().find(|l| l.place == place) {
            Some(l) => l.rows += rows,
            None => self.landed[i].push(Landing { place, rows }),
        }
    }

    fn support(&mut self, heading: &str, text: &str) {
        let joined = join_soft_breaks(trim_block(text));
        let text = joined.as_str();
        if !text.is_empty() || !heading.trim().is_empty() {
            self.land(Target::Supporting, 0);
        }
        match (heading.trim().is_empty(), text.is_empty()) {
            (true, true) => {}
            (true, false) => self.supporting.push(text.to_owned()),
            (false, true) => self.supporting.push(bold(heading.trim())),
            (false, false) => self
                .supporting
                .push(format!("{}\n\n{text}", bold(heading.trim()))),
        }
    }

    fn note(&mut self, label: &str, value: &str) {
        let label = format!("{}{}", label.trim(), colon(self.lang));
        self.notes
            .push(format!("- {} {}", bold(&label), value.trim()));
    }

    /// Sets a header field from a value as written; what it cannot carry word for word is
    /// kept as a note.
    fn header(&mut self, f: FieldId, label: &str, value: &str) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let h = &mut self.doc.header;
        let exact = match f {
            FieldId::Title | FieldId::IncidentId | FieldId::Owner => {
                let slot = match f {
                    FieldId::Title => &mut h.title,
                    FieldId::IncidentId => &mut h.incident_id,
                    _ => &mut h.owner,
                };
                if slot.is_empty() {
                    *slot = value.to_owned();
                }
                slot == value
            }
            FieldId::Authors | FieldId::Reviewers | FieldId::Tags => {
                let list = match f {
                    FieldId::Authors => &mut h.authors,
                    FieldId::Reviewers => &mut h.reviewers,
                    _ => &mut h.tags,
                };
                let mut seen: std::collections::HashSet<String> = list.iter().cloned().collect();
                for n in names(value) {
                    if seen.insert(n.clone()) {
                        list.push(n);
                    }
                }
                true
            }
            FieldId::Severity => match severity(value) {
                Some(s) => {
                    if h.severity.is_none() {
                        h.severity = Some(s);
                    }
                    h.severity == Some(s)
                        && (same_words(value, s.value())
                            || s.words().matches(value)
                            || [Language::En, Language::ZhTw]
                                .iter()
                                .any(|l| severity_text(s, *l) == value))
                }
                None => false,
            },
            FieldId::Status => match status(value) {
                Some(s) => {
                    h.status = s;
                    same_words(value, s.value()) || s.words().matches(value)
                }
                None => false,
            },
            FieldId::IncidentDate | FieldId::ReviewMeeting => {
                let slot = if f == FieldId::IncidentDate {
                    &mut h.incident_date
                } else {
                    &mut h.review_meeting
                };
                let first = parse_when(value).map_or("", |w| &value[..w.end]).trim();
                match due_date(first, None) {
                    Some(d) => {
                        if slot.is_empty() {
                            slot.clone_from(&d);
                        }
                        *slot == value
                    }
                    None => false,
                }
            }
            FieldId::TimeZone => h.time_zone == value,
            _ => false,
        };
        // A field given twice keeps its first value; the second is kept as written.
        if !exact || !self.given.insert(f) {
            self.note(label, value);
        }
    }

    /// Adds a part's text to a field. Its heading is kept (in bold) when `keep` says so (the
    /// heading named nothing, so the field does not say it) or, for text fields, when the
    /// field already holds text from another part.
    fn append_text(&mut self, f: FieldId, heading: &str, keep: bool, text: &str) {
        let text = trim_block(text);
        if !text.is_empty() && doc_field(f).is_some() {
            self.land(Target::Field(f), 0);
        }
        let heading = Some(heading.trim()).filter(|h| !h.is_empty());
        let Some(field) = doc_field(f) else {
            self.support(heading.unwrap_or(""), text);
            return;
        };
        match &field.access {
            Access::Text(_, get_mut) if field.kind == Kind::Lines => {
                let mut lines = entries(text);
                if let Some(h) = heading.filter(|_| keep) {
                    lines.insert(0, h.to_owned());
                }
                let slot = get_mut(&mut self.doc);
                for l in lines {
                    if !slot.is_empty() {
                        slot.push('\n');
                    }
                    slot.push_str(&l);
                }
            }
            Access::Text(_, get_mut) => {
                // Lines of a paragraph wrapped at a width read as one line.
                let joined = join_soft_breaks(text);
                let text = joined.as_str();
                let slot = get_mut(&mut self.doc);
                // The first text a field gets needs no heading: the field names it. Later
                // ones keep theirs, so the reader sees where each begins.
                let piece = match heading {
                    Some(h) if keep || !slot.trim().is_empty() => {
                        if text.is_empty() {
                            bold(h)
                        } else {
                            format!("{}\n\n{text}", bold(h))
                        }
                    }
                    _ => text.to_owned(),
                };
                if piece.is_empty() {
                    return;
                }
                if !slot.is_empty() {
                    slot.push_str("\n\n");
                }
                slot.push_str(&piece);
            }
            Access::List(_, get_mut) => {
                let mut list = entries(text);
                if let Some(h) = heading.filter(|_| keep) {
                    list.insert(0, bold(h));
                }
                get_mut(&mut self.doc).extend(list);
            }
            _ => self.support(heading.unwrap_or(""), text),
        }
    }

    /// Reads a header table's rows into header fields; other rows and blocks are returned.
    fn header_table(&mut self, text: &str) -> String {
        let mut rest: Vec<String> = Vec::new();
        for b in blocks(text) {
            let src = &text[b.range.clone()];
            if b.kind != BlockKind::Table {
                if b.kind != BlockKind::Rule {
                    rest.push(block_source(text, b.range.clone()).trim_end().to_owned());
                }
                continue;
            }
            let mut kept = Vec::new();
            for cells in table_lines(src) {
                let key = cells.first().copied().unwrap_or("");
                let value = cells.get(1).copied().unwrap_or("");
                match header_field(key) {
                    Some(f) => self.header(f, key, value),
                    None if cells.iter().all(|c| c.trim().is_empty()) => {}
                    None => kept.push(format!("- {}", cells.join(" — "))),
                }
            }
            if !kept.is_empty() {
                rest.push(kept.join("\n"));
            }
        }
        rest.join("\n\n")
    }

    /// Pours one part's text into a target. `heading` is the heading to keep with the
    /// text when the target does not already say it (an inherited heading).
    fn fill(&mut self, part: &Part, target: Target, text: &str, others: &[Target]) {
        // Prose next to rows goes to the compound's other target, if it has one.
        let prose_to = others.iter().copied().find(|t| !is_rows(*t));
        match target.canonical() {
            Target::Section(SectionId::Timeline) => {
                if !part.reading.events.is_empty() {
                    self.land(
                        Target::Section(SectionId::Timeline),
                        part.reading.events.len(),
                    );
                }
                self.doc
                    .timeline
                    .extend(part.reading.events.iter().cloned());
                let rest = part.reading.rest.clone();
                self.leftover(part, prose_to, &rest);
            }
            Target::Section(SectionId::ActionItems) => {
                let reading = read_actions(text, self.year, &self.refs);
                if !reading.items.is_empty() {
                    self.land(Target::Section(SectionId::ActionItems), reading.items.len());
                }
                self.doc.action_items.extend(reading.items);
                self.leftover(part, prose_to, &reading.rest);
            }
            Target::Section(SectionId::Header) => {
                self.land(Target::Section(SectionId::Header), 0);
                let rest = self.header_table(text);
                if !rest.trim().is_empty() {
                    self.support(&part.heading, &rest);
                }
            }
            Target::Field(FieldId::Title) => {
                self.land(Target::Field(FieldId::Title), 0);
                let first = value_and_rest(text).0;
                let title = if part.heading.is_empty() {
                    first.as_str()
                } else {
                    part.heading.as_str()
                };
                if self.doc.header.title.is_empty() {
                    self.doc.header.title = title.to_owned();
                    let rest = if part.heading.is_empty() {
                        value_and_rest(text).1
                    } else {
                        text.to_owned()
                    };
                    self.support("", &rest);
                } else if self.doc.header.title == title {
                    self.support("", text);
                } else {
                    self.support(&part.heading, text);
                }
            }
            Target::Field(f) if f.section() == SectionId::Header => {
                self.land(Target::Field(f), 0);
                let (value, rest) = value_and_rest(text);
                let label = if part.heading.is_empty() {
                    f.label(self.lang)
                } else {
                    part.heading.as_str()
                };
                self.header(f, label, &value);
                if !rest.trim().is_empty() {
                    self.support(label, &rest);
                }
            }
            // Questions and answers: one entry each; a statement before them is a root
            // cause.
            Target::Field(FieldId::FiveWhys) if super::whys::why_entries(text).is_some() => {
                if let Some((lead, entries)) = super::whys::why_entries(text) {
                    self.land(Target::Field(FieldId::FiveWhys), entries.len());
                    if !lead.trim().is_empty() {
                        self.append_text(FieldId::RootCauses, "", false, &lead);
                    }
                    if part.inherited && !part.heading.trim().is_empty() {
                        self.doc.causes.five_whys.push(bold(&part.heading));
                    }
                    self.doc.causes.five_whys.extend(entries);
                }
            }
            t => match t.text_field() {
                // A heading that is Supporting information's own name adds nothing there.
                Some(FieldId::SupportingInfo)
                    if [Language::En, Language::ZhTw].iter().any(|l| {
                        part.heading.trim().to_lowercase()
                            == SectionId::Supporting.heading().get(*l).to_lowercase()
                    }) =>
                {
                    self.support("", text);
                }
                Some(FieldId::SupportingInfo) => self.support(&part.heading, text),
                Some(f) => self.append_text(f, &part.heading, part.inherited, text),
                None => self.support(&part.heading, text),
            },
        }
    }

    /// What a rows target could not make rows of.
    fn leftover(&mut self, part: &Part, to: Option<Target>, rest: &str) {
        match to {
            Some(t) if !rest.trim().is_empty() => {
                let copy = Part {
                    inherited: false,
                    ..part.clone()
                };
                self.fill(&copy, t, rest, &[]);
            }
            // A heading that named the rows needs no place of its own; an inherited one
            // keeps its words with what could not be read.
            _ if part.inherited => self.support(&part.heading, rest),
            _ if !rest.trim().is_empty() => self.support(&part.heading, rest),
            _ => {}
        }
    }
}

fn is_rows(t: Target) -> bool {
    matches!(
        t,
        Target::Section(SectionId::Timeline | SectionId::ActionItems)
    )
}

/// The title the file states as a field: in its front matter, a metadata table or a label
/// line ("| **Incident Title** | … |", "Title: …"), read by its content.
fn explicit_title(import: &ForeignImport) -> Option<String> {
    let from_front = import
        .front
        .iter()
        .find(|e| header_field(&e.key) == Some(FieldId::Title))
        .map(|e| e.value.clone());
    let from_parts = || {
        import.parts.iter().find_map(|p| match p.target {
            Target::Field(FieldId::Title) if p.role == super::split::Role::Label => {
                Some(value_and_rest(&p.text).0)
            }
            Target::Section(SectionId::Header) => header_rows(&p.text)
                .into_iter()
                .find(|(f, _)| *f == FieldId::Title)
                .map(|(_, v)| v),
            _ => None,
        })
    };
    from_front
        .or_else(from_parts)
        .map(|t| super::cells::plain(&t))
        .filter(|t| !t.is_empty())
}

/// A value the importer read from the file's words rather than from a field of its own
/// ("alerts fired …" says Detected by: Alert): the dialog shows it with its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadFromText {
    /// The field it set.
    pub field: FieldId,
    /// The value, in both languages.
    pub value: crate::words::Words,
    /// The words it was read from, as written.
    pub evidence: String,
}

/// Words that say who or what noticed an incident, in the order they are tried.
const DETECTED_BY_WORDS: &[(&str, DetectedBy)] = &[
    ("alert", DetectedBy::Alert),
    ("paged", DetectedBy::Alert),
    ("pager", DetectedBy::Alert),
    ("page ", DetectedBy::Alert),
    ("pages", DetectedBy::Alert),
    ("monitor", DetectedBy::Alert),
    ("alarm", DetectedBy::Alert),
    ("synthetic", DetectedBy::Alert),
    ("告警", DetectedBy::Alert),
    ("警報", DetectedBy::Alert),
    ("監控", DetectedBy::Alert),
    ("customer", DetectedBy::CustomerReport),
    ("support ticket", DetectedBy::CustomerReport),
    ("support case", DetectedBy::CustomerReport),
    ("support request", DetectedBy::CustomerReport),
    ("users report", DetectedBy::CustomerReport),
    ("user report", DetectedBy::CustomerReport),
    ("reported by a user", DetectedBy::CustomerReport),
    ("客戶", DetectedBy::CustomerReport),
    ("客訴", DetectedBy::CustomerReport),
    ("使用者回報", DetectedBy::CustomerReport),
    ("employee", DetectedBy::Employee),
    ("engineer noticed", DetectedBy::Employee),
    ("staff", DetectedBy::Employee),
    ("同仁發現", DetectedBy::Employee),
    ("員工", DetectedBy::Employee),
];

/// Words that deny what their clause says: "the alert did not fire", 告警沒有觸發.
const DENIALS: &[&str] = &[
    "not",
    "no",
    "never",
    "without",
    "n't",
    "failed to",
    "沒有",
    "沒",
    "未",
];

/// Whether the clause around `at` denies itself ("The queue-age alert did not fire, …").
fn denied(lower: &str, at: usize) -> bool {
    let stops = [';', ',', '；', '，'];
    let start = lower[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| stops.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = lower[at..].find(stops).map_or(lower.len(), |i| at + i);
    let clause = &lower[start..end];
    DENIALS.iter().any(|d| match d.chars().next() {
        // A whole word: "no" is not "now", "not" is not "notice".
        Some(c) if c.is_ascii_alphabetic() => crate::text::contains_bounded(clause, d),
        // "n't" ends a word; Chinese words stand anywhere.
        _ => clause.contains(d),
    })
}

/// Who or what noticed, read from a text that says it, and the sentence that says it: the
/// first sentence with such a word in a clause that does not deny it, and in it the choice
/// whose word comes first.
fn detected_by_in(text: &str) -> Option<(DetectedBy, &str)> {
    crate::text::sentences(text).find_map(|sentence| {
        // A question ("Was monitoring the first to detect it?") says nothing yet.
        if sentence
            .trim_end()
            .trim_end_matches(['*', '_'])
            .ends_with(['?', '？'])
        {
            return None;
        }
        let lower = crate::text::folded(sentence);
        DETECTED_BY_WORDS
            .iter()
            .filter_map(|(w, d)| {
                let mut from = 0;
                while let Some(at) = crate::text::find_word_start(&lower, w, from) {
                    if !denied(&lower, at) {
                        return Some((at, *d));
                    }
                    from = at + w.len();
                }
                None
            })
            .min_by_key(|(at, _)| *at)
            .map(|(_, d)| (d, sentence))
    })
}

/// Where some of a part's text landed once the document was built: a section or field,
/// with how many rows (timeline events, action items, whys) it made there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Landing {
    /// The place.
    pub place: Target,
    /// Rows made there; 0 for text.
    pub rows: usize,
}

/// Sets Detected by when the file says who or what noticed without choosing: from the
/// Detection text, else from the timeline's first "detected" row. Returns what was read.
fn read_detected_by(doc: &mut Postmortem) -> Option<ReadFromText> {
    if doc.detection.detected_by.is_some() {
        return None;
    }
    let detection = doc.detection.description.trim();
    let first_detected = doc
        .timeline
        .iter()
        .filter(|e| e.kind == EventKind::Detected)
        .min_by_key(|e| e.time.map(|t| t.utc))
        .map(|e| e.event.as_str());
    let (value, evidence) = Some(detection)
        .filter(|t| !t.is_empty())
        .into_iter()
        .chain(first_detected)
        .find_map(detected_by_in)?;
    doc.detection.detected_by = Some(value);
    Some(ReadFromText {
        field: FieldId::DetectedBy,
        value: value.words(),
        // The sentence quoted without its full stop: the message ends with its own.
        evidence: crate::text::clip_words(evidence.trim().trim_matches(['*', '_']), 20)
            .trim_end_matches(['.', '。'])
            .to_owned(),
    })
}

/// Builds the document of an import from its parts, and where each part's text landed.
pub(crate) fn build(import: &ForeignImport) -> (Postmortem, Vec<Vec<Landing>>, Vec<ReadFromText>) {
    let lang = import.language;
    let mut b = Builder {
        doc: Postmortem::default(),
        lang,
        year: import.year,
        notes: Vec::new(),
        given: std::collections::HashSet::new(),
        supporting: Vec::new(),
        current: None,
        landed: vec![Vec::new(); import.parts.len()],
        refs: import.refs.clone(),
    };
    b.doc.language = lang;
    b.doc.header.time_zone.clone_from(&import.zone);
    // A title the file gives as a field (front matter, a metadata table, a label) is the
    // report's title; the page's heading above it is kept with the text.
    if let Some(title) = explicit_title(import) {
        b.doc.header.title = title;
    }
    let mut other_front = Vec::new();
    for e in &import.front {
        // A blog post's date says when it was published: kept, not the incident's date.
        let field = Some(&e.key)
            .filter(|_| !is_publication_date(&import.front, e))
            .and_then(|k| header_field(k));
        match field {
            Some(f) => b.header(f, &e.key, &e.value),
            None => other_front.push(format!("- {}", e.raw.trim())),
        }
    }
    for (i, part) in import.parts.iter().enumerate() {
        b.current = Some(i);
        let targets: Vec<Target> = std::iter::once(part.target)
            .chain(part.also.iter().copied())
            .collect();
        if targets.len() == 1 {
            b.fill(part, part.target, &part.text, &[]);
        } else if let Some(rows) = targets.iter().copied().find(|t| is_rows(*t)) {
            // Rows take the whole part; its prose goes to the other target.
            let others: Vec<Target> = targets.iter().copied().filter(|t| *t != rows).collect();
            b.fill(part, rows, &part.text, &others);
        } else {
            for (t, text) in split_compound(&part.text, &targets) {
                b.fill(part, t, &text, &[]);
            }
        }
    }
    b.current = None;
    let mut top = Vec::new();
    if !b.notes.is_empty() {
        top.push(format!(
            "{}\n\n{}",
            bold(messages::AS_WRITTEN.get(lang)),
            b.notes.join("\n")
        ));
    }
    if !other_front.is_empty() {
        top.push(format!(
            "{}\n\n{}",
            bold(messages::FRONT_MATTER.get(lang)),
            other_front.join("\n")
        ));
    }
    top.append(&mut b.supporting);
    b.doc.supporting_info = top.join("\n\n");
    // Without an incident date: the date in the title ("DNS Outage on 2023-01-25"), else
    // the day the impact started, else the summary's date, else the first row's day, else
    // the first date the text gives, else the day the post was published.
    if b.doc.header.incident_date.trim().is_empty() {
        let local_day = |t: &crate::time::Timestamp| {
            let local = LocalDateTime::from_epoch_seconds(t.utc + i64::from(t.offset_minutes) * 60);
            (local.year, local.month, local.day)
        };
        let first_of = |kinds: &[EventKind]| {
            b.doc
                .timeline
                .iter()
                .filter(|e| kinds.is_empty() || kinds.contains(&e.kind))
                .filter_map(|e| e.time)
                .min_by_key(|t| t.utc)
                .map(|t| local_day(&t))
        };
        let full_day = |text: &str| match super::times::find_day(text) {
            Some(Day::Full(y, m, d)) => Some((y, m, d)),
            _ => None,
        };
        // A summary's date before the first row's: that row is often the lead-up, a change
        // merged the day before ("On 2023-07-20 between 12:17 and 12:30 UTC …").
        let day = full_day(&b.doc.header.title)
            .or_else(|| first_of(&[EventKind::ImpactStarted]))
            .or_else(|| full_day(&super::without_bylines(&b.doc.summary)))
            .or_else(|| first_of(&[]))
            .or(import.inferred_day)
            .or_else(|| publication_date(&import.front));
        if let Some((y, m, d)) = day {
            b.doc.header.incident_date = format!("{y:04}-{m:02}-{d:02}");
        }
    }
    // Nothing is read into a page that is no postmortem.
    let read = if import.not_a_postmortem.is_some() {
        Vec::new()
    } else {
        read_detected_by(&mut b.doc).into_iter().collect()
    };
    (b.doc, b.landed, read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_of_other_tools_is_read() {
        let (entries, body) = front_matter(
            "---\ntitle: \"API \\\"errors\\\"\"\nseverity: SEV2\nauthors: [ana, 'bo']\ntags:\n  - db\n  - cache\n---\n# Body\n",
        );
        assert_eq!(body, "# Body\n");
        let get = |k: &str| {
            entries
                .iter()
                .find(|e| e.key == k)
                .map(|e| e.value.as_str())
        };
        assert_eq!(get("title"), Some("API \"errors\""));
        assert_eq!(get("authors"), Some("ana, bo"));
        assert_eq!(get("tags"), Some("db, cache"));
        let (none, same) = front_matter("---\nno end\n");
        assert!(none.is_empty());
        assert_eq!(same, "---\nno end\n");
        let markdown = "---\n\n# Summary\n\n---\n";
        assert_eq!(front_matter(markdown), (Vec::new(), markdown));
    }

    #[test]
    fn severities_and_statuses_are_read_as_people_write_them() {
        assert_eq!(severity("Sev 2 - Major"), Some(Severity::Sev2));
        assert_eq!(severity("SEV1"), Some(Severity::Sev1));
        assert_eq!(severity("3"), Some(Severity::Sev3));
        assert_eq!(severity("重大"), Some(Severity::Sev2));
        assert_eq!(severity("soon"), None);
        assert_eq!(
            status("Complete, action items in progress"),
            Some(Status::Final)
        );
        assert_eq!(status("草稿"), Some(Status::Draft));
        for not_final in [
            "Incomplete",
            "Not done",
            "undone",
            "未完成",
            "未定稿",
            "not final yet",
        ] {
            assert_eq!(status(not_final), Some(Status::Draft), "{not_final}");
        }
        assert_eq!(status("Done"), Some(Status::Final));
        assert_eq!(status("已完成"), Some(Status::Final));
        assert_eq!(status("?"), None);
    }

    #[test]
    fn compound_text_is_split_where_the_second_part_is_named() {
        use crate::fields::FieldId as F;
        let targets = [Target::Field(F::RootCauses), Target::Field(F::Mitigation)];
        let split = split_compound(
            "The pool was too small. It ran out under load. We mitigated by raising it.",
            &targets,
        );
        assert_eq!(
            split,
            [
                (
                    targets[0],
                    "The pool was too small. It ran out under load.".to_owned()
                ),
                (targets[1], "We mitigated by raising it.".to_owned())
            ]
        );
        let split = split_compound(
            "根因：連線池太小。\n\n觸發點：流量尖峰。",
            &[Target::Field(F::RootCauses), Target::Field(F::Trigger)],
        );
        assert_eq!(split[1].1, "觸發點：流量尖峰。");
    }
}
