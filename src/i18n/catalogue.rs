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
        /// A folder could not be made.
        CannotCreateFolder { path: PathBuf, reason: std::io::Error } =>
            ja: "フォルダ {path} を作れません: {reason}",
            en: "cannot create the folder {path}: {reason}";
        /// The output could not be written (`-`: standard output).
        CannotWrite { path: PathBuf, reason: std::io::Error } =>
            ja: "{path} に書き込めませんでした: {reason}",
            en: "{path} could not be written: {reason}";
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
