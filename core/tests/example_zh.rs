//! The worked example in Traditional Chinese (Taiwan): golden files of its three exports,
//! lossless round trips, the zh-TW headings and words of the report, and the review's rules
//! that the example must meet.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::golden;

use hindsight_core::*;
use hindsight_core::{
    example::chatgpt_2023_03_20, example::chatgpt_2023_03_20_zh, example::worked_example,
    export::export_markdown, export::file_stem, import::import_markdown, markdown::escape,
    markdown::section_markdown, time::parse_date,
};
use hindsight_core::{export::export_html, export::export_json, import::import_json};

/// The zh-TW section headings, in the order of the export.
const HEADINGS: [&str; 10] = [
    "摘要",
    "影響",
    "時間軸",
    "偵測",
    "觸發與根本原因",
    "應變與修復",
    "行動項目",
    "經驗教訓",
    "溝通",
    "補充資料",
];

/// The `## ` headings of a Markdown text, outside fenced code.
fn level_two_headings(md: &str) -> Vec<&str> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in md.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            if let Some(h) = line.strip_prefix("## ") {
                out.push(h.trim());
            }
        }
    }
    out
}

/// The rows of the pipe table whose header row is `header`, header excluded.
fn table<'a>(md: &'a str, header: &str) -> Vec<Vec<&'a str>> {
    md.lines()
        .skip_while(|l| *l != header)
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(escape::split_row)
        .collect()
}

#[test]
fn markdown_export_golden_speaks_zh_tw_and_round_trips() {
    let doc = chatgpt_2023_03_20_zh();
    assert_eq!(
        doc.normalized(),
        doc,
        "the example is in the shape Markdown carries"
    );
    let md = export_markdown(&doc);
    golden("example.zh.export.md", &md);
    assert!(md.starts_with("---\nschema_version: 3\n"));
    assert!(md.contains("\nlanguage: \"zh-TW\"\n"));
    assert_eq!(level_two_headings(&md), HEADINGS);
    assert_eq!(import_markdown(&md).expect("imports"), doc.normalized());

    let header = table(&md, "| 欄位 | 內容 |");
    assert!(
        header.contains(&vec!["嚴重程度", "SEV1（危急）"]),
        "{header:?}"
    );
    assert!(header.contains(&vec!["狀態", "定稿"]));
    let impact = table(&md, "| 項目 | 數值 |");
    assert!(impact.contains(&vec!["客戶可見", "是"]), "{impact:?}");
    assert!(impact.contains(&vec!["資料外洩", "是"]));
    assert!(impact.iter().any(|r| r[0] == "外洩資料類型"));
    let timeline = table(&md, "| 時間 | 事件 | 類型 | 連結 |");
    assert_eq!(timeline.len(), 7);
    assert_eq!(timeline[0][0], "2023-03-20 01:00", "shown in Pacific time");
    assert_eq!(timeline[0][2], "影響開始");
    let metrics = table(&md, "| 指標 | 時長 |");
    assert_eq!(metrics[0], ["偵測耗時", "7 小時 50 分"]);
    assert_eq!(metrics[3], ["影響時長", "18 小時"]);
    assert!(md.contains("時間以 America/Los_Angeles（UTC\u{2212}07:00）為準。"));
    let actions = table(
        &md,
        "| 行動 | 類型 | 負責人 | 優先順序 | 期限 | 追蹤連結 | 完成 |",
    );
    assert_eq!(actions.len(), 4);
    assert!(actions.iter().all(|r| r[6] == "是"), "{actions:?}");
    // No space after a full-width colon, which stays outside the bold.
    assert!(md.contains("**發現方式**：客戶回報"));
    assert!(!md.contains("： "));
    // What Hindsight wrote before still reads the same.
    let older = md.replace("**發現方式**：客戶回報", "**發現方式：** 客戶回報");
    let read = hindsight_core::import::import_markdown(&older).expect("reads");
    assert_eq!(
        read.detection.detected_by,
        Some(hindsight_core::DetectedBy::CustomerReport)
    );
    assert!(md.contains("```mermaid\ntimeline\n    title 時間軸（America/Los_Angeles）\n"));
}

#[test]
fn the_public_facts_are_all_there() {
    let md = export_markdown(&chatgpt_2023_03_20_zh());
    for fact in [
        "01:00",
        "10:00",
        "redis-py",
        "asyncio",
        "Redis Cluster",
        "對話標題",
        "對話紀錄",
        "九小時",
        "1.2%",
        "姓名",
        "電子郵件",
        "付款地址",
        "末四碼",
        "到期日",
        "完整卡號",
        "下線",
        "通知",
        "3 月 24 日",
        "https://openai.com/blog/march-20-chatgpt-outage",
        "大量測試",
        "確認快取取回的資料屬於發出請求的使用者",
        "記錄請求者與資料擁有者",
        "Redis 叢集的擴充更穩健",
    ] {
        assert!(md.contains(fact), "missing: {fact}");
    }
}

#[test]
fn json_export_golden_round_trips_exactly() {
    let doc = chatgpt_2023_03_20_zh();
    let json = export_json(&doc);
    golden("example.zh.export.json", &json);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["language"], "zh-TW");
    assert_eq!(import_json(&json).expect("imports"), doc);
}

#[test]
fn html_export_golden_is_marked_as_taiwanese_chinese() {
    let doc = chatgpt_2023_03_20_zh();
    let html = export_html(&doc);
    golden("example.zh.export.html", &html);
    assert!(html.contains("<html lang=\"zh-Hant-TW\">"));
    assert!(html.contains("<title>ChatGPT 部分使用者看到他人的對話標題與付款資訊</title>"));
    for heading in HEADINGS {
        assert!(html.contains(&format!("<h2>{heading}</h2>")), "{heading}");
    }
    assert!(
        html.contains("<strong>怎樣能更早發現</strong>："),
        "bold ends before a CJK colon"
    );
    assert!(!html.contains("<script"));
    assert!(common::tags(&html).is_ok(), "well formed");
}

#[test]
fn file_name_keeps_the_chinese_title() {
    assert_eq!(
        file_stem(&chatgpt_2023_03_20_zh()),
        "2023-03-20-chatgpt-部分使用者看到他人的對話標題與付款資訊-inc-2023-0320"
    );
}

#[test]
fn worked_example_follows_the_language() {
    assert_eq!(worked_example(Language::En), chatgpt_2023_03_20());
    assert_eq!(worked_example(Language::ZhTw), chatgpt_2023_03_20_zh());
}

#[test]
fn mirrors_the_english_example() {
    let en = chatgpt_2023_03_20();
    let zh = chatgpt_2023_03_20_zh();
    assert_eq!(zh.language, Language::ZhTw);
    assert_eq!(zh.template, en.template);
    assert_eq!(zh.header.severity, en.header.severity);
    assert_eq!(zh.header.status, Status::Final);
    assert_eq!(zh.header.incident_id, en.header.incident_id);
    assert_eq!(zh.header.incident_date, en.header.incident_date);
    assert_eq!(zh.header.time_zone, en.header.time_zone);
    assert_eq!(zh.header.review_meeting, en.header.review_meeting);
    let moments = |d: &Postmortem| -> Vec<_> {
        d.timeline
            .iter()
            .map(|e| (e.time, e.kind, e.link.clone()))
            .collect()
    };
    assert_eq!(moments(&zh), moments(&en));
    let shape = |d: &Postmortem| -> Vec<_> {
        d.action_items
            .iter()
            .map(|a| (a.kind, a.priority, a.due_date.clone()))
            .collect()
    };
    assert_eq!(shape(&zh), shape(&en));
    assert_eq!(zh.causes.five_whys.len(), en.causes.five_whys.len());
    assert_eq!(zh.impact.customer_visible, en.impact.customer_visible);
    assert_eq!(zh.impact.data_exposed, en.impact.data_exposed);
    for section in SectionId::ALL {
        assert!(
            !section_markdown(&zh, section).is_empty(),
            "{section:?} is filled"
        );
    }
}

/// The review's rules (docs/review.md) that a finished example must meet, checked by hand until the
/// review itself runs on it: nothing here may become a problem.
#[test]
fn the_example_meets_the_review() {
    let doc = chatgpt_2023_03_20_zh();
    let md = export_markdown(&doc);
    for phrase in [
        "人為疏失",
        "人為操作不當",
        "操作失誤",
        "本來應該",
        "早該",
        "應該要",
        "忘記",
        "忘了",
        "沒有遵守",
        "疏忽",
        "粗心",
        "不小心",
        "怠忽",
        "白目",
        "離譜",
        "荒唐",
        "竟然",
        "誇張",
        "!!!",
        "human error",
        "should have",
        "failed to",
    ] {
        assert!(!md.contains(phrase), "blame or emotional phrase: {phrase}");
    }
    assert!(doc.causes.five_whys.len() >= 3);
    assert!(doc
        .action_items
        .iter()
        .all(|a| !a.owner.is_empty() && parse_date(&a.due_date).is_some() && a.done));
    assert!(doc
        .action_items
        .iter()
        .any(|a| a.kind == Some(ActionType::Prevent)));
    for a in &doc.action_items {
        let vague_start = ["加強", "改善", "研究", "檢討", "注意"];
        assert!(
            !vague_start.iter().any(|v| a.action.starts_with(v))
                && !["要求同仁", "宣導", "提醒"]
                    .iter()
                    .any(|v| a.action.contains(v)),
            "vague: {}",
            a.action
        );
    }
    let priorities: std::collections::HashSet<_> =
        doc.action_items.iter().map(|a| a.priority).collect();
    assert!(priorities.len() > 1);
    assert!(doc.impact.description.chars().any(|c| c.is_ascii_digit()));
    assert_eq!(doc.impact.customer_visible, Some(true));
    assert!(!doc.communication.customer_notice.is_empty());
    assert_eq!(doc.impact.data_exposed, Some(true));
    assert!(!doc.communication.notified.is_empty() && !doc.impact.kinds_of_data.is_empty());
    assert_eq!(doc.detection.detected_by, Some(DetectedBy::CustomerReport));
    assert!(!doc.detection.description.is_empty());
    // SEV1: the review meeting within 3 calendar days of the incident date.
    assert_eq!(doc.header.severity, Some(Severity::Sev1));
    assert_eq!(doc.header.incident_date, "2023-03-20");
    assert!(doc.header.review_meeting.as_str() <= "2023-03-23");
    // No listed person (a name without a role word) is named in the trigger or root causes.
    let causes = format!("{}\n{}", doc.causes.trigger, doc.causes.root_causes);
    let people = doc
        .header
        .authors
        .iter()
        .chain(&doc.header.reviewers)
        .chain(std::iter::once(&doc.header.owner))
        .chain(doc.action_items.iter().map(|a| &a.owner));
    for name in people {
        assert!(!causes.contains(name.as_str()), "names {name}");
    }
}
