//! Markdown as plain text, for a status page or an email: emphasis marks dropped, lists
//! kept as `-` and `1.` lines, links followed by their address, code indented.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::render::{is_safe_url, markdown_options};

/// Builds plain text line by line, with the prefixes of the blocks it is inside.
#[derive(Default)]
struct Writer {
    out: String,
    /// What starts each line: quote marks and list indentation.
    prefix: Vec<String>,
    at_line_start: bool,
    /// A list marker was just written: the item's first block goes on its line.
    after_marker: bool,
    /// Open lists: the next number of an ordered one.
    lists: Vec<Option<u64>>,
    /// Open links: their address and where their text starts.
    links: Vec<(String, usize)>,
    /// Whether the next table cell is the first of its row.
    first_cell: bool,
}

impl Writer {
    fn write(&mut self, text: &str) {
        for (k, segment) in text.split('\n').enumerate() {
            if k > 0 {
                self.out.push('\n');
                self.at_line_start = true;
            }
            if segment.is_empty() {
                continue;
            }
            if self.at_line_start || self.out.is_empty() {
                let prefix = self.prefix.concat();
                self.out.push_str(&prefix);
                self.at_line_start = false;
            }
            self.out.push_str(segment);
            self.after_marker = false;
        }
    }

    fn newline(&mut self) {
        if !self.out.is_empty() && !self.at_line_start && !self.after_marker {
            self.out.push('\n');
            self.at_line_start = true;
        }
    }

    fn block(&mut self) {
        if self.after_marker {
            return;
        }
        self.newline();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::HtmlBlock | Tag::Table(_) => self.block(),
            Tag::BlockQuote(_) => {
                self.block();
                self.prefix.push("> ".into());
            }
            Tag::CodeBlock(_) => {
                self.block();
                self.prefix.push("    ".into());
            }
            Tag::List(first) => {
                if self.lists.is_empty() {
                    self.block();
                } else {
                    self.after_marker = false;
                    self.newline();
                }
                self.lists.push(first);
            }
            Tag::Item => {
                self.after_marker = false;
                self.newline();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "- ".to_owned(),
                };
                self.write(&marker);
                self.prefix.push(" ".repeat(marker.chars().count()));
                self.after_marker = true;
            }
            Tag::TableHead | Tag::TableRow => {
                self.newline();
                self.first_cell = true;
            }
            Tag::TableCell => {
                if !self.first_cell {
                    self.write(" | ");
                }
                self.first_cell = false;
            }
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.links.push((dest_url.to_string(), self.out.len()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::BlockQuote(_) | TagEnd::CodeBlock | TagEnd::Item => {
                self.prefix.pop();
                self.after_marker = false;
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Link | TagEnd::Image => {
                if let Some((url, from)) = self.links.pop() {
                    let shown = self.out.get(from..).unwrap_or("").trim().to_owned();
                    let same = url == shown || url.strip_prefix("mailto:") == Some(shown.as_str());
                    if !url.trim().is_empty() && !same && is_safe_url(&url) {
                        self.write(&format!(" ({url})"));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Markdown as plain text; paragraphs are separated by one blank line.
pub(super) fn to_plain(markdown: &str) -> String {
    let mut w = Writer::default();
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(tag) => w.start(tag),
            Event::End(tag) => w.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => w.write(&t),
            Event::SoftBreak | Event::HardBreak => {
                w.after_marker = false;
                w.newline();
            }
            Event::Rule => {
                w.block();
                w.write("---");
            }
            Event::TaskListMarker(done) => w.write(if done { "[x] " } else { "[ ] " }),
            _ => {}
        }
    }
    w.out
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_readable_text() {
        let md = "Some **bold** and `code`, a [link](https://example.com/a) and <https://example.com>.\n\n\
- one\n- two\n  1. nested\n  2. again\n\n> quoted\n> more\n\n```\nlet x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |";
        assert_eq!(
            to_plain(md),
            "Some bold and code, a link (https://example.com/a) and https://example.com.\n\n\
- one\n- two\n  1. nested\n  2. again\n\n> quoted\n> more\n\n    let x = 1;\n\na | b\n1 | 2"
        );
    }

    #[test]
    fn loose_items_keep_their_text_on_the_marker_line() {
        assert_eq!(
            to_plain("1. first\n\n   more\n2. second"),
            "1. first\n\n   more\n2. second"
        );
        assert_eq!(to_plain("- [x] done\n- [ ] todo"), "- [x] done\n- [ ] todo");
        assert_eq!(
            to_plain("[x](javascript:alert(1)) <b>raw</b>"),
            "x <b>raw</b>"
        );
    }
}
