//! Time zones through the browser's `Intl`: the domain has no zone database. Plain `js_sys`,
//! so the worker (`src/worker.rs`) includes this file too: both read reports' times alike.

use std::cell::RefCell;

use hindsight_core::time::LocalDateTime;
use wasm_bindgen::{JsCast, JsValue};

/// The browser's own IANA time zone, such as `Europe/Berlin`.
pub fn browser_time_zone() -> String {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "UTC".into())
}

/// Whether the browser knows a time-zone name.
pub fn is_valid_time_zone(zone: &str) -> bool {
    zone_formatter(zone).is_some()
}

/// Offsets in the zones a text names, each zone's formatter made once: a folder of 2,000
/// postmortems asks for thousands of offsets, and making a formatter costs more than using
/// one.
#[derive(Default)]
pub struct Zones {
    formatters: RefCell<Vec<(String, Option<js_sys::Intl::DateTimeFormat>)>>,
}

impl Zones {
    /// [`zone_offset_minutes`], with the zone's formatter kept for the next call.
    pub fn offset_minutes(&self, zone: &str, utc: i64) -> i32 {
        let mut formatters = self.formatters.borrow_mut();
        let at = match formatters.iter().position(|(z, _)| z == zone) {
            Some(i) => i,
            None => {
                formatters.push((zone.to_owned(), zone_formatter(zone)));
                formatters.len() - 1
            }
        };
        offset_with(formatters[at].1.as_ref(), utc)
    }
}

fn zone_formatter(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    if zone.trim().is_empty() {
        return None;
    }
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    set("timeZone", zone.trim());
    set("hourCycle", "h23");
    for part in ["year", "month", "day", "hour", "minute", "second"] {
        set(part, if part == "year" { "numeric" } else { "2-digit" });
    }
    let locales = js_sys::Array::of1(&JsValue::from_str("en-US"));
    // An unknown zone makes the constructor throw a RangeError, so it is called through
    // Reflect, which turns the exception into an error instead of a trap.
    let intl = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let ctor: js_sys::Function = js_sys::Reflect::get(&intl, &JsValue::from_str("DateTimeFormat"))
        .ok()?
        .dyn_into()
        .ok()?;
    let made = js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&locales, &options)).ok()?;
    Some(made.unchecked_into())
}

/// The offset in minutes east of UTC that `zone` has at the instant `utc` (seconds).
///
/// The domain has no zone database; the browser's `Intl` does. An unknown zone falls back to
/// the browser's own offset.
pub fn zone_offset_minutes(zone: &str, utc: i64) -> i32 {
    offset_with(zone_formatter(zone).as_ref(), utc)
}

fn offset_with(format: Option<&js_sys::Intl::DateTimeFormat>, utc: i64) -> i32 {
    let date = js_sys::Date::new(&JsValue::from_f64((utc * 1000) as f64));
    let Some(format) = format else {
        return -(date.get_timezone_offset() as i32);
    };
    let parts = format.format_to_parts(&date);
    let mut fields = [0i64; 6];
    for part in parts.iter() {
        let get = |k: &str| {
            js_sys::Reflect::get(&part, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let index = match get("type").as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        fields[index] = get("value").parse().unwrap_or(0);
    }
    let wall = LocalDateTime {
        year: fields[0] as i32,
        month: fields[1] as u32,
        day: fields[2] as u32,
        hour: (fields[3] % 24) as u32,
        minute: fields[4] as u32,
        second: fields[5] as u32,
    };
    ((wall.as_epoch_seconds() - utc) / 60) as i32
}
