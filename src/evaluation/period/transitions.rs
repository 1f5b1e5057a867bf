//! Year over year: each item's recorded rating in one year and the next (↑ ↓ →), the matrix
//! of how many items went from each rating to each, and the items that fell two grades or
//! more.

use serde::Serialize;

use crate::model::{FiscalYear, ItemId, Scale};

/// How an item's rating moved from one year to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A better rating (↑).
    Up,
    /// The same rating (→).
    Same,
    /// A worse rating (↓).
    Down,
    /// No rating in one of the years, or one off the scale: nothing to compare.
    Unknown,
}

impl Direction {
    /// The arrow a table shows.
    pub fn arrow(self) -> &'static str {
        match self {
            Direction::Up => "↑",
            Direction::Same => "→",
            Direction::Down => "↓",
            Direction::Unknown => "-",
        }
    }
}

/// An item's recorded rating in two years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingChange {
    /// The earlier year's rating.
    pub before: Option<String>,
    /// The later year's rating.
    pub after: Option<String>,
    /// Which way it moved.
    pub direction: Direction,
    /// By how many grades it moved: positive up, negative down (`None` when unknown).
    pub grades: Option<i64>,
}

impl RatingChange {
    /// The move from `before` to `after` on `scale` (best first).
    pub fn between(scale: &Scale, before: Option<&str>, after: Option<&str>) -> RatingChange {
        let rank = |l: Option<&str>| l.and_then(|l| scale.position(l));
        let grades = match (rank(before), rank(after)) {
            (Some(b), Some(a)) => i64::try_from(b).ok().zip(i64::try_from(a).ok()),
            _ => None,
        }
        .map(|(b, a)| b - a);
        let direction = match grades {
            None => Direction::Unknown,
            Some(g) if g > 0 => Direction::Up,
            Some(0) => Direction::Same,
            Some(_) => Direction::Down,
        };
        RatingChange {
            before: before.map(String::from),
            after: after.map(String::from),
            direction,
            grades,
        }
    }
}

/// How the recorded ratings moved between two years, over all items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatingTransitions {
    /// The earlier year.
    pub from: FiscalYear,
    /// The later year.
    pub to: FiscalYear,
    /// The labels of the rows and columns: the recorded scale's, best first.
    pub labels: Vec<String>,
    /// `matrix[i][j]`: items rated `labels[i]` in `from` and `labels[j]` in `to`.
    pub matrix: Vec<Vec<usize>>,
    /// Items rated better in `to`.
    pub up: usize,
    /// Items rated the same.
    pub same: usize,
    /// Items rated worse.
    pub down: usize,
    /// Items without a rating on the scale in one of the years.
    pub unknown: usize,
    /// The items that fell two grades or more, in item order.
    pub fell_two: Vec<ItemId>,
}

impl RatingTransitions {
    /// The transitions of `changes` (each item's id and change) from `from` to `to`.
    pub fn of<'a>(
        scale: &Scale,
        from: FiscalYear,
        to: FiscalYear,
        changes: impl IntoIterator<Item = (ItemId, &'a RatingChange)>,
    ) -> RatingTransitions {
        let labels: Vec<String> = scale.labels().map(String::from).collect();
        let mut t = RatingTransitions {
            from,
            to,
            matrix: vec![vec![0; labels.len()]; labels.len()],
            labels,
            up: 0,
            same: 0,
            down: 0,
            unknown: 0,
            fell_two: Vec::new(),
        };
        for (id, change) in changes {
            let rank = |l: &Option<String>| l.as_deref().and_then(|l| scale.position(l));
            if let (Some(b), Some(a)) = (rank(&change.before), rank(&change.after)) {
                t.matrix[b][a] += 1;
            }
            match change.direction {
                Direction::Up => t.up += 1,
                Direction::Same => t.same += 1,
                Direction::Down => t.down += 1,
                Direction::Unknown => t.unknown += 1,
            }
            if change.grades.is_some_and(|g| g <= -2) {
                t.fell_two.push(id);
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rating;

    fn scale() -> Scale {
        Scale {
            ratings: ["A", "B", "C", "D"]
                .iter()
                .map(|l| Rating {
                    label: l.to_string(),
                    name: l.to_string(),
                    name_en: l.to_string(),
                })
                .collect(),
            relations: Vec::new(),
        }
    }

    #[test]
    fn moves_are_counted_in_grades_and_two_down_is_named() {
        let s = scale();
        let change = |b: Option<&str>, a: Option<&str>| RatingChange::between(&s, b, a);
        assert_eq!(change(Some("B"), Some("A")).direction, Direction::Up);
        assert_eq!(change(Some("A"), Some("C")).grades, Some(-2));
        assert_eq!(change(Some("C"), Some("C")).direction, Direction::Same);
        assert_eq!(change(None, Some("C")).direction, Direction::Unknown);
        assert_eq!(change(Some("X"), Some("C")).grades, None);
        let id = |n| ItemId {
            policy: 1,
            theme: 1,
            number: n,
        };
        let changes = [
            (id(1), change(Some("A"), Some("C"))),
            (id(2), change(Some("B"), Some("C"))),
            (id(3), change(Some("B"), Some("A"))),
            (id(4), change(Some("B"), Some("B"))),
            (id(5), change(None, Some("B"))),
            (id(6), change(Some("A"), Some("D"))),
        ];
        let r7 = FiscalYear::reiwa(7);
        let t = RatingTransitions::of(
            &s,
            r7,
            FiscalYear::reiwa(8),
            changes.iter().map(|(i, c)| (*i, c)),
        );
        assert_eq!((t.up, t.same, t.down, t.unknown), (1, 1, 3, 1));
        assert_eq!(t.matrix[0], [0, 0, 1, 1]);
        assert_eq!(t.matrix[1], [1, 1, 1, 0]);
        assert_eq!(t.fell_two, [id(1), id(6)]);
    }
}
