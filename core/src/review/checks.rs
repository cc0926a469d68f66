//! The checks of `REVIEW.md`, one function each, reading the document through the field
//! table where they can.

use std::cell::OnceCell;

use crate::choice::Choice;
use crate::document::{
    ActionItem, ActionType, EventKind, Language, Postmortem, Severity, Status, TimelineEvent,
};
use crate::fields::{
    section_fields, Access, Field, FieldId, Kind, ACTION_FIELDS, DOC_FIELDS, EVENT_FIELDS,
};
use crate::report::display_title;
use crate::sections::SectionId;
use crate::time::{days_from_civil, parse_date};
use crate::words::{fill, Text, Words};

use super::phrases::Blame;
use super::scan::{compiled, follows_person, handles, prose, Hay, Hit, Narrative, Pat, People};
use super::wording as say;
use super::{Check, Finding, Level, NoticeScan, OtherDraft, Target};

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

/// What one run of the checks shares: the document, today, and the people it lists
/// (found once, and only when a check needs them).
struct Ctx<'a> {
    doc: &'a Postmortem,
    today: &'a str,
    people: OnceCell<People>,
}

impl Ctx<'_> {
    fn people(&self) -> &People {
        self.people
            .get_or_init(|| People::new(people_names(self.doc)))
    }
}

/// Runs every local check that can point into `section`; the caller keeps the findings
/// that do.
pub(super) fn run_section(
    doc: &Postmortem,
    section: SectionId,
    today: &str,
    out: &mut Vec<Finding>,
) {
    let cx = Ctx {
        doc,
        today,
        people: OnceCell::new(),
    };
    for &check in Check::ALL {
        if check.is_local() && check.targets().contains(&section) {
            run(check, &cx, section, out);
        }
    }
}

fn run(check: Check, cx: &Ctx<'_>, section: SectionId, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    match check {
        Check::RequiredEmpty => required_empty(doc, section, out),
        Check::ImpactNoNumbers => impact_no_numbers(doc, out),
        Check::TimelineMissingEvent => timeline_missing_event(doc, out),
        Check::TimelineOrder => timeline_order_findings(doc, out),
        Check::DetectionMissing => detection_missing(doc, out),
        Check::RootCausePerson => root_cause_person(cx, out),
        Check::RootCauseShallow => root_cause_shallow(doc, out),
        // One scan of each narrative text finds both; `review_section` sorts them apart.
        Check::BlameLanguage => language(cx, section, out),
        Check::EmotionalLanguage => {}
        Check::ActionMissing
        | Check::ActionNoOwner
        | Check::ActionNoDue
        | Check::ActionNoTracking
        | Check::ActionVague
        | Check::NoPreventAction
        | Check::SamePriority
        | Check::ActionOverdue => actions(check, cx, out),
        Check::ReviewLate => review_late(doc, out),
        Check::NoCustomerNotice => no_customer_notice(doc, out),
        Check::DataExposedNotNotified => data_exposed_not_notified(doc, out),
        Check::NoticeInternalDetails | Check::RepeatOpenActions => {}
    }
}

// ---------------------------------------------------------------------------------------
// Helpers for messages.

/// `words` with the place first and further parameters after it.
fn message(words: Words, target: Target, args: &[&Text]) -> Text {
    let place = target.place();
    let mut all: Vec<&Text> = vec![&place];
    all.extend_from_slice(args);
    Text::with(words, &all)
}

fn finding(check: Check, level: Level, target: Target, words: Words, args: &[&Text]) -> Finding {
    Finding::new(check, level, target, message(words, target, args))
}

/// Each text quoted in each language's quotation marks, joined as a list.
/// How many phrases a finding quotes before it counts the rest.
const MAX_QUOTES: usize = 3;

fn quotes<'a>(texts: impl IntoIterator<Item = &'a str>) -> Text {
    let texts: Vec<&str> = texts.into_iter().collect();
    // A finding quotes three phrases at most and counts the rest, so fixing what it quotes
    // never leaves the user wondering why it stays.
    let shown = texts.len().min(MAX_QUOTES);
    let more = (texts.len() - shown).to_string();
    let side = |lang: Language| {
        let list = texts[..shown]
            .iter()
            .map(|t| fill(say::QUOTED.get(lang), &[t]))
            .collect::<Vec<_>>()
            .join(say::LIST_SEP.get(lang));
        if texts.len() > shown {
            fill(say::AND_MORE.get(lang), &[&list, &more])
        } else {
            list
        }
    };
    Text {
        en: side(Language::En),
        zh: side(Language::ZhTw),
    }
}

/// Labels joined as "a, b and c" / "a、b與c".
fn and_list(items: &[Text]) -> Text {
    let side = |lang: Language| {
        let parts: Vec<&str> = items.iter().map(|t| t.get(lang)).collect();
        match parts.split_last() {
            None => String::new(),
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => fill(
                say::AND.get(lang),
                &[&rest.join(say::LIST_SEP.get(lang)), last],
            ),
        }
    };
    Text {
        en: side(Language::En),
        zh: side(Language::ZhTw),
    }
}

fn quoted_words(words: Words) -> Text {
    Text {
        en: fill(say::QUOTED.en, &[words.en]),
        zh: fill(say::QUOTED.zh, &[words.zh]),
    }
}

fn label(field: FieldId) -> Text {
    field.info().label.into()
}

/// Days since the epoch of a `YYYY-MM-DD` date.
fn days(date: &str) -> Option<i64> {
    parse_date(date).map(|(y, m, d)| days_from_civil(y, m, d))
}

/// Weekdays after `from` up to and including `to`.
fn business_days(from: i64, to: i64) -> i64 {
    // 1970-01-01 was a Thursday: weekday 3 when Monday is 0.
    let weekday = |d: i64| (d + 3).rem_euclid(7);
    let span = to - from;
    if span <= 0 {
        return 0;
    }
    let mut count = span / 7 * 5;
    for d in (from + span / 7 * 7 + 1)..=to {
        if weekday(d) < 5 {
            count += 1;
        }
    }
    count
}

/// Fields a person types into; a choice that always has a value and a checkbox are not
/// content.
fn typed(kind: Kind) -> bool {
    !matches!(kind, Kind::Choice { optional: false } | Kind::Check)
}

fn is_blank<R>(fields: &[Field<R>], row: &R) -> bool {
    fields.iter().all(|f| !typed(f.kind) || f.is_empty(row))
}

/// A timeline event with nothing typed in it yet, which the checks leave alone.
fn blank_event(e: &TimelineEvent) -> bool {
    is_blank(EVENT_FIELDS, e)
}

/// An action item with nothing typed in it yet: not an action item yet.
fn blank_action(a: &ActionItem) -> bool {
    is_blank(ACTION_FIELDS, a)
}

// ---------------------------------------------------------------------------------------
// The people a document lists.

/// Every name the document lists: authors, reviewers, owner, responders (the text before
/// " — ", " - ", ":" or "," on each line) and action owners. Roles are kept here;
/// [`People`] sets them apart.
fn people_names(doc: &Postmortem) -> Vec<&str> {
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

// ---------------------------------------------------------------------------------------
// Sections and impact.

fn has_content(doc: &Postmortem, section: SectionId) -> bool {
    match section {
        SectionId::Timeline => doc.timeline.iter().any(|e| !blank_event(e)),
        SectionId::ActionItems => doc.action_items.iter().any(|a| !blank_action(a)),
        _ => section_fields(section).any(|f| typed(f.kind) && !f.is_empty(doc)),
    }
}

fn required_empty(doc: &Postmortem, section: SectionId, out: &mut Vec<Finding>) {
    if doc.template.requires(section) && !has_content(doc, section) {
        out.push(finding(
            Check::RequiredEmpty,
            Level::Problem,
            Target::Section(section),
            say::REQUIRED_EMPTY,
            &[&doc.template.words().into()],
        ));
    }
}

/// Whether a text holds a number: a digit of any script, a Chinese numeral or an English
/// number word (see the phrase tables).
pub(crate) fn has_number(text: &str) -> bool {
    if text.chars().any(char::is_numeric) {
        return true;
    }
    let c = compiled();
    let hay = Hay::new(text);
    let masked: Vec<(usize, usize)> = c
        .not_numbers
        .scan(&hay, 0, hay.len())
        .iter()
        .map(|h| (h.start, h.end))
        .collect();
    c.numbers
        .scan(&hay, 0, hay.len())
        .iter()
        .any(|h| !masked.iter().any(|&(s, e)| h.start < e && s < h.end))
}

fn impact_no_numbers(doc: &Postmortem, out: &mut Vec<Finding>) {
    let numbered = section_fields(SectionId::Impact).any(|f| match &f.access {
        Access::Text(get, _) => has_number(get(doc)),
        _ => false,
    });
    if !numbered {
        out.push(Finding::new(
            Check::ImpactNoNumbers,
            Level::Problem,
            Target::Field(FieldId::ImpactText),
            Text::with(
                say::IMPACT_NO_NUMBERS,
                &[&SectionId::Impact.heading().into()],
            ),
        ));
    }
}

// ---------------------------------------------------------------------------------------
// Timeline.

fn timeline_missing_event(doc: &Postmortem, out: &mut Vec<Finding>) {
    let missing: Vec<Text> = [
        EventKind::ImpactStarted,
        EventKind::Detected,
        EventKind::Resolved,
    ]
    .into_iter()
    .filter(|k| !doc.timeline.iter().any(|e| e.kind == *k && !blank_event(e)))
    .map(|k| quoted_words(k.words()))
    .collect();
    if !missing.is_empty() {
        out.push(finding(
            Check::TimelineMissingEvent,
            Level::Suggestion,
            Target::Section(SectionId::Timeline),
            say::TIMELINE_MISSING_EVENT,
            &[&and_list(&missing)],
        ));
    }
}

/// An event that comes before one it cannot (or should rarely) come before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrderIssue {
    /// The event's row, from 0.
    pub index: usize,
    /// Its kind.
    pub kind: EventKind,
    /// The row it comes before: the earliest event of `before_kind`.
    pub before: usize,
    /// That row's kind.
    pub before_kind: EventKind,
    /// Problem when impossible; suggestion for Detected before Impact started, which a
    /// canary makes possible.
    pub level: Level,
}

/// Which kind may not come before the earliest event of which other kind, checked in this
/// order; a row reports only the first pair it breaks.
const ORDER_RULES: [(EventKind, EventKind, Level); 5] = [
    (
        EventKind::Mitigated,
        EventKind::ImpactStarted,
        Level::Problem,
    ),
    (
        EventKind::Resolved,
        EventKind::ImpactStarted,
        Level::Problem,
    ),
    (EventKind::Resolved, EventKind::Detected, Level::Problem),
    (EventKind::Escalated, EventKind::Detected, Level::Problem),
    (
        EventKind::Detected,
        EventKind::ImpactStarted,
        Level::Suggestion,
    ),
];

/// Events in an impossible (or unusual) order, by time: Mitigated or Resolved before
/// Impact started, Resolved or Escalated before Detected; Detected before Impact started as
/// a suggestion. Events without a time are not compared. The metrics show "—" for the
/// durations these would make negative.
pub fn timeline_order(events: &[TimelineEvent]) -> Vec<OrderIssue> {
    let earliest = |kind: EventKind| {
        events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == kind)
            .filter_map(|(i, e)| e.time.map(|t| (t.utc, i)))
            .min()
    };
    let impact_started = earliest(EventKind::ImpactStarted);
    let detected = earliest(EventKind::Detected);
    // The rules compare against these two kinds; anything else is looked up as needed.
    let first = |kind: EventKind| match kind {
        EventKind::ImpactStarted => impact_started,
        EventKind::Detected => detected,
        other => earliest(other),
    };
    let mut issues = Vec::new();
    for (index, e) in events.iter().enumerate() {
        let Some(t) = e.time else { continue };
        for (kind, before_kind, level) in ORDER_RULES {
            if e.kind != kind {
                continue;
            }
            if let Some((utc, before)) = first(before_kind) {
                if t.utc < utc {
                    issues.push(OrderIssue {
                        index,
                        kind,
                        before,
                        before_kind,
                        level,
                    });
                    break;
                }
            }
        }
    }
    issues
}

/// The timeline rows (from 0) in an impossible order, for the form to mark; Detected
/// before Impact started is possible and not among them.
pub fn rows_out_of_order(doc: &Postmortem) -> Vec<usize> {
    timeline_order(&doc.timeline)
        .into_iter()
        .filter(|i| i.level == Level::Problem)
        .map(|i| i.index)
        .collect()
}

fn timeline_order_findings(doc: &Postmortem, out: &mut Vec<Finding>) {
    for issue in timeline_order(&doc.timeline) {
        let words = match issue.level {
            Level::Problem => say::TIMELINE_ORDER,
            Level::Suggestion => say::TIMELINE_DETECTED_EARLY,
        };
        let other = Target::Row {
            field: FieldId::EventTime,
            index: issue.before,
        };
        out.push(finding(
            Check::TimelineOrder,
            issue.level,
            Target::Row {
                field: FieldId::EventTime,
                index: issue.index,
            },
            words,
            &[
                &issue.kind.words().into(),
                &issue.before_kind.words().into(),
                &other.place(),
            ],
        ));
    }
}

// ---------------------------------------------------------------------------------------
// Detection and causes.

fn detection_missing(doc: &Postmortem, out: &mut Vec<Finding>) {
    let no_source = doc.detection.detected_by.is_none();
    let no_text = doc.detection.description.trim().is_empty();
    let level = if doc.template.requires(SectionId::Detection) {
        Level::Problem
    } else {
        Level::Suggestion
    };
    let (target, words, place) = match (no_source, no_text) {
        (false, false) => return,
        (true, true) => (
            FieldId::DetectedBy,
            say::DETECTION_NOTHING,
            and_list(&[label(FieldId::DetectedBy), label(FieldId::DetectionText)]),
        ),
        (true, false) => (
            FieldId::DetectedBy,
            say::DETECTION_NO_SOURCE,
            label(FieldId::DetectedBy),
        ),
        (false, true) => (
            FieldId::DetectionText,
            say::DETECTION_NO_TEXT,
            label(FieldId::DetectionText),
        ),
    };
    out.push(Finding::new(
        Check::DetectionMissing,
        level,
        Target::Field(target),
        Text::with(words, &[&place]),
    ));
}

fn root_cause_person(cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let doc = cx.doc;
    for (field, text) in [
        (FieldId::Trigger, &doc.causes.trigger),
        (FieldId::RootCauses, &doc.causes.root_causes),
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
                .map(|h| quote_of(&hay, h.start, h.end, h.what)),
        );
        let mut named = cx.people().find(&hay, 0, hay.len());
        named.extend(handles(&hay, 0, hay.len()));
        crate::sort::sort(&mut named);
        let names = distinct(named.iter().map(|&(s, e)| hay.quote(s, e)));
        if !human.is_empty() {
            // One finding per field: it quotes the names too, so fixing only "human error"
            // does not leave a finding that quotes nothing the user still sees.
            let all = distinct(human.into_iter().chain(names));
            out.push(finding(
                Check::RootCausePerson,
                Level::Problem,
                target,
                say::ROOT_CAUSE_HUMAN_ERROR,
                &[&quotes(all.iter().map(String::as_str))],
            ));
            continue;
        }
        if !names.is_empty() {
            out.push(finding(
                Check::RootCausePerson,
                Level::Problem,
                target,
                say::ROOT_CAUSE_NAMES,
                &[&quotes(names.iter().map(String::as_str))],
            ));
        }
    }
}

/// The distinct texts, ignoring case; a text inside another one ("操作不當" in "人為操作不當")
/// is the same finding and is left out.
fn distinct(texts: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        let lower = t.to_lowercase();
        if out.iter().any(|o| o.to_lowercase().contains(&lower)) {
            continue;
        }
        out.retain(|o| !lower.contains(&o.to_lowercase()));
        out.push(t);
    }
    out
}

fn root_cause_shallow(doc: &Postmortem, out: &mut Vec<Finding>) {
    let answers = doc
        .causes
        .five_whys
        .iter()
        .filter(|w| !w.trim().is_empty())
        .count();
    if !doc.causes.root_causes.trim().is_empty() && answers < 3 {
        out.push(finding(
            Check::RootCauseShallow,
            Level::Suggestion,
            Target::Field(FieldId::FiveWhys),
            say::ROOT_CAUSE_SHALLOW,
            &[&Text::plain(answers.to_string())],
        ));
    }
}

// ---------------------------------------------------------------------------------------
// Blame and emotion in narrative fields.

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
fn without_overlaps<'a, T>(mut hits: Vec<Hit<'a, T>>) -> Vec<Hit<'a, T>> {
    crate::sort::sort_by_key(&mut hits, |h| (h.start, std::cmp::Reverse(h.end)));
    let mut kept: Vec<Hit<'a, T>> = Vec::new();
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
fn quote_of(hay: &Hay, start: usize, end: usize, phrase: &str) -> String {
    let end = hay.word_end_from(end);
    if end - start > 40 {
        phrase.to_owned()
    } else {
        hay.quote(start, end)
    }
}

/// blame-language and emotional-language: at most one finding of each per narrative text.
fn language(cx: &Ctx<'_>, section: SectionId, out: &mut Vec<Finding>) {
    for (target, text) in narrative_texts(cx.doc, section) {
        let field = match target {
            Target::Field(f) | Target::Row { field: f, .. } => f,
            Target::Section(_) => continue,
        };
        if text.trim().is_empty() {
            continue;
        }
        let prose = prose(text);
        let hay = Hay::new(&prose);
        let hits = compiled().narrative.scan(&hay, 0, hay.len());
        if hits.is_empty() {
            continue;
        }
        let (emotional, blaming): (Vec<_>, Vec<_>) = hits
            .into_iter()
            .partition(|h| matches!(h.what, Narrative::Emotional(_)));
        // Where we got lucky is about luck, not people: never blame there.
        if field != FieldId::GotLucky {
            out.extend(blame_in(
                cx,
                &hay,
                blaming,
                field == FieldId::Action,
                target,
            ));
        }
        let emotional = without_overlaps(emotional);
        if emotional.is_empty() {
            continue;
        }
        let q = distinct(emotional.iter().map(|h| match *h.what {
            Narrative::Emotional(p) => quote_of(&hay, h.start, h.end, p),
            _ => hay.quote(h.start, h.end),
        }));
        out.push(finding(
            Check::EmotionalLanguage,
            Level::Suggestion,
            target,
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
    cx: &Ctx<'_>,
    hay: &Hay,
    hits: Vec<Hit<'_, Narrative>>,
    in_action: bool,
    target: Target,
) -> Option<Finding> {
    let not_blame: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| matches!(h.what, Narrative::NotBlame))
        .map(|h| (h.start, h.end))
        .collect();
    let mut found: Vec<Hit<'_, Narrative>> = Vec::new();
    for h in hits {
        match *h.what {
            // An action item says what should be done: "should" there is no hindsight.
            Narrative::AfterPerson(Blame::Hindsight, _) if in_action => {}
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
    Some(finding(
        Check::BlameLanguage,
        Level::Problem,
        target,
        if q.len() > 1 {
            say::BLAME_MANY
        } else {
            say::BLAME
        },
        &[&quotes(q.iter().map(String::as_str)), &neutral(kind).into()],
    ))
}

// ---------------------------------------------------------------------------------------
// Action items.

fn actions(check: Check, cx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let items: Vec<(usize, &ActionItem)> = cx
        .doc
        .action_items
        .iter()
        .enumerate()
        .filter(|(_, a)| !blank_action(a))
        .collect();
    let section = Target::Section(SectionId::ActionItems);
    let row = |field, index| Target::Row { field, index };
    match check {
        Check::ActionMissing if items.is_empty() => out.push(finding(
            check,
            Level::Problem,
            section,
            say::ACTION_MISSING,
            &[],
        )),
        Check::NoPreventAction
            if !items.is_empty() && !items.iter().any(|(_, a)| a.kind == ActionType::Prevent) =>
        {
            out.push(finding(
                check,
                Level::Problem,
                section,
                say::NO_PREVENT_ACTION,
                &[],
            ));
        }
        Check::SamePriority if items.len() >= 3 => {
            let p = items[0].1.priority;
            if items.iter().all(|(_, a)| a.priority == p) {
                out.push(finding(
                    check,
                    Level::Suggestion,
                    section,
                    say::SAME_PRIORITY,
                    &[&Text::plain(items.len().to_string()), &p.words().into()],
                ));
            }
        }
        Check::ActionNoOwner
        | Check::ActionNoDue
        | Check::ActionNoTracking
        | Check::ActionVague
        | Check::ActionOverdue => {
            for &(i, a) in &items {
                let f = match check {
                    Check::ActionNoOwner if a.owner.trim().is_empty() => Some(finding(
                        check,
                        Level::Problem,
                        row(FieldId::ActionOwner, i),
                        say::ACTION_NO_OWNER,
                        &[],
                    )),
                    Check::ActionNoDue if !a.done && a.due_date.trim().is_empty() => Some(finding(
                        check,
                        Level::Problem,
                        row(FieldId::DueDate, i),
                        say::ACTION_NO_DUE,
                        &[],
                    )),
                    Check::ActionNoTracking if a.tracking_link.trim().is_empty() => Some(finding(
                        check,
                        Level::Suggestion,
                        row(FieldId::TrackingLink, i),
                        say::ACTION_NO_TRACKING,
                        &[],
                    )),
                    Check::ActionVague => vague(&a.action).map(|(words, quote)| {
                        finding(
                            check,
                            Level::Suggestion,
                            row(FieldId::Action, i),
                            words,
                            &[&quotes([quote.as_str()])],
                        )
                    }),
                    Check::ActionOverdue
                        if parse_date(cx.today).is_some() && a.is_overdue(cx.today.trim()) =>
                    {
                        Some(finding(
                            check,
                            Level::Problem,
                            row(FieldId::DueDate, i),
                            say::ACTION_OVERDUE,
                            &[&Text::plain(a.due_date.trim())],
                        ))
                    }
                    _ => None,
                };
                out.extend(f);
            }
        }
        _ => {}
    }
}

/// Why an action item is vague, and the words that make it so: it starts with a direction
/// ("improve", "研究") or asks people to be better ("remind", "宣導").
fn vague(action: &str) -> Option<(Words, String)> {
    let c = compiled();
    let hay = Hay::new(&prose(action));
    let start = hay.low.iter().position(|ch| ch.is_alphanumeric())?;
    // "自動提醒" starts before the 提醒 it holds, so a concrete phrase covers, not starts at.
    let concrete_spans: Vec<(usize, usize)> = c
        .not_vague
        .scan(&hay, 0, hay.len())
        .iter()
        .map(|h| (h.start, h.end))
        .collect();
    let concrete = |i: usize| concrete_spans.iter().any(|&(s, e)| s <= i && i < e);
    let opening = c
        .vague_start
        .scan(&hay, start, hay.len())
        .into_iter()
        .filter(|h| h.start == start)
        .max_by_key(|h| h.end);
    if let Some(h) = opening.filter(|h| !concrete(h.start)) {
        return Some((
            say::ACTION_VAGUE_START,
            quote_of(&hay, h.start, h.end, h.what),
        ));
    }
    let better = c
        .be_better
        .scan(&hay, 0, hay.len())
        .into_iter()
        .find(|h| !concrete(h.start))?;
    Some((
        say::ACTION_BE_BETTER,
        quote_of(&hay, better.start, better.end, better.what),
    ))
}

// ---------------------------------------------------------------------------------------
// Header and communication.

fn review_late(doc: &Postmortem, out: &mut Vec<Finding>) {
    let h = &doc.header;
    let target = Target::Field(FieldId::ReviewMeeting);
    let meeting = h.review_meeting.trim();
    if meeting.is_empty() {
        if matches!(h.status, Status::InReview | Status::Final) {
            out.push(finding(
                Check::ReviewLate,
                Level::Suggestion,
                target,
                say::REVIEW_NOT_SET,
                &[&h.status.words().into()],
            ));
        }
        return;
    }
    let (Some(incident), Some(met)) = (days(&h.incident_date), days(meeting)) else {
        return;
    };
    let late = match h.severity {
        Some(Severity::Sev1) if met - incident > 3 => Some((say::REVIEW_LATE_SEV1, met - incident)),
        Some(Severity::Sev2) if business_days(incident, met) > 5 => {
            Some((say::REVIEW_LATE_SEV2, business_days(incident, met)))
        }
        _ => None,
    };
    if let Some((words, n)) = late {
        out.push(finding(
            Check::ReviewLate,
            Level::Suggestion,
            target,
            words,
            &[&Text::plain(meeting), &Text::plain(n.to_string())],
        ));
    }
}

fn no_customer_notice(doc: &Postmortem, out: &mut Vec<Finding>) {
    if doc.impact.customer_visible == Some(true)
        && doc.communication.customer_notice.trim().is_empty()
    {
        out.push(finding(
            Check::NoCustomerNotice,
            Level::Problem,
            Target::Field(FieldId::CustomerNotice),
            say::NO_CUSTOMER_NOTICE,
            &[],
        ));
    }
}

fn data_exposed_not_notified(doc: &Postmortem, out: &mut Vec<Finding>) {
    if doc.impact.data_exposed != Some(true) {
        return;
    }
    let no_notified = doc.communication.notified.trim().is_empty();
    let no_kinds = doc.impact.kinds_of_data.trim().is_empty();
    let (target, place) = match (no_notified, no_kinds) {
        (false, false) => return,
        (true, true) => (
            FieldId::Notified,
            and_list(&[label(FieldId::Notified), label(FieldId::KindsOfData)]),
        ),
        (true, false) => (FieldId::Notified, label(FieldId::Notified)),
        (false, true) => (FieldId::KindsOfData, label(FieldId::KindsOfData)),
    };
    out.push(Finding::new(
        Check::DataExposedNotNotified,
        Level::Problem,
        Target::Field(target),
        Text::with(say::DATA_EXPOSED_NOT_NOTIFIED, &[&place]),
    ));
}

pub(super) fn notice_internal_details(doc: &Postmortem, scan: NoticeScan<'_>) -> Vec<Finding> {
    if doc.communication.customer_notice.trim().is_empty() {
        return Vec::new();
    }
    let hits = distinct(
        scan(doc)
            .into_iter()
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty()),
    );
    if hits.is_empty() {
        return Vec::new();
    }
    vec![finding(
        Check::NoticeInternalDetails,
        Level::Problem,
        Target::Field(FieldId::CustomerNotice),
        say::NOTICE_INTERNAL_DETAILS,
        &[&quotes(hits.iter().map(String::as_str))],
    )]
}

// ---------------------------------------------------------------------------------------
// Across drafts.

/// Whether `text` names `name` (an Incident ID or a title): case-insensitive, and not as
/// part of a longer word or number ("INC-1" is not in "INC-12").
fn names(text: &Hay, name: &str) -> bool {
    let name = name.trim();
    if name.chars().count() < 3 {
        return false;
    }
    let pat = Pat::new(name, true);
    (0..text.len()).any(|i| pat.at(text, i).is_some())
}

pub(super) fn repeat_open_actions(doc: &Postmortem, others: &[OtherDraft<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    let Some(date) = days(&doc.header.incident_date) else {
        return out;
    };
    let id = doc.header.incident_id.trim();
    let recurrence = Hay::new(&doc.causes.recurrence);
    let tags: Vec<String> = doc
        .header
        .tags
        .iter()
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    for other in others {
        let o = &other.doc.header;
        let their_id = o.incident_id.trim();
        if !id.is_empty() && their_id.to_lowercase() == id.to_lowercase() {
            continue;
        }
        if days(&o.incident_date).is_none_or(|d| d >= date) {
            continue;
        }
        let open = other
            .doc
            .action_items
            .iter()
            .filter(|a| !a.done && !blank_action(a))
            .count();
        if open == 0 {
            continue;
        }
        let title = Text {
            en: display_title(&o.title, Language::En).to_owned(),
            zh: display_title(&o.title, Language::ZhTw).to_owned(),
        };
        let count = Text::plain(open.to_string());
        let target = Target::Field(FieldId::Recurrence);
        let mut f = if names(&recurrence, their_id) || names(&recurrence, &o.title) {
            finding(
                Check::RepeatOpenActions,
                Level::Problem,
                target,
                say::REPEAT_OPEN_ACTIONS,
                &[&title, &count],
            )
        } else if let Some(tag) = o
            .tags
            .iter()
            .find(|t| tags.contains(&t.trim().to_lowercase()))
        {
            finding(
                Check::RepeatOpenActions,
                Level::Suggestion,
                target,
                say::REPEAT_SHARED_TAG,
                &[&title, &count, &quotes([tag.trim()])],
            )
        } else {
            continue;
        };
        f.key = format!("{}@{}", Check::RepeatOpenActions.id(), other.id);
        f.related = Some(other.id.to_owned());
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_days_skip_weekends() {
        let d = |s: &str| days(s).unwrap_or_default();
        // 2024-03-01 is a Friday.
        assert_eq!(business_days(d("2024-03-01"), d("2024-03-08")), 5);
        assert_eq!(business_days(d("2024-03-01"), d("2024-03-11")), 6);
        assert_eq!(business_days(d("2024-03-01"), d("2024-03-03")), 0);
        assert_eq!(business_days(d("2024-03-01"), d("2024-03-01")), 0);
        assert_eq!(business_days(d("2024-03-04"), d("2024-04-01")), 20);
    }

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

    #[test]
    fn numbers_in_any_script_count_and_some_words_do_not() {
        for yes in [
            "3 users",
            "３ 成",
            "三成使用者",
            "about half",
            "a dozen",
            "兩個小時",
            "Ⅲ",
        ] {
            assert!(has_number(yes), "{yes}");
        }
        for no in [
            "some users",
            "一些使用者",
            "造成部分使用者無法登入",
            "online",
            "often",
            "一般使用者",
        ] {
            assert!(!has_number(no), "{no}");
        }
    }
}
