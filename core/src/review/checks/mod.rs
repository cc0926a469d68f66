//! The checks of the review (`docs/review.md`): one row of [`CHECKS`] and one function each.
//!
//! A row says everything about a check but how it looks: its id, its title in both
//! languages, its default level, whether it can find several things, the sections it reads
//! and the sections it points into, and its function. The function only looks: it pushes
//! findings through [`Cx::finding`], at the row's level unless `docs/review.md` lowers one
//! ([`Finding::at`]). Adding a check is adding a row and a function.

mod actions;
mod causes;
mod document;
mod language;
mod others;
mod timeline;

use std::cell::OnceCell;

use crate::document::{ActionItem, Language, Postmortem, TimelineEvent};
use crate::fields::{Field, FieldId, Kind, ACTION_FIELDS, EVENT_FIELDS};
use crate::sections::SectionId;
use crate::time::{days_from_civil, parse_date};
use crate::words::{fill, w, Text, Words};

use super::scan::People;
use super::wording as say;
use super::{Finding, Level, NoticeScan, OtherDraft, Target};

pub use causes::listed_people;
pub use document::has_content;
pub use language::NARRATIVE;
pub use timeline::{rows_out_of_order, timeline_order, OrderIssue};

/// One check of the review, a handle on its row of [`CHECKS`]; checks compare and sort in
/// the table's order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Check(u8);

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// How a check runs, and so what it reads beyond the document and today's date.
pub enum Run {
    /// The document alone: run section by section, so the app can memoize each.
    Document(fn(&Cx<'_>, &mut Vec<Finding>)),
    /// The other drafts too.
    OtherDrafts(fn(Check, &Postmortem, &[OtherDraft<'_>]) -> Vec<Finding>),
    /// What the redaction pass finds in the Customer notice.
    Redaction(fn(Check, &Postmortem, NoticeScan<'_>) -> Vec<Finding>),
}

/// A row of the table of checks.
pub struct CheckDef {
    /// The id of `docs/review.md`, which also starts every dismissal key.
    pub id: &'static str,
    /// The title every finding starts with, in both languages.
    pub title: Words,
    /// The level of its findings, unless the function lowers one.
    pub level: Level,
    /// Whether it can find several things, so a dismissal key names the target.
    pub repeats: bool,
    /// The sections whose content it reads (the template and today's date aside).
    pub reads: &'static [SectionId],
    /// The sections its findings point into.
    pub targets: &'static [SectionId],
    /// What it runs.
    pub run: Run,
}

use Level::{Problem, Suggestion};
use SectionId as S;

const ALL: &[SectionId] = &SectionId::ALL;
const ACTIONS: &[SectionId] = &[S::ActionItems];
const TIMELINE: &[SectionId] = &[S::Timeline];

// Each argument is a column of the table; a builder would only spell them twice.
const fn row(
    id: &'static str,
    title: Words,
    level: Level,
    repeats: bool,
    reads: &'static [SectionId],
    targets: &'static [SectionId],
    run: Run,
) -> CheckDef {
    CheckDef {
        id,
        title,
        level,
        repeats,
        reads,
        targets,
        run,
    }
}

/// Every check, in the order of `docs/review.md` (and of the findings within a section).
/// Each required-empty finding reads only its own section; blame-language reads every
/// narrative field and the names listed in Header, Response and Action items;
/// notice-internal-details reads what the injected redaction reads; repeat-open-actions
/// also reads the other drafts' Header and Action items.
#[rustfmt::skip]
pub static CHECKS: &[CheckDef] = &[
    row("required-empty", w("Required section is empty", "必填段落尚未填寫"),
        Problem, true, ALL, ALL, Run::Document(document::required_empty)),
    row("impact-no-numbers", w("Impact has no numbers", "影響沒有量化"),
        Problem, false, &[S::Impact], &[S::Impact], Run::Document(document::impact_no_numbers)),
    row("timeline-missing-event", w("Timeline lacks a key event", "時間軸缺少關鍵事件"),
        Suggestion, false, TIMELINE, TIMELINE, Run::Document(timeline::missing_event)),
    // Detected before Impact started is possible (a canary): that pair is a suggestion.
    row("timeline-order", w("Timeline events are in an impossible order", "時間軸順序不合理"),
        Problem, true, TIMELINE, TIMELINE, Run::Document(timeline::order)),
    // A suggestion where the template does not require Detection.
    row("detection-missing", w("Detection is not explained", "未說明如何發現"),
        Problem, false, &[S::Detection], &[S::Detection], Run::Document(document::detection_missing)),
    row("root-cause-person", w("Root cause blames a person", "根本原因歸咎於個人"),
        Problem, true, &[S::Header, S::Causes, S::Response, S::ActionItems], &[S::Causes],
        Run::Document(causes::root_cause_person)),
    row("root-cause-shallow", w("Root cause may not be deep enough", "根本原因可能不夠深入"),
        Suggestion, false, &[S::Causes], &[S::Causes], Run::Document(causes::root_cause_shallow)),
    row("blame-language", w("Blaming language", "責怪性的用語"),
        Problem, true, ALL, ALL, Run::Document(language::blame)),
    row("emotional-language", w("Emotional language", "情緒性的用語"),
        Suggestion, true, ALL, ALL, Run::Document(language::emotional)),
    row("action-missing", w("No action items", "沒有行動項目"),
        Problem, false, ACTIONS, ACTIONS, Run::Document(actions::missing)),
    row("action-no-owner", w("Action item has no owner", "行動項目沒有負責人"),
        Problem, true, ACTIONS, ACTIONS, Run::Document(actions::no_owner)),
    row("action-no-due", w("Action item has no due date", "行動項目沒有期限"),
        Problem, true, ACTIONS, ACTIONS, Run::Document(actions::no_due)),
    row("action-no-tracking", w("Action item has no tracking link", "行動項目沒有追蹤連結"),
        Suggestion, true, ACTIONS, ACTIONS, Run::Document(actions::no_tracking)),
    // Reads Root causes too: with the cause unknown, "Investigate why" is no vague action.
    row("action-vague", w("Action item is vague", "行動項目不夠具體"),
        Suggestion, true, &[S::ActionItems, S::Causes], ACTIONS, Run::Document(actions::vague)),
    row("no-prevent-action", w("No action prevents a recurrence", "沒有防止再發生的行動"),
        Problem, false, ACTIONS, ACTIONS, Run::Document(actions::no_prevent)),
    row("same-priority", w("Every action item has the same priority", "行動項目的優先順序都一樣"),
        Suggestion, false, ACTIONS, ACTIONS, Run::Document(actions::same_priority)),
    row("action-overdue", w("Action item is overdue", "行動項目已逾期"),
        Problem, true, ACTIONS, ACTIONS, Run::Document(actions::overdue)),
    row("review-late", w("Review meeting is late", "檢討會議太晚"),
        Suggestion, false, &[S::Header], &[S::Header], Run::Document(document::review_late)),
    row("no-customer-notice", w("Customers were affected but not told", "客戶受到影響卻沒有公告"),
        Problem, false, &[S::Impact, S::Communication], &[S::Communication],
        Run::Document(document::no_customer_notice)),
    row("data-exposed-not-notified", w("Data was exposed but nobody was notified", "資料外洩卻沒有通知"),
        Problem, false, &[S::Impact, S::Communication], &[S::Impact, S::Communication],
        Run::Document(document::data_exposed_not_notified)),
    row("notice-internal-details", w("Customer notice shows internal details", "客戶公告含有內部細節"),
        Problem, false, ALL, &[S::Communication], Run::Redaction(others::notice_internal_details)),
    // A suggestion when the other draft only shares a tag.
    row("repeat-open-actions", w("An earlier incident with the same cause still has open actions", "先前相同原因的事件仍有未完成的行動"),
        Problem, true, &[S::Header, S::Causes], &[S::Causes], Run::OtherDrafts(others::repeat_open_actions)),
    row("placeholder-text", w("Placeholder text left in", "留有範本佔位文字"),
        Problem, true, ALL, ALL, Run::Document(document::placeholder_text)),
    row("title-empty", w("The report has no title", "報告沒有標題"),
        Problem, false, &[S::Header], &[S::Header], Run::Document(document::title_empty)),
    // A suggestion when an action item is about finding the cause.
    row("root-cause-unknown", w("Root cause not found", "尚未找出根本原因"),
        Problem, false, &[S::Causes, S::ActionItems], &[S::Causes], Run::Document(causes::root_cause_unknown)),
];

/// The checks whose findings on several action items [`super::group`] makes one, with the
/// words of the group's message (`{0}` is "Action items 2, 3 and 5").
static GROUPS: &[(&str, Words)] = &[
    ("action-no-owner", say::GROUP_NO_OWNER),
    ("action-no-due", say::GROUP_NO_DUE),
    ("action-no-tracking", say::GROUP_NO_TRACKING),
    ("action-vague", say::GROUP_VAGUE),
    ("action-overdue", say::GROUP_OVERDUE),
];

/// The words of a group of `check`'s findings, when it groups.
pub(super) fn group_words(check: Check) -> Option<Words> {
    GROUPS
        .iter()
        .find(|(id, _)| *id == check.id())
        .map(|(_, w)| *w)
}

impl Check {
    /// Every check, in the table's order.
    pub fn all() -> impl Iterator<Item = Check> + Clone {
        (0..CHECKS.len()).map(|i| Check(i as u8))
    }

    /// The check with this id.
    pub fn from_id(id: &str) -> Option<Check> {
        Check::all().find(|c| c.id() == id)
    }

    /// Its row of [`CHECKS`].
    pub fn def(self) -> &'static CheckDef {
        &CHECKS[usize::from(self.0)]
    }

    /// The id of `docs/review.md`, which also starts every dismissal key.
    pub fn id(self) -> &'static str {
        self.def().id
    }

    /// The title every finding of this check starts with.
    pub fn title(self) -> Words {
        self.def().title
    }

    /// The level of its findings, unless its rule lowers one.
    pub fn level(self) -> Level {
        self.def().level
    }

    /// Whether the check can find several things, so its dismissal key names the target.
    pub fn repeats(self) -> bool {
        self.def().repeats
    }

    /// The sections whose content the check reads (the template and today's date aside).
    pub fn reads(self) -> &'static [SectionId] {
        self.def().reads
    }

    /// The sections its findings point into.
    pub fn targets(self) -> &'static [SectionId] {
        self.def().targets
    }

    /// Whether [`super::review_section`] runs it: all but those that look beyond the
    /// document.
    pub fn is_local(self) -> bool {
        matches!(self.def().run, Run::Document(_))
    }

    /// Where its rule comes from, said once in its detail rather than in every finding.
    pub fn source(self) -> Option<Words> {
        say::source(self.id())
    }

    /// Its place in the table.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// What one run of the checks over a section shares: the document, today, the check
/// running, and what several checks read (found once, and only when one needs it).
pub struct Cx<'a> {
    doc: &'a Postmortem,
    today: &'a str,
    section: SectionId,
    check: Check,
    people: &'a OnceCell<People>,
    narrative: &'a OnceCell<Vec<language::Scan>>,
}

impl Cx<'_> {
    fn people(&self) -> &People {
        self.people
            .get_or_init(|| People::new(causes::people_names(self.doc)))
    }

    /// A finding of the running check at its row's level, with the place first in the
    /// message and `args` after it.
    fn finding(&self, target: Target, words: Words, args: &[&Text]) -> Finding {
        finding(self.check, target, words, args)
    }
}

/// A finding of `check` at its row's level, with the place first in the message.
fn finding(check: Check, target: Target, words: Words, args: &[&Text]) -> Finding {
    let place = target.place();
    let mut all: Vec<&Text> = vec![&place];
    all.extend_from_slice(args);
    Finding::new(check, target, Text::with(words, &all))
}

/// Runs every local check that can point into `section`; the caller keeps the findings
/// that do.
pub(super) fn run_section(
    doc: &Postmortem,
    section: SectionId,
    today: &str,
    out: &mut Vec<Finding>,
) {
    let people = OnceCell::new();
    let narrative = OnceCell::new();
    for check in Check::all() {
        let Run::Document(run) = check.def().run else {
            continue;
        };
        if check.targets().contains(&section) {
            let cx = Cx {
                doc,
                today,
                section,
                check,
                people: &people,
                narrative: &narrative,
            };
            run(&cx, out);
        }
    }
}

/// The findings of the checks that look beyond the document: the other drafts, and what the
/// redaction pass finds.
pub(super) fn run_beyond(
    doc: &Postmortem,
    others: Option<&[OtherDraft<'_>]>,
    notice_scan: Option<NoticeScan<'_>>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for check in Check::all() {
        match (&check.def().run, others, notice_scan) {
            (Run::OtherDrafts(run), Some(others), _) => out.extend(run(check, doc, others)),
            (Run::Redaction(run), _, Some(scan)) => out.extend(run(check, doc, scan)),
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// What the checks share: quoting, lists, dates, blank rows.

/// How many phrases a finding quotes before it counts the rest.
const MAX_QUOTES: usize = 3;

/// Each text quoted in each language's quotation marks, joined as a list; past
/// [`MAX_QUOTES`] the rest are counted, so fixing what it quotes never leaves the user
/// wondering why a finding stays.
fn quotes<'a>(texts: impl IntoIterator<Item = &'a str>) -> Text {
    let texts: Vec<&str> = texts.into_iter().collect();
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
pub(super) fn and_list(items: &[Text]) -> Text {
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

/// Days since the epoch of a `YYYY-MM-DD` date.
fn days(date: &str) -> Option<i64> {
    parse_date(date).map(|(y, m, d)| days_from_civil(y, m, d))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::audit;

    #[test]
    fn every_check_is_one_row_with_a_unique_id_and_titles_in_both_languages() {
        let mut ids: Vec<&str> = CHECKS.iter().map(|d| d.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CHECKS.len(), "ids are unique");
        assert!(CHECKS.len() < usize::from(u8::MAX));
        let titles = CHECKS.iter().map(|d| (d.id, d.title));
        assert_eq!(audit(titles), Vec::<String>::new());
        for (k, c) in Check::all().enumerate() {
            assert_eq!(c.index(), k);
            assert_eq!(Check::from_id(c.id()), Some(c));
            assert!(!c.targets().is_empty() && !c.reads().is_empty(), "{c:?}");
        }
    }
}
