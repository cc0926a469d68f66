//! The Export menu: Markdown (download and copy), HTML, JSON, print, share link.

use hindsight_core::Words;
use leptos::prelude::*;

use super::modal::Modal;
use crate::adapters::files;
use crate::form::focus_after_render;
use crate::i18n::{self, Ui};
use crate::state::{Editor, ExportFormat};

/// What a menu item does.
#[derive(Clone, Copy)]
enum Item {
    Download(ExportFormat),
    CopyMarkdown,
    Print,
    Share,
}

const ITEMS: [(Item, Words); 6] = [
    (
        Item::Download(ExportFormat::Markdown),
        i18n::DOWNLOAD_MARKDOWN,
    ),
    (Item::CopyMarkdown, i18n::COPY_MARKDOWN),
    (Item::Download(ExportFormat::Html), i18n::DOWNLOAD_HTML),
    (Item::Download(ExportFormat::Json), i18n::DOWNLOAD_JSON),
    (Item::Print, i18n::PRINT),
    (Item::Share, i18n::SHARE_LINK),
];

/// The menu button and its panel.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let open = RwSignal::new(false);
    let link = RwSignal::new(None::<String>);
    let close = move || {
        if open.get_untracked() {
            open.set(false);
            focus_after_render("export-button".into());
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
    let run = move |item: Item| {
        match item {
            Item::Download(format) => ed.export(format),
            Item::CopyMarkdown => ed.copy_markdown(),
            Item::Print => files::print(),
            Item::Share => link.set(ed.share_link()),
        }
        close();
    };
    view! {
        <div class="menu">
            <button type="button" class="secondary" id="export-button" aria-haspopup="true"
                aria-expanded=move || open.get().to_string() aria-controls="export-panel"
                on:click=move |_| open.update(|o| *o = !*o)>
                {ui.t(i18n::EXPORT)}
                <span aria-hidden="true">" ▾"</span>
            </button>
            <div class="menu-panel" id="export-panel" role="group" aria-label=ui.t(i18n::EXPORT)
                hidden=move || !open.get()>
                {ITEMS.iter().map(|(item, words)| {
                    let item = *item;
                    view! {
                        <button type="button" class="menu-item" on:click=move |_| run(item)>{ui.t(*words)}</button>
                    }
                }).collect_view()}
            </div>
            <Show when=move || link.get().is_some()>
                <Modal labelled_by="share-title" on_close=move |_| link.set(None)>
                    <h2 id="share-title">{ui.t(i18n::SHARE_LINK)}</h2>
                    <p>{ui.t(i18n::SHARE_EXPLAINED)}</p>
                    <div class="field">
                        <label for="share-link">{ui.t(i18n::LINK)}</label>
                        <input id="share-link" type="text" readonly prop:value=move || link.get().unwrap_or_default()
                            on:focus=move |ev| {
                                use wasm_bindgen::JsCast;
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                    input.select();
                                }
                            }/>
                    </div>
                    <div class="actions">
                        <button type="button" class="primary" autofocus on:click=move |_| link.set(None)>
                            {ui.t(i18n::DONE)}
                        </button>
                    </div>
                </Modal>
            </Show>
        </div>
    }
}
