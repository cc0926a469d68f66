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
    if rest.starts_with('#') || may_start_html(rest) || is_setext_underline(rest) {
        return Some(start);
    }
    match fence_backslash_pos(line) {
        Some((indent, slashes)) if slashes > 0 => Some(indent),
        _ => None,
    }
}

/// Whether text at a line start could open an HTML block: `<` then a letter, `/`, `!` or `?`.
/// An autolink such as `<https://example.com>` cannot, and stays a link.
fn may_start_html(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix('<') else {
        return false;
    };
    let Some(first) = after.chars().next() else {
        return false;
    };
    if !(first.is_ascii_alphabetic() || matches!(first, '/' | '!' | '?')) {
        return false;
    }
    !is_autolink(after)
}

/// Whether text after a `<` is a URI or email autolink up to its `>`.
fn is_autolink(after: &str) -> bool {
    let Some(end) = after.find('>') else {
        return false;
    };
    let inner = &after[..end];
    if inner.is_empty() || inner.contains(|c: char| c.is_whitespace() || c == '<') {
        return false;
    }
    let uri = inner.split_once(':').is_some_and(|(scheme, _)| {
        (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    let email = inner.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.is_empty() && !inner.contains(':') && !domain.contains('@')
    });
    uri || email
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
            if may_start_html(&rest[slashes..]) {
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
        if let Event::Start(Tag::CodeBlock(kind)) = event {
            let first = line_of(range.start);
            let last = line_of(range.end.saturating_sub(1).max(range.start));
            // A fence's own opening line is not code; every line of an indented block is.
            let from = match kind {
                CodeBlockKind::Fenced(_) => first + 1,
                CodeBlockKind::Indented => first,
            };
            for flag in code.iter_mut().take(last.max(first) + 1).skip(from) {
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

/// The info string of the verbatim form, used when escaping cannot be proven safe.
const RAW_INFO: &str = "hindsight-raw";

/// Escapes a multi-line Markdown field so it stays inside its section. Line endings become `\n`.
///
/// The result is checked with the parser: followed by a blank line and a heading, that
/// heading must be the only one. When it is not (text built to defeat the line rules), the
/// field is written verbatim in a code fence instead, which nothing can escape.
pub fn escape_block(text: &str) -> String {
    // Spaces ending a line outside code are the Markdown's hard breaks, never the text's; a
    // line that held only spaces is no line at either end.
    let trimmed = trim_line_ends(text);
    let text = trimmed.trim_matches('\n');
    match escape_lines(text) {
        Some(out) if stays_inside(&out) && !starts_raw(&out) => {
            hard_breaks(&out, &code_lines(text))
        }
        _ => raw_block(text),
    }
}

/// Makes each line break inside a paragraph a hard break (two spaces before it), so a line
/// typed on its own line stays on its own line in every renderer; code (in the text as
/// typed: an unclosed fence is text once escaped), lists and the breaks between blocks are
/// left alone. [`unescape_block`] takes the spaces off again: outside code, a field's text
/// never ends a line with spaces ([`trim_line_ends`]).
fn hard_breaks(text: &str, code: &[bool]) -> String {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut at: Vec<usize> = Parser::new_ext(text, markdown_options())
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::SoftBreak))
        .filter_map(|(_, r)| text[r.start..].find('\n').map(|n| r.start + n))
        .filter(|&nl| {
            let line = line_starts.partition_point(|s| *s <= nl) - 1;
            !code.get(line).copied().unwrap_or(false)
        })
        .collect();
    if at.is_empty() {
        return text.to_owned();
    }
    at.dedup();
    let mut out = String::with_capacity(text.len() + 2 * at.len());
    let mut from = 0;
    for i in at {
        out.push_str(&text[from..i]);
        out.push_str("  ");
        from = i;
    }
    out.push_str(&text[from..]);
    out
}

/// Markdown written elsewhere with its paragraphs wrapped at a width: each line break
/// inside a paragraph becomes a space (none between two Chinese characters), so the text
/// reads as its writer meant it once Hindsight keeps typed line breaks. Code, lists' own
/// lines and hard breaks stay.
pub fn join_soft_breaks(text: &str) -> String {
    let breaks: Vec<(usize, usize)> = Parser::new_ext(text, markdown_options())
        .into_offset_iter()
        .filter(|(e, _)| matches!(e, Event::SoftBreak))
        .filter_map(|(_, r)| {
            let nl = r.start + text[r.start..].find('\n')?;
            let before = text[..nl].trim_end_matches([' ', '\t']).len();
            let after = nl + 1 + (text[nl + 1..].len() - text[nl + 1..].trim_start().len());
            Some((before, after))
        })
        .collect();
    // Chinese wrapped mid-sentence joins with nothing between; text that had a space at the
    // break keeps one.
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (before, after) in breaks {
        if before < from {
            continue;
        }
        out.push_str(&text[from..before]);
        let prev = text[..before].chars().next_back();
        let next = text[after..].chars().next();
        let spaceless = |c: Option<char>| c.is_some_and(crate::text::is_spaceless);
        let bare = after - before == 1;
        if !(bare && spaceless(prev) && spaceless(next)) {
            out.push(' ');
        }
        from = after;
    }
    out.push_str(&text[from..]);
    // The hard breaks that stay are line breaks of the text now.
    trim_line_ends(&out)
}

/// A block's text without spaces at the end of its lines outside code: what a hard break
/// leaves in the Markdown is not part of the text.
pub fn trim_line_ends(text: &str) -> String {
    let code = code_lines(text);
    lines(text)
        .into_iter()
        .zip(code)
        .map(|(line, is_code)| {
            if is_code {
                line
            } else {
                line.trim_end_matches([' ', '\t'])
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes a field verbatim inside a fence longer than any backtick run in it.
pub fn raw_block(text: &str) -> String {
    let body = lines(text).join("\n");
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{RAW_INFO}\n{body}\n{fence}")
}

/// Whether a text's first line opens the verbatim form.
fn starts_raw(text: &str) -> bool {
    let first = text.split('\n').next().unwrap_or("");
    first.trim_start_matches('`').trim() == RAW_INFO && first.starts_with("```")
}

/// The verbatim form's content, if `text` is exactly one verbatim block.
fn raw_content(text: &str) -> Option<&str> {
    if !starts_raw(text) {
        return None;
    }
    let (first, rest) = text.split_once('\n')?;
    let fence = &first[..first.len() - RAW_INFO.len()];
    let body = rest.strip_suffix(fence)?;
    Some(body.strip_suffix('\n').unwrap_or(body))
}

/// Whether escaped text, followed by a blank line and a heading, leaves that heading as the
/// only one: no heading forged inside, nothing left open to swallow what follows.
fn stays_inside(out: &str) -> bool {
    let probe = format!("{out}\n\n## hindsight-end");
    let mut headings = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<String> = None;
    for event in Parser::new_ext(&probe, markdown_options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                headings.push(depth);
                current = Some(String::new());
                depth += 1;
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => {
                if let Some(text) = current.take() {
                    if let Some(last) = headings.last_mut() {
                        if text != "hindsight-end" {
                            *last = usize::MAX;
                        }
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                if let Some(c) = &mut current {
                    c.push_str(&t);
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    headings == [0]
}

/// The line rules: headings, HTML starts and setext lines escaped outside code, and top-level
/// fences that never close made text. `None` when hostile input needs too many passes.
fn escape_lines(text: &str) -> Option<String> {
    let original: Vec<&str> = lines(text);
    let mut fence_openers: Vec<usize> = Vec::new();
    // Each pass makes one unclosed opener text and escapes what it had hidden.
    for _ in 0..16 {
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
            Some(_) => return None,
            None => return Some(out),
        }
    }
    None
}

/// Undoes [`escape_block`].
pub fn unescape_block(text: &str) -> String {
    if let Some(raw) = raw_content(text) {
        return raw.to_owned();
    }
    let code = code_lines(text);
    let raw = lines(text)
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
        .join("\n");
    // The hard breaks' spaces, on the lines that are no code in the text as typed.
    trim_line_ends(&raw)
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
    map_pipe_backslashes(&escape_inline(text), |k| 2 * k + 1)
}

/// Undoes [`escape_cell`].
pub fn unescape_cell(text: &str) -> String {
    unescape_inline(&map_pipe_backslashes(text, |c| c.saturating_sub(1) / 2))
}

/// Rewrites the run of backslashes before each pipe, from `k` backslashes to `count(k)`;
/// other backslashes stay as they are.
fn map_pipe_backslashes(text: &str, count: impl Fn(usize) -> usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut slashes = 0usize;
    for c in text.chars() {
        if c == '\\' {
            slashes += 1;
            continue;
        }
        let run = if c == '|' { count(slashes) } else { slashes };
        out.push_str(&"\\".repeat(run));
        out.push(c);
        slashes = 0;
    }
    out.push_str(&"\\".repeat(slashes));
    out
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
            ("text\n===", "text  \n\\==="),
            ("text\n---  ", "text  \n\\---"),
            ("<!-- hide", "\\<!-- hide"),
            ("\\# already", "\\\\# already"),
            ("plain # not at start", "plain # not at start"),
        ];
        for (input, want) in cases {
            let got = escape_block(input);
            assert_eq!(got, want, "escape {input:?}");
            // Spaces ending a line outside code are the Markdown's, not the text's.
            assert_eq!(unescape_block(&got), trim_line_ends(input));
        }
    }

    #[test]
    fn closed_fences_stay_code_and_unclosed_ones_become_text() {
        let closed = "```\n# not a heading\n---\n```";
        assert_eq!(escape_block(closed), closed);
        let unclosed = "```rust\nfn main() {}";
        assert_eq!(escape_block(unclosed), "\\```rust  \nfn main() {}");
        assert_eq!(unescape_block(&escape_block(unclosed)), unclosed);
        let nested = "````\n```\n";
        let escaped = escape_block(nested);
        assert_eq!(unclosed_top_level_fence(&escaped), None);
        // Fields reach the escape without blank lines at their ends (see normalize).
        assert_eq!(unescape_block(&escaped), nested.trim_end_matches('\n'));
    }

    #[test]
    fn text_built_to_defeat_the_line_rules_is_written_verbatim() {
        let hostile = [
            "```\n    ```\n# forged",
            "```\n\t```\n## forged",
            "- foo\n# bar\n  ```\n## Impact",
            "```hindsight-raw\nlooks like ours\n```",
            "````\n```\n``\n~~~",
            &"```\n".repeat(40),
        ];
        for text in hostile {
            // Fields reach the escape without blank lines at their ends (see normalize).
            let text = text.trim_end_matches('\n');
            let out = escape_block(text);
            assert!(stays_inside(&out), "{text:?} escaped to {out:?}");
            assert_eq!(unescape_block(&out), text, "{text:?}");
        }
        assert!(escape_block("```\n    ```").starts_with("````hindsight-raw\n"));
    }

    #[test]
    fn a_line_break_inside_a_paragraph_is_a_hard_break_and_comes_back_as_typed() {
        let typed = "02:05 disk fails\n02:07 alert fires\n\n- one\n- two\n\n```\ncode  \nline\n```";
        let out = escape_block(typed);
        assert_eq!(
            out,
            "02:05 disk fails  \n02:07 alert fires\n\n- one\n- two\n\n```\ncode  \nline\n```"
        );
        assert_eq!(unescape_block(&out), typed);
        let html = crate::render::render_html(&out);
        assert!(html.contains("disk fails<br"), "{html}");
    }

    #[test]
    fn autolinks_and_indented_code_keep_their_look() {
        assert_eq!(
            escape_block("<https://example.com/runbook>"),
            "<https://example.com/runbook>"
        );
        assert_eq!(escape_block("<oncall@example.com>"), "<oncall@example.com>");
        assert_eq!(escape_block("<div>"), "\\<div>");
        assert_eq!(
            escape_block("Log:\n\n    # not a heading\n    <tag>"),
            "Log:\n\n    # not a heading\n    <tag>"
        );
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
