//! Whole-word matching for the redaction: a name, a word of the user's or a tool's name
//! found where it stands as a word of its own.

use super::hit::{Found, HitKind};
use crate::text::{is_word_char, next_char, prev_char};

/// Finds `needle` as a whole word: no letter of a spaced script may touch either end (in a
/// spaceless script any neighbour will do), and a space in the needle matches any run of
/// white space, so a name broken over two lines is still found.
pub(super) fn find_word(t: &str, needle: &str, fold: bool, kind: HitKind, out: &mut Found) {
    let Some(first) = needle.chars().next() else {
        return;
    };
    let Some(last) = needle.chars().next_back() else {
        return;
    };
    for (i, c) in t.char_indices() {
        if !same_char(c, first, fold) {
            continue;
        }
        let Some(end) = match_at(t, i, needle, fold) else {
            continue;
        };
        let free_before = !is_word_char(first) || !prev_char(t, i).is_some_and(is_word_char);
        let free_after = !is_word_char(last) || !next_char(t, end).is_some_and(is_word_char);
        if free_before && free_after {
            out.push((i, end, kind));
        }
    }
}

fn same_char(text: char, needle: char, fold: bool) -> bool {
    text == needle || (fold && text.to_lowercase().eq(needle.to_lowercase()))
}

/// Where `needle` ends when it matches `t` at byte offset `at`.
fn match_at(t: &str, at: usize, needle: &str, fold: bool) -> Option<usize> {
    let mut pos = at;
    let mut wanted = needle.chars().peekable();
    while let Some(n) = wanted.next() {
        if n.is_whitespace() {
            while wanted.peek().is_some_and(|c| c.is_whitespace()) {
                wanted.next();
            }
            let run: usize = t[pos..]
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8)
                .sum();
            if run == 0 {
                return None;
            }
            pos += run;
        } else {
            let c = next_char(t, pos)?;
            if !same_char(c, n, fold) {
                return None;
            }
            pos += c.len_utf8();
        }
    }
    Some(pos)
}
