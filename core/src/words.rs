//! Text in both of Hindsight's languages, and the one place that picks between them.
//!
//! Every string a person reads is a [`Words`]: English and Traditional Chinese (Taiwan)
//! side by side, so the compiler refuses a string that exists in one language only.
//! Parameters are written `{0}`, `{1}`, … so each language may order them as it needs.

use crate::document::Language;

/// One text in English and in Traditional Chinese (Taiwan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Words {
    /// English.
    pub en: &'static str,
    /// Traditional Chinese, as written in Taiwan.
    pub zh: &'static str,
}

/// The words for a count: `one` when there is exactly one, `many` otherwise (Chinese
/// writes both alike; English does not).
pub fn counted(n: usize, one: Words, many: Words) -> Words {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Shorthand for a [`Words`] in a table.
pub const fn w(en: &'static str, zh: &'static str) -> Words {
    Words { en, zh }
}

impl Words {
    /// The text in `lang`.
    pub fn get(self, lang: Language) -> &'static str {
        match lang {
            Language::En => self.en,
            Language::ZhTw => self.zh,
        }
    }

    /// The text in `lang` with `{0}`, `{1}`, … replaced by `args`.
    pub fn fill(self, lang: Language, args: &[&str]) -> String {
        fill(self.get(lang), args)
    }

    /// Whether `text` (trimmed) is this text in either language.
    pub fn matches(self, text: &str) -> bool {
        let text = text.trim();
        text == self.en || text == self.zh
    }
}

/// Replaces `{0}`, `{1}`, … in `template` by `args`; other braces stay as they are.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match (digits, after.as_bytes().get(digits)) {
            (1.., Some(b'}')) => {
                let n: usize = after[..digits].parse().unwrap_or(usize::MAX);
                out.push_str(args.get(n).copied().unwrap_or(""));
                rest = &after[digits + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The parameters a template uses, sorted: both languages of a [`Words`] must use the same.
pub fn placeholders(template: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after.as_bytes().get(digits) == Some(&b'}') {
            if let Ok(n) = after[..digits].parse() {
                found.push(n);
            }
        }
        rest = after;
    }
    crate::sort::sort(&mut found);
    found.dedup();
    found
}

/// Checks a table of words: both languages written, the same parameters in each. Returns
/// what is wrong, one line per problem, for tests.
pub fn audit<'a>(entries: impl IntoIterator<Item = (&'a str, Words)>) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, words) in entries {
        if words.en.trim().is_empty() {
            problems.push(format!("{name}: no English"));
        }
        if words.zh.trim().is_empty() {
            problems.push(format!("{name}: no zh-TW"));
        }
        if placeholders(words.en) != placeholders(words.zh) {
            problems.push(format!("{name}: parameters differ between the languages"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_fill_in_any_order_and_stray_braces_stay() {
        let t = w("{0} of {1}", "{1}的{0}");
        assert_eq!(t.fill(Language::En, &["a", "b"]), "a of b");
        assert_eq!(t.fill(Language::ZhTw, &["a", "b"]), "b的a");
        assert_eq!(fill("{x} {} {0", &["a"]), "{x} {} {0");
        assert_eq!(placeholders("{1} {0} {1}"), [0, 1]);
        assert_eq!(audit([("t", t)]), Vec::<String>::new());
        assert_eq!(audit([("bad", w("{0}", ""))]).len(), 2);
    }
}

/// A message in both languages with its parameters filled in: what an error carries until
/// the UI shows it in the language of the moment.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Text {
    /// English.
    pub en: String,
    /// Traditional Chinese (Taiwan).
    pub zh: String,
}

impl Text {
    /// `words` with the same parameters in both languages.
    pub fn new(words: Words, args: &[&str]) -> Self {
        Self {
            en: fill(words.en, args),
            zh: fill(words.zh, args),
        }
    }

    /// `words` with parameters that are themselves messages in both languages.
    pub fn with(words: Words, args: &[&Text]) -> Self {
        let en: Vec<&str> = args.iter().map(|a| a.en.as_str()).collect();
        let zh: Vec<&str> = args.iter().map(|a| a.zh.as_str()).collect();
        Self {
            en: fill(words.en, &en),
            zh: fill(words.zh, &zh),
        }
    }

    /// The same text in both languages (a name, a number, a technical detail).
    pub fn plain(text: impl Into<String>) -> Self {
        let en = text.into();
        Self { zh: en.clone(), en }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Language) -> &str {
        match lang {
            Language::En => &self.en,
            Language::ZhTw => &self.zh,
        }
    }
}

impl From<Words> for Text {
    fn from(words: Words) -> Self {
        Self {
            en: words.en.to_owned(),
            zh: words.zh.to_owned(),
        }
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// Declares named [`Words`] and a list `ALL` of them, for the test that both languages are
/// written with the same parameters.
#[macro_export]
macro_rules! words_table {
    ($($name:ident = ($en:expr, $zh:expr);)*) => {
        $(
            #[allow(missing_docs)]
            pub const $name: $crate::Words = $crate::Words { en: $en, zh: $zh };
        )*
        /// Every entry, by name.
        pub const ALL: &[(&str, $crate::Words)] = &[$((stringify!($name), $name)),*];
    };
}
