//! Postmortems written elsewhere: Markdown from other templates and tools mapped into the
//! sections and fields of a Hindsight document.
//!
//! The file is cut into parts, one per heading (module `split`); each heading is matched to
//! a section or field through a synonym table in both languages (`synonyms`); tables, task
//! lists and `HH:MM — text` lists become timeline rows and action items (`rows`); whatever
//! matches nothing goes to Supporting information under its own heading. The result keeps
//! the parts, so the user can see where each went and move one before the draft is created
//! ([`ForeignImport::retarget`]).
//!
//! Nothing is dropped: every word of the file's text ends up in the document, except the
//! words of the headings that named the section a part went to (the dialog shows those). A
//! value read into a field that does not carry it word for word (a time, a status, "High"
//! read as P1) keeps its original text beside it.

mod build;

pub use build::{Landing, ReadFromText};
mod cells;
mod rows;
mod split;
mod synonyms;
mod tables;
mod times;
pub mod typed;
mod verdict;
mod whys;

use crate::document::{Language, Postmortem};
use crate::error::ImportError;
use crate::fields::{doc_field, section_fields, Access, FieldId, Kind, Place};
use crate::markdown::escape::lines;
use crate::sections::SectionId;
use crate::text::is_han;
use crate::words::{Text, Words};

use rows::{read_timeline, TimeCtx, TimelineReading};
use split::{blocks, clean, keep_inline, split, BlockKind, Role};
use times::{find_day, find_timed_zone, find_zone, find_zone_note, Zone};

/// What the foreign import says, in both languages.
pub mod messages {
    crate::words_table! {
        NO_HEADING = ("Text under no heading", "不在任何標題下的文字");
        AS_WRITTEN = ("As written in the imported file", "匯入檔案中的原文");
        FRONT_MATTER = ("Other details from the file's front matter", "檔案開頭 front matter 的其他資料");
        EMPTY_FILE = ("The file has no text to import.", "這個檔案沒有可以匯入的文字。");
        NOT_POSTMORTEM = ("This does not look like a postmortem: {0}", "這看起來不像事後檢討報告：{0}");
        READ_FROM_TEXT = ("{0}: {1}, read from “{2}”.", "{0}：{1}，依據原文「{2}」判讀。");
        NOT_POSTMORTEM_TEMPLATE = (
            "it is a template, with placeholders (“{0}”) where an incident's facts would be. Nothing was read into the timeline, the action items or the header.",
            "它是一份範本，該寫事件內容的地方還是佔位文字（「{0}」）。時間軸、行動項目與基本資料都沒有從中讀取。"
        );
        NOT_POSTMORTEM_GUIDE = (
            "it reads as a guide (“{0}”), not a report of one incident: it gives no day of an incident. Nothing was read into the timeline, the action items or the header.",
            "它讀起來像一份指南（「{0}」），不是某一起事件的報告：文中沒有任何事件發生的日期。時間軸、行動項目與基本資料都沒有從中讀取。"
        );
        NOT_POSTMORTEM_BARE = (
            "no heading names a part of a postmortem, and it has no timeline. Its text went to Supporting information.",
            "沒有任何標題對應到事後檢討的段落，也沒有時間軸。全文已放進補充資料。"
        );
    }
}

/// Where a part of a foreign file lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A section as a whole: Timeline and Action items read rows; other sections fill their
    /// main field (Lessons learned fills "What went wrong", Response and resolution fills
    /// "Mitigation", Communication fills "Internal notice"); Header reads header fields.
    Section(SectionId),
    /// One field of the document.
    Field(FieldId),
    /// Supporting information, under the part's own heading.
    Supporting,
}

impl Target {
    /// The same target in one spelling: Supporting information is always [`Target::Supporting`].
    pub fn canonical(self) -> Target {
        match self {
            Target::Section(SectionId::Supporting) | Target::Field(FieldId::SupportingInfo) => {
                Target::Supporting
            }
            t => t,
        }
    }

    /// The section it belongs to, for grouping the choices.
    pub fn section(self) -> SectionId {
        match self.canonical() {
            Target::Section(s) => s,
            Target::Field(f) => f.section(),
            Target::Supporting => SectionId::Supporting,
        }
    }

    /// Its name: the section's heading or the field's label.
    pub fn label(self) -> Words {
        match self.canonical() {
            Target::Section(s) => s.heading(),
            Target::Field(f) => doc_field(f).map_or(f.info().label, |d| d.label),
            Target::Supporting => SectionId::Supporting.heading(),
        }
    }

    /// The field that receives a part's text, for targets that are not rows or the header.
    pub(crate) fn text_field(self) -> Option<FieldId> {
        match self.canonical() {
            Target::Field(f) => Some(f),
            Target::Supporting => Some(FieldId::SupportingInfo),
            Target::Section(s) => match s {
                SectionId::Summary => Some(FieldId::Summary),
                SectionId::Impact => Some(FieldId::ImpactText),
                SectionId::Detection => Some(FieldId::DetectionText),
                SectionId::Causes => Some(FieldId::RootCauses),
                SectionId::Response => Some(FieldId::Mitigation),
                SectionId::Lessons => Some(FieldId::WentWrong),
                SectionId::Communication => Some(FieldId::InternalNotice),
                SectionId::Supporting => Some(FieldId::SupportingInfo),
                SectionId::Header | SectionId::Timeline | SectionId::ActionItems => None,
            },
        }
    }
}

/// The places a part can be moved to, in the report's order, each with its name: the
/// Timeline and Action items sections, every text and list field of the other sections,
/// and Supporting information. Group them by [`Target::section`].
pub fn targets() -> Vec<(Target, Words)> {
    let mut out = Vec::new();
    for s in SectionId::ALL {
        match s {
            SectionId::Header => {}
            SectionId::Timeline | SectionId::ActionItems => {
                out.push((Target::Section(s), s.heading()));
            }
            SectionId::Supporting => out.push((Target::Supporting, s.heading())),
            _ => out.extend(
                section_fields(s)
                    .filter(|f| matches!(f.place, Place::Body | Place::Sub))
                    .filter(|f| f.kind != Kind::Date)
                    .filter(|f| matches!(f.access, Access::Text(..) | Access::List(..)))
                    .map(|f| (Target::Field(f.id), f.label)),
            ),
        }
    }
    out
}

/// One part of the file: a heading and the text under it, and where it went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The heading as the file writes it (its text, without `#` or `**`); empty for text
    /// under no heading (show [`messages::NO_HEADING`]).
    pub heading: String,
    /// 1–6 for `#` headings (a numbered line counts as 2, `4.1` as 3), 7 for a bold or plain
    /// label in front of its text, 0 for text under no heading.
    pub level: u8,
    /// Where the part went.
    pub target: Target,
    /// Further places a compound heading ("Root cause and mitigation") sent text to.
    pub also: Vec<Target>,
    /// The heading matched nothing, so the part followed the section it sits in; its
    /// heading is kept as a bold line there.
    pub inherited: bool,
    /// The part's Markdown, its heading left out.
    pub text: String,
    role: Role,
    /// Whether the heading named a place (Glossary names Supporting information).
    matched: bool,
    parent: Option<usize>,
    reading: TimelineReading,
}

/// A foreign file read into a document, with the parts it was cut into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForeignImport {
    /// Every part, in the file's order.
    pub parts: Vec<Part>,
    /// The document the parts make, rebuilt after every [`ForeignImport::retarget`].
    pub doc: Postmortem,
    /// Where each part's text landed when `doc` was built, by part: what the dialog shows,
    /// so it can never say a part went where none of it is.
    pub landed: Vec<Vec<Landing>>,
    /// Values read from the file's words rather than from a field of its own, with their
    /// evidence, for the dialog to show.
    pub read_from_text: Vec<ReadFromText>,
    /// The report language, guessed from the headings.
    pub language: Language,
    /// Why the file does not look like a postmortem ("it is a template …"), when it does
    /// not: the dialog says so, and its timeline, action items and header were not read.
    pub not_a_postmortem: Option<Text>,
    front: Vec<build::FrontEntry>,
    /// The file's link reference definitions (`[label]: https://…`).
    refs: Vec<(String, String)>,
    zone: String,
    year: Option<i32>,
    /// The incident's date read from the text, when no header field gave one.
    inferred_day: Option<(i32, u32, u32)>,
}

impl ForeignImport {
    /// Moves a part (and the parts under it that followed it) to another place, and
    /// rebuilds the document. An index past the end changes nothing.
    pub fn retarget(&mut self, part: usize, target: Target) {
        if part >= self.parts.len() {
            return;
        }
        let target = target.canonical();
        let mut moved = vec![false; self.parts.len()];
        moved[part] = true;
        for i in part + 1..self.parts.len() {
            let p = &self.parts[i];
            if p.inherited && p.parent.is_some_and(|parent| moved[parent]) {
                moved[i] = true;
            }
        }
        for (i, p) in self.parts.iter_mut().enumerate() {
            if !moved[i] {
                continue;
            }
            p.target = target;
            p.also.clear();
            if i == part {
                p.inherited = false;
                p.parent = None;
            }
        }
        (self.doc, self.landed, self.read_from_text) = build::build(self);
    }

    /// How many parts (headed or not) put some of their text in a section or field, and how
    /// many put some in Supporting information, as the document was built: a part split
    /// between the two counts in both.
    pub fn summary(&self) -> (usize, usize) {
        let mut sections = 0;
        let mut supporting = 0;
        for (part, places) in self.parts.iter().zip(&self.landed) {
            // A heading with no text of its own ("Lessons learned" over its three lists)
            // counts where it points.
            if places.is_empty() && !part.heading.is_empty() {
                if part.target == Target::Supporting {
                    supporting += 1;
                } else {
                    sections += 1;
                }
                continue;
            }
            if places.iter().any(|l| l.place != Target::Supporting) {
                sections += 1;
            }
            if places.iter().any(|l| l.place == Target::Supporting) {
                supporting += 1;
            }
        }
        (sections, supporting)
    }
}

/// Removes top-level thematic breaks (separators between sections in exports) and blank
/// lines at the ends. Spaces ending a line stay: a `<br>` left a hard break there, which
/// the text fields keep when they join wrapped lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for b in blocks(text) {
        if b.kind == BlockKind::Rule {
            out.push_str(&text[done..b.range.start]);
            done = b.range.end;
        }
    }
    out.push_str(&text[done..]);
    let out = crate::markdown::escape::lines(&out).join("\n");
    if out.trim().is_empty() {
        String::new()
    } else {
        out.trim_matches('\n').to_owned()
    }
}

/// The text after a label: it continues the label's paragraph (from the label's line, or
/// from the next when the label stands alone on its line), so it keeps reading as
/// paragraph text; after a blank line, new blocks start as they did.
fn label_text(text: &str) -> String {
    let (first, after) = text.split_once('\n').unwrap_or((text, ""));
    if !first.trim().is_empty() {
        return tidy(&keep_inline(text.trim_start()));
    }
    if after.split('\n').next().unwrap_or("").trim().is_empty() {
        return tidy(text);
    }
    tidy(&keep_inline(after.trim_start()))
}

/// The report language the headings are written in: Chinese when they hold at least as
/// many Chinese characters as English words.
fn guess_language<'a>(texts: impl Iterator<Item = &'a str>) -> Language {
    let (mut han, mut latin) = (0usize, 0usize);
    for t in texts {
        han += t.chars().filter(|c| is_han(*c)).count();
        latin += t
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .count();
    }
    if han > 0 && han >= latin {
        Language::ZhTw
    } else {
        Language::En
    }
}

/// The importer's phrase and column tables, named, for the test that every row is written
/// in the form the matchers compare.
#[cfg(test)]
pub(crate) fn phrase_tables() -> Vec<(&'static str, Vec<&'static str>)> {
    let keys = |t: &[(&'static str, Target)]| t.iter().map(|(k, _)| *k).collect::<Vec<_>>();
    let mut out = rows::phrase_tables();
    out.push(("synonyms::EXACT", keys(synonyms::EXACT)));
    out.push((
        "synonyms::KEYWORDS",
        synonyms::KEYWORDS
            .iter()
            .map(|(k, _)| k.trim_end_matches('*'))
            .collect(),
    ));
    out.push((
        "synonyms::HEADER",
        synonyms::HEADER.iter().map(|(k, _)| *k).collect(),
    ));
    out.push((
        "build::STATUS_WORDS",
        build::STATUS_WORDS.iter().map(|(k, _)| *k).collect(),
    ));
    out
}

/// Reads Markdown written elsewhere into a document.
///
/// `zone` is the draft's time zone (an IANA name) and `offset_at(zone, utc)` its offset in
/// minutes at an instant, as the browser knows it; times written with a zone or offset
/// ("14:05 UTC", "(UTC+8)", "PDT", a heading "Timeline (all times PT)") are read in that
/// zone, others in the zone the file's header names, else in `zone`. Fails only when the
/// file is too large or has no text.
pub fn import_foreign(
    text: &str,
    zone: &str,
    offset_at: &dyn Fn(&str, i64) -> i32,
) -> Result<ForeignImport, ImportError> {
    let text = super::prepare(text)?;
    let text = lines(text).join("\n");
    if text.trim().is_empty() {
        return Err(ImportError::new(messages::EMPTY_FILE, &[]));
    }
    let (front, body) = build::front_matter(&text);
    let body = clean(body);
    let raws = split(&body);
    let mut parts: Vec<Part> = raws
        .into_iter()
        .map(|r| Part {
            text: match r.role {
                Role::Label => label_text(&body[r.content.clone()]),
                _ => tidy(&body[r.content.clone()]),
            },
            heading: r.heading,
            level: r.level,
            target: r.targets.first().copied().unwrap_or(Target::Supporting),
            also: r.targets.iter().skip(1).copied().collect(),
            inherited: false,
            role: r.role,
            matched: !r.targets.is_empty(),
            parent: None,
            reading: TimelineReading::default(),
        })
        .filter(|p| !(p.heading.is_empty() && p.text.is_empty()))
        .collect();
    resolve_targets(&mut parts);
    // A root-cause part that asks "why?" again and again is the five whys.
    for p in &mut parts {
        let causes = matches!(
            p.target,
            Target::Field(FieldId::RootCauses) | Target::Section(SectionId::Causes)
        );
        if causes && p.also.is_empty() && whys::why_entries(&p.text).is_some() {
            p.target = Target::Field(FieldId::FiveWhys);
        }
    }

    // The header names the incident's day (for times written without one) and may name
    // the zone the report was written in.
    let mut header = build::header_values(&front, &parts);
    // Without a date or zone in the header, the report's text says them: "2026 年 10 月 3 日
    // 14:05 至 15:20（台北時間）" in its summary holds for the timeline's bare "14:05", and
    // is the incident's date.
    // A byline's date ("Jan 20, 2022 · by …") and a blog's front-matter date say when a
    // post was published: they give a year at most, never the incident's day.
    let dated = without_bylines(&body);
    let mut inferred_day = None;
    if header.day.is_none() {
        if let Some(times::Day::Full(y, m, d)) = find_day(&dated) {
            header.day = Some((y, m, d));
            inferred_day = header.day;
        }
    }
    let year_hint = header
        .day
        .map(|d| d.0)
        .or_else(|| title_year(&parts))
        .or_else(|| find_year(&body))
        .or_else(|| build::publication_date(&front).map(|d| d.0));
    // The zone the report's times are written in: the header's, a note ("All times PDT"),
    // or the first zone written after a time. The draft takes the place's zone (PDT is
    // America/Los_Angeles), while times keep the offset they were written with.
    let written = header
        .zone
        .as_deref()
        .and_then(find_zone)
        .or_else(|| find_zone_note(&body))
        .or_else(|| find_timed_zone(&body));
    let (doc_zone, written_zone) = match written {
        Some(Zone::Named(name)) => (name, None),
        Some(z) => (z.draft_zone().unwrap_or_else(|| zone.to_owned()), Some(z)),
        None => (zone.to_owned(), None),
    };
    let mut ctx = TimeCtx::new(header.day, written_zone, &doc_zone, offset_at);
    ctx.year = ctx.year.or(year_hint);
    for p in &mut parts {
        let heading = match p.role {
            Role::Heading | Role::Timestamp => p.heading.as_str(),
            _ => "",
        };
        if p.target == Target::Section(SectionId::Timeline) {
            p.reading = read_timeline(heading, &p.text, &mut ctx);
        } else {
            // Read as a timeline too, for when the user moves it there, without letting
            // its dates change how the timeline's own rows are read.
            p.reading = read_timeline(heading, &p.text, &mut ctx.clone());
        }
    }
    let dated_events = parts
        .iter()
        .filter(|p| p.target == Target::Section(SectionId::Timeline))
        .flat_map(|p| &p.reading.events)
        .filter(|e| e.time.is_some())
        .count();
    let not_a_postmortem = verdict::verdict(&body, &parts, dated_events);
    if not_a_postmortem.is_some() {
        // Nothing is made of a page that is no postmortem: its rows and header lines stay
        // text, in Supporting information.
        for p in &mut parts {
            let invented = matches!(
                p.target,
                Target::Section(SectionId::Timeline | SectionId::ActionItems | SectionId::Header)
            ) || matches!(p.target, Target::Field(f) if f.section() == SectionId::Header && f != FieldId::Title);
            if invented {
                p.target = Target::Supporting;
                p.also.clear();
            }
        }
    }
    let headings: Vec<&str> = parts
        .iter()
        .filter(|p| !p.heading.is_empty() && p.role != Role::Title)
        .map(|p| p.heading.as_str())
        .collect();
    let language = if headings.is_empty() {
        guess_language(std::iter::once(body.as_str()))
    } else {
        guess_language(headings.into_iter())
    };
    let mut out = ForeignImport {
        parts,
        doc: Postmortem::default(),
        language,
        not_a_postmortem,
        landed: Vec::new(),
        read_from_text: Vec::new(),
        refs: rows::link_definitions(&body),
        front,
        zone: doc_zone,
        year: ctx.year.or(header.day.map(|d| d.0)),
        inferred_day,
    };
    (out.doc, out.landed, out.read_from_text) = build::build(&out);
    Ok(out)
}

/// Whether a line says who wrote a post and when it was published ("January 20, 2022 · by
/// Daniel", "John · 12 Jul 2019 · 14 min read", "Posted on …"): short, with a separator or a
/// word of authorship.
fn is_byline(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.split_whitespace().count() <= 24
        && ([
            "·",
            "•",
            " | ",
            "min read",
            "posted",
            "published",
            "written by",
            "發布",
            "發表於",
        ]
        .iter()
        .any(|cue| lower.contains(cue))
            || lower.trim_start().starts_with("by "))
}

/// The text without its bylines.
pub(super) fn without_bylines(body: &str) -> String {
    body.lines()
        .filter(|l| !is_byline(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A year the title names ("Roblox Return to Service 10/28-10/31 2021").
fn title_year(parts: &[Part]) -> Option<i32> {
    let title = parts.iter().find(|p| p.role == Role::Title)?;
    find_year(&title.heading)
}

/// The first four-digit year (1990–2099) standing alone in a text.
fn find_year(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (1990..2100).contains(y))
}

/// Settles where each part goes: a heading that matched nothing follows the nearest
/// heading above it (at a higher level) that went to a section; text under no heading
/// before the first section is the summary when no part is; the rest goes to Supporting
/// information.
fn resolve_targets(parts: &mut [Part]) {
    // The headings above the current one, each at a higher level than the next.
    let mut above: Vec<(u8, usize)> = Vec::new();
    for i in 0..parts.len() {
        let p = &parts[i];
        if p.heading.is_empty() || !matches!(p.role, Role::Heading | Role::Timestamp | Role::Title)
        {
            continue;
        }
        let level = p.level;
        while above.last().is_some_and(|(l, _)| *l >= level) {
            above.pop();
        }
        let parent = above.last().map(|(_, j)| *j);
        above.push((level, i));
        if p.role != Role::Heading || p.matched {
            continue;
        }
        if let Some(j) = parent {
            let t = parts[j].target;
            let followable = !matches!(t, Target::Supporting)
                && !matches!(t, Target::Field(f) if f.section() == SectionId::Header)
                && t != Target::Section(SectionId::Header);
            if followable {
                parts[i].target = t;
                parts[i].inherited = true;
                parts[i].parent = Some(j);
            }
        }
    }
    let has_summary = parts.iter().any(|p| {
        p.role != Role::Intro
            && std::iter::once(p.target)
                .chain(p.also.iter().copied())
                .any(|t| t.text_field() == Some(FieldId::Summary))
    });
    let mut summary_taken = has_summary;
    for p in parts.iter_mut() {
        // Text under no heading that follows a header table keeps the place of the text
        // before the table (set when the part was cut).
        if p.role == Role::Intro
            && p.heading.is_empty()
            && p.target == Target::Supporting
            && !summary_taken
        {
            p.target = Target::Field(FieldId::Summary);
            summary_taken = true;
        }
    }
}
