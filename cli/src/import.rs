//! `hindsight import`: postmortems written elsewhere become Hindsight Markdown files, named
//! as the app's export names them, and the person running it is told where each part of
//! each file went, as the app's "Where each part went" dialog does.

use std::io::Write;
use std::path::Path;

use hindsight_core::export::{export_markdown, file_stem};
use hindsight_core::import::foreign::messages::{NO_HEADING, READ_FROM_TEXT};
use hindsight_core::import::ForeignImport;
use hindsight_core::{Language, Text};

use crate::files::read_text;
use crate::read::{read, How, Read};
use crate::words;

/// Imports each file into `out` (created when missing); the paths written go to `stdout`,
/// and where each part went, and any failure, to `stderr`. Returns whether every file was
/// written. An existing file is never overwritten.
pub fn import(
    files: &[String],
    out: &Path,
    zone: &str,
    lang: Language,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> bool {
    let mut ok = true;
    let say = |stderr: &mut dyn Write, t: Text| {
        let _ = writeln!(stderr, "{}", t.get(lang));
    };
    if let Err(e) = std::fs::create_dir_all(out) {
        let dir = out.display().to_string();
        say(
            stderr,
            Text::new(words::CANNOT_WRITE, &[&dir, &e.to_string()]),
        );
        return false;
    }
    for name in files {
        let text = match read_text(Path::new(name)) {
            Ok(text) => text,
            Err(why) => {
                say(
                    stderr,
                    Text::with(words::FAILED, &[&Text::plain(name), &why]),
                );
                ok = false;
                continue;
            }
        };
        let (doc, how) = match read(name, &text, zone, true) {
            Read::Doc { doc, how } => (doc, how),
            Read::NotAPostmortem(why) => {
                say(
                    stderr,
                    Text::with(words::SKIPPED, &[&Text::plain(name), &why]),
                );
                ok = false;
                continue;
            }
            Read::Failed(why) => {
                say(
                    stderr,
                    Text::with(words::FAILED, &[&Text::plain(name), &why]),
                );
                ok = false;
                continue;
            }
        };
        let target = out.join(format!("{}.md", file_stem(&doc)));
        let shown = target.display().to_string();
        if target.exists() {
            say(stderr, Text::new(words::EXISTS, &[&shown]));
            ok = false;
            continue;
        }
        say(stderr, Text::new(words::WROTE, &[name, &shown]));
        match &how {
            How::Foreign(imp) => where_each_part_went(imp, lang, stderr),
            How::Hindsight | How::Json => say(stderr, words::ALREADY_HINDSIGHT.into()),
        }
        match std::fs::write(&target, export_markdown(&doc)) {
            Ok(()) => {
                let _ = writeln!(stdout, "{shown}");
            }
            Err(e) => {
                say(
                    stderr,
                    Text::new(words::CANNOT_WRITE, &[&shown, &e.to_string()]),
                );
                ok = false;
            }
        }
    }
    ok
}

/// One line per part: its heading as the file writes it, and where it went.
fn where_each_part_went(imp: &ForeignImport, lang: Language, stderr: &mut dyn Write) {
    for part in &imp.parts {
        let heading = if part.heading.is_empty() {
            NO_HEADING.get(lang).to_owned()
        } else {
            part.heading.clone()
        };
        let mut places: Vec<&str> = vec![part.target.label().get(lang)];
        places.extend(part.also.iter().map(|t| t.label().get(lang)));
        let joined = places.join(", ");
        let place = if part.inherited {
            words::FOLLOWED.fill(lang, &[&joined])
        } else {
            joined
        };
        let _ = writeln!(
            stderr,
            "{}",
            words::PART_WENT.fill(lang, &[&heading, &place])
        );
    }
    // Values read from the file's words, with the words, as the dialog shows them.
    for r in &imp.read_from_text {
        let line =
            READ_FROM_TEXT.fill(lang, &[r.field.label(lang), r.value.get(lang), &r.evidence]);
        let _ = writeln!(stderr, "  {line}");
    }
}
