//! The little SVG the trend charts need, written as text.
//!
//! Charts are shown inline and downloaded as files, under a strict Content-Security-Policy:
//! no script, no style attribute or element, no event handler, no link and nothing loaded.
//! Colours are presentation attributes (which the app's CSS may override through the
//! classes), text follows the page's colour through `currentColor`, and every piece of
//! user text is escaped, with characters XML forbids left out.

use std::fmt::Write;

/// Width of every chart's view box.
pub(super) const WIDTH: f64 = 640.0;
/// Height of every chart's view box.
pub(super) const HEIGHT: f64 = 300.0;
/// Left edge of the plot: room for the value axis.
pub(super) const LEFT: f64 = 48.0;
/// Right edge of the plot.
pub(super) const RIGHT: f64 = WIDTH - 16.0;
/// Top of the plot, under the legend.
pub(super) const TOP: f64 = 56.0;
/// Bottom of the plot, over the date labels.
pub(super) const BOTTOM: f64 = HEIGHT - 44.0;

/// Text for XML content and attribute values.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            // XML 1.0 forbids these; a downloaded chart with one would not open.
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => crate::render::push_escaped(&mut out, c),
        }
    }
    out
}

/// A coordinate, with at most one decimal.
pub(super) fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// A step of 1, 2 or 5 times a power of ten that cuts `max` into about four parts.
pub(super) fn nice_step(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let rough = max / 4.0;
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power)
}

/// The opening of a chart: its accessible name and description come first.
pub(super) fn open(out: &mut String, class: &str, title: &str, desc: &str) {
    let title = esc(title);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" \
aria-label=\"{title}\" class=\"{class}\" font-size=\"12\">\
<title>{title}</title><desc>{}</desc>",
        num(WIDTH),
        num(HEIGHT),
        esc(desc)
    );
}

/// A text at a point; `anchor` is start, middle or end.
pub(super) fn text(out: &mut String, x: f64, y: f64, anchor: &str, body: &str) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" fill=\"currentColor\">{}</text>",
        num(x),
        num(y),
        esc(body)
    );
}

/// A horizontal grid line with its value on the axis.
pub(super) fn grid_line(out: &mut String, y: f64, label: &str) {
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"currentColor\" \
stroke-opacity=\"0.2\"/>",
        num(LEFT),
        num(RIGHT),
        y = num(y)
    );
    text(out, LEFT - 6.0, y + 4.0, "end", label);
}

/// What a legend entry shows beside its label.
pub(super) enum Swatch {
    /// A filled square, for bars.
    Square,
    /// A short line, dashed or solid, for lines.
    Line {
        /// Whether the line is dashed.
        dashed: bool,
    },
}

/// Legend entries from left to right above the plot, on a second row when the first is
/// full (English labels are long, Chinese ones wide).
pub(super) struct Legend {
    x: f64,
    row: f64,
}

impl Legend {
    /// An empty legend at the top left.
    pub(super) fn new() -> Self {
        Self { x: 8.0, row: 6.0 }
    }

    /// Adds an entry: its swatch in `colour`, then its label.
    pub(super) fn add(&mut self, out: &mut String, colour: &str, swatch: Swatch, label: &str) {
        let width = 16.0 + text_width(label);
        if self.x + width > WIDTH - 8.0 && self.x > 8.0 {
            self.x = 8.0;
            self.row += 18.0;
        }
        let (x, y) = (self.x, self.row);
        match swatch {
            Swatch::Square => {
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>",
                    num(x),
                    num(y)
                );
            }
            Swatch::Line { dashed } => {
                let dash = if dashed {
                    " stroke-dasharray=\"4 3\""
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{colour}\" \
stroke-width=\"2\"{dash}/>",
                    num(x),
                    num(x + 12.0),
                    y = num(y + 6.0)
                );
            }
        }
        text(out, x + 16.0, y + 11.0, "start", label);
        self.x += width + 14.0;
    }
}

/// About how wide a label is at the chart's font size: CJK characters are twice as wide as
/// Latin ones.
fn text_width(label: &str) -> f64 {
    label
        .chars()
        .map(|c| if c.is_ascii() { 6.5 } else { 12.0 })
        .sum()
}

/// A message in the middle of an empty chart.
pub(super) fn empty(out: &mut String, message: &str) {
    text(out, WIDTH / 2.0, HEIGHT / 2.0, "middle", message);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round_and_text_is_escaped() {
        assert_eq!(nice_step(7.0), 2.0);
        assert_eq!(nice_step(40.0), 10.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(3.0), 1.0);
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(esc("<a href='x'>&\u{0}"), "&lt;a href=&#39;x&#39;&gt;&amp;");
    }
}
