//! The Incidents view (事件總覽): every draft's open action items, the incidents that share
//! a cause, trends, and a team's folder of postmortems opened read-only beside the drafts.
//!
//! Everything shown is computed by `hindsight_core::incidents` from the drafts' summaries
//! (the index the session keeps) and the folder's summaries; this module only draws it.

mod folder;
mod links;
mod open_items;
mod related;
mod trends;

use std::time::Duration;

use hindsight_core::incidents::{is_already_a_draft, Summary};
use leptos::prelude::*;

use crate::i18n::{views as words, Ui};
use crate::state::Editor;
pub use crate::ui::opened_folder::Folder;
use crate::ui::views::Views;
pub use related::RelatedInDraft;

/// Every summary the overview reads: the stored drafts', then the open folder's.
fn all_summaries(ed: Editor, folder: Folder) -> Memo<Vec<Summary>> {
    Memo::new(move |_| {
        let mut all = ed.summaries();
        folder.opened.with(|opened| {
            let copies = opened
                .entries
                .iter()
                .filter(|e| !is_already_a_draft(&e.summary, &all))
                .map(|e| e.summary.clone())
                .collect::<Vec<_>>();
            all.extend(copies);
        });
        all
    })
}

/// The region named "Incidents".
#[component]
pub fn IncidentsView() -> impl IntoView {
    let ui = Ui::get();
    let views = Views::get();
    let ed = expect_context::<Editor>();
    let summaries = all_summaries(ed, Folder::get());
    // The list comes first; the parts below it are drawn once it has been painted, so a
    // thousand items show as soon as they can.
    let rest = RwSignal::new(false);
    request_animation_frame(move || set_timeout(move || rest.set(true), Duration::ZERO));
    view! {
        <section class="view incidents-view" aria-labelledby="incidents-title">
            <div class="view-head">
                <h2 id="incidents-title">{ui.t(words::INCIDENTS)}</h2>
                <button type="button" class="secondary" on:click=move |_| views.back()>
                    {ui.t(words::BACK_TO_EDITOR)}
                </button>
            </div>
            <open_items::OpenItemsPart summaries=summaries/>
            <folder::FolderPart/>
            <Show when=move || rest.get()>
                <related::RelatedPart summaries=summaries/>
                <trends::TrendsPart summaries=summaries/>
            </Show>
        </section>
    }
}
