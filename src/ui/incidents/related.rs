//! Related incidents (相關事件): the drafts that share a cause with one, and why. Shown in
//! the editor under Trigger and root causes (for the open draft as it is typed), and in the
//! overview for every draft. Both lists are HTML from the core's `incidents::html`, read by
//! one click listener each.

use hindsight_core::incidents::html::{also_in_links, related_list_html, related_overview_html};
use hindsight_core::incidents::{
    related, summarize_doc, translations_of, words as t, Related, Summary, FOLDER_ID_PREFIX,
};
use hindsight_core::offload::{related_request, Answer};
use hindsight_core::SectionId;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::links::{open_draft, show_folder_entry, AppLinks};
use super::{all_summaries, Folder};
use crate::adapters::background::Background;
use crate::i18n::{incidents as words, Ui};
use crate::state::Editor;
use crate::ui::views::{View, Views};

/// The summaries an answer was computed from, and each one's related incidents.
type Answered = (Vec<Summary>, Vec<Vec<Related>>);

/// Most related incidents listed under one draft; the overview has the rest.
const SHOWN: usize = 8;

/// The element a click landed in that matches `selector`, if any.
fn clicked(ev: &leptos::ev::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(selector).ok().flatten())
}

/// Follows a related incident's link (`a[data-id]`): its draft in the editor, or its
/// postmortem in the folder. A click with a modifier is left to the browser (a new tab, …).
fn follow(ev: &leptos::ev::MouseEvent, link: &web_sys::Element) {
    if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    let Some(id) = link.get_attribute("data-id") else {
        return;
    };
    ev.prevent_default();
    let views = Views::get();
    match id.strip_prefix(FOLDER_ID_PREFIX) {
        Some(path) if link.has_attribute("data-folder") => {
            show_folder_entry(Folder::get(), views, path)
        }
        _ => open_draft(expect_context::<Editor>(), views, &id),
    }
}

/// The open draft's related incidents, as it is typed: a list named "Related incidents".
#[component]
pub fn RelatedInDraft() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let views = Views::get();
    // Only what relating reads: typing elsewhere computes nothing again.
    let me = Memo::new(move |_| {
        let id = ed.open_id().get().unwrap_or_default();
        ed.read(SectionId::Header, |_| ());
        let s = ed.read(SectionId::Causes, |d| summarize_doc(&id, d));
        Summary {
            id: s.id,
            title: s.title,
            incident_id: s.incident_id,
            tags: s.tags,
            cause_words: s.cause_words,
            recurrence: s.recurrence,
            language: s.language,
            ..Summary::default()
        }
    });
    let others = all_summaries(ed, Folder::get());
    let html = move || {
        let lang = ui.lang();
        // This incident in its other language first: never a related incident, its version.
        let also = me.with(|me| {
            others.with(|others| also_in_links(&translations_of(me, others), lang, &AppLinks))
        });
        let also = if also.is_empty() {
            also
        } else {
            format!("<p class=\"also-in\">{also}</p>")
        };
        let list = me.with(|me| others.with(|others| related(me, others)));
        if list.is_empty() {
            return format!("{also}<p class=\"hint\">{}</p>", t::NO_RELATED.get(lang));
        }
        let mut html = also + &related_list_html(&list[..list.len().min(SHOWN)], lang, &AppLinks);
        if list.len() > SHOWN {
            let more = words::MORE_RELATED.fill(lang, &[&(list.len() - SHOWN).to_string()]);
            html.push_str(&format!(
                "<p class=\"hint\"><a href=\"?view=incidents\" data-more=\"\">{more}</a></p>"
            ));
        }
        html
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(link) = clicked(&ev, "a[data-id]") {
            follow(&ev, &link);
        } else if clicked(&ev, "a[data-more]").is_some() {
            ev.prevent_default();
            views.open(View::Incidents);
        }
    };
    view! {
        <section class="related" aria-labelledby="related-in-draft-title">
            <h3 id="related-in-draft-title">{ui.t(t::RELATED_INCIDENTS)}</h3>
            <div on:click=on_click inner_html=html></div>
        </section>
    }
}

/// Every incident's related incidents, in the overview: one disclosure per incident, its
/// list drawn when first opened.
#[component]
pub fn RelatedPart(
    /// The drafts' and the folder's summaries.
    summaries: Memo<Vec<Summary>>,
) -> impl IntoView {
    let ui = Ui::get();
    // Comparing every pair of incidents is the overview's heaviest work (a second for a
    // folder of 2,000): the worker does it, and the list shows the latest answer with the
    // summaries it was computed from; an answer to an older question is dropped.
    let background = expect_context::<StoredValue<Background, LocalStorage>>();
    let answered: RwSignal<Option<Answered>, LocalStorage> = RwSignal::new_local(None);
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let now = summaries.get();
        let question = asked.get_value() + 1;
        asked.set_value(question);
        let from = now.clone();
        background.get_value().ask(
            |id| related_request(id, &now, SHOWN),
            move |answer| {
                if let Answer::Related { related, .. } = answer {
                    if asked.try_get_value() == Some(question) {
                        answered.set(Some((from, related)));
                    }
                }
            },
        );
    });
    let html = move || {
        let lang = ui.lang();
        answered.with(|a| match a {
            None => format!(
                "<p class=\"hint\" role=\"status\">{}</p>",
                words::FINDING_RELATED.get(lang)
            ),
            Some((_, lists)) if lists.iter().all(Vec::is_empty) => {
                format!("<p class=\"hint\">{}</p>", t::NONE_RELATED_YET.get(lang))
            }
            Some((s, lists)) => related_overview_html(s, lists, lang, None),
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = clicked(&ev, "summary[data-n], a[data-id]") else {
            return;
        };
        let Some(n) = el
            .get_attribute("data-n")
            .and_then(|n| n.parse::<usize>().ok())
        else {
            follow(&ev, &el);
            return;
        };
        // The list is drawn the first time it opens: the start of what `related` gives,
        // as `related_all` counted it.
        if let Some(body) = el
            .next_element_sibling()
            .filter(|b| b.child_element_count() == 0)
        {
            let lang = ui.lang_untracked();
            answered.with_untracked(|a| {
                let Some((s, _)) = a else { return };
                if let Some(me) = s.get(n) {
                    let list = related(me, s);
                    body.set_inner_html(&related_list_html(
                        &list[..list.len().min(SHOWN)],
                        lang,
                        &AppLinks,
                    ));
                }
            });
        }
    };
    view! {
        <section class="incidents-part" aria-labelledby="related-title">
            <h3 id="related-title">{ui.t(t::RELATED_INCIDENTS)}</h3>
            <p class="hint">{ui.t(t::RELATED_EXPLAINED)}</p>
            <div class="related-all" on:click=on_click inner_html=html></div>
        </section>
    }
}
