//! Communication: internal and customer notices, who was notified, regulator deadline.

use leptos::prelude::*;

use crate::domain::sections::SectionId;
use crate::ui::fields::{TextArea, TextField};
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::Editor;

/// The communication form.
#[component]
pub fn CommunicationSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let c = ed.doc.with_untracked(|d| d.communication.clone());
    let required = move |label: &str| {
        ed.doc
            .with_untracked(|d| d.template.required_fields().contains(&label))
    };
    view! {
        <SectionFrame section=SectionId::Communication>
            <TextArea label="Internal notice" id="communication-internal-notice" value=c.internal_notice
                on_input=move |v| ed.edit(|d| d.communication.internal_notice = v)/>
            <TextArea label="Customer notice" id="communication-customer-notice" value=c.customer_notice
                required=required("Customer notice")
                hint="What happened, and what we are doing about it, in words customers use."
                on_input=move |v| ed.edit(|d| d.communication.customer_notice = v)/>
            <TextArea label="Notified" id="communication-notified" value=c.notified
                required=required("Notified")
                hint="Who was told and when: affected users, regulators, partners."
                on_input=move |v| ed.edit(|d| d.communication.notified = v)/>
            <TextField label="Regulator deadline" id="communication-regulator-deadline" kind="date"
                value=c.regulator_deadline required=required("Regulator deadline")
                on_input=move |v| ed.edit(|d| d.communication.regulator_deadline = v)/>
        </SectionFrame>
    }
}
