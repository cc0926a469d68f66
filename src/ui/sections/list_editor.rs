//! Editors for repeated rows: the shared row controls, and a list of one-line entries
//! (five whys, lessons).

use leptos::prelude::*;

use crate::domain::document::Postmortem;
use crate::ui::state::{Editor, RowRef};

/// Moves element `from` of a list one place up (`-1`) or down (`1`); returns the new index.
pub fn move_row<T>(list: &mut [T], from: usize, step: isize) -> Option<usize> {
    let to = from.checked_add_signed(step)?;
    if to >= list.len() || from >= list.len() {
        return None;
    }
    list.swap(from, to);
    Some(to)
}

/// Focuses an element by id once pending renders have run, so keyboard users keep their
/// place when rows are added or moved.
pub fn focus_after_render(id: String) {
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// What a row's up, down and delete buttons do: move the row within `list` (keeping the
/// focus on the button pressed) or remove it with Undo, then re-render the rows.
pub fn row_actions<T: 'static>(
    ed: Editor,
    version: RwSignal<u64>,
    id_prefix: &'static str,
    index: usize,
    list: fn(&mut Postmortem) -> &mut Vec<T>,
    removed: (String, RowRef),
) -> (Callback<isize>, Callback<()>) {
    let on_move = Callback::new(move |step: isize| {
        let mut to = None;
        ed.edit(|d| to = move_row(list(d), index, step));
        version.update(|v| *v += 1);
        if let Some(to) = to {
            let which = if step < 0 { "up" } else { "down" };
            focus_after_render(format!("{id_prefix}-{to}-{which}"));
        }
    });
    let on_delete = Callback::new(move |_| {
        ed.remove_row(removed.0.clone(), removed.1);
        version.update(|v| *v += 1);
    });
    (on_move, on_delete)
}

/// Up, down and delete buttons of one row; ids are `{row_id}-up` and so on.
#[component]
pub fn RowControls(
    /// The row's element id prefix.
    #[prop(into)]
    row_id: String,
    /// The row's position.
    index: usize,
    /// How many rows there are.
    len: usize,
    /// Called with -1 or 1.
    #[prop(into)]
    on_move: Callback<isize>,
    /// Called to delete the row.
    #[prop(into)]
    on_delete: Callback<()>,
) -> impl IntoView {
    let first = index == 0;
    let last = index + 1 >= len;
    view! {
        <div class="row-controls">
            <button type="button" class="icon" id=format!("{row_id}-up") aria-label="Move up" title="Move up"
                disabled=first on:click=move |_| on_move.run(-1)>"↑"</button>
            <button type="button" class="icon" id=format!("{row_id}-down") aria-label="Move down" title="Move down"
                disabled=last on:click=move |_| on_move.run(1)>"↓"</button>
            <button type="button" class="icon danger" id=format!("{row_id}-delete") aria-label="Delete" title="Delete"
                on:click=move |_| on_delete.run(())>"✕"</button>
        </div>
    }
}

/// An ordered or plain list of one-line entries stored as `Vec<String>` in the document.
#[component]
pub fn StringListEditor(
    /// The list's name, shown as its legend.
    legend: &'static str,
    /// The label of each entry's input.
    entry_label: &'static str,
    /// The name of each entry's group, numbered: "Why 1".
    group_name: &'static str,
    /// The add button's text.
    add_label: &'static str,
    /// Prefix of element ids.
    id_prefix: &'static str,
    /// Reads the list from the document.
    get: fn(&Postmortem) -> &Vec<String>,
    /// Writes the list in the document.
    get_mut: fn(&mut Postmortem) -> &mut Vec<String>,
    /// A hint under the legend.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let version = RwSignal::new(0u64);
    let rows = move || {
        version.get();
        let items = ed.doc.with_untracked(|d| get(d).clone());
        let len = items.len();
        items
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let row_id = format!("{id_prefix}-{i}");
                let input_id = format!("{row_id}-text");
                let name = format!("{group_name} {}", i + 1);
                let (on_move, on_delete) = row_actions(
                    ed,
                    version,
                    id_prefix,
                    i,
                    get_mut,
                    (name.clone(), RowRef::Entry(get_mut, i)),
                );
                view! {
                    <div class="row list-row" role="group" aria-label=name>
                        <span class="row-num" aria-hidden="true">{i + 1}"."</span>
                        <div class="field grow">
                            <label for=input_id.clone()>{entry_label}</label>
                            <input type="text" id=input_id prop:value=text
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    ed.edit(|d| if let Some(e) = get_mut(d).get_mut(i) { *e = v });
                                }/>
                        </div>
                        <RowControls row_id=row_id index=i len=len on_move=on_move on_delete=on_delete/>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="list-editor">
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <div class="rows">{rows}</div>
            <button type="button" class="secondary add"
                on:click=move |_| {
                    let mut index = 0;
                    ed.edit(|d| { get_mut(d).push(String::new()); index = get(d).len() - 1; });
                    version.update(|v| *v += 1);
                    focus_after_render(format!("{id_prefix}-{index}-text"));
                }>{format!("+ {add_label}")}</button>
        </fieldset>
    }
}
