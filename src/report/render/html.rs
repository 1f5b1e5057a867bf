//! HTML: one self-contained page — inline CSS, charts as inline SVG, no scripts and nothing
//! fetched from the network — that prints to A4 from a browser. Each top-level section starts
//! a new printed page; a table of contents links them.

use std::io::{self, Write};

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::report::{Block, Cell, Chart, Document, Field, Form, Lang, List, Section, Table};

/// Every printed page: A4, the document's title at the top right and "page / pages" at the
/// foot (CSS page-margin boxes; `{title}` is replaced by the title as a CSS string). Parts with
/// wide tables (the item list) print on landscape pages.
const PAGE_STYLE: &str = r#"
@page { size: A4; margin: 16mm 12mm 16mm;
  @top-right { content: {title}; font-size: 8pt; color: #555; }
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #333; } }
@page wide { size: A4 landscape; margin: 14mm 12mm 14mm; }
"#;

const STYLE: &str = r#"
:root { --line: #9aa5b1; --head: #e8edf3; --total: #f4f6f8; }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
  font-size: 10.5pt; line-height: 1.5; color: #1b1f24; max-width: 190mm; margin: 0 auto; padding: 8mm 4mm; }
h1 { font-size: 17pt; border-bottom: 2px solid #1b1f24; padding-bottom: 2mm; }
h2 { font-size: 14pt; border-left: 5px solid #3b6ea5; padding-left: 2mm; margin-top: 8mm; }
h3 { font-size: 12pt; margin-top: 6mm; }
h4, h5, h6 { font-size: 11pt; margin-top: 4mm; }
h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }
/* Headings break between words (at spaces), never inside a Japanese word, unless a word is
   wider than the page. */
h1, h2, h3, h4, h5, h6, caption, figcaption { word-break: keep-all; overflow-wrap: anywhere; }
section.top { break-before: page; }
section.top:first-of-type, section.top.cont { break-before: auto; }
div.cover { text-align: right; margin: 2mm 0 8mm; }
div.cover p { margin: 0.5mm 0; }
section.wide { page: wide; }
section.wide table { font-size: 7.5pt; }
section.wide th, section.wide td { padding: 0.6mm 0.8mm; }
table { border-collapse: collapse; margin: 2mm 0 5mm; font-size: 9pt; width: 100%; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
th, td { border: 1px solid var(--line); padding: 1mm 1.5mm; vertical-align: top; }
th { background: var(--head); font-weight: bold; text-align: center; word-break: keep-all; }
th.num { white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.rating { text-align: center; }
td.wrap { min-width: 28mm; }
td.short { white-space: nowrap; }
tr.total td { font-weight: bold; background: var(--total); }
tr { break-inside: avoid; }
table.keep { break-inside: avoid; }
/* The official sheet: its grid at fixed widths; text wraps anywhere, figures never. */
table.form { table-layout: fixed; font-size: 8.5pt; }
table.form caption { font-size: 9.5pt; }
table.form th.label { background: var(--head); text-align: left; font-weight: bold;
  word-break: normal; overflow-wrap: anywhere; }
table.form td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
table.form td.num { text-align: right; white-space: nowrap; }
table.form td.rating { text-align: center; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0 4mm; }
dt { font-weight: bold; }
dd { margin: 0; white-space: pre-wrap; }
p { white-space: pre-wrap; margin: 1mm 0 3mm; }
ul.details { margin: 0; color: #444; }
nav ol { font-size: 9.5pt; padding-left: 8mm; }
nav li { overflow-wrap: anywhere; margin: 0.3mm 0; }
figure { margin: 3mm 0 6mm; break-inside: avoid; }
figure.compact { margin: 1mm 0 0; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
svg text { font-family: inherit; font-size: 11px; fill: #1b1f24; }
@media print { body { max-width: none; padding: 0; } nav { display: none; }
  a { color: inherit; text-decoration: none; } }
"#;

/// `s` with HTML's special characters escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `s` as a CSS string: quoted, its quotes, backslashes and line breaks escaped.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push_str("\\a "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Style text that cannot end the `<style>` element early (a title holding `</style>`).
fn esc_style(css: &str) -> String {
    css.replace("</", "<\\/")
}

/// Writes the page, declared to be in `lang`.
pub fn render(doc: &Document, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut h = String::new();
    let title = doc.title.as_deref().unwrap_or("gyokaku");
    // The language the user reads (plan data stays Japanese either way).
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        lang.code()
    ));
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!("<title>{}</title>\n", esc(title)));
    let page = PAGE_STYLE.replace("{title}", &css_string(title));
    h.push_str(&format!(
        "<style>{}{STYLE}</style>\n</head>\n<body>\n",
        esc_style(&page)
    ));
    h.push_str(&body(doc));
    h.push_str("</body>\n</html>\n");
    out.write_all(h.as_bytes())
}

/// The page's style sheet, for a page that shows documents inside its own frame.
pub fn style() -> &'static str {
    STYLE
}

/// `s` with HTML's special characters escaped, for a page built around documents.
pub fn escape(s: &str) -> String {
    esc(s)
}

/// What the page shows of `doc` inside `<body>`: its title, a table of contents when it has
/// several parts, and its blocks.
pub fn body(doc: &Document) -> String {
    let mut h = String::new();
    if let Some(t) = &doc.title {
        h.push_str(&format!("<h1>{}</h1>\n", esc(t)));
    }
    if !doc.cover.is_empty() {
        h.push_str("<div class=\"cover\">\n");
        for line in &doc.cover {
            h.push_str(&format!("<p>{}</p>\n", esc(line)));
        }
        h.push_str("</div>\n");
    }
    let tops: Vec<&Section> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Section(s) => Some(s),
            _ => None,
        })
        .collect();
    if tops.len() > 1 {
        h.push_str("<nav><ol>\n");
        for (i, s) in tops.iter().enumerate() {
            h.push_str(&format!(
                "<li><a href=\"#s{}\">{}</a></li>\n",
                i + 1,
                esc(&s.title)
            ));
        }
        h.push_str("</ol></nav>\n");
    }
    let mut top = 0;
    blocks(&doc.blocks, 1, &mut top, &mut h);
    h
}

fn blocks(blocks: &[Block], depth: usize, top: &mut usize, h: &mut String) {
    for b in blocks {
        match b {
            Block::Section(s) => {
                let level = (depth + 1).min(6);
                if depth == 1 {
                    *top += 1;
                    // A part with a table of many columns prints in smaller type.
                    let mut class = String::from("top");
                    if widest_table(&s.blocks) >= WIDE_COLUMNS {
                        class.push_str(" wide");
                    }
                    // A part that goes on where the one before ends: no new page.
                    if s.continues {
                        class.push_str(" cont");
                    }
                    h.push_str(&format!("<section class=\"{class}\" id=\"s{top}\">\n"));
                } else {
                    h.push_str("<section>\n");
                }
                h.push_str(&format!("<h{level}>{}</h{level}>\n", esc(&s.title)));
                self::blocks(&s.blocks, depth + 1, top, h);
                h.push_str("</section>\n");
            }
            Block::Table(t) => table(t, h),
            Block::Fields(f) => fields(f, h),
            Block::List(l) => list(l, h),
            Block::Text(t) => h.push_str(&format!("<p>{}</p>\n", esc(t.trim_end()))),
            Block::Chart(c) => chart(c, h),
            Block::Form(f) => {
                form(f, h);
                self::blocks(&f.below, depth, top, h);
            }
        }
    }
}

/// Tables with this many columns print in smaller type.
const WIDE_COLUMNS: usize = 10;

/// Text this short stays on one line in a table.
const SHORT_TEXT: usize = 12;

fn widest_table(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Table(t) => t.columns.len(),
            Block::Section(s) => widest_table(&s.blocks),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

fn fields(fields: &[Field], h: &mut String) {
    h.push_str("<dl>\n");
    for f in fields {
        h.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>\n",
            esc(&f.key),
            esc(&f.value.display())
        ));
    }
    h.push_str("</dl>\n");
}

fn list(l: &List, h: &mut String) {
    let tag = if l.ordered { "ol" } else { "ul" };
    h.push_str(&format!("<{tag}>\n"));
    for item in &l.items {
        h.push_str(&format!("<li>{}", esc(&item.text)));
        if !item.details.is_empty() {
            h.push_str("<ul class=\"details\">");
            for d in &item.details {
                h.push_str(&format!("<li>{}</li>", esc(d)));
            }
            h.push_str("</ul>");
        }
        h.push_str("</li>\n");
    }
    h.push_str(&format!("</{tag}>\n"));
}

/// Tables this short, without long text, are kept on one page.
const KEEP_ROWS: usize = 15;

fn table(t: &Table, h: &mut String) {
    let short = t.rows.len() <= KEEP_ROWS && !t.columns.iter().any(|c| c.wrap);
    h.push_str(if short {
        "<table class=\"keep\">\n"
    } else {
        "<table>\n"
    });
    if let Some(title) = &t.title {
        h.push_str(&format!("<caption>{}</caption>\n", esc(title)));
    }
    // Headings break at spaces only, never between the characters of a Japanese word (見込額
    // stays on one line); those of number columns never break.
    let numeric: Vec<bool> = (0..t.columns.len()).map(|i| t.is_numeric(i)).collect();
    h.push_str("<thead><tr>");
    for (c, number) in t.columns.iter().zip(&numeric) {
        let class = if *number { " class=\"num\"" } else { "" };
        h.push_str(&format!("<th scope=\"col\"{class}>{}</th>", esc(&c.header)));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        h.push_str(if r.total {
            "<tr class=\"total\">"
        } else {
            "<tr>"
        });
        for (i, cell) in r.cells.iter().enumerate() {
            let class = match cell {
                Cell::Rating(_) => " class=\"rating\"",
                _ if numeric.get(i).copied().unwrap_or(false) => " class=\"num\"",
                _ if t.columns.get(i).is_some_and(|c| c.wrap) => " class=\"wrap\"",
                Cell::Text(s) if s.chars().count() <= SHORT_TEXT => " class=\"short\"",
                _ => "",
            };
            match &r.link {
                Some(link) if i == 0 => h.push_str(&format!(
                    "<td{class}><a href=\"{}\">{}</a></td>",
                    esc(link),
                    esc(&cell.display())
                )),
                _ => h.push_str(&format!("<td{class}>{}</td>", esc(&cell.display()))),
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// A form as a table on its grid: fixed column widths, cells spanning columns and rows,
/// labels shaded, figures right-aligned.
fn form(f: &Form, h: &mut String) {
    h.push_str("<table class=\"form\">\n");
    if let Some(title) = &f.title {
        h.push_str(&format!("<caption>{}</caption>\n", esc(title)));
    }
    let total: u32 = f.widths.iter().map(|w| u32::from(*w)).sum::<u32>().max(1);
    h.push_str("<colgroup>");
    for w in &f.widths {
        h.push_str(&format!(
            "<col style=\"width:{:.1}%\">",
            f64::from(*w) * 100.0 / f64::from(total)
        ));
    }
    h.push_str("</colgroup>\n<tbody>\n");
    for row in &f.rows {
        h.push_str("<tr>");
        for c in &row.cells {
            let mut attrs = String::new();
            if c.span > 1 {
                attrs.push_str(&format!(" colspan=\"{}\"", c.span));
            }
            if c.rows > 1 {
                attrs.push_str(&format!(" rowspan=\"{}\"", c.rows));
            }
            let class = match &c.value {
                _ if c.label => "label",
                Cell::Number(_) | Cell::Amount(_) | Cell::Percent(_) => "num",
                Cell::Rating(_) | Cell::None => "rating",
                _ => "text",
            };
            let tag = if c.label { "th" } else { "td" };
            h.push_str(&format!(
                "<{tag} class=\"{class}\"{attrs}>{}</{tag}>",
                esc(&c.value.display())
            ));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// A horizontal bar chart as SVG: one row per category; stacked segments, or one bar per
/// series side by side. Geometry is drawn in floating point; the figures printed beside the
/// bars are the exact decimals.
/// A chart's width in the SVG's units, drawn at the page's width.
const WIDTH: f64 = 700.0;
/// Above the first bar: the legend.
const TOP: f64 = 30.0;

fn chart(c: &Chart, h: &mut String) {
    // A compact chart (an item's, under its sheet) is drawn as columns by year.
    if c.compact {
        return columns(c, h);
    }
    let (width, label, right) = (WIDTH, 210.0, 90.0);
    let plot = width - label - right;
    let per_series = if c.stacked { 18.0 } else { 12.0 };
    let band = if c.stacked {
        per_series + 12.0
    } else {
        per_series * c.series.len() as f64 + 12.0
    };
    let height = TOP + band * c.categories.len() as f64 + 24.0;
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    // The extent of the axis: totals when stacked, single values otherwise; always with 0.
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for i in 0..c.categories.len() {
        let values = c
            .series
            .iter()
            .filter_map(|s| s.values.get(i))
            .map(|v| f(*v));
        if c.stacked {
            let (neg, pos): (Vec<f64>, Vec<f64>) = values.partition(|v| *v < 0.0);
            lo = lo.min(neg.iter().sum());
            hi = hi.max(pos.iter().sum());
        } else {
            for v in values {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
    }
    if hi - lo <= 0.0 {
        hi = 1.0;
    }
    let x = |v: f64| label + (v - lo) / (hi - lo) * plot;
    let mut s = String::new();
    s.push_str(&format!(
        "<figure>\n<figcaption>{} ({})</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{}\">\n",
        esc(&c.title),
        esc(&c.unit),
        esc(&c.title)
    ));
    // Legend.
    let mut lx = label;
    for (k, series) in c.series.iter().enumerate() {
        let colour = super::series_colour(k);
        s.push_str(&format!(
            "<rect x=\"{lx:.1}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"16\">{}</text>\n",
            lx + 16.0,
            esc(&series.name)
        ));
        lx += 28.0 + 12.0 * series.name.chars().count() as f64;
    }
    // Zero line.
    s.push_str(&format!(
        "<line x1=\"{0:.1}\" y1=\"{TOP}\" x2=\"{0:.1}\" y2=\"{1:.1}\" stroke=\"#555\" stroke-width=\"1\"/>\n",
        x(0.0),
        height - 20.0
    ));
    for (i, cat) in c.categories.iter().enumerate() {
        let y0 = TOP + band * i as f64 + 6.0;
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\n",
            label - 6.0,
            y0 + (band - 12.0) / 2.0 + 4.0,
            esc(cat)
        ));
        if c.stacked {
            let (mut pos, mut neg) = (0.0f64, 0.0f64);
            let mut total = Decimal::ZERO;
            for (k, series) in c.series.iter().enumerate() {
                let Some(v) = series.values.get(i) else {
                    continue;
                };
                total = total.checked_add(*v).unwrap_or(total);
                let fv = f(*v);
                let (a, b) = if fv >= 0.0 {
                    let a = pos;
                    pos += fv;
                    (a, pos)
                } else {
                    let a = neg;
                    neg += fv;
                    (neg, a)
                };
                if b > a {
                    s.push_str(&format!(
                        "<rect x=\"{:.1}\" y=\"{y0:.1}\" width=\"{:.1}\" height=\"{per_series}\" fill=\"{}\"><title>{} {}: {}</title></rect>\n",
                        x(a),
                        x(b) - x(a),
                        super::series_colour(k),
                        esc(cat),
                        esc(&series.name),
                        esc(&crate::number::format_number(*v))
                    ));
                    if x(b) - x(a) >= 16.0 {
                        s.push_str(&format!(
                            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" style=\"fill:#fff\">{}</text>\n",
                            (x(a) + x(b)) / 2.0,
                            y0 + per_series - 5.0,
                            esc(&crate::number::format_number(*v))
                        ));
                    }
                }
            }
            s.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>\n",
                x(pos) + 4.0,
                y0 + per_series - 5.0,
                esc(&crate::number::format_number(total))
            ));
        } else {
            for (k, series) in c.series.iter().enumerate() {
                let Some(v) = series.values.get(i) else {
                    continue;
                };
                let y = y0 + per_series * k as f64;
                let (a, b) = (x(f(*v).min(0.0)), x(f(*v).max(0.0)));
                s.push_str(&format!(
                    "<rect x=\"{a:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{} {}: {}</title></rect>\n",
                    (b - a).max(0.5),
                    per_series - 2.0,
                    super::series_colour(k),
                    esc(cat),
                    esc(&series.name),
                    esc(&crate::number::format_number(*v))
                ));
                s.push_str(&format!(
                    "<text x=\"{:.1}\" y=\"{:.1}\" style=\"font-size:9px\">{}</text>\n",
                    b + 4.0,
                    y + per_series - 4.0,
                    esc(&crate::number::format_number(*v))
                ));
            }
        }
    }
    s.push_str("</svg>\n</figure>\n");
    h.push_str(&s);
}

/// A compact chart: the series side by side in a column per category (year), low enough to
/// print under an item's sheet on its page. Its figures are in the sheet above it; each
/// column names its figure when pointed at, and the axis says its top and bottom.
fn columns(c: &Chart, h: &mut String) {
    const COMPACT_WIDTH: f64 = 420.0;
    const HEIGHT: f64 = 104.0;
    const LEFT: f64 = 56.0;
    const TOP: f64 = 26.0;
    const BOTTOM: f64 = 18.0;
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let values = || c.series.iter().flat_map(|s| s.values.iter().copied());
    let lo_d = values().fold(Decimal::ZERO, Decimal::min);
    let hi_d = values().fold(Decimal::ZERO, Decimal::max);
    let (lo, mut hi) = (f(lo_d), f(hi_d));
    if hi - lo <= 0.0 {
        hi = lo + 1.0;
    }
    let plot_h = HEIGHT - TOP - BOTTOM;
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * plot_h;
    let slot = (COMPACT_WIDTH - LEFT) / c.categories.len().max(1) as f64;
    let bar = (slot * 0.7 / c.series.len().max(1) as f64).min(22.0);
    let mut s = format!(
        "<figure class=\"compact\">\n<figcaption>{} ({})</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {COMPACT_WIDTH} {HEIGHT}\" width=\"{:.0}%\" role=\"img\" aria-label=\"{}\">\n",
        esc(&c.title),
        esc(&c.unit),
        100.0 * COMPACT_WIDTH / WIDTH,
        esc(&c.title)
    );
    let mut lx = LEFT;
    for (k, series) in c.series.iter().enumerate() {
        s.push_str(&format!(
            "<rect x=\"{lx:.1}\" y=\"4\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{:.1}\" y=\"13\">{}</text>\n",
            super::series_colour(k),
            lx + 14.0,
            esc(&series.name)
        ));
        lx += 26.0 + 12.0 * series.name.chars().count() as f64;
    }
    // The axis: its top and bottom figures, and the zero line.
    for (v, d) in [(hi, hi_d), (lo, lo_d)] {
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" style=\"font-size:9px\">{}</text>\n",
            LEFT - 4.0,
            y(v) + 3.0,
            esc(&crate::number::format_number(d))
        ));
    }
    s.push_str(&format!(
        "<line x1=\"{LEFT}\" y1=\"{0:.1}\" x2=\"{COMPACT_WIDTH}\" y2=\"{0:.1}\" stroke=\"#555\" stroke-width=\"1\"/>\n",
        y(0.0)
    ));
    for (i, cat) in c.categories.iter().enumerate() {
        let left = LEFT + slot * i as f64 + (slot - bar * c.series.len() as f64) / 2.0;
        for (k, series) in c.series.iter().enumerate() {
            let Some(v) = series.values.get(i) else {
                continue;
            };
            let (top, bottom) = (y(f(*v).max(0.0)), y(f(*v).min(0.0)));
            s.push_str(&format!(
                "<rect x=\"{:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{} {}: {}</title></rect>\n",
                left + bar * k as f64,
                bar - 1.0,
                (bottom - top).max(0.5),
                super::series_colour(k),
                esc(cat),
                esc(&series.name),
                esc(&crate::number::format_number(*v))
            ));
        }
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" style=\"font-size:9px\">{}</text>\n",
            LEFT + slot * (i as f64 + 0.5),
            HEIGHT - 4.0,
            esc(cat)
        ));
    }
    s.push_str("</svg>\n</figure>\n");
    h.push_str(&s);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Series;

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn the_page_says_the_language_it_is_worded_in() {
        let doc = Document::titled("Summary");
        for (lang, tag) in [
            (Lang::Ja, "<html lang=\"ja\">"),
            (Lang::En, "<html lang=\"en\">"),
        ] {
            let mut out = Vec::new();
            render(&doc, lang, &mut out).unwrap();
            assert!(String::from_utf8(out).unwrap().contains(tag), "{tag}");
        }
    }

    #[test]
    fn a_page_is_self_contained() {
        let mut doc = Document::titled("表 <1>");
        let mut t = Table::new(&["基本方針", "実績効果額"]);
        t.row(vec!["1 行政".into(), Cell::Amount(Decimal::new(592300, 0))]);
        doc.push(t);
        doc.push(Chart {
            title: "効果額".into(),
            stacked: false,
            categories: vec!["1".into(), "2".into()],
            series: vec![Series {
                name: "実績".into(),
                values: vec![Decimal::new(-15173, 0), Decimal::new(6594, 0)],
            }],
            unit: "千円".into(),
            compact: false,
        });
        let mut out = Vec::new();
        render(&doc, Lang::Ja, &mut out).unwrap();
        let html = String::from_utf8(out).unwrap();
        assert!(html.contains("<title>表 &lt;1&gt;</title>"), "{html}");
        assert!(html.contains("<td class=\"num\">592,300</td>"), "{html}");
        // A number column's heading never breaks; a text column's breaks at spaces only.
        assert!(
            html.contains(
                "<th scope=\"col\">基本方針</th><th scope=\"col\" class=\"num\">実績効果額</th>"
            ),
            "{html}"
        );
        assert!(html.contains("th.num { white-space: nowrap; }"), "{html}");
        assert!(html.contains("word-break: keep-all"), "{html}");
        assert!(html.contains("<svg"), "{html}");
        assert!(html.contains("-15,173"), "{html}");
        for banned in ["<script", "http://", "https://", "src="] {
            let without_svg_ns = html.replace("http://www.w3.org/2000/svg", "");
            assert!(!without_svg_ns.contains(banned), "{banned} in {html}");
        }
    }
}
