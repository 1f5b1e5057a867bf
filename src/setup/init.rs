//! `gyokaku init`: a new plan folder — plan.toml (with the period, the scale of the recorded
//! ratings and the report's unit; policies, themes and items come from the plan sheet), the
//! rule set it is evaluated with (a reference, or a rule set of its own extending one), and a
//! README saying what to do next. A folder that has a plan, or any file it would write, is
//! refused: nothing is written over.

use std::path::{Path, PathBuf};

use crate::cycle::commit::{commit, CommitError, PendingFile};
use crate::engine::{RuleError, RuleSet};
use crate::i18n::{Lang, Localize};
use crate::model::{
    is_plan_folder, FiscalYear, FiscalYearError, MoneyUnit, Rating, Scale, YearNotation,
};

crate::i18n::messages! {
    /// What `gyokaku init` writes and says.
    #[derive(Debug)]
    pub enum InitText {
        /// The folder has a plan already.
        PlanExists { dir: PathBuf } =>
            ja: "{dir} にはすでに計画 (plan.toml) があります。新しい計画は別のフォルダに作ってください",
            en: "{dir} already has a plan (plan.toml): make the new plan in another folder";
        /// A file init would write is there.
        FileExists { path: PathBuf } =>
            ja: "{path} がすでにあります。上書きしないので、移すか消してからやり直してください",
            en: "{path} is already there; it is not written over: move or remove it and run again";
        /// --years cannot be read (the year that cannot, when one is the reason).
        Period { given: String, problem: Option<FiscalYearError> } =>
            ja: "--years {given:?} を読めません: {problem}。R7..R11、令和7年度〜令和11年度、FY2025..FY2029 のように書いてください",
            en: "--years {given:?} cannot be read: {problem}. Write it as R7..R11, 令和7年度〜令和11年度 or FY2025..FY2029";
        /// The period ends before it starts.
        Backwards { first: String, last: String } =>
            ja: "計画期間の最初の年度 {first} が最後の年度 {last} より後です",
            en: "the period's first year {first} comes after its last {last}";
        /// The period is implausibly long.
        TooLong { years: usize, most: usize } =>
            ja: "計画期間が{years}年度あります: {most}年度までにしてください",
            en: "the period has {years} years: a plan has at most {most}";
        /// Listed years that do not follow one another.
        NotConsecutive { given: String } =>
            ja: "--years {given:?} の年度が連続していません",
            en: "the years of --years {given:?} are not consecutive";
        /// --scale names no known scale.
        UnknownScale { given: String } =>
            ja: "--scale {given:?} は使えません: A-D (計画を上回る〜進捗がほぼなし)、S-C (計画以上〜ほとんど進んでいない)、none (評価を記録しない)、rules (ルールセットの区分) から選んでください。ほかの区分は計画入力シートの「計画情報」に書けます",
            en: "--scale {given:?} is not one gyokaku knows: choose A-D (ahead of plan … almost no progress), S-C (beyond plan … hardly progressed), none (the document records no ratings) or rules (the rule set's); any other scale can be written in the plan sheet's 計画情報";
        /// --unit is not a money unit.
        Unit { given: String } =>
            ja: "--unit {given:?} は金額の単位ではありません: 千円 か 百万円 (または 円、万円、億円) を指定してください",
            en: "--unit {given:?} is not a money unit: give 千円 or 百万円 (or 円, 万円, 億円)";
        /// The plan's id is empty.
        NoId { dir: PathBuf } =>
            ja: "計画ID をフォルダ名 {dir} から決められません: --id で指定してください",
            en: "no plan id can be taken from the folder name {dir}: give one with --id";
        /// The rule set does not load.
        Rules { path: PathBuf, error: Box<RuleError> } =>
            ja: "--rules {path} のルールセットを読めません: {error}",
            en: "the rule set --rules {path} does not load: {error}";
        /// A folder could not be made.
        CreateFolder { path: PathBuf, reason: std::io::Error } =>
            ja: "フォルダ {path} を作れません: {reason}",
            en: "cannot create the folder {path}: {reason}";
    }

    /// The texts of the files `gyokaku init` writes, and what it says when done.
    #[derive(Debug)]
    pub enum InitFile {
        /// The comment that opens plan.toml.
        PlanHeader =>
            ja: "# gyokaku init で作成。基本方針・改革の推進項目・実施項目は計画入力シートから取り込みます\n# (README.md)。書式: docs/plan-format.md",
            en: "# Made by gyokaku init. Policies, themes and items are taken in from the plan sheet\n# (README.md). The format: docs/plan-format.md";
        /// Before policies and themes in plan.toml.
        PlanStructure =>
            ja: "# 基本方針と改革の推進項目: gyokaku import --plan-sheet が書き込みます",
            en: "# Policies (基本方針) and themes (改革の推進項目): gyokaku import --plan-sheet writes them";
        /// Before the scale in plan.toml.
        PlanScale =>
            ja: "# 評価の区分 (良い順)。資料の言葉で",
            en: "# The scale of the recorded ratings (評価), best first, in the document's words";
        /// The comment that opens a rule set of the plan's own.
        RulesHeader { base: String } =>
            ja: "# この計画のルールセット: {base} を土台に、変えたいものだけをここに置きます\n# (評価の区分 [scale]、rating.rhai の区切り、kinds/ の種別)。rules/README.md を参照",
            en: "# The plan's own rule set: it builds on {base}; put here only what it changes\n# (the scale [scale], the bands in rating.rhai, kinds in kinds/). See rules/README.md";
        /// The plan folder's README.
        Readme { name: String, municipality: String, dir: String, first: String, last: String, year: String, rules: String } =>
            ja: "# {name}\n\n{municipality}の行財政改革推進計画 ({first}〜{last}) を gyokaku で評価するためのフォルダです。\n\n- `plan.toml` — 計画: 名称、計画期間、評価の区分、基本方針と改革の推進項目\n- `items/` — 実施項目ごとのファイル (`<基本方針>-<推進項目>-<番号>.toml`)\n- 評価のルール: `{rules}`\n- `.taplo.toml`、`.schemas/` — エディタ (VS Code の Even Better TOML など) がファイルを確かめ、補完するための設定\n\n## 1. 計画を入力する\n\n公表された計画の表 (取組項目一覧や進捗管理シート) を、Excel の計画入力シートに写します。\nTOML を手で書く必要はありません。\n\n    gyokaku template {dir} --plan-sheet --output 計画入力.xlsx\n\n「計画入力」シートの1行が1つの実施項目です: 基本方針と改革の推進項目 (番号と名称)、取組番号、\n取組項目、部局・課、指標、単位、種別 (一覧から選択)、現状値、各年度の目標値と効果見込額、年次計画、\n効果額の算定式。値は資料に印刷されているとおりに (`23,583`、`▲19.6%`、`30億円以内`、`検討`、`-`)。\n評価の区分などは「計画情報」シートにあります。\n\n    gyokaku import --plan-sheet 計画入力.xlsx --plan {dir} --dry-run   # 確認だけ\n    gyokaku import --plan-sheet 計画入力.xlsx --plan {dir}             # 取込み\n\n読めないセルは場所 (`計画入力.xlsx!計画入力!M5`) とともに示され、そのときは何も書き込みません。\n同じブックを何度取り込んでも結果は同じです。最後に確認します:\n\n    gyokaku check {dir}\n\n## 2. 毎年度の進行管理\n\n    gyokaku template {dir} --year {year} --by-department out/   # 各部局に配る実績入力シート\n    gyokaku import out/*.xlsx --plan {dir}                         # 返送されたシートの取込み\n    gyokaku status {dir} --year {year}                           # 報告状況\n    gyokaku summary {dir} --year {year}                          # 集計表\n    gyokaku report {dir} --year {year} --output report.xlsx      # 報告書\n",
            en: "# {name}\n\nThis folder holds {municipality}'s reform plan ({first}–{last}) for gyokaku to evaluate.\n\n- `plan.toml` — the plan: its name, period, rating scale, policies (基本方針) and themes (改革の推進項目)\n- `items/` — one file per implementation item (`<policy>-<theme>-<number>.toml`)\n- the rules it is evaluated with: `{rules}`\n- `.taplo.toml`, `.schemas/` — for editors (Even Better TOML for VS Code, …) to check and complete the files\n\n## 1. Enter the plan\n\nCopy the published plan's tables (the item list, the progress sheets) into the Excel plan sheet;\nno TOML is written by hand.\n\n    gyokaku template {dir} --plan-sheet --output plan-sheet.xlsx\n\nEach row of the sheet 計画入力 is one item: its policy and theme (number and name), its number,\ntitle, department and section, indicator, unit, kind (from the drop-down), baseline, each year's\ntarget and expected effect, the yearly plan and the effect formula. Type values as the document\nprints them (`23,583`, `▲19.6%`, `30億円以内`, `検討`, `-`). The scale and the other facts of the\nplan are on the sheet 計画情報.\n\n    gyokaku import --plan-sheet plan-sheet.xlsx --plan {dir} --dry-run   # check only\n    gyokaku import --plan-sheet plan-sheet.xlsx --plan {dir}             # take it in\n\nA cell that cannot be read is named with its place (`plan-sheet.xlsx!計画入力!M5`) and then nothing\nis written; taking the same workbook in again changes nothing. Then check the plan:\n\n    gyokaku check {dir}\n\n## 2. Every year\n\n    gyokaku template {dir} --year {year} --by-department out/   # the workbooks departments fill in\n    gyokaku import out/*.xlsx --plan {dir}                         # take the returned ones in\n    gyokaku status {dir} --year {year}                           # who has reported\n    gyokaku summary {dir} --year {year}                          # the summary tables\n    gyokaku report {dir} --year {year} --output report.xlsx      # the report\n";
        /// The comment that opens the plan folder's .taplo.toml.
        TaploHeader =>
            ja: "# taplo (VS Code の Even Better TOML など) が、この計画のファイルを入力中に確かめ、補完します。\n# スキーマは gyokaku の schemas/ の写しです (gyokaku init が .schemas/ に置きました)。",
            en: "# taplo (and editors built on it, such as Even Better TOML for VS Code) checks and completes\n# this plan's files as you type, with gyokaku's schemas (copied into .schemas/ by gyokaku init).";
        /// After the files are written.
        Created { dir: String } =>
            ja: "計画のフォルダを作りました。次は計画入力シートです: gyokaku template {dir} --plan-sheet --output 計画入力.xlsx (README.md を参照)",
            en: "The plan folder is made. Next, the plan sheet: gyokaku template {dir} --plan-sheet --output plan-sheet.xlsx (see README.md)";
    }
}

/// The longest period a plan may have: reform plans run three to ten years.
pub const MAX_YEARS: usize = 20;

/// A new plan, as `gyokaku init` is told it.
#[derive(Debug, Clone)]
pub struct NewPlan {
    /// The plan's id; the folder's name when `None`.
    pub id: Option<String>,
    /// 計画の名称.
    pub name: String,
    /// 自治体名.
    pub municipality: String,
    /// The period, as given.
    pub period: Period,
    /// The scale of the recorded ratings; the rule set's when `None`.
    pub scale: Option<Scale>,
    /// The unit of the report's effect tables.
    pub report_unit: MoneyUnit,
    /// The rule set to evaluate it with (a folder, relative to the current one or absolute).
    pub rules: PathBuf,
    /// A rule set of the plan's own in `<dir>/rules`, extending `rules`, rather than a
    /// reference to `rules`.
    pub own_rules: bool,
}

/// A plan's period: its years, and how the document prints them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// The years, in order.
    pub years: Vec<FiscalYear>,
    /// Whether they are written in full ("令和7年度") rather than short ("R7").
    pub long: bool,
}

impl Period {
    /// The years as plan.toml writes them.
    pub fn written(&self) -> Vec<String> {
        self.years
            .iter()
            .map(|y| {
                if self.long {
                    y.japanese()
                } else {
                    y.to_string()
                }
            })
            .collect()
    }
}

/// Why a plan folder could not be made.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.localize(Lang::Ja))]
pub enum InitError {
    /// A message of its own.
    Text(InitText),
    /// Writing the files failed (each is complete or absent).
    Commit(#[from] CommitError),
}

impl From<InitText> for InitError {
    fn from(t: InitText) -> Self {
        InitError::Text(t)
    }
}

impl Localize for InitError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            InitError::Text(t) => t.localize(lang),
            InitError::Commit(e) => e.localize(lang),
        }
    }
}

/// Reads `--years`: two years joined by `..`, `〜`, `~` or `-` (the end may leave out the
/// era it shares with the start: `令和7〜11年度`), or the years listed with commas.
pub fn parse_period(given: &str) -> Result<Period, InitText> {
    let error = |problem: Option<FiscalYearError>| InitText::Period {
        given: given.to_string(),
        problem,
    };
    let read = |s: &str| s.trim().parse::<FiscalYear>().map_err(|e| error(Some(e)));
    let long = given.contains('年');
    let listed: Vec<&str> = given
        .split([',', '、', '，'])
        .filter(|s| !s.trim().is_empty())
        .collect();
    let mut years = if listed.len() > 1 {
        let years = listed
            .iter()
            .map(|s| read(s))
            .collect::<Result<Vec<_>, _>>()?;
        if years.windows(2).any(|w| w[0].next() != Some(w[1])) {
            return Err(InitText::NotConsecutive {
                given: given.to_string(),
            });
        }
        years
    } else {
        let (first, last) = ["..", "〜", "～", "~", "–", "-"]
            .iter()
            .find_map(|sep| given.split_once(sep))
            .ok_or_else(|| error(None))
            .or_else(|e| match read(given) {
                Ok(_) => Ok((given, given)),
                Err(_) => Err(e),
            })?;
        let start = read(first)?;
        // "令和7〜11年度": the end in the start's era.
        let end = read(last).or_else(|e| {
            let era: String = first
                .trim()
                .chars()
                .take_while(|c| !c.is_ascii_digit())
                .collect();
            read(&format!("{era}{}", last.trim())).map_err(|_| e)
        })?;
        if end < start {
            return Err(InitText::Backwards {
                first: start.japanese(),
                last: end.japanese(),
            });
        }
        let count = usize::from(end.gregorian() - start.gregorian()) + 1;
        if count > MAX_YEARS {
            return Err(InitText::TooLong {
                years: count,
                most: MAX_YEARS,
            });
        }
        // 平成 as far as the end is written in it: 平成28年度..平成32年度.
        let start = start.in_notation(YearNotation::of(&[start, end]));
        std::iter::successors(Some(start), |y| y.next().filter(|n| *n <= end)).collect()
    };
    if years.len() > MAX_YEARS {
        return Err(InitText::TooLong {
            years: years.len(),
            most: MAX_YEARS,
        });
    }
    // One notation for the whole period: 平成 as far as any year is written in it.
    let notation = YearNotation::of(&years);
    for y in &mut years {
        *y = y.in_notation(notation);
    }
    Ok(Period { years, long })
}

/// The scales gyokaku knows by name: `A-D` (Isehara's wording), `S-C` (S/A/B/C), `none` (the
/// document records no ratings: `scale = "none"`), or `rules` (recorded ratings are read on the
/// rule set's scale: `None`).
pub fn preset_scale(given: &str) -> Result<Option<Scale>, InitText> {
    let folded: String = given
        .trim()
        .chars()
        .filter(|c| !matches!(c, '-' | '–' | '〜' | '~' | '/' | ' '))
        .collect::<String>()
        .to_uppercase();
    let ratings: &[(&str, &str, &str)] = match folded.as_str() {
        "AD" | "ABCD" => &[
            ("A", "計画を上回る", "ahead of plan"),
            ("B", "概ね計画どおり", "roughly on plan"),
            ("C", "計画どおり進捗せず", "behind plan"),
            ("D", "進捗がほぼなし", "almost no progress"),
        ],
        "SC" | "SABC" => &[
            ("S", "計画以上", "beyond plan"),
            ("A", "計画どおり", "on plan"),
            ("B", "やや遅れている", "somewhat behind"),
            ("C", "ほとんど進んでいない", "hardly progressed"),
        ],
        "NONE" => return Ok(Some(Scale::none())),
        "RULES" => return Ok(None),
        _ => {
            return Err(InitText::UnknownScale {
                given: given.to_string(),
            })
        }
    };
    Ok(Some(Scale {
        ratings: ratings
            .iter()
            .map(|(label, name, name_en)| Rating {
                label: label.to_string(),
                name: name.to_string(),
                name_en: name_en.to_string(),
            })
            .collect(),
        relations: Vec::new(),
    }))
}

/// A TOML string: quoted and escaped.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// plan.toml of the new plan.
fn plan_toml(new: &NewPlan, id: &str, rules: &Path, lang: Lang) -> String {
    let mut out = format!("# {}\n", new.name);
    out.push_str(&InitFile::PlanHeader.localize(lang));
    out.push_str("\n\n");
    out.push_str(&format!("id = {}\n", quoted(id)));
    out.push_str(&format!("name = {}\n", quoted(&new.name)));
    out.push_str(&format!("municipality = {}\n", quoted(&new.municipality)));
    let years: Vec<String> = new.period.written().iter().map(|y| quoted(y)).collect();
    out.push_str(&format!("years = [{}]\n", years.join(", ")));
    let rules = rules.to_string_lossy().replace('\\', "/");
    out.push_str(&format!("rules = {}\n", quoted(&rules)));
    out.push_str(&format!(
        "report_unit = {}\n",
        quoted(&new.report_unit.to_string())
    ));
    // A key: before the tables.
    if new.scale.as_ref().is_some_and(|s| !s.records_ratings()) {
        out.push_str("scale = \"none\"\n");
    }
    out.push('\n');
    out.push_str(&InitFile::PlanStructure.localize(lang));
    out.push_str("\npolicies = []\nthemes = []\n");
    if let Some(scale) = new.scale.as_ref().filter(|s| s.records_ratings()) {
        out.push('\n');
        out.push_str(&InitFile::PlanScale.localize(lang));
        out.push('\n');
        for r in &scale.ratings {
            out.push_str(&format!(
                "[[scale.ratings]]\nlabel = {}\nname = {}\nname_en = {}\n\n",
                quoted(&r.label),
                quoted(&r.name),
                quoted(&r.name_en)
            ));
        }
        out.pop();
    }
    out
}

/// The JSON Schemas of the files a plan folder holds (schemas/, generated from the loaders'
/// types and checked against them by a test): copied into a new plan's `.schemas/`.
const SCHEMAS: [(&str, &str); 3] = [
    (
        "plan.schema.json",
        include_str!("../../schemas/plan.schema.json"),
    ),
    (
        "item.schema.json",
        include_str!("../../schemas/item.schema.json"),
    ),
    (
        "ruleset.schema.json",
        include_str!("../../schemas/ruleset.schema.json"),
    ),
];

/// `.taplo.toml` and the schemas it names, so that an editor built on taplo (Even Better TOML)
/// checks and completes the plan's files when the plan folder is opened.
fn editor_files(dir: &Path, own_rules: bool, lang: Lang) -> Vec<PendingFile> {
    let mut config = InitFile::TaploHeader.localize(lang);
    let mut files = Vec::new();
    let associations = [
        ("plan.toml", SCHEMAS[0]),
        ("items/*.toml", SCHEMAS[1]),
        ("rules/ruleset.toml", SCHEMAS[2]),
    ];
    let wanted = if own_rules { 3 } else { 2 };
    for (include, (name, schema)) in associations.into_iter().take(wanted) {
        config.push_str(&format!(
            "\n\n[[rule]]\ninclude = [{}]\n[rule.schema]\npath = {}",
            quoted(include),
            quoted(&format!(".schemas/{name}"))
        ));
        files.push(PendingFile {
            path: dir.join(".schemas").join(name),
            content: schema.as_bytes().to_vec(),
        });
    }
    config.push('\n');
    files.insert(
        0,
        PendingFile {
            path: dir.join(".taplo.toml"),
            content: config.into_bytes(),
        },
    );
    files
}

/// Makes the plan folder `dir`: checks everything first, then writes plan.toml, README.md and
/// (with `own_rules`) rules/ruleset.toml, each atomically, and the empty `items/`. Returns the
/// files written.
pub fn init_plan(dir: &Path, new: &NewPlan, lang: Lang) -> Result<Vec<PathBuf>, InitError> {
    if is_plan_folder(dir) {
        return Err(InitText::PlanExists {
            dir: dir.to_path_buf(),
        }
        .into());
    }
    let id = match &new.id {
        Some(id) => id.trim().to_string(),
        None => crate::model::normalize(&std::env::current_dir().unwrap_or_default().join(dir))
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    if id.is_empty() {
        return Err(InitText::NoId {
            dir: dir.to_path_buf(),
        }
        .into());
    }
    RuleSet::load_dir(&new.rules).map_err(|error| InitText::Rules {
        path: new.rules.clone(),
        error: Box::new(error),
    })?;
    let base = super::relative_to(&new.rules, dir);
    let mut files = Vec::new();
    let plan_rules = if new.own_rules {
        let own = dir.join("rules");
        let extends = super::relative_to(&new.rules, &own);
        let extends = extends.to_string_lossy().replace('\\', "/");
        let text = format!(
            "{}\nname = {}\nextends = {}\n",
            InitFile::RulesHeader {
                base: extends.clone()
            }
            .localize(lang),
            quoted(&format!("{id}-rules")),
            quoted(&extends),
        );
        files.push(PendingFile {
            path: own.join(crate::engine::CONFIG_FILE),
            content: text.into_bytes(),
        });
        PathBuf::from("rules")
    } else {
        base
    };
    files.push(PendingFile {
        path: dir.join("plan.toml"),
        content: plan_toml(new, &id, &plan_rules, lang).into_bytes(),
    });
    let (first, last) = (
        new.period.years.first().map(|y| y.japanese()),
        new.period.years.last().map(|y| y.japanese()),
    );
    let readme = InitFile::Readme {
        name: new.name.clone(),
        municipality: new.municipality.clone(),
        dir: dir.display().to_string(),
        first: first.unwrap_or_default(),
        last: last.unwrap_or_default(),
        year: new
            .period
            .years
            .first()
            .map(|y| y.to_string())
            .unwrap_or_default(),
        rules: if new.own_rules {
            format!("rules/ ({})", super::relative_to(&new.rules, dir).display())
        } else {
            plan_rules.display().to_string()
        },
    };
    files.push(PendingFile {
        path: dir.join("README.md"),
        content: readme.localize(lang).into_bytes(),
    });
    files.extend(editor_files(dir, new.own_rules, lang));
    for f in &files {
        if std::fs::symlink_metadata(&f.path).is_ok() {
            return Err(InitText::FileExists {
                path: f.path.clone(),
            }
            .into());
        }
    }
    let items = dir.join("items");
    let parents = files.iter().filter_map(|f| f.path.parent());
    for folder in std::iter::once(items.as_path()).chain(parents) {
        std::fs::create_dir_all(folder).map_err(|reason| InitText::CreateFolder {
            path: folder.to_path_buf(),
            reason,
        })?;
    }
    commit(&files)?;
    Ok(files.into_iter().map(|f| f.path).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        crate::i18n::check_templates(&all_templates());
    }

    fn years(given: &str) -> Vec<String> {
        parse_period(given).unwrap().written()
    }

    #[test]
    fn periods_in_any_notation() {
        assert_eq!(years("R7..R11"), ["R7", "R8", "R9", "R10", "R11"]);
        assert_eq!(
            years("令和7年度〜令和9年度"),
            ["令和7年度", "令和8年度", "令和9年度"]
        );
        assert_eq!(
            years("令和7〜9年度"),
            ["令和7年度", "令和8年度", "令和9年度"]
        );
        assert_eq!(years("FY2025-FY2027"), ["FY2025", "FY2026", "FY2027"]);
        assert_eq!(years("2025年度..2026年度"), ["2025年度", "2026年度"]);
        // Across the era change, as a document written before it prints the years.
        assert_eq!(
            years("平成28年度..平成32年度"),
            [
                "平成28年度",
                "平成29年度",
                "平成30年度",
                "平成31年度",
                "平成32年度"
            ]
        );
        assert_eq!(years("H30..R2"), ["H30", "R1", "R2"]);
        assert_eq!(years("R5, R6, R7"), ["R5", "R6", "R7"]);
        assert!(matches!(
            parse_period("R9..R7"),
            Err(InitText::Backwards { .. })
        ));
        assert!(matches!(
            parse_period("R5, R7"),
            Err(InitText::NotConsecutive { .. })
        ));
        assert!(matches!(
            parse_period("R1..R30"),
            Err(InitText::TooLong { .. })
        ));
        assert!(matches!(
            parse_period("next year"),
            Err(InitText::Period { .. })
        ));
    }

    #[test]
    fn preset_scales() {
        let ad = preset_scale("A-D").unwrap().unwrap();
        assert_eq!(ad.labels().collect::<String>(), "ABCD");
        let sc = preset_scale("s–c").unwrap().unwrap();
        assert_eq!(sc.labels().collect::<String>(), "SABC");
        assert!(!preset_scale("none").unwrap().unwrap().records_ratings());
        assert!(preset_scale("rules").unwrap().is_none());
        assert!(preset_scale("◎○△×").is_err());
    }
}
