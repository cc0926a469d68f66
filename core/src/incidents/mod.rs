//! The cross-incident overview (Incidents / 事件總覽): what every draft says together.
//!
//! Start-up and the overview read a small [`Index`] of the drafts kept in storage beside
//! them, checked against each stored value's length and hash instead of parsing every draft.
//! From its [`Summary`]s come the open action items across drafts, related incidents,
//! which drafts are one incident in two languages ([`are_translations`]), trends with their
//! SVG charts and table alternatives, the exports of open items, the
//! read-only drafts of a team's folder, and the lists as HTML ([`html`]) that the app's
//! overview and `hindsight site` share. Everything here is a pure function of its inputs.

pub(crate) mod cause;
mod export;
mod folder;
pub mod html;
mod index;
mod open_items;
mod related;
mod svg;
mod translations;
mod trends;
pub mod words;

pub use cause::cause_words;
pub use export::{open_items_csv, open_items_markdown};
pub use folder::{
    import_folder, import_folder_with, is_already_a_draft, is_markdown_path, read_folder,
    FolderEntry, FolderFailure, FolderImport, FOLDER_ID_PREFIX,
};
pub(crate) use index::fnv1a64;
pub use index::{
    load_index, newest_first, remove_index, save_index, summarize, summarize_doc, Index,
    IndexHealth, IndexState, OpenAction, Stamp, Summary, INDEX_KEY, INDEX_VERSION, STAMP_PREFIX,
};
pub use open_items::{
    mark_done, mark_not_done, open_items, Filters, Group, GroupKey, Grouping, Item, Marked,
    OpenItems,
};
pub use related::{
    names_incident, related, related_all, similarity, tag_weight, Reason, Related,
    RARE_TAG_AT_LEAST, SIMILAR_AT_LEAST, TAGS_RELATE_AT,
};
pub use translations::{
    also_in, are_translations, incident_numbers, once_per_incident, translations_of,
};
pub use trends::{
    durations_over_time, durations_svg, durations_table, incidents_per_month, per_month_svg,
    per_month_table, trends, ChartTable, DurationPoint, MonthRow, PerMonth, TrendRange, Trends,
};

/// Cuts text to at most `max` bytes on a character boundary, so the index stays small
/// whatever a field holds.
pub(crate) fn clip(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}
