//! Why a plan, or a folder of plans, could not be opened or evaluated. Errors keep their data
//! and are worded on demand, in the language asked for.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::years::YearError;
use crate::engine::RuleError;
use crate::i18n::{Arg, Lang, Localize};
use crate::model::{FiscalYear, LoadErrors};

crate::i18n::messages! {
    /// Why a plan or a folder of plans cannot be evaluated, where the kind itself has no fields to word.
    #[derive(Debug)]
    #[non_exhaustive]
    pub enum ErrorText {
        /// The plan names no rule set and none was given.
        NoRuleSet =>
            ja: "計画 (plan.toml) に評価ルールの指定がありません: --rules DIR で指定してください",
            en: "the plan names no rule set: pass --rules DIR";
        /// The effect amounts of many plans add up beyond what an exact decimal holds.
        TotalsOverflow { max: String } =>
            ja: "計画の効果額の合計が {max} 千円を超えます: 合計できません",
            en: "the effect amounts of the plans add up beyond {max} 千円";
    }
}

/// Why one plan could not be opened or evaluated.
#[derive(Debug)]
pub enum PlanError {
    /// The plan's files did not load.
    Load(LoadErrors),
    /// The plan names no rule set and none was given.
    NoRuleSet,
    /// Its rule set did not load or compile, or a rule failed on an item.
    Rules(Arc<RuleError>),
    /// The years asked for could not be chosen.
    Years(YearError),
}

impl From<LoadErrors> for PlanError {
    fn from(e: LoadErrors) -> Self {
        PlanError::Load(e)
    }
}

impl From<RuleError> for PlanError {
    fn from(e: RuleError) -> Self {
        PlanError::Rules(Arc::new(e))
    }
}

impl From<Arc<RuleError>> for PlanError {
    fn from(e: Arc<RuleError>) -> Self {
        PlanError::Rules(e)
    }
}

impl From<YearError> for PlanError {
    fn from(e: YearError) -> Self {
        PlanError::Years(e)
    }
}

impl Localize for PlanError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            PlanError::Load(e) => e.localize(lang),
            PlanError::NoRuleSet => ErrorText::NoRuleSet.localize(lang),
            PlanError::Rules(e) => e.localize(lang),
            PlanError::Years(e) => e.localize(lang),
        }
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::Ja))
    }
}

impl std::error::Error for PlanError {}

/// Why a folder of plans could not be evaluated: the first failing plan, in folder order, or
/// what stood in the way of them all. `E` is the error of what the caller makes of each plan.
#[derive(Debug)]
pub enum CorpusError<E> {
    /// The folder holds no plan, or cannot be read (the reason names the folder).
    NoPlans {
        /// Why.
        reason: io::Error,
    },
    /// A plan could not be opened or evaluated.
    Plan {
        /// The plan folder.
        folder: PathBuf,
        /// Why.
        source: PlanError,
    },
    /// What the caller makes of a plan failed.
    Part {
        /// The plan folder.
        folder: PathBuf,
        /// Why.
        source: E,
    },
    /// The effect amounts of the plans add up beyond `Decimal`'s range.
    TotalOverflow {
        /// The year whose total overflowed; `None` for all years together.
        year: Option<FiscalYear>,
    },
}

impl<E> CorpusError<E> {
    /// The same error with the caller's part's error turned by `f`.
    pub fn map_part<F>(self, f: impl FnOnce(E) -> F) -> CorpusError<F> {
        match self {
            CorpusError::NoPlans { reason } => CorpusError::NoPlans { reason },
            CorpusError::Plan { folder, source } => CorpusError::Plan { folder, source },
            CorpusError::Part { folder, source } => CorpusError::Part {
                folder,
                source: f(source),
            },
            CorpusError::TotalOverflow { year } => CorpusError::TotalOverflow { year },
        }
    }

    /// The error of the plan in `folder`.
    pub(crate) fn plan(folder: &Path, source: impl Into<PlanError>) -> Self {
        CorpusError::Plan {
            folder: folder.to_path_buf(),
            source: source.into(),
        }
    }
}

impl<E: Localize> Localize for CorpusError<E> {
    fn localize(&self, lang: Lang) -> String {
        let at = |folder: &Path, text: String| format!("{}: {text}", folder.display());
        match self {
            // The reason names the folder.
            CorpusError::NoPlans { reason } => reason.arg(lang),
            // A plan's load errors are one a line: they start on the line after its folder.
            CorpusError::Plan {
                folder,
                source: PlanError::Load(errors),
            } => at(folder, format!("\n{}", errors.localize(lang))),
            CorpusError::Plan { folder, source } => at(folder, source.localize(lang)),
            CorpusError::Part { folder, source } => at(folder, source.localize(lang)),
            CorpusError::TotalOverflow { .. } => ErrorText::TotalsOverflow {
                max: rust_decimal::Decimal::MAX.to_string(),
            }
            .localize(lang),
        }
    }
}

impl<E: Localize> fmt::Display for CorpusError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::Ja))
    }
}

impl<E: Localize + fmt::Debug> std::error::Error for CorpusError<E> {}

/// An error that never happens: for callers whose part of each plan cannot fail.
impl Localize for std::convert::Infallible {
    fn localize(&self, _: Lang) -> String {
        match *self {}
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
