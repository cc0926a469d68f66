//! Markdown to safe HTML: the one pipeline behind the preview and the HTML export.
//!
//! We filter pulldown-cmark's event stream instead of sanitising its output with ammonia:
//! the filter sees URLs after entities are decoded, costs no extra parse, and keeps the wasm
//! small (ammonia adds about 288 KiB gzipped and html5ever is quadratic in nesting depth).
//! No user text can become markup: raw HTML turns into text, only http, https, mailto,
//! relative and `#` URLs survive, images become links, and nesting is capped.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use pulldown_cmark_escape::{escape_href, escape_html};

use crate::document::Language;

/// Deepest nesting of elements kept; deeper containers are flattened into their parent.
pub const MAX_NESTING: usize = 32;

/// The Markdown extensions Hindsight uses: GFM tables, task lists and strikethrough only.
///
/// `Options::all()` would also turn on heading attributes, which let text set ids and
/// attributes on headings.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH
}

/// Renders Markdown to HTML in which no user text can execute or load anything, with the
/// pipeline's own accessible names (tables, task marks) in English.
pub fn render_html(markdown: &str) -> String {
    render_html_in(markdown, Language::En)
}

/// [`render_html`] with the pipeline's own accessible names in `lang`, the report's
/// language, so a screen reader does not switch languages inside a Chinese report.
pub fn render_html_in(markdown: &str, lang: Language) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 2);
    let events = SafeEvents::new(Parser::new_ext(markdown, markdown_options()), lang);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// Whether a link destination may be followed: http, https, mailto, relative or an anchor.
///
/// Browsers ignore ASCII whitespace and control characters inside a scheme, so they are
/// removed before the scheme is read (`java\tscript:` is `javascript:`).
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    let scheme_end = cleaned.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if cleaned.as_bytes()[i] == b':' => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// What an open tag turned into, so its end can be matched.
enum Opened {
    /// Passed through unchanged.
    Kept,
    /// Dropped, with its end (nesting past the cap, or a refused link).
    Dropped,
    /// Written as our own `<a>`; an image also shows its URL after the link.
    Anchor { shown_url: Option<String> },
    /// A table, inside our scrolling box.
    Table,
}

/// Appends one character to HTML (or XML), escaped so that it stays text, in content and in
/// quoted attribute values alike.
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

/// Appends text to HTML, escaped as [`push_escaped`] escapes each character.
pub fn escape_html_into(out: &mut String, text: &str) {
    for c in text.chars() {
        push_escaped(out, c);
    }
}

/// Columns from which a table counts as wide (the action items have seven).
const WIDE_TABLE_COLUMNS: usize = 5;

/// The event filter that makes pulldown-cmark's output safe.
struct SafeEvents<'a, I: Iterator<Item = Event<'a>>> {
    inner: std::iter::Peekable<I>,
    lang: Language,
    stack: Vec<Opened>,
    kept_depth: usize,
    pending: Option<Event<'a>>,
    /// The header cells' text of the table being read, for each body cell's `data-label`.
    headers: Vec<String>,
    /// Inside the table's header row, and inside one of its cells.
    in_head: bool,
    in_head_cell: bool,
    /// The body row's cells so far.
    column: usize,
}

impl<'a, I: Iterator<Item = Event<'a>>> SafeEvents<'a, I> {
    fn new(inner: I, lang: Language) -> Self {
        Self {
            inner: inner.peekable(),
            lang,
            stack: Vec::new(),
            kept_depth: 0,
            pending: None,
            headers: Vec::new(),
            in_head: false,
            in_head_cell: false,
            column: 0,
        }
    }

    /// A body cell, labelled with its column's header: a narrow report (a phone, the preview
    /// beside the form) shows a wide table's rows as cards, each value after its label.
    fn body_cell(&mut self) -> Event<'a> {
        let mut html = String::from("<td");
        if let Some(label) = self
            .headers
            .get(self.column)
            .filter(|l| !l.trim().is_empty())
        {
            html.push_str(" data-label=\"");
            let _ = escape_html(&mut html, label.trim());
            html.push('"');
        }
        html.push('>');
        self.column += 1;
        Event::InlineHtml(CowStr::from(html))
    }

    fn open_anchor(&mut self, href: &str, title: &str, class: &str) -> Event<'a> {
        let mut html = String::from("<a href=\"");
        let _ = escape_href(&mut html, href);
        html.push('"');
        if !title.is_empty() {
            html.push_str(" title=\"");
            let _ = escape_html(&mut html, title);
            html.push('"');
        }
        if !class.is_empty() {
            html.push_str(" class=\"");
            html.push_str(class);
            html.push('"');
        }
        html.push_str(" target=\"_blank\" rel=\"noopener noreferrer\">");
        Event::InlineHtml(CowStr::from(html))
    }

    fn start(&mut self, tag: Tag<'a>) -> Option<Event<'a>> {
        if self.kept_depth >= MAX_NESTING {
            self.stack.push(Opened::Dropped);
            return None;
        }
        let (opened, event) = match tag {
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let href = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.to_string()
                };
                if is_safe_url(&href) {
                    // A link whose text is its own URL (an autolink, a timeline link cell)
                    // is marked, so print does not repeat the URL after the text.
                    let shows_url = matches!(link_type, LinkType::Autolink | LinkType::Email)
                        || matches!(self.inner.peek(), Some(Event::Text(text)) if text.as_ref() == dest_url.as_ref());
                    let class = if shows_url { "autolink" } else { "" };
                    let event = self.open_anchor(&href, &title, class);
                    (Opened::Anchor { shown_url: None }, Some(event))
                } else {
                    (Opened::Dropped, None)
                }
            }
            // Loading an image would be a network request: show it as a link instead.
            Tag::Image {
                dest_url, title, ..
            } => {
                if is_safe_url(&dest_url) {
                    let event = self.open_anchor(&dest_url, &title, "image-link");
                    let shown_url = Some(dest_url.to_string());
                    (Opened::Anchor { shown_url }, Some(event))
                } else {
                    (Opened::Dropped, None)
                }
            }
            // Raw HTML blocks are shown as text in a paragraph.
            Tag::HtmlBlock => (Opened::Kept, Some(Event::Start(Tag::Paragraph))),
            // Alignment would become a style attribute; tables keep their default alignment.
            // A wide table scrolls inside its own box, which the keyboard can reach.
            // A table of five columns or more is "wide": narrow, its rows become cards.
            Tag::Table(aligns) => {
                let wide = aligns.len() >= WIDE_TABLE_COLUMNS;
                let plain = vec![pulldown_cmark::Alignment::None; aligns.len()];
                self.pending = Some(Event::Start(Tag::Table(plain)));
                self.headers.clear();
                (
                    Opened::Table,
                    Some(Event::Html(CowStr::Borrowed(match (self.lang, wide) {
                        (Language::En, false) => "<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"Table\">\n",
                        (Language::En, true) => "<div class=\"table-wrap wide\" tabindex=\"0\" role=\"group\" aria-label=\"Table\">\n",
                        (Language::ZhTw, false) => "<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"表格\">\n",
                        (Language::ZhTw, true) => "<div class=\"table-wrap wide\" tabindex=\"0\" role=\"group\" aria-label=\"表格\">\n",
                    }))),
                )
            }
            Tag::TableHead => {
                self.in_head = true;
                (Opened::Kept, Some(Event::Start(Tag::TableHead)))
            }
            Tag::TableRow => {
                self.column = 0;
                (Opened::Kept, Some(Event::Start(Tag::TableRow)))
            }
            Tag::TableCell if self.in_head => {
                self.headers.push(String::new());
                self.in_head_cell = true;
                (Opened::Kept, Some(Event::Start(Tag::TableCell)))
            }
            Tag::TableCell => (Opened::Kept, Some(self.body_cell())),
            other => (Opened::Kept, Some(Event::Start(other))),
        };
        if !matches!(opened, Opened::Dropped) {
            self.kept_depth += 1;
        }
        self.stack.push(opened);
        event
    }

    fn end(&mut self, tag: TagEnd) -> Option<Event<'a>> {
        match tag {
            TagEnd::TableHead => self.in_head = false,
            TagEnd::TableCell => self.in_head_cell = false,
            _ => {}
        }
        match self.stack.pop() {
            Some(Opened::Kept) => {
                self.kept_depth -= 1;
                Some(Event::End(match tag {
                    TagEnd::HtmlBlock => TagEnd::Paragraph,
                    other => other,
                }))
            }
            Some(Opened::Anchor { shown_url }) => {
                self.kept_depth -= 1;
                if let Some(url) = shown_url {
                    self.pending = Some(Event::Text(CowStr::from(format!(" ({url})"))));
                }
                Some(Event::InlineHtml(CowStr::Borrowed("</a>")))
            }
            Some(Opened::Table) => {
                self.kept_depth -= 1;
                self.pending = Some(Event::Html(CowStr::Borrowed("</div>\n")));
                Some(Event::End(TagEnd::Table))
            }
            Some(Opened::Dropped) | None => None,
        }
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for SafeEvents<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if let Some(event) = self.pending.take() {
            return Some(event);
        }
        loop {
            let event = self.inner.next()?;
            let mapped = match event {
                Event::Start(tag) => self.start(tag),
                Event::End(tag) => self.end(tag),
                Event::Text(text) if self.in_head_cell => {
                    if let Some(label) = self.headers.last_mut() {
                        label.push_str(&text);
                    }
                    Some(Event::Text(text))
                }
                Event::Code(text) if self.in_head_cell => {
                    if let Some(label) = self.headers.last_mut() {
                        label.push_str(&text);
                    }
                    Some(Event::Code(text))
                }
                // Raw HTML never becomes markup.
                Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
                // A checkbox invites building forms; a symbol says the same.
                Event::TaskListMarker(done) => Some(Event::InlineHtml(CowStr::Borrowed(
                    match (done, self.lang) {
                        (true, Language::En) => "<span class=\"task done\" role=\"img\" aria-label=\"done\">\u{2611}</span> ",
                        (false, Language::En) => "<span class=\"task\" role=\"img\" aria-label=\"not done\">\u{2610}</span> ",
                        (true, Language::ZhTw) => "<span class=\"task done\" role=\"img\" aria-label=\"已完成\">\u{2611}</span> ",
                        (false, Language::ZhTw) => "<span class=\"task\" role=\"img\" aria-label=\"未完成\">\u{2610}</span> ",
                    },
                ))),
                other => Some(other),
            };
            if mapped.is_some() {
                return mapped;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text() {
        let html = render_html("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn unsafe_schemes_are_dropped_after_entity_decoding() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](javascript&#58;alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](<java\tscript:alert(1)>)",
            "[x](data:text/html,hi)",
            "[x](vbscript:msgbox)",
            "<javascript:alert(1)>",
        ] {
            let html = render_html(md);
            assert!(!html.contains("href"), "{md} gave {html}");
        }
        let ok = render_html("[a](https://example.com) [b](/rel) [c](#top) <me@example.com>");
        assert_eq!(
            ok.matches("target=\"_blank\" rel=\"noopener noreferrer\"")
                .count(),
            4
        );
        assert!(ok.contains("href=\"mailto:me@example.com\""), "{ok}");
    }

    #[test]
    fn images_become_links_with_their_url() {
        let html = render_html("![graph](https://example.com/g.png)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("class=\"image-link\""), "{html}");
        assert!(
            html.contains("graph</a> (https://example.com/g.png)"),
            "{html}"
        );
    }

    #[test]
    fn autolinks_are_marked_so_print_does_not_repeat_their_url() {
        let html = render_html(
            "<https://example.com/a> [text](https://example.com/b) [https://example.com/c](<https://example.com/c>)",
        );
        assert!(
            html.contains("<a href=\"https://example.com/a\" class=\"autolink\"")
                && html.contains("<a href=\"https://example.com/b\" target=")
                && html.contains("<a href=\"https://example.com/c\" class=\"autolink\""),
            "{html}"
        );
    }

    #[test]
    fn heading_attributes_and_alignment_styles_never_appear() {
        let html = render_html("# Hi {#app onclick=alert(1)}\n\n| a |\n|:-:|\n| b |");
        assert!(!html.contains("id="), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("<strong>") || html.contains("<h1>"), "{html}");
    }

    #[test]
    fn deeply_nested_quotes_are_flattened() {
        let input = "> ".repeat(5_000) + "deep";
        let html = render_html(&input);
        assert_eq!(html.matches("<blockquote>").count(), MAX_NESTING);
        assert!(html.contains("deep"));
    }

    #[test]
    fn task_markers_are_symbols_not_inputs() {
        let html = render_html("- [x] done\n- [ ] todo");
        assert!(!html.contains("<input"), "{html}");
        assert!(html.contains("aria-label=\"done\""), "{html}");
    }

    #[test]
    fn a_wide_tables_cells_carry_their_header_as_a_label() {
        let md = "| Action | Type | Owner `x` | Prio | Due |\n| - | - | - | - | - |\n| Fix \"it\" | Prevent | <b>A</b> | P1 | 2024-01-01 |\n| Two | | | | |";
        let html = render_html(md);
        assert!(html.contains("<div class=\"table-wrap wide\""), "{html}");
        assert!(
            html.contains("<td data-label=\"Action\">Fix \"it\"</td>"),
            "{html}"
        );
        assert!(
            html.contains("<td data-label=\"Owner x\">&lt;b&gt;A&lt;/b&gt;</td>"),
            "{html}"
        );
        assert!(html.contains("<th>Owner <code>x</code></th>"), "{html}");
        assert_eq!(html.matches("data-label=\"Due\"").count(), 2, "{html}");
        // A narrow table keeps its plain box; a header cell with markup is escaped in the label.
        let narrow = render_html("| A\" onload=\"x | B |\n| - | - |\n| 1 | 2 |");
        assert!(narrow.contains("<div class=\"table-wrap\""), "{narrow}");
        assert!(
            narrow.contains("data-label=\"A&quot; onload=&quot;x\""),
            "{narrow}"
        );
    }
}
