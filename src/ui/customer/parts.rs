//! One part of the customer version: its editor (the user's own text, or the report's until
//! they write some), where it comes from, its text with every internal detail marked, the
//! choice for each one, and, for "What we are doing", the action items' Public checkboxes.

use hindsight_core::customer::words as cw;
use hindsight_core::session::RowList;
use hindsight_core::{
    customer::reset_public_text, customer::set_action_public, customer::set_public_text,
    customer::Hit, customer::Part, render::escape_html_into, ActionItem, ActionType, Choice,
    SectionId, Words,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::redact::HitChoice;
use super::{Customer, Found};
use crate::i18n::{self, customer as words, Ui};
use crate::ui::focus::focus_after_render;

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
    let overridden = Memo::new(move |_| c.part(index, |p| p.overridden));
    let follows = Memo::new(move |_| !overridden.get());
    let text = Memo::new(move |_| c.part(index, |p| p.text.clone()));
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
    let placeholder = ui.t(words::NOTHING_YET);
    let input = if part == Part::Title {
        // The report's title is only a hint: the notice's own is empty until written.
        let hint = Memo::new(move |_| {
            c.ed.read(SectionId::Header, |d| d.header.title.trim().to_owned())
        });
        let placeholder = Signal::derive(move || {
            hint.with(|t| match t.as_str() {
                "" => words::TITLE_PLACEHOLDER.get(ui.lang()).to_owned(),
                t => t.to_owned(),
            })
        });
        view! {
            <input type="text" id=id.clone() lang=c.html_lang placeholder=placeholder
                aria-describedby=source_id.clone() on:input=on_input/>
        }
        .into_any()
    } else {
        view! {
            <textarea id=id.clone() rows=3 lang=c.html_lang placeholder=placeholder
                aria-describedby=source_id.clone() on:input=on_input></textarea>
        }
        .into_any()
    };
    let group_label = label_id.clone();
    let reset_name =
        Signal::derive(move || ui.fill(words::USE_REPORT_TEXT_FOR, &[heading.get(ui.lang())]));
    let badge = Signal::derive(move || {
        let words = if overridden.get() {
            words::EDITED_HERE
        } else if part == Part::Title {
            // The title takes nothing from the report: until written, there is none.
            words::NOT_WRITTEN
        } else {
            words::FROM_REPORT
        };
        words.get(ui.lang()).to_owned()
    });
    view! {
        <div class="customer-card customer-part" role="group" aria-labelledby=group_label
            class:overridden=overridden data-part=slug>
            <div class="part-head">
                <h3><label id=label_id for=id>{ui.t(heading)}</label></h3>
                <span class="badge" class:edited=overridden>{badge}</span>
                <button type="button" class="secondary small" aria-label=reset_name hidden=follows
                    on:click=move |_| {
                        c.edit(move |d| reset_public_text(d, part));
                        // The button hides itself: the focus goes to the part's text.
                        focus_after_render(format!("cv-{slug}"));
                    }>
                    {ui.t(words::USE_REPORT_TEXT)}
                </button>
            </div>
            <p class="hint" id=source_id>{ui.t(source(part))}</p>
            <div class="field part-input" node_ref=node>{input}</div>
            {(part == Part::WhatWeAreDoing).then(|| view! { <PublicActions c=c follows=follows/> })}
            <Hits c=c index=index heading=heading/>
        </div>
    }
}

/// The part's text with every hit marked, and below it one choice per distinct hit.
#[component]
fn Hits(c: Customer, index: usize, heading: Words) -> impl IntoView {
    let ui = Ui::get();
    let found = Memo::new(move |_| {
        c.part(index, |p| {
            let mut found: Vec<Found> = Vec::new();
            for hit in &p.hits {
                let f = Found {
                    text: hit.text.clone(),
                    kind: hit.kind,
                };
                if !found.contains(&f) {
                    found.push(f);
                }
            }
            found
        })
    });
    let none = Memo::new(move |_| found.with(Vec::is_empty));
    let highlighted = Signal::derive(move || {
        let through = c.let_through.get();
        let lang = ui.lang();
        c.part(index, |p| highlight(&p.text, &p.hits, &through, lang))
    });
    let list_name = Signal::derive(move || ui.fill(words::FOUND_IN, &[heading.get(ui.lang())]));
    view! {
        // The list is drawn again only when the part's text changes, never for a choice, so a
        // radio button keeps the focus.
        <div class="hits" hidden=none>
            <div class="highlighted" lang=c.html_lang inner_html=highlighted></div>
            <ul class="hit-choices" aria-label=list_name>
                {move || found.get().into_iter().map(|f| view! { <HitChoice c=c found=f/> }).collect_view()}
            </ul>
        </div>
    }
}

/// Text with each hit in a `<mark>` that names its kind and whether it is redacted, in words
/// as well as colour: HTML in which every piece of user text is escaped.
fn highlight(
    text: &str,
    hits: &[Hit],
    let_through: &[String],
    lang: hindsight_core::Language,
) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut copied = 0;
    for hit in hits {
        let fresh = hit.start >= copied && text.get(hit.start..hit.end) == Some(hit.text.as_str());
        if !fresh {
            continue;
        }
        escape_html_into(&mut out, &text[copied..hit.start]);
        let through = hit.is_let_through(let_through);
        let state = if through {
            cw::LET_THROUGH
        } else {
            cw::REDACTED
        };
        out.push_str(if through {
            "<mark class=\"hit through\" data-kind=\""
        } else {
            "<mark class=\"hit\" data-kind=\""
        });
        out.push_str(hit.kind.slug());
        out.push_str("\"><bdi class=\"hit-text\">");
        escape_html_into(&mut out, &hit.text);
        out.push_str("</bdi><span class=\"hit-kind\">");
        let note = words::HIT_NOTE.fill(lang, &[hit.kind.label().get(lang), state.get(lang)]);
        escape_html_into(&mut out, &note);
        out.push_str("</span></mark>");
        copied = hit.end;
    }
    escape_html_into(&mut out, &text[copied..]);
    out
}

/// The action items' Public checkboxes: which ones "What we are doing" lists.
#[component]
fn PublicActions(c: Customer, follows: Memo<bool>) -> impl IntoView {
    let ui = Ui::get();
    let keys = c.ed.rows().keys(RowList::Actions);
    let some = Memo::new(move |_| keys.with(|k| !k.is_empty()));
    view! {
        <p class="hint note" hidden=follows>{ui.t(words::OWN_DOING_NOTE)}</p>
        <p class="hint" hidden=some>{ui.t(words::NO_ACTIONS)}</p>
        // Rows change only in the form, so the list is drawn again only when the document is.
        <ul class="public-actions">
            {move || keys.get().into_iter().map(|key| view! { <PublicAction c=c key=key/> }).collect_view()}
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
    let read = move |f: &dyn Fn(&ActionItem) -> String| {
        let i = index.get();
        ed.read(SectionId::ActionItems, |d| {
            d.action_items.get(i).map(f).unwrap_or_default()
        })
    };
    let text = Memo::new(move |_| read(&|a| a.action.trim().to_owned()));
    let kind = Memo::new(move |_| read(&|a| a.kind.map_or("", Choice::value).to_owned()));
    let public = Memo::new(move |_| {
        let i = index.get();
        ed.read(SectionId::ActionItems, |d| {
            d.action_items.get(i).is_some_and(ActionItem::is_public)
        })
    });
    let name_id = format!("cv-action-{key}-name");
    let id = format!("cv-action-{key}-public");
    let group_label = name_id.clone();
    let name =
        Signal::derive(move || ui.fill(i18n::ACTION_ITEM_N, &[&(index.get() + 1).to_string()]));
    let action = Signal::derive(move || {
        text.with(|t| match t.as_str() {
            "" => words::NO_ACTION_TEXT.get(ui.lang()).to_owned(),
            t => t.to_owned(),
        })
    });
    let kind = Signal::derive(move || {
        kind.with(|k| ActionType::parse(k).map(|k| k.label(ui.lang()).to_owned()))
            .unwrap_or_default()
    });
    view! {
        <li><div class="public-action" role="group" aria-labelledby=group_label>
            <span class="action-name" id=name_id>{name}</span>
            <span class="action-check">
                <input type="checkbox" id=id.clone()
                    prop:checked=public
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

#[cfg(test)]
mod tests {
    use hindsight_core::{
        customer::customer_version, customer::set_let_through, Language, Postmortem,
    };

    use super::highlight;

    #[test]
    fn hits_are_marked_with_their_kind_and_user_text_stays_text() {
        let mut doc = Postmortem {
            summary: "<b>db-1.corp</b> & 10.0.4.7 \"down\"".into(),
            ..Postmortem::default()
        };
        set_let_through(&mut doc, "10.0.4.7", true);
        let part = &customer_version(&doc)[1];
        let html = highlight(
            &part.text,
            &part.hits,
            &doc.public.let_through,
            Language::En,
        );
        assert_eq!(
            html,
            "&lt;b&gt;<mark class=\"hit\" data-kind=\"internal-host\"><bdi class=\"hit-text\">db-1.corp</bdi>\
<span class=\"hit-kind\">Internal host name · Redacted</span></mark>&lt;/b&gt; &amp; \
<mark class=\"hit through\" data-kind=\"ip-address\"><bdi class=\"hit-text\">10.0.4.7</bdi>\
<span class=\"hit-kind\">IP address · Let through</span></mark> &quot;down&quot;"
        );
    }
}
