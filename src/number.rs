//! How numbers read: amounts with thousands separators ("569,807") and ratios as percentages
//! ("349.1%"). A leaf that the rule engine's `fmt()` and every report renderer use, so that a
//! figure reads the same in a rule's explanation, a terminal table and a spreadsheet.

use rust_decimal::{Decimal, RoundingStrategy};

/// "10800" → "10,800", "-15173.36" → "-15,173.36": an exact number with thousands separators.
pub fn format_number(d: Decimal) -> String {
    format_with_places(d, 0)
}

/// "1.1" → "110.0%", "20.234" → "2,023.4%": a ratio as a percentage with one decimal, rounded
/// half away from zero. Total: any `Decimal`, however large, formats (the ratio is rounded to
/// thousandths and its digits shifted, never multiplied by 100).
pub fn format_percent(d: Decimal) -> String {
    let r = d.round_dp_with_strategy(3, RoundingStrategy::MidpointAwayFromZero);
    // r = mantissa × 10^-scale with scale ≤ 3; tenths of a percent = mantissa × 10^(3 - scale).
    // |mantissa| < 2^96, so the product stays below 2^96 × 1000, far inside i128.
    let tenths = r.mantissa().unsigned_abs() * 10u128.pow(3 - r.scale().min(3));
    let grouped = group_thousands(&(tenths / 10).to_string());
    let sign = if r.is_sign_negative() && tenths != 0 {
        "-"
    } else {
        ""
    };
    format!("{sign}{grouped}.{}%", tenths % 10)
}

/// "99" with 1 place → "99.0", "22750" with 0 → "22,750": a number written with at least
/// `places` decimals (as the figures it stands beside are written); never fewer digits than it
/// has.
pub fn format_with_places(d: Decimal, places: u32) -> String {
    let places = places.max(d.normalize().scale());
    let mut r = d;
    r.rescale(places);
    let text = r.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::new();
    if r.is_sign_negative() && !r.is_zero() {
        out.push('-');
    }
    out.push_str(&group_thousands(int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// An exact decimal as plain text for CSV and JSON: "569807", "1.1".
pub fn plain(d: Decimal) -> String {
    d.normalize().to_string()
}

fn group_thousands(int: &str) -> String {
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn amounts_are_grouped() {
        assert_eq!(format_number(d("797733")), "797,733");
        assert_eq!(format_number(d("-15173")), "-15,173");
        assert_eq!(format_number(d("999")), "999");
        assert_eq!(format_number(d("1234567.50")), "1,234,567.5");
        assert_eq!(format_number(d("0")), "0");
        assert_eq!(format_number(d("-0")), "0");
    }

    #[test]
    fn numbers_keep_the_places_of_their_neighbours() {
        assert_eq!(format_with_places(d("99"), 1), "99.0");
        assert_eq!(format_with_places(d("22750"), 0), "22,750");
        assert_eq!(format_with_places(d("88.55"), 1), "88.55");
        assert_eq!(format_with_places(d("-0.04"), 0), "-0.04");
        assert_eq!(format_with_places(d("-1234.5"), 2), "-1,234.50");
    }

    #[test]
    fn percentages_have_one_decimal() {
        assert_eq!(format_percent(d("3.4907")), "349.1%");
        assert_eq!(format_percent(d("20.234")), "2,023.4%");
        assert_eq!(format_percent(d("-1.6")), "-160.0%");
        assert_eq!(format_percent(d("0")), "0.0%");
        assert_eq!(format_percent(d("0.00049")), "0.0%");
        assert_eq!(format_percent(d("0.0005")), "0.1%");
    }

    #[test]
    fn plain_numbers_keep_every_digit() {
        assert_eq!(plain(d("1.100")), "1.1");
        assert_eq!(plain(d("569807")), "569807");
        assert_eq!(plain(d("-0.5")), "-0.5");
    }
}
