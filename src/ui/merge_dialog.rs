//! "Changed in another tab and here" / "Changed in the folder and here": the conflicts of a
//! merge, each with the base and both texts, and a choice per conflict. Everything only one
//! side changed is merged before the dialog opens.

use hindsight_core::merge::{Conflict, Side};
use hindsight_core::session::MergeSource;
use leptos::prelude::*;

use crate::i18n::{self, merge as words, Ui};
use crate::state::Editor;
use crate::ui::modal::Modal;

/// The merge dialog, open while a merge waits and the user has not set it aside.
#[component]
pub fn MergeDialog() -> impl IntoView {
    let ed = expect_context::<Editor>();
    let open = move || ed.merge_open().get() && ed.merge().with(Option::is_some);
    view! {
        <Show when=open>
            {move || ed.merge().get().map(|m| view! { <MergeBody source=m.source conflicts=m.conflicts/> })}
        </Show>
    }
}

#[component]
fn MergeBody(source: MergeSource, conflicts: Vec<Conflict>) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let choices = RwSignal::new(vec![Side::Mine; conflicts.len()]);
    let (title, changed, take, theirs) = match source {
        MergeSource::OtherTab => (
            words::MERGE_TITLE_TAB,
            words::CHANGED_BOTH_TAB,
            words::TAKE_TAB,
            words::THEIRS_TAB,
        ),
        MergeSource::Folder => (
            words::MERGE_TITLE_FOLDER,
            words::CHANGED_BOTH_FOLDER,
            words::TAKE_FOLDER,
            words::THEIRS_FOLDER,
        ),
    };
    let items = conflicts
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let place = c.place();
            let name = format!("merge-choice-{i}");
            let text = move |t: &hindsight_core::Text| {
                let s = ui.text(t);
                if s.trim().is_empty() {
                    words::EMPTY_TEXT.get(ui.lang()).to_owned()
                } else {
                    s
                }
            };
            let (base, mine, other) = (c.base.clone(), c.mine.clone(), c.theirs.clone());
            let pick = move |side: Side| {
                move |_| choices.update(|v| {
                    if let Some(slot) = v.get_mut(i) {
                        *slot = side;
                    }
                })
            };
            let chosen = move |side: Side| move || choices.with(|v| v.get(i) == Some(&side));
            view! {
                <li class="merge-conflict">
                    <fieldset>
                        <legend class="merge-place">
                            {move || ui.fill(changed, &[&ui.text(&place)])}
                        </legend>
                        <div class="merge-texts">
                            <div class="merge-text base">
                                <h4>{ui.t(words::BASE)}</h4>
                                <pre>{move || text(&base)}</pre>
                            </div>
                            <div class="merge-text mine">
                                <h4>{ui.t(words::MINE)}</h4>
                                <pre>{move || text(&mine)}</pre>
                            </div>
                            <div class="merge-text theirs">
                                <h4>{ui.t(theirs)}</h4>
                                <pre>{move || text(&other)}</pre>
                            </div>
                        </div>
                        <div class="merge-choice">
                            <label>
                                <input type="radio" name=name.clone() prop:checked=chosen(Side::Mine)
                                    on:change=pick(Side::Mine)/>
                                {ui.t(words::KEEP_MINE)}
                            </label>
                            <label>
                                <input type="radio" name=name prop:checked=chosen(Side::Theirs)
                                    on:change=pick(Side::Theirs)/>
                                {ui.t(take)}
                            </label>
                        </div>
                    </fieldset>
                </li>
            }
        })
        .collect_view();
    view! {
        <Modal labelled_by="merge-title" on_close=move |_| ed.merge_open().set(false)>
            <h2 id="merge-title">{ui.t(title)}</h2>
            <p>{ui.t(words::MERGE_INTRO)}</p>
            <ol class="merge-conflicts">{items}</ol>
            <div class="actions">
                <button type="button" class="primary" autofocus
                    on:click=move |_| ed.resolve_merge(&choices.get_untracked())>
                    {ui.t(words::APPLY_CHOICES)}
                </button>
                <button type="button" class="secondary" on:click=move |_| ed.resolve_conflict(true)>
                    {ui.t(i18n::KEEP_BOTH)}
                </button>
            </div>
        </Modal>
    }
}
