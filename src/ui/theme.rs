//! The colour theme: the system's, or light or dark as the user chose, remembered in local
//! storage and applied as `data-theme` on `<html>` (absent: follow the system). `theme.js`
//! applies the remembered choice before the first paint; this owns it afterwards.

use hindsight_core::Words;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::settings;
use crate::i18n::{pwa, Ui};

/// Where the theme is remembered, after the meta prefix (`theme.js` reads the same key).
const THEME_KEY: &str = "theme";

/// The user's choice of colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Whatever the system prefers, following it as it changes.
    System,
    /// Light, whatever the system.
    Light,
    /// Dark, whatever the system.
    Dark,
}

impl Theme {
    /// Every choice, in the order shown.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// The stored and `<option>` value.
    pub fn value(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The choice a stored value names.
    pub fn parse(value: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.value() == value)
    }

    fn words(self) -> Words {
        match self {
            Theme::System => pwa::THEME_SYSTEM,
            Theme::Light => pwa::THEME_LIGHT,
            Theme::Dark => pwa::THEME_DARK,
        }
    }
}

/// The remembered choice, else the system's.
fn remembered() -> Theme {
    settings::get(THEME_KEY)
        .as_deref()
        .and_then(Theme::parse)
        .unwrap_or(Theme::System)
}

fn remember(theme: Theme) {
    settings::set(THEME_KEY, theme.value());
}

/// Puts the choice on `<html>`, and the browser's own bars on its colour: each
/// `<meta name="theme-color">` of index.html names one scheme's colour by its `media`; a
/// forced theme gives every one of them that scheme's colour, and System gives each its own.
fn apply(theme: Theme) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            forced => root.set_attribute("data-theme", forced.value()),
        };
    }
    let Ok(list) = document.query_selector_all("meta[name=\"theme-color\"]") else {
        return;
    };
    let metas: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect();
    // The colours as index.html wrote them, each kept aside before any is changed.
    let own: Vec<(String, String)> = metas
        .iter()
        .map(|meta| {
            let color = meta.get_attribute("data-own-color").unwrap_or_else(|| {
                let color = meta.get_attribute("content").unwrap_or_default();
                let _ = meta.set_attribute("data-own-color", &color);
                color
            });
            (meta.get_attribute("media").unwrap_or_default(), color)
        })
        .collect();
    let scheme_color = |scheme: &str| {
        own.iter()
            .find(|(media, _)| media.contains(scheme))
            .map(|(_, color)| color.clone())
    };
    let forced = match theme {
        Theme::System => None,
        Theme::Light => scheme_color("light"),
        Theme::Dark => scheme_color("dark"),
    };
    for (meta, (_, color)) in metas.iter().zip(&own) {
        let _ = meta.set_attribute("content", forced.as_ref().unwrap_or(color));
    }
}

/// The top bar's theme control: System, Light or Dark, each in the UI language.
#[component]
pub fn ThemeSelect() -> impl IntoView {
    let ui = Ui::get();
    let theme = RwSignal::new(remembered());
    Effect::new(move |_| apply(theme.get()));
    // Another tab's choice applies here too.
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if settings::is_key(ev.key().as_deref(), THEME_KEY) {
            let chosen = ev.new_value().as_deref().and_then(Theme::parse);
            theme.set(chosen.unwrap_or(Theme::System));
        }
    });
    on_cleanup(move || other_tab.remove());
    view! {
        <div class="topbar-choice">
            <label for="ui-theme">{ui.t(pwa::THEME)}</label>
            <select id="ui-theme"
                on:change=move |ev| {
                    if let Some(chosen) = Theme::parse(&event_target_value(&ev)) {
                        remember(chosen);
                        theme.set(chosen);
                    }
                }>
                {Theme::ALL.iter().map(|t| view! {
                    <option value=t.value() selected=move || theme.get() == *t>{ui.t(t.words())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::Theme;

    #[test]
    fn every_choice_reads_back_from_its_value() {
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.value()), Some(theme));
        }
        assert_eq!(Theme::parse("sepia"), None);
    }

    /// The dark colours are written twice in main.css (the system's dark, the chosen Dark):
    /// the two lists must not drift apart.
    #[test]
    fn both_dark_blocks_of_the_stylesheet_are_the_same() {
        let css = include_str!("../../style/main.css");
        let block = |opening: &str| -> Vec<&str> {
            let start = css.find(opening).expect("the dark block is in main.css");
            css[start..]
                .lines()
                .skip(2)
                .take_while(|l| l.trim() != "}")
                .map(str::trim)
                .collect()
        };
        let system = block("@media screen and (prefers-color-scheme: dark) {");
        let chosen = block("@media screen {\n  :root[data-theme=\"dark\"] {");
        assert!(system.len() > 20, "{system:?}");
        assert_eq!(system, chosen);
    }
}
