//! The year's cycle: the planning section sends each department an Excel workbook to fill in
//! (`template`), takes the returned workbooks in safely (`import`), and follows who has reported
//! (`status`). Whether a year's results are complete decides the default year of every report.

pub mod commit;
mod completeness;
#[cfg(feature = "edit")]
pub(crate) mod edit;
#[cfg(feature = "xlsx")]
pub(crate) mod import;
pub mod layout;
#[cfg(feature = "edit")]
mod review;
mod status;
#[cfg(feature = "xlsx")]
pub(crate) mod template;

pub use completeness::{default_year, Completeness, CompletenessText, DefaultYearError};
#[cfg(feature = "xlsx")]
pub use import::{
    import_workbooks, prepare_import, read_workbook, render_import, today_in_japan, Amend,
    AmendText, FieldChange, ImportError, ImportFailure, ImportPlan, ImportText, ItemUpdate,
    Problem, Published, ReturnedCell, ReturnedRow, ReturnedWorkbook,
};
#[cfg(feature = "edit")]
pub use review::{record_review, ReviewEditError};
pub use status::{status, Questioned, SectionStatus, Status};
#[cfg(feature = "xlsx")]
pub use template::{departments, template_items, write_template, TemplateError, TemplateOptions};
