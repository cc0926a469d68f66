//! Trends (趨勢): incidents per month by severity, and time to detect and to resolve over
//! time, over a chosen Range (the last 12 months by default, the last 24, or all time), each
//! incident once whatever its languages. Each chart is the core's SVG (built safely: no
//! script, handler or style, user text escaped), named by its title, with the same numbers
//! as a table after it (the core's `incidents::html`, which `hindsight site` draws too).

use hindsight_core::incidents::html::{chart_html, option_html};
use hindsight_core::incidents::{
    durations_svg, durations_table, per_month_svg, per_month_table, trends, words as t, ChartTable,
    Summary, TrendRange, Trends,
};
use hindsight_core::{Choice, Language, Words};
use leptos::prelude::*;

use crate::adapters::platform;
use crate::i18n::Ui;

/// The trend charts of every incident.
#[component]
pub fn TrendsPart(
    /// The drafts' and the folder's summaries.
    summaries: Memo<Vec<Summary>>,
) -> impl IntoView {
    let ui = Ui::get();
    let range = RwSignal::new(TrendRange::default());
    let today = platform::today();
    let data = Memo::new(move |_| {
        let range = range.get();
        summaries.with(|s| trends(s, range, &today))
    });
    let options = move || {
        let (lang, chosen) = (ui.lang(), range.get_untracked());
        TrendRange::ALL
            .iter()
            .map(|r| option_html(r.value(), r.label(lang), *r == chosen))
            .collect::<String>()
    };
    view! {
        <section class="incidents-part" aria-labelledby="trends-title">
            <h3 id="trends-title">{ui.t(t::TRENDS)}</h3>
            <div class="field trend-range">
                <label for="trend-range">{ui.t(t::RANGE)}</label>
                <select id="trend-range" inner_html=options on:change=move |ev| {
                    if let Some(r) = TrendRange::parse(&event_target_value(&ev)) {
                        range.set(r);
                    }
                }></select>
            </div>
            <div class="charts">
                {chart("chart-per-month", t::INCIDENTS_PER_MONTH, data, per_month)}
                {chart("chart-durations", t::DETECT_RESOLVE_OVER_TIME, data, durations)}
            </div>
        </section>
    }
}

/// A chart drawn from the trends: its SVG and its table.
type Draw = fn(&Trends, Language) -> (String, ChartTable);

/// Incidents per month by severity.
fn per_month(data: &Trends, lang: Language) -> (String, ChartTable) {
    (
        per_month_svg(&data.per_month, lang),
        per_month_table(&data.per_month, lang),
    )
}

/// Time to detect and to resolve over time.
fn durations(data: &Trends, lang: Language) -> (String, ChartTable) {
    (
        durations_svg(&data.durations, lang),
        durations_table(&data.durations, lang),
    )
}

/// One chart: its heading, the SVG, and its table behind a disclosure.
fn chart(id: &'static str, title: Words, data: Memo<Trends>, draw: Draw) -> impl IntoView {
    let ui = Ui::get();
    let html = Memo::new(move |_| {
        let lang = ui.lang();
        let (svg, table) = data.with(|d| draw(d, lang));
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
