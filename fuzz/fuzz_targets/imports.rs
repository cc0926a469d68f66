//! Fuzzes both imports and share links: they return a document or an error, never panic,
//! and an imported document exports again.
#![no_main]

use hindsight::domain::{export, import, share};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(doc) = import::import_json(text) {
        let _ = export::export_markdown(&doc);
    }
    if let Ok(doc) = import::import_markdown(text) {
        let again = export::export_markdown(&doc);
        assert!(import::import_markdown(&again).is_ok(), "an export imports again");
    }
    let _ = share::decode(text);
});
