//! Generated documents for the property tests: text that Markdown, tables and YAML treat
//! specially, and text from far away, in every field.
#![allow(dead_code)]

use hindsight_core::Timestamp;
use hindsight_core::*;
use proptest::prelude::*;

/// Text that Markdown, tables and YAML all treat specially, and text from far away.
const PIECES: &[&str] = &[
    "|",
    "`",
    "```",
    "~~~",
    "#",
    "## ",
    "---",
    "===",
    "\r\n",
    "\n",
    "\n\n",
    "<",
    ">",
    "<!--",
    "[",
    "]",
    "(",
    ")",
    "[ ] ",
    "  ",
    " ",
    "\\",
    "*",
    "_",
    "- ",
    "1. ",
    "> ",
    "a",
    "Z",
    "word",
    "😀",
    "🔥 deploy",
    "資料",
    "外洩事件",
    "日本語",
    "&amp;",
    ":",
    "\"",
    "'",
    "\t",
    "{",
    "}",
];

pub fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..10).prop_map(|p| p.concat())
}

fn texts(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..max)
}

fn pick<T: Clone + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

fn timestamp() -> impl Strategy<Value = Option<Timestamp>> {
    prop::option::weighted(
        0.85,
        (
            1_600_000_000i64..1_600_400_000,
            pick(&[-480, -420, 0, 60, 330, 765]),
            prop::bool::weighted(0.2),
        )
            .prop_map(|(utc, offset_minutes, seconds)| Timestamp {
                utc: if seconds {
                    utc
                } else {
                    utc - utc.rem_euclid(60)
                },
                offset_minutes,
            }),
    )
}

fn event() -> impl Strategy<Value = TimelineEvent> {
    (
        timestamp(),
        text(),
        pick(<EventKind as Choice>::ALL),
        text(),
    )
        .prop_map(|(time, event, kind, link)| TimelineEvent {
            time,
            event,
            kind,
            link,
        })
}

fn action() -> impl Strategy<Value = ActionItem> {
    (
        text(),
        prop::option::of(pick(<ActionType as Choice>::ALL)),
        text(),
        prop::option::of(pick(<Priority as Choice>::ALL)),
        text(),
        text(),
        any::<bool>(),
        prop::option::of(any::<bool>()),
    )
        .prop_map(
            |(action, kind, owner, priority, due_date, tracking_link, done, public)| ActionItem {
                action,
                kind,
                owner,
                priority,
                due_date,
                tracking_link,
                done,
                public,
            },
        )
}

fn yes_no() -> impl Strategy<Value = Option<bool>> {
    prop::option::of(any::<bool>())
}

pub fn document() -> impl Strategy<Value = Postmortem> {
    let header = (
        (
            text(),
            text(),
            prop::option::of(pick(<Severity as Choice>::ALL)),
            pick(<Status as Choice>::ALL),
            text(),
        ),
        (
            pick(&[
                "",
                "UTC",
                "America/Los_Angeles",
                "Asia/Taipei",
                "Europe/Berlin",
            ]),
            texts(3),
            texts(3),
            text(),
            texts(4),
            text(),
        ),
    )
        .prop_map(
            |(
                (title, incident_id, severity, status, incident_date),
                (zone, authors, reviewers, owner, tags, review_meeting),
            )| Header {
                title,
                incident_id,
                severity,
                status,
                incident_date,
                time_zone: zone.to_owned(),
                authors,
                reviewers,
                owner,
                tags,
                review_meeting,
            },
        );
    let impact = (prop::collection::vec(text(), 8), yes_no(), yes_no()).prop_map(
        |(f, customer_visible, data_exposed)| Impact {
            description: f[0].clone(),
            users_affected: f[1].clone(),
            failed_requests: f[2].clone(),
            error_budget_consumed: f[3].clone(),
            revenue_impact: f[4].clone(),
            support_tickets: f[5].clone(),
            customer_visible,
            data_exposed,
            kinds_of_data: f[6].clone(),
            people_affected: f[7].clone(),
        },
    );
    let body = (
        prop::collection::vec(text(), 14),
        prop::option::of(pick(<DetectedBy as Choice>::ALL)),
        texts(5),
        (texts(4), texts(4), texts(4)),
    );
    let settings = (
        pick(<Template as Choice>::ALL),
        pick(<Language as Choice>::ALL),
        prop::collection::vec((text(), text()), 0..3),
        (
            prop::collection::vec(prop::option::of(text()), 6),
            texts(3),
            texts(2),
        ),
    );
    (
        header,
        settings,
        impact,
        prop::collection::vec(event(), 0..5),
        prop::collection::vec(action(), 0..4),
        body,
    )
        .prop_map(
            |(
                header,
                (template, language, dismissed, (overrides, let_through, always_redact)),
                impact,
                timeline,
                action_items,
                (f, detected_by, whys, (well, wrong, lucky)),
            )| Postmortem {
                template,
                language,
                dismissed: dismissed
                    .into_iter()
                    .map(|(finding, reason)| Dismissal { finding, reason })
                    .collect(),
                public: PublicVersion {
                    title: overrides[0].clone(),
                    what_happened: overrides[1].clone(),
                    who_was_affected: overrides[2].clone(),
                    when: overrides[3].clone(),
                    what_we_are_doing: overrides[4].clone(),
                    notice: overrides[5].clone(),
                    let_through,
                    always_redact,
                },
                header,
                summary: f[0].clone(),
                impact,
                timeline,
                detection: Detection {
                    detected_by,
                    description: f[1].clone(),
                },
                causes: Causes {
                    trigger: f[2].clone(),
                    root_causes: f[3].clone(),
                    contributing_factors: f[4].clone(),
                    five_whys: whys,
                    recurrence: f[5].clone(),
                },
                response: Response {
                    responders: f[6].clone(),
                    mitigation: f[7].clone(),
                    resolution: f[8].clone(),
                    long_term_fix: f[9].clone(),
                },
                action_items,
                lessons: Lessons {
                    went_well: well,
                    went_wrong: wrong,
                    got_lucky: lucky,
                },
                communication: Communication {
                    internal_notice: f[10].clone(),
                    customer_notice: f[11].clone(),
                    notified: f[12].clone(),
                    regulator_deadline: f[13].clone(),
                },
                supporting_info: f[13].clone(),
                ..Postmortem::default()
            },
        )
}
