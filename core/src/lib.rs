//! Hindsight's core: everything of the postmortem editor that is not the browser.
//!
//! The document and its one table of fields, the report's words in English and Traditional
//! Chinese, Markdown writing and reading, the safe render pipeline, the exchange formats, the
//! drafts in key-value storage and the editing session. No leptos, web-sys or wasm-bindgen:
//! the compiler keeps the layers apart, and all of it is tested natively.
//!
//! ```
//! use hindsight_core::{render_html, to_markdown, Postmortem};
//!
//! let mut doc = Postmortem::default();
//! doc.header.title = "Cache served <b>wrong</b> users".into();
//! doc.summary = "A **bug** in the cache client.".into();
//! let html = render_html(&to_markdown(&doc));
//! assert!(html.contains("<strong>bug</strong>"));
//! assert!(html.contains("&lt;b&gt;wrong&lt;/b&gt;"));
//! ```

#![forbid(unsafe_code)]

mod backup;
mod choice;
mod customer;
mod document;
mod draft;
mod error;
mod example;
mod example_zh;
mod export;
pub mod fields;
mod import;
pub mod incidents;
mod json;
mod markdown;
pub mod messages;
mod metrics;
mod migrate;
mod normalize;
mod render;
pub mod report;
pub mod review;
mod sections;
pub mod session;
mod share;
mod sort;
mod storage;
mod strict_json;
pub mod text;
mod time;
mod words;

pub use backup::{read_backup, restore, write_backup, Backup, BACKUP_FORMAT};
pub use choice::Choice;
pub use customer::{
    add_always_redact, customer_file_stem, customer_html, customer_markdown, customer_text,
    customer_version, derived_text, notice_internal_details, people_named, redacted,
    remove_always_redact, reset_public_text, set_action_public, set_let_through, set_public_text,
    words as customer_words, Hit, HitKind, Part, PublicPart, Scanner,
};
pub use document::{
    split_list, split_list_in, ActionItem, ActionType, Causes, Communication, DetectedBy,
    Detection, Dismissal, EventKind, Header, Impact, Language, Lessons, Postmortem, Priority,
    PublicVersion, Response, Severity, Status, Template, TimelineEvent, SCHEMA_VERSION,
};
pub use draft::{draft_from_value, Draft, ReadDraft};
pub use error::{ImportError, MAX_IMPORT_BYTES};
pub use example::chatgpt_2023_03_20;
pub use example_zh::{chatgpt_2023_03_20_zh, worked_example};
pub use export::{
    export_html, export_json, export_markdown, export_markdown_body, file_stem, mermaid_timeline,
    REPORT_CSS,
};
pub use fields::{FieldId, Kind, Place};
pub use import::{
    import_any_markdown, import_foreign, import_markdown_body, targets as import_targets,
    ForeignImport, MarkdownImport, Part as ImportPart, Target as ImportTarget,
};
pub use import::{import_json, import_json_reporting, import_markdown};

/// The messages of the Markdown importers of other formats, for tests and the UI.
pub mod import_messages {
    pub use crate::import::body::messages as body;
    pub use crate::import::foreign::messages as foreign;
}
pub use markdown::{section_markdown, to_markdown};
pub use metrics::{sorted_by_time, spans_days, TimelineMetrics};
pub use migrate::{migrate, Migrated};
pub use render::{
    escape_html_into, is_safe_url, markdown_options, push_escaped, render_html, render_html_in,
    MAX_NESTING,
};
pub use report::{display_title, format_duration, severity_text};
/// The review's phrase lists, one table per language.
pub use review::phrases as review_phrases;
/// The review's words in both languages.
pub use review::wording as review_words;
pub use review::{
    counts, depends_on, is_dismissed, listed_people, no_notice_scan, review, review_notice,
    review_others, review_section, review_with, rows_out_of_order, sort_findings, timeline_order,
    Check, Counts, Finding, Level, NoticeScan, OrderIssue, OtherDraft, Target, NARRATIVE,
};
pub use sections::{Guidance, SectionId};
pub use session::{Env, Session};
pub use share::{decode as decode_share, encode as encode_share, MAX_SHARE_CHARS, SHARE_PREFIX};
pub use sort::{sort, sort_by, sort_by_key};
pub use storage::{
    draft_key, head, parse_draft, DraftStore, KeyValue, Loaded, MemoryKv, Unreadable, WriteError,
    DRAFT_PREFIX, META_PREFIX, PREMIGRATION_PREFIX, QUARANTINE_PREFIX,
};
pub use time::{format_offset, parse_date, LocalDateTime, Timestamp};
pub use words::{audit, counted, fill, placeholders, w, Text, Words};

/// Markdown escaping, for tests and tools that check what the exports write.
pub mod escape {
    pub use crate::markdown::escape::{
        escape_block, escape_cell, escape_inline, lines, split_row, unescape_block, unescape_cell,
        unescape_inline,
    };
}

/// The normalized shape of fields that Markdown carries.
pub use normalize::{block as normalize_block, inline as normalize_inline};

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
        tables.extend(
            crate::customer::people::phrase_tables()
                .into_iter()
                .map(named),
        );
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
