//! Hindsight on the command line: the core's review and importer over a team's repository
//! of postmortems, for people and for CI. No browser: native only.
//!
//! - `hindsight check [PATH…]` reviews every postmortem found (Markdown written by
//!   Hindsight or elsewhere, Hindsight's JSON) with the app's own checks, titles and
//!   messages, each finding with its file and line, as text, GitHub Actions annotations or
//!   JSON. It fails (exit 1) on a problem that is not dismissed or a file that cannot be
//!   read, and says so for a file that is not a postmortem without failing.
//! - `hindsight items [PATH…]` lists the open action items, overdue first, grouped by
//!   owner, as text (each with its file and line), or as the app's Markdown and CSV exports.
//! - `hindsight site [PATH…] --out DIR` writes the postmortems as a static site: an index
//!   per sort order and filter, every report in its own language through the HTML export's
//!   pipeline and policy, the open action items, related incidents and trends, with no
//!   script and relative links only.
//! - `hindsight import FILE… --out DIR` writes postmortems written elsewhere as Hindsight
//!   Markdown, saying where each part went.
//!
//! Time zones: the core asks for a zone's offset at an instant, which the app answers
//! through the browser's `Intl`. Here `jiff` answers from the system's time zone database
//! (`/usr/share/zoneinfo`, or `TZDIR`). The `bundled-tzdb` feature, on by default, also
//! builds a copy of the database into the binary, used only when the system has none (slim
//! CI containers without tzdata): the release binary is 2.0 MB with it and 1.8 MB without
//! (measured on x86-64 Linux, 2026-12). Without it and without a system database, every zone
//! reads as UTC and times written elsewhere in a named zone come out wrong, which is worth
//! 250 KB to avoid. `--no-default-features` leaves it out.

#![forbid(unsafe_code)]

pub mod args;
pub mod check;
pub mod files;
pub mod import;
pub mod items;
pub mod lines;
pub mod output;
pub mod read;
pub mod repo;
pub mod site;
pub mod words;
pub mod zones;

use std::io::Write;
use std::path::Path;

use hindsight_core::{Language, Text};

use args::{Command, Invocation};
use read::Read;
use repo::File;

/// Exit code: nothing to fix.
pub const OK: u8 = 0;
/// Exit code: a problem that is not dismissed, or a file that could not be read or written.
pub const FAILED: u8 = 1;
/// Exit code: the command line was wrong.
pub const USAGE: u8 = 2;

/// Runs the command line `args` (without the program's name), writing to `stdout` and
/// `stderr`, and returns the exit code.
pub fn run(args: &[String], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let usage = |stderr: &mut dyn Write, why: &Text, lang: Language| {
        let _ = writeln!(
            stderr,
            "{}",
            words::USAGE_ERROR.fill(lang, &[why.get(lang)])
        );
        USAGE
    };
    let Invocation {
        command,
        lang,
        zone,
    } = match args::parse(args) {
        Ok(inv) => inv,
        Err((why, lang)) => return usage(stderr, &why, lang),
    };
    let zone = zone.unwrap_or_else(zones::system_zone);
    // The postmortems of the commands that read a repository.
    let found = match command.repository().map(|paths| files::find(&paths)) {
        Some(Ok(found)) => found,
        Some(Err(missing)) => {
            return usage(stderr, &Text::new(words::NO_SUCH_PATH, &[&missing]), lang)
        }
        None => Vec::new(),
    };
    match command {
        Command::Help => {
            let help = match lang {
                Language::En => words::HELP_EN,
                Language::ZhTw => words::HELP_ZH,
            };
            let _ = write!(stdout, "{help}");
            OK
        }
        Command::Version => {
            let _ = writeln!(stdout, "hindsight {}", env!("CARGO_PKG_VERSION"));
            OK
        }
        Command::Check { format, today, .. } => {
            let today = today.unwrap_or_else(zones::today);
            let report = check::check(&found, &zone, &today, lang);
            let _ = output::print(&report, format, lang, stdout);
            let _ = writeln!(stderr, "{}", report.summary().get(lang));
            if report.fails() {
                FAILED
            } else {
                OK
            }
        }
        Command::Items { format, today, .. } => {
            let files = repo::read_all(&found, &zone);
            let today = today.unwrap_or_else(zones::today);
            let _ = items::print(&files, &today, format, lang, stdout);
            say_what_was_read(&files, lang, stderr);
            OK
        }
        Command::Site { out, today, .. } => {
            let files = repo::read_all(&found, &zone);
            let today = today.unwrap_or_else(zones::today);
            let outputs = site::build(&files, &today, lang);
            say_what_was_read(&files, lang, stderr);
            match site::write(Path::new(&out), &outputs) {
                Ok(()) => {
                    let index = Path::new(&out).join("index.html");
                    let _ = writeln!(stdout, "{}", index.display());
                    let n = outputs.len().to_string();
                    let _ = writeln!(stderr, "{}", words::SITE_SUMMARY.fill(lang, &[&n, &out]));
                    OK
                }
                Err(why) => {
                    let _ = writeln!(stderr, "{}", why.get(lang));
                    FAILED
                }
            }
        }
        Command::Import { files, out } => {
            if import::import(&files, Path::new(&out), &zone, lang, stdout, stderr) {
                OK
            } else {
                FAILED
            }
        }
    }
}

/// On standard error: each file that could not be read, with why, then how many
/// postmortems were read and how many files were left out. Neither `items` nor `site`
/// fails for them: the site lists them on its index.
fn say_what_was_read(files: &[File], lang: Language, stderr: &mut dyn Write) {
    let mut counts = [0usize; 3];
    for f in files {
        match &f.read {
            Read::Doc { .. } => counts[0] += 1,
            Read::Failed(why) => {
                counts[1] += 1;
                let line = words::FAILED.fill(lang, &[&f.found.shown, why.get(lang)]);
                let _ = writeln!(stderr, "{line}");
            }
            Read::NotAPostmortem(_) => counts[2] += 1,
        }
    }
    let n = counts.map(|n| n.to_string());
    let _ = writeln!(
        stderr,
        "{}",
        words::READ_SUMMARY.fill(lang, &[&n[0], &n[1], &n[2]])
    );
}
