//! Everything a user reads, in Japanese (the default: the document's language) or English
//! (`--lang en`): the machinery of two languages. The words themselves live beside the module
//! that raises or prints them; i18n keeps only its own (a language it does not know, the
//! system's I/O failures).
//!
//! A message is a *kind* with named fields — an enum variant such as
//! `YearText::OutsidePeriod { year, first, last }` — never a prose string built at the call
//! site. Code that fails returns the kind; code that prints it calls [`Localize::localize`]
//! with the reader's [`Lang`], passed down explicitly: there is no process-wide language.
//! `Display` of a message is its Japanese wording (the default language), for logs and errors
//! boxed as `dyn Error`.
//!
//! # Adding a message
//!
//! 1. In the module (or a `messages.rs` beside it), one `crate::i18n::messages! { … }` block
//!    (`gyokaku::i18n::messages!` in the command) with the fitting enums: a variant name
//!    saying what happened, typed fields, a doc comment, then `ja:` and `en:` templates:
//!
//!    ```text
//!    /// The year asked for is not one of the plan's.
//!    OutsidePeriod { year: String, first: String, last: String } =>
//!        ja: "{year} は計画期間 ({first}〜{last}) の外です",
//!        en: "{year} is outside the plan's period ({first}–{last})";
//!    ```
//!
//!    Templates are `format!` strings whose `{name}`s are the fields (`{name:?}` quotes it);
//!    every field should appear in both. The block also defines that module's
//!    `all_templates()`: add a unit test there calling
//!    `crate::i18n::check_templates(&all_templates())`, which checks that every entry has both
//!    wordings and that both use the same fields.
//! 2. Fields are shown through [`Arg`]: strings and paths as they are, numbers with thousands
//!    separators (`569,807`), lists joined with `、` or `, `, I/O errors worded in the language,
//!    and other messages in the same language (so messages nest). A field of a new type needs
//!    an `impl Arg`.
//! 3. Return or store the kind (errors keep their data); word it with `.localize(lang)` where
//!    it is printed, in the language the caller passes.
//!
//! Never write `if ja {…} else {…}` at a call site.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;

crate::i18n::messages! {
    /// A language we do not have.
    #[derive(Debug)]
    #[non_exhaustive]
    pub enum LangError {
        /// `--lang` names a language we do not have.
        Unknown { given: String } =>
            ja: "言語 {given:?} には対応していません: ja (日本語) か en (英語) を指定してください",
            en: "unknown language {given:?}: use ja or en";
    }

    /// The common reasons a file cannot be read.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum IoProblem {
        /// No such file or folder.
        NotFound =>
            ja: "ファイルまたはフォルダがありません",
            en: "no such file or folder";
        /// Not allowed.
        PermissionDenied =>
            ja: "読み取りの権限がありません",
            en: "permission denied";
        /// Not UTF-8 text.
        NotUtf8 =>
            ja: "UTF-8 のテキストではありません",
            en: "not UTF-8 text";
        /// A folder where a file was expected.
        IsADirectory =>
            ja: "ファイルではなくフォルダです",
            en: "is a folder, not a file";
        /// A file where a folder was expected.
        NotADirectory =>
            ja: "フォルダではありません",
            en: "is not a folder";
    }
}

/// The language a user reads: Japanese (the document's language) by default, or English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 日本語 (the official document's wording).
    #[default]
    Ja,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Japanese first.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The code used on the command line: "ja" or "en".
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// Picks the Japanese or the English text of a pair that comes from data (a rule's two
    /// explanations, a scale's two names). Wording of the program's own belongs in the
    /// module's messages instead.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

impl FromStr for Lang {
    type Err = LangError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ja" | "jp" | "japanese" | "日本語" => Ok(Lang::Ja),
            "en" | "english" | "英語" => Ok(Lang::En),
            _ => Err(LangError::Unknown { given: s.into() }),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Something a user reads, worded in either language.
pub trait Localize {
    /// The text in `lang`.
    fn localize(&self, lang: Lang) -> String;
}

/// How a field shows inside a message, in the message's language.
pub trait Arg {
    /// The field's text in `lang`.
    fn arg(&self, lang: Lang) -> String;
}

impl<T: Arg + ?Sized> Arg for &T {
    fn arg(&self, lang: Lang) -> String {
        (**self).arg(lang)
    }
}

impl<T: Arg + ?Sized> Arg for Box<T> {
    fn arg(&self, lang: Lang) -> String {
        (**self).arg(lang)
    }
}

macro_rules! display_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn arg(&self, _: Lang) -> String {
                self.to_string()
            }
        }
    )*};
}

display_arg!(str, String, char, u8, u16, u32, u64, usize, i32, i64);

/// Numbers a person reads are grouped as the document prints them: `569,807`.
impl Arg for Decimal {
    fn arg(&self, _: Lang) -> String {
        crate::number::format_number(*self)
    }
}

impl Arg for Path {
    fn arg(&self, _: Lang) -> String {
        self.display().to_string()
    }
}

impl Arg for PathBuf {
    fn arg(&self, _: Lang) -> String {
        self.display().to_string()
    }
}

/// Absent: empty.
impl<T: Arg> Arg for Option<T> {
    fn arg(&self, lang: Lang) -> String {
        self.as_ref().map(|t| t.arg(lang)).unwrap_or_default()
    }
}

/// A list: `A、B、C` in Japanese, `A, B, C` in English.
impl<T: Arg> Arg for Vec<T> {
    fn arg(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::Ja => "、",
            Lang::En => ", ",
        };
        self.iter()
            .map(|t| t.arg(lang))
            .collect::<Vec<_>>()
            .join(sep)
    }
}

/// The common I/O failures of the system worded in the language, and so is a message carried
/// inside ([`io_error`]: a file refused by `read_text_within`); others as they are.
impl Arg for std::io::Error {
    fn arg(&self, lang: Lang) -> String {
        use std::io::ErrorKind;
        if let Some(carried) = self.get_ref().and_then(|e| e.downcast_ref::<Carried>()) {
            return carried.0.localize(lang);
        }
        if self.raw_os_error().is_none() {
            return self.to_string();
        }
        let known = match self.kind() {
            ErrorKind::NotFound => Some(IoProblem::NotFound),
            ErrorKind::PermissionDenied => Some(IoProblem::PermissionDenied),
            ErrorKind::InvalidData => Some(IoProblem::NotUtf8),
            ErrorKind::IsADirectory => Some(IoProblem::IsADirectory),
            ErrorKind::NotADirectory => Some(IoProblem::NotADirectory),
            _ => None,
        };
        match known {
            Some(p) => p.localize(lang),
            None => self.to_string(),
        }
    }
}

/// An error that is a message: what [`io_error`] carries.
pub trait Message: Localize + std::error::Error + Send + Sync + 'static {}

impl<T: Localize + std::error::Error + Send + Sync + 'static> Message for T {}

/// A message inside an `io::Error`; its source is the message itself, for a caller that wants
/// its kind back (`e.get_ref()` → `source()` → `downcast_ref`).
#[derive(Debug)]
struct Carried(Box<dyn Message>);

impl fmt::Display for Carried {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Carried {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.0)
    }
}

/// An I/O error of `kind` that says `message`: it keeps its kind, and is worded in the language
/// of the message that names it ([`Arg`]), not in the language of whoever made it.
pub fn io_error(kind: std::io::ErrorKind, message: impl Message) -> std::io::Error {
    std::io::Error::new(kind, Carried(Box::new(message)))
}

/// A text given in both languages by data rather than by the program: a rule script's
/// `explain(ja, en)`, for example. One given language stands in for the other.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Text {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The same text in both languages (data that is not translated, such as the document's
    /// own Japanese).
    pub fn same(text: impl Into<String>) -> Text {
        let t = text.into();
        Text {
            ja: t.clone(),
            en: t,
        }
    }

    /// A message worded in both languages, to keep with data that carries
    /// both (a rule's trace, for example).
    pub fn of(message: &impl Localize) -> Text {
        Text::both(message.localize(Lang::Ja), message.localize(Lang::En))
    }

    /// A text in two languages; an empty one falls back on the other.
    pub fn both(ja: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            ja: ja.into(),
            en: en.into(),
        }
    }
}

impl Localize for Text {
    fn localize(&self, lang: Lang) -> String {
        let (first, other) = match lang {
            Lang::Ja => (&self.ja, &self.en),
            Lang::En => (&self.en, &self.ja),
        };
        if first.is_empty() { other } else { first }.clone()
    }
}

impl Arg for Text {
    fn arg(&self, lang: Lang) -> String {
        self.localize(lang)
    }
}

/// In Japanese, the default language: what a user reads is worded with
/// [`Localize::localize`] in the language asked for.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.localize(Lang::Ja))
    }
}

/// Defines message enums: each variant with its fields and its Japanese and English
/// templates; implements [`Localize`], [`Arg`], `Display` (in Japanese, the default) and
/// `std::error::Error` for them, and lists the templates for the module's test
/// (`all_templates`). Exported for the command (`gyokaku::i18n::messages!`), whose words live
/// beside its subcommands too.
#[doc(hidden)]
#[macro_export]
macro_rules! __messages {
    ($(
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident $({ $( $(#[$fmeta:meta])* $field:ident : $fty:ty ),* $(,)? })?
                    => ja: $ja:literal, en: $en:literal;
            )*
        }
    )*) => {
    $(
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant $({ $( $(#[$fmeta])* $field: $fty ),* })?, )*
        }

        impl $crate::i18n::Localize for $name {
            fn localize(&self, lang: $crate::i18n::Lang) -> String {
                match self {
                    $( $name::$variant $({ $($field),* })? => {
                        $($( let $field = $crate::i18n::Arg::arg($field, lang); )*)?
                        match lang {
                            $crate::i18n::Lang::Ja => format!($ja),
                            $crate::i18n::Lang::En => format!($en),
                        }
                    } )*
                }
            }
        }

        impl $crate::i18n::Arg for $name {
            fn arg(&self, lang: $crate::i18n::Lang) -> String {
                $crate::i18n::Localize::localize(self, lang)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&$crate::i18n::Localize::localize(self, $crate::i18n::Lang::Ja))
            }
        }

        impl ::std::error::Error for $name {}
    )*

        /// Every message of this block: its name, fields, Japanese and English template, for
        /// the module's test of both wordings ([`check_templates`](crate::i18n::check_templates)).
        #[cfg(test)]
        pub(crate) fn all_templates() -> Vec<$crate::i18n::Template> {
            vec![$($(
                $crate::i18n::Template {
                    name: concat!(stringify!($name), "::", stringify!($variant)),
                    fields: &[$($(stringify!($field)),*)?],
                    ja: $ja,
                    en: $en,
                },
            )*)*]
        }
    };
}
#[doc(inline)]
pub use crate::__messages as messages;

/// One message's templates, as the `messages!` macro lists them for the tests.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    /// `Enum::Variant`.
    pub name: &'static str,
    /// The fields the templates may use.
    pub fields: &'static [&'static str],
    /// The Japanese template.
    pub ja: &'static str,
    /// The English template.
    pub en: &'static str,
}

/// Checks that every message of `templates` has both wordings, that the Japanese one is
/// Japanese, and that both use the same fields, all of them declared. Every module that
/// defines messages with [`messages!`] calls it from a test on its `all_templates()` (public
/// for the command's tests).
pub fn check_templates(templates: &[Template]) {
    for t in templates {
        assert!(!t.ja.trim().is_empty(), "{} has Japanese", t.name);
        assert!(!t.en.trim().is_empty(), "{} has English", t.name);
        assert!(
            !t.ja.is_ascii() || t.ja == t.en || t.ja.starts_with('{'),
            "{}: the Japanese wording is Japanese: {:?}",
            t.name,
            t.ja
        );
        let (ja, en) = (placeholders(t.ja), placeholders(t.en));
        assert_eq!(ja, en, "{}: both wordings use the same fields", t.name);
        for p in &ja {
            assert!(
                t.fields.contains(&p.as_str()),
                "{}: {{{p}}} is a field",
                t.name
            );
        }
    }
}

/// The `{name}`s a template uses.
fn placeholders(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        if rest[start..].starts_with("{{") {
            rest = &rest[start + 2..];
            continue;
        }
        let end = rest[start..].find('}').expect("closed placeholder") + start;
        let name = rest[start + 1..end].split(':').next().unwrap_or_default();
        out.push(name.to_string());
        rest = &rest[end + 1..];
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_have_both_wordings() {
        check_templates(&all_templates());
    }

    #[test]
    fn fields_are_worded_in_the_language() {
        let e = LangError::Unknown { given: "fr".into() };
        assert!(e.localize(Lang::Ja).contains("ja (日本語) か en (英語)"));
        assert!(e.localize(Lang::En).contains("use ja or en"));
        // Display is Japanese, the default: there is no process-wide language.
        assert_eq!(e.to_string(), e.localize(Lang::Ja));
        let list = vec!["a".to_string(), "b".to_string()];
        assert_eq!(list.arg(Lang::Ja), "a、b");
        assert_eq!(list.arg(Lang::En), "a, b");
        assert_eq!(
            Decimal::from_str_exact("569807").unwrap().arg(Lang::En),
            "569,807"
        );
        let io = std::fs::read("/no/such/file").unwrap_err();
        assert_ne!(io.arg(Lang::Ja), io.arg(Lang::En));
    }

    #[test]
    fn text_falls_back_on_the_other_language() {
        assert_eq!(Text::both("一致", "agrees").localize(Lang::En), "agrees");
        assert_eq!(Text::both("一致", "").localize(Lang::En), "一致");
        assert_eq!(Text::same("公園").localize(Lang::En), "公園");
    }

    #[test]
    fn languages_parse() {
        assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
        assert_eq!("JA".parse::<Lang>().unwrap(), Lang::Ja);
        let e = "fr".parse::<Lang>().unwrap_err();
        assert!(e.localize(Lang::En).contains("\"fr\""));
    }
}
