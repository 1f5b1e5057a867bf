//! The message catalogue: every message a user reads, as a kind with named fields and its
//! Japanese and English wording side by side. How to add one: see the [module](super) doc.
//!
//! Grouped by what the messages are about; keep an entry next to its relatives.

use std::path::PathBuf;

use rust_decimal::Decimal;

use super::Text;

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

    /// What `gyokaku check` finds.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum FindingKind {
        /// An indicator kind the rule set has no script for.
        UnknownKind { problem: crate::engine::KindProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A numeric indicator without a target in a year.
        NoTarget { year: String } =>
            ja: "{year} の目標値がありません",
            en: "no target for {year}";
        /// A recorded rating not on the scale.
        RatingOffScale { rating: String, labels: Vec<String> } =>
            ja: "評価 {rating:?} は評価尺度 ({labels}) にありません",
            en: "rating {rating:?} is not on the scale ({labels})";
        /// A year with an actual but no rating.
        ActualWithoutRating { year: String } =>
            ja: "{year} は実績値がありますが評価がありません",
            en: "{year} has an actual but no rating";
        /// A 〔小計〕 that is not the sum of the years.
        SubtotalMismatch { field: EffectName, printed: String, sum: Decimal } =>
            ja: "〔小計〕{field}は {printed} ですが、各年度の合計は {sum} です",
            en: "〔小計〕{field} is {printed} but the years add up to {sum}";
        /// A printed effect that differs from the item's formula.
        FormulaMismatch { year: String, field: EffectName, printed: String, computed: Decimal } =>
            ja: "{year} の{field}は {printed} ですが、算定式では {computed} になります",
            en: "{year} {field} is {printed} but the formula gives {computed}";
        /// The item's effect formula or a rule failed.
        RuleFailed { error: Text } =>
            ja: "{error}",
            en: "{error}";
        /// A plan file that does not load.
        LoadFailed { error: Text } =>
            ja: "{error}",
            en: "{error}";
        /// A value that reads but looks wrong.
        Implausible { what: Implausible } =>
            ja: "{what}",
            en: "{what}";
        /// A recorded discrepancy of the source document that no automatic check reaches.
        RecordedOnly =>
            ja: "原資料自体が食い違っています",
            en: "the source document disagrees with itself";
        /// A finding whose recorded discrepancy no longer applies: the value changed since.
        Stale { finding: Box<FindingKind>, recorded: String, now: String } =>
            ja: "{finding} (記録された不整合 {recorded} はもう当てはまりません: 現在の値は {now})",
            en: "{finding} (the discrepancy recorded for {recorded} no longer applies: the field now prints {now})";
        /// A recorded discrepancy that no longer applies, with its text.
        StaleRecord { text: String, recorded: String, now: String } =>
            ja: "{text} (記録された不整合 {recorded} はもう当てはまりません: 現在の値は {now})",
            en: "{text} (the discrepancy recorded for {recorded} no longer applies: the field now prints {now})";
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

    /// The words of `gyokaku agreement`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum AgreementText {
        /// How many of the judged items the suggestion agrees with.
        Figure { agree: usize, judged: usize, percent: String } =>
            ja: "{judged} 件中 {agree} 件 ({percent})",
            en: "{agree} of {judged} ({percent})";
        /// No item could be judged.
        NoneJudged =>
            ja: "0 件中 0 件",
            en: "0 of 0";
        /// The figure with the items left to judgement and the items rated.
        Line { figure: String, judgement: usize, rated: usize } =>
            ja: "{figure} — 要判断 {judgement} 件、評価済み {rated} 件",
            en: "{figure} — judgement required {judgement}, rated items {rated}";
        /// Items whose recorded rating is on no scale, not compared.
        OffScale { count: usize } =>
            ja: "、尺度外 (比較対象外) {count} 件",
            en: ", not on this scale (not compared) {count}";
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
        /// report/agreement.rs, report/diff.rs, report/explain.rs, report/summary.rs: "judgement required".
        JudgementRequired =>
            ja: "要判断",
            en: "judgement required";
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

    /// Lines the engine adds to what a rule explained.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum RuleTrace {
        /// One call explained too much: the rest was cut.
        CallCut { lines: usize, bytes: usize } =>
            ja: "… (説明が長すぎるため以降を省略: {lines} 行または {bytes} バイトを超えました)",
            en: "… (further explanation cut: more than {lines} lines or {bytes} bytes)";
        /// An item's own effect formula with the values it was given.
        Formula { expression: String, value: String, previous: String, baseline: String, total: String } =>
            ja: "{expression} (value = {value}、previous = {previous}、baseline = {baseline}、total = {total})",
            en: "{expression} with value = {value}, previous = {previous}, baseline = {baseline}, total = {total}";
    }

    /// What `gyokaku test --coverage` says about the scripts no case reached.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CoverageText {
        /// A statement no case ran.
        NeverRun =>
            ja: "一度も実行されていません",
            en: "never run";
        /// An `if` whose condition was never true.
        IfNeverTrue =>
            ja: "`if` の条件が一度も真になっていません",
            en: "the `if` condition was never true";
        /// An `if` whose condition was never false.
        IfNeverFalse =>
            ja: "`if` の条件が一度も偽になっていません",
            en: "the `if` condition was never false";
        /// A part of a `&&` chain that was never false.
        PartNeverFalse { part: usize, operator: String } =>
            ja: "この `{operator}` の {part} 番目の項が一度も偽になっていません",
            en: "part {part} of this `{operator}` was never false";
        /// A part of a `||` chain that was never true.
        PartNeverTrue { part: usize, operator: String } =>
            ja: "この `{operator}` の {part} 番目の項が一度も真になっていません",
            en: "part {part} of this `{operator}` was never true";
        /// A part of a `??` chain that was always `()`.
        PartNeverValue { part: usize, operator: String } =>
            ja: "この `{operator}` の {part} 番目の項が一度も値になっていません (常に ())",
            en: "part {part} of this `{operator}` was never a value (it was always ())";
        /// The last part of a chain, never evaluated.
        PartNeverEvaluated { part: usize, operator: String } =>
            ja: "この `{operator}` の {part} 番目の項が一度も評価されていません",
            en: "part {part} of this `{operator}` was never evaluated";
        /// A `switch` arm never taken.
        SwitchArmNeverTaken =>
            ja: "この `switch` の分岐は一度も選ばれていません",
            en: "this `switch` arm was never taken";
        /// The first column of the coverage table.
        Script =>
            ja: "カバレッジ",
            en: "coverage";
        /// Column: statements reached of all.
        Statements =>
            ja: "文",
            en: "statements";
        /// Column: branches reached of all.
        Branches =>
            ja: "分岐",
            en: "branches";
        /// Column: functions called of all.
        Functions =>
            ja: "関数",
            en: "functions";
        /// How many phrase groups some case's text contains.
        PhraseGroupsFound { found: usize, groups: usize } =>
            ja: "ケースの文章に見つかった表現の分類: {found}/{groups}",
            en: "phrase groups found in the cases' texts: {found}/{groups}";
        /// Everything was reached (a rule set without phrase groups).
        Full =>
            ja: "完全なカバレッジ: ルールのすべての文・分岐・関数が実行され、評価尺度のすべての評価が出ました",
            en: "full coverage: every statement, branch and function of the rules ran, and every rating band of the scale was produced";
        /// Everything was reached, every phrase group found.
        FullWithPhraseGroups =>
            ja: "完全なカバレッジ: ルールのすべての文・分岐・関数が実行され、評価尺度のすべての評価が出て、すべての表現の分類が見つかりました",
            en: "full coverage: every statement, branch and function of the rules ran, every rating band of the scale was produced, and every phrase group was found";
        /// Before the points no case reached.
        NotReached =>
            ja: "どのケースも到達していない箇所:",
            en: "not reached by any case:";
        /// Before the functions no case called.
        NeverCalled =>
            ja: "一度も呼ばれていない関数:",
            en: "functions never called:";
        /// A function never called, with its statements.
        Uncalled { file: String, line: usize, name: String, statements: usize } =>
            ja: "  {file}:{line}: {name} ({statements} 文)",
            en: "  {file}:{line}: {name} ({statements} statements)";
        /// A function of one statement never called.
        UncalledOne { file: String, line: usize, name: String, statements: usize } =>
            ja: "  {file}:{line}: {name} ({statements} 文)",
            en: "  {file}:{line}: {name} ({statements} statement)";
        /// Ratings of the scale no case produced.
        BandsNeverProduced { labels: Vec<String> } =>
            ja: "一度も出なかった評価: {labels}",
            en: "rating bands never produced: {labels}";
        /// Before the phrase groups no case's text contains.
        GroupsMissing =>
            ja: "どのケースの文章にも含まれていない表現の分類:",
            en: "phrase groups no case's text contains:";
        /// A phrase group no case's text contains (its label in Japanese).
        GroupMissing { file: String, line: usize, group: Text } =>
            ja: "  {file}:{line}: {group}",
            en: "  {file}:{line}: {group}";
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

    /// Which effect amount.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum EffectName {
        /// 効果見込額.
        Expected =>
            ja: "効果見込額",
            en: "効果見込額 (expected effect)";
        /// 実績効果額.
        Actual =>
            ja: "実績効果額",
            en: "実績効果額 (actual effect)";
    }

    /// What looks implausible (a finding of `check`, not an error).
    #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    pub enum Implausible {
        /// The actual is more than 10 times above or below the year's target.
        FarFromTarget { actual: String, target: String } =>
            ja: "実績値 {actual} が目標値 {target} から10倍を超えて離れています: 入力の誤りではありませんか",
            en: "the actual {actual} is more than 10 times off its target {target}: a typing error?";
        /// The actual is more than 10 times above or below the previous year's (the baseline
        /// in the plan's first year).
        FarFromPrevious { actual: String, previous: String } =>
            ja: "実績値 {actual} が前年度の {previous} から10倍を超えて離れています: 入力の誤りではありませんか",
            en: "the actual {actual} is more than 10 times off the previous year's {previous}: a typing error?";
        /// A decimal point where every other figure of the indicator is a whole number.
        DecimalInWholeNumbers { actual: String, unit: String } =>
            ja: "実績値 {actual} に小数点がありますが、この指標 ({unit}) のほかの数値はすべて整数です: 桁区切りのコンマを点と打っていませんか",
            en: "the actual {actual} has a decimal point, but every other figure of the indicator ({unit}) is a whole number: a thousands separator typed as a point?";
        /// The recorded rating is two or more grades from the rules' suggestion.
        RatingFarFromSuggestion { recorded: String, suggested: String, grades: usize } =>
            ja: "記録された評価 {recorded} は、ルールの提案 {suggested} から {grades} 段階離れています",
            en: "the recorded rating {recorded} is {grades} grades from the suggested {suggested}";
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

    /// What `gyokaku test` prints about the rule set's cases.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum RuleTestText {
        /// The closing line.
        Summary { passed: usize, failed: usize } =>
            ja: "{passed} 件成功、{failed} 件失敗",
            en: "{passed} passed, {failed} failed";
        /// A case file where every case passed.
        FilePassed { passed: usize } =>
            ja: "{passed:>3} 件成功",
            en: "{passed:>3} passed";
        /// A case file with failures.
        FileFailed { passed: usize, failed: usize } =>
            ja: "{passed:>3} 件成功、{failed} 件失敗",
            en: "{passed:>3} passed, {failed} failed";
        /// A failed case: its place and name.
        Failed { file: PathBuf, line: usize, name: String } =>
            ja: "失敗 {file}:{line}: {name}",
            en: "FAIL {file}:{line}: {name}";
        /// A passed case, with `--verbose`.
        Passed { file: PathBuf, line: usize, name: String } =>
            ja: "成功 {file}:{line}: {name}",
            en: "ok   {file}:{line}: {name}";
        /// A rule failed while running the case.
        CaseError { message: String } =>
            ja: "  エラー: {message}",
            en: "  error: {message}";
        /// One expectation of a case that did not hold.
        Mismatch { check: String, line: usize, expected: String, got: String } =>
            ja: "  {check} ({line} 行目): 期待値 {expected}、結果 {got}",
            en: "  {check} (line {line}): expected {expected}, got {got}";
        /// Cases of a rule set this one extends, run as its own.
        Inherited { count: usize, base: String, left_out: usize } =>
            ja: "{base} から {count} 件のケースを引き継ぎました。うち {left_out} 件の期待値は、このルールが置き換えたスクリプトのものなので除きました",
            en: "{count} cases inherited from {base}; {left_out} of their expectations left out (they test scripts this rule set replaces)";
        /// `--accept` re-recorded a case.
        Accepted { file: PathBuf, line: usize, name: String } =>
            ja: "更新 {file}:{line}: {name}",
            en: "accepted {file}:{line}: {name}";
        /// `--accept` could not re-record a case whose rule failed.
        NotAcceptedRuleFailed { file: PathBuf, line: usize, name: String } =>
            ja: "未更新 {file}:{line}: {name} (ルールが失敗したため、記録する結果がありません)",
            en: "not accepted {file}:{line}: {name} (a rule failed, there is no result to record)";
        /// `--accept` leaves an inherited case to its own rule set.
        NotAcceptedInherited { file: PathBuf, line: usize, name: String } =>
            ja: "未更新 {file}:{line}: {name} (拡張元のルールのケースです: そちらで更新してください)",
            en: "not accepted {file}:{line}: {name} (the case belongs to a rule set this one extends: accept it there)";
        /// How many cases `--accept` re-recorded.
        Rerecorded { count: usize } =>
            ja: "{count} 件のケースを更新しました",
            en: "{count} cases re-recorded";
        /// Before what the scripts wrote with explain().
        RulesExplained =>
            ja: "  ルールの説明:",
            en: "  the rules explained:";
        /// One piece of evidence of the reading, under the rules' explanation.
        Evidence { evidence: String } =>
            ja: "根拠: {evidence}",
            en: "evidence: {evidence}";
    }

    /// What a plan file (or a rule test case file) says wrongly, at a line: the kind inside a
    /// `LoadError::Invalid`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum PlanProblem {
        /// TOML that does not parse, or a key the file may not have (the TOML reader's words).
        Toml { detail: String } =>
            ja: "TOML として読めません: {detail}",
            en: "{detail}";
        /// A year that cannot be read.
        Year { problem: ParseProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A field's year that cannot be read.
        FieldYear { field: String, problem: ParseProblem } =>
            ja: "{field}: {problem}",
            en: "{field}: {problem}";
        /// The plan's years have a gap or are out of order.
        YearsNotConsecutive =>
            ja: "計画の年度は連続し、順に並んでいなければなりません",
            en: "the plan's years must be consecutive, in order";
        /// A value that cannot be read.
        Value { field: String, problem: ValueError } =>
            ja: "{field}: {problem}",
            en: "{field}: {problem}";
        /// An amendment that cannot be (worded beside the item).
        Amendment { problem: crate::model::AmendmentProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A word where the indicator counts (worded beside the model's words).
        Word { field: String, problem: crate::model::WordProblem } =>
            ja: "{field}: {problem}",
            en: "{field}: {problem}";
        /// A value in a unit that does not fit.
        Unit { field: String, problem: UnitError } =>
            ja: "{field}: {problem}",
            en: "{field}: {problem}";
        /// A theme under a policy the plan does not have.
        ThemeWithoutPolicy { theme: u32, policy: u32 } =>
            ja: "改革の推進項目 ({theme}) の基本方針 {policy} は計画にありません",
            en: "theme ({theme}) names policy {policy}, which the plan does not have";
        /// An item under a theme the plan does not have.
        NoSuchTheme { theme: u32 } =>
            ja: "計画に改革の推進項目 ({theme}) はありません",
            en: "the plan has no theme ({theme})";
        /// An item whose id puts its theme under the wrong policy.
        ThemeOfAnotherPolicy { theme: u32, policy: u32, given: u32 } =>
            ja: "改革の推進項目 ({theme}) は基本方針 {policy} に属します ({given} ではありません)",
            en: "theme ({theme}) belongs to policy {policy}, not {given}";
        /// A year outside the plan's period.
        YearOutsidePeriod { year: String } =>
            ja: "{year} は計画期間の外です",
            en: "{year} is outside the plan's period";
        /// An item file whose name is not an item id.
        FileNameNotAnId { problem: ParseProblem } =>
            ja: "ファイル名は取組番号にしてください: {problem}",
            en: "the file name must be the item id: {problem}";
        /// A recorded rating the plan's scale does not have.
        RatingOffScale { field: String, label: String, labels: Vec<String> } =>
            ja: "{field}: {label:?} は計画の評価尺度 ({labels}) にありません",
            en: "{field}: {label:?} is not a rating of the plan's scale ({labels})";
        /// A rating in a plan that records none (worded beside the scale).
        NoRatings { problem: crate::model::NoRatings } =>
            ja: "{problem}",
            en: "{problem}";
        /// Rule test cases: a case without a name, kind or expectation…
        Case { problem: CaseProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// Rule test cases of the whole period (worded in `ruletest/period.rs`).
        PeriodCase { problem: crate::ruletest::PeriodCaseProblem } =>
            ja: "{problem}",
            en: "{problem}";
    }

    /// What a rule test case file says wrongly (`rules/tests/*.toml`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum CaseProblem {
        /// `[defaults]` with a name.
        DefaultsNamed =>
            ja: "[defaults] に name は書けません: ケースごとに名前を付けてください",
            en: "[defaults] cannot have a name: name each case";
        /// `[defaults]` with expectations.
        DefaultsExpect =>
            ja: "[defaults] に期待値は書けません: 期待する結果はケースごとに書いてください",
            en: "[defaults] cannot have expectations: each case says what it expects";
        /// A file without cases.
        NoCases =>
            ja: "[[case]] がありません: ケースを書くか、ファイルを削除してください",
            en: "the file has no [[case]]: add cases or remove the file";
        /// Two cases with one name.
        SameName { first: usize, name: String } =>
            ja: "{first} 行目のケースも {name:?} という名前です: ケースごとに別の名前を付けてください",
            en: "another case on line {first} is also named {name:?}: give each case its own name";
        /// A case without a name.
        NoName =>
            ja: "ケースに名前がありません: name = \"このケースが示すこと\" を書いてください",
            en: "the case has no name: add name = \"what this case shows\"";
        /// A case with an empty name.
        EmptyName =>
            ja: "ケースの名前が空です: このケースが示すことを書いてください",
            en: "the case's name is empty: say what the case shows";
        /// A number that is not a ratio (achievement).
        NotARatio { field: String, given: String } =>
            ja: "{field}: {given:?} は達成率 (\"1.25\" のような比か \"125%\" のような百分率) でも \"none\" でもありません",
            en: "{field}: {given:?} is not an achievement: a ratio such as \"1.25\" or a percentage such as \"125%\", nor \"none\"";
        /// A number that is not an amount.
        NotAnAmount { field: String, given: String } =>
            ja: "{field}: {given:?} は千円単位の金額 (\"15,100\" や \"▲1,500\" など) でも \"none\" でもありません",
            en: "{field}: {given:?} is not an amount in 千円 such as \"15,100\" or \"▲1,500\", nor \"none\"";
        /// A history year that is not a fiscal year.
        HistoryYear { given: String } =>
            ja: "history: {given:?} は年度として読めません",
            en: "history: {given:?} is not a fiscal year";
        /// History years with a gap or out of order.
        HistoryNotConsecutive =>
            ja: "history: 年度は連続し、順に並んでいなければなりません",
            en: "history: the years must be consecutive, in order";
        /// History that does not end the year before the case's.
        HistoryEnd { last: String, year: String } =>
            ja: "history: 最後の年度 ({last}) はケースの年度 ({year}) の前年度にしてください",
            en: "history: the last year given ({last}) must be the one before the case's year ({year})";
        /// A case id written otherwise than plan files name the item ("1-2-01").
        IdNotAsWritten { given: String, id: String } =>
            ja: "id: {given:?} は取組 {id} です: {id:?} と書いてください",
            en: "id: {given:?} is item {id}: write it {id:?}";
        /// A case id that is not an item id.
        NotAnId { problem: ParseProblem } =>
            ja: "id: {problem}",
            en: "id: {problem}";
        /// A case without expectations.
        ExpectsNothing { name: String } =>
            ja: "ケース {name:?} に期待値がありません: expect.achievement, expect.rating, expect.verdict, expect.weak, expect.effect, expect.target_effect のいずれかを書いてください",
            en: "case {name:?} expects nothing: add expect.achievement, expect.rating, expect.verdict, expect.weak, expect.effect or expect.target_effect";
        /// An expected effect with a fraction.
        EffectNotWhole =>
            ja: "効果額は報告書の印字どおり千円単位に丸めて比べます: 千円の整数で書いてください",
            en: "effects are compared rounded to the thousand yen, as reports print them: write a whole number of 千円";
        /// An achievement both given and expected.
        AchievementTwice =>
            ja: "ケースが達成率を与え、しかも期待もしています: expect.achievement を消すか、achievement を消して種別のルールに計算させてください",
            en: "the case gives its achievement and also expects one: drop expect.achievement, or drop achievement and let the kind's rule compute it";
        /// An expected achievement without a kind.
        AchievementWithoutKind =>
            ja: "達成率を期待していますが kind がありません: kind = \"…\" を書いてください",
            en: "the case expects an achievement but names no kind: add kind = \"…\"";
        /// An expected rating with nothing to rate.
        RatingWithoutKind =>
            ja: "評価を期待していますが、kind も評価する achievement もありません",
            en: "the case expects a rating but names no kind and gives no achievement to rate";
        /// An expected effect with nothing to compute it.
        EffectWithoutKind =>
            ja: "効果額を期待していますが、kind も effect_formula もありません",
            en: "the case expects an effect but names no kind and gives no effect_formula";
        /// An expected reading of the text (verdict, weak) without a kind.
        ReadingWithoutKind =>
            ja: "文章の読み取り (expect.verdict, expect.weak) を期待していますが kind がありません: kind = \"…\" を書いてください",
            en: "the case expects a reading of the text (expect.verdict, expect.weak) but names no kind: add kind = \"…\"";
        /// An expected verdict that judgement.rhai cannot give.
        NotAVerdict { given: String, verdicts: Vec<String> } =>
            ja: "expect.verdict: {given:?} は判定 ({verdicts}) でも \"none\" でもありません",
            en: "expect.verdict: {given:?} is not a verdict ({verdicts}), nor \"none\"";
    }

    /// Words that cannot be read as what they stand for.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ParseProblem {
        /// Not a fiscal year.
        NotAFiscalYear { given: String } =>
            ja: "{given:?} は年度として読めません: R5, 令和5年度, 令和元年度, H30, 平成30年度, FY2018, 2018年度 のように書いてください",
            en: "{given:?} is not a fiscal year: write R5, 令和5年度, 令和元年度, H30, 平成30年度, FY2018 or 2018年度";
        /// Not an item id.
        NotAnItemId { given: String } =>
            ja: "{given:?} は取組番号として読めません: <基本方針>-<推進項目>-<実施項目> (例 5-8-12) か資料の番号 (例 5(8)⑫) で書いてください",
            en: "{given:?} is not an item id: write <policy>-<theme>-<item>, e.g. 5-8-12, or the document's number, e.g. 5(8)⑫";
    }

    /// Why a printed value could not be read.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ValueError {
        /// An empty cell written as a key.
        Empty =>
            ja: "値が空です: 原資料の欄が空白なら、キーごと書かないでください",
            en: "empty value: leave the key out when the document's cell is blank";
        /// Not a number the document could print.
        Malformed { text: String, why: NumberProblem } =>
            ja: "{text:?} は原資料の数値として読めません: {why}",
            en: "{text:?} is not a number the document could print: {why}";
        /// A number with more digits before the point than `MAX_INTEGER_DIGITS`.
        TooLarge { text: String, max_digits: usize } =>
            ja: "{text:?} は整数部が {max_digits} 桁を超えています: 計画の数値としては大きすぎます",
            en: "{text:?} has more than {max_digits} digits before the decimal point: no plan figure is that large";
        /// A dash or arrow that marks "no new target" stands before other text.
        MarkBeforeText { text: String, mark: char } =>
            ja: "{text:?} は {mark:?} で始まっています。この記号は単独で「その年度の新たな目標なし (—/↓)」を表し、ほかの文字の前には置けません (負の数は ▲ か - で書きます)",
            en: "{text:?} starts with {mark:?}, which alone means no new target this year (—/↓); it cannot stand before other text (write ▲ or - for a negative number)";
        /// A letter that looks like a minus sign before digits (worded beside the parser).
        Sign { problem: crate::model::SignProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A unit that is not one: "%%", "%円", punctuation.
        BadUnit { text: String, unit: String } =>
            ja: "{text:?}: {unit:?} は単位として読めません",
            en: "{text:?}: {unit:?} is not a unit";
    }

    /// What is wrong with the digits of a number.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum NumberProblem {
        /// "+", "▲" alone or before words.
        SignWithoutDigits =>
            ja: "符号の後には数字が必要です",
            en: "a sign must be followed by digits";
        /// ",5", ".5".
        NoLeadingDigit =>
            ja: "数値は数字で始めてください",
            en: "a number must start with a digit";
        /// "12(3".
        UnclosedBracket =>
            ja: "開き括弧が末尾で閉じていません",
            en: "an opening bracket is not closed at the end";
        /// "1(2(3))".
        NestedBrackets =>
            ja: "括弧が入れ子になっています",
            en: "brackets are nested";
        /// "12)".
        UnopenedBracket =>
            ja: "閉じ括弧に対応する開き括弧がありません",
            en: "a closing bracket has no opening one";
        /// "12 3", "12件5".
        TrailingCharacters =>
            ja: "数値の後に余分な文字があります",
            en: "unexpected characters after the number";
        /// "12以内件".
        MisplacedBound =>
            ja: "範囲を表す語か符号の位置が正しくありません",
            en: "a bound or sign is out of place";
        /// "12()".
        EmptyBrackets =>
            ja: "括弧の中が空です",
            en: "empty brackets";
        /// ".5".
        NoDigitsBeforePoint =>
            ja: "小数点の前に数字がありません",
            en: "no digits before the decimal point";
        /// "1,,234".
        MisplacedSeparator =>
            ja: "桁区切りのコンマの位置が正しくありません",
            en: "misplaced thousands separator";
        /// "20,0".
        SeparatorGroups =>
            ja: "桁区切りは3桁ごとにしてください",
            en: "thousands separators must group three digits";
        /// "1.2.3".
        MalformedDecimals =>
            ja: "小数部の書き方が正しくありません",
            en: "malformed decimal part";
        /// More digits than an exact decimal holds.
        TooManyDigits =>
            ja: "桁数が多すぎます",
            en: "too many digits";
    }

    /// A number written in a unit that does not fit where it stands.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum UnitError {
        /// "20人" for an indicator counted in 件, or a word after the number that is no unit
        /// of it ("18%程度"): never silently read as a unit.
        Mismatch { text: String, written: String, unit: String } =>
            ja: "{text:?} は {written:?} で書かれていますが、指標の単位は {unit:?} です (範囲は 以内, 以下, まで, 未満, を下回る, 以上, 超, を超える, を上回る で書きます)",
            en: "{text:?} is written in {written:?}, but the indicator's unit is {unit:?} (a bound is written 以内, 以下, まで, 未満, を下回る, 以上, 超, を超える or を上回る)";
        /// An effect amount, or a report unit, that is not money.
        NotMoney { written: String } =>
            ja: "{written:?} は金額の単位ではありません: 円, 千円, 万円, 百万円, 億円 のいずれかで書いてください",
            en: "{written:?} is not a unit of money: write 円, 千円, 万円, 百万円 or 億円";
        /// An indicator without a unit whose target and actual of one year differ in unit.
        TargetActual { target: String, actual: String } =>
            ja: "目標値 {target:?} と実績値 {actual:?} の単位が異なります",
            en: "the target {target:?} and the actual {actual:?} are written in different units";
    }

    /// A plan, rule or case file that is not read.
    #[derive(Debug)]
    pub enum FileError {
        /// A folder, a named pipe, a device…
        NotRegular { path: PathBuf } =>
            ja: "{path}: 通常のファイルではありません",
            en: "{path}: not a regular file";
        /// Larger than the limit.
        TooLarge { path: PathBuf, limit: u64 } =>
            ja: "{path}: ファイルが {limit} バイトより大きいため読みません",
            en: "{path}: the file is larger than {limit} bytes";
        /// Through a symbolic link (of the file or a folder on its way), outside the folder.
        OutsideFolder { path: PathBuf, folder: PathBuf } =>
            ja: "{path}: (シンボリックリンクの先が) {folder} の外にあるため読みません",
            en: "{path}: the file lies outside {folder} (through a symbolic link) and is not read";
        /// Not UTF-8 text.
        NotText { path: PathBuf } =>
            ja: "{path}: UTF-8 のテキストではありません",
            en: "{path}: not UTF-8 text";
        /// The system could not read it.
        Io { path: PathBuf, source: std::io::Error } =>
            ja: "{path}: {source}",
            en: "{path}: {source}";
        /// A folder given as plans that is neither a plan folder nor holds any.
        NoPlans { path: PathBuf } =>
            ja: "{path}: 計画のフォルダ (plan.toml のあるフォルダ) でも、計画のフォルダを含むフォルダでもありません",
            en: "{path}: neither a plan folder (no plan.toml) nor a folder of plan folders";
    }

    /// What a plan error about two places is about.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Identity {
        /// An item id (from the file name).
        Item =>
            ja: "取組番号",
            en: "item";
        /// A fiscal year (under one name or two: R5 and FY2023).
        Year =>
            ja: "年度",
            en: "year";
        /// A policy number (基本方針).
        Policy =>
            ja: "基本方針",
            en: "policy";
        /// A theme number (改革の推進項目).
        Theme =>
            ja: "改革の推進項目",
            en: "theme";
        /// A label of a rating scale.
        ScaleLabel =>
            ja: "評価の記号",
            en: "rating label";
    }

    /// How a plan loading error reads, with its place.
    #[derive(Debug)]
    pub enum LoadText {
        /// A file or folder could not be read.
        Io { reason: String } =>
            ja: "読み込めません: {reason}",
            en: "cannot read {reason}";
        /// A file's content is wrong, outside an item.
        Invalid { file: PathBuf, line: usize, problem: PlanProblem } =>
            ja: "{file}:{line}: {problem}",
            en: "{file}:{line}: {problem}";
        /// A file's content is wrong, in an item.
        InvalidInItem { file: PathBuf, line: usize, item: String, problem: PlanProblem } =>
            ja: "{file}:{line}: 実施項目 {item}: {problem}",
            en: "{file}:{line}: item {item}: {problem}";
        /// One thing given twice.
        Duplicate { what: Identity, key: String, file: PathBuf, line: usize, first_file: PathBuf, first_line: usize } =>
            ja: "{file}:{line}: {what} {key} が重複しています: {first_file}:{first_line} にもあります",
            en: "{file}:{line}: {what} {key} is given twice: also at {first_file}:{first_line}";
        /// One thing given twice, in an item.
        DuplicateInItem { what: Identity, key: String, file: PathBuf, line: usize, item: String, first_file: PathBuf, first_line: usize } =>
            ja: "{file}:{line}: 実施項目 {item}: {what} {key} が重複しています: {first_file}:{first_line} にもあります",
            en: "{file}:{line}: item {item}: {what} {key} is given twice: also at {first_file}:{first_line}";
        /// An item file whose name is not the item id as written.
        ItemFileName { file: PathBuf, expected: String } =>
            ja: "{file}:1: ファイル名は取組番号 {expected}.toml のとおりに書いてください (先頭の 0、符号、空白は付けません)",
            en: "{file}:1: the file name must be the item id written as {expected}.toml (no leading zeros, signs or spaces)";
        /// More items than a plan can have.
        TooManyItems { count: usize, limit: usize } =>
            ja: "計画に取組項目のファイルが {count} 個あり、上限の {limit} を超えています",
            en: "the plan has {count} item files, more than {limit}";
    }

    /// How a rule set's error reads, with its place: the frame of a `RuleError`
    /// (`crate::engine::RuleError`) around its kind.
    #[derive(Debug)]
    pub enum RuleText {
        /// The rule set's files could not be read.
        Io { location: String, reason: String } =>
            ja: "ルールセット {location} を読めません: {reason}",
            en: "cannot read the rule set {location}: {reason}";
        /// `ruleset.toml`, a data file or a script is wrong as a whole.
        Config { file: String, line: usize, problem: String } =>
            ja: "{file}:{line}: {problem}",
            en: "{file}:{line}: {problem}";
        /// A rule failed on an item.
        Runtime { file: String, function: String, item: String, year: String, problem: RuleProblem } =>
            ja: "{file}: 関数 {function}、実施項目 {item}、{year}: {problem}",
            en: "{file}: function {function}, item {item}, {year}: {problem}";
        /// A rule failed on the whole plan (summary.rhai).
        RuntimeOnPlan { file: String, function: String, year: String, problem: RuleProblem } =>
            ja: "{file}: 関数 {function}、計画全体、{year}: {problem}",
            en: "{file}: function {function}, the whole plan, {year}: {problem}";
        /// A rule failed on a rule test case (the case is named already).
        RuntimeInCase { file: String, function: String, problem: RuleProblem } =>
            ja: "{file}、関数 {function}: {problem}",
            en: "{file}, function {function}: {problem}";
        /// A script with more functions than a rule set may have.
        TooManyFunctions { file: String, count: usize, max: usize } =>
            ja: "{file}: スクリプトに関数が {count} 個あります (fn をすべて数えています)。上限の {max} を超えているため読みません",
            en: "{file}: the script has {count} functions (counting every `fn`), more than {max}";
        /// A script that does not compile, at its line and column.
        CompileAt { file: String, line: usize, column: usize, problem: CompileProblem } =>
            ja: "{file}:{line}:{column}: {problem}",
            en: "{file}:{line}:{column}: {problem}";
        /// A script that does not compile, place unknown.
        CompileIn { file: String, problem: CompileProblem } =>
            ja: "{file}: {problem}",
            en: "{file}: {problem}";
        /// An item's effect formula that does not compile, at a column of it.
        FormulaAt { file: String, column: usize, problem: CompileProblem } =>
            ja: "{file}: 効果額の算定式: {problem} ({column} 文字目)",
            en: "{file}: effect formula: {problem} (column {column})";
        /// An item's effect formula that is refused as a whole.
        Formula { file: String, problem: CompileProblem } =>
            ja: "{file}: 効果額の算定式: {problem}",
            en: "{file}: effect formula: {problem}";
    }

    /// Why a script or an effect formula does not compile.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CompileProblem {
        /// A name that is no variable (`actual` for `x.actual`; a script's constant inside a
        /// function).
        UndefinedVariable { name: String } =>
            ja: "変数 {name} は定義されていません (x の値は x.actual のように書きます)",
            en: "Undefined variable: {name}";
        /// Any other syntax error, in the Rhai reader's words.
        Syntax { detail: String } =>
            ja: "構文の誤り: {detail}",
            en: "{detail}";
        /// An effect formula longer than the limit.
        FormulaTooLong { max: usize } =>
            ja: "{max} 文字を超えているため読みません",
            en: "longer than {max} characters";
    }

    /// What is wrong with a rule set as a whole (`ruleset.toml`, `data/*.toml`, a script
    /// without its function): the kind inside a `RuleError::Config`.
    #[derive(Debug)]
    #[non_exhaustive]
    pub enum RuleConfigProblem {
        /// TOML that does not parse, or a key the file may not have (the TOML reader's words).
        Toml { detail: String } =>
            ja: "TOML として読めません: {detail}",
            en: "{detail}";
        /// No `ruleset.toml`.
        NoConfig =>
            ja: "ルールセットに ruleset.toml (名前と評価尺度) がありません",
            en: "the rule set has no ruleset.toml (its name and rating scale)";
        /// A rating label given twice.
        LabelTwice { label: String, first_line: usize } =>
            ja: "評価の記号 {label:?} が重複しています: {first_line} 行目にもあります",
            en: "rating label {label:?} is given twice: also at line {first_line}";
        /// `extends` too many rule sets deep.
        ExtendsTooDeep { max: usize } =>
            ja: "extends が {max} 段を超えてルールセットをたどっています",
            en: "extends goes more than {max} rule sets deep";
        /// The rule set `extends` names cannot be found.
        CannotExtend { path: String, reason: std::io::Error } =>
            ja: "extends {path:?}: {reason}",
            en: "extends {path:?}: {reason}";
        /// A rule set held in memory cannot extend one.
        ExtendsFromMemory { location: String, path: String } =>
            ja: "{location}: メモリ上のルールセットは {path:?} を extends できません",
            en: "{location}: a rule set held in memory cannot extend {path:?}";
        /// `extends` leads back to a rule set already read.
        ExtendsCircle { path: String, location: String } =>
            ja: "extends {path:?} ({location}) がたどったルールセットに戻り、循環しています",
            en: "extends {path:?} ({location}) goes round in a circle";
        /// The rule set `extends` names cannot be read.
        CannotReadBase { path: String, location: String, reason: std::io::Error } =>
            ja: "extends {path:?}: {location} を読めません: {reason}",
            en: "extends {path:?}: cannot read {location}: {reason}";
        /// No scale, here or in a rule set extended.
        NoScale =>
            ja: "ルールセットに評価尺度 ([[scale.ratings]]) がなく、extends したルールセットにもありません",
            en: "the rule set has no scale ([[scale.ratings]]), and extends none that has";
        /// A scale without ratings.
        NoRatings =>
            ja: "評価尺度に評価 (ratings) がありません",
            en: "the scale has no ratings";
        /// A relation of the scale to another that is wrong.
        Scale { problem: ScaleProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// No `rating.rhai`.
        NoRatingScript =>
            ja: "ルールセットに rating.rhai (達成率から評価への対応) がありません",
            en: "the rule set has no rating.rhai (the mapping from achievement to rating)";
        /// A script without the function it is for.
        MissingFunction { signature: String } =>
            ja: "スクリプトに関数 {signature} がありません",
            en: "the script defines no function {signature}";
        /// A top-level constant of a kind script that is not something a kind declares.
        UnknownDeclaration { name: String, known: Vec<String> } =>
            ja: "定数 {name} は種類の宣言ではありません: 種類のスクリプトが宣言できるのは {known} です",
            en: "the constant {name} declares nothing of the kind: a kind script can declare {known}";
        /// A declaration of a kind script that is not `true` or `false`.
        DeclarationNotBool { name: String } =>
            ja: "{name} は true か false で宣言してください",
            en: "{name} must be declared true or false";
        /// A rating script without `judged` beside a judgement script.
        NoJudged { verdicts: Vec<String> } =>
            ja: "スクリプトに関数 judged(x, verdict) がありません: judgement.rhai の判定 ({verdicts}) を評価に変える関数です",
            en: "the script defines no function judged(x, verdict), which turns the verdicts of judgement.rhai ({verdicts}) into ratings";
        /// `data/phrases.toml` without groups.
        NoPhraseGroups =>
            ja: "語句のグループ [[group]] がありません: グループごとに名前と語句を書いてください",
            en: "no [[group]] of phrases: give each group a name and its phrases";
        /// A phrase group without a name or phrases.
        GroupWithoutPhrases =>
            ja: "[[group]] には名前と1つ以上の語句が必要です",
            en: "a [[group]] needs a name and at least one phrase";
        /// Two phrase groups of one name.
        SecondGroup { name: String } =>
            ja: "グループ {name:?} が2つあります",
            en: "a second group named {name:?}";
        /// An empty phrase.
        EmptyPhrase { group: String } =>
            ja: "グループ {group:?} に空の語句があります",
            en: "group {group:?} has an empty phrase";
        /// A phrase in two groups.
        PhraseInTwoGroups { phrase: String, first: String, second: String } =>
            ja: "語句 {phrase:?} がグループ {first:?} と {second:?} の両方にあります: 語句は1つのグループにだけ書いてください",
            en: "the phrase {phrase:?} is in the groups {first:?} and {second:?}: a phrase belongs to one group";
        /// A step of `data/steps.toml` without a name or words.
        StepWithoutWords =>
            ja: "[[step]] には名前と1つ以上の語が必要です",
            en: "a [[step]] needs a name and at least one word";
        /// An empty word of a step.
        EmptyStepWord { step: String } =>
            ja: "段階 {step:?} に空の語があります",
            en: "step {step:?} has an empty word";
        /// A word in two steps.
        WordInTwoSteps { word: String, first: String, second: String } =>
            ja: "語 {word:?} が段階 {first:?} と {second:?} の両方にあります: 語は1つの段階にだけ書いてください",
            en: "the word {word:?} is in the steps {first:?} and {second:?}: a word names one step";
        /// A number of a data file that is no exact decimal.
        NotExactDecimal { number: String } =>
            ja: "数値 {number} は正確な10進数として読めません",
            en: "the number {number} is not an exact decimal";
        /// A share (`match_share`) that is not a number.
        NotAShare { key: String } =>
            ja: "{key} は 0 から 1 の数値で書いてください",
            en: "{key} must be a number from 0 to 1";
    }

    /// What is wrong with a scale's declared relation to another scale.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ScaleProblem {
        /// A label that is not on this scale.
        NotOnThisScale { other: String, label: String } =>
            ja: "{other} との対応: {label:?} はこの尺度の記号ではありません",
            en: "relation to {other}: {label:?} is not a label of this scale";
        /// A label that is not on the other scale.
        NotOnThatScale { other: String, label: String } =>
            ja: "{other} との対応: {label:?} は相手の尺度の記号ではありません",
            en: "relation to {other}: {label:?} is not a label of that scale";
        /// A label of this scale left out.
        Unrelated { other: String, label: String } =>
            ja: "{other} との対応: この尺度の {label:?} の対応がありません",
            en: "relation to {other}: {label:?} of this scale is not related";
    }

    /// What went wrong while a rule ran: the kind inside a `RuleError::Runtime`. Rhai's own
    /// words are quoted only where it gives nothing more typed.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum RuleProblem {
        /// Where in the script it happened.
        At { problem: Box<RuleProblem>, line: usize, position: usize } =>
            ja: "{problem} ({line} 行 {position} 文字目)",
            en: "{problem} (line {line}, position {position})";
        /// It happened inside a function the rule called.
        InFunction { problem: Box<RuleProblem>, function: String, line: usize, position: usize } =>
            ja: "{problem}\n(関数 '{function}' の中: {line} 行 {position} 文字目での呼び出し)",
            en: "{problem}\nin call to function '{function}' (line {line}, position {position})";
        /// With what would help.
        Hinted { problem: Box<RuleProblem>, hint: RuleHint } =>
            ja: "{problem}。{hint}",
            en: "{problem}; {hint}";
        /// The operation limit.
        TooManyOperations { max: u64 } =>
            ja: "ルールが {max} 回を超えて演算したため止めました (終わらないループではありませんか)",
            en: "the rule ran for more than {max} operations and was stopped (an endless loop?)";
        /// The call depth limit.
        TooDeep { max: usize } =>
            ja: "ルールが関数を {max} 段を超えて呼び出したため止めました (終わらない再帰ではありませんか)",
            en: "the rule called functions more than {max} levels deep and was stopped (endless recursion?)";
        /// The text functions' limit.
        TooMuchTextWork { function: String, max: u64 } =>
            ja: "{function}: ルールの文字列関数が1回の呼び出しで {max} 文字を超えて比べたため止めました",
            en: "{function}: the rule's text functions compared more than {max} characters in one call and were stopped";
        /// A variable that does not exist.
        VariableNotFound { name: String } =>
            ja: "変数 {name} がありません",
            en: "Variable not found: {name}";
        /// A property a value of a type does not have (`x.tagret`).
        UnknownProperty { property: String, type_name: String } =>
            ja: "{type_name} にプロパティ '{property}' はありません",
            en: "Unknown property '{property}' - a getter is not registered for type '{type_name}'";
        /// A key a map does not have.
        PropertyNotFound { name: String } =>
            ja: "マップにキー {name} がありません",
            en: "Property not found: {name}";
        /// A function that does not exist for these arguments.
        FunctionNotFound { signature: String } =>
            ja: "関数 {signature} はありません (名前か引数の型が違います)",
            en: "Function not found: {signature}";
        /// An array index out of bounds.
        ArrayBounds { index: i64, len: usize } =>
            ja: "配列の添字 {index} は範囲外です (要素は {len} 個)",
            en: "Array index {index} out of bounds: the array has {len} element(s)";
        /// A string index out of bounds.
        StringBounds { index: i64, len: usize } =>
            ja: "文字列の添字 {index} は範囲外です ({len} 文字)",
            en: "String index {index} out of bounds: the string has {len} character(s)";
        /// A value of the wrong type.
        WrongType { expected: String, actual: String } =>
            ja: "値の型が違います: {actual} ではなく {expected} が必要です",
            en: "Data type incorrect: {actual} (expecting {expected})";
        /// Indexing a value that cannot be indexed.
        NotIndexable { type_name: String } =>
            ja: "{type_name} は添字で取り出せません",
            en: "Indexer unavailable: {type_name}";
        /// A division by zero.
        DivisionByZero { expression: String } =>
            ja: "0 で割っています: {expression}",
            en: "Division by zero: {expression}";
        /// A result too large for an exact decimal.
        Overflow { expression: String } =>
            ja: "計算結果が大きすぎます: {expression}",
            en: "the result is too large: {expression}";
        /// A comparison of values of different kinds (worded beside the engine's set-up).
        Comparison { problem: crate::engine::ComparisonProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A rule's own `throw`.
        Thrown { value: String } =>
            ja: "ルールがエラーを出しました: {value}",
            en: "Runtime error: {value}";
        /// Any other failure, in Rhai's words.
        Rhai { detail: String } =>
            ja: "Rhai のエラー: {detail}",
            en: "{detail}";
        /// A function that returned what is not a number.
        NotANumber { type_name: String } =>
            ja: "数値か () を返さなければなりませんが、{type_name} を返しました",
            en: "must return a number or (), returned a {type_name}";
        /// A rating function that returned what is not a label.
        NotALabel { type_name: String } =>
            ja: "評価の記号か () を返さなければなりませんが、{type_name} を返しました",
            en: "must return a rating label or (), returned a {type_name}";
        /// A rating function that returned a label off the scale.
        LabelOffScale { label: String, labels: Vec<String> } =>
            ja: "{label:?} を返しましたが、評価尺度 ({labels}) にありません",
            en: "returned {label:?}, which is not on the scale ({labels})";
        /// An effect too large to be an amount of any plan.
        EffectTooLarge { value: Decimal, digits: u32 } =>
            ja: "{value} を返しましたが、整数部が {digits} 桁を超えています: そこまで大きな効果額はありません",
            en: "returned {value}, more than {digits} digits before the decimal point: no effect amount is that large";
        /// An indicator kind without a script.
        NoKindScript { kind: String, kinds: Vec<String> } =>
            ja: "ルールセットに種別 {kind:?} のスクリプトがありません (あるのは {kinds})",
            en: "the rule set has no script for kind {kind:?} (it has: {kinds})";
        /// `data(name)` of a file the rule set does not have.
        NoDataFile { name: String, known: Vec<String> } =>
            ja: "data(\"{name}\"): ルールセットに data/{name}.toml がありません (あるのは {known})",
            en: "data(\"{name}\"): the rule set has no data/{name}.toml (it has: {known})";
        /// `data(name, key)` of a key the file does not have.
        NoDataKey { name: String, key: String } =>
            ja: "data(\"{name}\", \"{key}\"): data/{name}.toml に {key} がありません",
            en: "data(\"{name}\", \"{key}\"): data/{name}.toml has no {key}";
        /// `data(name)` in a rule set without data files.
        NoDataFiles { name: String } =>
            ja: "data(\"{name}\"): ルールセットに data/{name}.toml がありません (data/ のファイルがありません)",
            en: "data(\"{name}\"): the rule set has no data/{name}.toml (it has none)";
        /// `phrases(text)` without `data/phrases.toml`.
        NoPhraseBook { function: String } =>
            ja: "{function}: ルールセットに data/phrases.toml がありません",
            en: "{function}: the rule set has no data/phrases.toml";
        /// `step_words(text)` or `furthest_step(text)` without `data/steps.toml`.
        NoStepBook { function: String } =>
            ja: "{function}: ルールセットに data/steps.toml がありません",
            en: "{function}: the rule set has no data/steps.toml";
        /// `read_comment` with a `data/phrases.toml` that lacks `match_share` or `[markers]`.
        NoMatching =>
            ja: "read_comment(plan, comment, telling): data/phrases.toml に match_share と [markers] (points, clauses) がありません",
            en: "read_comment(plan, comment, telling): data/phrases.toml has no match_share and [markers] (points, clauses)";
        /// A list of words that holds something else.
        ListNotStrings { function: String, type_name: String } =>
            ja: "{function}: リストには文字列を入れてください ({type_name} が入っています)",
            en: "{function}: the list must hold strings, it holds a {type_name}";
        /// `judge(x)` returned what is not a reading.
        ReadingNotAMap { type_name: String } =>
            ja: "マップ #{{ verdict: … }} か () を返さなければなりませんが、{type_name} を返しました",
            en: "must return a map #{{ verdict: … }} or (), returned a {type_name}";
        /// A reading with a key it does not have.
        ReadingUnknownKey { key: String } =>
            ja: "知らないキー {key:?} を返しました (読み取りのキーは verdict, weak, evidence です)",
            en: "returned the unknown key {key:?} (a reading has verdict, weak and evidence)";
        /// A verdict that is none.
        NotAVerdict { verdict: String, verdicts: Vec<String> } =>
            ja: "判定 {verdict:?} を返しましたが、判定は {verdicts} のいずれかです",
            en: "returned the verdict {verdict:?}; a verdict is one of {verdicts}";
        /// A text field that is not text.
        FieldNotText { key: String, type_name: String } =>
            ja: "{key} は文字列でなければなりませんが、{type_name} です",
            en: "{key} must be a string, it is a {type_name}";
        /// `weak` that is not true or false.
        WeakNotBool { type_name: String } =>
            ja: "weak は true か false でなければなりませんが、{type_name} です",
            en: "weak must be true or false, it is a {type_name}";
        /// `evidence` that is not an array.
        EvidenceNotArray { type_name: String } =>
            ja: "evidence はマップの配列でなければなりませんが、{type_name} です",
            en: "evidence must be an array of maps, it is a {type_name}";
        /// `evidence` holding what is not a map.
        EvidenceNotMap { type_name: String } =>
            ja: "evidence にはマップを入れてください ({type_name} が入っています)",
            en: "evidence must hold maps, it holds a {type_name}";
        /// Evidence with a key it does not have.
        EvidenceUnknownKey { key: String } =>
            ja: "evidence に知らないキー {key:?} があります (キーは point, clause, found, group です)",
            en: "evidence has the unknown key {key:?} (it has point, clause, found and group)";
        /// `summary(s)` returned what is not an array.
        SummaryNotArray =>
            ja: "summary(s) は表 #{{ title, columns, rows }} の配列 (か ()) を返さなければなりません",
            en: "summary(s) must return an array of tables #{{ title, columns, rows }} (or ())";
        /// A table `summary(s)` returned that is wrong.
        Table { table: usize, problem: TableProblem } =>
            ja: "表 {table}: {problem}",
            en: "table {table}: {problem}";
    }

    /// What would help with a rule's failure.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum RuleHint {
        /// A misspelt property of x.
        InputProperties { properties: Vec<String> } =>
            ja: "x のプロパティは {properties} です",
            en: "x has the properties {properties}";
        /// A misspelt property of a year of x.history.
        YearProperties { properties: Vec<String> } =>
            ja: "x.history の年度のプロパティは {properties} です",
            en: "a year of x.history has the properties {properties}";
        /// A value the document does not give, computed with.
        UnitValue =>
            ja: "原資料にない値は () です: 使う前に `== ()` で確かめてください",
            en: "a value the document does not give is (): test it with `== ()` before using it";
    }

    /// What is wrong with a table `summary(s)` returned.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum TableProblem {
        /// Not a map.
        NotAMap =>
            ja: "マップ #{{ title, columns, rows }} ではありません",
            en: "not a map #{{ title, columns, rows }}";
        /// No title.
        NoTitle =>
            ja: "title (文字列) がありません",
            en: "no title (a string)";
        /// No columns.
        NoColumns =>
            ja: "columns (文字列の配列) がありません",
            en: "no columns (an array of strings)";
        /// A heading that is not text.
        ColumnNotText =>
            ja: "列の見出しに文字列でないものがあります",
            en: "a column heading is not a string";
        /// No rows.
        NoRows =>
            ja: "rows (配列の配列) がありません",
            en: "no rows (an array of arrays)";
        /// A key a table does not have.
        UnknownKey { key: String } =>
            ja: "知らないキー {key:?} があります: 表のキーは title, columns, rows です",
            en: "unknown key {key:?}: a table has title, columns and rows";
        /// A row that is not an array.
        RowNotArray { row: usize } =>
            ja: "{row} 行目が配列ではありません",
            en: "row {row} is not an array";
        /// A row of the wrong length.
        RowLength { row: usize, figures: usize, columns: usize } =>
            ja: "{row} 行目の値が {figures} 個ありますが、列は {columns} 個です",
            en: "row {row} has {figures} figures for {columns} columns";
        /// A figure of no kind a table shows.
        BadFigure { row: usize } =>
            ja: "{row} 行目に、数値、文字列、as_percent(…)、() のいずれでもない値があります",
            en: "row {row}: a figure is neither a number, a string, as_percent(…) nor ()";
    }

    /// Why two evaluations cannot be compared (`gyokaku diff`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum DiffError {
        /// They are of different plans.
        DifferentPlans { base: String, new: String } =>
            ja: "別の計画の評価どうしは比べられません ({base} と {new})",
            en: "cannot compare evaluations of different plans ({base} and {new})";
        /// They are of different years.
        DifferentYears { base: String, new: String } =>
            ja: "別の年度の評価どうしは比べられません ({base} と {new})",
            en: "cannot compare evaluations of different years ({base} and {new})";
        /// They do not cover the same items.
        DifferentItems { base: String, new: String } =>
            ja: "別の実施項目の評価どうしは比べられません: 元のルールの実施項目 {base} の位置に、新しいルールでは {new} があります",
            en: "cannot compare evaluations of different items: item {base} under the base rules stands where the new rules have {new}";
        /// An item evaluated under the base rules only.
        OnlyUnderBase { item: String } =>
            ja: "別の実施項目の評価どうしは比べられません: 実施項目 {item} は元のルールの評価にだけあります",
            en: "cannot compare evaluations of different items: item {item} is evaluated under the base rules only";
        /// An item evaluated under the new rules only.
        OnlyUnderNew { item: String } =>
            ja: "別の実施項目の評価どうしは比べられません: 実施項目 {item} は新しいルールの評価にだけあります",
            en: "cannot compare evaluations of different items: item {item} is evaluated under the new rules only";
    }

    /// Why `gyokaku test --accept` could not re-record the cases of a file.
    #[derive(Debug)]
    pub enum AcceptError {
        /// A case file could not be read or written.
        Io { file: PathBuf, reason: std::io::Error } =>
            ja: "{file}: {reason}",
            en: "{file}: {reason}";
        /// A case file changed since the run.
        Changed { file: PathBuf, problem: AcceptProblem } =>
            ja: "{file}: テストの実行後にファイルが変わっています: {problem}",
            en: "{file}: the file changed since the run: {problem}";
    }

    /// How a case file no longer fits the run `--accept` re-records.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum AcceptProblem {
        /// It no longer parses.
        Toml { detail: String } =>
            ja: "TOML として読めません: {detail}",
            en: "{detail}";
        /// It has no cases.
        NoCases =>
            ja: "[[case]] がなくなっています",
            en: "the file has no [[case]] any more";
        /// The case is gone.
        NoCase { name: String } =>
            ja: "{name:?} という名前のケースがなくなっています",
            en: "no case is named {name:?} any more";
        /// The case has no expectations.
        NoExpect { name: String } =>
            ja: "ケース {name:?} に expect がありません",
            en: "case {name:?} has no expect";
        /// The case no longer has the expectation that failed.
        NoExpectation { name: String, check: String } =>
            ja: "ケース {name:?} に expect.{check} がありません",
            en: "case {name:?} has no expect.{check}";
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
