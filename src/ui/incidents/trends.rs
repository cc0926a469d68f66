//! Trends (趨勢): incidents per month by severity, and time to detect and to resolve over
//! time. Each chart is the core's SVG (built safely: no script, handler or style, user text
//! escaped), named by its title, with the same numbers as a table after it.

use hindsight_core::incidents::{
    durations_over_time, durations_svg, durations_table, incidents_per_month, per_month_svg,
    per_month_table, words as t, ChartTable, Summary,
};
use leptos::prelude::*;

use crate::i18n::{incidents as words, Ui};

/// The trend charts of every incident.
#[component]
pub fn TrendsPart(
    /// The drafts' and the folder's summaries.
    summaries: Memo<Vec<Summary>>,
) -> impl IntoView {
    let ui = Ui::get();
    let per_month = Memo::new(move |_| summaries.with(|s| incidents_per_month(s)));
    let durations = Memo::new(move |_| summaries.with(|s| durations_over_time(s)));
    let per_month_chart = Signal::derive(move || {
        let lang = ui.lang();
        per_month.with(|data| (per_month_svg(data, lang), per_month_table(data, lang)))
    });
    let durations_chart = Signal::derive(move || {
        let lang = ui.lang();
        durations.with(|points| (durations_svg(points, lang), durations_table(points, lang)))
    });
    view! {
        <section class="incidents-part" aria-labelledby="trends-title">
            <h3 id="trends-title">{ui.t(t::TRENDS)}</h3>
            <div class="charts">
                <Chart id="chart-per-month" title=t::INCIDENTS_PER_MONTH chart=per_month_chart/>
                <Chart id="chart-durations" title=t::DETECT_RESOLVE_OVER_TIME chart=durations_chart/>
            </div>
        </section>
    }
}

/// One chart: its heading, the SVG, and its table behind a disclosure.
#[component]
fn Chart(
    /// The element id of its heading.
    id: &'static str,
    /// Its title.
    title: hindsight_core::Words,
    /// The SVG and its table, in the UI language.
    chart: Signal<(String, ChartTable)>,
) -> impl IntoView {
    let ui = Ui::get();
    let svg = move || chart.with(|(svg, _)| svg.clone());
    let table = move || chart.with(|(_, table)| table_view(table));
    view! {
        <figure class="chart" aria-labelledby=id>
            <h4 id=id>{ui.t(title)}</h4>
            // Scrolls sideways on a phone rather than shrinking its text: so it takes the focus.
            <div class="chart-svg" tabindex="0" role="group" aria-labelledby=id inner_html=svg></div>
            <details class="chart-table">
                <summary>{ui.t(words::SHOW_TABLE)}</summary>
                {table}
            </details>
        </figure>
    }
}

/// A chart's numbers as a table: caption, column headers, a header cell per row.
fn table_view(table: &ChartTable) -> impl IntoView {
    let headers = table
        .headers
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    if i == 0 {
                        view! { <th scope="row">{cell.clone()}</th> }.into_any()
                    } else {
                        // Counts line up on the right; names and durations read from the left.
                        let count = !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit());
                        view! { <td class:num=count>{cell.clone()}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=table.caption.clone()>
            <table>
                <caption>{table.caption.clone()}</caption>
                <thead><tr>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {table.note.clone().map(|note| view! { <p class="hint">{note}</p> })}
    }
}
