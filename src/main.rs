//! Entry point: install the panic hook (console details plus a recovery screen) and mount
//! the app. Everything else lives in the library.

fn main() {
    cp_self_assessment::recovery::install_panic_hook();
    leptos::mount::mount_to_body(cp_self_assessment::App);
}
