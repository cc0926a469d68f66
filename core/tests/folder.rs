//! The connected folder, natively: drafts saved as files, a teammate's change pulled into
//! the folder merged back into its draft, a file deleted on disk asked about (issue 21).
//! The app reads and writes the files; here a map of paths stands for the folder.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::TestEnv;

use std::collections::BTreeMap;

use hindsight_core::export::export_markdown;
use hindsight_core::import::{import_any_markdown, MarkdownImport};
use hindsight_core::merge::Side;
use hindsight_core::session::{AlertAction, FileChange, Notice, Session, Start};
use hindsight_core::storage::MemoryKv;
use hindsight_core::*;

type Folder = BTreeMap<String, String>;

fn start(kv: &MemoryKv, env: &TestEnv) -> Session<MemoryKv, TestEnv> {
    Session::start(
        kv.clone(),
        env.clone(),
        Start {
            persistent: true,
            wanted: None,
            zone: "UTC".into(),
            language: Language::En,
        },
    )
}

/// What the app does after a save: writes each file the session asks for.
fn write_files(s: &mut Session<MemoryKv, TestEnv>, folder: &mut Folder) -> Vec<String> {
    s.flush();
    let writes = s.files_to_write();
    let mut paths = Vec::new();
    for w in writes {
        folder.insert(w.path.clone(), w.text.clone());
        s.file_written(&w);
        paths.push(w.path);
    }
    paths
}

fn read(text: &str) -> Postmortem {
    match import_any_markdown(text, "UTC", &|_, _| 0) {
        Ok(MarkdownImport::Hindsight(doc)) => doc,
        other => panic!("not Hindsight's Markdown: {other:?}"),
    }
}

/// A teammate's change to a file, made with Hindsight elsewhere and pulled with Git.
fn teammate(folder: &mut Folder, path: &str, change: impl FnOnce(&mut Postmortem)) {
    let mut doc = read(&folder[path]);
    change(&mut doc);
    folder.insert(path.to_owned(), export_markdown(&doc));
}

fn connected() -> (MemoryKv, TestEnv, Session<MemoryKv, TestEnv>, Folder) {
    let (kv, env) = (MemoryKv::default(), TestEnv::default());
    let mut s = start(&kv, &env);
    s.connect_folder(true, vec!["README.md".into()]);
    (kv, env, s, Folder::new())
}

#[test]
fn a_saved_draft_is_its_markdown_file_and_reads_back_the_same() {
    let (_, _, mut s, mut folder) = connected();
    s.edit(|d| {
        d.header.title = "Checkout down".into();
        d.header.incident_date = "2026-12-01".into();
        d.summary = "Checkout failed for 40 minutes.".into();
    });
    let paths = write_files(&mut s, &mut folder);
    assert_eq!(paths, ["2026-12-01-checkout-down.md"]);
    assert_eq!(read(&folder[&paths[0]]), s.doc().clone().normalized());
    // Nothing changed: nothing to write.
    assert!(write_files(&mut s, &mut folder).is_empty());
    // A new title keeps the file it has: renaming files in a team's repository is theirs
    // to do.
    s.edit(|d| d.header.title = "Checkout down in the EU".into());
    assert_eq!(write_files(&mut s, &mut folder), paths);
    assert!(folder[&paths[0]].contains("Checkout down in the EU"));
}

#[test]
fn an_empty_draft_gets_no_file_and_a_name_taken_gets_a_number() {
    let (_, _, mut s, mut folder) = connected();
    assert!(write_files(&mut s, &mut folder).is_empty(), "untouched");
    s.edit(|d| d.header.title = "README".into());
    s.connect_folder(true, vec!["readme.md".into()]);
    assert_eq!(write_files(&mut s, &mut folder), ["readme-2.md"]);
}

#[test]
fn a_teammates_edit_to_another_field_merges_into_the_open_draft_without_asking() {
    let (_, _, mut s, mut folder) = connected();
    s.edit(|d| {
        d.header.title = "Checkout down".into();
        d.summary = "Checkout failed.".into();
    });
    let path = write_files(&mut s, &mut folder).remove(0);
    teammate(&mut folder, &path, |d| {
        d.impact.description = "1,200 customers".into()
    });
    // Meanwhile this browser edits the summary, not yet saved.
    s.edit(|d| d.summary = "Checkout failed for 40 minutes.".into());
    let generation = s.generation();
    assert_eq!(
        s.file_changed(&path, Some(&folder[&path])),
        FileChange::Merged(s.open_id().expect("open").to_owned())
    );
    assert!(!s.in_conflict());
    assert!(
        s.generation() > generation,
        "the form shows the teammate's impact"
    );
    assert_eq!(s.doc().impact.description, "1,200 customers");
    assert_eq!(s.doc().summary, "Checkout failed for 40 minutes.");
    // Both edits are written back to the file.
    assert_eq!(
        write_files(&mut s, &mut folder),
        std::slice::from_ref(&path)
    );
    let file = read(&folder[&path]);
    assert_eq!(file.impact.description, "1,200 customers");
    assert_eq!(file.summary, "Checkout failed for 40 minutes.");
    // Read again, the file holds what this browser wrote: nothing to do.
    assert_eq!(
        s.file_changed(&path, Some(&folder[&path])),
        FileChange::Unchanged
    );
}

#[test]
fn a_teammates_edit_to_the_same_field_asks_showing_both_and_the_base() {
    let (_, _, mut s, mut folder) = connected();
    s.edit(|d| {
        d.header.title = "Checkout down".into();
        d.summary = "Checkout failed.".into();
    });
    let path = write_files(&mut s, &mut folder).remove(0);
    teammate(&mut folder, &path, |d| {
        d.summary = "Theirs: a config push broke checkout.".into()
    });
    s.edit(|d| d.summary = "Mine: checkout failed for 40 minutes.".into());
    s.flush();
    let id = s.open_id().expect("open").to_owned();
    assert_eq!(
        s.file_changed(&path, Some(&folder[&path])),
        FileChange::Asks(id)
    );
    let pending = s.merging().expect("asks");
    assert_eq!(pending.source, session::MergeSource::Folder);
    let c = &pending.merged.conflicts[0];
    assert_eq!(c.place().en, "Summary");
    assert_eq!(c.base.en, "Checkout failed.");
    assert_eq!(c.mine.en, "Mine: checkout failed for 40 minutes.");
    assert_eq!(c.theirs.en, "Theirs: a config push broke checkout.");
    assert_eq!(
        s.alert().map(|a| a.notice.clone()),
        Some(Notice::FolderConflict)
    );
    // Nothing is written while it asks.
    assert!(write_files(&mut s, &mut folder).is_empty());
    s.resolve_merge(&[Side::Theirs]);
    assert_eq!(
        write_files(&mut s, &mut folder),
        Vec::<String>::new(),
        "the file already holds it"
    );
    assert_eq!(s.doc().summary, "Theirs: a config push broke checkout.");
}

#[test]
fn a_draft_not_open_takes_its_files_changes() {
    let (kv, env, mut s, mut folder) = connected();
    s.edit(|d| d.header.title = "First".into());
    let first_path = write_files(&mut s, &mut folder).remove(0);
    let first = s.open_id().expect("open").to_owned();
    s.create(Template::Full, Language::En, "UTC".into());
    s.edit(|d| d.header.title = "Second".into());
    write_files(&mut s, &mut folder);
    teammate(&mut folder, &first_path, |d| {
        d.summary = "Pulled from Git".into()
    });
    assert_eq!(
        s.file_changed(&first_path, Some(&folder[&first_path])),
        FileChange::Taken(first.clone())
    );
    let stored = start(&kv, &env)
        .store()
        .load(&first)
        .expect("stored")
        .expect("readable");
    assert_eq!(stored.doc.summary, "Pulled from Git");
    assert!(
        write_files(&mut s, &mut folder).is_empty(),
        "the file is not rewritten"
    );
}

#[test]
fn a_file_deleted_on_disk_asks_before_its_draft_goes() {
    let (_, _, mut s, mut folder) = connected();
    s.edit(|d| d.header.title = "Gone from Git".into());
    let path = write_files(&mut s, &mut folder).remove(0);
    let id = s.open_id().expect("open").to_owned();
    folder.remove(&path);
    assert_eq!(s.file_changed(&path, None), FileChange::Deleted(id.clone()));
    let alert = s.alert().expect("asks");
    assert_eq!(alert.notice, Notice::DeletedFromFolder(path.clone()));
    assert_eq!(
        alert.actions,
        [AlertAction::KeepDraft, AlertAction::DeleteDraft]
    );
    assert!(
        s.summaries().iter().any(|d| d.id == id),
        "nothing deleted without asking"
    );
    // Keeping it keeps the draft, without its file; its next save makes a new one.
    s.answer_deleted(true, Language::En, "UTC".into());
    assert!(s.link_of(&id).is_none());
    s.edit(|d| d.summary = "Still here".into());
    assert_eq!(
        write_files(&mut s, &mut folder),
        std::slice::from_ref(&path)
    );
    // Deleting it deletes the draft, with Undo.
    folder.remove(&path);
    s.file_changed(&path, None);
    s.answer_deleted(false, Language::En, "UTC".into());
    assert!(!s.summaries().iter().any(|d| d.id == id));
    assert!(!s.undo_stack().is_empty());
}

#[test]
fn links_outlive_the_session() {
    let (kv, env, mut s, mut folder) = connected();
    s.edit(|d| d.header.title = "Kept".into());
    let path = write_files(&mut s, &mut folder).remove(0);
    let id = s.open_id().expect("open").to_owned();
    let mut again = start(&kv, &env);
    again.connect_folder(true, folder.keys().cloned().collect());
    assert_eq!(
        again.link_of(&id).map(|l| l.path.clone()),
        Some(path.clone())
    );
    teammate(&mut folder, &path, |d| d.summary = "After a reload".into());
    assert_eq!(
        again.file_changed(&path, Some(&folder[&path])),
        FileChange::Merged(id)
    );
    assert_eq!(again.doc().summary, "After a reload");
}

#[test]
fn a_hindsight_file_of_the_folder_opens_as_a_draft_saved_as_that_file() {
    let (_, _, mut s, mut folder) = connected();
    let mut doc = example::chatgpt_2023_03_20();
    doc.header.title = "From a teammate".into();
    let text = export_markdown(&doc);
    folder.insert("team/from-a-teammate.md".into(), text.clone());
    s.open_from_folder("team/from-a-teammate.md", &text, read(&text));
    let id = s.open_id().expect("open").to_owned();
    assert_eq!(
        s.link_of(&id).map(|l| l.path.as_str()),
        Some("team/from-a-teammate.md")
    );
    assert!(
        write_files(&mut s, &mut folder).is_empty(),
        "nothing new to write"
    );
    s.edit(|d| d.summary = "Edited here".into());
    assert_eq!(
        write_files(&mut s, &mut folder),
        ["team/from-a-teammate.md"]
    );
    // Opening the same file again opens the same draft.
    s.create(Template::Full, Language::En, "UTC".into());
    s.open_from_folder(
        "team/from-a-teammate.md",
        &folder["team/from-a-teammate.md"],
        read(&text),
    );
    assert_eq!(s.open_id(), Some(id.as_str()));
    // Deleting the draft here removes its file too.
    s.delete(&id, Language::En, "UTC".into());
    assert_eq!(s.files_to_remove(), ["team/from-a-teammate.md"]);
    assert!(s.link_of(&id).is_none());
}
