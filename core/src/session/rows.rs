//! Rows of the open document (timeline events, action items, list entries): add, move,
//! sort and remove, and Undo of a removed row or a deleted draft.

use crate::document::Postmortem;
use crate::draft::Draft;
use crate::fields::{doc_field, Access, FieldId};
use crate::review::{renumber_row_dismissals, restore_row_dismissals};
use crate::storage::KeyValue;

use super::{Env, Session};

/// A list of rows in the open document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowList {
    /// The timeline's events.
    Timeline,
    /// The action items.
    Actions,
    /// A list of one-line entries (five whys, lessons), by its field.
    Entries(FieldId),
}

impl RowList {
    fn entries(field: FieldId, doc: &mut Postmortem) -> Option<&mut Vec<String>> {
        match &doc_field(field)?.access {
            Access::List(_, get_mut) => Some(get_mut(doc)),
            _ => None,
        }
    }

    /// The field that names the list's rows in the review's dismissal keys.
    fn field(self) -> FieldId {
        match self {
            RowList::Timeline => FieldId::EventTime,
            RowList::Actions => FieldId::ActionOwner,
            RowList::Entries(field) => field,
        }
    }

    /// How many rows the list has in `doc`.
    pub fn len(self, doc: &Postmortem) -> usize {
        match self {
            RowList::Timeline => doc.timeline.len(),
            RowList::Actions => doc.action_items.len(),
            RowList::Entries(field) => match doc_field(field).map(|f| &f.access) {
                Some(Access::List(get, _)) => get(doc).len(),
                _ => 0,
            },
        }
    }
}

/// A removed row, kept for Undo.
#[derive(Clone, Debug, PartialEq)]
pub enum RemovedRow {
    /// A timeline event.
    Event(crate::TimelineEvent),
    /// An action item.
    Action(crate::ActionItem),
    /// A list entry.
    Entry(String),
}

/// Something the user can take back with Undo.
#[derive(Clone, Debug, PartialEq)]
pub enum Undoable {
    /// A deleted draft.
    Draft(Box<Draft>),
    /// A row removed from a list of the open document, and where it was.
    Row {
        /// Its list.
        list: RowList,
        /// Its position.
        index: usize,
        /// The row.
        row: RemovedRow,
        /// The review's dismissals of that row, which come back with it.
        dismissed: Vec<crate::Dismissal>,
    },
    /// Timeline events pasted in at once, which Undo takes out again.
    Pasted {
        /// Where the first one went.
        index: usize,
        /// How many.
        count: usize,
        /// An empty row they took the place of, which Undo leaves back.
        replaced_empty: bool,
    },
}

/// What Undo brought back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undone {
    /// Nothing was left to undo.
    Nothing,
    /// A draft, now open.
    Draft,
    /// A row, at this position of its list.
    Row(RowList, usize),
    /// Pasted timeline events taken out again: `count` rows from this position, and
    /// whether an empty row came back in their place.
    Unpasted(usize, usize, bool),
}

impl<K: KeyValue, E: Env> Session<K, E> {
    /// Adds an empty row at the end of a list; returns its position.
    pub fn add_row(&mut self, list: RowList) -> Option<usize> {
        let mut at = None;
        self.edit(|d| {
            at = match list {
                RowList::Timeline => {
                    d.timeline.push(Default::default());
                    Some(d.timeline.len() - 1)
                }
                RowList::Actions => {
                    d.action_items.push(Default::default());
                    Some(d.action_items.len() - 1)
                }
                RowList::Entries(field) => RowList::entries(field, d).map(|e| {
                    e.push(String::new());
                    e.len() - 1
                }),
            }
        });
        at
    }

    /// Adds an empty timeline event right after row `after` (Enter in an event); returns its
    /// position.
    pub fn add_event_after(&mut self, after: usize) -> Option<usize> {
        let mut at = None;
        self.edit(|d| {
            let i = (after + 1).min(d.timeline.len());
            d.timeline.insert(i, Default::default());
            let shift = |r: usize| Some(if r >= i { r + 1 } else { r });
            renumber_row_dismissals(&mut d.dismissed, RowList::Timeline.field(), shift);
            at = Some(i);
        });
        at
    }

    /// Puts pasted events in the timeline at row `at`, taking the place of that row when it
    /// is empty; Undo takes them out again. Returns how many went in.
    pub fn paste_events(&mut self, at: usize, events: Vec<crate::TimelineEvent>) -> usize {
        let count = events.len();
        if count == 0 {
            return 0;
        }
        let mut replaced_empty = false;
        let mut index = at;
        self.edit(|d| {
            index = at.min(d.timeline.len());
            replaced_empty = d
                .timeline
                .get(index)
                .is_some_and(|e| *e == crate::TimelineEvent::default());
            if replaced_empty {
                d.timeline.remove(index);
            }
            let added = count - usize::from(replaced_empty);
            let shift = |r: usize| Some(if r >= index { r + added } else { r });
            renumber_row_dismissals(&mut d.dismissed, RowList::Timeline.field(), shift);
            for (k, e) in events.into_iter().enumerate() {
                d.timeline.insert(index + k, e);
            }
        });
        self.undo.push(Undoable::Pasted {
            index,
            count,
            replaced_empty,
        });
        count
    }

    /// Moves a row one place up (`-1`) or down (`1`); returns its new position.
    pub fn move_row(&mut self, list: RowList, from: usize, step: isize) -> Option<usize> {
        fn shift<T>(rows: &mut [T], from: usize, step: isize) -> Option<usize> {
            let to = from.checked_add_signed(step)?;
            if to >= rows.len() || from >= rows.len() {
                return None;
            }
            rows.swap(from, to);
            Some(to)
        }
        let mut to = None;
        self.edit(|d| {
            to = match list {
                RowList::Timeline => shift(&mut d.timeline, from, step),
                RowList::Actions => shift(&mut d.action_items, from, step),
                RowList::Entries(field) => {
                    RowList::entries(field, d).and_then(|e| shift(e, from, step))
                }
            };
            if let Some(to) = to {
                let swap = |i| {
                    Some(if i == from {
                        to
                    } else if i == to {
                        from
                    } else {
                        i
                    })
                };
                renumber_row_dismissals(&mut d.dismissed, list.field(), swap);
            }
        });
        to
    }

    /// Orders the timeline by time (untimed events last, ties in their order); returns the
    /// old position of each row in its new place.
    pub fn sort_timeline(&mut self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.doc.timeline.len()).collect();
        let timeline = &self.doc.timeline;
        // A stable sort keeps the user's order among equal times, as `sorted_by_time` does.
        crate::sort::sort_by_key(&mut order, |&i| {
            (timeline[i].time.is_none(), timeline[i].time.map(|t| t.utc))
        });
        let order_ref = &order;
        self.edit(|d| {
            d.timeline = order_ref.iter().map(|&i| d.timeline[i].clone()).collect();
            let new_index = |old| order_ref.iter().position(|&i| i == old);
            renumber_row_dismissals(&mut d.dismissed, RowList::Timeline.field(), new_index);
        });
        order
    }

    /// Removes a row, keeping it for Undo.
    pub fn remove_row(&mut self, list: RowList, index: usize) -> bool {
        let mut removed = None;
        let mut dismissed = Vec::new();
        self.edit(|d| {
            removed = match list {
                RowList::Timeline if index < d.timeline.len() => {
                    Some(RemovedRow::Event(d.timeline.remove(index)))
                }
                RowList::Actions if index < d.action_items.len() => {
                    Some(RemovedRow::Action(d.action_items.remove(index)))
                }
                RowList::Entries(field) => RowList::entries(field, d)
                    .filter(|e| index < e.len())
                    .map(|e| RemovedRow::Entry(e.remove(index))),
                _ => None,
            };
            if removed.is_some() {
                let shift = |i: usize| match i.cmp(&index) {
                    std::cmp::Ordering::Less => Some(i),
                    std::cmp::Ordering::Equal => None,
                    std::cmp::Ordering::Greater => Some(i - 1),
                };
                dismissed = renumber_row_dismissals(&mut d.dismissed, list.field(), shift);
            }
        });
        match removed {
            Some(row) => {
                self.undo.push(Undoable::Row {
                    list,
                    index,
                    row,
                    dismissed,
                });
                true
            }
            None => false,
        }
    }

    /// Takes back the last undoable action.
    pub fn undo_last(&mut self) -> Undone {
        match self.undo.pop() {
            Some(Undoable::Draft(draft)) => {
                let mut draft = *draft;
                // If the id came back meanwhile (another tab wrote it), keep both.
                if self.index.get(&draft.id).is_some() || self.store.load(&draft.id).is_some() {
                    draft.id = self.env.new_id();
                    draft.rev = 0;
                }
                self.add_and_open(draft);
                Undone::Draft
            }
            Some(Undoable::Row {
                list,
                index,
                row,
                dismissed,
            }) => {
                // Only the row (and its dismissals) goes back; everything typed since stays.
                let mut at = index;
                self.edit(|d| {
                    match (list, row) {
                        (RowList::Timeline, RemovedRow::Event(e)) => {
                            at = index.min(d.timeline.len());
                            d.timeline.insert(at, e);
                        }
                        (RowList::Actions, RemovedRow::Action(a)) => {
                            at = index.min(d.action_items.len());
                            d.action_items.insert(at, a);
                        }
                        (RowList::Entries(field), RemovedRow::Entry(text)) => {
                            if let Some(entries) = RowList::entries(field, d) {
                                at = index.min(entries.len());
                                entries.insert(at, text);
                            }
                        }
                        _ => return,
                    }
                    let shift = |i: usize| Some(if i >= at { i + 1 } else { i });
                    renumber_row_dismissals(&mut d.dismissed, list.field(), shift);
                    restore_row_dismissals(&mut d.dismissed, list.field(), at, dismissed);
                });
                Undone::Row(list, at)
            }
            Some(Undoable::Pasted {
                index,
                count,
                replaced_empty,
            }) => {
                let mut taken = 0;
                self.edit(|d| {
                    let end = (index + count).min(d.timeline.len());
                    let start = index.min(end);
                    d.timeline.drain(start..end);
                    taken = end - start;
                    if replaced_empty {
                        d.timeline.insert(start, Default::default());
                    }
                    let back = taken - usize::from(replaced_empty);
                    let shift = |r: usize| match r {
                        r if r < start => Some(r),
                        r if r < start + taken => None,
                        r => Some(r - back),
                    };
                    renumber_row_dismissals(&mut d.dismissed, RowList::Timeline.field(), shift);
                });
                Undone::Unpasted(index, taken, replaced_empty)
            }
            None => Undone::Nothing,
        }
    }
}
