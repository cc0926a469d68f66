//! The page's side of the worker (`src/worker.rs`): the review and the incidents overview ask
//! it their questions, and the answers come back by message while the page goes on. It
//! sends the worker the drafts' index once it listens, then each change. Where a worker
//! cannot start (no `Worker`, a blocked script, a failed load, no word within 10 s), the
//! page keeps the core's [`Offload`] itself and hands it the same messages, in order:
//! correct, only slower. That code is a module of its own (`crate::split`), fetched only then.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use crate::adapters::zones::Zones;
use hindsight_core::incidents::Summary;
use hindsight_core::offload::{read_answer, Answer, IndexFeed, Offload, READY};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// What to do with an answer.
type Reply = Box<dyn FnOnce(Answer)>;

/// Where the drafts' index comes from: it lends the summaries as they are now.
pub type IndexSource = Box<dyn Fn(&mut dyn FnMut(&[Summary]))>;

/// The worker's loader, next to `index.html` (Trunk's `data-loader-shim`).
const LOADER: &str = "hindsight-worker_loader.js";

/// How long the worker may take to load before the page does its work itself. A load that
/// fails says so at once (`onerror`); this is for one that hangs, so it is generous: a busy
/// machine's first compile of the worker's wasm must not put the review back on the page.
const READY_WITHIN: std::time::Duration = std::time::Duration::from_secs(10);

/// The worker, started after the first paint, and what waits for it.
#[derive(Clone, Default)]
pub struct Background(Rc<Inner>);

#[derive(Default)]
struct Inner {
    worker: RefCell<Option<web_sys::Worker>>,
    /// Whether the page answers itself: the worker failed or could not start.
    on_page: Cell<bool>,
    /// The page's own worker, made by the first message it takes.
    local: RefCell<Option<Offload>>,
    /// Messages for the page's own worker, each with what to do with its answer, taken in
    /// order by one task at a time (`busy`).
    page_queue: RefCell<VecDeque<(String, Option<Reply>)>>,
    busy: Cell<bool>,
    /// Whether the worker said it listens; questions wait in `queue` until then.
    ready: Cell<bool>,
    queue: RefCell<Vec<String>>,
    next: Cell<u32>,
    /// Each unanswered question's reply, and the question, should the worker fail.
    waiting: RefCell<HashMap<u32, (Reply, String)>>,
    /// The drafts' index, read when the worker starts and when it changes, and what the
    /// worker was sent of it.
    index: RefCell<Option<IndexSource>>,
    feed: RefCell<IndexFeed>,
}

impl Background {
    /// Starts the worker, if it is not running already.
    pub fn start(&self) {
        self.worker();
    }

    /// Where the drafts' index comes from; the worker gets all of it when it starts.
    pub fn set_index_source(&self, source: IndexSource) {
        *self.0.index.borrow_mut() = Some(source);
    }

    /// The drafts' index changed: the worker is sent what changed.
    pub fn index_changed(&self) {
        // A worker that does not listen yet gets the whole index when it does.
        let listening = self.0.ready.get() && self.0.worker.borrow().is_some();
        if !listening && !self.0.on_page.get() {
            return;
        }
        if let Some(message) = self.index_message(IndexFeed::changes) {
            self.send(message);
        }
    }

    /// The index message `write` makes of the index as it is now.
    fn index_message(
        &self,
        write: impl FnOnce(&mut IndexFeed, &[Summary]) -> Option<String>,
    ) -> Option<String> {
        let source = self.0.index.borrow();
        let source = source.as_ref()?;
        let mut write = Some(write);
        let mut message = None;
        source(&mut |index| {
            if let Some(write) = write.take() {
                message = write(&mut self.0.feed.borrow_mut(), index);
            }
        });
        message
    }

    /// Asks a question, written by `question` with the number its answer will carry; `reply`
    /// gets the answer, from the worker or at once from the page's own.
    pub fn ask(&self, question: impl FnOnce(u32) -> String, reply: impl FnOnce(Answer) + 'static) {
        let id = self.0.next.get().wrapping_add(1);
        self.0.next.set(id);
        let text = question(id);
        if self.worker().is_none() {
            self.on_page(text, Some(Box::new(reply)));
            return;
        }
        self.0
            .waiting
            .borrow_mut()
            .insert(id, (Box::new(reply), text.clone()));
        self.send(text);
    }

    /// Asks a question and waits for its answer (`None` for a message nobody could read).
    pub async fn answer(&self, question: impl FnOnce(u32) -> String) -> Option<Answer> {
        let slot: Rc<RefCell<Option<Answer>>> = Rc::default();
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |res, _| resolve = Some(res));
        let filled = slot.clone();
        self.ask(question, move |answer| {
            *filled.borrow_mut() = Some(answer);
            if let Some(resolve) = resolve {
                _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        slot.take()
    }

    /// Sends a message: to the worker, held until it listens, or to the page's own.
    fn send(&self, text: String) {
        let worker = self.0.worker.borrow().clone();
        match worker {
            None => self.on_page(text, None),
            Some(_) if !self.0.ready.get() => self.0.queue.borrow_mut().push(text),
            Some(w) => {
                if w.post_message(&text.into()).is_err() {
                    self.fail();
                }
            }
        }
    }

    /// The page's own worker takes a message, after those before it; `reply` gets the answer
    /// to a question.
    fn on_page(&self, text: String, reply: Option<Reply>) {
        self.0.page_queue.borrow_mut().push_back((text, reply));
        if self.0.busy.replace(true) {
            return;
        }
        let this = self.clone();
        leptos::task::spawn_local(async move {
            loop {
                let next = this.0.page_queue.borrow_mut().pop_front();
                let Some((text, reply)) = next else { break };
                // The first message to the page's own worker brings the whole index with it.
                let full = this
                    .0
                    .local
                    .borrow()
                    .is_none()
                    .then(|| this.index_message(|feed, index| Some(feed.full(index))))
                    .flatten();
                // Without its module (offline before the app was ever fully loaded) there is
                // nobody to answer; the views keep saying they are waiting.
                let answer = answer_on_page(&this.0.local, full, text).await;
                if let (Some(reply), Ok(Some(answer))) = (reply, answer) {
                    if let Some(answer) = read_answer(&answer) {
                        reply(answer);
                    }
                }
            }
            this.0.busy.set(false);
        });
    }

    /// The running worker, started if need be; `None` where it cannot run.
    fn worker(&self) -> Option<web_sys::Worker> {
        if self.0.on_page.get() {
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
            self.fail();
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
                let Some(answer) = read_answer(&text) else {
                    return;
                };
                let waiting = this.0.waiting.borrow_mut().remove(&answer.id());
                if let Some((reply, _)) = waiting {
                    reply(answer);
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

    /// The worker listens: the index goes first, then what waited for it.
    fn listening(&self) {
        self.0.ready.set(true);
        let index = self.index_message(|feed, index| Some(feed.full(index)));
        let queued: Vec<String> = self.0.queue.borrow_mut().drain(..).collect();
        for message in index.into_iter().chain(queued) {
            self.send(message);
        }
    }

    /// The worker failed (its script or wasm did not load, or it threw): the page's own
    /// answers what waits for it, and everything after.
    fn fail(&self) {
        if let Some(w) = self.0.worker.borrow_mut().take() {
            w.terminate();
        }
        self.0.queue.borrow_mut().clear();
        // From here on, every question stays on the page, those waiting first.
        self.0.on_page.set(true);
        let waiting: Vec<_> = self.0.waiting.borrow_mut().drain().collect();
        let mut waiting: Vec<_> = waiting.into_iter().collect();
        waiting.sort_by_key(|(id, _)| *id);
        for (_, (reply, text)) in waiting {
            self.on_page(text, Some(reply));
        }
    }
}

crate::split::later! {
    offload =>
    /// The page's own worker answers a message (made first, with the whole index, `full`):
    /// the answer's text, if it was a question.
    fn answer_on_page(
        local: &RefCell<Option<Offload>>,
        full: Option<String>,
        text: String,
    ) -> Option<String> {
        let mut local = local.borrow_mut();
        let local = local.get_or_insert_with(|| {
            let zones = Zones::default();
            let mut o = Offload::new(Box::new(move |zone, utc| zones.offset_minutes(zone, utc)));
            if let Some(full) = full {
                o.handle(&full);
            }
            o
        });
        local.handle(&text)
    }
}
