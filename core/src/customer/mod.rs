//! The customer version (對外版本): the public notice derived from the internal report, and
//! the redaction pass that keeps internal details out of it.
//!
//! [`customer_version`] gives each part (public title, what happened, who was affected,
//! when, what we are doing, the closing notice) with the text the customer would read (the
//! user's own words where they wrote some, otherwise what the report says) and every
//! internal detail found in it. The user keeps each hit out (the default) or lets it
//! through; the choices live in the document ([`PublicVersion`]), so every view and export
//! is a pure function of it. The exports ([`customer_markdown`], [`customer_html`],
//! [`customer_text`], [`customer_file_stem`]) are built from the redacted parts only.
//!
//! ```
//! use hindsight_core::customer::{customer_markdown, customer_version, Part};
//! use hindsight_core::Postmortem;
//!
//! let mut doc = Postmortem::default();
//! doc.header.title = "Checkout errors".into();
//! doc.summary = "Payments failed after db-1.corp (10.0.4.7) ran out of disk.".into();
//! let parts = customer_version(&doc);
//! assert_eq!(parts[1].part, Part::WhatHappened);
//! assert_eq!(parts[1].hits.len(), 2);
//! let md = customer_markdown(&doc);
//! assert!(md.contains("Payments failed after [redacted] ([redacted]) ran out of disk."));
//! ```
//!
//! [`PublicVersion`]: crate::PublicVersion

mod config;
mod derive;
mod export;
mod find;
mod hit;
mod hosts;
mod net;
mod plain;
mod scan;
mod tokens;
pub mod words;

use crate::document::{ActionItem, ActionType, Postmortem};
use serde::{Deserialize, Serialize};

use crate::words::Words;

pub use crate::people::people_named;
pub use export::{
    customer_file_stem, customer_html, customer_markdown, customer_text, gaps, redacted, Gap,
};
pub use hit::{Hit, HitKind};
pub use scan::Scanner;
/// A part of the customer version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    /// The public title: empty until the user writes one (the report's title is the team's).
    Title,
    /// What happened: the Summary.
    WhatHappened,
    /// Who was affected: the customer-visible impact, users affected, data exposed.
    WhoWasAffected,
    /// When: the times of the customer-visible events, with the time zone.
    When,
    /// What we are doing: the public action items' text.
    WhatWeAreDoing,
    /// The team's message: the Customer notice, under its own heading.
    Notice,
}

impl Part {
    /// Every part, in the order the customer version shows them.
    pub const ALL: [Part; 6] = [
        Part::Title,
        Part::WhatHappened,
        Part::WhoWasAffected,
        Part::When,
        Part::WhatWeAreDoing,
        Part::Notice,
    ];

    /// The part's heading (and its editor's label) in both languages.
    pub fn heading(self) -> Words {
        match self {
            Part::Title => words::PUBLIC_TITLE,
            Part::WhatHappened => words::WHAT_HAPPENED,
            Part::WhoWasAffected => words::WHO_WAS_AFFECTED,
            Part::When => words::WHEN,
            Part::WhatWeAreDoing => words::WHAT_WE_ARE_DOING,
            Part::Notice => words::MESSAGE_FROM_TEAM,
        }
    }

    /// A stable slug for element ids.
    pub fn slug(self) -> &'static str {
        match self {
            Part::Title => "public-title",
            Part::WhatHappened => "what-happened",
            Part::WhoWasAffected => "who-was-affected",
            Part::When => "when",
            Part::WhatWeAreDoing => "what-we-are-doing",
            Part::Notice => "notice",
        }
    }

    /// The user's own text for this part, if any.
    pub fn stored(self, doc: &Postmortem) -> Option<&String> {
        let p = &doc.public;
        match self {
            Part::Title => p.title.as_ref(),
            Part::WhatHappened => p.what_happened.as_ref(),
            Part::WhoWasAffected => p.who_was_affected.as_ref(),
            Part::When => p.when.as_ref(),
            Part::WhatWeAreDoing => p.what_we_are_doing.as_ref(),
            Part::Notice => p.notice.as_ref(),
        }
    }

    /// The user's own text for this part, to write (`None` follows the report).
    pub fn stored_mut(self, doc: &mut Postmortem) -> &mut Option<String> {
        let p = &mut doc.public;
        match self {
            Part::Title => &mut p.title,
            Part::WhatHappened => &mut p.what_happened,
            Part::WhoWasAffected => &mut p.who_was_affected,
            Part::When => &mut p.when,
            Part::WhatWeAreDoing => &mut p.what_we_are_doing,
            Part::Notice => &mut p.notice,
        }
    }
}

/// One part of the customer version as the view shows it. As JSON (for the worker) its
/// heading is left out: the part gives it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "PartWire")]
pub struct PublicPart {
    /// Which part.
    pub part: Part,
    /// Its heading in both languages.
    #[serde(skip_serializing)]
    pub heading: Words,
    /// What the internal report says for it, in the report's language (Markdown).
    pub derived: String,
    /// What the customer reads before redaction: the user's own text, or `derived`.
    pub text: String,
    /// Whether the user wrote their own text for this part.
    pub overridden: bool,
    /// Every internal detail in `text`, sorted, let-through ones included.
    pub hits: Vec<Hit>,
}

#[derive(Deserialize)]
struct PartWire {
    part: Part,
    derived: String,
    text: String,
    overridden: bool,
    hits: Vec<Hit>,
}

impl From<PartWire> for PublicPart {
    fn from(w: PartWire) -> Self {
        PublicPart {
            part: w.part,
            heading: w.part.heading(),
            derived: w.derived,
            text: w.text,
            overridden: w.overridden,
            hits: w.hits,
        }
    }
}

/// The customer version of a document, every part in [`Part::ALL`]'s order, in the
/// report's language.
pub fn customer_version(doc: &Postmortem) -> Vec<PublicPart> {
    let scanner = Scanner::for_doc(doc);
    Part::ALL
        .iter()
        .map(|&part| {
            let derived = derive::derived(doc, part);
            let stored = part.stored(doc);
            let text = stored.cloned().unwrap_or_else(|| derived.clone());
            let hits = scanner.scan(&text);
            PublicPart {
                part,
                heading: part.heading(),
                derived,
                text,
                overridden: stored.is_some(),
                hits,
            }
        })
        .collect()
}

/// What a part says when the user has not written it, in the report's language.
pub fn derived_text(doc: &Postmortem, part: Part) -> String {
    derive::derived(doc, part)
}

/// Stores the user's text for a part. Text equal to what the report derives is not stored,
/// so the part keeps following the report.
pub fn set_public_text(doc: &mut Postmortem, part: Part, text: &str) {
    let follows = text == derive::derived(doc, part);
    *part.stored_mut(doc) = (!follows).then(|| text.to_owned());
}

/// Drops the user's text for a part, so it follows the report again.
pub fn reset_public_text(doc: &mut Postmortem, part: Part) {
    *part.stored_mut(doc) = None;
}

/// Lets a hit's text through (`true`) or keeps it out again (`false`, the default). The
/// choice holds wherever the same text appears.
pub fn set_let_through(doc: &mut Postmortem, hit_text: &str, let_through: bool) {
    let list = &mut doc.public.let_through;
    list.retain(|t| t != hit_text);
    if let_through {
        list.push(hit_text.to_owned());
    }
}

/// Adds a word to the draft's "Always redact" list; a word that looks like a domain
/// (`acme.net`, `.acme.net`) also makes every host under it internal.
pub fn add_always_redact(doc: &mut Postmortem, word: &str) {
    let word = word.trim();
    if word.is_empty() {
        return;
    }
    let list = &mut doc.public.always_redact;
    if !list.iter().any(|w| w.to_lowercase() == word.to_lowercase()) {
        list.push(word.to_owned());
    }
    doc.public.let_through.retain(|t| t != word);
}

/// Removes a word from the draft's "Always redact" list.
pub fn remove_always_redact(doc: &mut Postmortem, word: &str) {
    doc.public.always_redact.retain(|w| w != word);
}

/// Sets an action item's "Public" checkbox; the default for its type (on for Prevent and
/// Detect) is stored as no choice, so the item keeps following its type.
pub fn set_action_public(item: &mut ActionItem, public: bool) {
    let default = matches!(item.kind, Some(ActionType::Prevent | ActionType::Detect));
    item.public = (public != default).then_some(public);
}

/// What the review's notice-internal-details check finds: the hits in the Customer notice
/// field that the user has not let through.
pub fn notice_internal_details(doc: &Postmortem) -> Vec<Hit> {
    Scanner::for_doc(doc)
        .scan(&doc.communication.customer_notice)
        .into_iter()
        .filter(|h| !h.is_let_through(&doc.public.let_through))
        .collect()
}
