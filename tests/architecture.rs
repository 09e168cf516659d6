//! The domain core stays free of browser and UI code, so it compiles and is tested natively.

use std::fs;
use std::path::Path;

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

/// Every Rust file under `dir` (relative to the crate root) with its text: (path, text).
fn sources(dir: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut files);
    files
        .into_iter()
        .map(|f| {
            let text = fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            (f.display().to_string(), text)
        })
        .collect()
}

#[test]
fn domain_never_imports_leptos_web_sys_or_gloo() {
    let files = sources("src/domain");
    assert!(files.len() >= 8, "domain files not found");
    for (path, text) in files {
        for forbidden in [
            "leptos::",
            "leptos_",
            "web_sys",
            "wasm_bindgen",
            "gloo_",
            "js_sys",
            "crate::storage",
            "crate::pages",
            "crate::components",
        ] {
            assert!(!text.contains(forbidden), "{path} mentions {forbidden}");
        }
    }
}

#[test]
fn user_text_is_never_rendered_as_html() {
    let files = sources("src");
    assert!(files.len() >= 20, "source files not found");
    for (path, text) in files {
        assert!(!text.contains("inner_html"), "{path} uses inner_html");
    }
}

/// leptos_router 0.8's `<A>` leaves an absolute href as it is, ignoring the router's base,
/// so a literal "/part/1" would leave the app when it is served under a sub-path
/// (`--public-url /cp/`). Every route link goes through `browser::route_href`.
#[test]
fn route_links_go_through_route_href() {
    for (path, text) in sources("src") {
        for literal in ["<A href=\"", "<A href=format!"] {
            assert!(
                !text.contains(literal),
                "{path} has `{literal}…`: use browser::route_href"
            );
        }
    }
}
