//! The customer version's exports: Markdown (download and copy), a standalone HTML page and
//! plain text (download and copy), each built by the core from the redacted parts only, in the
//! report's language, under a file name made of the redacted public title.

use hindsight_core::customer::words as cw;
use hindsight_core::{
    customer::customer_file_stem, customer::customer_html, customer::customer_markdown,
    customer::customer_text, Text,
};
use hindsight_core::{Postmortem, Words};
use leptos::prelude::*;

use crate::adapters::files;
use crate::i18n::{self, customer as words, Ui};
use crate::state::Editor;

/// A format of the customer version.
#[derive(Clone, Copy)]
enum Format {
    Markdown,
    Html,
    Text,
}

impl Format {
    /// Its name inside the buttons' names.
    fn words(self) -> Words {
        match self {
            Format::Markdown => words::MARKDOWN,
            Format::Html => words::HTML,
            Format::Text => cw::PLAIN_TEXT,
        }
    }

    /// The file's extension, its type and its text.
    fn file(self, doc: &Postmortem) -> (&'static str, &'static str, String) {
        match self {
            Format::Markdown => ("md", "text/markdown;charset=utf-8", customer_markdown(doc)),
            Format::Html => ("html", "text/html;charset=utf-8", customer_html(doc)),
            Format::Text => ("txt", "text/plain;charset=utf-8", customer_text(doc)),
        }
    }
}

/// Downloads the customer version in one format.
fn download(ed: Editor, format: Format) {
    let (name, mime, text) = ed.peek(|d| {
        let (ext, mime, text) = format.file(d);
        (format!("{}.{ext}", customer_file_stem(d)), mime, text)
    });
    if let Err(e) = files::download(&name, mime, &text) {
        ed.warn_text(Text::with(i18n::EXPORT_FAILED, &[&e]));
    }
}

/// Copies the customer version in one format to the clipboard.
fn copy(ed: Editor, format: Format) {
    let text = ed.peek(|d| format.file(d).2);
    leptos::task::spawn_local(async move {
        match files::copy_text(&text).await {
            Ok(()) => ed.info().set(Some(words::COPIED.into())),
            Err(e) => ed.warn_text(Text::with(words::COPY_FAILED, &[&e])),
        }
    });
}

/// The downloads and copies, each button showing its full name, such as "Download customer
/// version (Markdown)".
#[component]
pub fn ExportBar() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let button = move |action: fn(Editor, Format), verb: Words, format: Format| {
        let name = Signal::derive(move || {
            let lang = ui.lang();
            words::WITH_FORMAT.fill(lang, &[verb.get(lang), format.words().get(lang)])
        });
        view! {
            <button type="button" class="secondary" on:click=move |_| action(ed, format)>{name}</button>
        }
    };
    view! {
        <div class="customer-exports">
            {button(download, cw::DOWNLOAD_CUSTOMER_VERSION, Format::Markdown)}
            {button(download, cw::DOWNLOAD_CUSTOMER_VERSION, Format::Html)}
            {button(download, cw::DOWNLOAD_CUSTOMER_VERSION, Format::Text)}
            {button(copy, words::COPY_CUSTOMER_VERSION, Format::Markdown)}
            {button(copy, words::COPY_CUSTOMER_VERSION, Format::Text)}
        </div>
    }
}
