//! Keeps user text inside the place the report gives it.
//!
//! A field may hold Markdown, but it must never forge a heading, open an HTML block or leave a
//! code fence open, because any of those would swallow or fake the sections that follow it on
//! GitHub. Every rule inserts one backslash in front of a run of backslashes that precedes the
//! dangerous character, so the escape is undone by removing one ([`unescape_block`]).

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use crate::render::markdown_options;

/// Splits text on every Markdown line ending: `\r\n`, `\r` and `\n`.
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

/// Length of the container prefix: indentation, blockquote markers and list markers.
fn container_prefix(line: &str) -> usize {
    let b = line.as_bytes();
    let mut i = 0;
    loop {
        let before = i;
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'>') {
            i += 1;
        }
        // Bullet list marker followed by a space.
        if i + 1 < b.len() && matches!(b[i], b'-' | b'*' | b'+') && matches!(b[i + 1], b' ' | b'\t')
        {
            i += 2;
        } else {
            // Ordered list marker: up to nine digits, then `.` or `)`, then a space.
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if (1..=9).contains(&digits)
                && i + digits + 1 < b.len()
                && matches!(b[i + digits], b'.' | b')')
                && matches!(b[i + digits + 1], b' ' | b'\t')
            {
                i += digits + 2;
            }
        }
        if i == before {
            return i;
        }
    }
}

/// Whether text (after a prefix and a backslash run) is a setext underline: only `=` or
/// only `-`, then spaces.
fn is_setext_underline(rest: &str) -> bool {
    let body = rest.trim_end_matches([' ', '\t']);
    !body.is_empty() && (body.bytes().all(|c| c == b'=') || body.bytes().all(|c| c == b'-'))
}

/// Where a top-level fence-like line (up to three spaces, backslashes, then three or more
/// backticks or tildes) has its backslash run, if it is one.
fn fence_backslash_pos(line: &str) -> Option<(usize, usize)> {
    let indent = line.bytes().take_while(|c| *c == b' ').count();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let slashes = rest.bytes().take_while(|c| *c == b'\\').count();
    let after = &rest[slashes..];
    if after.starts_with("```") || after.starts_with("~~~") {
        Some((indent, slashes))
    } else {
        None
    }
}

fn backslashes_at(line: &str, at: usize) -> usize {
    line[at..].bytes().take_while(|c| *c == b'\\').count()
}

/// Where a line needs (or, escaped, has) its escaping backslash: before the backslash run
/// that precedes a heading marker, an HTML start, a setext underline, or an already
/// backslashed fence.
fn danger_at(line: &str) -> Option<usize> {
    // A setext underline is read after indentation and quote markers only: `- ` alone under
    // a paragraph is an underline, not an empty list item.
    let quote = line
        .bytes()
        .take_while(|c| matches!(c, b' ' | b'\t' | b'>'))
        .count();
    if is_setext_underline(&line[quote + backslashes_at(line, quote)..]) {
        return Some(quote);
    }
    let start = container_prefix(line);
    let rest = &line[start + backslashes_at(line, start)..];
    if rest.starts_with('#') || rest.starts_with('<') || is_setext_underline(rest) {
        return Some(start);
    }
    match fence_backslash_pos(line) {
        Some((indent, slashes)) if slashes > 0 => Some(indent),
        _ => None,
    }
}

/// Escapes one line by the prefix rules; returns it unchanged when nothing is dangerous.
fn escape_line(line: &str) -> String {
    match danger_at(line) {
        Some(at) => format!("{}\\{}", &line[..at], &line[at..]),
        None => line.to_owned(),
    }
}

fn unescape_line(line: &str) -> String {
    match danger_at(line) {
        Some(at) if backslashes_at(line, at) > 0 => format!("{}{}", &line[..at], &line[at + 1..]),
        _ => line.to_owned(),
    }
}

/// Lines that sit inside fenced code blocks, which are shown verbatim and so never escaped.
///
/// HTML blocks are neutralised before parsing, as the escape neutralises them, so the
/// original and the escaped text agree on which lines are code.
fn code_lines(text: &str) -> Vec<bool> {
    let all = lines(text);
    let neutral = all
        .iter()
        .map(|line| {
            let start = container_prefix(line);
            let rest = &line[start..];
            let slashes = rest.bytes().take_while(|c| *c == b'\\').count();
            if rest[slashes..].starts_with('<') {
                format!("{}\\{}", &line[..start], rest)
            } else {
                (*line).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(neutral.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|s| *s <= offset) - 1;
    let mut code = vec![false; all.len()];
    for (event, range) in Parser::new_ext(&neutral, markdown_options()).into_offset_iter() {
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) = event {
            let first = line_of(range.start);
            let last = line_of(range.end.saturating_sub(1).max(range.start));
            for flag in &mut code[first + 1..=last.max(first)] {
                *flag = true;
            }
        }
    }
    code
}

/// The line index of a fenced code block at the top level that runs to the end unclosed.
fn unclosed_top_level_fence(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if depth == 0 => {
                let block = &text[range.clone()];
                let opener = block.trim_start_matches(' ');
                let fence_char = opener.chars().next()?;
                let fence_len = opener.chars().take_while(|c| *c == fence_char).count();
                let body_lines = lines(block.trim_end_matches(['\n', '\r']));
                let closed = body_lines.len() > 1
                    && body_lines.last().is_some_and(|last| {
                        let t = last.trim();
                        t.chars().count() >= fence_len && t.chars().all(|c| c == fence_char)
                    });
                if !closed {
                    return Some(lines(&text[..range.start]).len() - 1);
                }
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Escapes a multi-line Markdown field so it stays inside its section. Line endings become `\n`.
pub fn escape_block(text: &str) -> String {
    let original: Vec<&str> = lines(text);
    let mut fence_openers: Vec<usize> = Vec::new();
    // An unclosed fence at the top level runs to the end of the report: make its opener text
    // and escape what it had hidden. Each pass fixes one opener; the cap is for hostile input.
    for _ in 0..=original.len().min(64) {
        let base: Vec<String> = original
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let mut l = (*line).to_owned();
                if fence_openers.contains(&i) {
                    if let Some((indent, _)) = fence_backslash_pos(&l) {
                        l.insert(indent, '\\');
                    }
                }
                l
            })
            .collect();
        let code = code_lines(&base.join("\n"));
        let out = base
            .iter()
            .zip(&original)
            .zip(code)
            .enumerate()
            .map(|(i, ((escaped_opener, line), is_code))| {
                if fence_openers.contains(&i) {
                    escaped_opener.clone()
                } else if is_code {
                    (*line).to_owned()
                } else {
                    escape_line(line)
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        match unclosed_top_level_fence(&out) {
            Some(index) if fence_backslash_pos(original[index]).is_some() => {
                fence_openers.push(index)
            }
            _ => return out,
        }
    }
    // Past the cap, every line is escaped as text.
    original
        .iter()
        .map(|line| match fence_backslash_pos(line) {
            Some((indent, _)) => {
                let mut l = escape_line(line);
                if l == *line {
                    l.insert(indent, '\\');
                }
                l
            }
            None => escape_line(line),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Undoes [`escape_block`].
pub fn unescape_block(text: &str) -> String {
    let code = code_lines(text);
    lines(text)
        .into_iter()
        .zip(code)
        .map(|(line, is_code)| {
            if is_code {
                line.to_owned()
            } else {
                unescape_line(line)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Flattens text onto one line and escapes it for use after a list marker or heading marker.
pub fn escape_inline(text: &str) -> String {
    let flat = lines(text).join(" ");
    let escaped = escape_line(flat.trim());
    escape_task_marker(&escape_closing_hashes(&escaped))
}

/// Undoes [`escape_inline`] (for text that was already on one line and trimmed).
pub fn unescape_inline(text: &str) -> String {
    unescape_line(&unescape_closing_hashes(&unescape_task_marker(text)))
}

/// Where a leading task marker (`[ ]`, `[x]`, `[X]` then a space or the end) starts, after a
/// run of backslashes: such text would turn our list item into a task item.
fn task_marker_slashes(text: &str) -> Option<usize> {
    let slashes = backslashes_at(text, 0);
    let rest = &text[slashes..];
    let marker = ["[ ]", "[x]", "[X]"].iter().any(|m| {
        rest.strip_prefix(m)
            .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t']))
    });
    marker.then_some(slashes)
}

fn escape_task_marker(text: &str) -> String {
    match task_marker_slashes(text) {
        Some(_) => format!("\\{text}"),
        None => text.to_owned(),
    }
}

fn unescape_task_marker(text: &str) -> String {
    match task_marker_slashes(text) {
        Some(slashes) if slashes > 0 => text[1..].to_owned(),
        _ => text.to_owned(),
    }
}

/// Splits text ending in `#`s into (body, backslashes, hashes) when the hashes would be an
/// ATX closing sequence: the body is not empty and ends in a space (an empty body is the
/// line-start rule's business).
fn closing_hashes(text: &str) -> Option<(&str, usize)> {
    let without_hashes = text.trim_end_matches('#');
    if without_hashes.len() == text.len() {
        return None;
    }
    let body = without_hashes.trim_end_matches('\\');
    let slashes = without_hashes.len() - body.len();
    (!body.trim().is_empty() && body.ends_with([' ', '\t'])).then_some((body, slashes))
}

fn escape_closing_hashes(text: &str) -> String {
    match closing_hashes(text) {
        Some((body, _)) => format!("{body}\\{}", &text[body.len()..]),
        None => text.to_owned(),
    }
}

fn unescape_closing_hashes(text: &str) -> String {
    match closing_hashes(text) {
        Some((body, slashes)) if slashes > 0 => format!("{body}{}", &text[body.len() + 1..]),
        _ => text.to_owned(),
    }
}

/// Escapes text for a GFM table cell: one line, and every pipe escaped.
///
/// A pipe after `k` backslashes gets `2k + 1`: every backslash doubled, so it stays literal,
/// plus one that escapes the pipe. The count is always odd, so the table never splits there,
/// and it is undone exactly by [`unescape_cell`].
pub fn escape_cell(text: &str) -> String {
    let inline = escape_inline(text);
    let mut out = String::with_capacity(inline.len() + 8);
    let mut slashes = 0usize;
    for c in inline.chars() {
        match c {
            '\\' => slashes += 1,
            '|' => {
                out.push_str(&"\\".repeat(2 * slashes + 1));
                out.push('|');
                slashes = 0;
            }
            other => {
                out.push_str(&"\\".repeat(slashes));
                out.push(other);
                slashes = 0;
            }
        }
    }
    out.push_str(&"\\".repeat(slashes));
    out
}

/// Undoes [`escape_cell`].
pub fn unescape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut slashes = 0usize;
    for c in text.chars() {
        match c {
            '\\' => slashes += 1,
            '|' => {
                out.push_str(&"\\".repeat(slashes.saturating_sub(1) / 2));
                out.push('|');
                slashes = 0;
            }
            other => {
                out.push_str(&"\\".repeat(slashes));
                out.push(other);
                slashes = 0;
            }
        }
    }
    out.push_str(&"\\".repeat(slashes));
    unescape_inline(&out)
}

/// Splits one of our table rows (`| a | b |`) into its raw cells, at unescaped pipes.
pub fn split_row(row: &str) -> Vec<&str> {
    let inner = row.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut start = 0;
    let mut slashes = 0usize;
    for (i, c) in inner.char_indices() {
        match c {
            '\\' => slashes += 1,
            '|' if slashes.is_multiple_of(2) => {
                cells.push(inner[start..i].trim());
                start = i + 1;
                slashes = 0;
            }
            _ => slashes = 0,
        }
    }
    let rest = inner[start..].trim();
    if !rest.is_empty() {
        cells.push(rest);
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_html_and_setext_lines_are_escaped_and_restored() {
        let cases = [
            ("# Forged", "\\# Forged"),
            ("> ## quoted", "> \\## quoted"),
            ("- # in a list", "- \\# in a list"),
            ("1. # ordered", "1. \\# ordered"),
            ("text\n===", "text\n\\==="),
            ("text\n---  ", "text\n\\---  "),
            ("<!-- hide", "\\<!-- hide"),
            ("\\# already", "\\\\# already"),
            ("plain # not at start", "plain # not at start"),
        ];
        for (input, want) in cases {
            let got = escape_block(input);
            assert_eq!(got, want, "escape {input:?}");
            assert_eq!(unescape_block(&got), input.replace("\r\n", "\n"));
        }
    }

    #[test]
    fn closed_fences_stay_code_and_unclosed_ones_become_text() {
        let closed = "```\n# not a heading\n---\n```";
        assert_eq!(escape_block(closed), closed);
        let unclosed = "```rust\nfn main() {}";
        assert_eq!(escape_block(unclosed), "\\```rust\nfn main() {}");
        assert_eq!(unescape_block(&escape_block(unclosed)), unclosed);
        let nested = "````\n```\n";
        let escaped = escape_block(nested);
        assert_eq!(unclosed_top_level_fence(&escaped), None);
        assert_eq!(unescape_block(&escaped), nested);
    }

    #[test]
    fn cells_keep_every_pipe_escaped_and_undo_exactly() {
        assert_eq!(escape_cell("a|b"), "a\\|b");
        assert_eq!(escape_cell("a\\|b"), "a\\\\\\|b");
        assert_eq!(escape_cell("line\r\nbreak"), "line break");
        for text in [
            "a|b",
            "a\\|b",
            "\\\\|",
            "end\\",
            "x \\|\\| y",
            "[ ] task",
            "# h ##",
        ] {
            let cell = escape_cell(text);
            assert_eq!(
                split_row(&format!("| {cell} | next |")),
                [cell.as_str(), "next"]
            );
            assert_eq!(unescape_cell(&cell), text, "{cell}");
        }
    }

    #[test]
    fn inline_escapes_undo_exactly() {
        assert_eq!(escape_inline("Outage ##"), "Outage \\##");
        assert_eq!(escape_inline("C#"), "C#");
        assert_eq!(escape_inline("#"), "\\#");
        for text in [
            "Outage ##",
            "Outage \\##",
            "#",
            "\\#",
            "[ ] #",
            "\\[x] done",
            "[x]",
            "<b>",
            "---",
            "- x",
        ] {
            assert_eq!(unescape_inline(&escape_inline(text)), text, "{text}");
        }
    }
}
