//! Lessons learned: what went well, what went wrong, where we got lucky.

use leptos::prelude::*;

use crate::domain::sections::SectionId;
use crate::ui::section_frame::SectionFrame;

use super::list_editor::StringListEditor;

/// The lessons form.
#[component]
pub fn LessonsSection() -> impl IntoView {
    view! {
        <SectionFrame section=SectionId::Lessons>
            <StringListEditor legend="What went well" entry_label="Lesson" group_name="What went well"
                add_label="Add what went well" id_prefix="lessons-well"
                get=|d| &d.lessons.went_well get_mut=|d| &mut d.lessons.went_well/>
            <StringListEditor legend="What went wrong" entry_label="Lesson" group_name="What went wrong"
                add_label="Add what went wrong" id_prefix="lessons-wrong"
                get=|d| &d.lessons.went_wrong get_mut=|d| &mut d.lessons.went_wrong/>
            <StringListEditor legend="Where we got lucky" entry_label="Lesson" group_name="Where we got lucky"
                add_label="Add where we got lucky" id_prefix="lessons-lucky"
                get=|d| &d.lessons.got_lucky get_mut=|d| &mut d.lessons.got_lucky/>
        </SectionFrame>
    }
}
