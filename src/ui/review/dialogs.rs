//! The review's two dialogs: the reason for a dismissal, and the Final gate.

use leptos::prelude::*;

use super::{ReviewState, HEADING_ID};
use crate::i18n::{self, review as words, Ui};
use crate::ui::focus::focus_after_render;

/// Asks why a finding does not apply, then sets it aside in the document.
#[component]
pub fn DismissDialog() -> impl IntoView {
    let review = ReviewState::get();
    view! {
        <Show when=move || review.dismissing.with(Option::is_some)>
            <ReasonForm/>
        </Show>
    }
}

#[component]
fn ReasonForm() -> impl IntoView {
    let ui = Ui::get();
    let review = ReviewState::get();
    let Some(finding) = review.dismissing.get_untracked() else {
        return ().into_any();
    };
    let title = finding.title;
    let keys = finding.keys.clone();
    let reason = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    let close = Callback::new(move |_: ()| review.dismissing.set(None));
    view! {
        <crate::ui::modal::Modal labelled_by="dismiss-title" on_close=close>
            <h2 id="dismiss-title">{move || ui.fill(words::DISMISS_NAMED, &[title.get(ui.lang())])}</h2>
            <p class="why">{move || ui.text(&finding.message)}</p>
            // The form checks the reason itself: the browser's `required` lets a reason of
            // spaces through and says nothing in the UI's language.
            <form class="reason-form" novalidate=true on:submit=move |ev| {
                ev.prevent_default();
                let text = reason.get_untracked().trim().to_owned();
                if text.is_empty() {
                    invalid.set(true);
                    focus_after_render("dismiss-reason".to_owned());
                    return;
                }
                review.dismiss(keys.clone(), text);
                review.dismissing.set(None);
                focus_after_render(HEADING_ID.to_owned());
            }>
                <div class="field">
                    <label for="dismiss-reason">{ui.t(words::REASON)}</label>
                    <input type="text" id="dismiss-reason" required=true
                        aria-invalid=move || invalid.get().then_some("true")
                        aria-describedby=move || if invalid.get() {
                            "dismiss-reason-error dismiss-reason-hint"
                        } else {
                            "dismiss-reason-hint"
                        }
                        on:input=move |ev| {
                            reason.set(event_target_value(&ev));
                            invalid.set(false);
                        }/>
                    <Show when=move || invalid.get()>
                        <p class="field-error" id="dismiss-reason-error" role="alert">{ui.t(words::REASON_NEEDED)}</p>
                    </Show>
                    <p class="hint" id="dismiss-reason-hint">{ui.t(words::REASON_HINT)}</p>
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{ui.t(words::DISMISS)}</button>
                    <button type="button" class="secondary" on:click=move |_| close.run(())>
                        {ui.t(i18n::CANCEL)}
                    </button>
                </div>
            </form>
        </crate::ui::modal::Modal>
    }
    .into_any()
}

/// The Final gate: Status set to Final while problems remain lists them, and asks.
#[component]
pub fn FinalGate() -> impl IntoView {
    let review = ReviewState::get();
    view! {
        <Show when=move || review.gate.with(Option::is_some)>
            <GateDialog/>
        </Show>
    }
}

#[component]
fn GateDialog() -> impl IntoView {
    let ui = Ui::get();
    let review = ReviewState::get();
    let count = move || {
        let n = review.problems().len();
        if n == 1 {
            words::GATE_ONE.get(ui.lang()).to_owned()
        } else {
            ui.fill(words::GATE_MANY, &[&n.to_string()])
        }
    };
    let keep = Callback::new(move |_: ()| review.keep_reviewing());
    view! {
        <crate::ui::modal::Modal labelled_by="gate-title" on_close=keep>
            <h2 id="gate-title">{ui.t(words::GATE_TITLE)}</h2>
            <p id="gate-count">{count}</p>
            // A long list scrolls on its own, so the two choices stay in view.
            <ul class="gate-problems" tabindex="0" aria-labelledby="gate-count">
                {move || review.problems().into_iter().map(|f| {
                    let title = f.title;
                    let place = f.place.clone();
                    view! {
                        <li><strong>{ui.t(title)}</strong>" · "<span>{move || ui.text(&place)}</span></li>
                    }
                }).collect_view()}
            </ul>
            <p class="hint">{ui.t(words::GATE_NOTE)}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| review.keep_reviewing()>
                    {ui.t(words::KEEP_REVIEWING)}
                </button>
                <button type="button" class="secondary" on:click=move |_| review.mark_final()>
                    {ui.t(words::MARK_FINAL)}
                </button>
            </div>
        </crate::ui::modal::Modal>
    }
}
