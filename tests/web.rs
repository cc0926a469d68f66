//! Browser component tests: the real app mounted in headless Chromium.
#![cfg(target_arch = "wasm32")]

use hindsight::ui::App;
use leptos::mount::mount_to;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

fn by_id(id: &str) -> Element {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("no element #{id}"))
}

/// A fresh page state: no stored drafts, no draft in the URL, a new host element.
fn fresh_host() -> HtmlElement {
    let window = web_sys::window().expect("a window");
    window
        .local_storage()
        .ok()
        .flatten()
        .expect("storage")
        .clear()
        .expect("clears");
    let _ = window.history().expect("history").replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some("?"),
    );
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("appends");
    host
}

/// Types into a field as a user would: set the value, then fire `input`.
fn type_into(id: &str, text: &str) {
    let el = by_id(id);
    if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(text);
    } else {
        el.dyn_ref::<HtmlInputElement>()
            .expect("an input")
            .set_value(text);
    }
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("an event");
    el.dispatch_event(&event).expect("dispatches");
}

#[wasm_bindgen_test]
async fn markdown_typed_into_the_summary_renders_as_markup() {
    let host = fresh_host();
    let handle = mount_to(host.clone(), App);
    tick().await;
    // The sections below the first screen, and the review, come after the first paint.
    after_first_paint().await;

    type_into(
        "summary-summary",
        "Users saw **wrong data** and `500` errors",
    );
    tick().await;

    let html = by_id("preview-summary").inner_html();
    assert!(html.contains("<h2>Summary</h2>"), "{html}");
    assert!(html.contains("<strong>wrong data</strong>"), "{html}");
    assert!(html.contains("<code>500</code>"), "{html}");

    type_into("summary-summary", "<img src=x onerror=alert(1)>");
    tick().await;
    let html = by_id("preview-summary").inner_html();
    assert!(!html.contains("<img"), "raw HTML must stay text: {html}");
    assert!(html.contains("&lt;img"), "{html}");

    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_keystroke_changes_only_its_own_sections_preview() {
    let host = fresh_host();
    let handle = mount_to(host.clone(), App);
    tick().await;
    // The sections below the first screen, and the review, come after the first paint.
    after_first_paint().await;

    type_into("summary-summary", "A first summary");
    type_into("impact-impact", "Some impact");
    tick().await;

    let summary_before = by_id("preview-summary")
        .first_element_child()
        .expect("summary preview has content");
    let impact_before = by_id("preview-impact")
        .first_element_child()
        .expect("impact preview has content");
    let header_before = by_id("preview-header")
        .first_element_child()
        .expect("header preview has content");

    type_into("summary-summary", "A second summary");
    tick().await;

    let summary_after = by_id("preview-summary")
        .first_element_child()
        .expect("content");
    let impact_after = by_id("preview-impact")
        .first_element_child()
        .expect("content");
    let header_after = by_id("preview-header")
        .first_element_child()
        .expect("content");
    // Patched, not replaced: the heading stays, the text changes.
    assert!(
        summary_after.is_same_node(Some(&summary_before)),
        "the edited section keeps the nodes that did not change"
    );
    assert!(by_id("preview-summary")
        .inner_html()
        .contains("A second summary"));
    assert!(
        impact_after.is_same_node(Some(&impact_before)),
        "another section keeps its nodes"
    );
    assert!(
        header_after.is_same_node(Some(&header_before)),
        "the header keeps its nodes"
    );

    drop(handle);
    host.remove();
}

/// Waits until the app has painted once and its deferred work (the first review) has run.
async fn after_first_paint() {
    wait(100).await;
}

/// Waits `ms` milliseconds.
async fn wait(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("a timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the timer fires");
}

/// Waits until `done` holds (the review answers by message, a moment after a change), for
/// 15 s at most: a worker that cannot start here is given up on and the page answers.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..300 {
        if done() {
            return;
        }
        wait(50).await;
    }
    panic!("{what}");
}

/// The Review region's open findings, as their text.
fn review_items() -> Vec<Element> {
    let list = document()
        .query_selector_all("#review-pane ul.findings:not(.dismissed) > li")
        .expect("a selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

#[wasm_bindgen_test]
async fn a_root_cause_that_blames_a_person_is_reviewed_under_its_field_and_in_the_region() {
    let host = fresh_host();
    let handle = mount_to(host.clone(), App);
    tick().await;
    // The sections below the first screen, and the review, come after the first paint.
    after_first_paint().await;

    type_into("causes-root-causes", "Human error during the deploy.");
    let title = "Root cause blames a person";
    let listed = || {
        review_items()
            .iter()
            .any(|li| li.text_content().unwrap_or_default().starts_with(title))
    };
    until("a list item starts with the title", listed).await;
    let items = review_items();
    let described = by_id("causes-root-causes")
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(
        described
            .split(' ')
            .any(|id| id == "causes-root-causes-review"),
        "{described}"
    );
    let note = by_id("causes-root-causes-review")
        .text_content()
        .unwrap_or_default();
    assert!(note.starts_with(title), "{note}");

    // Typing elsewhere, the review answers again: the unchanged finding keeps its node.
    let kept = items
        .into_iter()
        .find(|li| li.text_content().unwrap_or_default().starts_with(title))
        .expect("the finding");
    type_into("summary-summary", "Checkout failed for 40 minutes.");
    wait(1000).await;
    assert!(
        review_items().iter().any(|li| li.is_same_node(Some(&kept))),
        "an unchanged finding keeps its list item"
    );

    // Fixed, it leaves the region and the field.
    type_into(
        "causes-root-causes",
        "A retry storm overloaded the database.",
    );
    until("the fixed finding leaves the region", || !listed()).await;
    assert!(document()
        .get_element_by_id("causes-root-causes-review")
        .is_none());

    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn the_overview_lists_every_drafts_open_items_and_marks_one_done_in_its_draft() {
    let host = fresh_host();
    let window = web_sys::window().expect("a window");
    let storage = window.local_storage().ok().flatten().expect("storage");
    for (id, title, actions) in [
        (
            "w1",
            "First",
            r#"[{"action":"Fix one","due_date":"2000-01-01"},{"action":"Old","done":true}]"#,
        ),
        ("w2", "Second", r#"[{"action":"Fix two"}]"#),
    ] {
        let draft = format!(
            r#"{{"id":"{id}","rev":1,"created_at":1,"updated_at":1,"doc":{{"schema_version":2,"header":{{"title":"{title}","tags":["shared"]}},"action_items":{actions}}}}}"#
        );
        storage
            .set_item(&format!("hindsight:draft:{id}"), &draft)
            .expect("stores");
    }
    window
        .history()
        .expect("history")
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("?draft=w1&view=incidents"),
        )
        .expect("sets the URL");
    let handle = mount_to(host.clone(), App);
    tick().await;
    // The sections below the first screen, and the review, come after the first paint.
    after_first_paint().await;

    let list = by_id("open-items-list");
    let actions: Vec<String> = (0..list
        .query_selector_all(".item-action")
        .expect("items")
        .length())
        .filter_map(|i| {
            list.query_selector_all(".item-action")
                .ok()?
                .item(i)?
                .text_content()
        })
        .collect();
    assert_eq!(
        actions,
        ["Fix one", "Fix two"],
        "open items only, overdue first"
    );

    let mark = list
        .query_selector("button[aria-label='Mark done: Fix two']")
        .ok()
        .flatten()
        .expect("a Mark done button")
        .unchecked_into::<HtmlElement>();
    mark.click();
    tick().await;
    let stored = storage
        .get_item("hindsight:draft:w2")
        .ok()
        .flatten()
        .expect("still stored");
    assert!(
        stored.contains(r#""done":true"#),
        "written to its draft: {stored}"
    );
    assert_eq!(
        by_id("open-items-list")
            .query_selector_all("li")
            .expect("items")
            .length(),
        1
    );

    drop(handle);
    host.remove();
}
