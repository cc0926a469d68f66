//! What the session tells the user: the save state, and the alert with its actions.

use crate::storage::{Unreadable, WriteError};
use crate::words::Text;

/// What the save indicator says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is written.
    Saved,
    /// An edit waits for its write.
    Saving,
    /// The last write failed, or waits for a decision; the text is only in memory.
    NotSaved,
}

/// What kind of trouble an alert reports, so the right event can clear it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertKind {
    /// A write failed; cleared by the next successful write.
    NotSaved,
    /// Another tab changed the open draft; cleared by the user's choice.
    Conflict,
    /// Anything else; cleared by the user.
    Other,
}

/// A button offered inside an alert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertAction {
    /// Download the open document as JSON.
    ExportJson,
    /// Download every draft.
    BackupAll,
    /// Download the values set aside as unreadable.
    DownloadSetAside,
    /// Delete the values set aside as unreadable.
    DiscardSetAside,
    /// Choose, at each conflict of a merge, which side to keep.
    ChooseMerge,
    /// Keep this tab's text as a new draft, and the other version under the old one.
    KeepBoth,
    /// Keep a draft whose file is gone from the folder.
    KeepDraft,
    /// Delete a draft whose file is gone from the folder.
    DeleteDraft,
}

/// What an alert says; the app words it in the UI language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// No local storage: drafts live in this tab only.
    NoStorage,
    /// Stored values that could not be read were set aside.
    SetAside {
        /// How many values are set aside now.
        count: usize,
        /// The ones found by this load, with what is wrong with each.
        found: Vec<(String, Text)>,
    },
    /// A write of the open draft (or a retry) failed.
    NotSaved(WriteError),
    /// A new draft could not be stored.
    NewDraftNotStored(WriteError),
    /// Another tab changed what this one changed of the open draft.
    Conflict,
    /// The open draft's file in the connected folder changed what this tab changed.
    FolderConflict,
    /// A draft's file is gone from the connected folder (its path): keep the draft?
    DeletedFromFolder(String),
    /// Another tab deleted the open draft.
    DeletedElsewhere,
    /// A draft could not be deleted.
    DeleteFailed(WriteError),
    /// The set-aside values could not be deleted.
    DiscardFailed(WriteError),
    /// A file could not be imported.
    ImportFailed {
        /// The file's name.
        name: String,
        /// Why.
        error: Text,
    },
    /// A backup could not be restored.
    RestoreFailed {
        /// The file's name.
        name: String,
        /// Why.
        error: Text,
    },
    /// A backup was restored into this tab, but not every draft could be stored.
    RestorePartial {
        /// How many drafts came back.
        count: usize,
        /// Why a write failed.
        error: WriteError,
    },
    /// Anything the app words itself (a download the browser refused, …).
    Other(Text),
}

/// The content of the alert region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    /// What it is about.
    pub kind: AlertKind,
    /// What happened.
    pub notice: Notice,
    /// Buttons that act on it.
    pub actions: Vec<AlertAction>,
}

pub(super) fn set_aside_alert(count: usize, found: &[Unreadable]) -> Alert {
    Alert {
        kind: AlertKind::Other,
        notice: Notice::SetAside {
            count,
            found: found
                .iter()
                .map(|Unreadable { key, reason }| (key.clone(), reason.clone()))
                .collect(),
        },
        actions: vec![AlertAction::DownloadSetAside, AlertAction::DiscardSetAside],
    }
}
