//! Related incidents (相關事件): the drafts that share a cause with one, and why. Shown in
//! the editor under Trigger and root causes (for the open draft as it is typed), and in the
//! overview for every draft.

use hindsight_core::incidents::{
    related, related_all, summarize_doc, words as t, Related, Summary, FOLDER_ID_PREFIX,
};
use hindsight_core::{Language, SectionId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::links::{open_draft, show_folder_entry};
use super::list_html::{incident_name, related_details, related_list_html, related_overview_html};
use super::{all_summaries, Folder};
use crate::i18n::{incidents as words, Ui};
use crate::state::Editor;
use crate::ui::views::{View, Views};

/// Most related incidents listed under one draft; the overview has the rest.
const SHOWN: usize = 8;

/// One related incident: a link to it, and why it is related.
fn related_item(r: &Related, lang: Language) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let views = Views::get();
    let folder = Folder::get();
    let (reasons, meta) = related_details(r, lang);
    let (id, from_folder) = (r.id.clone(), r.from_folder);
    let href = if from_folder {
        "?view=incidents".to_owned()
    } else {
        format!("?draft={id}")
    };
    let follow = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        match id.strip_prefix(FOLDER_ID_PREFIX) {
            Some(path) if from_folder => show_folder_entry(folder, views, path),
            _ => open_draft(ed, views, &id),
        }
    };
    view! {
        <li class="related-item">
            <a href=href on:click=follow><bdi>{incident_name(&r.incident_id, &r.title, lang)}</bdi></a>
            {from_folder.then(|| view! { <span class="badge from-folder">{t::FROM_FOLDER.get(lang)}</span> })}
            <span class="related-why">{reasons}</span>
            <span class="hint">{meta}</span>
        </li>
    }
}

/// The open draft's related incidents, as it is typed: a list named "Related incidents".
#[component]
pub fn RelatedInDraft() -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let views = Views::get();
    let folder = Folder::get();
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
            ..Summary::default()
        }
    });
    let others = all_summaries(ed, folder);
    let list = Memo::new(move |_| me.with(|me| others.with(|others| related(me, others))));
    let body = move || {
        let lang = ui.lang();
        list.with(|list| {
            if list.is_empty() {
                return view! { <p class="hint">{t::NO_RELATED.get(lang)}</p> }.into_any();
            }
            let more = list.len().saturating_sub(SHOWN);
            let items = list
                .iter()
                .take(SHOWN)
                .map(|r| related_item(r, lang))
                .collect_view();
            view! {
                <ul class="related-list">{items}</ul>
                {(more > 0).then(|| view! {
                    <p class="hint">
                        <a href="?view=incidents" on:click=move |ev| {
                            ev.prevent_default();
                            views.open(View::Incidents);
                        }>{words::MORE_RELATED.fill(lang, &[&more.to_string()])}</a>
                    </p>
                })}
            }
            .into_any()
        })
    };
    view! {
        <section class="related" aria-labelledby="related-in-draft-title">
            <h3 id="related-in-draft-title">{ui.t(t::RELATED_INCIDENTS)}</h3>
            {body}
        </section>
    }
}

/// Every incident's related incidents, in the overview: one disclosure per incident, its
/// list drawn when first opened, all of it one piece of HTML (see `list_html`).
#[component]
pub fn RelatedPart(
    /// The drafts' and the folder's summaries.
    summaries: Memo<Vec<Summary>>,
) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let views = Views::get();
    let folder = Folder::get();
    let lists = Memo::new(move |_| summaries.with(|s| related_all(s, SHOWN)));
    let any = Memo::new(move |_| lists.with(|l| l.iter().any(|list| !list.is_empty())));
    let html = move || {
        let lang = ui.lang();
        summaries.with(|s| lists.with(|l| related_overview_html(s, l, lang)))
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("summary[data-n], a[data-id]").ok().flatten())
        else {
            return;
        };
        if let Some(n) = el
            .get_attribute("data-n")
            .and_then(|n| n.parse::<usize>().ok())
        {
            // The list is drawn the first time it opens.
            let lang = ui.lang_untracked();
            if let Some(body) = el
                .next_element_sibling()
                .filter(|b| b.child_element_count() == 0)
            {
                lists.with_untracked(|l| {
                    if let Some(list) = l.get(n) {
                        body.set_inner_html(&related_list_html(list, lang));
                    }
                });
            }
            return;
        }
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(id) = el.get_attribute("data-id") else {
            return;
        };
        ev.prevent_default();
        match id.strip_prefix(FOLDER_ID_PREFIX) {
            Some(path) if el.has_attribute("data-folder") => show_folder_entry(folder, views, path),
            _ => open_draft(ed, views, &id),
        }
    };
    view! {
        <section class="incidents-part" aria-labelledby="related-title">
            <h3 id="related-title">{ui.t(t::RELATED_INCIDENTS)}</h3>
            <p class="hint">{ui.t(words::RELATED_EXPLAINED)}</p>
            <Show when=move || !any.get()>
                <p class="hint">{ui.t(words::NONE_RELATED_YET)}</p>
            </Show>
            <div class="related-all" on:click=on_click inner_html=html></div>
        </section>
    }
}
