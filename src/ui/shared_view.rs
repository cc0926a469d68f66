//! A document opened from a share link: read-only, with a way to keep it.

use leptos::prelude::*;

use crate::domain::document::Postmortem;

use super::preview::Preview;
use super::state::Editor;

/// The read-only view of a shared document.
#[component]
pub fn SharedView(
    /// The shared document.
    doc: Postmortem,
) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let doc = RwSignal::new(doc);
    view! {
        <section class="shared" aria-labelledby="shared-title">
            <div class="shared-bar">
                <div>
                    <h2 id="shared-title">"Shared postmortem (read-only)"</h2>
                    <p class="hint">"This postmortem came in a link. Nothing is saved in this browser until you save it as a draft."</p>
                </div>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| ed.save_shared()>"Save as new draft"</button>
                    <button type="button" class="secondary" on:click=move |_| ed.close_shared()>"Close"</button>
                </div>
            </div>
            <div class="shared-report">
                <Preview doc=doc/>
            </div>
        </section>
    }
}
