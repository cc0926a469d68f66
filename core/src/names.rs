//! What a listed name is: a person, or a company, product or team that only looks like one.
//! The review and the redaction both ask, so the rule is written once.

/// Companies and products that responders lists name beside people (a vendor's support,
/// a cloud provider): never a person's name.
const ORGANISATIONS: &[&str] = &[
    "akamai",
    "amazon",
    "anthropic",
    "apple",
    "atlassian",
    "aws",
    "azure",
    "bitbucket",
    "cloudflare",
    "confluence",
    "datadog",
    "digitalocean",
    "discord",
    "docker",
    "elastic",
    "facebook",
    "fastly",
    "gcp",
    "github",
    "gitlab",
    "google",
    "grafana",
    "heroku",
    "hetzner",
    "ibm",
    "jira",
    "kubernetes",
    "linode",
    "meta",
    "microsoft",
    "netlify",
    "newrelic",
    "okta",
    "openai",
    "opsgenie",
    "oracle",
    "pagerduty",
    "prometheus",
    "redis",
    "sentry",
    "slack",
    "splunk",
    "statuspage",
    "stripe",
    "teams",
    "twilio",
    "vercel",
    "zendesk",
    "zoom",
];

/// Words that make an entry a company: "Acme Inc", "雲端供應商".
const COMPANY_WORDS: &[&str] = &[
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "corp",
    "corp.",
    "gmbh",
    "co.",
    "vendor",
    "provider",
    "公司",
    "廠商",
    "供應商",
    "原廠",
];

/// Whether a listed name is a company or a product rather than a person: a known one
/// (GitHub, AWS), a word with a capital inside it (PagerDuty), an acronym (GCP), or a name
/// with a company word (Acme Inc, 雲端供應商).
pub fn is_organisation(name: &str) -> bool {
    let name = name.trim().trim_start_matches('@');
    let lower = crate::text::folded(name);
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words
        .iter()
        .any(|w| ORGANISATIONS.contains(w) || COMPANY_WORDS.contains(w))
        || COMPANY_WORDS
            .iter()
            .any(|w| !w.is_ascii() && name.contains(w))
    {
        return true;
    }
    let original: Vec<&str> = name.split_whitespace().collect();
    original.len() == 1
        && original.iter().all(|w| {
            // McDonald, MacLeod, O'Neil, DeShawn: a capital inside a surname.
            let w = ["Mc", "Mac", "O'", "D'", "De", "Di", "La", "Le"]
                .iter()
                .find_map(|p| {
                    w.strip_prefix(p)
                        .filter(|r| r.starts_with(char::is_uppercase))
                })
                .unwrap_or(w);
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            let inner_capital = letters.len() > 2
                && letters[0].is_uppercase()
                && letters[1..].iter().any(|c| c.is_uppercase())
                && letters[1..].iter().any(|c| c.is_lowercase());
            let acronym = (2..=5).contains(&letters.len())
                && letters.iter().all(|c| c.is_ascii_uppercase())
                && letters.len() == w.chars().count();
            inner_capital || acronym
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companies_and_products_are_not_people() {
        for org in [
            "GitHub",
            "AWS",
            "PagerDuty",
            "Acme Inc",
            "雲端供應商",
            "Google Cloud",
            "@github",
        ] {
            assert!(is_organisation(org), "{org}");
        }
        for person in [
            "Alice Chen",
            "林志豪",
            "Bo",
            "McDonald",
            "Dana",
            "JJ Abrams",
            "O'Neil",
        ] {
            assert!(!is_organisation(person), "{person}");
        }
    }
}
