//! How plans are loaded by the commands: from their files, one plan folder at a time.

use std::path::Path;

use super::load::{load_plan, LoadErrors};
use super::plan::Plan;

/// Loads plan folders.
#[derive(Debug, Clone, Default)]
pub struct PlanLoader {}

impl PlanLoader {
    /// Loads the plan in `dir`.
    pub fn load(&self, dir: &Path) -> Result<Plan, LoadErrors> {
        load_plan(dir)
    }
}
