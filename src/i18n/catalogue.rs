//! The message catalogue: every message a user reads, as a kind with named fields and its
//! Japanese and English wording side by side. How to add one: see the [module](super) doc.
//!
//! Grouped by what the messages are about; keep an entry next to its relatives.

use std::path::PathBuf;

use super::messages;

messages! {
    /// Why a command could not run (the command line's own failures; the plan's and the
    /// rules' come with their own kinds).
    #[derive(Debug)]
    #[non_exhaustive]
    pub enum CommandError {
        /// `cache`: no folder for the cache can be named.
        NoCacheFolder =>
            ja: "キャッシュのフォルダが決まりません: GYOKAKU_CACHE_DIR、XDG_CACHE_HOME、HOME のいずれも設定されていません",
            en: "no cache folder: none of GYOKAKU_CACHE_DIR, XDG_CACHE_HOME and HOME is set";
        /// `cache`: the cache folder could not be looked at or emptied.
        CacheFolder { path: PathBuf, reason: std::io::Error } =>
            ja: "キャッシュのフォルダ {path} を扱えません: {reason}",
            en: "cannot work on the cache folder {path}: {reason}";
        /// `--lang` names a language we do not have.
        UnknownLang { given: String } =>
            ja: "言語 {given:?} には対応していません: ja (日本語) か en (英語) を指定してください",
            en: "unknown language {given:?}: use ja or en";
        /// `--format` names a format we do not have.
        UnknownFormat { given: String, known: Vec<String> } =>
            ja: "出力形式 {given:?} には対応していません: {known} のいずれかを指定してください",
            en: "unknown format {given:?}: use {known}";
        /// The command does not print in that format.
        FormatNotSupported { command: String, format: String, supported: Vec<String> } =>
            ja: "{command} は {format} 形式では出力できません: {supported} のいずれかを指定してください",
            en: "{command} cannot print {format}: use {supported}";
        /// The plan names no rule set and none was given.
        NoRuleSet =>
            ja: "計画 (plan.toml) に評価ルールの指定がありません: --rules DIR で指定してください",
            en: "the plan names no rule set: pass --rules DIR";
        /// The effect amounts of many plans add up beyond what an exact decimal holds.
        TotalsOverflow { max: String } =>
            ja: "計画の効果額の合計が {max} 千円を超えます: 合計できません",
            en: "the effect amounts of the plans add up beyond {max} 千円";
        /// The year asked for is not one of the plan's.
        YearOutsidePeriod { year: String, first: String, last: String } =>
            ja: "{year} は計画期間 ({first}〜{last}) の外です",
            en: "{year} is outside the plan's period ({first}–{last})";
        /// `--year all` given to a command that reports one year.
        OneYearOnly =>
            ja: "--year all: このコマンドは1年度分を出力します。--year R5 のように年度を1つ指定してください",
            en: "--year all: this command reports one year; give one, e.g. --year R5";
        /// The item asked for is not in the plan.
        NoSuchItem { id: String, japanese: String } =>
            ja: "計画に実施項目 {id} ({japanese}) はありません",
            en: "the plan has no item {id} ({japanese})";
        /// The folder given is not a plan.
        NotAPlanFolder { dir: PathBuf } =>
            ja: "{dir} は計画のフォルダではありません (plan.toml がありません)",
            en: "{dir} is not a plan folder (no plan.toml)";
        /// `gyokaku test` found no cases.
        NoTestCases { dir: PathBuf } =>
            ja: "ルールのテストケースがありません: {dir}/*.toml に書いてください (rules/README.md の「Testing rules」を参照)",
            en: "the rule set has no test cases: write them in {dir}/*.toml (see rules/README.md, \"Testing rules\")";
        /// A file or folder could not be read.
        CannotRead { path: PathBuf, reason: std::io::Error } =>
            ja: "{path} を読めません: {reason}",
            en: "cannot read {path}: {reason}";
        /// The plans of a folder could not be found (the reason names the folder).
        NoPlanFolders { reason: std::io::Error } =>
            ja: "{reason}",
            en: "{reason}";
        /// A folder could not be made.
        CannotCreateFolder { path: PathBuf, reason: std::io::Error } =>
            ja: "フォルダ {path} を作れません: {reason}",
            en: "cannot create the folder {path}: {reason}";
        /// The output could not be written (`-`: standard output).
        CannotWrite { path: PathBuf, reason: std::io::Error } =>
            ja: "{path} に書き込めませんでした: {reason}",
            en: "{path} could not be written: {reason}";
        /// Standard output (or error) cannot be written: nothing more can be printed.
        CannotWriteOutput { reason: std::io::Error } =>
            ja: "出力を書き込めません: {reason}",
            en: "cannot write the output: {reason}";
        /// `--output` names a file whose extension says no format, and `--format` is not given.
        UnknownExtension { path: PathBuf } =>
            ja: "{path}: 拡張子から出力形式が分かりません。--format を指定してください",
            en: "{path}: the extension names no format: pass --format";
        /// A binary format (xlsx) asked for on a terminal.
        BinaryToTerminal { format: String } =>
            ja: "{format} は端末に出力できません: --output FILE で書き出してください",
            en: "{format} cannot be shown on a terminal: pass --output FILE";
        /// The file watcher could not start.
        CannotWatch { reason: String } =>
            ja: "ファイルの変更を監視できません: {reason}",
            en: "cannot watch the files: {reason}";
        /// None of the folders could be watched.
        NothingToWatch =>
            ja: "計画とルールのフォルダをどれも監視できません",
            en: "none of the plan's or rules' folders can be watched";
        /// gyokaku itself failed: a bug, whatever the input.
        InternalError { what: String } =>
            ja: "内部エラー: gyokaku の不具合で停止しました: {what}\nこのコマンドと原因になったファイルを添えて報告してください。",
            en: "internal error: gyokaku stopped on a bug: {what}\nPlease report it with the command and the files that caused it.";
        /// The file watcher ended.
        WatchStopped =>
            ja: "ファイルの監視が予期せず止まりました",
            en: "watching the files stopped unexpectedly";
    }

    /// Headings of a report over many plans (a folder of plan folders, or `--year all`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CorpusText {
        /// The title of the whole.
        Plans { count: usize } =>
            ja: "{count}計画",
            en: "{count} plan(s)";
        /// One plan's part.
        Plan { municipality: String, plan: String } =>
            ja: "{municipality} ({plan})",
            en: "{municipality} ({plan})";
        /// One plan's part for one year.
        PlanYear { municipality: String, plan: String, year: String } =>
            ja: "{municipality} ({plan}) {year}",
            en: "{municipality} ({plan}) {year}";
    }

    /// What is wrong with the command line itself, as the argument reader (clap) finds it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ArgError {
        /// An option the command does not have.
        UnknownArgument { arg: String } =>
            ja: "{arg} というオプションや引数はありません",
            en: "unexpected argument '{arg}' found";
        /// A value that does not read.
        InvalidValue { arg: String, value: String, reason: String } =>
            ja: "{arg} の値 '{value}' は使えません: {reason}",
            en: "invalid value '{value}' for '{arg}': {reason}";
        /// An option without its value.
        NoValue { arg: String } =>
            ja: "{arg} には値が必要です",
            en: "a value is required for '{arg}' but none was supplied";
        /// Arguments the command needs.
        MissingRequired { args: String } =>
            ja: "次の引数が必要です: {args}",
            en: "the following required arguments were not provided: {args}";
        /// A command gyokaku does not have.
        UnknownCommand { command: String } =>
            ja: "{command} というコマンドはありません",
            en: "unrecognized subcommand '{command}'";
        /// Two options that exclude each other.
        Conflict { arg: String, other: String } =>
            ja: "{arg} と {other} は一緒には指定できません",
            en: "the argument '{arg}' cannot be used with '{other}'";
        /// A near spelling that exists.
        Similar { suggestion: String } =>
            ja: "  ヒント: {suggestion} のことですか",
            en: "  tip: a similar one exists: '{suggestion}'";
        /// The closing line.
        TryHelp =>
            ja: "詳しくは --help を付けて実行してください。",
            en: "For more information, try '--help'.";
    }

    /// The words of `gyokaku check`'s report.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CheckText {
        /// Heading of the source document's own recorded inconsistencies.
        Recorded { count: usize } =>
            ja: "原資料自体の不整合 (記録済み) ({count})",
            en: "Inconsistencies of the source document (recorded) ({count})";
        /// What check found, under a recorded inconsistency.
        Found { message: String } =>
            ja: "検出: {message}",
            en: "found: {message}";
        /// What the item records, under a recorded inconsistency.
        Record { text: String } =>
            ja: "記録: {text}",
            en: "recorded: {text}";
        /// Nothing to look into.
        NoFindings =>
            ja: "問題は見つかりませんでした。",
            en: "No findings.";
        /// Heading of the findings that fail the check.
        Findings { count: usize } =>
            ja: "要確認事項 ({count})",
            en: "Findings ({count})";
        /// CSV header: the item.
        ColumnItem =>
            ja: "取組番号",
            en: "item";
        /// CSV header: file and line.
        ColumnLocation =>
            ja: "場所",
            en: "location";
        /// CSV header: the field.
        ColumnField =>
            ja: "項目",
            en: "field";
        /// CSV header: what is wrong.
        ColumnMessage =>
            ja: "内容",
            en: "message";
        /// CSV header: the recorded discrepancy.
        ColumnDocumented =>
            ja: "記録された不整合",
            en: "documented";
    }

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
        /// report/published.rs: "Results in figures".
        ResultsInFigures =>
            ja: "取組結果の集計",
            en: "Results in figures";
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

    /// Titles and sentences of the reports that carry figures.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ReportText {
        /// The heading of a year's results (the year as the language writes it).
        ResultsOf { year: String } =>
            ja: "{year}の取組結果",
            en: "results of {year}";
        /// The title of the effect amounts per policy.
        EffectsTitle { unit: String } =>
            ja: "実績効果額と達成割合 (単位:{unit})",
            en: "Effect amounts and ratio ({unit})";
        /// The title of the effect amounts per theme.
        ThemeEffectsTitle { unit: String } =>
            ja: "改革の推進項目別 効果額 (単位:{unit})",
            en: "Effect amounts by theme ({unit})";
        /// `diff`: nothing changed.
        DiffUnchanged { items: usize } =>
            ja: "変更なし: 全{items}項目で提案評価と算定効果額が同じです。",
            en: "No change: the suggested rating and the computed effect of all {items} items are the same.";
        /// `diff`: how many items changed, and how.
        DiffChanged { items: usize, changed: usize, suggestions: usize, effects: usize } =>
            ja: "全{items}項目中 {changed}項目が変わりました (提案評価 {suggestions}件, 算定効果額 {effects}件)。",
            en: "{changed} of {items} items changed (suggested rating: {suggestions}, computed effect: {effects}).";
        /// `diff`: the title of the per-policy table.
        DiffPolicyTitle { unit: String } =>
            ja: "基本方針別 提案評価 (単位:件) と算定効果額 (単位:{unit})",
            en: "By policy: suggested ratings (items) and computed effects ({unit})";
    }

    /// Lines the command line prints about itself, on standard error.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Notice {
        /// Before an error's text.
        Error { message: String } =>
            ja: "エラー: {message}",
            en: "error: {message}";
        /// Before a warning's text.
        Warning { message: String } =>
            ja: "警告: {message}",
            en: "warning: {message}";
        /// A watcher's problem that does not stop watching.
        WhileWatching { reason: String } =>
            ja: "ファイルの監視中: {reason}",
            en: "while watching the files: {reason}";
        /// A folder that cannot be watched.
        CannotWatchFolder { folder: PathBuf, reason: String } =>
            ja: "{folder} を監視できません: {reason}",
            en: "cannot watch {folder}: {reason}";
        /// `--watch` waits.
        Watching { folders: Vec<String> } =>
            ja: "{folders} の変更を監視しています (Ctrl-C で終了)",
            en: "watching {folders} for changes (Ctrl-C to stop)";
        /// `--watch` saw a change.
        Changed { files: Vec<String> } =>
            ja: "── 変更: {files}。評価し直します ──",
            en: "── changed: {files}; evaluating again ──";
    }

    /// `gyokaku --help` in Japanese: what each command does and what each option means (the
    /// English is the commands' own documentation, beside their arguments in `src/cli/`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Help {
        /// The program.
        About =>
            ja: "行財政改革推進計画の進捗を、計画のファイルと Rhai のルールから評価します",
            en: "Evaluates Japanese municipal administrative and fiscal reform plans (行財政改革推進計画) from plain files and Rhai rules";
        /// Before the usage line.
        Usage =>
            ja: "使い方:",
            en: "Usage:";
        /// Heading of the commands.
        Commands =>
            ja: "コマンド",
            en: "Commands";
        /// Heading of the positional arguments.
        Arguments =>
            ja: "引数",
            en: "Arguments";
        /// Heading of the options.
        Options =>
            ja: "オプション",
            en: "Options";
        /// `--help`.
        HelpFlag =>
            ja: "ヘルプを表示します",
            en: "Print help";
        /// `--version`.
        VersionFlag =>
            ja: "バージョンを表示します",
            en: "Print version";
        /// `help`.
        HelpCommand =>
            ja: "このヘルプか、指定したコマンドのヘルプを表示します",
            en: "Print this message or the help of the given subcommand(s)";
        /// `evaluate`.
        Evaluate =>
            ja: "計画の全実施項目を1年度分評価します",
            en: "Evaluate every item of a plan for one fiscal year";
        /// `summary`.
        Summary =>
            ja: "その年度の実績の集計表を出力します (1つの計画、またはフォルダ内の全計画)",
            en: "Print the summary tables of the year's results (of one plan, or of every plan in a folder)";
        /// `list`.
        List =>
            ja: "その年度の取組項目一覧 (【参考①】) を出力します",
            en: "Print the item list (【参考①】) for the year";
        /// `agreement`.
        Agreement =>
            ja: "ルールが提案する評価と記録された評価を比べます",
            en: "Compare the rules' suggested ratings with the recorded ones";
        /// `check`.
        Check =>
            ja: "計画とルールの誤りや不整合を調べます",
            en: "Check a plan and its rules for errors and inconsistencies";
        /// `sheet`.
        Sheet =>
            ja: "1つの実施項目の進捗管理シートを出力します",
            en: "Print one item's progress sheet";
        /// `diff`.
        Diff =>
            ja: "2つのルールセットで計画の評価を比べます",
            en: "Compare the plan's evaluation under two rule sets";
        /// `explain`.
        Explain =>
            ja: "1つの実施項目をルールがどう評価したかを順を追って示します",
            en: "Show how the rules evaluated one item, step by step";
        /// `template`.
        Template =>
            ja: "各部局がその年度の実績を記入する Excel ブックを作ります",
            en: "Write the Excel workbook departments fill in with the year's results";
        /// `import`.
        Import =>
            ja: "返送されたブックを計画の実施項目ファイルに取り込みます",
            en: "Take returned workbooks into the plan's item files";
        /// `status`.
        Status =>
            ja: "どの部局がその年度の実績を報告したか、どの値が疑わしいかを示します",
            en: "Show which departments have reported the year's results and which values look wrong";
        /// `report`.
        Report =>
            ja: "その年度の報告書全体 (集計表、グラフ、取組項目一覧、全進捗管理シート) を出力します",
            en: "Write the year's whole report: tables, charts, item list and every progress sheet";
        /// `test`.
        Test =>
            ja: "ルールセットのテストケースを実行します (スクリプトのカバレッジも出せます)",
            en: "Run the rule set's test cases, optionally with coverage of its scripts";
        /// PLAN.
        Plan =>
            ja: "計画のフォルダ (plan.toml と items/)",
            en: "The plan folder (plan.toml and items/) [default: plans/isehara-6]";
        /// --no-cache.
        NoCache =>
            ja: "キャッシュ (解析済みの計画と保存済みの評価) を使わず、計画のファイルをすべて読み直し、ルールをすべて実行します (キャッシュはそのまま)",
            en: "Parse every plan file and run every rule, without the cache of parsed plans and stored evaluations (which is then left as it is)";
        /// A default value, after an option's help.
        Default { value: String } =>
            ja: "[既定: {value}]",
            en: "[default: {value}]";
        /// --rules.
        Rules =>
            ja: "評価ルールのフォルダ [既定: 計画 (plan.toml) が指定するもの]",
            en: "The rule set folder [default: the plan's own, from plan.toml]";
        /// --rules of diff.
        NewRules =>
            ja: "試すルールセット (NEW)",
            en: "The rule set to try (NEW)";
        /// --base of diff.
        BaseRules =>
            ja: "比べる元のルールセット (OLD) [既定: 計画が指定するもの]",
            en: "The rule set to compare against (OLD) [default: the plan's own, from plan.toml]";
        /// --year.
        Year =>
            ja: "年度: R5, 令和5年度, 令和元年度, H30, 平成30年度, FY2023, 2023年度 [既定: 実績がそろった最新の年度]。summary・evaluate・list・report では all で計画期間の全年度",
            en: "The fiscal year: R5, 令和5年度, 令和元年度, H30, 平成30年度, FY2023 or 2023年度 [default: the latest whose results are complete]; `all` for every year of the period (summary, evaluate, list, report)";
        /// --format.
        Format =>
            ja: "出力形式: table, md, csv, json, xlsx, html, pdf [既定: --output の拡張子から、なければ table]",
            en: "Output format: table, md, csv, json, xlsx, html or pdf [default: from the extension of --output, else table]";
        /// --output.
        Output =>
            ja: "標準出力の代わりに FILE に書き出します (一括で書くため、途中までのファイルは残りません)",
            en: "Write to FILE instead of standard output (atomically: a complete file or none)";
        /// --lang.
        Lang =>
            ja: "言語: ja (日本語、原資料の言葉) または en (英語) [環境変数 GYOKAKU_LANG]",
            en: "Language: ja (the document's) or en [env: GYOKAKU_LANG]";
        /// --bom.
        Bom =>
            ja: "CSV の先頭に UTF-8 の BOM を付けます (Excel で日本語が正しく開けるように)",
            en: "Start CSV output with a UTF-8 byte order mark, so that Excel opens the Japanese text correctly";
        /// --ascii.
        Ascii =>
            ja: "表の罫線を ASCII 文字で描きます (罫線文字が全角幅で表示される端末向け)",
            en: "Draw table borders with ASCII characters (for terminals that draw box characters double width)";
        /// --width.
        Width =>
            ja: "表の長い文字の列をこの桁数に収まるよう折り返します [既定: 端末の幅、端末でなければ 120]。0 なら折り返しません",
            en: "Wrap long text columns of tables to fit this many columns [default: the terminal's width, or 120 when not a terminal]; 0 never wraps";
        /// --watch.
        Watch =>
            ja: "計画やルールのファイルが変わるたびに評価し直して出力します (Ctrl-C で終了)。エラーは表示して監視を続けます",
            en: "Evaluate again and reprint whenever a plan or rule file changes (Ctrl-C to stop). Errors are printed and watching goes on";
        /// ID.
        Id =>
            ja: "実施項目の番号: 5-8-3",
            en: "The item: 5-8-3";
        /// RULES of test.
        TestRules =>
            ja: "ルールセットのフォルダ。テストケースは RULES/tests/*.toml",
            en: "The rule set folder; its cases are in RULES/tests/*.toml [default: rules]";
        /// --coverage.
        Coverage =>
            ja: "どのケースも通らない文、分岐、関数、評価も一覧にします",
            en: "Also list the statements, branches, functions and ratings no case reaches";
        /// --verbose.
        Verbose =>
            ja: "失敗したケースだけでなく、全ケースを一覧にします",
            en: "List every case, not only the failures";
        /// --accept.
        Accept =>
            ja: "ルールの変更を確認した後で: 失敗したケースの期待値を、いまのルールの結果でケースファイルに書き直し、変えたケースを一覧にします",
            en: "After a reviewed change to the rules: re-record the failing cases' expectations as what the rules now give, in the case files, listing every case changed";
        /// --year of template.
        ReportYear =>
            ja: "報告する年度: R6, 令和6年度, FY2024",
            en: "The fiscal year to report: R6, 令和6年度 or FY2024";
        /// --department.
        Department =>
            ja: "この部局 (取組主管 部局、例: 企画部) の実施項目だけにします",
            en: "Only this department's items (取組主管 部局, e.g. 企画部)";
        /// --output of template.
        Workbook =>
            ja: "書き出すブック (.xlsx)",
            en: "The workbook to write (.xlsx)";
        /// --by-department.
        ByDepartment =>
            ja: "部局ごとに1冊ずつ、このフォルダに書き出します: <年度>_<部名>.xlsx",
            en: "Write one workbook per department into this folder: <year>_<部名>.xlsx";
        /// --item-sheets.
        ItemSheets =>
            ja: "実施項目ごとに進捗管理シートの様式のシートを加え、記入内容を表示します",
            en: "Add one sheet per item in the 進捗管理シート layout, showing what is entered";
        /// --rules of template and import.
        ScaleRules =>
            ja: "計画が評価尺度を宣言していないときに、その尺度を使うルールセット",
            en: "The rule set whose scale is used when the plan declares none";
        /// FILE.xlsx of import.
        Workbooks =>
            ja: "返送されたブック (gyokaku template で作った .xlsx)",
            en: "The returned workbooks (.xlsx made by `gyokaku template`)";
        /// --plan of import.
        PlanFolder =>
            ja: "計画のフォルダ",
            en: "The plan folder [default: plans/isehara-6]";
        /// --dry-run.
        DryRun =>
            ja: "何が変わるかを表示するだけで、何も書き込みません",
            en: "Print what would change and write nothing";
        /// `cache`.
        Cache =>
            ja: "キャッシュ (解析済みの計画と保存済みの評価) のフォルダと容量を示します",
            en: "Show the cache of parsed plans and stored evaluations: its folder and what it holds";
        /// --clear.
        Clear =>
            ja: "キャッシュの項目をすべて削除します (次の実行で作り直されます)",
            en: "Remove every entry of the cache (the next runs write them again)";
        // Issue 23 (init, the plan sheet, shell habits): kept together to ease merging.
        /// --color.
        Color =>
            ja: "ヘルプやメッセージの色: auto (端末が表示でき、NO_COLOR が設定されていなければ)、always、never",
            en: "Colour in help and messages: auto (when the terminal shows it and NO_COLOR is not set), always or never";
        /// `completions`.
        Completions =>
            ja: "シェルの補完スクリプトを出力します",
            en: "Print the shell completion script";
        /// SHELL of completions.
        Shell =>
            ja: "シェル: bash, zsh, fish, powershell, elvish",
            en: "The shell: bash, zsh, fish, powershell or elvish";
        /// `man`.
        Man =>
            ja: "マニュアルページ (man) を書き出します",
            en: "Write the manual page";
        /// --output of man.
        ManFolder =>
            ja: "gyokaku.1 を出力する代わりに、それとコマンドごとのページをこのフォルダに書き出します",
            en: "Write gyokaku.1 and one page per command into this folder instead of printing gyokaku.1";
        /// The manual page's section NAME.
        ManName =>
            ja: "名前",
            en: "NAME";
        /// The manual page's section SYNOPSIS.
        ManSynopsis =>
            ja: "書式",
            en: "SYNOPSIS";
        /// The manual page's section DESCRIPTION.
        ManDescription =>
            ja: "説明",
            en: "DESCRIPTION";
        /// The manual page's section OPTIONS.
        ManOptions =>
            ja: "オプション",
            en: "OPTIONS";
        /// The manual page's section SUBCOMMANDS.
        ManCommands =>
            ja: "コマンド",
            en: "SUBCOMMANDS";
        /// The manual page's section VERSION.
        ManVersion =>
            ja: "バージョン",
            en: "VERSION";
        /// `init`.
        Init =>
            ja: "新しい計画のフォルダを作ります (plan.toml、ルールセット、README)",
            en: "Make a new plan folder: plan.toml, its rule set and a README";
        /// DIR of init.
        InitDir =>
            ja: "計画を作るフォルダ (なければ作ります)",
            en: "The folder to make the plan in (made if it does not exist)";
        /// --municipality.
        Municipality =>
            ja: "自治体名 (例: 伊勢原市)",
            en: "The municipality (自治体名), e.g. 伊勢原市";
        /// --plan-name.
        PlanName =>
            ja: "資料に印刷されている計画の名称 (例: 伊勢原市第7次行財政改革推進計画)",
            en: "The plan's name as the document prints it, e.g. 伊勢原市第7次行財政改革推進計画";
        /// --years of init.
        Period =>
            ja: "計画期間: R7..R11、令和7年度〜令和11年度、H28..R2、FY2025..FY2029、または年度の列挙",
            en: "The period: R7..R11, 令和7年度〜令和11年度, H28..R2, FY2025..FY2029, or the years listed";
        /// --scale of init.
        InitScale =>
            ja: "記録する評価の区分: A-D、S-C、none (資料が評価を記録しない)、または rules (ルールセットの区分)",
            en: "The scale of the recorded ratings: A-D, S-C, none (the document records no ratings) or rules (the rule set's)";
        /// --unit of init.
        InitUnit =>
            ja: "報告書の効果額の単位: 千円 または 百万円 (円、万円、億円)",
            en: "The unit of the report's effect tables: 千円 or 百万円 (円, 万円, 億円)";
        /// --id of init.
        PlanId =>
            ja: "計画ID (ブックが計画を見分けるのに使います) [既定: フォルダ名]",
            en: "The plan's id, as its workbooks name it [default: the folder's name]";
        /// --rules of init.
        InitRules =>
            ja: "計画を評価するルールセット",
            en: "The rule set the plan is evaluated with";
        /// --own-rules.
        OwnRules =>
            ja: "--rules を土台にした計画独自のルールセット (DIR/rules) を作り、そこで調整できるようにします",
            en: "Give the plan a rule set of its own (DIR/rules) that extends --rules, to adapt";
        /// --plan-sheet of template.
        PlanSheet =>
            ja: "年度の実績入力シートではなく、計画入力シート (計画そのもの: 基本方針、改革の推進項目、実施項目、目標値) を書き出します",
            en: "Write the plan sheet (the plan itself: policies, themes, items, targets) instead of a year's workbook";
        /// --from of template.
        From =>
            ja: "--plan-sheet で書き出す計画 [既定: PLAN]",
            en: "With --plan-sheet: the plan to export [default: PLAN]";
        /// --plan-sheet of import.
        PlanSheetFile =>
            ja: "計画入力シート (gyokaku template --plan-sheet で作ったもの) を取り込みます: 計画の基本方針、改革の推進項目、実施項目",
            en: "Take in the plan sheet (made by `gyokaku template --plan-sheet`): the plan's policies, themes and items";
        /// `period`.
        PeriodCommand =>
            ja: "全期間の進捗: 実績のある年度までの進捗、最終年度目標の達成見込み、全期間総合評価の提案、前年度からの評価の推移",
            en: "Print the whole period: progress to date, the forecast to the final target, the overall rating (全期間総合評価) the rules suggest, and how the ratings moved";
    }

    /// The common reasons a file cannot be read.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum IoProblem {
        /// No such file or folder.
        NotFound =>
            ja: "ファイルまたはフォルダがありません",
            en: "no such file or folder";
        /// Not allowed.
        PermissionDenied =>
            ja: "読み取りの権限がありません",
            en: "permission denied";
        /// Not UTF-8 text.
        NotUtf8 =>
            ja: "UTF-8 のテキストではありません",
            en: "not UTF-8 text";
        /// A folder where a file was expected.
        IsADirectory =>
            ja: "ファイルではなくフォルダです",
            en: "is a folder, not a file";
        /// A file where a folder was expected.
        NotADirectory =>
            ja: "フォルダではありません",
            en: "is not a folder";
    }
}
