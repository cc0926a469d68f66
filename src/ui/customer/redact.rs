//! The redaction choices: keep a hit out (the default) or let it through, and the draft's own
//! "Always redact" words.

use std::sync::atomic::{AtomicU32, Ordering};

use hindsight_core::customer_words as cw;
use hindsight_core::{add_always_redact, remove_always_redact, set_let_through};
use leptos::prelude::*;

use super::parts::Found;
use super::Customer;
use crate::i18n::{customer as words, Ui};

/// Numbers the radio groups, whose `name` must be unique on the page.
static NEXT_GROUP: AtomicU32 = AtomicU32::new(1);

/// One distinct hit of a part: its text and kind, and the choice between "Keep out" and "Let
/// through" (a word of the "Always redact" list has no choice).
#[component]
pub fn HitChoice(c: Customer, found: Found) -> impl IntoView {
    let ui = Ui::get();
    let Found { text, kind } = found;
    let through = {
        let text = text.clone();
        Memo::new(move |_| kind.can_let_through() && c.let_through.with(|l| l.contains(&text)))
    };
    let group = NEXT_GROUP.fetch_add(1, Ordering::Relaxed);
    let legend = view! {
        <bdi class="hit-text">{text.clone()}</bdi>
        " "
        <span class="hit-kind">{ui.t(kind.label())}</span>
    };
    if !kind.can_let_through() {
        return view! {
            <li class="hit-choice always" data-kind=kind.slug()>
                <span class="hit-name">{legend}</span>
                <span class="hint">{ui.t(words::ALWAYS_REDACTED)}</span>
            </li>
        }
        .into_any();
    }
    let name = format!("cv-hit-{group}");
    let choose = move |let_through: bool| {
        let text = text.clone();
        move |_| {
            let text = text.clone();
            c.edit(move |d| set_let_through(d, &text, let_through));
        }
    };
    view! {
        <li class="hit-choice" class:through=move || through.get() data-kind=kind.slug()>
            <fieldset>
                <legend class="hit-name">{legend}</legend>
                <span class="choices">
                    <label class="choice">
                        <input type="radio" name=name.clone() prop:checked=move || !through.get()
                            on:change=choose(false)/>
                        {ui.t(cw::KEEP_OUT)}
                    </label>
                    <label class="choice">
                        <input type="radio" name=name prop:checked=move || through.get()
                            on:change=choose(true)/>
                        {ui.t(cw::LET_THROUGH)}
                    </label>
                </span>
            </fieldset>
        </li>
    }
    .into_any()
}

/// The draft's "Always redact" list: each word with a button to remove it, and a box to add
/// one.
#[component]
pub fn AlwaysRedact(c: Customer) -> impl IntoView {
    let ui = Ui::get();
    let input = NodeRef::<leptos::html::Input>::new();
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
            <Show when=move || c.always.with(Vec::is_empty)>
                <p class="hint">{ui.t(words::NO_WORDS)}</p>
            </Show>
            <ul class="always-words">
                <For each=move || c.always.get() key=|w| w.clone() let:w>
                    {
                        let label = {
                            let w = w.clone();
                            move || ui.fill(words::REMOVE_NAMED, &[&w])
                        };
                        let remove = w.clone();
                        view! {
                            <li>
                                <bdi>{w}</bdi>
                                <button type="button" class="ghost small" aria-label=label
                                    on:click=move |_| {
                                        let w = remove.clone();
                                        c.edit(move |d| remove_always_redact(d, &w));
                                    }>
                                    {ui.t(words::REMOVE)}
                                </button>
                            </li>
                        }
                    }
                </For>
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
