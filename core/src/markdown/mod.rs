//! The report as Markdown: a deterministic, pure function of the document, in its language.
//!
//! Each section is generated on its own ([`section_markdown`]) so the preview can render and
//! replace one section per keystroke; [`to_markdown`] joins them. What goes where comes from
//! the field table. Empty fields are omitted, and a section with nothing in it is omitted
//! whole, except the title, which is always there.

pub mod escape;

use std::fmt::Write as _;

use crate::document::{Language, Postmortem};
use crate::fields::{section_fields, Access, Field, Kind, Place, ACTION_FIELDS, EVENT_FIELDS};
use crate::metrics::{sorted_by_time, spans_days, TimelineMetrics};
use crate::report::{self, colon, display_title, format_duration, severity_text};
use crate::sections::SectionId;
use crate::time::format_offset;
use crate::words::Words;
use escape::{escape_block, escape_cell, escape_inline};

/// The whole report, sections in the brief's order, ending with one newline.
pub fn to_markdown(doc: &Postmortem) -> String {
    let parts: Vec<String> = SectionId::ALL
        .iter()
        .map(|s| section_markdown(doc, *s))
        .filter(|md| !md.is_empty())
        .collect();
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// One section's Markdown, or an empty string when the section has nothing to show.
pub fn section_markdown(doc: &Postmortem, section: SectionId) -> String {
    let lang = doc.language;
    match section {
        SectionId::Header => header(doc, lang),
        SectionId::Timeline => {
            let mut w = SectionWriter::new(section, lang);
            timeline(doc, lang, &mut w);
            w.finish()
        }
        SectionId::ActionItems => {
            let mut w = SectionWriter::new(section, lang);
            action_items(doc, lang, &mut w);
            w.finish()
        }
        _ => fields_section(doc, section, lang),
    }
}

/// The bold lead line that carries a choice, such as `**Detected by:** Alert`.
pub(crate) fn lead_prefix(label: Words, lang: Language) -> String {
    report::bold_label(label.get(lang), lang)
}

/// Every form of a lead line the importer reads: as written now, and as Hindsight wrote it
/// in Chinese before (`**偵測方式：** `).
pub(crate) fn lead_prefixes(label: Words) -> [String; 3] {
    [
        lead_prefix(label, Language::En),
        lead_prefix(label, Language::ZhTw),
        format!(
            "**{}{}** ",
            label.get(Language::ZhTw),
            colon(Language::ZhTw)
        ),
    ]
}

/// The header row of a two-column table.
pub(crate) fn header_row(columns: &[Words], lang: Language) -> String {
    let names: Vec<&str> = columns.iter().map(|c| c.get(lang)).collect();
    format!("| {} |", names.join(" | "))
}

/// Whether a body written by the user could pass for a part the import reads beside it
/// (the measures table, the lead line), in either language.
fn looks_reserved(section: SectionId, body: &str) -> bool {
    match section {
        SectionId::Impact => body.lines().any(|l| {
            [Language::En, Language::ZhTw]
                .iter()
                .any(|lang| l.trim() == header_row(&report::MEASURE_VALUE, *lang))
        }),
        _ => section_fields(section)
            .filter(|f| f.place == Place::Lead)
            .any(|f| {
                lead_prefixes(f.label)
                    .iter()
                    .any(|p| body.starts_with(p.as_str()))
            }),
    }
}

fn fields_section(doc: &Postmortem, section: SectionId, lang: Language) -> String {
    let mut w = SectionWriter::new(section, lang);
    let mut measures: Vec<Vec<String>> = Vec::new();
    for f in section_fields(section).filter(|f| f.is_shown(doc)) {
        match (f.place, &f.access) {
            (Place::Lead, _) if !f.is_empty(doc) => {
                w.paragraph(format!(
                    "{}{}",
                    lead_prefix(f.label, lang),
                    f.text(doc, lang)
                ));
            }
            (Place::Body, Access::Text(get, _)) => {
                w.guarded_block(get(doc), |out| looks_reserved(section, out));
            }
            (Place::Sub, Access::Text(get, _)) if f.kind == Kind::Lines => {
                let entries: Vec<String> = escape::lines(get(doc))
                    .into_iter()
                    .map(str::to_owned)
                    .collect();
                w.list(Some(f.label), &entries, false);
            }
            (Place::Sub, Access::Text(get, _)) => w.block(Some(f.label), get(doc)),
            (Place::Sub, Access::List(get, _)) => {
                let ordered = matches!(f.kind, Kind::Entries(e) if e.ordered);
                w.list(Some(f.label), get(doc), ordered);
            }
            (Place::Measure, _) => {
                let value = f.text(doc, lang);
                if !value.trim().is_empty() {
                    measures.push(vec![f.label.get(lang).to_owned(), value]);
                }
            }
            _ => {}
        }
    }
    if !measures.is_empty() {
        w.paragraph(table(
            &report::MEASURE_VALUE,
            lang,
            measures.into_iter(),
            &[],
        ));
    }
    w.finish()
}

fn header(doc: &Postmortem, lang: Language) -> String {
    let mut out = format!(
        "# {}",
        escape_inline(display_title(&doc.header.title, lang))
    );
    let rows = section_fields(SectionId::Header)
        .filter(|f| f.place == Place::Front)
        .map(|f| {
            let value = match doc.header.severity {
                Some(s) if f.id == crate::FieldId::Severity => severity_text(s, lang),
                _ => f.text(doc, lang),
            };
            (f, value)
        })
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(f, v)| vec![f.label.get(lang).to_owned(), v]);
    out.push_str("\n\n");
    out.push_str(&table(&report::FIELD_VALUE, lang, rows, &[]));
    out
}

fn timeline(doc: &Postmortem, lang: Language, w: &mut SectionWriter) {
    let events = &doc.timeline;
    if events.is_empty() {
        return;
    }
    let with_dates = spans_days(events);
    let mut offsets = events
        .iter()
        .filter_map(|e| e.time.map(|t| t.offset_minutes));
    let first_offset = offsets.next();
    let mixed_offsets = offsets.any(|o| Some(o) != first_offset);
    let single_offset = first_offset.filter(|_| !mixed_offsets);
    let first_day = events
        .iter()
        .filter_map(|e| e.time)
        .min()
        .map(|t| t.local().date_string());
    let zone_note = report::timeline_note(
        doc.header.time_zone.trim(),
        single_offset,
        first_day.filter(|_| !with_dates).as_deref(),
        lang,
    );
    let rows = sorted_by_time(events).into_iter().map(|e| {
        EVENT_FIELDS
            .iter()
            .map(|f| match &f.access {
                Access::Time(get, _) => match get(e) {
                    None => "\u{2014}".to_owned(),
                    Some(t) => {
                        let local = t.local();
                        let mut s = if with_dates {
                            format!("{} {}", local.date_string(), local.time_string())
                        } else {
                            local.time_string()
                        };
                        if mixed_offsets {
                            let _ = write!(s, " ({})", format_offset(t.offset_minutes, false));
                        }
                        s
                    }
                },
                _ if f.kind == Kind::Url => link_cell(&f.text(e, lang)),
                _ => f.text(e, lang),
            })
            .collect()
    });
    w.paragraph(columns_table(EVENT_FIELDS, lang, rows));
    if let Some(note) = zone_note {
        w.paragraph(format!("_{}_", escape_inline(&note)));
    }
    // The rows above may leave out the date or the offset; the note carries them, so the
    // table and the note together give every instant exactly (the Markdown import reads them).
    let m = TimelineMetrics::of(events);
    let show = |v: Option<i64>| {
        v.map(|s| format_duration(s, lang))
            .unwrap_or_else(|| "\u{2014}".into())
    };
    let metrics = [
        (report::TIME_TO_DETECT, show(m.time_to_detect)),
        (report::TIME_TO_MITIGATE, show(m.time_to_mitigate)),
        (report::TIME_TO_RESOLVE, show(m.time_to_resolve)),
        (report::IMPACT_DURATION, show(m.impact_duration())),
    ];
    w.paragraph(table(
        &report::METRIC_DURATION,
        lang,
        metrics
            .into_iter()
            .map(|(k, v)| vec![k.get(lang).to_owned(), v]),
        &[],
    ));
}

fn action_items(doc: &Postmortem, lang: Language, w: &mut SectionWriter) {
    let items = &doc.action_items;
    if items.is_empty() {
        return;
    }
    let rows = items.iter().map(|a| {
        ACTION_FIELDS
            .iter()
            .map(|f| {
                if f.kind == Kind::Url {
                    link_cell(&f.text(a, lang))
                } else {
                    f.text(a, lang)
                }
            })
            .collect()
    });
    // Once, as a table: its Done column says what a checklist said again below it.
    w.paragraph(columns_table(ACTION_FIELDS, lang, rows));
}

/// A table whose columns are the fields of a row; link columns hold Markdown already.
fn columns_table<R>(
    fields: &[Field<R>],
    lang: Language,
    rows: impl Iterator<Item = Vec<String>>,
) -> String {
    let headers: Vec<Words> = fields.iter().map(|f| f.label).collect();
    let raw: Vec<usize> = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.kind == Kind::Url)
        .map(|(i, _)| i)
        .collect();
    table(&headers, lang, rows, &raw)
}

/// A link cell: the URL as an autolink-style link when it can be written safely, else text.
fn link_cell(url: &str) -> String {
    let url = url.trim();
    if url.is_empty() {
        return String::new();
    }
    if is_writable_url(url) {
        format!("[{}](<{}>)", escape_cell(url), url)
    } else {
        // Plain text must not pass for our link form on import: a leading `[` (after any
        // backslashes) gets one more backslash.
        let text = escape_cell(url);
        if text.trim_start_matches('\\').starts_with('[') {
            format!("\\{text}")
        } else {
            text
        }
    }
}

/// Whether a URL can be written as a link destination in angle brackets.
pub(crate) fn is_writable_url(url: &str) -> bool {
    !url.is_empty() && !url.contains(['<', '>', '\n', '\r', ' ', '|', '\\'])
}

/// A GFM table whose cells are user text, escaped; the columns in `raw` are already
/// Markdown (built by [`link_cell`]).
fn table(
    headers: &[Words],
    lang: Language,
    rows: impl Iterator<Item = Vec<String>>,
    raw: &[usize],
) -> String {
    let mut out = header_row(headers, lang);
    out.push_str("\n|");
    for _ in headers {
        out.push_str(" --- |");
    }
    for row in rows {
        out.push_str("\n|");
        for (i, cell) in row.iter().enumerate() {
            let text = if raw.contains(&i) {
                cell.clone()
            } else {
                escape_cell(cell)
            };
            if text.is_empty() {
                out.push_str(" |");
            } else {
                let _ = write!(out, " {text} |");
            }
        }
    }
    out
}

/// Builds one `##` section from optional `###` parts, dropping empty ones.
struct SectionWriter {
    heading: &'static str,
    lang: Language,
    parts: Vec<String>,
}

impl SectionWriter {
    fn new(section: SectionId, lang: Language) -> Self {
        Self {
            heading: section.heading().get(lang),
            lang,
            parts: Vec::new(),
        }
    }

    fn paragraph(&mut self, text: String) {
        self.parts.push(text);
    }

    fn part(&mut self, subheading: Option<Words>, body: String) {
        self.parts.push(match subheading {
            Some(h) => format!("### {}\n\n{body}", h.get(self.lang)),
            None => body,
        });
    }

    fn block(&mut self, subheading: Option<Words>, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let body = escape_block(text.trim_matches(['\n', '\r']));
        self.part(subheading, body);
    }

    /// A block that must not look like the part the import expects next to it; when it
    /// would, it is written in the verbatim form.
    fn guarded_block(&mut self, text: &str, looks_reserved: impl Fn(&str) -> bool) {
        if text.trim().is_empty() {
            return;
        }
        let trimmed = text.trim_matches(['\n', '\r']);
        let body = escape_block(trimmed);
        self.parts.push(if looks_reserved(&body) {
            escape::raw_block(trimmed)
        } else {
            body
        });
    }

    fn list(&mut self, subheading: Option<Words>, entries: &[String], ordered: bool) {
        let items: Vec<String> = entries
            .iter()
            .map(|e| escape_inline(e))
            .filter(|e| !e.is_empty())
            .enumerate()
            .map(|(i, e)| {
                if ordered {
                    format!("{}. {e}", i + 1)
                } else {
                    format!("- {e}")
                }
            })
            .collect();
        if items.is_empty() {
            return;
        }
        self.part(subheading, items.join("\n"));
    }

    fn finish(self) -> String {
        if self.parts.is_empty() {
            return String::new();
        }
        format!("## {}\n\n{}", self.heading, self.parts.join("\n\n"))
    }
}
