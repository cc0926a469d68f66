//! Hindsight: a postmortem editor that runs entirely in the browser.
//!
//! The domain (document, Markdown, metrics) and the render pipeline are plain Rust; only
//! `storage` and `ui` touch the browser.
//!
//! ```
//! use hindsight::domain::{document::Postmortem, markdown::to_markdown};
//! use hindsight::render::render_html;
//!
//! let mut doc = Postmortem::default();
//! doc.header.title = "Cache served <b>wrong</b> users".into();
//! doc.summary = "A **bug** in the cache client.".into();
//! let html = render_html(&to_markdown(&doc));
//! assert!(html.contains("<strong>bug</strong>"));
//! assert!(html.contains("&lt;b&gt;wrong&lt;/b&gt;"));
//! ```

#![forbid(unsafe_code)]

pub mod domain;
pub mod render;
pub mod storage;
pub mod ui;
