//! Open action items (未完成的行動項目) across every draft: filtered, grouped by owner or by
//! due week, overdue first; and marking one done in its draft.

use std::collections::HashMap;

use super::index::{short, OpenAction, Summary};
use super::words as t;
use crate::document::{ActionType, Language, Postmortem, Priority, Severity, Status};
use crate::time::{civil_from_days, days_from_civil, parse_date};
use crate::words::Text;

/// Which drafts and items the overview shows; `None` shows all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Drafts with this tag (case-insensitive).
    pub tag: Option<String>,
    /// Drafts of this severity.
    pub severity: Option<Severity>,
    /// Drafts in this status.
    pub status: Option<Status>,
    /// Items of this owner (case and spacing ignored); `Some("")` shows the unassigned ones.
    pub owner: Option<String>,
}

impl Filters {
    /// Whether a draft passes the draft-level filters (tag, severity, status).
    pub fn admits(&self, summary: &Summary) -> bool {
        self.tag.as_ref().is_none_or(|tag| {
            let tag = owner_key(tag);
            summary.tags.iter().any(|t| owner_key(t) == tag)
        }) && self.severity.is_none_or(|s| summary.severity == Some(s))
            && self.status.is_none_or(|s| summary.status == s)
    }

    fn admits_owner(&self, owner: &str) -> bool {
        self.owner
            .as_ref()
            .is_none_or(|wanted| owner_key(wanted) == owner_key(owner))
    }
}

/// How the open items are grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Grouping {
    /// One group per owner, the unassigned together.
    #[default]
    Owner,
    /// One group per week of the due date (weeks start on Monday), undated last.
    DueWeek,
}

/// What a group gathers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GroupKey {
    /// The items of one owner, as first written in the list.
    Owner(String),
    /// The items with no owner.
    Unassigned,
    /// The items due in the week starting on this Monday, `YYYY-MM-DD`.
    Week(String),
    /// The items with no due date (or one that is not a date).
    NoDueDate,
}

impl GroupKey {
    /// The group's heading in `lang`.
    pub fn label(&self, lang: Language) -> String {
        match self {
            GroupKey::Owner(name) => name.clone(),
            GroupKey::Unassigned => t::UNASSIGNED.get(lang).to_owned(),
            GroupKey::Week(monday) => t::WEEK_OF.fill(lang, &[monday]),
            GroupKey::NoDueDate => t::NO_DUE_DATE.get(lang).to_owned(),
        }
    }
}

/// One open action item, with what the overview shows of its draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The draft's id (or folder id): the link to its draft.
    pub draft_id: String,
    /// The draft's title as typed.
    pub draft_title: String,
    /// The draft's Incident ID.
    pub incident_id: String,
    /// The draft's severity.
    pub severity: Option<Severity>,
    /// The draft's status.
    pub status: Status,
    /// Whether the draft cannot be written (newer version, or from a folder): no Mark done.
    pub read_only: bool,
    /// Whether the draft comes from an opened folder.
    pub from_folder: bool,
    /// The item's row in its draft, counted from 0: the link to its row.
    pub index: usize,
    /// What will be done.
    pub action: String,
    /// Who will do it.
    pub owner: String,
    /// When it is due, as typed.
    pub due_date: String,
    /// How urgent it is.
    pub priority: Option<Priority>,
    /// What it is for.
    pub kind: Option<ActionType>,
    /// The ticket that tracks it.
    pub tracking_link: String,
    /// Whether it is past its due date.
    pub overdue: bool,
}

/// One group of open items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// What it gathers.
    pub key: GroupKey,
    /// Its items, overdue first, then by due date, priority, draft and row.
    pub items: Vec<Item>,
    /// How many of them are overdue.
    pub overdue: usize,
}

/// The overview's open items.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenItems {
    /// The groups: those with overdue items first, then by earliest due date.
    pub groups: Vec<Group>,
    /// How many items in all.
    pub total: usize,
    /// How many of them are overdue.
    pub overdue: usize,
}

impl OpenItems {
    /// "12 open, 3 overdue" in `lang`.
    pub fn counts_text(&self, lang: Language) -> String {
        t::OPEN_COUNTS.fill(lang, &[&self.total.to_string(), &self.overdue.to_string()])
    }
}

/// The owner as compared: case and runs of spaces ignored.
fn owner_key(owner: &str) -> String {
    owner
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The Monday of the week of a `YYYY-MM-DD` date, `YYYY-MM-DD`.
fn week_of(date: &str) -> Option<String> {
    let (y, m, d) = parse_date(date)?;
    let days = days_from_civil(y, m, d);
    // 1970-01-01 was a Thursday: three days after a Monday.
    let monday = days - (days + 3).rem_euclid(7);
    let (y, m, d) = civil_from_days(monday);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// A valid due date, for ordering; typed text that is not a date orders as none.
fn due_key(action: &OpenAction) -> Option<&str> {
    parse_date(&action.due_date).map(|_| action.due_date.trim())
}

/// Every open action item of the drafts that pass `filters`, grouped, overdue first.
/// `today` is the local date, `YYYY-MM-DD`.
pub fn open_items(
    summaries: &[Summary],
    filters: &Filters,
    grouping: Grouping,
    today: &str,
) -> OpenItems {
    let mut items: Vec<(&Summary, &OpenAction, bool)> = summaries
        .iter()
        .filter(|s| filters.admits(s))
        .flat_map(|s| s.open_actions.iter().map(move |a| (s, a)))
        .filter(|(_, a)| filters.admits_owner(&a.owner))
        .map(|(s, a)| (s, a, a.is_overdue(today)))
        .collect();
    // Fully keyed, so the order does not depend on the order of the summaries.
    crate::sort::sort_by(&mut items, |(sa, a, oa), (sb, b, ob)| {
        ob.cmp(oa)
            .then_with(|| match (due_key(a), due_key(b)) {
                (Some(x), Some(y)) => x.cmp(y),
                (x, y) => y.is_some().cmp(&x.is_some()),
            })
            // Unset priorities come after every set one.
            .then_with(|| priority_rank(a.priority).cmp(&priority_rank(b.priority)))
            .then_with(|| sa.id.cmp(&sb.id))
            .then_with(|| a.index.cmp(&b.index))
    });
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut overdue = 0;
    for (s, a, is_overdue) in &items {
        let (lookup, key) = match grouping {
            Grouping::Owner => match owner_key(&a.owner) {
                k if k.is_empty() => (String::new(), GroupKey::Unassigned),
                k => (k, GroupKey::Owner(a.owner.trim().to_owned())),
            },
            Grouping::DueWeek => match week_of(&a.due_date) {
                Some(monday) => (monday.clone(), GroupKey::Week(monday)),
                None => (String::new(), GroupKey::NoDueDate),
            },
        };
        let at = *by_key.entry(lookup).or_insert_with(|| {
            groups.push(Group {
                key,
                items: Vec::new(),
                overdue: 0,
            });
            groups.len() - 1
        });
        let group = &mut groups[at];
        group.overdue += usize::from(*is_overdue);
        overdue += usize::from(*is_overdue);
        group.items.push(Item {
            draft_id: s.id.clone(),
            draft_title: s.title.clone(),
            incident_id: s.incident_id.clone(),
            severity: s.severity,
            status: s.status,
            read_only: s.read_only || s.is_from_folder(),
            from_folder: s.is_from_folder(),
            index: a.index,
            action: a.action.clone(),
            owner: a.owner.clone(),
            due_date: a.due_date.clone(),
            priority: a.priority,
            kind: a.kind,
            tracking_link: a.tracking_link.clone(),
            overdue: *is_overdue,
        });
    }
    // Groups are made in item order, so each is placed by its most urgent item: groups
    // with overdue items first, then by earliest due date, as the items themselves.
    OpenItems {
        total: items.len(),
        overdue,
        groups,
    }
}

/// What marking an item done (or, to undo that, not done) did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marked {
    /// The item at this row is now done.
    Done(usize),
    /// The item at this row was done already; nothing changed.
    AlreadyDone(usize),
    /// The item at this row is not done any more (Mark done undone).
    Reopened(usize),
    /// The item at this row was not done already; nothing changed.
    AlreadyOpen(usize),
}

impl Marked {
    /// Whether the draft changed.
    pub fn changed(self) -> bool {
        matches!(self, Marked::Done(_) | Marked::Reopened(_))
    }

    /// The row of the item it concerned.
    pub fn row(self) -> usize {
        match self {
            Marked::Done(at) | Marked::AlreadyDone(at) | Marked::Reopened(at) => at,
            Marked::AlreadyOpen(at) => at,
        }
    }
}

/// Marks done the action item the overview listed at row `index` with text `action`.
///
/// The overview may be older than the draft (another tab may have moved or removed rows),
/// so the row is checked first: when it no longer holds that text, the one undone item
/// with exactly that text is marked instead; when there is none, or more than one, nothing
/// changes and the error says why. Call it on the draft as stored now, then write it with
/// the editor's revision check.
pub fn mark_done(doc: &mut Postmortem, index: usize, action: &str) -> Result<Marked, Text> {
    set_done(doc, index, action, true)
}

/// Marks not done again the action item at row `index` with text `action`: the Undo of
/// [`mark_done`], which found the row the same way (its row, else the one done item with
/// that text).
pub fn mark_not_done(doc: &mut Postmortem, index: usize, action: &str) -> Result<Marked, Text> {
    set_done(doc, index, action, false)
}

/// Sets the action item listed at row `index` with text `action` done or not.
fn set_done(doc: &mut Postmortem, index: usize, action: &str, done: bool) -> Result<Marked, Text> {
    let same = |text: &str| short(text) == action;
    let at = match doc.action_items.get(index) {
        Some(item) if same(&item.action) => Some(index),
        _ => {
            let mut candidates = doc
                .action_items
                .iter()
                .enumerate()
                .filter(|(_, a)| a.done != done && same(&a.action))
                .map(|(i, _)| i);
            match (candidates.next(), candidates.next()) {
                (Some(i), None) => Some(i),
                _ => None,
            }
        }
    };
    let Some(at) = at else {
        return Err(Text::from(t::ROW_GONE));
    };
    let item = &mut doc.action_items[at];
    let unchanged = item.done == done;
    item.done = done;
    Ok(match (done, unchanged) {
        (true, false) => Marked::Done(at),
        (true, true) => Marked::AlreadyDone(at),
        (false, false) => Marked::Reopened(at),
        (false, true) => Marked::AlreadyOpen(at),
    })
}
/// Where a priority sorts: P0 first, unset last.
fn priority_rank(p: Option<Priority>) -> u8 {
    p.map_or(u8::MAX, |p| p as u8)
}
