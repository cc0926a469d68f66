//! A team's folder (開啟資料夾): Markdown postmortems read in memory, read-only, for the
//! app's lifetime; each can be viewed, or saved as a draft (另存為草稿). Files that cannot be
//! read are listed with the reason.

use hindsight_core::incidents::{is_markdown_path, words as t, FolderEntry, FolderFailure};
use hindsight_core::{report::display_title, Text};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::links::folder_entry_id;
use super::Folder;
use crate::adapters::files;
use crate::i18n::{self, incidents as words, Ui};
use crate::state::Editor;
use crate::ui::preview::{Preview, Source};
use crate::ui::rich::rich;
use crate::ui::views::Views;

/// The path of a picked file inside its folder, as the browser gives it.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()
        .and_then(|p| p.as_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| file.name())
}

/// Reads every file of the folder picked in `input`, then lists what it holds.
fn open_picked(input: web_sys::HtmlInputElement, ed: Editor, folder: Folder) {
    let Some(list) = input.files() else {
        return;
    };
    let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    input.set_value("");
    leptos::task::spawn_local(async move {
        let mut texts = Vec::with_capacity(picked.len());
        let mut unreadable = Vec::new();
        for file in picked {
            let path = relative_path(&file);
            if !is_markdown_path(&path) {
                // Counted as skipped by the import, never read.
                texts.push((path, String::new()));
                continue;
            }
            match files::read_text(&file).await {
                Ok(text) => texts.push((path, text)),
                Err(reason) => unreadable.push(FolderFailure { path, reason }),
            }
        }
        let count = folder.read(texts, unreadable).await;
        let message = if count == 0 {
            Text::from(words::FOLDER_NOTHING)
        } else {
            Text::new(
                hindsight_core::words::counted(
                    count,
                    words::FOLDER_OPENED_ONE,
                    words::FOLDER_OPENED,
                ),
                &[&count.to_string()],
            )
        };
        ed.info().set(Some(message));
    });
}

/// The folder part of the overview: the "Open a folder" picker, the postmortems read, and
/// the files that could not be.
#[component]
pub fn FolderPart() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let folder = Folder::get();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            open_picked(input, ed, folder);
        }
    };
    let entries = move || {
        folder.opened.with(|opened| {
            opened
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| folder_entry(i, e, folder))
                .collect_view()
        })
    };
    let failed = move || {
        folder.opened.with(|opened| {
            let failed = &opened.failed;
            (!failed.is_empty()).then(|| {
                let items = failed
                    .iter()
                    .map(|f| {
                        view! { <li><bdi class="path">{f.path.clone()}</bdi>": "{sentence(&ui.text(&f.reason))}</li> }
                    })
                    .collect_view();
                view! {
                    <div class="folder-failed" role="alert">
                        <h4>{ui.t(t::FAILED_FILES)}</h4>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    };
    let skipped = move || {
        let n = folder.opened.with(|f| f.skipped.len());
        (n > 0)
            .then(|| view! { <p class="hint">{ui.fill(t::SKIPPED_FILES, &[&n.to_string()])}</p> })
    };
    view! {
        <section class="incidents-part folder-part" aria-labelledby="folder-title">
            <h3 id="folder-title">{ui.t(words::FOLDER_HEADING)}</h3>
            <p class="hint">{ui.t(words::FOLDER_EXPLAINED)}</p>
            <div class="file-button">
                <input type="file" id="open-folder" class="visually-hidden" prop:webkitdirectory=true multiple
                    on:change=on_change/>
                <label for="open-folder" class="secondary button-like">{ui.t(t::OPEN_A_FOLDER)}</label>
            </div>
            {failed}
            {skipped}
            <ul class="folder-entries">{entries}</ul>
        </section>
    }
}

/// One postmortem of the folder: its title, path and open items, its report on demand, and
/// "Save as draft".
fn folder_entry(position: usize, entry: &FolderEntry, folder: Folder) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let views = Views::get();
    let team = crate::ui::team_folder::TeamFolder::get();
    let lang = ui.lang_untracked();
    let title = display_title(&entry.summary.title, lang).to_owned();
    let path = entry.path.clone();
    let shown = {
        let path = path.clone();
        Memo::new(move |_| folder.shown.with(|s| s.as_deref() == Some(path.as_str())))
    };
    let report_id = format!("{}-report", folder_entry_id(position));
    let toggle = {
        let path = path.clone();
        move |_| {
            folder.shown.update(|s| {
                *s = if shown.get_untracked() {
                    None
                } else {
                    Some(path.clone())
                }
            })
        }
    };
    let save = {
        let (path, title) = (path.clone(), title.clone());
        move |_| {
            // From the connected folder: the draft is saved as that file.
            if team.is_connected() {
                team.open_file(ed, &path);
                views.back();
                return;
            }
            // Written elsewhere: the user checks where each part went before the draft is
            // made, as with any import of such a file.
            if let Some(foreign) = folder.foreign(&path) {
                ed.foreign().set(Some((path.clone(), foreign)));
                views.back();
                return;
            }
            let Some(doc) = folder.doc(&path) else {
                return;
            };
            ed.save_as_draft(doc);
            // It is a draft now: the folder no longer lists it, so nothing counts twice.
            folder
                .opened
                .update(|f| f.entries.retain(|e| e.path != path));
            ed.info().set(Some(Text::new(
                i18n::SAVED_SHARED,
                &[&i18n::isolate(&title)],
            )));
            views.back();
        }
    };
    let named = i18n::isolate_name(&title);
    let save_label = ui.fill(words::SAVE_AS_DRAFT_NAMED, &[&named]);
    let report_label = ui.fill(words::REPORT_OF, &[&named]);
    let show_label = {
        let title = title.clone();
        move || {
            let words = if shown.get() {
                words::HIDE_REPORT_NAMED
            } else {
                words::SHOW_REPORT_NAMED
            };
            ui.fill(words, &[&title])
        }
    };
    let open = entry.summary.open_actions.len();
    let path_shown = path.clone();
    view! {
        <li class="folder-entry">
            <div class="folder-entry-head">
                <h4 id=folder_entry_id(position) tabindex="-1"><bdi>{title.clone()}</bdi></h4>
                <span class="badge from-folder">{ui.t(t::FROM_FOLDER)}</span>
            </div>
            <p class="hint">
                <span>{rich(&ui.fill(words::PATH, &[&i18n::isolate(&path)]))}</span>
                " · "
                <span>{ui.fill(hindsight_core::words::counted(open, t::OPEN_COUNT_ONE, t::OPEN_COUNT), &[&open.to_string()])}</span>
            </p>
            <div class="actions">
                <button type="button" class="secondary small" aria-expanded=move || shown.get().to_string()
                    aria-controls=report_id.clone() aria-label=show_label on:click=toggle>
                    {move || if shown.get() { words::HIDE_REPORT.get(ui.lang()) } else { words::SHOW_REPORT.get(ui.lang()) }}
                </button>
                <button type="button" class="primary small" aria-label=save_label on:click=save>
                    {ui.t(t::SAVE_AS_DRAFT)}
                </button>
            </div>
            <div class="folder-report" id=report_id role="region" tabindex="0" aria-label=report_label hidden=move || !shown.get()>
                {move || shown.get().then(|| folder.doc(&path_shown)).flatten().map(|doc| view! {
                    <Preview source=Source::Fixed(Box::new(doc))/>
                })}
            </div>
        </li>
    }
}

/// A reason as a sentence of its own: some reasons complete another sentence elsewhere
/// ("Could not import x: the file is not text").
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
