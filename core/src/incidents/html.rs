//! The overview's lists as HTML, shared by the app's Incidents view and `hindsight site`:
//! the open items, every incident's related ones, and a chart with its table. The app draws
//! a thousand items with one `innerHTML` instead of a thousand views, and reads clicks with
//! one listener on each list, which finds the item by its `data-n` (its place in the list)
//! or its `data-id`; the site's pages are the same markup with links to its own pages, so
//! where links lead is the caller's ([`Links`]).
//!
//! Every piece of text that comes from a document (actions, owners, titles, ids, dates) is
//! escaped here, in text and in attribute values alike; nothing else in the markup comes
//! from outside. The tests at the end feed it hostile text.

use std::fmt::Write;

use super::open_items::{Item, OpenItems};
use super::related::Related;
use super::translations::are_translations;
use super::trends::ChartTable;
use super::words as t;
use super::Summary;
use crate::choice::Choice;
use crate::document::Language;
use crate::report::{display_title, DUE, NO_ACTION_WRITTEN, OVERDUE};

/// Where the lists' links lead: the app's drafts and views, or the site's pages. Each
/// answer is a URL, escaped here as an attribute value.
pub trait Links {
    /// The link of an open item (its row in its draft, its report's action items).
    fn item(&self, item: &Item) -> String;
    /// The link of a related incident.
    fn related(&self, related: &Related) -> String;
    /// The link of a draft (or report) by its summary: another language's version.
    fn draft(&self, summary: &Summary) -> String;
}

/// Text for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    crate::render::escape_html_into(&mut out, text);
    out
}

/// Text for a URL's query value or path: every byte but unreserved characters (and those
/// of `keep`, such as `/` in a path) percent-encoded, so any name makes a valid URL.
pub fn percent_encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') || keep.contains(&b)
        {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The action as shown: its text, or the placeholder of an empty one.
pub fn action_text(item: &Item, lang: Language) -> String {
    if item.action.trim().is_empty() {
        NO_ACTION_WRITTEN.get(lang).to_owned()
    } else {
        item.action.clone()
    }
}

/// The "From folder" badge, after a name.
fn folder_badge(out: &mut String, lang: Language) {
    let _ = write!(
        out,
        " <span class=\"badge from-folder\">{}</span>",
        t::FROM_FOLDER.get(lang)
    );
}

/// Every group with its heading and its items, in the list's order; item `n` (counted
/// over all groups from 0) carries `data-n="n"` on its link and its Mark done button, which
/// only items that can be written have. Group headings are of `level` (4 in the app's
/// overview, 2 on the site's page of open items).
pub fn items_html(items: &OpenItems, lang: Language, links: &dyn Links, level: u8) -> String {
    let mut out = String::with_capacity(items.total * 480 + 64);
    let mut n = 0;
    for group in &items.groups {
        let counts = t::OPEN_COUNTS.fill(
            lang,
            &[&group.items.len().to_string(), &group.overdue.to_string()],
        );
        let _ = write!(
            out,
            "<div class=\"item-group\"><h{level}><bdi>{}</bdi> <span class=\"group-counts\">{}</span></h{level}><ul class=\"open-items\">",
            escape(&group.key.label(lang)),
            escape(&counts),
        );
        for item in &group.items {
            item_html(&mut out, item, n, lang, links);
            n += 1;
        }
        out.push_str("</ul></div>");
    }
    out
}

fn item_html(out: &mut String, item: &Item, n: usize, lang: Language, links: &dyn Links) {
    let action = escape(&action_text(item, lang));
    let title = escape(display_title(&item.draft_title, lang));
    let mut meta = vec![t::ACTION_ITEM_N.fill(lang, &[&(item.index + 1).to_string()])];
    if !item.due_date.trim().is_empty() {
        meta.push(DUE.fill(lang, &[item.due_date.trim()]));
    }
    meta.extend(item.priority.map(|p| p.label(lang).to_owned()));
    if !item.owner.trim().is_empty() {
        meta.push(item.owner.trim().to_owned());
    }
    let _ = write!(
        out,
        "<li class=\"open-item{}\"><div class=\"item-main\"><a class=\"item-action\" href=\"{}\" data-n=\"{n}\"><bdi>{action}</bdi></a><span class=\"item-meta\"><bdi class=\"item-draft\">{title}</bdi> · {}",
        if item.overdue { " overdue" } else { "" },
        escape(&links.item(item)),
        escape(&meta.join(" · ")),
    );
    if item.overdue {
        let _ = write!(
            out,
            " <span class=\"badge overdue\">{}</span>",
            OVERDUE.get(lang)
        );
    }
    if item.from_folder {
        folder_badge(out, lang);
    }
    out.push_str("</span></div>");
    if !item.read_only {
        let label = escape(&t::MARK_DONE_NAMED.fill(lang, &[&action_text(item, lang)]));
        let _ = write!(
            out,
            "<button type=\"button\" class=\"secondary small mark-done\" data-n=\"{n}\" aria-label=\"{label}\">{}</button>",
            t::MARK_DONE.get(lang),
        );
    }
    out.push_str("</li>");
}

/// The `n`-th item of the list, as [`items_html`] numbered them.
pub fn nth(items: &OpenItems, n: usize) -> Option<&Item> {
    items.groups.iter().flat_map(|g| &g.items).nth(n)
}

/// "INC-7 · Title", or the title alone.
pub fn incident_name(incident_id: &str, title: &str, lang: Language) -> String {
    let title = display_title(title, lang);
    match incident_id.trim() {
        "" => title.to_owned(),
        id => format!("{id} · {title}"),
    }
}

/// Why an incident is related, and its date and open items, as one line each.
fn related_details(r: &Related, lang: Language) -> (String, String) {
    let separator = match lang {
        Language::En => "; ",
        Language::ZhTw => "；",
    };
    let reasons = r
        .reasons
        .iter()
        .map(|reason| reason.text(lang))
        .collect::<Vec<_>>()
        .join(separator);
    let mut meta = Vec::new();
    if !r.incident_date.trim().is_empty() {
        meta.push(r.incident_date.trim().to_owned());
    }
    let open = crate::words::counted(r.open_actions, t::OPEN_COUNT_ONE, t::OPEN_COUNT);
    meta.push(open.fill(lang, &[&r.open_actions.to_string()]));
    (reasons, meta.join(" · "))
}

/// The incidents of the overview that have related ones, each a closed disclosure whose
/// `<summary>` carries `data-n` (its place in `summaries`). With `drawn`, each list is drawn
/// inside it at once (the site, which runs no script); without, it is left empty for the
/// app to draw when first opened ([`related_list_html`]).
pub fn related_overview_html(
    summaries: &[Summary],
    lists: &[Vec<Related>],
    lang: Language,
    drawn: Option<&dyn Links>,
) -> String {
    let mut out = String::from("<ul class=\"related-overview\">");
    // An incident written in two languages is listed once: in the reader's language when it
    // has that version, else the first.
    let rank = |n: usize| (summaries[n].language != lang, n);
    let shown = |n: usize| {
        !lists[n].is_empty()
            && !(0..summaries.len()).any(|m| {
                m != n
                    && !lists[m].is_empty()
                    && rank(m) < rank(n)
                    && are_translations(&summaries[m], &summaries[n])
            })
    };
    for (n, (s, list)) in summaries.iter().zip(lists).enumerate() {
        if !shown(n) {
            continue;
        }
        let _ = write!(
            out,
            "<li><details><summary data-n=\"{n}\"><bdi>{}</bdi>",
            escape(&incident_name(&s.incident_id, &s.title, lang)),
        );
        if s.is_from_folder() {
            folder_badge(&mut out, lang);
        }
        let body = drawn.map_or_else(String::new, |links| related_list_html(list, lang, links));
        let _ = write!(
            out,
            " <span class=\"hint\">{}</span></summary><div class=\"related-body\">{body}</div></details></li>",
            escape(&t::RELATED_COUNT.fill(lang, &[&list.len().to_string()])),
        );
    }
    out.push_str("</ul>");
    out
}

/// One incident's related incidents: links carrying `data-id` (and `data-folder` for a
/// folder's postmortem), with why each is related.
pub fn related_list_html(list: &[Related], lang: Language, links: &dyn Links) -> String {
    let mut out = String::from("<ul class=\"related-list\">");
    for r in list {
        let (reasons, meta) = related_details(r, lang);
        let _ = write!(
            out,
            "<li class=\"related-item\"><a href=\"{}\" data-id=\"{}\"{}><bdi>{}</bdi></a>",
            escape(&links.related(r)),
            escape(&r.id),
            if r.from_folder {
                " data-folder=\"1\""
            } else {
                ""
            },
            escape(&incident_name(&r.incident_id, &r.title, lang)),
        );
        if r.from_folder {
            folder_badge(&mut out, lang);
        }
        let _ = write!(
            out,
            " <span class=\"related-why\">{}</span> <span class=\"hint\">{}</span></li>",
            escape(&reasons),
            escape(&meta),
        );
    }
    out.push_str("</ul>");
    out
}

/// The links to the other languages' versions of an incident ([`super::translations_of`]),
/// "Also in 繁體中文", each carrying `data-id` (the draft's id) and the version's language as
/// `hreflang`, for the caller to place (`<p class="also-in">`); empty when there is none.
pub fn also_in_links(translations: &[&Summary], lang: Language, links: &dyn Links) -> String {
    let mut out = String::new();
    for (i, other) in translations.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(
            out,
            "<a href=\"{}\" data-id=\"{}\" hreflang=\"{}\">{}</a>",
            escape(&links.draft(other)),
            escape(&other.id),
            other.language.html_lang(),
            super::also_in(other.language).get(lang),
        );
    }
    out
}

/// One `<option>` of a `<select>` drawn as HTML; `selected` keeps the choice when the
/// options are drawn anew.
pub fn option_html(value: &str, label: &str, selected: bool) -> String {
    format!(
        "<option value=\"{}\"{}>{}</option>",
        escape(value),
        if selected { " selected" } else { "" },
        escape(label)
    )
}

/// A chart's numbers as a table behind a disclosure named `show`: caption, column headers,
/// a header cell per row; counts line up on the right, names and durations on the left.
pub fn chart_table_html(table: &ChartTable, show: &str) -> String {
    let mut out = format!(
        "<details class=\"chart-table\"><summary>{}</summary><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table><caption>{}</caption><thead><tr>",
        escape(show),
        escape(&table.caption),
        escape(&table.caption),
    );
    for header in &table.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(header));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let count = !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit());
            let _ = match (i, count) {
                (0, _) => write!(out, "<th scope=\"row\">{}</th>", escape(cell)),
                (_, true) => write!(out, "<td class=\"num\">{}</td>", escape(cell)),
                _ => write!(out, "<td>{}</td>", escape(cell)),
            };
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    if let Some(note) = &table.note {
        let _ = write!(out, "<p class=\"hint\">{}</p>", escape(note));
    }
    out.push_str("</details>");
    out
}

/// A chart as the overview shows it: its SVG in a box named by the element `labelled_by`
/// (its heading), which scrolls sideways on a phone rather than shrinking its text and so
/// takes the focus, then its numbers as a table behind a disclosure.
pub fn chart_html(labelled_by: &str, svg: &str, table: &ChartTable, lang: Language) -> String {
    format!(
        "<div class=\"chart-svg\" tabindex=\"0\" role=\"group\" aria-labelledby=\"{}\">{svg}</div>{}",
        escape(labelled_by),
        chart_table_html(table, t::SHOW_TABLE.get(lang))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ActionItem, Postmortem};
    use crate::incidents::{
        open_items, related_all, summarize_doc, Filters, Grouping, FOLDER_ID_PREFIX,
    };

    /// Links as the app makes them: a draft by its id in the query, a folder's file to the
    /// overview.
    struct AppLike;

    impl Links for AppLike {
        fn item(&self, item: &Item) -> String {
            if item.from_folder {
                "?view=incidents".into()
            } else {
                format!("?draft={}", percent_encode(&item.draft_id, &[]))
            }
        }

        fn related(&self, r: &Related) -> String {
            format!("?draft={}", percent_encode(&r.id, &[]))
        }

        fn draft(&self, s: &Summary) -> String {
            format!("?draft={}", percent_encode(&s.id, &[]))
        }
    }

    fn doc(title: &str, actions: &[(&str, &str, &str)]) -> Postmortem {
        let mut doc = Postmortem::default();
        doc.header.title = title.into();
        doc.action_items = actions
            .iter()
            .map(|(action, owner, due)| ActionItem {
                action: (*action).into(),
                owner: (*owner).into(),
                due_date: (*due).into(),
                ..ActionItem::default()
            })
            .collect();
        doc
    }

    /// The open items of `summaries` by owner, on a fixed date.
    fn by_owner(summaries: &[Summary]) -> OpenItems {
        open_items(
            summaries,
            &Filters::default(),
            Grouping::Owner,
            "2024-01-01",
        )
    }

    /// Every `<` of the markup opens one of the tags the list is made of.
    fn only_own_tags(html: &str) {
        let own = [
            "div", "h4", "bdi", "span", "ul", "li", "a", "button", "p", "table", "caption",
            "thead", "tbody", "tr", "th", "td",
        ];
        for part in html.split('<').skip(1) {
            let name: String = part
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            assert!(
                own.contains(&name.as_str()),
                "unexpected tag <{name} in {html}"
            );
        }
    }

    #[test]
    fn hostile_text_stays_text_in_content_and_attributes() {
        let hostile = "<img src=x onerror=alert(1)> \"quoted\" 'single' & more";
        let mut folder = summarize_doc(
            &format!("{FOLDER_ID_PREFIX}team/\"><script>.md"),
            &doc(hostile, &[(hostile, hostile, "2020-01-01")]),
        );
        folder.folder = Some("team/x.md".into());
        folder.read_only = true;
        let summaries = vec![
            summarize_doc("a\" onclick=\"x", &doc(hostile, &[(hostile, "", "")])),
            folder,
        ];
        let items = by_owner(&summaries);
        for lang in Language::ALL {
            let html = items_html(&items, *lang, &AppLike, 4);
            only_own_tags(&html);
            assert!(!html.contains("<img") && !html.contains("<script"));
            assert!(
                !html.contains("\" onclick"),
                "no attribute breaks out: {html}"
            );
            assert!(html.contains(
                "&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &#39;single&#39; &amp; more"
            ));
            assert!(html.contains("href=\"?draft=a%22%20onclick%3D%22x\""));
            assert!(html.contains("href=\"?view=incidents\""));
        }
        // The link to another language's version carries its id escaped.
        let mut zh = summaries[0].clone();
        zh.language = Language::ZhTw;
        let html = also_in_links(&[&zh], Language::En, &AppLike);
        only_own_tags(&html);
        assert!(
            html.contains("data-id=\"a&quot; onclick=&quot;x\""),
            "{html}"
        );
        assert!(
            html.contains("hreflang=\"zh-Hant-TW\">Also in 繁體中文</a>"),
            "{html}"
        );
        assert_eq!(also_in_links(&[], Language::En, &AppLike), "");
    }

    #[test]
    fn chart_tables_escape_their_cells() {
        let table = ChartTable {
            caption: "Per <month>".into(),
            headers: vec!["Month".into(), "SEV1 \"x\"".into()],
            rows: vec![
                vec!["2024-01".into(), "3".into()],
                vec!["<b>".into(), "2 h".into()],
            ],
            note: Some("Not counted: 1 & more".into()),
        };
        let html = chart_table_html(&table, "Show");
        only_own_tags(
            &html
                .replace("<details", "<div")
                .replace("</details", "</div")
                .replace("<summary", "<span")
                .replace("</summary", "</span"),
        );
        assert!(html.contains("<caption>Per &lt;month&gt;</caption>"));
        assert!(html.contains("<th scope=\"row\">&lt;b&gt;</th><td>2 h</td>"));
        assert!(html.contains("<td class=\"num\">3</td>"));
        assert!(html.contains("SEV1 &quot;x&quot;") && html.contains("1 &amp; more"));
    }

    #[test]
    fn the_overview_lists_an_incident_in_two_languages_once_in_the_readers_language() {
        let mut en = doc("Ledger drift", &[]);
        en.header.tags = vec!["ledger".into()];
        en.header.incident_id = "INC-7".into();
        let mut zh = en.clone();
        zh.language = Language::ZhTw;
        let mut other = en.clone();
        other.header.incident_id = "INC-8".into();
        let summaries = vec![
            summarize_doc("en", &en),
            summarize_doc("zh", &zh),
            summarize_doc("other", &other),
        ];
        let lists = related_all(&summaries, 8);
        for (lang, shown) in [
            (Language::En, "data-n=\"0\""),
            (Language::ZhTw, "data-n=\"1\""),
        ] {
            let html = related_overview_html(&summaries, &lists, lang, None);
            assert_eq!(html.matches("data-n=").count(), 2, "{html}");
            assert!(
                html.contains(shown) && html.contains("data-n=\"2\""),
                "{html}"
            );
        }
    }

    #[test]
    fn related_lists_escape_names_and_ids() {
        let hostile = "<b onmouseover=x>\"'&";
        let mut a = doc(hostile, &[]);
        a.header.tags = vec![hostile.into()];
        a.header.incident_id = hostile.into();
        let mut b = a.clone();
        b.header.title = "Other".into();
        let summaries = vec![summarize_doc("a\"><i>", &a), summarize_doc("b", &b)];
        let lists = related_all(&summaries, 8);
        for lang in Language::ALL {
            let overview = related_overview_html(&summaries, &lists, *lang, None);
            let list = related_list_html(&lists[1], *lang, &AppLike);
            only_own_tags(
                &overview
                    .replace("<details>", "<div>")
                    .replace("</details>", "</div>")
                    .replace("<summary", "<span")
                    .replace("</summary>", "</span>"),
            );
            only_own_tags(&list);
            let drawn = related_overview_html(&summaries, &lists, *lang, Some(&AppLike));
            let first = related_list_html(&lists[0], *lang, &AppLike);
            assert!(drawn.contains(&format!("<div class=\"related-body\">{first}</div>")));
            assert!(overview.contains("data-n=\"0\"") && overview.contains("data-n=\"1\""));
            assert!(list.contains("data-id=\"a&quot;&gt;&lt;i&gt;\""), "{list}");
            assert!(list.contains("href=\"?draft=a%22%3E%3Ci%3E\""));
            assert!(list.contains("&lt;b onmouseover=x&gt;&quot;&#39;&amp;"));
        }
    }

    #[test]
    fn items_are_numbered_in_list_order_and_read_only_ones_have_no_button() {
        let mut folder = summarize_doc(
            &format!("{FOLDER_ID_PREFIX}x.md"),
            &doc("Folder", &[("From the folder", "Ana", "2020-01-01")]),
        );
        folder.folder = Some("x.md".into());
        folder.read_only = true;
        let summaries = vec![
            summarize_doc(
                "a",
                &doc("A", &[("Later", "Bo", "2999-01-01"), ("", "", "")]),
            ),
            folder,
        ];
        let items = by_owner(&summaries);
        let html = items_html(&items, Language::En, &AppLike, 4);
        assert_eq!(html.matches("<li").count(), 3);
        assert_eq!(
            html.matches("class=\"secondary small mark-done\"").count(),
            2
        );
        assert!(html.contains("Mark done: (no action written)"));
        for n in 0..3 {
            let item = nth(&items, n).expect("an item");
            let link = format!(
                "data-n=\"{n}\"><bdi>{}</bdi>",
                escape(&action_text(item, Language::En))
            );
            assert!(html.contains(&link), "{link} in {html}");
        }
        assert_eq!(
            nth(&items, 0).map(|i| i.action.as_str()),
            Some("From the folder")
        );
        assert!(nth(&items, 3).is_none());
        let zh = items_html(&items, Language::ZhTw, &AppLike, 4);
        assert!(
            zh.contains("標示為完成：Later") && zh.contains("來自資料夾") && zh.contains("已逾期")
        );
    }
}
