//! Stable keys for the rows of every list in the open document.
//!
//! A keyed `<For>` re-renders only the rows that change, and a row keeps its DOM (and so its
//! input state) when rows around it are added, moved or removed. The keys live here, in the
//! app's state, and are never written into the document: exports and round trips stay
//! exactly as they are.

use hindsight_core::session::RowList;
use hindsight_core::{FieldId, Postmortem};
use leptos::prelude::*;

/// The lists of one-line entries, in a fixed order.
const ENTRY_LISTS: [FieldId; 4] = [
    FieldId::FiveWhys,
    FieldId::WentWell,
    FieldId::WentWrong,
    FieldId::GotLucky,
];

/// The keys of each list's rows, in the document's order.
#[derive(Clone, Copy)]
pub struct RowKeys {
    timeline: RwSignal<Vec<u32>>,
    actions: RwSignal<Vec<u32>>,
    entries: [RwSignal<Vec<u32>>; 4],
    next: StoredValue<u32>,
}

impl RowKeys {
    /// No rows yet.
    pub fn new() -> Self {
        Self {
            timeline: RwSignal::new(Vec::new()),
            actions: RwSignal::new(Vec::new()),
            entries: std::array::from_fn(|_| RwSignal::new(Vec::new())),
            next: StoredValue::new(1),
        }
    }

    /// Every list, in a fixed order.
    fn all() -> impl Iterator<Item = RowList> {
        [RowList::Timeline, RowList::Actions]
            .into_iter()
            .chain(ENTRY_LISTS.into_iter().map(RowList::Entries))
    }

    /// How many rows each list has, in the order of [`RowKeys::all`].
    pub fn lengths(doc: &Postmortem) -> Vec<usize> {
        Self::all().map(|list| list.len(doc)).collect()
    }

    /// The keys of a list, as a signal the views iterate.
    pub fn keys(&self, list: RowList) -> RwSignal<Vec<u32>> {
        match list {
            RowList::Timeline => self.timeline,
            RowList::Actions => self.actions,
            RowList::Entries(field) => {
                let i = ENTRY_LISTS.iter().position(|f| *f == field).unwrap_or(0);
                self.entries[i]
            }
        }
    }

    fn fresh(&self) -> u32 {
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        key
    }

    /// New keys for every row: the document was replaced.
    pub fn reset(&self, lengths: &[usize]) {
        for (list, len) in Self::all().zip(lengths) {
            let keys: Vec<u32> = (0..*len).map(|_| self.fresh()).collect();
            self.keys(list).set(keys);
        }
    }

    /// A new key at position `at`; returns it.
    pub fn insert(&self, list: RowList, at: usize) -> u32 {
        let key = self.fresh();
        self.keys(list).update(|k| k.insert(at.min(k.len()), key));
        key
    }

    /// Where a key is now.
    pub fn index_of(&self, list: RowList, key: u32) -> Option<usize> {
        self.keys(list)
            .with_untracked(|k| k.iter().position(|x| *x == key))
    }

    /// Swaps two rows' keys, as the rows were swapped.
    pub fn swap(&self, list: RowList, a: usize, b: usize) {
        self.keys(list).update(|k| {
            if a < k.len() && b < k.len() {
                k.swap(a, b);
            }
        });
    }

    /// Drops the key at `index`.
    pub fn remove(&self, list: RowList, index: usize) {
        self.keys(list).update(|k| {
            if index < k.len() {
                k.remove(index);
            }
        });
    }

    /// The key now at `index`, or the last one before it.
    pub fn near(&self, list: RowList, index: usize) -> Option<u32> {
        self.keys(list)
            .with_untracked(|k| k.get(index).or_else(|| k.last()).copied())
    }

    /// Reorders keys as rows were: `order[i]` is the old position of the row now at `i`.
    pub fn reorder(&self, list: RowList, order: &[usize]) {
        self.keys(list).update(|k| {
            if order.len() == k.len() {
                *k = order.iter().map(|&i| k[i]).collect();
            }
        });
    }
}

impl Default for RowKeys {
    fn default() -> Self {
        Self::new()
    }
}
