//! Reports over many plans. `gyokaku summary DIR`: one line per plan and year (達成状況 and
//! 実績効果額), then the totals per year and over all years; CSV is one row per plan and year
//! with a plan column (open data: both scales' counts, plain amounts); JSON is the whole corpus
//! summary. The other commands ([`plans_document`]): each plan's own report in turn.

use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};
use std::path::PathBuf;

use super::progress::ProgressHeading;
use super::render::{csv_table, render, render_string, Options};
use super::{year_name, Block, Cell, Document, Format, Lang, Section, Table};
use crate::evaluation::{CorpusSummary, CorpusTotal, Counts, EffectTotals};
use crate::i18n::Localize;
use crate::model::FiscalYear;
use crate::report::messages::{CsvColumn, Heading};

crate::i18n::messages! {
    /// Headings of a report over many plans (a folder of plan folders, or `--year all`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum CorpusText {
        /// The title of the whole.
        Plans { count: usize } =>
            ja: "{count}計画",
            en: "{count} plan(s)";
        /// One plan's part.
        Plan { municipality: String, plan: String } =>
            ja: "{municipality} ({plan})",
            en: "{municipality} ({plan})";
        /// One plan's part for one year.
        PlanYear { municipality: String, plan: String, year: String } =>
            ja: "{municipality} ({plan}) {year}",
            en: "{municipality} ({plan}) {year}";
    }
}

/// The labels of all lines: the first plan's scale, then any others met, in order.
fn labels(s: &CorpusSummary, pick: fn(&CorpusTotal) -> &Counts) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for t in &s.totals {
        for (l, _) in pick(t).by_rating.iter().chain(&pick(t).not_on_scale) {
            if !labels.contains(l) {
                labels.push(l.clone());
            }
        }
    }
    labels
}

/// The corpus tables.
pub fn corpus_summary_document(s: &CorpusSummary, lang: Lang) -> Document {
    let mut doc = corpus_summary_tables(s, lang);
    doc.csv = Some(corpus_summary_csv(s, lang));
    doc.json = Some(corpus_summary_json(s));
    doc
}

/// The corpus summary as far as `format` prints it: its open-data table for CSV, its data for
/// JSON, its tables for the others. Printed in `format`, the same as
/// [`corpus_summary_document`]; a national summary builds a third of it (issue 24).
pub fn corpus_summary_document_for(s: &CorpusSummary, lang: Lang, format: Format) -> Document {
    match format {
        Format::Csv => Document {
            csv: Some(corpus_summary_csv(s, lang)),
            ..Document::default()
        },
        Format::Json => Document {
            json: Some(corpus_summary_json(s)),
            ..Document::default()
        },
        _ => corpus_summary_tables(s, lang),
    }
}

/// The corpus summary's data, for JSON.
fn corpus_summary_json(s: &CorpusSummary) -> serde_json::Value {
    serde_json::to_value(s).expect("JSON of plain values")
}

/// The corpus summary's open-data table, for CSV.
fn corpus_summary_csv(s: &CorpusSummary, lang: Lang) -> Table {
    let recorded = labels(s, |t| &t.recorded);
    let suggested = labels(s, |t| &t.suggested);
    let unrated = s.totals.iter().any(|t| t.recorded.unrated > 0);
    summary_csv(s, &recorded, &suggested, unrated, partly_reported(s), lang)
}

/// The corpus summary's tables: per plan and year, and all plans together.
fn corpus_summary_tables(s: &CorpusSummary, lang: Lang) -> Document {
    let recorded = labels(s, |t| &t.recorded);
    let unrated = s.totals.iter().any(|t| t.recorded.unrated > 0);
    // Years or items without results yet: the expected effect of what has results, which the
    // ratio measures against, beside the whole.
    let partly = partly_reported(s);
    let counts_headers = |headers: &mut Vec<String>| {
        headers.extend(recorded.iter().cloned());
        if unrated {
            headers.push(Heading::NotRated.localize(lang));
        }
        headers.push(Heading::Total.localize(lang));
        headers.push(Heading::ExpectedEffectThousandYen.localize(lang));
        if partly {
            headers.push(ProgressHeading::ExpectedReportedThousandYen.localize(lang));
        }
        headers.push(Heading::ActualEffectThousandYen.localize(lang));
        headers.push(Heading::Ratio.localize(lang));
    };
    let counts = |row: &mut Vec<Cell>, c: &Counts, e: &EffectTotals| {
        row.extend(recorded.iter().map(|l| Cell::count(c.get(l))));
        if unrated {
            row.push(Cell::count(c.unrated));
        }
        row.push(Cell::count(c.total));
        row.push(Cell::Amount(e.expected));
        if partly {
            row.push(Cell::amount_or_none(e.expected_with_results()));
        }
        row.push(Cell::amount_or_none(e.actual_reported()));
        row.push(Cell::percent_or_none(e.ratio()));
    };

    let mut headers: Vec<String> = [
        Heading::PlanColumn.localize(lang),
        Heading::Municipality.localize(lang),
        Heading::Year.localize(lang),
    ]
    .map(String::from)
    .to_vec();
    counts_headers(&mut headers);
    let mut plans = Table::new(&headers).title(Heading::PerPlanTitle.localize(lang));
    for r in &s.rows {
        let mut row: Vec<Cell> = vec![
            r.plan.clone().into(),
            r.municipality.clone().into(),
            year_name(r.year, lang).into(),
        ];
        counts(&mut row, &r.recorded, &r.effects);
        plans.row(row);
    }

    let mut headers: Vec<String> = [
        Heading::Year.localize(lang),
        Heading::PlanCount.localize(lang),
    ]
    .map(String::from)
    .to_vec();
    counts_headers(&mut headers);
    let mut totals = Table::new(&headers).title(format!(
        "{} ({} {})",
        Heading::AllPlansTogether.localize(lang),
        s.plans,
        Heading::PlansTotal.localize(lang)
    ));
    for t in &s.totals {
        let mut row: Vec<Cell> = vec![
            t.year
                .map(|y| year_name(y, lang))
                .unwrap_or_else(|| Heading::AllYears.localize(lang))
                .into(),
            Cell::count(t.plans),
        ];
        counts(&mut row, &t.recorded, &t.effects);
        if t.year.is_none() {
            totals.total(row);
        } else {
            totals.row(row);
        }
    }

    let mut doc = Document::default();
    doc.push(plans);
    doc.push(totals);
    doc
}

/// Whether some plan's year has items without results (a year to come, a partial year).
fn partly_reported(s: &CorpusSummary) -> bool {
    s.totals.iter().any(|t| t.effects.partly_reported())
}

/// One row per plan and year, as open data (the expected effect of what has results last,
/// when part of it has none).
fn summary_csv(
    s: &CorpusSummary,
    recorded: &[String],
    suggested: &[String],
    unrated: bool,
    partly: bool,
    lang: Lang,
) -> Table {
    let mut headers = vec![CsvColumn::Plan, CsvColumn::Municipality, CsvColumn::Year];
    headers.extend(
        recorded
            .iter()
            .map(|l| CsvColumn::RecordedCount { label: l.clone() }),
    );
    if unrated {
        headers.push(CsvColumn::RecordedNotRated);
    }
    headers.push(CsvColumn::RecordedTotal);
    headers.extend(
        suggested
            .iter()
            .map(|l| CsvColumn::SuggestedCount { label: l.clone() }),
    );
    headers.push(CsvColumn::SuggestedJudgementRequired);
    headers.extend([CsvColumn::ExpectedEffect, CsvColumn::ActualEffect]);
    let mut headers: Vec<String> = headers.iter().map(|c| c.localize(lang)).collect();
    if partly {
        headers.push(ProgressHeading::ExpectedReportedColumn.localize(lang));
    }
    let mut t = Table::new(&headers);
    for r in &s.rows {
        let mut row: Vec<Cell> = vec![
            r.plan.clone().into(),
            r.municipality.clone().into(),
            r.year.to_string().into(),
        ];
        row.extend(recorded.iter().map(|l| Cell::count(r.recorded.get(l))));
        if unrated {
            row.push(Cell::count(r.recorded.unrated));
        }
        row.push(Cell::count(r.recorded.total));
        row.extend(suggested.iter().map(|l| Cell::count(r.suggested.get(l))));
        row.push(Cell::count(r.suggested.unrated));
        row.push(Cell::Amount(r.effects.expected));
        row.push(Cell::Amount(r.effects.actual));
        if partly {
            row.push(Cell::Amount(r.effects.expected_reported));
        }
        t.row(row);
    }
    t
}

/// What a command made of one plan, for one year (or for no year in particular: `check`).
#[derive(Debug, Clone)]
pub struct PlanPart {
    /// The plan's id (plan.toml).
    pub plan: String,
    /// 自治体名.
    pub municipality: String,
    /// The plan folder.
    pub folder: PathBuf,
    /// The fiscal year reported, if the part is of one.
    pub year: Option<FiscalYear>,
    /// The command's document for the plan (and year).
    pub doc: Document,
}

/// The parts of many plans (in the order given: folder order, then year order) as one
/// document. Each part is a section of its own, headed by the municipality, the plan and the
/// year (in xlsx: a worksheet per plan and year, its own parts below each other). CSV is each
/// part's CSV table below each other, with the plan, the municipality and the year in front;
/// JSON a list of the parts, each with its plan, folder, year and the command's own data.
pub fn plans_document(parts: &[PlanPart], lang: Lang) -> Document {
    let mut doc = plans_title(parts.iter().map(|p| &p.folder), lang);
    for part in parts {
        doc.push(part_section(part, lang));
    }
    doc.csv = Some(plans_csv(parts, lang));
    doc.json = Some(serde_json::Value::Array(
        parts.iter().map(part_json).collect(),
    ));
    doc
}

/// The document of many plans' parts before its sections: its title, counting the plans.
fn plans_title<'a>(folders: impl Iterator<Item = &'a PathBuf>, lang: Lang) -> Document {
    let plans: BTreeSet<&PathBuf> = folders.collect();
    Document::titled(CorpusText::Plans { count: plans.len() }.localize(lang))
}

/// A part's section of [`plans_document`].
fn part_section(part: &PlanPart, lang: Lang) -> Section {
    let heading = match part.year {
        Some(year) => CorpusText::PlanYear {
            municipality: part.municipality.clone(),
            plan: part.plan.clone(),
            year: year_name(year, lang),
        },
        None => CorpusText::Plan {
            municipality: part.municipality.clone(),
            plan: part.plan.clone(),
        },
    };
    let short = match part.year {
        Some(year) => format!("{} {year}", part.plan),
        None => part.plan.clone(),
    };
    let mut section = Section::new(heading.localize(lang)).short(short);
    match &part.doc.title {
        Some(title) => section.push(Section {
            title: title.clone(),
            short: None,
            continues: false,
            // The cover's lines open the part.
            blocks: (part.doc.cover.iter())
                .map(|l| Block::Text(l.clone()))
                .chain(part.doc.blocks.iter().cloned())
                .collect(),
        }),
        None => section.blocks.extend(part.doc.blocks.iter().cloned()),
    }
    section
}

/// A part's entry in the JSON list of [`plans_document`].
fn part_json(p: &PlanPart) -> serde_json::Value {
    serde_json::json!({
        "plan": p.plan,
        "municipality": p.municipality,
        "folder": p.folder,
        "year": p.year,
        "data": p.doc.json.clone().unwrap_or_else(|| {
            serde_json::to_value(&p.doc).expect("JSON of plain values")
        }),
    })
}

/// A part of many plans' output reduced, where it was made, to what `format` prints of it:
/// the text of its section (table, Markdown), its CSV table, its JSON, or (xlsx, HTML) the
/// whole part. A folder of plans keeps only this of each plan until all are printed (the
/// output, never half of it, appears only once every plan is done), rather than each plan's
/// whole document in every form.
#[derive(Debug, Clone)]
pub struct PrintedPart {
    folder: PathBuf,
    printed: Printed,
}

#[derive(Debug, Clone)]
enum Printed {
    Text(String),
    Part(Box<PlanPart>),
}

impl PrintedPart {
    /// What `format` prints of `part`, with `options` (those the whole output is printed
    /// with, its language among them).
    pub fn new(part: PlanPart, format: Format, options: &Options) -> Self {
        let (folder, lang) = (part.folder.clone(), options.lang);
        let printed = match format {
            Format::Table | Format::Md => {
                let mut doc = Document::default();
                doc.push(part_section(&part, lang));
                Printed::Text(render_string(&doc, format, options))
            }
            Format::Csv => {
                let csv = csv_table(&part.doc).into_owned();
                Printed::Part(Box::new(PlanPart {
                    doc: Document {
                        csv: Some(csv),
                        ..Document::default()
                    },
                    ..part
                }))
            }
            Format::Json => {
                let json = part_json(&part)["data"].take();
                Printed::Part(Box::new(PlanPart {
                    doc: Document {
                        json: Some(json),
                        ..Document::default()
                    },
                    ..part
                }))
            }
            Format::Xlsx | Format::Html | Format::Pdf => Printed::Part(Box::new(part)),
        };
        PrintedPart { folder, printed }
    }
}

/// Writes many plans' parts, each made by [`PrintedPart::new`] with the same `format` and
/// `options`, as [`plans_document`] of the whole parts in `options.lang` prints: the same
/// bytes.
pub fn write_plans(
    parts: Vec<PrintedPart>,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = options.lang;
    match format {
        Format::Table | Format::Md => {
            // The renderers join the title's and each section's pieces with one empty line.
            let title = plans_title(parts.iter().map(|p| &p.folder), lang);
            render(&title, format, options, out)?;
            for part in parts {
                if let Printed::Text(text) = part.printed {
                    out.write_all(b"\n")?;
                    out.write_all(text.as_bytes())?;
                }
            }
            Ok(())
        }
        _ => {
            let parts: Vec<PlanPart> = (parts.into_iter())
                .filter_map(|p| match p.printed {
                    Printed::Part(part) => Some(*part),
                    Printed::Text(_) => None,
                })
                .collect();
            render(&plans_document(&parts, lang), format, options, out)
        }
    }
}

/// Every part's CSV table below each other, with the plan, municipality and year columns in
/// front (計画, 自治体名, 年度; `plan`, `municipality`, `year` in English: where a part has a
/// column of one of these names, it is the same).
/// The columns are those of all parts, in the order first met (parts on other scales may have
/// other rating columns); a part leaves the others' columns blank.
fn plans_csv(parts: &[PlanPart], lang: Lang) -> Table {
    let tables: Vec<_> = parts.iter().map(|p| csv_table(&p.doc)).collect();
    let mut headers: Vec<String> = [CsvColumn::Plan, CsvColumn::Municipality, CsvColumn::Year]
        .map(|c| c.localize(lang))
        .to_vec();
    // A part's own plan or year column is the one in front.
    let mut column: HashMap<String, usize> = headers.iter().cloned().zip(0..).collect();
    for t in &tables {
        for c in &t.columns {
            column.entry(c.header.clone()).or_insert_with(|| {
                headers.push(c.header.clone());
                headers.len() - 1
            });
        }
    }
    let mut csv = Table::new(&headers);
    for (part, t) in parts.iter().zip(&tables) {
        // Where each of the part's columns goes.
        let at: Vec<usize> = t
            .columns
            .iter()
            .map(|c| column[c.header.as_str()])
            .collect();
        for r in &t.rows {
            let mut row = vec![Cell::Empty; headers.len()];
            row[0] = part.plan.clone().into();
            row[1] = part.municipality.clone().into();
            row[2] = part
                .year
                .map(|y| Cell::from(y.to_string()))
                .unwrap_or(Cell::Empty);
            for (cell, &i) in r.cells.iter().zip(&at) {
                row[i] = cell.clone();
            }
            csv.row(row);
        }
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RuleSet;
    use crate::evaluation::evaluate;
    use crate::model::{load_plan, FiscalYear};
    use crate::report::list_document;

    /// The formats printed as text (xlsx and PDF are files of their own).
    const TEXT_FORMATS: [Format; 5] = [
        Format::Table,
        Format::Md,
        Format::Csv,
        Format::Json,
        Format::Html,
    ];

    /// The summary of a folder built for one format prints in it what the whole document
    /// prints: two plans of two years, one with items without results.
    #[test]
    fn a_corpus_summary_built_for_a_format_prints_as_the_whole() {
        use crate::evaluation::{summary_rows, totals, EvaluatedPlan};
        use std::sync::Arc;
        let root = env!("CARGO_MANIFEST_DIR");
        let plan = load_plan(format!("{root}/plans/isehara-6")).unwrap();
        let rules = Arc::new(RuleSet::load_dir(format!("{root}/rules")).unwrap());
        let mut rows = Vec::new();
        for folder in ["a", "b"] {
            let years = [FiscalYear::reiwa(5), FiscalYear::reiwa(6)];
            rows.extend(summary_rows(&EvaluatedPlan {
                folder: PathBuf::from(folder),
                plan: plan.clone(),
                key: None,
                rules: Arc::clone(&rules),
                evaluations: years.map(|y| evaluate(&plan, &rules, y).unwrap()).to_vec(),
            }));
        }
        let summary = CorpusSummary {
            plans: 2,
            totals: totals(&rows).unwrap(),
            rows,
        };
        for lang in [Lang::Ja, Lang::En] {
            let whole = corpus_summary_document(&summary, lang);
            for format in TEXT_FORMATS {
                let options = Options {
                    lang,
                    ..Options::default()
                };
                let part = corpus_summary_document_for(&summary, lang, format);
                assert_eq!(
                    render_string(&part, format, &options),
                    render_string(&whole, format, &options),
                    "{format:?} {lang:?}"
                );
            }
        }
    }

    /// Each part reduced where it is made prints exactly what the whole parts print together,
    /// in every format: the bundled plan's list as two plans of two years, and a part without
    /// a title (as `check` makes).
    #[test]
    fn printed_parts_print_as_the_whole_document() {
        let root = env!("CARGO_MANIFEST_DIR");
        let plan = load_plan(format!("{root}/plans/isehara-6")).unwrap();
        let rules = RuleSet::load_dir(format!("{root}/rules")).unwrap();
        let mut parts = Vec::new();
        for (folder, municipality) in [("a", "伊勢原市"), ("b", "架空町")] {
            for year in [FiscalYear::reiwa(5), FiscalYear::reiwa(6)] {
                let ev = evaluate(&plan, &rules, year).unwrap();
                parts.push(PlanPart {
                    plan: plan.id.clone(),
                    municipality: municipality.to_string(),
                    folder: PathBuf::from(folder),
                    year: Some(year),
                    doc: list_document(&plan, &ev, Lang::Ja),
                });
            }
        }
        let mut untitled = Document::default();
        untitled.push(Section::new("所見".to_string()));
        parts.push(PlanPart {
            plan: "c".to_string(),
            municipality: "c".to_string(),
            folder: PathBuf::from("c"),
            year: None,
            doc: untitled,
        });
        for format in TEXT_FORMATS {
            for options in [
                Options {
                    lang: Lang::En,
                    ..Options::default()
                },
                Options {
                    width: Some(60),
                    fit: true,
                    ascii: true,
                    bom: true,
                    lang: Lang::En,
                },
            ] {
                let mut whole = Vec::new();
                render(
                    &plans_document(&parts, Lang::En),
                    format,
                    &options,
                    &mut whole,
                )
                .unwrap();
                let printed = (parts.iter().cloned())
                    .map(|p| PrintedPart::new(p, format, &options))
                    .collect();
                let mut written = Vec::new();
                write_plans(printed, format, &options, &mut written).unwrap();
                assert!(whole == written, "{format:?} {options:?}");
            }
        }
    }

    #[test]
    fn the_messages_have_both_wordings() {
        crate::i18n::check_templates(&all_templates());
    }
}
