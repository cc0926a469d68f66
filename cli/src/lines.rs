//! The line of a file that a finding points at: the heading, table row or list item of the
//! section, field or row its target names. Hindsight's own Markdown is found by the places
//! the report writer puts things (`## Summary`, `### Root causes`, `| Severity | …`, the
//! n-th row of the Timeline table); a file written elsewhere by the heading of the part the
//! importer sent there, and a row by its text; JSON by its key. Anything not found points
//! at the section, and then at line 1.

use hindsight_core::fields::{doc_field, Access, Field, Place, ACTION_FIELDS, EVENT_FIELDS};
use hindsight_core::import::{ForeignImport, Target as PartTarget};
use hindsight_core::review::Target;
use hindsight_core::{FieldId, Language, Postmortem, SectionId};

/// How the file was read, which says how to find things in it.
pub enum Shape<'a> {
    /// Hindsight's own Markdown, with or without its front matter.
    Hindsight,
    /// Markdown written elsewhere, cut into these parts.
    Foreign(&'a ForeignImport),
    /// Hindsight's JSON.
    Json,
}

/// Finds the lines of a file's targets.
pub struct Locator<'a> {
    lines: Vec<&'a str>,
    shape: Shape<'a>,
    doc: &'a Postmortem,
    /// ATX headings outside code fences: (line, level, text).
    headings: Vec<(usize, usize, &'a str)>,
    /// Where the body starts, after any front matter.
    body: usize,
    /// The line of each foreign part's heading.
    parts: Vec<Option<usize>>,
}

const BOTH: [Language; 2] = [Language::En, Language::ZhTw];

impl<'a> Locator<'a> {
    /// A locator over `text`, read as `shape` into `doc`.
    pub fn new(text: &'a str, shape: Shape<'a>, doc: &'a Postmortem) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let body = front_matter_end(&lines);
        let headings = headings(&lines, body);
        let mut me = Locator {
            lines,
            shape,
            doc,
            headings,
            body,
            parts: Vec::new(),
        };
        if let Shape::Foreign(imp) = me.shape {
            let mut from = me.body;
            me.parts = imp
                .parts
                .iter()
                .map(|p| {
                    let at = me.find_heading_text(&p.heading, from);
                    if let Some(at) = at {
                        from = at + 1;
                    }
                    at
                })
                .collect();
        }
        me
    }

    /// The 1-based line of a finding's target.
    pub fn line(&self, target: Target) -> usize {
        let found = match self.shape {
            Shape::Json => self.json_line(target),
            _ => match target {
                Target::Section(s) => self.section(s),
                Target::Field(f) => self.field(f),
                Target::Row { field, index } => self.row(field, index),
            },
        };
        found
            .or_else(|| self.section(target.section()))
            .map_or(1, |l| l + 1)
    }

    fn section(&self, s: SectionId) -> Option<usize> {
        match self.shape {
            Shape::Json => None,
            Shape::Hindsight if s == SectionId::Header => self
                .headings
                .iter()
                .find(|h| h.1 == 1)
                .map(|h| h.0)
                .or(Some(self.body)),
            Shape::Hindsight => {
                let names = BOTH.map(|l| s.heading().get(l));
                self.headings
                    .iter()
                    .find(|h| h.1 == 2 && names.contains(&h.2))
                    .map(|h| h.0)
            }
            Shape::Foreign(imp) => self.part_line(imp, |t| {
                t.section() == s && !matches!(t, PartTarget::Supporting)
                    || (s == SectionId::Supporting && t == PartTarget::Supporting)
            }),
        }
    }

    /// The line of the first part sent to a place `wanted` accepts.
    fn part_line(&self, imp: &ForeignImport, wanted: impl Fn(PartTarget) -> bool) -> Option<usize> {
        imp.parts.iter().zip(&self.parts).find_map(|(p, line)| {
            let hit = std::iter::once(p.target)
                .chain(p.also.iter().copied())
                .any(|t| wanted(t.canonical()));
            if hit {
                *line
            } else {
                None
            }
        })
    }

    /// The lines from a section's heading to the next heading of its level.
    fn section_range(&self, s: SectionId) -> Option<(usize, usize)> {
        let start = self.section(s)?;
        let level = self
            .headings
            .iter()
            .find(|h| h.0 == start)
            .map_or(2, |h| h.1.max(2));
        let end = self
            .headings
            .iter()
            .find(|h| h.0 > start && h.1 <= level)
            .map_or(self.lines.len(), |h| h.0);
        Some((start, end))
    }

    fn field(&self, id: FieldId) -> Option<usize> {
        let f = doc_field(id)?;
        if let Shape::Foreign(imp) = self.shape {
            return self
                .part_line(imp, |t| t == PartTarget::Field(id))
                .or_else(|| self.section(f.section));
        }
        let labels = BOTH.map(|l| f.label.get(l));
        let in_section = |test: &dyn Fn(&str) -> bool| -> Option<usize> {
            let (start, end) = self.section_range(f.section)?;
            (start..end).find(|&i| test(self.lines[i]))
        };
        match f.place {
            Place::Title => self.section(SectionId::Header),
            Place::Front => {
                let first_section = self
                    .headings
                    .iter()
                    .find(|h| h.1 == 2)
                    .map_or(self.lines.len(), |h| h.0);
                (self.body..first_section)
                    .find(|&i| labels.iter().any(|l| is_row_of(self.lines[i], l)))
                    .or_else(|| self.front_matter_key(f.key))
            }
            Place::Setting => self.front_matter_key(f.key),
            Place::Body => self.section(f.section),
            Place::Sub => in_section(&|line| {
                heading(line).is_some_and(|(level, text)| level == 3 && labels.contains(&text))
            }),
            Place::Measure => in_section(&|line| labels.iter().any(|l| is_row_of(line, l))),
            Place::Lead => in_section(&|line| {
                labels
                    .iter()
                    .any(|l| line.trim_start().starts_with(&format!("**{l}")))
            }),
            Place::Column => None,
        }
    }

    fn front_matter_key(&self, key: &str) -> Option<usize> {
        (0..self.body).find(|&i| {
            self.lines[i]
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with(':'))
        })
    }

    fn row(&self, field: FieldId, index: usize) -> Option<usize> {
        let section = field.section();
        let is_list = doc_field(field).is_some_and(|f| matches!(f.access, Access::List(..)));
        if let Shape::Foreign(imp) = self.shape {
            let text = self.row_text(field, index)?;
            let start = if is_list {
                self.field(field)
            } else {
                self.part_line(imp, |t| t == PartTarget::Section(section))
            }
            .unwrap_or(self.body);
            return self.find_text(&text, start);
        }
        if is_list {
            let start = self.field(field)?;
            let end = self
                .headings
                .iter()
                .find(|h| h.0 > start)
                .map_or(self.lines.len(), |h| h.0);
            return (start + 1..end)
                .filter(|&i| is_list_item(self.lines[i]))
                .nth(index);
        }
        let (start, end) = self.section_range(section)?;
        let header = (start..end.saturating_sub(1))
            .find(|&i| self.lines[i].starts_with('|') && is_delimiter(self.lines[i + 1]))?;
        (header + 2..end)
            .take_while(|&i| self.lines[i].starts_with('|'))
            .nth(index)
    }

    /// The text that names a row: an event's text, an action, a list entry.
    fn row_text(&self, field: FieldId, index: usize) -> Option<String> {
        let text = match field.section() {
            SectionId::Timeline => self.doc.timeline.get(index).map(|e| e.event.clone()),
            SectionId::ActionItems => self.doc.action_items.get(index).map(|a| a.action.clone()),
            _ => match &doc_field(field)?.access {
                Access::List(get, _) => get(self.doc).get(index).cloned(),
                _ => None,
            },
        }?;
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_owned())
    }

    /// The first line from `from` on that holds the beginning of `text`: up to its first
    /// line break or Markdown mark-up, and at most 40 characters, then shorter beginnings
    /// (the importer may have added words after the file's own).
    fn find_text(&self, text: &str, from: usize) -> Option<usize> {
        let start: String = text
            .lines()
            .next()
            .unwrap_or("")
            .chars()
            .take_while(|c| !matches!(c, '*' | '_' | '`' | '[' | '|' | '\\' | '<' | '(' | '（'))
            .collect();
        [40, 20, 10].into_iter().find_map(|n| {
            let snippet: String = start.chars().take(n).collect();
            let snippet = snippet.trim();
            if snippet.chars().count() < 3 {
                return None;
            }
            (from..self.lines.len()).find(|&i| self.lines[i].contains(snippet))
        })
    }

    /// The line of a foreign part's heading, searching from `from`.
    fn find_heading_text(&self, heading: &str, from: usize) -> Option<usize> {
        let heading = heading.trim();
        if heading.is_empty() {
            return None;
        }
        (from..self.lines.len()).find(|&i| self.lines[i].contains(heading))
    }

    fn json_line(&self, target: Target) -> Option<usize> {
        let find = |key: &str, value: Option<serde_json::Value>| -> Option<usize> {
            let exact = value.map(|v| format!("\"{key}\": {v}"));
            exact
                .and_then(|e| {
                    self.lines
                        .iter()
                        .position(|l| l.trim_end_matches(',').trim() == e)
                })
                .or_else(|| {
                    let key = format!("\"{key}\":");
                    self.lines
                        .iter()
                        .position(|l| l.trim_start().starts_with(&key))
                })
        };
        let value = |f: &Field<Postmortem>| match &f.access {
            Access::Text(get, _) => Some(serde_json::Value::from(get(self.doc).as_str())),
            _ => None,
        };
        match target {
            Target::Section(s) => hindsight_core::fields::section_fields(s)
                .next()
                .and_then(|f| find(f.key, value(f))),
            Target::Field(id) => doc_field(id).and_then(|f| find(f.key, value(f))),
            Target::Row { field, index } => {
                let (key, text) = match field.section() {
                    SectionId::Timeline => (EVENT_FIELDS[1].key, self.row_text(field, index)),
                    SectionId::ActionItems => (ACTION_FIELDS[0].key, self.row_text(field, index)),
                    _ => {
                        let text = self.row_text(field, index)?;
                        let entry = serde_json::Value::from(text).to_string();
                        return self
                            .lines
                            .iter()
                            .position(|l| l.trim().trim_end_matches(',') == entry);
                    }
                };
                find(key, text.map(serde_json::Value::from))
            }
        }
    }
}

/// The line after a front matter block (`---` … `---` at the top), or 0.
fn front_matter_end(lines: &[&str]) -> usize {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return 0;
    }
    lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map_or(0, |i| i + 2)
}

/// An ATX heading's level and text.
fn heading(line: &str) -> Option<(usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let level = rest.len() - rest.trim_start_matches('#').len();
    if !(1..=6).contains(&level) {
        return None;
    }
    let text = &rest[level..];
    if !text.is_empty() && !text.starts_with([' ', '\t']) {
        return None;
    }
    let text = text.trim();
    let text = text.trim_end_matches('#').trim_end();
    Some((level, text))
}

fn headings<'a>(lines: &[&'a str], from: usize) -> Vec<(usize, usize, &'a str)> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    for (i, line) in lines.iter().enumerate().skip(from) {
        let t = line.trim_start();
        match fence {
            Some(f) => {
                if t.starts_with(f) {
                    fence = None;
                }
                continue;
            }
            None if t.starts_with("```") => fence = Some("```"),
            None if t.starts_with("~~~") => fence = Some("~~~"),
            None => {
                if let Some((level, text)) = heading(line) {
                    out.push((i, level, text));
                }
            }
        }
    }
    out
}

/// Whether a table row's first cell is `label`.
fn is_row_of(line: &str, label: &str) -> bool {
    line.strip_prefix('|')
        .and_then(|rest| rest.split('|').next())
        .is_some_and(|cell| cell.trim() == label)
}

fn is_delimiter(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn is_list_item(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix(['-', '*', '+']) {
        return rest.starts_with(' ');
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use hindsight_core::example::chatgpt_2023_03_20;
    use hindsight_core::export::export_markdown;

    fn line_of(text: &str, target: Target) -> usize {
        let doc = chatgpt_2023_03_20();
        Locator::new(text, Shape::Hindsight, &doc).line(target)
    }

    fn text_at(text: &str, line: usize) -> &str {
        text.lines().nth(line - 1).unwrap_or("")
    }

    #[test]
    fn hindsight_markdown_is_found_by_where_the_writer_puts_things() {
        let md = export_markdown(&chatgpt_2023_03_20());
        let at = |t| text_at(&md, line_of(&md, t));
        assert_eq!(at(Target::Section(SectionId::Summary)), "## Summary");
        assert_eq!(at(Target::Field(FieldId::RootCauses)), "### Root causes");
        assert!(at(Target::Field(FieldId::Severity)).starts_with("| Severity |"));
        assert!(at(Target::Field(FieldId::Title)).starts_with("# ChatGPT"));
        assert!(at(Target::Field(FieldId::UsersAffected)).starts_with("| Users affected |"));
        assert!(at(Target::Field(FieldId::DetectedBy)).starts_with("**Detected by"));
        assert!(at(Target::Field(FieldId::ReportLanguage)).starts_with("language:"));
        assert!(at(Target::Row {
            field: FieldId::EventTime,
            index: 1
        })
        .contains("Users report seeing"));
        assert!(at(Target::Row {
            field: FieldId::ActionOwner,
            index: 0
        })
        .starts_with("| Test the redis-py fix"));
        assert!(at(Target::Row {
            field: FieldId::FiveWhys,
            index: 2
        })
        .starts_with("3. Why was it not cleaned up?"));
    }

    #[test]
    fn what_is_not_there_points_at_its_section_or_the_first_line() {
        let mut doc = chatgpt_2023_03_20();
        doc.causes.recurrence.clear();
        let md = export_markdown(&doc);
        let at = line_of(&md, Target::Field(FieldId::Recurrence));
        assert_eq!(text_at(&md, at), "## Trigger and root causes");
        assert_eq!(
            line_of("no headings at all", Target::Section(SectionId::Summary)),
            1
        );
    }

    #[test]
    fn list_items_and_headings_are_read_as_markdown_writes_them() {
        assert_eq!(heading("## Summary"), Some((2, "Summary")));
        assert_eq!(heading("### Root causes ##"), Some((3, "Root causes")));
        assert_eq!(heading("#hashtag"), None);
        assert!(is_list_item("1. Why"));
        assert!(is_list_item("- well"));
        assert!(!is_list_item("-not"));
        assert!(!is_list_item("2023"));
    }
}
