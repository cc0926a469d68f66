//! The Export menu: Markdown (download and copy), HTML, JSON, print, share link.

use leptos::prelude::*;

use super::files;
use super::modal::Modal;
use super::state::{Editor, ExportFormat};

/// The menu button and its panel.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let open = RwSignal::new(false);
    let link = RwSignal::new(None::<String>);
    let close = move || {
        if open.get_untracked() {
            open.set(false);
            super::sections::focus_after_render("export-button".into());
        }
    };
    // A click anywhere outside the menu, or Escape anywhere, closes it.
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        use wasm_bindgen::JsCast;
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".menu").ok().flatten())
            .is_some();
        if !inside && open.get_untracked() {
            open.set(false);
        }
    });
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close();
        }
    });
    on_cleanup(move || {
        outside.remove();
        escape.remove();
    });
    let item = move |label: &'static str, action: Box<dyn Fn() + Send + Sync>| {
        view! {
            <button type="button" class="menu-item" on:click=move |_| { action(); close(); }>{label}</button>
        }
    };
    view! {
        <div class="menu">
            <button type="button" class="secondary" id="export-button" aria-haspopup="true"
                aria-expanded=move || open.get().to_string() aria-controls="export-panel"
                on:click=move |_| open.update(|o| *o = !*o)>
                "Export"
                <span aria-hidden="true">" ▾"</span>
            </button>
            <div class="menu-panel" id="export-panel" role="group" aria-label="Export" hidden=move || !open.get()>
                {item("Download Markdown", Box::new(move || ed.export(ExportFormat::Markdown)))}
                {item("Copy Markdown", Box::new(move || ed.copy_markdown()))}
                {item("Download HTML", Box::new(move || ed.export(ExportFormat::Html)))}
                {item("Download JSON", Box::new(move || ed.export(ExportFormat::Json)))}
                {item("Print / PDF", Box::new(files::print))}
                {item("Share link", Box::new(move || link.set(ed.share_link())))}
            </div>
            <Show when=move || link.get().is_some()>
                <Modal labelled_by="share-title" on_close=move |_| link.set(None)>
                        <h2 id="share-title">"Share link"</h2>
                        <p>"The whole postmortem is inside this link; no server keeps a copy. Anyone with the link can read it, so share it as you would the document."</p>
                        <div class="field">
                            <label for="share-link">"Link"</label>
                            <input id="share-link" type="text" readonly prop:value=move || link.get().unwrap_or_default()
                                on:focus=move |ev| {
                                    use wasm_bindgen::JsCast;
                                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                        input.select();
                                    }
                                }/>
                        </div>
                        <div class="actions">
                            <button type="button" class="primary" autofocus on:click=move |_| link.set(None)>"Done"</button>
                        </div>
                </Modal>
            </Show>
        </div>
    }
}
