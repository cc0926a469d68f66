//! Why a file, a link or a stored value could not be read: the one error type of every
//! reader, so the readers never import each other for it.

use std::fmt;

use crate::document::Language;
use crate::words::{Text, Words};

/// The largest file Hindsight reads, checked before reading it.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Why something could not be imported, in words for the person who chose it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError(Text);

impl ImportError {
    /// An error saying `words` with these parameters.
    pub fn new(words: Words, args: &[&str]) -> Self {
        Self(Text::new(words, args))
    }

    /// An error saying `words` with parameters in both languages.
    pub fn with(words: Words, args: &[&Text]) -> Self {
        Self(Text::with(words, args))
    }

    /// The message in English.
    pub fn message(&self) -> &str {
        &self.0.en
    }

    /// The message in both languages.
    pub fn text(&self) -> &Text {
        &self.0
    }

    /// The message in `lang`.
    pub fn message_in(&self, lang: Language) -> &str {
        self.0.get(lang)
    }
}

impl From<Text> for ImportError {
    fn from(text: Text) -> Self {
        Self(text)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.en)
    }
}

impl std::error::Error for ImportError {}
