//! The drafts list: search, open, create, duplicate, delete, import, back up and restore.

use hindsight_core::incidents::{also_in, newest_first, translations_of};
use hindsight_core::{report::display_title, report::severity_text, Choice, Template};
use leptos::prelude::*;

use super::modal::Modal;
use crate::adapters::platform;
use crate::i18n::{self, Ui};
use crate::state::Editor;
use crate::ui::focus::focus_after_render;

/// How many drafts the list shows before "Show all": building hundreds of rows is most of
/// the start-up time of a browser full of drafts, and nobody scrolls past the recent ones
/// without searching.
const FIRST_SHOWN: usize = 40;

/// The sidebar with every draft.
#[component]
pub fn DraftList() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let query = RwSignal::new(String::new());
    let dialog_open = RwSignal::new(false);
    let show_all = RwSignal::new(false);
    // A search shows every match: the query already narrows the list.
    let shortened = move || !show_all.get() && query.with(String::is_empty);
    let hidden = move || {
        let total = ed.drafts().with(Vec::len);
        if shortened() && total > FIRST_SHOWN {
            total - FIRST_SHOWN
        } else {
            0
        }
    };
    let items = move || {
        let open = ed.open_id().get();
        let q = query.get();
        let lang = ui.lang();
        let limit = if shortened() { FIRST_SHOWN } else { usize::MAX };
        ed.drafts().with(|ds| {
            newest_first(ds, &q)
                .into_iter()
                .enumerate()
                // The open draft stays in the list wherever it sorts.
                .filter(|(i, d)| *i < limit || open.as_deref() == Some(d.id.as_str()))
                .map(|(_, d)| {
                    let id = d.id.clone();
                    let (id_open, id_dup, id_del) = (id.clone(), id.clone(), id.clone());
                    let is_open = open.as_deref() == Some(id.as_str());
                    let title = display_title(&d.title, lang).to_owned();
                    let severity = d.severity.map(|s| severity_text(s, lang));
                    let status = d.status.label(lang);
                    let updated = ui.fill(i18n::CHANGED_AT, &[&platform::format_local_ms(d.updated_at)]);
                    let exported = d
                        .last_exported_at
                        .map(|e| ui.fill(i18n::EXPORTED_AT, &[&platform::format_local_ms(e)]));
                    let read_only = d.read_only;
                    // The same incident in the other language: a link to that draft.
                    let also = translations_of(d, ds)
                        .first()
                        .map(|other| (other.id.clone(), also_in(other.language).get(lang)));
                    view! {
                        <li class="draft-item" class:open=is_open>
                            <button type="button" class="draft-open" aria-current=is_open.then_some("page")
                                on:click=move |_| ed.open(&id_open)>
                                <bdi class="draft-title">{title.clone()}</bdi>
                                <span class="draft-meta">
                                    {severity.map(|s| view! { <span class="sev">{s}</span> })}
                                    <span class="status">{status}</span>
                                    <span class="updated">{updated}</span>
                                    {exported.map(|e| view! { <span class="exported">{e}</span> })}
                                    {read_only.then(|| view! { <span class="badge optional">{i18n::READ_ONLY.get(lang)}</span> })}
                                </span>
                            </button>
                            <div class="draft-actions">
                                <button type="button" class="ghost small" aria-label=ui.fill(i18n::DUPLICATE_NAMED, &[&i18n::isolate_name(&title)])
                                    on:click=move |_| ed.duplicate(&id_dup)>{i18n::DUPLICATE.get(lang)}</button>
                                <button type="button" class="ghost small danger" aria-label=ui.fill(i18n::DELETE_NAMED, &[&i18n::isolate_name(&title)])
                                    on:click=move |_| {
                                        ed.delete(&id_del, ui.lang_untracked());
                                        // Never leave the focus on the next draft's Delete.
                                        focus_after_render("undo-button".into());
                                    }>{i18n::DELETE.get(lang)}</button>
                                {also.map(|(other, words)| view! {
                                    <button type="button" class="ghost small also-in" on:click=move |_| ed.open(&other)>{words}</button>
                                })}
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || {
        let q = query.get();
        ed.drafts().with(|ds| newest_first(ds, &q).is_empty())
    };
    view! {
        <nav class="drafts" id="drafts-panel" aria-label=ui.t(i18n::DRAFTS)>
            <div class="drafts-head">
                <h2>{ui.t(i18n::DRAFTS)}</h2>
                <button type="button" class="primary" on:click=move |_| dialog_open.set(true)>{ui.t(i18n::NEW_DRAFT)}</button>
            </div>
            <button type="button" class="secondary wide" on:click=move |_| ed.open_example(ui.lang_untracked())>
                {ui.t(i18n::OPEN_EXAMPLE)}
            </button>
            <div class="field">
                <label for="draft-search">{ui.t(i18n::SEARCH_DRAFTS)}</label>
                <input id="draft-search" type="search" placeholder=ui.t(i18n::SEARCH_PLACEHOLDER)
                    on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            <ul class="draft-items">{items}</ul>
            <Show when=move || { hidden() > 0 }>
                <button type="button" class="ghost wide show-all" on:click=move |_| show_all.set(true)>
                    {move || ui.fill(i18n::SHOW_ALL_DRAFTS, &[&ed.drafts().with(Vec::len).to_string()])}
                </button>
            </Show>
            <Show when=empty>
                <p class="hint">{move || {
                    // Before the first words nothing is stored: say so, not "no match".
                    let none = ed.drafts().with(Vec::is_empty);
                    ui.t(if none { i18n::NO_DRAFTS_YET } else { i18n::NO_MATCH })()
                }}</p>
            </Show>
            <div class="file-actions">
                <div class="file-button">
                    <input type="file" id="import-file" class="visually-hidden"
                        accept=".json,.md,.markdown,application/json,text/markdown,text/plain"
                        on:change=move |ev| pick_file(ev, ed, ui, false)/>
                    <label for="import-file" class="secondary button-like">{ui.t(i18n::IMPORT)}</label>
                </div>
                <button type="button" class="secondary" on:click=move |_| ed.backup_all()>{ui.t(i18n::BACK_UP_ALL)}</button>
                <div class="file-button">
                    <input type="file" id="restore-file" class="visually-hidden" accept=".json,application/json"
                        on:change=move |ev| pick_file(ev, ed, ui, true)/>
                    <label for="restore-file" class="secondary button-like">{ui.t(i18n::RESTORE)}</label>
                </div>
            </div>
            <crate::ui::team_folder::TeamFolderBox/>
            <StorageMeter/>
            <p class="hint backup-note">
                {move || match ed.last_backup().get() {
                    Some(ms) => ui.fill(i18n::LAST_BACKUP, &[&platform::format_local_ms(ms)]),
                    None => i18n::NEVER_BACKED_UP.get(ui.lang()).to_owned(),
                }}
            </p>
            <Show when=move || dialog_open.get()>
                <NewDraftDialog on_close=move || dialog_open.set(false)/>
            </Show>
        </nav>
    }
}

/// Browsers give a site about five million UTF-16 units of local storage.
const STORAGE_QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// How full local storage is, and a suggestion to back up from 80 %.
#[component]
fn StorageMeter() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let used = Memo::new(move |_| {
        ed.drafts().track();
        ed.storage_used()
    });
    let percent = move || (used.get() * 100 / STORAGE_QUOTA_UNITS).min(100);
    let amount = move || {
        let bytes = used.get() * 2;
        let shown = if bytes >= 1024 * 1024 {
            format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
        } else {
            format!("{} KB", bytes.div_ceil(1024))
        };
        ui.fill(i18n::STORAGE_AMOUNT, &[&percent().to_string(), &shown])
    };
    view! {
        <div class="storage-meter" class:warn=move || { percent() >= 80 }>
            <label for="storage-used">{ui.t(i18n::STORAGE_USED)}</label>
            <meter id="storage-used" min="0" max="100" low="60" high="80" optimum="0"
                value=move || percent().to_string()>{amount}</meter>
            <span class="hint">{amount}</span>
            <Show when=move || { percent() >= 80 }>
                <p class="field-error" role="alert">{ui.t(i18n::STORAGE_NEARLY_FULL)}</p>
            </Show>
        </div>
    }
}

/// Hands the file chosen in a file input to the import, then clears the input so the same
/// file can be chosen again.
fn pick_file(ev: leptos::ev::Event, ed: Editor, ui: Ui, as_backup: bool) {
    use wasm_bindgen::JsCast;
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    if let Some(file) = input.files().and_then(|f| f.get(0)) {
        super::import_picked_file(ed, ui, file, as_backup);
    }
    input.set_value("");
}

/// The "New draft" dialog: pick a template.
#[component]
fn NewDraftDialog(
    /// Closes the dialog.
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    view! {
        <Modal labelled_by="new-draft-title" on_close=move |_| on_close()>
            <h2 id="new-draft-title">{ui.t(i18n::NEW_DRAFT)}</h2>
            <p>{ui.t(i18n::CHOOSE_TEMPLATE)}</p>
            <div class="templates">
                {Template::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let t = *t;
                        let desc_id = format!("template-desc-{i}");
                        // The button's name is its visible text; the description stays
                        // outside it and is linked for assistive technology.
                        view! {
                            <div class="template-option">
                                <button type="button" class="template" autofocus=i == 0
                                    aria-describedby=desc_id.clone()
                                    on:click=move |_| {
                                        ed.create(t, ui.lang_untracked());
                                        on_close();
                                        // The work starts at the title, not back at "New draft".
                                        focus_after_render("header-title".into());
                                    }>
                                    {ui.t(t.words())}
                                </button>
                                <p class="hint" id=desc_id>{ui.t(t.description())}</p>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            <button type="button" class="ghost" on:click=move |_| on_close()>{ui.t(i18n::CANCEL)}</button>
        </Modal>
    }
}
