//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use std::collections::HashMap;

use hindsight_core::export::export_json;
use hindsight_core::import::{ForeignImport, Target as T};
use hindsight_core::markdown::escape;
use hindsight_core::render::markdown_options;
use hindsight_core::time::LocalDateTime;
use hindsight_core::*;
use pulldown_cmark::{Event, Parser};

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

/// Offsets of the zones the fixtures use, with their daylight saving time rules, as the
/// browser would give them.
pub fn offset_at(zone: &str, utc: i64) -> i32 {
    let local = LocalDateTime::from_epoch_seconds(utc);
    let year = local.year;
    let day_secs = |m: u32, d: u32| {
        LocalDateTime {
            year,
            month: m,
            day: d,
            hour: 0,
            minute: 0,
            second: 0,
        }
        .as_epoch_seconds()
    };
    // The n-th Sunday of a month (n = 0 for the last).
    let sunday = |m: u32, n: u32| -> i64 {
        let days_in = |m: u32| match m {
            3 | 10 => 31,
            _ => 30,
        };
        let sundays: Vec<i64> = (1..=days_in(m))
            .map(|d| day_secs(m, d))
            .filter(|s| (s.div_euclid(86_400) + 4).rem_euclid(7) == 0)
            .collect();
        if n == 0 {
            sundays[sundays.len() - 1]
        } else {
            sundays[n as usize - 1]
        }
    };
    let us = |standard: i32| {
        let start = sunday(3, 2) + 7200 - i64::from(standard) * 60;
        let end = sunday(11, 1) + 7200 - i64::from(standard + 60) * 60;
        if (start..end).contains(&utc) {
            standard + 60
        } else {
            standard
        }
    };
    match zone {
        "Asia/Taipei" => 480,
        "America/Los_Angeles" => us(-480),
        "America/Denver" => us(-420),
        "America/Chicago" => us(-360),
        "America/New_York" => us(-300),
        "Europe/Berlin" => {
            let start = sunday(3, 0) + 3600;
            let end = sunday(10, 0) + 3600;
            if (start..end).contains(&utc) {
                120
            } else {
                60
            }
        }
        _ => 0,
    }
}

/// The words of a text, lowercased; each Chinese character is a word of its own, since
/// Chinese writes no spaces (a line wrapped mid-sentence joins with nothing between).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut latin = String::new();
        for c in w.chars() {
            if hindsight_core::text::is_spaceless(c) {
                if !latin.is_empty() {
                    out.push(std::mem::take(&mut latin).to_lowercase());
                }
                out.push(c.to_string());
            } else {
                latin.push(c);
            }
        }
        if !latin.is_empty() {
            out.push(latin.to_lowercase());
        }
    }
    out
}

pub fn count(into: &mut HashMap<String, usize>, ws: Vec<String>) {
    for w in ws {
        *into.entry(w).or_default() += 1;
    }
}

/// The body of a file without its YAML (`---`) or TOML (`+++`) front matter.
pub fn without_front_matter(text: &str) -> &str {
    ["---", "+++"]
        .iter()
        .find_map(|fence| {
            text.strip_prefix(fence)?
                .strip_prefix('\n')?
                .split_once(&format!("\n{fence}\n"))
        })
        .map_or(text, |(_, body)| body)
}

/// Words of Markdown's inline text as it reads once rendered: text runs joined across
/// emphasis, links and code spans (`a*b*` reads "ab"), split at line breaks and blocks.
pub fn rendered_words(md: &str, into: &mut HashMap<String, usize>) {
    use pulldown_cmark::{Tag, TagEnd};
    let mut run = String::new();
    let flush = |run: &mut String, into: &mut HashMap<String, usize>| {
        count(into, words(run));
        run.clear();
    };
    for event in Parser::new_ext(md, markdown_options()) {
        match event {
            Event::Text(t) | Event::Code(t) => run.push_str(&t),
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. },
            )
            | Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image,
            ) => {}
            Event::InlineHtml(tag) if !tag.to_ascii_lowercase().starts_with("<br") => {}
            _ => flush(&mut run, into),
        }
    }
    flush(&mut run, into);
}

/// Words of the input's inline text.
pub fn input_words(body: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    rendered_words(body, &mut out);
    out
}

/// Words the import is allowed to leave out: the headings that named the section their part
/// went to (the dialog shows them), the column names of tables that became rows, the keys of
/// header tables, and a `#` column that only numbers the rows.
pub fn structural_words(imp: &ForeignImport) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for p in &imp.parts {
        // Supporting information's own name is not repeated inside it.
        let own_name = p.target == T::Supporting
            && SectionId::Supporting
                .heading()
                .en
                .eq_ignore_ascii_case(p.heading.trim())
            || SectionId::Supporting.heading().zh == p.heading.trim();
        if (p.target != T::Supporting && !p.inherited) || own_name {
            // Headings are kept as the file writes them: read them as rendered, inline
            // (after a zero-width space, "3. Impact" is no list).
            rendered_words(&format!("\u{200b}{}", p.heading), &mut out);
        }
        let rows = [p.target].iter().chain(&p.also).any(|t| {
            matches!(
                t,
                T::Section(SectionId::Timeline | SectionId::ActionItems | SectionId::Header)
            )
        });
        if !rows {
            continue;
        }
        let delimiter =
            |l: &str| l.contains('-') && l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
        let lines: Vec<&str> = p.text.lines().collect();
        let mut numbered = false;
        for (i, line) in lines.iter().enumerate() {
            if !line.trim_start().starts_with('|') || delimiter(line) {
                continue;
            }
            let cells = escape::split_row(line);
            if lines.get(i + 1).is_some_and(|next| delimiter(next)) {
                // A first column that only numbers the rows ("#", "No.", 編號, 序號, 項次).
                numbered = cells.first().is_some_and(|c| {
                    matches!(
                        c.trim().to_lowercase().as_str(),
                        "#" | "no" | "no." | "number" | "item #" | "編號" | "序號" | "項次"
                    )
                });
                count(&mut out, cells.iter().flat_map(|c| words(c)).collect());
            } else if p.target == T::Section(SectionId::Header) || numbered {
                count(
                    &mut out,
                    cells.first().map(|c| words(c)).unwrap_or_default(),
                );
            }
        }
    }
    out
}

/// Every word of the document's JSON export, the labels of its choices in both languages
/// included (a stored `in_review` carries 審閱中).
pub fn output_words(doc: &Postmortem) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    fn walk(v: &serde_json::Value, out: &mut HashMap<String, usize>) {
        match v {
            // Fields hold Markdown: read them as rendered, like the input.
            serde_json::Value::String(s) => rendered_words(s, out),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.iter().for_each(|(k, v)| match (k.as_str(), v) {
                // The report writes each line of Responders as its own list item.
                ("responders", serde_json::Value::String(s)) => {
                    s.lines().for_each(|l| rendered_words(l, out));
                }
                _ => walk(v, out),
            }),
            _ => {}
        }
    }
    let value: serde_json::Value = serde_json::from_str(&export_json(doc)).expect("valid JSON");
    walk(&value, &mut out);
    let mut labels = vec![doc.header.status.words()];
    labels.extend(doc.header.severity.map(|s| s.words()));
    labels.extend(doc.timeline.iter().map(|e| e.kind.words()));
    labels.extend(
        doc.action_items
            .iter()
            .filter_map(|a| a.kind)
            .map(|k| k.words()),
    );
    for l in labels {
        count(&mut out, words(l.en));
        count(&mut out, words(l.zh));
    }
    out
}

/// The words of `body` that the import's document does not hold (beyond the structural
/// ones), with how many are missing.
pub fn missing_words(body: &str, imp: &ForeignImport) -> Vec<(String, usize)> {
    let need = input_words(body);
    let free = structural_words(imp);
    let have = output_words(&imp.doc);
    let mut missing: Vec<(String, usize)> = need
        .into_iter()
        .filter_map(|(w, n)| {
            let n = n.saturating_sub(free.get(&w).copied().unwrap_or(0));
            let h = have.get(&w).copied().unwrap_or(0);
            (n > h).then(|| (w, n - h))
        })
        .collect();
    missing.sort();
    missing
}

/// A session's clock and ids for tests: each call moves the clock a second on and gives the
/// next id (`id1`, `id2`, …); today is 2024-05-06.
#[derive(Clone, Default)]
pub struct TestEnv {
    clock: std::rc::Rc<std::cell::Cell<i64>>,
    ids: std::rc::Rc<std::cell::Cell<u32>>,
}

impl session::Env for TestEnv {
    fn now_ms(&self) -> i64 {
        self.clock.set(self.clock.get() + 1000);
        self.clock.get()
    }
    fn new_id(&self) -> String {
        self.ids.set(self.ids.get() + 1);
        format!("id{}", self.ids.get())
    }
    fn today(&self) -> String {
        "2024-05-06".into()
    }
}
