//! The index of incidents: one page per sort order (the column headers link to them) and
//! one per filter that matters (each severity, status and year present), all drawn as the
//! same table, since the pages run no script. The index itself also lists the files that
//! could not be read, or are not postmortems, with why.

use std::cmp::Ordering;

use hindsight_core::incidents::html::escape;
use hindsight_core::incidents::{words as t, Summary};
use hindsight_core::report::display_title;
use hindsight_core::{Choice, FieldId, Language, Severity, Status, Words};

use super::page::{href, Page, Part};
use super::words as w;
use super::Site;

/// An order of the index.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sort {
    Date,
    Title,
    Severity,
    Status,
    Open,
}

impl Sort {
    const ALL: [Sort; 5] = [
        Sort::Date,
        Sort::Title,
        Sort::Severity,
        Sort::Status,
        Sort::Open,
    ];

    fn path(self) -> &'static str {
        match self {
            Sort::Date => "index.html",
            Sort::Title => "sort-title.html",
            Sort::Severity => "sort-severity.html",
            Sort::Status => "sort-status.html",
            Sort::Open => "sort-open-items.html",
        }
    }

    /// How the caption says it.
    fn words(self) -> Words {
        match self {
            Sort::Date => w::SORTED_BY_DATE,
            Sort::Title => w::SORTED_BY_TITLE,
            Sort::Severity => w::SORTED_BY_SEVERITY,
            Sort::Status => w::SORTED_BY_STATUS,
            Sort::Open => w::SORTED_BY_OPEN,
        }
    }

    /// `aria-sort` of its column.
    fn direction(self) -> &'static str {
        match self {
            Sort::Date | Sort::Open => "descending",
            _ => "ascending",
        }
    }

    fn cmp(self, a: &Summary, b: &Summary, today: &str, lang: Language) -> Ordering {
        let newest = || newest_first(a, b);
        match self {
            Sort::Date => newest(),
            Sort::Title => {
                let key = |s: &Summary| display_title(&s.title, lang).to_lowercase();
                key(a).cmp(&key(b)).then_with(newest)
            }
            Sort::Severity => rank(a.severity.map(Severity::value), Severity::ALL)
                .cmp(&rank(b.severity.map(Severity::value), Severity::ALL))
                .then_with(newest),
            Sort::Status => rank(Some(a.status.value()), Status::ALL)
                .cmp(&rank(Some(b.status.value()), Status::ALL))
                .then_with(newest),
            Sort::Open => (b.open_actions.len(), b.overdue_count(today))
                .cmp(&(a.open_actions.len(), a.overdue_count(today)))
                .then_with(newest),
        }
    }
}

/// Newest incident first; undated ones last; then by file.
fn newest_first(a: &Summary, b: &Summary) -> Ordering {
    let date = |s: &Summary| {
        hindsight_core::time::parse_date(&s.incident_date)
            .map(|_| s.incident_date.trim().to_owned())
    };
    match (date(a), date(b)) {
        (Some(x), Some(y)) => y.cmp(&x),
        (x, y) => y.is_some().cmp(&x.is_some()),
    }
    .then_with(|| a.id.cmp(&b.id))
}

/// A choice's place in its list; not set comes last.
fn rank<C: Choice>(value: Option<&str>, all: &[C]) -> usize {
    value
        .and_then(|v| all.iter().position(|c| c.value() == v))
        .unwrap_or(all.len())
}

/// A page of the index that shows some incidents only.
struct Filter {
    /// Its page.
    path: String,
    /// What it shows, as the filter's link says it.
    label: String,
    /// How many incidents it shows.
    count: usize,
    /// Which incidents.
    admits: Box<dyn Fn(&Summary) -> bool>,
}

/// The year of an incident, when it has a date.
fn year(s: &Summary) -> Option<i32> {
    hindsight_core::time::parse_date(&s.incident_date).map(|(y, _, _)| y)
}

/// The filters of one kind (severity, status, year) with their name, each only when some
/// incident passes it.
fn filters(site: &Site) -> Vec<(&'static str, Vec<Filter>)> {
    let lang = site.chrome.lang;
    let count =
        |admits: &dyn Fn(&Summary) -> bool| site.summaries.iter().filter(|s| admits(s)).count();
    let keep = |list: Vec<Filter>| list.into_iter().filter(|f| f.count > 0).collect::<Vec<_>>();
    let mut severities: Vec<Filter> = Severity::ALL
        .iter()
        .map(|&sev| {
            let admits = move |s: &Summary| s.severity == Some(sev);
            Filter {
                path: format!("severity-{}.html", sev.value().to_lowercase()),
                label: sev.label(lang).to_owned(),
                count: count(&admits),
                admits: Box::new(admits),
            }
        })
        .collect();
    let unset = |s: &Summary| s.severity.is_none();
    severities.push(Filter {
        path: "severity-not-set.html".into(),
        label: t::NO_SEVERITY.get(lang).to_owned(),
        count: count(&unset),
        admits: Box::new(unset),
    });
    let statuses = Status::ALL
        .iter()
        .map(|&status| {
            let admits = move |s: &Summary| s.status == status;
            Filter {
                path: format!("status-{}.html", status.value().replace('_', "-")),
                label: status.label(lang).to_owned(),
                count: count(&admits),
                admits: Box::new(admits),
            }
        })
        .collect();
    let mut years: Vec<i32> = site.summaries.iter().filter_map(year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let years = years
        .into_iter()
        .map(|y| {
            let admits = move |s: &Summary| year(s) == Some(y);
            Filter {
                path: format!("year-{y}.html"),
                label: y.to_string(),
                count: count(&admits),
                admits: Box::new(admits),
            }
        })
        .collect();
    vec![
        (FieldId::Severity.label(lang), keep(severities)),
        (FieldId::Status.label(lang), keep(statuses)),
        (w::YEAR.get(lang), keep(years)),
    ]
}

/// Every page of the index: the sort orders, then the filters.
pub(super) fn pages(site: &Site) -> Vec<Page> {
    let filters = filters(site);
    let mut pages: Vec<Page> = Sort::ALL
        .iter()
        .map(|&sort| list_page(site, &filters, sort.path(), sort, None))
        .collect();
    for (_, group) in &filters {
        for f in group {
            pages.push(list_page(site, &filters, &f.path, Sort::Date, Some(f)));
        }
    }
    pages
}

/// One page of the index: the filters, the table, and on the index itself the files left
/// out.
fn list_page(
    site: &Site,
    filters: &[(&str, Vec<Filter>)],
    path: &str,
    sort: Sort,
    filter: Option<&Filter>,
) -> Page {
    let lang = site.chrome.lang;
    let title = match filter {
        Some(f) => w::FILTERED.fill(lang, &[&f.label]),
        None => t::INCIDENTS.get(lang).to_owned(),
    };
    let mut main = format!("<h1>{}</h1>\n", escape(&title));
    if !site.summaries.is_empty() {
        main.push_str(&filter_nav(site, filters, path));
        let mut shown: Vec<&Summary> = site
            .summaries
            .iter()
            .filter(|s| filter.is_none_or(|f| (f.admits)(s)))
            .collect();
        shown.sort_by(|a, b| sort.cmp(a, b, site.chrome.today, lang));
        main.push_str(&table(site, path, &shown, sort, filter.is_none()));
    } else {
        main.push_str(&format!(
            "<p class=\"hint\">{}</p>\n",
            w::NOTHING_HERE.get(lang)
        ));
    }
    if path == Part::Incidents.path() {
        main.push_str(&left_out(site, true));
        main.push_str(&left_out(site, false));
    }
    Page {
        path: path.to_owned(),
        lang,
        title,
        part: Some(Part::Incidents),
        report: false,
        main,
    }
}

/// The filters as links, the current one marked.
fn filter_nav(site: &Site, filters: &[(&str, Vec<Filter>)], path: &str) -> String {
    let lang = site.chrome.lang;
    let current = |p: &str| {
        if p == path {
            " aria-current=\"page\""
        } else {
            ""
        }
    };
    let mut out = format!(
        "<nav class=\"filters\" aria-label=\"{}\">\n",
        w::FILTERS.get(lang)
    );
    for (name, group) in filters.iter().filter(|(_, g)| !g.is_empty()) {
        out.push_str(&format!(
            "<p><span class=\"filter-name\">{}</span> <a href=\"{}\"{}>{}</a>",
            name,
            href(path, "index.html"),
            current("index.html"),
            w::ALL_OF_THEM.get(lang)
        ));
        for f in group {
            out.push_str(&format!(
                " <a href=\"{}\"{}>{} <span class=\"count\">{}</span></a>",
                href(path, &f.path),
                current(&f.path),
                escape(&f.label),
                f.count
            ));
        }
        out.push_str("</p>\n");
    }
    out.push_str("</nav>\n");
    out
}

/// The incidents as a table; with `sortable`, each sortable column's name links to its
/// order and the column shown sorted says so.
fn table(site: &Site, path: &str, shown: &[&Summary], sort: Sort, sortable: bool) -> String {
    let lang = site.chrome.lang;
    let today = site.chrome.today;
    let caption = w::SORTED.fill(lang, &[&shown.len().to_string(), sort.words().get(lang)]);
    let hint = if sortable {
        format!(" <span class=\"hint\">{}</span>", w::SORT_HINT.get(lang))
    } else {
        String::new()
    };
    let mut out = format!(
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"list-caption\">\n<table class=\"incidents\">\n<caption id=\"list-caption\">{}{hint}</caption>\n<thead><tr>",
        escape(&caption)
    );
    let columns: [(&str, Option<Sort>); 6] = [
        (FieldId::Title.label(lang), Some(Sort::Title)),
        (FieldId::IncidentId.label(lang), None),
        (FieldId::IncidentDate.label(lang), Some(Sort::Date)),
        (FieldId::Severity.label(lang), Some(Sort::Severity)),
        (FieldId::Status.label(lang), Some(Sort::Status)),
        (w::OPEN_ITEMS.get(lang), Some(Sort::Open)),
    ];
    for (name, by) in columns {
        let aria = match by {
            Some(by) if by == sort => format!(" aria-sort=\"{}\"", by.direction()),
            _ => String::new(),
        };
        let cell = match by {
            Some(by) if sortable => format!("<a href=\"{}\">{name}</a>", href(path, by.path())),
            _ => name.to_owned(),
        };
        out.push_str(&format!("<th scope=\"col\"{aria}>{cell}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for s in shown {
        let page = site
            .pages
            .get(s.id.as_str())
            .map_or("index.html", String::as_str);
        let open = s.open_actions.len();
        let overdue = s.overdue_count(today);
        let open_cell = if overdue > 0 {
            format!(
                "<span class=\"overdue\">{}</span>",
                escape(&w::OPEN_CELL.fill(lang, &[&open.to_string(), &overdue.to_string()]))
            )
        } else {
            open.to_string()
        };
        out.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"{}\"{}><bdi>{}</bdi></a></th><td><bdi>{}</bdi></td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{open_cell}</td></tr>\n",
            href(path, page),
            super::page::lang_attr(s.language, lang),
            escape(display_title(&s.title, s.language)),
            escape(&s.incident_id),
            escape(s.incident_date.trim()),
            s.severity.map_or("—", |sev| sev.label(lang)),
            s.status.label(lang),
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

/// The files that could not be read (`unreadable`), or that are not postmortems, with why.
fn left_out(site: &Site, unreadable: bool) -> String {
    let lang = site.chrome.lang;
    let files: Vec<_> = site
        .left
        .iter()
        .filter(|l| l.unreadable == unreadable)
        .collect();
    if files.is_empty() {
        return String::new();
    }
    let (id, heading) = if unreadable {
        ("unreadable", w::UNREADABLE)
    } else {
        ("not-postmortems", w::NOT_POSTMORTEMS)
    };
    let mut out = format!(
        "<section class=\"left-out\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n<ul>\n",
        heading.get(lang)
    );
    for l in files {
        out.push_str(&format!(
            "<li><code>{}</code>: {}</li>\n",
            escape(l.shown),
            escape(l.why.get(lang))
        ));
    }
    out.push_str("</ul>\n</section>\n");
    out
}
