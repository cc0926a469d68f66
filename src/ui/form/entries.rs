//! A list of one-line entries stored as `Vec<String>` (five whys, lessons): keyed rows, each
//! an input with its own label and the row controls.

use hindsight_core::fields::{Access, Field, Kind};
use hindsight_core::session::RowList;
use hindsight_core::Postmortem;
use leptos::prelude::*;

use super::control::{has_notes, notes_view};
use super::rows::RowControls;
use super::{Control, FieldNotes, Spec};
use crate::i18n::{self, Ui};
use crate::state::Editor;
use crate::ui::focus::focus_after_render;

/// The list editor of an entries field.
#[component]
pub fn EntryList(field: &'static Field<Postmortem>) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let Kind::Entries(words) = field.kind else {
        return ().into_any();
    };
    let list = RowList::Entries(field.id);
    let keys = ed.rows().keys(list);
    let prefix = format!("{}-{}", field.section.slug(), field.slug);
    let add_id = format!("{prefix}-add");
    let add_prefix = prefix.clone();
    // What the review says about the list as a whole (too few whys).
    let notes = FieldNotes::about(&prefix);
    let described = format!("{prefix}-review");
    let notes_under = notes_view(prefix.clone(), notes);
    let list_id = prefix.clone();
    view! {
        <fieldset class="list-editor wide" id=list_id
            aria-describedby=move || has_notes(notes).then(|| described.clone())>
            <legend>{ui.t(field.label)}</legend>
            {field.hint.map(|h| view! { <p class="hint">{ui.t(h)}</p> })}
            {notes_under}
            <div class="rows">
                <For each=move || keys.get() key=|k| *k let:key>
                    <Entry field=field key=key prefix=prefix.clone()/>
                </For>
            </div>
            <button type="button" class="secondary add" id=add_id
                on:click=move |_| {
                    if let Some(key) = ed.add_row(list) {
                        focus_after_render(format!("{add_prefix}-{key}-text"));
                    }
                }>{move || ui.fill(i18n::ADD_ENTRY, &[words.add.get(ui.lang())])}</button>
        </fieldset>
    }
    .into_any()
}

#[component]
fn Entry(field: &'static Field<Postmortem>, key: u32, prefix: String) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let Kind::Entries(words) = field.kind else {
        return ().into_any();
    };
    let Access::List(get_list, get_list_mut) = field.access else {
        return ().into_any();
    };
    let list = RowList::Entries(field.id);
    let keys = ed.rows().keys(list);
    let index = Memo::new(move |_| keys.with(|k| k.iter().position(|x| *x == key).unwrap_or(0)));
    let name = move || {
        ui.fill(
            i18n::GROUP_N,
            &[words.group.get(ui.lang()), &(index.get() + 1).to_string()],
        )
    };
    let row_id = format!("{prefix}-{key}");
    let get = Callback::new(move |_: ()| {
        ed.peek(|d| {
            get_list(d)
                .get(index.get_untracked())
                .cloned()
                .unwrap_or_default()
        })
    });
    let set = Callback::new(move |value: String| {
        let i = index.get_untracked();
        ed.edit(field.id, |d| {
            if let Some(e) = get_list_mut(d).get_mut(i) {
                *e = value;
            }
        });
    });
    let spec = Spec {
        kind: Kind::Line,
        label: words.item,
        hint: None,
        placeholder: None,
        options: &[],
        detail: None,
    };
    view! {
        <div class="row list-row" role="group" aria-label=name>
            <span class="row-num" aria-hidden="true">{move || format!("{}.", index.get() + 1)}</span>
            <Control spec=spec id=format!("{row_id}-text") get=get set=set class="grow"/>
            <RowControls list=list key=key row_id=row_id name=Signal::derive(name) first="text"
                add_id=format!("{prefix}-add")/>
        </div>
    }
    .into_any()
}
