//! The overview's three parts as pages, drawn as the app draws them (the core's
//! `incidents::html`): the open action items (overdue first, grouped by owner, with the
//! overview's Markdown and CSV exports beside them), related incidents, and the trend
//! charts with their tables. The site's trends span all time (a page runs no script to
//! choose a range), each incident once whatever its languages.

use hindsight_core::incidents::html::{chart_html, escape, items_html, related_overview_html};
use hindsight_core::incidents::{
    durations_svg, durations_table, open_items_csv, open_items_markdown, per_month_svg,
    per_month_table, trends, words as t, OpenItems, TrendRange,
};

use super::page::{Page, Part};
use super::words as w;
use super::{Output, Site};

/// The open items' exports, linked from their page.
const MARKDOWN: &str = "open-items.md";
const CSV: &str = "open-items.csv";

fn items(site: &Site) -> OpenItems {
    crate::items::by_owner(&site.summaries, site.chrome.today)
}

/// The pages of the open items, related incidents and trends.
pub(super) fn pages(site: &Site) -> Vec<Page> {
    vec![open_items_page(site), related_page(site), trends_page(site)]
}

/// The open items as Markdown and CSV, as the app downloads them.
pub(super) fn downloads(site: &Site) -> Vec<Output> {
    let items = items(site);
    let lang = site.chrome.lang;
    vec![
        Output {
            path: MARKDOWN.into(),
            text: open_items_markdown(&items, lang),
        },
        Output {
            path: CSV.into(),
            text: open_items_csv(&items, lang),
        },
    ]
}

fn page(site: &Site, part: Part, main: String) -> Page {
    let lang = site.chrome.lang;
    Page {
        path: part.path().to_owned(),
        lang,
        title: part.words().get(lang).to_owned(),
        part: Some(part),
        report: false,
        main: format!("<h1>{}</h1>\n{main}", part.words().get(lang)),
    }
}

fn open_items_page(site: &Site) -> Page {
    let lang = site.chrome.lang;
    let items = items(site);
    let path = Part::OpenItems.path();
    let mut main = format!(
        "<p class=\"counts\">{}</p>\n<p class=\"hint\">{}</p>\n",
        escape(&items.counts_text(lang)),
        escape(&w::OPEN_ITEMS_EXPLAINED.fill(lang, &[site.chrome.today]))
    );
    if items.total == 0 {
        main.push_str(&format!(
            "<p class=\"hint\">{}</p>\n",
            t::NO_OPEN_ITEMS.get(lang)
        ));
    } else {
        main.push_str(&format!(
            "<p class=\"downloads\"><a href=\"{MARKDOWN}\" download>{}</a> <a href=\"{CSV}\" download>{}</a></p>\n{}\n",
            t::DOWNLOAD_MARKDOWN.get(lang),
            t::DOWNLOAD_CSV.get(lang),
            items_html(&items, lang, &site.links(path), 2)
        ));
    }
    page(site, Part::OpenItems, main)
}

fn related_page(site: &Site) -> Page {
    let lang = site.chrome.lang;
    let path = Part::Related.path();
    let list = if site.related.iter().all(Vec::is_empty) {
        format!("<p class=\"hint\">{}</p>", t::NONE_RELATED_YET.get(lang))
    } else {
        related_overview_html(
            &site.summaries,
            &site.related,
            lang,
            Some(&site.links(path)),
        )
    };
    let main = format!(
        "<p class=\"hint\">{}</p>\n{list}\n",
        t::RELATED_EXPLAINED.get(lang)
    );
    page(site, Part::Related, main)
}

fn trends_page(site: &Site) -> Page {
    let lang = site.chrome.lang;
    let shown = trends(&site.summaries, TrendRange::AllTime, site.chrome.today);
    let (per_month, points) = (shown.per_month, shown.durations);
    let charts = [
        (
            "chart-per-month",
            t::INCIDENTS_PER_MONTH,
            per_month_svg(&per_month, lang),
            per_month_table(&per_month, lang),
        ),
        (
            "chart-durations",
            t::DETECT_RESOLVE_OVER_TIME,
            durations_svg(&points, lang),
            durations_table(&points, lang),
        ),
    ];
    let mut main = String::from("<div class=\"charts\">\n");
    for (id, title, svg, table) in charts {
        main.push_str(&format!(
            "<figure class=\"chart\" aria-labelledby=\"{id}\"><h2 id=\"{id}\">{}</h2>{}</figure>\n",
            title.get(lang),
            chart_html(id, &svg, &table, lang)
        ));
    }
    main.push_str("</div>\n");
    page(site, Part::Trends, main)
}
