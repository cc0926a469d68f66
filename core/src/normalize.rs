//! The shape of a document as the Markdown export can carry it.
//!
//! Markdown has no room for some things a form can hold for a moment: a line break inside a
//! one-line field, blank lines around a paragraph, an empty list entry, a timeline in an
//! order other than time. [`Postmortem::normalized`] says exactly what the Markdown keeps, so
//! `import_markdown(export_markdown(d)) == d.normalized()`, and equals `d` for any document
//! already in that shape. The JSON export keeps everything as it is.

use crate::document::Postmortem;
use crate::fields::{Access, Field, Kind, Place, DOC_FIELDS, EVENT_FIELDS};
use crate::markdown::escape::lines;
use crate::metrics::sorted_by_time;

/// A one-line field: line breaks become spaces, outer white space goes.
pub fn inline(text: &str) -> String {
    lines(text).join(" ").trim().to_owned()
}

/// A multi-line field: `\n` line endings, no blank lines at either end, no spaces at the
/// end of a line outside code (the Markdown's hard breaks), nothing when blank: exactly what
/// the Markdown carries back.
pub fn block(text: &str) -> String {
    let joined = crate::markdown::escape::trim_line_ends(&lines(text).join("\n"));
    if joined.trim().is_empty() {
        return String::new();
    }
    joined.trim_matches('\n').to_owned()
}

fn list(entries: &[String]) -> Vec<String> {
    entries
        .iter()
        .map(|e| inline(e))
        .filter(|e| !e.is_empty())
        .collect()
}

/// One field in the shape its place in the report can carry.
fn normalize_field<R>(f: &Field<R>, record: &mut R) {
    if !f.is_shown(record) {
        // A field that does not apply is not exported, so it does not come back.
        match &f.access {
            Access::Text(_, get_mut) => get_mut(record).clear(),
            Access::List(_, get_mut) => get_mut(record).clear(),
            _ => {}
        }
        return;
    }
    match (&f.access, f.place) {
        // The header travels in the front matter as JSON, exactly.
        (_, Place::Title | Place::Front | Place::Setting) => {}
        (Access::Text(_, get_mut), _) if f.kind == Kind::Lines => {
            let text = get_mut(record);
            *text = lines(text)
                .into_iter()
                .map(inline)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
        }
        (Access::Text(_, get_mut), Place::Body | Place::Sub) => {
            let text = get_mut(record);
            *text = block(text);
        }
        (Access::Text(_, get_mut), _) => {
            let text = get_mut(record);
            *text = inline(text);
        }
        (Access::List(_, get_mut), _) => {
            let entries = get_mut(record);
            *entries = list(entries);
        }
        _ => {}
    }
}

impl Postmortem {
    /// This document as its Markdown export carries it.
    pub fn normalized(&self) -> Postmortem {
        let mut d = self.clone();
        // Fields that others depend on (Data exposed) are read before they are cleared.
        for f in DOC_FIELDS.iter().rev() {
            normalize_field(f, &mut d);
        }
        d.timeline = sorted_by_time(&d.timeline).into_iter().cloned().collect();
        for e in &mut d.timeline {
            for f in EVENT_FIELDS {
                normalize_field(f, e);
            }
        }
        for a in &mut d.action_items {
            for f in crate::fields::ACTION_FIELDS {
                normalize_field(f, a);
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_take_the_shape_markdown_can_carry() {
        assert_eq!(inline("  two\r\nlines \n"), "two lines");
        assert_eq!(
            block("\r\n\nPara one\r\n\r\nPara two  \n\n"),
            "Para one\n\nPara two"
        );
        assert_eq!(block(" \n \t"), "");
        let mut d = Postmortem::default();
        d.lessons.went_well = vec![" a ".into(), "".into(), "b".into()];
        d.impact.kinds_of_data = "names".into();
        let n = d.normalized();
        assert_eq!(n.lessons.went_well, ["a", "b"]);
        assert_eq!(n.impact.kinds_of_data, "", "not exposed, so not exported");
        assert_eq!(n.normalized(), n, "normalising twice changes nothing");
    }
}
