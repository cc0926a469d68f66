//! The Leptos UI: the shell, one component per form section, the preview and the drafts list.

pub mod draft_list;
mod exchange;
pub mod export_menu;
pub mod fields;
pub mod files;
pub mod modal;
pub mod platform;
pub mod preview;
pub mod section_frame;
pub mod sections;
pub mod shared_view;
pub mod state;
mod sync;

use leptos::prelude::*;

use draft_list::DraftList;
use export_menu::ExportMenu;
use preview::Preview;
use shared_view::SharedView;
use state::{AlertKind, Editor, SaveState, Undoable};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let ed = Editor::start();
    provide_context(ed);
    ed.watch_other_tabs();

    // Write pending edits the moment the page may go away. A tab closed in the middle of a
    // conflict keeps its text as a separate draft rather than losing it.
    let flush_on_hide =
        window_event_listener(leptos::ev::pagehide, move |_| ed.save_before_leaving());
    let flush_on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            ed.save_before_leaving();
        }
    });
    on_cleanup(move || {
        flush_on_hide.remove();
        flush_on_hidden.remove();
    });

    // Keep the tab's title on the open report, so tabs and history say which one it is.
    Effect::new(move |_| {
        let title = match ed.shared.get() {
            Some(shared) => crate::domain::draft::display_title(&shared.header.title).to_owned(),
            None => ed
                .doc
                .with(|d| crate::domain::draft::display_title(&d.header.title).to_owned()),
        };
        document().set_title(&format!("{title} · Hindsight"));
    });

    // Dropping a file anywhere on the page imports it as a new draft.
    let dragging = RwSignal::new(false);
    let on_dragover = window_event_listener(leptos::ev::dragover, move |ev| {
        ev.prevent_default();
        dragging.set(true);
    });
    let on_dragleave = window_event_listener(leptos::ev::dragleave, move |ev| {
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let on_drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        dragging.set(false);
        let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        import_picked_file(ed, file, false);
    });
    on_cleanup(move || {
        on_dragover.remove();
        on_dragleave.remove();
        on_drop.remove();
    });

    let show_preview = RwSignal::new(false);
    view! {
        <div class="app" class:show-preview=move || show_preview.get() class:dragging=move || dragging.get()>
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">"◐"</span>
                    <span class="name">"Hindsight"</span>
                    <span class="tagline">"Postmortems that never make the same mistake twice"</span>
                </div>
                <div class="topbar-right">
                    <Show when=move || ed.shared.with(Option::is_none)>
                        <SaveIndicator/>
                    </Show>
                    <ExportMenu/>
                    <button type="button" class="secondary preview-toggle"
                        aria-controls="preview-pane"
                        on:click=move |_| show_preview.update(|s| *s = !*s)>
                        {move || if show_preview.get() { "Show form" } else { "Show preview" }}
                    </button>
                </div>
            </header>
            <Alerts/>
            {move || match ed.shared.get() {
                Some(doc) => view! { <SharedView doc=doc/> }.into_any(),
                None => view! {
                    <div class="layout">
                        <DraftList/>
                        <main class="form" aria-label="Postmortem form">
                            <Show when=move || ed.is_read_only()>
                                <p class="read-only-note" role="note">
                                    {move || format!(
                                        "This draft was written by a newer version of Hindsight (schema {}). It is open read-only, so nothing in it can be lost; update Hindsight to edit it.",
                                        ed.doc.with(|d| d.schema_version)
                                    )}
                                </p>
                            </Show>
                            // A disabled fieldset disables every control inside it at once.
                            <fieldset class="form-fields" disabled=move || ed.is_read_only()>
                                <legend class="visually-hidden">"Postmortem sections"</legend>
                                {move || {
                                    ed.epoch.get();
                                    let order = ed.doc.with_untracked(|d| d.template.form_order());
                                    order.into_iter().map(sections::section_form).collect_view()
                                }}
                            </fieldset>
                        </main>
                        <aside class="preview" id="preview-pane" aria-label="Preview">
                            <Preview doc=ed.doc/>
                        </aside>
                    </div>
                }.into_any(),
            }}
            <div class="drop-hint" aria-hidden="true">"Drop a Hindsight .md or .json file to import it as a new draft"</div>
        </div>
    }
}

/// Reads a picked or dropped file and imports it (or restores it, for a backup).
pub fn import_picked_file(ed: Editor, file: web_sys::File, as_backup: bool) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        match files::read_text(&file).await {
            Ok(text) if as_backup => ed.restore_backup(&name, &text),
            Ok(text) => ed.import_file(&name, &text),
            Err(why) => ed.file_unreadable(&name, &why),
        }
    });
}

/// "Saved" / "Saving…" / "Not saved", announced politely.
#[component]
fn SaveIndicator() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let text = move || match ed.save_state.get() {
        SaveState::Saved if !ed.persistent => "Kept in this tab only",
        SaveState::Saved => "Saved",
        SaveState::Saving => "Saving…",
        SaveState::NotSaved => "Not saved",
    };
    let class = move || match ed.save_state.get() {
        SaveState::Saved => "save-state saved",
        SaveState::Saving => "save-state saving",
        SaveState::NotSaved => "save-state failed",
    };
    view! { <p class=class role="status">{text}</p> }
}

/// The alert region for errors, and the undo toast.
#[component]
fn Alerts() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let info_text = move || ed.info.get();
    let undo_text = move || {
        ed.undo.with(|u| {
            let latest = match u.last()? {
                Undoable::Draft(d) => format!("Deleted “{}”.", d.display_title()),
                Undoable::Row { what, .. } => format!("Deleted {what}."),
            };
            Some(match u.len() {
                1 => latest,
                n => format!("{latest} ({} more to undo)", n - 1),
            })
        })
    };
    view! {
        <div class="alert" role="alert">
            {move || ed.alert.get().map(|alert| {
                let conflict = alert.kind == AlertKind::Conflict;
                view! {
                    <div class="alert-box">
                        <span class="alert-text">{alert.message}</span>
                        <span class="alert-actions">
                            {alert.actions.into_iter().map(|action| view! {
                                <button type="button" class="secondary small"
                                    on:click=move |_| ed.run_alert_action(action)>{action.label()}</button>
                            }).collect_view()}
                            // A conflict needs an answer; anything else can be dismissed.
                            {(!conflict).then(|| view! {
                                <button type="button" class="ghost small" on:click=move |_| ed.alert.set(None)>"Dismiss"</button>
                            })}
                        </span>
                    </div>
                }
            })}
        </div>
        <div class="toast-region" aria-live="polite">
            {move || info_text().map(|text| view! {
                <div class="toast">
                    <span>{text}</span>
                    <button type="button" class="ghost small" aria-label="Dismiss" on:click=move |_| ed.info.set(None)>"✕"</button>
                </div>
            })}
            {move || undo_text().map(|text| view! {
                <div class="toast">
                    <span>{text}</span>
                    <button type="button" class="secondary small" id="undo-button" on:click=move |_| ed.undo_last()>"Undo"</button>
                    <button type="button" class="ghost small" aria-label="Dismiss" on:click=move |_| ed.undo.set(Vec::new())>"✕"</button>
                </div>
            })}
        </div>
    }
}
