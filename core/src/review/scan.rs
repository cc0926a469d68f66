//! Finding phrases in free text: the evidence a writer quotes (code, fenced blocks, `>` lines)
//! taken out first, word starts for Latin script, substrings for Chinese, and whether a phrase
//! follows a person.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::phrases::{Blame, Phrases, TABLES};

/// Whether `c` belongs to a script written without spaces between words (Han, kana, Hangul,
/// full-width forms), where a phrase may start anywhere.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(
        c as u32,
        0x2E80..=0x2FDF
            | 0x3000..=0x30FF
            | 0x3100..=0x31BF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFFEF
            | 0x20000..=0x2FA1F
    )
}

/// A letter or digit of a script that separates its words with spaces.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() && !is_cjk(c)
    }
}

/// The text a reader takes as the writer's own words: fenced code, quoted lines (`>`) and
/// code spans hold evidence (logs, commands, chat), not judgement, so they become blank.
/// Blanked lines stay as line breaks, so a phrase never joins words across them.
pub(crate) fn prose(text: &str) -> Cow<'_, str> {
    // Most texts quote nothing: no copy for them.
    if !text.bytes().any(|b| matches!(b, b'`' | b'~' | b'>')) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 1);
    let mut fence: Option<(char, usize)> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let t = line.trim_start();
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
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    Cow::Owned(strip_code_spans(&out))
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

/// A text as the matchers read it: its characters, and the same lowercased one for one with
/// typographic apostrophes made plain.
pub(crate) struct Hay {
    /// The characters as written.
    pub orig: Vec<char>,
    /// Lowercase, one character for each of `orig`.
    pub low: Vec<char>,
}

impl Hay {
    pub(crate) fn new(text: &str) -> Self {
        let mut orig: Vec<char> = Vec::with_capacity(text.len());
        orig.extend(text.chars());
        let low = orig
            .iter()
            .map(|&c| match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
                c if c.is_ascii() => c.to_ascii_lowercase(),
                c => c.to_lowercase().next().unwrap_or(c),
            })
            .collect();
        Self { orig, low }
    }

    pub(crate) fn len(&self) -> usize {
        self.low.len()
    }

    /// Whether a word may start at `i`.
    #[inline]
    pub(crate) fn word_start(&self, i: usize) -> bool {
        i == 0 || !self.low.get(i - 1).copied().is_some_and(is_word)
    }

    /// Whether a word may end just before `i`.
    #[inline]
    pub(crate) fn word_end(&self, i: usize) -> bool {
        !self.low.get(i).copied().is_some_and(is_word)
    }

    /// The text as written between two positions, white space collapsed.
    pub(crate) fn quote(&self, start: usize, end: usize) -> String {
        let s: String = self.orig[start..end.min(self.orig.len())].iter().collect();
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Where the word that reaches `end` ends: a phrase matches as a prefix, and a quote
    /// shows the whole word ("carelessly", not "careless").
    pub(crate) fn word_end_from(&self, end: usize) -> usize {
        let mut e = end;
        if e > 0 && self.low.get(e - 1).copied().is_some_and(is_word) {
            while self.low.get(e).copied().is_some_and(is_word) {
                e += 1;
            }
        }
        e
    }

    /// Whether a sentence ends at `i`: `.` only before white space, so `v1.2` and
    /// `example.com` do not end one.
    fn sentence_end(&self, i: usize) -> bool {
        match self.low[i] {
            '!' | '?' | ';' | '\n' | '。' | '！' | '？' | '；' => true,
            '.' => self.low.get(i + 1).is_none_or(|c| c.is_whitespace()),
            _ => false,
        }
    }

    fn clause_end(&self, i: usize) -> bool {
        self.sentence_end(i) || matches!(self.low[i], ',' | ':' | '，' | '：' | '、')
    }

    /// Where the clause holding position `i` starts, looking back at most [`LOOK_BACK`].
    pub(crate) fn clause_start(&self, i: usize) -> usize {
        let floor = i.saturating_sub(LOOK_BACK);
        (floor..i)
            .rev()
            .find(|&k| self.clause_end(k))
            .map_or(floor, |k| k + 1)
    }

    /// Where the sentence holding position `i` starts, looking back at most [`LOOK_BACK`].
    pub(crate) fn sentence_start(&self, i: usize) -> usize {
        let floor = i.saturating_sub(LOOK_BACK);
        (floor..i)
            .rev()
            .find(|&k| self.sentence_end(k))
            .map_or(floor, |k| k + 1)
    }
}

/// How far a gap ("train … not to") may reach, in characters.
const GAP_LIMIT: usize = 80;

/// How far back a phrase looks for the person it follows, in characters. A person counts
/// only a couple of words before the phrase, so a longer look finds nothing more, and text
/// without punctuation stays linear.
const LOOK_BACK: usize = 160;

#[derive(Clone, Debug)]
enum Tok {
    Ch(char),
    Space,
    Gap,
}

/// A phrase compiled for matching.
#[derive(Clone, Debug)]
pub(crate) struct Pat {
    toks: Vec<Tok>,
    /// Starts with a Latin letter or digit, so it starts at a word start.
    latin_start: bool,
    /// Must also end at a word end (whole-word lists).
    whole: bool,
}

impl Pat {
    pub(crate) fn new(text: &str, whole: bool) -> Self {
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
                    let low = Hay::new(&c.to_string()).low;
                    toks.push(Tok::Ch(low.first().copied().unwrap_or(c)));
                }
            }
        }
        while matches!(toks.last(), Some(Tok::Space)) {
            toks.pop();
        }
        let latin_start = matches!(toks.first(), Some(Tok::Ch(c)) if is_word(*c));
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
        matches!(self.toks.last(), Some(Tok::Ch(c)) if is_word(*c))
    }

    /// The end of a match starting at `i`, if one does.
    pub(crate) fn at(&self, hay: &Hay, i: usize) -> Option<usize> {
        if self.latin_start && !hay.word_start(i) {
            return None;
        }
        let end = match_toks(&self.toks, hay, i)?;
        if self.whole && self.ends_latin() && !hay.word_end(end) {
            return None;
        }
        Some(end)
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
                let rest_latin = matches!(rest.first(), Some(Tok::Ch(c)) if is_word(*c));
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
pub(crate) struct PatSet<T> {
    pats: Vec<(Pat, T)>,
    ascii: Vec<Vec<usize>>,
    other: Vec<(char, usize)>,
}

/// One match: where it is, and what the phrase was for.
pub(crate) struct Hit<'a, T> {
    pub start: usize,
    pub end: usize,
    pub what: &'a T,
}

impl<T> PatSet<T> {
    pub(crate) fn new(entries: impl IntoIterator<Item = (Pat, T)>) -> Self {
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
    pub(crate) fn scan(&self, hay: &Hay, from: usize, to: usize) -> Vec<Hit<'_, T>> {
        let mut hits = Vec::new();
        let to = to.min(hay.len());
        for i in from..to {
            let c = hay.low[i];
            if c.is_ascii() {
                // A phrase that starts with a letter or digit starts at a word start, so the
                // middle of a word needs no look at all.
                if is_word(c) && !hay.word_start(i) {
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
    pub(crate) fn any(&self, hay: &Hay) -> bool {
        !self.scan(hay, 0, hay.len()).is_empty()
    }
}

/// What a phrase of the narrative scan is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Narrative {
    /// Blame when it follows a person.
    AfterPerson(Blame, &'static str),
    /// Blame anywhere.
    Anywhere(Blame, &'static str),
    /// A technical term that is never blame.
    NotBlame,
    /// Emotional language.
    Emotional(&'static str),
}

/// Every list of both tables, compiled once.
pub(crate) struct Compiled {
    pub narrative: PatSet<Narrative>,
    pub human_error: PatSet<&'static str>,
    pub person: PatSet<()>,
    pub not_person: PatSet<()>,
    pub role_in_name: PatSet<()>,
    pub numbers: PatSet<()>,
    pub not_numbers: PatSet<()>,
    pub vague_start: PatSet<&'static str>,
    pub be_better: PatSet<&'static str>,
    pub not_vague: PatSet<()>,
}

fn words(
    list: impl Fn(&Phrases) -> &'static [&'static str],
    whole: bool,
) -> impl Iterator<Item = (Pat, &'static str)> {
    TABLES
        .into_iter()
        .flat_map(move |t| list(t).iter().map(move |s| (Pat::new(s, whole), *s)))
}

fn unit(it: impl Iterator<Item = (Pat, &'static str)>) -> impl Iterator<Item = (Pat, ())> {
    it.map(|(p, _)| (p, ()))
}

/// The compiled lists, built on first use.
pub(crate) fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let mut narrative = Vec::new();
        for t in TABLES {
            for ph in t.blame_after_person {
                narrative.push((
                    Pat::new(ph.text, false),
                    Narrative::AfterPerson(ph.blame, ph.text),
                ));
            }
            for ph in t.blame_anywhere {
                narrative.push((
                    Pat::new(ph.text, false),
                    Narrative::Anywhere(ph.blame, ph.text),
                ));
            }
            for s in t.not_blame {
                narrative.push((Pat::new(s, false), Narrative::NotBlame));
            }
            for s in t.emotional {
                narrative.push((Pat::new(s, false), Narrative::Emotional(s)));
            }
        }
        Compiled {
            narrative: PatSet::new(narrative),
            human_error: PatSet::new(words(|t| t.human_error, false)),
            person: PatSet::new(unit(words(|t| t.person_words, true))),
            not_person: PatSet::new(unit(words(|t| t.not_person, false))),
            role_in_name: PatSet::new(unit(words(|t| t.role_in_name, true))),
            numbers: PatSet::new(unit(words(|t| t.number_words, true))),
            not_numbers: PatSet::new(unit(words(|t| t.not_numbers, false))),
            vague_start: PatSet::new(words(|t| t.vague_start, false)),
            be_better: PatSet::new(words(|t| t.be_better, false)),
            not_vague: PatSet::new(unit(words(|t| t.not_vague, false))),
        }
    })
}

/// The people a document lists, as the checks look for them: whole names, case-sensitive.
#[derive(Clone, Debug, Default)]
pub(crate) struct People {
    names: Vec<Vec<char>>,
}

impl People {
    /// Keeps the names that are people: at least two characters, and not a role or a team
    /// ("API platform lead", "值班組").
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let c = compiled();
        let mut kept: Vec<Vec<char>> = Vec::new();
        for name in names {
            let name = name.trim();
            let chars: Vec<char> = name.chars().collect();
            if chars.len() < 2 || c.role_in_name.any(&Hay::new(name)) || kept.contains(&chars) {
                continue;
            }
            kept.push(chars);
        }
        // Longest first, so "Bob Smith" is found before a listed "Bob" inside it.
        crate::sort::sort_by_key(&mut kept, |n| std::cmp::Reverse(n.len()));
        Self { names: kept }
    }

    /// The names as kept.
    pub(crate) fn names(&self) -> impl Iterator<Item = String> + '_ {
        self.names.iter().map(|n| n.iter().collect())
    }

    /// Every listed name in `from..to`, word-bounded where the name has Latin edges.
    pub(crate) fn find(&self, hay: &Hay, from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let to = to.min(hay.len());
        for name in &self.names {
            let n = name.len();
            if n == 0 || to < from + n {
                continue;
            }
            for i in from..=to - n {
                if hay.orig[i] != name[0] || hay.orig[i..i + n] != name[..] {
                    continue;
                }
                let starts = !is_word(name[0]) || hay.word_start(i);
                let ends = !is_word(name[n - 1]) || hay.word_end(i + n);
                if starts && ends {
                    found.push((i, i + n));
                }
            }
        }
        crate::sort::sort(&mut found);
        found
    }
}

/// Every @handle in `from..to`: an `@` that does not end a word (so not an email address),
/// followed by a name, and not a scoped package (`@types/node`).
pub(crate) fn handles(hay: &Hay, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let to = to.min(hay.len());
    for i in from..to {
        if hay.orig[i] != '@' || !hay.word_start(i) {
            continue;
        }
        let mut end = i + 1;
        while end < to && (is_word(hay.orig[end]) || matches!(hay.orig[end], '.' | '-')) {
            end += 1;
        }
        while end > i + 1 && matches!(hay.orig[end - 1], '.' | '-') {
            end -= 1;
        }
        if end > i + 1 && hay.orig.get(end) != Some(&'/') {
            found.push((i, end));
        }
    }
    found
}

/// How many words and Chinese characters may stand between a person and what they did:
/// "the on-call engineer simply forgot to" is about the engineer, while in "Bob saw the
/// replica fail to start" the replica failed.
const MAX_WORDS_BETWEEN: usize = 2;
const MAX_CJK_BETWEEN: usize = 8;

/// Whether the phrase at `i` follows a person or a role in its own clause: a listed name,
/// an @handle, or a person word. A clause that has no words before the phrase ("Bob, the
/// on-call, forgot to") reaches back to its sentence. The nearest reference counts, and a
/// possessive ("Bob's deploy failed to") is the thing, not the person.
pub(crate) fn follows_person(hay: &Hay, i: usize, people: &People) -> bool {
    let clause = hay.clause_start(i);
    let from = if hay.low[clause..i].iter().any(|c| c.is_alphanumeric()) {
        clause
    } else {
        hay.sentence_start(i)
    };
    let c = compiled();
    let masked: Vec<(usize, usize)> = c
        .not_person
        .scan(hay, from, i)
        .iter()
        .map(|h| (h.start, h.end))
        .collect();
    let mut refs: Vec<(usize, usize)> = c
        .person
        .scan(hay, from, i)
        .iter()
        .map(|h| (h.start, h.end))
        .filter(|&(s, e)| !masked.iter().any(|&(ms, me)| s < me && ms < e))
        .collect();
    refs.extend(people.find(hay, from, i));
    refs.extend(handles(hay, from, i));
    let Some(&(_, end)) = refs.iter().max_by_key(|r| r.1) else {
        return false;
    };
    if possessive(hay, end) {
        return false;
    }
    let between = &hay.low[end..i];
    let mut words = 0;
    let mut in_word = false;
    for &ch in between {
        let w = is_word(ch);
        if w && !in_word {
            words += 1;
        }
        in_word = w;
    }
    let cjk = between
        .iter()
        .filter(|c| is_cjk(**c) && c.is_alphanumeric())
        .count();
    words <= MAX_WORDS_BETWEEN && cjk <= MAX_CJK_BETWEEN
}

fn possessive(hay: &Hay, end: usize) -> bool {
    match hay.low.get(end) {
        Some('\'') => {
            hay.low.get(end + 1) == Some(&'s') && hay.word_end(end + 2)
                || end > 0 && hay.low[end - 1] == 's'
        }
        Some('的') => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(pat: &str, text: &str) -> bool {
        let hay = Hay::new(text);
        let p = Pat::new(pat, false);
        (0..hay.len()).any(|i| p.at(&hay, i).is_some())
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
    }

    #[test]
    fn evidence_is_not_prose() {
        let p = prose("a `forgot to` b\n> engineer forgot to\n```\nidiot\n```\nc ``x ` y`` d");
        assert!(!p.contains("forgot"), "{p}");
        assert!(!p.contains("idiot"), "{p}");
        assert!(p.contains('a') && p.contains('b') && p.contains('c') && p.contains('d'));
        assert!(!p.contains('y'));
        assert_eq!(prose("one ` two"), "one ` two\n");
        assert_eq!(prose("~~~~\nx\n~~~\ny\n~~~~\nz"), "\n\n\n\n\nz\n");
    }

    #[test]
    fn names_are_whole_and_case_sensitive_and_roles_are_not_people() {
        let people = People::new(["Bob", "API platform lead", "值班組", "王小明", "x"]);
        assert_eq!(people.names().collect::<Vec<_>>(), ["Bob", "王小明"]);
        let hay = Hay::new("Bobby and bob and Bob's and 王小明說");
        assert_eq!(people.find(&hay, 0, hay.len()), [(18, 21), (28, 31)]);
        let hay = Hay::new("mail bob@example.com or @bob. or @types/node");
        assert_eq!(handles(&hay, 0, hay.len()), [(24, 28)]);
    }

    #[test]
    fn a_phrase_follows_a_person_only_nearby_in_its_clause() {
        let people = People::new(["Bob"]);
        let at = |text: &str, phrase: &str| {
            let hay = Hay::new(text);
            let i = text.chars().count() - text[text.find(phrase).unwrap_or(0)..].chars().count();
            follows_person(&hay, i, &people)
        };
        assert!(at("The on-call engineer forgot to renew it", "forgot"));
        assert!(at("Bob, the on-call, forgot to renew it", "forgot"));
        assert!(at("They probably should have", "should"));
        assert!(!at("The health check failed to respond", "failed"));
        assert!(!at("the replica should have taken over", "should"));
        assert!(!at("Bob saw that the replica failed to start", "failed"));
        assert!(!at("Bob's deploy failed to finish", "failed"));
        assert!(!at(
            "When the engineer restarted it, the job failed to run",
            "failed"
        ));
        assert!(at("值班工程師在凌晨忘了更新憑證", "忘了"));
        assert!(!at("其他服務忘了重試", "忘了"));
        assert!(at("@bob forgot to page", "forgot"));
    }
}
