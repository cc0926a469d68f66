//! Response and resolution: who responded, and what stopped and fixed it.

use leptos::prelude::*;

use crate::domain::sections::SectionId;
use crate::ui::fields::TextArea;
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::Editor;

/// The response form.
#[component]
pub fn ResponseSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let r = ed.doc.with_untracked(|d| d.response.clone());
    view! {
        <SectionFrame section=SectionId::Response>
            <TextArea label="Responders" id="response-responders" value=r.responders
                hint="One person per line: name — role."
                placeholder="Dana Lee — incident commander"
                on_input=move |v| ed.edit(|d| d.response.responders = v)/>
            <TextArea label="Mitigation" id="response-mitigation" value=r.mitigation
                on_input=move |v| ed.edit(|d| d.response.mitigation = v)/>
            <TextArea label="Resolution" id="response-resolution" value=r.resolution
                on_input=move |v| ed.edit(|d| d.response.resolution = v)/>
            <TextArea label="Long-term fix" id="response-long-term-fix" value=r.long_term_fix
                on_input=move |v| ed.edit(|d| d.response.long_term_fix = v)/>
        </SectionFrame>
    }
}
