//! `gyokaku report --draft`: a first draft of the year's 総括 and 主な取組の進捗状況, written from
//! the year's data for the planning section to edit: the share of the items rated in the
//! scale's two best grades and the actual effect in words (as placeholders, so that the text
//! follows the data until it is published), whether the effect is above or below what was
//! expected, and per 基本方針 the comments of the items rated in the best grade. The draft is a
//! report text (`report/<year>.md`, see docs/plan-format.md) marked `draft = true`: every
//! report made from it says 下書き until the section removes the mark. It never overwrites a
//! file: when the year's text exists, the draft goes beside it as `<year>.draft.md`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::evaluation::{Evaluation, Summary};
use crate::i18n::Localize;
use crate::model::{FiscalYear, Plan, REPORT_TEXT_DIR};

use super::{year_name, Lang};

pub use messages::{DraftError, DraftText};

// The templates' list is read by the tests only.
#[allow(dead_code)]
mod messages {
    use std::path::PathBuf;

    crate::i18n::messages! {
        /// The draft's own sentences.
        #[derive(Debug, Clone)]
        pub enum DraftText {
            /// The note at the top of the file.
            Note { year: String } =>
                ja: "下書き: gyokaku report --draft が{year}のデータから書いた総括と主な取組の案です。文章を直し、確認したら draft = true の行を消してください。",
                en: "Draft: the overview and main actions gyokaku report --draft wrote from the data of {year}. Edit the text; once it is reviewed, remove the line draft = true.";
            /// 総括, the effect above what was expected.
            OverviewAbove { best: String, second: String, labels: String } =>
                ja: "{{year}}においては、計画に位置付けた{{items}}件の取組項目のうち、{{share:{labels}}}の{{count:{labels}}}件が、「{best}」か「{second}」との進捗結果となり、計画策定当初に見込んでいた効果額を上回る{{actual_words}}の実績効果額を計上することができました。",
                en: "In {{year}}, {{count:{labels}}} of the plan's {{items}} items ({{share:{labels}}}) were rated \"{best}\" or \"{second}\", and the actual effect of {{actual_words}} is above the effect expected when the plan was drawn up.";
            /// 総括, the effect below what was expected.
            OverviewBelow { best: String, second: String, labels: String } =>
                ja: "{{year}}においては、計画に位置付けた{{items}}件の取組項目のうち、{{share:{labels}}}の{{count:{labels}}}件が、「{best}」か「{second}」との進捗結果となり、{{actual_words}}の実績効果額を計上しましたが、計画策定当初に見込んでいた効果額を下回りました。",
                en: "In {{year}}, {{count:{labels}}} of the plan's {{items}} items ({{share:{labels}}}) were rated \"{best}\" or \"{second}\"; the actual effect of {{actual_words}} is below the effect expected when the plan was drawn up.";
            /// The lead of 主な取組の進捗状況.
            ProgressLead =>
                ja: "{{year}}の{{policies}}つの基本方針ごとの主な取組に対する進捗状況は次のとおりです（詳細については、個々の取組シートでお示ししています）。",
                en: "The progress of the main actions under each of the {{policies}} basic policies in {{year}} is as follows (each item's sheet gives the details).";
            /// A policy without an item in the best grade.
            NoBest { label: String } =>
                ja: "評価 {label} の取組項目はありません: 主な取組を書いてください",
                en: "no item is rated {label}: write the main actions";
            /// Said once the draft is written.
            Written { path: PathBuf } =>
                ja: "下書きを {path} に書きました。文章を直してから報告書を作ってください (draft = true の間は「下書き」と表示されます)",
                en: "Draft written to {path}: edit it, then make the report (it says DRAFT while draft = true)";
            /// Where a bullet comes from.
            From { item: String, label: String } =>
                ja: "{item} (評価 {label}) の取組実績から",
                en: "from the results of {item} (rated {label})";
        }

        /// Why the draft was not written.
        #[derive(Debug)]
        pub enum DraftError {
            /// Both the text and a draft are there.
            Exists { text: PathBuf, draft: PathBuf } =>
                ja: "{text} も {draft} もあるため下書きを書きません (どちらも上書きしません)",
                en: "{text} and {draft} are both there: no draft is written (neither is overwritten)";
            /// The plan's scale has fewer than two grades.
            FewGrades =>
                ja: "評価区分が2段階未満のため、総括の下書きを書けません",
                en: "the rating scale has fewer than two grades: no overview can be drafted";
            /// Writing failed.
            Write { path: PathBuf, reason: std::io::Error } =>
                ja: "{path} に書き込めませんでした: {reason}",
                en: "could not write {path}: {reason}";
        }
    }
}

/// `{` and `}` of a department's text doubled, so that the draft reads them as braces.
fn literal(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// The draft of the year's text, as a report text file holds it.
pub fn draft_text(
    plan: &Plan,
    ev: &Evaluation,
    s: &Summary,
    lang: Lang,
) -> Result<String, DraftError> {
    let scale = &s.recorded_scale;
    let ratings: Vec<_> = scale.ratings.iter().take(2).collect();
    let [best, second] = ratings.as_slice() else {
        return Err(DraftError::FewGrades);
    };
    let name = |r: &crate::model::Rating| lang.pick(&r.name, &r.name_en).to_string();
    let labels = format!("{}+{}", best.label, second.label);
    let year = year_name(ev.year, lang);
    let mut out = String::new();
    out.push_str("+++\n");
    out.push_str(&format!("# {}\n", DraftText::Note { year }.localize(lang)));
    out.push_str("draft = true\n");
    out.push_str("# title = \"\"\n# date = \"\"\n# author = \"\"\n+++\n\n");
    let (best_name, second_name) = (name(best), name(second));
    let overview = if s.effects.actual >= s.effects.expected {
        DraftText::OverviewAbove {
            best: best_name,
            second: second_name,
            labels,
        }
    } else {
        DraftText::OverviewBelow {
            best: best_name,
            second: second_name,
            labels,
        }
    };
    out.push_str(&format!(
        "# {}\n\n{}\n\n",
        part_heading(crate::model::Part::Overview, lang),
        overview.localize(lang)
    ));
    out.push_str(&format!(
        "# {}\n\n{}\n",
        part_heading(crate::model::Part::Progress, lang),
        DraftText::ProgressLead.localize(lang)
    ));
    for policy in &plan.policies {
        out.push_str(&format!("\n## {} {}\n\n", policy.number, policy.name));
        let mut any = false;
        for e in ev.items.iter().filter(|e| e.id.policy == policy.number) {
            if e.recorded.as_deref() != Some(best.label.as_str()) {
                continue;
            }
            let Some(item) = plan.item(e.id) else {
                continue;
            };
            let Some(comment) = item.year(ev.year).and_then(|y| y.comment.as_deref()) else {
                continue;
            };
            let text: Vec<&str> = comment.split_whitespace().collect();
            let text = text.join(" ");
            let text = text.trim_start_matches(['・', ' ']).trim();
            out.push_str(&format!(
                "<!-- {} -->\n- {}\n",
                DraftText::From {
                    item: format!("{}{}", item.id.japanese(), item.title),
                    label: best.label.clone(),
                }
                .localize(lang),
                literal(text)
            ));
            any = true;
        }
        if !any {
            out.push_str(&format!(
                "<!-- {} -->\n",
                DraftText::NoBest {
                    label: best.label.clone()
                }
                .localize(lang)
            ));
        }
    }
    Ok(out)
}

/// The heading a text file writes for a part, in the draft's language.
fn part_heading(part: crate::model::Part, lang: Lang) -> &'static str {
    let (ja, en) = part.names();
    lang.pick(ja, en)
}

/// Writes the draft into the plan folder: `report/<year>.md` when the year has no text yet,
/// else `report/<year>.draft.md`; never over a file. Returns the file written.
pub fn write_draft(
    plan_dir: &Path,
    plan: &Plan,
    year: FiscalYear,
    draft: &str,
) -> Result<PathBuf, DraftError> {
    let dir = plan_dir.join(REPORT_TEXT_DIR);
    let name = year.to_string();
    let existing = crate::model::text_file(plan_dir, plan, year, false);
    let text = existing.unwrap_or_else(|| dir.join(format!("{name}.md")));
    let draft_path = dir.join(format!("{name}.draft.md"));
    let target = if !text.exists() {
        text
    } else if !draft_path.exists() {
        draft_path
    } else {
        return Err(DraftError::Exists {
            text,
            draft: draft_path,
        });
    };
    let write = |path: &Path| -> std::io::Result<()> {
        std::fs::create_dir_all(&dir)?;
        let mut file = tempfile::Builder::new()
            .prefix(".gyokaku-")
            .suffix(".tmp")
            .tempfile_in(&dir)?;
        file.write_all(draft.as_bytes())?;
        file.as_file().sync_all()?;
        // Never over a file, even one made meanwhile.
        file.persist_noclobber(path).map_err(|e| e.error)?;
        Ok(())
    };
    write(&target).map_err(|reason| DraftError::Write {
        path: target.clone(),
        reason,
    })?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&messages::all_templates());
    }

    #[test]
    fn braces_of_a_comment_stay_braces() {
        assert_eq!(literal("a{b}c"), "a{{b}}c");
    }
}
