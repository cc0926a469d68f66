//! The frame every form section shares: a named region with its heading, a required or
//! optional badge, a collapse toggle and the section's guidance.

use hindsight_core::SectionId;
use leptos::prelude::*;

use super::Reveal;
use crate::adapters::platform;
use crate::i18n::{self, Ui};
use crate::state::Editor;

/// Wraps one form section.
#[component]
pub fn SectionFrame(
    /// Which section this is.
    section: SectionId,
    /// The section's fields.
    children: Children,
) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let required = Memo::new(move |_| ed.template().get().requires(section));
    // Optional sections start collapsed, so the template's essentials come first.
    let collapsed = RwSignal::new(!required.get_untracked());
    // The review opens a section to move the focus inside it.
    if let Some(reveal) = use_context::<Reveal>() {
        Effect::new(move |_| {
            if reveal.wanted(section) {
                collapsed.set(false);
            }
        });
    }
    let slug = section.slug();
    let heading_id = format!("form-h-{slug}");
    let body_id = format!("form-body-{slug}");
    let guidance = section.guidance();
    let hidden = expect_context::<crate::ui::GuidanceHidden>().0;
    let heading = section.heading();
    view! {
        <section
            class="form-section"
            class:collapsed=move || collapsed.get()
            id=format!("form-{slug}")
            aria-labelledby=heading_id.clone()
            on:focusin=move |_| platform::scroll_into_view(&format!("preview-{slug}"))
        >
            <div class="section-head">
                <h2 id=heading_id.clone() tabindex="-1">{ui.t(heading)}</h2>
                <span class="badge" class:required=required class:optional=move || !required.get()>
                    {move || if required.get() { i18n::REQUIRED.get(ui.lang()) } else { i18n::OPTIONAL.get(ui.lang()) }}
                </span>
                <button
                    type="button"
                    class="ghost collapse"
                    aria-expanded=move || (!collapsed.get()).to_string()
                    aria-controls=body_id.clone()
                    aria-label=move || {
                        let words = if collapsed.get() { i18n::EXPAND_SECTION } else { i18n::COLLAPSE_SECTION };
                        ui.fill(words, &[heading.get(ui.lang())])
                    }
                    on:click=move |_| collapsed.update(|c| *c = !*c)
                >
                    {move || {
                        let (mark, words) = if collapsed.get() { ("▸ ", i18n::EXPAND) } else { ("▾ ", i18n::COLLAPSE) };
                        format!("{mark}{}", words.get(ui.lang()))
                    }}
                </button>
            </div>
            <div class="section-body" id=body_id hidden=move || collapsed.get()>
                <Show when=move || !hidden.get()>
                    <details class="guidance" open=required.get_untracked()>
                        <summary>{ui.t(i18n::QUESTIONS)}</summary>
                        <ul>
                            {guidance.questions.iter().map(|q| view! { <li>{ui.t(*q)}</li> }).collect_view()}
                        </ul>
                        <p class="example">
                            <strong>{ui.t(i18n::EXAMPLE)}</strong>
                            {ui.t(guidance.example)}
                        </p>
                    </details>
                </Show>
                {children()}
            </div>
        </section>
    }
}
