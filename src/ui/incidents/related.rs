//! Related incidents (相關事件): the drafts that share a cause with one, and why. Shown in
//! the editor under Trigger and root causes (for the open draft as it is typed), and in the
//! overview for every draft.

use hindsight_core::incidents::{
    related, related_all, summarize_doc, words as t, Related, Summary, FOLDER_ID_PREFIX,
};
use hindsight_core::{display_title, Language, SectionId};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::links::{open_draft, show_folder_entry};
use super::{all_summaries, Folder};
use crate::i18n::{incidents as words, Ui};
use crate::state::Editor;
use crate::ui::views::{View, Views};

/// Most related incidents listed under one draft; the overview has the rest.
const SHOWN: usize = 8;

/// "INC-7 · Title", or the title alone.
fn name_of(incident_id: &str, title: &str, lang: Language) -> String {
    let title = display_title(title, lang);
    match incident_id.trim() {
        "" => title.to_owned(),
        id => format!("{id} · {title}"),
    }
}

/// One related incident: a link to it, and why it is related.
fn related_item(r: &Related, lang: Language) -> impl IntoView {
    let ed = expect_context::<Editor>();
    let views = Views::get();
    let folder = Folder::get();
    let separator = match lang {
        Language::En => "; ",
        Language::ZhTw => "；",
    };
    let reasons = r
        .reasons
        .iter()
        .map(|reason| reason.text(lang))
        .collect::<Vec<_>>()
        .join(separator);
    let mut meta = Vec::new();
    if !r.incident_date.trim().is_empty() {
        meta.push(r.incident_date.trim().to_owned());
    }
    meta.push(words::OPEN_COUNT.fill(lang, &[&r.open_actions.to_string()]));
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
            <a href=href on:click=follow><bdi>{name_of(&r.incident_id, &r.title, lang)}</bdi></a>
            {from_folder.then(|| view! { <span class="badge from-folder">{t::FROM_FOLDER.get(lang)}</span> })}
            <span class="related-why">{reasons}</span>
            <span class="hint">{meta.join(" · ")}</span>
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

/// Every incident's related incidents, in the overview; each list opens on demand.
#[component]
pub fn RelatedPart(
    /// The drafts' and the folder's summaries.
    summaries: Memo<Vec<Summary>>,
) -> impl IntoView {
    let ui = Ui::get();
    let lists = Memo::new(move |_| summaries.with(|s| related_all(s, SHOWN)));
    let body = move || {
        let lang = ui.lang();
        let entries = summaries.with(|summaries| {
            lists.with(|all| {
                summaries
                    .iter()
                    .zip(all)
                    .enumerate()
                    .filter(|(_, (_, list))| !list.is_empty())
                    .map(|(i, (s, list))| related_entry(i, s, list.len(), lists, lang))
                    .collect::<Vec<_>>()
            })
        });
        if entries.is_empty() {
            view! { <p class="hint">{words::NONE_RELATED_YET.get(lang)}</p> }.into_any()
        } else {
            view! { <ul class="related-overview">{entries.into_iter().collect_view()}</ul> }
                .into_any()
        }
    };
    view! {
        <section class="incidents-part" aria-labelledby="related-title">
            <h3 id="related-title">{ui.t(t::RELATED_INCIDENTS)}</h3>
            <p class="hint">{ui.t(words::RELATED_EXPLAINED)}</p>
            {body}
        </section>
    }
}

/// One incident of the overview's list: its name and how many are related; the list itself
/// is drawn when opened, so two hundred incidents cost two hundred lines.
fn related_entry(
    position: usize,
    s: &Summary,
    count: usize,
    lists: Memo<Vec<Vec<Related>>>,
    lang: Language,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    let list = move || {
        opened.get().then(|| {
            lists.with_untracked(|lists| {
                let items = lists
                    .get(position)
                    .map(|list| list.iter().map(|r| related_item(r, lang)).collect_view());
                view! { <ul class="related-list">{items}</ul> }
            })
        })
    };
    let toggled = move |ev: leptos::ev::Event| {
        if let Some(details) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            opened.set(details.has_attribute("open"));
        }
    };
    view! {
        <li>
            <details on:toggle=toggled>
                <summary>
                    <bdi>{name_of(&s.incident_id, &s.title, lang)}</bdi>
                    {s.is_from_folder().then(|| view! { <span class="badge from-folder">{t::FROM_FOLDER.get(lang)}</span> })}
                    <span class="hint">{words::RELATED_COUNT.fill(lang, &[&count.to_string()])}</span>
                </summary>
                {list}
            </details>
        </li>
    }
}
