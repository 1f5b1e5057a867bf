//! The words every report shares: headings and labels, and the columns and coded values of
//! CSV open data. A report's own words live beside it.

crate::i18n::messages! {
    /// Headings, column names and labels of the reports (src/report, src/cycle/status.rs).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Heading {
        /// cli/cache.rs: the cache's title.
        CacheTitle =>
            ja: "キャッシュ",
            en: "Cache";
        /// cli/cache.rs: the title after `--clear`.
        CacheCleared =>
            ja: "キャッシュを空にしました",
            en: "Cache emptied";
        /// cli/cache.rs: the cache folder.
        CacheFolder =>
            ja: "フォルダ",
            en: "Folder";
        /// cli/cache.rs: what a part of the cache holds.
        CacheContent =>
            ja: "内容",
            en: "Content";
        /// cli/cache.rs: the number of entries (after `--clear`: removed).
        CacheEntries =>
            ja: "項目数",
            en: "Entries";
        /// cli/cache.rs: their size.
        CacheBytes =>
            ja: "容量 (バイト)",
            en: "Size (bytes)";
        /// cli/cache.rs: the folder `plans`.
        CacheParsedPlans =>
            ja: "解析済みの計画",
            en: "parsed plans";
        /// cli/cache.rs: the folder `evaluations`.
        CacheStoredEvaluations =>
            ja: "保存済みの評価",
            en: "stored evaluations";
        /// report/explain.rs, CSV: the column saying which part of the trace a row belongs to.
        TracePart =>
            ja: "区分",
            en: "part";
        /// report/explain.rs, CSV: the column naming the input, call or outcome.
        TraceName =>
            ja: "名前",
            en: "name";
        /// report/explain.rs, CSV: a row of the rules' input.
        TraceInput =>
            ja: "入力",
            en: "input";
        /// report/explain.rs, CSV: a row of the outcome.
        TraceOutcome =>
            ja: "結果",
            en: "outcome";
        /// report/explain.rs, CSV: the n-th rule call.
        TraceStepNumber { n: usize } =>
            ja: "手順{n}",
            en: "step {n}";
        /// report/agreement.rs: "weak".
        Weak =>
            ja: "弱",
            en: "weak";
        /// report/agreement.rs, report/explain.rs, report/list.rs, report/summary.rs: "not on this scale".
        NotOnThisScale =>
            ja: "尺度外",
            en: "not on this scale";
        /// report/agreement.rs: "suggested \\ recorded".
        SuggestedByRecordedCorner =>
            ja: "提案＼評価",
            en: "suggested \\ recorded";
        /// report/agreement.rs, report/corpus.rs, report/diff.rs, report/summary.rs: "total".
        Total =>
            ja: "合計",
            en: "total";
        /// report/agreement.rs: "Suggested against recorded ratings".
        AgreementMatrixTitle =>
            ja: "提案評価と実際の評価の対照表",
            en: "Suggested against recorded ratings";
        /// report/agreement.rs, report/diff.rs: "id".
        ItemId =>
            ja: "取組",
            en: "id";
        /// report/agreement.rs, report/diff.rs: "title".
        ItemTitle =>
            ja: "実施項目",
            en: "title";
        /// report/agreement.rs, report/explain.rs, report/list.rs: "suggested".
        Suggested =>
            ja: "提案",
            en: "suggested";
        /// report/agreement.rs, report/diff.rs: "recorded".
        RecordedRating =>
            ja: "評価",
            en: "recorded";
        /// report/agreement.rs: "explanation".
        Explanation =>
            ja: "説明",
            en: "explanation";
        /// report/agreement.rs: "Disagreements".
        Disagreements =>
            ja: "不一致の項目",
            en: "Disagreements";
        /// report/agreement.rs: "Suggestions on weak evidence (they agree; read these first)".
        WeakEvidenceTitle =>
            ja: "根拠の弱い提案 (一致しているが、先に確認する項目)",
            en: "Suggestions on weak evidence (they agree; read these first)";
        /// report/agreement.rs: "Left to judgement".
        LeftToJudgementTitle =>
            ja: "要判断の項目",
            en: "Left to judgement";
        /// report/agreement.rs: "Recorded ratings not on this scale (not comparable)".
        NotOnScaleTitle =>
            ja: "尺度にない評価 (比較できない項目)",
            en: "Recorded ratings not on this scale (not comparable)";
        /// report/agreement.rs: "suggestions read on the recorded scale".
        ReadOnRecordedScale =>
            ja: "提案を評価の尺度に読み替え",
            en: "suggestions read on the recorded scale";
        /// report/agreement.rs: "not comparable".
        NotComparable =>
            ja: "比較できません",
            en: "not comparable";
        /// report/agreement.rs: "recorded on".
        RecordedOn =>
            ja: "評価の尺度",
            en: "recorded on";
        /// report/agreement.rs: "suggested on".
        SuggestedOn =>
            ja: "提案の尺度",
            en: "suggested on";
        /// report/agreement.rs: "agreement".
        Agreement =>
            ja: "一致率",
            en: "agreement";
        /// report/agreement.rs: "rated from the numbers".
        RatedFromTheNumbers =>
            ja: "数値による提案",
            en: "rated from the numbers";
        /// report/agreement.rs: "rated from the text (milestones, targets of 0)".
        RatedFromTheText =>
            ja: "文章による提案 (マイルストーン・目標0)",
            en: "rated from the text (milestones, targets of 0)";
        /// report/agreement.rs, report/evaluate.rs, report/explain.rs, report/list.rs, report/published.rs, report/summary.rs: "rules".
        Rules =>
            ja: "ルール",
            en: "rules";
        /// report/corpus.rs, report/summary.rs: "not rated".
        NotRated =>
            ja: "評価なし",
            en: "not rated";
        /// report/corpus.rs: "expected effect (¥1,000)".
        ExpectedEffectThousandYen =>
            ja: "効果見込額(千円)",
            en: "expected effect (¥1,000)";
        /// report/corpus.rs: "actual effect (¥1,000)".
        ActualEffectThousandYen =>
            ja: "実績効果額(千円)",
            en: "actual effect (¥1,000)";
        /// report/corpus.rs, report/summary.rs: "ratio".
        Ratio =>
            ja: "達成割合",
            en: "ratio";
        /// report/corpus.rs: "plan".
        PlanColumn =>
            ja: "計画",
            en: "plan";
        /// report/corpus.rs: "municipality".
        Municipality =>
            ja: "自治体",
            en: "municipality";
        /// report/corpus.rs, report/sheet.rs: "year".
        Year =>
            ja: "年度",
            en: "year";
        /// report/corpus.rs: "Ratings and effects per plan".
        PerPlanTitle =>
            ja: "計画別の達成状況と実績効果額",
            en: "Ratings and effects per plan";
        /// report/corpus.rs: "plans".
        PlanCount =>
            ja: "計画数",
            en: "plans";
        /// report/corpus.rs: "All plans together".
        AllPlansTogether =>
            ja: "全計画の合計",
            en: "All plans together";
        /// report/corpus.rs: "plans".
        PlansTotal =>
            ja: "計画",
            en: "plans";
        /// report/corpus.rs: "all years".
        AllYears =>
            ja: "全年度",
            en: "all years";
        /// report/diff.rs: "before".
        Before =>
            ja: "変更前",
            en: "before";
        /// report/diff.rs: "after".
        After =>
            ja: "変更後",
            en: "after";
        /// report/diff.rs: "what the rule change does".
        RuleChangeTitle =>
            ja: "ルール変更の影響",
            en: "what the rule change does";
        /// report/diff.rs: "base rules".
        BaseRules =>
            ja: "変更前のルール",
            en: "base rules";
        /// report/diff.rs: "new rules".
        NewRules =>
            ja: "変更後のルール",
            en: "new rules";
        /// report/diff.rs: "base scale".
        BaseScale =>
            ja: "変更前の尺度",
            en: "base scale";
        /// report/diff.rs: "new scale".
        NewScale =>
            ja: "変更後の尺度",
            en: "new scale";
        /// report/diff.rs: the corner of the transition matrix.
        TransitionCorner =>
            ja: "変更前＼変更後",
            en: "before \\ after";
        /// report/evaluate.rs: the expected effect column.
        ExpectedColumn =>
            ja: "効果見込額",
            en: "expected";
        /// report/evaluate.rs: the computed effect column.
        ComputedColumn =>
            ja: "算定効果額",
            en: "computed";
        /// report/diff.rs: "Suggested ratings, before and after (items)".
        TransitionsTitle =>
            ja: "提案評価の遷移 (単位:件)",
            en: "Suggested ratings, before and after (items)";
        /// report/diff.rs: "The scales differ: a suggested rating counts as changed when its label differs (see the transitions for how the meanings correspond).".
        ScalesDifferNote =>
            ja: "尺度が異なります: 提案評価はラベルが違えば変化として数えています (意味の対応は遷移表を見てください)。",
            en: "The scales differ: a suggested rating counts as changed when its label differs (see the transitions for how the meanings correspond).";
        /// report/diff.rs: "suggested before".
        SuggestedBefore =>
            ja: "提案 変更前",
            en: "suggested before";
        /// report/diff.rs: "suggested after".
        SuggestedAfter =>
            ja: "提案 変更後",
            en: "suggested after";
        /// report/diff.rs: "achievement before".
        AchievementBefore =>
            ja: "達成率 変更前",
            en: "achievement before";
        /// report/diff.rs: "achievement after".
        AchievementAfter =>
            ja: "達成率 変更後",
            en: "achievement after";
        /// report/diff.rs: "computed effect before".
        ComputedEffectBefore =>
            ja: "算定効果額 変更前",
            en: "computed effect before";
        /// report/diff.rs: "computed effect after".
        ComputedEffectAfter =>
            ja: "算定効果額 変更後",
            en: "computed effect after";
        /// report/diff.rs: "explanation (after)".
        ExplanationAfter =>
            ja: "説明 (変更後)",
            en: "explanation (after)";
        /// report/diff.rs: "Items that changed".
        ItemsThatChanged =>
            ja: "変わった項目",
            en: "Items that changed";
        /// report/diff.rs, report/summary.rs: "policy".
        Policy =>
            ja: "基本方針",
            en: "policy";
        /// report/diff.rs: "difference".
        Difference =>
            ja: "増減",
            en: "difference";
        /// report/evaluate.rs: "judge".
        JudgeShort =>
            ja: "要判断",
            en: "judge";
        /// report/evaluate.rs: "n/a".
        NotOnScaleShort =>
            ja: "尺度外",
            en: "n/a";
        /// report/evaluate.rs: "evaluation".
        Evaluation =>
            ja: "評価結果",
            en: "evaluation";
        /// report/explain.rs: "agrees".
        Agrees =>
            ja: "一致",
            en: "agrees";
        /// report/explain.rs: "differs".
        Differs =>
            ja: "不一致",
            en: "differs";
        /// report/explain.rs: "the rules leave it to judgement".
        RulesLeaveToJudgement =>
            ja: "ルールは判断を求めています",
            en: "the rules leave it to judgement";
        /// report/explain.rs: "no rating recorded".
        NoRatingRecorded =>
            ja: "評価の記録なし",
            en: "no rating recorded";
        /// report/explain.rs: "not comparable (the recorded rating is not on this scale)".
        NotComparableOffScale =>
            ja: "比較できません (記録された評価がこの尺度にありません)",
            en: "not comparable (the recorded rating is not on this scale)";
        /// report/explain.rs, report/sheet.rs: "kind".
        Kind =>
            ja: "種別",
            en: "kind";
        /// report/explain.rs: "indicator".
        Indicator =>
            ja: "指標",
            en: "indicator";
        /// report/explain.rs: "property".
        Property =>
            ja: "プロパティ",
            en: "property";
        /// report/explain.rs: "value".
        Value =>
            ja: "値",
            en: "value";
        /// report/explain.rs: "meaning".
        Meaning =>
            ja: "意味",
            en: "meaning";
        /// report/explain.rs: "What the rules see (x)".
        RuleInputTitle =>
            ja: "ルールへの入力 (x)",
            en: "What the rules see (x)";
        /// report/explain.rs: "from the actual: the computed effect".
        FromActualComputedEffect =>
            ja: "実績値から: 算定効果額",
            en: "from the actual: the computed effect";
        /// report/explain.rs: "from the target: the expected effect".
        FromTargetExpectedEffect =>
            ja: "目標値から: 効果見込額",
            en: "from the target: the expected effect";
        /// report/explain.rs: "The rule calls, in order".
        RuleCallsTitle =>
            ja: "ルールの実行経過",
            en: "The rule calls, in order";
        /// report/explain.rs: "what".
        What =>
            ja: "項目",
            en: "what";
        /// report/explain.rs: "Outcome".
        Outcome =>
            ja: "結果",
            en: "Outcome";
        /// report/explain.rs: "achievement".
        Achievement =>
            ja: "達成率",
            en: "achievement";
        /// report/explain.rs: "none (the numbers cannot tell)".
        NoAchievement =>
            ja: "なし (数値では判断できない)",
            en: "none (the numbers cannot tell)";
        /// report/explain.rs: "recorded".
        RecordedRatingNoted =>
            ja: "評価 (記録)",
            en: "recorded";
        /// report/explain.rs: "suggested against recorded".
        SuggestedAgainstRecorded =>
            ja: "提案と評価",
            en: "suggested against recorded";
        /// report/explain.rs: "actual effect (recorded, thousand yen)".
        ActualEffectRecorded =>
            ja: "実績効果額 (記録, 千円)",
            en: "actual effect (recorded, thousand yen)";
        /// report/explain.rs: "computed effect (thousand yen)".
        ComputedEffectThousandYenSpaced =>
            ja: "算定効果額 (千円)",
            en: "computed effect (thousand yen)";
        /// report/explain.rs: "expected effect (recorded, thousand yen)".
        ExpectedEffectRecorded =>
            ja: "効果見込額 (記録, 千円)",
            en: "expected effect (recorded, thousand yen)";
        /// report/explain.rs: "expected effect (from the target, thousand yen)".
        ExpectedEffectFromTarget =>
            ja: "効果見込額 (目標値から算定, 千円)",
            en: "expected effect (from the target, thousand yen)";
        /// report/list.rs: "no.".
        ItemNumber =>
            ja: "取組番号",
            en: "no.";
        /// report/list.rs: "item".
        ItemName =>
            ja: "取組項目",
            en: "item";
        /// report/list.rs: "indicator".
        IndicatorContent =>
            ja: "指標の内容",
            en: "indicator";
        /// report/list.rs, report/sheet.rs: "unit".
        Unit =>
            ja: "単位",
            en: "unit";
        /// report/list.rs: "rating".
        RatingStatus =>
            ja: "達成状況",
            en: "rating";
        /// report/list.rs: "what was done".
        WhatWasDone =>
            ja: "取組内容",
            en: "what was done";
        /// report/list.rs: "target".
        TargetValue =>
            ja: "目標(値)",
            en: "target";
        /// report/list.rs: "actual".
        ActualValue =>
            ja: "実績(値)",
            en: "actual";
        /// report/list.rs: "expected".
        ExpectedShort =>
            ja: "見込額",
            en: "expected";
        /// report/list.rs: "actual effect".
        ActualEffectShort =>
            ja: "実績額",
            en: "actual effect";
        /// report/list.rs: "department".
        Department =>
            ja: "部局",
            en: "department";
        /// report/list.rs: "section".
        Section =>
            ja: "所属名",
            en: "section";
        /// report/list.rs: "Item list (【参考①】)".
        ItemListTitle =>
            ja: "【参考①】取組項目一覧",
            en: "Item list (【参考①】)";
        /// report/published.rs: "Ratings by policy".
        RatingsByPolicy =>
            ja: "基本方針別の評価",
            en: "Ratings by policy";
        /// report/published.rs: "items".
        ItemsUnit =>
            ja: "件",
            en: "items";
        /// report/published.rs: "Expected and actual effect by policy".
        EffectsByPolicyTitle =>
            ja: "基本方針別の効果見込額と実績効果額",
            en: "Expected and actual effect by policy";
        /// report/published.rs, report/sheet.rs, report/summary.rs: "expected effect".
        ExpectedEffect =>
            ja: "効果見込額",
            en: "expected effect";
        /// report/published.rs, report/sheet.rs, report/summary.rs: "actual effect".
        ActualEffect =>
            ja: "実績効果額",
            en: "actual effect";
        /// report/published.rs: "Summary".
        SummaryShort =>
            ja: "集計",
            en: "Summary";
        /// report/published.rs: "Item list".
        ItemListShort =>
            ja: "取組項目一覧",
            en: "Item list";
        /// report/sheet.rs: "target".
        Target =>
            ja: "目標値",
            en: "target";
        /// report/sheet.rs: "actual".
        Actual =>
            ja: "実績値",
            en: "actual";
        /// report/sheet.rs, report/summary.rs: "rating".
        Rating =>
            ja: "評価",
            en: "rating";
        /// report/sheet.rs: "subtotal".
        Subtotal =>
            ja: "〔小計〕",
            en: "subtotal";
        /// report/sheet.rs: "Policy".
        PolicySheet =>
            ja: "基本方針",
            en: "Policy";
        /// report/sheet.rs: "Theme".
        ThemeSheet =>
            ja: "改革の推進項目",
            en: "Theme";
        /// report/sheet.rs: "Owner".
        Owner =>
            ja: "取組主管",
            en: "Owner";
        /// report/sheet.rs: "Related".
        Related =>
            ja: "関連所属",
            en: "Related";
        /// report/sheet.rs: "(no progress sheet for this item: only its 【参考①】 row)".
        NoProgressSheet =>
            ja: "(この項目には進捗管理シートがありません。【参考①】の内容のみ)",
            en: "(no progress sheet for this item: only its 【参考①】 row)";
        /// report/sheet.rs: 具体的な改善取組内容.
        Actions =>
            ja: "具体的な改善取組内容",
            en: "Actions";
        /// report/sheet.rs: 現状と課題.
        Situation =>
            ja: "現状と課題",
            en: "Situation";
        /// report/sheet.rs: the plan's final goal.
        FinalGoal =>
            ja: "令和9年度(計画最終年度)において目指す姿",
            en: "Final goal";
        /// report/sheet.rs: "Indicator".
        IndicatorSheet =>
            ja: "指標",
            en: "Indicator";
        /// report/sheet.rs: "baseline".
        Baseline =>
            ja: "現状値",
            en: "baseline";
        /// report/sheet.rs: "final target".
        FinalTarget =>
            ja: "最終年度目標値",
            en: "final target";
        /// report/sheet.rs: "effect formula".
        EffectFormula =>
            ja: "効果額の算定式",
            en: "effect formula";
        /// report/sheet.rs: "plan".
        YearPlan =>
            ja: "年次計画",
            en: "plan";
        /// report/sheet.rs: "policy".
        ItemPolicy =>
            ja: "取組方針",
            en: "policy";
        /// report/sheet.rs: "results".
        ItemResults =>
            ja: "取組実績",
            en: "results";
        /// report/sheet.rs: "Source inconsistencies".
        SourceInconsistencies =>
            ja: "原資料の不整合",
            en: "Source inconsistencies";
        /// report/sheet.rs: "Notes".
        Notes =>
            ja: "備考",
            en: "Notes";
        /// report/summary.rs: "items".
        ItemCount =>
            ja: "件数",
            en: "items";
        /// report/summary.rs: "Rating counts (items)".
        RatingCountsTitle =>
            ja: "達成状況 (単位:件)",
            en: "Rating counts (items)";
        /// report/summary.rs: "Ratings suggested by the rules (items)".
        SuggestedCountsTitle =>
            ja: "ルールによる提案評価 (単位:件)",
            en: "Ratings suggested by the rules (items)";
        /// report/summary.rs: "Ratings by policy (items)".
        RatingsByPolicyTitle =>
            ja: "分野別内訳表 (単位:件)",
            en: "Ratings by policy (items)";
        /// report/summary.rs: "theme".
        Theme =>
            ja: "改革の推進項目",
            en: "theme";
        /// report/summary.rs: "items".
        ThemeItemCount =>
            ja: "項目数",
            en: "items";
    }

    /// The columns of CSV open data, in the reader's language: Japanese names by default, the
    /// English keys (snake_case, stable for scripts) with `--lang en`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CsvColumn {
        /// the item's number (1-1-1).
        Id =>
            ja: "取組番号",
            en: "id";
        /// the plan's id (folder of plans).
        Plan =>
            ja: "計画",
            en: "plan";
        /// the municipality (folder of plans).
        Municipality =>
            ja: "自治体名",
            en: "municipality";
        /// the fiscal year.
        Year =>
            ja: "年度",
            en: "year";
        /// the 基本方針's number.
        Policy =>
            ja: "基本方針",
            en: "policy";
        /// the 基本方針's name (summary).
        PolicyName =>
            ja: "基本方針名",
            en: "name";
        /// the 改革の推進項目's number.
        Theme =>
            ja: "改革の推進項目",
            en: "theme";
        /// the item's number within its theme.
        ItemNumber =>
            ja: "実施項目番号",
            en: "item";
        /// the item's title.
        Title =>
            ja: "取組項目",
            en: "title";
        /// the indicator.
        Indicator =>
            ja: "指標",
            en: "indicator";
        /// the indicator's unit.
        Unit =>
            ja: "単位",
            en: "unit";
        /// the indicator's kind (higher_better …).
        Kind =>
            ja: "指標の種類",
            en: "kind";
        /// the year's target.
        Target =>
            ja: "目標値",
            en: "target";
        /// the year's actual.
        Actual =>
            ja: "実績値",
            en: "actual";
        /// the achievement the rules computed (1 = 100%).
        Achievement =>
            ja: "達成率",
            en: "achievement";
        /// the recorded rating.
        Rating =>
            ja: "評価",
            en: "rating";
        /// the recorded rating, beside the suggestion.
        Recorded =>
            ja: "評価",
            en: "recorded";
        /// the rating the rules suggest.
        Suggested =>
            ja: "提案",
            en: "suggested";
        /// whether the suggestion rests on weak evidence.
        Weak =>
            ja: "根拠が弱い",
            en: "weak";
        /// whether suggestion and recorded rating agree.
        Agreement =>
            ja: "提案と評価",
            en: "agreement";
        /// 効果見込額 (千円).
        ExpectedEffect =>
            ja: "効果見込額",
            en: "expected_effect";
        /// 実績効果額 (千円).
        ActualEffect =>
            ja: "実績効果額",
            en: "actual_effect";
        /// the effect the formula gives.
        ComputedEffect =>
            ja: "算定効果額",
            en: "computed_effect";
        /// the rules' one-line explanation.
        Explanation =>
            ja: "説明",
            en: "explanation";
        /// the rule set's name.
        Rules =>
            ja: "規則",
            en: "rules";
        /// the rule set's hash.
        RulesSha256 =>
            ja: "規則のSHA-256",
            en: "rules_sha256";
        /// 取組主管 部局.
        Department =>
            ja: "部局",
            en: "department";
        /// 取組主管 所属.
        Section =>
            ja: "所属",
            en: "section";
        /// the department's comment.
        Comment =>
            ja: "取組実績",
            en: "comment";
        /// whether the year's results are in (status).
        Reported =>
            ja: "報告済",
            en: "reported";
        /// what looks implausible (status).
        ToCheck =>
            ja: "要確認",
            en: "to_check";
        /// diff: the suggestion under the base rules.
        SuggestedBefore =>
            ja: "提案 (変更前)",
            en: "suggested_before";
        /// diff: the suggestion under the new rules.
        SuggestedAfter =>
            ja: "提案 (変更後)",
            en: "suggested_after";
        /// diff: the achievement under the base rules.
        AchievementBefore =>
            ja: "達成率 (変更前)",
            en: "achievement_before";
        /// diff: the achievement under the new rules.
        AchievementAfter =>
            ja: "達成率 (変更後)",
            en: "achievement_after";
        /// diff: the computed effect under the base rules.
        ComputedEffectBefore =>
            ja: "算定効果額 (変更前)",
            en: "computed_effect_before";
        /// diff: the computed effect under the new rules.
        ComputedEffectAfter =>
            ja: "算定効果額 (変更後)",
            en: "computed_effect_after";
        /// diff: the base rule set.
        BaseRules =>
            ja: "変更前の規則",
            en: "base_rules";
        /// diff: the new rule set.
        NewRules =>
            ja: "変更後の規則",
            en: "new_rules";
        /// summary: the number of items rated.
        RecordedTotal =>
            ja: "評価計",
            en: "recorded_total";
        /// summary: items without a recorded rating.
        RecordedNotRated =>
            ja: "評価なし",
            en: "recorded_not_rated";
        /// summary: items the rules leave to judgement.
        SuggestedJudgementRequired =>
            ja: "提案_要判断",
            en: "suggested_judgement_required";
        /// summary: the count of a recorded rating.
        RecordedCount { label: String } =>
            ja: "評価_{label}",
            en: "recorded_{label}";
        /// summary: the count of a recorded rating not on the scale.
        RecordedOffScale { label: String } =>
            ja: "評価_区分外_{label}",
            en: "recorded_not_on_scale_{label}";
        /// summary: the count of a suggested rating.
        SuggestedCount { label: String } =>
            ja: "提案_{label}",
            en: "suggested_{label}";
    }

    /// The coded values of CSV open data, in the reader's language (the English ones are the
    /// JSON codes).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum CsvValue {
        /// The suggestion agrees with the recorded rating.
        Agrees =>
            ja: "一致",
            en: "agrees";
        /// The suggestion differs from the recorded rating.
        Differs =>
            ja: "不一致",
            en: "differs";
        /// The rules leave the rating to judgement.
        JudgementRequired =>
            ja: "要判断",
            en: "judgement_required";
        /// No rating is recorded.
        NotRecorded =>
            ja: "評価なし",
            en: "not_recorded";
        /// The recorded rating is not on the rules' scale.
        NotOnScale =>
            ja: "尺度外",
            en: "not_on_scale";
        /// Yes.
        Yes =>
            ja: "はい",
            en: "true";
        /// No.
        No =>
            ja: "いいえ",
            en: "false";
    }
}

impl CsvValue {
    /// `true` or `false` as open data writes it: はい / いいえ, or `true` / `false` in English.
    pub fn yes_no(value: bool) -> CsvValue {
        if value {
            CsvValue::Yes
        } else {
            CsvValue::No
        }
    }
}

impl CsvColumn {
    /// The column's key in JSON: a stable identifier written here, never taken from a wording
    /// (the English header reads the same, but a better wording must not change the API).
    pub fn key(&self) -> String {
        match self {
            CsvColumn::RecordedCount { label } => return format!("recorded_{label}"),
            CsvColumn::RecordedOffScale { label } => {
                return format!("recorded_not_on_scale_{label}")
            }
            CsvColumn::SuggestedCount { label } => return format!("suggested_{label}"),
            CsvColumn::Id => "id",
            CsvColumn::Plan => "plan",
            CsvColumn::Municipality => "municipality",
            CsvColumn::Year => "year",
            CsvColumn::Policy => "policy",
            CsvColumn::PolicyName => "name",
            CsvColumn::Theme => "theme",
            CsvColumn::ItemNumber => "item",
            CsvColumn::Title => "title",
            CsvColumn::Indicator => "indicator",
            CsvColumn::Unit => "unit",
            CsvColumn::Kind => "kind",
            CsvColumn::Target => "target",
            CsvColumn::Actual => "actual",
            CsvColumn::Achievement => "achievement",
            CsvColumn::Rating => "rating",
            CsvColumn::Recorded => "recorded",
            CsvColumn::Suggested => "suggested",
            CsvColumn::Weak => "weak",
            CsvColumn::Agreement => "agreement",
            CsvColumn::ExpectedEffect => "expected_effect",
            CsvColumn::ActualEffect => "actual_effect",
            CsvColumn::ComputedEffect => "computed_effect",
            CsvColumn::Explanation => "explanation",
            CsvColumn::Rules => "rules",
            CsvColumn::RulesSha256 => "rules_sha256",
            CsvColumn::Department => "department",
            CsvColumn::Section => "section",
            CsvColumn::Comment => "comment",
            CsvColumn::Reported => "reported",
            CsvColumn::ToCheck => "to_check",
            CsvColumn::SuggestedBefore => "suggested_before",
            CsvColumn::SuggestedAfter => "suggested_after",
            CsvColumn::AchievementBefore => "achievement_before",
            CsvColumn::AchievementAfter => "achievement_after",
            CsvColumn::ComputedEffectBefore => "computed_effect_before",
            CsvColumn::ComputedEffectAfter => "computed_effect_after",
            CsvColumn::BaseRules => "base_rules",
            CsvColumn::NewRules => "new_rules",
            CsvColumn::RecordedTotal => "recorded_total",
            CsvColumn::RecordedNotRated => "recorded_not_rated",
            CsvColumn::SuggestedJudgementRequired => "suggested_judgement_required",
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
