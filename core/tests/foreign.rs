//! Importing postmortems written elsewhere: each fixture's expected mapping, the structure
//! read from it, the words it keeps, and body-only copies of Hindsight's own Markdown.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod documents;

use common::seeded_runner as runner;
use common::{missing_words, offset_at, without_front_matter};
use hindsight_core::report::UNTITLED;
use hindsight_core::*;
use hindsight_core::{
    document::split_list, example::chatgpt_2023_03_20, export::export_markdown,
    import::import_any_markdown, import::import_foreign, import::import_markdown_body,
    import::targets, import::ForeignImport, import::MarkdownImport, markdown::to_markdown,
    normalize, words::audit,
};
use hindsight_core::{import::Target as T, FieldId as F, SectionId as S};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/foreign/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing fixture {path}"))
}

fn import(name: &str, zone: &str) -> ForeignImport {
    import_foreign(&fixture(name), zone, &offset_at).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The headed parts of an import: heading, where it went, and where else.
fn mapping(imp: &ForeignImport) -> Vec<(&str, T, Vec<T>)> {
    imp.parts
        .iter()
        .filter(|p| !p.heading.is_empty())
        .map(|p| (p.heading.as_str(), p.target, p.also.clone()))
        .collect()
}

/// Asserts the mapping of every heading, in order; `&[]` where a heading is not compound.
fn assert_mapping(imp: &ForeignImport, expected: &[(&str, T, &[T])]) {
    let got = mapping(imp);
    let want: Vec<(&str, T, Vec<T>)> = expected
        .iter()
        .map(|(h, t, also)| (*h, *t, also.to_vec()))
        .collect();
    assert_eq!(got, want);
}

const FIXTURES: &[&str] = &[
    "google-sre.md",
    "atlassian.md",
    "pagerduty.md",
    "github-status.md",
    "numbered.md",
    "confluence.md",
    "zh-tw.md",
    "questions.md",
    "zone-table.md",
];

/// Every word of the file's text is in the imported document.
fn assert_nothing_lost(text: &str, imp: &ForeignImport) {
    let missing = missing_words(text, imp);
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn every_fixture_keeps_every_word_and_moving_parts_keeps_them_too() {
    for name in FIXTURES {
        let text = fixture(name);
        let mut imp = import(name, "Europe/Berlin");
        let body = without_front_matter(&text);
        assert_eq!(missing_words(body, &imp), [], "{name}");
        // Moved to Supporting information, every heading keeps its words as well.
        for i in 0..imp.parts.len() {
            imp.retarget(i, T::Supporting);
        }
        assert_eq!(missing_words(body, &imp), [], "{name}, all moved");
        assert_eq!(imp.summary().0, 0, "{name}");
    }
}

/// Prints each fixture's mapping and counts: `cargo test -p hindsight-core --test foreign
/// resolution_note -- --nocapture`, for the resolution note.
#[test]
fn resolution_note() {
    for name in FIXTURES {
        let imp = import(name, "UTC");
        let (mapped, supporting) = imp.summary();
        println!("{name}: {mapped} headings mapped to a section or field, {supporting} to Supporting information");
    }
}

fn time(e: &TimelineEvent) -> Option<String> {
    e.time.map(|t| t.to_rfc3339())
}

#[test]
fn google_sre_template() {
    let imp = import("google-sre.md", "UTC");
    assert_mapping(
        &imp,
        &[
            (
                "Search results went stale for six hours (incident #2211)",
                T::Field(F::Title),
                &[],
            ),
            ("Date", T::Field(F::IncidentDate), &[]),
            ("Authors", T::Field(F::Authors), &[]),
            ("Status", T::Field(F::Status), &[]),
            ("Summary", T::Field(F::Summary), &[]),
            ("Impact", T::Field(F::ImpactText), &[]),
            ("Root Causes", T::Field(F::RootCauses), &[]),
            ("Trigger", T::Field(F::Trigger), &[]),
            ("Resolution", T::Field(F::Resolution), &[]),
            ("Detection", T::Field(F::DetectionText), &[]),
            ("Action Items", T::Section(S::ActionItems), &[]),
            ("Lessons Learned", T::Section(S::Lessons), &[]),
            ("What went well", T::Field(F::WentWell), &[]),
            ("What went wrong", T::Field(F::WentWrong), &[]),
            ("Where we got lucky", T::Field(F::GotLucky), &[]),
            ("Timeline", T::Section(S::Timeline), &[]),
            ("Supporting information", T::Supporting, &[]),
        ],
    );
    assert_eq!(imp.summary(), (16, 2));
    let d = &imp.doc;
    assert_eq!(imp.language, Language::En);
    assert_eq!(d.header.incident_date, "2024-03-14");
    assert_eq!(d.header.authors, ["priya", "tomasz", "ahmed"]);
    assert_eq!(d.header.status, Status::Final);
    assert!(d
        .supporting_info
        .contains("**Status:** Complete, action items in progress"));
    assert!(d.causes.trigger.contains("`shard_list`"));
    assert_eq!(d.timeline.len(), 7);
    assert_eq!(
        time(&d.timeline[1]).as_deref(),
        Some("2024-03-14T02:31:00+00:00")
    );
    assert_eq!(d.timeline[1].kind, EventKind::ImpactStarted);
    assert_eq!(d.timeline[6].kind, EventKind::Resolved);
    assert_eq!(d.action_items.len(), 4);
    let a = &d.action_items[0];
    assert_eq!(
        (a.owner.as_str(), a.kind),
        ("tomasz", Some(ActionType::Prevent))
    );
    assert_eq!(a.tracking_link, "https://bugs.example.com/SRCH-481");
    assert_eq!(d.action_items[1].kind, Some(ActionType::Detect));
    assert_eq!(d.action_items[3].kind, Some(ActionType::Mitigate));
    assert_eq!(d.lessons.went_well.len(), 2);
    assert_eq!(d.lessons.got_lucky.len(), 1);
    assert!(d.supporting_info.contains("[Snapshot age dashboard]"));
}

#[test]
fn atlassian_template() {
    let imp = import("atlassian.md", "Europe/Berlin");
    assert_mapping(
        &imp,
        &[
            (
                "Incident postmortem: billing webhooks delayed by up to two hours",
                T::Field(F::Title),
                &[],
            ),
            ("Incident summary", T::Field(F::Summary), &[]),
            ("Leadup", T::Field(F::Trigger), &[]),
            ("Fault", T::Field(F::RootCauses), &[]),
            ("Impact", T::Field(F::ImpactText), &[]),
            ("Detection", T::Field(F::DetectionText), &[]),
            ("Response", T::Section(S::Response), &[]),
            ("Recovery", T::Field(F::Resolution), &[]),
            ("Timeline", T::Section(S::Timeline), &[]),
            ("Five whys", T::Field(F::FiveWhys), &[]),
            ("Blameless root cause", T::Field(F::RootCauses), &[]),
            ("Recurrence", T::Field(F::Recurrence), &[]),
            ("Lessons learned", T::Section(S::Lessons), &[]),
            ("Corrective actions", T::Section(S::ActionItems), &[]),
        ],
    );
    assert_eq!(imp.summary(), (15, 1));
    let d = &imp.doc;
    // The header table at the top.
    assert_eq!(d.header.incident_id, "BILL-2024-017");
    assert_eq!(d.header.severity, Some(Severity::Sev2));
    assert_eq!(d.header.owner, "Marta Kowalski");
    assert_eq!(d.header.incident_date, "2024-06-03");
    assert!(d.supporting_info.contains("**Severity:** Sev 2 - Major"));
    // "All times are UTC." under the list holds for the rows above it, and for the draft.
    assert_eq!(d.header.time_zone, "UTC");
    assert_eq!(d.timeline.len(), 7);
    assert_eq!(
        time(&d.timeline[1]).as_deref(),
        Some("2024-06-03T13:40:00+00:00")
    );
    assert_eq!(d.timeline[1].kind, EventKind::ImpactStarted);
    assert_eq!(d.causes.five_whys.len(), 4);
    assert!(d.causes.root_causes.contains("**Blameless root cause**"));
    assert!(d.response.mitigation.starts_with("Support escalated"));
    let a = &d.action_items[1];
    assert_eq!(
        (a.owner.as_str(), a.due_date.as_str()),
        ("Sanjay", "2024-06-21")
    );
    assert_eq!(a.kind, None, "the file does not say its type");
    assert_eq!(d.lessons.went_wrong.len(), 2);
}

#[test]
fn pagerduty_template() {
    let imp = import("pagerduty.md", "America/Los_Angeles");
    assert_mapping(
        &imp,
        &[
            (
                "[Postmortem] Login failures on the mobile apps",
                T::Field(F::Title),
                &[],
            ),
            ("Overview", T::Field(F::Summary), &[]),
            ("What Happened", T::Field(F::Summary), &[]),
            ("Resolution", T::Field(F::Resolution), &[]),
            ("Impact", T::Field(F::ImpactText), &[]),
            ("Responders", T::Field(F::Responders), &[]),
            ("Timeline", T::Section(S::Timeline), &[]),
            ("How'd We Do?", T::Section(S::Lessons), &[]),
            ("What Went Well", T::Field(F::WentWell), &[]),
            ("What Didn't Go So Well", T::Field(F::WentWrong), &[]),
            ("Action Items", T::Section(S::ActionItems), &[]),
            ("Messaging", T::Section(S::Communication), &[]),
            ("Internal", T::Field(F::InternalNotice), &[]),
            ("External", T::Field(F::CustomerNotice), &[]),
        ],
    );
    assert_eq!(imp.summary(), (14, 0));
    let d = &imp.doc;
    // Two parts in one field: the second keeps its heading.
    assert!(d
        .summary
        .contains("\n\n**What Happened**\n\nAn expired intermediate"));
    assert_eq!(d.response.responders.lines().count(), 3);
    assert_eq!(d.timeline.len(), 6);
    assert_eq!(
        time(&d.timeline[0]).as_deref(),
        Some("2024-09-10T09:12:00-07:00")
    );
    assert_eq!(d.timeline[3].kind, EventKind::StatusPageUpdated);
    let a = &d.action_items[0];
    assert_eq!(a.owner, "Felix");
    assert_eq!(a.tracking_link, "https://tickets.example.com/SEC-311");
    assert!(a.action.ends_with("(Ticket: SEC-311)"));
    assert!(d.communication.customer_notice.contains("update the app"));
}

#[test]
fn status_report_with_a_timestamp_heading_per_event() {
    let imp = import("github-status.md", "Asia/Taipei");
    assert_mapping(
        &imp,
        &[
            (
                "Incident report: elevated error rates on the Git API",
                T::Field(F::Title),
                &[],
            ),
            ("Severity", T::Field(F::Severity), &[]),
            ("Incident ID", T::Field(F::IncidentId), &[]),
            ("Owner", T::Field(F::Owner), &[]),
            ("Status updates", T::Section(S::Timeline), &[]),
            (
                "2024-05-02 14:05 UTC — Investigating",
                T::Section(S::Timeline),
                &[],
            ),
            (
                "2024-05-02 14:32 UTC — Identified",
                T::Section(S::Timeline),
                &[],
            ),
            (
                "2024-05-02 15:10 UTC — Monitoring",
                T::Section(S::Timeline),
                &[],
            ),
            (
                "2024-05-02 15:48 UTC — Resolved",
                T::Section(S::Timeline),
                &[],
            ),
            ("What went wrong", T::Field(F::WentWrong), &[]),
            ("Where we got lucky", T::Field(F::GotLucky), &[]),
            ("Next steps", T::Section(S::ActionItems), &[]),
            ("Appendix: links", T::Supporting, &[]),
        ],
    );
    assert_eq!(imp.summary(), (13, 1));
    let d = &imp.doc;
    // The text under the title, before any section, is the summary.
    assert!(d.summary.starts_with("On May 2 the Git API"));
    assert_eq!(d.header.severity, Some(Severity::Sev2));
    assert_eq!(d.header.incident_id, "GIT-0502");
    assert_eq!(d.timeline.len(), 4);
    let e = &d.timeline[0];
    assert_eq!(time(e).as_deref(), Some("2024-05-02T14:05:00+00:00"));
    assert_eq!(d.header.time_zone, "UTC", "the report's times are in UTC");
    assert_eq!(e.kind, EventKind::Detected);
    assert!(e
        .event
        .starts_with("2024-05-02 14:05 UTC — Investigating: We are investigating"));
    assert_eq!(
        d.timeline.iter().map(|e| e.kind).collect::<Vec<_>>(),
        [
            EventKind::Detected,
            EventKind::Other,
            EventKind::Mitigated,
            EventKind::Resolved
        ]
    );
    let a = &d.action_items;
    assert_eq!(a.len(), 3);
    assert!(a[0].done);
    assert_eq!(a[0].owner, "kenji");
    assert_eq!(
        (a[1].owner.as_str(), a[1].due_date.as_str()),
        ("amara", "2024-06-15")
    );
    assert_eq!(
        (a[2].priority, a[2].due_date.as_str()),
        (Some(Priority::P1), "2024-05-20")
    );
}

#[test]
fn numbered_sections_with_a_numbered_action_table() {
    let imp = import("numbered.md", "Europe/Berlin");
    assert_mapping(
        &imp,
        &[
            (
                "Checkout latency incident, February 2024",
                T::Field(F::Title),
                &[],
            ),
            ("1. Summary", T::Field(F::Summary), &[]),
            ("2. Impact", T::Field(F::ImpactText), &[]),
            (
                "3. Timeline (2024-02-06, CET)",
                T::Section(S::Timeline),
                &[],
            ),
            (
                "4. Root cause and mitigation",
                T::Field(F::RootCauses),
                &[T::Field(F::Mitigation)],
            ),
            ("5. Detection", T::Field(F::DetectionText), &[]),
            ("6. Action items", T::Section(S::ActionItems), &[]),
            ("7. Lessons learned", T::Section(S::Lessons), &[]),
            ("8. Appendix", T::Supporting, &[]),
        ],
    );
    assert_eq!(imp.summary(), (8, 1));
    let d = &imp.doc;
    // The day and zone come from the heading.
    assert_eq!(d.timeline.len(), 6);
    assert_eq!(
        time(&d.timeline[0]).as_deref(),
        Some("2024-02-06T10:02:00+01:00")
    );
    assert_eq!(d.timeline[5].kind, EventKind::Resolved);
    // The compound heading's text is split where mitigation is first named.
    assert!(d
        .causes
        .root_causes
        .ends_with("ran dry within two minutes of the launch."));
    assert!(d.response.mitigation.starts_with("We mitigated the impact"));
    let a = &d.action_items;
    assert_eq!(a.len(), 4);
    assert_eq!(
        a[0].action,
        "Evaluate promotion rules over a single connection (Status: In progress)"
    );
    assert_eq!(
        (a[0].owner.as_str(), a[0].priority, a[0].due_date.as_str()),
        ("Ines", Some(Priority::P1), "2024-02-23")
    );
    assert_eq!(a[1].priority, Some(Priority::P1));
    assert!(a[1].action.contains("(Priority: High)"));
    assert!(a[2].done);
    assert_eq!(a[3].due_date, "");
    assert!(a[3].action.contains("(Due: Q2)"));
    assert!(d.supporting_info.starts_with("**8. Appendix**"));
}

#[test]
fn confluence_export_with_bold_and_setext_headings() {
    let imp = import("confluence.md", "UTC");
    assert_mapping(
        &imp,
        &[
            ("Postmortem: internal DNS outage", T::Field(F::Title), &[]),
            ("Date", T::Field(F::IncidentDate), &[]),
            ("Owner", T::Field(F::Owner), &[]),
            ("Status", T::Field(F::Status), &[]),
            ("Executive Summary", T::Field(F::Summary), &[]),
            ("Customer Impact", T::Field(F::ImpactText), &[]),
            ("Root Cause", T::Field(F::RootCauses), &[]),
            (
                "Contributing factors",
                T::Field(F::ContributingFactors),
                &[],
            ),
            (
                "Mitigation & Resolution",
                T::Field(F::Mitigation),
                &[T::Field(F::Resolution)],
            ),
            ("Follow-ups", T::Section(S::ActionItems), &[]),
            ("Glossary", T::Supporting, &[]),
        ],
    );
    assert_eq!(imp.summary(), (10, 1));
    let d = &imp.doc;
    assert_eq!(d.header.incident_date, "2024-07-22");
    assert_eq!(d.header.owner, "Platform SRE");
    assert_eq!(d.header.status, Status::InReview);
    // <br> became a line break, and no tag is left.
    assert!(d
        .impact
        .description
        .contains("UTC.\nThe public status page"));
    assert!(!d.supporting_info.contains("<span>"));
    assert!(d.response.mitigation.starts_with("We mitigated"));
    assert!(d.response.resolution.starts_with("As a resolution"));
    assert_eq!(d.action_items.len(), 3);
    assert_eq!(d.action_items[0].owner, "Lukas");
    assert_eq!(d.action_items[1].due_date, "2024-07-31");
    assert!(d.action_items[2].done);
}

#[test]
fn traditional_chinese_report() {
    let imp = import("zh-tw.md", "Asia/Taipei");
    assert_mapping(
        &imp,
        &[
            ("訂單服務 API 逾時事件檢討", T::Field(F::Title), &[]),
            ("事件日期", T::Field(F::IncidentDate), &[]),
            ("嚴重程度", T::Field(F::Severity), &[]),
            ("撰寫者", T::Field(F::Authors), &[]),
            ("狀態", T::Field(F::Status), &[]),
            ("一、事件概要", T::Field(F::Summary), &[]),
            ("二、影響範圍", T::Field(F::ImpactText), &[]),
            (
                "三、根因和觸發點",
                T::Field(F::RootCauses),
                &[T::Field(F::Trigger)],
            ),
            // The labels inside the compound part cut it, each to its own field.
            ("根因", T::Field(F::RootCauses), &[]),
            ("觸發點", T::Field(F::Trigger), &[]),
            ("四、時間線（台北時間）", T::Section(S::Timeline), &[]),
            ("五、後續優化", T::Section(S::ActionItems), &[]),
            ("六、學到了什麼", T::Section(S::Lessons), &[]),
            ("七、詞彙表", T::Supporting, &[]),
        ],
    );
    assert_eq!(imp.summary(), (13, 1));
    assert_eq!(imp.language, Language::ZhTw);
    let d = &imp.doc;
    assert_eq!(d.language, Language::ZhTw);
    assert_eq!(d.header.authors, ["林怡君", "陳冠宇"]);
    assert_eq!(d.header.status, Status::InReview);
    assert_eq!(d.header.severity, Some(Severity::Sev2));
    assert!(
        d.causes.root_causes.starts_with("報表服務直接查詢"),
        "{}",
        d.causes.root_causes
    );
    assert!(
        d.causes.trigger.starts_with("當天 20:00"),
        "{}",
        d.causes.trigger
    );
    assert!(!d.causes.root_causes.contains("觸發點"));
    assert_eq!(d.timeline.len(), 6);
    assert_eq!(
        time(&d.timeline[1]).as_deref(),
        Some("2024-04-18T20:12:00+08:00")
    );
    assert_eq!(d.timeline[1].kind, EventKind::ImpactStarted);
    assert_eq!(d.timeline[3].kind, EventKind::Escalated);
    assert_eq!(d.timeline[4].kind, EventKind::Mitigated);
    let a = &d.action_items;
    assert_eq!(a.len(), 3);
    assert_eq!(
        (a[0].owner.as_str(), a[0].due_date.as_str()),
        ("陳冠宇", "2024-05-10")
    );
    assert!(a[2].done);
    assert_eq!(a[2].kind, None, "the file does not say its type");
    assert_eq!(d.lessons.went_wrong.len(), 2);
    assert!(d.supporting_info.starts_with("**七、詞彙表**"));
}

#[test]
fn questions_as_headings() {
    let imp = import("questions.md", "UTC");
    assert_mapping(
        &imp,
        &[
            (
                "Why did checkout break on launch day?",
                T::Field(F::Title),
                &[],
            ),
            ("What happened?", T::Field(F::Summary), &[]),
            ("Who was affected?", T::Field(F::ImpactText), &[]),
            ("What caused the incident?", T::Field(F::RootCauses), &[]),
            ("How did we find out?", T::Field(F::DetectionText), &[]),
            ("How did we fix it?", T::Field(F::Resolution), &[]),
            ("Who responded?", T::Field(F::Responders), &[]),
            (
                "What are we doing to prevent it from happening again?",
                T::Section(S::ActionItems),
                &[],
            ),
            ("What did we learn?", T::Section(S::Lessons), &[]),
            ("Open questions", T::Supporting, &[]),
        ],
    );
    assert_eq!(imp.summary(), (9, 1));
    let d = &imp.doc;
    assert_eq!(d.header.title, "Why did checkout break on launch day?");
    assert_eq!(
        d.response.responders,
        "Noor Haddad — incident commander\nJonas Weber — checkout frontend\nPriya Raman — payments API"
    );
    let a = &d.action_items;
    assert_eq!(a.len(), 3);
    assert_eq!(
        (a[0].owner.as_str(), a[0].due_date.as_str()),
        ("Web platform", "2024-04-12")
    );
    assert_eq!(a[0].kind, None, "the file does not say its type");
    assert!(d
        .supporting_info
        .starts_with("**Open questions**\n\nShould gift card balances"));
}

#[test]
fn zone_in_the_timeline_heading_and_a_task_list_of_actions() {
    let imp = import("zone-table.md", "Europe/Berlin");
    assert_mapping(
        &imp,
        &[
            (
                "Image uploads failed for EU customers",
                T::Field(F::Title),
                &[],
            ),
            ("Summary", T::Field(F::Summary), &[]),
            ("Impact", T::Field(F::ImpactText), &[]),
            ("Timeline (all times PT)", T::Section(S::Timeline), &[]),
            ("Root cause", T::Field(F::RootCauses), &[]),
            ("Action items", T::Section(S::ActionItems), &[]),
            ("Lessons learned", T::Section(S::Lessons), &[]),
            ("What went well", T::Field(F::WentWell), &[]),
            ("What went wrong", T::Field(F::WentWrong), &[]),
        ],
    );
    assert_eq!(imp.summary(), (9, 0));
    let d = &imp.doc;
    // Front matter fills the header; a key it does not know is kept.
    assert_eq!(d.header.title, "Image uploads failed for EU customers");
    assert_eq!(d.header.incident_date, "2024-10-08");
    assert_eq!(d.header.severity, Some(Severity::Sev3));
    assert_eq!(d.header.authors, ["lena", "marco"]);
    assert_eq!(d.header.tags, ["storage", "uploads"]);
    assert!(d.supporting_info.contains("- team: media-platform"));
    // 08:55 Pacific daylight time: the draft takes the report's zone.
    assert_eq!(d.header.time_zone, "America/Los_Angeles");
    assert_eq!(d.timeline.len(), 5);
    assert_eq!(
        time(&d.timeline[0]).as_deref(),
        Some("2024-10-08T08:55:00-07:00")
    );
    assert_eq!(
        d.timeline[0].event,
        "08:55 — Access policy update applied to the EU bucket (Who: Marco)"
    );
    assert_eq!(d.timeline[1].kind, EventKind::ImpactStarted);
    let a = &d.action_items;
    assert_eq!(a.len(), 3);
    assert_eq!(
        (a[1].owner.as_str(), a[1].due_date.as_str()),
        ("lena", "2024-10-18")
    );
    assert!(a[2].done && !a[0].done);
}

#[test]
fn moving_a_part_rebuilds_the_document_and_children_follow() {
    let mut imp = import_foreign(
        "# Outage\n\n## Root cause\n\nThe pool ran dry.\n\n### Database\n\nToo few connections.\n\n## Notes\n\nCall notes.\n",
        "UTC",
        &offset_at,
    )
    .expect("imports");
    let got: Vec<(&str, T, bool)> = imp
        .parts
        .iter()
        .map(|p| (p.heading.as_str(), p.target, p.inherited))
        .collect();
    assert_eq!(
        got,
        [
            ("Outage", T::Field(F::Title), false),
            ("Root cause", T::Field(F::RootCauses), false),
            ("Database", T::Field(F::RootCauses), true),
            ("Notes", T::Supporting, false),
        ]
    );
    assert_eq!(
        imp.doc.causes.root_causes,
        "The pool ran dry.\n\n**Database**\n\nToo few connections."
    );
    imp.retarget(1, T::Field(F::Trigger));
    assert_eq!(imp.doc.causes.root_causes, "");
    assert_eq!(
        imp.doc.causes.trigger,
        "The pool ran dry.\n\n**Database**\n\nToo few connections."
    );
    imp.retarget(3, T::Section(S::Summary));
    assert_eq!(imp.doc.summary, "Call notes.");
    assert_eq!(imp.doc.supporting_info, "");
    imp.retarget(99, T::Supporting);
    assert_eq!(imp.summary(), (4, 0));
}

#[test]
fn the_dialog_offers_every_place_labelled_in_both_languages() {
    let all = targets();
    assert_eq!(all.first().map(|t| t.0), Some(T::Field(F::Summary)));
    assert_eq!(all.last().map(|t| t.0), Some(T::Supporting));
    assert!(all
        .iter()
        .any(|(t, w)| *t == T::Section(S::Timeline) && w.zh == "時間軸"));
    assert!(all
        .iter()
        .any(|(t, w)| *t == T::Field(F::Trigger) && w.zh == "觸發點"));
    assert!(all
        .iter()
        .all(|(t, w)| !w.en.is_empty() && !w.zh.is_empty() && t.label() == *w));
    assert!(!all.iter().any(|(t, _)| t.section() == S::Header));
    assert_eq!(
        audit(
            hindsight_core::import::foreign::messages::ALL
                .iter()
                .copied()
        ),
        Vec::<String>::new()
    );
}

#[test]
fn any_markdown_goes_to_the_reader_that_fits_it() {
    let doc = chatgpt_2023_03_20();
    let md = export_markdown(&doc);
    match import_any_markdown(&md, "UTC", &offset_at) {
        Ok(MarkdownImport::Hindsight(d)) => assert_eq!(d, doc.normalized()),
        other => panic!("{other:?}"),
    }
    match import_any_markdown(&to_markdown(&doc), "UTC", &offset_at) {
        Ok(MarkdownImport::HindsightBody(d)) => {
            assert_eq!(d.header.title, doc.header.title);
            assert_eq!(d.timeline, doc.normalized().timeline);
        }
        other => panic!("{other:?}"),
    }
    match import_any_markdown(&fixture("zone-table.md"), "UTC", &offset_at) {
        Ok(MarkdownImport::Foreign(f)) => assert_eq!(f.doc.header.severity, Some(Severity::Sev3)),
        other => panic!("{other:?}"),
    }
    // A body-only copy with a section Hindsight does not know is read as foreign, whole.
    let edited = to_markdown(&doc).replace("## Summary", "## Our notes\n\nKept.\n\n## Summary");
    match import_any_markdown(&edited, "UTC", &offset_at) {
        Ok(MarkdownImport::Foreign(f)) => assert!(f.doc.supporting_info.contains("Kept.")),
        other => panic!("{other:?}"),
    }
    // Hindsight's own front matter keeps its exact errors.
    let bad = "---\nschema_version: 1\nseverity: \"SEV9\"\n---\n";
    assert!(import_any_markdown(bad, "UTC", &offset_at).is_err());
    assert!(import_foreign(" \n", "UTC", &offset_at).is_err());
}

/// A body-only copy ("Copy Markdown" without the front matter) of a document.
fn body_only(md: &str) -> &str {
    md.strip_prefix("---\n")
        .and_then(|r| r.split_once("\n---\n\n"))
        .map_or(md, |(_, body)| body)
}

/// What a body-only copy carries of a document: what the Markdown carries
/// ([`Postmortem::normalized`]) less what only the front matter holds. The template is Full,
/// nothing is dismissed, the customer version keeps no settings, action items follow their
/// type for Public; the title and one-line header fields are flattened and trimmed (an empty
/// title reads back empty); Authors, Reviewers and Tags are split again at the separator.
fn body_expected(d: &Postmortem) -> Postmortem {
    let mut n = d.normalized();
    n.template = Template::Full;
    n.dismissed.clear();
    n.public = PublicVersion::default();
    for a in &mut n.action_items {
        a.public = None;
    }
    let h = &mut n.header;
    let title = normalize::inline(&h.title);
    h.title = if UNTITLED.matches(&title) {
        String::new()
    } else {
        title
    };
    for t in [
        &mut h.incident_id,
        &mut h.incident_date,
        &mut h.time_zone,
        &mut h.owner,
        &mut h.review_meeting,
    ] {
        *t = normalize::inline(t);
    }
    let sep = match n.language {
        Language::En => ", ",
        Language::ZhTw => "、",
    };
    for list in [&mut h.authors, &mut h.reviewers, &mut h.tags] {
        *list = split_list(&normalize::inline(&list.join(sep)));
    }
    n
}

#[test]
fn body_only_copies_of_generated_documents_import_back() {
    runner(400, 31)
        .run(&documents::document(), |d| {
            let want = body_expected(&d);
            let exported = export_markdown(&d);
            for body in [body_only(&exported).to_owned(), to_markdown(&d)] {
                let back = import_markdown_body(&body)
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{body}")))?;
                prop_assert_eq!(&back, &want, "\n{}", body);
                // The body alone is what "Copy Markdown" gives; it reads back the same again.
                prop_assert_eq!(to_markdown(&back), to_markdown(&want));
            }
            Ok(())
        })
        .expect("property holds");
}

#[test]
fn the_worked_example_survives_a_body_only_copy() {
    let doc = chatgpt_2023_03_20();
    let back = import_markdown_body(body_only(&export_markdown(&doc))).expect("imports");
    assert_eq!(back, body_expected(&doc));
    assert_eq!(back.header.severity, doc.header.severity);
    assert_eq!(back.header.authors, doc.header.authors);
}

/// Pieces of foreign Markdown: words in both languages, with the characters Markdown treats
/// specially, links, code, numbers.
const WORDS: &[&str] = &[
    "deploy",
    "cache",
    "Ana",
    "rollback",
    "資料庫",
    "逾時",
    "42",
    "eu-west",
    "p99",
    "snake\\_case",
    "x",
    "Z",
    "日本語",
    "😀",
    "a|b",
    "C#",
    "**bold**",
    "`code`",
    "[link](https://example.com/a)",
    "<https://example.com/b>",
    "\\*",
    "&amp;",
    "1.5",
    "(note)",
    "—",
    "UTC",
    "Sev",
    "P1",
    "done",
    "影響",
    "根因",
    "ok:",
    "<br>",
    "&nbsp;",
];

const HEADINGS: &[&str] = &[
    "Summary",
    "Executive summary",
    "TL;DR",
    "事件概要",
    "摘要",
    "Impact",
    "影響範圍",
    "Root cause(s)",
    "What caused the incident?",
    "根因和觸發點",
    "Trigger",
    "Leadup",
    "Contributing factors",
    "Detection",
    "How did we find out?",
    "Resolution",
    "Mitigation & Resolution",
    "Root cause and mitigation",
    "Timeline",
    "Timeline (all times UTC)",
    "時間線（台北時間）",
    "Action items",
    "Next steps",
    "後續優化",
    "Lessons learned",
    "What went well",
    "What went wrong",
    "Where we got lucky",
    "學到了什麼",
    "Background",
    "Glossary",
    "Appendix",
    "Notes from the call",
    "Random heading",
    "Questions",
    "2024-05-02 14:05 UTC — Investigating",
    "2024-05-03",
    "3. Impact",
    "4.1 Trigger",
    "Five whys",
    "Responders",
    "Messaging",
    "Internal",
    "External",
    "Incident details",
];

fn phrase(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..max).prop_map(|w| w.join(" "))
}

fn heading() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(HEADINGS).prop_map(str::to_owned),
        phrase(4),
    ]
}

fn clock() -> impl Strategy<Value = String> {
    (0u32..24, 0u32..60).prop_map(|(h, m)| format!("{h:02}:{m:02}"))
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        (1usize..5, heading()).prop_map(|(l, h)| format!("{} {h}", "#".repeat(l))),
        heading().prop_map(|h| format!("**{h}**")),
        (heading(), phrase(6)).prop_map(|(h, p)| format!("**{h}:** {p}")),
        (phrase(4), phrase(4)).prop_map(|(o, s)| format!("Date: 2024-05-02\nOwner: {o}\nSeverity: {s}")),
        prop::collection::vec(phrase(8), 1..4).prop_map(|l| l.join("\n")),
        prop::collection::vec(prop_oneof![phrase(6), (clock(), phrase(5)).prop_map(|(c, p)| format!("{c} — {p}"))], 1..5)
            .prop_map(|items| items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n")),
        prop::collection::vec((any::<bool>(), phrase(5), phrase(2), 1u32..28), 1..4).prop_map(|items| {
            items
                .iter()
                .map(|(done, a, o, d)| format!("- [{}] {a} — owner: {o}, due 2024-06-{d:02}", if *done { 'x' } else { ' ' }))
                .collect::<Vec<_>>()
                .join("\n")
        }),
        prop::collection::vec((clock(), phrase(5), phrase(2)), 1..4).prop_map(|rows| {
            let mut t = String::from("| Time | Event | Status |\n| --- | --- | --- |");
            for (c, e, s) in rows {
                t.push_str(&format!("\n| {c} | {e} | {s} |"));
            }
            t
        }),
        prop::collection::vec((phrase(5), phrase(2), phrase(2), phrase(2)), 1..4).prop_map(|rows| {
            let mut t = String::from("| # | Action | Owner | Priority | Due | Status |\n| --- | --- | --- | --- | --- | --- |");
            for (i, (a, o, p, s)) in rows.iter().enumerate() {
                t.push_str(&format!("\n| {} | {a} | {o} | {p} | June {}, 2024 | {s} |", i + 1, i + 1));
            }
            t
        }),
        (phrase(2), phrase(3)).prop_map(|(k, v)| format!("| {k} | {v} |\n| --- | --- |\n| {v} | {k} |")),
        phrase(6).prop_map(|p| format!("```\n{p}\n```")),
        phrase(6).prop_map(|p| format!("> {p}")),
        Just("---".to_owned()),
    ]
}

fn foreign_doc() -> impl Strategy<Value = String> {
    // A file that starts with `---` could hold front matter, whose keys are not text.
    (phrase(6), prop::collection::vec(block(), 0..14))
        .prop_map(|(first, b)| format!("{first}\n\n{}\n", b.join("\n\n")))
}

#[test]
fn generated_foreign_files_keep_every_word() {
    runner(400, 32)
        .run(&foreign_doc(), |text| {
            let mut imp = import_foreign(&text, "America/Los_Angeles", &offset_at)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(
                missing_words(&text, &imp),
                Vec::<(String, usize)>::new(),
                "\n{}",
                text
            );
            // The dialog's counts come from where text landed: every part with text landed
            // somewhere, and text in Supporting information is counted there.
            for (p, places) in imp.parts.iter().zip(&imp.landed) {
                prop_assert!(
                    p.text.trim().is_empty() || !places.is_empty(),
                    "{:?} landed nowhere\n{}",
                    p.heading,
                    text
                );
            }
            let (_, supporting) = imp.summary();
            let in_supporting = imp
                .landed
                .iter()
                .any(|places| places.iter().any(|l| l.place == T::Supporting));
            prop_assert_eq!(supporting > 0, in_supporting);
            // Every move keeps every word too.
            let choices = targets();
            for i in 0..imp.parts.len() {
                imp.retarget(i, choices[i % choices.len()].0);
                prop_assert_eq!(
                    missing_words(&text, &imp),
                    Vec::<(String, usize)>::new(),
                    "\n{}",
                    text
                );
            }
            Ok(())
        })
        .expect("property holds");
}

/// Text from the exchange tests' pieces (what Markdown, tables and YAML treat specially),
/// cut by headings of every kind.
fn hostile_doc() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        documents::text(),
        heading().prop_map(|h| format!("\n## {h}\n")),
        heading().prop_map(|h| format!("\n**{h}:** ")),
        block().prop_map(|b| format!("\n\n{b}\n\n")),
    ];
    (phrase(3), prop::collection::vec(piece, 0..12))
        .prop_map(|(first, p)| format!("{first}\n\n{}", p.concat()))
}

#[test]
fn text_built_to_confuse_keeps_every_word_and_never_panics() {
    runner(600, 33)
        .run(&hostile_doc(), |text| {
            let imp = import_foreign(&text, "Asia/Taipei", &offset_at)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(
                missing_words(&text, &imp),
                Vec::<(String, usize)>::new(),
                "\n{:?}",
                text
            );
            Ok(())
        })
        .expect("property holds");
    // The render pipeline's hostile inputs import without a panic, every word kept.
    let text = include_str!("fixtures/hostile.txt");
    let imp = import_foreign(text, "UTC", &offset_at).expect("imports");
    assert_eq!(missing_words(text, &imp), []);
}

/// Imports `text`, then moves each part in turn to another place (chosen by `step` and
/// `seed`): after the import and after every move, every word of the file is kept.
fn kept_wherever_parts_go(
    text: &str,
    zone: &str,
    step: usize,
    seed: u8,
) -> Result<(), TestCaseError> {
    let mut imp =
        import_foreign(text, zone, &offset_at).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(
        missing_words(text, &imp),
        Vec::<(String, usize)>::new(),
        "\n{:?}",
        text
    );
    let choices = targets();
    for i in 0..imp.parts.len() {
        imp.retarget(i, choices[(i * step + seed as usize) % choices.len()].0);
        prop_assert_eq!(
            missing_words(text, &imp),
            Vec::<(String, usize)>::new(),
            "\n{:?}",
            text
        );
    }
    Ok(())
}

/// The two properties over many more seeds: `cargo test -p hindsight-core --test foreign
/// soak -- --ignored` (about two minutes).
#[test]
#[ignore]
fn soak_more() {
    for seed in 90..110u8 {
        runner(400, seed)
            .run(&foreign_doc(), |text| {
                kept_wherever_parts_go(&text, "Europe/Berlin", 5, seed)
            })
            .expect("property holds");
        runner(200, seed)
            .run(&documents::document(), |d| {
                let body = to_markdown(&d);
                let back = import_markdown_body(&body)
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{body}")))?;
                prop_assert_eq!(back, body_expected(&d));
                Ok(())
            })
            .expect("property holds");
    }
}

/// Text built to confuse, over many seeds, every part moved somewhere.
#[test]
#[ignore]
fn soak() {
    for seed in 40..80u8 {
        runner(500, seed)
            .run(&hostile_doc(), |text| {
                kept_wherever_parts_go(&text, "Asia/Taipei", 7, seed)
            })
            .expect("property holds");
    }
}

/// Reading time grows with the file, not faster: run with `--ignored --nocapture` and read
/// the ratios (no timing is asserted).
#[test]
#[ignore]
fn large_files_take_linear_time() {
    let shapes = |n: usize| -> Vec<(&str, String)> {
        vec![
            ("headings", (0..n).map(|i| format!("## Note {i}\n\nText {i}.\n\n")).collect()),
            ("labels", format!("# T\n\n{}", (0..n).map(|i| format!("**{}:** 2024-01-{:02} x **y**\n", ["Date", "Owner", "Summary"][i % 3], i % 28 + 1)).collect::<String>())),
            ("timeline", format!("## Timeline (UTC)\n\n2024-05-02\n\n{}", (0..n).map(|i| format!("- {:02}:{:02} — event {i}\n", i / 60 % 24, i % 60)).collect::<String>())),
            ("table", format!("## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n{}", (0..n).map(|i| format!("| do {i} | ana | 2024-06-01 |\n")).collect::<String>())),
            ("notes", format!("## Timeline\n\n{}", (0..n).map(|i| format!("Note {i} about the Central database and Pacific region, nothing else.\n")).collect::<String>())),
            ("compound", format!("## Root cause and mitigation\n\n{}", (0..n).map(|i| format!("Sentence {i} about the pool. ")).collect::<String>())),
            ("one line", "word ".repeat(n * 10)),
        ]
    };
    for (small, large) in shapes(10_000).into_iter().zip(shapes(40_000)) {
        let time = |text: &str| {
            let start = std::time::Instant::now();
            let imp = import_foreign(text, "UTC", &offset_at).expect("imports");
            (start.elapsed(), imp.parts.len())
        };
        let (a, _) = time(&small.1);
        let (b, parts) = time(&large.1);
        println!(
            "{}: {} KB, {parts} parts, {b:?}; 4x the size takes {:.1}x the time",
            small.0,
            large.1.len() / 1024,
            b.as_secs_f64() / a.as_secs_f64()
        );
    }
}

#[test]
fn an_old_zone_name_and_a_bold_label_with_its_colon_outside() {
    let text = "# Checkout errors\n\n**Incident date**: 2024-01-09\n**Severity**: SEV3\n\n\
                ## Summary\n\nCheckout failed for some users.\n\n\
                ## Timeline\n\nAll times in US/Pacific.\n\n\
                - 02:03 — errors start\n- 02:40 — rollback done\n";
    let imp = import_foreign(text, "Asia/Taipei", &offset_at).expect("imports");
    let d = &imp.doc;
    assert_eq!(d.header.incident_date, "2024-01-09");
    assert_eq!(d.header.severity, Some(Severity::Sev3));
    assert!(!d.summary.contains("Incident date"), "{}", d.summary);
    // The report's zone is the draft's: 02:03 Pacific standard time, as written.
    assert_eq!(d.header.time_zone, "America/Los_Angeles");
    assert_eq!(
        time(&d.timeline[0]).as_deref(),
        Some("2024-01-09T02:03:00-08:00")
    );
}

#[test]
fn a_bold_header_field_inside_a_section_fills_the_header() {
    let text = "Postmortem: Search index corruption\n===\n\n**Incident summary**\n\n\
                The index was rebuilt from a partial snapshot.\n\n\
                **Incident date**: 2024-01-09\n**Severity**: SEV3\n\n\
                ## Root cause\n\nThe disk was full.\n";
    let imp = import_foreign(text, "UTC", &offset_at).expect("imports");
    let d = &imp.doc;
    assert_eq!(d.header.incident_date, "2024-01-09");
    assert_eq!(d.header.severity, Some(Severity::Sev3));
    assert_eq!(
        d.summary.trim(),
        "The index was rebuilt from a partial snapshot."
    );
    assert_nothing_lost(text, &imp);
}

#[test]
fn dates_written_day_first_and_a_date_column_beside_a_time_column() {
    let text = "# Search outage\n\n## Timeline\n\n\
                | Date/time (CET) | What happened |\n| --- | --- |\n\
                | 09.01.2024 08:10 | Rebuild starts |\n| 14/01/2024 09:20 | Index restored |\n\n\
                ## Timeline of the second day\n\n\
                | Date | Time (UTC) | Event |\n| --- | --- | --- |\n\
                | 2024-02-14 | 02:03 | Certificates rotate |\n| 2024-02-14 | 02:05 | Errors climb |\n";
    let imp = import_foreign(text, "UTC", &offset_at).expect("imports");
    let times: Vec<Option<String>> = imp.doc.timeline.iter().map(time).collect();
    assert_eq!(
        times,
        [
            Some("2024-01-09T07:10:00+00:00".to_owned()),
            Some("2024-01-14T08:20:00+00:00".to_owned()),
            Some("2024-02-14T02:03:00+00:00".to_owned()),
            Some("2024-02-14T02:05:00+00:00".to_owned()),
        ]
    );
    // The day and the clock as written stay in the row.
    assert!(
        imp.doc.timeline[2]
            .event
            .starts_with("2024-02-14 02:03 — Certificates rotate"),
        "{}",
        imp.doc.timeline[2].event
    );
    assert_nothing_lost(text, &imp);
}

#[test]
fn plain_labels_inside_a_section_cut_it_into_its_own_fields() {
    let text = "# 促銷活動結帳失敗\n\n## 經驗教訓\n\n做得好的地方：回滾流程順利。\n出問題的地方：壓測未涵蓋促銷尖峰。\n\n\
                ## Summary\n\nNote: this is not a label that leaves the section.\n";
    let imp = import_foreign(text, "Asia/Taipei", &offset_at).expect("imports");
    let d = &imp.doc;
    assert_eq!(d.lessons.went_well, ["回滾流程順利。"]);
    assert_eq!(d.lessons.went_wrong, ["壓測未涵蓋促銷尖峰。"]);
    assert!(
        d.summary.contains("Note: this is not a label"),
        "{}",
        d.summary
    );
    assert_nothing_lost(text, &imp);
}

#[test]
fn a_note_in_the_bug_column_is_no_link_and_its_status_counts() {
    let text = "# Sonnet outage\n\n## Action Items\n\n\
                | Action Item | Type | Owner | Bug |\n| --- | --- | --- | --- |\n\
                | Update the playbook | mitigate | jennifer | n/a **DONE** |\n\
                | Add a load test | prevent | martin | [Bug 5554823](https://bugs.example.com/5554823) |\n\
                | Cap the fan-out | prevent | agoogler | OPS-4120 |\n";
    let imp = import_foreign(text, "UTC", &offset_at).expect("imports");
    let a = &imp.doc.action_items;
    assert_eq!(a[0].tracking_link, "");
    assert!(a[0].done);
    // The status word says it is one: a status, never a placeholder left in.
    assert!(
        a[0].action.contains("(Bug: n/a) (Status: **DONE**)"),
        "{}",
        a[0].action
    );
    assert_eq!(a[1].tracking_link, "https://bugs.example.com/5554823");
    assert!(!a[1].done);
    assert_eq!(a[2].tracking_link, "OPS-4120");
    assert_nothing_lost(text, &imp);
}

#[test]
fn common_event_words_give_their_kinds() {
    let text = "# Outage\n\n## Timeline\n\n- 10:00 — OUTAGE STARTS\n- 10:05 — 錯誤率開始上升\n\
                - 10:40 — All-clear declared\n- 10:45 — OUTAGE ENDS\n\
                - 15:01 INCIDENT BEGINS\n- 16:30 INCIDENT ENDS\n";
    let imp = import_foreign(text, "UTC", &offset_at).expect("imports");
    let kinds: Vec<EventKind> = imp.doc.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            EventKind::ImpactStarted,
            EventKind::ImpactStarted,
            EventKind::Resolved,
            EventKind::Resolved,
            EventKind::ImpactStarted,
            EventKind::Resolved
        ]
    );
}

#[test]
fn status_page_updates_become_timeline_rows() {
    let statuspage = "# Elevated API errors\nIncident date: 2024-03-05\n\n\
                      **Resolved** - This incident has been resolved.\nMar 5, 17:02 UTC\n\n\
                      **Monitoring** - A fix has been implemented and we are monitoring the results.\nMar 5, 16:40 UTC\n\n\
                      **Investigating** - We are investigating elevated error rates on the API.\nMar 5, 15:32 UTC\n";
    let imp = import_foreign(statuspage, "Asia/Taipei", &offset_at).expect("imports");
    let d = &imp.doc;
    assert_eq!(d.timeline.len(), 3, "{:#?}", d.timeline);
    assert_eq!(
        time(&d.timeline[0]).as_deref(),
        Some("2024-03-05T17:02:00+00:00"),
        "17:02 UTC, in the report's zone"
    );
    assert_eq!(d.timeline[0].kind, EventKind::Resolved);
    assert!(d.timeline[0]
        .event
        .contains("This incident has been resolved."));
    assert!(d.supporting_info.trim().is_empty(), "{}", d.supporting_info);
    assert_nothing_lost(statuspage, &imp);

    let history = "# Incident with Git Operations on March 5\n\n## Resolved\n\
                   **March 5, 2024 17:02 UTC**\nThis incident has been resolved.\n\n\
                   ## Update\n**March 5, 2024 16:40 UTC**\nWe have deployed a fix.\n\n\
                   ## Post-incident analysis\n\nAbout 18% of git pushes failed.\n";
    let imp = import_foreign(history, "UTC", &offset_at).expect("imports");
    let d = &imp.doc;
    assert_eq!(d.timeline.len(), 2, "{:#?}", d.timeline);
    assert_eq!(
        time(&d.timeline[1]).as_deref(),
        Some("2024-03-05T16:40:00+00:00")
    );
    assert!(d.timeline[1].event.contains("We have deployed a fix."));
    assert_nothing_lost(history, &imp);
}

#[test]
fn the_date_and_zone_written_in_the_summary_hold_for_the_timeline() {
    let text = "# 訂單服務資料庫連線耗盡事故檢討\n\n## 事件概要\n\n\
                2026 年 10 月 3 日 14:05 至 15:20（台北時間），訂單服務因資料庫連線池耗盡。\n\n\
                ## 時間線\n\n| 時間 | 事件 |\n|---|---|\n| 14:05 | 訂單 API 錯誤率升高 |\n| 15:20 | 確認完全恢復 |\n\n\
                ## 根因和觸發點\n\n新版報表查詢沒有設定逾時，長時間佔用連線，觸發點是月初報表排程同時啟動。\n";
    let imp = import_foreign(text, "America/Los_Angeles", &offset_at).expect("imports");
    let d = &imp.doc;
    assert_eq!(d.header.incident_date, "2026-10-03");
    assert_eq!(
        time(&d.timeline[0]).as_deref(),
        Some("2026-10-03T14:05:00+08:00")
    );
    assert_eq!(d.timeline[1].kind, EventKind::Resolved);
    // The compound heading fills both parts, cut at the clause that names the trigger.
    assert_eq!(
        d.causes.root_causes,
        "新版報表查詢沒有設定逾時，長時間佔用連線"
    );
    assert_eq!(d.causes.trigger, "觸發點是月初報表排程同時啟動。");
    assert_nothing_lost(text, &imp);
}

#[test]
fn status_updates_under_their_own_heading_take_the_heading_along() {
    let text = "# Login errors\n\nIncident date: 2024-01-09\n\n## Status page\n\n\
                **Resolved** - This incident has been resolved.\nJan 9, 17:02 PST\n\n\
                **Investigating** - We are looking into login errors.\nJan 9, 16:10 PST\n\n\
                ## Root cause\n\nAn expired certificate.\n";
    let imp = import_foreign(text, "UTC", &offset_at).expect("imports");
    let status = imp
        .parts
        .iter()
        .find(|p| p.heading == "Status page")
        .expect("the heading is a part");
    assert_eq!(status.target, T::Section(S::Timeline));
    assert_eq!(imp.doc.timeline.len(), 2);
    assert!(imp.doc.communication.customer_notice.is_empty());
    assert_nothing_lost(text, &imp);
}

#[test]
fn a_status_that_says_not_done_is_not_final_in_either_language() {
    for (label, status) in [
        ("Status", "Incomplete"),
        ("Status", "Not done"),
        ("Status", "undone"),
        ("狀態", "未完成"),
        ("狀態", "未定稿"),
    ] {
        let md =
            format!("# Outage\n\n**{label}:** {status}\n\n## Summary\n\nThe cache fell over.\n");
        let imp = import_foreign(&md, "UTC", &offset_at).expect("imports");
        assert_ne!(imp.doc.header.status, Status::Final, "{status}");
    }
    let md = "# Outage\n\n**Status:** Complete\n\n## Summary\n\nThe cache fell over.\n";
    let imp = import_foreign(md, "UTC", &offset_at).expect("imports");
    assert_eq!(imp.doc.header.status, Status::Final);
}
