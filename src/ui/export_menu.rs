//! The Export menu: Markdown (download and copy), HTML, JSON, print, share link.
//!
//! It follows the menu-button pattern: the button opens a `menu` whose items are reached
//! with the arrow keys, Home and End; Escape or Tab closes it, and the focus goes back to
//! the button.

use hindsight_core::Words;
use leptos::prelude::*;

use super::modal::Modal;
use crate::adapters::files;
use crate::i18n::{self, Ui};
use crate::state::{Editor, ExportFormat};
use crate::ui::focus::focus_after_render;

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
    let panel = NodeRef::<leptos::html::Div>::new();
    // Moves the focus among the menu's items: to `to` (an index, wrapping around).
    let focus_item = move |to: isize| {
        use wasm_bindgen::JsCast;
        let Some(panel) = panel.get_untracked() else {
            return;
        };
        let Ok(items) = panel.query_selector_all("[role=menuitem]") else {
            return;
        };
        let n = items.length() as isize;
        if n == 0 {
            return;
        }
        let i = to.rem_euclid(n) as u32;
        if let Some(el) = items
            .get(i)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    };
    let current = move || -> isize {
        use wasm_bindgen::JsCast;
        let active = document().active_element();
        let Some(panel) = panel.get_untracked() else {
            return -1;
        };
        let Ok(items) = panel.query_selector_all("[role=menuitem]") else {
            return -1;
        };
        (0..items.length())
            .find(|i| {
                items
                    .get(*i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    .zip(active.clone())
                    .is_some_and(|(a, b)| a == b)
            })
            .map_or(-1, |i| i as isize)
    };
    let open_at = move |to: isize| {
        open.set(true);
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            focus_item(to);
        });
    };
    let on_menu_key = move |ev: leptos::ev::KeyboardEvent| {
        let handled = match ev.key().as_str() {
            "ArrowDown" => {
                focus_item(current() + 1);
                true
            }
            "ArrowUp" => {
                focus_item(current() - 1);
                true
            }
            "Home" => {
                focus_item(0);
                true
            }
            "End" => {
                focus_item(-1);
                true
            }
            "Tab" => {
                open.set(false);
                false
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
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
            <button type="button" class="secondary" id="export-button" aria-haspopup="menu"
                aria-expanded=move || open.get().to_string() aria-controls="export-panel"
                on:click=move |_| if open.get_untracked() { open.set(false) } else { open_at(0) }
                on:keydown=move |ev| match ev.key().as_str() {
                    "ArrowDown" => { ev.prevent_default(); open_at(0); }
                    "ArrowUp" => { ev.prevent_default(); open_at(-1); }
                    _ => {}
                }>
                {ui.t(i18n::EXPORT)}
                <span aria-hidden="true">" ▾"</span>
            </button>
            <div class="menu-panel" id="export-panel" role="menu" aria-labelledby="export-button"
                node_ref=panel hidden=move || !open.get() on:keydown=on_menu_key>
                {ITEMS.iter().map(|(item, words)| {
                    let item = *item;
                    view! {
                        <button type="button" class="menu-item" role="menuitem" tabindex="-1"
                            on:click=move |_| run(item)>{ui.t(*words)}</button>
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
