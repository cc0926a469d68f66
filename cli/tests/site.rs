//! `hindsight site` over the fixture repository, in both languages: goldens of the files
//! written and of the key pages, and for every page the rules of the site: the HTML
//! export's policy, no script, the page's language, well-formed markup, and links that are
//! relative and lead to a page (and an element) of the site.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::*;
use hindsight_core::export::PAGE_CSP;

/// The pages whose whole text is a golden (their inline CSS left out), by golden name.
const GOLDEN_PAGES: &[(&str, &str)] = &[
    ("index.html", "index.html"),
    ("open-items.html", "open-items.html"),
    ("related.html", "related.html"),
    ("trends.html", "trends.html"),
    ("status-in-review.html", "status-in-review.html"),
    (
        "reports/2026-11-01-cache-stampede-again-inc-2026-1101.html",
        "report-en.html",
    ),
    (
        "reports/2026-11-11-訊息佇列延遲-inc-2026-1111.html",
        "report-zh-TW.html",
    ),
];

/// Builds the fixture repository's site in `lang` into a fresh folder of its own for the
/// test `test` (tests run at once); what it printed names the folder `public`, as the CI
/// workflow does.
fn build(test: &str, lang: &str) -> (PathBuf, Outcome) {
    let out = temp_dir(&format!("site-{test}-{lang}")).join("public");
    let shown = out.display().to_string();
    let mut outcome = run_in(
        &repo(),
        &[
            "site",
            "postmortems",
            "--out",
            &shown,
            "--today",
            TODAY,
            "--lang",
            lang,
        ],
    );
    outcome.stdout = outcome.stdout.replace(&shown, "public");
    outcome.stderr = outcome.stderr.replace(&shown, "public");
    (out, outcome)
}

/// Every file under `dir`, from it, `/`-separated, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("lists").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{prefix}{name}");
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{path}/"), out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out);
    out.sort();
    out
}

/// A page's text with its inline stylesheet left out, which has its own files.
fn without_css(html: &str) -> String {
    match (html.find("<style>\n"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}<style>…{}", &html[..a], &html[b..]),
        _ => html.to_owned(),
    }
}

#[test]
fn site_writes_its_golden_files_and_pages_in_both_languages() {
    for lang in ["en", "zh-TW"] {
        let (out, outcome) = build("golden", lang);
        assert_eq!(outcome.code, 0, "{}", outcome.golden_text());
        let files = files_under(&out).join("\n");
        golden(
            &format!("site.{lang}/files.txt"),
            &format!("{}--- files\n{files}\n", outcome.golden_text()),
        );
        for (page, name) in GOLDEN_PAGES {
            let html = std::fs::read_to_string(out.join(page)).expect(page);
            golden(&format!("site.{lang}/{name}"), &without_css(&html));
        }
        let _ = std::fs::remove_dir_all(out.parent().expect("a folder"));
    }
}

/// A tag of a page: its name (lowercase, `/name` for an end tag), its attributes, and
/// whether it closes itself (`<rect … />`).
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
    self_closing: bool,
}

/// The tags of a page, in order, skipping the doctype and the stylesheet's text; panics on
/// markup that is not well formed (a tag left open, an unquoted `<`, an attribute value not
/// in double quotes).
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with("!doctype html>") {
            continue;
        }
        let end = rest.find('>').expect("a tag ends");
        let mut inside = &rest[..end];
        // `>` is escaped in attribute values, so the first one ends the tag.
        let self_closing = inside.ends_with('/');
        inside = inside.trim_end_matches('/');
        let (name, mut attrs) = inside
            .split_once(|c: char| c.is_ascii_whitespace())
            .unwrap_or((inside, ""));
        assert!(
            !name.is_empty()
                && name
                    .trim_start_matches('/')
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric()),
            "not a tag: <{inside}>"
        );
        let mut attributes = Vec::new();
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                break;
            }
            let name_end = attrs
                .find(|c: char| c == '=' || c.is_ascii_whitespace())
                .unwrap_or(attrs.len());
            let key = attrs[..name_end].to_ascii_lowercase();
            attrs = &attrs[name_end..];
            let value = if let Some(v) = attrs.strip_prefix("=\"") {
                let close = v
                    .find('"')
                    .unwrap_or_else(|| panic!("unclosed value in <{inside}>"));
                attrs = &v[close + 1..];
                v[..close].to_owned()
            } else {
                assert!(!attrs.starts_with('='), "unquoted value in <{inside}>");
                String::new()
            };
            attributes.push((key, value));
        }
        let name = name.to_ascii_lowercase();
        rest = &rest[end + 1..];
        if name == "style" {
            rest = &rest[rest.find("</style>").expect("the style ends")..];
        }
        out.push(Tag {
            name,
            attributes,
            self_closing,
        });
    }
    out
}

/// Elements that have no end tag.
const VOID: &[&str] = &["meta", "br", "hr", "input", "img", "link", "wbr", "col"];

/// Checks that every element is closed, in order.
fn well_formed(page: &str, tags: &[Tag]) {
    let mut open: Vec<&str> = Vec::new();
    for tag in tags {
        if let Some(name) = tag.name.strip_prefix('/') {
            let top = open.pop();
            assert_eq!(top, Some(name), "{page}: </{name}> closes {top:?}");
        } else if !tag.self_closing && !VOID.contains(&tag.name.as_str()) {
            open.push(&tag.name);
        }
    }
    assert!(open.is_empty(), "{page}: left open {open:?}");
}

/// `%XX` decoded.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 path")
}

#[test]
fn every_page_is_strict_well_formed_in_its_language_and_links_within_the_site() {
    for lang in ["en", "zh-TW"] {
        let (out, outcome) = build("pages", lang);
        assert_eq!(outcome.code, 0, "{}", outcome.golden_text());
        let files = files_under(&out);
        let pages: Vec<&String> = files.iter().filter(|f| f.ends_with(".html")).collect();
        let reports = pages.iter().filter(|p| p.starts_with("reports/")).count();
        assert_eq!(reports, 32, "one page per postmortem");
        let ids = |page: &str| -> BTreeSet<String> {
            let html = std::fs::read_to_string(out.join(page)).expect("reads");
            tags(&html)
                .into_iter()
                .flat_map(|t| t.attributes)
                .filter(|(k, _)| k == "id")
                .map(|(_, v)| v)
                .collect()
        };
        for page in &pages {
            let html = std::fs::read_to_string(out.join(page)).expect("reads");
            let tags = tags(&html);
            well_formed(page, &tags);
            assert!(html.starts_with("<!doctype html>\n<html lang=\""), "{page}");
            let csp =
                format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{PAGE_CSP}\">");
            assert_eq!(html.matches(&csp).count(), 1, "{page}: the export's policy");
            assert_eq!(html.matches("<h1").count(), 1, "{page}: one h1");
            assert!(html.contains("<main id=\"main\""), "{page}");
            assert!(
                html.contains("class=\"skip-link\" href=\"#main\""),
                "{page}"
            );
            let page_lang = &tags[0].attributes[0].1;
            if !page.starts_with("reports/") {
                let expected = if lang == "en" { "en" } else { "zh-Hant-TW" };
                assert_eq!(page_lang, expected, "{page}");
            }
            for tag in &tags {
                assert!(
                    !["script", "iframe", "object", "embed", "base", "form"]
                        .contains(&tag.name.as_str()),
                    "{page}: <{}>",
                    tag.name
                );
                for (key, value) in &tag.attributes {
                    assert!(!key.starts_with("on"), "{page}: {key}");
                    assert!(key != "src" && key != "style", "{page}: {key}={value}");
                    if key != "href" {
                        continue;
                    }
                    if value.starts_with("https://")
                        || value.starts_with("http://")
                        || value.starts_with("mailto:")
                    {
                        // A link the report itself holds (a ticket, a dashboard).
                        continue;
                    }
                    assert!(
                        !value.starts_with('/') && !value.contains("://"),
                        "{page}: {value} is not relative"
                    );
                    let (path, fragment) = value.split_once('#').unwrap_or((value, ""));
                    let target = if path.is_empty() {
                        page.to_string()
                    } else {
                        let dir = Path::new(page.as_str()).parent().expect("a folder");
                        let joined = dir.join(percent_decode(path));
                        let mut parts: Vec<String> = Vec::new();
                        for c in joined.components() {
                            match c.as_os_str().to_str().expect("UTF-8") {
                                ".." => {
                                    assert!(
                                        parts.pop().is_some(),
                                        "{page}: {value} leaves the site"
                                    );
                                }
                                part => parts.push(part.to_owned()),
                            }
                        }
                        parts.join("/")
                    };
                    assert!(files.contains(&target), "{page}: {value} leads to no file");
                    if !fragment.is_empty() {
                        assert!(
                            ids(&target).contains(fragment),
                            "{page}: no #{fragment} in {target}"
                        );
                    }
                }
            }
        }
        let _ = std::fs::remove_dir_all(out.parent().expect("a folder"));
    }
}

#[test]
fn reports_are_in_their_own_language_and_the_site_says_its_words_in_its() {
    let (out, _) = build("lang", "en");
    let zh =
        std::fs::read_to_string(out.join("reports/2026-11-11-訊息佇列延遲-inc-2026-1111.html"))
            .expect("the Chinese report");
    assert!(zh.starts_with("<!doctype html>\n<html lang=\"zh-Hant-TW\">"));
    assert!(zh.contains("<header class=\"site-header\" lang=\"en\">"));
    assert!(zh.contains("<h2>摘要</h2>"), "the report's own headings");
    let en = std::fs::read_to_string(
        out.join("reports/2026-11-01-cache-stampede-again-inc-2026-1101.html"),
    )
    .expect("an English report");
    assert!(en.contains("<header class=\"site-header\">"));
    // The report is the HTML export's article, as the app downloads it.
    let doc = read_with_the_core(
        &repo().join("postmortems/hindsight/2026-11-01-cache-stampede-again-inc-2026-1101.md"),
    )
    .expect("reads");
    assert!(en.contains(&hindsight_core::export::report_article(&doc)));
    // Its related incidents: the earlier stampede its Recurrence names.
    assert!(en.contains("2024-02-15-cache-stampede-after-a-deploy-inc-2024-0215.html"));
    // One incident in two languages: each page links to the other, never as related.
    let chatgpt = |name: &str| {
        std::fs::read_to_string(out.join(format!(
            "reports/2023-03-20-chatgpt-{name}-inc-2023-0320.html"
        )))
        .expect("a ChatGPT report")
    };
    let (en, zh) = (
        chatgpt("showed-some-users-other-users-chat-titles-and"),
        chatgpt("部分使用者看到他人的對話標題與付款資訊"),
    );
    assert!(
        en.contains("<p class=\"also-in\"><a href=\"../reports/2023-03-20-chatgpt-%E9%83%A8"),
        "{en}"
    );
    assert!(en.contains("hreflang=\"zh-Hant-TW\">Also in 繁體中文</a></p>"));
    assert!(zh.contains(
        "<p class=\"also-in\" lang=\"en\"><a href=\"../reports/2023-03-20-chatgpt-showed"
    ));
    assert!(zh.contains("hreflang=\"en\">Also in English</a></p>"));
    let related = |page: &str| page[page.find("related-here").expect("related")..].to_owned();
    assert!(!related(&en).contains("data-id=\"postmortems/hindsight/2023-03-20-chatgpt-部分"));
    assert!(!related(&zh).contains("data-id=\"postmortems/hindsight/2023-03-20-chatgpt-showed"));
    let index = std::fs::read_to_string(out.join("index.html")).expect("the index");
    assert!(index.contains("<h2 id=\"unreadable\">Files that could not be read</h2>"));
    assert!(
        index.contains("<code>postmortems/broken/latin1.md</code>: The file is not UTF-8 text.")
    );
    assert!(index.contains("<code>postmortems/README.md</code>"));
    let _ = std::fs::remove_dir_all(out.parent().expect("a folder"));
}

#[test]
fn a_site_written_again_drops_pages_that_are_gone_and_a_folder_of_other_files_is_refused() {
    let (out, _) = build("again", "en");
    let dir = out.parent().expect("a folder").to_owned();
    let one = dir.join("one");
    std::fs::create_dir_all(&one).expect("creates");
    let kept = "2026-06-01-nightly-backup-job-skipped-a-run-inc-2026-0601";
    std::fs::copy(
        repo().join(format!("postmortems/hindsight/{kept}.md")),
        one.join("a.md"),
    )
    .expect("copies");
    let again = run_in(&dir, &["site", "one", "--out", "public", "--today", TODAY]);
    assert_eq!(again.code, 0, "{}", again.golden_text());
    let reports: Vec<String> = files_under(&out)
        .into_iter()
        .filter(|f| f.starts_with("reports/"))
        .collect();
    assert_eq!(reports, [format!("reports/{kept}.html")]);
    assert!(!out.join("year-2017.html").exists());

    // A site written inside the folder it is built from is not read back as postmortems.
    for _ in 0..2 {
        let inside = run_in(
            &dir,
            &["site", "one", "--out", "one/public", "--today", TODAY],
        );
        assert_eq!(inside.code, 0, "{}", inside.golden_text());
        assert!(
            inside.stderr.contains("Read 1 postmortems"),
            "{}",
            inside.stderr
        );
    }

    let theirs = dir.join("theirs");
    std::fs::create_dir_all(&theirs).expect("creates");
    std::fs::write(theirs.join("notes.txt"), "mine").expect("writes");
    let refused = run_in(&dir, &["site", "one", "--out", "theirs"]);
    assert_eq!(refused.code, 1, "{}", refused.golden_text());
    assert!(
        refused.stderr.contains("theirs is not empty"),
        "{}",
        refused.stderr
    );
    assert_eq!(files_under(&theirs), ["notes.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Copies a folder, recursively.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("creates");
    for entry in std::fs::read_dir(from).expect("lists").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copies");
        }
    }
}

#[test]
fn the_pages_workflows_run_exactly_the_command_tested_here() {
    let sites: Vec<Vec<String>> = ci_commands()
        .into_iter()
        .filter(|c| c[0] == "site")
        .collect();
    assert_eq!(sites.len(), 2, "GitHub's and GitLab's: {sites:?}");
    for args in &sites {
        assert_eq!(args, &["site", "postmortems", "--out", "public"]);
    }
    // The same command in a copy of the fixture repository (whose date is fixed) writes
    // the golden's files and says the golden's words.
    let dir = temp_dir("site-ci");
    copy_dir(&repo().join("postmortems"), &dir.join("postmortems"));
    let mut args: Vec<&str> = sites[0].iter().map(String::as_str).collect();
    args.extend(["--today", TODAY]);
    let outcome = run_in(&dir, &args);
    let files = files_under(&dir.join("public")).join("\n");
    let golden_text = std::fs::read_to_string(crate_dir().join("tests/goldens/site.en/files.txt"))
        .expect("the site's golden");
    assert_eq!(
        format!("{}--- files\n{files}\n", outcome.golden_text()),
        golden_text
    );
    let _ = std::fs::remove_dir_all(&dir);
}
