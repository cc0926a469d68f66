//! The review: plain, explainable checks of whether a postmortem will stop the incident from
//! happening again (`REVIEW.md`). Every check is a pure function of the document, today's
//! date and, for one check, the other drafts; both languages' phrase lists run on every
//! document.
//!
//! The app runs the review on every keystroke. To keep that cheap it can memoize per
//! section: [`review_section`] returns the findings about one section and reads only the
//! sections [`depends_on`] lists (and the template and today's date); [`review_others`] and
//! [`review_notice`] add the two checks that look beyond the document. Concatenated and put
//! in order by [`sort_findings`], the parts equal [`review`].
//!
//! ```
//! use hindsight_core::{chatgpt_2023_03_20, review, Level};
//!
//! let doc = chatgpt_2023_03_20();
//! let findings = review(&doc, "2026-01-01", &[]);
//! assert!(findings.iter().all(|f| f.level == Level::Suggestion));
//! ```

mod checks;
pub mod phrases;
mod scan;
pub mod wording;

use crate::document::{Dismissal, Language, Postmortem};
use crate::fields::{FieldId, Kind};
use crate::sections::SectionId;
use crate::words::{w, Text, Words};

pub use checks::{listed_people, rows_out_of_order, timeline_order, OrderIssue, NARRATIVE};

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

/// One check of `REVIEW.md`, in the order of its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Check {
    /// A section the template requires has no content.
    RequiredEmpty,
    /// Impact holds no number at all.
    ImpactNoNumbers,
    /// No Impact started, Detected or Resolved event.
    TimelineMissingEvent,
    /// Events in an impossible order.
    TimelineOrder,
    /// Detected by or the Detection text is missing.
    DetectionMissing,
    /// Trigger or Root causes blame a person or "human error".
    RootCausePerson,
    /// Root causes without at least three whys.
    RootCauseShallow,
    /// Hindsight or blame in a narrative field.
    BlameLanguage,
    /// Emotional words in a narrative field.
    EmotionalLanguage,
    /// No action item at all.
    ActionMissing,
    /// An action item without an owner.
    ActionNoOwner,
    /// An open action item without a due date.
    ActionNoDue,
    /// An action item without a tracking link.
    ActionNoTracking,
    /// An action item that is a direction or asks people to be better.
    ActionVague,
    /// No action item of type Prevent.
    NoPreventAction,
    /// Three or more action items, all of one priority.
    SamePriority,
    /// An open action item past its due date.
    ActionOverdue,
    /// The review meeting is late or missing.
    ReviewLate,
    /// Customers were affected and not told.
    NoCustomerNotice,
    /// Data was exposed and nobody was notified.
    DataExposedNotNotified,
    /// The customer notice shows internal details.
    NoticeInternalDetails,
    /// An earlier incident with the same cause still has open actions.
    RepeatOpenActions,
}

const ALL_SECTIONS: &[SectionId] = &SectionId::ALL;
/// Where the names of the people a document lists come from.
const PEOPLE_SECTIONS: &[SectionId] = &[
    SectionId::Header,
    SectionId::Response,
    SectionId::ActionItems,
];

impl Check {
    /// Every check, in the order of `REVIEW.md` (and of the findings within a section).
    pub const ALL: &'static [Check] = &[
        Check::RequiredEmpty,
        Check::ImpactNoNumbers,
        Check::TimelineMissingEvent,
        Check::TimelineOrder,
        Check::DetectionMissing,
        Check::RootCausePerson,
        Check::RootCauseShallow,
        Check::BlameLanguage,
        Check::EmotionalLanguage,
        Check::ActionMissing,
        Check::ActionNoOwner,
        Check::ActionNoDue,
        Check::ActionNoTracking,
        Check::ActionVague,
        Check::NoPreventAction,
        Check::SamePriority,
        Check::ActionOverdue,
        Check::ReviewLate,
        Check::NoCustomerNotice,
        Check::DataExposedNotNotified,
        Check::NoticeInternalDetails,
        Check::RepeatOpenActions,
    ];

    /// The id of `REVIEW.md`, which also starts every dismissal key.
    pub fn id(self) -> &'static str {
        match self {
            Check::RequiredEmpty => "required-empty",
            Check::ImpactNoNumbers => "impact-no-numbers",
            Check::TimelineMissingEvent => "timeline-missing-event",
            Check::TimelineOrder => "timeline-order",
            Check::DetectionMissing => "detection-missing",
            Check::RootCausePerson => "root-cause-person",
            Check::RootCauseShallow => "root-cause-shallow",
            Check::BlameLanguage => "blame-language",
            Check::EmotionalLanguage => "emotional-language",
            Check::ActionMissing => "action-missing",
            Check::ActionNoOwner => "action-no-owner",
            Check::ActionNoDue => "action-no-due",
            Check::ActionNoTracking => "action-no-tracking",
            Check::ActionVague => "action-vague",
            Check::NoPreventAction => "no-prevent-action",
            Check::SamePriority => "same-priority",
            Check::ActionOverdue => "action-overdue",
            Check::ReviewLate => "review-late",
            Check::NoCustomerNotice => "no-customer-notice",
            Check::DataExposedNotNotified => "data-exposed-not-notified",
            Check::NoticeInternalDetails => "notice-internal-details",
            Check::RepeatOpenActions => "repeat-open-actions",
        }
    }

    /// The check with this id.
    pub fn from_id(id: &str) -> Option<Check> {
        Check::ALL.iter().copied().find(|c| c.id() == id)
    }

    /// The title every finding of this check starts with, exactly as `REVIEW.md` writes it.
    pub fn title(self) -> Words {
        match self {
            Check::RequiredEmpty => w("Required section is empty", "必填段落尚未填寫"),
            Check::ImpactNoNumbers => w("Impact has no numbers", "影響沒有量化"),
            Check::TimelineMissingEvent => w("Timeline lacks a key event", "時間軸缺少關鍵事件"),
            Check::TimelineOrder => w(
                "Timeline events are in an impossible order",
                "時間軸順序不合理",
            ),
            Check::DetectionMissing => w("Detection is not explained", "未說明如何發現"),
            Check::RootCausePerson => w("Root cause blames a person", "根本原因歸咎於個人"),
            Check::RootCauseShallow => {
                w("Root cause may not be deep enough", "根本原因可能不夠深入")
            }
            Check::BlameLanguage => w("Blaming language", "責怪性的用語"),
            Check::EmotionalLanguage => w("Emotional language", "情緒性的用語"),
            Check::ActionMissing => w("No action items", "沒有行動項目"),
            Check::ActionNoOwner => w("Action item has no owner", "行動項目沒有負責人"),
            Check::ActionNoDue => w("Action item has no due date", "行動項目沒有期限"),
            Check::ActionNoTracking => {
                w("Action item has no tracking link", "行動項目沒有追蹤連結")
            }
            Check::ActionVague => w("Action item is vague", "行動項目不夠具體"),
            Check::NoPreventAction => w("No action prevents a recurrence", "沒有防止再發生的行動"),
            Check::SamePriority => w(
                "Every action item has the same priority",
                "行動項目的優先順序都一樣",
            ),
            Check::ActionOverdue => w("Action item is overdue", "行動項目已逾期"),
            Check::ReviewLate => w("Review meeting is late", "檢討會議太晚"),
            Check::NoCustomerNotice => w(
                "Customers were affected but not told",
                "客戶受到影響卻沒有公告",
            ),
            Check::DataExposedNotNotified => w(
                "Data was exposed but nobody was notified",
                "資料外洩卻沒有通知",
            ),
            Check::NoticeInternalDetails => w(
                "Customer notice shows internal details",
                "客戶公告含有內部細節",
            ),
            Check::RepeatOpenActions => w(
                "An earlier incident with the same cause still has open actions",
                "先前相同原因的事件仍有未完成的行動",
            ),
        }
    }

    /// The level of its findings; three checks lower some findings to a suggestion
    /// (timeline-order for Detected before Impact started, detection-missing where the
    /// template does not require Detection, repeat-open-actions for a shared tag).
    pub fn level(self) -> Level {
        match self {
            Check::TimelineMissingEvent
            | Check::RootCauseShallow
            | Check::EmotionalLanguage
            | Check::ActionNoTracking
            | Check::ActionVague
            | Check::SamePriority
            | Check::ReviewLate => Level::Suggestion,
            _ => Level::Problem,
        }
    }

    /// Whether the check can find several things, so its dismissal key names the target.
    pub fn repeats(self) -> bool {
        matches!(
            self,
            Check::RequiredEmpty
                | Check::TimelineOrder
                | Check::RootCausePerson
                | Check::BlameLanguage
                | Check::EmotionalLanguage
                | Check::ActionNoOwner
                | Check::ActionNoDue
                | Check::ActionNoTracking
                | Check::ActionVague
                | Check::ActionOverdue
                | Check::RepeatOpenActions
        )
    }

    /// The sections whose content the check reads (the template and today's date aside).
    /// Each required-empty finding reads only its own section; blame-language reads every
    /// narrative field and the names listed in Header, Response and Action items;
    /// notice-internal-details reads what the injected redaction reads; repeat-open-actions
    /// also reads the other drafts' Header and Action items.
    pub fn reads(self) -> &'static [SectionId] {
        use SectionId as S;
        match self {
            Check::RequiredEmpty | Check::BlameLanguage | Check::EmotionalLanguage => ALL_SECTIONS,
            Check::NoticeInternalDetails => ALL_SECTIONS,
            Check::ImpactNoNumbers => &[S::Impact],
            Check::TimelineMissingEvent | Check::TimelineOrder => &[S::Timeline],
            Check::DetectionMissing => &[S::Detection],
            Check::RootCausePerson => &[S::Header, S::Causes, S::Response, S::ActionItems],
            Check::RootCauseShallow => &[S::Causes],
            Check::ActionMissing
            | Check::ActionNoOwner
            | Check::ActionNoDue
            | Check::ActionNoTracking
            | Check::ActionVague
            | Check::NoPreventAction
            | Check::SamePriority
            | Check::ActionOverdue => &[S::ActionItems],
            Check::ReviewLate => &[S::Header],
            Check::NoCustomerNotice | Check::DataExposedNotNotified => {
                &[S::Impact, S::Communication]
            }
            Check::RepeatOpenActions => &[S::Header, S::Causes],
        }
    }

    /// The sections its findings point into.
    pub fn targets(self) -> &'static [SectionId] {
        use SectionId as S;
        match self {
            Check::RequiredEmpty | Check::BlameLanguage | Check::EmotionalLanguage => ALL_SECTIONS,
            Check::ImpactNoNumbers => &[S::Impact],
            Check::TimelineMissingEvent | Check::TimelineOrder => &[S::Timeline],
            Check::DetectionMissing => &[S::Detection],
            Check::RootCausePerson | Check::RootCauseShallow | Check::RepeatOpenActions => {
                &[S::Causes]
            }
            Check::ActionMissing
            | Check::ActionNoOwner
            | Check::ActionNoDue
            | Check::ActionNoTracking
            | Check::ActionVague
            | Check::NoPreventAction
            | Check::SamePriority
            | Check::ActionOverdue => &[S::ActionItems],
            Check::ReviewLate => &[S::Header],
            Check::NoCustomerNotice | Check::NoticeInternalDetails => &[S::Communication],
            Check::DataExposedNotNotified => &[S::Impact, S::Communication],
        }
    }

    /// Whether [`review_section`] runs it: all but the two that look beyond the document.
    pub fn is_local(self) -> bool {
        !matches!(
            self,
            Check::RepeatOpenActions | Check::NoticeInternalDetails
        )
    }

    fn index(self) -> usize {
        self as usize
    }
}

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
}

impl Finding {
    pub(crate) fn new(check: Check, level: Level, target: Target, message: Text) -> Self {
        let key = if check.repeats() {
            format!("{}@{}", check.id(), target.key())
        } else {
            check.id().to_owned()
        };
        Self {
            check,
            level,
            target,
            message,
            key,
            related: None,
        }
    }

    /// The title, in `lang`.
    pub fn title(&self, lang: Language) -> &'static str {
        self.check.title().get(lang)
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

/// [`review`] with the redaction pass that notice-internal-details uses.
pub fn review_with(
    doc: &Postmortem,
    today: &str,
    others: &[OtherDraft<'_>],
    notice_scan: NoticeScan<'_>,
) -> Vec<Finding> {
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
    crate::sort::sort(&mut sections);
    sections.dedup();
    sections
}

/// repeat-open-actions: earlier incidents named in Recurrence, or sharing a tag, whose
/// action items are not all done.
pub fn review_others(doc: &Postmortem, others: &[OtherDraft<'_>]) -> Vec<Finding> {
    checks::repeat_open_actions(doc, others)
}

/// notice-internal-details, with the redaction pass given.
pub fn review_notice(doc: &Postmortem, notice_scan: NoticeScan<'_>) -> Vec<Finding> {
    checks::notice_internal_details(doc, notice_scan)
}

/// Puts findings in the review's order: by the section they point into, then by check, and
/// otherwise as found (fields and rows in form order).
pub fn sort_findings(findings: &mut [Finding]) {
    // Stable, and each key is computed once: a row's section comes from the field table.
    crate::sort::sort_by_key(findings, |f| (f.target.section().index(), f.check.index()));
}

/// Whether the team set this finding aside.
pub fn is_dismissed(doc: &Postmortem, finding: &Finding) -> bool {
    doc.dismissed.iter().any(|d| d.finding == finding.key)
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
        let titles = Check::ALL.iter().map(|c| (c.id(), c.title()));
        let levels = [Level::Problem, Level::Suggestion].map(|l| ("level", l.words()));
        let all = wording::ALL.iter().copied().chain(titles).chain(levels);
        assert_eq!(audit(all), Vec::<String>::new());
    }

    #[test]
    fn ids_follow_the_declaration_order() {
        for (k, c) in Check::ALL.iter().enumerate() {
            assert_eq!(c.index(), k);
            assert_eq!(Check::from_id(c.id()), Some(*c));
        }
    }
}
