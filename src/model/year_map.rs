//! An item's rows per fiscal year, kept compactly: a vector in year order. A plan has about
//! five years; a B-tree map would give each item a node with room for eleven rows.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::fiscal_year::FiscalYear;
use super::item::YearEntry;

/// The rows of an item's sheet by fiscal year, in year order; read and written (JSON, the
/// cache) as a map from year to row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YearMap {
    rows: Vec<(FiscalYear, YearEntry)>,
}

/// A year and its row, as iterating gives them.
type Pair<'a> = (&'a FiscalYear, &'a YearEntry);

/// The years and their rows, in year order.
pub type Iter<'a> = std::iter::Map<
    std::slice::Iter<'a, (FiscalYear, YearEntry)>,
    fn(&'a (FiscalYear, YearEntry)) -> Pair<'a>,
>;

fn pair(row: &(FiscalYear, YearEntry)) -> Pair<'_> {
    (&row.0, &row.1)
}

impl YearMap {
    /// No rows.
    pub fn new() -> Self {
        YearMap::default()
    }

    fn position(&self, year: &FiscalYear) -> Result<usize, usize> {
        self.rows.binary_search_by(|(y, _)| y.cmp(year))
    }

    /// The year's row.
    pub fn get(&self, year: &FiscalYear) -> Option<&YearEntry> {
        self.position(year).ok().map(|i| &self.rows[i].1)
    }

    /// The year's row, to change.
    pub fn get_mut(&mut self, year: &FiscalYear) -> Option<&mut YearEntry> {
        self.position(year).ok().map(|i| &mut self.rows[i].1)
    }

    /// Sets the year's row; the row it replaces, if any.
    pub fn insert(&mut self, year: FiscalYear, entry: YearEntry) -> Option<YearEntry> {
        match self.position(&year) {
            Ok(i) => Some(std::mem::replace(&mut self.rows[i].1, entry)),
            Err(i) => {
                self.rows.insert(i, (year, entry));
                None
            }
        }
    }

    /// The years and their rows, in year order.
    pub fn iter(&self) -> Iter<'_> {
        self.rows.iter().map(pair)
    }

    /// The years and their rows, to change, in year order.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&FiscalYear, &mut YearEntry)> {
        self.rows.iter_mut().map(|(y, e)| (&*y, e))
    }

    /// The rows, in year order.
    pub fn values(&self) -> impl Iterator<Item = &YearEntry> {
        self.rows.iter().map(|(_, e)| e)
    }

    /// How many years have a row.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no year has a row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

impl<'a> IntoIterator for &'a YearMap {
    type Item = Pair<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for YearMap {
    type Item = (FiscalYear, YearEntry);
    type IntoIter = std::vec::IntoIter<(FiscalYear, YearEntry)>;

    fn into_iter(self) -> Self::IntoIter {
        self.rows.into_iter()
    }
}

/// Later rows of a year replace earlier ones, as in a map.
impl FromIterator<(FiscalYear, YearEntry)> for YearMap {
    fn from_iter<I: IntoIterator<Item = (FiscalYear, YearEntry)>>(rows: I) -> Self {
        let mut map = YearMap::new();
        for (year, entry) in rows {
            map.insert(year, entry);
        }
        map
    }
}

impl Serialize for YearMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for YearMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let rows = BTreeMap::<FiscalYear, YearEntry>::deserialize(deserializer)?;
        Ok(YearMap {
            rows: rows.into_iter().collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(rating: &str) -> YearEntry {
        YearEntry {
            rating: Some(rating.into()),
            ..YearEntry::default()
        }
    }

    #[test]
    fn rows_stay_in_year_order_and_a_year_once() {
        let (r5, r6, r7) = (
            FiscalYear::reiwa(5),
            FiscalYear::reiwa(6),
            FiscalYear::reiwa(7),
        );
        let mut map: YearMap = [(r7, row("C")), (r5, row("A"))].into_iter().collect();
        assert_eq!(map.insert(r6, row("B")), None);
        assert_eq!(map.insert(r5, row("S")), Some(row("A")));
        let years: Vec<_> = (map.iter())
            .map(|(y, e)| (*y, e.rating.clone().unwrap()))
            .collect();
        assert_eq!(
            years,
            [(r5, "S".into()), (r6, "B".into()), (r7, "C".into())]
        );
        assert_eq!(map.get(&r6), Some(&row("B")));
        assert_eq!(map.get(&FiscalYear::reiwa(8)), None);
        map.get_mut(&r7).unwrap().rating = None;
        assert_eq!(map.len(), 3);
        let json = serde_json::to_string(&map).unwrap();
        assert!(json.starts_with(r#"{"R5":{"#), "{json}");
        assert_eq!(serde_json::from_str::<YearMap>(&json).unwrap(), map);
        let bytes = postcard::to_allocvec(&map).unwrap();
        assert_eq!(postcard::from_bytes::<YearMap>(&bytes).unwrap(), map);
    }
}
