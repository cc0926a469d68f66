//! User text inside the app's own sentences, isolated: the sentence is written with the
//! isolation marks of `i18n::isolate`, and shown with each marked part in a `<bdi>`.

use leptos::prelude::*;

/// Text with the app's isolation marks turned into `<bdi>` elements, so user text inside a
/// sentence keeps its own direction.
pub fn rich(text: &str) -> impl IntoView {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('\u{2068}') {
        parts.push(rest[..start].to_owned().into_any());
        let after = &rest[start + '\u{2068}'.len_utf8()..];
        let end = after.find('\u{2069}').unwrap_or(after.len());
        let inner = after[..end].to_owned();
        parts.push(view! { <bdi>{inner}</bdi> }.into_any());
        rest = after.get(end + '\u{2069}'.len_utf8()..).unwrap_or("");
    }
    parts.push(rest.to_owned().into_any());
    parts
}
