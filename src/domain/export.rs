//! The exports: Markdown with front matter and a timeline diagram, a standalone HTML page,
//! and JSON. Each is a pure function of the document.

use std::fmt::Write as _;

use pulldown_cmark_escape::escape_html;

use super::document::{Language, Postmortem};
use super::draft::display_title;
use super::front_matter;
use super::markdown::section_markdown;
use super::metrics::{sorted_by_time, spans_days};
use super::sections::SectionId;
use super::time::parse_date;
use crate::render::render_html;

/// The report's stylesheet, shared by the preview (linked by `index.html`) and the HTML export.
pub const REPORT_CSS: &str = include_str!("../../style/report.css");

/// The Markdown export: front matter, then every section, with the timeline also drawn as a
/// Mermaid diagram (which GitHub and GitLab render; the import skips it).
pub fn export_markdown(doc: &Postmortem) -> String {
    let mut out = front_matter::write(doc);
    let parts: Vec<String> = SectionId::ALL
        .iter()
        .filter_map(|s| {
            let mut md = section_markdown(doc, *s);
            if md.is_empty() {
                return None;
            }
            if *s == SectionId::Timeline {
                if let Some(diagram) = mermaid_timeline(doc) {
                    md.push_str("\n\n");
                    md.push_str(&diagram);
                }
            }
            Some(md)
        })
        .collect();
    out.push_str(&parts.join("\n\n"));
    out.push('\n');
    out
}

/// Removes what Mermaid's timeline syntax would read as structure (`:` separates periods
/// from events, `#` and `;` start entities, `%%` comments, brackets and quotes shapes).
fn mermaid_label(text: &str) -> String {
    let cleaned: String =
        text.chars()
            .map(|c| match c {
                ':' | ';' | '#' | '%' | '{' | '}' | '[' | ']' | '<' | '>' | '"' | '`' | '|'
                | '\\' => ' ',
                c if c.is_control() => ' ',
                c => c,
            })
            .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut label = words.join(" ");
    if label.chars().count() > 80 {
        label = label.chars().take(79).collect::<String>() + "…";
    }
    if label.is_empty() {
        "(no description)".into()
    } else {
        label
    }
}

/// The timeline as a Mermaid `timeline` block, or `None` without timed events.
pub fn mermaid_timeline(doc: &Postmortem) -> Option<String> {
    let timed: Vec<_> = sorted_by_time(&doc.timeline)
        .into_iter()
        .filter(|e| e.time.is_some())
        .collect();
    if timed.is_empty() {
        return None;
    }
    let with_dates = spans_days(&doc.timeline);
    let zone = doc.header.time_zone.trim();
    let mut out = String::from("```mermaid\ntimeline\n");
    let title = if zone.is_empty() {
        "Timeline".to_owned()
    } else {
        format!("Timeline ({})", mermaid_label(zone))
    };
    let _ = writeln!(out, "    title {title}");
    for e in timed {
        let Some(t) = e.time else { continue };
        let local = t.local();
        // A colon would end the time period, so the clock uses the ratio sign (∶).
        let clock = local.time_string().replace(':', "\u{2236}");
        let period = if with_dates {
            format!("{} {clock}", local.date_string())
        } else {
            clock
        };
        let _ = writeln!(
            out,
            "    {period} : {} — {}",
            e.kind.label(),
            mermaid_label(&e.event)
        );
    }
    out.push_str("```");
    Some(out)
}

/// The JSON export: the whole document, pretty-printed, keys in the model's order.
pub fn export_json(doc: &Postmortem) -> String {
    let mut text = serde_json::to_string_pretty(doc).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// The standalone HTML export: one file with inline CSS and its own strict policy, rendered
/// section by section through the same pipeline as the preview.
pub fn export_html(doc: &Postmortem) -> String {
    let title = display_title(&doc.header.title);
    let lang = match doc.language {
        Language::En => "en",
        Language::ZhTw => "zh-Hant-TW",
    };
    let mut escaped_title = String::new();
    let _ = escape_html(&mut escaped_title, title);
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n\
<meta name=\"generator\" content=\"Hindsight\">\n\
<title>{escaped_title}</title>\n<style>\n{REPORT_CSS}</style>\n</head>\n<body>\n<article class=\"report\">\n"
    );
    for section in SectionId::ALL {
        let md = section_markdown(doc, section);
        if md.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<section class=\"report-section\" id=\"{}\">\n{}</section>\n",
            section.slug(),
            render_html(&md)
        );
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// A file name for an export: the incident date and a slug of the title, such as
/// `2023-03-20-chatgpt-outage`, without the extension.
pub fn file_stem(doc: &Postmortem) -> String {
    let mut slug = String::new();
    for c in doc.header.title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "postmortem" } else { slug };
    let date = doc.header.incident_date.trim();
    if parse_date(date).is_some() {
        format!("{date}-{slug}")
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_date_and_slug() {
        let mut doc = Postmortem::default();
        doc.header.title = "ChatGPT outage!".into();
        doc.header.incident_date = "2023-03-20".into();
        assert_eq!(file_stem(&doc), "2023-03-20-chatgpt-outage");
        doc.header.title = "資料外洩 / ../../etc".into();
        doc.header.incident_date = "soon".into();
        assert_eq!(file_stem(&doc), "etc");
        doc.header.title = "資料外洩".into();
        assert_eq!(file_stem(&doc), "postmortem");
    }

    #[test]
    fn mermaid_labels_cannot_break_the_diagram() {
        assert_eq!(mermaid_label("a: b; c #1 %% d"), "a b c 1 d");
        assert_eq!(mermaid_label("```\n"), "(no description)");
        assert_eq!(mermaid_label(&"x".repeat(200)).chars().count(), 80);
    }
}
