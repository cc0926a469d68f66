//! The redaction choices: keep a hit out (the default) or let it through, and the draft's own
//! "Always redact" words.

use std::sync::atomic::{AtomicU32, Ordering};

use hindsight_core::customer::words as cw;
use hindsight_core::{
    customer::add_always_redact, customer::remove_always_redact, customer::set_let_through,
};
use leptos::prelude::*;

use super::{Customer, Found};
use crate::i18n::{customer as words, Ui};
use crate::ui::focus::focus_after_render;

/// Numbers the radio groups, whose `name` must be unique on the page.
static NEXT_GROUP: AtomicU32 = AtomicU32::new(1);

/// One distinct hit of a part: its text and kind, and the choice between "Keep out" and "Let
/// through". A word of the "Always redact" list has no choice: it says so instead.
#[component]
pub fn HitChoice(c: Customer, found: Found) -> impl IntoView {
    let ui = Ui::get();
    let Found { text, kind } = found;
    let fixed = !kind.can_let_through();
    let through = {
        let text = text.clone();
        Memo::new(move |_| !fixed && c.let_through.with(|l| l.contains(&text)))
    };
    let kept = Memo::new(move |_| !through.get());
    let name = format!("cv-hit-{}", NEXT_GROUP.fetch_add(1, Ordering::Relaxed));
    let choose = {
        let text = text.clone();
        move |let_through: bool| {
            let text = text.clone();
            move |_| {
                let text = text.clone();
                c.edit(move |d| set_let_through(d, &text, let_through));
            }
        }
    };
    view! {
        <li class="hit-choice" class:through=through class:always=fixed data-kind=kind.slug()>
            <fieldset>
                <legend class="hit-name">
                    <bdi class="hit-text">{text}</bdi>
                    " "
                    <span class="hit-kind">{ui.t(kind.label())}</span>
                </legend>
                <span class="choices" hidden=fixed>
                    <label class="choice">
                        <input type="radio" name=name.clone() prop:checked=kept
                            on:change=choose(false)/>
                        {ui.t(cw::KEEP_OUT)}
                    </label>
                    <label class="choice">
                        <input type="radio" name=name prop:checked=through
                            on:change=choose(true)/>
                        {ui.t(cw::LET_THROUGH)}
                    </label>
                </span>
                <span class="hint" hidden=!fixed>{ui.t(words::ALWAYS_REDACTED)}</span>
            </fieldset>
        </li>
    }
}

/// The draft's "Always redact" list: each word with a button to remove it, and a box to add
/// one.
#[component]
pub fn AlwaysRedact(c: Customer) -> impl IntoView {
    let ui = Ui::get();
    let input = NodeRef::<leptos::html::Input>::new();
    let some = Memo::new(move |_| c.always.with(|w| !w.is_empty()));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = input.get() else { return };
        let w = input.value();
        if w.trim().is_empty() {
            return;
        }
        c.edit(move |d| add_always_redact(d, &w));
        input.set_value("");
    };
    view! {
        <div class="customer-card always-redact" role="group" aria-labelledby="cv-always-title">
            <h3 id="cv-always-title">{ui.t(cw::ALWAYS_REDACT)}</h3>
            <p class="hint">{ui.t(words::ALWAYS_INTRO)}</p>
            <p class="hint" hidden=some>{ui.t(words::NO_WORDS)}</p>
            <ul class="always-words">
                {move || c.always.get().into_iter().map(|w| {
                        let label = {
                            let w = w.clone();
                            Signal::derive(move || ui.fill(words::REMOVE_NAMED, &[&crate::i18n::isolate_name(&w)]))
                        };
                        let remove = w.clone();
                        view! {
                            <li>
                                <bdi>{w}</bdi>
                                <button type="button" class="ghost small" aria-label=label
                                    on:click=move |_| {
                                        let w = remove.clone();
                                        c.edit(move |d| remove_always_redact(d, &w));
                                        // The button goes with its word: the focus goes to the box.
                                        focus_after_render("cv-always-word".into());
                                    }>
                                    {ui.t(words::REMOVE)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
            </ul>
            <form class="always-add" on:submit=add>
                <div class="field">
                    <label for="cv-always-word">{ui.t(words::WORD_OR_DOMAIN)}</label>
                    <input type="text" id="cv-always-word" autocomplete="off" node_ref=input/>
                </div>
                <button type="submit" class="secondary">{ui.t(cw::ALWAYS_REDACT)}</button>
            </form>
        </div>
    }
}
