//! Writes the entry workbook a department fills in: one row per item of the year, the plan's
//! figures locked, the result cells (実績値, 実績効果額, 評価, 取組実績) open, a drop-down of the
//! rating scale, and optionally one 進捗管理シート per item that shows what was entered.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatAlign, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use super::layout::{self, cell_name, Column, ENTRY_SHEET};
use crate::i18n::{Arg, Lang};
use crate::model::{Cell, FiscalYear, Item, Plan, Scale, Value};

/// What to write.
#[derive(Debug, Clone)]
pub struct TemplateOptions<'a> {
    /// The year to report.
    pub year: FiscalYear,
    /// Only this department's items (取組主管 部局); all items when `None`.
    pub department: Option<&'a str>,
    /// The ratings offered in the drop-down.
    pub scale: &'a Scale,
    /// Also one sheet per item in the 進捗管理シート layout.
    pub item_sheets: bool,
}

crate::i18n::messages! {
    /// Why a workbook could not be written.
    #[derive(Debug)]
    pub enum TemplateError {
        /// The department, as given, is not one the plan's items name (the plan's are known).
        UnknownDepartment { name: String, known: Vec<String> } =>
            ja: "部局「{name}」の実施項目は計画にありません。計画の部局: {known}",
            en: "no item of the plan belongs to the department {name:?}; the plan's departments are {known}";
        /// The plan has no items to report for the year (令和6年度).
        NoItems { year: String } =>
            ja: "{year}に報告する実施項目が計画にありません",
            en: "the plan has no items to report for {year}";
        /// The xlsx writer failed (in its own words).
        Xlsx { error: XlsxError } =>
            ja: "ワークブックを作成できません: {error}",
            en: "cannot write the workbook: {error}";
    }
}

impl From<XlsxError> for TemplateError {
    fn from(error: XlsxError) -> Self {
        TemplateError::Xlsx { error }
    }
}

/// The xlsx writer words its errors in English only.
impl Arg for XlsxError {
    fn arg(&self, _: Lang) -> String {
        self.to_string()
    }
}

/// The plan's departments (取組主管 部局; the 所属 of an item whose document prints no 部局),
/// in the order their first item comes.
pub fn departments(plan: &Plan) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in &plan.items {
        if !out.iter().any(|d| d == item.reporter()) {
            out.push(item.reporter().to_string());
        }
    }
    out
}

/// The items a workbook for `options` lists: every item of the department (an item whose sheet
/// has no row for the year, such as one without a 進捗管理シート, reports too).
pub fn template_items<'p>(
    plan: &'p Plan,
    options: &TemplateOptions,
) -> Result<Vec<&'p Item>, TemplateError> {
    if let Some(name) = options.department {
        if !plan.items.iter().any(|i| i.reporter() == name) {
            return Err(TemplateError::UnknownDepartment {
                name: name.to_string(),
                known: departments(plan),
            });
        }
    }
    let items: Vec<&Item> = plan
        .items
        .iter()
        .filter(|i| options.department.is_none_or(|d| i.reporter() == d))
        .collect();
    if items.is_empty() {
        return Err(TemplateError::NoItems {
            year: options.year.japanese(),
        });
    }
    Ok(items)
}

/// The workbook as the bytes of an .xlsx file.
pub fn write_template(plan: &Plan, options: &TemplateOptions) -> Result<Vec<u8>, TemplateError> {
    let items = template_items(plan, options)?;
    let mut workbook = Workbook::new();
    let styles = Styles::new();
    let entry = workbook.add_worksheet();
    write_entry_sheet(entry, plan, options, &items, &styles)?;
    if options.item_sheets {
        for (i, item) in items.iter().enumerate() {
            let sheet = workbook.add_worksheet();
            write_item_sheet(
                sheet,
                plan,
                options.year,
                item,
                layout::FIRST_ITEM_ROW + i as u32,
                &styles,
            )?;
        }
    }
    Ok(workbook.save_to_buffer()?)
}

/// The cell formats (the plan sheet's too).
pub(crate) struct Styles {
    pub(crate) title: Format,
    label: Format,
    pub(crate) heading: Format,
    pub(crate) locked_text: Format,
    pub(crate) locked_wrap: Format,
    locked_number: Format,
    pub(crate) entry: Format,
    entry_wrap: Format,
    pub(crate) note: Format,
}

const FONT: &str = "游ゴシック";
const ENTRY_FILL: u32 = 0xFFF9DB;
const HEADING_FILL: u32 = 0xDDEBF7;

impl Styles {
    pub(crate) fn new() -> Self {
        let base = Format::new()
            .set_font_name(FONT)
            .set_font_size(10)
            .set_align(FormatAlign::Top);
        let boxed = base.clone().set_border(FormatBorder::Thin);
        Styles {
            title: base.clone().set_bold().set_font_size(14),
            label: base.clone().set_bold(),
            heading: boxed
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADING_FILL)),
            locked_text: boxed.clone(),
            locked_wrap: boxed.clone().set_text_wrap(),
            locked_number: boxed.clone().set_align(FormatAlign::Right),
            entry: boxed
                .clone()
                .set_unlocked()
                .set_background_color(Color::RGB(ENTRY_FILL)),
            entry_wrap: boxed
                .set_unlocked()
                .set_text_wrap()
                .set_background_color(Color::RGB(ENTRY_FILL)),
            note: base.set_font_color(Color::RGB(0x595959)),
        }
    }

    /// A number format showing as many decimals as the printed figure has: "#,##0.0".
    fn number(&self, decimals: u32) -> Format {
        let format = if decimals == 0 {
            "#,##0".to_string()
        } else {
            format!("#,##0.{}", "0".repeat(decimals as usize))
        };
        self.locked_number.clone().set_num_format(format)
    }
}

/// Writes a printed cell: a plain number as a number (so that Excel can add it up), anything
/// else ("30億円以内", "2(78)", "検討", "-") as the text the document prints.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: Option<&Cell>,
    styles: &Styles,
) -> Result<(), XlsxError> {
    match cell.map(|c| (&c.value, c)) {
        Some((Value::Number(q), _))
            if q.unit.is_none() && q.bound.is_none() && q.total.is_none() && q.note.is_none() =>
        {
            // Exact decimals of a printed figure fit a double (at most a few significant digits).
            let text = q.amount.normalize().to_string();
            match text.parse::<f64>() {
                Ok(n) => {
                    sheet.write_number_with_format(
                        row,
                        col,
                        n,
                        &styles.number(q.amount.scale()),
                    )?;
                }
                Err(_) => {
                    sheet.write_string_with_format(row, col, text, &styles.locked_number)?;
                }
            }
        }
        Some((_, c)) => {
            sheet.write_string_with_format(row, col, &c.text, &styles.locked_number)?;
        }
        None => {
            sheet.write_blank(row, col, &styles.locked_text)?;
        }
    }
    Ok(())
}

/// Height of one line of 10-point text, in points.
pub(crate) const LINE_HEIGHT: f64 = 14.0;

/// How many lines `text` takes wrapped in a column `width` characters wide.
pub(crate) fn wrapped_lines(text: &str, width: f64) -> u32 {
    let per_line = (width - 1.0).max(1.0);
    text.lines()
        .map(|l| {
            ((UnicodeWidthStr::width(l) as f64) / per_line)
                .ceil()
                .max(1.0) as u32
        })
        .sum::<u32>()
        .max(1)
}

/// Display width in Excel's character units: a Japanese character takes two.
fn width_of(text: &str) -> f64 {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) as f64
}

fn write_entry_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    options: &TemplateOptions,
    items: &[&Item],
    styles: &Styles,
) -> Result<(), TemplateError> {
    let year = options.year;
    sheet.set_name(ENTRY_SHEET)?;
    sheet.write_string_with_format(
        layout::TITLE_ROW,
        0,
        format!("{} {} 進捗管理 実績入力シート", plan.name, year.japanese()),
        &styles.title,
    )?;
    let info = layout::INFO_ROW;
    sheet.write_string_with_format(info, 0, layout::INFO_PLAN_LABEL, &styles.label)?;
    sheet.write_string(info, layout::INFO_PLAN_COL, &plan.id)?;
    sheet.write_string_with_format(
        info,
        layout::INFO_YEAR_COL - 1,
        layout::INFO_YEAR_LABEL,
        &styles.label,
    )?;
    sheet.write_string(info, layout::INFO_YEAR_COL, year.to_string())?;
    sheet.write_string_with_format(
        info,
        layout::INFO_DEPARTMENT_COL - 1,
        layout::INFO_DEPARTMENT_LABEL,
        &styles.label,
    )?;
    sheet.write_string(
        info,
        layout::INFO_DEPARTMENT_COL,
        options.department.unwrap_or("全部局"),
    )?;
    sheet.write_string_with_format(
        layout::NOTE_ROW,
        0,
        "色付きのセル(実績値・実績効果額・評価・取組実績)に入力してください。数値は資料に印刷するとおりに(例: 46,313 / 98.5% / 12.6億円 / 2(78))。評価は一覧から選びます。空欄のセルは取込みで変更されません。",
        &styles.note,
    )?;

    let mut widths: Vec<f64> = Column::ALL.iter().map(|c| width_of(c.heading())).collect();
    for column in Column::ALL {
        sheet.write_string_with_format(
            layout::HEADING_ROW,
            column.index(),
            column.heading(),
            &styles.heading,
        )?;
    }
    for (i, item) in items.iter().enumerate() {
        let row = layout::FIRST_ITEM_ROW + i as u32;
        let entry = item.year(year).cloned().unwrap_or_default();
        let mut lines = 1u32;
        let previous = year
            .previous()
            .and_then(|p| item.year(p))
            .and_then(|e| e.actual.clone());
        for column in Column::ALL {
            let col = column.index();
            let text = |s: &str| -> (String, &Format) {
                let f = if column.wraps() {
                    &styles.locked_wrap
                } else {
                    &styles.locked_text
                };
                (s.to_string(), f)
            };
            let written = match column {
                Column::Id => Some(text(&item.id.to_string())),
                Column::Title => Some(text(&item.title)),
                Column::Section => Some(text(&item.section)),
                Column::Indicator => Some(text(&item.indicator.name)),
                Column::Unit => Some(text(&item.indicator.unit)),
                Column::Plan => Some(text(entry.plan.as_deref().unwrap_or(""))),
                Column::Target => {
                    write_cell(sheet, row, col, entry.target.as_ref(), styles)?;
                    None
                }
                Column::ExpectedEffect => {
                    write_cell(sheet, row, col, entry.expected_effect.as_ref(), styles)?;
                    None
                }
                Column::PreviousActual => {
                    write_cell(sheet, row, col, previous.as_ref(), styles)?;
                    None
                }
                Column::Actual | Column::ActualEffect | Column::Rating => {
                    sheet.write_blank(row, col, &styles.entry)?;
                    None
                }
                Column::Comment => {
                    sheet.write_blank(row, col, &styles.entry_wrap)?;
                    None
                }
            };
            if let Some((value, format)) = written {
                if column.wraps() {
                    lines = lines.max(wrapped_lines(&value, column.wrap_width()));
                } else {
                    widths[col as usize] = widths[col as usize].max(width_of(&value));
                }
                sheet.write_string_with_format(row, col, value, format)?;
            }
        }
        // Rows are as tall as their longest wrapped text (spreadsheet programs do not all
        // re-measure rows when they open a file); the comment cell gets room for a few lines.
        sheet.set_row_height(row, LINE_HEIGHT * f64::from(lines.max(3)) + 4.0)?;
        for column in [
            Column::Target,
            Column::ExpectedEffect,
            Column::PreviousActual,
        ] {
            let cell = match column {
                Column::Target => entry.target.as_ref(),
                Column::ExpectedEffect => entry.expected_effect.as_ref(),
                _ => previous.as_ref(),
            };
            if let Some(c) = cell {
                let w = &mut widths[column.index() as usize];
                *w = w.max(width_of(&c.text));
            }
        }
    }
    for column in Column::ALL {
        let width = if column.wraps() {
            column.wrap_width()
        } else if column.is_entry() {
            widths[column.index() as usize].max(12.0)
        } else {
            widths[column.index() as usize]
        };
        sheet.set_column_width(column.index(), width + 2.0)?;
    }

    let last = layout::FIRST_ITEM_ROW + items.len() as u32 - 1;
    let labels: Vec<&str> = options.scale.labels().collect();
    let meanings: Vec<String> = options
        .scale
        .ratings
        .iter()
        .map(|r| format!("{} {}", r.label, r.name))
        .collect();
    let mut validation = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title("評価")?
        .set_error_message(format!("評価は {} から選んでください", labels.join(" / ")))?;
    let message = meanings.join("\n");
    if message.chars().count() <= 255 {
        validation = validation
            .set_input_title("評価")?
            .set_input_message(message)?;
    }
    let rating = Column::Rating.index();
    sheet.add_data_validation(layout::FIRST_ITEM_ROW, rating, last, rating, &validation)?;

    sheet.set_freeze_panes(layout::FIRST_ITEM_ROW, 2)?;
    sheet.set_landscape();
    sheet.set_paper_size(8); // A3
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(layout::HEADING_ROW, layout::HEADING_ROW)?;
    sheet.protect_with_options(&protection());
    Ok(())
}

/// Locked cells cannot be changed, but rows and columns can be resized.
fn protection() -> ProtectionOptions {
    ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    }
}

/// Column widths of a 進捗管理シート: year, planned actions, target, expected effect, actual,
/// actual effect, rating.
const ITEM_SHEET_WIDTHS: [f64; 7] = [16.0, 44.0, 12.0, 16.0, 12.0, 16.0, 8.0];

/// One item's 進捗管理シート: what the plan says and, for the year, what the entry sheet holds
/// (by formula, so the sheet shows what the department types in 実績入力).
fn write_item_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    year: FiscalYear,
    item: &Item,
    entry_row: u32,
    styles: &Styles,
) -> Result<(), TemplateError> {
    sheet.set_name(layout::item_sheet_name(&item.id))?;
    sheet.write_string_with_format(
        0,
        0,
        format!("進捗管理シート {} {}", item.id.japanese(), item.title),
        &styles.title,
    )?;
    let mut row = 2;
    let mut pair = |sheet: &mut Worksheet, label: &str, text: &str| -> Result<(), XlsxError> {
        sheet.write_string_with_format(row, 0, label, &styles.heading)?;
        sheet.merge_range(row, 1, row, 6, text, &styles.locked_wrap)?;
        let lines = wrapped_lines(text, ITEM_SHEET_WIDTHS[1..].iter().sum());
        sheet.set_row_height(row, LINE_HEIGHT * f64::from(lines) + 4.0)?;
        row += 1;
        Ok(())
    };
    let owner = item.owner();
    pair(sheet, "取組主管", &owner)?;
    pair(sheet, "関連所属", &item.related_sections.join("、"))?;
    pair(
        sheet,
        "具体的な改善取組内容",
        item.actions.as_deref().unwrap_or(""),
    )?;
    pair(sheet, "現状と課題", item.situation.as_deref().unwrap_or(""))?;
    let last_year = plan.years.last().map(|y| y.japanese()).unwrap_or_default();
    pair(
        sheet,
        &format!("{last_year}において目指す姿"),
        item.final_goal.as_deref().unwrap_or(""),
    )?;
    let indicator = format!("{}(単位: {})", item.indicator.name, item.indicator.unit);
    pair(sheet, "指標", &indicator)?;
    let figures = format!(
        "現状値 {} / 計画最終年度の目標値 {}",
        item.indicator
            .baseline
            .as_ref()
            .map(|c| c.text.as_str())
            .unwrap_or("-"),
        item.indicator
            .final_target
            .as_ref()
            .map(|c| c.text.as_str())
            .unwrap_or("-")
    );
    pair(sheet, "指標の値", &figures)?;
    row += 1;
    let headings = [
        "年度",
        "年次計画",
        "目標値",
        "効果見込額(千円)",
        "実績値",
        "実績効果額(千円)",
        "評価",
    ];
    for (col, h) in headings.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *h, &styles.heading)?;
    }
    row += 1;
    // The stored result of each formula is blank text, as the entry cells are when the
    // workbook is written: a program that does not recalculate on opening (LibreOffice) shows
    // it as it is, nothing rather than 0. (An empty `set_result` would fall back to the
    // sheet's default, "0".)
    sheet.set_formula_result_default("");
    let reference = |column: Column| {
        let cell = format!("'{ENTRY_SHEET}'!{}", cell_name(entry_row, column.index()));
        rust_xlsxwriter::Formula::new(format!("=IF({cell}=\"\",\"\",{cell})"))
    };
    for y in &plan.years {
        let entry = item.year(*y).cloned().unwrap_or_default();
        sheet.write_string_with_format(row, 0, y.japanese(), &styles.locked_text)?;
        let plan_text = entry.plan.as_deref().unwrap_or("");
        sheet.write_string_with_format(row, 1, plan_text, &styles.locked_wrap)?;
        let lines = wrapped_lines(plan_text, ITEM_SHEET_WIDTHS[1]);
        sheet.set_row_height(row, LINE_HEIGHT * f64::from(lines) + 4.0)?;
        write_cell(sheet, row, 2, entry.target.as_ref(), styles)?;
        write_cell(sheet, row, 3, entry.expected_effect.as_ref(), styles)?;
        if *y == year {
            for (col, column) in [
                (4, Column::Actual),
                (5, Column::ActualEffect),
                (6, Column::Rating),
            ] {
                sheet.write_formula_with_format(
                    row,
                    col,
                    reference(column),
                    &styles.locked_number,
                )?;
            }
        } else {
            write_cell(sheet, row, 4, entry.actual.as_ref(), styles)?;
            write_cell(sheet, row, 5, entry.actual_effect.as_ref(), styles)?;
            sheet.write_string_with_format(
                row,
                6,
                entry.rating.as_deref().unwrap_or(""),
                &styles.locked_text,
            )?;
        }
        row += 1;
    }
    sheet.write_string_with_format(row, 0, "〔小計〕", &styles.heading)?;
    write_cell(
        sheet,
        row,
        3,
        item.subtotals.expected_effect.as_ref(),
        styles,
    )?;
    sheet.merge_range(
        row,
        4,
        row,
        6,
        "実績効果額の小計は取込み時に各年度の合計から計算",
        &styles.note,
    )?;
    row += 2;
    sheet.write_string_with_format(
        row,
        0,
        format!("{}の取組実績", year.japanese()),
        &styles.heading,
    )?;
    sheet.merge_range(row, 1, row, 6, "", &styles.locked_wrap)?;
    sheet.write_formula_with_format(row, 1, reference(Column::Comment), &styles.locked_wrap)?;
    sheet.set_row_height(row, LINE_HEIGHT * 5.0)?;

    for (col, width) in ITEM_SHEET_WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.protect_with_options(&protection());
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
