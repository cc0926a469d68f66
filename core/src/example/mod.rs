//! The worked example: the public ChatGPT incident of 2023-03-20, retold to teach by example.
//!
//! Written from the public facts listed in the product brief. Times after impact started are
//! illustrative where the public report gives none, and the supporting information says so.

mod zh;

pub use zh::{chatgpt_2023_03_20_zh, worked_example};

use crate::document::*;
use crate::time::Timestamp;

fn at(rfc3339: &str) -> Option<Timestamp> {
    Timestamp::parse_rfc3339(rfc3339)
}

fn event(time: &str, kind: EventKind, text: &str, link: &str) -> TimelineEvent {
    TimelineEvent {
        time: at(time),
        event: text.to_owned(),
        kind,
        link: link.to_owned(),
    }
}

fn action(
    text: &str,
    kind: ActionType,
    owner: &str,
    priority: Priority,
    due: &str,
    done: bool,
) -> ActionItem {
    ActionItem {
        action: text.to_owned(),
        kind: Some(kind),
        owner: owner.to_owned(),
        priority: Some(priority),
        due_date: due.to_owned(),
        tracking_link: String::new(),
        done,
        public: None,
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The worked example, every section filled.
pub fn chatgpt_2023_03_20() -> Postmortem {
    Postmortem {
        template: Template::Security,
        header: Header {
            title: "ChatGPT showed some users other users' chat titles and payment details".into(),
            incident_id: "INC-2023-0320".into(),
            severity: Some(Severity::Sev1),
            status: Status::Final,
            incident_date: "2023-03-20".into(),
            time_zone: "America/Los_Angeles".into(),
            authors: strings(&["Incident commander", "API platform lead"]),
            reviewers: strings(&["Security lead", "Head of engineering"]),
            owner: "API platform lead".into(),
            tags: strings(&["redis", "cache", "privacy", "data-exposure"]),
            review_meeting: "2023-03-23".into(),
        },
        summary: "Between about 01:00 and 10:00 Pacific time on 20 March 2023, some ChatGPT users \
saw the titles of other users' conversations, and some Plus subscribers could see another \
subscriber's payment details, because a bug in the open-source **redis-py** client returned \
cached data to the wrong user when a request was cancelled. We took ChatGPT offline, patched \
the bug, notified the affected users and published this postmortem on 24 March."
            .into(),
        impact: Impact {
            description: "- Some users saw **other users' chat titles** in their history sidebar.\n\
- Some users' **chat history was missing** for several hours while the service was offline.\n\
- For about nine hours, **payment details of about 1.2% of active ChatGPT Plus subscribers** \
could be seen by other users: name, email address, payment address, the last four digits \
of the card and its expiry date. Full card numbers were **not** exposed."
                .into(),
            users_affected: "About 1.2% of active ChatGPT Plus subscribers (payment details)"
                .into(),
            failed_requests: "Not measured; the service was offline for several hours".into(),
            error_budget_consumed: "More than the whole quarter's budget".into(),
            revenue_impact: "Not disclosed".into(),
            support_tickets: "Many reports, first on social media".into(),
            customer_visible: Some(true),
            data_exposed: Some(true),
            kinds_of_data: "Name, email address, payment address, last four card digits, card expiry date"
                .into(),
            people_affected: "About 1.2% of the Plus subscribers active during the nine-hour window"
                .into(),
        },
        timeline: vec![
            event(
                "2023-03-20T01:00:00-07:00",
                EventKind::ImpactStarted,
                "A server change raises the rate of cancelled Redis requests; cancelled requests start to leave replies on shared connections",
                "",
            ),
            event(
                "2023-03-20T08:50:00-07:00",
                EventKind::Detected,
                "Users report seeing other people's chat titles",
                "",
            ),
            event(
                "2023-03-20T09:05:00-07:00",
                EventKind::Escalated,
                "Incident declared; security and platform teams join",
                "",
            ),
            event(
                "2023-03-20T09:40:00-07:00",
                EventKind::StatusPageUpdated,
                "Status page: ChatGPT unavailable while we investigate",
                "",
            ),
            event(
                "2023-03-20T10:00:00-07:00",
                EventKind::Mitigated,
                "ChatGPT taken offline; no more data can leak",
                "",
            ),
            event(
                "2023-03-20T19:00:00-07:00",
                EventKind::Resolved,
                "Patched redis-py deployed and verified; service restored, chat history still loading",
                "",
            ),
            event(
                "2023-03-24T10:00:00-07:00",
                EventKind::Other,
                "Postmortem published",
                "https://openai.com/blog/march-20-chatgpt-outage",
            ),
        ],
        detection: Detection {
            detected_by: Some(DetectedBy::CustomerReport),
            description: "Users noticed first and reported it publicly. No alert fired, because \
nothing checked that cached data belonged to the user asking for it.\n\n\
**What would have caught it sooner:** a check that every cached reply matches the \
requesting user, logged and alerted on when it fails."
                .into(),
        },
        causes: Causes {
            trigger: "A change on our servers made Redis requests get cancelled far more often."
                .into(),
            root_causes: "The redis-py client's asyncio connection handling, used with Redis \
Cluster, could leave a connection in a bad state when a request was cancelled. The next \
request on that connection then received the reply meant for the cancelled one: another \
user's cached data.\n\nNothing downstream checked that cached data matched the requesting \
user, so the wrong data reached the browser."
                .into(),
            contributing_factors: "- Request cancellations rose sharply at peak load.\n\
- The cache held user-specific data, including billing details, keyed per user.\n\
- Logging could not show which replies went to which user."
                .into(),
            five_whys: strings(&[
                "Why did users see other users' data? The cache returned replies meant for other requests.",
                "Why did the cache return the wrong replies? A connection was reused after a cancelled request without being cleaned up.",
                "Why was it not cleaned up? A bug in redis-py's asyncio handling of cancellation with Redis Cluster.",
                "Why did the bug surface now? A server change raised the cancellation rate sharply.",
                "Why did nothing stop the wrong data from reaching users? No check compared the cached data with the requesting user.",
            ]),
            recurrence: "No earlier incident with this cause. The bug was reported upstream to \
the redis-py maintainers, and a fix was released."
                .into(),
        },
        response: Response {
            responders: "Incident commander — coordination\n\
API platform on-call — mitigation\n\
Security lead — data-exposure assessment\n\
Communications lead — user notice and status page"
                .into(),
            mitigation: "We took ChatGPT offline to stop any further exposure while we \
investigated."
                .into(),
            resolution: "We patched the bug in redis-py, tested the fix and brought the service \
back. Chat history returned for all users over the following hours."
                .into(),
            long_term_fix: "Redundant checks that cached data matches the requesting user, better \
logging, and a Redis cluster that scales more robustly at peak load."
                .into(),
        },
        action_items: vec![
            action(
                "Test the redis-py fix extensively, including cancellation under load",
                ActionType::Prevent,
                "API platform",
                Priority::P0,
                "2023-03-22",
                true,
            ),
            action(
                "Add redundant checks that cached data matches the requesting user",
                ActionType::Prevent,
                "Cache team",
                Priority::P0,
                "2023-03-31",
                true,
            ),
            action(
                "Improve logging to see the issue and confirm it has stopped",
                ActionType::Detect,
                "Observability",
                Priority::P1,
                "2023-04-07",
                true,
            ),
            action(
                "Scale the Redis cluster more robustly to cut connection errors at peak load",
                ActionType::Mitigate,
                "Infrastructure",
                Priority::P1,
                "2023-04-30",
                true,
            ),
        ],
        lessons: Lessons {
            went_well: strings(&[
                "Taking the service offline stopped the exposure at once",
                "The root cause was found and patched upstream within days",
                "Affected users were identified and notified",
            ]),
            went_wrong: strings(&[
                "Users noticed before any alert did",
                "Cached data was trusted without checking whom it belonged to",
                "Logs could not show which replies reached which users",
            ]),
            got_lucky: strings(&[
                "Only the last four card digits were stored, so full card numbers could not leak",
                "The bug needed a rare sequence of cancellations, which kept the share of affected users small",
            ]),
        },
        communication: Communication {
            internal_notice: "Incident channel opened at escalation; leadership briefed hourly \
until the service was restored."
                .into(),
            customer_notice: "On 20 March a bug in an open-source library caused some users to \
see other users' chat titles, and for about 1.2% of ChatGPT Plus subscribers, limited payment \
details. Full card numbers were not exposed. We took ChatGPT offline, fixed the bug and added \
checks so it cannot happen again."
                .into(),
            notified: "Affected Plus subscribers, by email; the public, by status page and \
blog post on 24 March."
                .into(),
            regulator_deadline: "2023-03-23".into(),
        },
        supporting_info: "- Public postmortem: <https://openai.com/blog/march-20-chatgpt-outage>\n\
- Upstream bug: redis-py asyncio connection handling with Redis Cluster\n\n\
Times after 01:00 are illustrative; the public report gives only the window.\n\n\
**Glossary.** *Cancelled request*: a request the client gave up on before its reply arrived."
            .into(),
        ..Postmortem::default()
    }
}
