//! Where the overview's links lead: a draft in the editor (at one of its action items), or
//! a folder's postmortem in the overview. The focus follows, so keyboard users land there.

use std::time::Duration;

use hindsight_core::incidents::html::{percent_encode, Links};
use hindsight_core::incidents::{Item, Related, Summary, FOLDER_ID_PREFIX};
use hindsight_core::session::RowList;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Folder;
use crate::state::Editor;
use crate::ui::views::{View, Views};

/// How often, and how long, to look for an element the next render brings.
const RETRY: Duration = Duration::from_millis(20);
const TRIES: u32 = 50;

/// Runs `attempt` after the pending renders, again and again until it says it is done (or
/// gives up after about a second): the view that holds its target may still be mounting.
pub fn when_rendered(attempt: impl Fn() -> bool + Clone + 'static) {
    fn retry(attempt: impl Fn() -> bool + Clone + 'static, left: u32) {
        set_timeout(
            move || {
                if !attempt() && left > 0 {
                    retry(attempt, left - 1);
                }
            },
            RETRY,
        );
    }
    retry(attempt, TRIES);
}

pub fn element(id: &str) -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Focuses an element by id; whether it has the focus now.
fn focus(id: &str) -> bool {
    let Some(el) = element(id) else {
        return false;
    };
    let _ = el.focus();
    document()
        .active_element()
        .is_some_and(|active| active == *el.unchecked_ref::<web_sys::Element>())
}

/// The `href`s of the overview's lists (drawn by the core's `incidents::html`): a draft by
/// its id (`?draft=…`), a folder's postmortem to the overview. A click is handled in the
/// app; the link serves a click with a modifier (a new tab) and assistive technology.
pub struct AppLinks;

impl Links for AppLinks {
    fn item(&self, item: &Item) -> String {
        if item.from_folder || item.draft_id.starts_with(FOLDER_ID_PREFIX) {
            "?view=incidents".to_owned()
        } else {
            format!("?draft={}", percent_encode(&item.draft_id, &[]))
        }
    }

    fn related(&self, related: &Related) -> String {
        if related.from_folder {
            "?view=incidents".to_owned()
        } else {
            format!("?draft={}", percent_encode(&related.id, &[]))
        }
    }

    fn draft(&self, summary: &Summary) -> String {
        if summary.is_from_folder() {
            "?view=incidents".to_owned()
        } else {
            format!("?draft={}", percent_encode(&summary.id, &[]))
        }
    }
}

/// Opens a draft in the editor, with the focus on its title.
pub fn open_draft(ed: Editor, views: Views, id: &str) {
    if ed.open_id().with_untracked(|o| o.as_deref() != Some(id)) {
        ed.open(id);
    }
    views.back();
    when_rendered(|| focus("header-title"));
}

/// Opens a draft in the editor with the focus in one of its action items (the row at
/// `index`), expanding the Action items section if it is collapsed.
pub fn open_action_row(ed: Editor, views: Views, id: &str, index: usize) {
    if ed.open_id().with_untracked(|o| o.as_deref() != Some(id)) {
        ed.open(id);
    }
    views.back();
    if ed.open_id().with_untracked(|o| o.as_deref() != Some(id)) {
        // The draft could not be opened; the alert says why.
        return;
    }
    when_rendered(move || {
        let Some(key) = ed
            .rows()
            .keys(RowList::Actions)
            .with_untracked(|keys| keys.get(index).copied())
        else {
            // The row is gone meanwhile: the draft is open, nothing more to find.
            return true;
        };
        let Some(section) = document().get_element_by_id("form-action-items") else {
            return false;
        };
        if section.class_list().contains("collapsed") {
            if let Ok(Some(toggle)) = section.query_selector("button.collapse") {
                if let Ok(toggle) = toggle.dyn_into::<web_sys::HtmlElement>() {
                    toggle.click();
                }
            }
            return false;
        }
        focus(&format!("action-{key}-action"))
    });
}

/// The element id of a folder's postmortem in the overview.
pub fn folder_entry_id(position: usize) -> String {
    format!("folder-entry-{position}")
}

/// Shows a folder's postmortem in the overview, its report open and the focus on it.
pub fn show_folder_entry(folder: Folder, views: Views, path: &str) {
    views.open(View::Incidents);
    folder.shown.set(Some(path.to_owned()));
    let Some(position) = folder
        .opened
        .with_untracked(|f| f.entries.iter().position(|e| e.path == path))
    else {
        return;
    };
    when_rendered(move || focus(&folder_entry_id(position)));
}

/// After a list is drawn again, focuses the `position`-th element that matches `selector`
/// (or the last one), else the element `fallback`: the focus stays in place in the list
/// when the item it was on goes away.
pub fn focus_nth_after_render(selector: &'static str, position: usize, fallback: &'static str) {
    when_rendered(move || {
        let found = document().query_selector_all(selector).ok();
        let len = found.as_ref().map_or(0, |f| f.length() as usize);
        let Some(el) = found
            .filter(|_| len > 0)
            .and_then(|f| f.item(position.min(len - 1) as u32))
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return focus(fallback);
        };
        let _ = el.focus();
        true
    });
}
