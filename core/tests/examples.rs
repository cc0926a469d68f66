//! The worked examples the app fetches when asked ("Open example"), rather than carrying them
//! in its first load: `assets/examples/`, which Trunk copies into the build and the service
//! worker precaches. They are the core's `worked_example`, exported as JSON, so the example
//! is still written once, in `core/src/example`.
#![cfg(not(target_arch = "wasm32"))]

use hindsight_core::example::worked_example;
use hindsight_core::export::export_json;
use hindsight_core::import::import_json;
use hindsight_core::{Choice, Language};

#[test]
fn the_apps_example_files_are_the_cores_worked_example() {
    for &lang in Language::ALL {
        let path = format!(
            "{}/../assets/examples/worked-example.{}.json",
            env!("CARGO_MANIFEST_DIR"),
            lang.value()
        );
        let expected = export_json(&worked_example(lang));
        if std::env::var_os("UPDATE_GOLDENS").is_some() {
            std::fs::write(&path, &expected).expect("writes the example");
        }
        let file = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {path}"));
        assert_eq!(
            file, expected,
            "{path} is not the core's worked example; rerun with UPDATE_GOLDENS=1"
        );
        // What the app does with it: read it back as a document, losing nothing.
        assert_eq!(import_json(&file).expect("reads"), worked_example(lang));
    }
}
