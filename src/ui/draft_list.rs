//! The drafts list: search, open, create, duplicate, delete.

use leptos::prelude::*;

use crate::domain::document::Template;
use crate::domain::draft::filtered_newest_first;
use crate::domain::markdown::severity_text;

use super::modal::Modal;
use super::platform;
use super::state::Editor;

/// The sidebar with every draft.
#[component]
pub fn DraftList() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let query = RwSignal::new(String::new());
    let dialog_open = RwSignal::new(false);
    let items = move || {
        let open = ed.open_id.get();
        let q = query.get();
        ed.drafts.with(|ds| {
            filtered_newest_first(ds, &q)
                .into_iter()
                .map(|d| {
                    let id = d.id.clone();
                    let (id_open, id_dup, id_del) = (id.clone(), id.clone(), id.clone());
                    let is_open = open.as_deref() == Some(id.as_str());
                    let title = d.display_title().to_owned();
                    let severity = d.doc.header.severity.map(severity_text);
                    let status = d.doc.header.status.label();
                    let updated = platform::format_local_ms(d.updated_at);
                    let exported = d.last_exported_at.map(platform::format_local_ms);
                    let read_only = d.read_only;
                    view! {
                        <li class="draft-item" class:open=is_open>
                            <button type="button" class="draft-open" aria-current=is_open.then_some("page")
                                on:click=move |_| ed.open(&id_open)>
                                <span class="draft-title">{title.clone()}</span>
                                <span class="draft-meta">
                                    {severity.map(|s| view! { <span class="sev">{s}</span> })}
                                    <span class="status">{status}</span>
                                    <span class="updated">"Changed " {updated}</span>
                                    {exported.map(|e| view! { <span class="exported">"Exported " {e}</span> })}
                                    {read_only.then(|| view! { <span class="badge optional">"Read-only"</span> })}
                                </span>
                            </button>
                            <div class="draft-actions">
                                <button type="button" class="ghost small" aria-label=format!("Duplicate {title}")
                                    on:click=move |_| ed.duplicate(&id_dup)>"Duplicate"</button>
                                <button type="button" class="ghost small danger" aria-label=format!("Delete {title}")
                                    on:click=move |_| {
                                        ed.delete(&id_del);
                                        // Never leave the focus on the next draft's Delete.
                                        super::sections::focus_after_render("undo-button".into());
                                    }>"Delete"</button>
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let empty = move || {
        let q = query.get();
        ed.drafts
            .with(|ds| filtered_newest_first(ds, &q).is_empty())
    };
    view! {
        <nav class="drafts" aria-label="Drafts">
            <div class="drafts-head">
                <h2>"Drafts"</h2>
                <button type="button" class="primary" on:click=move |_| dialog_open.set(true)>"New draft"</button>
            </div>
            <button type="button" class="secondary wide" on:click=move |_| ed.open_example()>"Open example"</button>
            <div class="field">
                <label for="draft-search">"Search drafts"</label>
                <input id="draft-search" type="search" placeholder="Title or tag"
                    on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            <ul class="draft-items">{items}</ul>
            <div class="file-actions">
                <div class="file-button">
                    <input type="file" id="import-file" class="visually-hidden"
                        accept=".json,.md,.markdown,application/json,text/markdown,text/plain"
                        on:change=move |ev| pick_file(ev, ed, false)/>
                    <label for="import-file" class="secondary button-like">"Import"</label>
                </div>
                <button type="button" class="secondary" on:click=move |_| ed.backup_all()>"Back up all drafts"</button>
                <div class="file-button">
                    <input type="file" id="restore-file" class="visually-hidden" accept=".json,application/json"
                        on:change=move |ev| pick_file(ev, ed, true)/>
                    <label for="restore-file" class="secondary button-like">"Restore"</label>
                </div>
            </div>
            <p class="hint backup-note">
                {move || match ed.last_backup.get() {
                    Some(ms) => format!("Last backed up {}.", platform::format_local_ms(ms)),
                    None => "Not backed up yet. Drafts live only in this browser; clearing site data deletes them.".to_owned(),
                }}
            </p>
            <Show when=empty>
                <p class="hint">"No draft matches."</p>
            </Show>
            <Show when=move || dialog_open.get()>
                <NewDraftDialog on_close=move || dialog_open.set(false)/>
            </Show>
        </nav>
    }
}

/// Hands the file chosen in a file input to the import, then clears the input so the same
/// file can be chosen again.
fn pick_file(ev: leptos::ev::Event, ed: Editor, as_backup: bool) {
    use wasm_bindgen::JsCast;
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    if let Some(file) = input.files().and_then(|f| f.get(0)) {
        super::import_picked_file(ed, file, as_backup);
    }
    input.set_value("");
}

/// The "New draft" dialog: pick a template.
#[component]
fn NewDraftDialog(
    /// Closes the dialog.
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    view! {
        <Modal labelled_by="new-draft-title" on_close=move |_| on_close()>
                <h2 id="new-draft-title">"New draft"</h2>
                <p>"Choose a template. It decides which sections are required and shown first; you can fill any section either way."</p>
                <div class="templates">
                    {Template::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(i, t)| {
                            let desc_id = format!("template-desc-{i}");
                            let described_by = desc_id.clone();
                            // The button's name is its visible text; the description stays
                            // outside it and is linked for assistive technology.
                            view! {
                                <div class="template-option">
                                    <button type="button" class="template" autofocus=i == 0
                                        aria-describedby=described_by
                                        on:click=move |_| { ed.create(t); on_close(); }>
                                        {t.label()}
                                    </button>
                                    <p class="hint" id=desc_id>{t.description()}</p>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
                <button type="button" class="ghost" on:click=move |_| on_close()>"Cancel"</button>
        </Modal>
    }
}
