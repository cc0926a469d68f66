//! Supporting information: links, log excerpts, glossary.

use leptos::prelude::*;

use crate::domain::sections::SectionId;
use crate::ui::fields::TextArea;
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::Editor;

/// The supporting-information form.
#[component]
pub fn SupportingSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let value = ed.doc.with_untracked(|d| d.supporting_info.clone());
    view! {
        <SectionFrame section=SectionId::Supporting>
            <TextArea label="Supporting information" id="supporting-supporting-information" value=value rows=6
                hint="Links, log excerpts in ``` fences, a glossary. Markdown is welcome."
                on_input=move |v| ed.edit(|d| d.supporting_info = v)/>
        </SectionFrame>
    }
}
