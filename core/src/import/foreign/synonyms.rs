//! Which section or field a heading names, in English or Traditional Chinese.
//!
//! A heading is first reduced to a key (numbering, emphasis, parentheses and trailing
//! punctuation removed, lower case). The key is looked up whole among a few exact phrases,
//! then split as a compound ("Root cause and mitigation", 根因和觸發點), then searched for
//! the first keyword of an ordered table, so "What caused the incident?" finds "caused".
//! The order of [`KEYWORDS`] decides between headings that name two things
//! ("Timeline of the detection" is a timeline): specific phrases come before general ones.

use super::Target;
use crate::fields::{section_fields, FieldId as F, Place};
use crate::sections::SectionId as S;

/// Phrases matched against the whole key, before anything else, because a keyword search
/// would read them differently ("remediation items" are action items, "remediation" alone
/// is how it was fixed).
pub(super) const EXACT: &[(&str, Target)] = &[
    ("remediation items", Target::Section(S::ActionItems)),
    ("remediation actions", Target::Section(S::ActionItems)),
    ("remediation plan", Target::Section(S::ActionItems)),
    ("actions", Target::Section(S::ActionItems)),
    ("actions taken", Target::Section(S::Response)),
    ("steps taken", Target::Section(S::Response)),
    ("what happened", Target::Field(F::Summary)),
    ("how'd we do", Target::Section(S::Lessons)),
    ("how did we do", Target::Section(S::Lessons)),
    ("monitoring", Target::Field(F::DetectionText)),
    // Under "Messaging" / "Communication": PagerDuty's two kinds of notice.
    ("internal", Target::Field(F::InternalNotice)),
    ("external", Target::Field(F::CustomerNotice)),
    ("內部", Target::Field(F::InternalNotice)),
    ("對外", Target::Field(F::CustomerNotice)),
    ("事件經過", Target::Field(F::Summary)),
    ("處理經過", Target::Section(S::Response)),
    // What a team does next, as blogs and status pages say it.
    ("what we are doing", Target::Section(S::ActionItems)),
    ("what we're doing", Target::Section(S::ActionItems)),
    ("what we are changing", Target::Section(S::ActionItems)),
    ("what we're changing", Target::Section(S::ActionItems)),
    ("what we will do", Target::Section(S::ActionItems)),
    ("what's next", Target::Section(S::ActionItems)),
    (
        "remediation and prevention",
        Target::Section(S::ActionItems),
    ),
    (
        "prevention and remediation",
        Target::Section(S::ActionItems),
    ),
    ("improving recovery", Target::Section(S::ActionItems)),
    // A blog's own "Postmortem" section reflects on the incident.
    ("postmortem", Target::Section(S::Lessons)),
    ("post-mortem", Target::Section(S::Lessons)),
];

/// Keywords searched for in the key, in this order. A trailing `*` matches any ending
/// ("mitigat*" finds mitigation and mitigated); other English keywords match whole words.
/// Chinese keywords match anywhere.
pub(super) const KEYWORDS: &[(&str, Target)] = &[
    // The three lists of lessons, before "lessons" itself.
    ("what went well", Target::Field(F::WentWell)),
    ("went well", Target::Field(F::WentWell)),
    ("going well", Target::Field(F::WentWell)),
    ("worked well", Target::Field(F::WentWell)),
    ("做得好", Target::Field(F::WentWell)),
    ("做得不錯", Target::Field(F::WentWell)),
    ("順利的地方", Target::Field(F::WentWell)),
    ("what went wrong", Target::Field(F::WentWrong)),
    ("went wrong", Target::Field(F::WentWrong)),
    ("didn't go so well", Target::Field(F::WentWrong)),
    ("didn't go well", Target::Field(F::WentWrong)),
    ("did not go well", Target::Field(F::WentWrong)),
    ("went poorly", Target::Field(F::WentWrong)),
    ("could have gone better", Target::Field(F::WentWrong)),
    ("could be improved", Target::Field(F::WentWrong)),
    ("出問題", Target::Field(F::WentWrong)),
    ("做得不好", Target::Field(F::WentWrong)),
    ("不足之處", Target::Field(F::WentWrong)),
    ("待改進", Target::Field(F::WentWrong)),
    ("需要改進", Target::Field(F::WentWrong)),
    ("lucky", Target::Field(F::GotLucky)),
    ("luck", Target::Field(F::GotLucky)),
    ("幸運", Target::Field(F::GotLucky)),
    ("運氣", Target::Field(F::GotLucky)),
    // Causes, most specific first.
    ("five whys", Target::Field(F::FiveWhys)),
    ("5 whys", Target::Field(F::FiveWhys)),
    ("5-whys", Target::Field(F::FiveWhys)),
    ("5 why", Target::Field(F::FiveWhys)),
    ("五個為什麼", Target::Field(F::FiveWhys)),
    ("5 個為什麼", Target::Field(F::FiveWhys)),
    ("contributing*", Target::Field(F::ContributingFactors)),
    ("took so long", Target::Field(F::ContributingFactors)),
    ("took longer", Target::Field(F::ContributingFactors)),
    ("slowed*", Target::Field(F::ContributingFactors)),
    ("促成", Target::Field(F::ContributingFactors)),
    ("次要原因", Target::Field(F::ContributingFactors)),
    ("助長因素", Target::Field(F::ContributingFactors)),
    ("trigger*", Target::Field(F::Trigger)),
    ("leadup", Target::Field(F::Trigger)),
    ("lead-up", Target::Field(F::Trigger)),
    ("lead up", Target::Field(F::Trigger)),
    ("觸發", Target::Field(F::Trigger)),
    ("導火線", Target::Field(F::Trigger)),
    ("誘因", Target::Field(F::Trigger)),
    ("timeline*", Target::Section(S::Timeline)),
    ("status update*", Target::Section(S::Timeline)),
    ("time line", Target::Section(S::Timeline)),
    ("chronology", Target::Section(S::Timeline)),
    ("scribe log", Target::Section(S::Timeline)),
    ("sequence of events", Target::Section(S::Timeline)),
    ("event log", Target::Section(S::Timeline)),
    ("when did", Target::Section(S::Timeline)),
    ("時間線", Target::Section(S::Timeline)),
    ("時間軸", Target::Section(S::Timeline)),
    ("時間序", Target::Section(S::Timeline)),
    ("時序", Target::Section(S::Timeline)),
    ("root cause*", Target::Field(F::RootCauses)),
    ("cause*", Target::Field(F::RootCauses)),
    ("fault", Target::Field(F::RootCauses)),
    ("why did", Target::Field(F::RootCauses)),
    ("why it happened", Target::Field(F::RootCauses)),
    ("rca", Target::Field(F::RootCauses)),
    ("根因", Target::Field(F::RootCauses)),
    ("根本原因", Target::Field(F::RootCauses)),
    ("原因", Target::Field(F::RootCauses)),
    ("detect*", Target::Field(F::DetectionText)),
    ("find out", Target::Field(F::DetectionText)),
    ("found out", Target::Field(F::DetectionText)),
    ("discover*", Target::Field(F::DetectionText)),
    ("noticed", Target::Field(F::DetectionText)),
    ("alerting", Target::Field(F::DetectionText)),
    ("偵測", Target::Field(F::DetectionText)),
    ("發現", Target::Field(F::DetectionText)),
    ("監控", Target::Field(F::DetectionText)),
    ("responders", Target::Field(F::Responders)),
    ("who responded", Target::Field(F::Responders)),
    ("response team", Target::Field(F::Responders)),
    ("participants", Target::Field(F::Responders)),
    ("people involved", Target::Field(F::Responders)),
    ("incident team", Target::Field(F::Responders)),
    ("應變人員", Target::Field(F::Responders)),
    ("參與人員", Target::Field(F::Responders)),
    ("處理人員", Target::Field(F::Responders)),
    ("mitigat*", Target::Field(F::Mitigation)),
    ("workaround*", Target::Field(F::Mitigation)),
    ("stop the bleeding", Target::Field(F::Mitigation)),
    ("緩解", Target::Field(F::Mitigation)),
    ("止血", Target::Field(F::Mitigation)),
    ("應急", Target::Field(F::Mitigation)),
    ("long-term", Target::Field(F::LongTermFix)),
    ("long term", Target::Field(F::LongTermFix)),
    ("longer-term", Target::Field(F::LongTermFix)),
    ("permanent fix", Target::Field(F::LongTermFix)),
    ("長期", Target::Field(F::LongTermFix)),
    // Action items before resolution and lessons: "follow-up fixes" are actions.
    ("action item*", Target::Section(S::ActionItems)),
    ("actionable*", Target::Section(S::ActionItems)),
    ("action plan*", Target::Section(S::ActionItems)),
    ("next step*", Target::Section(S::ActionItems)),
    ("follow-up*", Target::Section(S::ActionItems)),
    ("follow up*", Target::Section(S::ActionItems)),
    ("followup*", Target::Section(S::ActionItems)),
    ("corrective*", Target::Section(S::ActionItems)),
    ("preventive*", Target::Section(S::ActionItems)),
    ("preventative*", Target::Section(S::ActionItems)),
    ("recommendation*", Target::Section(S::ActionItems)),
    ("remediation item*", Target::Section(S::ActionItems)),
    ("to do", Target::Section(S::ActionItems)),
    ("todo*", Target::Section(S::ActionItems)),
    ("prevent*", Target::Section(S::ActionItems)),
    ("doing about", Target::Section(S::ActionItems)),
    ("going forward", Target::Section(S::ActionItems)),
    ("improvement*", Target::Section(S::ActionItems)),
    ("後續", Target::Section(S::ActionItems)),
    ("改善", Target::Section(S::ActionItems)),
    ("行動", Target::Section(S::ActionItems)),
    ("優化", Target::Section(S::ActionItems)),
    ("待辦", Target::Section(S::ActionItems)),
    ("預防", Target::Section(S::ActionItems)),
    ("改進", Target::Section(S::ActionItems)),
    ("recurrence", Target::Field(F::Recurrence)),
    ("recurring", Target::Field(F::Recurrence)),
    ("previous incident*", Target::Field(F::Recurrence)),
    ("prior incident*", Target::Field(F::Recurrence)),
    ("similar incident*", Target::Field(F::Recurrence)),
    ("related incident*", Target::Field(F::Recurrence)),
    ("past incident*", Target::Field(F::Recurrence)),
    ("過往", Target::Field(F::Recurrence)),
    ("類似事件", Target::Field(F::Recurrence)),
    ("重複發生", Target::Field(F::Recurrence)),
    ("resolution", Target::Field(F::Resolution)),
    ("resolv*", Target::Field(F::Resolution)),
    ("recover*", Target::Field(F::Resolution)),
    ("remediat*", Target::Field(F::Resolution)),
    ("fix*", Target::Field(F::Resolution)),
    ("restor*", Target::Field(F::Resolution)),
    ("修復", Target::Field(F::Resolution)),
    ("復原", Target::Field(F::Resolution)),
    ("解決", Target::Field(F::Resolution)),
    ("排除", Target::Field(F::Resolution)),
    ("恢復", Target::Field(F::Resolution)),
    ("處置", Target::Field(F::Resolution)),
    ("respon*", Target::Section(S::Response)),
    ("應變", Target::Section(S::Response)),
    ("lesson*", Target::Section(S::Lessons)),
    ("conclusion*", Target::Section(S::Lessons)),
    ("learn*", Target::Section(S::Lessons)),
    ("takeaway*", Target::Section(S::Lessons)),
    ("retrospective", Target::Section(S::Lessons)),
    ("reflection*", Target::Section(S::Lessons)),
    ("學到", Target::Section(S::Lessons)),
    ("教訓", Target::Section(S::Lessons)),
    ("經驗", Target::Section(S::Lessons)),
    ("心得", Target::Section(S::Lessons)),
    ("反思", Target::Section(S::Lessons)),
    ("impact*", Target::Field(F::ImpactText)),
    ("affected", Target::Field(F::ImpactText)),
    ("blast radius", Target::Field(F::ImpactText)),
    ("影響", Target::Field(F::ImpactText)),
    ("衝擊", Target::Field(F::ImpactText)),
    ("customer notice*", Target::Field(F::CustomerNotice)),
    ("customer comm*", Target::Field(F::CustomerNotice)),
    ("external comm*", Target::Field(F::CustomerNotice)),
    ("external messag*", Target::Field(F::CustomerNotice)),
    ("public statement", Target::Field(F::CustomerNotice)),
    ("status page", Target::Field(F::CustomerNotice)),
    ("客戶公告", Target::Field(F::CustomerNotice)),
    ("客戶通知", Target::Field(F::CustomerNotice)),
    ("對外", Target::Field(F::CustomerNotice)),
    ("internal comm*", Target::Field(F::InternalNotice)),
    ("internal messag*", Target::Field(F::InternalNotice)),
    ("internal notice*", Target::Field(F::InternalNotice)),
    ("內部通知", Target::Field(F::InternalNotice)),
    ("內部溝通", Target::Field(F::InternalNotice)),
    // A regulator's deadline is a date field; a heading about regulators is about who
    // was told.
    ("regulator*", Target::Field(F::Notified)),
    ("主管機關", Target::Field(F::Notified)),
    ("notified", Target::Field(F::Notified)),
    ("notification*", Target::Field(F::Notified)),
    ("who was told", Target::Field(F::Notified)),
    ("who we told", Target::Field(F::Notified)),
    ("已通知", Target::Field(F::Notified)),
    ("通報對象", Target::Field(F::Notified)),
    ("communication*", Target::Section(S::Communication)),
    ("comms", Target::Section(S::Communication)),
    ("messaging", Target::Section(S::Communication)),
    ("溝通", Target::Section(S::Communication)),
    ("通知", Target::Section(S::Communication)),
    ("公告", Target::Section(S::Communication)),
    ("summary", Target::Field(F::Summary)),
    ("overview", Target::Field(F::Summary)),
    ("tl;dr", Target::Field(F::Summary)),
    ("tldr", Target::Field(F::Summary)),
    ("synopsis", Target::Field(F::Summary)),
    ("abstract", Target::Field(F::Summary)),
    ("description", Target::Field(F::Summary)),
    ("introduction", Target::Field(F::Summary)),
    ("概要", Target::Field(F::Summary)),
    ("摘要", Target::Field(F::Summary)),
    ("概述", Target::Field(F::Summary)),
    ("總結", Target::Field(F::Summary)),
    ("簡介", Target::Field(F::Summary)),
    ("事件說明", Target::Field(F::Summary)),
    ("發生了什麼", Target::Field(F::Summary)),
    ("incident details", Target::Section(S::Header)),
    ("incident information", Target::Section(S::Header)),
    ("metadata", Target::Section(S::Header)),
    ("document control", Target::Section(S::Header)),
    ("基本資料", Target::Section(S::Header)),
    ("事件資訊", Target::Section(S::Header)),
    ("background", Target::Supporting),
    ("chat log*", Target::Supporting),
    ("chat transcript*", Target::Supporting),
    ("對話紀錄", Target::Supporting),
    ("glossary", Target::Supporting),
    ("appendix", Target::Supporting),
    ("appendices", Target::Supporting),
    ("supporting*", Target::Supporting),
    ("reference*", Target::Supporting),
    ("links", Target::Supporting),
    ("attachment*", Target::Supporting),
    ("context", Target::Supporting),
    ("notes", Target::Supporting),
    ("further reading", Target::Supporting),
    ("背景", Target::Supporting),
    ("詞彙", Target::Supporting),
    ("名詞解釋", Target::Supporting),
    ("附錄", Target::Supporting),
    ("參考", Target::Supporting),
    ("補充", Target::Supporting),
    ("附件", Target::Supporting),
];

/// Other names of header fields, matched against the whole key: "Date", "Author", 嚴重性.
/// Each field's own label in both languages and its front-matter key come from the field
/// table ([`header_field`] reads them there); this table holds only what people write
/// instead. Only label lines, key-value rows and front matter use them, never `#`
/// headings, whose text is too long for a header field.
pub(super) const HEADER: &[(&str, F)] = &[
    ("事件名稱", F::Title),
    ("事件標題", F::Title),
    ("incident title", F::Title),
    ("incident name", F::Title),
    ("report title", F::Title),
    ("incident", F::IncidentId),
    ("incident #", F::IncidentId),
    ("incident number", F::IncidentId),
    ("incident no", F::IncidentId),
    ("id", F::IncidentId),
    ("編號", F::IncidentId),
    ("sev", F::Severity),
    ("severity level", F::Severity),
    ("嚴重性", F::Severity),
    ("嚴重等級", F::Severity),
    ("事件等級", F::Severity),
    ("等級", F::Severity),
    ("state", F::Status),
    ("document status", F::Status),
    ("report status", F::Status),
    ("postmortem status", F::Status),
    ("文件狀態", F::Status),
    ("date", F::IncidentDate),
    ("date of incident", F::IncidentDate),
    ("occurred", F::IncidentDate),
    ("occurred on", F::IncidentDate),
    ("發生日期", F::IncidentDate),
    ("日期", F::IncidentDate),
    ("timezone", F::TimeZone),
    ("tz", F::TimeZone),
    ("author", F::Authors),
    ("written by", F::Authors),
    ("prepared by", F::Authors),
    ("撰寫人", F::Authors),
    ("作者", F::Authors),
    ("reviewer", F::Reviewers),
    ("reviewed by", F::Reviewers),
    ("審閱人", F::Reviewers),
    ("審核者", F::Reviewers),
    ("審核人", F::Reviewers),
    ("postmortem owner", F::Owner),
    ("report owner", F::Owner),
    ("incident owner", F::Owner),
    ("tag", F::Tags),
    ("labels", F::Tags),
    ("keywords", F::Tags),
    ("關鍵字", F::Tags),
    ("review date", F::ReviewMeeting),
    ("postmortem meeting", F::ReviewMeeting),
    ("postmortem review", F::ReviewMeeting),
    ("檢討日期", F::ReviewMeeting),
];

/// Removes a section number at the start: `2.`, `2)`, `2.1`, `IV.`, `B.`, `一、`, `（二）`,
/// `第三章`. Returns the rest and how deep the number is (`2.1` is 2), or 0 without one.
pub(crate) fn strip_numbering(text: &str) -> (&str, usize) {
    let t = text.trim_start();
    // Arabic: digits, optionally `.digits` more, then `.`, `)`, `、` or a space after a dot.
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut i = digits(t);
    if i > 0 && i <= 3 {
        let mut depth = 1;
        while t[i..].starts_with('.') && digits(&t[i + 1..]) > 0 {
            i += 1 + digits(&t[i + 1..]);
            depth += 1;
        }
        let rest = &t[i..];
        for sep in [".", ")", "、", "．", ":"] {
            if let Some(after) = rest.strip_prefix(sep) {
                if after.starts_with([' ', '\t']) || sep == "、" || sep == "．" {
                    return (after.trim_start(), depth);
                }
            }
        }
        if depth > 1 && rest.starts_with([' ', '\t']) {
            return (rest.trim_start(), depth);
        }
    }
    // Roman numerals and single capital letters ("IV. Impact", "B) Timeline").
    let letters = t.bytes().take_while(u8::is_ascii_uppercase).count();
    if (1..=4).contains(&letters) {
        let head = &t[..letters];
        let roman = head.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
        let rest = &t[letters..];
        if (roman || letters == 1) && rest.starts_with(['.', ')']) && rest[1..].starts_with(' ') {
            return (rest[1..].trim_start(), 1);
        }
    }
    // Chinese: 一、 / （二） / 第三章.
    const NUMERALS: &str = "一二三四五六七八九十";
    let zh = t
        .chars()
        .take_while(|c| NUMERALS.contains(*c))
        .map(char::len_utf8)
        .sum::<usize>();
    if zh > 0 {
        if let Some(after) = t[zh..].strip_prefix(['、', '.', '．']) {
            return (after.trim_start(), 1);
        }
    }
    if let Some(inner) = t.strip_prefix('（').or_else(|| t.strip_prefix('(')) {
        let n = inner
            .chars()
            .take_while(|c| NUMERALS.contains(*c) || c.is_ascii_digit())
            .map(char::len_utf8)
            .sum::<usize>();
        if n > 0 {
            if let Some(after) = inner[n..]
                .strip_prefix('）')
                .or_else(|| inner[n..].strip_prefix(')'))
            {
                return (after.trim_start(), 1);
            }
        }
    }
    if let Some(inner) = t.strip_prefix('第') {
        let n = inner
            .chars()
            .take_while(|c| NUMERALS.contains(*c) || c.is_ascii_digit())
            .map(char::len_utf8)
            .sum::<usize>();
        if n > 0 {
            if let Some(after) = inner[n..].strip_prefix(['章', '節', '部']) {
                let after = after.strip_prefix('分').unwrap_or(after);
                return (after.trim_start_matches([' ', '：', ':']), 1);
            }
        }
    }
    (t, 0)
}

/// Removes text in parentheses or brackets: "Timeline (all times UTC)" is a timeline.
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The key a heading is looked up by.
pub(crate) fn key(heading: &str) -> String {
    let (rest, _) = strip_numbering(heading.trim().trim_matches(['*', '_', '`', ' ']));
    let mut k = without_brackets(rest).to_lowercase();
    for (from, to) in [
        ("&", " and "),
        ("＆", " and "),
        (" + ", " and "),
        ("_", " "),
        ("\u{2019}", "'"),
        ("\u{2013}", "-"),
        ("\u{a0}", " "),
    ] {
        k = k.replace(from, to);
    }
    let k = k
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches([
            ':', '：', '?', '？', '.', '。', '!', '！', '-', '—', ' ', '*', '_', '`',
        ]);
    k.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `hay` contains `pattern` as [`KEYWORDS`] describes: at a word start, and ending
/// at a word end unless the pattern ends with `*`.
fn contains(hay: &str, pattern: &str) -> bool {
    let stem = pattern.ends_with('*');
    let p = pattern.trim_end_matches('*');
    if stem {
        crate::text::find_word_start(hay, p, 0).is_some()
    } else {
        crate::text::contains_bounded(hay, p)
    }
}

fn exact(key: &str) -> Option<Target> {
    EXACT.iter().find(|(k, _)| *k == key).map(|(_, t)| *t)
}

fn keyword(key: &str) -> Option<Target> {
    KEYWORDS
        .iter()
        .find(|(p, _)| contains(key, p))
        .map(|(_, t)| *t)
}

/// The parts of a compound key: "root cause and mitigation", 根因和觸發點.
fn compound_parts(key: &str) -> Vec<&str> {
    let mut parts = vec![key];
    // "以及" before "及", which it contains.
    for sep in [" and ", ", ", " / ", "/", "、", "以及", "和", "與", "及"] {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts
}

/// The sections or fields a heading names, in the order it names them; empty when it names
/// none. A compound heading names several.
pub(crate) fn classify(heading: &str) -> Vec<Target> {
    let k = key(heading);
    if k.is_empty() {
        return Vec::new();
    }
    if let Some(t) = exact(&k) {
        return vec![t];
    }
    let parts = compound_parts(&k);
    if parts.len() > 1 {
        let mut found: Vec<Target> = Vec::new();
        for p in parts {
            if let Some(t) = exact(p).or_else(|| keyword(p)) {
                if !found.contains(&t) {
                    found.push(t);
                }
            }
        }
        if found.len() > 1 {
            return found;
        }
    }
    keyword(&k).into_iter().collect()
}

/// The header field a label names exactly, if any: the field's own label in either
/// language or its front-matter key ("Incident date", 事件日期, `incident_date`), from the
/// field table, else one of the other names of [`HEADER`] ("Date", "Author", 嚴重性).
pub(crate) fn header_field(label: &str) -> Option<F> {
    let k = key(label);
    if k.is_empty() {
        return None;
    }
    section_fields(S::Header)
        .filter(|f| matches!(f.place, Place::Title | Place::Front))
        .find(|f| {
            [f.label.en, f.label.zh, f.key]
                .iter()
                .any(|name| key(name) == k)
        })
        .map(|f| f.id)
        .or_else(|| HEADER.iter().find(|(p, _)| *p == k).map(|(_, f)| *f))
}

/// Whether a text mentions a target by one of its keywords (for splitting the text under a
/// compound heading).
pub(crate) fn mentions(text: &str, target: Target) -> bool {
    let lower = text.to_lowercase();
    EXACT
        .iter()
        .chain(KEYWORDS)
        .filter(|(_, t)| *t == target)
        .any(|(p, _)| contains(&lower, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_a_key_and_no_header_row_re_spells_the_field_table() {
        let rows = EXACT
            .iter()
            .map(|(k, _)| *k)
            .chain(KEYWORDS.iter().map(|(k, _)| k.trim_end_matches('*')))
            .chain(HEADER.iter().map(|(k, _)| *k));
        for row in rows {
            assert_eq!(key(row), row, "a row that never matches: {row:?}");
        }
        for (name, field) in HEADER {
            let info = field.info();
            assert!(
                key(info.label.en) != *name && key(info.label.zh) != *name,
                "{name:?} is {field:?}'s own label: the field table has it"
            );
        }
        for (label, field) in [
            ("Incident date", F::IncidentDate),
            ("事件日期", F::IncidentDate),
            ("incident_date", F::IncidentDate),
            ("time_zone", F::TimeZone),
            ("Review meeting", F::ReviewMeeting),
            ("審閱者", F::Reviewers),
            ("Date", F::IncidentDate),
            ("嚴重性", F::Severity),
        ] {
            assert_eq!(header_field(label), Some(field), "{label}");
        }
        assert_eq!(header_field("Report language"), None);
    }

    fn one(heading: &str) -> Option<Target> {
        match classify(heading).as_slice() {
            [t] => Some(*t),
            _ => None,
        }
    }

    #[test]
    fn headings_in_both_languages_find_their_sections() {
        let cases: &[(&str, Target)] = &[
            ("Executive summary", Target::Field(F::Summary)),
            ("TL;DR", Target::Field(F::Summary)),
            ("事件概要", Target::Field(F::Summary)),
            ("2. Customer Impact", Target::Field(F::ImpactText)),
            ("影響範圍", Target::Field(F::ImpactText)),
            ("Root Cause(s)", Target::Field(F::RootCauses)),
            ("What caused the incident?", Target::Field(F::RootCauses)),
            ("Fault", Target::Field(F::RootCauses)),
            ("Leadup", Target::Field(F::Trigger)),
            (
                "Contributing conditions",
                Target::Field(F::ContributingFactors),
            ),
            ("How we found out", Target::Field(F::DetectionText)),
            ("How did we find out?", Target::Field(F::DetectionText)),
            ("Recovery", Target::Field(F::Resolution)),
            ("Remediation", Target::Field(F::Resolution)),
            ("緩解", Target::Field(F::Mitigation)),
            ("Timeline (all times UTC)", Target::Section(S::Timeline)),
            ("Scribe log", Target::Section(S::Timeline)),
            ("時間軸", Target::Section(S::Timeline)),
            ("Remediation items", Target::Section(S::ActionItems)),
            ("Corrective actions", Target::Section(S::ActionItems)),
            ("Next steps", Target::Section(S::ActionItems)),
            ("後續優化", Target::Section(S::ActionItems)),
            ("改善措施", Target::Section(S::ActionItems)),
            ("Lessons learned", Target::Section(S::Lessons)),
            ("學到了什麼", Target::Section(S::Lessons)),
            ("What went well", Target::Field(F::WentWell)),
            ("Where we got lucky", Target::Field(F::GotLucky)),
            ("Glossary", Target::Supporting),
            ("詞彙表", Target::Supporting),
            ("IV. Appendix", Target::Supporting),
            ("**Background**", Target::Supporting),
            ("📋 Action Items", Target::Section(S::ActionItems)),
            ("一、事件概要", Target::Field(F::Summary)),
            ("4.1 Trigger", Target::Field(F::Trigger)),
        ];
        for (heading, want) in cases {
            assert_eq!(one(heading), Some(*want), "{heading}");
        }
        for unknown in [
            "Shakespeare Sonnet++ Postmortem",
            "Questions",
            "Because reasons",
        ] {
            assert_eq!(classify(unknown), [], "{unknown}");
        }
    }

    #[test]
    fn compound_headings_name_every_part() {
        assert_eq!(
            classify("Root cause and mitigation"),
            [Target::Field(F::RootCauses), Target::Field(F::Mitigation)]
        );
        assert_eq!(
            classify("Mitigation & Resolution"),
            [Target::Field(F::Mitigation), Target::Field(F::Resolution)]
        );
        assert_eq!(
            classify("根因和觸發點"),
            [Target::Field(F::RootCauses), Target::Field(F::Trigger)]
        );
        assert_eq!(
            classify("What went well and what didn't"),
            [Target::Field(F::WentWell)]
        );
    }

    #[test]
    fn numbering_is_removed_but_five_whys_keeps_its_five() {
        assert_eq!(strip_numbering("2. Impact"), ("Impact", 1));
        assert_eq!(strip_numbering("3.2 Trigger"), ("Trigger", 2));
        assert_eq!(strip_numbering("二、影響範圍"), ("影響範圍", 1));
        assert_eq!(strip_numbering("（三）時間線"), ("時間線", 1));
        assert_eq!(strip_numbering("5 whys"), ("5 whys", 0));
        assert_eq!(one("5 Whys"), Some(Target::Field(F::FiveWhys)));
        assert_eq!(header_field("**Date:**"), Some(F::IncidentDate));
        assert_eq!(header_field("撰寫者"), Some(F::Authors));
        assert_eq!(header_field("Summary"), None);
    }
}
