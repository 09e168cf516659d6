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

#[test]
fn domain_never_imports_leptos_web_sys_or_gloo() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"),
        &mut files,
    );
    assert!(files.len() >= 8, "domain files not found");
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
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
            assert!(
                !text.contains(forbidden),
                "{} mentions {forbidden}",
                f.display()
            );
        }
    }
}

#[test]
fn user_text_is_never_rendered_as_html() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        assert!(
            !text.contains("inner_html"),
            "{} uses inner_html",
            f.display()
        );
    }
}

/// leptos_router 0.8's `<A>` leaves an absolute href as it is, ignoring the router's base,
/// so a literal "/part/1" would leave the app when it is served under a sub-path
/// (`--public-url /cp/`). Every route link goes through `browser::route_href`.
#[test]
fn route_links_go_through_route_href() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    for f in files {
        let text = fs::read_to_string(&f).unwrap_or_default();
        for literal in ["<A href=\"", "<A href=format!"] {
            assert!(
                !text.contains(literal),
                "{} has `{literal}…`: use browser::route_href",
                f.display()
            );
        }
    }
}
