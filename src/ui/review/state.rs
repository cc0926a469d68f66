//! The review's findings, from the worker: the page sends the open draft a moment after it
//! changes (`ui::asking`), keeps the last answer that matches the draft as it is, and says
//! "Reviewing…" until the first one comes. Typing
//! never waits for the checks. The line before the first words, the grouping and the
//! dismissals are cheap and stay here.

use hindsight_core::fields::doc_field;
use hindsight_core::offload::{review_request, Answer};
use hindsight_core::{
    review::first_words, review::group, review::is_dismissed, review::review_draft,
    review::unstarted, review::Finding, review::Level, Choice, Dismissal, FieldId, SectionId,
    Status,
};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::background::Background;
use crate::adapters::platform;
use crate::state::Editor;
use crate::ui::asking::Asking;
use crate::ui::focus::focus_after_render;
use crate::ui::form::{element_of, FieldNote, FieldNotes, Reveal, SetGuard};

/// The review of the open draft, shared through context by the panel, its dialogs and the
/// form's notes.
#[derive(Clone, Copy)]
pub struct ReviewState {
    ed: Editor,
    /// Every finding, dismissed or not, in the review's order.
    all: Memo<Vec<Finding>>,
    /// The findings not dismissed.
    open: Memo<Vec<Finding>>,
    /// Whether the first answer is still to come.
    reviewing: Memo<bool>,
    /// Whether the findings shown are those of the draft as it is now.
    current: Memo<bool>,
    /// The worker's review of the draft.
    asking: Asking<Vec<Finding>>,
    /// The Status value held at the Final gate while its dialog is open.
    pub gate: RwSignal<Option<String>>,
    /// The finding whose dismissal reason is being asked for.
    pub dismissing: RwSignal<Option<Finding>>,
    /// Opens sections and moves the focus into them.
    pub reveal: Reveal,
}

impl ReviewState {
    /// Starts the review of the open draft and provides it, the form's notes, the Final gate
    /// and the focus mover to the views created after it (the form among them).
    pub fn start(ed: Editor) -> ReviewState {
        let reveal = Reveal::provide();
        let background = expect_context::<StoredValue<Background, LocalStorage>>();
        // The first review runs once the form has been painted: a new visitor sees an
        // editable form sooner, and the worker starts loading then.
        let live = RwSignal::new(false);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if live.try_set(true).is_none() {
                        background.with_value(Background::start);
                    }
                },
                Duration::ZERO,
            )
        });
        // Before the first words, the review is one line (`docs/review.md`). Cheap: it stops
        // at the first section with anything typed in it.
        let fresh = Memo::new(move |_| {
            ed.template().track();
            for s in SectionId::ALL {
                ed.read(s, |_| ());
            }
            ed.peek(|d| unstarted(d).then(|| first_words(d)))
        });
        // The drafts' index, for repeat-open-actions: the worker reads it when it starts
        // and is sent each change, from the first paint on.
        background.with_value(|b| {
            b.set_index_source(Box::new(move |lend| ed.peek_summaries(|all| lend(all))))
        });
        Effect::new(move |_| {
            ed.drafts().track();
            if live.get() {
                background.with_value(Background::index_changed);
            }
        });
        // Which other drafts there are, at which revision: saving the open draft changes
        // its own summary, which asks nothing new of the review.
        let others = Memo::new(move |_| {
            ed.drafts().track();
            let open = ed.open_id().get();
            ed.peek_summaries(|all| {
                all.iter()
                    .filter(|s| Some(&s.id) != open.as_ref() && !s.is_from_folder())
                    .map(|s| (s.id.clone(), s.rev))
                    .collect::<Vec<_>>()
            })
        });
        let asking = Asking::start(
            move || {
                ed.template().track();
                others.track();
                ed.open_id().track();
                for s in SectionId::ALL {
                    ed.read(s, |_| ());
                }
                live.get() && fresh.with(Option::is_none)
            },
            move |id| {
                let open = ed.open_id().get_untracked();
                ed.peek(|d| review_request(id, &platform::today(), open.as_deref(), d))
            },
            |answer| match answer {
                Answer::Review { findings, .. } => Some(findings),
                _ => None,
            },
        );
        // Another draft opened: its review is to come, not the last one's.
        Effect::new(move |before: Option<Option<String>>| {
            let open = ed.open_id().get();
            if before.is_some_and(|b| b != open) {
                asking.forget();
            }
            open
        });
        let all = Memo::new(move |_| {
            if !live.get() {
                return Vec::new();
            }
            if let Some(line) = fresh.get() {
                return vec![line];
            }
            asking.answer.get().unwrap_or_default()
        });
        let reviewing = Memo::new(move |_| {
            live.get() && fresh.with(Option::is_none) && asking.answer.with(Option::is_none)
        });
        let current = Memo::new(move |_| fresh.with(Option::is_some) || asking.current.get());
        // Dismissals live in the document, edited as part of Header. What is open is
        // grouped after the dismissed rows are left out, so a row added later shows alone.
        let open = Memo::new(move |_| {
            all.with(|all: &Vec<Finding>| {
                ed.read(SectionId::Header, |d| {
                    group(
                        all.iter()
                            .filter(|f| !is_dismissed(d, f))
                            .cloned()
                            .collect(),
                    )
                })
            })
        });
        let notes = Memo::new(move |_| {
            open.with(|open: &Vec<Finding>| {
                open.iter()
                    .filter_map(|f| {
                        Some(FieldNote {
                            element: element_of(ed, f.target, true)?,
                            level: f.level,
                            title: f.title,
                            message: f.message.clone(),
                        })
                    })
                    .collect()
            })
        });
        FieldNotes::provide(notes);
        let state = ReviewState {
            ed,
            all,
            open,
            reviewing,
            current,
            asking,
            gate: RwSignal::new(None),
            dismissing: RwSignal::new(None),
            reveal,
        };
        provide_context(SetGuard(Callback::new(move |(field, value)| {
            state.let_through(field, value)
        })));
        provide_context(state);
        state
    }

    /// The review from context.
    pub fn get() -> ReviewState {
        expect_context::<ReviewState>()
    }

    /// Whether the first answer is still to come ("Reviewing…"), tracked.
    pub fn reviewing(self) -> bool {
        self.reviewing.get()
    }

    /// Reviews the draft as it is now, here, as the worker would.
    fn review_now(self) {
        let open = self.ed.open_id().get_untracked();
        let today = platform::today();
        let index = self.ed.peek_summaries(<[_]>::to_vec);
        let all = self
            .ed
            .peek(|d| review_draft(d, &today, open.as_deref(), &index));
        self.asking.set_now(all);
    }

    /// The open findings, tracked.
    pub fn open(self) -> Memo<Vec<Finding>> {
        self.open
    }

    /// The dismissed findings with their reasons, tracked; rows dismissed with one reason
    /// are listed as one.
    pub fn dismissed(self) -> Vec<(Finding, String)> {
        self.all.with(|all| {
            self.ed.read(SectionId::Header, |doc| {
                let reason = |key: &str| {
                    doc.dismissed
                        .iter()
                        .find(|d| d.finding == key)
                        .map(|d| d.reason.clone())
                };
                let dismissed: Vec<Finding> = all
                    .iter()
                    .filter(|f| is_dismissed(doc, f))
                    .cloned()
                    .collect();
                // One group per check and reason: rows set aside for different reasons stay
                // apart.
                let mut out: Vec<(Finding, String)> = Vec::new();
                let mut by_reason: Vec<(String, Vec<Finding>)> = Vec::new();
                for f in dismissed {
                    let r = reason(&f.key).unwrap_or_default();
                    match by_reason.iter_mut().find(|(x, _)| *x == r) {
                        Some((_, v)) => v.push(f),
                        None => by_reason.push((r, vec![f])),
                    }
                }
                for (r, findings) in by_reason {
                    out.extend(group(findings).into_iter().map(|f| (f, r.clone())));
                }
                out
            })
        })
    }

    /// The open problems, tracked.
    pub fn problems(self) -> Vec<Finding> {
        self.open.with(|open| {
            open.iter()
                .filter(|f| f.level == Level::Problem)
                .cloned()
                .collect()
        })
    }

    /// The Final gate: Status may become Final at once only when no problem is open;
    /// otherwise the value waits for the dialog.
    fn let_through(self, field: FieldId, value: String) -> bool {
        if field != FieldId::Status || Status::parse(&value) != Some(Status::Final) {
            return true;
        }
        let already = self.ed.peek(|d| d.header.status == Status::Final);
        if !self.current.get_untracked() {
            // The worker has not answered about the draft as it is: the gate runs the same
            // checks here, once, rather than let a stale answer through or wait.
            self.review_now();
        }
        let problems = self
            .open
            .with_untracked(|open| open.iter().any(|f| f.level == Level::Problem));
        if already || !problems {
            return true;
        }
        self.gate.set(Some(value));
        false
    }

    /// "Mark final anyway": the held value goes into the document.
    pub fn mark_final(self) {
        if let Some(value) = self.gate.get_untracked() {
            if let Some(f) = doc_field(FieldId::Status) {
                self.ed.edit(FieldId::Status, |d| f.set_input(d, &value));
            }
        }
        self.gate.set(None);
        // Back to where the question came from, whatever had the focus when it opened.
        focus_after_render(FieldId::Status.element_id());
    }

    /// "Keep reviewing": the status stays as it was, and so does its control.
    pub fn keep_reviewing(self) {
        self.gate.set(None);
        let Some(f) = doc_field(FieldId::Status) else {
            return;
        };
        let value = self.ed.peek(|d| f.input_value(d));
        if let Some(select) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&FieldId::Status.element_id()))
            .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            select.set_value(&value);
        }
        focus_after_render(FieldId::Status.element_id());
    }

    /// Sets a finding aside with the team's reason, in the document: a group's rows each
    /// with the one reason, so each follows its row.
    pub fn dismiss(self, keys: Vec<String>, reason: String) {
        self.ed.edit_sections(&[SectionId::Header], move |d| {
            d.dismissed.retain(|x| !keys.contains(&x.finding));
            d.dismissed
                .extend(keys.into_iter().map(|finding| Dismissal {
                    finding,
                    reason: reason.clone(),
                }));
        });
    }

    /// Takes a finding (every row of a group) back into the review.
    pub fn restore(self, keys: &[String]) {
        self.ed.edit_sections(&[SectionId::Header], |d| {
            d.dismissed.retain(|x| !keys.contains(&x.finding));
        });
    }
}
