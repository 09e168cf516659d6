//! Entry point: the panic hook (console details plus a recovery screen), then the
//! start-up (`boot`), which mounts the app. Everything else lives in the library.

fn main() {
    cp_self_assessment::recovery::install_panic_hook();
    wasm_bindgen_futures::spawn_local(cp_self_assessment::boot::start());
}
