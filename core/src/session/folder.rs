//! The connected folder (a Git working copy, say): each draft saved there as its Hindsight
//! Markdown file, and files changed on disk merged back into their drafts.
//!
//! The session knows only paths and texts; the app reads and writes the files. A [`Link`]
//! ties a draft to its file and remembers what the file held when this browser last wrote
//! or read it (a hash, and the draft's revision then), so a change on disk is told from a
//! change here.

use serde::{Deserialize, Serialize};

use crate::document::Postmortem;
use crate::export::{export_markdown, file_stem};
use crate::import::{import_any_markdown, MarkdownImport};
use crate::storage::KeyValue;
use crate::words::Text;

use super::alerts::{Alert, AlertAction, AlertKind, Notice};
use super::merging::{Outcome, Source};
use super::saving::Write;
use super::{is_blank, Env, Session};

/// The meta entry the links are stored under.
const LINKS: &str = "folder-links";

/// A draft saved as a file of the connected folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The draft's id.
    pub id: String,
    /// The file's path inside the folder, with `/` between folders.
    pub path: String,
    /// The hash of the text the file held when this browser last wrote or read it.
    pub hash: String,
    /// The draft's revision then: a later one has changes the file does not.
    pub rev: u64,
}

/// A file to write into the folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileWrite {
    /// The draft it is the file of.
    pub id: String,
    /// Its path inside the folder.
    pub path: String,
    /// Its text: the draft's Hindsight Markdown.
    pub text: String,
}

/// What a file of the folder, read again, meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileChange {
    /// No draft is saved as this file: one of the folder's other postmortems.
    Unlinked,
    /// It holds what this browser last wrote or read.
    Unchanged,
    /// A draft with no changes of its own here took the file's text.
    Taken(String),
    /// The open draft merged the file's changes with its own, without asking.
    Merged(String),
    /// The file and this browser changed the same places: the user is asked.
    Asks(String),
    /// The file of a draft is gone; the user is asked whether to keep the draft.
    Deleted(String),
    /// The file cannot be read as a postmortem any more: why. Its draft is left as it is.
    Unreadable(String, Text),
}

/// The hash a link keeps of a file's text.
pub fn text_hash(text: &str) -> String {
    format!("{:016x}", crate::incidents::fnv1a64(text.as_bytes()))
}

impl<K: KeyValue, E: Env> Session<K, E> {
    /// Every draft saved as a file of the folder, as far as this browser knows.
    pub fn folder_links(&self) -> &[Link] {
        &self.links
    }

    /// The link of a draft, if it has a file.
    pub fn link_of(&self, id: &str) -> Option<&Link> {
        self.links.iter().find(|l| l.id == id)
    }

    /// Reads the links stored beside the drafts.
    pub(super) fn load_links(&mut self) {
        self.links = self
            .store
            .meta(LINKS)
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default();
    }

    fn save_links(&self) {
        if let Ok(value) = serde_json::to_string(&self.links) {
            let _ = self.store.set_meta(LINKS, &value);
        }
    }

    /// Whether a folder is connected: drafts saved from now on are written there too.
    /// `files` are the paths the folder holds, so a new file never takes an existing name.
    pub fn connect_folder(&mut self, connected: bool, files: Vec<String>) {
        self.folder_connected = connected;
        self.folder_files = files;
    }

    /// Whether a folder is connected.
    pub fn folder_connected(&self) -> bool {
        self.folder_connected
    }

    /// The files to write now: the open draft's when it is saved and differs from its file
    /// (a first save makes its file), and any other linked draft changed here since its
    /// file was written (marked done in the overview, a write that failed).
    pub fn files_to_write(&mut self) -> Vec<FileWrite> {
        if !self.folder_connected {
            return Vec::new();
        }
        let mut out = Vec::new();
        let open = self.open_id().map(str::to_owned);
        if let Some(id) = &open {
            let ready = !self.dirty && self.merging.is_none() && !self.is_read_only();
            // An empty draft left untouched gets no file.
            if ready && !is_blank(&self.doc) {
                let text = export_markdown(&self.doc);
                match self.link_of(id) {
                    Some(link) if link.hash == text_hash(&text) => {}
                    Some(link) => out.push(FileWrite {
                        id: id.clone(),
                        path: link.path.clone(),
                        text,
                    }),
                    None => {
                        let path = self.new_path(&self.doc);
                        out.push(FileWrite {
                            id: id.clone(),
                            path,
                            text,
                        });
                    }
                }
            }
        }
        let stale: Vec<Link> = self
            .links
            .iter()
            .filter(|l| Some(&l.id) != open.as_ref())
            .filter(|l| self.index.get(&l.id).is_some_and(|s| s.rev != l.rev))
            .cloned()
            .collect();
        for link in stale {
            if let Some(draft) = self.draft(&link.id) {
                let text = export_markdown(&draft.doc);
                if text_hash(&text) != link.hash {
                    out.push(FileWrite {
                        id: link.id,
                        path: link.path,
                        text,
                    });
                } else {
                    self.set_link(&link.id, &link.path, &text, draft.rev);
                }
            }
        }
        out
    }

    /// A path for a draft's first file: its export name, numbered when the folder already
    /// holds that name.
    fn new_path(&self, doc: &Postmortem) -> String {
        let stem = file_stem(doc);
        let taken = |p: &str| {
            self.folder_files.iter().any(|f| f.eq_ignore_ascii_case(p))
                || self.links.iter().any(|l| l.path.eq_ignore_ascii_case(p))
        };
        let mut path = format!("{stem}.md");
        let mut n = 2;
        while taken(&path) {
            path = format!("{stem}-{n}.md");
            n += 1;
        }
        path
    }

    /// The app wrote a draft's file: the draft is linked to it, as it is now.
    pub fn file_written(&mut self, write: &FileWrite) {
        let rev = self.draft_rev(&write.id);
        if self.open_id() == Some(write.id.as_str()) {
            self.folder_base = Some(self.doc.clone());
        }
        if !self.folder_files.iter().any(|f| f == &write.path) {
            self.folder_files.push(write.path.clone());
        }
        self.set_link(&write.id, &write.path, &write.text, rev);
    }

    fn draft_rev(&self, id: &str) -> u64 {
        match self.open.as_ref().filter(|o| o.id == id) {
            Some(o) => o.rev,
            None => self.index.get(id).map_or(0, |s| s.rev),
        }
    }

    fn set_link(&mut self, id: &str, path: &str, text: &str, rev: u64) {
        let link = Link {
            id: id.to_owned(),
            path: path.to_owned(),
            hash: text_hash(text),
            rev,
        };
        match self.links.iter_mut().find(|l| l.id == id) {
            Some(l) => *l = link,
            None => self.links.push(link),
        }
        self.save_links();
    }

    /// Opens a file of the folder written in Hindsight's Markdown as a new draft saved as
    /// that file; a file some draft is saved as already opens that draft.
    pub fn open_from_folder(&mut self, path: &str, text: &str, doc: Postmortem) {
        if let Some(id) = self
            .links
            .iter()
            .find(|l| l.path == path)
            .map(|l| l.id.clone())
        {
            if self.index.get(&id).is_some() {
                self.open(&id);
                return;
            }
        }
        self.open_new(doc);
        if let Some(id) = self.open_id().map(str::to_owned) {
            let rev = self.draft_rev(&id);
            self.set_link(&id, path, text, rev);
            self.folder_base = Some(self.doc.clone());
        }
    }

    /// Files of deleted drafts, for the app to remove from the folder.
    pub fn files_to_remove(&mut self) -> Vec<String> {
        std::mem::take(&mut self.removed_files)
    }

    /// Forgets a draft's file (the draft was deleted, or kept without its file).
    pub fn unlink(&mut self, id: &str) -> Option<Link> {
        let at = self.links.iter().position(|l| l.id == id)?;
        let link = self.links.remove(at);
        self.folder_files.retain(|f| f != &link.path);
        self.save_links();
        Some(link)
    }

    /// A file of the folder read again (`None`: it is gone): what it means for its draft,
    /// which is updated, merged or asked about here.
    pub fn file_changed(&mut self, path: &str, text: Option<&str>) -> FileChange {
        let Some(link) = self.links.iter().find(|l| l.path == path).cloned() else {
            return FileChange::Unlinked;
        };
        let Some(text) = text else {
            if !self.deleted_files.iter().any(|(id, _)| id == &link.id) {
                self.deleted_files
                    .push((link.id.clone(), link.path.clone()));
            }
            self.ask_deleted();
            return FileChange::Deleted(link.id);
        };
        let hash = text_hash(text);
        if hash == link.hash {
            return FileChange::Unchanged;
        }
        let zone = self.zone.clone();
        let theirs = match import_any_markdown(text, &zone, &|z, u| self.env.offset_at(z, u)) {
            Ok(MarkdownImport::Hindsight(doc) | MarkdownImport::HindsightBody(doc)) => doc,
            Ok(MarkdownImport::Foreign(f)) => f.doc,
            Err(e) => return FileChange::Unreadable(link.id, e.text().clone()),
        };
        let rev_before = self.draft_rev(&link.id);
        if self.open_id() == Some(link.id.as_str()) {
            let base = match self.folder_base.take() {
                Some(base) => base,
                // Nothing changed here since the file was last written or read.
                None if link.rev == rev_before && !self.dirty => self.doc.clone(),
                // The file was never known as the draft is now: nothing is known to be
                // shared, so every difference is asked about.
                None => Postmortem::default(),
            };
            // The file is known to hold this text from now on; what the merge keeps of
            // this browser's is written back by `files_to_write`.
            self.set_link(&link.id, path, text, rev_before);
            return match self.merge_in(&base, theirs, rev_before, Source::Folder) {
                Outcome::Asks => FileChange::Asks(link.id),
                Outcome::Same | Outcome::Merged => FileChange::Merged(link.id),
            };
        }
        let Some(mut draft) = self.draft(&link.id) else {
            // The draft is gone here: the file is one of the folder's postmortems again.
            self.unlink(&link.id);
            return FileChange::Unlinked;
        };
        if draft.rev == link.rev {
            draft.doc = theirs;
            draft.updated_at = self.env.now_ms();
            if let Write::Done = self.write_checked(draft) {
                let rev = self.draft_rev(&link.id);
                self.set_link(&link.id, path, text, rev);
                let _ = self.index.save(self.store.kv());
                return FileChange::Taken(link.id);
            }
            return FileChange::Unchanged;
        }
        // Changed here and on disk, and not open: open it, so the merge can ask.
        self.set_link(&link.id, path, text, link.rev);
        self.open(&link.id);
        let rev = self.draft_rev(&link.id);
        match self.merge_in(&Postmortem::default(), theirs, rev, Source::Folder) {
            Outcome::Asks => FileChange::Asks(link.id),
            _ => FileChange::Merged(link.id),
        }
    }

    /// Asks about the first draft whose file is gone.
    fn ask_deleted(&mut self) {
        if let Some((_, path)) = self.deleted_files.first() {
            self.alert = Some(Alert {
                kind: AlertKind::Other,
                notice: Notice::DeletedFromFolder(path.clone()),
                actions: vec![AlertAction::KeepDraft, AlertAction::DeleteDraft],
            });
        }
    }

    /// Answers "Deleted from the folder: keep the draft?" for the first such draft: `keep`
    /// keeps it without its file (saving it again makes a new one); otherwise the draft is
    /// deleted, with Undo.
    pub fn answer_deleted(&mut self, keep: bool, language: crate::Language, zone: String) {
        if self.deleted_files.is_empty() {
            return;
        }
        let (id, _) = self.deleted_files.remove(0);
        self.unlink(&id);
        self.alert = None;
        if !keep {
            self.delete(&id, language, zone);
        }
        self.ask_deleted();
    }

    /// Sets the base of the open draft's file when the draft is known to hold what its file
    /// held (nothing changed here since it was written or read).
    pub(super) fn folder_base_on_open(&mut self) {
        let linked = self.open.as_ref().and_then(|o| {
            self.links
                .iter()
                .find(|l| l.id == o.id)
                .map(|l| l.rev == o.rev)
        });
        self.folder_base = (linked == Some(true)).then(|| self.doc.clone());
    }
}
