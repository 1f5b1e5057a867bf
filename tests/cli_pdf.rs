//! `gyokaku report --output report.pdf`: the published document printed by headless Chromium,
//! read back with `pdftotext` (poppler-utils): every section, the figures the text states, the
//! worded ratings, page numbers, and nothing internal. Without Chromium or pdftotext the test
//! says so and is skipped, unless GYOKAKU_REQUIRE_CHROMIUM=1 (set by CI), which makes their
//! absence a failure.

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use std::path::Path;
use std::process::Command;

/// Whether a program is on PATH.
fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
}

/// Whether the tools are here; when not, a skip (said on stderr) or, in CI, a failure.
fn tools_present() -> bool {
    let missing: Vec<&str> = [
        (
            "chromium",
            on_path("chromium") || on_path("chromium-browser"),
        ),
        ("pdftotext", on_path("pdftotext")),
        ("pdfinfo", on_path("pdfinfo")),
    ]
    .into_iter()
    .filter(|(_, here)| !here)
    .map(|(name, _)| name)
    .collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var("GYOKAKU_REQUIRE_CHROMIUM").as_deref() == Ok("1") {
        panic!("GYOKAKU_REQUIRE_CHROMIUM=1 but {missing:?} not on PATH (apt-get install chromium fonts-noto-cjk poppler-utils)");
    }
    eprintln!(
        "skipped: {missing:?} not on PATH (apt-get install chromium fonts-noto-cjk poppler-utils)"
    );
    false
}

/// The text of pages `first..=last` of a PDF (all when none).
fn pdf_text(pdf: &Path, pages: Option<(usize, usize)>) -> String {
    let mut cmd = Command::new("pdftotext");
    if let Some((first, last)) = pages {
        cmd.args(["-f", &first.to_string(), "-l", &last.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

fn page_count(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

#[test]
fn the_published_report_prints_to_pdf_whole() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    common::stdout_of(&["report", "--output", pdf.to_str().unwrap()], 0);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // Written atomically: nothing else is left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    // Lines are wrapped where the page ends them: read the text without line breaks.
    let text = pdf_text(&pdf, None).replace(['\n', '\u{c}'], "");
    for part in [
        "伊勢原市第6次行財政改革推進計画 令和5年度の取組結果について",
        "令和6年10月",
        "伊勢原市企画部経営企画課",
        "1 はじめに",
        "2 令和5年度の実績結果（総括）",
        "3 分野別内訳表",
        "4 主な取組の進捗状況",
        "5 今後の取組の方向性",
        "【参考①】取組項目一覧",
        "【参考②】進捗管理シートの見方",
        "5(8)③ 地方創生応援税制(企業版ふるさと納税)の推進",
    ] {
        assert!(text.contains(part), "{part}");
    }
    // The figures the text states, filled in; the tables' figures; ratings worded.
    for figure in [
        "71件の取組項目のうち、8割程度の60件が",
        "8億円弱の実績効果額",
        "約8割の取組",
        "797,733",
        "228,520",
        "349.1%",
        "A 計画を上回る",
        "B 概ね計画どおり",
        "C 計画どおり進捗せず",
    ] {
        assert!(text.contains(figure), "{figure}");
    }
    for internal in [
        "備考",
        "原資料の不整合",
        "ルールによる提案評価",
        "sha256",
        "lower_better",
        "効果額の算定式",
    ] {
        assert!(!text.contains(internal), "{internal}");
    }

    // Every page numbered "n / N" at its foot.
    let pages = page_count(&pdf);
    assert!(pages > 60, "{pages} pages");
    for n in [1, pages / 2, pages] {
        let page = pdf_text(&pdf, Some((n, n)));
        assert!(page.contains(&format!("{n} / {pages}")), "page {n}: {page}");
    }
}

#[test]
fn pdf_without_chromium_says_which_package_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    let empty = dir.path().join("bin");
    std::fs::create_dir(&empty).unwrap();
    for (lang, words) in [("ja", "apt-get install chromium"), ("en", "needs Chromium")] {
        let out = common::gyokaku(&["report", "--lang", lang, "--output", pdf.to_str().unwrap()])
            .env("PATH", &empty)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words) && err.contains("chromium"), "{err}");
        assert!(!pdf.exists());
    }
    // --format pdf asks for it as the extension does.
    let out = common::gyokaku(&["report", "--format", "pdf"])
        .env("PATH", &empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
