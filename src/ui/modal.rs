//! A modal dialog on the browser's own `<dialog>`: `showModal()` traps the focus, makes the
//! page behind inert and closes on Escape. The focus goes back where it was on close.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A modal dialog, open while it exists.
#[component]
pub fn Modal(
    /// The id of the element that names the dialog (its heading).
    labelled_by: &'static str,
    /// Called when the user closes it (Escape, a click on the backdrop).
    #[prop(into)]
    on_close: Callback<()>,
    /// The dialog's content.
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let shown = StoredValue::new_local(None::<web_sys::HtmlDialogElement>);
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
            shown.set_value(Some(d.clone()));
        }
    });
    on_cleanup(move || {
        // While a modal is open the page behind is inert, so close it before moving focus.
        if let Some(d) = shown.try_get_value().flatten() {
            d.close();
        }
        if let Some(el) = opener.as_ref().filter(|e| e.is_connected()) {
            let _ = el.focus();
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class="modal"
            aria-labelledby=labelled_by
            // Escape fires `cancel`; the parent removes the dialog instead of the browser.
            on:cancel=move |ev: leptos::ev::Event| {
                ev.prevent_default();
                on_close.run(());
            }
            // A click on the backdrop lands on the dialog element itself.
            on:click=move |ev| {
                if ev.target() == ev.current_target() {
                    on_close.run(());
                }
            }
        >
            <div class="modal-body">{children()}</div>
        </dialog>
    }
}
