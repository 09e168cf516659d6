//! A file picker with a drop zone around it, shared by the participant's import and the
//! facilitator's loading of many exports, and reading what was chosen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use cp_assessment::exchange::{ImportError, MAX_IMPORT_BYTES};

/// The files of a `FileList`, in order.
fn files_of(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// A "choose a file" button (a labelled file input) inside a zone that also accepts dropped
/// files. Either way the files go to `on_files`; the input is reset afterwards so the same
/// file can be chosen again.
///
/// - `label`: the button's text (the input's accessible name).
/// - `drop_text`: the text beside it, e.g. "…or drop the file here".
/// - `help_id`: id of the paragraph that describes what to choose.
/// - `test_id`: `data-testid` of the zone.
/// - `multiple`: whether several files may be chosen at once.
/// - `on_files`: receives the chosen or dropped files (never empty).
#[component]
pub fn FileDropZone(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] drop_text: Signal<String>,
    help_id: &'static str,
    test_id: &'static str,
    #[prop(optional)] multiple: bool,
    on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let deliver = move |files: Vec<web_sys::File>| {
        if !files.is_empty() {
            on_files.run(files);
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            let files = input.files().map(files_of).unwrap_or_default();
            input.set_value("");
            deliver(files);
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        deliver(
            ev.data_transfer()
                .and_then(|d| d.files())
                .map(files_of)
                .unwrap_or_default(),
        );
    };
    view! {
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            data-testid=test_id
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <label class="button secondary">
                {label}
                <input
                    type="file"
                    multiple=multiple
                    class="visually-hidden"
                    accept=".json,application/json"
                    aria-describedby=help_id
                    on:change=on_change
                />
            </label>
            <span>{drop_text}</span>
        </div>
    }
}

/// A chosen or dropped file's name and bytes, read whole; a file larger than
/// [`MAX_IMPORT_BYTES`] is refused before it is read, and one the browser cannot read
/// counts as not text.
pub async fn read_export(file: web_sys::File) -> (String, Result<Vec<u8>, ImportError>) {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_IMPORT_BYTES {
        return (name, Err(ImportError::TooLarge(size)));
    }
    let file = gloo_file::File::from(file);
    let bytes = gloo_file::futures::read_as_bytes(&file)
        .await
        .map_err(|_| ImportError::NotText);
    (name, bytes)
}
