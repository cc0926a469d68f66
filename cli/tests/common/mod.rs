//! Helpers shared by the command line's tests: running the built binary, goldens, and the
//! fixture repository's Hindsight documents.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use hindsight_core::example::{chatgpt_2023_03_20, chatgpt_2023_03_20_zh};
use hindsight_core::*;

/// The date every golden run counts from.
pub const TODAY: &str = "2026-12-07";

/// What a run of the binary did.
#[derive(Debug)]
pub struct Outcome {
    /// Its exit code.
    pub code: i32,
    /// What it printed on standard output.
    pub stdout: String,
    /// What it printed on standard error.
    pub stderr: String,
}

impl Outcome {
    /// Exit code, standard output and standard error as one text, for a golden.
    pub fn golden_text(&self) -> String {
        format!(
            "exit code: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// The built `hindsight` binary.
///
/// The command line's binary, checked to be it (it answers `--version` as the command
/// line does) before any test trusts its output.
pub fn bin() -> &'static str {
    static CHECKED: OnceLock<()> = OnceLock::new();
    let path = env!("CARGO_BIN_EXE_hindsight");
    CHECKED.get_or_init(|| {
        let out = Command::new(path).arg("--version").output().expect("runs");
        let version = String::from_utf8_lossy(&out.stdout);
        assert!(
            version.starts_with("hindsight "),
            "{path} is not the command line's binary (it printed {version:?})"
        );
    });
    path
}

/// Runs the binary with `args` in `dir`, in UTC (as GitHub's runners are), so times written
/// without a zone read the same on every machine.
pub fn run_in(dir: &Path, args: &[&str]) -> Outcome {
    let out = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("TZ", "UTC")
        .env_remove("TZDIR")
        .output()
        .expect("the binary runs");
    Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// The crate's folder.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture repository: a team's repository with its postmortems under `postmortems/`.
pub fn repo() -> PathBuf {
    crate_dir().join("tests/fixtures/repo")
}

/// Compares `actual` with `tests/goldens/{name}`; with `UPDATE_GOLDENS` set, rewrites it
/// first (review the diff before committing: a golden blessed blindly proves nothing).
pub fn golden(name: &str, actual: &str) {
    let path = crate_dir().join("tests/goldens").join(name);
    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("creates goldens");
        std::fs::write(&path, actual).expect("writes golden");
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden {}", path.display()));
    assert_eq!(
        actual, expected,
        "{name} differs from its golden; rerun with UPDATE_GOLDENS=1 and review the diff"
    );
}

/// Reads a fixture as the app would, with the core alone.
pub fn read_with_the_core(path: &Path) -> Option<Postmortem> {
    use hindsight_core::import::{import_any_markdown, import_json, MarkdownImport};
    let text = std::fs::read_to_string(path).ok()?;
    if path.extension().is_some_and(|e| e == "json") {
        return import_json(&text).ok();
    }
    match import_any_markdown(&text, "UTC", &hindsight_cli::zones::offset_at).ok()? {
        MarkdownImport::Hindsight(doc) | MarkdownImport::HindsightBody(doc) => Some(doc),
        MarkdownImport::Foreign(imp) => Some(imp.doc),
    }
}

/// The commands of the CI workflows in `docs/ci.md` that call `hindsight` (a GitHub
/// `run: hindsight …` step, a GitLab `- hindsight …` script line), each as its arguments.
pub fn ci_commands() -> Vec<Vec<String>> {
    let doc = std::fs::read_to_string(crate_dir().join("../docs/ci.md")).expect("docs/ci.md");
    doc.lines()
        .map(str::trim)
        .filter_map(|l| {
            l.strip_prefix("run: hindsight ")
                .or_else(|| l.strip_prefix("- hindsight "))
        })
        .map(|l| l.split_whitespace().map(str::to_owned).collect())
        .collect()
}

/// A fresh empty folder under the system's temporary folder.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hindsight-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creates a temporary folder");
    dir
}

/// How a Hindsight document is written into the fixture repository.
pub enum Written {
    /// The Markdown export, front matter and all.
    Markdown,
    /// The Markdown without its front matter, as "Copy Markdown" gives it.
    Body,
    /// The JSON export.
    Json,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn renamed(mut doc: Postmortem, id: &str, title: &str, date: &str) -> Postmortem {
    doc.header.incident_id = id.into();
    doc.header.title = title.into();
    doc.header.incident_date = date.into();
    doc.header.review_meeting.clear();
    doc
}

/// The Hindsight documents of the fixture repository, each with how it is written: the
/// worked example in both languages, and edits of it that make the review find something
/// different in each.
pub fn hindsight_documents() -> Vec<(Postmortem, Written)> {
    let en = chatgpt_2023_03_20;
    let zh = chatgpt_2023_03_20_zh;
    let mut out = vec![(en(), Written::Markdown), (zh(), Written::Markdown)];

    // Blame: a person as the root cause, and blaming, emotional words.
    let mut d = renamed(
        en(),
        "INC-2024-0105",
        "Checkout failed after a hand-edited config",
        "2024-01-05",
    );
    d.causes.root_causes = "Bob forgot to run the migration before the deploy. Human error.".into();
    d.summary = "Checkout failed for 40 minutes because of a careless mistake. \
        This was a disaster."
        .into();
    out.push((d, Written::Markdown));

    // An earlier incident whose action items are still open (one overdue).
    let mut d = renamed(
        en(),
        "INC-2024-0215",
        "Cache stampede after a deploy",
        "2024-02-15",
    );
    d.header.tags = strings(&["cache", "deploy"]);
    for (i, a) in d.action_items.iter_mut().enumerate() {
        a.done = false;
        a.due_date = if i % 2 == 0 {
            "2026-06-30"
        } else {
            "2027-01-31"
        }
        .into();
    }
    out.push((d, Written::Markdown));

    // A later incident naming it in Recurrence: its open actions are a problem.
    let mut d = renamed(en(), "INC-2026-1101", "Cache stampede again", "2026-11-01");
    d.header.status = Status::InReview;
    d.header.tags = strings(&["cache"]);
    d.causes.recurrence = "Same cause as INC-2024-0215 (cache stampede after a deploy).".into();
    out.push((d, Written::Markdown));

    // Another sharing only a tag with it: a suggestion.
    let mut d = renamed(en(), "INC-2026-1120", "Deploy queue stalled", "2026-11-20");
    d.header.tags = strings(&["deploy"]);
    d.causes.recurrence.clear();
    out.push((d, Written::Markdown));

    // Action items with no owner and no due date, none of them preventing a recurrence.
    let mut d = renamed(
        en(),
        "INC-2025-0310",
        "Search index fell behind",
        "2025-03-10",
    );
    for a in &mut d.action_items {
        a.owner.clear();
        a.due_date.clear();
        a.kind = Some(ActionType::Process);
    }
    out.push((d, Written::Markdown));

    // A timeline in an impossible order.
    let mut d = renamed(
        en(),
        "INC-2025-0412",
        "Login errors for an hour",
        "2025-04-12",
    );
    if let Some(resolved) = d
        .timeline
        .iter_mut()
        .find(|e| e.kind == EventKind::Resolved)
    {
        resolved.time = Timestamp::parse_rfc3339("2023-03-19T22:00:00-07:00");
    }
    out.push((d, Written::Markdown));

    // Impact without numbers, and its dismissal in a copy that sets it aside.
    let mut d = renamed(en(), "INC-2025-0520", "Slow dashboards", "2025-05-20");
    d.impact.description = "Dashboards were slow for some users.".into();
    for f in [
        &mut d.impact.users_affected,
        &mut d.impact.failed_requests,
        &mut d.impact.error_budget_consumed,
        &mut d.impact.revenue_impact,
        &mut d.impact.support_tickets,
        &mut d.impact.people_affected,
    ] {
        f.clear();
    }
    d.impact.data_exposed = Some(false);
    out.push((d.clone(), Written::Markdown));
    let mut d = renamed(
        d,
        "INC-2025-0521",
        "Slow dashboards, reviewed",
        "2025-05-21",
    );
    d.dismissed = vec![Dismissal {
        finding: "impact-no-numbers".into(),
        reason: "Nobody measured it; the graphs were lost.".into(),
    }];
    out.push((d, Written::Markdown));

    // The lightweight template, a draft with the essentials only.
    let d = Postmortem {
        template: Template::Lightweight,
        header: Header {
            title: "Nightly backup job skipped a run".into(),
            incident_id: "INC-2026-0601".into(),
            severity: Some(Severity::Sev4),
            incident_date: "2026-06-01".into(),
            time_zone: "Europe/Berlin".into(),
            owner: "Storage team".into(),
            ..Header::default()
        },
        summary: "On 1 June 2026 the nightly backup did not run; no data was lost.".into(),
        impact: Impact {
            description: "One of 30 nightly backups was missing for 24 hours.".into(),
            ..Impact::default()
        },
        causes: Causes {
            root_causes: "The scheduler skipped jobs during the daylight saving change.".into(),
            ..Causes::default()
        },
        action_items: vec![ActionItem {
            action: "Run the backup scheduler in UTC".into(),
            owner: "Storage team".into(),
            due_date: "2026-07-01".into(),
            ..ActionItem::default()
        }],
        ..Postmortem::default()
    };
    out.push((d, Written::Markdown));

    // Hardly started: a title and nothing else.
    let d = Postmortem {
        header: Header {
            title: "Payments outage (draft)".into(),
            incident_date: "2026-12-01".into(),
            ..Header::default()
        },
        ..Postmortem::default()
    };
    out.push((d, Written::Markdown));

    // Data exposed, nobody notified, no customer notice.
    let mut d = renamed(
        en(),
        "INC-2026-0815",
        "Export files readable by other tenants",
        "2026-08-15",
    );
    d.communication.notified.clear();
    d.communication.customer_notice.clear();
    out.push((d, Written::Markdown));

    // A customer notice that shows internal details.
    let mut d = renamed(
        en(),
        "INC-2026-0902",
        "API latency in eu-west",
        "2026-09-02",
    );
    d.communication.customer_notice = "We restarted db-primary-3.internal.example.com \
        (10.2.3.4) and paged #oncall-payments; the API is back to normal."
        .into();
    out.push((d, Written::Markdown));

    // The Chinese twin, blaming a person.
    let mut d = renamed(zh(), "INC-2025-1010", "設定推送後結帳失敗", "2025-10-10");
    d.causes.root_causes = "值班工程師人為疏失，沒有先檢查設定就推送。".into();
    out.push((d, Written::Markdown));

    // The Chinese twin as a draft whose action items have no due date.
    let mut d = renamed(zh(), "INC-2026-1111", "訊息佇列延遲", "2026-11-11");
    d.header.status = Status::Draft;
    for a in &mut d.action_items {
        a.due_date.clear();
    }
    out.push((d, Written::Markdown));

    // Copied without its front matter, and exported as JSON.
    out.push((
        renamed(
            en(),
            "INC-2026-0303",
            "Status page went stale",
            "2026-03-03",
        ),
        Written::Body,
    ));
    let mut d = renamed(
        en(),
        "INC-2026-0404",
        "Webhooks delivered twice",
        "2026-04-04",
    );
    d.action_items[0].done = false;
    d.action_items[0].due_date = "2026-05-01".into();
    out.push((d, Written::Json));
    out
}
