//! The app's views, each with its own URL (`?view=customer`, `?view=incidents`, beside
//! `?draft=`), so Back returns to the editor and a view survives a reload.

use leptos::prelude::*;

use crate::adapters::platform;

/// Which view fills the page beside the drafts list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The form, the preview and the review.
    Editor,
    /// The public notice derived from the report.
    Customer,
    /// Every draft's open action items, related incidents and trends.
    Incidents,
}

impl View {
    /// The `view` parameter's value.
    fn param(self) -> Option<&'static str> {
        match self {
            View::Editor => None,
            View::Customer => Some("customer"),
            View::Incidents => Some("incidents"),
        }
    }

    /// The view the URL names.
    fn from_url() -> View {
        match platform::url_param("view").as_deref() {
            Some("customer") => View::Customer,
            Some("incidents") => View::Incidents,
            _ => View::Editor,
        }
    }
}

/// The view shown, shared through context.
#[derive(Clone, Copy)]
pub struct Views(RwSignal<View>);

impl Views {
    /// Starts from the URL and follows Back and Forward.
    pub fn start() -> Self {
        let view = RwSignal::new(View::from_url());
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            view.set(View::from_url());
        });
        on_cleanup(move || handle.remove());
        Self(view)
    }

    /// The views from context.
    pub fn get() -> Self {
        expect_context::<Views>()
    }

    /// The view shown now, tracked.
    pub fn current(self) -> View {
        self.0.get()
    }

    /// Shows a view, with a history entry of its own.
    pub fn open(self, view: View) {
        if self.0.get_untracked() == view {
            return;
        }
        platform::set_url_params(&[("view", view.param())], true);
        self.0.set(view);
    }

    /// Goes back to the editor: through history when the user came from it, so Back and the
    /// button agree.
    pub fn back(self) {
        self.open(View::Editor);
    }
}
