//! Plans of other cities: a document that records no ratings, prints no department, writes its
//! years as 平成20年度 and publishes its amounts in 百万円 (as 三田市's published table does).

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use common::{gyokaku, root};

/// A plan folder in a temporary place, written as such a document would be transcribed.
struct City {
    dir: tempfile::TempDir,
}

const PLAN: &str = r#"id = "sanda"
name = "三田市行財政構造改革推進方針"
municipality = "三田市"
years = ["平成20年度", "平成21年度", "平成22年度"]
report_unit = "百万円"
scale = "none"
rules = "RULES"

[[policies]]
number = 1
name = "歳入の確保"

[[themes]]
number = 1
policy = 1
name = "市税等の収納率向上"
"#;

// No department: the document names only the 所属.
const ITEM: &str = r#"title = "市税の収納率向上"
section = "収納課"
sheet = true

[indicator]
name = "市税収入額"
unit = "百万円"
kind = "higher_better"
baseline = "300"

[years."平成20年度"]
target = "347.0"
expected_effect = "47百万円"
actual = "400.3"
actual_effect = "100.3百万円"

[years."平成21年度"]
target = "360.0"
expected_effect = "60百万円"

[years."平成22年度"]
target = "380.0"
expected_effect = "80百万円"
"#;

impl City {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let rules = root().join("rules").display().to_string();
        let plan = PLAN.replacen("RULES", &rules, 1);
        std::fs::create_dir_all(dir.path().join("items")).unwrap();
        std::fs::write(dir.path().join("plan.toml"), plan).unwrap();
        std::fs::write(dir.path().join("items/1-1-1.toml"), ITEM).unwrap();
        City { dir }
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.dir.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no {from:?}");
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    }

    /// Every file of the plan, to see that a refusal changed none.
    fn files(&self) -> Vec<(String, String)> {
        ["plan.toml", "items/1-1-1.toml"]
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(self.dir.path().join(f)).unwrap();
                (f.to_string(), text)
            })
            .collect()
    }

    /// `gyokaku ARGS… <plan>`: (exit code, stdout, stderr).
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let mut all: Vec<&str> = args.to_vec();
        let plan = self.dir.path().display().to_string();
        all.push(&plan);
        let out = gyokaku(&all).output().unwrap();
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap().replace(&plan, "[PLAN]");
        (
            out.status.code().unwrap(),
            text(out.stdout),
            text(out.stderr),
        )
    }
}

#[test]
fn a_plan_that_records_no_ratings_can_be_clean() {
    let city = City::new();
    let (code, out, err) = city.run(&["check"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains("評価がありません"), "{out}");
    // Its years evaluate: the rules still suggest, nothing is compared.
    let (code, out, err) = city.run(&["evaluate", "--year", "平成20年度"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, err) = city.run(&["summary"]);
    assert_eq!(code, 0, "{err}");
    // A rating where the document records none is an error at its line, in both languages,
    // and changes no file.
    city.edit(
        "items/1-1-1.toml",
        "actual_effect = \"100.3百万円\"\n",
        "actual_effect = \"100.3百万円\"\nrating = \"A\"\n",
    );
    let before = city.files();
    let (code, out, err) = city.run(&["check"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("[PLAN]/items/1-1-1.toml:16: years.")
            && out.contains(".rating: \"A\" は評価ですが、この計画は評価を記録しません"),
        "{out}"
    );
    let (code, _, err) = city.run(&["evaluate", "--lang", "en"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("[PLAN]/items/1-1-1.toml:16: item 1-1-1: years.")
            && err.contains(".rating: \"A\" is a rating, but this plan records none (scale = \"none\" in plan.toml)"),
        "{err}"
    );
    assert_eq!(city.files(), before);
    // Any other word for the scale is refused at its line.
    city.edit("plan.toml", "scale = \"none\"", "scale = \"なし\"");
    let (code, _, err) = city.run(&["evaluate"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("[PLAN]/plan.toml:6:"), "{err}");
    assert!(err.contains("\"none\" or [[scale.ratings]]"), "{err}");
}

#[test]
fn init_scale_none_writes_a_plan_that_records_no_ratings() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("sanda");
    let plan_arg = plan.display().to_string();
    let status = gyokaku(&[
        "init",
        &plan_arg,
        "--municipality",
        "三田市",
        "--plan-name",
        "三田市行財政構造改革推進方針",
        "--years",
        "平成20年度..平成22年度",
        "--scale",
        "none",
    ])
    .output()
    .unwrap();
    assert_eq!(status.status.code(), Some(0), "{status:?}");
    let text = std::fs::read_to_string(plan.join("plan.toml")).unwrap();
    assert!(text.contains("\nscale = \"none\"\n"), "{text}");
    assert!(!text.contains("[[scale.ratings]]"), "{text}");
    // The plan sheet, written and taken back in, leaves it as it is.
    let sheet = dir.path().join("plan-sheet.xlsx").display().to_string();
    let out = gyokaku(&["template", &plan_arg, "--plan-sheet", "--output", &sheet])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = gyokaku(&["import", "--plan-sheet", &sheet, "--plan", &plan_arg])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        std::fs::read_to_string(plan.join("plan.toml")).unwrap(),
        text
    );
    // `rules` leaves the scale to the rule set.
    let other = dir.path().join("other").display().to_string();
    let out = gyokaku(&[
        "init",
        &other,
        "--municipality",
        "三田市",
        "--plan-name",
        "x",
        "--years",
        "H20..H22",
        "--scale",
        "rules",
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = std::fs::read_to_string(dir.path().join("other/plan.toml")).unwrap();
    assert!(!text.contains("scale"), "{text}");
}

#[test]
fn department_may_be_left_out_where_the_document_prints_none() {
    let city = City::new();
    let (code, out, err) = city.run(&["check"]);
    assert_eq!(code, 0, "{out}{err}");
    // The sheet names the 所属 alone, the list leaves the 部局 blank.
    let (code, out, err) = city.run(&["sheet", "1-1-1"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("取組主管: 収納課\n"), "{out}");
    let (code, out, err) = city.run(&["list", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(",,収納課,"), "{out}");
    // The year's workbooks go to the 所属.
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().display().to_string();
    let (code, out, err) = city.run(&["template", "--year", "H21", "--by-department", &out_dir]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("_収納課.xlsx"), "{out}");
    let (code, out, err) = city.run(&["status", "--year", "H20", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"department\": null"), "{out}");
    // The plan sheet carries the blank 部局 there and back: the item file is unchanged.
    let sheet = dir.path().join("plan-sheet.xlsx").display().to_string();
    let before = city.files();
    let (code, _, err) = city.run(&["template", "--plan-sheet", "--output", &sheet]);
    assert_eq!(code, 0, "{err}");
    let plan = city.dir.path().display().to_string();
    let out = gyokaku(&["import", "--plan-sheet", &sheet, "--plan", &plan])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(city.files(), before);
}

#[test]
fn per_item_amounts_are_printed_in_the_report_unit_and_say_it() {
    let city = City::new();
    // 47百万円 and 100.3百万円 were printed 47,000 and 100,300 under a bare 効果見込額.
    let (code, out, err) = city.run(&["evaluate", "--year", "H20"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("効果見込額(百万円) ┆ 47 "), "{out}");
    assert!(out.contains("実績効果額(百万円) ┆ 100.3 "), "{out}");
    assert!(!out.contains("100,300"), "{out}");
    let (code, out, err) = city.run(&["evaluate", "--year", "H20", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(million yen)"), "{out}");
    let (code, out, err) = city.run(&["list", "--year", "H20"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(百万円)"), "{out}");
    assert!(out.contains("100.3"), "{out}");
    assert!(!out.contains("100,300"), "{out}");
    let (code, out, err) = city.run(&["sheet", "1-1-1"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("効果見込額(百万円)"), "{out}");
    assert!(!out.contains("47,000"), "{out}");
    // The report's official sheet says the unit in its headings too.
    let (code, out, err) = city.run(&["report", "--year", "H20", "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("〔小計〕効果見込額(百万円)"), "{out}");
    assert!(out.contains("[下段]実績効果額(百万円)"), "{out}");
    assert!(!out.contains("千円"), "{out}");
    // Open data keeps the sheets' 千円 for every plan, so that many plans' rows add up.
    let (_, out, _) = city.run(&["evaluate", "--year", "H20", "--format", "csv"]);
    assert!(out.contains(",47000,100300,"), "{out}");
    let (_, out, _) = city.run(&["list", "--year", "H20", "--format", "csv"]);
    assert!(out.contains(",47000,100300,"), "{out}");
    let (_, out, _) = city.run(&["evaluate", "--year", "H20", "--format", "json"]);
    assert!(out.contains("\"actual_effect\": \"100300\""), "{out}");
}

#[test]
fn years_are_printed_as_the_plan_writes_them() {
    let city = City::new();
    city.edit(
        "items/1-1-1.toml",
        "[years.\"平成22年度\"]\ntarget = \"380.0\"\n",
        "[years.\"平成22年度\"]\n",
    );
    // check said "H22 の目標値がありません" of a plan that writes 平成22年度.
    let (code, out, _) = city.run(&["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("平成22年度 の目標値がありません"), "{out}");
    assert!(!out.contains("H22"), "{out}");
    let (_, out, _) = city.run(&["check", "--lang", "en"]);
    assert!(out.contains("no target for FY2010 (H22)"), "{out}");
    // evaluate's JSON: the plan's spelling, and the short key beside it, however asked.
    for asked in ["H20", "平成20年度", "FY2008"] {
        let (code, out, err) = city.run(&["evaluate", "--year", asked, "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("\"year\": \"平成20年度\""), "{asked}: {out}");
        assert!(out.contains("\"year_key\": \"H20\""), "{asked}: {out}");
    }
    // period's table of the years' ratings is headed by them too.
    let (code, out, err) = city.run(&["period"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("┆ 平成21年"), "{out}");
    assert!(!out.contains("┆ H21 "), "{out}");
    // A plan that writes its years as keys keeps them so.
    let (out, _) = common::output_of(&["evaluate", "--year", "R5", "--format", "json"], 0);
    assert!(out.contains("\"year\": \"R5\""), "{out}");
    assert!(out.contains("\"year_key\": \"R5\""), "{out}");
}
