//! One incident in two languages: drafts with the same Incident ID and a different report
//! language are translations of each other. Trends count such an incident once, related
//! incidents never relate the two, and each links to the other ("Also in 繁體中文").

use std::collections::HashMap;

use super::index::Summary;
use super::words as t;
use crate::document::Language;
use crate::words::Words;

/// The link to another language's version, by that version's language.
const ALSO_IN: &[(Language, Words)] = &[
    (Language::En, t::ALSO_IN_ENGLISH),
    (Language::ZhTw, t::ALSO_IN_CHINESE),
];

/// The words of the link to a version in `other` ("Also in English").
pub fn also_in(other: Language) -> Words {
    ALSO_IN
        .iter()
        .find(|(l, _)| *l == other)
        .map_or(ALSO_IN[0].1, |(_, words)| *words)
}

/// An Incident ID as compared: case and runs of spaces ignored; empty when there is none.
fn id_key(incident_id: &str) -> String {
    incident_id
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `a` and `b` are one incident in two languages: two drafts with the same
/// non-empty Incident ID (case ignored) and different report languages.
pub fn are_translations(a: &Summary, b: &Summary) -> bool {
    a.id != b.id && a.language != b.language && {
        let key = id_key(&a.incident_id);
        !key.is_empty() && key == id_key(&b.incident_id)
    }
}

/// The translations of `this` among `summaries`, in their order.
pub fn translations_of<'a>(this: &Summary, summaries: &'a [Summary]) -> Vec<&'a Summary> {
    summaries
        .iter()
        .filter(|s| are_translations(this, s))
        .collect()
}

/// For each summary, the number of the incident it belongs to: translations share one,
/// every other draft has its own. Numbers count from 0 in the order incidents first appear.
pub fn incident_numbers(summaries: &[Summary]) -> Vec<usize> {
    numbers_of(&summaries.iter().collect::<Vec<_>>())
}

/// [`incident_numbers`] of a list of references.
pub(super) fn numbers_of(summaries: &[&Summary]) -> Vec<usize> {
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in summaries.iter().enumerate() {
        let key = id_key(&s.incident_id);
        if !key.is_empty() {
            by_id.entry(key).or_default().push(i);
        }
    }
    let mut numbers: Vec<Option<usize>> = vec![None; summaries.len()];
    let mut next = 0;
    for i in 0..summaries.len() {
        if numbers[i].is_some() {
            continue;
        }
        numbers[i] = Some(next);
        // Every draft of the same Incident ID in another language is the same incident.
        if let Some(same) = by_id.get(&id_key(&summaries[i].incident_id)) {
            for &j in same {
                if numbers[j].is_none() && are_translations(summaries[i], summaries[j]) {
                    numbers[j] = Some(next);
                }
            }
        }
        next += 1;
    }
    numbers.into_iter().map(|n| n.unwrap_or(0)).collect()
}

/// The summaries with each incident once: of translations, the one that tells the most
/// (an incident date, then time to detect and to resolve, then the first in order).
pub fn once_per_incident(summaries: &[Summary]) -> Vec<&Summary> {
    let numbers = incident_numbers(summaries);
    let tells = |s: &Summary| {
        usize::from(crate::time::parse_date(&s.incident_date).is_some()) * 4
            + usize::from(s.time_to_detect.is_some())
            + usize::from(s.time_to_resolve.is_some())
    };
    let mut best: Vec<Option<usize>> = vec![None; summaries.len()];
    for (i, &n) in numbers.iter().enumerate() {
        match best[n] {
            Some(b) if tells(&summaries[b]) >= tells(&summaries[i]) => {}
            _ => best[n] = Some(i),
        }
    }
    let mut kept: Vec<usize> = best.into_iter().flatten().collect();
    kept.sort_unstable();
    kept.into_iter().map(|i| &summaries[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str, incident_id: &str, language: Language) -> Summary {
        Summary {
            id: id.into(),
            incident_id: incident_id.into(),
            language,
            ..Summary::default()
        }
    }

    #[test]
    fn the_same_incident_id_in_another_language_is_a_translation() {
        let en = s("a", "INC-7", Language::En);
        let zh = s("b", "inc-7 ", Language::ZhTw);
        assert!(are_translations(&en, &zh));
        // The same language is another draft of it (a copy), not a translation.
        assert!(!are_translations(&en, &s("c", "INC-7", Language::En)));
        // No Incident ID says nothing.
        assert!(!are_translations(
            &s("d", "", Language::En),
            &s("e", "", Language::ZhTw)
        ));
        // A draft is not its own translation.
        assert!(!are_translations(&en, &en));
    }

    #[test]
    fn translations_are_one_incident_and_the_fullest_is_kept() {
        let mut zh = s("b", "INC-7", Language::ZhTw);
        zh.incident_date = "2026-03-01".into();
        let list = vec![
            s("a", "INC-7", Language::En),
            zh,
            s("c", "INC-8", Language::En),
            s("d", "", Language::ZhTw),
            s("e", "", Language::En),
        ];
        assert_eq!(incident_numbers(&list), [0, 0, 1, 2, 3]);
        let kept: Vec<&str> = once_per_incident(&list)
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(kept, ["b", "c", "d", "e"]);
        assert_eq!(also_in(Language::ZhTw).en, "Also in 繁體中文");
        assert_eq!(also_in(Language::En).zh, "另有英文版");
    }
}
