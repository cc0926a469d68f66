//! Related incidents (相關事件): drafts that share a cause with this one.
//!
//! Three plain rules, each shown as a reason: the draft's Recurrence names the other (by
//! Incident ID or title) or the other's Recurrence names this one; they share a tag; or their
//! root causes use similar words (Jaccard ≥ 0.3 over word sets without stop words). English
//! and other spaced scripts are cut into words; Chinese and Japanese, which have no spaces,
//! into overlapping character pairs (bigrams), so "快取外洩" and "快取設定" share "快取".

use std::collections::{HashMap, HashSet};

use super::index::Summary;
use super::words as t;
use crate::document::Language;
use crate::text::{contains_bounded, fold, is_spaceless};

/// The least similarity of root causes that relates two incidents, in percent (0.3).
pub const SIMILAR_AT_LEAST: u32 = 30;

/// Most words kept of one root cause, so a pasted log cannot bloat the index.
const MAX_CAUSE_WORDS: usize = 200;

/// Shortest title, in characters, that counts when named in a Recurrence: shorter ones
/// ("DNS") would match too much ordinary text.
const MIN_TITLE_CHARS: usize = 4;

/// Why two incidents are related.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// This report's Recurrence names the other (by Incident ID or title).
    NamedInRecurrence,
    /// The other report's Recurrence names this one.
    NamesThis,
    /// Their root causes share words: the Jaccard similarity, in percent (at least
    /// [`SIMILAR_AT_LEAST`]).
    SimilarCause(u8),
    /// They share this tag (as this report writes it).
    SharedTag(String),
}

impl Reason {
    /// The reason in `lang`, as the list shows it.
    pub fn text(&self, lang: Language) -> String {
        match self {
            Reason::NamedInRecurrence => t::NAMED_IN_RECURRENCE.get(lang).to_owned(),
            Reason::NamesThis => t::NAMES_THIS.get(lang).to_owned(),
            Reason::SimilarCause(percent) => t::SIMILAR_CAUSE.fill(lang, &[&percent.to_string()]),
            Reason::SharedTag(tag) => t::SHARED_TAG.fill(lang, &[tag]),
        }
    }
}

/// Another incident related to this one, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// The other draft's id (or folder id).
    pub id: String,
    /// Its title as typed.
    pub title: String,
    /// Its Incident ID.
    pub incident_id: String,
    /// Its incident date.
    pub incident_date: String,
    /// Whether it comes from an opened folder.
    pub from_folder: bool,
    /// How many of its action items are not done.
    pub open_actions: usize,
    /// Why it is related, strongest first.
    pub reasons: Vec<Reason>,
}

/// The incidents related to `this` among `others` (itself excluded by id), strongest
/// first: named in a Recurrence, then by similarity of root causes, then by shared tags,
/// then the most recent incident, then by id.
pub fn related(this: &Summary, others: &[Summary]) -> Vec<Related> {
    let mut interner = Interner::default();
    let me = Prepared::new(this, &mut interner);
    let prepared: Vec<Prepared> = others
        .iter()
        .map(|o| Prepared::new(o, &mut interner))
        .collect();
    let mut found: Vec<(usize, Found)> = prepared
        .iter()
        .enumerate()
        .filter(|(_, o)| o.summary.id != this.id)
        .filter_map(|(j, o)| Some((j, Found::of(&me, o, jaccard(&me.words, &o.words))?)))
        .collect();
    sort(&mut found, others);
    found
        .into_iter()
        .map(|(j, f)| f.related(&me, &prepared[j]))
        .collect()
}

/// The related incidents of every summary, at most `limit` each, in the order of
/// `summaries`: the overview's view. Each pair is compared once, with the words interned
/// and nothing allocated per pair, and only the kept entries are written out, so 200 drafts
/// that all share a tag stay fast. Each list is the start of what [`related`] gives.
pub fn related_all(summaries: &[Summary], limit: usize) -> Vec<Vec<Related>> {
    let mut interner = Interner::default();
    let prepared: Vec<Prepared> = summaries
        .iter()
        .map(|s| Prepared::new(s, &mut interner))
        .collect();
    let mut found: Vec<Vec<(usize, Found)>> = vec![Vec::new(); summaries.len()];
    for i in 0..summaries.len() {
        for j in i + 1..summaries.len() {
            if summaries[i].id == summaries[j].id {
                continue;
            }
            let sim = jaccard(&prepared[i].words, &prepared[j].words);
            if let Some(f) = Found::of(&prepared[i], &prepared[j], sim) {
                found[i].push((j, f));
            }
            if let Some(f) = Found::of(&prepared[j], &prepared[i], sim) {
                found[j].push((i, f));
            }
        }
    }
    found
        .into_iter()
        .enumerate()
        .map(|(i, mut list)| {
            sort(&mut list, summaries);
            list.truncate(limit);
            list.into_iter()
                .map(|(j, f)| f.related(&prepared[i], &prepared[j]))
                .collect()
        })
        .collect()
}

/// Why one incident is related to another, found without allocating anything.
#[derive(Clone, Copy, Debug)]
struct Found {
    named: bool,
    names_this: bool,
    similarity: Option<u8>,
    shared_tags: usize,
}

impl Found {
    /// Why `b` is related to `a`, or `None` when it is not.
    fn of(a: &Prepared, b: &Prepared, similarity: Option<u8>) -> Option<Self> {
        let found = Self {
            named: a.names(b),
            names_this: b.names(a),
            similarity,
            shared_tags: overlap(&a.tag_set, &b.tag_set),
        };
        (found.named || found.names_this || found.similarity.is_some() || found.shared_tags > 0)
            .then_some(found)
    }

    /// The entry for `b` in `a`'s list, with every reason written out.
    fn related(self, a: &Prepared, b: &Prepared) -> Related {
        let mut reasons = Vec::new();
        if self.named {
            reasons.push(Reason::NamedInRecurrence);
        }
        if self.names_this {
            reasons.push(Reason::NamesThis);
        }
        if let Some(percent) = self.similarity {
            reasons.push(Reason::SimilarCause(percent));
        }
        reasons.extend(shared_tags(a, b).map(|tag| Reason::SharedTag(tag.trim().to_owned())));
        let s = b.summary;
        Related {
            id: s.id.clone(),
            title: s.title.clone(),
            incident_id: s.incident_id.clone(),
            incident_date: s.incident_date.clone(),
            from_folder: s.is_from_folder(),
            open_actions: s.open_actions.len(),
            reasons,
        }
    }
}

/// The tags of `a` (as `a` writes them) that `b` has too, each once.
fn shared_tags<'a>(a: &'a Prepared, b: &'a Prepared) -> impl Iterator<Item = &'a String> {
    a.tags
        .iter()
        .zip(&a.summary.tags)
        .enumerate()
        .filter(|(i, (tag, _))| {
            !tag.is_empty() && b.tags.contains(tag) && !a.tags[..*i].contains(tag)
        })
        .map(|(_, (_, written))| written)
}

/// Strongest first; the summaries give the tie-breaks (latest incident, then id).
fn sort(list: &mut [(usize, Found)], summaries: &[Summary]) {
    crate::sort::sort_by(list, |(i, a), (j, b)| {
        (b.named || b.names_this)
            .cmp(&(a.named || a.names_this))
            .then_with(|| b.similarity.cmp(&a.similarity))
            .then_with(|| b.shared_tags.cmp(&a.shared_tags))
            .then_with(|| {
                summaries[*j]
                    .incident_date
                    .cmp(&summaries[*i].incident_date)
            })
            .then_with(|| summaries[*i].id.cmp(&summaries[*j].id))
    });
}

/// One summary with its text normalised for matching.
struct Prepared<'a> {
    summary: &'a Summary,
    incident_id: String,
    title: String,
    /// Whether the title is long enough to be matched by name.
    title_counts: bool,
    recurrence: String,
    /// Tags normalised, in `summary.tags` order.
    tags: Vec<String>,
    /// The same tags interned, as a sorted set, for counting shared ones fast.
    tag_set: Vec<u32>,
    /// The root-cause words interned, as a sorted set.
    words: Vec<u32>,
}

/// Numbers for strings, so that sets compare by integers.
#[derive(Default)]
struct Interner(HashMap<String, u32>);

impl Interner {
    /// The sorted set of the numbers of `items`.
    fn set<'s>(&mut self, items: impl IntoIterator<Item = &'s str>) -> Vec<u32> {
        let mut set: Vec<u32> = items
            .into_iter()
            .map(|item| {
                let next = self.0.len() as u32;
                *self.0.entry(item.to_owned()).or_insert(next)
            })
            .collect();
        crate::sort::sort(&mut set);
        set.dedup();
        set
    }
}

impl<'a> Prepared<'a> {
    fn new(summary: &'a Summary, interner: &mut Interner) -> Self {
        let title = normalize(&summary.title);
        let tags: Vec<String> = summary.tags.iter().map(|t| normalize(t)).collect();
        Self {
            tag_set: interner.set(tags.iter().map(String::as_str).filter(|t| !t.is_empty())),
            words: interner.set(summary.cause_words.iter().map(String::as_str)),
            tags,
            summary,
            incident_id: normalize(&summary.incident_id),
            title_counts: title.chars().count() >= MIN_TITLE_CHARS,
            title,
            recurrence: normalize(&summary.recurrence),
        }
    }

    /// Whether this one's Recurrence names `other`. A report never recurs with itself, so
    /// an Incident ID equal to this one's does not count (as in the review's recurrence
    /// check).
    fn names(&self, other: &Prepared) -> bool {
        if self.recurrence.is_empty() {
            return false;
        }
        let by_id = !other.incident_id.is_empty()
            && other.incident_id != self.incident_id
            && contains_bounded(&self.recurrence, &other.incident_id);
        by_id
            || (other.title_counts
                && other.title != self.title
                && contains_bounded(&self.recurrence, &other.title))
    }
}

/// Whether a Recurrence text names an incident by its Incident ID or its title: the rule
/// of related incidents, for the review's recurrence check to share. Matching ignores case
/// and runs of spaces, and a name must not continue a word ("INC-12" is not in "INC-123");
/// titles shorter than four characters are not matched.
pub fn names_incident(recurrence: &str, incident_id: &str, title: &str) -> bool {
    let recurrence = normalize(recurrence);
    let id = normalize(incident_id);
    let title = normalize(title);
    (!id.is_empty() && contains_bounded(&recurrence, &id))
        || (title.chars().count() >= MIN_TITLE_CHARS && contains_bounded(&recurrence, &title))
}

/// Lower case, with every run of white space as one space, trimmed.
fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The Jaccard similarity of two sorted word sets in percent, when it reaches
/// [`SIMILAR_AT_LEAST`]; `None` below it or when either set is empty.
pub fn similarity(a: &[String], b: &[String]) -> Option<u8> {
    jaccard(a, b)
}

fn jaccard<T: Ord>(a: &[T], b: &[T]) -> Option<u8> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let shared = overlap(a, b);
    let union = a.len() + b.len() - shared;
    // Compared in integers, so exactly 0.3 counts whatever floating point would say.
    (shared * 100 >= SIMILAR_AT_LEAST as usize * union).then(|| (shared * 100 / union) as u8)
}

/// How many items two sorted sets share.
fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The words of a root-cause text as a sorted set: spaced words in lower case without stop
/// words and with a light plural fold ("connections" → "connection"); Chinese and Japanese
/// as character bigrams, cut at function words (的, 因為, 導致, …). Mixed text gives both.
pub fn cause_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut run = String::new();
    let mut cjk: Vec<char> = Vec::new();
    for c in text.chars().map(fold).chain(std::iter::once(' ')) {
        if is_spaceless(c) && c.is_alphanumeric() {
            flush_word(&mut run, &mut words);
            cjk.push(c);
        } else if c.is_alphanumeric() {
            flush_cjk(&mut cjk, &mut words);
            run.push(c);
        } else {
            flush_word(&mut run, &mut words);
            flush_cjk(&mut cjk, &mut words);
        }
    }
    // Keep the first words when there are too many, then sort for the set operations.
    let mut seen = HashSet::new();
    words.retain(|w| seen.insert(w.clone()));
    words.truncate(MAX_CAUSE_WORDS);
    crate::sort::sort(&mut words);
    words
}

fn flush_word(run: &mut String, words: &mut Vec<String>) {
    if run.chars().count() >= 2 && EN_STOP.binary_search(&run.as_str()).is_err() {
        words.push(fold_plural(run));
    }
    run.clear();
}

/// "queries" → "query", "leaks" → "leak"; "redis", "status" and "class" stay.
fn fold_plural(word: &str) -> String {
    if word.len() > 4 && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if word.len() > 3
        && word.ends_with('s')
        && !["ss", "us", "is"].iter().any(|end| word.ends_with(end))
    {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    }
}

/// Cuts a run of CJK characters at function words, then makes bigrams of each piece; a
/// piece of one character is kept as it is.
fn flush_cjk(run: &mut Vec<char>, words: &mut Vec<String>) {
    let mut piece: Vec<char> = Vec::new();
    let mut i = 0;
    while i < run.len() {
        let rest = &run[i..];
        let stop = ZH_STOP_WORDS
            .iter()
            .find(|w| w.chars().count() <= rest.len() && w.chars().zip(rest).all(|(a, &b)| a == b))
            .map(|w| w.chars().count())
            .or_else(|| ZH_STOP_CHARS.contains(&run[i]).then_some(1));
        match stop {
            Some(len) => {
                bigrams(&piece, words);
                piece.clear();
                i += len;
            }
            None => {
                piece.push(run[i]);
                i += 1;
            }
        }
    }
    bigrams(&piece, words);
    run.clear();
}

fn bigrams(piece: &[char], words: &mut Vec<String>) {
    match piece {
        [] => {}
        [one] => words.push(one.to_string()),
        _ => words.extend(piece.windows(2).map(|p| p.iter().collect())),
    }
}

/// English function words, and the words every root cause uses ("caused", "due", "issue"),
/// which say nothing about which cause it was. Sorted, for binary search.
#[rustfmt::skip]
const EN_STOP: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "cause", "caused", "causes", "causing", "could", "did", "didn", "do",
    "does", "doesn", "doing", "don", "down", "due", "during", "each", "either", "etc", "few",
    "for", "from", "further", "had", "has", "hasn", "have", "haven", "having", "he", "her", "here",
    "hers", "him", "his", "how", "however", "i", "if", "in", "incident", "incidents", "into", "is",
    "isn", "issue", "issues", "it", "its", "itself", "just", "lead", "leading", "leads", "led",
    "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "out", "over", "own", "per", "problem", "problems", "result",
    "resulted", "resulting", "results", "root", "same", "she", "should", "since", "so", "some",
    "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "therefore",
    "these", "they", "this", "those", "through", "thus", "to", "too", "under", "until", "up",
    "upon", "very", "via", "was", "wasn", "we", "were", "weren", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "won", "would", "yet", "you", "your", "yours",
];

/// Chinese function words and the words every root cause uses, matched before the single
/// characters below.
#[rustfmt::skip]
const ZH_STOP_WORDS: &[&str] = &[
    "因為", "所以", "由於", "因此", "因而", "進而", "但是", "然後", "而且", "以及", "並且",
    "或是", "或者", "就是", "還是", "可能", "可以", "已經", "沒有", "我們", "他們", "你們",
    "這個", "那個", "一個", "這些", "那些", "其他", "如果", "雖然", "不過", "其中", "之後",
    "之前", "時候", "導致", "造成", "使得", "原因", "根本", "問題", "事件", "發生",
];

/// Characters that are almost always function words. Characters that are also part of common
/// technical words (則 in 規則, 即 in 即時, 還 in 還原, 並 in 並行) are left out on purpose.
#[rustfmt::skip]
const ZH_STOP_CHARS: &[char] = &[
    '的', '了', '和', '與', '或', '而', '被', '把', '就', '都', '也', '又',
    '這', '那', '之', '其', '但', '嗎', '呢', '吧', '啊', '們', '是', '在',
];

/// The stop-word tables, named, for the test of their form.
#[cfg(test)]
pub(crate) fn phrase_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("related::EN_STOP", EN_STOP.to_vec()),
        ("related::ZH_STOP_WORDS", ZH_STOP_WORDS.to_vec()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_stop_list_is_sorted_for_binary_search() {
        let mut sorted = EN_STOP.to_vec();
        crate::sort::sort(&mut sorted);
        sorted.dedup();
        assert_eq!(sorted, EN_STOP);
    }

    #[test]
    fn plurals_fold_but_names_ending_in_s_stay() {
        assert_eq!(fold_plural("connections"), "connection");
        assert_eq!(fold_plural("queries"), "query");
        assert_eq!(fold_plural("redis"), "redis");
        assert_eq!(fold_plural("status"), "status");
        assert_eq!(fold_plural("class"), "class");
        assert_eq!(fold_plural("dns"), "dns");
    }
}
