//! The cross-incident overview: the index of drafts kept in storage (built, reused without
//! parsing, rebuilt when a draft changes in another tab), open action items grouped with the
//! overdue first, the related-incidents rule, trends, exports, a team's folder, and timings
//! printed for 200 drafts.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Instant;

use hindsight_core::incidents::{self, words as iw, *};
use hindsight_core::*;
use hindsight_core::{
    example::chatgpt_2023_03_20, export::export_markdown, import::import_markdown,
    metrics::TimelineMetrics, render::render_html, storage::draft_key, storage::DraftStore,
    storage::KeyValue, storage::MemoryKv, words::audit,
};

// ---------------------------------------------------------------------------------------
// Builders

fn item(action: &str, owner: &str, due: &str, priority: Priority, done: bool) -> ActionItem {
    ActionItem {
        action: action.into(),
        owner: owner.into(),
        due_date: due.into(),
        priority: Some(priority),
        done,
        ..ActionItem::default()
    }
}

fn doc(title: &str, incident_id: &str, date: &str, tags: &[&str]) -> Postmortem {
    let mut doc = Postmortem::default();
    doc.header.title = title.into();
    doc.header.incident_id = incident_id.into();
    doc.header.incident_date = date.into();
    doc.header.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    doc
}

fn draft(id: &str, doc: Postmortem, updated_at: i64) -> Draft {
    let mut d = Draft::new(id.into(), doc, updated_at);
    d.rev = 1;
    d
}

fn summary(id: &str, doc: &Postmortem) -> Summary {
    summarize_doc(id, doc)
}

fn ids<'a>(list: impl IntoIterator<Item = &'a Summary>) -> Vec<&'a str> {
    list.into_iter().map(|s| s.id.as_str()).collect()
}

/// Three drafts stored in a fresh memory store.
fn three_drafts() -> (MemoryKv, DraftStore<MemoryKv>) {
    let kv = MemoryKv::default();
    let store = DraftStore::new(kv.clone());
    for (id, title) in [
        ("a", "Alpha outage"),
        ("b", "Bravo leak"),
        ("c", "Charlie slow"),
    ] {
        let mut d = doc(title, &format!("INC-{id}"), "2024-03-01", &["db"]);
        d.action_items = vec![
            item("Add a check", "Ann", "2024-04-01", Priority::P1, false),
            item("Done already", "Ann", "2024-03-05", Priority::P1, true),
        ];
        store.save(&draft(id, d, 10)).expect("saves");
    }
    (kv, store)
}

// ---------------------------------------------------------------------------------------
// The index

#[test]
fn the_index_is_built_when_missing_and_then_reused_without_parsing() {
    let (kv, _) = three_drafts();
    kv.set("hindsight:meta:last-backup", "5").expect("sets");
    kv.set("other-app", "{}").expect("sets");
    let (mut index, health) = Index::load(&kv);
    assert_eq!(health.state, IndexState::Missing);
    assert_eq!((health.reused, health.rebuilt, health.removed), (0, 3, 0));
    assert!(health.needs_save() && index.is_changed());
    assert_eq!(ids(index.summaries()), ["a", "b", "c"]);
    index.save(&kv).expect("saves");
    assert!(!index.is_changed());
    assert!(kv
        .get(INDEX_KEY)
        .is_some_and(|v| v.starts_with("{\"v\":1,")));

    let (again, health) = Index::load(&kv);
    assert_eq!(health.state, IndexState::Found);
    assert_eq!((health.reused, health.rebuilt, health.removed), (3, 0, 0));
    assert!(!health.needs_save() && !again.is_changed());
    assert_eq!(again.summaries(), index.summaries());
    let (summaries, _) = load_index(&kv);
    assert_eq!(summaries, index.summaries());
}

#[test]
fn an_entry_whose_draft_is_unchanged_is_trusted_without_parsing_it() {
    // If load parsed this value, it would find it unreadable; an entry whose stamp matches
    // proves the value is the one summarised, so it is not parsed at all.
    let kv = MemoryKv::default();
    let value = "not json, but stamped";
    kv.set("hindsight:draft:z", value).expect("sets");
    let trusted = Summary {
        id: "z".into(),
        title: "Trusted".into(),
        stamp: Stamp::of(value),
        ..Summary::default()
    };
    save_index(&kv, std::slice::from_ref(&trusted)).expect("saves");
    let (index, health) = Index::load(&kv);
    assert_eq!((health.reused, health.rebuilt), (1, 0));
    assert!(health.unreadable.is_empty());
    assert_eq!(index.get("z"), Some(&trusted));

    // Without a matching entry the value is parsed, found unreadable and reported.
    let (index, health) = Index::load(&{
        let other = MemoryKv::default();
        other.set("hindsight:draft:z", value).expect("sets");
        other
    });
    assert!(index.get("z").is_none());
    assert_eq!(health.unreadable.len(), 1);
    assert_eq!(health.unreadable[0].key, "hindsight:draft:z");
}

#[test]
fn a_draft_changed_in_another_tab_rebuilds_only_its_entry() {
    let (kv, _) = three_drafts();
    let (mut index, _) = Index::load(&kv);
    index.save(&kv).expect("saves");

    // The other tab: its own store over the same storage, writing "b" with a new revision.
    let other_tab = DraftStore::new(kv.clone());
    let mut b = other_tab.load("b").expect("stored").expect("readable");
    b.doc.header.title = "Bravo leak, renamed".into();
    b.doc.action_items[0].done = true;
    b.rev += 1;
    other_tab.save(&b).expect("saves");

    // Next start-up in this tab: one entry is stale, the others are reused.
    let (fresh, health) = Index::load(&kv);
    assert_eq!(health.state, IndexState::Found);
    assert_eq!((health.reused, health.rebuilt, health.removed), (2, 1, 0));
    let entry = fresh.get("b").expect("indexed");
    assert_eq!(entry.title, "Bravo leak, renamed");
    assert_eq!(entry.rev, 2);
    assert!(entry.open_actions.is_empty());
    assert_eq!(entry.actions_total, 2);

    // While running: the storage event of that write updates the entry at once.
    let value = kv.get(&draft_key("b"));
    index.record_value("b", value.as_deref()).expect("readable");
    assert_eq!(index.get("b"), fresh.get("b"));
    assert!(index.is_changed());
    // The other tab deletes "c": the entry goes, now and on the next load.
    other_tab.remove("c").expect("removes");
    index.record_value("c", None).expect("removal");
    assert_eq!(ids(index.summaries()), ["a", "b"]);
    let (_, health) = Index::load(&kv);
    assert_eq!(health.removed, 1);
}

#[test]
fn a_change_that_keeps_the_length_is_still_seen() {
    let (kv, store) = three_drafts();
    let (mut index, _) = Index::load(&kv);
    index.save(&kv).expect("saves");
    let mut a = store.load("a").expect("stored").expect("readable");
    a.doc.header.title = "Alpha OUTAGE".into(); // same length as "Alpha outage"
    let before = kv.get(&draft_key("a")).expect("stored");
    store.save(&a).expect("saves");
    let after = kv.get(&draft_key("a")).expect("stored");
    assert_eq!(before.len(), after.len());
    assert_ne!(Stamp::of(&before), Stamp::of(&after));
    let (fresh, health) = Index::load(&kv);
    assert_eq!(health.rebuilt, 1);
    assert_eq!(
        fresh.get("a").map(|s| s.title.as_str()),
        Some("Alpha OUTAGE")
    );
}

#[test]
fn new_and_deleted_drafts_are_picked_up_and_the_writer_records_its_own_writes() {
    let (kv, store) = three_drafts();
    let (mut index, _) = Index::load(&kv);
    index.save(&kv).expect("saves");
    store.remove("a").expect("removes");
    let d = draft("d", doc("Delta", "INC-d", "2024-05-01", &[]), 20);
    store.save(&d).expect("saves");
    let (fresh, health) = Index::load(&kv);
    assert_eq!((health.reused, health.rebuilt, health.removed), (2, 1, 1));
    assert_eq!(ids(fresh.summaries()), ["b", "c", "d"]);

    // This tab's own write: the session records the value it wrote, so nothing is stale.
    index.forget("a");
    let raw = kv.get(&draft_key("d")).expect("stored");
    index.record(&d, &raw);
    index.save(&kv).expect("saves");
    let (_, health) = Index::load(&kv);
    assert_eq!((health.reused, health.rebuilt, health.removed), (3, 0, 0));
}

#[test]
fn a_damaged_or_older_index_is_rebuilt_and_a_newer_one_is_left_alone() {
    for (stored, state) in [
        ("[1,2]", IndexState::Damaged),
        ("{not json", IndexState::Damaged),
        ("{\"v\":1,\"entries\":[{\"id\":5}]}", IndexState::Damaged),
        ("{\"v\":0,\"entries\":[]}", IndexState::Older),
        (
            "{\"v\":99,\"entries\":[{\"id\":5,\"shape\":\"new\"}]}",
            IndexState::Newer,
        ),
    ] {
        let (kv, _) = three_drafts();
        kv.set(INDEX_KEY, stored).expect("sets");
        let (mut index, health) = Index::load(&kv);
        assert_eq!(health.state, state, "{stored}");
        assert_eq!(health.rebuilt, 3, "{stored}");
        assert_eq!(index.summaries().len(), 3);
        index.save(&kv).expect("saves");
        let kept = kv.get(INDEX_KEY).expect("there");
        if state == IndexState::Newer {
            assert!(!health.needs_save());
            assert_eq!(kept, stored, "a newer Hindsight's index is not overwritten");
        } else {
            assert!(health.needs_save());
            assert!(kept.starts_with("{\"v\":1,"));
        }
    }
    let (kv, _) = three_drafts();
    kv.set(INDEX_KEY, "{}").expect("sets");
    remove_index(&kv).expect("removes");
    assert_eq!(Index::load(&kv).1.state, IndexState::Missing);
}

#[test]
fn a_summary_holds_what_the_list_and_the_overview_need() {
    let mut example = chatgpt_2023_03_20();
    // The example's items are all done; reopen three, the second stays done.
    for i in [0, 2, 3] {
        example.action_items[i].done = false;
    }
    let mut d = draft("x", example, 1_000);
    d.last_exported_at = Some(2_000);
    let raw = serde_json::to_string(&d).expect("serialises");
    let s = summarize(&d, &raw);
    assert_eq!(s.id, "x");
    assert_eq!(s.incident_id, "INC-2023-0320");
    assert_eq!(s.severity, Some(Severity::Sev1));
    assert_eq!(s.status, Status::Final);
    assert_eq!(s.updated_at, 1_000);
    assert_eq!(s.last_exported_at, Some(2_000));
    assert_eq!(s.actions_total, 4);
    let open: Vec<usize> = s.open_actions.iter().map(|a| a.index).collect();
    assert_eq!(
        open,
        [0, 2, 3],
        "done items are left out, rows keep their numbers"
    );
    assert_eq!(s.open_actions[1].owner, "Observability");
    let metrics = TimelineMetrics::of(&d.doc.timeline);
    assert_eq!(s.time_to_detect, metrics.time_to_detect);
    assert_eq!(s.time_to_resolve, metrics.time_to_resolve);
    assert!(s.cause_words.contains(&"redis".to_owned()));
    assert!(
        s.cause_words.windows(2).all(|w| w[0] < w[1]),
        "a sorted set"
    );
    assert_eq!(s.stamp, Stamp::of(&raw));
    assert!(s.matches("chatgpt PRIVACY"));
    assert!(!s.matches("dns"));
    assert_eq!(s.overdue_count("2023-04-08"), 2);
    assert_eq!(s.display_title(Language::En), d.doc.header.title);
    assert_eq!(
        summary("e", &Postmortem::default()).display_title(Language::ZhTw),
        "未命名的事後檢討"
    );
}

// ---------------------------------------------------------------------------------------
// Open action items

fn overview_fixture() -> Vec<Summary> {
    let mut one = doc("Cache leak", "INC-1", "2024-01-10", &["cache", "privacy"]);
    one.header.severity = Some(Severity::Sev1);
    one.header.status = Status::Final;
    one.action_items = vec![
        item(
            "Check cache owner",
            "Alice",
            "2024-02-01",
            Priority::P1,
            false,
        ),
        item("Already done", "Alice", "2024-01-01", Priority::P0, true),
        item(
            "Page on cache errors",
            " alice ",
            "2024-03-20",
            Priority::P0,
            false,
        ),
        item("Write the runbook", "", "", Priority::P2, false),
    ];
    let mut two = doc("DNS outage", "INC-2", "2024-02-02", &["Network"]);
    two.header.severity = Some(Severity::Sev2);
    two.action_items = vec![
        item("Lower the TTL", "Bob", "2024-03-01", Priority::P2, false),
        item("Add a resolver", "Bob", "2024-03-18", Priority::P1, false),
        item(
            "Alert on NXDOMAIN",
            "ALICE",
            "not a date",
            Priority::P1,
            false,
        ),
        item("Second resolver", "", "2024-02-28", Priority::P3, false),
    ];
    vec![summary("d1", &one), summary("d2", &two)]
}

fn actions(group: &Group) -> Vec<&str> {
    group.items.iter().map(|i| i.action.as_str()).collect()
}

#[test]
fn items_group_by_owner_with_overdue_first_within_and_across_groups() {
    let today = "2024-03-02";
    let open = open_items(
        &overview_fixture(),
        &Filters::default(),
        Grouping::Owner,
        today,
    );
    assert_eq!((open.total, open.overdue), (7, 3));
    assert_eq!(open.counts_text(Language::En), "7 open, 3 overdue");
    assert_eq!(open.counts_text(Language::ZhTw), "7 項未完成，3 項已逾期");
    let labels: Vec<String> = open
        .groups
        .iter()
        .map(|g| g.key.label(Language::En))
        .collect();
    // Alice's most overdue item (2024-02-01) is older than the unassigned one (2024-02-28)
    // and Bob's (2024-03-01); each group puts its overdue items first, by due date.
    assert_eq!(labels, ["Alice", "Unassigned", "Bob"]);
    assert_eq!(
        actions(&open.groups[0]),
        [
            "Check cache owner",
            "Page on cache errors",
            "Alert on NXDOMAIN"
        ],
        "Alice, alice and ALICE are one owner; undated items come last"
    );
    assert_eq!(open.groups[0].overdue, 1);
    assert_eq!(
        actions(&open.groups[1]),
        ["Second resolver", "Write the runbook"]
    );
    assert_eq!(
        actions(&open.groups[2]),
        ["Lower the TTL", "Add a resolver"]
    );
    assert!(open.groups[2].items[0].overdue && !open.groups[2].items[1].overdue);
    assert_eq!(open.groups[1].key, GroupKey::Unassigned);
    assert_eq!(open.groups[1].key.label(Language::ZhTw), "未指派");

    // Every item links to its draft and row.
    let first = &open.groups[0].items[0];
    assert_eq!((first.draft_id.as_str(), first.index), ("d1", 0));
    assert_eq!(first.draft_title, "Cache leak");
    let alert = &open.groups[0].items[2];
    assert_eq!((alert.draft_id.as_str(), alert.index), ("d2", 2));

    // Due today is not overdue yet; the order does not depend on the summaries' order.
    let on_due_day = open_items(
        &overview_fixture(),
        &Filters::default(),
        Grouping::Owner,
        "2024-03-01",
    );
    assert!(!on_due_day
        .groups
        .iter()
        .flat_map(|g| &g.items)
        .any(|i| i.action == "Lower the TTL" && i.overdue));
    let mut reversed = overview_fixture();
    reversed.reverse();
    assert_eq!(
        open_items(&reversed, &Filters::default(), Grouping::Owner, today),
        open
    );
}

#[test]
fn items_group_by_due_week_from_monday_with_undated_last() {
    let mut d = doc("Weeks", "", "2024-12-01", &[]);
    d.action_items = vec![
        item("New year", "A", "2025-01-01", Priority::P2, false), // a Wednesday
        item("Monday before", "A", "2024-12-30", Priority::P2, false), // a Monday
        item("Sunday before", "A", "2024-12-29", Priority::P2, false), // a Sunday
        item("Leap day", "A", "2024-02-29", Priority::P2, false), // a Thursday
        item("No date", "A", "", Priority::P2, false),
    ];
    let open = open_items(
        &[summary("w", &d)],
        &Filters::default(),
        Grouping::DueWeek,
        "2024-12-30",
    );
    let keys: Vec<&GroupKey> = open.groups.iter().map(|g| &g.key).collect();
    assert_eq!(
        keys,
        [
            &GroupKey::Week("2024-02-26".into()),
            &GroupKey::Week("2024-12-23".into()),
            &GroupKey::Week("2024-12-30".into()),
            &GroupKey::NoDueDate,
        ]
    );
    assert_eq!(actions(&open.groups[2]), ["Monday before", "New year"]);
    assert_eq!(open.groups[0].key.label(Language::En), "Week of 2024-02-26");
    assert_eq!(
        open.groups[0].key.label(Language::ZhTw),
        "2024-02-26 起的一週"
    );
    assert_eq!(open.groups[3].key.label(Language::ZhTw), "未訂期限");
}

#[test]
fn filters_narrow_by_tag_severity_status_and_owner() {
    let all = overview_fixture();
    let count = |f: Filters| open_items(&all, &f, Grouping::Owner, "2024-03-02").total;
    let tag = |t: &str| Filters {
        tag: Some(t.into()),
        ..Filters::default()
    };
    assert_eq!(count(tag("CACHE")), 3);
    assert_eq!(count(tag("network")), 4);
    assert_eq!(count(tag("none")), 0);
    assert_eq!(
        count(Filters {
            severity: Some(Severity::Sev2),
            ..Filters::default()
        }),
        4
    );
    assert_eq!(
        count(Filters {
            status: Some(Status::Final),
            ..Filters::default()
        }),
        3
    );
    assert_eq!(
        count(Filters {
            owner: Some("Alice".into()),
            ..Filters::default()
        }),
        3
    );
    assert_eq!(
        count(Filters {
            owner: Some("".into()),
            ..Filters::default()
        }),
        2
    );
    assert_eq!(
        count(Filters {
            owner: Some("bob".into()),
            severity: Some(Severity::Sev2),
            ..Filters::default()
        }),
        2
    );
}

#[test]
fn marking_done_finds_the_listed_row_even_after_rows_moved() {
    let mut d = doc("Rows", "", "", &[]);
    d.action_items = vec![
        item("A", "", "", Priority::P1, false),
        item("B", "", "", Priority::P1, false),
        item("C", "", "", Priority::P1, false),
    ];
    assert_eq!(mark_done(&mut d, 1, "B"), Ok(Marked::Done(1)));
    assert!(d.action_items[1].done);
    assert_eq!(mark_done(&mut d, 1, "B"), Ok(Marked::AlreadyDone(1)));
    // Another tab moved "C" to the top: the listed row 2 now holds "B"; "C" is found.
    d.action_items.swap(0, 2);
    assert_eq!(mark_done(&mut d, 2, "C"), Ok(Marked::Done(0)));
    // Removed, or ambiguous: nothing changes and the reason is given in both languages.
    let before = d.clone();
    let err = mark_done(&mut d, 0, "Z").expect_err("gone");
    assert!(err.en.contains("no longer") && err.zh.contains("找不到"));
    d.action_items.push(item("A", "", "", Priority::P1, false));
    assert!(
        mark_done(&mut d, 1, "A").is_err(),
        "two undone A rows and row 1 is not one"
    );
    assert_eq!(d.action_items[..3], before.action_items[..]);
}

// ---------------------------------------------------------------------------------------
// Related incidents

fn with_cause(
    id: &str,
    title: &str,
    incident_id: &str,
    tags: &[&str],
    cause: &str,
    recurrence: &str,
) -> Summary {
    let mut d = doc(title, incident_id, "2024-01-01", tags);
    d.causes.root_causes = cause.into();
    d.causes.recurrence = recurrence.into();
    summary(id, &d)
}

#[test]
fn similarity_is_jaccard_of_at_least_three_tenths_without_stop_words() {
    let words = |t: &str| cause_words(t);
    // 3 shared of 10 distinct: exactly 0.3 counts.
    let a = words("alpha bravo charlie delta echo foxtrot");
    let b = words("alpha bravo charlie golf hotel india juliet");
    assert_eq!(similarity(&a, &b), Some(30));
    // 2 shared of 7: 0.2857 does not.
    let a = words("alpha bravo delta echo foxtrot");
    let b = words("alpha bravo golf hotel");
    assert_eq!(similarity(&a, &b), None);
    // Stop words, case and plurals do not make a difference.
    let a = words("The cache was caused by THE stale connections");
    let b = words("cache; stale connection");
    assert_eq!(a, ["cache", "connection", "stale"]);
    assert_eq!(similarity(&a, &b), Some(100));
    assert_eq!(similarity(&[], &b), None);
    assert_eq!(similarity(&[], &[]), None);
}

#[test]
fn chinese_is_cut_into_bigrams_at_function_words_and_mixed_text_gives_both() {
    fn sorted(mut v: Vec<&'static str>) -> Vec<&'static str> {
        v.sort_unstable();
        v
    }
    assert_eq!(cause_words("快取的設定"), sorted(vec!["快取", "設定"]));
    assert_eq!(
        cause_words("因為 ＤＮＳ 設定錯誤導致服務中斷"),
        sorted(vec!["dns", "設定", "定錯", "錯誤", "服務", "務中", "中斷"])
    );
    assert_eq!(
        cause_words("redis-py 的 asyncio 連線在取消時回傳錯的快取"),
        sorted(vec![
            "redis", "py", "asyncio", "連線", "取消", "消時", "時回", "回傳", "傳錯", "快取"
        ])
    );
    // A Chinese report and an English one share the words they share.
    let zh = cause_words("Redis 連線池耗盡");
    let mixed = cause_words("redis 連線池設定太小");
    assert_eq!(
        similarity(&zh, &mixed),
        Some(33),
        "redis, 連線, 線池: 3 of 9"
    );
}

#[test]
fn a_recurrence_names_an_incident_by_id_or_title_as_whole_words() {
    assert!(names_incident(
        "Same cause as INC-12 in March.",
        "INC-12",
        ""
    ));
    assert!(names_incident("same cause as inc-12", "INC-12", ""));
    assert!(!names_incident("See INC-123.", "INC-12", ""));
    assert!(!names_incident("See XINC-12.", "INC-12", ""));
    assert!(names_incident(
        "Like “Checkout errors after\n config push” last year",
        "",
        "Checkout errors after config push"
    ));
    assert!(
        !names_incident("The DNS again", "", "DNS"),
        "too short a title"
    );
    assert!(names_incident(
        "與上次資料庫連線耗盡的事件相同",
        "",
        "資料庫連線耗盡"
    ));
    assert!(!names_incident("", "INC-1", "Some title"));
    assert!(!names_incident("Nothing like it", "", ""));
}

#[test]
fn related_incidents_give_their_reasons_strongest_first_without_self() {
    let this = with_cause(
        "me",
        "Cache served wrong users",
        "INC-9",
        &["cache", "Privacy"],
        "The redis client returned cached replies to the wrong users after cancellation",
        "Same as INC-1 (Cache leak in March).",
    );
    let others = vec![
        this.clone(),
        with_cause("tag", "Login slow", "INC-5", &["privacy"], "Slow disks", ""),
        with_cause(
            "named",
            "Cache leak in March",
            "INC-1",
            &[],
            "Config drift",
            "",
        ),
        with_cause(
            "similar",
            "Stale replies",
            "INC-3",
            &["cache"],
            "Redis client returned stale replies to wrong tenants",
            "",
        ),
        with_cause(
            "names-me",
            "Later repeat",
            "INC-10",
            &[],
            "Unrelated words here",
            "Again INC-9.",
        ),
        with_cause(
            "none",
            "Unrelated",
            "INC-7",
            &["network"],
            "Fibre cut by a digger",
            "",
        ),
        with_cause("same-id", "A copy", "INC-9", &[], "", "Same as INC-9"),
    ];
    let related = related(&this, &others);
    let order: Vec<&str> = related.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(order, ["named", "names-me", "similar", "tag"]);
    assert_eq!(related[0].reasons, [Reason::NamedInRecurrence]);
    assert_eq!(related[1].reasons, [Reason::NamesThis]);
    assert_eq!(
        related[2].reasons,
        [Reason::SimilarCause(50), Reason::SharedTag("cache".into())]
    );
    assert_eq!(related[3].reasons, [Reason::SharedTag("Privacy".into())]);
    assert_eq!(
        related[2].reasons[0].text(Language::En),
        "Similar root causes (50% of the words in common)"
    );
    assert_eq!(
        related[2].reasons[0].text(Language::ZhTw),
        "根本原因相似（50% 的詞相同）"
    );
    assert_eq!(
        related[3].reasons[0].text(Language::ZhTw),
        "共同標籤：Privacy"
    );
    assert_eq!(
        related[0].reasons[0].text(Language::ZhTw),
        "列在本報告的「過往類似事件」中"
    );

    // The overview computes every list at once, with the same answers.
    let all = related_all(&others, usize::MAX);
    for (s, list) in others.iter().zip(&all) {
        let alone = incidents::related(s, &others);
        assert_eq!(list, &alone, "{}", s.id);
    }
    // With a limit, each list is the strongest part of the whole one.
    let top = related_all(&others, 2);
    assert_eq!(top[0], related[..2]);
    assert!(top
        .iter()
        .zip(&all)
        .all(|(t, a)| t[..] == a[..a.len().min(2)]));
}

// ---------------------------------------------------------------------------------------
// Trends

fn dated(
    id: &str,
    date: &str,
    severity: Option<Severity>,
    ttd: Option<i64>,
    ttr: Option<i64>,
) -> Summary {
    Summary {
        id: id.into(),
        title: format!("Incident {id}"),
        incident_date: date.into(),
        severity,
        time_to_detect: ttd,
        time_to_resolve: ttr,
        ..Summary::default()
    }
}

#[test]
fn incidents_per_month_fill_the_gaps_and_count_the_undated() {
    let data = incidents_per_month(&[
        dated("1", "2024-01-05", Some(Severity::Sev1), None, None),
        dated("2", "2024-01-20", None, None, None),
        dated("3", "2024-03-01", Some(Severity::Sev2), None, None),
        dated("4", "", Some(Severity::Sev2), None, None),
        dated("5", "2024-13-01", Some(Severity::Sev2), None, None),
    ]);
    let months: Vec<(&str, usize)> = data
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.total()))
        .collect();
    assert_eq!(months, [("2024-01", 2), ("2024-02", 0), ("2024-03", 1)]);
    assert_eq!(data.months[0].by_severity, [1, 0, 0, 0, 0]);
    assert_eq!(data.months[0].no_severity, 1);
    assert_eq!(data.undated, 2);

    let table = per_month_table(&data, Language::ZhTw);
    assert_eq!(table.caption, "每月事件數（依嚴重程度）");
    assert_eq!(
        table.headers,
        [
            "月份",
            "SEV1 危急",
            "SEV2 重大",
            "SEV3 輕微",
            "SEV4 低",
            "SEV5 外觀",
            "未設定嚴重程度",
            "合計"
        ]
    );
    assert_eq!(
        table.rows[2],
        ["2024-03", "0", "1", "0", "0", "0", "0", "1"]
    );
    assert_eq!(
        table.note.as_deref(),
        Some("有 2 件事件沒有事件日期，未列入統計。")
    );

    // A mistyped year does not draw a thousand empty months.
    let far = incidents_per_month(&[
        dated("1", "1024-01-05", None, None, None),
        dated("2", "2024-01-05", None, None, None),
    ]);
    assert_eq!(far.months.len(), 2);
    // Nor one old incident a hundred slivers: past three years, only months with incidents.
    let old = incidents_per_month(&[
        dated("1", "2015-10-05", None, None, None),
        dated("2", "2024-01-05", None, None, None),
        dated("3", "2024-03-05", None, None, None),
    ]);
    let months: Vec<&str> = old.months.iter().map(|m| m.month.as_str()).collect();
    assert_eq!(months, ["2015-10", "2024-01", "2024-03"]);
    let within = incidents_per_month(&[
        dated("1", "2022-01-05", None, None, None),
        dated("2", "2024-12-05", None, None, None),
    ]);
    assert_eq!(within.months.len(), 36);
    // Its axis names at most seven months, so the labels never overlap.
    let bars = per_month_svg(&within, Language::En);
    let labels = bars.matches("\"middle\" fill=\"currentColor\">20").count();
    assert!((5..=7).contains(&labels), "{labels} labels: {bars}");
}

#[test]
fn durations_over_time_are_sorted_by_date_and_leave_out_the_impossible() {
    let points = durations_over_time(&[
        dated("late", "2024-05-01", None, Some(600), Some(7200)),
        dated("early", "2024-01-01", None, None, Some(3600)),
        dated("negative", "2024-02-01", None, Some(-60), None),
        dated("nothing", "2024-03-01", None, None, None),
        dated("undated", "", None, Some(60), Some(60)),
    ]);
    let order: Vec<&str> = points.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(order, ["early", "late"]);
    let table = durations_table(&points, Language::En);
    assert_eq!(
        table.headers,
        [
            "Incident date",
            "Incident",
            "Time to detect",
            "Time to resolve"
        ]
    );
    assert_eq!(table.rows[0], ["2024-01-01", "Incident early", "—", "1 h"]);
    assert_eq!(
        table.rows[1],
        ["2024-05-01", "Incident late", "10 min", "2 h"]
    );
    let zh = durations_table(&points, Language::ZhTw);
    assert_eq!(zh.headers, ["事件日期", "事件", "偵測耗時", "解決耗時"]);
    assert_eq!(zh.rows[1][3], "2 小時");
}

/// Elements and attributes a chart may hold: nothing that runs, links or loads.
fn assert_safe_svg(svg: &str) {
    let tags = common::tags(svg).expect("well-formed tags");
    const ELEMENTS: &[&str] = &[
        "svg", "title", "desc", "rect", "line", "polyline", "circle", "text",
    ];
    for (name, attrs) in tags {
        let bare = name.trim_start_matches('/');
        assert!(ELEMENTS.contains(&bare), "element {name}");
        for (attr, value) in attrs {
            let attr = attr.to_ascii_lowercase();
            assert!(!attr.starts_with("on"), "handler {attr}");
            assert!(
                !["style", "href", "xlink:href", "src"].contains(&attr.as_str()),
                "{attr}"
            );
            assert!(!value.contains("url("), "{attr}={value}");
            if attr == "xmlns" {
                assert_eq!(value, "http://www.w3.org/2000/svg");
            }
        }
    }
    assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
    assert!(svg.contains("role=\"img\""));
}

#[test]
fn charts_are_safe_self_contained_svg_named_in_the_ui_language() {
    let hostile = "<script>alert(1)</script> & \"quotes\" \u{0}";
    let mut summaries = vec![
        dated(
            "1",
            "2024-01-05",
            Some(Severity::Sev1),
            Some(600),
            Some(7200),
        ),
        dated("2", "2024-03-09", None, Some(1200), Some(3 * 86_400)),
        dated("3", "2024-03-20", Some(Severity::Sev3), None, Some(5400)),
    ];
    summaries[1].title = hostile.into();
    for lang in [Language::En, Language::ZhTw] {
        let bars = per_month_svg(&incidents_per_month(&summaries), lang);
        let lines = durations_svg(&durations_over_time(&summaries), lang);
        assert_safe_svg(&bars);
        assert_safe_svg(&lines);
        let name = iw::INCIDENTS_PER_MONTH.get(lang);
        assert!(bars.contains(&format!("aria-label=\"{name}\"")));
        assert!(bars.contains(&format!("<title>{name}</title><desc>")));
        assert!(lines.contains(&format!(
            "<title>{}</title>",
            iw::DETECT_RESOLVE_OVER_TIME.get(lang)
        )));
        assert!(!lines.contains("<script") && lines.contains("&lt;script&gt;"));
        assert!(!lines.contains('\u{0}'));
        assert_eq!(
            lines.matches("<circle").count(),
            2,
            "two incidents with a time to detect"
        );
        assert_eq!(lines.matches("<polyline").count(), 2);
        assert_eq!(
            bars.matches("<rect").count(),
            6 + 3,
            "legend swatches and three bars"
        );
    }
    let zh = per_month_svg(&incidents_per_month(&summaries), Language::ZhTw);
    assert!(zh.contains("SEV1 危急") && zh.contains(">2024-02<"));
    let en = durations_svg(&durations_over_time(&summaries), Language::En);
    assert!(
        en.contains(">Days<"),
        "three days to resolve is counted in days"
    );

    for lang in [Language::En, Language::ZhTw] {
        let empty_bars = per_month_svg(&incidents_per_month(&[]), lang);
        let empty_lines = durations_svg(&[], lang);
        assert_safe_svg(&empty_bars);
        assert_safe_svg(&empty_lines);
        assert!(empty_lines.contains(iw::NO_CHART_DATA.get(lang)));
    }
}

// ---------------------------------------------------------------------------------------
// Exports

/// Reads RFC 4180 CSV back into rows, for checking what a spreadsheet would see.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![vec![String::new()]];
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        let row = rows.last_mut().expect("a row");
        let cell = row.last_mut().expect("a cell");
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(String::new()),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CRLF line ends");
                rows.push(vec![String::new()]);
            }
            (false, c) => cell.push(c),
        }
    }
    rows.pop();
    rows
}

fn export_fixture() -> OpenItems {
    let mut d = doc("Cache [leak] *again*", "INC-1", "2024-01-10", &[]);
    d.header.severity = Some(Severity::Sev1);
    d.action_items = vec![
        item(
            "[x] fake done <b>bold</b>",
            "## Alice",
            "2024-01-01",
            Priority::P0,
            false,
        ),
        item(
            "=HYPERLINK(\"http://evil\",\"click\")",
            "Bob, Jr.",
            "2024-05-01",
            Priority::P1,
            false,
        ),
        item("two\nlines, \"quoted\"", "", "", Priority::P2, false),
    ];
    open_items(
        &[summary("d", &d)],
        &Filters::default(),
        Grouping::Owner,
        "2024-03-01",
    )
}

#[test]
fn the_markdown_export_is_a_task_list_per_owner_with_user_text_escaped() {
    let open = export_fixture();
    let en = open_items_markdown(&open, Language::En);
    assert!(en.starts_with("# Open action items\n\n## \\## Alice\n\n- [ ] \\[x] fake done"));
    assert!(en.contains("(Cache [leak] *again*, due 2024-01-01, Overdue)"));
    assert!(en.contains("## Unassigned\n\n- [ ] two lines, \"quoted\" (Cache"));
    let zh = open_items_markdown(&open, Language::ZhTw);
    assert!(zh.starts_with("# 未完成的行動項目\n"));
    assert!(zh.contains("（Cache [leak] *again*，期限 2024-01-01，已逾期）"));
    assert!(zh.contains("## 未指派"));
    // Rendered, it is three open tasks under three owner headings, and nothing else.
    let html = render_html(&en);
    assert_eq!(html.matches("aria-label=\"not done\"").count(), 3);
    assert!(!html.contains("aria-label=\"done\""));
    assert_eq!(html.matches("<h2>").count(), 3);
    assert!(html.contains("<h2>## Alice</h2>"));
    // Inline Markdown in fields renders as it does in the report; raw HTML stays text.
    assert!(!html.contains("<b>") && html.contains("&lt;b&gt;"));
}

#[test]
fn the_csv_export_quotes_cells_and_disarms_formulas() {
    let open = export_fixture();
    let csv = open_items_csv(&open, Language::ZhTw);
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let rows = read_csv(csv.trim_start_matches('\u{feff}'));
    assert_eq!(
        rows[0],
        [
            "負責人",
            "行動",
            "類型",
            "優先順序",
            "期限",
            "已逾期",
            "事件編號",
            "標題",
            "嚴重程度",
            "狀態",
            "追蹤連結"
        ]
    );
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[1][..6],
        [
            "## Alice",
            "[x] fake done <b>bold</b>",
            "",
            "P0",
            "2024-01-01",
            "是"
        ]
    );
    assert_eq!(
        rows[1][6..10],
        ["INC-1", "Cache [leak] *again*", "SEV1 危急", "草稿"]
    );
    assert_eq!(rows[2][0], "Bob, Jr.");
    assert_eq!(rows[2][1], "'=HYPERLINK(\"http://evil\",\"click\")");
    assert_eq!(rows[3][0], "");
    assert_eq!(rows[3][1], "two\nlines, \"quoted\"");
    let en = open_items_csv(&open, Language::En);
    assert!(en.contains("Owner,Action,Type,Priority,Due date,Overdue,Incident ID,Title,Severity,Status,Tracking link\r\n"));
}

// ---------------------------------------------------------------------------------------
// A team's folder

#[test]
fn a_folder_is_read_in_memory_read_only_with_failures_listed() {
    let mut example = chatgpt_2023_03_20();
    example.action_items[3].done = false;
    let files = vec![
        ("team/2023/chatgpt.md".to_owned(), export_markdown(&example)),
        (
            "team/README.MD".to_owned(),
            "# Our postmortems\n".to_owned(),
        ),
        ("team/diagram.png".to_owned(), "\u{89}PNG".to_owned()),
        (
            "team/broken.markdown".to_owned(),
            "---\nschema_version: x\n".to_owned(),
        ),
    ];
    let found = import_folder(&files);
    assert_eq!(found.entries.len(), 1);
    let entry = &found.entries[0];
    assert_eq!(entry.doc, import_markdown(&files[0].1).expect("imports"));
    assert_eq!(entry.summary.id, "folder:team/2023/chatgpt.md");
    assert_eq!(
        entry.summary.folder.as_deref(),
        Some("team/2023/chatgpt.md")
    );
    assert!(entry.summary.read_only && entry.summary.is_from_folder());
    assert_eq!(entry.summary.incident_id, "INC-2023-0320");
    let failed: Vec<&str> = found.failed.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(failed, ["team/README.MD", "team/broken.markdown"]);
    for f in &found.failed {
        assert!(!f.reason.en.is_empty() && !f.reason.zh.is_empty());
        assert_ne!(f.reason.en, f.reason.zh);
    }
    assert_eq!(found.skipped, ["team/diagram.png"]);
    assert!(is_markdown_path("a/B.Markdown") && !is_markdown_path("a.md.txt"));

    // The folder's items join the overview, marked, and cannot be marked done from there.
    let folder = found.entries.iter().map(|e| e.summary.clone());
    let open = open_items(
        &folder.collect::<Vec<_>>(),
        &Filters::default(),
        Grouping::Owner,
        "2024-01-01",
    );
    let items: Vec<&Item> = open.groups.iter().flat_map(|g| &g.items).collect();
    assert!(!items.is_empty());
    assert!(items.iter().all(|i| i.from_folder && i.read_only));

    // A file that is also a stored draft (the same Incident ID) is that draft: the overview
    // counts it once. Another incident is its own.
    let draft = summarize_doc("d1", &example);
    assert!(is_already_a_draft(&found.entries[0].summary, &[draft]));
    let mut other = example.clone();
    other.header.incident_id = "INC-2024-0001".into();
    assert!(!is_already_a_draft(
        &found.entries[0].summary,
        &[summarize_doc("d2", &other)]
    ));
    let mut untitled_id = Postmortem::default();
    untitled_id.header.title = "Cache outage".into();
    untitled_id.header.incident_date = "2024-05-02".into();
    let a = summarize_doc("folder:a.md", &untitled_id);
    assert!(is_already_a_draft(&a, &[summarize_doc("d3", &untitled_id)]));
    untitled_id.header.incident_date = "2024-06-01".into();
    assert!(!is_already_a_draft(
        &a,
        &[summarize_doc("d4", &untitled_id)]
    ));

    // The importer is one parameter: another one can be plugged in.
    let lenient = import_folder_with(&files, |text| {
        let mut doc = Postmortem::default();
        doc.header.title = text.lines().next().unwrap_or_default().to_owned();
        Ok(doc)
    });
    assert_eq!(lenient.entries.len(), 3);
    assert!(lenient.failed.is_empty());
}

// ---------------------------------------------------------------------------------------
// Words

#[test]
fn every_word_is_written_in_both_languages_and_the_vocabulary_is_exact() {
    assert_eq!(audit(iw::ALL.iter().copied()), Vec::<String>::new());
    let fixed = [
        (iw::INCIDENTS, "Incidents", "事件總覽"),
        (iw::RELATED_INCIDENTS, "Related incidents", "相關事件"),
        (
            iw::OPEN_ACTION_ITEMS,
            "Open action items",
            "未完成的行動項目",
        ),
        (iw::TRENDS, "Trends", "趨勢"),
        (iw::OPEN_A_FOLDER, "Open a folder", "開啟資料夾"),
        (iw::SAVE_AS_DRAFT, "Save as draft", "另存為草稿"),
        (iw::FROM_FOLDER, "From folder", "來自資料夾"),
    ];
    for (words, en, zh) in fixed {
        assert_eq!((words.en, words.zh), (en, zh));
    }
}

// ---------------------------------------------------------------------------------------
// Scale: timings printed, never asserted (`make bench` measures the browser)

fn many_drafts(kv: &MemoryKv) -> usize {
    let store = DraftStore::new(kv.clone());
    let mut bytes = 0;
    for n in 0..200 {
        let mut d = chatgpt_2023_03_20();
        d.header.title = format!("{} #{n}", d.header.title);
        d.header.incident_id = format!("INC-{n:04}");
        d.header.incident_date = format!("2024-{:02}-{:02}", n % 12 + 1, n % 28 + 1);
        d.header.tags.push(format!("team-{}", n % 7));
        d.causes.root_causes = format!("{} Shard {}.", d.causes.root_causes, n % 13);
        d.action_items = (0..5)
            .map(|i| {
                item(
                    &format!("Follow-up {i} of incident {n}"),
                    &format!("Owner {}", (n + i) % 17),
                    &format!("2024-{:02}-{:02}", (n + i) % 12 + 1, i * 5 + 1),
                    Priority::P1,
                    false,
                )
            })
            .collect();
        let draft = draft(&format!("draft-{n:03}"), d, n as i64);
        store.save(&draft).expect("saves");
        bytes += kv.get(&draft_key(&draft.id)).map_or(0, |v| v.len());
    }
    bytes
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

#[test]
fn timings_for_200_drafts_and_1000_action_items_are_printed() {
    let kv = MemoryKv::default();
    let bytes = many_drafts(&kv);
    let t = Instant::now();
    let loaded = DraftStore::new(kv.clone()).load_all();
    let parse_all = ms(t);
    assert_eq!(loaded.drafts.len(), 200);

    let t = Instant::now();
    let (mut index, health) = Index::load(&kv);
    let rebuild = ms(t);
    assert_eq!(health.rebuilt, 200);
    let t = Instant::now();
    index.save(&kv).expect("saves");
    let save = ms(t);
    let index_bytes = kv.get(INDEX_KEY).map_or(0, |v| v.len());
    let t = Instant::now();
    let (index, health) = Index::load(&kv);
    let validate = ms(t);
    assert_eq!((health.reused, health.rebuilt), (200, 0));

    let today = "2024-06-15";
    let t = Instant::now();
    let open = open_items(
        index.summaries(),
        &Filters::default(),
        Grouping::Owner,
        today,
    );
    let overview = ms(t);
    assert_eq!(open.total, 1000);
    let t = Instant::now();
    let related = related_all(index.summaries(), 10);
    let related_ms = ms(t);
    assert_eq!(related.len(), 200);
    let t = Instant::now();
    let _ = per_month_svg(&incidents_per_month(index.summaries()), Language::En);
    let _ = durations_svg(&durations_over_time(index.summaries()), Language::En);
    let trends = ms(t);
    let t = Instant::now();
    let _ = open_items_csv(&open, Language::En);
    let _ = open_items_markdown(&open, Language::En);
    let exports = ms(t);

    eprintln!(
        "200 drafts, {} KB stored ({} B each), index {} KB\n\
         parse every draft (load_all):    {parse_all:7.2} ms\n\
         index rebuilt from nothing:      {rebuild:7.2} ms\n\
         index written:                   {save:7.2} ms\n\
         index checked, nothing parsed:   {validate:7.2} ms\n\
         open items, 1000 grouped:        {overview:7.2} ms\n\
         related incidents, all pairs:    {related_ms:7.2} ms\n\
         trends, both charts:             {trends:7.2} ms\n\
         exports, Markdown and CSV:       {exports:7.2} ms",
        bytes / 1024,
        bytes / 200,
        index_bytes / 1024,
    );
}

#[test]
fn long_fields_are_clipped_in_the_index_and_still_marked_done() {
    let long = "資料".repeat(2_000); // 12,000 bytes of three-byte characters
    let mut d = doc(&long, "", "", &[]);
    d.action_items = vec![item(&long, "", "", Priority::P1, false)];
    d.causes.root_causes = (0..1_000).map(|n| format!("word{n} ")).collect();
    let s = summary("long", &d);
    assert!(s.title.len() <= 500 && long.starts_with(&s.title));
    let listed = &s.open_actions[0].action;
    assert!(listed.len() <= 500 && !listed.is_empty());
    assert_eq!(s.cause_words.len(), 200);
    assert_eq!(mark_done(&mut d, 0, listed), Ok(Marked::Done(0)));
}
