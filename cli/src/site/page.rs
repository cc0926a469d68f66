//! Every page's shell: the export's head (its policy, inline CSS), a skip link, the site's
//! name and navigation, the page's `<main>`, and a footer saying what it was built from.
//! Links are relative ([`href`]), so the site works from any folder or sub-path.

use hindsight_core::export::{page_head, REPORT_CSS};
use hindsight_core::incidents::html::{escape, percent_encode};
use hindsight_core::incidents::words as t;
use hindsight_core::{Language, Words};

use super::words as w;

/// The site's own stylesheet, inlined in every page after the report's on report pages.
pub const SITE_CSS: &str = include_str!("site.css");

/// The parts of the site, as its navigation lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The index of incidents, with its sorts and filters.
    Incidents,
    /// The open action items.
    OpenItems,
    /// Related incidents.
    Related,
    /// The trend charts.
    Trends,
}

impl Part {
    /// Every part, in the navigation's order.
    pub const ALL: [Part; 4] = [
        Part::Incidents,
        Part::OpenItems,
        Part::Related,
        Part::Trends,
    ];

    /// Its page, from the site's root.
    pub fn path(self) -> &'static str {
        match self {
            Part::Incidents => "index.html",
            Part::OpenItems => "open-items.html",
            Part::Related => "related.html",
            Part::Trends => "trends.html",
        }
    }

    /// Its name: the overview's, as the app names it.
    pub fn words(self) -> Words {
        match self {
            Part::Incidents => t::INCIDENTS,
            Part::OpenItems => t::OPEN_ACTION_ITEMS,
            Part::Related => t::RELATED_INCIDENTS,
            Part::Trends => t::TRENDS,
        }
    }
}

/// A page to write.
pub struct Page {
    /// Its path from the site's root, `/`-separated.
    pub path: String,
    /// Its language: the site's, or a report's own.
    pub lang: Language,
    /// Its title, as text.
    pub title: String,
    /// The part of the site it belongs to, if any.
    pub part: Option<Part>,
    /// Whether it shows a report, and so needs the report's stylesheet.
    pub report: bool,
    /// What goes in `<main>`, as HTML.
    pub main: String,
}

/// What every page says of the site: its language, the date it counts from, and how many
/// postmortems it was built from.
pub struct Chrome<'a> {
    /// The site's language.
    pub lang: Language,
    /// Today, `YYYY-MM-DD`.
    pub today: &'a str,
    /// Postmortems read.
    pub postmortems: usize,
}

/// A relative link from the page at `from` to `to` (both from the site's root; `to` may
/// end in a `#fragment`), its path percent-encoded, so any file name makes a valid URL.
pub fn href(from: &str, to: &str) -> String {
    let (path, fragment) = match to.split_once('#') {
        Some((path, fragment)) => (path, format!("#{}", percent_encode(fragment, &[]))),
        None => (to, String::new()),
    };
    let up = "../".repeat(from.matches('/').count());
    format!("{up}{}{fragment}", percent_encode(path, b"/"))
}

/// ` lang="…"` on an element in `lang` inside a page in `page_lang`, when they differ, so
/// assistive technology reads each part in its own language.
pub fn lang_attr(lang: Language, page_lang: Language) -> String {
    if lang == page_lang {
        String::new()
    } else {
        format!(" lang=\"{}\"", lang.html_lang())
    }
}

/// The page as HTML.
pub fn render(page: &Page, chrome: &Chrome) -> String {
    let lang = chrome.lang;
    // The site's own words on a report's page in another language say which they are.
    let own = lang_attr(lang, page.lang);
    let title = format!("{} · {}", page.title, w::SITE_TITLE.get(lang));
    let css = if page.report {
        format!("{REPORT_CSS}{SITE_CSS}")
    } else {
        SITE_CSS.to_owned()
    };
    let mut out = page_head(page.lang.html_lang(), &title, &css);
    out.push_str(&format!(
        "<a class=\"skip-link\" href=\"#main\"{own}>{}</a>\n<header class=\"site-header\"{own}>\n<a class=\"site-name\" href=\"{}\">{}</a>\n<nav aria-label=\"{}\"><ul>",
        w::SKIP.get(lang),
        href(&page.path, Part::Incidents.path()),
        w::SITE_TITLE.get(lang),
        w::PAGES.get(lang),
    ));
    for part in Part::ALL {
        let current = if page.path == part.path() {
            " aria-current=\"page\""
        } else if page.part == Some(part) {
            " aria-current=\"true\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<li><a href=\"{}\"{current}>{}</a></li>",
            href(&page.path, part.path()),
            part.words().get(lang)
        ));
    }
    out.push_str("</ul></nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
    out.push_str(&page.main);
    out.push_str(&format!(
        "</main>\n<footer class=\"site-footer\"{own}><p>{}</p></footer>\n</body>\n</html>\n",
        escape(&w::BUILT.fill(lang, &[&chrome.postmortems.to_string(), chrome.today]))
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::href;

    #[test]
    fn links_are_relative_and_encoded() {
        assert_eq!(href("index.html", "trends.html"), "trends.html");
        assert_eq!(href("reports/a.html", "index.html"), "../index.html");
        assert_eq!(
            href("index.html", "reports/2025-設定.html#action-items"),
            "reports/2025-%E8%A8%AD%E5%AE%9A.html#action-items"
        );
        assert_eq!(
            href("reports/a.html", "reports/b c.html#action-items"),
            "../reports/b%20c.html#action-items"
        );
    }
}
