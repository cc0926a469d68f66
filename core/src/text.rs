//! How Hindsight reads text, defined once: which script a character belongs to, where a
//! word starts and ends, and how a phrase is matched at word starts.
//!
//! The importer, the review, the redaction and the related-incidents scan all ask the same
//! questions of free text written in English, Chinese or both at once ("這次 root cause 是
//! human error"). The answers live here, so the four never disagree:
//!
//! - **Scripts.** Han, kana and Hangul (and the other scripts written without spaces:
//!   Thai, Lao, Myanmar, Khmer, and CJK punctuation) are *spaceless*: a word may start at
//!   any of their characters, and a phrase in them matches anywhere. Letters and digits of
//!   the other scripts (Latin, Greek, Cyrillic, …) and `_` are *word characters*: a phrase
//!   that starts with one matches only where a word starts ("careless" in "carelessly",
//!   never in "uncareless").
//! - **Folding.** Matching compares folded text: lower case, typographic apostrophes as
//!   `'`, full-width Latin letters and digits as ASCII (ＤＮＳ reads "dns"). Tables of
//!   phrases are written already folded, which a test checks ([`is_normalized`]).
//! - **Matching.** [`Hay`] is a text as the matchers read it (characters as written and
//!   folded, one for one); [`Pat`] a compiled phrase (`…` stands for a short gap within a
//!   sentence); [`PatSet`] finds every phrase of a list in one pass. The byte-offset helpers
//!   ([`find_word_start`], [`contains_bounded`], [`word_starts_at`]) serve code that works on
//!   `&str` slices.

use std::borrow::Cow;

/// The kinds of script the matchers tell apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Chinese characters (and their radicals and compatibility forms).
    Han,
    /// Japanese hiragana and katakana (and Bopomofo, which Taiwan writes with Han).
    Kana,
    /// Korean Hangul.
    Hangul,
    /// Thai, Lao, Myanmar, Khmer and CJK punctuation: written without spaces, not CJK
    /// characters.
    OtherSpaceless,
    /// A letter or digit of a script that separates its words with spaces (Latin, Greek,
    /// Cyrillic, …), or `_`.
    Word,
    /// Everything else: spaces, punctuation, symbols.
    Other,
}

/// The script of a character.
pub fn script(c: char) -> Script {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() || c == '_' {
            Script::Word
        } else {
            Script::Other
        };
    }
    match c as u32 {
        0x2E80..=0x2FDF | 0x3190..=0x319F | 0x31C0..=0x31EF | 0x3400..=0x4DBF => Script::Han,
        0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => Script::Han,
        0x3040..=0x312F | 0x31A0..=0x31BF | 0x31F0..=0x31FF | 0xFF65..=0xFF9F => Script::Kana,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x3000..=0x303F => {
            Script::OtherSpaceless
        }
        _ if c.is_alphanumeric() => Script::Word,
        _ => Script::Other,
    }
}

/// Whether `c` is a Chinese character.
pub fn is_han(c: char) -> bool {
    script(c) == Script::Han
}

/// Whether `c` is Han, kana or Hangul: a character of Chinese, Japanese or Korean text.
pub fn is_cjk(c: char) -> bool {
    matches!(script(c), Script::Han | Script::Kana | Script::Hangul)
}

/// Whether `c` belongs to a script written without spaces between words, where a phrase
/// may start at any character.
pub fn is_spaceless(c: char) -> bool {
    matches!(
        script(c),
        Script::Han | Script::Kana | Script::Hangul | Script::OtherSpaceless
    )
}

/// Whether `c` continues a word written with spaces: a letter or digit of a spaced script,
/// or `_`. A Chinese character next to a word does not join it.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        script(c) == Script::Word
    }
}

/// Whether an ASCII byte continues a word: for scanners that walk bytes of ASCII tokens.
#[inline]
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A character as the matchers compare it: lower case (one character for one), typographic
/// apostrophes as `'`, full-width ASCII as ASCII.
#[inline]
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase())
        }
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// A text folded character by character (see [`fold`]); byte offsets may change.
pub fn folded(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// Whether a table's phrase is written the way the matchers compare text: folded, trimmed,
/// with single spaces. Every phrase and synonym table is checked by a test.
pub fn is_normalized(phrase: &str) -> bool {
    !phrase.is_empty()
        && folded(phrase) == phrase
        && phrase.trim() == phrase
        && !phrase.contains("  ")
        && !phrase.contains(['\t', '\n'])
}

/// The character before byte offset `i`.
pub fn prev_char(t: &str, i: usize) -> Option<char> {
    t.get(..i)?.chars().next_back()
}

/// The character at byte offset `i`.
pub fn next_char(t: &str, i: usize) -> Option<char> {
    t.get(i..)?.chars().next()
}

/// Whether a word may start at byte offset `i`: the character before it does not continue a
/// spaced word.
pub fn word_starts_at(t: &str, i: usize) -> bool {
    !prev_char(t, i).is_some_and(is_word_char)
}

/// Whether a word may end at byte offset `i`: the character there does not continue it.
pub fn word_ends_at(t: &str, i: usize) -> bool {
    !next_char(t, i).is_some_and(is_word_char)
}

/// Where `needle` first occurs in `hay` at a word start, at or after byte `from`: a needle
/// that begins with a word character matches only where a word starts, one in a spaceless
/// script anywhere. Both are compared as given (fold them first to ignore case).
pub fn find_word_start(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let first = needle.chars().next()?;
    let bounded = is_word_char(first);
    hay.get(from..)?
        .match_indices(needle)
        .map(|(at, _)| from + at)
        .find(|&at| !bounded || word_starts_at(hay, at))
}

/// Where `needle` first occurs in `hay` as a whole word: at a word start, and ending where a
/// word may end (both only where the needle's own edge is a word character).
pub fn find_whole_word(hay: &str, needle: &str) -> Option<usize> {
    let last = needle.chars().next_back()?;
    let mut from = 0;
    while let Some(at) = find_word_start(hay, needle, from) {
        let end = at + needle.len();
        if !is_word_char(last) || word_ends_at(hay, end) {
            return Some(at);
        }
        from = at + next_char(hay, at).map_or(1, char::len_utf8);
    }
    None
}

/// Whether `needle` occurs in `hay` as a whole word (see [`find_whole_word`]).
pub fn contains_bounded(hay: &str, needle: &str) -> bool {
    find_whole_word(hay, needle).is_some()
}

/// An action's own words: after bracketed tags (`[PoMo]`, `【SRE】`), a label in capitals
/// (`ACTION:`) and an ID with its colon or dash (`ACT-01:`, `**ACT-01** —`).
pub fn after_tags(text: &str) -> &str {
    fn skip(s: &str) -> &str {
        s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_'))
    }
    let mut rest = skip(text);
    loop {
        if let Some(inner) = rest.strip_prefix('[') {
            match inner.find(']') {
                // "[ ]" and "[x]" are task boxes, not tags.
                Some(close) if matches!(inner[..close].trim(), "" | "x" | "X") => return rest,
                Some(close) => {
                    rest = skip(&inner[close + 1..]);
                    continue;
                }
                None => return rest,
            }
        }
        if let Some(inner) = rest.strip_prefix('【') {
            match inner.find('】') {
                Some(close) => {
                    rest = skip(&inner[close + '】'.len_utf8()..]);
                    continue;
                }
                None => return rest,
            }
        }
        // An ID (capitals and digits with a digit in it) before `:` or a dash, or a label in
        // capitals before a colon ("ACTION: …", "FOLLOW-UP: …").
        let word_end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        let capitals = word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        let id_like = word.len() >= 3 && capitals && word.bytes().any(|b| b.is_ascii_digit());
        let label = word.len() >= 2 && capitals && word.bytes().any(|b| b.is_ascii_uppercase());
        let after = skip(&rest[word_end..]);
        let tail = match (id_like, label) {
            (true, _) => after.strip_prefix([':', '：', '-', '—', '–']),
            (false, true) => after.strip_prefix([':', '：']),
            _ => None,
        };
        if let Some(tail) = tail {
            rest = skip(tail);
            continue;
        }
        return rest;
    }
}

/// The sentences of a text, each with its closing mark: cut after `.`, `!` or `?` before a
/// space and no lowercase word, or at the end; after 。！？; and at line ends ("v1.2" and
/// "e.g. logins" stay whole).
pub fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let t = rest.trim_start();
        if t.is_empty() {
            return None;
        }
        let mut end = t.len();
        for (i, c) in t.char_indices() {
            let after = &t[i + c.len_utf8()..];
            // "… fired. Then" ends; "v1.2", "e.g. logins" do not.
            let next_starts = || {
                after.starts_with(char::is_whitespace)
                    && !after.trim_start().starts_with(char::is_lowercase)
            };
            let ends = match c {
                '。' | '！' | '？' | '\n' => true,
                '.' | '!' | '?' => after.is_empty() || next_starts(),
                _ => false,
            };
            if ends {
                end = i + c.len_utf8();
                break;
            }
        }
        let (sentence, after) = t.split_at(end);
        rest = after;
        Some(sentence)
    })
}

/// Whether pasted text looks like a log, a stack trace or a table of fixed-width text,
/// which reads right only as a code block: at least three lines, most of them starting with
/// a time or a log level, or stack frames, or columns lined up with runs of spaces. Text
/// already in a fence is not.
pub fn looks_like_log(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() < 3
        || text.trim_start().starts_with("```")
        || text.trim_start().starts_with("~~~")
    {
        return false;
    }
    let stamped = |l: &str| {
        let t = l.trim_start().trim_start_matches(['[', '(']);
        // A time (02:05) or a date (2024-05-02, 09.01.2024), not a list's number ("1. Do").
        let b = t.as_bytes();
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let sep = b.get(digits).copied();
        let then_digit = b.get(digits + 1).is_some_and(u8::is_ascii_digit);
        (1..=4).contains(&digits)
            && then_digit
            && (sep == Some(b':') || digits >= 2 && matches!(sep, Some(b'-' | b'/' | b'.')))
            || [
                "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "FATAL", "E0", "W0", "I0",
            ]
            .iter()
            .any(|level| t.starts_with(level))
    };
    let frame = |l: &str| {
        let t = l.trim_start();
        t.starts_with("at ") && l.starts_with(char::is_whitespace)
            || t.starts_with("File \"")
            || t.starts_with("Traceback")
            || t.contains("Exception")
            || t.contains("panicked at")
            || t.starts_with("goroutine ")
    };
    let columns = |l: &str| l.trim().contains("   ") || l.contains('\t');
    let most = |f: &dyn Fn(&str) -> bool| lines.iter().filter(|l| f(l)).count() * 2 > lines.len();
    most(&stamped) || lines.iter().filter(|l| frame(l)).count() >= 2 || most(&columns)
}

/// The first `n` words of a text, with "…" when more follow: a quote short enough for a
/// sentence.
pub fn clip_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{}…", words[..n].join(" "))
    }
}

/// The words of a text, folded: runs of word characters, and runs of spaceless letters
/// (a Chinese phrase between punctuation or Latin words is one run). What "the same
/// words" compares.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut spaceless_run = false;
    for c in text.chars().map(fold) {
        let spaceless = is_spaceless(c) && c.is_alphanumeric();
        if is_word_char(c) || spaceless {
            if !run.is_empty() && spaceless != spaceless_run {
                out.push(std::mem::take(&mut run));
            }
            spaceless_run = spaceless;
            run.push(c);
        } else if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// The text a reader takes as the writer's own words: fenced code, quoted lines (`>`) and
/// code spans hold evidence (logs, commands, chat), not judgement, so they become blank.
/// Blanked lines stay as line breaks, so a phrase never joins words across them.
pub fn prose(text: &str) -> Cow<'_, str> {
    // Most texts quote nothing: no copy for them.
    if !text.bytes().any(|b| matches!(b, b'`' | b'~' | b'>')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 1);
    let mut fence: Option<(char, usize)> = None;
    // Inside a quote: a line without its own `>` still belongs to it (Markdown's lazy
    // continuation) until a blank line or the start of another block.
    let mut quoted = false;
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let t = line.trim_start();
        if quoted && !t.is_empty() && !t.starts_with('>') && !starts_block(t) {
            out.push('\n');
            continue;
        }
        quoted = false;
        if let Some((ch, len)) = fence {
            let run = t.chars().take_while(|&c| c == ch).count();
            // Fence characters are ASCII, so `run` is also a byte count.
            if run >= len && t[run..].trim().is_empty() {
                fence = None;
            }
            out.push('\n');
            continue;
        }
        if indent <= 3 {
            if let Some(ch) = t.chars().next().filter(|c| matches!(c, '`' | '~')) {
                let run = t.chars().take_while(|&c| c == ch).count();
                if run >= 3 {
                    fence = Some((ch, run));
                    out.push('\n');
                    continue;
                }
            }
        }
        if t.starts_with('>') {
            quoted = true;
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    Cow::Owned(strip_code_spans(&out))
}

/// Whether a line starts a block of its own (a heading, a list item, a fence, a table row, a
/// thematic break), which ends a quote's lazy continuation.
fn starts_block(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    t.starts_with(['#', '|', '`', '~'])
        || t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with("+ ")
        || t.starts_with("---")
        || (digits > 0 && t[digits..].starts_with(['.', ')']))
}

/// Replaces each code span (a run of backticks up to the next run of the same length) by a
/// space; an unmatched run stays as it is, as CommonMark reads it.
fn strip_code_spans(text: &str) -> String {
    if !text.contains('`') {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    // Each run of backticks, and the next run of the same length: one pass from the end, so
    // text full of unmatched backticks stays linear.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '`' {
            let len = chars[i..].iter().take_while(|&&c| c == '`').count();
            runs.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    let mut next_same: Vec<Option<usize>> = vec![None; runs.len()];
    let mut last_of_len: std::collections::HashMap<usize, usize> = Default::default();
    for (k, &(_, len)) in runs.iter().enumerate().rev() {
        next_same[k] = last_of_len.insert(len, k);
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut k = 0;
    while k < runs.len() {
        let (start, len) = runs[k];
        if start < pos {
            k += 1;
            continue;
        }
        out.extend(&chars[pos..start]);
        match next_same[k] {
            Some(close) => {
                out.push(' ');
                pos = runs[close].0 + len;
                k = close + 1;
            }
            None => {
                out.extend(&chars[start..start + len]);
                pos = start + len;
                k += 1;
            }
        }
    }
    out.extend(&chars[pos.min(chars.len())..]);
    out
}

// -------------------------------------------------------------------------------------------
// Phrase matching over characters.

/// A text as the matchers read it: its characters, and the same folded one for one.
pub struct Hay {
    /// The characters as written.
    pub orig: Vec<char>,
    /// Folded ([`fold`]), one character for each of `orig`.
    pub low: Vec<char>,
}

impl Hay {
    /// Reads a text.
    pub fn new(text: &str) -> Self {
        let orig: Vec<char> = text.chars().collect();
        let low = orig.iter().map(|&c| fold(c)).collect();
        Self { orig, low }
    }

    /// How many characters it has.
    pub fn len(&self) -> usize {
        self.low.len()
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.low.is_empty()
    }

    /// Whether a word may start at character `i`.
    #[inline]
    pub fn word_start(&self, i: usize) -> bool {
        i == 0 || !self.low.get(i - 1).copied().is_some_and(is_word_char)
    }

    /// Whether a word may end just before character `i`.
    #[inline]
    pub fn word_end(&self, i: usize) -> bool {
        !self.low.get(i).copied().is_some_and(is_word_char)
    }

    /// The text as written between two positions, white space collapsed.
    pub fn quote(&self, start: usize, end: usize) -> String {
        let s: String = self.orig[start.min(self.orig.len())..end.min(self.orig.len())]
            .iter()
            .collect();
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Where the word that reaches `end` ends: a phrase matches as a prefix, and a quote
    /// shows the whole word ("carelessly", not "careless").
    pub fn word_end_from(&self, end: usize) -> usize {
        let mut e = end;
        if e > 0 && self.low.get(e - 1).copied().is_some_and(is_word_char) {
            while self.low.get(e).copied().is_some_and(is_word_char) {
                e += 1;
            }
        }
        e
    }

    /// Whether a sentence ends at `i`: `.` only before white space, so `v1.2` and
    /// `example.com` do not end one.
    pub fn sentence_end(&self, i: usize) -> bool {
        match self.low[i] {
            '!' | '?' | ';' | '\n' | '。' | '！' | '？' | '；' => true,
            '.' => self.low.get(i + 1).is_none_or(|c| c.is_whitespace()),
            _ => false,
        }
    }

    /// Whether a clause ends at `i`: a sentence end, a comma, a colon or 、.
    pub fn clause_end(&self, i: usize) -> bool {
        self.sentence_end(i) || matches!(self.low[i], ',' | ':' | '，' | '：' | '、')
    }

    /// Where the clause holding position `i` starts, looking back at most [`LOOK_BACK`].
    pub fn clause_start(&self, i: usize) -> usize {
        let floor = i.saturating_sub(LOOK_BACK);
        (floor..i)
            .rev()
            .find(|&k| self.clause_end(k))
            .map_or(floor, |k| k + 1)
    }

    /// Where the sentence holding position `i` starts, looking back at most [`LOOK_BACK`].
    pub fn sentence_start(&self, i: usize) -> usize {
        let floor = i.saturating_sub(LOOK_BACK);
        (floor..i)
            .rev()
            .find(|&k| self.sentence_end(k))
            .map_or(floor, |k| k + 1)
    }

    /// Where the sentence holding position `i` ends (just after its last character),
    /// looking ahead at most [`LOOK_BACK`].
    pub fn sentence_end_from(&self, i: usize) -> usize {
        let ceil = (i + LOOK_BACK).min(self.len());
        (i..ceil)
            .find(|&k| self.sentence_end(k))
            .map_or(ceil, |k| k + 1)
    }
}

/// How far a gap ("train … not to") may reach, in characters.
const GAP_LIMIT: usize = 80;

/// How far back a phrase looks for the clause or sentence it is in, in characters: a
/// longer look finds nothing more, and text without punctuation stays linear.
pub const LOOK_BACK: usize = 160;

#[derive(Clone, Debug)]
enum Tok {
    Ch(char),
    Space,
    Gap,
}

/// A phrase compiled for matching: its characters folded, a space matching any run of
/// white space, and `…` a gap of up to [`GAP_LIMIT`] characters within one sentence.
#[derive(Clone, Debug)]
pub struct Pat {
    toks: Vec<Tok>,
    /// Starts with a word character, so it starts at a word start.
    latin_start: bool,
    /// Must also end at a word end (whole-word lists).
    whole: bool,
}

impl Pat {
    /// Compiles a phrase; `whole` makes it end at a word end too.
    pub fn new(text: &str, whole: bool) -> Self {
        let mut toks = Vec::new();
        let text = text.replace("...", "…");
        for (k, part) in text.split('…').enumerate() {
            if k > 0 {
                while matches!(toks.last(), Some(Tok::Space)) {
                    toks.pop();
                }
                toks.push(Tok::Gap);
            }
            let part = if k > 0 { part.trim_start() } else { part };
            for c in part.chars() {
                if c.is_whitespace() {
                    if !matches!(toks.last(), Some(Tok::Space | Tok::Gap) | None) {
                        toks.push(Tok::Space);
                    }
                } else {
                    toks.push(Tok::Ch(fold(c)));
                }
            }
        }
        while matches!(toks.last(), Some(Tok::Space)) {
            toks.pop();
        }
        let latin_start = matches!(toks.first(), Some(Tok::Ch(c)) if is_word_char(*c));
        Self {
            toks,
            latin_start,
            whole,
        }
    }

    fn first(&self) -> Option<char> {
        match self.toks.first() {
            Some(Tok::Ch(c)) => Some(*c),
            _ => None,
        }
    }

    fn ends_latin(&self) -> bool {
        matches!(self.toks.last(), Some(Tok::Ch(c)) if is_word_char(*c))
    }

    /// The end of a match starting at `i`, if one does.
    pub fn at(&self, hay: &Hay, i: usize) -> Option<usize> {
        if self.latin_start && !hay.word_start(i) {
            return None;
        }
        let end = match_toks(&self.toks, hay, i)?;
        if self.whole && self.ends_latin() && !hay.word_end(end) {
            return None;
        }
        Some(end)
    }

    /// Whether it matches anywhere in `hay`.
    pub fn found_in(&self, hay: &Hay) -> bool {
        (0..hay.len()).any(|i| self.at(hay, i).is_some())
    }
}

fn match_toks(toks: &[Tok], hay: &Hay, i: usize) -> Option<usize> {
    let mut p = i;
    for (k, t) in toks.iter().enumerate() {
        match t {
            Tok::Ch(c) => {
                if hay.low.get(p) != Some(c) {
                    return None;
                }
                p += 1;
            }
            Tok::Space => {
                let start = p;
                while hay.low.get(p).is_some_and(|c| c.is_whitespace()) {
                    p += 1;
                }
                if p == start {
                    return None;
                }
            }
            Tok::Gap => {
                let rest = &toks[k + 1..];
                let rest_latin = matches!(rest.first(), Some(Tok::Ch(c)) if is_word_char(*c));
                let limit = (p + GAP_LIMIT).min(hay.len());
                let mut j = p;
                while j < limit && !hay.sentence_end(j) {
                    if !rest_latin || hay.word_start(j) {
                        if let Some(end) = match_toks(rest, hay, j) {
                            return Some(end);
                        }
                    }
                    j += 1;
                }
                return None;
            }
        }
    }
    Some(p)
}

/// Phrases indexed by their first character, so one pass over a text finds every phrase of
/// every list at once: the review runs on each keystroke, over documents of any size.
pub struct PatSet<T> {
    pats: Vec<(Pat, T)>,
    ascii: Vec<Vec<usize>>,
    other: Vec<(char, usize)>,
}

/// One match: where it is (in characters), and what the phrase was for.
pub struct Hit<'a, T> {
    /// The first character.
    pub start: usize,
    /// Just after the last character.
    pub end: usize,
    /// What the phrase stands for.
    pub what: &'a T,
}

impl<T> PatSet<T> {
    /// Indexes compiled phrases.
    pub fn new(entries: impl IntoIterator<Item = (Pat, T)>) -> Self {
        let pats: Vec<(Pat, T)> = entries.into_iter().collect();
        let mut ascii = vec![Vec::new(); 128];
        let mut other = Vec::new();
        for (k, (pat, _)) in pats.iter().enumerate() {
            match pat.first() {
                Some(c) if c.is_ascii() => ascii[c as usize].push(k),
                Some(c) => other.push((c, k)),
                None => {}
            }
        }
        crate::sort::sort(&mut other);
        Self { pats, ascii, other }
    }

    /// Every match starting in `from..to` and ending by `to`, in text order.
    pub fn scan(&self, hay: &Hay, from: usize, to: usize) -> Vec<Hit<'_, T>> {
        let mut hits = Vec::new();
        let to = to.min(hay.len());
        for i in from..to {
            let c = hay.low[i];
            if c.is_ascii() {
                // A phrase that starts with a letter or digit starts at a word start, so the
                // middle of a word needs no look at all.
                if is_word_char(c) && !hay.word_start(i) {
                    continue;
                }
                for &k in &self.ascii[c as usize] {
                    self.try_at(hay, i, k, to, &mut hits);
                }
            } else {
                let lo = self.other.partition_point(|(k, _)| *k < c);
                let hi = self.other.partition_point(|(k, _)| *k <= c);
                for &(_, k) in &self.other[lo..hi] {
                    self.try_at(hay, i, k, to, &mut hits);
                }
            }
        }
        hits
    }

    fn try_at<'a>(&'a self, hay: &Hay, i: usize, k: usize, to: usize, hits: &mut Vec<Hit<'a, T>>) {
        let (pat, what) = &self.pats[k];
        if let Some(end) = pat.at(hay, i) {
            if end <= to {
                hits.push(Hit {
                    start: i,
                    end,
                    what,
                });
            }
        }
    }

    /// Whether the text holds any of the phrases.
    pub fn any(&self, hay: &Hay) -> bool {
        !self.scan(hay, 0, hay.len()).is_empty()
    }

    /// The spans of every match in `from..to`.
    pub fn spans(&self, hay: &Hay, from: usize, to: usize) -> Vec<(usize, usize)> {
        self.scan(hay, from, to)
            .iter()
            .map(|h| (h.start, h.end))
            .collect()
    }
}

/// Whether two spans overlap.
pub fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    #[test]
    fn logs_traces_and_columns_look_like_logs_and_prose_does_not() {
        for log in [
            "02:05 disk fails\n02:07 alert fires\n02:09 failover starts",
            "[2024-05-02 10:01:02] ERROR pool exhausted\n[2024-05-02 10:01:03] WARN retry\n[2024-05-02 10:01:04] INFO ok",
            "Traceback (most recent call last):\n  File \"app.py\", line 3\n  File \"db.py\", line 9\nTimeoutError",
            "java.lang.IllegalStateException: closed\n    at Pool.get(Pool.java:42)\n    at Api.run(Api.java:7)",
            "NAME     READY   STATUS\napi-1    0/1     CrashLoopBackOff\napi-2    1/1     Running",
            "2024-05-02 錯誤\n2024-05-02 重試\n2024-05-02 恢復",
        ] {
            assert!(looks_like_log(log), "{log}");
        }
        for prose in [
            "The pool ran out.\nWe restarted it.\nIt came back.",
            "資料庫連線耗盡。\n我們重新啟動。\n服務恢復。",
            "two lines\nonly",
            "```\n02:05 a\n02:06 b\n02:07 c\n```",
            "1. Restart the pool\n2. Check the alerts\n3. Write the report",
        ] {
            assert!(!looks_like_log(prose), "{prose}");
        }
    }

    #[test]
    fn sentences_end_at_their_marks_but_not_inside_versions() {
        let got: Vec<&str> =
            sentences("v1.2 broke, e.g. logins. Alerts fired!\n告警沒響。客戶回報").collect();
        assert_eq!(
            got,
            [
                "v1.2 broke, e.g. logins.",
                "Alerts fired!",
                "告警沒響。",
                "客戶回報"
            ]
        );
    }

    use super::*;

    #[test]
    fn evidence_is_not_prose() {
        let p = prose("a `forgot to` b\n> engineer forgot to\n```\nidiot\n```\nc ``x ` y`` d");
        assert!(!p.contains("forgot"), "{p}");
        assert!(!p.contains("idiot"), "{p}");
        assert!(p.contains('a') && p.contains('b') && p.contains('c') && p.contains('d'));
        assert!(!p.contains('y'));
        assert_eq!(prose("one ` two"), "one ` two\n");
        // A quoted chat line and the line that continues it without its own `>`.
        let p = prose(
            "> <bob> the engineer screwed up\nagain, sloppy\n\nOur text.\n> x\n- a list item",
        );
        assert!(!p.contains("screwed") && !p.contains("sloppy"), "{p}");
        assert!(p.contains("Our text.") && p.contains("a list item"), "{p}");
        assert_eq!(prose("~~~~\nx\n~~~\ny\n~~~~\nz"), "\n\n\n\n\nz\n");
    }

    fn found(pat: &str, text: &str) -> bool {
        Pat::new(pat, false).found_in(&Hay::new(text))
    }

    #[test]
    fn tags_and_ids_in_front_are_not_an_actions_words() {
        assert_eq!(
            after_tags("[PoMo] Investigate and address"),
            "Investigate and address"
        );
        assert_eq!(
            after_tags("**ACT-01** — Make deletes soft"),
            "Make deletes soft"
        );
        assert_eq!(after_tags("【SRE】 加強監控"), "加強監控");
        assert_eq!(after_tags("OPS-12: Add a canary"), "Add a canary");
        assert_eq!(after_tags("Add a [canary]"), "Add a [canary]");
        assert_eq!(after_tags("[ ] looks like a task"), "[ ] looks like a task");
    }

    #[test]
    fn scripts_are_told_apart() {
        assert_eq!(script('a'), Script::Word);
        assert_eq!(script('é'), Script::Word);
        assert_eq!(script('Ж'), Script::Word);
        assert_eq!(script('_'), Script::Word);
        assert_eq!(script('林'), Script::Han);
        assert_eq!(script('𠀀'), Script::Han);
        assert_eq!(script('か'), Script::Kana);
        assert_eq!(script('ㄅ'), Script::Kana);
        assert_eq!(script('한'), Script::Hangul);
        assert_eq!(script('ก'), Script::OtherSpaceless);
        assert_eq!(script('。'), Script::OtherSpaceless);
        assert_eq!(script('-'), Script::Other);
        assert!(is_word_char('Ａ') && is_word_char('５'));
        assert!(!is_word_char('，'));
        assert!(is_spaceless('林') && !is_spaceless('a'));
        assert!(is_cjk('林') && is_cjk('か') && is_cjk('한') && !is_cjk('ก'));
    }

    #[test]
    fn folding_is_one_for_one_and_reads_full_width_as_ascii() {
        assert_eq!(folded("ＤＮＳ Didn’t"), "dns didn't");
        assert_eq!(fold('Σ'), 'σ');
        assert!(is_normalized("failed to"));
        assert!(!is_normalized("Failed to"));
        assert!(!is_normalized(" failed"));
        assert!(!is_normalized("failed  to"));
        assert!(!is_normalized(""));
    }

    #[test]
    fn words_start_where_no_spaced_word_continues() {
        assert_eq!(
            find_word_start("incomplete, complete", "complete", 0),
            Some(12)
        );
        assert_eq!(find_word_start("未完成", "完成", 0), Some(3));
        assert_eq!(find_whole_word("INC-12 INC-1", "INC-1"), Some(7));
        assert!(contains_bounded("see 事件INC-1說明", "INC-1"));
        assert!(!contains_bounded("undone", "done"));
        assert!(word_starts_at("a b", 2) && !word_starts_at("ab", 1));
        assert_eq!(
            words("DNS的TTL_x, ok 資料庫"),
            ["dns", "的", "ttl_x", "ok", "資料庫"]
        );
    }

    #[test]
    fn latin_phrases_match_at_word_starts_and_chinese_anywhere() {
        assert!(found("careless", "He was Carelessly fast"));
        assert!(!found("careless", "uncareless"));
        assert!(found("failed to", "it failed\n  to start"));
        assert!(found("didn't follow", "they didn’t follow"));
        assert!(found("忘記", "工程師忘記了"));
        assert!(found(
            "train … not to",
            "Train on-call staff not to skip it"
        ));
        assert!(!found("train … not to", "Train staff. Do not touch"));
        assert!(found("應該要…卻", "他應該要先備份，卻直接刪除"));
        assert!(found("!!!", "down again!!!"));
        assert!(found("idiot", "ＩＤＩＯＴ"));
    }
}
