//! The hand-over from the first screen drawn before the wasm arrived (`shell.js`, on a first
//! visit) to the app: what was typed there becomes the new draft's, through the same edits
//! as the form's, the focus, the caret and the scroll move to the same places in the app, and
//! a file already chosen for import is imported.
//! It all happens in the task that mounts the app, so no keystroke falls between the two.

use hindsight_core::fields::{Kind, DOC_FIELDS};
use hindsight_core::{Language, Template};
use leptos::prelude::GetUntracked;
use wasm_bindgen::JsCast;

use crate::adapters::zones::is_valid_time_zone;
use crate::state::Editor;

/// The kinds of field the shell leaves live: those typed as text. Its other controls (rows,
/// choices, checkboxes) are disabled until the app takes over, so they hold nothing to take.
fn typed_as_text(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Line | Kind::Text | Kind::Date | Kind::Url | Kind::Names | Kind::Lines | Kind::Zone
    )
}

/// A text control's value and caret, whichever kind of element it is.
fn control(el: &web_sys::Element) -> Option<(String, Option<u32>, Option<u32>)> {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        // Date inputs have no caret: asking throws, which reads as none.
        let start = input.selection_start().ok().flatten();
        let end = input.selection_end().ok().flatten();
        return Some((input.value(), start, end));
    }
    let area = el.dyn_ref::<web_sys::HtmlTextAreaElement>()?;
    Some((
        area.value(),
        area.selection_start().ok().flatten(),
        area.selection_end().ok().flatten(),
    ))
}

/// Where the keyboard was in the shell, to put it back in the app.
struct Caret {
    id: String,
    start: Option<u32>,
    end: Option<u32>,
}

/// Takes over from the shell, if the page shows one: applies what was typed to `ed`'s new
/// draft (one made in `lang` if the app opened a stored draft instead),
/// removes the shell, and once the app is mounted (a microtask later, before any input
/// event) focuses the same field with the same selection and scrolls back to where it was.
pub fn take_over(ed: Editor, lang: Language) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(shell) = document.query_selector("[data-shell]").ok().flatten() else {
        return;
    };
    let active = document
        .active_element()
        .filter(|el| shell.contains(Some(el)));
    let mut caret = None;
    let mut typed = Vec::new();
    for field in DOC_FIELDS.iter().filter(|f| typed_as_text(f.kind)) {
        let id = field.id.element_id();
        let Some(el) = shell.query_selector(&format!("#{id}")).ok().flatten() else {
            continue;
        };
        let Some((value, start, end)) = control(&el) else {
            continue;
        };
        if active.as_ref().is_some_and(|a| a.is_same_node(Some(&el))) {
            caret = Some(Caret {
                id: id.clone(),
                start,
                end,
            });
        }
        // Every field of the shell started empty: only what was written in it is taken,
        // and a zone only once it names one (as the form's own zone box checks).
        let written = !value.trim().is_empty()
            && (field.kind != Kind::Zone || is_valid_time_zone(value.trim()));
        if written {
            typed.push((field, value));
        }
    }
    if !typed.is_empty() {
        // The shell stood for a new draft. Should the app open a stored one instead (another
        // tab wrote its first draft in the meantime), what was typed goes into a new draft
        // of its own rather than over that one.
        // (Its choices hold their defaults, and its zone may be learned by then.)
        let fresh = ed.peek(|d| {
            DOC_FIELDS
                .iter()
                .filter(|f| typed_as_text(f.kind) && f.kind != Kind::Zone)
                .all(|f| f.is_empty(d))
        });
        if !(ed.unstored().get_untracked() && fresh) {
            ed.create(Template::Full, lang);
        }
        for (field, value) in typed {
            ed.edit(field.id, |d| field.set_input(d, &value));
        }
    }
    let chosen = chosen_files(&shell);
    let scroll = (
        window.scroll_x().unwrap_or(0.0),
        window.scroll_y().unwrap_or(0.0),
    );
    shell.remove();
    if caret.is_none() && chosen.is_empty() && scroll == (0.0, 0.0) {
        // Nothing to put back: no call that would lay the new page out before its frame.
        return;
    }
    let restore = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(caret) = caret {
            restore_caret(&caret);
        }
        for (id, files) in chosen {
            choose_again(&id, &files);
        }
        if scroll != (0.0, 0.0) {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(scroll.0, scroll.1);
            }
        }
    });
    window.queue_microtask(restore.unchecked_ref());
}

fn restore_caret(caret: &Caret) {
    if !crate::adapters::platform::focus(&caret.id) {
        return;
    }
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&caret.id))
    else {
        return;
    };
    let (Some(start), Some(end)) = (caret.start, caret.end) else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.set_selection_range(start, end);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.set_selection_range(start, end);
    }
}

/// Files already chosen in the shell's file inputs (a picker opened from the keyboard, or a
/// script), by input id: the app's inputs of the same ids take them once it is up.
fn chosen_files(shell: &web_sys::Element) -> Vec<(String, web_sys::FileList)> {
    let Ok(inputs) = shell.query_selector_all("input[type=file]") else {
        return Vec::new();
    };
    (0..inputs.length())
        .filter_map(|i| inputs.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
        .filter_map(|input| {
            let files = input.files().filter(|f| f.length() > 0)?;
            Some((input.id(), files))
        })
        .collect()
}

/// Gives the app's file input these files and tells it, as the browser's picker would.
fn choose_again(id: &str, files: &web_sys::FileList) {
    let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    input.set_files(Some(files));
    // The browser's own change event bubbles, and the app may listen for it higher up.
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
        let _ = input.dispatch_event(&change);
    }
}
