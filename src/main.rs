//! Entry point: install the panic hook (console details plus a recovery screen), fetch the
//! code of the page opened and the content of the start-up language where they are split
//! off, replace index.html's start-up notice with
//! the app and register the service worker that keeps it working offline. Everything else
//! lives in the library.

fn main() {
    cp_self_assessment::recovery::install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        // The page's own code and the language's content first (where they are split off),
        // fetched together, so the first render is whole. A failure is reported by the page
        // (`PageLoadFailed`) or, for the language, by a notice over an English app.
        let language = cp_self_assessment::app_state::start_language();
        let _ = futures::future::join(
            cp_self_assessment::routes::preload_current_page(),
            cp_self_assessment::languages::load(language),
        )
        .await;
        cp_self_assessment::browser::remove_loading_notice();
        leptos::mount::mount_to_body(cp_self_assessment::App);
        cp_self_assessment::browser::register_service_worker();
    });
}
