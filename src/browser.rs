//! Small wrappers around browser APIs the app needs besides storage: the clock, random
//! response ids, file downloads and the URL fragment. Each degrades quietly where the
//! browser refuses (the caller decides what to tell the user).

use wasm_bindgen::JsCast;

/// The current time as RFC 3339 in UTC, e.g. "2026-11-29T09:46:00.000Z".
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A new random (version 4) UUID, from the browser's cryptographic random numbers (which,
/// unlike `crypto.randomUUID`, also work on plain-HTTP hosts).
pub fn new_uuid() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No crypto object (very old browser): fall back to Math.random, still unique
        // enough to tell responses apart.
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

/// Offers `content` as a file download named `filename` with MIME type `mime`.
///
/// # Errors
/// `Err(())` when the browser refuses (no document, blob URLs blocked).
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), ()> {
    let blob = gloo_file::Blob::new_with_options(content, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let document = web_sys::window().and_then(|w| w.document()).ok_or(())?;
    let anchor = document
        .create_element("a")
        .map_err(|_| ())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| ())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // `url` is revoked when dropped, after the click has started the download.
    Ok(())
}

/// The URL fragment without its "#", if any.
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.strip_prefix('#').unwrap_or(&hash).to_owned();
    (!hash.is_empty()).then_some(hash)
}

/// Removes the fragment from the address bar without reloading, so a shared link's answers
/// are not offered again on reload.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let (Ok(path), Ok(search)) = (window.location().pathname(), window.location().search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// The app's start page (origin and "/"), for share links.
pub fn app_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .map(|origin| format!("{origin}/"))
        .unwrap_or_default()
}

/// Copies text to the clipboard; returns whether the browser accepted the request.
pub fn copy_to_clipboard(text: &str) -> bool {
    web_sys::window()
        .map(|w| {
            let _promise = w.navigator().clipboard().write_text(text);
        })
        .is_some()
}
