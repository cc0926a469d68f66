//! One page per report: the HTML export's article, in the report's own language (the page's
//! `lang` is the report's), after a link to its version in the other language if there is
//! one ("Also in 繁體中文"), then its related incidents and the file it was read from, in
//! the site's language.

use hindsight_core::export::report_article;
use hindsight_core::incidents::html::{also_in_links, escape, related_list_html};
use hindsight_core::incidents::{translations_of, words as t};
use hindsight_core::report::display_title;

use super::page::{Page, Part};
use super::words as w;
use super::Site;

/// Every report's page.
pub(super) fn pages(site: &Site) -> Vec<Page> {
    let lang = site.chrome.lang;
    site.entries
        .iter()
        .zip(&site.related)
        .zip(&site.summaries)
        .map(|((entry, related), summary)| {
            let doc = entry.doc;
            let own = site.own_lang(doc.language);
            let links = site.links(&entry.page);
            let also = match also_in_links(&translations_of(summary, &site.summaries), lang, &links) {
                none if none.is_empty() => none,
                // In the site's language, on a page in the report's.
                links => format!("<p class=\"also-in\"{own}>{links}</p>\n"),
            };
            let list = if related.is_empty() {
                format!("<p class=\"hint\">{}</p>", t::NO_RELATED.get(lang))
            } else {
                related_list_html(related, lang, &links)
            };
            let main = format!(
                "{also}{}<aside class=\"site-aside\" aria-labelledby=\"related-here\"{own}>\n<h2 id=\"related-here\">{}</h2>\n{list}\n<p class=\"source\">{}</p>\n</aside>\n",
                report_article(doc),
                t::RELATED_INCIDENTS.get(lang),
                escape(&w::SOURCE.fill(lang, &[entry.shown])),
            );
            Page {
                path: entry.page.clone(),
                lang: doc.language,
                title: display_title(&doc.header.title, doc.language).to_owned(),
                part: Some(Part::Incidents),
                report: true,
                main,
            }
        })
        .collect()
}
