//! Checks of the words in narrative fields: blame and hindsight, and emotion.

use crate::document::Postmortem;
use crate::fields::{Access, FieldId, DOC_FIELDS};
use crate::sections::SectionId;
use crate::text::{Hay, Hit};
use crate::words::Words;

use super::super::phrases::Blame;
use super::super::scan::{compiled, follows_person, negated, prose, Narrative};
use super::super::wording as say;
use super::super::{Finding, Target};
use super::{distinct, quotes, Cx};

/// The narrative fields: free text in the writer's own words, which the language checks
/// read (blame-language skips Where we got lucky). Lists (Five whys, the lessons) are read
/// entry by entry, rows (timeline events, action items) row by row. Names, dates, links,
/// the measures and Kinds of data are not prose; Responders is names and roles.
pub const NARRATIVE: &[FieldId] = &[
    FieldId::Title,
    FieldId::Summary,
    FieldId::ImpactText,
    FieldId::EventText,
    FieldId::DetectionText,
    FieldId::Trigger,
    FieldId::RootCauses,
    FieldId::ContributingFactors,
    FieldId::FiveWhys,
    FieldId::Recurrence,
    FieldId::Mitigation,
    FieldId::Resolution,
    FieldId::LongTermFix,
    FieldId::Action,
    FieldId::WentWell,
    FieldId::WentWrong,
    FieldId::GotLucky,
    FieldId::InternalNotice,
    FieldId::CustomerNotice,
    FieldId::Notified,
    FieldId::SupportingInfo,
];

/// One narrative text of a section, scanned once for both language checks.
pub(super) struct Scan {
    target: Target,
    field: FieldId,
    hay: Hay,
    hits: Vec<Hit<'static, Narrative>>,
}

/// The narrative texts of the running section that hold a phrase of either list.
fn scans<'a>(cx: &'a Cx<'_>) -> &'a [Scan] {
    cx.narrative.get_or_init(|| {
        let mut out = Vec::new();
        for (target, text) in narrative_texts(cx.doc, cx.section) {
            let field = match target {
                Target::Field(f) | Target::Row { field: f, .. } => f,
                Target::Section(_) => continue,
            };
            if text.trim().is_empty() {
                continue;
            }
            let hay = Hay::new(&prose(text));
            let hits = compiled().narrative.scan(&hay, 0, hay.len());
            if !hits.is_empty() {
                out.push(Scan {
                    target,
                    field,
                    hay,
                    hits,
                });
            }
        }
        out
    })
}

/// The narrative texts of a section, each with what it is.
fn narrative_texts(doc: &Postmortem, section: SectionId) -> Vec<(Target, &str)> {
    let mut texts = Vec::new();
    for f in DOC_FIELDS
        .iter()
        .filter(|f| f.section == section && NARRATIVE.contains(&f.id))
    {
        match &f.access {
            Access::Text(get, _) => texts.push((Target::Field(f.id), get(doc).as_str())),
            Access::List(get, _) => {
                for (index, entry) in get(doc).iter().enumerate() {
                    texts.push((Target::Row { field: f.id, index }, entry.as_str()));
                }
            }
            _ => {}
        }
    }
    match section {
        SectionId::Timeline => {
            for (index, e) in doc.timeline.iter().enumerate() {
                let field = FieldId::EventText;
                texts.push((Target::Row { field, index }, e.event.as_str()));
            }
        }
        SectionId::ActionItems => {
            for (index, a) in doc.action_items.iter().enumerate() {
                let field = FieldId::Action;
                texts.push((Target::Row { field, index }, a.action.as_str()));
            }
        }
        _ => {}
    }
    texts
}

/// Hits that do not overlap an earlier (or longer, at the same start) one.
fn without_overlaps<'h, T>(mut hits: Vec<&'h Hit<'static, T>>) -> Vec<&'h Hit<'static, T>> {
    crate::sort::sort_by_key(&mut hits, |h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<&'h Hit<'static, T>> = Vec::new();
    for h in hits {
        if kept.last().is_none_or(|k| h.start >= k.end) {
            kept.push(h);
        }
    }
    kept
}

fn neutral(blame: Blame) -> Words {
    match blame {
        Blame::Hindsight => say::NEUTRAL_HINDSIGHT,
        Blame::Omission => say::NEUTRAL_OMISSION,
        Blame::Rule => say::NEUTRAL_RULE,
        Blame::Judgement => say::NEUTRAL_JUDGEMENT,
        Blame::Insult => say::NEUTRAL_INSULT,
        Blame::Obvious => say::NEUTRAL_OBVIOUS,
    }
}

/// A quote short enough to read in a sentence: the matched text, or the phrase itself when
/// a gap made the match long.
pub(super) fn quote_of(hay: &Hay, start: usize, end: usize, phrase: &str) -> String {
    let end = hay.word_end_from(end);
    if end - start > 40 {
        phrase.to_owned()
    } else {
        hay.quote(start, end)
    }
}

/// blame-language: at most one finding per narrative text; never in Where we got lucky,
/// which is about luck, not people.
pub(super) fn blame(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    for scan in scans(cx) {
        if scan.field == FieldId::GotLucky {
            continue;
        }
        let blaming = scan
            .hits
            .iter()
            .filter(|h| !matches!(h.what, Narrative::Emotional(_)))
            .collect();
        out.extend(blame_in(
            cx,
            &scan.hay,
            blaming,
            scan.field == FieldId::Action,
            scan.target,
        ));
    }
}

/// emotional-language: at most one finding per narrative text.
pub(super) fn emotional(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    for scan in scans(cx) {
        let emotional: Vec<&Hit<'static, Narrative>> = scan
            .hits
            .iter()
            .filter(|h| matches!(h.what, Narrative::Emotional(_)))
            .collect();
        let emotional = without_overlaps(emotional);
        if emotional.is_empty() {
            continue;
        }
        let q = distinct(emotional.iter().map(|h| match *h.what {
            Narrative::Emotional(p) => quote_of(&scan.hay, h.start, h.end, p),
            _ => scan.hay.quote(h.start, h.end),
        }));
        out.push(cx.finding(
            scan.target,
            if q.len() > 1 {
                say::EMOTIONAL_MANY
            } else {
                say::EMOTIONAL
            },
            &[&quotes(q.iter().map(String::as_str))],
        ));
    }
}

fn blame_in(
    cx: &Cx<'_>,
    hay: &Hay,
    hits: Vec<&Hit<'static, Narrative>>,
    in_action: bool,
    target: Target,
) -> Option<Finding> {
    let not_blame: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| matches!(h.what, Narrative::NotBlame))
        .map(|h| (h.start, h.end))
        .collect();
    let mut found: Vec<&Hit<'static, Narrative>> = Vec::new();
    for h in hits {
        match *h.what {
            // An action item says what should be done: "should" there is no hindsight.
            Narrative::AfterPerson(Blame::Hindsight, _) if in_action => {}
            _ if negated(hay, h.start) => {}
            Narrative::AfterPerson(..) => {
                if follows_person(hay, h.start, cx.people()) {
                    found.push(h);
                }
            }
            Narrative::Anywhere(..) => {
                if !not_blame.iter().any(|&(s, e)| s <= h.start && h.start < e) {
                    found.push(h);
                }
            }
            Narrative::NotBlame | Narrative::Emotional(_) => {}
        }
    }
    let found = without_overlaps(found);
    let first = found.first()?;
    let kind = match *first.what {
        Narrative::AfterPerson(b, _) | Narrative::Anywhere(b, _) => b,
        _ => Blame::Judgement,
    };
    let q = distinct(found.iter().map(|h| {
        let phrase = match *h.what {
            Narrative::AfterPerson(_, p) | Narrative::Anywhere(_, p) => p,
            _ => "",
        };
        quote_of(hay, h.start, h.end, phrase)
    }));
    Some(cx.finding(
        target,
        if q.len() > 1 {
            say::BLAME_MANY
        } else {
            say::BLAME
        },
        &[&quotes(q.iter().map(String::as_str)), &neutral(kind).into()],
    ))
}
