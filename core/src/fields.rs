//! The one table of sections and fields.
//!
//! Each field is declared here once: its id, section, kind, where the report puts it, its
//! label (which is also its export heading) in each language, and how to read and write it.
//! The form, the Markdown writer and reader, [`Postmortem::normalized`], the templates'
//! required sets, the review and the redaction all read this table; none of them spells a
//! field's name again.
//!
//! [`Postmortem::normalized`]: crate::Postmortem::normalized

use crate::choice::Choice;
use crate::document::*;
use crate::sections::SectionId;
use crate::time::Timestamp;
use crate::words::{w, Words};

/// Every field of the document and of its repeated rows.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldId {
    Title,
    IncidentId,
    Severity,
    Status,
    IncidentDate,
    TimeZone,
    Authors,
    Reviewers,
    Owner,
    Tags,
    ReviewMeeting,
    ReportLanguage,
    Summary,
    ImpactText,
    UsersAffected,
    FailedRequests,
    ErrorBudget,
    RevenueImpact,
    SupportTickets,
    CustomerVisible,
    DataExposed,
    KindsOfData,
    PeopleAffected,
    EventTime,
    EventText,
    EventKind,
    EventLink,
    DetectedBy,
    DetectionText,
    Trigger,
    RootCauses,
    ContributingFactors,
    FiveWhys,
    Recurrence,
    Responders,
    Mitigation,
    Resolution,
    LongTermFix,
    Action,
    ActionType,
    ActionOwner,
    Priority,
    DueDate,
    TrackingLink,
    Done,
    WentWell,
    WentWrong,
    GotLucky,
    InternalNotice,
    CustomerNotice,
    Notified,
    RegulatorDeadline,
    SupportingInfo,
}

/// What a field holds, and so how the form edits it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Several paragraphs of Markdown.
    Text,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A link.
    Url,
    /// A comma-separated list typed in one line (names, tags).
    Names,
    /// A list of one-line entries, each its own row.
    Entries(EntryWords),
    /// A text area whose lines are the entries of a list (one responder per line).
    Lines,
    /// One value of a fixed set; `optional` adds "Not set".
    Choice {
        /// Whether the value may be unset.
        optional: bool,
    },
    /// Yes, no, or not answered.
    YesNo,
    /// A checkbox.
    Check,
    /// A date and time in the draft's zone.
    Time,
    /// An IANA time zone.
    Zone,
}

/// The words of a list of entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryWords {
    /// The label of each entry's input: "Why".
    pub item: Words,
    /// The name of each entry's group, numbered: "Why 1".
    pub group: Words,
    /// The add button: "Add why".
    pub add: Words,
    /// Whether the report numbers the entries.
    pub ordered: bool,
}

/// Where the report puts a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The report's `#` heading.
    Title,
    /// A row of the header table (and a front-matter key).
    Front,
    /// A front-matter key only: a setting of the document, not part of its text.
    Setting,
    /// The section's own text, before any `###` part.
    Body,
    /// A `###` part of its own, headed by the label.
    Sub,
    /// A row of the Impact section's measures table.
    Measure,
    /// The bold lead line of the Detection section.
    Lead,
    /// A column of a table of rows (timeline, action items).
    Column,
}

/// How a field is read and written in its record (the document, an event, an action item).
pub enum Access<R: 'static> {
    /// A string.
    Text(fn(&R) -> &String, fn(&mut R) -> &mut String),
    /// A list of strings.
    List(fn(&R) -> &Vec<String>, fn(&mut R) -> &mut Vec<String>),
    /// Yes, no or unset.
    Flag(fn(&R) -> &Option<bool>, fn(&mut R) -> &mut Option<bool>),
    /// A checkbox.
    Check(fn(&R) -> &bool, fn(&mut R) -> &mut bool),
    /// A value of a [`Choice`], by its stored form (`""` when unset).
    Choice {
        /// Stored form and label of every value.
        options: &'static [(&'static str, Words)],
        /// The stored form of the current value, or `""`.
        get: fn(&R) -> &'static str,
        /// Sets the value from its stored form (`""` unsets an optional one).
        set: fn(&mut R, &str),
    },
    /// An instant.
    Time(
        fn(&R) -> &Option<Timestamp>,
        fn(&mut R) -> &mut Option<Timestamp>,
    ),
}

/// One field of the table.
pub struct Field<R: 'static> {
    /// Which field.
    pub id: FieldId,
    /// Its section.
    pub section: SectionId,
    /// What it holds.
    pub kind: Kind,
    /// Where the report puts it.
    pub place: Place,
    /// Its visible label, which is also its heading in the report.
    pub label: Words,
    /// A stable slug for element ids.
    pub slug: &'static str,
    /// Its key in JSON and in the front matter.
    pub key: &'static str,
    /// How it is read and written.
    pub access: Access<R>,
    /// A hint shown under the field.
    pub hint: Option<Words>,
    /// An example shown inside the empty field.
    pub placeholder: Option<Words>,
    /// The templates that require this field in particular.
    pub required_by: &'static [Template],
    /// When it applies only sometimes (Kinds of data needs Data exposed): whether it does.
    pub shown_when: Option<fn(&R) -> bool>,
}

// Each argument is a column of the table; a builder would only spell them twice.
#[allow(clippy::too_many_arguments)]
const fn field<R>(
    id: FieldId,
    section: SectionId,
    kind: Kind,
    place: Place,
    label: Words,
    slug: &'static str,
    key: &'static str,
    access: Access<R>,
) -> Field<R> {
    Field {
        id,
        section,
        kind,
        place,
        label,
        slug,
        key,
        access,
        hint: None,
        placeholder: None,
        required_by: &[],
        shown_when: None,
    }
}

impl<R> Field<R> {
    const fn hint(mut self, hint: Words) -> Self {
        self.hint = Some(hint);
        self
    }
    const fn placeholder(mut self, placeholder: Words) -> Self {
        self.placeholder = Some(placeholder);
        self
    }
    const fn required_by(mut self, templates: &'static [Template]) -> Self {
        self.required_by = templates;
        self
    }
    const fn shown_when(mut self, when: fn(&R) -> bool) -> Self {
        self.shown_when = Some(when);
        self
    }

    /// Whether the field applies to this record now.
    pub fn is_shown(&self, record: &R) -> bool {
        self.shown_when.is_none_or(|when| when(record))
    }

    /// The field's value as one line of report text in `lang` (lists joined by commas,
    /// choices by their label); empty when unset.
    pub fn text(&self, record: &R, lang: Language) -> String {
        match &self.access {
            Access::Text(get, _) => get(record).clone(),
            Access::List(get, _) => get(record).join(list_separator(lang)),
            Access::Flag(get, _) => get(record).map(|v| yes_no(v, lang)).unwrap_or_default(),
            Access::Check(get, _) => yes_no(*get(record), lang),
            Access::Choice { options, get, .. } => label_of(options, get(record))
                .map(|l| l.get(lang).to_owned())
                .unwrap_or_default(),
            Access::Time(get, _) => get(record).map(|t| t.to_rfc3339()).unwrap_or_default(),
        }
    }

    /// The value as a form control holds it: text as is, names joined by commas, a choice's
    /// stored form, `yes`/`no`/`""` for yes-no, `true`/`false` for a checkbox. Times are the
    /// app's to show (they need the zone), so they give `""`.
    pub fn input_value(&self, record: &R) -> String {
        match &self.access {
            Access::Text(get, _) => get(record).clone(),
            Access::List(get, _) => get(record).join(", "),
            Access::Flag(get, _) => match get(record) {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            Access::Check(get, _) => get(record).to_string(),
            Access::Choice { get, .. } => get(record).to_owned(),
            Access::Time(..) => String::new(),
        }
    }

    /// Sets the value from what a form control holds (see [`Field::input_value`]).
    pub fn set_input(&self, record: &mut R, value: &str) {
        match &self.access {
            Access::Text(_, get_mut) => *get_mut(record) = value.to_owned(),
            Access::List(_, get_mut) => *get_mut(record) = split_list(value),
            Access::Flag(_, get_mut) => {
                *get_mut(record) = match value {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                }
            }
            Access::Check(_, get_mut) => *get_mut(record) = value == "true",
            Access::Choice { set, .. } => set(record, value),
            Access::Time(..) => {}
        }
    }

    /// Whether the field holds nothing.
    pub fn is_empty(&self, record: &R) -> bool {
        match &self.access {
            Access::Text(get, _) => get(record).trim().is_empty(),
            Access::List(get, _) => get(record).iter().all(|e| e.trim().is_empty()),
            Access::Flag(get, _) => get(record).is_none(),
            Access::Check(get, _) => !*get(record),
            Access::Choice { get, .. } => get(record).is_empty(),
            Access::Time(get, _) => get(record).is_none(),
        }
    }
}

/// What separates the items of a list written on one line: `, ` or `、`.
pub fn list_separator(lang: Language) -> &'static str {
    match lang {
        Language::En => ", ",
        Language::ZhTw => "、",
    }
}

/// "Yes" or "No" in `lang`.
pub fn yes_no(value: bool, lang: Language) -> String {
    if value { YES } else { NO }.get(lang).to_owned()
}

/// The words for yes.
pub const YES: Words = w("Yes", "是");
/// The words for no.
pub const NO: Words = w("No", "否");

/// The label of a stored choice value.
pub fn label_of(options: &[(&'static str, Words)], value: &str) -> Option<Words> {
    options.iter().find(|(v, _)| *v == value).map(|(_, l)| *l)
}

/// The stored form of a choice labelled `text` in either language.
pub fn value_of(options: &[(&'static str, Words)], text: &str) -> Option<&'static str> {
    options
        .iter()
        .find(|(_, l)| l.matches(text))
        .map(|(v, _)| *v)
}

const ALL_TEMPLATES: &[Template] = &[Template::Full, Template::Lightweight, Template::Security];
const SECURITY: &[Template] = &[Template::Security];
const MARKDOWN_HINT: Words = w(
    "Markdown is welcome: **bold**, lists, links, `code`.",
    "可以使用 Markdown：**粗體**、清單、連結、`程式碼`。",
);
const LINK_PLACEHOLDER: Words = w("https://…", "https://…");
const NAMES_HINT: Words = w("Separate names with commas.", "多個名字請用逗號分隔。");

/// The default hint of a Markdown text area.
pub const TEXT_HINT: Words = MARKDOWN_HINT;

use FieldId as F;
use Kind as K;
use Place as P;
use SectionId as S;

/// The document's own fields, section by section, in the form's order.
pub static DOC_FIELDS: &[Field<Postmortem>] = &[
    field::<Postmortem>(F::Title, S::Header, K::Line, P::Title, w("Title", "標題"), "title", "title",
        Access::Text(|d| &d.header.title, |d| &mut d.header.title))
        .placeholder(w("Checkout failed for EU customers after a config push", "設定推送後，歐盟客戶無法結帳")),
    field::<Postmortem>(F::IncidentId, S::Header, K::Line, P::Front, w("Incident ID", "事件編號"), "incident-id", "incident_id",
        Access::Text(|d| &d.header.incident_id, |d| &mut d.header.incident_id))
        .placeholder(w("INC-1234", "INC-1234")),
    field::<Postmortem>(F::Severity, S::Header, K::Choice { optional: true }, P::Front, w("Severity", "嚴重程度"), "severity", "severity",
        Access::Choice {
            options: Severity::OPTIONS,
            get: |d| d.header.severity.map_or("", Choice::value),
            set: |d, v| d.header.severity = Severity::parse(v),
        }),
    field::<Postmortem>(F::Status, S::Header, K::Choice { optional: false }, P::Front, w("Status", "狀態"), "status", "status",
        Access::Choice {
            options: Status::OPTIONS,
            get: |d| d.header.status.value(),
            set: |d, v| d.header.status = Status::parse(v).unwrap_or_default(),
        }),
    field::<Postmortem>(F::IncidentDate, S::Header, K::Date, P::Front, w("Incident date", "事件日期"), "incident-date", "incident_date",
        Access::Text(|d| &d.header.incident_date, |d| &mut d.header.incident_date)),
    field::<Postmortem>(F::TimeZone, S::Header, K::Zone, P::Front, w("Time zone", "時區"), "time-zone", "time_zone",
        Access::Text(|d| &d.header.time_zone, |d| &mut d.header.time_zone))
        .hint(w("Times in the timeline are entered and shown in this zone.", "時間軸的時間都以這個時區輸入與顯示。")),
    field::<Postmortem>(F::Authors, S::Header, K::Names, P::Front, w("Authors", "撰寫者"), "authors", "authors",
        Access::List(|d| &d.header.authors, |d| &mut d.header.authors))
        .hint(NAMES_HINT),
    field::<Postmortem>(F::Reviewers, S::Header, K::Names, P::Front, w("Reviewers", "審閱者"), "reviewers", "reviewers",
        Access::List(|d| &d.header.reviewers, |d| &mut d.header.reviewers))
        .hint(NAMES_HINT),
    field::<Postmortem>(F::Owner, S::Header, K::Line, P::Front, w("Owner", "負責人"), "owner", "owner",
        Access::Text(|d| &d.header.owner, |d| &mut d.header.owner)),
    field::<Postmortem>(F::Tags, S::Header, K::Names, P::Front, w("Tags", "標籤"), "tags", "tags",
        Access::List(|d| &d.header.tags, |d| &mut d.header.tags))
        .hint(w("Separate tags with commas.", "多個標籤請用逗號分隔。")),
    field::<Postmortem>(F::ReviewMeeting, S::Header, K::Date, P::Front, w("Review meeting", "檢討會議"), "review-meeting", "review_meeting",
        Access::Text(|d| &d.header.review_meeting, |d| &mut d.header.review_meeting)),
    field::<Postmortem>(F::ReportLanguage, S::Header, K::Choice { optional: false }, P::Setting, w("Report language", "報告語言"), "report-language", "language",
        Access::Choice {
            options: Language::OPTIONS,
            get: |d| d.language.value(),
            set: |d, v| d.language = Language::parse(v).unwrap_or_default(),
        })
        .hint(w("The language of the report's headings and table words, in the preview and every export.",
            "報告標題與表格用語的語言，預覽與所有匯出檔都會跟著它。")),
    field::<Postmortem>(F::Summary, S::Summary, K::Text, P::Body, w("Summary", "摘要"), "summary", "summary",
        Access::Text(|d| &d.summary, |d| &mut d.summary))
        .required_by(ALL_TEMPLATES)
        .placeholder(w("Between … and …, … users saw … because …", "從 … 到 …，… 的使用者遇到 …，原因是 …"))
        .hint(w("Start from: “Between … and …, … users saw … because …”. Markdown is welcome.",
            "可以從這句開始：「從 … 到 …，… 的使用者遇到 …，原因是 …」。可以使用 Markdown。")),
    field::<Postmortem>(F::ImpactText, S::Impact, K::Text, P::Body, w("Impact", "影響說明"), "impact", "description",
        Access::Text(|d| &d.impact.description, |d| &mut d.impact.description))
        .placeholder(w("Checkout failed for 18% of EU users for 47 minutes; about 3,100 orders were lost.",
            "歐盟 18% 的使用者有 47 分鐘無法結帳，約損失 3,100 筆訂單。")),
    field::<Postmortem>(F::UsersAffected, S::Impact, K::Line, P::Measure, w("Users affected", "受影響使用者"), "users-affected", "users_affected",
        Access::Text(|d| &d.impact.users_affected, |d| &mut d.impact.users_affected))
        .hint(w("A number or a percentage.", "填人數或百分比。")),
    field::<Postmortem>(F::FailedRequests, S::Impact, K::Line, P::Measure, w("Failed requests", "失敗請求"), "failed-requests", "failed_requests",
        Access::Text(|d| &d.impact.failed_requests, |d| &mut d.impact.failed_requests)),
    field::<Postmortem>(F::ErrorBudget, S::Impact, K::Line, P::Measure, w("Error budget consumed", "錯誤預算消耗"), "error-budget-consumed", "error_budget_consumed",
        Access::Text(|d| &d.impact.error_budget_consumed, |d| &mut d.impact.error_budget_consumed)),
    field::<Postmortem>(F::RevenueImpact, S::Impact, K::Line, P::Measure, w("Revenue impact", "營收影響"), "revenue-impact", "revenue_impact",
        Access::Text(|d| &d.impact.revenue_impact, |d| &mut d.impact.revenue_impact)),
    field::<Postmortem>(F::SupportTickets, S::Impact, K::Line, P::Measure, w("Support tickets", "客服案件"), "support-tickets", "support_tickets",
        Access::Text(|d| &d.impact.support_tickets, |d| &mut d.impact.support_tickets)),
    field::<Postmortem>(F::CustomerVisible, S::Impact, K::YesNo, P::Measure, w("Customer visible", "客戶可見"), "customer-visible", "customer_visible",
        Access::Flag(|d| &d.impact.customer_visible, |d| &mut d.impact.customer_visible)),
    field::<Postmortem>(F::DataExposed, S::Impact, K::YesNo, P::Measure, w("Data exposed", "資料外洩"), "data-exposed", "data_exposed",
        Access::Flag(|d| &d.impact.data_exposed, |d| &mut d.impact.data_exposed))
        .required_by(SECURITY),
    field::<Postmortem>(F::KindsOfData, S::Impact, K::Line, P::Measure, w("Kinds of data", "外洩資料類型"), "kinds-of-data", "kinds_of_data",
        Access::Text(|d| &d.impact.kinds_of_data, |d| &mut d.impact.kinds_of_data))
        .placeholder(w("Names, email addresses, last four card digits", "姓名、電子郵件、信用卡末四碼"))
        .shown_when(|d| d.impact.data_exposed == Some(true)),
    field::<Postmortem>(F::PeopleAffected, S::Impact, K::Line, P::Measure, w("People affected", "受影響人數"), "people-affected", "people_affected",
        Access::Text(|d| &d.impact.people_affected, |d| &mut d.impact.people_affected))
        .shown_when(|d| d.impact.data_exposed == Some(true)),
    field::<Postmortem>(F::DetectedBy, S::Detection, K::Choice { optional: true }, P::Lead, w("Detected by", "發現方式"), "detected-by", "detected_by",
        Access::Choice {
            options: DetectedBy::OPTIONS,
            get: |d| d.detection.detected_by.map_or("", Choice::value),
            set: |d, v| d.detection.detected_by = DetectedBy::parse(v),
        }),
    field::<Postmortem>(F::DetectionText, S::Detection, K::Text, P::Body, w("Detection", "偵測經過"), "detection", "description",
        Access::Text(|d| &d.detection.description, |d| &mut d.detection.description))
        .placeholder(w("An error-rate alert fired 12 minutes after impact began. A synthetic check on checkout would have caught it in 2.",
            "錯誤率告警在影響開始 12 分鐘後才響。如果結帳流程有合成監測，2 分鐘內就能抓到。")),
    field::<Postmortem>(F::Trigger, S::Causes, K::Text, P::Sub, w("Trigger", "觸發點"), "trigger", "trigger",
        Access::Text(|d| &d.causes.trigger, |d| &mut d.causes.trigger))
        .placeholder(w("A config push enabled the new cache client in every region at once.",
            "一次設定推送，讓所有區域同時啟用了新的快取用戶端。")),
    field::<Postmortem>(F::RootCauses, S::Causes, K::Text, P::Sub, w("Root causes", "根本原因"), "root-causes", "root_causes",
        Access::Text(|d| &d.causes.root_causes, |d| &mut d.causes.root_causes))
        .hint(w("Describe systems and conditions, not people. Markdown is welcome.",
            "描述系統與條件，不要描述人。可以使用 Markdown。")),
    field::<Postmortem>(F::ContributingFactors, S::Causes, K::Text, P::Sub, w("Contributing factors", "促成因素"), "contributing-factors", "contributing_factors",
        Access::Text(|d| &d.causes.contributing_factors, |d| &mut d.causes.contributing_factors)),
    field::<Postmortem>(F::FiveWhys, S::Causes,
        K::Entries(EntryWords {
            item: w("Why", "為什麼"),
            group: w("Why", "為什麼"),
            add: w("Add why", "新增為什麼"),
            ordered: true,
        }),
        P::Sub, w("Five whys", "五個為什麼"), "why", "five_whys",
        Access::List(|d| &d.causes.five_whys, |d| &mut d.causes.five_whys))
        .hint(w("Ask “why?” of each answer until you reach something we can change.",
            "對每個答案再問一次「為什麼？」，直到找到我們改得動的東西。")),
    field::<Postmortem>(F::Recurrence, S::Causes, K::Text, P::Sub, w("Recurrence", "過往類似事件"), "recurrence", "recurrence",
        Access::Text(|d| &d.causes.recurrence, |d| &mut d.causes.recurrence))
        .hint(w("Earlier incidents with the same cause, with links.", "以前同樣原因的事件，請附上連結。")),
    field::<Postmortem>(F::Responders, S::Response, K::Lines, P::Sub, w("Responders", "應變人員"), "responders", "responders",
        Access::Text(|d| &d.response.responders, |d| &mut d.response.responders))
        .hint(w("One person per line: name — role.", "一行一位：姓名 — 角色。"))
        .placeholder(w("Dana Lee — incident commander", "王小明 — 事故指揮官")),
    field::<Postmortem>(F::Mitigation, S::Response, K::Text, P::Sub, w("Mitigation", "緩解措施"), "mitigation", "mitigation",
        Access::Text(|d| &d.response.mitigation, |d| &mut d.response.mitigation)),
    field::<Postmortem>(F::Resolution, S::Response, K::Text, P::Sub, w("Resolution", "修復方式"), "resolution", "resolution",
        Access::Text(|d| &d.response.resolution, |d| &mut d.response.resolution)),
    field::<Postmortem>(F::LongTermFix, S::Response, K::Text, P::Sub, w("Long-term fix", "長期修正"), "long-term-fix", "long_term_fix",
        Access::Text(|d| &d.response.long_term_fix, |d| &mut d.response.long_term_fix)),
    field::<Postmortem>(F::WentWell, S::Lessons,
        K::Entries(EntryWords {
            item: w("Lesson", "心得"),
            group: w("What went well", "做得好的地方"),
            add: w("Add what went well", "新增做得好的地方"),
            ordered: false,
        }),
        P::Sub, w("What went well", "做得好的地方"), "well", "went_well",
        Access::List(|d| &d.lessons.went_well, |d| &mut d.lessons.went_well)),
    field::<Postmortem>(F::WentWrong, S::Lessons,
        K::Entries(EntryWords {
            item: w("Lesson", "心得"),
            group: w("What went wrong", "出問題的地方"),
            add: w("Add what went wrong", "新增出問題的地方"),
            ordered: false,
        }),
        P::Sub, w("What went wrong", "出問題的地方"), "wrong", "went_wrong",
        Access::List(|d| &d.lessons.went_wrong, |d| &mut d.lessons.went_wrong)),
    field::<Postmortem>(F::GotLucky, S::Lessons,
        K::Entries(EntryWords {
            item: w("Lesson", "心得"),
            group: w("Where we got lucky", "幸運之處"),
            add: w("Add where we got lucky", "新增幸運之處"),
            ordered: false,
        }),
        P::Sub, w("Where we got lucky", "幸運之處"), "lucky", "got_lucky",
        Access::List(|d| &d.lessons.got_lucky, |d| &mut d.lessons.got_lucky)),
    field::<Postmortem>(F::InternalNotice, S::Communication, K::Text, P::Sub, w("Internal notice", "內部通知"), "internal-notice", "internal_notice",
        Access::Text(|d| &d.communication.internal_notice, |d| &mut d.communication.internal_notice)),
    field::<Postmortem>(F::CustomerNotice, S::Communication, K::Text, P::Sub, w("Customer notice", "客戶公告"), "customer-notice", "customer_notice",
        Access::Text(|d| &d.communication.customer_notice, |d| &mut d.communication.customer_notice))
        .required_by(SECURITY)
        .hint(w("What happened, and what we are doing about it, in words customers use.",
            "發生了什麼事、我們正在怎麼處理，用客戶聽得懂的話寫。")),
    field::<Postmortem>(F::Notified, S::Communication, K::Text, P::Sub, w("Notified", "已通知對象"), "notified", "notified",
        Access::Text(|d| &d.communication.notified, |d| &mut d.communication.notified))
        .required_by(SECURITY)
        .hint(w("Who was told and when: affected users, regulators, partners.",
            "通知了誰、什麼時候通知：受影響的使用者、主管機關、合作夥伴。")),
    field::<Postmortem>(F::RegulatorDeadline, S::Communication, K::Date, P::Sub, w("Regulator deadline", "主管機關通報期限"), "regulator-deadline", "regulator_deadline",
        Access::Text(|d| &d.communication.regulator_deadline, |d| &mut d.communication.regulator_deadline))
        .required_by(SECURITY),
    field::<Postmortem>(F::SupportingInfo, S::Supporting, K::Text, P::Body, w("Supporting information", "補充資料"), "supporting-information", "supporting_info",
        Access::Text(|d| &d.supporting_info, |d| &mut d.supporting_info))
        .hint(w("Links, log excerpts in ``` fences, a glossary. Markdown is welcome.",
            "連結、放在 ``` 區塊裡的 log 片段、詞彙表。可以使用 Markdown。")),
];

/// The columns of a timeline row.
pub static EVENT_FIELDS: &[Field<TimelineEvent>] = &[
    field::<TimelineEvent>(
        F::EventTime,
        S::Timeline,
        K::Time,
        P::Column,
        w("Time", "時間"),
        "time",
        "time",
        Access::Time(|e| &e.time, |e| &mut e.time),
    ),
    field::<TimelineEvent>(
        F::EventText,
        S::Timeline,
        K::Line,
        P::Column,
        w("Event", "事件"),
        "event",
        "event",
        Access::Text(|e| &e.event, |e| &mut e.event),
    ),
    field::<TimelineEvent>(
        F::EventKind,
        S::Timeline,
        K::Choice { optional: false },
        P::Column,
        w("Kind", "類型"),
        "kind",
        "kind",
        Access::Choice {
            options: EventKind::OPTIONS,
            get: |e| e.kind.value(),
            set: |e, v| e.kind = EventKind::parse(v).unwrap_or_default(),
        },
    ),
    field::<TimelineEvent>(
        F::EventLink,
        S::Timeline,
        K::Url,
        P::Column,
        w("Link", "連結"),
        "link",
        "link",
        Access::Text(|e| &e.link, |e| &mut e.link),
    )
    .placeholder(LINK_PLACEHOLDER),
];

/// The columns of an action item.
pub static ACTION_FIELDS: &[Field<ActionItem>] = &[
    field::<ActionItem>(
        F::Action,
        S::ActionItems,
        K::Line,
        P::Column,
        w("Action", "行動"),
        "action",
        "action",
        Access::Text(|a| &a.action, |a| &mut a.action),
    ),
    field::<ActionItem>(
        F::ActionType,
        S::ActionItems,
        K::Choice { optional: true },
        P::Column,
        w("Type", "類型"),
        "type",
        "kind",
        Access::Choice {
            options: ActionType::OPTIONS,
            get: |a| a.kind.map_or("", Choice::value),
            set: |a, v| a.kind = ActionType::parse(v),
        },
    ),
    field::<ActionItem>(
        F::ActionOwner,
        S::ActionItems,
        K::Line,
        P::Column,
        w("Owner", "負責人"),
        "owner",
        "owner",
        Access::Text(|a| &a.owner, |a| &mut a.owner),
    ),
    field::<ActionItem>(
        F::Priority,
        S::ActionItems,
        K::Choice { optional: true },
        P::Column,
        w("Priority", "優先順序"),
        "priority",
        "priority",
        Access::Choice {
            options: Priority::OPTIONS,
            get: |a| a.priority.map_or("", Choice::value),
            set: |a, v| a.priority = Priority::parse(v),
        },
    ),
    field::<ActionItem>(
        F::DueDate,
        S::ActionItems,
        K::Date,
        P::Column,
        w("Due date", "期限"),
        "due-date",
        "due_date",
        Access::Text(|a| &a.due_date, |a| &mut a.due_date),
    ),
    field::<ActionItem>(
        F::TrackingLink,
        S::ActionItems,
        K::Url,
        P::Column,
        w("Tracking link", "追蹤連結"),
        "tracking-link",
        "tracking_link",
        Access::Text(|a| &a.tracking_link, |a| &mut a.tracking_link),
    )
    .placeholder(LINK_PLACEHOLDER),
    field::<ActionItem>(
        F::Done,
        S::ActionItems,
        K::Check,
        P::Column,
        w("Done", "完成"),
        "done",
        "done",
        Access::Check(|a| &a.done, |a| &mut a.done),
    ),
];

/// The document's fields of one section, in order.
pub fn section_fields(section: SectionId) -> impl Iterator<Item = &'static Field<Postmortem>> {
    DOC_FIELDS.iter().filter(move |f| f.section == section)
}

/// A document field by id, if it is one (row fields are in [`EVENT_FIELDS`] and
/// [`ACTION_FIELDS`]).
pub fn doc_field(id: FieldId) -> Option<&'static Field<Postmortem>> {
    DOC_FIELDS.iter().find(|f| f.id == id)
}

/// What every field, of the document or of a row, says about itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// Its section.
    pub section: SectionId,
    /// What it holds.
    pub kind: Kind,
    /// Where the report puts it.
    pub place: Place,
    /// Its label.
    pub label: Words,
    /// Its slug for element ids.
    pub slug: &'static str,
    /// The templates that require it in particular.
    pub required_by: &'static [Template],
}

fn info<R>(f: &Field<R>) -> FieldInfo {
    FieldInfo {
        section: f.section,
        kind: f.kind,
        place: f.place,
        label: f.label,
        slug: f.slug,
        required_by: f.required_by,
    }
}

impl FieldId {
    /// Every field, in declaration order.
    pub const ALL: &'static [FieldId] = &[
        F::Title,
        F::IncidentId,
        F::Severity,
        F::Status,
        F::IncidentDate,
        F::TimeZone,
        F::Authors,
        F::Reviewers,
        F::Owner,
        F::Tags,
        F::ReviewMeeting,
        F::ReportLanguage,
        F::Summary,
        F::ImpactText,
        F::UsersAffected,
        F::FailedRequests,
        F::ErrorBudget,
        F::RevenueImpact,
        F::SupportTickets,
        F::CustomerVisible,
        F::DataExposed,
        F::KindsOfData,
        F::PeopleAffected,
        F::EventTime,
        F::EventText,
        F::EventKind,
        F::EventLink,
        F::DetectedBy,
        F::DetectionText,
        F::Trigger,
        F::RootCauses,
        F::ContributingFactors,
        F::FiveWhys,
        F::Recurrence,
        F::Responders,
        F::Mitigation,
        F::Resolution,
        F::LongTermFix,
        F::Action,
        F::ActionType,
        F::ActionOwner,
        F::Priority,
        F::DueDate,
        F::TrackingLink,
        F::Done,
        F::WentWell,
        F::WentWrong,
        F::GotLucky,
        F::InternalNotice,
        F::CustomerNotice,
        F::Notified,
        F::RegulatorDeadline,
        F::SupportingInfo,
    ];

    /// What the table says of this field.
    pub fn info(self) -> FieldInfo {
        DOC_FIELDS
            .iter()
            .find(|f| f.id == self)
            .map(info)
            .or_else(|| EVENT_FIELDS.iter().find(|f| f.id == self).map(info))
            .or_else(|| ACTION_FIELDS.iter().find(|f| f.id == self).map(info))
            .unwrap_or(FieldInfo {
                section: S::Header,
                kind: K::Line,
                place: P::Setting,
                label: w("", ""),
                slug: "",
                required_by: &[],
            })
    }

    /// Its section.
    pub fn section(self) -> SectionId {
        self.info().section
    }

    /// Its label in `lang`.
    pub fn label(self, lang: Language) -> &'static str {
        self.info().label.get(lang)
    }

    /// Whether the field belongs to a repeated row (a timeline event or an action item).
    pub fn is_row_field(self) -> bool {
        self.info().place == P::Column
    }

    /// Whether `template` requires this field in particular.
    pub fn required_in(self, template: Template) -> bool {
        self.info().required_by.contains(&template)
    }

    /// The element id of the field's control: `summary-summary`, or for a row field the
    /// row's own prefix followed by the slug.
    pub fn element_id(self) -> String {
        let i = self.info();
        format!("{}-{}", i.section.slug(), i.slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::audit;

    #[test]
    fn every_field_is_declared_once_with_words_in_both_languages() {
        let mut seen = Vec::new();
        let mut words = Vec::new();
        let mut add =
            |id: FieldId, label: Words, hint: Option<Words>, ph: Option<Words>, kind: Kind| {
                assert!(!seen.contains(&id), "{id:?} twice");
                seen.push(id);
                words.push(("label", label));
                words.extend(hint.map(|h| ("hint", h)));
                words.extend(ph.map(|p| ("placeholder", p)));
                if let Kind::Entries(e) = kind {
                    words.extend([("item", e.item), ("group", e.group), ("add", e.add)]);
                }
            };
        for f in DOC_FIELDS {
            add(f.id, f.label, f.hint, f.placeholder, f.kind);
        }
        for f in EVENT_FIELDS {
            add(f.id, f.label, f.hint, f.placeholder, f.kind);
        }
        for f in ACTION_FIELDS {
            add(f.id, f.label, f.hint, f.placeholder, f.kind);
        }
        seen.sort();
        assert_eq!(
            seen,
            FieldId::ALL,
            "FieldId::ALL lists every field of the tables"
        );
        assert_eq!(audit(words), Vec::<String>::new());
    }

    #[test]
    fn security_requires_its_own_fields_beyond_the_full_template() {
        let extra = |t: Template| -> Vec<FieldId> {
            FieldId::ALL
                .iter()
                .copied()
                .filter(|f| f.required_in(t) && !f.required_in(Template::Full))
                .collect()
        };
        assert!(extra(Template::Full).is_empty());
        assert_eq!(
            extra(Template::Security),
            [
                FieldId::DataExposed,
                FieldId::CustomerNotice,
                FieldId::Notified,
                FieldId::RegulatorDeadline
            ]
        );
    }

    #[test]
    fn labels_are_unique_within_a_section() {
        for s in SectionId::ALL {
            let labels: Vec<&str> = FieldId::ALL
                .iter()
                .filter(|f| f.section() == s && !f.is_row_field())
                .map(|f| f.label(Language::En))
                .collect();
            let mut unique = labels.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(labels.len(), unique.len(), "{s:?}");
        }
    }
}
