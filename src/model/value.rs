//! Values as the document prints them: "23,583", "▲19.6%", "30億円以内", "2(78)", "検討", "-", "↓".
//!
//! Every figure of a plan is kept twice: the printed text (reports show it unchanged) and what it
//! means ([`Value`]), read exactly into `rust_decimal::Decimal` — never through a float.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A bound written after a number, by what it means: 以内 / 以下 / まで (≤), 未満 / を下回る (<),
/// 以上 (≥), 超 / を超える / を上回る (>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// 以内, 以下, まで: at most (≤)
    AtMost,
    /// 未満, を下回る: less than (<)
    LessThan,
    /// 以上: at least (≥)
    AtLeast,
    /// 超, を超える, を上回る: more than (>)
    MoreThan,
}

/// Every bound word a document writes after a number, with its meaning. Longer words first, so
/// that を超える is not read as a unit "を" followed by 超.
pub const BOUND_WORDS: [(&str, Bound); 9] = [
    ("を超える", Bound::MoreThan),
    ("を上回る", Bound::MoreThan),
    ("を下回る", Bound::LessThan),
    ("以内", Bound::AtMost),
    ("以下", Bound::AtMost),
    ("まで", Bound::AtMost),
    ("未満", Bound::LessThan),
    ("以上", Bound::AtLeast),
    ("超", Bound::MoreThan),
];

impl Bound {
    /// The comparison operator, as rules see it: `"<="`, `"<"`, `">="`, `">"`.
    pub fn operator(self) -> &'static str {
        match self {
            Bound::AtMost => "<=",
            Bound::LessThan => "<",
            Bound::AtLeast => ">=",
            Bound::MoreThan => ">",
        }
    }

    /// The usual Japanese word for the bound (the document may write another of the same
    /// meaning, see [`BOUND_WORDS`]).
    pub fn word(self) -> &'static str {
        match self {
            Bound::AtMost => "以内",
            Bound::LessThan => "未満",
            Bound::AtLeast => "以上",
            Bound::MoreThan => "超",
        }
    }

    /// Whether `value` keeps this bound at `limit`.
    pub fn holds(self, value: Decimal, limit: Decimal) -> bool {
        match self {
            Bound::AtMost => value <= limit,
            Bound::LessThan => value < limit,
            Bound::AtLeast => value >= limit,
            Bound::MoreThan => value > limit,
        }
    }
}

/// A number with what the document wrote around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quantity {
    /// The number as written, in the unit written beside it (12.6 for "12.6億円").
    #[serde(with = "super::exact")]
    pub amount: Decimal,
    /// The unit written with the number, if any: "%", "千円", "億円", "台" …
    pub unit: Option<String>,
    /// 以内 / 以下 / 未満 / 以上 / 超 …, if written.
    pub bound: Option<Bound>,
    /// The bracketed number of a compound value: 78 in "2(78)".
    #[serde(with = "super::exact::option")]
    pub total: Option<Decimal>,
    /// A bracketed remark that is not a number: "令和3年度" in "41,096千円(令和3年度)".
    pub note: Option<String>,
}

impl Quantity {
    /// The amount expressed in `unit` when both are money units (円, 千円, 万円, 百万円, 億円),
    /// exactly: "12.6億円" in 千円 is 1,260,000. Other units are returned unchanged when they
    /// agree or when either side gives no unit.
    pub fn amount_in(&self, unit: &str) -> Option<Decimal> {
        match self.unit.as_deref() {
            None => Some(self.amount),
            Some(written) if written == unit || unit_base(written) == unit_base(unit) => {
                Some(self.amount)
            }
            Some(written) => {
                let from = yen_scale(written)?;
                let to = yen_scale(unit_base(unit))?;
                // Cannot overflow for a parsed amount (at most MAX_INTEGER_DIGITS digits before
                // the point); checked all the same, for amounts built by hand.
                self.amount.checked_mul(from)?.checked_div(to)
            }
        }
    }
}

/// Units like "千円/年" or "トン/年" compare on their part before the slash.
fn unit_base(unit: &str) -> &str {
    unit.split('/').next().unwrap_or(unit)
}

/// How many yen one of this money unit is.
fn yen_scale(unit: &str) -> Option<Decimal> {
    unit.parse::<MoneyUnit>().ok().map(MoneyUnit::yen)
}

/// Whether a number written in `written` can stand for a value measured in `unit`: the same
/// unit (also "千円" for "千円/年"), or two money units (converted exactly).
pub fn units_agree(written: &str, unit: &str) -> bool {
    written == unit
        || unit_base(written) == unit_base(unit)
        || (yen_scale(unit_base(written)).is_some() && yen_scale(unit_base(unit)).is_some())
}

/// A unit of money amounts: effects are 千円 on the sheets; reports may print another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MoneyUnit {
    /// 円
    Yen,
    /// 千円: the unit of the sheets' effect amounts.
    #[default]
    ThousandYen,
    /// 万円
    TenThousandYen,
    /// 百万円
    MillionYen,
    /// 億円
    HundredMillionYen,
}

impl MoneyUnit {
    /// How many yen one unit is.
    pub fn yen(self) -> Decimal {
        Decimal::from(match self {
            MoneyUnit::Yen => 1_i64,
            MoneyUnit::ThousandYen => 1_000,
            MoneyUnit::TenThousandYen => 10_000,
            MoneyUnit::MillionYen => 1_000_000,
            MoneyUnit::HundredMillionYen => 100_000_000,
        })
    }

    /// "千円".
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Yen => "円",
            MoneyUnit::ThousandYen => "千円",
            MoneyUnit::TenThousandYen => "万円",
            MoneyUnit::MillionYen => "百万円",
            MoneyUnit::HundredMillionYen => "億円",
        }
    }

    /// "thousand yen".
    pub fn label_en(self) -> &'static str {
        match self {
            MoneyUnit::Yen => "yen",
            MoneyUnit::ThousandYen => "thousand yen",
            MoneyUnit::TenThousandYen => "ten thousand yen",
            MoneyUnit::MillionYen => "million yen",
            MoneyUnit::HundredMillionYen => "hundred million yen",
        }
    }

    /// The unit in `lang`: 千円 / thousand yen.
    pub fn in_lang(self, lang: crate::i18n::Lang) -> &'static str {
        match lang {
            crate::i18n::Lang::Ja => self.label(),
            crate::i18n::Lang::En => self.label_en(),
        }
    }

    /// An amount of 千円 in this unit, exactly (`None` only past the range of a decimal):
    /// 228,520千円 is 228.52百万円.
    pub fn from_thousand_yen(self, amount: Decimal) -> Option<Decimal> {
        amount
            .checked_mul(MoneyUnit::ThousandYen.yen())?
            .checked_div(self.yen())
    }
}

impl FromStr for MoneyUnit {
    type Err = UnitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim() {
            "円" => MoneyUnit::Yen,
            "千円" => MoneyUnit::ThousandYen,
            "万円" => MoneyUnit::TenThousandYen,
            "百万円" => MoneyUnit::MillionYen,
            "億円" => MoneyUnit::HundredMillionYen,
            other => {
                return Err(UnitError::NotMoney {
                    written: other.to_string(),
                })
            }
        })
    }
}

impl Serialize for MoneyUnit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

impl fmt::Display for MoneyUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What a printed cell means. In JSON `{"type": "number", "value": {…}}`; in binary formats
/// (the cache of parsed plans, which cannot read that form back) the variant and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// "-": none, not applicable.
    None,
    /// "—" or "↓": no new target this year (the step ended, or the row above carries on).
    NoNewTarget,
    /// A number, possibly with unit, bound, compound total or note.
    Number(Quantity),
    /// Words: a milestone ("検討", "運用中", "導入方針の決定") or "(未定)".
    Text(String),
}

impl Value {
    /// The number, when the value is one.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(q) => Some(q.amount),
            _ => None,
        }
    }

    /// The quantity, when the value is a number.
    pub fn quantity(&self) -> Option<&Quantity> {
        match self {
            Value::Number(q) => Some(q),
            _ => None,
        }
    }
}

impl Value {
    /// The variant's index and name, as serde writes them.
    fn variant(&self) -> (u32, &'static str) {
        match self {
            Value::None => (0, "none"),
            Value::NoNewTarget => (1, "no_new_target"),
            Value::Number(_) => (2, "number"),
            Value::Text(_) => (3, "text"),
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let (index, name) = self.variant();
        if !s.is_human_readable() {
            return match self {
                Value::None | Value::NoNewTarget => s.serialize_unit_variant("Value", index, name),
                Value::Number(q) => s.serialize_newtype_variant("Value", index, name, q),
                Value::Text(t) => s.serialize_newtype_variant("Value", index, name, t),
            };
        }
        let content = !matches!(self, Value::None | Value::NoNewTarget);
        let mut tagged = s.serialize_struct("Value", 1 + usize::from(content))?;
        tagged.serialize_field("type", name)?;
        match self {
            Value::Number(q) => tagged.serialize_field("value", q)?,
            Value::Text(t) => tagged.serialize_field("value", t)?,
            Value::None | Value::NoNewTarget => {}
        }
        tagged.end()
    }
}

/// A value read back: tagged as JSON writes it, or by variant in binary formats.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ReadValue {
    None,
    NoNewTarget,
    Number(Quantity),
    Text(String),
}

/// The same, tagged.
#[derive(Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
enum ReadTagged {
    None,
    NoNewTarget,
    Number(Quantity),
    Text(String),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let read = match d.is_human_readable() {
            true => match ReadTagged::deserialize(d)? {
                ReadTagged::None => ReadValue::None,
                ReadTagged::NoNewTarget => ReadValue::NoNewTarget,
                ReadTagged::Number(q) => ReadValue::Number(q),
                ReadTagged::Text(t) => ReadValue::Text(t),
            },
            false => ReadValue::deserialize(d)?,
        };
        Ok(match read {
            ReadValue::None => Value::None,
            ReadValue::NoNewTarget => Value::NoNewTarget,
            ReadValue::Number(q) => Value::Number(q),
            ReadValue::Text(t) => Value::Text(t),
        })
    }
}

/// The most digits a number may have before its decimal point: 10^15 (a thousand trillion)
/// is beyond any municipal figure in any unit, and keeps every conversion (億円 → 円 is × 10^8),
/// ratio and sum of plan values far inside `Decimal`'s range.
pub const MAX_INTEGER_DIGITS: usize = 15;

/// A printed cell: the text as the document writes it and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// Exactly as printed.
    pub text: String,
    /// As read.
    pub value: Value,
}

impl Cell {
    /// The number, when the cell holds one.
    pub fn number(&self) -> Option<Decimal> {
        self.value.number()
    }

    /// The unit written with the number, if any.
    pub fn written_unit(&self) -> Option<&str> {
        self.value.quantity()?.unit.as_deref()
    }

    /// An effect amount in 千円, the sheets' unit: "300百万円" is 300,000, "1.5億円" 150,000,
    /// a bare number is 千円. `None` when the cell is not a number or not in money.
    pub fn thousand_yen(&self) -> Option<Decimal> {
        self.value.quantity()?.amount_in("千円")
    }

    /// Whether the cell's unit (if it writes one) fits a value measured in `unit`; with no
    /// indicator unit ("-" or ""), any unit is taken as written.
    pub fn check_unit(&self, unit: &str) -> Result<(), UnitError> {
        match self.written_unit() {
            Some(written) if !matches!(unit.trim(), "-" | "") && !units_agree(written, unit) => {
                Err(UnitError::Mismatch {
                    text: self.text.clone(),
                    written: written.to_string(),
                    unit: unit.to_string(),
                })
            }
            _ => Ok(()),
        }
    }

    /// Whether the cell is an amount of money (a bare number is 千円).
    pub fn check_money(&self) -> Result<(), UnitError> {
        match self.written_unit() {
            Some(written) if yen_scale(unit_base(written)).is_none() => Err(UnitError::NotMoney {
                written: written.to_string(),
            }),
            _ => Ok(()),
        }
    }
}

/// A target and an actual of one year must be in units that can be compared: 18件 against 20人
/// cannot.
pub fn check_target_actual(target: &Cell, actual: &Cell) -> Result<(), UnitError> {
    match (target.written_unit(), actual.written_unit()) {
        (Some(t), Some(a)) if !units_agree(t, a) => Err(UnitError::TargetActual {
            target: target.text.clone(),
            actual: actual.text.clone(),
        }),
        _ => Ok(()),
    }
}

impl Cell {
    /// The cell `text` reads as, keeping `text` itself (trimmed) as printed: no copy.
    pub(crate) fn read_owned(text: String) -> Result<Cell, ValueError> {
        let value = parse_value(&text)?;
        let text = match text.trim().len() == text.len() {
            true => text,
            false => text.trim().to_string(),
        };
        Ok(Cell { text, value })
    }
}

impl FromStr for Cell {
    type Err = ValueError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Cell {
            text: text.trim().to_string(),
            value: parse_value(text)?,
        })
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Folds full-width digits, signs and brackets into their ASCII forms (the trimmed text
/// itself when there is nothing to fold, as in most cells: no copy made).
pub(super) fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.trim();
    if text.is_ascii() || !text.chars().any(|c| fold(c) != c) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(fold).collect())
}

/// A full-width digit, sign or bracket in its ASCII form; any other character as it is.
fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        '％' => '%',
        '（' => '(',
        '）' => ')',
        '＋' => '+',
        // Minus signs and hyphens that stand for one: the document means "-" by them.
        '－' | '−' | '‐' | '‑' | '‒' | '–' | '﹣' | '⁻' | '₋' => '-',
        _ => c,
    }
}

crate::i18n::messages! {
    /// A sign that only looks like one.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum SignProblem {
        /// "ー5" (the long-vowel mark), "一5" (the kanji for one), "ｰ5".
        NotAMinus { text: String, mark: char } =>
            ja: "{text:?} は {mark:?} で始まっていますが、これは負の符号ではありません (長音記号や漢数字の「一」です)。負の数は ▲5 か -5 と書いてください",
            en: "{text:?} starts with {mark:?}, which is not a minus sign (a long-vowel mark or the kanji for one): write a negative number as ▲5 or -5";
    }

    /// Why a printed value could not be read.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ValueError {
        /// An empty cell written as a key.
        Empty =>
            ja: "値が空です: 原資料の欄が空白なら、キーごと書かないでください",
            en: "empty value: leave the key out when the document's cell is blank";
        /// Not a number the document could print.
        Malformed { text: String, why: NumberProblem } =>
            ja: "{text:?} は原資料の数値として読めません: {why}",
            en: "{text:?} is not a number the document could print: {why}";
        /// A number with more digits before the point than `MAX_INTEGER_DIGITS`.
        TooLarge { text: String, max_digits: usize } =>
            ja: "{text:?} は整数部が {max_digits} 桁を超えています: 計画の数値としては大きすぎます",
            en: "{text:?} has more than {max_digits} digits before the decimal point: no plan figure is that large";
        /// A dash or arrow that marks "no new target" stands before other text.
        MarkBeforeText { text: String, mark: char } =>
            ja: "{text:?} は {mark:?} で始まっています。この記号は単独で「その年度の新たな目標なし (—/↓)」を表し、ほかの文字の前には置けません (負の数は ▲ か - で書きます)",
            en: "{text:?} starts with {mark:?}, which alone means no new target this year (—/↓); it cannot stand before other text (write ▲ or - for a negative number)";
        /// A letter that looks like a minus sign before digits (worded beside the parser).
        Sign { problem: crate::model::SignProblem } =>
            ja: "{problem}",
            en: "{problem}";
        /// A unit that is not one: "%%", "%円", punctuation.
        BadUnit { text: String, unit: String } =>
            ja: "{text:?}: {unit:?} は単位として読めません",
            en: "{text:?}: {unit:?} is not a unit";
    }

    /// What is wrong with the digits of a number.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum NumberProblem {
        /// "+", "▲" alone or before words.
        SignWithoutDigits =>
            ja: "符号の後には数字が必要です",
            en: "a sign must be followed by digits";
        /// ",5", ".5".
        NoLeadingDigit =>
            ja: "数値は数字で始めてください",
            en: "a number must start with a digit";
        /// "12(3".
        UnclosedBracket =>
            ja: "開き括弧が末尾で閉じていません",
            en: "an opening bracket is not closed at the end";
        /// "1(2(3))".
        NestedBrackets =>
            ja: "括弧が入れ子になっています",
            en: "brackets are nested";
        /// "12)".
        UnopenedBracket =>
            ja: "閉じ括弧に対応する開き括弧がありません",
            en: "a closing bracket has no opening one";
        /// "12 3", "12件5".
        TrailingCharacters =>
            ja: "数値の後に余分な文字があります",
            en: "unexpected characters after the number";
        /// "12以内件".
        MisplacedBound =>
            ja: "範囲を表す語か符号の位置が正しくありません",
            en: "a bound or sign is out of place";
        /// "12()".
        EmptyBrackets =>
            ja: "括弧の中が空です",
            en: "empty brackets";
        /// ".5".
        NoDigitsBeforePoint =>
            ja: "小数点の前に数字がありません",
            en: "no digits before the decimal point";
        /// "1,,234".
        MisplacedSeparator =>
            ja: "桁区切りのコンマの位置が正しくありません",
            en: "misplaced thousands separator";
        /// "20,0".
        SeparatorGroups =>
            ja: "桁区切りは3桁ごとにしてください",
            en: "thousands separators must group three digits";
        /// "1.2.3".
        MalformedDecimals =>
            ja: "小数部の書き方が正しくありません",
            en: "malformed decimal part";
        /// More digits than an exact decimal holds.
        TooManyDigits =>
            ja: "桁数が多すぎます",
            en: "too many digits";
    }

    /// A number written in a unit that does not fit where it stands.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum UnitError {
        /// "20人" for an indicator counted in 件, or a word after the number that is no unit
        /// of it ("18%程度"): never silently read as a unit.
        Mismatch { text: String, written: String, unit: String } =>
            ja: "{text:?} は {written:?} で書かれていますが、指標の単位は {unit:?} です (範囲は 以内, 以下, まで, 未満, を下回る, 以上, 超, を超える, を上回る で書きます)",
            en: "{text:?} is written in {written:?}, but the indicator's unit is {unit:?} (a bound is written 以内, 以下, まで, 未満, を下回る, 以上, 超, を超える or を上回る)";
        /// An effect amount, or a report unit, that is not money.
        NotMoney { written: String } =>
            ja: "{written:?} は金額の単位ではありません: 円, 千円, 万円, 百万円, 億円 のいずれかで書いてください",
            en: "{written:?} is not a unit of money: write 円, 千円, 万円, 百万円 or 億円";
        /// An indicator without a unit whose target and actual of one year differ in unit.
        TargetActual { target: String, actual: String } =>
            ja: "目標値 {target:?} と実績値 {actual:?} の単位が異なります",
            en: "the target {target:?} and the actual {actual:?} are written in different units";
    }
}

/// Characters that look like a minus sign but are letters: before a digit they are refused
/// rather than read as words ("ー5" would otherwise be a milestone's word).
const NOT_A_MINUS: [char; 3] = ['ー', 'ｰ', '一'];

/// Dashes and arrows that alone mean "no new target this year".
const NO_NEW_TARGET_MARKS: [char; 5] = ['—', '―', '─', '━', '↓'];

/// Whether `unit` can be a unit: no digits, spaces, signs or ASCII punctuation other than "/",
/// and "%" only alone or before "/" ("%", "%/年"); "%%" and "%円" are not units.
fn valid_unit(unit: &str) -> bool {
    let (head, per) = match unit.split_once('/') {
        Some((h, p)) => (h, Some(p)),
        None => (unit, None),
    };
    let word_ok = |w: &str| {
        !w.is_empty()
            && !w.chars().any(|c| {
                c.is_control()
                    || c.is_whitespace()
                    || c.is_ascii_punctuation()
                    || NO_NEW_TARGET_MARKS.contains(&c)
                    || matches!(c, '▲' | '△')
            })
    };
    let head_ok = head == "%" || word_ok(head);
    head_ok && per.is_none_or(word_ok)
}

/// Reads one printed value. See the module documentation for the notations.
pub fn parse_value(text: &str) -> Result<Value, ValueError> {
    let s = normalize(text);
    if s.is_empty() {
        return Err(ValueError::Empty);
    }
    match &*s {
        "-" => return Ok(Value::None),
        "—" | "―" | "─" | "━" | "↓" => return Ok(Value::NoNewTarget),
        _ => {}
    }
    let mut chars = s.chars();
    if let (Some(mark), Some(next)) = (chars.next(), chars.next()) {
        if NOT_A_MINUS.contains(&mark) && next.is_ascii_digit() {
            return Err(ValueError::Sign {
                problem: SignProblem::NotAMinus {
                    text: s.to_string(),
                    mark,
                },
            });
        }
    }
    // "—5", "↓検討": a mark of "no new target" glued to other text is not a word.
    if let Some(mark) = s.chars().next().filter(|c| NO_NEW_TARGET_MARKS.contains(c)) {
        return Err(ValueError::MarkBeforeText {
            text: s.to_string(),
            mark,
        });
    }
    let (negative, rest) = if let Some(r) = s.strip_prefix('▲').or_else(|| s.strip_prefix('△'))
    {
        (true, r)
    } else if let Some(r) = s.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, &*s)
    };
    let signed = negative || rest.len() != s.len();
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        if signed {
            return Err(ValueError::Malformed {
                text: s.into_owned(),
                why: NumberProblem::SignWithoutDigits,
            });
        }
        if rest.starts_with([',', '.']) {
            return Err(ValueError::Malformed {
                text: s.into_owned(),
                why: NumberProblem::NoLeadingDigit,
            });
        }
        return Ok(Value::Text(s.into_owned()));
    }
    let number_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let mut amount = read_number(&rest[..number_end], &s)?;
    if negative {
        amount = -amount;
    }
    let mut tail = &rest[number_end..];

    // What follows the number: unit, bound, then one bracketed part.
    let mut bracket = None;
    if let Some(open) = tail.find('(') {
        let inner = tail[open + 1..]
            .strip_suffix(')')
            .ok_or_else(|| ValueError::Malformed {
                text: s.to_string(),
                why: NumberProblem::UnclosedBracket,
            })?;
        if inner.contains('(') || inner.contains(')') {
            return Err(ValueError::Malformed {
                text: s.to_string(),
                why: NumberProblem::NestedBrackets,
            });
        }
        bracket = Some(inner);
        // "91.3% (令和3年度)": a space may stand before the bracket.
        tail = tail[..open].trim_end();
    } else if tail.contains(')') {
        return Err(ValueError::Malformed {
            text: s.to_string(),
            why: NumberProblem::UnopenedBracket,
        });
    }
    let mut bound = None;
    for (word, b) in BOUND_WORDS {
        if let Some(t) = tail.strip_suffix(word) {
            bound = Some(b);
            tail = t;
            break;
        }
    }
    if tail
        .chars()
        .any(|c| c.is_ascii_digit() || c == ',' || c == '.' || c.is_whitespace())
    {
        return Err(ValueError::Malformed {
            text: s.to_string(),
            why: NumberProblem::TrailingCharacters,
        });
    }
    if BOUND_WORDS
        .iter()
        .map(|(w, _)| *w)
        .chain(["▲", "△"])
        .any(|w| tail.contains(w))
    {
        return Err(ValueError::Malformed {
            text: s.to_string(),
            why: NumberProblem::MisplacedBound,
        });
    }
    if !tail.is_empty() && !valid_unit(tail) {
        return Err(ValueError::BadUnit {
            text: s.to_string(),
            unit: tail.to_string(),
        });
    }
    let unit = (!tail.is_empty()).then(|| tail.to_string());
    let (total, note) = match bracket {
        None => (None, None),
        Some(inner) if inner.starts_with(|c: char| c.is_ascii_digit()) => {
            let total = read_number(inner, &s)?;
            (Some(total), None)
        }
        Some("") => {
            return Err(ValueError::Malformed {
                text: s.to_string(),
                why: NumberProblem::EmptyBrackets,
            })
        }
        Some(inner) => (None, Some(inner.to_string())),
    };
    Ok(Value::Number(Quantity {
        amount,
        unit,
        bound,
        total,
        note,
    }))
}

/// [`parse_number`], with errors naming the whole value `s`.
fn read_number(text: &str, s: &str) -> Result<Decimal, ValueError> {
    let digits_before_point = text
        .split('.')
        .next()
        .unwrap_or(text)
        .trim_start_matches(['0', ','])
        .bytes()
        .filter(u8::is_ascii_digit)
        .count();
    if digits_before_point > MAX_INTEGER_DIGITS {
        return Err(ValueError::TooLarge {
            text: s.to_string(),
            max_digits: MAX_INTEGER_DIGITS,
        });
    }
    parse_number(text).map_err(|why| ValueError::Malformed {
        text: s.to_string(),
        why,
    })
}

/// Reads "1,234.5": digits, thousands separators in groups of three, at most one decimal point.
fn parse_number(text: &str) -> Result<Decimal, NumberProblem> {
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    if int_part.is_empty() {
        return Err(NumberProblem::NoDigitsBeforePoint);
    }
    let groups: Vec<&str> = int_part.split(',').collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(NumberProblem::MisplacedSeparator);
    }
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return Err(NumberProblem::SeparatorGroups);
    }
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NumberProblem::MalformedDecimals);
        }
    }
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    Decimal::from_str_exact(&plain).map_err(|_| NumberProblem::TooManyDigits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn q(s: &str) -> Quantity {
        match parse_value(s).unwrap() {
            Value::Number(q) => q,
            other => panic!("{s} read as {other:?}"),
        }
    }

    #[test]
    fn plain_numbers_and_thousands_separators() {
        assert_eq!(q("23,583").amount, dec("23583"));
        assert_eq!(q("1,234,567.25").amount, dec("1234567.25"));
        assert_eq!(q("0").amount, Decimal::ZERO);
        assert_eq!(q("94.65").amount, dec("94.65"));
    }

    #[test]
    fn negatives() {
        assert_eq!(q("▲19.6%").amount, dec("-19.6"));
        assert_eq!(q("▲19.6%").unit.as_deref(), Some("%"));
        assert_eq!(q("-15,173").amount, dec("-15173"));
        assert_eq!(q("△5").amount, dec("-5"));
    }

    #[test]
    fn dashes_that_mean_minus_and_letters_that_only_look_like_one() {
        // U+2010 hyphen, U+2011, U+2012, U+2013, U+2212 minus, U+FF0D full-width, U+FE63.
        for minus in ['‐', '‑', '‒', '–', '−', '－', '﹣'] {
            assert_eq!(q(&format!("{minus}5")).amount, dec("-5"), "{minus:?}");
        }
        for letter in ['ー', 'ｰ', '一'] {
            let err = parse_value(&format!("{letter}5")).unwrap_err();
            assert!(
                matches!(err, ValueError::Sign { .. }),
                "{letter:?}: {err:?}"
            );
            let en = crate::i18n::Localize::localize(&err, crate::i18n::Lang::En);
            assert!(en.contains("is not a minus sign"), "{en}");
        }
        // A word that starts with one is still a word.
        assert_eq!(
            parse_value("一部実施").unwrap(),
            Value::Text("一部実施".into())
        );
        crate::i18n::check_templates(&all_templates());
    }

    #[test]
    fn full_width_digits() {
        assert_eq!(q("１２,３４５").amount, dec("12345"));
        assert_eq!(q("９８．５％").amount, dec("98.5"));
        assert_eq!(q("－３").amount, dec("-3"));
    }

    #[test]
    fn units_and_exact_scaling() {
        let v = q("12.6億円");
        assert_eq!(v.amount, dec("12.6"));
        assert_eq!(v.amount_in("億円"), Some(dec("12.6")));
        assert_eq!(v.amount_in("千円"), Some(dec("1260000")));
        assert_eq!(q("41,096千円").amount_in("億円"), Some(dec("0.41096")));
        assert_eq!(q("34,823").amount_in("千円/年"), Some(dec("34823")));
        assert_eq!(q("5台").amount_in("台"), Some(dec("5")));
        assert_eq!(q("5台").amount_in("千円"), None);
    }

    #[test]
    fn bounds() {
        let v = q("30億円以内");
        assert_eq!((v.amount, v.bound), (dec("30"), Some(Bound::AtMost)));
        let v = q("90%未満");
        assert_eq!(
            (v.amount, v.unit.as_deref(), v.bound),
            (dec("90"), Some("%"), Some(Bound::LessThan))
        );
        assert_eq!(q("80%以上").bound, Some(Bound::AtLeast));
        assert_eq!(q("3件超").bound, Some(Bound::MoreThan));
        assert!(Bound::LessThan.holds(dec("89.9"), dec("90")));
        assert!(!Bound::LessThan.holds(dec("90"), dec("90")));
        assert!(Bound::AtMost.holds(dec("30"), dec("30")));
    }

    #[test]
    fn every_bound_word_with_its_exact_meaning() {
        let at = |s: &str| q(s).bound;
        for (text, bound, unit) in [
            ("18%以下", Bound::AtMost, "%"),
            ("18%以内", Bound::AtMost, "%"),
            ("3件まで", Bound::AtMost, "件"),
            ("90%未満", Bound::LessThan, "%"),
            ("90%を下回る", Bound::LessThan, "%"),
            ("80%以上", Bound::AtLeast, "%"),
            ("3件超", Bound::MoreThan, "件"),
            ("3件を超える", Bound::MoreThan, "件"),
            ("3件を上回る", Bound::MoreThan, "件"),
            ("１８％以下", Bound::AtMost, "%"),
        ] {
            assert_eq!(at(text), Some(bound), "{text}");
            assert_eq!(q(text).unit.as_deref(), Some(unit), "{text}");
        }
        assert_eq!(q("18以下").unit, None);
        // 90%未満 is missed by 90.0%; 以下 and まで are kept at the limit.
        assert!(!Bound::LessThan.holds(dec("90.0"), dec("90")));
        assert!(Bound::AtMost.holds(dec("18"), dec("18")));
        assert!(!Bound::AtMost.holds(dec("18.5"), dec("18")));
        assert!(!Bound::MoreThan.holds(dec("3"), dec("3")));
        assert!(Bound::AtLeast.holds(dec("80"), dec("80")));
        for bad in ["18%以下以下", "18以下%", "3件を超える超"] {
            assert!(parse_value(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn a_word_that_is_no_unit_of_the_indicator_is_refused() {
        let cell = |s: &str| s.parse::<Cell>().unwrap();
        assert!(cell("18%以下").check_unit("%").is_ok());
        assert!(cell("18").check_unit("%").is_ok());
        assert!(cell("12.6億円").check_unit("千円").is_ok());
        assert!(cell("21,872トン").check_unit("トン/年").is_ok());
        assert!(cell("5台").check_unit("-").is_ok());
        assert_eq!(
            cell("18件程度").check_unit("件"),
            Err(UnitError::Mismatch {
                text: "18件程度".into(),
                written: "件程度".into(),
                unit: "件".into()
            })
        );
        assert!(parse_value("18%程度").is_err());
        assert!(cell("20人").check_unit("件").is_err());
        assert!(check_target_actual(&cell("18件"), &cell("20人")).is_err());
        assert!(check_target_actual(&cell("18件"), &cell("20")).is_ok());
        assert!(check_target_actual(&cell("1億円"), &cell("20百万円")).is_ok());
        assert!(cell("300百万円").check_money().is_ok());
        assert!(cell("300").check_money().is_ok());
        assert!(cell("300人").check_money().is_err());
    }

    #[test]
    fn money_converts_exactly() {
        let cell = |s: &str| s.parse::<Cell>().unwrap();
        assert_eq!(cell("300百万円").thousand_yen(), Some(dec("300000")));
        assert_eq!(cell("1.5億円").thousand_yen(), Some(dec("150000")));
        assert_eq!(cell("1,234円").thousand_yen(), Some(dec("1.234")));
        assert_eq!(cell("▲15,173").thousand_yen(), Some(dec("-15173")));
        assert_eq!(cell("-").thousand_yen(), None);
        let unit: MoneyUnit = "百万円".parse().unwrap();
        assert_eq!(unit.from_thousand_yen(dec("228520")), Some(dec("228.52")));
        assert_eq!(
            MoneyUnit::HundredMillionYen.from_thousand_yen(dec("100000")),
            Some(dec("1"))
        );
        assert_eq!(
            MoneyUnit::Yen.from_thousand_yen(dec("1.5")),
            Some(dec("1500"))
        );
        assert!("トン".parse::<MoneyUnit>().is_err());
    }

    #[test]
    fn compound_and_note() {
        let v = q("2(78)");
        assert_eq!((v.amount, v.total), (dec("2"), Some(dec("78"))));
        let v = q("41,096千円(令和3年度)");
        assert_eq!(v.amount, dec("41096"));
        assert_eq!(v.unit.as_deref(), Some("千円"));
        assert_eq!(v.note.as_deref(), Some("令和3年度"));
        assert_eq!(q("１（７６）").total, Some(dec("76")));
        let v = q("91.3% (令和3年度)");
        assert_eq!(
            (v.amount, v.unit.as_deref(), v.note.as_deref()),
            (dec("91.3"), Some("%"), Some("令和3年度"))
        );
    }

    #[test]
    fn none_no_new_target_and_words() {
        assert_eq!(parse_value("-").unwrap(), Value::None);
        assert_eq!(parse_value("—").unwrap(), Value::NoNewTarget);
        assert_eq!(parse_value("↓").unwrap(), Value::NoNewTarget);
        assert_eq!(parse_value("検討").unwrap(), Value::Text("検討".into()));
        assert_eq!(parse_value("運用中").unwrap(), Value::Text("運用中".into()));
        assert_eq!(parse_value("(未定)").unwrap(), Value::Text("(未定)".into()));
        assert_eq!(parse_value(" 検討 ").unwrap(), Value::Text("検討".into()));
    }

    #[test]
    fn malformed_values_are_errors() {
        for bad in [
            "",
            "  ",
            "1,2345",
            "12,34",
            ",123",
            "1..2",
            "1.2.3",
            "12.",
            "▲",
            "▲検討",
            "-abc",
            "2(78",
            "2(7(8))",
            "2)",
            "30億円以内以内",
            "3 件",
            "12a3",
            "2()",
            "1,000,00",
        ] {
            assert!(parse_value(bad).is_err(), "{bad:?} should not parse");
        }
    }

    #[test]
    fn dash_and_minus_variants_read_as_the_document_means_them() {
        for minus in ["-5", "‐5", "‑5", "‒5", "–5", "−5", "－5", "﹣5", "▲5", "△5"]
        {
            assert_eq!(q(minus).amount, dec("-5"), "{minus}");
        }
        for none in ["-", "‐", "–", "−", "－"] {
            assert_eq!(parse_value(none).unwrap(), Value::None, "{none}");
        }
        for no_new in ["—", "―", "─", "↓"] {
            assert_eq!(parse_value(no_new).unwrap(), Value::NoNewTarget, "{no_new}");
        }
        for glued in ["—5", "―5", "↓5", "—検討", "↓ 検討"] {
            assert!(
                matches!(parse_value(glued), Err(ValueError::MarkBeforeText { .. })),
                "{glued}"
            );
        }
        for bad in ["‐検討", "–▲5", "▲‐5", "--5", "5‐", "5—"] {
            assert!(parse_value(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_beyond_any_plan_are_errors() {
        assert_eq!(q("999,999,999,999,999億円").amount, dec("999999999999999"));
        assert_eq!(q("000000000000000000001").amount, dec("1"));
        for big in [
            "999999999999999999999億円",
            "1,000,000,000,000,000",
            "79228162514264337593543950335",
            "1(10000000000000000)",
        ] {
            assert!(
                matches!(parse_value(big), Err(ValueError::TooLarge { .. })),
                "{big}"
            );
        }
        // Converting the largest accepted amount between money units stays exact.
        let v = q("999999999999999億円");
        assert_eq!(v.amount_in("円"), Some(dec("99999999999999900000000")));
    }

    #[test]
    fn units_are_words() {
        assert_eq!(q("44%").unit.as_deref(), Some("%"));
        assert_eq!(q("3%/年").unit.as_deref(), Some("%/年"));
        assert_eq!(q("3千円/年").unit.as_deref(), Some("千円/年"));
        for bad in [
            "44%%",
            "44%円",
            "5件!",
            "5/",
            "5/年/",
            "5千円//年",
            "5件\u{1b}",
            "5#",
        ] {
            assert!(
                matches!(parse_value(bad), Err(ValueError::BadUnit { .. })),
                "{bad}: {:?}",
                parse_value(bad)
            );
        }
    }

    #[test]
    fn cell_keeps_the_printed_text() {
        let c: Cell = "30億円以内".parse().unwrap();
        assert_eq!(c.text, "30億円以内");
        assert_eq!(c.to_string(), "30億円以内");
        assert_eq!(c.number(), Some(dec("30")));
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn every_value_serializes() {
        for text in ["検討", "-", "↓", "2(78)", "30億円以内"] {
            let cell: Cell = text.parse().unwrap();
            let json = serde_json::to_string(&cell).unwrap();
            assert!(json.contains("\"type\""), "{json}");
        }
        let cell: Cell = "検討".parse().unwrap();
        assert_eq!(
            serde_json::to_string(&cell).unwrap(),
            r#"{"text":"検討","value":{"type":"text","value":"検討"}}"#
        );
    }

    #[test]
    fn every_value_reads_back_from_json_and_from_the_cache_format_exactly() {
        for text in [
            "-",
            "↓",
            "23,583",
            "1.50",
            "▲19.6%",
            "30億円以内",
            "2(78)",
            "検討",
        ] {
            let cell: Cell = text.parse().unwrap();
            let json = serde_json::to_string(&cell).unwrap();
            assert_eq!(serde_json::from_str::<Cell>(&json).unwrap(), cell, "{json}");
            let bytes = postcard::to_allocvec(&cell).unwrap();
            let back: Cell = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(back, cell, "{text}");
            // The scale too: 1.50 stays 1.50, not 1.5.
            assert_eq!(
                back.number().map(|d| d.to_string()),
                cell.number().map(|d| d.to_string())
            );
        }
    }
}

/// A unit inside a message: 千円 in Japanese, "thousand yen" in English.
impl crate::i18n::Arg for MoneyUnit {
    fn arg(&self, lang: crate::i18n::Lang) -> String {
        self.in_lang(lang).to_string()
    }
}
