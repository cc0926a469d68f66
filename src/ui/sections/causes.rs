//! Trigger and root causes, with the five whys.

use leptos::prelude::*;

use crate::domain::sections::SectionId;
use crate::ui::fields::TextArea;
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::Editor;

use super::list_editor::StringListEditor;

/// The causes form.
#[component]
pub fn CausesSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let c = ed.doc.with_untracked(|d| d.causes.clone());
    view! {
        <SectionFrame section=SectionId::Causes>
            <TextArea label="Trigger" id="causes-trigger" value=c.trigger
                placeholder="A config push enabled the new cache client in every region at once."
                on_input=move |v| ed.edit(|d| d.causes.trigger = v)/>
            <TextArea label="Root causes" id="causes-root-causes" value=c.root_causes rows=5
                hint="Describe systems and conditions, not people. Markdown is welcome."
                on_input=move |v| ed.edit(|d| d.causes.root_causes = v)/>
            <TextArea label="Contributing factors" id="causes-contributing-factors" value=c.contributing_factors
                on_input=move |v| ed.edit(|d| d.causes.contributing_factors = v)/>
            <StringListEditor legend="Five whys" entry_label="Why" group_name="Why" add_label="Add why"
                id_prefix="causes-why" get=|d| &d.causes.five_whys get_mut=|d| &mut d.causes.five_whys
                hint="Ask “why?” of each answer until you reach something we can change."/>
            <TextArea label="Recurrence" id="causes-recurrence" value=c.recurrence
                hint="Earlier incidents with the same cause, with links."
                on_input=move |v| ed.edit(|d| d.causes.recurrence = v)/>
        </SectionFrame>
    }
}
