//! The sections of a postmortem, their guidance, and what each template requires.

use super::document::Template;

/// One section of the report, in the order of the product brief.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionId {
    /// Title, severity, status, people, dates.
    Header,
    /// The story in a paragraph.
    Summary,
    /// Who was hurt and how badly.
    Impact,
    /// What happened when.
    Timeline,
    /// How it was noticed.
    Detection,
    /// Trigger and root causes.
    Causes,
    /// Response and resolution.
    Response,
    /// Follow-up actions.
    ActionItems,
    /// Lessons learned.
    Lessons,
    /// Communication.
    Communication,
    /// Supporting information.
    Supporting,
}

/// The questions a seasoned SRE asks of a section, and a short example answer.
#[derive(Clone, Copy, Debug)]
pub struct Guidance {
    /// Questions the section should answer.
    pub questions: &'static [&'static str],
    /// A short example of a good answer.
    pub example: &'static str,
}

impl SectionId {
    /// Every section, in the brief's order.
    pub const ALL: [SectionId; 11] = [
        SectionId::Header,
        SectionId::Summary,
        SectionId::Impact,
        SectionId::Timeline,
        SectionId::Detection,
        SectionId::Causes,
        SectionId::Response,
        SectionId::ActionItems,
        SectionId::Lessons,
        SectionId::Communication,
        SectionId::Supporting,
    ];

    /// The section's heading, in the form and in the report.
    pub fn heading(self) -> &'static str {
        match self {
            SectionId::Header => "Header",
            SectionId::Summary => "Summary",
            SectionId::Impact => "Impact",
            SectionId::Timeline => "Timeline",
            SectionId::Detection => "Detection",
            SectionId::Causes => "Trigger and root causes",
            SectionId::Response => "Response and resolution",
            SectionId::ActionItems => "Action items",
            SectionId::Lessons => "Lessons learned",
            SectionId::Communication => "Communication",
            SectionId::Supporting => "Supporting information",
        }
    }

    /// A stable slug for element ids and anchors.
    pub fn slug(self) -> &'static str {
        match self {
            SectionId::Header => "header",
            SectionId::Summary => "summary",
            SectionId::Impact => "impact",
            SectionId::Timeline => "timeline",
            SectionId::Detection => "detection",
            SectionId::Causes => "causes",
            SectionId::Response => "response",
            SectionId::ActionItems => "action-items",
            SectionId::Lessons => "lessons",
            SectionId::Communication => "communication",
            SectionId::Supporting => "supporting",
        }
    }

    /// What to ask and an example of a good answer.
    pub fn guidance(self) -> Guidance {
        match self {
            SectionId::Header => Guidance {
                questions: &[
                    "What would a reader search for to find this report a year from now?",
                    "How severe was it, measured by user impact rather than by effort spent?",
                    "Who owns the follow-up, and when will the report be reviewed?",
                ],
                example: "\"Wrong users shown cached chat titles and billing details\", SEV1, owner: the API platform lead.",
            },
            SectionId::Summary => Guidance {
                questions: &[
                    "Between when and when, which users saw what, and why?",
                    "What stopped it, and is it fully over?",
                    "Could an executive read only this paragraph and understand the incident?",
                ],
                example: "Between 01:00 and 10:00 PT on 20 March, some users saw other users' chat titles because a client library bug returned cached data to the wrong connection. We took the service offline, patched the library and notified affected users.",
            },
            SectionId::Impact => Guidance {
                questions: &[
                    "Who was hurt, how many, and for how long?",
                    "What could users not do, and what did they see instead?",
                    "Was any data exposed, lost or corrupted? Whose, and which kinds?",
                    "How much error budget, revenue or support effort did it cost?",
                ],
                example: "About 1.2% of paying subscribers active in a nine-hour window may have had their name, email and the last four digits of their card shown to another user.",
            },
            SectionId::Timeline => Guidance {
                questions: &[
                    "When did impact start, and when did we first know?",
                    "When was it escalated, mitigated and resolved?",
                    "Which graph, log or chat message shows each moment?",
                ],
                example: "01:00 impact started: a deploy raised the rate of cancelled requests. 08:40 detected: a user reported seeing someone else's chat titles.",
            },
            SectionId::Detection => Guidance {
                questions: &[
                    "Who or what noticed first: an alert, a customer, an employee?",
                    "How long did it go unnoticed, and why?",
                    "Which alert or check would have caught it sooner?",
                ],
                example: "A user reported it on social media; no alert fired. A check that cached data belongs to the requesting user would have caught it within minutes.",
            },
            SectionId::Causes => Guidance {
                questions: &[
                    "What changed or happened just before impact started (the trigger)?",
                    "Why did that hurt users: which defects and conditions made it possible?",
                    "Ask \"why?\" until the answer is something we can change.",
                    "Has this happened before? Describe systems and processes, never blame people.",
                ],
                example: "Trigger: a change raised the rate of cancelled requests. Root cause: the client library could return a response on a connection that had been handed to another request.",
            },
            SectionId::Response => Guidance {
                questions: &[
                    "Who responded, in which roles (incident commander, communications, operations)?",
                    "What stopped the impact, and how quickly did it work?",
                    "What closed the incident, and what durable fix is still to come?",
                ],
                example: "The on-call engineer paged the incident commander; the service was taken offline to stop further exposure, then a patched library was deployed.",
            },
            SectionId::ActionItems => Guidance {
                questions: &[
                    "What will prevent this, limit it, or detect it sooner next time?",
                    "Does every item have one owner, a priority, a due date and a ticket?",
                    "Are the items specific enough that someone can say when they are done?",
                ],
                example: "Prevent | Add a check that cached data matches the requesting user | owner: cache team | P0 | due in two weeks.",
            },
            SectionId::Lessons => Guidance {
                questions: &[
                    "What went well and should be kept?",
                    "What went wrong, in our systems or our process?",
                    "Where did we get lucky, and what would have happened otherwise?",
                ],
                example: "Lucky: the bug needed a rare sequence of cancellations, so few users were affected before we noticed.",
            },
            SectionId::Communication => Guidance {
                questions: &[
                    "What did we tell staff, and when?",
                    "What do customers need to know: what happened and what we are doing about it?",
                    "Who else must be told (affected users, regulators), and by when?",
                ],
                example: "Affected subscribers were emailed on 24 March; the regulator deadline was 72 hours after we learned of the exposure.",
            },
            SectionId::Supporting => Guidance {
                questions: &[
                    "Which dashboards, logs and chat threads back the timeline?",
                    "Which terms need a glossary for readers outside the team?",
                ],
                example: "Dashboard: cache hit ratio by cluster. Glossary: \"cancelled request\", a request the client gave up on before the reply arrived.",
            },
        }
    }
}

impl Template {
    /// Every template, as offered in the "New draft" dialog.
    pub const ALL: [Template; 3] = [Template::Full, Template::Lightweight, Template::Security];

    /// The template's name.
    pub fn label(self) -> &'static str {
        match self {
            Template::Full => "Full",
            Template::Lightweight => "Lightweight",
            Template::Security => "Security / data exposure",
        }
    }

    /// One line on when to pick it.
    pub fn description(self) -> &'static str {
        match self {
            Template::Full => "Every section required: for major incidents.",
            Template::Lightweight => {
                "Header, summary, impact, timeline, root causes and action items: for small incidents."
            }
            Template::Security => {
                "Full, plus data exposure, customer notice and regulator deadlines."
            }
        }
    }

    /// Whether the template requires a section.
    pub fn requires(self, section: SectionId) -> bool {
        match self {
            Template::Full | Template::Security => true,
            Template::Lightweight => matches!(
                section,
                SectionId::Header
                    | SectionId::Summary
                    | SectionId::Impact
                    | SectionId::Timeline
                    | SectionId::Causes
                    | SectionId::ActionItems
            ),
        }
    }

    /// Field labels required beyond whole sections.
    pub fn required_fields(self) -> &'static [&'static str] {
        match self {
            Template::Security => &[
                "Data exposed",
                "Customer notice",
                "Notified",
                "Regulator deadline",
            ],
            Template::Full | Template::Lightweight => &[],
        }
    }

    /// The order sections are shown in the form: required ones first, each group in the
    /// brief's order. The report always keeps the brief's order.
    pub fn form_order(self) -> Vec<SectionId> {
        let (required, optional): (Vec<SectionId>, Vec<SectionId>) =
            SectionId::ALL.iter().partition(|s| self.requires(**s));
        required.into_iter().chain(optional).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lightweight_requires_exactly_the_essentials_and_shows_them_first() {
        let required: Vec<SectionId> = SectionId::ALL
            .into_iter()
            .filter(|s| Template::Lightweight.requires(*s))
            .collect();
        assert_eq!(
            required,
            [
                SectionId::Header,
                SectionId::Summary,
                SectionId::Impact,
                SectionId::Timeline,
                SectionId::Causes,
                SectionId::ActionItems
            ]
        );
        assert_eq!(Template::Lightweight.form_order()[..6], required[..]);
        assert_eq!(Template::Lightweight.form_order().len(), 11);
    }

    #[test]
    fn full_and_security_require_every_section_and_security_adds_fields() {
        for t in [Template::Full, Template::Security] {
            assert!(SectionId::ALL.iter().all(|s| t.requires(*s)));
            assert_eq!(t.form_order(), SectionId::ALL);
        }
        assert!(Template::Full.required_fields().is_empty());
        assert_eq!(
            Template::Security.required_fields(),
            [
                "Data exposed",
                "Customer notice",
                "Notified",
                "Regulator deadline"
            ]
        );
    }

    #[test]
    fn every_section_has_guidance() {
        for s in SectionId::ALL {
            let g = s.guidance();
            assert!(g.questions.len() >= 2, "{s:?}");
            assert!(!g.example.is_empty(), "{s:?}");
        }
    }
}
