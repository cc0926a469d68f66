//! The page's side of the analytics worker (`src/worker.rs`): the incidents overview asks
//! for every summary's related incidents, and the answer comes back by message while the
//! page goes on. Where a worker cannot start (no `Worker`, a blocked script, a failed
//! load), the same core function runs here instead: correct, only slower.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use hindsight_core::incidents::analytics::{read_answer, related_request, READY};
use hindsight_core::incidents::{related_all, Related, Summary};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What to do with an answer.
type Reply = Box<dyn FnOnce(Vec<Vec<Related>>)>;

/// A request waiting for the worker: its reply, and what to compute should the worker fail.
type Waiting = (Reply, Vec<Summary>, usize);

/// The worker's loader, next to `index.html` (Trunk's `data-loader-shim`).
const LOADER: &str = "hindsight-worker_loader.js";

/// How long the worker may take to load before the page does its work itself.
const READY_WITHIN: std::time::Duration = std::time::Duration::from_secs(5);

/// The worker, started on the first request, and the requests waiting for it.
#[derive(Clone, Default)]
pub struct Analytics(Rc<Inner>);

#[derive(Default)]
struct Inner {
    worker: RefCell<Option<web_sys::Worker>>,
    /// Set once the worker failed: every later request runs on the page.
    failed: Cell<bool>,
    /// Whether the worker said it listens; requests wait in `queue` until then.
    ready: Cell<bool>,
    queue: RefCell<Vec<String>>,
    next: Cell<u32>,
    /// Each waiting request's reply, and what to compute should the worker fail.
    waiting: RefCell<HashMap<u32, Waiting>>,
}

impl Analytics {
    /// Every summary's related incidents (at most `limit` each), given to `reply` when
    /// ready: from the worker, or at once where there is none.
    pub fn related_all(
        &self,
        summaries: Vec<Summary>,
        limit: usize,
        reply: impl FnOnce(Vec<Vec<Related>>) + 'static,
    ) {
        let Some(worker) = self.worker() else {
            reply(related_all(&summaries, limit));
            return;
        };
        let id = self.0.next.get().wrapping_add(1);
        self.0.next.set(id);
        let request = related_request(id, &summaries, limit);
        self.0
            .waiting
            .borrow_mut()
            .insert(id, (Box::new(reply), summaries, limit));
        if !self.0.ready.get() {
            self.0.queue.borrow_mut().push(request);
        } else if worker.post_message(&request.into()).is_err() {
            self.fail();
        }
    }

    /// The running worker, started if need be; `None` where it cannot run.
    fn worker(&self) -> Option<web_sys::Worker> {
        if self.0.failed.get() {
            return None;
        }
        if let Some(w) = self.0.worker.borrow().as_ref() {
            return Some(w.clone());
        }
        // `Worker` may be missing altogether (an old or locked-down browser): a plain
        // lookup, since calling a missing constructor through web-sys would throw.
        let has_worker = js_sys::Reflect::has(&js_sys::global(), &"Worker".into()).unwrap_or(false);
        let worker = has_worker
            .then(|| web_sys::Worker::new(LOADER).ok())
            .flatten();
        let Some(worker) = worker else {
            self.0.failed.set(true);
            return None;
        };
        let this = self.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let Some(text) = ev.data().as_string() else {
                    return;
                };
                if text == READY {
                    this.listening();
                    return;
                }
                let Some((id, related)) = read_answer(&text) else {
                    return;
                };
                let waiting = this.0.waiting.borrow_mut().remove(&id);
                if let Some((reply, ..)) = waiting {
                    reply(related);
                }
            });
        let this = self.clone();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| this.fail());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The handlers live as long as the page's one worker.
        on_message.forget();
        on_error.forget();
        *self.0.worker.borrow_mut() = Some(worker.clone());
        let this = self.clone();
        leptos::prelude::set_timeout(
            move || {
                if !this.0.ready.get() {
                    this.fail();
                }
            },
            READY_WITHIN,
        );
        Some(worker)
    }

    /// The worker listens: what waited for it goes now.
    fn listening(&self) {
        self.0.ready.set(true);
        let worker = self.0.worker.borrow().clone();
        let queued: Vec<String> = self.0.queue.borrow_mut().drain(..).collect();
        for request in queued {
            let sent = worker
                .as_ref()
                .is_some_and(|w| w.post_message(&request.into()).is_ok());
            if !sent {
                self.fail();
                return;
            }
        }
    }

    /// The worker failed (its script or wasm did not load, or it threw): what waits for it
    /// is computed here, and so is everything after.
    fn fail(&self) {
        self.0.failed.set(true);
        if let Some(w) = self.0.worker.borrow_mut().take() {
            w.terminate();
        }
        self.0.queue.borrow_mut().clear();
        let waiting: Vec<_> = self.0.waiting.borrow_mut().drain().collect();
        for (_, (reply, summaries, limit)) in waiting {
            reply(related_all(&summaries, limit));
        }
    }
}
