//! The exports: Markdown with front matter and a timeline diagram, a standalone HTML page,
//! and JSON. Each is a pure function of the document.

use std::fmt::Write as _;

use pulldown_cmark_escape::escape_html;

use crate::choice::Choice;
use crate::document::{Language, Postmortem};
use crate::import::front_matter;
use crate::markdown::section_markdown;
use crate::metrics::{sorted_by_time, spans_days};
use crate::render::render_html_in;
use crate::report::{display_title, NO_DESCRIPTION};
use crate::sections::SectionId;
use crate::time::parse_date;

/// The report's stylesheet, shared by the preview (linked by `index.html`) and the HTML export.
pub const REPORT_CSS: &str = include_str!("../../style/report.css");

/// The Markdown export: front matter, then every section, with the timeline also drawn as a
/// Mermaid diagram (which GitHub and GitLab render; the import skips it).
pub fn export_markdown(doc: &Postmortem) -> String {
    let mut out = front_matter::write(doc);
    out.push_str(&export_markdown_body(doc));
    out
}

/// The Markdown export without its front matter: what "Copy Markdown" puts on the clipboard
/// for comments and wikis, where front matter would show as a heading. It imports back too.
pub fn export_markdown_body(doc: &Postmortem) -> String {
    let mut out = String::new();
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

/// Longest event text in the diagram, in characters; longer text is shortened at a word.
const MERMAID_LABEL_CHARS: usize = 80;

/// Writes text where Mermaid's timeline syntax would read structure: `:` separates periods
/// from events and `#`, `;` and `%%` start entities and comments, so they are kept as
/// Mermaid's own entity codes (`#58;`, `#59;`, `#35;`, `#37;`, `#34;`); brackets, pipes,
/// backticks (which could close the fence) and control characters become spaces. Long text
/// is shortened at a word boundary.
fn mermaid_label(text: &str, lang: Language) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '{' | '}' | '[' | ']' | '<' | '>' | '`' | '|' | '\\' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut label = words.join(" ");
    if label.chars().count() > MERMAID_LABEL_CHARS {
        let cut: String = label.chars().take(MERMAID_LABEL_CHARS - 1).collect();
        // Cut at the last space when one is not too far back; CJK text has none, so it is
        // cut at a character.
        let at = cut
            .rfind(' ')
            .filter(|at| cut[..*at].chars().count() >= MERMAID_LABEL_CHARS / 2)
            .unwrap_or(cut.len());
        label = format!("{}…", cut[..at].trim_end());
    }
    if label.is_empty() {
        return NO_DESCRIPTION.get(lang).into();
    }
    let mut out = String::with_capacity(label.len() + 8);
    for c in label.chars() {
        match c {
            ':' => out.push_str("#58;"),
            ';' => out.push_str("#59;"),
            '#' => out.push_str("#35;"),
            '%' => out.push_str("#37;"),
            '"' => out.push_str("#34;"),
            c => out.push(c),
        }
    }
    out
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
    let lang = doc.language;
    let mut out = String::from("```mermaid\ntimeline\n");
    let heading = SectionId::Timeline.heading().get(lang);
    let title = match (zone.is_empty(), lang) {
        (true, _) => heading.to_owned(),
        (false, Language::En) => format!("{heading} ({})", mermaid_label(zone, lang)),
        (false, Language::ZhTw) => format!("{heading}（{}）", mermaid_label(zone, lang)),
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
            e.kind.label(lang),
            mermaid_label(&e.event, lang)
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

/// The Content-Security-Policy of every standalone page, the HTML export's and the pages of
/// `hindsight site` alike: nothing runs and nothing is loaded; only the page's own inline
/// styles and `data:` images apply.
pub const PAGE_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// A standalone page up to its `<body>` tag: the document language `lang` (a BCP 47 tag),
/// the policy ([`PAGE_CSP`]), the (unescaped) `title` and `css` inlined.
pub fn page_head(lang: &str, title: &str, css: &str) -> String {
    let mut escaped_title = String::new();
    let _ = escape_html(&mut escaped_title, title);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"{PAGE_CSP}\">\n\
<meta name=\"generator\" content=\"Hindsight\">\n\
<title>{escaped_title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
    )
}

/// The report as an `<article class="report">`, rendered section by section through the
/// same pipeline as the preview, each section's element named by its slug.
pub fn report_article(doc: &Postmortem) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<article class=\"report\">\n");
    for section in SectionId::ALL {
        let md = section_markdown(doc, section);
        if md.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<section class=\"report-section\" id=\"{}\">\n{}</section>\n",
            section.slug(),
            render_html_in(&md, doc.language)
        );
    }
    out.push_str("</article>\n");
    out
}

/// The standalone HTML export: one file with inline CSS and its own strict policy, rendered
/// section by section through the same pipeline as the preview.
pub fn export_html(doc: &Postmortem) -> String {
    let title = display_title(&doc.header.title, doc.language);
    let mut out = page_head(doc.language.html_lang(), title, REPORT_CSS);
    out.push_str(&report_article(doc));
    out.push_str("</body>\n</html>\n");
    out
}

/// The file name of a report without a title, in its language.
const UNTITLED_FILE: crate::words::Words = crate::words::w("postmortem", "事後檢討");

/// A file name for an export, without the extension: the incident date, a slug of the
/// title and, when set, of the incident ID, such as `2023-03-20-chatgpt-outage-inc-42`.
///
/// Letters and digits of any script survive (a Chinese title stays Chinese); everything else,
/// path separators, control and bidirectional-formatting characters included, becomes a dash.
pub fn file_stem(doc: &Postmortem) -> String {
    let title = slug(&doc.header.title, 60);
    let id = slug(&doc.header.incident_id, 30);
    let mut stem = if title.is_empty() {
        UNTITLED_FILE.get(doc.language).to_owned()
    } else {
        title
    };
    if !id.is_empty() && !stem.contains(&id) {
        stem = format!("{stem}-{id}");
    }
    let date = doc.header.incident_date.trim();
    if parse_date(date).is_some() {
        format!("{date}-{stem}")
    } else {
        stem
    }
}

/// Lowercase letters and digits of any script, other runs as one dash; a slug longer than
/// `max` characters is cut at a dash, so words stay whole.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut cut = false;
    for c in text.chars() {
        if count >= max {
            cut = true;
            break;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            count += 1;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
            count += 1;
        }
    }
    if cut && !out.ends_with('-') {
        if let Some(at) = out.rfind('-') {
            out.truncate(at);
        }
    }
    out.trim_matches('-').to_owned()
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
        assert_eq!(file_stem(&doc), "資料外洩-etc");
        doc.header.title = "付款資訊外洩事故".into();
        doc.header.incident_date = "2023-03-20".into();
        assert_eq!(file_stem(&doc), "2023-03-20-付款資訊外洩事故");
        doc.header.incident_id = "INC-42".into();
        assert_eq!(file_stem(&doc), "2023-03-20-付款資訊外洩事故-inc-42");
        doc.header.title = "\u{202e}gpj.exe\u{0}/\\ x".into();
        doc.header.incident_id = String::new();
        let stem = file_stem(&doc);
        assert!(!stem.contains(['/', '\\', '\u{202e}', '\u{0}']), "{stem}");
        assert_eq!(stem, "2023-03-20-gpj-exe-x");
        doc.header.title = " ".into();
        assert_eq!(file_stem(&doc), "2023-03-20-postmortem");
    }

    #[test]
    fn mermaid_labels_cannot_break_the_diagram() {
        assert_eq!(
            mermaid_label("a: b; c #1 %% d", Language::En),
            "a#58; b#59; c #35;1 #37;#37; d"
        );
        assert_eq!(
            mermaid_label(
                "Incident declared; security and platform teams join",
                Language::En
            ),
            "Incident declared#59; security and platform teams join"
        );
        assert_eq!(
            mermaid_label("Restarted the \"edge\" pool", Language::En),
            "Restarted the #34;edge#34; pool"
        );
        assert_eq!(mermaid_label("```\n", Language::En), "(no description)");
        assert_eq!(mermaid_label("``` [x] |y|", Language::En), "x y");
        assert_eq!(
            mermaid_label(&"x".repeat(200), Language::En)
                .chars()
                .count(),
            80
        );
        let long = "Patched redis-py deployed and verified; service restored, chat history still loading slowly";
        let label = mermaid_label(long, Language::En);
        assert!(label.ends_with("still…"), "{label}");
        assert!(!label.contains("loadi"), "cut at a word: {label}");
    }
}
