//! Fiscal years as the plan names them: 令和5年度 = "R5" = FY2023 (April 2023 – March 2024).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A Japanese fiscal year in the Reiwa era (令和N年度).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear {
    reiwa: u16,
}

impl FiscalYear {
    /// 令和`n`年度.
    pub fn reiwa(n: u16) -> Self {
        FiscalYear { reiwa: n }
    }

    /// The Reiwa year number (5 for R5).
    pub fn reiwa_number(self) -> u16 {
        self.reiwa
    }

    /// The Gregorian year the fiscal year starts in (2023 for R5).
    pub fn gregorian(self) -> u16 {
        2018 + self.reiwa
    }

    /// "令和5年度".
    pub fn japanese(self) -> String {
        format!("令和{}年度", self.reiwa)
    }

    /// The year before.
    pub fn previous(self) -> Option<Self> {
        (self.reiwa > 1).then(|| FiscalYear::reiwa(self.reiwa - 1))
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "R{}", self.reiwa)
    }
}

/// Why a fiscal year could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a fiscal year: write R5, 令和5年度 or FY2023")]
pub struct FiscalYearError(pub String);

impl FromStr for FiscalYear {
    type Err = FiscalYearError;

    /// Accepts "R5", "r5", "令和5年度", "令和5", "FY2023" and "2023".
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let err = || FiscalYearError(s.to_string());
        let number = |x: &str| x.parse::<u16>().map_err(|_| err());
        let reiwa = if let Some(n) = t.strip_prefix('R').or_else(|| t.strip_prefix('r')) {
            number(n)?
        } else if let Some(n) = t.strip_prefix("令和") {
            number(n.strip_suffix("年度").unwrap_or(n))?
        } else {
            let year = number(t.strip_prefix("FY").unwrap_or(t))?;
            if year <= 2018 {
                return Err(err());
            }
            year - 2018
        };
        if reiwa == 0 || reiwa > 200 {
            return Err(err());
        }
        Ok(FiscalYear::reiwa(reiwa))
    }
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
    fn reads_every_spelling() {
        for s in ["R5", "r5", "令和5年度", "令和5", "FY2023", "2023"] {
            assert_eq!(
                s.parse::<FiscalYear>().unwrap(),
                FiscalYear::reiwa(5),
                "{s}"
            );
        }
        assert!("R0".parse::<FiscalYear>().is_err());
        assert!("H30".parse::<FiscalYear>().is_err());
        assert!("2018".parse::<FiscalYear>().is_err());
    }

    #[test]
    fn displays() {
        let y = FiscalYear::reiwa(5);
        assert_eq!(y.to_string(), "R5");
        assert_eq!(y.japanese(), "令和5年度");
        assert_eq!(y.gregorian(), 2023);
        assert_eq!(y.previous(), Some(FiscalYear::reiwa(4)));
    }
}
