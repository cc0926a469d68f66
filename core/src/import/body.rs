//! A body-only copy of Hindsight's own Markdown read back.
//!
//! "Copy Markdown" leaves out the front matter, so what comes back is the `# Title` line, the
//! header table (`| Field | Value |` or `| 欄位 | 內容 |`) and the `##` sections exactly as
//! [`crate::to_markdown`] writes them. The sections are read by the same reader as
//! [`super::import_markdown`]; the header comes from the table, which carries less than the
//! front matter does:
//!
//! - the template is Full, nothing is dismissed, the customer version has no settings of its
//!   own, and every action item's Public choice follows its type (`public: None`);
//! - the title and every one-line header field come back flattened onto one line and trimmed
//!   (as [`crate::normalize_inline`] does), and a title that reads exactly as the placeholder
//!   for an untitled report ("Untitled postmortem" / 「未命名的事後檢討」) comes back empty;
//! - Authors, Reviewers and Tags are written joined by ", " (or "、" in zh-TW), so they come back split at
//!   every comma, each entry trimmed and empty ones left out: an entry that held a comma or
//!   a line break, or only white space, does not come back as it was;
//! - the report language is the language of the header table's column names.

use super::markdown::{cell, not_one_of, read_body, table_rows};
use super::prepare;
use crate::choice::Choice;
use crate::document::{split_list, Language, Postmortem, Severity, Template};
use crate::error::ImportError;
use crate::fields::{section_fields, Access, Field, FieldId, Place};
use crate::markdown::escape::{lines, unescape_inline};
use crate::markdown::header_row;
use crate::report::{severity_text, FIELD_VALUE, UNTITLED};
use crate::sections::SectionId;
use crate::words::Text;

/// What the body reader says when a text is not a body-only copy of a Hindsight report.
pub mod messages {
    crate::words_table! {
        BODY_NO_TITLE = ("The text does not start with a “# Title” line, as Hindsight's reports do.",
            "這段文字的開頭不是「# 標題」這一行，不像 Hindsight 的報告。");
        BODY_NO_HEADER_TABLE = ("The title is not followed by Hindsight's header table (| Field | Value |).",
            "標題下方不是 Hindsight 的基本資料表格（| 欄位 | 內容 |）。");
        BODY_UNKNOWN_FIELD = ("Header row {0}: “{1}” is not a header field Hindsight knows.",
            "基本資料表格第 {0} 列：「{1}」不是 Hindsight 認得的欄位。");
        BODY_TEXT_BEFORE_SECTIONS = ("There is text between the header table and the first section, which Hindsight never writes.",
            "基本資料表格與第一個段落之間有其他文字，Hindsight 不會這樣寫。");
    }
}

const BOTH: [Language; 2] = [Language::En, Language::ZhTw];

/// Reads a body-only copy of Hindsight's own Markdown (no front matter): the title, the
/// header table and the sections. See the module documentation for what it cannot carry.
pub fn import_markdown_body(text: &str) -> Result<Postmortem, ImportError> {
    let text = prepare(text)?;
    let normalized;
    let text = if text.contains('\r') {
        normalized = lines(text).join("\n");
        normalized.as_str()
    } else {
        text
    };
    let text = text.trim_start_matches('\n');
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let title = first
        .strip_prefix("# ")
        .ok_or_else(|| ImportError::new(messages::BODY_NO_TITLE, &[]))?;
    let rest = rest.trim_start_matches('\n');
    let language = BOTH
        .into_iter()
        .find(|lang| {
            rest.strip_prefix(&header_row(&FIELD_VALUE, *lang))
                .is_some_and(|after| after.starts_with('\n'))
        })
        .ok_or_else(|| ImportError::new(messages::BODY_NO_HEADER_TABLE, &[]))?;
    let (rows, body) = table_rows(rest);
    if !body.trim().is_empty() && !body.starts_with("## ") {
        return Err(ImportError::new(messages::BODY_TEXT_BEFORE_SECTIONS, &[]));
    }
    let mut doc = Postmortem {
        template: Template::Full,
        language,
        ..Postmortem::default()
    };
    doc.header.title = read_title(title);
    for (n, row) in rows.iter().enumerate() {
        let label = cell(row, 0);
        let value = cell(row, 1);
        let f = section_fields(SectionId::Header)
            .filter(|f| f.place == Place::Front)
            .find(|f| f.label.matches(&label))
            .ok_or_else(|| {
                ImportError::new(
                    messages::BODY_UNKNOWN_FIELD,
                    &[&(n + 1).to_string(), &label],
                )
            })?;
        set_header_field(&mut doc, f, &value)?;
    }
    read_body(&mut doc, body)?;
    Ok(doc)
}

/// The title from its `#` line; the placeholder of an untitled report reads as no title.
fn read_title(line: &str) -> String {
    let title = unescape_inline(line.trim());
    if UNTITLED.matches(&title) {
        String::new()
    } else {
        title
    }
}

/// Sets one header field from the text of its row, as the report writes it.
fn set_header_field(
    doc: &mut Postmortem,
    f: &Field<Postmortem>,
    value: &str,
) -> Result<(), ImportError> {
    match &f.access {
        Access::Text(_, get_mut) => *get_mut(doc) = value.to_owned(),
        Access::List(_, get_mut) => *get_mut(doc) = split_list(value),
        Access::Choice { options, set, .. } if f.id == FieldId::Severity => {
            // The report writes "SEV1 (critical)" / "SEV1（危急）"; a hand edit may write
            // the label ("SEV1 critical") or the bare level ("SEV1").
            let level = Severity::ALL.iter().copied().find(|s| {
                let v = value.trim();
                BOTH.iter().any(|lang| severity_text(*s, *lang) == v)
                    || s.words().matches(v)
                    || s.value() == v
            });
            match level {
                Some(s) => set(doc, s.value()),
                None => return Err(not_one_of(&Text::from(f.label), value, options)),
            }
        }
        Access::Choice { options, set, .. } => {
            let stored = options
                .iter()
                .find(|(_, l)| l.matches(value))
                .map(|(v, _)| *v)
                .ok_or_else(|| not_one_of(&Text::from(f.label), value, options))?;
            set(doc, stored);
        }
        // The header table carries no other kinds.
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Status;
    use crate::words::audit;

    #[test]
    fn messages_are_written_in_both_languages() {
        assert_eq!(audit(messages::ALL.iter().copied()), Vec::<String>::new());
    }

    #[test]
    fn the_header_table_fills_the_header_in_either_language() {
        let text = "# 結帳失敗\n\n| 欄位 | 內容 |\n| --- | --- |\n| 嚴重程度 | SEV2（重大） |\n| 狀態 | 審閱中 |\n| 撰寫者 | 小明, 小華 |\n\n## 摘要\n\n設定推送出錯。\n";
        let doc = import_markdown_body(text).expect("imports");
        assert_eq!(doc.language, Language::ZhTw);
        assert_eq!(doc.header.title, "結帳失敗");
        assert_eq!(doc.header.severity, Some(Severity::Sev2));
        assert_eq!(doc.header.status, Status::InReview);
        assert_eq!(doc.header.authors, ["小明", "小華"]);
        assert_eq!(doc.summary, "設定推送出錯。");
    }

    #[test]
    fn anything_else_is_refused_with_a_reason() {
        let err = |t: &str| import_markdown_body(t).expect_err("refused").to_string();
        assert!(err("Just notes").contains("# Title"));
        assert!(err("# Notes\n\nSome text").contains("header table"));
        assert!(err("# T\n\n| Field | Value |\n| --- | --- |\n| Mood | calm |\n").contains("Mood"));
        assert!(
            err("# T\n\n| Field | Value |\n| --- | --- |\n| Status | Draft |\n\nStray\n\n## Summary\n\nx\n")
                .contains("between")
        );
        assert!(
            err("# T\n\n| Field | Value |\n| --- | --- |\n| Severity | SEV9 |\n").contains("SEV9")
        );
    }
}
