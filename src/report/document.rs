//! What a report says, apart from how it is printed: a [`Document`] of titled sections holding
//! tables of typed cells, key/value lines, notes, paragraphs and charts, with every word
//! already in the chosen language. Each command builds one; a renderer (`render/`) prints any
//! document as text, Markdown, CSV, JSON, xlsx or HTML. No report formats a cell itself.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::i18n::{Lang, Localize};
use crate::model::MoneyUnit;

crate::i18n::messages! {
    /// A heading with the unit of its amounts.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum UnitHeading {
        /// "効果見込額(百万円)".
        WithUnit { heading: String, unit: String } =>
            ja: "{heading}({unit})",
            en: "{heading} ({unit})";
    }
}

/// A column heading of effect amounts with the unit they are printed in: 効果見込額(百万円).
pub fn with_unit(heading: String, unit: MoneyUnit, lang: Lang) -> String {
    UnitHeading::WithUnit {
        heading,
        unit: unit.in_lang(lang).into(),
    }
    .localize(lang)
}

/// A whole report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Document {
    /// The heading of the whole (a report's title; none for a bare table).
    pub title: Option<String>,
    /// Lines printed under the title on the first page (a cover's date and author).
    pub cover: Vec<String>,
    /// The content, in order.
    pub blocks: Vec<Block>,
    /// The machine-readable table for CSV (open data: plain numbers, one header row). Without
    /// it CSV prints the document's only table, or all its tables in long form.
    #[serde(skip)]
    pub csv: Option<Table>,
    /// The machine-readable form for JSON (the command's data, exact decimals as strings).
    /// Without it JSON prints the document itself.
    #[serde(skip)]
    pub json: Option<serde_json::Value>,
}

/// One piece of a document.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Block {
    /// A titled section (nested sections are sub-headings; top-level sections are worksheets
    /// in xlsx).
    Section(Section),
    /// A table.
    Table(Table),
    /// "key: value" lines.
    Fields(Vec<Field>),
    /// A bulleted (or numbered) list; each entry may carry indented detail lines.
    List(List),
    /// A paragraph of text (line breaks kept).
    Text(String),
    /// A chart of the figures of a table.
    Chart(Chart),
    /// A form laid out on a grid (the official 進捗管理シート): drawn as its grid where the
    /// format can (HTML, xlsx), else as its fallback blocks.
    Form(Form),
}

/// A form: cells placed on a grid of columns, spanning columns and rows, as a printed sheet
/// lays them out.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Form {
    /// Printed above the grid.
    pub title: Option<String>,
    /// The columns' relative widths.
    pub widths: Vec<u16>,
    /// The rows, top to bottom.
    pub rows: Vec<FormRow>,
    /// What formats without a grid print instead (text, Markdown, CSV, JSON).
    pub fallback: Vec<Block>,
    /// What the formats that draw the grid print under it (the fallback holds it already).
    pub below: Vec<Block>,
}

/// One row of a form: the cells that start on it, left to right.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FormRow {
    /// The cells.
    pub cells: Vec<FormCell>,
}

/// A cell of a form.
#[derive(Debug, Clone, Serialize)]
pub struct FormCell {
    /// The first column it covers.
    pub col: usize,
    /// How many columns it covers.
    pub span: usize,
    /// How many rows it covers (this one and those below).
    pub rows: usize,
    /// Its value.
    pub value: Cell,
    /// A label of the form (shaded), not a value.
    pub label: bool,
}

/// A titled part of a document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Section {
    /// The heading.
    pub title: String,
    /// A short name for a worksheet or an anchor (at most 31 characters in xlsx); the title
    /// when none.
    pub short: Option<String>,
    /// A top-level section that goes on where the one before it ends: on the same worksheet,
    /// without a new printed page.
    pub continues: bool,
    /// The content.
    pub blocks: Vec<Block>,
}

/// A key and its value.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// What the value is.
    pub key: String,
    /// The value.
    pub value: Cell,
}

/// Entries, bulleted or numbered.
#[derive(Debug, Clone, Default, Serialize)]
pub struct List {
    /// Numbered 1., 2., … instead of bulleted.
    pub ordered: bool,
    /// The entries.
    pub items: Vec<ListItem>,
}

/// One entry of a list.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListItem {
    /// The entry.
    pub text: String,
    /// Lines shown indented under it.
    pub details: Vec<String>,
}

/// A table: columns and rows of typed cells.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Table {
    /// Printed above the table.
    pub title: Option<String>,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows; each as long as `columns`.
    pub rows: Vec<Row>,
}

/// A column.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// The header as a person reads it.
    pub header: String,
    /// Long text that may be wrapped to fit the page or the terminal.
    pub wrap: bool,
    /// Values printed as written that read as figures ("20,800", "30億円以内"): aligned
    /// right like numbers.
    pub figures: bool,
}

/// A row of cells.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    /// The cells.
    pub cells: Vec<Cell>,
    /// A total line (bold where the format can show it).
    pub total: bool,
    /// Where the row's first cell links to, on a page that has links (the workbench's item
    /// list); formats without links ignore it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// A typed value: the renderer decides how it reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum Cell {
    /// Nothing written (blank everywhere).
    Empty,
    /// Not applicable or not given: "-" where a person reads it, blank in CSV, null in JSON.
    None,
    /// Text, as written.
    Text(String),
    /// A count or a plain value: grouped where a person reads it ("1,234"), plain in CSV.
    Number(Decimal),
    /// An amount of money: grouped where a person reads it ("569,807"), `#,##0` in xlsx,
    /// plain in CSV.
    Amount(Decimal),
    /// A ratio shown as a percentage: 1.1 reads "110.0%"; CSV gives the ratio itself.
    Percent(Decimal),
    /// A rating label on a scale ("A").
    Rating(String),
}

/// A bar chart over categories.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Chart {
    /// The chart's title.
    pub title: String,
    /// Stacked (ratings per policy) or side by side (expected against actual).
    pub stacked: bool,
    /// The category names (one per bar or group).
    pub categories: Vec<String>,
    /// The series: a name and one value per category.
    pub series: Vec<Series>,
    /// What the values count, for the axis ("件", "千円").
    pub unit: String,
    /// Drawn small, under the table it belongs to (an item's sheet), so that both fit on
    /// one printed page.
    pub compact: bool,
}

/// One series of a chart.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// Its name (a rating label, "効果見込額").
    pub name: String,
    /// One value per category.
    pub values: Vec<Decimal>,
}

impl Document {
    /// An empty document with a title.
    pub fn titled(title: impl Into<String>) -> Self {
        Document {
            title: Some(title.into()),
            ..Document::default()
        }
    }

    /// Appends a block.
    pub fn push(&mut self, block: impl Into<Block>) {
        self.blocks.push(block.into());
    }

    /// Every table of the document, sections included, in order.
    pub fn tables(&self) -> Vec<&Table> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Table>) {
            for b in blocks {
                match b {
                    Block::Table(t) => out.push(t),
                    Block::Section(s) => walk(&s.blocks, out),
                    Block::Form(f) => walk(&f.fallback, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut out);
        out
    }
}

impl Chart {
    /// The chart's figures as a table: a row per category, a column per series (how formats
    /// without graphics show a chart).
    pub fn as_table(&self) -> Table {
        let mut headers = vec![String::new()];
        headers.extend(self.series.iter().map(|s| s.name.clone()));
        let mut t = Table::new(&headers).title(format!("{} ({})", self.title, self.unit));
        for (i, cat) in self.categories.iter().enumerate() {
            let mut cells = vec![Cell::Text(cat.clone())];
            cells.extend(
                self.series
                    .iter()
                    .map(|s| s.values.get(i).map_or(Cell::None, |v| Cell::Number(*v))),
            );
            t.row(cells);
        }
        t
    }
}

impl Section {
    /// An empty section.
    pub fn new(title: impl Into<String>) -> Self {
        Section {
            title: title.into(),
            ..Section::default()
        }
    }

    /// Sets the short name (worksheet name).
    pub fn short(mut self, short: impl Into<String>) -> Self {
        self.short = Some(short.into());
        self
    }

    /// Appends a block.
    pub fn push(&mut self, block: impl Into<Block>) {
        self.blocks.push(block.into());
    }
}

impl Table {
    /// A table with these column headers.
    pub fn new<S: AsRef<str>>(headers: &[S]) -> Self {
        Table {
            title: None,
            columns: headers
                .iter()
                .map(|h| Column {
                    header: h.as_ref().to_string(),
                    wrap: false,
                    figures: false,
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Marks columns whose text may be wrapped.
    pub fn wrap(mut self, columns: &[usize]) -> Self {
        for &i in columns {
            if let Some(c) = self.columns.get_mut(i) {
                c.wrap = true;
            }
        }
        self
    }

    /// Marks columns of figures printed as written (aligned right).
    pub fn figures(mut self, columns: &[usize]) -> Self {
        for &i in columns {
            if let Some(c) = self.columns.get_mut(i) {
                c.figures = true;
            }
        }
        self
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row {
            cells,
            total: false,
            link: None,
        });
    }

    /// Adds a row whose first cell links to `link` where the format has links.
    pub fn linked_row(&mut self, cells: Vec<Cell>, link: impl Into<String>) {
        self.rows.push(Row {
            cells,
            total: false,
            link: Some(link.into()),
        });
    }

    /// Adds a total row.
    pub fn total(&mut self, cells: Vec<Cell>) {
        self.rows.push(Row {
            cells,
            total: true,
            link: None,
        });
    }

    /// Whether column `i` holds figures (right-aligned): marked so, or every filled cell is a
    /// number.
    pub fn is_numeric(&self, i: usize) -> bool {
        if self.columns.get(i).is_some_and(|c| c.figures) {
            return true;
        }
        let mut any = false;
        for r in &self.rows {
            match r.cells.get(i) {
                Some(Cell::Number(_) | Cell::Amount(_) | Cell::Percent(_)) => any = true,
                Some(Cell::Empty | Cell::None) | None => {}
                Some(_) => return false,
            }
        }
        any
    }
}

impl Cell {
    /// Text, or [`Cell::None`] when there is none.
    pub fn text_or_none(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::None, |s| Cell::Text(s.into()))
    }

    /// An amount, or [`Cell::None`].
    pub fn amount_or_none(d: Option<Decimal>) -> Cell {
        d.map_or(Cell::None, Cell::Amount)
    }

    /// An amount of 千円 (the sheets' unit) in `unit`, converted exactly, or [`Cell::None`].
    pub fn amount_in(unit: MoneyUnit, d: Option<Decimal>) -> Cell {
        Cell::amount_or_none(d.map(|d| unit.from_thousand_yen(d).unwrap_or(d)))
    }

    /// A percentage, or [`Cell::None`].
    pub fn percent_or_none(d: Option<Decimal>) -> Cell {
        d.map_or(Cell::None, Cell::Percent)
    }

    /// A count.
    pub fn count(n: usize) -> Cell {
        Cell::Number(Decimal::from(n))
    }

    /// As a person reads it: grouped figures, percentages, "-" for none.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::None => "-".into(),
            Cell::Text(s) | Cell::Rating(s) => s.clone(),
            Cell::Number(d) | Cell::Amount(d) => crate::number::format_number(*d),
            Cell::Percent(d) => crate::number::format_percent(*d),
        }
    }

    /// As open data reads it: plain numbers, ratios as ratios, blank for none.
    pub fn plain(&self) -> String {
        match self {
            Cell::Empty | Cell::None => String::new(),
            Cell::Text(s) | Cell::Rating(s) => s.clone(),
            Cell::Number(d) | Cell::Amount(d) | Cell::Percent(d) => crate::number::plain(*d),
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<Section> for Block {
    fn from(s: Section) -> Self {
        Block::Section(s)
    }
}

impl From<Table> for Block {
    fn from(t: Table) -> Self {
        Block::Table(t)
    }
}

impl From<List> for Block {
    fn from(l: List) -> Self {
        Block::List(l)
    }
}

impl From<Form> for Block {
    fn from(f: Form) -> Self {
        Block::Form(f)
    }
}

impl FormCell {
    /// A value over `span` columns from `col`.
    pub fn value(col: usize, span: usize, value: impl Into<Cell>) -> Self {
        FormCell {
            col,
            span,
            rows: 1,
            value: value.into(),
            label: false,
        }
    }

    /// A label over `span` columns from `col`.
    pub fn label(col: usize, span: usize, text: impl Into<String>) -> Self {
        FormCell {
            label: true,
            ..FormCell::value(col, span, Cell::Text(text.into()))
        }
    }

    /// The cell covering `rows` rows.
    pub fn tall(mut self, rows: usize) -> Self {
        self.rows = rows;
        self
    }
}

impl From<Chart> for Block {
    fn from(c: Chart) -> Self {
        Block::Chart(c)
    }
}

impl Field {
    /// A key with a text value.
    pub fn text(key: impl Into<String>, value: impl Into<String>) -> Self {
        Field {
            key: key.into(),
            value: Cell::Text(value.into()),
        }
    }
}

impl List {
    /// A bulleted list of plain entries.
    pub fn bullets<S: Into<String>>(entries: impl IntoIterator<Item = S>) -> Self {
        List {
            ordered: false,
            items: entries
                .into_iter()
                .map(|e| ListItem {
                    text: e.into(),
                    details: Vec::new(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_has_both_wordings() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
