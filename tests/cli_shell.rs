//! Shell habits: completion scripts, the manual page, and colour as `--color` and `NO_COLOR`
//! ask (clap's help and errors are gyokaku's only coloured output).

#![cfg(feature = "cli")] // runs the gyokaku binary, which needs the command line

mod common;

use common::{gyokaku, output_of, stdout_of};

#[test]
fn completion_scripts_name_every_command_in_the_language_asked_for() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell], 0);
        for command in ["summary", "template", "import", "completions", "man"] {
            assert!(script.contains(command), "{shell}: no {command}");
        }
    }
    // Shells that show descriptions show them in Japanese, or in English with --lang en.
    let zsh = stdout_of(&["completions", "zsh"], 0);
    assert!(zsh.contains("シェルの補完スクリプトを出力します"), "{zsh}");
    let fish = stdout_of(&["completions", "fish", "--lang", "en"], 0);
    assert!(fish.contains("Print the shell completion script"), "{fish}");
    assert!(!fish.contains("シェルの補完"), "{fish}");
    let (_, err) = output_of(&["completions", "tcsh"], 2);
    assert!(err.contains("'tcsh'"), "{err}");
}

#[test]
fn the_manual_page_in_both_languages() {
    let ja = stdout_of(&["man"], 0);
    assert!(ja.contains(".TH gyokaku 1"), "{ja}");
    for heading in [".SH 名前", ".SH 書式", ".SH オプション", ".SH コマンド"] {
        assert!(ja.contains(heading), "{heading}\n{ja}");
    }
    assert!(ja.contains("行財政改革推進計画の進捗を"), "{ja}");
    let en = stdout_of(&["man", "--lang", "en"], 0);
    for heading in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(en.contains(heading), "{heading}\n{en}");
    }
    assert!(en.contains("Print the shell completion script"), "{en}");
}

#[test]
fn the_manual_pages_of_every_command_go_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout_of(&["man", "--output", dir.path().to_str().unwrap()], 0);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.contains(&"gyokaku.1".to_string()), "{names:?}");
    assert!(
        names.contains(&"gyokaku-summary.1".to_string()),
        "{names:?}"
    );
    assert!(!names.contains(&"gyokaku-help.1".to_string()), "{names:?}");
    assert_eq!(out.lines().count(), names.len(), "{out}");
    let summary = std::fs::read_to_string(dir.path().join("gyokaku-summary.1")).unwrap();
    assert!(summary.contains(".TH gyokaku-summary 1"), "{summary}");
    assert!(summary.contains("\\-\\-year"), "{summary}");
}

/// `gyokaku summary --help` with `args` before it and the environment `env`: whether it is
/// coloured.
fn coloured(args: &[&str], env: &[(&str, &str)]) -> bool {
    let mut all = args.to_vec();
    all.extend(["summary", "--help"]);
    let mut cmd = gyokaku(&all);
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    out.stdout.contains(&0x1b)
}

#[test]
fn colour_follows_the_flag_then_no_color_then_the_terminal() {
    for lang in ["ja", "en"] {
        let lang = ["--lang", lang];
        let with = |flag: &[&'static str]| [&lang[..], flag].concat();
        // Not a terminal: no colour unless asked for.
        assert!(!coloured(&lang, &[]));
        assert!(coloured(&with(&["--color", "always"]), &[]));
        assert!(coloured(&with(&["--color=always"]), &[("NO_COLOR", "1")]));
        // auto: CLICOLOR_FORCE stands for a terminal here; NO_COLOR turns colour off.
        assert!(coloured(&lang, &[("CLICOLOR_FORCE", "1")]));
        assert!(!coloured(
            &lang,
            &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]
        ));
        assert!(!coloured(
            &with(&["--color", "never"]),
            &[("CLICOLOR_FORCE", "1")]
        ));
    }
    let (_, err) = output_of(&["--color", "sometimes", "summary"], 2);
    assert!(err.contains("auto, always, never"), "{err}");
}
