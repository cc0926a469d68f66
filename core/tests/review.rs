//! The review of `docs/review.md`: for each check, what it flags and the traps it must not flag,
//! in both languages.
//!
//! Test names start with the check id (`action_vague_…`), so `cargo test -p hindsight-core
//! --test review -- --list | grep -c '^action_vague'` counts the cases behind a check.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use hindsight_core::review::review;
use hindsight_core::*;
use hindsight_core::{
    example::chatgpt_2023_03_20, review::Check, review::Finding, review::Level, review::Target,
};
use hindsight_core::{
    example::worked_example, export::export_json, markdown::section_markdown,
    metrics::TimelineMetrics, review::counts, review::depends_on, review::is_dismissed,
    review::listed_people, review::phrases as review_phrases, review::review_notice,
    review::review_others, review::review_section, review::review_with, review::rows_out_of_order,
    review::sort_findings, review::wording as review_words, review::Counts, review::OtherDraft,
    words::audit,
};
use proptest::prelude::*;

const TODAY: &str = "2026-01-01";

/// The worked example: complete, and free of problems, so each test changes one thing.
fn example() -> Postmortem {
    chatgpt_2023_03_20()
}

/// The check with this id.
fn check(id: &str) -> Check {
    Check::from_id(id).unwrap_or_else(|| panic!("no check {id}"))
}

fn of(doc: &Postmortem, check: Check) -> Vec<Finding> {
    review(doc, TODAY, &[])
        .into_iter()
        .filter(|f| f.check == check)
        .collect()
}

fn one(doc: &Postmortem, check: Check) -> Finding {
    let found = of(doc, check);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().expect("one finding")
}

fn none(doc: &Postmortem, check: Check) {
    let found = of(doc, check);
    assert!(found.is_empty(), "{found:#?}");
}

fn event(time: &str, kind: EventKind, text: &str) -> TimelineEvent {
    TimelineEvent {
        time: Timestamp::parse_rfc3339(time),
        event: text.into(),
        kind,
        link: String::new(),
    }
}

fn action(text: &str, owner: &str, due: &str) -> ActionItem {
    ActionItem {
        action: text.into(),
        owner: owner.into(),
        due_date: due.into(),
        tracking_link: "https://tracker.example/1".into(),
        ..ActionItem::default()
    }
}

fn with_summary(text: &str) -> Postmortem {
    let mut d = example();
    d.summary = text.into();
    d
}

fn with_root_causes(text: &str) -> Postmortem {
    let mut d = example();
    d.causes.root_causes = text.into();
    d
}

fn with_action(text: &str) -> Postmortem {
    let mut d = example();
    d.action_items[0].action = text.into();
    d
}

/// The example with this one action item: its own "Improve logging" item is vague.
fn only_action(text: &str) -> Postmortem {
    let mut d = example();
    d.action_items = vec![action(text, "Dana", "2030-01-01")];
    d
}

// ---------------------------------------------------------------------------------------
// The whole review.

#[test]
fn the_worked_example_raises_no_problem() {
    let zh = worked_example(Language::ZhTw);
    let zh_problems: Vec<Finding> = review(&zh, TODAY, &[])
        .into_iter()
        .filter(|f| f.level == Level::Problem)
        .collect();
    assert!(zh_problems.is_empty(), "zh-TW: {zh_problems:#?}");
    let findings = review(&example(), TODAY, &[]);
    let problems: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.level == Level::Problem)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    for f in &findings {
        println!("{}: {}", f.key, f.message.en);
    }
}

#[test]
fn every_check_has_an_id_and_titles_exactly_as_review_md() {
    let ids: Vec<&str> = Check::all().map(|c| c.id()).collect();
    assert_eq!(
        ids,
        [
            "required-empty",
            "impact-no-numbers",
            "timeline-missing-event",
            "timeline-order",
            "detection-missing",
            "root-cause-person",
            "root-cause-shallow",
            "blame-language",
            "emotional-language",
            "action-missing",
            "action-no-owner",
            "action-no-due",
            "action-no-tracking",
            "action-vague",
            "no-prevent-action",
            "same-priority",
            "action-overdue",
            "review-late",
            "no-customer-notice",
            "data-exposed-not-notified",
            "notice-internal-details",
            "repeat-open-actions",
            "placeholder-text",
            "title-empty",
            "root-cause-unknown",
        ]
    );
    assert_eq!(
        check("blame-language").title(),
        w("Blaming language", "責怪性的用語")
    );
    assert_eq!(
        check("repeat-open-actions").title().zh,
        "先前相同原因的事件仍有未完成的行動"
    );
    let words = Check::all()
        .map(|c| (c.id(), c.title()))
        .chain(review_words::ALL.iter().copied());
    assert_eq!(audit(words), Vec::<String>::new());
}

#[test]
fn findings_come_by_section_then_check_with_unique_keys() {
    let started = Postmortem {
        supporting_info: "Dashboards".into(),
        ..Postmortem::default()
    };
    let findings = review(&started, TODAY, &[]);
    let order: Vec<(usize, usize)> = findings
        .iter()
        .map(|f| {
            let check = Check::all().position(|c| c == f.check).expect("listed");
            (f.target.section().index(), check)
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    let mut keys: Vec<&str> = findings.iter().map(|f| f.key.as_str()).collect();
    keys.sort_unstable();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n, "{keys:?}");
    for f in &findings {
        assert!(f.key.starts_with(f.check.id()));
        assert!(!f.message.en.is_empty() && !f.message.zh.is_empty());
        assert!(f.check.targets().contains(&f.target.section()), "{f:?}");
    }
}

#[test]
fn the_review_is_the_sum_of_its_memoizable_parts() {
    let mut d = example();
    d.summary = "The on-call engineer forgot to renew it!!!".into();
    d.action_items[1].owner.clear();
    d.action_items[1].done = false;
    d.causes.recurrence = "Same as INC-1".into();
    d.communication.customer_notice = "db-7.internal was restarted".into();
    let mut other = example();
    other.header.incident_id = "INC-1".into();
    other.header.incident_date = "2022-01-01".into();
    other.action_items[0].done = false;
    let others = [OtherDraft {
        id: "d1",
        doc: &other,
    }];
    let scan = |_: &Postmortem| vec!["db-7.internal".to_owned()];
    let whole = review_with(&d, TODAY, &others, &scan);
    let mut parts: Vec<Finding> = SectionId::ALL
        .iter()
        .flat_map(|&s| review_section(&d, s, TODAY))
        .collect();
    parts.extend(review_others(&d, &others));
    parts.extend(review_notice(&d, &scan));
    sort_findings(&mut parts);
    assert_eq!(whole, parts);
    for c in [
        check("blame-language"),
        check("emotional-language"),
        check("action-no-owner"),
        check("repeat-open-actions"),
        check("notice-internal-details"),
    ] {
        assert!(whole.iter().any(|f| f.check == c), "{c:?}");
    }
    for s in SectionId::ALL {
        for f in review_section(&d, s, TODAY) {
            assert_eq!(f.target.section(), s);
            for read in f.check.reads() {
                let deps = depends_on(s);
                assert!(
                    f.check.reads().len() == SectionId::ALL.len() || deps.contains(read),
                    "{:?} in {s:?} reads {read:?}",
                    f.check
                );
            }
        }
    }
}

#[test]
fn dismissed_findings_stay_listed_but_are_not_counted() {
    let mut d = example();
    d.action_items[1].owner.clear();
    d.action_items[2].owner.clear();
    for a in &mut d.action_items[1..3] {
        a.done = false;
        a.due_date = "2099-01-01".into();
    }
    let findings = review(&d, TODAY, &[]);
    let before = counts(&findings, &d);
    assert_eq!(before.problems, 2);
    d.dismissed.push(Dismissal {
        finding: "action-no-owner@action:2".into(),
        reason: "the whole team owns it".into(),
    });
    let findings = review(&d, TODAY, &[]);
    assert_eq!(of(&d, check("action-no-owner")).len(), 2);
    let dismissed: Vec<&Finding> = findings.iter().filter(|f| is_dismissed(&d, f)).collect();
    assert_eq!(dismissed.len(), 1);
    assert_eq!(
        dismissed[0].target,
        Target::Row {
            field: FieldId::ActionOwner,
            index: 1
        }
    );
    let after = counts(&findings, &d);
    assert_eq!(after.problems, 1);
    assert_eq!(after.suggestions, before.suggestions);
    let heading = Counts {
        problems: 3,
        suggestions: 1,
    }
    .heading();
    assert_eq!(heading.en, "Review: 3 problems, 1 suggestion");
    assert_eq!(heading.zh, "審閱：3 個問題、1 個建議");
}

#[test]
fn the_review_of_a_large_document_is_quick() {
    // About 500 KB of JSON: long narrative fields and hundreds of rows, built from the
    // example's own text. Prints the time of the fastest of a few runs and of each section
    // (what one keystroke costs when the app memoizes per section); asserts nothing about
    // time, since the machine may be busy. Run with `--release -- --nocapture` to read it.
    let base = example();
    let mut d = example();
    let para = format!("{}\n\n{}\n\n", base.summary, base.causes.root_causes);
    while d.supporting_info.len() < 60_000 {
        d.supporting_info.push_str(&para);
    }
    d.summary = d.supporting_info.clone();
    d.impact.description = d.supporting_info.clone();
    d.causes.contributing_factors = d.supporting_info.clone();
    for k in 0..500 {
        d.timeline
            .push(base.timeline[k % base.timeline.len()].clone());
        d.action_items.push(base.action_items[k % 4].clone());
        d.causes
            .five_whys
            .push(base.causes.five_whys[k % 5].clone());
    }
    let size = export_json(&d).len();
    assert!((450_000..650_000).contains(&size), "{size}");
    let fastest = |f: &dyn Fn() -> usize| {
        (0..5)
            .map(|_| {
                let start = std::time::Instant::now();
                let n = f();
                (start.elapsed(), n)
            })
            .min()
            .expect("runs")
    };
    let (time, n) = fastest(&|| review(&d, TODAY, &[]).len());
    println!(
        "review of a {} KB document: {time:?}, {n} findings",
        size / 1000
    );
    for s in SectionId::ALL {
        let (time, n) = fastest(&|| review_section(&d, s, TODAY).len());
        println!("  {s:?}: {time:?}, {n} findings");
    }
}

// ---------------------------------------------------------------------------------------
// required-empty

#[test]
fn required_empty_flags_every_empty_section_once_something_is_written() {
    let started = Postmortem {
        supporting_info: "Dashboards".into(),
        ..Postmortem::default()
    };
    let found = of(&started, check("required-empty"));
    assert_eq!(found.len(), SectionId::ALL.len() - 1);
    assert_eq!(found[2].key, "required-empty@impact");
    assert_eq!(found[2].target, Target::Section(SectionId::Impact));
    assert!(found[2]
        .message
        .en
        .starts_with("Impact: the “Full” template"));
    assert!(found[2].message.zh.starts_with("影響：「完整」範本"));
}

#[test]
fn required_empty_follows_the_lightweight_template() {
    let d = Postmortem {
        template: Template::Lightweight,
        supporting_info: "Dashboards".into(),
        ..Postmortem::default()
    };
    let sections: Vec<Target> = of(&d, check("required-empty"))
        .iter()
        .map(|f| f.target)
        .collect();
    assert_eq!(
        sections,
        [
            SectionId::Header,
            SectionId::Summary,
            SectionId::Impact,
            SectionId::Timeline,
            SectionId::Causes,
            SectionId::ActionItems
        ]
        .map(Target::Section)
    );
}

#[test]
fn required_empty_before_the_first_words_is_one_line_and_nothing_else() {
    use hindsight_core::review::{first_words, unstarted, FIRST_WORDS_KEY};
    // A new draft, a title and a zone in the header, blank rows: not started.
    let mut d = Postmortem {
        header: Header {
            title: "TODO: name it".into(),
            time_zone: "Asia/Taipei".into(),
            ..Header::default()
        },
        timeline: vec![TimelineEvent::default()],
        action_items: vec![ActionItem::default()],
        ..Postmortem::default()
    };
    assert!(unstarted(&d));
    let found = review(&d, TODAY, &[]);
    assert_eq!(found.len(), 1, "{found:#?}");
    let line = &found[0];
    assert_eq!(line.key, FIRST_WORDS_KEY);
    assert_eq!(line.level, Level::Problem, "the Final gate still holds");
    assert_eq!(
        line.title.en,
        "Write the sections marked Required; the review starts as you write"
    );
    assert_eq!(line.title.zh, "請填寫標示為必填的段落；開始撰寫後即會審閱");
    assert_eq!(line.target, Target::Section(SectionId::Summary));
    assert_eq!(*line, first_words(&d));
    // The first word anywhere but the header starts the review.
    d.lessons.went_well = vec!["Paging worked".into()];
    assert!(!unstarted(&d));
    let found = review(&d, TODAY, &[]);
    assert!(found.len() > 1);
    assert!(found.iter().all(|f| f.key != FIRST_WORDS_KEY));
    assert!(found
        .iter()
        .any(|f| f.key == "required-empty@summary" && f.check == check("required-empty")));
}

#[test]
fn required_empty_blank_rows_are_not_content() {
    let mut d = example();
    d.timeline = vec![TimelineEvent::default()];
    d.action_items = vec![ActionItem::default()];
    let keys: Vec<String> = of(&d, check("required-empty"))
        .into_iter()
        .map(|f| f.key)
        .collect();
    assert_eq!(
        keys,
        ["required-empty@timeline", "required-empty@action-items"]
    );
    d.timeline[0].event = "Deploy starts".into();
    d.action_items[0].owner = "Dana".into();
    none(&d, check("required-empty"));
}

#[test]
fn required_empty_one_field_or_one_entry_is_content() {
    let mut d = Postmortem::default();
    d.lessons.got_lucky = vec!["運氣好，離峰時段".into()];
    d.impact.customer_visible = Some(false);
    let found = of(&d, check("required-empty"));
    assert!(!found
        .iter()
        .any(|f| f.target == Target::Section(SectionId::Lessons)));
    assert!(!found
        .iter()
        .any(|f| f.target == Target::Section(SectionId::Impact)));
    none(&example(), check("required-empty"));
}

// ---------------------------------------------------------------------------------------
// impact-no-numbers

fn impact(text: &str) -> Postmortem {
    let mut d = example();
    d.impact = Impact {
        description: text.into(),
        customer_visible: Some(true),
        ..Impact::default()
    };
    d
}

#[test]
fn impact_no_numbers_flags_words_only() {
    let f = one(
        &impact("Checkout was slow for some users in the EU."),
        check("impact-no-numbers"),
    );
    assert_eq!(f.level, Level::Problem);
    assert_eq!(f.target, Target::Field(FieldId::ImpactText));
    assert!(f
        .check
        .source()
        .expect("a source")
        .en
        .contains("Google SRE workbook"));
    one(
        &impact("Online users often saw errors."),
        check("impact-no-numbers"),
    );
}

#[test]
fn impact_no_numbers_flags_chinese_without_a_numeral() {
    let f = one(
        &impact("部分使用者無法結帳，造成一些客訴。"),
        check("impact-no-numbers"),
    );
    assert!(f.message.zh.starts_with("影響："), "{}", f.message.zh);
}

#[test]
fn impact_no_numbers_counts_digits_of_any_script() {
    none(
        &impact("Checkout failed for 18% of EU users"),
        check("impact-no-numbers"),
    );
    none(
        &impact("約３００位使用者無法登入"),
        check("impact-no-numbers"),
    );
    none(&impact("約٣ ساعات"), check("impact-no-numbers"));
}

#[test]
fn impact_no_numbers_counts_chinese_numerals_and_english_number_words() {
    none(&impact("約三成使用者受影響"), check("impact-no-numbers"));
    none(&impact("服務中斷兩小時"), check("impact-no-numbers"));
    none(
        &impact("About half of the requests failed"),
        check("impact-no-numbers"),
    );
    none(
        &impact("Twenty minutes of errors"),
        check("impact-no-numbers"),
    );
    none(&impact("a dozen tickets"), check("impact-no-numbers"));
}

#[test]
fn impact_no_numbers_reads_the_measures_too() {
    let mut d = impact("Some users could not pay.");
    d.impact.users_affected = "1.2%".into();
    none(&d, check("impact-no-numbers"));
    none(&example(), check("impact-no-numbers"));
}

// ---------------------------------------------------------------------------------------
// timeline-missing-event

#[test]
fn timeline_missing_event_names_the_missing_kinds() {
    let mut d = example();
    d.timeline = vec![event(
        "2024-05-01T10:00:00Z",
        EventKind::Detected,
        "Alert fires",
    )];
    let f = one(&d, check("timeline-missing-event"));
    assert_eq!(f.level, Level::Suggestion);
    assert!(
        f.message.en.contains("“Impact started” and “Resolved”"),
        "{}",
        f.message.en
    );
    assert!(
        f.message.zh.contains("「影響開始」與「解決」"),
        "{}",
        f.message.zh
    );
}

#[test]
fn timeline_missing_event_once_for_an_empty_timeline() {
    let mut d = example();
    d.timeline.clear();
    let f = one(&d, check("timeline-missing-event"));
    assert!(f
        .message
        .en
        .contains("“Impact started”, “Detected” and “Resolved”"));
    assert!(f.message.zh.contains("「影響開始」、「發現」與「解決」"));
    assert_eq!(f.key, "timeline-missing-event");
}

#[test]
fn timeline_missing_event_ignores_blank_rows() {
    let mut d = example();
    d.timeline.retain(|e| e.kind != EventKind::Resolved);
    d.timeline.push(TimelineEvent {
        kind: EventKind::Resolved,
        ..TimelineEvent::default()
    });
    let f = one(&d, check("timeline-missing-event"));
    assert!(f.message.en.contains("“Resolved”"));
}

#[test]
fn timeline_missing_event_silent_with_all_three() {
    none(&example(), check("timeline-missing-event"));
}

// ---------------------------------------------------------------------------------------
// timeline-order

fn timeline(events: Vec<TimelineEvent>) -> Postmortem {
    let mut d = example();
    d.timeline = events;
    d
}

#[test]
fn timeline_order_resolved_before_detected_is_a_problem() {
    let d = timeline(vec![
        event(
            "2024-05-01T10:00:00Z",
            EventKind::ImpactStarted,
            "Errors start",
        ),
        event("2024-05-01T10:30:00Z", EventKind::Detected, "Alert"),
        event("2024-05-01T10:20:00Z", EventKind::Resolved, "Rolled back"),
    ]);
    let f = one(&d, check("timeline-order"));
    assert_eq!(f.level, Level::Problem);
    assert_eq!(
        f.target,
        Target::Row {
            field: FieldId::EventTime,
            index: 2
        }
    );
    assert_eq!(f.key, "timeline-order@event:3");
    assert!(
        f.message.en.starts_with(
            "Event 3: this “Resolved” event is earlier than the “Detected” event (Event 2)"
        ),
        "{}",
        f.message.en
    );
    assert!(
        f.message
            .zh
            .starts_with("事件 3：這個「解決」事件比「發現」事件（事件 2）還早"),
        "{}",
        f.message.zh
    );
    assert_eq!(rows_out_of_order(&d), [2]);
}

#[test]
fn timeline_order_mitigated_or_resolved_before_impact_started() {
    let d = timeline(vec![
        event("2024-05-01T09:00:00Z", EventKind::Mitigated, "Failover"),
        event(
            "2024-05-01T10:00:00Z",
            EventKind::ImpactStarted,
            "Errors start",
        ),
        event("2024-05-01T09:30:00Z", EventKind::Resolved, "Closed"),
    ]);
    let found = of(&d, check("timeline-order"));
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|f| f.level == Level::Problem));
    assert_eq!(rows_out_of_order(&d), [0, 2]);
    let m = TimelineMetrics::of(&d.timeline);
    assert_eq!((m.time_to_mitigate, m.time_to_resolve), (None, None));
}

#[test]
fn timeline_order_escalated_before_detected() {
    let d = timeline(vec![
        event("2024-05-01T10:00:00Z", EventKind::ImpactStarted, "x"),
        event(
            "2024-05-01T10:05:00Z",
            EventKind::Escalated,
            "Paged the DB team",
        ),
        event("2024-05-01T10:10:00Z", EventKind::Detected, "Alert"),
        event("2024-05-01T11:00:00Z", EventKind::Resolved, "Done"),
    ]);
    let f = one(&d, check("timeline-order"));
    assert_eq!(f.key, "timeline-order@event:2");
}

#[test]
fn timeline_order_detected_before_impact_started_is_a_suggestion() {
    let d = timeline(vec![
        event("2024-05-01T09:50:00Z", EventKind::Detected, "Canary fails"),
        event(
            "2024-05-01T10:00:00Z",
            EventKind::ImpactStarted,
            "Users see errors",
        ),
        event("2024-05-01T11:00:00Z", EventKind::Resolved, "Rolled back"),
    ]);
    let f = one(&d, check("timeline-order"));
    assert_eq!(f.level, Level::Suggestion);
    assert_eq!(
        f.check.title().en,
        "Timeline events are in an impossible order"
    );
    assert!(f.message.en.contains("canary"));
    assert!(f.message.zh.contains("金絲雀"));
    assert!(rows_out_of_order(&d).is_empty());
    assert_eq!(TimelineMetrics::of(&d.timeline).time_to_detect, None);
}

#[test]
fn timeline_order_ignores_untimed_events_and_the_users_row_order() {
    let d = timeline(vec![
        event("2024-05-01T11:00:00Z", EventKind::Resolved, "Rolled back"),
        event("", EventKind::Mitigated, "Failover (time unknown)"),
        event("2024-05-01T10:00:00Z", EventKind::ImpactStarted, "Errors"),
        event("2024-05-01T10:10:00Z", EventKind::Detected, "Alert"),
    ]);
    none(&d, check("timeline-order"));
    none(&example(), check("timeline-order"));
}

#[test]
fn timeline_order_never_shows_a_negative_duration() {
    let d = timeline(vec![
        event("2024-05-01T10:00:00Z", EventKind::ImpactStarted, "Errors"),
        event("2024-05-01T09:00:00Z", EventKind::Resolved, "Closed"),
    ]);
    let md = section_markdown(&d, SectionId::Timeline);
    assert!(md.contains("| Time to resolve | \u{2014} |"), "{md}");
    assert!(!md.contains("-1 h"), "{md}");
    one(&d, check("timeline-order"));
}

// ---------------------------------------------------------------------------------------
// detection-missing

#[test]
fn detection_missing_detected_by_not_set_while_the_text_explains_it_is_a_suggestion_to_choose() {
    let mut d = example();
    d.detection.detected_by = None;
    d.detection.description =
        "The monitoring service pinged Slack and the on-call phone at 12:25.".into();
    let f = one(&d, check("detection-missing"));
    assert_eq!(f.level, Level::Suggestion);
    assert_eq!(
        f.title,
        w("Choose who or what detected it", "請選擇由誰或什麼發現")
    );
    assert_eq!(f.target, Target::Field(FieldId::DetectedBy));
    assert!(f.message.en.starts_with("Detected by: not set"));
    assert!(f.message.zh.starts_with("發現方式：尚未選擇"));
    d.detection.description = "監控服務在 12:25 通知了 Slack 與值班手機。".into();
    assert_eq!(one(&d, check("detection-missing")).level, Level::Suggestion);
}

#[test]
fn detection_missing_text_empty() {
    let mut d = example();
    d.detection.description = "  \n".into();
    let f = one(&d, check("detection-missing"));
    assert_eq!(f.target, Target::Field(FieldId::DetectionText));
    assert!(f.message.en.contains("cut the time to detect in half"));
    assert!(f.message.zh.starts_with("偵測經過："));
}

#[test]
fn detection_missing_both_is_one_finding() {
    let mut d = example();
    d.detection = Detection::default();
    let f = one(&d, check("detection-missing"));
    assert!(
        f.message
            .en
            .starts_with("Detected by and Detection: both empty"),
        "{}",
        f.message.en
    );
    assert!(
        f.message.zh.starts_with("發現方式與偵測經過：都還沒填"),
        "{}",
        f.message.zh
    );
}

#[test]
fn detection_missing_is_a_suggestion_when_the_template_does_not_require_it() {
    let mut d = example();
    d.template = Template::Lightweight;
    d.detection = Detection::default();
    assert_eq!(one(&d, check("detection-missing")).level, Level::Suggestion);
}

#[test]
fn detection_missing_silent_when_explained() {
    none(&example(), check("detection-missing"));
}

// ---------------------------------------------------------------------------------------
// root-cause-person

#[test]
fn root_cause_person_human_error_and_a_listed_name() {
    let mut d = with_root_causes("Human error. Bob carelessly pushed the wrong config.");
    d.header.authors.push("Bob".into());
    let f = one(&d, check("root-cause-person"));
    assert_eq!(f.target, Target::Field(FieldId::RootCauses));
    assert_eq!(f.key, "root-cause-person@root-causes");
    assert!(f.message.en.contains("“Human error”"), "{}", f.message.en);
    // The listed name is quoted in the same finding, so fixing one is not mistaken for both.
    assert!(
        f.message.en.contains("“Human error”, “Bob”"),
        "{}",
        f.message.en
    );
    assert!(f.check.source().expect("a source").en.contains("PagerDuty"));
    let b = one(&d, check("blame-language"));
    assert_eq!(b.target, Target::Field(FieldId::RootCauses));
    assert!(b.message.en.contains("“carelessly”"), "{}", b.message.en);
}

#[test]
fn root_cause_person_mixed_languages() {
    let f = one(
        &with_root_causes("這次 root cause 是 human error"),
        check("root-cause-person"),
    );
    assert!(f.message.zh.contains("「human error」"), "{}", f.message.zh);
    let f = one(
        &with_root_causes("根本原因是人為疏失。"),
        check("root-cause-person"),
    );
    assert!(
        f.message.zh.starts_with("根本原因：把「人為疏失」當成原因"),
        "{}",
        f.message.zh
    );
    // A phrase inside another one is not quoted twice.
    let f = one(
        &with_root_causes("起因是人為操作不當。"),
        check("root-cause-person"),
    );
    assert!(
        f.message
            .zh
            .starts_with("根本原因：把「人為操作不當」當成原因"),
        "{}",
        f.message.zh
    );
    one(
        &with_root_causes("Operator error during the failover"),
        check("root-cause-person"),
    );
}

#[test]
fn root_cause_person_in_the_trigger() {
    let mut d = example();
    d.causes.trigger = "值班人員操作失誤，刪錯了資料表".into();
    let f = one(&d, check("root-cause-person"));
    assert_eq!(f.key, "root-cause-person@trigger");
    assert_eq!(f.target, Target::Field(FieldId::Trigger));
}

#[test]
fn root_cause_person_names_a_responder_or_an_action_owner() {
    let mut d = with_root_causes("Alice Chen ran the migration without a dry run.");
    d.response.responders = "Alice Chen — incident commander\nDB on-call — restore".into();
    let f = one(&d, check("root-cause-person"));
    assert!(
        f.message.en.contains("names “Alice Chen”"),
        "{}",
        f.message.en
    );
    let mut d = with_root_causes("王小明手動改了設定");
    d.action_items[0].owner = "王小明".into();
    let f = one(&d, check("root-cause-person"));
    assert!(
        f.message.zh.contains("點名了「王小明」"),
        "{}",
        f.message.zh
    );
}

#[test]
fn root_cause_person_an_at_handle() {
    let f = one(
        &with_root_causes("@dana merged it on Friday."),
        check("root-cause-person"),
    );
    assert!(f.message.en.contains("“@dana”"));
}

#[test]
fn root_cause_person_traps_partial_names_case_roles_code_quotes_and_emails() {
    let mut d = with_root_causes(
        "Bobby Tables in the input. The bob service restarted. The `Bob` job ran.\n\
         > Bob: restarting now\n\
         The API platform lead approved the design; mail ops@example.com.",
    );
    d.header.authors = vec!["Bob".into(), "API platform lead".into()];
    none(&d, check("root-cause-person"));
    let mut d = with_root_causes("值班組在凌晨收到告警。");
    d.header.owner = "值班組".into();
    none(&d, check("root-cause-person"));
}

// ---------------------------------------------------------------------------------------
// root-cause-shallow

#[test]
fn root_cause_shallow_fewer_than_three_whys() {
    let mut d = example();
    d.causes.five_whys.truncate(2);
    let f = one(&d, check("root-cause-shallow"));
    assert_eq!(f.level, Level::Suggestion);
    assert_eq!(f.target, Target::Field(FieldId::FiveWhys));
    assert!(
        f.message.en.starts_with("Five whys: 2 of five answers"),
        "{}",
        f.message.en
    );
    assert!(
        f.message.zh.starts_with("五個為什麼：目前只有 2 個答案"),
        "{}",
        f.message.zh
    );
}

#[test]
fn root_cause_shallow_blank_whys_do_not_count() {
    let mut d = example();
    d.causes.five_whys = vec!["Why? Cache bug".into(), " ".into(), String::new()];
    one(&d, check("root-cause-shallow"));
}

#[test]
fn root_cause_shallow_three_whys_are_enough() {
    let mut d = example();
    d.causes.five_whys.truncate(3);
    none(&d, check("root-cause-shallow"));
}

#[test]
fn root_cause_shallow_silent_without_root_causes() {
    let mut d = example();
    d.causes.root_causes.clear();
    d.causes.five_whys.clear();
    none(&d, check("root-cause-shallow"));
}

// ---------------------------------------------------------------------------------------
// blame-language

#[test]
fn blame_language_insult_in_a_lesson() {
    let mut d = example();
    d.lessons.went_wrong.push("Bob is an idiot".into());
    let f = one(&d, check("blame-language"));
    assert_eq!(
        f.target,
        Target::Row {
            field: FieldId::WentWrong,
            index: 3
        }
    );
    assert_eq!(f.key, "blame-language@wrong:4");
    assert!(
        f.message.en.starts_with("What went wrong 4: “idiot”"),
        "{}",
        f.message.en
    );
    assert!(
        f.message.zh.starts_with("出問題的地方 4：「idiot」"),
        "{}",
        f.message.zh
    );
}

#[test]
fn blame_language_after_a_role_quotes_and_suggests() {
    let f = one(
        &with_summary("The on-call engineer forgot to renew the certificate."),
        check("blame-language"),
    );
    assert_eq!(f.target, Target::Field(FieldId::Summary));
    assert!(f.message.en.contains("“forgot to”"));
    assert!(f.message.en.contains("without relying on memory"));
    assert!(f.message.zh.contains("不靠記憶"));
    assert!(f
        .check
        .source()
        .expect("a source")
        .en
        .contains("Google SRE book"));
    one(
        &with_summary("They ignored the alert for an hour."),
        check("blame-language"),
    );
    one(
        &with_summary("Bob, the on-call, should have paged the DB team."),
        check("blame-language"),
    );
}

#[test]
fn blame_language_never_after_a_system() {
    none(
        &with_summary("The health check failed to respond."),
        check("blame-language"),
    );
    none(
        &with_summary("The replica should have taken over."),
        check("blame-language"),
    );
    none(
        &with_summary("The alert was ignored by the router config."),
        check("blame-language"),
    );
    none(
        &with_summary("When the engineer restarted it, the job failed to start."),
        check("blame-language"),
    );
    none(
        &with_summary("Bob's deploy failed to finish."),
        check("blame-language"),
    );
}

#[test]
fn blame_language_never_should_in_an_action_item() {
    none(
        &with_action("The on-call should have a runbook link in every alert"),
        check("blame-language"),
    );
    none(
        &with_action("工程師本來應該有的檢查，改由 CI 自動執行"),
        check("blame-language"),
    );
    one(
        &with_action("Stop the careless deploys"),
        check("blame-language"),
    );
}

#[test]
fn blame_language_never_yinggai_alone() {
    none(
        &with_summary("應該是 DNS 的問題，他應該也這樣認為。"),
        check("blame-language"),
    );
}

#[test]
fn blame_language_never_in_quotes_or_code() {
    none(
        &with_summary(
            "From the chat log:\n\n> engineer forgot to drain the node\n\nThen we waited.",
        ),
        check("blame-language"),
    );
    none(
        &with_summary("The `careless_mode` flag was on."),
        check("blame-language"),
    );
    none(
        &with_summary("```\nERROR: operator forgot to set the lock, stupid\n```"),
        check("blame-language"),
    );
}

#[test]
fn blame_language_never_in_where_we_got_lucky() {
    let mut d = example();
    d.lessons
        .got_lucky
        .push("The engineer forgot to deploy the broken half, carelessly".into());
    none(&d, check("blame-language"));
}

#[test]
fn blame_language_in_chinese() {
    let f = one(
        &with_summary("值班工程師忘了更新憑證。"),
        check("blame-language"),
    );
    assert!(f.message.zh.contains("「忘了」"), "{}", f.message.zh);
    one(
        &with_summary("他本來應該先確認備份。"),
        check("blame-language"),
    );
    one(
        &with_summary("他們應該要先備份，卻直接刪除了資料。"),
        check("blame-language"),
    );
    one(&with_summary("部署時太粗心。"), check("blame-language"));
    none(&with_summary("其他服務忘了重試。"), check("blame-language"));
    none(
        &with_summary("排程沒有執行，憑證因此過期。"),
        check("blame-language"),
    );
}

#[test]
fn blame_language_one_finding_per_field_with_the_phrases_quoted() {
    let mut d = with_summary("Obviously the operator ignored it. Sloppy. Lazy. Stupid.");
    d.header.authors.push("Bob".into());
    d.timeline[1].event = "Bob 忘了 drain 節點".into();
    let found = of(&d, check("blame-language"));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0]
            .message
            .en
            .starts_with("Summary: “Obviously”, “ignored”, “Sloppy” and 2 more judge a person."),
        "{}",
        found[0].message.en
    );
    assert!(
        found[0]
            .message
            .zh
            .starts_with("摘要：「Obviously」、「ignored」、「Sloppy」等另外 2 處是在責怪人。"),
        "{}",
        found[0].message.zh
    );
    // One phrase: the verb agrees.
    let single = of(&with_summary("It was careless."), check("blame-language"));
    assert!(
        single[0].message.en.contains("“careless” judges a person"),
        "{}",
        single[0].message.en
    );
    assert!(found[0].message.en.contains("it was not obvious then"));
    assert_eq!(found[1].key, "blame-language@event:2");
}

#[test]
fn blame_language_in_the_title_and_nobody_is_nobody() {
    let mut d = example();
    d.header.title = "Careless deploy took down checkout".into();
    let f = one(&d, check("blame-language"));
    assert_eq!(f.target, Target::Field(FieldId::Title));
    assert_eq!(f.key, "blame-language@title");
    none(
        &with_summary("沒有人忘記流程，是流程沒有擋下錯誤的設定。"),
        check("blame-language"),
    );
}

#[test]
fn blame_language_technical_terms_are_not_blame() {
    none(
        &with_summary("Lazy loading of the config hid the error."),
        check("blame-language"),
    );
    none(
        &with_summary("A lazy-loaded module timed out."),
        check("blame-language"),
    );
}

// ---------------------------------------------------------------------------------------
// emotional-language

#[test]
fn emotional_language_flags_feeling() {
    let f = one(
        &with_summary("The retry storm was ridiculous."),
        check("emotional-language"),
    );
    assert_eq!(f.level, Level::Suggestion);
    assert!(f
        .message
        .en
        .starts_with("Summary: “ridiculous” carries feeling"));
}

#[test]
fn emotional_language_quotes_once_whatever_the_apostrophe() {
    let f = one(
        &with_summary("I can’t believe the pager was off."),
        check("emotional-language"),
    );
    assert!(
        f.message.en.contains("“I can’t believe”"),
        "{}",
        f.message.en
    );
    assert!(
        !f.message.en.contains("“can’t believe”"),
        "{}",
        f.message.en
    );
}

#[test]
fn emotional_language_exclamations() {
    one(&with_summary("Down again!!!"), check("emotional-language"));
    none(&with_summary("Down again!!"), check("emotional-language"));
    one(&with_summary("又掛了！！！"), check("emotional-language"));
}

#[test]
fn emotional_language_in_chinese() {
    let f = one(
        &with_summary("設定竟然沒有備份，誇張。"),
        check("emotional-language"),
    );
    assert!(
        f.message.zh.starts_with("摘要：「竟然」、「誇張」帶有情緒"),
        "{}",
        f.message.zh
    );
    let mut d = example();
    d.lessons.got_lucky.push("離譜的是剛好在離峰".into());
    one(&d, check("emotional-language"));
}

#[test]
fn emotional_language_never_in_evidence() {
    none(
        &with_summary("> customer: this is ridiculous!!!\n\nSupport answered."),
        check("emotional-language"),
    );
    none(
        &with_summary("The `unbelievable` test fixture."),
        check("emotional-language"),
    );
    none(&example(), check("emotional-language"));
}

// ---------------------------------------------------------------------------------------
// action-missing

#[test]
fn action_missing_without_items() {
    let mut d = example();
    d.action_items.clear();
    let f = one(&d, check("action-missing"));
    assert_eq!(f.target, Target::Section(SectionId::ActionItems));
    assert!(f
        .message
        .en
        .starts_with("Action items: there is no action item"));
    assert!(f.message.zh.starts_with("行動項目：沒有任何行動項目"));
}

#[test]
fn action_missing_blank_rows_are_not_items() {
    let mut d = example();
    d.action_items = vec![ActionItem::default(), ActionItem::default()];
    one(&d, check("action-missing"));
    none(&d, check("action-no-owner"));
    none(&d, check("no-prevent-action"));
}

#[test]
fn action_missing_silent_with_one_item() {
    let mut d = example();
    d.action_items.truncate(1);
    none(&d, check("action-missing"));
}

// ---------------------------------------------------------------------------------------
// action-no-owner

#[test]
fn action_no_owner_per_item() {
    let mut d = example();
    d.action_items[1].owner = "  ".into();
    d.action_items[1].done = false;
    let f = one(&d, check("action-no-owner"));
    assert_eq!(f.key, "action-no-owner@action:2");
    assert_eq!(
        f.target,
        Target::Row {
            field: FieldId::ActionOwner,
            index: 1
        }
    );
    assert!(f.message.en.starts_with("Action item 2: nobody owns it"));
    assert!(f.message.zh.starts_with("行動項目 2：沒有負責人"));
}

#[test]
fn grouping_makes_one_finding_of_a_check_on_several_rows_with_one_dismissal() {
    use hindsight_core::review::group;
    let mut d = example();
    d.action_items.push(d.action_items[0].clone());
    for i in [1, 2, 4] {
        d.action_items[i].done = false;
        d.action_items[i].tracking_link.clear();
        d.action_items[i].action = format!("Add alert number {i}");
    }
    d.action_items[3].done = true;
    d.action_items[3].tracking_link.clear();
    let found = review(&d, TODAY, &[]);
    let per_row: Vec<&Finding> = found
        .iter()
        .filter(|f| f.check == check("action-no-tracking"))
        .collect();
    assert_eq!(per_row.len(), 3, "a done item raises nothing");
    let grouped = group(found.clone());
    let tracking: Vec<&Finding> = grouped
        .iter()
        .filter(|f| f.check == check("action-no-tracking"))
        .collect();
    assert_eq!(tracking.len(), 1, "{tracking:#?}");
    let g = tracking[0];
    assert_eq!(
        g.target,
        Target::Row {
            field: FieldId::TrackingLink,
            index: 1
        },
        "it points at the first row"
    );
    assert!(
        g.message
            .en
            .starts_with("Action items 2, 3 and 5 have no tracking link"),
        "{}",
        g.message.en
    );
    assert!(
        g.message.zh.starts_with("行動項目 2、3、5沒有追蹤連結"),
        "{}",
        g.message.zh
    );
    assert_eq!(
        g.keys,
        [
            "action-no-tracking@action:2",
            "action-no-tracking@action:3",
            "action-no-tracking@action:5"
        ]
    );
    // One dismissal with one reason covers the group, stored per row.
    for k in &g.keys {
        d.dismissed.push(Dismissal {
            finding: k.clone(),
            reason: "tracked on the team board".into(),
        });
    }
    assert!(is_dismissed(&d, g));
    // A row added later is not covered: it raises the check again.
    let mut added = d.action_items[1].clone();
    added.action = "Add a canary".into();
    d.action_items.push(added);
    let open: Vec<Finding> = review(&d, TODAY, &[])
        .into_iter()
        .filter(|f| !is_dismissed(&d, f))
        .collect();
    let open = group(open);
    let again: Vec<&Finding> = open
        .iter()
        .filter(|f| f.check == check("action-no-tracking"))
        .collect();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].key, "action-no-tracking@action:6");
    assert!(again[0]
        .message
        .en
        .starts_with("Action item 6: no tracking link"));
}

#[test]
fn grouping_a_group_with_one_problem_row_is_a_problem_and_other_checks_are_left_alone() {
    use hindsight_core::review::group;
    let mut d = example();
    for i in [0, 1] {
        d.action_items[i].done = false;
        d.action_items[i].owner.clear();
    }
    d.summary = "The engineer forgot to renew it. Then the on-call forgot to page.".into();
    let found = review(&d, TODAY, &[]);
    let grouped = group(found.clone());
    let owner: Vec<&Finding> = grouped
        .iter()
        .filter(|f| f.check == check("action-no-owner"))
        .collect();
    assert_eq!(owner.len(), 1);
    assert_eq!(owner[0].level, Level::Problem);
    assert!(owner[0]
        .message
        .en
        .starts_with("Action items 1 and 2 have no owner"));
    assert!(owner[0].message.zh.starts_with("行動項目 1、2沒有負責人"));
    let others = |v: &[Finding]| {
        v.iter()
            .filter(|f| f.target.section() != SectionId::ActionItems)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(others(&grouped), others(&found));
}

#[test]
fn done_action_items_raise_no_per_item_finding() {
    let mut d = example();
    for a in &mut d.action_items {
        a.done = true;
        a.owner.clear();
        a.due_date = "2020-01-01".into();
        a.tracking_link.clear();
        a.action = "Improve monitoring".into();
    }
    for id in [
        "action-no-owner",
        "action-no-due",
        "action-no-tracking",
        "action-vague",
        "action-overdue",
    ] {
        none(&d, check(id));
    }
}

#[test]
fn action_no_owner_open_items_only() {
    let mut d = example();
    for a in &mut d.action_items {
        a.owner.clear();
    }
    // Done items need no owner any more.
    assert!(d.action_items.iter().all(|a| a.done));
    none(&d, check("action-no-owner"));
    d.action_items[0].done = false;
    d.action_items[3].done = false;
    assert_eq!(of(&d, check("action-no-owner")).len(), 2);
}

#[test]
fn action_no_owner_silent_with_owners() {
    none(&example(), check("action-no-owner"));
}

// ---------------------------------------------------------------------------------------
// action-no-due

#[test]
fn action_no_due_on_an_open_item() {
    let mut d = example();
    d.action_items
        .push(action("Add a cache ownership check", "Dana", ""));
    let f = one(&d, check("action-no-due"));
    assert_eq!(f.key, "action-no-due@action:5");
    assert_eq!(
        f.target,
        Target::Row {
            field: FieldId::DueDate,
            index: 4
        }
    );
    assert!(f.message.zh.starts_with("行動項目 5：沒有期限"));
}

#[test]
fn action_no_due_not_when_done() {
    let mut d = example();
    d.action_items[0].due_date.clear();
    assert!(d.action_items[0].done);
    none(&d, check("action-no-due"));
}

#[test]
fn action_no_due_silent_with_dates() {
    none(&example(), check("action-no-due"));
}

// ---------------------------------------------------------------------------------------
// action-no-tracking

#[test]
fn action_no_tracking_per_item_as_a_suggestion() {
    let mut d = example();
    none(&d, check("action-no-tracking"));
    for a in &mut d.action_items {
        a.done = false;
    }
    let found = of(&d, check("action-no-tracking"));
    assert_eq!(found.len(), 4);
    assert!(found.iter().all(|f| f.level == Level::Suggestion));
    assert_eq!(found[3].key, "action-no-tracking@action:4");
    assert!(found[0].message.en.contains("tracking link"));
}

#[test]
fn action_no_tracking_counts_a_link_or_a_tracker_reference_in_the_text() {
    let mut d = example();
    for (a, text) in d.action_items.iter_mut().zip([
        "Fix the pool, see https://github.com/acme/app/issues/6374",
        "Fix the pool (#6374)",
        "Fix the pool: OPS-1234",
        "修正連線池，見 [工單](https://tracker.example/42)",
    ]) {
        a.done = false;
        a.action = text.into();
    }
    none(&d, check("action-no-tracking"));
    // An HTTP status, a severity or a version is no tracker reference.
    d.action_items[0].action = "Return 503 for SEV-1 pages, v1.2".into();
    assert_eq!(of(&d, check("action-no-tracking")).len(), 1);
}

#[test]
fn action_no_tracking_silent_with_a_link() {
    let mut d = example();
    for a in &mut d.action_items {
        a.tracking_link = "https://tracker.example/42".into();
    }
    none(&d, check("action-no-tracking"));
}

#[test]
fn action_no_tracking_not_on_blank_rows() {
    let mut d = example();
    d.action_items = vec![
        action("Add a canary", "Dana", "2030-01-01"),
        ActionItem::default(),
    ];
    none(&d, check("action-no-tracking"));
}

// ---------------------------------------------------------------------------------------
// action-vague

#[test]
fn action_vague_starts_with_a_direction() {
    let f = one(&only_action("Improve monitoring"), check("action-vague"));
    assert_eq!(f.level, Level::Suggestion);
    assert_eq!(
        f.target,
        Target::Row {
            field: FieldId::Action,
            index: 0
        }
    );
    assert!(
        f.message
            .en
            .starts_with("Action item 1: starts with “Improve”"),
        "{}",
        f.message.en
    );
    one(
        &only_action("- investigate the latency spikes"),
        check("action-vague"),
    );
    one(&only_action("Look into retries"), check("action-vague"));
    one(
        &only_action("Consider a second region"),
        check("action-vague"),
    );
}

#[test]
fn action_vague_asks_people_to_be_better() {
    let f = one(
        &only_action("Remind engineers to double-check configs"),
        check("action-vague"),
    );
    assert!(
        f.message.en.contains("“Remind” asks people to be better"),
        "{}",
        f.message.en
    );
    one(
        &only_action("Train the on-call not to skip the checklist"),
        check("action-vague"),
    );
    one(
        &only_action("Everyone should be more careful with deploys"),
        check("action-vague"),
    );
}

#[test]
fn action_vague_in_chinese() {
    let f = one(&only_action("加強監控"), check("action-vague"));
    assert!(
        f.message.zh.starts_with("行動項目 1：以「加強」開頭"),
        "{}",
        f.message.zh
    );
    one(&only_action("向同仁宣導變更流程"), check("action-vague"));
    one(&only_action("要求同仁部署前再確認"), check("action-vague"));
    one(&only_action("檢討部署流程"), check("action-vague"));
}

#[test]
fn action_vague_traps_concrete_actions() {
    none(
        &only_action("Add a reminder email 30 days before certificates expire"),
        check("action-vague"),
    );
    none(&only_action("設定憑證到期自動提醒"), check("action-vague"));
    none(
        &only_action("Add a check that cached data matches the requesting user"),
        check("action-vague"),
    );
    none(
        &only_action("Page on improved error-rate SLO burn"),
        check("action-vague"),
    );
    none(
        &only_action("Alert when `improve_cache` is disabled"),
        check("action-vague"),
    );
}

// ---------------------------------------------------------------------------------------
// no-prevent-action

#[test]
fn no_prevent_action_when_none_prevents() {
    let mut d = example();
    for a in &mut d.action_items {
        a.kind = Some(ActionType::Detect);
    }
    let f = one(&d, check("no-prevent-action"));
    assert_eq!(f.level, Level::Problem);
    assert!(f.message.zh.contains("「預防」"));
}

#[test]
fn no_prevent_action_one_prevent_is_enough() {
    let mut d = example();
    for a in d.action_items.iter_mut().skip(1) {
        a.kind = Some(ActionType::Process);
    }
    none(&d, check("no-prevent-action"));
}

#[test]
fn no_prevent_action_silent_without_items() {
    let mut d = example();
    d.action_items.clear();
    none(&d, check("no-prevent-action"));
}

// ---------------------------------------------------------------------------------------
// same-priority

#[test]
fn same_priority_three_items_alike() {
    let mut d = example();
    d.action_items.truncate(3);
    for a in &mut d.action_items {
        a.priority = Some(Priority::P1);
    }
    let f = one(&d, check("same-priority"));
    assert_eq!(f.level, Level::Suggestion);
    assert!(
        f.message.en.contains("all 3 action items are P1"),
        "{}",
        f.message.en
    );
    assert!(
        f.message.zh.contains("3 個行動項目都是 P1"),
        "{}",
        f.message.zh
    );
}

#[test]
fn same_priority_not_with_two_items() {
    let mut d = example();
    d.action_items.truncate(2);
    none(&d, check("same-priority"));
}

#[test]
fn same_priority_not_when_they_differ() {
    none(&example(), check("same-priority"));
}

// ---------------------------------------------------------------------------------------
// action-overdue

#[test]
fn action_overdue_past_due_and_open() {
    let mut d = example();
    d.action_items[2].done = false;
    let f = one(&d, check("action-overdue"));
    assert_eq!(f.key, "action-overdue@action:3");
    assert!(f
        .message
        .en
        .starts_with("Action item 3: due 2023-04-07 and not done"));
    assert!(f.message.zh.starts_with("行動項目 3：期限是 2023-04-07"));
}

#[test]
fn action_overdue_not_when_done() {
    none(&example(), check("action-overdue"));
}

#[test]
fn action_overdue_not_on_the_due_day_or_before() {
    let mut d = example();
    d.action_items[0].done = false;
    d.action_items[0].due_date = TODAY.into();
    d.action_items[1].done = false;
    d.action_items[1].due_date = "2026-03-01".into();
    none(&d, check("action-overdue"));
}

#[test]
fn action_overdue_needs_a_real_date() {
    let mut d = example();
    d.action_items[0].done = false;
    d.action_items[0].due_date = "Q3".into();
    none(&d, check("action-overdue"));
    d.action_items[0].due_date = "2023-04-01".into();
    assert!(review(&d, "", &[])
        .iter()
        .all(|f| f.check != check("action-overdue")));
}

// ---------------------------------------------------------------------------------------
// review-late

fn meeting(severity: Severity, incident: &str, review_meeting: &str) -> Postmortem {
    let mut d = example();
    d.header.severity = Some(severity);
    d.header.incident_date = incident.into();
    d.header.review_meeting = review_meeting.into();
    d
}

#[test]
fn review_late_sev1_after_three_calendar_days() {
    let f = one(
        &meeting(Severity::Sev1, "2024-03-01", "2024-03-05"),
        check("review-late"),
    );
    assert_eq!(f.level, Level::Suggestion);
    assert_eq!(f.target, Target::Field(FieldId::ReviewMeeting));
    assert!(
        f.message
            .en
            .starts_with("Review meeting: 2024-03-05, 4 days after"),
        "{}",
        f.message.en
    );
    assert!(f.message.zh.contains("3 個日曆天"));
    none(
        &meeting(Severity::Sev1, "2024-03-01", "2024-03-04"),
        check("review-late"),
    );
}

#[test]
fn review_late_sev2_after_five_business_days() {
    // 2024-03-01 is a Friday: the next Friday is 5 business days later, Monday 6.
    none(
        &meeting(Severity::Sev2, "2024-03-01", "2024-03-08"),
        check("review-late"),
    );
    let f = one(
        &meeting(Severity::Sev2, "2024-03-01", "2024-03-11"),
        check("review-late"),
    );
    assert!(f.message.en.contains("6 business days"), "{}", f.message.en);
    assert!(f.message.zh.contains("6 個工作天"));
}

#[test]
fn review_late_no_meeting_while_in_review_or_final() {
    let mut d = meeting(Severity::Sev3, "2024-03-01", "");
    d.header.status = Status::Final;
    let f = one(&d, check("review-late"));
    assert!(
        f.message.en.contains("while the report is Final"),
        "{}",
        f.message.en
    );
    assert!(f.message.zh.contains("「定稿」"));
    d.header.status = Status::InReview;
    one(&d, check("review-late"));
    d.header.status = Status::Draft;
    none(&d, check("review-late"));
}

#[test]
fn review_late_not_for_lower_severities_or_the_example() {
    none(
        &meeting(Severity::Sev3, "2024-03-01", "2024-04-30"),
        check("review-late"),
    );
    none(&example(), check("review-late"));
}

// ---------------------------------------------------------------------------------------
// no-customer-notice

#[test]
fn no_customer_notice_when_customers_saw_it() {
    let mut d = example();
    d.communication.customer_notice = " ".into();
    let f = one(&d, check("no-customer-notice"));
    assert_eq!(f.target, Target::Field(FieldId::CustomerNotice));
    assert!(f
        .message
        .en
        .starts_with("Customer notice: empty, while Customer visible is Yes"));
    assert!(f.message.zh.starts_with("客戶公告：還是空的"));
}

#[test]
fn no_customer_notice_not_when_invisible_or_unanswered() {
    let mut d = example();
    d.communication.customer_notice.clear();
    d.impact.customer_visible = Some(false);
    none(&d, check("no-customer-notice"));
    d.impact.customer_visible = None;
    none(&d, check("no-customer-notice"));
}

#[test]
fn no_customer_notice_silent_with_a_notice() {
    none(&example(), check("no-customer-notice"));
}

// ---------------------------------------------------------------------------------------
// data-exposed-not-notified

#[test]
fn data_exposed_not_notified_without_notified() {
    let mut d = example();
    d.communication.notified.clear();
    let f = one(&d, check("data-exposed-not-notified"));
    assert_eq!(f.target, Target::Field(FieldId::Notified));
    assert_eq!(f.key, "data-exposed-not-notified");
    assert!(f.message.zh.starts_with("已通知對象：還沒填"));
}

#[test]
fn data_exposed_not_notified_without_kinds_of_data() {
    let mut d = example();
    d.impact.kinds_of_data.clear();
    let f = one(&d, check("data-exposed-not-notified"));
    assert_eq!(f.target, Target::Field(FieldId::KindsOfData));
    assert!(f.message.en.starts_with("Kinds of data: empty"));
}

#[test]
fn data_exposed_not_notified_both_missing_is_one_finding() {
    let mut d = example();
    d.impact.kinds_of_data.clear();
    d.communication.notified.clear();
    let f = one(&d, check("data-exposed-not-notified"));
    assert!(
        f.message
            .en
            .starts_with("Notified and Kinds of data: empty"),
        "{}",
        f.message.en
    );
}

#[test]
fn data_exposed_not_notified_not_when_nothing_was_exposed() {
    let mut d = example();
    d.impact.data_exposed = Some(false);
    d.communication.notified.clear();
    none(&d, check("data-exposed-not-notified"));
    none(&example(), check("data-exposed-not-notified"));
}

// ---------------------------------------------------------------------------------------
// notice-internal-details

#[test]
fn notice_internal_details_reads_the_customer_versions_redaction() {
    let mut d = example();
    none(&d, check("notice-internal-details"));
    d.communication.customer_notice =
        "We restarted db-7.internal (ticket OPS-1234); write to ops@acme.example.".into();
    let f = one(&d, check("notice-internal-details"));
    for hit in ["db-7.internal", "OPS-1234", "ops@acme.example"] {
        assert!(f.message.en.contains(hit), "{}", f.message.en);
    }
    // What the user let through does not count.
    d.public.let_through = vec!["ops@acme.example".into()];
    let f = one(&d, check("notice-internal-details"));
    assert!(
        !f.message.en.contains("ops@acme.example"),
        "{}",
        f.message.en
    );
    d.public
        .let_through
        .extend(["db-7.internal".into(), "OPS-1234".into()]);
    none(&d, check("notice-internal-details"));
    // A public status page and a version number are not internal details.
    d.communication.customer_notice =
        "Fixed in 2.4.1 at 10:00 UTC; see https://status.example.com for SEV-1 updates.".into();
    none(&d, check("notice-internal-details"));
}

#[test]
fn notice_internal_details_from_the_injected_redaction() {
    let d = example();
    let scan = |_: &Postmortem| vec!["db-7.internal".to_owned(), "OPS-1234".to_owned()];
    let found = review_with(&d, TODAY, &[], &scan);
    let f = found
        .iter()
        .find(|f| f.check == check("notice-internal-details"))
        .expect("found");
    assert_eq!(f.level, Level::Problem);
    assert_eq!(f.target, Target::Field(FieldId::CustomerNotice));
    assert!(
        f.message.en.contains("“db-7.internal”, “OPS-1234”"),
        "{}",
        f.message.en
    );
    assert!(
        f.message.zh.contains("「db-7.internal」、「OPS-1234」"),
        "{}",
        f.message.zh
    );
}

#[test]
fn notice_internal_details_nothing_found_or_no_notice() {
    let mut d = example();
    let nothing = |_: &Postmortem| Vec::<String>::new();
    assert!(review_notice(&d, &nothing).is_empty());
    d.communication.customer_notice.clear();
    let scan = |_: &Postmortem| vec!["db-7.internal".to_owned()];
    assert!(review_notice(&d, &scan).is_empty());
}

// ---------------------------------------------------------------------------------------
// repeat-open-actions

fn earlier(id: &str, title: &str, date: &str, tags: &[&str]) -> Postmortem {
    let mut d = example();
    d.header.incident_id = id.into();
    d.header.title = title.into();
    d.header.incident_date = date.into();
    d.header.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    // Another cause than the example's, so only what a test sets relates them.
    d.causes.root_causes = "A certificate expired on the load balancer.".into();
    d.action_items[3].done = false;
    d
}

fn repeats(doc: &Postmortem, other: &Postmortem) -> Vec<Finding> {
    review(
        doc,
        TODAY,
        &[OtherDraft {
            id: "draft-7",
            doc: other,
        }],
    )
    .into_iter()
    .filter(|f| f.check == check("repeat-open-actions"))
    .collect()
}

#[test]
fn repeat_open_actions_named_by_incident_id() {
    let mut d = example();
    d.causes.recurrence = "Same cause as inc-2022-0101, whose fix is still open.".into();
    let other = earlier(
        "INC-2022-0101",
        "Cache mixed up sessions",
        "2022-01-01",
        &[],
    );
    let found = repeats(&d, &other);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = &found[0];
    assert_eq!(f.level, Level::Problem);
    assert_eq!(f.related.as_deref(), Some("draft-7"));
    assert_eq!(f.key, "repeat-open-actions@draft-7");
    assert_eq!(f.target, Target::Field(FieldId::Recurrence));
    assert!(f.message.en.contains("names “Cache mixed up sessions”, an earlier incident whose action items are not all done (1 open)"), "{}", f.message.en);
    assert!(
        f.message.zh.contains("提到了「Cache mixed up sessions」"),
        "{}",
        f.message.zh
    );
}

#[test]
fn repeat_open_actions_named_by_title() {
    let mut d = example();
    d.causes.recurrence = "上次「快取錯置事件」也是同樣的原因".into();
    let other = earlier("", "快取錯置事件", "2022-06-01", &[]);
    assert_eq!(repeats(&d, &other)[0].level, Level::Problem);
}

#[test]
fn repeat_open_actions_similar_root_causes_are_a_suggestion() {
    let mut other = earlier("INC-9", "Redis pool exhausted", "2022-01-01", &[]);
    other.causes.root_causes = example().causes.root_causes;
    let found = repeats(&example(), &other);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].level, Level::Suggestion);
    assert!(
        found[0]
            .message
            .en
            .contains("whose root causes use similar words (100% in common)"),
        "{}",
        found[0].message.en
    );
    assert!(found[0]
        .message
        .zh
        .contains("根本原因用詞相似（100% 相同）"));
}

#[test]
fn repeat_open_actions_a_shared_tag_alone_is_no_shared_cause() {
    // A tag most drafts carry (postgres) said "same cause" of every earlier incident.
    let mut d = example();
    d.header.tags = vec!["postgres".into(), "Redis".into()];
    let other = earlier(
        "INC-9",
        "Disk filled up",
        "2022-01-01",
        &["Postgres", "redis"],
    );
    assert!(repeats(&d, &other).is_empty());
}

#[test]
fn repeat_open_actions_traps_later_same_id_done_and_partial_ids() {
    let mut d = example();
    d.causes.recurrence = "See INC-12 and INC-2023-0320.".into();
    // Later than this incident.
    assert!(repeats(&d, &earlier("INC-12", "Later", "2024-01-01", &["redis"])).is_empty());
    // The same incident.
    assert!(repeats(
        &d,
        &earlier("INC-2023-0320", "Same", "2022-01-01", &["redis"])
    )
    .is_empty());
    // All its actions done.
    let mut done = earlier("INC-12", "Done", "2022-01-01", &["redis"]);
    done.action_items[3].done = true;
    assert!(repeats(&d, &done).is_empty());
    // INC-1 is not INC-12, and no tag is shared.
    assert!(repeats(&d, &earlier("INC-1", "Other", "2022-01-01", &["dns"])).is_empty());
}

// ---------------------------------------------------------------------------------------
// The phrase tables: every entry does what its list says, so a new line is tested too.

#[test]
fn every_phrase_of_both_tables_is_found() {
    let fill_gap = |p: &str| p.replace('…', " x ");
    for table in review_phrases::TABLES {
        for p in table.blame_anywhere {
            let d = with_summary(&format!("Then {} it was.", fill_gap(p.text)));
            assert_eq!(of(&d, check("blame-language")).len(), 1, "{}", p.text);
        }
        for p in table.blame_after_person {
            let d = with_summary(&format!("The engineer {} x.", fill_gap(p.text)));
            assert_eq!(of(&d, check("blame-language")).len(), 1, "{}", p.text);
            let d = with_summary(&format!("The cache {} x.", fill_gap(p.text)));
            none(&d, check("blame-language"));
        }
        for word in table.person_words {
            let d = with_summary(&format!("{word} forgot to page."));
            assert_eq!(of(&d, check("blame-language")).len(), 1, "{word}");
        }
        for word in table.not_person {
            none(
                &with_summary(&format!("{word}忘了重試")),
                check("blame-language"),
            );
        }
        for word in table.not_blame {
            none(
                &with_summary(&format!("The {word} path.")),
                check("blame-language"),
            );
        }
        for e in table.emotional {
            let d = with_summary(&format!("It was {e}."));
            assert_eq!(of(&d, check("emotional-language")).len(), 1, "{e}");
        }
        for h in table.human_error {
            assert_eq!(
                of(&with_root_causes(h), check("root-cause-person")).len(),
                1,
                "{h}"
            );
        }
        for v in table.vague_start.iter().chain(table.be_better) {
            let d = only_action(&format!("{} the deploys", fill_gap(v)));
            assert_eq!(of(&d, check("action-vague")).len(), 1, "{v}");
        }
        for v in table.not_vague {
            none(
                &only_action(&format!("Add a {v} for expiring certificates")),
                check("action-vague"),
            );
        }
        for n in table.number_words {
            none(&impact(&format!("{n} users")), check("impact-no-numbers"));
        }
        for n in table.not_numbers {
            one(&impact(&format!("{n}使用者")), check("impact-no-numbers"));
        }
        for role in table.role_in_name {
            let name = format!("Dana {role}");
            let mut d = with_root_causes(&format!("{name} approved it."));
            d.header.authors = vec![name];
            none(&d, check("root-cause-person"));
        }
    }
}

#[test]
fn listed_people_leave_out_roles_and_teams() {
    let d = example();
    assert!(listed_people(&d).is_empty(), "{:?}", listed_people(&d));
    let mut d = example();
    d.response.responders = "- Dana Lee — IC\n王小明：值班\nDB on-call - restore".into();
    d.action_items[0].owner = "Ravi, Mei".into();
    assert_eq!(listed_people(&d), ["Dana Lee", "Ravi", "王小明", "Mei"]);
}

// ---------------------------------------------------------------------------------------
// Any text at all.

/// Pieces that the matchers treat specially, in both languages, and plain text.
const PIECES: &[&str] = &[
    "forgot to",
    "should have",
    "the engineer ",
    "Bob",
    "@bob",
    "bob@x.io",
    " ",
    "\n",
    "> ",
    "`",
    "``",
    "```\n",
    "~~~",
    "應該要",
    "卻",
    "，",
    "。",
    "他",
    "其他",
    "人為疏失",
    "human error",
    "!!!",
    "！",
    "lazy load",
    "INC-1",
    "三成",
    "一些",
    "é",
    "İ",
    "\u{202e}",
    "x",
    ".",
    ",",
    "…",
];

#[test]
fn the_review_never_panics_and_keys_stay_unique_whatever_the_text() {
    let text =
        || prop::collection::vec(prop::sample::select(PIECES), 0..30).prop_map(|p| p.concat());
    let mut runner = common::seeded_runner(300, 11);
    runner
        .run(&(text(), text(), text()), |(a, b, c)| {
            let mut d = example();
            d.summary = a.clone();
            d.causes.root_causes = b.clone();
            d.causes.recurrence = c.clone();
            d.action_items[0].action = c.clone();
            d.timeline[0].event = a;
            d.header.authors.push(b);
            d.response.responders = c;
            let other = example();
            let others = [OtherDraft {
                id: "o",
                doc: &other,
            }];
            let findings = review(&d, TODAY, &others);
            let mut keys: Vec<&str> = findings.iter().map(|f| f.key.as_str()).collect();
            let n = keys.len();
            keys.sort_unstable();
            keys.dedup();
            prop_assert_eq!(keys.len(), n);
            Ok(())
        })
        .expect("the review handles any text");
}

#[test]
fn hostile_backticks_and_long_lines_stay_linear() {
    let mut s = String::new();
    for k in 1..400 {
        s.push_str(&"`".repeat(k));
        s.push_str(" forgot to ");
    }
    let mut d = with_summary(&s);
    d.supporting_info = "> ".repeat(50_000);
    d.causes.root_causes = "應該要".repeat(20_000);
    let start = std::time::Instant::now();
    let _ = review(&d, TODAY, &[]);
    println!("hostile text: {:?}", start.elapsed());
}

#[test]
fn blame_language_never_when_a_negator_governs_it() {
    for text in [
        "This happened, and not because engineers are lazy.",
        "No one was careless: the runbook was wrong.",
        "Nobody screwed up here.",
        "這次中斷並非因為同仁疏忽，而是流程缺少檢查。",
        "沒有人粗心，是監控沒有涵蓋這條路徑。",
    ] {
        none(&with_summary(text), check("blame-language"));
    }
    // A negator inside the phrase is part of the blame, and one before another verb in
    // another clause denies nothing here.
    for text in [
        "The on-call engineer didn't follow the runbook.",
        "值班同仁沒有遵守操作手冊。",
        "The alert did not fire, and the engineer was careless with the rollback.",
    ] {
        one(&with_summary(text), check("blame-language"));
    }
}

#[test]
fn blame_language_never_in_a_quoted_chat_line_and_its_continuation() {
    let d = with_summary(
        "From the incident channel:\n\n> <dana> the on-call engineer screwed up\nand was frankly careless, sorry\n\nThe runbook did not cover the failover.",
    );
    none(&d, check("blame-language"));
    let d = with_summary("> 值班同仁太粗心\n又忘記檢查複寫延遲\n\n手冊沒有寫到切換的步驟。");
    none(&d, check("blame-language"));
}

// ---------------------------------------------------------------------------------------
// The classes of issue 19: real reports, each in both languages.

#[test]
fn placeholder_text_left_in_from_a_template() {
    let f = one(
        &with_summary("On YYYY-MM-DD the {Service} was down for XX hours. TBD"),
        check("placeholder-text"),
    );
    assert_eq!(f.level, Level::Problem);
    assert_eq!(f.target, Target::Field(FieldId::Summary));
    assert!(
        f.message.en.contains("“YYYY-MM-DD”, and 3 more"),
        "{}",
        f.message.en
    );
    assert!(f.message.zh.contains("另外還有 3 處"), "{}", f.message.zh);
    let f = one(
        &with_summary("服務在 2024-03-01 中斷，影響範圍待補。"),
        check("placeholder-text"),
    );
    assert!(f.message.zh.contains("待補"), "{}", f.message.zh);
}

#[test]
fn placeholder_text_traps_real_values_code_and_statuses() {
    for text in [
        "On 2024-03-01 the API was down for 3 hours.",
        "The `YYYY-MM-DD` format string in `parse()` was wrong.",
        "> TBD said the chat bot\n> in the channel",
        "Fix the parser (Status: TODO)",
        "服務在 2024-03-01 中斷 3 小時，狀態：TODO",
    ] {
        none(&with_summary(text), check("placeholder-text"));
    }
}

#[test]
fn title_empty_in_either_language() {
    let mut d = example();
    d.header.title = "  ".into();
    let f = one(&d, check("title-empty"));
    assert_eq!(f.level, Level::Problem);
    assert_eq!(f.target, Target::Field(FieldId::Title));
    assert!(f.message.en.starts_with("Title: empty"), "{}", f.message.en);
    assert!(f.message.zh.starts_with("標題：還沒填"), "{}", f.message.zh);
    d.header.title = "付款服務中斷".into();
    none(&d, check("title-empty"));
}

#[test]
fn root_cause_unknown_without_an_action_to_find_it() {
    for text in [
        "We did not figure out the root cause; the database recovered on its own.",
        "根因不明，資料庫在十分鐘後自行恢復。",
    ] {
        let f = one(&with_root_causes(text), check("root-cause-unknown"));
        assert_eq!(f.level, Level::Problem);
        assert!(f.message.en.contains("no action item is about finding it"));
        assert!(f.message.zh.contains("沒有任何行動項目要去找出原因"));
    }
}

#[test]
fn root_cause_unknown_with_an_action_to_find_it_is_a_suggestion() {
    for (cause, action) in [
        (
            "The root cause is still unknown.",
            "Find the root cause of the lock contention in the orders table",
        ),
        ("原因仍在調查中。", "找出根因：分析訂單資料表的鎖競爭"),
    ] {
        let mut d = with_root_causes(cause);
        d.action_items[0].action = action.into();
        let f = one(&d, check("root-cause-unknown"));
        assert_eq!(f.level, Level::Suggestion);
        // Finding the cause is concrete enough: it is no vague action.
        assert!(of(&d, check("action-vague")).iter().all(|f| f.target
            != Target::Row {
                field: FieldId::Action,
                index: 0
            }));
    }
}

#[test]
fn root_cause_unknown_traps_a_known_cause_and_a_negation() {
    for text in [
        "A cache key collision served one user's data to another.",
        "It is not true that the root cause is unknown: the cache key collided.",
        "快取鍵值衝突，把一位使用者的資料給了另一位。",
    ] {
        none(&with_root_causes(text), check("root-cause-unknown"));
    }
}

#[test]
fn impact_no_numbers_identifiers_are_not_numbers() {
    for text in [
        "Customers saw HTTP 500 and 502s after v1.7.30 shipped in the P1 incident of 2024-03-01, below our 99.9% SLO.",
        "客戶看到 HTTP 502 錯誤，v2.3.1 上線後的 P1 事件，發生於 2024-03-01，低於 99.9% 的 SLO。",
    ] {
        one(&impact(text), check("impact-no-numbers"));
    }
    for text in [
        "HTTP 500 errors for 1,200 users during 45 minutes.",
        "約 1,200 位使用者看到 HTTP 500 錯誤，持續 45 分鐘。",
    ] {
        none(&impact(text), check("impact-no-numbers"));
    }
}

#[test]
fn action_vague_behind_a_tag_or_prefix() {
    for text in [
        "[PoMo] Investigate and address the slow queries",
        "ACTION: Improve monitoring",
        "[後續] 加強監控",
        "【PoMo】檢討部署流程",
    ] {
        one(&only_action(text), check("action-vague"));
    }
    none(
        &only_action("[PoMo] Add an alert on p99 latency above 2 s for 5 minutes"),
        check("action-vague"),
    );
    none(
        &only_action("【後續】設定憑證到期前 30 天自動提醒"),
        check("action-vague"),
    );
}

#[test]
fn same_priority_counts_only_the_priorities_set() {
    let mut d = example();
    d.action_items.truncate(3);
    d.action_items[0].priority = Some(Priority::P1);
    d.action_items[1].priority = None;
    d.action_items[2].priority = Some(Priority::P1);
    // Two set alike and one "Not set" is no list where everything has one priority.
    none(&d, check("same-priority"));
    let mut more = d.clone();
    more.action_items.push(more.action_items[0].clone());
    let f = one(&more, check("same-priority"));
    assert!(
        f.message.en.contains("all 3 action items are P1"),
        "{}",
        f.message.en
    );
    assert!(
        f.message.zh.contains("3 個行動項目都是 P1"),
        "{}",
        f.message.zh
    );
    for a in &mut d.action_items {
        a.priority = None;
    }
    none(&d, check("same-priority"));
}

#[test]
fn no_prevent_action_over_untyped_items_asks_to_mark_them() {
    let mut d = example();
    for a in &mut d.action_items {
        a.kind = None;
    }
    let f = one(&d, check("no-prevent-action"));
    assert_eq!(f.level, Level::Suggestion);
    assert_eq!(f.title.en, "Mark which actions prevent a recurrence");
    assert_eq!(f.title.zh, "請標示哪些行動能防止再發生");
    assert!(f.message.en.contains("no action item has a type yet"));
    assert!(f.message.zh.contains("都還沒選類型"));
}

#[test]
fn root_cause_person_never_for_an_investigator_or_denied_human_error() {
    let mut d = with_root_causes(
        "RT intuits that newly deployed services used a new API format. It was not human error: the deploy tool allowed it.",
    );
    d.header.authors = vec!["RT".into()];
    none(&d, check("root-cause-person"));
    let mut d = with_root_causes(
        "林志豪認為新部署的服務改用了新的 API 格式。這不是人為疏失，而是部署工具允許了這個變更。",
    );
    d.header.authors = vec!["林志豪".into()];
    none(&d, check("root-cause-person"));
    // Naming the person as the cause still is one.
    let mut d = with_root_causes("林志豪 deleted the production table by mistake.");
    d.header.authors = vec!["林志豪".into()];
    one(&d, check("root-cause-person"));
}

#[test]
fn blame_language_negated_in_both_languages() {
    for text in [
        "This happened not because engineers are lazy, but because the alert was silent.",
        "這不是因為工程師偷懶，而是告警沒有響。",
    ] {
        none(&with_summary(text), check("blame-language"));
    }
}

#[test]
fn placeholder_text_once_per_row_whose_fields_share_a_key() {
    let mut d = example();
    d.action_items[0].owner = "TBD".into();
    d.action_items[0].due_date = "TBD".into();
    let found = of(&d, check("placeholder-text"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.en.contains("and 1 more"),
        "{}",
        found[0].message.en
    );
    let mut d = example();
    d.action_items[0].owner = "待補".into();
    d.action_items[1].owner = "待補".into();
    assert_eq!(of(&d, check("placeholder-text")).len(), 2);
}

#[test]
fn root_causes_read_the_action_items_text_not_only_their_people() {
    use hindsight_core::review::reads_content;
    // The app memoizes a section on the people other sections list; root-cause-unknown
    // reads the action items' words, so their section's memo must read them whole.
    assert!(reads_content(SectionId::Causes, SectionId::ActionItems));
    assert!(reads_content(SectionId::ActionItems, SectionId::Causes));
    assert!(!reads_content(SectionId::Lessons, SectionId::ActionItems));
    assert!(!reads_content(SectionId::Causes, SectionId::Header));
    let mut d = with_root_causes("The root cause is still unknown.");
    let before = review_section(&d, SectionId::Causes, TODAY);
    d.action_items[0].action = "Find the root cause of the failover".into();
    let after = review_section(&d, SectionId::Causes, TODAY);
    assert_ne!(
        before, after,
        "the level changes with the action items' words"
    );
}
