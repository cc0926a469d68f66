//! How long `hindsight check` and `hindsight site` take over a large repository: 2,000
//! postmortems, written by the core's export from generated documents and edits of the
//! worked example, each command run on one core. The goal is 5 s for each. It reports and
//! never asserts a time; run it with `scripts/bench-cli.sh` (a release build).
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "../../core/tests/documents/mod.rs"]
mod documents;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{bin, temp_dir, TODAY};
use hindsight_core::example::{chatgpt_2023_03_20, chatgpt_2023_03_20_zh};
use hindsight_core::export::export_markdown;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const COUNT: usize = 2000;

#[test]
#[ignore = "a benchmark: run scripts/bench-cli.sh"]
fn check_and_site_of_two_thousand_postmortems_on_one_core() {
    let dir = temp_dir("bench");
    let folder = dir.join("postmortems");
    std::fs::create_dir_all(&folder).expect("creates");
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let strategy = documents::document();
    let tags = [
        "cache", "deploy", "dns", "database", "network", "auth", "billing",
    ];
    let mut bytes = 0;
    for i in 0..COUNT {
        // A quarter are full reports (the worked example, in either language); the rest
        // generated documents with every field holding text Markdown treats specially.
        let mut doc = match i % 8 {
            0 => chatgpt_2023_03_20(),
            4 => chatgpt_2023_03_20_zh(),
            _ => strategy
                .new_tree(&mut runner)
                .expect("a document")
                .current(),
        };
        // Incidents over five years, each with an id and a tag, some naming an earlier one
        // as the same cause, so the check across postmortems has work to do.
        doc.header.incident_id = format!("INC-{i:04}");
        let day = i * 900 / COUNT;
        doc.header.incident_date = format!(
            "{}-{:02}-{:02}",
            2021 + day / 180,
            1 + (day / 15) % 12,
            1 + day % 28
        );
        doc.header.tags = vec![tags[i % tags.len()].to_owned()];
        if i % 3 == 0 && i >= 50 {
            doc.causes.recurrence = format!("Same cause as INC-{:04}.", i - 37);
        }
        let text = export_markdown(&doc);
        bytes += text.len();
        std::fs::write(folder.join(format!("{i:04}.md")), text).expect("writes");
    }
    let mb = bytes as f64 / 1e6;
    let check = ["check", "postmortems", "--format", "json", "--today", TODAY];
    let site = ["site", "postmortems", "--out", "public", "--today", TODAY];
    for args in [&check[..], &site[..]] {
        let (median, summary, one_core) = time(&dir, args);
        eprintln!(
            "hindsight {}: {COUNT} postmortems ({mb:.1} MB) in {median:.2} s (median of 3, {}), goal 5 s\n{summary}",
            args[0],
            if one_core { "one core: taskset -c 0" } else { "taskset not found: all cores" },
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs the binary with `args` in `dir` three times, on one core when `taskset` is there:
/// the median time in seconds, what the last run said on standard error, and whether it ran
/// on one core. The site's folder is emptied before each run, so each writes every page.
fn time(dir: &Path, args: &[&str]) -> (f64, String, bool) {
    let taskset = Command::new("taskset").arg("--version").output().is_ok();
    let mut times: Vec<Duration> = Vec::new();
    let mut summary = String::new();
    for _ in 0..3 {
        let _ = std::fs::remove_dir_all(dir.join("public"));
        let mut cmd = if taskset {
            let mut c = Command::new("taskset");
            c.args(["-c", "0", bin()]);
            c
        } else {
            Command::new(bin())
        };
        cmd.args(args).current_dir(dir).env("TZ", "UTC");
        let start = Instant::now();
        let out = cmd.output().expect("runs");
        times.push(start.elapsed());
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
        summary = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    }
    times.sort();
    (times[1].as_secs_f64(), summary, taskset)
}
