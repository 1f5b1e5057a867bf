//! Reading a rule set's files: its folder (or any [`RuleSource`]) and every rule set it
//! extends, merged into one — the nearest layer's scale, scripts and data files replace a
//! base's — and hashed, so that an evaluation can name the rules that produced it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::script::{Script, Scripts};
use super::source::RuleSource;
use crate::engine::data::DATA_DIR;
use crate::engine::error::RuleError;
use crate::engine::period::{FORECAST_FILE, OVERALL_FILE};
use crate::engine::summary::SUMMARY_FILE;
use crate::engine::RuleConfigProblem;
use crate::model::{error_line, line_of, Scale, SourceFile};

/// The file naming the rule set and its scale.
pub const CONFIG_FILE: &str = "ruleset.toml";
/// The script mapping achievement to a rating.
pub const RATING_FILE: &str = "rating.rhai";
/// The optional script reading the year's plan and comment when the numbers cannot tell.
pub const JUDGEMENT_FILE: &str = "judgement.rhai";
/// The folder of the kind scripts.
const KINDS_DIR: &str = "kinds";

/// How many rule sets deep `extends` may go: a chain longer than this is surely a mistake.
pub const MAX_EXTENDS: usize = 8;

/// ruleset.toml: a rule set's name, the set it extends and its rating scale.
#[derive(Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    /// The rule set's name: "isehara-default".
    pub(super) name: String,
    /// What it is for.
    #[serde(default)]
    pub(super) description: String,
    /// The rule set this one builds on, relative to its folder: `extends = "../rules"`.
    #[cfg_attr(test, schemars(with = "Option<String>"))]
    extends: Option<toml::Spanned<String>>,
    /// The rating scale, best first; required unless the rule set extends one that has it.
    scale: Option<Scale>,
}

/// One rule set's own files and configuration, before the sets it extends are merged in.
struct Layer {
    location: String,
    files: Vec<SourceFile>,
    config: Config,
    config_text: String,
}

impl Layer {
    fn read(source: &dyn RuleSource) -> Result<Layer, RuleError> {
        let location = source.location();
        let files = source.files().map_err(|e| RuleError::Io {
            location: location.clone(),
            source: e,
        })?;
        let config_file = files
            .iter()
            .find(|f| f.path == Path::new(CONFIG_FILE))
            .ok_or_else(|| RuleError::Config {
                file: format!("{location}/{CONFIG_FILE}"),
                line: 1,
                problem: RuleConfigProblem::NoConfig,
            })?;
        let config_text = config_file.text.clone();
        let config: Config = toml::from_str(&config_text).map_err(|e| RuleError::Config {
            file: format!("{location}/{CONFIG_FILE}"),
            line: error_line(&config_text, &e),
            problem: RuleConfigProblem::Toml {
                detail: e.message().trim_end().to_string(),
            },
        })?;
        if let Some((label, first_line, line)) = crate::model::duplicate_label(&config_text) {
            return Err(RuleError::Config {
                file: format!("{location}/{CONFIG_FILE}"),
                line,
                problem: RuleConfigProblem::LabelTwice { label, first_line },
            });
        }
        Ok(Layer {
            location,
            files,
            config,
            config_text,
        })
    }

    fn config_error(&self, line: usize, problem: RuleConfigProblem) -> RuleError {
        RuleError::Config {
            file: format!("{}/{CONFIG_FILE}", self.location),
            line,
            problem,
        }
    }

    fn file(&self, name: &str) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.path == Path::new(name))
    }
}

/// A rule set and every rule set it extends, the most basic first: each replaces what it gives
/// (its scale, rating.rhai, summary.rhai, judgement.rhai, forecast.rhai, overall.rhai, kinds
/// and data files of the same
/// name) and adds its own kinds and data files.
pub(super) struct Layers(Vec<Layer>);

impl Layers {
    /// Reads `source` and every rule set it extends.
    pub(super) fn read(source: &dyn RuleSource) -> Result<Layers, RuleError> {
        let mut layers = vec![Layer::read(source)?];
        let mut current: Option<Box<dyn RuleSource>> = None;
        loop {
            let top = layers.last().expect("one layer at least");
            let Some(extends) = &top.config.extends else {
                break;
            };
            let line = line_of(&top.config_text, extends.span().start);
            if layers.len() > MAX_EXTENDS {
                return Err(
                    top.config_error(line, RuleConfigProblem::ExtendsTooDeep { max: MAX_EXTENDS })
                );
            }
            let path = extends.get_ref().clone();
            let from: &dyn RuleSource = current.as_deref().unwrap_or(source);
            let base = from.extended(&path).map_err(|reason| {
                top.config_error(
                    line,
                    RuleConfigProblem::CannotExtend {
                        path: path.clone(),
                        reason,
                    },
                )
            })?;
            let location = base.location();
            if layers.iter().any(|l| l.location == location) {
                return Err(
                    top.config_error(line, RuleConfigProblem::ExtendsCircle { path, location })
                );
            }
            let layer = Layer::read(base.as_ref()).map_err(|e| match e {
                RuleError::Io { source: reason, .. } => top.config_error(
                    line,
                    RuleConfigProblem::CannotReadBase {
                        path: path.clone(),
                        location: location.clone(),
                        reason,
                    },
                ),
                other => other,
            })?;
            layers.push(layer);
            current = Some(base);
        }
        layers.reverse();
        Ok(Layers(layers))
    }

    /// The rule set itself: the last layer.
    fn top(&self) -> &Layer {
        self.0.last().expect("one layer at least")
    }

    /// Where the rule set itself was read from.
    pub(super) fn location(&self) -> &str {
        &self.top().location
    }

    /// Where the rule sets it extends were read from, nearest first.
    pub(super) fn bases(&self) -> Vec<String> {
        let bases = &self.0[..self.0.len() - 1];
        bases.iter().rev().map(|l| l.location.clone()).collect()
    }

    /// SHA-256 of every file of every layer: which rules produced an evaluation.
    pub(super) fn hash(&self) -> String {
        let mut hasher = Sha256::new();
        for f in self.0.iter().flat_map(|l| &l.files) {
            hasher.update(f.path.to_string_lossy().as_bytes());
            hasher.update([0]);
            hasher.update(f.text.as_bytes());
            hasher.update([0]);
        }
        crate::model::hex(&hasher.finalize())
    }

    /// The nearest layer's scale, checked.
    pub(super) fn scale(&self) -> Result<Scale, RuleError> {
        let top = self.top();
        let scale = (self.0.iter().rev())
            .find_map(|l| l.config.scale.clone())
            .ok_or_else(|| top.config_error(1, RuleConfigProblem::NoScale))?;
        if scale.ratings.is_empty() {
            return Err(top.config_error(1, RuleConfigProblem::NoRatings));
        }
        if let Some(problem) = scale.relation_problems().into_iter().next() {
            return Err(top.config_error(1, RuleConfigProblem::Scale { problem }));
        }
        Ok(scale)
    }

    /// The data files, each with the location of its rule set: a layer's `data/<name>.toml`
    /// replaces the same file of a rule set it extends.
    pub(super) fn data_files(&self) -> Vec<(String, SourceFile)> {
        let mut data_files: BTreeMap<String, (&str, &SourceFile)> = BTreeMap::new();
        for layer in &self.0 {
            for (name, f) in files_in(&layer.files, DATA_DIR, "toml") {
                data_files.insert(name, (&layer.location, f));
            }
        }
        (data_files.into_values())
            .map(|(location, f)| (location.to_string(), f.clone()))
            .collect()
    }

    /// The scripts: the rule set's own rating.rhai, summary.rhai, judgement.rhai,
    /// forecast.rhai and overall.rhai or else
    /// the nearest base's, and every layer's kinds.
    pub(super) fn scripts(&self) -> Result<Scripts, RuleError> {
        let latest = |name: &str| {
            (self.0.iter().rev())
                .find_map(|l| l.file(name).map(|f| (format!("{}/{name}", l.location), f)))
        };
        // In the order their errors are reported: rating.rhai, summary.rhai, each layer's
        // kinds (a kind of a base is compiled, and checked, even when replaced),
        // judgement.rhai, forecast.rhai, overall.rhai.
        let rating = latest(RATING_FILE).ok_or_else(|| RuleError::Config {
            file: format!("{}/{RATING_FILE}", self.location()),
            line: 1,
            problem: RuleConfigProblem::NoRatingScript,
        })?;
        let mut sources = vec![rating];
        let summary = latest(SUMMARY_FILE);
        let has_summary = summary.is_some();
        sources.extend(summary);
        let mut kind_names = Vec::new();
        for layer in &self.0 {
            for (kind, f) in files_in(&layer.files, KINDS_DIR, "rhai") {
                kind_names.push(kind);
                sources.push((format!("{}/{}", layer.location, f.path.display()), f));
            }
        }
        let judgement = latest(JUDGEMENT_FILE);
        let has_judgement = judgement.is_some();
        sources.extend(judgement);
        let forecast = latest(FORECAST_FILE);
        let has_forecast = forecast.is_some();
        sources.extend(forecast);
        let overall = latest(OVERALL_FILE);
        let has_overall = overall.is_some();
        sources.extend(overall);
        let sources: Vec<(String, String)> = (sources.into_iter())
            .map(|(file, f)| (file, f.text.clone()))
            .collect();

        let mut loaded = (sources.iter().enumerate())
            .map(|(index, (file, text))| Script::new(file, text, index))
            .collect::<Vec<Script>>()
            .into_iter();
        let mut next = || loaded.next().expect("one script per source");
        let rating = next();
        let summary = has_summary.then(&mut next);
        let mut kinds = BTreeMap::new();
        for kind in kind_names {
            kinds.insert(kind, next());
        }
        let judgement = has_judgement.then(&mut next);
        let forecast = has_forecast.then(&mut next);
        let overall = has_overall.then(&mut next);
        Ok(Scripts {
            rating,
            summary,
            kinds,
            judgement,
            forecast,
            overall,
            sources,
        })
    }

    /// The rule set's own `ruleset.toml`.
    pub(super) fn into_config(self) -> Config {
        let Layers(mut layers) = self;
        layers.pop().expect("one layer at least").config
    }
}

/// The files of the rule set in folder `dir` with extension `ext`, each with its name (the file
/// stem: `higher_better` for `kinds/higher_better.rhai`).
fn files_in<'a>(
    files: &'a [SourceFile],
    dir: &'a str,
    ext: &'a str,
) -> impl Iterator<Item = (String, &'a SourceFile)> {
    files.iter().filter_map(move |f| {
        let rest = f.path.strip_prefix(dir).ok()?;
        if rest.extension().is_none_or(|e| e != ext) {
            return None;
        }
        let name = rest.file_stem()?.to_str()?.to_string();
        Some((name, f))
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use rust_decimal::Decimal;

    use crate::engine::testing::English as _;
    use crate::engine::testing::AT;
    use crate::engine::{MemoryRules, RuleInput, RuleSet};
    use crate::model::SourceFile;

    fn write(dir: &Path, files: &[(&str, &str)]) {
        for (name, text) in files {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }

    #[test]
    fn a_rule_set_extends_another_and_replaces_only_what_it_gives() {
        let tmp = tempfile::tempdir().unwrap();
        let base = tmp.path().join("base");
        write(
            &base,
            &[
                ("ruleset.toml", crate::engine::testing::TWO_LABEL_CONFIG),
                ("rating.rhai", "fn rating(x, a) { \"A\" }"),
                ("kinds/k.rhai", "fn achievement(x) { 1 }"),
                ("kinds/l.rhai", "fn achievement(x) { 2 }"),
            ],
        );
        let child = tmp.path().join("child");
        write(
            &child,
            &[
                (
                    "ruleset.toml",
                    "name = \"child\"\nextends = \"../base\"\n[[scale.ratings]]\nlabel = \"達成\"\nname = \"達成\"\nname_en = \"achieved\"\n",
                ),
                ("rating.rhai", "fn rating(x, a) { \"達成\" }"),
                ("kinds/l.rhai", "fn achievement(x) { 3 }"),
                ("kinds/m.rhai", "fn achievement(x) { 4 }"),
            ],
        );
        let r = RuleSet::load_dir(&child).unwrap();
        assert_eq!(r.name(), "child");
        assert_eq!(r.scale().labels().collect::<Vec<_>>(), ["達成"]);
        assert_eq!(r.kinds().collect::<Vec<_>>(), ["k", "l", "m"]);
        let base_loc = base.display().to_string();
        let child_loc = child.display().to_string();
        assert_eq!(r.bases(), std::slice::from_ref(&base_loc));
        assert_eq!(
            r.kind_file("k"),
            Some(format!("{base_loc}/kinds/k.rhai").as_str())
        );
        assert_eq!(
            r.kind_file("l"),
            Some(format!("{child_loc}/kinds/l.rhai").as_str())
        );
        assert_eq!(r.rating_file(), format!("{child_loc}/rating.rhai"));
        let x = RuleInput {
            kind: "l".into(),
            ..RuleInput::default()
        };
        assert_eq!(
            r.achievement(&Arc::new(x.clone()), AT).unwrap().value,
            Some(Decimal::from(3))
        );
        assert_ne!(r.hash(), RuleSet::load_dir(&base).unwrap().hash());

        // Only the scale, nothing else: rating.rhai and the kinds are the base's.
        write(
            &child,
            &[("ruleset.toml", "name = \"c2\"\nextends = \"../base\"\n")],
        );
        std::fs::remove_file(child.join("rating.rhai")).unwrap();
        let r = RuleSet::load_dir(&child).unwrap();
        assert_eq!(r.scale().labels().collect::<Vec<_>>(), ["A", "B"]);
        assert_eq!(r.rating_file(), format!("{base_loc}/rating.rhai"));
    }

    #[test]
    fn a_rule_set_without_ruleset_toml_is_an_error() {
        let err = RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![],
        })
        .unwrap_err()
        .en();
        assert!(err.contains("no ruleset.toml"), "{err}");
    }

    #[test]
    fn extends_that_cannot_be_followed_are_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a");
        let b = tmp.path().join("b");
        write(
            &a,
            &[("ruleset.toml", "name = \"a\"\nextends = \"../b\"\n")],
        );
        write(
            &b,
            &[("ruleset.toml", "name = \"b\"\n\nextends = \"../a\"\n")],
        );
        let err = RuleSet::load_dir(&a).unwrap_err().en();
        assert!(err.contains("b/ruleset.toml:3"), "{err}");
        assert!(err.contains("goes round in a circle"), "{err}");
        write(
            &a,
            &[("ruleset.toml", "name = \"a\"\nextends = \"../none\"\n")],
        );
        let err = RuleSet::load_dir(&a).unwrap_err().en();
        assert!(
            err.contains("a/ruleset.toml:2: extends \"../none\": cannot read"),
            "{err}"
        );
        write(&a, &[("ruleset.toml", "name = \"a\"\n")]);
        let err = RuleSet::load_dir(&a).unwrap_err().en();
        assert!(err.contains("no scale"), "{err}");
        let err = RuleSet::load(&MemoryRules {
            name: "mem".into(),
            files: vec![SourceFile::new(
                "ruleset.toml",
                "name = \"m\"\nextends = \"x\"\n",
            )],
        })
        .unwrap_err()
        .en();
        assert!(err.contains("cannot extend"), "{err}");
    }
}
