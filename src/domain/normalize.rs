//! The shape of a document as the Markdown export can carry it.
//!
//! Markdown has no room for some things a form can hold for a moment: a line break inside a
//! one-line field, blank lines around a paragraph, an empty list entry, a timeline in an
//! order other than time. [`Postmortem::normalized`] says exactly what the Markdown keeps, so
//! `import_markdown(export_markdown(d)) == d.normalized()`, and equals `d` for any document
//! already in that shape. The JSON export keeps everything as it is.

use super::document::Postmortem;
use super::markdown::escape::lines;
use super::metrics::sorted_by_time;

/// A one-line field: line breaks become spaces, outer white space goes.
pub fn inline(text: &str) -> String {
    lines(text).join(" ").trim().to_owned()
}

/// A multi-line field: `\n` line endings, no blank lines at either end, nothing when blank.
pub fn block(text: &str) -> String {
    let joined = lines(text).join("\n");
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

impl Postmortem {
    /// This document as its Markdown export carries it.
    pub fn normalized(&self) -> Postmortem {
        let mut d = self.clone();
        // The header travels in the front matter as JSON, exactly; the body is normalised.
        d.summary = block(&d.summary);
        let i = &mut d.impact;
        i.description = block(&i.description);
        for field in [
            &mut i.users_affected,
            &mut i.failed_requests,
            &mut i.error_budget_consumed,
            &mut i.revenue_impact,
            &mut i.support_tickets,
        ] {
            *field = inline(field);
        }
        if i.data_exposed == Some(true) {
            i.kinds_of_data = inline(&i.kinds_of_data);
            i.people_affected = inline(&i.people_affected);
        } else {
            i.kinds_of_data.clear();
            i.people_affected.clear();
        }
        d.timeline = sorted_by_time(&d.timeline).into_iter().cloned().collect();
        for e in &mut d.timeline {
            e.event = inline(&e.event);
            e.link = inline(&e.link);
        }
        d.detection.description = block(&d.detection.description);
        let c = &mut d.causes;
        for field in [
            &mut c.trigger,
            &mut c.root_causes,
            &mut c.contributing_factors,
            &mut c.recurrence,
        ] {
            *field = block(field);
        }
        c.five_whys = list(&c.five_whys);
        let r = &mut d.response;
        r.responders = lines(&r.responders)
            .into_iter()
            .map(inline)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        for field in [&mut r.mitigation, &mut r.resolution, &mut r.long_term_fix] {
            *field = block(field);
        }
        for a in &mut d.action_items {
            for field in [
                &mut a.action,
                &mut a.owner,
                &mut a.due_date,
                &mut a.tracking_link,
            ] {
                *field = inline(field);
            }
        }
        let l = &mut d.lessons;
        l.went_well = list(&l.went_well);
        l.went_wrong = list(&l.went_wrong);
        l.got_lucky = list(&l.got_lucky);
        let m = &mut d.communication;
        for field in [
            &mut m.internal_notice,
            &mut m.customer_notice,
            &mut m.notified,
            &mut m.regulator_deadline,
        ] {
            *field = block(field);
        }
        d.supporting_info = block(&d.supporting_info);
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
            "Para one\n\nPara two  "
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
