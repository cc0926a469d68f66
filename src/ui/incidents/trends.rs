//! Trends (趨勢): incidents per month by severity, and time to detect and to resolve over
//! time. Each chart is the core's SVG (built safely: no script, handler or style, user text
//! escaped), named by its title, with the same numbers as a table after it (the core's
//! `incidents::html`, which `hindsight site` draws too).

use hindsight_core::incidents::html::chart_html;
use hindsight_core::incidents::{
    durations_over_time, durations_svg, durations_table, incidents_per_month, per_month_svg,
    per_month_table, words as t, ChartTable, Summary,
};
use hindsight_core::{Language, Words};
use leptos::prelude::*;

use crate::i18n::Ui;

/// The trend charts of every incident.
#[component]
pub fn TrendsPart(
    /// The drafts' and the folder's summaries.
    summaries: Memo<Vec<Summary>>,
) -> impl IntoView {
    let ui = Ui::get();
    view! {
        <section class="incidents-part" aria-labelledby="trends-title">
            <h3 id="trends-title">{ui.t(t::TRENDS)}</h3>
            <div class="charts">
                {chart("chart-per-month", t::INCIDENTS_PER_MONTH, summaries, per_month)}
                {chart("chart-durations", t::DETECT_RESOLVE_OVER_TIME, summaries, durations)}
            </div>
        </section>
    }
}

/// A chart drawn from the summaries: its SVG and its table.
type Draw = fn(&[Summary], Language) -> (String, ChartTable);

/// Incidents per month by severity.
fn per_month(summaries: &[Summary], lang: Language) -> (String, ChartTable) {
    let data = incidents_per_month(summaries);
    (per_month_svg(&data, lang), per_month_table(&data, lang))
}

/// Time to detect and to resolve over time.
fn durations(summaries: &[Summary], lang: Language) -> (String, ChartTable) {
    let points = durations_over_time(summaries);
    (durations_svg(&points, lang), durations_table(&points, lang))
}

/// One chart: its heading, the SVG, and its table behind a disclosure.
fn chart(
    id: &'static str,
    title: Words,
    summaries: Memo<Vec<Summary>>,
    draw: Draw,
) -> impl IntoView {
    let ui = Ui::get();
    let html = Memo::new(move |_| {
        let lang = ui.lang();
        let (svg, table) = summaries.with(|s| draw(s, lang));
        chart_html(id, &svg, &table, lang)
    });
    // A chart wider than a phone starts scrolled to its end: the latest months show first.
    let holder = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        html.track();
        let Some(el) = holder.get() else { return };
        if let Ok(Some(scroller)) = el.query_selector(".chart-svg") {
            scroller.set_scroll_left(scroller.scroll_width());
        }
    });
    view! {
        <figure class="chart" aria-labelledby=id>
            <h4 id=id>{ui.t(title)}</h4>
            <div node_ref=holder inner_html=html></div>
        </figure>
    }
}
