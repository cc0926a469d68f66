//! Summary: the story in one paragraph.

use leptos::prelude::*;

use crate::domain::sections::SectionId;
use crate::ui::fields::TextArea;
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::Editor;

/// The fill-in sentence the guidance offers.
const SENTENCE: &str = "Between … and …, … users saw … because …";

/// The summary form.
#[component]
pub fn SummarySection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let value = ed.doc.with_untracked(|d| d.summary.clone());
    let required = ed
        .doc
        .with_untracked(|d| d.template.requires(SectionId::Summary));
    view! {
        <SectionFrame section=SectionId::Summary>
            <TextArea label="Summary" id="summary-summary" value=value rows=5 required=required
                placeholder=SENTENCE
                hint="Start from: “Between … and …, … users saw … because …”. Markdown is welcome."
                on_input=move |v| ed.edit(|d| d.summary = v)/>
        </SectionFrame>
    }
}
