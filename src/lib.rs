//! Hindsight: a postmortem editor that runs entirely in the browser.
//!
//! This crate is the browser app: Leptos components (`ui`, the form in `ui/form`), the reactive wrapper over
//! the core's session (`state`), the interface's words (`i18n`) and the browser adapters
//! (`adapters`). Everything else (the document, its field table, Markdown, rendering,
//! exchange formats, the session's rules) is in `hindsight-core`.

#![forbid(unsafe_code)]

pub mod adapters;
pub mod i18n;
pub mod split;
pub mod state;
pub mod ui;

pub use ui::App;

/// The render pipeline for JavaScript, so the benchmark can time it against others.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = renderMarkdown)]
pub fn render_markdown(markdown: &str) -> String {
    hindsight_core::render::render_html(markdown)
}
