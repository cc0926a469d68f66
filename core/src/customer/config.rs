//! Detectors for what only the team's systems know: configuration names (settings, keys,
//! flags) and the names of the internal tools and components that run the service. A
//! customer reads "we changed a failover setting", never `maximum_lag_on_failover` or
//! Patroni.

use super::find::find_word;
use super::hit::{Found, HitKind};

// ---------------------------------------------------------------------------------------------
// Configuration names

/// Characters a configuration token is made of: ASCII letters and digits and the
/// punctuation of keys, flags and assignments.
fn token_byte(b: u8) -> bool {
    // A URL's query (`?a_b=1&c_d=2`) and fragment stay inside its token.
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'_' | b'.' | b'-' | b'/' | b':' | b'@' | b'=' | b'~' | b'?' | b'&' | b'#' | b'%'
        )
}

/// A word in snake_case: parts of letters and digits joined by `_`, at least two, each
/// starting with a letter (`maximum_lag_on_failover`, `MAX_CONNECTIONS`, but not `x86_64`).
fn is_snake(word: &str) -> bool {
    let parts: Vec<&str> = word.split('_').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            p.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && p.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// A word in camelCase: a lowercase run of at least three letters, then a capital followed
/// by a lowercase letter (`maxActive`, `readTimeoutMs`), but not `iPhone`, `eBay` or `macOS`.
fn is_camel(word: &str) -> bool {
    let b = word.as_bytes();
    let lead = b.iter().take_while(|c| c.is_ascii_lowercase()).count();
    lead >= 3
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b.windows(2)
            .any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_lowercase())
}

/// A key made of identifiers joined by dots, one of them in snake_case or camelCase
/// (`spring.datasource.maxActive`, `net.ipv4.tcp_tw_reuse`); a host name or a version
/// (`status.example.com`, `v2.0.1`) has none.
fn is_key(key: &str) -> bool {
    let segments: Vec<&str> = key.split('.').collect();
    segments
        .iter()
        .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        && segments.iter().any(|s| is_snake(s) || is_camel(s))
}

/// A command-line flag: `--` then a letter (`--max-connections`, `--dry-run=true`).
fn is_flag(token: &str) -> bool {
    token
        .strip_prefix("--")
        .and_then(|rest| rest.bytes().next())
        .is_some_and(|b| b.is_ascii_alphabetic())
}

/// Configuration names: settings in snake_case or camelCase, dotted keys holding one, an
/// assignment's key (`MAX_CONNS` of `MAX_CONNS=100`), command-line flags, and a single token in a code span
/// (`` `net.core.somaxconn` ``).
///
/// Traps: `x86_64`, Markdown emphasis `_word_` and `__word__`, `e.g.`, `v2.0.1`, `Node.js`,
/// `status.example.com`, `iPhone`, `eBay`, `macOS`, a dash `--` in prose, `well--known`,
/// URLs, emails and paths (their own detectors).
pub(super) fn config_names(t: &str, out: &mut Found) {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !token_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && token_byte(b[i]) {
            i += 1;
        }
        let raw = &t[start..i];
        // URLs, emails and paths belong to their own detectors.
        if raw.contains("://") || raw.contains('@') || raw.contains('/') {
            continue;
        }
        // Emphasis marks and a sentence's full stop are not part of the name.
        let lead = raw.len() - raw.trim_start_matches('_').len();
        let token = raw[lead..].trim_end_matches(['.', ':', '-', '_', '=']);
        if token.is_empty() {
            continue;
        }
        let s = start + lead;
        if is_flag(token) {
            out.push((s, s + token.len(), HitKind::ConfigName));
            continue;
        }
        // An assignment's key is the name; its value is the secrets detector's to judge.
        let key = token.split(['=', ':']).next().unwrap_or(token);
        if is_key(key) {
            out.push((s, s + key.len(), HitKind::ConfigName));
        }
    }
    code_spans(t, out);
}

/// Single-token code spans: what an author puts in backticks is a name from the system.
fn code_spans(t: &str, out: &mut Found) {
    let mut rest = 0;
    while let Some(open) = t[rest..].find('`').map(|o| rest + o) {
        let ticks = t[open..].bytes().take_while(|b| *b == b'`').count();
        let body = open + ticks;
        let fence = &t[open..body];
        let Some(close) = t[body..].find(fence).map(|c| body + c) else {
            break;
        };
        let inner = t[body..close].trim();
        let single = !inner.is_empty()
            && inner.bytes().all(|b| token_byte(b) || b == b'+')
            && inner.bytes().any(|b| b.is_ascii_alphabetic())
            && !inner.contains("://");
        if single {
            let s = body + (t[body..close].len() - t[body..close].trim_start().len());
            out.push((s, s + inner.len(), HitKind::ConfigName));
        }
        rest = close + ticks;
    }
}

// ---------------------------------------------------------------------------------------------
// Internal systems

/// A tool that runs the service behind the scenes, by the name a postmortem uses for it.
struct Tool {
    /// The name as written.
    name: &'static str,
    /// Whether any case counts: a name that is also an ordinary word ("an envoy",
    /// "a pacemaker") counts only as capitalised here.
    any_case: bool,
}

const fn any(name: &'static str) -> Tool {
    Tool {
        name,
        any_case: true,
    }
}

const fn exact(name: &'static str) -> Tool {
    Tool {
        name,
        any_case: false,
    }
}

/// The tools behind a service that customers neither know nor need: failover managers,
/// connection poolers and proxies, coordination, orchestration, deployment and monitoring.
/// Databases, languages, public libraries and the companies a customer may know
/// (PostgreSQL, Redis, redis-py, AWS, PagerDuty) are not here; a team adds its own names to
/// "Always redact".
const TOOLS: &[Tool] = &[
    // Failover, pooling and proxies.
    any("Patroni"),
    any("pgbouncer"),
    any("pgpool"),
    any("pgpool-II"),
    any("ProxySQL"),
    any("HAProxy"),
    any("Keepalived"),
    any("Corosync"),
    exact("Pacemaker"),
    exact("Envoy"),
    any("Istio"),
    any("Linkerd"),
    any("Traefik"),
    any("gh-ost"),
    any("Vitess"),
    // Coordination and queues.
    any("etcd"),
    any("ZooKeeper"),
    exact("Consul"),
    any("RabbitMQ"),
    any("Sidekiq"),
    any("Memcached"),
    any("Kafka"),
    // Orchestration and deployment.
    any("Kubernetes"),
    any("k8s"),
    any("kubectl"),
    exact("Helm"),
    exact("Nomad"),
    any("Terraform"),
    any("Ansible"),
    any("ArgoCD"),
    any("Argo CD"),
    any("Spinnaker"),
    any("CoreDNS"),
    any("Cilium"),
    // Monitoring and logs.
    any("Grafana"),
    any("Alertmanager"),
    any("Datadog"),
    any("Kibana"),
    any("Elasticsearch"),
    any("Logstash"),
    any("Fluentd"),
    any("Splunk"),
];

/// Words that end the name of an internal component (`checkout-api`, `auth-svc`,
/// `payments-db-2`).
const COMPONENT_ENDS: &[&str] = &[
    "api", "svc", "service", "worker", "workers", "db", "proxy", "lb", "gw", "daemon", "sidecar",
    "cron", "primary", "replica",
];

/// Internal systems: the tools of [`TOOLS`] as whole words, and component names in
/// lowercase kebab-case that end in a component word (`checkout-api`, `payments-db-2`).
///
/// Traps: "an envoy", "the consul", "a pacemaker", "at the helm", "nomad", `real-time`,
/// `sign-in`, `third-party`, `e-mail`, `REST-API`, `redis-py`.
pub(super) fn internal_systems(t: &str, out: &mut Found) {
    for tool in TOOLS {
        let needle = if tool.any_case {
            tool.name.to_lowercase()
        } else {
            tool.name.to_owned()
        };
        find_word(t, &needle, tool.any_case, HitKind::InternalSystem, out);
    }
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let kebab = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-';
        if !kebab(b[i]) || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && kebab(b[i]) {
            i += 1;
        }
        // A token that goes on in capitals, `.` (a host) or `/` (a path) is something else.
        if b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'/'))
            || (b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric))
        {
            continue;
        }
        let token = t[start..i].trim_end_matches('-');
        let segments: Vec<&str> = token.split('-').collect();
        let named: Vec<&str> = {
            let mut s = segments.clone();
            while s
                .last()
                .is_some_and(|p| p.bytes().all(|c| c.is_ascii_digit()))
            {
                s.pop();
            }
            s
        };
        let is_component = segments.iter().all(|s| !s.is_empty())
            && named.len() >= 2
            && named[0].len() >= 2
            && named[0]
                .bytes()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase())
            && named.last().is_some_and(|e| COMPONENT_ENDS.contains(e));
        if is_component {
            out.push((start, start + token.len(), HitKind::InternalSystem));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(f: fn(&str, &mut Found), t: &str) -> Vec<&str> {
        let mut out = Found::new();
        f(t, &mut out);
        crate::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
        out.dedup();
        out.iter().map(|(s, e, _)| &t[*s..*e]).collect()
    }

    #[test]
    fn configuration_names_in_english() {
        assert_eq!(
            found(
                config_names,
                "Lower maximum_lag_on_failover, set MAX_CONNS=100 and spring.datasource.maxActive; \
run with --dry-run, then `net.core.somaxconn`."
            ),
            [
                "maximum_lag_on_failover",
                "MAX_CONNS",
                "spring.datasource.maxActive",
                "--dry-run",
                "net.core.somaxconn"
            ]
        );
        assert_eq!(found(config_names, "Set readTimeoutMs."), ["readTimeoutMs"]);
    }

    #[test]
    fn configuration_names_in_chinese() {
        assert_eq!(
            found(
                config_names,
                "調低maximum_lag_on_failover，並加上 --max-retries。"
            ),
            ["maximum_lag_on_failover", "--max-retries"]
        );
        assert_eq!(
            found(config_names, "把 `work_mem` 調大（預設 4MB）。"),
            ["work_mem"]
        );
    }

    #[test]
    fn configuration_traps() {
        for trap in [
            "x86_64 builds, e.g. v2.0.1 on Node.js, see status.example.com.",
            "An _emphasised_ word, a __strong__ one, and a dash -- in prose; well--known.",
            "Our iPhone, eBay and macOS users; mail ops@acme.com; https://a.example/x_y?q_r=1.",
            "設定檔 /etc/app/max_conn.conf 與 a/b_c 路徑。",
            "這是 iPhone 使用者 -- 沒有設定名稱。",
        ] {
            assert_eq!(found(config_names, trap), Vec::<&str>::new(), "{trap}");
        }
    }

    #[test]
    fn internal_systems_in_english() {
        assert_eq!(
            found(
                internal_systems,
                "Patroni promoted a replica; PgBouncer and etcd lagged, and checkout-api \
and payments-db-2 saw Envoy retries."
            ),
            [
                "Patroni",
                "PgBouncer",
                "etcd",
                "checkout-api",
                "payments-db-2",
                "Envoy"
            ]
        );
    }

    #[test]
    fn internal_systems_in_chinese() {
        assert_eq!(
            found(
                internal_systems,
                "Patroni 提升了副本，auth-svc 的 k8s 節點重啟。"
            ),
            ["Patroni", "auth-svc", "k8s"]
        );
    }

    #[test]
    fn internal_system_traps() {
        for trap in [
            "We sent an envoy to the consul; a pacemaker; at the helm; a nomad's life.",
            "Real-time sign-in for third-party e-mail via the REST-API and redis-py.",
            "即時登入（real-time sign-in）與 redis-py 函式庫。",
            "db-1.corp and src/checkout-api/main.rs are a host and a path.",
        ] {
            assert_eq!(found(internal_systems, trap), Vec::<&str>::new(), "{trap}");
        }
    }
}
