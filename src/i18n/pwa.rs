//! The words of the installable, offline app: the theme control and the new-version notice.

hindsight_core::words_table! {
    THEME = ("Theme", "主題");
    THEME_SYSTEM = ("System", "跟隨系統");
    THEME_LIGHT = ("Light", "淺色");
    THEME_DARK = ("Dark", "深色");
    NEW_VERSION = ("A new version is ready", "有新版本");
    RELOAD = ("Reload", "重新載入");
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_controls_of_vocabulary_md_are_spelled_exactly() {
        let pairs = [
            (super::THEME, "Theme", "主題"),
            (super::THEME_SYSTEM, "System", "跟隨系統"),
            (super::THEME_LIGHT, "Light", "淺色"),
            (super::THEME_DARK, "Dark", "深色"),
            (super::NEW_VERSION, "A new version is ready", "有新版本"),
            (super::RELOAD, "Reload", "重新載入"),
        ];
        for (words, en, zh) in pairs {
            assert_eq!((words.en, words.zh), (en, zh));
        }
    }
}
