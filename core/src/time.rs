//! Instants and civil dates without a time-zone database.
//!
//! The browser knows every zone's rules; the domain only does arithmetic on UTC instants and
//! explicit offsets. A [`Timestamp`] is a UTC instant together with the offset the draft's zone
//! had at that instant, written as RFC 3339 (`2023-03-20T01:00:00-07:00`), so the document alone
//! says both when something happened and how to show it.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A UTC instant (seconds since the Unix epoch) and the local offset to show it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub utc: i64,
    /// Minutes east of UTC of the draft's zone at this instant.
    pub offset_minutes: i32,
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    /// Ordered by instant; the offset only breaks ties so the order is total.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.utc, self.offset_minutes).cmp(&(other.utc, other.offset_minutes))
    }
}

/// A calendar date and wall-clock time with no zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalDateTime {
    /// Year, such as 2023.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of month, 1 to 31.
    pub day: u32,
    /// Hour, 0 to 23.
    pub hour: u32,
    /// Minute, 0 to 59.
    pub minute: u32,
    /// Second, 0 to 59.
    pub second: u32,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl LocalDateTime {
    /// Seconds since the epoch if this wall time were UTC.
    pub fn as_epoch_seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }

    /// The wall time of an epoch second count read as UTC.
    pub fn from_epoch_seconds(secs: i64) -> Self {
        let (year, month, day) = civil_from_days(secs.div_euclid(86_400));
        let rem = secs.rem_euclid(86_400);
        Self {
            year,
            month,
            day,
            hour: (rem / 3600) as u32,
            minute: (rem % 3600 / 60) as u32,
            second: (rem % 60) as u32,
        }
    }

    /// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may replace the `T`),
    /// as `<input type="datetime-local">` gives it.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (date, time) = text.split_once(['T', ' '])?;
        let (year, month, day) = parse_date(date)?;
        let mut parts = time.split(':');
        let hour: u32 = parse_fixed(parts.next()?, 2)?;
        let minute: u32 = parse_fixed(parts.next()?, 2)?;
        let second: u32 = match parts.next() {
            Some(s) => parse_fixed(s, 2)?,
            None => 0,
        };
        if parts.next().is_some() || hour > 23 || minute > 59 || second > 59 {
            return None;
        }
        Some(Self {
            year,
            month,
            day,
            hour,
            minute,
            second,
        })
    }

    /// `YYYY-MM-DDTHH:MM`, the value format of `<input type="datetime-local">`.
    pub fn to_input_value(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }

    /// `YYYY-MM-DD`.
    pub fn date_string(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
    pub fn time_string(&self) -> String {
        if self.second == 0 {
            format!("{:02}:{:02}", self.hour, self.minute)
        } else {
            format!("{:02}:{:02}:{:02}", self.hour, self.minute, self.second)
        }
    }
}

fn parse_fixed(text: &str, len: usize) -> Option<u32> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Parses a `YYYY-MM-DD` date and checks that the day exists.
pub fn parse_date(text: &str) -> Option<(i32, u32, u32)> {
    let mut parts = text.trim().split('-');
    let year = parse_fixed(parts.next()?, 4)? as i32;
    let month = parse_fixed(parts.next()?, 2)?;
    let day = parse_fixed(parts.next()?, 2)?;
    if parts.next().is_some() || !(1..=12).contains(&month) {
        return None;
    }
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some((year, month, day))
}

impl Timestamp {
    /// The wall time in the stored offset.
    pub fn local(&self) -> LocalDateTime {
        LocalDateTime::from_epoch_seconds(self.utc + i64::from(self.offset_minutes) * 60)
    }

    /// Converts a wall time in a zone to an instant, given the zone's offset at any instant.
    ///
    /// In a gap (spring forward) the wall time is read with the offset before the change; in
    /// an overlap (fall back) the earlier instant wins, as browsers do.
    pub fn from_local(local: LocalDateTime, offset_at: impl Fn(i64) -> i32) -> Self {
        let wall = local.as_epoch_seconds();
        let first = offset_at(wall);
        let guess = wall - i64::from(first) * 60;
        let second = offset_at(guess);
        if second == first {
            return Self {
                utc: guess,
                offset_minutes: first,
            };
        }
        let other = wall - i64::from(second) * 60;
        if offset_at(other) == second {
            // Both readings exist (an overlap): take the earlier instant.
            let (utc, offset_minutes) = if other < guess {
                (other, second)
            } else {
                (guess, first)
            };
            return Self {
                utc,
                offset_minutes,
            };
        }
        // A gap: keep the offset from before the change.
        let before = first.min(second);
        let utc = wall - i64::from(before) * 60;
        Self {
            utc,
            offset_minutes: offset_at(utc),
        }
    }

    /// RFC 3339 with the local offset, such as `2023-03-20T01:00:00-07:00`.
    pub fn to_rfc3339(&self) -> String {
        let l = self.local();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
            l.year,
            l.month,
            l.day,
            l.hour,
            l.minute,
            l.second,
            format_offset(self.offset_minutes, true)
        )
    }

    /// Parses RFC 3339 with `Z` or a `±HH:MM` offset.
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        let text = text.trim();
        let (wall, offset_minutes) = if let Some(wall) = text.strip_suffix(['Z', 'z']) {
            (wall, 0)
        } else {
            let split = text.len().checked_sub(6)?;
            let (wall, off) = text.split_at_checked(split)?;
            let sign = match off.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (h, m) = off.get(1..)?.split_once(':')?;
            let h = parse_fixed(h, 2)? as i32;
            let m = parse_fixed(m, 2)? as i32;
            if h > 23 || m > 59 {
                return None;
            }
            (wall, sign * (h * 60 + m))
        };
        let local = LocalDateTime::parse(wall)?;
        Some(Self {
            utc: local.as_epoch_seconds() - i64::from(offset_minutes) * 60,
            offset_minutes,
        })
    }
}

/// `UTC−07:00` for display (with a true minus sign), or `-07:00` for RFC 3339.
pub fn format_offset(offset_minutes: i32, rfc3339: bool) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    let body = format!("{:02}:{:02}", abs / 60, abs % 60);
    if rfc3339 {
        format!("{sign}{body}")
    } else {
        let sign = if offset_minutes < 0 { '\u{2212}' } else { '+' };
        format!("UTC{sign}{body}")
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse_rfc3339(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an RFC 3339 time: {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_covers_leap_years_and_epoch_edges() {
        for days in [-719_468, -1, 0, 1, 10_957, 19_436, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(2000, 2, 29), 11_016);
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
    }

    #[test]
    fn rfc3339_keeps_instant_and_offset() {
        let ts = Timestamp::parse_rfc3339("2023-03-20T01:00:00-07:00").expect("parses");
        assert_eq!(ts.offset_minutes, -420);
        assert_eq!(ts.to_rfc3339(), "2023-03-20T01:00:00-07:00");
        let utc = Timestamp::parse_rfc3339("2023-03-20T08:00:00Z").expect("parses");
        assert_eq!(utc.utc, ts.utc);
        assert_eq!(utc.to_rfc3339(), "2023-03-20T08:00:00+00:00");
        assert_eq!(Timestamp::parse_rfc3339("2023-03-20T08:00:00+25:00"), None);
        assert_eq!(Timestamp::parse_rfc3339("nonsense"), None);
    }
}
