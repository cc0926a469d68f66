//! Hindsight's core: everything of the postmortem editor that is not the browser.
//!
//! The document and its one table of fields, the report's words in English and Traditional
//! Chinese, Markdown writing and reading, the safe render pipeline, the exchange formats, the
//! drafts in key-value storage and the editing session. No leptos, web-sys or wasm-bindgen:
//! the compiler keeps the layers apart, and all of it is tested natively.
//!
//! ```
//! use hindsight_core::markdown::to_markdown;
//! use hindsight_core::render::render_html;
//! use hindsight_core::Postmortem;
//!
//! let mut doc = Postmortem::default();
//! doc.header.title = "Cache served <b>wrong</b> users".into();
//! doc.summary = "A **bug** in the cache client.".into();
//! let html = render_html(&to_markdown(&doc));
//! assert!(html.contains("<strong>bug</strong>"));
//! assert!(html.contains("&lt;b&gt;wrong&lt;/b&gt;"));
//! ```

#![forbid(unsafe_code)]

pub mod backup;
pub mod choice;
pub mod customer;
pub mod document;
pub mod draft;
pub mod error;
pub mod example;
pub mod export;
pub mod fields;
pub mod import;
pub mod incidents;
mod json;
pub mod markdown;
pub mod merge;
pub mod messages;
pub mod metrics;
pub mod migrate;
pub mod names;
pub mod normalize;
pub mod offload;
pub mod people;
pub mod placeholders;
pub mod render;
pub mod report;
pub mod review;
pub mod sections;
pub mod session;
pub mod share;
pub mod sort;
pub mod storage;
mod strict_json;
pub mod text;
pub mod time;
pub mod trackers;
pub mod words;

// The vocabulary nearly every caller speaks: the document and its parts, the field and
// section tables' ids, and text in both languages. Everything else is reached through its
// module (`review::review`, `import::import_foreign`, `customer::customer_version`).
pub use choice::Choice;
pub use document::{
    ActionItem, ActionType, Causes, Communication, DetectedBy, Detection, Dismissal, EventKind,
    Header, Impact, Language, Lessons, Postmortem, Priority, PublicVersion, Response, Severity,
    Status, Template, TimelineEvent, SCHEMA_VERSION,
};
pub use draft::Draft;
pub use fields::FieldId;
pub use sections::SectionId;
pub use time::Timestamp;
pub use words::{w, Text, Words};

#[cfg(test)]
mod tests {
    use crate::text::is_normalized;

    #[test]
    fn every_phrase_and_synonym_table_is_written_as_the_matchers_compare() {
        let mut tables: Vec<(String, Vec<&'static str>)> = crate::review::phrases::all_lists();
        let named = |(n, rows): (&str, Vec<&'static str>)| (n.to_owned(), rows);
        tables.extend(crate::import::phrase_tables().into_iter().map(named));
        tables.extend(
            crate::incidents::cause::phrase_tables()
                .into_iter()
                .map(named),
        );
        tables.extend(crate::people::phrase_tables().into_iter().map(named));
        let wrong: Vec<String> = tables
            .iter()
            .flat_map(|(name, rows)| {
                rows.iter()
                    .filter(|r| !is_normalized(r))
                    .map(move |r| format!("{name}: {r:?}"))
            })
            .collect();
        assert!(wrong.is_empty(), "not in matching form: {wrong:#?}");
    }
}
