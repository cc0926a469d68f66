//! Header: title, incident ID, severity, status, dates, zone and people.

use leptos::prelude::*;

use crate::domain::document::{split_list, Severity, Status};
use crate::domain::sections::SectionId;
use crate::ui::fields::{SelectField, TextField};
use crate::ui::platform;
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::Editor;

/// Sets the draft's zone; instants stay, only how they are shown follows the zone.
fn set_zone(ed: Editor, zone: String) {
    if ed.doc.with_untracked(|d| d.header.time_zone == zone) {
        return;
    }
    ed.edit(|d| {
        for e in &mut d.timeline {
            if let Some(t) = &mut e.time {
                t.offset_minutes = platform::zone_offset_minutes(&zone, t.utc);
            }
        }
        d.header.time_zone = zone;
    });
}

/// The header form.
#[component]
pub fn HeaderSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let h = ed.doc.with_untracked(|d| d.header.clone());
    let severity_options: Vec<(String, String)> =
        std::iter::once((String::new(), "Not set".to_owned()))
            .chain(Severity::ALL.iter().map(|s| {
                (
                    s.code().to_owned(),
                    format!("{} — {}", s.code(), s.description()),
                )
            }))
            .collect();
    let status_options: Vec<(String, String)> = Status::ALL
        .iter()
        .map(|s| (format!("{s:?}"), s.label().to_owned()))
        .collect();
    let zone_error = RwSignal::new(None::<String>);
    view! {
        <SectionFrame section=SectionId::Header>
            <TextField label="Title" id="header-title" value=h.title
                placeholder="Checkout failed for EU customers after a config push"
                on_input=move |v| ed.edit(|d| d.header.title = v)/>
            <div class="grid">
                <TextField label="Incident ID" id="header-incident-id" value=h.incident_id
                    placeholder="INC-1234" on_input=move |v| ed.edit(|d| d.header.incident_id = v)/>
                <SelectField label="Severity" id="header-severity" options=severity_options
                    value=h.severity.map(|s| s.code().to_owned()).unwrap_or_default()
                    on_change=move |v: String| ed.edit(|d| {
                        d.header.severity = Severity::ALL.into_iter().find(|s| s.code() == v)
                    })/>
                <SelectField label="Status" id="header-status" options=status_options
                    value=format!("{:?}", h.status)
                    on_change=move |v: String| ed.edit(|d| {
                        d.header.status = Status::ALL.into_iter().find(|s| format!("{s:?}") == v).unwrap_or_default()
                    })/>
                <TextField label="Incident date" id="header-incident-date" kind="date" value=h.incident_date
                    on_input=move |v| ed.edit(|d| d.header.incident_date = v)/>
                <div class="field">
                    <label for="header-time-zone">"Time zone"</label>
                    <input id="header-time-zone" type="text" list="time-zones" prop:value=h.time_zone
                        aria-invalid=move || zone_error.with(Option::is_some).then_some("true")
                        aria-describedby="header-time-zone-hint"
                        on:input=move |ev| {
                            // Saved as soon as it names a zone, like every other field.
                            let zone = event_target_value(&ev).trim().to_owned();
                            if platform::is_valid_time_zone(&zone) {
                                zone_error.set(None);
                                set_zone(ed, zone);
                            }
                        }
                        on:change=move |ev| {
                            let zone = event_target_value(&ev).trim().to_owned();
                            if !platform::is_valid_time_zone(&zone) {
                                zone_error.set(Some(format!("“{zone}” is not a time zone this browser knows. Use a name such as Europe/Berlin or America/Los_Angeles.")));
                            }
                        }/>
                    <datalist id="time-zones">
                        {["UTC", "America/Los_Angeles", "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Taipei", "Asia/Tokyo", "Australia/Sydney"]
                            .into_iter().map(|z| view! { <option value=z></option> }).collect_view()}
                    </datalist>
                    <p class="hint" id="header-time-zone-hint">"Times in the timeline are entered and shown in this zone."</p>
                    {move || zone_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                </div>
                <TextField label="Authors" id="header-authors" value=h.authors.join(", ")
                    hint="Separate names with commas." on_input=move |v: String| ed.edit(|d| d.header.authors = split_list(&v))/>
                <TextField label="Reviewers" id="header-reviewers" value=h.reviewers.join(", ")
                    hint="Separate names with commas." on_input=move |v: String| ed.edit(|d| d.header.reviewers = split_list(&v))/>
                <TextField label="Owner" id="header-owner" value=h.owner
                    on_input=move |v| ed.edit(|d| d.header.owner = v)/>
                <TextField label="Tags" id="header-tags" value=h.tags.join(", ")
                    hint="Separate tags with commas." on_input=move |v: String| ed.edit(|d| d.header.tags = split_list(&v))/>
                <TextField label="Review meeting" id="header-review-meeting" kind="date" value=h.review_meeting
                    on_input=move |v| ed.edit(|d| d.header.review_meeting = v)/>
            </div>
        </SectionFrame>
    }
}
