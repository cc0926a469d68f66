//! The review panel (`docs/review.md`): a region named "Review" beside the
//! preview, its heading with the counts, each finding with its title as a button that moves
//! the focus to its field or row, Dismiss with a reason, the dismissed findings apart, and the
//! Final gate's dialog.

mod dialogs;
mod state;

use hindsight_core::{
    report::display_title, review::wording, review::Counts, review::Finding, review::Level,
    review::FIRST_WORDS_KEY, Text,
};
use leptos::prelude::*;

use crate::i18n::{review as words, Ui};
use crate::state::Editor;
use crate::ui::focus::focus_after_render;
pub use dialogs::{DismissDialog, FinalGate};
pub use state::ReviewState;

/// The id of the panel's heading, where the focus goes when a finding leaves the list.
const HEADING_ID: &str = "review-heading";

/// The region named "Review": the counts, the open findings, the dismissed ones.
#[component]
pub fn ReviewPanel(
    /// Called before the focus moves into the form (on a phone, to show the form).
    #[prop(into)]
    on_jump: Callback<()>,
) -> impl IntoView {
    let ui = Ui::get();
    let review = ReviewState::get();
    let open = review.open();
    let heading = move || {
        if review.reviewing() {
            return words::REVIEWING.get(ui.lang()).to_owned();
        }
        open.with(|open| {
            let problems = open.iter().filter(|f| f.level == Level::Problem).count();
            let counts = Counts {
                problems,
                suggestions: open.len() - problems,
            };
            ui.text(&counts.heading())
        })
    };
    let dismissed = Memo::new(move |_| review.dismissed());
    let empty = move || !review.reviewing() && open.with(Vec::is_empty);
    view! {
        <section
            class="review"
            id="review-pane"
            aria-label=ui.t(words::REVIEW)
            aria-busy=move || review.reviewing().to_string()
        >
            <h2 id=HEADING_ID tabindex="-1">{heading}</h2>
            <Show when=empty>
                <p class="hint">{ui.t(words::NOTHING_FOUND)}</p>
            </Show>
            <ul class="findings">
                <For each=move || keyed(open.get()) key=|(k, ..)| k.clone() let:item>
                    <FindingItem finding=item.1 cite=item.2 on_jump=on_jump/>
                </For>
            </ul>
            <Show when=move || dismissed.with(|d| !d.is_empty())>
                <h3 class="dismissed-heading">
                    {move || ui.fill(words::DISMISSED_N, &[&dismissed.with(Vec::len).to_string()])}
                </h3>
                // Set aside rarely, so redrawn whole.
                <ul class="findings dismissed">
                    {move || dismissed.get().into_iter().map(|(finding, reason)| view! {
                        <DismissedItem finding=finding reason=reason/>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// Keys that change when a finding's words do, unique even for two findings of one check
/// about one row; and whether the finding is its check's first, which names the source.
fn keyed(findings: Vec<Finding>) -> Vec<(String, Finding, bool)> {
    let mut seen: Vec<String> = Vec::new();
    let mut cited = Vec::new();
    findings
        .into_iter()
        .map(|f| {
            let cite = !cited.contains(&f.check);
            cited.push(f.check);
            let base = format!("{}|{}|{cite}", f.key, f.message.en);
            let n = seen.iter().filter(|s| **s == base).count();
            seen.push(base.clone());
            (format!("{base}|{n}"), f, cite)
        })
        .collect()
}

/// One open finding: its title (a button to its field), its level, where and why, its
/// check's source when it is the check's first, a link to the earlier incident when there is
/// one, and Dismiss.
#[component]
fn FindingItem(finding: Finding, cite: bool, on_jump: Callback<()>) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let review = ReviewState::get();
    let title = finding.title;
    let level = finding.level;
    let target = finding.target;
    let message = finding.message.clone();
    let related = finding.related.clone().map(|id| {
        let of = id.clone();
        let draft_title = move || {
            ed.drafts().with(|d| {
                let title = d
                    .iter()
                    .find(|x| x.id == of)
                    .map_or("", |x| x.title.as_str());
                display_title(title, ui.lang()).to_owned()
            })
        };
        view! {
            <button type="button" class="secondary small" on:click=move |_| {
                on_jump.run(());
                ed.open(&id);
            }>
                {ui.t(words::OPEN_EARLIER)}
                <bdi>{draft_title}</bdi>
            </button>
        }
    });
    let dismissing = finding.clone();
    // The one line before the first words is neither dismissed nor explained: it is all
    // there is to say yet.
    let first_words = finding.key == FIRST_WORDS_KEY;
    let source = finding
        .check
        .source()
        .filter(|_| cite && !first_words)
        .map(|s| Text::with(wording::SOURCE, &[&s.into()]));
    view! {
        <li class="finding" class:problem={level == Level::Problem} class:suggestion={level == Level::Suggestion}>
            <div class="finding-head">
                <button type="button" class="finding-title" on:click=move |_| {
                    on_jump.run(());
                    review.reveal.focus(ed, target);
                }>{ui.t(title)}</button>
                " "
                <span class="level">{ui.t(level.words())}</span>
                <Show when=move || !first_words>
                    <button type="button" class="ghost small dismiss" disabled=move || ed.read_only().get()
                        aria-label=move || ui.fill(words::DISMISS_NAMED, &[title.get(ui.lang())])
                        on:click={
                            let dismissing = dismissing.clone();
                            move |_| review.dismissing.set(Some(dismissing.clone()))
                        }>
                        {ui.t(words::DISMISS)}
                    </button>
                </Show>
            </div>
            <Show when=move || !first_words>
                <p class="why">{
                    let message = message.clone();
                    move || ui.text(&message)
                }</p>
            </Show>
            {source.map(|s| view! { <p class="source hint">{move || ui.text(&s)}</p> })}
            {related.map(|r| view! { <div class="finding-actions">{r}</div> })}
        </li>
    }
}

/// One dismissed finding: its title, the team's reason, and Restore.
#[component]
fn DismissedItem(finding: Finding, reason: String) -> impl IntoView {
    let ui = Ui::get();
    let ed = expect_context::<Editor>();
    let review = ReviewState::get();
    let title = finding.title;
    let keys = finding.keys.clone();
    let place: Text = finding.place.clone();
    view! {
        <li class="finding dismissed">
            <div class="finding-head">
                <span class="finding-title">{ui.t(title)}</span>
                " "
                <span class="place">{move || ui.text(&place)}</span>
                <button type="button" class="ghost small dismiss" disabled=move || ed.read_only().get()
                    aria-label=move || ui.fill(words::RESTORE_NAMED, &[title.get(ui.lang())])
                    on:click=move |_| {
                        review.restore(&keys);
                        focus_after_render(HEADING_ID.to_owned());
                    }>
                    {ui.t(words::RESTORE)}
                </button>
            </div>
            <p class="why">{ui.t(words::REASON_IS)}<bdi>{reason}</bdi></p>
        </li>
    }
}
