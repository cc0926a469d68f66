//! One component per form section, in the brief's order.

mod action_items;
mod causes;
mod communication;
mod detection;
mod header;
mod impact;
mod lessons;
mod list_editor;
mod response;
mod summary;
mod supporting;
mod timeline;

use leptos::prelude::*;

pub use list_editor::focus_after_render;

use crate::domain::sections::SectionId;

/// The form of one section.
pub fn section_form(section: SectionId) -> AnyView {
    match section {
        SectionId::Header => view! { <header::HeaderSection/> }.into_any(),
        SectionId::Summary => view! { <summary::SummarySection/> }.into_any(),
        SectionId::Impact => view! { <impact::ImpactSection/> }.into_any(),
        SectionId::Timeline => view! { <timeline::TimelineSection/> }.into_any(),
        SectionId::Detection => view! { <detection::DetectionSection/> }.into_any(),
        SectionId::Causes => view! { <causes::CausesSection/> }.into_any(),
        SectionId::Response => view! { <response::ResponseSection/> }.into_any(),
        SectionId::ActionItems => view! { <action_items::ActionItemsSection/> }.into_any(),
        SectionId::Lessons => view! { <lessons::LessonsSection/> }.into_any(),
        SectionId::Communication => view! { <communication::CommunicationSection/> }.into_any(),
        SectionId::Supporting => view! { <supporting::SupportingSection/> }.into_any(),
    }
}
