//! One part of the customer version: its editor (the user's own text, or the report's until
//! they write some), where it comes from, its text with every internal detail marked, the
//! choice for each one, and, for "What we are doing", the action items' Public checkboxes.

use hindsight_core::customer_words as cw;
use hindsight_core::session::RowList;
use hindsight_core::{
    reset_public_text, set_action_public, set_public_text, Choice, Hit, Part, PublicPart,
    SectionId, Words,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::redact::HitChoice;
use super::Customer;
use crate::i18n::{self, customer as words, Ui};

/// Where a part's text comes from, said under its label.
fn source(part: Part) -> Words {
    match part {
        Part::Title => words::SOURCE_TITLE,
        Part::WhatHappened => words::SOURCE_WHAT_HAPPENED,
        Part::WhoWasAffected => words::SOURCE_WHO,
        Part::When => words::SOURCE_WHEN,
        Part::WhatWeAreDoing => words::SOURCE_DOING,
        Part::Notice => words::SOURCE_NOTICE,
    }
}

/// Lets a text area grow with its text, up to a limit the stylesheet sets.
fn grow(area: &web_sys::HtmlTextAreaElement) {
    let style = web_sys::HtmlElement::style(area);
    let _ = style.set_property("height", "auto");
    let _ = style.set_property("height", &format!("{}px", area.scroll_height() + 2));
}

/// Puts the part's text into its control when it differs from what the control holds: after
/// a reset, a Public checkbox or another draft, never while the user types (what they type is
/// what the document then holds, so nothing is set and no caret moves).
fn sync_value(wrapper: &web_sys::HtmlElement, text: &str) {
    let Ok(Some(el)) = wrapper.query_selector("input, textarea") else {
        return;
    };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.value() != text {
            input.set_value(text);
        }
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        if area.value() != text {
            area.set_value(text);
        }
        grow(area);
    }
}

/// The editor of one part, in a group named by the part.
#[component]
pub fn PartEditor(c: Customer, index: usize) -> impl IntoView {
    let ui = Ui::get();
    let part = Part::ALL[index];
    let data = Memo::new(move |_| c.parts.with(|p| p.get(index).cloned()));
    let overridden = Memo::new(move |_| data.with(|p| p.as_ref().is_some_and(|p| p.overridden)));
    let text =
        Memo::new(move |_| data.with(|p| p.as_ref().map(|p| p.text.clone()).unwrap_or_default()));
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let text = text.get();
        if let Some(wrapper) = node.get() {
            sync_value(&wrapper, &text);
        }
    });
    let slug = part.slug();
    let id = format!("cv-{slug}");
    let label_id = format!("cv-{slug}-label");
    let source_id = format!("cv-{slug}-source");
    let heading = part.heading();
    let on_input = move |ev: leptos::ev::Event| {
        if let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            grow(&area);
        }
        let value = event_target_value(&ev);
        c.edit(move |d| set_public_text(d, part, &value));
    };
    let lang = move || c.lang.get().html_lang();
    let placeholder = ui.t(words::NOTHING_YET);
    let input = if part == Part::Title {
        view! {
            <input type="text" id=id.clone() lang=lang placeholder=placeholder
                aria-describedby=source_id.clone() on:input=on_input/>
        }
        .into_any()
    } else {
        view! {
            <textarea id=id.clone() rows=3 lang=lang placeholder=placeholder
                aria-describedby=source_id.clone() on:input=on_input></textarea>
        }
        .into_any()
    };
    let group_label = label_id.clone();
    let reset_name = move || ui.fill(words::USE_REPORT_TEXT_FOR, &[heading.get(ui.lang())]);
    view! {
        <div class="customer-card customer-part" role="group" aria-labelledby=group_label
            class:overridden=move || overridden.get() data-part=slug>
            <div class="part-head">
                <h3><label id=label_id for=id>{ui.t(heading)}</label></h3>
                <span class="badge" class:edited=move || overridden.get()>
                    {move || if overridden.get() { words::EDITED_HERE.get(ui.lang()) } else { words::FROM_REPORT.get(ui.lang()) }}
                </span>
                <Show when=move || overridden.get()>
                    <button type="button" class="secondary small" aria-label=reset_name
                        on:click=move |_| c.edit(move |d| reset_public_text(d, part))>
                        {ui.t(words::USE_REPORT_TEXT)}
                    </button>
                </Show>
            </div>
            <p class="hint" id=source_id>{ui.t(source(part))}</p>
            <div class="field part-input" node_ref=node>{input}</div>
            {(part == Part::WhatWeAreDoing).then(|| view! { <PublicActions c=c overridden=overridden/> })}
            <Hits c=c data=data heading=heading/>
        </div>
    }
}

/// One internal detail's text and kind, as the view lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Found {
    /// The hit's text.
    pub text: String,
    /// What it is.
    pub kind: hindsight_core::HitKind,
}

/// The part's text with every hit marked, and below it one choice per distinct hit.
#[component]
fn Hits(c: Customer, data: Memo<Option<PublicPart>>, heading: Words) -> impl IntoView {
    let ui = Ui::get();
    let found = Memo::new(move |_| {
        let mut found: Vec<Found> = Vec::new();
        data.with(|p| {
            for hit in p.iter().flat_map(|p| &p.hits) {
                let f = Found {
                    text: hit.text.clone(),
                    kind: hit.kind,
                };
                if !found.contains(&f) {
                    found.push(f);
                }
            }
        });
        found
    });
    let highlighted = move || {
        let through = c.let_through.get();
        let lang = ui.lang();
        data.with(|p| {
            p.as_ref()
                .map(|p| highlight(&p.text, &p.hits, &through, lang))
                .unwrap_or_default()
        })
    };
    let list_name = move || ui.fill(words::FOUND_IN, &[heading.get(ui.lang())]);
    view! {
        <Show when=move || found.with(|f| !f.is_empty())>
            <div class="highlighted" lang=move || c.lang.get().html_lang()>{highlighted}</div>
            <ul class="hit-choices" aria-label=list_name>
                <For each=move || found.get() key=|f| f.clone() let:f>
                    <HitChoice c=c found=f/>
                </For>
            </ul>
        </Show>
    }
}

/// Text with each hit in a `<mark>` that names its kind and whether it is redacted, in words
/// as well as colour.
fn highlight(
    text: &str,
    hits: &[Hit],
    let_through: &[String],
    lang: hindsight_core::Language,
) -> Vec<AnyView> {
    let mut out = Vec::new();
    let mut copied = 0;
    for hit in hits {
        let fresh = hit.start >= copied && text.get(hit.start..hit.end) == Some(hit.text.as_str());
        if !fresh {
            continue;
        }
        out.push(text[copied..hit.start].to_owned().into_any());
        let through = hit.is_let_through(let_through);
        let state = if through {
            cw::LET_THROUGH
        } else {
            cw::REDACTED
        };
        let note = words::HIT_NOTE.fill(lang, &[hit.kind.label().get(lang), state.get(lang)]);
        out.push(
            view! {
                <mark class="hit" class:through=through data-kind=hit.kind.slug()>
                    <bdi class="hit-text">{hit.text.clone()}</bdi>
                    <span class="hit-kind">{note}</span>
                </mark>
            }
            .into_any(),
        );
        copied = hit.end;
    }
    out.push(text[copied..].to_owned().into_any());
    out
}

/// The action items' Public checkboxes: which ones "What we are doing" lists.
#[component]
fn PublicActions(c: Customer, overridden: Memo<bool>) -> impl IntoView {
    let ui = Ui::get();
    let keys = c.ed.rows().keys(RowList::Actions);
    view! {
        <Show when=move || overridden.get()>
            <p class="hint note">{ui.t(words::OWN_DOING_NOTE)}</p>
        </Show>
        <Show when=move || keys.with(Vec::is_empty)>
            <p class="hint">{ui.t(words::NO_ACTIONS)}</p>
        </Show>
        <ul class="public-actions">
            <For each=move || keys.get() key=|k| *k let:key>
                <PublicAction c=c key=key/>
            </For>
        </ul>
    }
}

/// One action item: a group named "Action item 2" with its "Public" checkbox, its text and
/// its type.
#[component]
fn PublicAction(c: Customer, key: u32) -> impl IntoView {
    let ui = Ui::get();
    let ed = c.ed;
    let keys = ed.rows().keys(RowList::Actions);
    let index = Memo::new(move |_| keys.with(|k| k.iter().position(|x| *x == key).unwrap_or(0)));
    let item = Memo::new(move |_| {
        let i = index.get();
        ed.read(SectionId::ActionItems, |d| {
            d.action_items
                .get(i)
                .map(|a| (a.action.clone(), a.kind, a.is_public()))
        })
    });
    let name_id = format!("cv-action-{key}-name");
    let id = format!("cv-action-{key}-public");
    let group_label = name_id.clone();
    let name = move || ui.fill(i18n::ACTION_ITEM_N, &[&(index.get() + 1).to_string()]);
    let action = move || {
        item.with(|i| match i {
            Some((text, _, _)) if !text.trim().is_empty() => text.clone(),
            _ => words::NO_ACTION_TEXT.get(ui.lang()).to_owned(),
        })
    };
    let kind = move || item.with(|i| i.as_ref().map(|(_, k, _)| k.label(ui.lang())));
    view! {
        <li><div class="public-action" role="group" aria-labelledby=group_label>
            <span class="action-name" id=name_id>{name}</span>
            <span class="action-check">
                <input type="checkbox" id=id.clone()
                    prop:checked=move || item.with(|i| i.as_ref().is_some_and(|(_, _, p)| *p))
                    on:change=move |ev| {
                        let public = event_target_checked(&ev);
                        let i = index.get_untracked();
                        ed.edit_sections(&[SectionId::ActionItems], move |d| {
                            if let Some(item) = d.action_items.get_mut(i) {
                                set_action_public(item, public);
                            }
                        });
                    }/>
                <label for=id>{ui.t(cw::PUBLIC)}</label>
            </span>
            <bdi class="action-text">{action}</bdi>
            <span class="badge">{kind}</span>
        </div></li>
    }
}
