//! Checks of the causes: a person or "human error" as the cause, and a root cause without
//! the whys that reach it; and the people a document lists, which they look for.

use crate::document::Postmortem;
use crate::fields::FieldId;
use crate::text::Hay;
use crate::words::Text;

use super::super::scan::{compiled, handles, negated, prose, right_before, Narrative, People};
use super::super::wording as say;
use super::super::{Finding, Target};
use super::language::quote_of;
use super::{distinct, quotes, Cx};

/// Every name the document lists: authors, reviewers, owner, responders (the text before
/// " — ", " - ", ":" or "," on each line) and action owners. Roles are kept here;
/// [`People`] sets them apart.
pub(super) fn people_names(doc: &Postmortem) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    names.extend(doc.header.authors.iter().map(String::as_str));
    names.extend(doc.header.reviewers.iter().map(String::as_str));
    names.extend(split_names(&doc.header.owner));
    names.extend(doc.response.responders.lines().map(responder_name));
    for a in &doc.action_items {
        names.extend(split_names(&a.owner));
    }
    names.retain(|n| !n.trim().is_empty());
    names
}

fn split_names(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '，', '、', ';', '/']).map(str::trim)
}

/// The name on a line of Responders: "Dana Lee — incident commander" gives "Dana Lee".
fn responder_name(line: &str) -> &str {
    let t = line.trim().trim_start_matches(['-', '*', '+']).trim_start();
    let cut = ["—", "–", " - ", ",", "，", ":", "：", "(", "（", "、"]
        .iter()
        .filter_map(|sep| t.find(sep))
        .min()
        .unwrap_or(t.len());
    t[..cut].trim()
}

/// The people a document lists, as root-cause-person and blame-language look for them:
/// authors, reviewers, owner, responders and action owners, without the names that are
/// roles or teams ("API platform lead", "值班組").
pub fn listed_people(doc: &Postmortem) -> Vec<String> {
    People::new(people_names(doc)).names().collect()
}

/// How many words may stand between a person and the verb that makes them the investigator
/// ("RT quickly intuits").
const MAX_WORDS_TO_REPORTING_VERB: usize = 2;

/// Whether a reporting or thinking verb follows the person who ends at `end`.
fn reports(hay: &Hay, end: usize) -> bool {
    let to = hay.sentence_end_from(end).min(end + 40);
    compiled().reporting.scan(hay, end, to).iter().any(|h| {
        let between: String = hay.low[end..h.start].iter().collect();
        let words = between.split_whitespace().count();
        let cjk = between
            .chars()
            .filter(|c| crate::text::is_spaceless(*c))
            .count();
        words <= MAX_WORDS_TO_REPORTING_VERB && cjk <= 2
    })
}

/// root-cause-person: Trigger or Root causes give "human error" as a cause, or name a
/// listed person or an @handle.
pub(super) fn root_cause_person(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for (field, text) in [
        (FieldId::Trigger, &doc.causes.trigger),
        (FieldId::RootCauses, &doc.causes.root_causes),
        (
            FieldId::ContributingFactors,
            &doc.causes.contributing_factors,
        ),
    ] {
        if text.trim().is_empty() {
            continue;
        }
        let hay = Hay::new(&prose(text));
        let target = Target::Field(field);
        let human: Vec<String> = distinct(
            compiled()
                .human_error
                .scan(&hay, 0, hay.len())
                .iter()
                .filter(|h| !negated(&hay, h.start))
                .map(|h| quote_of(&hay, h.start, h.end, h.what)),
        );
        let mut named = cx.people().find(&hay, 0, hay.len());
        named.extend(handles(&hay, 0, hay.len()));
        // A given name alone (志豪, Dana) counts right before a blame phrase.
        let blame: Vec<usize> = compiled()
            .narrative
            .scan(&hay, 0, hay.len())
            .iter()
            .filter(|h| matches!(h.what, Narrative::AfterPerson(..) | Narrative::Anywhere(..)))
            .map(|h| h.start)
            .collect();
        named.extend(
            cx.people()
                .find_near(&hay, 0, hay.len())
                .into_iter()
                .filter(|&(_, e)| blame.iter().any(|&b| right_before(&hay, e, b))),
        );
        // A person who thinks, finds or reports something is investigating, not the cause
        // ("RT intuits that the new services used another API format").
        named.retain(|&(_, e)| !reports(&hay, e));
        crate::sort::sort(&mut named);
        let mut names = distinct(named.iter().map(|&(s, e)| hay.quote(s, e)));
        // A cause that is nothing but a person's name ("John Smith", 林志豪), listed or not,
        // or a listed person's given name alone ("Tom" for Tom Baker).
        let whole = text.trim().trim_end_matches(['.', '。']).trim();
        let only_given = || {
            let h = Hay::new(whole);
            cx.people()
                .find_near(&h, 0, h.len())
                .iter()
                .any(|&(s, e)| s == 0 && e == h.len())
        };
        if names.is_empty()
            && field != FieldId::Trigger
            && (crate::people::looks_like_a_name(text) || only_given())
        {
            names.push(whole.to_owned());
        }
        if !human.is_empty() {
            // One finding per field: it quotes the names too, so fixing only "human error"
            // does not leave a finding that quotes nothing the user still sees.
            let all = distinct(human.into_iter().chain(names));
            out.push(cx.finding(
                target,
                say::ROOT_CAUSE_HUMAN_ERROR,
                &[&quotes(all.iter().map(String::as_str))],
            ));
            continue;
        }
        if !names.is_empty() {
            out.push(cx.finding(
                target,
                say::ROOT_CAUSE_NAMES,
                &[&quotes(names.iter().map(String::as_str))],
            ));
        }
    }
}

/// root-cause-shallow: Root causes filled with fewer than three answers to "why?".
pub(super) fn root_cause_shallow(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let answers = doc
        .causes
        .five_whys
        .iter()
        .filter(|w| !w.trim().is_empty())
        .count();
    if !doc.causes.root_causes.trim().is_empty() && answers < 3 {
        out.push(cx.finding(
            Target::Field(FieldId::FiveWhys),
            say::ROOT_CAUSE_SHALLOW,
            &[&Text::plain(answers.to_string())],
        ));
    }
}

/// Whether an action item is about finding the cause ("find the root cause", 找出根因).
pub(super) fn finds_the_cause(action: &str) -> bool {
    compiled().find_cause.any(&Hay::new(&prose(action)))
}

/// Where Root causes says the cause is not known, quoted ("root cause is still unknown");
/// a denied phrase ("not true that the cause is unknown") says nothing.
pub(super) fn cause_unknown(root_causes: &str) -> Option<String> {
    let hay = Hay::new(&prose(root_causes));
    let hit = compiled()
        .cause_unknown
        .scan(&hay, 0, hay.len())
        .into_iter()
        .find(|h| !negated(&hay, h.start))?;
    Some(quote_of(&hay, hit.start, hit.end, hit.what))
}

/// root-cause-unknown: Root causes says the cause is not known and no action item is about
/// finding it (a problem); with such an action, a suggestion to update the report.
pub(super) fn root_cause_unknown(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    let Some(quote) = cause_unknown(&doc.causes.root_causes) else {
        return;
    };
    let target = Target::Field(FieldId::RootCauses);
    let tracked = doc.action_items.iter().any(|a| finds_the_cause(&a.action));
    let f = if tracked {
        cx.finding(
            target,
            say::ROOT_CAUSE_UNKNOWN_TRACKED,
            &[&quotes([quote.as_str()])],
        )
        .at(crate::review::Level::Suggestion)
    } else {
        cx.finding(
            target,
            say::ROOT_CAUSE_UNKNOWN,
            &[&quotes([quote.as_str()])],
        )
    };
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responders_give_their_names() {
        assert_eq!(
            responder_name("- Dana Lee — incident commander"),
            "Dana Lee"
        );
        assert_eq!(responder_name("Jean-Luc - IC"), "Jean-Luc");
        assert_eq!(responder_name("王小明，值班"), "王小明");
        assert_eq!(responder_name("Bob"), "Bob");
    }
}
