//! `hindsight items` over the fixture repository: goldens of every format in both
//! languages, and the Markdown and CSV being exactly the app's exports of the overview's
//! open items.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use hindsight_cli::files::find;
use hindsight_cli::repo::{read_all, summaries};
use hindsight_core::incidents::{
    open_items, open_items_csv, open_items_markdown, Filters, Grouping,
};
use hindsight_core::Language;

fn items(args: &[&str]) -> Outcome {
    let mut all = vec!["items", "postmortems", "--today", TODAY];
    all.extend_from_slice(args);
    run_in(&repo(), &all)
}

#[test]
fn items_prints_its_goldens_in_every_format_and_both_languages() {
    for format in ["text", "markdown", "csv"] {
        for lang in ["en", "zh-TW"] {
            let out = items(&["--format", format, "--lang", lang]);
            assert_eq!(out.code, 0, "{}", out.golden_text());
            golden(&format!("items.{format}.{lang}.txt"), &out.golden_text());
        }
    }
    // Text is the default.
    assert_eq!(items(&[]).stdout, items(&["--format", "text"]).stdout);
}

#[test]
fn markdown_and_csv_are_the_overviews_own_exports() {
    let found = find(&[repo().join("postmortems").display().to_string()]).expect("finds");
    let files = read_all(&found, "UTC");
    let listed = open_items(
        &summaries(&files),
        &Filters::default(),
        Grouping::Owner,
        TODAY,
    );
    assert!(listed.total >= 20 && listed.overdue >= 5, "{listed:?}");
    for (lang, flag) in [(Language::En, "en"), (Language::ZhTw, "zh-TW")] {
        let md = items(&["--format", "markdown", "--lang", flag]);
        assert_eq!(md.stdout, open_items_markdown(&listed, lang));
        let csv = items(&["--format", "csv", "--lang", flag]);
        assert_eq!(csv.stdout, open_items_csv(&listed, lang));
    }
}

#[test]
fn text_lists_overdue_items_first_each_at_its_line() {
    let out = items(&[]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(lines[0].starts_with("Open action items: "), "{}", lines[0]);
    // Every item line names its file and the line of its row, which holds its action.
    // Overdue items come first in each group, and groups with overdue items first.
    let (mut seen_due, mut seen_group_without) = (false, false);
    for line in &lines[1..] {
        if line.is_empty() {
            continue;
        }
        let Some(item) = line.strip_prefix("  ") else {
            seen_due = false;
            let without = line.ends_with(" 0 overdue");
            assert!(
                without || !seen_group_without,
                "{line} after a group with none overdue"
            );
            seen_group_without |= without;
            continue;
        };
        let (place, rest) = item.split_once(": ").expect("file:line: …");
        let (file, n) = place.rsplit_once(':').expect("a line number");
        let n: usize = n.parse().expect("a number");
        let text = std::fs::read_to_string(repo().join(file)).expect("reads");
        let row = text.lines().nth(n - 1).unwrap_or_default();
        let action: String = rest.chars().take(12).collect();
        assert!(
            row.contains(action.trim()) || file.ends_with(".json"),
            "{line}: line {n} is {row:?}"
        );
        let overdue = line.ends_with("Overdue)");
        assert!(!overdue || !seen_due, "overdue after not overdue: {line}");
        seen_due |= !overdue;
    }
    // The files that could not be read are said, and do not fail the run.
    assert_eq!(out.code, 0);
    assert!(out
        .stderr
        .contains("postmortems/broken/latin1.md: The file is not UTF-8 text."));
    assert!(
        out.stderr.contains("4 files could not be read"),
        "{}",
        out.stderr
    );
}
