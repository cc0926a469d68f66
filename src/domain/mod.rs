//! The domain: the document model, sections and templates, Markdown generation and metrics.
//!
//! Plain Rust with no web dependency, so all of it is tested natively with `cargo test`.

pub mod backup;
pub mod document;
pub mod draft;
pub mod example;
pub mod export;
pub mod front_matter;
pub mod import;
pub mod markdown;
pub mod metrics;
pub mod migrate;
pub mod normalize;
pub mod sections;
pub mod share;
pub mod strict_json;
pub mod time;
