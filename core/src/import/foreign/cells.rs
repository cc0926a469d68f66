//! What a table cell or a label's value says, read by its content: emphasis, code spans
//! and links are decoration (`**P1**`, `` `SEV 1` ``, `[OPS-12](https://…)`), so the value
//! underneath is what a field takes.

/// The text of a value without its decoration: wrapping `**`, `__`, `*`, `_`, `~~` and
/// backticks, a Markdown link's text in place of the link, and an autolink's address.
pub(crate) fn plain(value: &str) -> String {
    let mut t = value.trim().to_owned();
    loop {
        let before = t.clone();
        for wrap in ["**", "__", "~~", "`", "*", "_"] {
            if t.len() > 2 * wrap.len() && t.starts_with(wrap) && t.ends_with(wrap) {
                let inner = &t[wrap.len()..t.len() - wrap.len()];
                // "**a** and **b**" is two emphases, not one around "a** and **b".
                if !inner.contains(wrap) {
                    t = inner.trim().to_owned();
                }
            }
        }
        if let Some(inner) = t.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
            if inner.contains("://") || inner.contains('@') {
                t = inner.trim().to_owned();
            }
        }
        if let Some((text, _)) = link_parts(&t) {
            t = text.trim().to_owned();
        }
        if t == before {
            return t;
        }
    }
}

/// A value that is one Markdown link, `[text](url)`: its text and its address.
pub(crate) fn link_parts(value: &str) -> Option<(&str, &str)> {
    let rest = value.trim().strip_prefix('[')?;
    let (text, after) = rest.split_once("](")?;
    let url = after.strip_suffix(')')?;
    // A title after the address ("url "title"") is not part of it.
    let url = url.split_whitespace().next().unwrap_or("");
    (!text.contains(']')).then_some((text, url.trim_matches(['<', '>'])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoration_is_not_the_value() {
        assert_eq!(plain("**P1**"), "P1");
        assert_eq!(plain("`P0`"), "P0");
        assert_eq!(plain("`SEV 1`"), "SEV 1");
        assert_eq!(plain(" **`SEV1`** "), "SEV1");
        assert_eq!(plain("[OPS-12](https://t.example/OPS-12)"), "OPS-12");
        assert_eq!(plain("<https://t.example/1>"), "https://t.example/1");
        assert_eq!(plain("*Prevent*"), "Prevent");
        assert_eq!(plain("snake_case_name"), "snake_case_name");
        assert_eq!(plain("**a** and **b**"), "**a** and **b**");
        assert_eq!(
            link_parts("[#1342](https://jira.example.com/browse/PIR-105)"),
            Some(("#1342", "https://jira.example.com/browse/PIR-105"))
        );
    }
}
