//! The connected folder (連結資料夾): a folder the browser may write to, such as a team's
//! Git working copy. Every saved draft is written there as its Hindsight Markdown file;
//! when the tab regains focus or on "Check the folder", files changed on disk are read
//! again and merged into their drafts (the session decides how); the folder's other
//! postmortems are listed in the drafts panel and the overview, as an opened folder's are.

use hindsight_core::import::{import_any_markdown, MarkdownImport};
use hindsight_core::incidents::FolderFailure;
use hindsight_core::session::{FileChange, SaveState};
use hindsight_core::{report::display_title, Text};
use leptos::prelude::*;

use crate::adapters::folder::{is_abort, Dir, Listed};
use crate::adapters::platform;
use crate::i18n::{self, team as words, Ui};
use crate::state::Editor;
use crate::ui::opened_folder::Folder;

/// Where the connection stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// The browser cannot write to a folder.
    Unsupported,
    /// Looking for the folder of an earlier visit.
    Starting,
    /// No folder.
    Disconnected,
    /// A folder of an earlier visit waits for the user's permission (its name).
    NeedsPermission(String),
    /// Connected (the folder's name).
    Connected(String),
}

/// The connected folder, shared through context.
#[derive(Clone, Copy)]
pub struct TeamFolder {
    dir: StoredValue<Option<Dir>, LocalStorage>,
    /// Where the connection stands.
    pub status: RwSignal<Status>,
    /// The last file written, for "Saved to …".
    pub last_saved: RwSignal<Option<String>>,
    /// Each Markdown file as the last check listed it: path, modified, size.
    known: StoredValue<Vec<(String, f64, f64)>>,
    /// A check or a write is running; another one waits for it.
    busy: StoredValue<bool>,
    /// A write was asked for while busy.
    again: StoredValue<bool>,
    /// The folder's other postmortems, listed as an opened folder's are.
    folder: Folder,
}

impl TeamFolder {
    /// Provides the connected folder and starts looking for the one of an earlier visit.
    pub fn provide(ed: Editor) {
        let this = TeamFolder {
            dir: StoredValue::new_local(None),
            status: RwSignal::new(if crate::adapters::folder::supported() {
                Status::Starting
            } else {
                Status::Unsupported
            }),
            last_saved: RwSignal::new(None),
            known: StoredValue::new(Vec::new()),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
            folder: Folder::get(),
        };
        provide_context(this);
        if this.status.get_untracked() == Status::Unsupported {
            return;
        }
        leptos::task::spawn_local(async move {
            match Dir::remembered().await {
                None => this.status.set(Status::Disconnected),
                Some(dir) => {
                    if dir.permission(false).await == "granted" {
                        this.connect(ed, dir).await;
                    } else {
                        this.status.set(Status::NeedsPermission(dir.name()));
                        this.dir.set_value(Some(dir));
                    }
                }
            }
        });
        // A save writes the files; another tab's or the overview's changes too.
        Effect::new(move |_| {
            let saved = ed.save_state().get() == SaveState::Saved;
            ed.drafts().track();
            if saved && this.is_connected() {
                this.write_pending(ed);
            }
        });
        // Back in the tab after a `git pull`: read what changed.
        let handle = window_event_listener(leptos::ev::focus, move |_| {
            if this.is_connected() {
                leptos::task::spawn_local(async move { this.check(ed, false, false).await });
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// The connected folder from context.
    pub fn get() -> Self {
        expect_context::<TeamFolder>()
    }

    /// Whether a folder is connected.
    pub fn is_connected(self) -> bool {
        self.status
            .with_untracked(|s| matches!(s, Status::Connected(_)))
    }

    /// Asks for a folder and connects it.
    pub fn pick(self, ed: Editor) {
        leptos::task::spawn_local(async move {
            match Dir::pick().await {
                Ok(dir) => {
                    if dir.permission(false).await != "granted"
                        && dir.permission(true).await != "granted"
                    {
                        return;
                    }
                    let _ = dir.remember().await;
                    self.connect(ed, dir).await;
                }
                Err(e) if is_abort(&e) => {}
                Err(e) => ed.warn_text(Text::new(words::CONNECT_FAILED, &[&e])),
            }
        });
    }

    /// Asks the browser again for the folder of an earlier visit (needs the user's click).
    pub fn reconnect(self, ed: Editor) {
        let Some(dir) = self.dir.get_value() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if dir.permission(true).await == "granted" {
                self.connect(ed, dir).await;
            }
        });
    }

    /// Forgets the folder; drafts stay, and their links wait for the next connection.
    pub fn disconnect(self, ed: Editor) {
        self.dir.set_value(None);
        self.status.set(Status::Disconnected);
        self.known.set_value(Vec::new());
        self.last_saved.set(None);
        ed.connect_folder(false, Vec::new());
        self.folder.clear();
        leptos::task::spawn_local(Dir::forget());
    }

    async fn connect(self, ed: Editor, dir: Dir) {
        self.status.set(Status::Connected(dir.name()));
        self.dir.set_value(Some(dir));
        self.check(ed, true, false).await;
    }

    /// Reads the folder again: every file when `full`, else those whose time or size
    /// changed; files of drafts go to the session, the others to the list. `tell` says what
    /// changed in a toast (the user asked).
    pub async fn check(self, ed: Editor, full: bool, tell: bool) {
        let Some(dir) = self.dir.get_value() else {
            return;
        };
        if self.busy.get_value() {
            return;
        }
        self.busy.set_value(true);
        let listed = match dir.list().await {
            Ok(listed) => listed,
            Err(e) => {
                self.busy.set_value(false);
                ed.warn_text(Text::new(words::READ_FAILED, &[&e]));
                return;
            }
        };
        let linked = ed.linked_paths();
        let known = self.known.get_value();
        let changed_since = |l: &Listed| {
            full || !known
                .iter()
                .any(|(p, m, s)| p == &l.path && *m == l.modified && *s == l.size)
        };
        ed.connect_folder(true, listed.iter().map(|l| l.path.clone()).collect());
        // Everything whose time or size changed is read at once.
        let folder = self.folder;
        let fresh: Vec<&Listed> = listed.iter().filter(|l| changed_since(l)).collect();
        let read: std::collections::HashMap<String, Result<String, String>> = fresh
            .iter()
            .map(|l| l.path.clone())
            .zip(Listed::texts(&fresh).await)
            .collect();
        let text_of = |path: &str| read.get(path);
        let mut changed = 0;
        for l in listed.iter().filter(|l| linked.contains(&l.path)) {
            match text_of(&l.path) {
                None => {}
                Some(Ok(text)) => match ed.file_changed(&l.path, Some(text)) {
                    FileChange::Unchanged | FileChange::Unlinked => {}
                    FileChange::Unreadable(_, why) => {
                        changed += 1;
                        ed.warn_text(Text::with(
                            words::FILE_UNREADABLE,
                            &[&Text::plain(i18n::isolate(&l.path)), &why],
                        ));
                    }
                    _ => changed += 1,
                },
                Some(Err(e)) => ed.warn_text(Text::new(words::READ_FAILED, &[e])),
            }
        }
        for path in linked
            .iter()
            .filter(|p| !listed.iter().any(|l| &l.path == *p))
        {
            ed.file_changed(path, None);
            changed += 1;
        }
        // The folder's other postmortems: what was not read again is as it was.
        let linked = ed.linked_paths();
        let mut texts = Vec::new();
        let mut unreadable = Vec::new();
        for l in listed.iter().filter(|l| !linked.contains(&l.path)) {
            let text = match text_of(&l.path) {
                Some(t) => {
                    if !full {
                        changed += 1;
                    }
                    t.clone()
                }
                None => folder.text(&l.path).ok_or_else(String::new),
            };
            match text {
                Ok(text) => texts.push((l.path.clone(), text)),
                Err(e) => unreadable.push(FolderFailure {
                    path: l.path.clone(),
                    reason: Text::plain(e),
                }),
            }
        }
        folder.read(texts, unreadable).await;
        self.known.set_value(
            listed
                .iter()
                .map(|l| (l.path.clone(), l.modified, l.size))
                .collect(),
        );
        self.busy.set_value(false);
        if tell {
            let message = match changed {
                0 => Text::from(words::CHECKED_NOTHING),
                n => Text::new(
                    hindsight_core::words::counted(n, words::CHECKED_ONE, words::CHECKED),
                    &[&n.to_string()],
                ),
            };
            ed.info().set(Some(message));
        }
        self.write_pending(ed);
    }

    /// Writes the files the session asks for, and removes those of deleted drafts.
    pub fn write_pending(self, ed: Editor) {
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        let Some(dir) = self.dir.get_value() else {
            return;
        };
        let writes = ed.files_to_write();
        let removes = ed.files_to_remove();
        if writes.is_empty() && removes.is_empty() {
            return;
        }
        self.busy.set_value(true);
        leptos::task::spawn_local(async move {
            for w in writes {
                match dir.write(&w.path, &w.text).await {
                    Ok(()) => {
                        ed.file_written(&w);
                        self.last_saved.set(Some(w.path.clone()));
                    }
                    Err(e) => ed.warn_text(Text::new(
                        words::WRITE_FAILED,
                        &[&i18n::isolate(&w.path), &e],
                    )),
                }
            }
            for path in removes {
                let _ = dir.remove(&path).await;
            }
            self.busy.set_value(false);
            if std::mem::take(&mut *self.again.write_value()) {
                self.write_pending(ed);
            }
        });
    }

    /// Opens a file of the folder: Hindsight's own Markdown as a draft saved as that file,
    /// a report written elsewhere through "Where each part went".
    pub fn open_file(self, ed: Editor, path: &str) {
        let folder = self.folder;
        let Some(text) = folder.text(path) else {
            return;
        };
        let zone = platform::browser_time_zone();
        match import_any_markdown(&text, &zone, &platform::zone_offset_minutes) {
            Ok(MarkdownImport::Hindsight(doc) | MarkdownImport::HindsightBody(doc)) => {
                ed.open_from_folder(path, &text, doc);
                folder
                    .opened
                    .update(|f| f.entries.retain(|e| e.path != path));
            }
            Ok(MarkdownImport::Foreign(foreign)) => {
                ed.foreign().set(Some((path.to_owned(), *foreign)));
            }
            Err(e) => ed.warn_text(e.text().clone()),
        }
    }
}

/// The team folder box of the drafts panel: connect, reconnect or check, and the folder's
/// other postmortems.
#[component]
pub fn TeamFolderBox() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let team = TeamFolder::get();
    let folder = Folder::get();
    let show_all = RwSignal::new(false);
    let controls = move || {
        match team.status.get() {
        Status::Unsupported => view! { <p class="hint">{ui.t(words::NOT_SUPPORTED)}</p> }.into_any(),
        Status::Starting => ().into_any(),
        Status::Disconnected => view! {
            <p class="hint">{ui.t(words::CONNECT_EXPLAINED)}</p>
            <button type="button" class="secondary" on:click=move |_| team.pick(ed)>{ui.t(words::CONNECT_FOLDER)}</button>
        }
        .into_any(),
        Status::NeedsPermission(name) => view! {
            <p class="hint">{ui.fill(words::RECONNECT_EXPLAINED, &[&name])}</p>
            <button type="button" class="primary" on:click=move |_| team.reconnect(ed)>{ui.t(words::RECONNECT)}</button>
        }
        .into_any(),
        Status::Connected(name) => view! {
            <p class="connected">{ui.fill(words::CONNECTED_TO, &[&name])}</p>
            <p class="hint saved-to" role="status">
                {move || team.last_saved.get().map(|p| ui.fill(words::SAVED_TO, &[&p]))}
            </p>
            <div class="actions">
                <button type="button" class="secondary small"
                    on:click=move |_| leptos::task::spawn_local(async move { team.check(ed, false, true).await })>
                    {ui.t(words::CHECK_FOLDER)}
                </button>
                <button type="button" class="ghost small" on:click=move |_| team.disconnect(ed)>{ui.t(words::DISCONNECT)}</button>
            </div>
        }
        .into_any(),
    }
    };
    let others = move || {
        if !matches!(team.status.get(), Status::Connected(_)) {
            return None;
        }
        let lang = ui.lang();
        let entries = folder.opened.with(|f| {
            f.entries
                .iter()
                .map(|e| {
                    (
                        e.path.clone(),
                        display_title(&e.summary.title, lang).to_owned(),
                    )
                })
                .collect::<Vec<_>>()
        });
        if entries.is_empty() {
            return None;
        }
        let total = entries.len();
        let limit = if show_all.get() {
            usize::MAX
        } else {
            FIRST_SHOWN
        };
        let items = entries
            .into_iter()
            .take(limit)
            .map(|(path, title)| {
                let label = ui.fill(words::OPEN_FILE_NAMED, &[&i18n::isolate_name(&title)]);
                let open = path.clone();
                view! {
                    <li class="folder-file">
                        <span class="draft-title"><bdi>{title}</bdi></span>
                        <span class="hint path"><bdi>{path}</bdi></span>
                        <button type="button" class="ghost small" aria-label=label
                            on:click=move |_| team.open_file(ed, &open)>{ui.t(words::OPEN_FILE)}</button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <h3 class="folder-files-title">{ui.fill(words::IN_THE_FOLDER, &[&total.to_string()])}</h3>
            <ul class="folder-files">{items}</ul>
            {(total > limit).then(|| view! {
                <button type="button" class="ghost wide show-all" on:click=move |_| show_all.set(true)>
                    {ui.fill(words::SHOW_ALL_FILES, &[&total.to_string()])}
                </button>
            })}
        })
    };
    view! {
        <section class="team-folder" aria-labelledby="team-folder-title">
            <h2 id="team-folder-title">{ui.t(words::TEAM_FOLDER)}</h2>
            {controls}
            {others}
        </section>
    }
}

/// How many of the folder's files the panel lists before "Show all".
const FIRST_SHOWN: usize = 40;
