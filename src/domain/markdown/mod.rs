//! The report as Markdown: a deterministic, pure function of the document.
//!
//! Each section is generated on its own ([`section_markdown`]) so the preview can render and
//! replace one section per keystroke; [`to_markdown`] joins them. Empty fields are omitted, and a
//! section with nothing in it is omitted whole, except the title, which is always there.

pub mod escape;

use std::fmt::Write as _;

use super::document::{Postmortem, Severity};
use super::draft::display_title;
use super::metrics::{sorted_by_time, spans_days, TimelineMetrics};
use super::sections::SectionId;
use super::time::{format_duration, format_offset};
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
    let mut w = SectionWriter::new(section);
    match section {
        SectionId::Header => return header(doc),
        SectionId::Summary => w.block(None, &doc.summary),
        SectionId::Impact => impact(doc, &mut w),
        SectionId::Timeline => timeline(doc, &mut w),
        SectionId::Detection => {
            if let Some(by) = doc.detection.detected_by {
                w.paragraph(format!("{DETECTED_BY_PREFIX}{}", by.label()));
            }
            // The import reads a leading "**Detected by:**" line as the choice above.
            w.guarded_block(&doc.detection.description, |out| {
                out.starts_with(DETECTED_BY_PREFIX)
            });
        }
        SectionId::Causes => {
            let c = &doc.causes;
            w.block(Some("Trigger"), &c.trigger);
            w.block(Some("Root causes"), &c.root_causes);
            w.block(Some("Contributing factors"), &c.contributing_factors);
            w.list(Some("Five whys"), &c.five_whys, true);
            w.block(Some("Recurrence"), &c.recurrence);
        }
        SectionId::Response => {
            let r = &doc.response;
            let responders: Vec<String> = escape::lines(&r.responders)
                .into_iter()
                .map(str::to_owned)
                .collect();
            w.list(Some("Responders"), &responders, false);
            w.block(Some("Mitigation"), &r.mitigation);
            w.block(Some("Resolution"), &r.resolution);
            w.block(Some("Long-term fix"), &r.long_term_fix);
        }
        SectionId::ActionItems => action_items(doc, &mut w),
        SectionId::Lessons => {
            let l = &doc.lessons;
            w.list(Some("What went well"), &l.went_well, false);
            w.list(Some("What went wrong"), &l.went_wrong, false);
            w.list(Some("Where we got lucky"), &l.got_lucky, false);
        }
        SectionId::Communication => {
            let c = &doc.communication;
            w.block(Some("Internal notice"), &c.internal_notice);
            w.block(Some("Customer notice"), &c.customer_notice);
            w.block(Some("Notified"), &c.notified);
            w.block(Some("Regulator deadline"), &c.regulator_deadline);
        }
        SectionId::Supporting => w.block(None, &doc.supporting_info),
    }
    w.finish()
}

/// The paragraph that carries the Detected by choice.
pub const DETECTED_BY_PREFIX: &str = "**Detected by:** ";
/// The header row of the Impact section's measures table.
pub const MEASURES_HEADER: &str = "| Measure | Value |";

/// Severity as the report shows it: `SEV1 (critical)`.
pub fn severity_text(severity: Severity) -> String {
    format!("{} ({})", severity.code(), severity.name())
}

fn header(doc: &Postmortem) -> String {
    let h = &doc.header;
    let mut out = format!("# {}", escape_inline(display_title(&h.title)));
    let rows: Vec<(&str, String)> = [
        ("Incident ID", h.incident_id.clone()),
        (
            "Severity",
            h.severity.map(severity_text).unwrap_or_default(),
        ),
        ("Status", h.status.label().to_owned()),
        ("Incident date", h.incident_date.clone()),
        ("Time zone", h.time_zone.clone()),
        ("Authors", h.authors.join(", ")),
        ("Reviewers", h.reviewers.join(", ")),
        ("Owner", h.owner.clone()),
        ("Tags", h.tags.join(", ")),
        ("Review meeting", h.review_meeting.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .collect();
    out.push_str("\n\n");
    out.push_str(&table(
        &["Field", "Value"],
        rows.into_iter().map(|(k, v)| vec![k.to_owned(), v]),
    ));
    out
}

fn impact(doc: &Postmortem, w: &mut SectionWriter) {
    let i = &doc.impact;
    // The import reads a table headed like the measures table as the measures.
    w.guarded_block(&i.description, |out| {
        out.lines().any(|l| l.trim() == MEASURES_HEADER)
    });
    let yes_no = |v: Option<bool>| match v {
        Some(true) => "Yes".to_owned(),
        Some(false) => "No".to_owned(),
        None => String::new(),
    };
    let mut rows = vec![
        ("Users affected", i.users_affected.clone()),
        ("Failed requests", i.failed_requests.clone()),
        ("Error budget consumed", i.error_budget_consumed.clone()),
        ("Revenue impact", i.revenue_impact.clone()),
        ("Support tickets", i.support_tickets.clone()),
        ("Customer visible", yes_no(i.customer_visible)),
        ("Data exposed", yes_no(i.data_exposed)),
    ];
    if i.data_exposed == Some(true) {
        rows.push(("Kinds of data", i.kinds_of_data.clone()));
        rows.push(("People affected", i.people_affected.clone()));
    }
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| vec![k.to_owned(), v])
        .collect();
    if !rows.is_empty() {
        w.paragraph(table(&["Measure", "Value"], rows.into_iter()));
    }
}

fn timeline(doc: &Postmortem, w: &mut SectionWriter) {
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
    let zone_note = timeline_note(
        doc.header.time_zone.trim(),
        single_offset,
        first_day.filter(|_| !with_dates).as_deref(),
    );
    let rows = sorted_by_time(events).into_iter().map(|e| {
        let time = match e.time {
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
        };
        vec![
            time,
            e.event.clone(),
            e.kind.label().to_owned(),
            link_cell(&e.link),
        ]
    });
    w.paragraph(table_with(&["Time", "Event", "Kind", "Link"], rows, &[3]));
    if let Some(note) = zone_note {
        w.paragraph(format!("_{}_", escape_inline(&note)));
    }
    // The rows above may leave out the date or the offset; the note carries them, so the
    // table and the note together give every instant exactly (the Markdown import reads them).
    let m = TimelineMetrics::of(events);
    let show = |v: Option<i64>| v.map(format_duration).unwrap_or_else(|| "\u{2014}".into());
    let metrics = [
        ("Time to detect", show(m.time_to_detect)),
        ("Time to mitigate", show(m.time_to_mitigate)),
        ("Time to resolve", show(m.time_to_resolve)),
        ("Impact duration", show(m.impact_duration())),
    ];
    w.paragraph(table(
        &["Metric", "Duration"],
        metrics.into_iter().map(|(k, v)| vec![k.to_owned(), v]),
    ));
}

/// "Times are in {zone} (UTC−07:00), on 2023-03-20." with the parts that apply: the offset
/// when every event shares it, the day when they all fall on it.
pub fn timeline_note(zone: &str, offset: Option<i32>, day: Option<&str>) -> Option<String> {
    let mut note = String::from("Times are");
    match (zone.is_empty(), offset) {
        (false, Some(o)) => {
            let _ = write!(note, " in {zone} ({})", format_offset(o, false));
        }
        (false, None) => {
            let _ = write!(note, " in {zone}");
        }
        (true, Some(o)) => {
            let _ = write!(note, " in {}", format_offset(o, false));
        }
        (true, None) => {}
    }
    if let Some(day) = day {
        if note.len() > "Times are".len() {
            note.push(',');
        }
        let _ = write!(note, " on {day}");
    }
    (note.len() > "Times are".len()).then(|| format!("{note}."))
}

fn action_items(doc: &Postmortem, w: &mut SectionWriter) {
    let items = &doc.action_items;
    if items.is_empty() {
        return;
    }
    let rows = items.iter().map(|a| {
        vec![
            a.action.clone(),
            a.kind.label().to_owned(),
            a.owner.clone(),
            a.priority.label().to_owned(),
            a.due_date.clone(),
            link_cell(&a.tracking_link),
            if a.done { "Yes" } else { "No" }.to_owned(),
        ]
    });
    w.paragraph(table_with(
        &[
            "Action",
            "Type",
            "Owner",
            "Priority",
            "Due date",
            "Tracking link",
            "Done",
        ],
        rows,
        &[5],
    ));
    let tasks: Vec<String> = items
        .iter()
        .map(|a| {
            let mut text = escape_inline(&a.action);
            if text.is_empty() {
                text = "(no action written)".into();
            }
            let mut details = Vec::new();
            if !a.owner.trim().is_empty() {
                details.push(escape_inline(&a.owner));
            }
            if !a.due_date.trim().is_empty() {
                details.push(format!("due {}", escape_inline(&a.due_date)));
            }
            if !details.is_empty() {
                let _ = write!(text, " ({})", details.join(", "));
            }
            format!("- [{}] {}", if a.done { 'x' } else { ' ' }, text)
        })
        .collect();
    w.paragraph(tasks.join("\n"));
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
pub fn is_writable_url(url: &str) -> bool {
    !url.is_empty() && !url.contains(['<', '>', '\n', '\r', ' ', '|', '\\'])
}

/// A GFM table whose cells are user text, every cell escaped.
fn table(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    table_with(headers, rows, &[])
}

/// A GFM table; the columns in `raw` are already Markdown (built by [`link_cell`]).
fn table_with(headers: &[&str], rows: impl Iterator<Item = Vec<String>>, raw: &[usize]) -> String {
    let mut out = format!("| {} |\n", headers.join(" | "));
    out.push('|');
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

/// Builds one `##` section from optional `###` subsections, dropping empty ones.
struct SectionWriter {
    heading: &'static str,
    parts: Vec<String>,
}

impl SectionWriter {
    fn new(section: SectionId) -> Self {
        Self {
            heading: section.heading(),
            parts: Vec::new(),
        }
    }

    fn paragraph(&mut self, text: String) {
        self.parts.push(text);
    }

    fn block(&mut self, subheading: Option<&str>, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let body = escape_block(text.trim_matches(['\n', '\r']));
        self.parts.push(match subheading {
            Some(h) => format!("### {h}\n\n{body}"),
            None => body,
        });
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

    fn list(&mut self, subheading: Option<&str>, entries: &[String], ordered: bool) {
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
        let body = items.join("\n");
        self.parts.push(match subheading {
            Some(h) => format!("### {h}\n\n{body}"),
            None => body,
        });
    }

    fn finish(self) -> String {
        if self.parts.is_empty() {
            return String::new();
        }
        format!("## {}\n\n{}", self.heading, self.parts.join("\n\n"))
    }
}
