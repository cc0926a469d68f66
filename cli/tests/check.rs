//! `hindsight check` over a fixture repository of postmortems: goldens of every output
//! form, the same findings as the core's review, exit codes, GitHub's workflow commands,
//! broken files and the CI workflow of `docs/ci.md`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;
use hindsight_core::error::MAX_IMPORT_BYTES;
use hindsight_core::export::{export_json, export_markdown, export_markdown_body, file_stem};
use hindsight_core::review::{group, is_dismissed, review, Finding, Level, OtherDraft};
use hindsight_core::{Language, Postmortem};
use serde_json::Value;

const POSTMORTEMS: &str = "postmortems";

fn check(args: &[&str]) -> Outcome {
    let mut all = vec!["check", POSTMORTEMS, "--today", TODAY];
    all.extend_from_slice(args);
    run_in(&repo(), &all)
}

#[test]
fn the_fixture_repository_holds_what_the_core_exports() {
    let dir = repo().join("postmortems/hindsight");
    let mut expected: BTreeMap<String, String> = BTreeMap::new();
    for (doc, written) in hindsight_documents() {
        let (ext, text) = match written {
            Written::Markdown => ("md", export_markdown(&doc)),
            Written::Body => ("md", export_markdown_body(&doc)),
            Written::Json => ("json", export_json(&doc)),
        };
        let name = format!("{}.{ext}", file_stem(&doc));
        assert!(
            expected.insert(name.clone(), text).is_none(),
            "{name} twice"
        );
    }
    // A Hindsight export from a newer version, which this one refuses to read.
    let newer = export_markdown(&hindsight_documents()[0].0).replacen(
        &format!("schema_version: {}", hindsight_core::SCHEMA_VERSION),
        "schema_version: 99",
        1,
    );
    let newer_path = repo().join("postmortems/broken/newer-schema.md");
    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("creates the folder");
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).expect("writes a fixture");
        }
        std::fs::write(&newer_path, &newer).expect("writes a fixture");
    }
    let mut actual: BTreeMap<String, String> = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("lists the fixtures") {
        let entry = entry.expect("an entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(entry.path()).expect("reads a fixture");
        actual.insert(name, text);
    }
    assert_eq!(
        actual.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "rerun with UPDATE_GOLDENS=1"
    );
    for (name, text) in &expected {
        assert_eq!(&actual[name], text, "{name}: rerun with UPDATE_GOLDENS=1");
    }
    assert_eq!(std::fs::read_to_string(newer_path).expect("reads"), newer);
}

#[test]
fn the_repository_has_at_least_thirty_postmortems_of_every_kind() {
    let json = check(&["--format", "json"]);
    let items: Vec<Value> = serde_json::from_str(&json.stdout).expect("JSON");
    let summary = json.stderr.trim();
    // "Checked 33 postmortems: …"
    let n: usize = summary
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count in {summary:?}"));
    assert!(n >= 30, "{summary}");
    for level in ["problem", "suggestion", "error", "note"] {
        assert!(
            items.iter().any(|i| i["level"] == level),
            "no {level} in the fixture repository"
        );
    }
    assert!(items.iter().any(|i| i["dismissed"] == true));
}

#[test]
fn check_prints_its_golden_as_text() {
    golden("check.text.txt", &check(&[]).golden_text());
}

#[test]
fn check_prints_its_golden_as_github_annotations() {
    golden(
        "check.github.txt",
        &check(&["--format", "github"]).golden_text(),
    );
}

#[test]
fn check_prints_its_golden_as_json() {
    golden(
        "check.json.txt",
        &check(&["--format", "json"]).golden_text(),
    );
}

#[test]
fn check_prints_its_golden_in_traditional_chinese() {
    golden(
        "check.zh-TW.txt",
        &check(&["--lang", "zh-TW"]).golden_text(),
    );
}

#[test]
fn every_postmortem_gets_exactly_the_findings_of_the_cores_review() {
    let out = check(&["--format", "json"]);
    let items: Vec<Value> = serde_json::from_str(&out.stdout).expect("JSON");
    let mut by_file: BTreeMap<String, Vec<&Value>> = BTreeMap::new();
    for i in &items {
        let file = i["file"].as_str().expect("a file").to_owned();
        by_file.entry(file).or_default().push(i);
    }
    // The postmortems as the core reads them: every item of theirs is a finding.
    let mut docs: Vec<(String, Postmortem)> = Vec::new();
    for (file, items) in &by_file {
        if items
            .iter()
            .any(|i| i["level"] == "error" || i["level"] == "note")
        {
            assert_eq!(items.len(), 1, "{file}: an error or a note comes alone");
            continue;
        }
        let doc = read_with_the_core(&repo().join(file))
            .unwrap_or_else(|| panic!("{file} reads with the core"));
        docs.push((file.clone(), doc));
    }
    // Every postmortem of the fixture with a finding (one has none since a shared tag alone
    // no longer says "same cause").
    assert!(docs.len() >= 29);
    for (file, doc) in &docs {
        let others: Vec<OtherDraft> = docs
            .iter()
            .filter(|(f, _)| f != file)
            .map(|(f, d)| OtherDraft { id: f, doc: d })
            .collect();
        // Grouped as the app's panel shows them: the open findings, then the dismissed ones.
        let (dismissed, open): (Vec<Finding>, Vec<Finding>) = review(doc, TODAY, &others)
            .into_iter()
            .partition(|f| is_dismissed(doc, f));
        let expected: Vec<(String, String, String, &str, bool)> = group(open)
            .iter()
            .chain(&group(dismissed))
            .map(|f| {
                (
                    f.check.id().to_owned(),
                    f.title(Language::En).to_owned(),
                    f.message.en.clone(),
                    match f.level {
                        Level::Problem => "problem",
                        Level::Suggestion => "suggestion",
                    },
                    is_dismissed(doc, f),
                )
            })
            .collect();
        let printed: Vec<(String, String, String, &str, bool)> = by_file[file]
            .iter()
            .map(|i| {
                (
                    i["check"].as_str().unwrap_or_default().to_owned(),
                    i["title"].as_str().unwrap_or_default().to_owned(),
                    i["message"].as_str().unwrap_or_default().to_owned(),
                    i["level"].as_str().unwrap_or_default(),
                    i["dismissed"] == true,
                )
            })
            .collect();
        assert_eq!(printed, expected, "{file}");
    }
    // Files with no finding at all print nothing: the summary counts them.
    assert!(out
        .stderr
        .contains(&format!("Checked {} postmortems", count_postmortems(&out))));
}

fn count_postmortems(out: &Outcome) -> usize {
    out.stderr
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// A workflow command as GitHub reads it: its name, its properties and its message.
type Command<'a> = (&'a str, Vec<(&'a str, &'a str)>, &'a str);

/// A workflow command as GitHub reads it: `::command key=value,…::message`.
fn parse_command(line: &str) -> Option<Command<'_>> {
    let rest = line.strip_prefix("::")?;
    let (head, message) = rest.split_once("::")?;
    let (command, props) = head.split_once(' ')?;
    let props = props
        .split(',')
        .map(|p| p.split_once('='))
        .collect::<Option<Vec<_>>>()?;
    Some((command, props, message))
}

#[test]
fn github_annotations_are_workflow_commands_with_file_line_and_title() {
    let out = check(&["--format", "github"]);
    assert_eq!(out.code, 1);
    assert!(!out.stdout.is_empty());
    for line in out.stdout.lines() {
        let (command, props, message) =
            parse_command(line).unwrap_or_else(|| panic!("not a workflow command: {line}"));
        assert!(["error", "warning", "notice"].contains(&command), "{line}");
        let keys: Vec<&str> = props.iter().map(|p| p.0).collect();
        assert_eq!(keys, ["file", "line", "title"], "{line}");
        let file = props[0].1;
        assert!(file.starts_with("postmortems/"), "{line}");
        assert!(repo().join(file).exists() || file.contains('%'), "{line}");
        let n: usize = props[1].1.parse().unwrap_or_else(|_| panic!("{line}"));
        assert!(n >= 1);
        for (_, value) in &props {
            assert!(!value.contains(':') && !value.contains('\r'), "{line}");
        }
        assert!(!message.is_empty() && !message.contains('\r'), "{line}");
    }
    // Problems and unreadable files are errors, suggestions warnings, the rest notices.
    let text = check(&[]);
    let errors = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error"))
        .count();
    let problems = text
        .stdout
        .lines()
        .filter(|l| l.contains(": Problem: "))
        .count();
    let unreadable = text
        .stdout
        .lines()
        .filter(|l| l.contains(": Error: "))
        .count();
    assert_eq!(errors, problems + unreadable);
    assert!(out.stdout.contains(
        "::error file=postmortems/broken/latin1.md,line=1,title=The file cannot be read::The file is not UTF-8 text."
    ));
    assert!(out
        .stdout
        .contains("::notice file=postmortems/README.md,line=1,title=Not a postmortem::"));
}

#[test]
fn a_finding_points_at_the_line_of_what_it_is_about() {
    let out = check(&["--format", "json"]);
    let items: Vec<Value> = serde_json::from_str(&out.stdout).expect("JSON");
    let line_of = |file: &str, check: &str| -> String {
        let item = items
            .iter()
            .find(|i| i["file"] == file && i["check"] == check)
            .unwrap_or_else(|| panic!("{check} in {file}"));
        let n = item["line"].as_u64().expect("a line") as usize;
        let text = std::fs::read_to_string(repo().join(file)).expect("reads");
        text.lines().nth(n - 1).unwrap_or_default().to_owned()
    };
    let blame = "postmortems/hindsight/2024-01-05-checkout-failed-after-a-hand-edited-config-inc-2024-0105.md";
    assert_eq!(line_of(blame, "root-cause-person"), "### Root causes");
    let overdue = "postmortems/hindsight/2024-02-15-cache-stampede-after-a-deploy-inc-2024-0215.md";
    assert!(line_of(overdue, "action-overdue").starts_with("| Test the redis-py fix"));
    let order = "postmortems/hindsight/2025-04-12-login-errors-for-an-hour-inc-2025-0412.md";
    assert!(line_of(order, "timeline-order").starts_with("| "));
    let foreign = "postmortems/elsewhere/google-sre.md";
    assert!(
        line_of(foreign, "action-no-due").contains("|"),
        "a row of its table"
    );
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("creates");
    std::fs::write(path, bytes).expect("writes");
}

#[test]
fn exit_codes_say_whether_a_problem_remains() {
    let dir = temp_dir("exit");
    // The worked example with one action item still open: a suggestion, no problem.
    let mut open = hindsight_core::example::chatgpt_2023_03_20();
    open.action_items[0].done = false;
    open.action_items[0].due_date = "2099-01-01".into();
    let example = export_markdown(&open);
    write(&dir.join("clean/example.md"), example.as_bytes());
    let clean = run_in(&dir, &["check", "clean", "--today", TODAY]);
    assert_eq!(clean.code, 0, "suggestions only: {}", clean.golden_text());
    assert!(clean.stdout.contains(": Suggestion: "));

    // A problem fails the run; dismissed, it does not.
    let mut doc = open;
    doc.action_items[0].owner.clear();
    write(&dir.join("problem/a.md"), export_markdown(&doc).as_bytes());
    assert_eq!(
        run_in(&dir, &["check", "problem", "--today", TODAY]).code,
        1
    );
    doc.dismissed.push(hindsight_core::Dismissal {
        finding: "action-no-owner@action:1".into(),
        reason: "The owner is the whole team.".into(),
    });
    write(
        &dir.join("dismissed/a.md"),
        export_markdown(&doc).as_bytes(),
    );
    let dismissed = run_in(&dir, &["check", "dismissed", "--today", TODAY]);
    assert_eq!(dismissed.code, 0, "{}", dismissed.golden_text());
    assert!(!dismissed.stdout.contains("action-no-owner"));
    assert!(
        dismissed.stderr.contains("1 dismissed"),
        "{}",
        dismissed.stderr
    );

    // Paths are shown from where the command runs, as GitHub names files.
    let dotted = run_in(&dir, &["check", "./clean/", "--today", TODAY]);
    assert_eq!(dotted.stdout, clean.stdout);

    // Nothing to check is no failure.
    std::fs::create_dir_all(dir.join("nothing")).expect("creates");
    let nothing = run_in(&dir, &["check", "nothing"]);
    assert_eq!(nothing.code, 0);
    assert!(nothing.stderr.contains("No postmortems found"));

    // Using it wrongly is 2, said on standard error, with nothing on standard output.
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--today", "07/12/2026"],
        &["check", "--frobnicate"],
        &["check", "no-such-folder"],
        &["lint"],
        &[],
        &["import", "a.md"],
    ] {
        let out = run_in(&dir, args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.golden_text());
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            out.stderr.starts_with("hindsight: "),
            "{args:?}: {}",
            out.stderr
        );
    }
    let help = run_in(&dir, &["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("hindsight check"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_file_is_one_clear_line_and_never_stops_the_others() {
    let dir = temp_dir("broken");
    let mut open = hindsight_core::example::chatgpt_2023_03_20();
    open.action_items[0].done = false;
    open.action_items[0].due_date = "2099-01-01".into();
    let example = export_markdown(&open);
    // Larger than the core reads: made here, never committed.
    let mut huge = example.clone().into_bytes();
    while huge.len() <= MAX_IMPORT_BYTES {
        huge.extend_from_slice(b"\nMore supporting information, again and again.");
    }
    write(&dir.join("a-huge.md"), &huge);
    write(&dir.join("b-fine.md"), example.as_bytes());
    write(&dir.join("c-binary.json"), &[0xff, 0xfe, 0x00, 0x7b]);
    let out = run_in(&dir, &["check", ".", "--today", TODAY]);
    assert_eq!(out.code, 1, "{}", out.golden_text());
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "a-huge.md:1: Error: The file cannot be read: The file is larger than 5 MiB; Hindsight documents are far smaller. [unreadable]"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("b-fine.md:")),
        "the others are checked"
    );
    assert_eq!(
        lines.last().copied(),
        Some("c-binary.json:1: Error: The file cannot be read: The file is not UTF-8 text. [unreadable]")
    );
    assert!(
        out.stderr.contains("2 files could not be read"),
        "{}",
        out.stderr
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn today_defaults_to_the_local_date() {
    let dir = temp_dir("today");
    let mut doc = hindsight_core::example::chatgpt_2023_03_20();
    doc.action_items[0].done = false;
    doc.action_items[0].due_date = "2000-01-01".into();
    write(&dir.join("a.md"), export_markdown(&doc).as_bytes());
    let today = hindsight_cli::zones::today();
    let with = run_in(&dir, &["check", ".", "--today", &today]);
    let without = run_in(&dir, &["check", "."]);
    assert_eq!(without.golden_text(), with.golden_text());
    assert!(without.stdout.contains("action-overdue"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_ci_workflow_runs_exactly_the_command_tested_here() {
    let checks: Vec<Vec<String>> = ci_commands()
        .into_iter()
        .filter(|c| c[0] == "check")
        .collect();
    let [args] = &checks[..] else {
        panic!("one `hindsight check` in docs/ci.md: {checks:?}");
    };
    assert_eq!(args, &["check", "--format", "github", POSTMORTEMS]);
    // The same command, in the fixture repository, gives the golden (whose date is fixed).
    let mut with_today: Vec<&str> = args.iter().map(String::as_str).collect();
    with_today.extend(["--today", TODAY]);
    let fixed = run_in(&repo(), &with_today);
    let golden_text = std::fs::read_to_string(crate_dir().join("tests/goldens/check.github.txt"))
        .expect("the github golden");
    assert_eq!(fixed.golden_text(), golden_text);
    // And exactly as written there, with today's date: the same lines but for the checks
    // that count from today.
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let now = run_in(&repo(), &args);
    assert_eq!(now.code, 1);
    for line in now.stdout.lines() {
        assert!(parse_command(line).is_some(), "{line}");
    }
}
