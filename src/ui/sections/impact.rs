//! Impact: who was hurt, how badly, and whether data was exposed.

use leptos::prelude::*;

use crate::domain::sections::SectionId;
use crate::ui::fields::{TextArea, TextField, YesNoField};
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::Editor;

/// The impact form.
#[component]
pub fn ImpactSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let i = ed.doc.with_untracked(|d| d.impact.clone());
    let data_required = ed
        .doc
        .with_untracked(|d| d.template.required_fields().contains(&"Data exposed"));
    let exposed = Memo::new(move |_| ed.doc.with(|d| d.impact.data_exposed == Some(true)));
    view! {
        <SectionFrame section=SectionId::Impact>
            <TextArea label="Impact" id="impact-impact" value=i.description
                placeholder="Checkout failed for 18% of EU users for 47 minutes; about 3,100 orders were lost."
                on_input=move |v| ed.edit(|d| d.impact.description = v)/>
            <div class="grid">
                <TextField label="Users affected" id="impact-users-affected" value=i.users_affected
                    hint="A number or a percentage." on_input=move |v| ed.edit(|d| d.impact.users_affected = v)/>
                <TextField label="Failed requests" id="impact-failed-requests" value=i.failed_requests
                    on_input=move |v| ed.edit(|d| d.impact.failed_requests = v)/>
                <TextField label="Error budget consumed" id="impact-error-budget-consumed" value=i.error_budget_consumed
                    on_input=move |v| ed.edit(|d| d.impact.error_budget_consumed = v)/>
                <TextField label="Revenue impact" id="impact-revenue-impact" value=i.revenue_impact
                    on_input=move |v| ed.edit(|d| d.impact.revenue_impact = v)/>
                <TextField label="Support tickets" id="impact-support-tickets" value=i.support_tickets
                    on_input=move |v| ed.edit(|d| d.impact.support_tickets = v)/>
                <YesNoField label="Customer visible" id="impact-customer-visible" value=i.customer_visible
                    on_change=move |v| ed.edit(|d| d.impact.customer_visible = v)/>
                <YesNoField label="Data exposed" id="impact-data-exposed" value=i.data_exposed required=data_required
                    on_change=move |v| ed.edit(|d| d.impact.data_exposed = v)/>
            </div>
            <Show when=move || exposed.get()>
                <div class="grid exposed">
                    <TextField label="Kinds of data" id="impact-kinds-of-data"
                        value=ed.doc.with_untracked(|d| d.impact.kinds_of_data.clone())
                        placeholder="Names, email addresses, last four card digits"
                        on_input=move |v| ed.edit(|d| d.impact.kinds_of_data = v)/>
                    <TextField label="People affected" id="impact-people-affected"
                        value=ed.doc.with_untracked(|d| d.impact.people_affected.clone())
                        on_input=move |v| ed.edit(|d| d.impact.people_affected = v)/>
                </div>
            </Show>
        </SectionFrame>
    }
}
