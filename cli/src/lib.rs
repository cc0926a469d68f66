//! Hindsight on the command line: the core's review and importer over a team's repository
//! of postmortems, for people and for CI. No browser: native only.
//!
//! - `hindsight check [PATH…]` reviews every postmortem found (Markdown written by
//!   Hindsight or elsewhere, Hindsight's JSON) with the app's own checks, titles and
//!   messages, each finding with its file and line, as text, GitHub Actions annotations or
//!   JSON. It fails (exit 1) on a problem that is not dismissed or a file that cannot be
//!   read, and says so for a file that is not a postmortem without failing.
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
pub mod lines;
pub mod output;
pub mod read;
pub mod words;
pub mod zones;

use std::io::Write;
use std::path::Path;

use hindsight_core::{Language, Text};

use args::{Command, Invocation};

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
        Command::Check {
            paths,
            format,
            today,
        } => {
            let paths = if paths.is_empty() {
                vec![".".to_owned()]
            } else {
                paths
            };
            let found = match files::find(&paths) {
                Ok(found) => found,
                Err(missing) => {
                    return usage(stderr, &Text::new(words::NO_SUCH_PATH, &[&missing]), lang)
                }
            };
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
        Command::Import { files, out } => {
            if import::import(&files, Path::new(&out), &zone, lang, stdout, stderr) {
                OK
            } else {
                FAILED
            }
        }
    }
}
