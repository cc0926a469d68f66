//! Dates, times and zones as people write them in postmortems, read by hand (no regex):
//! `2024-05-02 14:05 UTC`, `May 2, 2024 - 15:10 UTC`, `2:05 PM PDT`, `2024年5月2日 下午 2:05`,
//! `14:05 (UTC+8)`, `2024-05-02T14:05:00Z`, and notes such as "All times are Pacific".
//!
//! The core has no time-zone database: a named zone (an IANA name, or an abbreviation such
//! as PT that changes with daylight saving time) is resolved through the caller's
//! `offset_at(zone, utc)`; fixed abbreviations and explicit offsets need nothing.

use crate::text::is_word_char;
use crate::time::{civil_from_days, days_from_civil, parse_date, LocalDateTime, Timestamp};

/// A zone read from the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Zone {
    /// A fixed offset in minutes east of UTC (UTC, +08:00).
    Fixed(i32),
    /// An abbreviation with a fixed offset, and the zone of the place that uses it (PDT is
    /// −07:00 as written, and a report in PDT is a draft in America/Los_Angeles).
    Abbrev(i32, &'static str),
    /// A zone whose offset the caller knows (America/Los_Angeles for PT).
    Named(String),
}

/// A calendar date, with or without its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Day {
    /// Year, month, day.
    Full(i32, u32, u32),
    /// Month and day; the year comes from the context.
    NoYear(u32, u32),
}

/// A date and/or time read at the start of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct When {
    pub day: Option<Day>,
    /// Hour, minute, second.
    pub time: Option<(u32, u32, u32)>,
    pub zone: Option<Zone>,
    /// Bytes of the text the date, time and zone took (with decoration such as `**`).
    pub end: usize,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Abbreviations with a fixed offset, and the zone of the place that writes them. CST is
/// read as US Central Standard Time and IST as India's, the common readings in English
/// reports.
const FIXED: &[(&str, i32, &str)] = &[
    ("PST", -480, "America/Los_Angeles"),
    ("PDT", -420, "America/Los_Angeles"),
    ("MST", -420, "America/Denver"),
    ("MDT", -360, "America/Denver"),
    ("CST", -360, "America/Chicago"),
    ("CDT", -300, "America/Chicago"),
    ("EST", -300, "America/New_York"),
    ("EDT", -240, "America/New_York"),
    ("WET", 0, "Europe/Lisbon"),
    ("WEST", 60, "Europe/Lisbon"),
    ("BST", 60, "Europe/London"),
    ("CET", 60, "Europe/Paris"),
    ("CEST", 120, "Europe/Paris"),
    ("EET", 120, "Europe/Helsinki"),
    ("EEST", 180, "Europe/Helsinki"),
    ("MSK", 180, "Europe/Moscow"),
    ("IST", 330, "Asia/Kolkata"),
    ("ICT", 420, "Asia/Bangkok"),
    ("WIB", 420, "Asia/Jakarta"),
    ("SGT", 480, "Asia/Singapore"),
    ("HKT", 480, "Asia/Hong_Kong"),
    ("PHT", 480, "Asia/Manila"),
    ("JST", 540, "Asia/Tokyo"),
    ("KST", 540, "Asia/Seoul"),
    ("AEST", 600, "Australia/Sydney"),
    ("AEDT", 660, "Australia/Sydney"),
    ("NZST", 720, "Pacific/Auckland"),
    ("NZDT", 780, "Pacific/Auckland"),
];

/// Abbreviations and names whose offset changes with daylight saving time.
const NAMED: &[(&str, &str)] = &[
    ("PT", "America/Los_Angeles"),
    ("MT", "America/Denver"),
    ("CT", "America/Chicago"),
    ("ET", "America/New_York"),
    ("Pacific", "America/Los_Angeles"),
    ("Mountain", "America/Denver"),
    ("Central", "America/Chicago"),
    ("Eastern", "America/New_York"),
];

/// Zones named in Chinese.
const ZH_ZONES: &[(&str, Zone)] = &[
    ("世界協調時間", Zone::Fixed(0)),
    ("協調世界時", Zone::Fixed(0)),
];
const ZH_NAMED: &[(&str, &str)] = &[
    ("台北時間", "Asia/Taipei"),
    ("臺北時間", "Asia/Taipei"),
    ("台灣時間", "Asia/Taipei"),
    ("臺灣時間", "Asia/Taipei"),
    ("太平洋時間", "America/Los_Angeles"),
    ("美西時間", "America/Los_Angeles"),
    ("美國西岸時間", "America/Los_Angeles"),
    ("美東時間", "America/New_York"),
    ("美國東岸時間", "America/New_York"),
    ("日本時間", "Asia/Tokyo"),
    ("香港時間", "Asia/Hong_Kong"),
    ("新加坡時間", "Asia/Singapore"),
    ("北京時間", "Asia/Shanghai"),
];

/// A small hand-written scanner over a text.
struct Cursor<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.i..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, prefix: &str) -> bool {
        if self.rest().starts_with(prefix) {
            self.i += prefix.len();
            true
        } else {
            false
        }
    }

    /// Eats `word` in any case when no letter follows it.
    fn eat_word_ci(&mut self, word: &str) -> bool {
        let rest = self.rest();
        match rest.get(..word.len()) {
            Some(head) if head.eq_ignore_ascii_case(word) => {
                let next = rest[word.len()..].chars().next();
                if next.is_some_and(char::is_alphabetic) {
                    return false;
                }
                self.i += word.len();
                true
            }
            _ => false,
        }
    }

    fn spaces(&mut self) -> usize {
        let n = self
            .rest()
            .find(|c: char| c != ' ' && c != '\t' && c != '\u{a0}')
            .unwrap_or(self.rest().len());
        self.i += n;
        n
    }

    /// Between `min` and `max` ASCII digits, not followed by another digit.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let n = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        if n < min || n > max {
            return None;
        }
        let value = self.rest()[..n].parse().ok()?;
        self.i += n;
        Some(value)
    }

    /// Runs `f`; when it fails, puts the cursor back.
    fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let save = self.i;
        let out = f(self);
        if out.is_none() {
            self.i = save;
        }
        out
    }
}

/// Reads a date, a time or both (and a zone) at the start of `text`, after any emphasis
/// or bracket that wraps them.
pub(crate) fn parse_when(text: &str) -> Option<When> {
    let mut c = Cursor { s: text, i: 0 };
    skip_decoration(&mut c);
    c.attempt(|c| {
        // "Thursday, May 2, 2024": the weekday says nothing the date does not.
        for w in WEEKDAYS {
            if c.eat_word_ci(w) || c.eat_word_ci(&w[..3]) {
                c.eat(".");
                c.eat(",");
                c.spaces();
                break;
            }
        }
        let day = c.attempt(date);
        let time = if day.is_some() {
            c.attempt(|c| {
                date_time_separator(c);
                clock(c)
            })
        } else {
            c.attempt(clock)
        };
        if day.is_none() && time.is_none() {
            return None;
        }
        // A date alone must not run into a word ("2024-05-02x" is not a date).
        if time.is_none() && c.peek().is_some_and(is_word_char) {
            return None;
        }
        let zone = if time.is_some() {
            c.attempt(zone_after)
        } else {
            None
        };
        skip_closing(c);
        Some(When {
            day,
            time,
            zone,
            end: c.i,
        })
    })
}

/// Words that make a time approximate ("~23:27", "around 14:00", "約 14:00"): the time is
/// still the row's time.
const APPROXIMATE: &[&str] = &[
    "approximately",
    "approx.",
    "approx",
    "around",
    "about",
    "circa",
    "ca.",
];

fn skip_decoration(c: &mut Cursor<'_>) {
    loop {
        let before = c.i;
        c.spaces();
        for p in [
            "**", "__", "*", "_", "`", "[", "(", "（", "【", "~~", "~", "≈", "大約", "約",
        ] {
            c.eat(p);
        }
        for w in APPROXIMATE {
            if c.attempt(|c| (c.eat_word_ci(w) && c.spaces() > 0).then_some(()))
                .is_some()
            {
                break;
            }
        }
        if c.i == before {
            return;
        }
    }
}

fn skip_closing(c: &mut Cursor<'_>) {
    loop {
        let before = c.i;
        for p in ["**", "__", "*", "_", "`", "]", ")", "）", "】", "~~"] {
            c.eat(p);
        }
        if c.i == before {
            return;
        }
    }
}

fn date_time_separator(c: &mut Cursor<'_>) {
    if c.eat("T") {
        return;
    }
    c.eat(",");
    c.spaces();
    for sep in ["-", "–", "—", "@", "at ", "at\u{a0}"] {
        if c.eat(sep) {
            c.spaces();
            break;
        }
    }
}

/// A date: `2024-05-02`, `2024/5/2`, `2024年5月2日`, `5月2日`, `May 2, 2024`, `2 May 2024`,
/// `May 2`.
fn date(c: &mut Cursor<'_>) -> Option<Day> {
    if let Some(d) = c.attempt(iso_like_date) {
        return Some(d);
    }
    if let Some(d) = c.attempt(numeric_date) {
        return Some(d);
    }
    if let Some(d) = c.attempt(chinese_date) {
        return Some(d);
    }
    if let Some(d) = c.attempt(month_first_date) {
        return Some(d);
    }
    if let Some(d) = c.attempt(day_first_date) {
        return Some(d);
    }
    c.attempt(month_day_before_time)
}

/// A month and day in numbers with no year, right before a time: `[03-26 23:04]` (as logs
/// write it) and `12/7 23:30`. Only before a time: alone, `3/4` is a fraction.
fn month_day_before_time(c: &mut Cursor<'_>) -> Option<Day> {
    let month = c.number(1, 2)?;
    let sep = c.peek().filter(|s| matches!(s, '-' | '/'))?;
    c.i += 1;
    let day = c.number(1, 2)?;
    let _ = sep;
    let save = c.i;
    if c.spaces() == 0 || c.attempt(clock).is_none() {
        return None;
    }
    c.i = save;
    no_year(month, day)
}

fn valid(year: i32, month: u32, day: u32) -> Option<Day> {
    parse_date(&format!("{year:04}-{month:02}-{day:02}")).map(|(y, m, d)| Day::Full(y, m, d))
}

/// Three numbers of these widths joined by one separator (`-`, `/` or `.`), used twice:
/// `2024-05-02`, `02.05.2024`. Returns them and the separator.
fn separated(c: &mut Cursor<'_>, widths: [(usize, usize); 3]) -> Option<([u32; 3], char)> {
    let first = c.number(widths[0].0, widths[0].1)?;
    let sep = c.peek().filter(|s| matches!(s, '-' | '/' | '.'))?;
    c.i += 1;
    let second = c.number(widths[1].0, widths[1].1)?;
    if !c.eat(&sep.to_string()) {
        return None;
    }
    let third = c.number(widths[2].0, widths[2].1)?;
    Some(([first, second, third], sep))
}

fn iso_like_date(c: &mut Cursor<'_>) -> Option<Day> {
    let ([year, month, day], _) = separated(c, [(4, 4), (1, 2), (1, 2)])?;
    valid(i32::try_from(year).ok()?, month, day)
}

/// A date with the year last: `09.01.2024` and `09-01-2024` are day first (as Europe writes
/// them); `14/02/2024` is day first and `02/14/2024` month first, and when both could be a
/// month, `03/05/2024` is read the American way, as March 5.
fn numeric_date(c: &mut Cursor<'_>) -> Option<Day> {
    let ([first, second, year], sep) = separated(c, [(1, 2), (1, 2), (4, 4)])?;
    let year = i32::try_from(year).ok()?;
    if c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
        return None;
    }
    if sep != '/' || first > 12 {
        valid(year, second, first)
    } else {
        valid(year, first, second)
    }
}

fn chinese_date(c: &mut Cursor<'_>) -> Option<Day> {
    let year = c.attempt(|c| {
        let y = c.number(4, 4)?;
        c.spaces();
        c.eat("年").then_some(y)?;
        c.spaces();
        Some(y)
    });
    let month = c.number(1, 2)?;
    c.spaces();
    if !c.eat("月") {
        return None;
    }
    c.spaces();
    let day = c.number(1, 2)?;
    c.spaces();
    if !(c.eat("日") || c.eat("號")) {
        return None;
    }
    match year {
        Some(y) => valid(i32::try_from(y).ok()?, month, day),
        None => no_year(month, day),
    }
}

fn no_year(month: u32, day: u32) -> Option<Day> {
    // 2024 is a leap year, so 29 February passes; the real year is checked later.
    valid(2024, month, day).map(|_| Day::NoYear(month, day))
}

fn month_name(c: &mut Cursor<'_>) -> Option<u32> {
    for (i, m) in MONTHS.iter().enumerate() {
        let month = u32::try_from(i + 1).ok()?;
        if c.eat_word_ci(m) {
            return Some(month);
        }
        if c.eat_word_ci(&m[..3]) || (i == 8 && c.eat_word_ci("sept")) {
            c.eat(".");
            return Some(month);
        }
    }
    None
}

fn ordinal_suffix(c: &mut Cursor<'_>) {
    for s in ["st", "nd", "rd", "th"] {
        if c.eat_word_ci(s) {
            return;
        }
    }
}

fn year_after(c: &mut Cursor<'_>) -> Option<u32> {
    c.attempt(|c| {
        c.eat(",");
        c.spaces();
        c.number(4, 4)
    })
}

fn month_first_date(c: &mut Cursor<'_>) -> Option<Day> {
    let month = month_name(c)?;
    c.spaces();
    let day = c.number(1, 2)?;
    ordinal_suffix(c);
    match year_after(c) {
        Some(y) => valid(i32::try_from(y).ok()?, month, day),
        None => no_year(month, day),
    }
}

fn day_first_date(c: &mut Cursor<'_>) -> Option<Day> {
    let day = c.number(1, 2)?;
    ordinal_suffix(c);
    c.spaces();
    let month = month_name(c)?;
    match year_after(c) {
        Some(y) => valid(i32::try_from(y).ok()?, month, day),
        None => no_year(month, day),
    }
}

/// A clock time: `14:05`, `14:05:30`, `2:05 PM`, `下午 2:05`.
fn clock(c: &mut Cursor<'_>) -> Option<(u32, u32, u32)> {
    let mut half: Option<bool> = None;
    for (word, pm) in [
        ("上午", false),
        ("早上", false),
        ("凌晨", false),
        ("下午", true),
        ("晚上", true),
        ("傍晚", true),
    ] {
        if c.eat(word) {
            half = Some(pm);
            c.spaces();
            break;
        }
    }
    if half.is_none() && c.eat("中午") {
        c.spaces();
    }
    let mut hour = c.number(1, 2)?;
    if !(c.eat(":") || c.eat("：")) {
        return None;
    }
    let minute = c.number(2, 2)?;
    let second = c
        .attempt(|c| {
            c.eat(":").then_some(())?;
            c.number(2, 2)
        })
        .unwrap_or(0);
    // Fractions of a second say nothing a postmortem needs.
    c.attempt(|c| {
        c.eat(".").then_some(())?;
        c.number(1, 9)
    });
    // "01:39: joins" ends a time with a colon; "10:02:03:04" is no time.
    let colon_ends =
        c.peek() == Some(':') && c.rest()[1..].chars().next().is_none_or(char::is_whitespace);
    if c.peek()
        .is_some_and(|ch| ch.is_ascii_digit() || (ch == ':' && !colon_ends))
    {
        return None;
    }
    if half.is_none() {
        half = c.attempt(|c| {
            c.spaces();
            for (word, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
                if c.eat_word_ci(word) {
                    return Some(pm);
                }
            }
            None
        });
    }
    if let Some(pm) = half {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    (hour < 24 && minute < 60 && second < 60).then_some((hour, minute, second))
}

/// A zone right after a time: `Z`, ` UTC`, ` (UTC+8)`, `+08:00`, ` PDT`, `（台北時間）`.
fn zone_after(c: &mut Cursor<'_>) -> Option<Zone> {
    if c.eat("Z") || c.eat("z") {
        if !c.peek().is_some_and(is_word_char) {
            return Some(Zone::Fixed(0));
        }
        return None;
    }
    if let Some(z) = c.attempt(offset) {
        return Some(z);
    }
    c.spaces();
    let paren = c.eat("(") || c.eat("（");
    c.spaces();
    let zone = zone_token(c, true)?;
    if paren {
        c.spaces();
        if !(c.eat(")") || c.eat("）")) {
            return None;
        }
    }
    Some(zone)
}

/// `+08:00`, `-0700`, `+8`, `−7` (a true minus sign too).
fn offset(c: &mut Cursor<'_>) -> Option<Zone> {
    let sign = if c.eat("+") {
        1
    } else if c.eat("-") || c.eat("\u{2212}") {
        -1
    } else {
        return None;
    };
    let digits = c.rest().bytes().take_while(u8::is_ascii_digit).count();
    let (hours, minutes) = match digits {
        1 | 2 => {
            let h = c.number(1, 2)?;
            let m = c
                .attempt(|c| {
                    c.eat(":").then_some(())?;
                    c.number(2, 2)
                })
                .unwrap_or(0);
            (h, m)
        }
        4 => {
            let hm = c.number(4, 4)?;
            (hm / 100, hm % 100)
        }
        _ => return None,
    };
    if hours > 14 || minutes > 59 || c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let total = i32::try_from(hours * 60 + minutes).ok()?;
    Some(Zone::Fixed(sign * total))
}

/// A zone's name: UTC or GMT with an optional offset, an abbreviation, an IANA name, or a
/// name in Chinese. Right after a clock time, "Pacific" alone names a zone; elsewhere it
/// must be followed by "time" ("Central database" is not a zone).
fn zone_token(c: &mut Cursor<'_>, after_clock: bool) -> Option<Zone> {
    for prefix in ["UTC", "GMT"] {
        if c.eat(prefix) {
            if let Some(z) = c.attempt(offset) {
                return Some(z);
            }
            if c.peek().is_some_and(is_word_char) {
                return None;
            }
            return Some(Zone::Fixed(0));
        }
    }
    for (word, zone) in ZH_ZONES {
        if c.eat(word) {
            return Some(zone.clone());
        }
    }
    for (word, name) in ZH_NAMED {
        if c.eat(word) {
            return Some(Zone::Named((*name).to_owned()));
        }
    }
    if let Some(name) = c.attempt(iana_name) {
        return Some(Zone::Named(name));
    }
    let word: String = c
        .rest()
        .chars()
        .take_while(|ch| ch.is_ascii_alphabetic())
        .collect();
    if let Some((_, minutes, place)) = FIXED.iter().find(|(abbr, _, _)| *abbr == word) {
        c.i += word.len();
        return Some(Zone::Abbrev(*minutes, place));
    }
    if let Some((_, name)) = NAMED.iter().find(|(abbr, _)| *abbr == word) {
        let save = c.i;
        c.i += word.len();
        // "Pacific time" / "Pacific Time": the word after it belongs to the name.
        let has_time = c
            .attempt(|c| {
                c.spaces();
                c.eat_word_ci("time").then_some(())
            })
            .is_some();
        let abbreviation = word.len() == 2;
        if !(abbreviation || has_time || after_clock) {
            c.i = save;
            return None;
        }
        return Some(Zone::Named((*name).to_owned()));
    }
    None
}

/// Old names of the time-zone database that reports still use, with today's name.
const LEGACY_ZONES: &[(&str, &str)] = &[
    ("US/Pacific", "America/Los_Angeles"),
    ("US/Mountain", "America/Denver"),
    ("US/Arizona", "America/Phoenix"),
    ("US/Central", "America/Chicago"),
    ("US/Eastern", "America/New_York"),
    ("US/Alaska", "America/Anchorage"),
    ("US/Hawaii", "Pacific/Honolulu"),
    ("Canada/Pacific", "America/Vancouver"),
    ("Canada/Eastern", "America/Toronto"),
];

/// `America/Los_Angeles`, `Asia/Taipei`, `Etc/UTC`: capitalised parts joined by `/`; an old
/// name such as `US/Pacific` gives today's.
fn iana_name(c: &mut Cursor<'_>) -> Option<String> {
    if let Some((old, name)) = LEGACY_ZONES.iter().find(|(old, _)| {
        c.rest().starts_with(old)
            && !c.rest()[old.len()..]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '/')
    }) {
        c.i += old.len();
        return Some((*name).to_owned());
    }
    const AREAS: [&str; 10] = [
        "Africa",
        "America",
        "Antarctica",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
        "Etc",
    ];
    let start = c.i;
    let area = AREAS
        .iter()
        .find(|a| c.rest().starts_with(&format!("{a}/")))?;
    c.i += area.len() + 1;
    let n = c
        .rest()
        .find(|ch: char| !(ch.is_ascii_alphanumeric() || matches!(ch, '_' | '/' | '-' | '+')))
        .unwrap_or(c.rest().len());
    if n == 0 {
        return None;
    }
    c.i += n;
    Some(c.s[start..c.i].to_owned())
}

/// The first zone named anywhere in a text ("Timeline (all times UTC)", "時間皆為台北時間").
pub(crate) fn find_zone(text: &str) -> Option<Zone> {
    let mut prev: Option<char> = None;
    for (i, ch) in text.char_indices() {
        let boundary = !prev.is_some_and(|p| p.is_ascii_alphanumeric());
        prev = Some(ch);
        if !boundary {
            continue;
        }
        let mut c = Cursor { s: text, i };
        if let Some(z) = zone_token(&mut c, false) {
            if !c.peek().is_some_and(|n| n.is_ascii_alphabetic()) {
                return Some(z);
            }
        }
    }
    None
}

impl Zone {
    /// The zone a draft of a report written in this zone takes: the place's zone for a named
    /// zone or an abbreviation, UTC for UTC; none for a bare offset, which names no place.
    pub(crate) fn draft_zone(&self) -> Option<String> {
        match self {
            Zone::Named(name) => Some(name.clone()),
            Zone::Abbrev(_, place) => Some((*place).to_owned()),
            Zone::Fixed(0) => Some("UTC".to_owned()),
            Zone::Fixed(_) => None,
        }
    }
}

/// Words that say a line is about the zone of the report's times ("All times PDT", "Times
/// are in UTC", "時間皆為台北時間"), so a zone named there holds for the whole report.
const ZONE_NOTE_CUES: &[&str] = &[
    "all times",
    "times are",
    "times in",
    "times shown",
    "time zone",
    "timezone",
    "times:",
    "時間",
    "時區",
];

/// The zone a note anywhere in a text gives the report's times.
pub(crate) fn find_zone_note(text: &str) -> Option<Zone> {
    text.lines().find_map(|line| {
        // A note is short; a long sentence that mentions time zones is about something else.
        if line.split_whitespace().count() > 16 {
            return None;
        }
        let lower = line.to_lowercase();
        ZONE_NOTE_CUES
            .iter()
            .any(|cue| lower.contains(cue))
            .then(|| find_zone(line))
            .flatten()
    })
}

/// Places whose name alone stands for their zone in a time column's header ("時間（台北／
/// 美西）", "Time (Taipei / PT)"); in prose a place names a data centre, not a zone.
const PLACES: &[(&str, &str)] = &[
    ("台北", "Asia/Taipei"),
    ("臺北", "Asia/Taipei"),
    ("台灣", "Asia/Taipei"),
    ("臺灣", "Asia/Taipei"),
    ("美西", "America/Los_Angeles"),
    ("美東", "America/New_York"),
    ("東京", "Asia/Tokyo"),
    ("香港", "Asia/Hong_Kong"),
    ("新加坡", "Asia/Singapore"),
    ("北京", "Asia/Shanghai"),
    ("上海", "Asia/Shanghai"),
    ("Taipei", "Asia/Taipei"),
    ("Tokyo", "Asia/Tokyo"),
    ("Singapore", "Asia/Singapore"),
    ("London", "Europe/London"),
    ("Berlin", "Europe/Berlin"),
    ("Paris", "Europe/Paris"),
];

/// The zone a time column's header names: a zone, or else the first place it names.
pub(crate) fn find_column_zone(header: &str) -> Option<Zone> {
    find_zone(header).or_else(|| {
        PLACES
            .iter()
            .filter_map(|(place, zone)| header.find(place).map(|at| (at, *zone)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, zone)| Zone::Named(zone.to_owned()))
    })
}

/// The first zone written right after a time anywhere in a text ("14:05 至 15:20（台北時間）",
/// "at 09:12 UTC"): how a report says what zone its times are in. A zone word alone
/// ("CT", "PT") is not enough, since it may mean something else in prose.
pub(crate) fn find_timed_zone(text: &str) -> Option<Zone> {
    let mut prev: Option<char> = None;
    for (i, ch) in text.char_indices() {
        let boundary = !prev.is_some_and(is_word_char);
        prev = Some(ch);
        if !boundary || !ch.is_ascii_digit() {
            continue;
        }
        let mut c = Cursor { s: text, i };
        if c.attempt(clock).is_some() {
            if let Some(z) = c.attempt(zone_after) {
                return Some(z);
            }
        }
    }
    None
}

/// The first full date written anywhere in a text ("Timeline — 2024-05-02").
pub(crate) fn find_day(text: &str) -> Option<Day> {
    let mut prev: Option<char> = None;
    for (i, ch) in text.char_indices() {
        let boundary = !prev.is_some_and(is_word_char);
        prev = Some(ch);
        if !boundary || !(ch.is_ascii_alphanumeric()) {
            continue;
        }
        let mut c = Cursor { s: text, i };
        if let Some(d) = c.attempt(date) {
            if !c.peek().is_some_and(is_word_char) {
                return Some(d);
            }
        }
    }
    None
}

/// A due date in any form [`parse_when`] reads, as `YYYY-MM-DD`; a date without a year takes
/// `year`.
pub(crate) fn due_date(text: &str, year: Option<i32>) -> Option<String> {
    let w = parse_when(text)?;
    if w.time.is_some() || !text[w.end..].trim().is_empty() {
        return None;
    }
    let (y, m, d) = match w.day? {
        Day::Full(y, m, d) => (y, m, d),
        Day::NoYear(m, d) => (year?, m, d),
    };
    parse_date(&format!("{y:04}-{m:02}-{d:02}")).map(|_| format!("{y:04}-{m:02}-{d:02}"))
}

/// The day after a date.
pub(crate) fn next_day((y, m, d): (i32, u32, u32)) -> (i32, u32, u32) {
    civil_from_days(days_from_civil(y, m, d) + 1)
}

/// The UTC instant of a wall time read in `zone`.
pub(crate) fn instant(
    local: LocalDateTime,
    zone: &Zone,
    offset_at: &dyn Fn(&str, i64) -> i32,
) -> i64 {
    match zone {
        Zone::Fixed(minutes) | Zone::Abbrev(minutes, _) => {
            local.as_epoch_seconds() - i64::from(*minutes) * 60
        }
        Zone::Named(name) => Timestamp::from_local(local, |utc| offset_at(name, utc)).utc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = (Option<Day>, Option<(u32, u32, u32)>, Option<Zone>);

    fn when(text: &str) -> Option<Read> {
        parse_when(text).map(|w| (w.day, w.time, w.zone))
    }

    #[test]
    fn common_forms_of_dates_and_times_are_read() {
        use Day::*;
        let utc = Some(Zone::Fixed(0));
        assert_eq!(
            when("2024-05-02 14:05 UTC — Investigating"),
            Some((Some(Full(2024, 5, 2)), Some((14, 5, 0)), utc.clone()))
        );
        assert_eq!(
            when("2024-05-02T14:05:30Z"),
            Some((Some(Full(2024, 5, 2)), Some((14, 5, 30)), utc.clone()))
        );
        assert_eq!(
            when("May 02, 2024 - 15:10 UTC"),
            Some((Some(Full(2024, 5, 2)), Some((15, 10, 0)), utc.clone()))
        );
        assert_eq!(
            when("Thursday, 2 May 2024 at 3:10 pm PDT"),
            Some((
                Some(Full(2024, 5, 2)),
                Some((15, 10, 0)),
                Some(Zone::Abbrev(-420, "America/Los_Angeles"))
            ))
        );
        assert_eq!(
            when("**14:51** News reports"),
            Some((None, Some((14, 51, 0)), None))
        );
        assert_eq!(
            when("2024年5月2日 下午 2:05（UTC+8）"),
            Some((
                Some(Full(2024, 5, 2)),
                Some((14, 5, 0)),
                Some(Zone::Fixed(480))
            ))
        );
        assert_eq!(
            when("5月2日 09:30 台北時間"),
            Some((
                Some(NoYear(5, 2)),
                Some((9, 30, 0)),
                Some(Zone::Named("Asia/Taipei".into()))
            ))
        );
        assert_eq!(
            when("12:15am PT"),
            Some((
                None,
                Some((0, 15, 0)),
                Some(Zone::Named("America/Los_Angeles".into()))
            ))
        );
        assert_eq!(
            when("10:02-07:00 deploy"),
            Some((None, Some((10, 2, 0)), Some(Zone::Fixed(-420))))
        );
        assert_eq!(
            when("2015-10-21 (all times UTC)"),
            Some((Some(Full(2015, 10, 21)), None, None))
        );
    }

    #[test]
    fn things_that_are_not_times_are_not_read_as_times() {
        for text in [
            "2. Impact",
            "1:1 with the team",
            "25:00 is not a time",
            "May we suggest",
            "2024-13-01",
            "2024-05-02x",
            "10:305",
            "Root cause",
            "",
        ] {
            assert_eq!(parse_when(text), None, "{text}");
        }
    }

    #[test]
    fn zones_are_found_in_notes_and_headings() {
        assert_eq!(find_zone("Timeline (all times UTC)"), Some(Zone::Fixed(0)));
        assert_eq!(
            find_zone("All times are Pacific Time"),
            Some(Zone::Named("America/Los_Angeles".into()))
        );
        assert_eq!(
            find_zone("時間線（台北時間）"),
            Some(Zone::Named("Asia/Taipei".into()))
        );
        assert_eq!(find_zone("時間軸（UTC+8）"), Some(Zone::Fixed(480)));
        assert_eq!(
            find_zone("Times are in Asia/Taipei (UTC+08:00)."),
            Some(Zone::Named("Asia/Taipei".into()))
        );
        assert_eq!(find_zone("Between us"), None);
        assert_eq!(find_zone("ETA unknown; CUT over"), None);
        assert_eq!(
            find_day("Timeline — May 2, 2024"),
            Some(Day::Full(2024, 5, 2))
        );
        assert_eq!(
            due_date("June 1, 2024", None).as_deref(),
            Some("2024-06-01")
        );
        assert_eq!(
            due_date("6月1日", Some(2024)).as_deref(),
            Some("2024-06-01")
        );
        assert_eq!(due_date("Q3 2024", None), None);
        assert_eq!(next_day((2024, 2, 29)), (2024, 3, 1));
    }
}
