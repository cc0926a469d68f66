//! A three-way merge of documents, field by field: two copies of one postmortem edited
//! apart (two branches of a team's repository, two tabs) put back together against the copy
//! both started from.
//!
//! The rules, for every field of the field table ([`DOC_FIELDS`]) and for the template, the
//! customer version's own words and the dismissals:
//!
//! - changed on one side only: that side's value;
//! - changed on both sides to the same value: that value;
//! - changed on both sides to different values: a [`Conflict`], holding the base's text and
//!   both sides' texts; the merged document keeps mine until [`Merged::resolve`] says
//!   otherwise. Nothing is lost either way.
//!
//! Lists merge row by row where the rows can be told apart. Timeline events and action
//! items are matched across the three copies first by being equal, then by the identifying
//! fields they still share (time, text, link; action, owner, due date, tracking link: a row
//! edited on one side still matches its base row by the fields that did not change). List
//! entries (Five whys, the lessons, authors, reviewers, tags) are matched by being equal, and
//! an entry replaced in place (the same number of entries between the same neighbours) is
//! an edit of it. Then a row added on one side is added, a row removed on one side and left
//! alone on the other is removed, a row edited on one side takes the edit, and the same
//! field of the same row edited on both sides is a conflict of that row's field. A row
//! removed on one side and edited on the other is a conflict of the whole row. When the rows
//! cannot be told apart (two rows share the evidence of one, or identical rows of the base
//! changed) and both sides changed the list, the whole list is one conflict.
//!
//! The merged list keeps mine's order, unless only theirs reordered the rows both kept; rows
//! added by the other side follow the row they follow there.
//!
//! Dismissals merge as a set keyed by finding, with each reason merged as a field. A
//! dismissal of a row (`action-no-owner@action:2`) follows its row, wherever the merge puts
//! it, and goes with it when the row goes. The customer version's own texts merge as fields;
//! its "let through" and "always redact" lists as sets.

use crate::choice::Choice;
use crate::customer::Part;
use crate::document::{ActionItem, Dismissal, Language, Postmortem, TimelineEvent};
use crate::fields::{Access, Field, FieldId, Kind, ACTION_FIELDS, DOC_FIELDS, EVENT_FIELDS};
use crate::review::Target;
use crate::sections::SectionId;
use crate::words::{Text, Words};

/// The merge's own words.
pub mod words {
    crate::words_table! {
        REMOVED = ("(removed)", "（已刪除）");
        TEMPLATE = ("Template", "範本");
        CUSTOMER_PART = ("Customer version: {0}", "對外版本：{0}");
        DISMISSAL = ("Dismissed finding {0}", "已略過的發現 {0}");
        ROW_FIELD = ("{0}: {1}", "{0}：{1}");
        LISTED = ("Listed in the customer version", "列在對外版本");
        NOT_LISTED = ("Left out of the customer version", "不列在對外版本");
        BY_TYPE = ("Listed by its type", "依類型決定是否列出");
    }
}

/// Which side of a conflict to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Side {
    /// This copy's value (the merged document holds it until resolved).
    #[default]
    Mine,
    /// The other copy's value.
    Theirs,
}

/// A list of the document that merges row by row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum List {
    /// The timeline's events.
    Timeline,
    /// The action items.
    ActionItems,
    /// A list field of the document ([`Access::List`]): Five whys, the lessons, authors,
    /// reviewers, tags.
    Entries(FieldId),
}

impl List {
    /// The field the review names the list's rows by (in [`Target::Row`]).
    fn row_field(self) -> FieldId {
        match self {
            List::Timeline => FieldId::EventTime,
            List::ActionItems => FieldId::Action,
            List::Entries(f) => f,
        }
    }

    /// Its name: the section's heading, or the list field's label.
    pub fn label(self) -> Words {
        match self {
            List::Timeline => SectionId::Timeline.heading(),
            List::ActionItems => SectionId::ActionItems.heading(),
            List::Entries(f) => f.info().label,
        }
    }

    /// How the review names its `index`-th row: "Event 2", "Why 3".
    pub fn row_place(self, index: usize) -> Text {
        Target::Row {
            field: self.row_field(),
            index,
        }
        .place()
    }

    /// The start of a dismissal key's place for one of its rows (`action:`), from the
    /// review's own keys.
    fn key_prefix(self) -> String {
        let key = Target::Row {
            field: self.row_field(),
            index: 0,
        }
        .key();
        key.trim_end_matches('1').to_owned()
    }
}

/// What a conflict is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConflictAt {
    /// A field of the document, whole.
    Field(FieldId),
    /// The template.
    Template,
    /// One of the customer version's own texts.
    Public(Part),
    /// The reason of a dismissed finding (or its removal on one side), by its key.
    Dismissal(String),
    /// A whole list whose rows could not be told apart.
    List(List),
    /// A whole row or entry: removed on one side and edited on the other, or (an entry)
    /// edited differently on both. The indices are the row's in each side's document, from 0;
    /// `None` where that side removed it.
    Row {
        /// The list.
        list: List,
        /// Its index in mine.
        mine: Option<usize>,
        /// Its index in theirs.
        theirs: Option<usize>,
    },
    /// One field of a timeline event or action item, edited differently on both sides.
    RowField {
        /// The row field (`EventText`, `ActionOwner`, …).
        field: FieldId,
        /// The row's index in mine, from 0.
        mine: usize,
        /// The row's index in theirs, from 0.
        theirs: usize,
    },
    /// Whether an action item is listed in the customer version.
    RowPublic {
        /// The row's index in mine, from 0.
        mine: usize,
        /// The row's index in theirs, from 0.
        theirs: usize,
    },
}

/// Something both sides changed differently: what, and the three texts as they read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// What it is about.
    pub at: ConflictAt,
    /// The text both started from.
    pub base: Text,
    /// Mine.
    pub mine: Text,
    /// Theirs.
    pub theirs: Text,
}

impl Conflict {
    /// Where it is, as a person names it: "Summary", "Action item 2: Owner", "Why 3".
    /// Rows are named by their place in mine, or in theirs where mine removed them.
    pub fn place(&self) -> Text {
        let row = |list: List, mine: Option<usize>, theirs: Option<usize>| {
            list.row_place(mine.or(theirs).unwrap_or(0))
        };
        match &self.at {
            ConflictAt::Field(f) => f.info().label.into(),
            ConflictAt::Template => words::TEMPLATE.into(),
            ConflictAt::Public(p) => Text::with(words::CUSTOMER_PART, &[&p.heading().into()]),
            ConflictAt::Dismissal(key) => Text::new(words::DISMISSAL, &[key]),
            ConflictAt::List(l) => l.label().into(),
            ConflictAt::Row { list, mine, theirs } => row(*list, *mine, *theirs),
            ConflictAt::RowField { field, mine, .. } => {
                let list = if field.section() == SectionId::Timeline {
                    List::Timeline
                } else {
                    List::ActionItems
                };
                Text::with(
                    words::ROW_FIELD,
                    &[&list.row_place(*mine), &field.info().label.into()],
                )
            }
            ConflictAt::RowPublic { mine, .. } => Text::with(
                words::ROW_FIELD,
                &[&List::ActionItems.row_place(*mine), &words::LISTED.into()],
            ),
        }
    }
}

/// The result of [`merge`]: the document with everything that merged cleanly and, at each
/// conflict, the side chosen (mine until [`Merged::resolve`]), and the conflicts.
#[derive(Clone, Debug)]
pub struct Merged {
    /// The merged document, with the current choice at each conflict.
    pub doc: Postmortem,
    /// What both sides changed differently: the document's fields and list entries in the
    /// table's order, then the template, the customer version, the timeline, the action
    /// items and the dismissals.
    pub conflicts: Vec<Conflict>,
    choices: Vec<Side>,
    plan: Plan,
}

impl Merged {
    /// Whether nothing conflicted.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The side chosen for a conflict (mine until resolved).
    pub fn choice(&self, conflict: usize) -> Side {
        self.choices.get(conflict).copied().unwrap_or_default()
    }

    /// Keeps `side` at a conflict and rebuilds [`Merged::doc`]. An index past the end
    /// changes nothing.
    pub fn resolve(&mut self, conflict: usize, side: Side) {
        if let Some(c) = self.choices.get_mut(conflict) {
            *c = side;
            self.doc = self.plan.build(&self.choices);
        }
    }

    /// The document with these choices, one per conflict in order (missing ones keep mine).
    pub fn resolved(&self, choices: &[Side]) -> Postmortem {
        let mut all = vec![Side::Mine; self.conflicts.len()];
        for (c, s) in all.iter_mut().zip(choices) {
            *c = *s;
        }
        self.plan.build(&all)
    }
}

/// Merges `mine` and `theirs`, both edited from `base`.
pub fn merge(base: &Postmortem, mine: &Postmortem, theirs: &Postmortem) -> Merged {
    let mut conflicts = Vec::new();
    let mut clean = mine.clone();
    clean.schema_version = mine.schema_version.max(theirs.schema_version);

    // The document's own fields, from the table; list fields merge entry by entry below.
    let mut fields = Vec::new();
    let mut entries = Vec::new();
    for (i, f) in DOC_FIELDS.iter().enumerate() {
        if let Access::List(get, _) = &f.access {
            let list = List::Entries(f.id);
            let plan = merge_list(list, get(base), get(mine), get(theirs), &mut conflicts);
            entries.push((i, plan));
            continue;
        }
        match pick_by(|a, b| same(f, a, b), base, mine, theirs) {
            Some(Side::Mine) => {}
            Some(Side::Theirs) => copy(f, theirs, &mut clean),
            None => {
                fields.push((conflicts.len(), i));
                conflicts.push(Conflict {
                    at: ConflictAt::Field(f.id),
                    base: shown(f, base),
                    mine: shown(f, mine),
                    theirs: shown(f, theirs),
                });
            }
        }
    }

    let mut template = None;
    match pick(&base.template, &mine.template, &theirs.template) {
        Some(Side::Mine) => {}
        Some(Side::Theirs) => clean.template = theirs.template,
        None => {
            template = Some(conflicts.len());
            let t = |d: &Postmortem| d.template.words().into();
            conflicts.push(Conflict {
                at: ConflictAt::Template,
                base: t(base),
                mine: t(mine),
                theirs: t(theirs),
            });
        }
    }

    let mut public = Vec::new();
    for part in Part::ALL {
        let (b, m, t) = (part.stored(base), part.stored(mine), part.stored(theirs));
        match pick(&b, &m, &t) {
            Some(Side::Mine) => {}
            Some(Side::Theirs) => *part.stored_mut(&mut clean) = t.cloned(),
            None => {
                public.push((conflicts.len(), part));
                let s = |v: Option<&String>| Text::plain(v.cloned().unwrap_or_default());
                conflicts.push(Conflict {
                    at: ConflictAt::Public(part),
                    base: s(b),
                    mine: s(m),
                    theirs: s(t),
                });
            }
        }
    }
    clean.public.let_through = union(
        &base.public.let_through,
        &mine.public.let_through,
        &theirs.public.let_through,
    );
    clean.public.always_redact = union(
        &base.public.always_redact,
        &mine.public.always_redact,
        &theirs.public.always_redact,
    );

    let timeline = merge_list(
        List::Timeline,
        &base.timeline,
        &mine.timeline,
        &theirs.timeline,
        &mut conflicts,
    );
    let actions = merge_list(
        List::ActionItems,
        &base.action_items,
        &mine.action_items,
        &theirs.action_items,
        &mut conflicts,
    );

    let mut plan = Plan {
        clean,
        theirs: theirs.clone(),
        fields,
        template,
        public,
        timeline,
        actions,
        entries,
        dismissed: Vec::new(),
        sided_dismissals: Vec::new(),
    };
    plan.merge_dismissals(base, mine, theirs, &mut conflicts);
    let choices = vec![Side::Mine; conflicts.len()];
    let doc = plan.build(&choices);
    Merged {
        doc,
        conflicts,
        choices,
        plan,
    }
}

/// Which side's value to take, or `None` for a conflict.
fn pick<T: PartialEq>(base: &T, mine: &T, theirs: &T) -> Option<Side> {
    pick_by(|a, b| a == b, base, mine, theirs)
}

fn pick_by<T: ?Sized>(
    same: impl Fn(&T, &T) -> bool,
    base: &T,
    mine: &T,
    theirs: &T,
) -> Option<Side> {
    if same(mine, theirs) || same(theirs, base) {
        Some(Side::Mine)
    } else if same(mine, base) {
        Some(Side::Theirs)
    } else {
        None
    }
}

/// A set merged three ways: what both kept, and what either added, in mine's order and then
/// theirs'. A set changed on one side only is that side's, as it is.
fn union(base: &[String], mine: &[String], theirs: &[String]) -> Vec<String> {
    match pick(&base, &mine, &theirs) {
        Some(Side::Mine) => return mine.to_vec(),
        Some(Side::Theirs) => return theirs.to_vec(),
        None => {}
    }
    let mut out: Vec<String> = Vec::new();
    let kept = |v: &String, other: &[String]| !base.contains(v) || other.contains(v);
    for v in mine
        .iter()
        .filter(|v| kept(v, theirs))
        .chain(theirs.iter().filter(|v| kept(v, mine)))
    {
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

fn same<R>(f: &Field<R>, a: &R, b: &R) -> bool {
    match &f.access {
        Access::Text(get, _) => get(a) == get(b),
        Access::List(get, _) => get(a) == get(b),
        Access::Flag(get, _) => get(a) == get(b),
        Access::Check(get, _) => get(a) == get(b),
        Access::Choice { get, .. } => get(a) == get(b),
        Access::Time(get, _) => get(a) == get(b),
    }
}

fn copy<R>(f: &Field<R>, from: &R, to: &mut R) {
    match &f.access {
        Access::Text(get, get_mut) => *get_mut(to) = get(from).clone(),
        Access::List(get, get_mut) => *get_mut(to) = get(from).clone(),
        Access::Flag(get, get_mut) => *get_mut(to) = *get(from),
        Access::Check(get, get_mut) => *get_mut(to) = *get(from),
        Access::Choice { get, set, .. } => set(to, get(from)),
        Access::Time(get, get_mut) => *get_mut(to) = *get(from),
    }
}

fn shown<R>(f: &Field<R>, record: &R) -> Text {
    Text {
        en: f.text(record, Language::En),
        zh: f.text(record, Language::ZhTw),
    }
}

/// Whether equal values of a field say two rows are the same row: text, times, dates and
/// links do; a choice, a yes/no or a checkbox is shared by too many rows to.
fn identifying(kind: Kind) -> bool {
    !matches!(kind, Kind::Choice { .. } | Kind::YesNo | Kind::Check)
}

/// A row of a list that merges row by row.
trait Row: Clone + PartialEq + std::fmt::Debug + 'static {
    /// Its fields, from the table; none for a list entry, which is one value.
    fn fields() -> &'static [Field<Self>];
    /// The row as one line.
    fn show(&self) -> Text;
    /// Whether the customer version lists it, where the row has that choice (outside the
    /// table: it belongs to the customer version).
    fn public(&self) -> Option<Option<bool>> {
        None
    }
    /// Sets that choice.
    fn set_public(&mut self, _: Option<bool>) {}
}

fn show_fields<R>(fields: &[Field<R>], row: &R) -> Text {
    let join = |lang: Language| {
        fields
            .iter()
            .map(|f| f.text(row, lang))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    Text {
        en: join(Language::En),
        zh: join(Language::ZhTw),
    }
}

impl Row for TimelineEvent {
    fn fields() -> &'static [Field<Self>] {
        EVENT_FIELDS
    }
    fn show(&self) -> Text {
        show_fields(EVENT_FIELDS, self)
    }
}

impl Row for ActionItem {
    fn fields() -> &'static [Field<Self>] {
        ACTION_FIELDS
    }
    fn show(&self) -> Text {
        show_fields(ACTION_FIELDS, self)
    }
    fn public(&self) -> Option<Option<bool>> {
        Some(self.public)
    }
    fn set_public(&mut self, value: Option<bool>) {
        self.public = value;
    }
}

impl Row for String {
    fn fields() -> &'static [Field<Self>] {
        &[]
    }
    fn show(&self) -> Text {
        Text::plain(self.clone())
    }
}

fn show_public(value: Option<bool>) -> Text {
    match value {
        Some(true) => words::LISTED.into(),
        Some(false) => words::NOT_LISTED.into(),
        None => words::BY_TYPE.into(),
    }
}

fn show_rows<R: Row>(rows: &[R]) -> Text {
    let shown: Vec<Text> = rows.iter().map(Row::show).collect();
    let join = |lang: Language| {
        shown
            .iter()
            .map(|t| t.get(lang))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Text {
        en: join(Language::En),
        zh: join(Language::ZhTw),
    }
}

fn show_row<R: Row>(row: Option<&R>) -> Text {
    row.map_or_else(|| words::REMOVED.into(), Row::show)
}

/// Which base row each row of a side is, and the other way round.
struct Matching {
    side_of: Vec<Option<usize>>,
    base_of: Vec<Option<usize>>,
}

impl Matching {
    fn pair(&mut self, b: usize, s: usize) {
        self.side_of[b] = Some(s);
        self.base_of[s] = Some(b);
    }
}

/// Matches a side's rows with the base's, or `None` when they cannot be told apart.
fn match_rows<R: Row>(base: &[R], side: &[R]) -> Option<Matching> {
    let mut m = Matching {
        side_of: vec![None; base.len()],
        base_of: vec![None; side.len()],
    };
    // Equal rows first. Identical rows of the base are told apart only while each side
    // keeps all of them.
    for (b, row) in base.iter().enumerate() {
        let twins = base.iter().filter(|r| *r == row).count();
        if twins > 1 && side.iter().filter(|r| *r == row).count() != twins {
            return None;
        }
        if let Some(s) = (0..side.len()).find(|&s| m.base_of[s].is_none() && side[s] == *row) {
            m.pair(b, s);
        }
    }
    if R::fields().is_empty() {
        pair_in_place(&mut m);
        return Some(m);
    }
    // Then by the identifying fields they share: a pair is taken when each is the other's
    // only best match.
    let open = |of: &[Option<usize>]| -> Vec<usize> {
        (0..of.len()).filter(|&i| of[i].is_none()).collect()
    };
    let score = |b: usize, s: usize| -> usize {
        R::fields()
            .iter()
            .filter(|f| identifying(f.kind) && !f.is_empty(&base[b]) && same(f, &base[b], &side[s]))
            .count()
    };
    loop {
        let (bs, ss) = (open(&m.side_of), open(&m.base_of));
        let scores: Vec<Vec<usize>> = bs
            .iter()
            .map(|&b| ss.iter().map(|&s| score(b, s)).collect())
            .collect();
        let best_of = |values: &mut dyn Iterator<Item = usize>| -> Option<usize> {
            let mut best: Option<(usize, usize)> = None;
            let mut tied = false;
            for (i, v) in values.enumerate() {
                match best {
                    _ if v == 0 => {}
                    Some((_, top)) if v == top => tied = true,
                    Some((_, top)) if v < top => {}
                    _ => {
                        best = Some((i, v));
                        tied = false;
                    }
                }
            }
            best.filter(|_| !tied).map(|(i, _)| i)
        };
        let mut found = None;
        for (bi, row) in scores.iter().enumerate() {
            let Some(si) = best_of(&mut row.iter().copied()) else {
                continue;
            };
            if best_of(&mut scores.iter().map(|r| r[si])) == Some(bi) {
                found = Some((bs[bi], ss[si]));
                break;
            }
        }
        match found {
            Some((b, s)) => m.pair(b, s),
            None => {
                // Whatever still shares evidence with more than one row is ambiguous.
                let ambiguous = scores.iter().any(|r| r.iter().any(|&v| v > 0));
                return (!ambiguous).then_some(m);
            }
        }
    }
}

/// Entries replaced in place: between the same neighbours, as many entries on the side as
/// in the base were left unmatched; each is an edit of the base entry at its place.
fn pair_in_place(m: &mut Matching) {
    // Each unmatched row, keyed by the side's index of the matched row before it.
    let mut groups: Vec<(Option<usize>, Vec<usize>, Vec<usize>)> = Vec::new();
    let mut group = |key: Option<usize>| -> usize {
        if let Some(i) = groups.iter().position(|g| g.0 == key) {
            return i;
        }
        groups.push((key, Vec::new(), Vec::new()));
        groups.len() - 1
    };
    let mut before = None;
    let mut base_keys = Vec::new();
    for b in 0..m.side_of.len() {
        match m.side_of[b] {
            Some(s) => before = Some(s),
            None => base_keys.push((b, before)),
        }
    }
    let mut side_keys = Vec::new();
    before = None;
    for s in 0..m.base_of.len() {
        match m.base_of[s] {
            Some(_) => before = Some(s),
            None => side_keys.push((s, before)),
        }
    }
    let mut indexed = Vec::new();
    for (b, key) in base_keys {
        indexed.push((group(key), Some(b), None));
    }
    for (s, key) in side_keys {
        indexed.push((group(key), None, Some(s)));
    }
    for (g, b, s) in indexed {
        if let Some(b) = b {
            groups[g].1.push(b);
        }
        if let Some(s) = s {
            groups[g].2.push(s);
        }
    }
    for (_, bs, ss) in groups {
        if bs.len() == ss.len() {
            for (b, s) in bs.into_iter().zip(ss) {
                m.pair(b, s);
            }
        }
    }
}

/// A part of a row that can conflict: a field of the table (by index) or the customer
/// version's choice.
#[derive(Clone, Copy, Debug)]
enum RowPart {
    Field(usize),
    Public,
}

/// One row of a merged list.
#[derive(Clone, Debug)]
enum Slot<R> {
    /// A row of the merge, its fields merged; where a field conflicted, theirs is copied
    /// from `theirs` when chosen.
    Row {
        row: R,
        theirs: Option<R>,
        parts: Vec<(usize, RowPart)>,
    },
    /// A row removed on one side and edited on the other, or an entry edited differently
    /// on both: each side's row (`None`: removed).
    Either {
        conflict: usize,
        mine: Option<R>,
        theirs: Option<R>,
    },
    /// A row removed where the other side left it alone.
    Gone,
}

/// How a list merged.
#[derive(Clone, Debug)]
enum ListPlan<R> {
    /// Row by row: the slots in the merged order, and which slot each row of the base,
    /// mine and theirs became.
    Rows {
        slots: Vec<Slot<R>>,
        order: Vec<usize>,
        base: Vec<usize>,
        mine: Vec<usize>,
        theirs: Vec<usize>,
    },
    /// As a whole: one side's list, chosen by a conflict or settled.
    Whole {
        conflict: Option<usize>,
        settled: Side,
        mine: Vec<R>,
        theirs: Vec<R>,
    },
}

fn merge_list<R: Row>(
    list: List,
    base: &[R],
    mine: &[R],
    theirs: &[R],
    conflicts: &mut Vec<Conflict>,
) -> ListPlan<R> {
    let (Some(mm), Some(tm)) = (match_rows(base, mine), match_rows(base, theirs)) else {
        let whole = |conflict, settled| ListPlan::Whole {
            conflict,
            settled,
            mine: mine.to_vec(),
            theirs: theirs.to_vec(),
        };
        return match pick(&base, &mine, &theirs) {
            Some(side) => whole(None, side),
            None => {
                conflicts.push(Conflict {
                    at: ConflictAt::List(list),
                    base: show_rows(base),
                    mine: show_rows(mine),
                    theirs: show_rows(theirs),
                });
                whole(Some(conflicts.len() - 1), Side::Mine)
            }
        };
    };
    let mut slots: Vec<Slot<R>> = Vec::new();
    for (b, row) in base.iter().enumerate() {
        let slot = match (mm.side_of[b], tm.side_of[b]) {
            (Some(m), Some(t)) => merge_row(list, row, (m, &mine[m]), (t, &theirs[t]), conflicts),
            (None, None) => Slot::Gone,
            (m, t) => {
                let (mr, tr) = (m.map(|i| &mine[i]), t.map(|i| &theirs[i]));
                if mr.or(tr) == Some(row) {
                    Slot::Gone
                } else {
                    conflicts.push(Conflict {
                        at: ConflictAt::Row {
                            list,
                            mine: m,
                            theirs: t,
                        },
                        base: row.show(),
                        mine: show_row(mr),
                        theirs: show_row(tr),
                    });
                    Slot::Either {
                        conflict: conflicts.len() - 1,
                        mine: mr.cloned(),
                        theirs: tr.cloned(),
                    }
                }
            }
        };
        slots.push(slot);
    }
    let added = |row: &R| Slot::Row {
        row: row.clone(),
        theirs: None,
        parts: Vec::new(),
    };
    let mut mine_slots = Vec::with_capacity(mine.len());
    let mut mine_added = Vec::new();
    for (i, row) in mine.iter().enumerate() {
        match mm.base_of[i] {
            Some(b) => mine_slots.push(b),
            None => {
                mine_added.push((i, slots.len()));
                mine_slots.push(slots.len());
                slots.push(added(row));
            }
        }
    }
    let mut theirs_slots = Vec::with_capacity(theirs.len());
    for (i, row) in theirs.iter().enumerate() {
        match tm.base_of[i] {
            Some(b) => theirs_slots.push(b),
            None => {
                // The same row added on both sides is added once.
                if let Some(at) = mine_added.iter().position(|(m, _)| mine[*m] == *row) {
                    theirs_slots.push(mine_added.remove(at).1);
                } else {
                    theirs_slots.push(slots.len());
                    slots.push(added(row));
                }
            }
        }
    }
    let base_slots: Vec<usize> = (0..base.len()).collect();
    let order = layout(&base_slots, &mine_slots, &theirs_slots, slots.len());
    ListPlan::Rows {
        slots,
        order,
        base: base_slots,
        mine: mine_slots,
        theirs: theirs_slots,
    }
}

/// The merged order of the slots: mine's order, unless only theirs moved the rows it shares
/// with the base; then the base's rows the first side removed, after the base row before
/// them; then the other side's own rows, after the row before them there.
fn layout(base: &[usize], mine: &[usize], theirs: &[usize], count: usize) -> Vec<usize> {
    let moved = |side: &[usize]| {
        let kept: Vec<usize> = side.iter().copied().filter(|s| *s < base.len()).collect();
        kept.windows(2).any(|w| w[0] > w[1])
    };
    let (first, second) = if !moved(mine) && moved(theirs) {
        (theirs, mine)
    } else {
        (mine, theirs)
    };
    let mut order: Vec<usize> = Vec::with_capacity(count);
    let mut placed = vec![false; count];
    for &s in first {
        if !placed[s] {
            placed[s] = true;
            order.push(s);
        }
    }
    insert_after(&mut order, base, &mut placed);
    insert_after(&mut order, second, &mut placed);
    order
}

/// Puts each slot of `sequence` not yet placed right after the nearest slot before it in
/// `sequence` that is placed (or first), and after the rows of the other side that follow
/// that one there: rows added at one place by both sides come mine first.
fn insert_after(order: &mut Vec<usize>, sequence: &[usize], placed: &mut [bool]) {
    let mut ours = vec![false; placed.len()];
    for &s in sequence {
        ours[s] = true;
    }
    for (i, &s) in sequence.iter().enumerate() {
        if placed[s] {
            continue;
        }
        let mut at = sequence[..i]
            .iter()
            .rev()
            .find_map(|p| order.iter().position(|o| o == p))
            .map_or(0, |p| p + 1);
        while at < order.len() && !ours[order[at]] {
            at += 1;
        }
        order.insert(at, s);
        placed[s] = true;
    }
}

fn merge_row<R: Row>(
    list: List,
    base: &R,
    (mi, mine): (usize, &R),
    (ti, theirs): (usize, &R),
    conflicts: &mut Vec<Conflict>,
) -> Slot<R> {
    if R::fields().is_empty() {
        return match pick(base, mine, theirs) {
            Some(side) => Slot::Row {
                row: if side == Side::Mine { mine } else { theirs }.clone(),
                theirs: None,
                parts: Vec::new(),
            },
            None => {
                conflicts.push(Conflict {
                    at: ConflictAt::Row {
                        list,
                        mine: Some(mi),
                        theirs: Some(ti),
                    },
                    base: base.show(),
                    mine: mine.show(),
                    theirs: theirs.show(),
                });
                Slot::Either {
                    conflict: conflicts.len() - 1,
                    mine: Some(mine.clone()),
                    theirs: Some(theirs.clone()),
                }
            }
        };
    }
    let mut row = mine.clone();
    let mut parts = Vec::new();
    for (i, f) in R::fields().iter().enumerate() {
        match pick_by(|a, b| same(f, a, b), base, mine, theirs) {
            Some(Side::Mine) => {}
            Some(Side::Theirs) => copy(f, theirs, &mut row),
            None => {
                parts.push((conflicts.len(), RowPart::Field(i)));
                conflicts.push(Conflict {
                    at: ConflictAt::RowField {
                        field: f.id,
                        mine: mi,
                        theirs: ti,
                    },
                    base: shown(f, base),
                    mine: shown(f, mine),
                    theirs: shown(f, theirs),
                });
            }
        }
    }
    if let (Some(b), Some(m), Some(t)) = (base.public(), mine.public(), theirs.public()) {
        match pick(&b, &m, &t) {
            Some(Side::Mine) => {}
            Some(Side::Theirs) => row.set_public(t),
            None => {
                parts.push((conflicts.len(), RowPart::Public));
                conflicts.push(Conflict {
                    at: ConflictAt::RowPublic {
                        mine: mi,
                        theirs: ti,
                    },
                    base: show_public(b),
                    mine: show_public(m),
                    theirs: show_public(t),
                });
            }
        }
    }
    Slot::Row {
        row,
        theirs: (!parts.is_empty()).then(|| theirs.clone()),
        parts,
    }
}

impl<R: Row> ListPlan<R> {
    /// The list with these choices, and where each slot went (its index in the list).
    fn build(&self, choices: &[Side]) -> (Vec<R>, Vec<Option<usize>>) {
        let chosen = |c: usize| choices.get(c).copied().unwrap_or_default();
        match self {
            ListPlan::Whole {
                conflict,
                settled,
                mine,
                theirs,
            } => {
                let side = conflict.map_or(*settled, chosen);
                let rows = if side == Side::Mine { mine } else { theirs };
                (rows.clone(), Vec::new())
            }
            ListPlan::Rows { slots, order, .. } => {
                let mut rows = Vec::with_capacity(order.len());
                let mut at = vec![None; slots.len()];
                for &s in order {
                    let row = match &slots[s] {
                        Slot::Gone => None,
                        Slot::Either {
                            conflict,
                            mine,
                            theirs,
                        } => match chosen(*conflict) {
                            Side::Mine => mine.clone(),
                            Side::Theirs => theirs.clone(),
                        },
                        Slot::Row { row, theirs, parts } => {
                            let mut row = row.clone();
                            if let Some(theirs) = theirs {
                                for &(c, part) in parts {
                                    if chosen(c) == Side::Theirs {
                                        match part {
                                            RowPart::Field(i) => {
                                                copy(&R::fields()[i], theirs, &mut row)
                                            }
                                            RowPart::Public => {
                                                row.set_public(theirs.public().flatten())
                                            }
                                        }
                                    }
                                }
                            }
                            Some(row)
                        }
                    };
                    if let Some(row) = row {
                        at[s] = Some(rows.len());
                        rows.push(row);
                    }
                }
                (rows, at)
            }
        }
    }

    /// The slot that a row of a side became, or `None` when the list merged as a whole (or
    /// the index is past the end).
    fn slot_of(&self, side: Sided, index: usize) -> Option<usize> {
        match self {
            ListPlan::Whole { .. } => None,
            ListPlan::Rows {
                base, mine, theirs, ..
            } => match side {
                Sided::Base => base.get(index).copied(),
                Sided::Mine => mine.get(index).copied(),
                Sided::Theirs => theirs.get(index).copied(),
            },
        }
    }

    /// For a list merged as a whole, the side whose rows it has, given the choices.
    fn whole_side(&self, choices: &[Side]) -> Option<Side> {
        match self {
            ListPlan::Whole {
                conflict, settled, ..
            } => Some(conflict.map_or(*settled, |c| choices.get(c).copied().unwrap_or_default())),
            ListPlan::Rows { .. } => None,
        }
    }
}

/// One of the three documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sided {
    Base,
    Mine,
    Theirs,
}

/// A dismissal's key, with a row's place turned into the row itself.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Key {
    /// A key that names no row, as it is.
    Plain(String),
    /// `check@prefix{n}`: the row is a slot of its list's plan.
    Row {
        check: String,
        list: List,
        slot: usize,
    },
}

/// A merged dismissal: its key, and its reason (or its absence) as settled or conflicting.
#[derive(Clone, Debug)]
struct DismissalPlan {
    key: Key,
    mine: Option<String>,
    theirs: Option<String>,
    conflict: Option<usize>,
    settled: Side,
}

/// Everything [`Merged::doc`] is built from.
#[derive(Clone, Debug)]
struct Plan {
    /// The document with every clean merge and mine at each conflict; its lists and
    /// dismissals are rebuilt.
    clean: Postmortem,
    theirs: Postmortem,
    /// Conflicting document fields: (conflict, index in `DOC_FIELDS`).
    fields: Vec<(usize, usize)>,
    template: Option<usize>,
    public: Vec<(usize, Part)>,
    timeline: ListPlan<TimelineEvent>,
    actions: ListPlan<ActionItem>,
    /// The list fields: (index in `DOC_FIELDS`, plan).
    entries: Vec<(usize, ListPlan<String>)>,
    dismissed: Vec<DismissalPlan>,
    /// Row dismissals of lists merged as a whole: each side's, for the side chosen.
    sided_dismissals: Vec<(List, Vec<Dismissal>, Vec<Dismissal>)>,
}

impl Plan {
    fn lists(&self) -> Vec<List> {
        let mut out = vec![List::Timeline, List::ActionItems];
        out.extend(
            self.entries
                .iter()
                .map(|(i, _)| List::Entries(DOC_FIELDS[*i].id)),
        );
        out
    }

    fn slot_of(&self, list: List, side: Sided, index: usize) -> Option<usize> {
        match list {
            List::Timeline => self.timeline.slot_of(side, index),
            List::ActionItems => self.actions.slot_of(side, index),
            List::Entries(f) => self
                .entries
                .iter()
                .find(|(i, _)| DOC_FIELDS[*i].id == f)
                .and_then(|(_, p)| p.slot_of(side, index)),
        }
    }

    fn whole_side(&self, list: List, choices: &[Side]) -> Option<Side> {
        match list {
            List::Timeline => self.timeline.whole_side(choices),
            List::ActionItems => self.actions.whole_side(choices),
            List::Entries(f) => self
                .entries
                .iter()
                .find(|(i, _)| DOC_FIELDS[*i].id == f)
                .and_then(|(_, p)| p.whole_side(choices)),
        }
    }

    /// The list a key's place names a row of, and the row (from 0).
    fn row_of(&self, finding: &str) -> Option<(String, List, usize)> {
        let (check, place) = finding.split_once('@')?;
        self.lists().into_iter().find_map(|list| {
            let n: usize = place
                .strip_prefix(list.key_prefix().as_str())?
                .parse()
                .ok()?;
            Some((check.to_owned(), list, n.checked_sub(1)?))
        })
    }

    /// A key of a side's dismissal as the merge compares them: rows as slots. Row keys of a
    /// list merged as a whole come back as `Err` with the list.
    fn key(&self, side: Sided, finding: &str) -> Result<Key, List> {
        let Some((check, list, index)) = self.row_of(finding) else {
            return Ok(Key::Plain(finding.to_owned()));
        };
        if self.whole_side(list, &[]).is_some() {
            return Err(list);
        }
        Ok(match self.slot_of(list, side, index) {
            Some(slot) => Key::Row { check, list, slot },
            None => Key::Plain(finding.to_owned()),
        })
    }

    fn merge_dismissals(
        &mut self,
        base: &Postmortem,
        mine: &Postmortem,
        theirs: &Postmortem,
        conflicts: &mut Vec<Conflict>,
    ) {
        let mut keyed: Vec<(Key, String, [Option<String>; 3])> = Vec::new();
        let mut sided: Vec<(List, Vec<Dismissal>, Vec<Dismissal>)> = Vec::new();
        // Mine first, so the merged list keeps mine's order; then theirs, then the base.
        for (n, (side, doc)) in [
            (Sided::Mine, mine),
            (Sided::Theirs, theirs),
            (Sided::Base, base),
        ]
        .into_iter()
        .enumerate()
        {
            for d in &doc.dismissed {
                let key = match self.key(side, &d.finding) {
                    Ok(key) => key,
                    Err(list) => {
                        let at = match sided.iter().position(|s| s.0 == list) {
                            Some(at) => at,
                            None => {
                                sided.push((list, Vec::new(), Vec::new()));
                                sided.len() - 1
                            }
                        };
                        match side {
                            Sided::Mine => sided[at].1.push(d.clone()),
                            Sided::Theirs => sided[at].2.push(d.clone()),
                            Sided::Base => {}
                        }
                        continue;
                    }
                };
                let at = match keyed.iter().position(|k| k.0 == key) {
                    Some(at) => at,
                    None => {
                        keyed.push((key, d.finding.clone(), [None, None, None]));
                        keyed.len() - 1
                    }
                };
                // A key twice in one document: the first reason counts.
                keyed[at].2[n].get_or_insert_with(|| d.reason.clone());
            }
        }
        for (key, shown_key, [m, t, b]) in keyed {
            let (conflict, settled) = match pick(&b, &m, &t) {
                Some(side) => (None, side),
                None => {
                    let s = |r: &Option<String>| {
                        r.as_ref()
                            .map_or_else(|| words::REMOVED.into(), |r| Text::plain(r.clone()))
                    };
                    conflicts.push(Conflict {
                        at: ConflictAt::Dismissal(shown_key),
                        base: s(&b),
                        mine: s(&m),
                        theirs: s(&t),
                    });
                    (Some(conflicts.len() - 1), Side::Mine)
                }
            };
            self.dismissed.push(DismissalPlan {
                key,
                mine: m,
                theirs: t,
                conflict,
                settled,
            });
        }
        self.sided_dismissals = sided;
    }

    fn build(&self, choices: &[Side]) -> Postmortem {
        let chosen = |c: usize| choices.get(c).copied().unwrap_or_default();
        let mut doc = self.clean.clone();
        for &(c, i) in &self.fields {
            if chosen(c) == Side::Theirs {
                copy(&DOC_FIELDS[i], &self.theirs, &mut doc);
            }
        }
        if self.template.is_some_and(|c| chosen(c) == Side::Theirs) {
            doc.template = self.theirs.template;
        }
        for &(c, part) in &self.public {
            if chosen(c) == Side::Theirs {
                *part.stored_mut(&mut doc) = part.stored(&self.theirs).cloned();
            }
        }
        let mut places: Vec<(List, Vec<Option<usize>>)> = Vec::new();
        let (timeline, at) = self.timeline.build(choices);
        doc.timeline = timeline;
        places.push((List::Timeline, at));
        let (actions, at) = self.actions.build(choices);
        doc.action_items = actions;
        places.push((List::ActionItems, at));
        for (i, plan) in &self.entries {
            let (entries, at) = plan.build(choices);
            if let Access::List(_, get_mut) = &DOC_FIELDS[*i].access {
                *get_mut(&mut doc) = entries;
            }
            places.push((List::Entries(DOC_FIELDS[*i].id), at));
        }
        let mut dismissed: Vec<Dismissal> = Vec::new();
        for d in &self.dismissed {
            let side = d.conflict.map_or(d.settled, chosen);
            let Some(reason) = (if side == Side::Mine {
                &d.mine
            } else {
                &d.theirs
            }) else {
                continue;
            };
            let finding = match &d.key {
                Key::Plain(k) => k.clone(),
                Key::Row { check, list, slot } => {
                    let index = places
                        .iter()
                        .find(|(l, _)| l == list)
                        .and_then(|(_, at)| at.get(*slot).copied().flatten());
                    // The row went, and its dismissal with it.
                    let Some(index) = index else { continue };
                    format!("{check}@{}{}", list.key_prefix(), index + 1)
                }
            };
            if !dismissed.iter().any(|x| x.finding == finding) {
                dismissed.push(Dismissal {
                    finding,
                    reason: reason.clone(),
                });
            }
        }
        for (list, mine, theirs) in &self.sided_dismissals {
            let side = self.whole_side(*list, choices).unwrap_or_default();
            for d in if side == Side::Mine { mine } else { theirs } {
                if !dismissed.iter().any(|x| x.finding == d.finding) {
                    dismissed.push(d.clone());
                }
            }
        }
        doc.dismissed = dismissed;
        doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_merge_is_written_in_both_languages() {
        assert_eq!(
            crate::words::audit(words::ALL.iter().copied()),
            Vec::<String>::new()
        );
    }

    #[test]
    fn key_prefixes_come_from_the_reviews_keys() {
        assert_eq!(List::Timeline.key_prefix(), "event:");
        assert_eq!(List::ActionItems.key_prefix(), "action:");
        assert_eq!(List::Entries(FieldId::FiveWhys).key_prefix(), "why:");
    }
}
