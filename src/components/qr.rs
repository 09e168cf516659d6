//! A QR code drawn as SVG, so a facilitator can put the app's address on the projector and
//! participants open it with their phone's camera. The module matrix comes from the
//! `qrcode` crate; the drawing is one SVG path built by a pure function ([`qr_path`]),
//! tested natively. Nothing is inserted as HTML.

use leptos::prelude::*;
use qrcode::types::Color;

use crate::i18n::{t, use_i18n};

/// Light modules around the code that scanners need to find it (the standard's
/// "quiet zone" is 4 modules wide).
const QUIET_ZONE: usize = 4;

/// The drawing of a QR code: modules per side (without the quiet zone) and one SVG path
/// with a unit square per dark module, in module coordinates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrDrawing {
    /// Modules per side.
    pub width: usize,
    /// The path data: one `M x y h1 v1 h-1 z` square per dark module.
    pub path: String,
}

/// The QR code of `text` as an SVG path.
///
/// # Errors
/// The `qrcode` crate's error, e.g. `DataTooLong` when the text does not fit a QR code.
pub fn qr_path(text: &str) -> Result<QrDrawing, qrcode::types::QrError> {
    let code = qrcode::QrCode::new(text.as_bytes())?;
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width, i / width);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Ok(QrDrawing { width, path })
}

/// A QR code of `text` with the text written under it, for people who type it instead.
/// Text too long for a QR code shows a message instead of the code (never a panic).
///
/// - `text`: what the code encodes, e.g. the app's address.
/// - `label`: the accessible name of the image, e.g. "QR code of the address …".
#[component]
pub fn QrCode(
    /// What the code encodes, e.g. the app's address.
    #[prop(into)]
    text: String,
    /// The accessible name of the image.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let drawing = match qr_path(&text) {
        Ok(d) => {
            let side = d.width + 2 * QUIET_ZONE;
            let origin = -(QUIET_ZONE as i64);
            view! {
                <svg
                    class="qr-code"
                    role="img"
                    aria-label=label
                    viewBox=format!("{origin} {origin} {side} {side}")
                    shape-rendering="crispEdges"
                    data-testid="qr-code"
                >
                    // Light background including the quiet zone, so the code also scans
                    // on a dark projector theme.
                    <rect x=origin y=origin width=side height=side fill="#ffffff" />
                    <path d=d.path fill="#000000" />
                </svg>
            }
            .into_any()
        }
        Err(_) => view! {
            <p class="notice-inline" role="note" data-testid="qr-error">{t!(i18n, facilitator.qr_too_long)}</p>
        }
        .into_any(),
    };
    view! {
        <figure class="qr">
            {drawing}
            <figcaption>
                <code class="qr-text" translate="no" lang="en">{text}</code>
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_address_gives_a_square_with_finder_patterns() {
        let d = qr_path("http://127.0.0.1:4173/").unwrap_or_else(|e| panic!("{e}"));
        // Version 2 (25 modules) is the smallest that holds 22 bytes at level M.
        assert!(
            d.width >= 21 && (d.width - 21).is_multiple_of(4),
            "width {}",
            d.width
        );
        // The top-left finder pattern starts with a dark module at the origin.
        assert!(d.path.starts_with("M0 0h1v1h-1z"));
        assert!(d.path.contains(&format!("M{} 0h1v1h-1z", d.width - 1)));
    }

    #[test]
    fn text_too_long_is_an_error_not_a_panic() {
        let long = "x".repeat(5000);
        assert!(qr_path(&long).is_err());
    }
}
