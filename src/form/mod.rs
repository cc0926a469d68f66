//! The guided form, drawn from the field table: each section is a frame around its fields'
//! controls, the timeline and action items are keyed rows, and the lists of one-line entries
//! (five whys, lessons) are keyed lists.

mod control;
mod entries;
mod frame;
mod rows;

use hindsight_core::fields::{section_fields, Field, Kind};
use hindsight_core::{FieldId, Postmortem, SectionId};
use leptos::prelude::*;

pub use control::{Control, Spec};
use frame::SectionFrame;

use crate::adapters::platform;
use crate::state::Editor;

/// Focuses an element by id once pending renders have run, so keyboard users keep their
/// place when rows are added, moved or removed.
pub fn focus_after_render(id: String) {
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        platform::focus(&id);
    });
}

/// Every section's form, in the template's order (required sections first).
#[component]
pub fn FormSections() -> impl IntoView {
    let ed = expect_context::<Editor>();
    view! {
        <For each=move || ed.template().get().form_order() key=|s| *s let:section>
            <SectionForm section=section/>
        </For>
    }
}

/// One section's form: its frame and its fields.
#[component]
fn SectionForm(section: SectionId) -> impl IntoView {
    let body = match section {
        SectionId::Timeline => view! { <rows::TimelineRows/> }.into_any(),
        SectionId::ActionItems => view! { <rows::ActionRows/> }.into_any(),
        _ => view! {
            <div class="fields">
                {section_fields(section).map(field_view).collect_view()}
            </div>
        }
        .into_any(),
    };
    view! { <SectionFrame section=section>{body}</SectionFrame> }
}

/// The control of one document field, shown only while the field applies.
fn field_view(f: &'static Field<Postmortem>) -> AnyView {
    let ed = expect_context::<Editor>();
    if let Kind::Entries(_) = f.kind {
        return view! { <entries::EntryList field=f/> }.into_any();
    }
    let id = FieldId::element_id(f.id);
    let get = Callback::new(move |_: ()| ed.peek(|d| f.input_value(d)));
    let set = Callback::new(move |value: String| {
        if f.kind == Kind::Zone {
            set_zone(ed, value);
        } else {
            ed.edit(f.id, |d| f.set_input(d, &value));
        }
    });
    let required = Signal::derive(move || f.required_by.contains(&ed.template().get()));
    let wide = matches!(f.kind, Kind::Text | Kind::Lines) || f.id == FieldId::Title;
    let control = move || {
        view! {
            <Control spec=Spec::of(f) id=id.clone() get=get set=set required=required
                class=if wide { "wide" } else { "" }/>
        }
    };
    match f.shown_when {
        None => control().into_any(),
        Some(_) => {
            let shown = Memo::new(move |_| ed.read(f.section, |d| f.is_shown(d)));
            view! { <Show when=move || shown.get()>{control()}</Show> }.into_any()
        }
    }
}

/// Sets the draft's zone once it names one the browser knows; the timeline keeps its
/// instants, and only how they are shown follows the zone.
fn set_zone(ed: Editor, zone: String) {
    let zone = zone.trim().to_owned();
    if !platform::is_valid_time_zone(&zone) || ed.peek(|d| d.header.time_zone == zone) {
        return;
    }
    ed.edit(FieldId::TimeZone, |d| {
        for e in &mut d.timeline {
            if let Some(t) = &mut e.time {
                t.offset_minutes = platform::zone_offset_minutes(&zone, t.utc);
            }
        }
        d.header.time_zone = zone;
    });
}
