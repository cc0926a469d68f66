//! The people a report names, as the redaction and the review look for them: authors,
//! reviewers, owner, responders and action owners, without the entries that name a role,
//! a team or a company; and the forms people write a name in (志豪 for 林志豪, 王經理, Dana
//! for Dana Lee).

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
pub(crate) fn is_role(name: &str) -> bool {
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
        // "Dana & Bo", "Dana/Bo" in one owner field are two people too.
        for part in split_list(&text.replace(['&', '/'], ",")) {
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

/// Titles written after a surname: 王經理, 林先生, 陳小姐, 林工程師, 王主管.
const TITLES: &[&str] = &[
    "先生",
    "小姐",
    "女士",
    "太太",
    "經理",
    "副理",
    "協理",
    "主管",
    "工程師",
    "組長",
    "總監",
    "老師",
    "博士",
];

/// Two-character surnames, whose given name starts at the third character (歐陽娜娜).
const COMPOUND_SURNAMES: &[&str] = &[
    "歐陽", "司馬", "諸葛", "上官", "司徒", "東方", "皇甫", "長孫", "慕容", "夏侯", "令狐", "公孫",
];

/// Common surnames in Taiwan, for a field that is nothing but a name nobody listed.
const SURNAMES: &str = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓馬阮董唐溫藍蔣石古紀姚連馮程湯田康姜汪白鄒尤巫黎涂龔嚴韓袁金童陸夏柳邵錢伍倪于譚駱熊任甘秦顧毛章史官萬俞雷饒闕凌崔尹孔辛易";

/// The forms a person is called by besides their full name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameForms {
    /// The surname with a title (王經理, 林先生): as sure as the full name.
    pub titled: Vec<String>,
    /// The given name alone (志豪 for 林志豪, Dana for Dana Lee): often an ordinary word
    /// too, so the review counts it only right next to a blame phrase.
    pub given: Option<String>,
}

/// The surname and given name of a name written in Chinese characters, if it is one.
fn han_parts(name: &str) -> Option<(String, String)> {
    let chars: Vec<char> = name.chars().collect();
    if !(2..=4).contains(&chars.len()) || !chars.iter().all(|c| crate::text::is_han(*c)) {
        return None;
    }
    let compound = chars.len() >= 3 && COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s));
    let cut = if compound { 2 } else { 1 };
    Some((chars[..cut].iter().collect(), chars[cut..].iter().collect()))
}

/// How people write a listed name: 林志豪 is also 志豪, 林先生, 林經理…; Dana Lee is also
/// Dana. A one-character given name (王明 → 明) is too common a word to count.
pub fn name_forms(name: &str) -> NameForms {
    if let Some((surname, given)) = han_parts(name) {
        return NameForms {
            titled: TITLES.iter().map(|t| format!("{surname}{t}")).collect(),
            given: (given.chars().count() == 2).then_some(given),
        };
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words
        .first()
        .filter(|_| words.len() >= 2)
        .filter(|w| w.chars().count() >= 2 && w.starts_with(char::is_uppercase));
    NameForms {
        titled: Vec::new(),
        given: first.map(|w| (*w).to_owned()),
    }
}

/// Whether a text is nothing but a person's name that nobody listed: two or three
/// capitalised words ("John Smith"), or two to four Chinese characters starting with a
/// common surname (林志豪). One capitalised word ("Timeout") is too often a thing.
pub fn looks_like_a_name(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', '。']).trim();
    if t.is_empty() || is_role(t) || crate::names::is_organisation(t) {
        return false;
    }
    if let Some((surname, _)) = han_parts(t) {
        return surname.chars().count() == 2 || SURNAMES.contains(&surname);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.clone().count() >= 1
                && cs.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        })
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
