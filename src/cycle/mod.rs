//! The year's cycle: the planning section sends each department an Excel workbook to fill in
//! (`template`), takes the returned workbooks in safely (`import`), and follows who has reported
//! (`status`). Whether a year's results are complete decides the default year of every report.

mod completeness;

pub use completeness::{default_year, Completeness, DefaultYearError};
