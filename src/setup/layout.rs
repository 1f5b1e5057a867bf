//! The plan sheet's layout, shared by the writer (`template --plan-sheet`) and the reader
//! (`import --plan-sheet`): the sheet 計画入力 with one row per item (its place in the plan,
//! owner, indicator, the period's targets, expected effects and yearly plans, the effect
//! formula and the sheet's texts), and the sheet 計画情報 with what plan.toml says of the plan
//! itself. Defined once here, so the two can never disagree about where a value stands. Its
//! headings are the document's Japanese, in every language.

use crate::model::{FiscalYear, MoneyUnit};

/// The items' sheet.
pub const PLAN_SHEET: &str = "計画入力";
/// The plan's own facts and its scale.
pub const INFO_SHEET: &str = "計画情報";

/// Row (0-based) of the items' sheet's title.
pub const TITLE_ROW: u32 = 0;
/// Row of the filling instructions.
pub const NOTE_ROW: u32 = 1;
/// Row of the column headings.
pub const HEADING_ROW: u32 = 2;
/// First item row.
pub const FIRST_ITEM_ROW: u32 = 3;
/// Rows an empty sheet is prepared for (text cells, the kinds' drop-down) beyond its items.
pub const BLANK_ROWS: u32 = 300;

/// A fact of 計画情報: its label in column A, its value in column B, one a row from row 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Info {
    /// 計画ID: the plan's id.
    Id,
    /// 計画の名称.
    Name,
    /// 自治体名.
    Municipality,
    /// 計画期間: the years as the document prints them, separated by commas.
    Years,
    /// 効果額の単位: the report's unit, and the unit of the effect columns.
    Unit,
    /// The rule set, as plan.toml names it (relative to the plan's folder).
    Rules,
}

impl Info {
    /// Every fact, top to bottom.
    pub const ALL: [Info; 6] = [
        Info::Id,
        Info::Name,
        Info::Municipality,
        Info::Years,
        Info::Unit,
        Info::Rules,
    ];

    /// Its row (0-based).
    pub fn row(self) -> u32 {
        2 + Info::ALL.iter().position(|i| *i == self).unwrap_or(0) as u32
    }

    /// Its label.
    pub fn label(self) -> &'static str {
        match self {
            Info::Id => "計画ID",
            Info::Name => "計画の名称",
            Info::Municipality => "自治体名",
            Info::Years => "計画期間",
            Info::Unit => "効果額の単位",
            Info::Rules => "ルールセット",
        }
    }
}

/// Row of 計画情報's title.
pub const INFO_TITLE_ROW: u32 = 0;
/// Row of the scale's headings (評価, 意味, 意味(英語)); its ratings follow, best first, to
/// the first blank row.
pub const SCALE_HEADING_ROW: u32 = 10;
/// The scale's headings.
pub const SCALE_HEADINGS: [&str; 3] = ["評価", "意味", "意味(英語)"];

/// What a column of 計画入力 holds; a year's columns carry the index of the year in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// 基本方針 number.
    Policy,
    /// 基本方針.
    PolicyName,
    /// 改革の推進項目 number, counted across the plan.
    Theme,
    /// 改革の推進項目.
    ThemeName,
    /// The item's number in its theme (1 or ①).
    Number,
    /// 取組項目 (実施項目名).
    Title,
    /// 取組主管 部局.
    Department,
    /// 取組主管 所属 (課).
    Section,
    /// 関連所属, separated by 、.
    Related,
    /// 指標.
    Indicator,
    /// 単位.
    Unit,
    /// 種別: a kind of the rule set.
    Kind,
    /// 現状値.
    Baseline,
    /// 計画最終年度の目標値.
    FinalTarget,
    /// A year's 目標値.
    Target(usize),
    /// A year's 効果見込額.
    ExpectedEffect(usize),
    /// 〔小計〕効果見込額.
    Subtotal,
    /// A year's 年次計画.
    YearPlan(usize),
    /// 効果額の算定式.
    Formula,
    /// 具体的な改善取組内容.
    Actions,
    /// 現状と課題.
    Situation,
    /// 目指す姿.
    FinalGoal,
    /// 進捗管理シート: blank or あり, なし when the document has none.
    Sheet,
}

/// The columns of a plan of `years`, whose effects are in `unit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The period.
    pub years: Vec<FiscalYear>,
    /// The effect columns' unit.
    pub unit: MoneyUnit,
    columns: Vec<Column>,
}

impl Layout {
    /// The layout of a plan.
    pub fn new(years: &[FiscalYear], unit: MoneyUnit) -> Self {
        use Column::*;
        let n = years.len();
        let mut columns = vec![
            Policy,
            PolicyName,
            Theme,
            ThemeName,
            Number,
            Title,
            Department,
            Section,
            Related,
            Indicator,
            Unit,
            Kind,
            Baseline,
            FinalTarget,
        ];
        columns.extend((0..n).map(Target));
        columns.extend((0..n).map(ExpectedEffect));
        columns.push(Subtotal);
        columns.extend((0..n).map(YearPlan));
        columns.extend([Formula, Actions, Situation, FinalGoal, Sheet]);
        Layout {
            years: years.to_vec(),
            unit,
            columns,
        }
    }

    /// Every column, left to right.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// 0-based column number.
    pub fn index(&self, column: Column) -> u16 {
        self.columns.iter().position(|c| *c == column).unwrap_or(0) as u16
    }

    /// The heading as the sheet prints it (a year's columns name the year on a second line).
    pub fn heading(&self, column: Column) -> String {
        let year = |i: usize| self.years.get(i).map(|y| y.japanese()).unwrap_or_default();
        let money = self.unit.to_string();
        match column {
            Column::Policy => "基本方針\n番号".into(),
            Column::PolicyName => "基本方針".into(),
            Column::Theme => "推進項目\n番号".into(),
            Column::ThemeName => "改革の推進項目".into(),
            Column::Number => "取組\n番号".into(),
            Column::Title => "取組項目".into(),
            Column::Department => "取組主管\n部局".into(),
            Column::Section => "取組主管\n所属".into(),
            Column::Related => "関連所属".into(),
            Column::Indicator => "指標".into(),
            Column::Unit => "単位".into(),
            Column::Kind => "種別".into(),
            Column::Baseline => "現状値".into(),
            Column::FinalTarget => "計画最終年度の目標値".into(),
            Column::Target(i) => format!("目標値\n{}", year(i)),
            Column::ExpectedEffect(i) => format!("効果見込額({money})\n{}", year(i)),
            Column::Subtotal => format!("〔小計〕\n効果見込額({money})"),
            Column::YearPlan(i) => format!("年次計画\n{}", year(i)),
            Column::Formula => "効果額の算定式".into(),
            Column::Actions => "具体的な改善取組内容".into(),
            Column::Situation => "現状と課題".into(),
            Column::FinalGoal => "目指す姿".into(),
            Column::Sheet => "進捗管理\nシート".into(),
        }
    }

    /// Whether its text is long and wraps at a fixed width.
    pub fn wraps(column: Column) -> bool {
        matches!(
            column,
            Column::PolicyName
                | Column::ThemeName
                | Column::Title
                | Column::Indicator
                | Column::YearPlan(_)
                | Column::Formula
                | Column::Actions
                | Column::Situation
                | Column::FinalGoal
        )
    }

    /// Its width, in Excel's character units (a Japanese character takes two).
    pub fn width(column: Column) -> f64 {
        match column {
            Column::Policy | Column::Theme | Column::Number | Column::Sheet => 9.0,
            Column::Unit | Column::Kind => 14.0,
            Column::PolicyName | Column::ThemeName | Column::Title | Column::Indicator => 26.0,
            Column::YearPlan(_) | Column::Actions | Column::Situation | Column::FinalGoal => 40.0,
            Column::Formula => 24.0,
            _ => 14.0,
        }
    }
}

/// How an item file keeps an effect formula given in words (効果額の算定式 that is not an
/// expression the rules can compute): as a note starting with this.
pub const FORMULA_NOTE: &str = "効果額の算定式: ";

/// "5(8)": a theme as the document numbers it, for the headings of its rows.
pub fn circled(n: u32) -> Option<char> {
    match n {
        1..=20 => char::from_u32(0x2460 + n - 1),
        21..=35 => char::from_u32(0x3251 + n - 21),
        36..=50 => char::from_u32(0x32B1 + n - 36),
        _ => None,
    }
}

/// The number a circled digit (①, ㉑, ㊱) stands for.
pub fn uncircled(c: char) -> Option<u32> {
    let c = c as u32;
    match c {
        0x2460..=0x2473 => Some(c - 0x2460 + 1),
        0x3251..=0x325F => Some(c - 0x3251 + 21),
        0x32B1..=0x32BF => Some(c - 0x32B1 + 36),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_the_period() {
        let years: Vec<FiscalYear> = (5..=9).map(FiscalYear::reiwa).collect();
        let layout = Layout::new(&years, MoneyUnit::default());
        assert_eq!(layout.columns().len(), 14 + 5 * 3 + 1 + 5);
        assert_eq!(layout.index(Column::Target(0)), 14);
        assert_eq!(layout.heading(Column::Target(2)), "目標値\n令和7年度");
        assert_eq!(
            layout.heading(Column::ExpectedEffect(0)),
            "効果見込額(千円)\n令和5年度"
        );
        for n in 1..=50 {
            assert_eq!(uncircled(circled(n).unwrap()), Some(n));
        }
    }
}
