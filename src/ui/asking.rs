//! A question the worker answers about the open draft (its review, its customer version),
//! asked again once the draft has not changed for [`ASK_AFTER_MS`], in an idle moment: while
//! someone types, the page writes no question at all (a 500 KB draft takes milliseconds to
//! write down), so typing never waits for it. Only an answer about the draft
//! as it still is counts; one about an older revision is dropped, since a newer question is
//! on its way.

use std::time::Duration;

use hindsight_core::offload::Answer;
use leptos::prelude::*;

use crate::adapters::background::Background;
use crate::adapters::platform;

/// How long the draft must rest before the question goes to the worker.
const ASK_AFTER_MS: u64 = 200;

/// How long a question may wait for an idle moment.
const ASK_IDLE_WITHIN_MS: u32 = 300;

/// The last answer to one question, kept current as the draft changes.
pub struct Asking<T: Send + Sync + 'static> {
    /// The last answer that was about the draft as it was then; `None` until the first.
    pub answer: RwSignal<Option<T>>,
    /// Whether `answer` is about the draft as it is now.
    pub current: Memo<bool>,
    revision: RwSignal<u32>,
    answered_at: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Asking<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Asking<T> {}

impl<T: Send + Sync + 'static> Asking<T> {
    /// Asks `question` (written with the number its answer will carry) whenever what
    /// `watch` tracks changes and `watch` says a question is due; `read` takes the value out
    /// of the answer.
    pub fn start(
        watch: impl Fn() -> bool + 'static,
        question: impl Fn(u32) -> String + Copy + 'static,
        read: impl Fn(Answer) -> Option<T> + Copy + 'static,
    ) -> Self {
        let background = expect_context::<StoredValue<Background, LocalStorage>>();
        let answer = RwSignal::new(None);
        let revision = RwSignal::new(0u32);
        let answered_at = RwSignal::new(u32::MAX);
        let ask = move || {
            // The view that asked may be gone by the idle moment (the customer view closed).
            let Some(asked_at) = revision.try_get_untracked() else {
                return;
            };
            background.with_value(|b| {
                b.ask(question, move |reply| {
                    let Some(value) = read(reply) else {
                        return;
                    };
                    if revision.try_get_untracked() == Some(asked_at) {
                        answer.set(Some(value));
                        answered_at.set(asked_at);
                    }
                })
            });
        };
        let timer: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
        Effect::new(move |_| {
            if !watch() {
                return;
            }
            revision.update(|r| *r = r.wrapping_add(1));
            if let Some(pending) = timer.get_value() {
                pending.clear();
            }
            let handle = set_timeout_with_handle(
                move || {
                    _ = timer.try_set_value(None);
                    platform::when_idle(ASK_IDLE_WITHIN_MS, ask);
                },
                Duration::from_millis(ASK_AFTER_MS),
            );
            timer.set_value(handle.ok());
        });
        on_cleanup(move || {
            if let Some(Some(pending)) = timer.try_get_value() {
                pending.clear();
            }
        });
        let current = Memo::new(move |_| answered_at.get() == revision.get());
        Self {
            answer,
            current,
            revision,
            answered_at,
        }
    }

    /// Forgets the last answer (another draft opened): none until the next.
    pub fn forget(self) {
        self.answer.set(None);
    }

    /// An answer worked out here, about the draft as it is now.
    pub fn set_now(self, value: T) {
        self.answer.set(Some(value));
        self.answered_at.set(self.revision.get_untracked());
    }
}
