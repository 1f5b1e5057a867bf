//! Fiscal years (年度, April–March, named by the year they start in) in any of the notations
//! plans use: 令和5年度, R5, 平成30年度, H30, 令和元年度, FY2023, 2023年度, 西暦2023年度.
//!
//! The era changed on 1 May 2019, so FY2019 is 平成31年度 in documents written before that date
//! and 令和元年度 after: both name the same year. A [`FiscalYear`] remembers how it was written
//! (its [`YearNotation`]) so that reports print years as the plan's document does, but two
//! spellings of one fiscal year are equal, hash and sort alike.

use crate::model::ParseProblem;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// 平成元年度 = FY1989: the first year that can be written.
const FIRST: u16 = 1989;
/// The last year accepted (令和200年度): anything later is a typo.
const LAST: u16 = 2218;
/// 平成N年度 = FY(1988 + N).
const HEISEI_BASE: u16 = 1988;
/// 令和N年度 = FY(2018 + N).
const REIWA_BASE: u16 = 2018;

/// How a document prints its fiscal years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearNotation {
    /// Japanese eras: 平成30年度 / H30, 令和5年度 / R5. Years up to `heisei_until` (a Gregorian
    /// year, at least 2018) are printed in 平成: 2019 for a document that writes 平成31年度,
    /// 2020 for one written before the change that plans as far as 平成32年度.
    Era {
        /// The last fiscal year printed as 平成.
        heisei_until: u16,
    },
    /// The Western calendar (西暦): 2023年度 / FY2023.
    Western,
}

impl YearNotation {
    /// 令和 from FY2019 (令和元年度) on, 平成 before.
    pub const ERA: YearNotation = YearNotation::Era {
        heisei_until: REIWA_BASE,
    };

    /// The notation of a plan whose years are written as `years` are: Western when the first
    /// is, else the eras, with 平成 as far as any year is written in it.
    pub fn of(years: &[FiscalYear]) -> YearNotation {
        if years
            .first()
            .is_some_and(|y| y.notation == YearNotation::Western)
        {
            return YearNotation::Western;
        }
        YearNotation::Era {
            heisei_until: years
                .iter()
                .filter_map(|y| match y.notation {
                    YearNotation::Era { heisei_until } => Some(heisei_until),
                    YearNotation::Western => None,
                })
                .max()
                .unwrap_or(REIWA_BASE),
        }
    }
}

/// A Japanese fiscal year (年度), with the notation it is printed in.
#[derive(Debug, Clone, Copy)]
pub struct FiscalYear {
    /// The Gregorian year it starts in (2023 for 令和5年度).
    start: u16,
    notation: YearNotation,
    /// Whether it was written in full (平成20年度, 2008年度) rather than as a short key (H20,
    /// FY2008): messages print it as it was written.
    spelled_out: bool,
}

impl PartialEq for FiscalYear {
    fn eq(&self, other: &Self) -> bool {
        self.start == other.start
    }
}

impl Eq for FiscalYear {}

impl Hash for FiscalYear {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.start.hash(state);
    }
}

impl PartialOrd for FiscalYear {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FiscalYear {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start.cmp(&other.start)
    }
}

impl FiscalYear {
    /// 令和`n`年度 (`n` from 1).
    pub fn reiwa(n: u16) -> Self {
        FiscalYear {
            start: REIWA_BASE + n,
            notation: YearNotation::ERA,
            spelled_out: false,
        }
    }

    /// 平成`n`年度 (`n` from 1), printed in 平成 as far as this year.
    pub fn heisei(n: u16) -> Self {
        let start = HEISEI_BASE + n;
        FiscalYear {
            start,
            notation: YearNotation::Era {
                heisei_until: start.max(REIWA_BASE),
            },
            spelled_out: false,
        }
    }

    /// The fiscal year starting in April of `year`, printed FY`year`; `None` outside
    /// FY1989 (平成元年度) – FY2218.
    pub fn western(year: u16) -> Option<Self> {
        (FIRST..=LAST).contains(&year).then_some(FiscalYear {
            start: year,
            notation: YearNotation::Western,
            spelled_out: false,
        })
    }

    /// The same year printed in `notation`.
    pub fn in_notation(self, notation: YearNotation) -> Self {
        FiscalYear { notation, ..self }
    }

    /// The year as it was written, for a message: "平成20年度" (FY2008 (H20) in English) for a
    /// year written in full, the short key ("R5", "FY2023") for one written so.
    pub fn as_written(self, lang: crate::i18n::Lang) -> String {
        match (self.spelled_out, lang) {
            (false, _) => self.to_string(),
            (true, crate::i18n::Lang::Ja) => self.japanese(),
            (true, crate::i18n::Lang::En) => self.english(),
        }
    }

    /// How this year is printed.
    pub fn notation(self) -> YearNotation {
        self.notation
    }

    /// The Gregorian year the fiscal year starts in (2023 for R5).
    pub fn gregorian(self) -> u16 {
        self.start
    }

    /// The era and the year in it, as printed: ("令和", 5), ("平成", 31).
    fn era(self) -> (&'static str, &'static str, u16) {
        match self.notation {
            YearNotation::Era { heisei_until } if self.start <= heisei_until => {
                ("平成", "H", self.start - HEISEI_BASE)
            }
            _ if self.start <= REIWA_BASE => ("平成", "H", self.start - HEISEI_BASE),
            _ => ("令和", "R", self.start - REIWA_BASE),
        }
    }

    /// The document's long form: "令和5年度", "令和元年度", "平成31年度", "2023年度".
    pub fn japanese(self) -> String {
        match self.notation {
            YearNotation::Western => format!("{}年度", self.start),
            YearNotation::Era { .. } => match self.era() {
                (era, _, 1) => format!("{era}元年度"),
                (era, _, n) => format!("{era}{n}年度"),
            },
        }
    }

    /// The English form: "FY2023 (R5)", or "FY2023" when the document writes 西暦.
    pub fn english(self) -> String {
        match self.notation {
            YearNotation::Western => format!("FY{}", self.start),
            YearNotation::Era { .. } => format!("FY{} ({self})", self.start),
        }
    }

    /// The year before, in the same notation.
    pub fn previous(self) -> Option<Self> {
        (self.start > FIRST).then_some(FiscalYear {
            start: self.start - 1,
            ..self
        })
    }

    /// The year after, in the same notation.
    pub fn next(self) -> Option<Self> {
        (self.start < LAST).then_some(FiscalYear {
            start: self.start + 1,
            ..self
        })
    }
}

/// The short form: "R5", "H30", "FY2023".
impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.notation {
            YearNotation::Western => write!(f, "FY{}", self.start),
            YearNotation::Era { .. } => {
                let (_, short, n) = self.era();
                write!(f, "{short}{n}")
            }
        }
    }
}

/// In a message, a year reads as it is written ("R5", "FY2023", "平成20年度").
impl crate::i18n::Arg for FiscalYear {
    fn arg(&self, lang: crate::i18n::Lang) -> String {
        self.as_written(lang)
    }
}

/// Why a fiscal year could not be read (worded by [`ParseProblem::NotAFiscalYear`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.problem())]
pub struct FiscalYearError(pub String);

impl FiscalYearError {
    /// Its message kind.
    pub fn problem(&self) -> ParseProblem {
        ParseProblem::NotAFiscalYear {
            given: self.0.clone(),
        }
    }
}

impl crate::i18n::Arg for FiscalYearError {
    fn arg(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::Localize::localize(&self.problem(), lang)
    }
}

/// Folds full-width digits and letters into ASCII and drops spaces: "令和５年度" → "令和5年度".
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

impl FromStr for FiscalYear {
    type Err = FiscalYearError;

    /// Accepts "R5", "R6年度", "令和5年度", "令和元年度", "令和5", "H30", "平成31年度", "FY2023",
    /// "2023年度", "西暦2023年度" and "2023", in full-width digits too. A year written with its
    /// era's name or 年度 is remembered as written in full.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded = fold(s);
        let spelled_out = folded.ends_with('年')
            || folded.ends_with("年度")
            || ["令和", "平成", "西暦"]
                .iter()
                .any(|p| folded.starts_with(p));
        read_year(s).map(|y| FiscalYear { spelled_out, ..y })
    }
}

/// The year `s` names, as a short key.
fn read_year(s: &str) -> Result<FiscalYear, FiscalYearError> {
    let err = || FiscalYearError(s.to_string());
    let folded = fold(s);
    let t = folded.strip_suffix("年度").unwrap_or(&folded);
    let t = t.strip_suffix('年').unwrap_or(t);
    let era_number = |n: &str| -> Result<u16, FiscalYearError> {
        let n = if n == "元" {
            1
        } else {
            if !n.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            n.parse::<u16>().map_err(|_| err())?
        };
        (1..=200).contains(&n).then_some(n).ok_or_else(err)
    };
    let prefixed = |prefixes: &[&str]| prefixes.iter().find_map(|p| t.strip_prefix(p));
    if let Some(n) = prefixed(&["令和", "R", "r"]) {
        return Ok(FiscalYear::reiwa(era_number(n)?));
    }
    if let Some(n) = prefixed(&["平成", "H", "h"]) {
        let n = era_number(n)?;
        // 平成 ended in its 31st year; documents written before the change planned a few
        // years further (平成32年度 = 令和2年度), but never dozens.
        if n > 40 {
            return Err(err());
        }
        return Ok(FiscalYear::heisei(n));
    }
    let digits = prefixed(&["FY", "fy", "Fy", "西暦"]).unwrap_or(t);
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err());
    }
    let year = digits.parse::<u16>().map_err(|_| err())?;
    FiscalYear::western(year).ok_or_else(err)
}

impl Serialize for FiscalYear {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FiscalYear {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_printed_as_it_was_written() {
        use crate::i18n::Lang;
        let written = |s: &str, lang| s.parse::<FiscalYear>().unwrap().as_written(lang);
        assert_eq!(written("平成20年度", Lang::Ja), "平成20年度");
        assert_eq!(written("平成20年度", Lang::En), "FY2008 (H20)");
        assert_eq!(written("H20", Lang::Ja), "H20");
        assert_eq!(written("令和元年度", Lang::Ja), "令和元年度");
        assert_eq!(written("２００８年度", Lang::Ja), "2008年度");
        assert_eq!(written("FY2008", Lang::Ja), "FY2008");
        // The spelling is not part of the year: 平成20年度 is H20.
        assert_eq!("平成20年度".parse::<FiscalYear>(), "H20".parse());
    }

    fn year(s: &str) -> FiscalYear {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn reads_every_spelling() {
        for s in [
            "R5",
            "r5",
            "R5年度",
            "令和5年度",
            "令和5",
            "令和５年度",
            "Ｒ５",
            "FY2023",
            "2023",
            "2023年度",
            "西暦2023年度",
            "２０２３年度",
            "令和 5 年度",
        ] {
            assert_eq!(year(s), FiscalYear::reiwa(5), "{s}");
            assert_eq!(year(s).gregorian(), 2023, "{s}");
        }
        for s in [
            "H30",
            "h30",
            "平成30年度",
            "平成30",
            "FY2018",
            "2018年度",
            "2018",
        ] {
            assert_eq!(year(s).gregorian(), 2018, "{s}");
        }
    }

    #[test]
    fn both_names_of_fy2019_are_one_year() {
        for s in [
            "令和元年度",
            "令和元年",
            "R1",
            "平成31年度",
            "H31",
            "FY2019",
            "2019年度",
        ] {
            assert_eq!(year(s), FiscalYear::reiwa(1), "{s}");
        }
        assert_eq!(year("平成32年度"), FiscalYear::reiwa(2));
        assert_eq!(year("平成元年度").gregorian(), 1989);
    }

    #[test]
    fn refuses_what_is_not_a_year() {
        for s in [
            "R0",
            "令和0年度",
            "H0",
            "H41",
            "1988",
            "1988年度",
            "FY1988",
            "FY2219",
            "20230",
            "223",
            "R",
            "令和",
            "令和5年度度",
            "令和5月",
            "R-1",
            "R5.5",
            "昭和60年度",
            "",
        ] {
            assert!(s.parse::<FiscalYear>().is_err(), "{s:?} should not parse");
        }
    }

    #[test]
    fn prints_as_written() {
        let r5 = FiscalYear::reiwa(5);
        assert_eq!(r5.to_string(), "R5");
        assert_eq!(r5.japanese(), "令和5年度");
        assert_eq!(r5.english(), "FY2023 (R5)");
        assert_eq!(r5.gregorian(), 2023);
        assert_eq!(r5.previous(), Some(FiscalYear::reiwa(4)));
        assert_eq!(year("R1").japanese(), "令和元年度");
        assert_eq!(year("R1").previous().unwrap().japanese(), "平成30年度");
        assert_eq!(year("R1").previous().unwrap().to_string(), "H30");
        let h31 = year("平成31年度");
        assert_eq!(
            (h31.to_string(), h31.japanese()),
            ("H31".into(), "平成31年度".into())
        );
        assert_eq!(h31.next().unwrap().japanese(), "令和2年度");
        let fy = year("FY2018");
        assert_eq!(
            (fy.to_string(), fy.japanese()),
            ("FY2018".into(), "2018年度".into())
        );
        assert_eq!(fy.english(), "FY2018");
        assert_eq!(year("平成元年度").japanese(), "平成元年度");
        assert_eq!(year("平成元年度").previous(), None);
    }

    #[test]
    fn a_plan_prints_its_years_one_way() {
        let written: Vec<FiscalYear> = [
            "平成28年度",
            "平成29年度",
            "平成30年度",
            "平成31年度",
            "令和2年度",
        ]
        .iter()
        .map(|s| year(s))
        .collect();
        let notation = YearNotation::of(&written);
        let printed: Vec<String> = written
            .iter()
            .map(|y| y.in_notation(notation).japanese())
            .collect();
        assert_eq!(
            printed,
            [
                "平成28年度",
                "平成29年度",
                "平成30年度",
                "平成31年度",
                "令和2年度"
            ]
        );
        let written: Vec<FiscalYear> = ["H28", "H29", "H30", "R1", "R2"]
            .iter()
            .map(|s| year(s))
            .collect();
        let notation = YearNotation::of(&written);
        assert_eq!(year("H31").in_notation(notation).to_string(), "R1");
        let western = YearNotation::of(&[year("FY2018"), year("FY2019")]);
        assert_eq!(
            year("令和元年度").in_notation(western).japanese(),
            "2019年度"
        );
        assert_eq!(YearNotation::of(&[]), YearNotation::ERA);
    }
}
