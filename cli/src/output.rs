//! How `check` prints what it found: lines for people, GitHub Actions workflow commands, or
//! JSON. Dismissed findings appear only in JSON (marked), since the team set them aside.

use std::io::{self, Write};

use hindsight_core::Language;

use crate::args::Format;
use crate::check::{Item, Kind, Report};

/// Prints the report's items in `format`.
pub fn print(
    report: &Report,
    format: Format,
    lang: Language,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        // `check` is never given the formats of `items` (the command line refuses them).
        Format::Text | Format::Markdown | Format::Csv => {
            for item in report.items.iter().filter(|i| !i.dismissed) {
                writeln!(out, "{}", text_line(item, lang))?;
            }
        }
        Format::Github => {
            for item in report.items.iter().filter(|i| !i.dismissed) {
                writeln!(out, "{}", github_line(item))?;
            }
        }
        Format::Json => {
            let items: Vec<JsonItem> = report.items.iter().map(json_item).collect();
            let text = serde_json::to_string_pretty(&items).map_err(io::Error::other)?;
            writeln!(out, "{text}")?;
        }
    }
    Ok(())
}

/// `file:line: Level: Title: message [check-id]`, on one line.
fn text_line(item: &Item, lang: Language) -> String {
    let colon = match lang {
        Language::En => ": ",
        Language::ZhTw => "：",
    };
    format!(
        "{}:{}: {}{colon}{}{colon}{} [{}]",
        item.file,
        item.line,
        item.kind.word(lang),
        one_line(&item.title),
        one_line(&item.message),
        item.check
    )
}

/// Text on one line: runs of white space, line breaks included, as one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A workflow command: `::error file=…,line=…,title=…::message` for problems and files
/// that cannot be read, `::warning` for suggestions, `::notice` for files that are not
/// postmortems.
pub fn github_line(item: &Item) -> String {
    let command = match item.kind {
        Kind::Problem | Kind::Error => "error",
        Kind::Suggestion => "warning",
        Kind::Note => "notice",
    };
    format!(
        "::{command} file={},line={},title={}::{}",
        escape_property(&item.file),
        item.line,
        escape_property(&item.title),
        escape_data(&item.message)
    )
}

/// A command's message, escaped as GitHub's toolkit does (`escapeData`): `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property, escaped as GitHub's toolkit does (`escapeProperty`): as a message,
/// and `:` and `,` too.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// An item as JSON, its keys in this order.
#[derive(serde::Serialize)]
struct JsonItem<'a> {
    file: &'a str,
    line: usize,
    level: &'static str,
    check: &'a str,
    title: &'a str,
    message: &'a str,
    dismissed: bool,
}

fn json_item(item: &Item) -> JsonItem<'_> {
    JsonItem {
        file: &item.file,
        line: item.line,
        level: item.kind.id(),
        check: &item.check,
        title: &item.title,
        message: &item.message,
        dismissed: item.dismissed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_as_githubs_toolkit_does() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        let item = Item {
            file: "post mortems/a,b.md".into(),
            line: 7,
            kind: Kind::Suggestion,
            check: "x".into(),
            title: "Title: with, marks".into(),
            message: "Line one\nline two: 100%".into(),
            dismissed: false,
        };
        assert_eq!(
            github_line(&item),
            "::warning file=post mortems/a%2Cb.md,line=7,title=Title%3A with%2C marks::Line one%0Aline two: 100%25"
        );
    }
}
