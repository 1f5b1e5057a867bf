//! The sheet record, declared once: the cells of a progress sheet (進捗管理シート) a rule reads,
//! the properties of `x` made of them, and those of each year of `x.history`. Each list is a
//! macro that hands its entries to the macro named in the call, and each module makes its own
//! part of them, so nothing else lists them:
//!
//! - [`sheet_cells!`]: the sheet's cells borrowed and owned ([`SheetCells`](super::SheetCells),
//!   [`OwnedSheetCells`](super::OwnedSheetCells), `sheet.rs`), how a plan fills them
//!   (`evaluation::sheet_cells`), and the keys a rule test case accepts (`ruletest::case`: a
//!   case writes every cell under its name, in this order in messages);
//! - [`input_properties!`]: the input's struct [`RuleInput`](super::RuleInput), the getters a
//!   script reads, [`PROPERTIES`](super::PROPERTIES) (also the hint for a misspelt property) and
//!   the rows of `gyokaku explain`, with their meanings, in this order (`input.rs`);
//! - [`year_properties!`]: [`YearRecord`](super::YearRecord) and its getters (`input.rs`).
//!
//! # Adding an input
//!
//! - A property made of cells the sheet already has: one entry in [`input_properties!`] — its
//!   name, its type, how it is made of the sheet ([`Sheet`](super::sheet::Sheet): the cells,
//!   the indicator's unit, the scale) and what it means in Japanese and English. Scripts read
//!   it, `explain` shows it and remembered calls compare it from then on.
//! - A cell the rules do not read yet (once the plan's item files have it): first one entry in
//!   [`sheet_cells!`] — its name, its kind ([`cell`](super::cell): how it is held, how a case
//!   writes and checks it) and how a plan gives it; `in row` when every year of the sheet has
//!   one. Rule test cases accept it under the same name.

/// The cells of a sheet a rule reads, in the order a case file's keys are listed: each with its
/// kind and how a plan gives it for an item in a year (`p`, an
/// [`ItemYear`](crate::evaluation::ItemYear)). The cells `in row` are those of one year's row,
/// which the history repeats for every earlier year.
macro_rules! sheet_cells {
    ($then:ident) => {
        $crate::engine::split_rows! { $then [] []
            /// The indicator kind: names the kind's script (a case may give none).
            kind: Kind = |p| &p.item.indicator.kind;
            /// 単位 as printed ("件", "%", "-"); "-" when a case gives none.
            unit: Unit = |p| &p.item.indicator.unit;
            /// The item id: 5-8-3.
            id: Id = |p| p.item.id.to_string();
            /// 実施項目名: the item's title.
            title: Text = |p| &p.item.title;
            /// The indicator's name.
            indicator: Text = |p| &p.item.indicator.name;
            /// The fiscal year: R5.
            year: Year in row = |p| p.year;
            /// 目標値.
            target: Figure in row = |p| p.entry.and_then(|e| e.target.as_ref());
            /// 実績値.
            actual: Figure in row = |p| p.entry.and_then(|e| e.actual.as_ref());
            /// 指標の現状値.
            baseline: Figure = |p| p.item.indicator.baseline.as_ref();
            /// 計画最終年度の目標値.
            final_target: Figure = |p| p.item.indicator.final_target.as_ref();
            /// The previous year's actual (the baseline in the plan's first year).
            previous: Figure = |p| p.before(|e| e.actual.as_ref());
            /// The previous year's target (the baseline in the plan's first year).
            previous_target: Figure = |p| p.before(|e| e.target.as_ref());
            /// 効果見込額.
            expected_effect: Money in row = |p| p.entry.and_then(|e| e.expected_effect.as_ref());
            /// 実績効果額.
            actual_effect: Money in row = |p| p.entry.and_then(|e| e.actual_effect.as_ref());
            /// 年次計画: the year's planned actions; "" when none.
            plan: Text = |p| p.entry.and_then(|e| e.plan.as_deref()).unwrap_or_default();
            /// 取組実績: the year's comment; "" when none.
            comment: Text = |p| p.entry.and_then(|e| e.comment.as_deref()).unwrap_or_default();
            /// The rating recorded for the year.
            recorded: Label = |p| p.entry.and_then(|e| e.rating.as_deref());
        }
    };
}
pub(crate) use sheet_cells;

/// Every property of `x`, in the order `explain` shows them: its type, how it is made of the
/// sheet (`s`, a [`Sheet`](super::sheet::Sheet)), and what it means in Japanese and English.
/// Those read from the others are not stored: they are worked out when a script reads them
/// (`x`, the [`RuleInput`](super::RuleInput)).
macro_rules! input_properties {
    ($then:ident) => {
        $then! {
          made of the sheet {
            /// Item id, "5-8-3".
            id: String = |s| s.id.clone()
                => "取組", "item id";
            /// Item title.
            title: String = |s| s.title.to_string()
                => "実施項目名", "item title";
            /// Indicator kind.
            kind: String = |s| s.kind.to_string()
                => "指標の種別", "indicator kind";
            /// Indicator name.
            indicator: String = |s| s.indicator.to_string()
                => "指標", "indicator";
            /// Indicator unit ("件", "%", "-").
            unit: String = |s| s.unit.to_string()
                => "単位", "unit";
            /// Fiscal year, "R5".
            year: String = |s| s.year.to_string()
                => "年度", "fiscal year";
            /// The year's target, as a number in the indicator's unit.
            target: Option<Decimal> = |s| s.number(s.target)
                => "目標値", "the year's target";
            /// The year's actual.
            actual: Option<Decimal> = |s| s.number(s.actual)
                => "実績値", "the year's actual";
            /// The baseline (指標の現状値).
            baseline: Option<Decimal> = |s| s.number(s.baseline)
                => "指標の現状値", "baseline";
            /// The final year's target.
            final_target: Option<Decimal> = |s| s.number(s.final_target)
                => "計画最終年度の目標値", "final year's target";
            /// The previous year's actual; the baseline in the first year.
            previous: Option<Decimal> = |s| s.number(s.previous)
                => "前年度の実績値 (初年度は現状値)", "previous actual (baseline in the first year)";
            /// The previous year's target; the baseline in the first year.
            previous_target: Option<Decimal> = |s| s.number(s.previous_target)
                => "前年度の目標値 (初年度は現状値)", "previous target (baseline in the first year)";
            /// The bound written with the target: "<=", "<", ">=", ">".
            bound: Option<String> = |s| s.bound().map(|b| b.operator().to_string())
                => "目標の範囲 (以内・未満…)", "bound written with the target";
            /// For a target with a bound (以内, 未満 …): whether the actual keeps it.
            within_bound: Option<bool> = |s| s.within_bound()
                => "実績が範囲内か", "whether the actual keeps the bound";
            /// The target as printed.
            target_text: String = |s| s.printed(s.target)
                => "目標値 (表記どおり)", "target as printed";
            /// The actual as printed.
            actual_text: String = |s| s.printed(s.actual)
                => "実績値 (表記どおり)", "actual as printed";
            /// 指標の現状値 as printed (`"未導入"`, `"▲19.6%"`; `""` when blank).
            baseline_text: String = |s| s.printed(s.baseline)
                => "指標の現状値 (表記どおり)", "baseline as printed";
            /// 計画最終年度の目標値 as printed (`"導入方針の決定"`, `"運用中"`).
            final_target_text: String = |s| s.printed(s.final_target)
                => "計画最終年度の目標値 (表記どおり)", "final year's target as printed";
            /// The year's planned actions (年次計画) as printed; `""` when the sheet has none.
            plan: String = |s| s.plan.to_string()
                => "年次計画 (その年度の取組)", "the year's planned actions";
            /// The year's comment (取組実績) as printed; `""` when the sheet has none.
            comment: String = |s| s.comment.to_string()
                => "取組実績 (所属のコメント)", "the year's comment";
            /// Bracketed total of a compound target "2(78)".
            target_total: Option<Decimal> = |s| s.total(s.target)
                => "目標値の括弧内の累計", "bracketed total of the target";
            /// Bracketed total of a compound actual "2(76)".
            actual_total: Option<Decimal> = |s| s.total(s.actual)
                => "実績値の括弧内の累計", "bracketed total of the actual";
            /// 効果見込額 of the year.
            expected_effect: Option<Decimal> = |s| s.amount(s.expected_effect)
                => "効果見込額 (千円)", "expected effect (thousand yen)";
            /// 実績効果額 of the year.
            actual_effect: Option<Decimal> = |s| s.amount(s.actual_effect)
                => "実績効果額 (千円)", "actual effect (thousand yen)";
            /// The rating recorded on the sheet.
            recorded: Option<String> = |s| s.recorded.map(String::from)
                => "評価 (記録)", "recorded rating";
            /// For `effect(x)`: the value the effect is computed from (target or actual).
            value: Option<Decimal> = |s| s.number(s.actual)
                => "effect(x) の値 (実績値)", "value for effect(x): the actual";
            /// For `effect(x)`: bracketed total of `value`.
            total: Option<Decimal> = |s| s.total(s.actual)
                => "value の括弧内の累計", "bracketed total of value";
            /// The scale's labels, best first.
            scale: Vec<String> = |s| s.labels()
                => "評価の尺度", "the scale's labels";
            /// The plan's years from its first through the evaluated one, in order: targets,
            /// actuals, effects and running totals, so rules can compute cumulative progress
            /// (累計) from annual figures. The evaluated year is the last.
            history: Vec<YearRecord> = |s| s.history()
                => "初年度から当該年度までの各年度 (目標値・実績値・効果額・累計)",
                   "each year from the first to this one: targets, actuals, effects, totals";
            /// The position of the evaluated year in `history` (0 in the plan's first year).
            year_index: usize = |s| s.earlier.len()
                => "history 内の当該年度の位置", "this year's position in history";
          }
          read from the others {
                /// Running total of the annual targets through the evaluated year.
                target_sum: Option<Decimal> = |x| x.this_year().and_then(|y| y.target_sum)
                    => "目標値の累計 (初年度から)", "running total of targets";
                /// Running total of the annual actuals through the evaluated year.
                actual_sum: Option<Decimal> = |x| x.this_year().and_then(|y| y.actual_sum)
                    => "実績値の累計 (初年度から)", "running total of actuals";
                /// Running total of 効果見込額 through the evaluated year.
                expected_effect_sum: Option<Decimal> =
                    |x| x.this_year().and_then(|y| y.expected_effect_sum)
                    => "効果見込額の累計 (千円)", "running total of expected effects";
                /// Running total of 実績効果額 through the evaluated year.
                actual_effect_sum: Option<Decimal> =
                    |x| x.this_year().and_then(|y| y.actual_effect_sum)
                    => "実績効果額の累計 (千円)", "running total of actual effects";
          }
        }
    };
}
pub(crate) use input_properties;

/// Every property of one year of `x.history`: its type and how it is made of the year's row
/// (`r`, a [`Row`](super::sheet::Row): the row's cells, the unit, the year before's record).
macro_rules! year_properties {
    ($then:ident) => {
        $then! {
            /// Fiscal year as the plan writes it in short, "R5".
            year: String = |r| r.year.to_string();
            /// The year's target, in the indicator's unit.
            target: Option<Decimal> = |r| r.number(r.target);
            /// The year's actual.
            actual: Option<Decimal> = |r| r.number(r.actual);
            /// The target as printed.
            target_text: String = |r| r.printed(r.target);
            /// The actual as printed.
            actual_text: String = |r| r.printed(r.actual);
            /// 効果見込額 (千円).
            expected_effect: Option<Decimal> = |r| r.amount(r.expected_effect);
            /// 実績効果額 (千円).
            actual_effect: Option<Decimal> = |r| r.amount(r.actual_effect);
            /// Running total of the annual targets from the plan's first year through this one;
            /// `()` when one of those years has no numeric target.
            target_sum: Option<Decimal> = |r| r.running(|y| y.target_sum, r.number(r.target));
            /// Running total of the annual actuals, likewise.
            actual_sum: Option<Decimal> = |r| r.running(|y| y.actual_sum, r.number(r.actual));
            /// Running total of 効果見込額, likewise.
            expected_effect_sum: Option<Decimal> =
                |r| r.running(|y| y.expected_effect_sum, r.amount(r.expected_effect));
            /// Running total of 実績効果額, likewise.
            actual_effect_sum: Option<Decimal> =
                |r| r.running(|y| y.actual_effect_sum, r.amount(r.actual_effect));
        }
    };
}
pub(crate) use year_properties;
