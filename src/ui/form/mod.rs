//! The guided form, drawn from the field table: each section is a frame around its fields'
//! controls, the timeline and action items are keyed rows, and the lists of one-line entries
//! (five whys, lessons) are keyed lists.

mod control;
mod entries;
mod frame;
mod rows;

use std::time::Duration;

use hindsight_core::fields::{section_fields, Field, Kind};
use hindsight_core::session::RowList;
use hindsight_core::{review::Target, Choice, FieldId, Postmortem, SectionId, Template, Timestamp};
use leptos::prelude::*;

pub use control::{Control, FieldNote, FieldNotes, Spec};
use frame::SectionFrame;
pub use rows::first_control_id;

use crate::adapters::platform;
use crate::i18n::{self, Ui};
use crate::state::Editor;
use crate::ui::focus::{focus_after_render, focus_first};
use crate::ui::modal::Modal;

/// Asked before a document field takes a value from its control; `false` holds the value
/// back (the review's Final gate). Provided through context by whoever guards the form.
#[derive(Clone, Copy)]
pub struct SetGuard(pub Callback<(FieldId, String), bool>);

/// Opens a collapsed section so the focus can go inside it, and moves the focus to what a
/// finding is about. Shared through context by the form's frames and the review.
#[derive(Clone, Copy)]
pub struct Reveal(RwSignal<Option<SectionId>>);

impl Reveal {
    /// Provides a new one to the views created after it.
    pub fn provide() -> Reveal {
        let reveal = Reveal(RwSignal::new(None));
        provide_context(reveal);
        reveal
    }

    /// Opens `section` if it is collapsed.
    pub fn open(self, section: SectionId) {
        self.0.set(Some(section));
    }

    /// Subscribes to requests to open `section`.
    fn wanted(self, section: SectionId) -> bool {
        self.0.get() == Some(section)
    }

    /// Moves the focus to the control, row or section a finding points at, opening its
    /// section first; the section's heading when the control is not shown.
    pub fn focus(self, ed: Editor, target: Target) {
        let section = target.section();
        self.open(section);
        let mut ids: Vec<String> = element_of(ed, target, false).into_iter().collect();
        if let Target::Field(field) = target {
            if let Kind::Entries(_) = field.info().kind {
                // A list: its first entry, or its add button when it has none.
                let list = RowList::Entries(field);
                let first = ed.rows().keys(list).with_untracked(|k| k.first().copied());
                ids = first
                    .map(|key| format!("{}-{key}-text", field.element_id()))
                    .into_iter()
                    .chain([format!("{}-add", field.element_id())])
                    .collect();
            }
        }
        ids.push(format!("form-h-{}", section.slug()));
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            if !focus_first(&ids) {
                // The section's body may appear a frame later.
                set_timeout(
                    move || {
                        focus_first(&ids);
                    },
                    std::time::Duration::from_millis(50),
                );
            }
        });
    }
}

/// The element id of the control a finding points at: a field's own id, or a row's field
/// by the row's stable key (`timeline-7-time`, `action-3-owner`, `causes-why-5-text`); none
/// for a whole section. `track` subscribes to the rows' keys.
pub fn element_of(ed: Editor, target: Target, track: bool) -> Option<String> {
    match target {
        Target::Section(_) => None,
        Target::Field(field) => Some(field.element_id()),
        Target::Row { field, index } => {
            let (list, prefix, slug) = match field.section() {
                SectionId::Timeline => {
                    (RowList::Timeline, "timeline".to_owned(), field.info().slug)
                }
                SectionId::ActionItems => {
                    (RowList::Actions, "action".to_owned(), field.info().slug)
                }
                _ => (RowList::Entries(field), field.element_id(), "text"),
            };
            let keys = ed.rows().keys(list);
            let key = if track {
                keys.with(|k| k.get(index).copied())
            } else {
                keys.with_untracked(|k| k.get(index).copied())
            }?;
            Some(format!("{prefix}-{key}-{slug}"))
        }
    }
}

/// Every section's form, in the template's order (required sections first).
#[component]
pub fn FormSections() -> impl IntoView {
    let ed = expect_context::<Editor>();
    provide_context(ZoneQuestion(RwSignal::new(None)));
    // The first two sections fill the first screen; the others are built once it has been
    // painted, so a new visitor can type sooner. Keyed rows keep the first two as they are.
    let all = RwSignal::new(false);
    request_animation_frame(move || set_timeout(move || _ = all.try_set(true), Duration::ZERO));
    let shown = move || {
        let order = ed.template().get().form_order();
        if all.get() {
            order
        } else {
            order.into_iter().take(FIRST_SCREEN_SECTIONS).collect()
        }
    };
    view! {
        <For each=shown key=|s| *s let:section>
            <SectionForm section=section/>
        </For>
        <ZoneDialog/>
    }
}

/// Sections built before the first paint.
const FIRST_SCREEN_SECTIONS: usize = 2;

/// One section's form: its frame and its fields.
#[component]
fn SectionForm(section: SectionId) -> impl IntoView {
    let body = match section {
        SectionId::Timeline => view! { <rows::TimelineRows/> }.into_any(),
        SectionId::ActionItems => view! { <rows::ActionRows/> }.into_any(),
        // Beside Recurrence: the other drafts that share a cause with this one.
        SectionId::Causes => view! {
            <div class="fields">
                {section_fields(section).map(field_view).collect_view()}
            </div>
            <crate::ui::RelatedInDraft/>
        }
        .into_any(),
        // The template is the draft's, chosen here at any time as well as at its start.
        SectionId::Header => view! {
            <div class="fields">
                {section_fields(section).map(field_view).collect_view()}
                <TemplateSelect/>
            </div>
        }
        .into_any(),
        _ => view! {
            <div class="fields">
                {section_fields(section).map(field_view).collect_view()}
            </div>
        }
        .into_any(),
    };
    view! { <SectionFrame section=section>{body}</SectionFrame> }
}

/// The draft's template: which sections are marked Required and what the review asks.
/// Switching it changes no section's content (`docs/review.md`).
#[component]
fn TemplateSelect() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let spec = Spec {
        kind: Kind::Choice { optional: false },
        label: i18n::TEMPLATE,
        hint: Some(i18n::TEMPLATE_HINT),
        placeholder: None,
        options: <Template as Choice>::OPTIONS,
        // The names alone: on a phone a description would be cut off in the closed select,
        // and the New draft dialog describes each.
        detail: None,
    };
    let get = Callback::new(move |_: ()| ed.template().get_untracked().value().to_owned());
    let set = Callback::new(move |value: String| {
        if let Some(t) = Template::parse(&value) {
            ed.set_template(t);
        }
    });
    view! { <Control spec=spec id="header-template".to_owned() get=get set=set/> }
}

/// The control of one document field, shown only while the field applies.
fn field_view(f: &'static Field<Postmortem>) -> AnyView {
    let ed = expect_context::<Editor>();
    if let Kind::Entries(_) = f.kind {
        return view! { <entries::EntryList field=f/> }.into_any();
    }
    let id = FieldId::element_id(f.id);
    let guard = use_context::<SetGuard>();
    let get = Callback::new(move |_: ()| ed.peek(|d| f.input_value(d)));
    let set = Callback::new(move |value: String| {
        if guard.is_some_and(|g| !g.0.run((f.id, value.clone()))) {
            return;
        }
        if f.kind == Kind::Zone {
            change_zone(ed, value);
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

/// A new zone for the draft, waiting for the user to say what happens to the timeline.
#[derive(Clone, Copy)]
pub struct ZoneQuestion(RwSignal<Option<String>>);

impl ZoneQuestion {
    /// The question, from context (provided by [`FormSections`]).
    fn get() -> Self {
        expect_context::<ZoneQuestion>()
    }
}

/// Takes a new zone: at once when no timeline row has a time; otherwise the user is asked
/// whether the times keep their wall-clock reading or their moments.
fn change_zone(ed: Editor, zone: String) {
    let zone = zone.trim().to_owned();
    if !platform::is_valid_time_zone(&zone) || ed.peek(|d| d.header.time_zone == zone) {
        return;
    }
    if ed.peek(|d| d.timeline.iter().any(|e| e.time.is_some())) {
        ZoneQuestion::get().0.set(Some(zone));
    } else {
        set_zone(ed, zone, false);
    }
}

/// Sets the draft's zone. With `keep_wall_times`, each timeline time keeps the wall-clock
/// reading it was typed with and becomes that reading in the new zone (another moment);
/// otherwise each keeps its moment, and only how it is shown follows the zone.
fn set_zone(ed: Editor, zone: String, keep_wall_times: bool) {
    ed.edit(FieldId::TimeZone, |d| {
        for e in &mut d.timeline {
            if let Some(t) = &mut e.time {
                *t = if keep_wall_times {
                    Timestamp::from_local(t.local(), |utc| {
                        platform::zone_offset_minutes(&zone, utc)
                    })
                } else {
                    Timestamp {
                        utc: t.utc,
                        offset_minutes: platform::zone_offset_minutes(&zone, t.utc),
                    }
                };
            }
        }
        d.header.time_zone = zone;
    });
}

/// The question a zone change asks when the timeline has times.
#[component]
fn ZoneDialog() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let question = ZoneQuestion::get().0;
    let answer = move |keep_wall_times: Option<bool>| {
        let Some(zone) = question.get_untracked() else {
            return;
        };
        question.set(None);
        match keep_wall_times {
            Some(keep) => set_zone(ed, zone, keep),
            None => {
                // Not changed after all: the box shows the draft's zone again.
                let current = ed.peek(|d| d.header.time_zone.clone());
                if let Some(input) = document()
                    .get_element_by_id(&FieldId::TimeZone.element_id())
                    .and_then(|e| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok()
                    })
                {
                    input.set_value(&current);
                }
            }
        }
        // Back to the box the question came from (the blur that asked may have left it).
        focus_after_render(FieldId::TimeZone.element_id());
    };
    view! {
        <Show when=move || question.with(Option::is_some)>
            <Modal labelled_by="zone-question-title" on_close=move |_| answer(None)>
                <h2 id="zone-question-title">{ui.t(i18n::ZONE_QUESTION_TITLE)}</h2>
                <p>{move || {
                    let from = ed.peek(|d| d.header.time_zone.clone());
                    let to = question.get().unwrap_or_default();
                    ui.fill(i18n::ZONE_QUESTION, &[&from, &to])
                }}</p>
                <div class="actions stacked">
                    <button type="button" class="primary" autofocus on:click=move |_| answer(Some(false))>
                        {ui.t(i18n::KEEP_MOMENTS)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| answer(Some(true))>
                        {ui.t(i18n::KEEP_TIMES_AS_TYPED)}
                    </button>
                    <button type="button" class="ghost" on:click=move |_| answer(None)>{ui.t(i18n::CANCEL)}</button>
                </div>
            </Modal>
        </Show>
    }
}
