//! The live preview: the report rendered section by section, in the report's language.
//!
//! Each section has a memo of its Markdown and one of its HTML, and reads only its own part
//! of the document: a keystroke re-runs one section's Markdown and patches the nodes of that
//! section's DOM that changed.

use hindsight_core::{
    markdown::section_markdown, render::render_html_in, report, Postmortem, SectionId,
};
use leptos::prelude::*;

use crate::adapters::platform;
use crate::i18n::{self, Ui};
use crate::state::Editor;
use crate::ui::patch::patch_inner_html;

/// Where the preview reads its document: the open draft, or a fixed one (a shared link).
#[derive(Clone)]
pub enum Source {
    /// The editor's open draft, section by section.
    Editor(Editor),
    /// A document shown as it is.
    Fixed(Box<Postmortem>),
}

/// The rendered report of a document.
#[component]
pub fn Preview(
    /// Where the document comes from.
    source: Source,
) -> impl IntoView {
    let ui = Ui::get();
    let source = StoredValue::new(source);
    let read = move |section: SectionId, f: &dyn Fn(&Postmortem) -> String| match source.get_value()
    {
        Source::Editor(ed) => ed.read(section, |d| f(d)),
        Source::Fixed(doc) => f(&doc),
    };
    let lang = Memo::new(move |_| match source.get_value() {
        Source::Editor(ed) => ed.read(SectionId::Header, |d| d.language),
        Source::Fixed(doc) => doc.language,
    });
    let sections = SectionId::ALL
        .into_iter()
        .map(|section| {
            let markdown = Memo::new(move |_| read(section, &|d| section_markdown(d, section)));
            let html = Memo::new(move |_| {
                markdown.with(|md| {
                    if md.is_empty() {
                        let lang = lang.get();
                        let text = report::NOTHING_YET.fill(lang, &[section.heading().get(lang)]);
                        format!("<p class=\"placeholder\">{text}</p>")
                    } else {
                        render_html_in(md, lang.get())
                    }
                })
            });
            // Patched, not replaced: a keystroke in one row of a long table changes one row.
            let node = NodeRef::<leptos::html::Div>::new();
            let pending = StoredValue::new(false);
            Effect::new(move |_| {
                let Some(el) = node.get() else { return };
                let put = move |el: &web_sys::Element| {
                    html.with_untracked(|h| patch_inner_html(el, h));
                    if section == SectionId::Timeline {
                        mark_long_table(el);
                    }
                };
                let large = html.with(|h| h.len() > LARGE_SECTION_BYTES);
                if !large || !el.has_child_nodes() {
                    put(&el);
                    return;
                }
                // A large section (a long timeline) is put in after the keystroke's frame is
                // painted, the latest text only: typing never waits for it.
                if !pending.get_value() {
                    pending.set_value(true);
                    platform::when_idle(LARGE_SECTION_WITHIN_MS, move || {
                        // Gone with its view (another draft opened): nothing to put in.
                        if pending.try_set_value(false).is_none() {
                            put(&el);
                        }
                    });
                }
            });
            view! {
                <div class="preview-section" id=format!("preview-{}", section.slug())
                    data-section=section.slug() node_ref=node></div>
            }
        })
        .collect_view();
    view! {
        <article class="report" aria-label=ui.t(i18n::REPORT_PREVIEW) lang=move || lang.get().html_lang()>
            {sections}
        </article>
    }
}

/// The HTML size past which a section is put in after the keystroke's frame.
const LARGE_SECTION_BYTES: usize = 20_000;

/// How long a large section's update may wait for an idle moment.
const LARGE_SECTION_WITHIN_MS: u32 = 100;

/// Rows past which a timeline's table gets fixed columns (`style/main.css`): an automatic
/// table measures every cell again when one changes, which a long timeline feels per key.
const LONG_TABLE_ROWS: u32 = 40;

/// Marks the section whose first table is long; on the section, not the table, so the
/// table's own nodes stay equal to the rendered HTML and keep being patched.
fn mark_long_table(section: &web_sys::Element) {
    let rows = section
        .query_selector(".table-wrap > table > tbody")
        .ok()
        .flatten()
        .map_or(0, |body| body.child_element_count());
    let _ = section
        .class_list()
        .toggle_with_force("long", rows > LONG_TABLE_ROWS);
}
