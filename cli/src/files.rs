//! Finding the postmortems under the paths given, and reading each one's text.

use std::io::Read;
use std::path::{Path, PathBuf};

use hindsight_core::error::{ImportError, MAX_IMPORT_BYTES};
use hindsight_core::incidents::is_markdown_path;
use hindsight_core::{messages, Text};

use crate::words;

/// The file `hindsight site` writes in the folder of a site, listing its files: a folder
/// holding it is a site, never postmortems, so `site . --out public` run twice does not read
/// its own pages (its open items' Markdown) as postmortems.
pub const SITE_MANIFEST: &str = ".hindsight-site";

/// A file to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Its path as printed: as given, or the folder given joined with `/` and the path
    /// below it (`postmortems/2023/outage.md`), so CI annotations name it from the
    /// repository's root when the command runs there.
    pub shown: String,
    /// Where it is.
    pub path: PathBuf,
    /// Whether it was named on the command line (then it is read whatever its name), or
    /// found in a folder (then only `.md`, `.markdown` and `.json` files are).
    pub named: bool,
    /// A folder below a given one that could not be listed.
    pub unlisted: Option<Text>,
}

/// The files under `paths`, each folder's in name order, or the first path that does not
/// exist.
pub fn find(paths: &[String]) -> Result<Vec<Found>, String> {
    let mut out = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        let Ok(meta) = std::fs::metadata(&path) else {
            return Err(p.clone());
        };
        // `./postmortems/` is shown as `postmortems`, as GitHub names files in annotations.
        let mut shown = p.as_str();
        while let Some(rest) = shown.strip_prefix("./") {
            shown = rest.trim_start_matches('/');
        }
        if meta.is_dir() {
            let shown = shown.trim_end_matches('/');
            let shown = if shown == "." { "" } else { shown };
            walk(&path, shown, &mut out);
        } else {
            out.push(Found {
                shown: shown.to_owned(),
                path,
                named: true,
                unlisted: None,
            });
        }
    }
    Ok(out)
}

fn join(shown: &str, name: &str) -> String {
    if shown.is_empty() {
        name.to_owned()
    } else {
        format!("{shown}/{name}")
    }
}

/// Whether a file found in a folder is one `check` reads.
fn is_postmortem_name(name: &str) -> bool {
    is_markdown_path(name) || name.to_ascii_lowercase().ends_with(".json")
}

fn walk(dir: &Path, shown: &str, out: &mut Vec<Found>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Found {
                shown: if shown.is_empty() {
                    ".".into()
                } else {
                    shown.into()
                },
                path: dir.to_owned(),
                named: false,
                unlisted: Some(Text::new(words::IO_ERROR, &[&e.to_string()])),
            });
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        // Hidden folders and files (.git, .github, editors' own) are not postmortems.
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        // A link to a folder is not followed, so a loop of links cannot trap the walk.
        if kind.is_dir() && path.join(SITE_MANIFEST).exists() {
            continue;
        }
        if kind.is_dir() {
            walk(&path, &join(shown, &name), out);
        } else if is_postmortem_name(&name) && std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            out.push(Found {
                shown: join(shown, &name),
                path,
                named: false,
                unlisted: None,
            });
        }
    }
}

/// The text of a file: refused when larger than the core reads, or not UTF-8.
pub fn read_text(path: &Path) -> Result<String, Text> {
    let too_large = || {
        ImportError::new(
            messages::TOO_LARGE,
            &[&(MAX_IMPORT_BYTES / 1024 / 1024).to_string()],
        )
        .text()
        .clone()
    };
    let io = |e: std::io::Error| Text::new(words::IO_ERROR, &[&e.to_string()]);
    let file = std::fs::File::open(path).map_err(io)?;
    if file
        .metadata()
        .is_ok_and(|m| m.len() > MAX_IMPORT_BYTES as u64)
    {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_IMPORT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| words::NOT_UTF8.into())
}
