//! The Editor's actions across drafts, for the Incidents overview: the index's summaries,
//! marking an item of any draft done, and keeping a folder's postmortem as a draft.

use hindsight_core::incidents::{Marked, Summary};
use hindsight_core::session::MarkFailed;
use hindsight_core::{Postmortem, SectionId};
use leptos::prelude::*;

use super::Editor;

impl Editor {
    /// Every stored draft's summary, sorted by id; tracked, so a view re-reads it whenever
    /// the drafts list changes (every write changes a draft's time of change).
    pub fn summaries(&self) -> Vec<Summary> {
        self.drafts().track();
        self.peek_session(|s| s.summaries().to_vec())
    }

    /// Marks done the action item the overview lists at row `index` of draft `id` with
    /// text `action`, with the same revision check as the editor's writes. The open draft's
    /// Action items section, its preview and its checks follow.
    pub fn mark_action_done(
        &self,
        id: &str,
        index: usize,
        action: &str,
    ) -> Result<Marked, MarkFailed> {
        self.set_action_done(id, index, action, true)
    }

    /// Marks that action item done, or not done (the Undo of Mark done, at the row Mark done
    /// answered), through the same checks.
    pub fn set_action_done(
        &self,
        id: &str,
        index: usize,
        action: &str,
        done: bool,
    ) -> Result<Marked, MarkFailed> {
        self.flush();
        let open = self.open_id().with_untracked(|o| o.as_deref() == Some(id));
        let result = self.act(|s| s.set_action_done(id, index, action, done));
        let changed = matches!(&result, Ok(m) if m.changed());
        if open && (changed || matches!(result, Err(MarkFailed::Conflict))) {
            self.h
                .with_value(|h| h.changed[SectionId::ActionItems.index()])
                .notify();
        }
        result
    }

    /// Copies a document (a folder's postmortem) into storage as a new draft, and opens it.
    pub fn save_as_draft(&self, doc: Postmortem) {
        self.flush();
        self.act(|s| s.open_new(doc));
    }
}
