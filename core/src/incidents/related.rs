//! Related incidents (相關事件): drafts that share a cause with this one.
//!
//! Three plain rules, each shown as a reason: the draft's Recurrence names the other (by
//! Incident ID or title) or the other's Recurrence names this one; they share tags that few
//! drafts carry ([`tag_weight`]: a tag most drafts carry, such as `postgres`, relates
//! nothing); or their root causes use similar words (Jaccard ≥ 0.3 over word sets without
//! stop words). English and other spaced scripts are cut into words; Chinese and Japanese,
//! which have no spaces, into overlapping character pairs (bigrams), so "快取外洩" and
//! "快取設定" share "快取". Two versions of one incident in two languages
//! ([`super::translations`]) are never related to each other.

use std::collections::HashMap;

use super::index::Summary;
use super::translations::{are_translations, incident_numbers, numbers_of};
use super::words as t;
use crate::document::Language;
use crate::text::contains_bounded;

/// The least similarity of root causes that relates two incidents, in percent (0.3).
pub const SIMILAR_AT_LEAST: u32 = 30;

/// The weight, in percent, from which a tag counts as rare: a shared tag that weighs less
/// is common, neither counted nor shown.
pub const RARE_TAG_AT_LEAST: u32 = 25;

/// The summed weight, in percent, of rare shared tags that relates two incidents by tags
/// alone: one tag that only the two carry (100), or two tags that a few more carry.
pub const TAGS_RELATE_AT: u32 = 50;

/// How much sharing a tag says, from 0 to 1, when `carriers` of `incidents` incidents carry
/// it: an idf-like weight over the other incidents than the two that share it. With `k` of
/// those `m` others carrying it too, it is `ln((m + 1) / (k + 1)) / ln(m + 1)`: 1 when no
/// other incident carries it (or there is no other), 0 when every other one does, and
/// little once more than half do.
pub fn tag_weight(carriers: usize, incidents: usize) -> f64 {
    let others = incidents.saturating_sub(2);
    let also = carriers.saturating_sub(2).min(others);
    if others == 0 {
        return 1.0;
    }
    let m = others as f64 + 1.0;
    ((m / (also as f64 + 1.0)).ln() / m.ln()).clamp(0.0, 1.0)
}

/// Each interned tag's weight in percent among `universe`, counting every incident once
/// (translations carry their tags together).
fn tag_weights(universe: &[&Prepared]) -> Vec<u32> {
    let summaries: Vec<&Summary> = universe.iter().map(|p| p.summary).collect();
    let numbers = numbers_of(&summaries);
    let incidents = numbers.iter().max().map_or(0, |n| n + 1);
    let size = universe
        .iter()
        .flat_map(|p| p.tag_set.iter())
        .max()
        .map_or(0, |t| *t as usize + 1);
    // Each incident's tags, once, then how many incidents carry each.
    let mut per_incident: Vec<Vec<u32>> = vec![Vec::new(); incidents];
    for (p, n) in universe.iter().zip(&numbers) {
        per_incident[*n].extend(&p.tag_set);
    }
    let mut carriers = vec![0usize; size];
    for mut tags in per_incident {
        crate::sort::sort(&mut tags);
        tags.dedup();
        for t in tags {
            carriers[t as usize] += 1;
        }
    }
    carriers
        .into_iter()
        .map(|c| (tag_weight(c, incidents) * 100.0).round() as u32)
        .collect()
}

/// Shortest title, in characters, that counts when named in a Recurrence: shorter ones
/// ("DNS") would match too much ordinary text.
const MIN_TITLE_CHARS: usize = 4;

/// Why two incidents are related.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Reason {
    /// This report's Recurrence names the other (by Incident ID or title).
    NamedInRecurrence,
    /// The other report's Recurrence names this one.
    NamesThis,
    /// Their root causes share words: the Jaccard similarity, in percent (at least
    /// [`SIMILAR_AT_LEAST`]).
    SimilarCause(u8),
    /// They share this tag (as this report writes it), one that few drafts carry.
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

/// Another incident related to this one, and why (serialisable: the app's worker sends it
/// back to the page).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    // Rarity is counted over every draft, this one as it is now instead of as stored.
    let universe: Vec<&Prepared> = prepared
        .iter()
        .filter(|o| o.summary.id != this.id)
        .chain([&me])
        .collect();
    let weights = tag_weights(&universe);
    let mut found: Vec<(usize, Found)> = prepared
        .iter()
        .enumerate()
        .filter(|(_, o)| o.summary.id != this.id && !are_translations(this, o.summary))
        .filter_map(|(j, o)| {
            Some((
                j,
                Found::of(&me, o, jaccard(&me.words, &o.words), &weights)?,
            ))
        })
        .collect();
    sort(&mut found, others);
    once_per_incident(found, &incident_numbers(others), usize::MAX)
        .into_iter()
        .map(|(j, f)| f.related(&me, &prepared[j], &weights))
        .collect()
}

/// The first `limit` entries of a sorted list, one per incident: an incident written in two
/// languages is related once, through its more strongly related version. `numbers` are the
/// summaries' incident numbers ([`incident_numbers`]), so this is linear in the list: the
/// overview of a 2,000-file folder, where every file is related to every other, stays fast.
fn once_per_incident(
    list: Vec<(usize, Found)>,
    numbers: &[usize],
    limit: usize,
) -> Vec<(usize, Found)> {
    let mut seen = std::collections::HashSet::new();
    list.into_iter()
        .filter(|(j, _)| seen.insert(numbers[*j]))
        .take(limit)
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
    let weights = tag_weights(&prepared.iter().collect::<Vec<_>>());
    let numbers = incident_numbers(summaries);
    let mut found: Vec<Vec<(usize, Found)>> = vec![Vec::new(); summaries.len()];
    for i in 0..summaries.len() {
        for j in i + 1..summaries.len() {
            if summaries[i].id == summaries[j].id || are_translations(&summaries[i], &summaries[j])
            {
                continue;
            }
            let sim = jaccard(&prepared[i].words, &prepared[j].words);
            if let Some(f) = Found::of(&prepared[i], &prepared[j], sim, &weights) {
                found[i].push((j, f));
            }
            if let Some(f) = Found::of(&prepared[j], &prepared[i], sim, &weights) {
                found[j].push((i, f));
            }
        }
    }
    found
        .into_iter()
        .enumerate()
        .map(|(i, mut list)| {
            sort(&mut list, summaries);
            once_per_incident(list, &numbers, limit)
                .into_iter()
                .map(|(j, f)| f.related(&prepared[i], &prepared[j], &weights))
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
    /// The summed weight of the rare tags they share, in percent.
    tag_weight: u32,
}

impl Found {
    /// Why `b` is related to `a`, or `None` when it is not.
    fn of(a: &Prepared, b: &Prepared, similarity: Option<u8>, weights: &[u32]) -> Option<Self> {
        let found = Self {
            named: a.names(b),
            names_this: b.names(a),
            similarity,
            tag_weight: shared_weight(&a.tag_set, &b.tag_set, weights),
        };
        (found.named
            || found.names_this
            || found.similarity.is_some()
            || found.tag_weight >= TAGS_RELATE_AT)
            .then_some(found)
    }

    /// The entry for `b` in `a`'s list, with every reason written out.
    fn related(self, a: &Prepared, b: &Prepared, weights: &[u32]) -> Related {
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
        reasons
            .extend(shared_tags(a, b, weights).map(|tag| Reason::SharedTag(tag.trim().to_owned())));
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

/// The rare tags of `a` (as `a` writes them) that `b` has too, each once.
fn shared_tags<'a>(
    a: &'a Prepared,
    b: &'a Prepared,
    weights: &'a [u32],
) -> impl Iterator<Item = &'a String> {
    a.tags
        .iter()
        .zip(&a.tag_ids)
        .zip(&a.summary.tags)
        .enumerate()
        .filter(move |(i, ((tag, id), _))| {
            !tag.is_empty()
                && b.tags.contains(tag)
                && !a.tags[..*i].contains(tag)
                && id.is_some_and(|id| {
                    weights.get(id as usize).copied().unwrap_or(0) >= RARE_TAG_AT_LEAST
                })
        })
        .map(|(_, (_, written))| written)
}

/// The summed weight of the rare tags two sorted tag sets share, in percent.
fn shared_weight(a: &[u32], b: &[u32], weights: &[u32]) -> u32 {
    let (mut i, mut j, mut sum) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let weight = weights.get(a[i] as usize).copied().unwrap_or(0);
                if weight >= RARE_TAG_AT_LEAST {
                    sum += weight;
                }
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Strongest first; the summaries give the tie-breaks (latest incident, then id).
fn sort(list: &mut [(usize, Found)], summaries: &[Summary]) {
    crate::sort::sort_by(list, |(i, a), (j, b)| {
        (b.named || b.names_this)
            .cmp(&(a.named || a.names_this))
            .then_with(|| b.similarity.cmp(&a.similarity))
            .then_with(|| b.tag_weight.cmp(&a.tag_weight))
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
    /// Their interned numbers, in the same order (`None` for an empty tag).
    tag_ids: Vec<Option<u32>>,
    /// The same tags interned, as a sorted set, for counting shared ones fast.
    tag_set: Vec<u32>,
    /// The root-cause words interned, as a sorted set.
    words: Vec<u32>,
}

/// Numbers for strings, so that sets compare by integers.
#[derive(Default)]
struct Interner(HashMap<String, u32>);

impl Interner {
    /// The number of `item`.
    fn id(&mut self, item: &str) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(item.to_owned()).or_insert(next)
    }

    /// The sorted set of the numbers of `items`.
    fn set<'s>(&mut self, items: impl IntoIterator<Item = &'s str>) -> Vec<u32> {
        let mut set: Vec<u32> = items.into_iter().map(|item| self.id(item)).collect();
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
            tag_ids: tags
                .iter()
                .map(|t| (!t.is_empty()).then(|| interner.id(t)))
                .collect(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str, incident_id: &str, tags: &[&str]) -> Summary {
        Summary {
            id: id.into(),
            incident_id: incident_id.into(),
            title: format!("Incident {id}"),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            ..Summary::default()
        }
    }

    #[test]
    fn a_tag_weighs_by_how_few_other_incidents_carry_it() {
        // Only the two that share it: as strong as it gets, however many drafts there are.
        assert_eq!(tag_weight(2, 2), 1.0);
        assert_eq!(tag_weight(2, 200), 1.0);
        // Every incident carries it: it says nothing.
        assert_eq!(tag_weight(3, 3), 0.0);
        assert_eq!(tag_weight(200, 200), 0.0);
        // More than half carry it: too little to relate two incidents by itself.
        assert!(tag_weight(6, 10) * 100.0 < TAGS_RELATE_AT as f64);
        assert!(tag_weight(101, 200) * 100.0 < RARE_TAG_AT_LEAST as f64);
        // Rarer weighs more.
        assert!(tag_weight(3, 10) > tag_weight(4, 10));
        assert!(tag_weight(3, 10) * 100.0 >= TAGS_RELATE_AT as f64);
    }

    #[test]
    fn postgres_on_every_draft_relates_nothing_but_a_rare_tag_does() {
        let drafts = vec![
            s("a", "INC-1", &["postgres", "billing"]),
            s("b", "INC-2", &["postgres", "billing"]),
            s("c", "INC-3", &["postgres", "search"]),
            s("d", "INC-4", &["postgres"]),
            s("e", "INC-5", &["Postgres", "auth"]),
        ];
        let lists = related_all(&drafts, 10);
        let ids = |n: usize| -> Vec<&str> { lists[n].iter().map(|r| r.id.as_str()).collect() };
        assert_eq!(ids(0), ["b"]);
        assert_eq!(ids(1), ["a"]);
        assert!(ids(2).is_empty() && ids(3).is_empty() && ids(4).is_empty());
        // The common tag is not given as a reason either.
        assert_eq!(lists[0][0].reasons, [Reason::SharedTag("billing".into())]);
        assert_eq!(related(&drafts[0], &drafts), lists[0]);
    }

    #[test]
    fn two_languages_of_one_incident_are_never_related_to_each_other() {
        let mut en = s("a", "INC-7", &["ledger"]);
        en.recurrence = "Same as INC-7".into();
        let mut zh = s("b", "INC-7", &["ledger"]);
        zh.language = Language::ZhTw;
        let other = s("c", "INC-8", &["ledger"]);
        let lists = related_all(&[en.clone(), zh.clone(), other.clone()], 10);
        let ids: Vec<&str> = lists[0].iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["c"]);
        assert!(related(&en, &[en.clone(), zh.clone(), other.clone()])
            .iter()
            .all(|r| r.id != "b"));
        // The translations count as one incident carrying the tag: with the third, that is
        // two incidents, so the tag is rare and relates them, the incident once.
        assert_eq!(lists[2].len(), 1);
        assert_eq!(related(&other, &[en, zh, other.clone()]).len(), 1);
    }
}
