//! Fuzzes every import and share links: they return a document or an error, never panic; an
//! imported document exports again, and its customer version and review run on it.
#![no_main]

use hindsight_core::customer::customer_markdown;
use hindsight_core::export::export_markdown;
use hindsight_core::import::{import_any_markdown, import_json, import_markdown, MarkdownImport};
use hindsight_core::review::review;
use hindsight_core::share;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(doc) = import_json(text) {
        let _ = export_markdown(&doc);
        let _ = customer_markdown(&doc);
    }
    if let Ok(doc) = import_markdown(text) {
        let again = export_markdown(&doc);
        assert!(import_markdown(&again).is_ok(), "an export imports again");
    }
    // Any Markdown, foreign shapes included; the zone's offset is a fixed +08:00.
    if let Ok(imported) = import_any_markdown(text, "Asia/Taipei", &|_, _| 480) {
        let doc = match imported {
            MarkdownImport::Hindsight(doc) | MarkdownImport::HindsightBody(doc) => doc,
            MarkdownImport::Foreign(foreign) => foreign.doc,
        };
        let again = export_markdown(&doc);
        assert!(
            import_markdown(&again).is_ok(),
            "an imported report exports and imports again"
        );
        let _ = review(&doc, "2026-01-01", &[]);
    }
    let _ = share::decode(text);
});
