//! `hindsight check`: the app's review of every postmortem found, each one's other
//! postmortems being the rest of the run (so an earlier incident's open action items are
//! found as the app finds them among drafts).

use hindsight_core::review::{group, is_dismissed, review, Level, OtherDraft};
use hindsight_core::{Language, Postmortem, Text};

use crate::files::Found;
use crate::read::Read;
use crate::repo::read_all;
use crate::words;

/// What an item of the output is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A finding of level Problem.
    Problem,
    /// A finding of level Suggestion.
    Suggestion,
    /// A file that could not be read.
    Error,
    /// A file that is not a postmortem.
    Note,
}

impl Kind {
    /// Its name in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Problem => "problem",
            Kind::Suggestion => "suggestion",
            Kind::Error => "error",
            Kind::Note => "note",
        }
    }

    /// Its name for people.
    pub fn word(self, lang: Language) -> &'static str {
        match self {
            Kind::Problem => Level::Problem.words().get(lang),
            Kind::Suggestion => Level::Suggestion.words().get(lang),
            Kind::Error => words::LEVEL_ERROR.get(lang),
            Kind::Note => words::LEVEL_NOTE.get(lang),
        }
    }
}

/// One thing to report about one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The file, as printed.
    pub file: String,
    /// Its line, from 1.
    pub line: usize,
    /// What it is.
    pub kind: Kind,
    /// The check's id (`root-cause-missing`), or `unreadable` or `not-a-postmortem`.
    pub check: String,
    /// The check's title, in the language asked for.
    pub title: String,
    /// The message, in the language asked for.
    pub message: String,
    /// Whether the document dismisses the finding.
    pub dismissed: bool,
}

/// Everything `check` found, and its counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Findings, errors and notes, file by file in the order found, each file's findings in
    /// the review's order.
    pub items: Vec<Item>,
    /// Postmortems read.
    pub postmortems: usize,
    /// Open problems.
    pub problems: usize,
    /// Open suggestions.
    pub suggestions: usize,
    /// Dismissed findings.
    pub dismissed: usize,
    /// Files that could not be read.
    pub unreadable: usize,
    /// Files that are not postmortems.
    pub not_postmortems: usize,
}

impl Report {
    /// Whether the run fails: an open problem, or a file that could not be read.
    pub fn fails(&self) -> bool {
        self.problems > 0 || self.unreadable > 0
    }

    /// The closing line, in both languages.
    pub fn summary(&self) -> Text {
        if self.postmortems + self.unreadable + self.not_postmortems == 0 {
            return words::NOTHING_FOUND.into();
        }
        let n = [
            self.postmortems,
            self.problems,
            self.suggestions,
            self.dismissed,
            self.unreadable,
            self.not_postmortems,
        ]
        .map(|n| n.to_string());
        let args: Vec<&str> = n.iter().map(String::as_str).collect();
        Text::new(words::SUMMARY, &args)
    }
}

/// Reviews every file found. `today` is `YYYY-MM-DD`; times written without a zone in
/// files written elsewhere are read in `zone`.
pub fn check(found: &[Found], zone: &str, today: &str, lang: Language) -> Report {
    let files = read_all(found, zone);
    let docs: Vec<(usize, &Postmortem)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.doc()?)))
        .collect();
    let mut report = Report::default();
    let mut others: Vec<OtherDraft> = Vec::with_capacity(docs.len());
    for (i, file) in files.iter().enumerate() {
        let shown = &file.found.shown;
        let plain = |kind: Kind, check: &str, title: &Text, message: &Text| Item {
            file: shown.clone(),
            line: 1,
            kind,
            check: check.to_owned(),
            title: title.get(lang).to_owned(),
            message: message.get(lang).to_owned(),
            dismissed: false,
        };
        let doc = match &file.read {
            Read::Failed(why) => {
                report.unreadable += 1;
                let title = words::UNREADABLE_TITLE.into();
                report
                    .items
                    .push(plain(Kind::Error, "unreadable", &title, why));
                continue;
            }
            Read::NotAPostmortem(why) => {
                report.not_postmortems += 1;
                let title = words::NOT_A_POSTMORTEM_TITLE.into();
                report
                    .items
                    .push(plain(Kind::Note, "not-a-postmortem", &title, why));
                continue;
            }
            Read::Doc { doc, .. } => doc.as_ref(),
        };
        report.postmortems += 1;
        others.clear();
        others.extend(
            docs.iter()
                .filter(|(j, _)| *j != i)
                .map(|(j, d)| OtherDraft {
                    id: files[*j].found.shown.as_str(),
                    doc: d,
                }),
        );
        let locator = file.locator();
        // As the app's panel shows them: one check's findings on several action items are
        // one, grouped among the open findings and among the dismissed ones apart.
        let (dismissed, open): (Vec<_>, Vec<_>) = review(doc, today, &others)
            .into_iter()
            .partition(|f| is_dismissed(doc, f));
        let findings = group(open)
            .into_iter()
            .map(|f| (false, f))
            .chain(group(dismissed).into_iter().map(|f| (true, f)));
        for (dismissed, finding) in findings {
            let kind = match finding.level {
                Level::Problem => Kind::Problem,
                Level::Suggestion => Kind::Suggestion,
            };
            match (dismissed, kind) {
                (true, _) => report.dismissed += 1,
                (false, Kind::Problem) => report.problems += 1,
                (false, _) => report.suggestions += 1,
            }
            report.items.push(Item {
                file: shown.clone(),
                line: locator.as_ref().map_or(1, |l| l.line(finding.target)),
                kind,
                check: finding.check.id().to_owned(),
                title: finding.title(lang).to_owned(),
                message: finding.message.get(lang).to_owned(),
                dismissed,
            });
        }
    }
    report
}
