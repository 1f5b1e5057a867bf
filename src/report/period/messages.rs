//! The words of the whole period: `gyokaku period`'s headings, outlooks and CSV columns, the
//! report's 推移 section, and the help of the command's own option.

// The templates' list is read by the tests only.
#![allow(dead_code)]

crate::i18n::messages! {
    /// Headings and words of the period.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum PeriodText {
        /// The document's title.
        Title { plan: String, first: String, last: String } =>
            ja: "{plan} 全期間の進捗と見込み ({first}〜{last})",
            en: "{plan}: the whole period ({first}–{last})";
        /// The year the period is seen from.
        SeenFrom =>
            ja: "実績の年度",
            en: "results up to";
        /// No year has results.
        NoResultsYet =>
            ja: "実績のある年度はまだありません",
            en: "no year has results yet";
        /// The items' part.
        ItemsTitle =>
            ja: "実施項目別の推移と見込み",
            en: "Items: the years, the forecast, the overall rating";
        /// The items' forecasts.
        ForecastTableTitle =>
            ja: "最終年度目標の達成見込み",
            en: "The forecast to the final target";
        /// The items' ratings.
        RatingsTableTitle =>
            ja: "年度別の評価と全期間総合評価",
            en: "Ratings by year and over the whole period";
        /// The move from last year.
        Change =>
            ja: "前年度比",
            en: "change";
        /// The latest actual.
        LatestActual =>
            ja: "直近の実績値",
            en: "latest actual";
        /// The expected final-year value.
        Expected =>
            ja: "最終年度の見込み値",
            en: "expected in the final year";
        /// Whether the final target will be reached.
        Outlook =>
            ja: "見込み",
            en: "outlook";
        /// The overall rating the rules suggest.
        OverallSuggested =>
            ja: "総合評価 (提案)",
            en: "overall (suggested)";
        /// The overall rating recorded.
        OverallRecorded =>
            ja: "総合評価 (記録)",
            en: "overall (recorded)";
        /// Short for the overall rating in a column heading.
        OverallShort =>
            ja: "総合",
            en: "overall";
        /// 達成 before the final year.
        WillBeReached =>
            ja: "達成",
            en: "will be reached";
        /// 達成 once the final year has results.
        Reached =>
            ja: "達成",
            en: "reached";
        /// 未達の恐れ.
        AtRisk =>
            ja: "未達の恐れ",
            en: "at risk of missing";
        /// 未達成.
        Missed =>
            ja: "未達成",
            en: "missed";
        /// 判断できない.
        CannotTell =>
            ja: "判断できない",
            en: "cannot tell";
        /// After an outlook that rests on little.
        WeakMark =>
            ja: " (根拠弱)",
            en: " (weak)";
        /// After a provisional overall rating.
        ProvisionalMark =>
            ja: " (暫定)",
            en: " (provisional)";
        /// An expected range.
        Range { low: String, high: String } =>
            ja: "{low}〜{high}",
            en: "{low}–{high}";
        /// The explanations' part.
        WhyTitle =>
            ja: "見込みと総合評価の根拠",
            en: "Why: the forecasts and overall ratings explained";
        /// The policies' part.
        PoliciesTitle =>
            ja: "基本方針別の推移",
            en: "Policies over the period";
        /// Expected effects by year.
        ExpectedByYearTitle { unit: String } =>
            ja: "年度別の効果見込額 (単位:{unit})",
            en: "Expected effect by year ({unit})";
        /// Actual effects by year.
        ActualByYearTitle { unit: String } =>
            ja: "年度別の実績効果額 (単位:{unit})",
            en: "Actual effect by year ({unit})";
        /// Progress to date per policy.
        PolicyProgressTitle { unit: String } =>
            ja: "基本方針別の進捗 (実績のある年度、単位:{unit})",
            en: "Progress to date by policy (years with results, {unit})";
        /// Progress to date per theme.
        ThemeProgressTitle { unit: String } =>
            ja: "改革の推進項目別の進捗 (実績のある年度、単位:{unit})",
            en: "Progress to date by theme (years with results, {unit})";
        /// The whole period's expected effect.
        ExpectedWholePeriod =>
            ja: "効果見込額 (全期間)",
            en: "expected (whole period)";
        /// The expected effect of the years with results.
        ExpectedToDate =>
            ja: "効果見込額 (実績のある年度)",
            en: "expected (to date)";
        /// The actual effect to date.
        ActualToDate =>
            ja: "実績効果額 (累計)",
            en: "actual (to date)";
        /// Ratings by year.
        RatingsByYearTitle =>
            ja: "年度別の評価 (単位:件)",
            en: "Ratings by year (items)";
        /// Outlooks and overall ratings per policy.
        OutlooksTitle =>
            ja: "最終年度の見込みと総合評価の提案 (単位:件)",
            en: "Outlooks and suggested overall ratings (items)";
        /// The transitions' part.
        TransitionsTitle { from: String, to: String } =>
            ja: "前年度からの評価の推移 ({from}→{to})",
            en: "Ratings from {from} to {to}";
        /// The corner of the matrix.
        TransitionCorner { from: String, to: String } =>
            ja: "{from}＼{to}",
            en: "{from} \\ {to}";
        /// Rated better.
        Up =>
            ja: "上がった",
            en: "up";
        /// Rated the same.
        Same =>
            ja: "同じ",
            en: "same";
        /// Rated worse.
        Down =>
            ja: "下がった",
            en: "down";
        /// Not comparable.
        NoComparison =>
            ja: "比較できない (評価なし・尺度外)",
            en: "not comparable (no rating, or off the scale)";
        /// The items that fell two grades.
        FellTwoTitle =>
            ja: "2段階以上下がった項目:",
            en: "Items that fell two grades or more:";
        /// None fell two grades.
        NoneFellTwo =>
            ja: "ありません。",
            en: "none.";
        /// The report's 推移 section.
        TrendTitle =>
            ja: "推移",
            en: "Over the period";
        /// Its short name (worksheet).
        TrendShort =>
            ja: "推移",
            en: "Trend";
        /// The chart of the expected against the actual effect by year.
        EffectsChartTitle =>
            ja: "年度別の効果見込額と実績効果額",
            en: "Expected and actual effect by year";
        /// The chart of the actual effect by year, stacked by policy.
        ActualByPolicyChartTitle =>
            ja: "年度別の実績効果額 (基本方針別)",
            en: "Actual effect by year and policy";
        /// A policy's ratings chart.
        RatingsChartTitle { policy: String } =>
            ja: "{policy}: 年度別の評価",
            en: "{policy}: ratings by year";
        /// An item's chart of target against actual.
        ItemChartTitle =>
            ja: "目標値と実績値の推移",
            en: "Target and actual by year";
    }

    /// The columns of `gyokaku period`'s CSV.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum PeriodColumn {
        /// Item id.
        Id => ja: "取組", en: "id";
        /// 基本方針.
        Policy => ja: "基本方針", en: "policy";
        /// 改革の推進項目.
        Theme => ja: "改革の推進項目", en: "theme";
        /// 実施項目名.
        Title => ja: "実施項目", en: "title";
        /// Indicator kind.
        Kind => ja: "種別", en: "kind";
        /// Unit.
        Unit => ja: "単位", en: "unit";
        /// The recorded rating of a year.
        RatingIn { year: String } => ja: "評価_{year}", en: "rating_{year}";
        /// The move from last year.
        Change => ja: "前年度比", en: "change";
        /// The final target.
        FinalTarget => ja: "最終年度目標値", en: "final_target";
        /// The item's last year with results.
        LatestYear => ja: "直近の年度", en: "latest_year";
        /// Its actual.
        LatestActual => ja: "直近の実績", en: "latest_actual";
        /// The outlook.
        Outlook => ja: "見込み", en: "outlook";
        /// The expected final-year value.
        Expected => ja: "最終年度の見込み", en: "expected";
        /// The lower end of its range.
        Low => ja: "見込み_下限", en: "low";
        /// The upper end.
        High => ja: "見込み_上限", en: "high";
        /// The expected step.
        Step => ja: "見込みの段階", en: "step";
        /// Progress towards the final target.
        Progress => ja: "最終年度目標への進捗", en: "progress";
        /// Whether the forecast rests on little.
        Weak => ja: "根拠弱", en: "weak";
        /// The whole period's expected effect.
        ExpectedEffect => ja: "効果見込額_全期間", en: "expected_effect";
        /// The expected effect of the years with results.
        ExpectedEffectReported => ja: "効果見込額_実績のある年度", en: "expected_effect_reported";
        /// The actual effect to date.
        ActualEffect => ja: "実績効果額_累計", en: "actual_effect";
        /// The suggested overall rating.
        OverallSuggested => ja: "総合評価_提案", en: "overall_suggested";
        /// Whether it is provisional.
        OverallProvisional => ja: "総合評価_暫定", en: "overall_provisional";
        /// The recorded overall rating.
        OverallRecorded => ja: "総合評価_記録", en: "overall_recorded";
    }

    /// The help of `gyokaku period`'s own option.
    #[derive(Debug, Clone, Copy)]
    pub enum PeriodHelp {
        /// --year of period.
        SeenFrom =>
            ja: "この年度までの実績で見ます (R6、令和6年度 …) [既定: 実績のある最後の年度]",
            en: "See the period from this year's results (R6, 令和6年度 …) [default: the last year with results]";
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_message_has_both_wordings() {
        crate::i18n::check_templates(&super::all_templates());
    }
}
