//! Detectors for the network's details: email addresses, IPv4 and IPv6 addresses, internal
//! host names and internal links.
//!
//! All of them are ASCII scanners: a Chinese sentence that runs straight into an address
//! ("請寄信到alice@db.corp的信箱") ends the address where the ASCII ends.

use super::hit::{Found, HitKind};
use super::hosts::InternalHosts;
use crate::text::{is_word_byte, is_word_char, next_char, prev_char};
use crate::trackers::is_key_at;

/// Email addresses: `local@domain`, where the domain has a letter and either a dot or a
/// single label of two or more characters starting with a letter (`ops@bastion`).
///
/// Traps: `@alice` (a mention), `lodash@4.17.21` (a package version).
pub(super) fn emails(t: &str, out: &mut Found) {
    let b = t.as_bytes();
    for (at, _) in t.match_indices('@') {
        let is_local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
        let mut start = at;
        while start > 0 && is_local(b[start - 1]) {
            start -= 1;
        }
        while start < at && b[start] == b'.' {
            start += 1;
        }
        if start == at {
            continue;
        }
        let mut end = at + 1;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'.' || b[end] == b'-')
        {
            end += 1;
        }
        while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &t[at + 1..end];
        let Some(first) = domain.bytes().next() else {
            continue;
        };
        let lettered = domain.bytes().any(|c| c.is_ascii_alphabetic());
        let dotted = domain.contains('.');
        let single_label = domain.len() >= 2 && first.is_ascii_alphabetic();
        if first.is_ascii_alphanumeric() && lettered && (dotted || single_label) {
            out.push((start, end, HitKind::Email));
        }
    }
}

/// Whether text is a dotted-quad IPv4 address with octets 0 to 255.
pub(super) fn is_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            (1..=3).contains(&p.len())
                && p.bytes().all(|c| c.is_ascii_digit())
                && p.parse::<u16>().is_ok_and(|v| v <= 255)
        })
}

/// Length of a `/prefix` (CIDR) suffix at byte `at`, when it is one with at most `max` bits.
fn prefix_len(t: &str, at: usize, max: u32) -> usize {
    let b = t.as_bytes();
    if b.get(at) != Some(&b'/') {
        return 0;
    }
    let digits = b[at + 1..]
        .iter()
        .take(4)
        .take_while(|c| c.is_ascii_digit())
        .count();
    let bits = t[at + 1..at + 1 + digits].parse::<u32>().ok();
    let ends = !b.get(at + 1 + digits).copied().is_some_and(is_word_byte);
    match bits {
        Some(n) if (1..=3).contains(&digits) && n <= max && ends => digits + 1,
        _ => 0,
    }
}

/// IPv4 addresses, every one: private, loopback and link-local addresses are internal by
/// definition, and a public one in a postmortem is nearly always one of our own servers. A
/// `/24` after it is part of it.
///
/// Traps: versions `1.2.3` and `v1.2.3.4`, dates `2023.03.20`, octets over 255, longer
/// dotted runs `1.2.3.4.5`.
pub(super) fn ipv4(t: &str, out: &mut Found) {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
            i += 1;
        }
        let mut end = i;
        while end > start && b[end - 1] == b'.' {
            end -= 1;
        }
        let free_before = !prev_char(t, start).is_some_and(is_word_char);
        let free_after = end < i || !next_char(t, end).is_some_and(is_word_char);
        if free_before && free_after && is_ipv4(&t[start..end]) {
            let cidr = if end == i { prefix_len(t, end, 32) } else { 0 };
            out.push((start, end + cidr, HitKind::IpAddress));
        }
    }
}

/// Whether text is an IPv6 address: eight groups of one to four hex digits, or fewer with
/// one `::`, the last two groups possibly written as IPv4.
pub(super) fn is_ipv6(s: &str) -> bool {
    if s.matches(':').count() < 2 {
        return false;
    }
    let (head, tail, compressed) = match s.find("::") {
        Some(i) => (&s[..i], &s[i + 2..], true),
        None => (s, "", false),
    };
    if tail.contains("::") {
        return false;
    }
    let groups = |part: &str, holds_last: bool| -> Option<usize> {
        if part.is_empty() {
            return Some(0);
        }
        let pieces: Vec<&str> = part.split(':').collect();
        let mut n = 0;
        for (k, p) in pieces.iter().enumerate() {
            if holds_last && k + 1 == pieces.len() && p.contains('.') {
                if !is_ipv4(p) {
                    return None;
                }
                n += 2;
            } else if (1..=4).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_hexdigit()) {
                n += 1;
            } else {
                return None;
            }
        }
        Some(n)
    };
    let (Some(h), Some(t)) = (groups(head, !compressed), groups(tail, true)) else {
        return false;
    };
    if compressed {
        h + t <= 7
    } else {
        h + t == 8
    }
}

/// IPv6 addresses, compressed forms (`::1`, `fe80::1`) and a zone (`%eth0`) or prefix
/// (`/64`) included. An address must hold a digit, which leaves words like `add::bad` alone.
///
/// Traps: times `10:00` and `10:00:00`, MAC addresses, Rust paths `std::io`.
pub(super) fn ipv6(t: &str, out: &mut Found) {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_hexdigit() || b[i] == b':') {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < b.len() && (b[i].is_ascii_hexdigit() || b[i] == b':' || b[i] == b'.') {
            i += 1;
        }
        let run_end = i;
        if t[run_start..run_end].matches(':').count() < 2 {
            continue;
        }
        // The address may start after a colon that only introduces it ("ip:fe80::1").
        let starts = std::iter::once(run_start).chain(
            (run_start..run_end)
                .filter(|&k| b[k] == b':' && b.get(k + 1) != Some(&b':'))
                .filter(|&k| k == run_start || b[k - 1] != b':')
                .map(|k| k + 1),
        );
        for start in starts {
            if let Some(end) = ipv6_at(t, start, run_end) {
                out.push((start, end, HitKind::IpAddress));
                break;
            }
        }
    }
}

/// The end of an IPv6 address spelled by `t[start..run_end]`, with its zone or prefix.
fn ipv6_at(t: &str, start: usize, run_end: usize) -> Option<usize> {
    let b = t.as_bytes();
    if prev_char(t, start).is_some_and(is_word_char) {
        return None;
    }
    let mut end = run_end;
    // A sentence's full stop or a colon that only follows the address are not part of it.
    while end > start && b[end - 1] == b'.' {
        end -= 1;
    }
    if end >= start + 2 && b[end - 1] == b':' && b[end - 2] != b':' {
        end -= 1;
    }
    if end == run_end && next_char(t, end).is_some_and(is_word_char) {
        return None;
    }
    let s = &t[start..end];
    if !s.bytes().any(|c| c.is_ascii_digit()) || !is_ipv6(s) {
        return None;
    }
    if end == run_end && b.get(end) == Some(&b'%') {
        let zone = b[end + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
            .count();
        if zone > 0 {
            end += 1 + zone;
        }
    } else if end == run_end {
        end += prefix_len(t, end, 128);
    }
    Some(end)
}

/// Where a URL or a path that starts at `from` ends: at white space, quotes, angle
/// brackets, a pipe, a non-ASCII character, or a closing bracket it did not open; trailing
/// punctuation (a full stop, Markdown emphasis) is left out.
pub(super) fn url_end(t: &str, from: usize) -> usize {
    let b = t.as_bytes();
    let mut end = from;
    let (mut parens, mut brackets) = (0usize, 0usize);
    while end < b.len() {
        let c = b[end];
        let stop = match c {
            b'(' => {
                parens += 1;
                false
            }
            b')' if parens == 0 => true,
            b')' => {
                parens -= 1;
                false
            }
            b'[' => {
                brackets += 1;
                false
            }
            b']' if brackets == 0 => true,
            b']' => {
                brackets -= 1;
                false
            }
            _ => !c.is_ascii_graphic() || matches!(c, b'<' | b'>' | b'"' | b'\'' | b'`' | b'|'),
        };
        if stop {
            break;
        }
        end += 1;
    }
    while end > from
        && matches!(
            b[end - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'*' | b'_' | b'~'
        )
    {
        end -= 1;
    }
    end
}

/// Links whose scheme is followed by `://`, when they point somewhere internal:
/// - credentials in the link (`https://user:pass@…`), and Slack webhooks: a secret;
/// - Slack archives and client links, Teams messages, Discord channels, `slack://`: a chat link;
/// - an internal host, an IP address, a host of one label (`http://grafana/…`), a file, or
///   a tracker page (`/browse/OPS-12`): an internal link.
///
/// Traps: public links such as `https://status.example.com` or a public repository's
/// `/issues/123`.
pub(super) fn urls(t: &str, hosts: &InternalHosts, out: &mut Found) {
    let b = t.as_bytes();
    for (sep, _) in t.match_indices("://") {
        let mut start = sep;
        while start > 0 && (b[start - 1].is_ascii_alphanumeric() || b"+.-".contains(&b[start - 1]))
        {
            start -= 1;
        }
        while start < sep && !b[start].is_ascii_alphabetic() {
            start += 1;
        }
        if sep - start < 2 || prev_char(t, start).is_some_and(is_word_char) {
            continue;
        }
        let end = url_end(t, sep + 3);
        let scheme = t[start..sep].to_ascii_lowercase();
        let rest = &t[sep + 3..end];
        if let Some(kind) = classify_url(&scheme, rest, hosts) {
            out.push((start, end, kind));
        }
    }
}

fn classify_url(scheme: &str, rest: &str, hosts: &InternalHosts) -> Option<HitKind> {
    let auth_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(auth_end);
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(k) => (Some(&authority[..k]), &authority[k + 1..]),
        None => (None, authority),
    };
    let host = match host_port.strip_prefix('[') {
        Some(inner) => inner.split(']').next().unwrap_or(inner),
        None => host_port.split(':').next().unwrap_or(host_port),
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if userinfo.is_some_and(|u| u.contains(':')) || host == "hooks.slack.com" {
        return Some(HitKind::Secret);
    }
    let chat = scheme == "slack"
        || (host.ends_with(".slack.com") && path.starts_with("/archives/"))
        || (host == "app.slack.com" && path.starts_with("/client/"))
        || (host == "teams.microsoft.com" && path.starts_with("/l/"))
        || (matches!(host.as_str(), "discord.com" | "discordapp.com")
            && path.starts_with("/channels/"));
    if chat {
        return Some(HitKind::ChatLink);
    }
    let internal = host.is_empty()
        || !host.contains('.')
        || is_ipv4(&host)
        || is_ipv6(&host)
        || hosts.is_internal(&host);
    let tracker = path
        .match_indices("/browse/")
        .any(|(i, m)| is_key_at(path, i + m.len()));
    (internal || tracker).then_some(HitKind::InternalUrl)
}

/// Host names under an internal suffix (`db-1.corp`, `grafana.internal`, `localhost`) or
/// a listed domain. A port and a path after the host make it an internal link.
///
/// Traps: public names (`status.example.com`), a suffix alone (`corp`).
pub(super) fn hosts(t: &str, hosts: &InternalHosts, out: &mut Found) {
    let b = t.as_bytes();
    let is_host = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_');
    let mut i = 0;
    while i < b.len() {
        if !is_host(b[i]) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < b.len() && is_host(b[i]) {
            i += 1;
        }
        let mut start = run_start;
        while start < i && matches!(b[start], b'.' | b'-') {
            start += 1;
        }
        let mut end = i;
        while end > start && matches!(b[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let candidate = &t[start..end];
        let worth_a_look = candidate.contains('.') || candidate.eq_ignore_ascii_case("localhost");
        if !worth_a_look || !hosts.is_internal(&candidate.to_ascii_lowercase()) {
            continue;
        }
        // A Chinese character may touch the host; a letter of a spaced script may not.
        if prev_char(t, run_start).is_some_and(is_word_char) {
            continue;
        }
        let mut kind = HitKind::InternalHost;
        if end == i {
            if b.get(end) == Some(&b':') {
                let digits = b[end + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if (1..=5).contains(&digits) {
                    end += 1 + digits;
                }
            }
            if b.get(end) == Some(&b'/') {
                end = url_end(t, end);
                kind = HitKind::InternalUrl;
            }
        }
        out.push((start, end, kind));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(f: fn(&str, &mut Found), t: &str) -> Vec<&str> {
        let mut out = Vec::new();
        f(t, &mut out);
        out.iter().map(|(s, e, _)| &t[*s..*e]).collect()
    }

    #[test]
    fn ipv6_forms() {
        for ok in [
            "::1",
            "fe80::1",
            "2001:db8::8a2e:370:7334",
            "2001:0db8:0000:0000:0000:ff00:0042:8329",
            "::ffff:10.0.0.1",
            "fe80::",
        ] {
            assert!(is_ipv6(ok), "{ok}");
        }
        for no in [
            "10:00",
            "10:00:00",
            "1:2:3:4:5:6:7",
            "1::2::3",
            "12345::1",
            ":::1",
            "00:1a:2b:3c:4d:5e",
        ] {
            assert!(!is_ipv6(no), "{no}");
        }
    }

    #[test]
    fn ipv6_in_text_keeps_zone_and_prefix_and_skips_times() {
        assert_eq!(
            found(ipv6, "on fe80::1%eth0 and 2001:db8::/32, [::1]:8080."),
            ["fe80::1%eth0", "2001:db8::/32", "::1"]
        );
        assert_eq!(found(ipv6, "ip:2001:db8::5 at 10:00:00"), ["2001:db8::5"]);
        assert!(found(ipv6, "std::io, Add::Bad, 10:00, 23:59:59").is_empty());
    }

    #[test]
    fn url_ends_leave_out_markdown_and_sentence_ends() {
        let t = "see [x](https://a.corp/p_(1)) and **https://b.corp/q**.";
        let at = t.find("https://a").unwrap_or(0);
        assert_eq!(&t[at..url_end(t, at)], "https://a.corp/p_(1)");
        let at = t.find("https://b").unwrap_or(0);
        assert_eq!(&t[at..url_end(t, at)], "https://b.corp/q");
    }
}
