//! The people a report names, as the redaction looks for them: authors, reviewers, owner,
//! responders and action owners, without the entries that name a role or a team.

use crate::document::{split_list, Postmortem};

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
    (letters >= 2 && !is_role(name) && !crate::names::is_organisation(name))
        .then(|| name.split_whitespace().collect::<Vec<_>>().join(" "))
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

/// The role tables, named, for the test of their form.
#[cfg(test)]
pub(crate) fn phrase_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("people::ROLE_WORDS", ROLE_WORDS.to_vec()),
        ("people::ROLE_PHRASES", ROLE_PHRASES.to_vec()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

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
