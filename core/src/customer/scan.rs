//! The redaction scanner: what it finds ([`Hit`], [`HitKind`]) and how the detectors' finds
//! become one sorted list without overlaps.
//!
//! Every detector is a hand-written scanner (no regex engine: the wasm budget is tight). They
//! run over a decoded view of the text, in which Markdown backslash escapes and character
//! references are undone, so `alice\_b&#64;db.corp` is found like `alice_b@db.corp`; the
//! hits are then mapped back to the text as typed.

use crate::document::{Language, Postmortem};

use super::find::find_word;
use super::hit::{Found, Hit, HitKind};
use super::hosts::InternalHosts;
use super::{config, net, tokens, words};
use crate::people::people_named;

/// Finds internal details in text: the fixed detectors plus what one document adds (its
/// people, its Incident ID, its "Always redact" words and domains).
#[derive(Clone, Debug, Default)]
pub struct Scanner {
    /// The host names that count as internal.
    hosts: InternalHosts,
    /// Names, the Incident ID and the user's words, matched as words.
    needles: Vec<Needle>,
}

/// A word or phrase matched as a whole: its spellings, and whether case is ignored.
#[derive(Clone, Debug)]
struct Needle {
    /// The spellings to look for; lowercase when `fold` is set.
    variants: Vec<String>,
    /// Whether case is ignored.
    fold: bool,
    /// The kind of its hits.
    kind: HitKind,
}

impl Scanner {
    /// The scanner for one document: the fixed detectors, the people named in it, its
    /// Incident ID, and its "Always redact" words (those that look like domains, such as
    /// `acme.net` or `.acme.net`, also make every host under them internal).
    pub fn for_doc(doc: &Postmortem) -> Scanner {
        let mut scanner = Scanner::default();
        for name in people_named(doc) {
            scanner.add_person(&name);
        }
        let id = doc.header.incident_id.trim();
        // An ID of digits alone would flag every number that looks like it.
        if id.chars().any(char::is_alphabetic) {
            scanner.add_needle(id, true, HitKind::TrackerKey);
        }
        for word in &doc.public.always_redact {
            scanner.add_word(word);
        }
        scanner
    }

    /// Adds a person's name: the whole name in any case, and for a name of several words,
    /// each capitalised word of it on its own (people are called by their first name); for
    /// a Chinese name, the given name alone and the surname with a title (志豪, 林經理).
    pub fn add_person(&mut self, name: &str) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let forms = crate::people::name_forms(&name);
        for titled in &forms.titled {
            self.add_needle(titled, false, HitKind::PersonName);
        }
        if let Some(given) = forms.given.filter(|g| g.chars().all(crate::text::is_han)) {
            self.add_needle(&given, false, HitKind::PersonName);
        }
        let parts: Vec<&str> = name.split(' ').collect();
        if parts.len() > 1 {
            self.add_needle(&name, true, HitKind::PersonName);
            for part in parts {
                let starts_upper = part.chars().next().is_some_and(char::is_uppercase);
                if starts_upper && part.chars().count() >= 2 {
                    self.add_needle(part, false, HitKind::PersonName);
                }
            }
        } else {
            self.add_needle(&name, false, HitKind::PersonName);
        }
    }

    /// Adds a word to redact wherever it appears, in any case; a word that looks like a
    /// domain also makes every host under it internal.
    pub fn add_word(&mut self, word: &str) {
        let word = word.trim();
        self.hosts.add_word(word);
        self.add_needle(word.trim_start_matches('.'), true, HitKind::CustomWord);
    }

    fn add_needle(&mut self, text: &str, fold: bool, kind: HitKind) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let variants = if fold {
            vec![text.to_lowercase()]
        } else {
            // A name typed in lowercase is still a name at the start of a sentence.
            let mut chars = text.chars();
            let capitalised: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            if capitalised == text {
                vec![text.to_owned()]
            } else {
                vec![text.to_owned(), capitalised]
            }
        };
        self.needles.push(Needle {
            variants,
            fold,
            kind,
        });
    }

    /// Every internal detail in `text`: sorted, without overlaps (overlapping finds become
    /// one hit that covers them all), as byte ranges of `text`.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        let view = View::new(text);
        let t = view.text.as_deref().unwrap_or(text);
        let mut found: Found = Vec::new();
        net::emails(t, &mut found);
        net::ipv4(t, &mut found);
        net::ipv6(t, &mut found);
        net::urls(t, &self.hosts, &mut found);
        net::hosts(t, &self.hosts, &mut found);
        tokens::tracker_keys(t, &mut found);
        tokens::issue_numbers(t, &mut found);
        tokens::paths(t, &mut found);
        tokens::channels(t, &mut found);
        tokens::mentions(t, &mut found);
        tokens::secrets(t, &mut found);
        config::config_names(t, &mut found);
        config::internal_systems(t, &mut found);
        for needle in &self.needles {
            for variant in &needle.variants {
                find_word(t, variant, needle.fold, needle.kind, &mut found);
            }
        }
        merge(found)
            .into_iter()
            .filter_map(|(s, e, kind)| {
                let (start, end) = (view.original(s), view.original(e));
                let text = text.get(start..end)?.to_owned();
                Some(Hit {
                    start,
                    end,
                    kind,
                    text,
                })
            })
            .collect()
    }
}

/// Sorts finds and joins overlapping ones; a joined hit takes the kind of highest precedence.
fn merge(mut found: Found) -> Found {
    found.retain(|(s, e, _)| s < e);
    crate::sort::sort_by(&mut found, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Found = Vec::with_capacity(found.len());
    for (s, e, kind) in found {
        match out.last_mut() {
            Some(last) if s < last.1 => {
                last.1 = last.1.max(e);
                if kind.precedence() > last.2.precedence() {
                    last.2 = kind;
                }
            }
            _ => out.push((s, e, kind)),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The decoded view

/// The text as a reader sees it: Markdown backslash escapes and character references undone,
/// with a map back to the typed text. `None` when there is nothing to undo.
struct View {
    text: Option<String>,
    /// For each byte offset of the decoded text (and its end), the offset in the original.
    map: Vec<usize>,
    original_len: usize,
}

/// Named character references worth undoing: those that can hide the punctuation detectors
/// look for. Others are left as typed.
const NAMED_REFS: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("commat", '@'),
    ("period", '.'),
    ("colon", ':'),
    ("sol", '/'),
    ("num", '#'),
    ("lowbar", '_'),
    ("equals", '='),
    ("nbsp", '\u{a0}'),
];

impl View {
    fn new(src: &str) -> View {
        let none = View {
            text: None,
            map: Vec::new(),
            original_len: src.len(),
        };
        if !src.contains(['\\', '&']) {
            return none;
        }
        let mut text = String::with_capacity(src.len());
        let mut map = Vec::with_capacity(src.len() + 1);
        let mut i = 0;
        while i < src.len() {
            let (c, used) = decode_at(src, i);
            let before = text.len();
            text.push(c);
            map.extend(std::iter::repeat_n(i, text.len() - before));
            i += used;
        }
        map.push(src.len());
        View {
            text: Some(text),
            map,
            original_len: src.len(),
        }
    }

    /// The original offset of a decoded offset.
    fn original(&self, at: usize) -> usize {
        match &self.text {
            None => at,
            Some(_) => self.map.get(at).copied().unwrap_or(self.original_len),
        }
    }
}

/// The character a reader sees at byte `i` of `src`, and how many bytes spell it.
fn decode_at(src: &str, i: usize) -> (char, usize) {
    let rest = &src[i..];
    let Some(c) = rest.chars().next() else {
        return ('\u{fffd}', 1);
    };
    if c == '\\' {
        if let Some(p) = rest[1..].chars().next().filter(char::is_ascii_punctuation) {
            return (p, 2);
        }
    }
    if c == '&' {
        if let Some(end) = rest[1..].find(';').filter(|e| (1..=10).contains(e)) {
            let body = &rest[1..=end];
            let decoded = if let Some(num) = body.strip_prefix('#') {
                let value = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                };
                value.filter(|v| *v != 0).and_then(char::from_u32)
            } else {
                NAMED_REFS.iter().find(|(n, _)| *n == body).map(|(_, c)| *c)
            };
            if let Some(d) = decoded {
                return (d, end + 2);
            }
        }
    }
    (c, c.len_utf8())
}

// ---------------------------------------------------------------------------------------------
// The people named in a document

/// The placeholder that replaces a kept-out hit, in `lang`.
pub(super) fn placeholder(lang: Language) -> &'static str {
    words::PLACEHOLDER.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_finds_merge_under_the_strongest_kind() {
        let merged = merge(vec![
            (0, 10, HitKind::InternalHost),
            (5, 20, HitKind::InternalUrl),
            (25, 30, HitKind::PersonName),
            (26, 28, HitKind::CustomWord),
            (30, 32, HitKind::Mention),
        ]);
        assert_eq!(
            merged,
            vec![
                (0, 20, HitKind::InternalUrl),
                (25, 30, HitKind::CustomWord),
                (30, 32, HitKind::Mention)
            ]
        );
    }

    #[test]
    fn the_view_undoes_escapes_and_maps_back() {
        let src = "a\\_b&#64;c &amp; \\q &bogus;";
        let view = View::new(src);
        assert_eq!(view.text.as_deref(), Some("a_b@c & \\q &bogus;"));
        assert_eq!(view.original(1), 1);
        assert_eq!(view.original(2), 3);
        assert_eq!(view.original(4), 9);
        assert_eq!(view.original(18), src.len());
    }
}
