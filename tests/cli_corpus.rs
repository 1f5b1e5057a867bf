//! Many plans in one run: `gyokaku summary DIR` over a folder of plan folders, `--year all`.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::{Path, PathBuf};

use common::{copy_tree, gyokaku, root};

/// `<tmp>/corpus/{a,b}` (two plans: the bundled one and a copy as another city with one
/// effect changed) and `<tmp>/rules`, so that each plan's `../../rules` finds the rules.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("rules"), &dir.path().join("rules"));
    let corpus = dir.path().join("corpus");
    copy_tree(&root().join("plans/isehara-6"), &corpus.join("b-isehara"));
    copy_tree(&root().join("plans/isehara-6"), &corpus.join("a-other"));
    let edit = |path: &Path, from: &str, to: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    };
    let other = corpus.join("a-other");
    edit(
        &other.join("plan.toml"),
        "id = \"isehara-6\"",
        "id = \"other-1\"",
    );
    edit(
        &other.join("plan.toml"),
        "municipality = \"伊勢原市\"",
        "municipality = \"別市\"",
    );
    // 5-8-3: actual effect 15,100 → 25,100 (10,000 more than the bundled plan).
    edit(
        &other.join("items/5-8-3.toml"),
        "actual_effect = \"15,100\"",
        "actual_effect = \"25,100\"",
    );
    std::fs::create_dir(corpus.join("not-a-plan")).unwrap();
    (dir, corpus)
}

fn run(args: &[&str], code: i32) -> (String, String) {
    let out = gyokaku(args).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}\n{stdout}\n{stderr}"
    );
    (stdout, stderr)
}

#[test]
fn summary_of_a_folder_of_plans_has_a_line_per_plan_and_the_totals() {
    let (_dir, corpus) = corpus();
    let corpus = corpus.display().to_string();
    let (out, _) = run(&["summary", &corpus], 0);
    insta::assert_snapshot!("corpus_summary", out);
    // Plans in folder-name order, whatever order the threads finish in.
    let a = out.find("other-1").unwrap();
    let b = out.find("isehara-6").unwrap();
    assert!(a < b);
    assert!(
        out.contains("1,605,466"),
        "both plans' actual effects: {out}"
    );

    let (csv, _) = run(&["summary", &corpus, "--format", "csv", "--lang", "en"], 0);
    insta::assert_snapshot!("corpus_summary_csv", csv);

    let (json, _) = run(&["summary", &corpus, "--format", "json"], 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["plans"], 2);
    assert_eq!(json["rows"][0]["plan"], "other-1");
    assert_eq!(json["rows"][0]["effects"]["actual"], "807733");
    assert_eq!(json["rows"][1]["effects"]["actual"], "797733");
    assert_eq!(json["totals"][0]["effects"]["actual"], "1605466");
}

#[test]
fn year_all_evaluates_every_year_of_every_plan() {
    let (out, _) = run(&["summary", "--year", "all", "--format", "csv"], 0);
    insta::assert_snapshot!("summary_year_all_csv", out);
    let (_dir, corpus) = corpus();
    let corpus = corpus.display().to_string();
    let (json, _) = run(
        &["summary", &corpus, "--year", "all", "--format", "json"],
        0,
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json["rows"].as_array().unwrap().len(),
        10,
        "2 plans × 5 years"
    );
    let totals = json["totals"].as_array().unwrap();
    assert_eq!(totals.len(), 6, "5 years and all years together");
    assert_eq!(totals[5]["year"], serde_json::Value::Null);
    assert_eq!(totals[5]["recorded"]["total"], 710);
    // Progress to date: the actual of R5 (the one year with results) against what was
    // expected of it, not of every year of the period.
    let all = &totals[5]["effects"];
    assert_eq!(all["expected_reported"], "457040", "2 plans × 228,520");
    assert_eq!(all["actual"], "1605466");
    assert_eq!(all["reported"], 142);
    let (table, _) = run(&["summary", "--year", "all"], 0);
    let all_years = table.lines().rev().find(|l| l.contains("全年度")).unwrap();
    assert!(
        all_years.contains("228,520") && all_years.contains("349.1%"),
        "{all_years}"
    );
    let r9 = table
        .lines()
        .rev()
        .find(|l| l.contains("令和9年度"))
        .unwrap();
    assert!(r9.trim_end_matches(['│', ' ']).ends_with('-'), "{r9}");
}

#[test]
fn a_broken_plan_in_the_folder_is_named() {
    let (_dir, corpus) = corpus();
    std::fs::write(
        corpus.join("a-other/items/1-1-1.toml"),
        "title = \"壊れた\"\n",
    )
    .unwrap();
    let (_, err) = run(&["summary", &corpus.display().to_string()], 2);
    assert!(err.contains("a-other"), "{err}");
    assert!(err.contains("1-1-1.toml"), "{err}");
}

#[test]
fn year_all_is_refused_where_one_year_is_reported() {
    let (_, err) = run(&["agreement", "--year", "all"], 2);
    assert!(err.contains("--year all"), "{err}");
}

/// `<tmp>/plans/{a-heisei,b-points}`: the two small example plans, each naming its own
/// example rule set (by its absolute path in the repository), and a folder that is no plan.
fn examples() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    for (name, example) in [
        ("a-heisei", "heisei-reiwa"),
        ("b-points", "points-million-yen"),
    ] {
        let folder = plans.join(name);
        copy_tree(&root().join("examples").join(example).join("plan"), &folder);
        let plan = folder.join("plan.toml");
        let rules = root().join("examples").join(example).join("rules");
        let text = std::fs::read_to_string(&plan).unwrap();
        let text = text.replace(
            "rules = \"../rules\"",
            &format!("rules = {:?}", rules.display().to_string()),
        );
        std::fs::write(&plan, text).unwrap();
    }
    std::fs::create_dir(plans.join("c-not-a-plan")).unwrap();
    (dir, plans)
}

/// The output with the temporary folder written `<tmp>`.
fn untemp(text: &str, dir: &tempfile::TempDir) -> String {
    text.replace(&dir.path().display().to_string(), "<tmp>")
}

#[test]
fn evaluate_list_check_and_report_take_a_folder_of_plans() {
    let (dir, plans) = examples();
    let plans = plans.display().to_string();

    let (csv, _) = run(&["evaluate", &plans, "--format", "csv"], 0);
    insta::assert_snapshot!("corpus_evaluate_csv", csv);
    let header = csv.lines().next().unwrap();
    assert!(
        header.starts_with("計画,自治体名,年度,取組番号,"),
        "{header}"
    );
    assert_eq!(
        header.matches("年度").count(),
        1,
        "one year column: {header}"
    );
    let (csv, _) = run(&["evaluate", &plans, "--format", "csv", "--lang", "en"], 0);
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("plan,municipality,year,id,"), "{header}");
    assert_eq!(
        header.matches("year").count(),
        1,
        "one year column: {header}"
    );

    let (list, _) = run(&["list", &plans], 0);
    // The rule sets are named by their absolute path: the checkout's, whichever it is.
    let list = list.replace(&root().display().to_string(), "<repo>");
    insta::assert_snapshot!("corpus_list", list);
    let a = list.find("(example-heisei-reiwa)").expect("the first plan");
    let b = list.find("(example-points)").expect("the second plan");
    assert!(a < b, "folder-name order");

    // The points example has an actual without a rating: a finding, exit 1.
    let (check, _) = run(&["check", &plans, "--lang", "en"], 1);
    insta::assert_snapshot!("corpus_check_en", untemp(&check, &dir));

    let (md, _) = run(&["report", &plans, "--format", "md"], 0);
    assert!(md.starts_with("# 2計画"), "{md}");
    assert_eq!(md.matches("\n## ").count(), 2, "a part per plan: {md}");

    let (json, _) = run(&["evaluate", &plans, "--format", "json"], 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let parts = json.as_array().unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0]["plan"], "example-heisei-reiwa");
    assert_eq!(parts[1]["plan"], "example-points");
    assert_eq!(parts[1]["year"], "R5");
    assert_eq!(
        parts[1]["data"].as_array().unwrap().len(),
        6,
        "the plan's items"
    );

    // The same output every run, whatever order the plans finish in.
    for _ in 0..3 {
        assert_eq!(
            run(&["evaluate", &plans, "--format", "csv", "--lang", "en"], 0).0,
            csv
        );
    }
}

#[test]
fn year_all_reports_every_year_of_a_plan() {
    let (json, _) = run(&["evaluate", "--year", "all", "--format", "json"], 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let years: Vec<&str> = (json.as_array().unwrap().iter())
        .map(|p| p["year"].as_str().unwrap())
        .collect();
    assert_eq!(years, ["R5", "R6", "R7", "R8", "R9"]);
    let (csv, _) = run(&["list", "--year", "all", "--format", "csv"], 0);
    assert_eq!(csv.lines().count(), 1 + 5 * 71, "a row per item and year");
}

#[test]
fn check_of_a_folder_fails_when_one_plan_has_findings() {
    let (dir, plans) = examples();
    std::fs::remove_dir_all(plans.join("b-points")).unwrap();
    let folder = plans.display().to_string();
    run(&["check", &folder], 0);
    std::fs::write(
        plans.join("a-heisei/items/1-1-1.toml"),
        "title = \"壊れた\"\n",
    )
    .unwrap();
    let (out, _) = run(&["check", &folder], 1);
    let out = untemp(&out, &dir);
    assert!(
        out.contains("<tmp>/plans/a-heisei/items/1-1-1.toml"),
        "{out}"
    );
}

#[test]
fn the_cache_of_parsed_plans_is_used_rebuilt_when_broken_and_bypassed_on_request() {
    let cache = tempfile::tempdir().unwrap();
    let with_cache = |args: &[&str]| {
        let out = gyokaku(args)
            .env("GYOKAKU_CACHE_DIR", cache.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let entries_in = |folder: &str| -> Vec<PathBuf> {
        match std::fs::read_dir(cache.path().join(folder)) {
            Ok(dir) => dir.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    };
    let entries = || entries_in("plans");
    let parsed = run(&["evaluate", "--no-cache", "--format", "csv"], 0).0;
    assert_eq!(
        with_cache(&["evaluate", "--no-cache", "--format", "csv"]),
        parsed
    );
    assert!(entries().is_empty(), "--no-cache writes no entry");
    assert!(
        entries_in("evaluations").is_empty(),
        "nor stores an evaluation"
    );

    // The bundled plan's files are old: the first run writes its entry, the second reads it.
    assert_eq!(with_cache(&["evaluate", "--format", "csv"]), parsed);
    let entry = match entries().as_slice() {
        [entry] => entry.clone(),
        other => panic!("one entry: {other:?}"),
    };
    assert_eq!(with_cache(&["evaluate", "--format", "csv"]), parsed);

    // The year's evaluation is stored beside it, and read by the next run.
    let stored = match entries_in("evaluations").as_slice() {
        [stored] => stored.clone(),
        other => panic!("one stored evaluation: {other:?}"),
    };

    // A truncated entry: the same output, and the entry written whole again.
    for entry in [&entry, &stored] {
        let whole = std::fs::read(entry).unwrap();
        std::fs::write(entry, &whole[..whole.len() / 3]).unwrap();
        assert_eq!(with_cache(&["evaluate", "--format", "csv"]), parsed);
        assert_eq!(std::fs::read(entry).unwrap(), whole, "{}", entry.display());
    }
    // Every year of every plan, stored and read: as computed without the cache.
    let all = ["summary", "--year", "all", "--format", "csv"];
    let computed = run(
        &["summary", "--year", "all", "--format", "csv", "--no-cache"],
        0,
    )
    .0;
    assert_eq!(with_cache(&all), computed);
    assert_eq!(with_cache(&all), computed);

    // `cache` tells what the folder holds; `cache --clear` empties it, and the next run
    // computes the same again.
    let held = with_cache(&["cache", "--lang", "en", "--format", "csv"]);
    // In CSV each row is three lines: content, entries, size.
    let size = |what: &str| -> u64 {
        let lines: Vec<&str> = held.lines().collect();
        let at = (lines.iter().position(|l| l.ends_with(what)))
            .unwrap_or_else(|| panic!("{what} in {held}"));
        lines[at + 2].rsplit(',').next().unwrap().parse().unwrap()
    };
    assert!(size(",parsed plans (plans/)") > 0, "{held}");
    assert!(size(",stored evaluations (evaluations/)") > 0, "{held}");
    let cleared = with_cache(&["cache", "--clear", "--lang", "en", "--format", "csv"]);
    assert_eq!(cleared.replace("Cache emptied", "Cache"), held);
    assert!(entries().is_empty() && entries_in("evaluations").is_empty());
    assert_eq!(with_cache(&all), computed);
}

/// Run without explanations (`Workspace::with_explanations(false)`, as `summary`, `list` and
/// `report` run), the rules give every value they give with them: each item's achievement,
/// suggestion, reading and effect, the period's forecasts and overall ratings, the summary's
/// figures, the list and the report, byte for byte; only the explanations are empty.
#[test]
fn values_are_the_same_without_explanations() {
    use gyokaku::cycle::Completeness;
    use gyokaku::evaluation::{evaluate_period, summarize_with_rules, EvaluatedPlan};
    use gyokaku::model::load_document_text;
    use gyokaku::report::{list_document, report_document, summary_document, Lang, View, Writing};
    use gyokaku::workspace::{Workspace, Years};

    let plan = root().join("plans/isehara-6");
    let explaining = Workspace::new().evaluate(&plan, Years::All).unwrap();
    let quiet = (Workspace::new().with_explanations(false))
        .evaluate(&plan, Years::All)
        .unwrap();
    assert!(!quiet.rules.explains() && explaining.rules.explains());
    let mut explained_lines = 0;
    for (e, q) in explaining.evaluations.iter().zip(&quiet.evaluations) {
        let mut blanked = e.clone();
        for item in &mut blanked.items {
            for step in &mut item.trace {
                explained_lines += step.notes.len();
                step.notes.clear();
            }
        }
        assert_eq!(&blanked, q, "{}", e.year);
        for lang in [Lang::Ja, Lang::En] {
            let summary = |p: &EvaluatedPlan, ev| {
                format!(
                    "{:?}",
                    summary_document(&summarize_with_rules(&p.plan, ev, &p.rules).unwrap(), lang)
                )
            };
            assert_eq!(summary(&explaining, e), summary(&quiet, q));
            assert_eq!(
                format!("{:?}", list_document(&explaining.plan, e, lang)),
                format!("{:?}", list_document(&quiet.plan, q, lang))
            );
        }
    }
    assert!(explained_lines > 500, "{explained_lines}");
    let period =
        |p: &EvaluatedPlan| evaluate_period(&p.plan, &p.rules, &p.evaluations, None).unwrap();
    // The report of each year, as `gyokaku report` makes it, in both views and languages.
    for (ev, qv) in explaining.evaluations.iter().zip(&quiet.evaluations) {
        let seen = |p: &EvaluatedPlan| {
            evaluate_period(&p.plan, &p.rules, &p.evaluations, Some(ev.year)).unwrap()
        };
        let (pe, pq) = (seen(&explaining), seen(&quiet));
        for view in [View::Published, View::Internal] {
            for lang in [Lang::Ja, Lang::En] {
                let report = |p: &EvaluatedPlan, ev, period| {
                    let summary = summarize_with_rules(&p.plan, ev, &p.rules).unwrap();
                    let text =
                        load_document_text(&p.folder, &p.plan, ev.year, lang == Lang::En).unwrap();
                    let interim = Completeness::of(&p.plan, ev.year).notice(lang);
                    let writing = Writing {
                        text: text.as_ref(),
                        interim: interim.as_deref(),
                        period: Some(period),
                    };
                    format!(
                        "{:?}",
                        report_document(&p.plan, ev, &summary, writing, view, lang).unwrap()
                    )
                };
                assert_eq!(report(&explaining, ev, &pe), report(&quiet, qv, &pq));
            }
        }
    }
    let (mut e, q) = (period(&explaining), period(&quiet));
    let mut forecast_lines = 0;
    for (item, quiet_item) in e.items.iter_mut().zip(&q.items) {
        forecast_lines += item.forecast_explanation.len() + item.overall.explanation.len();
        item.forecast_explanation.clear();
        item.overall.explanation.clear();
        assert!(
            quiet_item.forecast_explanation.is_empty() && quiet_item.overall.explanation.is_empty()
        );
    }
    assert!(forecast_lines > 100, "{forecast_lines}");
    assert_eq!(e, q);

    let (_dir, corpus) = corpus();
    assert_eq!(
        Workspace::new()
            .summarize_plans(&corpus, Years::All)
            .unwrap(),
        (Workspace::new().with_explanations(false))
            .summarize_plans(&corpus, Years::All)
            .unwrap()
    );
}

/// `summary`, `list` and `report` store what the rules gave without explanations; a command
/// that shows them afterwards computes them again, and prints what it prints without the cache.
#[test]
fn a_command_that_explains_after_one_that_does_not_still_explains() {
    let cache = tempfile::tempdir().unwrap();
    let with_cache = |args: &[&str]| {
        let out = gyokaku(args)
            .env("GYOKAKU_CACHE_DIR", cache.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let fresh = |args: &[&str]| run(&[args, &["--no-cache"]].concat(), 0).0;
    let quiet: [&[&str]; 3] = [
        &["summary", "--year", "all"],
        &["list", "--format", "csv"],
        &["report", "--format", "md"],
    ];
    for args in quiet {
        assert_eq!(with_cache(args), fresh(args), "{args:?}");
    }
    assert!(
        std::fs::read_dir(cache.path().join("evaluations"))
            .unwrap()
            .count()
            > 0,
        "stored without explanations"
    );
    let explaining: [&[&str]; 2] = [
        &["evaluate", "--year", "all", "--format", "json"],
        &["explain", "1-1-1"],
    ];
    for args in explaining {
        let out = with_cache(args);
        assert_eq!(out, fresh(args), "{args:?}");
        // Read from what the explaining run stored, the same again.
        assert_eq!(with_cache(args), out, "{args:?}");
    }
    let json = with_cache(explaining[0]);
    assert!(json.contains("\"explanation\": {"), "{json}");
    assert!(json.contains("実績値"), "explanations present");
    // And the quiet commands read what the explaining ones stored.
    for args in quiet {
        assert_eq!(with_cache(args), fresh(args), "{args:?}");
    }
}

/// One plan's `summary` read from the cache prints byte for byte what it prints computed from
/// the files (`--no-cache`), in every format and language, whichever printed it first: what is
/// stored is what was summed up, never the output. A partial year says so in both, and a rule
/// set's own figures (summary.rhai) are stored with the tables.
#[test]
fn a_stored_summary_prints_what_the_computed_one_prints_in_every_format_and_language() {
    let cache = tempfile::tempdir().unwrap();
    let with_cache = |args: &[&str]| -> (String, String) {
        let out = gyokaku(args)
            .env("GYOKAKU_CACHE_DIR", cache.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let summaries = || -> usize {
        match std::fs::read_dir(cache.path().join("evaluations")) {
            Ok(dir) => (dir.map(|e| e.unwrap().path()))
                .filter(|p| p.to_string_lossy().ends_with(".summary.bin"))
                .count(),
            Err(_) => 0,
        }
    };
    // The repository's files are old enough to be cached.
    let plans = ["plans/isehara-6", "examples/points-million-yen/plan"];
    for (plan, year) in [(plans[0], None), (plans[0], Some("R6")), (plans[1], None)] {
        let mut asked = vec!["summary", plan];
        asked.extend(year.map(|y| ["--year", y]).into_iter().flatten());
        for (i, format) in ["table", "md", "csv", "json", "html"].iter().enumerate() {
            for lang in ["ja", "en"] {
                let mut args = asked.clone();
                args.extend(["--format", format, "--lang", lang]);
                let mut computed = args.clone();
                computed.push("--no-cache");
                let computed = run(&computed, 0);
                if year.is_some() {
                    let notice = match *format {
                        "table" | "md" => &computed.0,
                        _ => &computed.1,
                    };
                    let partial = ["まだ実績がありません", "have no results yet"];
                    assert!(partial.iter().any(|p| notice.contains(p)), "{notice}");
                }
                if *format == "table" && lang == "ja" {
                    // The first run computes, and stores the summary.
                    assert_eq!(with_cache(&args), computed, "{args:?}");
                }
                assert_eq!(with_cache(&args), computed, "{args:?}");
                if i == 0 && lang == "en" {
                    assert!(summaries() > 0, "{args:?}: a summary stored");
                }
            }
        }
    }
    assert_eq!(summaries(), 2, "an entry of summaries per plan");
    let (figures, _) = with_cache(&["summary", plans[1], "--lang", "en"]);
    assert!(figures.contains("達成率"), "{figures}");
}
