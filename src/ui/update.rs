//! "A new version is ready — Reload": a new deploy waits until the user says so, instead of
//! switching the app under their feet. The service worker is registered here, after the app
//! has started.

use leptos::prelude::*;

use crate::adapters::service_worker;
use crate::i18n::{pwa, Ui};

/// A polite notice with a Reload button, shown while a new version waits.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ui = Ui::get();
    let waiting = RwSignal::new(false);
    let registration = StoredValue::new_local(None::<web_sys::ServiceWorkerRegistration>);
    service_worker::register(
        move |r| registration.set_value(Some(r)),
        move || {
            let _ = waiting.try_set(true);
        },
    );
    view! {
        // The status region stays in the page, so what appears in it is announced.
        <div class="update-region" role="status">
            <Show when=move || waiting.get()>
                <div class="update-notice">
                    <span>{ui.t(pwa::NEW_VERSION)}</span>
                    <button type="button" class="primary small"
                        on:click=move |_| registration.with_value(|r| service_worker::take_over_and_reload(r.as_ref()))>
                        {ui.t(pwa::RELOAD)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
