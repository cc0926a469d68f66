//! Action items: what will be done, by whom, by when.

use leptos::prelude::*;

use crate::domain::document::{ActionItem, ActionType, Priority};
use crate::domain::sections::SectionId;
use crate::ui::fields::{CheckField, SelectField, TextField};
use crate::ui::platform;
use crate::ui::section_frame::SectionFrame;
use crate::ui::state::{Editor, RowRef};

use super::list_editor::{focus_after_render, row_actions, RowControls};

/// The action-items form.
#[component]
pub fn ActionItemsSection() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let version = RwSignal::new(0u64);
    let today = platform::today();
    let type_options: Vec<(String, String)> = ActionType::ALL
        .iter()
        .map(|k| (format!("{k:?}"), k.label().to_owned()))
        .collect();
    let priority_options: Vec<(String, String)> = Priority::ALL
        .iter()
        .map(|p| (p.label().to_owned(), p.label().to_owned()))
        .collect();
    let rows = move || {
        version.get();
        let items = ed.doc.with_untracked(|d| d.action_items.clone());
        let len = items.len();
        items
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let row_id = format!("action-{i}");
                let name = format!("Action item {}", i + 1);
                let (on_move, on_delete) = row_actions(
                    ed,
                    version,
                    "action",
                    i,
                    |d| &mut d.action_items,
                    (name.clone(), RowRef::Action(i)),
                );
                let group = name.clone();
                let today = today.clone();
                let overdue = Memo::new(move |_| {
                    ed.doc.with(|d| d.action_items.get(i).is_some_and(|a| a.is_overdue(&today)))
                });
                view! {
                    <div class="row card" class:overdue=move || overdue.get() role="group" aria-label=group>
                        <div class="row-title">
                            <span>{name}</span>
                            <Show when=move || overdue.get()>
                                <span class="badge overdue">"Overdue"</span>
                            </Show>
                            <RowControls row_id=row_id.clone() index=i len=len on_move=on_move on_delete=on_delete/>
                        </div>
                        <TextField label="Action" id=format!("{row_id}-action") value=a.action.clone()
                            on_input=move |v| ed.edit(|d| if let Some(a) = d.action_items.get_mut(i) { a.action = v })/>
                        <div class="grid">
                            <SelectField label="Type" id=format!("{row_id}-type") options=type_options.clone()
                                value=format!("{:?}", a.kind)
                                on_change=move |v: String| ed.edit(|d| if let Some(a) = d.action_items.get_mut(i) {
                                    a.kind = ActionType::ALL.into_iter().find(|k| format!("{k:?}") == v).unwrap_or_default();
                                })/>
                            <TextField label="Owner" id=format!("{row_id}-owner") value=a.owner.clone()
                                on_input=move |v| ed.edit(|d| if let Some(a) = d.action_items.get_mut(i) { a.owner = v })/>
                            <SelectField label="Priority" id=format!("{row_id}-priority") options=priority_options.clone()
                                value=a.priority.label()
                                on_change=move |v: String| ed.edit(|d| if let Some(a) = d.action_items.get_mut(i) {
                                    a.priority = Priority::ALL.into_iter().find(|p| p.label() == v).unwrap_or_default();
                                })/>
                            <TextField label="Due date" id=format!("{row_id}-due-date") kind="date" value=a.due_date.clone()
                                on_input=move |v| ed.edit(|d| if let Some(a) = d.action_items.get_mut(i) { a.due_date = v })/>
                            <TextField label="Tracking link" id=format!("{row_id}-tracking-link") kind="url"
                                value=a.tracking_link.clone() placeholder="https://…"
                                on_input=move |v| ed.edit(|d| if let Some(a) = d.action_items.get_mut(i) { a.tracking_link = v })/>
                            <CheckField label="Done" id=format!("{row_id}-done") value=a.done
                                on_change=move |v| ed.edit(|d| if let Some(a) = d.action_items.get_mut(i) { a.done = v })/>
                        </div>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <SectionFrame section=SectionId::ActionItems>
            <div class="rows">{rows}</div>
            <div class="actions">
                <button type="button" class="secondary"
                    on:click=move |_| {
                        let mut index = 0;
                        ed.edit(|d| { d.action_items.push(ActionItem::default()); index = d.action_items.len() - 1; });
                        version.update(|v| *v += 1);
                        focus_after_render(format!("action-{index}-action"));
                    }>"+ Add action item"</button>
            </div>
        </SectionFrame>
    }
}
