//! The Customer version view: the public notice derived from the internal report.

use leptos::prelude::*;

use crate::i18n::{views as words, Ui};
use crate::ui::views::Views;

/// The region named "Customer version".
#[component]
pub fn CustomerView() -> impl IntoView {
    let ui = Ui::get();
    let views = Views::get();
    view! {
        <section class="view customer-view" aria-labelledby="customer-title">
            <div class="view-head">
                <h2 id="customer-title">{ui.t(words::CUSTOMER_VERSION)}</h2>
                <button type="button" class="secondary" on:click=move |_| views.back()>
                    {ui.t(words::BACK_TO_EDITOR)}
                </button>
            </div>
        </section>
    }
}
