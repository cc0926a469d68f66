//! The live preview: the report rendered section by section.
//!
//! Each section has a memo of its Markdown and a memo of its HTML. A keystroke changes one
//! section's Markdown; memo equality stops the others, so only that section's DOM is replaced.

use leptos::prelude::*;

use crate::domain::markdown::section_markdown;
use crate::domain::sections::SectionId;
use crate::render::render_html;

use crate::domain::document::Postmortem;

/// The rendered report of a document.
#[component]
pub fn Preview(
    /// The document to show.
    doc: RwSignal<Postmortem>,
) -> impl IntoView {
    let sections = SectionId::ALL
        .into_iter()
        .map(|section| {
            let markdown = Memo::new(move |_| doc.with(|d| section_markdown(d, section)));
            let html = Memo::new(move |_| {
                markdown.with(|md| {
                    if md.is_empty() {
                        format!(
                            "<p class=\"placeholder\">{}: nothing written yet.</p>",
                            section.heading()
                        )
                    } else {
                        render_html(md)
                    }
                })
            });
            view! {
                <div class="preview-section" id=format!("preview-{}", section.slug())
                    data-section=section.slug() inner_html=move || html.get()></div>
            }
        })
        .collect_view();
    view! { <article class="report" aria-label="Report preview">{sections}</article> }
}
