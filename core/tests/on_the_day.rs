//! Writing a postmortem on the day (issue 23), natively: lists typed in one field in either
//! language, the forms people write a listed name in (for the redaction and the review),
//! and the blame the review now catches, each with its traps in both languages.
#![cfg(not(target_arch = "wasm32"))]

use hindsight_core::customer::{HitKind, Scanner};
use hindsight_core::document::split_list;
use hindsight_core::example::chatgpt_2023_03_20;
use hindsight_core::fields::{doc_field, FieldId};
use hindsight_core::people::{looks_like_a_name, name_forms};
use hindsight_core::review::{review, Check, Finding};
use hindsight_core::*;

fn findings(doc: &Postmortem, id: &str) -> Vec<Finding> {
    let check = Check::from_id(id).expect("a check");
    review(doc, "2026-01-01", &[])
        .into_iter()
        .filter(|f| f.check == check)
        .collect()
}

fn with_people(names: &[&str]) -> Postmortem {
    let mut d = chatgpt_2023_03_20();
    d.response.responders = names
        .iter()
        .map(|n| format!("- {n} — responder"))
        .collect::<Vec<_>>()
        .join("\n");
    d
}

// ---------------------------------------------------------------------------------------
// Lists typed in one field.

#[test]
fn a_list_field_splits_on_commas_enumeration_commas_and_semicolons_in_both_languages() {
    assert_eq!(split_list("陳美玲、林志豪"), ["陳美玲", "林志豪"]);
    assert_eq!(
        split_list("資料庫，postgres、切換"),
        ["資料庫", "postgres", "切換"]
    );
    assert_eq!(
        split_list("Ana, Bo; Cy；Dee\nEd"),
        ["Ana", "Bo", "Cy", "Dee", "Ed"]
    );
    assert_eq!(split_list(" , ,"), Vec::<String>::new());
    // As the form sets it.
    let mut d = Postmortem::default();
    doc_field(FieldId::Authors)
        .expect("a field")
        .set_input(&mut d, "陳美玲、林志豪");
    doc_field(FieldId::Tags)
        .expect("a field")
        .set_input(&mut d, "資料庫，postgres、切換");
    assert_eq!(d.header.authors, ["陳美玲", "林志豪"]);
    assert_eq!(d.header.tags, ["資料庫", "postgres", "切換"]);
}

// ---------------------------------------------------------------------------------------
// The forms of a name.

#[test]
fn the_forms_of_a_name_people_write() {
    let f = name_forms("林志豪");
    assert_eq!(f.given.as_deref(), Some("志豪"));
    for t in ["林先生", "林經理", "林小姐", "林工程師", "林主管"] {
        assert!(f.titled.contains(&t.to_owned()), "{t}");
    }
    assert_eq!(name_forms("歐陽娜娜").given.as_deref(), Some("娜娜"));
    assert!(name_forms("歐陽娜娜")
        .titled
        .contains(&"歐陽小姐".to_owned()));
    // A one-character given name is too common a word.
    assert_eq!(name_forms("王明").given, None);
    assert!(name_forms("王明").titled.contains(&"王經理".to_owned()));
    assert_eq!(name_forms("Dana Lee").given.as_deref(), Some("Dana"));
    assert_eq!(name_forms("Dana").given, None);
}

fn redacted_people(doc: &Postmortem, text: &str) -> Vec<String> {
    Scanner::for_doc(doc)
        .scan(text)
        .into_iter()
        .filter(|h| h.kind == HitKind::PersonName)
        .map(|h| h.text)
        .collect()
}

#[test]
fn the_redaction_knows_a_person_by_each_form() {
    let d = with_people(&["林志豪", "王大明", "Dana Lee"]);
    assert_eq!(redacted_people(&d, "由林志豪處理"), ["林志豪"]);
    assert_eq!(redacted_people(&d, "志豪在 02:20 重啟了資料庫"), ["志豪"]);
    assert_eq!(redacted_people(&d, "王經理說先切換"), ["王經理"]);
    assert_eq!(redacted_people(&d, "林先生與陳小姐"), ["林先生"]);
    assert_eq!(redacted_people(&d, "Dana restarted the primary"), ["Dana"]);
    assert_eq!(redacted_people(&d, "Dana Lee restarted it"), ["Dana Lee"]);
    // Traps: other people's titles, words that only contain a surname.
    assert!(redacted_people(&d, "陳經理與林口機房").is_empty());
}

#[test]
fn the_review_takes_a_given_name_alone_only_next_to_blame() {
    let mut d = with_people(&["林志豪", "Dana Lee"]);
    d.summary = "志豪忘了檢查複寫延遲。".into();
    assert_eq!(findings(&d, "blame-language").len(), 1);
    d.summary = "Dana forgot to check replication lag.".into();
    assert_eq!(findings(&d, "blame-language").len(), 1);
    d.summary = "王經理忘了檢查".into();
    d.response.responders = "- 王大明 — DBA".into();
    assert_eq!(
        findings(&d, "blame-language").len(),
        1,
        "a surname with a title"
    );
    // Traps: the given name as an ordinary word far from the phrase, a system.
    let mut d = with_people(&["林志豪", "Dana Lee"]);
    d.summary = "志豪在凌晨收到告警，複寫程式忘了重試。".into();
    assert!(findings(&d, "blame-language").is_empty());
    d.summary = "Dana restarted the primary; the replica failed to start.".into();
    assert!(findings(&d, "blame-language").is_empty());
    // In Root causes, a given name right before a blame phrase names the person.
    let mut d = with_people(&["林志豪"]);
    d.causes.root_causes = "志豪忘了把複寫延遲納入切換條件。".into();
    assert_eq!(findings(&d, "root-cause-person").len(), 1);
    d.causes.root_causes = "切換條件沒有考慮複寫延遲，志豪在事後補上了檢查。".into();
    assert!(findings(&d, "root-cause-person").is_empty());
}

// ---------------------------------------------------------------------------------------
// Blame the review catches.

#[test]
fn plain_blame_is_caught_in_both_languages() {
    let mut d = with_people(&["Tom"]);
    for text in [
        "Tom forgot to check replication lag.",
        "The DBA screwed up the config migration, which was frankly embarrassing.",
        "Someone messed up the failover script.",
        "The on-call engineer dropped the ball.",
        "這次值班同仁搞砸了設定。",
        "上線流程又出包了。",
    ] {
        d.summary = text.into();
        assert_eq!(findings(&d, "blame-language").len(), 1, "{text}");
    }
    // Traps: negated, about a system, quoted evidence.
    for text in [
        "Nobody screwed up here: the tool allowed it.",
        "The replica dropped the connection.",
        "> ops: I messed up the config, rolling back\n",
        "這次並非同仁搞砸，而是工具允許了這個變更。",
    ] {
        d.summary = text.into();
        assert!(findings(&d, "blame-language").is_empty(), "{text}");
    }
}

#[test]
fn human_error_in_contributing_factors_and_a_cause_that_is_only_a_name() {
    let mut d = chatgpt_2023_03_20();
    d.causes.contributing_factors = "人為疏失：切換前沒有確認複寫延遲。".into();
    assert_eq!(findings(&d, "root-cause-person").len(), 1);
    let mut d = with_people(&["Tom"]);
    d.causes.root_causes = "Tom".into();
    assert_eq!(findings(&d, "root-cause-person").len(), 1);
    // A listed person's given name alone, the whole field: Tom for Tom Baker, 志豪 for 林志豪.
    for (listed, cause) in [("Tom Baker", "Tom"), ("林志豪", "志豪。")] {
        let mut d = with_people(&[listed]);
        d.causes.root_causes = cause.into();
        assert_eq!(findings(&d, "root-cause-person").len(), 1, "{cause}");
        // Not when it is only a word of a longer cause.
        d.causes.root_causes = format!("The {cause} service ran out of memory.");
        assert!(
            findings(&d, "root-cause-person").is_empty(),
            "{cause} in a sentence"
        );
    }
    for name in ["林志豪", "John Smith"] {
        let mut d = chatgpt_2023_03_20();
        d.causes.root_causes = name.into();
        let f = findings(&d, "root-cause-person");
        assert_eq!(f.len(), 1, "{name}");
        assert!(f[0].message.en.contains(name));
    }
    // Traps: a one-word thing, an acronym, a company, a team.
    for cause in ["Timeout", "DNS", "GitHub", "資料庫組", "The cache"] {
        assert!(!looks_like_a_name(cause), "{cause}");
        let mut d = chatgpt_2023_03_20();
        d.causes.root_causes = cause.into();
        assert!(findings(&d, "root-cause-person").is_empty(), "{cause}");
    }
}
