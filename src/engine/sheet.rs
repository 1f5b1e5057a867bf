//! The one place a rule call's inputs are made: the cells of a progress sheet (進捗管理シート) —
//! a plan's item in a year, or a rule test case written like one — become the rules' `x`, and
//! an item's effect is computed from its formula or its kind's `effect(x)`. Evaluation, check,
//! explain and `gyokaku test` all go through here, so a case tests exactly what a plan runs.
//! The cells are those declared in [`super::record`].

use std::ops::Deref;

use rust_decimal::Decimal;

use super::input::{RuleInput, YearRecord};
use super::record;
use crate::i18n::Text;
use crate::model::{Bound, Cell, Scale};

/// The number in a cell, in the indicator's unit (億円 scaled exactly when the units differ).
pub fn number_in(cell: Option<&Cell>, unit: &str) -> Option<Decimal> {
    let q = cell?.value.quantity()?;
    Some(q.amount_in(unit).unwrap_or(q.amount))
}

fn total_of(cell: Option<&Cell>) -> Option<Decimal> {
    cell?.value.quantity()?.total
}

fn printed(cell: Option<&Cell>) -> String {
    cell.map(|c| c.text.clone()).unwrap_or_default()
}

/// The kinds of cell a sheet has: how a rule call holds each, borrowed from a plan
/// ([`CellKind::Ref`]) or owned, as a rule test case writes it ([`CellKind::Owned`]). A case
/// file writes and checks each kind in its own way (`ruletest::case`).
pub mod cell {
    use crate::model::{Cell, FiscalYear};

    /// A kind of cell.
    pub trait CellKind {
        /// The cell as a rule call reads it, borrowed from the sheet.
        type Ref<'a>;
        /// The cell owned.
        type Owned;
        /// The owned cell as a rule call reads it.
        fn view(owned: &Self::Owned) -> Self::Ref<'_>;
    }

    /// Text as printed; `""` when the sheet has none.
    #[derive(Debug)]
    pub struct Text;
    /// The indicator kind, naming the kind's script; a test case may name none.
    #[derive(Debug)]
    pub struct Kind;
    /// The indicator's unit as printed.
    #[derive(Debug)]
    pub struct Unit;
    /// An item id, as plan files write it ("5-8-3").
    #[derive(Debug)]
    pub struct Id;
    /// A rating label, or none.
    #[derive(Debug)]
    pub struct Label;
    /// A fiscal year.
    #[derive(Debug)]
    pub struct Year;
    /// A figure in the indicator's unit (目標値, 実績値, 現状値), or none.
    #[derive(Debug)]
    pub struct Figure;
    /// An amount of money (効果見込額, 実績効果額), or none.
    #[derive(Debug)]
    pub struct Money;

    impl CellKind for Text {
        type Ref<'a> = &'a str;
        type Owned = String;
        fn view(owned: &String) -> &str {
            owned
        }
    }

    impl CellKind for Kind {
        type Ref<'a> = &'a str;
        type Owned = Option<String>;
        fn view(owned: &Option<String>) -> &str {
            owned.as_deref().unwrap_or_default()
        }
    }

    impl CellKind for Unit {
        type Ref<'a> = &'a str;
        type Owned = String;
        fn view(owned: &String) -> &str {
            owned
        }
    }

    impl CellKind for Id {
        type Ref<'a> = String;
        type Owned = String;
        fn view(owned: &String) -> String {
            owned.clone()
        }
    }

    impl CellKind for Label {
        type Ref<'a> = Option<&'a str>;
        type Owned = Option<String>;
        fn view(owned: &Option<String>) -> Option<&str> {
            owned.as_deref()
        }
    }

    impl CellKind for Year {
        type Ref<'a> = FiscalYear;
        type Owned = FiscalYear;
        fn view(owned: &FiscalYear) -> FiscalYear {
            *owned
        }
    }

    impl CellKind for Figure {
        type Ref<'a> = Option<&'a Cell>;
        type Owned = Option<Cell>;
        fn view(owned: &Option<Cell>) -> Option<&Cell> {
            owned.as_ref()
        }
    }

    impl CellKind for Money {
        type Ref<'a> = Option<&'a Cell>;
        type Owned = Option<Cell>;
        fn view(owned: &Option<Cell>) -> Option<&Cell> {
            owned.as_ref()
        }
    }
}

use cell::CellKind;

/// Hands the cells of [`record::sheet_cells!`] to `$then` as two lists: every cell in order, and
/// those of one year's row (`in row`).
macro_rules! split_rows {
    ($then:ident [$($all:tt)*] [$($row:tt)*]
        $(#[$m:meta])* $name:ident : $kind:ident in row = $from:expr; $($rest:tt)*) => {
        $crate::engine::split_rows! { $then
            [$($all)* $(#[$m])* $name: $kind = $from;]
            [$($row)* $(#[$m])* $name: $kind = $from;]
            $($rest)*
        }
    };
    ($then:ident [$($all:tt)*] [$($row:tt)*]
        $(#[$m:meta])* $name:ident : $kind:ident = $from:expr; $($rest:tt)*) => {
        $crate::engine::split_rows! { $then
            [$($all)* $(#[$m])* $name: $kind = $from;]
            [$($row)*]
            $($rest)*
        }
    };
    ($then:ident [$($all:tt)*] [$($row:tt)*]) => {
        $then! { cells { $($all)* } row { $($row)* } }
    };
}
pub(crate) use split_rows;

/// Makes [`SheetCells`] and [`YearCells`], borrowed and owned, from [`record::sheet_cells!`].
macro_rules! sheet_structs {
    (
        cells { $( $(#[$m:meta])* $name:ident : $kind:ident = $from:expr; )* }
        row { $( $(#[$rm:meta])* $row:ident : $rkind:ident = $rfrom:expr; )* }
    ) => {
        /// What a rule call reads of a sheet for one year.
        #[derive(Debug, Clone)]
        pub struct SheetCells<'a> {
            $( $(#[$m])* pub $name: <cell::$kind as CellKind>::Ref<'a>, )*
            /// The rows of the years before this one, in order.
            pub earlier: Vec<YearCells<'a>>,
        }

        /// One year's row of a sheet.
        #[derive(Debug, Clone, Copy)]
        pub struct YearCells<'a> {
            $( $(#[$rm])* pub $row: <cell::$rkind as CellKind>::Ref<'a>, )*
        }

        impl<'a> SheetCells<'a> {
            /// The evaluated year's row.
            pub fn this_row(&self) -> YearCells<'a> {
                YearCells { $( $row: self.$row, )* }
            }
        }

        /// The cells of a sheet for one year, owned: a sheet written by hand, as a rule test
        /// case writes it.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct OwnedSheetCells {
            $( $(#[$m])* pub $name: <cell::$kind as CellKind>::Owned, )*
            /// The rows of the years before this one, in order.
            pub earlier: Vec<OwnedYearCells>,
        }

        /// One year's row of a sheet, owned.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct OwnedYearCells {
            $( $(#[$rm])* pub $row: <cell::$rkind as CellKind>::Owned, )*
        }

        impl OwnedSheetCells {
            /// The cells as a rule call reads them, as a plan's item gives them.
            pub fn cells(&self) -> SheetCells<'_> {
                SheetCells {
                    $( $name: <cell::$kind as CellKind>::view(&self.$name), )*
                    earlier: self.earlier.iter().map(OwnedYearCells::cells).collect(),
                }
            }
        }

        impl OwnedYearCells {
            /// The row as a rule call reads it.
            pub fn cells(&self) -> YearCells<'_> {
                YearCells { $( $row: <cell::$rkind as CellKind>::view(&self.$row), )* }
            }
        }
    };
}

record::sheet_cells!(sheet_structs);

/// A sheet for one year as the properties of `x` are made of it ([`record::input_properties!`]):
/// its cells, and the rule set's scale.
pub struct Sheet<'s, 'a> {
    cells: &'s SheetCells<'a>,
    scale: &'s Scale,
}

impl<'a> Deref for Sheet<'_, 'a> {
    type Target = SheetCells<'a>;

    fn deref(&self) -> &SheetCells<'a> {
        self.cells
    }
}

impl Sheet<'_, '_> {
    /// The number in a cell, in the indicator's unit.
    pub fn number(&self, cell: Option<&Cell>) -> Option<Decimal> {
        number_in(cell, self.unit)
    }

    /// A cell as printed; `""` when the sheet has none.
    pub fn printed(&self, cell: Option<&Cell>) -> String {
        printed(cell)
    }

    /// The bracketed total of a compound cell "2(78)".
    pub fn total(&self, cell: Option<&Cell>) -> Option<Decimal> {
        total_of(cell)
    }

    /// An amount of money in 千円.
    pub fn amount(&self, cell: Option<&Cell>) -> Option<Decimal> {
        cell.and_then(Cell::thousand_yen)
    }

    /// The bound written with the target (以内, 未満, 以上, 超).
    pub fn bound(&self) -> Option<Bound> {
        self.target.and_then(|c| c.value.quantity())?.bound
    }

    /// For a target with a bound: whether the actual keeps it.
    pub fn within_bound(&self) -> Option<bool> {
        match (
            self.bound(),
            self.number(self.actual),
            self.number(self.target),
        ) {
            (Some(b), Some(a), Some(t)) => Some(b.holds(a, t)),
            _ => None,
        }
    }

    /// The scale's labels, best first.
    pub fn labels(&self) -> Vec<String> {
        self.scale.labels().map(String::from).collect()
    }

    /// The records of the plan's years through this one, with their running totals.
    pub fn history(&self) -> Vec<YearRecord> {
        let mut history: Vec<YearRecord> = Vec::with_capacity(self.earlier.len() + 1);
        for cells in self.earlier.iter().copied().chain([self.this_row()]) {
            let row = Row {
                cells,
                unit: self.unit,
                before: history.last(),
            };
            let record = YearRecord::from_row(&row);
            history.push(record);
        }
        history
    }
}

/// One year's row as the properties of a year of `x.history` are made of it
/// ([`record::year_properties!`]): its cells, the indicator's unit, and the record of the year
/// before (for the running totals).
pub struct Row<'r, 'a> {
    cells: YearCells<'a>,
    unit: &'a str,
    before: Option<&'r YearRecord>,
}

impl<'a> Deref for Row<'_, 'a> {
    type Target = YearCells<'a>;

    fn deref(&self) -> &YearCells<'a> {
        &self.cells
    }
}

impl Row<'_, '_> {
    /// The number in a cell, in the indicator's unit.
    pub fn number(&self, cell: Option<&Cell>) -> Option<Decimal> {
        number_in(cell, self.unit)
    }

    /// A cell as printed; `""` when the sheet has none.
    pub fn printed(&self, cell: Option<&Cell>) -> String {
        printed(cell)
    }

    /// An amount of money in 千円.
    pub fn amount(&self, cell: Option<&Cell>) -> Option<Decimal> {
        cell.and_then(Cell::thousand_yen)
    }

    /// A running total through this year: the year before's (`sum`) plus this year's figure;
    /// `None` from the first year without one.
    pub fn running(
        &self,
        sum: fn(&YearRecord) -> Option<Decimal>,
        figure: Option<Decimal>,
    ) -> Option<Decimal> {
        let before = self.before.map_or(Some(Decimal::ZERO), sum);
        before.zip(figure).and_then(|(s, f)| s.checked_add(f))
    }
}

impl SheetCells<'_> {
    /// The rules' `x`: each property made of the cells as the sheet record (`engine/record.rs`)
    /// says.
    pub fn rule_input(&self, scale: &Scale) -> RuleInput {
        RuleInput::from_sheet(&Sheet { cells: self, scale })
    }
}

/// Which side of the sheet an effect is computed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffectBasis {
    /// From the year's target: the expected effect (効果見込額).
    Target,
    /// From the year's actual: the actual effect (実績効果額).
    Actual,
}

/// An effect computed by a formula or a kind's `effect(x)`, unrounded.
#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    /// The amount (千円).
    pub value: Decimal,
    /// Where it was computed: the item's formula (file and line) or the kind's script.
    pub file: String,
    /// How: the formula with its values, or what the script explained.
    pub notes: Vec<Text>,
}
