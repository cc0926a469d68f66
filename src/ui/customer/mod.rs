//! The Customer version view: the public notice derived from the internal report, each part
//! editable as a public override of its own, every internal detail shown for a decision, the
//! redacted preview and its exports.
//!
//! The view keeps no copy of the document: every part, hit and choice is read from it through
//! the core (`customer_version`, `customer_markdown`), and every change goes back into it.
//! The scanners run in the worker, a moment after each change (`ui::asking`): typing in a
//! part never waits for them, and "Looking for internal details…" shows until they first
//! answer.

mod export;
mod parts;
mod redact;

use hindsight_core::customer::words as cw;
use hindsight_core::offload::{customer_request, Answer};
use hindsight_core::{
    customer::Part, customer::PublicPart, render::render_html_in, Choice, Language, Postmortem,
    SectionId,
};
use leptos::prelude::*;

use crate::i18n::{customer as words, views as view_words, Ui};
use crate::state::Editor;
use crate::ui::asking::Asking;
use crate::ui::views::Views;

/// One internal detail's text and kind, as the view lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Found {
    /// The hit's text.
    pub text: String,
    /// What it is.
    pub kind: hindsight_core::customer::HitKind,
}

/// What every part of the view reads: derived from the open document, tracked on any section
/// (the customer version draws on several, and its own overrides notify them all).
#[derive(Clone, Copy)]
struct Customer {
    ed: Editor,
    /// Every part with its text and hits, in [`Part::ALL`]'s order, and the redacted
    /// Markdown: the worker's last answer about the draft.
    scanned: Asking<(Vec<PublicPart>, String)>,
    /// The parts alone (none until the first answer).
    parts: Memo<Vec<PublicPart>>,
    /// The hit texts the user let through.
    let_through: Memo<Vec<String>>,
    /// The draft's own "Always redact" words.
    always: Memo<Vec<String>>,
    /// The report's language.
    lang: Memo<Language>,
    /// Its `lang` tag, for what is written in it.
    html_lang: Memo<&'static str>,
}

impl Customer {
    fn new(ed: Editor) -> Self {
        let scanned = Asking::start(
            move || read_all(ed, |_| true),
            move |id| ed.peek(|d| customer_request(id, d)),
            |answer| match answer {
                Answer::Customer {
                    parts, markdown, ..
                } => Some((parts, markdown)),
                _ => None,
            },
        );
        Self {
            ed,
            scanned,
            parts: Memo::new(move |_| {
                scanned.answer.with(|a| {
                    a.as_ref()
                        .map(|(parts, _)| parts.clone())
                        .unwrap_or_default()
                })
            }),
            let_through: Memo::new(move |_| read_all(ed, |d| d.public.let_through.clone())),
            always: Memo::new(move |_| read_all(ed, |d| d.public.always_redact.clone())),
            lang: Memo::new(move |_| ed.read(SectionId::Header, |d| d.language)),
            html_lang: Memo::new(move |_| ed.read(SectionId::Header, |d| d.language.html_lang())),
        }
    }

    /// Reads one part, tracked.
    fn part<T: Default>(self, index: usize, f: impl FnOnce(&PublicPart) -> T) -> T {
        self.parts.with(|p| p.get(index).map(f).unwrap_or_default())
    }

    /// Applies a change to the customer version and schedules its write.
    fn edit(self, change: impl FnOnce(&mut Postmortem)) {
        self.ed.edit_sections(&SectionId::ALL, change);
    }
}

/// Reads the document, subscribing to every section.
fn read_all<T>(ed: Editor, f: impl FnOnce(&Postmortem) -> T) -> T {
    for section in SectionId::ALL {
        ed.read(section, |_| ());
    }
    ed.peek(f)
}

/// The region named "Customer version".
#[component]
pub fn CustomerView() -> impl IntoView {
    let ui = Ui::get();
    let views = Views::get();
    let ed = expect_context::<Editor>();
    let c = Customer::new(ed);
    let html = Memo::new(move |_| {
        let lang = c.lang.get();
        c.scanned.answer.with(|a| {
            a.as_ref()
                .map(|(_, md)| render_html_in(md, lang))
                .unwrap_or_default()
        })
    });
    let intro = Signal::derive(move || ui.fill(words::INTRO, &[c.lang.get().label(ui.lang())]));
    view! {
        <section class="view customer-view" aria-labelledby="customer-title">
            <div class="view-head">
                <h2 id="customer-title">{ui.t(view_words::CUSTOMER_VERSION)}</h2>
                <button type="button" class="secondary" on:click=move |_| views.back()>
                    {ui.t(view_words::BACK_TO_EDITOR)}
                </button>
            </div>
            <p class="hint customer-intro">{intro}</p>
            <export::ExportBar/>
            <Counts c=c/>
            <div class="customer-grid">
                // A disabled fieldset disables every control of a read-only draft at once.
                <fieldset class="customer-parts" disabled=ed.read_only()>
                    <legend class="visually-hidden">{ui.t(words::PARTS)}</legend>
                    {Part::ALL.iter().enumerate().map(|(i, _)| view! { <parts::PartEditor c=c index=i/> }).collect_view()}
                    <redact::AlwaysRedact c=c/>
                </fieldset>
                <div class="customer-preview">
                    <h3 id="customer-preview-title">{ui.t(words::PREVIEW)}</h3>
                    <p class="hint">{ui.t(words::PREVIEW_NOTE)}</p>
                    <article class="report" aria-labelledby="customer-preview-title"
                        lang=c.html_lang inner_html=html></article>
                </div>
            </div>
        </section>
    }
}

/// How many distinct internal details are kept out and how many are let through.
#[component]
fn Counts(c: Customer) -> impl IntoView {
    let ui = Ui::get();
    let text = Memo::new(move |_| {
        let (kept, through) = c.let_through.with(|through| {
            c.parts.with(|parts| {
                let mut seen: Vec<(&str, bool)> = Vec::new();
                for hit in parts.iter().flat_map(|p| &p.hits) {
                    if !seen.iter().any(|(t, _)| *t == hit.text) {
                        seen.push((&hit.text, hit.is_let_through(through)));
                    }
                }
                let let_through = seen.iter().filter(|(_, t)| *t).count();
                (seen.len() - let_through, let_through)
            })
        });
        let lang = ui.lang();
        if c.scanned.answer.with(Option::is_none) {
            words::LOOKING.get(lang).to_owned()
        } else if kept + through == 0 {
            words::NO_HITS.get(lang).to_owned()
        } else {
            words::COUNTS.fill(
                lang,
                &[
                    cw::REDACTED.get(lang),
                    &kept.to_string(),
                    cw::LET_THROUGH.get(lang),
                    &through.to_string(),
                ],
            )
        }
    });
    let clean = Memo::new(move |_| c.parts.with(|p| p.iter().all(|p| p.hits.is_empty())));
    view! { <p class="customer-counts" class:clean=clean role="status">{text}</p> }
}
