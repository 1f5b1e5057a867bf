//! Text from plan and rule files is data: a control character in a title (an escape sequence,
//! a carriage return, a right-to-left override) must not act on the terminal it is printed to.

use std::borrow::Cow;

/// Whether `c` would act on a terminal rather than be shown: C0 and C1 control characters
/// (except newline and tab, which lay out text), DEL, and the bidirectional overrides and
/// isolates that reorder what follows them.
pub fn is_unsafe_for_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// `text` with every character that would act on a terminal written as a visible escape
/// (`\u{1b}`); unchanged, and not copied, when there is none. Everything printed to a terminal
/// (reports and messages) goes through this one function.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_for_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe_for_terminal(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(escape_control("市民\u{1b}[31m課"), "市民\\u{1b}[31m課");
        assert_eq!(escape_control("a\rb\u{7}\u{9b}"), "a\\u{d}b\\u{7}\\u{9b}");
        assert_eq!(escape_control("x\u{202E}y"), "x\\u{202e}y");
        assert!(matches!(
            escape_control("行\t革\n伊勢原 ▲19.6%"),
            Cow::Borrowed(_)
        ));
    }
}
