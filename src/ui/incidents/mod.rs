//! The Incidents view: every draft's open action items, related incidents and trends.

use leptos::prelude::*;

use crate::i18n::{views as words, Ui};
use crate::ui::views::Views;

/// The region named "Incidents".
#[component]
pub fn IncidentsView() -> impl IntoView {
    let ui = Ui::get();
    let views = Views::get();
    view! {
        <section class="view incidents-view" aria-labelledby="incidents-title">
            <div class="view-head">
                <h2 id="incidents-title">{ui.t(words::INCIDENTS)}</h2>
                <button type="button" class="secondary" on:click=move |_| views.back()>
                    {ui.t(words::BACK_TO_EDITOR)}
                </button>
            </div>
        </section>
    }
}
