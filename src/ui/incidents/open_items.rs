//! Open action items (未完成的行動項目) across every draft: filters, grouping, the list
//! (overdue first, each item linking to its draft and row), Mark done, and the exports.
//!
//! The list is one piece of HTML drawn from the core's [`OpenItems`] (`incidents::html`), with
//! one click listener: a thousand items cost one `innerHTML`, and a change (a filter, an
//! item marked done) draws it anew.

use hindsight_core::incidents::html::{action_text, items_html, nth, option_html};
use hindsight_core::incidents::{
    open_items, open_items_csv, open_items_markdown, words as t, Filters, Grouping, Item, Marked,
    OpenItems, Summary, FOLDER_ID_PREFIX,
};
use hindsight_core::session::MarkFailed;
use hindsight_core::{report::display_title, Choice, Language, Severity, Status, Text, Words};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::links::{
    focus_nth_after_render, open_action_row, show_folder_entry, when_rendered, AppLinks,
};
use super::Folder;
use crate::adapters::{files, platform};
use crate::i18n::{self, incidents as words, Ui};
use crate::state::Editor;
use crate::ui::rich::rich;
use crate::ui::views::Views;

/// The selector of every Mark done button of the list, in list order.
const MARK_BUTTONS: &str = "#open-items-list button.mark-done";

/// How long the Undo toast of Mark done offers its button, as the Undo of a deleted row.
const UNDO_MS: u64 = 10_000;

/// An item just marked done, which the toast's Undo takes back: the item as listed, the
/// row Mark done answered, and what the toast says.
#[derive(Clone)]
struct JustMarked {
    item: Item,
    row: usize,
    text: Text,
}

/// The filters as their `<select>`s hold them; empty means all.
#[derive(Clone, Copy)]
struct Choices {
    tag: RwSignal<String>,
    severity: RwSignal<String>,
    status: RwSignal<String>,
    owner: RwSignal<String>,
    grouping: RwSignal<String>,
}

/// Owner option for the items with no owner; names are prefixed, so none can clash with it.
const UNASSIGNED_VALUE: &str = "-";

impl Choices {
    fn filters(self) -> Filters {
        let some = |s: String| (!s.is_empty()).then_some(s);
        Filters {
            tag: some(self.tag.get()).and_then(|v| v.strip_prefix("t:").map(str::to_owned)),
            severity: Severity::parse(&self.severity.get()),
            status: Status::parse(&self.status.get()),
            owner: some(self.owner.get()).map(|v| match v.strip_prefix("o:") {
                Some(name) => name.to_owned(),
                None => String::new(),
            }),
        }
    }

    fn grouping(self) -> Grouping {
        if self.grouping.get() == "week" {
            Grouping::DueWeek
        } else {
            Grouping::Owner
        }
    }
}

/// Names each once (case ignored), sorted.
fn once(mut list: Vec<String>) -> Vec<String> {
    hindsight_core::sort::sort_by_key(&mut list, |s| s.to_lowercase());
    list.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
    list
}

/// Every tag of the drafts.
fn tags_of(summaries: &[Summary]) -> Vec<String> {
    once(
        summaries
            .iter()
            .flat_map(|s| s.tags.iter().cloned())
            .collect(),
    )
}

/// Every owner of an open item.
fn owners_of(summaries: &[Summary]) -> Vec<String> {
    once(
        summaries
            .iter()
            .flat_map(|s| s.open_actions.iter())
            .map(|a| a.owner.trim().to_owned())
            .filter(|o| !o.is_empty())
            .collect(),
    )
}

/// The options of a list of names (`names` of the summaries), each valued `prefix` and the
/// name, as HTML. Options drawn anew keep the choice they had: the one put in with
/// `selected` is chosen.
/// A filter's options for a choice (severity, status): "all", then each value by its label,
/// the chosen one selected.
fn choice_options<C: Choice>(lang: Language, all: Words, chosen: RwSignal<String>) -> String {
    let chosen = chosen.get_untracked();
    let mut html = option_html("", all.get(lang), chosen.is_empty());
    for c in C::ALL {
        html.push_str(&option_html(c.value(), c.label(lang), chosen == c.value()));
    }
    html
}

fn name_options(
    summaries: Memo<Vec<Summary>>,
    names: fn(&[Summary]) -> Vec<String>,
    prefix: &'static str,
    chosen: RwSignal<String>,
    all: hindsight_core::Words,
) -> impl Fn() -> String + Send + Sync + 'static {
    let ui = Ui::get();
    move || {
        let chosen = chosen.get_untracked();
        let lang = ui.lang();
        let mut html = option_html("", all.get(lang), chosen.is_empty());
        if prefix == "o:" {
            // The items with no owner.
            let unassigned = t::UNASSIGNED.get(lang);
            html.push_str(&option_html(
                UNASSIGNED_VALUE,
                unassigned,
                chosen == UNASSIGNED_VALUE,
            ));
        }
        for name in summaries.with(|s| names(s)) {
            let value = format!("{prefix}{name}");
            html.push_str(&option_html(&value, &name, value == chosen));
        }
        html
    }
}

/// The open action items of every draft, with their filters and exports.
#[component]
pub fn OpenItemsPart(
    /// The drafts' and the folder's summaries.
    summaries: Memo<Vec<Summary>>,
) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let today = platform::today();
    let choices = Choices {
        tag: RwSignal::new(String::new()),
        severity: RwSignal::new(String::new()),
        status: RwSignal::new(String::new()),
        owner: RwSignal::new(String::new()),
        grouping: RwSignal::new("owner".to_owned()),
    };
    let items = Memo::new(move |_| {
        let filters = choices.filters();
        let grouping = choices.grouping();
        summaries.with(|s| open_items(s, &filters, grouping, &today))
    });
    // The exports hold what the filters show: Markdown as a task list per owner, whatever
    // the grouping on screen; CSV one row per item in the list's order.
    let export = move |markdown: bool| {
        let lang = ui.lang_untracked();
        let today = platform::today();
        let stem = format!("{}-{today}", words::OPEN_ITEMS_FILE.get(lang));
        let result = if markdown {
            let filters = untrack(|| choices.filters());
            let by_owner =
                summaries.with_untracked(|s| open_items(s, &filters, Grouping::Owner, &today));
            let text = open_items_markdown(&by_owner, lang);
            files::download(&format!("{stem}.md"), "text/markdown;charset=utf-8", &text)
        } else {
            let text = items.with_untracked(|items| open_items_csv(items, lang));
            files::download(&format!("{stem}.csv"), "text/csv;charset=utf-8", &text)
        };
        if let Err(e) = result {
            ed.warn_text(Text::with(i18n::EXPORT_FAILED, &[&e]));
        }
    };
    let tag_options = name_options(summaries, tags_of, "t:", choices.tag, t::ALL_TAGS);
    let owner_options = name_options(summaries, owners_of, "o:", choices.owner, t::ALL_OWNERS);
    let severity_options =
        move || choice_options::<Severity>(ui.lang(), t::ALL_SEVERITIES, choices.severity);
    let status_options =
        move || choice_options::<Status>(ui.lang(), t::ALL_STATUSES, choices.status);
    let grouping_options = move || {
        let (lang, chosen) = (ui.lang(), choices.grouping.get_untracked());
        option_html("owner", t::BY_OWNER.get(lang), chosen == "owner")
            + &option_html("week", t::BY_DUE_WEEK.get(lang), chosen == "week")
    };
    let html = move || items.with(|i| items_html(i, ui.lang(), &AppLinks, 4));
    let views = Views::get();
    let folder = Folder::get();
    // The Undo toast of the last Mark done; a newer one replaces it, and it goes away after
    // a while, as the Undo of a deleted row does.
    let just_marked = RwSignal::new(None::<JustMarked>);
    let shown = StoredValue::new(0u64);
    let offer_undo = move |marked: JustMarked| {
        shown.update_value(|n| *n += 1);
        let this = shown.get_value();
        just_marked.set(Some(marked));
        set_timeout(
            move || {
                if shown.try_get_value() == Some(this) {
                    just_marked.set(None);
                }
            },
            std::time::Duration::from_millis(UNDO_MS),
        );
    };
    let undo = move |_| {
        let Some(marked) = just_marked.get_untracked() else {
            return;
        };
        just_marked.set(None);
        undo_mark_done(ed, items, &marked, ui.lang_untracked());
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // A click with a modifier opens the link as the browser does (a new tab, …).
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let Some(el) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-n]").ok().flatten())
        else {
            return;
        };
        let Some(item) = el
            .get_attribute("data-n")
            .and_then(|n| n.parse().ok())
            .and_then(|n| items.with_untracked(|i| nth(i, n).cloned()))
        else {
            return;
        };
        if el.tag_name().eq_ignore_ascii_case("a") {
            ev.prevent_default();
            follow(ed, views, folder, &item);
        } else if let Some(marked) = mark_done(ed, &item, &el, ui.lang_untracked()) {
            offer_undo(marked);
        }
    };
    view! {
        <section class="incidents-part" aria-labelledby="open-items-title">
            <h3 id="open-items-title" tabindex="-1">{ui.t(t::OPEN_ACTION_ITEMS)}</h3>
            <p class="counts" aria-live="polite">{move || items.with(|i| i.counts_text(ui.lang()))}</p>
            <div class="item-tools">
                <fieldset class="filters">
                    <legend>{ui.t(words::FILTERS)}</legend>
                    {filter_select("filter-tag", words::TAG, choices.tag, tag_options)}
                    {filter_select("filter-severity", words::SEVERITY, choices.severity, severity_options)}
                    {filter_select("filter-status", words::STATUS, choices.status, status_options)}
                    {filter_select("filter-owner", words::OWNER, choices.owner, owner_options)}
                    {filter_select("group-by", t::GROUP_BY, choices.grouping, grouping_options)}
                </fieldset>
                <div class="exports">
                    <button type="button" class="secondary" on:click=move |_| export(true)>
                        {ui.t(t::DOWNLOAD_MARKDOWN)}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| export(false)>
                        {ui.t(t::DOWNLOAD_CSV)}
                    </button>
                </div>
            </div>
            {move || items.with(|i| empty_note(i, summaries))}
            <div id="open-items-list" on:click=on_click inner_html=html></div>
            <div class="toast-region mark-undo" aria-live="polite">
                {move || just_marked.get().map(|marked| view! {
                    <div class="toast">
                        <span>{move || rich(&ui.text(&marked.text))}</span>
                        <button type="button" class="secondary small" on:click=undo>{ui.t(i18n::UNDO)}</button>
                        <button type="button" class="ghost small" aria-label=ui.t(i18n::DISMISS)
                            on:click=move |_| just_marked.set(None)>"✕"</button>
                    </div>
                })}
            </div>
        </section>
    }
}

/// A labelled `<select>` bound to one of the filters; its options are HTML.
fn filter_select(
    id: &'static str,
    label: hindsight_core::Words,
    value: RwSignal<String>,
    options: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let ui = Ui::get();
    view! {
        <div class="field">
            <label for=id>{ui.t(label)}</label>
            <select id=id inner_html=options on:change=move |ev| value.set(event_target_value(&ev))></select>
        </div>
    }
}

/// Why the list is empty, when it is.
fn empty_note(items: &OpenItems, summaries: Memo<Vec<Summary>>) -> Option<impl IntoView> {
    (items.total == 0).then(|| {
        let ui = Ui::get();
        let any = summaries.with_untracked(|s| s.iter().any(|s| !s.open_actions.is_empty()));
        let text = if any {
            words::NO_MATCHING_ITEMS
        } else {
            t::NO_OPEN_ITEMS
        };
        view! { <p class="hint empty">{ui.t(text)}</p> }
    })
}

/// Follows an item's link: its row in its draft, or its postmortem in the folder.
fn follow(ed: Editor, views: Views, folder: Folder, item: &Item) {
    match item.draft_id.strip_prefix(FOLDER_ID_PREFIX) {
        Some(path) if item.from_folder => show_folder_entry(folder, views, path),
        _ => open_action_row(ed, views, &item.draft_id, item.index),
    }
}

/// The words of the action and of its draft's title, isolated for a sentence.
fn names(item: &Item, lang: Language) -> (String, String) {
    // User text inside the app's sentences is isolated (shown as `<bdi>`).
    (
        i18n::isolate(&action_text(item, lang)),
        i18n::isolate(display_title(&item.draft_title, lang)),
    )
}

/// Says why marking an item done (or not done) failed.
fn say_failed(ed: Editor, failed: MarkFailed, title: &str) {
    match failed {
        // The conflict alert asks which text to keep.
        MarkFailed::Conflict => {}
        MarkFailed::NoDraft => ed.warn_text(Text::new(words::DRAFT_GONE, &[title])),
        MarkFailed::ReadOnly => ed.warn_text(Text::new(words::DRAFT_READ_ONLY, &[title])),
        MarkFailed::Stale => ed.warn_text(Text::new(words::CHANGED_ELSEWHERE, &[title])),
        MarkFailed::Row(why) => ed.warn_text(why),
    }
}

/// Marks an item done in its draft, says how it went, and keeps the focus at its place
/// in the list (`button` is the item's Mark done button). When it was marked, what the
/// Undo toast needs.
fn mark_done(
    ed: Editor,
    item: &Item,
    button: &web_sys::Element,
    lang: Language,
) -> Option<JustMarked> {
    let position = document()
        .query_selector_all(MARK_BUTTONS)
        .ok()
        .and_then(|all| {
            let button: &web_sys::Node = button.unchecked_ref();
            (0..all.length()).find(|i| all.item(*i).as_ref() == Some(button))
        })
        .unwrap_or(0) as usize;
    let (shown, title) = names(item, lang);
    let args = [shown.as_str(), title.as_str()];
    let result = ed.mark_action_done(&item.draft_id, item.index, &item.action);
    focus_nth_after_render(MARK_BUTTONS, position, "open-items-title");
    match result {
        Ok(Marked::Done(row)) => {
            return Some(JustMarked {
                item: item.clone(),
                row,
                text: Text::new(words::MARKED_DONE, &args),
            })
        }
        Ok(_) => ed.info().set(Some(Text::new(words::ALREADY_DONE, &args))),
        Err(failed) => say_failed(ed, failed, &title),
    }
    None
}

/// Undoes a Mark done: the item is not done again in its draft (through the same checks),
/// it is listed again, and the focus returns to its Mark done button.
fn undo_mark_done(ed: Editor, items: Memo<OpenItems>, marked: &JustMarked, lang: Language) {
    let item = &marked.item;
    let (shown, title) = names(item, lang);
    let args = [shown.as_str(), title.as_str()];
    let row = match ed.set_action_done(&item.draft_id, marked.row, &item.action, false) {
        Ok(Marked::Reopened(row)) => {
            ed.info().set(Some(Text::new(words::REOPENED, &args)));
            row
        }
        Ok(m) => {
            ed.info().set(Some(Text::new(words::ALREADY_OPEN, &args)));
            m.row()
        }
        Err(failed) => {
            say_failed(ed, failed, &title);
            marked.row
        }
    };
    // The list is drawn anew with the item back in it: find its button by the item (its
    // draft and row) and check the label, so a button of the list before is never taken.
    let id = item.draft_id.clone();
    let label = t::MARK_DONE_NAMED.fill(lang, &[&action_text(item, lang)]);
    let tries = StoredValue::new(0u32);
    when_rendered(move || {
        tries.update_value(|n| *n += 1);
        let n = items.with_untracked(|i| {
            i.groups
                .iter()
                .flat_map(|g| &g.items)
                .position(|it| it.draft_id == id && it.index == row)
        });
        let button = n.and_then(|n| {
            document()
                .query_selector(&format!("{MARK_BUTTONS}[data-n=\"{n}\"]"))
                .ok()
                .flatten()
                .filter(|b| b.get_attribute("aria-label").as_deref() == Some(label.as_str()))
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        });
        match button {
            Some(button) => {
                let _ = button.focus();
                true
            }
            // Not listed (a filter hides it, or it could not be reopened): the list's heading.
            None if tries.get_value() > 25 => {
                if let Some(heading) = super::links::element("open-items-title") {
                    let _ = heading.focus();
                }
                true
            }
            None => false,
        }
    });
}
