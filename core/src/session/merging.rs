//! Another version of the open draft, merged into this tab's text field by field: another
//! tab's write, or the connected folder's file changed on disk. What only one side changed
//! is taken without asking; what both changed waits for the user's choice per conflict.

use crate::document::Postmortem;
use crate::merge::{merge, Merged, Side};

use super::alerts::{Alert, AlertAction, AlertKind, Notice, SaveState};
use super::{Env, Session};
use crate::storage::KeyValue;

/// Where the other version of the open draft comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Another tab of this browser wrote the draft.
    OtherTab,
    /// The draft's file in the connected folder changed on disk (a `git pull`).
    Folder,
}

/// A merge that waits for the user: the merged document with its conflicts, and the other
/// version it was merged with.
#[derive(Clone, Debug)]
pub struct Pending {
    /// Where the other version comes from.
    pub source: Source,
    /// The merge, with mine chosen at each conflict until the user says otherwise.
    pub merged: Merged,
    /// The other version, whole: "Keep both" shows it under the draft's own id.
    pub theirs: Postmortem,
    /// The revision storage holds the other version under (another tab's write); the open
    /// draft's own revision for a file.
    theirs_rev: u64,
}

/// What merging another version in did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing differed from this tab's text.
    Same,
    /// Everything merged without asking; the open document holds it.
    Merged,
    /// Both sides changed something differently: the user is asked ([`Session::merging`]).
    Asks,
}

impl<K: KeyValue, E: Env> Session<K, E> {
    /// Where a version merged in without asking came from, once: the app says so.
    pub fn take_merge_note(&mut self) -> Option<Source> {
        self.merge_note.take()
    }

    /// The merge waiting for the user's choices, if any.
    pub fn merging(&self) -> Option<&Pending> {
        self.merging.as_deref()
    }

    /// Merges another version of the open draft into this tab's text, from `base`, the
    /// version both started from. `rev` is the other version's revision in storage.
    pub(super) fn merge_in(
        &mut self,
        base: &Postmortem,
        theirs: Postmortem,
        rev: u64,
        source: Source,
    ) -> Outcome {
        let merged = merge(base, &self.doc, &theirs);
        if merged.is_clean() {
            if merged.doc == self.doc {
                // Theirs holds nothing this tab lacks.
                if source == Source::OtherTab {
                    self.adopt_rev(rev);
                    // Storage holds theirs: this tab's text is written over it only if more.
                    self.dirty = self.doc != theirs;
                    if !self.dirty
                        && self
                            .pending
                            .iter()
                            .all(|d| Some(d.id.as_str()) != self.open_id())
                    {
                        self.save_state = SaveState::Saved;
                    }
                    self.flush();
                }
                self.base_after(source, theirs);
                return Outcome::Same;
            }
            self.doc = merged.doc;
            self.adopt_rev(rev);
            self.generation += 1;
            self.merge_note = Some(source);
            self.base_after(source, theirs);
            self.touch();
            self.flush();
            return Outcome::Merged;
        }
        self.merging = Some(Box::new(Pending {
            source,
            merged,
            theirs,
            theirs_rev: rev,
        }));
        self.save_state = SaveState::NotSaved;
        self.alert = Some(Alert {
            kind: AlertKind::Conflict,
            notice: match source {
                Source::OtherTab => Notice::Conflict,
                Source::Folder => Notice::FolderConflict,
            },
            actions: vec![AlertAction::ChooseMerge, AlertAction::KeepBoth],
        });
        Outcome::Asks
    }

    /// Keeps, at each conflict in order, the side chosen (missing ones keep mine), and
    /// writes the result.
    pub fn resolve_merge(&mut self, choices: &[Side]) {
        let Some(pending) = self.merging.take() else {
            return;
        };
        self.doc = pending.merged.resolved(choices);
        self.adopt_rev(pending.theirs_rev);
        self.generation += 1;
        self.base_after(pending.source, pending.theirs);
        self.clear_alert(AlertKind::Conflict);
        self.save_state = SaveState::Saving;
        self.touch();
        self.flush();
    }

    /// Resolves a conflict without choosing field by field: `keep_both` saves this tab's
    /// text as a new draft and shows the other version under the draft's id; otherwise the
    /// other version is taken whole.
    pub fn resolve_conflict(&mut self, keep_both: bool) {
        let Some(pending) = self.merging.take() else {
            return;
        };
        let mine = std::mem::replace(&mut self.doc, pending.theirs.clone());
        self.adopt_rev(pending.theirs_rev);
        self.generation += 1;
        self.base_after(pending.source, pending.theirs);
        self.clear_alert(AlertKind::Conflict);
        // Storage holds the other tab's text already; a file's must be written.
        self.dirty = pending.source == Source::Folder;
        self.save_state = SaveState::Saved;
        self.flush();
        if keep_both {
            let copy = self.kept_copy(mine);
            self.add_and_open(copy);
        }
    }

    /// The open draft is now at storage's revision `rev`, so the next write is not stale.
    fn adopt_rev(&mut self, rev: u64) {
        if let Some(open) = self.open.as_mut() {
            open.rev = open.rev.max(rev);
        }
    }

    /// What the open draft's next merge of the same source starts from: the version just
    /// merged in (the other tab's text as stored, or the file as read).
    fn base_after(&mut self, source: Source, theirs: Postmortem) {
        match source {
            Source::OtherTab => self.base = theirs,
            Source::Folder => self.folder_base = Some(theirs),
        }
    }
}
