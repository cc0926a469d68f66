//! The review's findings as memos: one per section reading only the sections its checks read,
//! one for the earlier incidents, one for the customer notice; then combined and sorted. A
//! keystroke re-runs the checks of the sections it touches, never the whole review.

use hindsight_core::fields::doc_field;
use hindsight_core::incidents::Summary;
use hindsight_core::{
    customer::notice_internal_details, review::depends_on, review::first_words, review::group,
    review::is_dismissed, review::listed_people, review::reads_content, review::review_notice,
    review::review_others, review::review_section, review::sort_findings, review::unstarted,
    review::Finding, review::Level, review::OtherDraft, review::PEOPLE_SECTIONS, ActionItem,
    Choice, Dismissal, FieldId, Postmortem, SectionId, Status,
};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::platform;
use crate::state::Editor;
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
        // What the checks of other sections read of Header, Response and Action items is the
        // people they list: a keystroke in the title re-runs no other section's checks.
        let people = Memo::new(move |_| {
            for &s in PEOPLE_SECTIONS {
                ed.read(s, |_| ());
            }
            ed.peek(listed_people)
        });
        let sections: Vec<Memo<Vec<Finding>>> = SectionId::ALL
            .into_iter()
            .map(|section| {
                let reads = depends_on(section);
                Memo::new(move |_| {
                    ed.template().track();
                    for &s in &reads {
                        if !reads_content(section, s) {
                            people.track();
                        } else {
                            ed.read(s, |_| ());
                        }
                    }
                    let today = platform::today();
                    ed.peek(|d| review_section(d, section, &today))
                })
            })
            .collect();
        let others = Memo::new(move |_| {
            ed.drafts().track();
            let open = ed.open_id().get();
            ed.peek_summaries(|all| {
                all.iter()
                    .filter(|s| Some(&s.id) != open.as_ref() && !s.is_from_folder())
                    .filter(|s| !s.open_actions.is_empty() && !s.incident_date.is_empty())
                    .map(|s| (s.id.clone(), other_doc(s)))
                    .collect::<Vec<_>>()
            })
        });
        let earlier = Memo::new(move |_| {
            ed.read(SectionId::Header, |_| ());
            ed.read(SectionId::Causes, |_| ());
            others.with(|others| {
                let others: Vec<OtherDraft<'_>> = others
                    .iter()
                    .map(|(id, doc)| OtherDraft { id, doc })
                    .collect();
                ed.peek(|d| review_others(d, &others))
            })
        });
        // The redaction reads the notice and the names listed in these sections.
        let notice = Memo::new(move |_| {
            for s in [
                SectionId::Header,
                SectionId::Response,
                SectionId::ActionItems,
                SectionId::Communication,
            ] {
                ed.read(s, |_| ());
            }
            ed.peek(|d| {
                review_notice(d, &|d: &Postmortem| {
                    notice_internal_details(d)
                        .into_iter()
                        .map(|hit| hit.text)
                        .collect()
                })
            })
        });
        // The first review runs once the form has been painted: a new visitor sees an
        // editable form sooner, and the findings follow a frame later.
        let live = RwSignal::new(false);
        request_animation_frame(move || {
            set_timeout(move || _ = live.try_set(true), Duration::ZERO)
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
        let all = Memo::new(move |_| {
            if !live.get() {
                return Vec::new();
            }
            if let Some(line) = fresh.get() {
                return vec![line];
            }
            let mut all: Vec<Finding> = sections.iter().flat_map(|m| m.get()).collect();
            all.extend(earlier.get());
            all.extend(notice.get());
            sort_findings(&mut all);
            all
        });
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

/// What repeat-open-actions reads of another draft, from its summary: its header, its root
/// causes' words (which give the same words again) and its open action items.
fn other_doc(s: &Summary) -> Postmortem {
    let mut doc = Postmortem::default();
    doc.causes.root_causes = s.cause_words.join(" ");
    doc.header.title = s.title.clone();
    doc.header.incident_id = s.incident_id.clone();
    doc.header.incident_date = s.incident_date.clone();
    doc.header.tags = s.tags.clone();
    doc.action_items = s
        .open_actions
        .iter()
        .map(|a| ActionItem {
            action: a.action.clone(),
            kind: a.kind,
            owner: a.owner.clone(),
            priority: a.priority,
            due_date: a.due_date.clone(),
            tracking_link: a.tracking_link.clone(),
            done: false,
            public: None,
        })
        .collect();
    doc
}
