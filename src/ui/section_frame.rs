//! The frame every form section shares: a named region with its heading, a required or
//! optional badge, a collapse toggle and the section's guidance.

use leptos::prelude::*;

use crate::domain::sections::SectionId;

use super::platform;
use super::state::Editor;

/// Wraps one form section.
#[component]
pub fn SectionFrame(
    /// Which section this is.
    section: SectionId,
    /// The section's fields.
    children: Children,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let template = editor.doc.with_untracked(|d| d.template);
    let required = template.requires(section);
    // Optional sections start collapsed, so the template's essentials come first.
    let collapsed = RwSignal::new(!required);
    let slug = section.slug();
    let heading_id = format!("form-h-{slug}");
    let labelled_by = heading_id.clone();
    let body_id = format!("form-body-{slug}");
    let guidance = section.guidance();
    let heading = section.heading();
    view! {
        <section
            class="form-section"
            class:collapsed=move || collapsed.get()
            id=format!("form-{slug}")
            aria-labelledby=labelled_by
            on:focusin=move |_| platform::scroll_into_view(&format!("preview-{slug}"))
        >
            <div class="section-head">
                <h2 id=heading_id>{heading}</h2>
                {if required {
                    view! { <span class="badge required">"Required"</span> }.into_any()
                } else {
                    view! { <span class="badge optional">"Optional"</span> }.into_any()
                }}
                <button
                    type="button"
                    class="ghost collapse"
                    aria-expanded=move || (!collapsed.get()).to_string()
                    aria-controls=body_id.clone()
                    aria-label=move || {
                        format!("{} {heading}", if collapsed.get() { "Expand" } else { "Collapse" })
                    }
                    on:click=move |_| collapsed.update(|c| *c = !*c)
                >
                    {move || if collapsed.get() { "▸ Expand" } else { "▾ Collapse" }}
                </button>
            </div>
            <div class="section-body" id=body_id hidden=move || collapsed.get()>
                <details class="guidance" open=required>
                    <summary>"Questions to answer"</summary>
                    <ul>
                        {guidance.questions.iter().map(|q| view! { <li>{*q}</li> }).collect_view()}
                    </ul>
                    <p class="example">
                        <strong>"Example: "</strong>
                        {guidance.example}
                    </p>
                </details>
                {children()}
            </div>
        </section>
    }
}
