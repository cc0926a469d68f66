//! The analytics worker: a second, small wasm that Trunk builds from the core alone
//! (`data-type="worker"` in `index.html`). It computes what the incidents overview needs
//! across every draft and folder file, so a team's 2,000 postmortems never freeze the page;
//! the page (`adapters::analytics`) sends it requests and runs the same core functions
//! itself where a worker cannot start. It never reads storage: what it needs comes in the
//! message.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let Some(request) = ev.data().as_string() else {
                return;
            };
            if let Some(answer) = hindsight_core::incidents::analytics::answer(&request) {
                let _ = reply_to.post_message(&answer.into());
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before the wasm was ready found no handler: say when it is.
    let _ = scope.post_message(&hindsight_core::incidents::analytics::READY.into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
