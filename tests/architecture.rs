//! The walls of the code base that the compiler does not draw itself: the domain crate
//! names no browser crate, the app's modules import each other without a cycle, routes
//! are written only in the route module, no file grows past a screenful of screens, and
//! user text is never rendered as HTML.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use cp_self_assessment::route::Route;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Every Rust file under `dir` (relative to the crate root) with its text: (path relative
/// to `dir`'s parent, e.g. "src/state/mod.rs", text).
fn sources(dir: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(ROOT).join(dir), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let text = fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let rel = f.strip_prefix(ROOT).unwrap_or(&f).display().to_string();
            (rel.trim_start_matches('/').to_owned(), text)
        })
        .collect()
}

/// The module a file under `src/` defines: "crate" for src/lib.rs, "crate::state" for
/// src/state/mod.rs, "crate::state::saving" for src/state/saving.rs; `None` for main.rs.
fn module_of(path: &str) -> Option<String> {
    let rel = path.strip_prefix("src/")?.strip_suffix(".rs")?;
    if rel == "main" {
        return None;
    }
    if rel == "lib" {
        return Some("crate".to_owned());
    }
    let rel = rel.strip_suffix("/mod").unwrap_or(rel);
    Some(format!("crate::{}", rel.replace('/', "::")))
}

/// `text` without comments (line comments, outside string literals), so that a module
/// named in prose is not counted as an import.
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut prev = ' ';
        let mut cut = line.len();
        for (i, c) in line.char_indices() {
            if c == '"' && prev != '\\' {
                in_string = !in_string;
            }
            if !in_string && c == '/' && prev == '/' {
                cut = i - 1;
                break;
            }
            prev = c;
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

/// The paths a module's code names, as segment lists resolved to start at "crate":
/// `crate::…`, `super::…`, `self::…` and paths starting with one of its own child modules,
/// with one level of `{…}` groups expanded.
fn referenced_paths(module: &str, code: &str, children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let bytes: Vec<char> = code.chars().collect();
    let mut paths = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !(is_ident(bytes[i - 1]) || bytes[i - 1] == ':');
        if !boundary || !is_ident(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (is_ident(bytes[i]) || bytes[i] == ':') {
            i += 1;
        }
        let head: String = bytes[start..i].iter().collect();
        let first = head.split("::").next().unwrap_or_default().to_owned();
        let relative =
            first == "crate" || first == "super" || first == "self" || children.contains(&first);
        if !relative || !head.contains("::") {
            continue;
        }
        let mut group = Vec::new();
        if head.ends_with("::") && bytes.get(i) == Some(&'{') {
            let close = (i..bytes.len())
                .find(|&j| bytes[j] == '}')
                .unwrap_or(bytes.len());
            let inner: String = bytes[i + 1..close].iter().collect();
            group = inner
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            i = close;
        }
        let base: Vec<String> = head
            .trim_end_matches(':')
            .split("::")
            .map(str::to_owned)
            .collect();
        let resolved = resolve(module, &base);
        if group.is_empty() {
            paths.push(resolved);
        } else {
            for item in group {
                let mut p = resolved.clone();
                if item != "self" {
                    p.extend(item.split("::").map(|s| s.trim().to_owned()));
                }
                paths.push(p);
            }
        }
    }
    paths
}

/// A path as written in `module`, rewritten to start at "crate".
fn resolve(module: &str, path: &[String]) -> Vec<String> {
    let mut current: Vec<String> = module.split("::").map(str::to_owned).collect();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            current = vec!["crate".to_owned()];
            rest = &path[1..];
        }
        Some("self") => rest = &path[1..],
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                current.pop();
                rest = &rest[1..];
            }
        }
        _ => {}
    }
    current.extend(rest.iter().cloned());
    current
}

/// The import graph of `files` (path under src/, text): module → the other modules it
/// names (the longest known module prefix of each path).
fn import_graph(files: &[(String, String)]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = files.iter().filter_map(|(p, _)| module_of(p)).collect();
    let mut graph = BTreeMap::new();
    for (path, text) in files {
        let Some(module) = module_of(path) else {
            continue;
        };
        let children: BTreeSet<String> = modules
            .iter()
            .filter_map(|m| m.strip_prefix(&format!("{module}::")))
            .filter(|rest| !rest.contains("::"))
            .map(str::to_owned)
            .collect();
        let mut targets = BTreeSet::new();
        for p in referenced_paths(&module, &code_of(text), &children) {
            let found = (1..=p.len())
                .rev()
                .map(|n| p[..n].join("::"))
                .find(|candidate| modules.contains(candidate));
            if let Some(target) = found.filter(|t| *t != module) {
                targets.insert(target);
            }
        }
        graph.insert(module, targets);
    }
    graph
}

/// The first cycle found in `graph`, as the modules along it (first repeated at the end).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, done, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

#[test]
fn the_app_modules_import_each_other_without_a_cycle() {
    let files = sources("src");
    assert!(files.len() >= 30, "source files not found");
    let graph = import_graph(&files);
    // The checker sees what it must: a few known edges.
    for (from, to) in [
        ("crate::boot", "crate::state::saving"),
        ("crate::route::table", "crate::route"),
        (
            "crate::pages::results::measures",
            "crate::pages::results::charts",
        ),
        ("crate::state", "crate::state::import"),
    ] {
        assert!(
            graph.get(from).is_some_and(|t| t.contains(to)),
            "{from} -> {to} not seen"
        );
    }
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "import cycle among the app's modules: {}",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn the_cycle_check_finds_cycles_through_crate_super_and_child_paths() {
    let tree = |files: &[(&str, &str)]| -> Vec<(String, String)> {
        files
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
            .collect()
    };
    let through_crate = tree(&[
        ("src/lib.rs", "pub mod a; pub mod b;"),
        ("src/a.rs", "use crate::b::Thing;"),
        ("src/b.rs", "fn f() { crate::a::other(); }"),
    ]);
    assert!(find_cycle(&import_graph(&through_crate)).is_some());
    let through_parent = tree(&[
        ("src/lib.rs", "pub mod a;"),
        ("src/a/mod.rs", "mod child;\nuse child::Thing;"),
        ("src/a/child.rs", "use super::{Other, self};"),
    ]);
    assert_eq!(
        find_cycle(&import_graph(&through_parent)),
        Some(vec![
            "crate::a".to_owned(),
            "crate::a::child".to_owned(),
            "crate::a".to_owned()
        ])
    );
    let acyclic = tree(&[
        ("src/lib.rs", "pub mod a; pub mod b;"),
        (
            "src/a.rs",
            "use crate::b::{Thing, Other}; // crate::a::x in a comment",
        ),
        (
            "src/b.rs",
            "let url = \"https://example.org\"; // use crate::a;",
        ),
    ]);
    assert_eq!(find_cycle(&import_graph(&acyclic)), None);
}

#[test]
fn the_domain_crate_names_no_browser_or_ui_crate() {
    let manifest = fs::read_to_string(Path::new(ROOT).join("crates/cp-assessment/Cargo.toml"))
        .unwrap_or_else(|e| panic!("{e}"));
    for line in manifest.lines().map(str::trim) {
        for forbidden in ["leptos", "web-sys", "wasm-bindgen", "js-sys", "gloo"] {
            assert!(
                !line.starts_with(forbidden),
                "the domain crate depends on {forbidden}"
            );
        }
    }
}

#[test]
fn user_text_is_never_rendered_as_html() {
    for (path, text) in sources("src") {
        assert!(!text.contains("inner_html"), "{path} uses inner_html");
    }
}

/// Routes are a type (`route::Route`): a page's address is written only in the route
/// module, and links take `Route::href`, which adds the path the app is served under
/// (leptos_router 0.8's `<A>` leaves an absolute href as it is, ignoring the router's base).
#[test]
fn routes_are_written_only_in_the_route_module() {
    for (path, text) in sources("src") {
        for literal in ["<A href=\"", "<A href=format!"] {
            assert!(
                !text.contains(literal),
                "{path} has `{literal}…`: use Route::href"
            );
        }
        if path.starts_with("src/route/") {
            continue;
        }
        // Every route's first segment, as a string literal ("/part for /part/3).
        for route in Route::all().into_iter().filter(|r| *r != Route::Welcome) {
            let literal = format!(
                "\"/{}",
                route
                    .path()
                    .trim_start_matches('/')
                    .split('/')
                    .next()
                    .unwrap_or_default()
            );
            assert!(
                !text.contains(&literal),
                "{path} writes the route {literal}\": use route::Route"
            );
        }
    }
}

/// A file a reader can hold in mind: pages that outgrow it become folders of sections.
#[test]
fn no_app_file_is_over_400_lines() {
    for (path, text) in sources("src") {
        let lines = text.lines().count();
        assert!(lines <= 400, "{path} has {lines} lines");
    }
}
