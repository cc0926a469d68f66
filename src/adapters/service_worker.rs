//! The service worker, from the page's side: registering `sw.js`, noticing that a new version
//! waits, and letting it take over when the user asks.
//!
//! Feature-detected: service workers exist only in secure contexts (HTTPS, localhost), so on a
//! plain-http intranet host, or in a browser without them, the app runs online as before.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState, ServiceWorkerUpdateViaCache,
};

/// The worker's file, next to `index.html`: its scope is the app's folder, whatever the
/// sub-path the site is served from.
const WORKER: &str = "sw.js";
/// The message that tells a waiting worker to take over (see `sw.js`).
const SKIP_WAITING: &str = "skip-waiting";
/// A tab left open looks for a new version when it is shown again, at most this often.
const UPDATE_CHECK_MS: f64 = 60.0 * 60.0 * 1000.0;
/// The page reloads after this long even if the new worker never says it took over.
const TAKE_OVER_TIMEOUT_MS: i32 = 3000;

/// The page's service-worker container, when the browser offers one here.
fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker"))
        .ok()?
        .dyn_into::<ServiceWorkerContainer>()
        .ok()
}

/// Registers the worker once the page has loaded (so its precache does not compete with the
/// app's own start), then calls `on_registered` with the registration and `on_waiting` each
/// time a new version is installed and waits. Does nothing where service workers are missing.
pub fn register(
    on_registered: impl FnOnce(ServiceWorkerRegistration) + 'static,
    on_waiting: impl Fn() + Clone + 'static,
) {
    let Some(container) = container() else {
        return;
    };
    let start = move || {
        wasm_bindgen_futures::spawn_local(async move {
            let options = RegistrationOptions::new();
            options.set_scope("./");
            // The browser asks the server for sw.js itself, never its HTTP cache.
            options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
            let promise = container.register_with_options(WORKER, &options);
            // A failed registration (no sw.js, a private window that refuses) leaves the app
            // running online, as without a worker.
            let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                return;
            };
            // Something that stands in for the browser's registration (a test harness that
            // blocks workers) may answer with nothing: that is no registration either.
            let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            watch(&container, &registration, on_waiting);
            on_registered(registration);
        });
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let loaded = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if loaded {
        start();
    } else {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            "load",
            Closure::once_into_js(start).unchecked_ref(),
            &options,
        );
    }
}

/// Calls `on_waiting` when a new version waits: one already waiting, or one installed later.
/// The first worker of all is not a new version: it finds no controller.
fn watch(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    on_waiting: impl Fn() + Clone + 'static,
) {
    if registration.waiting().is_some() && container.controller().is_some() {
        on_waiting();
    }
    let follow = {
        let container = container.clone();
        move |worker: ServiceWorker| {
            let container = container.clone();
            let on_waiting = on_waiting.clone();
            let watched = worker.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if watched.state() == ServiceWorkerState::Installed
                    && container.controller().is_some()
                {
                    on_waiting();
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            // Lives as long as the worker object; one per new version.
            on_state.forget();
        }
    };
    if let Some(installing) = registration.installing() {
        follow(installing);
    }
    let found_in = registration.clone();
    let follow_found = follow.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        if let Some(installing) = found_in.installing() {
            follow_found(installing);
        }
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();

    // A tab kept open for days still hears of a new deploy: look when it is shown again.
    let checked = std::cell::Cell::new(js_sys::Date::now());
    let to_check = registration.clone();
    let on_visible = Closure::<dyn FnMut()>::new(move || {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        let now = js_sys::Date::now();
        if visible && now - checked.get() >= UPDATE_CHECK_MS {
            checked.set(now);
            // A failed check (offline) is simply tried again later.
            if let Ok(promise) = to_check.update() {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                });
            }
        }
    });
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    on_visible.forget();
}

/// Lets the waiting version take over, then reloads the page on it. Without a waiting worker
/// (another tab already switched), it just reloads.
pub fn take_over_and_reload(registration: Option<&ServiceWorkerRegistration>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let reload = || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    let waiting = registration.and_then(ServiceWorkerRegistration::waiting);
    let (Some(container), Some(waiting)) = (container(), waiting) else {
        reload();
        return;
    };
    let _ = container.add_event_listener_with_callback(
        "controllerchange",
        Closure::once_into_js(reload).unchecked_ref(),
    );
    if waiting
        .post_message(&JsValue::from_str(SKIP_WAITING))
        .is_err()
    {
        reload();
        return;
    }
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        Closure::once_into_js(reload).unchecked_ref(),
        TAKE_OVER_TIMEOUT_MS,
    );
}
