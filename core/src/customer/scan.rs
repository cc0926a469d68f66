//! The redaction scanner: what it finds ([`Hit`], [`HitKind`]) and how the detectors' finds
//! become one sorted list without overlaps.
//!
//! Every detector is a hand-written scanner (no regex engine: the wasm budget is tight). They
//! run over a decoded view of the text, in which Markdown backslash escapes and character
//! references are undone, so `alice\_b&#64;db.corp` is found like `alice_b@db.corp`; the
//! hits are then mapped back to the text as typed.

use crate::document::{split_list, Language, Postmortem};
use crate::words::Words;

use super::{net, tokens, words};
use crate::text::{is_word_char, next_char, prev_char};

/// What kind of internal detail a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    /// An email address.
    Email,
    /// An IPv4 or IPv6 address (private, loopback and link-local ones included).
    IpAddress,
    /// A host name under an internal suffix (`.internal`, `.corp`, …, or a listed domain).
    InternalHost,
    /// A link to an internal host, an IP address or an issue tracker.
    InternalUrl,
    /// A tracker key such as `OPS-1234`, or the report's own Incident ID.
    TrackerKey,
    /// A chat channel such as `#inc-redis`.
    ChatChannel,
    /// A chat mention such as `@alice`.
    Mention,
    /// A link to a chat message or channel (Slack archives, Teams, Discord).
    ChatLink,
    /// A password, token, key or private-key block.
    Secret,
    /// A person named in the report.
    PersonName,
    /// A word from the draft's own "Always redact" list.
    CustomWord,
}

impl HitKind {
    /// Every kind, in the order a legend lists them.
    pub const ALL: [HitKind; 11] = [
        HitKind::Secret,
        HitKind::PersonName,
        HitKind::Email,
        HitKind::IpAddress,
        HitKind::InternalHost,
        HitKind::InternalUrl,
        HitKind::TrackerKey,
        HitKind::ChatChannel,
        HitKind::Mention,
        HitKind::ChatLink,
        HitKind::CustomWord,
    ];

    /// The kind's name in both languages, shown beside the highlighted hit.
    pub fn label(self) -> Words {
        match self {
            HitKind::Email => words::EMAIL,
            HitKind::IpAddress => words::IP_ADDRESS,
            HitKind::InternalHost => words::INTERNAL_HOST,
            HitKind::InternalUrl => words::INTERNAL_URL,
            HitKind::TrackerKey => words::TRACKER_KEY,
            HitKind::ChatChannel => words::CHAT_CHANNEL,
            HitKind::Mention => words::MENTION,
            HitKind::ChatLink => words::CHAT_LINK,
            HitKind::Secret => words::SECRET,
            HitKind::PersonName => words::PERSON_NAME,
            HitKind::CustomWord => words::CUSTOM_WORD,
        }
    }

    /// A stable identifier for CSS classes and tests, such as `internal-host`.
    pub fn slug(self) -> &'static str {
        match self {
            HitKind::Email => "email",
            HitKind::IpAddress => "ip-address",
            HitKind::InternalHost => "internal-host",
            HitKind::InternalUrl => "internal-url",
            HitKind::TrackerKey => "tracker-key",
            HitKind::ChatChannel => "chat-channel",
            HitKind::Mention => "mention",
            HitKind::ChatLink => "chat-link",
            HitKind::Secret => "secret",
            HitKind::PersonName => "person-name",
            HitKind::CustomWord => "custom-word",
        }
    }

    /// Whether the user may let a hit of this kind through. A word the user asked to redact
    /// always is kept out, whatever the let-through list says.
    pub fn can_let_through(self) -> bool {
        self != HitKind::CustomWord
    }

    /// Which kind names a hit made of overlapping finds: the user's own words first, then
    /// secrets, then the more specific kinds.
    fn precedence(self) -> u8 {
        match self {
            HitKind::CustomWord => 10,
            HitKind::Secret => 9,
            HitKind::ChatLink => 8,
            HitKind::InternalUrl => 7,
            HitKind::Email => 6,
            HitKind::InternalHost => 5,
            HitKind::IpAddress => 4,
            HitKind::TrackerKey => 3,
            HitKind::ChatChannel => 2,
            HitKind::Mention => 1,
            HitKind::PersonName => 0,
        }
    }
}

/// One internal detail found in a text: a byte range of that text, its kind and its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    /// Byte offset where the hit starts.
    pub start: usize,
    /// Byte offset just after the hit.
    pub end: usize,
    /// What it is.
    pub kind: HitKind,
    /// The hit's text, exactly as in the scanned text; the let-through list stores it.
    pub text: String,
}

impl Hit {
    /// Whether the user let this hit through: its text is on the list and its kind allows it.
    pub fn is_let_through(&self, let_through: &[String]) -> bool {
        self.kind.can_let_through() && let_through.contains(&self.text)
    }
}

/// A find before merging: a byte range of the decoded text and a kind.
pub(super) type Found = Vec<(usize, usize, HitKind)>;

/// Host suffixes that are internal by convention (RFC 6762, RFC 8375 and common practice).
const INTERNAL_SUFFIXES: &[&str] = &[
    "internal",
    "corp",
    "local",
    "lan",
    "intranet",
    "private",
    "localdomain",
    "home.arpa",
];

/// Finds internal details in text: the fixed detectors plus what one document adds (its
/// people, its Incident ID, its "Always redact" words and domains).
#[derive(Clone, Debug)]
pub struct Scanner {
    /// Lowercase suffixes under which a host is internal (`corp` matches `db.corp`).
    suffixes: Vec<String>,
    /// Lowercase domains the user listed: the domain itself and every host under it.
    domains: Vec<String>,
    /// Names, the Incident ID and the user's words, matched as words.
    needles: Vec<Needle>,
}

impl Default for Scanner {
    /// The fixed detectors only: no names, no listed words or domains.
    fn default() -> Self {
        Self {
            suffixes: INTERNAL_SUFFIXES.iter().map(|s| (*s).to_owned()).collect(),
            domains: Vec::new(),
            needles: Vec::new(),
        }
    }
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
    /// each capitalised word of it on its own (people are called by their first name).
    pub fn add_person(&mut self, name: &str) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
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
        if let Some(domain) = as_domain(word) {
            if !self.domains.contains(&domain) {
                self.domains.push(domain);
            }
        }
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

    /// Whether a lowercase host name is internal: `localhost`, under an internal suffix, or
    /// a listed domain or a host under it.
    pub(super) fn is_internal_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        if host == "localhost" {
            return true;
        }
        let under = |suffix: &str| {
            host.len() > suffix.len() + 1
                && host.ends_with(suffix)
                && host.as_bytes()[host.len() - suffix.len() - 1] == b'.'
        };
        self.suffixes.iter().any(|s| under(s)) || self.domains.iter().any(|d| host == d || under(d))
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
        net::urls(t, self, &mut found);
        net::hosts(t, self, &mut found);
        tokens::tracker_keys(t, &mut found);
        tokens::channels(t, &mut found);
        tokens::mentions(t, &mut found);
        tokens::secrets(t, &mut found);
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

/// The domain an "Always redact" entry names, lowercase, if it looks like one: labels of
/// letters, digits and hyphens, at least two, the last of letters (`acme.net`, `.acme.net`).
fn as_domain(word: &str) -> Option<String> {
    let d = word.trim().trim_start_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = d.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|l| l.len() >= 2 && l.bytes().all(|b| b.is_ascii_alphabetic()));
    (labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok).then_some(d)
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
// Characters and words

/// Finds `needle` as a whole word: no letter of a spaced script may touch either end (in a
/// spaceless script any neighbour will do), and a space in the needle matches any run of
/// white space, so a name broken over two lines is still found.
fn find_word(t: &str, needle: &str, fold: bool, kind: HitKind, out: &mut Found) {
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

/// Words that make an entry a role or a team rather than a person ("Incident commander",
/// "API platform lead", "Cache team"); matched as whole words, in lowercase.
const ROLE_WORDS: &[&str] = &[
    "team",
    "teams",
    "lead",
    "leads",
    "platform",
    "oncall",
    "sre",
    "sres",
    "commander",
    "engineering",
    "engineer",
    "engineers",
    "manager",
    "director",
    "infrastructure",
    "infra",
    "observability",
    "security",
    "operations",
    "ops",
    "devops",
    "support",
    "communications",
    "comms",
    "legal",
    "group",
    "squad",
    "department",
    "staff",
    "bot",
    "responders",
    "everyone",
];

/// Phrases and characters that make an entry a role in any case or script.
const ROLE_PHRASES: &[&str] = &[
    "on-call",
    "on call",
    "head of",
    "組",
    "團隊",
    "值班",
    "部",
    "主管",
    "工程師",
    "中心",
    "指揮官",
    "負責人",
];

/// Whether a listed entry names a role or a team rather than a person.
pub(super) fn is_role(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ROLE_WORDS.contains(&w))
        || ROLE_PHRASES.iter().any(|p| lower.contains(p))
}

/// The part of an entry before a role or an address: "Alice Chen — incident commander",
/// "王小明：事故指揮", "Bob (IC)", "Carol <carol@example.com>".
fn before_role(entry: &str) -> &str {
    let cut = [
        " — ", " – ", " - ", ":", "：", "(", "（", "<", "[", "|", "\t",
    ]
    .iter()
    .filter_map(|sep| entry.find(sep))
    .min()
    .unwrap_or(entry.len());
    &entry[..cut]
}

/// A person's name from a list entry: list markers, handles' `@`, and what follows the name
/// (a role after a dash or colon, a parenthesis, an address in angle brackets) removed.
fn clean_name(entry: &str) -> Option<String> {
    let mut s = entry.trim();
    for marker in ["- ", "* ", "+ "] {
        s = s.strip_prefix(marker).unwrap_or(s).trim_start();
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(s.as_bytes().get(digits), Some(b'.' | b')')) {
        s = s[digits + 1..].trim_start();
    }
    let name = before_role(s)
        .trim()
        .trim_start_matches('@')
        .trim_end_matches(['.', '-', '—', '–'])
        .trim();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 2 && !is_role(name)).then(|| name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The people named in a document: authors, reviewers, owner, responders (the name before
/// the role on each line) and action owners, in that order, without duplicates. Entries that
/// name a role or a team ("Incident commander", "Cache team", "值班工程師") are left out.
pub fn people_named(doc: &Postmortem) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    let mut push_list = |text: &str| {
        for part in split_list(&text.replace(['，', '、', ';', '&', '/'], ",")) {
            entries.push(part);
        }
    };
    for a in doc.header.authors.iter().chain(&doc.header.reviewers) {
        push_list(a);
    }
    push_list(&doc.header.owner);
    for line in doc.response.responders.lines() {
        // One responder per line: the names come first, the role after them.
        let line = line.trim_start_matches(['-', '*', '+', ' ']);
        push_list(before_role(line));
    }
    for item in &doc.action_items {
        push_list(&item.owner);
    }
    let mut names: Vec<String> = Vec::new();
    for entry in entries {
        if let Some(name) = clean_name(&entry) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// The placeholder that replaces a kept-out hit, in `lang`.
pub(super) fn placeholder(lang: Language) -> &'static str {
    words::PLACEHOLDER.get(lang)
}

/// The role tables, named, for the test of their form.
#[cfg(test)]
pub(crate) fn phrase_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("scan::ROLE_WORDS", ROLE_WORDS.to_vec()),
        ("scan::ROLE_PHRASES", ROLE_PHRASES.to_vec()),
    ]
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

    #[test]
    fn domains_are_recognised_in_the_always_redact_list() {
        assert_eq!(as_domain("acme.net").as_deref(), Some("acme.net"));
        assert_eq!(as_domain(".Acme.NET").as_deref(), Some("acme.net"));
        assert_eq!(as_domain("Project Falcon"), None);
        assert_eq!(as_domain("v1.2"), None);
        assert_eq!(as_domain("falcon"), None);
    }

    #[test]
    fn roles_are_not_people() {
        for role in [
            "Incident commander",
            "API platform lead",
            "Cache team",
            "SRE on-call",
            "Head of engineering",
            "Observability",
            "值班工程師",
            "資料庫組",
            "平台團隊",
        ] {
            assert!(is_role(role), "{role}");
        }
        for person in ["Alice Chen", "王小明", "Leadbetter Smith", "Opsahl"] {
            assert!(!is_role(person), "{person}");
        }
    }

    #[test]
    fn names_come_out_of_lists_and_responder_lines() {
        assert_eq!(
            clean_name("- Alice Chen — incident commander").as_deref(),
            Some("Alice Chen")
        );
        assert_eq!(clean_name("王小明：事故指揮").as_deref(), Some("王小明"));
        assert_eq!(clean_name("@bob (IC)").as_deref(), Some("bob"));
        assert_eq!(
            clean_name("Carol Diaz <carol@example.com>").as_deref(),
            Some("Carol Diaz")
        );
        assert_eq!(clean_name("Incident commander — coordination"), None);
        assert_eq!(clean_name("X"), None);
    }
}
