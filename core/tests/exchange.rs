//! Export and import: round trips over generated documents, golden files of the worked
//! example's exports, hand edits that survive an import, and clear errors for bad files.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod documents;

use common::{golden, seeded_runner as runner};
use documents::document;

use hindsight_core::example::chatgpt_2023_03_20;
use hindsight_core::export::{export_html, export_json, export_markdown, file_stem};
use hindsight_core::import::{import_json, import_markdown};
use hindsight_core::share;
use hindsight_core::*;
use proptest::prelude::*;

#[test]
fn json_round_trips_exactly() {
    runner(300, 11)
        .run(&document(), |d| {
            let back =
                import_json(&export_json(&d)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, d);
            Ok(())
        })
        .expect("property holds");
}

#[test]
fn markdown_round_trips_to_the_normalised_document_and_back_to_the_same_text() {
    runner(500, 12)
        .run(&document(), |d| {
            let m = export_markdown(&d);
            let back = import_markdown(&m).map_err(|e| TestCaseError::fail(format!("{e}\n{m}")))?;
            prop_assert_eq!(&back, &d.normalized(), "\n{}", m);
            prop_assert_eq!(export_markdown(&back), m);
            Ok(())
        })
        .expect("property holds");
}

#[test]
fn a_normalised_document_survives_markdown_exactly() {
    runner(200, 13)
        .run(&document(), |d| {
            let n = d.normalized();
            let back = import_markdown(&export_markdown(&n))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, n);
            Ok(())
        })
        .expect("property holds");
}

#[test]
fn share_links_round_trip() {
    runner(100, 14)
        .run(&document(), |d| {
            if let Ok(link) = share::encode(&d) {
                prop_assert!(link.starts_with("#share="));
                let back = share::decode(&link).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(back, d);
            }
            Ok(())
        })
        .expect("property holds");
}

#[test]
fn example_markdown_export_golden() {
    let doc = chatgpt_2023_03_20();
    assert_eq!(
        doc.normalized(),
        doc,
        "the example is in the shape Markdown carries"
    );
    let md = export_markdown(&doc);
    golden("example.export.md", &md);
    assert!(md.starts_with("---\nschema_version: 3\n"));
    assert!(md.contains(
        "\ntitle: \"ChatGPT showed some users other users' chat titles and payment details\"\n"
    ));
    assert!(md.contains("\nauthors: [\"Incident commander\",\"API platform lead\"]\n"));
    assert!(md.contains("```mermaid\ntimeline\n"));
    assert!(md.contains("    2023-03-20 01\u{2236}00 : Impact started — "));
    assert_eq!(import_markdown(&md).expect("imports"), doc.normalized());
    assert_eq!(
        file_stem(&doc),
        "2023-03-20-chatgpt-showed-some-users-other-users-chat-titles-and-inc-2023-0320"
    );
}

#[test]
fn example_json_export_golden() {
    let doc = chatgpt_2023_03_20();
    let json = export_json(&doc);
    golden("example.export.json", &json);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["schema_version"], 3);
    // Keys come in the model's order, so exports of equal documents are equal byte for byte.
    let at = |key: &str| {
        json.find(&format!("\n  \"{key}\":"))
            .unwrap_or_else(|| panic!("{key}"))
    };
    let order = [
        "schema_version",
        "template",
        "language",
        "header",
        "summary",
        "impact",
        "timeline",
        "detection",
        "causes",
        "response",
        "action_items",
        "lessons",
        "communication",
        "supporting_info",
    ];
    assert!(
        order.windows(2).all(|w| at(w[0]) < at(w[1])),
        "stable key order"
    );
    assert_eq!(import_json(&json).expect("imports"), doc);
}

/// Every non-void element closes in order; returns the element names in order.
fn check_html_structure(html: &str) -> Result<Vec<String>, String> {
    const VOID: &[&str] = &["meta", "br", "hr", "img", "input", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    for (name, _) in common::tags(html)? {
        if let Some(closed) = name.strip_prefix('/') {
            let open = stack.pop().ok_or(format!("</{closed}> closes nothing"))?;
            if open != closed {
                return Err(format!("</{closed}> closes <{open}>"));
            }
        } else {
            seen.push(name.clone());
            if !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
        }
    }
    if stack.is_empty() {
        Ok(seen)
    } else {
        Err(format!("never closed: {stack:?}"))
    }
}

#[test]
fn example_html_export_golden_is_standalone_and_safe() {
    let mut doc = chatgpt_2023_03_20();
    let html = export_html(&doc);
    golden("example.export.html", &html);
    let elements = check_html_structure(&html).expect("well formed");
    assert!(!elements
        .iter()
        .any(|e| e == "script" || e == "iframe" || e == "img"));
    assert!(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"));
    assert!(html.contains("<title>ChatGPT showed some users other users&#39; chat titles and payment details</title>")
        || html.contains("<title>ChatGPT showed some users other users' chat titles and payment details</title>"));
    assert!(html.contains("<h2>Timeline</h2>"));
    assert!(html.contains("redis-py"));
    // A hostile title is escaped in <title> and in the heading.
    doc.header.title = "</title><script>alert(1)</script>".into();
    let html = export_html(&doc);
    assert!(!html.contains("<script>"), "{}", &html[..400]);
    check_html_structure(&html).expect("still well formed");
}

#[test]
fn hand_edits_to_the_body_survive_an_import() {
    let doc = chatgpt_2023_03_20();
    let md = export_markdown(&doc);
    let edited = md
        .replace(
            "Nothing downstream checked that cached data matched the requesting user",
            "Nothing downstream verified that cached data matched the requesting user",
        )
        .replace(
            "| Scale the Redis cluster more robustly to cut connection errors at peak load | Mitigate | Infrastructure | P1 | 2023-04-30 | | Yes |",
            "| Scale the Redis cluster more robustly to cut connection errors at peak load | Mitigate | Infrastructure | P1 | 2023-04-30 | | Yes |\n| Page the security on-call for any cross-user data report | Process | Security | P0 | 2023-04-03 | https://tracker.example/SEC-7 | No |",
        )
        .replace("| 2023-03-20 08:50 | Users report", "| 2023-03-20 08:45 | Users report");
    let back = import_markdown(&edited).expect("imports");
    assert!(back
        .causes
        .root_causes
        .contains("Nothing downstream verified"));
    assert_eq!(back.action_items.len(), 5);
    let added = &back.action_items[4];
    assert_eq!(
        added.action,
        "Page the security on-call for any cross-user data report"
    );
    assert_eq!(added.kind, Some(ActionType::Process));
    assert_eq!(added.priority, Some(Priority::P0));
    assert_eq!(added.tracking_link, "https://tracker.example/SEC-7");
    assert_eq!(
        back.timeline[1].time.map(|t| t.to_rfc3339()).as_deref(),
        Some("2023-03-20T08:45:00-07:00")
    );
}

#[test]
fn text_that_looks_like_the_exports_own_parts_survives() {
    let mut doc = Postmortem::default();
    doc.detection.description = "**Detected by:** Alert\n\nreally just text".into();
    doc.impact.description = "| Measure | Value |\n|---|---|\n| Cost | high |".into();
    doc.summary = "- foo\n# bar\n  ```\n## Impact".into();
    doc.causes.root_causes = "```\n    ```".into();
    doc.supporting_info = "```hindsight-raw\nnot ours\n```".into();
    let md = export_markdown(&doc);
    let back = import_markdown(&md).unwrap_or_else(|e| panic!("{e}\n{md}"));
    assert_eq!(back, doc.normalized(), "\n{md}");
    assert_eq!(back.detection.detected_by, None);
    doc.impact.users_affected = "12".into();
    let md = export_markdown(&doc);
    assert_eq!(
        import_markdown(&md).expect("imports"),
        doc.normalized(),
        "\n{md}"
    );
}

#[test]
fn bad_files_get_messages_that_name_the_problem() {
    let err = |r: Result<Postmortem, hindsight_core::error::ImportError>| {
        r.expect_err("refused").to_string()
    };
    assert!(err(import_json("{ \"schema_version\": 1, ")).contains("not valid JSON"));
    assert!(err(import_json("[1, \"x\", []]")).contains("not a JSON object"));
    assert!(err(import_json("{\"title\": \"x\"}")).contains("no schema_version"));
    assert!(err(import_json("{\"schema_version\": 7}")).contains("newer version"));
    assert!(err(import_json("{\"schema_version\": 1, \"timeline\": 5}"))
        .contains("not a complete Hindsight document"));
    assert!(err(import_markdown("# Just notes\n\nHello")).contains("front matter"));
    assert!(err(import_markdown("---\ntitle: \"x\"\n---\n")).contains("schema_version"));
    assert!(err(import_markdown(
        "---\nschema_version: 1\nseverity: \"SEV9\"\n---\n"
    ))
    .contains("severity"));
    assert!(err(import_markdown(
        "---\nschema_version: 1\n---\n\n## Mystery\n\nx\n"
    ))
    .contains("Mystery"));
    let bad_kind = "---\nschema_version: 1\n---\n\n## Timeline\n\n| Time | Event | Kind | Link |\n| --- | --- | --- | --- |\n| 2024-01-01 10:00 (UTC+00:00) | x | Explosion | |\n";
    assert!(err(import_markdown(bad_kind)).contains("Explosion"));
    // A byte-order mark is not a problem.
    let json = format!("\u{feff}{}", export_json(&Postmortem::default()));
    assert_eq!(import_json(&json).expect("imports"), Postmortem::default());
}

#[test]
fn a_broken_json_file_is_explained_in_both_languages() {
    let cases = [
        (
            "{ \"schema_version\": 1, ",
            "the file ends before the JSON does",
            "檔案在 JSON 結束前就斷了",
        ),
        (
            "{ \"schema_version\" 1 }",
            "a colon was expected",
            "這裡應該有冒號 :",
        ),
        (
            "{ \"a\": 1 \"b\": 2 }",
            "a comma or } was expected",
            "這裡應該有逗號或 }",
        ),
        (
            "{ \"a\": [1 2] }",
            "a comma or ] was expected",
            "這裡應該有逗號或 ]",
        ),
        (
            "{ a: 1 }",
            "a key must be in double quotes",
            "鍵必須用雙引號括起來",
        ),
        (
            "{ \"a\": 1, }",
            "a comma is followed by nothing",
            "逗號後面沒有內容",
        ),
        (
            "{ \"a\": 1 } x",
            "there is text after the end of the JSON",
            "JSON 結束後還有其他文字",
        ),
        (
            "{ \"a\": \"\\q\" }",
            "a string has an invalid escape",
            "字串中有無效的跳脫序列",
        ),
    ];
    for (text, en, zh) in cases {
        let error = import_json(text).expect_err(text);
        assert!(error.text().en.contains(en), "{text}: {}", error.text().en);
        assert!(error.text().zh.contains(zh), "{text}: {}", error.text().zh);
        assert!(
            !error.text().zh.contains("EOF") && !error.text().zh.contains("expected"),
            "{text}: no English in {}",
            error.text().zh
        );
    }
}

#[test]
fn an_untitled_report_is_named_in_its_language() {
    let mut doc = Postmortem::default();
    assert_eq!(file_stem(&doc), "postmortem");
    doc.language = Language::ZhTw;
    doc.header.incident_date = "2024-05-02".into();
    assert_eq!(file_stem(&doc), "2024-05-02-事後檢討");
}
