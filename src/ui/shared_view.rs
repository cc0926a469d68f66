//! A document opened from a share link: read-only, with a way to keep it.

use hindsight_core::Postmortem;
use leptos::prelude::*;

use super::preview::{Preview, Source};
use crate::i18n::{self, Ui};
use crate::state::Editor;

/// The read-only view of a shared document.
#[component]
pub fn SharedView(
    /// The shared document.
    doc: Postmortem,
) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    view! {
        <section class="shared" aria-labelledby="shared-title">
            <div class="shared-bar">
                <div>
                    <h2 id="shared-title">{ui.t(i18n::SHARED_TITLE)}</h2>
                    <p class="hint">{ui.t(i18n::SHARED_EXPLAINED)}</p>
                </div>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| ed.save_shared(ui.lang_untracked())>
                        {ui.t(i18n::SAVE_AS_NEW_DRAFT)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| ed.close_shared()>
                        {ui.t(i18n::CLOSE)}
                    </button>
                </div>
            </div>
            <div class="shared-report">
                <Preview source=Source::Fixed(Box::new(doc))/>
            </div>
        </section>
    }
}
