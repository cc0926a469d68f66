//! The domain: the document model, sections and templates, Markdown generation and metrics.
//!
//! Plain Rust with no web dependency, so all of it is tested natively with `cargo test`.

pub mod document;
pub mod draft;
pub mod example;
pub mod markdown;
pub mod metrics;
pub mod sections;
pub mod time;
