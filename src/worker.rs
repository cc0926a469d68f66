//! The worker: a second, small wasm that Trunk builds from the core alone
//! (`data-type="worker"` in `index.html`). It runs the review of the open draft (with the
//! customer version's scan of its notice) and what the incidents overview needs across
//! every draft and folder file, so neither a long report nor a team's 2,000 postmortems
//! makes typing wait. The page (`adapters::background`) sends it messages and keeps the
//! same core [`hindsight_core::offload::Offload`] itself where a worker cannot start. It
//! never reads storage: the drafts' index comes in the messages.

// The page's own time-zone code: times read in the worker get the offsets they get on the
// page.
#[cfg(target_arch = "wasm32")]
#[path = "adapters/zones.rs"]
#[allow(dead_code)]
mod zones;

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_to = scope.clone();
    let zones = zones::Zones::default();
    let held = std::cell::RefCell::new(hindsight_core::offload::Offload::new(Box::new(
        move |zone, utc| zones.offset_minutes(zone, utc),
    )));
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(message) = ev.data().as_string() else {
                return;
            };
            if let Some(answer) = held.borrow_mut().handle(&message) {
                let _ = reply_to.post_message(&answer.into());
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before the wasm was ready found no handler: say when it is.
    let _ = scope.post_message(&hindsight_core::offload::READY.into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
