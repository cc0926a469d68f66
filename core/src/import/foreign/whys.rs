//! Five whys as people write them: a numbered list of "Why …?" questions, each with its
//! answer under it, or a tree of answers with a bold question between each level. Either
//! way the questions and answers come in reading order, and each answer with its question
//! is one entry of Five whys.

use super::split::marker_len;

/// Whether a piece of text asks "why": it starts with the word and ends with a question
/// mark, in English or Chinese.
fn is_why(unit: &str) -> bool {
    let t = unit.trim().trim_matches(['*', '_']).trim();
    let (t, _) = super::synonyms::strip_numbering(t);
    let lower = t.to_lowercase();
    let asks = ["why ", "why's ", "why?", "為什麼", "为什么", "為何"]
        .iter()
        .any(|w| lower.starts_with(w));
    asks && t
        .trim_end_matches(['*', '_'])
        .trim_end()
        .ends_with(['?', '？'])
}

/// The pieces of a text in reading order: each list item's own lines and each paragraph,
/// their markers and indentation removed, continuation lines joined.
fn units(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    let mut fence = false;
    for line in text.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        }
        if t.is_empty() {
            open = false;
            continue;
        }
        let marker = marker_len(t);
        let piece = t[marker..].trim();
        if marker > 0 || !open || fence {
            out.push(piece.to_owned());
            open = true;
        } else if let Some(last) = out.last_mut() {
            last.push(' ');
            last.push_str(piece);
        }
    }
    out
}

/// The entries of Five whys a text holds, and the text before its first question (a
/// statement of the problem, which belongs with the root causes): `None` unless at least
/// two questions are asked.
pub(crate) fn why_entries(text: &str) -> Option<(String, Vec<String>)> {
    let units = units(text);
    let first = units.iter().position(|u| is_why(u))?;
    if units.iter().filter(|u| is_why(u)).count() < 2 {
        return None;
    }
    let lead = units[..first].join("\n\n");
    let mut entries: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for u in &units[first..] {
        if is_why(u) {
            if let Some(done) = current.take() {
                entries.push(done);
            }
            current = Some(u.trim().to_owned());
        } else if let Some(c) = current.as_mut() {
            c.push(' ');
            c.push_str(u.trim());
        }
    }
    entries.extend(current);
    Some((lead, entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_question_list_gives_one_entry_per_question() {
        let (lead, e) = why_entries(
            "1. Why was it down?\n   - The data directory was removed.\n2. Why was it removed?\n   - Replication had stopped.\n",
        )
        .expect("whys");
        assert!(lead.is_empty());
        assert_eq!(
            e,
            [
                "Why was it down? The data directory was removed.",
                "Why was it removed? Replication had stopped."
            ]
        );
        let (_, e) = why_entries("1. 為什麼資料不一致？\n   - 因為主節點被切換。\n2. 為什麼會切換？\n   - 因為設定沒有限制。\n")
            .expect("whys");
        assert_eq!(e.len(), 2);
        assert!(e[1].contains("因為設定沒有限制"));
    }

    #[test]
    fn a_tree_of_answers_reads_in_order_and_its_first_statement_is_the_lead() {
        let text = "- The URLs were broken.\n\n  **Why were the URLs broken?**\n\n  - A bug in [#6834](https://x.example/6834).\n\n    **Why was there a bug?**\n\n    - Not all paths were tested.\n";
        let (lead, e) = why_entries(text).expect("whys");
        assert_eq!(lead, "The URLs were broken.");
        assert_eq!(e.len(), 2);
        assert!(e[0].contains("[#6834](https://x.example/6834)"));
        assert!(e[1].ends_with("Not all paths were tested."));
        assert_eq!(why_entries("Why? Because.\n\nWhy not?"), None);
    }
}
