//! Detectors for the team's own tokens: tracker keys, chat channels and mentions, and
//! secrets (known token shapes, JWTs, private-key blocks, and high-entropy values after
//! `password=` and its kin).

use super::hit::{Found, HitKind};
use crate::text::{is_word_byte, is_word_char, prev_char};

// ---------------------------------------------------------------------------------------------
// Tracker keys

/// Tracker keys such as `OPS-1234` (see [`crate::trackers::keys`]).
pub(super) fn tracker_keys(t: &str, out: &mut Found) {
    out.extend(
        crate::trackers::keys(t)
            .into_iter()
            .map(|(s, e)| (s, e, HitKind::TrackerKey)),
    );
}

/// Words that make a number after `#` an issue, whatever its length ("issue #12").
const ISSUE_WORDS: &[&str] = &[
    "issue", "issues", "pr", "pull", "bug", "ticket", "工單", "單號", "議題",
];

/// Issue and pull-request numbers: `#6374`, and `#12` after "issue" or "PR"; a short
/// number alone ("our #1 priority") is no issue. Also `owner/repo#123`.
pub(super) fn issue_numbers(t: &str, out: &mut Found) {
    for (s, e) in crate::trackers::issue_numbers(t) {
        let digits = e - s - 1;
        let before = t[..s].trim_end().to_lowercase();
        let named = ISSUE_WORDS.iter().any(|w| before.ends_with(w));
        if digits >= 3 || named {
            out.push((s, e, HitKind::TrackerKey));
        }
    }
}

/// File and repository paths: segments joined by `/`, with a file extension at the end or a
/// leading `/`, `./`, `~/` or `.dir/` (`.github/workflows/deploy.yml`, `/etc/hosts`,
/// `src/main.rs`, `kubernetes/test-infra#11956`).
///
/// Traps: URLs (their own detector), dates `2024/05/02`, `and/or`, `TCP/IP`, `I/O`, `24/7`,
/// fractions `1/2`.
pub(super) fn paths(t: &str, out: &mut Found) {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let path_char =
            |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-' | b'/' | b'~');
        if !path_char(b[i]) || (i > 0 && (path_char(b[i - 1]) || b[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < b.len() && path_char(b[end]) {
            end += 1;
        }
        let token = t[i..end].trim_end_matches(['.', '-']);
        let end_trimmed = i + token.len();
        // A repository with an issue number: owner/repo#123.
        let repo_issue = token.matches('/').count() == 1
            && b.get(end_trimmed) == Some(&b'#')
            && b.get(end_trimmed + 1).is_some_and(u8::is_ascii_digit);
        let segments: Vec<&str> = token.split('/').filter(|s| !s.is_empty()).collect();
        let last = segments.last().copied().unwrap_or("");
        let extension = last.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && (1..=5).contains(&ext.len())
                && ext.bytes().all(|c| c.is_ascii_alphanumeric())
                && !ext.bytes().all(|c| c.is_ascii_digit())
        });
        let rooted = token.starts_with('/')
            || token.starts_with("./")
            || token.starts_with("~/")
            || (token.starts_with('.') && token.contains('/'));
        let numeric = segments
            .iter()
            .all(|s| s.bytes().all(|c| c.is_ascii_digit()));
        let is_path = segments.len() >= 2 && !numeric && (extension || rooted || repo_issue);
        if is_path && !t[..i].ends_with("://") {
            let mut stop = end_trimmed;
            if repo_issue {
                stop += 1 + t[stop + 1..].bytes().take_while(u8::is_ascii_digit).count();
            }
            out.push((i, stop, HitKind::FilePath));
            i = stop;
            continue;
        }
        i = end.max(i + 1);
    }
}

// ---------------------------------------------------------------------------------------------
// Chat

/// Whether text is a CSS hex colour such as `fff` or `1d2330` (after the `#`).
fn is_hex_colour(name: &str) -> bool {
    matches!(name.len(), 3 | 4 | 6 | 8) && name.bytes().all(|c| c.is_ascii_hexdigit())
}

/// The length of a channel or handle name at the start of `rest`: letters and digits of
/// any script, `_`, `.` and `-`, without a trailing `.` or `-`.
fn handle_len(rest: &str) -> usize {
    let len: usize = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        .map(char::len_utf8)
        .sum();
    rest[..len].trim_end_matches(['.', '-']).len()
}

/// Chat channels: `#` then a letter, such as `#inc-redis` or `#事故-redis`.
///
/// Traps: Markdown headings `# Title` and `##`, issue numbers `#123`, colours `#fff`,
/// anchors `page#part` and `[top](#top)`, `C#`, entities `&#64;`.
pub(super) fn channels(t: &str, out: &mut Found) {
    for (i, _) in t.match_indices('#') {
        let prev = prev_char(t, i);
        if prev.is_some_and(|p| is_word_char(p) || matches!(p, '&' | '#' | '/'))
            || t[..i].ends_with("](")
        {
            continue;
        }
        let rest = &t[i + 1..];
        if !rest.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        let len = handle_len(rest);
        if len >= 2 && !is_hex_colour(&rest[..len]) {
            out.push((i, i + 1 + len, HitKind::ChatChannel));
        }
    }
}

/// Mentions: `@` then a name, such as `@alice` or `@王小明`, but not Slack's broadcasts
/// (`@here`, `@channel`, `@everyone`).
///
/// Traps: email addresses `a@b.com`, `@` alone, package versions `lodash@4`, a path
/// `https://medium.com/@alice`.
pub(super) fn mentions(t: &str, out: &mut Found) {
    for (i, _) in t.match_indices('@') {
        if prev_char(t, i)
            .is_some_and(|p| is_word_char(p) || matches!(p, '.' | '%' | '+' | '-' | '/'))
        {
            continue;
        }
        let rest = &t[i + 1..];
        if !rest
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let len = handle_len(rest);
        let name = rest[..len].to_ascii_lowercase();
        if len > 0 && !matches!(name.as_str(), "here" | "channel" | "everyone") {
            out.push((i, i + 1 + len, HitKind::Mention));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Secrets

/// A token shape announced by its prefix.
struct Prefixed {
    prefix: &'static str,
    body: fn(u8) -> bool,
    min: usize,
    max: usize,
}

fn upper_digit(c: u8) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit()
}
fn alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}
fn alnum_us(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}
fn alnum_dash(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}
fn base64url(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

const fn p(prefix: &'static str, body: fn(u8) -> bool, min: usize, max: usize) -> Prefixed {
    Prefixed {
        prefix,
        body,
        min,
        max,
    }
}

/// Published token formats: AWS access key ids, GitHub, GitLab, Slack, Google, Stripe, npm.
const PREFIXED: &[Prefixed] = &[
    p("AKIA", upper_digit, 16, 16),
    p("ASIA", upper_digit, 16, 16),
    p("AGPA", upper_digit, 16, 16),
    p("AIDA", upper_digit, 16, 16),
    p("AROA", upper_digit, 16, 16),
    p("AIPA", upper_digit, 16, 16),
    p("ANPA", upper_digit, 16, 16),
    p("ANVA", upper_digit, 16, 16),
    p("ghp_", alnum, 30, 255),
    p("gho_", alnum, 30, 255),
    p("ghu_", alnum, 30, 255),
    p("ghs_", alnum, 30, 255),
    p("ghr_", alnum, 30, 255),
    p("github_pat_", alnum_us, 20, 255),
    p("glpat-", base64url, 20, 255),
    p("xoxb-", alnum_dash, 10, 255),
    p("xoxp-", alnum_dash, 10, 255),
    p("xoxa-", alnum_dash, 10, 255),
    p("xoxr-", alnum_dash, 10, 255),
    p("xoxs-", alnum_dash, 10, 255),
    p("xoxe-", alnum_dash, 10, 255),
    p("xapp-", alnum_dash, 10, 255),
    p("AIza", base64url, 35, 35),
    p("sk_live_", alnum, 16, 255),
    p("rk_live_", alnum, 16, 255),
    p("sk_test_", alnum, 16, 255),
    p("npm_", alnum, 36, 36),
];

/// Words that announce a secret value after `=` or `:` (`DB_PASSWORD=…`, `token: …`).
const SECRET_KEYS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "api-key",
    "access_key",
    "secret_key",
    "private_key",
    "密碼",
    "金鑰",
    "密鑰",
    "權杖",
];

/// Secrets:
/// - AWS access key ids (`AKIA` and 16 capitals or digits), GitHub (`ghp_…`,
///   `github_pat_…`), GitLab, Slack (`xoxb-…`), Google, Stripe and npm tokens;
/// - JWTs (`eyJ….eyJ….…`);
/// - private-key blocks, `-----BEGIN … PRIVATE KEY-----` to its END line (or to the end of
///   the text when it has none);
/// - the value after `password=`, `token:`, `secret=`, `api_key=`, `Bearer` and their kin,
///   when it looks generated (see [`looks_secret`]).
///
/// Traps: `password: reset for all users`, `token: expired`, `${DB_PASSWORD}`, a
/// certificate block, `AKIA` in a longer word.
pub(super) fn secrets(t: &str, out: &mut Found) {
    prefixed(t, out);
    jwts(t, out);
    key_blocks(t, out);
    assignments(t, out);
}

fn prefixed(t: &str, out: &mut Found) {
    let b = t.as_bytes();
    for shape in PREFIXED {
        for (i, _) in t.match_indices(shape.prefix) {
            if prev_char(t, i).is_some_and(is_word_char) {
                continue;
            }
            let from = i + shape.prefix.len();
            let body = b[from..]
                .iter()
                .take(shape.max + 1)
                .take_while(|c| (shape.body)(**c))
                .count();
            let end = from + body;
            if (shape.min..=shape.max).contains(&body)
                && !b.get(end).copied().is_some_and(is_word_byte)
            {
                out.push((i, end, HitKind::Secret));
            }
        }
    }
}

fn jwts(t: &str, out: &mut Found) {
    let b = t.as_bytes();
    let run = |from: usize| b[from..].iter().take_while(|c| base64url(**c)).count();
    for (i, _) in t.match_indices("eyJ") {
        if prev_char(t, i).is_some_and(|c| is_word_char(c) || c == '.') {
            continue;
        }
        let header = run(i);
        let second = i + header + 1;
        if header < 10 || b.get(i + header) != Some(&b'.') || !t[second..].starts_with("eyJ") {
            continue;
        }
        let payload = run(second);
        let third = second + payload + 1;
        if payload < 10 || b.get(second + payload) != Some(&b'.') {
            continue;
        }
        out.push((i, third + run(third), HitKind::Secret));
    }
}

fn key_blocks(t: &str, out: &mut Found) {
    for (i, _) in t.match_indices("-----BEGIN ") {
        let line_end = t[i..].find('\n').map_or(t.len(), |n| i + n);
        let header = &t[i..line_end];
        if !header.contains("PRIVATE KEY") {
            continue;
        }
        let end = t[line_end..]
            .find("-----END ")
            .map(|e| line_end + e)
            .and_then(|e| {
                let after = e + "-----END ".len();
                t[after..].find("-----").map(|c| after + c + 5)
            })
            .unwrap_or(t.len());
        out.push((i, end, HitKind::Secret));
    }
}

fn assignments(t: &str, out: &mut Found) {
    let lower = t.to_ascii_lowercase();
    let b = t.as_bytes();
    let skip = |mut k: usize, set: &[u8]| {
        while k < b.len() && set.contains(&b[k]) {
            k += 1;
        }
        k
    };
    let keys = SECRET_KEYS
        .iter()
        .map(|k| (*k, false))
        .chain([("bearer", true)]);
    for (key, spaced) in keys {
        for (i, _) in lower.match_indices(key) {
            let after = i + key.len();
            let ascii = key.is_ascii();
            if ascii
                && (prev_char(t, i).is_some_and(|c| c.is_ascii_alphanumeric())
                    || b.get(after).copied().is_some_and(alnum))
            {
                continue;
            }
            // Closing quotes or Markdown emphasis around the key, then the separator.
            let mut k = skip(after, b"\"'*_`");
            let before_gap = k;
            k = skip(k, b" \t");
            if spaced {
                if k == before_gap {
                    continue;
                }
            } else if t[k..].starts_with("=>") {
                k += 2;
            } else if matches!(b.get(k), Some(b'=' | b':')) {
                k += 1;
            } else if t[k..].starts_with('：') {
                k += '：'.len_utf8();
            } else {
                continue;
            }
            k = skip(k, b" \t*_");
            let quote = b
                .get(k)
                .copied()
                .filter(|c| matches!(c, b'"' | b'\'' | b'`'));
            if quote.is_some() {
                k += 1;
            }
            let start = k;
            let mut end = k;
            while end < b.len() {
                let c = b[end];
                let stop = match quote {
                    Some(q) => c == q || c == b'\n',
                    // Non-ASCII ends it too: a Chinese full stop or word may follow at once.
                    None => {
                        !c.is_ascii_graphic()
                            || matches!(
                                c,
                                b'"' | b'\''
                                    | b'`'
                                    | b'<'
                                    | b'>'
                                    | b'|'
                                    | b','
                                    | b';'
                                    | b')'
                                    | b']'
                                    | b'}'
                            )
                    }
                };
                if stop {
                    break;
                }
                end += 1;
            }
            let value = t[start..end].trim_end_matches(['.', '*', '_']);
            if looks_secret(value) {
                out.push((start, start + value.len(), HitKind::Secret));
            }
        }
    }
}

/// Shannon entropy of a text, in bits per character.
fn entropy(s: &str) -> f64 {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return 0.0;
    }
    let mut counts: Vec<(char, usize)> = Vec::new();
    for c in &chars {
        match counts.iter_mut().find(|(k, _)| k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((*c, 1)),
        }
    }
    let total = chars.len() as f64;
    counts
        .iter()
        .map(|(_, n)| {
            let p = *n as f64 / total;
            -p * p.log2()
        })
        .sum()
}

/// Whether a value after a secret's key looks generated rather than written:
/// - eight or more characters with at least 3 bits of entropy each and two kinds of
///   character (lower case, capitals, digits, symbols), one of them digits or symbols;
/// - twelve or more with 3.5 bits and two kinds (random letters in mixed case);
/// - twenty or more with 3.5 bits.
///
/// A capitalised word ("Requirements", "Authentication") is prose; placeholders (`${X}`,
/// `<token>`, `****`) are not secrets.
pub(super) fn looks_secret(value: &str) -> bool {
    let n = value.chars().count();
    if n < 8
        || value.starts_with(['$', '{', '<', '%'])
        || value.contains("***")
        || value.contains("...")
    {
        return false;
    }
    let digits_or_symbols = value.chars().any(|c| !c.is_alphabetic());
    let classes = [
        value.chars().any(char::is_lowercase),
        value.chars().any(char::is_uppercase),
        value.chars().any(char::is_numeric),
        value.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    let h = entropy(value);
    (h >= 3.0 && classes >= 2 && digits_or_symbols)
        || (n >= 12 && h >= 3.5 && classes >= 2)
        || (n >= 20 && h >= 3.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(f: fn(&str, &mut Found), t: &str) -> Vec<String> {
        let mut out = Vec::new();
        f(t, &mut out);
        out.iter().map(|(s, e, _)| t[*s..*e].to_owned()).collect()
    }

    #[test]
    fn paths_and_issue_numbers_are_internal() {
        assert_eq!(
            kinds(paths, "Edit .github/workflows/deploy.yml and /etc/nginx/nginx.conf, see src/main.rs or kubernetes/test-infra#11956."),
            [".github/workflows/deploy.yml", "/etc/nginx/nginx.conf", "src/main.rs", "kubernetes/test-infra#11956"]
        );
        assert_eq!(
            kinds(
                paths,
                "On 2024/05/02, and/or TCP/IP, I/O 24/7, 1/2 of https://x.example/a/b.html"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds(issue_numbers, "Fixed in #6374, issue #12, our #1 priority"),
            ["#6374", "#12"]
        );
    }

    #[test]
    fn entropy_tells_generated_from_written() {
        assert!(looks_secret("Zq8vN2kLp4Xr"));
        assert!(looks_secret("changeme123"));
        assert!(!looks_secret("compromised"));
        assert!(!looks_secret("Requirements"));
        assert!(!looks_secret("Authentication"));
        assert!(looks_secret("CorrectHorseBatteryStaple"));
        assert!(looks_secret("QwErTyUiOpAsDfGh"));
        assert!(!looks_secret("reset"));
        assert!(!looks_secret("aaaaaaaa1111"));
        assert!(!looks_secret("${DB_PASSWORD}"));
        assert!(!looks_secret("********"));
    }
}
