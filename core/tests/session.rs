//! The editing session, natively: saving, read-back, revision checks across tabs, conflicts,
//! retries after failed writes, undo, imports and restores, against an in-memory store with
//! injected faults, a fixed clock and counted ids.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::TestEnv;

use std::cell::RefCell;
use std::rc::Rc;

use hindsight_core::incidents::Marked;
use hindsight_core::review::review;
use hindsight_core::session::{
    self, AlertKind, MarkFailed, Notice, RowList, SaveState, Start, Undone,
};
use hindsight_core::*;
use hindsight_core::{
    example::chatgpt_2023_03_20, export::export_json, export::export_markdown,
    review::is_dismissed, session::Session, storage::draft_key, storage::parse_draft,
    storage::KeyValue, storage::MemoryKv, storage::WriteError,
};

/// What the store does wrong.
#[derive(Clone, Copy, PartialEq)]
enum Fault {
    None,
    /// Every write fails as a full quota.
    Full,
    /// Writes report success but keep nothing.
    Drops,
}

/// A memory store whose writes can fail or vanish.
#[derive(Clone)]
struct FaultyKv {
    inner: MemoryKv,
    fault: Rc<RefCell<Fault>>,
}

impl FaultyKv {
    fn new() -> Self {
        Self {
            inner: MemoryKv::default(),
            fault: Rc::new(RefCell::new(Fault::None)),
        }
    }
    fn set_fault(&self, fault: Fault) {
        *self.fault.borrow_mut() = fault;
    }
}

impl KeyValue for FaultyKv {
    fn keys(&self) -> Vec<String> {
        self.inner.keys()
    }
    fn get(&self, key: &str) -> Option<String> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        match *self.fault.borrow() {
            Fault::None => self.inner.set(key, value),
            Fault::Full => Err(WriteError::QuotaExceeded),
            Fault::Drops => Ok(()),
        }
    }
    fn remove(&self, key: &str) -> Result<(), WriteError> {
        self.inner.remove(key)
    }
}

fn start(kv: &FaultyKv, env: &TestEnv, wanted: Option<&str>) -> Session<FaultyKv, TestEnv> {
    Session::start(
        kv.clone(),
        env.clone(),
        Start {
            persistent: true,
            wanted: wanted.map(str::to_owned),
            zone: "Europe/Berlin".into(),
            language: Language::En,
        },
    )
}

/// A session with a blank draft in storage, as "New draft" leaves it: what two tabs share.
fn start_stored(kv: &FaultyKv, env: &TestEnv) -> Session<FaultyKv, TestEnv> {
    let mut s = start(kv, env, None);
    s.create(Template::Full, Language::En, "Europe/Berlin".into());
    s
}

fn summary(s: &Session<FaultyKv, TestEnv>) -> String {
    s.doc().summary.clone()
}

#[test]
fn a_first_start_stores_nothing_until_the_first_edit_which_survives_a_reload() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let s = start(&kv, &env, None);
    assert_eq!(
        s.summaries().len(),
        0,
        "nothing listed before the first edit"
    );
    assert!(s.is_unstored());
    assert_eq!(s.doc().header.time_zone, "Europe/Berlin");
    let first = s.open_id().expect("a draft to type in").to_owned();
    assert!(kv.get(&draft_key(&first)).is_none(), "nothing stored");
    // A reload before typing is the same calm start, not a second blank draft.
    let mut s = start(&kv, &env, None);
    assert_eq!(s.summaries().len(), 0);
    assert!(s.edit(|d| d.summary = "Typed".into()));
    assert_eq!(s.save_state(), SaveState::Saving);
    s.flush();
    assert_eq!(s.save_state(), SaveState::Saved);
    assert_eq!(s.summaries().len(), 1, "listed once written");
    assert!(!s.is_unstored());
    let again = start(&kv, &env, None);
    assert_eq!(summary(&again), "Typed");
    assert_eq!(again.summaries()[0].rev, 1);
}

#[test]
fn a_full_quota_keeps_the_text_says_why_and_retries_on_the_next_edit() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    kv.set_fault(Fault::Full);
    s.edit(|d| d.summary = "While full".into());
    s.flush();
    assert_eq!(s.save_state(), SaveState::NotSaved);
    let alert = s.alert().expect("an alert");
    assert_eq!(alert.kind, AlertKind::NotSaved);
    assert_eq!(alert.notice, Notice::NotSaved(WriteError::QuotaExceeded));
    assert_eq!(summary(&s), "While full", "the text stays in the tab");
    assert!(
        start(&kv, &env, None).doc().summary.is_empty(),
        "nothing half-written"
    );
    kv.set_fault(Fault::None);
    s.edit(|d| d.summary.push_str(", then saved"));
    assert_eq!(
        s.save_state(),
        SaveState::NotSaved,
        "still not saved until a write works"
    );
    s.flush();
    assert_eq!(s.save_state(), SaveState::Saved);
    assert!(s.alert().is_none(), "the Not saved alert clears");
    assert_eq!(summary(&start(&kv, &env, None)), "While full, then saved");
}

#[test]
fn a_storage_that_drops_writes_is_caught_by_reading_back() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    kv.set_fault(Fault::Drops);
    s.edit(|d| d.summary = "Vanishes".into());
    s.flush();
    assert_eq!(s.save_state(), SaveState::NotSaved);
    assert_eq!(
        s.alert().map(|a| a.notice.clone()),
        Some(Notice::NotSaved(WriteError::NotReadBack))
    );
    kv.set_fault(Fault::None);
    s.edit(|d| d.summary.push('!'));
    s.flush();
    assert_eq!(summary(&start(&kv, &env, None)), "Vanishes!");
}

#[test]
fn a_stale_tab_never_overwrites_newer_text_and_keep_both_keeps_both() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut a = start_stored(&kv, &env);
    let id = a.open_id().expect("open").to_owned();
    let mut b = start(&kv, &env, Some(&id));
    b.edit(|d| d.summary = "From B".into());
    b.flush();
    a.edit(|d| d.summary = "From A".into());
    a.flush();
    assert!(a.in_conflict());
    assert_eq!(a.alert().map(|x| x.kind), Some(AlertKind::Conflict));
    assert_eq!(
        summary(&start(&kv, &env, Some(&id))),
        "From B",
        "not overwritten"
    );
    a.resolve_conflict(true);
    assert!(!a.in_conflict());
    assert_eq!(summary(&a), "From A");
    assert_ne!(a.open_id(), Some(id.as_str()), "A's text is a new draft");
    assert!(a.doc().header.title.ends_with("(kept from another tab)"));
    a.flush();
    let fresh = start(&kv, &env, None);
    let texts: Vec<String> = fresh
        .summaries()
        .iter()
        .filter_map(|d| fresh.store().load(&d.id))
        .map(|d| d.expect("readable").doc.summary)
        .collect();
    assert!(texts.contains(&"From A".into()) && texts.contains(&"From B".into()));
}

#[test]
fn loading_the_other_tabs_version_replaces_this_tabs_text() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut a = start_stored(&kv, &env);
    let id = a.open_id().expect("open").to_owned();
    let mut b = start(&kv, &env, Some(&id));
    b.edit(|d| d.summary = "Theirs".into());
    b.flush();
    a.edit(|d| d.summary = "Mine".into());
    let generation = a.generation();
    a.flush();
    a.resolve_conflict(false);
    assert_eq!(summary(&a), "Theirs");
    assert!(
        a.generation() > generation,
        "the form takes the values again"
    );
    assert_eq!(a.save_state(), SaveState::Saved);
}

#[test]
fn other_tabs_writes_follow_through_the_storage_event() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut a = start_stored(&kv, &env);
    let id = a.open_id().expect("open").to_owned();
    let mut b = start(&kv, &env, Some(&id));
    b.edit(|d| d.summary = "Newer".into());
    b.flush();
    let value = kv.get(&draft_key(&id));
    a.other_tab_wrote(&id, value.clone());
    assert_eq!(summary(&a), "Newer", "a clean tab follows");
    b.edit(|d| d.summary = "Newest".into());
    b.flush();
    a.edit(|d| d.summary = "Dirty".into());
    a.other_tab_wrote(&id, kv.get(&draft_key(&id)));
    assert!(a.in_conflict(), "a tab with unsaved edits asks");
    a.resolve_conflict(false);
    a.other_tab_wrote(&id, None);
    assert_eq!(
        a.alert().map(|x| x.notice.clone()),
        Some(Notice::DeletedElsewhere)
    );
    assert_eq!(summary(&a), "Newest", "the text stays open");
}

#[test]
fn deleted_drafts_and_rows_come_back_with_undo() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    s.edit(|d| d.header.title = "Keep me".into());
    let first = s.open_id().expect("open").to_owned();
    s.create(Template::Full, Language::En, "UTC".into());
    s.edit(|d| d.header.title = "Second".into());
    s.delete(&first, Language::En, "UTC".into());
    assert_eq!(s.summaries().len(), 1);
    assert_eq!(s.undo_last(), Undone::Draft);
    assert_eq!(s.summaries().len(), 2);
    assert_eq!(s.doc().header.title, "Keep me");

    let why = RowList::Entries(FieldId::FiveWhys);
    for text in ["First", "Second", "Third"] {
        let at = s.add_row(why).expect("added");
        s.edit(|d| d.causes.five_whys[at] = text.into());
    }
    assert_eq!(s.move_row(why, 2, -1), Some(1));
    assert_eq!(s.doc().causes.five_whys, ["First", "Third", "Second"]);
    assert!(s.remove_row(why, 0));
    s.edit(|d| d.summary = "Typed after".into());
    assert_eq!(s.undo_last(), Undone::Row(why, 0));
    assert_eq!(s.doc().causes.five_whys, ["First", "Third", "Second"]);
    assert_eq!(summary(&s), "Typed after", "later typing stays");
    assert_eq!(s.undo_last(), Undone::Nothing);
}

#[test]
fn undoing_a_draft_whose_id_came_back_keeps_both() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    let id = s.open_id().expect("open").to_owned();
    s.edit(|d| d.summary = "Original".into());
    s.flush();
    let stored = kv.get(&draft_key(&id)).expect("stored");
    s.delete(&id, Language::En, "UTC".into());
    kv.set(&draft_key(&id), &stored)
        .expect("another tab writes it back");
    s.undo_last();
    assert_ne!(s.open_id(), Some(id.as_str()));
    assert_eq!(summary(&s), "Original");
}

/// Adds timeline rows, each at a UTC second with its text.
fn add_timed_rows(s: &mut Session<FaultyKv, TestEnv>, rows: &[(i64, &str)]) {
    for &(t, text) in rows {
        let at = s.add_row(RowList::Timeline).expect("added");
        s.edit(|d| {
            d.timeline[at].time = Some(Timestamp {
                utc: t,
                offset_minutes: 0,
            });
            d.timeline[at].event = text.into();
        });
    }
}

#[test]
fn sorting_the_timeline_reports_the_new_order() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    add_timed_rows(&mut s, &[(300, "c"), (100, "a"), (200, "b")]);
    s.add_row(RowList::Timeline);
    assert_eq!(s.sort_timeline(), [1, 2, 0, 3]);
    let order: Vec<&str> = s.doc().timeline.iter().map(|e| e.event.as_str()).collect();
    assert_eq!(order, ["a", "b", "c", ""]);
}

#[test]
fn unreadable_values_are_set_aside_and_reported_at_start() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    kv.set("hindsight:draft:broken", "{not json")
        .expect("writes");
    let mut s = start(&kv, &env, None);
    match s.alert().map(|a| a.notice.clone()) {
        Some(Notice::SetAside { count: 1, found }) => {
            assert_eq!(found[0].0, "hindsight:draft:broken")
        }
        other => panic!("expected the set-aside notice, got {other:?}"),
    }
    assert!(s.set_aside_json().contains("{not json"));
    s.discard_set_aside();
    assert!(kv.get("hindsight:quarantine:broken").is_none());
}

#[test]
fn a_draft_from_a_newer_schema_is_read_only_and_never_written() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let future = r#"{"id":"f","rev":3,"created_at":0,"updated_at":99999999,"doc":{"schema_version":99,"summary":"Future","extra":1}}"#;
    kv.set("hindsight:draft:f", future).expect("writes");
    let mut s = start(&kv, &env, Some("f"));
    assert!(s.is_read_only());
    assert!(!s.edit(|d| d.summary = "Changed".into()));
    s.flush();
    s.mark_exported();
    assert_eq!(kv.get("hindsight:draft:f").as_deref(), Some(future));
}

#[test]
fn a_bad_import_says_why_and_changes_nothing_and_a_good_one_opens() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    s.edit(|d| d.summary = "Kept".into());
    s.flush();
    let before = s.summaries().len();
    assert!(matches!(
        s.import_file("broken.json", "{oops"),
        session::Imported::Failed
    ));
    match s.alert().map(|a| a.notice.clone()) {
        Some(Notice::ImportFailed { name, error }) => {
            assert_eq!(name, "broken.json");
            assert!(error.en.contains("not valid JSON"), "{}", error.en);
            assert!(error.zh.contains("JSON"), "{}", error.zh);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.summaries().len(), before);
    let md = export_markdown(&chatgpt_2023_03_20());
    let session::Imported::Opened { title, ignored } = s.import_file("report.md", &md) else {
        panic!("imports");
    };
    assert!(title.starts_with("ChatGPT") && ignored.is_empty());
    assert_eq!(s.summaries().len(), before + 1);
    // Keys Hindsight does not know are named, never dropped without a word.
    let mut json: serde_json::Value =
        serde_json::from_str(&export_json(&chatgpt_2023_03_20())).expect("json");
    json["mood"] = "grim".into();
    json["header"]["colour"] = "red".into();
    json["timeline"][1]["weather"] = "rain".into();
    json["public"] = serde_json::json!({});
    let session::Imported::Opened { ignored, .. } = s.import_file("x.json", &json.to_string())
    else {
        panic!("imports");
    };
    assert_eq!(ignored, ["header.colour", "mood", "timeline[1].weather"]);
    // A foreign report is mapped and handed back; the draft comes only when the user says.
    let count = s.summaries().len();
    let foreign = "# Database outage\n\n## Executive summary\n\nThe primary ran out of disk.\n\n## Root cause\n\nLogs were never rotated.\n";
    let session::Imported::Foreign(import) = s.import_file("notes.md", foreign) else {
        panic!("a foreign report");
    };
    assert_eq!(s.summaries().len(), count, "nothing created yet");
    assert_eq!(import.doc.summary, "The primary ran out of disk.");
    let title = s.open_foreign(*import);
    assert_eq!(title, "Database outage");
    assert_eq!(s.doc().causes.root_causes, "Logs were never rotated.");
}

#[test]
fn restoring_a_backup_keeps_both_when_ids_clash() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    s.edit(|d| d.summary = "Here".into());
    let (text, name) = s.backup();
    assert!(name.starts_with("hindsight-backup-2024-05-06"));
    assert_eq!(s.restore_backup("backup.json", &text), Some(1));
    assert_eq!(s.summaries().len(), 2);
    let ids: Vec<&str> = s.summaries().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
    assert_eq!(s.restore_backup("x.json", "[]"), None);
    assert!(matches!(
        s.alert().map(|a| a.notice.clone()),
        Some(Notice::RestoreFailed { .. })
    ));
}

#[test]
fn start_up_reads_the_index_and_parses_only_what_changed() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    for i in 0..5 {
        s.create(Template::Full, Language::En, "UTC".into());
        s.edit(|d| d.header.title = format!("Draft {i}"));
        s.flush();
    }
    s.save_before_leaving();
    let index = kv
        .get(hindsight_core::incidents::INDEX_KEY)
        .expect("an index is kept");
    assert!(index.contains("Draft 4"));
    // Another tab changes one draft behind this index's back: only that one is read again.
    let id = s.open_id().expect("open").to_owned();
    let mut other = start(&kv, &env, Some(&id));
    other.edit(|d| d.header.title = "Renamed elsewhere".into());
    other.flush();
    let (_, health) = hindsight_core::incidents::Index::load(&kv);
    assert_eq!(health.rebuilt, 1, "only the changed draft is parsed");
    let again = start(&kv, &env, None);
    assert!(again
        .summaries()
        .iter()
        .any(|d| d.title == "Renamed elsewhere"));
    // The first, empty draft was left untouched, so it went when the others were created.
    assert_eq!(again.summaries().len(), 5);
}

#[test]
fn an_untouched_empty_draft_is_removed_when_the_user_leaves_it() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    let first = s.open_id().expect("open").to_owned();
    s.open_new(chatgpt_2023_03_20());
    assert_eq!(s.summaries().len(), 1, "the empty first draft is gone");
    assert!(kv.get(&draft_key(&first)).is_none());
    s.create(Template::Full, Language::En, "UTC".into());
    s.create(Template::Lightweight, Language::En, "UTC".into());
    assert_eq!(s.summaries().len(), 2, "the example and one empty draft");
    s.edit(|d| d.header.title = "Touched".into());
    s.open_new(chatgpt_2023_03_20());
    assert_eq!(s.summaries().len(), 3, "a touched draft stays");
    assert!(
        s.undo_stack().is_empty(),
        "nothing to undo: nothing was lost"
    );
}

#[test]
fn deleting_the_last_draft_leaves_the_calm_start_and_undo_brings_it_back() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    s.edit(|d| d.header.title = "Only one".into());
    s.flush();
    let id = s.open_id().expect("open").to_owned();
    s.delete(&id, Language::En, "UTC".into());
    assert!(
        s.summaries().is_empty(),
        "no blank draft stored in its place"
    );
    assert!(s.is_unstored());
    assert_eq!(s.doc().header.title, "");
    assert_eq!(s.undo_last(), Undone::Draft);
    assert_eq!(s.summaries().len(), 1, "the calm draft left nothing behind");
    assert_eq!(s.doc().header.title, "Only one");
}

#[test]
fn a_blank_draft_found_after_a_reload_is_removed_when_the_user_leaves_it_too() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    // A blank draft stored by "New draft" (or by an older Hindsight's first visit).
    let first = {
        let mut s = start(&kv, &env, None);
        s.create(Template::Full, Language::En, "UTC".into());
        assert_eq!(s.summaries().len(), 1, "New draft is stored at once");
        s.open_id().expect("open").to_owned()
    };
    // A reload: the blank first draft is opened again, and leaving it removes it.
    let mut s = start(&kv, &env, None);
    assert_eq!(s.open_id(), Some(first.as_str()));
    s.create(Template::Full, Language::En, "UTC".into());
    assert_eq!(s.summaries().len(), 1, "one blank draft, not two");
    assert!(kv.get(&draft_key(&first)).is_none());
    // A draft with anything written in it stays, after a reload as before.
    s.edit(|d| d.summary = "Something".into());
    s.flush();
    let kept = s.open_id().expect("open").to_owned();
    let mut s = start(&kv, &env, None);
    s.open_new(chatgpt_2023_03_20());
    assert!(kv.get(&draft_key(&kept)).is_some());
    assert_eq!(s.summaries().len(), 2);
}

#[test]
fn without_storage_the_session_says_drafts_stay_in_the_tab() {
    let s = Session::start(
        MemoryKv::default(),
        TestEnv::default(),
        Start {
            persistent: false,
            wanted: None,
            zone: "UTC".into(),
            language: Language::ZhTw,
        },
    );
    assert_eq!(s.alert().map(|a| a.notice.clone()), Some(Notice::NoStorage));
    assert_eq!(
        s.doc().language,
        Language::ZhTw,
        "a new draft takes the UI language"
    );
}

/// A new draft, open, titled, with these action items (none done), written.
fn draft_with_actions(s: &mut Session<FaultyKv, TestEnv>, title: &str, actions: &[&str]) -> String {
    s.create(Template::Full, Language::En, "UTC".into());
    s.edit(|d| {
        d.header.title = title.into();
        d.action_items = actions
            .iter()
            .map(|a| ActionItem {
                action: (*a).into(),
                ..ActionItem::default()
            })
            .collect();
    });
    s.flush();
    s.open_id().expect("open").to_owned()
}

fn stored(kv: &FaultyKv, id: &str) -> Draft {
    parse_draft(&kv.get(&draft_key(id)).expect("stored"))
        .expect("readable")
        .draft
}

fn open_actions(s: &Session<FaultyKv, TestEnv>, id: &str) -> Vec<String> {
    s.summaries()
        .iter()
        .find(|d| d.id == id)
        .expect("listed")
        .open_actions
        .iter()
        .map(|a| a.action.clone())
        .collect()
}

#[test]
fn undo_of_mark_done_reopens_the_item_through_the_same_revision_check() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    let a = draft_with_actions(&mut s, "Cache leak", &["Fix A1", "Fix A2"]);
    let b = draft_with_actions(&mut s, "Queue stall", &["Fix B1"]);
    // Another draft than the open one.
    let marked = s.mark_action_done(&a, 1, "Fix A2").expect("marked");
    let rev = stored(&kv, &a).rev;
    assert_eq!(
        s.set_action_done(&a, marked.row(), "Fix A2", false),
        Ok(Marked::Reopened(1))
    );
    assert!(!stored(&kv, &a).doc.action_items[1].done);
    assert_eq!(stored(&kv, &a).rev, rev + 1);
    assert_eq!(
        open_actions(&s, &a),
        ["Fix A1", "Fix A2"],
        "the index follows"
    );
    assert_eq!(
        s.set_action_done(&a, 1, "Fix A2", false),
        Ok(Marked::AlreadyOpen(1))
    );
    assert_eq!(stored(&kv, &a).rev, rev + 1, "nothing written twice");
    // The open draft.
    assert_eq!(s.mark_action_done(&b, 0, "Fix B1"), Ok(Marked::Done(0)));
    assert_eq!(
        s.set_action_done(&b, 0, "Fix B1", false),
        Ok(Marked::Reopened(0))
    );
    assert!(!s.doc().action_items[0].done);
    assert!(!stored(&kv, &b).doc.action_items[0].done);
    // Another tab rewrote the item meanwhile: Undo finds no such row and says why, as Mark
    // done does, instead of reopening another item.
    let mut other = start(&kv, &env, Some(&a));
    other.edit(|d| d.action_items[0].action = "Fix A1 now".into());
    other.flush();
    assert_eq!(
        s.set_action_done(&a, 0, "Fix A1", false),
        Err(MarkFailed::Row(hindsight_core::Text::from(
            hindsight_core::incidents::words::ROW_GONE
        )))
    );
}

#[test]
fn marking_an_item_done_from_the_overview_writes_its_draft_through_the_revision_check() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    let a = draft_with_actions(&mut s, "Cache leak", &["Fix A1", "Fix A2"]);
    let b = draft_with_actions(&mut s, "Queue stall", &["Fix B1"]);
    assert_eq!(s.open_id(), Some(b.as_str()));
    let (rev, updated) = (stored(&kv, &a).rev, stored(&kv, &a).updated_at);
    let generation = s.generation();

    // Another draft: read from storage, marked, written with its revision bumped.
    assert_eq!(s.mark_action_done(&a, 1, "Fix A2"), Ok(Marked::Done(1)));
    let after = stored(&kv, &a);
    assert!(after.doc.action_items[1].done && !after.doc.action_items[0].done);
    assert_eq!(after.rev, rev + 1);
    assert!(after.updated_at > updated);
    assert_eq!(open_actions(&s, &a), ["Fix A1"], "the index follows");
    assert_eq!(s.open_id(), Some(b.as_str()), "the open draft stays open");
    assert_eq!(s.generation(), generation, "and its form is untouched");
    assert_eq!(
        s.mark_action_done(&a, 1, "Fix A2"),
        Ok(Marked::AlreadyDone(1))
    );
    assert_eq!(stored(&kv, &a).rev, rev + 1, "nothing written twice");

    // The open draft: edited as the form would, and written at once.
    assert_eq!(s.mark_action_done(&b, 0, "Fix B1"), Ok(Marked::Done(0)));
    assert!(s.doc().action_items[0].done);
    assert_eq!(s.save_state(), SaveState::Saved);
    assert!(stored(&kv, &b).doc.action_items[0].done);
    assert!(open_actions(&s, &b).is_empty());

    // Another tab added a row above since the overview was drawn: the item is found by its
    // text, and the other tab's row is kept.
    let mut other = start(&kv, &env, Some(&a));
    other.edit(|d| {
        d.action_items.insert(
            0,
            ActionItem {
                action: "Added elsewhere".into(),
                ..ActionItem::default()
            },
        )
    });
    other.flush();
    assert_eq!(s.mark_action_done(&a, 0, "Fix A1"), Ok(Marked::Done(1)));
    let items = stored(&kv, &a).doc.action_items;
    assert_eq!(items[0].action, "Added elsewhere");
    assert!(!items[0].done && items[1].done && items[2].done);
    assert_eq!(open_actions(&s, &a), ["Added elsewhere"]);

    // Gone: the row, or the draft.
    assert!(matches!(
        s.mark_action_done(&a, 0, "Never written"),
        Err(MarkFailed::Row(_))
    ));
    assert_eq!(
        s.mark_action_done("missing", 0, "Fix A1"),
        Err(MarkFailed::NoDraft)
    );
}

#[test]
fn marking_done_never_overwrites_a_newer_revision_from_another_tab() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    let x = draft_with_actions(&mut s, "Disk full", &["Fix X"]);
    let y = draft_with_actions(&mut s, "Other", &["Fix Y"]);
    // This tab's edit of X cannot be written, so X's text waits here for another try…
    s.open(&x);
    s.edit(|d| d.summary = "Mine".into());
    kv.set_fault(Fault::Full);
    s.open(&y);
    kv.set_fault(Fault::None);
    // …while another tab writes a newer revision of X.
    let mut other = start(&kv, &env, Some(&x));
    other.edit(|d| d.summary = "Theirs".into());
    other.flush();
    let theirs = kv.get(&draft_key(&x));
    assert_eq!(s.mark_action_done(&x, 0, "Fix X"), Err(MarkFailed::Stale));
    assert_eq!(
        kv.get(&draft_key(&x)),
        theirs,
        "the newer text is untouched"
    );
    assert_eq!(
        open_actions(&s, &x),
        ["Fix X"],
        "the list shows it as stored"
    );

    // The open draft's summary changed in another tab: marking an item done merges with
    // it, and both changes are written.
    let mut third = start(&kv, &env, Some(&y));
    third.edit(|d| d.summary = "Changed elsewhere".into());
    third.flush();
    assert_eq!(s.mark_action_done(&y, 0, "Fix Y"), Ok(Marked::Done(0)));
    assert!(!s.in_conflict());
    let stored = start(&kv, &env, Some(&y));
    assert_eq!(summary(&stored), "Changed elsewhere");
    assert!(stored.doc().action_items[0].done);

    // The other tab gave the same item another owner: the merge asks, nothing is
    // overwritten, and marking done waits for the answer.
    let mut fourth = start(&kv, &env, Some(&y));
    fourth.edit(|d| d.action_items[0].owner = "Theirs".into());
    fourth.flush();
    let newer = kv.get(&draft_key(&y));
    s.edit(|d| d.action_items[0].owner = "Mine".into());
    s.flush();
    assert!(s.in_conflict());
    assert_eq!(s.alert().map(|a| a.kind), Some(AlertKind::Conflict));
    assert_eq!(kv.get(&draft_key(&y)), newer, "nothing is overwritten");
    assert_eq!(
        s.mark_action_done(&y, 0, "Fix Y"),
        Err(MarkFailed::Conflict)
    );
}

#[test]
fn a_read_only_draft_is_never_marked() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let future = r#"{"id":"f","rev":3,"created_at":0,"updated_at":1,"doc":{"schema_version":99,"action_items":[{"action":"Future fix"}]}}"#;
    kv.set("hindsight:draft:f", future).expect("writes");
    let mut s = start(&kv, &env, None);
    let mine = draft_with_actions(&mut s, "Mine", &["Fix"]);
    assert_eq!(s.open_id(), Some(mine.as_str()));
    assert_eq!(
        s.mark_action_done("f", 0, "Future fix"),
        Err(MarkFailed::ReadOnly)
    );
    s.open("f");
    assert_eq!(
        s.mark_action_done("f", 0, "Future fix"),
        Err(MarkFailed::ReadOnly)
    );
    assert_eq!(kv.get("hindsight:draft:f").as_deref(), Some(future));
}

/// The findings dismissed in the open document, as `key = reason`, sorted.
fn dismissals(s: &Session<FaultyKv, TestEnv>) -> Vec<String> {
    let mut all: Vec<String> = s
        .doc()
        .dismissed
        .iter()
        .map(|d| format!("{} = {}", d.finding, d.reason))
        .collect();
    all.sort();
    all
}

fn dismiss(s: &mut Session<FaultyKv, TestEnv>, finding: &str, reason: &str) {
    s.edit(|d| {
        d.dismissed.push(Dismissal {
            finding: finding.into(),
            reason: reason.into(),
        })
    });
}

#[test]
fn a_dismissal_follows_its_row_through_delete_move_sort_and_undo() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut s = start(&kv, &env, None);
    for action in [
        "Vendor fixes the driver",
        "Add an alert",
        "Write the runbook",
    ] {
        let at = s.add_row(RowList::Actions).expect("added");
        s.edit(|d| d.action_items[at].action = action.into());
    }
    dismiss(&mut s, "action-no-owner@action:1", "vendor owns it");
    dismiss(&mut s, "action-no-due@action:3", "no date yet");
    dismiss(&mut s, "impact-no-numbers", "not measurable");

    // Deleting the first row takes its dismissal away: the rows below move up, theirs too.
    assert!(s.remove_row(RowList::Actions, 0));
    assert_eq!(
        dismissals(&s),
        [
            "action-no-due@action:2 = no date yet",
            "impact-no-numbers = not measurable"
        ]
    );
    let owners = review(s.doc(), "2026-01-01", &[]);
    let no_owner: Vec<&str> = owners
        .iter()
        .filter(|f| f.check.id() == "action-no-owner" && !is_dismissed(s.doc(), f))
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(
        no_owner,
        ["action-no-owner@action:1", "action-no-owner@action:2"]
    );

    // Undo brings the row back with its dismissal.
    assert_eq!(s.undo_last(), Undone::Row(RowList::Actions, 0));
    assert_eq!(
        dismissals(&s),
        [
            "action-no-due@action:3 = no date yet",
            "action-no-owner@action:1 = vendor owns it",
            "impact-no-numbers = not measurable"
        ]
    );

    // Moving swaps the dismissals of the two rows.
    assert_eq!(s.move_row(RowList::Actions, 0, 1), Some(1));
    assert_eq!(s.doc().action_items[1].action, "Vendor fixes the driver");
    assert_eq!(
        dismissals(&s),
        [
            "action-no-due@action:3 = no date yet",
            "action-no-owner@action:2 = vendor owns it",
            "impact-no-numbers = not measurable"
        ]
    );

    // Sorting the timeline carries the timeline's dismissals to the rows' new places.
    add_timed_rows(&mut s, &[(300, "c"), (100, "a")]);
    dismiss(&mut s, "timeline-order@event:1", "c is a late note");
    s.sort_timeline();
    assert!(dismissals(&s).contains(&"timeline-order@event:2 = c is a late note".to_owned()));
    assert!(dismissals(&s).contains(&"action-no-owner@action:2 = vendor owns it".to_owned()));
}

#[test]
fn the_browser_zone_learned_after_start_fills_the_draft_made_without_it() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let start_without_zone = |kv: &FaultyKv| {
        Session::start(
            kv.clone(),
            env.clone(),
            Start {
                persistent: true,
                wanted: None,
                zone: String::new(),
                language: Language::En,
            },
        )
    };
    let mut s = start_without_zone(&kv);
    let first = s.open_id().expect("open").to_owned();
    assert_eq!(s.doc().header.time_zone, "");
    // Typed into before the zone was known: the zone still arrives, and the text stays.
    s.edit(|d| d.summary = "Typed at once".into());
    assert!(s.set_zone("Asia/Taipei".into()));
    assert_eq!(s.doc().header.time_zone, "Asia/Taipei");
    assert_eq!(s.doc().summary, "Typed at once");
    assert!(!s.is_dirty(), "written at once");
    assert_eq!(stored(&kv, &first).doc.header.time_zone, "Asia/Taipei");
    // Only once, and only that draft: a zone the user cleared stays cleared.
    s.edit(|d| d.header.time_zone = String::new());
    assert!(!s.set_zone("Europe/Berlin".into()));
    assert_eq!(s.doc().header.time_zone, "");
    // New drafts start in the zone learned.
    s.create(Template::Full, Language::En, String::new());
    assert!(s.set_zone("Europe/Berlin".into()));
    assert_eq!(s.doc().header.time_zone, "Europe/Berlin");
    // A blank first draft that learns its zone is still blank: leaving it removes it.
    let (kv2, _) = (FaultyKv::new(), ());
    let mut s = start_without_zone(&kv2);
    let blank = s.open_id().expect("open").to_owned();
    s.set_zone("Asia/Taipei".into());
    s.open_new(chatgpt_2023_03_20());
    assert!(kv2.get(&draft_key(&blank)).is_none());
}

#[test]
fn two_tabs_editing_different_fields_both_keep_their_edits_without_asking() {
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut a = start(&kv, &env, None);
    let id = a.open_id().expect("open").to_owned();
    a.edit(|d| d.summary = "Start".into());
    a.flush();
    let mut b = start(&kv, &env, Some(&id));
    b.edit(|d| d.impact.description = "Impact from B".into());
    b.flush();
    // A missed B's storage event (a suspended tab): its write finds the newer revision.
    a.edit(|d| d.summary = "Summary from A".into());
    let generation = a.generation();
    a.flush();
    assert!(!a.in_conflict(), "{:?}", a.alert());
    assert_eq!(a.save_state(), SaveState::Saved);
    assert!(a.generation() > generation, "the form shows B's impact");
    assert_eq!(a.doc().impact.description, "Impact from B");
    let stored = start(&kv, &env, Some(&id));
    assert_eq!(summary(&stored), "Summary from A");
    assert_eq!(stored.doc().impact.description, "Impact from B");

    // The storage event path merges the same way: B gets A's summary with its own title.
    b.edit(|d| d.header.title = "Title from B".into());
    b.other_tab_wrote(&id, kv.get(&draft_key(&id)));
    assert!(!b.in_conflict());
    assert_eq!(summary(&b), "Summary from A");
    assert_eq!(b.doc().header.title, "Title from B");
    b.flush();
    let stored = start(&kv, &env, Some(&id));
    assert_eq!(stored.doc().header.title, "Title from B");
    assert_eq!(summary(&stored), "Summary from A");
}

#[test]
fn two_tabs_editing_the_same_field_ask_and_the_choice_is_kept_per_field() {
    use hindsight_core::merge::Side;
    let (kv, env) = (FaultyKv::new(), TestEnv::default());
    let mut a = start_stored(&kv, &env);
    let id = a.open_id().expect("open").to_owned();
    let mut b = start(&kv, &env, Some(&id));
    b.edit(|d| {
        d.summary = "B's summary".into();
        d.header.title = "B's title".into();
    });
    b.flush();
    a.edit(|d| {
        d.summary = "A's summary".into();
        d.header.title = "A's title".into();
        d.impact.description = "A's impact".into();
    });
    a.flush();
    assert!(a.in_conflict());
    let pending = a.merging().expect("asks");
    let places: Vec<String> = pending
        .merged
        .conflicts
        .iter()
        .map(|c| c.place().get(Language::En).to_owned())
        .collect();
    assert_eq!(places, ["Title", "Summary"]);
    assert_eq!(
        pending.merged.conflicts[1].mine.get(Language::En),
        "A's summary"
    );
    assert_eq!(
        pending.merged.conflicts[1].theirs.get(Language::En),
        "B's summary"
    );
    assert_eq!(a.save_state(), SaveState::NotSaved);
    // Title: theirs; Summary: mine. A's impact, changed on one side only, stays.
    a.resolve_merge(&[Side::Theirs, Side::Mine]);
    assert!(!a.in_conflict());
    assert_eq!(a.save_state(), SaveState::Saved);
    let stored = start(&kv, &env, Some(&id));
    assert_eq!(stored.doc().header.title, "B's title");
    assert_eq!(summary(&stored), "A's summary");
    assert_eq!(stored.doc().impact.description, "A's impact");
}
