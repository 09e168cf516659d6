//! Crash safety: if the app ever panics, the page is replaced by a recovery screen (plain
//! DOM, text only) that says the answers are safe in this browser and offers them for
//! download — never a blank page. The panic details still go to the console through
//! `console_error_panic_hook`.

use wasm_bindgen::JsCast;

use crate::storage::STORAGE_KEY;

/// Installs the panic hook: log the panic, then show the recovery screen.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_recovery_screen();
    }));
}

/// The recovery screen's words in the page's language (English or Chinese); kept here
/// rather than in the i18n module because the app may be broken when this runs.
fn texts(chinese: bool) -> [&'static str; 4] {
    if chinese {
        [
            "出了点问题",
            "本工具遇到意外错误，已停止运行。您的回答仍保存在此浏览器中。请刷新页面继续；如果问题仍然存在，请先下载您的回答。",
            "下载我的回答",
            "刷新页面",
        ]
    } else {
        [
            "Something went wrong",
            "The tool hit an unexpected error and stopped. Your answers are still saved in this browser. Reload the page to continue; if the problem persists, download your answers first.",
            "Download my answers",
            "Reload the page",
        ]
    }
}

fn show_recovery_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let chinese = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .is_some_and(|l| l.starts_with("zh"));
    let [title, text, download, reload] = texts(chinese);
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    body.set_text_content(None);
    let add = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        body.append_child(&el).ok()?;
        Some(el)
    };
    let main = document.create_element("main").ok();
    if let Some(main) = &main {
        main.set_class_name("page");
        main.set_attribute("role", "alert").ok();
    }
    if let Some(h1) = add("h1", title) {
        h1.set_attribute("tabindex", "-1").ok();
        if let Some(h) = h1.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
    add("p", text);
    if let Some(saved) = saved {
        if let Some(button) = add("button", download) {
            button.set_class_name("button primary");
            button
                .set_attribute("data-testid", "recovery-download")
                .ok();
            let handler = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                let _ = crate::browser::download(
                    "cp-self-assessment-answers.json",
                    "application/json",
                    &saved,
                );
            });
            button
                .add_event_listener_with_callback("click", handler.as_ref().unchecked_ref())
                .ok();
            handler.forget();
        }
    }
    if let Some(link) = add("a", reload) {
        // The start page under whatever path the app is served from (<base href>).
        link.set_attribute("href", &crate::browser::app_url()).ok();
        link.set_class_name("button secondary");
    }
}
