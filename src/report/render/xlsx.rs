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

use crate::report::{Block, Cell, Chart, Document, Field, Form, FormCell, List, Table};

/// Worksheet column widths are capped here (characters); longer text wraps.
const MAX_WIDTH: f64 = 60.0;
/// Widest a wrapped text column is made.
const WRAP_WIDTH: f64 = 50.0;
/// Columns a paragraph of text spans.
const TEXT_COLUMNS: u16 = 8;
/// The width of a form's columns together: a portrait A4 page at 100%.
const FORM_WIDTH: f64 = 96.0;
/// A line of wrapped text, in points: Japanese glyphs need more than the 15 of a Latin line
/// at 11pt (LibreOffice clips the last line at 15).
const LINE: f64 = 17.0;
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
    label: XlFormat,
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
            label: cell
                .clone()
                .set_bold()
                .set_background_color("#E8EDF3")
                .set_text_wrap(),
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
        let mut w = SheetWriter::new(ws, &formats, doc.title.as_deref());
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
        let mut w = SheetWriter::new(ws, &formats, doc.title.as_deref());
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
    /// The document's title, for the pages' header.
    print_title: Option<&'a str>,
    row: u32,
    last_col: u16,
    widths: Vec<f64>,
    wrapped: BTreeSet<u16>,
    /// Columns whose width a form set: kept as set.
    fixed: std::collections::BTreeMap<u16, f64>,
    /// Text merged across columns: (row, first column, last column, text), to size the row.
    spans: Vec<(u32, u16, u16, String)>,
    /// Table rows with wrapped text: the row and each wrapped cell's column and text width.
    wrapped_rows: Vec<(u32, Vec<(u16, f64)>)>,
    /// The row of the first table's header, and every table's headers: a worksheet whose
    /// tables all have the same columns (the item list) repeats that row on every page.
    first_header: Option<u32>,
    headers: BTreeSet<Vec<String>>,
    /// The widest title or heading: the print area reaches at least this far.
    title_width: f64,
}

impl<'a> SheetWriter<'a> {
    fn new(ws: &'a mut Worksheet, f: &'a Formats, print_title: Option<&'a str>) -> Self {
        SheetWriter {
            ws,
            f,
            print_title,
            row: 0,
            last_col: 0,
            widths: Vec::new(),
            wrapped: BTreeSet::new(),
            fixed: std::collections::BTreeMap::new(),
            spans: Vec::new(),
            wrapped_rows: Vec::new(),
            first_header: None,
            headers: BTreeSet::new(),
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
                Block::Form(f) => {
                    self.form(f)?;
                    self.blocks(&f.below, depth + 1)?;
                }
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
            // Its width is chosen by the table (`table`), its row's height at the end.
            self.wrapped.insert(col);
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
            // A header may wrap between its words ("D 進捗がほぼなし" on two lines), never
            // inside one: it asks for half its width, and at least its longest word.
            let header = chars_width(&c.header);
            let word = (c.header.split_whitespace())
                .map(chars_width)
                .fold(0.0, f64::max);
            self.need(col, (header / 2.0).max(word + 1.0).max(4.0));
            if self.first_header.is_none() {
                self.first_header = Some(self.row);
            }
            self.headers
                .insert(t.columns.iter().map(|c| c.header.clone()).collect());
            let content = t
                .rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .map(|cell| chars_width(&cell.display()) + 2.0)
                .fold((header / 2.0).max(word + 1.0).max(4.0), f64::max)
                .min(if c.wrap { WRAP_WIDTH } else { MAX_WIDTH });
            header_lines = header_lines.max((header / content).ceil());
        }
        if header_lines > 1.0 {
            self.ws
                .set_row_height(self.row, LINE * header_lines.min(4.0) + 2.0)
                .map_err(err)?;
        }
        self.row += 1;
        let numeric: Vec<bool> = (0..t.columns.len()).map(|i| t.is_numeric(i)).collect();
        // A wrapped column is about a quarter as wide as its longest text (12 to
        // WRAP_WIDTH); its rows are made tall enough for their text once the widths are known
        // (not every spreadsheet fits row heights to wrapped text when it opens a file).
        for (i, c) in t.columns.iter().enumerate() {
            if c.wrap {
                let longest = (t.rows.iter())
                    .filter_map(|r| r.cells.get(i))
                    .map(|cell| chars_width(&cell.display()))
                    .fold(0.0, f64::max);
                let col = u16::try_from(i).unwrap_or(u16::MAX);
                self.need(col, (longest / 4.0).clamp(12.0, WRAP_WIDTH));
            }
        }
        for r in &t.rows {
            let wrapped: Vec<(u16, f64)> = (r.cells.iter().enumerate())
                .filter(|(i, _)| t.columns.get(*i).is_some_and(|c| c.wrap))
                .map(|(i, cell)| {
                    let col = u16::try_from(i).unwrap_or(u16::MAX);
                    (col, chars_width(&cell.display()))
                })
                .collect();
            if !wrapped.is_empty() {
                self.wrapped_rows.push((self.row, wrapped));
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

    /// Text merged across columns `from..TEXT_COLUMNS`, wrapped; its row is made tall enough
    /// once the columns' widths are known ([`SheetWriter::finish`]).
    fn text_span(&mut self, row: u32, from: u16, text: &str) -> io::Result<()> {
        let last = TEXT_COLUMNS.max(from + 1);
        self.ws
            .merge_range(row, from, row, last, text, &self.f.paragraph)
            .map_err(err)?;
        self.last_col = self.last_col.max(last);
        self.spans.push((row, from, last, text.to_string()));
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
        // A chart's figures are not a table whose header a page repeats (an item sheet's
        // chart under its form).
        let headers = (self.first_header, self.headers.clone());
        self.table(&data)?;
        (self.first_header, self.headers) = headers;
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

    /// A form on its grid: the columns as wide as the form says (about [`FORM_WIDTH`] in all,
    /// a portrait A4 page), cells merged over the columns and rows they span, rows tall enough
    /// for their text (counted in display width: a Japanese character is two).
    fn form(&mut self, form: &Form) -> io::Result<()> {
        if let Some(title) = &form.title {
            self.ws
                .write_string_with_format(self.row, 0, title, &self.f.caption)
                .map_err(err)?;
            self.row += 1;
        }
        let total: f64 = form
            .widths
            .iter()
            .map(|w| f64::from(*w))
            .sum::<f64>()
            .max(1.0);
        let widths: Vec<f64> = (form.widths.iter())
            .map(|w| (f64::from(*w) * FORM_WIDTH / total).max(3.0))
            .collect();
        for (i, w) in widths.iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            self.fixed.insert(col, *w);
            self.last_col = self.last_col.max(col);
        }
        // Lines each row needs: a cell's lines are shared by the rows it covers.
        let mut lines = vec![1.0f64; form.rows.len()];
        for (r, row) in form.rows.iter().enumerate() {
            for c in &row.cells {
                let width: f64 = widths.iter().skip(c.col).take(c.span).sum();
                let text = c.value.display();
                let needed: f64 = text
                    .lines()
                    .map(|l| (chars_width(l) / (width - 1.0).max(1.0)).ceil().max(1.0))
                    .sum::<f64>()
                    .max(1.0);
                let per_row = (needed / c.rows.max(1) as f64).ceil();
                for l in lines.iter_mut().skip(r).take(c.rows.max(1)) {
                    *l = l.max(per_row);
                }
            }
        }
        let first = self.row;
        for (r, row) in form.rows.iter().enumerate() {
            let at = first + r as u32;
            if lines[r] > 1.0 {
                self.ws
                    .set_row_height(at, LINE * lines[r].min(24.0) + 2.0)
                    .map_err(err)?;
            }
            for c in &row.cells {
                self.form_cell(at, c)?;
            }
        }
        self.row = first + form.rows.len() as u32 + 1;
        Ok(())
    }

    fn form_cell(&mut self, row: u32, c: &FormCell) -> io::Result<()> {
        let f = self.f;
        let col = u16::try_from(c.col).unwrap_or(u16::MAX);
        let last_col = col + u16::try_from(c.span.max(1) - 1).unwrap_or(0);
        let last_row = row + u32::try_from(c.rows.max(1) - 1).unwrap_or(0);
        let format = match &c.value {
            _ if c.label => &f.label,
            Cell::Number(d) | Cell::Amount(d) if d.fract().is_zero() => &f.integer,
            Cell::Number(_) | Cell::Amount(_) => &f.decimal,
            Cell::Percent(_) => &f.percent,
            Cell::Rating(_) | Cell::None => &f.rating,
            Cell::Text(_) | Cell::Empty => &f.wrap,
        };
        let merged = last_col > col || last_row > row;
        let number = match &c.value {
            Cell::Number(d) | Cell::Amount(d) | Cell::Percent(d) => d.to_f64(),
            _ => None,
        };
        let text = match &c.value {
            Cell::Number(_) | Cell::Amount(_) | Cell::Percent(_) => String::new(),
            other => other.display(),
        };
        if merged {
            self.ws
                .merge_range(row, col, last_row, last_col, &text, format)
                .map_err(err)?;
        }
        match number {
            Some(n) => self
                .ws
                .write_number_with_format(row, col, n, format)
                .map(|_| ())
                .map_err(err),
            None if merged => Ok(()),
            None if text.is_empty() => self
                .ws
                .write_blank(row, col, format)
                .map(|_| ())
                .map_err(err),
            None => self
                .ws
                .write_string_with_format(row, col, &text, format)
                .map(|_| ())
                .map_err(err),
        }
    }

    /// Column widths, A4 page setup and the print area.
    fn finish(&mut self) -> io::Result<()> {
        let mut total = 0.0;
        let mut last_col = self.last_col;
        let mut final_widths: Vec<f64> = Vec::new();
        // A form's columns may have no other content: they count too.
        let columns = (self.fixed.keys().next_back())
            .map_or(0, |c| usize::from(*c) + 1)
            .max(self.widths.len());
        self.widths.resize(columns, 0.0);
        for (i, w) in self.widths.iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            let width = if let Some(fixed) = self.fixed.get(&col) {
                *fixed
            } else if self.wrapped.contains(&col) {
                w.clamp(12.0, WRAP_WIDTH)
            } else {
                (w + 2.0).clamp(4.0, MAX_WIDTH)
            };
            self.ws.set_column_width(col, width).map_err(err)?;
            final_widths.push(width);
            total += width;
        }
        // Table rows tall enough for their wrapped text in the columns' final widths.
        for (row, cells) in &self.wrapped_rows {
            let lines = (cells.iter())
                .map(|(col, text)| {
                    let width = final_widths.get(usize::from(*col)).copied().unwrap_or(8.43);
                    (text / (width - 1.0).max(1.0)).ceil()
                })
                .fold(1.0, f64::max);
            if lines > 1.0 {
                self.ws
                    .set_row_height(*row, LINE * lines.min(24.0) + 2.0)
                    .map_err(err)?;
            }
        }
        // Rows of merged text tall enough for it across the columns it spans (a column not
        // sized is Excel's default 8.43; a Japanese character is two units wide).
        for (row, from, last, text) in &self.spans {
            let width: f64 = (*from..=*last)
                .map(|c| final_widths.get(usize::from(c)).copied().unwrap_or(8.43))
                .sum();
            let lines: f64 = text
                .lines()
                .map(|l| (chars_width(l) / (width - 1.0).max(1.0)).ceil().max(1.0))
                .sum::<f64>()
                .max(1.0);
            if lines > 1.0 {
                self.ws
                    .set_row_height(*row, LINE * lines.min(24.0) + 2.0)
                    .map_err(err)?;
            }
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
        if let (Some(row), 1) = (self.first_header, self.headers.len()) {
            self.ws.set_repeat_rows(row, row).map_err(err)?;
        }
        // The document's title at the top of every page, "page / pages" at the foot.
        if let Some(title) = self.print_title {
            let title: String = title.replace('&', "&&").chars().take(200).collect();
            self.ws.set_header(format!("&R&8{title}"));
        }
        self.ws.set_footer("&C&P / &N");
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
