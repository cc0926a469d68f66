//! `hindsight site`: a team's postmortems as a static site, built by the same core as the
//! app. Every report is the HTML export's article (the same pipeline, the same policy) in
//! its own language; the index has one page per sort order and per filter (severity,
//! status, year), since the pages run no script; the open action items, related incidents
//! and trends are the app's overview, drawn by the core's `incidents::html`. Files that
//! cannot be read are listed on the index, never fatal.
//!
//! Every link is relative and nothing is loaded, so the site works from a folder, a
//! sub-path or any static host (GitHub Pages, GitLab Pages).

mod lists;
mod overview;
mod page;
mod reports;
pub mod words;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use hindsight_core::export::file_stem;
use hindsight_core::incidents::html::Links;
use hindsight_core::incidents::{related_all, Item, Related, Summary};
use hindsight_core::{Language, Postmortem, Text};

use crate::read::Read;
use crate::repo::{summaries, File};
use page::{href, Chrome};

/// Most related incidents listed under one report, as the app lists them.
const RELATED_SHOWN: usize = 8;

/// The file that lists what the last run wrote, so the next run removes pages that are
/// gone and never writes into a folder that is not a site.
const MANIFEST: &str = crate::files::SITE_MANIFEST;

/// A file of the site: its path from the site's root, `/`-separated, and its text.
pub struct Output {
    /// Where it goes.
    pub path: String,
    /// What it holds.
    pub text: String,
}

/// A postmortem of the site, with its page.
struct Entry<'a> {
    /// Its file, as printed.
    shown: &'a str,
    /// The document.
    doc: &'a Postmortem,
    /// Its report's page, from the site's root.
    page: String,
}

/// A file the site could not show, and why.
struct Left<'a> {
    /// Its path, as printed.
    shown: &'a str,
    /// Why, in both languages.
    why: &'a Text,
    /// Whether it could not be read (else it is not a postmortem).
    unreadable: bool,
}

/// Everything the pages are drawn from.
struct Site<'a> {
    chrome: Chrome<'a>,
    /// The postmortems, in the order found.
    entries: Vec<Entry<'a>>,
    /// Their summaries, in the same order, named by their files' paths.
    summaries: Vec<Summary>,
    /// Each one's related incidents, in the same order.
    related: Vec<Vec<Related>>,
    /// The report page of each file, by its path.
    pages: HashMap<&'a str, String>,
    /// The files not shown.
    left: Vec<Left<'a>>,
}

impl<'a> Site<'a> {
    /// The links of the overview's lists from the page at `from`.
    fn links(&'a self, from: &'a str) -> SiteLinks<'a> {
        SiteLinks { site: self, from }
    }

    /// ` lang="…"` for text in the site's language on a page in `page_lang`, else nothing.
    fn own_lang(&self, page_lang: Language) -> String {
        page::lang_attr(self.chrome.lang, page_lang)
    }
}

/// The links of the overview's lists from one page of the site: an item to its report's
/// action items, a related incident to its report.
struct SiteLinks<'a> {
    site: &'a Site<'a>,
    from: &'a str,
}

impl SiteLinks<'_> {
    fn to(&self, id: &str, fragment: &str) -> String {
        let page = self.site.pages.get(id).map_or("index.html", String::as_str);
        href(self.from, &format!("{page}{fragment}"))
    }
}

impl Links for SiteLinks<'_> {
    fn item(&self, item: &Item) -> String {
        self.to(&item.draft_id, "#action-items")
    }

    fn related(&self, related: &Related) -> String {
        self.to(&related.id, "")
    }

    fn draft(&self, summary: &Summary) -> String {
        self.to(&summary.id, "")
    }
}

/// The site of `files`, in `lang`, counting overdue from `today`.
pub fn build(files: &[File], today: &str, lang: Language) -> Vec<Output> {
    let mut taken = HashSet::new();
    let mut entries = Vec::new();
    let mut left = Vec::new();
    for f in files {
        let shown = f.found.shown.as_str();
        match &f.read {
            Read::Doc { doc, .. } => {
                let stem = file_stem(doc);
                // Two reports of one name (copies, or untitled drafts) get numbers.
                let page = (1..)
                    .map(|n| match n {
                        1 => format!("reports/{stem}.html"),
                        n => format!("reports/{stem}-{n}.html"),
                    })
                    .find(|p| taken.insert(p.clone()))
                    .unwrap_or_default();
                entries.push(Entry { shown, doc, page });
            }
            Read::Failed(why) => left.push(Left {
                shown,
                why,
                unreadable: true,
            }),
            Read::NotAPostmortem(why) => left.push(Left {
                shown,
                why,
                unreadable: false,
            }),
        }
    }
    let summaries = summaries(files);
    let related = related_all(&summaries, RELATED_SHOWN);
    let pages = entries.iter().map(|e| (e.shown, e.page.clone())).collect();
    let site = Site {
        chrome: Chrome {
            lang,
            today,
            postmortems: entries.len(),
        },
        entries,
        summaries,
        related,
        pages,
        left,
    };
    let mut pages = lists::pages(&site);
    pages.extend(overview::pages(&site));
    pages.extend(reports::pages(&site));
    let mut outputs: Vec<Output> = pages
        .iter()
        .map(|p| Output {
            path: p.path.clone(),
            text: page::render(p, &site.chrome),
        })
        .collect();
    outputs.extend(overview::downloads(&site));
    outputs
}

/// Writes the site into `out` (created when missing), and removes the files of the site
/// written there before that are not part of this one. A folder that holds anything but a
/// site written before is refused, so nothing of the user's is overwritten.
pub fn write(out: &Path, outputs: &[Output]) -> Result<(), Text> {
    let shown = out.display().to_string();
    let io = |e: std::io::Error| Text::new(crate::words::CANNOT_WRITE, &[&shown, &e.to_string()]);
    let manifest = out.join(MANIFEST);
    let before: Vec<String> = match std::fs::read_to_string(&manifest) {
        Ok(text) => text.lines().map(str::to_owned).collect(),
        Err(_) => {
            let empty = std::fs::read_dir(out).map_or(true, |mut d| d.next().is_none());
            if !empty {
                return Err(Text::new(crate::words::NOT_A_SITE, &[&shown]));
            }
            Vec::new()
        }
    };
    for o in outputs {
        let path = out.join(&o.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        std::fs::write(&path, &o.text).map_err(io)?;
    }
    let now: HashSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    for gone in before.iter().filter(|p| !now.contains(p.as_str())) {
        // Only what the manifest names, and never outside the folder.
        if !gone.split('/').any(|part| part == ".." || part.is_empty()) {
            let _ = std::fs::remove_file(out.join(gone));
        }
    }
    let mut list: Vec<&str> = now.into_iter().collect();
    list.sort_unstable();
    std::fs::write(&manifest, list.join("\n") + "\n").map_err(io)
}
