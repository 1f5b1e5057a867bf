//! The plan model: typed, validated plan data read from TOML files. Knows nothing of rules.

mod cache;
mod canonical;
mod document_text;
pub(crate) mod exact;
mod fast_utf8;
mod fiscal_year;
mod folders;
mod item;
mod lines;
mod load;
mod loader;
mod nearest;
mod plan;
mod read;
mod scale;
mod source;
#[cfg(test)]
pub(crate) mod testing;
mod value;
mod words;
mod year_map;

/// The files' own types, for their JSON Schemas (src/schemas.rs).
#[cfg(test)]
pub(crate) use load::{RawItem as ItemFile, RawPlan as PlanFile};

pub(crate) use cache::{hex, read_entry, write_entry, KeyHasher};
pub use cache::{
    CachePart, CacheUse, PlanCache, PlanKey, CACHE_DIR_ENV, PLANS_FOLDER, RACY_SECONDS,
};
#[doc(hidden)]
pub use canonical::compare_with_toml as compare_item_reader_with_toml;
pub use document_text::{
    load_document_text, parse_document_text, text_file, DocumentText, Figure, Part, PartText,
    Passage, Piece, TextBlock, TextError, TextProblem, REPORT_TEXT_DIR,
};
pub use fiscal_year::{FiscalYear, FiscalYearError, YearNotation};
pub use folders::{is_plan_folder, plan_folders, PlanFolderMissing};
pub use item::{
    circled, Amendment, AmendmentProblem, Discrepancy, Indicator, Item, ItemId, ItemIdError,
    ItemSource, ParseProblem, Review, ReviewDecision, Subtotals, YearEntry, AMENDABLE_FIELDS,
};
pub(crate) use lines::{error_line, line_of};
pub(crate) use load::normalize;
pub use load::{
    load_plan, load_plan_from, Identity, LoadError, LoadErrors, LoadText, OtherProblem,
    PlanProblem, MAX_ITEMS,
};
pub use loader::PlanLoader;
pub use nearest::nearest;
pub use plan::{ClosedYear, Plan, Policy, Theme};
pub use read::{is_within, read_text_within, FileError, MAX_FILE_BYTES};
pub use scale::{
    duplicate_label, normalize_label, NoRatings, Rating, Relation, Scale, ScaleProblem,
};
pub use source::{DirSource, MemorySource, PlanSource, SourceFile};
pub use value::{
    check_target_actual, parse_value, units_agree, Bound, Cell, MoneyUnit, NumberProblem, Quantity,
    SignProblem, UnitError, Value, ValueError, BOUND_WORDS,
};
pub use words::{allowed_words, counts, read_figure, WordProblem, UNDECIDED};
pub use year_map::YearMap;
