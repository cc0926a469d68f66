//! The review: plain, explainable checks of whether a postmortem will stop the incident from
//! happening again (`docs/review.md`). Every check is a pure function of the document, today's
//! date and, for one check, the other drafts; both languages' phrase lists run on every
//! document.
//!
//! The app runs [`review_draft`] in its worker a moment after each change (`offload`), so
//! typing never waits for it. A caller that must stay cheap on every keystroke can memoize
//! per section instead: [`review_section`] returns the findings about one section and reads only the
//! sections [`depends_on`] lists (and the template and today's date); [`review_others`] and
//! [`review_notice`] add the two checks that look beyond the document. Concatenated and put
//! in order by [`sort_findings`], the parts equal [`review`].
//!
//! ```
//! use hindsight_core::example::chatgpt_2023_03_20;
//! use hindsight_core::review::{review, Level};
//!
//! let doc = chatgpt_2023_03_20();
//! let findings = review(&doc, "2026-01-01", &[]);
//! assert!(findings.iter().all(|f| f.level == Level::Suggestion));
//! ```

mod checks;
pub mod phrases;
mod scan;
mod wire;
pub mod wording;

use crate::choice::Choice;
use crate::document::{Dismissal, Language, Postmortem};
use crate::fields::{FieldId, Kind};
use crate::sections::SectionId;
use crate::words::{Text, Words};

pub use checks::{
    has_content, listed_people, rows_out_of_order, timeline_order, Check, CheckDef, OrderIssue,
    Run, CHECKS, NARRATIVE,
};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// The report is not ready.
    Problem,
    /// Worth a look.
    Suggestion,
}

impl Level {
    /// "Problem" or "Suggestion" in both languages.
    pub fn words(self) -> Words {
        match self {
            Level::Problem => wording::PROBLEM,
            Level::Suggestion => wording::SUGGESTION,
        }
    }
}

/// Where the names of the people a document lists come from.
pub const PEOPLE_SECTIONS: &[SectionId] = &[
    SectionId::Header,
    SectionId::Response,
    SectionId::ActionItems,
];

/// What a finding points at, for the UI to move focus there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A whole section.
    Section(SectionId),
    /// A field of the document.
    Field(FieldId),
    /// A field of the `index`-th (from 0) timeline event or action item, or the
    /// `index`-th entry of a list (Five whys, the lessons).
    Row {
        /// The field: a row field (`ActionOwner`, `EventTime`, …) or a list (`FiveWhys`).
        field: FieldId,
        /// From 0.
        index: usize,
    },
}

impl Target {
    /// The section it is in.
    pub fn section(self) -> SectionId {
        match self {
            Target::Section(s) => s,
            Target::Field(f) | Target::Row { field: f, .. } => f.section(),
        }
    }

    /// The stable part of a dismissal key: a section or field slug, or a row counted from 1
    /// as the UI names it (`action:2`, `event:3`, `why:1`).
    pub fn key(self) -> String {
        match self {
            Target::Section(s) => s.slug().to_owned(),
            Target::Field(f) => f.info().slug.to_owned(),
            Target::Row { field, index } => format!("{}:{}", row_slug(field), index + 1),
        }
    }

    /// Where it is, as a finding says it: "Root causes", "Action item 2", "Why 3".
    pub fn place(self) -> Text {
        match self {
            Target::Section(s) => s.heading().into(),
            Target::Field(f) => f.info().label.into(),
            Target::Row { field, index } => {
                let n = (index + 1).to_string();
                match field.section() {
                    SectionId::Timeline => Text::new(wording::EVENT_N, &[&n]),
                    SectionId::ActionItems => Text::new(wording::ACTION_N, &[&n]),
                    _ => {
                        let group = match field.info().kind {
                            Kind::Entries(e) => e.group,
                            _ => field.info().label,
                        };
                        Text::with(wording::ROW_N, &[&group.into(), &Text::plain(n)])
                    }
                }
            }
        }
    }
}

/// Keeps dismissals on their rows when a list's rows move: `new_index(old)` is where the row
/// at `old` (from 0) went, or `None` when it was removed. The dismissals of removed rows are
/// taken out and returned (for Undo); dismissals of other lists and sections stay as they are.
pub(crate) fn renumber_row_dismissals(
    dismissed: &mut Vec<Dismissal>,
    list: FieldId,
    new_index: impl Fn(usize) -> Option<usize>,
) -> Vec<Dismissal> {
    let prefix = format!("{}:", row_slug(list));
    let mut removed = Vec::new();
    dismissed.retain_mut(|d| {
        let Some((check, place)) = d.finding.split_once('@') else {
            return true;
        };
        let Some(n) = place
            .strip_prefix(prefix.as_str())
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| *n > 0)
        else {
            return true;
        };
        match new_index(n - 1) {
            Some(to) => {
                d.finding = format!("{check}@{prefix}{}", to + 1);
                true
            }
            None => {
                removed.push(d.clone());
                false
            }
        }
    });
    removed
}

/// Puts back the dismissals of a removed row that Undo brought back at `at`.
pub(crate) fn restore_row_dismissals(
    dismissed: &mut Vec<Dismissal>,
    list: FieldId,
    at: usize,
    restored: Vec<Dismissal>,
) {
    let prefix = format!("{}:", row_slug(list));
    for mut d in restored {
        if let Some((check, _)) = d.finding.split_once('@') {
            d.finding = format!("{check}@{prefix}{}", at + 1);
        }
        dismissed.retain(|x| x.finding != d.finding);
        dismissed.push(d);
    }
}

fn row_slug(field: FieldId) -> &'static str {
    match field.section() {
        SectionId::Timeline => "event",
        SectionId::ActionItems => "action",
        _ => field.info().slug,
    }
}

/// One thing the review found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Which check found it.
    pub check: Check,
    /// Its title: the check's, unless the rule words this case its own way ("Choose who or
    /// what detected it").
    pub title: Words,
    /// Whether it keeps the report from being ready.
    pub level: Level,
    /// What it is about.
    pub target: Target,
    /// Where and why, in one or two sentences naming the source, in both languages.
    pub message: Text,
    /// The dismissal key: the check id, and `@` and the target when the check can find
    /// several things (`action-no-owner@action:2`).
    pub key: String,
    /// The other draft's id, for repeat-open-actions.
    pub related: Option<String>,
    /// The dismissal keys it covers: its own, or each row's when [`group`] made it of the
    /// findings of one check on several rows.
    pub keys: Vec<String>,
    /// Where it is, as its message starts: the target's place, or a group's rows ("Action
    /// items 2, 3 and 5").
    pub place: Text,
}

impl Finding {
    /// A finding of `check` at its row's level.
    pub(crate) fn new(check: Check, target: Target, message: Text) -> Self {
        let key = if check.repeats() {
            format!("{}@{}", check.id(), target.key())
        } else {
            check.id().to_owned()
        };
        Self {
            check,
            title: check.title(),
            level: check.level(),
            target,
            message,
            place: target.place(),
            keys: vec![key.clone()],
            key,
            related: None,
        }
    }

    /// The same finding under another title, where the check's rule words a case its own way.
    pub(crate) fn titled(mut self, title: Words) -> Self {
        self.title = title;
        self
    }

    /// The same finding at another level, where the check's rule lowers it.
    pub(crate) fn at(mut self, level: Level) -> Self {
        self.level = level;
        self
    }

    /// The title, in `lang`.
    pub fn title(&self, lang: Language) -> &'static str {
        self.title.get(lang)
    }
}

/// Another draft, for repeat-open-actions.
#[derive(Clone, Copy, Debug)]
pub struct OtherDraft<'a> {
    /// Its draft id, which the finding links to.
    pub id: &'a str,
    /// Its document.
    pub doc: &'a Postmortem,
}

/// The redaction pass, as the review calls it: the texts in the Customer notice that it
/// found and the user has not let through. The redaction module plugs in here through
/// [`review_with`]; [`review`] uses [`redaction_scan`].
pub type NoticeScan<'a> = &'a dyn Fn(&Postmortem) -> Vec<String>;

/// A redaction pass that finds nothing: notice-internal-details stays silent (for tests of
/// the other checks).
pub fn no_notice_scan(_: &Postmortem) -> Vec<String> {
    Vec::new()
}

/// The customer version's redaction pass over the Customer notice: what it finds that the
/// user has not let through.
pub fn redaction_scan(doc: &Postmortem) -> Vec<String> {
    crate::customer::notice_internal_details(doc)
        .into_iter()
        .map(|hit| hit.text)
        .collect()
}

/// Every finding, dismissed or not, ordered by section and then by check.
///
/// `today` is the local date, `YYYY-MM-DD`; `others` are the other drafts (never this one).
pub fn review(doc: &Postmortem, today: &str, others: &[OtherDraft<'_>]) -> Vec<Finding> {
    review_with(doc, today, others, &redaction_scan)
}

/// The review of the open draft as the app runs it: the other drafts are their summaries
/// (the drafts' index), those with open action items and an incident date, never `open`.
pub fn review_draft(
    doc: &Postmortem,
    today: &str,
    open: Option<&str>,
    index: &[crate::incidents::Summary],
) -> Vec<Finding> {
    let others: Vec<(&str, Postmortem)> = index
        .iter()
        .filter(|s| Some(s.id.as_str()) != open && !s.is_from_folder())
        .filter(|s| !s.open_actions.is_empty() && !s.incident_date.is_empty())
        .map(|s| (s.id.as_str(), summary_doc(s)))
        .collect();
    let others: Vec<OtherDraft<'_>> = others
        .iter()
        .map(|(id, doc)| OtherDraft { id, doc })
        .collect();
    review(doc, today, &others)
}

/// What repeat-open-actions reads of another draft, from its summary: its header, its root
/// causes' words (which give the same words again) and its open action items.
fn summary_doc(s: &crate::incidents::Summary) -> Postmortem {
    let mut doc = Postmortem::default();
    doc.causes.root_causes = s.cause_words.join(" ");
    doc.header.title = s.title.clone();
    doc.header.incident_id = s.incident_id.clone();
    doc.header.incident_date = s.incident_date.clone();
    doc.header.tags = s.tags.clone();
    doc.action_items = s
        .open_actions
        .iter()
        .map(|a| crate::document::ActionItem {
            action: a.action.clone(),
            kind: a.kind,
            owner: a.owner.clone(),
            priority: a.priority,
            due_date: a.due_date.clone(),
            tracking_link: a.tracking_link.clone(),
            done: false,
            public: None,
        })
        .collect();
    doc
}

/// [`review`] with the redaction pass that notice-internal-details uses.
pub fn review_with(
    doc: &Postmortem,
    today: &str,
    others: &[OtherDraft<'_>],
    notice_scan: NoticeScan<'_>,
) -> Vec<Finding> {
    if unstarted(doc) {
        return vec![first_words(doc)];
    }
    let mut findings: Vec<Finding> = SectionId::ALL
        .iter()
        .flat_map(|&s| review_section(doc, s, today))
        .collect();
    findings.extend(review_others(doc, others));
    findings.extend(review_notice(doc, notice_scan));
    sort_findings(&mut findings);
    findings
}

/// The findings about one section from every check but repeat-open-actions and
/// notice-internal-details. It reads only [`depends_on`]`(section)`, the template and
/// `today`, so the app may memoize it on those.
pub fn review_section(doc: &Postmortem, section: SectionId, today: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    checks::run_section(doc, section, today, &mut out);
    out.retain(|f| f.target.section() == section);
    sort_findings(&mut out);
    out
}

/// The sections [`review_section`] reads for `section`: the section itself, the sections
/// that list people when it has narrative fields or root causes, and Impact with
/// Communication for the notice checks.
pub fn depends_on(section: SectionId) -> Vec<SectionId> {
    let mut sections = vec![section];
    if section == SectionId::Causes || NARRATIVE.iter().any(|f| f.section() == section) {
        sections.extend_from_slice(PEOPLE_SECTIONS);
    }
    if matches!(section, SectionId::Impact | SectionId::Communication) {
        sections.extend([SectionId::Impact, SectionId::Communication]);
    }
    // Action items and root causes read each other: "Investigate why" is no vague action
    // while the cause is unknown, and an unknown cause asks for an action to find it.
    if section == SectionId::ActionItems {
        sections.push(SectionId::Causes);
    }
    crate::sort::sort(&mut sections);
    sections.dedup();
    sections
}

/// Whether the checks of `section` read more of `other` than the people it lists, so a
/// memo of those people alone would miss a change: root causes read whether an action item
/// is about finding the cause, action items whether the cause is known.
pub fn reads_content(section: SectionId, other: SectionId) -> bool {
    section == other
        || !PEOPLE_SECTIONS.contains(&other)
        || matches!(
            (section, other),
            (SectionId::Causes, SectionId::ActionItems)
        )
}

/// The checks that read the other drafts (repeat-open-actions: earlier incidents named in
/// Recurrence, or sharing a tag, whose action items are not all done).
pub fn review_others(doc: &Postmortem, others: &[OtherDraft<'_>]) -> Vec<Finding> {
    checks::run_beyond(doc, Some(others), None)
}

/// The checks that read the redaction pass (notice-internal-details), with the pass given.
pub fn review_notice(doc: &Postmortem, notice_scan: NoticeScan<'_>) -> Vec<Finding> {
    checks::run_beyond(doc, None, Some(notice_scan))
}

/// Puts findings in the review's order: by the section they point into, then by check, and
/// otherwise as found (fields and rows in form order).
pub fn sort_findings(findings: &mut [Finding]) {
    // Stable, and each key is computed once: a row's section comes from the field table.
    crate::sort::sort_by_key(findings, |f| (f.target.section().index(), f.check.index()));
}

/// Whether nothing but the header is written yet. Until the first words the review is one
/// line, [`first_words`], instead of a finding per empty section and the checks of text that
/// is not there.
pub fn unstarted(doc: &Postmortem) -> bool {
    SectionId::ALL
        .iter()
        .filter(|&&s| s != SectionId::Header)
        .all(|&s| !checks::has_content(doc, s))
}

/// The dismissal key of [`first_words`]: required-empty's id alone, which no per-section
/// finding uses.
pub const FIRST_WORDS_KEY: &str = "required-empty";

/// The review of an [`unstarted`] document: one line, "Write the sections marked Required;
/// the review starts as you write", about the first section the template requires after
/// the header. A problem, so the Final gate still holds an empty report back.
pub fn first_words(doc: &Postmortem) -> Finding {
    let required: Vec<SectionId> = SectionId::ALL
        .into_iter()
        .filter(|&s| s != SectionId::Header && doc.template.requires(s))
        .collect();
    let section = required.first().copied().unwrap_or(SectionId::Summary);
    let headings: Vec<Text> = required.iter().map(|s| s.heading().into()).collect();
    // The panel shows the line alone; the command line, which prints a message per
    // finding, says which sections those are.
    let message = Text::with(
        wording::FIRST_WORDS_DETAIL,
        &[&doc.template.words().into(), &checks::and_list(&headings)],
    );
    let check = Check::from_id(FIRST_WORDS_KEY).unwrap_or_else(|| unreachable!("a row"));
    let mut f = Finding::new(check, Target::Section(section), message);
    f.title = wording::FIRST_WORDS;
    f.key = FIRST_WORDS_KEY.to_owned();
    f.keys = vec![f.key.clone()];
    f
}

/// Findings of one check on several action items made one, listing the rows ("Action items
/// 2, 3 and 5 have no tracking link") and pointing at the first; the others stay as they
/// are, in order. The group's `keys` are its rows' keys, so one dismissal with one reason
/// stores a dismissal per row: it follows each row as rows move, and a row added later is
/// not covered and raises the check again. Group what is open (or what is dismissed), not
/// both at once.
pub fn group(findings: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    // Where each grouped check's finding is in `out`, with its rows.
    let mut groups: Vec<(Check, usize, Vec<usize>)> = Vec::new();
    for f in findings {
        let row = match f.target {
            Target::Row { index, field } if field.section() == SectionId::ActionItems => index,
            _ => {
                out.push(f);
                continue;
            }
        };
        let Some(words) = checks::group_words(f.check) else {
            out.push(f);
            continue;
        };
        match groups.iter_mut().find(|(c, ..)| *c == f.check) {
            Some((_, at, rows)) => {
                rows.push(row);
                let g = &mut out[*at];
                g.keys.extend(f.keys);
                g.place = rows_place(rows);
                g.message = Text::with(words, &[&g.place]);
                // A problem among suggestions makes the group a problem.
                g.level = g.level.min(f.level);
                g.title = f.check.title();
            }
            None => {
                groups.push((f.check, out.len(), vec![row]));
                out.push(f);
            }
        }
    }
    out
}

/// "Action items 2, 3 and 5" / 「行動項目 2、3、5」, rows counted from 0.
fn rows_place(rows: &[usize]) -> Text {
    let side = |lang: Language| {
        let n: Vec<String> = rows.iter().map(|r| (r + 1).to_string()).collect();
        let list = match n.split_last() {
            Some((last, rest)) if !rest.is_empty() => crate::words::fill(
                wording::ROWS_AND.get(lang),
                &[&rest.join(wording::LIST_SEP.get(lang)), last],
            ),
            _ => n.join(""),
        };
        crate::words::fill(wording::ACTIONS_N.get(lang), &[&list])
    };
    Text {
        en: side(Language::En),
        zh: side(Language::ZhTw),
    }
}

/// Whether the team set this finding aside: every key it covers is dismissed.
pub fn is_dismissed(doc: &Postmortem, finding: &Finding) -> bool {
    finding
        .keys
        .iter()
        .all(|k| doc.dismissed.iter().any(|d| d.finding == *k))
}

/// How many open (not dismissed) findings of each level there are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Open problems.
    pub problems: usize,
    /// Open suggestions.
    pub suggestions: usize,
}

impl Counts {
    /// The review's heading: "Review: 3 problems, 2 suggestions".
    pub fn heading(&self) -> Text {
        let n = |count: usize, one: Words, many: Words| {
            Text::new(if count == 1 { one } else { many }, &[&count.to_string()])
        };
        Text::with(
            wording::HEADING,
            &[
                &n(self.problems, wording::ONE_PROBLEM, wording::PROBLEMS),
                &n(
                    self.suggestions,
                    wording::ONE_SUGGESTION,
                    wording::SUGGESTIONS,
                ),
            ],
        )
    }
}

/// Counts the open findings.
pub fn counts(findings: &[Finding], doc: &Postmortem) -> Counts {
    let mut c = Counts::default();
    for f in findings.iter().filter(|f| !is_dismissed(doc, f)) {
        match f.level {
            Level::Problem => c.problems += 1,
            Level::Suggestion => c.suggestions += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::audit;

    #[test]
    fn every_word_of_the_review_is_written_in_both_languages() {
        let levels = [Level::Problem, Level::Suggestion].map(|l| ("level", l.words()));
        let sources = Check::all().filter_map(|c| c.source().map(|s| (c.id(), s)));
        let all = wording::ALL.iter().copied().chain(levels).chain(sources);
        assert_eq!(audit(all), Vec::<String>::new());
    }

    #[test]
    fn a_finding_names_no_book_its_check_names_it_once() {
        let books = ["Google", "PagerDuty", "Atlassian", "《SRE》", "手冊"];
        for (name, words) in wording::ALL {
            for b in books {
                assert!(!words.en.contains(b) && !words.zh.contains(b), "{name}");
            }
        }
        for id in ["blame-language", "action-no-tracking", "timeline-order"] {
            let c = Check::from_id(id).expect("a check");
            assert!(c.source().is_some(), "{id}");
        }
    }
}
