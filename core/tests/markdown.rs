//! Golden files and structural checks of `to_markdown`, and a property test showing that
//! user text can never break a table, forge a heading or end a section early.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::golden;

use hindsight_core::example::chatgpt_2023_03_20;
use hindsight_core::markdown::to_markdown;
use hindsight_core::render::markdown_options;
use hindsight_core::Timestamp;
use hindsight_core::*;
use proptest::prelude::*;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// What a report looks like to a Markdown parser: its headings, tables and task items.
#[derive(Debug, Default)]
struct Structure {
    headings: Vec<(u8, String)>,
    /// Each table as rows of cell texts, the header row first.
    tables: Vec<Vec<Vec<String>>>,
    tasks: Vec<bool>,
}

fn level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn structure(markdown: &str) -> Structure {
    let mut s = Structure::default();
    let mut heading: Option<(u8, String)> = None;
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Heading { level: l, .. }) => {
                heading = Some((level(l), String::new()))
            }
            Event::End(TagEnd::Heading(_)) => s.headings.extend(heading.take()),
            Event::Start(Tag::Table(_)) => s.tables.push(Vec::new()),
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                if let Some(t) = s.tables.last_mut() {
                    t.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(c), Some(row)) =
                    (cell.take(), s.tables.last_mut().and_then(|t| t.last_mut()))
                {
                    row.push(c.trim().to_owned());
                }
            }
            Event::TaskListMarker(done) => s.tasks.push(done),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = &mut heading {
                    h.push_str(&t);
                }
                if let Some(c) = &mut cell {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    s
}

fn table_with_header<'a>(s: &'a Structure, header: &[&str]) -> Option<&'a Vec<Vec<String>>> {
    s.tables
        .iter()
        .find(|t| t.first().is_some_and(|h| h == header))
}

fn at(text: &str) -> Option<Timestamp> {
    Timestamp::parse_rfc3339(text)
}

/// A document with every field filled, different from the worked example.
fn full_document() -> Postmortem {
    Postmortem {
        header: Header {
            title: "Checkout errors after config push".into(),
            incident_id: "INC-42".into(),
            severity: Some(Severity::Sev2),
            status: Status::InReview,
            incident_date: "2024-11-02".into(),
            time_zone: "Europe/Berlin".into(),
            authors: vec!["Ana".into(), "Bo".into()],
            reviewers: vec!["Cy".into()],
            owner: "Payments".into(),
            tags: vec!["checkout".into(), "config".into()],
            review_meeting: "2024-11-05".into(),
        },
        summary: "Between 23:40 and 00:25, *18%* of EU checkouts failed because a config push disabled the payment fallback.".into(),
        impact: Impact {
            description: "Checkout failed with a 502 for EU users.".into(),
            users_affected: "18%".into(),
            failed_requests: "41,200".into(),
            error_budget_consumed: "35% of the monthly budget".into(),
            revenue_impact: "About €60k in delayed orders".into(),
            support_tickets: "212".into(),
            customer_visible: Some(true),
            data_exposed: Some(false),
            kinds_of_data: "unused when not exposed".into(),
            people_affected: String::new(),
        },
        timeline: vec![
            TimelineEvent { time: at("2024-11-02T23:40:00+01:00"), event: "Config push reaches EU".into(), kind: EventKind::ImpactStarted, link: "https://deploys.example/9911".into() },
            TimelineEvent { time: at("2024-11-02T23:52:00+01:00"), event: "Error-rate alert fires".into(), kind: EventKind::Detected, link: String::new() },
            TimelineEvent { time: at("2024-11-03T00:10:00+01:00"), event: "Push rolled back".into(), kind: EventKind::Mitigated, link: String::new() },
            TimelineEvent { time: at("2024-11-03T00:25:00+01:00"), event: "Error rate normal".into(), kind: EventKind::Resolved, link: String::new() },
        ],
        detection: Detection { detected_by: Some(DetectedBy::Alert), description: "The 5xx alert fired after 12 minutes.".into() },
        causes: Causes {
            trigger: "A config push.".into(),
            root_causes: "The fallback flag defaulted to off.".into(),
            contributing_factors: "No canary for config.".into(),
            five_whys: vec!["Why did checkout fail? The fallback was off.".into(), "Why was it off? The default changed.".into()],
            recurrence: "None known.".into(),
        },
        response: Response {
            responders: "Ana — incident commander\nBo — operations".into(),
            mitigation: "Rolled back the push.".into(),
            resolution: "Restored the flag.".into(),
            long_term_fix: "Config canaries.".into(),
        },
        action_items: vec![
            ActionItem { action: "Canary config pushes".into(), kind: Some(ActionType::Prevent), owner: "Platform".into(), priority: Some(Priority::P1), due_date: "2024-12-01".into(), tracking_link: "https://tracker.example/PLAT-1".into(), done: false, public: None },
            ActionItem { action: "Alert on fallback disabled".into(), kind: Some(ActionType::Detect), owner: "Payments".into(), priority: None, due_date: "2024-11-20".into(), tracking_link: String::new(), done: true, public: None },
        ],
        lessons: Lessons {
            went_well: vec!["Rollback took 3 minutes".into()],
            went_wrong: vec!["No canary".into()],
            got_lucky: vec!["Low traffic hour".into()],
        },
        communication: Communication {
            internal_notice: "Posted in #incidents.".into(),
            customer_notice: "Some EU payments failed for 45 minutes.".into(),
            notified: "Merchants by email at 01:00.".into(),
            regulator_deadline: "2024-11-09".into(),
        },
        supporting_info: "[Dashboard](https://grafana.example/d/1)".into(),
        ..Postmortem::default()
    }
}

const SECTION_HEADINGS: [&str; 10] = [
    "Summary",
    "Impact",
    "Timeline",
    "Detection",
    "Trigger and root causes",
    "Response and resolution",
    "Action items",
    "Lessons learned",
    "Communication",
    "Supporting information",
];

const SUBHEADINGS: [&str; 16] = [
    "Trigger",
    "Root causes",
    "Contributing factors",
    "Five whys",
    "Recurrence",
    "Responders",
    "Mitigation",
    "Resolution",
    "Long-term fix",
    "What went well",
    "What went wrong",
    "Where we got lucky",
    "Internal notice",
    "Customer notice",
    "Notified",
    "Regulator deadline",
];

fn headings_at(s: &Structure, lvl: u8) -> Vec<&str> {
    s.headings
        .iter()
        .filter(|(l, _)| *l == lvl)
        .map(|(_, t)| t.as_str())
        .collect()
}

#[test]
fn empty_document_golden_has_only_the_title_and_status() {
    let md = to_markdown(&Postmortem::default());
    golden("empty.md", &md);
    let s = structure(&md);
    assert_eq!(s.headings, vec![(1, "Untitled postmortem".to_owned())]);
    assert_eq!(s.tables.len(), 1);
    assert_eq!(
        s.tables[0],
        vec![vec!["Field", "Value"], vec!["Status", "Draft"]]
    );
}

#[test]
fn full_document_golden_has_every_section_in_order() {
    let doc = full_document();
    let md = to_markdown(&doc);
    golden("full.md", &md);
    let s = structure(&md);
    assert_eq!(headings_at(&s, 1), ["Checkout errors after config push"]);
    assert_eq!(headings_at(&s, 2), SECTION_HEADINGS);
    assert_eq!(headings_at(&s, 3), SUBHEADINGS);

    let header = table_with_header(&s, &["Field", "Value"]).expect("header table");
    assert_eq!(header.len(), 11, "every header field is a row");
    assert!(header.contains(&vec!["Severity".to_owned(), "SEV2 (major)".to_owned()]));

    let timeline =
        table_with_header(&s, &["Time", "Event", "Kind", "Link"]).expect("timeline table");
    assert_eq!(timeline.len(), 5);
    assert!(timeline.iter().all(|r| r.len() == 4));
    // The incident crosses midnight, so times carry dates.
    assert_eq!(timeline[1][0], "2024-11-02 23:40");
    assert_eq!(timeline[4][0], "2024-11-03 00:25");

    let metrics = table_with_header(&s, &["Metric", "Duration"]).expect("metrics table");
    assert_eq!(metrics[1], ["Time to detect", "12 min"]);
    assert_eq!(metrics[2], ["Time to mitigate", "30 min"]);
    assert_eq!(metrics[3], ["Time to resolve", "45 min"]);
    assert_eq!(metrics[4], ["Impact duration", "45 min"]);

    let actions = table_with_header(
        &s,
        &[
            "Action",
            "Type",
            "Owner",
            "Priority",
            "Due date",
            "Tracking link",
            "Done",
        ],
    )
    .expect("actions table");
    assert_eq!(actions.len(), 3);
    assert_eq!(actions[1][6], "No");
    assert_eq!(actions[2][6], "Yes");
    assert!(s.tasks.is_empty(), "the action items once, as a table");

    // Not exposed: the data-exposure details stay out of the report.
    let impact = table_with_header(&s, &["Measure", "Value"]).expect("impact table");
    assert!(impact.iter().all(|r| r[0] != "Kinds of data"));
}

#[test]
fn worked_example_golden_tells_the_chatgpt_story() {
    let doc = chatgpt_2023_03_20();
    let md = to_markdown(&doc);
    golden("example.md", &md);
    let s = structure(&md);
    assert_eq!(headings_at(&s, 2), SECTION_HEADINGS);
    assert!(md.contains("redis-py"));
    assert!(md.contains("1.2%"));
    let timeline =
        table_with_header(&s, &["Time", "Event", "Kind", "Link"]).expect("timeline table");
    assert_eq!(timeline.len(), 8);
    assert_eq!(timeline[1][0], "2023-03-20 01:00", "shown in Pacific time");
    let metrics = table_with_header(&s, &["Metric", "Duration"]).expect("metrics table");
    assert_eq!(metrics[3], ["Time to resolve", "18 h"]);
    assert!(s.tasks.is_empty(), "the action items once, as a table");
    let impact = table_with_header(&s, &["Measure", "Value"]).expect("impact table");
    assert!(impact.iter().any(|r| r[0] == "Kinds of data"));
}

/// Pieces that Markdown treats specially, and some plain text.
const ALPHABET: &[&str] = &[
    "|", "`", "```", "~~~", "#", "## ", "---", "===", "\r\n", "\n", "\r", "<", ">", "<!--",
    "<pre>", "[", "]", "(", ")", "  ", " ", "\\", "*", "_", "- ", "1. ", "> ", "a", "Z", "word",
    "&#124;", "    ",
];

fn awkward_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..14)
        // A letter at the end keeps the field non-empty, so the expected structure is known.
        .prop_map(|parts| format!("{} z", parts.concat()))
}

fn awkward_document() -> impl Strategy<Value = Postmortem> {
    let t = awkward_text;
    (
        prop::collection::vec(t(), 16),
        prop::collection::vec((t(), t()), 1..4),
        prop::collection::vec((t(), t(), t(), t(), any::<bool>()), 1..4),
        prop::collection::vec(t(), 1..4),
    )
        .prop_map(|(f, events, actions, list)| {
            let mut d = full_document();
            d.header.title = f[0].clone();
            d.header.incident_id = f[1].clone();
            d.header.owner = f[2].clone();
            d.summary = f[3].clone();
            d.impact.description = f[4].clone();
            d.impact.users_affected = f[5].clone();
            d.detection.description = f[6].clone();
            d.causes.trigger = f[7].clone();
            d.causes.root_causes = f[8].clone();
            d.causes.contributing_factors = f[9].clone();
            d.causes.recurrence = f[10].clone();
            d.response.responders = f[11].clone();
            d.response.mitigation = f[12].clone();
            d.communication.customer_notice = f[13].clone();
            d.communication.notified = f[14].clone();
            d.supporting_info = f[15].clone();
            d.causes.five_whys = list.clone();
            d.lessons.went_well = list.clone();
            d.lessons.got_lucky = list;
            d.timeline = events
                .into_iter()
                .enumerate()
                .map(|(i, (event, link))| TimelineEvent {
                    time: at(&format!("2024-11-02T0{i}:00:00+01:00")),
                    event,
                    kind: EventKind::Other,
                    link,
                })
                .collect();
            d.action_items = actions
                .into_iter()
                .map(
                    |(action, owner, due_date, tracking_link, done)| ActionItem {
                        action,
                        owner,
                        due_date,
                        tracking_link,
                        done,
                        ..ActionItem::default()
                    },
                )
                .collect();
            d
        })
}

#[test]
fn user_text_never_breaks_tables_forges_headings_or_ends_sections() {
    common::seeded_runner(400, 7)
        .run(&awkward_document(), |doc| {
            let md = to_markdown(&doc);
            let s = structure(&md);
            prop_assert_eq!(headings_at(&s, 1).len(), 1, "one title\n{}", md);
            prop_assert_eq!(headings_at(&s, 2), SECTION_HEADINGS.to_vec(), "\n{}", md);
            prop_assert_eq!(headings_at(&s, 3), SUBHEADINGS.to_vec(), "\n{}", md);
            prop_assert!(s.headings.iter().all(|(l, _)| *l <= 3), "\n{}", md);

            let header = table_with_header(&s, &["Field", "Value"]).expect("header table");
            prop_assert_eq!(header.len(), 11, "\n{}", md);
            prop_assert_eq!(&header[10][0], "Review meeting");

            let timeline = table_with_header(&s, &["Time", "Event", "Kind", "Link"]);
            prop_assert!(timeline.is_some(), "timeline table missing\n{}", md);
            let timeline = timeline.expect("checked");
            prop_assert_eq!(timeline.len(), doc.timeline.len() + 1, "\n{}", md);
            prop_assert!(
                timeline[1..].iter().all(|r| r[2] == "Other"),
                "kind column shifted\n{}",
                md
            );

            let actions = table_with_header(
                &s,
                &[
                    "Action",
                    "Type",
                    "Owner",
                    "Priority",
                    "Due date",
                    "Tracking link",
                    "Done",
                ],
            );
            prop_assert!(actions.is_some(), "action table missing\n{}", md);
            let actions = actions.expect("checked");
            prop_assert_eq!(actions.len(), doc.action_items.len() + 1, "\n{}", md);
            for (row, item) in actions[1..].iter().zip(&doc.action_items) {
                let kind = item.kind.map_or("", |k| k.label(Language::En));
                prop_assert_eq!(&row[1], kind, "type column shifted\n{}", md);
                prop_assert_eq!(&row[6], if item.done { "Yes" } else { "No" }, "\n{}", md);
            }
            // The table alone says what is done: no checklist repeats the items.
            prop_assert!(s.tasks.is_empty(), "\n{}", md);
            Ok(())
        })
        .expect("property holds");
}
