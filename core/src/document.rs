//! The postmortem document: every section and field of the product brief, and nothing else.
//!
//! This is what exports carry and imports read back. The draft's bookkeeping (id, revision,
//! timestamps) lives in [`crate::Draft`] and never enters it.

use serde::{Deserialize, Serialize};

use crate::time::Timestamp;

/// The schema version written by this build. Readers of a newer version open it read-only.
pub const SCHEMA_VERSION: u32 = 3;

/// A whole postmortem. Its JSON is written and read through the field table (`json.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Postmortem {
    /// Version of this shape; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The template the draft was created from; it decides which sections are required.
    pub template: Template,
    /// Language of the export headings.
    pub language: Language,
    /// Title, severity, status, people and dates.
    pub header: Header,
    /// The short story of the incident.
    pub summary: String,
    /// Who was hurt and how badly.
    pub impact: Impact,
    /// What happened when, in the user's order.
    pub timeline: Vec<TimelineEvent>,
    /// How the incident was noticed.
    pub detection: Detection,
    /// Trigger, root causes and the five whys.
    pub causes: Causes,
    /// Who responded and what they did.
    pub response: Response,
    /// What will be done so it never happens again.
    pub action_items: Vec<ActionItem>,
    /// What went well, what went wrong, where we got lucky.
    pub lessons: Lessons,
    /// Who was told what, and when.
    pub communication: Communication,
    /// Links, log excerpts, glossary.
    pub supporting_info: String,
    /// Review findings the team set aside, each with its reason (schema 2).
    pub dismissed: Vec<Dismissal>,
    /// The customer version's own words and redaction choices (schema 2).
    pub public: PublicVersion,
}

/// A review finding set aside on purpose, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dismissal {
    /// The finding's key: its check id, and what it points at when the check can find
    /// several things (`action-no-due@action:2`).
    pub finding: String,
    /// Why it does not apply, in the team's words.
    pub reason: String,
}

/// What the public notice says where it differs from what the internal report derives,
/// and what the redaction may let through.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublicVersion {
    /// The public title; `None` follows the report's title.
    pub title: Option<String>,
    /// What happened; `None` follows the Summary.
    pub what_happened: Option<String>,
    /// Who was affected; `None` follows the impact.
    pub who_was_affected: Option<String>,
    /// When; `None` follows the customer-visible timeline events.
    pub when: Option<String>,
    /// What we are doing; `None` follows the public action items.
    pub what_we_are_doing: Option<String>,
    /// The closing notice; `None` follows the Customer notice.
    pub notice: Option<String>,
    /// Texts the redaction found that the user let through.
    pub let_through: Vec<String>,
    /// Words the user asked to redact wherever they appear.
    pub always_redact: Vec<String>,
}

impl PublicVersion {
    /// Whether nothing is set (the default for every document).
    pub fn is_empty(&self) -> bool {
        self == &PublicVersion::default()
    }
}

impl Default for Postmortem {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            template: Template::default(),
            language: Language::default(),
            header: Header::default(),
            summary: String::new(),
            impact: Impact::default(),
            timeline: Vec::new(),
            detection: Detection::default(),
            causes: Causes::default(),
            response: Response::default(),
            action_items: Vec::new(),
            lessons: Lessons::default(),
            communication: Communication::default(),
            supporting_info: String::new(),
            dismissed: Vec::new(),
            public: PublicVersion::default(),
        }
    }
}

/// The header: what the incident is called and who owns the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// Title of the report.
    pub title: String,
    /// Incident ID, as the team's tracker names it.
    pub incident_id: String,
    /// How bad it was; `None` until chosen.
    pub severity: Option<Severity>,
    /// Where the report is in its life.
    pub status: Status,
    /// The day the incident started, `YYYY-MM-DD`.
    pub incident_date: String,
    /// IANA zone in which times are entered and shown, such as `America/Los_Angeles`.
    pub time_zone: String,
    /// Who wrote the report.
    pub authors: Vec<String>,
    /// Who reviewed it.
    pub reviewers: Vec<String>,
    /// Who owns the follow-up.
    pub owner: String,
    /// Free tags for search.
    pub tags: Vec<String>,
    /// Date of the review meeting, `YYYY-MM-DD`.
    pub review_meeting: String,
}

/// Severity levels, from critical to cosmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    /// Critical.
    Sev1,
    /// Major.
    Sev2,
    /// Minor.
    Sev3,
    /// Low.
    Sev4,
    /// Cosmetic.
    Sev5,
}

/// Where a report is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Still being written.
    #[default]
    Draft,
    /// Waiting for reviewers.
    InReview,
    /// Reviewed and published.
    Final,
}

/// Templates offered at creation. They change which sections are required, never the model.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Template {
    /// Every section required.
    #[default]
    Full,
    /// The essentials only.
    Lightweight,
    /// Full, plus the data-exposure and notification fields.
    Security,
}

/// Languages of the UI and export headings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Traditional Chinese (Taiwan).
    #[serde(rename = "zh-TW")]
    ZhTw,
}

/// Who was hurt and how badly.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Impact {
    /// Free-text description of the impact.
    pub description: String,
    /// A number or a percentage.
    pub users_affected: String,
    /// Count or share of failed requests.
    pub failed_requests: String,
    /// Share of the error budget consumed.
    pub error_budget_consumed: String,
    /// Revenue impact, in the team's own terms.
    pub revenue_impact: String,
    /// Support tickets raised.
    pub support_tickets: String,
    /// Whether customers could see the incident.
    pub customer_visible: Option<bool>,
    /// Whether any data was exposed.
    pub data_exposed: Option<bool>,
    /// With data exposed: which kinds of data.
    pub kinds_of_data: String,
    /// With data exposed: how many people.
    pub people_affected: String,
}

/// One timeline row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineEvent {
    /// When it happened, with the draft zone's offset at that instant.
    pub time: Option<Timestamp>,
    /// What happened.
    pub event: String,
    /// What kind of moment it was; the metrics read it.
    pub kind: EventKind,
    /// A link to a graph, a log or a chat message.
    pub link: String,
}

/// Kinds of timeline events; the metrics are measured between them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Users started to be hurt.
    ImpactStarted,
    /// Someone or something noticed.
    Detected,
    /// More people were brought in.
    Escalated,
    /// The status page was updated.
    StatusPageUpdated,
    /// The impact stopped.
    Mitigated,
    /// The incident was closed.
    Resolved,
    /// Anything else.
    #[default]
    Other,
}

/// How the incident was noticed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detection {
    /// Who or what noticed first.
    pub detected_by: Option<DetectedBy>,
    /// How it was detected, and what would have caught it sooner.
    pub description: String,
}

/// Who or what noticed the incident first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DetectedBy {
    /// A monitoring alert.
    Alert,
    /// A customer told us.
    CustomerReport,
    /// Someone on staff noticed.
    Employee,
    /// Anything else.
    Other,
}

/// Why it happened.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Causes {
    /// The change or event that set it off.
    pub trigger: String,
    /// The underlying causes.
    pub root_causes: String,
    /// What made it worse or likelier.
    pub contributing_factors: String,
    /// Ordered answers to "why?".
    pub five_whys: Vec<String>,
    /// Earlier incidents with the same cause.
    pub recurrence: String,
}

/// Who responded and what they did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    /// Name and role per line.
    pub responders: String,
    /// What stopped the bleeding.
    pub mitigation: String,
    /// What closed the incident.
    pub resolution: String,
    /// The durable fix.
    pub long_term_fix: String,
}

/// One follow-up action.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionItem {
    /// What will be done.
    pub action: String,
    /// What the action is for, when the author said.
    pub kind: Option<ActionType>,
    /// Who will do it.
    pub owner: String,
    /// How urgent it is, when the author said.
    pub priority: Option<Priority>,
    /// When it is due, `YYYY-MM-DD`.
    pub due_date: String,
    /// The ticket that tracks it.
    pub tracking_link: String,
    /// Whether it is done.
    pub done: bool,
    /// Whether the customer version lists it; `None` follows its type (Prevent and Detect
    /// items are public).
    pub public: Option<bool>,
}

impl ActionItem {
    /// Whether the customer version lists this item.
    pub fn is_public(&self) -> bool {
        self.public.unwrap_or(matches!(
            self.kind,
            Some(ActionType::Prevent | ActionType::Detect)
        ))
    }

    /// Whether the due date (`YYYY-MM-DD`) has passed while the item is not done.
    ///
    /// `today` is the local date in the same format; ISO dates compare correctly as text.
    pub fn is_overdue(&self, today: &str) -> bool {
        !self.done
            && crate::time::parse_date(&self.due_date).is_some()
            && self.due_date.trim() < today
    }
}

/// What an action item is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionType {
    /// Stops it from happening again.
    #[default]
    Prevent,
    /// Makes it hurt less next time.
    Mitigate,
    /// Catches it sooner.
    Detect,
    /// Changes how we work.
    Process,
}

/// Priority of an action item, P0 the most urgent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Priority {
    /// Drop everything.
    P0,
    /// This sprint.
    P1,
    /// This quarter.
    #[default]
    P2,
    /// When there is time.
    P3,
}

/// The three lists of lessons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lessons {
    /// What went well.
    pub went_well: Vec<String>,
    /// What went wrong.
    pub went_wrong: Vec<String>,
    /// Where we got lucky.
    pub got_lucky: Vec<String>,
}

/// Who was told what, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Communication {
    /// The notice sent inside the company.
    pub internal_notice: String,
    /// What happened and what we are doing about it, for customers.
    pub customer_notice: String,
    /// Who was told and when.
    pub notified: String,
    /// When regulators must be told by, `YYYY-MM-DD`.
    pub regulator_deadline: String,
}

/// What separates the entries of a list typed in one field, in either language: commas
/// (also full-width), the enumeration comma 、 the Chinese report itself joins lists with,
/// semicolons and line breaks. `陳美玲、林志豪` is two authors, `資料庫，postgres、切換` three
/// tags.
pub const LIST_SEPARATORS: &[char] = &[',', '，', '、', ';', '；', '\n'];

/// Splits a list typed or written in one field, dropping empty entries.
pub fn split_list(text: &str) -> Vec<String> {
    text.split(LIST_SEPARATORS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}
