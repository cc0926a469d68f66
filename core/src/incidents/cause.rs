//! The words of a root cause, as the related-incidents scan compares them: spaced words
//! without stop words, and Chinese as character bigrams.

use std::collections::HashSet;

use crate::text::{fold, is_spaceless};

/// Most words kept of one root cause, so a pasted log cannot bloat the index.
const MAX_CAUSE_WORDS: usize = 200;

/// The words of a root-cause text as a sorted set: spaced words in lower case without stop
/// words and with a light plural fold ("connections" → "connection"); Chinese and Japanese
/// as character bigrams, cut at function words (的, 因為, 導致, …). Mixed text gives both.
pub fn cause_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut run = String::new();
    let mut cjk: Vec<char> = Vec::new();
    // Only the first words are kept, so the scan stops once it has them: a pasted log of
    // 100 KB costs what its first lines cost, on every save of the index.
    let mut keep_new = |words: &mut Vec<String>, from: usize| {
        let mut kept = from;
        for i in from..words.len() {
            if !seen.contains(&words[i]) {
                seen.insert(words[i].clone());
                words.swap(kept, i);
                kept += 1;
            }
        }
        words.truncate(kept);
        kept >= MAX_CAUSE_WORDS
    };
    for c in text.chars().map(fold).chain(std::iter::once(' ')) {
        let before = words.len();
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
        if words.len() > before && keep_new(&mut words, before) {
            break;
        }
    }
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
        ("cause::EN_STOP", EN_STOP.to_vec()),
        ("cause::ZH_STOP_WORDS", ZH_STOP_WORDS.to_vec()),
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

    #[test]
    fn a_long_cause_keeps_its_first_distinct_words_as_a_short_one_does() {
        // Repeats, plurals and bigrams before the cap, as a pasted log has them.
        let word = |i: usize| format!("w{i}");
        let mut first: Vec<String> = Vec::new();
        for i in 0..MAX_CAUSE_WORDS - 1 {
            first.push(word(i));
            first.push(word(i / 2));
        }
        first.push("資料庫連線".to_owned());
        let rest: Vec<String> = (MAX_CAUSE_WORDS..5_000).map(word).collect();
        let long = cause_words(&format!("{} {}", first.join(" "), rest.join(" ")));
        assert_eq!(long.len(), MAX_CAUSE_WORDS);
        assert!(long.contains(&"資料".to_owned()) && !long.contains(&"w250".to_owned()));
        assert_eq!(long, cause_words(&first.join(" ")));
    }
}
