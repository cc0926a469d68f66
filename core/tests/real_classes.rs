//! The classes of input that real postmortems showed the importer and the customer version
//! misread (issue 19), one test each, in both languages where the class has a Chinese form.
//! The review's classes are in `review.rs` (`placeholder_text_…`, `title_empty_…`,
//! `root_cause_unknown_…`, `impact_no_numbers_identifiers_…`, `action_vague_behind_…`,
//! `same_priority_counts_only_…`, `no_prevent_action_over_untyped_…`,
//! `root_cause_person_never_for_an_investigator_…`, `blame_language_negated_…`); the corpus
//! that found them is scored by `real_reports.rs`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{missing_words, offset_at, without_front_matter};
use hindsight_core::customer::{customer_version, redacted, Part as PublicPart};
use hindsight_core::import::{import_foreign, ForeignImport, Target as T};
use hindsight_core::review::review;
use hindsight_core::*;
use hindsight_core::{FieldId as F, SectionId as S};

fn imp(text: &str) -> ForeignImport {
    let imp = import_foreign(text, "UTC", &offset_at).expect("imports");
    // Whatever else a test checks, no word of the file is lost.
    // Front matter is read into the header; its keys are not the report's words.
    let missing = missing_words(without_front_matter(text), &imp);
    assert!(missing.is_empty(), "lost {missing:?}");
    imp
}

/// The timeline as (instant, first words) pairs.
fn rows(imp: &ForeignImport) -> Vec<(Option<String>, String)> {
    imp.doc
        .timeline
        .iter()
        .map(|e| (e.time.map(|t| t.to_rfc3339()), e.event.clone()))
        .collect()
}

fn instants(imp: &ForeignImport) -> Vec<String> {
    rows(imp)
        .into_iter()
        .map(|(t, e)| t.unwrap_or_else(|| format!("none: {e}")))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Times are lost.

#[test]
fn bracketed_times_with_a_month_and_day() {
    let en = imp(
        "# Boskos leak\n\nIncident date: 2019-03-26\n\n## Timeline\n\n\
                  - [03-26 23:04] Boskos stops cleaning projects\n\
                  - [03-27 01:10] The on-call restarts it\n",
    );
    assert_eq!(
        instants(&en),
        ["2019-03-26T23:04:00+00:00", "2019-03-27T01:10:00+00:00"]
    );
    let zh = imp("# Boskos 資源外洩\n\n事件日期：2019-03-26\n\n## 時間軸\n\n\
                  - [03-26 23:04] Boskos 停止清理專案\n\
                  - [03-27 01:10] 值班工程師重新啟動\n");
    assert_eq!(instants(&zh), instants(&en));
}

#[test]
fn code_spans_holding_two_zones() {
    let en = imp(
        "# Sync outage\n\nIncident date: 2024-05-02\n\n## Timeline\n\n\
                  - `14:02 ICT (07:02 UTC)` — The sync job starts failing\n\
                  - `14:40 ICT (07:40 UTC)` — Rolled back\n",
    );
    // The first zone is the writer's: it becomes the draft's; both give the same instant.
    let utc = |i: &ForeignImport| -> Vec<Option<i64>> {
        i.doc
            .timeline
            .iter()
            .map(|e| e.time.map(|t| t.utc))
            .collect()
    };
    let at = |s: &str| Timestamp::parse_rfc3339(s).map(|t| t.utc);
    assert_eq!(
        utc(&en),
        [at("2024-05-02T07:02:00Z"), at("2024-05-02T07:40:00Z")]
    );
    assert_eq!(en.doc.header.time_zone, "Asia/Bangkok");
    let zh = imp("# 同步中斷\n\n事件日期：2024-05-02\n\n## 時間軸\n\n\
                  - `14:02 ICT (07:02 UTC)` — 同步工作開始失敗\n\
                  - `14:40 ICT (07:40 UTC)` — 已回滾\n");
    assert_eq!(utc(&zh), utc(&en));
    assert_eq!(zh.doc.header.time_zone, "Asia/Bangkok");
}

#[test]
fn chinese_dates_with_twelve_hour_clocks_and_english_am_pm() {
    let zh = imp("# 登入失敗\n\n## 時間軸\n\n\
                  - 2024年11月4日 下午5:06 — 登入 API 開始回傳錯誤\n\
                  - 11月4日 下午11:58 — 修正上線\n\
                  - 11月5日 上午12:20 — 確認恢復\n");
    assert_eq!(
        instants(&zh),
        [
            "2024-11-04T17:06:00+00:00",
            "2024-11-04T23:58:00+00:00",
            "2024-11-05T00:20:00+00:00"
        ]
    );
    let en = imp("# Login failures\n\n## Timeline\n\n\
                  - Nov 4, 2024 5:06 PM — The login API starts returning errors\n\
                  - 11:58 PM — The fix ships\n\
                  - 12:20 AM — Recovery confirmed\n");
    assert_eq!(instants(&en), instants(&zh), "12:20 AM crosses midnight");
}

#[test]
fn a_date_given_once_in_a_parent_bullet_or_a_heading() {
    let en = imp("# docs.rs down\n\n## Timeline\n\n\
                  - 2019-10-21\n  - 01:30: builds start failing\n  - 02:06: back online\n\
                  - 2019-10-22\n  - 09:00: backlog cleared\n");
    assert_eq!(
        instants(&en),
        [
            "2019-10-21T01:30:00+00:00",
            "2019-10-21T02:06:00+00:00",
            "2019-10-22T09:00:00+00:00"
        ]
    );
    let zh = imp("# 文件站中斷\n\n## 時間軸\n\n### 2019-10-21\n\n- 01:30：建置開始失敗\n- 02:06：恢復上線\n\n\
                  ### 2019-10-22\n\n- 09:00：積壓的工作處理完畢\n");
    assert_eq!(instants(&zh), instants(&en));
}

#[test]
fn approximate_times_and_times_that_cross_midnight() {
    let en = imp(
        "# Database loss\n\nIncident date: 2017-01-31\n\n## Timeline\n\n\
                  - ~23:30 — We take the site offline\n- ~00:36 — We find the backups never ran\n",
    );
    assert_eq!(
        instants(&en),
        ["2017-01-31T23:30:00+00:00", "2017-02-01T00:36:00+00:00"]
    );
    let zh = imp("# 資料庫遺失\n\n事件日期：2017-01-31\n\n## 時間軸\n\n\
                  - 約 23:30 — 網站下線\n- 約 00:36 — 發現備份從未執行\n");
    assert_eq!(instants(&zh), instants(&en));
}

#[test]
fn bold_label_lines_with_instants_are_events() {
    let en = imp(
        "# Queue stall\n\n**Start time (detected):** 2026-07-12T20:43:00Z\n\n\
                  **End time:** 2026-07-12T21:10:00Z\n\n## Summary\n\nThe queue stalled.\n",
    );
    assert_eq!(
        instants(&en),
        ["2026-07-12T20:43:00+00:00", "2026-07-12T21:10:00+00:00"]
    );
    assert_eq!(en.doc.header.incident_date, "2026-07-12");
    let kinds: Vec<EventKind> = en.doc.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::Detected, EventKind::Resolved]);
    let zh = imp(
        "# 佇列停滯\n\n**開始時間（偵測）：** 2026-07-12T20:43:00Z\n\n\
                  **結束時間：** 2026-07-12T21:10:00Z\n\n## 摘要\n\n佇列停滯。\n",
    );
    assert_eq!(instants(&zh), instants(&en));
    let kinds: Vec<EventKind> = zh.doc.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::Detected, EventKind::Resolved]);
}

#[test]
fn status_page_updates_in_either_order() {
    let newest_first = "# Git errors\n\n**Resolved** - This incident has been resolved.\nMar 5, 2026, 16:42 UTC\n\n\
                        **Investigating** - We are investigating.\nMar 5, 2026, 15:10 UTC\n";
    let oldest_first =
        "# Git errors\n\nMar 5, 2026, 15:10 UTC\n**Investigating** - We are investigating.\n\n\
                        Mar 5, 2026, 16:42 UTC\n**Resolved** - This incident has been resolved.\n";
    for text in [newest_first, oldest_first] {
        let i = imp(text);
        let mut got = instants(&i);
        got.sort();
        assert_eq!(
            got,
            ["2026-03-05T15:10:00+00:00", "2026-03-05T16:42:00+00:00"],
            "{text}"
        );
        let resolved = i
            .doc
            .timeline
            .iter()
            .find(|e| e.event.contains("resolved"))
            .expect("the resolved update");
        assert_eq!(resolved.kind, EventKind::Resolved);
    }
    let zh = imp(
        "# Git 錯誤\n\n**已解決** - 事件已解決。\n2026年3月5日 16:42 UTC\n\n\
                  **調查中** - 我們正在調查。\n2026年3月5日 15:10 UTC\n",
    );
    let mut got = instants(&zh);
    got.sort();
    assert_eq!(
        got,
        ["2026-03-05T15:10:00+00:00", "2026-03-05T16:42:00+00:00"]
    );
}

#[test]
fn rows_with_only_a_date_keep_their_date() {
    let en = imp("# Site deletion\n\n## Timeline\n\n\
                  - 2022-04-05: The script deletes sites\n- 2022-04-18: The last site is restored\n");
    let zh = imp("# 網站誤刪\n\n## 時間軸\n\n\
                  - 2022-04-05：腳本刪除網站\n- 2022-04-18：最後一個網站恢復\n");
    for i in [en, zh] {
        assert!(i.doc.timeline.iter().all(|e| e.time.is_none()));
        assert!(i.doc.timeline[0].event.contains("2022-04-05"));
        assert!(i.doc.timeline[1].event.contains("2022-04-18"));
        assert_eq!(i.doc.header.incident_date, "2022-04-05");
    }
}

#[test]
fn the_zone_a_report_names_becomes_the_drafts_zone() {
    let en = imp("# CDN errors\n\n## Timeline\n\nAll times are PDT.\n\n\
                  - 2021-06-08 02:47 — Errors begin\n- 2021-06-08 03:27 — Fixed\n");
    assert_eq!(en.doc.header.time_zone, "America/Los_Angeles");
    assert_eq!(instants(&en)[0], "2021-06-08T02:47:00-07:00");
    let zh = imp("# CDN 錯誤\n\n## 時間軸\n\n以下皆為美西時間。\n\n\
                  - 2021-06-08 02:47 — 錯誤開始\n- 2021-06-08 03:27 — 修復\n");
    assert_eq!(zh.doc.header.time_zone, "America/Los_Angeles");
    assert_eq!(instants(&zh), instants(&en));
}

// ---------------------------------------------------------------------------------------
// Decorated table cells.

const EN_ACTIONS: &str = "# Outage\n\n## Action items\n\n\
    | ID | Action | Owner | Priority | Category |\n|---|---|---|---|---|\n\
    | **ACT-01** | Add a canary stage, see https://github.com/acme/api/issues/6374 | **@dana** | **P1** | Prevent |\n\
    | `ACT-02` | Alert on queue depth | [Bo](https://example.com/bo) | `P0` | Detect |\n";

const ZH_ACTIONS: &str = "# 事故\n\n## 行動項目\n\n\
    | 編號 | 行動 | 負責人 | 優先級 | 類別 |\n|---|---|---|---|---|\n\
    | **ACT-01** | 加入金絲雀階段，見 https://github.com/acme/api/issues/6374 | **@dana** | **P1** | 預防 |\n\
    | `ACT-02` | 監控佇列深度並告警 | [Bo](https://example.com/bo) | `P0` | 偵測 |\n";

#[test]
fn decorated_cells_are_read_by_their_content_and_id_columns_are_not_the_action() {
    for text in [EN_ACTIONS, ZH_ACTIONS] {
        let a = &imp(text).doc.action_items;
        assert_eq!(a.len(), 2, "{a:#?}");
        assert!(!a[0].action.starts_with("ACT-01") && !a[0].action.starts_with("**"));
        assert!(
            a[0].action.contains("ACT-01"),
            "the ID is kept: {}",
            a[0].action
        );
        assert_eq!(a[0].owner, "dana");
        assert_eq!(a[0].priority, Some(Priority::P1));
        assert_eq!(a[1].priority, Some(Priority::P0));
        assert_eq!(a[1].owner, "Bo");
        assert!(!a[0].action.contains("(Priority"), "{}", a[0].action);
    }
}

#[test]
fn a_category_column_gives_the_type() {
    for text in [EN_ACTIONS, ZH_ACTIONS] {
        let a = &imp(text).doc.action_items;
        assert_eq!(a[0].kind, Some(ActionType::Prevent));
        assert_eq!(a[1].kind, Some(ActionType::Detect));
    }
}

#[test]
fn a_tracker_link_in_the_text_is_the_tracking_link() {
    for text in [EN_ACTIONS, ZH_ACTIONS] {
        let a = &imp(text).doc.action_items;
        assert_eq!(
            a[0].tracking_link,
            "https://github.com/acme/api/issues/6374"
        );
        assert_eq!(a[1].tracking_link, "");
    }
}

// ---------------------------------------------------------------------------------------
// Titles and header fields.

#[test]
fn a_dated_h1_is_the_title() {
    let en = imp("# May 30th, 2019 Prow Flakiness\n\n## Summary\n\nProw was flaky.\n");
    assert_eq!(en.doc.header.title, "May 30th, 2019 Prow Flakiness");
    assert_eq!(en.doc.header.incident_date, "2019-05-30");
    assert!(en.doc.timeline.is_empty());
    let zh = imp("# 2019年5月30日 Prow 不穩定\n\n## 摘要\n\nProw 不穩定。\n");
    assert_eq!(zh.doc.header.title, "2019年5月30日 Prow 不穩定");
    assert_eq!(zh.doc.header.incident_date, "2019-05-30");
}

#[test]
fn a_section_name_as_h1_is_not_the_title() {
    let en = imp("# Executive Summary\n\nPayments failed for 40 minutes.\n\n## Root cause\n\nAn expired certificate.\n");
    assert_eq!(en.doc.header.title, "");
    assert!(en.doc.summary.contains("Payments failed"));
    let zh = imp("# 摘要\n\n付款失敗 40 分鐘。\n\n## 根本原因\n\n憑證過期。\n");
    assert_eq!(zh.doc.header.title, "");
    assert!(zh.doc.summary.contains("付款失敗"));
}

#[test]
fn a_chinese_h1_title_is_kept() {
    let zh =
        imp("# 2021 年 12 月 7 日 AWS 美東區域中斷事後檢討\n\n## 事件摘要\n\n結帳服務中斷。\n");
    assert_eq!(
        zh.doc.header.title,
        "2021 年 12 月 7 日 AWS 美東區域中斷事後檢討"
    );
}

#[test]
fn metadata_tables_and_bold_labels_fill_the_header() {
    let en = imp("# Page title\n\n| | |\n|---|---|\n| **Incident Title** | Checkout down |\n\
                  | **Incident Date** | 2021-12-07 |\n| **Severity** | SEV1 |\n| **Time zone** | PST |\n\n\
                  ## Summary\n\nCheckout was down.\n");
    let zh = imp(
        "# 頁面標題\n\n| 欄位 | 內容 |\n|---|---|\n| **事件標題** | 結帳中斷 |\n\
                  | **事件日期** | 2021-12-07 |\n| **嚴重程度** | SEV1 |\n| **時區** | PST |\n\n\
                  ## 摘要\n\n結帳中斷。\n",
    );
    for (i, title) in [(en, "Checkout down"), (zh, "結帳中斷")] {
        let h = &i.doc.header;
        assert_eq!(h.title, title);
        assert_eq!(h.incident_date, "2021-12-07");
        assert_eq!(h.severity, Some(Severity::Sev1));
        assert_eq!(h.time_zone, "America/Los_Angeles");
        assert!(!i.doc.summary.contains("**"), "{}", i.doc.summary);
    }
}

#[test]
fn the_incident_date_is_the_incidents_not_the_posts() {
    let en = imp("# The outage of July 2\n\nJul 12, 2019 · by Jo Doe\n\n\
                  ## Summary\n\nOn 2019-07-02 our WAF took the network down.\n");
    assert_eq!(en.doc.header.incident_date, "2019-07-02");
    let front = imp(
        "+++\ntitle = \"Broken downloads\"\ndate = 2023-07-21\nslug = \"downloads\"\n+++\n\n\
                     ## 摘要\n\n2023-07-20 12:17 至 12:30 UTC 下載全部失敗。\n",
    );
    assert_eq!(front.doc.header.incident_date, "2023-07-20");
}

// ---------------------------------------------------------------------------------------
// Structure.

#[test]
fn numbered_why_questions_become_five_whys() {
    let en = imp("# Outage\n\n## Five whys\n\n\
                  1. Why did the site go down? The database was full.\n\
                  2. Why was it full? Backups were kept forever.\n\
                  3. Why were they kept? No retention policy existed.\n");
    assert_eq!(en.doc.causes.five_whys.len(), 3);
    assert!(en.doc.causes.five_whys[2].contains("No retention policy"));
    let zh = imp("# 事故\n\n## 五個為什麼\n\n\
                  1. 為什麼網站中斷？資料庫滿了。\n\
                  2. 為什麼會滿？備份永久保存。\n\
                  3. 為什麼永久保存？沒有保存期限的政策。\n");
    assert_eq!(zh.doc.causes.five_whys.len(), 3);
    assert!(zh.doc.causes.five_whys[0].contains("資料庫滿了"));
}

#[test]
fn a_numbered_setext_heading_after_a_numbered_list() {
    let en = imp("# Outage\n\n1. Summary\n----------\n\nThe API failed.\n\n\
                  - step one\n- step two\n\n2. Root cause\n-------------\n\nA bad config.\n");
    assert!(en.doc.causes.root_causes.contains("A bad config"));
    let zh = imp(
        "# 事故\n\n1. 摘要\n-------\n\nAPI 失敗。\n\n1. 第一步\n2. 第二步\n\n\
                  2. 根本原因\n-----------\n\n設定錯誤。\n",
    );
    assert!(zh.doc.causes.root_causes.contains("設定錯誤"));
}

#[test]
fn toml_and_yaml_front_matter_are_read_not_pasted() {
    let toml = imp("+++\ntitle = \"Broken downloads\"\n+++\n\n## Summary\n\nDownloads failed.\n");
    let yaml = imp("---\ntitle: 下載失敗\nseverity: SEV2\n---\n\n## 摘要\n\n下載失敗。\n");
    assert_eq!(toml.doc.header.title, "Broken downloads");
    assert_eq!(yaml.doc.header.title, "下載失敗");
    assert_eq!(yaml.doc.header.severity, Some(Severity::Sev2));
    for i in [toml, yaml] {
        assert!(!i.doc.summary.contains("+++") && !i.doc.summary.contains("title"));
    }
}

#[test]
fn a_guide_or_template_is_named_and_nothing_is_invented() {
    let en = imp("# Incident management\n\nThis guide explains how to run an incident.\n\n\
                  ## Exercises\n\n1. At 10:00 a page arrives. What do you do first?\n2. Who is the incident commander?\n");
    let zh = imp("# 事故檢討範本\n\n## 摘要\n\n{Description}\n\n## 時間軸\n\n\
                  - YYYY-MM-DD hh:mm — 待補\n\n## 行動項目\n\n| 行動 | 負責人 |\n|---|---|\n| XX | @engineer-dev |\n");
    for i in [en, zh] {
        assert!(i.not_a_postmortem.is_some());
        assert!(i.doc.timeline.is_empty(), "{:#?}", i.doc.timeline);
        assert!(i.doc.action_items.is_empty());
        assert_eq!(i.doc.header.incident_id, "");
        assert_eq!(i.doc.header.severity, None);
    }
}

// ---------------------------------------------------------------------------------------
// The dialog: its counts come from where text landed.

#[test]
fn the_dialogs_counts_are_where_text_landed() {
    for text in [
        "# Outage\n\n## Summary\n\nDown.\n\n## Chat log\n\n> dana: restarting\n\n## Action items\n\n- Add a canary (owner: Dana)\n",
        "# 事故\n\n## 摘要\n\n中斷。\n\n## 聊天紀錄\n\n> dana：重新啟動\n\n## 行動項目\n\n- 加入金絲雀階段（負責人：Dana）\n",
    ] {
        let i = imp(text);
        let (sections, supporting) = i.summary();
        assert_eq!(supporting, 1, "the chat log went to Supporting information");
        // The title, the summary and the action items.
        assert_eq!(sections, 3);
        let actions = i
            .parts
            .iter()
            .position(|p| p.target == T::Section(S::ActionItems))
            .expect("the action part");
        assert_eq!(i.landed[actions][0].rows, 1, "{:?}", i.landed[actions]);
        assert_eq!(i.doc.action_items.len(), 1);
        assert!(i.doc.supporting_info.contains("dana"));
    }
}

// ---------------------------------------------------------------------------------------
// The importer never invents; the review does not blame its guesses on the author.

#[test]
fn nothing_the_file_does_not_say_is_set() {
    for text in [
        "# Outage\n\n## Action items\n\n- Add a canary\n- Alert on 5xx\n- Write the runbook\n",
        "# 事故\n\n## 行動項目\n\n- 加入金絲雀階段\n- 5xx 告警\n- 撰寫操作手冊\n",
    ] {
        let i = imp(text);
        assert!(i
            .doc
            .action_items
            .iter()
            .all(|a| a.priority.is_none() && a.kind.is_none()));
        assert_eq!(i.doc.header.severity, None);
        assert_eq!(i.doc.detection.detected_by, None);
        let findings = review(&i.doc, "2026-12-07", &[]);
        assert!(
            findings.iter().all(|f| f.check.id() != "same-priority"),
            "{findings:#?}"
        );
    }
}

#[test]
fn detected_by_read_from_the_detection_text_says_so() {
    for (text, evidence) in [
        (
            "# Outage\n\n## Detection\n\nThe monitoring service pinged Slack and the on-call phone.\n",
            "monitoring",
        ),
        ("# 事故\n\n## 偵測\n\n客戶回報無法登入後才發現。\n", "客戶回報"),
    ] {
        let i = imp(text);
        assert!(i.doc.detection.detected_by.is_some());
        let read = i
            .read_from_text
            .iter()
            .find(|r| r.field == F::DetectedBy)
            .expect("the dialog says it was read");
        assert!(read.evidence.contains(evidence), "{}", read.evidence);
        let findings = review(&i.doc, "2026-12-07", &[]);
        assert!(
            findings.iter().all(|f| f.check.id() != "detection-missing"),
            "{findings:#?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The customer version.

fn in_language(language: Language) -> Postmortem {
    Postmortem {
        language,
        ..Postmortem::default()
    }
}

fn public(doc: &Postmortem, part: PublicPart) -> String {
    customer_version(doc)
        .into_iter()
        .find(|p| p.part == part)
        .map(|p| redacted(&p.text, &p.hits, &doc.public.let_through, doc.language))
        .unwrap_or_default()
}

#[test]
fn companies_in_responders_are_not_people() {
    for (lang, summary) in [
        (
            Language::En,
            "GitHub and AWS were slow; Dana Lee paged PagerDuty.",
        ),
        (
            Language::ZhTw,
            "GitHub 與 AWS 變慢；Dana Lee 透過 PagerDuty 呼叫。",
        ),
    ] {
        let mut d = in_language(lang);
        d.summary = summary.into();
        d.response.responders = "- GitHub\n- AWS\n- Dana Lee\n- PagerDuty".into();
        let text = public(&d, PublicPart::WhatHappened);
        assert!(text.contains("GitHub") && text.contains("AWS") && text.contains("PagerDuty"));
        assert!(!text.contains("Dana Lee"), "{text}");
    }
}

#[test]
fn paths_and_issue_references_are_internal_details() {
    for (lang, summary) in [
        (
            Language::En,
            "A change to .github/workflows/deploy.yml (see #6374 and acme/api#12) broke the deploy.",
        ),
        (
            Language::ZhTw,
            "修改 .github/workflows/deploy.yml（見 #6374 與 acme/api#12）讓部署壞掉。",
        ),
    ] {
        let mut d = in_language(lang);
        d.summary = summary.into();
        let text = public(&d, PublicPart::WhatHappened);
        for internal in [".github/workflows/deploy.yml", "#6374", "acme/api#12"] {
            assert!(!text.contains(internal), "{internal} in {text}");
        }
    }
}

#[test]
fn tags_and_priorities_never_reach_a_public_action() {
    for (lang, action) in [
        (
            Language::En,
            "[PoMo] ACT-7: Add a canary stage before every deploy (Priority: P1)",
        ),
        (
            Language::ZhTw,
            "【PoMo】ACT-7：每次部署前加入金絲雀階段（優先級：P1）",
        ),
    ] {
        let mut d = in_language(lang);
        d.action_items = vec![ActionItem {
            action: action.into(),
            kind: Some(ActionType::Prevent),
            ..ActionItem::default()
        }];
        let text = public(&d, PublicPart::WhatWeAreDoing);
        assert!(!text.is_empty());
        for internal in ["PoMo", "ACT-7", "P1", "Priority", "優先級"] {
            assert!(!text.contains(internal), "{internal} in {text}");
        }
    }
}

#[test]
fn an_alert_that_did_not_fire_did_not_detect_it() {
    for (text, want) in [
        (
            "# Outage\n\n## Detection\n\nThe queue-age alert did not fire, because the events were held elsewhere. A merchant's support case at 14:31 was the first signal.\n",
            Some(DetectedBy::CustomerReport),
        ),
        (
            "# 事故\n\n## 偵測\n\n佇列告警沒有觸發。客戶回報後才發現。\n",
            Some(DetectedBy::CustomerReport),
        ),
        ("# Outage\n\n## Detection\n\nNo alert fired.\n", None),
        (
            "# Outage\n\n## Detection\n\n*Was automated monitoring the first to detect the issue?*\n",
            None,
        ),
        ("# 事故\n\n## 偵測\n\n是監控先發現的嗎？\n", None),
        ("# 事故\n\n## 偵測\n\n告警未觸發。\n", None),
    ] {
        assert_eq!(imp(text).doc.detection.detected_by, want, "{text}");
    }
}
