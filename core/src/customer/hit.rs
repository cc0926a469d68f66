//! What the redaction finds: the kinds of internal detail, one hit, and the detectors' raw
//! finds before they are merged.

use serde::{Deserialize, Serialize};

use crate::words::Words;

use super::words;

/// What kind of internal detail a hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum HitKind {
    /// An email address.
    Email,
    /// An IPv4 or IPv6 address (private, loopback and link-local ones included).
    IpAddress,
    /// A host name under an internal suffix (`.internal`, `.corp`, …, or a listed domain).
    InternalHost,
    /// A link to an internal host, an IP address or an issue tracker.
    InternalUrl,
    /// A tracker key such as `OPS-1234`, or the report's own Incident ID.
    TrackerKey,
    /// A chat channel such as `#inc-redis`.
    ChatChannel,
    /// A chat mention such as `@alice`.
    Mention,
    /// A link to a chat message or channel (Slack archives, Teams, Discord).
    ChatLink,
    /// A password, token, key or private-key block.
    Secret,
    /// A person named in the report.
    PersonName,
    /// A file or repository path (`.github/workflows/deploy.yml`, `/etc/nginx/nginx.conf`).
    FilePath,
    /// A configuration name: a setting, a key or a flag (`maximum_lag_on_failover`).
    ConfigName,
    /// A tool or component that runs the service behind the scenes (Patroni, `checkout-api`).
    InternalSystem,
    /// A word from the draft's own "Always redact" list.
    CustomWord,
}

impl HitKind {
    /// Every kind, in the order a legend lists them.
    pub const ALL: [HitKind; 14] = [
        HitKind::Secret,
        HitKind::PersonName,
        HitKind::Email,
        HitKind::IpAddress,
        HitKind::InternalHost,
        HitKind::InternalUrl,
        HitKind::TrackerKey,
        HitKind::ChatChannel,
        HitKind::Mention,
        HitKind::ChatLink,
        HitKind::FilePath,
        HitKind::ConfigName,
        HitKind::InternalSystem,
        HitKind::CustomWord,
    ];

    /// The kind's name in both languages, shown beside the highlighted hit.
    pub fn label(self) -> Words {
        match self {
            HitKind::Email => words::EMAIL,
            HitKind::IpAddress => words::IP_ADDRESS,
            HitKind::InternalHost => words::INTERNAL_HOST,
            HitKind::InternalUrl => words::INTERNAL_URL,
            HitKind::TrackerKey => words::TRACKER_KEY,
            HitKind::ChatChannel => words::CHAT_CHANNEL,
            HitKind::Mention => words::MENTION,
            HitKind::ChatLink => words::CHAT_LINK,
            HitKind::Secret => words::SECRET,
            HitKind::PersonName => words::PERSON_NAME,
            HitKind::FilePath => words::FILE_PATH,
            HitKind::ConfigName => words::CONFIG_NAME,
            HitKind::InternalSystem => words::INTERNAL_SYSTEM,
            HitKind::CustomWord => words::CUSTOM_WORD,
        }
    }

    /// A stable identifier for CSS classes and tests, such as `internal-host`.
    pub fn slug(self) -> &'static str {
        match self {
            HitKind::Email => "email",
            HitKind::IpAddress => "ip-address",
            HitKind::InternalHost => "internal-host",
            HitKind::InternalUrl => "internal-url",
            HitKind::TrackerKey => "tracker-key",
            HitKind::ChatChannel => "chat-channel",
            HitKind::Mention => "mention",
            HitKind::ChatLink => "chat-link",
            HitKind::Secret => "secret",
            HitKind::PersonName => "person-name",
            HitKind::FilePath => "file-path",
            HitKind::ConfigName => "config-name",
            HitKind::InternalSystem => "internal-system",
            HitKind::CustomWord => "custom-word",
        }
    }

    /// Whether the user may let a hit of this kind through. A word the user asked to redact
    /// always is kept out, whatever the let-through list says.
    pub fn can_let_through(self) -> bool {
        self != HitKind::CustomWord
    }

    /// Which kind names a hit made of overlapping finds: the user's own words first, then
    /// secrets, then the more specific kinds.
    pub(super) fn precedence(self) -> u8 {
        match self {
            HitKind::CustomWord => 10,
            HitKind::Secret => 9,
            HitKind::ChatLink => 8,
            HitKind::InternalUrl => 7,
            HitKind::Email => 6,
            HitKind::InternalHost => 5,
            HitKind::IpAddress => 4,
            HitKind::TrackerKey => 3,
            HitKind::ChatChannel => 2,
            HitKind::Mention => 1,
            HitKind::FilePath => 2,
            HitKind::ConfigName => 1,
            HitKind::InternalSystem => 1,
            HitKind::PersonName => 0,
        }
    }
}

/// One internal detail found in a text: a byte range of that text, its kind and its text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Hit {
    /// Byte offset where the hit starts.
    pub start: usize,
    /// Byte offset just after the hit.
    pub end: usize,
    /// What it is.
    pub kind: HitKind,
    /// The hit's text, exactly as in the scanned text; the let-through list stores it.
    pub text: String,
}

impl Hit {
    /// Whether the user let this hit through: its text is on the list and its kind allows it.
    pub fn is_let_through(&self, let_through: &[String]) -> bool {
        self.kind.can_let_through() && let_through.contains(&self.text)
    }
}

/// A find before merging: a byte range of the decoded text and a kind.
pub(super) type Found = Vec<(usize, usize, HitKind)>;
