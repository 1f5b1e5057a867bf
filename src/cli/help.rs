//! `--help` in the reader's language. The English is each command's documentation beside its
//! arguments (`src/cli/*.rs`); in Japanese every command's and option's text, and clap's own
//! headings, come from the messages here ([`Help`]).

use crate::cli::output::Notice;
use clap::error::{ContextKind, ErrorKind};
use clap::Command;
use gyokaku::i18n::{Lang, LangError, Localize};
use gyokaku::model::{FiscalYearError, ItemIdError};
use gyokaku::report::{FormatError, PeriodHelp, ReportHelp};
use gyokaku::serve::ServeHelp;

gyokaku::i18n::messages! {
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

    /// `gyokaku --help` in Japanese: what each command does and what each option means (the
    /// English is the commands' own documentation, beside their arguments in `src/cli/`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    // HelpCommand and HelpFlag are the help of `help` itself.
    #[allow(clippy::enum_variant_names)]
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
}

/// What a command does, in `lang`: a command's own words beside its module, the others' from
/// [`Help`].
fn about(command: &str, lang: Lang) -> Option<String> {
    if command == "serve" {
        return Some(ServeHelp::About.localize(lang));
    }
    help_about(command).map(|h| h.localize(lang))
}

/// What a command does, worded in [`Help`].
fn help_about(command: &str) -> Option<Help> {
    Some(match command {
        "evaluate" => Help::Evaluate,
        "summary" => Help::Summary,
        "list" => Help::List,
        "agreement" => Help::Agreement,
        "period" => Help::PeriodCommand,
        "check" => Help::Check,
        "sheet" => Help::Sheet,
        "diff" => Help::Diff,
        "explain" => Help::Explain,
        "template" => Help::Template,
        "import" => Help::Import,
        "status" => Help::Status,
        "report" => Help::Report,
        "test" => Help::Test,
        "cache" => Help::Cache,
        "init" => Help::Init,
        "completions" => Help::Completions,
        "man" => Help::Man,
        "help" => Help::HelpCommand,
        _ => return None,
    })
}

/// What an argument of a command means, in `lang`: a command's own options from the messages
/// beside its module, the others from [`Help`].
fn argument(command: &str, id: &str, lang: Lang) -> Option<String> {
    let own = match (command, id) {
        ("report", "internal") => Some(ReportHelp::Internal.localize(lang)),
        ("report", "draft") => Some(ReportHelp::Draft.localize(lang)),
        ("period", "year") => Some(PeriodHelp::SeenFrom.localize(lang)),
        ("import", "amend") => Some(gyokaku::cycle::AmendText::Help.localize(lang)),
        ("serve", "plan") => Some(ServeHelp::Plan.localize(lang)),
        ("serve", "port") => Some(ServeHelp::Port.localize(lang)),
        ("serve", "open") => Some(ServeHelp::Open.localize(lang)),
        ("serve", "listen") => Some(ServeHelp::Listen.localize(lang)),
        _ => None,
    };
    own.or_else(|| help_argument(command, id).map(|h| h.localize(lang)))
}

/// What an argument of a command means, worded in [`Help`].
fn help_argument(command: &str, id: &str) -> Option<Help> {
    Some(match (command, id) {
        ("diff", "rules") => Help::NewRules,
        ("diff", "base") => Help::BaseRules,
        ("test", "rules") => Help::TestRules,
        ("template", "year") => Help::ReportYear,
        ("template", "output") => Help::Workbook,
        ("template" | "import", "rules") => Help::ScaleRules,
        ("import", "plan") => Help::PlanFolder,
        ("import", "files") => Help::Workbooks,
        ("man", "output") => Help::ManFolder,
        ("template", "plan_sheet") => Help::PlanSheet,
        ("template", "from") => Help::From,
        ("import", "plan_sheet") => Help::PlanSheetFile,
        ("init", "dir") => Help::InitDir,
        ("init", "municipality") => Help::Municipality,
        ("init", "plan_name") => Help::PlanName,
        ("init", "years") => Help::Period,
        ("init", "scale") => Help::InitScale,
        ("init", "unit") => Help::InitUnit,
        ("init", "id") => Help::PlanId,
        ("init", "rules") => Help::InitRules,
        ("init", "own_rules") => Help::OwnRules,
        (_, "plan") => Help::Plan,
        (_, "no_cache") => Help::NoCache,
        (_, "rules") => Help::Rules,
        (_, "year") => Help::Year,
        (_, "format") => Help::Format,
        (_, "output") => Help::Output,
        (_, "lang") => Help::Lang,
        (_, "bom") => Help::Bom,
        (_, "ascii") => Help::Ascii,
        (_, "width") => Help::Width,
        (_, "watch") => Help::Watch,
        (_, "id") => Help::Id,
        (_, "coverage") => Help::Coverage,
        (_, "verbose") => Help::Verbose,
        (_, "accept") => Help::Accept,
        (_, "department") => Help::Department,
        (_, "by_department") => Help::ByDepartment,
        (_, "item_sheets") => Help::ItemSheets,
        (_, "dry_run") => Help::DryRun,
        (_, "clear") => Help::Clear,
        (_, "color") => Help::Color,
        (_, "shell") => Help::Shell,
        (_, "help") => Help::HelpFlag,
        (_, "version") => Help::VersionFlag,
        _ => return None,
    })
}

/// The command line's help in `lang`: English as documented, Japanese from [`Help`].
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    // Built first, so that clap's own --help, --version and `help` are there to be worded.
    cmd.build();
    word(cmd.about(Help::About.localize(lang)), "", lang)
}

fn word(mut cmd: Command, name: &str, lang: Lang) -> Command {
    let t = |h: Help| h.localize(lang);
    cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t(Help::Usage)
        ))
        .subcommand_help_heading(t(Help::Commands));
    if let Some(about) = about(name, lang) {
        cmd = cmd.about(about);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = argument(name, &id, lang);
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                Help::Arguments
            } else {
                Help::Options
            };
            let a = a.help_heading(t(heading));
            let Some(h) = help else { return a };
            // clap's own "[default: …]" would stay English.
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if defaults.is_empty()
                || a.is_hide_default_value_set()
                || !a.get_action().takes_values()
            {
                a.help(h)
            } else {
                let value = defaults.join(", ");
                a.help(format!("{} {}", h, Help::Default { value }.localize(lang)))
                    .hide_default_value(true)
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        cmd = cmd.mut_subcommand(&n, |s| word(s, &n, lang));
    }
    cmd
}

/// clap's error about the command line (an unknown option, a value that does not read, a
/// missing argument…) worded in `lang` ([`ArgError`]), with the usage line; `None` for help,
/// version and the rarer kinds, which clap prints itself.
pub fn error_text(e: &clap::Error, lang: Lang) -> Option<String> {
    let get = |kind| e.get(kind).map(ToString::to_string);
    let problem = match e.kind() {
        ErrorKind::UnknownArgument => ArgError::UnknownArgument {
            arg: get(ContextKind::InvalidArg)?,
        },
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = get(ContextKind::InvalidArg)?;
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            // The reason is our own parser's error, or the values clap accepts.
            let reason = std::error::Error::source(e)
                .map(|reason| parse_error(reason, lang))
                .or_else(|| get(ContextKind::ValidValue))
                .filter(|r| !r.is_empty());
            match reason {
                _ if value.is_empty() => ArgError::NoValue { arg },
                Some(reason) => ArgError::InvalidValue { arg, value, reason },
                None => return None,
            }
        }
        ErrorKind::MissingRequiredArgument => ArgError::MissingRequired {
            args: get(ContextKind::InvalidArg)?,
        },
        ErrorKind::InvalidSubcommand => ArgError::UnknownCommand {
            command: get(ContextKind::InvalidSubcommand)?,
        },
        ErrorKind::ArgumentConflict => ArgError::Conflict {
            arg: get(ContextKind::InvalidArg)?,
            other: get(ContextKind::PriorArg)?,
        },
        _ => return None,
    };
    let mut lines = vec![Notice::Error {
        message: problem.localize(lang),
    }
    .localize(lang)];
    if let Some(suggestion) =
        get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand))
    {
        lines.push(String::new());
        lines.push(ArgError::Similar { suggestion }.localize(lang));
    }
    if let Some(usage) = get(ContextKind::Usage) {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        lines.push(String::new());
        lines.push(format!("{} {usage}", Help::Usage.localize(lang)));
    }
    lines.push(String::new());
    lines.push(ArgError::TryHelp.localize(lang));
    Some(lines.join("\n"))
}

/// The error of one of our own parsers (a year, an item id, a format, a language) worded in
/// `lang`: clap keeps it as the source of its own error. Another is as it words itself.
fn parse_error(e: &(dyn std::error::Error + 'static), lang: Lang) -> String {
    if let Some(e) = e.downcast_ref::<FiscalYearError>() {
        e.problem().localize(lang)
    } else if let Some(e) = e.downcast_ref::<ItemIdError>() {
        e.problem().localize(lang)
    } else if let Some(e) = e.downcast_ref::<FormatError>() {
        e.localize(lang)
    } else if let Some(e) = e.downcast_ref::<LangError>() {
        e.localize(lang)
    } else {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and every argument has its Japanese help in [`Help`]: a new option
    /// without one fails here.
    #[test]
    fn every_command_and_argument_has_japanese_help() {
        let mut cmd = super::super::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            if about(name, Lang::Ja).is_none() {
                missing.push(name.to_string());
            }
            for a in sub.get_arguments() {
                let id = a.get_id().as_str();
                if argument(name, id, Lang::Ja).is_none() {
                    missing.push(format!("{name} {id}"));
                }
            }
        }
        assert!(missing.is_empty(), "no Japanese help for {missing:?}");
    }

    #[test]
    fn the_messages_have_both_wordings() {
        gyokaku::i18n::check_templates(&all_templates());
    }
}
