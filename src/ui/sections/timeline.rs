//! Timeline: rows of time, event, kind and link, entered in the draft's time zone.

use leptos::prelude::*;

use crate::domain::document::{EventKind, TimelineEvent};
use crate::domain::metrics::sorted_by_time;
use crate::domain::sections::SectionId;
use crate::domain::time::{LocalDateTime, Timestamp};
use crate::ui::fields::{SelectField, TextField};
use crate::ui::platform;
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::{Editor, RowRef};

use super::list_editor::{focus_after_render, row_actions, RowControls};

/// The timeline form.
#[component]
pub fn TimelineSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let version = RwSignal::new(0u64);
    let kind_options: Vec<(String, String)> = EventKind::ALL
        .iter()
        .map(|k| (format!("{k:?}"), k.label().to_owned()))
        .collect();
    // The time boxes show wall times in the draft's zone, so a new zone redraws them.
    let zone = Memo::new(move |_| ed.doc.with(|d| d.header.time_zone.clone()));
    let rows = move || {
        version.get();
        // Reading (not just tracking) the memo makes it compute, and so follow the document.
        zone.with(|_| {});
        let events = ed.doc.with_untracked(|d| d.timeline.clone());
        let len = events.len();
        events
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let row_id = format!("timeline-{i}");
                let name = format!("Event {}", i + 1);
                let (on_move, on_delete) = row_actions(
                    ed,
                    version,
                    "timeline",
                    i,
                    |d| &mut d.timeline,
                    (name.clone(), RowRef::Event(i)),
                );
                let group = name.clone();
                let time_value = e.time.map(|t| t.local().to_input_value()).unwrap_or_default();
                let shifted = RwSignal::new(None::<String>);
                view! {
                    <div class="row card" role="group" aria-label=group>
                        <div class="row-title">
                            <span>{name}</span>
                            <RowControls row_id=row_id.clone() index=i len=len on_move=on_move on_delete=on_delete/>
                        </div>
                        <div class="grid">
                            <TextField label="Time" id=format!("{row_id}-time") kind="datetime-local" value=time_value
                                on_input=move |v: String| {
                                    let zone = ed.doc.with_untracked(|d| d.header.time_zone.clone());
                                    let parsed = LocalDateTime::parse(&v);
                                    let time = parsed.map(|local| {
                                        Timestamp::from_local(local, |utc| platform::zone_offset_minutes(&zone, utc))
                                    });
                                    // A wall time skipped by a clock change is moved; say so.
                                    shifted.set(match (parsed, time) {
                                        (Some(typed), Some(t)) if t.local() != typed => Some(format!(
                                            "{} does not exist in {zone} (the clocks moved forward); it is saved as {}.",
                                            typed.time_string(),
                                            t.local().time_string()
                                        )),
                                        _ => None,
                                    });
                                    // A half-typed value is not a time yet; keep the last good one.
                                    if time.is_some() || v.is_empty() {
                                        ed.edit(|d| if let Some(e) = d.timeline.get_mut(i) { e.time = time });
                                    }
                                }/>
                            <SelectField label="Kind" id=format!("{row_id}-kind") options=kind_options.clone()
                                value=format!("{:?}", e.kind)
                                on_change=move |v: String| ed.edit(|d| if let Some(e) = d.timeline.get_mut(i) {
                                    e.kind = EventKind::ALL.into_iter().find(|k| format!("{k:?}") == v).unwrap_or_default();
                                })/>
                        </div>
                        {move || shifted.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                        <TextField label="Event" id=format!("{row_id}-event") value=e.event.clone()
                            on_input=move |v| ed.edit(|d| if let Some(e) = d.timeline.get_mut(i) { e.event = v })/>
                        <TextField label="Link" id=format!("{row_id}-link") kind="url" value=e.link.clone()
                            placeholder="https://…"
                            on_input=move |v| ed.edit(|d| if let Some(e) = d.timeline.get_mut(i) { e.link = v })/>
                    </div>
                }
            })
            .collect_view()
    };
    let zone = move || ed.doc.with(|d| d.header.time_zone.clone());
    view! {
        <SectionFrame section=SectionId::Timeline>
            <p class="hint">"Times are entered in the draft's time zone: " <strong>{zone}</strong>
                ". Kinds feed the metrics: time to detect, mitigate and resolve."</p>
            <div class="rows">{rows}</div>
            <div class="actions">
                <button type="button" class="secondary"
                    on:click=move |_| {
                        let mut index = 0;
                        ed.edit(|d| { d.timeline.push(TimelineEvent::default()); index = d.timeline.len() - 1; });
                        version.update(|v| *v += 1);
                        focus_after_render(format!("timeline-{index}-time"));
                    }>"+ Add timeline event"</button>
                <button type="button" class="secondary"
                    on:click=move |_| {
                        ed.edit(|d| d.timeline = sorted_by_time(&d.timeline).into_iter().cloned().collect());
                        version.update(|v| *v += 1);
                    }>"Sort by time"</button>
            </div>
        </SectionFrame>
    }
}
