//! Writes the plan sheet (`gyokaku template --plan-sheet`): 計画入力 with one row per item of
//! the plan (none for a new one) and rows ready for more — every cell text, so that a value
//! stays as typed ("23,583", "0.50") — with the rule set's kinds as a drop-down; and 計画情報
//! with the plan's own facts and scale. What an item holds that the sheet cannot carry is
//! listed, never dropped silently: importing the sheet leaves it as it is.

use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, Workbook, Worksheet, XlsxError,
};

use super::layout::{self, Column, Info, Layout, INFO_SHEET, PLAN_SHEET};
use crate::cycle::template::{wrapped_lines, Styles, LINE_HEIGHT};
use crate::cycle::TemplateError;
use crate::i18n::{Lang, Localize};
use crate::model::{Cell, Item, ItemId, MoneyUnit, Plan, Value};

crate::i18n::messages! {
    /// What the plan sheet says, and what is said about it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum PlanSheetText {
        /// The title of 計画入力.
        Title { plan: String } =>
            ja: "{plan} 計画入力シート",
            en: "{plan}: plan sheet";
        /// The instructions of 計画入力.
        Note =>
            ja: "1行に1つの実施項目を入力します。値は資料に印刷されているとおりに(例: 23,583 / ▲19.6% / 30億円以内 / 2(78) / 検討 / -)。目標のない年度は — 、該当なしは - 。種別は一覧から選びます。セルは結合しないでください。計画期間・評価の区分は「計画情報」シートにあります。",
            en: "One item a row. Type values as the document prints them (23,583 / ▲19.6% / 30億円以内 / 2(78) / 検討 / -); — for a year without a new target, - for none. Choose the kind from the list. Do not merge cells. The period and the rating scale are on the sheet 計画情報.";
        /// The title of 計画情報.
        InfoTitle =>
            ja: "計画情報 (計画期間を変えるときは、新しい計画入力シートを作り直してください)",
            en: "計画情報: the plan's facts (to change the period, make the plan sheet again)";
        /// Before the list of what the sheet does not carry.
        NotCarriedHeading =>
            ja: "計画入力シートに載らない内容 (取込みでは変更されず、ファイルにそのまま残ります):",
            en: "What the plan sheet does not carry (an import leaves it as it is in the files):";
        /// One kind of content the sheet does not carry, and the items that hold it.
        NotCarried { what: PlanSheetField, count: usize, items: Vec<String> } =>
            ja: "  {what}: {count}項目 ({items})",
            en: "  {what}: {count} item(s) ({items})";
    }

    /// What an item may hold that the plan sheet has no column for.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum PlanSheetField {
        /// 注記.
        Notes =>
            ja: "転記の注記 (notes)",
            en: "transcription notes (notes)";
        /// Discrepancies.
        Discrepancies =>
            ja: "資料の食い違いの記録 (discrepancies)",
            en: "recorded discrepancies of the document (discrepancies)";
        /// 全期間総合評価.
        OverallRating =>
            ja: "全期間総合評価 (overall_rating)",
            en: "overall rating (overall_rating)";
        /// The year's 取組方針.
        YearPolicy =>
            ja: "年度の取組方針・取組内容 (years.*.policy)",
            en: "the year's policy and actions (years.*.policy)";
        /// Results.
        Results =>
            ja: "実績 (実績値・実績効果額・評価・取組実績): gyokaku template --year で年度ごとに",
            en: "results (actual, actual effect, rating, comment): year by year through gyokaku template --year";
        /// 〔小計〕実績効果額.
        SubtotalActualEffect =>
            ja: "〔小計〕実績効果額 (年度の実績の取込みで計算)",
            en: "subtotal of actual effects (derived when a year's results are taken in)";
    }
}

/// Content of one kind the sheet does not carry, and the items that hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotCarried {
    /// What.
    pub what: PlanSheetField,
    /// The items that hold it.
    pub items: Vec<ItemId>,
}

impl Localize for NotCarried {
    fn localize(&self, lang: Lang) -> String {
        PlanSheetText::NotCarried {
            what: self.what.clone(),
            count: self.items.len(),
            items: self.items.iter().map(ToString::to_string).collect(),
        }
        .localize(lang)
    }
}

/// What the plan's items hold that the sheet does not carry, kind by kind (empty kinds left
/// out).
pub fn not_carried(plan: &Plan) -> Vec<NotCarried> {
    type Holds = fn(&Item) -> bool;
    let kinds: [(PlanSheetField, Holds); 6] = [
        (PlanSheetField::Notes, |i| {
            i.notes.iter().any(|n| !n.starts_with(layout::FORMULA_NOTE))
        }),
        (PlanSheetField::Discrepancies, |i| {
            !i.discrepancies.is_empty()
        }),
        (PlanSheetField::OverallRating, |i| {
            i.overall_rating.is_some()
        }),
        (PlanSheetField::YearPolicy, |i| {
            i.years.iter().any(|(_, e)| e.policy.is_some())
        }),
        (PlanSheetField::Results, |i| {
            i.years.iter().any(|(_, e)| e.has_results())
        }),
        (PlanSheetField::SubtotalActualEffect, |i| {
            i.subtotals.actual_effect.is_some()
        }),
    ];
    kinds
        .into_iter()
        .map(|(what, holds)| NotCarried {
            what,
            items: plan
                .items
                .iter()
                .filter(|i| holds(i))
                .map(|i| i.id)
                .collect(),
        })
        .filter(|n| !n.items.is_empty())
        .collect()
}

/// An effect amount as the sheet shows it: in the columns' unit, bare when written in it or
/// (for 千円) bare already; with its unit otherwise, so that it reads back exactly.
pub(super) fn effect_text(cell: &Cell, unit: MoneyUnit) -> String {
    let bare = matches!(&cell.value, Value::Number(q) if q.unit.is_none());
    match &cell.value {
        Value::Number(q) if unit != MoneyUnit::default() && bare && q.bound.is_none() => {
            format!("{}千円", cell.text)
        }
        Value::Number(q)
            if q.unit.as_deref() == Some(unit.label()) && unit != MoneyUnit::default() =>
        {
            cell.text.trim_end_matches(unit.label()).to_string()
        }
        _ => cell.text.clone(),
    }
}

/// The workbook as the bytes of an .xlsx file: the sheet of `plan` (its items, if any), the
/// kinds of `kinds` offered; `plan_dir` is where the plan is, to name its rule set as plan.toml
/// does.
pub fn write_plan_sheet(
    plan: &Plan,
    plan_dir: &Path,
    kinds: &[String],
    lang: Lang,
) -> Result<Vec<u8>, TemplateError> {
    let layout = Layout::new(&plan.years, plan.report_unit);
    let mut workbook = Workbook::new();
    let styles = Styles::new();
    let text = Format::new().set_num_format("@");
    let sheet = workbook.add_worksheet();
    write_items(sheet, plan, &layout, kinds, &styles, &text, lang)?;
    let info = workbook.add_worksheet();
    write_info(info, plan, plan_dir, &styles, &text, lang)?;
    Ok(workbook.save_to_buffer()?)
}

fn write_items(
    sheet: &mut Worksheet,
    plan: &Plan,
    layout: &Layout,
    kinds: &[String],
    styles: &Styles,
    text: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(PLAN_SHEET)?;
    let title = PlanSheetText::Title {
        plan: plan.name.clone(),
    };
    sheet.write_string_with_format(layout::TITLE_ROW, 0, title.localize(lang), &styles.title)?;
    let note = PlanSheetText::Note.localize(lang);
    sheet.write_string_with_format(layout::NOTE_ROW, 0, note, &styles.note)?;
    for &column in layout.columns() {
        let col = layout.index(column);
        sheet.write_string_with_format(
            layout::HEADING_ROW,
            col,
            layout.heading(column),
            &styles.heading,
        )?;
        let format = if Layout::wraps(column) {
            text.clone().set_text_wrap()
        } else {
            text.clone()
        };
        sheet.set_column_width(col, Layout::width(column))?;
        sheet.set_column_format(col, &format)?;
    }
    sheet.set_row_height(layout::HEADING_ROW, LINE_HEIGHT * 2.0 + 4.0)?;
    for (i, item) in plan.items.iter().enumerate() {
        let row = layout::FIRST_ITEM_ROW + i as u32;
        let mut lines = 1;
        for &column in layout.columns() {
            let value = cell_of(plan, item, layout, column);
            let format = if Layout::wraps(column) {
                lines = lines.max(wrapped_lines(&value, Layout::width(column)));
                styles.locked_wrap.clone()
            } else {
                styles.locked_text.clone()
            };
            let format = format.set_num_format("@").set_unlocked();
            // A blank cell keeps the row's borders.
            if value.is_empty() {
                sheet.write_blank(row, layout.index(column), &format)?;
            } else {
                sheet.write_string_with_format(row, layout.index(column), value, &format)?;
            }
        }
        sheet.set_row_height(row, LINE_HEIGHT * f64::from(lines.min(8)) + 4.0)?;
    }
    let last = layout::FIRST_ITEM_ROW + plan.items.len() as u32 + layout::BLANK_ROWS;
    if !kinds.is_empty() {
        let names: Vec<&str> = kinds.iter().map(String::as_str).collect();
        let validation = DataValidation::new()
            .allow_list_strings(&names)?
            .set_error_style(DataValidationErrorStyle::Stop)
            .set_error_title("種別")?
            .set_error_message(format!("種別は {} から選んでください", names.join(" / ")))?;
        let col = layout.index(Column::Kind);
        sheet.add_data_validation(layout::FIRST_ITEM_ROW, col, last, col, &validation)?;
    }
    sheet.set_freeze_panes(layout::FIRST_ITEM_ROW, layout.index(Column::Title) + 1)?;
    sheet.set_landscape();
    sheet.set_paper_size(8); // A3
    sheet.set_repeat_rows(layout::HEADING_ROW, layout::HEADING_ROW)?;
    Ok(())
}

/// The text of `column` for `item`.
fn cell_of(plan: &Plan, item: &Item, layout: &Layout, column: Column) -> String {
    let cell = |c: Option<&Cell>| c.map(|c| c.text.clone()).unwrap_or_default();
    let effect = |c: Option<&Cell>| c.map(|c| effect_text(c, layout.unit)).unwrap_or_default();
    let year = |i: usize| layout.years.get(i).and_then(|y| item.year(*y));
    let policy = plan.policies.iter().find(|p| p.number == item.id.policy);
    let theme = plan.themes.iter().find(|t| t.number == item.id.theme);
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    match column {
        Column::Policy => item.id.policy.to_string(),
        Column::PolicyName => policy.map(|p| p.name.clone()).unwrap_or_default(),
        Column::Theme => item.id.theme.to_string(),
        Column::ThemeName => theme.map(|t| t.name.clone()).unwrap_or_default(),
        Column::Number => item.id.number.to_string(),
        Column::Title => item.title.clone(),
        Column::Department => item.department.clone().unwrap_or_default(),
        Column::Section => item.section.clone(),
        Column::Related => item.related_sections.join("、"),
        Column::Indicator => item.indicator.name.clone(),
        Column::Unit => item.indicator.unit.clone(),
        Column::Kind => item.indicator.kind.clone(),
        Column::Baseline => cell(item.indicator.baseline.as_ref()),
        Column::FinalTarget => cell(item.indicator.final_target.as_ref()),
        Column::Target(i) => cell(year(i).and_then(|e| e.target.as_ref())),
        Column::ExpectedEffect(i) => effect(year(i).and_then(|e| e.expected_effect.as_ref())),
        Column::Subtotal => effect(item.subtotals.expected_effect.as_ref()),
        Column::YearPlan(i) => year(i).map(|e| text(&e.plan)).unwrap_or_default(),
        // A formula, or one in words kept as a note.
        Column::Formula => (item.indicator.effect.clone())
            .or_else(|| {
                (item.notes.iter())
                    .find_map(|n| n.strip_prefix(layout::FORMULA_NOTE))
                    .map(String::from)
            })
            .unwrap_or_default(),
        Column::Actions => text(&item.actions),
        Column::Situation => text(&item.situation),
        Column::FinalGoal => text(&item.final_goal),
        Column::Sheet => if item.sheet { "" } else { "なし" }.to_string(),
    }
}

fn write_info(
    sheet: &mut Worksheet,
    plan: &Plan,
    plan_dir: &Path,
    styles: &Styles,
    text: &Format,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(INFO_SHEET)?;
    let title = PlanSheetText::InfoTitle.localize(lang);
    sheet.write_string_with_format(layout::INFO_TITLE_ROW, 0, title, &styles.title)?;
    let rules = plan
        .rules
        .as_ref()
        .map(|r| {
            super::relative_to(r, plan_dir)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .unwrap_or_default();
    for info in Info::ALL {
        let value = match info {
            Info::Id => plan.id.clone(),
            Info::Name => plan.name.clone(),
            Info::Municipality => plan.municipality.clone(),
            Info::Years => plan
                .years
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            Info::Unit => plan.report_unit.to_string(),
            Info::Rules => rules.clone(),
        };
        sheet.write_string_with_format(info.row(), 0, info.label(), &styles.heading)?;
        sheet.write_string_with_format(info.row(), 1, value, &styles.entry)?;
    }
    for (col, heading) in layout::SCALE_HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(
            layout::SCALE_HEADING_ROW,
            col as u16,
            *heading,
            &styles.heading,
        )?;
    }
    let ratings = plan.scale.iter().flat_map(|s| &s.ratings);
    for (i, rating) in ratings.enumerate() {
        let row = layout::SCALE_HEADING_ROW + 1 + i as u32;
        for (col, value) in [&rating.label, &rating.name, &rating.name_en]
            .into_iter()
            .enumerate()
        {
            sheet.write_string_with_format(row, col as u16, value, &styles.entry)?;
        }
    }
    sheet.set_column_width(0, 16.0)?;
    sheet.set_column_width(1, 44.0)?;
    sheet.set_column_width(2, 24.0)?;
    for col in 0..3 {
        sheet.set_column_format(col, text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        crate::i18n::check_templates(&all_templates());
    }
}
