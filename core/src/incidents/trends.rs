//! Trends (趨勢): incidents per month by severity, and time to detect and to resolve over
//! time, each as data, as an SVG chart and as a table for screen readers, in both languages.
//! [`trends`] counts each incident once (two languages of one are one,
//! [`super::translations`]) over a [`TrendRange`] of months up to an injected today, so the
//! time axis starts at the first month with data in the range shown.

use std::fmt::Write;

use super::index::Summary;
use super::svg::{self, esc, num, Legend, Swatch, BOTTOM, LEFT, RIGHT, TOP};
use super::translations::once_per_incident;
use super::words as t;
use crate::choice::Choice;
use crate::document::{Language, Severity};
use crate::report::{display_title, format_duration, TIME_TO_DETECT, TIME_TO_RESOLVE};
use crate::time::{civil_from_days, days_from_civil, parse_date};
use crate::words::Words;

/// Longest run of months filled in with empty ones: three years of bars stay readable in
/// a card. Past it (one old incident, a mistyped year) only the months that have incidents
/// are shown, so a single date cannot turn the chart into slivers and the table into a
/// hundred empty rows.
const MAX_FILLED_MONTHS: i64 = 36;
/// Most month labels under the bars: "2024-01" is about 45 units wide, the plot about 430.
const MAX_MONTH_LABELS: usize = 7;

/// One month's incidents by severity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthRow {
    /// `YYYY-MM`.
    pub month: String,
    /// Incidents of SEV1 to SEV5, in that order.
    pub by_severity: [usize; 5],
    /// Incidents with no severity set.
    pub no_severity: usize,
}

impl MonthRow {
    /// Every incident of the month.
    pub fn total(&self) -> usize {
        self.by_severity.iter().sum::<usize>() + self.no_severity
    }
}

/// Incidents per month, in order, with the months between filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PerMonth {
    /// The months, oldest first.
    pub months: Vec<MonthRow>,
    /// Incidents without a valid incident date, which no month counts.
    pub undated: usize,
}

/// Which incidents the trends show, by incident date: the last months up to today's, or all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TrendRange {
    /// This month and the eleven before it.
    #[default]
    Last12Months,
    /// This month and the twenty-three before it.
    Last24Months,
    /// Every incident.
    AllTime,
}

/// Each range: its stored value, its label, and how many months it spans (`None`: all).
const RANGES: &[(TrendRange, &str, Words, Option<i64>)] = &[
    (TrendRange::Last12Months, "12", t::LAST_12_MONTHS, Some(12)),
    (TrendRange::Last24Months, "24", t::LAST_24_MONTHS, Some(24)),
    (TrendRange::AllTime, "all", t::ALL_TIME, None),
];

impl TrendRange {
    fn row(self) -> &'static (TrendRange, &'static str, Words, Option<i64>) {
        RANGES.iter().find(|r| r.0 == self).unwrap_or(&RANGES[0])
    }

    /// How many months it spans, up to today's; `None` for all time.
    pub fn months(self) -> Option<i64> {
        self.row().3
    }
}

impl Choice for TrendRange {
    const ALL: &'static [Self] = &[
        TrendRange::Last12Months,
        TrendRange::Last24Months,
        TrendRange::AllTime,
    ];
    const OPTIONS: &'static [(&'static str, Words)] = &[
        ("12", t::LAST_12_MONTHS),
        ("24", t::LAST_24_MONTHS),
        ("all", t::ALL_TIME),
    ];

    fn value(self) -> &'static str {
        self.row().1
    }

    fn words(self) -> Words {
        self.row().2
    }
}

/// A month as one number, for spans: twelve per year.
fn month_ordinal((y, m): (i32, u32)) -> i64 {
    i64::from(y) * 12 + i64::from(m) - 1
}

/// What the trends show of the drafts over a range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trends {
    /// Incidents per month by severity.
    pub per_month: PerMonth,
    /// Time to detect and to resolve per incident.
    pub durations: Vec<DurationPoint>,
}

/// The trends of `summaries` over `range`, `today` being the local date (`YYYY-MM-DD`,
/// injected): each incident once (of its translations, the one that tells the most), those
/// dated in the range's months up to today's (a date after today's month is outside any
/// range but all time). With a range, the months run from the first with an incident in it
/// to today's, so recent quiet months show as such; all time ends at the last incident.
/// Incidents without a date are counted in the note whatever the range.
pub fn trends(summaries: &[Summary], range: TrendRange, today: &str) -> Trends {
    let once = once_per_incident(summaries);
    let now = parse_date(today).map(|(y, m, _)| month_ordinal((y, m)));
    let window = range.months().zip(now).map(|(n, now)| (now - n + 1, now));
    let shown: Vec<&Summary> = once
        .into_iter()
        .filter(|s| match (window, parse_date(&s.incident_date)) {
            (Some((from, to)), Some((y, m, _))) => (from..=to).contains(&month_ordinal((y, m))),
            _ => true,
        })
        .collect();
    Trends {
        per_month: per_month_of(&shown, window.map(|(_, to)| to)),
        durations: durations_of(&shown),
    }
}

/// Counts incidents per month of their incident date, by severity, every draft counted.
pub fn incidents_per_month(summaries: &[Summary]) -> PerMonth {
    per_month_of(&summaries.iter().collect::<Vec<_>>(), None)
}

/// Incidents per month of `summaries`, the months filled in from the first with an
/// incident to the last, or to the month `until` (an ordinal) when given.
fn per_month_of(summaries: &[&Summary], until: Option<i64>) -> PerMonth {
    let mut counted: std::collections::BTreeMap<(i32, u32), MonthRow> = Default::default();
    let mut undated = 0;
    for s in summaries {
        let Some((y, m, _)) = parse_date(&s.incident_date) else {
            undated += 1;
            continue;
        };
        let row = counted.entry((y, m)).or_insert_with(|| MonthRow {
            month: format!("{y:04}-{m:02}"),
            ..MonthRow::default()
        });
        match s.severity {
            Some(sev) => row.by_severity[severity_slot(sev)] += 1,
            None => row.no_severity += 1,
        }
    }
    let (Some(&first), Some(&last)) = (counted.keys().next(), counted.keys().next_back()) else {
        return PerMonth {
            months: Vec::new(),
            undated,
        };
    };
    let ordinal = month_ordinal;
    let end = until.map_or(ordinal(last), |u| u.max(ordinal(last)));
    let span = end - ordinal(first);
    let months = if span < MAX_FILLED_MONTHS {
        (ordinal(first)..=end)
            .map(|o| {
                let key = (o.div_euclid(12) as i32, o.rem_euclid(12) as u32 + 1);
                counted.remove(&key).unwrap_or_else(|| MonthRow {
                    month: format!("{:04}-{:02}", key.0, key.1),
                    ..MonthRow::default()
                })
            })
            .collect()
    } else {
        counted.into_values().collect()
    };
    PerMonth { months, undated }
}

fn severity_slot(severity: Severity) -> usize {
    Severity::ALL
        .iter()
        .position(|s| *s == severity)
        .unwrap_or(0)
}

/// One incident's time to detect and to resolve, for the chart over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationPoint {
    /// The draft's id.
    pub id: String,
    /// Its title as typed.
    pub title: String,
    /// Its incident date, `YYYY-MM-DD`.
    pub incident_date: String,
    /// Time to detect in seconds.
    pub time_to_detect: Option<i64>,
    /// Time to resolve in seconds.
    pub time_to_resolve: Option<i64>,
}

/// The incidents with an incident date and at least one of the two durations, by date.
/// A negative duration (an impossible timeline, which the review reports) is left out.
pub fn durations_over_time(summaries: &[Summary]) -> Vec<DurationPoint> {
    durations_of(&summaries.iter().collect::<Vec<_>>())
}

fn durations_of(summaries: &[&Summary]) -> Vec<DurationPoint> {
    let mut points: Vec<DurationPoint> = summaries
        .iter()
        .filter(|s| parse_date(&s.incident_date).is_some())
        .map(|s| DurationPoint {
            id: s.id.clone(),
            title: s.title.clone(),
            incident_date: s.incident_date.trim().to_owned(),
            time_to_detect: s.time_to_detect.filter(|v| *v >= 0),
            time_to_resolve: s.time_to_resolve.filter(|v| *v >= 0),
        })
        .filter(|p| p.time_to_detect.is_some() || p.time_to_resolve.is_some())
        .collect();
    crate::sort::sort_by(&mut points, |a, b| {
        a.incident_date
            .cmp(&b.incident_date)
            .then_with(|| a.id.cmp(&b.id))
    });
    points
}

/// A chart's data as a table, the alternative for screen readers (and a fine table for
/// everyone): the UI renders it as `<table>` with the caption, headers and rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartTable {
    /// The table's caption: the chart's title.
    pub caption: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows of cells, as text.
    pub rows: Vec<Vec<String>>,
    /// A note under the table (what was not counted), if any.
    pub note: Option<String>,
}

fn severity_headers(lang: Language) -> Vec<String> {
    Severity::ALL
        .iter()
        .map(|s| s.label(lang).to_owned())
        .chain([t::NO_SEVERITY.get(lang).to_owned()])
        .collect()
}

fn undated_note(undated: usize, lang: Language) -> Option<String> {
    (undated > 0).then(|| t::UNDATED.fill(lang, &[&undated.to_string()]))
}

/// Incidents per month as a table: a row per month, a column per severity, and the total.
pub fn per_month_table(data: &PerMonth, lang: Language) -> ChartTable {
    let mut headers = vec![t::MONTH.get(lang).to_owned()];
    headers.extend(severity_headers(lang));
    headers.push(t::TOTAL.get(lang).to_owned());
    let rows = data
        .months
        .iter()
        .map(|m| {
            let mut row = vec![m.month.clone()];
            row.extend(m.by_severity.iter().map(usize::to_string));
            row.push(m.no_severity.to_string());
            row.push(m.total().to_string());
            row
        })
        .collect();
    ChartTable {
        caption: t::INCIDENTS_PER_MONTH.get(lang).to_owned(),
        headers,
        rows,
        note: undated_note(data.undated, lang),
    }
}

/// Time to detect and to resolve as a table: a row per incident, by date.
pub fn durations_table(points: &[DurationPoint], lang: Language) -> ChartTable {
    let duration = |v: Option<i64>| v.map_or_else(|| "—".to_owned(), |s| format_duration(s, lang));
    ChartTable {
        caption: t::DETECT_RESOLVE_OVER_TIME.get(lang).to_owned(),
        headers: vec![
            crate::FieldId::IncidentDate.label(lang).to_owned(),
            t::INCIDENT.get(lang).to_owned(),
            TIME_TO_DETECT.get(lang).to_owned(),
            TIME_TO_RESOLVE.get(lang).to_owned(),
        ],
        rows: points
            .iter()
            .map(|p| {
                vec![
                    p.incident_date.clone(),
                    display_title(&p.title, lang).to_owned(),
                    duration(p.time_to_detect),
                    duration(p.time_to_resolve),
                ]
            })
            .collect(),
        note: None,
    }
}

/// Colours of SEV1 to SEV5 and of no severity: the Okabe–Ito palette, told apart with any
/// colour vision; the table carries the same numbers for those who cannot see it.
const SEVERITY_COLOURS: [&str; 6] = [
    "#D55E00", "#E69F00", "#CC79A7", "#56B4E9", "#009E73", "#999999",
];
/// Colour of time to detect.
const DETECT_COLOUR: &str = "#0072B2";
/// Colour of time to resolve.
const RESOLVE_COLOUR: &str = "#D55E00";

/// Incidents per month as stacked bars, one colour per severity, as a self-contained SVG.
pub fn per_month_svg(data: &PerMonth, lang: Language) -> String {
    let title = t::INCIDENTS_PER_MONTH.get(lang);
    let mut out = String::new();
    svg::open(
        &mut out,
        "hs-chart hs-per-month",
        title,
        t::PER_MONTH_DESC.get(lang),
    );
    let labels = severity_headers(lang);
    let mut legend = Legend::new();
    for (label, colour) in labels.iter().zip(SEVERITY_COLOURS) {
        legend.add(&mut out, colour, Swatch::Square, label);
    }
    let max = data.months.iter().map(MonthRow::total).max().unwrap_or(0);
    if max == 0 {
        svg::empty(&mut out, t::NO_CHART_DATA.get(lang));
        out.push_str("</svg>");
        return out;
    }
    let step = svg::nice_step(max as f64).max(1.0).ceil();
    let top_value = (max as f64 / step).ceil() * step;
    let y_of = |v: f64| BOTTOM - (BOTTOM - TOP) * v / top_value;
    let mut v = 0.0;
    while v <= top_value {
        svg::grid_line(&mut out, y_of(v), &num(v));
        v += step;
    }
    let n = data.months.len();
    let slot = (RIGHT - LEFT) / n as f64;
    let bar = (slot * 0.7).min(48.0);
    // Label every month when they fit, else every k-th, and the last when it has room.
    let every = n.div_ceil(MAX_MONTH_LABELS).max(1);
    let last_fits = (n - 1).is_multiple_of(every) || (n - 1) % every * 2 >= every;
    for (i, m) in data.months.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let mut base = 0.0;
        let counts = m.by_severity.iter().chain([&m.no_severity]);
        for ((count, colour), label) in counts.zip(SEVERITY_COLOURS).zip(&labels) {
            if *count == 0 {
                continue;
            }
            let (y0, y1) = (y_of(base), y_of(base + *count as f64));
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\">\
<title>{} · {}: {count}</title></rect>",
                num(x),
                num(y1),
                num(bar),
                num(y0 - y1),
                esc(&m.month),
                esc(label),
            );
            base += *count as f64;
        }
        if i % every == 0 || (i + 1 == n && last_fits) {
            svg::text(&mut out, x + bar / 2.0, BOTTOM + 16.0, "middle", &m.month);
        }
    }
    if let Some(note) = undated_note(data.undated, lang) {
        svg::text(&mut out, LEFT, BOTTOM + 36.0, "start", &note);
    }
    out.push_str("</svg>");
    out
}

/// One line of the durations chart: its value, colour, whether dashed, and its name.
type Series = (fn(&DurationPoint) -> Option<i64>, &'static str, bool, Words);

/// The unit the value axis counts in, chosen so the numbers stay small.
fn unit_for(max_seconds: i64) -> (f64, Words) {
    if max_seconds < 2 * 3600 {
        (60.0, t::MINUTES)
    } else if max_seconds < 72 * 3600 {
        (3600.0, t::HOURS)
    } else {
        (86_400.0, t::DAYS)
    }
}

/// Time to detect (dashed, circles) and to resolve (solid, squares) per incident, placed
/// by incident date, as a self-contained SVG. Shapes and dashes, not only colours, tell
/// the two apart.
pub fn durations_svg(points: &[DurationPoint], lang: Language) -> String {
    let title = t::DETECT_RESOLVE_OVER_TIME.get(lang);
    let mut out = String::new();
    svg::open(
        &mut out,
        "hs-chart hs-durations",
        title,
        t::DURATIONS_DESC.get(lang),
    );
    let mut legend = Legend::new();
    let detect = TIME_TO_DETECT.get(lang);
    legend.add(
        &mut out,
        DETECT_COLOUR,
        Swatch::Line { dashed: true },
        detect,
    );
    let resolve = TIME_TO_RESOLVE.get(lang);
    legend.add(
        &mut out,
        RESOLVE_COLOUR,
        Swatch::Line { dashed: false },
        resolve,
    );
    let dated: Vec<(i64, &DurationPoint)> = points
        .iter()
        .filter_map(|p| {
            let (y, m, d) = parse_date(&p.incident_date)?;
            Some((days_from_civil(y, m, d), p))
        })
        .collect();
    let max = dated
        .iter()
        .flat_map(|(_, p)| [p.time_to_detect, p.time_to_resolve])
        .flatten()
        .max();
    let (Some(max), Some(first), Some(last)) = (
        max,
        dated.iter().map(|(d, _)| *d).min(),
        dated.iter().map(|(d, _)| *d).max(),
    ) else {
        svg::empty(&mut out, t::NO_CHART_DATA.get(lang));
        out.push_str("</svg>");
        return out;
    };
    let (unit, unit_name) = unit_for(max);
    let top_units = (max as f64 / unit).max(1.0);
    let step = svg::nice_step(top_units);
    let top_value = (top_units / step).ceil() * step;
    let y_of = |seconds: i64| BOTTOM - (BOTTOM - TOP) * (seconds as f64 / unit) / top_value;
    let x_of = |day: i64| {
        if first == last {
            (LEFT + RIGHT) / 2.0
        } else {
            LEFT + 8.0 + (RIGHT - LEFT - 16.0) * (day - first) as f64 / (last - first) as f64
        }
    };
    let mut v = 0.0;
    while v <= top_value + step / 1000.0 {
        svg::grid_line(&mut out, BOTTOM - (BOTTOM - TOP) * v / top_value, &num(v));
        v += step;
    }
    svg::text(&mut out, LEFT - 6.0, TOP - 8.0, "end", unit_name.get(lang));
    let series: [Series; 2] = [
        (|p| p.time_to_detect, DETECT_COLOUR, true, TIME_TO_DETECT),
        (
            |p| p.time_to_resolve,
            RESOLVE_COLOUR,
            false,
            TIME_TO_RESOLVE,
        ),
    ];
    for (get, colour, dashed, name) in series {
        let at: Vec<(f64, f64, &DurationPoint, i64)> = dated
            .iter()
            .filter_map(|(day, p)| get(p).map(|s| (x_of(*day), y_of(s), *p, s)))
            .collect();
        if at.len() > 1 {
            let path: Vec<String> = at
                .iter()
                .map(|(x, y, _, _)| format!("{},{}", num(*x), num(*y)))
                .collect();
            let dash = if dashed {
                " stroke-dasharray=\"4 3\""
            } else {
                ""
            };
            let _ = write!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/>",
                path.join(" ")
            );
        }
        for (x, y, p, seconds) in at {
            let tip = format!(
                "{} ({}): {} {}",
                display_title(&p.title, lang),
                p.incident_date,
                name.get(lang),
                format_duration(seconds, lang)
            );
            if dashed {
                let _ = write!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{colour}\"><title>{}</title></circle>",
                    num(x),
                    num(y),
                    esc(&tip)
                );
            } else {
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"8\" fill=\"{colour}\"><title>{}</title></rect>",
                    num(x - 4.0),
                    num(y - 4.0),
                    esc(&tip)
                );
            }
        }
    }
    let date = |day: i64| {
        let (y, m, d) = civil_from_days(day);
        format!("{y:04}-{m:02}-{d:02}")
    };
    if first == last {
        svg::text(&mut out, x_of(first), BOTTOM + 16.0, "middle", &date(first));
    } else {
        svg::text(&mut out, x_of(first), BOTTOM + 16.0, "start", &date(first));
        svg::text(&mut out, x_of(last), BOTTOM + 16.0, "end", &date(last));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str, incident_id: &str, lang: Language, date: &str) -> Summary {
        Summary {
            id: id.into(),
            incident_id: incident_id.into(),
            language: lang,
            incident_date: date.into(),
            severity: Some(Severity::Sev1),
            time_to_detect: Some(600),
            ..Summary::default()
        }
    }

    #[test]
    fn the_ranges_table_and_the_choice_agree() {
        for (range, (value, words)) in TrendRange::ALL.iter().zip(TrendRange::OPTIONS) {
            assert_eq!(range.value(), *value);
            assert_eq!(range.words(), *words);
            assert_eq!(TrendRange::parse(value), Some(*range));
        }
        assert_eq!(TrendRange::default(), TrendRange::Last12Months);
    }

    #[test]
    fn one_incident_in_two_languages_is_one_sev1() {
        let list = [
            s("a", "INC-7", Language::En, "2026-11-03"),
            s("b", "INC-7", Language::ZhTw, "2026-11-03"),
        ];
        let shown = trends(&list, TrendRange::AllTime, "2026-12-07");
        assert_eq!(shown.per_month.months.len(), 1);
        assert_eq!(shown.per_month.months[0].by_severity[0], 1);
        assert_eq!(shown.durations.len(), 1);
    }

    #[test]
    fn the_axis_starts_at_the_first_month_with_data_in_the_range() {
        let list = [
            s("old", "INC-1", Language::En, "2023-02-10"),
            s("a", "INC-2", Language::En, "2026-03-10"),
            s("b", "INC-3", Language::En, "2026-09-01"),
            s("later", "INC-4", Language::En, "2027-05-01"),
            s("undated", "INC-5", Language::En, ""),
        ];
        let year = trends(&list, TrendRange::Last12Months, "2026-12-07");
        let months: Vec<&str> = year
            .per_month
            .months
            .iter()
            .map(|m| m.month.as_str())
            .collect();
        // From March (the first month with an incident) to this month.
        assert_eq!(months.first(), Some(&"2026-03"));
        assert_eq!(months.last(), Some(&"2026-12"));
        assert_eq!(months.len(), 10);
        assert_eq!(year.per_month.undated, 1);
        let dates: Vec<&str> = year
            .durations
            .iter()
            .map(|p| p.incident_date.as_str())
            .collect();
        assert_eq!(dates, ["2026-03-10", "2026-09-01"]);
        // 24 months reach back to January 2025: the same incidents here.
        let two = trends(&list, TrendRange::Last24Months, "2026-12-07");
        assert_eq!(two.per_month.months[0].month, "2026-03");
        // All time has every dated incident, from the first to the last.
        let all = trends(&list, TrendRange::AllTime, "2026-12-07");
        assert_eq!(all.durations.len(), 4);
        assert_eq!(all.per_month.months[0].month, "2023-02");
    }
}
