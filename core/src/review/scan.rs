//! Finding phrases in free text: the evidence a writer quotes (code, fenced blocks, `>` lines)
//! taken out first, word starts for Latin script, substrings for Chinese, and whether a phrase
//! follows a person.

use std::sync::OnceLock;

use super::phrases::{Blame, Phrases, TABLES};
use crate::text::{is_spaceless, is_word_char as is_word};
pub(crate) use crate::text::{prose, Hay, Pat, PatSet};

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
    pub negators: PatSet<()>,
    pub reporting: PatSet<()>,
    pub cause_unknown: PatSet<&'static str>,
    pub find_cause: PatSet<()>,
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
            negators: PatSet::new(unit(words(|t| t.negators, true))),
            reporting: PatSet::new(unit(words(|t| t.reporting, true))),
            cause_unknown: PatSet::new(words(|t| t.cause_unknown, false)),
            find_cause: PatSet::new(unit(words(|t| t.find_cause, false))),
        }
    })
}

/// The people a document lists, as the checks look for them: whole names and surnames with
/// a title (王經理), case-sensitive; and given names alone (志豪, Dana), which count only
/// right next to what a person did.
#[derive(Clone, Debug, Default)]
pub(crate) struct People {
    names: Vec<Vec<char>>,
    near: Vec<Vec<char>>,
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
            if chars.len() < 2
                || c.role_in_name.any(&Hay::new(name))
                || crate::names::is_organisation(name)
                || kept.contains(&chars)
            {
                continue;
            }
            kept.push(chars);
        }
        let mut near: Vec<Vec<char>> = Vec::new();
        let full: Vec<String> = kept.iter().map(|n| n.iter().collect()).collect();
        for name in &full {
            let forms = crate::people::name_forms(name);
            for t in forms.titled {
                kept.push(t.chars().collect());
            }
            if let Some(g) = forms.given.map(|g| g.chars().collect::<Vec<char>>()) {
                if !kept.contains(&g) && !near.contains(&g) {
                    near.push(g);
                }
            }
        }
        // Longest first, so "Bob Smith" is found before a listed "Bob" inside it.
        crate::sort::sort_by_key(&mut kept, |n| std::cmp::Reverse(n.len()));
        Self { names: kept, near }
    }

    /// The full names as listed (not the forms found beside them).
    pub(crate) fn names(&self) -> impl Iterator<Item = String> + '_ {
        let titled = |n: &&Vec<char>| {
            let s: String = n.iter().collect();
            self.names.iter().any(|full| {
                let f: String = full.iter().collect();
                f != s && crate::people::name_forms(&f).titled.contains(&s)
            })
        };
        self.names
            .iter()
            .filter(move |n| !titled(n))
            .map(|n| n.iter().collect())
    }

    /// Every listed name in `from..to`, word-bounded where the name has Latin edges.
    pub(crate) fn find(&self, hay: &Hay, from: usize, to: usize) -> Vec<(usize, usize)> {
        Self::find_in(&self.names, hay, from, to)
    }

    /// Every given name alone in `from..to` (志豪, Dana), outside the full names.
    pub(crate) fn find_near(&self, hay: &Hay, from: usize, to: usize) -> Vec<(usize, usize)> {
        let full = self.find(hay, from, to);
        Self::find_in(&self.near, hay, from, to)
            .into_iter()
            .filter(|&(s, e)| !full.iter().any(|&(fs, fe)| s < fe && fs < e))
            .collect()
    }

    fn find_in(names: &[Vec<char>], hay: &Hay, from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let to = to.min(hay.len());
        for name in names {
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
    // A given name alone is a person only right before what they did ("志豪忘了").
    let near = people
        .find_near(hay, from, i)
        .into_iter()
        .filter(|&(_, e)| right_before(hay, e, i));
    refs.extend(near);
    let Some(&(_, end)) = refs.iter().max_by_key(|r| r.1) else {
        return false;
    };
    if possessive(hay, end) {
        return false;
    }
    let (words, cjk) = between(hay, end, i);
    words <= MAX_WORDS_BETWEEN && cjk <= MAX_CJK_BETWEEN
}

/// The words and Chinese characters between `end` and `i`.
fn between(hay: &Hay, end: usize, i: usize) -> (usize, usize) {
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
        .filter(|c| is_spaceless(**c) && c.is_alphanumeric())
        .count();
    (words, cjk)
}

/// Whether what ends at `end` stands right before `i`: at most one word or two Chinese
/// characters between ("Dana forgot", "Dana simply forgot", "志豪又忘了").
pub(crate) fn right_before(hay: &Hay, end: usize, i: usize) -> bool {
    end <= i && {
        let (words, cjk) = between(hay, end, i);
        words <= 1 && cjk <= 2
    }
}

/// How many words, and Chinese characters, may stand between a negator and the phrase it
/// denies ("not because engineers are lazy": three words).
const MAX_WORDS_AFTER_NEGATOR: usize = 4;
const MAX_CJK_AFTER_NEGATOR: usize = 8;

/// Whether the phrase at `i` is denied: a negator stands shortly before it in its clause
/// ("no one was careless", "並非因為同仁疏忽"). A negator inside the phrase itself ("didn't
/// follow", "沒有遵守") starts the phrase, so it is never before it.
pub(crate) fn negated(hay: &Hay, i: usize) -> bool {
    let from = hay.clause_start(i);
    compiled().negators.scan(hay, from, i).iter().any(|h| {
        let (words, cjk) = between(hay, h.end, i);
        words <= MAX_WORDS_AFTER_NEGATOR && cjk <= MAX_CJK_AFTER_NEGATOR
    })
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
