//! xlsx: an Excel workbook. Each top-level section is a worksheet (what comes before the first
//! section, the document's opening, is the first); numbers are numbers (`#,##0` for amounts,
//! `0.0%` for ratios), charts are native Excel charts over their figures, and every worksheet
//! prints on A4 within its print area.

use std::collections::BTreeSet;
use std::io::{self, Write};

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart as XlChart, ChartFormat, ChartSolidFill, ChartType, Format as XlFormat, FormatAlign,
    FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::report::{Block, Cell, Chart, Document, Field, List, Table};

/// Worksheet column widths are capped here (characters); longer text wraps.
const MAX_WIDTH: f64 = 60.0;
/// Widest a wrapped text column is made.
const WRAP_WIDTH: f64 = 28.0;
/// Columns a paragraph of text spans.
const TEXT_COLUMNS: u16 = 8;
/// Paper size 9 is A4 in Excel's numbering.
const A4: u8 = 9;

fn err(e: XlsxError) -> io::Error {
    io::Error::other(e)
}

/// The formats a workbook uses.
struct Formats {
    title: XlFormat,
    heading: XlFormat,
    caption: XlFormat,
    header: XlFormat,
    text: XlFormat,
    wrap: XlFormat,
    integer: XlFormat,
    decimal: XlFormat,
    percent: XlFormat,
    rating: XlFormat,
    key: XlFormat,
    paragraph: XlFormat,
}

impl Formats {
    fn new() -> Self {
        let cell = XlFormat::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Formats {
            title: XlFormat::new().set_bold().set_font_size(16),
            heading: XlFormat::new().set_bold().set_font_size(13),
            caption: XlFormat::new().set_bold(),
            header: cell
                .clone()
                .set_bold()
                .set_background_color("#E8EDF3")
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            integer: cell.clone().set_num_format("#,##0"),
            decimal: cell.clone().set_num_format("#,##0.0##"),
            percent: cell.clone().set_num_format("0.0%"),
            rating: cell.clone().set_align(FormatAlign::Center),
            key: XlFormat::new().set_bold().set_align(FormatAlign::Top),
            paragraph: XlFormat::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// Writes the workbook.
pub fn render(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let mut book = Workbook::new();
    let formats = Formats::new();
    let mut names = BTreeSet::new();
    // The opening: the title and every block before the first section.
    let first_section = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Section(_)))
        .unwrap_or(doc.blocks.len());
    let opening = &doc.blocks[..first_section];
    // A title alone opens the first section's worksheet instead of a worksheet of its own.
    let own_sheet = !opening.is_empty() || first_section == doc.blocks.len();
    if own_sheet {
        let name = sheet_name(doc.title.as_deref().unwrap_or("gyokaku"), &mut names);
        let ws = book.add_worksheet();
        ws.set_name(name).map_err(err)?;
        let mut w = SheetWriter::new(ws, &formats);
        if let Some(t) = &doc.title {
            w.title(t)?;
        }
        w.cover(&doc.cover)?;
        w.blocks(opening, 0)?;
        w.finish()?;
    }
    // A section that continues goes on the worksheet of the one before it.
    let mut groups: Vec<Vec<&Block>> = Vec::new();
    for b in &doc.blocks[first_section..] {
        match (b, groups.last_mut()) {
            (Block::Section(s), Some(group)) if s.continues => group.push(b),
            _ => groups.push(vec![b]),
        }
    }
    for (i, group) in groups.iter().enumerate() {
        let ws = book.add_worksheet();
        let mut w = SheetWriter::new(ws, &formats);
        for (k, b) in group.iter().enumerate() {
            match b {
                Block::Section(s) => {
                    if k == 0 {
                        let name = sheet_name(s.short.as_deref().unwrap_or(&s.title), &mut names);
                        w.ws.set_name(name).map_err(err)?;
                    }
                    match &doc.title {
                        Some(t) if i == 0 && k == 0 && !own_sheet => {
                            w.title(t)?;
                            w.cover(&doc.cover)?;
                            w.heading(&s.title)?;
                        }
                        _ if k > 0 || group.len() > 1 => {
                            w.row += 1;
                            w.heading(&s.title)?;
                        }
                        _ => w.title(&s.title)?,
                    }
                    w.blocks(&s.blocks, 1)?;
                }
                other => {
                    let name = sheet_name("その他", &mut names);
                    w.ws.set_name(name).map_err(err)?;
                    w.blocks(std::slice::from_ref(*other), 1)?;
                }
            }
        }
        w.finish()?;
    }
    let bytes = book.save_to_buffer().map_err(err)?;
    out.write_all(&bytes)
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting or
/// ending with `'`, unique in the workbook (case-insensitively).
fn sheet_name(wanted: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let clean = if clean.is_empty() { "Sheet" } else { clean };
    let base: String = clean.chars().take(31).collect();
    let mut name = base.clone();
    let mut n = 2;
    while taken.contains(&name.to_lowercase()) {
        let suffix = format!(" ({n})");
        name = base
            .chars()
            .take(31 - suffix.chars().count())
            .collect::<String>()
            + suffix.as_str();
        n += 1;
    }
    taken.insert(name.to_lowercase());
    name
}

/// Display width in Excel's character units, roughly: East Asian wide characters count two.
fn chars_width(s: &str) -> f64 {
    s.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0) as f64
}

/// How a table cell is written.
#[derive(Clone, Copy)]
struct CellStyle {
    wrap: bool,
    numeric: bool,
    total: bool,
}

/// Writes blocks down one worksheet, tracking the used range for the print area and the
/// widths its columns need.
struct SheetWriter<'a> {
    ws: &'a mut Worksheet,
    f: &'a Formats,
    row: u32,
    last_col: u16,
    widths: Vec<f64>,
    wrapped: BTreeSet<u16>,
    /// The widest title or heading: the print area reaches at least this far.
    title_width: f64,
}

impl<'a> SheetWriter<'a> {
    fn new(ws: &'a mut Worksheet, f: &'a Formats) -> Self {
        SheetWriter {
            ws,
            f,
            row: 0,
            last_col: 0,
            widths: Vec::new(),
            wrapped: BTreeSet::new(),
            title_width: 0.0,
        }
    }

    fn need(&mut self, col: u16, width: f64) {
        let i = usize::from(col);
        if self.widths.len() <= i {
            self.widths.resize(i + 1, 0.0);
        }
        self.widths[i] = self.widths[i].max(width);
        self.last_col = self.last_col.max(col);
    }

    fn title(&mut self, text: &str) -> io::Result<()> {
        self.ws
            .write_string_with_format(self.row, 0, text, &self.f.title)
            .map_err(err)?;
        // A 16pt title is about 1.5 times as wide as the body text.
        self.title_width = self.title_width.max(chars_width(text) * 1.5);
        self.row += 2;
        Ok(())
    }

    /// The cover's lines under the title, then a blank row.
    fn cover(&mut self, lines: &[String]) -> io::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        for line in lines {
            self.ws.write_string(self.row, 0, line).map_err(err)?;
            self.title_width = self.title_width.max(chars_width(line));
            self.row += 1;
        }
        self.row += 1;
        Ok(())
    }

    fn heading(&mut self, text: &str) -> io::Result<()> {
        self.ws
            .write_string_with_format(self.row, 0, text, &self.f.heading)
            .map_err(err)?;
        self.title_width = self.title_width.max(chars_width(text) * 1.3);
        self.row += 1;
        Ok(())
    }

    fn blocks(&mut self, blocks: &[Block], depth: usize) -> io::Result<()> {
        for b in blocks {
            match b {
                Block::Section(s) => {
                    if depth <= 1 {
                        self.heading(&s.title)?;
                    } else {
                        self.ws
                            .write_string_with_format(self.row, 0, &s.title, &self.f.caption)
                            .map_err(err)?;
                        self.row += 1;
                    }
                    self.blocks(&s.blocks, depth + 1)?;
                }
                Block::Table(t) => self.table(t)?,
                Block::Fields(f) => self.fields(f)?,
                Block::List(l) => self.list(l)?,
                Block::Text(t) => self.paragraph(t)?,
                Block::Chart(c) => self.chart(c)?,
            }
        }
        Ok(())
    }

    /// Writes one cell: numbers as numbers (Excel holds them as binary floating point; the
    /// figures of a report are far inside its 15 exact digits), bold in a total row.
    fn cell(&mut self, row: u32, col: u16, cell: &Cell, style: CellStyle) -> io::Result<()> {
        let f = self.f;
        let number = |d: &Decimal| d.to_f64().unwrap_or(0.0);
        let base = match cell {
            Cell::Empty => &f.text,
            Cell::None if style.numeric => &f.rating,
            Cell::None => &f.text,
            Cell::Text(_) if style.wrap => &f.wrap,
            Cell::Text(_) => &f.text,
            Cell::Rating(_) => &f.rating,
            Cell::Number(d) | Cell::Amount(d) if d.fract().is_zero() => &f.integer,
            Cell::Number(_) | Cell::Amount(_) => &f.decimal,
            Cell::Percent(_) => &f.percent,
        };
        let format = if style.total {
            base.clone().set_bold()
        } else {
            base.clone()
        };
        let result = match cell {
            Cell::Empty => self.ws.write_blank(row, col, &format).map(|_| ()),
            Cell::None => self
                .ws
                .write_string_with_format(row, col, "-", &format)
                .map(|_| ()),
            Cell::Text(s) | Cell::Rating(s) => self
                .ws
                .write_string_with_format(row, col, s, &format)
                .map(|_| ()),
            Cell::Number(d) | Cell::Amount(d) | Cell::Percent(d) => self
                .ws
                .write_number_with_format(row, col, number(d), &format)
                .map(|_| ()),
        };
        result.map_err(err)?;
        let width = match cell {
            Cell::Percent(_) => 9.0,
            other => chars_width(&other.display()),
        };
        if style.wrap {
            self.wrapped.insert(col);
            self.need(col, width.min(WRAP_WIDTH));
        } else {
            self.need(col, width);
        }
        Ok(())
    }

    fn table(&mut self, t: &Table) -> io::Result<()> {
        if let Some(title) = &t.title {
            self.ws
                .write_string_with_format(self.row, 0, title, &self.f.caption)
                .map_err(err)?;
            self.row += 1;
        }
        let mut header_lines: f64 = 1.0;
        for (i, c) in t.columns.iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            self.ws
                .write_string_with_format(self.row, col, &c.header, &self.f.header)
                .map_err(err)?;
            // A header may wrap; it asks for half its width.
            let header = chars_width(&c.header);
            self.need(col, (header / 2.0).max(4.0));
            let content = t
                .rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .map(|cell| chars_width(&cell.display()) + 2.0)
                .fold((header / 2.0).max(4.0), f64::max)
                .min(if c.wrap { WRAP_WIDTH } else { MAX_WIDTH });
            header_lines = header_lines.max((header / content).ceil());
        }
        if header_lines > 1.0 {
            self.ws
                .set_row_height(self.row, 15.0 * header_lines.min(4.0))
                .map_err(err)?;
        }
        self.row += 1;
        let numeric: Vec<bool> = (0..t.columns.len()).map(|i| t.is_numeric(i)).collect();
        // The width each wrapped column will get, to make rows tall enough for their text
        // (not every spreadsheet fits row heights to wrapped text when it opens a file).
        let wrap_widths: Vec<Option<f64>> = t
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                c.wrap.then(|| {
                    t.rows
                        .iter()
                        .filter_map(|r| r.cells.get(i))
                        .map(|cell| chars_width(&cell.display()))
                        .fold(0.0, f64::max)
                        .clamp(12.0, WRAP_WIDTH)
                })
            })
            .collect();
        for r in &t.rows {
            let lines = r
                .cells
                .iter()
                .zip(&wrap_widths)
                .filter_map(|(cell, w)| w.map(|w| (chars_width(&cell.display()) / w).ceil()))
                .fold(1.0, f64::max);
            if lines > 1.0 {
                self.ws
                    .set_row_height(self.row, 15.0 * lines.min(26.0))
                    .map_err(err)?;
            }
            for (i, cell) in r.cells.iter().enumerate() {
                let col = u16::try_from(i).unwrap_or(u16::MAX);
                let style = CellStyle {
                    wrap: t.columns.get(i).is_some_and(|c| c.wrap),
                    numeric: numeric.get(i).copied().unwrap_or(false),
                    total: r.total,
                };
                self.cell(self.row, col, cell, style)?;
            }
            self.row += 1;
        }
        self.row += 1;
        Ok(())
    }

    fn fields(&mut self, fields: &[Field]) -> io::Result<()> {
        for field in fields {
            self.ws
                .write_string_with_format(self.row, 0, &field.key, &self.f.key)
                .map_err(err)?;
            self.need(0, chars_width(&field.key).min(24.0));
            let text = field.value.display();
            self.text_span(self.row, 1, &text)?;
            self.row += 1;
        }
        self.row += 1;
        Ok(())
    }

    /// Text merged across columns `from..TEXT_COLUMNS`, wrapped, with a row tall enough.
    fn text_span(&mut self, row: u32, from: u16, text: &str) -> io::Result<()> {
        let last = TEXT_COLUMNS.max(from + 1);
        self.ws
            .merge_range(row, from, row, last, text, &self.f.paragraph)
            .map_err(err)?;
        self.last_col = self.last_col.max(last);
        // About 80 width units fit across the merged columns.
        let lines: f64 = text
            .lines()
            .map(|l| (chars_width(l) / 80.0).ceil().max(1.0))
            .sum::<f64>()
            .max(1.0);
        if lines > 1.0 {
            self.ws
                .set_row_height(row, 15.0 * lines.min(26.0))
                .map_err(err)?;
        }
        Ok(())
    }

    fn paragraph(&mut self, text: &str) -> io::Result<()> {
        self.text_span(self.row, 0, text.trim_end())?;
        self.row += 2;
        Ok(())
    }

    fn list(&mut self, l: &List) -> io::Result<()> {
        for (i, item) in l.items.iter().enumerate() {
            let mark = if l.ordered {
                format!("{}. ", i + 1)
            } else {
                "・".into()
            };
            self.text_span(self.row, 0, &format!("{mark}{}", item.text))?;
            self.row += 1;
            for d in &item.details {
                self.text_span(self.row, 0, &format!("　　{d}"))?;
                self.row += 1;
            }
        }
        self.row += 1;
        Ok(())
    }

    /// The chart's figures as a table, and a native chart over them beside it.
    fn chart(&mut self, c: &Chart) -> io::Result<()> {
        let data = c.as_table();
        let first = self.row + u32::from(data.title.is_some());
        self.table(&data)?;
        let name = self.ws.name();
        let categories = data.rows.len() as u32;
        let mut chart = XlChart::new(if c.stacked {
            ChartType::BarStacked
        } else {
            ChartType::Bar
        });
        for (k, series) in c.series.iter().enumerate() {
            let col = u16::try_from(k + 1).unwrap_or(u16::MAX);
            chart
                .add_series()
                .set_name(series.name.as_str())
                .set_categories((name.as_str(), first + 1, 0, first + categories, 0))
                .set_values((name.as_str(), first + 1, col, first + categories, col))
                // The colours of the HTML report's charts, not the spreadsheet's own.
                .set_format(
                    ChartFormat::new()
                        .set_solid_fill(ChartSolidFill::new().set_color(super::series_colour(k))),
                );
        }
        chart.title().set_name(&format!("{} ({})", c.title, c.unit));
        chart.x_axis().set_num_format("#,##0");
        // Categories top to bottom as in the table.
        chart.y_axis().set_reverse();
        chart.set_width(640).set_height(60 + 36 * categories.max(1));
        self.ws.insert_chart(self.row, 0, &chart).map_err(err)?;
        // Leave the rows the chart covers (about 20 pixels each).
        self.row += (60 + 36 * categories.max(1)) / 20 + 2;
        Ok(())
    }

    /// Column widths, A4 page setup and the print area.
    fn finish(&mut self) -> io::Result<()> {
        let mut total = 0.0;
        let mut last_col = self.last_col;
        for (i, w) in self.widths.iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            let width = if self.wrapped.contains(&col) {
                w.clamp(12.0, WRAP_WIDTH)
            } else {
                (w + 2.0).clamp(4.0, MAX_WIDTH)
            };
            self.ws.set_column_width(col, width).map_err(err)?;
            total += width;
        }
        // Columns past the used ones (Excel's default 8.43 wide) until the titles fit.
        while total < self.title_width && last_col < 50 {
            last_col += 1;
            total += 8.43;
        }
        self.ws.set_paper_size(A4);
        if total > 110.0 {
            self.ws.set_landscape();
        }
        self.ws.set_print_fit_to_pages(1, 0);
        let last_row = self.row.max(1);
        self.ws
            .set_print_area(0, 0, last_row, last_col)
            .map_err(err)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(sheet_name("a/b:c", &mut taken), "a_b_c");
        let long = "伊勢原市第6次行財政改革推進計画 令和5年度の取組結果 (長い名前)";
        let first = sheet_name(long, &mut taken);
        assert_eq!(first.chars().count(), 31);
        let second = sheet_name(long, &mut taken);
        assert_ne!(first, second);
        assert!(second.ends_with(" (2)") && second.chars().count() == 31);
    }
}
