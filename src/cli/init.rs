//! `gyokaku init DIR --municipality 市 --plan-name 名称 --years R7..R11 [--scale A-D|S-C|none|rules]
//! [--unit 千円|百万円] [--id ID] [--rules DIR] [--own-rules]`
//!
//! Makes a new plan folder: plan.toml (it loads and `gyokaku check` finds it clean), the rule
//! set it uses (a reference to --rules, or with --own-rules a rule set of its own in DIR/rules
//! that extends it) and a README that says what comes next (the plan sheet). Asks nothing: a
//! value it needs and is not given is an error naming the option. A folder that has a plan is
//! refused, and no file is written over.

use std::path::PathBuf;
use std::process::ExitCode;

use gyokaku::i18n::Localize;
use gyokaku::model::MoneyUnit;
use gyokaku::report::Lang;
use gyokaku::setup::init::{
    init_plan, parse_period, preset_scale, InitError, InitFile, InitText, NewPlan,
};

use super::CliError;

/// Make a new plan folder.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to make the plan in (made if it does not exist).
    dir: PathBuf,
    /// The municipality (自治体名), e.g. 伊勢原市.
    #[arg(long, value_name = "NAME")]
    municipality: String,
    /// The plan's name as the document prints it, e.g. 伊勢原市第7次行財政改革推進計画.
    #[arg(long, value_name = "NAME")]
    plan_name: String,
    /// The period: R7..R11, 令和7年度〜令和11年度, H28..R2, FY2025..FY2029, or the years listed.
    #[arg(long, value_name = "FIRST..LAST")]
    years: String,
    /// The scale of the recorded ratings: A-D, S-C, none (the document records no ratings),
    /// or rules (the rule set's).
    #[arg(long, value_name = "SCALE", default_value = "A-D")]
    scale: String,
    /// The unit of the report's effect tables: 千円 or 百万円 (円, 万円, 億円).
    #[arg(long, value_name = "UNIT", default_value = "千円")]
    unit: String,
    /// The plan's id, as its workbooks name it [default: the folder's name].
    #[arg(long)]
    id: Option<String>,
    /// The rule set the plan is evaluated with.
    #[arg(long, value_name = "DIR", default_value = "rules")]
    rules: PathBuf,
    /// Give the plan a rule set of its own (DIR/rules) that extends --rules, to adapt.
    #[arg(long)]
    own_rules: bool,
}

/// Runs the command, worded in `lang`.
pub fn run(args: Args, lang: Lang) -> Result<ExitCode, CliError> {
    let error = |t: InitText| CliError::from(InitError::from(t));
    let report_unit = args.unit.parse::<MoneyUnit>().map_err(|_| {
        error(InitText::Unit {
            given: args.unit.clone(),
        })
    })?;
    let new = NewPlan {
        id: args.id.clone(),
        name: args.plan_name.clone(),
        municipality: args.municipality.clone(),
        period: parse_period(&args.years).map_err(error)?,
        scale: preset_scale(&args.scale).map_err(error)?,
        report_unit,
        rules: args.rules.clone(),
        own_rules: args.own_rules,
    };
    let written = init_plan(&args.dir, &new, lang)?;
    for path in &written {
        super::output::out(&format!("{}\n", path.display()), lang);
    }
    let dir = args.dir.display().to_string();
    super::output::err(&InitFile::Created { dir }.localize(lang));
    Ok(ExitCode::SUCCESS)
}
