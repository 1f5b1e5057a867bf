//! The entry workbook's layout, shared by the writer (`template`) and the reader (`import`):
//! one sheet 実績入力 with a heading block, a row of column headings and one row per item.
//! Defined once here, so the two can never disagree about where a value stands.

/// The entry sheet's name.
pub const ENTRY_SHEET: &str = "実績入力";

/// Row (0-based) of the title.
pub const TITLE_ROW: u32 = 0;
/// Row of the workbook's identity: plan id, year, department.
pub const INFO_ROW: u32 = 1;
/// Row of the filling instructions.
pub const NOTE_ROW: u32 = 2;
/// Row of the column headings.
pub const HEADING_ROW: u32 = 3;
/// First item row.
pub const FIRST_ITEM_ROW: u32 = 4;

/// Columns of the identity row: label, value pairs.
pub const INFO_PLAN_LABEL: &str = "計画ID";
/// Column of the plan id's value.
pub const INFO_PLAN_COL: u16 = 1;
/// Label of the year.
pub const INFO_YEAR_LABEL: &str = "年度";
/// Column of the year's value ("R6").
pub const INFO_YEAR_COL: u16 = 3;
/// Label of the department.
pub const INFO_DEPARTMENT_LABEL: &str = "部局";
/// Column of the department's value.
pub const INFO_DEPARTMENT_COL: u16 = 5;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// The item id, `5-8-3` (locked).
    Id,
    /// 実施項目名 (locked).
    Title,
    /// 取組主管 所属 (locked).
    Section,
    /// 指標 (locked).
    Indicator,
    /// 単位 (locked).
    Unit,
    /// The year's planned actions, 年次計画 (locked).
    Plan,
    /// The year's target (locked).
    Target,
    /// 効果見込額 (locked).
    ExpectedEffect,
    /// The previous year's actual, for reference (locked).
    PreviousActual,
    /// 実績値 (entered).
    Actual,
    /// 実績効果額 (entered).
    ActualEffect,
    /// 評価 (entered, from the drop-down).
    Rating,
    /// 取組実績 (entered).
    Comment,
}

impl Column {
    /// Every column, left to right.
    pub const ALL: [Column; 13] = [
        Column::Id,
        Column::Title,
        Column::Section,
        Column::Indicator,
        Column::Unit,
        Column::Plan,
        Column::Target,
        Column::ExpectedEffect,
        Column::PreviousActual,
        Column::Actual,
        Column::ActualEffect,
        Column::Rating,
        Column::Comment,
    ];

    /// 0-based column number.
    pub fn index(self) -> u16 {
        Column::ALL.iter().position(|c| *c == self).unwrap_or(0) as u16
    }

    /// The heading as the sheet prints it.
    pub fn heading(self) -> &'static str {
        match self {
            Column::Id => "番号",
            Column::Title => "実施項目名",
            Column::Section => "取組主管所属",
            Column::Indicator => "指標",
            Column::Unit => "単位",
            Column::Plan => "年次計画",
            Column::Target => "目標値",
            Column::ExpectedEffect => "効果見込額(千円)",
            Column::PreviousActual => "前年度実績値",
            Column::Actual => "実績値",
            Column::ActualEffect => "実績効果額(千円)",
            Column::Rating => "評価",
            Column::Comment => "取組実績",
        }
    }

    /// Whether the department fills it in (unlocked).
    pub fn is_entry(self) -> bool {
        matches!(
            self,
            Column::Actual | Column::ActualEffect | Column::Rating | Column::Comment
        )
    }

    /// The item file's key of the year's row that an entry column fills.
    pub fn field(self) -> Option<&'static str> {
        match self {
            Column::Actual => Some("actual"),
            Column::ActualEffect => Some("actual_effect"),
            Column::Rating => Some("rating"),
            Column::Comment => Some("comment"),
            _ => None,
        }
    }

    /// Whether long text is wrapped at a fixed width (else the column is as wide as its
    /// widest cell).
    pub fn wraps(self) -> bool {
        matches!(
            self,
            Column::Title | Column::Indicator | Column::Plan | Column::Comment
        )
    }

    /// The width of a wrapped column, in Excel's character units (a Japanese character takes
    /// two).
    pub fn wrap_width(self) -> f64 {
        match self {
            Column::Title => 28.0,
            Column::Indicator => 24.0,
            Column::Plan => 40.0,
            _ => 40.0,
        }
    }
}

/// "A1"-style name of a cell, 0-based row and column: (11, 3) → "D12".
pub fn cell_name(row: u32, col: u16) -> String {
    let mut letters = Vec::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// The sheet of one item's 進捗管理シート: its id.
pub fn item_sheet_name(id: &crate::model::ItemId) -> String {
    id.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 3), "D12");
        assert_eq!(cell_name(4, 25), "Z5");
        assert_eq!(cell_name(4, 26), "AA5");
    }

    #[test]
    fn entry_columns_name_their_fields() {
        let entries: Vec<_> = Column::ALL.iter().filter(|c| c.is_entry()).collect();
        assert_eq!(entries.len(), 4);
        assert!(entries.iter().all(|c| c.field().is_some()));
        assert_eq!(Column::Actual.index(), 9);
    }
}
