//! Helpers shared by the native integration tests.
#![allow(dead_code)]

/// Compares `actual` with `tests/fixtures/{name}`; with `UPDATE_GOLDENS` set, rewrites it
/// first (review the diff before committing: a golden blessed blindly proves nothing).
pub fn golden(name: &str, actual: &str) {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDENS").is_some() {
        std::fs::write(&path, actual).expect("writes golden");
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden {path}"));
    assert_eq!(
        actual, expected,
        "{name} differs from its golden; rerun with UPDATE_GOLDENS=1 and review the diff"
    );
}

/// A property-test runner with a fixed seed, so every run checks the same cases.
pub fn seeded_runner(cases: u32, seed: u8) -> proptest::test_runner::TestRunner {
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]),
    )
}

/// An opening HTML tag: its element name and its attributes (name, value).
pub type Tag = (String, Vec<(String, String)>);

/// Every tag of an HTML text in order, closing tags as `/name` with no attributes; an
/// unterminated tag or attribute is an error.
pub fn tags(html: &str) -> Result<Vec<Tag>, String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').ok_or("a tag never closes")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let closing = tag.starts_with('/');
        let body = tag.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut a = body[name.len()..].trim_start();
        while !a.is_empty() && a != "/" {
            let key: String = a
                .chars()
                .take_while(|c| *c != '=' && !c.is_whitespace() && *c != '/')
                .collect();
            if key.is_empty() {
                return Err(format!("odd attribute text in <{tag}>"));
            }
            a = &a[key.len()..];
            let mut value = String::new();
            if let Some(after) = a.strip_prefix("=\"") {
                let close = after.find('"').ok_or("unterminated attribute")?;
                value = after[..close].to_owned();
                a = &after[close + 1..];
            }
            attrs.push((key, value));
            a = a.trim_start();
        }
        out.push((if closing { format!("/{name}") } else { name }, attrs));
    }
    Ok(out)
}
