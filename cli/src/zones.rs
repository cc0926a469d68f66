//! Time zones and today's date, which the core asks its environment for (`offset_at`,
//! `today`): here from the `jiff` crate, which reads the system's time zone database
//! (`/usr/share/zoneinfo`, or `TZDIR`). With the `bundled-tzdb` feature (on by default) a
//! copy of the database is built in and used when the system has none, as on minimal CI
//! images without tzdata.

/// The offset from UTC, in minutes, of `zone` (an IANA name) at the instant `utc` (seconds
/// since the epoch): what the browser's `Intl` answers in the app. An unknown zone or an
/// instant out of range reads as UTC.
pub fn offset_at(zone: &str, utc: i64) -> i32 {
    let Ok(tz) = jiff::tz::TimeZone::get(zone) else {
        return 0;
    };
    let Ok(at) = jiff::Timestamp::from_second(utc) else {
        return 0;
    };
    tz.to_offset(at).seconds() / 60
}

/// The system's zone by its IANA name (`TZ`, else `/etc/localtime`), or `UTC`.
pub fn system_zone() -> String {
    jiff::tz::TimeZone::try_system()
        .ok()
        .and_then(|tz| tz.iana_name().map(str::to_owned))
        .unwrap_or_else(|| "UTC".to_owned())
}

/// Today's date in the system's zone, `YYYY-MM-DD`.
pub fn today() -> String {
    jiff::ZonedDateTime::now().date().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_daylight_saving_time() {
        // 2023-03-20 09:00 UTC: Los Angeles is on PDT, Taipei has no DST, Berlin is on CET.
        let t = 1_679_302_800;
        assert_eq!(offset_at("America/Los_Angeles", t), -420);
        assert_eq!(offset_at("Asia/Taipei", t), 480);
        assert_eq!(offset_at("Europe/Berlin", t), 60);
        // 2023-01-10: PST.
        assert_eq!(offset_at("America/Los_Angeles", 1_673_341_200), -480);
        assert_eq!(offset_at("Asia/Kolkata", t), 330);
        assert_eq!(offset_at("Not/A_Zone", t), 0);
        assert_eq!(offset_at("UTC", t), 0);
    }

    #[test]
    fn today_is_a_date() {
        assert!(hindsight_core::time::parse_date(&today()).is_some());
    }
}
