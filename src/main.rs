//! Entry point: install the panic hook (console details plus a recovery screen), fetch the
//! code of the page opened if it is split off, replace index.html's start-up notice with
//! the app and register the service worker that keeps it working offline. Everything else
//! lives in the library.

fn main() {
    cp_self_assessment::recovery::install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        // The page's own code first (if it is split off), so it renders whole.
        cp_self_assessment::routes::preload_current_page().await;
        cp_self_assessment::browser::remove_loading_notice();
        leptos::mount::mount_to_body(cp_self_assessment::App);
        cp_self_assessment::browser::register_service_worker();
    });
}
