//! References to a team's trackers in free text: ticket keys (`OPS-1234`), issue numbers
//! (`#6374`) and links. The redaction keeps them out of public text, the review counts
//! them as an action's tracking, and the importer takes a link as an action's tracking link.

use crate::text::{is_word_byte, is_word_char, prev_char};

/// A reference to a tracker in a text: a link, or a ticket key or issue number that names
/// one without a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrackerRef {
    /// An `http(s)` address, as written.
    Link(String),
    /// `OPS-123` or `#123`.
    Key(String),
}

/// The first tracker reference in `text`: a link (a Markdown link's target or a bare
/// address) before a key, since a link is what a tracking field holds.
pub fn tracker_reference(text: &str) -> Option<TrackerRef> {
    let link = text
        .match_indices("http")
        .map(|(i, _)| &text[i..])
        .find(|rest| rest.starts_with("https://") || rest.starts_with("http://"))
        .map(|rest| {
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | '"' | '|' | ']'))
                .unwrap_or(rest.len());
            rest[..end]
                .trim_end_matches(['.', ',', ';', '*', '_', '`'])
                .to_owned()
        });
    if let Some(link) = link {
        return Some(TrackerRef::Link(link));
    }
    keys(text)
        .into_iter()
        .chain(issue_numbers(text))
        .min_by_key(|(s, _)| *s)
        .map(|(s, e)| TrackerRef::Key(text[s..e].to_owned()))
}

/// Prefixes of `WORD-123` that name a standard, an algorithm, a level or a time zone, not a
/// ticket: `SEV-1`, `UTF-8`, `ISO-8601`, `CVE-2023-28858` (public), `SHA-256`, `UTC-7`.
const NOT_KEYS: &[&str] = &[
    "AES", "ANSI", "BST", "CAT", "CDT", "CEST", "CET", "CST", "CVE", "CWE", "CY", "DDR", "DES",
    "ECDH", "ECDSA", "ECMA", "EDT", "EST", "FIPS", "FY", "GMT", "GPT", "HKT", "HMAC", "HTTP",
    "HTTPS", "IEC", "IEEE", "IPV", "IPV4", "IPV6", "ISO", "IST", "JST", "KST", "LEVEL", "LTE",
    "MD", "MDT", "MST", "NIST", "PCI", "PDT", "PHASE", "PST", "RFC", "RSA", "SHA", "SOC", "SSL",
    "STEP", "TIER", "TLS", "TYPE", "USB", "UTC", "UTF", "WCAG", "WPA", "COVID",
];

/// Whether a prefix is one of [`NOT_KEYS`], a severity (`SEV`, `SEV1`), or a level or
/// period of a letter and a digit (`P0`, `Q3`, `H2`, `L1`).
fn is_not_a_key(prefix: &str) -> bool {
    let b = prefix.as_bytes();
    let level = b.len() == 2 && b"PQHLSTV".contains(&b[0]) && b[1].is_ascii_digit();
    level || prefix.starts_with("SEV") || NOT_KEYS.contains(&prefix)
}

/// The end of a tracker key starting at byte `i`: two to ten capitals and digits starting
/// with a capital, a dash, digits, and more `-digits` groups (`INC-2023-0320`).
fn tracker_key_end(t: &str, i: usize) -> Option<usize> {
    let b = t.as_bytes();
    if !b.get(i)?.is_ascii_uppercase() {
        return None;
    }
    let mut j = i + 1;
    while j < b.len() && (b[j].is_ascii_uppercase() || b[j].is_ascii_digit()) {
        j += 1;
    }
    if !(2..=10).contains(&(j - i)) || b.get(j) != Some(&b'-') {
        return None;
    }
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut k = j + 1;
    let first = digits(k);
    if first == 0 {
        return None;
    }
    k += first;
    while b.get(k) == Some(&b'-') && digits(k + 1) > 0 {
        k += 1 + digits(k + 1);
    }
    let version = b.get(k) == Some(&b'.') && b.get(k + 1).is_some_and(u8::is_ascii_digit);
    if version || b.get(k).copied().is_some_and(is_word_byte) || is_not_a_key(&t[i..j]) {
        return None;
    }
    Some(k)
}

/// Whether a tracker key starts at byte `i` (for tracker links such as `/browse/OPS-12`).
pub fn is_key_at(t: &str, i: usize) -> bool {
    tracker_key_end(t, i).is_some()
}

/// Tracker keys such as `OPS-1234`, as byte ranges.
///
/// Traps: `SEV-1`, `UTF-8`, `ISO-8601`, `P0`, `CVE-2023-28858`, dates `2023-03-20`,
/// versions `RHEL-8.4`, mixed case `Ops-12`.
pub fn keys(t: &str) -> Vec<(usize, usize)> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_uppercase() && !prev_char(t, i).is_some_and(is_word_char) {
            if let Some(end) = tracker_key_end(t, i) {
                out.push((i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Issue numbers such as `#6374`, as byte ranges: a `#` at a word start, then digits, not
/// an HTML character reference (`&#64;`) or a colour.
pub fn issue_numbers(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, _) in t.match_indices('#') {
        if prev_char(t, i).is_some_and(|p| is_word_char(p) || matches!(p, '&' | '#' | '/')) {
            continue;
        }
        let digits = t[i + 1..].bytes().take_while(u8::is_ascii_digit).count();
        let end = i + 1 + digits;
        if digits > 0 && !t.as_bytes().get(end).copied().is_some_and(is_word_byte) {
            out.push((i, end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_that_are_not_keys() {
        for p in ["SEV", "SEV1", "UTF", "ISO", "P0", "Q3", "CVE", "SHA", "UTC"] {
            assert!(is_not_a_key(p), "{p}");
        }
        for p in ["OPS", "INC", "JIRA", "P0X", "PLAT2"] {
            assert!(!is_not_a_key(p), "{p}");
        }
    }

    #[test]
    fn links_come_before_keys_and_issue_numbers() {
        assert_eq!(
            tracker_reference("Fix it, see OPS-12 and https://t.example/OPS-12."),
            Some(TrackerRef::Link("https://t.example/OPS-12".into()))
        );
        assert_eq!(
            tracker_reference("Fix it (#6374)"),
            Some(TrackerRef::Key("#6374".into()))
        );
        assert_eq!(
            tracker_reference("Return 503 on SEV-1, v1.2, &#64;, #fff"),
            None
        );
    }
}
