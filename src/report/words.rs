//! Figures in words, as a report's prose states them: an amount of money rounded to a figure
//! a reader keeps (797,733千円 → 8億円弱) and a share of the items in tenths (60 of 71 →
//! 8割程度). The rules are exact (decimals, never floating point):
//!
//! **Amounts.** The amount in yen is stated in the largest unit it reaches — 兆 (10¹²), 億
//! (10⁸), 万 (10⁴), else 円; in English trillion, billion, million, else yen — rounded half up
//! to a whole number below 10 of that unit and to two significant digits from 10 on (3,670万 →
//! 3,700万); a rounding that reaches the next unit is said in it (9,990万 → 1億). The rounded
//! figure is followed by 弱 when it is above the amount, 強 when below, nothing when equal
//! (English: "just under ¥800 million", "just over …"). A negative amount is its size after ▲
//! ("minus"); zero is 0円 (¥0).
//!
//! **Shares.** n of m items (m > 0): all → 全て (all); none → なし (none); an exact number of
//! tenths → k割 (k0%); otherwise the nearest tenth k, rounded half up, as k割程度 (約k割 in the
//! "about" form; English "about k0%"), except that below one tenth reads 1割未満 (under 10%)
//! and above nine tenths 9割超 (over 90%).

use rust_decimal::{Decimal, RoundingStrategy};

use super::Lang;

/// The units an amount is stated in, largest first: (yen in one, Japanese, English).
const JA_UNITS: [(i64, &str); 4] = [
    (1_000_000_000_000, "兆"),
    (100_000_000, "億"),
    (10_000, "万"),
    (1, ""),
];
const EN_UNITS: [(i64, &str); 4] = [
    (1_000_000_000_000, " trillion"),
    (1_000_000_000, " billion"),
    (1_000_000, " million"),
    (1, ""),
];

/// An amount of 千円 in words: 797,733 → "8億円弱" ("just under ¥800 million").
pub fn amount_in_words(thousand_yen: Decimal, lang: Lang) -> String {
    let Some(yen) = thousand_yen.checked_mul(Decimal::from(1000)) else {
        return crate::number::format_number(thousand_yen);
    };
    let size = yen.abs();
    if size.is_zero() {
        return match lang {
            Lang::Ja => "0円".into(),
            Lang::En => "¥0".into(),
        };
    }
    let units = match lang {
        Lang::Ja => &JA_UNITS,
        Lang::En => &EN_UNITS,
    };
    let mut i = units
        .iter()
        .position(|(n, _)| size >= Decimal::from(*n))
        .unwrap_or(units.len() - 1);
    let in_unit = size / Decimal::from(units[i].0);
    let mut rounded = round_figure(in_unit);
    // 9,990万 rounds to 10,000万: said as 1億 (English: 999.7 million → 1 billion).
    let next = match lang {
        Lang::Ja => Decimal::from(10_000),
        Lang::En => Decimal::from(1_000),
    };
    if i > 0 && rounded >= next {
        rounded /= next;
        i -= 1;
    }
    let exact = rounded * Decimal::from(units[i].0);
    let figure = crate::number::format_number(rounded);
    let unit = units[i].1;
    match lang {
        Lang::Ja => {
            let sign = if yen.is_sign_negative() { "▲" } else { "" };
            let qualifier = match exact.cmp(&size) {
                std::cmp::Ordering::Greater => "弱",
                std::cmp::Ordering::Less => "強",
                std::cmp::Ordering::Equal => "",
            };
            format!("{sign}{figure}{unit}円{qualifier}")
        }
        Lang::En => {
            let sign = if yen.is_sign_negative() { "minus " } else { "" };
            let qualifier = match exact.cmp(&size) {
                std::cmp::Ordering::Greater => "just under ",
                std::cmp::Ordering::Less => "just over ",
                std::cmp::Ordering::Equal => "",
            };
            format!("{sign}{qualifier}¥{figure}{unit}")
        }
    }
}

/// A positive figure rounded half up: to a whole number below 10, else to two significant
/// digits.
fn round_figure(v: Decimal) -> Decimal {
    let whole = v.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    if v < Decimal::TEN {
        return whole;
    }
    // The step of the second significant digit: 1 for 10–99, 10 for 100–999 …
    let digits = v.trunc().normalize().to_string().len() as u32;
    let step = Decimal::from(10u64.pow(digits - 2));
    (v / step).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero) * step
}

/// How a share is worded: "8割程度" or "約8割".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareForm {
    /// k割程度.
    Plain,
    /// 約k割.
    About,
}

/// `n` of `total` items in words (see the module's rules); `None` when `total` is 0.
pub fn share_in_words(n: usize, total: usize, form: ShareForm, lang: Lang) -> Option<String> {
    if total == 0 || n > total {
        return None;
    }
    let words = |ja: &str, en: &str| Some(lang.pick(ja, en).to_string());
    if n == total {
        return words("全て", "all");
    }
    if n == 0 {
        return words("なし", "none");
    }
    let tenths = Decimal::from(n * 10) / Decimal::from(total);
    if tenths.fract().is_zero() {
        return Some(match lang {
            Lang::Ja => format!("{}割", tenths.trunc()),
            Lang::En => format!("{}%", tenths.trunc() * Decimal::TEN),
        });
    }
    let k = tenths.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    if k.is_zero() {
        return words("1割未満", "under 10%");
    }
    if k == Decimal::TEN {
        return words("9割超", "over 90%");
    }
    Some(match (lang, form) {
        (Lang::Ja, ShareForm::Plain) => format!("{k}割程度"),
        (Lang::Ja, ShareForm::About) => format!("約{k}割"),
        (Lang::En, _) => format!("about {}%", k * Decimal::TEN),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(thousand_yen: i64, lang: Lang) -> String {
        amount_in_words(Decimal::from(thousand_yen), lang)
    }

    #[test]
    fn amounts_in_words() {
        // The published document: 797,733千円 is 8億円弱.
        assert_eq!(amount(797_733, Lang::Ja), "8億円弱");
        assert_eq!(amount(797_733, Lang::En), "just under ¥800 million");
        assert_eq!(amount(228_520, Lang::Ja), "2億円強");
        assert_eq!(amount(228_520, Lang::En), "just under ¥230 million");
        assert_eq!(amount(592_300, Lang::Ja), "6億円弱");
        assert_eq!(amount(800_000, Lang::Ja), "8億円");
        assert_eq!(amount(750_000, Lang::Ja), "8億円弱");
        assert_eq!(amount(15_100, Lang::Ja), "1,500万円強");
        assert_eq!(amount(36_700, Lang::Ja), "3,700万円弱");
        assert_eq!(amount(5_079, Lang::Ja), "510万円弱");
        assert_eq!(amount(99_900, Lang::Ja), "1億円弱");
        assert_eq!(amount(1_260_000, Lang::Ja), "13億円弱");
        assert_eq!(amount(5, Lang::Ja), "5,000円");
        assert_eq!(amount(0, Lang::Ja), "0円");
        assert_eq!(amount(-15_173, Lang::Ja), "▲1,500万円強");
        assert_eq!(amount(-15_173, Lang::En), "minus just over ¥15 million");
        assert_eq!(amount(999_700, Lang::En), "just under ¥1 billion");
        assert_eq!(amount(3_000_000_000, Lang::Ja), "3兆円");
        assert_eq!(amount_in_words(Decimal::new(12, 1), Lang::Ja), "1,200円");
    }

    #[test]
    fn shares_in_words() {
        let ja = |n, t| share_in_words(n, t, ShareForm::Plain, Lang::Ja).unwrap();
        // The published document: 60 of 71 items rated A or B is 8割程度 (84.5%).
        assert_eq!(ja(60, 71), "8割程度");
        assert_eq!(
            share_in_words(60, 71, ShareForm::About, Lang::Ja).unwrap(),
            "約8割"
        );
        assert_eq!(
            share_in_words(60, 71, ShareForm::Plain, Lang::En).unwrap(),
            "about 80%"
        );
        assert_eq!(ja(17, 71), "2割程度");
        assert_eq!(ja(11, 71), "2割程度");
        assert_eq!(ja(5, 10), "5割");
        assert_eq!(ja(3, 4), "8割程度"); // 7.5 tenths, half up
        assert_eq!(ja(71, 71), "全て");
        assert_eq!(ja(0, 71), "なし");
        assert_eq!(ja(3, 71), "1割未満");
        assert_eq!(ja(69, 71), "9割超");
        assert_eq!(
            share_in_words(69, 71, ShareForm::Plain, Lang::En).unwrap(),
            "over 90%"
        );
        assert_eq!(share_in_words(1, 0, ShareForm::Plain, Lang::Ja), None);
        assert_eq!(share_in_words(2, 1, ShareForm::Plain, Lang::Ja), None);
    }
}
