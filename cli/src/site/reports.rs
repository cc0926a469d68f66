//! One page per report: the HTML export's article, in the report's own language (the page's
//! `lang` is the report's), then its related incidents and the file it was read from, in
//! the site's language.

use hindsight_core::export::report_article;
use hindsight_core::incidents::html::{escape, related_list_html};
use hindsight_core::incidents::words as t;
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
        .map(|(entry, related)| {
            let doc = entry.doc;
            let own = site.own_lang(doc.language);
            let list = if related.is_empty() {
                format!("<p class=\"hint\">{}</p>", t::NO_RELATED.get(lang))
            } else {
                related_list_html(related, lang, &site.links(&entry.page))
            };
            let main = format!(
                "{}<aside class=\"site-aside\" aria-labelledby=\"related-here\"{own}>\n<h2 id=\"related-here\">{}</h2>\n{list}\n<p class=\"source\">{}</p>\n</aside>\n",
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
