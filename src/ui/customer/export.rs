//! The customer version's exports: Markdown (download and copy), a standalone HTML page and
//! plain text (download and copy), each built by the core from the redacted parts only, in the
//! report's language, under a file name made of the redacted public title.
//!
//! While a sentence would reach customers with a "[redacted]" gap in it, copying or
//! downloading asks first: the dialog lists those sentences and offers to rewrite one (its
//! part's text, with the sentence selected) or to go on anyway.

use hindsight_core::customer::words as cw;
use hindsight_core::{
    customer::customer_file_stem, customer::customer_html, customer::customer_markdown,
    customer::customer_text, customer::customer_version, customer::gaps, customer::Gap, Text,
};
use hindsight_core::{Postmortem, Words};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::files;
use crate::i18n::{self, customer as words, Ui};
use crate::state::Editor;
use crate::ui::modal::Modal;

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

/// What a button does with the customer version.
#[derive(Clone, Copy)]
enum Action {
    Download,
    Copy,
}

impl Action {
    /// The button's verb.
    fn verb(self) -> Words {
        match self {
            Action::Download => cw::DOWNLOAD_CUSTOMER_VERSION,
            Action::Copy => words::COPY_CUSTOMER_VERSION,
        }
    }

    /// The dialog's button that goes on despite the gaps.
    fn anyway(self) -> Words {
        match self {
            Action::Download => words::DOWNLOAD_ANYWAY,
            Action::Copy => words::COPY_ANYWAY,
        }
    }

    fn run(self, ed: Editor, format: Format) {
        match self {
            Action::Download => download(ed, format),
            Action::Copy => copy(ed, format),
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
/// version (Markdown)", and the dialog they open while a sentence has a gap.
#[component]
pub fn ExportBar() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let asking = RwSignal::new(None::<(Action, Format)>);
    let button = move |action: Action, format: Format| {
        let name = Signal::derive(move || {
            let lang = ui.lang();
            words::WITH_FORMAT.fill(lang, &[action.verb().get(lang), format.words().get(lang)])
        });
        let click = move |_| {
            if ed.peek(gaps).is_empty() {
                action.run(ed, format);
            } else {
                asking.set(Some((action, format)));
            }
        };
        view! { <button type="button" class="secondary" on:click=click>{name}</button> }
    };
    view! {
        <div class="customer-exports">
            {button(Action::Download, Format::Markdown)}
            {button(Action::Download, Format::Html)}
            {button(Action::Download, Format::Text)}
            {button(Action::Copy, Format::Markdown)}
            {button(Action::Copy, Format::Text)}
        </div>
        <Show when=move || asking.with(Option::is_some)>
            <GapsDialog asking=asking/>
        </Show>
    }
}

/// "Some sentences still have a gap": the sentences, a way to rewrite each, and the choice to
/// go on anyway or not.
#[component]
fn GapsDialog(asking: RwSignal<Option<(Action, Format)>>) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let Some((action, format)) = asking.get_untracked() else {
        return ().into_any();
    };
    let (found, lang, html_lang) = ed.peek(|d| (gaps(d), d.language, d.language.html_lang()));
    let close = Callback::new(move |_: ()| asking.set(None));
    let intro = move || ui.fill(words::GAPS_INTRO, &[cw::PLACEHOLDER.get(lang)]);
    let items = found
        .into_iter()
        .enumerate()
        .map(|(i, gap)| {
            let id = format!("gap-{i}");
            let part = gap.part;
            let where_ = move || ui.fill(words::IN_PART, &[part.heading().get(ui.lang())]);
            view! {
                <li class="gap">
                    <bdi class="gap-sentence" id=id.clone() lang=html_lang>{gap.redacted.clone()}</bdi>
                    <span class="hint">{where_}</span>
                    <button type="button" class="secondary small" aria-describedby=id
                        on:click=move |_| {
                            asking.set(None);
                            rewrite(ed, &gap);
                        }>
                        {ui.t(words::REWRITE_SENTENCE)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <Modal labelled_by="gaps-title" on_close=close>
            <h2 id="gaps-title">{ui.t(words::GAPS_TITLE)}</h2>
            <p>{intro}</p>
            <ul class="gaps">{items}</ul>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| {
                    asking.set(None);
                    action.run(ed, format);
                }>{ui.t(action.anyway())}</button>
                <button type="button" class="secondary" on:click=move |_| close.run(())>
                    {ui.t(i18n::CANCEL)}
                </button>
            </div>
        </Modal>
    }
    .into_any()
}

/// Puts the focus in the part's text with the sentence selected, once the dialog is gone (it
/// gives the focus back to its button as it closes). What the author types there makes the
/// part their own ("Edited here").
fn rewrite(ed: Editor, gap: &Gap) {
    let id = format!("cv-{}", gap.part.slug());
    let (start, end) = ed.peek(|d| {
        let text = customer_version(d)
            .into_iter()
            .find(|p| p.part == gap.part)
            .map(|p| p.text)
            .unwrap_or_default();
        let utf16 = |byte: usize| text.get(..byte).map_or(0, |t| t.encode_utf16().count());
        (utf16(gap.start) as u32, utf16(gap.end) as u32)
    });
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        let Some(el) = document().get_element_by_id(&id) else {
            return;
        };
        if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let _ = area.focus();
            let _ = area.set_selection_range(start, end);
        } else if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            let _ = input.focus();
            let _ = input.set_selection_range(start, end);
        }
    });
}
