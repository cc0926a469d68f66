//! `hindsight import`: postmortems written elsewhere become Hindsight Markdown, named as the
//! app's export names them, with where each part went on standard error.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};

use common::*;
use hindsight_core::export::file_stem;
use hindsight_core::import::{import_foreign, import_markdown};

const FILES: &[&str] = &[
    "elsewhere/atlassian.md",
    "elsewhere/pagerduty.md",
    "elsewhere/zh-tw.md",
    "elsewhere/sre-book-shakespeare.md",
    "hindsight/2026-06-01-nightly-backup-job-skipped-a-run-inc-2026-0601.md",
    "README.md",
    "broken/latin1.md",
];

/// A folder with the files to import under `in/`, named as in the fixture repository.
fn setup(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    for f in FILES {
        let to = dir.join("in").join(f);
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("creates");
        std::fs::copy(repo().join("postmortems").join(f), to).expect("copies");
    }
    dir
}

fn import(dir: &Path, lang: &str) -> Outcome {
    let mut args = vec!["import"];
    let inputs: Vec<String> = FILES.iter().map(|f| format!("in/{f}")).collect();
    args.extend(inputs.iter().map(String::as_str));
    args.extend(["--out", "out", "--lang", lang]);
    run_in(dir, &args)
}

#[test]
fn import_writes_hindsight_markdown_and_says_where_each_part_went() {
    let dir = setup("import-en");
    let out = import(&dir, "en");
    golden("import.en.txt", &out.golden_text());
    // Not a postmortem, and not UTF-8: nothing written for them, and the run fails.
    assert_eq!(out.code, 1);
    // Each file written is the foreign import's document, as the app's export writes it.
    for f in &FILES[..4] {
        let text = std::fs::read_to_string(dir.join("in").join(f)).expect("reads");
        let imp = import_foreign(&text, "UTC", &hindsight_cli::zones::offset_at).expect("imports");
        let written = dir.join("out").join(format!("{}.md", file_stem(&imp.doc)));
        let back = std::fs::read_to_string(&written)
            .unwrap_or_else(|_| panic!("{} written", written.display()));
        assert_eq!(
            import_markdown(&back).expect("reads back"),
            imp.doc.normalized(),
            "{f}"
        );
        assert!(out
            .stdout
            .contains(&format!("out/{}.md", file_stem(&imp.doc))));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_speaks_traditional_chinese() {
    let dir = setup("import-zh");
    golden("import.zh-TW.txt", &import(&dir, "zh-TW").golden_text());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_never_overwrites_a_file() {
    let dir = setup("import-again");
    assert_eq!(import(&dir, "en").code, 1);
    let written: Vec<PathBuf> = std::fs::read_dir(dir.join("out"))
        .expect("lists")
        .map(|e| e.expect("an entry").path())
        .collect();
    assert_eq!(written.len(), 5);
    std::fs::write(&written[0], "kept").expect("writes");
    let again = import(&dir, "en");
    assert_eq!(again.code, 1);
    assert!(again.stdout.is_empty(), "{}", again.stdout);
    assert_eq!(
        again
            .stderr
            .matches("already exists; it was left as it is.")
            .count(),
        5,
        "{}",
        again.stderr
    );
    assert_eq!(std::fs::read_to_string(&written[0]).expect("reads"), "kept");
    let _ = std::fs::remove_dir_all(&dir);
}
