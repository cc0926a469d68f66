//! The open action items as files: Markdown (a task list per group) and CSV for
//! spreadsheets, with the headers in the chosen language.

use std::fmt::Write;

use super::open_items::{Item, OpenItems};
use super::words as t;
use crate::choice::Choice;
use crate::document::Language;
use crate::fields::{yes_no, FieldId};
use crate::markdown::escape::escape_inline;
use crate::report::{display_title, DUE, NO_ACTION_WRITTEN, OVERDUE};

/// The open items as Markdown: a heading per group (per owner when grouped by owner), then
/// a task list, each task with its draft's title, due date and whether it is overdue. User
/// text is escaped as the report escapes it: no title, owner or action can forge a heading,
/// a list item or a checked box, and inline Markdown in them renders as in the report.
pub fn open_items_markdown(items: &OpenItems, lang: Language) -> String {
    let mut out = format!("# {}\n", t::OPEN_ACTION_ITEMS.get(lang));
    for group in &items.groups {
        let _ = write!(out, "\n## {}\n\n", escape_inline(&group.key.label(lang)));
        for item in &group.items {
            let _ = writeln!(out, "- [ ] {}", task(item, lang));
        }
    }
    out
}

fn task(item: &Item, lang: Language) -> String {
    let mut text = escape_inline(&item.action);
    if text.is_empty() {
        text = NO_ACTION_WRITTEN.get(lang).to_owned();
    }
    let mut details = vec![escape_inline(display_title(&item.draft_title, lang))];
    if !item.due_date.trim().is_empty() {
        details.push(DUE.fill(lang, &[&escape_inline(&item.due_date)]));
    }
    if item.overdue {
        details.push(OVERDUE.get(lang).to_owned());
    }
    match lang {
        Language::En => format!("{text} ({})", details.join(", ")),
        Language::ZhTw => format!("{text}（{}）", details.join("，")),
    }
}

/// The open items as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends),
/// one row per item in the list's order, headers in `lang`. It starts with a byte-order
/// mark, without which Excel reads UTF-8 (and so every Chinese character) wrongly.
pub fn open_items_csv(items: &OpenItems, lang: Language) -> String {
    let headers = [
        FieldId::ActionOwner.label(lang),
        FieldId::Action.label(lang),
        FieldId::ActionType.label(lang),
        FieldId::Priority.label(lang),
        FieldId::DueDate.label(lang),
        OVERDUE.get(lang),
        FieldId::IncidentId.label(lang),
        FieldId::Title.label(lang),
        FieldId::Severity.label(lang),
        FieldId::Status.label(lang),
        FieldId::TrackingLink.label(lang),
    ];
    let mut out = String::from("\u{feff}");
    row(&mut out, headers.iter().map(|h| (*h).to_owned()));
    for item in items.groups.iter().flat_map(|g| &g.items) {
        row(
            &mut out,
            [
                item.owner.clone(),
                item.action.clone(),
                item.kind
                    .map(|k| k.label(lang).to_owned())
                    .unwrap_or_default(),
                item.priority
                    .map(|p| p.label(lang).to_owned())
                    .unwrap_or_default(),
                item.due_date.clone(),
                yes_no(item.overdue, lang),
                item.incident_id.clone(),
                display_title(&item.draft_title, lang).to_owned(),
                item.severity
                    .map(|s| s.label(lang).to_owned())
                    .unwrap_or_default(),
                item.status.label(lang).to_owned(),
                item.tracking_link.clone(),
            ],
        );
    }
    out
}

fn row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|c| cell(&c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One CSV field. A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab
/// or carriage return before one) as a formula, so such text gets a leading `'`, which
/// shows it as text; then the field is quoted when it holds a comma, quote or line break.
fn cell(text: &str) -> String {
    let risky = text
        .trim_start_matches([' ', '\t', '\r', '\n'])
        .starts_with(['=', '+', '-', '@'])
        || text.starts_with(['\t', '\r']);
    let text = if risky {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_formulas_disarmed() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+31 6"), "'+31 6");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("  =cmd|' /C calc'!A0"), "'  =cmd|' /C calc'!A0");
        assert_eq!(
            cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(cell("2024-01-02"), "2024-01-02");
    }
}
