//! One way to name a choice: every fixed set of values (severity, status, kinds, …) says its
//! values, the value it is stored as, and its label in each language, in one place.

use crate::document::{
    ActionType, DetectedBy, EventKind, Language, Priority, Severity, Status, Template,
};
use crate::words::{w, Words};

/// A value chosen from a fixed set.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order a list shows them.
    const ALL: &'static [Self];
    /// Each value's stored form and label, in the order of [`Choice::ALL`].
    const OPTIONS: &'static [(&'static str, Words)];

    /// The stored form: what JSON, front matter and `<option value>` hold.
    fn value(self) -> &'static str;

    /// The label in both languages.
    fn words(self) -> Words;

    /// The label in `lang`.
    fn label(self, lang: Language) -> &'static str {
        self.words().get(lang)
    }

    /// The value stored as `value`.
    fn parse(value: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.value() == value)
    }

    /// The value labelled `text` in either language.
    fn from_label(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.words().matches(text))
    }
}

macro_rules! choice {
    ($ty:ident { $($variant:ident => $value:literal, $en:literal, $zh:literal;)* }) => {
        impl Choice for $ty {
            const ALL: &'static [Self] = &[$($ty::$variant),*];
            const OPTIONS: &'static [(&'static str, Words)] = &[$(($value, w($en, $zh))),*];
            fn value(self) -> &'static str {
                match self { $($ty::$variant => $value),* }
            }
            fn words(self) -> Words {
                match self { $($ty::$variant => w($en, $zh)),* }
            }
        }
    };
}

choice!(Severity {
    Sev1 => "SEV1", "SEV1 critical", "SEV1 危急";
    Sev2 => "SEV2", "SEV2 major", "SEV2 重大";
    Sev3 => "SEV3", "SEV3 minor", "SEV3 輕微";
    Sev4 => "SEV4", "SEV4 low", "SEV4 低";
    Sev5 => "SEV5", "SEV5 cosmetic", "SEV5 外觀";
});

choice!(Status {
    Draft => "draft", "Draft", "草稿";
    InReview => "in_review", "In review", "審閱中";
    Final => "final", "Final", "定稿";
});

choice!(Template {
    Full => "full", "Full", "完整";
    Lightweight => "lightweight", "Lightweight", "精簡";
    Security => "security", "Security / data exposure", "資安/資料外洩";
});

choice!(Language {
    En => "en", "English", "English";
    ZhTw => "zh-TW", "繁體中文", "繁體中文";
});

choice!(EventKind {
    ImpactStarted => "impact_started", "Impact started", "影響開始";
    Detected => "detected", "Detected", "發現";
    Escalated => "escalated", "Escalated", "升級";
    StatusPageUpdated => "status_page_updated", "Status page updated", "狀態頁更新";
    Mitigated => "mitigated", "Mitigated", "緩解";
    Resolved => "resolved", "Resolved", "解決";
    Other => "other", "Other", "其他";
});

choice!(DetectedBy {
    Alert => "alert", "Alert", "告警";
    CustomerReport => "customer_report", "Customer report", "客戶回報";
    Employee => "employee", "Employee", "內部人員";
    Other => "other", "Other", "其他";
});

choice!(ActionType {
    Prevent => "prevent", "Prevent", "預防";
    Mitigate => "mitigate", "Mitigate", "緩解";
    Detect => "detect", "Detect", "偵測";
    Process => "process", "Process", "流程";
});

choice!(Priority {
    P0 => "P0", "P0", "P0";
    P1 => "P1", "P1", "P1";
    P2 => "P2", "P2", "P2";
    P3 => "P3", "P3", "P3";
});

impl Severity {
    /// The level in one word: critical, major, …
    pub fn name(self) -> Words {
        match self {
            Severity::Sev1 => w("critical", "危急"),
            Severity::Sev2 => w("major", "重大"),
            Severity::Sev3 => w("minor", "輕微"),
            Severity::Sev4 => w("low", "低"),
            Severity::Sev5 => w("cosmetic", "外觀"),
        }
    }

    /// The one-line description shown beside the level.
    pub fn description(self) -> Words {
        match self {
            Severity::Sev1 => w(
                "A core service is down, or data is lost or exposed",
                "核心服務中斷，或資料遺失、外洩",
            ),
            Severity::Sev2 => w(
                "A key feature is broken for many users",
                "主要功能對大量使用者失效",
            ),
            Severity::Sev3 => w(
                "Degraded service with a workaround",
                "服務品質下降，但有替代方案",
            ),
            Severity::Sev4 => w(
                "Little user impact, internal disruption",
                "對使用者影響很小，主要是內部作業受擾",
            ),
            Severity::Sev5 => w(
                "No real impact, worth learning from",
                "沒有實際影響，但值得從中學習",
            ),
        }
    }
}

impl Template {
    /// One line on when to pick it.
    pub fn description(self) -> Words {
        match self {
            Template::Full => w(
                "Every section required: for major incidents.",
                "每個段落都必填：適用於重大事故。",
            ),
            Template::Lightweight => w(
                "Header, summary, impact, timeline, root causes and action items: for small incidents.",
                "基本資料、摘要、影響、時間軸、根本原因與行動項目：適用於小型事故。",
            ),
            Template::Security => w(
                "Full, plus data exposure, customer notice and regulator deadlines.",
                "完整版，再加上資料外洩、客戶公告與主管機關通報期限。",
            ),
        }
    }
}

impl Language {
    /// The BCP 47 tag for `lang` attributes.
    pub fn html_lang(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::ZhTw => "zh-Hant-TW",
        }
    }

    /// The language a browser's preferred language tags ask for: zh-TW, zh-Hant and zh-HK
    /// are Traditional Chinese; anything else is English.
    pub fn from_browser(tags: &[String]) -> Language {
        for tag in tags {
            let t = tag.to_ascii_lowercase();
            if t.starts_with("zh-tw") || t.starts_with("zh-hant") || t.starts_with("zh-hk") {
                return Language::ZhTw;
            }
            if t.starts_with("en") || t.starts_with("zh") {
                return Language::En;
            }
        }
        Language::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored_as_serde_writes_it<T: Choice + serde::Serialize + std::fmt::Debug>() {
        for (c, (value, words)) in T::ALL.iter().zip(T::OPTIONS) {
            assert_eq!(serde_json::to_value(c).ok(), Some((*value).into()));
            assert_eq!(c.value(), *value);
            assert_eq!(c.words(), *words);
            assert_eq!(T::parse(value), Some(*c));
            assert_eq!(T::from_label(words.zh), Some(*c));
        }
        assert_eq!(T::ALL.len(), T::OPTIONS.len());
    }

    #[test]
    fn every_choice_is_stored_as_serde_writes_it() {
        stored_as_serde_writes_it::<Severity>();
        stored_as_serde_writes_it::<Status>();
        stored_as_serde_writes_it::<Template>();
        stored_as_serde_writes_it::<Language>();
        stored_as_serde_writes_it::<EventKind>();
        stored_as_serde_writes_it::<DetectedBy>();
        stored_as_serde_writes_it::<ActionType>();
        stored_as_serde_writes_it::<Priority>();
    }

    #[test]
    fn the_browser_language_picks_the_ui_language() {
        let tags = |t: &[&str]| t.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(Language::from_browser(&tags(&["zh-TW"])), Language::ZhTw);
        assert_eq!(Language::from_browser(&tags(&["zh-Hant"])), Language::ZhTw);
        assert_eq!(
            Language::from_browser(&tags(&["zh-HK", "en"])),
            Language::ZhTw
        );
        assert_eq!(Language::from_browser(&tags(&["zh-CN"])), Language::En);
        assert_eq!(
            Language::from_browser(&tags(&["de", "en-US"])),
            Language::En
        );
        assert_eq!(
            Language::from_browser(&tags(&["fr", "zh-TW"])),
            Language::ZhTw
        );
    }
}
