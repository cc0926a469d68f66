//! Where the keyboard focus goes after the page changes: the views ask for an element by
//! id, and it is focused once pending renders have run.

use crate::adapters::platform;

/// Focuses an element by id once pending renders have run, so keyboard users keep their
/// place when rows are added, moved or removed.
pub fn focus_after_render(id: String) {
    focus_first_after_render(vec![id]);
}

/// Focuses the first of these elements that can take the focus, once pending renders have
/// run (a control that may be hidden, then where the work goes on).
pub fn focus_first_after_render(ids: Vec<String>) {
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        focus_first(&ids);
    });
}

/// Focuses the first of `ids` that is in the page and can take the focus; whether one did.
pub fn focus_first(ids: &[String]) -> bool {
    ids.iter().any(|id| platform::focus(id))
}
