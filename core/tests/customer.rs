//! The customer version: each redaction detector with what it flags and the traps it must
//! not, the derived parts in both languages, the exports, and a fixed-seed property test
//! that seeds generated secrets, hosts, IPs, emails and names into every field and checks
//! that none reaches any export while the chosen public words do.
//!
//! Every key and token here is synthetic: generated, or AWS's documented example key.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{golden, seeded_runner, tags};
use hindsight_core::*;
use hindsight_core::{
    customer::add_always_redact, customer::customer_file_stem, customer::customer_html,
    customer::customer_markdown, customer::customer_text, customer::customer_version,
    customer::people_named, customer::redacted, customer::set_let_through,
    customer::set_public_text, customer::words as customer_words, customer::HitKind,
    customer::Part, customer::Scanner, example::chatgpt_2023_03_20, render::is_safe_url,
    render::render_html, words::audit,
};
use hindsight_core::{
    customer::derived_text, customer::gaps, customer::notice_internal_details,
    customer::remove_always_redact, customer::reset_public_text, customer::set_action_public,
    customer::PublicPart,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Detectors

/// The hits of a text as (text, kind), scanned with the fixed detectors only.
fn hits(text: &str) -> Vec<(String, HitKind)> {
    hits_with(&Scanner::default(), text)
}

fn hits_with(scanner: &Scanner, text: &str) -> Vec<(String, HitKind)> {
    scanner
        .scan(text)
        .into_iter()
        .map(|h| (h.text, h.kind))
        .collect()
}

/// Asserts that `text` gives exactly `want`, each of kind `kind`.
fn flags(text: &str, kind: HitKind, want: &[&str]) {
    let got = hits(text);
    let expected: Vec<(String, HitKind)> = want.iter().map(|w| ((*w).to_owned(), kind)).collect();
    assert_eq!(got, expected, "in {text:?}");
}

/// Asserts that nothing in `text` is a hit.
fn clean(text: &str) {
    assert_eq!(hits(text), vec![], "in {text:?}");
}

#[test]
fn emails_are_found_and_mentions_and_versions_are_not() {
    flags(
        "Mail alice.chen+ops@acme.com, or ops@bastion.",
        HitKind::Email,
        &["alice.chen+ops@acme.com", "ops@bastion"],
    );
    flags(
        "寄信到alice@acme.com的信箱",
        HitKind::Email,
        &["alice@acme.com"],
    );
    clean("lodash@4.17.21 and a @ b");
    flags("ping @alice", HitKind::Mention, &["@alice"]);
}

#[test]
fn ipv4_addresses_need_valid_octets() {
    flags(
        "db at 10.0.4.7, 172.16.0.1/12, 192.168.1.10:6379, 127.0.0.1, 169.254.169.254 and 8.8.8.8.",
        HitKind::IpAddress,
        &[
            "10.0.4.7",
            "172.16.0.1/12",
            "192.168.1.10",
            "127.0.0.1",
            "169.254.169.254",
            "8.8.8.8",
        ],
    );
    clean("v1.2.3.4, version 1.2.3, v2.0.1, 256.1.1.1, 1.2.3.4.5, 2023.03.20, 1.2% of users");
}

#[test]
fn ipv6_addresses_in_every_form_and_times_are_not() {
    flags(
        "loopback ::1, link-local fe80::1%eth0, 2001:db8::8a2e:370:7334 and [::ffff:10.0.0.1]:443",
        HitKind::IpAddress,
        &[
            "::1",
            "fe80::1%eth0",
            "2001:db8::8a2e:370:7334",
            "::ffff:10.0.0.1",
        ],
    );
    clean("at 10:00, until 23:59:59, std::io::Error, Vec::new(), MAC 00:1a:2b:3c:4d:5e");
}

#[test]
fn internal_host_names_and_only_those() {
    flags(
        "redis-3.prod.internal, build.corp, nas.local, router.lan, wiki.intranet, db.private and localhost",
        HitKind::InternalHost,
        &[
            "redis-3.prod.internal",
            "build.corp",
            "nas.local",
            "router.lan",
            "wiki.intranet",
            "db.private",
            "localhost",
        ],
    );
    clean("status.example.com, the corp, a local fix, Intranet access");
    assert_eq!(
        hits("Grafana at grafana.internal:3000/d/abc."),
        [
            ("Grafana".to_owned(), HitKind::InternalSystem),
            (
                "grafana.internal:3000/d/abc".to_owned(),
                HitKind::InternalUrl
            )
        ]
    );
}

#[test]
fn listed_domains_are_internal_and_always_redacted() {
    let mut doc = Postmortem::default();
    add_always_redact(&mut doc, ".acme-int.net");
    let scanner = Scanner::for_doc(&doc);
    assert_eq!(
        hits_with(&scanner, "see jira.acme-int.net and acme.net"),
        [("jira.acme-int.net".to_owned(), HitKind::CustomWord)]
    );
}

#[test]
fn internal_links_trackers_and_chat_links() {
    let text = "Runbook https://wiki.corp/x/y, metrics http://10.0.0.5:8080/metrics, \
ticket https://acme.atlassian.net/browse/OPS-12, dashboard http://grafana/d/abc, \
thread https://acme.slack.com/archives/C012AB3CD/p1679300000 and [notes](https://docs.corp/n).";
    assert_eq!(
        hits(text),
        [
            ("https://wiki.corp/x/y", HitKind::InternalUrl),
            ("http://10.0.0.5:8080/metrics", HitKind::InternalUrl),
            (
                "https://acme.atlassian.net/browse/OPS-12",
                HitKind::InternalUrl
            ),
            ("http://grafana/d/abc", HitKind::InternalUrl),
            (
                "https://acme.slack.com/archives/C012AB3CD/p1679300000",
                HitKind::ChatLink
            ),
            ("https://docs.corp/n", HitKind::InternalUrl),
        ]
        .map(|(t, k)| (t.to_owned(), k))
    );
    clean(
        "See https://status.example.com, https://github.com/redis/redis-py/issues/2624 and \
<https://openai.com/blog/march-20-chatgpt-outage>.",
    );
    flags(
        "clone https://deploy:hunter2@git.example.com/app and post to https://hooks.slack.com/services/T000/B000/XXXX",
        HitKind::Secret,
        &[
            "https://deploy:hunter2@git.example.com/app",
            "https://hooks.slack.com/services/T000/B000/XXXX",
        ],
    );
}

#[test]
fn tracker_keys_but_not_severities_standards_dates_or_levels() {
    flags(
        "Filed OPS-1234 and INC-2023-0320 (see fix-PLAT2-7).",
        HitKind::TrackerKey,
        &["OPS-1234", "INC-2023-0320", "PLAT2-7"],
    );
    clean(
        "SEV-1 at P0, UTF-8 and ISO-8601 dates like 2023-03-20, CVE-2023-28858, SHA-256, \
UTC-7, GPT-4, COVID-19, Ops-12, RHEL-8.4, Q3-2023",
    );
}

#[test]
fn chat_channels_and_mentions() {
    flags(
        "Join #inc-redis, #事故-redis and 請到#ops-alerts.",
        HitKind::ChatChannel,
        &["#inc-redis", "#事故-redis", "#ops-alerts"],
    );
    clean("# Heading\n\n## Sub\n\nOur #1 priority, colour #fff and #1d2330, C# and F#, [top](#top), page#part, &#35;x");
    // An issue number is no channel, and is an internal detail of its own.
    flags("Fixed in issue #123.", HitKind::TrackerKey, &["#123"]);
    flags(
        "Thanks @alice and @王小明.",
        HitKind::Mention,
        &["@alice", "@王小明"],
    );
    clean("@here @channel @everyone, @ 10:00, https://medium.com/@alice, a@b");
}

#[test]
fn secrets_of_every_shape() {
    let pem = "-----BEGIN PRIVATE KEY-----\nTUlJRXhhbXBsZU9ubHk=\nRXhhbXBsZQ==\n-----END PRIVATE KEY-----";
    let text = format!(
        "AWS AKIAIOSFODNN7EXAMPLE, GitHub ghp_EXAMPLEexampleEXAMPLEexample0123456789, \
github_pat_EXAMPLE0example1EXAMPLE2example, Slack xoxb-000000000000-EXAMPLEexample, \
JWT eyJhbGciOiJub25lIn0.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl\n\n{pem}\n\n\
DB_PASSWORD=Zq8vN2kLp4Xr; token: 'aB3$kL9!pQ2x' and **secret**: `Fx7#mQ2!zR9v` \
Authorization: Bearer abc123XYZ789def456 密碼：Hk3j9Lq2Wx8z"
    );
    let found = hits(&text);
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_EXAMPLEexampleEXAMPLEexample0123456789",
            "github_pat_EXAMPLE0example1EXAMPLE2example",
            "xoxb-000000000000-EXAMPLEexample",
            "eyJhbGciOiJub25lIn0.eyJzdWIiOiJleGFtcGxlIn0.c2lnbmF0dXJl",
            pem,
            "DB_PASSWORD",
            "Zq8vN2kLp4Xr",
            "aB3$kL9!pQ2x",
            "Fx7#mQ2!zR9v",
            "abc123XYZ789def456",
            "Hk3j9Lq2Wx8z",
        ]
    );
    // The variable's name is a configuration name; its value is the secret.
    assert!(
        found.iter().all(
            |(t, k)| *k == HitKind::Secret || (t == "DB_PASSWORD" && *k == HitKind::ConfigName)
        ),
        "{found:?}"
    );
    // A block without its END line is kept out to the end of the text.
    let cut = "key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA";
    assert_eq!(hits(cut).len(), 1);
    assert!(hits(cut)[0].0.ends_with("AAAA"));
}

#[test]
fn secret_traps() {
    // No secret here; the variables' names are configuration names, nothing more.
    flags(
        "password: reset for all users; token: expired; DB_PASSWORD=${DB_PASSWORD}; \
password=changeme; secret sauce; tokens: 3; api_key=<your key>; password: ********",
        HitKind::ConfigName,
        &["DB_PASSWORD", "DB_PASSWORD", "api_key"],
    );
    clean("-----BEGIN CERTIFICATE-----\nTUlJRXhhbXBsZQ==\n-----END CERTIFICATE-----");
    clean("AKIAIOSFODNN7EXAMPLEX is too long, XAKIAIOSFODNN7EXAMPLE starts inside a word");
}

#[test]
fn the_traps_of_the_issue_are_not_hits() {
    clean(
        "Between 01:00 and 10:00 PDT (UTC-7) on 2023-03-20, a SEV-1 (P0) hit v2.0.1 and 1.2.3 \
users of https://status.example.com; UTF-8 text was fine.",
    );
}

// ---------------------------------------------------------------------------------------------
// People

fn people_doc() -> Postmortem {
    let mut doc = Postmortem::default();
    doc.header.authors = vec!["Alice Chen".into(), "Incident commander".into()];
    doc.header.reviewers = vec!["Bob Lee (security)".into(), "王小明".into()];
    doc.header.owner = "API platform lead".into();
    doc.response.responders =
        "Dave Kim — incident commander\nSRE on-call — mitigation\n김민수: comms".into();
    doc.action_items = vec![ActionItem {
        owner: "Erin, Cache team".into(),
        ..ActionItem::default()
    }];
    doc
}

#[test]
fn the_people_of_the_document_are_found_but_not_roles() {
    let doc = people_doc();
    assert_eq!(
        people_named(&doc),
        [
            "Alice Chen",
            "Bob Lee",
            "王小明",
            "Dave Kim",
            "김민수",
            "Erin"
        ]
    );
    let scanner = Scanner::for_doc(&doc);
    assert_eq!(
        hits_with(
            &scanner,
            "Alice paged ALICE CHEN and alice\nchen; 王小明同學 and 김민수가 joined; Bob, Dave Kim and Erin helped."
        ),
        [
            "Alice",
            "ALICE CHEN",
            "alice\nchen",
            "王小明",
            "김민수",
            "Bob",
            "Dave Kim",
            "Erin"
        ]
        .map(|t| (t.to_owned(), HitKind::PersonName))
    );
    // Roles, lowercase first names, and names inside longer words are not people.
    assert_eq!(
        hits_with(
            &scanner,
            "The incident commander and the API platform lead told lee, Carolina, Bobby and Erinn."
        ),
        vec![]
    );
}

#[test]
fn the_incident_id_is_internal() {
    let mut doc = Postmortem::default();
    doc.header.incident_id = "inc2023/0320".into();
    assert_eq!(
        hits_with(&Scanner::for_doc(&doc), "Ref INC2023/0320."),
        [("INC2023/0320".to_owned(), HitKind::TrackerKey)]
    );
}

#[test]
fn escapes_and_character_references_do_not_hide_a_detail() {
    flags(
        "mail alice\\_chen&#64;acme.com",
        HitKind::Email,
        &["alice\\_chen&#64;acme.com"],
    );
    flags(
        "host db\\-1&period;corp",
        HitKind::InternalHost,
        &["db\\-1&period;corp"],
    );
}

#[test]
fn every_kind_is_named_in_both_languages() {
    let labels: Vec<Words> = HitKind::ALL.iter().map(|k| k.label()).collect();
    assert_eq!(
        audit(HitKind::ALL.iter().map(|k| (k.slug(), k.label()))),
        Vec::<String>::new()
    );
    let mut distinct = labels.clone();
    distinct.dedup();
    assert_eq!(distinct.len(), labels.len());
    assert_eq!(
        audit(customer_words::ALL.iter().copied()),
        Vec::<String>::new()
    );
}

// ---------------------------------------------------------------------------------------------
// The parts

fn at(rfc3339: &str) -> Option<Timestamp> {
    Timestamp::parse_rfc3339(rfc3339)
}

fn event(time: &str, kind: EventKind, text: &str) -> TimelineEvent {
    TimelineEvent {
        time: at(time),
        event: text.into(),
        kind,
        link: "https://grafana.internal/d/1".into(),
    }
}

fn action(text: &str, kind: ActionType, public: Option<bool>) -> ActionItem {
    ActionItem {
        action: text.into(),
        kind: Some(kind),
        owner: "Alice Chen".into(),
        priority: Some(Priority::P0),
        due_date: "2023-04-01".into(),
        tracking_link: "https://jira.corp/browse/OPS-9".into(),
        done: false,
        public,
    }
}

/// A small report with internal details in the fields the customer version reads.
fn leaky_doc() -> Postmortem {
    let mut doc = people_doc();
    doc.header.title = "Checkout failed for Alice Chen's region".into();
    doc.header.incident_id = "INC-77".into();
    doc.header.incident_date = "2023-03-20".into();
    doc.header.time_zone = "Asia/Taipei".into();
    doc.summary = "Payments failed when [db-1.corp](https://db-1.corp/status) ran out of disk; \
see OPS-1234 in #inc-payments. Public status: <https://status.example.com>."
        .into();
    doc.impact = Impact {
        description: "Checkout returned errors; @alice saw 10.0.4.7 in the logs.".into(),
        users_affected: "About 3% of buyers".into(),
        failed_requests: "41,230 (secret sauce)".into(),
        revenue_impact: "NT$1.2M".into(),
        customer_visible: Some(true),
        data_exposed: Some(true),
        kinds_of_data: "Email addresses".into(),
        people_affected: "120".into(),
        ..Impact::default()
    };
    doc.timeline = vec![
        event(
            "2023-03-21T00:30:00+08:00",
            EventKind::Resolved,
            "Resolved by Dave Kim",
        ),
        event(
            "2023-03-20T22:00:00+08:00",
            EventKind::ImpactStarted,
            "db-1.corp disk full",
        ),
        event(
            "2023-03-20T22:10:00+08:00",
            EventKind::Detected,
            "alert in #inc-payments",
        ),
        event(
            "2023-03-20T22:20:00+08:00",
            EventKind::StatusPageUpdated,
            "posted",
        ),
        event(
            "2023-03-20T23:00:00+08:00",
            EventKind::Mitigated,
            "failed over",
        ),
        event(
            "2023-03-20T23:30:00+08:00",
            EventKind::Other,
            "Postmortem call",
        ),
    ];
    doc.action_items = vec![
        action(
            "Alert on disk usage of db-1.corp above 80%",
            ActionType::Detect,
            None,
        ),
        action("Grow the payments database", ActionType::Mitigate, None),
        action(
            "Add a second payments replica",
            ActionType::Prevent,
            Some(false),
        ),
        action("Write the customer FAQ", ActionType::Process, Some(true)),
        action("[ ] looks like a task", ActionType::Prevent, None),
    ];
    doc.action_items[0].owner = "Erin".into();
    doc.communication.customer_notice = "We are sorry. Questions: help@example.com or \
password=Zq8vN2kLp4Xr (oops)."
        .into();
    doc.communication.internal_notice = "Internal: AKIAIOSFODNN7EXAMPLE".into();
    doc
}

/// Writes the report's title, internal details and all, as the public title.
fn with_report_title(doc: &mut Postmortem) {
    let title = doc.header.title.clone();
    set_public_text(doc, Part::Title, &title);
}

fn part(doc: &Postmortem, which: Part) -> PublicPart {
    customer_version(doc)
        .into_iter()
        .find(|p| p.part == which)
        .expect("every part is there")
}

#[test]
fn the_parts_follow_the_report_in_its_language() {
    let mut doc = leaky_doc();
    let parts = customer_version(&doc);
    assert_eq!(parts.iter().map(|p| p.part).collect::<Vec<_>>(), Part::ALL);
    assert!(parts.iter().all(|p| !p.overridden && p.text == p.derived));
    // The report's title is the team's: the notice has none until the author writes it.
    assert_eq!(parts[0].text, "");
    assert_eq!(parts[1].text, doc.summary);
    assert_eq!(
        parts[2].text,
        "Checkout returned errors; @alice saw 10.0.4.7 in the logs.\n\n\
**Users affected:** About 3% of buyers\n\n**Data exposed:** Yes\n\n\
**Kinds of data:** Email addresses\n\n**People affected:** 120"
    );
    assert_eq!(
        parts[3].text,
        "- Started: 22:00\n- Noticed: 22:10\n- Fixed: 23:00\n\n\
Times are in Asia/Taipei (UTC+08:00), on 2023-03-20."
    );
    assert_eq!(
        parts[4].text,
        "- Alert on disk usage of db-1.corp above 80%\n- Write the customer FAQ\n\
- \\[ ] looks like a task"
    );
    assert_eq!(parts[5].text, doc.communication.customer_notice);

    doc.language = Language::ZhTw;
    doc.impact.customer_visible = Some(false);
    doc.impact.data_exposed = Some(false);
    doc.timeline.retain(|e| e.kind == EventKind::ImpactStarted);
    let parts = customer_version(&doc);
    assert_eq!(parts[2].heading.get(doc.language), "影響了誰");
    assert_eq!(
        parts[2].text,
        "**受影響使用者**：About 3% of buyers\n\n**資料外洩**：否"
    );
    assert_eq!(
        parts[3].text,
        "- 開始：22:00\n\n時間以 Asia/Taipei（UTC+08:00）為準，日期為 2023-03-20。"
    );
}

#[test]
fn overrides_are_stored_apart_and_the_title_is_empty_until_written() {
    let mut doc = leaky_doc();
    set_public_text(&mut doc, Part::Title, "Checkout errors on 20 March");
    assert_eq!(
        doc.public.title.as_deref(),
        Some("Checkout errors on 20 March")
    );
    assert_eq!(doc.header.title, "Checkout failed for Alice Chen's region");
    let title = part(&doc, Part::Title);
    assert!(title.overridden);
    assert_eq!(title.derived, "");
    assert!(title.hits.is_empty());
    // Text equal to the derived one is not an override: emptied, the title is unwritten.
    set_public_text(&mut doc, Part::Title, "");
    assert_eq!(doc.public.title, None);
    doc.header.title = "Checkout failed".into();
    assert_eq!(part(&doc, Part::Title).text, "");
    set_public_text(&mut doc, Part::Notice, "");
    assert_eq!(doc.public.notice.as_deref(), Some(""));
    assert!(!customer_markdown(&doc).contains("We are sorry"));
    reset_public_text(&mut doc, Part::Notice);
    assert!(customer_markdown(&doc).contains("We are sorry"));
    assert_eq!(derived_text(&doc, Part::WhatHappened), doc.summary);
}

#[test]
fn the_public_checkbox_follows_the_type_until_changed() {
    let mut item = action("x", ActionType::Process, None);
    assert!(!item.is_public());
    set_action_public(&mut item, true);
    assert_eq!(item.public, Some(true));
    set_action_public(&mut item, false);
    assert_eq!(item.public, None);
    let mut item = action("x", ActionType::Detect, None);
    set_action_public(&mut item, false);
    assert_eq!(item.public, Some(false));
}

// ---------------------------------------------------------------------------------------------
// Redaction and exports

/// Everything the HTML export shows or links to, its stylesheet left out.
fn html_without_style(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_owned(),
    }
}

const LEAKS: &[&str] = &[
    "db-1.corp",
    "OPS-1234",
    "OPS-9",
    "#inc-payments",
    "@alice",
    "10.0.4.7",
    "Alice Chen",
    "Alice",
    "Zq8vN2kLp4Xr",
    "AKIAIOSFODNN7EXAMPLE",
    "grafana.internal",
    "jira.corp",
    "Erin",
    "Dave Kim",
    "INC-77",
    "41,230",
    "secret sauce",
    "NT$1.2M",
    "Grow the payments database",
    "Add a second payments replica",
    "P0",
    "2023-04-01",
    "disk full",
    "Postmortem call",
];

#[test]
fn nothing_kept_out_reaches_any_export() {
    let mut doc = leaky_doc();
    // Without a public title the notice is headed by its date, never the report's title.
    assert_eq!(
        customer_file_stem(&doc),
        "2023-03-20-service-incident-customer-version"
    );
    let md = customer_markdown(&doc);
    assert!(md.starts_with("# Service incident on 2023-03-20\n"), "{md}");
    assert!(!customer_text(&doc).contains("Checkout failed for"));
    with_report_title(&mut doc);
    let md = customer_markdown(&doc);
    let html = customer_html(&doc);
    let text = customer_text(&doc);
    let stem = customer_file_stem(&doc);
    for leak in LEAKS {
        assert!(!md.contains(leak), "{leak} in Markdown:\n{md}");
        assert!(!html.contains(leak), "{leak} in HTML:\n{html}");
        assert!(!text.contains(leak), "{leak} in text:\n{text}");
        let slug = leak.to_lowercase().replace([' ', '.', '#', '@'], "-");
        assert!(!stem.contains(slug.trim_matches('-')), "{leak} in {stem}");
    }
    assert_eq!(
        stem,
        "2023-03-20-checkout-failed-for-redacted-s-region-customer-version"
    );
    assert!(
        md.starts_with("# Checkout failed for [redacted]'s region\n"),
        "{md}"
    );
    assert!(
        md.contains("Payments failed when [redacted] ran out of disk"),
        "{md}"
    );
    // A link to an internal page keeps no address, even in its attribute, and is no link.
    assert!(!html.contains("href=\"https://db-1"), "{html}");
    assert!(!html.contains("redacted%5D"), "{html}");
    // Public details stay.
    for public in [
        "https://status.example.com",
        "About 3% of buyers",
        "Write the customer FAQ",
        "We are sorry.",
    ] {
        assert!(md.contains(public), "{public} missing from:\n{md}");
        assert!(text.contains(public), "{public} missing from:\n{text}");
        assert!(html.contains(public), "{public} missing from:\n{html}");
    }
}

#[test]
fn let_through_hits_are_shown_and_always_redact_words_never() {
    let mut doc = leaky_doc();
    set_let_through(&mut doc, "https://status.example.com", true);
    set_let_through(&mut doc, "@alice", true);
    set_let_through(&mut doc, "help@example.com", false);
    add_always_redact(&mut doc, "Checkout");
    // Letting an always-redacted word through does nothing.
    set_let_through(&mut doc, "Checkout", true);
    let md = customer_markdown(&doc);
    assert!(md.contains("@alice saw [redacted]"), "{md}");
    assert!(!md.to_lowercase().contains("checkout"), "{md}");
    assert!(!md.contains("help@example.com"), "{md}");
    let notice = part(&doc, Part::Notice);
    assert_eq!(
        notice.hits.iter().map(|h| h.kind).collect::<Vec<_>>(),
        [HitKind::Email, HitKind::Secret]
    );
    set_let_through(&mut doc, "@alice", false);
    assert!(!customer_markdown(&doc).contains("@alice"));
    remove_always_redact(&mut doc, "Checkout");
    assert!(customer_markdown(&doc).contains("Checkout"));
}

#[test]
fn the_review_reads_the_customer_notice_without_let_through_hits() {
    let mut doc = leaky_doc();
    let found: Vec<String> = notice_internal_details(&doc)
        .into_iter()
        .map(|h| h.text)
        .collect();
    assert_eq!(found, ["help@example.com", "Zq8vN2kLp4Xr"]);
    set_let_through(&mut doc, "help@example.com", true);
    let found: Vec<String> = notice_internal_details(&doc)
        .into_iter()
        .map(|h| h.text)
        .collect();
    assert_eq!(found, ["Zq8vN2kLp4Xr"]);
    assert!(notice_internal_details(&chatgpt_2023_03_20()).is_empty());
}

#[test]
fn redaction_never_turns_text_into_a_link_or_a_definition() {
    let doc = Postmortem::default();
    let scanner = Scanner::for_doc(&doc);
    let text = "db-1.corp: down\n\nops@acme.com(x) and db.corp[1]";
    let out = redacted(text, &scanner.scan(text), &[], Language::En);
    assert_eq!(
        out,
        "\\[redacted]: down\n\n\\[redacted](x) and \\[redacted][1]"
    );
    let html = render_html(&out);
    assert!(!html.contains("href"), "{html}");
    assert!(html.contains("[redacted]: down"), "{html}");
    let zh = redacted(text, &scanner.scan(text), &[], Language::ZhTw);
    assert!(zh.starts_with("［已遮蔽］: down"), "{zh}");
    // Stale hits (from another text) are ignored rather than cutting the wrong bytes.
    let stale = scanner.scan("10.0.0.1 here");
    assert_eq!(redacted("short", &stale, &[], Language::En), "short");
}

#[test]
fn a_link_to_a_kept_out_address_keeps_its_words_and_loses_the_link() {
    let doc = Postmortem::default();
    let scanner = Scanner::for_doc(&doc);
    let text = "See [our *dashboard*](https://grafana.internal/d/1), ![graph](https://grafana.internal/g.png), \
                <https://wiki.corp/page> and [the status page](https://status.example.com).";
    let out = redacted(text, &scanner.scan(text), &[], Language::En);
    assert_eq!(
        out,
        "See our *dashboard*, graph, [redacted] and [the status page](https://status.example.com)."
    );
    let html = render_html(&out);
    assert!(!html.contains("redacted%5D"), "{html}");
    assert_eq!(
        html.matches("href").count(),
        1,
        "only the public link stays: {html}"
    );
    // A let-through address keeps its link.
    let through = redacted(
        text,
        &scanner.scan(text),
        &["https://grafana.internal/d/1".into()],
        Language::En,
    );
    assert!(
        through.contains("[our *dashboard*](https://grafana.internal/d/1)"),
        "{through}"
    );
    // Brackets in the label balance; an escaped one does not count.
    let nested = "[a [b] \\] c](http://10.0.0.1/x)";
    assert_eq!(
        redacted(nested, &scanner.scan(nested), &[], Language::En),
        "a [b] \\] c"
    );
}

#[test]
fn the_html_export_is_standalone_safe_and_in_the_report_language() {
    let mut doc = leaky_doc();
    with_report_title(&mut doc);
    doc.language = Language::ZhTw;
    doc.summary
        .push_str("\n\n<script>alert(1)</script> [x](javascript:alert(1))");
    let html = customer_html(&doc);
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"zh-Hant-TW\">"),
        "{html}"
    );
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">"
    ));
    assert!(
        html.contains("<title>Checkout failed for ［已遮蔽］&#39;s region</title>"),
        "{html}"
    );
    assert!(html.contains("<h2>發生了什麼</h2>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    let body = html_without_style(&html);
    let all = tags(&body).expect("well-formed tags");
    for (name, attrs) in &all {
        for (key, value) in attrs {
            assert!(!key.starts_with("on") && key != "style", "<{name} {key}>");
            if key == "href" {
                assert!(is_safe_url(value), "{value}");
                assert!(!value.contains("corp"), "{value}");
            }
        }
    }
    assert_eq!(
        customer_file_stem(&doc),
        "2023-03-20-checkout-failed-for-已遮蔽-s-region-對外版本"
    );
}

#[test]
fn the_plain_text_reads_like_an_email() {
    let mut doc = leaky_doc();
    with_report_title(&mut doc);
    let text = customer_text(&doc);
    assert!(
        text.starts_with("Checkout failed for [redacted]'s region\n\nWhat happened\n\n"),
        "{text}"
    );
    assert!(
        text.contains("\n\nWhen\n\n- Started: 22:00\n- Noticed: 22:10\n- Fixed: 23:00\n"),
        "{text}"
    );
    assert!(
        text.contains("Users affected: About 3% of buyers"),
        "{text}"
    );
    assert!(!text.contains("**"), "{text}");
}

#[test]
fn an_empty_report_has_a_title_and_nothing_else() {
    let doc = Postmortem::default();
    assert_eq!(customer_markdown(&doc), "# Service incident\n");
    assert_eq!(customer_text(&doc), "Service incident\n");
    assert_eq!(
        customer_file_stem(&doc),
        "service-incident-customer-version"
    );
    let mut zh = doc.clone();
    zh.language = Language::ZhTw;
    assert_eq!(customer_markdown(&zh), "# 服務事件\n");
}

#[test]
fn hostile_overrides_stay_inside_their_part() {
    let mut doc = leaky_doc();
    set_public_text(
        &mut doc,
        Part::WhatHappened,
        "```\n# forged\n\n## When\n<script>x</script>",
    );
    set_public_text(&mut doc, Part::Title, "# Title ##\n<b>bold</b>");
    let md = customer_markdown(&doc);
    let rendered = render_html(&md);
    let headings: Vec<&str> = rendered
        .lines()
        .filter(|l| l.starts_with("<h") && !l.starts_with("<hr"))
        .collect();
    assert_eq!(
        headings,
        [
            "<h1># Title ## &lt;b&gt;bold&lt;/b&gt;</h1>",
            "<h2>What happened</h2>",
            "<h2>Who was affected</h2>",
            "<h2>When</h2>",
            "<h2>What we are doing</h2>",
            "<h2>Message from the team</h2>"
        ],
        "{md}"
    );
    let html = customer_html(&doc);
    assert!(!html.contains("<b>") && !html.contains("<script"), "{html}");
}

// ---------------------------------------------------------------------------------------------
// A notice that reads like one

/// The report of issue 23: a failover that lagged, written for the team.
fn failover_doc(lang: Language) -> Postmortem {
    let mut doc = Postmortem {
        language: lang,
        ..Postmortem::default()
    };
    doc.header.title = "INC-9: Patroni promoted a lagging replica".into();
    doc.header.incident_date = "2026-05-02".into();
    doc.header.time_zone = "UTC".into();
    doc.summary = "Orders failed for 20 minutes.".into();
    doc.timeline = vec![
        event("2026-05-02T10:00:00+00:00", EventKind::ImpactStarted, "x"),
        event("2026-05-02T10:04:00+00:00", EventKind::Detected, "x"),
        event(
            "2026-05-02T10:06:00+00:00",
            EventKind::StatusPageUpdated,
            "x",
        ),
        event("2026-05-02T10:20:00+00:00", EventKind::Mitigated, "x"),
        event("2026-05-02T11:00:00+00:00", EventKind::Resolved, "x"),
    ];
    let text = match lang {
        Language::En => "[DB] Lower maximum_lag_on_failover in Patroni",
        Language::ZhTw => "【DB】調低 Patroni 的 maximum_lag_on_failover",
    };
    doc.action_items = vec![action(text, ActionType::Prevent, None)];
    doc
}

#[test]
fn what_we_are_doing_flags_configuration_names_and_internal_systems_and_drops_tags() {
    for (lang, want) in [
        (Language::En, "- Lower [redacted] in [redacted]"),
        (Language::ZhTw, "- 調低 ［已遮蔽］ 的 ［已遮蔽］"),
    ] {
        let doc = failover_doc(lang);
        let doing = part(&doc, Part::WhatWeAreDoing);
        let kinds: Vec<(&str, HitKind)> = doing
            .hits
            .iter()
            .map(|h| (h.text.as_str(), h.kind))
            .collect();
        assert!(
            kinds.contains(&("Patroni", HitKind::InternalSystem)),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&("maximum_lag_on_failover", HitKind::ConfigName)),
            "{kinds:?}"
        );
        assert!(!doing.text.contains("DB"), "{}", doing.text);
        let md = customer_markdown(&doc);
        assert!(md.contains(want), "{md}");
        assert!(
            !md.contains("Patroni") && !md.contains("maximum_lag"),
            "{md}"
        );
    }
}

#[test]
fn when_says_started_noticed_and_fixed_in_both_languages() {
    let doc = failover_doc(Language::En);
    let when = part(&doc, Part::When).text;
    assert!(
        when.starts_with("- Started: 10:00\n- Noticed: 10:04\n- Fixed: 10:20\n\n"),
        "{when}"
    );
    assert!(
        !when.contains("Status page") && !when.contains("Mitigated"),
        "{when}"
    );
    let zh = part(&failover_doc(Language::ZhTw), Part::When).text;
    assert!(
        zh.starts_with("- 開始：10:00\n- 發現：10:04\n- 修復：10:20\n\n"),
        "{zh}"
    );
    // Resolved alone is when it was fixed.
    let mut doc = failover_doc(Language::En);
    doc.timeline.retain(|e| e.kind != EventKind::Mitigated);
    assert!(part(&doc, Part::When).text.contains("- Fixed: 11:00\n"));
}

#[test]
fn the_public_title_is_never_the_report_title_nor_a_generic_heading() {
    for (lang, heading) in [
        (Language::En, "# Service incident on 2026-05-02\n"),
        (Language::ZhTw, "# 2026-05-02 服務事件\n"),
    ] {
        let mut doc = failover_doc(lang);
        let md = customer_markdown(&doc);
        assert!(md.starts_with(heading), "{md}");
        assert!(!md.contains("Patroni promoted"), "{md}");
        assert!(!md.contains("Executive Summary"), "{md}");
        set_public_text(&mut doc, Part::Title, "Orders failed on 2 May");
        assert!(customer_markdown(&doc).starts_with("# Orders failed on 2 May\n"));
        assert!(customer_file_stem(&doc).contains("orders-failed-on-2-may"));
    }
}

#[test]
fn the_team_message_has_its_own_heading_and_what_happened_is_not_said_twice() {
    for (lang, heading) in [
        (Language::En, "## Message from the team\n\n"),
        (Language::ZhTw, "## 來自團隊的訊息\n\n"),
    ] {
        let mut doc = failover_doc(lang);
        doc.communication.customer_notice =
            "We are sorry. Orders failed for 20 minutes. It is fixed.".into();
        let md = customer_markdown(&doc);
        assert!(md.contains(heading), "{md}");
        assert!(!md.contains("---"), "{md}");
        // The message says all the summary says: the summary is not repeated.
        assert_eq!(
            md.matches("Orders failed for 20 minutes.").count(),
            1,
            "{md}"
        );
        assert!(!md.contains(WHAT_HAPPENED_HEADING[lang as usize]), "{md}");
        let text = customer_text(&doc);
        assert_eq!(text.matches("Orders failed for 20 minutes.").count(), 1);
        // A message that says something else leaves What happened in.
        doc.communication.customer_notice = "We are sorry.".into();
        let md = customer_markdown(&doc);
        assert!(md.contains(WHAT_HAPPENED_HEADING[lang as usize]), "{md}");
        assert!(
            md.find("## What we").or(md.find("## 我們")) < md.find(heading),
            "{md}"
        );
    }
}

const WHAT_HAPPENED_HEADING: [&str; 2] = ["## What happened", "## 發生了什麼"];

#[test]
fn sentences_with_a_gap_are_listed_with_where_they_are() {
    let mut doc = failover_doc(Language::En);
    doc.summary = "Orders failed for 20 minutes. Patroni promoted db-2.corp too early.".into();
    let found = gaps(&doc);
    let said: Vec<(Part, &str)> = found
        .iter()
        .map(|g| (g.part, g.redacted.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (
                Part::WhatHappened,
                "[redacted] promoted [redacted] too early."
            ),
            (Part::WhatWeAreDoing, "Lower [redacted] in [redacted]"),
        ]
    );
    let happened = part(&doc, Part::WhatHappened);
    assert_eq!(
        &happened.text[found[0].start..found[0].end],
        "Patroni promoted db-2.corp too early."
    );
    // Letting the details through, or writing the sentence again, closes the gap.
    set_let_through(&mut doc, "Patroni", true);
    set_let_through(&mut doc, "db-2.corp", true);
    set_public_text(
        &mut doc,
        Part::WhatWeAreDoing,
        "- Fail over only to an up-to-date copy",
    );
    assert_eq!(gaps(&doc), []);
    let mut zh = failover_doc(Language::ZhTw);
    zh.summary = "訂單失敗 20 分鐘。Patroni 太早切換。".into();
    let said: Vec<String> = gaps(&zh).into_iter().map(|g| g.redacted).collect();
    assert_eq!(
        said,
        ["［已遮蔽］ 太早切換。", "調低 ［已遮蔽］ 的 ［已遮蔽］"]
    );
}

#[test]
fn example_customer_version_goldens() {
    let doc = chatgpt_2023_03_20();
    assert!(customer_version(&doc).iter().all(|p| p.hits.is_empty()));
    golden("customer/example.md", &customer_markdown(&doc));
    golden("customer/example.txt", &customer_text(&doc));
    let mut zh = doc;
    zh.language = Language::ZhTw;
    golden("customer/example.zh-TW.md", &customer_markdown(&zh));
}

// ---------------------------------------------------------------------------------------------
// Property: nothing seeded reaches an export, and the chosen public words do

/// Syllables of the generated internal words (hosts, handles, channels): letters that the
/// public words never use, so no public word can hold one.
const SENSITIVE_SYL: &[&str] = &["zek", "xor", "qim", "jux", "kaz", "vyx"];
/// Syllables of the public words.
const PUBLIC_SYL: &[&str] = &["pla", "mu", "so", "ri", "ne", "lo", "fa", "bi", "du", "ge"];
const FIRST: &[&str] = &[
    "Zorvak", "Xandrel", "Jixon", "Kovyz", "Vexlin", "Yzolde", "Qorrin",
];
const LAST: &[&str] = &["Quintel", "Zebrok", "Xylander", "Jovix", "Kaznar"];
const CJK_SURNAME: &[&str] = &["魏", "鄭", "蕭", "龔"];
const CJK_GIVEN: &[&str] = &["瑋翔", "芷涵", "柏睿", "宥蓁"];
/// "Always redact" words: a `q` not followed by `u`, which nothing else generated or fixed
/// in the exports spells.
const ALWAYS_HEAD: &[&str] = &["Qab", "Qed", "Qif", "Qom"];
const ALWAYS_TAIL: &[&str] = &["zor", "xir", "jep"];
const SEPARATORS: &[&str] = &[
    " ", ", ", "; ", "\n", "\n\n", " (", ") ", "。", "，", ": ", " — ", "\n- ",
];
const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_DIGITS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const B64URL: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const B64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const TRACKER_PREFIXES: &[&str] = &["ZQX", "QJK", "XKZ", "JZQX"];

fn chars_from(set: &'static str, n: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = set.chars().collect();
    prop::collection::vec(prop::sample::select(chars), n).prop_map(|v| v.into_iter().collect())
}

fn syllables(
    pool: &'static [&'static str],
    n: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(pool), n).prop_map(|v| v.concat())
}

/// A seeded internal detail: the text put into fields, and the tokens of it that must not
/// reach any export.
#[derive(Clone, Debug)]
struct Seed {
    text: String,
    tokens: Vec<String>,
}

fn whole(text: String) -> Seed {
    Seed {
        tokens: vec![text.clone()],
        text,
    }
}

fn internal_detail() -> impl Strategy<Value = Seed> {
    let w = || syllables(SENSITIVE_SYL, 2..=3);
    let suffixes = &["internal", "corp", "local", "lan", "intranet", "private"][..];
    let key = || {
        (prop::sample::select(TRACKER_PREFIXES), 1u32..99_999).prop_map(|(k, n)| format!("{k}-{n}"))
    };
    prop_oneof![
        (w(), w()).prop_map(|(a, b)| whole(format!("{a}@{b}.com"))),
        (w(), prop::sample::select(suffixes)).prop_map(|(a, s)| whole(format!("{a}.{s}"))),
        (w(), w(), 1u32..99_999)
            .prop_map(|(a, b, n)| whole(format!("https://{a}.corp/{b}?id={n}"))),
        key().prop_map(|k| Seed {
            text: format!("https://tracker.example.com/browse/{k}"),
            tokens: vec![format!("https://tracker.example.com/browse/{k}"), k],
        }),
        key().prop_map(whole),
        (0u8..=255, 0u8..=255, 1u8..=254).prop_map(|(a, b, c)| whole(format!("10.{a}.{b}.{c}"))),
        (16u8..=31, 0u8..=255, 1u8..=254).prop_map(|(a, b, c)| whole(format!("172.{a}.{b}.{c}"))),
        (0u8..=255, 1u8..=254).prop_map(|(b, c)| whole(format!("192.168.{b}.{c}"))),
        (11u8..=99, 0u8..=255, 0u8..=255, 1u8..=254)
            .prop_map(|(a, b, c, d)| whole(format!("{a}.{b}.{c}.{d}"))),
        (0u8..=255, 1u8..=254).prop_map(|(c, d)| whole(format!("169.254.{c}.{d}"))),
        Just(whole("127.0.0.1".into())),
        (1u16..0xffff).prop_map(|h| whole(format!("fe80::{h:x}"))),
        (1u16..0xffff, 1u16..0xffff).prop_map(|(a, b)| whole(format!("2001:db8::{a:x}:{b:x}"))),
        Just(whole("::1".into())),
        (w(), w()).prop_map(|(a, b)| whole(format!("#{a}-{b}"))),
        w().prop_map(|a| whole(format!("@{a}"))),
        (w(), 100_000u32..999_999, 100_000u32..999_999)
            .prop_map(|(a, c, p)| whole(format!("https://{a}.slack.com/archives/C{c}/p{p}"))),
        chars_from(UPPER_DIGITS, 16).prop_map(|b| whole(format!("AKIA{b}"))),
        chars_from(ALNUM, 36).prop_map(|b| whole(format!("ghp_{b}"))),
        (chars_from("0123456789", 12), chars_from(ALNUM, 24))
            .prop_map(|(a, b)| whole(format!("xoxb-{a}-{b}"))),
        (
            chars_from(B64URL, 17),
            chars_from(B64URL, 20),
            chars_from(B64URL, 22)
        )
            .prop_map(|(a, b, c)| whole(format!("eyJ{a}.eyJ{b}.{c}"))),
        (
            prop::sample::select(
                &[
                    "password=",
                    "token: ",
                    "api_key=",
                    "secret: ",
                    "DB_PASSWORD=",
                    "密碼："
                ][..]
            ),
            Just(ALNUM.chars().collect::<Vec<char>>()).prop_shuffle(),
        )
            .prop_map(|(k, chars)| {
                // Thirteen different characters and a digit, a small and a capital letter,
                // as generated keys have: about 3.9 bits of entropy each.
                let mut value: String = chars.into_iter().take(13).collect();
                value.push_str("7qZ");
                Seed {
                    text: format!("{k}{value}"),
                    tokens: vec![value],
                }
            }),
        (chars_from(B64, 40), chars_from(B64, 40)).prop_map(|(a, b)| Seed {
            text: format!(
                "-----BEGIN RSA PRIVATE KEY-----\n{a}\n{b}\n-----END RSA PRIVATE KEY-----"
            ),
            tokens: vec![a, b],
        }),
    ]
}

/// What the generator chose for one document.
#[derive(Clone, Debug)]
struct Choices {
    lang: Language,
    seeds: Vec<Seed>,
    people: Vec<String>,
    cjk_person: String,
    public_words: Vec<String>,
    always: Vec<String>,
    domain: String,
    let_through_ip: u8,
    /// Per field slot: the pieces (indexes into the pool) and separators.
    plan: Vec<Vec<(usize, usize)>>,
    /// Timeline rows: minutes after the first, kind.
    events: Vec<(i64, usize)>,
    /// Action items: kind, Public choice.
    actions: Vec<(usize, Option<bool>)>,
    /// Which parts the user wrote: title, what happened, notice.
    overrides: (bool, bool, bool),
    /// How each "Always redact" word is typed: as listed, lower case, upper case.
    case: usize,
}

/// A document built from the choices, and what must (not) show.
#[derive(Debug)]
struct Seeded {
    doc: Postmortem,
    /// Tokens that must appear in no export.
    kept_out: Vec<String>,
    /// Words that must appear in every export.
    public: Vec<String>,
    /// The title's first public word, which the file name must hold.
    title_word: String,
    /// Let-through hits, seeded where the customer reads them: they must appear.
    let_through: Vec<String>,
}

const SLOTS: usize = 52;

fn choices() -> impl Strategy<Value = Choices> {
    let people = prop::collection::vec(
        (prop::sample::select(FIRST), prop::sample::select(LAST))
            .prop_map(|(f, l)| format!("{f} {l}")),
        2..=4,
    );
    let cjk = (
        prop::sample::select(CJK_SURNAME),
        prop::sample::select(CJK_GIVEN),
    )
        .prop_map(|(s, g)| format!("{s}{g}"));
    let always = prop::collection::vec(
        (
            prop::sample::select(ALWAYS_HEAD),
            prop::sample::select(ALWAYS_TAIL),
        )
            .prop_map(|(h, t)| format!("{h}{t}")),
        1..=2,
    );
    let plan = prop::collection::vec(
        prop::collection::vec((0usize..1000, 0..SEPARATORS.len()), 1..7),
        SLOTS,
    );
    (
        prop_oneof![Just(Language::En), Just(Language::ZhTw)],
        prop::collection::vec(internal_detail(), 4..14),
        people,
        cjk,
        prop::collection::vec(syllables(PUBLIC_SYL, 3..=4), 4..8),
        always,
        syllables(SENSITIVE_SYL, 2..=2).prop_map(|w| format!("{w}-int.net")),
        1u8..=254,
        plan,
        prop::collection::vec((0i64..600, 0usize..7), 2..7),
        prop::collection::vec((0usize..4, prop::option::of(any::<bool>())), 1..6),
        (any::<bool>(), any::<bool>(), any::<bool>(), 0usize..3),
    )
        .prop_map(
            |(
                lang,
                seeds,
                people,
                cjk_person,
                public_words,
                always,
                domain,
                ip,
                plan,
                events,
                actions,
                (t, w, n, case),
            )| Choices {
                lang,
                seeds,
                people,
                cjk_person,
                public_words,
                always,
                domain,
                let_through_ip: ip,
                plan,
                events,
                actions,
                overrides: (t, w, n),
                case,
            },
        )
}

fn build(c: &Choices) -> Seeded {
    let typed = |w: &str| match c.case {
        0 => w.to_owned(),
        1 => w.to_lowercase(),
        _ => w.to_uppercase(),
    };
    let let_through = vec![
        format!("help@{}.example.org", c.public_words[0]),
        format!("203.0.113.{}", c.let_through_ip),
    ];
    // The pool every field draws from: (text, is public).
    let mut pool: Vec<(String, bool)> = Vec::new();
    pool.extend(c.seeds.iter().map(|s| (s.text.clone(), false)));
    pool.extend(c.people.iter().map(|p| (p.clone(), false)));
    pool.push((c.cjk_person.clone(), false));
    pool.extend(c.always.iter().map(|a| (typed(a), false)));
    pool.push((format!("wiki.{}", c.domain), false));
    pool.extend(c.public_words.iter().map(|p| (p.clone(), true)));
    pool.extend(let_through.iter().map(|l| (l.clone(), false)));

    let mut kept_out: Vec<String> = c.seeds.iter().flat_map(|s| s.tokens.clone()).collect();
    for p in &c.people {
        kept_out.push(p.clone());
        kept_out.extend(p.split(' ').map(str::to_owned));
    }
    kept_out.push(c.cjk_person.clone());
    kept_out.push("INC-4242".into());

    let mut public: Vec<String> = Vec::new();
    // Each slot opens with a public word of its own, then its pieces.
    let slot = |i: usize, public: &mut Vec<String>, shown: bool| -> String {
        let first = &c.public_words[i % c.public_words.len()];
        let mut text = first.clone();
        for (pick, sep) in &c.plan[i] {
            let (piece, is_public) = &pool[pick % pool.len()];
            text.push_str(SEPARATORS[*sep]);
            text.push_str(piece);
            if shown && *is_public {
                public.push(piece.clone());
            }
        }
        if shown {
            public.push(first.clone());
        }
        text
    };
    // Every seed, name and let-through hit, at least once where the customer reads it.
    let everything: String = pool
        .iter()
        .map(|(t, _)| t.as_str())
        .collect::<Vec<_>>()
        .join(" ; ");

    let (own_title, own_what, own_notice) = c.overrides;
    let mut doc = Postmortem {
        language: c.lang,
        ..Postmortem::default()
    };
    let h = &mut doc.header;
    // The report's title never reaches the notice: it has its own or a plain one.
    h.title = slot(0, &mut public, false);
    h.incident_id = "INC-4242".into();
    h.incident_date = "2023-03-20".into();
    h.time_zone = "America/Los_Angeles".into();
    h.authors = c.people.clone();
    h.authors.push("Incident commander".into());
    h.reviewers = vec![c.people[1].clone(), c.cjk_person.clone()];
    h.owner = c.people[c.people.len() - 1].clone();
    h.tags = vec![slot(1, &mut public, false)];
    doc.summary = format!(
        "{}\n\n{}",
        slot(2, &mut public, !own_what),
        if own_what { "" } else { &everything }
    );
    doc.impact = Impact {
        description: slot(3, &mut public, true),
        users_affected: slot(4, &mut public, true),
        failed_requests: slot(5, &mut public, false),
        error_budget_consumed: slot(6, &mut public, false),
        revenue_impact: slot(7, &mut public, false),
        support_tickets: slot(8, &mut public, false),
        customer_visible: Some(true),
        data_exposed: Some(true),
        kinds_of_data: slot(9, &mut public, true),
        people_affected: slot(10, &mut public, true),
    };
    doc.detection.description = slot(11, &mut public, false);
    doc.causes = Causes {
        trigger: slot(12, &mut public, false),
        root_causes: slot(13, &mut public, false),
        contributing_factors: slot(14, &mut public, false),
        five_whys: vec![slot(15, &mut public, false)],
        recurrence: slot(16, &mut public, false),
    };
    // One responder per line: the name, then the role (which holds seeds, on one line).
    let role = |i: usize, public: &mut Vec<String>| slot(i, public, false).replace('\n', " ");
    doc.response = Response {
        responders: format!(
            "{} — {}\n{}：值班\nSRE on-call — {}",
            c.people[1],
            role(17, &mut public),
            c.cjk_person,
            role(18, &mut public)
        ),
        mitigation: slot(19, &mut public, false),
        resolution: slot(20, &mut public, false),
        long_term_fix: slot(21, &mut public, false),
    };
    doc.lessons = Lessons {
        went_well: vec![slot(22, &mut public, false)],
        went_wrong: vec![slot(23, &mut public, false)],
        got_lucky: vec![slot(24, &mut public, false)],
    };
    doc.communication = Communication {
        internal_notice: slot(25, &mut public, false),
        customer_notice: slot(26, &mut public, !own_notice),
        notified: slot(27, &mut public, false),
        regulator_deadline: slot(28, &mut public, false),
    };
    doc.supporting_info = slot(29, &mut public, false);
    let kinds = EventKind::ALL;
    let start = Timestamp::parse_rfc3339("2023-03-20T01:00:00-07:00").map_or(0, |t| t.utc);
    doc.timeline = c
        .events
        .iter()
        .enumerate()
        .map(|(i, (minutes, kind))| TimelineEvent {
            time: Some(Timestamp {
                utc: start + minutes * 60,
                offset_minutes: -420,
            }),
            event: slot(30 + i, &mut public, false),
            kind: kinds[*kind],
            link: slot(36 + i, &mut public, false),
        })
        .collect();
    let types = ActionType::ALL;
    doc.action_items = c
        .actions
        .iter()
        .enumerate()
        .map(|(i, (kind, choice))| {
            let mut item = ActionItem {
                kind: Some(types[*kind]),
                public: *choice,
                owner: c.people[i % c.people.len()].clone(),
                due_date: "2023-04-01".into(),
                tracking_link: slot(42 + i, &mut public, false),
                ..ActionItem::default()
            };
            let shown = item.is_public();
            item.action = slot(46 + i, &mut public, shown);
            item
        })
        .collect();
    let p = &mut doc.public;
    if own_title {
        p.title = Some(slot(51, &mut public, true));
    }
    if own_what {
        p.what_happened = Some(format!("{}\n\n{everything}", slot(50, &mut public, true)));
    }
    if own_notice {
        p.notice = Some(slot(41, &mut public, true));
    }
    p.let_through = let_through.clone();
    p.always_redact = c.always.clone();
    p.always_redact.push(format!(".{}", c.domain));
    let title_word = if own_title {
        c.public_words[51 % c.public_words.len()].clone()
    } else {
        customer_words::SERVICE_INCIDENT
            .get(c.lang)
            .to_lowercase()
            .replace(' ', "-")
    };
    public.sort();
    public.dedup();
    Seeded {
        doc,
        kept_out,
        public,
        title_word,
        let_through,
    }
}

/// A token as the file name would spell it: lowercase, other characters as dashes.
fn as_in_file_name(token: &str) -> String {
    let mut out = String::new();
    for c in token.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

#[test]
fn no_seeded_detail_reaches_any_export_while_public_words_do() {
    seeded_runner(256, 42)
        .run(&choices(), |c| {
            let s = build(&c);
            let md = customer_markdown(&s.doc);
            let html = html_without_style(&customer_html(&s.doc));
            let text = customer_text(&s.doc);
            let stem = customer_file_stem(&s.doc);
            let outputs = [("Markdown", &md), ("HTML", &html), ("text", &text)];
            for token in &s.kept_out {
                for (name, out) in outputs {
                    prop_assert!(!out.contains(token.as_str()), "{token:?} in {name}:\n{out}");
                }
                let slug = as_in_file_name(token);
                if slug.len() >= 6 {
                    prop_assert!(!stem.contains(&slug), "{token:?} in {stem}");
                }
            }
            for word in c.always.iter().chain([&c.domain]) {
                let word = word.to_lowercase();
                for (name, out) in outputs {
                    prop_assert!(
                        !out.to_lowercase().contains(&word),
                        "{word:?} in {name}:\n{out}"
                    );
                }
                prop_assert!(!stem.contains(&word), "{word:?} in {stem}");
            }
            for word in s.public.iter().chain(&s.let_through) {
                for (name, out) in outputs {
                    prop_assert!(
                        out.contains(word.as_str()),
                        "{word:?} missing from {name}:\n{out}"
                    );
                }
            }
            prop_assert!(
                stem.contains(&s.title_word),
                "{} missing from {stem}",
                s.title_word
            );
            Ok(())
        })
        .expect("no seeded detail reaches an export");
}

/// Pieces that sit on the detectors' edges: escapes, references, separators, prefixes.
const EDGES: &[&str] = &[
    "\\",
    "&",
    "&#64;",
    "&#x40;",
    "&amp;",
    "&#",
    ";",
    "@",
    "#",
    ":",
    "::",
    ".",
    "-",
    "_",
    "/",
    "://",
    "https://",
    "a",
    "Z",
    "0",
    "9",
    "f",
    "e8",
    "255",
    "10.0",
    "db",
    ".corp",
    ".local",
    "AKIA",
    "ghp_",
    "xoxb-",
    "eyJ",
    "-----BEGIN ",
    "PRIVATE KEY-----",
    "-----END ",
    "password",
    "=",
    "：",
    "token",
    " ",
    "\n",
    "王",
    "小明",
    "é",
    "🙂",
    "\u{202e}",
    "OPS",
    "SEV",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "`",
    "%",
    "?",
    "Alice",
    "Chen",
    "acme.net",
];

#[test]
fn the_scanner_returns_sorted_disjoint_hits_on_any_text() {
    let mut doc = people_doc();
    add_always_redact(&mut doc, "acme.net");
    add_always_redact(&mut doc, "小明");
    let scanner = Scanner::for_doc(&doc);
    let text = prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(EDGES), 0..40).prop_map(|v| v.concat()),
    ];
    seeded_runner(2000, 7)
        .run(&text, |text| {
            let found = scanner.scan(&text);
            let mut end = 0;
            for hit in &found {
                prop_assert!(hit.start >= end && hit.start < hit.end, "{found:?}");
                prop_assert_eq!(text.get(hit.start..hit.end), Some(hit.text.as_str()));
                end = hit.end;
            }
            let out = redacted(&text, &found, &[], Language::En);
            prop_assert!(out.len() <= text.len() + found.len() * 11);
            Ok(())
        })
        .expect("hits are sorted, disjoint and exact");
}
