//! Detection: who noticed, and what would have caught it sooner.

use leptos::prelude::*;

use crate::domain::document::DetectedBy;
use crate::domain::sections::SectionId;
use crate::ui::fields::{SelectField, TextArea};
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::Editor;

/// The detection form.
#[component]
pub fn DetectionSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let det = ed.doc.with_untracked(|d| d.detection.clone());
    let options: Vec<(String, String)> = std::iter::once((String::new(), "Not set".to_owned()))
        .chain(
            DetectedBy::ALL
                .iter()
                .map(|k| (format!("{k:?}"), k.label().to_owned())),
        )
        .collect();
    view! {
        <SectionFrame section=SectionId::Detection>
            <SelectField label="Detected by" id="detection-detected-by" options=options
                value=det.detected_by.map(|k| format!("{k:?}")).unwrap_or_default()
                on_change=move |v: String| ed.edit(|d| {
                    d.detection.detected_by = DetectedBy::ALL.into_iter().find(|k| format!("{k:?}") == v)
                })/>
            <TextArea label="Detection" id="detection-detection" value=det.description
                placeholder="An error-rate alert fired 12 minutes after impact began. A synthetic check on checkout would have caught it in 2."
                on_input=move |v| ed.edit(|d| d.detection.description = v)/>
        </SectionFrame>
    }
}
