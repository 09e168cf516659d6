//! Small wrappers around browser APIs the app needs besides storage: the clock, random
//! response ids, file downloads, the URL fragment, the address the app is served from
//! and the service worker that keeps it working offline. Each degrades quietly where the
//! browser refuses (the caller decides what to tell the user).

use wasm_bindgen::JsCast;

/// The current time as RFC 3339 in UTC, e.g. "2026-11-29T09:46:00.000Z".
pub fn now_rfc3339() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Today's date on this device's clock, YYYY-MM-DD (the local date, as a report is
/// dated where it is printed).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// `N` random bytes from the browser's cryptographic random numbers (Math.random where
/// there is no crypto object).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// A new random (version 4) UUID, from the browser's cryptographic random numbers (which,
/// unlike `crypto.randomUUID`, also work on plain-HTTP hosts).
pub fn new_uuid() -> String {
    uuid::Builder::from_random_bytes(random_bytes())
        .into_uuid()
        .to_string()
}

/// The browser would not start a download (no document, or no link could be made).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DownloadRefused;

/// Offers `content` as a file download named `filename` with MIME type `mime`.
///
/// # Errors
/// [`DownloadRefused`] when the browser refuses (no document, blob URLs blocked).
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), DownloadRefused> {
    let blob = gloo_file::Blob::new_with_options(content, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(DownloadRefused)?;
    let anchor = document
        .create_element("a")
        .map_err(|_| DownloadRefused)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| DownloadRefused)?;
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

/// Takes the query parameter `name` out of the address (`?room=K7PQ`), without reloading,
/// so that a reload or a bookmark does not apply it again; `None` when it is not there.
pub fn take_query_param(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let url = web_sys::Url::new(&window.location().href().ok()?).ok()?;
    let params = url.search_params();
    let value = params.get(name)?;
    params.delete(name);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
    Some(value)
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

/// The app's start page, for share links and the facilitator's QR code: the address Trunk
/// wrote into `<base href>` (its `--public-url`), e.g. "https://example.org/cp/", or the
/// origin and "/" when the page has no `<base>` element.
pub fn app_url() -> String {
    let Some(window) = web_sys::window() else {
        return String::new();
    };
    let from_base = window.document().and_then(|d| {
        // Without a <base> element, baseURI is the page's own address (e.g. /part/3).
        d.query_selector("base[href]").ok().flatten()?;
        d.base_uri().ok().flatten()
    });
    from_base
        .or_else(|| {
            let origin = window.location().origin().ok()?;
            Some(format!("{origin}/"))
        })
        .unwrap_or_default()
}

/// The path the app is served under, without a trailing slash: "" at the root of a host,
/// "/cp" for `trunk build --public-url /cp/`. The router takes it as its base. Read once
/// per page load (the `<base>` element never changes).
pub fn base_path() -> String {
    static BASE_PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE_PATH
        .get_or_init(|| {
            web_sys::Url::new(&app_url())
                .map(|url| url.pathname().trim_end_matches('/').to_owned())
                .unwrap_or_default()
        })
        .clone()
}

/// The browser's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Removes index.html's start-up notice (`#app-loading`, "Loading…" in both languages),
/// shown from the first paint until the wasm runs. Does nothing if it is not there.
pub fn remove_loading_notice() {
    if let Some(notice) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app-loading"))
    {
        notice.remove();
    }
}

/// Registers the service worker (`sw.js`, written by `scripts/service-worker.mjs` next to
/// `index.html`) so the app opens without a network after the first visit. Its scope is
/// the app's base path.
///
/// Release builds only: `trunk serve` (a debug build) keeps plain network loading and its
/// live reload. Silent wherever the browser says no — no service workers (plain HTTP
/// other than localhost, file://, private modes, old browsers) or a refused registration:
/// the app then simply needs the network to open, as without a worker.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if !window.is_secure_context() {
        return;
    }
    // Read through Reflect: `navigator.serviceWorker` is missing in some browsers and
    // throws in opaque origins; both end here quietly.
    let Some(container) = js_sys::Reflect::get(
        &window.navigator(),
        &wasm_bindgen::JsValue::from_str("serviceWorker"),
    )
    .ok()
    .and_then(|c| c.dyn_into::<web_sys::ServiceWorkerContainer>().ok()) else {
        return;
    };
    let Ok(script) = web_sys::Url::new_with_base("sw.js", &app_url()) else {
        return;
    };
    let promise = container.register(&script.href());
    // Awaited only so that a refusal is handled rather than reported as an uncaught
    // rejection; there is nothing to tell the user.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}

/// Copies text to the clipboard; returns whether the browser accepted the request.
pub fn copy_to_clipboard(text: &str) -> bool {
    web_sys::window()
        .map(|w| {
            let _promise = w.navigator().clipboard().write_text(text);
        })
        .is_some()
}

/// Resolves once the page has painted its next frame: after the next animation frame, in
/// a task of its own. Work that can wait (the welcome page's background fetches) starts
/// here, so that the first paint competes with nothing. Resolves at once where the
/// browser refuses to schedule it (no window, a failed call): waiting is only a courtesy.
pub async fn after_next_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let timer_window = window.clone();
        // After the frame has been produced: a zero-delay timer queued from inside the
        // animation-frame callback runs after that frame's paint.
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            if timer_window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_err()
            {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        if window
            .request_animation_frame(after_frame.unchecked_ref())
            .is_err()
        {
            let _ = reject.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    // A rejection only means the frame could not be awaited; go ahead either way.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves in a new task of the main thread (a zero-delay timer), so that the browser may
/// paint and handle input before the caller goes on: for long work split into parts (the
/// results' sections). Resolves at once where no timer can be set (no window, a failed
/// call).
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .is_err()
        {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once `element` is in the viewport (an `IntersectionObserver`, which then stops
/// watching), or at once where the browser cannot observe it: waiting is only a saving.
pub async fn scrolled_into_view(element: &web_sys::Element) {
    let mut observer = None;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let on_entries = resolve.clone();
        let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |entries: js_sys::Array| {
                let visible = entries.iter().any(|entry| {
                    entry
                        .dyn_into::<web_sys::IntersectionObserverEntry>()
                        .is_ok_and(|e| e.is_intersecting())
                });
                if visible {
                    let _ = on_entries.call0(&wasm_bindgen::JsValue::NULL);
                }
            },
        );
        match web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
            Ok(o) => {
                o.observe(element);
                observer = Some(o);
                // Lives until the page goes: it is called at most a few times.
                callback.forget();
            }
            Err(_) => {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    if let Some(o) = observer {
        o.disconnect();
    }
}
