//! PDF: the HTML page printed to A4 by headless Chromium (Debian package `chromium`, found on
//! PATH as `chromium` or `chromium-browser`), with the page's own headers, footers and page
//! numbers (its `@page` rules) and none of the browser's. The browser runs on a fresh profile
//! in a temporary folder, offline, and is stopped if it takes too long.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::i18n::io_error;
use crate::report::{Document, Lang};

pub use messages::PdfProblem;

// The templates' list is read by the tests only.
#[allow(dead_code)]
mod messages {
    crate::i18n::messages! {
        /// Why a PDF could not be printed.
        #[derive(Debug, Clone)]
        pub enum PdfProblem {
            /// No browser to print with.
            NoChromium =>
                ja: "PDF の印刷には Chromium が必要ですが、PATH に chromium も chromium-browser もありません (Debian: apt-get install chromium fonts-noto-cjk)",
                en: "printing a PDF needs Chromium, and neither chromium nor chromium-browser is on PATH (Debian: apt-get install chromium fonts-noto-cjk)";
            /// The browser failed.
            Failed { browser: String, detail: String } =>
                ja: "{browser} が PDF を印刷できませんでした: {detail}",
                en: "{browser} could not print the PDF: {detail}";
            /// The browser took too long.
            TimedOut { browser: String, seconds: u64 } =>
                ja: "{browser} が {seconds} 秒で PDF を印刷し終えませんでした",
                en: "{browser} did not finish printing the PDF within {seconds} seconds";
        }
    }
}

/// The longest a print may take (the bundled plan's 300 pages take a few seconds).
const TIMEOUT: Duration = Duration::from_secs(300);

/// The browser on PATH: `chromium`, else `chromium-browser`.
pub fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| is_executable(p))
    })
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Writes the document, worded in `lang`, as PDF.
pub fn render(doc: &Document, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let browser =
        chromium().ok_or_else(|| io_error(io::ErrorKind::Other, PdfProblem::NoChromium))?;
    let dir = tempfile::tempdir()?;
    let page = dir.path().join("report.html");
    let pdf = dir.path().join("report.pdf");
    let profile = dir.path().join("profile");
    {
        let mut html = io::BufWriter::new(std::fs::File::create(&page)?);
        super::html::render(doc, lang, &mut html)?;
        html.flush()?;
    }
    let name = browser.display().to_string();
    let mut child = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(file_url(&page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            io_error(
                io::ErrorKind::Other,
                PdfProblem::Failed {
                    browser: name.clone(),
                    detail: e.to_string(),
                },
            )
        })?;
    // Its messages are read as they come, so that a full pipe never stops it.
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_string(&mut text);
        }
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io_error(
                io::ErrorKind::Other,
                PdfProblem::TimedOut {
                    browser: name,
                    seconds: TIMEOUT.as_secs(),
                },
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let messages = reader.join().unwrap_or_default();
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    if !status.success() || !bytes.starts_with(b"%PDF-") {
        let last = messages.lines().rev().find(|l| !l.trim().is_empty());
        return Err(io_error(
            io::ErrorKind::Other,
            PdfProblem::Failed {
                browser: name,
                detail: last.map_or_else(|| status.to_string(), str::to_string),
            },
        ));
    }
    out.write_all(&bytes)
}

/// `file://` and the absolute path, its bytes outside the unreserved set percent-encoded.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                url.push(b as char)
            }
            b => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_have_both_wordings() {
        crate::i18n::check_templates(&messages::all_templates());
    }

    #[test]
    fn file_urls_are_escaped() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/報告.html")),
            "file:///tmp/a%20b/%E5%A0%B1%E5%91%8A.html"
        );
    }
}
