//! Fuzzes the render pipeline: no panic, bounded output, and no markup from user text.
#![no_main]

use hindsight_core::render::{render_html, MAX_NESTING};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = render_html(text);
    // Each nesting level costs a fixed amount of markup, and nesting is capped.
    let bound = 10 * text.len() + 64 * MAX_NESTING;
    assert!(html.len() <= bound, "output grew too much");
    assert!(
        !html.contains("<script"),
        "a script element came from user text"
    );
    assert_eq!(render_html(text), html, "rendering is deterministic");
});
