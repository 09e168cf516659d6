//! Entry point: install the panic hook (console details plus a recovery screen), fetch what
//! a split-off page needs before its first render, replace index.html's start-up notice
//! with the app and register the service worker that keeps it working offline. Everything
//! else lives in the library.

fn main() {
    cp_self_assessment::recovery::install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        let language = cp_self_assessment::app_state::start_language();
        // A page opened by its address other than the welcome page needs its own code, the
        // content of its language and the saved answers (all three split off) to render
        // whole; they are fetched together, first. A failure is reported by the page (`PageLoadFailed`) or, for the
        // language, by a notice over an English app. The welcome page renders at once and
        // the content and the answers follow (`app_state::provide_app_state`).
        if cp_self_assessment::routes::opens_split_page() {
            let _ = futures::future::join3(
                cp_self_assessment::routes::preload_current_page(),
                cp_self_assessment::languages::load_start(language),
                cp_self_assessment::app_state::read_saved_state(),
            )
            .await;
        }
        cp_self_assessment::browser::remove_loading_notice();
        leptos::mount::mount_to_body(cp_self_assessment::App);
        cp_self_assessment::browser::register_service_worker();
    });
}
