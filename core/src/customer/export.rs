//! The customer version's exports: Markdown, a standalone HTML page, plain text, and their
//! file name. Each is built from the redacted parts only, so a kept-out hit cannot reach
//! any of them, in text, in a link's address, in the page title or in the file name.

use std::fmt::Write as _;

use crate::document::{Language, Postmortem};
use crate::export::{file_stem, page_head, REPORT_CSS};
use crate::markdown::escape::{escape_block, escape_inline};
use crate::render::render_html_in;

use super::derive::{block, one_line};
use super::plain::to_plain;
use super::scan::placeholder;
use super::{customer_version, words, Hit, Part};

/// `text` with every hit that was not let through replaced by the placeholder
/// ("[redacted]" / "［已遮蔽］"). Hits of the user's own "Always redact" words are always
/// replaced. The text is Markdown, and so is the result: before `(`, `[` or `:` the
/// placeholder's bracket is escaped (`\[redacted]`), so it never opens or defines a link.
///
/// `hits` must come from scanning `text` (sorted, without overlaps, as
/// [`Scanner::scan`](super::Scanner::scan) gives them); a hit whose range does not hold its
/// text in `text` is stale and ignored.
pub fn redacted(text: &str, hits: &[Hit], let_through: &[String], lang: Language) -> String {
    let mark = placeholder(lang);
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for hit in hits {
        let fresh = hit.start >= copied && text.get(hit.start..hit.end) == Some(hit.text.as_str());
        if !fresh || hit.is_let_through(let_through) {
            continue;
        }
        out.push_str(&text[copied..hit.start]);
        let after = &text[hit.end..];
        // A link to a kept-out address keeps its words and loses the link: a link to
        // "[redacted]" would lead nowhere. An autolink's brackets go with its address.
        if after.starts_with(')') && out.ends_with("](") {
            if let Some(open) = link_label_start(&out[..out.len() - 1]) {
                let image =
                    open > 0 && out[..open].ends_with('!') && !out[..open - 1].ends_with('\\');
                let label = out[open + 1..out.len() - 2].to_owned();
                out.truncate(if image { open - 1 } else { open });
                out.push_str(&label);
                copied = hit.end + 1;
                continue;
            }
        }
        if after.starts_with('>') && out.ends_with('<') {
            out.pop();
            out.push_str(mark);
            copied = hit.end + 1;
            continue;
        }
        // "[redacted]" before `(`, `[` or `:` would open a link or define one (and a
        // definition hides its whole line): its bracket is escaped there.
        if mark.starts_with('[') && after.starts_with(['(', '[', ':']) {
            out.push('\\');
        }
        out.push_str(mark);
        copied = hit.end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Where the `[` of the link label whose `]` ends `before` is:
/// brackets balance, escaped ones do not count, and a label never spans a blank line.
fn link_label_start(before: &str) -> Option<usize> {
    if !before.ends_with(']') {
        return None;
    }
    let bytes = before.as_bytes();
    let escaped = |i: usize| {
        let slashes = bytes[..i].iter().rev().take_while(|b| **b == b'\\').count();
        slashes % 2 == 1
    };
    let mut depth = 0usize;
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b']' if !escaped(i) => depth += 1,
            b'[' if !escaped(i) => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'\n' if i > 0 && bytes[i - 1] == b'\n' => return None,
            _ => {}
        }
    }
    None
}

/// Each part of the customer version with what is kept out replaced.
fn redacted_parts(doc: &Postmortem) -> Vec<(Part, String)> {
    let let_through = &doc.public.let_through;
    customer_version(doc)
        .into_iter()
        .map(|p| {
            (
                p.part,
                redacted(&p.text, &p.hits, let_through, doc.language),
            )
        })
        .collect()
}

/// The notice's title: the public title, redacted, on one line. Until the author writes
/// one it is a plain heading made of the incident date ("Service incident on 2023-03-20"),
/// never the report's own title, which is written for the team.
fn title_of(doc: &Postmortem, parts: &[(Part, String)]) -> String {
    let title = parts
        .iter()
        .find(|(p, _)| *p == Part::Title)
        .map(|(_, t)| one_line(t))
        .unwrap_or_default();
    if !title.is_empty() {
        return title;
    }
    let lang = doc.language;
    match doc.header.incident_date.trim() {
        "" => words::SERVICE_INCIDENT.get(lang).to_owned(),
        date => words::SERVICE_INCIDENT_ON.fill(lang, &[date]),
    }
}

/// Whether the team's message already says everything What happened says: each of its
/// sentences is in the message (compared folded, white space made single spaces). What
/// happened is then left out rather than read twice.
fn said_in(message: &str, what_happened: &str) -> bool {
    let norm = |t: &str| {
        crate::text::folded(&to_plain(t))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let message = norm(message);
    let mut sentences = crate::text::sentences(what_happened).map(norm).peekable();
    sentences.peek().is_some()
        && !message.is_empty()
        && sentences.all(|s| s.is_empty() || message.contains(&s))
}

/// The body parts that have something to say, each under its `##` heading; What happened is
/// left out when the team's message says all of it.
fn markdown_parts(parts: &[(Part, String)], lang: Language) -> Vec<(Part, String)> {
    body_parts(parts)
        .into_iter()
        .map(|(part, text)| {
            let md = format!("## {}\n\n{}", part.heading().get(lang), escape_block(&text));
            (part, md)
        })
        .collect()
}

/// The body parts with text, trimmed; What happened left out when the message repeats it.
fn body_parts(parts: &[(Part, String)]) -> Vec<(Part, String)> {
    let text_of = |which: Part| {
        parts
            .iter()
            .find(|(p, _)| *p == which)
            .map(|(_, t)| block(t))
            .unwrap_or_default()
    };
    let repeated = said_in(&text_of(Part::Notice), &text_of(Part::WhatHappened));
    parts
        .iter()
        .filter(|(p, _)| *p != Part::Title)
        .filter(|(p, _)| !(repeated && *p == Part::WhatHappened))
        .map(|(p, t)| (*p, block(t)))
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

/// The customer version as Markdown, in the report's language.
pub fn customer_markdown(doc: &Postmortem) -> String {
    let lang = doc.language;
    let parts = redacted_parts(doc);
    let mut out = format!("# {}\n", escape_inline(&title_of(doc, &parts)));
    for (_, md) in markdown_parts(&parts, lang) {
        out.push('\n');
        out.push_str(&md);
        out.push('\n');
    }
    out
}

/// The customer version as a standalone HTML page with inline CSS and its own strict
/// Content-Security-Policy, rendered through the same safe pipeline as the report.
pub fn customer_html(doc: &Postmortem) -> String {
    let lang = doc.language;
    let parts = redacted_parts(doc);
    let title = title_of(doc, &parts);
    let mut out = page_head(lang.html_lang(), &title, REPORT_CSS);
    out.push_str("<article class=\"report customer-version\">\n");
    let _ = write!(
        out,
        "<header class=\"report-section\" id=\"title\">\n{}</header>\n",
        render_html_in(&format!("# {}", escape_inline(&title)), lang)
    );
    for (part, md) in markdown_parts(&parts, lang) {
        let _ = write!(
            out,
            "<section class=\"report-section\" id=\"{}\">\n{}</section>\n",
            part.slug(),
            render_html_in(&md, lang)
        );
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// The customer version as plain text for a status page or an email: the title, then each
/// part under its heading, Markdown marks removed.
pub fn customer_text(doc: &Postmortem) -> String {
    let lang = doc.language;
    let parts = redacted_parts(doc);
    let mut out = title_of(doc, &parts);
    out.push('\n');
    for (part, text) in body_parts(&parts) {
        let body = to_plain(&text);
        if body.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(part.heading().get(lang));
        out.push_str("\n\n");
        out.push_str(&body);
        out.push('\n');
    }
    out
}

/// A file name for the customer version's exports, without the extension: the incident
/// date, a slug of the redacted public title, and `customer-version` (`對外版本`), such as
/// `2023-03-20-chatgpt-outage-customer-version`. The Incident ID is internal and stays out.
pub fn customer_file_stem(doc: &Postmortem) -> String {
    let lang = doc.language;
    let parts = redacted_parts(doc);
    let mut named = Postmortem::default();
    // A notice without a public title is named by its date once, not twice.
    named.header.title = match parts.iter().find(|(p, _)| *p == Part::Title) {
        Some((_, t)) if !one_line(t).is_empty() => one_line(t),
        _ => words::SERVICE_INCIDENT.get(lang).to_owned(),
    };
    named.header.incident_date = doc.header.incident_date.clone();
    format!("{}-{}", file_stem(&named), words::FILE_SUFFIX.get(lang))
}

/// A sentence of the customer version with a kept-out detail in it: what customers would
/// read, a "[redacted]" gap in the middle, and where the sentence is in the part's text, so
/// the author can rewrite it there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// The part the sentence is in.
    pub part: Part,
    /// The sentence as customers would read it, redacted, as plain text on one line (a list
    /// item without its marker).
    pub redacted: String,
    /// Its byte range in the part's text (`PublicPart::text`, before redaction).
    pub start: usize,
    /// Just after its last byte.
    pub end: usize,
}

/// Every sentence that would reach customers with a "[redacted]" gap in it, in the order of
/// the parts, each once. Copying or downloading asks first while there is one.
pub fn gaps(doc: &Postmortem) -> Vec<Gap> {
    let let_through = &doc.public.let_through;
    let shown: Vec<Part> = body_parts(&redacted_parts(doc))
        .into_iter()
        .map(|(p, _)| p)
        .chain([Part::Title])
        .collect();
    let mut out: Vec<Gap> = Vec::new();
    for p in customer_version(doc) {
        if !shown.contains(&p.part) {
            continue;
        }
        for sentence in crate::text::sentences(&p.text) {
            let start = sentence.as_ptr() as usize - p.text.as_ptr() as usize;
            let end = start + sentence.len();
            let inside: Vec<Hit> = p
                .hits
                .iter()
                .filter(|h| !h.is_let_through(let_through))
                .filter(|h| h.start >= start && h.end <= end)
                .map(|h| Hit {
                    start: h.start - start,
                    end: h.end - start,
                    ..h.clone()
                })
                .collect();
            if inside.is_empty() {
                continue;
            }
            let text = redacted(sentence, &inside, &[], doc.language);
            let plain = one_line(&to_plain(&text));
            // A list item's marker is not part of what it says.
            let plain = ["- ", "* ", "+ "]
                .iter()
                .find_map(|m| plain.strip_prefix(m))
                .unwrap_or(&plain)
                .to_owned();
            if !out.iter().any(|g| g.part == p.part && g.redacted == plain) {
                out.push(Gap {
                    part: p.part,
                    redacted: plain,
                    start,
                    end,
                });
            }
        }
    }
    out
}
