//! The report's own words in both languages: table headers, metric names, notes.
//!
//! Field labels and section headings come from the field table; this holds everything else
//! the exported report says in the report's language.

use crate::choice::Choice;
use crate::document::{Language, Severity};
use crate::time::format_offset;
use crate::words::{w, Words};

/// Header table: its two columns.
pub const FIELD_VALUE: [Words; 2] = [w("Field", "欄位"), w("Value", "內容")];
/// Impact's measures table: its two columns.
pub const MEASURE_VALUE: [Words; 2] = [w("Measure", "項目"), w("Value", "數值")];
/// The timeline's metrics table: its two columns.
pub const METRIC_DURATION: [Words; 2] = [w("Metric", "指標"), w("Duration", "時長")];
/// Time to detect.
pub const TIME_TO_DETECT: Words = w("Time to detect", "偵測耗時");
/// Time to mitigate.
pub const TIME_TO_MITIGATE: Words = w("Time to mitigate", "緩解耗時");
/// Time to resolve.
pub const TIME_TO_RESOLVE: Words = w("Time to resolve", "解決耗時");
/// Impact duration.
pub const IMPACT_DURATION: Words = w("Impact duration", "影響時長");
/// An action item with no text, in the task list.
pub const NO_ACTION_WRITTEN: Words = w("(no action written)", "（尚未填寫行動）");
/// The due date of a task.
pub const DUE: Words = w("due {0}", "期限 {0}");
/// A report without a title.
pub const UNTITLED: Words = w("Untitled postmortem", "未命名的事後檢討");
/// A section the preview has nothing for yet.
pub const NOTHING_YET: Words = w("{0}: nothing written yet.", "{0}：尚未填寫。");
/// A timeline event without text, in the diagram.
pub const NO_DESCRIPTION: Words = w("(no description)", "（沒有說明）");
/// Past its due date and not done.
pub const OVERDUE: Words = w("Overdue", "已逾期");

/// The title of a duplicated draft.
pub const COPY_OF: Words = w("{0} (copy)", "{0}（副本）");
/// The title of a draft kept when two tabs changed it at once.
pub const KEPT_FROM_OTHER_TAB: Words =
    w("{0} (kept from another tab)", "{0}（另一個分頁保留的版本）");

/// Every word of this module, for the test that both languages are written.
pub const ALL: &[(&str, Words)] = &[
    ("field", FIELD_VALUE[0]),
    ("value", FIELD_VALUE[1]),
    ("measure", MEASURE_VALUE[0]),
    ("measure value", MEASURE_VALUE[1]),
    ("metric", METRIC_DURATION[0]),
    ("duration", METRIC_DURATION[1]),
    ("ttd", TIME_TO_DETECT),
    ("ttm", TIME_TO_MITIGATE),
    ("ttr", TIME_TO_RESOLVE),
    ("impact duration", IMPACT_DURATION),
    ("no action", NO_ACTION_WRITTEN),
    ("due", DUE),
    ("untitled", UNTITLED),
    ("nothing yet", NOTHING_YET),
    ("no description", NO_DESCRIPTION),
    ("overdue", OVERDUE),
    ("copy", COPY_OF),
    ("kept", KEPT_FROM_OTHER_TAB),
];

/// The colon after a label: `:` in English, `：` in Chinese.
pub fn colon(lang: Language) -> &'static str {
    match lang {
        Language::En => ":",
        Language::ZhTw => "：",
    }
}

/// A bold label leading a value: `**Detected by:** ` in English; `**偵測方式**：` in
/// Chinese, whose full-width colon carries its own space and stays outside the bold (a `**`
/// after `：` and before a digit would not close in Markdown).
pub fn bold_label(label: &str, lang: Language) -> String {
    match lang {
        Language::En => format!("**{label}:** "),
        Language::ZhTw => format!("**{label}**："),
    }
}

/// The title to show for a report, with a placeholder for an empty one.
pub fn display_title(title: &str, lang: Language) -> &str {
    let title = title.trim();
    if title.is_empty() {
        UNTITLED.get(lang)
    } else {
        title
    }
}

/// Severity as the report shows it: `SEV1 (critical)` / `SEV1（危急）`.
pub fn severity_text(severity: Severity, lang: Language) -> String {
    let name = severity.name().get(lang);
    match lang {
        Language::En => format!("{} ({name})", severity.value()),
        Language::ZhTw => format!("{}（{name}）", severity.value()),
    }
}

/// A duration for people: `45 min`, `2 h 5 min`, `1 d 3 h` / `7 小時 50 分`.
pub fn format_duration(seconds: i64, lang: Language) -> String {
    let minutes = seconds.unsigned_abs() / 60;
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let [d, h, m] = match lang {
        Language::En => ["d", "h", "min"],
        Language::ZhTw => ["天", "小時", "分"],
    };
    let body = if days > 0 {
        if hours > 0 {
            format!("{days} {d} {hours} {h}")
        } else {
            format!("{days} {d}")
        }
    } else if hours > 0 {
        if mins > 0 {
            format!("{hours} {h} {mins} {m}")
        } else {
            format!("{hours} {h}")
        }
    } else {
        format!("{mins} {m}")
    };
    if seconds < 0 {
        format!("\u{2212}{body}")
    } else {
        body
    }
}

/// The note under the timeline: "Times are in {zone} (UTC−07:00), on 2023-03-20." with the
/// parts that apply: the offset when every event shares it, the day when they all fall on it.
pub fn timeline_note(
    zone: &str,
    offset: Option<i32>,
    day: Option<&str>,
    lang: Language,
) -> Option<String> {
    let offset = offset.map(|o| format_offset(o, false));
    let place = match (zone.is_empty(), offset) {
        (false, Some(o)) => Some(match lang {
            Language::En => format!("{zone} ({o})"),
            Language::ZhTw => format!("{zone}（{o}）"),
        }),
        (false, None) => Some(zone.to_owned()),
        (true, Some(o)) => Some(o),
        (true, None) => None,
    };
    let text = match (lang, place, day) {
        (_, None, None) => return None,
        (Language::En, Some(p), None) => format!("Times are in {p}."),
        (Language::En, Some(p), Some(d)) => format!("Times are in {p}, on {d}."),
        (Language::En, None, Some(d)) => format!("Times are on {d}."),
        (Language::ZhTw, Some(p), None) => format!("時間以 {p}{}為準。", zh_gap(&p)),
        (Language::ZhTw, Some(p), Some(d)) => {
            format!("時間以 {p}{}為準，日期為 {d}。", zh_gap(&p))
        }
        (Language::ZhTw, None, Some(d)) => format!("日期為 {d}。"),
    };
    Some(text)
}

/// The space between Latin text and the next Chinese word, none after full-width punctuation.
fn zh_gap(before: &str) -> &'static str {
    if before.ends_with('）') {
        ""
    } else {
        " "
    }
}

/// Whether a paragraph is the timeline's note, in either language.
pub fn is_timeline_note(text: &str) -> bool {
    ["Times are", "時間以", "日期為"]
        .iter()
        .any(|start| text.starts_with(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::audit;

    #[test]
    fn report_words_exist_in_both_languages() {
        assert_eq!(audit(ALL.iter().copied()), Vec::<String>::new());
    }

    #[test]
    fn durations_read_naturally_in_both_languages() {
        let t = 7 * 3600 + 50 * 60;
        assert_eq!(format_duration(t, Language::En), "7 h 50 min");
        assert_eq!(format_duration(t, Language::ZhTw), "7 小時 50 分");
        assert_eq!(format_duration(27 * 3600, Language::ZhTw), "1 天 3 小時");
        assert_eq!(format_duration(45 * 60, Language::En), "45 min");
        assert_eq!(
            format_duration(2 * 3600 + 5 * 60, Language::En),
            "2 h 5 min"
        );
        assert_eq!(format_duration(27 * 3600, Language::En), "1 d 3 h");
        assert_eq!(format_duration(-600, Language::En), "\u{2212}10 min");
    }

    #[test]
    fn the_note_names_zone_offset_and_day() {
        assert_eq!(
            timeline_note(
                "America/Los_Angeles",
                Some(-420),
                Some("2023-03-20"),
                Language::En
            )
            .as_deref(),
            Some("Times are in America/Los_Angeles (UTC\u{2212}07:00), on 2023-03-20.")
        );
        assert_eq!(
            timeline_note("Asia/Taipei", Some(480), None, Language::ZhTw).as_deref(),
            Some("時間以 Asia/Taipei（UTC+08:00）為準。")
        );
        assert_eq!(timeline_note("", None, None, Language::En), None);
    }
}
