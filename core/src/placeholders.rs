//! Placeholders a template leaves for the author to replace: `YYYY-MM-DD`, `HH:MM`, `XX
//! hours`, `{Description}`, `<owner>`, `@engineer-dev`, TBD, TODO, 待補. The review flags
//! those left in a report (placeholder-text), and the importer counts them to tell a blank
//! template from a report.
//!
//! Each rule is one row of a table, matched at word starts as [`crate::text`] defines them.
//! Traps: `4xx` and `5XX` (status classes), `XXL`, `{{` of a template language in code
//! (callers strip code first), a real handle (`@alice`), an email address.

use crate::text::{is_word_char, next_char, prev_char, Hay, Pat, PatSet};

/// Words and phrases that are placeholders wherever they stand (whole words, any case).
const PHRASES: &[&str] = &[
    "yyyy-mm-dd",
    "yyyy/mm/dd",
    "yyyymmdd",
    "dd/mm/yyyy",
    "mm/dd/yyyy",
    "hh:mm:ss",
    "hh:mm",
    "tbd",
    "tba",
    "todo",
    "fixme",
    "lorem ipsum",
    "insert here",
    "your text here",
    "待補",
    "待填",
    "（請填寫）",
    "(請填寫)",
    "請填寫",
    "請在此填寫",
];

/// Handle names that stand for "whoever it is", not for a person (`@engineer-dev`).
const GENERIC_HANDLES: &[&str] = &[
    "engineer",
    "developer",
    "dev",
    "owner",
    "oncall",
    "on-call",
    "someone",
    "username",
    "user",
    "name",
    "person",
    "assignee",
    "lead",
    "team",
    "your-name",
    "yourname",
];

fn phrases() -> &'static PatSet<&'static str> {
    static SET: std::sync::OnceLock<PatSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| PatSet::new(PHRASES.iter().map(|p| (Pat::new(p, true), *p))))
}

/// Every placeholder in `text`, as byte ranges, in text order.
pub fn find(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The phrase table, on characters; mapped back to bytes.
    let hay = Hay::new(text);
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    for hit in phrases().scan(&hay, 0, hay.len()) {
        let (start, end) = (bytes[hit.start], bytes[hit.end]);
        // "Status: TODO" is a status, not a gap left to fill.
        let before = crate::text::folded(&text[..start]);
        let before = before
            .trim_end_matches(['*', '_', '`', ' '])
            .trim_end_matches([':', '：'])
            .trim_end();
        if before.ends_with("status") || before.ends_with("狀態") {
            continue;
        }
        out.push((start, end));
    }
    // `XX hours`, `X,XXX users`: capitals X standing for digits, as a whole token.
    for (i, _) in text.match_indices('X') {
        if prev_char(text, i).is_some_and(|c| is_word_char(c) || c == ',') {
            continue;
        }
        let token: String = text[i..]
            .chars()
            .take_while(|c| *c == 'X' || *c == ',' || *c == '.')
            .collect();
        let token = token.trim_end_matches([',', '.']);
        let end = i + token.len();
        let xs = token.chars().filter(|c| *c == 'X').count();
        if xs >= 2 && !next_char(text, end).is_some_and(is_word_char) {
            out.push((i, end));
        }
    }
    // `{Description}` and `{{ service }}`: a braced word or two.
    for (i, _) in text.match_indices('{') {
        if prev_char(text, i) == Some('{') {
            continue;
        }
        let inner_start = i + text[i..].chars().take_while(|c| *c == '{').count();
        let Some(close) = text[inner_start..].find('}') else {
            continue;
        };
        let inner = text[inner_start..inner_start + close].trim();
        let wordy = !inner.is_empty()
            && inner.split_whitespace().count() <= 4
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '$'));
        if wordy {
            let end = inner_start
                + close
                + text[inner_start + close..]
                    .chars()
                    .take_while(|c| *c == '}')
                    .count();
            out.push((i, end));
        }
    }
    // `<owner>`, `<service name>`: angle brackets around plain words (not a tag, not an
    // address).
    for (i, _) in text.match_indices('<') {
        let Some(close) = text[i + 1..].find('>') else {
            continue;
        };
        let inner = &text[i + 1..i + 1 + close];
        let plain = !inner.is_empty()
            && inner.split_whitespace().count() <= 3
            && inner
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '_' | '-'))
            && !matches!(
                inner.to_ascii_lowercase().as_str(),
                "br" | "b" | "i" | "u" | "p" | "em" | "strong" | "span" | "div" | "code" | "pre"
            );
        if plain {
            out.push((i, i + close + 2));
        }
    }
    // `@engineer-dev`: a handle made of generic words only.
    for (i, _) in text.match_indices('@') {
        if prev_char(text, i).is_some_and(is_word_char) {
            continue;
        }
        let name: String = text[i + 1..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        let generic = !name.is_empty()
            && name
                .to_ascii_lowercase()
                .split(['-', '_'])
                .all(|part| GENERIC_HANDLES.contains(&part));
        if generic {
            out.push((i, i + 1 + name.len()));
        }
    }
    // One placeholder inside another ("hh:mm" in "hh:mm:ss") is the same one.
    crate::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for span in out {
        if kept.last().is_none_or(|last| span.0 >= last.1) {
            kept.push(span);
        }
    }
    kept
}

/// The placeholder texts of `text`, as written, in text order.
pub fn quotes(text: &str) -> Vec<&str> {
    find(text).into_iter().map(|(s, e)| &text[s..e]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_placeholders_are_found() {
        assert_eq!(
            quotes("Start YYYY-MM-DD hh:mm:ss, lasted XX hours, {Description}, owner <owner>, ping @engineer-dev, TBD, todo: x, 待補"),
            [
                "YYYY-MM-DD",
                "hh:mm:ss",
                "XX",
                "{Description}",
                "<owner>",
                "@engineer-dev",
                "TBD",
                "todo",
                "待補"
            ]
        );
        assert_eq!(quotes("X,XXX users"), ["X,XXX"]);
        assert_eq!(quotes("{{ service_name }} is down"), ["{{ service_name }}"]);
    }

    #[test]
    fn real_values_are_not_placeholders() {
        for text in [
            "4xx and 5XX errors rose",
            "an XXL shirt",
            "mail alice@example.com or @alice",
            "<b>bold</b> and <https://example.com>",
            "todos were cleared; the mastodon instance",
            "2024-05-02 14:05",
            "Xbox users",
            "the {} literal",
            "(Status: TODO)",
            "(Status: **TODO**)",
            "狀態：TODO",
        ] {
            assert_eq!(quotes(text), Vec::<&str>::new(), "{text}");
        }
    }
}
