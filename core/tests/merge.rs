//! The three-way merge of documents (`merge.rs`): each rule on its own, rows matched across
//! the three copies, dismissals following their rows, and a property over random edits of
//! generated documents: every edit of either side is in the merged document or in a
//! conflict, and nothing else changes.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod documents;

use std::collections::HashSet;

use common::seeded_runner as runner;
use documents::{document, text};
use hindsight_core::customer::Part;
use hindsight_core::example::chatgpt_2023_03_20;
use hindsight_core::fields::{Access, Field, ACTION_FIELDS, DOC_FIELDS, EVENT_FIELDS};
use hindsight_core::merge::{merge, ConflictAt, List, Side};
use hindsight_core::*;
use proptest::prelude::*;

fn base() -> Postmortem {
    chatgpt_2023_03_20()
}

#[test]
fn two_tabs_one_editing_the_summary_and_one_the_impact_merge_with_no_conflict() {
    let base = base();
    let mut mine = base.clone();
    mine.summary = "Mine: a shorter summary.".into();
    let mut theirs = base.clone();
    theirs.impact.description = "Theirs: the impact, with numbers.".into();
    let m = merge(&base, &mine, &theirs);
    assert!(m.is_clean(), "{:#?}", m.conflicts);
    assert_eq!(m.doc.summary, mine.summary);
    assert_eq!(m.doc.impact.description, theirs.impact.description);
    let mut expected = base.clone();
    expected.summary = mine.summary.clone();
    expected.impact.description = theirs.impact.description.clone();
    assert_eq!(m.doc, expected);
}

#[test]
fn nothing_changed_merges_to_the_base() {
    let base = base();
    let m = merge(&base, &base, &base);
    assert!(m.is_clean());
    assert_eq!(m.doc, base);
}

#[test]
fn a_field_changed_on_one_side_takes_that_side_whatever_its_kind() {
    let base = base();
    let mut theirs = base.clone();
    theirs.header.severity = Some(Severity::Sev2);
    theirs.header.status = Status::InReview;
    theirs.impact.customer_visible = None;
    theirs.header.owner = "Someone else".into();
    theirs.language = Language::ZhTw;
    let m = merge(&base, &base, &theirs);
    assert!(m.is_clean());
    assert_eq!(m.doc, theirs);
    // And the other way round.
    let m = merge(&base, &theirs, &base);
    assert!(m.is_clean());
    assert_eq!(m.doc, theirs);
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = base();
    let mut both = base.clone();
    both.causes.trigger = "The same words on both sides.".into();
    let m = merge(&base, &both, &both);
    assert!(m.is_clean());
    assert_eq!(m.doc, both);
}

#[test]
fn different_changes_to_one_field_conflict_and_keep_all_three_texts() {
    let base = base();
    let mut mine = base.clone();
    mine.causes.root_causes = "Mine".into();
    let mut theirs = base.clone();
    theirs.causes.root_causes = "Theirs".into();
    theirs.header.severity = None;
    let mut m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.at, ConflictAt::Field(FieldId::RootCauses));
    assert_eq!(c.base.en, base.causes.root_causes);
    assert_eq!(c.mine.en, "Mine");
    assert_eq!(c.theirs.en, "Theirs");
    assert_eq!(c.place().en, "Root causes");
    assert_eq!(c.place().zh, "根本原因");
    assert_eq!(m.doc.causes.root_causes, "Mine", "mine until resolved");
    assert_eq!(m.doc.header.severity, None, "the clean change is in");
    m.resolve(0, Side::Theirs);
    assert_eq!(m.doc.causes.root_causes, "Theirs");
    assert_eq!(m.choice(0), Side::Theirs);
    assert_eq!(m.resolved(&[Side::Mine]).causes.root_causes, "Mine");
    m.resolve(7, Side::Theirs);
    assert_eq!(
        m.doc.causes.root_causes, "Theirs",
        "an index past the end changes nothing"
    );
}

#[test]
fn a_conflicting_choice_reads_as_its_label_in_both_languages() {
    let base = base();
    let mut mine = base.clone();
    mine.header.severity = Some(Severity::Sev2);
    let mut theirs = base.clone();
    theirs.header.severity = Some(Severity::Sev3);
    let m = merge(&base, &mine, &theirs);
    let c = &m.conflicts[0];
    assert_eq!(c.at, ConflictAt::Field(FieldId::Severity));
    assert_eq!(
        (c.base.en.as_str(), c.mine.en.as_str(), c.theirs.en.as_str()),
        ("SEV1 critical", "SEV2 major", "SEV3 minor")
    );
    assert_eq!(c.theirs.zh, "SEV3 輕微");
}

#[test]
fn template_and_customer_texts_merge_as_fields() {
    let base = base();
    let mut mine = base.clone();
    mine.template = Template::Lightweight;
    mine.public.what_happened = Some("Mine".into());
    let mut theirs = base.clone();
    theirs.template = Template::Full;
    theirs.public.what_happened = Some("Theirs".into());
    theirs.public.notice = Some("Only theirs".into());
    let m = merge(&base, &mine, &theirs);
    let at: Vec<&ConflictAt> = m.conflicts.iter().map(|c| &c.at).collect();
    assert_eq!(
        at,
        [
            &ConflictAt::Template,
            &ConflictAt::Public(Part::WhatHappened)
        ]
    );
    assert_eq!(m.doc.template, Template::Lightweight);
    assert_eq!(m.doc.public.notice.as_deref(), Some("Only theirs"));
    let all_theirs = m.resolved(&[Side::Theirs, Side::Theirs]);
    assert_eq!(all_theirs.template, Template::Full);
    assert_eq!(all_theirs.public.what_happened.as_deref(), Some("Theirs"));
}

#[test]
fn let_through_and_always_redact_merge_as_sets() {
    let mut base = base();
    base.public.let_through = vec!["a".into(), "b".into()];
    let mut mine = base.clone();
    mine.public.let_through = vec!["a".into(), "b".into(), "c".into()];
    mine.public.always_redact = vec!["x".into()];
    let mut theirs = base.clone();
    theirs.public.let_through = vec!["b".into(), "d".into()];
    theirs.public.always_redact = vec!["y".into()];
    let m = merge(&base, &mine, &theirs);
    assert!(m.is_clean());
    assert_eq!(m.doc.public.let_through, ["b", "c", "d"]);
    assert_eq!(m.doc.public.always_redact, ["x", "y"]);
}

#[test]
fn dismissals_merge_as_a_set_and_a_reason_changed_twice_conflicts() {
    let mut base = base();
    let d = |f: &str, r: &str| Dismissal {
        finding: f.into(),
        reason: r.into(),
    };
    base.dismissed = vec![d("no-prevent-action", "why"), d("late-review", "ok")];
    let mut mine = base.clone();
    mine.dismissed = vec![d("no-prevent-action", "mine"), d("impact-no-numbers", "m")];
    let mut theirs = base.clone();
    theirs.dismissed = vec![
        d("no-prevent-action", "theirs"),
        d("late-review", "ok"),
        d("blame-language", "t"),
    ];
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        m.conflicts[0].at,
        ConflictAt::Dismissal("no-prevent-action".into())
    );
    assert_eq!(
        m.doc.dismissed,
        [
            d("no-prevent-action", "mine"),
            d("impact-no-numbers", "m"),
            d("blame-language", "t")
        ],
        "late-review was removed by mine and left alone by theirs"
    );
}

fn event(minute: i64, text: &str) -> TimelineEvent {
    TimelineEvent {
        time: Some(Timestamp {
            utc: 1_700_000_000 + minute * 60,
            offset_minutes: 0,
        }),
        event: text.into(),
        kind: EventKind::Other,
        link: String::new(),
    }
}

fn with_timeline(rows: &[TimelineEvent]) -> Postmortem {
    Postmortem {
        timeline: rows.to_vec(),
        ..Postmortem::default()
    }
}

#[test]
fn timeline_rows_added_removed_and_edited_on_either_side_all_merge() {
    let base = with_timeline(&[
        event(0, "a"),
        event(10, "b"),
        event(20, "c"),
        event(30, "d"),
    ]);
    let mut mine = base.clone();
    mine.timeline[0].event = "a, edited by mine".into(); // edit
    mine.timeline.remove(2); // c removed
    mine.timeline.push(event(40, "mine's new row"));
    let mut theirs = base.clone();
    theirs.timeline[0].link = "https://theirs".into(); // another field of the same row
    theirs.timeline[1].time = Some(Timestamp {
        utc: 1_700_000_000 + 11 * 60,
        offset_minutes: 0,
    }); // b's time, the text still says which row it is
    theirs.timeline.insert(2, event(15, "theirs' new row"));
    let m = merge(&base, &mine, &theirs);
    assert!(m.is_clean(), "{:#?}", m.conflicts);
    let texts: Vec<&str> = m.doc.timeline.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(
        texts,
        [
            "a, edited by mine",
            "b",
            "theirs' new row",
            "d",
            "mine's new row"
        ]
    );
    assert_eq!(m.doc.timeline[0].link, "https://theirs");
    assert_eq!(m.doc.timeline[1].time, theirs.timeline[1].time);
}

#[test]
fn the_same_row_field_edited_on_both_sides_is_a_conflict_of_that_field() {
    let base = with_timeline(&[event(0, "a"), event(10, "b")]);
    let mut mine = base.clone();
    mine.timeline[1].event = "b by mine".into();
    mine.timeline[1].kind = EventKind::Detected;
    let mut theirs = base.clone();
    theirs.timeline.insert(0, event(-5, "earlier"));
    theirs.timeline[2].event = "b by theirs".into();
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(
        c.at,
        ConflictAt::RowField {
            field: FieldId::EventText,
            mine: 1,
            theirs: 2
        }
    );
    assert_eq!(
        (c.mine.en.as_str(), c.theirs.en.as_str()),
        ("b by mine", "b by theirs")
    );
    assert_eq!(c.place().en, "Event 2: Event");
    let b = m
        .doc
        .timeline
        .iter()
        .find(|e| e.kind == EventKind::Detected);
    assert_eq!(b.map(|e| e.event.as_str()), Some("b by mine"));
    let theirs_way = m.resolved(&[Side::Theirs]);
    let b = theirs_way
        .timeline
        .iter()
        .find(|e| e.kind == EventKind::Detected);
    assert_eq!(
        b.map(|e| e.event.as_str()),
        Some("b by theirs"),
        "mine's kind stays"
    );
}

#[test]
fn a_row_removed_on_one_side_and_edited_on_the_other_is_a_conflict_of_the_row() {
    let base = with_timeline(&[event(0, "a"), event(10, "b")]);
    let mut mine = base.clone();
    mine.timeline.remove(1);
    let mut theirs = base.clone();
    theirs.timeline[1].link = "https://evidence".into();
    let mut m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    let c = m.conflicts[0].clone();
    assert_eq!(
        c.at,
        ConflictAt::Row {
            list: List::Timeline,
            mine: None,
            theirs: Some(1)
        }
    );
    assert_eq!(c.mine.en, "(removed)");
    assert!(c.theirs.en.contains("https://evidence"), "{}", c.theirs.en);
    assert_eq!(m.doc.timeline.len(), 1, "mine removed it");
    m.resolve(0, Side::Theirs);
    assert_eq!(m.doc.timeline, theirs.timeline, "theirs keeps it, edited");
}

#[test]
fn rows_that_cannot_be_told_apart_make_the_whole_list_one_conflict() {
    // Two events at the same time: each side edits the text of one of them, so each
    // edited row shares only its time with both rows of the base.
    let base = with_timeline(&[event(0, "a"), event(0, "b")]);
    let mut mine = base.clone();
    mine.timeline[0].event = "x".into();
    mine.timeline[1].event = "y".into();
    let mut theirs = base.clone();
    theirs.timeline[0].kind = EventKind::Detected;
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].at, ConflictAt::List(List::Timeline));
    assert_eq!(m.doc.timeline, mine.timeline);
    assert_eq!(m.resolved(&[Side::Theirs]).timeline, theirs.timeline);
    // The same lists with one side untouched: no conflict, the changed side wins.
    let m = merge(&base, &mine, &base);
    assert!(m.is_clean());
    assert_eq!(m.doc.timeline, mine.timeline);
}

#[test]
fn identical_rows_of_the_base_that_change_on_both_sides_are_one_conflict() {
    let base = with_timeline(&[event(0, "same"), event(0, "same")]);
    let mut mine = base.clone();
    mine.timeline[0].link = "m".into();
    let mut theirs = base.clone();
    theirs.timeline[1].link = "t".into();
    let m = merge(&base, &mine, &theirs);
    assert_eq!(m.conflicts[0].at, ConflictAt::List(List::Timeline));
}

#[test]
fn action_items_match_by_the_fields_one_side_did_not_change() {
    let base = base();
    let mut mine = base.clone();
    mine.action_items[0].action = "Reworded by mine".into();
    mine.action_items[2].done = true;
    let mut theirs = base.clone();
    theirs.action_items[0].owner = "New owner".into();
    theirs.action_items[0].public = Some(false);
    theirs.action_items.remove(1);
    let m = merge(&base, &mine, &theirs);
    assert!(m.is_clean(), "{:#?}", m.conflicts);
    let mut expected = base.action_items.clone();
    expected[0].action = "Reworded by mine".into();
    expected[0].owner = "New owner".into();
    expected[0].public = Some(false);
    expected[2].done = true;
    expected.remove(1);
    assert_eq!(m.doc.action_items, expected);
}

#[test]
fn an_action_items_customer_choice_conflicts_on_its_own() {
    let base = base();
    let mut mine = base.clone();
    mine.action_items[1].public = Some(true);
    let mut theirs = base.clone();
    theirs.action_items[1].public = Some(false);
    let m = merge(&base, &mine, &theirs);
    assert_eq!(
        m.conflicts[0].at,
        ConflictAt::RowPublic { mine: 1, theirs: 1 }
    );
    assert_eq!(m.conflicts[0].theirs.en, "Left out of the customer version");
    assert_eq!(
        m.resolved(&[Side::Theirs]).action_items[1].public,
        Some(false)
    );
}

#[test]
fn list_entries_merge_entry_by_entry() {
    let base = base();
    let mut mine = base.clone();
    mine.causes.five_whys[1] = "Why two, by mine".into();
    mine.header.tags.push("mine-tag".into());
    let mut theirs = base.clone();
    theirs.causes.five_whys.push("A sixth why".into());
    theirs.causes.five_whys.remove(3);
    theirs.header.tags.push("theirs-tag".into());
    let m = merge(&base, &mine, &theirs);
    assert!(m.is_clean(), "{:#?}", m.conflicts);
    let mut whys = base.causes.five_whys.clone();
    whys[1] = "Why two, by mine".into();
    whys.remove(3);
    whys.push("A sixth why".into());
    assert_eq!(m.doc.causes.five_whys, whys);
    let tags = &m.doc.header.tags;
    assert_eq!(&tags[tags.len() - 2..], ["mine-tag", "theirs-tag"]);
}

#[test]
fn one_entry_edited_differently_on_both_sides_is_a_conflict_of_that_entry() {
    let base = base();
    let mut mine = base.clone();
    mine.lessons.went_well[0] = "Mine".into();
    let mut theirs = base.clone();
    theirs.lessons.went_well[0] = "Theirs".into();
    let m = merge(&base, &mine, &theirs);
    assert_eq!(
        m.conflicts[0].at,
        ConflictAt::Row {
            list: List::Entries(FieldId::WentWell),
            mine: Some(0),
            theirs: Some(0)
        }
    );
    assert_eq!(m.conflicts[0].place().en, "What went well 1");
    assert_eq!(m.doc.lessons.went_well[0], "Mine");
    assert_eq!(m.resolved(&[Side::Theirs]).lessons.went_well[0], "Theirs");
}

#[test]
fn a_rows_dismissal_follows_its_row_and_goes_with_it() {
    let base = base();
    let d = |f: &str| Dismissal {
        finding: f.into(),
        reason: "r".into(),
    };
    // Mine dismisses a finding on action item 3; theirs removes action item 1.
    let mut mine = base.clone();
    mine.dismissed.push(d("action-no-due@action:3"));
    let mut theirs = base.clone();
    theirs.action_items.remove(0);
    theirs.dismissed.push(d("action-no-owner@action:1")); // the base's item 2
    let m = merge(&base, &mine, &theirs);
    assert!(m.is_clean(), "{:#?}", m.conflicts);
    assert_eq!(m.doc.action_items, theirs.action_items);
    assert_eq!(
        m.doc.dismissed,
        [d("action-no-due@action:2"), d("action-no-owner@action:1")]
    );
    // A dismissal of a row that the merge removes goes with it.
    let mut base2 = base.clone();
    base2.dismissed.push(d("action-no-due@action:1"));
    let mut mine2 = base2.clone();
    mine2.summary = "changed".into();
    let mut theirs2 = base2.clone();
    theirs2.action_items.remove(0);
    theirs2.dismissed.clear();
    let m = merge(&base2, &mine2, &theirs2);
    assert!(m.doc.dismissed.is_empty(), "{:?}", m.doc.dismissed);
}

#[test]
fn theirs_sorting_the_rows_keeps_their_order_and_mines_new_row_follows_its_neighbour() {
    let base = with_timeline(&[event(20, "c"), event(0, "a"), event(10, "b")]);
    let mut mine = base.clone();
    mine.timeline.insert(2, event(5, "mine, after a"));
    let mut theirs = base.clone();
    theirs.timeline.sort_by_key(|e| e.time.map(|t| t.utc));
    let m = merge(&base, &mine, &theirs);
    let texts: Vec<&str> = m.doc.timeline.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(texts, ["a", "mine, after a", "b", "c"]);
}

#[test]
fn the_same_row_added_on_both_sides_is_added_once() {
    let base = with_timeline(&[event(0, "a")]);
    let mut both = base.clone();
    both.timeline.push(event(10, "same new row"));
    let m = merge(&base, &both, &both);
    assert_eq!(m.doc.timeline, both.timeline);
}

// ---------------------------------------------------------------------------------------
// The property: random edits of both sides of a generated document.

/// Where a row of an edited side came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    Base(usize),
    New,
}

/// One side's copy and where each of its rows came from.
#[derive(Clone, Debug)]
struct Edited {
    doc: Postmortem,
    events: Vec<Origin>,
    actions: Vec<Origin>,
    /// Per list field (index in `DOC_FIELDS`): origins, and how the side edits it.
    entries: Vec<(usize, Vec<Origin>, Option<EntryMode>)>,
    /// Base rows this side touched (edited once or removed), per list.
    touched: HashSet<(u8, usize)>,
}

/// A side edits a list of entries in one way, so that where each entry went stays
/// recoverable: entries replaced in place, or one removed, or one inserted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EntryMode {
    InPlace,
    Removed,
    Inserted,
}

/// A small deterministic generator, seeded by the property's numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Fresh values, unique across both sides, written around generated text.
struct Fresh<'a> {
    pool: &'a [String],
    side: char,
    n: usize,
}

impl Fresh<'_> {
    fn text(&mut self, rng: &mut Rng) -> String {
        self.n += 1;
        let t = &self.pool[rng.below(self.pool.len())];
        format!("{t}‹{}{}›", self.side, self.n)
    }
    fn time(&mut self) -> Option<Timestamp> {
        self.n += 1;
        let side = if self.side == 'm' { 0 } else { 1 };
        Some(Timestamp {
            utc: 1_800_000_000 + (self.n as i64 * 2 + side) * 60,
            offset_minutes: 0,
        })
    }
}

/// The generated base made so that its rows can be told apart: unique times and texts of
/// events, unique action texts and owners, unique entries, findings and set members.
fn distinguish(mut d: Postmortem) -> Postmortem {
    for (i, e) in d.timeline.iter_mut().enumerate() {
        e.event = format!("{}‹e{i}›", e.event);
        let offset = e.time.map_or(0, |t| t.offset_minutes);
        e.time = Some(Timestamp {
            utc: 1_600_000_000 + i as i64 * 3600,
            offset_minutes: offset,
        });
    }
    for (i, a) in d.action_items.iter_mut().enumerate() {
        a.action = format!("{}‹a{i}›", a.action);
        a.owner = format!("{}‹o{i}›", a.owner);
    }
    for f in DOC_FIELDS {
        if let Access::List(_, get_mut) = &f.access {
            for (i, e) in get_mut(&mut d).iter_mut().enumerate() {
                *e = format!("{e}‹{}{i}›", f.key);
            }
        }
    }
    for (i, x) in d.dismissed.iter_mut().enumerate() {
        x.finding = format!("{}‹d{i}›", x.finding);
    }
    for (i, x) in d.public.let_through.iter_mut().enumerate() {
        *x = format!("{x}‹l{i}›");
    }
    for (i, x) in d.public.always_redact.iter_mut().enumerate() {
        *x = format!("{x}‹r{i}›");
    }
    d
}

fn start(base: &Postmortem) -> Edited {
    Edited {
        doc: base.clone(),
        events: (0..base.timeline.len()).map(Origin::Base).collect(),
        actions: (0..base.action_items.len()).map(Origin::Base).collect(),
        entries: DOC_FIELDS
            .iter()
            .enumerate()
            .filter_map(|(i, f)| match &f.access {
                Access::List(get, _) => {
                    Some((i, (0..get(base).len()).map(Origin::Base).collect(), None))
                }
                _ => None,
            })
            .collect(),
        touched: HashSet::new(),
    }
}

/// Sets a field to a new value of its kind (a scalar of the document or of a row).
fn set_new<R>(f: &Field<R>, record: &mut R, rng: &mut Rng, fresh: &mut Fresh) {
    match &f.access {
        Access::Text(_, get_mut) => *get_mut(record) = fresh.text(rng),
        Access::List(_, get_mut) => *get_mut(record) = vec![fresh.text(rng)],
        Access::Flag(_, get_mut) => {
            *get_mut(record) = [None, Some(true), Some(false)][rng.below(3)]
        }
        Access::Check(get, get_mut) => {
            let v = !*get(record);
            *get_mut(record) = v;
        }
        Access::Choice { options, set, .. } => {
            let i = rng.below(options.len() + 1);
            set(record, options.get(i).map_or("", |o| o.0));
        }
        Access::Time(_, get_mut) => *get_mut(record) = fresh.time(),
    }
}

/// One random edit of a side.
fn edit(
    side: &mut Edited,
    mine: Option<&Edited>,
    base: &Postmortem,
    rng: &mut Rng,
    fresh: &mut Fresh,
) {
    let scalars: Vec<usize> = (0..DOC_FIELDS.len())
        .filter(|&i| !matches!(DOC_FIELDS[i].access, Access::List(..)))
        .collect();
    match rng.below(if mine.is_some() { 15 } else { 12 }) {
        0 | 1 => {
            let f = &DOC_FIELDS[scalars[rng.below(scalars.len())]];
            set_new(f, &mut side.doc, rng, fresh);
        }
        2 => side.doc.template = *rng_pick(<Template as Choice>::ALL, rng),
        3 => {
            let part = Part::ALL[rng.below(Part::ALL.len())];
            *part.stored_mut(&mut side.doc) = (rng.below(3) > 0).then(|| fresh.text(rng));
        }
        4 => {
            let list = if rng.below(2) == 0 {
                &mut side.doc.public.let_through
            } else {
                &mut side.doc.public.always_redact
            };
            if rng.below(2) == 0 && !list.is_empty() {
                list.remove(rng.below(list.len()));
            } else {
                list.push(fresh.text(rng));
            }
        }
        5 => {
            let d = &mut side.doc.dismissed;
            match rng.below(3) {
                0 if !d.is_empty() => {
                    d.remove(rng.below(d.len()));
                }
                1 if !d.is_empty() => {
                    let i = rng.below(d.len());
                    d[i].reason = fresh.text(rng);
                }
                _ => d.push(Dismissal {
                    finding: fresh.text(rng),
                    reason: fresh.text(rng),
                }),
            }
        }
        6 | 7 => edit_rows(
            0,
            &mut side.doc.timeline,
            &mut side.events,
            &mut side.touched,
            EVENT_FIELDS,
            |fresh, rng| TimelineEvent {
                time: fresh.time(),
                event: fresh.text(rng),
                kind: EventKind::Other,
                link: String::new(),
            },
            |_, _, _| {},
            rng,
            fresh,
        ),
        8 | 9 => edit_rows(
            1,
            &mut side.doc.action_items,
            &mut side.actions,
            &mut side.touched,
            ACTION_FIELDS,
            |fresh, rng| ActionItem {
                action: fresh.text(rng),
                owner: fresh.text(rng),
                ..ActionItem::default()
            },
            |a: &mut ActionItem, rng: &mut Rng, _| {
                a.public = [None, Some(true), Some(false)][rng.below(3)];
            },
            rng,
            fresh,
        ),
        10 | 11 => {
            let k = rng.below(side.entries.len());
            let (i, origins, mode) = &mut side.entries[k];
            let Access::List(_, get_mut) = &DOC_FIELDS[*i].access else {
                return;
            };
            let entries = get_mut(&mut side.doc);
            let want = match mode {
                Some(m) => *m,
                None => [EntryMode::InPlace, EntryMode::Removed, EntryMode::Inserted][rng.below(3)],
            };
            match want {
                EntryMode::InPlace => {
                    if entries.is_empty() {
                        return;
                    }
                    let at = rng.below(entries.len());
                    entries[at] = fresh.text(rng);
                    *mode = Some(EntryMode::InPlace);
                }
                EntryMode::Removed if mode.is_none() && !entries.is_empty() => {
                    let at = rng.below(entries.len());
                    entries.remove(at);
                    origins.remove(at);
                    *mode = Some(EntryMode::Removed);
                }
                EntryMode::Inserted if mode.is_none() => {
                    let at = rng.below(entries.len() + 1);
                    entries.insert(at, fresh.text(rng));
                    origins.insert(at, Origin::New);
                    *mode = Some(EntryMode::Inserted);
                }
                _ => {}
            }
        }
        12 | 13 => {
            // Theirs edits what mine edited, differently: a field, or a field of a row.
            let Some(mine) = mine else { return };
            if rng.below(2) == 0 {
                let changed: Vec<usize> = scalars
                    .iter()
                    .copied()
                    .filter(|&i| !same(&DOC_FIELDS[i], &mine.doc, base))
                    .collect();
                if let Some(&i) = changed.get(rng.below(changed.len())) {
                    set_new(&DOC_FIELDS[i], &mut side.doc, rng, fresh);
                }
                return;
            }
            let edited: Vec<(usize, usize)> = mine
                .events
                .iter()
                .enumerate()
                .filter_map(|(p, o)| match o {
                    Origin::Base(b) if mine.doc.timeline[p] != base.timeline[*b] => Some((p, *b)),
                    _ => None,
                })
                .collect();
            let Some(&(p, b)) = edited.get(rng.below(edited.len())) else {
                return;
            };
            let Some(f) = EVENT_FIELDS
                .iter()
                .find(|f| !same(f, &mine.doc.timeline[p], &base.timeline[b]))
            else {
                return;
            };
            if side.touched.insert((0, b)) {
                if let Some(q) = side.events.iter().position(|o| *o == Origin::Base(b)) {
                    set_new(f, &mut side.doc.timeline[q], rng, fresh);
                }
            }
        }
        _ => {
            // Theirs makes one of mine's edits too: a field, or a whole row.
            let Some(mine) = mine else { return };
            if rng.below(2) == 0 {
                let changed: Vec<usize> = scalars
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let f = &DOC_FIELDS[i];
                        f.text(&mine.doc, Language::En) != f.text(base, Language::En)
                    })
                    .collect();
                if let Some(&i) = changed.get(rng.below(changed.len())) {
                    copy(&DOC_FIELDS[i], &mine.doc, &mut side.doc);
                }
            } else {
                let edited: Vec<(usize, usize)> = mine
                    .actions
                    .iter()
                    .enumerate()
                    .filter_map(|(p, o)| match o {
                        Origin::Base(b) if mine.doc.action_items[p] != base.action_items[*b] => {
                            Some((p, *b))
                        }
                        _ => None,
                    })
                    .collect();
                if let Some(&(p, b)) = edited.get(rng.below(edited.len())) {
                    if side.touched.insert((1, b)) {
                        if let Some(q) = side.actions.iter().position(|o| *o == Origin::Base(b)) {
                            side.doc.action_items[q] = mine.doc.action_items[p].clone();
                        }
                    }
                }
            }
        }
    }
}

fn rng_pick<'a, T>(all: &'a [T], rng: &mut Rng) -> &'a T {
    &all[rng.below(all.len())]
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

/// Adds, removes or edits one field of a row (each base row at most once per side).
#[allow(clippy::too_many_arguments)]
fn edit_rows<R: Clone>(
    list: u8,
    rows: &mut Vec<R>,
    origins: &mut Vec<Origin>,
    touched: &mut HashSet<(u8, usize)>,
    fields: &[Field<R>],
    new_row: impl Fn(&mut Fresh, &mut Rng) -> R,
    extra: impl Fn(&mut R, &mut Rng, &mut Fresh),
    rng: &mut Rng,
    fresh: &mut Fresh,
) {
    let untouched: Vec<usize> = (0..rows.len())
        .filter(|&p| matches!(origins[p], Origin::Base(b) if !touched.contains(&(list, b))))
        .collect();
    match rng.below(3) {
        0 => {
            let at = rng.below(rows.len() + 1);
            rows.insert(at, new_row(fresh, rng));
            origins.insert(at, Origin::New);
        }
        1 if !untouched.is_empty() => {
            let p = untouched[rng.below(untouched.len())];
            if let Origin::Base(b) = origins[p] {
                touched.insert((list, b));
            }
            rows.remove(p);
            origins.remove(p);
        }
        _ if !untouched.is_empty() => {
            let p = untouched[rng.below(untouched.len())];
            if let Origin::Base(b) = origins[p] {
                touched.insert((list, b));
            }
            let k = rng.below(fields.len() + 1);
            match fields.get(k) {
                Some(f) => set_new(f, &mut rows[p], rng, fresh),
                None => extra(&mut rows[p], rng, fresh),
            }
        }
        _ => {}
    }
}

/// What a conflict is, in terms the property can predict: its kind, what it names, and the
/// base row when it is about one.
fn describe(at: &ConflictAt, mine: &Edited, theirs: &Edited) -> String {
    let origin = |list: List, side: &Edited, i: usize| -> Option<Origin> {
        match list {
            List::Timeline => side.events.get(i).copied(),
            List::ActionItems => side.actions.get(i).copied(),
            List::Entries(f) => side
                .entries
                .iter()
                .find(|(k, _, _)| DOC_FIELDS[*k].id == f)
                .and_then(|(_, o, _)| o.get(i).copied()),
        }
    };
    match at {
        ConflictAt::RowField { field, mine: m, .. } => {
            let list = if field.section() == SectionId::Timeline {
                List::Timeline
            } else {
                List::ActionItems
            };
            format!("row-field {field:?} {:?}", origin(list, mine, *m))
        }
        ConflictAt::RowPublic { mine: m, .. } => {
            format!("row-public {:?}", origin(List::ActionItems, mine, *m))
        }
        ConflictAt::Row {
            list,
            mine: m,
            theirs: t,
        } => {
            let o = match (m, t) {
                (Some(m), _) => origin(*list, mine, *m),
                (None, Some(t)) => origin(*list, theirs, *t),
                (None, None) => None,
            };
            format!("row {list:?} {o:?}")
        }
        other => format!("{other:?}"),
    }
}

/// The property's own merge of one list, from where each row truly came from: the rows
/// with mine at conflicts, with theirs, and the conflicts.
fn expect_rows<R: Clone + PartialEq + std::fmt::Debug>(
    list: List,
    base: &[R],
    (mine, mine_origins): (&[R], &[Origin]),
    (theirs, theirs_origins): (&[R], &[Origin]),
    merge_row: impl Fn(&R, &R, &R) -> (R, R, Vec<String>),
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let find = |rows: &[R], origins: &[Origin], b: usize| {
        origins
            .iter()
            .position(|o| *o == Origin::Base(b))
            .map(|p| rows[p].clone())
    };
    let (mut as_mine, mut as_theirs, mut conflicts) = (Vec::new(), Vec::new(), Vec::new());
    for (b, row) in base.iter().enumerate() {
        match (find(mine, mine_origins, b), find(theirs, theirs_origins, b)) {
            (Some(m), Some(t)) => {
                let (x, y, c) = merge_row(row, &m, &t);
                as_mine.push(x);
                as_theirs.push(y);
                conflicts.extend(
                    c.into_iter()
                        .map(|c| format!("{c} {:?}", Some(Origin::Base(b)))),
                );
            }
            (None, None) => {}
            (m, t) => {
                let present = m.clone().or(t.clone());
                if present.as_ref() != Some(row) {
                    conflicts.push(format!("row {list:?} {:?}", Some(Origin::Base(b))));
                    as_mine.extend(m);
                    as_theirs.extend(t);
                }
            }
        }
    }
    for (rows, origins) in [(mine, mine_origins), (theirs, theirs_origins)] {
        for (p, o) in origins.iter().enumerate() {
            if *o == Origin::New {
                as_mine.push(rows[p].clone());
                as_theirs.push(rows[p].clone());
            }
        }
    }
    let sorted = |rows: Vec<R>| {
        let mut v: Vec<String> = rows.iter().map(|r| format!("{r:?}")).collect();
        v.sort();
        v
    };
    (sorted(as_mine), sorted(as_theirs), conflicts)
}

/// A row with fields merged field by field, as the rules say.
fn merge_fields<R: Clone>(
    fields: &[Field<R>],
    list: List,
    base: &R,
    mine: &R,
    theirs: &R,
) -> (R, R, Vec<String>) {
    let (mut x, mut y, mut c) = (mine.clone(), mine.clone(), Vec::new());
    for f in fields {
        if same(f, mine, theirs) || same(f, theirs, base) {
            continue;
        }
        if same(f, mine, base) {
            copy(f, theirs, &mut x);
            copy(f, theirs, &mut y);
        } else {
            copy(f, theirs, &mut y);
            let _ = list;
            c.push(format!("row-field {:?}", f.id));
        }
    }
    (x, y, c)
}

fn sorted_debug<R: std::fmt::Debug>(rows: &[R]) -> Vec<String> {
    let mut v: Vec<String> = rows.iter().map(|r| format!("{r:?}")).collect();
    v.sort();
    v
}

fn pick3<T: PartialEq + Clone>(b: &T, m: &T, t: &T) -> (T, T, bool) {
    if m == t || t == b {
        (m.clone(), m.clone(), false)
    } else if m == b {
        (t.clone(), t.clone(), false)
    } else {
        (m.clone(), t.clone(), true)
    }
}

fn set_merge(b: &[String], m: &[String], t: &[String]) -> HashSet<String> {
    let all: HashSet<&String> = b.iter().chain(m).chain(t).collect();
    all.into_iter()
        .filter(|v| {
            let (ib, im, it) = (b.contains(v), m.contains(v), t.contains(v));
            (ib && im && it) || (!ib && (im || it))
        })
        .cloned()
        .collect()
}

#[test]
fn every_edit_of_either_side_is_merged_or_in_a_conflict_and_nothing_else_changes() {
    let strategy = (
        document(),
        prop::collection::vec(text(), 8),
        prop::collection::vec(any::<u64>(), 0..24),
        prop::collection::vec(any::<u64>(), 0..24),
    );
    runner(500, 21)
        .run(&strategy, |(doc, pool, mine_seeds, theirs_seeds)| {
            let base = distinguish(doc);
            let mut fresh_m = Fresh {
                pool: &pool,
                side: 'm',
                n: 0,
            };
            let mut mine = start(&base);
            for s in &mine_seeds {
                edit(&mut mine, None, &base, &mut Rng(s | 1), &mut fresh_m);
            }
            let mut fresh_t = Fresh {
                pool: &pool,
                side: 't',
                n: 0,
            };
            let mut theirs = start(&base);
            for s in &theirs_seeds {
                edit(
                    &mut theirs,
                    Some(&mine),
                    &base,
                    &mut Rng(s | 1),
                    &mut fresh_t,
                );
            }
            let merged = merge(&base, &mine.doc, &theirs.doc);
            let (m, t) = (&mine.doc, &theirs.doc);

            let mut expected_conflicts: Vec<String> = Vec::new();
            // The document's scalar fields.
            for f in DOC_FIELDS {
                if matches!(f.access, Access::List(..)) {
                    continue;
                }
                let field_of = |d: &Postmortem| {
                    let mut x = Postmortem::default();
                    copy(f, d, &mut x);
                    x
                };
                let (x, y, c) = pick3(&field_of(&base), &field_of(m), &field_of(t));
                prop_assert!(same(f, &merged.doc, &x), "{:?}", f.id);
                let all_theirs = merged.resolved(&vec![Side::Theirs; merged.conflicts.len()]);
                prop_assert!(same(f, &all_theirs, &y), "{:?} with theirs", f.id);
                if c {
                    expected_conflicts.push(format!("{:?}", ConflictAt::Field(f.id)));
                    let conflict = merged
                        .conflicts
                        .iter()
                        .find(|c| c.at == ConflictAt::Field(f.id))
                        .ok_or_else(|| TestCaseError::fail(format!("{:?} conflict", f.id)))?;
                    prop_assert_eq!(&conflict.mine.en, &f.text(m, Language::En));
                    prop_assert_eq!(&conflict.theirs.en, &f.text(t, Language::En));
                    prop_assert_eq!(&conflict.base.en, &f.text(&base, Language::En));
                }
            }
            let all_theirs = merged.resolved(&vec![Side::Theirs; merged.conflicts.len()]);
            let (x, y, c) = pick3(&base.template, &m.template, &t.template);
            prop_assert_eq!(merged.doc.template, x);
            prop_assert_eq!(all_theirs.template, y);
            if c {
                expected_conflicts.push(format!("{:?}", ConflictAt::Template));
            }
            for part in Part::ALL {
                let (x, y, c) = pick3(&part.stored(&base), &part.stored(m), &part.stored(t));
                prop_assert_eq!(part.stored(&merged.doc), x);
                prop_assert_eq!(part.stored(&all_theirs), y);
                if c {
                    expected_conflicts.push(format!("{:?}", ConflictAt::Public(part)));
                }
            }
            let as_set = |v: &[String]| v.iter().cloned().collect::<HashSet<String>>();
            prop_assert_eq!(
                as_set(&merged.doc.public.let_through),
                set_merge(
                    &base.public.let_through,
                    &m.public.let_through,
                    &t.public.let_through
                )
            );
            prop_assert_eq!(
                as_set(&merged.doc.public.always_redact),
                set_merge(
                    &base.public.always_redact,
                    &m.public.always_redact,
                    &t.public.always_redact
                )
            );

            // Dismissals: a set keyed by finding, each reason merged as a field.
            let reason = |d: &Postmortem, k: &str| {
                d.dismissed
                    .iter()
                    .find(|x| x.finding == k)
                    .map(|x| x.reason.clone())
            };
            let keys: HashSet<String> = [&base, m, t]
                .iter()
                .flat_map(|d| d.dismissed.iter().map(|x| x.finding.clone()))
                .collect();
            for k in &keys {
                let (x, y, c) = pick3(&reason(&base, k), &reason(m, k), &reason(t, k));
                prop_assert_eq!(reason(&merged.doc, k), x, "{}", k);
                prop_assert_eq!(reason(&all_theirs, k), y, "{}", k);
                if c {
                    expected_conflicts.push(format!("{:?}", ConflictAt::Dismissal(k.clone())));
                }
            }
            prop_assert_eq!(merged.doc.dismissed.len(), {
                keys.iter()
                    .filter(|k| reason(&merged.doc, k).is_some())
                    .count()
            });

            // The lists, row by row, from where each row truly came from.
            let (em, et, ec) = expect_rows(
                List::Timeline,
                &base.timeline,
                (&m.timeline, &mine.events),
                (&t.timeline, &theirs.events),
                |b, x, y| merge_fields(EVENT_FIELDS, List::Timeline, b, x, y),
            );
            prop_assert_eq!(sorted_debug(&merged.doc.timeline), em);
            prop_assert_eq!(sorted_debug(&all_theirs.timeline), et);
            expected_conflicts.extend(ec);
            let (em, et, ec) = expect_rows(
                List::ActionItems,
                &base.action_items,
                (&m.action_items, &mine.actions),
                (&t.action_items, &theirs.actions),
                |b, x, y| {
                    let (mut p, mut q, mut c) =
                        merge_fields(ACTION_FIELDS, List::ActionItems, b, x, y);
                    let (u, v, conflict) = pick3(&b.public, &x.public, &y.public);
                    p.public = u;
                    q.public = v;
                    if conflict {
                        c.push("row-public".to_owned());
                    }
                    (p, q, c)
                },
            );
            prop_assert_eq!(sorted_debug(&merged.doc.action_items), em);
            prop_assert_eq!(sorted_debug(&all_theirs.action_items), et);
            expected_conflicts.extend(ec);
            for ((i, mo, _), (_, to, _)) in mine.entries.iter().zip(&theirs.entries) {
                let f = &DOC_FIELDS[*i];
                let Access::List(get, _) = &f.access else {
                    continue;
                };
                let list = List::Entries(f.id);
                let (em, et, ec) = expect_rows(
                    list,
                    get(&base),
                    (get(m), mo),
                    (get(t), to),
                    |b: &String, x: &String, y: &String| {
                        let (p, q, c) = pick3(b, x, y);
                        (
                            p,
                            q,
                            if c {
                                vec![format!("row {list:?}")]
                            } else {
                                Vec::new()
                            },
                        )
                    },
                );
                prop_assert_eq!(sorted_debug(get(&merged.doc)), em, "{:?}", f.id);
                prop_assert_eq!(sorted_debug(get(&all_theirs)), et, "{:?}", f.id);
                expected_conflicts.extend(ec);
            }

            // Exactly the conflicts the rules predict, each naming what it is about; never a
            // whole list, since every row here can be told apart.
            let mut actual: Vec<String> = merged
                .conflicts
                .iter()
                .map(|c| describe(&c.at, &mine, &theirs))
                .collect();
            actual.sort();
            expected_conflicts.sort();
            prop_assert_eq!(actual, expected_conflicts);

            // Resolving one by one is resolving all at once.
            let mut one_by_one = merged.clone();
            for i in 0..merged.conflicts.len() {
                one_by_one.resolve(i, Side::Theirs);
            }
            prop_assert_eq!(&one_by_one.doc, &all_theirs);
            // And with no conflict, the merge of a side with itself is that side.
            prop_assert_eq!(&merge(&base, m, m).doc, m);
            prop_assert_eq!(&merge(&base, &base, t).doc, t);
            Ok(())
        })
        .expect("property holds");
}
