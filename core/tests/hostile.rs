//! Hostile input never becomes markup: a corpus of attacks run through the render pipeline
//! with invariant checks, deep nesting checked by structure, and a fixed-seed fuzz run over
//! render and every import.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use hindsight_core::export::export_html;
use hindsight_core::markdown::to_markdown;
use hindsight_core::Postmortem;
use hindsight_core::{
    customer::customer_markdown, export::export_markdown, import::import_any_markdown,
    import::import_json, import::import_markdown, import::MarkdownImport, review::review,
};
use hindsight_core::{render::render_html, render::MAX_NESTING};
use proptest::prelude::*;

/// The corpus: `@@@ name` lines, each followed by its input.
fn corpus() -> Vec<(String, String)> {
    let text = include_str!("fixtures/hostile.txt");
    let mut cases: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("@@@ ") {
            cases.push((name.to_owned(), String::new()));
        } else if let Some((_, body)) = cases.last_mut() {
            if !body.is_empty() {
                body.push('\n');
            }
            body.push_str(line);
        }
    }
    cases
}

const ELEMENTS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "em",
    "strong",
    "del",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "br",
    "span",
    "div",
];

fn allowed_attribute(element: &str, attribute: &str) -> bool {
    matches!(
        (element, attribute),
        ("a", "href" | "title" | "target" | "rel" | "class")
            | ("span", "class" | "role" | "aria-label")
            | ("ol", "start")
            | ("code", "class")
            // A wide table's cells carry their header, escaped, for the narrow card layout.
            | ("td", "data-label")
            // The pipeline's own scrolling box around tables.
            | ("div", "class" | "tabindex" | "role" | "aria-label")
    )
}

fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A scheme check written apart from the pipeline's own: only http, https and mailto, or no
/// scheme at all.
fn safe_href(href: &str) -> bool {
    let cleaned: String = decode_entities(href)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            let before = &cleaned[..colon];
            before.contains(['/', '?', '#']) || ["http", "https", "mailto"].contains(&before)
        }
    }
}

/// How large rendered output may be: a small multiple of the input, plus a fixed amount of
/// markup per nesting level (which is capped).
fn output_bound(input_len: usize) -> usize {
    10 * input_len + 64 * MAX_NESTING
}

fn check_invariants(name: &str, input: &str, html: &str) {
    let opening = common::tags(html).unwrap_or_else(|e| panic!("{name}: {e}\n{html}"));
    for (element, attrs) in opening.into_iter().filter(|(n, _)| !n.starts_with('/')) {
        assert!(
            ELEMENTS.contains(&element.as_str()),
            "{name}: <{element}> from user text\n{html}"
        );
        for (attribute, value) in attrs {
            assert!(
                allowed_attribute(&element, &attribute),
                "{name}: {attribute} on <{element}>\n{html}"
            );
            if attribute == "href" {
                assert!(safe_href(&value), "{name}: dangerous href {value}\n{html}");
            }
        }
    }
    assert!(!html.contains("<script"), "{name}\n{html}");
    assert_eq!(render_html(input), html, "{name}: rendering twice differs");
    assert!(
        html.len() <= output_bound(input.len()),
        "{name}: output grew {} → {}",
        input.len(),
        html.len()
    );
}

#[test]
fn the_corpus_has_at_least_forty_attacks() {
    assert!(corpus().len() >= 40, "{}", corpus().len());
}

#[test]
fn no_hostile_input_becomes_markup() {
    for (name, input) in corpus() {
        check_invariants(&name, &input, &render_html(&input));
    }
}

#[test]
fn hostile_fields_stay_text_through_the_report_and_the_html_export() {
    for (name, input) in corpus() {
        let mut doc = Postmortem::default();
        doc.header.title = input.clone();
        doc.summary = input.clone();
        doc.lessons.went_wrong = vec![input.clone()];
        let md = to_markdown(&doc);
        check_invariants(&name, &md, &render_html(&md));
        let page = export_html(&doc);
        let body = page
            .split("<article class=\"report\">")
            .nth(1)
            .expect("article");
        assert!(!body.contains("<script"), "{name}");
        let title = page
            .split("<title>")
            .nth(1)
            .and_then(|t| t.split("</title>").next())
            .expect("title");
        assert!(
            !title.contains('<'),
            "{name}: the title is escaped: {title}"
        );
    }
}

fn max_depth(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for (i, _) in html.match_indices('<') {
        let tag = &html[i + 1..];
        if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else if !tag.starts_with("br") && !tag.starts_with("hr") {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

#[test]
fn deeply_nested_quotes_are_flattened() {
    let input = "> ".repeat(50_000) + "deep";
    let html = render_html(&input);
    assert!(
        max_depth(&html) <= MAX_NESTING + 2,
        "depth {}",
        max_depth(&html)
    );
    assert!(html.contains("deep"));
    assert!(html.len() <= 4 * input.len());
}

#[test]
fn deeply_nested_lists_are_flattened() {
    let input = "* ".repeat(80_000) + "item";
    let html = render_html(&input);
    assert!(
        max_depth(&html) <= MAX_NESTING + 2,
        "depth {}",
        max_depth(&html)
    );
    assert!(html.len() <= 4 * input.len());
}

#[test]
fn short_deep_quotes_found_by_the_fuzzer_stay_bounded() {
    for input in [">".repeat(18) + "x", ">".repeat(17) + "\\\n>\\\n"] {
        let html = render_html(&input);
        assert!(
            html.len() <= output_bound(input.len()),
            "{} → {}",
            input.len(),
            html.len()
        );
        assert!(
            html.len() > 10 * input.len(),
            "the case the old bound got wrong"
        );
    }
}

#[test]
fn deeply_nested_emphasis_and_brackets_stay_bounded() {
    for input in [
        "*a ".repeat(20_000),
        "[".repeat(50_000) + &"]".repeat(50_000),
        "`".repeat(30_000),
    ] {
        let html = render_html(&input);
        assert!(max_depth(&html) <= MAX_NESTING + 2);
        assert!(html.len() <= 6 * input.len() + 100);
    }
}

/// Pieces of Markdown, HTML and JSON syntax for the fuzz run.
const FUZZ: &[&str] = &[
    "<",
    ">",
    "/",
    "script",
    "img",
    "onerror=",
    "=",
    "\"",
    "'",
    "javascript:",
    "&#58;",
    "[",
    "]",
    "(",
    ")",
    "!",
    "*",
    "_",
    "`",
    "```",
    "> ",
    "- ",
    "1. ",
    "#",
    "|",
    "---",
    "\n",
    "\n\n",
    " ",
    "{",
    "}",
    ":",
    ",",
    "\"schema_version\"",
    "1",
    "null",
    "[]",
    "\u{feff}",
    "\\",
    "😀",
    "資料",
];

#[test]
fn fuzz_render_and_imports_never_panic_and_stay_bounded() {
    let mut runner = common::seeded_runner(2_000, 21);
    let input = prop::collection::vec(prop::sample::select(FUZZ), 0..60).prop_map(|p| p.concat());
    runner
        .run(&input, |text| {
            let html = render_html(&text);
            prop_assert!(html.len() <= output_bound(text.len()));
            prop_assert!(!html.contains("<script"));
            // Imports either succeed or say why; neither panics.
            let _ = import_json(&text);
            let _ = import_markdown(&text);
            let _ = import_markdown(&format!(
                "---\nschema_version: 1\n---\n\n## Summary\n\n{text}"
            ));
            // Any Markdown, foreign shapes included, exports and imports again, and the
            // review and the customer version run on what it made.
            let headed = format!("# Outage\n\n## Timeline\n\n{text}\n\n## Root cause\n\n{text}");
            for input in [text.as_str(), headed.as_str()] {
                if let Ok(imported) = import_any_markdown(input, "Asia/Taipei", &|_, _| 480) {
                    let doc = match imported {
                        MarkdownImport::Hindsight(doc) | MarkdownImport::HindsightBody(doc) => doc,
                        MarkdownImport::Foreign(foreign) => foreign.doc,
                    };
                    prop_assert!(import_markdown(&export_markdown(&doc)).is_ok());
                    let _ = review(&doc, "2026-01-01", &[]);
                    let _ = customer_markdown(&doc);
                }
            }
            Ok(())
        })
        .expect("no panic, bounded output");
}
