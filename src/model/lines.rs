//! Which line of a file a byte offset is on: how every error about a TOML file (a plan's files,
//! a rule set's configuration and data, a rule test case) names its line.

/// 1-based line of a byte offset of `text`, for a single look-up; an offset past the end is on
/// the last line.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The line of `text` a TOML reader's error points at; 1 when it points nowhere.
pub fn error_line(text: &str, e: &toml::de::Error) -> usize {
    e.span().map(|s| line_of(text, s.start)).unwrap_or(1)
}

/// Where each line of a file starts, found in one pass, so that the line of every field is a
/// binary search rather than a count of the newlines before it.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The lines of `text`.
    pub fn new(text: &str) -> Self {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes());
        let starts = std::iter::once(0).chain(newlines.map(|i| i + 1));
        LineIndex {
            starts: starts.collect(),
        }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_counting_newlines() {
        let text = "a\n\nbc\nd\n";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.line(offset), line_of(text, offset), "{offset}");
        }
        assert_eq!(
            (line_of(text, 0), line_of(text, 2), line_of(text, 99)),
            (1, 2, 5)
        );
    }

    #[test]
    fn a_toml_error_names_the_line_it_points_at() {
        let text = "a = 1\nb = \n";
        let e = toml::from_str::<toml::Table>(text).unwrap_err();
        assert_eq!(error_line(text, &e), 2);
    }
}
