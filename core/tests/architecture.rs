//! The invariants of `ARCHITECTURE.md` that the compiler does not check by itself: no module
//! import cycle in either crate, the core free of the browser, local storage only in the
//! app's adapters.
//!
//! Modules are read from the source as files and inline `mod` blocks; an import is any
//! `use` path or any `crate::`, `super::` or `self::` path in the code (tests included). Two
//! modules that share a parent must not reach each other, directly or through siblings; a
//! module may always reach its ancestors (a child uses its parent's types), so each folder
//! is checked on its own, with whatever lies under a sibling counted as that sibling.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type ModPath = Vec<String>;

/// Every `.rs` file under `root`, with its module path (`review/checks/mod.rs` is
/// `review::checks`; `lib.rs` and `main.rs` are the crate root).
fn modules(root: &Path) -> BTreeMap<ModPath, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(root, &mut files);
    files
        .into_iter()
        .map(|f| {
            let rel = f.strip_prefix(root).expect("under root").with_extension("");
            let mut path: ModPath = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                path.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                path.pop();
            }
            (path, f)
        })
        .collect()
}

/// The source without comments and without the text of string and char literals.
fn code_only(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            '/' if b.get(i + 1) == Some(&'/') => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
            }
            '/' if b.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            '"' => {
                // A raw string's `#`s were already copied; its quotes are plain quotes here.
                let raw = i > 0 && (b[i - 1] == 'r' || b[i - 1] == '#');
                out.push_str("\"\"");
                i += 1;
                while i < b.len() && b[i] != '"' {
                    if b[i] == '\\' && !raw {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            '\'' if b.get(i + 2) == Some(&'\'') || b.get(i + 1) == Some(&'\\') => {
                // A char literal ('a', '\n', '\u{..}'); a lifetime has no closing quote.
                out.push_str("' '");
                i += 1;
                while i < b.len() && b[i] != '\'' {
                    if b[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths of a `use` tree (`a::{b, c::d as e, self}`), each as its segments.
fn use_paths(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let mut base = prefix.to_vec();
        base.extend(head);
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    use_paths(&inner[start..i], &base, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        use_paths(&inner[start..], &base, out);
        return;
    }
    let tree = tree.split(" as ").next().unwrap_or("").trim();
    if tree.is_empty() {
        return;
    }
    let mut p = prefix.to_vec();
    p.extend(
        tree.split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty() && *s != "self")
            .map(str::to_owned),
    );
    out.push(p);
}

/// The imports of one file: each path with the module (file or inline `mod` block) it was
/// written in.
fn imports(file_mod: &ModPath, src: &str) -> Vec<(ModPath, Vec<String>)> {
    let code = code_only(src);
    let chars: Vec<char> = code.chars().collect();
    // Byte offset of each character (and of the end), so slicing stays linear.
    let mut at: Vec<usize> = code.char_indices().map(|(b, _)| b).collect();
    at.push(code.len());
    let mut out = Vec::new();
    // Inline modules open at a brace depth; their paths are relative to them.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let current = |inline: &[(String, usize)]| {
        let mut m = file_mod.clone();
        m.extend(inline.iter().map(|(n, _)| n.clone()));
        m
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let word_start = i == 0 || !is_ident(chars[i - 1]);
        if c == '{' {
            depth += 1;
        } else if c == '}' {
            depth = depth.saturating_sub(1);
            while inline.last().is_some_and(|(_, d)| *d > depth) {
                inline.pop();
            }
        } else if word_start && code[at[i]..].starts_with("mod ") {
            let rest: String = chars[i + 4..].iter().collect();
            let name: String = rest
                .trim_start()
                .chars()
                .take_while(|&c| is_ident(c))
                .collect();
            let after = rest.trim_start()[name.len()..].trim_start();
            if after.starts_with('{') {
                inline.push((name, depth + 1));
            }
        } else if word_start && code[at[i]..].starts_with("use ") {
            let start = at[i] + 4;
            let end = code[start..].find(';').map_or(code.len(), |e| start + e);
            let mut paths = Vec::new();
            use_paths(&code[start..end], &[], &mut paths);
            let here = current(&inline);
            out.extend(paths.into_iter().map(|p| (here.clone(), p)));
        } else if word_start
            && ["crate::", "super::", "self::"]
                .iter()
                .any(|k| code[at[i]..].starts_with(k))
        {
            let mut j = i;
            while j < chars.len() && (is_ident(chars[j]) || chars[j] == ':') {
                j += 1;
            }
            let path: String = chars[i..j].iter().collect();
            let segs = path
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            out.push((current(&inline), segs));
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

/// The module a path names, as the longest known module it starts with; `None` for paths
/// into other crates.
fn resolve(
    mods: &BTreeMap<ModPath, PathBuf>,
    from: &ModPath,
    file_mod: &ModPath,
    path: &[String],
) -> Option<ModPath> {
    let (mut base, rest): (ModPath, &[String]) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("super") => {
            let mut b = from.clone();
            let mut k = 0;
            while path.get(k).map(String::as_str) == Some("super") {
                b.pop();
                k += 1;
            }
            (b, &path[k..])
        }
        Some("self") => (from.clone(), &path[1..]),
        // A bare first segment is a child module of the file, or another crate.
        Some(_) => (file_mod.clone(), path),
        None => return None,
    };
    // Inline modules are part of their file.
    while !mods.contains_key(&base) && !base.is_empty() {
        base.pop();
    }
    let mut target = base;
    let mut moved = false;
    for seg in rest {
        let mut next = target.clone();
        next.push(seg.clone());
        if mods.contains_key(&next) {
            target = next;
            moved = true;
        } else {
            break;
        }
    }
    if path[0] != "crate" && path[0] != "super" && path[0] != "self" && !moved {
        return None;
    }
    Some(target)
}

/// Every cycle among the children of one folder, as the names of the modules in it, with
/// one import that makes each edge.
fn cycles(root: &Path) -> Vec<String> {
    let mods = modules(root);
    let mut edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (m, file) in &mods {
        let src = std::fs::read_to_string(file).expect("readable");
        for (from, path) in imports(m, &src) {
            if let Some(t) = resolve(&mods, &from, m, &path) {
                if &t != m {
                    edges.entry(m.clone()).or_default().insert(t);
                }
            }
        }
    }
    let parents: BTreeSet<ModPath> = mods
        .keys()
        .filter(|k| !k.is_empty())
        .map(|k| k[..k.len() - 1].to_vec())
        .collect();
    let mut found = Vec::new();
    for parent in parents {
        let n = parent.len();
        let child = |m: &ModPath| (m.len() > n && m[..n] == parent[..]).then(|| m[n].clone());
        let mut graph: BTreeMap<String, BTreeMap<String, (ModPath, ModPath)>> = BTreeMap::new();
        for (a, ts) in &edges {
            let Some(sa) = child(a) else { continue };
            for t in ts {
                if let Some(st) = child(t).filter(|st| *st != sa) {
                    graph
                        .entry(sa.clone())
                        .or_default()
                        .entry(st)
                        .or_insert((a.clone(), t.clone()));
                }
            }
        }
        for component in strongly_connected(&graph) {
            let detail: Vec<String> = component
                .iter()
                .flat_map(|a| {
                    graph[a]
                        .iter()
                        .filter(|(b, _)| component.contains(b))
                        .map(|(_, (x, y))| format!("{} -> {}", x.join("::"), y.join("::")))
                })
                .collect();
            found.push(format!(
                "{}: {:?} ({})",
                if parent.is_empty() {
                    "crate".to_owned()
                } else {
                    parent.join("::")
                },
                component,
                detail.join("; ")
            ));
        }
    }
    found
}

/// The strongly connected components of more than one node (Tarjan's algorithm).
fn strongly_connected<V>(graph: &BTreeMap<String, BTreeMap<String, V>>) -> Vec<Vec<String>> {
    struct State<'g, V> {
        graph: &'g BTreeMap<String, BTreeMap<String, V>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on: BTreeSet<&'g str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'g, V>(s: &mut State<'g, V>, v: &'g str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on.insert(v);
        if let Some(ws) = s.graph.get(v) {
            for w in ws.keys() {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let lw = s.low[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(lw));
                } else if s.on.contains(w) {
                    let iw = s.index[w];
                    let lv = s.low[v];
                    s.low.insert(v, lv.min(iw));
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                comp.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                s.out.push(comp);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v.as_str());
        }
    }
    s.out
}

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn app_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../src")
}

#[test]
fn no_module_import_cycle_in_the_core() {
    assert_eq!(cycles(&core_src()), Vec::<String>::new());
}

#[test]
fn no_module_import_cycle_in_the_app() {
    assert_eq!(cycles(&app_src()), Vec::<String>::new());
}

#[test]
fn the_cycle_finder_finds_a_cycle_between_siblings() {
    let dir = std::env::temp_dir().join(format!("hindsight-cycles-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("ui/customer")).expect("temp dir");
    let write = |p: &str, s: &str| std::fs::write(dir.join(p), s).expect("writes");
    write("lib.rs", "mod form;\nmod ui;\n");
    write("form.rs", "use crate::ui::modal::Modal;\n");
    write("ui/mod.rs", "pub mod modal;\nmod customer;\n");
    write("ui/modal.rs", "pub struct Modal;\n");
    write(
        "ui/customer/mod.rs",
        "mod parts;\nmod redact;\npub struct Shared;\n",
    );
    write(
        "ui/customer/parts.rs",
        "use super::{redact::Choice, Shared};\npub struct Found;\n",
    );
    write(
        "ui/customer/redact.rs",
        "use super::parts::Found; // comment: crate::form\npub struct Choice;\n",
    );
    let found = cycles(&dir);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("ui::customer: [\"parts\", \"redact\"]"),
        "{found:?}"
    );
    // The parent's own items and the comment are no imports.
    write("ui/modal.rs", "use crate::form;\npub struct Modal;\n");
    let found = cycles(&dir);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found
        .iter()
        .any(|c| c.starts_with("crate: [\"form\", \"ui\"]")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_core_never_depends_on_the_browser() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("core manifest");
    for crate_name in ["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"] {
        assert!(
            !manifest
                .lines()
                .any(|l| l.trim_start().starts_with(crate_name)),
            "the core depends on {crate_name}"
        );
    }
}

#[test]
fn local_storage_is_touched_only_by_the_adapters() {
    let mods = modules(&app_src());
    let mut outside = Vec::new();
    for (m, file) in &mods {
        if m.first().map(String::as_str) == Some("adapters") {
            continue;
        }
        let code = code_only(&std::fs::read_to_string(file).expect("readable"));
        for needle in ["local_storage(", "LocalStorage::", "gloo_storage"] {
            if code.contains(needle) {
                outside.push(format!("{} uses {needle}", file.display()));
            }
        }
    }
    assert_eq!(outside, Vec::<String>::new());
}
