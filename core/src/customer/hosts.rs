//! Which host names are internal: `localhost`, hosts under an internal suffix, and the
//! domains a draft's "Always redact" list names.

/// Host suffixes that are internal by convention (RFC 6762, RFC 8375 and common practice).
const INTERNAL_SUFFIXES: &[&str] = &[
    "internal",
    "corp",
    "local",
    "lan",
    "intranet",
    "private",
    "localdomain",
    "home.arpa",
];

/// The internal suffixes and listed domains a scan checks host names against.
#[derive(Clone, Debug)]
pub(super) struct InternalHosts {
    /// Lowercase suffixes under which a host is internal (`corp` matches `db.corp`).
    suffixes: Vec<String>,
    /// Lowercase domains the user listed: the domain itself and every host under it.
    domains: Vec<String>,
}

impl Default for InternalHosts {
    /// The fixed suffixes only.
    fn default() -> Self {
        Self {
            suffixes: INTERNAL_SUFFIXES.iter().map(|s| (*s).to_owned()).collect(),
            domains: Vec::new(),
        }
    }
}

impl InternalHosts {
    /// Adds the domain an "Always redact" entry names, if it names one.
    pub(super) fn add_word(&mut self, word: &str) {
        if let Some(domain) = as_domain(word) {
            if !self.domains.contains(&domain) {
                self.domains.push(domain);
            }
        }
    }

    /// Whether a lowercase host name is internal: `localhost`, under an internal suffix, or
    /// a listed domain or a host under it.
    pub(super) fn is_internal(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        if host == "localhost" {
            return true;
        }
        let under = |suffix: &str| {
            host.len() > suffix.len() + 1
                && host.ends_with(suffix)
                && host.as_bytes()[host.len() - suffix.len() - 1] == b'.'
        };
        self.suffixes.iter().any(|s| under(s)) || self.domains.iter().any(|d| host == d || under(d))
    }
}

/// The domain an "Always redact" entry names, lowercase, if it looks like one: labels of
/// letters, digits and hyphens, at least two, the last of letters (`acme.net`, `.acme.net`).
fn as_domain(word: &str) -> Option<String> {
    let d = word.trim().trim_start_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = d.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|l| l.len() >= 2 && l.bytes().all(|b| b.is_ascii_alphabetic()));
    (labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_recognised_in_the_always_redact_list() {
        assert_eq!(as_domain("acme.net").as_deref(), Some("acme.net"));
        assert_eq!(as_domain(".Acme.NET").as_deref(), Some("acme.net"));
        assert_eq!(as_domain("Project Falcon"), None);
        assert_eq!(as_domain("v1.2"), None);
        assert_eq!(as_domain("falcon"), None);
    }
}
