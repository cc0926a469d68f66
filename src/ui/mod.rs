//! The Leptos UI: the shell, one component per form section, the preview and the drafts list.

pub mod draft_list;
pub mod fields;
pub mod platform;
pub mod preview;
pub mod section_frame;
pub mod sections;
pub mod state;

use leptos::prelude::*;

use draft_list::DraftList;
use preview::Preview;
use state::{Editor, SaveState, Undoable};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let ed = Editor::start();
    provide_context(ed);

    // Write pending edits the moment the page may go away.
    let flush_on_hide = window_event_listener(leptos::ev::pagehide, move |_| ed.flush());
    let flush_on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            ed.flush();
        }
    });
    on_cleanup(move || {
        flush_on_hide.remove();
        flush_on_hidden.remove();
    });

    // Keep the tab's title on the open report, so tabs and history say which one it is.
    Effect::new(move |_| {
        let title = ed
            .doc
            .with(|d| crate::domain::draft::display_title(&d.header.title).to_owned());
        document().set_title(&format!("{title} · Hindsight"));
    });

    let show_preview = RwSignal::new(false);
    view! {
        <div class="app" class:show-preview=move || show_preview.get()>
            <header class="topbar">
                <div class="brand">
                    <span class="logo" aria-hidden="true">"◐"</span>
                    <span class="name">"Hindsight"</span>
                    <span class="tagline">"Postmortems that never make the same mistake twice"</span>
                </div>
                <div class="topbar-right">
                    <SaveIndicator/>
                    <button type="button" class="secondary preview-toggle"
                        aria-pressed=move || show_preview.get().to_string()
                        on:click=move |_| show_preview.update(|s| *s = !*s)>
                        {move || if show_preview.get() { "Show form" } else { "Show preview" }}
                    </button>
                </div>
            </header>
            <Alerts/>
            <div class="layout">
                <DraftList/>
                <main class="form" aria-label="Postmortem form">
                    {move || {
                        ed.epoch.get();
                        let order = ed.doc.with_untracked(|d| d.template.form_order());
                        order.into_iter().map(sections::section_form).collect_view()
                    }}
                </main>
                <aside class="preview" aria-label="Preview">
                    <Preview/>
                </aside>
            </div>
        </div>
    }
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
    let undo_text = move || {
        ed.undo.with(|u| match u {
            Some(Undoable::Draft(d)) => Some(format!("Deleted “{}”.", d.display_title())),
            Some(Undoable::Row { what, .. }) => Some(format!("Deleted {what}.")),
            None => None,
        })
    };
    view! {
        <div class="alert" role="alert">
            {move || ed.alert.get().map(|message| view! {
                <div class="alert-box">
                    <span>{message}</span>
                    <button type="button" class="ghost small" on:click=move |_| ed.alert.set(None)>"Dismiss"</button>
                </div>
            })}
        </div>
        <div class="toast-region" aria-live="polite">
            {move || undo_text().map(|text| view! {
                <div class="toast">
                    <span>{text}</span>
                    <button type="button" class="secondary small" on:click=move |_| ed.undo_last()>"Undo"</button>
                    <button type="button" class="ghost small" aria-label="Dismiss" on:click=move |_| ed.undo.set(None)>"✕"</button>
                </div>
            })}
        </div>
    }
}
