//! `hindsight items`: the open action items of every postmortem, as the app's overview lists
//! them (overdue first, grouped by owner), as text with each item's file and line, or as the
//! overview's own Markdown and CSV exports.

use std::collections::HashMap;
use std::io::{self, Write};

use hindsight_core::incidents::html::action_text;
use hindsight_core::incidents::{
    open_items, open_items_csv, open_items_markdown, words as t, Filters, Grouping, Item,
    OpenItems, Summary,
};
use hindsight_core::report::{display_title, DUE, OVERDUE};
use hindsight_core::review::Target;
use hindsight_core::{Choice, FieldId, Language};

use crate::args::Format;
use crate::output::one_line;
use crate::repo::{summaries, File};

/// The open items of the postmortems summarised on `today`, overdue first, grouped by
/// owner: what `items` prints and the site's page lists.
pub fn by_owner(summaries: &[Summary], today: &str) -> OpenItems {
    open_items(summaries, &Filters::default(), Grouping::Owner, today)
}

/// Prints the open items of `files` in `format`.
pub fn print(
    files: &[File],
    today: &str,
    format: Format,
    lang: Language,
    out: &mut dyn Write,
) -> io::Result<()> {
    let items = by_owner(&summaries(files), today);
    match format {
        Format::Markdown => write!(out, "{}", open_items_markdown(&items, lang)),
        Format::Csv => write!(out, "{}", open_items_csv(&items, lang)),
        _ => write!(out, "{}", text(&items, files, lang)),
    }
}

/// The items for people: a heading with the counts, then each owner's items, one line
/// each, `file:line: action (postmortem · due … · priority · Overdue)`, the line being the
/// item's row in its file.
fn text(items: &OpenItems, files: &[File], lang: Language) -> String {
    let (colon, open, close) = match lang {
        Language::En => (": ", " (", ")"),
        Language::ZhTw => ("：", "（", "）"),
    };
    let mut out = format!(
        "{}{colon}{}\n",
        t::OPEN_ACTION_ITEMS.get(lang),
        items.counts_text(lang)
    );
    if items.total == 0 {
        out.push_str(t::NO_OPEN_ITEMS.get(lang));
        out.push('\n');
        return out;
    }
    let by_path: HashMap<&str, &File> = files.iter().map(|f| (f.found.shown.as_str(), f)).collect();
    let mut locators = HashMap::new();
    for group in &items.groups {
        let counts = t::OPEN_COUNTS.fill(
            lang,
            &[&group.items.len().to_string(), &group.overdue.to_string()],
        );
        out.push_str(&format!("\n{}{colon}{counts}\n", group.key.label(lang)));
        for item in &group.items {
            let line = locators
                .entry(item.draft_id.as_str())
                .or_insert_with(|| {
                    by_path
                        .get(item.draft_id.as_str())
                        .and_then(|f| f.locator())
                })
                .as_ref()
                .map_or(1, |l| {
                    l.line(Target::Row {
                        field: FieldId::Action,
                        index: item.index,
                    })
                });
            out.push_str(&format!(
                "  {}:{line}{colon}{}{open}{}{close}\n",
                item.draft_id,
                one_line(&action_text(item, lang)),
                details(item, lang).join(" · ")
            ));
        }
    }
    out
}

/// What the line says of an item besides its action.
fn details(item: &Item, lang: Language) -> Vec<String> {
    let mut details = vec![one_line(display_title(&item.draft_title, lang))];
    if !item.due_date.trim().is_empty() {
        details.push(DUE.fill(lang, &[item.due_date.trim()]));
    }
    details.extend(item.priority.map(|p| p.label(lang).to_owned()));
    if item.overdue {
        details.push(OVERDUE.get(lang).to_owned());
    }
    details
}
