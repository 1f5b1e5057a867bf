//! Any text as a printed value: reading it must never panic, and a number read must convert
//! between units and format as a percentage without panicking.
#![no_main]

use gyokaku::number::{format_number, format_percent};
use gyokaku::model::{parse_value, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(Value::Number(q)) = parse_value(text) {
        for unit in ["円", "千円", "百万円", "億円", "千円/年", "%", "件"] {
            if let Some(a) = q.amount_in(unit) {
                let _ = format_percent(a);
                let _ = format_number(a);
            }
        }
        let _ = format_percent(q.amount);
    }
});
